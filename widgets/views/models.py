"""The state behind each view: ``traitlets`` models with no widgets in them.

A model holds what the student chose (its *input* traits, which a view links to its controls) and what
follows from that (its *derived* traits, read-only: the model recomputes them in ``@observe`` handlers
whenever an input changes). ``@validate`` rejects a bad value with a message that lists the valid ones.
Views only draw: they observe a model and turn its state into HTML with :mod:`widgets.render`.

A model's derived traits are always up to date when a view's observer runs: the model's own handlers
are registered when it is made, before any view observes it, and traitlets calls observers in order.
Handlers that change several traits hold the notifications until all of them are set, so an observer
never sees half of a change.

>>> from widgets.corpus import Corpus, article_from_text
>>> corpus = Corpus([article_from_text("“Yes,” Kirby said. A “peace plan” too.", id="toy")])
>>> model = QuoteSpotterModel(corpus)
>>> model.article_id, len(model.quotes), model.visible
('toy', 2, (0, 1))
>>> model.kind = "scare"
>>> model.visible
(1,)
"""
from __future__ import annotations

import traitlets

from ..compare import Comparison, compare
from ..corpus import Article, Corpus, load_corpus
from ..lexicon import CATEGORIES
from ..loaded import LoadedMatch, find_loaded
from ..nlp import parse_corpus, sentence_scores
from ..quotes import KINDS, Quote, find_quotes
from ..render.corpus import mark_highlights
from ..speakers import SpeakerTable, load_speakers
from ..wording import did_you_mean

ALL = "all"
NO_SPEAKER = "(no speaker named)"
SHOW_CHOICES = ("highlighted text", "table")
VOICES = ("both", "narrator", "quote")


def _one_of(name: str, value, choices) -> None:
    if value not in choices:
        raise traitlets.TraitError(f"{name} cannot be {value!r}; choose one of: {', '.join(map(str, choices))}."
                                   + did_you_mean(value, choices))


def _known_id(value: str, corpus: Corpus) -> None:
    """Refuse an id that is not in ``corpus``, saying why when the article was skipped as too long."""
    for problem in corpus.skipped:
        if problem.where == value:
            raise traitlets.TraitError(f"article_id cannot be {value!r}: {problem.message} "
                                       f"Choose one of: {', '.join(corpus.ids)}.")
    _one_of("article_id", value, corpus.ids)


class ArticleChoice(traitlets.HasTraits):
    """A model that shows one article of a corpus, chosen by ``article_id`` (the first one by default)."""

    article_id = traitlets.Unicode()

    def __init__(self, corpus: Corpus | None = None, *, article_id: str | None = None, **traits):
        self.corpus = (corpus if corpus is not None else load_corpus()).analysable()
        super().__init__()
        ids = self.corpus.ids
        self.article_id = article_id or (ids[0] if ids else "")
        for name, value in traits.items():
            setattr(self, name, value)

    @traitlets.validate("article_id")
    def _known_article(self, proposal):
        value = proposal["value"]
        if value or self.corpus.ids:
            _known_id(value, self.corpus)
        return value

    @property
    def article(self) -> Article | None:
        """The chosen article (``None`` when no articles were loaded)."""
        return self.corpus[self.article_id] if self.article_id else None


# --------------------------------------------------------------------------------------------------
class ArticleModel(ArticleChoice):
    """Which article the browser shows, and whether its quotation marks are marked.

    >>> from widgets.corpus import Corpus, article_from_text
    >>> model = ArticleModel(Corpus([article_from_text('He said "no". Related', body_ends_before="Related")]))
    >>> [h.key for h in model.highlights]
    ['outside-end', 'mark-8', 'mark-11']
    >>> model.show_marks = False
    >>> [h.key for h in model.highlights]
    ['outside-end']
    """

    show_marks = traitlets.Bool(True)
    #: Derived: what is highlighted (the parts outside the body, and the quotation marks if shown).
    highlights = traitlets.Tuple(read_only=True)

    @traitlets.observe("article_id", "show_marks")
    def _recompute(self, _change=None) -> None:
        marks = mark_highlights(self.article) if self.article is not None else []
        if not self.show_marks:
            marks = [h for h in marks if h.key.startswith("outside")]
        self.set_trait("highlights", tuple(marks))


