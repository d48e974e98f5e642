"""The quote spotter's rules, one short text each (none of these sentences is in the corpus)."""
from __future__ import annotations

import json
import subprocess
import sys
from types import SimpleNamespace

import pytest

from widgets.cli import quotes_command as command
from widgets.cli import quotes_table
from widgets.errors import KitError
from widgets.quotes import Quote, find_quote_marks, find_quotes
from widgets.speakers import SpeakerTable, load_speakers, speakers_from_rows


def one(text, **kw) -> Quote:
    quotes = find_quotes(text, **kw)
    assert len(quotes) == 1, quotes
    return quotes[0]


def texts(text):
    return [text[m.start:m.end] for m in find_quote_marks(text)]


# ---------------------------------------------------------------------------------------------- marks
@pytest.mark.parametrize("text, expected", [
    ('She said “yes” and “no”.', ["yes", "no"]),
    ('Mixed "straight" and “curly” marks.', ["straight", "curly"]),
    ("A ‘single’ headline: Harry won’t talk", ["single"]),
    ("Xi’s visit and the Smiths’ car and Belarus’ ties", []),
    ("Beijing's plan, NATO's 'reach' and the '90s", ["reach"]),
    ('Blinken said, ”Genocide” continued.', ["Genocide"]),
    ('He said “we will talk [to Xi] … soon.”', ["we will talk [to Xi] … soon."]),
    ('“Outer ‘inner’ words,” she said.', ["Outer ‘inner’ words,"]),
    ("", []),
    ("“”", []),
])
def test_marks(text, expected):
    assert texts(text) == expected


def test_quote_over_a_paragraph_break_is_reopened():
    text = "“First paragraph of the speech.\n“Second paragraph,” she said."
    marks = find_quote_marks(text)
    assert [text[m.start:m.end] for m in marks] == ["First paragraph of the speech.", "Second paragraph,"]
    assert marks[0].close_mark is None and marks[1].reopened


def test_unclosed_quote_stops_at_the_blank_line():
    text = "He said “this never closes\n\nNext paragraph."
    (m,) = find_quote_marks(text)
    assert text[m.start:m.end] == "this never closes" and m.close_mark is None


# ---------------------------------------------------------------------------------------------- speakers
def test_verb_after_the_quote():
    q = one("“We are ready to talk,” Kirby said on Friday.")
    assert (q.kind, q.speaker, q.cue, q.mention) == ("direct", "John Kirby", "said", "Kirby")


def test_inverted_verb():
    q = one("“The talks failed,” said Antony Blinken.")
    assert (q.speaker, q.cue) == ("Antony Blinken", "said")


def test_verb_before_the_quote_with_comma_is_direct():
    q = one("Blinken told reporters, “Nobody should be fooled by this.”")
    assert (q.kind, q.speaker, q.cue) == ("direct", "Antony Blinken", "told reporters")


def test_partial_quote_inside_the_sentence():
    q = one("Putin said the talks were “frank and useful” for both sides.")
    assert (q.kind, q.speaker) == ("partial", "Vladimir Putin")


def test_according_to():
    q = one("According to Lukashenko, the deal will “change everything” in the region.")
    assert (q.speaker, q.cue) == ("Alexander Lukashenko", "according to")
    assert "according to Lukashenko" in q.reason


def test_pronoun_takes_the_most_recent_named_speaker():
    qs = find_quotes("Kirby spoke to reporters on Monday. “We will not accept that,” he said.")
    assert qs[0].speaker == "John Kirby" and qs[0].mention == "he"
    assert qs[0].reason.endswith("he -> John Kirby (the most recent person named as a subject who can be 'he')")


def test_pronoun_skips_a_person_who_is_only_mentioned():
    qs = find_quotes("Lukashenko said he had warned Zelensky about it. “Nobody listened,” he said.")
    assert qs[0].speaker == "Alexander Lukashenko"


