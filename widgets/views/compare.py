"""SourceComparer: two or more articles about one story side by side, compared with no word lists to
write first.

- Tick the articles to compare (checkboxes: Tab to move, Space to tick).
- **Shared and missing reporting**: what each article reports that others report too, what only it
  reports, and what most others report and it leaves out; each statement with the sentences of every
  article that reports it, and how their wording compares in plain words.
- **Who is quoted**: each speaker's share of an article's quoted words, by side; who only one outlet quotes.
- **Word choice**: different words for the same person, group, place or event; loaded ones labelled.
- **Quotes side by side**: each aligned quote gets a number shown in both columns (``[3]``); below,
  each pair's differences: words cut are struck through and labelled ``cut:``, words added are
  underlined and labelled ``added:`` (never colour alone).
- **Teacher's lists**: the key facts (``data/facts.csv``) and framing words (``data/framing.csv``), when
  they match these articles; one line saying so when they match nothing.

The story's name (from the data cards, or what every article names) heads the view; warnings (too few
articles, articles that share almost nothing, an empty article) come before the tabs. The view only
draws: every derived value lives in :class:`~widgets.views.models.CompareModel`.

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
from ..render.compare import (CSS, column_highlights, columns_html, count_table_html, diff_html, notice_html,
                              pair_numbers, pairs_html, pairs_report, quoted_html, reporting_html, sentences_html,
                              word_choices_html)
from ..render.corpus import skipped_html
from ..render.html import escape
from .choices import on_choice, show_choices
from .models import CompareModel

#: The tabs, in order.
TABS = ("Shared and missing reporting", "Who is quoted", "Word choice", "Quotes side by side", "Teacher's lists")


class SourceComparer(W.VBox):
    """Compare two or more articles: shared and missing reporting, who is quoted, word choice, aligned
    quotes side by side, and the teacher's lists of key facts and framing words."""

    def __init__(self, corpus: Corpus | None = None, *, article_ids=None):
        self.model = m = CompareModel(corpus, article_ids=article_ids)
        self.corpus = m.corpus
        self.boxes = {i: W.Checkbox(value=i in m.article_ids, description=self.corpus[i].label, indent=False,
                                    layout=W.Layout(width="auto")) for i in m.known_ids}
        self.fact_menu = W.Dropdown(description="Show where:", style={"description_width": "initial"})
        self.term_menu = W.Dropdown(description="Show sentences for:", style={"description_width": "initial"})
        self.title = W.HTML()
        self.status = W.HTML()
        self.reporting = W.HTML()
        self.quoted = W.HTML()
        self.word_choice = W.HTML()
        self.columns = W.HTML()
        self.pairs = W.HTML()
        self.lists_note = W.HTML()
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

        self.tabs = W.Tab([W.VBox([self.reporting]), W.VBox([self.quoted]), W.VBox([self.word_choice]),
                           W.VBox([self.columns, self.pairs]),
                           W.VBox([self.lists_note, self.coverage, self.fact_menu, self.fact_sentences, self.entities,
                                   self.framing, self.term_menu, self.term_sentences])])
        for i, title in enumerate(TABS):
            self.tabs.set_title(i, title)
        chooser = W.VBox([W.HTML("<strong>Tick two or more articles to compare</strong> (Tab moves, Space ticks):"),
                          *self.boxes.values()])
        super().__init__([W.HTML(skipped_html(self.corpus.skipped)), self.title, chooser, self.status, self.tabs,
                          self.errors])
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
        m = self.model
        show_choices(self.fact_menu, m.facts, m.fact)
        show_choices(self.term_menu, m.terms, m.term)
        lists = m.result.teacher_lists if m.result is not None else None
        self.fact_menu.layout.display = None if lists and lists.facts_found else "none"
        self.term_menu.layout.display = None if lists and lists.terms_found else "none"

    def _draw_comparison(self, _change=None) -> None:
        m = self.model
        ids, r = m.article_ids, m.result
        self.title.value = f"<h3>{escape(m.topic)}</h3>" if m.topic else ""
        if r is None:
            self.status.value = CSS + notice_html(m.notices)
            for w in (self.reporting, self.quoted, self.word_choice, self.columns, self.pairs, self.lists_note,
                      self.coverage, self.entities, self.framing):
                w.value = ""
            return
        n_conflict = sum(1 for p in r.aligned if p.same_speaker is False)
        summary = (f"<p>Comparing {len(ids)} articles. Quotes found in more than one article: {len(r.aligned)}"
                   + (f", {n_conflict} of them given to DIFFERENT SPEAKERS" if n_conflict else "") + ".</p>")
        self.status.value = CSS + notice_html(m.notices) + summary
        labels = m.labels
        self.reporting.value = reporting_html(r, labels)
        self.quoted.value = quoted_html(r, labels)
        self.word_choice.value = word_choices_html(r, labels)
        self.columns.value = columns_html(r, {i: self.corpus[i] for i in ids})
        self.pairs.value = pairs_html(r, labels)
        lists = r.teacher_lists
        self.lists_note.value = CSS + notice_html([lists.message] if lists.message else [])
        self.coverage.value = "" if not lists.facts_found else CSS + count_table_html(
            r.coverage_table(kind="fact"), labels, caption="Key facts (data/facts.csv): mentions per article")
        self.entities.value = CSS + count_table_html(
            r.coverage_table(kind="entity"), labels, only_shared_by=2,
            caption="People, organisations and places named by at least two of these articles")
        self.framing.value = "" if not lists.terms_found else CSS + count_table_html(
            r.framing_table(), labels, caption="Word choices (data/framing.csv): uses per article")

    def _draw_fact(self, _change=None) -> None:
        r, fact = self.model.result, self.model.fact
        hits = ([h for h in r.coverage if h.item == fact and h.kind == "fact"]
                if r and fact and r.teacher_lists.facts_found else None)
        self.fact_sentences.value = "" if hits is None else sentences_html(hits, self.model.labels, self._articles(),
                                                                            what=fact)

    def _draw_term(self, _change=None) -> None:
        r, term = self.model.result, self.model.term
        hits = [h for h in r.framing if h.term == term] if r and term and r.teacher_lists.terms_found else None
        self.term_sentences.value = "" if hits is None else sentences_html(hits, self.model.labels, self._articles(),
                                                                            what=term)

    def _articles(self) -> dict:
        return {a.id: a for a in self.corpus}


__all__ = ["CompareModel", "SourceComparer", "TABS", "column_highlights", "columns_html", "count_table_html",
           "diff_html", "pair_numbers", "pairs_html", "pairs_report", "sentences_html"]
