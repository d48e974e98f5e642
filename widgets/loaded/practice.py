"""Exercises on loaded language: pick the loaded words in a paragraph and compare with the answer key;
re-score a sentence and a student's neutral rewrite."""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable, Sequence

from ..corpus import load_corpus
from ..errors import KitError
from ..evaluation import KeyItem, _overlaps, load_key
from ..lexicon import Lexicon
from ..nlp import score_text
from ..text import fold
from .matching import LoadedMatch, find_loaded


@dataclass(frozen=True)
class Paragraph:
    """One paragraph (a non-empty line) of an article, with its offsets in ``raw``."""

    article: str
    number: int
    start: int
    end: int
    text: str


def paragraphs(article) -> list[Paragraph]:
    """The paragraphs (non-empty lines) of the article proper, numbered from 1.

    >>> from widgets.corpus import article_from_text
    >>> [p.text for p in paragraphs(article_from_text("One.\\n\\nTwo."))]
    ['One.', 'Two.']
    """
    result = []
    offset = article.body_start
    for line in article.body.splitlines(keepends=True):
        stripped = line.strip()
        if stripped:
            start = offset + line.index(stripped)
            result.append(Paragraph(article.id, len(result) + 1, start, start + len(stripped), stripped))
        offset += len(line)
    return result


def paragraph(article_id: str, number: int, *, corpus=None) -> Paragraph:
    """Paragraph ``number`` (from 1) of a corpus article, with a friendly error if there is none.

    >>> paragraph("xi-invites-putin", 17).text[:28]
    '“That’s just a bunch of mala'
    """
    corpus = corpus if corpus is not None else load_corpus(warn=False)
    found = paragraphs(corpus[article_id])
    if not 1 <= number <= len(found):
        raise KitError(f"{article_id} has paragraphs 1 to {len(found)}, not {number}.",
                       fix=f"Use a number from 1 to {len(found)}.")
    return found[number - 1]


@dataclass(frozen=True)
class PickFeedback:
    """Feedback on the words a student picked in a paragraph, against the answer key.

    ``found``/``missed``: counted key items (text, category, why); ``not_counted``: picks the key
    deliberately does not count (text, why); ``not_in_key``: picks the key says nothing about;
    ``not_in_paragraph``: picks that are not in the paragraph at all.
    """

    paragraph: Paragraph
    found: tuple[tuple[str, str, str], ...]
    missed: tuple[tuple[str, str, str], ...]
    not_counted: tuple[tuple[str, str], ...]
    not_in_key: tuple[str, ...]
    not_in_paragraph: tuple[str, ...]
    answered: bool = True

    def __str__(self) -> str:
        if not self.answered:
            return ('To do: replace the ... with a list of the words you picked, '
                    'e.g. ["slammed", "regime"], and run the cell again.')
        total = len(self.found) + len(self.missed)
        lines = [f"You found {len(self.found)} of the {total} loaded words or phrases the key marks in this paragraph."]
        for text, category, why in self.found:
            lines.append(f"  found {text!r} ({category.replace('_', ' ')}): {why}")
        for text, category, why in self.missed:
            lines.append(f"  missed {text!r} ({category.replace('_', ' ')}): {why}")
        for text, why in self.not_counted:
            lines.append(f"  not counted {text!r}: the key does not count it. {why}")
        for text in self.not_in_key:
            lines.append(f"  open question {text!r}: the key does not mark it. Can you say what makes it loaded? "
                         "Discuss it with your class.")
        for text in self.not_in_paragraph:
            lines.append(f"  check {text!r}: it is not in this paragraph; copy the words exactly as they appear.")
        return "\n".join(lines)

    def _repr_pretty_(self, printer, cycle) -> None:
        printer.text(str(self))