@pytest.mark.parametrize("text, speaker", [
    ("The vote was close. Another superdelegate, Michael Brown of Ohio, explained his vote on Monday.\n\n"
     "“It is time to stand behind our candidate,” he declared.", "Michael Brown"),
    ("Kazakhstan’s foreign minister, Erlan Idrissov, plays down concerns about China.\n\n"
     "“Our philosophy is simple: we should get on board that train,” he said.", "Erlan Idrissov"),
    ("A worker named Antonio Arroyo has nothing but praise for his job. “The atmosphere is relaxed,” he said.",
     "Antonio Arroyo"),
])
def test_pronoun_takes_a_name_in_apposition_to_the_subject(text, speaker):
    q = find_quotes(text)[0]
    assert q.speaker == speaker and f"he -> {speaker} (the most recent person named as a subject" in q.reason


def test_pronoun_follows_a_pronoun_subject_above_a_name():
    # "he suggested that Mr. Lew had ...": the sentence's subject is "he" (Mr. Lou), not Mr. Lew in the clause below.
    qs = find_quotes("Mr. Lou said there was nothing wrong with the talks. But he suggested that Mr. Lew had his "
                     "eyes on critics back home. “They are under pressure at home,” he said.")
    assert qs[0].speaker == "Lou" and "he -> Lou" in qs[0].reason


def test_a_surname_two_people_share_goes_by_title_and_by_how_often_each_is_named():
    qs = find_quotes("Hillary Clinton campaigned in Iowa with Bill Clinton. Bill Clinton spoke first, and Bill Clinton "
                     "spoke last.\n\n“We will win this state in November,” Mrs. Clinton said.\n\n“It was a fine day "
                     "for all of us,” Mr. Clinton said.\n\n“The crowd was very large today,” Clinton said.")
    assert [q.speaker for q in qs] == ["Hillary Clinton", "Bill Clinton", "Bill Clinton"]
    qs = find_quotes("Donald Trump spoke on Thursday. His daughter Ivanka Trump introduced him.\n\n“He is a fighter,” "
                     "Ivanka Trump said.\n\n“We will win,” Trump said.")
    assert [q.speaker for q in qs] == ["Ivanka Trump", "Donald Trump"]


def test_continuation_keeps_the_previous_speaker():
    qs = find_quotes("“We did our part,” Xi said. “Now it is up to others.”")
    assert [q.speaker for q in qs] == ["Xi Jinping", "Xi Jinping"]
    assert qs[1].cue is None and qs[1].reason.startswith("continuation")


def test_titles_and_short_forms_map_to_one_person():
    qs = find_quotes("“No,” said Mr. Kirby. Later, “Yes,” said John Kirby. “Maybe,” Kirby said.")
    assert {q.speaker for q in qs} == {"John Kirby"}


def test_person_not_in_the_table_gets_the_full_name_from_the_text():
    qs = find_quotes("Maria Lopez chairs the panel. “The data is clear,” Lopez said.")
    assert qs[0].speaker == "Maria Lopez"


def test_organisations_and_documents_can_speak():
    q = one("The State Department report said abuses were “widespread and systematic”.")
    assert q.speaker == "State Department human rights report"
    q = one("The foreign ministry said China was “deeply concerned” about the sanctions.")
    assert q.speaker == "Chinese Foreign Ministry"


def test_headline_speaker():
    q = one("Blinken: ‘We will hold them to account’\n\nThe secretary spoke on Monday.")
    assert (q.speaker, q.kind) == ("Antony Blinken", "direct")
    assert q.reason.startswith("headline")


def test_a_name_and_colon_beat_a_description_before_them():
    # A description as the subject of a reporting verb ('Pollsters agree') yields to 'Name: “...”'.
    q = one("Pollsters agree - Carl Bialik: “Keep on contacting voters as late as possible.”")
    assert q.speaker == "Carl Bialik"


