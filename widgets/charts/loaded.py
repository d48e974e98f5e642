"""Charts for lesson 04: how much loaded language each outlet uses, in its own voice and in quotes.

Counts are per 1,000 words of each article's body (headlines and appended teasers left out), so a long
article does not look more loaded just because it is long. Every chart shows its numbers as text too,
so nothing is read from colour alone.

>>> chart = density_chart()
>>> chart.to_dict()["facet"]["row"]["field"]
'voice'
"""
from __future__ import annotations

from ..render.loaded import category_label
from ..wording import shorten
from . import use_offline_renderer


def _corpus_and_matches(corpus, matches_by_article):
    from ..corpus import load_corpus
    from ..loaded import find_loaded_corpus

    corpus = corpus if corpus is not None else load_corpus(warn=False)
    if matches_by_article is None:
        matches_by_article = find_loaded_corpus(corpus)
    return corpus, matches_by_article


def density_rows(corpus=None, matches_by_article=None) -> list[dict]:
    """The chart data: one dict per outlet, category and voice, with ``per_1000_words``.

    >>> rows = density_rows()
    >>> sorted(rows[0])
    ['category', 'count', 'outlet', 'per_1000_words', 'voice', 'words']
    """
    from ..loaded import density_table

    corpus, matches_by_article = _corpus_and_matches(corpus, matches_by_article)
    return [{"outlet": r.outlet, "category": category_label(r.category),
             "voice": "narrator (outlet's own words)" if r.voice == "narrator" else "quoted voices",
             "count": r.count, "words": r.words, "per_1000_words": r.per_1000_words}
            for r in density_table(corpus, matches_by_article)]


def density_chart(corpus=None, matches_by_article=None):
    """Loaded language per 1,000 words: outlet (rows) by category (columns), narrator vs quoted voices.

    Each cell shows its number; darker means more.

    >>> from widgets.corpus import article_from_text
    >>> spec = density_chart([article_from_text("The regime's thugs lied again.", id="toy")]).to_dict()
    >>> spec["facet"]["row"]["field"], spec["spec"]["layer"][0]["mark"]["type"]
    ('voice', 'rect')
    """
    import altair as alt

    use_offline_renderer()
    rows = density_rows(corpus, matches_by_article)
    from ..lexicon import CATEGORIES

    order = [category_label(c) for c in CATEGORIES]
    base = alt.Chart().encode(
        x=alt.X("category:N", sort=order, title=None, axis=alt.Axis(labelAngle=-40)),
        y=alt.Y("outlet:N", title=None, axis=alt.Axis(labelLimit=320)),
        tooltip=[alt.Tooltip("outlet:N"), alt.Tooltip("category:N"), alt.Tooltip("voice:N"),
                 alt.Tooltip("count:Q", title="highlights"), alt.Tooltip("words:Q", title="words in the body"),
                 alt.Tooltip("per_1000_words:Q", title="per 1,000 words")],
    )
    cells = base.mark_rect(stroke="#ffffff").encode(
        color=alt.Color("per_1000_words:Q", title="per 1,000 words", scale=alt.Scale(scheme="blues")))
    labels = base.mark_text(fontSize=10).encode(
        text=alt.Text("per_1000_words:Q", format=".1f"),
        color=alt.condition("datum.per_1000_words > 6", alt.value("white"), alt.value("black")))
    return alt.layer(cells, labels, data=alt.Data(values=rows)).properties(width=520, height=150).facet(
        row=alt.Row("voice:N", title=None, sort=["narrator (outlet's own words)", "quoted voices"],
                    header=alt.Header(labelAngle=0, labelAlign="left", labelOrient="top", labelFontWeight="bold")),
    ).properties(title="Loaded language per 1,000 words, by outlet and technique")


