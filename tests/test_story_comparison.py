"""Source comparison on a story the kit was not built for: a flood in a made-up town, written for this
test with planted items (shared claims, one omission, two words for the same group, a quote shared
word for word and one shortened, a speaker only one outlet quotes), the practice story that ships
with the kit (made up for it, with the same kinds of planted items), and bad input (one article,
twenty, unrelated stories, an empty article)."""
from __future__ import annotations

import json
import types

import pytest

from widgets import cli
from widgets import compare as cmp
from widgets.corpus import article_from_text, load_corpus
from widgets.errors import KitError
from widgets.statements import match_statements
from widgets.stories import list_stories, load_story, story_name

# Three short reports of one flood. Planted:
# - shared claims: the river burst its banks (a, b, c), 200 homes evacuated (a, b, c);
# - one omission: the protest at the town hall is in a and b, c leaves it out;
# - two words for the same group: a "protesters", b "rioters" (loaded);
# - a quote shared word for word (a, b) and shortened (c);
# - a speaker only one outlet quotes (Tom Price, in c);
# - a claim only one article reports (a: insurance claims; b: the budget cut).
A = ("Flood waters swept through the market town of Brockley on Tuesday night. "
     "The river Ouse burst its banks after three days of heavy rain, the Environment Agency said. "
     "About 200 homes were evacuated and 40 people spent the night in the school gym. "
     "“We have never seen the water rise this fast,” said Mayor Helen Ward. "
     "On Wednesday, hundreds of protesters gathered outside the town hall to demand new flood defences. "
     "Insurance claims could reach four million pounds, a local broker estimated.")
B = ("The river Ouse burst its banks in Brockley on Tuesday after three days of heavy rain. "
     "About 200 homes were evacuated and 40 people spent the night in the school gym, officials said. "
     "“We have never seen the water rise this fast,” Mayor Helen Ward told reporters. "
     "On Wednesday, hundreds of rioters gathered outside the town hall to demand new flood defences. "
     "The council had cut the flood defence budget two years ago, records show.")
C = ("Heavy rain over three days made the river Ouse burst its banks in Brockley on Tuesday. "
     "About 200 homes were evacuated and 40 people spent the night in the school gym. "
     "Mayor Helen Ward said: “We have never seen the water rise.” "
     "“The council ignored every warning for years,” said Councillor Tom Price. "
     "Volunteers from the sailing club rescued an elderly couple by boat.")


@pytest.fixture(scope="module")
def flood():
    articles = [article_from_text(A, id="a", story="Flood in Brockley"), article_from_text(B, id="b"),
                article_from_text(C, id="c")]
    return cmp.compare(articles)


def _statement_with(result, words: str):
    found = [s for s in result.reporting.statements if any(words in x.text for x in s.sentences)]
    assert len(found) == 1, [s.text for s in found]
    return found[0]


def test_shared_claims_are_matched_across_all_three(flood):
    for words in ("burst its banks", "200 homes were evacuated"):
        statement = _statement_with(flood, words)
        assert statement.files == ("a", "b", "c")
        for f in "abc":  # every article's sentence is linked, with offsets into its own text
            [sent] = statement.in_file(f)
            assert {"a": A, "b": B, "c": C}[f][sent.start:sent.end] == sent.text and words in sent.text


def test_the_omission_is_reported_for_the_article_that_leaves_it_out(flood):
    protest = _statement_with(flood, "town hall")
    assert protest.files == ("a", "b")
    assert flood.reporting.for_file("c").left_out == (protest,)
    assert flood.reporting.for_file("a").left_out == () and flood.reporting.for_file("b").left_out == ()


def test_only_here_lists_what_no_other_article_reports(flood):
    only_a = [s.text for s in flood.reporting.for_file("a").only_here]
    only_b = [s.text for s in flood.reporting.for_file("b").only_here]
    assert any("Insurance claims" in t for t in only_a) and not any("Insurance" in t for t in only_b)
    assert any("flood defence budget" in t for t in only_b)


def test_matches_are_described_in_plain_words(flood):
    for m in flood.reporting.matches:
        assert m.description and "similarity" not in m.description and not m.description[0].isdigit()
    descriptions = {m.description for m in flood.reporting.matches}
    assert "the same words" in descriptions or "almost the same words" in descriptions


def test_two_words_for_the_same_group_are_found_and_the_loaded_one_flagged(flood):
    [choice] = [c for c in flood.word_choices.of_kind("same statement") if "rioters" in str(c.terms())]
    assert choice.terms() == {"a": ["protesters"], "b": ["rioters"]}
    [flagged] = choice.loaded
    assert flagged.term == "rioters" and flagged.explanation and B[flagged.start:flagged.end] == "rioters"
    assert "loaded:" in choice.describe()


def test_the_verbatim_and_the_shortened_quote(flood):
    pairs = {(p.a.file, p.b.file): p for p in flood.aligned}
    assert flood.describe_pair(pairs[("a", "b")]) == "the same words"
    shortened = flood.describe_pair(pairs[("a", "c")])
    assert shortened == "c leaves out the end of a's quote"
    assert all(p.same_speaker is True for p in pairs.values())
    assert "similarity" not in " ".join(flood.describe_pair(p) for p in flood.aligned)


