"""One article and a set of them: :class:`Article` (its exact text, where the body is, its data card),
:class:`ArticleCard`, :class:`Corpus`, :class:`Problem`, and :func:`article_from_text` for text you have.

Reading the data folder is :mod:`widgets.corpus`'s job; every name here can be imported from there too.

>>> a = article_from_text("Xi said “peace” twice.", id="toy")
>>> a.outlet, a.body
('unknown', 'Xi said “peace” twice.')
"""
from __future__ import annotations

import os
import warnings
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Iterator, Sequence

from .errors import KitError
from .ids import _suggest_id, id_problem
from .language import NOT_ENGLISH_FIX, not_english_message
from .nlp import MAX_CHARACTERS
from .render.html import escape, table_html
from .wording import did_you_mean, plural

UNKNOWN = "unknown"

#: The defects a data card may list (in its ``defects`` column, separated by ``;``).
DEFECT_TYPES = {
    "mixed_quotes": 'straight (") and curly (“ ”) quotation marks are mixed in one article',
    "mismatched_quote": "a quotation mark is the wrong way round or has no partner",
    "broken_lines": "sentences are broken across lines, with blank lines inside them",
    "translation_damage": "some wording looks damaged by machine translation",
    "appended_teasers": "teasers for unrelated stories are appended after the article",
    "site_chrome": "website navigation, headings or contact lines are mixed into the text",
    "truncated_text": "a headline or teaser is cut off in mid-sentence",
    "repeated_title": "the headline appears more than once",
    "different_event": "the article is mainly about a different event from the rest of the corpus",
}

#: Articles longer than this (characters) are read but flagged as slow to analyse.
LONG_ARTICLE_CHARACTERS = 200_000
#: The fix for an article that is too long (or very long).
TOO_LONG_FIX = "Check that it is one article; split a collection into one file per article."


def too_long_message(n_characters: int) -> str:
    """What ``medialit check`` and every view say about an article over :data:`~widgets.nlp.MAX_CHARACTERS`.

    The one wording for it, so that the check and the views say the same thing.

    >>> too_long_message(1_200_000)
    'This article has 1,200,000 characters: it can be read, but the kit analyses at most 1,000,000 at once, so quotes, highlights, comparisons and marking skip it (the other articles still work).'
    """
    return (f"This article has {n_characters:,} characters: it can be read, but the kit analyses at most "
            f"{MAX_CHARACTERS:,} at once, so quotes, highlights, comparisons and marking skip it "
            "(the other articles still work).")


# --------------------------------------------------------------------------------------------------
# Data classes
# --------------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class ArticleCard:
    """What is known about one article. Anything not shown by the text itself stays ``"unknown"``.

    >>> ArticleCard().outlet
    'unknown'
    """

    title: str = UNKNOWN
    outlet: str = UNKNOWN
    outlet_evidence: str = UNKNOWN
    byline: str = UNKNOWN
    date: str = UNKNOWN
    date_evidence: str = UNKNOWN
    body_starts_at: str = ""
    body_ends_before: str = ""
    defects: tuple[str, ...] = ()
    notes: str = ""
    # added for the stories in data/stories/; left out of the repr so the lessons' printed cards stay as they were
    story: str = field(default=UNKNOWN, repr=False)
    licence: str = field(default=UNKNOWN, repr=False)
    source_url: str = field(default="", repr=False)  # empty: no address (e.g. a text written for the kit)

    def rows(self) -> list[tuple[str, str]]:
        """(field, value) pairs in reading order, with defects spelled out in plain words."""
        defects = "; ".join(f"{d}: {DEFECT_TYPES.get(d, 'not a defect the kit knows')}" for d in self.defects)
        return [
            ("title", self.title),
            ("outlet", self.outlet),
            ("how we know the outlet", self.outlet_evidence),
            ("byline", self.byline),
            ("date", self.date),
            ("how we know the date", self.date_evidence),
            ("known defects", defects or "none recorded"),
            ("notes", self.notes or "none"),
        ] + [(name, value) for name, value in (("story", self.story), ("licence", self.licence),
                                                ("source address", self.source_url)) if value not in (UNKNOWN, "")]

    def __str__(self) -> str:
        return "\n".join(f"{name:>22}: {value}" for name, value in self.rows())

    def _repr_html_(self) -> str:
        return table_html(["field", "value"], self.rows())


