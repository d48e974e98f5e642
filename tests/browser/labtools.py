"""Helpers for the browser tests: start and stop JupyterLab, and drive a notebook in Chromium.

Kept apart from conftest.py so test modules can import them (``from labtools import run_all_cells``).
Nothing here imports Playwright at import time: without it, the tests are skipped, not broken.
"""
from __future__ import annotations

import json
import os
import re
import secrets
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
LESSONS = ROOT / "lessons"
ARTIFACTS = ROOT / "tests" / "artifacts"

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
SERVER_START_TIMEOUT = 60
RUN_ALL_TIMEOUT_MS = 120_000


def chromium_path() -> str | None:
    """Debian's Chromium (or ``$MEDIALIT_CHROMIUM``), if installed."""
    candidates = [os.environ.get("MEDIALIT_CHROMIUM"), "/usr/bin/chromium", shutil.which("chromium"),
                  shutil.which("chromium-browser")]
    for c in candidates:
        if c and Path(c).exists():
            return c
    return None


def missing_browser_reason() -> str:
    """Why the browser tests cannot run here ('' if they can)."""
    reasons = []
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        reasons.append("Playwright for Python is not installed (python -m pip install -r requirements-browser.txt)")
    if chromium_path() is None:
        reasons.append("Chromium is not installed (Debian: apt-get install -y chromium)")
    return "; ".join(reasons)


# --------------------------------------------------------------------------------------------------
# JupyterLab server
# --------------------------------------------------------------------------------------------------
LAB_SETTINGS = {
    # Never write notebooks back: running the lessons must not change lessons/.
    "@jupyterlab/docmanager-extension/plugin.jupyterlab-settings": {"autosave": False},
    # No news feed or update check (they would be requests to the internet).
    "@jupyterlab/apputils-extension/notification.jupyterlab-settings": {"fetchNews": "false", "checkForUpdates": False},
}


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class Lab:
    """A running JupyterLab server started by a test fixture."""

    root: Path
    port: int
    token: str
    proc: subprocess.Popen
    log_path: Path
    home: Path

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def url(self, path: str, *, workspace: str) -> str:
        """A URL that opens ``path`` in a fresh workspace (so earlier tests' tabs do not come back)."""
        return f"{self.base}/lab/workspaces/{workspace}/tree/{path}?reset&token={self.token}"

    def api(self, method: str, path: str):
        req = urllib.request.Request(f"{self.base}{path}", method=method,
                                     headers={"Authorization": f"token {self.token}"})
        with urllib.request.urlopen(req, timeout=10) as resp:
            body = resp.read()
        return json.loads(body) if body else None

    def shutdown_kernels(self) -> None:
        """Shut down every notebook session, so kernels (with spaCy loaded) do not pile up in memory."""
        try:
            for session in self.api("GET", "/api/sessions") or []:
                self.api("DELETE", f"/api/sessions/{session['id']}")
        except (OSError, urllib.error.URLError):
            pass

    def log(self) -> str:
        return self.log_path.read_text(encoding="utf-8", errors="replace")


