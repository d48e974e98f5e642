"""The teacher-editable CSV files in ``data/``: one reader (:func:`read_table`) and one cache (:func:`load`).

Every file is read the same way: UTF-8 with or without a byte-order mark, any line ends; blank and
comma-only rows are skipped but counted, so a line number is the line a text editor shows; a file saved
with semicolons, a row with more cells than the header, a stray quotation mark are each reported in plain
words with the file, the line and the fix (a :class:`~widgets.errors.MetadataError`).

:func:`load` keeps what a loader built from a file (the speaker table, the lexicon, ...) until the file
changes, so a teacher's edit takes effect the next time a cell runs, without restarting anything.

>>> import tempfile, pathlib
>>> path = pathlib.Path(tempfile.mkdtemp()) / "facts.csv"
>>> _ = path.write_text("fact,patterns\\n\\nTaiwan,Taiwan\\n", encoding="utf-8")
>>> table = read_table(path, required=("fact", "patterns"))
>>> [(row.line, row["fact"]) for row in table.rows]
[(3, 'Taiwan')]
"""
from __future__ import annotations

import csv
import hashlib
import io
import os
import time
from collections import OrderedDict
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Callable, Mapping, Sequence, TypeVar

from .csvtools import SEMICOLON_FIX, record_line, semicolon_hint
from .errors import ArticleError, MetadataError
from .textfiles import EmptyFileError, decode_text, read_file_bytes
from .wording import plural

T = TypeVar("T")

#: The environment variable that points the kit at another data folder (a copy of ``data/``).
DATA_DIR_ENV_VAR = "MEDIALIT_DATA"
#: What to do about a row with more cells than the header.
RAGGED_ROW_FIX = ("A comma inside a field needs the field in double quotes; or open the file in a spreadsheet "
                  "and save it as CSV.")
STRAY_QUOTE_FIX = "Check for a stray quotation mark; open the file in a spreadsheet and save it as CSV (UTF-8)."


def default_data_dir() -> Path:
    """The data folder: ``$MEDIALIT_DATA`` if set, else the kit's own ``data/`` folder.

    >>> default_data_dir().name
    'data'
    """
    env = os.environ.get(DATA_DIR_ENV_VAR)
    if env:
        return Path(env)
    return Path(__file__).resolve().parent.parent / "data"


def data_path(name: str | os.PathLike, path: str | os.PathLike | None = None) -> Path:
    """``path`` if one is given, else the file ``name`` in the data folder (looked up at every call, so a
    change of ``$MEDIALIT_DATA`` counts).

    >>> data_path("speakers.csv").name, data_path("speakers.csv", "my/speakers.csv").as_posix()
    ('speakers.csv', 'my/speakers.csv')
    """
    return Path(path) if path is not None else default_data_dir() / name


def split_cell(cell: str) -> tuple[str, ...]:
    """The values in a cell that holds several, separated by ``;`` (spaces and empty values dropped).

    >>> split_cell("Kirby; Mr Kirby;;")
    ('Kirby', 'Mr Kirby')
    """
    return tuple(p.strip() for p in (cell or "").split(";") if p.strip())


@dataclass(frozen=True)
class Row:
    """One row of a table: the ``line`` it starts on in the file, and its cells by column (stripped).

    A column the row has no cell for reads as ``""``.
    """

    line: int
    cells: Mapping[str, str] = field(hash=False)

    def __getitem__(self, column: str) -> str:
        return self.cells.get(column, "")

    def get(self, column: str, default: str = "") -> str:
        """The cell in ``column``, or ``default`` when the row has no such column."""
        return self.cells.get(column, default)


@dataclass(frozen=True)
class RowProblem:
    """A row that was skipped (too many cells), with its line and the fix."""

    line: int
    message: str
    fix: str


@dataclass(frozen=True)
class Table:
    """A CSV file as read by :func:`read_table`: lower-case ``columns``, the non-blank ``rows``, and the
    ``problems`` of rows that were skipped (only when reading with ``collect=True``)."""

    where: str
    columns: tuple[str, ...]
    header_line: int
    rows: tuple[Row, ...]
    problems: tuple[RowProblem, ...] = ()
    path: Path | None = None

    def unknown_columns(self, known: Sequence[str]) -> tuple[str, ...]:
        """The columns of the header that are not in ``known`` (blank header cells are left out)."""
        return tuple(c for c in self.columns if c and c not in known)


def _empty(error: type[MetadataError], message: str, *, fix: str, where: str, blank_rows: bool) -> MetadataError:
    """The error for a file with no header row; ``err.empty_table`` says why ("empty" or "blank rows")."""
    err = error(message, fix=fix, where=where)
    err.empty_table = "blank rows" if blank_rows else "empty"  # type: ignore[attr-defined]
    return err


