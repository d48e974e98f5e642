"""The loaded-language lexicon: a CSV file a teacher can edit (``data/lexicon.csv``).

One row per word, phrase or pattern::

    term,match,pattern,category,explanation,alternative,note
    crackdown,lemma,,loaded_language,A forceful word ...,arrests / response to the protests,
    so-called,phrase,,doubt,...

``match`` says how the row is matched:

* ``lemma``: one word, matched in every form ("cripple" finds "crippled"; the word as written is matched
  too, so "crippling" finds "crippling");
* ``phrase``: several words, matched word for word, ignoring capitals;
* ``pattern``: a spaCy ``Matcher`` pattern written as JSON in the ``pattern`` column (``term`` is then a
  readable name for it), e.g. ``[{"LEMMA": "claim", "POS": "VERB"}]``.

:func:`load_lexicon` checks every row and reports *all* problems at once (unknown category, empty term,
duplicate entry, bad pattern), each with its line number and the fix. It re-reads the file whenever it
has changed (the cache is keyed on the file's modification time and size), so a teacher edits the CSV,
re-runs the cell, and sees the new highlights without restarting anything.

>>> lexicon = load_lexicon()
>>> entry = lexicon.find("crackdown")
>>> entry.category, entry.alternative
('loaded_language', 'arrests / response to the protests')
"""
from __future__ import annotations

import json
import os
from dataclasses import dataclass, replace
from pathlib import Path

from .datafiles import Table, data_path, load, parse_table
from .errors import MetadataError
from .nlp import load_pipeline
from .wording import did_you_mean, plural

#: The categories (a propaganda-technique taxonomy used in news research), in plain words.
CATEGORIES: dict[str, str] = {
    "loaded_language": "a word chosen to make you feel something (anger, fear, disgust) about what is described",
    "name_calling": "a negative label stuck on a person, group or country instead of describing what they did",
    "exaggeration": "making something sound much bigger or worse than the facts show (or much smaller: minimisation)",
    "fear_appeal": "trying to make you afraid, so that you accept a view without checking it",
    "doubt": "making you distrust a person, a claim or a name without giving the evidence",
    "flag_waving": "using pride in a country or group to win you over instead of giving reasons",
    "causal_oversimplification": "blaming one cause for something that has many causes",
    "slogan": "a short catchy phrase repeated instead of an argument",
    "whataboutism": "answering a criticism by pointing at someone else's faults",
    "black_and_white": "pretending there are only two options, or only one, when there are more",
    "thought_terminating_cliche": "a stock phrase that ends the discussion instead of answering the question",
}
#: Whose voice a highlight is in: the outlet's own words, or inside quotation marks (see :mod:`widgets.loaded`).
VOICES = ("narrator", "quote")

#: How a row is matched.
MATCH_KINDS = ("lemma", "phrase", "pattern")
#: Columns of the lexicon file; ``term``, ``match`` and ``category`` are required.
COLUMNS = ("term", "match", "pattern", "category", "explanation", "alternative", "note")
REQUIRED_COLUMNS = ("term", "match", "category")
LEXICON_FILE = "lexicon.csv"


class LexiconError(MetadataError):
    """A problem in the lexicon file; the message lists every problem with its line number."""


@dataclass(frozen=True)
class LexiconEntry:
    """One row of the lexicon.

    ``line`` is the row's line number in the file (the header is line 1), so a teacher can find it.
    ``pattern`` is the JSON text of a spaCy Matcher pattern (only for ``match == "pattern"``).
    """

    term: str
    match: str
    category: str
    explanation: str = ""
    alternative: str | None = None
    note: str = ""
    pattern: str = ""
    line: int = 0

    @property
    def rule(self) -> str:
        """The rule name recorded on every highlight this entry makes, e.g. ``lexicon:crackdown``."""
        return f"lexicon:{self.term}"


