"""Measured accuracy of the quote spotter against the hand-made key in data/keys/quotes.csv.

Run with ``-s`` to see the figures: ``pytest tests/test_quotes_accuracy.py -s``.
"""
from __future__ import annotations

import pytest

from widgets.corpus import load_corpus
from widgets.nlp import parse_corpus
from widgets.quotes import KINDS, find_quotes, load_answer_key, score_quotes
from widgets.speakers import load_speakers

RECALL_TARGET = 0.97
SPEAKER_TARGET = 0.95
KIND_TARGET = 0.9  # no target in the issue; a guard against silently breaking the kind rules


@pytest.fixture(scope="module")
def corpus():
    c = load_corpus()
    parse_corpus(c)
    return c


@pytest.fixture(scope="module")
def key():
    return load_answer_key()


@pytest.fixture(scope="module")
def found(corpus):
    return {a.id: find_quotes(a) for a in corpus}


def test_key_matches_the_articles(corpus, key):
    assert len(key) == 75
    for kq in key:
        raw = corpus[kq.article].raw
        assert raw[kq.start:kq.end] == kq.text, kq
        assert kq.kind in KINDS
        assert corpus[kq.article].in_body(kq.start, kq.end) == kq.in_body, kq
        if kq.kind == "scare":
            assert kq.speaker is None, kq


def test_key_speakers_are_in_the_speaker_table(key):
    table = load_speakers()
    for kq in key:
        if kq.speaker is not None:
            assert table.get(kq.speaker) is not None, f"{kq.speaker} is not a canonical name in data/speakers.csv"


def test_accuracy_against_the_key(found, key):
    score = score_quotes(found, key)
    print(f"\nquotes in key {score.key_quotes}, found {score.found_quotes}, matched {score.matched}")
    print(f"precision {score.precision:.3f}  recall {score.recall:.3f}  speaker accuracy "
          f"{score.speaker_accuracy:.3f}  kind accuracy {score.kind_accuracy:.3f}  "
          f"scare quotes with a speaker {score.scare_with_speaker}")
    for line in score.speaker_errors + score.missed:
        print("  ", line)
    assert score.recall >= RECALL_TARGET, score.missed
    assert score.speaker_accuracy >= SPEAKER_TARGET, score.speaker_errors
    assert score.scare_with_speaker == 0
    assert score.kind_accuracy >= KIND_TARGET


def test_offsets_are_exact_on_the_corpus(corpus, found):
    for article in corpus:
        for q in found[article.id]:
            assert article.raw[q.start:q.end] == q.text
            if q.open_mark is not None:
                assert article.raw[q.open_mark] in "“”\"‘'"
            if q.close_mark is not None:
                assert q.close_mark == q.end


def test_no_scare_quote_has_a_speaker(found):
    for quotes in found.values():
        for q in quotes:
            if q.kind == "scare":
                assert q.speaker is None and q.cue is None, q


def test_every_attribution_says_why(found):
    for quotes in found.values():
        for q in quotes:
            assert q.reason, q
            if q.speaker is not None and q.cue is not None and q.cue != ":":
                assert q.cue.lower() in q.reason.lower() or q.cue == "according to", q
