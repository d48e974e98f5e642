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

from typing import Sequence

import ipywidgets as W
import traitlets

from ..align import AlignedQuote
from ..compare import Comparison, compare
from ..corpus import Corpus, load_corpus
from ..htmltools import STYLE, Highlight, escape, legend_html, render_highlights

#: How a quote that is aligned with a quote in another article is drawn (label, colour, underline).
QUOTE_STYLE = ("quote found in another article", "#0072B2", "solid")
#: How a quote whose speakers differ between articles is drawn.
CONFLICT_STYLE = ("different speaker elsewhere", "#D55E00", "wavy")
#: How reported speech that restates another article's quote is drawn.
PARAPHRASE_STYLE = ("paraphrase of a quote elsewhere", "#009E73", "dashed")

CSS = """<style>
.ml-columns{display:flex;gap:1em;overflow-x:auto;align-items:flex-start}
.ml-column{flex:1 0 22em;max-width:36em;border:1px solid #999;border-radius:4px;padding:.4em .6em}
.ml-column h4{margin:.2em 0 .4em 0;font:bold 1em sans-serif}
.ml-column .ml-text{max-height:32em;overflow-y:auto;font-size:0.92em}
.ml-pair{border-top:1px solid #999;padding:.4em 0;font:0.95em sans-serif}
.ml-pair del{text-decoration:line-through;text-decoration-thickness:2px;background:#fbe3d6}
.ml-pair ins{text-decoration:underline;text-decoration-style:double;background:#d8eefa}
.ml-pair .ml-tag{font:bold 0.75em sans-serif;border:1px solid #333;border-radius:3px;padding:0 .2em;margin:0 .15em}
.ml-table td,.ml-table th{border:1px solid #bbb;padding:.15em .5em;text-align:left}
.ml-table{border-collapse:collapse;margin:.4em 0;font:0.9em sans-serif}
.ml-leftout{font-style:italic}
</style>"""


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
# HTML builders (pure functions: Comparison in, escaped HTML out)
# --------------------------------------------------------------------------------------------------
def pair_numbers(result: Comparison) -> dict[tuple[str, int, int], list[int]]:
    """The numbers ([1], [2], ...) each span carries: one number per aligned pair, shared by both sides.

    >>> from widgets.align import QuoteSide, AlignedQuote
    >>> a, b = QuoteSide("a", 0, 4, "x y z w"), QuoteSide("b", 5, 9, "x y z w")
    >>> r = Comparison(("a", "b"), (AlignedQuote(a, b, 1.0, None, False, ()),), (), ())
    >>> pair_numbers(r)
    {('a', 0, 4): [1], ('b', 5, 9): [1]}
    """
    numbers: dict[tuple[str, int, int], list[int]] = {}
    for n, p in enumerate(result.aligned, 1):
        for side in (p.a, p.b):
            numbers.setdefault((side.file, side.start, side.end), []).append(n)
    return numbers


def column_highlights(result: Comparison, file: str) -> list[Highlight]:
    """Highlights for one article's column: each aligned span labelled with its pair numbers."""
    rank = {QUOTE_STYLE: 0, PARAPHRASE_STYLE: 1, CONFLICT_STYLE: 2}
    styles: dict[tuple[int, int], tuple[str, str, str]] = {}
    for p in result.aligned:
        for side in (p.a, p.b):
            if side.file != file:
                continue
            if p.same_speaker is False:
                style = CONFLICT_STYLE
            elif p.paraphrase and side is p.b:
                style = PARAPHRASE_STYLE
            else:
                style = QUOTE_STYLE
            key = (side.start, side.end)
            if key not in styles or rank[style] > rank[styles[key]]:
                styles[key] = style
    out = []
    for (f, s, e), nums in pair_numbers(result).items():
        if f != file:
            continue
        name, colour, line = styles[(s, e)]
        label = " ".join(f"[{n}]" for n in nums)
        out.append(Highlight(s, e, label, colour, line, title=f"{label}: {name}", key=f"{file}:{s}"))
    return out


def columns_html(result: Comparison, articles: dict[str, object]) -> str:
    """Side-by-side columns, one per article, each showing the article body with aligned spans numbered."""
    cols = []
    for f in result.files:
        article = articles[f]
        body = render_highlights(article.body, column_highlights(result, f), base_offset=article.body_start,
                                 include_style=False)
        cols.append(f'<div class="ml-column" role="region" aria-label="{escape(article.label)}">'
                    f"<h4>{escape(article.label)}</h4>{body}</div>")
    legend = legend_html([QUOTE_STYLE, CONFLICT_STYLE, PARAPHRASE_STYLE], title="Numbered spans")
    return STYLE + CSS + legend + f'<div class="ml-columns">{"".join(cols)}</div>'


def diff_html(pair: AlignedQuote) -> str:
    """The word-level diff of one pair, as escaped HTML: cut words in ``<del>`` labelled "cut:", added
    words in ``<ins>`` labelled "added:" (side b compared with side a).

    >>> from widgets.align import QuoteSide, AlignedQuote, word_diff
    >>> a, b = QuoteSide("a", 0, 1, "rest and refit his troops, and then restart"), QuoteSide("b", 0, 1, "rest and refit his <troops>")
    >>> print(diff_html(AlignedQuote(a, b, 1.0, None, False, tuple(word_diff(a.text, b.text)))))
    rest and refit his &lt;troops&gt; <del><span class="ml-tag">cut:</span>and then restart</del>
    """
    parts = []
    for d in pair.diff:
        if d.op == "equal":
            parts.append(escape(d.b))
        if d.op in ("delete", "replace"):
            parts.append(f'<del><span class="ml-tag">cut:</span>{escape(d.a)}</del>')
        if d.op in ("insert", "replace"):
            parts.append(f'<ins><span class="ml-tag">added:</span>{escape(d.b)}</ins>')
    return " ".join(parts)


