"""Property-based tests: the highlighter never raises and its offsets always point into the text."""
from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from widgets.lexicon import CATEGORIES
from widgets.loaded import VOICES, find_loaded

WORDS = ["so-called", "“", "”", '"', "‘", "’", "'", "regime", "brutal", "massive", "Kirby", "said", "if",
         "really", "the", "highest", "in", "history", "claims", "\n", "\n\n", " ", ".", ",", "—", "[Xi]",
         "Putin’s", "war", "authoritarian", "government", "bring", "Moscow", "to", "its", "knees", "é", "\u200b"]

text_strategy = st.one_of(
    st.text(max_size=300),
    st.lists(st.sampled_from(WORDS), max_size=60).map(" ".join),
    st.lists(st.sampled_from(WORDS), max_size=60).map("".join),
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text_strategy)
def test_never_raises_and_offsets_are_inside_the_text(text):
    matches = find_loaded(text)
    for m in matches:
        assert 0 <= m.start < m.end <= len(text)
        assert text[m.start:m.end] == m.text
        assert m.category in CATEGORIES and m.voice in VOICES
        assert m.voice == "quote" or m.speaker is None
    assert [m.start for m in matches] == sorted(m.start for m in matches)
