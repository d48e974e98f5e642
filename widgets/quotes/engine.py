"""The quote-spotting engine: :func:`find_quotes` runs the three steps (marks, speaker, kind) over a text
and returns one :class:`Quote` per quotation, with the reason for its speaker."""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..nlp import as_doc, has_parser
from ..speakers import SpeakerTable, load_speakers, load_speakers_or_warn
from .attribution import _according_to, _attribute_with_cue, _resolve
from .context import _Context, _doc_tokens_between
from .kinds import _kind
from .marks import DOUBLE_CLOSE, DOUBLE_OPEN, QuoteMarks, find_quote_marks
from .mentions import _build_mentions

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Token

_SENTENCE_END = frozenset(".!?")


@dataclass(frozen=True)
class Quote:
    """One quoted span, its kind and its speaker.

    Offsets point into the raw text: ``raw[q.start:q.end] == q.text`` (the words between the marks).
    """

    start: int
    end: int
    text: str
    kind: str
    speaker: str | None
    cue: str | None
    mention: str | None
    reason: str
    open_mark: int | None
    close_mark: int | None

    def to_json(self) -> dict:
        """The object ``medialit quotes --json`` prints for this quote."""
        return {"start": self.start, "end": self.end, "text": self.text, "speaker": self.speaker,
                "kind": self.kind, "cue": self.cue}


def _table(speakers) -> SpeakerTable:
    if isinstance(speakers, SpeakerTable):
        return speakers
    if speakers is None:  # the kit's table: a broken file gives a warning (once), not silently no table
        return load_speakers_or_warn()
    return load_speakers(speakers)


def _sentence_before(ctx: _Context, open_mark: int) -> tuple[int, list["Token"]]:
    """Start offset of the reporter's words before a quote in its sentence, and their tokens."""
    raw = ctx.raw
    line_start = raw.rfind("\n", 0, open_mark) + 1
    tokens = [t for t in _doc_tokens_between(ctx.doc, line_start, open_mark) if t.idx < open_mark]
    start = line_start
    for t in reversed(tokens):
        if t.text in _SENTENCE_END and not ctx.inside_quote(t.idx):
            start = t.idx + 1
            break
        if ctx.inside_quote(t.idx) and t.idx + len(t) <= open_mark and raw[t.idx] in DOUBLE_CLOSE + '"' \
                and t.i > 0 and t.doc[t.i - 1].text in _SENTENCE_END:
            start = t.idx + 1
            break
    return start, [t for t in tokens if t.idx >= start]


def _sentence_after(ctx: _Context, close_end: int) -> list["Token"]:
    raw = ctx.raw
    line_end = raw.find("\n", close_end)
    line_end = len(raw) if line_end < 0 else line_end
    out = []
    for t in _doc_tokens_between(ctx.doc, close_end, line_end):
        if t.idx < close_end:
            continue
        if raw[t.idx] in DOUBLE_OPEN or (raw[t.idx] == '"' and ctx.inside_quote(t.idx)):
            break
        out.append(t)
        if t.text in _SENTENCE_END:
            break
    return out


def _content(tokens: list["Token"]) -> list["Token"]:
    return [t for t in tokens if not t.is_space and not (t.is_punct and t.text not in "[]")]


def find_quotes(source, *, speakers=None) -> list[Quote]:
    """Every quotation in a text, in text order, with its kind, speaker, cue and the reason.

    Args:
        source: a ``str``, a spaCy ``Doc`` or a :class:`widgets.corpus.Article`.
        speakers: the speaker table (a :class:`~widgets.speakers.SpeakerTable` or a path to a CSV);
            ``None`` reads ``data/speakers.csv``.

    Returns:
        A list of :class:`Quote`. Offsets point into the raw text (``article.raw`` for an article).

    >>> qs = find_quotes('“The world should not be fooled,” Blinken said. It is a so-called “peace plan”.')
    >>> [(q.kind, q.speaker, q.cue) for q in qs]
    [('direct', 'Antony Blinken', 'said'), ('scare', None, None)]
    """
    raw, doc, body = as_doc(source, what="find_quotes()", example="'Kirby said: “Yes.”'")
    spans = find_quote_marks(raw)
    quoted = [(s.open_mark if s.open_mark is not None else s.start,
               (s.close_mark + 1) if s.close_mark is not None else s.end) for s in spans]
    ctx = _Context(raw=raw, doc=doc, table=_table(speakers), parsed=has_parser(doc),
                   tagged=bool(doc.has_annotation("TAG")), spans=spans, quoted=quoted,
                   quote_starts=[q[0] for q in quoted], body=body)
    _build_mentions(ctx)
    results: list[Quote] = []
    for k, span in enumerate(spans):
        results.append(_analyse(ctx, k, span, results))
    return results


