"""Shared and missing reporting: the statements several articles report, matched even when worded
differently, and for each article what only it reports and what most others report and it leaves out.

A *statement* here is a sentence of the article proper (site chrome and appended teasers are skipped)
with at least :data:`MIN_WORDS` content words. Two sentences from different articles report the same
statement when they share enough *telling* words:

1. every sentence becomes its content words: spaCy's lemma (dictionary form: "voted" and "voting"
   both give "vote") cut to five letters ("protesters" and "protest" both give "prote"), numbers
   kept, stop words and reporting verbs ("said") left out;
2. each word gets a weight from how rare it is among all the sentences compared (inverse document
   frequency): "phone" in a story about a phone ban counts for little, "petition" for a lot;
3. the score of a pair is the weighted share of words they have in common (a weighted Dice
   coefficient, 0-1); a pair counts when it reaches :data:`MIN_SCORE`, shares at least
   :data:`MIN_SHARED` words and is the best partner of one of the two sentences in the other article;
4. pairs are joined into statements (a sentence matched in two other articles ties all three).

How close the wording of a matched pair is, is said in plain words by
:func:`widgets.plainwords.describe_match`: "the same words", "almost the same words", "reported in
different words", and whether the numbers differ.

>>> from widgets.corpus import article_from_text
>>> a = article_from_text("Police arrested 30 people after the march in Lisbon on Saturday. The mayor stayed home.", id="a")
>>> b = article_from_text("On Saturday, police in Lisbon arrested 40 people after the march. Several shops in the old town stayed closed.", id="b")
>>> r = match_statements([a, b])
>>> [s.files for s in r.statements if s.shared]
[('a', 'b')]
>>> print(r.matches[0].description)
the same words in a different order; the numbers differ: 30 in a, 40 in b
>>> [s.text for s in r.for_file("b").only_here]
['Several shops in the old town stayed closed.']
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import Sequence

from spacy.lang.en.stop_words import STOP_WORDS

from .errors import KitError
from .plainwords import describe_match
from .stories import article_names
from .wording import did_you_mean, plural
from .wordmatch import STEM_LENGTH, rarity

#: A sentence needs this many content words to count as a statement (shorter ones are headings,
#: datelines, photo credits).
MIN_WORDS = 4
#: Lowest weighted share of telling words for two sentences to report the same statement (0-1).
MIN_SCORE = 0.28
#: ... and they must share at least this many content words.
MIN_SHARED = 3
#: ... whose rarity weights add up to at least this (about two words found in no other sentence, or more common ones).
MIN_SHARED_WEIGHT = 1.8
#: Below this share of sentences reported elsewhere, the articles "share almost nothing".
ALMOST_NOTHING = 0.1

_EDGE = " \t\r\n\u00a0\u202f*#-–—"
_EDGE_END = _EDGE
_EXTRA_STOP = {"s", "u", "mr", "ms", "mrs", "dr", "said", "say", "says", "told", "tell"}


@dataclass(frozen=True)
class Sentence:
    """One sentence of one article: ``raw[start:end] == text`` in that article's file."""

    file: str
    start: int
    end: int
    text: str

    def to_dict(self) -> dict:
        """The sentence as a plain dict (used in ``medialit compare --json``)."""
        return {"file": self.file, "start": self.start, "end": self.end, "text": self.text}


@dataclass(frozen=True)
class StatementMatch:
    """Two sentences, from articles ``a.file`` and ``b.file``, that report the same statement.

    ``score`` is the weighted share of telling words they have in common (0-1); ``shared`` lists those
    words as article a writes them; ``description`` says in plain words how the two compare.
    """

    a: Sentence
    b: Sentence
    score: float
    shared: tuple[str, ...]
    description: str

    def to_dict(self) -> dict:
        """The pair as a plain dict."""
        return {"a": self.a.to_dict(), "b": self.b.to_dict(), "score": self.score,
                "shared_words": list(self.shared), "description": self.description}


