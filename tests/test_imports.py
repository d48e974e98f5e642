"""Imports run one way, top to bottom: no module of the kit imports one that (directly or not) imports it.

Two checks: the import graph read from the source (``ast``) has no cycle, and every module imports in a
fresh Python process, alone and all together in several orders (a circle that Python can half-resolve in
one order often fails in another).
"""
from __future__ import annotations

import ast
import random
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "widgets"


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


MODULES = {module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def _is_type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING")


def _imports(tree: ast.AST):
    """Every import statement, at any depth (function-level ones too), except under ``if TYPE_CHECKING:``."""
    stack = [tree]
    while stack:
        node = stack.pop()
        if isinstance(node, ast.If) and _is_type_checking(node):
            stack.extend(node.orelse)
            continue
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            yield node
        stack.extend(ast.iter_child_nodes(node))


def _resolve(name: str) -> str | None:
    """The kit's module that ``name`` is or is in (``widgets.quotes.find_quotes`` -> ``widgets.quotes``)."""
    while name and name not in MODULES:
        name = name.rpartition(".")[0]
    return name or None


def import_graph() -> dict[str, set[str]]:
    """module -> the kit's modules it imports (a package's ``__init__`` counts as the package)."""
    graph: dict[str, set[str]] = {}
    for name, path in MODULES.items():
        is_package = path.name == "__init__.py"
        edges: set[str] = set()
        for node in _imports(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                targets = [alias.name for alias in node.names]
            else:
                if node.level:
                    base = name.split(".") if is_package else name.split(".")[:-1]
                    base = base[: len(base) - (node.level - 1)]
                    prefix = ".".join(base + ([node.module] if node.module else []))
                else:
                    prefix = node.module or ""
                # "from . import nlp" imports a module; "from .corpus import Article" imports from one.
                targets = [f"{prefix}.{alias.name}" if f"{prefix}.{alias.name}" in MODULES else prefix
                           for alias in node.names]
            for target in targets:
                resolved = _resolve(target)
                if resolved and resolved != name:
                    edges.add(resolved)
        graph[name] = edges
    return graph


def find_cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One cycle in ``graph`` as a list of modules (first == last), or None.

    >>> find_cycle({"a": {"b"}, "b": {"a"}})
    ['a', 'b', 'a']
    >>> find_cycle({"a": {"b"}, "b": set()}) is None
    True
    """
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    path: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        path.append(node)
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == 1:
                return path[path.index(nxt):] + [nxt]
            if nxt not in state:
                found = visit(nxt)
                if found:
                    return found
        path.pop()
        state[node] = 2
        return None

    for node in sorted(graph):
        if node not in state:
            found = visit(node)
            if found:
                return found
    return None


def test_the_cycle_finder_finds_a_cycle():
    assert find_cycle({"x": {"y"}, "y": {"z"}, "z": {"x"}}) == ["x", "y", "z", "x"]
    assert find_cycle({"x": {"y", "z"}, "y": {"z"}, "z": set()}) is None


def test_the_graph_sees_the_imports_it_should():
    graph = import_graph()
    assert "widgets.nlp" in graph["widgets.corpus"]               # from .nlp import MAX_CHARACTERS
    assert "widgets.quotes" in graph["widgets.loaded.matching"]   # from ..quotes import find_quotes
    assert "widgets.quotes.marks" in graph["widgets.quotes.engine"]
    assert "widgets.nlp" in graph["widgets.cli"]                  # from . import nlp
    assert "widgets.loaded" not in graph["widgets.evaluation"]    # only under TYPE_CHECKING


def test_no_import_cycle_in_the_package():
    cycle = find_cycle(import_graph())
    assert cycle is None, "import cycle: " + " -> ".join(cycle)


def test_parsing_knows_text_not_articles():
    assert not {m for m in import_graph()["widgets.nlp"] if m != "widgets.errors"}


def _run(code: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=300)


def test_every_module_imports_alone_in_a_fresh_process():
    # Started together (two at a time would take as long per module as one at a time on two cores).
    procs = {name: subprocess.Popen([sys.executable, "-c", f"import {name}"], cwd=ROOT,
                                    stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
             for name in MODULES if name != "widgets"}
    failed = {}
    for name, proc in procs.items():
        _, err = proc.communicate(timeout=300)
        if proc.returncode:
            failed[name] = err.strip().splitlines()[-1:]
    assert not failed, failed


@pytest.mark.parametrize("order", ["sorted", "reversed", "shuffled"])
def test_all_modules_import_in_any_order(order):
    names = sorted(MODULES)
    if order == "reversed":
        names.reverse()
    elif order == "shuffled":
        random.Random(11).shuffle(names)
    result = _run("import importlib\n" + "".join(f"importlib.import_module({n!r})\n" for n in names))
    assert result.returncode == 0, result.stderr[-2000:]
