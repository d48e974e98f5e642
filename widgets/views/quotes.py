"""QuoteSpotter: every quotation in an article, highlighted by speaker, with how the speaker was found.

Choose an article; filter by speaker, affiliation and kind; pick a quote in the list (arrow keys work)
to see its cue and the rule that found its speaker; switch between the highlighted text and a table.

>>> spotter = QuoteSpotter(article_id="blinken-rights-report")
>>> spotter.model.kind = "scare"
>>> len(spotter.visible_quotes())
0
>>> spotter.model.kind = "direct"
>>> spotter.model.speaker = "Erin Barclay"
>>> [q.text[:20] for q in spotter.visible_quotes()]
['Organ harvesting has', 'We will continue to ']
"""
from __future__ import annotations

import ipywidgets as W
import traitlets

from ..corpus import Article, Corpus
from ..quotes import KINDS, Quote
from ..render import STYLE, escape, legend_html, render_highlights
from ..render.corpus import NO_ARTICLES, skipped_html
from ..render.quotes import (quote_details_html, quote_highlights, quotes_table_html, speaker_label,
                             speaker_legend)
from ..speakers import SpeakerTable
from ..wording import shorten
from .choices import on_choice, show_choices
from .models import ALL, SHOW_CHOICES, QuoteSpotterModel


class QuoteSpotter(W.VBox):
    """The quote spotter view. ``QuoteSpotter()`` in a notebook cell shows it."""

    def __init__(self, corpus: Corpus | None = None, *, article_id: str | None = None,
                 speakers: SpeakerTable | None = None):
        self.model = m = QuoteSpotterModel(corpus, speakers=speakers, article_id=article_id)
        self.corpus, self.table = m.corpus, m.table

        wide = {"description_width": "initial"}
        self.chooser = W.Dropdown(options=[(a.label, a.id) for a in self.corpus], value=m.article_id or None,
                                  description="Article:", style=wide, layout=W.Layout(width="30em"))
        self.kind_filter = W.Dropdown(options=[ALL, *KINDS], description="Kind:", style=wide)
        self.speaker_filter = W.Dropdown(options=m.speaker_choices, description="Speaker:", style=wide)
        self.affiliation_filter = W.Dropdown(options=m.affiliation_choices, description="Affiliation:", style=wide)
        self.picker = W.Select(options=[], rows=8, description="Quotes:", style=wide,
                               layout=W.Layout(width="40em"))
        self.details = W.HTML()
        self.show = W.ToggleButtons(options=list(SHOW_CHOICES), description="Show:", style=wide)
        self.legend = W.HTML()
        self.text = W.HTML()
        self.errors = W.Output()

        # widgets -> model
        if m.article_id:
            traitlets.link((m, "article_id"), (self.chooser, "value"))
        traitlets.link((m, "kind"), (self.kind_filter, "value"))
        traitlets.link((m, "show"), (self.show, "value"))
        capture = self.errors.capture()
        on_choice(self.speaker_filter, lambda v: setattr(m, "speaker", v), capture=capture)
        on_choice(self.affiliation_filter, lambda v: setattr(m, "affiliation", v), capture=capture)
        on_choice(self.picker, lambda v: setattr(m, "selected", v), capture=capture)
        # model -> drawing
        m.observe(capture(self._draw_speaker_menu), names=["speaker_choices", "speaker"])
        m.observe(capture(self._draw_affiliation_menu), names=["affiliation_choices", "affiliation"])
        m.observe(capture(self._draw_picker), names=["quotes", "visible", "selected"])
        m.observe(capture(self._draw_details), names=["quotes", "selected"])
        m.observe(capture(self._draw_text), names=["article_id", "speaker", "affiliation", "kind", "selected", "show"])

        super().__init__([
            W.HTML(skipped_html(self.corpus.skipped)),
            self.chooser,
            W.HBox([self.kind_filter, self.speaker_filter, self.affiliation_filter]),
            W.HBox([self.picker, self.details]),
            self.show, self.legend, self.text, self.errors,
        ])
        self.render()

    # --- the model's state, for notebooks and tests ---------------------------------------------------
    @property
    def article(self) -> Article | None:
        return self.model.article

    def quotes(self) -> list[Quote]:
        """All the quotes in the current article."""
        return list(self.model.quotes)

    def visible_quotes(self) -> list[Quote]:
        """The quotes that pass the speaker, affiliation and kind filters."""
        return [self.model.quotes[i] for i in self.model.visible]

    # --- drawing -------------------------------------------------------------------------------------
    def render(self, *, picker: bool = True) -> None:
        """Redraw the filters, the list (unless ``picker=False``), the details, the legend and the text."""
        self._draw_speaker_menu()
        self._draw_affiliation_menu()
        if picker:
            self._draw_picker()
        self._draw_details()
        self._draw_text()

    def _draw_speaker_menu(self, _change=None) -> None:
        show_choices(self.speaker_filter, self.model.speaker_choices, self.model.speaker)

    def _draw_affiliation_menu(self, _change=None) -> None:
        show_choices(self.affiliation_filter, self.model.affiliation_choices, self.model.affiliation)

    def _draw_picker(self, _change=None) -> None:
        quotes = self.model.quotes
        options = [(f"{n}. {speaker_label(quotes[i])}: {shorten(quotes[i].text, 60)}", i)
                   for n, i in enumerate(self.model.visible, start=1)]
        show_choices(self.picker, options, self.model.selected)

    def _draw_details(self, _change=None) -> None:
        self.details.value = STYLE + quote_details_html(self.model.chosen, self.table)

    def _draw_text(self, _change=None) -> None:
        m, article = self.model, self.model.article
        if article is None:
            self.text.value = NO_ARTICLES
            return
        visible = self.visible_quotes()
        order = list(m.speaker_order)
        shown = [s for s in order if any(q.speaker == s and q.kind != "scare" for q in visible)]
        self.legend.value = legend_html(speaker_legend(shown, order=order),
                                        title=f"{len(visible)} of {len(m.quotes)} quotes; speakers")
        if m.show == "table":
            self.text.value = STYLE + quotes_table_html(visible, self.table, article)
        else:
            highlights = quote_highlights(visible, speakers=order, selected=m.selected, indexes=list(m.visible))
            self.text.value = (f"<p><strong>{escape(article.label)}</strong></p>"
                               + render_highlights(article.raw, highlights))


__all__ = ["QuoteSpotter", "QuoteSpotterModel", "quote_details_html", "quote_highlights", "quotes_table_html",
           "speaker_label"]
