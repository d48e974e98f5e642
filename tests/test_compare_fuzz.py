"""Fuzz: comparing any texts never raises and every span points into its own text."""
from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from widgets.align import align_quotes, QuoteSide, word_diff
from widgets.compare import compare
from widgets.corpus import article_from_text

WORDS = ["Blinken", "said", "Kirby", "told", "the", "removal", "of", "Russian", "forces", "ceasefire",
         "cease-fire", "Kiev", "Kyiv", "war", "peace", "plan", "regime", "[Xi]", "Putin", "he", "ICC",
         "Taiwan", "sanctions", "conquest", "ratify", "accountable", "Kremlin", "China", "\u202f", "é", "🙂"]
PUNCT = ["“", "”", '"', "‘", "’", "'", ".", ",", ":", "\n", "\n\n", " ", " – ", "[", "]", "<b>", "&"]
pieces = st.lists(st.one_of(st.sampled_from(WORDS), st.sampled_from(PUNCT), st.text(max_size=4)), max_size=60)
texts = pieces.map(" ".join)

SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _check_side(side, texts_by_name):
    text = texts_by_name[side.file]
    assert 0 <= side.start <= side.end <= len(text)
    assert text[side.start:side.end] == side.text


@SETTINGS
@given(texts, texts, texts)
def test_compare_never_raises_and_offsets_stay_inside(t1, t2, t3):
    arts = [article_from_text(t, id=f"a{i}") for i, t in enumerate((t1, t2, t3))]
    # article_from_text refuses nothing but a non-string, so every text here must be compared
    result = compare(arts)
    by_name = {a.id: a.raw for a in arts}
    for pair in result.aligned:
        _check_side(pair.a, by_name)
        _check_side(pair.b, by_name)
        assert pair.a.file != pair.b.file
        assert 0.0 <= pair.similarity <= 1.0
    for hit in list(result.coverage) + list(result.framing):
        text = by_name[hit.file]
        assert 0 <= hit.start < hit.end <= len(text) and text[hit.start:hit.end] == hit.text
        assert hit.sentence_start <= hit.start
    result.to_json()


@SETTINGS
@given(st.lists(st.tuples(st.sampled_from("abc"), texts), max_size=8))
def test_align_quotes_never_raises(quotes):
    sides = [QuoteSide(f, 0, len(t), t, None) for f, t in quotes]
    for pair in align_quotes(sides):
        assert 0.0 <= pair.similarity <= 1.0
        assert "".join(d.a for d in pair.diff).replace(" ", "") == "".join(pair.a.text.split())
        assert "".join(d.b for d in pair.diff).replace(" ", "") == "".join(pair.b.text.split())


@SETTINGS
@given(texts, texts)
def test_word_diff_rebuilds_both_sides(a, b):
    diff = word_diff(a, b)
    assert " ".join(d.a for d in diff if d.a) == " ".join(a.split())
    assert " ".join(d.b for d in diff if d.b) == " ".join(b.split())
