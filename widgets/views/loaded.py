"""LoadedLanguageHighlighter: see the loaded words in an article, by category and by voice.

>>> view = LoadedLanguageHighlighter(article_id="xi-invites-putin")
>>> view.model.article_id, view.model.voice
('xi-invites-putin', 'both')
>>> "malarkey" in view.text.value
True
>>> view.model.voice = "narrator"          # narrator only: Kirby's "malarkey" is hidden
>>> 'title="loaded language: malarkey' in view.text.value
False
>>> view.model.categories = ("slogan",)    # one category only
>>> sorted({m.category for m in view.visible_matches()})
['slogan']
"""
from __future__ import annotations

import ipywidgets as W
import traitlets

from ..corpus import Corpus, load_corpus
from ..htmltools import STYLE, Highlight, escape, legend_html, render_highlights, style_for
from ..lexicon import CATEGORIES
from ..loaded import RULES, LoadedMatch, find_loaded
from ..nlp import SentenceScore, sentence_scores

VOICE_CHOICES = (("narrator and quotes", "both"), ("narrator only", "narrator"), ("quotes only", "quote"))
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


class HighlightedText:
    """Text with its loaded-language highlights, shown as HTML in a notebook (see :func:`show_loaded`)."""

    def __init__(self, html: str, matches: list[LoadedMatch]):
        self.html = html
        self.matches = matches

    def _repr_html_(self) -> str:
        return self.html

    def __repr__(self) -> str:
        return f"HighlightedText({len(self.matches)} highlights)"


def show_loaded(source, *, body_only: bool = True) -> HighlightedText:
    """Highlight the loaded language in a sentence, a paragraph or an article, with a legend.

    >>> shown = show_loaded("Officials slammed the so-called plan.")
    >>> [m.text for m in shown.matches]
    ['slammed', 'so-called']
    >>> "slammed" in shown._repr_html_()
    True
    """
    from ..corpus import Article

    matches = find_loaded(source)
    if isinstance(source, Article) and body_only:
        matches = [m for m in matches if source.in_body(m.start, m.end)]
        text, base = source.body, source.body_start
    else:
        text, base = (source.raw if isinstance(source, Article) else str(source)), 0
    used = [c for c in CATEGORIES if any(m.category == c for m in matches)]
    legend = legend_html([(category_label(c), *CATEGORY_STYLES[c]) for c in used], title="Categories") if used else ""
    body = render_highlights(text, [match_highlight(m, i) for i, m in enumerate(matches)], base_offset=base)
    return HighlightedText(legend + body, matches)


class LoadedModel(traitlets.HasTraits):
    """What the highlighter shows: one article, some categories, one voice filter, a selected highlight."""

    article_id = traitlets.Unicode()
    categories = traitlets.Tuple(default_value=tuple(CATEGORIES))
    voice = traitlets.Enum(["both", "narrator", "quote"], default_value="both")
    selected = traitlets.Int(-1)

    @traitlets.validate("categories")
    def _known_categories(self, proposal):
        unknown = [c for c in proposal["value"] if c not in CATEGORIES]
        if unknown:
            raise traitlets.TraitError(f"Unknown categories {unknown}; choose from: {', '.join(CATEGORIES)}.")
        return tuple(c for c in CATEGORIES if c in proposal["value"])


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
                 f"Words: {words}. “{s.text.strip()[:200]}”")
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
    body = "".join(f"<tr><th style='text-align:left;padding-right:1em'>{escape(k)}</th><td>{escape(v)}</td></tr>"
                   for k, v in rows)
    return f"<table>{body}</table>"


