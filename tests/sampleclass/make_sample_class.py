"""Make data/sample-class/: MADE-UP hand-ins so a teacher can try the class view before the first lesson.

Nobody real marked these. Each made-up student is the marking widget's model (``MarkingModel``) driven by a
script: the student finds each word the answer key counts with some chance (their "care"), sometimes marks a
word the key does not count ("alleged"), and sometimes a plain word; then the work is saved with
``save_work`` exactly as the Save my work button does. Then come the bad hand-ins a teacher will meet: a file
from another lesson, a truncated file, a file edited by hand, the same student twice, a file that is not
the kit's.

    python tests/sampleclass/make_sample_class.py data/sample-class     # what made the committed files

The output is the same every time (fixed seeds and clock): ``tests/test_classreport.py`` makes it again
and compares it with the committed files.

>>> import tempfile, pathlib
>>> out = make_sample_class(pathlib.Path(tempfile.mkdtemp()))
>>> sorted(p.name for p in out.iterdir())[:3]
['README.md', 'alex-kim.json', 'bea-novak.json']
"""
from __future__ import annotations

import json
import random
import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path

ARTICLE = "presidents-meet-us-targets"
PARAGRAPHS = (2, 6)
#: name, seed, care (chance of finding each word the key counts), chance of marking a plain word, paragraphs
STUDENTS = (
    ("Alex Kim", 1, 0.9, 0.02, (2, 6)),
    ("Bea Novak", 2, 0.7, 0.05, (2, 6)),
    ("Chidi Okafor", 3, 0.8, 0.0, (6,)),
    ("Dana Weiss", 4, 0.5, 0.08, (2, 6)),
    ("Eli Moreau", 5, 0.95, 0.03, (2, 6)),
    ("Farah Haddad", 6, 0.6, 0.04, (6,)),
    ("Gus Lindqvist", 7, 0.4, 0.1, (2, 6)),
    ("Sam Lopez", 8, 0.5, 0.05, (6,)),
)
START = datetime(2026, 3, 2, 9, 0, tzinfo=timezone.utc)
README = """# Sample hand-ins (MADE UP)

These files were **not** made by real students. A script (`tests/sampleclass/make_sample_class.py`) drove
the marking widget's model with made-up marks and saved them as a student's Save my work button would, so
that a teacher can try the class view before the first lesson:

    medialit class-report data/sample-class
    medialit class-report data/sample-class --anonymous --html class-view.html

Every name ends in "(made up)". The article is `presidents-meet-us-targets`, paragraphs 2 and 6 (the
paragraph of lesson 04's picking exercise). Some files are bad on purpose, to show how the report names
them and leaves them out:

| file | what is wrong |
|---|---|
| `lesson-01-only.json` | saved work from lesson 01: no marks on this article |
| `truncated.json` | cut off half-way (an interrupted download) |
| `edited.json` | a mark changed by hand after saving (the checksum no longer matches) |
| `sam-lopez.json`, `sam-lopez-again.json` | the same student twice: only the newer file counts |
| `not-saved-work.json` | a JSON file that is not the kit's |
"""


def _fresh_session(work, clock) -> None:
    work._WORK.clear()
    work._NOTES.clear()
    work._NOTE_TIMES.clear()
    work._MARKS.clear()
    work._STUDENT["name"] = None
    work._now = lambda: clock["now"]


def _slug(name: str) -> str:
    return name.lower().replace(" ", "-")


def _mark_student(model, key, rng, care: float, plain: float, paragraphs) -> None:
    for number in paragraphs:
        model.part = number
        start, end = model.window()
        for span in key:
            if not (start <= span.start < end):
                continue
            chance = care if span.counted else care / 2
            if rng.random() < chance:
                first = next(w.index for w in model.words if w.end > span.start)
                last = max(w.index for w in model.words if w.start < span.end)
                if span.counted and len(span.text.split()) > 3 and rng.random() < 0.5:
                    last = first + 2  # a careful-enough student marks only the start of a long phrase
                model.mark_range(first, last)
        for w in model.words:
            if rng.random() < plain:
                model.toggle(w.index)


def make_sample_class(out: Path) -> Path:
    """Write the made-up hand-ins into ``out`` (created if needed; files of the same names are replaced)."""
    from widgets import exercises, work
    from widgets.corpus import load_corpus
    from widgets.views.marking import MarkingModel

    out.mkdir(parents=True, exist_ok=True)
    names = [f"{_slug(n)}.json" for n, *_ in STUDENTS] + ["sam-lopez-again.json", "lesson-01-only.json",
                                                          "truncated.json", "edited.json", "not-saved-work.json"]
    for name in names:
        (out / name).unlink(missing_ok=True)
    corpus = load_corpus(warn=False)
    saved_state = (dict(work._WORK), dict(work._NOTES), dict(work._NOTE_TIMES), dict(work._MARKS),
                   dict(work._STUDENT), work._now)
    clock = {"now": START}
    try:
        for n, (name, seed, care, plain, paragraphs) in enumerate(STUDENTS):
            clock["now"] = START + timedelta(minutes=3 * n)
            _fresh_session(work, clock)
            model = MarkingModel(article_id=ARTICLE, corpus=corpus)
            _tool, key = model.layers()
            _mark_student(model, key.spans, random.Random(seed), care, plain, paragraphs)
            work.save_work(out / f"{_slug(name)}.json", name=f"{name} (made up)")
            if name == "Sam Lopez":  # hands in again later, having found more
                clock["now"] += timedelta(hours=1)
                model.part = 6
                model.mark_phrase("staggering")
                model.mark_phrase("hypocrisy")
                work.save_work(out / "sam-lopez-again.json", name=f"{name} (made up)")
        clock["now"] = START + timedelta(hours=2)
        _fresh_session(work, clock)
        exercises.check("1.1", "a made-up answer")
        work.save_work(out / "lesson-01-only.json", name="Ivy Chen (made up)")
        whole = (out / "alex-kim.json").read_bytes()
        (out / "truncated.json").write_bytes(whole[: len(whole) // 2])
        edited = json.loads((out / "bea-novak.json").read_text(encoding="utf-8"))
        edited["student"] = "Jo Park (made up)"
        edited["marks"][ARTICLE]["loaded"]["spans"].append(dict(edited["marks"][ARTICLE]["loaded"]["spans"][0]))
        (out / "edited.json").write_text(json.dumps(edited, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        (out / "not-saved-work.json").write_text(json.dumps({"shopping": ["bread", "milk"], "note": "made up"}, indent=2)
                                                 + "\n", encoding="utf-8")
        (out / "README.md").write_text(README, encoding="utf-8")
    finally:
        # Put the session back as it was, in the same dicts (others hold references to them).
        for kept, now in zip(saved_state[:5], (work._WORK, work._NOTES, work._NOTE_TIMES, work._MARKS, work._STUDENT)):
            now.clear()
            now.update(kept)
        work._now = saved_state[5]
    return out


if __name__ == "__main__":  # pragma: no cover
    if len(sys.argv) != 2:
        sys.exit("usage: python tests/sampleclass/make_sample_class.py OUT_FOLDER")
    print(f"Wrote {make_sample_class(Path(sys.argv[1]))}")
