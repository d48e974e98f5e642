"""LoadedLanguageHighlighter: see the loaded words in an article, by category and by voice.

>>> view = LoadedLanguageHighlighter(article_id="xi-invites-putin")
>>> view.model.article_id, view.model.voice
('xi-invites-putin', 'both')
>>> "malarkey" in view.text.value
True
>>> view.model.voice = "narrator"          # narrator only: Kirby's "malarkey" is hidden
>>> 'title="loaded language: malarkey' in view.text.value
False
>>> view.model.categories = ("slogan",)    # one category only
>>> sorted({m.category for m in view.visible_matches()})
['slogan']
"""
from __future__ import annotations

import ipywidgets as W
import traitlets

from ..corpus import Corpus
from ..lexicon import CATEGORIES
from ..loaded import LoadedMatch
from ..render.corpus import NO_ARTICLES, skipped_html
from ..render.loaded import (CATEGORY_STYLES, HighlightedText, article_html, category_label, category_legend,
                             match_choice_label, match_details_html, match_highlight, sentiment_strip_html,
                             show_loaded)
from .choices import on_choice, show_choices
from .models import LoadedModel

VOICE_CHOICES = (("narrator and quotes", "both"), ("narrator only", "narrator"), ("quotes only", "quote"))


class LoadedLanguageHighlighter(W.VBox):
    """Choose an article; toggle categories and voices; pick a highlight to see why it is marked."""

    def __init__(self, corpus: Corpus | None = None, *, article_id: str | None = None):
        self.model = m = LoadedModel(corpus, article_id=article_id)
        self.corpus = m.corpus
        self.chooser = W.Dropdown(options=[(a.label, a.id) for a in self.corpus], value=m.article_id or None,
                                  description="Article:",
                                  layout=W.Layout(width="32em"), style={"description_width": "initial"})
        self.toggles = {c: W.Checkbox(value=c in m.categories, description=category_label(c), indent=False,
                                      layout=W.Layout(width="19em")) for c in CATEGORIES}
        self.voice = W.ToggleButtons(options=VOICE_CHOICES, description="Voice:",
                                     style={"description_width": "initial", "button_width": "12.5em"})
        self.legend = W.HTML()
        self.text = W.HTML()
        self.selector = W.Select(options=[], rows=9, layout=W.Layout(width="30em"))
        self.details = W.HTML(layout=W.Layout(width="40em", margin="0 0 0 1em"))
        self.strip = W.HTML()
        self.errors = W.Output()

        # widgets -> model
        if m.article_id:
            traitlets.link((m, "article_id"), (self.chooser, "value"))
        traitlets.link((m, "voice"), (self.voice, "value"))
        capture = self.errors.capture()
        for category, checkbox in self.toggles.items():
            checkbox.observe(capture(lambda change, c=category: m.show_category(c, change["new"])), names="value")
        on_choice(self.selector, lambda v: setattr(m, "selected", v), capture=capture)
        # model -> drawing
        m.observe(capture(self._draw_boxes), names=["categories", "counts"])
        m.observe(capture(self._draw_legend), names="categories")
        m.observe(capture(self._draw_list), names=["visible", "selected"])
        m.observe(capture(self._draw_text), names=["article_id", "categories", "voice", "selected"])
        m.observe(capture(self._draw_strip), names="scores")

        super().__init__([
            W.HTML(skipped_html(self.corpus.skipped)),
            self.chooser,
            W.HTML("<b>Categories</b> (tick to show; Tab and Space work too):"),
            W.GridBox(list(self.toggles.values()), layout=W.Layout(grid_template_columns="repeat(4, 19em)")),
            self.voice,
            W.HTML("<b>Highlights</b> (choose one to see why it is marked):"),
            W.HBox([self.selector, self.details]),
            self.legend, self.text, W.HTML("<b>Sentence by sentence</b> (TextBlob):"), self.strip, self.errors,
        ])
        self.render()

    # -- the model's state, for notebooks and tests ---------------------------------------------------
    def matches(self) -> list[LoadedMatch]:
        """All highlights in the current article's body."""
        return list(self.model.matches)

    def visible_matches(self) -> list[LoadedMatch]:
        """The highlights that pass the category and voice filters."""
        return list(self.model.visible)

    # -- drawing --------------------------------------------------------------------------------------
    def render(self) -> None:
        """Redraw the boxes, the legend, the list of highlights, the text and the sentence strip."""
        self._draw_boxes()
        self._draw_legend()
        self._draw_list()
        self._draw_text()
        self._draw_strip()

    def _draw_boxes(self, _change=None) -> None:
        for category, checkbox in self.toggles.items():
            checkbox.description = f"{category_label(category)} ({self.model.counts.get(category, 0)})"
            checkbox.value = category in self.model.categories  # its callback then finds nothing to change

    def _draw_legend(self, _change=None) -> None:
        self.legend.value = category_legend(self.model.categories) if self.model.article_id else ""

    def _draw_list(self, _change=None) -> None:
        options = [(match_choice_label(mt), i) for i, mt in enumerate(self.model.visible)]
        show_choices(self.selector, options, self.model.selected)
        self.details.value = match_details_html(self.model.chosen)

    def _draw_text(self, _change=None) -> None:
        article, selected = self.model.article, self.model.selected
        if article is None:
            self.text.value = NO_ARTICLES
            return
        highlights = [match_highlight(mt, i, selected=(i == selected)) for i, mt in enumerate(self.model.visible)]
        self.text.value = article_html(article, highlights)

    def _draw_strip(self, _change=None) -> None:
        self.strip.value = sentiment_strip_html(list(self.model.scores)) if self.model.article_id else ""


__all__ = ["CATEGORY_STYLES", "HighlightedText", "LoadedLanguageHighlighter", "LoadedModel", "category_label",
           "match_details_html", "match_highlight", "sentiment_strip_html", "show_loaded"]