class LoadedLanguageHighlighter(W.VBox):
    """Choose an article; toggle categories and voices; pick a highlight to see why it is marked."""

    def __init__(self, corpus: Corpus | None = None, *, article_id: str | None = None):
        self.corpus = corpus if corpus is not None else load_corpus()
        ids = list(self.corpus.ids)
        self.model = LoadedModel(article_id=article_id or (ids[0] if ids else ""))
        self._matches: dict[str, list[LoadedMatch]] = {}
        self._scores: dict[str, list[SentenceScore]] = {}
        self._shown: list[LoadedMatch] = []
        self._syncing = False
        self.chooser = W.Dropdown(options=[(a.label, a.id) for a in self.corpus], description="Article:",
                                  layout=W.Layout(width="32em"), style={"description_width": "initial"})
        self.toggles = {c: W.Checkbox(value=True, description=category_label(c), indent=False,
                                      layout=W.Layout(width="19em")) for c in CATEGORIES}
        self.voice = W.ToggleButtons(options=VOICE_CHOICES, description="Voice:",
                                     style={"description_width": "initial", "button_width": "12.5em"})
        self.legend = W.HTML()
        self.text = W.HTML()
        self.selector = W.Select(options=[], rows=9, layout=W.Layout(width="30em"))
        self.details = W.HTML(layout=W.Layout(width="40em", margin="0 0 0 1em"))
        self.strip = W.HTML()
        self.errors = W.Output()
        traitlets.link((self.model, "article_id"), (self.chooser, "value"))
        traitlets.link((self.model, "voice"), (self.voice, "value"))
        for checkbox in self.toggles.values():
            checkbox.observe(self._on_toggle, names="value")
        self.selector.observe(self._on_select, names="value")
        self.model.observe(self._on_change, names=["article_id", "categories", "voice"])
        self.model.observe(self._on_selected, names="selected")
        super().__init__([
            self.chooser,
            W.HTML("<b>Categories</b> (tick to show; Tab and Space work too):"),
            W.GridBox(list(self.toggles.values()), layout=W.Layout(grid_template_columns="repeat(4, 19em)")),
            self.voice,
            W.HTML("<b>Highlights</b> (choose one to see why it is marked):"),
            W.HBox([self.selector, self.details]),
            self.legend, self.text, W.HTML("<b>Sentence by sentence</b> (TextBlob):"), self.strip, self.errors,
        ])
        self.render()

    # -- state -> widgets ---------------------------------------------------------------------------
    def matches(self) -> list[LoadedMatch]:
        """All highlights in the current article's body (computed once per article)."""
        article_id = self.model.article_id
        if article_id not in self._matches:
            article = self.corpus[article_id]
            self._matches[article_id] = [m for m in find_loaded(article) if article.in_body(m.start, m.end)]
        return self._matches[article_id]

    def visible_matches(self) -> list[LoadedMatch]:
        """The highlights that pass the category and voice filters."""
        wanted = set(self.model.categories)
        voice = self.model.voice
        return [m for m in self.matches() if m.category in wanted and (voice == "both" or m.voice == voice)]

    def render(self) -> None:
        """Redraw the legend, the text, the list of highlights and the sentence strip."""
        if not self.model.article_id:
            self.text.value = "<p>No articles were loaded. Run <code>medialit check</code> to see why.</p>"
            return
        article = self.corpus[self.model.article_id]
        self._shown = self.visible_matches()
        counts = {c: sum(m.category == c for m in self.matches()) for c in CATEGORIES}
        self._syncing = True  # setting the boxes from the model must not feed back into the model
        try:
            for category, checkbox in self.toggles.items():
                checkbox.description = f"{category_label(category)} ({counts[category]})"
                checkbox.value = category in self.model.categories
        finally:
            self._syncing = False
        self.legend.value = legend_html([(category_label(c), *CATEGORY_STYLES[c]) for c in self.model.categories],
                                        title="Categories")
        self.selector.options = [(f"{m.text} — {category_label(m.category)} — "
                                  f"{'narrator' if m.voice == 'narrator' else 'quote: ' + (m.speaker or '?')}", i)
                                 for i, m in enumerate(self._shown)]
        self.model.selected = -1
        self.details.value = match_details_html(None)
        self._draw_text()
        if article.id not in self._scores:
            body_scores = [s for s in sentence_scores(article) if article.in_body(s.start, s.end)]
            self._scores[article.id] = body_scores
        self.strip.value = sentiment_strip_html(self._scores[article.id])

    def _draw_text(self) -> None:
        article = self.corpus[self.model.article_id]
        highlights = [match_highlight(m, i, selected=(i == self.model.selected)) for i, m in enumerate(self._shown)]
        self.text.value = render_highlights(article.body, highlights, base_offset=article.body_start)

    # -- callbacks (short, errors shown in self.errors) ---------------------------------------------
    def _on_toggle(self, change) -> None:
        if self._syncing:
            return
        with self.errors:
            self.model.categories = tuple(c for c, box in self.toggles.items() if box.value)

    def _on_change(self, change) -> None:
        with self.errors:
            self.render()

    def _on_select(self, change) -> None:
        with self.errors:
            self.model.selected = -1 if change["new"] is None else int(change["new"])

    def _on_selected(self, change) -> None:
        with self.errors:
            index = self.model.selected
            self.details.value = match_details_html(self._shown[index] if 0 <= index < len(self._shown) else None)
            self._draw_text()


__all__ = ["CATEGORY_STYLES", "HighlightedText", "LoadedLanguageHighlighter", "LoadedModel", "category_label", "match_details_html",
           "match_highlight", "sentiment_strip_html", "show_loaded"]
