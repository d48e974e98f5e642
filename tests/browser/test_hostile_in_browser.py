"""A hostile article in every view and HTML output, in a real browser: nothing runs, everything shows as text.

JupyterLab runs with ``MEDIALIT_DATA`` set to a temporary copy of data/ plus the hostile article of
tests/hostile/make_hostile.py (script tags, event-handler attributes, ``javascript:`` links, quotation marks
and angle brackets inside quotes, a 25,000-character line, right-to-left and zero-width characters, dollar
signs that MathJax could take for LaTeX) with a data card whose every field is hostile too. Each payload
would set ``window.__pwned`` and change ``document.title`` if it ran.

Every view listed in ``widgets.views._VIEWS`` that exists shows the hostile article; then every visible
control is used (menus, lists, check boxes, toggle buttons, tabs), so every way a view redraws is seen.
"""
from __future__ import annotations

import sys

import pytest

from labtools import (
    PANEL,
    ROOT,
    WIDGET_ROOTS,
    cell_errors,
    existing_views,
    open_notebook,
    run_all_cells,
    screenshot,
    views_notebook,
)

sys.path.insert(0, str(ROOT / "tests" / "hostile"))
from make_hostile import HOSTILE_CARD, HOSTILE_ID, LOOKALIKES, PAYLOADS  # noqa: E402

sys.path.pop(0)

VIEWS = existing_views()

#: HTML outputs other than views (exports and rich displays) that show the hostile article or its card.
EXTRA_CELLS = [
    "from widgets import load_corpus\ncorpus = load_corpus()\ncorpus",
    f"corpus[{HOSTILE_ID!r}].card",
    f"from widgets.views.loaded import show_loaded\nshow_loaded(corpus[{HOSTILE_ID!r}])",
    "from widgets.compare import compare\nfrom widgets.views.compare import pairs_report\n"
    f"pairs_report(compare([corpus[{HOSTILE_ID!r}], corpus['xi-invites-putin']]), corpus=corpus)",
    f"from widgets.exercises import check\ncheck('1.1', {PAYLOADS[0]!r})",
    "from widgets.charts.corpus import corpus_overview_chart, quote_marks_chart\ncorpus_overview_chart(corpus)",
    "quote_marks_chart(corpus)",
    # The one HTML export (lesson 05): a file written next to this temporary notebook, opened below.
    "from widgets.export import export_html\n"
    f"export_html(corpus[{HOSTILE_ID!r}], 'exports/hostile.html', report={PAYLOADS[0] + ' My report.'!r}, corpus=corpus)",
]

#: Attributes and elements that would run script if article text ever became markup.
DANGER_JS = """root => {
    const found = [];
    for (const el of root.querySelectorAll('*')) {
        const tag = el.tagName.toLowerCase();
        if (['script', 'iframe', 'object', 'embed', 'img', 'plan'].includes(tag)) found.push('<' + tag + '>');
        for (const a of el.attributes) {
            const name = a.name.toLowerCase(), value = (a.value || '').toLowerCase();
            if (name.startsWith('on')) found.push(tag + ' ' + name);
            if (['href', 'src', 'xlink:href', 'action', 'formaction', 'style', 'srcdoc'].includes(name)
                && value.includes('javascript:')) found.push(tag + ' ' + name + '=javascript:');
        }
    }
    return found;
}"""

#: The text a highlighted view shows, with the visible labels removed and the [ZWSP]-style tags turned
#: back into the characters they stand for, so it can be compared with the article itself.
SHOWN_TEXT_JS = """el => {
    const names = {'[ZWSP]': '\\u200b', '[ZWNJ]': '\\u200c', '[ZWJ]': '\\u200d', '[WJ]': '\\u2060', '[BOM]': '\\ufeff',
                   '[RLO]': '\\u202e', '[LRO]': '\\u202d', '[LRI]': '\\u2066', '[RLI]': '\\u2067', '[FSI]': '\\u2068',
                   '[PDI]': '\\u2069', '[LRE]': '\\u202a', '[RLE]': '\\u202b', '[PDF]': '\\u202c'};
    return [...el.querySelectorAll('.ml-text')].map(t => {
        const copy = t.cloneNode(true);
        copy.querySelectorAll('.ml-label').forEach(l => l.remove());
        copy.querySelectorAll('.ml-invisible').forEach(i => i.replaceWith(names[i.textContent] || i.textContent));
        return copy.textContent;
    });
}"""


@pytest.fixture(scope="module")
def hostile_page(browser_context, blocked, scratch_lab):
    views_notebook(scratch_lab.root / "hostile.ipynb", VIEWS, article_id=HOSTILE_ID, extra=EXTRA_CELLS)
    n = len(blocked.urls)
    page = browser_context.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.dialogs = dialogs  # type: ignore[attr-defined]
    try:
        open_notebook(page, scratch_lab, "hostile.ipynb", workspace="hostile")
        run_all_cells(page)
    except Exception:
        screenshot(page, "FAILED-hostile")
        raise
    yield page
    page.close()
    scratch_lab.shutdown_kernels()
    assert not blocked.since(n), f"The page tried to reach the network: {blocked.since(n)[:5]}"


def assert_nothing_ran(page, where: str) -> None:
    pwned = page.evaluate("() => [window.__pwned, document.title]")
    assert pwned[0] is None, f"{where}: an injected script ran (window.__pwned = {pwned[0]!r})"
    assert "PWNED" not in pwned[1], f"{where}: an injected script changed the page title to {pwned[1]!r}"
    assert not page.dialogs, f"{where}: a dialog opened: {page.dialogs}"
    outputs = page.locator(f"{PANEL} .jp-OutputArea")
    found = [f for i in range(outputs.count()) for f in outputs.nth(i).evaluate(DANGER_JS)]
    assert not found, f"{where}: live markup from the article reached the page: {sorted(set(found))}"


