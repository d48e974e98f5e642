"""The quote spotter's word lists, as CSV files a teacher can edit: reporting verbs, titles and first names.

``data/reporting_verbs.csv`` (the verbs that introduce a quotation: "said", "told", "shot back")::

    lemma,forms,noun_too,provenance
    say,said,no,kit's first list
    shoot back,shot,no,added for issue 10 ...

- ``lemma``: the verb ("say"), or a verb and its particle ("shoot back", "go on": the particle must
  follow the verb);
- ``forms``: the forms that do not follow the regular rules, separated by ``;`` ("said", "went;gone");
  the regular ones (says, saying, added, ...) are made by the kit, so "grumble" alone finds "grumbled";
- ``noun_too``: ``yes`` when the word is often a noun ("a report", "a call"): it then only counts
  when the parser says it is used as a verb;
- ``provenance``: where the row came from (free text).

``data/titles.csv`` (words written before a name: "Sen. Ted Cruz", "Mrs. Clinton")::

    title,abbreviations,kind,gender,provenance
    senator,sen,office,,kit's list for issue 10

- ``title``: the word or words ("secretary of state");
- ``abbreviations``: short forms separated by ``;`` ("sen", with or without the full stop);
- ``kind``: ``honorific`` (Mr, Ms, Dr), ``office`` (senator, governor) or ``role`` (spokesman);
- ``gender``: ``male``, ``female`` or empty: the kit uses it as evidence of who "he" or "she" may be
  (a "Mrs. Clinton" is not a "he"); empty says nothing;
- ``provenance``: where the row came from.

``data/first_names.csv`` (``name,gender,provenance``): common first names and the gender they are usually
given to, weak evidence for "he" and "she" (the text's own words count more); see its provenance column
and ``benchmarks/make_first_names.py``. A name listed with both genders is ignored.

The files are checked row by row (every problem with its line number and the fix) and re-read whenever
they change (the cache is keyed on the file's modification time and size): edit, save, run the cell again.

>>> verbs = load_reporting_verbs()
>>> verbs.lemma_of("said"), verbs.lemma_of("table")
('say', None)
>>> titles = load_titles()
>>> titles.full("Sen."), titles.gender("Mrs"), titles.gender("senator")
('senator', 'female', '')
"""
from __future__ import annotations

import csv
import io
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from .csvtools import SEMICOLON_FIX, record_line, semicolon_hint
from .errors import MetadataError

VERBS_FILE = "reporting_verbs.csv"
TITLES_FILE = "titles.csv"
NAMES_FILE = "first_names.csv"
NAME_COLUMNS = ("name", "gender", "provenance")
VERB_COLUMNS = ("lemma", "forms", "noun_too", "provenance")
TITLE_COLUMNS = ("title", "abbreviations", "kind", "gender", "provenance")
TITLE_KINDS = ("honorific", "office", "role")
GENDERS = ("male", "female")
_YES = {"yes": True, "y": True, "true": True, "1": True, "no": False, "n": False, "false": False, "0": False, "": False}
_WORD = re.compile(r"^[a-z][a-z'’-]*$")


_KIT_DATA = Path(__file__).resolve().parent.parent / "data"


def _data_dir() -> Path:
    base = os.environ.get("MEDIALIT_DATA")
    return Path(base) if base else _KIT_DATA


def regular_forms(lemma: str) -> frozenset[str]:
    """The regular forms of an English verb: the lemma, -s, -ed and -ing, with the usual spelling rules
    (no doubled consonants: list "slammed" in the ``forms`` column).

    >>> sorted(regular_forms("deny")), sorted(regular_forms("argue"))
    (['denied', 'denies', 'deny', 'denying'], ['argue', 'argued', 'argues', 'arguing'])
    """
    w = lemma
    third = w + "es" if re.search(r"(s|x|z|ch|sh|o)$", w) else w[:-1] + "ies" if re.search(r"[^aeiou]y$", w) else w + "s"
    past = w + "d" if w.endswith("e") else w[:-1] + "ied" if re.search(r"[^aeiou]y$", w) else w + "ed"
    ing = w[:-1] + "ing" if w.endswith("e") and not w.endswith(("ee", "ye", "oe")) else w + "ing"
    return frozenset({w, third, past, ing})


# --------------------------------------------------------------------------------------------------
# Reading and checking a list (shared by both files)
# --------------------------------------------------------------------------------------------------
def _split(cell: str) -> tuple[str, ...]:
    return tuple(p.strip().lower() for p in (cell or "").split(";") if p.strip())


