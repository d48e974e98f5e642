"""``medialit check``: every teacher-editable file in the data folder, checked by the loader the tools use.

:data:`DATA_FILES` lists the files the kit reads besides the articles and ``articles.csv`` (which
:func:`widgets.corpus.check_data_dir` checks). A file that is there is loaded exactly as a lesson loads
it, so a mistake the tools would trip over is reported here first, with the file, the line and the fix.
A new teacher-editable file belongs in this list (a test fails while a CSV in ``data/`` is missing from it).

>>> [problem for problem in check_data_files()]
[]
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from . import coverage, framing, keys, lexicon, speakers, wordlists
from .corpus import CARDS_FILE, Corpus, Problem, check_data_dir
from .datafiles import default_data_dir, read_table
from .errors import KitError
from .loaded import scorer as loaded_scorer
from .stories import STORIES_FOLDER


@dataclass(frozen=True)
class DataFile:
    """One teacher-editable file: its ``name`` in the data folder, what it is, the tools that use it,
    its columns, and how the kit loads it (``load(path, corpus)``, raising a KitError if it is broken)."""

    name: str
    what: str
    used_by: str
    columns: tuple[str, ...]
    load: Callable[[Path, Corpus], object]
    optional: bool = False  # story-specific lists a data folder may leave out (no warning when missing)


DATA_FILES: tuple[DataFile, ...] = (
    DataFile("speakers.csv", "speaker table", "the quote spotter and the comparison of sources",
             speakers.COLUMNS, lambda p, c: speakers.load_speakers(p)),
    DataFile("reporting_verbs.csv", "list of reporting verbs", "the quote spotter, to find who speaks",
             wordlists.VERB_COLUMNS, lambda p, c: wordlists.load_reporting_verbs(p)),
    DataFile("titles.csv", "list of titles", "the quote spotter, to read titles such as 'the senator said'",
             wordlists.TITLE_COLUMNS, lambda p, c: wordlists.load_titles(p)),
    DataFile("first_names.csv", "list of first names", "the quote spotter, to tell who 'he' or 'she' may be",
             wordlists.NAME_COLUMNS, lambda p, c: wordlists.load_first_names(p), optional=True),
    DataFile("lexicon.csv", "loaded-language lexicon", "the loaded-language highlighter",
             lexicon.COLUMNS, lambda p, c: lexicon.load_lexicon(p)),
    DataFile("entities.csv", "list of entity names", "the coverage table",
             coverage.ENTITY_COLUMNS, lambda p, c: coverage.load_entities(p), optional=True),
    DataFile("facts.csv", "list of key facts", "the coverage table",
             coverage.FACT_COLUMNS, lambda p, c: coverage.load_facts(p), optional=True),
    DataFile("framing.csv", "list of word choices", "the framing table",
             framing.FRAMING_COLUMNS, lambda p, c: framing.load_framing(p), optional=True),
    DataFile("keys/quotes.csv", "quote answer key", "the quote-spotting accuracy figures",
             keys.QUOTE_KEY_COLUMNS, lambda p, c: keys.load_answer_key(p, corpus=c)),
    DataFile("keys/loaded.csv", "loaded-language answer key", "lesson 04's word-picking exercise",
             keys.LOADED_KEY_COLUMNS, lambda p, c: keys.load_key(p, corpus=c)),
    DataFile("keys/aligned_quotes.csv", "alignment answer key", "the source-comparison accuracy figures",
             keys.ALIGNED_KEY_COLUMNS, lambda p, c: keys.load_alignment_key(p, corpus=c)),
    DataFile("loaded-evidence.csv", "evidence of the loaded-language scorer (learned, with provenance)",
             "the loaded-language scorer (off unless find_loaded(scorer=True))",
             loaded_scorer.EVIDENCE_COLUMNS, lambda p, c: loaded_scorer.parse_evidence(p), optional=True),
    DataFile("loaded-weights.csv", "weights of the loaded-language scorer",
             "the loaded-language scorer (off unless find_loaded(scorer=True))",
             loaded_scorer.WEIGHTS_COLUMNS, lambda p, c: loaded_scorer.parse_weights(p), optional=True),
)


def check_data_files(data_dir: str | os.PathLike | None = None, *, corpus: Corpus | None = None) -> list[Problem]:
    """The problems in the data folder's teacher-editable files (:data:`DATA_FILES`), in that order, then
    any CSV file the kit does not read. ``corpus`` (default: loaded from ``data_dir``) is what the
    answer keys are checked against.

    A broken file gives an ``ERROR`` naming the file, the line and the fix.

    >>> import tempfile, pathlib
    >>> from widgets.corpus import load_corpus
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (folder / "lexicon.csv").write_text("term,match,category\\nbrutal,lemma,loaded_languag\\n", encoding="utf-8")
    >>> problems = check_data_files(folder, corpus=load_corpus())
    >>> [problem.level for problem in problems]   # most of the kit's files are missing here; the lexicon is broken
    ['warning', 'error']
    >>> print(problems[1])
    ERROR .../lexicon.csv: The lexicon has 1 problem: line 2: unknown category 'loaded_languag' (use one of: ... Did you mean 'loaded_language'?). Fix: ...
    """
    data_dir = Path(data_dir) if data_dir is not None else default_data_dir()
    corpus = corpus if corpus is not None else check_data_dir(data_dir)
    problems: list[Problem] = []
    missing = [f for f in DATA_FILES if not (data_dir / f.name).exists() and not (data_dir / f.name).is_symlink()]
    # A story folder (data/stories/<id>/) holds articles only: the tools read the kit's own data files.
    story_folder = data_dir.resolve().parent.name == STORIES_FOLDER
    if any(not f.optional for f in missing) and not story_folder:
        problems.append(Problem("warning", str(data_dir), "These files of the kit are not in this data folder, so "
                                "the tools that use them stop or do without: "
                                + "; ".join(f"{f.name} ({f.used_by})" for f in missing if not f.optional) + ".",
                                "Copy them from the kit's data/ folder if your lessons use those tools."))
    for data_file in DATA_FILES:
        path = data_dir / data_file.name
        if data_file in missing:
            continue
        try:
            data_file.load(path, corpus)
            unknown = read_table(path).unknown_columns(data_file.columns)
        except KitError as err:
            problem = Problem("error", err.where or str(path), err.message, err.fix)
            if problem not in problems:  # (a broken titles.csv also stops the speaker table: said once)
                problems.append(problem)
            continue
        if unknown:
            problems.append(Problem("warning", f"{path}, line 1",
                                    f"These columns are not used by the kit and are ignored: "
                                    f"{', '.join(repr(u) for u in unknown)}.",
                                    "Check the spelling against: " + ", ".join(data_file.columns) + "."))
    known = {CARDS_FILE, *(f.name for f in DATA_FILES)}
    for path in sorted(data_dir.rglob("*.csv")):
        name = path.relative_to(data_dir).as_posix()
        parts = name.split("/")
        if name not in known and not (parts[0] == STORIES_FOLDER and parts[-1] == CARDS_FILE):
            problems.append(Problem("warning", str(path), "The kit does not read this file, so changes to it have "
                                    "no effect.", "If it is meant to be one of the kit's files, name it as one of: "
                                    + ", ".join(sorted(known)) + "."))
    return problems


__all__ = ["DATA_FILES", "DataFile", "check_data_files"]