def read_table(path: str | os.PathLike, *, required: Sequence[str] = (), known: Sequence[str] = (),
               what: str = "table", inside: str | os.PathLike | None = None, full_rows: bool = False,
               collect: bool = False, error: type[MetadataError] = MetadataError) -> Table:
    """Read a teacher-editable CSV file, checking it as every data file is checked.

    Args:
        required: the columns the header must have; ``known``: every column the file may have (named in
            the fix when the header is wrong).
        what: the file in plain words, for messages ("speaker table").
        inside: refuse a file that is a link to somewhere outside this folder.
        full_rows: a row with fewer cells than the header is a problem too (else its missing cells are "").
        collect: skip a row with too many cells and list it in ``Table.problems`` instead of raising.
        error: the :class:`~widgets.errors.MetadataError` subclass to raise.

    Raises ``error`` naming the file, the line and the fix; for a file with no header row (empty, or only
    blank rows) the error's ``empty_table`` is ``"empty"`` or ``"blank rows"``.

    >>> import tempfile, pathlib
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "speakers.csv"
    >>> _ = path.write_text("name;aliases\\nKirby;Mr Kirby\\n", encoding="utf-8")
    >>> try:
    ...     read_table(path, required=("name",), known=("name", "aliases"))
    ... except MetadataError as err:
    ...     print(err.message)
    The first row is separated by semicolons (;), not commas.
    """
    path = Path(path)
    return _table_from_bytes(_read_bytes(path, inside=inside, error=error), where=str(path), path=path,
                             required=required, known=known, what=what, full_rows=full_rows, collect=collect,
                             error=error)


def parse_table(text: str, *, where: str = "table", required: Sequence[str] = (), known: Sequence[str] = (),
                what: str = "table", full_rows: bool = False, collect: bool = False,
                error: type[MetadataError] = MetadataError) -> Table:
    """:func:`read_table` for CSV text you already have (``where`` names it in messages).

    >>> table = parse_table("term,match\\n\\n,,\\nthug,lemma,extra\\n", collect=True)
    >>> table.rows, [(p.line, p.message) for p in table.problems]
    ((), [(4, 'This row has 3 fields but the header has 2, so it was skipped.')])
    """
    text = text.removeprefix("\ufeff")
    if not text.strip():
        raise _empty(error, f"The {what} is empty.", fix=_header_fix(known or required), where=where,
                     blank_rows=False)
    reader = csv.reader(io.StringIO(text), strict=True)
    records: list[tuple[int, list[str]]] = []
    try:
        for cells in reader:
            if any(cell.strip() for cell in cells):  # blank and comma-only rows are skipped, but counted
                records.append((record_line(reader, cells), cells))
    except csv.Error as err:
        raise error(f"This CSV file cannot be read ({err}).", fix=STRAY_QUOTE_FIX,
                    where=f"{where}, line {reader.line_num}") from None
    if not records:
        raise _empty(error, f"The {what} has no header row, only blank or comma-only rows.",
                     fix=_header_fix(known or required), where=where, blank_rows=True)
    header_line, header = records[0]
    columns = tuple(h.strip().lower() for h in header)
    missing = [c for c in required if c not in columns]
    if missing:
        semicolons = semicolon_hint(header, known or required)
        raise error(semicolons or (f"The header row has no column named {', '.join(repr(m) for m in missing)}. "
                                   f"It has: {', '.join(repr(h) for h in columns)}."),
                    fix=SEMICOLON_FIX if semicolons else
                    "The first row must name the columns; these are understood: " + ", ".join(known or required) + ".",
                    where=f"{where}, line {header_line}")
    rows, problems = [], []
    for line, cells in records[1:]:
        extra = any(c.strip() for c in cells[len(columns):])
        if extra or (full_rows and len(cells) < len(columns)):
            semicolons = len(cells) == 1 and cells[0].count(";") >= max(1, len(required) - 1)
            problem = RowProblem(line, f"This row has {plural(len(cells), 'field')} but the header has "
                                       f"{len(columns)}{', so it was skipped' if collect else ''}.",
                                 SEMICOLON_FIX if semicolons else RAGGED_ROW_FIX)
            if not collect:
                raise error(problem.message, fix=problem.fix, where=f"{where}, line {line}")
            problems.append(problem)
            continue
        rows.append(Row(line, {c: cell.strip() for c, cell in zip(columns, cells)}))
    return Table(where, columns, header_line, tuple(rows), tuple(problems))


