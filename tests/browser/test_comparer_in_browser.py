"""Lesson 03's SourceComparer on the practice story, in a real browser: the automatic tables show, long
texts wrap inside their columns, and a hostile article compared with the practice story runs nothing."""
from __future__ import annotations

import sys

from labtools import PANEL, ROOT, WIDGET_ROOTS, cell_errors, open_notebook, run_all_cells, screenshot, write_notebook

sys.path.insert(0, str(ROOT / "tests" / "hostile"))
from make_hostile import HOSTILE_ID  # noqa: E402

sys.path.pop(0)

DANGER_JS = """root => [...root.querySelectorAll('script, iframe, object, embed, img')].map(e => e.tagName)
    .concat([...root.querySelectorAll('*')].flatMap(e => [...e.attributes].filter(a => a.name.startsWith('on'))
    .map(a => e.tagName + ' ' + a.name)))"""
#: Columns or table cells whose text runs past their right edge (cut off, or a sideways scroll).
OVERFLOW_JS = """root => [...root.querySelectorAll('.ml-column, .ml-compare td, .ml-compare th')]
    .filter(e => e.scrollWidth > e.clientWidth + 2).length"""


def _practice_view(page):
    views = page.locator(WIDGET_ROOTS).filter(has_text="Quillhaven")
    assert views.count() >= 1, "lesson 03 shows no comparer on the practice story"
    return views.first


def _open_tab(view, title: str) -> None:
    view.get_by_role("tab", name=title).click()
    view.page.wait_for_timeout(300)


def test_lesson_03_comparer_on_the_practice_story(page, lab):
    original = (ROOT / "lessons" / "03-source-comparison.ipynb").read_bytes()
    open_notebook(page, lab, "lessons/03-source-comparison.ipynb", workspace="test-comparer-03")
    try:
        run_all_cells(page)
        assert not cell_errors(page)
        view = _practice_view(page)
        view.scroll_into_view_if_needed()
        assert "Practice story" in view.locator("h3").first.text_content()
        _open_tab(view, "Shared and missing reporting")
        left_out = view.locator(".ml-statement[data-left-out='quillhaven-courier']")
        assert left_out.count() >= 1 and left_out.first.is_visible()
        assert "left out" in left_out.first.text_content() and "protest" in view.text_content()
        _open_tab(view, "Word choice")
        words = view.text_content()
        assert "“mob”" in words and "loaded:" in words
        _open_tab(view, "Quotes side by side")
        assert "leaves out the end of a's quote" in view.text_content()
        assert "similarity" not in view.text_content()
        assert view.evaluate(OVERFLOW_JS) == 0, "a column or cell of the comparer cuts its text off"
        _open_tab(view, "Teacher's lists")
        assert "match nothing in these articles" in view.text_content()
        screenshot(page, "comparer-practice-story", element=view)
    finally:
        (ROOT / "lessons" / "03-source-comparison.ipynb").write_bytes(original)


def test_hostile_article_beside_the_practice_story_runs_nothing(page, scratch_lab):
    path = write_notebook(scratch_lab.root / "comparer-hostile.ipynb", [
        "from widgets import load_corpus\nfrom widgets.corpus import Corpus\nfrom widgets.stories import load_story\n"
        "from widgets.views import SourceComparer\n"
        f"corpus = Corpus([load_corpus()[{HOSTILE_ID!r}], *load_story('practice-phone-ban')])\n"
        "SourceComparer(corpus, article_ids=corpus.ids)"])
    open_notebook(page, scratch_lab, path.name, workspace="test-comparer-hostile")
    run_all_cells(page)
    assert not cell_errors(page)
    view = page.locator(WIDGET_ROOTS).first
    for title in ("Shared and missing reporting", "Who is quoted", "Word choice", "Quotes side by side", "Teacher's lists"):
        _open_tab(view, title)
        assert view.evaluate(DANGER_JS) == [], title
    assert page.evaluate("() => window.__pwned") is None
    assert page.locator(PANEL).count() == 1