# --------------------------------------------------------------------------------------------------
class QuoteSpotterModel(ArticleChoice):
    """What the spotter shows: the article, the three filters, the chosen quote and the display mode.

    Derived: ``quotes`` (every quote in the article), ``visible`` (the numbers of those that pass the
    filters), ``speaker_order`` (who is quoted, first quoted first: the order of the colours) and the
    choices for the two filters. Choosing another article resets the speaker and affiliation filters
    and the chosen quote; the chosen quote stays chosen when a filter hides it.

    >>> from widgets.corpus import Corpus, article_from_text
    >>> model = QuoteSpotterModel(Corpus([article_from_text("“Yes,” Kirby said.", id="toy")]))
    >>> model.speaker_choices
    ('all', 'John Kirby')
    >>> model.speaker = "Putin"
    Traceback (most recent call last):
    ...
    traitlets.traitlets.TraitError: speaker cannot be 'Putin'; choose one of: all, John Kirby.
    """

    speaker = traitlets.Unicode(ALL)
    affiliation = traitlets.Unicode(ALL)
    kind = traitlets.Unicode(ALL)
    selected = traitlets.Int(-1)  # index into the article's quotes, -1 for none
    show = traitlets.Unicode(SHOW_CHOICES[0])
    quotes = traitlets.Tuple(read_only=True)
    visible = traitlets.Tuple(read_only=True)
    speaker_order = traitlets.Tuple(read_only=True)
    speaker_choices = traitlets.Tuple((ALL,), read_only=True)
    affiliation_choices = traitlets.Tuple((ALL,), read_only=True)

    def __init__(self, corpus: Corpus | None = None, *, speakers: SpeakerTable | None = None,
                 article_id: str | None = None, **traits):
        self.table = speakers if speakers is not None else load_speakers()
        self._cache: dict[str, tuple[Quote, ...]] = {}
        corpus = (corpus if corpus is not None else load_corpus()).analysable()
        parse_corpus(corpus)  # parse once, so switching articles is quick
        super().__init__(corpus, article_id=article_id, **traits)

    @traitlets.validate("kind")
    def _valid_kind(self, proposal):
        _one_of("kind", proposal["value"], (ALL, *KINDS))
        return proposal["value"]

    @traitlets.validate("show")
    def _valid_show(self, proposal):
        _one_of("show", proposal["value"], SHOW_CHOICES)
        return proposal["value"]

    @traitlets.validate("speaker")
    def _valid_speaker(self, proposal):
        _one_of("speaker", proposal["value"], self.speaker_choices)
        return proposal["value"]

    @traitlets.validate("affiliation")
    def _valid_affiliation(self, proposal):
        _one_of("affiliation", proposal["value"], self.affiliation_choices)
        return proposal["value"]

    @traitlets.validate("selected")
    def _valid_selected(self, proposal):
        if not -1 <= proposal["value"] < len(self.quotes):
            raise traitlets.TraitError(f"selected must be -1 (none) or a quote number from 0 to {len(self.quotes) - 1}.")
        return proposal["value"]

    def affiliation_of(self, quote: Quote) -> str:
        """The affiliation of the quote's speaker (from the speaker table), or "(no speaker named)"."""
        return self.table.affiliation_of(quote.speaker) if quote.speaker else NO_SPEAKER

    @traitlets.observe("article_id")
    def _article_changed(self, _change=None) -> None:
        article = self.article
        if article is not None and article.id not in self._cache:
            self._cache[article.id] = tuple(find_quotes(article, speakers=self.table))
        quotes = self._cache[article.id] if article is not None else ()
        with self.hold_trait_notifications():
            self.set_trait("quotes", quotes)
            self.set_trait("speaker_order", tuple(dict.fromkeys(q.speaker for q in quotes if q.speaker)))
            self.set_trait("speaker_choices", (ALL, *sorted({q.speaker or NO_SPEAKER for q in quotes})))
            self.set_trait("affiliation_choices", (ALL, *sorted({self.affiliation_of(q) for q in quotes})))
            self.speaker = self.affiliation = ALL
            self.selected = -1
            self._filter()

    @traitlets.observe("speaker", "affiliation", "kind")
    def _filter(self, _change=None) -> None:
        self.set_trait("visible", tuple(
            i for i, q in enumerate(self.quotes)
            if (self.kind == ALL or q.kind == self.kind)
            and (self.speaker == ALL or (q.speaker or NO_SPEAKER) == self.speaker)
            and (self.affiliation == ALL or self.affiliation_of(q) == self.affiliation)))

    @property
    def chosen(self) -> Quote | None:
        """The chosen quote, or ``None``."""
        return self.quotes[self.selected] if self.selected >= 0 else None


