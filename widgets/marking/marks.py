"""Words and marks: the words of a text, numbered, and the spans a student, the tool or the key marked.

A student's marks are saved as spans (offsets into the article, the text, and the speaker in quotes mode) with a
fingerprint of the article (:func:`fingerprint`), so marks made on another version of it can be told.

>>> text = "The regime's massive, brutal crackdown went on."
>>> ws = words(text)
>>> [m.text for m in marks_from_words(text, ws, {1: None, 3: None})]
["regime's", 'brutal']
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Iterable, Mapping, Sequence

from ..text import WORD

#: A word: letters or digits, with inner apostrophes and hyphens ("Xi’s", "so-called", "12-point"): the kit's
#: one definition (:data:`widgets.text.WORD`), which also numbers the words saved with a student's marks.
WORD_RE = WORD
MODES = ("loaded", "quotes")


@dataclass(frozen=True)
class Word:
    """One word of a text: its number (from 0), offsets into the text, and the word itself."""

    index: int
    start: int
    end: int
    text: str


def words(text: str, *, start: int = 0, end: int | None = None) -> list[Word]:
    """The words of ``text[start:end]``, numbered from 0, with offsets into ``text``.

    >>> [(w.index, w.start, w.text) for w in words("Xi’s so-called plan.")]
    [(0, 0, 'Xi’s'), (1, 5, 'so-called'), (2, 15, 'plan')]
    >>> [w.text for w in words("one two three", start=4)]
    ['two', 'three']
    """
    end = len(text) if end is None else end
    return [Word(i, m.start(), m.end(), m.group()) for i, m in enumerate(WORD_RE.finditer(text, start, end))]


def fingerprint(text: str) -> str:
    """A short fingerprint of a text, saved with marks to tell when an article has changed since.

    >>> fingerprint("abc")
    'ba7816bf8f01cfea'
    """
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


@dataclass(frozen=True)
class Mark:
    """One span a student marked (a run of words), with the speaker they gave (quotes mode)."""

    start: int
    end: int
    text: str
    speaker: str | None = None


def marks_from_words(text: str, word_list: Sequence[Word], marked: Mapping[int, str | None]) -> list[Mark]:
    """Turn marked words into spans: each run of neighbouring marked words with the same speaker is one mark.

    ``marked`` maps a word's index (in ``word_list``) to its speaker (None when marking loaded words).

    >>> t = "He said we will win and they will lose"
    >>> ws = words(t)
    >>> marks_from_words(t, ws, {2: "Xi", 3: "Xi", 4: "Xi", 6: "Xi", 7: "Xi"})
    [Mark(start=8, end=19, text='we will win', speaker='Xi'), Mark(start=24, end=33, text='they will', speaker='Xi')]
    """
    out: list[Mark] = []
    run: list[Word] = []
    for w in word_list:
        if w.index in marked and run and run[-1].index == w.index - 1 and marked[run[-1].index] == marked[w.index]:
            run.append(w)
            continue
        if run:
            out.append(Mark(run[0].start, run[-1].end, text[run[0].start:run[-1].end], marked[run[0].index]))
        run = [w] if w.index in marked else []
    if run:
        out.append(Mark(run[0].start, run[-1].end, text[run[0].start:run[-1].end], marked[run[0].index]))
    return out


def words_in(word_list: Sequence[Word], start: int, end: int) -> list[int]:
    """The indices of the words that overlap the span ``start:end``.

    >>> words_in(words("a bb ccc"), 1, 4)
    [1]
    """
    return [w.index for w in word_list if w.start < end and start < w.end]


def marked_words(word_list: Sequence[Word], marks: Iterable) -> dict[int, str | None]:
    """The reverse of :func:`marks_from_words`: word index -> speaker, for spans with ``start``/``end``.

    >>> ws = words("a bb ccc")
    >>> marked_words(ws, [Mark(2, 8, "bb ccc", "X")])
    {1: 'X', 2: 'X'}
    """
    out: dict[int, str | None] = {}
    for m in marks:
        for i in words_in(word_list, m.start, m.end):
            out[i] = getattr(m, "speaker", None)
    return out


@dataclass(frozen=True)
class Span:
    """A span of the tool or the key: where, what it is (``label``), why, and whether the key counts it.

    For quotes, ``label`` is the kind of quote and ``speaker`` who said it.
    """

    start: int
    end: int
    text: str
    label: str = ""
    why: str = ""
    counted: bool = True
    speaker: str | None = None


__all__ = ["MODES", "Mark", "Span", "WORD_RE", "Word", "fingerprint", "marked_words", "marks_from_words", "words",
           "words_in"]
