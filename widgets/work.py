"""A student's work in this session, and saving it to a file and loading it back (Binder keeps nothing).

Answers checked with :func:`widgets.exercises.check`, notes kept with :func:`note` and marks made with
the marking widget live here until :func:`save_work` writes them to ``my-medialit-work.json``. Every
lesson's kernel saves to that one file, so saving merges with what it holds: per exercise, note or marked
article, the newer entry wins. Reading a file is :mod:`widgets.workfile`'s job.

>>> note("report", "Outlet A quotes only officials.")
Saved your note on "report" (5 words). It is in the file when you run save_work().
>>> previous_note("report")
'Outlet A quotes only officials.'
"""
from __future__ import annotations

import json
import sys
import weakref
from datetime import datetime, timezone
from pathlib import Path

from .wording import plural
from .workfile import (_NOT_THE_KITS, MARK_MODES, MAX_ANSWER_ITEMS, WORK_FORMAT, WorkFile, _checksum, _jsonable,
                       _keep_aside, _merge_into, _newer, _path_problem, _write_atomically, read_work)

_TYPE_NAMES = {str: "text (a str)", int: "a number (int)", float: "a number (float)", bool: "True/False (bool)",
               list: "a list", tuple: "a tuple", set: "a set", frozenset: "a frozenset", dict: "a dict", type(None): "nothing (None)"}


def _type_name(value) -> str:
    return _TYPE_NAMES.get(type(value), type(value).__name__)


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


def record_answer(exercise_id: str, answer, status: str) -> None:
    """Keep a checked answer (as JSON) with its status and time, so that :func:`save_work` saves it.

    >>> record_answer("9.9", ["a", "b"], "right")
    >>> previous_answer("9.9")
    ['a', 'b']
    >>> import widgets.work
    >>> _ = widgets.work._WORK.pop("9.9")
    """
    _WORK[exercise_id] = {"answer": _jsonable(answer), "status": status, "time": _stamp()}


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