# --------------------------------------------------------------------------------------------------
class LoadedModel(ArticleChoice):
    """What the highlighter shows: one article, some categories, one voice filter, a selected highlight.

    Derived: ``matches`` (every highlight in the article body), ``counts`` (per category), ``visible``
    (those that pass the category and voice filters), ``scores`` (TextBlob, per sentence of the body).
    ``selected`` is a position in ``visible``; it goes back to -1 (none) whenever ``visible`` changes.

    >>> from widgets.corpus import Corpus, article_from_text
    >>> model = LoadedModel(Corpus([article_from_text("Officials slammed the so-called plan.", id="toy")]))
    >>> [m.text for m in model.visible], model.counts["doubt"]
    (['slammed', 'so-called'], 1)
    >>> model.show_category("doubt", False)
    >>> [m.text for m in model.visible]
    ['slammed']
    """

    categories = traitlets.Tuple(default_value=tuple(CATEGORIES))
    voice = traitlets.Enum(VOICES, default_value="both")
    selected = traitlets.Int(-1)
    matches = traitlets.Tuple(read_only=True)
    counts = traitlets.Dict(read_only=True)
    visible = traitlets.Tuple(read_only=True)
    scores = traitlets.Tuple(read_only=True)

    def __init__(self, corpus: Corpus | None = None, *, article_id: str | None = None, **traits):
        self._cache: dict[str, tuple[tuple[LoadedMatch, ...], tuple]] = {}
        super().__init__(corpus, article_id=article_id, **traits)

    @traitlets.validate("categories")
    def _known_categories(self, proposal):
        unknown = [c for c in proposal["value"] if c not in CATEGORIES]
        if unknown:
            raise traitlets.TraitError(f"Unknown categories {unknown}; choose from: {', '.join(CATEGORIES)}.")
        return tuple(c for c in CATEGORIES if c in proposal["value"])

    @traitlets.validate("selected")
    def _valid_selected(self, proposal):
        if not -1 <= proposal["value"] < len(self.visible):
            raise traitlets.TraitError(f"selected must be -1 (none) or a highlight number from 0 to {len(self.visible) - 1}.")
        return proposal["value"]

    def show_category(self, category: str, shown: bool = True) -> None:
        """Show (or hide) one category's highlights, leaving the others as they are."""
        self.categories = tuple(c for c in CATEGORIES if (c == category and shown)
                                or (c != category and c in self.categories))

    @traitlets.observe("article_id")
    def _article_changed(self, _change=None) -> None:
        article = self.article
        if article is not None and article.id not in self._cache:
            matches = tuple(m for m in find_loaded(article) if article.in_headline_or_body(m.start, m.end))
            scores = tuple(s for s in sentence_scores(article) if article.in_body(s.start, s.end))
            self._cache[article.id] = matches, scores
        matches, scores = self._cache[article.id] if article is not None else ((), ())
        with self.hold_trait_notifications():
            self.set_trait("matches", matches)
            self.set_trait("counts", {c: sum(m.category == c for m in matches) for c in CATEGORIES})
            self.set_trait("scores", scores)
            self._filter()

    @traitlets.observe("categories", "voice")
    def _filter(self, _change=None) -> None:
        wanted = set(self.categories)
        visible = tuple(m for m in self.matches if m.category in wanted and self.voice in ("both", m.voice))
        with self.hold_trait_notifications():
            self.selected = -1
            self.set_trait("visible", visible)

    @property
    def chosen(self) -> LoadedMatch | None:
        """The chosen highlight, or ``None``."""
        return self.visible[self.selected] if self.selected >= 0 else None


