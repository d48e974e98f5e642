"""Charts for source comparison (lesson 03): coverage, shared quotes and word choices per outlet.

Every chart prints its numbers in the cells or beside the bars, so nothing depends on colour alone.

>>> from widgets.corpus import load_corpus
>>> from widgets.compare import compare
>>> corpus = load_corpus()
>>> result = compare(list(corpus))
>>> coverage_heatmap(result).to_dict()["$schema"]
'https://vega.github.io/schema/vega-lite/v5.20.1.json'
"""
from __future__ import annotations

from . import categorical_scale, use_offline_renderer


def _labels(result, labels):
    labels = dict(labels or {})
    return {f: labels.get(f, f) for f in result.files}


def coverage_rows(result, *, kind: str = "fact", labels: dict[str, str] | None = None, min_outlets: int = 0) -> list[dict]:
    """One row per item and outlet: ``{"item", "outlet", "mentions", "status"}`` ("left out" for 0).

    ``min_outlets`` keeps only items mentioned by at least that many outlets (useful for entities).

    >>> from widgets.compare import Comparison
    >>> from widgets.coverage import Fact
    >>> r = Comparison(("a", "b"), (), (), (), facts=(Fact("Taiwan", ("Taiwan",)),))
    >>> coverage_rows(r)[0]
    {'item': 'Taiwan', 'outlet': 'a', 'mentions': 0, 'status': 'left out'}
    """
    names = _labels(result, labels)
    rows = []
    for item, row in result.coverage_table(kind=kind).items():
        if sum(1 for v in row.values() if v) < min_outlets:
            continue
        for f in result.files:
            n = row.get(f, 0)
            rows.append({"item": item, "outlet": names[f], "mentions": n, "status": "mentioned" if n else "left out"})
    return rows


def coverage_heatmap(result, *, kind: str = "fact", labels: dict[str, str] | None = None, min_outlets: int = 0):
    """Heatmap of items (facts, or entities with ``kind="entity"``) x outlets; each cell shows its count,
    and "left out" cells are outlined with a dashed border as well as left white.

    >>> from widgets.compare import Comparison
    >>> from widgets.coverage import Fact
    >>> spec = coverage_heatmap(Comparison(("a", "b"), (), (), (), facts=(Fact("Taiwan", ("Taiwan",)),))).to_dict()
    >>> spec["title"], [layer["mark"]["type"] for layer in spec["layer"]]
    ('Which outlet mentions which key facts? (0 = left out)', ['rect', 'text'])
    """
    import altair as alt

    use_offline_renderer()
    rows = coverage_rows(result, kind=kind, labels=labels, min_outlets=min_outlets)
    outlets = list(_labels(result, labels).values())
    items = list(dict.fromkeys(r["item"] for r in rows))
    base = alt.Chart(alt.Data(values=rows)).encode(
        x=alt.X("outlet:N", sort=outlets, title=None, axis=alt.Axis(labelAngle=-30, labelLimit=220)),
        y=alt.Y("item:N", sort=items, title=None, axis=alt.Axis(labelLimit=260)),
        tooltip=["item:N", "outlet:N", "mentions:Q", "status:N"],
    )
    cells = base.mark_rect(stroke="#333").encode(
        color=alt.Color("mentions:Q", scale=alt.Scale(scheme="blues", domainMin=0), title="mentions"),
        strokeDash=alt.StrokeDash("status:N", scale=alt.Scale(domain=["mentioned", "left out"], range=[[1, 0], [4, 3]]),
                                  title="cell"),
    )
    text = base.mark_text(fontSize=11).encode(
        text=alt.Text("mentions:Q"),
        color=alt.condition(alt.datum.mentions > 4, alt.value("white"), alt.value("black")),
    )
    what = "key facts" if kind == "fact" else "people, organisations and places"
    return (cells + text).properties(
        width=max(160, 70 * len(outlets)), height=max(120, 18 * len(items)),
        title=f"Which outlet mentions which {what}? (0 = left out)")


