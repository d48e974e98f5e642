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
from ..plainwords import describe_pair
from ..wording import plural
from .highlights import STYLE, Highlight, legend_html, render_highlights
from .html import SafeHTML, escape, table_html

#: How a quote that is aligned with a quote in another article is drawn (label, colour, underline).
QUOTE_STYLE = ("quote found in another article", "#0072B2", "solid")
#: How a quote whose speakers differ between articles is drawn.
CONFLICT_STYLE = ("different speaker elsewhere", "#D55E00", "wavy")
#: How reported speech that restates another article's quote is drawn.
PARAPHRASE_STYLE = ("paraphrase of a quote elsewhere", "#009E73", "dashed")

CSS = """<style>
.ml-columns{display:flex;flex-wrap:wrap;gap:1em;align-items:flex-start}
.ml-column{flex:1 1 22em;min-width:0;max-width:100%;border:1px solid #999;border-radius:4px;padding:.4em .6em;overflow-wrap:anywhere}
.ml-column h4{margin:.2em 0 .4em 0;font:bold 1em sans-serif;overflow-wrap:anywhere}
.ml-column .ml-text{font-size:0.92em;white-space:pre-wrap;overflow-wrap:anywhere}
.ml-compare{font:0.95em sans-serif;overflow-wrap:anywhere;max-width:100%}
.ml-compare .ml-statement{border-top:1px solid #ccc;padding:.25em 0}
.ml-compare .ml-statement-head{margin:.2em 0}
.ml-compare ul{margin:.2em 0 .4em 1.2em;padding:0}
.ml-compare .ml-sentence{font-family:Georgia,serif;white-space:pre-wrap;overflow-wrap:anywhere}
.ml-notice{border-left:6px solid #0072B2;padding:.3em .7em;margin:.4em 0;font:0.95em sans-serif}
.ml-pair{border-top:1px solid #999;padding:.4em 0;font:0.95em sans-serif}
.ml-pair del{text-decoration:line-through;text-decoration-thickness:2px;background:#fbe3d6}
.ml-pair ins{text-decoration:underline;text-decoration-style:double;background:#d8eefa}
.ml-pair .ml-tag{font:bold 0.75em sans-serif;border:1px solid #333;border-radius:3px;padding:0 .2em;margin:0 .15em}
.ml-table td,.ml-table th{border:1px solid #bbb;padding:.15em .5em;text-align:left;vertical-align:top;overflow-wrap:anywhere}
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
    """Highlights for one article's column: each aligned span labelled with its pair numbers.

    >>> from widgets.align import QuoteSide, AlignedQuote
    >>> a, b = QuoteSide("a", 0, 4, "x y z w", speaker="Lopez"), QuoteSide("b", 5, 9, "x y z w", speaker="Reyes")
    >>> r = Comparison(("a", "b"), (AlignedQuote(a, b, 1.0, False, False, ()),), (), ())
    >>> [(h.start, h.end, h.label, h.title) for h in column_highlights(r, "b")]
    [(5, 9, '[1]', '[1]: different speaker elsewhere')]
    """
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
    """Side-by-side columns, one per article, each showing the article body with aligned spans numbered.

    >>> from widgets.compare import compare
    >>> from widgets.corpus import article_from_text
    >>> a = article_from_text("“We will rebuild the old bridge before the winter rains,” said Mayor Maria Lopez.",
    ...                       id="a")
    >>> b = article_from_text("“We will rebuild the old bridge before the winter rains,” said Tom Reyes.", id="b")
    >>> html = columns_html(compare([a, b], facts=[], terms=[], automatic=False), {"a": a, "b": b})
    >>> html.count('class="ml-column"'), html.count('<span class="ml-label">[1]</span>')
    (2, 2)
    """
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
    ``numbers`` are the pairs' numbers (default 1, 2, ...).

    >>> from widgets.compare import compare
    >>> from widgets.corpus import article_from_text
    >>> a = article_from_text("“We will rebuild the old bridge before the winter rains,” said Mayor Maria Lopez.",
    ...                       id="a")
    >>> b = article_from_text("“We will rebuild the old bridge before the winter rains,” said Tom Reyes.", id="b")
    >>> html = pairs_html(compare([a, b], facts=[], terms=[], automatic=False), {"a": "Daily", "b": "Herald"})
    >>> print(html[len(CSS):])
    <div class="ml-pair" data-pair="1"><strong>[1]</strong> quote in both: ...<strong>DIFFERENT SPEAKERS: check who really said it</strong><br>a: Daily, speaker: Maria Lopez<br>b: Herald, speaker: Tom Reyes<br>b compared with a: We will rebuild the old bridge before the winter rains,</div>
    >>> pairs_html(Comparison(("a", "b"), (), (), ()), {})
    '<p>No quote in one of these articles was found in another. Try adding an article.</p>'
    """
    if not result.aligned:
        return "<p>No quote in one of these articles was found in another. Try adding an article.</p>"
    blocks = []
    numbers = list(numbers) if numbers is not None else list(range(1, len(result.aligned) + 1))
    for n, p in zip(numbers, result.aligned):
        verdict = {True: "same speaker", False: "DIFFERENT SPEAKERS: check who really said it",
                   None: "speaker unknown in one article"}[p.same_speaker]
        kind = "paraphrase (b reports it without quotation marks)" if p.paraphrase else "quote in both"
        blocks.append(
            f'<div class="ml-pair" data-pair="{n}"><strong>[{n}]</strong> {escape(kind)}: '
            f"{escape(describe_pair(p))}; <strong>{escape(verdict)}</strong><br>"
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
    """The sentences a fact or term occurs in, grouped by article, the words themselves marked.

    >>> from widgets.corpus import article_from_text
    >>> from widgets.coverage import Fact, find_facts
    >>> a = article_from_text("The old bridge will be rebuilt.", id="a")
    >>> b = article_from_text("The mayor spoke on Monday.", id="b")
    >>> hits = find_facts(a, facts=[Fact("Bridge", ("bridge",))])
    >>> html = sentences_html(hits, {"a": "Daily", "b": "Herald"}, {"a": a, "b": b}, what="the bridge")
    >>> print(html[html.index("<h5>"):])
    <h5>Daily: 1</h5><ul><li><div class="ml-text mathjax_ignore">The old <mark class="ml-mark" ...>bridge</mark> will be rebuilt.</div></li></ul><h5>Herald: 0</h5><p class='ml-leftout'>left out</p>
    >>> sentences_html([], {"b": "Herald"}, {"b": b}, what="the bridge")
    '<p>No article here mentions the bridge.</p>'
    """
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
# The automatic tables: shared and missing reporting, who is quoted, word choice
# --------------------------------------------------------------------------------------------------
def notice_html(lines: Sequence[str]) -> str:
    """Plain-text notices (one per line) in a box with a bar at the side; nothing when there are none.

    >>> print(notice_html(["These articles share <almost> nothing."]))
    <div class="ml-notice" role="note"><p>These articles share &lt;almost&gt; nothing.</p></div>
    >>> notice_html([])
    ''
    """
    if not lines:
        return ""
    return '<div class="ml-notice" role="note">' + "".join(f"<p>{escape(x)}</p>" for x in lines) + "</div>"


def _names_list(names: Sequence[str]) -> str:
    names = list(names)
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def _statement_block(statement, labels: dict[str, str], matches, *, missing_from: str = "") -> str:
    """One statement: the first sentence as its heading, then every article's sentences that report it
    (or "left out"), with how each compares with the first, in plain words. (No ``<details>``: the
    kit's safety tests treat that element as a way in for script.)"""
    where = _names_list([labels[f] for f in statement.files])
    head = (f'<p class="ml-statement-head"><strong>S{statement.number}</strong> <span class="ml-sentence">'
            f"{escape(' '.join(statement.text.split()))}</span> <em>({escape('reported by ' + where)})</em></p>")
    first = statement.sentences[0]
    items = []
    for f, label in labels.items():
        mine = statement.in_file(f)
        if not mine:
            items.append(f'<li><strong>{escape(label)}</strong>: <span class="ml-leftout">left out</span></li>')
            continue
        for sentence in mine:
            how = ""
            if sentence != first:
                match = next((m for m in matches if {m.a, m.b} == {first, sentence}), None)
                if match is None:
                    match = next((m for m in matches if sentence in (m.a, m.b)), None)
                if match is not None:
                    how = f" <em>({escape(match.description)})</em>"
            items.append(f'<li><strong>{escape(label)}</strong>: <span class="ml-sentence" data-file="{escape(f)}" '
                         f'data-start="{sentence.start}">{escape(sentence.text)}</span>{how}</li>')
    data = f' data-statement="{statement.number}"' + (f' data-left-out="{escape(missing_from)}"' if missing_from else "")
    return f'<div class="ml-statement" role="group"{data}>{head}<ul>{"".join(items)}</ul></div>'


def reporting_html(result: Comparison, labels: dict[str, str]) -> str:
    """Shared and missing reporting: one line on how much the articles share, a table of counts per
    article, and per article the statements it shares, reports alone and leaves out, each with the
    sentences of every article that reports it.

    >>> from widgets.corpus import article_from_text
    >>> from widgets.compare import compare
    >>> a = article_from_text("Police arrested 30 people after the march in Lisbon on Saturday.", id="a")
    >>> b = article_from_text("On Saturday, police in Lisbon arrested 40 people after the march.", id="b")
    >>> html = reporting_html(compare([a, b], facts=[], terms=[]), {"a": "Paper A", "b": "Paper <B>"})
    >>> "1 statement is reported by more than one article" in html, "Paper &lt;B&gt;" in html, "Paper <B>" in html
    (True, True, False)
    """
    r = result.reporting
    if r is None:
        return "<p>Shared and missing reporting was not worked out for this comparison.</p>"
    rows, blocks = [], []
    for f, label in labels.items():
        mine = r.for_file(f)
        rows.append([label, len(mine.shared), len(mine.only_here), len(mine.left_out) or "none"])
        parts = []
        for title, statements, missing in (
                ("Also reported by another article", mine.shared, ""),
                ("Reported only here", mine.only_here, ""),
                ("Left out here, but most of the others report it", mine.left_out, f)):
            if statements:
                parts.append(f"<h5>{escape(title)}: {len(statements)}</h5>"
                             + "".join(_statement_block(s, labels, r.matches, missing_from=missing) for s in statements))
        if f in r.empty_files:
            parts.append("<p>Nothing to compare here: no sentence of four or more words.</p>")
        blocks.append(f'<section aria-label="{escape(label)}"><h4>{escape(label)}</h4>{"".join(parts)}</section>')
    table = table_html(["article", "statements others report too", "statements only it reports",
                        "statements most others report and it leaves out"], rows,
                       caption="What each article reports, compared with the others", row_headers=True,
                       css_class="ml-table")
    return CSS + f'<div class="ml-compare"><p>{escape(r.summary())}</p>{table}{"".join(blocks)}</div>'


def _share(share: float) -> str:
    return f"{round(100 * share)}%"


def quoted_html(result: Comparison, labels: dict[str, str]) -> str:
    """Who is quoted: one row per speaker (with their side), one column per article: the speaker's share
    of that article's quoted words and how many quotes; "not quoted" where an article does not quote them.
    Below, the speakers only one article quotes.

    >>> from widgets.corpus import article_from_text
    >>> from widgets.compare import compare
    >>> a = article_from_text("“We will rebuild the bridge by May,” said Maria Lopez.", id="a")
    >>> b = article_from_text("The bridge is closed. “It was a shock,” said Tom Reyes.", id="b")
    >>> html = quoted_html(compare([a, b], facts=[], terms=[]), {"a": "A", "b": "B"})
    >>> "100% of the quoted words (1 quote)" in html, "not quoted" in html, "Only A quotes: Maria Lopez" in html
    (True, True, True)
    """
    q = result.quoted
    if q is None:
        return "<p>Who is quoted was not worked out for this comparison.</p>"
    by_speaker: dict[str, dict] = {}
    for s in q.speakers:
        by_speaker.setdefault(s.speaker, {})[s.file] = s
    rows = []
    for speaker, cells in by_speaker.items():
        side = next(iter(cells.values())).side
        rows.append([speaker, side, *(f"{_share(cells[f].word_share)} of the quoted words ({plural(cells[f].quotes, 'quote')})"
                                      if f in cells else SafeHTML('<span class="ml-leftout">not quoted</span>')
                                      for f in labels)])
    if not rows:
        return CSS + '<div class="ml-compare"><p>None of these articles quotes anyone.</p></div>'
    table = table_html(["speaker", "side (data/speakers.csv)", *labels.values()], rows,
                       caption="Who is quoted: each speaker's share of an article's quoted words", row_headers=True,
                       css_class="ml-table")
    only = [f"Only {labels[f]} quotes: {', '.join(names)}." for f, names in q.only_quoted_by().items() if names]
    return CSS + '<div class="ml-compare">' + table + "".join(f"<p>{escape(x)}</p>" for x in only) + "</div>"


_KIND_WORDS = {"same statement": "the same statement, in other words",
               "description": "words put beside the name",
               "name": "the name itself"}


def word_choices_html(result: Comparison, labels: dict[str, str]) -> str:
    """Word choice for the same thing: one row per thing, the words each article uses for it; a loaded
    word is labelled "loaded:" with the highlighter's explanation (a word, not a colour).

    >>> from widgets.corpus import article_from_text
    >>> from widgets.compare import compare
    >>> a = article_from_text("Hundreds of protesters gathered outside the town hall in Leeds on Saturday.", id="a")
    >>> b = article_from_text("Hundreds of rioters gathered outside the town hall in Leeds on Saturday.", id="b")
    >>> html = word_choices_html(compare([a, b], facts=[], terms=[]), {"a": "A", "b": "B"})
    >>> "“protesters”" in html and "“rioters”" in html
    True
    """
    w = result.word_choices
    if w is None:
        return "<p>Word choice was not worked out for this comparison.</p>"
    if not w.items:
        return CSS + ('<div class="ml-compare"><p>No different words for the same person, group, place or event '
                      "were found in these articles.</p></div>")
    rows = []
    for choice in w.items:
        terms = choice.terms()
        cells = []
        for f in labels:
            words = []
            for term in terms.get(f, []):
                flag = next((u for u in choice.uses if u.file == f and u.term == term and u.loaded), None)
                words.append(f"“{escape(term)}”" + (f' <span class="ml-tag">loaded:</span> {escape(flag.explanation)}'
                                                      if flag else ""))
            cells.append(SafeHTML("<br>".join(words)) if words else "")
        thing = " ".join(choice.thing.split())
        rows.append([thing, _KIND_WORDS.get(choice.kind, choice.kind), *cells])
    table = table_html(["what the words are for", "found in", *labels.values()], rows,
                       caption="Different words for the same thing (loaded ones are labelled “loaded:”)",
                       row_headers=True, css_class="ml-table")
    n = len(w.loaded)
    note = f"<p>{escape(plural(len(w.items), 'word choice'))} found; {escape(plural(n, 'has', 'have'))} a loaded word.</p>"
    return CSS + '<div class="ml-compare">' + note + table + "</div>"


__all__ = ["CONFLICT_STYLE", "CSS", "LEFT_OUT", "PARAPHRASE_STYLE", "QUOTE_STYLE", "column_highlights", "columns_html",
           "count_table_html", "diff_html", "notice_html", "pair_numbers", "pairs_html", "pairs_report", "quoted_html",
           "reporting_html", "sentences_html", "word_choices_html"]
