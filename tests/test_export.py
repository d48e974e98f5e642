"""The offline HTML export: self-contained, script-free, escaped, with highlights and SVG charts."""
from __future__ import annotations

import re

import pytest

from widgets.corpus import article_from_text, load_corpus
from widgets.errors import KitError
from widgets.export import CSP, export_html

HOSTILE = ('Hostile <script>window.__pwned=1</script> <img src=x onerror="alert(1)"> '
           '<a href="javascript:alert(2)">x</a> “<b>We</b> will <script>never</script> yield,” Kirby said.')


def test_export_of_a_corpus_article_is_self_contained(tmp_path):
    article = load_corpus()["xi-invites-putin"]
    result = export_html(article, tmp_path / "report.html", report="Kirby gets the last word.")
    html = result.path.read_text(encoding="utf-8")
    assert result.charts == 2 and html.count("<img") == 2
    assert f'content="{CSP}"' in html
    assert "<script" not in html.lower()
    # Nothing is loaded from outside the file: only data: URIs, no http(s) sources or stylesheets.
    assert not re.search(r'(src|href)="(?!data:)', html)
    assert "malarkey" in html and "Kirby gets the last word." in html
    assert 'class="ml-mark"' in html and 'class="ml-label"' in html  # highlights carry labels, not colour alone


def test_a_hostile_article_and_report_show_as_text(tmp_path):
    article = article_from_text(HOSTILE, id="hostile", title="<script>alert('t')</script>")
    html = export_html(article, tmp_path / "h.html", report="<img src=x onerror=alert(3)>", charts=False)\
        .path.read_text(encoding="utf-8")
    assert "<script" not in html.lower() and "<img src=x" not in html and 'href="javascript' not in html
    assert "&lt;script&gt;window.__pwned=1&lt;/script&gt;" in html


def test_export_needs_an_article():
    with pytest.raises(KitError, match="needs an article"):
        export_html("just some text")


def test_an_unwritten_report_placeholder_is_not_printed(tmp_path):
    article = load_corpus()["xi-invites-putin"]
    html = export_html(article, tmp_path / "r.html", report=..., charts=False).path.read_text(encoding="utf-8")
    assert "Ellipsis" not in html and "(no report written yet)" in html
