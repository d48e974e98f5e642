"""Errors that list the valid choices also guess the one meant (issue 11 item 6): "Did you mean 'x'?".

One helper, :func:`widgets.wording.did_you_mean`, used wherever an error lists choices; a value that is
not close to any choice gets no guess (a wrong guess would send a student the wrong way).
"""
from __future__ import annotations

import pytest
import traitlets

from widgets.errors import KitError
from widgets.wording import SUGGEST_CUTOFF, did_you_mean

IDS = ("blinken-diplomatic-cover", "blinken-rights-report", "xi-invites-putin", "presidents-meet-us-targets",
       "xi-meets-lukashenko")


# --------------------------------------------------------------------------------------------------
# The helper
# --------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("value, choices, guess", [
    ("xi-invite-putin", IDS, "xi-invites-putin"),           # a letter missing
    ("xi-invites-putni", IDS, "xi-invites-putin"),          # two letters swapped
    ("Xi Invites Putin", IDS, "xi-invites-putin"),          # case and spaces do not count
    ("persn", ("person", "organisation", "document", "group"), "person"),
    ("organization", ("person", "organisation", "document", "group"), "organisation"),
    ("name-calling", ("loaded_language", "name_calling"), "name_calling"),
    ("loaded", ("loaded_language", "name_calling"), "loaded_language"),   # starts exactly one choice
    ("quote", ("loaded", "quotes"), "quotes"),
])
def test_a_near_miss_gets_the_closest_choice(value, choices, guess):
    assert did_you_mean(value, choices) == f" Did you mean '{guess}'?"


@pytest.mark.parametrize("value, choices", [
    ("moon-landing", ("practice-phone-ban",)),
    ("robot", ("person", "organisation", "document", "group")),
    ("insult", ("loaded_language", "name_calling", "doubt")),
    ("xi", IDS),                                             # too short to be a prefix guess
    ("blinken", IDS),                                        # starts two choices: no guess
    ("anything", ()),
    ("person", ("person", "group")),                         # already a choice
])
def test_a_far_off_or_ambiguous_value_gets_no_guess(value, choices):
    assert did_you_mean(value, choices) == ""


def test_the_cutoff_lies_between_a_typo_and_the_kits_own_choices():
    from itertools import combinations

    from rapidfuzz import fuzz, utils

    from widgets.lexicon import CATEGORIES
    from widgets.speakers import SPEAKER_TYPES

    for choices in (IDS, tuple(CATEGORIES), SPEAKER_TYPES):
        closest = max(fuzz.ratio(utils.default_process(a), utils.default_process(b))
                      for a, b in combinations(choices, 2))
        assert closest < SUGGEST_CUTOFF, choices  # two real choices are never mistaken for each other
    assert fuzz.ratio("offce", "office") >= SUGGEST_CUTOFF  # one missing letter in a short word passes


def test_lead_and_choices_that_are_not_strings():
    assert did_you_mean("ofice", ("honorific", "office"), lead=". ") == ". Did you mean 'office'?"
    settings = {"(threshold)": "a setting", "(intercept)": "another"}
    assert did_you_mean("(treshold)", settings) == " Did you mean '(threshold)'?"
    assert did_you_mean(12, (1, 2, 120)) == " Did you mean '120'?"


# --------------------------------------------------------------------------------------------------
# Where the kit uses it
# --------------------------------------------------------------------------------------------------
def test_a_mistyped_story_id():
    from widgets.stories import load_story

    with pytest.raises(KitError) as info:
        load_story("practise-phone-ban")
    assert str(info.value).startswith(
        "There is no story called \"practise-phone-ban\". Did you mean 'practice-phone-ban'? Fix: Use one of:")
    with pytest.raises(KitError) as info:
        load_story("moon-landing")
    assert "Did you mean" not in str(info.value)


def test_a_mistyped_article_id_in_a_view_model():
    from widgets.views.models import ArticleChoice

    model = ArticleChoice()
    with pytest.raises(traitlets.TraitError, match=r"choose one of: .*\. Did you mean 'xi-invites-putin'\?$"):
        model.article_id = "xi-invite-putin"
    with pytest.raises(traitlets.TraitError) as info:
        model.article_id = "nope"
    assert "Did you mean" not in str(info.value)


def test_a_mistyped_article_id_in_the_class_view():
    from widgets.classreport import SAMPLE_CLASS, class_report

    with pytest.raises(KitError, match=r"Unknown article 'xi-invite-putin'\. Did you mean 'xi-invites-putin'\? Fix"):
        class_report(SAMPLE_CLASS, article="xi-invite-putin")
    with pytest.raises(KitError, match=r"Unknown mode 'quote'\. Did you mean 'quotes'\? Fix"):
        class_report(SAMPLE_CLASS, mode="quote")


