"""The class view: what a whole class marked in one article, where it agrees, and where it differs from the tool.

Students hand in the saved-work files that the marking widget's marks are part of (``my-medialit-work.json``,
downloaded from Binder). :func:`class_report` reads every file in a folder and shows, paragraph by paragraph:
how many students marked each word, the words the class agrees on, the ones it splits on, where the class
and the tool differ (and the key, where there is one), and how much the students agree with each other
(Krippendorff's alpha).

Bad hand-ins are expected: a file from another lesson, an edited or truncated file, the same student
twice, a file that is not the kit's. Each gets one line naming the file and the problem, and the report is
made from the rest. Names appear only in the teacher's copy: ``anonymous=True`` gives the chart and the
HTML page with "Student 1", "Student 2", ... instead.

    medialit class-report FOLDER [--article ID] [--mode loaded|quotes] [--html PAGE.html] [--anonymous]

>>> report = class_report(SAMPLE_CLASS)          # made-up hand-ins in data/sample-class/
>>> report.article_id, report.mode, len(report.hand_ins)
('presidents-meet-us-targets', 'loaded', 8)
>>> for bad in report.problems:
...     print(bad)                                # doctest: +NORMALIZE_WHITESPACE
edited.json: was changed after it was saved (its checksum does not match), so it is left out
lesson-01-only.json: holds no marks on presidents-meet-us-targets (loaded words): a file from another lesson, or not marked yet
not-saved-work.json: not a saved-work file from this kit (it was not made by this kit)
sam-lopez.json: the same student as sam-lopez-again.json (both are "Sam Lopez (made up)"): only the newer file,
    sam-lopez-again.json, is used
truncated.json: cannot be read: it cannot be read as JSON: it may be cut off or changed by hand
>>> p = report.paragraphs[1]
>>> p.number, p.agreed, p.split
(6, ('hypocrisy', 'far more appropriate'), ('staggering', 'alleged', 'for a string of US'))
"""
from __future__ import annotations

import argparse
import hashlib
import math
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from .corpus import Corpus, load_corpus
from .errors import KitError
from .workfile import MARK_MODES
from .handins import NOT_HAND_INS, SAMPLE_CLASS, BadHandIn, HandIn, marked_tasks, one_file_per_student, read_folder  # noqa: F401
from .loaded import paragraphs as article_paragraphs
from .marking import Mark, Span, fingerprint, key_spans, tool_spans, words, words_in
from .render.classreport import ALPHA_EXPLAINED, MODE_NAMES, alpha_text, class_report_body, class_report_html
from .render.classreport import phrase_list as _list, short_phrase as _short
from .wording import did_you_mean

#: At least this share of the students marked a word: the class agrees on it.
AGREE = 0.75
#: More than this share and less than AGREE: the class splits on it.
SPLIT = 0.25


@dataclass(frozen=True)
class WordCount:
    """One word of a paragraph: how many students marked it, and whether the tool and the key did."""

    start: int
    end: int
    text: str
    students: int
    tool: bool
    key: bool | None  # None: no key for this article


@dataclass(frozen=True)
class SpeakerTally:
    """Quotes mode: who the class says said one quote (the key's or the tool's quote)."""

    text: str
    reference: str  # "key" or "tool"
    speaker: str | None
    said: tuple[tuple[str, int], ...]


@dataclass(frozen=True)
class ParagraphReport:
    """One paragraph: each word's count, the words the class agrees and splits on, and where it differs from
    the tool and the key. Lists of words are phrases (runs of neighbouring words) in text order."""

    number: int
    start: int
    end: int
    students: int
    words: tuple[WordCount, ...]
    agreed: tuple[str, ...]
    split: tuple[str, ...]
    class_not_tool: tuple[str, ...]
    tool_not_class: tuple[str, ...]
    key_not_class: tuple[str, ...]
    alpha: float | None
    speakers: tuple[SpeakerTally, ...] = ()


