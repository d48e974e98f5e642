"""The render layer, the HTML export and the charts work without ipywidgets.

Each check runs in a fresh Python process, so nothing another test imported can hide an import of
ipywidgets: exporting a report and drawing every chart in ``widgets.charts`` must leave
``'ipywidgets' not in sys.modules``.
"""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

_SCRIPT = r"""
import importlib, inspect, json, pkgutil, sys, tempfile
from pathlib import Path

import widgets
from widgets import nlp
nlp.set_notice_stream(None)
import widgets.charts, widgets.render
for package in (widgets.charts, widgets.render):
    for info in pkgutil.iter_modules(package.__path__):
        importlib.import_module(f"{package.__name__}.{info.name}")
import widgets.views.models  # the views' state: traitlets only
from widgets.compare import compare
from widgets.corpus import article_from_text, load_corpus
from widgets.classreport import SAMPLE_CLASS, class_report
from widgets.export import export_html

corpus = load_corpus(warn=False)
result = compare([corpus["blinken-rights-report"], corpus["presidents-meet-us-targets"]])
inputs = {"result": result, "report": class_report(SAMPLE_CLASS)}
drawn = []
for info in pkgutil.iter_modules(widgets.charts.__path__):
    module = importlib.import_module(f"widgets.charts.{info.name}")
    for name in module.__all__:
        if not name.endswith(("_chart", "_heatmap")):
            continue
        make = getattr(module, name)
        first = next(iter(inspect.signature(make).parameters))
        chart = make(inputs.get(first, corpus))
        assert chart.to_dict()["$schema"], name
        drawn.append(f"{info.name}.{name}")
out = Path(tempfile.mkdtemp()) / "report.html"
hostile = article_from_text("“<b>We</b> will win,” Kirby said. <script>x()</script>", id="hostile")
exports = [export_html(corpus["xi-invites-putin"], out, report="Mine.").charts,
           export_html(hostile, out.with_name("h.html"), charts=False).charts]
print(json.dumps({"ipywidgets": "ipywidgets" in sys.modules, "drawn": drawn, "exports": exports}))
"""


def test_export_and_every_chart_import_no_ipywidgets():
    run = subprocess.run([sys.executable, "-c", _SCRIPT], cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, run.stderr[-3000:]
    found = json.loads(run.stdout.strip().splitlines()[-1])
    assert found["exports"] == [2, 0]
    # every chart function of every chart module was drawn (a new chart module is picked up by itself)
    assert {d.split(".")[0] for d in found["drawn"]} == {"classroom", "compare", "corpus", "loaded", "quotes"}
    assert len(found["drawn"]) >= 10, found["drawn"]
    assert found["ipywidgets"] is False, "exporting or drawing a chart imported ipywidgets"