def pairs_html(result: Comparison, labels: dict[str, str], *, numbers: Sequence[int] | None = None) -> str:
    """One block per aligned pair: who says it in each article, the speaker check and the diff.
    ``numbers`` are the pairs' numbers (default 1, 2, ...)."""
    if not result.aligned:
        return "<p>No quote in one of these articles was found in another. Try adding an article.</p>"
    blocks = []
    numbers = list(numbers) if numbers is not None else list(range(1, len(result.aligned) + 1))
    for n, p in zip(numbers, result.aligned):
        verdict = {True: "same speaker", False: "DIFFERENT SPEAKERS: check who really said it",
                   None: "speaker unknown in one article"}[p.same_speaker]
        kind = "paraphrase (b reports it without quotation marks)" if p.paraphrase else "quote in both"
        blocks.append(
            f'<div class="ml-pair" data-pair="{n}"><strong>[{n}]</strong> {escape(kind)}; '
            f"similarity {p.similarity:.2f}; <strong>{escape(verdict)}</strong><br>"
            f"a: {escape(labels[p.a.file])}, speaker: {escape(p.a.speaker or 'unknown')}<br>"
            f"b: {escape(labels[p.b.file])}, speaker: {escape(p.b.speaker or 'unknown')}<br>"
            f"b compared with a: {diff_html(p)}</div>")
    return CSS + "".join(blocks)


def pairs_report(result: Comparison, *, containing: str = "", corpus: Corpus | None = None):
    """The aligned pairs (all, or those containing some words) as a rich HTML output for a notebook:
    who says it in each article, the speaker check and the word-level diff. Outlets are named from the
    data cards ("unknown outlet (id)" when the text does not say).

    >>> from widgets.corpus import load_corpus
    >>> c = load_corpus()
    >>> r = compare([c["blinken-diplomatic-cover"], c["presidents-meet-us-targets"]], entities=False)
    >>> "rest and refit" in pairs_report(r, containing="rest and refit", corpus=c).data
    True
    """
    from IPython.display import HTML

    corpus = corpus if corpus is not None else load_corpus()
    labels = {f: (corpus[f].label if f in corpus.ids else f) for f in result.files}
    chosen = result.pairs_with(containing) if containing else list(result.aligned)
    numbered = {id(p): n for n, p in enumerate(result.aligned, 1)}  # keep the full comparison's numbers
    sub = Comparison(result.files, tuple(chosen), (), ())
    return HTML(pairs_html(sub, labels, numbers=[numbered[id(p)] for p in chosen]))


def _table(headers, rows, caption) -> str:
    head = "".join(f"<th scope='col'>{escape(h)}</th>" for h in headers)
    body = "".join("<tr>" + "".join(row) + "</tr>" for row in rows)
    return f'<table class="ml-table"><caption>{escape(caption)}</caption><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>'


def count_table_html(table: dict[str, dict[str, int]], labels: dict[str, str], *, caption: str, only_shared_by: int = 0) -> str:
    """A count table (item x article) where a 0 reads "0 left out" (a word, not a colour).

    ``only_shared_by`` keeps rows mentioned by at least that many articles.

    >>> print(count_table_html({"Taiwan": {"a": 2, "b": 0}}, {"a": "A", "b": "B"}, caption="Facts"))
    <table class="ml-table"><caption>Facts</caption><thead><tr><th scope='col'>item</th><th scope='col'>A</th><th scope='col'>B</th></tr></thead><tbody><tr><th scope='row'>Taiwan</th><td>2</td><td class='ml-leftout'>0 left out</td></tr></tbody></table>
    """
    files = list(labels)
    rows = []
    for item, row in table.items():
        if sum(1 for f in files if row.get(f)) < only_shared_by:
            continue
        cells = [f"<th scope='row'>{escape(item)}</th>"]
        for f in files:
            v = row.get(f, 0)
            cells.append(f"<td>{v}</td>" if v else "<td class='ml-leftout'>0 left out</td>")
        rows.append(cells)
    return _table(["item", *(labels[f] for f in files)], rows, caption)


def sentences_html(hits, labels: dict[str, str], articles: dict[str, object], *, what: str) -> str:
    """The sentences a fact or term occurs in, grouped by article, the words themselves marked."""
    if not hits:
        return f"<p>No article here mentions {escape(what)}.</p>"
    out = []
    for f, label in labels.items():
        mine = [h for h in hits if h.file == f]
        out.append(f"<h5>{escape(label)}: {len(mine)}</h5>")
        if not mine:
            out.append("<p class='ml-leftout'>left out</p>")
            continue
        items = []
        seen = set()
        for h in mine:
            if (h.sentence_start, h.sentence_end) in seen:
                continue
            seen.add((h.sentence_start, h.sentence_end))
            raw = articles[f].raw
            marks = [Highlight(x.start, x.end, "", "#E69F00", "solid") for x in mine
                     if h.sentence_start <= x.start and x.end <= h.sentence_end]
            items.append("<li>" + render_highlights(raw[h.sentence_start:h.sentence_end], marks,
                                                    base_offset=h.sentence_start, include_style=False) + "</li>")
        out.append("<ul>" + "".join(items) + "</ul>")
    return STYLE + CSS + "".join(out)


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
