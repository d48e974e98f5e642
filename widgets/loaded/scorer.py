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

One module per step, every name re-exported here: :mod:`widgets.loaded.scorerdata` reads the two files,
:mod:`widgets.loaded.features` turns a parsed text into clues, and this module scores the words and makes
the phrases (with the reasons a student sees).

>>> phrases = score_phrases("The vile, nefarious smear campaign was a disgrace. The council met on Monday.")
>>> [(p.text, p.trigger) for p in phrases]
[('vile', 'vile'), ('nefarious smear campaign was a disgrace', 'smear')]
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Sequence

from ..lexicon import Lexicon
from ..nlp import as_doc, has_parser
from .features import (CONTENT_POS, DEPS, NAME_ENTITIES, OFFSETS, POS_TAGS, QUOTE_KINDS, STRONG, _NAMES, _index,
                       feature_matrix, feature_names, own_signal, textblob_words, weight_vector)
from .scorerdata import (EVIDENCE_COLUMNS, EVIDENCE_FILE, PTC_PROVENANCE, SETTINGS, WEIGHTS_COLUMNS, WEIGHTS_FILE,
                         Evidence, ScorerDataError, ScorerModel, load_scorer, parse_evidence, parse_weights)


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
        if len(out) == 2:
            break
        if contributions[k] <= 0.2:     # a weak evidence clue must not hide a strong clue of another kind
            continue
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
