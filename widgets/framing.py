"""Framing: word choices counted per article, each with the sentences it occurs in.

The choices live in ``data/framing.csv``, a file a teacher can edit in a spreadsheet. Each row is one
term of a group of alternatives ("Kyiv" or "Kiev"; "war", "crisis" or "conflict"):

=========  =========================================================================================
group      the choice the terms are alternatives in ("Kyiv or Kiev")
term       the name shown in tables ("Kiev")
patterns   phrases that count, separated by ``;`` (``invade*`` also finds "invaded")
marks      ``any``; ``scare`` (only when the words stand alone in quotation marks: “peace plan”);
           ``none`` (only when they do not)
exclude    phrases whose uses do not count, separated by ``;`` ("war crimes" for the term "war")
note       what the choice suggests, in plain words
=========  =========================================================================================

>>> from widgets.corpus import article_from_text
>>> a = article_from_text('China’s “peace plan” is a peace plan.', id="toy")
>>> terms = [FramingTerm("plan", "peace plan", ("peace plan",), marks="none"),
...          FramingTerm("plan", "“peace plan”", ("peace plan",), marks="scare")]
>>> [(h.term, h.start) for h in find_framing(a, terms=terms)]
[('“peace plan”', 9), ('peace plan', 26)]
"""
from __future__ import annotations

import os
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable, Sequence

from .coverage import Sentences, phrase_pattern
from .datafiles import Table, data_path, load, split_cell
from .errors import MetadataError
from .wording import did_you_mean

FRAMING_FILE = "framing.csv"
#: Columns of ``data/framing.csv`` (the first three are required).
FRAMING_COLUMNS = ("group", "term", "patterns", "marks", "exclude", "note")
MARKS = ("any", "scare", "none")
_OPEN_MARKS = "“\"‘'”«"
_CLOSE = re.compile(r"^[.,;:!?]?[”\"’'“»]")


@dataclass(frozen=True)
class FramingTerm:
    """One word choice: its ``group`` of alternatives, the ``term`` shown, the phrases that count."""

    group: str
    term: str
    patterns: tuple[str, ...]
    marks: str = "any"
    exclude: tuple[str, ...] = ()
    note: str = ""


@dataclass(frozen=True)
class FramingHit:
    """One use of a term in one article, with the sentence around it (``sentence_start``/``_end``).

    ``in_quote`` is True when the word is inside someone's quoted words (the speaker's choice, not the
    writer's), False when it is the writer's own, None when quotes were not looked at.
    """

    group: str
    term: str
    file: str
    start: int
    end: int
    text: str
    sentence_start: int
    sentence_end: int
    sentence: str
    in_quote: bool | None = None


def load_framing(path: str | os.PathLike | None = None) -> tuple[FramingTerm, ...]:
    """The word choices in ``data/framing.csv``; read again when the file changes.

    >>> [t.term for t in load_framing() if t.group == "Kyiv or Kiev"]
    ['Kyiv', 'Kiev']
    """
    return load(data_path(FRAMING_FILE, path), _framing_from_table, what="list of word choices",
                required=FRAMING_COLUMNS[:3], known=FRAMING_COLUMNS)


def _framing_from_table(table: Table) -> tuple[FramingTerm, ...]:
    terms = []
    for row in table.rows:
        where = f"{table.where}, line {row.line}"
        term, patterns = row["term"], split_cell(row["patterns"])
        if not term or not patterns:
            raise MetadataError("This row needs a term and at least one pattern.",
                                fix='Fill in both cells, e.g. term "Kiev" and patterns "Kiev".', where=where)
        marks = (row["marks"] or "any").lower()
        if marks not in MARKS:
            raise MetadataError(f'The marks cell is "{marks}", which the kit does not know.'
                                f'{did_you_mean(marks, MARKS)}',
                                fix=f"Use one of: {', '.join(MARKS)}.", where=where)
        terms.append(FramingTerm(row["group"] or term, term, patterns, marks, split_cell(row["exclude"]), row["note"]))
    return tuple(terms)