@dataclass(frozen=True)
class Article:
    """One article: its id, the exact text of its file, and its data card.

    ``raw`` is the file's text exactly as ``open(path, encoding="utf-8-sig").read()`` gives it (a leading
    byte-order mark dropped, line ends as ``\\n``); every offset the kit reports points into it. ``body_start``/``body_end`` mark the article proper inside ``raw``
    (without site navigation at the top or unrelated teasers at the bottom).

    >>> a = article_from_text("Blinken said: “We will see.” Related Articles ...",
    ...                       body_ends_before="Related Articles")
    >>> a.body
    'Blinken said: “We will see.” '
    >>> a.in_body(14, 26), a.in_body(30, 40)
    (True, False)
    """

    id: str
    raw: str
    path: Path | None = None
    card: ArticleCard = field(default_factory=ArticleCard)
    body_start: int = 0
    body_end: int = -1

    def __post_init__(self) -> None:
        if self.body_end < 0:
            object.__setattr__(self, "body_end", len(self.raw))

    @property
    def body(self) -> str:
        """The article proper: ``raw`` without site chrome at the top or appended teasers."""
        return self.raw[self.body_start : self.body_end]

    @property
    def appended(self) -> str:
        """What follows the article proper (teasers, contact lines); empty if nothing does."""
        return self.raw[self.body_end :]

    @property
    def title(self) -> str:
        return self.card.title

    @property
    def outlet(self) -> str:
        return self.card.outlet

    @property
    def label(self) -> str:
        """A short name for charts and menus: the outlet if known, else the id."""
        if self.card.outlet != UNKNOWN:
            return f"{self.card.outlet} ({self.id})"
        return f"unknown outlet ({self.id})"

    def in_body(self, start: int, end: int) -> bool:
        """True if the span ``start:end`` lies inside the article proper."""
        return self.body_start <= start and end <= self.body_end

    @cached_property
    def headline_span(self) -> tuple[int, int] | None:
        """Where the headline is in ``raw``, when it stands before the body; else ``None``.

        The headline is the card's title where it first appears above the body (site chrome may repeat
        it). With no title on the card, or a body that starts at the top, there is none to find. Found once
        per article: every view asks for each highlight it filters.

        >>> a = article_from_text("Senator Slams Plan\\n\\nThe senator spoke.", title="Senator Slams Plan",
        ...                       body_starts_at="The senator")
        >>> a.headline_span, a.headline
        ((0, 18), 'Senator Slams Plan')
        >>> article_from_text("No title here.").headline_span is None
        True
        """
        title = self.card.title
        if title in (UNKNOWN, "") or self.body_start == 0:
            return None
        at = self.raw.find(title, 0, self.body_start)
        return None if at < 0 else (at, at + len(title))

    @property
    def headline(self) -> str:
        """The headline's text (see ``headline_span``), or ``""`` when there is none."""
        span = self.headline_span
        return self.raw[span[0] : span[1]] if span else ""

    def in_headline_or_body(self, start: int, end: int) -> bool:
        """True if ``start:end`` is in the article proper or in its headline: what every view shows.

        >>> a = article_from_text("Senator Slams Plan\\n\\nThe senator spoke.", title="Senator Slams Plan",
        ...                       body_starts_at="The senator")
        >>> a.in_body(8, 13), a.in_headline_or_body(8, 13), a.in_headline_or_body(18, 20)
        (False, True, False)
        """
        span = self.headline_span
        return self.in_body(start, end) or (span is not None and span[0] <= start and end <= span[1])

    def __repr__(self) -> str:
        return f"Article(id={self.id!r}, outlet={self.outlet!r}, {len(self.raw):,} characters)"


@dataclass(frozen=True)
class Problem:
    """One thing wrong in the data folder.

    >>> print(Problem("error", "data/articles/x.txt", "The file is empty.", "Paste the text in."))
    ERROR data/articles/x.txt: The file is empty. Fix: Paste the text in.
    """

    level: str  # "error" or "warning"
    where: str
    message: str
    fix: str = ""

    def __str__(self) -> str:
        text = f"{self.level.upper()} {self.where}: {self.message}"
        return f"{text} Fix: {self.fix}" if self.fix else text


