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
they change (read and kept by :mod:`widgets.datafiles`, like every teacher-editable file): edit, save, run the
cell again. ``medialit check`` checks all three.

>>> verbs = load_reporting_verbs()
>>> verbs.lemma_of("said"), verbs.lemma_of("table")
('say', None)
>>> titles = load_titles()
>>> titles.full("Sen."), titles.gender("Mrs"), titles.gender("senator")
('senator', 'female', '')
"""
from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from .datafiles import Table, data_path, load, parse_table
from .errors import MetadataError
from .wording import did_you_mean, plural

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
#: How each file is read (see :func:`widgets.datafiles.read_table`): a row with too many cells is listed with
#: the other problems; a column the kit does not know is ignored (``medialit check`` warns about it).
_VERB_TABLE = dict(what="reporting-verb list", required=("lemma",), known=VERB_COLUMNS, collect=True)
_TITLE_TABLE = dict(what="title list", required=("title",), known=TITLE_COLUMNS, collect=True)
_NAME_TABLE = dict(what="first-name list", required=("name", "gender"), known=NAME_COLUMNS, collect=True)


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
# Checking a list (shared by the three files; reading is widgets.datafiles')
# --------------------------------------------------------------------------------------------------
def _split(cell: str) -> tuple[str, ...]:
    return tuple(p.strip().lower() for p in (cell or "").split(";") if p.strip())


def _checked_rows(table: Table, *, check: Callable[[dict[str, str], int], tuple[object | None, list[str]]],
                  what: str) -> list:
    """Every checked row of a table read by :mod:`widgets.datafiles`; one :class:`MetadataError` listing
    every problem (line, what is wrong, the fix) otherwise.

    >>> table = parse_table("name,gender\\nWendy,female\\nJo,maybe\\n", required=("name",))
    >>> _checked_rows(table, check=_check_name, what="first-name list")
    Traceback (most recent call last):
    ...
    widgets.errors.MetadataError: table: The first-name list has 1 problem: line 3: unknown gender 'maybe' (write male or female). Fix: Correct these rows and run the cell again.
    """
    problems = [(p.line, f"line {p.line}: more cells than columns (put quotes around a cell that contains a comma)")
                for p in table.problems]
    out = []
    for row in table.rows:
        item, row_problems = check({k: v for k, v in row.cells.items() if k}, row.line)
        problems.extend((row.line, p) for p in row_problems)
        if item is not None:
            out.append(item)
    if problems:
        problems.sort(key=lambda p: p[0])
        raise MetadataError(f"The {what} has {plural(len(problems), 'problem')}: "
                            + "; ".join(p for _, p in problems) + ".", where=table.where,
                            fix="Correct these rows and run the cell again.")
    return out


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
    return _verbs_from_table(parse_table(text, where=where, **_VERB_TABLE))


def _verbs_from_table(table: Table) -> ReportingVerbs:
    rows = _checked_rows(table, check=_check_verb, what="reporting-verb list")
    seen: dict[str, int] = {}
    problems = []
    for verb in rows:
        if verb.lemma in seen:
            problems.append(f"line {verb.line}: {verb.lemma!r} is already on line {seen[verb.lemma]} (delete one)")
        seen.setdefault(verb.lemma, verb.line)
    if problems:
        raise MetadataError("The reporting-verb list has a duplicate: " + "; ".join(problems) + ".",
                            where=table.where, fix="Keep one row per verb.")
    return ReportingVerbs(tuple(rows))


def default_verbs_path() -> Path:
    """``data/reporting_verbs.csv`` (in ``$MEDIALIT_DATA`` when set).

    >>> default_verbs_path().name
    'reporting_verbs.csv'
    """
    return data_path(VERBS_FILE)


def load_reporting_verbs(path: str | os.PathLike | None = None) -> ReportingVerbs:
    """Read and check ``data/reporting_verbs.csv`` (or ``path``); re-read whenever the file changes.

    >>> load_reporting_verbs() is load_reporting_verbs()      # unchanged file: the checked copy is reused
    True
    """
    return load(data_path(VERBS_FILE, path), _verbs_from_table, **_VERB_TABLE)


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
        problems.append(f"line {number}: unknown kind {row.get('kind')!r} "
                        f"(use one of: {', '.join(TITLE_KINDS)}{did_you_mean(kind, TITLE_KINDS, lead='. ')})")
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
    widgets.errors.MetadataError: titles.csv: The title list has 1 problem: line 2: unknown kind 'ofice' (use one of: honorific, office, role. Did you mean 'office'?). Fix: Correct these rows and run the cell again.
    """
    return _titles_from_table(parse_table(text, where=where, **_TITLE_TABLE))


def _titles_from_table(table: Table) -> Titles:
    rows = _checked_rows(table, check=_check_title, what="title list")
    seen: dict[str, Title] = {}
    problems = []
    for t in rows:
        for form in (t.title, *t.abbreviations):
            if form in seen and seen[form] is not t:
                problems.append(f"line {t.line}: {form!r} is already a form of {seen[form].title!r} on line "
                                f"{seen[form].line}")
            seen.setdefault(form, t)
    if problems:
        raise MetadataError("The title list has a duplicate: " + "; ".join(problems) + ".", where=table.where,
                            fix="Keep each title and abbreviation on one row only.")
    return Titles(tuple(rows))


def default_titles_path() -> Path:
    """``data/titles.csv`` (in ``$MEDIALIT_DATA`` when set).

    >>> default_titles_path().name
    'titles.csv'
    """
    return data_path(TITLES_FILE)


def load_titles(path: str | os.PathLike | None = None) -> Titles:
    """Read and check ``data/titles.csv`` (or ``path``); re-read whenever the file changes.

    >>> len(load_titles()) > 20
    True
    """
    return load(data_path(TITLES_FILE, path), _titles_from_table, **_TITLE_TABLE)


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
    return _names_from_table(parse_table(text, where=where, **_NAME_TABLE))


def _names_from_table(table: Table) -> dict[str, str]:
    rows = _checked_rows(table, check=_check_name, what="first-name list")
    out: dict[str, str] = {}
    both = set()
    for name, gender in rows:
        if out.get(name, gender) != gender:
            both.add(name)
        out[name] = gender
    return {n: g for n, g in out.items() if n not in both}


def default_names_path() -> Path:
    """``data/first_names.csv`` (in ``$MEDIALIT_DATA`` when set).

    >>> default_names_path().name
    'first_names.csv'
    """
    return data_path(NAMES_FILE)


#: What :func:`load_first_names` gives when there is no file (one object, so remembered results stay valid).
_NO_NAMES: dict[str, str] = {}


def load_first_names(path: str | os.PathLike | None = None) -> dict[str, str]:
    """Read ``data/first_names.csv`` (or ``path``): first name -> gender, weak evidence for "he" and
    "she"; re-read whenever the file changes. An empty dict when the file is missing (it is optional).

    >>> load_first_names()["wendy"]
    'female'
    """
    path = data_path(NAMES_FILE, path)
    if not path.exists() and not path.is_symlink():
        return _NO_NAMES
    return load(path, _names_from_table, **_NAME_TABLE)


__all__ = ["NAME_COLUMNS", "ReportingVerb", "ReportingVerbs", "TITLE_COLUMNS", "Title", "Titles", "VERB_COLUMNS",
           "load_first_names", "load_reporting_verbs", "load_titles", "parse_first_names", "parse_reporting_verbs",
           "parse_titles", "regular_forms"]
