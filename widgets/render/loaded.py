"""How loaded language is drawn: a colour and underline per technique, labels, details, the sentence strip.

>>> category_label("name_calling"), CATEGORY_STYLES["name_calling"]
('name calling', ('#56B4E9', 'dashed'))
"""
from __future__ import annotations

from ..corpus import Article
from ..lexicon import CATEGORIES
from ..loaded import RULES, LoadedMatch, find_loaded
from ..nlp import SentenceScore
from ..wording import shorten
from .highlights import Highlight, legend_html, render_highlights, style_for
from .html import escape, table_html

#: Each category's (colour, underline style): distinct in colour *and* underline, in a fixed order.
CATEGORY_STYLES = {category: style_for(i) for i, category in enumerate(CATEGORIES)}


def category_label(category: str) -> str:
    """A category's name for people: ``name_calling`` -> ``name calling``.

    >>> category_label("thought_terminating_cliche")
    'thought-terminating cliché'
    """
    if category == "thought_terminating_cliche":
        return "thought-terminating cliché"
    return category.replace("_", " ")


def category_legend(categories, *, title: str = "Categories") -> str:
    """A legend with one swatch (colour, underline style and name) per category, in the order given.

    >>> "name calling" in category_legend(["name_calling"])
    True
    """
    return legend_html([(category_label(c), *CATEGORY_STYLES[c]) for c in categories], title=title)


def match_highlight(match: LoadedMatch, index: int, *, selected: bool = False) -> Highlight:
    """The highlight drawn for one match: the category's colour and underline, and a visible label.

    >>> m = LoadedMatch(0, 5, "thugs", "name_calling", "A label.", None, "quote", "Kirby", "lexicon:thug")
    >>> match_highlight(m, 3).label
    'name calling (Kirby)'
    """
    colour, underline = CATEGORY_STYLES[match.category]
    label = category_label(match.category)
    if match.voice == "quote":
        label += f" ({match.speaker or 'quoted'})"
    if selected:
        label = "▶ " + label
    return Highlight(match.start, match.end, label, colour, underline,
                     title=f"{category_label(match.category)}: {match.text} — {match.explanation}", key=f"m{index}")


def match_choice_label(match: LoadedMatch) -> str:
    """How one match is listed for choosing: its words, technique and whose voice.

    >>> m = LoadedMatch(0, 5, "thugs", "name_calling", "A label.", None, "quote", "Kirby", "lexicon:thug")
    >>> match_choice_label(m)
    'thugs — name calling — quote: Kirby'
    """
    voice = "narrator" if match.voice == "narrator" else "quote: " + (match.speaker or "?")
    return f"{match.text} — {category_label(match.category)} — {voice}"


def sentiment_strip_html(scores: list[SentenceScore]) -> str:
    """One small bar per sentence: polarity as a signed symbol and number, subjectivity as height.

    Never colour alone: each bar shows ``+``/``−``/``0`` and its numbers; hovering shows the sentence
    and the words that drove TextBlob's score.

    >>> from widgets.nlp import sentence_scores
    >>> html = sentiment_strip_html(sentence_scores("It was a brutal crackdown. Talks ended."))
    >>> html.count('class="ml-sent"')
    2
    """
    cells = []
    for i, s in enumerate(scores, start=1):
        sign = "+" if s.polarity > 0.05 else ("−" if s.polarity < -0.05 else "0")
        colour = "#0072B2" if sign == "+" else ("#D55E00" if sign == "−" else "#999999")
        height = 6 + round(34 * s.subjectivity)
        words = ", ".join(f"{w} ({p:+.2f})" for w, p, _ in s.assessments) or "no words TextBlob knows"
        title = (f"Sentence {i}: polarity {s.polarity:+.2f}, subjectivity {s.subjectivity:.2f}. "
                 f"Words: {words}. “{shorten(s.text, 200)}”")
        cells.append(
            f'<div class="ml-sent" title="{escape(title)}" style="display:flex;flex-direction:column;'
            f'justify-content:flex-end;align-items:center;width:1.6em;height:4.2em">'
            f'<div style="height:{height}px;width:1.1em;background:{colour};border:1px solid #333"></div>'
            f'<small style="font:0.7em sans-serif">{sign}</small></div>')
    legend = ("<small>One bar per sentence. Height: subjectivity (0 factual .. 1 opinion). Symbol: "
              "polarity (+ positive, − negative, 0 neutral). Hover for the sentence and TextBlob's words.</small>")
    return f'<div style="display:flex;flex-wrap:wrap;gap:2px;align-items:flex-end">{"".join(cells)}</div>{legend}'