def _alpha(matrix: list[list[int]]) -> float | None:
    """Krippendorff's alpha (nominal) for students x words of 0/1; None when it cannot be computed."""
    if len(matrix) < 2 or not matrix[0]:
        return None
    if len({v for row in matrix for v in row}) < 2:
        return None  # everyone marked exactly the same (nothing, or everything): no variation to measure
    # NLTK (Apache-2.0, already installed with TextBlob) computes Krippendorff's alpha; imported here
    # because importing NLTK takes about a second and only the class view needs it.
    from nltk.metrics.agreement import AnnotationTask

    task = AnnotationTask(data=[(f"student {i}", f"word {j}", value)
                                for i, row in enumerate(matrix) for j, value in enumerate(row)])
    value = float(task.alpha())
    return None if math.isnan(value) else value


def _runs(items: list[WordCount], keep) -> tuple[str, ...]:
    """Phrases (runs of neighbouring words that pass ``keep``) as text, in order."""
    out, run = [], []
    for w in [*items, None]:
        if w is not None and keep(w):
            run.append(w)
            continue
        if run:
            out.append(" ".join(x.text for x in run))
            run = []
    return tuple(out)


@dataclass(frozen=True)
class ClassReport:
    """The class view of one article and mode. ``str()``/``text()`` for the command line, ``html()`` for a page,
    ``chart()`` for the Altair chart; in a notebook it shows as the teacher's copy (with names)."""

    article_id: str
    mode: str
    folder: str
    hand_ins: tuple[HandIn, ...]
    problems: tuple[BadHandIn, ...]
    paragraphs: tuple[ParagraphReport, ...]
    alpha: float | None
    has_key: bool
    other_tasks: tuple[str, ...] = ()

    # ----- names ---------------------------------------------------------------------------------------
    def names(self, *, anonymous: bool = False) -> dict[str, str]:
        """File -> the name shown: the student's name, or "Student N" when anonymous (numbered in an order
        that does not follow the names, so the numbers do not give the names away)."""
        if not anonymous:
            return {h.file: h.student for h in self.hand_ins}
        return {h.file: f"Student {i}" for i, h in enumerate(self._anonymous_order(), start=1)}

    def _anonymous_order(self) -> list[HandIn]:
        return sorted(self.hand_ins, key=lambda h: hashlib.sha256(f"{h.file}|{h.student}".encode("utf-8")).hexdigest())

    def per_student(self, *, anonymous: bool = False) -> list[dict]:
        """One row per student: words marked, and agreement with the class majority (and the key)."""
        names = self.names(anonymous=anonymous)
        rows = []
        for h in (self._anonymous_order() if anonymous else self.hand_ins):
            mine = agree_class = either_class = agree_key = either_key = 0
            for p in self.paragraphs:
                for w in p.words:
                    marked = any(m.start < w.end and w.start < m.end for m in h.marks)
                    majority = w.students * 2 > p.students
                    mine += marked
                    agree_class += marked and majority
                    either_class += marked or majority
                    if w.key is not None:
                        agree_key += marked and w.key
                        either_key += marked or w.key
            rows.append({"student": names[h.file], "words marked": mine,
                         "agrees with the class majority": f"{agree_class} of {either_class} words",
                         "agrees with the key": f"{agree_key} of {either_key} words" if self.has_key else "no key",
                         "share_class": agree_class / either_class if either_class else 1.0})
        return rows

    # ----- text --------------------------------------------------------------------------------------
    def text(self, *, anonymous: bool = False) -> str:
        """The report as plain text (what ``medialit class-report`` prints)."""
        task = MODE_NAMES[self.mode]
        lines = [f"Class report: {self.article_id}, {task}, {len(self.hand_ins)} students (folder {self.folder})."]
        if self.other_tasks:
            lines.append("Also marked in these files: " + ", ".join(self.other_tasks) + " (choose with --article and --mode).")
        if self.problems:
            if anonymous:
                lines.append(f"{len(self.problems)} files were left out (see the teacher's copy).")
            else:
                lines.append(f"Left out ({len(self.problems)}):")
                lines += [f"  {bad}" for bad in self.problems]
        lines.append(f"Agreement between students (Krippendorff's alpha): {alpha_text(self.alpha)}.")
        lines.append(ALPHA_EXPLAINED)
        for p in self.paragraphs:
            lines.append("")
            lines.append(f"Paragraph {p.number} ({p.students} students; alpha {alpha_text(p.alpha)}):")
            counts = " ".join(f"{w.text}[{w.students}]" for w in p.words if w.students)
            lines.append(f"  marked (students per word): {counts or 'nothing'}")
            lines.append(f"  the class agrees on (at least {AGREE:.0%} marked): {_list(p.agreed)}")
            lines.append(f"  the class splits on ({SPLIT:.0%} to {AGREE:.0%} marked): {_list(p.split)}")
            lines.append(f"  the class marked (half or more), the tool did not: {_list(p.class_not_tool)}")
            lines.append(f"  the tool marked, the class did not (under half): {_list(p.tool_not_class)}")
            if self.has_key:
                lines.append(f"  the key counts, the class did not (under half): {_list(p.key_not_class)}")
            for tally in p.speakers:
                said = ", ".join(f"{name} {n}" for name, n in tally.said) or "nobody marked it"
                lines.append(f'  "{_short(tally.text)}": the {tally.reference} says {tally.speaker or "nobody named"}; '
                             f"the class says: {said}")
        lines.append("")
        lines.append("Per student:")
        for row in self.per_student(anonymous=anonymous):
            lines.append(f"  {row['student']}: {row['words marked']} words marked; agrees with the class majority on "
                         f"{row['agrees with the class majority']}; with the key: {row['agrees with the key']}")
        return "\n".join(lines)

    def __str__(self) -> str:
        return self.text()

    def _repr_pretty_(self, printer, cycle) -> None:
        printer.text(self.text())

    # ----- chart and page ------------------------------------------------------------------------------
    def chart(self, *, anonymous: bool = False):
        """The Altair chart of this report (see :mod:`widgets.charts.classroom`)."""
        from .charts.classroom import class_chart

        return class_chart(self, anonymous=anonymous)

    def html(self, *, anonymous: bool = False, chart: bool = True) -> str:
        """One self-contained, script-free HTML page of the report (every text escaped)."""
        return class_report_html(self, anonymous=anonymous, chart=chart)

    def save_html(self, path: str | Path, *, anonymous: bool = False, chart: bool = True) -> Path:
        """Write :meth:`html` to ``path`` (folders made as needed) and return the path."""
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(self.html(anonymous=anonymous, chart=chart), encoding="utf-8")
        return path

    def _repr_html_(self) -> str:
        return class_report_body(self, anonymous=False)