def overlap_rows(result, *, labels: dict[str, str] | None = None) -> list[dict]:
    """One row per pair of outlets: how many aligned quote pairs they share, and how many of those give
    the words to different speakers. Both orders are listed so the chart is a full matrix.

    >>> from widgets.compare import Comparison
    >>> overlap_rows(Comparison(("a", "b"), (), (), ()))[1]
    {'outlet_a': 'a', 'outlet_b': 'b', 'shared': 0, 'different_speaker': 0, 'paraphrased': 0}
    """
    names = _labels(result, labels)
    counts = {(a, b): [0, 0, 0] for a in result.files for b in result.files}
    for p in result.aligned:
        for x, y in ((p.a.file, p.b.file), (p.b.file, p.a.file)):
            c = counts[(x, y)]
            c[0] += 1
            c[1] += p.same_speaker is False
            c[2] += p.paraphrase
    return [{"outlet_a": names[a], "outlet_b": names[b], "shared": c[0], "different_speaker": c[1], "paraphrased": c[2]}
            for (a, b), c in counts.items()]


def quote_overlap_chart(result, *, labels: dict[str, str] | None = None):
    """Matrix of outlets x outlets: the number of statements both report (quoted or paraphrased);
    the cell text says how many of them are given to different speakers ("2 (1 diff. speaker)").

    >>> from widgets.compare import Comparison
    >>> spec = quote_overlap_chart(Comparison(("a", "b"), (), (), ())).to_dict()
    >>> spec["title"], [layer["mark"]["type"] for layer in spec["layer"]]
    ('How many statements do two outlets both report?', ['rect', 'text'])
    """
    import altair as alt

    use_offline_renderer()
    rows = overlap_rows(result, labels=labels)
    for r in rows:
        r["label"] = f"{r['shared']}" + (f" ({r['different_speaker']} diff. speaker)" if r["different_speaker"] else "")
    outlets = list(_labels(result, labels).values())
    base = alt.Chart(alt.Data(values=rows)).encode(
        x=alt.X("outlet_b:N", sort=outlets, title=None, axis=alt.Axis(labelAngle=-30, labelLimit=220)),
        y=alt.Y("outlet_a:N", sort=outlets, title=None, axis=alt.Axis(labelLimit=220)),
        tooltip=["outlet_a:N", "outlet_b:N", "shared:Q", "different_speaker:Q", "paraphrased:Q"],
    )
    cells = base.mark_rect(stroke="#333").encode(
        color=alt.Color("shared:Q", scale=alt.Scale(scheme="oranges", domainMin=0), title="shared statements"))
    text = base.mark_text(fontSize=11).encode(text="label:N")
    return (cells + text).properties(width=max(160, 90 * len(outlets)), height=max(120, 40 * len(outlets)),
                                     title="How many statements do two outlets both report?")


def framing_rows(result, *, labels: dict[str, str] | None = None) -> list[dict]:
    """One row per framing term and outlet: ``{"group", "term", "outlet", "uses"}``.

    >>> from widgets.corpus import article_from_text
    >>> from widgets.compare import compare
    >>> from widgets.framing import FramingTerm
    >>> terms = [FramingTerm("Kyiv or Kiev", "Kyiv", ("Kyiv",)), FramingTerm("Kyiv or Kiev", "Kiev", ("Kiev",))]
    >>> result = compare([article_from_text("Kyiv is far.", id="a"), article_from_text("Kiev is far.", id="b")],
    ...                  facts=[], terms=terms, automatic=False)
    >>> [(r["term"], r["outlet"], r["uses"]) for r in framing_rows(result)]
    [('Kyiv', 'a', 1), ('Kyiv', 'b', 0), ('Kiev', 'a', 0), ('Kiev', 'b', 1)]
    """
    names = _labels(result, labels)
    group_of = {t.term: t.group for t in result.terms}
    rows = []
    for term, row in result.framing_table().items():
        for f in result.files:
            rows.append({"group": group_of.get(term, term), "term": term, "outlet": names[f], "uses": row.get(f, 0)})
    return rows


