"""Self-checks for the exercises in the lessons: ``check("1.2", answer)``.

Feedback is friendly and specific (right, nearly, wrong type with an example, not answered yet) and
never shows a traceback or the answer. Answers are stored as salted SHA-256 hashes in
``widgets/answers/NN.json``, so reading the package does not give them away. Free-text questions get a
rubric, and a model answer on request.

>>> check("0.1", "Shift+Enter")
✅ Right! Shift+Enter runs the cell and moves to the next one.
>>> check("0.1", 42)
🔤 Exercise 0.1 expects text (a str), but got a number (int). For example: answer = "Ctrl+S"
>>> check("0.1", ...)
✏️ Exercise 0.1 is not answered yet: replace the ... with your answer and run the cell again.

Teachers add or change an exercise with ``python -m widgets.exercises add`` (see ``--help``).
"""
from __future__ import annotations

import argparse
import base64
import hashlib
import json
import math
import re
import sys
import unicodedata
from dataclasses import dataclass
from pathlib import Path

ANSWERS_DIR = Path(__file__).resolve().parent / "answers"
KINDS = ("text", "number", "set", "choice", "free")

_TYPE_NAMES = {str: "text (a str)", int: "a number (int)", float: "a number (float)", bool: "True/False (bool)",
               list: "a list", tuple: "a tuple", set: "a set", dict: "a dict", type(None): "nothing (None)"}


@dataclass(frozen=True)
class Feedback:
    """The result of a check: a status word and a message for the student."""

    exercise: str
    status: str  # right | nearly | wrong | wrong_type | unanswered | free | unknown
    message: str

    _ICONS = {"right": "✅ Right!", "nearly": "🟡 Nearly.", "wrong": "❌ Not yet.", "wrong_type": "🔤",
              "unanswered": "✏️", "free": "📝", "unknown": "❓"}
    _COLOURS = {"right": "#009E73", "nearly": "#E69F00", "wrong": "#D55E00", "wrong_type": "#0072B2",
                "unanswered": "#999999", "free": "#56B4E9", "unknown": "#999999"}

    @property
    def correct(self) -> bool:
        return self.status == "right"

    def __repr__(self) -> str:
        return f"{self._ICONS[self.status]} {self.message}"

    def _repr_html_(self) -> str:
        from .render import escape

        colour = self._COLOURS[self.status]
        lines = escape(self.message).replace("\n", "<br>")
        return (f'<div role="status" style="border-left:6px solid {colour};padding:.4em .8em;margin:.3em 0;'
                f'font-family:sans-serif"><strong>{escape(self._ICONS[self.status])}</strong> {lines}</div>')


