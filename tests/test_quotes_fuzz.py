"""Property-based tests: the quote spotter never raises, whatever the text (hypothesis).

Random texts mix words, names from the speaker table, reporting verbs, punctuation, line breaks and
every kind of quotation mark, stray, unbalanced and nested.
"""
from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from widgets.quotes import KINDS, find_quote_marks, find_quotes

MARKS = ["“", "”", '"', "‘", "’", "'", "„", "«", "»", "‚", "‛"]
PIECES = MARKS + [
    " ", " ", " ", "\n", "\n\n", ",", ".", ":", "?", "…", "[", "]", "—", "-", "\u202f", "\t",
    "said", "told reporters", "according to", "he", "she", "they", "the statement", "so-called",
    "Blinken", "Mr Kirby", "Xi", "Putin", "the two leaders", "It", "We", "peace", "plan", "war",
    "Xi’s", "Belarus’", "don't", "Kyiv", "A", "the", "ministry",
]

texts = st.one_of(
    st.lists(st.sampled_from(PIECES), max_size=60).map("".join),
    st.text(alphabet=st.sampled_from(list("ab .,\n") + MARKS), max_size=80),
    st.text(max_size=60),
)

FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def check(text: str) -> None:
    quotes = find_quotes(text)
    last = -1
    for q in quotes:
        assert 0 <= q.start < q.end <= len(text)
        assert q.text == text[q.start:q.end]
        assert q.kind in KINDS
        assert q.start >= last, "quotes come in text order"
        last = q.start
        if q.open_mark is not None:
            assert 0 <= q.open_mark < q.start and text[q.open_mark] in "".join(MARKS)
        if q.close_mark is not None:
            assert q.close_mark == q.end and text[q.close_mark] in "".join(MARKS)
        if q.kind == "scare":
            assert q.speaker is None
        assert q.reason


@FUZZ
@given(texts)
def test_find_quotes_never_raises(text):
    check(text)


@FUZZ
@given(st.lists(st.sampled_from(MARKS + ["word", " ", "\n", "’s"]), max_size=120).map("".join))
def test_marks_never_overlap(text):
    marks = find_quote_marks(text)
    for a, b in zip(marks, marks[1:]):
        assert a.end <= b.start
    for m in marks:
        assert text[m.start:m.end].strip() or m.end > m.start


def test_known_nasty_cases():
    for text in ["“", "”", '"', "'", "‘’", "“”", '""', "“ ”", "“a", "a”", "“a “b” c”", "’a‘", "“\n”",
                 "“said”", "“x,” said", "said “", "\n\n“\n\n", "“[", "[“]”", "“" * 50, "”a" * 30,
                 "He said, ”", "“It,” he said. “", "so-called “", "According to “x”", "the two leaders said “a”"]:
        check(text)


_BLANK = None


def blank_doc(text):
    """A Doc from a blank English pipeline (sentences only, no parser): the kit's fallback."""
    global _BLANK
    if _BLANK is None:
        import spacy

        _BLANK = spacy.blank("en")
        _BLANK.add_pipe("sentencizer")
    return _BLANK(text)


@FUZZ
@given(texts)
def test_never_raises_without_a_parser(text):
    for q in find_quotes(blank_doc(text)):
        assert q.text == text[q.start:q.end] and q.kind in KINDS
        if q.kind == "scare":
            assert q.speaker is None