def class_report(folder: str | Path, *, article: str | None = None, mode: str | None = None,
                 paragraphs: list[int] | None = None, corpus: Corpus | None = None) -> ClassReport:
    """Read every saved-work file in ``folder`` and make the class view of one article and mode.

    Args:
        folder: the folder of hand-ins (every file in it is read; README files are skipped).
        article: the article id (default: the one most files have marks on).
        mode: ``"loaded"`` or ``"quotes"`` (default: the one most files have marks in).
        paragraphs: the paragraph numbers to show (default: every paragraph anyone marked).
        corpus: the articles (default: the kit's data folder).

    Raises :class:`widgets.errors.KitError` when the folder does not exist or no file in it can be used.

    >>> r = class_report(SAMPLE_CLASS, paragraphs=[6])
    >>> [p.number for p in r.paragraphs], r.has_key, len(r.problems)
    ([6], True, 5)
    """
    folder = Path(folder)
    if not folder.is_dir():
        raise KitError(f"There is no folder {folder}.", fix="Put the students' saved-work files in a folder and give its name.")
    corpus = corpus if corpus is not None else load_corpus(warn=False)
    read, bad = read_folder(folder)
    if mode is not None and mode not in MARK_MODES:
        raise KitError(f"Unknown mode {mode!r}.{did_you_mean(mode, MARK_MODES)}",
                       fix=f"Use one of: {', '.join(MARK_MODES)}.")
    if article is not None and article not in corpus.ids:
        raise KitError(f"Unknown article {article!r}.{did_you_mean(article, corpus.ids)}",
                       fix=f"Use one of: {', '.join(corpus.ids)}.")
    tasks = marked_tasks(read)
    candidates = [t for t, _n in sorted(tasks.items(), key=lambda kv: (-kv[1], kv[0]))
                  if (article is None or t[0] == article) and (mode is None or t[1] == mode) and t[0] in corpus.ids]
    if not candidates:
        what = f"on {article}" if article else "on any article of the kit"
        problems = "; ".join(str(b) for b in bad)
        raise KitError(f"No file in {folder} holds marks {what}{' (' + MODE_NAMES[mode] + ')' if mode else ''}."
                       + (f" Left out: {problems}." if problems else ""),
                       fix="Check that the students saved their work after marking (the Save my work button).")
    article_id, mode = candidates[0]
    other = tuple(f"{a} ({MODE_NAMES[m]}, {n} files)" for (a, m), n in sorted(tasks.items(), key=lambda kv: (-kv[1], kv[0]))
                  if (a, m) != (article_id, mode) and a in corpus.ids)
    art = corpus[article_id]
    text_print = fingerprint(art.raw)
    usable = []
    for name, work, content in read:
        entry = work.marks.get(article_id, {}).get(mode)
        if not entry or not entry.get("spans"):
            bad.append(BadHandIn(name, f"holds no marks on {article_id} ({MODE_NAMES[mode]}): a file from another "
                                       "lesson, or not marked yet"))
            continue
        if entry.get("article") and entry["article"] != text_print:
            bad.append(BadHandIn(name, f"its marks were made on another version of {article_id}, so they may be on "
                                       "the wrong words: left out"))
            continue
        spans = entry["spans"]
        if any(art.raw[s["start"]:s["end"]] != s["text"] for s in spans):
            bad.append(BadHandIn(name, f"its marks do not match the words of {article_id} (changed by hand?): left out"))
            continue
        usable.append((name, work, content))
    usable = one_file_per_student(usable, bad)
    hand_ins = tuple(HandIn(name, work.student or Path(name).stem,
                            tuple(Mark(s["start"], s["end"], s["text"], s["speaker"])
                                  for s in work.marks[article_id][mode]["spans"]), work.saved_at or "")
                     for name, work, _content in usable)
    problems = tuple(sorted(bad, key=lambda b: b.file))
    if not hand_ins:
        raise KitError(f"No usable hand-in in {folder} for {article_id} ({MODE_NAMES[mode]}). Left out: "
                       + "; ".join(str(b) for b in problems) + ".", fix="Ask the students to save and hand in again.")
    tool = tool_spans(art, mode)
    key_layer = key_spans(art, mode, corpus=corpus)
    key = list(key_layer.spans) if key_layer.spans is not None else None
    report_paras, all_rows = [], []
    from .speakers import load_speakers

    table = load_speakers() if mode == "quotes" else None
    for para in article_paragraphs(art):
        if paragraphs is not None and para.number not in paragraphs:
            continue
        if paragraphs is None and not any(m.start < para.end and para.start < m.end for h in hand_ins for m in h.marks):
            continue
        p, rows = _paragraph(art.raw, para, hand_ins, tool, key, mode, table)
        report_paras.append(p)
        all_rows.append(rows)
    matrix = [sum((rows[i] for rows in all_rows), []) for i in range(len(hand_ins))]
    return ClassReport(article_id, mode, str(folder), hand_ins, problems, tuple(report_paras), _alpha(matrix),
                       key is not None, other)


