"""Teacher-editable data files: every one takes effect on the next call (no restart), every one is checked
by ``medialit check``, and a broken speaker table is said out loud (issue 11 item 4, issue 13 item 6).

Every test works on a copy of ``data/`` (through ``MEDIALIT_DATA``); the kit's own ``data/`` is never touched.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import warnings
from pathlib import Path

import pytest

from widgets import corpus as corpus_module
from widgets import datafiles
from widgets.cli import main
from widgets.compare import compare
from widgets.corpus import article_from_text, load_corpus
from widgets.coverage import find_facts, normalise_entity
from widgets.datacheck import DATA_FILES
from widgets.framing import load_framing
from widgets.keys import load_alignment_key, load_answer_key, load_key
from widgets.loaded import find_loaded
from widgets.quotes import find_quotes
from widgets.speakers import SpeakerTableWarning
from widgets.wordlists import load_first_names, load_reporting_verbs, load_titles

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data"


@pytest.fixture()
def data(tmp_path, monkeypatch) -> Path:
    copy = tmp_path / "data"
    shutil.copytree(DATA, copy)
    monkeypatch.setenv("MEDIALIT_DATA", str(copy))
    return copy


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) >= 1, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


# --------------------------------------------------------------------------------------------------
# Every file takes effect on the next call. The edits keep the file's size and come straight after a
# read (the same clock tick on many file systems), so a check of time stamps alone would miss them.
# --------------------------------------------------------------------------------------------------
def _scorer():
    from widgets.loaded.scorer import load_scorer

    return load_scorer()


EDITS = {
    "loaded-evidence.csv": ("smear,5,6,", "smear,5,60,", lambda: _scorer().evidence["smear"].uses),
    "loaded-weights.csv": ("(threshold),0.25,", "(threshold),0.3,", lambda: _scorer().threshold),
    "articles.csv": ("Chinese and Russian presidents meet", "Chinese and Russian PRESIDENTS meet",
                     lambda: load_corpus(warn=False)["presidents-meet-us-targets"].title),
    "speakers.csv": ("John Kirby,Kirby", "John Kerby,Kirby", lambda: find_quotes("“Yes,” Kirby said.")[0].speaker),
    "lexicon.csv": ("brutal,lemma,,loaded_language,An emotional", "brutal,lemma,,loaded_language,AN emotional",
                    lambda: find_loaded("A brutal plan.")[0].explanation),
    "entities.csv": ("United States,US;", "United Staten,US;", lambda: normalise_entity("U.S.")),
    "facts.csv": ("Taiwan,Taiwan,", "TAIWAN,Taiwan,",
                  lambda: [h.item for h in find_facts(article_from_text("Taiwan was named.", id="t"))]),
    "framing.csv": ("Kyiv or Kiev,Kiev,Kiev", "Kyiv or Kiev,KIEV,Kiev", lambda: [t.term for t in load_framing()]),
    "reporting_verbs.csv": ("quip,quipped,no", "quiz,quipped,no", lambda: load_reporting_verbs().lemma_of("quipped")),
    "titles.csv": ("senator,sen,office", "senator,sem,office", lambda: load_titles().full("Sen.")),
    "first_names.csv": ("Wendy,female", "Wendi,female", lambda: load_first_names().get("wendy")),
    "keys/quotes.csv": ("diplomatic cover,partial,Antony Blinken", "diplomatic cover,partial,Antony Blinkin",
                        lambda: load_answer_key()[0].speaker),
    "keys/loaded.csv": ("Blinken's word (in quotation marks)", "BLINKEN's word (in quotation marks)",
                        lambda: load_key()[0].why),
    "keys/aligned_quotes.csv": ("The same Blinken sentence (20 March", "The same BLINKEN sentence (20 March",
                                lambda: load_alignment_key()[0].note),
}


def test_every_teacher_editable_file_has_an_edit_test():
    assert set(EDITS) == {"articles.csv", *(f.name for f in DATA_FILES)}


@pytest.mark.parametrize("name", list(EDITS))
def test_an_edit_takes_effect_on_the_next_call(data, name):
    old, new, look = EDITS[name]
    before = look()
    edit(data / name, old, new)
    after = look()
    assert after != before, name
    edit(data / name, new, old)  # and back, at once
    assert look() == before, name


def test_an_unchanged_file_is_not_read_again(data):
    from widgets.lexicon import load_lexicon
    from widgets.speakers import load_speakers

    assert load_speakers() is load_speakers()
    assert load_lexicon() is load_lexicon()


def test_a_file_edited_with_its_old_time_stamp_restored_is_still_noticed(data):
    from widgets.speakers import load_speakers

    path = data / "speakers.csv"
    old = os.stat(path)
    os.utime(path, ns=(old.st_atime_ns, old.st_mtime_ns - 3600 * 10**9))  # an hour old: not racily clean
    assert load_speakers().get("John Kirby")
    stamp = os.stat(path)
    edit(path, "John Kirby,Kirby", "John Kerby,Kirby")
    os.utime(path, ns=(stamp.st_atime_ns, stamp.st_mtime_ns))  # same size, same modification time
    assert load_speakers().get("John Kerby")


def test_a_broken_file_is_never_served_from_the_cache(data):
    from widgets.errors import KitError
    from widgets.speakers import load_speakers

    path = data / "speakers.csv"
    good = path.read_text(encoding="utf-8")
    assert load_speakers().get("John Kirby")
    path.write_text(good + "Somebody,,robot,,,\n", encoding="utf-8")
    for _ in range(2):
        with pytest.raises(KitError, match="Unknown type 'robot'"):
            load_speakers()
    path.write_text(good, encoding="utf-8")
    assert load_speakers().get("John Kirby")


def test_the_data_folder_is_found_in_one_place():
    assert corpus_module.default_data_dir is datafiles.default_data_dir
    for path in (ROOT / "widgets").rglob("*.py"):
        if path.name != "datafiles.py":
            for line in path.read_text(encoding="utf-8").splitlines():
                assert not ("environ" in line and ("MEDIALIT_DATA" in line or "DATA_DIR_ENV_VAR" in line)), (path, line)


# --------------------------------------------------------------------------------------------------
# A broken speaker table is said once, in plain words (issue 13 item 6)
# --------------------------------------------------------------------------------------------------
def test_a_broken_speaker_table_gives_one_plain_warning_and_the_tools_go_on(data):
    path = data / "speakers.csv"
    edit(path, "John Kirby,Kirby,person", "John Kirby,Kirby,spokesrobot")
    with pytest.warns(SpeakerTableWarning) as record:
        first = find_quotes("“Yes,” Kirby said.")
    assert len(record) == 1
    message = str(record[0].message)
    assert message.startswith("The speaker table cannot be used, so speakers are named only as the text names them")
    assert f"{path}, line 3: Unknown type 'spokesrobot' for John Kirby. Fix: Use one of:" in message
    assert first[0].speaker != "John Kirby"
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # said once: the same problem again gives no second warning
        find_quotes("“No,” Kirby said.")
        a = article_from_text("Kirby said “any cease-fire now would freeze the lines of Russian forces”.", id="a")
        b = article_from_text("Blinken said “any cease-fire now would freeze the lines of Russian forces”.", id="b")
        compare([a, b])
    edit(path, "John Kirby,Kirby,spokesrobot", "John Kirby,Kirby,person")
    assert find_quotes("“Yes,” Kirby said.")[0].speaker == "John Kirby"


# --------------------------------------------------------------------------------------------------
# medialit check: every file, and never "no problems found" over a broken one
# --------------------------------------------------------------------------------------------------
def _append(path: Path, row: str) -> int:
    """Add ``row`` at the end of the file; returns its line number."""
    text = path.read_text(encoding="utf-8")
    path.write_text(text + row + "\n", encoding="utf-8")
    return text.count("\n") + 1


BREAKS = {
    "articles.csv": ("new-one,new-one.txt,too,many,fields,for,the,header,of,twelve,columns,here,and,more", "A comma"),
    "speakers.csv": ("Somebody,,robot,,,", "Use one of: person"),
    "lexicon.csv": ("goon,lemma,,insult,,,", "Correct these rows"),
    "entities.csv": ("Somewhere,Else,a note,a fourth cell", "A comma inside a field"),
    "facts.csv": ("A fact with no patterns,,", 'Fill in both cells'),
    "framing.csv": ("Kyiv or Kiev,Kyiv!,Kyiv,sometimes,,", "Use one of: any, scare, none"),
    "reporting_verbs.csv": ("grumble,,maybe,a teacher", "Correct these rows"),
    "titles.csv": ("chancellor,,ofice,,a teacher", "Correct these rows"),
    "first_names.csv": ("Zed,robot,a teacher", "Correct these rows"),
    "keys/quotes.csv": ("xi-invites-putin,twelve,20,text,direct,,,yes,", "Write the character offsets"),
    "keys/loaded.csv": ("xi-invites-putin,malarkey,1,loaded_language,quote,maybe,", "Copy the text exactly"),
    "keys/aligned_quotes.csv": ("k99,yes,no,no,blinken-diplomatic-cover.txt,0,5,,Not it,"
                                "blinken-rights-report.txt,0,5,,Nor this,", "Copy the text exactly"),
    "loaded-evidence.csv": ("vilest,9,3,,", "Correct these rows"),
    "loaded-weights.csv": ("word -1: TextBlob strength,high,", "Correct these rows"),
}


def test_every_teacher_editable_file_has_a_check_test():
    assert set(BREAKS) == set(EDITS)


def test_every_csv_in_the_kit_data_folder_is_checked():
    known = {"articles.csv", *(f.name for f in DATA_FILES)}
    # a story folder's data cards (data/stories/<id>/articles.csv) are checked by `medialit check` on that folder
    found = {p.relative_to(DATA).as_posix() for p in DATA.rglob("*.csv") if p.parent.parent.name != "stories"}
    assert found <= known


def test_check_passes_on_the_kit_data(data, capsys):
    assert main(["check", str(data)]) == 0
    lines = capsys.readouterr().out.strip().splitlines()
    assert lines[-2].endswith("and every data file: no problems found.") and lines[-1].startswith("Note: ")


@pytest.mark.parametrize("name", list(BREAKS))
def test_check_names_the_file_line_and_fix_of_a_broken_file(data, name, capsys):
    row, fix = BREAKS[name]
    line = _append(data / name, row)
    assert main(["check", str(data)]) == 1
    out = capsys.readouterr().out
    assert "no problems found" not in out
    errors = [l for l in out.splitlines() if l.startswith("ERROR ")]
    assert len(errors) == 1, out
    assert str(data / name) in errors[0] and f"line {line}" in errors[0], errors[0]
    assert f"Fix: {fix}" in errors[0] or (" Fix: " in errors[0] and fix in errors[0]), errors[0]


def test_medialit_check_exits_1_on_a_broken_speaker_table(data):
    line = _append(data / "speakers.csv", "Somebody,,robot,,,")
    result = subprocess.run([sys.executable, "-m", "widgets.cli", "check", str(data)], capture_output=True,
                            text=True, timeout=120)
    assert result.returncode == 1, result.stderr
    assert result.stdout.splitlines()[:2] == [
        f"ERROR {data}/speakers.csv, line {line}: Unknown type 'robot' for Somebody. "
        "Fix: Use one of: person, organisation, document, group.",
        f"Checked {data}: 5 articles load; 1 error, 0 warnings.",
    ]
    assert result.stdout.splitlines()[2].startswith("Note: facts.csv and framing.csv")


def test_check_warns_about_unknown_columns_and_csv_files_the_kit_does_not_read(data, capsys):
    edit(data / "facts.csv", "fact,patterns,note", "fact,patterns,notes")
    (data / "speaker.csv").write_text("name\nX\n", encoding="utf-8")
    assert main(["check", str(data)]) == 0
    out = capsys.readouterr().out
    assert f"WARNING {data}/facts.csv, line 1: These columns are not used by the kit and are ignored: 'notes'." in out
    assert f"WARNING {data}/speaker.csv: The kit does not read this file, so changes to it have no effect." in out


def test_the_quote_answer_key_drops_a_bom_and_counts_blank_lines(tmp_path):
    """The part-1 leftover: load_answer_key read the header of a BOM file as '\\ufeffarticle' and numbered
    rows without the blank lines."""
    from widgets.errors import MetadataError

    key = tmp_path / "quotes.csv"
    header = "article,start,end,text,kind,speaker\r\n"
    key.write_bytes(b"\xef\xbb\xbf" + (header + "\r\nx,1,4,Yes,direct,\r\n").encode("utf-8"))
    assert [(k.article, k.start, k.text, k.speaker) for k in load_answer_key(key)] == [("x", 1, "Yes", None)]
    key.write_bytes(b"\xef\xbb\xbf" + (header + "\r\nx,1,4,Yes,direct,\r\n\r\nx,one,4,No,direct,\r\n").encode("utf-8"))
    with pytest.raises(MetadataError) as info:
        load_answer_key(key)
    assert str(info.value) == (f"{key}, line 5: start and end must be whole numbers, not 'one' and '4'. "
                               "Fix: Write the character offsets of the text in the article.")