def _read_rows(text: str, *, where: str, columns: tuple[str, ...], required: tuple[str, ...],
               check: Callable[[dict[str, str], int], tuple[object | None, list[str]]], what: str) -> list:
    """Every checked row of a CSV text; one :class:`MetadataError` listing every problem otherwise."""
    reader = csv.DictReader(io.StringIO(text))
    header = [(h or "").strip().lower() for h in (reader.fieldnames or [])]
    if not header:
        raise MetadataError(f"The {what} is empty.", where=where,
                            fix=f"Start it with the header line: {','.join(columns)}")
    missing = [c for c in required if c not in header]
    if missing:
        semicolons = semicolon_hint(reader.fieldnames, columns)
        raise MetadataError(semicolons or f"The column {missing[0]!r} is missing (the columns are: {', '.join(header)}).",
                            where=where, fix=SEMICOLON_FIX if semicolons else
                            f"The first line must name the columns: {','.join(columns)}")
    unknown = [h for h in header if h and h not in columns]
    if unknown:
        raise MetadataError(f"Unknown column {unknown[0]!r}.", where=where,
                            fix=f"Use only these columns: {', '.join(columns)}.")
    problems: list[str] = []
    out = []
    for raw in reader:
        number = record_line(reader, raw)
        if None in raw:
            problems.append(f"line {number}: more cells than columns (put quotes around a cell that contains "
                            "a comma)")
            continue
        row = {(k or "").strip().lower(): (v or "").strip() for k, v in raw.items()}
        if not any(row.values()):
            continue
        item, row_problems = check(row, number)
        problems.extend(row_problems)
        if item is not None:
            out.append(item)
    if problems:
        count = f"{len(problems)} problem{'s' if len(problems) != 1 else ''}"
        raise MetadataError(f"The {what} has {count}: " + "; ".join(problems) + ".", where=where,
                            fix="Correct these rows and run the cell again.")
    return out


_cache: dict[str, tuple[tuple[int, int], object]] = {}


def _load(path: Path, parse: Callable[[str, str], object], what: str, default_name: str):
    """The parsed file, re-read whenever its modification time or size changes."""
    try:
        stat = path.stat()
    except OSError:
        raise MetadataError(f"There is no {what} file at {path}.",
                            fix=f"Check the path, or copy data/{default_name} from the kit and edit the copy.") from None
    stamp = (stat.st_mtime_ns, stat.st_size)
    cached = _cache.get(str(path))
    if cached is not None and cached[0] == stamp:
        return cached[1]
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        raise MetadataError(f"{path.name} is not saved as UTF-8 text.",
                            fix="In your spreadsheet, save it as 'CSV UTF-8 (comma delimited)'.") from None
    result = parse(text, path.name)
    _cache[str(path)] = (stamp, result)
    return result


# --------------------------------------------------------------------------------------------------
# Reporting verbs
# --------------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class ReportingVerb:
    """One row of ``reporting_verbs.csv``: the verb, its particle ("back" in "shoot back") and forms."""

    lemma: str
    particle: str
    forms: frozenset[str]
    noun_too: bool
    provenance: str = ""
    line: int = 0


@dataclass(frozen=True)
class ReportingVerbs:
    """The reporting verbs, looked up by form.

    >>> verbs = parse_reporting_verbs("lemma,forms,noun_too\\nsay,said,no\\nshoot back,shot,no\\n")
    >>> [v.lemma for v in verbs.by_form("said")], [v.particle for v in verbs.by_form("shot")]
    (['say'], ['back'])
    """

    verbs: tuple[ReportingVerb, ...]
    _forms: dict = field(default_factory=dict, repr=False, compare=False)

    def __post_init__(self) -> None:
        for verb in self.verbs:
            for form in verb.forms:
                self._forms.setdefault(form, []).append(verb)

    def __len__(self) -> int:
        return len(self.verbs)

    def by_form(self, word: str) -> list[ReportingVerb]:
        """The verbs that ``word`` (any capitals) is a form of."""
        return self._forms.get(word.lower(), [])

    def lemma_of(self, word: str) -> str | None:
        """The lemma of the first plain (no particle) verb ``word`` is a form of, or None."""
        return next((v.lemma for v in self.by_form(word) if not v.particle), None)

    @property
    def forms(self) -> frozenset[str]:
        """Every form of every verb."""
        return frozenset(self._forms)