def test_who_is_quoted(flood):
    q = flood.quoted
    assert q.only_quoted_by() == {"a": [], "b": [], "c": ["Tom Price"]}
    ward_c = next(s for s in q.for_file("c") if s.speaker == "Helen Ward")
    assert ward_c.quotes == 1 and 0 < ward_c.word_share < 1
    assert sum(s.word_share for s in q.for_file("c")) == pytest.approx(1.0, abs=0.01)
    assert q.table()["Tom Price"] == {"a": 0, "b": 0, "c": 7}  # "The council ignored every warning for years,"


def test_teacher_lists_say_they_match_nothing_here(flood):
    message = flood.teacher_lists.message
    assert message and "match nothing" in message and "automatic tables" in message
    assert flood.story == "Flood in Brockley"


def test_json_has_the_new_keys_and_offsets_hold(flood, tmp_path, capsys):
    files = []
    for name, text in (("a", A), ("b", B), ("c", C)):
        path = tmp_path / f"{name}.txt"
        path.write_text(text, encoding="utf-8")
        files.append(str(path))
    code = cli.compare_command(types.SimpleNamespace(files=files, json=True))
    data = json.loads(capsys.readouterr().out)
    assert code == 0
    assert {"statements", "reporting", "statement_pairs", "summary", "quoted", "word_choices",
            "aligned_quote_descriptions", "teacher_lists", "story"} <= set(data)
    texts = dict(zip(files, (A, B, C)))
    for statement in data["statements"]:
        for s in statement["sentences"]:
            assert texts[s["file"]][s["start"]:s["end"]] == s["text"]
    assert data["reporting"][files[2]]["left_out"]
    assert len(data["aligned_quote_descriptions"]) == len(data["aligned_quotes"])
    for choice in data["word_choices"]:
        for use in choice["uses"]:
            assert texts[use["file"]][use["start"]:use["end"]] == use["term"]


# -- the practice story that ships with the kit (made up for it) ------------------------------------------
# Planted in data/stories/practice-phone-ban/ (data/README.md lists them for teachers): shared claims worded
# differently (the vote, the pouches, the survey); the local paper leaves out the protest; "protesters"
# (news agency) and "mob" (partisan site) for the same group; the board chair's quote word for word in the
# agency and the local paper and shortened by the site; a board member's quote that the site gives to a
# pupil; the survey figure (61 percent, 72 on the site).
PRACTICE = "practice-phone-ban"
WIRE, LOCAL, SITE = "norvale-news-service", "quillhaven-courier", "quillhaven-straight-talk"


@pytest.fixture(scope="module")
def practice():
    story = load_story(PRACTICE, warn=False)
    return story, cmp.compare(list(story))


def test_the_practice_story_is_labelled_as_made_up(practice):
    story, result = practice
    assert PRACTICE in list_stories() and story.ids == (WIRE, LOCAL, SITE) and story.problems == ()
    for article in story:
        card = article.card
        assert "made up" in card.story and "MADE UP FOR PRACTICE" in card.notes and card.outlet in card.notes
        assert "invented" in card.notes and card.licence.startswith("MIT") and card.source_url == ""
        assert ("source address", "") not in card.rows() and ("licence", card.licence) in card.rows()
        # the file says so too, on a first line that is not part of the article proper
        assert article.raw.startswith("PRACTICE TEXT, MADE UP FOR THE MEDIA-LITERACY KIT")
        assert article.body_start > article.raw.index("\n") and not article.in_body(0, 10)
        assert 250 <= len(article.raw.split()) <= 450
    assert result.story == story_name(story) == "Practice story: Quillhaven's school board bans phones (made up for this kit)"
    assert result.teacher_lists.message  # the Xi story's facts and framing words are not about a phone ban
    assert load_corpus(warn=False).ids[0] == "blinken-diplomatic-cover" and len(load_corpus(warn=False)) == 5


def _quote_pair(result, words: str, a: str, b: str):
    [pair] = [p for p in result.aligned if not p.paraphrase and (p.a.file, p.b.file) == (a, b) and words in p.a.text]
    return pair


def test_practice_the_quote_shared_word_for_word(practice):
    _, result = practice
    pair = _quote_pair(result, "Our pupils deserve", WIRE, LOCAL)
    assert pair.a.text == pair.b.text and pair.same_speaker is True and pair.a.speaker == "Margit Ashdown"
    assert result.describe_pair(pair) == "the same words"


def test_practice_the_shortened_quote_in_plain_words(practice):
    _, result = practice
    for full in (WIRE, LOCAL):
        pair = _quote_pair(result, "Our pupils deserve", full, SITE)
        # the site writes "said board chair Margit Ashdown": still the same person
        assert pair.same_speaker is True and {pair.a.speaker, pair.b.speaker} == {"Margit Ashdown"}
        assert result.describe_pair(pair) == f"{SITE} leaves out the end of {full}'s quote"
        assert [d.a for d in pair.diff if d.op == "delete"] == ["not to an app,"]


