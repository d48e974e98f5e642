"""The speaker table: who is quoted in the corpus, in words a teacher can edit.

``data/speakers.csv`` has one row per canonical speaker, with the columns

============  ==================================================================================
name          the canonical name every mention is mapped to ("John Kirby")
aliases       other ways the text names the speaker, separated by ``;`` ("Kirby;Mr Kirby")
type          ``person``, ``organisation``, ``document`` or ``group``
role          what the speaker is, in plain words ("White House national security spokesperson")
affiliation   whose voice it is: "US government", "Chinese government", "media", "other", ...
side          the side in the story, for the "whose voices" charts ("US and allies", ...)
============  ==================================================================================

Open the file in a spreadsheet, add a row, save it as CSV: the quote spotter uses it at once.

>>> table = speakers_from_rows([
...     {"name": "John Kirby", "aliases": "Kirby", "type": "person",
...      "role": "spokesperson", "affiliation": "US government", "side": "US and allies"}])
>>> table.lookup("Mr. Kirby").name
'John Kirby'
>>> table.affiliation_of("John Kirby"), table.affiliation_of("Nobody")
('US government', 'not in the speaker table')
"""
from __future__ import annotations

import os
import re
import warnings
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator, Mapping, Sequence

from .datafiles import Table, data_path, load, split_cell
from .errors import KitError
from .text import squash_spaces, straighten_quotes
from .wording import did_you_mean, plural
from .wordlists import Titles, load_titles

SPEAKERS_FILE = "speakers.csv"
COLUMNS = ("name", "aliases", "type", "role", "affiliation", "side")
REQUIRED_COLUMNS = ("name",)
SPEAKER_TYPES = ("person", "organisation", "document", "group")
NOT_IN_TABLE = "not in the speaker table"

#: Articles and possessives dropped before a mention is looked up ("the State Department"); the titles
#: ("Mr", "Sen.", "prime minister") come from the teacher-editable ``data/titles.csv`` (:mod:`widgets.wordlists`).
_ARTICLES = ("the", "a", "an", "its", "their", "his", "her")
_title_patterns: dict[int, tuple[Titles, re.Pattern]] = {}


def _title_re(titles: Titles) -> re.Pattern:
    """The pattern for a run of leading titles and articles, made once per title list."""
    cached = _title_patterns.get(id(titles))
    if cached is not None and cached[0] is titles:
        return cached[1]
    forms = sorted({*titles.forms, *_ARTICLES}, key=len, reverse=True)
    pattern = re.compile(r"^(?:(?:%s)\.?\s+)+" % "|".join(re.escape(f).replace(r"\ ", r"\s+") for f in forms),
                         re.IGNORECASE)
    _title_patterns.clear()
    _title_patterns[id(titles)] = (titles, pattern)
    return pattern


#: A leading "U.S." is dropped only before a longer name ("U.S. Secretary of State Antony Blinken"),
#: never from "US government".
_COUNTRY_RE = re.compile(r"^(?:u\.s\.|us)\s+(?=\S+\s+\S)", re.IGNORECASE)


def normalise_mention(text: str, *, titles: Titles | None = None) -> str:
    """Lower-case a mention and drop titles, articles, possessive endings and curly apostrophes.

    The titles are those of ``titles`` (default: ``data/titles.csv``, re-read when it changes).

    >>> normalise_mention("Mr. Kirby’s")
    'kirby'
    >>> normalise_mention("the  State Department report")
    'state department report'
    >>> normalise_mention("U.S. Secretary of State Antony Blinken"), normalise_mention("US government")
    ('antony blinken', 'us government')
    """
    text = squash_spaces(straighten_quotes(text)).strip(" ,.;:\"'")
    text = re.sub(r"'s?$", "", text)
    title_re = _title_re(titles if titles is not None else load_titles())
    previous = None
    while previous != text:
        previous = text
        text = _COUNTRY_RE.sub("", title_re.sub("", text).strip()).strip()
    return text.lower()


