"""ArticleBrowser: read each article with its data card, its quotation marks and its appended parts marked.

>>> browser = ArticleBrowser(article_id="xi-invites-putin")
>>> browser.model.article_id
'xi-invites-putin'
>>> "appended" in browser.text.value
True
"""
from __future__ import annotations

import ipywidgets as W
import traitlets

from ..corpus import Corpus
from ..render import STYLE, legend_html, render_highlights
from ..render.corpus import MARK_STYLES, NO_ARTICLES, OUTSIDE_STYLE, data_card_html, mark_highlights
from .models import ArticleModel


class ArticleBrowser(W.VBox):
    """Choose an article; see its data card and its text, with quotation marks and appended parts marked."""

    def __init__(self, corpus: Corpus | None = None, *, article_id: str | None = None):
        self.model = ArticleModel(corpus, article_id=article_id)
        self.corpus = self.model.corpus
        self.chooser = W.Dropdown(options=[(a.label, a.id) for a in self.corpus], value=self.model.article_id or None,
                                  description="Article:",
                                  layout=W.Layout(width="32em"), style={"description_width": "initial"})
        self.marks = W.Checkbox(value=self.model.show_marks, description="mark quotation marks", indent=False)
        self.card = W.HTML()
        self.legend = W.HTML(legend_html([*MARK_STYLES.values(), ("not part of the article", *OUTSIDE_STYLE)])
                             if self.model.article_id else "")
        self.text = W.HTML()
        self.errors = W.Output()
        if self.model.article_id:
            traitlets.link((self.model, "article_id"), (self.chooser, "value"))
        traitlets.link((self.model, "show_marks"), (self.marks, "value"))
        capture = self.errors.capture()
        self.model.observe(capture(self._draw_card), names="article_id")
        self.model.observe(capture(self._draw_text), names=["article_id", "show_marks"])
        super().__init__([W.HBox([self.chooser, self.marks]), self.card, self.legend, self.text, self.errors])
        self.render()

    def render(self) -> None:
        """Redraw the card and the text for the current model state."""
        self._draw_card()
        self._draw_text()

    def _draw_card(self, _change=None) -> None:
        article = self.model.article
        self.card.value = STYLE + data_card_html(article) if article is not None else ""

    def _draw_text(self, _change=None) -> None:
        article = self.model.article
        self.text.value = render_highlights(article.raw, self.model.highlights) if article is not None else NO_ARTICLES


__all__ = ["ArticleBrowser", "ArticleModel", "data_card_html", "mark_highlights"]