def totals_chart(corpus=None, matches_by_article=None):
    """All techniques together: highlights per 1,000 words for each outlet, narrator vs quoted voices.

    >>> totals_chart().to_dict()["facet"]["column"]["field"]
    'voice'
    """
    import altair as alt

    use_offline_renderer()
    totals: dict[tuple[str, str], dict] = {}
    for r in density_rows(corpus, matches_by_article):
        row = totals.setdefault((r["outlet"], r["voice"]), {"outlet": r["outlet"], "voice": r["voice"],
                                                            "count": 0, "words": r["words"]})
        row["count"] += r["count"]
    rows = [dict(r, per_1000_words=round(1000 * r["count"] / r["words"], 1) if r["words"] else 0.0)
            for r in totals.values()]
    base = alt.Chart().encode(
        y=alt.Y("outlet:N", title=None, axis=alt.Axis(labelLimit=320)),
        x=alt.X("per_1000_words:Q", title="highlights per 1,000 words"),
        tooltip=["outlet:N", "voice:N", alt.Tooltip("count:Q", title="highlights"),
                 alt.Tooltip("per_1000_words:Q", title="per 1,000 words")],
    )
    bars = base.mark_bar(color="#0072B2")
    labels = base.mark_text(align="left", dx=3).encode(text=alt.Text("per_1000_words:Q", format=".1f"))
    return alt.layer(bars, labels, data=alt.Data(values=rows)).properties(width=260, height=150).facet(
        column=alt.Column("voice:N", title=None, sort=["narrator (outlet's own words)", "quoted voices"]),
    ).properties(title="All loaded language per 1,000 words")


def subjectivity_rows(corpus=None) -> list[dict]:
    """One dict per sentence in each article's body: outlet, TextBlob subjectivity and polarity.

    >>> rows = subjectivity_rows()
    >>> 0 <= min(r["subjectivity"] for r in rows) <= max(r["subjectivity"] for r in rows) <= 1
    True
    """
    from ..corpus import load_corpus
    from ..nlp import sentence_scores

    corpus = corpus if corpus is not None else load_corpus(warn=False)
    rows = []
    for article in corpus:
        for s in sentence_scores(article):
            if article.in_body(s.start, s.end):
                text = " ".join(s.text.split())
                rows.append({"outlet": article.label, "subjectivity": s.subjectivity, "polarity": s.polarity,
                             "sentence": shorten(text, 120)})
    return rows


def subjectivity_chart(corpus=None):
    """TextBlob subjectivity per sentence (ticks) and its mean (a labelled diamond) for each outlet.

    >>> subjectivity_chart().to_dict()["layer"][0]["mark"]["type"]
    'tick'
    """
    import altair as alt

    use_offline_renderer()
    rows = subjectivity_rows(corpus)
    ticks = alt.Chart().mark_tick(color="#999999", thickness=2, size=14).encode(
        x=alt.X("subjectivity:Q", scale=alt.Scale(domain=[0, 1]),
                title="subjectivity (0 = factual, 1 = opinion), one tick per sentence"),
        y=alt.Y("outlet:N", title=None, axis=alt.Axis(labelLimit=320)),
        tooltip=["sentence:N", alt.Tooltip("subjectivity:Q", format=".2f"), alt.Tooltip("polarity:Q", format="+.2f")],
    )
    means = alt.Chart().mark_point(shape="diamond", size=120, filled=True, color="#D55E00").encode(
        x="mean(subjectivity):Q", y="outlet:N",
        tooltip=["outlet:N", alt.Tooltip("mean(subjectivity):Q", title="mean subjectivity", format=".2f")])
    labels = alt.Chart().mark_text(dy=-12, color="#000000").encode(
        x="mean(subjectivity):Q", y="outlet:N", text=alt.Text("mean(subjectivity):Q", format=".2f"))
    return alt.layer(ticks, means, labels, data=alt.Data(values=rows)).properties(
        width=420, height=190, title="How opinionated is each outlet's language? (TextBlob, per sentence)")


__all__ = ["density_chart", "density_rows", "subjectivity_chart", "subjectivity_rows", "totals_chart"]
