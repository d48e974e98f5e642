"""The hand-made answer keys in ``data/keys/``, read and checked (scoring against them is in
:mod:`widgets.evaluation`).

- ``quotes.csv``: every quotation, with its kind and speaker (:func:`load_answer_key`);
- ``loaded.csv``: loaded words, found in their article by text and occurrence (:func:`load_key`);
- ``aligned_quotes.csv``: pairs of passages that are (or are not) the same statement (:func:`load_alignment_key`).

Offsets are into the article's text as the kit reads it; given the corpus, each loader checks that
``raw[start:end]`` is exactly the key's text, so a key cannot silently drift from the articles.

>>> load_alignment_key()[0].a.speaker
'Antony Blinken'
"""
from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

from .corpus import load_corpus
from .datafiles import Row, Table, data_path, load, read_table
from .errors import MetadataError
from .lexicon import CATEGORIES, VOICES
from .wording import did_you_mean

#: The quote key, in ``data/keys/``.
QUOTES_KEY_FILE = "quotes.csv"
#: The keys, relative to the data folder.
LOADED_KEY_FILE = Path("keys") / "loaded.csv"
ALIGNED_KEY_FILE = Path("keys") / "aligned_quotes.csv"
#: The columns of each key file.
QUOTE_KEY_COLUMNS = ("article", "start", "end", "text", "kind", "speaker", "cue", "in_body", "note")
LOADED_KEY_COLUMNS = ("article", "text", "occurrence", "category", "voice", "counted", "why")
ALIGNED_KEY_COLUMNS = ("pair", "same_statement", "misattributed", "paraphrase",
                       "file_a", "start_a", "end_a", "speaker_a", "text_a",
                       "file_b", "start_b", "end_b", "speaker_b", "text_b", "note")
_FIX = "Copy the text exactly from the article (same quotation marks) and check the names."
_OFFSETS_FIX = "Copy the text exactly from the article (same quotation marks), with its offsets, and check the names."


@dataclass(frozen=True)
class KeyQuote:
    """One quotation in the hand-made answer key."""

    article: str
    start: int
    end: int
    text: str
    kind: str
    speaker: str | None
    cue: str | None
    in_body: bool
    note: str = ""


@dataclass(frozen=True)
class KeyItem:
    """One row of the answer key, located in the article (``counted`` False: the key deliberately does
    not count it, and ``why`` says why)."""

    article: str
    start: int
    end: int
    text: str
    category: str
    voice: str
    counted: bool
    why: str
    line: int


@dataclass(frozen=True)
class KeySide:
    """One side of a pair in the alignment key: the passage in ``file`` and who it is given to."""

    file: str
    start: int
    end: int
    text: str
    speaker: str | None


@dataclass(frozen=True)
class KeyPair:
    """One row of ``aligned_quotes.csv``: two passages and whether they report the same statement."""

    pair: str
    same_statement: bool
    misattributed: bool
    paraphrase: bool
    a: KeySide
    b: KeySide
    note: str
    line: int


def _raise_problems(problems: list[str], path, what: str, fix: str = _FIX) -> None:
    if problems:
        raise MetadataError(f"The {what} has problems: " + "; ".join(problems) + ".", fix=fix, where=str(path))


def _offsets(row: Row, where: str, start: str, end: str) -> tuple[int, int]:
    try:
        return int(row[start]), int(row[end])
    except ValueError:
        raise MetadataError(f"{start} and {end} must be whole numbers, not {row[start]!r} and {row[end]!r}.",
                            fix="Write the character offsets of the text in the article.", where=where) from None