def start_lab(root: Path, *, home: Path, extra_env: dict[str, str] | None = None, test_settings: bool = True,
              extra_args: list[str] | None = None) -> Lab:
    """Start ``jupyter lab`` on 127.0.0.1 with a token; wait until it answers.

    With ``test_settings=False`` JupyterLab gets none of the test-only settings above (no autosave switch,
    no news or update switches): it runs with what the kit installs, as a student's does.
    """
    for rel, settings in (LAB_SETTINGS.items() if test_settings else ()):
        p = home / "settings" / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(json.dumps(settings), encoding="utf-8")
    for sub in ("settings", "workspaces", "runtime", "config", "data", "ipython", "checkpoints"):
        (home / sub).mkdir(parents=True, exist_ok=True)
    env = dict(os.environ)
    env.update({
        "JUPYTERLAB_SETTINGS_DIR": str(home / "settings"),
        "JUPYTERLAB_WORKSPACES_DIR": str(home / "workspaces"),
        "JUPYTER_RUNTIME_DIR": str(home / "runtime"),
        "JUPYTER_CONFIG_DIR": str(home / "config"),
        "JUPYTER_DATA_DIR": str(home / "data"),
        "IPYTHONDIR": str(home / "ipython"),
        "PYTHONDONTWRITEBYTECODE": "1",
    })
    env.pop("MEDIALIT_DATA", None)
    env.update(extra_env or {})
    port, token = _free_port(), secrets.token_hex(16)
    log_path = home / "jupyterlab.log"
    cmd = [sys.executable, "-m", "jupyter", "lab", "--no-browser", "--allow-root",
           "--ServerApp.ip=127.0.0.1", f"--ServerApp.port={port}", "--ServerApp.port_retries=0",
           f"--IdentityProvider.token={token}", f"--ServerApp.root_dir={root}",
           # Checkpoints (JupyterLab makes one when it opens a file) go to the temporary folder, not lessons/.
           f"--FileCheckpoints.checkpoint_dir={home / 'checkpoints'}"]
    if test_settings:
        cmd += ["--LabApp.news_url=", "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate"]
    cmd += extra_args or []
    log = open(log_path, "w", encoding="utf-8")  # noqa: SIM115 - closed when the server stops
    proc = subprocess.Popen(cmd, cwd=str(root), env=env, stdout=log, stderr=subprocess.STDOUT)
    lab = Lab(root=root, port=port, token=token, proc=proc, log_path=log_path, home=home)
    deadline = time.monotonic() + SERVER_START_TIMEOUT
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"jupyter lab exited with code {proc.returncode}:\n{lab.log()}")
        try:
            lab.api("GET", "/api/status")
            return lab
        except (OSError, urllib.error.URLError):
            time.sleep(0.3)
    stop_lab(lab)
    raise RuntimeError(f"jupyter lab did not answer within {SERVER_START_TIMEOUT} s:\n{lab.log()}")


def stop_lab(lab: Lab) -> None:
    """Stop the server by its own PID: terminate, then kill after a timeout."""
    lab.shutdown_kernels()
    if lab.proc.poll() is None:
        lab.proc.terminate()
        try:
            lab.proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            lab.proc.kill()
            lab.proc.wait(timeout=10)


@dataclass
class Blocked:
    """Requests the page tried to make to anything but 127.0.0.1 (all aborted)."""

    urls: list[str] = field(default_factory=list)

    def since(self, n: int) -> list[str]:
        return self.urls[n:]


def is_local(url: str) -> bool:
    return bool(re.match(r"^(https?|wss?)://(127\.0\.0\.1|localhost)(:\d+)?/", url)) or url.startswith(("data:", "blob:", "about:", "file:"))


# --------------------------------------------------------------------------------------------------
# Driving a notebook
# --------------------------------------------------------------------------------------------------
STDERR = '.jp-OutputArea-output[data-mime-type="application/vnd.jupyter.stderr"]'
ERROR_WORDS = re.compile(r"Traceback|\b\w*Error\b|\bException\b")
VEGA_ERROR_WORDS = re.compile(r"Javascript Error|Error: |Unrecognized|Invalid specification|Unable to|Cannot read", re.I)


def open_notebook(page, lab: Lab, path: str, *, workspace: str) -> None:
    """Open a notebook in a fresh workspace and wait until its kernel is idle."""
    page.goto(lab.url(path, workspace=workspace), wait_until="domcontentloaded")
    page.wait_for_selector(".jp-NotebookPanel .jp-Notebook .jp-Cell", timeout=60_000)
    wait_kernel_idle(page)


def wait_kernel_idle(page, timeout_ms: int = 60_000) -> None:
    """Wait until the notebook has a kernel and it is idle.

    The execution indicator already says "idle" while the toolbar still says "No Kernel"; Run All clicked
    then asks JupyterLab to start a kernel and can leave a "Select Kernel" dialog over the page."""
    page.wait_for_function(
        """() => {
            const panel = '.jp-NotebookPanel:not(.lm-mod-hidden)';
            const s = document.querySelector(panel + ' .jp-Notebook-ExecutionIndicator');
            const name = document.querySelector(panel + ' .jp-Toolbar-kernelName');
            return s && s.getAttribute('data-status') === 'idle'
                && name && name.textContent.trim() !== '' && !/No Kernel/.test(name.textContent);
        }""",
        timeout=timeout_ms,
    )


def _menu(page, menu: str, item: str) -> None:
    """Click ``menu`` in the menu bar, wait until ``item`` is enabled, and click it."""
    page.locator(".lm-MenuBar-itemLabel", has_text=re.compile(f"^{re.escape(menu)}$")).click()
    entry = page.locator(".lm-Menu-item:not(.lm-mod-disabled)",
                         has=page.locator(".lm-Menu-itemLabel", has_text=re.compile(f"^{re.escape(item)}$")))
    entry.wait_for(state="visible", timeout=15_000)
    entry.click()


