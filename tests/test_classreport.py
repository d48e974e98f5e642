"""The class view: counts per word, agreement, bad hand-ins named one per line, names only in the teacher's copy."""
from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path

import pytest

from widgets.classreport import AGREE, SAMPLE_CLASS, class_report
from widgets.cli import main

ROOT = Path(__file__).resolve().parents[1]
NAMES = ("Alex Kim", "Bea Novak", "Chidi Okafor", "Dana Weiss", "Eli Moreau", "Farah Haddad", "Gus Lindqvist", "Sam Lopez")


def _maker():
    sys.path.insert(0, str(ROOT / "tests" / "sampleclass"))
    try:
        import make_sample_class
    finally:
        sys.path.pop(0)
    return make_sample_class


@pytest.fixture
def hand_ins(tmp_path):
    """A copy of the sample class to change."""
    folder = tmp_path / "hand-ins"
    shutil.copytree(SAMPLE_CLASS, folder)
    return folder


def test_the_sample_class_is_what_its_script_makes(tmp_path):
    made = _maker().make_sample_class(tmp_path / "sample")
    committed = {p.name: p.read_bytes() for p in SAMPLE_CLASS.iterdir()}
    again = {p.name: p.read_bytes() for p in made.iterdir()}
    assert committed == again, "data/sample-class/ differs from what tests/sampleclass/make_sample_class.py makes"
    for name in NAMES:
        saved = json.loads((SAMPLE_CLASS / f"{name.lower().replace(' ', '-')}.json").read_text(encoding="utf-8"))
        assert saved["student"] == f"{name} (made up)"
    assert "MADE UP" in (SAMPLE_CLASS / "README.md").read_text(encoding="utf-8")


def test_counts_agreement_and_differences_per_paragraph():
    report = class_report(SAMPLE_CLASS)
    assert len(report.hand_ins) == 8 and [p.number for p in report.paragraphs] == [2, 6]
    p6 = report.paragraphs[1]
    counts = {w.text: w.students for w in p6.words if w.students}
    # every count is recomputed from the files, independently of the report's code
    files = [json.loads((SAMPLE_CLASS / f).read_text(encoding="utf-8")) for f in
             ("alex-kim.json", "bea-novak.json", "chidi-okafor.json", "dana-weiss.json", "eli-moreau.json",
              "farah-haddad.json", "gus-lindqvist.json", "sam-lopez-again.json")]
    spans = [f["marks"]["presidents-meet-us-targets"]["loaded"]["spans"] for f in files]
    hypocrisy = next(w for w in p6.words if w.text == "hypocrisy")
    assert counts["hypocrisy"] == sum(any(s["start"] < hypocrisy.end and hypocrisy.start < s["end"] for s in sp) for sp in spans)
    assert all(counts[w] / 8 >= AGREE for phrase in p6.agreed for w in phrase.split())
    assert "alleged" in p6.class_not_tool and "alleged" in p6.split
    assert 0 < report.alpha < 1 and all(p.alpha is not None for p in report.paragraphs)
    assert next(w for w in p6.words if w.text == "staggering").tool
    assert next(w for w in p6.words if w.text == "alleged").key is False


def test_agreement_is_krippendorffs_alpha():
    from widgets.classreport import _alpha

    # Worked by hand (nominal alpha = 1 - Do/De): 15 values, six 1s and nine 0s; words 3 and 4 each hold
    # one disagreeing pair within a unit of three, so Do = (2 + 2) / 15 and De = 2 * 6 * 9 / (15 * 14);
    # alpha = 1 - (4/15) / (108/210) = 13/27. (The krippendorff package 0.9.0 gives the same.)
    matrix = [[1, 0, 1, 0, 0], [1, 0, 1, 1, 0], [1, 0, 0, 0, 0]]
    assert _alpha(matrix) == pytest.approx(13 / 27)
    assert _alpha([[1, 0, 1], [1, 0, 1]]) == pytest.approx(1.0)
    assert _alpha([[0, 0], [0, 0]]) is None          # no variation: cannot be computed, said so
    assert _alpha([[1, 0]]) is None                  # one student


