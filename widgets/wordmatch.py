"""Comparing the words of two texts: words, content words cut to five letters, how much of one is found in
order in the other (rapidfuzz's longest common subsequence), a word-level diff (difflib), and how rare a word
is among the texts compared.

Used by quote alignment (:mod:`widgets.align`) and statement matching (:mod:`widgets.statements`).

>>> content_stems("Any cease-fire that does not include the removal of troops")
['cease', 'inclu', 'remov', 'troop']
>>> quote_similarity("the removal of troops", "any ceasefire that does not include the removal of troops")
1.0
"""
from __future__ import annotations

import difflib
import math
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable, Sequence

from rapidfuzz.distance import LCSseq
from spacy.lang.en.stop_words import STOP_WORDS

#: The stretch of the longer quote searched is this many times the shorter quote's length (+2 words).
WINDOW_SLACK = 1.5
#: Words are compared by their first STEM_LENGTH letters ("ratify" and "ratification" both give "ratif").
STEM_LENGTH = 5

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "`": "'"})
_BRACKETS = re.compile(r"\[[^\]]*\]")
_EXTRA_STOP = {"s", "u", "mr", "ms", "mrs", "dr"}


@dataclass(frozen=True)
class DiffPart:
    """One step of a word-level diff: ``op`` is "equal", "delete", "insert" or "replace".

    ``a`` holds the words from side a, ``b`` the words from side b ("" when there are none).
    """

    op: str
    a: str
    b: str


def words(text: str) -> list[str]:
    """The words of ``text``, lower-cased, with hyphens joined and apostrophes straightened.

    >>> words("Any cease-fire, Russia’s “conquest”")
    ['any', 'ceasefire', "russia's", 'conquest']
    """
    text = unicodedata.normalize("NFKC", text).translate(_APOSTROPHES).lower()
    text = re.sub(r"(?<=\w)[-‐‑–](?=\w)", "", text)
    return _WORD.findall(text)


def content_stems(text: str) -> list[str]:
    """The content words of ``text`` (no stop words), each cut to its first five letters. Words in
    square brackets are left out: they are the reporter's, not the speaker's ("[Russia forces]").

    >>> content_stems("that would effectively ratify Russia's illegal conquest")
    ['effec', 'ratif', 'russi', 'illeg', 'conqu']
    """
    return list(_stems(text))


@lru_cache(maxsize=4096)
def _stems(text: str) -> tuple[str, ...]:
    out = []
    for w in words(_BRACKETS.sub(" ", text)):
        w = re.sub(r"'s$", "", w)
        if w in STOP_WORDS or w in _EXTRA_STOP or "'" in w:
            continue
        out.append(w[:STEM_LENGTH])
    return tuple(out)


def best_window(short: list, long: list, *, slack: float = WINDOW_SLACK) -> tuple[int, int]:
    """(matched words, window start) of the best stretch of ``long`` for ``short`` (rapidfuzz LCS).

    >>> best_window(["rest", "refit"], ["allow", "putin", "to", "rest", "and", "refit", "his", "troops", "then", "war"])
    (2, 1)
    """
    width = max(len(short), math.ceil(len(short) * slack) + 2)
    if len(long) <= width:
        return LCSseq.similarity(short, long), 0
    best, where = -1, 0
    for i in range(len(long) - width + 1):
        m = LCSseq.similarity(short, long[i : i + width])
        if m > best:
            best, where = m, i
    return best, where


def shared_in_order(short: list, long: list, *, slack: float = WINDOW_SLACK) -> list[str]:
    """The words of ``short`` matched, in order, inside the best stretch of ``long``.

    >>> shared_in_order(["rest", "refit", "troop"], ["allow", "rest", "and", "refit", "his", "troop"])
    ['rest', 'refit', 'troop']
    """
    width = max(len(short), math.ceil(len(short) * slack) + 2)
    _, where = best_window(short, long, slack=slack)
    window = long[where : where + width]
    blocks = LCSseq.editops(short, window).as_matching_blocks()
    return [short[b.a + j] for b in blocks for j in range(b.size)]


