"""Unit tests for the loaded-language highlighter (widgets.loaded) and its lexicon (widgets.lexicon)."""
from __future__ import annotations

import argparse
import json
import os
import time
from pathlib import Path

import pytest

from widgets import cli, loaded, nlp
from widgets.corpus import load_corpus
from widgets.lexicon import CATEGORIES, LexiconError, load_lexicon, parse_lexicon
from widgets.loaded import check_picks, find_loaded, score_sentence

HEADER = "term,match,pattern,category,explanation,alternative,note\n"


def spans(text, **kw):
    return [(m.text, m.category, m.voice) for m in find_loaded(text, **kw)]


# ---------------------------------------------------------------------------------------------- lexicon
def test_shipped_lexicon_is_valid_and_covers_every_category():
    lexicon = load_lexicon()
    assert {e.category for e in lexicon} == set(CATEGORIES)
    for entry in lexicon:
        assert entry.explanation, f"line {entry.line}: {entry.term} has no explanation"


def test_unknown_category_lists_the_valid_ones():
    with pytest.raises(LexiconError) as err:
        parse_lexicon(HEADER + "thug,lemma,,insult,x,y,\n")
    message = str(err.value)
    assert "line 2" in message and "'insult'" in message
    assert all(c in message for c in CATEGORIES)


def test_empty_term_duplicate_and_bad_patterns_are_all_reported_at_once():
    text = HEADER + "\n".join([
        ",lemma,,doubt,x,,",
        "thug,lemma,,name_calling,x,,",
        "Thug,lemma,,name_calling,x,,",
        'claim verb,pattern,"[{""LEMMA"": ""claim""",doubt,x,,',
        'odd,pattern,"[{""NOT_AN_ATTR"": ""x""}]",doubt,x,,',
        "two words,lemma,,doubt,x,,",
        "x,fuzzy,,doubt,x,,",
    ]) + "\n"
    with pytest.raises(LexiconError) as err:
        parse_lexicon(text)
    message = str(err.value)
    assert "6 problems" in message
    assert "line 2: the term is empty" in message
    assert "line 4: duplicate entry 'Thug' (the same as line 3" in message
    assert "line 5: bad pattern (not valid JSON" in message
    assert "line 6: bad pattern (spaCy does not accept it" in message
    assert "line 7: 'two words' is several words" in message
    assert "line 8: unknown match 'fuzzy'" in message


def test_missing_column_is_named():
    with pytest.raises(LexiconError, match="no column named 'category'"):
        parse_lexicon("term,match\nthug,lemma\n")


def test_edited_lexicon_is_reloaded_without_restarting(tmp_path):
    path = tmp_path / "lexicon.csv"
    path.write_text(HEADER + "thug,lemma,,name_calling,A label.,supporters,\n", encoding="utf-8")
    first = load_lexicon(path)
    assert load_lexicon(path) is first
    assert spans("The thugs waved.", lexicon=first, quotes=[]) == [("thugs", "name_calling", "narrator")]
    path.write_text(HEADER + "thug,lemma,,name_calling,A label.,supporters,\nwave,lemma,,loaded_language,x,,\n",
                    encoding="utf-8")
    os.utime(path, ns=(time.time_ns(), time.time_ns() + 10**9))  # make sure the time stamp moves
    second = load_lexicon(path)
    assert second is not first and len(second) == 2
    assert ("waved", "loaded_language", "narrator") in spans("The thugs waved.", lexicon=second, quotes=[])


def test_missing_lexicon_file_is_a_friendly_error(tmp_path):
    with pytest.raises(LexiconError, match="does not exist"):
        load_lexicon(tmp_path / "nope.csv")


# ---------------------------------------------------------------------------------------------- rules
def test_every_match_records_its_rule_and_offsets_point_into_the_text():
    corpus = load_corpus(warn=False)
    for article in corpus:
        for m in find_loaded(article):
            assert article.raw[m.start:m.end] == m.text
            assert m.rule.startswith(("lexicon:", "rule:", "scorer:"))
            assert m.category in CATEGORIES and m.voice in loaded.VOICES
            base = m.rule.split(" ")[0]
            assert base.startswith(("lexicon:", "scorer:")) or base in loaded.RULES