def note(topic: str, text: str) -> Message:
    """Keep a note (e.g. your report for the capstone) so that :func:`save_work` saves it too.

    >>> note("report", "Outlet A quotes only officials.")
    Saved your note on "report" (5 words). It is in the file when you run save_work().
    >>> note("report", ...)
    To do: your note on "report" is not written yet: replace the ... with your text, in quotes, and run the cell again.
    """
    if _is_unanswered(text):
        return Message(f'To do: your note on "{topic}" is not written yet: replace the ... with your text, in quotes, '
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
    """The marks kept (or loaded with :func:`load_work`) for an article and mode, as tuples.

    >>> remember_marks("toy", "quotes", [(4, 9, "peace", "Xi")])
    >>> previous_marks("toy", "quotes"), previous_marks("toy", "loaded")
    ([(4, 9, 'peace', 'Xi')], [])
    >>> forget_marks("toy")
    """
    entry = _MARKS.get(str(article_id), {}).get(mode) or {}
    return [(s["start"], s["end"], s["text"], s["speaker"]) for s in entry.get("spans", [])]


def marks_fingerprint(article_id: str, mode: str) -> str:
    """The fingerprint of the article text the kept marks were made on ('' if unknown).

    >>> remember_marks("toy", "loaded", [(0, 6, "Brutal", None)], fingerprint="abc123")
    >>> marks_fingerprint("toy", "loaded"), marks_fingerprint("toy", "quotes")
    ('abc123', '')
    >>> forget_marks("toy")
    """
    return (_MARKS.get(str(article_id), {}).get(mode) or {}).get("article", "")


def forget_marks(article_id: str) -> None:
    """Forget the marks kept on one article (both modes).

    >>> remember_marks("toy", "loaded", [(0, 6, "Brutal", None)])
    >>> forget_marks("toy")
    >>> previous_marks("toy", "loaded")
    []
    """
    _MARKS.pop(str(article_id), None)


def when_work_is_loaded(callback) -> None:
    """Call ``callback()`` each time :func:`load_work` brings marks back (a marking widget redraws).

    Bound methods are held weakly: a widget that is gone is not kept alive by this.

    >>> class View:
    ...     redrawn = 0
    ...     def redraw(self): self.redrawn += 1
    >>> view = View()
    >>> when_work_is_loaded(view.redraw)
    >>> saved = {"format": "medialit-work-1", "marks": {"toy": {"loaded": {"spans": [
    ...     {"start": 0, "end": 6, "text": "Brutal"}], "time": "2026-01-01T00:00:00+00:00"}}}}
    >>> load_work_content(json.dumps(saved).encode(), "saved.json")
    'Loaded 0 answers and 0 notes and 1 set of marks from saved.json.'
    >>> view.redrawn
    1
    >>> forget_marks("toy")
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
# save_work / load_work
# --------------------------------------------------------------------------------------------------
_STUDENT: dict[str, str | None] = {"name": None}


def work_summary() -> dict:
    """Everything save_work() would save: the answers checked so far, the notes and the marks.

    >>> summary = work_summary()
    >>> summary["format"], sorted(set(summary) - {"student"})  # "student" too, once a name was given
    ('medialit-work-1', ['answers', 'format', 'marks', 'note_times', 'notes'])
    """
    data = {"format": WORK_FORMAT, "answers": dict(sorted(_WORK.items())), "notes": dict(sorted(_NOTES.items())),
            "note_times": dict(sorted(_NOTE_TIMES.items())),
            "marks": {a: dict(sorted(m.items())) for a, m in sorted(_MARKS.items()) if m}}
    if _STUDENT["name"]:
        data["student"] = _STUDENT["name"]
    return data


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
    >>> from widgets.exercises import check
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
                    kept_aside = _keep_aside(path, content, _now())
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
    message = (f"Saved {plural(len(data['answers']), 'answer')}, {plural(len(data['notes']), 'note')} and "
               f"marks on {plural(len(data['marks']), 'article')} to {path}. "
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

    >>> import tempfile, os
    >>> path = os.path.join(tempfile.mkdtemp(), "work.json")
    >>> record_answer("9.6", "b", "right")
    >>> _ = save_work(path)
    >>> import widgets.work
    >>> _ = widgets.work._WORK.pop("9.6")
    >>> load_work(path)  # doctest: +ELLIPSIS
    'Loaded ... from .../work.json.'
    >>> previous_answer("9.6")
    'b'
    >>> _ = widgets.work._WORK.pop("9.6")
    >>> load_work(os.path.join(tempfile.mkdtemp(), "missing.json"))  # doctest: +ELLIPSIS
    'There is no file .../missing.json. Upload your saved work first (the arrow at the top of the file browser), then run load_work with its name.'
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
    message = f"Loaded {plural(answers, 'answer')} and {plural(notes, 'note')}"
    message += f" and {plural(marked, 'set')} of marks from {where}." if marked else f" from {where}."
    if work.skipped:
        message += " Some of the file could not be read and was skipped: " + "; ".join(work.skipped) + "."
    if marked:
        _tell_listeners()
    return message


def load_work_content(content: bytes, name: str = "uploaded.json", *, _made_by: str = "button") -> str:
    """Load saved work from the bytes of an uploaded file (what WorkSaver's button does); never raises.

    >>> load_work_content(b"not json", "notes.txt")
    'notes.txt is not a saved-work file (it cannot be read as JSON: it may be cut off or changed by hand). Choose the file that the "Save my work" button made.'
    """
    made_by = _MADE_BY.get(_made_by, _MADE_BY["code"])
    try:
        return _take_in(read_work(content), name, made_by)
    except Exception as err:  # noqa: BLE001
        return f"Sorry, {name} could not be loaded ({type(err).__name__}: {err}). Nothing in this session was changed."


def previous_answer(exercise_id: str):
    """The answer last checked (or loaded) for an exercise, or None.

    >>> record_answer("9.8", "Kirby", "right")
    >>> previous_answer("9.8"), previous_answer("9.7")
    ('Kirby', None)
    >>> import widgets.work
    >>> _ = widgets.work._WORK.pop("9.8")
    """
    entry = _WORK.get(str(exercise_id))
    return entry.get("answer") if isinstance(entry, dict) else None


def previous_note(topic: str) -> str | None:
    """A note saved with :func:`note` (or loaded with :func:`load_work`), or None.

    >>> _ = note("toy topic", "Two outlets quote only officials.")
    >>> previous_note("toy topic"), previous_note("no such topic")
    ('Two outlets quote only officials.', None)
    >>> import widgets.work
    >>> _ = widgets.work._NOTES.pop("toy topic"), widgets.work._NOTE_TIMES.pop("toy topic")
    """
    value = _NOTES.get(str(topic))
    return value if isinstance(value, str) else None


__all__ = ["MARK_MODES", "MAX_ANSWER_ITEMS", "Message", "WORK_FORMAT", "forget_marks", "load_work",
           "load_work_content", "marks_fingerprint", "note", "previous_answer", "previous_marks", "previous_note",
           "record_answer", "remember_marks", "save_work", "when_work_is_loaded", "work_summary"]
