"""Loaded language: find the words that push a reader, say why, whose voice they are in, and what a
neutral writer might have said instead.

Every highlight comes from the teacher-editable lexicon (``data/lexicon.csv``, see :mod:`widgets.lexicon`)
or from one of a few named rules (:data:`RULES`) for what a word list cannot catch, and records which one
fired. Each highlight also knows its *voice*: ``"narrator"`` (the outlet's own words) or ``"quote"``
(inside quotation marks, with the speaker when the quote spotter found one).

How scare quotes count: a scare-quoted term (quotation marks with nobody quoted, e.g. a so-called
"Cold War mentality") is somebody else's phrase that the writer holds at arm's length. So a loaded word
*inside* it is in the ``"quote"`` voice with no speaker, never the narrator's; the act of putting the
term in scare quotes is the narrator's, and is highlighted separately, on the whole term with its
quotation marks, as ``doubt`` (rule ``rule:scare_quotes``).

>>> matches = find_loaded("Officials slammed the so-called “peace plan”. “It is a massacre,” Kirby said.")
>>> [(m.text, m.category, m.voice, m.rule) for m in matches]   # doctest: +NORMALIZE_WHITESPACE
[('slammed', 'loaded_language', 'narrator', 'lexicon:slam'),
 ('so-called', 'doubt', 'narrator', 'rule:so_called'),
 ('“peace plan”', 'doubt', 'narrator', 'rule:scare_quotes'),
 ('massacre', 'loaded_language', 'quote', 'lexicon:massacre')]
>>> matches[-1].speaker
'John Kirby'
"""
from __future__ import annotations

from ..evaluation import LOADED_KEY_FILE as KEY_FILE
from ..evaluation import CategoryScore, KeyItem, KeyScore, default_key_path, load_key, score_against_key
from ..lexicon import CATEGORIES, VOICES
from .density import DensityRow, density_table, word_count
from .matching import LoadedMatch, find_loaded, find_loaded_corpus
from .practice import (
    Paragraph,
    PickFeedback,
    RewriteReport,
    SentenceReport,
    check_picks,
    compare_rewrite,
    paragraph,
    paragraphs,
    score_sentence,
)
from .rules import FEELINGS, GROUP_NOUNS, RULES

__all__ = [
    "CATEGORIES",
    "CategoryScore",
    "DensityRow",
    "FEELINGS",
    "GROUP_NOUNS",
    "KEY_FILE",
    "KeyItem",
    "KeyScore",
    "LoadedMatch",
    "Paragraph",
    "PickFeedback",
    "RULES",
    "SentenceReport",
    "VOICES",
    "RewriteReport",
    "check_picks",
    "compare_rewrite",
    "default_key_path",
    "density_table",
    "find_loaded",
    "find_loaded_corpus",
    "load_key",
    "paragraph",
    "paragraphs",
    "score_against_key",
    "score_sentence",
    "word_count",
]
