"""The loaded-language scorer's two teacher-readable files, read and checked: the evidence and the weights.

``data/loaded-evidence.csv`` says how often annotators marked each word; ``data/loaded-weights.csv`` how much
each clue counts, and the settings (``(threshold)`` ...). :func:`load_scorer` reads both into a
:class:`ScorerModel`, again whenever either file changes; a malformed row raises :class:`ScorerDataError`
naming its line and the fix. The scoring itself is :mod:`widgets.loaded.scorer`.

>>> load_scorer().evidence["smear"].sentence()
'Trained annotators marked “smear” as loaded in 5 of its 6 uses in a corpus of annotated news (PTC, tuning half).'
"""
from __future__ import annotations

import csv
import io
import math
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Sequence

from ..corpus import default_data_dir
from ..csvtools import SEMICOLON_FIX, record_line, semicolon_hint
from ..errors import MetadataError
from ..wording import did_you_mean

EVIDENCE_FILE = "loaded-evidence.csv"
WEIGHTS_FILE = "loaded-weights.csv"
EVIDENCE_COLUMNS = ("word", "marked", "uses", "alternative", "provenance")
WEIGHTS_COLUMNS = ("feature", "weight", "meaning")
#: Settings stored as rows of the weights file (feature names in brackets).
SETTINGS = {
    "(threshold)": "a phrase is highlighted when one of its words scores at least this (0 to 1)",
    "(evidence prior)": "the share of all words that annotators marked: a word with no evidence counts as this",
    "(evidence smoothing)": "how many imaginary uses at the prior share are added to every word's counts",
    "(adjective takes its noun)": "1: a highlighted adjective takes the noun it describes into the phrase; 0: it does not",
    "(own clue needed)": "1: a phrase needs a word with a clue of its own (evidence, a strong TextBlob rating, the lexicon); 0: neighbours are enough",
}
_SWITCHES = ("(adjective takes its noun)", "(own clue needed)")
#: Where the files' rows came from, for the rows the training script writes.
PTC_PROVENANCE = "a corpus of annotated news (PTC, tuning half)"


class ScorerDataError(MetadataError):
    """A problem in ``loaded-evidence.csv`` or ``loaded-weights.csv``; the message names every bad line."""

    __module__ = "widgets.loaded.scorer"  # shown (and imported) as widgets.loaded.scorer.ScorerDataError, as before


# --------------------------------------------------------------------------------------------------
# The two files
# --------------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Evidence:
    """One row of the evidence file: ``word`` (lower-case base form) marked in ``marked`` of ``uses``."""

    word: str
    marked: int
    uses: int
    alternative: str | None = None
    provenance: str = ""
    line: int = 0

    def sentence(self) -> str:
        """The evidence in words a student can follow.

        >>> Evidence("smear", 5, 6, provenance="a corpus of annotated news").sentence()
        'Trained annotators marked “smear” as loaded in 5 of its 6 uses in a corpus of annotated news.'
        """
        where = f" in {self.provenance}" if self.provenance else ""
        if self.uses == 1:
            return f"Trained annotators marked “{self.word}” as loaded in its only use{where}."
        return f"Trained annotators marked “{self.word}” as loaded in {self.marked} of its {self.uses} uses{where}."


@dataclass(frozen=True)
class ScorerModel:
    """The evidence and the weights, as read from ``data/`` (see the module docstring)."""

    evidence: dict[str, Evidence]
    weights: dict[str, float]
    threshold: float
    prior: float
    smoothing: float
    paths: tuple[Path, ...] = ()
    noun: bool = True
    own_clue: bool = True

    def log_odds(self, marked: int, uses: int) -> float:
        """How much more (or less) often than the average word a word with these counts was marked, as
        smoothed log-odds against the prior: 0 for a word with no evidence.

        >>> m = ScorerModel({}, {}, 0.5, prior=0.05, smoothing=2.0)
        >>> m.log_odds(0, 0), round(m.log_odds(7, 8), 2) > 3, m.log_odds(0, 100) < -2
        (0.0, True, True)
        """
        rate = (marked + self.smoothing * self.prior) / (uses + self.smoothing)
        rate = min(max(rate, 1e-6), 1 - 1e-6)
        return math.log(rate / (1 - rate)) - math.log(self.prior / (1 - self.prior))


