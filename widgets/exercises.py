"""Self-checks for the exercises in the lessons: ``check("1.2", answer)``.

Feedback is friendly and specific (right, nearly, wrong type with an example, not answered yet) and
never shows a traceback or the answer. Answers are stored as salted SHA-256 hashes in
``widgets/answers/NN.json``, so reading the package does not give them away. Free-text questions get a
rubric, and a model answer on request.

>>> check("0.1", "Shift+Enter")
Right! Shift+Enter runs the cell and moves to the next one.
>>> check("0.1", 42)
Wrong kind of answer: Exercise 0.1 expects text (a str), but got a number (int). For example: answer = "Ctrl+S"
>>> check("0.1", ...)
To do: Exercise 0.1 is not answered yet: replace the ... with your answer and run the cell again.

Teachers add or change an exercise with ``python -m widgets.exercises add`` (see ``--help``).
"""
from __future__ import annotations

import argparse
import base64
import hashlib
import json
import math
import sys
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from .text import squash_spaces, straighten_quotes
from .wording import did_you_mean, plural, shorten
# Saved work lives in widgets.work (and widgets.workfile); its functions are named here too, where the
# lessons have always found them (``from widgets.exercises import save_work``).
from .work import (MAX_ANSWER_ITEMS, _is_unanswered, _type_name, forget_marks, load_work, load_work_content,
                   marks_fingerprint, note, previous_answer, previous_marks, previous_note, record_answer,
                   remember_marks, save_work, when_work_is_loaded, work_summary)
from .workfile import MARK_MODES, WORK_FORMAT, WorkFile, read_work

_DASHES = str.maketrans({"–": "-", "—": "-"})

ANSWERS_DIR = Path(__file__).resolve().parent / "answers"
KINDS = ("text", "number", "set", "choice", "free")

@dataclass(frozen=True)
class Feedback:
    """The result of a check: a status word and a message for the student."""

    exercise: str
    status: str  # right | nearly | wrong | wrong_type | unanswered | free | unknown
    message: str

    #: The word shown before each message: feedback never depends on colour, an icon font or emoji.
    _WORDS = {"right": "Right!", "nearly": "Nearly.", "wrong": "Not yet.", "wrong_type": "Wrong kind of answer:",
              "unanswered": "To do:", "free": "Open question:", "unknown": "Problem:"}
    _COLOURS = {"right": "#009E73", "nearly": "#E69F00", "wrong": "#D55E00", "wrong_type": "#0072B2",
                "unanswered": "#999999", "free": "#56B4E9", "unknown": "#999999"}
    #: A CSS shape per status, drawn beside the word (so no emoji font is needed): circle, half circle,
    #: square, triangle, hollow circle, hollow square, hollow diamond.
    _SHAPES = {"right": "border-radius:50%;background:{c}",
               "nearly": "border-radius:50%;background:linear-gradient(90deg,{c} 50%,transparent 50%);"
                         "border:2px solid {c}",
               "wrong": "background:{c}",
               "wrong_type": "width:0;height:0;border-left:.45em solid transparent;border-right:.45em solid "
                             "transparent;border-bottom:.8em solid {c}",
               "unanswered": "border-radius:50%;border:2px solid {c}",
               "free": "border:2px solid {c}",
               "unknown": "transform:rotate(45deg) scale(.8);border:2px solid {c}"}

    @property
    def correct(self) -> bool:
        return self.status == "right"

    def __repr__(self) -> str:
        return f"{self._WORDS[self.status]} {self.message}"

    def _repr_html_(self) -> str:
        from .render import escape

        colour = self._COLOURS[self.status]
        lines = escape(self.message).replace("\n", "<br>")
        shape = (f'<span aria-hidden="true" style="display:inline-block;box-sizing:border-box;width:.8em;height:.8em;'
                 f'margin-right:.4em;vertical-align:-.05em;{self._SHAPES[self.status].format(c=colour)}"></span>')
        return (f'<div role="status" style="border-left:6px solid {colour};padding:.4em .8em;margin:.3em 0;'
                f'font-family:sans-serif">{shape}<strong>{escape(self._WORDS[self.status])}</strong> {lines}</div>')