def test_a_mistyped_article_id_in_an_answer_key(tmp_path):
    from widgets.errors import MetadataError
    from widgets.keys import load_key

    path = tmp_path / "loaded.csv"
    path.write_text("article,text,occurrence,category,voice,counted,why\n"
                    "xi-invite-putin,brutal,1,loaded_language,narrator,yes,\n"
                    "xi-invites-putin,brutal,1,loaded_languag,narrator,yes,\n"
                    "moon-landing,brutal,1,loaded_language,narrator,yes,\n", encoding="utf-8")
    with pytest.raises(MetadataError) as info:
        load_key(path)
    message = str(info.value)
    assert "line 2: unknown article 'xi-invite-putin' (use one of: " in message
    assert "xi-meets-lukashenko. Did you mean 'xi-invites-putin'?)" in message
    assert "line 3: unknown category 'loaded_languag' (use one of: " in message
    assert "thought_terminating_cliche. Did you mean 'loaded_language'?)" in message
    assert "line 4: unknown article 'moon-landing' (use one of: " in message
    assert "xi-meets-lukashenko)" in message  # no guess for this one


def test_a_mistyped_lexicon_category(tmp_path):
    from widgets.lexicon import LexiconError, check_category, load_lexicon

    with pytest.raises(LexiconError, match=r"Unknown category 'name-caling'\. Did you mean 'name_calling'\? Fix"):
        check_category("name-caling")
    with pytest.raises(LexiconError) as info:
        check_category("insult")
    assert "Did you mean" not in str(info.value)
    path = tmp_path / "lexicon.csv"
    path.write_text("term,match,category\nthug,lemma,name_caling\nbrute,lema,name_calling\n", encoding="utf-8")
    with pytest.raises(LexiconError) as info:
        load_lexicon(path)
    assert "line 2: unknown category 'name_caling' (use one of: " in str(info.value)
    assert ". Did you mean 'name_calling'?)" in str(info.value)
    assert "line 3: unknown match 'lema' (use lemma, phrase or pattern. Did you mean 'lemma'?)" in str(info.value)


def test_a_mistyped_speaker_type(tmp_path):
    from widgets.speakers import load_speakers

    path = tmp_path / "speakers.csv"
    path.write_text("name,aliases,type\nJohn Kirby,Kirby,persn\n", encoding="utf-8")
    with pytest.raises(KitError, match=r"Unknown type 'persn' for John Kirby\. Did you mean 'person'\? Fix: Use one"):
        load_speakers(path)
    path.write_text("name,aliases,type\nJohn Kirby,Kirby,robot\n", encoding="utf-8")
    with pytest.raises(KitError) as info:
        load_speakers(path)
    assert "Did you mean" not in str(info.value)


def test_a_mistyped_title_kind_framing_mark_and_word_choice_kind(tmp_path):
    from widgets.compare import Comparison
    from widgets.errors import MetadataError
    from widgets.framing import load_framing
    from widgets.wordchoice import WordChoices
    from widgets.wordlists import parse_titles

    with pytest.raises(MetadataError, match=r"unknown kind 'ofice' \(use one of: honorific, office, role\. "
                                            r"Did you mean 'office'\?\)"):
        parse_titles("title,kind\nsenator,ofice\n")
    path = tmp_path / "framing.csv"
    path.write_text("group,term,patterns,marks\nKyiv or Kiev,Kiev,Kiev,scaer\n", encoding="utf-8")
    with pytest.raises(MetadataError, match=r"which the kit does not know\. Did you mean 'scare'\?"):
        load_framing(path)
    with pytest.raises(KitError, match=r"\"names\" is not a kind of word choice\. Did you mean 'name'\?"):
        WordChoices(("a", "b"), ()).of_kind("names")
    assert Comparison(("a", "b"), (), (), ()).files == ("a", "b")


def test_a_mistyped_choice_in_an_exercise_and_a_view_filter():
    from widgets.corpus import Corpus, article_from_text
    from widgets.views.models import QuoteSpotterModel

    model = QuoteSpotterModel(Corpus([article_from_text("“Yes,” Kirby said.", id="toy")]))
    with pytest.raises(traitlets.TraitError, match=r"one of: all, direct, partial, scare\. Did you mean 'direct'\?"):
        model.kind = "drect"
    from widgets.exercises import check

    feedback = check("0.2", "It is lost unless you downlod it")
    assert feedback.status == "wrong"
    assert feedback.message.endswith("Choose one of: \"a\" = It is saved on Binder for next time; \"b\" = It is lost "
                                     "unless you download it; \"c\" = It is emailed to your teacher. "
                                     "Did you mean 'It is lost unless you download it'?")
    assert "Did you mean" not in check("0.2", "z").message


def test_a_mistyped_scorer_setting_compared_article_and_devset_half(tmp_path):
    from widgets.devsets.split import _check_half
    from widgets.errors import MetadataError
    from widgets.loaded.scorer import parse_weights
    from widgets.quoted import QuotedVoices

    path = tmp_path / "loaded-weights.csv"
    path.write_text("feature,weight,meaning\n(treshold),0.3,\n", encoding="utf-8")
    with pytest.raises(MetadataError, match=r"unknown setting '\(treshold\)' \(use one of: .*\. "
                                            r"Did you mean '\(threshold\)'\?\)"):
        parse_weights(path)
    with pytest.raises(KitError, match=r"\"daily\" is not one of the compared articles\. Did you mean 'Daily'\? Fix"):
        QuotedVoices(("Daily", "Herald"), (), ()).for_file("daily")
    with pytest.raises(KitError, match=r"Unknown half 'tunning'\. Did you mean 'tuning'\? Fix"):
        _check_half("tunning")
