"""How quotations are drawn: a colour and underline per speaker, a visible label, the quote tables.

>>> from widgets.quotes import find_quotes
>>> qs = find_quotes("“Yes,” Kirby said. A “peace plan” too.")
>>> [h.label for h in quote_highlights(qs, speakers=["John Kirby"])]
['John Kirby · direct', 'scare quote']
"""
from __future__ import annotations

from ..corpus import Article
from ..quotes import Quote
from ..speakers import SpeakerTable
from .highlights import Highlight, style_for
from .html import table_html

#: How a scare quote (nobody is quoted), a quote whose speaker was not found and the chosen quote are drawn.
SCARE_STYLE = ("#555555", "dotted")
UNKNOWN_STYLE = ("#000000", "dashed")
SELECTED_STYLE = ("#000000", "double")


def speaker_label(quote: Quote) -> str:
    """The short visible label of a highlight: who is quoted (or "unknown") and the kind.

    >>> from widgets.quotes import find_quotes
    >>> speaker_label(find_quotes("“Yes,” Kirby said.")[0])
    'John Kirby · direct'
    """
    if quote.kind == "scare":
        return "scare quote"
    return f"{quote.speaker or 'unknown'} · {quote.kind}"


def quote_highlights(quotes: list[Quote], *, speakers: list[str], selected: int = -1,
                     indexes: list[int] | None = None) -> list[Highlight]:
    """One highlight per quote (colour and underline by speaker, a visible label), plus the chosen one.

    ``speakers`` fixes the order of the colours, so a speaker keeps its colour when filters change.
    ``indexes`` are the quotes' numbers in the whole article (default 0, 1, ...), used for the keys and
    to find the ``selected`` one.

    >>> from widgets.quotes import find_quotes
    >>> qs = find_quotes("“Yes,” Kirby said. A “peace plan” too.")
    >>> [(h.label, h.underline) for h in quote_highlights(qs, speakers=["John Kirby"])]
    [('John Kirby · direct', 'solid'), ('scare quote', 'dotted')]
    """
    out = []
    indexes = list(range(len(quotes))) if indexes is None else indexes
    for i, q in zip(indexes, quotes):
        if q.kind == "scare":
            colour, underline = SCARE_STYLE
        elif q.speaker is None:
            colour, underline = UNKNOWN_STYLE
        else:
            colour, underline = style_for(speakers.index(q.speaker) if q.speaker in speakers else len(speakers))
        title = f"{q.kind} quote; speaker: {q.speaker or 'none'}; cue: {q.cue or 'none'}; {q.reason}"
        out.append(Highlight(q.start, q.end, speaker_label(q), colour, underline, title=title, key=f"q{i}"))
        if i == selected:
            out.append(Highlight(q.start, q.end, "◀ chosen", *SELECTED_STYLE, title="the quote chosen in the list",
                                 key="chosen"))
    return out


def speaker_legend(speakers: list[str], *, order: list[str] | None = None) -> list[tuple[str, str, str]]:
    """The legend entries (label, colour, underline) for these speakers, plus the two kinds of quote
    without a known speaker. ``order`` is the colour order given to :func:`quote_highlights` (default:
    ``speakers`` itself), so each speaker's swatch matches its highlights.

    >>> [label for label, _, _ in speaker_legend(["John Kirby"])]
    ['John Kirby', 'scare quote (nobody quoted)', 'speaker unknown']
    >>> speaker_legend(["B"], order=["A", "B"])[0] == ("B", *style_for(1))
    True
    """
    order = speakers if order is None else order
    entries = [(s, *style_for(order.index(s))) for s in speakers]
    return entries + [("scare quote (nobody quoted)", *SCARE_STYLE), ("speaker unknown", *UNKNOWN_STYLE)]


def quote_details_html(quote: Quote | None, table: SpeakerTable) -> str:
    """The chosen quote's kind, speaker, cue, mention and the reason, as escaped HTML.

    >>> from widgets.quotes import find_quotes
    >>> from widgets.speakers import load_speakers
    >>> "said" in quote_details_html(find_quotes("“Yes,” Kirby said.")[0], load_speakers())
    True
    """
    if quote is None:
        return "<p><em>Choose a quote in the list to see how its speaker was found.</em></p>"
    speaker = table.get(quote.speaker) if quote.speaker else None
    rows = [
        ("quote", quote.text),
        ("kind", quote.kind),
        ("speaker", quote.speaker or "none"),
        ("role", speaker.role if speaker else "-"),
        ("affiliation", table.affiliation_of(quote.speaker) if quote.speaker else "-"),
        ("cue", quote.cue or "none"),
        ("named in the text as", quote.mention or "-"),
        ("how the speaker was found", quote.reason),
    ]
    return table_html(["", ""], rows, caption="The chosen quote")


def quotes_table_html(quotes: list[Quote], table: SpeakerTable, article: Article | None = None) -> str:
    """All the given quotes as an escaped HTML table.

    >>> from widgets.quotes import find_quotes
    >>> from widgets.speakers import load_speakers
    >>> quotes_table_html(find_quotes("“Yes,” Kirby said."), load_speakers()).count("<tr>")
    2
    """
    rows = []
    for n, q in enumerate(quotes, start=1):
        where = "body" if article is None or article.in_body(q.start, q.end) else "outside the body"
        rows.append((n, q.kind, q.speaker or "-", table.affiliation_of(q.speaker) if q.speaker else "-",
                     q.cue or "-", q.text, where))
    return table_html(["#", "kind", "speaker", "affiliation", "cue", "quoted words", "where"], rows,
                      caption=f"{len(rows)} quotes")


__all__ = ["SCARE_STYLE", "SELECTED_STYLE", "UNKNOWN_STYLE", "quote_details_html", "quote_highlights",
           "quotes_table_html", "speaker_label", "speaker_legend"]