def match_details_html(match: LoadedMatch | None) -> str:
    """The explanation, rule and neutral alternative of one highlight (escaped).

    >>> m = LoadedMatch(0, 5, "thugs", "name_calling", "A label.", "supporters", "narrator", None, "lexicon:thug")
    >>> "supporters" in match_details_html(m)
    True
    """
    if match is None:
        return "<p><em>Choose a highlight in the list to see why it is marked.</em></p>"
    base_rule = match.rule.split(" ")[0]
    base_rule = "scorer" if base_rule.startswith("scorer:") else base_rule
    rule_text = RULES.get(base_rule, "an entry of the lexicon (data/lexicon.csv), which your teacher can edit")
    who = "the outlet's own words (narrator)" if match.voice == "narrator" else \
        f"inside a quotation: {match.speaker or 'speaker not found (for a scare quote: nobody is quoted)'}"
    rows = [("words", match.text), ("technique", category_label(match.category)),
            ("why", match.explanation), ("a neutral writer might say", match.alternative or "(no suggestion)"),
            ("whose words", who), ("rule that fired", f"{match.rule}: {rule_text}")]
    return table_html(None, rows, row_headers=True, css_class="ml-table", cell_style="text-align:left;padding-right:1em")


class HighlightedText:
    """Text with its loaded-language highlights, shown as HTML in a notebook (see :func:`show_loaded`)."""

    def __init__(self, html: str, matches: list[LoadedMatch]):
        self.html = html
        self.matches = matches

    def _repr_html_(self) -> str:
        return self.html

    def __repr__(self) -> str:
        return f"HighlightedText({len(self.matches)} highlights)"


def article_html(article: Article, highlights, *, include_style: bool = True) -> str:
    """The article as every loaded-language view shows it: its headline (bold) above its body, highlighted.

    Highlights outside the headline and the body (site chrome, appended teasers) are not drawn.

    >>> from widgets.corpus import article_from_text
    >>> a = article_from_text("Senator Slams Plan\\n\\nThe senator spoke.", title="Senator Slams Plan",
    ...                       body_starts_at="The senator")
    >>> html = article_html(a, [Highlight(8, 13, "loaded language")], include_style=False)
    >>> html.index("Slams") < html.index("The senator"), html.count('class="ml-mark"')
    (True, 1)
    """
    highlights = list(highlights)
    body = render_highlights(article.body, highlights, base_offset=article.body_start, include_style=include_style)
    span = article.headline_span
    if span is None:
        return body
    headline = render_highlights(article.headline, highlights, base_offset=span[0], include_style=False)
    return f'<div class="ml-headline" role="heading" aria-level="3" style="font-weight:bold">{headline}</div>{body}'


def show_loaded(source, *, body_only: bool = True) -> HighlightedText:
    """Highlight the loaded language in a sentence, a paragraph or an article, with a legend.

    >>> shown = show_loaded("Officials slammed the so-called plan.")
    >>> [m.text for m in shown.matches]
    ['slammed', 'so-called']
    >>> "slammed" in shown._repr_html_()
    True
    """
    matches = find_loaded(source)
    framed = isinstance(source, Article) and body_only  # headline and body, as every view shows an article
    if framed:
        matches = [m for m in matches if source.in_headline_or_body(m.start, m.end)]
    used = [c for c in CATEGORIES if any(m.category == c for m in matches)]
    legend = category_legend(used) if used else ""
    highlights = [match_highlight(m, i) for i, m in enumerate(matches)]
    if framed:
        body = article_html(source, highlights)
    else:
        body = render_highlights(source.raw if isinstance(source, Article) else str(source), highlights)
    return HighlightedText(legend + body, matches)


__all__ = ["CATEGORY_STYLES", "HighlightedText", "article_html", "category_label", "category_legend", "match_choice_label",
           "match_details_html", "match_highlight", "sentiment_strip_html", "show_loaded"]
