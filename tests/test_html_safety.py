"""Everything from an article or a data card that reaches HTML is escaped."""
from __future__ import annotations

from widgets.corpus import article_from_text
from widgets.render import Highlight, SafeHTML, escape_visible, legend_html, render_highlights, table_html
from widgets.render.corpus import data_card_html, mark_highlights
from widgets.views.corpus import ArticleBrowser

HOSTILE = ('<script>alert("x")</script> <img src=x onerror="alert(1)"> <a href="javascript:alert(2)">link</a> '
           '“quoted <b>bold</b> ‘inner’” \u202eevil\u202c zero\u200bwidth')


def _no_live_markup(html: str) -> None:
    for bad in ("<script", "<img", "<a href", "<b>"):
        assert bad not in html, bad


def test_render_highlights_escapes_text_labels_and_titles():
    html = render_highlights(HOSTILE, [Highlight(0, 30, '<script>label</script>', title='"><script>')])
    _no_live_markup(html)
    assert "&lt;script&gt;" in html


def test_invisible_and_direction_characters_are_shown():
    html = escape_visible("a\u202eb\u200bc")
    assert "[RLO]" in html and "[ZWSP]" in html and "\u202e" not in html


def test_overlapping_highlights_nest_and_keep_all_text():
    text = "abcdefghij"
    html = render_highlights(text, [Highlight(0, 6, "A", key="a"), Highlight(3, 9, "B", key="b")], include_style=False)
    assert html.count('data-key="a"') == 2 and html.count('data-key="b"') == 2
    import re

    assert re.sub(r"<span class=\"ml-label\">.*?</span>|<[^>]+>", "", html) == text


def test_tables_legends_and_data_cards_escape():
    _no_live_markup(table_html(["<b>"], [["<script>"]]))
    _no_live_markup(legend_html([("<script>", "#000", "solid")]))
    article = article_from_text(HOSTILE, id="hostile", title="<script>t</script>", notes="<img src=x>")
    _no_live_markup(data_card_html(article))


def test_the_one_table_builder_escapes_every_cell_unless_it_is_wrapped_on_purpose():
    from widgets.corpus import Corpus

    html = table_html(["<th>"], [["<script>x</script>", SafeHTML("<em>built by the kit</em>")]],
                      caption="<b>caption</b>", row_headers=True, cell_style='"><script>')
    _no_live_markup(html)
    assert "&lt;script&gt;x" in html and "<em>built by the kit</em>" in html and "&lt;th&gt;" in html
    hostile = article_from_text(HOSTILE, id="hostile", title="<script>t</script>", outlet="<b>o</b>")
    _no_live_markup(Corpus([hostile])._repr_html_())
    _no_live_markup(hostile.card._repr_html_())


def test_article_browser_shows_a_hostile_article_as_text():
    from widgets.corpus import Corpus

    article = article_from_text(HOSTILE, id="hostile", outlet='<b onmouseover="x">')
    browser = ArticleBrowser(Corpus([article]))
    for html in (browser.text.value, browser.card.value):
        _no_live_markup(html)
    assert len(mark_highlights(article)) == sum(HOSTILE.count(c) for c in "\"“”")


def test_kit_errors_show_without_a_traceback_in_ipython(capsys):
    from IPython.core.interactiveshell import InteractiveShell

    from widgets.errors import install_friendly_errors

    shell = InteractiveShell.instance()
    try:
        assert install_friendly_errors() is True
        shell.run_cell('from widgets import load_corpus\nload_corpus()["no-such-article"]')
        out = capsys.readouterr()
        text = out.out + out.err
        assert 'Problem: There is no article with the id "no-such-article". Fix: Use one of these ids:' in text
        assert "Traceback" not in text
    finally:
        InteractiveShell.clear_instance()
