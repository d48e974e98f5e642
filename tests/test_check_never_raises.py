"""check() is documented as never raising: not even for an object whose repr raises, or a huge answer.

Each test here failed on the code before the fix (issue 13, item 9), except the unknown-exercise cases.
"""
from __future__ import annotations

import json

import pytest

from widgets.exercises import check, note, work_summary


class Unprintable:
    def __repr__(self):
        raise RuntimeError("repr fails")

    __str__ = __repr__


@pytest.mark.parametrize("exercise", ["0.1", "0.2", "0.3", "1.1", "1.5", "2.7", "9.9"])
@pytest.mark.parametrize("answer", [Unprintable(), [Unprintable()], ["ok", [Unprintable()]], (Unprintable(),)],
                         ids=["object", "in a list", "nested", "in a tuple"])
def test_check_never_raises_on_an_object_whose_repr_raises(exercise, answer):
    feedback = check(exercise, answer)
    assert feedback.status in ("wrong_type", "unknown", "free", "wrong", "nearly")
    repr(feedback), feedback._repr_html_()
    json.dumps(work_summary())  # and save_work can still write it


def test_check_never_raises_on_an_exercise_id_whose_str_raises():
    assert check(Unprintable(), "x").status == "unknown"


def test_check_never_raises_on_a_deeply_nested_list_or_a_huge_number():
    nested: list = []
    inner = nested
    for _ in range(5_000):
        inner.append([])
        inner = inner[0]
    assert check("1.1", nested).status == "wrong_type"
    assert check("1.5", 10 ** 5_000).status in ("wrong", "wrong_type", "unknown")
    json.dumps(work_summary())


def test_a_million_item_answer_is_refused_at_once_and_not_kept():
    huge = [str(i) for i in range(1_000_000)]
    feedback = check("5.1", huge)
    assert (feedback.status, feedback.message) == (
        "wrong_type", "Exercise 5.1 got a list of 1,000,000 items. No answer here needs more than 1,000, so it was "
        "not checked: put only your answer in the list.")
    assert work_summary()["answers"].get("5.1", {}).get("answer") != huge
    text = "word " * 30_000
    assert check("2.7", text).message.startswith("Exercise 2.7 got a text of 150,000 characters.")


def test_one_word_is_one_word():
    assert "(1 word)" in str(note("report", "Short."))
    assert "(1 word)" in check("2.7", "Disagree.").message


def test_answer_files_saved_with_a_byte_order_mark_are_read(tmp_path):
    """A teacher's editor may add a byte-order mark to widgets/answers/NN.json (issue 13 item 7)."""
    from widgets.exercises import add_exercise, load_exercises

    path = tmp_path / "09.json"
    path.write_bytes(b'\xef\xbb\xbf{"lesson": "09", "exercises": {"9.1": {"kind": "free"}}}\n')
    assert "9.1" in load_exercises(tmp_path)
    add_exercise("09", "9.2", kind="text", answers=["yes"], answers_dir=tmp_path)
    assert set(load_exercises(tmp_path)) == {"9.1", "9.2"}