@dataclass(frozen=True)
class Statement:
    """One thing reported (a claim, an event, a figure), with every sentence that reports it.

    ``number`` counts statements from 1 in reading order (first article first); ``files`` are the
    articles that report it; ``words`` the telling words its sentences share (empty when only one
    article reports it).
    """

    number: int
    sentences: tuple[Sentence, ...]
    files: tuple[str, ...]
    words: tuple[str, ...] = ()

    @property
    def text(self) -> str:
        """The first sentence that reports it (a label for tables)."""
        return self.sentences[0].text

    @property
    def shared(self) -> bool:
        """True when more than one article reports it."""
        return len(self.files) > 1

    def in_file(self, file: str) -> tuple[Sentence, ...]:
        """The sentences of one article that report it (empty if that article leaves it out)."""
        return tuple(s for s in self.sentences if s.file == file)

    def to_dict(self) -> dict:
        """The statement as a plain dict (``medialit compare --json``)."""
        return {"number": self.number, "files": list(self.files), "words": list(self.words),
                "sentences": [s.to_dict() for s in self.sentences]}


@dataclass(frozen=True)
class ArticleReporting:
    """What one article reports, compared with the others.

    ``shared``: statements it reports that other articles report too; ``only_here``: statements no
    other article reports; ``left_out``: statements most of the other articles report and it does not.
    """

    file: str
    shared: tuple[Statement, ...]
    only_here: tuple[Statement, ...]
    left_out: tuple[Statement, ...]


@dataclass(frozen=True)
class Reporting:
    """The result of :func:`match_statements`: every statement, every matched pair, and per article
    (:meth:`for_file`) what it shares, what only it reports and what it leaves out."""

    files: tuple[str, ...]
    statements: tuple[Statement, ...]
    matches: tuple[StatementMatch, ...]

    def for_file(self, file: str) -> ArticleReporting:
        """Shared, only-here and left-out statements of one article.

        >>> from widgets.corpus import article_from_text
        >>> r = match_statements([article_from_text("The bridge in Porto reopened on Monday after repairs.", id="a"),
        ...                       article_from_text("Repairs ended and the Porto bridge reopened on Monday.", id="b")])
        >>> len(r.for_file("a").shared), r.for_file("a").only_here
        (1, ())
        """
        if file not in self.files:
            raise KitError(f'"{file}" is not one of the compared articles.{did_you_mean(file, self.files)}',
                           fix=f"Use one of: {', '.join(self.files)}.")
        others = len(self.files) - 1
        needed = max(2, math.ceil(others / 2))
        mine = [s for s in self.statements if file in s.files]
        return ArticleReporting(
            file,
            tuple(s for s in mine if s.shared),
            tuple(s for s in mine if not s.shared),
            tuple(s for s in self.statements if file not in s.files and len(s.files) >= needed),
        )

    @property
    def shared_share(self) -> float:
        """The share of all compared sentences that report something another article reports too (0-1)."""
        total = sum(len(s.sentences) for s in self.statements)
        shared = sum(len(s.sentences) for s in self.statements if s.shared)
        return shared / total if total else 0.0

    @property
    def almost_nothing_shared(self) -> bool:
        """True when the articles share almost nothing (they may be about different stories)."""
        return self.shared_share < ALMOST_NOTHING

    @property
    def empty_files(self) -> tuple[str, ...]:
        """The articles with no sentence to compare (empty, or only headings and very short lines)."""
        have = {s.file for st in self.statements for s in st.sentences}
        return tuple(f for f in self.files if f not in have)

    def summary(self) -> str:
        """One line in plain words: how much the articles share.

        >>> from widgets.corpus import article_from_text
        >>> r = match_statements([article_from_text("Heavy snow closed every school in Oslo on Tuesday.", id="a"),
        ...                       article_from_text("The football club signed a new goalkeeper from Brazil.", id="b")])
        >>> print(r.summary())
        These articles share almost nothing: 0 of 2 sentences report something another article reports. They may be about different stories.
        """
        total = sum(len(s.sentences) for s in self.statements)
        shared = sum(len(s.sentences) for s in self.statements if s.shared)
        n = sum(1 for s in self.statements if s.shared)
        empty = ""
        if self.empty_files:
            empty = f" Nothing to compare in {', '.join(self.empty_files)}: no sentence of four or more words."
        if self.almost_nothing_shared:
            return (f"These articles share almost nothing: {shared} of {total} sentences report something another "
                    "article reports. They may be about different stories." + empty)
        return (f"{plural(n, 'statement is', 'statements are')} reported by more than one article "
                f"({shared} of {total} sentences)." + empty)

    def to_dict(self) -> dict:
        """The ``statements`` and ``reporting`` parts of ``medialit compare --json``."""
        return {
            "statements": [s.to_dict() for s in self.statements],
            "reporting": {f: {"shared": [s.number for s in r.shared], "only_here": [s.number for s in r.only_here],
                              "left_out": [s.number for s in r.left_out]}
                          for f, r in ((f, self.for_file(f)) for f in self.files)},
            "statement_pairs": [m.to_dict() for m in self.matches],
            "summary": self.summary(),
        }


