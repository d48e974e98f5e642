"""PTC (SemEval-2020 task 11): reading the labelled spans, span scoring, and the naive TextBlob baseline."""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Mapping

from ..errors import KitError
from .split import _check_half, _need_dir, half_of


@dataclass(frozen=True)
class PtcSpan:
    """One labelled span: technique and character offsets (end exclusive)."""

    technique: str
    start: int
    end: int


@dataclass(frozen=True)
class PtcArticle:
    """One PTC article: its id (digits), text and labelled spans."""

    id: str
    text: str
    spans: tuple[PtcSpan, ...]

    def spans_of(self, techniques: Iterable[str]) -> list[tuple[int, int]]:
        """(start, end) of every span labelled with one of ``techniques``.

        >>> PtcArticle("1", "A vile plan.", (PtcSpan("Loaded_Language", 2, 6),)).spans_of(["Loaded_Language"])
        [(2, 6)]
        """
        wanted = set(techniques)
        return [(s.start, s.end) for s in self.spans if s.technique in wanted]


#: The kit's categories (widgets.lexicon.CATEGORIES) for each PTC technique. None: the kit has no such
#: category, so the technique is not scored. Two PTC labels fold two of the kit's ideas into one
#: ("Exaggeration,Minimisation"; "Whataboutism,Straw_Men,Red_Herring"): the kit's category covers the
#: first of them, so recall on those is bounded by how much of the label is the first idea.
#:
#: | PTC technique                        | kit category                 |
#: |--------------------------------------|------------------------------|
#: | Loaded_Language                      | loaded_language              |
#: | Name_Calling,Labeling                | name_calling                 |
#: | Exaggeration,Minimisation            | exaggeration                 |
#: | Appeal_to_fear-prejudice             | fear_appeal                  |
#: | Doubt                                | doubt                        |
#: | Flag-Waving                          | flag_waving                  |
#: | Causal_Oversimplification            | causal_oversimplification    |
#: | Slogans                              | slogan                       |
#: | Whataboutism,Straw_Men,Red_Herring   | whataboutism                 |
#: | Black-and-White_Fallacy              | black_and_white              |
#: | Thought-terminating_Cliches          | thought_terminating_cliche   |
#: | Repetition                           | (none)                       |
#: | Appeal_to_Authority                  | (none)                       |
#: | Bandwagon,Reductio_ad_hitlerum       | (none)                       |
TECHNIQUE_CATEGORIES: dict[str, str | None] = {
    "Loaded_Language": "loaded_language",
    "Name_Calling,Labeling": "name_calling",
    "Exaggeration,Minimisation": "exaggeration",
    "Appeal_to_fear-prejudice": "fear_appeal",
    "Doubt": "doubt",
    "Flag-Waving": "flag_waving",
    "Causal_Oversimplification": "causal_oversimplification",
    "Slogans": "slogan",
    "Whataboutism,Straw_Men,Red_Herring": "whataboutism",
    "Black-and-White_Fallacy": "black_and_white",
    "Thought-terminating_Cliches": "thought_terminating_cliche",
    "Repetition": None,
    "Appeal_to_Authority": None,
    "Bandwagon,Reductio_ad_hitlerum": None,
}
#: The headline: these PTC techniques against these kit categories, scored together.
HEADLINE_TECHNIQUES = ("Loaded_Language", "Name_Calling,Labeling")
HEADLINE_CATEGORIES = ("loaded_language", "name_calling")


