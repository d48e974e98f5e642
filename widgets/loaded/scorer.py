"""A small statistical scorer for loaded language, learned from news that trained annotators marked.

The lexicon (``data/lexicon.csv``) finds the words a teacher listed. The scorer finds the phrases a word
list misses, the way annotators of real news marked them: it gives every word a score from a few plain
clues, and highlights the phrases whose words score above a threshold. Everything it uses is in two
teacher-readable files in ``data/``:

``loaded-evidence.csv`` (``word,marked,uses,alternative,provenance``)
    How often annotators marked each word (its base form) as loaded language or name calling:
    "marked in 7 of 8 uses". A student sees these counts in the explanation of a highlight. A teacher can
    add a row (a word with the counts from their own class's marking), change the counts, write a neutral
    ``alternative``, or delete a row; the provenance says where each row came from.
``loaded-weights.csv`` (``feature,weight,meaning``)
    How much each clue counts (a logistic regression, learned by ``benchmarks/train_loaded.py``), and the
    ``(threshold)`` a phrase must reach: raise it for fewer, surer highlights.

The clues for each word: how often it was marked (smoothed log-odds of marked against not marked, from the
evidence file), how strongly TextBlob's lexicon rates it (polarity, subjectivity), its part of speech and
grammatical role, the same for its neighbours, its head word and its strongest dependent, whether it is in
the lexicon, capitals, quotation marks, the title line, and how charged its sentence is. The score of a
word is ``1 / (1 + exp(-sum of weight * clue))``.

Both files are re-read when they change, and a malformed row raises :class:`ScorerDataError` naming its
line and the fix.

>>> phrases = score_phrases("The vile, nefarious smear campaign was a disgrace. The council met on Monday.")
>>> [(p.text, p.trigger) for p in phrases]
[('vile', 'vile'), ('nefarious smear campaign was a disgrace', 'smear')]
"""
from __future__ import annotations

import csv
import io
import math
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Sequence

from ..corpus import default_data_dir
from ..csvtools import SEMICOLON_FIX, record_line, semicolon_hint
from ..errors import MetadataError
from ..lexicon import Lexicon, load_lexicon
from ..nlp import as_doc, has_parser
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
#: Parts of speech (spaCy's universal tags) and grammatical roles that are clues of their own.
POS_TAGS = ("ADJ", "ADP", "ADV", "AUX", "CCONJ", "DET", "INTJ", "NOUN", "NUM", "PART", "PRON", "PROPN",
            "PUNCT", "SCONJ", "SYM", "VERB", "X", "SPACE")
DEPS = ("amod", "acomp", "attr", "dobj", "nsubj", "nsubjpass", "pobj", "ROOT", "advmod", "compound", "conj",
        "appos", "xcomp", "ccomp", "det", "prep", "aux", "neg", "npadvmod", "oprd", "relcl", "acl", "advcl",
        "poss")
CONTENT_POS = frozenset({"ADJ", "NOUN", "VERB", "ADV", "PROPN", "INTJ", "X"})
#: Named entities whose words get no evidence: a name ("Trump", "Chicago") is not loaded language, even
#: when annotators often marked a phrase around it ("Crooked Hillary": the loaded word is "crooked").
NAME_ENTITIES = ("PERSON", "GPE")
#: Neighbour offsets whose clues count.
OFFSETS = (-2, -1, 1, 2)
QUOTE_KINDS = ("direct", "partial", "scare")
#: A word is "strong" for the sentence clue when its TextBlob strength reaches this.
STRONG = 0.5
#: Where the files' rows came from, for the rows the training script writes.
PTC_PROVENANCE = "a corpus of annotated news (PTC, tuning half)"


class ScorerDataError(MetadataError):
    """A problem in ``loaded-evidence.csv`` or ``loaded-weights.csv``; the message names every bad line."""


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
                problems.append(f"line {number}: unknown setting {name!r} (use one of: {', '.join(SETTINGS)}{did_you_mean(name, SETTINGS, lead='. ')})")
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


