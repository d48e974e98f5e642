"""Charts about who is quoted (lesson 02): quoted words by speaker and affiliation, quote kinds, voices.

Every bar carries a text label as well as a colour, so nothing depends on colour alone.

>>> from widgets.corpus import load_corpus
>>> chart = quote_kinds_chart(load_corpus())
>>> chart.to_dict()["$schema"]
'https://vega.github.io/schema/vega-lite/v5.20.1.json'
"""
from __future__ import annotations

from ..quotes import KINDS, find_quotes
from ..speakers import load_speakers
from ..wording import shorten
from . import categorical_scale, use_offline_renderer

NO_SPEAKER = "no speaker named"
SCARE = "scare quote (nobody quoted)"


def quote_rows(corpus, *, speakers=None, body_only: bool = True) -> list[dict]:
    """One row per quote in every article: outlet, kind, speaker, affiliation, side and word count.

    Args:
        corpus: a :class:`~widgets.corpus.Corpus` (or any list of articles).
        speakers: the speaker table (default ``data/speakers.csv``).
        body_only: leave out quotes in headlines, site chrome and appended teasers.

    >>> from widgets.corpus import article_from_text
    >>> rows = quote_rows([article_from_text("“We will see,” Kirby said.", id="toy")])
    >>> rows[0]["speaker"], rows[0]["affiliation"], rows[0]["words"]
    ('John Kirby', 'US government', 3)
    """
    from ..nlp import parse_corpus

    table = speakers if speakers is not None else load_speakers()
    articles = list(corpus)
    parse_corpus(articles)
    rows = []
    for article in articles:
        for q in find_quotes(article, speakers=table):
            if body_only and not article.in_body(q.start, q.end):
                continue
            if q.kind == "scare":
                speaker = affiliation = side = SCARE
            elif q.speaker is None:
                speaker = affiliation = side = NO_SPEAKER
            else:
                speaker, affiliation, side = q.speaker, table.affiliation_of(q.speaker), table.side_of(q.speaker)
            rows.append({"article": article.id, "outlet": article.label, "kind": q.kind, "speaker": speaker,
                         "affiliation": affiliation, "side": side, "words": len(q.text.split()),
                         "text": shorten(q.text, 80)})
    return rows


def quoted_words_rows(rows: list[dict], *, by: str = "speaker") -> list[dict]:
    """Share of each article's quoted words per speaker (or affiliation, or side); scare quotes left out.

    >>> quoted_words_rows([{"article": "a", "outlet": "A", "speaker": "X", "kind": "direct", "words": 3},
    ...                    {"article": "a", "outlet": "A", "speaker": "Y", "kind": "partial", "words": 1}])
    [{'article': 'a', 'outlet': 'A', 'speaker': 'X', 'words': 3, 'share': 0.75}, {'article': 'a', 'outlet': 'A', 'speaker': 'Y', 'words': 1, 'share': 0.25}]
    """
    if by not in ("speaker", "affiliation", "side"):
        from ..errors import KitError

        raise KitError(f"Cannot group quoted words by {by!r}.", fix='Use by="speaker", "affiliation" or "side".')
    totals: dict[str, int] = {}
    counts: dict[tuple[str, str, str], int] = {}
    for r in rows:
        if r["kind"] == "scare":
            continue
        totals[r["article"]] = totals.get(r["article"], 0) + r["words"]
        k = (r["article"], r["outlet"], r[by])
        counts[k] = counts.get(k, 0) + r["words"]
    return [{"article": a, "outlet": o, by: c, "words": n, "share": round(n / totals[a], 4)}
            for (a, o, c), n in sorted(counts.items(), key=lambda kv: (kv[0][0], -kv[1], kv[0][2]))]


def _labelled_bars(values: list[dict], *, y: str, x: str, colour: str, facet: str, x_title: str,
                   title: str, x_format: str = "", sort=None, colour_domain=None):
    import altair as alt

    use_offline_renderer()
    data = alt.Data(values=values)
    colour_scale = categorical_scale(colour_domain) if colour_domain and len(colour_domain) <= 8 else categorical_scale()
    tooltip = [alt.Tooltip(f"{facet}:N"), alt.Tooltip(f"{y}:N"), alt.Tooltip(f"{x}:Q", format=x_format or "d")]
    base = alt.Chart(data).encode(
        y=alt.Y(f"{y}:N", title=None, sort=sort or "-x"),
        x=alt.X(f"{x}:Q", title=x_title, axis=alt.Axis(format=x_format) if x_format else alt.Axis()),
        tooltip=tooltip,
    )
    bars = base.mark_bar().encode(color=alt.Color(f"{colour}:N", scale=colour_scale, legend=None))
    labels = base.mark_text(align="left", dx=3, fontSize=10).encode(
        text=alt.Text(f"{x}:Q", format=x_format or "d"))
    return alt.layer(bars, labels).properties(width=220, height=alt.Step(14)).facet(
        row=alt.Row(f"{facet}:N", title=None, header=alt.Header(labelAngle=0, labelAlign="left")),
    ).resolve_scale(y="independent").properties(title=title)


