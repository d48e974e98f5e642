"""The ``medialit`` command.

    medialit check [DATA_DIR]          check the articles and every data file; exit 1 on errors
    medialit quotes [--json] FILE      the quotations in any UTF-8 text file
    medialit compare [--json] FILE FILE [FILE ...]
    medialit loaded [--json] FILE      loaded-language highlights
    medialit build-lessons             make lessons/ from solutions/ (and run them)
    medialit class-report FOLDER       what a class marked: agreement, and where it differs from the tool

>>> main(["check"])
Checked ... 5 articles and every data file: no problems found.
Note: ...optional...
0
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Iterable

from . import nlp
from .corpus import check_data_dir, default_data_dir, load_article_file, load_corpus, read_text_file
from .errors import KitError
from .wording import plural, shorten

#: The commands that take file names, and the options they know (anything else starting with "-" that
#: names an existing file is a file, so ``medialit quotes -dash.txt`` works).
_FILE_COMMANDS = ("quotes", "loaded", "compare")
_FILE_OPTIONS = ("--json", "-h", "--help")

if TYPE_CHECKING:  # pragma: no cover
    from .compare import Comparison
    from .quotes import Quote


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="medialit",
        description="Tools behind the media-literacy notebooks. Every command works offline.",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    sub.required = True

    p = sub.add_parser("check", help="check the articles, their data cards and every data file; exit 1 if there are errors")
    p.add_argument("data_dir", nargs="?", default=None, help="the data folder (default: the kit's data/)")

    for name, helptext, nfiles in (
        ("quotes", "list the quotations in a text file, with speaker and kind", 1),
        ("loaded", "list loaded-language highlights in a text file", 1),
        ("compare", "align quotes and compare coverage and framing across two or more files", 2),
    ):
        p = sub.add_parser(name, help=helptext)
        p.add_argument("--json", action="store_true", help="print JSON (the exact contract in the README)")
        if nfiles == 1:
            p.add_argument("files", nargs=1, metavar="FILE", help="a UTF-8 text file")
        else:
            p.add_argument("files", nargs="+", metavar="FILE", help="two or more UTF-8 text files")

    p = sub.add_parser("class-report", help="the class view of a folder of students' saved-work files")
    from .classreport import add_arguments

    add_arguments(p)

    p = sub.add_parser("build-lessons", help="generate lessons/ from solutions/ and execute both")
    p.add_argument("--no-execute", action="store_true", help="only generate, do not run the notebooks")
    p.add_argument("--check", action="store_true", help="only report whether lessons/ is out of step; exit 1 if so")
    p.add_argument("--root", default=None, help="the kit's folder (default: found from the package)")
    p.add_argument("--only", action="append", default=None, metavar="TEXT",
                   help="only notebooks whose name contains TEXT (e.g. --only 02); repeat for more")
    return parser


def _check(args) -> int:
    from .datacheck import check_data_files

    data_dir = Path(args.data_dir) if args.data_dir else default_data_dir()
    corpus = check_data_dir(data_dir)
    problems = [*corpus.problems, *check_data_files(data_dir, corpus=corpus)]
    for problem in problems:
        print(problem)
    errors = sum(1 for p in problems if p.level == "error")
    if not problems:
        print(f"Checked {data_dir}: {plural(len(corpus), 'article')} and every data file: no problems found.")
    else:
        print(f"Checked {data_dir}: {plural(len(corpus), 'article loads', 'articles load')}; "
              f"{plural(errors, 'error')}, {plural(len(problems) - errors, 'warning')}.")
    print(_story_lists_note(data_dir))
    return 1 if errors else 0


def _story_lists_note(data_dir: Path) -> str:
    """One line: the key facts and framing words are story-specific and optional."""
    here = [name for name in ("facts.csv", "framing.csv") if (data_dir / name).exists()]
    if not here:
        return ("Note: there is no facts.csv or framing.csv here; they are optional: source comparison finds shared "
                "and missing reporting, who is quoted and word choice by itself.")
    return (f"Note: {' and '.join(here)} (key facts and framing words) are written for one story and are optional: "
            "for articles about another story, source comparison shows its automatic tables (shared and missing "
            "reporting, who is quoted, word choice) and says the lists match nothing.")


# --------------------------------------------------------------------------------------------------
# medialit quotes, loaded, compare (each imports its engine when it runs, so that `medialit check` and
# `medialit --help` start quickly)
# --------------------------------------------------------------------------------------------------
def quotes_table(quotes: Iterable["Quote"], *, width: int = 60) -> str:
    """A plain-text table of quotes (what ``medialit quotes FILE`` prints).

    >>> from widgets.quotes import find_quotes
    >>> print(quotes_table(find_quotes('“Yes,” Kirby said.')))
    start  end  kind    speaker     cue   text
        1    5  direct  John Kirby  said  Yes,
    """
    rows = [("start", "end", "kind", "speaker", "cue", "text")]
    for q in quotes:
        rows.append((str(q.start), str(q.end), q.kind, q.speaker or "unknown", q.cue or "-", shorten(q.text, width)))
    widths = [max(len(r[i]) for r in rows) for i in range(5)]
    lines = []
    for r in rows:
        cells = [r[0].rjust(widths[0]), r[1].rjust(widths[1]), *(c.ljust(w) for c, w in zip(r[2:5], widths[2:]))]
        lines.append("  ".join(cells + [r[5]]).rstrip())
    return "\n".join(lines)


def quotes_command(args) -> int:
    """``medialit quotes [--json] FILE``: print the quotes of any UTF-8 text file.

    >>> import argparse, tempfile, os
    >>> path = os.path.join(tempfile.mkdtemp(), "toy.txt")
    >>> _ = open(path, "w", encoding="utf-8").write("“We will rebuild the bridge,” said Mayor Maria Lopez.")
    >>> quotes_command(argparse.Namespace(files=[path], json=False))
    start  end  kind    speaker      cue   text
        1   28  direct  Maria Lopez  said  We will rebuild the bridge,
    0
    >>> quotes_command(argparse.Namespace(files=[path + ".missing"], json=False))   # the reason goes to stderr
    2
    """
    from .quotes import find_quotes

    path = args.files[0]
    try:
        raw = read_text_file(path)
    except KitError as err:
        print(f"medialit quotes: {err}", file=sys.stderr)
        return 2
    quotes = find_quotes(raw)
    if args.json:
        print(json.dumps([q.to_json() for q in quotes], ensure_ascii=False, indent=1))
    else:
        print(quotes_table(quotes) if quotes else "No quotation marks found.")
    return 0


def loaded_command(args) -> int:
    """``medialit loaded [--json] FILE``: the highlights in any UTF-8 text file (exit 2 on a bad file).

    >>> import argparse, tempfile, os
    >>> path = os.path.join(tempfile.mkdtemp(), "toy.txt")
    >>> _ = open(path, "w", encoding="utf-8").write("A brutal plan.")
    >>> loaded_command(argparse.Namespace(files=[path], json=True))
    [{"start": 2, "end": 8, "text": "brutal", "category": "loaded_language", "explanation": "An emotional adjective that tells the reader how to feel.", "alternative": "violent / harsh", "voice": "narrator", "speaker": null, "rule": "lexicon:brutal"}]
    0
    """
    from .loaded import find_loaded

    path = args.files[0]
    try:
        raw = read_text_file(path)
        matches = find_loaded(raw)
    except KitError as err:
        print(f"medialit loaded: {err}", file=sys.stderr)
        return 2
    if args.json:
        print(json.dumps([m.to_dict() for m in matches], ensure_ascii=False))
        return 0
    if not matches:
        print(f"No loaded language found in {path}.")
        return 0
    print(f"{plural(len(matches), 'highlight')} in {path}:")
    for m in matches:
        who = "narrator" if m.voice == "narrator" else f"quote ({m.speaker or 'speaker unknown'})"
        line = raw.count("\n", 0, m.start) + 1
        alt = f" | instead: {m.alternative}" if m.alternative else ""
        print(f"  line {line:>3}  {m.text!r}  [{m.category}, {who}, {m.rule}]{alt}")
    return 0


def _short(text: str, n: int = 90) -> str:
    return shorten(text, n)


def report_text(result: "Comparison", *, outlets: dict[str, str] | None = None) -> str:
    """A readable plain-text report of a :class:`Comparison` (what ``medialit compare`` prints).

    >>> from widgets.compare import compare
    >>> from widgets.corpus import article_from_text
    >>> a = article_from_text("“We will rebuild the old bridge before the winter rains,” said Mayor Maria Lopez.",
    ...                       id="a")
    >>> b = article_from_text("“We will rebuild the old bridge before the winter rains,” said Tom Reyes.", id="b")
    >>> print(report_text(compare([a, b], facts=[], terms=[]), outlets={"a": "Daily"}))
    Files:
      [1] a (Daily)
      [2] b
    ...
    Aligned quotes: 1 pair(s)
      (1) the same words; the two articles give the words to different people (DIFFERENT SPEAKERS)
          [1] Maria Lopez: “We will rebuild the old bridge before the winter rains,”
          [2] Tom Reyes: “We will rebuild the old bridge before the winter rains,”
    ...
    People, organisations and places named by every file: none
    """
    from .plainwords import describe_pair

    outlets = outlets or {}
    label = {f: f"[{i}] {f}" + (f" ({outlets[f]})" if outlets.get(f) else "") for i, f in enumerate(result.files, 1)}
    short = {f: f"[{i}]" for i, f in enumerate(result.files, 1)}
    lines = ["Files:"] + [f"  {label[f]}" for f in result.files] + [""]
    if result.story:
        lines[:0] = [f"Story: {result.story}", ""]
    if result.reporting is not None:
        lines += _reporting_lines(result, short) + [""]
    if result.quoted is not None:
        lines += _quoted_lines(result, short) + [""]
    if result.word_choices is not None:
        lines.append(f"Word choice for the same thing: {len(result.word_choices.items)}")
        lines += [f"  {_short(c.describe(names=short), 160)}" for c in result.word_choices.items[:12]]
        lines.append("")
    quotes = [p for p in result.aligned if not p.paraphrase]
    paras = [p for p in result.aligned if p.paraphrase]
    lines.append(f"Aligned quotes: {len(quotes)} pair(s)")
    for n, p in enumerate(quotes, 1):
        who = {True: "same speaker", False: "DIFFERENT SPEAKERS", None: "speaker unknown on one side"}[p.same_speaker]
        lines.append(f"  ({n}) {describe_pair(p, a_name=short[p.a.file], b_name=short[p.b.file])} ({who})")
        lines.append(f"      {short[p.a.file]} {p.a.speaker or 'unknown'}: “{_short(p.a.text)}”")
        lines.append(f"      {short[p.b.file]} {p.b.speaker or 'unknown'}: “{_short(p.b.text)}”")
        changes = [d for d in p.diff if d.op != "equal"]
        for d in changes[:4]:
            if d.op == "delete":
                lines.append(f"      - cut by {short[p.b.file]}: {_short(d.a, 70)}")
            elif d.op == "insert":
                lines.append(f"      + added by {short[p.b.file]}: {_short(d.b, 70)}")
            else:
                lines.append(f"      ~ changed: {_short(d.a, 34)} -> {_short(d.b, 34)}")
        if len(changes) > 4:
            lines.append(f"      ... and {len(changes) - 4} more change(s)")
    lines.append("")
    lines.append(f"Paraphrases (a quote reported without quotation marks elsewhere): {len(paras)}")
    for p in paras:
        lines.append(f"  quote {short[p.a.file]} {p.a.speaker or 'unknown'}: “{_short(p.a.text)}”")
        lines.append(f"  told  {short[p.b.file]} {p.b.speaker or 'unknown'}: {_short(p.b.text)}")
        lines.append(f"        shared words: {', '.join(p.shared)}")
    lines.append("")
    head = "  ".join(short[f] for f in result.files)
    if result.teacher_lists.message:
        lines += [result.teacher_lists.message, ""]
    lists = result.teacher_lists
    for title, table, found in (("Coverage of key facts (0 = left out)", result.coverage_table(kind="fact"), lists.facts_found),
                                ("Framing: word choices", result.framing_table(), lists.terms_found)):
        if not found:
            continue  # the one-line message above says the list matches nothing here
        lines.append(f"{title}:")
        width = max((len(k) for k in table), default=10)
        lines.append(f"  {'':{width}}  {head}")
        for item, row in table.items():
            lines.append(f"  {item:{width}}  " + "  ".join(f"{row[f]:>{len(short[f])}}" for f in result.files))
        lines.append("")
    ents = result.coverage_table(kind="entity")
    shared = [k for k, row in ents.items() if all(row.values())]
    lines.append(f"People, organisations and places named by every file: {', '.join(shared) or 'none'}")
    return "\n".join(lines)


def _reporting_lines(result: "Comparison", short: dict[str, str]) -> list[str]:
    r = result.reporting
    lines = [f"Shared and missing reporting: {r.summary()}"]
    for f in result.files:
        mine = r.for_file(f)
        lines.append(f"  {short[f]} reports {plural(len(mine.shared), 'statement')} others report too, "
                     f"{len(mine.only_here)} only it reports, and leaves out {len(mine.left_out)} that most others report")
        for s in mine.left_out[:5]:
            lines.append(f"      left out: {_short(s.text, 100)}")
    return lines


def _quoted_lines(result: "Comparison", short: dict[str, str]) -> list[str]:
    q = result.quoted
    lines = ["Who is quoted (share of the quoted words):"]
    for f in result.files:
        rows = q.for_file(f)
        shown = ", ".join(f"{s.speaker} {round(100 * s.word_share)}%" for s in rows[:6]) or "nobody"
        lines.append(f"  {short[f]} {shown}")
    only = {f: names for f, names in q.only_quoted_by().items() if names}
    for f, names in only.items():
        lines.append(f"  only {short[f]} quotes: {', '.join(names)}")
    return lines


def compare_command(args) -> int:
    """``medialit compare [--json] FILE FILE [FILE...]``: returns the exit code.

    >>> import argparse, tempfile, os
    >>> folder = tempfile.mkdtemp()
    >>> for name, who in (("a.txt", "said Mayor Maria Lopez"), ("b.txt", "said Tom Reyes")):
    ...     _ = open(os.path.join(folder, name), "w", encoding="utf-8").write(
    ...         f"“We will rebuild the old bridge before the winter rains,” {who}.")
    >>> files = [os.path.join(folder, "a.txt"), os.path.join(folder, "b.txt")]
    >>> compare_command(argparse.Namespace(files=files, json=False))
    Files:
      [1] .../a.txt (unknown outlet, a)
      [2] .../b.txt (unknown outlet, b)
    ...
      (1) the same words; the two articles give the words to different people (DIFFERENT SPEAKERS)
    ...
    0
    >>> compare_command(argparse.Namespace(files=files[:1], json=False))   # needs two files (said on stderr)
    2
    """
    from .compare import compare

    files = list(getattr(args, "files", []) or [])
    if len(files) < 2:
        print("medialit compare needs at least two files, e.g. medialit compare a.txt b.txt", file=sys.stderr)
        return 2
    articles = []
    corpus = load_corpus(warn=False)  # once, for the data cards of any corpus files among them
    for f in files:
        try:
            articles.append(_story_article(f) or load_article_file(f, corpus=corpus))
        except KitError as err:
            print(f"medialit compare: {err}", file=sys.stderr)
            return 2
        except OSError as err:
            print(f"medialit compare: cannot read {f}: {err.strerror or err}. Fix: check the path.", file=sys.stderr)
            return 2
    try:
        result = compare(articles, names=files)
    except KitError as err:
        print(f"medialit compare: {err}", file=sys.stderr)
        return 2
    if getattr(args, "json", False):
        print(result.to_json())
    else:
        outlets = {f: _outlet(a) for f, a in zip(files, articles)}
        print(report_text(result, outlets=outlets))
    return 0


def _story_article(path) -> object | None:
    """The article with its data card when ``path`` is a file of a story in ``data/stories/``, else None."""
    from .stories import list_stories, load_story, stories_dir

    try:
        where = Path(path).resolve()
        for story in list_stories():
            if where.parent.parent == (stories_dir() / story).resolve():
                for article in load_story(story, warn=False):
                    if article.path is not None and article.path.resolve() == where:
                        return article
    except (OSError, KitError):
        return None
    return None


def _outlet(article) -> str:
    """The outlet as the data card gives it, or "unknown" plus the article id (never a guess)."""
    outlet = getattr(getattr(article, "card", None), "outlet", "unknown") or "unknown"
    return outlet if outlet != "unknown" else f"unknown outlet, {article.id}"


def _class_report(args) -> int:
    from .classreport import command

    return command(args)


def _build_lessons(args) -> int:
    from .notebooks import build_lessons_command

    return build_lessons_command(args)


COMMANDS = {
    "check": _check,
    "quotes": quotes_command,
    "loaded": loaded_command,
    "compare": compare_command,
    "build-lessons": _build_lessons,
    "class-report": _class_report,
}


def _files_after_options(argv: list[str]) -> list[str]:
    """Put ``--`` before file names that start with a dash, so argparse does not take them for options.

    >>> _files_after_options(["quotes", "--json", "a.txt"])
    ['quotes', '--json', 'a.txt']
    >>> _files_after_options(["quotes", "--jsn", "a.txt"])   # a mistyped option stays one (argparse says so)
    ['quotes', '--jsn', 'a.txt']
    """
    if not argv or argv[0] not in _FILE_COMMANDS or "--" in argv:
        return argv
    rest = argv[1:]
    if not any(a.startswith("-") and a not in _FILE_OPTIONS and Path(a).is_file() for a in rest):
        return argv
    def is_option(arg: str) -> bool:
        return arg in _FILE_OPTIONS or (arg.startswith("-") and not Path(arg).is_file())

    return [argv[0], *[a for a in rest if is_option(a)], "--", *[a for a in rest if not is_option(a)]]


def _language_notices(files: list[str]) -> None:
    """One line on standard error for each file that does not look like English (the rules are English)."""
    from .corpus import read_text_file
    from .language import not_english_message

    for name in files:
        try:
            message = not_english_message(read_text_file(name))
        except (KitError, OSError):
            continue  # the command itself says what is wrong with the file
        if message:
            print(f"medialit: {name}: {message}", file=sys.stderr)


def main(argv: list[str] | None = None) -> int:
    """Run the command line; returns the exit code.

    >>> import tempfile, os
    >>> path = os.path.join(tempfile.mkdtemp(), "toy.txt")
    >>> _ = open(path, "w", encoding="utf-8").write("“We will rebuild the bridge,” said Mayor Maria Lopez.")
    >>> main(["quotes", "--json", path])
    [
     {
      "start": 1,
      "end": 28,
      "text": "We will rebuild the bridge,",
      "speaker": "Maria Lopez",
      "kind": "direct",
      "cue": "said"
     }
    ]
    0
    """
    args = _parser().parse_args(_files_after_options(list(sys.argv[1:] if argv is None else argv)))
    nlp.set_notice_stream(sys.stderr)  # keep standard output clean for --json
    if args.command in _FILE_COMMANDS:
        _language_notices(args.files)
    try:
        return COMMANDS[args.command](args)
    except KitError as err:
        print(f"medialit {args.command}: {err}", file=sys.stderr)
        return 2


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
