"""Saved work is never lost and saving or loading never raises (issue 13, items 1 and 4).

Each lesson runs in its own kernel and all of them save to ``my-medialit-work.json``: a kernel that
saves must keep what the other kernels saved (the newer answer wins, per exercise), and a damaged,
odd or missing file gives a message, never a traceback, and never costs an answer.
"""
from __future__ import annotations

import json
import os
from datetime import datetime, timedelta, timezone

import pytest

from widgets import exercises
from widgets import work
from widgets.exercises import add_exercise, check

FORMAT = exercises.WORK_FORMAT


@pytest.fixture
def kit(tmp_path, monkeypatch):
    """Exercises 9.1 (text) and 9.2 (set) in a temporary answers folder, a fresh session, and a clock."""
    answers = tmp_path / "answers"
    answers.mkdir()
    monkeypatch.setattr(exercises, "ANSWERS_DIR", answers)
    monkeypatch.setattr(exercises.load_exercises, "__defaults__", (answers,))
    add_exercise("09", "9.1", kind="text", answers=["John Kirby"], answers_dir=answers)
    add_exercise("09", "9.2", kind="set", answers=["a", "b"], answers_dir=answers)
    add_exercise("09", "9.3", kind="number", answers=["3"], answers_dir=answers)
    clock = {"now": datetime(2026, 3, 1, 9, 0, tzinfo=timezone.utc)}

    def tick():
        clock["now"] += timedelta(seconds=1)
        return clock["now"]

    monkeypatch.setattr(work, "_now", tick, raising=False)
    new_kernel(monkeypatch)
    return tmp_path


def new_kernel(monkeypatch):
    """Forget everything in memory, as a new kernel (another lesson) starts with nothing."""
    monkeypatch.setattr(work, "_WORK", {})
    monkeypatch.setattr(work, "_NOTES", {})
    if hasattr(exercises, "_MARKS"):
        monkeypatch.setattr(work, "_MARKS", {})


