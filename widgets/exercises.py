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
import contextlib
import hashlib
import json
import math
import os
import sys
import tempfile
import unicodedata
import weakref
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from .text import squash_spaces, straighten_quotes
from .wording import did_you_mean, plural, shorten

_DASHES = str.maketrans({"–": "-", "—": "-"})

ANSWERS_DIR = Path(__file__).resolve().parent / "answers"
KINDS = ("text", "number", "set", "choice", "free")

_TYPE_NAMES = {str: "text (a str)", int: "a number (int)", float: "a number (float)", bool: "True/False (bool)",
               list: "a list", tuple: "a tuple", set: "a set", frozenset: "a frozenset", dict: "a dict", type(None): "nothing (None)"}


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
    text = straighten_quotes(unicodedata.normalize("NFKC", str(text)).casefold()).translate(_DASHES)
    return squash_spaces(text).strip(" \"'.,;:!?")


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
            data = json.loads(path.read_text(encoding="utf-8-sig"))  # a teacher's editor may add a BOM
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
#: Notes the student wrote with note(), by topic, and when each was written.
_NOTES: dict[str, str] = {}
_NOTE_TIMES: dict[str, str] = {}


#: The most items an answer list may have: every exercise wants a few, so more is a mistake (and slow).
MAX_ANSWER_ITEMS = 1_000
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
    🔤 Exercise 1.1 got a list of 5,000 items. No answer here needs more than 1,000, so it was not checked: put only your answer in the list.
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
        _WORK[ex_id] = {"answer": _jsonable(answer), "status": feedback.status, "time": _stamp()}
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


def _jsonable(value, depth: int = 0):
    """The answer as JSON for save_work: plain values as they are, lists item by item, anything else as its repr.

    Never raises: an object whose repr fails, or a list nested too deeply, is saved as a short description.

    >>> class Broken:
    ...     def __repr__(self): raise RuntimeError("no")
    >>> _jsonable(["a", 1, Broken()])
    ['a', 1, '(a Broken that cannot be shown as text)']
    """
    if isinstance(value, (str, int, float, bool)) or value is None:
        if isinstance(value, int) and not isinstance(value, bool) and value.bit_length() > 64:
            return _safe_repr(value)  # a huge number: too many digits for JSON readers (and for str())
        return value
    if isinstance(value, (list, tuple, set, frozenset)) and depth < 20:
        items = [_jsonable(v, depth + 1) for v in list(value)[:MAX_ANSWER_ITEMS]]
        return sorted(items, key=str) if isinstance(value, (set, frozenset)) else items
    return _safe_repr(value)


def _safe_repr(value) -> str:
    try:
        text = repr(value)
    except Exception:  # noqa: BLE001 - an object whose repr fails must not stop check or save_work
        return f"(a {type(value).__name__} that cannot be shown as text)"
    return shorten(text, 1_000)


# --------------------------------------------------------------------------------------------------
# Saving and loading a student's work (Binder keeps nothing)
# --------------------------------------------------------------------------------------------------
WORK_FORMAT = "medialit-work-1"
#: What a student marks with the marking widget: the loaded words, or the quotes and who said them.
MARK_MODES = ("loaded", "quotes")
#: Who makes saved-work files, named in messages: in code, or with WorkSaver's button.
_MADE_BY = {"code": "save_work()", "button": 'the "Save my work" button'}
#: How many times save_work() re-reads and merges when another kernel wrote the file at the same moment.
_SAVE_ATTEMPTS = 3


class Message(str):
    """A message for the student: shown as plain text in a notebook (no quotation marks around it)."""

    def __repr__(self) -> str:
        return str(self)


def _now() -> datetime:
    return datetime.now(timezone.utc)


def _stamp() -> str:
    return _now().isoformat()


