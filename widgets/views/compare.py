"""SourceComparer: two or more articles side by side, with their shared quotes linked.

- Tick the articles to compare (checkboxes: Tab to move, Space to tick).
- Each aligned quote gets a number shown in both columns (``[3]``), so the eye can follow it across.
- Below the columns, each pair's differences: words cut are shown struck through and labelled
  ``cut:``, words added are underlined and labelled ``added:`` (never colour alone).
- The coverage table shows which key facts each outlet mentions and which it leaves out; the framing
  table shows each outlet's word choices, and the sentences behind any count.

>>> view = SourceComparer(article_ids=["blinken-diplomatic-cover", "blinken-rights-report"])
>>> view.model.article_ids
('blinken-diplomatic-cover', 'blinken-rights-report')
>>> "DIFFERENT SPEAKERS" in view.pairs.value
True
"""
from __future__ import annotations

import ipywidgets as W

from ..compare import Comparison
from ..corpus import Corpus
from ..render.compare import (CSS, column_highlights, columns_html, count_table_html, diff_html, pair_numbers,
                              pairs_html, pairs_report, sentences_html)
from ..render.corpus import skipped_html
from .choices import on_choice, show_choices
from .models import CompareModel


class SourceComparer(W.VBox):
    """Compare two or more articles: aligned quotes side by side, coverage and framing tables."""

    def __init__(self, corpus: Corpus | None = None, *, article_ids=None):
        self.model = m = CompareModel(corpus, article_ids=article_ids)
        self.corpus = m.corpus
        self.boxes = {i: W.Checkbox(value=i in m.article_ids, description=self.corpus[i].label, indent=False,
                                    layout=W.Layout(width="auto")) for i in m.known_ids}
        self.fact_menu = W.Dropdown(description="Show where:", style={"description_width": "initial"})
        self.term_menu = W.Dropdown(description="Show sentences for:", style={"description_width": "initial"})
        self.status = W.HTML()
        self.columns = W.HTML()
        self.pairs = W.HTML()
        self.coverage = W.HTML()
        self.entities = W.HTML()
        self.fact_sentences = W.HTML()
        self.framing = W.HTML()
        self.term_sentences = W.HTML()
        self.errors = W.Output()

        # widgets -> model
        capture = self.errors.capture()
        for article_id, box in self.boxes.items():
            box.observe(capture(lambda change, i=article_id: m.include(i, change["new"])), names="value")
        on_choice(self.fact_menu, lambda v: setattr(m, "fact", v), capture=capture)
        on_choice(self.term_menu, lambda v: setattr(m, "term", v), capture=capture)
        # model -> drawing
        m.observe(capture(self._draw_boxes), names="article_ids")
        m.observe(capture(self._draw_menus), names=["facts", "fact", "terms", "term"])
        m.observe(capture(self._draw_comparison), names="article_ids")
        m.observe(capture(self._draw_fact), names=["article_ids", "fact"])
        m.observe(capture(self._draw_term), names=["article_ids", "term"])

        tabs = W.Tab([W.VBox([self.columns, self.pairs]),
                      W.VBox([self.coverage, self.fact_menu, self.fact_sentences, self.entities]),
                      W.VBox([self.framing, self.term_menu, self.term_sentences])])
        for i, title in enumerate(["Quotes side by side", "Coverage", "Framing"]):
            tabs.set_title(i, title)
        chooser = W.VBox([W.HTML("<strong>Tick two or more articles to compare</strong> (Tab moves, Space ticks):"),
                          *self.boxes.values()])
        super().__init__([W.HTML(skipped_html(self.corpus.skipped)), chooser, self.status, tabs, self.errors])
        self.render()

    @property
    def result(self) -> Comparison | None:
        """The comparison of the ticked articles (``None`` with fewer than two)."""
        return self.model.result

    # -- drawing --
    def render(self) -> None:
        """Redraw every part for the chosen articles."""
        self._draw_boxes()
        self._draw_menus()
        self._draw_comparison()
        self._draw_fact()
        self._draw_term()

    def _draw_boxes(self, _change=None) -> None:
        for article_id, box in self.boxes.items():
            box.value = article_id in self.model.article_ids  # its callback then finds nothing to change

    def _draw_menus(self, _change=None) -> None:
        show_choices(self.fact_menu, self.model.facts, self.model.fact)
        show_choices(self.term_menu, self.model.terms, self.model.term)

    def _draw_comparison(self, _change=None) -> None:
        ids, r = self.model.article_ids, self.model.result
        if r is None:
            self.status.value = f"<p><strong>Tick at least two articles</strong> (now {len(ids)}).</p>"
            for w in (self.columns, self.pairs, self.coverage, self.entities, self.framing):
                w.value = ""
            return
        n_conflict = sum(1 for p in r.aligned if p.same_speaker is False)
        self.status.value = (f"<p>{len(r.aligned)} aligned pair(s) across {len(ids)} articles; "
                             f"{n_conflict} with DIFFERENT SPEAKERS.</p>")
        labels = self.model.labels
        self.columns.value = columns_html(r, {i: self.corpus[i] for i in ids})
        self.pairs.value = pairs_html(r, labels)
        self.coverage.value = CSS + count_table_html(r.coverage_table(kind="fact"), labels,
                                                     caption="Key facts (data/facts.csv): mentions per article")
        self.entities.value = CSS + count_table_html(
            r.coverage_table(kind="entity"), labels, only_shared_by=2,
            caption="People, organisations and places named by at least two of these articles")
        self.framing.value = CSS + count_table_html(r.framing_table(), labels,
                                                    caption="Word choices (data/framing.csv): uses per article")

    def _draw_fact(self, _change=None) -> None:
        r, fact = self.model.result, self.model.fact
        hits = [h for h in r.coverage if h.item == fact and h.kind == "fact"] if r and fact else None
        self.fact_sentences.value = "" if hits is None else sentences_html(hits, self.model.labels, self._articles(),
                                                                            what=fact)

    def _draw_term(self, _change=None) -> None:
        r, term = self.model.result, self.model.term
        hits = [h for h in r.framing if h.term == term] if r and term else None
        self.term_sentences.value = "" if hits is None else sentences_html(hits, self.model.labels, self._articles(),
                                                                            what=term)

    def _articles(self) -> dict:
        return {a.id: a for a in self.corpus}


__all__ = ["CompareModel", "SourceComparer", "column_highlights", "columns_html", "count_table_html",
           "diff_html", "pair_numbers", "pairs_html", "pairs_report", "sentences_html"]