_RUN_STATE_JS = """() => {
    const panel = '.jp-NotebookPanel:not(.lm-mod-hidden)';
    const prompts = [...document.querySelectorAll(panel + ' .jp-CodeCell .jp-InputPrompt')].map(p => p.textContent);
    const s = document.querySelector(panel + ' .jp-Notebook-ExecutionIndicator');
    return {total: prompts.length,
            running: prompts.filter(p => p.includes('*')).length,
            numbered: prompts.filter(p => /\\[\\d+\\]/.test(p)).length,
            idle: !!s && s.getAttribute('data-status') === 'idle',
            failed: document.querySelector(panel + ' .jp-OutputArea-output[data-mime-type="application/vnd.jupyter.stderr"]') !== null
                    && [...document.querySelectorAll(panel + ' .jp-OutputArea-output[data-mime-type="application/vnd.jupyter.stderr"]')]
                       .some(e => /Traceback|Error/.test(e.textContent))};
}"""


def run_all_cells(page, *, timeout_ms: int = RUN_ALL_TIMEOUT_MS) -> None:
    """Clear the stored outputs (Edit menu), then Run > Run All Cells, and wait until every code cell has
    run: no cell shows [*], every prompt has a number, and the kernel is idle (or a cell failed: Run All
    stops there, and the test reports the error).

    Clearing first makes every output on the page come from this run, and makes the wait exact (a fresh
    kernel numbers cells from 1, like the stored outputs, so numbers alone would not tell). If the run
    stalls with cells not run and nothing running (a click that came while the new kernel was still
    connecting), Run All is chosen again, at most three times.
    """
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    # The first click after a fresh JupyterLab start can land before the notebook listens: try again.
    for attempt in range(3):
        _menu(page, "Edit", "Clear Outputs of All Cells")
        try:
            page.wait_for_function(
                """() => [...document.querySelectorAll('.jp-NotebookPanel:not(.lm-mod-hidden) .jp-CodeCell .jp-InputPrompt')]
                         .every(p => !/\\d/.test(p.textContent))""", timeout=10_000)
            break
        except PlaywrightTimeout:
            if attempt == 2:
                raise
            page.keyboard.press("Escape")
    _menu(page, "Run", "Run All Cells")
    deadline = time.monotonic() + timeout_ms / 1000
    stalled_since, retries = None, 0
    while time.monotonic() < deadline:
        state = page.evaluate(_RUN_STATE_JS)
        if not state["running"] and state["idle"]:
            if state["total"] and (state["numbered"] == state["total"] or state["failed"]):
                return
            stalled_since = stalled_since or time.monotonic()
            if time.monotonic() - stalled_since > 4 and retries < 3:
                retries += 1
                page.keyboard.press("Escape")
                _menu(page, "Run", "Run All Cells")
                stalled_since = None
        else:
            stalled_since = None
        time.sleep(0.25)
    raise TimeoutError(f"Run All Cells did not finish in {timeout_ms / 1000:.0f} s: {page.evaluate(_RUN_STATE_JS)}")


def cell_errors(page) -> list[str]:
    """Text of every stderr/error output that reads like an error, in the notebook shown."""
    return [t for t in stderr_texts(page) if ERROR_WORDS.search(t)]


def stderr_texts(page) -> list[str]:
    """Text of every stderr output (warnings included) in the notebook shown.

    ``textContent``, not ``innerText``: cells scrolled out of view are not rendered (content-visibility),
    and innerText of an unrendered element is empty.
    """
    return all_text(page.locator(f".jp-NotebookPanel:not(.lm-mod-hidden) {STDERR}"))


def all_text(locator) -> list[str]:
    """``textContent`` of every element the locator matches (also for cells scrolled out of view)."""
    return locator.evaluate_all("els => els.map(e => e.textContent)")


def view_signature(view) -> tuple:
    """What a view currently shows: how many marks, and all its visible HTML text."""
    return view.evaluate(
        """el => [el.querySelectorAll('mark.ml-mark').length,
                  [...el.querySelectorAll('.widget-html-content, .widget-output')].map(e => e.textContent).join('\\n')]"""
    )


def wait_for_change(view, before, *, timeout_s: float = 20.0):
    """Wait until the view's signature differs from ``before``; return the new one (or the old one)."""
    deadline = time.monotonic() + timeout_s
    now = view_signature(view)
    while now == before and time.monotonic() < deadline:
        time.sleep(0.1)
        now = view_signature(view)
    return now


