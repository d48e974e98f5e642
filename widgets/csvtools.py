"""Small helpers for the teacher-editable CSV files: true line numbers, and spotting semicolons.

A spreadsheet saved as CSV can hold blank rows and cells that run over several lines, so "row number + 1"
is not the line a teacher sees in a text editor. And a spreadsheet set to a language that writes decimal
commas saves its CSV with semicolons, which makes the whole header one column.

>>> import csv, io
>>> reader = csv.reader(io.StringIO('term,note\\n\\nthug,"two\\nlines"\\nregime,x\\n'))
>>> [(record_line(reader, row), row[0]) for row in reader if row]
[(1, 'term'), (3, 'thug'), (5, 'regime')]
>>> semicolon_hint(["term;match;category"], ("term", "match"))
'The first row is separated by semicolons (;), not commas.'
"""
from __future__ import annotations

from typing import Iterable, Sequence

#: What to do about a CSV file separated by semicolons (the same words for every data file).
SEMICOLON_FIX = ("Your spreadsheet saved it with semicolons (;) between the columns: save it again as "
                 "'CSV UTF-8 (comma delimited)', or replace every semicolon between columns with a comma.")


def record_line(reader, cells: Iterable[str | None]) -> int:
    """The line (from 1) on which the record just read by ``reader`` starts.

    ``reader`` is a ``csv.reader`` or ``csv.DictReader``; ``cells`` the record it returned (a list, or a
    dict's values). Blank lines and cells spanning several lines are counted, as a text editor counts them.

    >>> import csv, io
    >>> reader = csv.DictReader(io.StringIO("id,file\\n\\n\\na,a.txt\\n"))
    >>> row = next(reader)
    >>> record_line(reader, row.values())
    4
    """
    values = cells.values() if isinstance(cells, dict) else cells
    extra = 0
    for cell in values:
        if isinstance(cell, str):
            extra += cell.count("\n")
        elif isinstance(cell, list):  # DictReader puts surplus cells in a list
            extra += sum(c.count("\n") for c in cell if isinstance(c, str))
    return reader.line_num - extra


def semicolon_hint(header: Sequence[str | None] | None, expected: Sequence[str]) -> str:
    """A sentence saying the header row is separated by semicolons, or '' if it is not.

    ``header`` is the first row as read with commas; ``expected`` the column names the file should have.

    >>> semicolon_hint(["id;file;title"], ("id", "file"))
    'The first row is separated by semicolons (;), not commas.'
    >>> semicolon_hint(["id", "file"], ("id", "file"))
    ''
    """
    cells = [c for c in (header or []) if c]
    parts = [p.strip().lstrip("\ufeff").lower() for c in cells for p in c.split(";")]
    if not any(";" in c for c in cells):
        return ""
    if any(e.lower() in parts for e in expected):
        return "The first row is separated by semicolons (;), not commas."
    return ""


__all__ = ["SEMICOLON_FIX", "record_line", "semicolon_hint"]
