"""Charts that compare the articles themselves (lesson 01).

>>> from widgets.corpus import load_corpus
>>> chart = corpus_overview_chart(load_corpus())
>>> chart.to_dict()["$schema"]
'https://vega.github.io/schema/vega-lite/v5.20.1.json'
"""
from __future__ import annotations

from ..stats import corpus_stats
from . import categorical_scale, use_offline_renderer

#: The measures the overview chart offers, with a plain-words title each.
MEASURES = {
    "words": "Words in the article body",
    "paragraphs": "Paragraphs (non-empty lines)",
    "sentences": "Sentences (as spaCy splits them)",
    "quotation_marks": "Double quotation marks",
}


def stats_rows(corpus) -> list[dict]:
    """One row per article and measure (long format), ready for Altair.

    >>> from widgets.corpus import load_corpus
    >>> stats_rows(load_corpus())[0]["measure"]
    'Words in the article body'
    """
    rows = []
    for s in corpus_stats(corpus):
        for key, title in MEASURES.items():
            rows.append({"article": s.id, "outlet": s.label, "measure": title, "value": getattr(s, key)})
    return rows


def corpus_overview_chart(corpus):
    """Four small bar charts side by side: words, paragraphs, sentences and quotation marks per article.

    Each measure has its own scale; hover a bar for the exact value and the outlet.

    >>> from widgets.corpus import load_corpus
    >>> spec = corpus_overview_chart(load_corpus()).to_dict()
    >>> spec["facet"]["field"], spec["spec"]["mark"]["type"], spec["facet"]["sort"][0]
    ('measure', 'bar', 'Words in the article body')
    """
    import altair as alt

    use_offline_renderer()
    rows = stats_rows(corpus)
    ids = [a.id for a in corpus]
    base = alt.Chart(alt.Data(values=rows)).mark_bar().encode(
        y=alt.Y("article:N", sort=ids, title=None),
        x=alt.X("value:Q", title=None),
        color=alt.Color("article:N", scale=categorical_scale(ids), legend=None),
        tooltip=[alt.Tooltip("article:N"), alt.Tooltip("outlet:N"), alt.Tooltip("measure:N"), alt.Tooltip("value:Q")],
    ).properties(width=170, height=140)
    return base.facet(
        facet=alt.Facet("measure:N", title=None, sort=list(MEASURES.values())), columns=2
    ).resolve_scale(x="independent").properties(title="The five articles at a glance")


def quote_marks_chart(corpus):
    """Bars per kind of mark: straight vs curly opening vs curly closing double quotation marks per article.

    Unequal opening and closing counts point at a mismatched mark; straight and curly in one article
    at mixed styles (often copy-and-paste from different sources).

    >>> from widgets.corpus import article_from_text
    >>> spec = quote_marks_chart([article_from_text("“We will see,” Kirby said.", id="toy")]).to_dict()
    >>> [(r["mark"], r["count"]) for r in spec["data"]["values"]]
    [('straight "', 0), ('curly opening “', 1), ('curly closing ”', 1)]
    """
    import altair as alt

    use_offline_renderer()
    kinds = {"straight \"": "straight_double", "curly opening “": "curly_open", "curly closing ”": "curly_close"}
    rows = []
    for s in corpus_stats(corpus):
        for name, attr in kinds.items():
            rows.append({"article": s.id, "outlet": s.label, "mark": name, "count": getattr(s, attr)})
    ids = [a.id for a in corpus]
    # One column per kind of mark (named in the header), so the chart does not rely on colour alone.
    return alt.Chart(alt.Data(values=rows)).mark_bar(stroke="black", strokeWidth=0.5).encode(
        y=alt.Y("article:N", sort=ids, title=None),
        x=alt.X("count:Q", title="marks in the body"),
        color=alt.Color("mark:N", scale=categorical_scale(list(kinds)), legend=None),
        tooltip=["article:N", "outlet:N", "mark:N", "count:Q"],
    ).properties(width=150, height=140).facet(
        column=alt.Column("mark:N", sort=list(kinds), title="Which double quotation marks does each article use?")
    )

__all__ = ["MEASURES", "corpus_overview_chart", "quote_marks_chart", "stats_rows"]