def test_unknown_when_no_rule_applies():
    q = one("“Everything changed after that night, and nobody could stop it.”")
    assert q.speaker is None and q.kind == "direct"
    assert "unknown" in q.reason


# ---------------------------------------------------------------------------------------------- kinds
@pytest.mark.parametrize("text", [
    "The statement criticised the so-called “Cold War mentality” of the West.",
    "China’s controversial “peace plan” was published on Friday.",
    "Critics call the deal a “win-win” arrangement.",
])
def test_scare_quotes_have_no_speaker(text):
    q = find_quotes(text)[0]
    assert q.kind == "scare" and q.speaker is None and q.cue is None


def test_a_quoted_term_with_a_speaker_is_partial():
    q = one("Lukashenko called on the two countries to “intensify” ties.")
    assert (q.kind, q.speaker) == ("partial", "Alexander Lukashenko")


# ---------------------------------------------------------------------------------------------- api
def test_quote_is_a_frozen_dataclass_and_offsets_are_exact():
    text = "  Kirby said: “It is over.”  "
    q = one(text)
    assert text[q.start:q.end] == q.text == "It is over."
    assert text[q.open_mark] == "“" and text[q.close_mark] == "”"
    with pytest.raises(Exception):
        q.speaker = "someone else"  # type: ignore[misc]


def test_accepts_an_article_and_a_doc():
    from widgets.corpus import article_from_text
    from widgets.nlp import parse

    text = "“We are ready,” Blinken said."
    a = article_from_text(text)
    assert find_quotes(a) == find_quotes(text) == find_quotes(parse(text))


def test_bad_source_is_a_friendly_error():
    with pytest.raises(KitError, match=r"find_quotes\(\) needs an article"):
        find_quotes(42)


def test_custom_speaker_table():
    table = speakers_from_rows([{"name": "Ana Pop", "aliases": "Pop;the mayor", "type": "person",
                                 "affiliation": "city council", "side": "other"}])
    q = one("“We will rebuild,” the mayor said.", speakers=table)
    assert q.speaker == "Ana Pop"


def test_works_without_a_parser():
    import spacy

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    doc = nlp("Kirby spoke first. “We are watching,” he said. The so-called “peace plan” was shown. "
              "“It will not work,” said Blinken.")
    qs = find_quotes(doc)
    assert [q.speaker for q in qs] == ["John Kirby", None, "Antony Blinken"]
    assert qs[1].kind == "scare"


# ---------------------------------------------------------------------------------------------- speakers table
def test_speaker_table_loads_and_names_affiliations():
    table = load_speakers()
    assert isinstance(table, SpeakerTable) and len(table) >= 20
    assert table.affiliation_of("Xi Jinping") == "Chinese government"
    assert table.lookup("Mr Kirby").name == "John Kirby"


@pytest.mark.parametrize("rows, message", [
    ([{"name": "A", "colour": "red"}], "Unknown column 'colour'"),
    ([{"name": "  "}], "The name is empty"),
    ([{"name": "A B", "aliases": "B"}, {"name": "C B", "aliases": "b"}], "is used for both A B and C B"),
    ([{"name": "A", "type": "robot"}], "Unknown type 'robot'"),
])
def test_speaker_table_errors_are_friendly(rows, message):
    with pytest.raises(KitError, match=message) as err:
        speakers_from_rows(rows)
    assert "Fix:" in str(err.value)


def test_speaker_file_errors(tmp_path):
    bad = tmp_path / "speakers.csv"
    bad.write_text("nom,aliases\nA,B\n", encoding="utf-8")
    with pytest.raises(KitError, match="no column named 'name'"):
        load_speakers(bad)
    with pytest.raises(KitError, match="does not exist"):
        load_speakers(tmp_path / "nothing.csv")