def _check_verb(row: dict[str, str], number: int) -> tuple[ReportingVerb | None, list[str]]:
    lemma = " ".join(row.get("lemma", "").lower().split())
    words = lemma.split()
    problems = []
    if not words:
        problems.append(f"line {number}: the lemma is empty (write the verb, e.g. 'say', or delete the row)")
    elif len(words) > 2 or not all(_WORD.match(w) for w in words):
        problems.append(f"line {number}: {row.get('lemma')!r} is not a verb (write one word, or a verb and its "
                        "particle such as 'shoot back')")
    forms = _split(row.get("forms", ""))
    bad = [f for f in forms if not _WORD.match(f)]
    if bad:
        problems.append(f"line {number}: the form {bad[0]!r} is not one word (separate forms with ';')")
    flag = row.get("noun_too", "").lower()
    if flag not in _YES:
        problems.append(f"line {number}: noun_too is {row.get('noun_too')!r} (write yes or no)")
    if problems:
        return None, problems
    verb, particle = words[0], (words[1] if len(words) > 1 else "")
    return ReportingVerb(lemma, particle, regular_forms(verb) | frozenset(forms), _YES[flag],
                         row.get("provenance", ""), number), []


def parse_reporting_verbs(text: str, *, where: str = VERBS_FILE) -> ReportingVerbs:
    """Check the rows of a reporting-verb list given as CSV text.

    >>> parse_reporting_verbs("lemma,forms,noun_too\\nsay,said,perhaps\\n")
    Traceback (most recent call last):
    ...
    widgets.errors.MetadataError: reporting_verbs.csv: The reporting-verb list has 1 problem: line 2: noun_too is 'perhaps' (write yes or no). Fix: Correct these rows and run the cell again.
    """
    rows = _read_rows(text, where=where, columns=VERB_COLUMNS, required=("lemma",), check=_check_verb,
                      what="reporting-verb list")
    seen: dict[str, int] = {}
    problems = []
    for verb in rows:
        if verb.lemma in seen:
            problems.append(f"line {verb.line}: {verb.lemma!r} is already on line {seen[verb.lemma]} (delete one)")
        seen.setdefault(verb.lemma, verb.line)
    if problems:
        raise MetadataError("The reporting-verb list has a duplicate: " + "; ".join(problems) + ".", where=where,
                            fix="Keep one row per verb.")
    return ReportingVerbs(tuple(rows))


def default_verbs_path() -> Path:
    """``data/reporting_verbs.csv`` (in ``$MEDIALIT_DATA`` when set)."""
    return _data_dir() / VERBS_FILE


def load_reporting_verbs(path: str | os.PathLike | None = None) -> ReportingVerbs:
    """Read and check ``data/reporting_verbs.csv`` (or ``path``); re-read whenever the file changes.

    >>> load_reporting_verbs() is load_reporting_verbs()      # unchanged file: the checked copy is reused
    True
    """
    path = Path(path) if path is not None else default_verbs_path()
    return _load(path, lambda text, name: parse_reporting_verbs(text, where=name), "reporting-verb", VERBS_FILE)


# --------------------------------------------------------------------------------------------------
# Titles
# --------------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Title:
    """One row of ``titles.csv``."""

    title: str
    abbreviations: tuple[str, ...]
    kind: str
    gender: str
    provenance: str = ""
    line: int = 0


@dataclass(frozen=True)
class Titles:
    """The titles, looked up by any of their forms (with or without a full stop, any capitals).

    >>> titles = parse_titles("title,abbreviations,kind,gender\\nmister,mr,honorific,male\\n")
    >>> titles.full("Mr."), titles.gender("MR"), titles.full("senator")
    ('mister', 'male', None)
    """

    titles: tuple[Title, ...]
    _by_form: dict = field(default_factory=dict, repr=False, compare=False)

    def __post_init__(self) -> None:
        for t in self.titles:
            for form in (t.title, *t.abbreviations):
                self._by_form.setdefault(form, t)

    def __len__(self) -> int:
        return len(self.titles)

    def get(self, word: str) -> Title | None:
        """The title ``word`` is a form of ("Sen." -> senator), or None."""
        return self._by_form.get(_key(word))

    def full(self, word: str) -> str | None:
        """The full title of a form ("Gov." -> "governor"), or None."""
        t = self.get(word)
        return t.title if t else None

    def gender(self, word: str) -> str:
        """``male``, ``female`` or ``""`` for a title form; ``""`` for a word that is not a title."""
        t = self.get(word)
        return t.gender if t else ""

    @property
    def forms(self) -> tuple[str, ...]:
        """Every form (titles and abbreviations), longest first."""
        return tuple(sorted(self._by_form, key=len, reverse=True))


def _key(word: str) -> str:
    return " ".join(word.lower().replace("’", "'").strip().rstrip(".").split())


