"""Simple counts per article for "meet the corpus": length, paragraphs, sentences, quotation marks.

Counts are a first look, not a verdict: a sentence broken across blank lines counts as two paragraphs,
and an apostrophe looks just like a closing single quote. Lesson 01 asks students to spot exactly that.

>>> from widgets.corpus import article_from_text
>>> s = article_stats(article_from_text('He said "no".\\n\\nShe said “yes”.'))
>>> s.paragraphs, s.sentences, s.straight_double, s.curly_open, s.curly_close
(2, 2, 2, 1, 1)
"""
from __future__ import annotations

from dataclasses import dataclass

from .corpus import Article
from .nlp import parse, parse_corpus
from .text import count_words

@dataclass(frozen=True)
class ArticleStats:
    """Counts for the body of one article (``appended_characters``: what follows the body)."""

    id: str
    label: str
    characters: int
    words: int
    paragraphs: int
    sentences: int
    straight_double: int
    curly_open: int
    curly_close: int
    single_marks: int
    appended_characters: int

    @property
    def quotation_marks(self) -> int:
        """All double quotation marks, straight and curly."""
        return self.straight_double + self.curly_open + self.curly_close

    @property
    def curly_balanced(self) -> bool:
        """True when there are as many curly opening marks as closing ones."""
        return self.curly_open == self.curly_close


def count_paragraphs(text: str) -> int:
    """Non-empty lines (a paragraph per line, as most web copies have them).

    >>> count_paragraphs("One.\\n\\nTwo.\\nThree.")
    3
    """
    return sum(1 for line in text.split("\n") if line.strip())


def article_stats(article: Article) -> ArticleStats:
    """Count one article's body (sentences come from the kit's spaCy pipeline).

    >>> from widgets.corpus import load_corpus
    >>> s = article_stats(load_corpus()["xi-invites-putin"])
    >>> s.words, s.paragraphs, s.curly_open, s.curly_balanced
    (481, 17, 12, True)
    """
    body = article.body
    doc = parse(article)
    sentences = sum(1 for s in doc.sents if article.in_body(s.start_char, s.end_char) and s.text.strip())
    return ArticleStats(
        id=article.id,
        label=article.label,
        characters=len(body),
        words=count_words(body),
        paragraphs=count_paragraphs(body),
        sentences=sentences,
        straight_double=body.count('"'),
        curly_open=body.count("“"),
        curly_close=body.count("”"),
        single_marks=sum(body.count(c) for c in "'‘’"),
        appended_characters=len(article.raw) - article.body_end + article.body_start,
    )


def corpus_stats(corpus) -> list[ArticleStats]:
    """:func:`article_stats` for every article, in corpus order.

    >>> from widgets.corpus import load_corpus
    >>> [s.curly_balanced for s in corpus_stats(load_corpus())]
    [True, False, True, True, True]
    """
    parse_corpus(corpus)
    return [article_stats(a) for a in corpus]


__all__ = ["ArticleStats", "article_stats", "corpus_stats", "count_paragraphs", "count_words"]
