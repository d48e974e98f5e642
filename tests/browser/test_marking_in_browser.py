"""The marking widget and the class view in a real browser (JupyterLab in Chromium, network blocked).

A student marks words with the mouse (click, click again to unmark, drag across words) and with the
keyboard alone (the keys the README lists), compares with the tool and the key, saves with the
WorkSaver's button; then the kernel dies (as on Binder), the page is reloaded, the notebook runs again
with nothing marked, the saved file is loaded back with the *Load saved work* button, and the marks are
there again. A teacher's notebook shows the class view and its chart, and the class view's HTML page is
opened as a file. The page fixture fails any test whose page tried to reach anything but 127.0.0.1.
"""
from __future__ import annotations

import json

import pytest

from labtools import PANEL, ROOT, cell_errors, open_notebook, run_all_cells, screenshot, select_cell_of, write_notebook

ARTICLE = "presidents-meet-us-targets"
CELLS = [
    f"from widgets.views import MarkingWidget, WorkSaver\nw = MarkingWidget({ARTICLE!r}, paragraph=6)\nw",
    "WorkSaver()",
]
TEXT = f"{PANEL} .ml-marking-text"


def _words(page):
    return page.locator(f"{TEXT} .ml-word")


def _marked(page) -> list[str]:
    return page.locator(f"{TEXT} .ml-word.ml-you").all_text_contents()


def _wait_marked(page, expected: list[str], timeout_ms: int = 10_000) -> None:
    page.wait_for_function(
        """([sel, want]) => JSON.stringify([...document.querySelectorAll(sel + ' .ml-word.ml-you')].map(w => w.textContent))
                           === JSON.stringify(want)""", arg=[TEXT, expected], timeout=timeout_ms)


def _word(page, text: str, nth: int = 0):
    return _words(page).filter(has_text=text).nth(nth)


@pytest.fixture(scope="module")
def marking_lab(scratch_lab):
    path = write_notebook(scratch_lab.root / "marking.ipynb", CELLS)
    saved = scratch_lab.root / "my-medialit-work.json"
    saved.unlink(missing_ok=True)
    yield scratch_lab
    path.unlink(missing_ok=True)


def test_mark_with_mouse_and_keyboard_compare_save_reload_and_load_back(page, marking_lab, tmp_path):
    lab = marking_lab
    open_notebook(page, lab, "marking.ipynb", workspace="marking")
    run_all_cells(page)
    assert not cell_errors(page), cell_errors(page)
    page.wait_for_selector(f"{TEXT} .ml-word")
    assert _marked(page) == []

    # ----- the mouse: click marks, a second click unmarks, a drag marks every word it crosses -----------
    _word(page, "staggering").click()
    _wait_marked(page, ["staggering"])
    _word(page, "staggering").click()
    _wait_marked(page, [])
    _word(page, "staggering").click()
    _wait_marked(page, ["staggering"])
    start, end = _word(page, "far").bounding_box(), _word(page, "presidents").bounding_box()
    page.mouse.move(start["x"] + 2, start["y"] + start["height"] / 2)
    page.mouse.down()
    page.mouse.move(end["x"] + end["width"] / 2, end["y"] + end["height"] / 2, steps=8)
    page.mouse.up()
    dragged = ["far", "more", "appropriate", "for", "a", "string", "of", "US", "presidents"]
    _wait_marked(page, ["staggering", *dragged])

    # ----- the keyboard alone: Tab into the text, arrows, Space, Shift+arrow, Enter, Home/End ---------
    view = page.locator(f"{PANEL} .ml-marking-widget").first
    select_cell_of(page, view)
    for _ in range(40):
        page.keyboard.press("Tab")
        if page.evaluate("() => document.activeElement.classList.contains('ml-marking-text')"):
            break
    else:
        raise AssertionError("Tab never reached the text")
    cells_before = page.locator(f"{PANEL} .jp-Cell").count()
    page.keyboard.press("Home")
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowRight")                 # on "hypocrisy"
    page.keyboard.press("Space")
    _wait_marked(page, ["staggering", "hypocrisy", *dragged])
    page.keyboard.press("Shift+ArrowRight")           # marks "the" as the cursor moves onto it
    _wait_marked(page, ["staggering", "hypocrisy", "the", *dragged])
    page.keyboard.press("Enter")                      # Enter unmarks "the" again
    _wait_marked(page, ["staggering", "hypocrisy", *dragged])
    page.keyboard.press("End")
    page.keyboard.press("Space")
    _wait_marked(page, ["staggering", "hypocrisy", *dragged, "including"])
    page.keyboard.press("Space")
    _wait_marked(page, ["staggering", "hypocrisy", *dragged])
    for key in ("d", "d", "a", "b", "x", "ArrowDown"):  # notebook shortcuts do nothing while marking
        page.keyboard.press(key)
    assert page.locator(f"{PANEL} .jp-Cell").count() == cells_before, "a key pressed in the text changed the notebook"
    assert page.evaluate("() => document.activeElement.classList.contains('ml-marking-text')")
    cursor = page.locator(f"{TEXT} .ml-cursor")
    assert cursor.count() == 1 and cursor.text_content() == "including"
    outline = cursor.evaluate("e => getComputedStyle(e).outlineStyle + ' ' + getComputedStyle(e).outlineWidth")
    assert outline.startswith("solid") and not outline.endswith(" 0px"), f"no visible focus on the word: {outline}"
    area_label = page.locator(TEXT).get_attribute("aria-label")
    assert page.locator(TEXT).get_attribute("role") == "listbox" and "arrows" in area_label
    assert _word(page, "hypocrisy").get_attribute("aria-selected") == "true"

    # ----- compare: three layers at once, labels, one line per place, agreement in words --------------
    page.locator(f"{PANEL} button", has_text="Compare").click()
    page.wait_for_selector(f"{TEXT}.ml-comparing .ml-tool")
    assert page.locator(f"{TEXT} .ml-key").count() >= 11 and page.locator(f"{TEXT} .ml-keyno").count() == 1
    labels = page.locator(f"{TEXT} .ml-label").all_text_contents()
    assert "you + tool + key" in labels
    status = page.locator(f"{PANEL} .ml-marking-status").first.text_content()
    assert "You and the key agree on 11 of 11 words" in status
    assert '"alleged"' not in status  # nobody marked it; the key's "not counted" shows on the text only
    assert page.locator(f"{TEXT} .ml-word", has_text="alleged").get_attribute("title") == "marked by: the key does not count it"
    tool_style = _word(page, "hypocrisy").evaluate("e => getComputedStyle(e).borderTopStyle")
    key_style = _word(page, "hypocrisy").evaluate("e => getComputedStyle(e).borderBottomStyle")
    assert (tool_style, key_style) == ("dashed", "dotted"), "layers must differ in pattern, not only colour"
    screenshot(page, "marking-compare", element=view)

    # ----- save with the button ------------------------------------------------------------------------
    page.locator(f"{PANEL} button", has_text="Save my work").click()
    page.wait_for_function("() => [...document.querySelectorAll('.widget-html-content')].some(e => e.textContent.startsWith('Saved'))")
    saved = lab.root / "my-medialit-work.json"
    spans = json.loads(saved.read_text(encoding="utf-8"))["marks"][ARTICLE]["loaded"]["spans"]
    assert [s["text"] for s in spans] == ["staggering hypocrisy", "far more appropriate for a string of US presidents"]
    keep = tmp_path / "downloaded.json"
    keep.write_bytes(saved.read_bytes())

    # ----- the kernel dies (Binder), the page is reloaded, nothing is marked, the file is loaded back ---
    lab.shutdown_kernels()
    saved.unlink()
    page.reload(wait_until="domcontentloaded")
    page.wait_for_selector(f"{PANEL} .jp-Notebook .jp-Cell", timeout=60_000)
    run_all_cells(page)
    assert not cell_errors(page), cell_errors(page)
    page.wait_for_selector(f"{TEXT} .ml-word")
    assert _marked(page) == [], "a fresh kernel should start with nothing marked"
    with page.expect_file_chooser() as chooser:    # the Load saved work button opens the file chooser
        page.locator(f"{PANEL} .widget-upload").first.click()
    chooser.value.set_files(str(keep))
    _wait_marked(page, ["staggering", "hypocrisy", *dragged], timeout_ms=20_000)
    message = page.locator(f"{PANEL} .widget-html-content").all_text_contents()
    assert any("1 set of marks" in m for m in message), message
    screenshot(page, "marking-restored", element=view)


