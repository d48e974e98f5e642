"""Source comparison: engine pieces, the JSON contract of ``medialit compare`` and friendly errors."""
from __future__ import annotations

import json
import types
from pathlib import Path

import pytest

from widgets import cli
from widgets import compare as cmp
from widgets.align import QuoteSide, align_quotes, content_stems, quote_similarity, word_diff
from widgets.corpus import article_from_text, load_corpus
from widgets.coverage import Fact, find_facts, load_facts, normalise_entity, phrase_pattern
from widgets.errors import KitError
from widgets.framing import FramingTerm, find_framing, is_scare_quoted, load_framing

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = sorted((ROOT / "data" / "articles").glob("*.txt"))


def run(capsys, files, *, as_json=True):
    code = cli.compare_command(types.SimpleNamespace(files=[str(f) for f in files], json=as_json))
    out, err = capsys.readouterr()
    return code, out, err


# -- alignment ----------------------------------------------------------------------------------
def test_partial_quote_aligns_with_its_longer_version():
    long = QuoteSide("a", 0, 90, "allow President Putin to rest and refit his troops, and then restart the war", "Antony Blinken")
    short = QuoteSide("b", 10, 60, "allow President Putin to rest and refit his troops.", "Antony Blinken")
    [pair] = align_quotes([long, short])
    assert pair.similarity == 1.0 and pair.same_speaker is True and not pair.paraphrase
    assert [d.op for d in pair.diff] == ["equal", "delete"]
    assert pair.diff[1].a == "and then restart the war"


def test_bracketed_substitutions_do_not_lower_similarity():
    a = "instead of even condemning them, it would rather provide diplomatic cover for Russia"
    b = "Instead of even condemning [Russia forces], [the People’s Republic of China] would rather provide diplomatic cover for Russia"
    assert quote_similarity(a, b) == 1.0
    ops = [(d.op, d.a, d.b) for d in word_diff(a, b)]
    assert ("replace", "them, it", "[Russia forces], [the People’s Republic of China]") in ops


def test_straight_and_curly_marks_and_hyphens_compare_equal():
    assert content_stems("Russia’s cease-fire") == content_stems("Russia's ceasefire")
    assert all(d.op == "equal" for d in word_diff("“Any cease-fire,” he", '"any ceasefire" he'))


def test_different_statements_are_not_aligned():
    q = [QuoteSide("a", 0, 10, "reached the highest level in history", "Xi Jinping"),
         QuoteSide("b", 0, 10, "allow President Putin to rest and refit his troops", "Antony Blinken")]
    assert align_quotes(q) == []


def test_quotes_in_the_same_file_are_not_paired():
    q = [QuoteSide("a", 0, 10, "allow President Putin to rest and refit", None),
         QuoteSide("a", 50, 60, "allow President Putin to rest and refit", None)]
    assert align_quotes(q) == []


def test_short_scare_quotes_are_not_traced():
    q = [QuoteSide("a", 0, 10, "peace plan", None), QuoteSide("b", 0, 10, "peace plan", None)]
    assert align_quotes(q) == []


def test_same_speaker_is_none_when_a_speaker_is_unknown():
    q = [QuoteSide("a", 0, 10, "allow President Putin to rest and refit", "Antony Blinken"),
         QuoteSide("b", 0, 10, "allow President Putin to rest and refit", None)]
    assert align_quotes(q)[0].same_speaker is None


def test_paraphrase_is_found_in_reported_speech():
    a = article_from_text("“China feels no responsibility to hold the Kremlin accountable for the atrocities "
                          "committed in Ukraine,” Blinken said.", id="a")
    b = article_from_text("Rain fell on Monday. Blinken said China does not think the Kremlin should face "
                          "accountability for atrocities committed in Ukraine.", id="b")
    result = cmp.compare([a, b], entities=False)
    [pair] = result.aligned
    assert pair.paraphrase is True and pair.a.file == "a" and pair.b.file == "b"
    assert pair.b.text.startswith("Blinken said China") and pair.same_speaker is True


# -- coverage and framing -------------------------------------------------------------------------
def test_phrase_patterns():
    import re

    assert re.search(phrase_pattern("Xi's visit"), "Xi’s  visit", re.I)
    assert not re.search(phrase_pattern("ICC"), "ICCX", re.I)