def screenshot(page, name: str, *, element=None) -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    if element is not None:
        element.evaluate("e => e.scrollIntoView({block: 'start'})")
        page.wait_for_timeout(300)
    page.screenshot(path=str(path))
    return path


# --------------------------------------------------------------------------------------------------
# Generated notebooks (for views and hostile input), written outside the repository
# --------------------------------------------------------------------------------------------------
PANEL = ".jp-NotebookPanel:not(.lm-mod-hidden)"
WIDGET_ROOTS = f"{PANEL} .jp-OutputArea-output > .jupyter-widgets"

_KWARGS_HELPER = '''import inspect

def view_options(cls, article_id=None, other_id="xi-invites-putin"):
    """Constructor options that show article_id in any view (views differ: one article, or several)."""
    params = inspect.signature(cls).parameters
    if article_id and "article_id" in params:
        return {"article_id": article_id}
    if article_id and "article_ids" in params:
        return {"article_ids": [article_id, other_id]}
    return {}'''


def existing_views() -> list[str]:
    """The view classes listed in ``widgets.views._VIEWS`` that exist (lessons land one by one)."""
    import importlib

    from widgets.views import _VIEWS

    names = []
    for name, module in _VIEWS.items():
        try:
            mod = importlib.import_module(f"widgets.views.{module}")
        except ImportError:
            continue
        if hasattr(mod, name):
            names.append(name)
    return names


def write_notebook(path: Path, cells: list[str]) -> Path:
    """Write a notebook of code cells (Python 3 kernel)."""
    import nbformat

    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell(src) for src in cells]
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3 (ipykernel)", "language": "python"}
    nbformat.write(nb, path)
    return path


def views_notebook(path: Path, views: list[str], *, article_id: str | None = None, extra: list[str] = ()) -> Path:
    """A notebook with one cell per view (showing ``article_id`` where the view takes one), then ``extra`` cells."""
    cells = [_KWARGS_HELPER]
    cells += [f"from widgets.views import {v}\n{v}(**view_options({v}, {article_id!r}))" for v in views]
    return write_notebook(path, cells + list(extra))


def select_cell_of(page, view) -> None:
    """Select (command mode) the notebook cell that holds ``view``, as a student does by clicking its prompt.

    Focus is dropped first: JupyterLab leaves focus where it is if it is already inside the cell.
    """
    page.evaluate("() => document.activeElement && document.activeElement.blur()")
    view.locator("xpath=ancestor::div[contains(@class,'jp-CodeCell')][1]//div[contains(@class,'jp-InputPrompt')]").first.click()


CONTROLS = "select, input[type=checkbox], button, .lm-TabBar-tab, input[type=text], textarea"


def tab_through(page, view, *, max_presses: int = 80) -> list[dict]:
    """Press Tab from the view's cell until focus has passed through the view; return the controls reached.

    Each control of the view is tagged first (``data-kb``), so the order and identity of what Tab reaches
    can be read back.
    """
    view.evaluate(f"""el => [...el.querySelectorAll({CONTROLS!r})].forEach((c, i) => c.dataset.kb = String(i))""")
    select_cell_of(page, view)
    reached: list[dict] = []
    inside_seen = False
    for _ in range(max_presses):
        page.keyboard.press("Tab")
        info = page.evaluate("""() => { const a = document.activeElement;
            return a ? {kb: a.dataset ? a.dataset.kb : undefined, tag: a.tagName, type: a.type || '',
                        text: (a.textContent || a.value || '').trim().slice(0, 40)} : {}; }""")
        # Focus on something of the view that is not a tagged control (the marking widget's text) is still inside.
        inside = view.evaluate("(el) => el.contains(document.activeElement)")
        if inside:
            inside_seen = True
            if info.get("kb") is not None:
                reached.append(info)
        elif inside_seen:
            break
    return reached


def visible_controls(view) -> list[dict]:
    """Every visible control of the view (tagged by :func:`tab_through`), for comparison."""
    return view.evaluate(f"""el => [...el.querySelectorAll({CONTROLS!r})]
        .filter(c => c.offsetParent !== null && !c.disabled && getComputedStyle(c).visibility !== 'hidden')
        .map(c => ({{kb: c.dataset.kb, tag: c.tagName, type: c.type || '', size: c.size || 0,
                     text: (c.textContent || '').trim().slice(0, 40)}}))""")