# --------------------------------------------------------------------------------------------------
# Sentences
# --------------------------------------------------------------------------------------------------
def article_sentences(article, *, name: str | None = None, min_words: int = MIN_WORDS) -> list[Sentence]:
    """The sentences of the article proper that can carry a statement, trimmed of spaces and stray
    quotation marks at their edges (offsets still point into ``article.raw``). A line break always
    ends a sentence (news paragraphs are lines).

    >>> from widgets.corpus import article_from_text
    >>> [s.text for s in article_sentences(article_from_text("By Ana. The river flooded three villages overnight.", id="t"))]
    ['The river flooded three villages overnight.']
    """
    return [s for s, _, _ in _keyed_sentences(article, name=name, min_words=min_words)]


def _key(token) -> str:
    """The word a token counts as when sentences are compared ("" for words that do not count)."""
    if token.is_space or token.is_punct or not any(c.isalnum() for c in token.text):
        return ""
    if token.like_num and any(c.isdigit() for c in token.text):
        return token.text.replace(",", "")
    lower = token.lower_.replace("’", "'")
    if token.is_stop or lower in STOP_WORDS or lower in _EXTRA_STOP or lower.startswith("'"):
        return ""
    lemma = (token.lemma_ or lower).lower().replace("’", "'").replace("-", "")
    lemma = re.sub(r"'s?$", "", lemma)
    return lemma[:STEM_LENGTH] if lemma and lemma not in STOP_WORDS else ""


def _keyed_sentences(article, *, name: str | None = None, min_words: int = MIN_WORDS):
    """(sentence, its content words, the first way each word is written) for every usable sentence."""
    from .nlp import parse

    name = name or getattr(article, "id", None) or "text"
    raw = article.raw
    if not raw.strip():
        return []
    doc = parse(article)
    out = []
    for sent in doc.sents:
        lo, hi = max(sent.start_char, article.body_start), min(sent.end_char, article.body_end)
        for line in re.finditer(r"[^\n]+", raw[lo:hi]):
            start, end = lo + line.start(), lo + line.end()
            while start < end and raw[start] in _EDGE:
                start += 1
            while end > start and raw[end - 1] in _EDGE_END:
                end -= 1
            if start >= end:
                continue
            keys: dict[str, str] = {}
            for token in sent:
                if start <= token.idx < end:
                    key = _key(token)
                    if key:
                        keys.setdefault(key, token.text)
            if len(keys) < min_words:
                continue
            out.append((Sentence(name, start, end, raw[start:end]), frozenset(keys), keys))
    return out


# --------------------------------------------------------------------------------------------------
# Matching
# --------------------------------------------------------------------------------------------------
def _score(sa: set[str], sb: set[str], weights: dict[str, float]) -> tuple[float, float, set[str]]:
    shared = sa & sb
    wa = sum(weights.get(w, 1.0) for w in sa)
    wb = sum(weights.get(w, 1.0) for w in sb)
    ws = sum(weights.get(w, 1.0) for w in shared)
    return (2 * ws / (wa + wb) if wa + wb else 0.0), ws, shared