def saved(path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


# --------------------------------------------------------------------------------------------------
# Item 1: a second save from another kernel keeps the earlier answers
# --------------------------------------------------------------------------------------------------
def test_a_second_save_from_another_kernel_keeps_the_earlier_answers(kit, monkeypatch):
    target = kit / "my-medialit-work.json"
    check("9.1", "John Kirby")
    exercises.note("report", "First lesson's note.")
    exercises.save_work(target)
    new_kernel(monkeypatch)                      # lesson 2, in another kernel
    check("9.2", ["a", "b"])
    exercises.save_work(target)
    answers = saved(target)["answers"]
    assert set(answers) == {"9.1", "9.2"}, answers
    assert answers["9.1"]["answer"] == "John Kirby"
    assert saved(target)["notes"]["report"] == "First lesson's note."


def test_the_newer_answer_wins_per_exercise(kit, monkeypatch):
    target = kit / "work.json"
    check("9.1", "Blinken")                      # kernel A answers first ...
    kernel_a = dict(work._WORK)
    exercises.save_work(target)
    new_kernel(monkeypatch)
    check("9.1", "John Kirby")                   # ... kernel B answers the same exercise later
    exercises.save_work(target)
    new_kernel(monkeypatch)
    monkeypatch.setattr(work, "_WORK", kernel_a)
    check("9.3", 3)                              # kernel A saves again, still holding its older 9.1
    exercises.save_work(target)
    answers = saved(target)["answers"]
    assert answers["9.1"]["answer"] == "John Kirby", "an older answer replaced a newer one"
    assert answers["9.3"]["answer"] == 3


def test_loading_keeps_a_newer_answer_of_this_session_and_takes_a_newer_one_from_the_file(kit, monkeypatch):
    target = kit / "work.json"
    check("9.1", "Blinken")
    exercises.save_work(target)
    check("9.1", "John Kirby")                   # newer than the file's
    exercises.load_work(target)
    assert exercises.previous_answer("9.1") == "John Kirby"
    new_kernel(monkeypatch)
    check("9.2", ["a"])
    exercises.save_work(target)                  # the file now holds a newer 9.2
    monkeypatch.setattr(work, "_WORK", {"9.2": {"answer": ["b"], "status": "nearly", "time": "2000-01-01T00:00:00+00:00"}})
    exercises.load_work(target)
    assert exercises.previous_answer("9.2") == ["a"]


def test_a_file_that_cannot_be_merged_is_kept_aside_not_overwritten(kit):
    target = kit / "work.json"
    target.write_text('{"format": "medialit-work-1", "answers": {"9.1": {"answer": "John Kirby"', encoding="utf-8")
    check("9.2", ["a", "b"])
    message = exercises.save_work(target)
    kept = [p for p in kit.iterdir() if p.name.startswith("work") and p.name != "work.json"]
    assert len(kept) == 1, f"the damaged file was not kept: {sorted(p.name for p in kit.iterdir())}"
    assert kept[0].read_text(encoding="utf-8").startswith('{"format": "medialit-work-1"')
    assert kept[0].name in message
    assert set(saved(target)["answers"]) == {"9.2"}


# --------------------------------------------------------------------------------------------------
# Item 4: load_work and save_work never raise
# --------------------------------------------------------------------------------------------------
ODD_FILES = {
    "answers is a list": {"format": FORMAT, "answers": [["9.1", "x"]], "notes": {}},
    "answers is null": {"format": FORMAT, "answers": None, "notes": None},
    "notes is a list": {"format": FORMAT, "answers": {}, "notes": ["a note"]},
    "an entry without answer": {"format": FORMAT, "answers": {"9.1": {"status": "right"}}},
    "an entry that is a string": {"format": FORMAT, "answers": {"9.1": "John Kirby"}},
    "marks of the wrong shape": {"format": FORMAT, "answers": {}, "marks": [1, 2, {"x": None}]},
    "a top-level list": [FORMAT],
}


@pytest.mark.parametrize("case", sorted(ODD_FILES))
def test_load_work_never_raises_on_valid_json_of_the_wrong_shape(kit, case):
    target = kit / "odd.json"
    target.write_text(json.dumps(ODD_FILES[case]), encoding="utf-8")
    check("9.2", ["a", "b"])
    message = exercises.load_work(target)
    assert isinstance(message, str) and message
    assert exercises.previous_answer("9.2") == ["a", "b"], "the session's answer was lost"
    exercises.previous_answer("9.1")             # must not raise either (an entry without "answer")
    exercises.previous_note("report")
    assert "Traceback" not in message


def test_an_entry_without_answer_is_skipped_and_counted(kit):
    target = kit / "odd.json"
    target.write_text(json.dumps({"format": FORMAT, "answers": {"9.1": {"status": "right"},
                                                                 "9.2": {"answer": ["a"], "status": "nearly"}}}),
                      encoding="utf-8")
    message = exercises.load_work(target)
    assert exercises.previous_answer("9.1") is None
    assert exercises.previous_answer("9.2") == ["a"]
    assert "1 answer" in message and "could not be read" in message


def test_load_work_never_raises_on_deeply_nested_json(kit):
    target = kit / "deep.json"
    target.write_text("[" * 200_000 + "]" * 200_000, encoding="utf-8")
    message = exercises.load_work(target)
    assert "not a saved-work file" in message


def test_save_work_never_raises_on_an_existing_deeply_nested_file(kit):
    target = kit / "deep.json"
    target.write_text('{"format": "medialit-work-1", "answers": ' + "[" * 200_000 + "]" * 200_000 + "}", encoding="utf-8")
    check("9.1", "John Kirby")
    message = exercises.save_work(target)
    assert "Saved" in message
    assert saved(target)["answers"]["9.1"]["answer"] == "John Kirby"


@pytest.mark.parametrize("where", ["missing folder", "a directory"])
def test_bad_paths_give_a_message(kit, where):
    path = kit / "no-such-folder" / "work.json" if where == "missing folder" else kit
    check("9.1", "John Kirby")
    saved_message = exercises.save_work(path)
    loaded_message = exercises.load_work(path)
    for message in (saved_message, loaded_message):
        assert isinstance(message, str) and message
    assert "Saved" not in saved_message
    assert exercises.previous_answer("9.1") == "John Kirby"
    assert "folder" in saved_message and "folder" in loaded_message


def test_save_work_never_raises_on_an_unwritable_file(kit, monkeypatch):
    def refuse(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(os, "replace", refuse)  # os.replace is how a saved file is swapped in
    check("9.1", "John Kirby")
    message = exercises.save_work(kit / "work.json")
    assert "could not" in message.lower() and "Permission denied" in message
    assert not (kit / "work.json").exists()
    assert not [p for p in kit.iterdir() if p.suffix == ".tmp"], "a temporary file was left behind"


def test_round_trip_with_a_name(kit, monkeypatch):
    target = kit / "work.json"
    check("9.1", "John Kirby")
    exercises.save_work(target, name="Ana")
    assert saved(target)["student"] == "Ana"
    new_kernel(monkeypatch)
    check("9.2", ["a"])
    exercises.save_work(target)                  # no name given: the file keeps Ana's name
    assert saved(target)["student"] == "Ana"


# --------------------------------------------------------------------------------------------------
# WorkSaver (the buttons)
# --------------------------------------------------------------------------------------------------
def test_worksaver_messages_name_the_buttons_not_the_functions(kit):
    from widgets.views.work import WorkSaver

    saver = WorkSaver(filename=str(kit / "work.json"))
    messages = [
        saver.load_bytes(b"{oops", "broken.json"),
        saver.load_bytes(b'{"a": 1}', "other.json"),
        saver.load_bytes(json.dumps({"format": FORMAT, "answers": None}).encode(), "odd.json"),
    ]
    for message in messages:
        assert "save_work" not in message and "load_work" not in message, message
    assert "Save my work" in messages[0] and "Save my work" in messages[1]


def test_worksaver_keeps_no_copy_of_a_file_that_is_not_saved_work(kit):
    from widgets.views.work import WorkSaver

    saver = WorkSaver(filename=str(kit / "work.json"))
    saver.load_bytes(b'{"a": 1}', "other.json")
    saver.load_bytes(b"[1, 2, 3]", "list.json")
    saver.load_bytes(b"{oops", "broken.json")
    assert not list(kit.glob("uploaded-*")), sorted(p.name for p in kit.glob("uploaded-*"))


def test_worksaver_loads_saved_work_and_saving_failure_is_a_message(kit, monkeypatch):
    from widgets.views.work import WorkSaver

    source = kit / "mine.json"
    check("9.1", "John Kirby")
    exercises.save_work(source)
    new_kernel(monkeypatch)
    saver = WorkSaver(filename=str(kit / "work.json"))
    message = saver.load_bytes(source.read_bytes(), "mine.json")
    assert "Loaded 1 answer" in message
    assert exercises.previous_answer("9.1") == "John Kirby"
    broken = WorkSaver(filename=str(kit / "missing-folder" / "work.json"))
    message = broken.save()
    assert "folder" in message and "Download" not in broken.status.value
