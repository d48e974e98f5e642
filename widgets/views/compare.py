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
import traitlets

from ..compare import Comparison, compare
from ..corpus import Corpus, load_corpus
from ..render.compare import (CSS, column_highlights, columns_html, count_table_html, diff_html, pair_numbers,
                              pairs_html, pairs_report, sentences_html)

class CompareModel(traitlets.HasTraits):
    """Which articles are compared (at least two, in corpus order), and which fact/term's sentences show."""

    article_ids = traitlets.Tuple()
    fact = traitlets.Unicode("", allow_none=True)
    term = traitlets.Unicode("", allow_none=True)
    known_ids = traitlets.Tuple()

    @traitlets.validate("article_ids")
    def _check_ids(self, proposal):
        ids = tuple(proposal["value"])
        unknown = [i for i in ids if self.known_ids and i not in self.known_ids]
        if unknown:
            raise traitlets.TraitError(
                f"No article called {', '.join(map(repr, unknown))}. The articles are: {', '.join(self.known_ids)}.")
        order = {k: n for n, k in enumerate(self.known_ids)}
        return tuple(sorted(dict.fromkeys(ids), key=lambda i: order.get(i, len(order))))


# --------------------------------------------------------------------------------------------------
# The view
# --------------------------------------------------------------------------------------------------
class SourceComparer(W.VBox):
    """Compare two or more articles: aligned quotes side by side, coverage and framing tables."""

    def __init__(self, corpus: Corpus | None = None, *, article_ids=None):
        self.corpus = corpus if corpus is not None else load_corpus()
        ids = tuple(self.corpus.ids)
        self.model = CompareModel(known_ids=ids)
        self.boxes = {i: W.Checkbox(description=self.corpus[i].label, indent=False, layout=W.Layout(width="auto"))
                      for i in ids}
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
        self.result: Comparison | None = None
        chosen = tuple(article_ids) if article_ids is not None else ids[:2]
        self.model.article_ids = chosen  # before observing: the first drawing happens below, not in a callback
        for i in self.model.article_ids:
            self.boxes[i].value = True
        for box in self.boxes.values():
            box.observe(self._on_box, names="value")
        traitlets.link((self.fact_menu, "value"), (self.model, "fact"))
        traitlets.link((self.term_menu, "value"), (self.model, "term"))
        self.model.observe(self._on_articles, names="article_ids")
        self.model.observe(self._on_fact, names="fact")
        self.model.observe(self._on_term, names="term")
        tabs = W.Tab([W.VBox([self.columns, self.pairs]),
                      W.VBox([self.coverage, self.fact_menu, self.fact_sentences, self.entities]),
                      W.VBox([self.framing, self.term_menu, self.term_sentences])])
        for i, title in enumerate(["Quotes side by side", "Coverage", "Framing"]):
            tabs.set_title(i, title)
        chooser = W.VBox([W.HTML("<strong>Tick two or more articles to compare</strong> (Tab moves, Space ticks):"),
                          *self.boxes.values()])
        super().__init__([chooser, self.status, tabs, self.errors])
        self.render()

    # -- callbacks (short, and errors go to the Output) --
    def _on_box(self, change) -> None:
        with self.errors:
            self.model.article_ids = tuple(i for i, b in self.boxes.items() if b.value)

    def _on_articles(self, change) -> None:
        with self.errors:
            self.render()

    def _on_fact(self, change) -> None:
        with self.errors:
            self._render_fact()

    def _on_term(self, change) -> None:
        with self.errors:
            self._render_term()

    # -- drawing --
    @property
    def _labels(self) -> dict[str, str]:
        return {i: self.corpus[i].label for i in self.model.article_ids}

    def render(self) -> None:
        """Recompare the chosen articles and redraw every part."""
        ids = self.model.article_ids
        if len(ids) < 2:
            self.result = None
            self.status.value = f"<p><strong>Tick at least two articles</strong> (now {len(ids)}).</p>"
            for w in (self.columns, self.pairs, self.coverage, self.entities, self.framing,
                      self.fact_sentences, self.term_sentences):
                w.value = ""
            return
        articles = [self.corpus[i] for i in ids]
        self.result = r = compare(articles)
        n_conflict = sum(1 for p in r.aligned if p.same_speaker is False)
        self.status.value = (f"<p>{len(r.aligned)} aligned pair(s) across {len(ids)} articles; "
                             f"{n_conflict} with DIFFERENT SPEAKERS.</p>")
        by_id = {a.id: a for a in articles}
        labels = self._labels
        self.columns.value = columns_html(r, by_id)
        self.pairs.value = pairs_html(r, labels)
        self.coverage.value = CSS + count_table_html(r.coverage_table(kind="fact"), labels,
                                                     caption="Key facts (data/facts.csv): mentions per article")
        self.entities.value = CSS + count_table_html(
            r.coverage_table(kind="entity"), labels, only_shared_by=2,
            caption="People, organisations and places named by at least two of these articles")
        self.framing.value = CSS + count_table_html(r.framing_table(), labels,
                                                    caption="Word choices (data/framing.csv): uses per article")
        facts = [f.name for f in r.facts]
        terms = [t.term for t in r.terms]
        fact, term = self.model.fact, self.model.term
        self.fact_menu.options = facts
        self.term_menu.options = terms
        self.fact_menu.value = fact if fact in facts else (facts[0] if facts else None)
        self.term_menu.value = term if term in terms else (terms[0] if terms else None)
        self._render_fact()
        self._render_term()

    def _render_fact(self) -> None:
        if self.result is None or not self.model.fact:
            self.fact_sentences.value = ""
            return
        hits = [h for h in self.result.coverage if h.item == self.model.fact and h.kind == "fact"]
        self.fact_sentences.value = sentences_html(hits, self._labels, {a.id: a for a in self.corpus}, what=self.model.fact)

    def _render_term(self) -> None:
        if self.result is None or not self.model.term:
            self.term_sentences.value = ""
            return
        hits = [h for h in self.result.framing if h.term == self.model.term]
        self.term_sentences.value = sentences_html(hits, self._labels, {a.id: a for a in self.corpus}, what=self.model.term)


__all__ = ["CompareModel", "SourceComparer", "column_highlights", "columns_html", "count_table_html",
           "diff_html", "pair_numbers", "pairs_html", "pairs_report", "sentences_html"]
