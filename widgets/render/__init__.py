"""The render layer: everything that turns analysis results into HTML, with no ipywidgets.

Views (``widgets.views``), charts (``widgets.charts``) and the offline export (``widgets.export``) all
draw with it, so a highlight looks the same everywhere and every piece of text is escaped in one place.

- ``widgets.render.html``: :func:`escape`, :class:`SafeHTML` and the one table builder :func:`table_html`;
- ``widgets.render.highlights``: the palette, :class:`Highlight` and the one span renderer
  :func:`render_highlights` (colour *and* underline *and* label, never colour alone), legends;
- ``widgets.render.corpus``, ``.quotes``, ``.loaded``, ``.compare``: each analysis's highlights, labels
  and tables (import them by module: they import the analysis they draw).

>>> from widgets.render import Highlight, render_highlights, table_html
>>> "&lt;script&gt;" in render_highlights("<script>", [Highlight(0, 8, "tag")])
True
"""
from __future__ import annotations

from .highlights import PALETTE, STYLE, UNDERLINES, Highlight, legend_html, render_highlights, style_for
from .html import SafeHTML, escape, escape_visible, html_of, table_html
from ..wording import shorten  # the one way text is shortened (at a word, with " …"), re-exported for views

__all__ = [
    "Highlight",
    "PALETTE",
    "STYLE",
    "SafeHTML",
    "UNDERLINES",
    "escape",
    "escape_visible",
    "html_of",
    "legend_html",
    "render_highlights",
    "shorten",
    "style_for",
    "table_html",
]