def framing_chart(result, *, labels: dict[str, str] | None = None, groups=None):
    """Word choices per outlet: one small bar chart per choice (Kyiv or Kiev, war/crisis/conflict, ...),
    terms on the axis (named, so colour is not needed to tell them apart) and the count beside each bar.

    >>> from widgets.corpus import article_from_text
    >>> from widgets.compare import compare
    >>> from widgets.framing import FramingTerm
    >>> terms = [FramingTerm("Kyiv or Kiev", "Kyiv", ("Kyiv",)), FramingTerm("Kyiv or Kiev", "Kiev", ("Kiev",))]
    >>> result = compare([article_from_text("Kyiv is far.", id="a"), article_from_text("Kiev is far.", id="b")],
    ...                  facts=[], terms=terms, automatic=False)
    >>> spec = framing_chart(result).to_dict()
    >>> spec["facet"]["column"]["title"], spec["spec"]["layer"][0]["mark"]["type"]
    ('Word choices per outlet', 'bar')
    """
    import altair as alt

    use_offline_renderer()
    rows = framing_rows(result, labels=labels)
    if groups is not None:
        rows = [r for r in rows if r["group"] in set(groups)]
    terms = list(dict.fromkeys(r["term"] for r in rows))
    outlets = list(_labels(result, labels).values())
    base = alt.Chart().encode(
        y=alt.Y("term:N", sort=terms, title=None, axis=alt.Axis(labelLimit=220)),
        x=alt.X("uses:Q", title="uses"),
        tooltip=["outlet:N", "group:N", "term:N", "uses:Q"],
    )
    bars = base.mark_bar(stroke="black", strokeWidth=0.5).encode(
        color=alt.Color("group:N", scale=categorical_scale(list(dict.fromkeys(r["group"] for r in rows))), legend=None))
    text = base.mark_text(align="left", dx=3).encode(text="uses:Q")
    return alt.layer(bars, text, data=alt.Data(values=rows)).properties(width=140, height=max(80, 16 * len(terms))).facet(
        column=alt.Column("outlet:N", sort=outlets, title="Word choices per outlet", header=alt.Header(labelLimit=200))
    ).resolve_scale(y="shared")


# --------------------------------------------------------------------------------------------------
# The automatic tables as charts: shared and missing reporting, who is quoted
# --------------------------------------------------------------------------------------------------
#: The three kinds of statement per article, in the order the bars show them.
REPORTING_KINDS = ("others report it too", "only this article", "left out (most others report it)")


def reporting_rows(result, *, labels: dict[str, str] | None = None) -> list[dict]:
    """One row per article and kind of statement: ``{"outlet", "kind", "statements"}`` (see
    :data:`REPORTING_KINDS`); none when the comparison has no reporting table.

    >>> from widgets.corpus import article_from_text
    >>> from widgets.compare import compare
    >>> a = article_from_text("The bridge in Porto reopened on Monday after repairs.", id="a")
    >>> b = article_from_text("Repairs ended and the Porto bridge reopened on Monday.", id="b")
    >>> reporting_rows(compare([a, b], facts=[], terms=[]))[:2]
    [{'outlet': 'a', 'kind': 'others report it too', 'statements': 1}, {'outlet': 'a', 'kind': 'only this article', 'statements': 0}]
    """
    if result.reporting is None:
        return []
    names = _labels(result, labels)
    rows = []
    for f in result.files:
        mine = result.reporting.for_file(f)
        for kind, n in zip(REPORTING_KINDS, (len(mine.shared), len(mine.only_here), len(mine.left_out))):
            rows.append({"outlet": names[f], "kind": kind, "statements": n})
    return rows


def reporting_chart(result, *, labels: dict[str, str] | None = None):
    """Bars per outlet: how many statements it shares with others, reports alone, and leaves out while
    most others report them. Each bar is named on its axis and carries its count (not colour alone).

    >>> from widgets.corpus import article_from_text
    >>> from widgets.compare import compare
    >>> a = article_from_text("The bridge in Porto reopened on Monday after repairs.", id="a")
    >>> b = article_from_text("Repairs ended and the Porto bridge reopened on Monday.", id="b")
    >>> spec = reporting_chart(compare([a, b], facts=[], terms=[])).to_dict()
    >>> spec["facet"]["column"]["title"], spec["spec"]["layer"][0]["mark"]["type"]
    ('Shared and missing reporting', 'bar')
    """
    import altair as alt

    use_offline_renderer()
    rows = reporting_rows(result, labels=labels)
    outlets = list(_labels(result, labels).values())
    base = alt.Chart().encode(
        y=alt.Y("kind:N", sort=list(REPORTING_KINDS), title=None, axis=alt.Axis(labelLimit=260)),
        x=alt.X("statements:Q", title="statements", axis=alt.Axis(tickMinStep=1)),
        tooltip=["outlet:N", "kind:N", "statements:Q"],
    )
    bars = base.mark_bar(stroke="black", strokeWidth=0.5).encode(
        color=alt.Color("kind:N", scale=categorical_scale(list(REPORTING_KINDS)), legend=None))
    text = base.mark_text(align="left", dx=3).encode(text="statements:Q")
    return alt.layer(bars, text, data=alt.Data(values=rows)).properties(width=160, height=alt.Step(18)).facet(
        column=alt.Column("outlet:N", sort=outlets, title="Shared and missing reporting",
                          header=alt.Header(labelLimit=200))
    ).resolve_scale(y="shared")


