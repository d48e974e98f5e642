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

from ..corpus import Article, Corpus, load_corpus
from ..render import STYLE, escape, legend_html, render_highlights
from ..nlp import parse_corpus
from ..quotes import KINDS, Quote, find_quotes
from ..render.quotes import (quote_details_html, quote_highlights, quotes_table_html, speaker_label,
                             speaker_legend)
from ..speakers import SpeakerTable, load_speakers

ALL = "all"
NO_SPEAKER = "(no speaker named)"


class QuoteSpotterModel(traitlets.HasTraits):
    """What the spotter shows: the article, the three filters, the chosen quote and the display mode."""

    article_id = traitlets.Unicode()
    speaker = traitlets.Unicode(ALL)
    affiliation = traitlets.Unicode(ALL)
    kind = traitlets.Unicode(ALL)
    selected = traitlets.Int(-1)  # index into the article's quotes, -1 for none
    show = traitlets.Unicode("highlighted text")

    @traitlets.validate("kind")
    def _valid_kind(self, proposal):
        if proposal["value"] not in (ALL, *KINDS):
            raise traitlets.TraitError(f"kind must be one of: {ALL}, {', '.join(KINDS)}")
        return proposal["value"]

    @traitlets.validate("show")
    def _valid_show(self, proposal):
        if proposal["value"] not in ("highlighted text", "table"):
            raise traitlets.TraitError('show must be "highlighted text" or "table"')
        return proposal["value"]