# --------------------------------------------------------------------------------------------------
# TextBlob's word lexicon (the one TextBlob's sentiment uses, read once)
# --------------------------------------------------------------------------------------------------
_textblob_words: dict[str, tuple[float, float]] = {}


def textblob_words() -> dict[str, tuple[float, float]]:
    """word -> (polarity, subjectivity) from TextBlob's lexicon, averaged over the word's senses.

    >>> textblob_words()["terrible"]
    (-1.0, 1.0)
    """
    if not _textblob_words:
        import xml.etree.ElementTree as ET

        import textblob

        path = Path(textblob.__file__).parent / "en" / "en-sentiment.xml"
        senses: dict[str, list[tuple[float, float]]] = {}
        for word in ET.parse(path).getroot():
            form = word.attrib.get("form", "").lower()
            if form and " " not in form:
                senses.setdefault(form, []).append((float(word.attrib.get("polarity", 0)),
                                                    float(word.attrib.get("subjectivity", 0))))
        for form, values in senses.items():
            _textblob_words[form] = (round(sum(v[0] for v in values) / len(values), 4),
                                     round(sum(v[1] for v in values) / len(values), 4))
    return _textblob_words


# --------------------------------------------------------------------------------------------------
# The clues (features), one row per token
# --------------------------------------------------------------------------------------------------
def feature_names() -> list[str]:
    """The names of the clues, in the order of :func:`feature_matrix`'s columns (the weights file uses them).

    >>> names = feature_names()
    >>> names[:3], len(names) == len(set(names))
    (['(intercept)', 'part of speech: ADJ', 'part of speech: ADP'], True)
    """
    names = ["(intercept)"]
    names += [f"part of speech: {p}" for p in POS_TAGS]
    names += [f"role: {d}" for d in DEPS]
    names += ["evidence", "evidence, if positive", "no evidence for the word", "evidence: log of uses"]
    names += [f"evidence x part of speech: {p}" for p in POS_TAGS]
    names += ["TextBlob: strength of polarity", "TextBlob: subjectivity", "TextBlob: negative", "TextBlob: strength"]
    names += [f"TextBlob strength of polarity x part of speech: {p}" for p in POS_TAGS]
    names += ["in the lexicon (loaded language or name calling)", "all capitals", "capitalised inside a sentence",
              *[f"inside a {k} quotation" for k in QUOTE_KINDS], "named entity", "punctuation"]
    for d in OFFSETS:
        names += [f"word {d:+d}: evidence, if positive", f"word {d:+d}: TextBlob strength"]
        names += [f"word {d:+d}: evidence, if positive x part of speech: {p}" for p in POS_TAGS]
    names += ["head word: evidence, if positive", "head word: TextBlob strength"]
    names += [f"head word: evidence, if positive x role: {d}" for d in DEPS]
    names += ["strongest dependent: evidence, if positive", "strongest dependent: TextBlob strength"]
    names += ["sentence: strongest evidence", "sentence: strong words (share of 5)", "sentence has an exclamation mark",
              "in the title (first line)"]
    return names


_NAMES: list[str] = []
_INDEX: dict[str, int] = {}


def _index() -> dict[str, int]:
    if not _INDEX:
        _NAMES.extend(feature_names())
        _INDEX.update({n: i for i, n in enumerate(_NAMES)})
    return _INDEX


def _quote_kinds(starts, ends, quotes) -> list[str | None]:
    import bisect

    kinds: list[str | None] = [None] * len(starts)
    for q in quotes:
        lo = bisect.bisect_left(starts, q.start)
        for i in range(lo, len(starts)):
            if starts[i] >= q.end:
                break
            if ends[i] <= q.end and kinds[i] is None:
                kinds[i] = q.kind
    return kinds


