"""The traitlets models behind the views (widgets.views.models): filtering, derived state, validation.

The model tests build no widgets. The last tests check the wiring between a view and its model: a
change made in the model shows in the widgets, and a change in the widgets reaches the model, once.
"""
from __future__ import annotations

import pytest
import traitlets

from widgets.corpus import Corpus, article_from_text, load_corpus
from widgets.lexicon import CATEGORIES
from widgets.views.models import ALL, NO_SPEAKER, ArticleModel, CompareModel, LoadedModel, QuoteSpotterModel

TWO_VOICES = ("“We will win,” Kirby said. “Never,” said Blinken. The so-called “peace plan” is mocked. "
              "“Maybe,” someone whispered.")
LOADED = "Officials slammed the so-called plan. “These thugs are a regime,” Kirby said."


@pytest.fixture(scope="module")
def toy():
    return Corpus([article_from_text(TWO_VOICES, id="two"), article_from_text("“Yes,” said Blinken.", id="one"),
                   article_from_text(LOADED, id="loaded"), article_from_text("Nothing to see.", id="plain")])


# ---------------------------------------------------------------------------------------------- quotes
def test_quote_model_filters_and_lists_its_choices(toy):
    model = QuoteSpotterModel(toy, article_id="two")
    assert [q.speaker for q in model.quotes] == ["John Kirby", "Antony Blinken", None, None]
    assert model.visible == (0, 1, 2, 3)
    assert model.speaker_order == ("John Kirby", "Antony Blinken")
    assert model.speaker_choices == (ALL, NO_SPEAKER, "Antony Blinken", "John Kirby")
    assert model.affiliation_choices[0] == ALL and NO_SPEAKER in model.affiliation_choices
    model.kind = "scare"
    assert [model.quotes[i].text for i in model.visible] == ["peace plan"]
    model.kind = ALL
    model.speaker = "John Kirby"
    assert model.visible == (0,)
    model.speaker = NO_SPEAKER
    assert model.visible == (2, 3)


def test_quote_model_resets_speaker_and_choice_but_keeps_kind_on_a_new_article(toy):
    model = QuoteSpotterModel(toy, article_id="two", kind="direct")
    model.speaker, model.selected = "John Kirby", 0
    model.article_id = "one"
    assert (model.speaker, model.affiliation, model.selected, model.kind) == (ALL, ALL, -1, "direct")
    assert model.speaker_choices == (ALL, "Antony Blinken") and model.visible == (0,)


def test_the_chosen_quote_stays_chosen_when_a_filter_hides_it(toy):
    model = QuoteSpotterModel(toy, article_id="two")
    model.selected = 1
    model.speaker = "John Kirby"
    assert model.selected == 1 and model.chosen.speaker == "Antony Blinken" and 1 not in model.visible


@pytest.mark.parametrize("trait, value, message", [
    ("kind", "rumour", "kind cannot be 'rumour'; choose one of: all, direct"),
    ("speaker", "Xi Jinping", "speaker cannot be 'Xi Jinping'; choose one of: all,"),
    ("show", "chart", "show cannot be 'chart'"),
    ("selected", 4, "selected must be -1 \\(none\\) or a quote number from 0 to 3"),
    ("article_id", "nope", "article_id cannot be 'nope'; choose one of: two, one, loaded, plain"),
])
def test_quote_model_rejects_bad_values_and_keeps_its_state(toy, trait, value, message):
    model = QuoteSpotterModel(toy, article_id="two")
    before = model.trait_values()
    with pytest.raises(traitlets.TraitError, match=message):
        setattr(model, trait, value)
    assert model.trait_values() == before


def test_derived_traits_are_read_only(toy):
    model = QuoteSpotterModel(toy, article_id="two")
    with pytest.raises(traitlets.TraitError, match="read-only"):
        model.visible = (0,)


def test_observers_see_a_whole_change_never_half_of_one(toy):
    """When the article changes, an observer of any trait sees the filters, the choices and the visible
    quotes of the new article together (the model holds notifications until all are set)."""
    model = QuoteSpotterModel(toy, article_id="two")
    model.speaker, model.selected = "John Kirby", 1
    seen = []

    def check(change):
        seen.append(change["name"])
        assert model.speaker in model.speaker_choices
        assert all(i < len(model.quotes) for i in model.visible)
        assert model.selected < len(model.quotes)

    model.observe(check)
    model.article_id = "one"
    assert {"quotes", "speaker_choices", "speaker", "selected", "article_id"} <= set(seen)


# ---------------------------------------------------------------------------------------------- loaded
def test_loaded_model_filters_by_category_and_voice(toy):
    model = LoadedModel(toy, article_id="loaded")
    everything = [(m.text, m.voice) for m in model.visible]
    assert ("slammed", "narrator") in everything and ("thugs", "quote") in everything
    assert model.counts["name_calling"] == sum(m.category == "name_calling" for m in model.matches) >= 2
    model.voice = "narrator"
    assert {m.voice for m in model.visible} == {"narrator"}
    model.voice = "both"
    model.show_category("name_calling", False)
    assert "name_calling" not in model.categories and all(m.category != "name_calling" for m in model.visible)
    model.show_category("name_calling", True)
    assert model.categories == tuple(CATEGORIES)  # back in the lexicon's order
    assert [(m.text, m.voice) for m in model.visible] == everything


