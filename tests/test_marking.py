"""The marking widget: words and marks, the three-layer comparison, the model, the saved marks, safety.

Browser tests (mouse, keyboard, compare, save, reload, load back) are in tests/browser/test_marking_in_browser.py.
"""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from widgets import exercises
from widgets import work
from widgets.corpus import article_from_text, load_corpus
from widgets.marking import (
    KEY,
    KEY_NOT_COUNTED,
    TOOL,
    YOU,
    Mark,
    Span,
    compare_marks,
    fingerprint,
    marked_words,
    marks_from_words,
    same_speaker,
    words,
)

ROOT = Path(__file__).resolve().parents[1]
JS = ROOT / "widgets" / "views" / "marking.js"


@pytest.fixture(autouse=True)
def fresh_work(monkeypatch):
    monkeypatch.setattr(work, "_WORK", {})
    monkeypatch.setattr(work, "_NOTES", {})
    monkeypatch.setattr(work, "_NOTE_TIMES", {})
    monkeypatch.setattr(work, "_MARKS", {})
    monkeypatch.setattr(work, "_STUDENT", {"name": None})


@pytest.fixture(scope="module")
def corpus():
    return load_corpus(warn=False)


# --------------------------------------------------------------------------------------------------
# Pure comparison logic
# --------------------------------------------------------------------------------------------------
def test_words_keep_offsets_and_inner_apostrophes():
    text = "Xi’s “so-called” plan: 12-point, \u200bpeace."
    found = words(text)
    assert [w.text for w in found] == ["Xi’s", "so-called", "plan", "12-point", "peace"]
    assert all(text[w.start:w.end] == w.text for w in found)


def test_marks_are_runs_of_neighbouring_words_with_one_speaker():
    text = "a b c d e"
    ws = words(text)
    marks = marks_from_words(text, ws, {0: "X", 1: "X", 2: "Y", 4: "Y"})
    assert [(m.text, m.speaker) for m in marks] == [("a b", "X"), ("c", "Y"), ("e", "Y")]
    assert marked_words(ws, marks) == {0: "X", 1: "X", 2: "Y", 4: "Y"}


def test_agreement_counts_words_either_reader_marked():
    text = "one two three four five six"
    you = [Mark(0, 7, "one two"), Mark(14, 18, "four")]
    key = [Span(4, 13, "two three", "loaded language", "why"), Span(14, 18, "four", "exaggeration", "why")]
    result = compare_marks(text, you, tool=[], key=key)
    assert (result.with_key.both, result.with_key.either) == (2, 4)
    assert str(result.with_key) == "you and the key agree on 2 of 4 words"
    assert (result.with_tool.both, result.with_tool.either) == (0, 3)


def test_every_difference_gets_one_line_saying_who_and_why():
    text = "The regime's massive crackdown slammed alleged critics."
    tool = [Span(4, 10, "regime", "name calling", "A label."), Span(13, 20, "massive", "exaggeration", "No figure."),
            Span(21, 30, "crackdown", "loaded language", "Harsh.")]
    key = [Span(4, 10, "regime", "name calling", "A negative label for a government."),
           Span(21, 30, "crackdown", "loaded language", "A harsh word for arrests."),
           Span(13, 20, "massive", "", "Because the text gives the figure.", counted=False),
           Span(39, 46, "alleged", "", "A legal term.", counted=False)]
    you = [Mark(4, 12, "regime's"), Mark(31, 38, "slammed"), Mark(39, 46, "alleged")]
    result = compare_marks(text, you, tool=tool, key=key)
    lines = result.lines()
    assert len(lines) == 5
    assert lines[0].startswith("\"regime's\": you, the tool and the key all marked it (name calling")
    assert lines[1].startswith('"massive": the tool marked it (exaggeration), you did not: the key does not count it')
    assert lines[2].startswith('"crackdown": the tool and the key marked it, you did not')
    assert "neither the tool nor the key did" in lines[3]
    assert lines[4].startswith('"alleged": you marked it; the tool did not: the key does not count it, because a legal term')
    flags = result.layer_flags()
    by_word = {w.text: f for w, f in zip(result.words, flags)}
    assert by_word["regime's"] == YOU | TOOL | KEY
    assert by_word["massive"] == TOOL | KEY_NOT_COUNTED
    assert by_word["slammed"] == YOU
    assert by_word["critics"] == 0