def feature_matrix(doc, *, quotes: Sequence = (), model: ScorerModel | None = None,
                   counts: Callable[[str], tuple[int, int]] | None = None, lexicon: Lexicon | None = None):
    """The clues of every token of a parsed ``doc``: a numpy array, one row per token, one column per
    name in :func:`feature_names`.

    ``counts(word) -> (marked, uses)`` gives the evidence for a word (default: the evidence file's rows);
    the training script passes counts that leave out the article being featurised.

    >>> from widgets.nlp import parse
    >>> m = feature_matrix(parse("A vile smear."))
    >>> m.shape[0], bool(m[2, feature_names().index("evidence, if positive")] > 1)
    (4, True)
    """
    import numpy as np
    from spacy.attrs import DEP, ENT_TYPE, HEAD, IDX, IS_ALPHA, IS_PUNCT, IS_TITLE, IS_UPPER, LEMMA, LENGTH, LOWER, POS

    model = model if model is not None else load_scorer()
    lexicon = lexicon if lexicon is not None else load_lexicon()
    index = _index()
    n = len(doc)
    X = np.zeros((n, len(index)))
    if n == 0:
        return X
    if counts is None:
        def counts(word: str, _ev=model.evidence) -> tuple[int, int]:
            row = _ev.get(word)
            return (row.marked, row.uses) if row is not None else (0, 0)
    labels = _lexicon_labels(lexicon)
    tb = textblob_words()
    strings = doc.vocab.strings
    A = doc.to_array([POS, DEP, HEAD, IS_ALPHA, IS_PUNCT, IS_UPPER, IS_TITLE, ENT_TYPE, LEMMA, LOWER, IDX, LENGTH])
    pos_names = [strings[int(h)] if h else "X" for h in A[:, 0]]
    dep_names = [strings[int(h)] if h else "" for h in A[:, 1]]
    pos_i = {p: i for i, p in enumerate(POS_TAGS)}
    dep_i = {d: i for i, d in enumerate(DEPS)}
    pos = np.array([pos_i.get(p, pos_i["X"]) for p in pos_names])
    dep = np.array([dep_i.get(d, -1) for d in dep_names])
    rows = np.arange(n)
    heads = rows + A[:, 2].astype(np.int64)
    alpha = A[:, 3].astype(bool)
    sent = np.zeros(n, dtype=np.int64)
    for k, sentence in enumerate(doc.sents):
        sent[sentence.start:sentence.end] = k
    sent_start = np.r_[True, sent[1:] != sent[:-1]]

    # one pass over the words for what needs a dictionary: evidence, TextBlob, the lexicon
    ev = np.zeros(n)
    uses = np.zeros(n)
    has_ev = np.zeros(n, dtype=bool)
    pol = np.zeros(n)
    subj = np.zeros(n)
    in_tb = np.zeros(n, dtype=bool)
    in_lex = np.zeros(n, dtype=bool)
    seen: dict[str, tuple[int, int]] = {}
    names = {strings[label] for label in NAME_ENTITIES}
    for i in np.flatnonzero(alpha):
        lower = strings[int(A[i, 9])]
        lemma = strings[int(A[i, 8])].lower() if A[i, 8] else lower
        if pos_names[i] in CONTENT_POS and int(A[i, 7]) not in names:
            got = seen.get(lemma)
            if got is None:
                got = seen[lemma] = counts(lemma)
            ev[i] = model.log_odds(*got)
            uses[i] = got[1]
            has_ev[i] = True
        score = tb.get(lower) or tb.get(lemma)
        if score is not None:
            pol[i], subj[i] = score
            in_tb[i] = True
        in_lex[i] = lemma in labels or lower in labels
    strength = np.where(in_tb, np.maximum(np.abs(pol), 0.8 * subj), 0.0)
    evp = np.maximum(ev, 0.0)

    def col(name: str) -> int:
        return index[name]

    X[:, col("(intercept)")] = 1.0
    X[rows, col("part of speech: ADJ") + pos] = 1.0
    ok = dep >= 0
    X[rows[ok], col("role: amod") + dep[ok]] = 1.0
    X[has_ev, col("evidence")] = ev[has_ev]
    X[has_ev, col("evidence, if positive")] = evp[has_ev]
    X[has_ev, col("no evidence for the word")] = (uses[has_ev] == 0).astype(float)
    X[has_ev, col("evidence: log of uses")] = np.log1p(uses[has_ev])
    X[rows[has_ev], col("evidence x part of speech: ADJ") + pos[has_ev]] = ev[has_ev]
    X[in_tb, col("TextBlob: strength of polarity")] = np.abs(pol[in_tb])
    X[in_tb, col("TextBlob: subjectivity")] = subj[in_tb]
    X[in_tb, col("TextBlob: negative")] = (pol[in_tb] < 0).astype(float)
    X[in_tb, col("TextBlob: strength")] = strength[in_tb]
    X[rows[in_tb], col("TextBlob strength of polarity x part of speech: ADJ") + pos[in_tb]] = np.abs(pol[in_tb])
    X[in_lex, col("in the lexicon (loaded language or name calling)")] = 1.0
    X[alpha & A[:, 5].astype(bool) & (A[:, 11].astype(np.int64) > 1), col("all capitals")] = 1.0
    X[alpha & A[:, 6].astype(bool) & ~sent_start, col("capitalised inside a sentence")] = 1.0
    starts = A[:, 10].astype(np.int64)
    ends = starts + A[:, 11].astype(np.int64)
    for k, kind in enumerate(_quote_kinds(list(starts), list(ends), quotes)):
        if kind is not None:
            X[k, col(f"inside a {kind} quotation")] = 1.0
    X[A[:, 7] != 0, col("named entity")] = 1.0
    X[A[:, 4].astype(bool), col("punctuation")] = 1.0
    title_end = doc.text.find("\n")
    X[starts < (len(doc.text) if title_end < 0 else title_end), col("in the title (first line)")] = 1.0
    for d in OFFSETS:
        j = rows + d
        ok = (j >= 0) & (j < n)
        ok[ok] &= sent[j[ok]] == sent[rows[ok]]
        src, dst = j[ok], rows[ok]
        X[dst, col(f"word {d:+d}: evidence, if positive")] = evp[src]
        X[dst, col(f"word {d:+d}: TextBlob strength")] = strength[src]
        X[dst, col(f"word {d:+d}: evidence, if positive x part of speech: ADJ") + pos[dst]] = evp[src]
    not_root = heads != rows
    X[not_root, col("head word: evidence, if positive")] = evp[heads[not_root]]
    X[not_root, col("head word: TextBlob strength")] = strength[heads[not_root]]
    sel = not_root & (dep >= 0)
    X[rows[sel], col("head word: evidence, if positive x role: amod") + dep[sel]] = evp[heads[sel]]
    kid_ev = np.zeros(n)
    kid_st = np.zeros(n)
    np.maximum.at(kid_ev, heads[not_root], evp[not_root])
    np.maximum.at(kid_st, heads[not_root], strength[not_root])
    X[:, col("strongest dependent: evidence, if positive")] = kid_ev
    X[:, col("strongest dependent: TextBlob strength")] = kid_st
    n_sents = int(sent.max()) + 1
    sent_ev = np.zeros(n_sents)
    np.maximum.at(sent_ev, sent, evp)
    sent_strong = np.zeros(n_sents)
    np.add.at(sent_strong, sent, (strength >= STRONG).astype(float))
    bang = np.zeros(n_sents)
    np.maximum.at(bang, sent, (A[:, 9] == strings["!"]).astype(float))
    X[:, col("sentence: strongest evidence")] = sent_ev[sent]
    X[:, col("sentence: strong words (share of 5)")] = np.minimum(sent_strong[sent], 5) / 5
    X[:, col("sentence has an exclamation mark")] = bang[sent]
    return X