@dataclass(frozen=True)
class Lexicon:
    """All entries of one lexicon file (``path``), in file order."""

    entries: tuple[LexiconEntry, ...]
    path: Path | None = None

    def __len__(self) -> int:
        return len(self.entries)

    def __iter__(self):
        return iter(self.entries)

    def find(self, term: str) -> LexiconEntry | None:
        """The first entry whose term is ``term`` (ignoring capitals), or None.

        >>> load_lexicon().find("REGIME").category
        'name_calling'
        """
        wanted = term.strip().lower()
        for entry in self.entries:
            if entry.term.lower() == wanted:
                return entry
        return None

    def by_category(self, category: str) -> tuple[LexiconEntry, ...]:
        """The entries of one category.

        >>> len(load_lexicon().by_category("slogan")) > 2
        True
        """
        check_category(category)
        return tuple(e for e in self.entries if e.category == category)

    def __repr__(self) -> str:
        where = f" from {self.path.name}" if self.path else ""
        return f"Lexicon({plural(len(self.entries), 'entry', 'entries')}{where})"


def check_category(category: str) -> str:
    """Return ``category`` if it is one of :data:`CATEGORIES`, else raise a friendly error listing them.

    >>> check_category("doubt")
    'doubt'
    >>> check_category("loaded")
    Traceback (most recent call last):
    ...
    widgets.lexicon.LexiconError: Unknown category 'loaded'. Did you mean 'loaded_language'? Fix: Use one of: loaded_language, name_calling, exaggeration, fear_appeal, doubt, flag_waving, causal_oversimplification, slogan, whataboutism, black_and_white, thought_terminating_cliche.
    """
    if category not in CATEGORIES:
        raise LexiconError(f"Unknown category {category!r}.{did_you_mean(category, CATEGORIES)}",
                           fix=f"Use one of: {', '.join(CATEGORIES)}.")
    return category


def default_lexicon_path() -> Path:
    """``data/lexicon.csv`` in the kit's data folder (``MEDIALIT_DATA`` may point elsewhere).

    >>> path = default_lexicon_path()
    >>> path.name, path.is_file()
    ('lexicon.csv', True)
    """
    return data_path(LEXICON_FILE)


#: How the lexicon file is read (see :func:`widgets.datafiles.read_table`).
_TABLE = dict(what="lexicon", required=REQUIRED_COLUMNS, known=COLUMNS, collect=True)


def load_lexicon(path: str | os.PathLike | None = None) -> Lexicon:
    """Read and check the lexicon file (default ``data/lexicon.csv``); re-read whenever the file changes.

    Raises:
        LexiconError: listing every problem (line number, what is wrong, the fix).

    >>> load_lexicon() is load_lexicon()      # unchanged file: the checked copy is reused
    True
    >>> len(load_lexicon()) > 100
    True
    """
    return load(data_path(LEXICON_FILE, path), _lexicon_from_table, error=LexiconError, **_TABLE)


def parse_lexicon(text: str, *, path: str | os.PathLike | None = None) -> Lexicon:
    """Check lexicon rows given as CSV text and return the :class:`Lexicon` (what :func:`load_lexicon` does
    with a file).

    >>> parse_lexicon("term,match,category\\nthug,lemma,name_calling\\n").entries[0].term
    'thug'
    >>> parse_lexicon("term,match,category\\nthug,lemma,nasty\\n,lemma,doubt\\n")
    Traceback (most recent call last):
    ...
    widgets.lexicon.LexiconError: The lexicon has 2 problems: line 2: unknown category 'nasty' (use one of: loaded_language, name_calling, exaggeration, fear_appeal, doubt, flag_waving, causal_oversimplification, slogan, whataboutism, black_and_white, thought_terminating_cliche); line 3: the term is empty (write the word or phrase, or delete the row). Fix: Correct these rows in the lexicon file and run the cell again.
    """
    table = parse_table(text, where=str(path) if path else "lexicon", error=LexiconError, **_TABLE)
    return _lexicon_from_table(replace(table, path=Path(path) if path else None))