# --------------------------------------------------------------------------------------------------
# Normalising and hashing
# --------------------------------------------------------------------------------------------------
def normalise(text: str) -> str:
    """Fold case, quote styles and spacing so small differences do not count.

    >>> normalise('  “Kirby”. ')
    'kirby'
    """
    text = straighten_quotes(unicodedata.normalize("NFKC", str(text)).casefold()).translate(_DASHES)
    return squash_spaces(text).strip(" \"'.,;:!?")


def _number_key(value: float, tolerance: float) -> str:
    if tolerance > 0:
        return str(round(value / tolerance))
    return repr(round(float(value), 6))


def answer_hash(exercise_id: str, value: str) -> str:
    """The stored hash for one normalised answer value (salted with the exercise id).

    >>> answer_hash("0.1", normalise("Shift+Enter"))[:12], answer_hash("0.2", "shift+enter")[:12]
    ('657549723bd7', 'a5b9c4b46a03')
    """
    return hashlib.sha256(f"medialit:{exercise_id}:{value}".encode("utf-8")).hexdigest()


# --------------------------------------------------------------------------------------------------
# Loading exercises
# --------------------------------------------------------------------------------------------------
def load_exercises(answers_dir: Path = ANSWERS_DIR) -> dict[str, dict]:
    """Every exercise, by id, from ``answers_dir/*.json`` (read fresh each time: edits need no restart).

    >>> exercises = load_exercises()
    >>> exercises["0.1"]["kind"], "1.1" in exercises
    ('text', True)
    """
    exercises: dict[str, dict] = {}
    for path in sorted(answers_dir.glob("*.json")):
        try:
            data = json.loads(path.read_text(encoding="utf-8-sig"))  # a teacher's editor may add a BOM
        except (OSError, ValueError) as err:
            print(f"Warning: could not read {path.name} ({err}); its exercises are skipped.", file=sys.stderr)
            continue
        for ex_id, ex in data.get("exercises", {}).items():
            exercises[ex_id] = ex
    return exercises


def _wrong_type(ex_id: str, ex: dict, value, expected: str) -> Feedback:
    example = ex.get("example", "")
    msg = f"Exercise {ex_id} expects {expected}, but got {_type_name(value)}."
    if example:
        msg += f" For example: answer = {example}"
    return Feedback(ex_id, "wrong_type", msg)


#: The longest text answer checked (about 15,000 words): a free-text answer is a few sentences.
MAX_ANSWER_CHARACTERS = 100_000


def check(exercise_id: str, answer=None, *, show_model_answer: bool = False) -> Feedback:
    """Check a student's answer and return friendly feedback (never raises).

    The answer is also remembered for :func:`save_work`. An answer with more than 1,000 items, or more than
    100,000 characters of text, is not checked (and not remembered): the feedback says so.

    Args:
        exercise_id: the exercise number as printed in the lesson, e.g. ``"1.2"``.
        answer: the student's answer (text, number, list of items, or a choice letter).
        show_model_answer: for free-text questions, also show the model answer.

    >>> check("1.1", [str(i) for i in range(5000)])
    Wrong kind of answer: Exercise 1.1 got a list of 5,000 items. No answer here needs more than 1,000, so it was not checked: put only your answer in the list.
    """
    ex_id = _safe_text(exercise_id)
    try:
        too_big = _too_big(ex_id, answer)
        if too_big is not None:
            return too_big
        feedback = _check(ex_id, answer, show_model_answer)
    except Exception as err:  # noqa: BLE001 - a student must never see a traceback from a check
        return Feedback(ex_id, "unknown",
                        f"Sorry, this answer could not be checked ({type(err).__name__}). Ask your teacher.")
    if feedback.status not in ("unknown", "unanswered"):
        record_answer(ex_id, answer, feedback.status)
    return feedback


def _safe_text(value) -> str:
    """``str(value)``, or a description of it when even that fails (a broken object must not stop check)."""
    try:
        text = str(value)
    except Exception:  # noqa: BLE001 - any object a student made can fail here
        return f"(a {type(value).__name__} that cannot be shown as text)"
    return shorten(text, 200)