_labels_cache: dict[int, tuple[Lexicon, frozenset]] = {}


def _lexicon_labels(lexicon: Lexicon) -> frozenset:
    """The lexicon's one-word loaded-language and name-calling terms (lower case)."""
    cached = _labels_cache.get(id(lexicon))
    if cached is not None and cached[0] is lexicon:
        return cached[1]
    labels = frozenset(e.term.lower() for e in lexicon.entries
                       if e.match == "lemma" and e.category in ("loaded_language", "name_calling"))
    _labels_cache.clear()
    _labels_cache[id(lexicon)] = (lexicon, labels)
    return labels


def weight_vector(model: ScorerModel):
    """The weights in the order of :func:`feature_names` (a feature missing from the file weighs 0).

    >>> len(weight_vector(load_scorer())) == len(feature_names())
    True
    """
    import numpy as np

    return np.array([model.weights.get(name, 0.0) for name in feature_names()])


def token_scores(doc, *, quotes: Sequence = (), model: ScorerModel | None = None,
                 lexicon: Lexicon | None = None) -> list[float]:
    """The score (0 to 1) of every token of a parsed ``doc``: how likely annotators would mark it.

    >>> from widgets.nlp import parse
    >>> scores = token_scores(parse("A vile smear. The council met."))
    >>> [round(s, 1) > 0.3 for s in scores]
    [True, True, True, False, False, False, False, False]
    """
    import numpy as np

    model = model if model is not None else load_scorer()
    if len(doc) == 0:
        return []
    z = feature_matrix(doc, quotes=quotes, model=model, lexicon=lexicon) @ weight_vector(model)
    return [float(x) for x in 1.0 / (1.0 + np.exp(-z))]