class Corpus(Sequence[Article]):
    """The loaded articles, in a fixed order, and the problems found while loading them.

    Index by position or by id: ``corpus[0]``, ``corpus["xi-invites-putin"]``.
    """

    def __init__(self, articles: Sequence[Article], problems: Sequence[Problem] = (), data_dir: Path | None = None,
                 *, skipped: Sequence[Problem] = ()):
        self._articles = tuple(articles)
        self._by_id = {a.id: a for a in self._articles}
        self.problems = tuple(problems)
        self.data_dir = data_dir
        #: The articles :meth:`analysable` left out, each with the reason (empty for a loaded corpus).
        self.skipped = tuple(skipped)

    def analysable(self) -> "Corpus":
        """The articles the views can analyse: this corpus without those over the size limit.

        The views (quotes, highlights, comparisons, marking) use this, so that one long article is skipped
        with a note (in :attr:`skipped`, in the same words as ``medialit check``) instead of breaking the view
        for every article. Returns this corpus itself when nothing is skipped.

        >>> small = article_from_text("Xi smiled.", id="small")
        >>> big = article_from_text("He said the talks were over. " * 40_000, id="big")
        >>> usable = Corpus([small, big]).analysable()
        >>> usable.ids
        ('small',)
        >>> print(usable.skipped[0])
        WARNING big: This article has 1,160,000 characters: it can be read, but ... Fix: Check that it is one article; ...
        >>> usable.analysable() is usable
        True
        """
        too_long = [a for a in self._articles if len(a.raw) > MAX_CHARACTERS]
        if not too_long:
            return self
        return Corpus([a for a in self._articles if len(a.raw) <= MAX_CHARACTERS], self.problems, self.data_dir,
                      skipped=(*self.skipped, *(Problem("warning", a.id, too_long_message(len(a.raw)), TOO_LONG_FIX)
                                                for a in too_long)))

    @property
    def ids(self) -> tuple[str, ...]:
        """The article ids, in order."""
        return tuple(a.id for a in self._articles)

    @property
    def errors(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.level == "error")

    @property
    def warnings(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.level == "warning")

    def __len__(self) -> int:
        return len(self._articles)

    def __iter__(self) -> Iterator[Article]:
        return iter(self._articles)

    def __getitem__(self, key):  # type: ignore[override]
        if isinstance(key, str):
            try:
                return self._by_id[key]
            except KeyError:
                raise KitError(
                    f'There is no article with the id "{key}".{did_you_mean(key, self.ids)}',
                    fix="Use one of these ids: " + ", ".join(self.ids) + ".",
                ) from None
        return self._articles[key]

    def __repr__(self) -> str:
        lines = [f"Corpus of {plural(len(self), 'article')}:"]
        lines += [f"  {a.id:<28} {a.outlet}" for a in self]
        if self.problems:
            lines.append(f"  ({plural(len(self.problems), 'problem')} found: see corpus.problems)")
        return "\n".join(lines)

    def _repr_html_(self) -> str:
        rows = [(a.id, a.title, a.outlet, a.card.byline, a.card.date, ", ".join(a.card.defects) or "none recorded")
                for a in self]
        problems = ""
        if self.problems:
            problems = "<p>" + escape(f"{len(self.problems)} problems found while loading: see corpus.problems") + "</p>"
        return table_html(("id", "title", "outlet", "byline", "date", "known defects"), rows,
                          css_class="mathjax_ignore", cell_style="text-align:left") + problems


class CorpusWarning(UserWarning):
    """Issued once per load when some articles or data cards had problems."""


class NotEnglishWarning(UserWarning):
    """Issued when a text given to :func:`article_from_text` does not look like English."""


def _find_marker(raw: str, marker: str, *, column: str, what: str, default: int, after: int,
                 where: str, problems: list[Problem]) -> int:
    """Where ``marker`` starts in ``raw`` (searching from ``after``), or ``default`` with a warning."""
    if not marker:
        return default
    found = raw.find(marker, after)
    if found == -1:
        problems.append(
            Problem("warning", where, f'{column} text "{marker}" is not in the article; using the {what} of the file.',
                    f"Copy the first words of the {'article proper' if what == 'start' else 'appended material'} "
                    "exactly, or leave the cell empty.")
        )
        return default
    return found


def _body_bounds(raw: str, card: ArticleCard, where: str, problems: list[Problem]) -> tuple[int, int]:
    start = _find_marker(raw, card.body_starts_at, column="body_starts_at", what="start", default=0, after=0,
                         where=where, problems=problems)
    end = _find_marker(raw, card.body_ends_before, column="body_ends_before", what="end", default=len(raw),
                       after=start, where=where, problems=problems)
    return start, end


def article_from_text(
    text: str,
    *,
    id: str = "my-article",
    path: str | os.PathLike | None = None,
    body_starts_at: str = "",
    body_ends_before: str = "",
    **card_fields: str,
) -> Article:
    """Make an :class:`Article` from text you have (a pasted article, a rewritten sentence).

    >>> article_from_text("Xi said “peace” twice.", id="toy").outlet
    'unknown'
    """
    if not isinstance(text, str):
        raise KitError(f"An article's text must be a string, not {type(text).__name__}.",
                       fix='Put the text in quotes, e.g. article_from_text("Xi said ...").')
    bad_id = id_problem(id)
    if bad_id:
        raise KitError(f'The id "{id}" cannot be used: {bad_id}.',
                       fix=f'Use a short id such as id="{_suggest_id(str(id))}" (letters, digits and hyphens; '
                           "it names the file an export is saved to).")
    text = text.removeprefix("\ufeff")  # a byte-order mark pasted in with the text, as read_text_file drops it
    not_english = not_english_message(text)
    if not_english:
        warnings.warn(f"{not_english} Fix: {NOT_ENGLISH_FIX}", NotEnglishWarning, stacklevel=2)
    card = ArticleCard(body_starts_at=body_starts_at, body_ends_before=body_ends_before, **card_fields)
    problems: list[Problem] = []
    start, end = _body_bounds(text, card, id, problems)
    return Article(id=id, raw=text, path=Path(path) if path else None, card=card, body_start=start, body_end=end)


__all__ = ["DEFECT_TYPES", "LONG_ARTICLE_CHARACTERS", "TOO_LONG_FIX", "UNKNOWN", "Article", "ArticleCard", "Corpus",
           "CorpusWarning", "NotEnglishWarning", "Problem", "article_from_text", "too_long_message"]