def _read_rows(path: Path, columns: Sequence[str], required: Sequence[str]) -> list[tuple[int, dict[str, str]]]:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise ScorerDataError(f"There is no file {path.name} in {path.parent}.",
                              fix=f"Copy data/{path.name} from the kit back into the data folder.") from None
    except UnicodeDecodeError:
        raise ScorerDataError(f"{path.name} is not saved as UTF-8 text.",
                              fix="In your spreadsheet, save it as 'CSV UTF-8 (comma delimited)'.") from None
    reader = csv.DictReader(io.StringIO(text))
    header = [(h or "").strip() for h in (reader.fieldnames or [])]
    missing = [c for c in required if c not in header]
    if missing:
        semicolons = semicolon_hint(reader.fieldnames, columns)
        raise ScorerDataError(
            semicolons or f"{path.name} has no column {', '.join(repr(m) for m in missing)} "
                          f"(its columns are: {', '.join(header) or 'none'}).",
            fix=SEMICOLON_FIX if semicolons else f"The first line must name the columns: {','.join(columns)}.",
            where=path.name)
    rows = []
    for row in reader:
        number = record_line(reader, row)
        clean = {(k or "").strip(): (v if isinstance(v, str) else "").strip() for k, v in row.items() if k is not None}
        if any(clean.values()):
            rows.append((number, clean))
    return rows


def _problems_error(path: Path, problems: list[str]) -> ScorerDataError:
    count = f"{len(problems)} problem{'s' if len(problems) != 1 else ''}"
    return ScorerDataError(f"{path.name} has {count}: " + "; ".join(problems) + ".",
                           fix=f"Correct these rows in {path.name} and run the cell again.")


def parse_evidence(path: Path) -> dict[str, Evidence]:
    """Read and check the evidence file: every problem is reported at once, with its line number.

    >>> import tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "loaded-evidence.csv"
    >>> _ = p.write_text("word,marked,uses,alternative,provenance\\nsmear,5,6,criticism,PTC\\n")
    >>> parse_evidence(p)["smear"].uses
    6
    >>> _ = p.write_text("word,marked,uses\\nsmear,7,6\\nsham,two,7\\n")
    >>> parse_evidence(p)
    Traceback (most recent call last):
    ...
    widgets.loaded.scorer.ScorerDataError: loaded-evidence.csv has 2 problems: line 2: marked (7) is more than uses (6) (a word cannot be marked more often than it is used); line 3: marked must be a whole number, not 'two' (write 0 or more). Fix: Correct these rows in loaded-evidence.csv and run the cell again.
    """
    problems: list[str] = []
    out: dict[str, Evidence] = {}
    for number, row in _read_rows(path, EVIDENCE_COLUMNS, ("word", "marked", "uses")):
        word = row.get("word", "").lower()
        counts = []
        for name in ("marked", "uses"):
            value = row.get(name, "")
            if not value.isdigit():
                problems.append(f"line {number}: {name} must be a whole number, not {value!r} (write 0 or more)")
            counts.append(int(value) if value.isdigit() else None)
        if not word:
            problems.append(f"line {number}: the word is empty (write the word, or delete the row)")
        elif " " in word:
            problems.append(f"line {number}: {word!r} is several words (write one word; put phrases in lexicon.csv)")
        if None in counts or not word or " " in word:
            continue
        marked, uses = counts
        if marked > uses:
            problems.append(f"line {number}: marked ({marked}) is more than uses ({uses}) "
                            "(a word cannot be marked more often than it is used)")
            continue
        if word in out:
            problems.append(f"line {number}: {word!r} is already on line {out[word].line} (delete one of them)")
            continue
        out[word] = Evidence(word, marked, uses, row.get("alternative") or None, row.get("provenance", ""), number)
    if problems:
        raise _problems_error(path, problems)
    return out