def _header_fix(columns: Sequence[str]) -> str:
    return f"Start it with the header line: {','.join(columns)}" if columns else "Start it with a header line."


def _read_bytes(path: Path, *, inside, error: type[MetadataError]) -> bytes:
    if not path.exists() and not path.is_symlink():
        raise error("The file does not exist.", where=str(path),
                    fix=f"Check the name and folder, or copy {path.name} from the kit's data/ folder.")
    try:
        return read_file_bytes(path, inside=inside)
    except ArticleError as err:
        raise error(err.message, fix=err.fix, where=err.where) from None


def _table_from_bytes(data: bytes, *, where: str, path: Path | None, error: type[MetadataError],
                      **options) -> Table:
    try:
        text = decode_text(data, where=where)
    except EmptyFileError:
        text = ""
    except ArticleError as err:
        raise error(err.message, fix=err.fix, where=err.where) from None
    return replace(parse_table(text, where=where, error=error, **options), path=path)


# --------------------------------------------------------------------------------------------------
# The one cache
# --------------------------------------------------------------------------------------------------
#: A file changed less than this long (nanoseconds) before it was read is compared by content next time
#: too: two saves within one tick of the file system's clock can leave the same time stamp and size.
RACY_NS = 3_000_000_000
_CACHE_SIZE = 64


@dataclass
class _Entry:
    stamp: tuple[int, ...]
    digest: bytes
    read_at_ns: int
    value: object


_cache: "OrderedDict[tuple[str, Callable], _Entry]" = OrderedDict()


def load(path: str | os.PathLike, build: Callable[[Table], T], *, inside: str | os.PathLike | None = None,
         error: type[MetadataError] = MetadataError, **options) -> T:
    """``build(read_table(path, ...))``, kept until the file changes, then built again (the options are
    those of :func:`read_table`).

    Every call compares the file's size and time stamps with the last read (and its content too, if it
    changed less than three seconds before that read), so an edit is seen at the next call. A file that
    cannot be read or built raises every time, never a stale copy.

    >>> import tempfile, pathlib
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "names.csv"
    >>> _ = path.write_text("name\\nKirby\\n", encoding="utf-8")
    >>> names = lambda table: tuple(row["name"] for row in table.rows)
    >>> load(path, names)
    ('Kirby',)
    >>> _ = path.write_text("name\\nKerby\\n", encoding="utf-8")   # same size, same second
    >>> load(path, names)
    ('Kerby',)
    """
    path = Path(path)
    key = (os.path.abspath(path), build)
    try:
        st = path.stat()
    except OSError:
        _cache.pop(key, None)
        return build(read_table(path, inside=inside, error=error, **options))  # the friendly message
    stamp = (st.st_mtime_ns, st.st_ctime_ns, st.st_size, st.st_ino)
    entry = _cache.get(key)
    if entry is not None and entry.stamp == stamp and entry.read_at_ns - st.st_mtime_ns > RACY_NS:
        _cache.move_to_end(key)
        return entry.value  # type: ignore[return-value]
    read_at = time.time_ns()
    data = _read_bytes(path, inside=inside, error=error)
    digest = hashlib.sha1(data).digest()
    if entry is not None and entry.digest == digest:
        entry.stamp, entry.read_at_ns = stamp, read_at
        return entry.value  # type: ignore[return-value]
    _cache.pop(key, None)
    value = build(_table_from_bytes(data, where=str(path), path=path, error=error, **options))
    _cache[key] = _Entry(stamp, digest, read_at, value)
    while len(_cache) > _CACHE_SIZE:
        _cache.popitem(last=False)
    return value


def clear_cache() -> None:
    """Forget every file read by :func:`load` (the next call reads it again).

    >>> import tempfile, pathlib
    >>> from widgets import datafiles
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "colours.csv"
    >>> _ = path.write_text("colour\\nred\\n", encoding="utf-8")
    >>> reads = []
    >>> def build(table): reads.append(1); return [row["colour"] for row in table.rows]
    >>> load(path, build), load(path, build), len(reads)
    (['red'], ['red'], 1)
    >>> kept = datafiles._cache.copy()   # (only so that the other examples keep their tables)
    >>> clear_cache()
    >>> load(path, build), len(reads)
    (['red'], 2)
    >>> datafiles._cache.clear(); datafiles._cache.update(kept)
    """
    _cache.clear()


__all__ = [
    "DATA_DIR_ENV_VAR",
    "Row",
    "RowProblem",
    "Table",
    "clear_cache",
    "data_path",
    "default_data_dir",
    "load",
    "parse_table",
    "read_table",
    "split_cell",
]
