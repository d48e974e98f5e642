"""Load the article corpus: text files in ``data/articles/`` plus their data cards in ``data/articles.csv``.

The kit never changes anything in ``data/``: it reads the files, checks them, and reports problems in
plain words with the fix. One bad article never stops the others from loading.

>>> corpus = load_corpus()
>>> corpus.ids
('blinken-diplomatic-cover', 'blinken-rights-report', 'xi-invites-putin', 'presidents-meet-us-targets', 'xi-meets-lukashenko')
>>> article = corpus["presidents-meet-us-targets"]
>>> article.outlet
'World Socialist Web Site (WSWS)'
>>> article.body.rstrip().endswith("the root cause of war.")
True
"""
from __future__ import annotations

import os
import warnings
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator, Sequence

from .datafiles import DATA_DIR_ENV_VAR, default_data_dir, read_table
from .errors import ArticleError, KitError, MetadataError
from .ids import MAX_ID_LENGTH, _suggest_id, id_problem, safe_id
from .textfiles import decode_text, read_text_file
from .language import NOT_ENGLISH_FIX, not_english_message
from .render.html import escape, table_html
from .nlp import MAX_CHARACTERS
from .wording import plural

UNKNOWN = "unknown"
ARTICLES_FOLDER = "articles"
CARDS_FILE = "articles.csv"

