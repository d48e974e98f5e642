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

from ..corpus import Corpus, load_corpus
from ..lexicon import CATEGORIES
from ..loaded import LoadedMatch, find_loaded
from ..nlp import SentenceScore, sentence_scores
from ..render import render_highlights
from ..render.loaded import (CATEGORY_STYLES, HighlightedText, category_label, category_legend, match_choice_label,
                             match_details_html, match_highlight, sentiment_strip_html, show_loaded)

VOICE_CHOICES = (("narrator and quotes", "both"), ("narrator only", "narrator"), ("quotes only", "quote"))
class LoadedModel(traitlets.HasTraits):
    """What the highlighter shows: one article, some categories, one voice filter, a selected highlight."""

    article_id = traitlets.Unicode()
    categories = traitlets.Tuple(default_value=tuple(CATEGORIES))
    voice = traitlets.Enum(["both", "narrator", "quote"], default_value="both")
    selected = traitlets.Int(-1)

    @traitlets.validate("categories")
    def _known_categories(self, proposal):
        unknown = [c for c in proposal["value"] if c not in CATEGORIES]
        if unknown:
            raise traitlets.TraitError(f"Unknown categories {unknown}; choose from: {', '.join(CATEGORIES)}.")
        return tuple(c for c in CATEGORIES if c in proposal["value"])


class LoadedLanguageHighlighter(W.VBox):
    """Choose an article; toggle categories and voices; pick a highlight to see why it is marked."""

    def __init__(self, corpus: Corpus | None = None, *, article_id: str | None = None):
        self.corpus = corpus if corpus is not None else load_corpus()
        ids = list(self.corpus.ids)
        self.model = LoadedModel(article_id=article_id or (ids[0] if ids else ""))
        self._matches: dict[str, list[LoadedMatch]] = {}
        self._scores: dict[str, list[SentenceScore]] = {}
        self._shown: list[LoadedMatch] = []
        self._syncing = False
        self.chooser = W.Dropdown(options=[(a.label, a.id) for a in self.corpus], description="Article:",
                                  layout=W.Layout(width="32em"), style={"description_width": "initial"})
        self.toggles = {c: W.Checkbox(value=True, description=category_label(c), indent=False,
                                      layout=W.Layout(width="19em")) for c in CATEGORIES}
        self.voice = W.ToggleButtons(options=VOICE_CHOICES, description="Voice:",
                                     style={"description_width": "initial", "button_width": "12.5em"})
        self.legend = W.HTML()
        self.text = W.HTML()
        self.selector = W.Select(options=[], rows=9, layout=W.Layout(width="30em"))
        self.details = W.HTML(layout=W.Layout(width="40em", margin="0 0 0 1em"))
        self.strip = W.HTML()
        self.errors = W.Output()
        traitlets.link((self.model, "article_id"), (self.chooser, "value"))
        traitlets.link((self.model, "voice"), (self.voice, "value"))
        for checkbox in self.toggles.values():
            checkbox.observe(self._on_toggle, names="value")
        self.selector.observe(self._on_select, names="value")
        self.model.observe(self._on_change, names=["article_id", "categories", "voice"])
        self.model.observe(self._on_selected, names="selected")
        super().__init__([
            self.chooser,
            W.HTML("<b>Categories</b> (tick to show; Tab and Space work too):"),
            W.GridBox(list(self.toggles.values()), layout=W.Layout(grid_template_columns="repeat(4, 19em)")),
            self.voice,
            W.HTML("<b>Highlights</b> (choose one to see why it is marked):"),
            W.HBox([self.selector, self.details]),
            self.legend, self.text, W.HTML("<b>Sentence by sentence</b> (TextBlob):"), self.strip, self.errors,
        ])
        self.render()

    # -- state -> widgets ---------------------------------------------------------------------------
    def matches(self) -> list[LoadedMatch]:
        """All highlights in the current article's body (computed once per article)."""
        article_id = self.model.article_id
        if article_id not in self._matches:
            article = self.corpus[article_id]
            self._matches[article_id] = [m for m in find_loaded(article) if article.in_body(m.start, m.end)]
        return self._matches[article_id]

    def visible_matches(self) -> list[LoadedMatch]:
        """The highlights that pass the category and voice filters."""
        wanted = set(self.model.categories)
        voice = self.model.voice
        return [m for m in self.matches() if m.category in wanted and (voice == "both" or m.voice == voice)]

    def render(self) -> None:
        """Redraw the legend, the text, the list of highlights and the sentence strip."""
        if not self.model.article_id:
            self.text.value = "<p>No articles were loaded. Run <code>medialit check</code> to see why.</p>"
            return
        article = self.corpus[self.model.article_id]
        self._shown = self.visible_matches()
        counts = {c: sum(m.category == c for m in self.matches()) for c in CATEGORIES}
        self._syncing = True  # setting the boxes from the model must not feed back into the model
        try:
            for category, checkbox in self.toggles.items():
                checkbox.description = f"{category_label(category)} ({counts[category]})"
                checkbox.value = category in self.model.categories
        finally:
            self._syncing = False
        self.legend.value = category_legend(self.model.categories)
        self.selector.options = [(match_choice_label(m), i) for i, m in enumerate(self._shown)]
        self.model.selected = -1
        self.details.value = match_details_html(None)
        self._draw_text()
        if article.id not in self._scores:
            body_scores = [s for s in sentence_scores(article) if article.in_body(s.start, s.end)]
            self._scores[article.id] = body_scores
        self.strip.value = sentiment_strip_html(self._scores[article.id])

    def _draw_text(self) -> None:
        article = self.corpus[self.model.article_id]
        highlights = [match_highlight(m, i, selected=(i == self.model.selected)) for i, m in enumerate(self._shown)]
        self.text.value = render_highlights(article.body, highlights, base_offset=article.body_start)

    # -- callbacks (short, errors shown in self.errors) ---------------------------------------------
    def _on_toggle(self, change) -> None:
        if self._syncing:
            return
        with self.errors:
            self.model.categories = tuple(c for c, box in self.toggles.items() if box.value)

    def _on_change(self, change) -> None:
        with self.errors:
            self.render()

    def _on_select(self, change) -> None:
        with self.errors:
            self.model.selected = -1 if change["new"] is None else int(change["new"])

    def _on_selected(self, change) -> None:
        with self.errors:
            index = self.model.selected
            self.details.value = match_details_html(self._shown[index] if 0 <= index < len(self._shown) else None)
            self._draw_text()


__all__ = ["CATEGORY_STYLES", "HighlightedText", "LoadedLanguageHighlighter", "LoadedModel", "category_label", "match_details_html",
           "match_highlight", "sentiment_strip_html", "show_loaded"]