def _text_problems(corpus, name: str, start: int, end: int, text: str, *, by: str, line: int = 0) -> list[str]:
    """What is wrong with a key's article (an id, or a file name with ``by="file"``), offsets and text."""
    here = f"line {line}: " if line else ""
    articles = {a.id if by == "id" else (a.path.name if a.path else a.id): a for a in corpus}
    if name not in articles:
        return [f"{here}unknown article {name!r} "
                f"(use one of: {', '.join(articles)}{did_you_mean(name, articles, lead='. ')})"]
    found = articles[name].raw[start:end]
    if found != text:
        return [f"{here}{name} has {found[:40]!r} at {start}-{end}, not {text[:40]!r}"]
    return []


# --------------------------------------------------------------------------------------------------
# quotes.csv
# --------------------------------------------------------------------------------------------------
def load_answer_key(path: str | os.PathLike | None = None, *, corpus=None) -> list[KeyQuote]:
    """Read the quote answer key (``data/keys/quotes.csv`` by default); with ``corpus``, check every row's
    article and text against it.

    >>> key = load_answer_key()
    >>> key[0].article, key[0].text, key[0].speaker
    ('blinken-diplomatic-cover', 'diplomatic cover', 'Antony Blinken')
    """
    path = data_path(Path("keys") / QUOTES_KEY_FILE, path)
    key = list(load(path, _quotes_from_table, what="quote answer key", required=QUOTE_KEY_COLUMNS[:6],
                    known=QUOTE_KEY_COLUMNS))
    if corpus is not None:
        problems = [p for k in key for p in _text_problems(corpus, k.article, k.start, k.end, k.text, by="id")]
        _raise_problems(problems, path, "quote answer key", _OFFSETS_FIX)
    return key


def _quotes_from_table(table: Table) -> tuple[KeyQuote, ...]:
    key = []
    for row in table.rows:
        start, end = _offsets(row, f"{table.where}, line {row.line}", "start", "end")
        key.append(KeyQuote(article=row["article"], start=start, end=end, text=row["text"], kind=row["kind"],
                            speaker=row["speaker"] or None, cue=row["cue"] or None, in_body=row["in_body"] != "no",
                            note=row["note"]))
    return tuple(key)


# --------------------------------------------------------------------------------------------------
# loaded.csv
# --------------------------------------------------------------------------------------------------
def default_key_path() -> Path:
    """``data/keys/loaded.csv`` in the kit's data folder.

    >>> path = default_key_path()
    >>> path.parts[-2:], path.is_file()
    (('keys', 'loaded.csv'), True)
    """
    return data_path(LOADED_KEY_FILE)


def _find_occurrence(raw: str, text: str, occurrence: int) -> tuple[int, int] | None:
    pattern = re.escape(text)
    if re.match(r"\w", text):
        pattern = r"(?<!\w)" + pattern
    if re.search(r"\w$", text):
        pattern += r"(?!\w)"
    for n, m in enumerate(re.finditer(pattern, raw), start=1):
        if n == occurrence:
            return m.start(), m.end()
    return None