def test_name_calling_rule_needs_a_person_or_group():
    text = "The authoritarian government closed the paper. The report was authoritarian in tone."
    found = [(m.text, m.category, m.rule) for m in find_loaded(text, quotes=[])]
    assert found[0] == ("authoritarian", "name_calling", "rule:name_calling_attached (lexicon:authoritarian)")
    assert found[1][1] == "loaded_language"


def test_so_called_hedges_and_superlatives():
    text = "He said if Beijing really wanted peace, the so-called plan would be the best ever written."
    categories = {(m.text, m.category, m.rule) for m in find_loaded(text, quotes=[])}
    assert ("if Beijing really", "doubt", "rule:sincerity_doubt") in categories
    assert ("so-called", "doubt", "rule:so_called") in categories
    assert ("best ever", "exaggeration", "rule:superlative_claim") in categories


def test_devastating_counts_as_adjective_not_as_verb():
    assert spans("It was a devastating war.", quotes=[]) == [("devastating", "loaded_language", "narrator")]
    assert spans("The war is devastating both countries.", quotes=[]) == []


def test_voice_and_speaker_come_from_the_quote_spotter():
    text = "Officials slammed the plan. “It is a massacre,” Kirby said."
    found = find_loaded(text)
    assert [(m.text, m.voice, m.speaker) for m in found] == [
        ("slammed", "narrator", None), ("massacre", "quote", "John Kirby")]


def test_scare_quoted_terms_are_never_the_narrators():
    text = "Beijing urged an end to the so-called “Cold War mentality” of its brutal critics."
    found = {(m.text, m.category, m.voice, m.speaker) for m in find_loaded(text)}
    # The term inside the scare quotes is somebody else's label...
    assert ("Cold War mentality", "name_calling", "quote", None) in found
    # ...the writer's own doubt is the narrator's: "so-called" and the act of scare-quoting.
    assert ("so-called", "doubt", "narrator", None) in found
    assert ("“Cold War mentality”", "doubt", "narrator", None) in found
    assert ("brutal", "name_calling", "narrator", None) in found   # attached to people (critics)


def test_corpus_scare_quotes_hold_no_narrator_highlight_inside():
    from widgets.quotes import find_quotes

    for article in load_corpus(warn=False):
        scare = [q for q in find_quotes(article.raw) if q.kind == "scare"]
        for m in find_loaded(article):
            for q in scare:
                if q.start <= m.start and m.end <= q.end:
                    assert m.voice == "quote" and m.speaker is None, (article.id, m)


def test_works_without_a_parser(monkeypatch):
    """With the blank fallback pipeline, lexicon words and phrases still match; nothing crashes."""
    monkeypatch.setenv(nlp.MODEL_ENV_VAR, "blank")
    nlp.set_notice_stream(open(os.devnull, "w"))
    try:
        nlp.load_pipeline(reload=True)
        found = spans("The regime’s brutal crackdown, said the so-called “experts”.")
        assert ("regime", "name_calling", "narrator") in found
        assert ("brutal", "loaded_language", "narrator") in found
        assert ("so-called", "doubt", "narrator") in found
    finally:
        monkeypatch.delenv(nlp.MODEL_ENV_VAR)
        nlp.load_pipeline(reload=True)
        nlp.set_notice_stream(None)
    assert nlp.has_parser(nlp.parse("Back to normal."))


def test_wrong_input_type_is_a_friendly_error():
    from widgets.errors import KitError

    with pytest.raises(KitError, match="needs an article"):
        find_loaded(42)


