"""How a comparison of articles is drawn: numbered columns side by side, word-level diffs, count tables.

Pure functions: a :class:`~widgets.compare.Comparison` in, escaped HTML out.

>>> from widgets.align import QuoteSide, AlignedQuote, word_diff
>>> a, b = QuoteSide("a", 0, 1, "we will win the war"), QuoteSide("b", 0, 1, "we will win")
>>> print(diff_html(AlignedQuote(a, b, 1.0, None, False, tuple(word_diff(a.text, b.text)))))
we will win <del><span class="ml-tag">cut:</span>the war</del>
"""
from __future__ import annotations

from typing import Sequence

from ..align import AlignedQuote
from ..compare import Comparison
from ..corpus import Corpus, load_corpus
from .highlights import STYLE, Highlight, legend_html, render_highlights
from .html import SafeHTML, escape, table_html

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
#: A count of 0 reads "0 left out": a word, not a colour.
LEFT_OUT = SafeHTML('<span class="ml-leftout">0 left out</span>')


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

    >>> from widgets.compare import compare
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


def count_table_html(table: dict[str, dict[str, int]], labels: dict[str, str], *, caption: str, only_shared_by: int = 0) -> str:
    """A count table (item x article) where a 0 reads "0 left out" (a word, not a colour).

    ``only_shared_by`` keeps rows mentioned by at least that many articles.

    >>> print(count_table_html({"Taiwan": {"a": 2, "b": 0}}, {"a": "A", "b": "B"}, caption="Facts"))
    <table class="ml-table"><caption>Facts</caption><thead><tr><th scope="col">item</th><th scope="col">A</th><th scope="col">B</th></tr></thead><tbody><tr><th scope="row">Taiwan</th><td>2</td><td><span class="ml-leftout">0 left out</span></td></tr></tbody></table>
    """
    files = list(labels)
    rows = []
    for item, row in table.items():
        if sum(1 for f in files if row.get(f)) < only_shared_by:
            continue
        rows.append([item, *(row.get(f, 0) or LEFT_OUT for f in files)])
    return table_html(["item", *(labels[f] for f in files)], rows, caption=caption, row_headers=True,
                      css_class="ml-table")


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


__all__ = ["CONFLICT_STYLE", "CSS", "LEFT_OUT", "PARAPHRASE_STYLE", "QUOTE_STYLE", "column_highlights", "columns_html",
           "count_table_html", "diff_html", "pair_numbers", "pairs_html", "pairs_report", "sentences_html"]