def _too_big(ex_id: str, answer) -> Feedback | None:
    """Feedback for an answer far too big to be one (checked before any work is done on it), else None."""
    if isinstance(answer, (list, tuple, set, frozenset, dict)) and len(answer) > MAX_ANSWER_ITEMS:
        return Feedback(ex_id, "wrong_type",
                        f"Exercise {ex_id} got {_type_name(answer)} of {len(answer):,} items. No answer "
                        f"here needs more than {MAX_ANSWER_ITEMS:,}, so it was not checked: put only your answer in the list.")
    if isinstance(answer, str) and len(answer) > MAX_ANSWER_CHARACTERS:
        return Feedback(ex_id, "wrong_type",
                        f"Exercise {ex_id} got a text of {len(answer):,} characters. No answer here needs more than "
                        f"{MAX_ANSWER_CHARACTERS:,}, so it was not checked: write your own answer in a few sentences.")
    return None


def _check(ex_id: str, answer, show_model_answer: bool) -> Feedback:
    exercises = load_exercises()
    ex = exercises.get(ex_id)
    if ex is None:
        known = ", ".join(sorted(exercises)) or "none"
        return Feedback(ex_id, "unknown", f'There is no exercise "{ex_id}". Exercises are: {known}.'
                                          f"{did_you_mean(ex_id, sorted(exercises))}")
    kind = ex["kind"]
    if kind != "free" and _is_unanswered(answer):
        return Feedback(ex_id, "unanswered",
                        f"Exercise {ex_id} is not answered yet: replace the ... with your answer and run the cell again.")
    if kind == "text":
        return _check_text(ex_id, ex, answer)
    if kind == "choice":
        return _check_choice(ex_id, ex, answer)
    if kind == "number":
        return _check_number(ex_id, ex, answer)
    if kind == "set":
        return _check_set(ex_id, ex, answer)
    return _check_free(ex_id, ex, answer, show_model_answer)


def _decode(value: str) -> str:
    return base64.b64decode(value).decode("utf-8")


def _right(ex_id: str, ex: dict) -> Feedback:
    # The explanation often names the answer, so it is stored encoded like the model answer.
    return Feedback(ex_id, "right", _decode(ex["explanation"]) if ex.get("explanation") else "Well done.")


def _check_text(ex_id: str, ex: dict, answer) -> Feedback:
    if not isinstance(answer, str):
        return _wrong_type(ex_id, ex, answer, "text (a str)")
    h = answer_hash(ex_id, normalise(answer))
    if h in ex["hashes"]:
        return _right(ex_id, ex)
    for near in ex.get("near", []):
        if h == near["hash"]:
            return Feedback(ex_id, "nearly", near["message"])
    return Feedback(ex_id, "wrong", ex.get("hint", "That is not it. Look again and try once more."))


def _check_choice(ex_id: str, ex: dict, answer) -> Feedback:
    choices = ex["choices"]
    letters = [chr(ord("a") + i) for i in range(len(choices))]
    if not isinstance(answer, str):
        return _wrong_type(ex_id, ex, answer, "one letter as text")
    given = normalise(answer)
    if given in letters:
        given = normalise(choices[letters.index(given)])
    if given not in [normalise(c) for c in choices]:
        options = "; ".join(f'"{letter}" = {c}' for letter, c in zip(letters, choices))
        return Feedback(ex_id, "wrong", f'"{answer}" is not one of the choices. Choose one of: {options}.'
                                        f"{did_you_mean(answer, choices)}")
    if answer_hash(ex_id, given) in ex["hashes"]:
        return _right(ex_id, ex)
    return Feedback(ex_id, "wrong", ex.get("hint", "Not that one. Read the question again and try another."))


def _as_number(answer):
    if isinstance(answer, bool):
        return None
    if isinstance(answer, (int, float)):
        return float(answer)
    if isinstance(answer, str):
        try:
            return float(answer.replace(",", "").strip())
        except ValueError:
            return None
    return None