@dataclass(frozen=True)
class Speaker:
    """One canonical speaker from the table."""

    name: str
    aliases: tuple[str, ...] = ()
    type: str = "person"
    role: str = ""
    affiliation: str = "other"
    side: str = "other"

    @property
    def surname(self) -> str:
        """The last word of a person's name ("Blinken"); empty for other types."""
        return self.name.split()[-1] if self.type == "person" and self.name.split() else ""


class SpeakerTable:
    """The speakers, looked up by any of their names.

    >>> table = speakers_from_rows([{"name": "Antony Blinken", "aliases": "Blinken"}])
    >>> len(table), table.lookup("Secretary of State Antony Blinken").name
    (1, 'Antony Blinken')
    >>> table.lookup("Xi") is None
    True
    """

    def __init__(self, speakers: Iterable[Speaker], *, source: str = "") -> None:
        self.speakers: tuple[Speaker, ...] = tuple(speakers)
        self.source = source
        self._titles: Titles | None = None
        self._by_key: dict[str, Speaker] = {}
        self._index()

    def _index(self) -> None:
        """Key every name and alias by its form without titles, with the titles of ``data/titles.csv`` as
        they are now (again after an edit of that file: see :meth:`lookup`)."""
        self._titles = titles = load_titles()
        self._by_key = {}
        for speaker in self.speakers:
            for form in (speaker.name, *speaker.aliases):
                key = normalise_mention(form, titles=titles)
                if key:
                    self._by_key.setdefault(key, speaker)

    def __iter__(self) -> Iterator[Speaker]:
        return iter(self.speakers)

    def __len__(self) -> int:
        return len(self.speakers)

    def __repr__(self) -> str:
        return f"SpeakerTable({plural(len(self), 'speaker')}{', from ' + self.source if self.source else ''})"

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(s.name for s in self.speakers)

    def forms(self) -> Iterator[tuple[str, Speaker]]:
        """Every (name or alias, speaker) pair, longest first, for searching a text."""
        pairs = [(form, s) for s in self.speakers for form in (s.name, *s.aliases) if form.strip()]
        return iter(sorted(pairs, key=lambda p: len(p[0]), reverse=True))

    def get(self, name: str) -> Speaker | None:
        """The speaker with exactly this canonical name, or None."""
        for speaker in self.speakers:
            if speaker.name == name:
                return speaker
        return None

    def lookup(self, mention: str) -> Speaker | None:
        """The speaker a mention names ("Mr Kirby" -> John Kirby), or None if no name or alias matches."""
        titles = load_titles()
        if titles is not self._titles:  # data/titles.csv changed since the names were keyed
            self._index()
        key = normalise_mention(mention, titles=titles)
        if not key:
            return None
        if key in self._by_key:
            return self._by_key[key]
        return None

    def affiliation_of(self, name: str | None) -> str:
        """The affiliation of a canonical speaker; "not in the speaker table" when unknown."""
        speaker = self.get(name) if name else None
        return speaker.affiliation if speaker else NOT_IN_TABLE

    def side_of(self, name: str | None) -> str:
        """The side of a canonical speaker; "not in the speaker table" when unknown."""
        speaker = self.get(name) if name else None
        return speaker.side if speaker else NOT_IN_TABLE


