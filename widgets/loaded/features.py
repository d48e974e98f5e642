"""The loaded-language scorer's clues (features): one row of numbers per word of a parsed text.

For each word: how often it was marked (from the evidence file, :mod:`widgets.loaded.scorerdata`), how strongly
TextBlob's lexicon rates it, its part of speech and grammatical role, the same for its neighbours, its head word
and its strongest dependent, whether it is in the lexicon, capitals, quotation marks, the title line, and how
charged its sentence is. :func:`feature_names` names the columns (the weights file uses the names).

>>> from widgets.nlp import parse
>>> X = feature_matrix(parse("A vile smear."))
>>> X.shape == (4, len(feature_names())), [bool(x) for x in own_signal(X)]
(True, [False, True, True, False])
"""
from __future__ import annotations

import math
from pathlib import Path
from typing import Callable, Sequence

from ..lexicon import Lexicon, load_lexicon
from .scorerdata import ScorerModel, load_scorer

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


__all__ = ["CONTENT_POS", "DEPS", "NAME_ENTITIES", "OFFSETS", "POS_TAGS", "QUOTE_KINDS", "STRONG", "feature_matrix",
           "feature_names", "own_signal", "textblob_words", "weight_vector"]
