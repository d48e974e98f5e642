"""Self-checks: right, nearly, wrong, wrong type, not answered; never a traceback, never the answer."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from widgets import exercises
from widgets import work
from widgets.exercises import add_exercise, check


@pytest.fixture
def answers_dir(tmp_path, monkeypatch):
    monkeypatch.setattr(exercises, "ANSWERS_DIR", tmp_path)
    monkeypatch.setattr(exercises.load_exercises, "__defaults__", (tmp_path,))
    add_exercise("09", "9.1", kind="text", answers=["John Kirby", "Kirby"], explanation="Yes, Kirby.",
                 near=[("Blinken", "Blinken said something similar, in another article.")], answers_dir=tmp_path)
    add_exercise("09", "9.2", kind="set", answers=["a", "b", "c"], example='["a"]', answers_dir=tmp_path)
    add_exercise("09", "9.3", kind="number", answers=["12"], answers_dir=tmp_path)
    add_exercise("09", "9.4", kind="choice", choices=["red", "green"], answers=["green"], answers_dir=tmp_path)
    add_exercise("09", "9.5", kind="free", rubric=["Names a source."], model_answer="A secret model answer.",
                 answers_dir=tmp_path)
    add_exercise("09", "9.6", kind="number", answers=["0.5"], tolerance=0.05, answers_dir=tmp_path)
    return tmp_path


def test_answers_are_not_stored_in_plain_text(answers_dir):
    stored = (answers_dir / "09.json").read_text(encoding="utf-8")
    for secret in ("Kirby", "green\"", "secret model answer", "Yes, Kirby"):
        assert secret not in stored.replace('"green"', "")


def test_text(answers_dir):
    assert check("9.1", "  john   KIRBY. ").status == "right"
    assert check("9.1", "Kirby").message == "Yes, Kirby."
    near = check("9.1", "blinken")
    assert near.status == "nearly" and "another article" in near.message
    assert check("9.1", "Putin").status == "wrong"


@pytest.mark.parametrize("answer", [None, ..., "", "   ", []])
def test_not_answered_yet(answers_dir, answer):
    fb = check("9.1", answer)
    assert fb.status == "unanswered" and "not answered yet" in fb.message


@pytest.mark.parametrize(
    "exercise, answer, expected",
    [("9.1", 3, "expects text"), ("9.2", "a", "expects a list"), ("9.2", [1, 2], "text items"),
     ("9.3", "twelve", "expects a number"), ("9.3", True, "expects a number"), ("9.4", 1, "one letter")],
)
def test_wrong_type_says_what_was_expected(answers_dir, exercise, answer, expected):
    fb = check(exercise, answer)
    assert fb.status == "wrong_type" and expected in fb.message


def test_set_feedback_counts_without_revealing(answers_dir):
    fb = check("9.2", ["a", "b", "z"])
    assert fb.status == "nearly"
    assert "2 of the 3" in fb.message and "'z'" in fb.message and "1 missing" in fb.message
    assert "'c'" not in fb.message
    assert check("9.2", ["C", "b", "a"]).status == "right"


def test_numbers(answers_dir):
    assert check("9.3", 12).correct and check("9.3", "12").correct and check("9.3", 12.0).correct
    assert check("9.3", 13).status == "nearly" and "too high" in check("9.3", 13).message
    assert check("9.3", 40).status == "wrong"
    assert check("9.6", 0.52).correct and check("9.6", 0.6).status == "nearly"


def test_choice_by_letter_or_text(answers_dir):
    assert check("9.4", "b").correct and check("9.4", "Green").correct
    assert check("9.4", "a").status == "wrong"
    assert '"a" = red' in check("9.4", "purple").message


def test_free_text_shows_rubric_and_model_answer_on_request(answers_dir):
    fb = check("9.5", "I would ask who wrote it.")
    assert fb.status == "free" and "Names a source." in fb.message and "secret" not in fb.message
    assert "A secret model answer." in check("9.5", "x", show_model_answer=True).message


def test_unknown_exercise_lists_the_real_ones(answers_dir):
    fb = check("7.7", "x")
    assert fb.status == "unknown" and "9.1" in fb.message


def test_a_broken_answers_file_never_raises(answers_dir, capsys):
    (answers_dir / "10.json").write_text("{ not json", encoding="utf-8")
    assert check("9.1", "Kirby").correct
    assert "10.json" in capsys.readouterr().err


def test_feedback_html_is_escaped(answers_dir):
    html = check("9.2", ["<script>alert(1)</script>"])._repr_html_()
    assert "<script>" not in html and "&lt;script&gt;" in html


def test_every_lesson_exercise_is_checkable_by_the_solution():
    """The solution notebooks' answers must be accepted by check(): exercises and solutions stay in step."""
    import nbformat

    root = Path(__file__).resolve().parents[1]
    ids_in_notebooks = set()
    for path in sorted((root / "solutions").glob("*.ipynb")):
        for cell in nbformat.read(path, as_version=4).cells:
            if cell.cell_type == "code" and "check(" in cell.source:
                for output in cell.get("outputs", []):
                    text = output.get("data", {}).get("text/plain", "")
                    if text.startswith(("Not yet.", "Wrong kind of answer:", "Problem:", "To do:")):
                        pytest.fail(f"{path.name}: a solution cell's check says: {text}")
                ids_in_notebooks.update(
                    line.split('"')[1] for line in cell.source.splitlines() if line.startswith("check(")
                )
    stored = set(exercises.load_exercises())
    assert ids_in_notebooks <= stored
    for ex_id in stored:
        lesson = ex_id.split(".")[0]
        if any(p.name.startswith(lesson.zfill(2)) for p in (root / "solutions").glob("*.ipynb")):
            assert ex_id in ids_in_notebooks, f"exercise {ex_id} is stored but no solution notebook checks it"


def test_save_and_load_work_round_trip(answers_dir, tmp_path, monkeypatch):
    monkeypatch.setattr(work, "_WORK", {})
    monkeypatch.setattr(work, "_NOTES", {})
    check("9.1", "Kirby")
    check("9.2", {"b", "a"})
    exercises.note("report", "Outlet A quotes only officials.")
    target = tmp_path / "work.json"
    message = exercises.save_work(target)
    assert "2 answers, 1 note" in message and "Download" in message
    monkeypatch.setattr(work, "_WORK", {})
    monkeypatch.setattr(work, "_NOTES", {})
    assert "Loaded 2 answers and 1 note" in exercises.load_work(target)
    assert exercises.previous_answer("9.1") == "Kirby"
    assert exercises.previous_answer("9.2") == ["a", "b"]
    assert exercises.previous_note("report") == "Outlet A quotes only officials."


def test_load_work_explains_bad_files(tmp_path):
    assert "Upload your saved work first" in exercises.load_work(tmp_path / "nope.json")
    (tmp_path / "bad.json").write_text("{oops", encoding="utf-8")
    assert "not a saved-work file" in exercises.load_work(tmp_path / "bad.json")
    (tmp_path / "other.json").write_text('{"a": 1}', encoding="utf-8")
    assert "not a saved-work file from this kit" in exercises.load_work(tmp_path / "other.json")


def test_note_rejects_non_text():
    assert "must be text" in exercises.note("x", 3)