def test_loaded_model_forgets_the_chosen_highlight_when_the_list_changes(toy):
    model = LoadedModel(toy, article_id="loaded")
    model.selected = len(model.visible) - 1
    assert model.chosen == model.visible[-1]
    model.voice = "quote"
    assert model.selected == -1 and model.chosen is None
    model.selected = 0
    model.article_id = "plain"
    assert model.selected == -1 and model.visible == () and model.counts["doubt"] == 0


def test_loaded_model_rejects_unknown_categories_and_positions(toy):
    model = LoadedModel(toy, article_id="loaded")
    with pytest.raises(traitlets.TraitError, match="Unknown categories \\['insult'\\]; choose from: "):
        model.categories = ("insult",)
    with pytest.raises(traitlets.TraitError, match="selected must be -1"):
        model.selected = len(model.visible)
    with pytest.raises(traitlets.TraitError):
        model.voice = "everyone"


# ---------------------------------------------------------------------------------------------- corpus
def test_article_model_hides_quotation_marks_but_not_the_parts_outside_the_body():
    corpus = Corpus([article_from_text('Menu\nHe said "no" and “yes”. Related', id="a",
                                       body_starts_at="He said", body_ends_before="Related")])
    model = ArticleModel(corpus)
    assert [h.key for h in model.highlights][:2] == ["outside-top", "outside-end"] and len(model.highlights) == 6
    model.show_marks = False
    assert [h.key for h in model.highlights] == ["outside-top", "outside-end"]


def test_models_accept_an_empty_corpus():
    for model in (ArticleModel(Corpus([])), QuoteSpotterModel(Corpus([])), LoadedModel(Corpus([]))):
        assert model.article_id == "" and model.article is None
    assert CompareModel(Corpus([])).result is None


# ---------------------------------------------------------------------------------------------- compare
def test_compare_model_orders_ids_compares_each_set_once_and_keeps_the_chosen_fact():
    corpus = load_corpus(warn=False)
    a, b, c = corpus.ids[:3]
    model = CompareModel(corpus, article_ids=[b, a])
    assert model.article_ids == (a, b) and model.result.files == (a, b)
    first = model.result
    model.fact = model.facts[-1]
    chosen = model.fact
    model.include(c)
    assert model.article_ids == (a, b, c) and len(model.result.files) == 3
    assert model.fact == chosen if chosen in model.facts else model.fact == model.facts[0]
    model.include(c, False)
    assert model.result is first  # compared once: the same result object comes back
    model.include(b, False)
    assert model.result is None and model.facts == () and model.fact == chosen  # waits for a second article
    with pytest.raises(traitlets.TraitError, match="No article called 'nope'"):
        model.article_ids = (a, "nope")


# ---------------------------------------------------------------------------------------------- views
def test_a_view_follows_its_model_and_its_widgets_change_the_model_once(toy):
    from widgets.views.loaded import LoadedLanguageHighlighter

    view = LoadedLanguageHighlighter(toy, article_id="loaded")
    changes = []
    view.model.observe(lambda change: changes.append(change["new"]), names="categories")
    view.model.categories = ("doubt", "slogan")  # set in the model: the boxes follow, feeding nothing back
    assert [c for c, box in view.toggles.items() if box.value] == ["doubt", "slogan"]
    assert changes == [("doubt", "slogan")]
    view.toggles["slogan"].value = False  # a student unticks a box: one change reaches the model
    assert changes[-1] == ("doubt",) and len(changes) == 2
    assert not view.errors.outputs


def test_lists_show_the_models_choice_after_their_options_change(toy):
    from widgets.views.loaded import LoadedLanguageHighlighter
    from widgets.views.quotes import QuoteSpotter

    loaded = LoadedLanguageHighlighter(toy, article_id="loaded")
    assert loaded.selector.value is None and loaded.model.selected == -1  # a new list: nothing chosen
    loaded.selector.value = 1
    loaded.model.voice = "quote"
    assert loaded.selector.value is None and loaded.model.selected == -1
    assert "Choose a highlight" in loaded.details.value

    spotter = QuoteSpotter(toy, article_id="two")
    spotter.picker.value = 1
    spotter.model.kind = "direct"  # the chosen quote is still in the list: still chosen
    assert spotter.picker.value == 1 and spotter.model.selected == 1
    spotter.model.speaker = "John Kirby"  # now hidden: the list shows no choice, the details still explain it
    assert spotter.picker.value is None and spotter.model.selected == 1 and "Blinken" in spotter.details.value


def test_source_comparer_boxes_follow_the_model():
    from widgets.views.compare import SourceComparer

    corpus = load_corpus(warn=False)
    view = SourceComparer(corpus)
    view.model.article_ids = corpus.ids[2:4]
    assert [i for i, box in view.boxes.items() if box.value] == list(corpus.ids[2:4])
    assert view.model.article_ids == corpus.ids[2:4] and view.result.files == corpus.ids[2:4]


def test_every_view_shows_a_message_for_an_empty_corpus():
    from widgets.views import ArticleBrowser, LoadedLanguageHighlighter, QuoteSpotter, SourceComparer

    for cls in (ArticleBrowser, QuoteSpotter, LoadedLanguageHighlighter):
        assert "No articles were loaded" in cls(Corpus([])).text.value
    assert "Tick at least two articles" in SourceComparer(Corpus([])).status.value
