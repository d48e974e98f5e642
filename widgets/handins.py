"""Reading a folder of hand-ins: the students' saved-work files, and a line for each file that cannot be used.

Used by the class view (:func:`widgets.classreport.class_report`). Bad hand-ins are expected: a file from another
lesson, an edited or truncated file, the same student twice, a file that is not the kit's. Each gets one
:class:`BadHandIn` naming the file and the problem; nothing here raises.

>>> read, bad = read_folder(SAMPLE_CLASS)                 # made-up hand-ins in data/sample-class/
>>> print(bad[0])
edited.json: was changed after it was saved (its checksum does not match), so it is left out
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from .datafiles import default_data_dir
from .workfile import read_work
from .marking import Mark

#: Files in a hand-in folder that are not hand-ins (the sample class's label).
NOT_HAND_INS = ("README.md", "README.txt", "readme.md", "readme.txt")
SAMPLE_CLASS = default_data_dir() / "sample-class"


@dataclass(frozen=True)
class HandIn:
    """One student's usable hand-in: the file, the name in it (or the file's name), and the marks."""

    file: str
    student: str
    marks: tuple[Mark, ...]
    saved_at: str = ""


@dataclass(frozen=True)
class BadHandIn:
    """A file the report leaves out, and why (one line)."""

    file: str
    problem: str

    def __str__(self) -> str:
        return f"{self.file}: {self.problem}"


def read_folder(folder: Path) -> tuple[list[tuple[str, object, bytes]], list[BadHandIn]]:
    """Read every file in ``folder`` (README files and hidden files skipped): ``(name, work, bytes)`` for each
    saved-work file that can be read and was not edited, and a :class:`BadHandIn` for each other file.

    >>> read, bad = read_folder(SAMPLE_CLASS)
    >>> len(read), [b.file for b in bad]
    (10, ['edited.json', 'not-saved-work.json', 'truncated.json'])
    """
    read, bad = [], []
    for path in sorted(folder.iterdir(), key=lambda p: p.name):
        if path.name.startswith(".") or path.name in NOT_HAND_INS or path.is_dir():
            continue
        try:
            content = path.read_bytes()
        except OSError as err:
            bad.append(BadHandIn(path.name, f"cannot be opened ({err.strerror or err})"))
            continue
        work = read_work(content)
        if not work.ok:
            if work.problem == "it was not made by this kit":
                bad.append(BadHandIn(path.name, f"not a saved-work file from this kit ({work.problem})"))
            else:
                bad.append(BadHandIn(path.name, f"cannot be read: {work.problem}"))
            continue
        if work.edited:
            bad.append(BadHandIn(path.name, "was changed after it was saved (its checksum does not match), so it is left out"))
            continue
        read.append((path.name, work, content))
    return read, bad


def marked_tasks(read) -> Counter:
    """How many files hold marks on each ``(article id, mode)``, for files read by :func:`read_folder`.

    >>> marked_tasks(read_folder(SAMPLE_CLASS)[0]).most_common(1)
    [(('presidents-meet-us-targets', 'loaded'), 9)]
    """
    tasks: Counter = Counter()
    for _name, work, _content in read:
        for article_id, modes in work.marks.items():
            for mode, entry in modes.items():
                if entry.get("spans"):
                    tasks[(article_id, mode)] += 1
    return tasks


def one_file_per_student(read, bad: list[BadHandIn]) -> list:
    """Keep one file per student (the newest) and one copy of byte-identical files; the rest get a line.

    >>> bad = []
    >>> kept = one_file_per_student(read_folder(SAMPLE_CLASS)[0], bad)
    >>> len(kept), [b.file for b in bad]
    (9, ['sam-lopez.json'])
    """
    kept, by_content = [], {}
    for item in read:
        name, _work, content = item
        if content in by_content:
            bad.append(BadHandIn(name, f"is the same file as {by_content[content]}: it is counted once"))
            continue
        by_content[content] = name
        kept.append(item)
    groups: dict[str, list] = {}
    for item in kept:
        student = item[1].student
        if student:
            groups.setdefault(" ".join(student.casefold().split()), []).append(item)
    dropped = set()
    for items in groups.values():
        if len(items) < 2:
            continue
        newest = max(items, key=lambda it: (it[1].saved_at or "", it[0]))
        for item in items:
            if item is not newest:
                bad.append(BadHandIn(item[0], f'the same student as {newest[0]} (both are "{item[1].student}"): only '
                                              f"the newer file, {newest[0]}, is used"))
                dropped.add(item[0])
    return [item for item in kept if item[0] not in dropped]


__all__ = ["BadHandIn", "HandIn", "NOT_HAND_INS", "SAMPLE_CLASS", "marked_tasks", "one_file_per_student", "read_folder"]
