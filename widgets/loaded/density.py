"""How dense the loaded language is: highlights per 1,000 words, per article, category and voice (the
table behind the density chart)."""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Sequence

from ..lexicon import CATEGORIES, VOICES
from ..text import count_words
from .matching import LoadedMatch

#: The kit's one definition of a word (:func:`widgets.text.count_words`), under the name this package exports.
word_count = count_words


@dataclass(frozen=True)
class DensityRow:
    """How many highlights of one category and voice an article has, per 1,000 words of its body."""

    article: str
    outlet: str
    category: str
    voice: str
    count: int
    words: int

    @property
    def per_1000_words(self) -> float:
        return round(1000 * self.count / self.words, 2) if self.words else 0.0


def density_table(corpus, matches_by_article: dict[str, Sequence[LoadedMatch]]) -> list[DensityRow]:
    """One row per article, category and voice (zeros included), counting highlights in the body only.

    >>> from widgets.corpus import load_corpus
    >>> from widgets.loaded import find_loaded_corpus
    >>> corpus = load_corpus()
    >>> rows = density_table(corpus, find_loaded_corpus(corpus))
    >>> len(rows) == 5 * len(CATEGORIES) * 2
    True
    """
    rows = []
    for article in corpus:
        words = count_words(article.body)
        counts = Counter((m.category, m.voice) for m in matches_by_article.get(article.id, ())
                         if article.in_body(m.start, m.end))
        for category in CATEGORIES:
            for voice in VOICES:
                rows.append(DensityRow(article.id, article.label, category, voice, counts[(category, voice)], words))
    return rows