def speakers_from_rows(rows: Iterable[Mapping[str, str]], *, where: str = "speaker table",
                       lines: Sequence[int] | None = None) -> SpeakerTable:
    """Build and check a speaker table from dict rows (as ``csv.DictReader`` gives them).

    Raises :class:`widgets.errors.KitError` naming the row and the fix for an unknown column, an empty
    name, an unknown type or an alias used by two speakers. ``lines`` gives each row's line in the file
    (messages then say "line N"); without it rows are numbered 2, 3, ... ("row N").

    >>> speakers_from_rows([{"name": "", "aliases": "x"}])
    Traceback (most recent call last):
    ...
    widgets.errors.KitError: speaker table, row 2: The name is empty. Fix: Write the speaker's full name in the name column, or delete the row.
    """
    speakers: list[Speaker] = []
    seen: dict[str, str] = {}
    rows = list(rows)
    for number, row in zip(lines if lines is not None else range(2, len(rows) + 2), rows):
        here = f"{where}, {'line' if lines is not None else 'row'} {number}"
        unknown = [c for c in row if c is not None and c not in COLUMNS]
        if None in row:
            raise KitError("This row has more cells than there are columns.", where=here,
                           fix="Put quotes around cells that contain commas, e.g. \"President of Russia, Kremlin\".")
        if unknown:
            raise KitError(f"Unknown column {unknown[0]!r}.", where=where,
                           fix=f"Use only these columns: {', '.join(COLUMNS)}.")
        name = (row.get("name") or "").strip()
        if not name:
            raise KitError("The name is empty.", where=here,
                           fix="Write the speaker's full name in the name column, or delete the row.")
        type_ = (row.get("type") or "person").strip().lower() or "person"
        if type_ not in SPEAKER_TYPES:
            raise KitError(f"Unknown type {type_!r} for {name}.{did_you_mean(type_, SPEAKER_TYPES)}", where=here,
                           fix=f"Use one of: {', '.join(SPEAKER_TYPES)}.")
        aliases = split_cell(row.get("aliases") or "")
        for form in (name, *aliases):
            key = normalise_mention(form)
            if key and key in seen and seen[key] != name:
                raise KitError(f"The name or alias {form!r} is used for both {seen[key]} and {name}.", where=here,
                               fix="Keep it for one speaker only, so every mention points to one person.")
            if key:
                seen[key] = name
        speakers.append(Speaker(
            name=name, aliases=aliases, type=type_,
            role=(row.get("role") or "").strip(),
            affiliation=(row.get("affiliation") or "").strip() or "other",
            side=(row.get("side") or "").strip() or "other",
        ))
    return SpeakerTable(speakers, source=where)


def default_speakers_path() -> Path:
    """``data/speakers.csv`` in the kit's data folder (or in ``$MEDIALIT_DATA`` when set).

    >>> path = default_speakers_path()
    >>> path.name, path.is_file()
    ('speakers.csv', True)
    """
    return data_path(SPEAKERS_FILE)


def load_speakers(path: str | os.PathLike | None = None) -> SpeakerTable:
    """Read the speaker table (``data/speakers.csv`` by default) and check it; read again when it changes.

    >>> table = load_speakers()
    >>> table.lookup("Mr Kirby").role.startswith("White House")
    True
    """
    return load(data_path(SPEAKERS_FILE, path), _table_from_file, what="speaker table",
                required=REQUIRED_COLUMNS, known=COLUMNS)


def _table_from_file(table: Table) -> SpeakerTable:
    return speakers_from_rows([row.cells for row in table.rows], where=table.where,
                              lines=[row.line for row in table.rows])


class SpeakerTableWarning(UserWarning):
    """The speaker table could not be read, so quotes were given to speakers without it."""


_warned: set[str] = set()


def load_speakers_or_warn(path: str | os.PathLike | None = None) -> SpeakerTable:
    """The speaker table; if it cannot be read, an empty table and a :class:`SpeakerTableWarning` that says
    what is wrong and how to fix it (once for each problem), for the tools that must keep going.

    >>> len(load_speakers_or_warn()) > 20
    True
    """
    try:
        return load_speakers(path)
    except KitError as err:
        message = (f"The speaker table cannot be used, so speakers are named only as the text names them (no "
                   f"roles, affiliations or sides) until it is fixed. {err}")
        if message not in _warned:
            _warned.add(message)
            warnings.warn(message, SpeakerTableWarning, stacklevel=3)
        return SpeakerTable((), source="no speaker table: it cannot be read")