def test_without_a_key_the_student_compares_with_the_tool_only():
    text = "A brutal plan."
    result = compare_marks(text, [Mark(2, 8, "brutal")], tool=[Span(2, 8, "brutal", "loaded language", "Harsh.")], key=None)
    assert result.with_key is None and not result.has_key
    assert result.lines() == ['"brutal": you marked it, the tool did too: loaded language: Harsh.']
    assert "There is no answer key" in " ".join(result.summary())


def test_quotes_mode_compares_speakers_through_the_speaker_table():
    from widgets.speakers import load_speakers

    text = "“We will not stop,” the spokesman said. It is a “peace plan”."
    you = [Mark(1, 17, "We will not stop", "Mr Kirby"), Mark(49, 59, "peace plan", "Xi")]
    key = [Span(1, 18, "We will not stop,", "direct", "", True, "John Kirby"), Span(49, 59, "peace plan", "scare")]
    result = compare_marks(text, you, tool=[], key=key, mode="quotes", speakers=load_speakers())
    assert "(same speaker as the key)" in result.lines()[0]
    assert "scare quote" in result.lines()[1] and "(a different speaker as the key)" in result.lines()[1]
    assert result.speakers_agreed == (1, 2)
    assert same_speaker("Blinken", "Antony Blinken", load_speakers())


def test_compare_keeps_to_the_part_shown():
    text = "brutal one. brutal two."
    result = compare_marks(text, [Mark(0, 6, "brutal")], tool=[Span(12, 18, "brutal")], key=None, start=12)
    assert [w.text for w in result.words] == ["brutal", "two"]
    assert result.you == frozenset() and result.with_tool.either == 1


# --------------------------------------------------------------------------------------------------
# The model (no browser)
# --------------------------------------------------------------------------------------------------
def test_model_marks_toggles_and_ranges(corpus):
    from widgets.views.marking import MarkingModel

    m = MarkingModel(article_id="presidents-meet-us-targets", part=6, corpus=corpus)
    assert m.mark_phrase("staggering hypocrisy") == 2
    m.toggle(1)
    assert [x.text for x in m.marks()] == ["hypocrisy"]
    m.mark_range(10, 8)
    assert len(m.marked) == 4
    m.mark_range(8, 10, on=False)
    m.toggle(10_000)          # out of range: ignored
    m.toggle(-1)
    assert [x.text for x in m.marks()] == ["hypocrisy"]
    m.clear()
    assert m.marks() == []


def test_model_compares_with_the_tool_and_the_key(corpus):
    from widgets.views.marking import MarkingModel

    m = MarkingModel(article_id="presidents-meet-us-targets", part=6, corpus=corpus)
    for phrase in ("staggering", "hypocrisy", "alleged"):
        m.mark_phrase(phrase)
    result = m.compare()
    # the key: staggering, hypocrisy and the 9 words of "far more appropriate ... presidents"; you: 2 of those + alleged
    assert str(result.with_key) == "you and the key agree on 2 of 12 words"
    assert any(line.startswith('"alleged": you marked it; the tool did not: the key does not count it') for line in result.lines())
    m.mark_phrase("far more appropriate for a string of US presidents")
    assert str(m.comparison.with_key) == "you and the key agree on 11 of 12 words", "the comparison follows new marks"


