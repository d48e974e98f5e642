"""Measured accuracy of the loaded-language highlighter against the hand-written answer key.

The key (data/keys/loaded.csv) was written by reading the five articles. A highlight is correct when it
overlaps a counted key item of the same category. Run with ``-s`` to see the per-category table.

Caveat printed with the table: the lexicon was written by people who had read these five articles, so
these figures are optimistic for unseen text.
"""
from __future__ import annotations

import pytest

from widgets.corpus import load_corpus
from widgets.lexicon import CATEGORIES
from widgets.loaded import find_loaded_corpus, load_key, score_against_key

PRECISION_TARGET = 0.85
RECALL_TARGET = 0.75


@pytest.fixture(scope="module")
def score():
    corpus = load_corpus(warn=False)
    key = load_key(corpus=corpus)
    return score_against_key(find_loaded_corpus(corpus), key)


def test_key_covers_all_five_articles_with_reasons():
    corpus = load_corpus(warn=False)
    key = load_key(corpus=corpus)
    assert {k.article for k in key if k.counted} == set(corpus.ids)
    assert all(k.why for k in key)
    assert sum(not k.counted for k in key) >= 10, "the key should say what it deliberately does not count"
    for k in key:
        assert corpus[k.article].raw[k.start:k.end] == k.text


def test_precision_and_recall_over_all_categories(score):
    print()
    print(score.table())
    print("(measured on the corpus the lexicon authors read: optimistic for unseen text)")
    for m in score.false_positives:
        print(f"  extra highlight: {m.text!r} {m.category} ({m.rule})")
    for k in score.missed:
        print(f"  missed: {k.article} {k.text!r} {k.category}")
    assert score.overall.precision >= PRECISION_TARGET
    assert score.overall.recall >= RECALL_TARGET


@pytest.mark.parametrize("category", list(CATEGORIES))
def test_each_category_with_key_items_is_found(score, category):
    s = next(c for c in score.by_category if c.category == category)
    if s.key_items:
        assert s.recall >= RECALL_TARGET, f"{category}: recall {s.recall:.2f}"
    if s.highlights >= 5:
        assert s.precision >= PRECISION_TARGET, f"{category}: precision {s.precision:.2f}"


def test_voice_agrees_with_the_key(score):
    assert score.voice_checked > 50
    assert score.voice_agreed / score.voice_checked >= 0.95


# ------------------------------------------------------------------------------------------------------
# Unseen text. Sentences written for this test on other topics, with their key written *before* the
# highlighter was run on them (and the lexicon not changed for them afterwards). They measure how far
# the word list carries beyond the corpus; recall here is much lower than on the corpus (0.48 when
# written), which is the honest figure to quote for new articles.
# ------------------------------------------------------------------------------------------------------
UNSEEN = [
    ("The governor's disastrous handling of the floods has sparked fury across the state.",
     [("disastrous", "loaded_language"), ("fury", "loaded_language")]),
    ("Ministers rammed the bill through parliament in a shameless display of arrogance.",
     [("rammed", "loaded_language"), ("shameless", "loaded_language"), ("arrogance", "loaded_language")]),
    ("The striking nurses, whom the tabloid called greedy, say wages have not kept up with prices.",
     [("greedy", "name_calling")]),
    ("Environmental extremists blocked the motorway again on Monday.", [("extremists", "name_calling")]),
    ("The council approved the budget by seven votes to four.", []),
    ("Critics say the tax is an unprecedented assault on working families.",
     [("unprecedented", "exaggeration"), ("assault", "loaded_language")]),
    ("Supporters hailed the ruling as a triumph for democracy, while the defeated party cried foul.",
     [("triumph", "loaded_language"), ("cried foul", "loaded_language")]),
    ("The dictator's henchmen rounded up dozens of journalists overnight.",
     [("dictator", "name_calling"), ("henchmen", "name_calling"), ("rounded up", "loaded_language")]),
    ("The company claims its new phone is the most advanced ever made.",
     [("claims", "doubt"), ("most advanced ever", "exaggeration")]),
    ("Residents fear the new prison will bring a crime wave to the quiet village.", [("crime wave", "fear_appeal")]),
    ("Unemployment fell to 4.1 percent in March, the statistics office said.", []),
    ("Wake up: if we do nothing, our children will inherit a ruined planet.", [("ruined planet", "fear_appeal")]),
    ("The so-called experts have been wrong about everything.",
     [("so-called", "doubt"), ("wrong about everything", "exaggeration")]),
    ("The club's owner slashed ticket prices after a furious backlash.",
     [("slashed", "loaded_language"), ("furious backlash", "loaded_language")]),
    ("Patriots must stand together against this betrayal of our nation.",
     [("Patriots", "flag_waving"), ("betrayal", "loaded_language"), ("our nation", "flag_waving")]),
    ("He is nothing but a puppet of foreign interests.", [("puppet", "name_calling"), ("nothing but", "exaggeration")]),
]


def test_unseen_sentences_precision_holds_and_recall_is_reported():
    from widgets.loaded import find_loaded

    correct = highlights = found = total = 0
    for text, marked in UNSEEN:
        spans = [(text.index(t), text.index(t) + len(t), c) for t, c in marked]
        matches = find_loaded(text, quotes=[])
        highlights += len(matches)
        correct += sum(any(c == m.category and m.start < e and s < m.end for s, e, c in spans) for m in matches)
        found += sum(any(c == m.category and m.start < e and s < m.end for m in matches) for s, e, c in spans)
        total += len(spans)
    precision, recall = correct / highlights, found / total
    print(f"\nunseen sentences: precision {precision:.2f} ({correct}/{highlights}), recall {recall:.2f} ({found}/{total})")
    assert precision >= PRECISION_TARGET
    assert recall >= 0.40, "regression floor: the lexicon should keep finding at least what it found when written"