# ---------------------------------------------------------------------------------------------- command line
def test_command_json_contract(tmp_path, capsys):
    f = tmp_path / "story.txt"
    text = "Intro line.\n“We are ready,” Kirby said. A so-called “peace plan” too."
    f.write_text(text, encoding="utf-8")
    assert command(SimpleNamespace(files=[str(f)], json=True)) == 0
    data = json.loads(capsys.readouterr().out)
    raw = open(f, encoding="utf-8").read()
    assert [set(d) for d in data] == [{"start", "end", "text", "speaker", "kind", "cue"}] * 2
    for d in data:
        assert raw[d["start"]:d["end"]] == d["text"]
    assert data[0]["speaker"] == "John Kirby" and data[1]["kind"] == "scare" and data[1]["speaker"] is None


def test_command_table_and_bad_file(tmp_path, capsys):
    f = tmp_path / "story.txt"
    f.write_text("“Yes,” Kirby said.", encoding="utf-8")
    assert command(SimpleNamespace(files=[str(f)], json=False)) == 0
    assert "John Kirby" in capsys.readouterr().out
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\xff\xfe\x00bad")
    assert command(SimpleNamespace(files=[str(bad)], json=True)) == 2
    err = capsys.readouterr().err
    assert err.startswith("medialit quotes:") and len(err.strip().splitlines()) == 1


def test_quotes_table_shortens_long_quotes():
    out = quotes_table(find_quotes("“" + "word " * 40 + "end,” Kirby said."), width=20)
    assert "word …" in out and "John Kirby" in out


def test_medialit_cli_end_to_end(tmp_path):
    f = tmp_path / "story.txt"
    f.write_text("“Yes,” said Blinken.", encoding="utf-8")
    out = subprocess.run([sys.executable, "-m", "widgets.cli", "quotes", "--json", str(f)],
                         capture_output=True, text=True, check=False)
    assert out.returncode == 0, out.stderr
    assert json.loads(out.stdout) == [{"start": 1, "end": 5, "text": "Yes,", "speaker": "Antony Blinken",
                                       "kind": "direct", "cue": "said"}]


