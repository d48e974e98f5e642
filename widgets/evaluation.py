"""Measuring the engines against the hand-made answer keys in ``data/keys/`` (read by :mod:`widgets.keys`,
whose loaders are re-exported here).

- Quote spotting (``data/keys/quotes.csv``): :func:`load_answer_key` and :func:`score_quotes` give
  precision, recall, speaker and kind accuracy (a :class:`Score`).
- Loaded language (``data/keys/loaded.csv``): :func:`load_key` finds each marked text in its article and
  :func:`score_against_key` gives precision and recall per category (a :class:`KeyScore`).

Both compare spans by their character offsets into the article's raw text.

>>> _overlap((0, 10), (5, 15)), _overlaps(0, 10, 5, 15), _overlaps(0, 5, 5, 9)
(0.3333333333333333, True, False)
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Sequence

from .keys import (
    LOADED_KEY_FILE,
    QUOTES_KEY_FILE,
    KeyItem,
    KeyQuote,
    default_key_path,
    load_answer_key,
    load_key,
)
from .lexicon import CATEGORIES

if TYPE_CHECKING:  # pragma: no cover
    from .loaded import LoadedMatch


# --------------------------------------------------------------------------------------------------
# Spans
# --------------------------------------------------------------------------------------------------
def _overlap(a: tuple[int, int], b: tuple[int, int]) -> float:
    """How much two spans share: their intersection over their combined extent (0 to 1)."""
    inter = max(0, min(a[1], b[1]) - max(a[0], b[0]))
    union = max(a[1], b[1]) - min(a[0], b[0])
    return inter / union if union else 0.0


def _overlaps(a_start: int, a_end: int, b_start: int, b_end: int) -> bool:
    """True if the two spans share at least one character."""
    return a_start < b_end and b_start < a_end


# --------------------------------------------------------------------------------------------------
# Quote spotting against data/keys/quotes.csv
# --------------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Score:
    """How well a set of found quotes matches the answer key.

    ``speaker_accuracy`` and ``kind_accuracy`` are over the key quotes that were found;
    ``scare_with_speaker`` counts found quotes called scare quotes that still name a speaker (must be 0).
    """

    key_quotes: int
    found_quotes: int
    matched: int
    precision: float
    recall: float
    speaker_accuracy: float
    kind_accuracy: float
    scare_with_speaker: int
    speaker_errors: tuple[str, ...] = ()
    missed: tuple[str, ...] = ()


def score_quotes(found: dict[str, list], key: list[KeyQuote], *, min_overlap: float = 0.5) -> Score:
    """Compare found quotes (article id -> list of objects with ``start``, ``end``, ``speaker`` and
    optionally ``kind``) with the answer key. A found span matches a key span when they share at least
    ``min_overlap`` of their combined extent.

    >>> from widgets.quotes import find_quotes
    >>> key = [KeyQuote("a", 1, 4, "Yes", "direct", "John Kirby", "said", True)]
    >>> score_quotes({"a": find_quotes('“Yes,” Kirby said.')}, key).speaker_accuracy
    1.0
    """
    matched = 0
    right_speaker = right_kind = 0
    used: set[tuple[str, int]] = set()
    errors, missed = [], []
    for kq in key:
        best, best_overlap = None, 0.0
        for k, q in enumerate(found.get(kq.article, [])):
            if (kq.article, k) in used:
                continue
            ov = _overlap((kq.start, kq.end), (q.start, q.end))
            if ov > best_overlap:
                best, best_overlap = k, ov
        if best is None or best_overlap < min_overlap:
            missed.append(f"{kq.article}: {kq.text[:50]!r}")
            continue
        used.add((kq.article, best))
        q = found[kq.article][best]
        matched += 1
        if (q.speaker or None) == kq.speaker:
            right_speaker += 1
        else:
            errors.append(f"{kq.article}: {kq.text[:40]!r}: key {kq.speaker}, found {q.speaker}")
        if getattr(q, "kind", None) == kq.kind:
            right_kind += 1
    n_found = sum(len(v) for v in found.values())
    scare_speakers = sum(1 for v in found.values() for q in v if getattr(q, "kind", "") == "scare" and q.speaker)
    return Score(
        key_quotes=len(key), found_quotes=n_found, matched=matched,
        precision=round(len(used) / n_found, 4) if n_found else 0.0,
        recall=round(matched / len(key), 4) if key else 0.0,
        speaker_accuracy=round(right_speaker / matched, 4) if matched else 0.0,
        kind_accuracy=round(right_kind / matched, 4) if matched else 0.0,
        scare_with_speaker=scare_speakers, speaker_errors=tuple(errors), missed=tuple(missed))


# --------------------------------------------------------------------------------------------------
# Loaded language against data/keys/loaded.csv
# --------------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class CategoryScore:
    """Precision and recall for one category (or ``"all"``).

    ``correct``: highlights that overlap a counted key item of the same category; ``found``: key items
    overlapped by a highlight of the same category. A category with nothing predicted has precision 1.0
    and one with nothing in the key has recall 1.0 (nothing to get wrong / to miss).
    """

    category: str
    highlights: int
    correct: int
    key_items: int
    found: int

    @property
    def precision(self) -> float:
        return self.correct / self.highlights if self.highlights else 1.0

    @property
    def recall(self) -> float:
        return self.found / self.key_items if self.key_items else 1.0


@dataclass(frozen=True)
class KeyScore:
    """How the highlighter compares with the answer key."""

    overall: CategoryScore
    by_category: tuple[CategoryScore, ...]
    false_positives: tuple[LoadedMatch, ...]
    missed: tuple[KeyItem, ...]
    voice_checked: int
    voice_agreed: int

    def table(self) -> str:
        """A plain-text table (one line per category, then all)."""
        lines = [f"{'category':28} {'highlights':>10} {'correct':>8} {'key':>5} {'found':>6} {'precision':>9} {'recall':>7}"]
        for s in (*self.by_category, self.overall):
            lines.append(f"{s.category:28} {s.highlights:10d} {s.correct:8d} {s.key_items:5d} {s.found:6d} "
                         f"{s.precision:9.2f} {s.recall:7.2f}")
        lines.append(f"voice agrees with the key for {self.voice_agreed} of {self.voice_checked} matched highlights")
        return "\n".join(lines)


def score_against_key(matches_by_article: dict[str, Sequence[LoadedMatch]], key: Sequence[KeyItem]) -> KeyScore:
    """Precision and recall per category (overlap and same category counts as a match).

    >>> from widgets.loaded import LoadedMatch
    >>> key = [KeyItem("a", 0, 6, "brutal", "loaded_language", "narrator", True, "", 2)]
    >>> hit = LoadedMatch(0, 6, "brutal", "loaded_language", "", None, "narrator", None, "lexicon:brutal")
    >>> score_against_key({"a": [hit]}, key).overall.recall
    1.0
    """
    counted = [k for k in key if k.counted]
    articles = {k.article for k in key} | set(matches_by_article)
    per: dict[str, list[int]] = {c: [0, 0, 0, 0] for c in CATEGORIES}  # highlights, correct, key, found
    false_positives, missed = [], []
    voice_checked = voice_agreed = 0
    for article_id in sorted(articles):
        matches = list(matches_by_article.get(article_id, ()))
        items = [k for k in counted if k.article == article_id]
        for m in matches:
            per[m.category][0] += 1
            hits = [k for k in items if k.category == m.category and _overlaps(m.start, m.end, k.start, k.end)]
            if hits:
                per[m.category][1] += 1
                voice_checked += 1
                voice_agreed += hits[0].voice == m.voice
            else:
                false_positives.append(m)
        for k in items:
            per[k.category][2] += 1
            if any(m.category == k.category and _overlaps(m.start, m.end, k.start, k.end) for m in matches):
                per[k.category][3] += 1
            else:
                missed.append(k)
    by_category = tuple(CategoryScore(c, *v) for c, v in per.items())
    overall = CategoryScore("all", *(sum(v[i] for v in per.values()) for i in range(4)))
    return KeyScore(overall, by_category, tuple(false_positives), tuple(missed), voice_checked, voice_agreed)


__all__ = [
    "CategoryScore",
    "KeyItem",
    "KeyQuote",
    "KeyScore",
    "LOADED_KEY_FILE",
    "QUOTES_KEY_FILE",
    "Score",
    "default_key_path",
    "load_answer_key",
    "load_key",
    "score_against_key",
    "score_quotes",
]
