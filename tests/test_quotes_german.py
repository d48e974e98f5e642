"""German quotation marks („...“ and ‚...‘) pair up, and English texts are unchanged (issue 13 item 8)."""
from __future__ import annotations

from widgets.corpus import load_corpus
from widgets.quotes import find_quote_marks, find_quotes

GERMAN = ("„Wir werden das nicht hinnehmen“, sagte Scholz am Montag. Die Regierung sprach von einem "
          "„Friedensplan“, den niemand ernst nehme. „Das ist eine Farce“, fügte er hinzu, und ein ‚Plan‘ "
          "sei das nicht.\n„Wir bleiben dabei.\n„Auch morgen“, sagte er.")


def test_german_quotes_pair_and_nothing_between_them_is_a_quote():
    spans = [GERMAN[m.start:m.end] for m in find_quote_marks(GERMAN)]
    assert spans == ["Wir werden das nicht hinnehmen", "Friedensplan", "Das ist eine Farce", "Plan",
                     "Wir bleiben dabei.", "Auch morgen"]
    quotes = find_quotes(GERMAN)
    assert [q.text for q in quotes] == spans
    assert all(GERMAN[q.start - 1] in "„‚" and q.text == GERMAN[q.start:q.end] for q in quotes)
    assert not any(q.text.startswith(",") for q in quotes)


def test_a_german_quote_reopened_on_the_next_paragraph_is_one_quotation():
    text = "„Wir bleiben dabei,\n„und zwar lange“, sagte er."
    marks = find_quote_marks(text)
    assert [(text[m.start:m.end], m.reopened) for m in marks] == [("Wir bleiben dabei,", False),
                                                                  ("und zwar lange", True)]


def test_english_curly_quotes_are_unchanged():
    text = "He said “yes” and ‘no’; Xi’s “plan”. “Again,” he said."
    assert [text[m.start:m.end] for m in find_quote_marks(text)] == ["yes", "no", "plan", "Again,"]


def test_the_english_corpus_has_no_german_marks_so_its_quotes_cannot_change():
    """The German rule only acts after „ or ‚; the kit's articles have none (the quote key test and the
    fuzz tests check the rest)."""
    assert not any(c in a.raw for a in load_corpus(warn=False) for c in "„‚")