def _check_number(ex_id: str, ex: dict, answer) -> Feedback:
    value = _as_number(answer)
    if value is not None and (math.isnan(value) or math.isinf(value)):
        return Feedback(ex_id, "wrong_type", f"Exercise {ex_id} expects a number you counted or worked out, "
                        f"but got {answer!r}, which is not a real number. For example: answer = {ex.get('example', '3')}")
    if value is None:
        return _wrong_type(ex_id, ex, answer, "a number")
    tolerance = float(ex.get("tolerance", 0))
    if answer_hash(ex_id, _number_key(value, tolerance)) in ex["hashes"]:
        return _right(ex_id, ex)
    step = tolerance if tolerance > 0 else 1.0
    for k in (1, 2, 3):
        for sign in (1, -1):
            if answer_hash(ex_id, _number_key(value + sign * k * step, tolerance)) in ex["hashes"]:
                direction = "a little too high" if sign < 0 else "a little too low"
                return Feedback(ex_id, "nearly", f"Close, but {direction}. Count again carefully.")
    return Feedback(ex_id, "wrong", ex.get("hint", "That number is not right. Check how you counted."))


def _check_set(ex_id: str, ex: dict, answer) -> Feedback:
    if isinstance(answer, str) or not isinstance(answer, (list, tuple, set, frozenset)):
        return _wrong_type(ex_id, ex, answer, "a list of items")
    items = []
    for item in answer:
        if not isinstance(item, str):
            return _wrong_type(ex_id, ex, item, "a list of text items (each a str)")
        items.append(item)
    wanted = set(ex["hashes"])
    given = {normalise(i): i for i in items}
    good = [orig for norm, orig in given.items() if answer_hash(ex_id, norm) in wanted]
    extra = [orig for norm, orig in given.items() if answer_hash(ex_id, norm) not in wanted]
    missing = len(wanted) - len(good)
    if not extra and not missing:
        return _right(ex_id, ex)
    parts = [f"You have {len(good)} of the {len(wanted)} right."]
    if extra:
        parts.append("Not in the answer: " + ", ".join(repr(e) for e in extra) + ".")
    if missing:
        parts.append(f"{missing} missing.")
    if ex.get("hint"):
        parts.append(ex["hint"])
    status = "nearly" if good else "wrong"
    return Feedback(ex_id, status, " ".join(parts))


def _check_free(ex_id: str, ex: dict, answer, show_model_answer: bool) -> Feedback:
    rubric = ex.get("rubric", [])
    lines = []
    if _is_unanswered(answer):
        lines.append(f"Write your answer to {ex_id} as text first.")
    elif not isinstance(answer, str):
        return _wrong_type(ex_id, ex, answer, "text (a str)")
    else:
        lines.append(f"Thank you: free-text answers are not marked by the computer ({plural(len(answer.split()), 'word')}).")
    if rubric:
        lines.append("Check your answer against this rubric:")
        lines += [f"  - {r}" for r in rubric]
    if show_model_answer and ex.get("model_answer"):
        model = _decode(ex["model_answer"])
        lines.append("A model answer: " + model)
    elif ex.get("model_answer"):
        lines.append(f'To see a model answer: check("{ex_id}", answer, show_model_answer=True)')
    return Feedback(ex_id, "free", "\n".join(lines))


# --------------------------------------------------------------------------------------------------
# Teacher command: add or replace an exercise
# --------------------------------------------------------------------------------------------------
def _encode(text: str) -> str:
    return base64.b64encode(text.encode("utf-8")).decode("ascii")