def quoted_rows(result, *, labels: dict[str, str] | None = None) -> list[dict]:
    """One row per article and speaker it quotes: ``{"outlet", "speaker", "side", "quotes", "share"}``
    (``share``: of the article's quoted words, 0-1).

    >>> from widgets.corpus import article_from_text
    >>> from widgets.compare import compare
    >>> a = article_from_text("“We will rebuild the bridge by May,” said Maria Lopez.", id="a")
    >>> b = article_from_text("“It was a shock,” said Tom Reyes.", id="b")
    >>> [(r["outlet"], r["speaker"], r["share"]) for r in quoted_rows(compare([a, b], facts=[], terms=[]))]
    [('a', 'Maria Lopez', 1.0), ('b', 'Tom Reyes', 1.0)]
    """
    if result.quoted is None:
        return []
    names = _labels(result, labels)
    return [{"outlet": names[s.file], "speaker": s.speaker, "side": s.side, "quotes": s.quotes, "share": s.word_share}
            for s in result.quoted.speakers]


def quoted_chart(result, *, labels: dict[str, str] | None = None):
    """Bars per outlet: each speaker's share of the article's quoted words, the share printed beside
    each bar and the speaker named on the axis.

    >>> from widgets.corpus import article_from_text
    >>> from widgets.compare import compare
    >>> a = article_from_text("“We will rebuild the bridge by May,” said Maria Lopez.", id="a")
    >>> b = article_from_text("“It was a shock,” said Tom Reyes.", id="b")
    >>> spec = quoted_chart(compare([a, b], facts=[], terms=[])).to_dict()
    >>> spec["facet"]["column"]["title"], [(r["speaker"], r["share"]) for r in spec["data"]["values"]]
    ('Who is quoted', [('Maria Lopez', 1.0), ('Tom Reyes', 1.0)])
    """
    import altair as alt

    use_offline_renderer()
    rows = quoted_rows(result, labels=labels)
    outlets = list(_labels(result, labels).values())
    speakers = list(dict.fromkeys(r["speaker"] for r in rows))
    base = alt.Chart().encode(
        y=alt.Y("speaker:N", sort="-x", title=None, axis=alt.Axis(labelLimit=220)),
        x=alt.X("share:Q", title="share of the quoted words", axis=alt.Axis(format=".0%"),
                scale=alt.Scale(domain=[0, 1])),
        tooltip=["outlet:N", "speaker:N", "side:N", "quotes:Q", alt.Tooltip("share:Q", format=".0%")],
    )
    bars = base.mark_bar(stroke="black", strokeWidth=0.5).encode(
        color=alt.Color("speaker:N", scale=categorical_scale(speakers if len(speakers) <= 8 else None), legend=None))
    text = base.mark_text(align="left", dx=3).encode(text=alt.Text("share:Q", format=".0%"))
    return alt.layer(bars, text, data=alt.Data(values=rows)).properties(width=160, height=alt.Step(16)).facet(
        column=alt.Column("outlet:N", sort=outlets, title="Who is quoted", header=alt.Header(labelLimit=200))
    ).resolve_scale(y="independent")


__all__ = ["REPORTING_KINDS", "coverage_heatmap", "coverage_rows", "framing_chart", "framing_rows", "overlap_rows",
           "quote_overlap_chart", "quoted_chart", "quoted_rows", "reporting_chart", "reporting_rows"]