def test_a_teachers_own_article_has_no_key_and_still_compares(tmp_path):
    import shutil

    from widgets.corpus import default_data_dir
    from widgets.views.marking import MarkingModel

    data = tmp_path / "data"
    shutil.copytree(default_data_dir(), data)
    (data / "articles" / "my-article.txt").write_text("Officials slammed the brutal crackdown.\n", encoding="utf-8")
    corpus = load_corpus(data, warn=False)
    m = MarkingModel(article_id="my-article", corpus=corpus)
    m.mark_phrase("brutal")
    result = m.compare()
    assert result.with_key is None and result.with_tool.both == 1


def test_quotes_mode_gives_marks_a_speaker_and_can_change_it(corpus):
    from widgets.views.marking import MarkingModel

    m = MarkingModel(article_id="xi-invites-putin", part=17, mode="quotes", corpus=corpus)
    assert "John Kirby" in m.people()
    m.speaker = "Kirby"
    m.mark_phrase("That’s just a bunch of malarkey")
    assert {x.speaker for x in m.marks()} == {"Kirby"}
    assert m.give_quote_to(2, "Vladimir Putin") == 6
    assert {x.speaker for x in m.marks()} == {"Vladimir Putin"}
    result = m.compare()
    assert "a different speaker as the key" in result.lines()[0]


def test_marks_are_saved_and_a_loaded_file_restores_them(corpus, tmp_path, monkeypatch):
    from widgets.views.marking import MarkingModel, MarkingWidget

    widget = MarkingWidget("presidents-meet-us-targets", paragraph=6, corpus=corpus)
    widget.model.mark_phrase("staggering")
    widget.model.mode = "quotes"
    widget.model.speaker = "Peter Symonds"
    widget.model.mark_phrase("hypocrisy")
    target = tmp_path / "work.json"
    assert "marks on 1 article" in exercises.save_work(target)
    saved = json.loads(target.read_text(encoding="utf-8"))["marks"]["presidents-meet-us-targets"]
    assert [s["text"] for s in saved["loaded"]["spans"]] == ["staggering"]
    assert saved["quotes"]["spans"][0]["speaker"] == "Peter Symonds"
    assert saved["loaded"]["article"] == fingerprint(corpus["presidents-meet-us-targets"].raw)
    # a new kernel: nothing marked; loading the file brings the marks back into the live widget
    monkeypatch.setattr(work, "_MARKS", {})
    fresh = MarkingWidget("presidents-meet-us-targets", paragraph=6, corpus=corpus)
    assert fresh.model.marks() == []
    assert "2 sets of marks" in exercises.load_work(target)
    assert [x.text for x in fresh.model.marks()] == ["staggering"]
    assert fresh.text.marked == [1]
    fresh.model.mode = "quotes"
    assert [(x.text, x.speaker) for x in fresh.model.marks()] == [("hypocrisy", "Peter Symonds")]
    # marks outside the part shown are kept when marking another part
    other = MarkingModel(article_id="presidents-meet-us-targets", part=2, corpus=corpus)
    other.mark_phrase("belligerent")
    texts = [t for _s, _e, t, _sp in exercises.previous_marks("presidents-meet-us-targets", "loaded")]
    assert texts == ["belligerent", "staggering"]


def test_marks_made_on_another_version_of_the_article_are_flagged(corpus):
    from widgets.views.marking import MarkingModel

    exercises.remember_marks("presidents-meet-us-targets", "loaded", [(1867, 1877, "staggering", None)],
                             fingerprint="0000000000000000")
    m = MarkingModel(article_id="presidents-meet-us-targets", part=6, corpus=corpus)
    assert "another version" in m.problem