def quoted_words_chart(corpus, *, by: str = "speaker", speakers=None):
    """Bars per outlet: what share of the quoted words goes to each speaker (or affiliation, or side).

    Scare quotes are left out (nobody is quoted); quotes with no named speaker show as
    "no speaker named".

    >>> from widgets.corpus import article_from_text
    >>> a = article_from_text("“We will rebuild the bridge by May,” said Maria Lopez.", id="a")
    >>> spec = quoted_words_chart([a]).to_dict()
    >>> spec["title"], [(r["speaker"], r["words"], r["share"]) for r in spec["data"]["values"]]
    ('Whose words? Share of quoted words by speaker', [('Maria Lopez', 7, 1.0)])
    """
    values = quoted_words_rows(quote_rows(corpus, speakers=speakers), by=by)
    domain = sorted({v[by] for v in values})
    return _labelled_bars(values, y=by, x="share", colour=by, facet="outlet", x_format=".0%",
                          x_title="share of the article's quoted words",
                          title=f"Whose words? Share of quoted words by {by}", colour_domain=domain)


def quote_kinds_chart(corpus, *, speakers=None):
    """Bars per outlet: how many direct, partial and scare quotes it uses.

    >>> from widgets.corpus import article_from_text
    >>> spec = quote_kinds_chart([article_from_text("“We will see,” Kirby said.", id="toy")]).to_dict()
    >>> [(r["kind"], r["quotes"]) for r in spec["data"]["values"]]
    [('direct', 1), ('partial', 0), ('scare', 0)]
    """
    rows = quote_rows(corpus, speakers=speakers)
    counts: dict[tuple[str, str], int] = {}
    for r in rows:
        counts[(r["outlet"], r["kind"])] = counts.get((r["outlet"], r["kind"]), 0) + 1
    outlets = sorted({r["outlet"] for r in rows})
    values = [{"outlet": o, "kind": k, "quotes": counts.get((o, k), 0)} for o in outlets for k in KINDS]
    return _labelled_bars(values, y="kind", x="quotes", colour="kind", facet="outlet", x_title="quotes",
                          title="Direct, partial and scare quotes in each article", sort=list(KINDS),
                          colour_domain=list(KINDS))


def voices_rows(rows: list[dict]) -> list[dict]:
    """How many different speakers each article quotes from each side (unnamed and scare left out).

    >>> voices_rows([{"outlet": "A", "side": "S", "speaker": "X"}, {"outlet": "A", "side": "S", "speaker": "X"},
    ...              {"outlet": "A", "side": "S", "speaker": "Y"}])
    [{'outlet': 'A', 'side': 'S', 'voices': 2, 'speakers': 'X, Y'}]
    """
    voices: dict[tuple[str, str], set[str]] = {}
    for r in rows:
        if r["speaker"] in (NO_SPEAKER, SCARE):
            continue
        voices.setdefault((r["outlet"], r["side"]), set()).add(r["speaker"])
    return [{"outlet": o, "side": s, "voices": len(v), "speakers": ", ".join(sorted(v))}
            for (o, s), v in sorted(voices.items())]


def voices_chart(corpus, *, speakers=None):
    """Bars per outlet: how many different voices (speakers) it quotes from each side.

    >>> from widgets.corpus import article_from_text
    >>> spec = voices_chart([article_from_text("“We will see,” Kirby said.", id="toy")]).to_dict()
    >>> [(r["side"], r["voices"], r["speakers"]) for r in spec["data"]["values"]]
    [('US and allies', 1, 'John Kirby')]
    >>> [t["field"] for t in spec["spec"]["layer"][0]["encoding"]["tooltip"]]
    ['outlet', 'side', 'voices', 'speakers']
    """
    import altair as alt

    values = voices_rows(quote_rows(corpus, speakers=speakers))
    sides = sorted({v["side"] for v in values})
    chart = _labelled_bars(values, y="side", x="voices", colour="side", facet="outlet",
                           x_title="different speakers quoted", title="How many voices from each side?",
                           sort=sides, colour_domain=sides)
    # Add the speakers' names to the tooltip.
    chart.spec.layer[0].encoding.tooltip = [alt.Tooltip("outlet:N"), alt.Tooltip("side:N"),
                                            alt.Tooltip("voices:Q"), alt.Tooltip("speakers:N")]
    return chart


__all__ = ["quote_kinds_chart", "quote_rows", "quoted_words_chart", "quoted_words_rows", "voices_chart",
           "voices_rows"]
