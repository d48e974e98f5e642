"""Quote alignment: find the same statement quoted (or reported) in different articles.

Two quotes are *aligned* when most of the content words of the shorter one appear, in the same order,
inside a short stretch of the longer one. That copes with what outlets do to a quote:

- cut it (a partial quote of a longer one: "the ratification of Russian conquest"),
- change words in brackets ("instead of even condemning [Russia forces]"),
- use straight or curly quotation marks, hyphens ("cease-fire" / "ceasefire"), other word forms
  ("ratify" / "ratification": words are compared by their first five letters).

The matching itself is rapidfuzz's longest common subsequence over word lists
(:mod:`rapidfuzz.distance.LCSseq`); once a pair is aligned, :func:`word_diff` (difflib) shows what was
dropped, added or changed.

A quote is too short to trace when it has fewer than :data:`MIN_QUOTE_WORDS` words: two-word scare
quotes such as "peace plan" or "diplomatic cover" turn up everywhere and are left out on purpose.

>>> a = QuoteSide("a.txt", 0, 52, "any ceasefire that does not include the removal of troops", "Blinken")
>>> b = QuoteSide("b.txt", 0, 45, "Any cease-fire that does not address the removal of troops", "Kirby")
>>> [(p.similarity, p.same_speaker) for p in align_quotes([a, b])]
[(0.75, False)]
"""
from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Iterable, Sequence

from .wordmatch import (STEM_LENGTH, WINDOW_SLACK, DiffPart, best_window, content_stems, paraphrase_score,  # noqa: F401
                        quote_similarity, rarity_weights, shared_in_order, word_diff, words)

#: Quotes with fewer words than this are scare quotes or labels, too short to trace across articles.
MIN_QUOTE_WORDS = 4
#: Share (0-1) of the shorter quote's content words that must be found, in order, in the longer one.
MIN_SIMILARITY = 0.6
#: ... and at least this many content words must be shared.
MIN_SHARED_WORDS = 3
#: A reported-speech sentence is a paraphrase of a quote when the rarity-weighted share of the shorter
#: side's content words it shares (see :func:`paraphrase_score`) reaches this.
MIN_PARAPHRASE_SCORE = 0.25
#: ... and they share at least this many content words.
MIN_PARAPHRASE_SHARED = 4
#: A quote needs this many content words before the kit looks for paraphrases of it.
MIN_PARAPHRASE_QUOTE_WORDS = 6


@dataclass(frozen=True)
class QuoteSide:
    """One side of an aligned pair: where the words are and who they are given to.

    ``start``/``end`` are offsets into that file's text; ``speaker`` is None when unknown.
    """

    file: str
    start: int
    end: int
    text: str
    speaker: str | None = None

    def to_dict(self) -> dict:
        """The side as a plain dict (the ``medialit compare --json`` SIDE object)."""
        return asdict(self)


@dataclass(frozen=True)
class AlignedQuote:
    """Two pieces of text from different articles that report the same statement.

    ``similarity`` is 0-1; ``same_speaker`` is None when either speaker is unknown; ``paraphrase`` is
    True when side ``b`` reports the statement without quotation marks (side ``a`` is then the quote);
    ``shared`` lists the content words (first five letters) the two sides share.
    """

    a: QuoteSide
    b: QuoteSide
    similarity: float
    same_speaker: bool | None
    paraphrase: bool
    diff: tuple[DiffPart, ...]
    shared: tuple[str, ...] = ()

    def to_dict(self) -> dict:
        """The pair as a plain dict in the ``medialit compare --json`` format."""
        return {
            "a": self.a.to_dict(),
            "b": self.b.to_dict(),
            "similarity": self.similarity,
            "same_speaker": self.same_speaker,
            "paraphrase": self.paraphrase,
            "diff": [asdict(d) for d in self.diff],
        }

    @property
    def changes(self) -> tuple[DiffPart, ...]:
        """Only the diff steps that are not "equal"."""
        return tuple(d for d in self.diff if d.op != "equal")


@dataclass(frozen=True)
class ReportedSpeech:
    """A sentence that reports what someone said without quoting it (a candidate paraphrase).

    ``text`` is the whole sentence (``raw[start:end]``); ``unquoted`` is the same sentence with any
    quoted words blanked out, which is what is compared with quotes from other articles.
    """

    file: str
    start: int
    end: int
    text: str
    speaker: str | None = None
    unquoted: str = ""

    @property
    def side(self) -> QuoteSide:
        """This sentence as one side of an aligned pair."""
        return QuoteSide(self.file, self.start, self.end, self.text, self.speaker)


# --------------------------------------------------------------------------------------------------
# Alignment
# --------------------------------------------------------------------------------------------------
def _same_speaker(a: str | None, b: str | None) -> bool | None:
    if not a or not b:
        return None
    return a.strip().casefold() == b.strip().casefold()