def match_statements(
    articles: Sequence,
    *,
    names: Sequence[str] | None = None,
    min_score: float = MIN_SCORE,
    min_shared: int = MIN_SHARED,
    min_words: int = MIN_WORDS,
) -> Reporting:
    """Find the statements the articles report and match them across articles.

    Args:
        articles: :class:`~widgets.corpus.Article` objects (one is allowed: everything is then "only here").
        names: what to call each article (default: the article ids).
        min_score: lowest weighted share of telling words for a match (0-1, see the module docstring).
        min_shared: fewest content words two matched sentences share.
        min_words: fewest content words for a sentence to count as a statement.

    >>> from widgets.corpus import article_from_text
    >>> r = match_statements([article_from_text("The mayor of Lyon opened the new tram line on Friday.", id="a"),
    ...                       article_from_text("On Friday the new tram line in Lyon was opened by its mayor.", id="b")])
    >>> [(m.a.file, m.b.file) for m in r.matches], len(r.statements)
    ([('a', 'b')], 1)
    """
    articles = list(articles)
    files = article_names(articles, names, what="match_statements()")
    keyed = []
    from .memo import remember

    for article, name in zip(articles, files):
        keyed.extend(remember(article, "statement sentences",
                              lambda a: _keyed_sentences(a, name=name, min_words=min_words), name, min_words))
    sentences = [k[0] for k in keyed]
    stems = [k[1] for k in keyed]
    spelled = [k[2] for k in keyed]
    weights = rarity(stems)
    by_file: dict[str, list[int]] = {}
    for i, s in enumerate(sentences):
        by_file.setdefault(s.file, []).append(i)

    # every candidate pair above the thresholds, with each sentence's best partner per other file
    candidates: dict[tuple[int, int], tuple[float, set[str]]] = {}
    best: dict[tuple[int, str], tuple[float, int]] = {}
    order = {f: k for k, f in enumerate(files)}
    for fa in files:
        for fb in files:
            if order[fb] <= order[fa]:
                continue
            for i in by_file.get(fa, []):
                for j in by_file.get(fb, []):
                    if len(stems[i] & stems[j]) < min_shared:
                        continue
                    score, shared_weight, shared = _score(stems[i], stems[j], weights)
                    if score < min_score or shared_weight < MIN_SHARED_WEIGHT:
                        continue
                    candidates[(i, j)] = (score, shared)
                    if score > best.get((i, fb), (0.0, -1))[0]:
                        best[(i, fb)] = (score, j)
                    if score > best.get((j, fa), (0.0, -1))[0]:
                        best[(j, fa)] = (score, i)
    kept = [(i, j) for (i, j) in candidates
            if best[(i, sentences[j].file)][1] == j and best[(j, sentences[i].file)][1] == i]

    parent = list(range(len(sentences)))

    def root(k: int) -> int:
        while parent[k] != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    for i, j in kept:
        parent[root(j)] = root(i)
    groups: dict[int, list[int]] = {}
    for k in range(len(sentences)):
        groups.setdefault(root(k), []).append(k)
    shared_of: dict[int, set[str]] = {}
    for i, j in kept:
        shared_of.setdefault(root(i), set()).update(candidates[(i, j)][1])
    statements = []
    for number, (key, members) in enumerate(sorted(groups.items(), key=lambda g: min(g[1])), start=1):
        members.sort()
        in_files = tuple(f for f in files if any(sentences[m].file == f for m in members))
        first = members[0]
        readable = tuple(w for k, w in spelled[first].items() if k in shared_of.get(key, ())) if len(in_files) > 1 else ()
        statements.append(Statement(number, tuple(sentences[m] for m in members), in_files, readable))
    matches = []
    for i, j in sorted(kept):
        a, b = sentences[i], sentences[j]
        score, shared = candidates[(i, j)]
        matches.append(StatementMatch(a, b, round(score, 3), tuple(w for k, w in spelled[i].items() if k in shared),
                                      describe_match(a.text, b.text, a_name=a.file, b_name=b.file)))
    return Reporting(files, tuple(statements), tuple(matches))


__all__ = [
    "ArticleReporting",
    "MIN_SCORE",
    "MIN_SHARED",
    "MIN_WORDS",
    "Reporting",
    "Sentence",
    "Statement",
    "StatementMatch",
    "article_sentences",
    "match_statements",
]