def load_key(path: str | os.PathLike | None = None, *, corpus=None) -> list[KeyItem]:
    """Read the loaded-language answer key and find each marked text in its article.

    Each row names an article, the exact ``text`` and which ``occurrence`` of it (1 = first), the
    ``category``, the ``voice`` and whether the key ``counted`` it (``yes``/``no``), with ``why``.

    >>> key = load_key()
    >>> item = next(k for k in key if k.text == "malarkey")
    >>> item.category, item.voice, item.counted
    ('loaded_language', 'quote', True)
    """
    path = data_path(LOADED_KEY_FILE, path)
    corpus = corpus if corpus is not None else load_corpus(warn=False)
    table = read_table(path, what="loaded-language answer key", required=("article", "text", "counted", "voice"),
                       known=LOADED_KEY_COLUMNS)
    problems, items = [], []
    for row in table.rows:
        line, article_id = row.line, row["article"]
        if article_id not in corpus.ids:
            problems.append(f"line {line}: unknown article {article_id!r} "
                            f"(use one of: {', '.join(corpus.ids)}{did_you_mean(article_id, corpus.ids, lead='. ')})")
            continue
        counted = row["counted"].lower()
        if counted not in ("yes", "no"):
            problems.append(f"line {line}: counted must be yes or no, not {row['counted']!r}")
            continue
        category = row["category"]
        if (counted == "yes" or category) and category not in CATEGORIES:
            problems.append(f"line {line}: unknown category {category!r} "
                            f"(use one of: {', '.join(CATEGORIES)}{did_you_mean(category, CATEGORIES, lead='. ')})")
            continue
        voice = row["voice"]
        if voice not in VOICES:
            problems.append(f"line {line}: voice must be narrator or quote, not {voice!r}")
            continue
        try:
            occurrence = int(row["occurrence"] or 1)
        except ValueError:
            problems.append(f"line {line}: occurrence must be a whole number, not {row['occurrence']!r}")
            continue
        where = _find_occurrence(corpus[article_id].raw, row["text"], occurrence) if row["text"] else None
        if where is None:
            problems.append(f"line {line}: {row['text']!r} (occurrence {occurrence}) is not in {article_id}")
            continue
        items.append(KeyItem(article_id, where[0], where[1], corpus[article_id].raw[where[0]:where[1]], category,
                             voice, counted == "yes", row["why"], line))
    _raise_problems(problems, path, "answer key")
    return items


# --------------------------------------------------------------------------------------------------
# aligned_quotes.csv
# --------------------------------------------------------------------------------------------------
def load_alignment_key(path: str | os.PathLike | None = None, *, corpus=None) -> list[KeyPair]:
    """Read the alignment key (``data/keys/aligned_quotes.csv`` by default); with ``corpus``, check that
    each side's text is at its offsets in the article file it names.

    >>> pairs = load_alignment_key()
    >>> pairs[0].same_statement, pairs[0].a.file
    (True, 'blinken-diplomatic-cover.txt')
    """
    path = data_path(ALIGNED_KEY_FILE, path)
    pairs = list(load(path, _pairs_from_table, what="alignment key", required=ALIGNED_KEY_COLUMNS[:14],
                      known=ALIGNED_KEY_COLUMNS))
    if corpus is not None:
        problems = [p for k in pairs for side in (k.a, k.b)
                    for p in _text_problems(corpus, side.file, side.start, side.end, side.text, by="file", line=k.line)]
        _raise_problems(problems, path, "alignment key", _OFFSETS_FIX)
    return pairs


def _pairs_from_table(table: Table) -> tuple[KeyPair, ...]:
    pairs = []
    for row in table.rows:
        where = f"{table.where}, line {row.line}"
        flags = [row[c].lower() for c in ALIGNED_KEY_COLUMNS[1:4]]
        # misattributed may be left empty on a look-alike row (two statements cannot be misattributed)
        bad = [c for c, v in zip(ALIGNED_KEY_COLUMNS[1:4], flags)
               if v not in ("yes", "no") and not (c == "misattributed" and not v)]
        if bad:
            raise MetadataError(f"{bad[0]} must be yes or no, not {row[bad[0]]!r}.", fix="Write yes or no.", where=where)
        sides = []
        for s in "ab":
            start, end = _offsets(row, where, f"start_{s}", f"end_{s}")
            sides.append(KeySide(row[f"file_{s}"], start, end, row[f"text_{s}"], row[f"speaker_{s}"] or None))
        if sides[0].file == sides[1].file:
            raise MetadataError("Both sides are in the same file.", where=where,
                                fix="The key pairs passages in two different articles.")
        pairs.append(KeyPair(row["pair"], *(f == "yes" for f in flags), *sides, row["note"], row.line))
    return tuple(pairs)


__all__ = [
    "ALIGNED_KEY_FILE",
    "KeyItem",
    "KeyPair",
    "KeyQuote",
    "KeySide",
    "LOADED_KEY_FILE",
    "QUOTES_KEY_FILE",
    "default_key_path",
    "load_alignment_key",
    "load_answer_key",
    "load_key",
]