def _time_of(entry) -> datetime:
    """When an entry was made (the oldest possible time if it does not say, or says it badly)."""
    oldest = datetime.min.replace(tzinfo=timezone.utc)
    text = entry.get("time") if isinstance(entry, dict) else None
    if not isinstance(text, str):
        return oldest
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        return oldest
    return moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


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
    _NOTE_TIMES[str(topic)] = _stamp()
    return Message(f'Saved your note on "{topic}" ({plural(len(text.split()), "word")}). It is in the file when you run save_work().')


# --------------------------------------------------------------------------------------------------
# Marks made with the marking widget (widgets.views.marking), kept with the answers and notes
# --------------------------------------------------------------------------------------------------
#: article id -> mode -> {"spans": [{"start", "end", "text", "speaker"}], "time": ISO time, "article": fingerprint}
_MARKS: dict[str, dict[str, dict]] = {}
_LISTENERS: list = []


def remember_marks(article_id: str, mode: str, spans, *, fingerprint: str = "") -> None:
    """Keep a student's marks on an article so that :func:`save_work` saves them.

    ``spans`` are ``(start, end, text, speaker)`` tuples (``speaker`` is None when marking loaded words);
    offsets are character offsets into the article's text. ``fingerprint`` identifies the article's text
    (see :func:`widgets.marking.fingerprint`), so marks made on another version of an article can be told.

    >>> remember_marks("toy", "loaded", [(0, 6, "Brutal", None)])
    >>> previous_marks("toy", "loaded")
    [(0, 6, 'Brutal', None)]
    >>> forget_marks("toy")
    """
    if mode not in MARK_MODES:
        raise ValueError(f"mode must be one of {', '.join(MARK_MODES)}, not {mode!r}")
    clean = [{"start": int(s), "end": int(e), "text": str(t), "speaker": (str(sp) if sp else None)}
             for s, e, t, sp in spans]
    _MARKS.setdefault(str(article_id), {})[mode] = {"spans": clean, "time": _stamp(), "article": fingerprint}


def previous_marks(article_id: str, mode: str) -> list[tuple[int, int, str, str | None]]:
    """The marks kept (or loaded with :func:`load_work`) for an article and mode, as tuples."""
    entry = _MARKS.get(str(article_id), {}).get(mode) or {}
    return [(s["start"], s["end"], s["text"], s["speaker"]) for s in entry.get("spans", [])]


def marks_fingerprint(article_id: str, mode: str) -> str:
    """The fingerprint of the article text the kept marks were made on ('' if unknown)."""
    return (_MARKS.get(str(article_id), {}).get(mode) or {}).get("article", "")


def forget_marks(article_id: str) -> None:
    """Forget the marks kept on one article (both modes)."""
    _MARKS.pop(str(article_id), None)


def when_work_is_loaded(callback) -> None:
    """Call ``callback()`` each time :func:`load_work` brings marks back (a marking widget redraws).

    Bound methods are held weakly: a widget that is gone is not kept alive by this.
    """
    ref = weakref.WeakMethod(callback) if hasattr(callback, "__self__") else (lambda: callback)
    _LISTENERS.append(ref)


def _tell_listeners() -> None:
    alive = []
    for ref in _LISTENERS:
        callback = ref()
        if callback is None:
            continue
        alive.append(ref)
        try:
            callback()
        except Exception as err:  # noqa: BLE001 - a broken view must not stop the loading
            print(f"Warning: a view could not show the loaded marks ({type(err).__name__}: {err}).", file=sys.stderr)
    _LISTENERS[:] = alive


# --------------------------------------------------------------------------------------------------
# Reading a saved-work file (pure: used by load_work, save_work, WorkSaver and the class report)
# --------------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class WorkFile:
    """What a saved-work file holds, read without ever raising.

    ``problem`` is set (and everything else empty) when the file is not saved work at all; ``skipped``
    lists the parts that could not be read (the rest is still there); ``edited`` is True when the file's
    checksum does not match its content (changed after it was saved), None when it has no checksum.
    """

    answers: dict
    notes: dict
    note_times: dict
    marks: dict
    student: str | None = None
    saved_at: str | None = None
    skipped: tuple[str, ...] = ()
    problem: str | None = None
    edited: bool | None = None

    @property
    def ok(self) -> bool:
        return self.problem is None