def test_class_view_in_a_teachers_notebook(page, scratch_lab):
    write_notebook(scratch_lab.root / "class-view.ipynb", [
        "from widgets.classreport import SAMPLE_CLASS, class_report\nreport = class_report(SAMPLE_CLASS)\nreport",
        "report.chart(anonymous=True)",
    ])
    open_notebook(page, scratch_lab, "class-view.ipynb", workspace="class-view")
    run_all_cells(page)
    assert not cell_errors(page), cell_errors(page)
    page.wait_for_selector(f"{PANEL} .ml-class .ml-para")
    text = page.locator(f"{PANEL} .ml-class").first.text_content()
    assert "Left out (5)" in text and "truncated.json" in text and "Alex Kim (made up)" in text
    page.wait_for_selector(f"{PANEL} .vega-embed .chart-wrapper canvas, {PANEL} .vega-embed .chart-wrapper svg.marks")
    screenshot(page, "class-view-notebook")
    scratch_lab.shutdown_kernels()


def test_class_view_page_opens_offline_with_no_script(browser_context, tmp_path):
    from widgets.classreport import SAMPLE_CLASS, class_report

    report = class_report(SAMPLE_CLASS)
    data = json.loads((SAMPLE_CLASS / "alex-kim.json").read_text(encoding="utf-8"))
    assert data["student"] in report.text()
    path = report.save_html(tmp_path / "class.html", anonymous=True)
    page = browser_context.new_page()
    try:
        page.goto(path.as_uri())
        page.wait_for_load_state("load")
        assert page.title() == f"Class view: {ARTICLE} (loaded words) (anonymous)"
        body = page.locator("body").text_content()
        assert "Student 1" in body and "Alex Kim" not in body and "Krippendorff" in body
        assert page.locator(".ml-para").count() == 2 and page.locator(".ml-count").count() > 10
        size = page.locator("img").evaluate("i => [i.naturalWidth, i.naturalHeight]")
        assert size[0] > 300 and size[1] > 300, "the chart image did not draw"
        assert page.evaluate("() => document.scripts.length") == 0
        page.screenshot(path=str(ROOT / "tests" / "artifacts" / "class-view-page.png"), full_page=True)
    finally:
        page.close()
