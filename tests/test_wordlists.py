"""The quote spotter's teacher-editable word lists: data/reporting_verbs.csv and data/titles.csv.

Every test that edits a list works on a copy of data/ (through MEDIALIT_DATA), never on the kit's own.
"""
from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

import pytest

from widgets.errors import MetadataError
from widgets.quotes import find_quotes
from widgets.speakers import normalise_mention, speakers_from_rows
from widgets.wordlists import (load_reporting_verbs, load_titles, parse_reporting_verbs, parse_titles,
                               regular_forms)

DATA = Path(__file__).resolve().parents[1] / "data"


@pytest.fixture
def data_copy(tmp_path, monkeypatch):
    copy = tmp_path / "data"
    shutil.copytree(DATA, copy)
    monkeypatch.setenv("MEDIALIT_DATA", str(copy))
    return copy


def _append(path: Path, line: str) -> None:
    """Append a row and make sure the modification time moves on (some file systems count in seconds)."""
    before = path.stat().st_mtime_ns
    with open(path, "a", encoding="utf-8") as handle:
        handle.write(line + "\n")
    if path.stat().st_mtime_ns == before:
        os.utime(path, ns=(before + 1_000_000_000, before + 1_000_000_000))


# ---------------------------------------------------------------- the shipped files
def test_shipped_verbs_cover_the_first_list_and_say_where_each_row_came_from():
    verbs = load_reporting_verbs()
    for form in ("said", "says", "told", "wrote", "slammed", "emphasized", "criticised", "added", "tweeted"):
        assert verbs.by_form(form), form
    assert [v.particle for v in verbs.by_form("shot")] == ["back"]
    assert all(v.provenance for v in verbs.verbs)
    assert {v.lemma for v in verbs.verbs if v.noun_too} >= {"report", "call", "state", "claim"}


def test_shipped_titles_have_kinds_genders_and_provenance():
    titles = load_titles()
    assert titles.full("Sen.") == "senator" and titles.full("gov") == "governor"
    assert titles.gender("Mr.") == "male" and titles.gender("Ms") == "female" and titles.gender("Dr.") == ""
    assert all(t.provenance for t in titles.titles)
    assert normalise_mention("Sen. Ted Cruz") == "ted cruz"
    assert normalise_mention("Prime Minister Li Qiang") == "li qiang"


def test_regular_forms():
    assert regular_forms("grumble") == {"grumble", "grumbles", "grumbled", "grumbling"}
    assert regular_forms("echo") == {"echo", "echoes", "echoed", "echoing"}


# ---------------------------------------------------------------- a teacher's edit takes effect
def test_a_new_reporting_verb_counts_on_the_next_call(data_copy):
    text = "Kirby spoke first. “We are watching this very closely,” Mr. Kirby harrumphed."
    assert find_quotes(text)[0].cue is None
    _append(data_copy / "reporting_verbs.csv", "harrumph,,no,added by a teacher")
    quote = find_quotes(text)[0]
    assert (quote.speaker, quote.cue) == ("John Kirby", "harrumphed")


def test_a_deleted_reporting_verb_no_longer_counts(data_copy):
    path = data_copy / "reporting_verbs.csv"
    text = "“We are watching this very closely,” Kirby grumbled."
    assert find_quotes(text)[0].cue == "grumbled"
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if not line.startswith("grumble,")]
    time.sleep(0.01)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert find_quotes(text)[0].cue is None


def test_a_new_title_counts_on_the_next_call(data_copy):
    assert normalise_mention("Archdeacon Grantly") == "archdeacon grantly"
    _append(data_copy / "titles.csv", "archdeacon,,office,male,added by a teacher")
    assert normalise_mention("Archdeacon Grantly") == "grantly"
    assert load_titles().gender("archdeacon") == "male"


def test_a_speaker_table_keys_its_names_with_the_titles_as_they_are_now(data_copy):
    table = speakers_from_rows([{"name": "Septimus Harding", "aliases": "Archdeacon Harding"}])
    assert table.lookup("Harding") is None
    _append(data_copy / "titles.csv", "archdeacon,,office,male,added by a teacher")
    assert table.lookup("Harding").name == "Septimus Harding"


# ---------------------------------------------------------------- friendly errors
@pytest.mark.parametrize("text, expected", [
    ("verb,forms\nsay,said\n", "The header row has no column named 'lemma'"),
    ("lemma;forms;noun_too\nsay;said;no\n", "separated by semicolons"),
    ("lemma,forms,noun_too\nsay,said,maybe\n", "line 2: noun_too is 'maybe' (write yes or no)"),
    ("lemma,forms,noun_too\nsay,said,no\n,,no\n", "line 3: the lemma is empty"),
    ("lemma,forms,noun_too\nsay out loud,,no\n", "line 2: 'say out loud' is not a verb"),
    ("lemma,forms,noun_too\nsay,said,no\nsay,,no\n", "line 3: 'say' is already on line 2"),
    ("lemma,forms,noun_too\nsay,said says,no\n", "line 2: the form 'said says' is not one word"),
])
def test_malformed_verb_lists_name_the_line_and_the_fix(text, expected):
    with pytest.raises(MetadataError) as info:
        parse_reporting_verbs(text)
    assert expected in str(info.value)
    assert "Fix:" in str(info.value)


@pytest.mark.parametrize("text, expected", [
    ("name,kind\nsenator,office\n", "The header row has no column named 'title'"),
    ("title,kind\nsenator,ofice\n", "line 2: unknown kind 'ofice'"),
    ("title,kind,gender\nsenator,office,m\n", "line 2: unknown gender 'm'"),
    ("title,abbreviations,kind\nsenator,sen,office\nsenate leader,sen,role\n", "line 3: 'sen' is already a form of 'senator'"),
    ("title,kind\n\n\n,office\n", "line 4: the title is empty"),
    ('title,kind\n"senator, US",office,extra\n', "line 2: more cells than columns"),
])
def test_malformed_title_lists_name_the_line_and_the_fix(text, expected):
    with pytest.raises(MetadataError) as info:
        parse_titles(text)
    assert expected in str(info.value)
    assert "Fix:" in str(info.value)


def test_a_broken_file_in_the_data_folder_is_reported_by_find_quotes(data_copy):
    (data_copy / "titles.csv").write_bytes("title,kind\nsénateur,office\n".encode("latin-1"))
    with pytest.raises(MetadataError, match="titles.csv: This file is not UTF-8 text"), \
            pytest.warns(UserWarning, match="titles.csv"):
        find_quotes("“We will win,” Sen. Cruz said.")
    (data_copy / "reporting_verbs.csv").unlink()
    (data_copy / "titles.csv").write_text("title,kind\nsenator,office\n", encoding="utf-8")
    with pytest.raises(MetadataError, match="reporting_verbs.csv: The file does not exist"):
        find_quotes("“We will win,” Sen. Cruz said.")
