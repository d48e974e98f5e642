"""The medialit command: check exits non-zero on errors; bad files give one friendly line."""
from __future__ import annotations

import subprocess
import sys

from widgets.cli import main


def test_check_passes_on_the_kit_data(capsys):
    assert main(["check"]) == 0
    assert "no problems found" in capsys.readouterr().out


def test_check_fails_on_errors_and_lists_them(tmp_path, capsys):
    (tmp_path / "articles").mkdir()
    (tmp_path / "articles" / "empty.txt").write_bytes(b"")
    (tmp_path / "articles.csv").write_text("id,file\nx,missing.txt\n", encoding="utf-8")
    assert main(["check", str(tmp_path)]) == 1
    out = capsys.readouterr().out
    assert "empty.txt" in out and "missing.txt" in out and "2 errors" in out


def test_console_script_is_installed():
    from pathlib import Path

    script = Path(sys.executable).parent / "medialit"  # the console script pip put next to this Python
    assert script.exists(), f"{script} is missing: reinstall with python -m pip install -r requirements.txt"
    result = subprocess.run([str(script), "check"], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert "no problems found" in result.stdout


def test_build_lessons_check_mode(capsys):
    assert main(["build-lessons", "--check"]) == 0
    assert "in step" in capsys.readouterr().out
