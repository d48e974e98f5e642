"""Step 3 of quote spotting: what kind of quotation it is. ``direct`` (a full statement), ``partial`` (a
phrase woven into the reporter's sentence) or ``scare`` (a term set off in quotation marks with nobody
quoted, such as a so-called “Cold War mentality”)."""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..text import count_words
from .context import _Context
from .marks import QuoteMarks

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Token

KINDS = ("direct", "partial", "scare")
_SO_CALLED = re.compile(r"(?:so[\s-]called|what (?:it|they|he|she) calls?|dubbed|termed)\s*$", re.IGNORECASE)
#: Penn tags of verbs that make a statement (not participles like "rules-based").
_FINITE_TAGS = frozenset({"VB", "VBD", "VBP", "VBZ", "MD"})


def _has_verb(tokens: list["Token"], ctx: _Context) -> bool:
    words = [t for t in tokens if t.is_alpha]
    if ctx.tagged:
        return any(t.tag_ in _FINITE_TAGS for t in words)
    return len(words) >= 4


def _noun_after(inner: list["Token"], span: QuoteMarks) -> "Token | None":
    heads = {t.head for t in inner if t.is_alpha and not (span.start <= t.head.idx < span.end)}
    heads = [h for h in heads if h.idx >= span.end and h.pos_ in ("NOUN", "PROPN")]
    return heads[0] if len(heads) == 1 else None


def _modifies_noun_after(inner: list["Token"], span: QuoteMarks, ctx: _Context) -> bool:
    """True for 'a “win-win” arrangement': the quoted words modify a noun right after the quote."""
    noun = _noun_after(inner, span)
    if noun is None or "\n" in ctx.raw[span.end:noun.idx]:
        return False
    return noun.i - max(t.i for t in inner) <= 3


def _kind(ctx: _Context, span: QuoteMarks, text: str, inner: list["Token"], before: list["Token"],
          after: list["Token"], reporter_before: str, starts_sentence: bool, *, has_speaker: bool,
          cues: list) -> tuple[str, str]:
    """(kind, scare reason): ``scare`` with the reason why nobody is quoted, else ``direct`` or ``partial``
    with an empty reason."""
    words = count_words(text)
    verb = _has_verb(inner, ctx)
    first = text.lstrip(" '‘\"“”…")[:1]
    prev_tok = before[-1] if before else None
    # A whole utterance: it starts the sentence and ends with its own punctuation ("Yes," Kirby said).
    utterance = starts_sentence and (text.rstrip()[-1:] in ",.!?…" or (after and after[0].text == ","))
    scare_reason = ""
    if _SO_CALLED.search(reporter_before):
        scare_reason = "scare quote: 'so-called' (or similar) sets the term apart; nobody is quoted"
    elif words <= 4 and not verb and prev_tok is not None and ctx.parsed and not ctx.inside_quote(prev_tok.idx) \
            and prev_tok.dep_ in ("amod", "compound", "nummod", "nmod") \
            and span.start <= prev_tok.head.idx < span.end:
        scare_reason = (f"scare quote: a term inside the reporter's own noun phrase "
                        f"('{prev_tok.text} “{text.strip()}”'); nobody is quoted")
    elif words <= 3 and not verb and ctx.parsed and inner and _modifies_noun_after(inner, span, ctx):
        scare_reason = (f"scare quote: the term describes the reporter's own noun "
                        f"('“{text.strip()}” {_noun_after(inner, span).text}'); nobody is quoted")
    elif not has_speaker and words <= 5 and not verb and not utterance and not cues:
        scare_reason = "scare quote: a short term with no reporting verb or speaker nearby"
    if scare_reason:
        return "scare", scare_reason
    capital = first.isupper() or first == "["
    framed = reporter_before.rstrip().endswith((",", ":")) and verb
    # Direct: a statement set apart from the reporter's words (it starts the sentence, or follows
    # "said," or a colon); a phrase inside the reporter's sentence is partial.
    kind = "direct" if capital and (utterance or framed or (starts_sentence and verb)) else "partial"
    return kind, ""