def _check_title(row: dict[str, str], number: int) -> tuple[Title | None, list[str]]:
    title = _key(row.get("title", ""))
    problems = []
    if not title:
        problems.append(f"line {number}: the title is empty (write it, e.g. 'senator', or delete the row)")
    kind = row.get("kind", "").lower() or "office"
    if kind not in TITLE_KINDS:
        problems.append(f"line {number}: unknown kind {row.get('kind')!r} (use one of: {', '.join(TITLE_KINDS)})")
    gender = row.get("gender", "").lower()
    if gender and gender not in GENDERS:
        problems.append(f"line {number}: unknown gender {row.get('gender')!r} (write male, female, or leave it empty)")
    if problems:
        return None, problems
    abbreviations = tuple(_key(a) for a in (row.get("abbreviations") or "").split(";") if _key(a))
    return Title(title, abbreviations, kind, gender, row.get("provenance", ""), number), []


def parse_titles(text: str, *, where: str = TITLES_FILE) -> Titles:
    """Check the rows of a title list given as CSV text.

    >>> parse_titles("title,kind\\nsenator,ofice\\n")
    Traceback (most recent call last):
    ...
    widgets.errors.MetadataError: titles.csv: The title list has 1 problem: line 2: unknown kind 'ofice' (use one of: honorific, office, role). Fix: Correct these rows and run the cell again.
    """
    rows = _read_rows(text, where=where, columns=TITLE_COLUMNS, required=("title",), check=_check_title,
                      what="title list")
    seen: dict[str, Title] = {}
    problems = []
    for t in rows:
        for form in (t.title, *t.abbreviations):
            if form in seen and seen[form] is not t:
                problems.append(f"line {t.line}: {form!r} is already a form of {seen[form].title!r} on line "
                                f"{seen[form].line}")
            seen.setdefault(form, t)
    if problems:
        raise MetadataError("The title list has a duplicate: " + "; ".join(problems) + ".", where=where,
                            fix="Keep each title and abbreviation on one row only.")
    return Titles(tuple(rows))


def default_titles_path() -> Path:
    """``data/titles.csv`` (in ``$MEDIALIT_DATA`` when set)."""
    return _data_dir() / TITLES_FILE


def load_titles(path: str | os.PathLike | None = None) -> Titles:
    """Read and check ``data/titles.csv`` (or ``path``); re-read whenever the file changes.

    >>> len(load_titles()) > 20
    True
    """
    path = Path(path) if path is not None else default_titles_path()
    return _load(path, lambda text, name: parse_titles(text, where=name), "title", TITLES_FILE)


# --------------------------------------------------------------------------------------------------
# First names
# --------------------------------------------------------------------------------------------------
def _check_name(row: dict[str, str], number: int) -> tuple[tuple[str, str] | None, list[str]]:
    name, gender = row.get("name", "").strip().lower(), row.get("gender", "").strip().lower()
    problems = []
    if not name or " " in name:
        problems.append(f"line {number}: the name {row.get('name')!r} is not one first name")
    if gender not in GENDERS:
        problems.append(f"line {number}: unknown gender {row.get('gender')!r} (write male or female)")
    return (None, problems) if problems else ((name, gender), [])


def parse_first_names(text: str, *, where: str = NAMES_FILE) -> dict[str, str]:
    """Check a first-name list given as CSV text: first name (lower case) -> ``male`` or ``female``.
    A name listed with both genders says nothing, so it is left out.

    >>> parse_first_names("name,gender\\nWendy,female\\nJordan,male\\nJordan,female\\n")
    {'wendy': 'female'}
    """
    rows = _read_rows(text, where=where, columns=NAME_COLUMNS, required=("name", "gender"), check=_check_name,
                      what="first-name list")
    out: dict[str, str] = {}
    both = set()
    for name, gender in rows:
        if out.get(name, gender) != gender:
            both.add(name)
        out[name] = gender
    return {n: g for n, g in out.items() if n not in both}


def default_names_path() -> Path:
    """``data/first_names.csv`` (in ``$MEDIALIT_DATA`` when set)."""
    return _data_dir() / NAMES_FILE


def load_first_names(path: str | os.PathLike | None = None) -> dict[str, str]:
    """Read ``data/first_names.csv`` (or ``path``): first name -> gender, weak evidence for "he" and
    "she"; re-read whenever the file changes. An empty dict when the file is missing (it is optional).

    >>> load_first_names()["wendy"]
    'female'
    """
    path = Path(path) if path is not None else default_names_path()
    if not path.exists():
        return {}
    return _load(path, lambda text, name: parse_first_names(text, where=name), "first-name", NAMES_FILE)


__all__ = ["load_first_names", "parse_first_names", "ReportingVerb", "ReportingVerbs", "Title", "Titles", "load_reporting_verbs", "load_titles",
           "parse_reporting_verbs", "parse_titles", "regular_forms"]
