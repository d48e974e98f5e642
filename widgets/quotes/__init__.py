"""Quote spotting: find every quotation in a text, say what kind it is and who said it.

The engine works in three steps a student can follow:

1. **Find the marks.** Curly (“ ” ‘ ’) and straight (" ') quotation marks are paired up, even when
   one text mixes them, when a closing mark is used as an opening one (``said, ”Genocide ...”``), or
   when a quotation runs over a paragraph break and is reopened. Apostrophes (``Xi’s``, ``Belarus’``)
   are not quotation marks.
2. **Find the speaker**, with the first rule that applies (the rule is recorded in ``Quote.reason``):
   a reporting verb and its subject (``Blinken said``, ``said Blinken``, before or after the quote);
   ``according to X``; a headline ``X: ...``; a continuation (a new quote with no verb keeps the last
   speaker); a pronoun (``he said``) takes the most recent person named as a subject whose gender, as far as the
   text shows it ("Mrs.", "she said"), fits; short forms and titles
   (``Mr Kirby``) map to one canonical name through the speaker table (``data/speakers.csv``).
   When no rule applies, the speaker is unknown (``None``), never a guess.
3. **Say what kind it is**: ``direct`` (a full statement), ``partial`` (a phrase woven into the
   reporter's sentence) or ``scare`` (a term set off in quotation marks with nobody quoted, such as a
   so-called “Cold War mentality”). A scare quote never gets a speaker.

>>> text = 'Kirby spoke first. “We are watching,” he said. It is a so-called “peace plan”.'
>>> for q in find_quotes(text):
...     print(q.kind, q.text, "|", q.speaker, "|", q.cue)
direct We are watching, | John Kirby | said
scare peace plan | None | None
>>> find_quotes(text)[0].reason
"reporting verb 'said', subject 'he': he -> John Kirby (the most recent person named as a subject who can be 'he')"
"""
from __future__ import annotations

from ..evaluation import QUOTES_KEY_FILE as KEY_FILE
from ..evaluation import KeyQuote, Score, load_answer_key, score_quotes
from .attribution import DOCUMENT_NOUNS, GROUP_NOUNS, PRONOUNS, SPEAKER_NOUNS
from .engine import Quote, find_quotes
from .kinds import KINDS
from .marks import (
    DOUBLE_CLOSE,
    DOUBLE_OPEN,
    QUOTE_MARKS,
    SINGLE_CLOSE,
    SINGLE_OPEN,
    STRAIGHT_DOUBLE,
    STRAIGHT_SINGLE,
    QuoteMarks,
    find_quote_marks,
)

__all__ = [
    "DOCUMENT_NOUNS",
    "DOUBLE_CLOSE",
    "DOUBLE_OPEN",
    "GROUP_NOUNS",
    "KEY_FILE",
    "KINDS",
    "KeyQuote",
    "PRONOUNS",
    "QUOTE_MARKS",
    "Quote",
    "QuoteMarks",
    "SINGLE_CLOSE",
    "SINGLE_OPEN",
    "SPEAKER_NOUNS",
    "STRAIGHT_DOUBLE",
    "STRAIGHT_SINGLE",
    "Score",
    "find_quote_marks",
    "find_quotes",
    "load_answer_key",
    "score_quotes",
]