class QuoteSpotter(W.VBox):
    """The quote spotter view. ``QuoteSpotter()`` in a notebook cell shows it."""

    def __init__(self, corpus: Corpus | None = None, *, article_id: str | None = None,
                 speakers: SpeakerTable | None = None):
        self.corpus = corpus if corpus is not None else load_corpus()
        self.table = speakers if speakers is not None else load_speakers()
        parse_corpus(self.corpus)  # parse once, so switching articles is quick
        self._quotes: dict[str, list[Quote]] = {}
        ids = list(self.corpus.ids)
        self.model = QuoteSpotterModel(article_id=article_id or (ids[0] if ids else ""))

        wide = {"description_width": "initial"}
        self.chooser = W.Dropdown(options=[(a.label, a.id) for a in self.corpus], value=self.model.article_id or None,
                                  description="Article:", style=wide, layout=W.Layout(width="30em"))
        self.kind_filter = W.Dropdown(options=[ALL, *KINDS], description="Kind:", style=wide)
        self.speaker_filter = W.Dropdown(options=[ALL], description="Speaker:", style=wide)
        self.affiliation_filter = W.Dropdown(options=[ALL], description="Affiliation:", style=wide)
        self.picker = W.Select(options=[], rows=8, description="Quotes:", style=wide,
                               layout=W.Layout(width="40em"))
        self.details = W.HTML()
        self.show = W.ToggleButtons(options=["highlighted text", "table"], description="Show:", style=wide)
        self.legend = W.HTML()
        self.text = W.HTML()
        self.errors = W.Output()

        traitlets.link((self.chooser, "value"), (self.model, "article_id"))
        traitlets.link((self.kind_filter, "value"), (self.model, "kind"))
        traitlets.link((self.show, "value"), (self.model, "show"))
        self.speaker_filter.observe(self._on_speaker, names="value")
        self.affiliation_filter.observe(self._on_affiliation, names="value")
        self.picker.observe(self._on_pick, names="value")
        self.model.observe(self._on_article, names="article_id")
        self.model.observe(self._on_filter, names=["speaker", "affiliation", "kind"])
        self.model.observe(self._on_display, names=["selected", "show"])

        super().__init__([
            self.chooser,
            W.HBox([self.kind_filter, self.speaker_filter, self.affiliation_filter]),
            W.HBox([self.picker, self.details]),
            self.show, self.legend, self.text, self.errors,
        ])
        self._refresh_filters()
        self.render()

    # --- state -------------------------------------------------------------------------------------
    @property
    def article(self) -> Article | None:
        return self.corpus[self.model.article_id] if self.model.article_id else None

    def quotes(self) -> list[Quote]:
        """All the quotes in the current article (cached)."""
        article = self.article
        if article is None:
            return []
        if article.id not in self._quotes:
            self._quotes[article.id] = find_quotes(article, speakers=self.table)
        return self._quotes[article.id]

    def _affiliation(self, q: Quote) -> str:
        return self.table.affiliation_of(q.speaker) if q.speaker else NO_SPEAKER

    def visible_quotes(self) -> list[Quote]:
        """The quotes that pass the speaker, affiliation and kind filters."""
        m = self.model
        return [q for q in self.quotes()
                if (m.kind == ALL or q.kind == m.kind)
                and (m.speaker == ALL or (q.speaker or NO_SPEAKER) == m.speaker)
                and (m.affiliation == ALL or self._affiliation(q) == m.affiliation)]

    def _speaker_order(self) -> list[str]:
        order: list[str] = []
        for q in self.quotes():
            if q.speaker and q.speaker not in order:
                order.append(q.speaker)
        return order

    # --- callbacks (short; errors go to the Output widget) ------------------------------------------
    def _on_article(self, change) -> None:
        with self.errors:
            self.model.selected = -1
            self._refresh_filters()
            self.render()

    def _on_filter(self, change) -> None:
        with self.errors:
            self.render()

    def _on_display(self, change) -> None:
        with self.errors:
            self.render(picker=False)

    def _on_speaker(self, change) -> None:
        self.model.speaker = change["new"] or ALL

    def _on_affiliation(self, change) -> None:
        self.model.affiliation = change["new"] or ALL

    def _on_pick(self, change) -> None:
        self.model.selected = -1 if change["new"] is None else change["new"]

    def _refresh_filters(self) -> None:
        quotes = self.quotes()
        speakers = sorted({q.speaker or NO_SPEAKER for q in quotes})
        affiliations = sorted({self._affiliation(q) for q in quotes})
        self.model.speaker = self.model.affiliation = ALL
        self.speaker_filter.options = [ALL, *speakers]
        self.speaker_filter.value = ALL
        self.affiliation_filter.options = [ALL, *affiliations]
        self.affiliation_filter.value = ALL

    # --- drawing -----------------------------------------------------------------------------------
    def render(self, *, picker: bool = True) -> None:
        """Redraw the list, the details, the legend and the text (or table) for the current state."""
        article = self.article
        if article is None:
            self.text.value = "<p>No articles were loaded. Run <code>medialit check</code> to see why.</p>"
            return
        all_quotes = self.quotes()
        visible = self.visible_quotes()
        indexes = [all_quotes.index(q) for q in visible]
        if picker:
            options = [(f"{n + 1}. {speaker_label(q)}: {q.text[:60]}", i)
                       for n, (i, q) in enumerate(zip(indexes, visible))]
            self.picker.unobserve(self._on_pick, names="value")
            self.picker.options = options
            self.picker.value = self.model.selected if self.model.selected in indexes else None
            self.picker.observe(self._on_pick, names="value")
        chosen = all_quotes[self.model.selected] if 0 <= self.model.selected < len(all_quotes) else None
        self.details.value = STYLE + quote_details_html(chosen, self.table)
        order = self._speaker_order()
        shown = [s for s in order if any(q.speaker == s and q.kind != "scare" for q in visible)]
        self.legend.value = legend_html(speaker_legend(shown, order=order), title=f"{len(visible)} of {len(all_quotes)} quotes; speakers")
        if self.model.show == "table":
            self.text.value = STYLE + quotes_table_html(visible, self.table, article)
        else:
            highlights = quote_highlights(visible, speakers=order, selected=self.model.selected, indexes=indexes)
            self.text.value = (f"<p><strong>{escape(article.label)}</strong></p>"
                               + render_highlights(article.raw, highlights))


__all__ = ["QuoteSpotter", "QuoteSpotterModel", "quote_details_html", "quote_highlights", "quotes_table_html",
           "speaker_label"]
