"""Every public function in the package shows how it is used (issue 11 item 6).

A ``>>>`` example in the docstring is run by the doctests, so it is also a test that cannot go stale.
"""
import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "widgets"


def functions_without_an_example(package: Path = PACKAGE) -> list[str]:
    """``module:function`` for every public top-level function whose docstring has no ``>>>`` example."""
    missing = []
    for path in sorted(package.rglob("*.py")):
        for node in ast.parse(path.read_text(encoding="utf-8")).body:
            if isinstance(node, ast.FunctionDef) and not node.name.startswith("_"):
                if ">>>" not in (ast.get_docstring(node) or ""):
                    missing.append(f"{path.relative_to(package.parent)}:{node.name}")
    return missing


def test_every_public_function_has_a_runnable_example():
    missing = functions_without_an_example()
    assert not missing, f"{len(missing)} public functions have no >>> example: {missing}"


def test_the_scan_finds_a_function_without_an_example(tmp_path):
    (tmp_path / "mod.py").write_text('def shown():\n    """>>> 1\n    1"""\n\n\ndef bare():\n    """No example."""\n'
                                     "\n\ndef _private():\n    pass\n")
    assert functions_without_an_example(tmp_path) == [f"{tmp_path.name}/mod.py:bare"]
