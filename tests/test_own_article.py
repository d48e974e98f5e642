"""A teacher's own article: drop a .txt into data/articles/ and every check, view, chart and command uses it.

Works on a copy of data/ (through MEDIALIT_DATA), never on the kit's own data/.
"""
from __future__ import annotations

import json
import shutil
import warnings
from pathlib import Path

import pytest

from widgets.cli import main
from widgets.corpus import default_data_dir, load_corpus

NEW_ARTICLE = (
    "Minister meets envoy over grain deal\n\n"
    "The foreign minister met the envoy on Friday. “We will never accept this so-called compromise,” "
    "the minister said after the talks.\n"
    "Critics called the plan a disaster. “It is a reasonable first step,” Blinken said.\n"
)


@pytest.fixture
def teacher_data(tmp_path, monkeypatch):
    data = tmp_path / "data"
    shutil.copytree(default_data_dir(), data)
    (data / "articles" / "my-article.txt").write_text(NEW_ARTICLE, encoding="utf-8")
    monkeypatch.setenv("MEDIALIT_DATA", str(data))
    return data


def test_check_accepts_it_with_a_warning_only(teacher_data, capsys):
    assert main(["check"]) == 0
    out = capsys.readouterr().out
    assert "my-article.txt" in out and "no data card" in out and "0 errors" in out


def test_every_view_offers_and_draws_it(teacher_data):
    from widgets.views import ArticleBrowser, LoadedLanguageHighlighter, QuoteSpotter, SourceComparer

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        corpus = load_corpus()
    assert corpus.ids[-1] == "my-article" and corpus["my-article"].outlet == "unknown"
    for cls in (ArticleBrowser, QuoteSpotter, LoadedLanguageHighlighter):
        view = cls(corpus, article_id="my-article")
        assert view.model.article_id == "my-article"
        html = view.text.value if hasattr(view, "text") else ""
        assert "envoy" in html, cls.__name__
    comparer = SourceComparer(corpus)
    assert "my-article" in comparer.model.known_ids


def test_charts_include_it(teacher_data):
    from widgets.charts.corpus import stats_rows
    from widgets.charts.loaded import density_rows
    from widgets.charts.quotes import quote_rows

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        corpus = load_corpus()
    assert any(r["article"] == "my-article" for r in stats_rows(corpus))
    assert any("my-article" in json.dumps(r) for r in quote_rows(corpus))
    assert any("my-article" in json.dumps(r) for r in density_rows(corpus))


def test_commands_work_on_it(teacher_data, capsys):
    path = str(teacher_data / "articles" / "my-article.txt")
    raw = open(path, encoding="utf-8").read()
    assert main(["quotes", "--json", path]) == 0
    quotes = json.loads(capsys.readouterr().out)
    assert len(quotes) == 2 and quotes[-1]["speaker"] == "Antony Blinken"  # the speaker table applies too
    assert all(raw[q["start"]:q["end"]] == q["text"] for q in quotes)
    assert main(["loaded", "--json", path]) == 0
    loaded = json.loads(capsys.readouterr().out)
    assert any(m["text"] == "so-called" for m in loaded)
    other = str(teacher_data / "articles" / "blinken-diplomatic-cover.txt")
    assert main(["compare", "--json", path, other]) == 0
    assert json.loads(capsys.readouterr().out)["files"] == [path, other]
