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

from ..corpus import Corpus, load_corpus
from ..render import STYLE, legend_html, render_highlights
from ..render.corpus import MARK_STYLES, OUTSIDE_STYLE, data_card_html, mark_highlights

class ArticleModel(traitlets.HasTraits):
    """Which article is shown and whether quotation marks are marked."""

    article_id = traitlets.Unicode()
    show_marks = traitlets.Bool(True)


class ArticleBrowser(W.VBox):
    """Choose an article; see its data card and its text, with quotation marks and appended parts marked."""

    def __init__(self, corpus: Corpus | None = None, *, article_id: str | None = None):
        self.corpus = corpus if corpus is not None else load_corpus()
        ids = list(self.corpus.ids)
        self.model = ArticleModel(article_id=article_id or (ids[0] if ids else ""))
        self.chooser = W.Dropdown(options=[(a.label, a.id) for a in self.corpus], value=self.model.article_id or None,
                                  description="Article:",
                                  layout=W.Layout(width="32em"), style={"description_width": "initial"})
        self.marks = W.Checkbox(value=self.model.show_marks, description="mark quotation marks", indent=False)
        self.card = W.HTML()
        self.legend = W.HTML()
        self.text = W.HTML()
        self.errors = W.Output()
        traitlets.link((self.chooser, "value"), (self.model, "article_id"))
        traitlets.link((self.marks, "value"), (self.model, "show_marks"))
        self.model.observe(self._on_change, names=["article_id", "show_marks"])
        super().__init__([W.HBox([self.chooser, self.marks]), self.card, self.legend, self.text, self.errors])
        self.render()

    def _on_change(self, change) -> None:
        with self.errors:
            self.render()

    def render(self) -> None:
        """Redraw the card and the text for the current model state."""
        if not self.model.article_id:
            self.text.value = "<p>No articles were loaded. Run <code>medialit check</code> to see why.</p>"
            return
        article = self.corpus[self.model.article_id]
        highlights = mark_highlights(article)
        if not self.model.show_marks:
            highlights = [h for h in highlights if h.key.startswith("outside")]
        self.card.value = STYLE + data_card_html(article)
        self.legend.value = legend_html([(label, colour, line) for label, colour, line in MARK_STYLES.values()]
                                        + [("not part of the article", *OUTSIDE_STYLE)])
        self.text.value = render_highlights(article.raw, highlights)


__all__ = ["ArticleBrowser", "ArticleModel", "data_card_html", "mark_highlights"]