# --------------------------------------------------------------------------------------------------
# From word scores to phrases
# --------------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class ScoredPhrase:
    """A phrase whose words scored above the threshold: token range ``[start_token, end_token)``, character
    offsets, its best-scoring word (``trigger``, a base form, and ``trigger_index``), that score, and the
    clues that counted most for it, in plain words (``reasons``)."""

    start_token: int
    end_token: int
    start: int
    end: int
    text: str
    trigger: str
    trigger_index: int
    score: float
    reasons: tuple[str, ...] = ()


def _runs(doc, scores, threshold: float, signal=None) -> list[tuple[int, int]]:
    """Token ranges of consecutive words (same sentence) that reach the threshold, each with at least one
    content word that does (and, with ``signal``, that has a clue of its own: see :func:`own_signal`)."""
    out: list[list[int]] = []
    for t in doc:
        if t.is_space or t.is_punct or scores[t.i] < threshold:
            continue
        if out and out[-1][1] == t.i and doc[out[-1][0]].sent.start == t.sent.start:
            out[-1][1] = t.i + 1
        elif out and out[-1][1] == t.i - 1 and doc[t.i - 1].text in "-–/" and doc[t.i - 1].whitespace_ == "":
            out[-1][1] = t.i + 1          # a hyphenated word cut in two by the tokenizer
        else:
            out.append([t.i, t.i + 1])
    return [(s, e) for s, e in out if any(_is_trigger(doc[k], signal) for k in range(s, e))]


def _is_trigger(token, signal) -> bool:
    return token.is_alpha and token.pos_ in CONTENT_POS and (signal is None or bool(signal[token.i]))


def own_signal(X):
    """For each row of a feature matrix: does the word itself carry a clue (positive evidence from at least
    two uses, a strong TextBlob rating, or a place in the lexicon), rather than only standing next to one?

    >>> from widgets.nlp import parse
    >>> [bool(x) for x in own_signal(feature_matrix(parse("A vile plan.")))]
    [False, True, False, False]
    """
    index = _index()
    evidence = (X[:, index["evidence, if positive"]] > 0.5) & (X[:, index["evidence: log of uses"]] > math.log1p(1.5))
    return (evidence | (X[:, index["TextBlob: strength"]] >= STRONG)
            | (X[:, index["in the lexicon (loaded language or name calling)"]] > 0))


