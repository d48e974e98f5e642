"""JupyterLab in a real browser: server fixtures, a Chromium fixture, and the skip rule.

- The tests are skipped (with the reason) when Playwright or Chromium is missing, so the README's test
  command passes on a student's machine. ``.ci/run`` installs both and sets ``MEDIALIT_REQUIRE_BROWSER=1``,
  which turns a missing browser into a failure instead of a skip.
- Chromium is Debian's (``/usr/bin/chromium``, or ``$MEDIALIT_CHROMIUM``), never a downloaded one, with a
  new empty profile.
- Every request the page makes to anything but 127.0.0.1 is aborted and recorded; each test asserts that
  there were none (the lessons must work offline).
- JupyterLab runs with its own settings, workspaces, runtime and data folders in a temporary directory,
  with autosave off, so opening and running the lessons never writes to the repository (checked at the
  end of each lesson's test: the notebook is byte-for-byte unchanged and no checkpoint folder appeared). It is stopped by its own PID.
"""
from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from labtools import (
    CHROMIUM_ARGS,
    ROOT,
    Blocked,
    chromium_path,
    is_local,
    missing_browser_reason,
    start_lab,
    stop_lab,
)

HERE = Path(__file__).resolve().parent
REQUIRE_ENV = "MEDIALIT_REQUIRE_BROWSER"


def pytest_collection_modifyitems(config, items):
    reason = missing_browser_reason()
    if not reason:
        return
    if os.environ.get(REQUIRE_ENV):
        return  # CI: the browser_context fixture fails every browser test with the reason
    for item in items:
        if HERE in Path(str(item.fspath)).resolve().parents:
            item.add_marker(pytest.mark.skip(reason=f"browser tests skipped: {reason}"))


@pytest.fixture(scope="session")
def lab(tmp_path_factory):
    """JupyterLab serving the repository (root_dir = the repo root), as a student would open it."""
    server = start_lab(ROOT, home=tmp_path_factory.mktemp("lab-home"))
    yield server
    stop_lab(server)


@pytest.fixture(scope="session")
def hostile_data_dir(tmp_path_factory) -> Path:
    """A copy of data/ plus the hostile article of tests/hostile/ (data/ itself is never touched)."""
    sys.path.insert(0, str(ROOT / "tests" / "hostile"))
    try:
        import make_hostile
    finally:
        sys.path.pop(0)
    return make_hostile.make_hostile_data_dir(ROOT / "data", tmp_path_factory.mktemp("hostile") / "data")


@pytest.fixture(scope="session")
def scratch_lab(tmp_path_factory, hostile_data_dir):
    """JupyterLab serving a temporary folder, with ``MEDIALIT_DATA`` set to the hostile copy of data/.

    Generated notebooks (one cell per view) live here, so nothing the tests press (e.g. "Save my work")
    writes into the repository.
    """
    root = tmp_path_factory.mktemp("scratch-root")
    server = start_lab(root, home=tmp_path_factory.mktemp("scratch-home"),
                       extra_env={"MEDIALIT_DATA": str(hostile_data_dir)})
    yield server
    stop_lab(server)


@pytest.fixture(scope="session")
def blocked() -> Blocked:
    return Blocked()


@pytest.fixture(scope="session")
def browser_context(tmp_path_factory, blocked):
    """Debian's Chromium, headless, a new empty profile, every non-localhost request aborted."""
    reason = missing_browser_reason()
    if reason:
        pytest.fail(f"{REQUIRE_ENV} is set, but {reason}")
    from playwright.sync_api import sync_playwright

    profile = tmp_path_factory.mktemp("chromium-profile")
    with sync_playwright() as pw:
        context = pw.chromium.launch_persistent_context(
            str(profile), executable_path=chromium_path(), headless=True, args=CHROMIUM_ARGS,
            viewport={"width": 1400, "height": 1000}, service_workers="block",
        )

        def guard(route):
            if is_local(route.request.url):
                route.continue_()
            else:
                blocked.urls.append(route.request.url)
                route.abort()

        context.route("**/*", guard)
        context.set_default_timeout(30_000)
        yield context
        context.close()


@pytest.fixture
def page(browser_context, blocked):
    """A fresh tab; the test fails if the page asked for anything outside 127.0.0.1."""
    n = len(blocked.urls)
    pg = browser_context.new_page()
    script_errors: list[str] = []
    pg.on("pageerror", lambda exc: script_errors.append(str(exc)))
    yield pg
    pg.close()
    outside = blocked.since(n)
    assert not outside, f"The page tried to reach the network (all blocked): {outside[:5]}"
    assert not script_errors, f"Uncaught JavaScript errors in the page: {script_errors[:5]}"
