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
from pathlib import Path

from .article import (DEFECT_TYPES, LONG_ARTICLE_CHARACTERS, TOO_LONG_FIX, UNKNOWN, Article, ArticleCard, Corpus,
                      CorpusWarning, NotEnglishWarning, Problem, _body_bounds, article_from_text, too_long_message)
from .datafiles import DATA_DIR_ENV_VAR, default_data_dir, read_table
from .errors import ArticleError, MetadataError
from .ids import MAX_ID_LENGTH, _suggest_id, id_problem, safe_id
from .language import NOT_ENGLISH_FIX, not_english_message
from .nlp import MAX_CHARACTERS
from .textfiles import decode_text, read_text_file
from .wording import plural

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


def load_article_file(path: str | os.PathLike, *, corpus: Corpus | None = None) -> Article:
    """Read any UTF-8 text file as an :class:`Article` (id = file name without ``.txt``).

    If the file is one of the corpus articles, its data card comes along. Pass ``corpus`` when reading
    several files, so the data folder is read once.

    >>> import tempfile
    >>> path = Path(tempfile.mkdtemp()) / "My Article.txt"
    >>> _ = path.write_text("“We agree,” said Lee.", encoding="utf-8")
    >>> a = load_article_file(path)
    >>> a.id, a.outlet, a.raw
    ('my-article', 'unknown', '“We agree,” said Lee.')
    >>> load_article_file(default_data_dir() / "articles" / "xi-invites-putin.txt").card.body_starts_at != ""
    True
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