def _paragraph(raw, para, hand_ins, tool: list[Span], key: list[Span] | None, mode, table):
    ws = words(raw, start=para.start, end=para.end)
    marked_by = [set().union(*(set(words_in(ws, m.start, m.end)) for m in h.marks)) if h.marks else set()
                 for h in hand_ins]
    tool_w = set().union(*(set(words_in(ws, s.start, s.end)) for s in tool)) if tool else set()
    key_w = set().union(*(set(words_in(ws, s.start, s.end)) for s in key if s.counted)) if key else set()
    n = len(hand_ins)
    counts = [WordCount(w.start, w.end, w.text, sum(w.index in m for m in marked_by), w.index in tool_w,
                        (w.index in key_w) if key is not None else None) for w in ws]
    share = lambda w: w.students / n  # noqa: E731
    tallies = []
    if mode == "quotes":
        reference = key if key is not None else tool
        for q in (s for s in reference if s.start < para.end and para.start < s.end):
            said: Counter = Counter()
            for h in hand_ins:
                for m in h.marks:
                    if m.start < q.end and q.start < m.end:
                        known = table.lookup(m.speaker) if (table is not None and m.speaker) else None
                        said[known.name if known else (m.speaker or "nobody named")] += 1
                        break
            speaker = None if q.label == "scare" else q.speaker
            tallies.append(SpeakerTally(q.text, "key" if key is not None else "tool", speaker,
                                        tuple(sorted(said.items(), key=lambda kv: (-kv[1], kv[0])))))
    rows = [[int(w.index in m) for w in ws] for m in marked_by]
    p = ParagraphReport(
        number=para.number, start=para.start, end=para.end, students=n, words=tuple(counts),
        agreed=_runs(counts, lambda w: share(w) >= AGREE),
        split=_runs(counts, lambda w: SPLIT < share(w) < AGREE),
        class_not_tool=_runs(counts, lambda w: share(w) >= 0.5 and not w.tool),
        tool_not_class=_runs(counts, lambda w: w.tool and share(w) < 0.5),
        key_not_class=_runs(counts, lambda w: bool(w.key) and share(w) < 0.5),
        alpha=_alpha(rows), speakers=tuple(tallies))
    return p, rows