def _lexicon_from_table(table: Table) -> Lexicon:
    problems = [(p.line, f"line {p.line}: {_lower_first(p.message.rstrip('.'))} ({_lower_first(p.fix.rstrip('.'))})")
                for p in table.problems]
    entries: list[LexiconEntry] = []
    seen: dict[tuple[str, str], int] = {}
    for row in table.rows:
        number = row.line
        entry, row_problems = _check_row(dict(row.cells), number)
        problems.extend((number, p) for p in row_problems)
        if entry is None:
            continue
        key = (entry.match, (entry.pattern if entry.match == "pattern" else entry.term).lower())
        if key in seen:
            problems.append((number, f"line {number}: duplicate entry {entry.term!r} (the same as line "
                                     f"{seen[key]}; delete one of them)"))
            continue
        seen[key] = number
        entries.append(entry)
    if problems:
        problems.sort(key=lambda p: p[0])
        raise LexiconError(f"The lexicon has {plural(len(problems), 'problem')}: "
                           + "; ".join(p for _, p in problems) + ".",
                           fix="Correct these rows in the lexicon file and run the cell again.",
                           where=str(table.path) if table.path else "")
    return Lexicon(tuple(entries), table.path)


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


def _check_row(row: dict[str, str], number: int) -> tuple[LexiconEntry | None, list[str]]:
    problems = []
    term, match, category = row.get("term", ""), row.get("match", "").lower(), row.get("category", "")
    pattern = row.get("pattern", "")
    if not term:
        problems.append(f"line {number}: the term is empty (write the word or phrase, or delete the row)")
    if category not in CATEGORIES:
        problems.append(f"line {number}: unknown category {category!r} "
                        f"(use one of: {', '.join(CATEGORIES)}{did_you_mean(category, CATEGORIES, lead='. ')})")
    if match not in MATCH_KINDS:
        problems.append(f"line {number}: unknown match {row.get('match', '')!r} "
                        f"(use lemma, phrase or pattern{did_you_mean(match, MATCH_KINDS, lead='. ')})")
    elif match == "pattern":
        if not pattern and term.startswith("["):
            pattern, term = term, term  # a pattern typed into the term column still works
        problem = _check_pattern(pattern)
        if problem:
            problems.append(f"line {number}: bad pattern ({problem})")
    elif match == "lemma" and term and len(_words(term)) > 1:
        problems.append(f"line {number}: {term!r} is several words, but match is 'lemma' (use match 'phrase')")
    if problems:
        return None, problems
    alternative = row.get("alternative", "") or None
    return LexiconEntry(term=term, match=match, category=category, explanation=row.get("explanation", ""),
                        alternative=alternative, note=row.get("note", ""), pattern=pattern, line=number), []


def _words(text: str) -> list[str]:
    return [t.text for t in load_pipeline().make_doc(text) if not t.is_space]


def _check_pattern(pattern: str) -> str:
    """'' if ``pattern`` is a valid spaCy Matcher pattern (JSON), else what is wrong with it."""
    if not pattern:
        return "the pattern column is empty; write a spaCy Matcher pattern such as [{\"LEMMA\": \"claim\"}]"
    try:
        value = json.loads(pattern)
    except json.JSONDecodeError as err:
        return f"not valid JSON: {err.msg} at character {err.pos + 1}; check the brackets, commas and double quotes"
    if not isinstance(value, list) or not value or not all(isinstance(t, dict) and t for t in value):
        return "a pattern is a list of token descriptions, e.g. [{\"LOWER\": \"so\"}, {\"LOWER\": \"called\"}]"
    from spacy.matcher import Matcher

    try:
        Matcher(load_pipeline().vocab, validate=True).add("check", [value])
    except Exception as err:  # noqa: BLE001 - spaCy raises several error types for bad patterns
        first = str(err).strip().splitlines()[0] if str(err).strip() else type(err).__name__
        return f"spaCy does not accept it: {first[:200]}"
    return ""


__all__ = [
    "CATEGORIES",
    "COLUMNS",
    "LEXICON_FILE",
    "Lexicon",
    "LexiconEntry",
    "LexiconError",
    "MATCH_KINDS",
    "VOICES",
    "check_category",
    "default_lexicon_path",
    "load_lexicon",
    "parse_lexicon",
]