def _widen(doc, start: int, end: int, *, noun: bool = True) -> tuple[int, int]:
    """Widen a token range to whole words (a hyphenated word is several tokens) and, with ``noun``, an
    adjective at its end to the noun it describes ("rabid" -> "rabid base"); trim punctuation at the edges."""
    last = doc[end - 1]
    if noun and last.dep_ == "amod" and last.head.pos_ in ("NOUN", "PROPN") and 0 < last.head.i - last.i <= 3 and all(
            doc[k].dep_ in ("amod", "compound", "advmod", "punct", "cc", "conj") for k in range(end, last.head.i)):
        end = last.head.i + 1
    while start > 0 and doc[start - 1].whitespace_ == "" and (doc[start - 1].is_alpha or doc[start - 1].text in "-–"):
        start -= 1
    while end < len(doc) and doc[end - 1].whitespace_ == "" and (doc[end].is_alpha or doc[end].text in "-–"):
        end += 1
    while start < end and (doc[start].is_punct or doc[start].is_space or doc[start].pos_ in _EDGE_POS):
        start += 1
    while end > start and (doc[end - 1].is_punct or doc[end - 1].is_space or doc[end - 1].pos_ in _EDGE_POS):
        end -= 1
    return start, end


#: Words a phrase never starts or ends with ("and", "of", "to").
_EDGE_POS = frozenset({"CCONJ", "ADP", "PART", "SCONJ"})


def phrases_from_scores(doc, scores: Sequence[float], threshold: float, *, noun: bool = True, signal=None,
                        reasons: Callable[[int], tuple[str, ...]] | None = None) -> list[ScoredPhrase]:
    """Phrases from word scores: runs of words (in one sentence) that reach ``threshold``, widened to whole
    words and, with ``noun``, from an adjective to its noun; each with its best-scoring word (and
    ``reasons(token index)`` for it, when given).

    >>> from widgets.nlp import parse
    >>> doc = parse("A truly rabid left-wing base.")
    >>> [p.text for p in phrases_from_scores(doc, [0, 0, 0.9, 0, 0, 0.6, 0, 0], 0.5)]
    ['rabid', 'left-wing']
    """
    phrases: list[ScoredPhrase] = []
    last_end = 0
    for s, e in _runs(doc, scores, threshold, signal):
        s, e = _widen(doc, s, e, noun=noun)
        s = max(s, last_end)
        if e <= s:
            continue
        candidates = [k for k in range(s, e) if _is_trigger(doc[k], signal)] or list(range(s, e))
        best = max(candidates, key=lambda k: (scores[k], -k))
        span = doc[s:e]
        trigger = doc[best].lemma_.lower() or doc[best].lower_
        phrases.append(ScoredPhrase(s, e, span.start_char, span.end_char, span.text, trigger, best,
                                    round(float(scores[best]), 4), reasons(best) if reasons else ()))
        last_end = e
    return phrases


def score_phrases(source, *, quotes: Sequence | None = None, model: ScorerModel | None = None,
                  lexicon: Lexicon | None = None, threshold: float | None = None) -> list[ScoredPhrase]:
    """The phrases the scorer would highlight in an article, a string or a parsed ``Doc``, in text order.

    Needs a parsed text (the spaCy model): with the blank fallback pipeline it returns ``[]``.

    Args:
        quotes: the quotes in the text (default: :func:`widgets.quotes.find_quotes`), one of the clues.
        threshold: overrides the ``(threshold)`` row of the weights file.

    >>> [p.text for p in score_phrases("Democrats slammed the rigged witch hunt.")]
    ['slammed the rigged witch hunt']
    """
    raw, doc, _ = as_doc(source, what="score_phrases()", example='"Officials slammed the plan."')
    if not raw.strip() or not has_parser(doc):
        return []
    model = model if model is not None else load_scorer()
    if quotes is None:
        from ..quotes import find_quotes

        quotes = find_quotes(raw)
    import numpy as np

    X = feature_matrix(doc, quotes=quotes, model=model, lexicon=lexicon)
    w = weight_vector(model)
    scores = 1.0 / (1.0 + np.exp(-(X @ w)))
    return phrases_from_scores(doc, scores, model.threshold if threshold is None else threshold, noun=model.noun,
                               signal=own_signal(X) if model.own_clue else None,
                               reasons=lambda i: reasons_for(doc, i, X[i] * w, model))