def _analyse(ctx: _Context, k: int, span: QuoteMarks, done: list[Quote]) -> Quote:
    raw = ctx.raw
    text = raw[span.start:span.end]
    open_at = span.open_mark if span.open_mark is not None else span.start
    close_end = (span.close_mark + 1) if span.close_mark is not None else span.end
    before_start, before = _sentence_before(ctx, open_at)
    after = _sentence_after(ctx, close_end)
    inner = _doc_tokens_between(ctx.doc, span.start, span.end)
    before_words = _content([t for t in before])
    starts_sentence = not before_words
    reporter_before = raw[before_start:open_at]

    speaker = cue = mention = None
    reason = ""
    found = None
    cues: list = []  # reporting verbs seen around the quote, even when their subject names nobody
    # Rule 1: a reporting verb and its subject.
    if starts_sentence:
        found = _attribute_with_cue(ctx, after[:8], close_end, cues)
        if found is None:
            found = _attribute_with_cue(ctx, list(reversed(before)), open_at, cues)
    else:
        found = _attribute_with_cue(ctx, list(reversed(before)), open_at, cues)
        if found is None and (text.rstrip().endswith(",") or (after and after[0].text == ",")):
            found = _attribute_with_cue(ctx, after[:5], close_end, cues)
    if found is not None:
        res, cue = found
        speaker, mention = res.speaker, res.mention
        reason = f"reporting verb '{cue}', subject {res.mention!r}: " + res.reason
        if res.type == "group":
            ctx.last_group = (open_at, res.speaker)
    # Rule 2: "according to X".
    if speaker is None:
        res = _according_to(ctx, before + after)
        if res is not None:
            speaker, mention, cue, reason = res.speaker, res.mention, "according to", res.reason
    # Rule 3: a headline "X: ...".
    if speaker is None:
        line_start = raw.rfind("\n", 0, open_at) + 1
        line_end = raw.find("\n", close_end)
        line = raw[line_start:len(raw) if line_end < 0 else line_end]
        m = re.match(r"\s*([A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,3})\s*:\s*$", raw[line_start:open_at])
        if m and not line.rstrip().endswith("."):
            tok = _doc_tokens_between(ctx.doc, line_start + m.start(1), line_start + m.end(1))
            res = _resolve(ctx, tok[-1] if tok else None, m.group(1), line_start + m.start(1))
            if res is not None:
                speaker, mention, cue = res.speaker, res.mention, ":"
                reason = f"headline '{m.group(1)}: ...' -> {res.speaker}"
    # Rule 4: the same words were quoted before, with a speaker.
    if speaker is None:
        same = next((q for q in reversed(done) if q.speaker is not None
                     and " ".join(q.text.lower().strip(" ,.").split()) == " ".join(text.lower().strip(" ,.").split())),
                    None)
        if same is not None:
            speaker, mention, cue = same.speaker, None, None
            reason = f"the same words were quoted earlier from {same.speaker}"
    # Rule 5: a continuation: a new quote with no verb keeps the last speaker.
    previous = done[-1] if done else None
    if speaker is None and starts_sentence and previous is not None and previous.speaker is not None \
            and not _content(after):
        gap = raw[(previous.close_mark + 1) if previous.close_mark is not None else previous.end:open_at]
        crosses_body = ctx.body is not None and (ctx.body[0] <= previous.start < ctx.body[1]) != (
            ctx.body[0] <= span.start < ctx.body[1])
        paragraphs = len(re.findall(r"\n\s*", gap))
        if (paragraphs <= 1 or span.reopened) and sum(gap.count(p) for p in _SENTENCE_END) <= 1 \
                and not crosses_body:
            speaker, mention = previous.speaker, None
            reason = f"continuation: no reporting verb, so it keeps the previous speaker {previous.speaker}"

    kind, scare_reason = _kind(ctx, span, text, inner, before, after, reporter_before, starts_sentence,
                               has_speaker=speaker is not None, cues=cues)
    if scare_reason:
        speaker, cue, mention, reason = None, None, None, scare_reason
    elif speaker is None and cues:
        reason = (f"reporting verb '{cues[0].text}', but its subject names nobody the kit can identify: "
                  "speaker unknown")
    elif speaker is None:
        reason = "no rule found a speaker: unknown"
    return Quote(start=span.start, end=span.end, text=text, kind=kind, speaker=speaker, cue=cue,
                 mention=mention, reason=reason, open_mark=span.open_mark, close_mark=span.close_mark)