def quote_similarity(a: str, b: str) -> float:
    """How much of the shorter quote is found, in order, in a short stretch of the longer one (0-1).

    >>> quote_similarity("allow President Putin to rest and refit his troops",
    ...                  "allow President Putin to rest and refit his troops, and then restart the war")
    1.0
    >>> quote_similarity("reached the highest level in history", "rest and refit his troops")
    0.0
    """
    sa, sb = content_stems(a), content_stems(b)
    if not sa or not sb:
        return 0.0
    short, long = (sa, sb) if len(sa) <= len(sb) else (sb, sa)
    matched, _ = best_window(short, long)
    return round(matched / len(short), 3)


_EDGE_PUNCT = re.compile(r"^[\W_]+|[\W_]+$")


def _diff_key(token: str) -> str:
    key = _EDGE_PUNCT.sub("", unicodedata.normalize("NFKC", token).translate(_APOSTROPHES).lower())
    return key.replace("-", "") or token


def word_diff(a: str, b: str) -> list[DiffPart]:
    """A word-level diff of two quotes: what side b kept ("equal"), dropped ("delete"), added
    ("insert") or changed ("replace"). Case, punctuation and quote-mark style are ignored.

    >>> for part in word_diff("instead of even condemning them, it would", "Instead of even condemning [Russia forces], it would"):
    ...     print(part.op, "|", part.a, "|", part.b)
    equal | instead of even condemning | Instead of even condemning
    replace | them, | [Russia forces],
    equal | it would | it would
    """
    ta, tb = a.split(), b.split()
    matcher = difflib.SequenceMatcher(None, [_diff_key(t) for t in ta], [_diff_key(t) for t in tb], autojunk=False)
    return [DiffPart(op, " ".join(ta[i1:i2]), " ".join(tb[j1:j2])) for op, i1, i2, j1, j2 in matcher.get_opcodes()]


def rarity(key_sets: Sequence[Iterable[str]]) -> dict[str, float]:
    """A weight 0-1 per word: 1 for a word in one of ``key_sets`` only, near 0 for a word in almost all
    (inverse document frequency, scaled to 0-1). Each set counts a word once.

    >>> w = rarity([{"russi", "china"}, {"russi"}, {"kreml"}])
    >>> w["russi"], w["kreml"]
    (0.5, 1.0)
    """
    df: dict[str, int] = {}
    for keys in key_sets:
        for k in keys:
            df[k] = df.get(k, 0) + 1
    n = len(key_sets) + 1
    return {k: math.log(n / c) / math.log(n) for k, c in df.items()}


def rarity_weights(texts: Iterable[str]) -> dict[str, float]:
    """A weight 0-1 per content word: 1 for a word found in one of ``texts`` only, near 0 for a word
    found in almost all of them (like "Russia" in a corpus about Russia). Used by
    :func:`paraphrase_score`.

    >>> w = rarity_weights(["Russia and China", "Russia said", "Kremlin accountable"])
    >>> w["russi"] < w["kreml"]
    True
    """
    return rarity([frozenset(content_stems(t)) for t in texts])


def paraphrase_score(quote: str, sentence: str, weights: dict[str, float]) -> tuple[float, tuple[str, ...]]:
    """How well ``sentence`` (reported speech) restates ``quote``: the rarity-weighted share of the shorter
    side's content words found in order in the longer (0-1), and the shared words.

    >>> w = rarity_weights(["feels no responsibility to hold the Kremlin accountable", "China", "war"])
    >>> score, shared = paraphrase_score("China feels no responsibility to hold the Kremlin accountable",
    ...                                  "He said China does not think the Kremlin should face accountability", w)
    >>> shared
    ('china', 'kreml', 'accou')
    """
    sq, ss = content_stems(quote), content_stems(sentence)
    if not sq or not ss:
        return 0.0, ()
    short, long = (sq, ss) if len(sq) <= len(ss) else (ss, sq)
    shared = shared_in_order(short, long, slack=2.0)
    total = sum(weights.get(w, 1.0) for w in short)
    score = sum(weights.get(w, 1.0) for w in shared) / total if total else 0.0
    return round(score, 3), tuple(shared)


__all__ = ["DiffPart", "STEM_LENGTH", "WINDOW_SLACK", "best_window", "content_stems", "paraphrase_score",
           "quote_similarity", "rarity", "rarity_weights", "shared_in_order", "word_diff", "words"]