def test_practice_the_quote_given_to_a_different_speaker(practice):
    _, result = practice
    pair = _quote_pair(result, "without asking a single one", WIRE, SITE)
    assert (pair.a.speaker, pair.b.speaker) == ("Tobias Wren", "Jonah Featherstone") and pair.same_speaker is False
    assert result.describe_pair(pair) == "the same words; the two articles give the words to different people"
    assert result.quoted.only_quoted_by()[SITE] == ["Jonah Featherstone"]
    assert "Tobias Wren" in result.quoted.only_quoted_by()[WIRE]


def test_practice_the_local_paper_leaves_out_the_protest(practice):
    _, result = practice
    left_out = result.reporting.for_file(LOCAL).left_out
    protest = _statement_with(result, "40 protesters gathered")
    assert protest.files == (WIRE, SITE) and protest in left_out
    assert _statement_with(result, "Most of the protesters were pupils") in left_out
    assert result.reporting.for_file(WIRE).left_out == ()
    assert not any("protest" in s.text or "mob" in s.text for s in result.reporting.for_file(SITE).left_out)


def test_practice_shared_claims_in_different_words_and_the_figure_that_differs(practice):
    story, result = practice
    for words in ("voted 5-2", "fabric pouches", "survey of 900 parents"):
        assert _statement_with(result, words).files == (WIRE, LOCAL, SITE)
    survey = {m.b.file: m.description for m in result.reporting.matches
              if m.a.file == WIRE and "survey" in m.a.text}
    assert survey[LOCAL] == "almost the same words"
    assert survey[SITE].endswith(f"the numbers differ: 61 in {WIRE}, 72 in {SITE}")
    assert "similarity" not in " ".join(m.description for m in result.reporting.matches)


def test_practice_two_words_for_the_same_group_and_the_loaded_one_flagged(practice):
    story, result = practice
    [choice] = [c for c in result.word_choices.of_kind("same statement") if "mob" in str(c.terms())]
    assert choice.terms() == {WIRE: ["protesters"], SITE: ["mob"]}
    [flagged] = choice.loaded
    assert flagged.term == "mob" and flagged.category == "name_calling" and flagged.explanation
    assert story[SITE].raw[flagged.start:flagged.end] == "mob"
    assert "(loaded: " in choice.describe()


def test_unknown_story_lists_the_choices():
    with pytest.raises(KitError, match=PRACTICE):
        load_story("no-such-story")


# -- bad input ---------------------------------------------------------------------------------------------
UNRELATED = [
    "The city football club signed a goalkeeper from Brazil for a record fee, its manager confirmed on Friday.",
    "A new bakery on Mill Lane sells sourdough loaves baked in a wood-fired oven built by the owner's grandfather.",
    "Scientists in Iceland measured a sharp rise in earthquakes near the volcano, and warned of an eruption.",
]


def test_unrelated_stories_share_almost_nothing_and_invent_no_matches():
    articles = [article_from_text(t, id=f"u{i}") for i, t in enumerate(UNRELATED)]
    result = cmp.compare(articles)
    assert result.reporting.almost_nothing_shared
    assert "share almost nothing" in result.reporting.summary()
    assert result.reporting.matches == () and result.aligned == ()
    assert result.word_choices.of_kind("same statement") == ()


def test_one_article_is_a_friendly_error_but_statements_still_work():
    with pytest.raises(KitError, match="at least two"):
        cmp.compare([article_from_text(A, id="a")])
    alone = match_statements([article_from_text(A, id="a")])
    assert alone.matches == () and alone.for_file("a").left_out == ()
    assert len(alone.for_file("a").only_here) == len(alone.statements) > 0


def test_an_empty_article_is_compared_without_errors():
    result = cmp.compare([article_from_text("", id="empty"), article_from_text(A, id="a")])
    assert "Nothing to compare in empty" in result.reporting.summary()
    assert result.reporting.for_file("empty").shared == () and result.aligned == ()
    assert result.quoted.for_file("empty") == ()
    json.dumps(result.to_dict())


def test_twenty_articles():
    texts = [A, B, C] + [f"{t} It happened in town number {i}." for i, t in enumerate(UNRELATED * 6)][:17]
    articles = [article_from_text(t, id=f"n{i:02d}") for i, t in enumerate(texts)]
    result = cmp.compare(articles)
    assert len(result.files) == 20
    flood_claim = _statement_with(result, "burst its banks")
    assert set(flood_claim.files) == {"n00", "n01", "n02"}
    # 20 articles: "most others" is at least ten of the nineteen, so nothing three report is "left out"
    assert result.reporting.for_file("n05").left_out == () or all(len(s.files) >= 10 for s in result.reporting.for_file("n05").left_out)


def test_for_file_names_the_choices():
    result = match_statements([article_from_text(A, id="a"), article_from_text(B, id="b")])
    with pytest.raises(KitError, match="Use one of: a, b"):
        result.for_file("z")