# ---------------------------------------------------------------------------------------------- exercises
def test_pick_feedback_reports_found_missed_not_counted_and_unknown():
    corpus = load_corpus(warn=False)
    number = next(p.number for p in loaded.paragraphs(corpus["presidents-meet-us-targets"])
                  if "staggering" in p.text)
    fb = check_picks("presidents-meet-us-targets", number,
                     ["Staggering", "alleged", "pushed", "not there at all"], corpus=corpus)
    assert [f[0] for f in fb.found] == ["staggering"]
    assert {m[0] for m in fb.missed} == {"hypocrisy", "far more appropriate for a string of US presidents"}
    assert fb.not_counted[0][0] == "alleged" and "court" in fb.not_counted[0][1]
    assert fb.not_in_key == ("pushed",)
    assert fb.not_in_paragraph == ("not there at all",)
    text = str(fb)
    assert "You found 1 of the 3" in text and "does not count it" in text


def test_rewrite_is_rescored():
    before = score_sentence("The regime launched a brutal crackdown on peaceful protesters.")
    after = score_sentence("The government arrested protesters.")
    assert len(before.matches) == 3 and after.matches == ()
    assert "Loaded words: none" in str(after)


# ---------------------------------------------------------------------------------------------- command line
def test_command_json_contract(tmp_path, capsys):
    path = tmp_path / "a.txt"
    raw = "Kirby said: “That’s just a bunch of malarkey.”\r\nThe regime’s massive rally.\n"
    path.write_bytes(raw.encode("utf-8"))
    assert cli.loaded_command(argparse.Namespace(files=[str(path)], json=True)) == 0
    items = json.loads(capsys.readouterr().out)
    text = open(path, encoding="utf-8").read()
    keys = ["start", "end", "text", "category", "explanation", "alternative", "voice", "speaker", "rule"]
    assert [list(i) for i in items] == [keys] * len(items)
    assert [i["start"] for i in items] == sorted(i["start"] for i in items)
    for item in items:
        assert text[item["start"]:item["end"]] == item["text"]
        assert item["voice"] in ("narrator", "quote")
    assert [(i["text"], i["voice"]) for i in items] == [("malarkey", "quote"), ("regime", "narrator"),
                                                        ("massive", "narrator")]


def test_command_readable_listing_and_bad_file(tmp_path, capsys):
    path = tmp_path / "a.txt"
    path.write_text("A brutal plan.", encoding="utf-8")
    assert cli.loaded_command(argparse.Namespace(files=[str(path)], json=False)) == 0
    out = capsys.readouterr().out
    assert "'brutal'  [loaded_language, narrator, lexicon:brutal] | instead: violent / harsh" in out
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\xff\xfe\x00binary")
    assert cli.loaded_command(argparse.Namespace(files=[str(bad)], json=True)) == 2
    err = capsys.readouterr().err
    assert err.startswith("medialit loaded:") and "Traceback" not in err


def test_density_table_counts_body_only():
    corpus = load_corpus(warn=False)
    by_id = loaded.find_loaded_corpus(corpus)
    rows = loaded.density_table(corpus, by_id)
    teaser = corpus["xi-invites-putin"]
    in_teasers = [m for m in by_id[teaser.id] if not teaser.in_body(m.start, m.end)]
    assert in_teasers, "the xi-invites-putin teasers hold loaded words (e.g. 'culture of fear')"
    counted = sum(r.count for r in rows if r.article == teaser.id)
    assert counted == len(by_id[teaser.id]) - len(in_teasers)


# ---------------------------------------------------------------------------------------------- scorer: reasons
def test_a_weak_evidence_clue_does_not_hide_a_strong_clue_of_another_kind():
    """Evidence clues are looked at first; a weak one used to end the search, leaving a word with no reason."""
    import numpy as np

    from widgets.loaded import scorer

    doc = nlp.parse("A vile smear.")
    names = scorer.feature_names()
    contributions = np.zeros(len(names))
    contributions[names.index("evidence")] = 0.1                 # weak: not worth saying
    contributions[names.index("TextBlob: strength")] = 1.0       # strong: the reason to give
    reasons = scorer.reasons_for(doc, 1, contributions, scorer.load_scorer())
    assert reasons == ("TextBlob's word list rates “vile” as strongly subjective (an opinion word)",)
