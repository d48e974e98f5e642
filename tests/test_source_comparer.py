"""The SourceComparer view on any story: the automatic tables, the story's name, the teacher's lists
note, plain words, hostile text escaped, and bad input (one article, twenty, unrelated stories, an empty
article) giving a friendly message and no crash."""
from __future__ import annotations

import re

import pytest

from widgets.corpus import Corpus, article_from_text
from widgets.stories import load_story
from widgets.views.compare import SourceComparer


def _text(html: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", re.sub(r"<style>.*?</style>", "", html, flags=re.S)).split())


@pytest.fixture(scope="module")
def practice():
    story = load_story("practice-phone-ban", warn=False)
    return SourceComparer(story, article_ids=story.ids)


def test_practice_story_shows_the_automatic_tables(practice):
    assert "Quillhaven" in practice.title.value
    reporting = _text(practice.reporting.value)
    assert "Left out here, but most of the others report it" in reporting and "protesters gathered" in reporting
    assert "Jonah Featherstone" in _text(practice.quoted.value) and "not quoted" in practice.quoted.value
    words = _text(practice.word_choice.value)
    assert "“mob”" in words and "loaded:" in words and "“protesters”" in words
    pairs = _text(practice.pairs.value)
    assert "b leaves out the end of a's quote" in pairs.replace("&#x27;", "'") and "DIFFERENT SPEAKERS" in pairs
    assert not re.search(r"similarity \d", pairs)


def test_teacher_lists_that_match_nothing_get_one_line(practice):
    note = _text(practice.lists_note.value)
    assert "match nothing in these articles" in note and "automatic tables" in note
    assert practice.coverage.value == "" and practice.framing.value == ""
    assert practice.fact_menu.layout.display == "none"


def test_one_article_says_tick_two():
    view = SourceComparer(Corpus([article_from_text("The bridge reopened on Monday after repairs.", id="only")]))
    assert "Tick at least two articles" in view.status.value and "only one article" in view.status.value
    assert view.result is None and view.reporting.value == ""


def test_unrelated_articles_share_almost_nothing_and_no_matches_are_invented():
    corpus = Corpus([
        article_from_text("Heavy snow closed every school in Oslo on Tuesday, and trains into the city were cancelled.", id="snow"),
        article_from_text("The football club signed a new goalkeeper from Brazil for a record fee on Friday.", id="football"),
        article_from_text("A new bakery opened on the high street, selling sourdough bread and cinnamon buns.", id="bakery")])
    view = SourceComparer(corpus, article_ids=corpus.ids)
    assert "share almost nothing" in view.status.value
    assert not [s for s in view.result.reporting.statements if s.shared]
    assert "No different words for the same" in view.word_choice.value and view.result.aligned == ()
    assert "No story name" in view.title.value


def test_an_empty_article_gets_a_plain_message():
    corpus = Corpus([article_from_text("", id="empty"),
                     article_from_text("Heavy snow closed every school in Oslo on Tuesday.", id="snow")])
    view = SourceComparer(corpus, article_ids=corpus.ids)
    assert "Nothing to compare in empty" in view.status.value
    assert "Nothing to compare here" in view.reporting.value


def test_twenty_articles_are_compared_without_a_crash():
    texts = [f"Storm number {i} hit the coast of Brockley on Tuesday and closed {i + 2} schools, officials said. "
             f"“We are ready,” said Mayor Helen Ward." for i in range(20)]
    corpus = Corpus([article_from_text(t, id=f"a{i:02d}") for i, t in enumerate(texts)])
    view = SourceComparer(corpus, article_ids=corpus.ids)
    assert len(view.result.files) == 20 and view.errors.outputs == ()
    assert view.columns.value.count('class="ml-column"') == 20 and "flex-wrap:wrap" in view.columns.value


def test_hostile_text_is_escaped_everywhere():
    evil = '<script>alert("x")</script> <img src=x onerror=alert(1)>'
    a = article_from_text(f"Officials said 200 homes were evacuated in Brockley on Tuesday. {evil}", id="a",
                          story=evil)
    b = article_from_text(f"About 200 homes in Brockley were evacuated on Tuesday, officials said. {evil}", id="b")
    view = SourceComparer(Corpus([a, b]), article_ids=["a", "b"])
    for w in (view.title, view.status, view.reporting, view.quoted, view.word_choice, view.columns, view.pairs):
        assert "<script" not in w.value and "<img" not in w.value
    assert "&lt;script&gt;" in view.title.value
