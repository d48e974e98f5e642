"""The marking widget inside lesson 04 (exercise 4.4) in JupyterLab: mark with the mouse and the keyboard,
compare, save with the lesson's Save-my-work cell, kill the kernel and reload the page, load the work back:
the marks are restored. The lesson is copied into the scratch folder so that saving never writes into the
repository; the page fixture fails the test on any request outside 127.0.0.1.
"""
from __future__ import annotations

import json
import shutil

from labtools import LESSONS, PANEL, cell_errors, open_notebook, run_all_cells, screenshot, select_cell_of
from test_marking_in_browser import TEXT, _marked, _wait_marked, _word

LESSON = "04-loaded-language.ipynb"
ARTICLE = "presidents-meet-us-targets"


def test_lesson_04_marks_compare_save_reload_and_load_back(page, scratch_lab, tmp_path):
    lab = scratch_lab
    shutil.copy(LESSONS / LESSON, lab.root / LESSON)
    saved = lab.root / "my-medialit-work.json"
    saved.unlink(missing_ok=True)
    try:
        open_notebook(page, lab, LESSON, workspace="lesson-04-marking")
        run_all_cells(page)
        assert not cell_errors(page), cell_errors(page)
        page.wait_for_selector(f"{TEXT} .ml-word")
        assert _marked(page) == []
        _word(page, "staggering").click()                      # the mouse
        _wait_marked(page, ["staggering"])
        view = page.locator(f"{PANEL} .ml-marking-widget").first
        select_cell_of(page, view)                              # the keyboard
        for _ in range(40):
            page.keyboard.press("Tab")
            if page.evaluate("() => document.activeElement.classList.contains('ml-marking-text')"):
                break
        else:
            raise AssertionError("Tab never reached the text of 4.4")
        page.keyboard.press("Home")
        page.keyboard.press("ArrowRight")
        page.keyboard.press("ArrowRight")                       # on "hypocrisy"
        page.keyboard.press("Space")
        _wait_marked(page, ["staggering", "hypocrisy"])
        view.locator("button", has_text="Compare").click()
        page.wait_for_selector(f"{TEXT}.ml-comparing .ml-tool")
        status = view.locator(".ml-marking-status").first.text_content()
        assert "You and the key agree on 2 of" in status, status
        screenshot(page, "lesson-04-marking-compare", element=view)

        page.locator(f"{PANEL} button", has_text="Save my work").click()
        page.wait_for_function("() => [...document.querySelectorAll('.widget-html-content')].some(e => e.textContent.startsWith('Saved'))")
        spans = json.loads(saved.read_text(encoding="utf-8"))["marks"][ARTICLE]["loaded"]["spans"]
        assert [s["text"] for s in spans] == ["staggering hypocrisy"]
        keep = tmp_path / "downloaded.json"
        keep.write_bytes(saved.read_bytes())

        lab.shutdown_kernels()                                  # the Binder session dies
        saved.unlink()
        page.reload(wait_until="domcontentloaded")
        page.wait_for_selector(f"{PANEL} .jp-Notebook .jp-Cell", timeout=60_000)
        run_all_cells(page)
        page.wait_for_selector(f"{TEXT} .ml-word")
        assert _marked(page) == [], "a fresh kernel should start with nothing marked"
        with page.expect_file_chooser() as chooser:
            page.locator(f"{PANEL} .widget-upload").first.click()
        chooser.value.set_files(str(keep))
        _wait_marked(page, ["staggering", "hypocrisy"], timeout_ms=20_000)
        assert not cell_errors(page), cell_errors(page)
        screenshot(page, "lesson-04-marking-restored", element=view)
    finally:
        lab.shutdown_kernels()
        (lab.root / LESSON).unlink(missing_ok=True)
        saved.unlink(missing_ok=True)


def test_lesson_02_marks_a_quote_gives_it_a_speaker_and_compares(page, scratch_lab):
    lab = scratch_lab
    name = "02-quote-spotting.ipynb"
    shutil.copy(LESSONS / name, lab.root / name)
    try:
        open_notebook(page, lab, name, workspace="lesson-02-marking")
        run_all_cells(page)
        assert not cell_errors(page), cell_errors(page)
        page.wait_for_selector(f"{TEXT} .ml-word")
        view = page.locator(f"{PANEL} .ml-marking-widget").first
        box = view.locator("input[type=text]").first               # "Who said it", typed by the student
        box.fill("Alexander Lukashenko")
        box.press("Enter")
        start, end = _word(page, "Only").bounding_box(), _word(page, "it", 1).bounding_box()
        page.mouse.move(start["x"] + 2, start["y"] + start["height"] / 2)
        page.mouse.down()
        page.mouse.move(end["x"] + end["width"] / 2, end["y"] + end["height"] / 2, steps=8)
        page.mouse.up()
        quote = "Only the United States needs this massacre, only they want it".replace(",", "").split()
        page.wait_for_function(
            """([sel, n]) => document.querySelectorAll(sel + ' .ml-word.ml-you').length === n""", arg=[TEXT, len(quote)])
        view.locator("button", has_text="Compare").click()
        page.wait_for_selector(f"{TEXT}.ml-comparing .ml-tool")
        status = view.locator(".ml-marking-status").first.text_content()
        assert "you say Alexander Lukashenko" in status, status
        screenshot(page, "lesson-02-marking-compare", element=view)
    finally:
        lab.shutdown_kernels()
        (lab.root / name).unlink(missing_ok=True)
