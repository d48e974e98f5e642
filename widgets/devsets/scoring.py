"""Scoring the kit's quotes against PolNeAR: recall, precision and speaker accuracy."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Mapping, Sequence

from .polnear import PolnearArticle
from .sources import _NOT_COUNTED, SOURCE_CLASSES, GoldQuote, gold_direct_quotes
from .words import content_words, word_count


def _chars(text: str, spans: Iterable[tuple[int, int]]) -> set[int]:
    """Offsets in ``spans`` that hold a counted character (not a space or a quotation mark)."""
    return {i for s, e in spans for i in range(s, e) if text[i] not in _NOT_COUNTED}


@dataclass(frozen=True)
class QuoteVerdict:
    """What the kit made of one gold direct quote.

    ``right`` is None when the speaker is not scored (see ``gold.why_unscored``) or the quote was not found.
    """

    gold: GoldQuote
    found: bool
    overlap: float
    speaker: str | None
    kind: str | None
    reason: str
    right: bool | None


@dataclass(frozen=True)
class QuoteScore:
    """Quote recall, precision and speaker accuracy over a set of PolNeAR articles.

    - ``recall``: found / gold direct quotes (4+ words);
    - ``precision``: kit quotes (4+ words, not scare) inside an annotated content / all such kit quotes;
    - ``speaker_accuracy``: right speakers / scored found quotes (unknown counts as wrong);
    - ``unknown_share``: scored found quotes with no speaker / scored found quotes;
    - ``named_accuracy``: right speakers / scored found quotes where the kit named someone;
    - ``by_class``: source class -> (gold quotes, found, scored, right);
    - ``unscored``: why a found quote was not scored -> count.
    """

    articles: int
    gold: int
    found: int
    recall: float
    kit_quotes: int
    kit_inside: int
    precision: float
    scored: int
    right: int
    unknown: int
    speaker_accuracy: float
    unknown_share: float
    named_accuracy: float
    by_class: tuple[tuple[str, int, int, int, int], ...]
    unscored: tuple[tuple[str, int], ...]
    verdicts: tuple[QuoteVerdict, ...] = ()
    outside: tuple[tuple[str, int, int, str], ...] = ()

    @property
    def name_accuracy(self) -> float:
        """Speaker accuracy over the quotes whose source is a name: the part of the key that needs no
        coreference (CoreNLP's pronoun referents are sometimes wrong, see the devset notes)."""
        row = next((r for r in self.by_class if r[0] == "name"), ("name", 0, 0, 0, 0))
        return _ratio(row[4], row[3])

    def summary(self) -> dict:
        """The headline figures as a plain dict (what the benchmark saves and prints)."""
        return {"articles": self.articles, "gold_direct_quotes": self.gold, "recall": self.recall,
                "kit_quotes": self.kit_quotes, "precision": self.precision, "scored": self.scored,
                "speaker_accuracy": self.speaker_accuracy, "unknown_share": self.unknown_share,
                "named_accuracy": self.named_accuracy, "name_accuracy": self.name_accuracy}


def _ratio(a: int, b: int) -> float:
    return round(a / b, 4) if b else 0.0


def score_quotes(found: Mapping[str, Sequence], articles: Sequence[PolnearArticle], *,
                 pronouns: Mapping | None = None, docs: Mapping | None = None,
                 gold: Mapping[str, Sequence[GoldQuote]] | None = None, min_words: int = 4,
                 min_overlap: float = 0.5) -> QuoteScore:
    """Score the kit's quotes (article name -> objects with ``start``, ``end``, ``text``, ``kind``,
    ``speaker``, ``reason``) against the PolNeAR annotations of ``articles``.

    The gold quotes come from :func:`gold_direct_quotes` (with ``pronouns`` and, if given, the parse of
    each article in ``docs``), or ready-made from ``gold`` (article name -> gold quotes).

    >>> from widgets.devsets import parse_brat
    >>> text = '“We will win this race,” Clinton said. “It is all a lie, I say,” Bo added.'
    >>> a = PolnearArticle("a", text, "a_x.ann", ("x",), parse_brat(
    ...     "T1\\tSource 25 32\\tClinton\\nT2\\tContent 0 24\\t“We will win this race,”\\n"
    ...     "E1\\tAttribution:T2 Content:T2 Source:T1\\n", text))
    >>> from types import SimpleNamespace as Q
    >>> kit = [Q(start=1, end=23, text=text[1:23], kind="direct", speaker="Hillary Clinton", reason=""),
    ...        Q(start=40, end=63, text=text[40:63], kind="direct", speaker="Bo", reason="")]
    >>> s = score_quotes({"a": kit}, [a])
    >>> s.recall, s.precision, s.speaker_accuracy
    (1.0, 0.5, 1.0)
    >>> s.summary()["name_accuracy"], s.summary()["unknown_share"]
    (1.0, 0.0)
    """
    docs = docs or {}
    verdicts: list[QuoteVerdict] = []
    outside = []
    kit_quotes = kit_inside = 0
    for article in articles:
        text = article.text
        quotes = [q for q in found.get(article.name, [])]
        quote_chars = [(q, _chars(text, [(q.start, q.end)])) for q in quotes]
        golds = gold[article.name] if gold is not None and article.name in gold else gold_direct_quotes(
            article, pronouns=pronouns, doc=docs.get(article.name), min_words=min_words)
        for one in golds:
            gchars = _chars(text, one.fragments)
            covered: set[int] = set()
            best, best_n = None, 0
            for q, qchars in quote_chars:
                n = len(gchars & qchars)
                if n:
                    covered |= gchars & qchars
                    if n > best_n:
                        best, best_n = q, n
            overlap = len(covered) / len(gchars) if gchars else 0.0
            hit = best is not None and overlap >= min_overlap
            right = None
            if hit and one.speaker_words is not None:
                right = bool(best.speaker) and bool(content_words(best.speaker) & one.speaker_words)
            verdicts.append(QuoteVerdict(one, hit, round(overlap, 3), best.speaker if hit else None,
                                         getattr(best, "kind", None) if hit else None,
                                         getattr(best, "reason", "") if hit else "", right))
        content_chars = _chars(text, [f for c in article.contents for f in c.fragments])
        for q, qchars in quote_chars:
            if getattr(q, "kind", "direct") == "scare" or word_count(q.text) < min_words or not qchars:
                continue
            kit_quotes += 1
            if len(qchars & content_chars) / len(qchars) >= min_overlap:
                kit_inside += 1
            else:
                outside.append((article.name, q.start, q.end, q.text))
    found_n = sum(v.found for v in verdicts)
    scored = [v for v in verdicts if v.right is not None]
    right = sum(v.right for v in scored)
    unknown = sum(1 for v in scored if not v.speaker)
    named = len(scored) - unknown
    by_class = []
    for cls in SOURCE_CLASSES:
        vs = [v for v in verdicts if v.gold.source_class == cls]
        by_class.append((cls, len(vs), sum(v.found for v in vs), sum(v.right is not None for v in vs),
                         sum(bool(v.right) for v in vs)))
    reasons: dict[str, int] = {}
    for v in verdicts:
        if v.found and v.right is None:
            reasons[v.gold.why_unscored] = reasons.get(v.gold.why_unscored, 0) + 1
    return QuoteScore(
        articles=len(articles), gold=len(verdicts), found=found_n, recall=_ratio(found_n, len(verdicts)),
        kit_quotes=kit_quotes, kit_inside=kit_inside, precision=_ratio(kit_inside, kit_quotes),
        scored=len(scored), right=right, unknown=unknown, speaker_accuracy=_ratio(right, len(scored)),
        unknown_share=_ratio(unknown, len(scored)), named_accuracy=_ratio(right, named),
        by_class=tuple(by_class), unscored=tuple(sorted(reasons.items())), verdicts=tuple(verdicts),
        outside=tuple(outside))