def test_facts_file_loads_and_counts_zero_for_left_out_items():
    facts = load_facts()
    assert {"Taiwan", "Sanctions", "ICC arrest warrant for Putin"} <= {f.name for f in facts}
    a = article_from_text("Taiwan was mentioned.", id="a")
    b = article_from_text("Nothing here.", id="b")
    result = cmp.compare([a, b], facts=[Fact("Taiwan", ("Taiwan",))], entities=False)
    assert result.coverage_table(kind="fact") == {"Taiwan": {"a": 1, "b": 0}}
    assert result.left_out() == {"a": [], "b": ["Taiwan"]}


def test_coverage_ignores_site_chrome_and_teasers():
    corpus = load_corpus(warn=False)
    article = corpus["xi-invites-putin"]
    hits = find_facts(article, facts=[Fact("Harry", ("Prince Harry",))])
    assert hits == []  # the teaser about Prince Harry is after the article body


def test_entities_are_normalised():
    assert normalise_entity("Blinken") == "Antony Blinken"
    assert normalise_entity("the United States") == "United States"
    assert normalise_entity("Kiev") == "Kyiv"


def test_framing_tells_scare_quotes_apart():
    text = 'Beijing’s proposed "peace plan" and its “peace plan.” A peace plan.'
    a = article_from_text(text, id="a")
    hits = find_framing(a, terms=[t for t in load_framing() if t.group.startswith("peace plan")])
    kinds = [(h.term.startswith("“"), text[h.start:h.end]) for h in hits]
    assert kinds == [(True, "peace plan"), (True, "peace plan"), (False, "peace plan")]
    assert is_scare_quoted(text, 20, 30)


def test_framing_excludes_listed_phrases():
    a = article_from_text("War crimes in the war. The Cold War ended.", id="a")
    hits = find_framing(a, terms=[FramingTerm("w", "war", ("war",), exclude=("war crimes", "cold war"))])
    assert [h.start for h in hits] == [18]
    assert hits[0].sentence == "War crimes in the war."


def test_framing_counts_kyiv_and_kiev_in_the_corpus():
    corpus = load_corpus(warn=False)
    result = cmp.compare([corpus["presidents-meet-us-targets"], corpus["xi-meets-lukashenko"]], entities=False)
    table = result.framing_table()
    assert table["Kyiv"] == {"presidents-meet-us-targets": 1, "xi-meets-lukashenko": 0}
    assert table["Kiev"] == {"presidents-meet-us-targets": 1, "xi-meets-lukashenko": 1}


# -- errors -------------------------------------------------------------------------------------------
def test_compare_needs_two_articles():
    with pytest.raises(KitError, match="at least two"):
        cmp.compare([article_from_text("One.", id="a")])


def test_compare_rejects_duplicate_names():
    a = article_from_text("One.", id="a")
    with pytest.raises(KitError, match="same name"):
        cmp.compare([a, a])


def test_cli_bad_file_is_a_friendly_error(tmp_path, capsys):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"Caf\xe9 society")
    code, out, err = run(capsys, [ARTICLES[0], bad])
    assert code == 2 and out == ""
    assert "UTF-8" in err and "Traceback" not in err


def test_cli_missing_file(tmp_path, capsys):
    code, out, err = run(capsys, [ARTICLES[0], tmp_path / "nope.txt"])
    assert code == 2 and "nope.txt" in err


def test_cli_one_file_is_refused(capsys):
    code, _, err = run(capsys, [ARTICLES[0]])
    assert code == 2 and "at least two" in err


# -- the JSON contract -------------------------------------------------------------------------------
def test_json_contract(capsys):
    files = [ARTICLES[0], ARTICLES[1], ARTICLES[2]]
    code, out, _ = run(capsys, files)
    assert code == 0
    data = json.loads(out)
    # the four original keys keep their shape; the keys added since are listed in the README
    assert set(data) == {"files", "aligned_quotes", "coverage", "framing", "story", "aligned_quote_descriptions",
                         "teacher_lists", "statements", "reporting", "statement_pairs", "summary", "quoted",
                         "word_choices"}
    assert data["files"] == [str(f) for f in files]
    texts = {str(f): open(f, encoding="utf-8").read() for f in files}
    assert data["aligned_quotes"]
    for pair in data["aligned_quotes"]:
        assert set(pair) == {"a", "b", "similarity", "same_speaker", "paraphrase", "diff"}
        assert 0.0 <= pair["similarity"] <= 1.0
        assert pair["same_speaker"] in (True, False, None)
        assert isinstance(pair["paraphrase"], bool)
        for side in (pair["a"], pair["b"]):
            assert set(side) == {"file", "start", "end", "text", "speaker"}
            assert texts[side["file"]][side["start"]:side["end"]] == side["text"]
            assert side["speaker"] is None or isinstance(side["speaker"], str)
        if pair["same_speaker"] is None:
            assert pair["a"]["speaker"] is None or pair["b"]["speaker"] is None
        assert pair["a"]["file"] != pair["b"]["file"]
        for d in pair["diff"]:
            assert set(d) == {"op", "a", "b"} and d["op"] in ("equal", "delete", "insert", "replace")
    for table in (data["coverage"], data["framing"]):
        for row in table.values():
            assert set(row) == set(data["files"]) and all(isinstance(v, int) for v in row.values())
    assert "Taiwan" in data["coverage"] and "Kiev" in data["framing"]


