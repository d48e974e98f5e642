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

from . import nlp
from .corpus import check_data_dir, default_data_dir, load_article_file, load_corpus, read_text_file
from .clitext import quotes_table, report_text  # noqa: F401 - medialit's text tables, named here too
from .errors import KitError
from .wording import plural

#: The commands that take file names, and the options they know (anything else starting with "-" that
#: names an existing file is a file, so ``medialit quotes -dash.txt`` works).
_FILE_COMMANDS = ("quotes", "loaded", "compare")
_FILE_OPTIONS = ("--json", "-h", "--help")


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