def _word(doc, i: int) -> str:
    return doc[i].lemma_.lower() if doc[i].pos_ in ("NOUN", "VERB", "ADJ", "ADV") else doc[i].lower_


def reasons_for(doc, i: int, contributions, model: ScorerModel) -> tuple[str, ...]:
    """The (at most two) clues that raised token ``i``'s score most, in words a student can follow.

    ``contributions`` is weight x value for every clue of the token (a row of the feature matrix times
    the weights). Clues about grammar alone (part of speech, role) are not shown.

    >>> from widgets.nlp import parse
    >>> doc = parse("What a disgrace!")
    >>> p = score_phrases(doc)[0]
    >>> p.text, p.reasons[0]
    ('What a disgrace', 'Trained annotators marked “disgrace” as loaded in 6 of its 10 uses in a corpus of annotated news (PTC, tuning half).')
    """
    names = _NAMES or list(_index())
    order = sorted(range(len(contributions)), key=lambda k: (not names[k].startswith("evidence"), -contributions[k]))
    out: list[str] = []
    token = doc[i]
    word = _word(doc, i)

    def neighbour(j: int) -> str | None:
        if not 0 <= j < len(doc):
            return None
        row = model.evidence.get(_word(doc, j))
        if row is None or row.marked < 2:
            return None
        return f"it goes with “{doc[j].text}”, which annotators marked in {row.marked} of its {row.uses} uses"

    for k in order:
        if contributions[k] <= 0.2 or len(out) == 2:
            break
        name = names[k]
        text = None
        if name.startswith("evidence") and word in model.evidence and model.evidence[word].marked > 0:
            text = model.evidence[word].sentence()
        elif name.startswith("TextBlob"):
            p, subj = textblob_words().get(token.lower_) or textblob_words().get(word) or (0.0, 0.0)
            feel = "negative" if p < -0.3 else "positive" if p > 0.3 else "subjective (an opinion word)"
            text = f"TextBlob's word list rates “{token.text}” as strongly {feel}"
        elif name.startswith("word ") and "evidence" in name:
            text = neighbour(i + int(name.split(":")[0].split()[1]))
        elif name.startswith("head word") and "evidence" in name:
            text = neighbour(token.head.i)
        elif name.startswith("strongest dependent") and "evidence" in name:
            kids = sorted(token.children, key=lambda c: -model.log_odds(*_counts(model, _word(doc, c.i))))
            text = neighbour(kids[0].i) if kids else None
        elif name == "sentence: strongest evidence" or name == "sentence: strong words (share of 5)":
            text = "its sentence is full of charged words"
        elif name == "sentence has an exclamation mark":
            text = "its sentence ends with an exclamation mark"
        elif name == "all capitals":
            text = "it is written in capitals"
        elif name == "in the title (first line)":
            text = "it is in the headline"
        elif name == "inside a scare quotation":
            text = "it is in scare quotes"
        elif name == "in the lexicon (loaded language or name calling)":
            text = "it is in the kit's list of loaded words"
        if text and text not in out:
            out.append(text)
    return tuple(out)


def _counts(model: ScorerModel, word: str) -> tuple[int, int]:
    row = model.evidence.get(word)
    return (row.marked, row.uses) if row is not None else (0, 0)


__all__ = [
    "EVIDENCE_FILE",
    "Evidence",
    "ScoredPhrase",
    "ScorerDataError",
    "ScorerModel",
    "WEIGHTS_FILE",
    "feature_matrix",
    "feature_names",
    "load_scorer",
    "parse_evidence",
    "own_signal",
    "parse_weights",
    "reasons_for",
    "phrases_from_scores",
    "score_phrases",
    "textblob_words",
    "token_scores",
    "weight_vector",
]