def parse_weights(path: Path) -> tuple[dict[str, float], dict[str, float]]:
    """Read and check the weights file: (weights by feature, settings such as ``(threshold)``).

    >>> import tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "loaded-weights.csv"
    >>> _ = p.write_text("feature,weight,meaning\\n(threshold),0.3,\\n(intercept),-2.5,\\n")
    >>> parse_weights(p)
    ({'(intercept)': -2.5}, {'(threshold)': 0.3})
    >>> _ = p.write_text("feature,weight\\n(threshold),high\\n")
    >>> parse_weights(p)
    Traceback (most recent call last):
    ...
    widgets.loaded.scorer.ScorerDataError: loaded-weights.csv has 1 problem: line 2: the weight 'high' is not a number (write a number such as -0.25, with a point for decimals). Fix: Correct these rows in loaded-weights.csv and run the cell again.
    """
    problems: list[str] = []
    weights: dict[str, float] = {}
    settings: dict[str, float] = {}
    seen: dict[str, int] = {}
    for number, row in _read_rows(path, WEIGHTS_COLUMNS, ("feature", "weight")):
        name, value = row.get("feature", ""), row.get("weight", "")
        try:
            weight = float(value)
            if not math.isfinite(weight):
                raise ValueError
        except ValueError:
            problems.append(f"line {number}: the weight {value!r} is not a number "
                            "(write a number such as -0.25, with a point for decimals)")
            continue
        if not name:
            problems.append(f"line {number}: the feature is empty (copy its name back from the kit's file, "
                            "or delete the row)")
            continue
        if name in seen:
            problems.append(f"line {number}: {name!r} is already on line {seen[name]} (delete one of them)")
            continue
        seen[name] = number
        if name.startswith("(") and name != "(intercept)":
            if name not in SETTINGS:
                problems.append(f"line {number}: unknown setting {name!r} (use one of: {', '.join(SETTINGS)}"
                                f"{did_you_mean(name, SETTINGS, lead='. ')})")
            elif name == "(threshold)" and not 0 < weight < 1:
                problems.append(f"line {number}: the threshold must be between 0 and 1, not {value}")
            elif name == "(evidence prior)" and not 0 < weight < 1:
                problems.append(f"line {number}: the evidence prior must be between 0 and 1, not {value}")
            elif name == "(evidence smoothing)" and weight <= 0:
                problems.append(f"line {number}: the evidence smoothing must be more than 0, not {value}")
            elif name in _SWITCHES and weight not in (0.0, 1.0):
                problems.append(f"line {number}: {name} must be 1 (yes) or 0 (no), not {value}")
            else:
                settings[name] = weight
        else:
            weights[name] = weight
    if problems:
        raise _problems_error(path, problems)
    return weights, settings


_cache: dict[tuple, ScorerModel] = {}


def load_scorer(data_dir: str | os.PathLike | None = None) -> ScorerModel:
    """The scorer's evidence and weights from ``data_dir`` (default: the kit's data folder), re-read
    whenever either file changes (so a teacher's edit counts on the next call).

    Raises:
        ScorerDataError: a file is missing or has malformed rows (each named with its line and the fix).

    >>> model = load_scorer()
    >>> 0 < model.threshold < 1, model.evidence["witch"].marked > 5
    (True, True)
    >>> load_scorer() is model     # unchanged files: the checked copy is reused
    True
    """
    folder = Path(data_dir) if data_dir is not None else Path(default_data_dir())
    paths = (folder / EVIDENCE_FILE, folder / WEIGHTS_FILE)
    stamps = []
    for path in paths:
        try:
            stat = path.stat()
            stamps.append((stat.st_mtime_ns, stat.st_size))
        except OSError:
            stamps.append(None)
    key = (str(folder), tuple(stamps))
    if key in _cache:
        return _cache[key]
    evidence = parse_evidence(paths[0])
    weights, settings = parse_weights(paths[1])
    missing = [name for name in SETTINGS if name not in settings]
    if missing:
        raise ScorerDataError(f"{WEIGHTS_FILE} has no row for {', '.join(missing)}.", where=WEIGHTS_FILE,
                              fix="Add the row back (see docs/teacher-guide.md), or copy the file from the kit.")
    model = ScorerModel(evidence, weights, settings["(threshold)"], settings["(evidence prior)"],
                        settings["(evidence smoothing)"], paths, noun=settings["(adjective takes its noun)"] == 1.0,
                        own_clue=settings["(own clue needed)"] == 1.0)
    for old in [k for k in _cache if k[0] == str(folder)]:
        del _cache[old]
    _cache[key] = model
    return model


__all__ = ["EVIDENCE_COLUMNS", "EVIDENCE_FILE", "Evidence", "PTC_PROVENANCE", "SETTINGS", "ScorerDataError",
           "ScorerModel", "WEIGHTS_COLUMNS", "WEIGHTS_FILE", "load_scorer", "parse_evidence", "parse_weights"]
