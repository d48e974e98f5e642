"""Charts stay interactive offline: hovering a bar in JupyterLab shows Vega's tooltip with the article."""
from __future__ import annotations

from labtools import PANEL, cell_errors, open_notebook, run_all_cells, screenshot

CHART = f"{PANEL} .jp-RenderedVegaLite"
TOOLTIP = "#vg-tooltip-element.visible"


def test_hovering_a_bar_shows_its_tooltip(page, lab):
    open_notebook(page, lab, "lessons/01-meet-the-corpus.ipynb", workspace="test-tooltips")
    try:
        run_all_cells(page)
        assert not cell_errors(page)
        chart = page.locator(CHART).first
        chart.scroll_into_view_if_needed()
        drawn = chart.locator(".vega-embed canvas, .vega-embed svg.marks").first
        drawn.wait_for(state="visible", timeout=15_000)
        box = drawn.bounding_box()
        found = ""
        # Sweep the mouse over the chart until it rests on a bar (the bars start at each panel's left edge).
        for y in range(int(box["y"]) + 5, int(box["y"] + box["height"]), 6):
            for x in range(int(box["x"]) + 5, int(box["x"] + box["width"]), 12):
                page.mouse.move(x, y)
                tip = page.locator(TOOLTIP)
                if tip.count() and tip.first.is_visible():
                    found = tip.first.inner_text()
                    break
            if found:
                break
        screenshot(page, "tooltip-lesson-01", element=chart)
        assert found, "no tooltip appeared anywhere over the chart"
        assert "article" in found and "value" in found, found
        assert any(article in found for article in ("blinken", "xi-", "presidents")), found
    finally:
        lab.shutdown_kernels()
