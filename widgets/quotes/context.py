"""The text under analysis, shared by every step of quote spotting: the raw text, its parse, the
quotation marks found in step 1, the speaker mentions, and a few helpers over tokens and offsets."""
from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..speakers import SpeakerTable
from ..wordlists import ReportingVerbs, Titles
from .marks import QUOTE_MARKS, QuoteMarks

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc, Token


@dataclass(frozen=True)
class _Mention:
    start: int
    end: int
    name: str
    type: str
    text: str
    subject: bool
    depth: int = 0  # for a subject: how many clauses down from the sentence's main verb (0 = its subject)
    described: frozenset = frozenset()  # words the text describes the person with ("senator", "nominee")


@dataclass
class _Context:
    raw: str
    doc: "Doc"
    table: SpeakerTable
    parsed: bool
    tagged: bool
    spans: list[QuoteMarks]
    quoted: list[tuple[int, int]]  # (open offset, close offset + 1) of every quotation
    quote_starts: list[int]
    verbs: ReportingVerbs
    titles: Titles
    first_names: dict
    mentions: list[_Mention] = field(default_factory=list)
    mention_starts: list[int] = field(default_factory=list)
    genders: dict[str, str] = field(default_factory=dict)  # person -> "male", "female" or ""
    descriptions: dict[str, frozenset] = field(default_factory=dict)  # person -> words describing them
    body: tuple[int, int] | None = None
    last_group: tuple[int, str] | None = None
    ents: tuple = ()  # doc.ents, read once (spaCy builds the tuple anew on every access)
    _ent_at: dict = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.ents = tuple(self.doc.ents)
        for ent in self.ents:
            for i in range(ent.start, ent.end):
                self._ent_at[i] = ent

    def ent_at(self, i: int):
        """The named entity that token ``i`` is part of, or None."""
        return self._ent_at.get(i)

    def inside_quote(self, offset: int) -> bool:
        k = bisect_right(self.quote_starts, offset) - 1
        return k >= 0 and self.quoted[k][0] <= offset < self.quoted[k][1]


def _doc_tokens_between(doc: "Doc", start: int, end: int) -> list["Token"]:
    span = doc.char_span(start, end, alignment_mode="expand") if end > start else None
    return list(span) if span is not None else []


def _np_span(tok: "Token", ctx: _Context) -> tuple[int, int]:
    """Character extent of the noun phrase headed by ``tok`` (its left modifiers, the entity it is in),
    never reaching across a line break."""
    start, end = tok.idx, tok.idx + len(tok)
    line_start = ctx.raw.rfind("\n", 0, tok.idx) + 1
    if ctx.parsed:
        for child in tok.lefts:
            if child.dep_ in ("det", "poss", "compound", "amod", "nummod", "nmod", "case", "punct") \
                    and child.i >= tok.i - 8:
                edge = child.left_edge.idx if child.dep_ in ("poss", "compound", "nmod") else child.idx
                start = min(start, max(edge, line_start))
    if tok.ent_type_:
        ent = ctx.ent_at(tok.i)
        if ent is not None:
            start, end = min(start, max(ent.start_char, line_start)), max(end, ent.end_char)
    newline = ctx.raw.find("\n", start, end)
    if newline >= 0:
        end = max(newline, start)
    while start < end and ctx.raw[start] in QUOTE_MARKS + " ,":
        start += 1
    return start, end


def _same_line(a: int, b: int, raw: str) -> bool:
    lo, hi = min(a, b), max(a, b)
    return "\n" not in raw[lo:hi]
