"""The development-set readers and scorers (widgets/devsets.py), on tiny synthetic files in tmp_path.

None of these tests needs ../shared/devsets: every file is written here, and every expected figure is
worked out by hand in the comments.
"""
from __future__ import annotations

import hashlib
from types import SimpleNamespace

import pytest

from widgets import devsets
from widgets.errors import KitError

# --------------------------------------------------------------------------------------------------
# A PolNeAR-like folder: one article, two annotators, a discontinuous content, E lines
# --------------------------------------------------------------------------------------------------
TEXT = ("Hillary Clinton spoke first. “We will win this race,” she said, “and we will win it big in November.”\n"
        "“Polls are nonsense, we win anyway,” Trump said.\n"
        "“This is a total disgrace for all,” an aide said.\n"
        "“I will not run again next year,” Kasich said.\n"
        "Critics called it “a plan that nobody will ever read”.\n"
        "“Yes, sure,” he said.")


def _span(text: str, needle: str, start: int = 0) -> tuple[int, int]:
    i = TEXT.index(needle, start)
    return i, i + len(needle)


def _ann() -> tuple[str, dict]:
    """The .ann text for TEXT and the spans it uses."""
    q1 = _span(TEXT, "“We will win this race,”")
    q2 = _span(TEXT, "“and we will win it big in November.”")
    she = _span(TEXT, "she")
    said1 = _span(TEXT, "said", she[1])
    q3 = _span(TEXT, "“Polls are nonsense, we win anyway,”")
    trump = _span(TEXT, "Trump")
    q4 = _span(TEXT, "“This is a total disgrace for all,”")
    aide = _span(TEXT, "an aide")
    q5 = _span(TEXT, "“I will not run again next year,”")
    kasich = _span(TEXT, "Kasich")
    q6 = _span(TEXT, "“Yes, sure,”")
    he = _span(TEXT, "he said")[0], _span(TEXT, "he said")[0] + 2
    lines = [
        f"T1\tSource {she[0]} {she[1]}\tshe",
        f"T2\tCue {said1[0]} {said1[1]}\tsaid",
        # A discontinuous content: two fragments, the "she said" between them left out.
        f"T3\tContent {q1[0]} {q1[1]};{q2[0]} {q2[1]}\t{TEXT[q1[0]:q1[1]]} {TEXT[q2[0]:q2[1]]}",
        f"T4\tAttribution {said1[0]} {said1[1]}\tsaid",
        "E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1",
        f"T5\tSource {trump[0]} {trump[1]}\tTrump",
        f"T6\tContent {q3[0]} {q3[1]}\tx",
        "E2\tAttribution:T6 Content:T6 Source:T5",
        f"T7\tSource {aide[0]} {aide[1]}\tan aide",
        f"T8\tContent {q4[0]} {q4[1]}\tx",
        "E3\tAttribution:T8 Content:T8 Source:T7",
        f"T9\tSource {kasich[0]} {kasich[1]}\tKasich",
        f"T10\tContent {q5[0]} {q5[1]}\tx",
        "E4\tAttribution:T10 Content:T10 Source:T9",
        f"T11\tSource {he[0]} {he[1]}\the",
        f"T12\tContent {q6[0]} {q6[1]}\tx",
        "E5\tAttribution-no-source:T12 Content:T12 Source:T11",
        "#1\tAnnotatorNotes T3\ta note that is not a span",
    ]
    return "\n".join(lines) + "\n", {"she": she, "q1": q1, "q2": q2, "q3": q3, "q4": q4, "q5": q5, "he": he}


@pytest.fixture()
def polnear(tmp_path):
    (tmp_path / "text").mkdir()
    (tmp_path / "attributions").mkdir()
    (tmp_path / "text" / "story.txt").write_text(TEXT, encoding="utf-8")
    ann, spans = _ann()
    (tmp_path / "attributions" / "story_b2.ann").write_text(ann, encoding="utf-8")
    # A second annotator who annotated nothing: the reader must take the file that sorts first (a1).
    (tmp_path / "attributions" / "story_zz.ann").write_text("", encoding="utf-8")
    (tmp_path / "attributions" / "story_a1.ann").write_text(ann, encoding="utf-8")
    she = spans["she"]
    (tmp_path / "pronoun-sources.tsv").write_text(
        "ann_file\tsource_start\tsource_end\tsource_text\tresolved_words\n"
        f"story_a1.ann\t{she[0]}\t{she[1]}\tshe\thillary clinton\n"
        f"story_a1.ann\t{spans['he'][0]}\t{spans['he'][1]}\the\t\n", encoding="utf-8")
    return tmp_path, spans


def test_the_split_is_the_sha1_rule():
    for name in ("705035735", "706088110", "nyt_2016-01-29_it-s-still-bill-but-old-magic-se", "x"):
        even = int(hashlib.sha1(name.encode()).hexdigest(), 16) % 2 == 0
        assert devsets.half_of(name) == ("tuning" if even else "report")