# --------------------------------------------------------------------------------------------------
# The widget (Python side) and its JavaScript
# --------------------------------------------------------------------------------------------------
def test_widget_sends_the_text_words_marks_and_layers(corpus):
    from widgets.views.marking import MarkingWidget

    w = MarkingWidget("presidents-meet-us-targets", paragraph=6, corpus=corpus)
    text = corpus["presidents-meet-us-targets"].raw
    assert w.text.text.startswith("With staggering hypocrisy")
    assert all(w.text.text[s:e] == text[w.model.words[i].start:w.model.words[i].end]
               for i, (s, e) in enumerate(w.text.words))
    w._on_text_event(w.text, {"kind": "toggle", "index": 1}, [])
    w._on_text_event(w.text, {"kind": "range", "first": 2, "last": 3}, [])
    w._on_text_event(w.text, {"kind": "toggle", "index": "1; drop table"}, [])  # bad events are ignored
    w._on_text_event(w.text, ["nonsense"], [])
    assert w.text.marked == [1, 2, 3]
    assert w.text.flags == []
    w.compare_button.value = True
    assert len(w.text.flags) == len(w.text.words)
    assert w.text.flags[1] == YOU | TOOL | KEY
    # words 1-3 are one run of marks ("staggering hypocrisy, the"): one place, labelled after its last word
    assert [3, "you + tool + key"] in w.text.labels
    assert "you and the key agree on 2 of 12 words" in w.status.value.lower()  # staggering, hypocrisy; "the" is extra
    w.compare_button.value = False
    assert w.text.flags == [] and "agree on" not in w.status.value


def test_a_click_or_key_in_the_page_never_sends_the_cursor_back(corpus):
    """The page moves its own cursor before it sends a toggle. If Python also moved it, that update could
    arrive after the student's next key (ipywidgets sends one state update at a time, custom messages at
    once) and pull the cursor back, so the next Space or Enter marked the wrong word (seen in the browser)."""
    from widgets.views.marking import MarkingWidget

    w = MarkingWidget("presidents-meet-us-targets", paragraph=6, corpus=corpus)
    sent = []
    w.text.observe(lambda change: sent.append(change["new"]), names="cursor")
    w.text.cursor = 5                                            # the page: End (its update, in the queue)
    w._on_text_event(w.text, {"kind": "toggle", "index": 2}, [])  # ... arriving after an earlier key's toggle
    assert w.text.marked == [2] and w.text.cursor == 5 and sent == [5]
    w.model.toggle(7)                                           # in Python (a script): the cursor follows
    assert w.text.cursor == 7


def test_switching_article_part_and_mode_redraws(corpus):
    from widgets.views.marking import MarkingWidget

    w = MarkingWidget("presidents-meet-us-targets", paragraph=6, corpus=corpus)
    w.part.value = 2
    assert w.text.text.startswith(corpus["presidents-meet-us-targets"].raw[w.model.window()[0]:][:20])
    w.article.value = "xi-invites-putin"
    assert w.model.article_id == "xi-invites-putin" and w.part.value == w.model.part
    assert w.speaker_row.layout.display == "none"
    w.mode.value = "quotes"
    assert w.speaker_row.layout.display == "" and "John Kirby" in w.speaker.options


def test_hostile_article_stays_text(tmp_path):
    import sys

    sys.path.insert(0, str(ROOT / "tests" / "hostile"))
    try:
        import make_hostile
    finally:
        sys.path.pop(0)
    from widgets.views.marking import MarkingWidget

    corpus = load_corpus(make_hostile.make_hostile_data_dir(ROOT / "data", tmp_path / "data"), warn=False)
    w = MarkingWidget(make_hostile.HOSTILE_ID, corpus=corpus)
    for payload in make_hostile.PAYLOADS[1:]:
        assert payload in w.text.text, "the text is sent to the browser as text, unchanged"
    w.model.mark_phrase("script")
    w.compare_button.value = True
    for html in (w.status.value, w.instructions.value):
        assert "<script" not in html and "onerror=" not in html.replace("onerror=&quot;", "")
    assert "&lt;img" in w.status.value or "img" not in w.status.value


def test_the_javascript_never_turns_text_into_markup():
    source = JS.read_text(encoding="utf-8")
    code = re.sub(r"//.*", "", source)
    for banned in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(", "new Function",
                   "http://", "https://", "import("):
        assert banned not in code, f"marking.js uses {banned}"
    assert "textContent" in code and "createTextNode" in code
    assert "export default" in code