# ---------------------------------------------------------------------------------------------- unseen sentences
# News-style sentences written after the engine was built on the corpus (first run: 10/17 and 12/15 right;
# the rules were then made more general). Expected (kind, speaker); None = no speaker.
UNSEEN = [
    ("“We have made our position clear,” said Foreign Minister Sergei Lavrov, speaking in Moscow.",
     [("direct", "Sergei Lavrov")]),
    ("The spokesperson, Mao Ning, told a regular briefing that the visit was “a journey of friendship”.",
     [("partial", "Mao Ning")]),
    ("“This is unacceptable,” a senior EU official told Reuters. “We will respond.”",
     [("direct", "senior EU official"), ("direct", "senior EU official")]),
    ("Zelensky urged allies to act. “Time is running out,” the Ukrainian president said in his nightly address.",
     [("direct", "Volodymyr Zelensky")]),
    ("In a statement, the Kremlin said the talks had been “constructive”.", [("partial", "Kremlin")]),
    ("Analysts warned of a “new cold war” between the blocs.", [("partial", "Analysts")]),
    ("She described the meeting as “very productive” and “long overdue.”", [("partial", None), ("partial", None)]),
    ("Mr. Biden told reporters: “I am not worried.”", [("direct", "Joe Biden")]),
    ("“It is a historic day,” Putin told Xi. Xi replied: “Our friendship is rock solid.”",
     [("direct", "Vladimir Putin"), ("direct", "Xi Jinping")]),
    ("Peskov said the claims were ‘absurd’.", [("partial", "Dmitry Peskov")]),
    ('"We are ready," Kirby said. "But we need time."', [("direct", "John Kirby"), ("direct", "John Kirby")]),
    ("Chinese foreign ministry spokesman Wang Wenbin said Beijing “firmly opposes” the move.",
     [("partial", "Wang Wenbin")]),
    ("“The door remains open,” NATO Secretary General Jens Stoltenberg told a news conference in Brussels.",
     [("direct", "Jens Stoltenberg")]),
    ("Blinken said the United States would “not hesitate” to act.\n\n“We have been very clear,” he added.",
     [("partial", "Antony Blinken"), ("direct", "Antony Blinken")]),
    ("Xi told Putin that China and Russia are “good neighbours, good friends and good partners.”",
     [("partial", "Xi Jinping")]),
    ("Lukashenko, speaking to reporters in Minsk, said: “We are ready to help.”",
     [("direct", "Alexander Lukashenko")]),
    ("The term “special military operation” is used by Moscow.", [("scare", None)]),
    ("“Nobody wants this war,” Kirby said. “Not the Ukrainians, not the Europeans, not us,” he continued.",
     [("direct", "John Kirby"), ("direct", "John Kirby")]),
    # A third batch, first run 16 of 18 right (the two misses were a description cut short).
    ("“We are not going to be intimidated,” Taiwan’s President Tsai Ing-wen said on Saturday.",
     [("direct", "Tsai Ing-wen")]),
    ("The White House said the visit was “deeply concerning.”", [("partial", "White House")]),
    ("“I think it’s a mistake,” Senator Lindsey Graham told CNN. “A big one.”",
     [("direct", "Lindsey Graham"), ("direct", "Lindsey Graham")]),
    ("Officials say the sanctions have had “a limited impact.”", [("partial", "Officials")]),
    ("In his speech, Xi called for a “new type of international relations.”", [("partial", "Xi Jinping")]),
    ("“Let me be clear,” the secretary of state said. “There will be consequences.”",
     [("direct", "secretary of state"), ("direct", "secretary of state")]),
    ("The so-called “friendship without limits” has its limits, one diplomat said.", [("scare", None)]),
    ("Putin, who spoke for over an hour, said Russia would “never” give up.", [("partial", "Vladimir Putin")]),
    ("“No comment,” said a spokesman for the ministry.", [("direct", "spokesman for the ministry")]),
    ("Her message was simple: “Stop the war now.”", [("direct", None)]),
]


@pytest.mark.parametrize("text, expected", UNSEEN)
def test_unseen_sentences(text, expected):
    assert [(q.kind, q.speaker) for q in find_quotes(text)] == expected


# ---------------------------------------------------------------------------------------------- the view
def test_quote_spotter_escapes_filters_and_explains():
    from widgets.corpus import Corpus, article_from_text
    from widgets.views.quotes import QuoteSpotter

    hostile = article_from_text('<script>alert(1)</script> “<b>We</b> are ready,” Kirby said. '
                                'A so-called “peace & plan” too.', id="hostile")
    plain = article_from_text("“Yes,” said Blinken.", id="plain")
    spotter = QuoteSpotter(Corpus([hostile, plain]), article_id="hostile")
    html = spotter.text.value
    assert "<script>" not in html and "&lt;script&gt;" in html and "&lt;b&gt;We&lt;/b&gt;" in html
    assert "John Kirby · " in html and "scare quote" in html
    assert spotter.speaker_filter.options == ("all", "(no speaker named)", "John Kirby")

    spotter.kind_filter.value = "scare"
    assert [q.text for q in spotter.visible_quotes()] == ["peace & plan"]
    assert len(spotter.picker.options) == 1
    spotter.picker.value = spotter.picker.options[0][1]
    assert "so-called" in spotter.details.value and "peace &amp; plan" in spotter.details.value

    spotter.chooser.value = "plain"  # switching article resets filters and the chosen quote
    assert spotter.model.kind == "scare" and spotter.model.selected == -1
    spotter.kind_filter.value = "all"
    assert [q.speaker for q in spotter.visible_quotes()] == ["Antony Blinken"]
    spotter.show.value = "table"
    assert "<table" in spotter.text.value and "Antony Blinken" in spotter.text.value
    assert not spotter.errors.outputs
