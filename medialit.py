"""The kit's front door: check that ``import widgets`` gives this kit, then set up a notebook
(:func:`setup_notebook`) or run the ``medialit`` command (:func:`main`).

The kit's helper package has to be called ``widgets``, a name something else can take first: a file
``widgets.py`` or a folder ``widgets`` next to a notebook, or another installed package of that name.
Then every lesson fails with puzzling errors, and the kit's own code never runs to explain why. This
module's name is the kit's alone, so it can look before anything imports ``widgets`` and say what is in
the way and how to fix it.

>>> kit_problem()
''
"""
from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

#: The marker the kit's ``widgets`` package carries (``widgets.KIT_NAME``).
KIT_NAME = "medialit-kit"
#: Where this kit's ``widgets`` package is: next to this file, in the same installation.
KIT_PACKAGE = Path(__file__).resolve().parent / "widgets"
SHADOW_FIX = ("Rename or remove it (a file widgets.py or a folder widgets next to your notebook: rename it, e.g. "
              "my_widgets.py; another installed package called widgets: pip uninstall it), then restart the kernel "
              "(Kernel > Restart Kernel) or run the command again.")


class KitNotFoundError(ImportError):
    """``import widgets`` would not give the kit's own package."""


def _where_widgets_comes_from() -> tuple[str | None, str | None]:
    """(the file ``import widgets`` gives or would give, or the folder of a namespace package; its
    ``KIT_NAME`` if it is imported already, else None)."""
    module = sys.modules.get("widgets")
    if module is not None:
        folders = list(getattr(module, "__path__", []))
        return getattr(module, "__file__", None) or (folders[0] if folders else None), getattr(module, "KIT_NAME", "")
    try:
        spec = importlib.util.find_spec("widgets")
    except (ImportError, ValueError):
        spec = None
    if spec is None:
        return None, None
    origin = spec.origin if spec.origin not in (None, "namespace") else None
    folders = list(spec.submodule_search_locations or [])
    return origin or (folders[0] if folders else None), None


def kit_problem() -> str:
    """'' if ``import widgets`` gives this kit's package; else what is in the way, in plain words.

    Looks without importing a stranger's code: the import system is asked where ``widgets`` would come from.

    >>> kit_problem()
    ''
    """
    origin, marker = _where_widgets_comes_from()
    if origin is None:
        return (f"The kit's helper package (widgets) cannot be found, so nothing of the kit can run. It should be "
                f"at {KIT_PACKAGE}.")
    expected = KIT_PACKAGE / "__init__.py"
    if Path(origin).resolve() != expected.resolve() or marker not in (None, KIT_NAME):
        return (f"Another package called widgets is in the way of the kit's own: `import widgets` gives {origin}, "
                f"not {expected}, so the lessons and the medialit command cannot work.")
    return ""


def setup_notebook() -> None:
    """Set up a lesson notebook: check the kit is the ``widgets`` Python finds, and show the kit's expected
    errors (a typo in an article id, a broken data file) as one friendly line instead of a traceback.

    Call it in the first cell of a notebook; calling it again does no harm. Raises
    :class:`KitNotFoundError` saying what to fix when another ``widgets`` is in the way.

    >>> setup_notebook()   # outside Jupyter there is nothing to set up, and it prints nothing
    """
    problem = kit_problem()
    if problem:
        raise KitNotFoundError(f"{problem} Fix: {SHADOW_FIX}")
    from widgets.errors import install_friendly_errors

    install_friendly_errors()


def main(argv: list[str] | None = None) -> int:
    """The ``medialit`` command: the same check, then :func:`widgets.cli.main` (returns the exit code)."""
    problem = kit_problem()
    if problem:
        print(f"medialit: {problem} Fix: {SHADOW_FIX}", file=sys.stderr)
        return 2
    from widgets.cli import main as cli_main

    return cli_main(argv)


__all__ = ["KIT_NAME", "KitNotFoundError", "kit_problem", "main", "setup_notebook"]

if __name__ == "__main__":  # pragma: no cover - python -m medialit
    sys.exit(main())