def test_the_javascript_ships_inside_the_package():
    import tomllib

    from widgets.views.marking import MarkedText

    data = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert "*.js" in data["tool"]["setuptools"]["package-data"]["widgets.views"]
    assert "export default" in MarkedText()._esm, "the JavaScript is sent from the package file, not fetched"


def test_keys_are_documented_in_the_widget_and_the_readme():
    from widgets.views.marking import KEYS, keys_html

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for key, _what in KEYS:
        assert key in keys_html()
        assert key.split(" /")[0].split(" or")[0] in readme, f"the README does not document {key}"


# --------------------------------------------------------------------------------------------------
# The lessons: 02 (exercise 2.3) and 04 (exercise 4.4) use the widget, with a typing route kept
# --------------------------------------------------------------------------------------------------
LESSON_EXERCISES = [
    # solution notebook, exercise, what a careful student marks, the speaker given, the fallback's check call
    ("02-quote-spotting.ipynb", "**2.3**", "Only the United States needs this massacre, only they want it",
     "Alexander Lukashenko", 'check("2.3", answer)'),
    ("04-loaded-language.ipynb", "**4.4**", "staggering hypocrisy", "", "check_picks("),
]


def _run_cell(source: str, namespace: dict):
    """Run a notebook cell's code and return the value of its last line (what the notebook would show)."""
    import ast

    tree = ast.parse(source)
    last = tree.body.pop() if tree.body and isinstance(tree.body[-1], ast.Expr) else None
    exec(compile(tree, "<cell>", "exec"), namespace)  # noqa: S102 - the kit's own lesson cells
    return eval(compile(ast.Expression(last.value), "<cell>", "eval"), namespace) if last else None  # noqa: S307


@pytest.mark.parametrize("name, exercise, phrase, speaker, fallback", LESSON_EXERCISES, ids=["02", "04"])
@pytest.mark.parametrize("folder", ["solutions", "lessons"])
def test_a_lesson_exercise_marks_in_the_widget_saves_and_keeps_the_typing_route(folder, name, exercise, phrase,
                                                                                speaker, fallback, tmp_path):
    import nbformat

    from widgets.views.marking import MarkingWidget
    from widgets.views.work import WorkSaver

    cells = nbformat.read(ROOT / folder / name, as_version=4).cells
    start = next(i for i, c in enumerate(cells) if c.source.startswith(exercise) or f"\n{exercise}" in c.source)
    rest = cells[start:]
    code = [c for c in rest if c.cell_type == "code"]
    namespace: dict = {}
    shown = _run_cell(code[0].source, namespace)
    assert isinstance(shown, MarkingWidget), f"{folder}/{name}: the cell after {exercise} should show the marking widget"
    assert isinstance(_run_cell(code[1].source, namespace), WorkSaver), f"{folder}/{name}: a Save-my-work cell should follow"
    assert any(fallback in c.source for c in code[2:4]), f"{folder}/{name}: the typing route for {exercise} is gone"
    assert any("No widget?" in c.source for c in rest[:6] if c.cell_type == "markdown")
    # What the widget is for: a student marks the key's words, compares, and the marks are saved work.
    model = shown.model
    model.speaker = speaker
    assert model.mark_phrase(phrase)
    result = model.compare()
    n = len(phrase.split())
    assert str(result.with_key).startswith(f"you and the key agree on {n} of "), result.with_key
    if speaker:
        assert any(f"you say {speaker}" in line and f"the key gives it to {speaker}" in line for line in result.lines())
    target = tmp_path / "work.json"
    exercises.save_work(target)
    saved = json.loads(target.read_text(encoding="utf-8"))["marks"][model.article_id][model.mode]["spans"]
    assert [s["text"] for s in saved] == [phrase]
