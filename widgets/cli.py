"""The ``medialit`` command.

    medialit check [DATA_DIR]          check the articles and data cards; exit 1 on errors
    medialit quotes [--json] FILE      the quotations in any UTF-8 text file
    medialit compare [--json] FILE FILE [FILE ...]
    medialit loaded [--json] FILE      loaded-language highlights
    medialit build-lessons             make lessons/ from solutions/ (and run them)

>>> main(["check"])
Checked ... 5 articles: no problems found.
0
"""
from __future__ import annotations

import argparse
import importlib
import sys
from pathlib import Path

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

    p = sub.add_parser("check", help="check the articles and their data cards; exit 1 if there are errors")
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

    p = sub.add_parser("build-lessons", help="generate lessons/ from solutions/ and execute both")
    p.add_argument("--no-execute", action="store_true", help="only generate, do not run the notebooks")
    p.add_argument("--check", action="store_true", help="only report whether lessons/ is out of step; exit 1 if so")
    p.add_argument("--root", default=None, help="the kit's folder (default: found from the package)")
    p.add_argument("--only", action="append", default=None, metavar="TEXT",
                   help="only notebooks whose name contains TEXT (e.g. --only 02); repeat for more")
    return parser


def _check(args) -> int:
    from .corpus import check_data_dir, default_data_dir

    data_dir = Path(args.data_dir) if args.data_dir else default_data_dir()
    corpus = check_data_dir(data_dir)
    for problem in corpus.problems:
        print(problem)
    errors, warnings = len(corpus.errors), len(corpus.warnings)
    if not corpus.problems:
        print(f"Checked {data_dir}: {plural(len(corpus), 'article')}: no problems found.")
    else:
        print(f"Checked {data_dir}: {plural(len(corpus), 'article loads', 'articles load')}; "
              f"{plural(errors, 'error')}, {plural(warnings, 'warning')}.")
    return 1 if errors else 0


def _feature(module: str):
    def run(args) -> int:
        return importlib.import_module(f"widgets.{module}").command(args)

    return run


def _build_lessons(args) -> int:
    from .notebooks import build_lessons_command

    return build_lessons_command(args)


COMMANDS = {
    "check": _check,
    "quotes": _feature("quotes"),
    "loaded": _feature("loaded"),
    "compare": _feature("compare"),
    "build-lessons": _build_lessons,
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
    """Run the command line; returns the exit code."""
    from . import nlp

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