@lru_cache(maxsize=256)
def _rx(patterns: tuple[str, ...]) -> re.Pattern:
    ordered = sorted(patterns, key=len, reverse=True)
    return re.compile("|".join(f"(?:{phrase_pattern(p)})" for p in ordered), re.IGNORECASE)


def is_scare_quoted(text: str, start: int, end: int) -> bool:
    """True when ``text[start:end]`` stands alone in quotation marks (“peace plan” or "peace plan.").

    >>> is_scare_quoted('its “peace plan.”', 5, 15), is_scare_quoted('the peace plan', 4, 14)
    (True, False)
    """
    before = text[start - 1] if start > 0 else ""
    return before in _OPEN_MARKS and bool(_CLOSE.match(text[end : end + 2]))


def find_framing(article, *, terms: Sequence[FramingTerm] | None = None, name: str | None = None,
                 sentences: Sentences | None = None,
                 quoted: Sequence[tuple[int, int]] | None = None) -> list[FramingHit]:
    """Every use of each framing term in the article proper, with its sentence.

    Args:
        article: a :class:`~widgets.corpus.Article`.
        terms: the word choices (default: ``data/framing.csv``).
        name: the name to give the article in the results (default: its id).
        quoted: (start, end) of every quotation in the article (e.g. from :func:`widgets.quotes.find_quotes`),
            to tell the writer's own words from quoted ones (``FramingHit.in_quote``).

    More in the module example.

    >>> from widgets.corpus import article_from_text
    >>> a = article_from_text("“The war must end,” Kirby said. The war crimes report came out. The war went on.",
    ...                       id="toy")
    >>> terms = [FramingTerm("war or conflict", "war", ("war",), exclude=("war crimes",))]
    >>> [(h.text, h.start, h.in_quote) for h in find_framing(a, terms=terms, quoted=[(1, 18)])]
    [('war', 5, True), ('war', 68, False)]
    """
    terms = load_framing() if terms is None else terms
    name = name or getattr(article, "id", None) or "text"
    raw, lo, hi = article.raw, article.body_start, article.body_end
    sentences = sentences or Sentences.of_text(raw)
    hits = []
    for t in terms:
        excluded = [(m.start(), m.end()) for m in _rx(t.exclude).finditer(raw, lo, hi)] if t.exclude else []
        for m in _rx(t.patterns).finditer(raw, lo, hi):
            if any(s <= m.start() and m.end() <= e for s, e in excluded):
                continue
            scare = is_scare_quoted(raw, m.start(), m.end())
            if (t.marks == "scare" and not scare) or (t.marks == "none" and scare):
                continue
            s, e = sentences.around(m.start())
            in_quote = None if quoted is None else any(a <= m.start() and m.end() <= b for a, b in quoted)
            hits.append(FramingHit(t.group, t.term, name, m.start(), m.end(), m.group(), s, e, raw[s:e].strip(), in_quote))
    hits.sort(key=lambda h: (h.start, h.term))
    return hits


def framing_table(hits: Iterable[FramingHit], files: Sequence[str], *, terms: Sequence[FramingTerm] = ()) -> dict[str, dict[str, int]]:
    """``{term: {file: count}}``, every term of ``terms`` listed (with zeros) in the file's order.

    >>> framing_table([], ["a", "b"], terms=[FramingTerm("g", "Kiev", ("Kiev",))])
    {'Kiev': {'a': 0, 'b': 0}}
    """
    table: dict[str, dict[str, int]] = {t.term: {f: 0 for f in files} for t in terms}
    for h in hits:
        row = table.setdefault(h.term, {f: 0 for f in files})
        if h.file in row:
            row[h.file] += 1
    return table


__all__ = ["FramingHit", "FramingTerm", "MARKS", "find_framing", "framing_table", "is_scare_quoted", "load_framing"]
