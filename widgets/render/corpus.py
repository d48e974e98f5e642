"""How an article is drawn on its own: its data card, its quotation marks and its appended parts.

>>> from widgets.corpus import article_from_text
>>> [h.label for h in mark_highlights(article_from_text('He said "no" and “yes”.'))]
['" straight', '" straight', '“ opens', '” closes']
"""
from __future__ import annotations

from typing import Sequence

from ..corpus import Article, Problem
from .highlights import Highlight
from .html import escape, table_html

#: How each kind of mark is drawn: (label, colour, underline).
MARK_STYLES = {
    '"': ('" straight', "#0072B2", "dotted"),
    "“": ("“ opens", "#009E73", "solid"),
    "”": ("” closes", "#E69F00", "dashed"),
}
OUTSIDE_STYLE = ("#999999", "double")
#: What a view shows when no article could be loaded.
NO_ARTICLES = "<p>No articles were loaded. Run <code>medialit check</code> to see why.</p>"


def mark_highlights(article: Article) -> list[Highlight]:
    """Highlights for every double quotation mark, and for the text outside the article body.

    >>> from widgets.corpus import article_from_text
    >>> [h.key for h in mark_highlights(article_from_text("A “b”. Related", body_ends_before="Related"))]
    ['outside-end', 'mark-2', 'mark-4']
    """
    out = []
    if article.body_start > 0:
        out.append(Highlight(0, article.body_start, "before the body: headline, navigation", *OUTSIDE_STYLE, key="outside-top"))
    if article.body_end < len(article.raw):
        out.append(Highlight(article.body_end, len(article.raw), "appended: not part of the article", *OUTSIDE_STYLE, key="outside-end"))
    for i, ch in enumerate(article.raw):
        style = MARK_STYLES.get(ch)
        if style:
            out.append(Highlight(i, i + 1, *style, key=f"mark-{i}"))
    return out


def skipped_html(skipped: Sequence[Problem]) -> str:
    """A visible note for each article a view left out (``corpus.analysable().skipped``), or ``""``.

    The words are the ones ``medialit check`` prints for the same article.

    >>> print(skipped_html([Problem("warning", "big", "This article is too long.", "Split it.")]))
    <div class="ml-note" role="note"><p><strong>Skipped article big:</strong> This article is too long. Fix: Split it.</p></div>
    >>> skipped_html([])
    ''
    """
    if not skipped:
        return ""
    notes = "".join(f"<p><strong>Skipped article {escape(p.where)}:</strong> {escape(p.message)}"
                    + (f" Fix: {escape(p.fix)}" if p.fix else "") + "</p>" for p in skipped)
    return f'<div class="ml-note" role="note">{notes}</div>'


def data_card_html(article: Article) -> str:
    """The article's data card as an escaped HTML table.

    >>> from widgets.corpus import article_from_text
    >>> "&lt;b&gt;" in data_card_html(article_from_text("Text.", id="toy", title="<b>"))
    True
    """
    return table_html(["field", "value"], [("id", article.id), *article.card.rows()], caption=f"Data card: {article.id}")


__all__ = ["MARK_STYLES", "NO_ARTICLES", "OUTSIDE_STYLE", "data_card_html", "mark_highlights", "skipped_html"]
