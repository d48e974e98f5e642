"""The JupyterLab settings the kit installs: no "official Jupyter news" pop-up over the lessons.

These tests start JupyterLab WITHOUT the test-only settings of labtools.py (``test_settings=False``): no
autosave switch, no news or update switches, an empty user-settings folder. What they see is what a student
sees after ``python -m pip install -r requirements.txt`` (or on Binder, after binder/postBuild): the kit's
``jupyter-settings`` package puts ``overrides.d/medialit-kit.json`` into JupyterLab's application settings
folder. A control run points JupyterLab at an empty application settings folder and must show the pop-up,
so the check cannot pass by looking in the wrong place or too early.
"""
from __future__ import annotations

import json
import urllib.request

import pytest
from labtools import ARTIFACTS, start_lab, stop_lab

NEWS_QUESTION = "Would you like to get notified about official Jupyter news?"
NOTIFICATION_SETTINGS = "/lab/api/settings/@jupyterlab/apputils-extension:notification"


def _composite(lab) -> dict:
    """The notification settings as the page gets them: the schema's defaults (after overrides), then the user's."""
    req = urllib.request.Request(f"{lab.base}{NOTIFICATION_SETTINGS}", headers={"Authorization": f"token {lab.token}"})
    with urllib.request.urlopen(req, timeout=10) as resp:
        data = json.loads(resp.read())
    defaults = {k: v.get("default") for k, v in data["schema"]["properties"].items()}
    return {**defaults, **data["settings"]}


def _news_question_appears(page, lab, name: str) -> bool:
    """Open JupyterLab, wait until its launcher is drawn, then up to 15 s for the news question."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    page.goto(f"{lab.base}/lab/workspaces/{name}?reset&token={lab.token}", wait_until="domcontentloaded")
    page.wait_for_selector(".jp-Launcher", timeout=60_000)
    try:
        page.get_by_text(NEWS_QUESTION).first.wait_for(state="visible", timeout=15_000)
        shown = True
    except PlaywrightTimeout:
        shown = False
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"lab-settings-{name}.png"))
    return shown


@pytest.fixture(scope="module")
def plain_lab(tmp_path_factory):
    """JupyterLab as a student starts it: only the settings the kit installed."""
    root = tmp_path_factory.mktemp("plain-root")
    server = start_lab(root, home=tmp_path_factory.mktemp("plain-home"), test_settings=False)
    yield server
    stop_lab(server)


def test_no_news_popup_and_no_update_check_with_the_kits_settings(plain_lab, page):
    assert not _news_question_appears(page, plain_lab, "kit-settings"), \
        "JupyterLab asks about Jupyter news: the kit's settings are not installed (run pip install -r requirements.txt)"
    assert _composite(plain_lab) == {"checkForUpdates": False, "doNotDisturbMode": False, "fetchNews": "false"}


def test_control_without_the_kits_settings_the_popup_does_show(tmp_path_factory, page):
    """The same start, but with an empty application settings folder: JupyterLab's own defaults."""
    root = tmp_path_factory.mktemp("control-root")
    empty = tmp_path_factory.mktemp("empty-app-settings")
    server = start_lab(root, home=tmp_path_factory.mktemp("control-home"), test_settings=False,
                       extra_args=[f"--LabApp.app_settings_dir={empty}"])
    try:
        assert _composite(server)["fetchNews"] == "none"
        assert _news_question_appears(page, server, "control")
        # Answer "No", as a student would: the page then asks for nothing on the internet (checked by `page`).
        page.get_by_role("button", name="No").first.click()
        page.get_by_text(NEWS_QUESTION).first.wait_for(state="hidden", timeout=10_000)
    finally:
        page.goto("about:blank")  # leave the page before its server stops (no failed requests in it)
        stop_lab(server)