def test_json_flags_the_kirby_blinken_pair(capsys):
    files = [ROOT / "data/articles/blinken-diplomatic-cover.txt", ROOT / "data/articles/blinken-rights-report.txt"]
    _, out, _ = run(capsys, files)
    pairs = json.loads(out)["aligned_quotes"]
    flagged = [p for p in pairs if p["same_speaker"] is False]
    assert {p["b"]["speaker"] for p in flagged} == {"John Kirby"}
    assert {p["a"]["speaker"] for p in flagged} == {"Antony Blinken"}


def test_readable_report(capsys):
    code, out, _ = run(capsys, [ARTICLES[1], ARTICLES[2]], as_json=False)
    assert code == 0
    assert "DIFFERENT SPEAKERS" in out and "Coverage of key facts" in out
    assert "unknown outlet, blinken-rights-report" in out  # never a guessed outlet
    assert "World Socialist Web Site" in out


# -- the view -------------------------------------------------------------------------------------------
def _hostile_corpus():
    from widgets.corpus import Corpus

    a = article_from_text('<script>alert(1)</script> Blinken said: “any ceasefire that does not include the removal '
                          'of Russian forces from Ukrainian territory.”', id="evil-a")
    b = article_from_text('<img src=x onerror=alert(2)> Kirby said: “Any cease-fire that does not address the removal '
                          'of Russian forces from <i>Ukraine</i>.”', id="evil-b")
    return Corpus([a, b])


def test_view_escapes_everything_and_links_pairs_by_number():
    import traitlets

    from widgets.views.compare import SourceComparer

    view = SourceComparer(_hostile_corpus(), article_ids=["evil-a", "evil-b"])
    html = "".join(w.value for w in (view.columns, view.pairs, view.coverage, view.framing, view.status))
    assert "<script>alert" not in html and "<img src=x" not in html
    assert "&lt;script&gt;" in html and "&lt;img src=x" in html and "&lt;i&gt;Ukraine" in html
    # the same number in both columns, and a text label (not colour alone) for the speaker conflict
    assert view.columns.value.count('class="ml-label">[1]</span>') == 2
    assert "DIFFERENT SPEAKERS" in view.pairs.value
    assert "<del>" in view.pairs.value or "<ins>" in view.pairs.value
    assert "unknown outlet (evil-a)" in view.columns.value  # never a guessed outlet
    with pytest.raises(traitlets.TraitError, match="No article called"):
        view.model.article_ids = ("evil-a", "nope")


def test_view_asks_for_two_articles_when_one_is_ticked():
    from widgets.views.compare import SourceComparer

    view = SourceComparer(_hostile_corpus(), article_ids=["evil-a", "evil-b"])
    view.boxes["evil-b"].value = False
    assert view.model.article_ids == ("evil-a",)
    assert "at least two" in view.status.value and view.pairs.value == ""
    view.boxes["evil-b"].value = True
    assert view.result is not None and len(view.result.aligned) == 1


def test_charts_build_valid_specs():
    from widgets.charts.compare import coverage_heatmap, framing_chart, quote_overlap_chart

    corpus = load_corpus(warn=False)
    result = cmp.compare([corpus["blinken-rights-report"], corpus["presidents-meet-us-targets"]])
    labels = {a.id: a.label for a in corpus}
    for chart in (coverage_heatmap(result, labels=labels), coverage_heatmap(result, kind="entity", min_outlets=2),
                  quote_overlap_chart(result, labels=labels), framing_chart(result, labels=labels)):
        spec = chart.to_dict()  # altair validates against the Vega-Lite 5 schema
        assert "vega-lite/v5" in spec["$schema"]
    rows = quote_overlap_chart(result).to_dict()
    assert rows  # built without error