# --------------------------------------------------------------------------------------------------
# medialit class-report
# --------------------------------------------------------------------------------------------------
def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The options of ``medialit class-report``.

    >>> parser = argparse.ArgumentParser()
    >>> add_arguments(parser)
    >>> parser.parse_args(["hand-ins", "--mode", "quotes", "--paragraph", "3"]).paragraph
    [3]
    """
    parser.add_argument("folder", help="the folder of saved-work files the students handed in")
    parser.add_argument("--article", default=None, help="the article id (default: the one most files marked)")
    parser.add_argument("--mode", choices=MARK_MODES, default=None, help="loaded words or quotes (default: the most marked)")
    parser.add_argument("--paragraph", type=int, action="append", default=None, metavar="N",
                        help="only paragraph N (repeat for more; default: every paragraph anyone marked)")
    parser.add_argument("--html", default=None, metavar="PAGE", help="also write an offline HTML page (with the chart) here")
    parser.add_argument("--anonymous", action="store_true", help="Student 1, Student 2 ... instead of names (and no file names)")


def command(args) -> int:
    """``medialit class-report FOLDER``: print the class view; ``--html`` writes the page too.

    >>> parser = argparse.ArgumentParser()
    >>> add_arguments(parser)
    >>> command(parser.parse_args([str(SAMPLE_CLASS), "--anonymous", "--paragraph", "6"]))  # doctest: +ELLIPSIS
    Class report: presidents-meet-us-targets, loaded words, 8 students (folder ...).
    ...
    0
    """
    try:
        report = class_report(args.folder, article=args.article, mode=args.mode, paragraphs=args.paragraph)
    except KitError as err:
        print(f"medialit class-report: {err}", file=sys.stderr)
        return 2
    print(report.text(anonymous=args.anonymous))
    if args.html:
        path = report.save_html(args.html, anonymous=args.anonymous)
        print(f"\nWrote {path}{' (anonymous)' if args.anonymous else ''}.")
    return 0


__all__ = ["AGREE", "ALPHA_EXPLAINED", "BadHandIn", "ClassReport", "HandIn", "ParagraphReport", "SPLIT",
           "SpeakerTally", "WordCount", "class_report", "class_report_html", "command"]