#: Columns of ``data/articles.csv``. ``id`` and ``file`` are required; the others may be left out.
CARD_COLUMNS = (
    "id",
    "file",
    "title",
    "outlet",
    "outlet_evidence",
    "byline",
    "date",
    "date_evidence",
    "body_starts_at",
    "body_ends_before",
    "defects",
    "notes",
    "story",
    "licence",
    "source_url",
)
REQUIRED_CARD_COLUMNS = ("id", "file")

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

    @property
    def headline_span(self) -> tuple[int, int] | None:
        """Where the headline is in ``raw``, when it stands before the body; else ``None``.

        The headline is the card's title where it first appears above the body (site chrome may repeat
        it). With no title on the card, or a body that starts at the top, there is none to find.

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
                    f'There is no article with the id "{key}".',
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


# --------------------------------------------------------------------------------------------------
# Data cards
# --------------------------------------------------------------------------------------------------
def _read_cards(cards_path: Path, problems: list[Problem], *, inside: Path) -> list[tuple[int, dict[str, str]]]:
    """Read the data-card CSV into (line number, row) pairs, recording problems instead of raising."""
    where = str(cards_path)
    empty_fix = "Add a header row: " + ",".join(CARD_COLUMNS) + ", then one row per article."
    try:
        table = read_table(cards_path, required=REQUIRED_CARD_COLUMNS, known=CARD_COLUMNS, what="data-card file",
                           inside=inside, full_rows=True, collect=True)
    except MetadataError as err:
        if getattr(err, "empty_table", None):
            what = "has no header row, only blank or comma-only rows," if err.empty_table == "blank rows" else "is empty,"
            problems.append(Problem("warning", where, f"The data-card file {what} so every article loads with "
                                    "unknown metadata.", empty_fix))
            return []
        problems.append(Problem("error", err.where, err.message + " No data cards were read.", err.fix))
        return []
    unknown = table.unknown_columns(CARD_COLUMNS)
    if unknown:
        problems.append(
            Problem(
                "warning",
                f"{where}, line {table.header_line}",
                f"These columns are not used by the kit and are ignored: {', '.join(repr(u) for u in unknown)}.",
                "Check the spelling against: " + ", ".join(CARD_COLUMNS) + ".",
            )
        )
    problems.extend(Problem("error", f"{where}, line {p.line}", p.message, p.fix) for p in table.problems)
    return [(row.line, dict(row.cells)) for row in table.rows]


def _card_from_row(row: dict[str, str], where: str, problems: list[Problem]) -> ArticleCard:
    values = {}
    for name in CARD_COLUMNS[2:]:
        value = row.get(name, "")
        if name in ("body_starts_at", "body_ends_before", "notes", "source_url"):
            values[name] = value
        elif name != "defects":
            values[name] = value or UNKNOWN
    defects = tuple(d.strip() for d in row.get("defects", "").split(";") if d.strip())
    for d in defects:
        if d not in DEFECT_TYPES:
            problems.append(
                Problem(
                    "warning",
                    where,
                    f'The defect "{d}" is not one the kit knows; it is kept as written.',
                    "Known defects: " + ", ".join(DEFECT_TYPES) + ".",
                )
            )
    return ArticleCard(defects=defects, **values)


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


# --------------------------------------------------------------------------------------------------
# Loading and checking
# --------------------------------------------------------------------------------------------------
def load_corpus(data_dir: str | os.PathLike | None = None, *, warn: bool = True) -> Corpus:
    """Load every article in ``DATA_DIR/articles/`` with its data card from ``DATA_DIR/articles.csv``.

    Problems never stop the loading: a bad file is skipped, an article with no data card loads with
    "unknown" fields, and everything found is in ``corpus.problems`` (and summarised in one warning).

    Args:
        data_dir: the data folder (default: ``$MEDIALIT_DATA`` or the kit's ``data/``).
        warn: issue one :class:`CorpusWarning` summarising any problems.

    Returns:
        A :class:`Corpus`: articles with a data card first, in data-card order, then the others by file name.

    >>> corpus = load_corpus()
    >>> len(corpus), corpus.problems
    (5, ())
    """
    data_dir = Path(data_dir) if data_dir is not None else default_data_dir()
    problems: list[Problem] = []
    articles_dir = data_dir / ARTICLES_FOLDER
    if not articles_dir.is_dir():
        problems.append(
            Problem("error", str(articles_dir), "The articles folder does not exist.",
                    f"Create it and put .txt files in it, or set {DATA_DIR_ENV_VAR} to the kit's data folder.")
        )
        return _finish(Corpus([], problems, data_dir), warn)

    # Links are listed too, so that one pointing out of the data folder is reported (and refused), not ignored.
    files = sorted(p for p in articles_dir.iterdir() if (p.is_file() or p.is_symlink()) and not p.name.startswith("."))
    for p in files:
        if p.suffix.lower() != ".txt":
            problems.append(
                Problem("warning", str(p), "Only .txt files are read, so this file was skipped.",
                        "Save the article as plain text (.txt, UTF-8) in this folder.")
            )
    txt_files = {p.name: p for p in files if p.suffix.lower() == ".txt"}

    cards_path = data_dir / CARDS_FILE
    rows = _read_cards(cards_path, problems, inside=data_dir) if cards_path.exists() else []
    if not cards_path.exists() and not cards_path.is_symlink():
        problems.append(
            Problem("warning", str(cards_path), "There is no data-card file; every article loads with unknown metadata.",
                    "Create it with the header: " + ",".join(CARD_COLUMNS) + ".")
        )

    planned: list[tuple[str, Path, ArticleCard, str]] = []  # (id, path, card, where)
    used_files: dict[str, str] = {}
    for number, row in rows:
        where = f"{cards_path}, line {number}"
        article_id, filename = row["id"], row["file"]
        if not article_id:
            problems.append(Problem("error", where, "This row has no id, so it was skipped.",
                                    "Give every article a short id, e.g. my-article-1."))
            continue
        bad_id = id_problem(article_id)
        if bad_id:
            problems.append(Problem("error", where, f'The id "{article_id}" cannot be used: {bad_id}. This row was skipped.',
                                    f'Change it in the id column to a short id such as "{_suggest_id(article_id, filename)}" '
                                    "(letters, digits and hyphens; it names the file an export is saved to)."))
            continue
        if not filename:
            problems.append(Problem("error", where, f'The row for "{article_id}" names no file, so it was skipped.',
                                    "Put the file name (e.g. my-article.txt) in the 'file' column."))
            continue
        if filename not in txt_files:
            problems.append(
                Problem("error", where, f'The row for "{article_id}" names the file "{filename}", which is not in {articles_dir}.',
                        "Add the file to the articles folder, correct the file name, or delete the row.")
            )
            continue
        if filename in used_files:
            problems.append(
                Problem("error", where, f'The file "{filename}" already has a data card (id "{used_files[filename]}"); this row was skipped.',
                        "Keep one row per file.")
            )
            continue
        used_files[filename] = article_id
        planned.append((article_id, txt_files[filename], _card_from_row(row, where, problems), where))

    for name, p in txt_files.items():
        if name not in used_files:
            problems.append(
                Problem("warning", str(p), "This article has no data card, so its title, outlet and date show as unknown.",
                        f"Add a row for it to {cards_path} (only facts the text itself shows).")
            )
            article_id = p.stem
            bad_id = id_problem(article_id)
            if bad_id:
                article_id = safe_id(p.stem)
                if not article_id:
                    problems.append(Problem("error", str(p), f'The file name "{p.name}" cannot be used as an id ({bad_id}), '
                                            "and has no letters or digits to make one from, so the article was skipped.",
                                            "Rename the file, e.g. my-article.txt, or give it a row with an id in "
                                            f"{cards_path}."))
                    continue
                problems.append(Problem("warning", str(p), f'The file name "{p.stem}" cannot be used as an id ({bad_id}), '
                                        f'so the article loads with the id "{article_id}".',
                                        f"Rename the file to {article_id}.txt, or give it a row with an id in {cards_path}."))
            planned.append((article_id, p, ArticleCard(), str(p)))

    articles: list[Article] = []
    seen: dict[str, Path] = {}
    for article_id, path, card, where in planned:
        if article_id in seen:
            problems.append(
                Problem("error", where, f'The id "{article_id}" is already used by {seen[article_id].name}; this article was skipped.',
                        "Ids must be unique: give one of them another id in the data-card file.")
            )
            continue
        try:
            raw = read_text_file(path, inside=data_dir)
        except ArticleError as err:
            problems.append(Problem("error", str(path), err.message + " The article was skipped.", err.fix))
            continue
        not_english = not_english_message(raw)
        if not_english:
            problems.append(Problem("warning", str(path), not_english, NOT_ENGLISH_FIX))
        if len(raw) > MAX_CHARACTERS:
            problems.append(Problem("warning", str(path), too_long_message(len(raw)), TOO_LONG_FIX))
        elif len(raw) > LONG_ARTICLE_CHARACTERS:
            problems.append(
                Problem("warning", str(path), f"This article is very long ({len(raw):,} characters); analysing it may be slow.",
                        TOO_LONG_FIX)
            )
        seen[article_id] = path
        start, end = _body_bounds(raw, card, where, problems)
        articles.append(Article(id=article_id, raw=raw, path=path, card=card, body_start=start, body_end=end))

    return _finish(Corpus(articles, problems, data_dir), warn)


def _finish(corpus: Corpus, warn: bool) -> Corpus:
    if warn and corpus.problems:
        n_err, n_warn = len(corpus.errors), len(corpus.warnings)
        warnings.warn(
            f"Loaded {plural(len(corpus), 'article')}; found {plural(n_err, 'error')} and {plural(n_warn, 'warning')}. "
            "Run `medialit check` in a terminal, or look at corpus.problems, for what to fix.",
            CorpusWarning,
            stacklevel=3,
        )
    return corpus


def check_data_dir(data_dir: str | os.PathLike | None = None) -> Corpus:
    """Load and check a data folder without warnings; look at ``.problems`` and ``.errors``.

    >>> check_data_dir().errors
    ()
    """
    return load_corpus(data_dir, warn=False)


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


def load_article_file(path: str | os.PathLike, *, corpus: Corpus | None = None) -> Article:
    """Read any UTF-8 text file as an :class:`Article` (id = file name without ``.txt``).

    If the file is one of the corpus articles, its data card comes along. Pass ``corpus`` when reading
    several files, so the data folder is read once.
    """
    path = Path(path)
    raw = read_text_file(path)
    try:
        corpus = corpus if corpus is not None else load_corpus(warn=False)
        for a in corpus:
            if a.path is not None and a.path.resolve() == path.resolve():
                return a
    except Exception:  # noqa: BLE001 - a broken kit data folder must not stop reading a file
        pass
    return Article(id=safe_id(path.stem) or "article", raw=raw, path=path)


__all__ = [
    "Article",
    "ArticleCard",
    "Corpus",
    "CorpusWarning",
    "MAX_ID_LENGTH",
    "TOO_LONG_FIX",
    "NotEnglishWarning",
    "DEFECT_TYPES",
    "Problem",
    "UNKNOWN",
    "article_from_text",
    "check_data_dir",
    "decode_text",
    "default_data_dir",
    "id_problem",
    "load_article_file",
    "load_corpus",
    "read_text_file",
    "safe_id",
    "too_long_message",
]
