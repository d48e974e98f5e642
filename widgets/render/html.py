"""Escaping, the named safe-HTML wrapper, and the one HTML table builder.

Article text is untrusted: a teacher may paste anything, and a hostile article may contain ``<script>``.
Every value that reaches HTML goes through :func:`escape`. The table builder escapes every cell by
itself; the only way to put markup into a cell is to wrap it, on purpose, in :class:`SafeHTML`.

>>> escape('<script>alert("x")</script>')
'&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;'
>>> table_html(["who", "said"], [["Kirby", "<b>no</b>"], ["Blinken", SafeHTML("<em>yes</em>")]])
'<table class="ml-table mathjax_ignore"><thead><tr><th>who</th><th>said</th></tr></thead><tbody><tr><td>Kirby</td><td>&lt;b&gt;no&lt;/b&gt;</td></tr><tr><td>Blinken</td><td><em>yes</em></td></tr></tbody></table>'
"""
from __future__ import annotations

import html as _html
from dataclasses import dataclass
from typing import Iterable, Sequence

_INVISIBLE = {
    "\u200b": "[ZWSP]",
    "\u200c": "[ZWNJ]",
    "\u200d": "[ZWJ]",
    "\u2060": "[WJ]",
    "\ufeff": "[BOM]",
    "\u202e": "[RLO]",
    "\u202d": "[LRO]",
    "\u2066": "[LRI]",
    "\u2067": "[RLI]",
    "\u2068": "[FSI]",
    "\u2069": "[PDI]",
    "\u202a": "[LRE]",
    "\u202b": "[RLE]",
    "\u202c": "[PDF]",
}


def escape(text) -> str:
    """Escape any value for HTML (``<``, ``>``, ``&`` and both quote marks).

    >>> escape("Xi & Putin's <b>summit</b>")
    'Xi &amp; Putin&#x27;s &lt;b&gt;summit&lt;/b&gt;'
    """
    return _html.escape(str(text), quote=True)


def escape_visible(text) -> str:
    """Escape, and show invisible or direction-changing characters as visible tags like ``[ZWSP]``.

    Zero-width and right-to-left control characters can hide or reorder text; a media-literate reader
    should see them.

    >>> escape_visible("peace\\u200bplan")
    'peace<span class="ml-invisible" title="invisible character">[ZWSP]</span>plan'
    """
    out = []
    for ch in str(text):
        tag = _INVISIBLE.get(ch)
        if tag:
            out.append(f'<span class="ml-invisible" title="invisible character">{tag}</span>')
        else:
            out.append(_html.escape(ch, quote=True))
    return "".join(out)


@dataclass(frozen=True)
class SafeHTML:
    """Markup the kit built itself from escaped pieces, put into a table cell as it is (not escaped again).

    Wrap only HTML that a render function returned: never article text, metadata or a student's answer.

    >>> html_of(SafeHTML("<em>left out</em>")), html_of("<em>left out</em>")
    ('<em>left out</em>', '&lt;em&gt;left out&lt;/em&gt;')
    """

    html: str


def html_of(value) -> str:
    """The HTML for one value: a :class:`SafeHTML`'s markup as it is, anything else escaped.

    >>> html_of(3), html_of("a < b")
    ('3', 'a &lt; b')
    """
    return value.html if isinstance(value, SafeHTML) else escape(value)


def table_html(
    headers: Sequence | None,
    rows: Iterable[Sequence],
    *,
    caption: str = "",
    row_headers: bool = False,
    css_class: str = "ml-table mathjax_ignore",
    cell_style: str = "",
) -> str:
    """An HTML table with every header and cell escaped (unless wrapped in :class:`SafeHTML`).

    Args:
        headers: the column headers, or ``None`` for a table without a header row.
        rows: one sequence of cell values per row.
        caption: a caption above the table (escaped).
        row_headers: the first cell of each row names the row (``<th scope="row">``); the column
            headers then say ``scope="col"``, so a screen reader can tell the two apart.
        css_class: the table's ``class`` (``mathjax_ignore`` stops JupyterLab typesetting "$5 ... $10").
        cell_style: an inline style for every cell in the body (e.g. ``text-align:left``).

    >>> print(table_html(None, [("words", "thugs")], row_headers=True, css_class="ml-table"))
    <table class="ml-table"><tbody><tr><th scope="row">words</th><td>thugs</td></tr></tbody></table>
    """
    cls = f' class="{escape(css_class)}"' if css_class else ""
    style = f' style="{escape(cell_style)}"' if cell_style else ""
    scope = ' scope="col"' if row_headers else ""
    cap = f"<caption>{escape(caption)}</caption>" if caption else ""
    head = ""
    if headers is not None:
        head = "<thead><tr>" + "".join(f"<th{scope}>{html_of(h)}</th>" for h in headers) + "</tr></thead>"
    body = []
    for row in rows:
        cells = []
        for n, value in enumerate(row):
            tag = "th" if row_headers and n == 0 else "td"
            row_scope = ' scope="row"' if tag == "th" else ""
            cells.append(f"<{tag}{row_scope}{style}>{html_of(value)}</{tag}>")
        body.append("<tr>" + "".join(cells) + "</tr>")
    return f'<table{cls}>{cap}{head}<tbody>{"".join(body)}</tbody></table>'


__all__ = ["SafeHTML", "escape", "escape_visible", "html_of", "table_html"]