def check_picks(article_id: str, number: int, picks: Iterable[str], *, key: Sequence[KeyItem] | None = None,
                corpus=None) -> PickFeedback:
    """Compare the words a student picked in paragraph ``number`` of an article with the answer key.

    Picks are matched ignoring capitals and curly/straight apostrophes; a pick counts if it overlaps a key item.

    >>> fb = check_picks("xi-invites-putin", 17, ["malarkey"])
    >>> [f[0] for f in fb.found]
    ['malarkey']
    >>> print(check_picks("xi-invites-putin", 17, ...))
    To do: replace the ... with a list of the words you picked, e.g. ["slammed", "regime"], and run the cell again.
    """
    para = paragraph(article_id, number, corpus=corpus)
    if picks is Ellipsis or picks is None:
        return PickFeedback(para, (), (), (), (), (), answered=False)
    if isinstance(picks, str):
        picks = [picks]
    key = key if key is not None else load_key(corpus=corpus)
    items = [k for k in key if k.article == article_id and para.start <= k.start and k.end <= para.end]
    hay = fold(para.text)
    found_items: set[int] = set()
    not_counted, not_in_key, not_in_paragraph = [], [], []
    for pick in picks:
        pick = str(pick).strip()
        if not pick:
            continue
        needle = fold(pick)
        spans = [(m.start() + para.start, m.end() + para.start) for m in re.finditer(re.escape(needle), hay)]
        if not spans:
            not_in_paragraph.append(pick)
            continue
        hit = [i for i, k in enumerate(items) if any(_overlaps(s, e, k.start, k.end) for s, e in spans)]
        counted = [i for i in hit if items[i].counted]
        if counted:
            found_items.update(counted)
        elif hit:
            not_counted.append((pick, items[hit[0]].why))
        else:
            not_in_key.append(pick)
    found = tuple((items[i].text, items[i].category, items[i].why) for i in sorted(found_items))
    missed = tuple((k.text, k.category, k.why) for i, k in enumerate(items) if k.counted and i not in found_items)
    return PickFeedback(para, found, missed, tuple(not_counted), tuple(not_in_key), tuple(not_in_paragraph))


@dataclass(frozen=True)
class SentenceReport:
    """A sentence (e.g. a student's neutral rewrite) re-scored: highlights and TextBlob scores."""

    text: str
    matches: tuple[LoadedMatch, ...]
    polarity: float
    subjectivity: float
    assessments: tuple[tuple[str, float, float], ...]

    def __str__(self) -> str:
        words = ", ".join(f"{m.text!r} ({m.category.replace('_', ' ')})" for m in self.matches) or "none"
        drivers = ", ".join(f"{w!r} ({p:+.2f})" for w, p, _ in self.assessments) or "no words TextBlob knows"
        return (f"Loaded words: {words}\nPolarity {self.polarity:+.2f} (-1 negative .. +1 positive), "
                f"subjectivity {self.subjectivity:.2f} (0 factual .. 1 opinion); TextBlob's words: {drivers}")

    def _repr_pretty_(self, printer, cycle) -> None:
        printer.text(str(self))


def score_sentence(text: str, *, lexicon: Lexicon | None = None) -> SentenceReport:
    """Highlights and TextBlob polarity/subjectivity for one sentence, e.g. a neutral rewrite.

    >>> report = score_sentence("The regime launched a brutal crackdown.")
    >>> [m.text for m in report.matches], report.polarity < 0
    (['regime', 'brutal', 'crackdown'], True)
    >>> score_sentence("The government arrested protesters.").matches
    ()
    """
    if not isinstance(text, str):
        raise KitError(f"score_sentence() needs text (a str), not {type(text).__name__}.",
                       fix='Put your sentence in quotes, e.g. score_sentence("The government arrested ...").')
    polarity, subjectivity, assessments = score_text(text)
    matches = tuple(find_loaded(text, lexicon=lexicon)) if text.strip() else ()
    return SentenceReport(text, matches, polarity, subjectivity, assessments)


@dataclass(frozen=True)
class RewriteReport:
    """A sentence and a student's neutral rewrite, both re-scored (``after`` is None if not answered)."""

    before: SentenceReport
    after: SentenceReport | None

    def __str__(self) -> str:
        if self.after is None:
            return "To do: replace the ... with your neutral sentence (in quotes) and run the cell again."
        lines = ["BEFORE: " + self.before.text, str(self.before), "", "AFTER:  " + self.after.text, str(self.after), ""]
        n_before, n_after = len(self.before.matches), len(self.after.matches)
        if n_after == 0:
            lines.append(f"Right! The highlighter finds no loaded words in your version (it found {n_before} before).")
        elif n_after < n_before:
            lines.append(f"Nearly. Fewer loaded words ({n_after} instead of {n_before}); can you replace the rest?")
        else:
            lines.append(f"Not yet. Still {n_after} loaded word(s): look at the list above and try plainer words.")
        lines.append("Check the facts stayed the same: a neutral sentence says the same thing with less push.")
        return "\n".join(lines)

    def _repr_pretty_(self, printer, cycle) -> None:
        printer.text(str(self))


def compare_rewrite(original: str, rewrite) -> RewriteReport:
    """Re-score a sentence and its neutral rewrite side by side (``rewrite`` may still be ``...``).

    >>> report = compare_rewrite("The regime launched a brutal crackdown.", "The government arrested 300 people.")
    >>> len(report.before.matches), len(report.after.matches)
    (3, 0)
    >>> print(compare_rewrite("A brutal crackdown.", ...))
    To do: replace the ... with your neutral sentence (in quotes) and run the cell again.
    """
    before = score_sentence(original)
    if rewrite is Ellipsis or rewrite is None:
        return RewriteReport(before, None)
    return RewriteReport(before, score_sentence(rewrite))
