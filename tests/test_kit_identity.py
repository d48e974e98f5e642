"""What the package is, and what importing it does (issue 11 items 5 and 7).

- ``import widgets`` is this kit (its file is under the repository's ``widgets/``, it carries ``KIT_NAME``);
- importing it changes nothing outside it: no IPython exception handler is installed or replaced;
- ``medialit.setup_notebook()`` (a lesson's first cell) turns the friendly messages on, keeps another
  library's handler working, and is safe to repeat;
- when another ``widgets`` is in the way (first on ``sys.path``, or a ``widgets.py`` next to the notebook),
  the lessons' first cell and the ``medialit`` command say so in plain words instead of failing obscurely.
"""
from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

import medialit
import widgets

ROOT = Path(__file__).resolve().parents[1]


def run(code: str, *, cwd: Path | None = None, pythonpath: Path | None = None) -> subprocess.CompletedProcess:
    env = dict(os.environ)
    if pythonpath is not None:
        env["PYTHONPATH"] = str(pythonpath)
    return subprocess.run([sys.executable, "-c", textwrap.dedent(code)], capture_output=True, text=True,
                          cwd=cwd or ROOT, env=env, timeout=300)


def test_import_widgets_is_this_kit():
    assert Path(widgets.__file__).resolve() == ROOT / "widgets" / "__init__.py"
    assert widgets.KIT_NAME == "medialit-kit" == medialit.KIT_NAME
    assert medialit.kit_problem() == ""


def test_importing_the_kit_leaves_ipython_exception_handlers_alone():
    result = run("""
        from IPython.core.interactiveshell import InteractiveShell
        shell = InteractiveShell.instance()
        def theirs(self, etype, value, tb, tb_offset=None):
            return ["theirs"]
        shell.set_custom_exc((ValueError,), theirs)
        before = (shell.CustomTB, shell.custom_exceptions)
        import widgets, widgets.corpus, widgets.quotes, widgets.loaded, widgets.compare, widgets.views, widgets.charts
        import widgets.export, widgets.cli, widgets.exercises
        assert (shell.CustomTB, shell.custom_exceptions) == before, "import changed the exception handler"
        print("untouched")
    """)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "untouched"


def test_setup_notebook_chains_to_another_handler_and_is_idempotent():
    result = run("""
        from IPython.core.interactiveshell import InteractiveShell
        shell = InteractiveShell.instance()
        def theirs(self, etype, value, tb, tb_offset=None):
            print("their handler:", value)
            return []
        shell.set_custom_exc((ValueError,), theirs)
        import medialit
        medialit.setup_notebook()
        installed = shell.CustomTB
        medialit.setup_notebook()
        assert shell.CustomTB is installed, "a second call installed a second handler"
        shell.run_cell('raise ValueError("plain value error")')
        shell.run_cell('from widgets import load_corpus\\nload_corpus()["no-such-article"]')
        shell.run_cell('1/0')
    """)
    assert result.returncode == 0, result.stderr
    out = result.stdout + result.stderr
    assert "their handler: plain value error" in out
    assert 'Problem: There is no article with the id "no-such-article". Fix: Use one of these ids:' in out
    assert "ZeroDivisionError" in out  # anything else still gets IPython's traceback
    assert out.count("KitError") == 0


def _fake_widgets(folder: Path) -> Path:
    package = folder / "widgets"
    package.mkdir(parents=True)
    (package / "__init__.py").write_text("print('another widgets package')\n", encoding="utf-8")
    return folder


def test_setup_notebook_says_when_another_widgets_package_comes_first(tmp_path):
    fake = _fake_widgets(tmp_path / "site")
    result = run("import medialit\nmedialit.setup_notebook()", pythonpath=fake, cwd=tmp_path)
    assert result.returncode != 0
    last = result.stderr.strip().splitlines()[-1]
    assert last.startswith("medialit.KitNotFoundError: Another package called widgets is in the way of the kit's "
                           f"own: `import widgets` gives {fake / 'widgets' / '__init__.py'}, not "
                           f"{ROOT / 'widgets' / '__init__.py'}"), last
    assert "Fix: Rename or remove it" in last
    assert "another widgets package" not in result.stdout  # the stranger's code was never run


def test_a_widgets_py_next_to_the_notebook_is_named(tmp_path):
    (tmp_path / "widgets.py").write_text("x = 1\n", encoding="utf-8")
    result = run("import medialit\nmedialit.setup_notebook()", cwd=tmp_path)
    assert result.returncode != 0
    assert f"`import widgets` gives {tmp_path / 'widgets.py'}" in result.stderr


def test_a_plain_folder_called_widgets_next_to_the_notebook_is_named(tmp_path):
    (tmp_path / "widgets").mkdir()  # no __init__.py: Python would import it as an empty namespace package
    result = run("import medialit\nmedialit.setup_notebook()", cwd=tmp_path)
    assert result.returncode != 0
    assert f"`import widgets` gives {tmp_path / 'widgets'}" in result.stderr


def test_a_stranger_already_imported_as_widgets_is_named(tmp_path):
    fake = _fake_widgets(tmp_path / "site")
    result = run("import widgets\nimport medialit\nmedialit.setup_notebook()", pythonpath=fake, cwd=tmp_path)
    assert "Another package called widgets is in the way" in result.stderr


@pytest.mark.parametrize("command", [[sys.executable, "-m", "medialit", "check"],
                                     [str(Path(sys.executable).parent / "medialit"), "check"]],
                         ids=["python -m medialit", "console script"])
def test_the_medialit_command_says_when_another_widgets_package_comes_first(tmp_path, command):
    if not Path(command[0]).exists():
        pytest.skip("the medialit console script is not installed next to this Python")
    fake = _fake_widgets(tmp_path / "site")
    env = dict(os.environ, PYTHONPATH=str(fake))
    result = subprocess.run(command, capture_output=True, text=True, cwd=tmp_path, env=env, timeout=120)
    assert result.returncode == 2, result.stderr
    assert result.stderr.startswith("medialit: Another package called widgets is in the way of the kit's own: "
                                    f"`import widgets` gives {fake / 'widgets' / '__init__.py'}"), result.stderr
    assert result.stdout == ""
