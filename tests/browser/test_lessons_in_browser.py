"""Every lesson in a real browser: open it in JupyterLab, run all cells, and check what a student sees.

For each notebook in lessons/ (found at collection time, so new lessons are covered automatically):
no cell shows an error; every widget view draws; choosing another article and ticking a filter change
what is highlighted; every Altair chart draws (canvas or SVG) with the network blocked; and a screenshot
goes to tests/artifacts/.
"""
from __future__ import annotations

import re
from pathlib import Path

import nbformat
import pytest

from labtools import (
    ARTIFACTS,
    all_text,
    LESSONS,
    cell_errors,
    open_notebook,
    run_all_cells,
    screenshot,
    stderr_texts,
    view_signature,
    wait_for_change,
)

NOTEBOOKS = sorted(LESSONS.glob("*.ipynb"))
WIDGET_MIME = "application/vnd.jupyter.widget-view+json"
VEGA_MIMES = ("application/vnd.vegalite.v5+json", "application/vnd.vega.v5+json")

PANEL = ".jp-NotebookPanel:not(.lm-mod-hidden)"
WIDGET_ROOTS = f"{PANEL} .jp-OutputArea-output > .jupyter-widgets"
CHARTS = f"{PANEL} .jp-RenderedVegaLite, {PANEL} .jp-RenderedVega"
CHART_DRAWN = ".vega-embed .chart-wrapper canvas, .vega-embed .chart-wrapper svg.marks"


def stored_outputs(path: Path) -> tuple[int, int]:
    """How many code cells of the lesson show a widget view, and how many charts, in its stored outputs."""
    nb = nbformat.read(path, as_version=4)
    widgets = charts = 0
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        mimes = [m for out in cell.get("outputs", []) for m in out.get("data", {})]
        widgets += WIDGET_MIME in mimes
        charts += sum(m in VEGA_MIMES for m in mimes)
    return widgets, charts


def article_dropdown(view):
    """The view's visible article menu (its label says Article), else its first visible dropdown, else None."""
    menus = [m for m in view.locator(".widget-dropdown").all() if m.is_visible()]
    for menu in menus:
        if re.search(r"article", menu.locator("label").first.text_content() or "", re.I):
            return menu.locator("select")
    return menus[0].locator("select") if menus else None


def choose_another(select) -> str:
    """Choose the next option of a <select> (with the mouse, as a student would); return its text."""
    options = all_text(select.locator("option"))
    current = select.evaluate("s => s.selectedIndex")
    target = (current + 1) % len(options)
    select.select_option(index=target)
    return options[target]


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_lesson_runs_and_draws_in_the_browser(page, lab, notebook):
    expected_widgets, expected_charts = stored_outputs(notebook)
    (ARTIFACTS / f"FAILED-lesson-{notebook.stem}.png").unlink(missing_ok=True)
    original = notebook.read_bytes()
    open_notebook(page, lab, f"lessons/{notebook.name}", workspace=f"test-{notebook.stem}")
    try:
        run_all_cells(page)

        errors = cell_errors(page)
        assert not errors, f"{notebook.name}: a cell shows an error:\n" + "\n---\n".join(e[:2000] for e in errors)
        unnumbered = all_text(page.locator(f"{PANEL} .jp-CodeCell .jp-InputPrompt"))
        assert all(re.search(r"\[\d+\]", p) for p in unnumbered), f"{notebook.name}: some cells did not run: {unnumbered}"

        # Widget views: each one draws (no "Error displaying widget"), with controls or highlighted text.
        views = page.locator(WIDGET_ROOTS)
        assert views.count() >= expected_widgets, (
            f"{notebook.name}: {expected_widgets} widget views expected, {views.count()} drawn")
        page_text = all_text(page.locator(PANEL))[0]
        assert "Error displaying widget" not in page_text and "Loading widget..." not in page_text
        for i in range(views.count()):
            view = views.nth(i)
            view.scroll_into_view_if_needed()
            box = view.bounding_box()
            assert box and box["height"] > 20, f"{notebook.name}: widget view {i} has no size"
            assert view.locator("select, input, button, .ml-text").count(), f"{notebook.name}: widget view {i} is empty"

        # Choosing another article, and ticking a filter, change what is highlighted.
        for i in range(views.count()):
            view = views.nth(i)
            view.scroll_into_view_if_needed()
            if not view.locator(".ml-text, .widget-html-content").count():
                continue  # e.g. the Save-my-work buttons: nothing highlighted to change
            select = article_dropdown(view)
            if select is not None and select.locator("option").count() > 1:
                before = view_signature(view)
                chosen = choose_another(select)
                after = wait_for_change(view, before)
                assert after != before, f"{notebook.name}: choosing '{chosen}' in view {i} changed nothing"
            boxes = [b for b in view.locator("input[type=checkbox]").all() if b.is_visible()]
            if boxes:
                before = view_signature(view)
                boxes[0].click()
                after = wait_for_change(view, before)
                assert after != before, f"{notebook.name}: ticking a box in view {i} changed nothing"
                assert after[0] != before[0] or after[1] != before[1]
            assert not cell_errors(page), f"{notebook.name}: using view {i} shows an error: {cell_errors(page)}"

        # Charts: every stored chart draws here, offline, with no Vega error.
        charts = page.locator(CHARTS)
        assert charts.count() >= expected_charts, f"{notebook.name}: {expected_charts} charts expected, {charts.count()} shown"
        for i in range(charts.count()):
            chart = charts.nth(i)
            chart.scroll_into_view_if_needed()
            chart.locator(CHART_DRAWN).first.wait_for(state="attached", timeout=15_000)
            text = all_text(chart)[0]
            assert not re.search(r"error|unrecognized|invalid", text, re.I), f"{notebook.name}: chart {i} says: {text[:300]}"

        # A screenshot at the first view (or chart) for the record.
        first = views.first if views.count() else (charts.first if charts.count() else None)
        screenshot(page, f"lesson-{notebook.stem}", element=first)
        warnings = [t for t in stderr_texts(page) if t.strip()]
        if warnings:
            print(f"{notebook.name}: stderr output a student sees (not errors):", *warnings, sep="\n  ")
    except Exception:
        screenshot(page, f"FAILED-lesson-{notebook.stem}")
        raise
    finally:
        lab.shutdown_kernels()
    assert notebook.read_bytes() == original, f"Running {notebook.name} in the browser changed the file."
    assert not (LESSONS / ".ipynb_checkpoints").exists(), "JupyterLab wrote checkpoints into lessons/."