_NOT_THE_KITS = "it was not made by this kit"


def _not_work(problem: str) -> WorkFile:
    return WorkFile({}, {}, {}, {}, problem=problem)


def _checksum(data: dict) -> str:
    body = {k: v for k, v in data.items() if k != "checksum"}
    text = json.dumps(body, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _read_marks(raw, skipped: list[str]) -> dict:
    marks: dict = {}
    if raw is None:
        return marks
    if not isinstance(raw, dict):
        skipped.append("the marks part is damaged")
        return marks
    bad = 0
    for article_id, modes in raw.items():
        if not isinstance(modes, dict):
            bad += 1
            continue
        for mode, entry in modes.items():
            spans = entry.get("spans") if isinstance(entry, dict) else None
            if mode not in MARK_MODES or not isinstance(spans, list):
                bad += 1
                continue
            clean = []
            for s in spans:
                try:
                    start, end, text = int(s["start"]), int(s["end"]), str(s["text"])
                    speaker = s.get("speaker")
                except (TypeError, KeyError, ValueError, AttributeError):
                    bad += 1
                    continue
                if 0 <= start < end and isinstance(s["start"], int) and isinstance(s["end"], int):
                    clean.append({"start": start, "end": end, "text": text,
                                  "speaker": speaker if isinstance(speaker, str) and speaker else None})
                else:
                    bad += 1
            marks.setdefault(str(article_id), {})[mode] = {
                "spans": clean, "time": entry.get("time") if isinstance(entry.get("time"), str) else None,
                "article": entry.get("article") if isinstance(entry.get("article"), str) else ""}
    if bad:
        skipped.append(f"{_plural(bad, 'mark')} could not be read")
    return marks


def read_work(content: bytes | str) -> WorkFile:
    """Read the content of a saved-work file; never raises.

    >>> read_work(b"{oops").problem
    'it cannot be read as JSON: it may be cut off or changed by hand'
    >>> w = read_work('{"format": "medialit-work-1", "answers": {"1.1": {"answer": "x"}, "1.2": {}}}')
    >>> sorted(w.answers), w.skipped
    (['1.1'], ('1 answer could not be read (it has no answer in it)',))
    """
    try:
        text = content.decode("utf-8-sig") if isinstance(content, bytes) else str(content).lstrip("\ufeff")
    except UnicodeDecodeError:
        return _not_work("it is not a text file")
    try:
        data = json.loads(text)
    except RecursionError:
        return _not_work("it cannot be read as JSON: it is nested too deeply")
    except ValueError:
        return _not_work("it cannot be read as JSON: it may be cut off or changed by hand")
    if not isinstance(data, dict) or data.get("format") != WORK_FORMAT:
        return _not_work(_NOT_THE_KITS)
    skipped: list[str] = []
    answers, no_answer = {}, 0
    raw_answers = data.get("answers")
    if isinstance(raw_answers, dict):
        for ex_id, entry in raw_answers.items():
            if isinstance(entry, dict) and "answer" in entry:
                answers[str(ex_id)] = {k: entry[k] for k in ("answer", "status", "time") if k in entry}
            else:
                no_answer += 1
    elif raw_answers is not None:
        skipped.append("the answers part is damaged")
    if no_answer:
        skipped.append(f"{_plural(no_answer, 'answer')} could not be read (it has no answer in it)"
                       if no_answer == 1 else f"{no_answer} answers could not be read (they have no answer in them)")
    notes, note_times = {}, {}
    raw_notes, raw_times = data.get("notes"), data.get("note_times")
    raw_times = raw_times if isinstance(raw_times, dict) else {}
    if isinstance(raw_notes, dict):
        bad_notes = 0
        for topic, value in raw_notes.items():
            if isinstance(value, str):
                notes[str(topic)] = value
                if isinstance(raw_times.get(topic), str):
                    note_times[str(topic)] = raw_times[topic]
            else:
                bad_notes += 1
        if bad_notes:
            skipped.append(f"{_plural(bad_notes, 'note')} could not be read (not text)")
    elif raw_notes is not None:
        skipped.append("the notes part is damaged")
    marks = _read_marks(data.get("marks"), skipped)
    student = data.get("student") if isinstance(data.get("student"), str) and data.get("student").strip() else None
    saved_at = data.get("saved_at") if isinstance(data.get("saved_at"), str) else None
    edited = None
    if "checksum" in data:
        edited = data.get("checksum") != _checksum(data)
    return WorkFile(answers, notes, note_times, marks, student, saved_at, tuple(skipped), None, edited)


# --------------------------------------------------------------------------------------------------
# save_work / load_work
# --------------------------------------------------------------------------------------------------
_STUDENT: dict[str, str | None] = {"name": None}


def work_summary() -> dict:
    """Everything save_work() would save: the answers checked so far, the notes and the marks."""
    data = {"format": WORK_FORMAT, "answers": dict(sorted(_WORK.items())), "notes": dict(sorted(_NOTES.items())),
            "note_times": dict(sorted(_NOTE_TIMES.items())),
            "marks": {a: dict(sorted(m.items())) for a, m in sorted(_MARKS.items()) if m}}
    if _STUDENT["name"]:
        data["student"] = _STUDENT["name"]
    return data


def _newer(kept: dict, other: dict) -> dict:
    """The newer of two entries (``kept`` when they are as new as each other)."""
    return other if _time_of(other) > _time_of(kept) else kept


def _merge_into(target: dict, incoming: dict) -> int:
    """Put into ``target`` each entry of ``incoming`` that it lacks or that is newer; return how many."""
    taken = 0
    for key, entry in incoming.items():
        if key not in target or _newer(target[key], entry) is entry:
            target[key] = entry
            taken += 1
    return taken


def _merged_with(existing: WorkFile | None, name: str | None) -> dict:
    """This session's work merged with what the file holds: per item, the newer one wins."""
    session = work_summary()
    if existing is None:
        answers, notes, marks = session["answers"], session["notes"], session["marks"]
        times = session["note_times"]
        student = name or session.get("student")
    else:
        answers = dict(existing.answers)
        _merge_into(answers, session["answers"])
        note_entries = {t: {"text": v, "time": existing.note_times.get(t)} for t, v in existing.notes.items()}
        _merge_into(note_entries, {t: {"text": v, "time": _NOTE_TIMES.get(t)} for t, v in session["notes"].items()})
        notes = {t: e["text"] for t, e in note_entries.items()}
        times = {t: e["time"] for t, e in note_entries.items() if e.get("time")}
        marks = {a: dict(m) for a, m in existing.marks.items()}
        for article_id, modes in session["marks"].items():
            _merge_into(marks.setdefault(article_id, {}), modes)
        student = name or session.get("student") or existing.student
    data = {"format": WORK_FORMAT, "saved_at": _stamp(), "answers": dict(sorted(answers.items())),
            "notes": dict(sorted(notes.items())), "note_times": dict(sorted(times.items())),
            "marks": {a: dict(sorted(m.items())) for a, m in sorted(marks.items()) if m}}
    if student:
        data["student"] = student
    data["checksum"] = _checksum(data)
    return data


def _write_atomically(path: Path, text: str) -> None:
    """Write to a temporary file next to ``path``, then swap it in: a crash never leaves half a file."""
    handle = tempfile.NamedTemporaryFile("w", encoding="utf-8", dir=path.parent, prefix=f".{path.name}.",
                                         suffix=".tmp", delete=False)
    try:
        with handle:
            handle.write(text)
        os.replace(handle.name, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(handle.name)
        raise


def _keep_aside(path: Path, content: bytes) -> Path:
    """Copy a file save_work cannot merge to ``NAME.damaged-TIME.json`` (never overwrite what we do not understand)."""
    stamp = _now().strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.stem}.damaged-{stamp}{path.suffix or '.json'}")
    n = 1
    while target.exists():
        n += 1
        target = path.with_name(f"{path.stem}.damaged-{stamp}-{n}{path.suffix or '.json'}")
    target.write_bytes(content)
    return target


def _path_problem(path: Path, *, saving: bool, made_by: str) -> str | None:
    """A message when ``path`` cannot be a saved-work file (a folder, or in a folder that does not exist)."""
    example = "my-medialit-work.json"
    if path.is_dir():
        return (f"{path} is a folder, not a file. " + (f'Save to a file in it instead, e.g. "{example}".' if saving
                else f"Choose the file that {made_by} made, e.g. {example}."))
    if not path.parent.is_dir():
        return (f"The folder {path.parent} does not exist, so {path.name} cannot be "
                + ("saved there. Save to a file in this notebook's folder, e.g. " if saving else "read from it. Upload the file to this notebook's folder and use its name, e.g. ")
                + f'"{example}".')
    return None


def save_work(path: str | Path = "my-medialit-work.json", *, name: str | None = None, _made_by: str = "code") -> str:
    """Save the answers you checked, your notes and your marks to a file you can download (File browser >
    right-click > Download), because Binder deletes everything when you leave. Returns a message saying
    where it went; never raises.

    The file is merged with what it already holds: every lesson saves to the same file from its own
    kernel, and for each exercise (note, marked article) the newer one is kept, so nothing saved earlier is
    lost. A file that is not saved work (or is damaged) is copied aside first, never overwritten unseen.

    Args:
        path: the file to save to.
        name: your name, saved in the file so your teacher knows whose work it is (kept for later saves).

    >>> import tempfile, os
    >>> _ = check("0.1", "Shift+Enter")
    >>> print(save_work(os.path.join(tempfile.mkdtemp(), "work.json")))  # doctest: +ELLIPSIS
    Saved ... to .../work.json. Download it before you close Binder: ...
    """
    made_by = _MADE_BY.get(_made_by, _MADE_BY["code"])
    try:
        if name is not None and str(name).strip():
            _STUDENT["name"] = str(name).strip()
        path = Path(path)
        problem = _path_problem(path, saving=True, made_by=made_by)
        if problem:
            return problem
        kept_aside = None
        for _attempt in range(_SAVE_ATTEMPTS):
            existing = None
            if path.exists():
                content = path.read_bytes()
                existing = read_work(content)
                if (not existing.ok or existing.skipped) and kept_aside is None:
                    kept_aside = _keep_aside(path, content)
                if not existing.ok:
                    existing = None
            data = _merged_with(existing, name)
            _write_atomically(path, json.dumps(data, indent=2, ensure_ascii=False) + "\n")
            # Another kernel may have written between the read and the swap: check ours are in, else merge again.
            if _all_kept(read_work(path.read_bytes())):
                break
    except Exception as err:  # noqa: BLE001 - saving must never end in a traceback
        return (f"Sorry, your work could not be saved to {path} ({type(err).__name__}: {err}). "
                "Try again, or save to another file name; nothing in memory was lost.")
    message = (f"Saved {_plural(len(data['answers']), 'answer')}, {_plural(len(data['notes']), 'note')} and "
               f"marks on {_plural(len(data['marks']), 'article')} to {path}. "
               "Download it before you close Binder: in the file browser, right-click it and choose Download.")
    if kept_aside is not None:
        message += (f" The file had parts that could not be read, so a copy of it as it was is kept in "
                    f"{kept_aside.name}.")
    return message


def _all_kept(on_disk: WorkFile) -> bool:
    if not on_disk.ok:
        return False
    for ex_id, entry in _WORK.items():
        if ex_id not in on_disk.answers or _newer(on_disk.answers[ex_id], entry) is not on_disk.answers[ex_id]:
            return False
    return all(t in on_disk.notes for t in _NOTES) and all(
        mode in on_disk.marks.get(a, {}) for a, modes in _MARKS.items() for mode in modes)


def load_work(path: str | Path = "my-medialit-work.json", *, _made_by: str = "code") -> str:
    """Load work saved with :func:`save_work` (upload the file first, with the file browser's upload arrow).

    Your earlier answers come back in ``previous_answer("2.1")``, your notes in ``previous_note("report")``
    and your marks in every marking widget. For each exercise (note, marked article) the newer of the
    file's and this session's is kept. Returns a message; never raises.
    """
    made_by = _MADE_BY.get(_made_by, _MADE_BY["code"])
    try:
        path = Path(path)
        problem = _path_problem(path, saving=False, made_by=made_by)
        if problem:
            return problem
        if not path.exists():
            how = "load it with the Load saved work button" if _made_by == "button" else "run load_work with its name"
            return (f"There is no file {path}. Upload your saved work first (the arrow at the top of the file browser), "
                    f"then {how}.")
        work = read_work(path.read_bytes())
        return _take_in(work, str(path), made_by)
    except Exception as err:  # noqa: BLE001 - loading must never end in a traceback
        return f"Sorry, {path} could not be loaded ({type(err).__name__}: {err}). Nothing in this session was changed."


def _take_in(work: WorkFile, where: str, made_by: str) -> str:
    if not work.ok:
        if work.problem == _NOT_THE_KITS:
            return f"{where} is not a saved-work file from this kit. Choose the file that {made_by} made."
        return f"{where} is not a saved-work file ({work.problem}). Choose the file that {made_by} made."
    answers = _merge_into(_WORK, work.answers)
    note_entries = {t: {"text": v, "time": _NOTE_TIMES.get(t)} for t, v in _NOTES.items()}
    notes = _merge_into(note_entries, {t: {"text": v, "time": work.note_times.get(t)} for t, v in work.notes.items()})
    _NOTES.update({t: e["text"] for t, e in note_entries.items()})
    _NOTE_TIMES.update({t: e["time"] for t, e in note_entries.items() if e.get("time")})
    marked = 0
    for article_id, modes in work.marks.items():
        marked += _merge_into(_MARKS.setdefault(article_id, {}), modes)
    if work.student and not _STUDENT["name"]:
        _STUDENT["name"] = work.student
    message = f"Loaded {_plural(answers, 'answer')} and {_plural(notes, 'note')}"
    message += f" and {_plural(marked, 'set')} of marks from {where}." if marked else f" from {where}."
    if work.skipped:
        message += " Some of the file could not be read and was skipped: " + "; ".join(work.skipped) + "."
    if marked:
        _tell_listeners()
    return message


def load_work_content(content: bytes, name: str = "uploaded.json", *, _made_by: str = "button") -> str:
    """Load saved work from the bytes of an uploaded file (what WorkSaver's button does); never raises."""
    made_by = _MADE_BY.get(_made_by, _MADE_BY["code"])
    try:
        return _take_in(read_work(content), name, made_by)
    except Exception as err:  # noqa: BLE001
        return f"Sorry, {name} could not be loaded ({type(err).__name__}: {err}). Nothing in this session was changed."


def previous_answer(exercise_id: str):
    """The answer last checked (or loaded) for an exercise, or None."""
    entry = _WORK.get(str(exercise_id))
    return entry.get("answer") if isinstance(entry, dict) else None


def previous_note(topic: str) -> str | None:
    """A note saved with :func:`note` (or loaded with :func:`load_work`), or None."""
    value = _NOTES.get(str(topic))
    return value if isinstance(value, str) else None


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
        return Feedback(ex_id, "wrong", f'"{answer}" is not one of the choices. Choose one of: {options}.{did_you_mean(answer, choices)}')
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