def test_brat_reader_discontinuous_span_e_lines_and_the_chosen_annotator(polnear):
    folder, spans = polnear
    (article,) = devsets.read_polnear(folder)
    assert article.annotation_file == "story_a1.ann"
    assert article.annotators == ("a1", "b2", "zz")
    assert len(article.attributions) == 5
    first = article.attributions[0]
    assert first.source.text == "she" and first.cue.text == "said"
    assert first.contents[0].fragments == (spans["q1"], spans["q2"])
    assert first.contents[0].text == "“We will win this race,” “and we will win it big in November.”"
    assert article.attributions[4].source.text == "he"  # "Attribution-no-source" events still read


def test_read_polnear_half_filter(polnear):
    folder, _ = polnear
    half = devsets.half_of("story")
    other = "report" if half == "tuning" else "tuning"
    assert [a.name for a in devsets.read_polnear(folder, half=half)] == ["story"]
    assert devsets.read_polnear(folder, half=other) == []
    with pytest.raises(KitError, match="Unknown half"):
        devsets.read_polnear(folder, half="test")


def test_gold_direct_quotes_classes_and_speaker_words(polnear):
    folder, _ = polnear
    (article,) = devsets.read_polnear(folder)
    pronouns = devsets.read_pronoun_sources(folder / "pronoun-sources.tsv")
    gold = devsets.gold_direct_quotes(article, pronouns=pronouns)
    # "Yes, sure" has 2 words: left out; the other five contents are direct quotes of 4+ words.
    assert [(g.source_class, sorted(g.speaker_words or ())) for g in gold] == [
        ("pronoun", ["clinton", "hillary"]),
        ("name", ["trump"]),
        ("organisation", []),
        ("name", ["kasich"]),
    ]
    assert gold[2].why_unscored.startswith("organisation")


def test_quote_scores_by_hand(polnear):
    folder, spans = polnear
    (article,) = devsets.read_polnear(folder)
    pronouns = devsets.read_pronoun_sources(folder / "pronoun-sources.tsv")

    def kit(key: str, speaker, kind="direct"):
        s, e = spans[key]
        return SimpleNamespace(start=s + 1, end=e - 1, text=TEXT[s + 1:e - 1], kind=kind, speaker=speaker, reason="")

    plan = TEXT.index("a plan that")
    found = {"story": [
        kit("q1", "Hillary Clinton"),            # 18 counted characters of the discontinuous gold quote
        kit("q2", None, kind="partial"),         # 30 counted characters: the larger part, so its speaker counts
        kit("q3", "Donald J. Trump"),            # right: shares "trump"
        kit("q4", "Donald Trump"),               # found; "an aide" is not scored for speaker
        # q5 (Kasich) is not found at all.
        SimpleNamespace(start=plan, end=plan + 30, text=TEXT[plan:plan + 30], kind="partial",
                        speaker=None, reason=""),  # 4+ words, outside every annotated content
        SimpleNamespace(start=plan, end=plan + 6, text="a plan", kind="scare", speaker=None, reason=""),
    ]}
    score = devsets.score_quotes(found, [article], pronouns=pronouns)
    # Gold direct quotes of 4+ words: q1+q2 (one content), q3, q4, q5 -> 4; found 3.
    assert (score.gold, score.found, score.recall) == (4, 3, 0.75)
    # Kit quotes of 4+ words that are not scare quotes: five; four lie inside a content.
    assert (score.kit_quotes, score.kit_inside, score.precision) == (5, 4, 0.8)
    # Scored for speaker: the pronoun quote (unknown speaker: wrong) and Trump's (right).
    assert (score.scored, score.right, score.unknown) == (2, 1, 1)
    assert (score.speaker_accuracy, score.unknown_share, score.named_accuracy) == (0.5, 0.5, 1.0)
    assert dict((c, (g, f, s, r)) for c, g, f, s, r in score.by_class)["name"] == (2, 1, 1, 1)
    assert dict(score.unscored) == {"organisation, document, group or unnamed": 1}
    assert score.outside[0][3].startswith("a plan that")


def test_unresolved_pronoun_is_left_out_and_counted(polnear):
    folder, spans = polnear
    (article,) = devsets.read_polnear(folder)
    pronouns = devsets.read_pronoun_sources(folder / "pronoun-sources.tsv")
    s, e = spans["he"]
    gold = devsets.gold_direct_quotes(article, pronouns=pronouns, min_words=2)
    yes = [g for g in gold if g.source_text == "he"][0]
    assert yes.speaker_words is None and yes.why_unscored == "pronoun not resolved by CoreNLP"


def test_brat_span_outside_the_text_is_a_kit_error():
    with pytest.raises(KitError, match="outside the article"):
        devsets.parse_brat("T1\tSource 0 99\tx\n", "short")


def test_missing_folder_is_a_kit_error(tmp_path):
    with pytest.raises(KitError, match="does not exist"):
        devsets.read_polnear(tmp_path / "nowhere")
    with pytest.raises(KitError, match="does not exist"):
        devsets.read_ptc(tmp_path)


