"""Make the student lessons from the solution notebooks: ``medialit build-lessons``.

``solutions/NN-name.ipynb`` is the one source. In it, solution code sits between ``### BEGIN SOLUTION``
and ``### END SOLUTION`` lines (the nbgrader convention). The lesson keeps everything else, and:

- replaces each solution block with a placeholder that runs without error (``answer = ...``);
- removes cells tagged ``teacher``;
- clears the outputs of exercise cells (then running the lesson fills in "not answered yet").

>>> print(lesson_source('''x = 1
... ### BEGIN SOLUTION
... answer = "Shift+Enter"
... ### END SOLUTION
... check("0.1", answer)'''))
x = 1
answer = ...  # YOUR ANSWER HERE
check("0.1", answer)
"""
from __future__ import annotations

import copy
import re
import sys
from pathlib import Path

BEGIN = "### BEGIN SOLUTION"
END = "### END SOLUTION"
TEACHER_TAG = "teacher"
EXERCISE_TAG = "exercise"
PLACEHOLDER = "...  # YOUR ANSWER HERE"
MARKDOWN_PLACEHOLDER = "*Write your answer here.*"
_ASSIGNMENT = re.compile(r"^(\s*)([A-Za-z_]\w*)\s*=(?!=)")


def kit_root() -> Path:
    """The kit's folder (the one holding ``lessons/`` and ``solutions/``).

    >>> sorted(p.name for p in kit_root().iterdir() if p.name in ("lessons", "solutions"))
    ['lessons', 'solutions']
    """
    return Path(__file__).resolve().parent.parent


def _placeholder(block: list[str], *, markdown: bool) -> list[str]:
    if markdown:
        return [MARKDOWN_PLACEHOLDER]
    out, seen = [], set()
    for line in block:
        m = _ASSIGNMENT.match(line)
        if m and m.group(2) not in seen:
            seen.add(m.group(2))
            out.append(f"{m.group(1)}{m.group(2)} = {PLACEHOLDER}")
    if not out:
        indent = re.match(r"^(\s*)", block[0]).group(1) if block else ""
        out = [f"{indent}# YOUR CODE HERE", f"{indent}pass"]
    return out


def lesson_source(source: str, *, markdown: bool = False) -> str:
    """A cell's source with every solution block replaced by its placeholder.

    >>> print(lesson_source("### BEGIN SOLUTION\\nanswer = 42\\n### END SOLUTION\\ncheck('1.1', answer)"))
    answer = ...  # YOUR ANSWER HERE
    check('1.1', answer)
    >>> lesson_source("### BEGIN SOLUTION\\nThe WSWS.\\n### END SOLUTION", markdown=True)
    '*Write your answer here.*'
    """
    lines = source.split("\n")
    out: list[str] = []
    block: list[str] | None = None
    for line in lines:
        stripped = line.strip()
        if stripped == BEGIN and block is None:
            block = []
        elif stripped == END and block is not None:
            out += _placeholder(block, markdown=markdown)
            block = None
        elif block is not None:
            block.append(line)
        else:
            out.append(line)
    if block is not None:  # an unclosed block: keep the student safe, hide it anyway
        out += _placeholder(block, markdown=markdown)
    return "\n".join(out)


def has_solution(source: str) -> bool:
    """True if a cell's source holds a solution block.

    >>> has_solution("x = 1\\n### BEGIN SOLUTION\\nx = 2\\n### END SOLUTION"), has_solution("x = 1")
    (True, False)
    """
    return any(line.strip() == BEGIN for line in source.split("\n"))


def make_lesson(solution_nb):
    """The lesson notebook (an nbformat node) made from a solution notebook.

    Teacher cells go; solution blocks become placeholders; exercise outputs are cleared.

    >>> import nbformat
    >>> nb = nbformat.v4.new_notebook(cells=[
    ...     nbformat.v4.new_code_cell("### BEGIN SOLUTION\\nanswer = 'b'\\n### END SOLUTION"),
    ...     nbformat.v4.new_markdown_cell("For teachers", metadata={"tags": ["teacher"]})])
    >>> [c.source for c in make_lesson(nb).cells]
    ['answer = ...  # YOUR ANSWER HERE']
    """
    nb = copy.deepcopy(solution_nb)
    cells = []
    for cell in nb.cells:
        tags = cell.get("metadata", {}).get("tags", [])
        if TEACHER_TAG in tags:
            continue
        if has_solution(cell.source):
            cell.source = lesson_source(cell.source, markdown=cell.cell_type == "markdown")
            if cell.cell_type == "code":
                cell.outputs = []
                cell.execution_count = None
                if EXERCISE_TAG not in tags:
                    cell.setdefault("metadata", {}).setdefault("tags", []).append(EXERCISE_TAG)
        cells.append(cell)
    nb.cells = cells
    return nb