def test_each_bad_hand_in_gets_one_line_and_the_report_uses_the_rest(hand_ins):
    (hand_ins / "notes.txt").write_text("my homework", encoding="utf-8")
    (hand_ins / "empty.json").write_bytes(b"")
    shutil.copy(hand_ins / "alex-kim.json", hand_ins / "alex-copy.json")
    report = class_report(hand_ins)
    lines = {b.file: b.problem for b in report.problems}
    assert "cut off" in lines["truncated.json"] and "cut off" in lines["empty.json"]
    assert "not a saved-work file from this kit" in lines["not-saved-work.json"]
    assert "not a saved-work file" in lines["notes.txt"] or "cannot be read" in lines["notes.txt"]
    assert "another lesson" in lines["lesson-01-only.json"]
    assert "changed after it was saved" in lines["edited.json"]
    assert "the same student as sam-lopez-again.json" in lines["sam-lopez.json"]
    assert "same file as alex-copy.json" in lines["alex-kim.json"] or "same file as alex-kim.json" in lines["alex-copy.json"]
    assert len(report.hand_ins) == 8
    assert "README.md" not in lines


def test_marks_on_another_version_of_the_article_are_left_out(hand_ins):
    path = hand_ins / "alex-kim.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    data["marks"]["presidents-meet-us-targets"]["loaded"]["article"] = "0" * 16
    del data["checksum"]
    path.write_text(json.dumps(data), encoding="utf-8")
    report = class_report(hand_ins)
    assert "another version" in {b.file: b.problem for b in report.problems}["alex-kim.json"]
    assert len(report.hand_ins) == 7


def test_names_only_in_the_teachers_copy(hand_ins):
    report = class_report(hand_ins)
    teacher = report.html(chart=False) + report.text() + report._repr_html_()
    assert all(name in teacher for name in NAMES)
    anonymous = [report.html(anonymous=True, chart=False), report.text(anonymous=True),
                 json.dumps(report.chart(anonymous=True).to_dict())]
    for text in anonymous:
        for name in NAMES + ("sam-lopez", "alex-kim", "Ivy Chen", "Jo Park"):
            assert name not in text, f"{name} appears in the anonymous copy"
    assert "Student 8" in anonymous[0]


def test_hostile_names_and_files_are_escaped(hand_ins):
    path = hand_ins / "alex-kim.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    data["student"] = '<img src=x onerror="window.__pwned=1">'
    del data["checksum"]
    path.write_text(json.dumps(data), encoding="utf-8")
    (hand_ins / "<script>alert(1)<script>.json").write_text("{", encoding="utf-8")
    html = class_report(hand_ins).html(chart=False)
    assert "<img" not in html and "<script>alert" not in html
    assert "&lt;img src=x" in html and "&lt;script&gt;alert(1)" in html


def test_html_page_is_offline_and_script_free(tmp_path):
    path = class_report(SAMPLE_CLASS).save_html(tmp_path / "class.html", anonymous=True)
    html = path.read_text(encoding="utf-8")
    assert "<script" not in html.lower() and "http://" not in html and "https://" not in html
    assert "Content-Security-Policy" in html and "default-src 'none'" in html
    assert 'src="data:image/svg+xml;base64,' in html


def test_quotes_mode_reports_who_the_class_says_said_it(tmp_path, monkeypatch):
    from widgets import work
    from widgets.views.marking import MarkingModel

    folder = tmp_path / "quotes"
    folder.mkdir()
    for n, speaker in enumerate(("Kirby", "John Kirby", "Putin")):
        monkeypatch.setattr(work, "_MARKS", {})
        m = MarkingModel(article_id="xi-invites-putin", part=17, mode="quotes")
        m.speaker = speaker
        m.mark_phrase("That’s just a bunch of malarkey")
        work.save_work(folder / f"s{n}.json", name=f"S{n}")
    report = class_report(folder)
    assert report.mode == "quotes"
    tally = report.paragraphs[0].speakers[0]
    assert tally.reference == "key" and tally.speaker == "John Kirby"
    assert dict(tally.said) == {"John Kirby": 2, "Vladimir Putin": 1}


def test_command_line(tmp_path, capsys):
    page = tmp_path / "view.html"
    assert main(["class-report", str(SAMPLE_CLASS), "--anonymous", "--html", str(page)]) == 0
    out = capsys.readouterr().out
    assert "8 students" in out and "5 files were left out" in out and "Krippendorff's alpha" in out
    assert "Alex Kim" not in out and page.exists()
    assert main(["class-report", str(SAMPLE_CLASS), "--paragraph", "6"]) == 0
    out = capsys.readouterr().out
    assert "Paragraph 6" in out and "Paragraph 2" not in out and "truncated.json: cannot be read" in out
    assert main(["class-report", str(tmp_path / "nope")]) == 2
    assert "There is no folder" in capsys.readouterr().err
    empty = tmp_path / "empty"
    empty.mkdir()
    (empty / "x.json").write_text("{", encoding="utf-8")
    assert main(["class-report", str(empty)]) == 2
    err = capsys.readouterr().err
    assert "No file" in err and "x.json" in err