def use_every_control(page, view) -> int:
    """Click every visible check box, toggle button and tab, and choose up to 4 options in every menu or
    list; return how many things were used."""
    used = 0
    for kind in ("input[type=checkbox]", "button.widget-toggle-button", ".lm-TabBar-tab"):
        for control in view.locator(kind).all():
            if control.is_visible():
                control.click()
                used += 1
                page.wait_for_timeout(150)
    for select in view.locator("select").all():
        if not select.is_visible():
            continue
        n = select.locator("option").count()
        for index in list(range(min(n, 4)))[::-1]:
            select.select_option(index=index)
            used += 1
            page.wait_for_timeout(150)
    return used


def test_hostile_article_runs_nothing_and_every_cell_ran(hostile_page):
    page = hostile_page
    assert not cell_errors(page), f"the hostile article makes a cell fail: {cell_errors(page)}"
    assert_nothing_ran(page, "after running the notebook")
    charts = page.locator(f"{PANEL} .vega-embed .chart-wrapper canvas, {PANEL} .vega-embed .chart-wrapper svg.marks")
    assert charts.count() >= 2, "the charts of a corpus with the hostile article did not draw"


def test_invisible_characters_are_visible(hostile_page):
    texts = hostile_page.locator(f"{PANEL} .ml-text").all_text_contents()
    assert any("[ZWSP]" in t and "[RLO]" in t for t in texts), "zero-width and right-to-left characters are not shown"


def test_dollar_signs_are_not_typeset_as_maths(hostile_page):
    page = hostile_page
    typeset = page.locator(f"{PANEL} .jp-OutputArea mjx-container, {PANEL} .jp-OutputArea .MathJax").evaluate_all(
        """els => els.map(e => {
            const cell = e.closest('.jp-CodeCell');
            const source = cell ? cell.querySelector('.jp-InputArea-editor').textContent.slice(0, 80) : '?';
            const math = e.getAttribute('aria-label') || e.textContent;
            return `cell "${source}": typeset ${JSON.stringify(math.slice(0, 80))} in ${e.parentElement.className}`;
        })""")
    assert not typeset, "MathJax typeset article text ($ signs) as mathematics: " + "; ".join(typeset)


def test_very_long_line_wraps_inside_the_view(hostile_page):
    page = hostile_page
    overflow = page.locator(f"{PANEL} .ml-text").evaluate_all(
        "els => els.filter(e => e.offsetParent !== null).map(e => [e.scrollWidth, e.clientWidth])")
    wide = [o for o in overflow if o[0] > o[1] + 2]
    assert not wide, (f"a 25,000-character line overflows the text box (scrollWidth, clientWidth): {wide}; "
                      "fix: add overflow-wrap:anywhere to .ml-text in widgets/render/highlights.py STYLE")


def test_hostile_article_in_the_html_export(hostile_page, scratch_lab, browser_context):
    """The exported report page, opened as a file the way a student opens a download: nothing runs."""
    path = scratch_lab.root / "exports" / "hostile.html"
    assert path.exists(), "export_html did not write the file"
    page = browser_context.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    try:
        page.goto(path.as_uri())
        page.wait_for_load_state("load")
        page.mouse.move(300, 300)
        assert page.evaluate("() => window.__pwned") is None, "an injected script ran in the export"
        assert page.title() == f"{HOSTILE_CARD['title']}: media-literacy report", "the page title is not the literal title"
        assert not dialogs, dialogs
        live = [f for f in page.locator("body").evaluate(DANGER_JS)
                if f != "<img>"]  # charts are <img src="data:image/svg+xml...">, checked next
        assert not live, f"live markup from the article reached the export: {sorted(set(live))}"
        srcs = page.locator("img").evaluate_all("els => els.map(e => e.getAttribute('src').slice(0, 26))")
        assert all(s == "data:image/svg+xml;base64," for s in srcs), srcs
        texts = [page.locator("body").text_content(), *page.locator("body").evaluate(SHOWN_TEXT_JS)]
        for payload in PAYLOADS[1:] + (PAYLOADS[0] + " My report.",):
            assert any(payload in t for t in texts), f"the export does not show {payload!r} as text"
        page.screenshot(path=str(ROOT / "tests" / "artifacts" / "hostile-export.png"))
    finally:
        page.close()


@pytest.mark.parametrize("name", VIEWS)
def test_hostile_article_shows_as_text_in_view(hostile_page, name):
    page = hostile_page
    view = page.locator(WIDGET_ROOTS).nth(VIEWS.index(name))
    view.scroll_into_view_if_needed()
    view.evaluate("el => el.scrollIntoView({block: 'start'})")
    screenshot(page, f"hostile-{name}")
    shown = view.evaluate(SHOWN_TEXT_JS)
    if shown:  # a highlighted text: every payload of the body shows literally, character for character
        for payload in PAYLOADS[1:] + LOOKALIKES[:1]:
            assert any(payload in text for text in shown), f"{name} does not show {payload!r} as text"
    label = f"{HOSTILE_CARD['outlet']} ({HOSTILE_ID})"
    options = view.evaluate("el => [...el.querySelectorAll('option')].map(o => o.textContent.replace(/\\u00a0/g, ' '))")
    if any(HOSTILE_ID in o for o in options):
        assert label in options, f"{name}: the menu does not show the hostile outlet literally: {options}"
    used = use_every_control(page, view)
    assert_nothing_ran(page, f"{name} after using {used} controls")
    assert not cell_errors(page), f"{name}: using the view with the hostile article shows an error: {cell_errors(page)}"