def align_quotes(
    quotes: Iterable[QuoteSide],
    *,
    min_similarity: float = MIN_SIMILARITY,
    min_words: int = MIN_QUOTE_WORDS,
    min_shared: int = MIN_SHARED_WORDS,
) -> list[AlignedQuote]:
    """Every pair of quotes from *different* files that is the same statement.

    A quote may be aligned with several others (a partial quote matches each longer version). Side a
    is the quote from the file that comes first in ``quotes``.

    Args:
        quotes: quotes from two or more files (:class:`QuoteSide`, offsets into each file's text).
        min_similarity: share of the shorter quote's content words found in order in the longer one.
        min_words: shorter quotes are not aligned (scare quotes such as "peace plan").
        min_shared: at least this many content words in common.

    >>> q = [QuoteSide("a", 0, 9, "rest and refit his troops", "Blinken"),
    ...      QuoteSide("b", 5, 30, "allow President Putin to rest and refit his troops", None)]
    >>> pair = align_quotes(q)[0]
    >>> pair.similarity, pair.same_speaker, pair.paraphrase
    (1.0, None, False)
    >>> [(d.op, d.b) for d in pair.diff]
    [('insert', 'allow President Putin to'), ('equal', 'rest and refit his troops')]
    """
    quotes = list(quotes)
    order = {}
    for q in quotes:
        order.setdefault(q.file, len(order))
    usable = [(q, content_stems(q.text)) for q in quotes if len(words(q.text)) >= min_words]
    usable.sort(key=lambda qs: (order[qs[0].file], qs[0].start, qs[0].end))
    pairs = []
    for i, (qa, sa) in enumerate(usable):
        for qb, sb in usable[i + 1 :]:
            if qb.file == qa.file or not sa or not sb:
                continue
            short, long = (sa, sb) if len(sa) <= len(sb) else (sb, sa)
            matched, _ = best_window(short, long)
            similarity = matched / len(short)
            if matched < min_shared or similarity < min_similarity:
                continue
            pairs.append(AlignedQuote(
                a=qa, b=qb, similarity=round(similarity, 3), same_speaker=_same_speaker(qa.speaker, qb.speaker),
                paraphrase=False, diff=tuple(word_diff(qa.text, qb.text)), shared=tuple(shared_in_order(short, long)),
            ))
    return pairs



def find_paraphrases(
    quotes: Sequence[QuoteSide],
    reported: Sequence["ReportedSpeech"],
    *,
    aligned: Sequence[AlignedQuote] = (),
    weights: dict[str, float] | None = None,
    min_score: float = MIN_PARAPHRASE_SCORE,
    min_shared: int = MIN_PARAPHRASE_SHARED,
    min_quote_words: int = MIN_PARAPHRASE_QUOTE_WORDS,
) -> list[AlignedQuote]:
    """Quotes restated without quotation marks in another article (reported speech).

    For each quote and each *other* file, the best-matching reported-speech sentence of that file is
    taken if it shares at least ``min_shared`` content words in order and its
    :func:`paraphrase_score` reaches ``min_score``. A sentence holding a quote already aligned with
    this quote is skipped (that pair is a quote pair, not a paraphrase). In the result side ``a`` is
    the quote and side ``b`` the reported speech.

    Args:
        quotes: the quotes of every file.
        reported: the reported-speech sentences of every file (:class:`ReportedSpeech`; only their
            words outside quotation marks, ``unquoted``, are compared).
        aligned: quote pairs already found (see :func:`align_quotes`).
        weights: :func:`rarity_weights` over all sentences (computed from ``reported`` if None).

    >>> q = [QuoteSide("a", 0, 80, "China feels no responsibility to hold the Kremlin accountable for atrocities", "Blinken")]
    >>> said = "Blinken said China does not think the Kremlin should face accountability for atrocities"
    >>> r = [ReportedSpeech("b", 0, len(said), said, "Blinken", unquoted=said)]
    >>> [(p.paraphrase, p.same_speaker) for p in find_paraphrases(q, r, weights={})]
    [(True, True)]
    """
    if weights is None:
        weights = rarity_weights([r.unquoted for r in reported] + [q.text for q in quotes])
    by_file: dict[str, list[ReportedSpeech]] = {}
    for r in reported:
        by_file.setdefault(r.file, []).append(r)
    out = []
    for q in quotes:
        if len(content_stems(q.text)) < min_quote_words:
            continue
        partners = _partners(q, aligned)
        for file, sentences in by_file.items():
            if file == q.file:
                continue
            best = None
            for s in sentences:
                if any(f == file and s.start < e and st < s.end for f, st, e in partners):
                    continue
                score, shared = paraphrase_score(q.text, s.unquoted, weights)
                if len(shared) < min_shared or score < min_score:
                    continue
                if best is None or score > best[0]:
                    best = (score, shared, s)
            if best is not None:
                score, shared, s = best
                out.append(AlignedQuote(
                    a=q, b=s.side, similarity=score, same_speaker=_same_speaker(q.speaker, s.speaker),
                    paraphrase=True, diff=tuple(word_diff(q.text, s.text)), shared=shared,
                ))
    return out


def _partners(q: QuoteSide, aligned: Sequence[AlignedQuote]) -> list[tuple[str, int, int]]:
    out = []
    for p in aligned:
        if p.a == q:
            out.append((p.b.file, p.b.start, p.b.end))
        elif p.b == q:
            out.append((p.a.file, p.a.start, p.a.end))
    return out


__all__ = [
    "AlignedQuote",
    "DiffPart",
    "MIN_PARAPHRASE_SCORE",
    "MIN_QUOTE_WORDS",
    "MIN_SIMILARITY",
    "QuoteSide",
    "ReportedSpeech",
    "align_quotes",
    "content_stems",
    "find_paraphrases",
    "paraphrase_score",
    "quote_similarity",
    "rarity_weights",
    "word_diff",
    "words",
]
