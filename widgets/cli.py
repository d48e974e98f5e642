"""The ``medialit`` command.

    medialit check [DATA_DIR]          check the articles and data cards; exit 1 on errors
    medialit quotes [--json] FILE      the quotations in any UTF-8 text file
    medialit compare [--json] FILE FILE [FILE ...]
    medialit loaded [--json] FILE      loaded-language highlights
    medialit build-lessons             make lessons/ from solutions/ (and run them)
    medialit class-report FOLDER       what a class marked: agreement, and where it differs from the tool

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

    p = sub.add_parser("class-report", help="the class view of a folder of students' saved-work files")
    importlib.import_module("widgets.classreport").add_arguments(p)

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
        print(f"Checked {data_dir}: {len(corpus)} articles: no problems found.")
    else:
        print(f"Checked {data_dir}: {len(corpus)} articles load; {errors} errors, {warnings} warnings.")
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
    "class-report": _feature("classreport"),
}


def main(argv: list[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    from . import nlp

    args = _parser().parse_args(argv)
    nlp.set_notice_stream(sys.stderr)  # keep standard output clean for --json
    try:
        return COMMANDS[args.command](args)
    except KitError as err:
        print(f"medialit {args.command}: {err}", file=sys.stderr)
        return 2


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