# --------------------------------------------------------------------------------------------------
class CompareModel(traitlets.HasTraits):
    """Which articles are compared (at least two, in corpus order), and which fact/term's sentences show.

    Derived: ``result`` (the :class:`~widgets.compare.Comparison`, or ``None`` with fewer than two
    articles; each set of articles is compared once), ``topic`` (the story's name from the data cards,
    else what every article names), ``notices`` (plain lines to show first: too few articles, articles
    that share almost nothing, an empty article, teacher's lists that match nothing) and ``facts``/
    ``terms`` (the choices for the two menus). ``fact`` and ``term`` stay when the new comparison still
    has them, else go to the first one (and wait, unchanged, while fewer than two articles are ticked).

    >>> model = CompareModel(article_ids=["xi-invites-putin", "blinken-rights-report"])
    >>> model.article_ids, len(model.result.files)
    (('blinken-rights-report', 'xi-invites-putin'), 2)
    >>> model.article_ids = ("xi-invites-putin",)
    >>> model.result is None, model.facts, model.notices
    (True, (), ('Tick at least two articles (now 1).',))
    """

    article_ids = traitlets.Tuple()
    fact = traitlets.Unicode("", allow_none=True)
    term = traitlets.Unicode("", allow_none=True)
    known_ids = traitlets.Tuple()
    result = traitlets.Instance(Comparison, allow_none=True, read_only=True)
    facts = traitlets.Tuple(read_only=True)
    terms = traitlets.Tuple(read_only=True)
    topic = traitlets.Unicode("", read_only=True)
    notices = traitlets.Tuple(read_only=True)

    def __init__(self, corpus: Corpus | None = None, *, article_ids=None, **traits):
        self.corpus = (corpus if corpus is not None else load_corpus()).analysable()
        self._cache: dict[tuple[str, ...], Comparison] = {}
        super().__init__(known_ids=tuple(self.corpus.ids), **traits)
        self.article_ids = tuple(article_ids) if article_ids is not None else self.known_ids[:2]

    @traitlets.validate("article_ids")
    def _check_ids(self, proposal):
        ids = tuple(proposal["value"])
        unknown = [i for i in ids if self.known_ids and i not in self.known_ids]
        if unknown:
            raise traitlets.TraitError(
                f"No article called {', '.join(map(repr, unknown))}. The articles are: {', '.join(self.known_ids)}.")
        order = {k: n for n, k in enumerate(self.known_ids)}
        return tuple(sorted(dict.fromkeys(ids), key=lambda i: order.get(i, len(order))))

    def include(self, article_id: str, included: bool = True) -> None:
        """Add one article to the comparison (or take it out), leaving the others as they are."""
        others = tuple(i for i in self.article_ids if i != article_id)
        self.article_ids = (*others, article_id) if included else others

    @traitlets.observe("article_ids")
    def _compare(self, _change=None) -> None:
        ids = self.article_ids
        if len(ids) >= 2 and ids not in self._cache:
            self._cache[ids] = compare([self.corpus[i] for i in ids])
        result = self._cache.get(ids) if len(ids) >= 2 else None
        facts = tuple(f.name for f in result.facts) if result else ()
        terms = tuple(t.term for t in result.terms) if result else ()
        with self.hold_trait_notifications():
            self.set_trait("result", result)
            self.set_trait("topic", result.topic if result is not None else "")
            self.set_trait("notices", self._notices(result))
            self.set_trait("facts", facts)
            self.set_trait("terms", terms)
            if result is not None:  # with fewer than two articles the choices wait for the next comparison
                self.fact = self.fact if self.fact in facts else (facts[0] if facts else None)
                self.term = self.term if self.term in terms else (terms[0] if terms else None)

    def _notices(self, result: Comparison | None) -> tuple[str, ...]:
        """What to tell the student before any table, in plain words."""
        if result is None:
            known = len(self.known_ids)
            if known < 2:
                return (f"Tick at least two articles (now {len(self.article_ids)}). There "
                        + ("are no articles" if not known else "is only one article")
                        + " here: comparing needs two or more reports of the same story.",)
            return (f"Tick at least two articles (now {len(self.article_ids)}).",)
        lines = []
        r = result.reporting
        if r is not None and (r.almost_nothing_shared or r.empty_files):
            lines.append(r.summary())
        if result.teacher_lists.message:
            lines.append(result.teacher_lists.message)
        return tuple(lines)

    @property
    def labels(self) -> dict[str, str]:
        """The compared articles' labels (outlet and title, for people), by id."""
        return {i: self.corpus[i].label for i in self.article_ids}


__all__ = ["ALL", "NO_SPEAKER", "ArticleChoice", "ArticleModel", "CompareModel", "LoadedModel", "QuoteSpotterModel"]