def read_ptc(directory: str | os.PathLike, *, half: str | None = None) -> list[PtcArticle]:
    """Every PTC article in ``directory`` (``articles/articleID.txt`` and ``labels.tsv``), sorted by id;
    only one half when ``half`` is given (the split uses the id, digits only).

    >>> import tempfile, pathlib
    >>> d = pathlib.Path(tempfile.mkdtemp()); (d / "articles").mkdir()
    >>> _ = (d / "articles" / "article7.txt").write_text("A vile plan.", encoding="utf-8")
    >>> _ = (d / "labels.tsv").write_text("7\\tLoaded_Language\\t2\\t6\\n")
    >>> [(a.id, a.spans) for a in read_ptc(d)]
    [('7', (PtcSpan(technique='Loaded_Language', start=2, end=6),))]
    """
    _check_half(half)
    root = Path(directory)
    _need_dir(root / "articles", "The PTC articles")
    labels_path = root / "labels.tsv"
    if not labels_path.exists():
        raise KitError(f"{labels_path} does not exist.", fix="Use the ptc-train folder of the devsets.")
    spans: dict[str, list[PtcSpan]] = {}
    for number, line in enumerate(labels_path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        parts = line.split("\t")
        try:
            article, technique, start, end = parts[0], parts[1], int(parts[2]), int(parts[3])
        except (IndexError, ValueError) as err:
            raise KitError(f"Line {number} of labels.tsv is malformed ({err}).", where=str(labels_path),
                           fix="Each line is: article id, technique, start, end (tab-separated).") from err
        spans.setdefault(article, []).append(PtcSpan(technique, start, end))
    out = []
    for path in sorted((root / "articles").glob("article*.txt")):
        aid = path.stem[len("article"):]
        if half is not None and half_of(aid) != half:
            continue
        text = path.read_text(encoding="utf-8")
        mine = tuple(sorted(spans.get(aid, []), key=lambda s: (s.start, s.end, s.technique)))
        if any(not 0 <= s.start <= s.end <= len(text) for s in mine):
            raise KitError(f"labels.tsv has a span outside article {aid}.", where=str(labels_path),
                           fix="Check that labels.tsv belongs to these article files.")
        out.append(PtcArticle(aid, text, mine))
    return out


def merge_spans(spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sorted spans with overlapping ones merged (touching ones stay apart); empty spans dropped.

    >>> merge_spans([(5, 9), (0, 3), (2, 4), (9, 12)])
    [(0, 4), (5, 9), (9, 12)]
    """
    out: list[list[int]] = []
    for s, e in sorted(x for x in spans if x[1] > x[0]):
        if out and s < out[-1][1]:
            out[-1][1] = max(out[-1][1], e)
        else:
            out.append([s, e])
    return [(s, e) for s, e in out]


@dataclass(frozen=True)
class SpanScore:
    """SemEval-2020 task 11 (SI) span scores: precision, recall, F1, and the spans counted (after merging)."""

    precision: float
    recall: float
    f1: float
    predicted: int
    gold: int

    def summary(self) -> dict:
        """The figures as a plain dict.

        >>> score_spans({"1": [(0, 4)]}, {"1": [(2, 4)]}).summary()
        {'precision': 0.5, 'recall': 1.0, 'f1': 0.6667, 'predicted': 1, 'gold': 1}
        """
        return {"precision": self.precision, "recall": self.recall, "f1": self.f1,
                "predicted": self.predicted, "gold": self.gold}


def _covered(span: tuple[int, int], others: list[tuple[int, int]]) -> int:
    return sum(max(0, min(span[1], e) - max(span[0], s)) for s, e in others)


def score_spans(predicted: Mapping[str, Iterable[tuple[int, int]]],
                gold: Mapping[str, Iterable[tuple[int, int]]]) -> SpanScore:
    """Span precision/recall/F1 with partial-overlap credit, as in SemEval-2020 task 11 (task SI).

    Per article, overlapping spans are merged (predictions among themselves, gold among themselves); then
    ``P = (sum over predictions s of |s & gold| / |s|) / #predictions`` and ``R`` likewise over gold spans.
    An article missing from ``predicted`` has no predictions.

    >>> s = score_spans({"1": [(0, 10)]}, {"1": [(5, 10), (20, 30)]})
    >>> s.precision, s.recall, s.f1
    (0.5, 0.5, 0.5)
    """
    p_sum = r_sum = 0.0
    n_pred = n_gold = 0
    for article in set(predicted) | set(gold):
        preds = merge_spans(predicted.get(article, []))
        golds = merge_spans(gold.get(article, []))
        n_pred += len(preds)
        n_gold += len(golds)
        p_sum += sum(_covered(s, golds) / (s[1] - s[0]) for s in preds)
        r_sum += sum(_covered(t, preds) / (t[1] - t[0]) for t in golds)
    p = p_sum / n_pred if n_pred else 0.0
    r = r_sum / n_gold if n_gold else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    return SpanScore(round(p, 4), round(r, 4), round(f1, 4), n_pred, n_gold)


# --------------------------------------------------------------------------------------------------
# The naive baseline: every word TextBlob's lexicon scores as strongly felt
# --------------------------------------------------------------------------------------------------
_TEXTBLOB_CACHE: dict[str, tuple[float, float] | None] = {}


def textblob_word_score(word: str) -> tuple[float, float] | None:
    """(polarity, subjectivity) that TextBlob's PatternAnalyzer gives ``word`` on its own, or None when
    its lexicon does not assess the word.

    >>> textblob_word_score("terrible"), textblob_word_score("table")
    ((-1.0, 1.0), None)
    """
    key = word.lower()
    if key not in _TEXTBLOB_CACHE:
        from textblob import TextBlob

        assessments = TextBlob(key).sentiment_assessments.assessments if key.isalpha() else []
        if assessments:
            _, polarity, subjectivity, _ = assessments[0]
            _TEXTBLOB_CACHE[key] = (round(polarity, 4), round(subjectivity, 4))
        else:
            _TEXTBLOB_CACHE[key] = None
    return _TEXTBLOB_CACHE[key]


def textblob_spans(words: Iterable[tuple[int, str]], *, polarity: float, subjectivity: float) -> list[tuple[int, int]]:
    """Spans of the words (``(offset, word)`` pairs, e.g. from spaCy tokens) that TextBlob's lexicon scores
    with ``|polarity| >= polarity`` or ``subjectivity >= subjectivity`` (use a value above 1 to switch a
    test off).

    >>> textblob_spans([(0, "A"), (2, "terrible"), (11, "table")], polarity=0.5, subjectivity=2)
    [(2, 10)]
    """
    out = []
    for offset, word in words:
        score = textblob_word_score(word)
        if score is not None and (abs(score[0]) >= polarity or score[1] >= subjectivity):
            out.append((offset, offset + len(word)))
    return out