def _shape(nb) -> list[tuple]:
    """What must match between a generated lesson and the stored one (not outputs: those are run)."""
    return [(c.cell_type, c.source, tuple(c.get("metadata", {}).get("tags", []))) for c in nb.cells]


def out_of_step(root: Path | None = None) -> list[str]:
    """Lessons that do not match their solution notebook (or are missing, or have no solution).

    >>> out_of_step()   # the shipped lessons are in step with solutions/
    []
    """
    import nbformat

    root = root or kit_root()
    problems = []
    solutions = {p.name: p for p in sorted((root / "solutions").glob("*.ipynb"))}
    lessons = {p.name: p for p in sorted((root / "lessons").glob("*.ipynb"))}
    for name, path in solutions.items():
        if name not in lessons:
            problems.append(f"lessons/{name} is missing")
            continue
        expected = make_lesson(nbformat.read(path, as_version=4))
        actual = nbformat.read(lessons[name], as_version=4)
        if _shape(expected) != _shape(actual):
            problems.append(f"lessons/{name} differs from what solutions/{name} generates")
    for name in lessons:
        if name not in solutions:
            problems.append(f"lessons/{name} has no solutions/{name}")
    return problems


def execute(path: Path, *, timeout: int = 300) -> None:
    """Run a notebook top to bottom in its own folder and save it with fresh outputs.

    >>> import nbformat, tempfile
    >>> path = Path(tempfile.mkdtemp()) / "tiny.ipynb"
    >>> nbformat.write(nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("print(6 * 7)")]), path)
    >>> execute(path)
    >>> nbformat.read(path, as_version=4).cells[0].outputs[0]["text"]
    '42\\n'
    """
    import nbformat
    from nbclient import NotebookClient

    nb = nbformat.read(path, as_version=4)
    client = NotebookClient(nb, timeout=timeout, kernel_name="python3", resources={"metadata": {"path": str(path.parent)}})
    client.execute()
    nbformat.write(nb, path)


def build_lessons(root: Path | None = None, *, run: bool = True, only: list[str] | None = None) -> list[Path]:
    """Generate ``lessons/`` from ``solutions/`` (and, with ``run``, execute and save both).

    Returns the lesson files written.

    >>> import shutil, tempfile
    >>> root = Path(tempfile.mkdtemp())
    >>> _ = shutil.copytree(kit_root() / "solutions", root / "solutions")
    >>> [p.name for p in build_lessons(root, run=False, only=["00"])]
    ['00-start-here.ipynb']
    """
    import nbformat

    root = root or kit_root()
    written = []
    for path in sorted((root / "solutions").glob("*.ipynb")):
        if only and not any(o in path.name for o in only):
            continue
        if run:
            print(f"running solutions/{path.name}", file=sys.stderr)
            execute(path)
        lesson = make_lesson(nbformat.read(path, as_version=4))
        target = root / "lessons" / path.name
        target.parent.mkdir(exist_ok=True)
        nbformat.write(lesson, target)
        if run:
            print(f"running lessons/{path.name}", file=sys.stderr)
            execute(target)
        written.append(target)
    return written


def build_lessons_command(args) -> int:
    """``medialit build-lessons``: generate (and run) the lessons, or with ``--check`` say which are out of step.

    >>> import argparse
    >>> build_lessons_command(argparse.Namespace(root=None, check=True, only=None, no_execute=False))
    lessons/ is in step with solutions/.
    0
    """
    root = Path(args.root) if args.root else kit_root()
    if args.check:
        problems = out_of_step(root)
        for p in problems:
            print(p)
        if problems:
            print("Fix: run `medialit build-lessons` to regenerate lessons/ from solutions/.")
            return 1
        print("lessons/ is in step with solutions/.")
        return 0
    for target in build_lessons(root, run=not args.no_execute, only=args.only):
        print(f"wrote {target.relative_to(root)}")
    return 0


__all__ = ["build_lessons", "execute", "lesson_source", "make_lesson", "out_of_step"]
