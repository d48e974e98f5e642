"""Model resolution (with and without a model), the parse cache, and TextBlob sentence scores."""
from __future__ import annotations

import io

import pytest

from widgets import nlp
from widgets.corpus import load_corpus
from widgets.errors import KitError


@pytest.fixture
def fresh_pipeline(monkeypatch):
    """Let a test resolve the pipeline anew; restore the normal one afterwards."""
    stream = io.StringIO()
    nlp.set_notice_stream(stream)
    yield stream
    monkeypatch.undo()
    nlp.load_pipeline(reload=True)
    nlp.set_notice_stream(None)


def test_default_resolution_uses_the_pypi_model(fresh_pipeline, monkeypatch):
    monkeypatch.delenv(nlp.MODEL_ENV_VAR, raising=False)
    loaded = nlp.load_pipeline(reload=True)
    info = nlp.pipeline_info()
    assert info.has_parser and info.has_entities and "parser" in loaded.pipe_names
    assert info.name in nlp.MODEL_CANDIDATES
    notice = fresh_pipeline.getvalue().strip().splitlines()
    assert len(notice) == 1 and info.name in notice[0]


def test_environment_variable_comes_first(fresh_pipeline, monkeypatch):
    monkeypatch.setenv(nlp.MODEL_ENV_VAR, "blank")
    loaded = nlp.load_pipeline(reload=True)
    assert loaded.pipe_names == ["sentencizer"]


def test_unknown_model_in_environment_falls_through_with_a_note(fresh_pipeline, monkeypatch):
    monkeypatch.setenv(nlp.MODEL_ENV_VAR, "xx_no_such_model")
    nlp.load_pipeline(reload=True)
    out = fresh_pipeline.getvalue()
    assert "xx_no_such_model" in out and "not installed" in out
    assert nlp.pipeline_info().has_parser


def test_without_any_model_a_blank_pipeline_with_a_visible_notice(fresh_pipeline, monkeypatch):
    monkeypatch.delenv(nlp.MODEL_ENV_VAR, raising=False)
    monkeypatch.setattr(nlp, "MODEL_CANDIDATES", ("xx_missing_one", "xx_missing_two"))
    loaded = nlp.load_pipeline(reload=True)
    assert loaded.pipe_names == ["sentencizer"]
    notice = fresh_pipeline.getvalue().strip().splitlines()
    assert len(notice) == 1 and "blank English pipeline" in notice[0] and "requirements.txt" in notice[0]
    doc = nlp.parse("Kirby said no. Blinken said yes.")
    assert len(list(doc.sents)) == 2 and not nlp.has_parser(doc)
    assert nlp.sentence_scores(doc)  # TextBlob still works


def test_pipeline_loads_once():
    assert nlp.load_pipeline() is nlp.load_pipeline()


def test_parse_caches_by_text_and_never_reparses(monkeypatch):
    article = load_corpus()["xi-invites-putin"]
    first = nlp.parse(article)
    calls = []
    pipeline = nlp.load_pipeline()
    monkeypatch.setattr(type(pipeline), "__call__", lambda self, text, **kw: calls.append(text))
    assert nlp.parse(article) is first
    assert nlp.parse(article.raw) is first
    assert calls == []
    assert first._.article_id == "xi-invites-putin"


def test_parse_corpus_fills_the_cache_in_one_batch():
    nlp.clear_cache()
    docs = nlp.parse_corpus(load_corpus())
    assert set(docs) == set(load_corpus().ids) and nlp.cache_size() == 5
    assert all(docs[a.id].text == a.raw for a in load_corpus())


def test_cache_is_bounded():
    nlp.clear_cache()
    for i in range(nlp.CACHE_SIZE + 5):
        nlp.parse(f"Sentence number {i}.")
    assert nlp.cache_size() == nlp.CACHE_SIZE


def test_parse_rejects_wrong_types_and_huge_texts():
    with pytest.raises(KitError, match="article or a string"):
        nlp.parse(42)
    with pytest.raises(KitError, match="at most 1,000,000"):
        nlp.parse("x" * (nlp.MAX_CHARACTERS + 1))


def test_sentence_scores_give_the_words_behind_each_score():
    scores = nlp.sentence_scores("The crackdown was brutal. The talks lasted three hours.")
    assert [s.text for s in scores] == ["The crackdown was brutal.", "The talks lasted three hours."]
    assert scores[0].polarity < 0 and scores[0].assessments[0][0] == "brutal"
    assert scores[1].assessments == ()
    text = "The crackdown was brutal. The talks lasted three hours."
    assert all(text[s.start:s.end] == s.text for s in scores)