# --------------------------------------------------------------------------------------------------
# PTC: labels.tsv, overlapping spans, SemEval task-SI scoring
# --------------------------------------------------------------------------------------------------
@pytest.fixture()
def ptc(tmp_path):
    (tmp_path / "articles").mkdir()
    (tmp_path / "articles" / "article1.txt").write_text("x" * 40, encoding="utf-8")
    (tmp_path / "articles" / "article2.txt").write_text("y" * 20, encoding="utf-8")
    (tmp_path / "labels.tsv").write_text(
        "1\tLoaded_Language\t0\t10\n"
        "1\tName_Calling,Labeling\t5\t15\n"      # overlaps the first: merged to 0-15
        "1\tLoaded_Language\t20\t30\n"
        "1\tDoubt\t32\t38\n"
        "2\tLoaded_Language\t2\t6\n", encoding="utf-8")
    return tmp_path


def test_ptc_reader(ptc):
    articles = devsets.read_ptc(ptc)
    assert [a.id for a in articles] == ["1", "2"]
    assert articles[0].spans_of(devsets.HEADLINE_TECHNIQUES) == [(0, 10), (5, 15), (20, 30)]
    assert articles[0].spans_of(["Doubt"]) == [(32, 38)]


def test_span_scores_by_hand(ptc):
    articles = devsets.read_ptc(ptc)
    gold = {a.id: a.spans_of(devsets.HEADLINE_TECHNIQUES) for a in articles}
    predicted = {"1": [(0, 5), (10, 25), (12, 20), (35, 40)]}  # (12, 20) merges into (10, 25)
    score = devsets.score_spans(predicted, gold)
    # Gold after merging: 1: (0,15), (20,30); 2: (2,6) -> 3 spans. Predictions: (0,5), (10,25), (35,40).
    # P = (5/5 + (5+5)/15 + 0) / 3 = 5/9.   R = ((5+5)/15 + 5/10 + 0/4) / 3 = 7/18.
    p, r = 5 / 9, 7 / 18
    assert (score.predicted, score.gold) == (3, 3)
    assert score.precision == pytest.approx(p, abs=1e-4)
    assert score.recall == pytest.approx(r, abs=1e-4)
    assert score.f1 == pytest.approx(2 * p * r / (p + r), abs=1e-4)


def test_span_scores_edge_cases():
    assert devsets.score_spans({}, {"1": [(0, 4)]}).summary() == {
        "precision": 0.0, "recall": 0.0, "f1": 0.0, "predicted": 0, "gold": 1}
    perfect = devsets.score_spans({"1": [(0, 2), (2, 4)]}, {"1": [(0, 4)]})
    assert (perfect.precision, perfect.recall, perfect.predicted) == (1.0, 1.0, 2)


def test_every_mapped_category_is_a_kit_category():
    from widgets.lexicon import CATEGORIES

    assert {c for c in devsets.TECHNIQUE_CATEGORIES.values() if c} <= set(CATEGORIES)
    assert set(devsets.HEADLINE_CATEGORIES) <= set(CATEGORIES)


def test_textblob_baseline_thresholds():
    words = [(0, "a"), (2, "terrible"), (11, "good"), (16, "table")]
    strong = devsets.textblob_spans(words, polarity=0.8, subjectivity=2)
    every = devsets.textblob_spans(words, polarity=0.1, subjectivity=2)
    assert strong == [(2, 10)]
    assert every == [(2, 10), (11, 15)]


# --------------------------------------------------------------------------------------------------
# The benchmark command on the synthetic folders
# --------------------------------------------------------------------------------------------------
def test_accuracy_command_without_devsets_exits_2(tmp_path, capsys):
    from widgets.bench import main

    assert main(["accuracy", "--polnear", str(tmp_path / "no"), "--ptc", str(tmp_path / "no")]) == 2
    err = capsys.readouterr().err
    assert "cannot find the development sets" in err and "--polnear DIR" in err


def test_accuracy_command_end_to_end(polnear, ptc, tmp_path, capsys):
    from widgets.bench_accuracy import main

    folder, _ = polnear
    baseline = tmp_path / "baseline.json"
    assert main(["--polnear", str(folder), "--ptc", str(ptc), "--processes", "1",
                 "--baseline", str(baseline), "--save-baseline"]) == 0
    out = capsys.readouterr().out
    assert "| direct quotes (4+ words) found: recall |" in out
    assert "| loaded language + name calling" in out and "bare TextBlob" in out
    import json

    saved = json.loads(baseline.read_text())
    assert set(saved["quotes"]) == {"tuning", "report"} and saved["commit"]
    # Second run: the saved figures are printed beside the new ones.
    assert main(["--polnear", str(folder), "--ptc", str(ptc), "--processes", "1", "--baseline", str(baseline)]) == 0
    assert "Previous engine: baseline.json, measured on commit" in capsys.readouterr().out
