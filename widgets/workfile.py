"""Reading a saved-work file (``my-medialit-work.json``): pure, and never raises.

Used by :func:`widgets.work.load_work` and :func:`widgets.work.save_work`, the WorkSaver and the class
report. The format (``medialit-work-1``) is described in docs/architecture.md.

>>> w = read_work('{"format": "medialit-work-1", "answers": {"0.1": {"answer": "Shift+Enter"}}}')
>>> w.ok, w.answers["0.1"]["answer"]
(True, 'Shift+Enter')
>>> read_work("[]").problem
'it was not made by this kit'
"""
from __future__ import annotations

import contextlib
import hashlib
import json
import os
import tempfile
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from .wording import plural, shorten

#: The format name written into every saved-work file.
WORK_FORMAT = "medialit-work-1"
#: What a student marks with the marking widget: the loaded words, or the quotes and who said them.
MARK_MODES = ("loaded", "quotes")


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
        skipped.append(f"{plural(bad, 'mark')} could not be read")
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
        skipped.append(f"{plural(no_answer, 'answer')} could not be read (it has no answer in it)"
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
            skipped.append(f"{plural(bad_notes, 'note')} could not be read (not text)")
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
# Writing one: answers as JSON, entries merged by time, a file swapped in whole
# --------------------------------------------------------------------------------------------------
#: The most items an answer list may have: every exercise wants a few, so more is a mistake (and slow).
MAX_ANSWER_ITEMS = 1_000


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


def _keep_aside(path: Path, content: bytes, when: datetime) -> Path:
    """Copy a file save_work cannot merge to ``NAME.damaged-TIME.json`` (never overwrite what we do not understand)."""
    stamp = when.strftime("%Y%m%d-%H%M%S")
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


__all__ = ["MARK_MODES", "MAX_ANSWER_ITEMS", "WORK_FORMAT", "WorkFile", "read_work"]
