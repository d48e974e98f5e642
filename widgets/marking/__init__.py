"""Marking: compare the words a student marked with the tool's highlights and the answer key.

A student marks words in a text (the loaded words, or the quotes and who said them). This module turns
those marks into spans, and compares three layers word by word: the student's marks, the tool's
highlights (:func:`widgets.loaded.find_loaded` or :func:`widgets.quotes.find_quotes`) and the answer
key (``data/keys/``) where one exists. Each place where any layer marked something gets one line saying
who marked it and why, and agreement is counted in words a student understands: "you and the key agree
on 7 of 10 words" means that of the 10 words either of you marked, you both marked 7.

Pure functions: no ipywidgets. The widget is :class:`widgets.views.marking.MarkingWidget`. One module per idea:
:mod:`~widgets.marking.marks` (words and marks), :mod:`~widgets.marking.comparison` (the three layers compared,
one line per place) and :mod:`~widgets.marking.layers` (the tool's and the key's layers for an article); every
name is re-exported here, so ``from widgets.marking import compare_marks`` works as before.

>>> text = "The regime's massive, brutal crackdown went on."
>>> ws = words(text)
>>> [w.text for w in ws][:4]
['The', "regime's", 'massive', 'brutal']
>>> you = marks_from_words(text, ws, {1: None, 3: None})
>>> [m.text for m in you]
["regime's", 'brutal']
>>> tool = [Span(4, 10, "regime", "name calling", "A label for a government.")]
>>> key = [Span(4, 10, "regime", "name calling", "A negative label."), Span(13, 20, "massive", "", "No figure.", counted=False)]
>>> result = compare_marks(text, you, tool=tool, key=key)
>>> print(result.with_key)
you and the key agree on 1 of 2 words
>>> for line in result.lines():
...     print(line)
"regime's": you, the tool and the key all marked it (name calling: A negative label.)
"brutal": you marked it; neither the tool nor the key did. Can you say what makes it loaded? Discuss it with your class.
"""
from __future__ import annotations

from .comparison import (KEY, KEY_NOT_COUNTED, QUOTE_WORDS_SHOWN, TOOL, YOU, Agreement, Comparison, Finding,
                         compare_marks, same_speaker)
from .layers import KeyLayer, key_spans, people, tool_spans
from .marks import MODES, WORD_RE, Mark, Span, Word, fingerprint, marked_words, marks_from_words, words, words_in

__all__ = [
    "Agreement",
    "Comparison",
    "Finding",
    "KeyLayer",
    "MODES",
    "Mark",
    "Span",
    "Word",
    "compare_marks",
    "fingerprint",
    "key_spans",
    "marked_words",
    "marks_from_words",
    "people",
    "same_speaker",
    "tool_spans",
    "words",
    "words_in",
]