def add_exercise(
    lesson: str,
    exercise_id: str,
    *,
    kind: str,
    answers: list[str] = (),
    explanation: str = "",
    hint: str = "",
    example: str = "",
    choices: list[str] = (),
    tolerance: float = 0.0,
    near: list[tuple[str, str]] = (),
    rubric: list[str] = (),
    model_answer: str = "",
    answers_dir: Path = ANSWERS_DIR,
) -> Path:
    """Add (or replace) one exercise in ``answers_dir/LESSON.json``, storing only hashes of the answers.

    >>> import tempfile
    >>> folder = Path(tempfile.mkdtemp())
    >>> add_exercise("09", "9.1", kind="text", answers=["Kirby"], explanation="He speaks for the White House.",
    ...              answers_dir=folder).name
    '09.json'
    >>> sorted(load_exercises(folder)), "Kirby" in (folder / "09.json").read_text()
    (['9.1'], False)
    """
    if kind not in KINDS:
        raise ValueError(f"kind must be one of {', '.join(KINDS)}, not {kind!r}")
    if kind != "free" and not answers:
        raise ValueError("give at least one --answer")
    ex: dict = {"kind": kind}
    if kind == "number":
        ex["hashes"] = sorted({answer_hash(exercise_id, _number_key(float(a), tolerance)) for a in answers})
        ex["tolerance"] = tolerance
    elif kind == "choice":
        if not choices:
            raise ValueError("a choice exercise needs --choice options")
        norm_choices = [normalise(c) for c in choices]
        for a in answers:
            if normalise(a) not in norm_choices:
                raise ValueError(f"the answer {a!r} is not one of the choices")
        ex["choices"] = list(choices)
        ex["hashes"] = sorted({answer_hash(exercise_id, normalise(a)) for a in answers})
    elif kind in ("text", "set"):
        ex["hashes"] = sorted({answer_hash(exercise_id, normalise(a)) for a in answers})
    if near:
        ex["near"] = [{"hash": answer_hash(exercise_id, normalise(a)), "message": m} for a, m in near]
    if explanation:
        ex["explanation"] = _encode(explanation)
    for key, value in (("hint", hint), ("example", example)):
        if value:
            ex[key] = value
    if rubric:
        ex["rubric"] = list(rubric)
    if model_answer:
        ex["model_answer"] = _encode(model_answer)
    path = answers_dir / f"{lesson}.json"
    data = json.loads(path.read_text(encoding="utf-8-sig")) if path.exists() else {"lesson": lesson, "exercises": {}}
    data["exercises"][exercise_id] = ex
    data["exercises"] = dict(sorted(data["exercises"].items(), key=lambda kv: [int(p) if p.isdigit() else p for p in kv[0].split(".")]))
    path.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return path


def _main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m widgets.exercises", description="Add or replace an exercise's hashed answer.")
    sub = parser.add_subparsers(dest="cmd", required=True)
    p = sub.add_parser("add", help="add or replace an exercise")
    p.add_argument("lesson", help='lesson number, e.g. "01" (the file widgets/answers/01.json)')
    p.add_argument("exercise_id", help='e.g. "1.2"')
    p.add_argument("--kind", required=True, choices=KINDS)
    p.add_argument("--answer", action="append", default=[], help="an accepted answer (text/choice/number), or one item (set); repeat")
    p.add_argument("--choice", action="append", default=[], help="an option of a choice exercise; repeat in order")
    p.add_argument("--tolerance", type=float, default=0.0, help="numbers: accepted distance from the answer")
    p.add_argument("--near", nargs=2, action="append", default=[], metavar=("ANSWER", "MESSAGE"), help="a near miss and what to say")
    p.add_argument("--explanation", default="", help="said when the answer is right")
    p.add_argument("--hint", default="", help="said when the answer is wrong")
    p.add_argument("--example", default="", help='how an answer looks, e.g. \'["id-1", "id-2"]\'')
    p.add_argument("--rubric", action="append", default=[], help="free text: one rubric point; repeat")
    p.add_argument("--model-answer", default="", help="free text: the model answer (stored encoded)")
    args = parser.parse_args(argv)
    try:
        path = add_exercise(args.lesson, args.exercise_id, kind=args.kind, answers=args.answer, explanation=args.explanation,
                            hint=args.hint, example=args.example, choices=args.choice, tolerance=args.tolerance,
                            near=[tuple(n) for n in args.near], rubric=args.rubric, model_answer=args.model_answer)
    except ValueError as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    print(f"Saved exercise {args.exercise_id} in {path}")
    return 0


__all__ = ["MARK_MODES", "Feedback", "WorkFile", "add_exercise", "check", "forget_marks", "load_exercises", "load_work",
           "load_work_content", "marks_fingerprint", "normalise", "note", "previous_answer", "previous_marks",
           "previous_note", "read_work", "remember_marks", "save_work", "when_work_is_loaded", "work_summary"]

if __name__ == "__main__":  # pragma: no cover
    sys.exit(_main())
