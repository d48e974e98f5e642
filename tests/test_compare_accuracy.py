"""Quote alignment measured against the hand-made key ``data/keys/aligned_quotes.csv``.

Run with ``pytest tests/test_compare_accuracy.py -s`` to see the figures.
"""
from __future__ import annotations

import itertools
from pathlib import Path

import pytest

from widgets.compare import compare
from widgets.corpus import load_corpus
from widgets.keys import load_alignment_key

ROOT = Path(__file__).resolve().parent.parent
KEY = ROOT / "data" / "keys" / "aligned_quotes.csv"
TARGET = 0.9


@pytest.fixture(scope="module")
def key():
    return load_alignment_key(KEY)


@pytest.fixture(scope="module")
def corpus():
    return load_corpus(warn=False)


@pytest.fixture(scope="module")
def result(corpus):
    return compare(list(corpus), names=[a.path.name for a in corpus])


def _overlaps(side, file, start, end) -> bool:
    return side.file == file and side.start < end and start < side.end


def _matches(pair, row) -> bool:
    a = (row.a.file, row.a.start, row.a.end)
    b = (row.b.file, row.b.start, row.b.end)
    return (_overlaps(pair.a, *a) and _overlaps(pair.b, *b)) or (_overlaps(pair.a, *b) and _overlaps(pair.b, *a))


def _scores(pairs, key):
    positives = [r for r in key if r.same_statement]
    found = [r for r in positives if any(_matches(p, r) for p in pairs)]
    correct = [p for p in pairs if any(_matches(p, r) for r in positives)]
    precision = len(correct) / len(pairs) if pairs else 1.0
    recall = len(found) / len(positives)
    return precision, recall, [p for p in pairs if p not in correct], [r for r in positives if r not in found]


def test_key_offsets_match_the_articles(key, corpus):
    """The loader checks every side's text at its offsets (and yes/no flags, two different files)."""
    assert load_alignment_key(KEY, corpus=corpus) == key
    texts = {a.path.name: a.raw for a in corpus}
    for row in key:
        for side in (row.a, row.b):
            assert texts[side.file][side.start:side.end] == side.text, row.pair


def test_precision_and_recall_reach_the_target(result, key):
    precision, recall, wrong, missed = _scores(result.aligned, key)
    print(f"\nalignment against the key: {len(result.aligned)} pairs found, "
          f"precision {precision:.3f}, recall {recall:.3f}")
    for p in wrong:
        print("  not in the key:", p.a.file, repr(p.a.text[:50]), "|", p.b.file, repr(p.b.text[:50]))
    for r in missed:
        print("  missed:", r.pair, repr(r.a.text[:50]), "|", repr(r.b.text[:50]))
    assert precision >= TARGET
    assert recall >= TARGET


def test_every_misattributed_pair_is_flagged(result, key):
    rows = [r for r in key if r.misattributed]
    assert rows, "the key should hold the Blinken/Kirby pairs"
    for row in rows:
        pairs = [p for p in result.aligned if _matches(p, row)]
        assert pairs, f"{row.pair} not aligned"
        assert all(p.same_speaker is False for p in pairs), (row.pair, [(p.a.speaker, p.b.speaker) for p in pairs])
    print(f"\nmisattributed pairs flagged: {len(rows)}/{len(rows)}")


def test_paraphrase_flags_agree_with_the_key(result, key):
    for row in key:
        if not row.same_statement:
            continue
        for p in result.aligned:
            if _matches(p, row):
                assert p.paraphrase is row.paraphrase, row.pair


def test_look_alikes_are_not_aligned(result, key):
    for row in key:
        if not row.same_statement:
            assert not any(_matches(p, row) for p in result.aligned), row.pair


def test_same_pairs_when_articles_are_compared_two_at_a_time(result, corpus, key):
    """Comparing articles two at a time finds the same pairs as comparing all five at once."""
    many = {_signature(p) for p in result.aligned}
    two = set()
    for x, y in itertools.combinations(list(corpus), 2):
        two |= {_signature(p) for p in compare([x, y], names=[x.path.name, y.path.name], entities=False).aligned}
    assert two == many


def _signature(p):
    return tuple(sorted([(p.a.file, p.a.start, p.a.end), (p.b.file, p.b.start, p.b.end)])) + (p.paraphrase,)