# --------------------------------------------------------------------------------------------------
# Normalising and hashing
# --------------------------------------------------------------------------------------------------
def normalise(text: str) -> str:
    """Fold case, quote styles and spacing so small differences do not count.

    >>> normalise('  “Kirby”. ')
    'kirby'
    """
    text = unicodedata.normalize("NFKC", str(text)).casefold()
    text = text.translate(str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'", "–": "-", "—": "-"}))
    text = re.sub(r"\s+", " ", text).strip()
    return text.strip(" \"'.,;:!?")


def _number_key(value: float, tolerance: float) -> str:
    if tolerance > 0:
        return str(round(value / tolerance))
    return repr(round(float(value), 6))


def answer_hash(exercise_id: str, value: str) -> str:
    """The stored hash for one normalised answer value."""
    return hashlib.sha256(f"medialit:{exercise_id}:{value}".encode("utf-8")).hexdigest()


# --------------------------------------------------------------------------------------------------
# Loading exercises
# --------------------------------------------------------------------------------------------------
def load_exercises(answers_dir: Path = ANSWERS_DIR) -> dict[str, dict]:
    """Every exercise, by id, from ``answers_dir/*.json`` (read fresh each time: edits need no restart)."""
    exercises: dict[str, dict] = {}
    for path in sorted(answers_dir.glob("*.json")):
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as err:
            print(f"Warning: could not read {path.name} ({err}); its exercises are skipped.", file=sys.stderr)
            continue
        for ex_id, ex in data.get("exercises", {}).items():
            exercises[ex_id] = ex
    return exercises


def _type_name(value) -> str:
    return _TYPE_NAMES.get(type(value), type(value).__name__)


def _wrong_type(ex_id: str, ex: dict, value, expected: str) -> Feedback:
    example = ex.get("example", "")
    msg = f"Exercise {ex_id} expects {expected}, but got {_type_name(value)}."
    if example:
        msg += f" For example: answer = {example}"
    return Feedback(ex_id, "wrong_type", msg)


def _is_unanswered(answer) -> bool:
    if answer is None or answer is Ellipsis:
        return True
    if isinstance(answer, str) and not answer.strip():
        return True
    if isinstance(answer, (list, tuple, set)) and len(answer) == 0:
        return True
    return False


#: The answers checked in this session (exercise id -> (answer, status)), for save_work().
_WORK: dict[str, dict] = {}
#: Notes the student wrote with note(), by topic.
_NOTES: dict[str, str] = {}


def check(exercise_id: str, answer=None, *, show_model_answer: bool = False) -> Feedback:
    """Check a student's answer and return friendly feedback (never raises).

    The answer is also remembered for :func:`save_work`.

    Args:
        exercise_id: the exercise number as printed in the lesson, e.g. ``"1.2"``.
        answer: the student's answer (text, number, list of items, or a choice letter).
        show_model_answer: for free-text questions, also show the model answer.
    """
    try:
        feedback = _check(str(exercise_id), answer, show_model_answer)
    except Exception as err:  # noqa: BLE001 - a student must never see a traceback from a check
        return Feedback(str(exercise_id), "unknown",
                        f"Sorry, this answer could not be checked ({type(err).__name__}). Ask your teacher.")
    if feedback.status not in ("unknown", "unanswered"):
        _WORK[str(exercise_id)] = {"answer": _jsonable(answer), "status": feedback.status}
    return feedback


def _jsonable(value):
    if isinstance(value, (str, int, float, bool)) or value is None:
        return value
    if isinstance(value, (list, tuple, set, frozenset)):
        items = [_jsonable(v) for v in value]
        return sorted(items, key=str) if isinstance(value, (set, frozenset)) else items
    return repr(value)


# --------------------------------------------------------------------------------------------------
# Saving and loading a student's work (Binder keeps nothing)
# --------------------------------------------------------------------------------------------------
WORK_FORMAT = "medialit-work-1"


class Message(str):
    """A message for the student: shown as plain text in a notebook (no quotation marks around it)."""

    def __repr__(self) -> str:
        return str(self)


def note(topic: str, text: str) -> Message:
    """Keep a note (e.g. your report for the capstone) so that :func:`save_work` saves it too.

    >>> note("report", "Outlet A quotes only officials.")
    Saved your note on "report" (5 words). It is in the file when you run save_work().
    >>> note("report", ...)
    ✏️ Your note on "report" is not written yet: replace the ... with your text, in quotes, and run the cell again.
    """
    if _is_unanswered(text):
        return Message(f'✏️ Your note on "{topic}" is not written yet: replace the ... with your text, in quotes, '
                       "and run the cell again.")
    if not isinstance(text, str):
        return Message(f"A note must be text (a str), not {_type_name(text)}. Put it in quotes.")
    _NOTES[str(topic)] = text
    return Message(f'Saved your note on "{topic}" ({len(text.split())} words). It is in the file when you run save_work().')


def work_summary() -> dict:
    """Everything save_work() would save: the answers checked so far and the notes."""
    return {"format": WORK_FORMAT, "answers": dict(sorted(_WORK.items())), "notes": dict(sorted(_NOTES.items()))}


def save_work(path: str | Path = "my-medialit-work.json") -> str:
    """Save the answers you checked and your notes to a file you can download (File browser > right-click >
    Download), because Binder deletes everything when you leave. Returns a message saying where it went.

    >>> import tempfile, os
    >>> _ = check("0.1", "Shift+Enter")
    >>> print(save_work(os.path.join(tempfile.mkdtemp(), "work.json")))  # doctest: +ELLIPSIS
    Saved ... answers and ... notes to .../work.json. Download it before you close Binder: ...
    """
    path = Path(path)
    data = work_summary()
    path.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return (f"Saved {len(data['answers'])} answers and {len(data['notes'])} notes to {path}. "
            "Download it before you close Binder: in the file browser, right-click it and choose Download.")


def load_work(path: str | Path = "my-medialit-work.json") -> str:
    """Load work saved with :func:`save_work` (upload the file first, with the file browser's upload arrow).

    Your earlier answers come back in ``previous_answer("2.1")`` and your notes in ``previous_note("report")``.
    Nothing you have checked in this session is overwritten. Returns a message; never raises.
    """
    path = Path(path)
    if not path.exists():
        return (f"There is no file {path}. Upload your saved work first (the arrow at the top of the file browser), "
                "then run load_work with its name.")
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError):
        return f"{path} is not a saved-work file (it cannot be read as JSON). Choose the file that save_work() made."
    if not isinstance(data, dict) or data.get("format") != WORK_FORMAT:
        return f"{path} is not a saved-work file from this kit. Choose the file that save_work() made."
    answers = {k: v for k, v in data.get("answers", {}).items() if k not in _WORK and isinstance(v, dict)}
    notes = {k: v for k, v in data.get("notes", {}).items() if k not in _NOTES and isinstance(v, str)}
    _WORK.update(answers)
    _NOTES.update(notes)
    return f"Loaded {len(answers)} answers and {len(notes)} notes from {path}."


def previous_answer(exercise_id: str):
    """The answer last checked (or loaded) for an exercise, or None."""
    entry = _WORK.get(str(exercise_id))
    return entry["answer"] if entry else None


def previous_note(topic: str) -> str | None:
    """A note saved with :func:`note` (or loaded with :func:`load_work`), or None."""
    return _NOTES.get(str(topic))


def _check(ex_id: str, answer, show_model_answer: bool) -> Feedback:
    exercises = load_exercises()
    ex = exercises.get(ex_id)
    if ex is None:
        known = ", ".join(sorted(exercises)) or "none"
        return Feedback(ex_id, "unknown", f'There is no exercise "{ex_id}". Exercises are: {known}.')
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
        return Feedback(ex_id, "wrong", f'"{answer}" is not one of the choices. Choose one of: {options}.')
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
        lines.append(f"Thank you: free-text answers are not marked by the computer ({len(answer.split())} words).")
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
    """Add (or replace) one exercise in ``answers_dir/LESSON.json``, storing only hashes of the answers."""
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
    data = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {"lesson": lesson, "exercises": {}}
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


__all__ = ["Feedback", "add_exercise", "check", "load_exercises", "load_work", "normalise", "note",
           "previous_answer", "previous_note", "save_work", "work_summary"]

if __name__ == "__main__":  # pragma: no cover
    sys.exit(_main())
