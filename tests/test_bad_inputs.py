"""Bad input, table by table, with the exact message a teacher or student sees.

Each row is one mistake someone will make (a Word file saved as .txt, a CSV with a stray quotation mark,
a number typed where text was expected...) and the exact words the kit answers with. Nothing may crash:
every problem is a KitError (or a Problem in ``corpus.problems``, or feedback from ``check``) whose message
names the problem and the fix. The data folders here are temporary; data/ is never touched (the root
conftest.py checks that for the whole session).
"""
from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest

from widgets import nlp
from widgets.corpus import article_from_text, check_data_dir, read_text_file
from widgets.errors import ArticleError, KitError
from widgets.exercises import check

ROOT = Path(__file__).resolve().parents[1]
ENCODING_FIX = ("Fix: Open the file in a text editor and save it again with the encoding 'UTF-8' "
                "(or copy the text into a new UTF-8 file). The kit never changes your file itself.")
SAVE_AS_TEXT = "Fix: Open it, choose 'Save as' > 'Plain text (.txt)' with UTF-8 encoding, and use that file."
TOO_LONG = ("This text has {n:,} characters; the kit analyses at most 1,000,000 (about 150,000 words) at once. "
            "Fix: Check that the file holds one article; split a longer collection into one file per article.")
TEN_MB_TEXT = "Blinken said “we will see.” The brutal regime slammed it. " * 170_000  # 9,860,000 characters


# --------------------------------------------------------------------------------------------------
# 1. Reading one article file
# --------------------------------------------------------------------------------------------------
READ_CASES = [
    ("windows-1252", "Café society said “no”".encode("cp1252"),
     'This file is not UTF-8 text: byte 0xe9 at line 1, column 4 (character position 3) cannot be read. '
     'It looks like Windows-1252 (reads as "Café society said “no”"). ' + ENCODING_FIX),
    ("latin-1 on line 2", "Title\nBlinken said: «Non».".encode("latin-1"),
     'This file is not UTF-8 text: byte 0xab at line 2, column 15 (character position 20) cannot be read. '
     'It looks like Windows-1252 (reads as "Title Blinken said: «Non»."). ' + ENCODING_FIX),
    ("empty", b"", "The file is empty. Fix: Paste the article text into it and save it as UTF-8 text."),
    ("only blanks", b" \n\n\t ", "The file is empty. Fix: Paste the article text into it and save it as UTF-8 text."),
    ("pdf", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3", "This is a PDF, not plain text. " + SAVE_AS_TEXT),
    ("docx", b"PK\x03\x04\x14\x00\x06\x00", "This is a Word document or other zip file (.docx, .odt), not plain text. " + SAVE_AS_TEXT),
    ("old doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "This is an old Word (.doc) file, not plain text. " + SAVE_AS_TEXT),
    ("rtf", b"{\\rtf1\\ansi Blinken}", "This is a Rich Text (.rtf) file, not plain text. " + SAVE_AS_TEXT),
    ("png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
     "This looks like a binary file (it contains NUL bytes), not plain text. "
     "Fix: Save the article as plain text (.txt) with UTF-8 encoding."),
    ("utf-16", "Blinken said".encode("utf-16"),
     "This file is UTF-16 text, not UTF-8. Fix: Open it in a text editor and save it again with the encoding 'UTF-8'."),
]


@pytest.mark.parametrize("content, expected", [c[1:] for c in READ_CASES], ids=[c[0] for c in READ_CASES])
def test_reading_a_bad_article_file_says_what_and_how_to_fix(tmp_path, content, expected):
    path = tmp_path / "article.txt"
    path.write_bytes(content)
    with pytest.raises(ArticleError) as info:
        read_text_file(path)
    assert str(info.value) == f"{path}: {expected}"


def test_missing_file_and_folder(tmp_path):
    with pytest.raises(ArticleError) as info:
        read_text_file(tmp_path / "nope.txt")
    assert str(info.value) == f"{tmp_path / 'nope.txt'}: There is no such file. Fix: Check the name and folder."
    with pytest.raises(ArticleError) as info:
        read_text_file(tmp_path)
    assert str(info.value) == f"{tmp_path}: This is a folder, not a text file. Fix: Give the path of a .txt file."


def test_a_byte_order_mark_is_dropped_as_utf_8_sig_drops_it(tmp_path):
    path = tmp_path / "bom.txt"
    path.write_bytes("\ufeffKirby said “no”.\r\n".encode("utf-8"))
    assert read_text_file(path) == open(path, encoding="utf-8-sig").read() == "Kirby said “no”.\n"


def test_a_10_mb_article_is_read_but_parse_refuses_it_kindly(tmp_path):
    path = tmp_path / "huge.txt"
    path.write_text(TEN_MB_TEXT, encoding="utf-8")
    assert path.stat().st_size > 10_000_000
    text = read_text_file(path)
    assert text == TEN_MB_TEXT
    with pytest.raises(KitError) as info:
        nlp.parse(text)
    assert str(info.value) == TOO_LONG.format(n=len(TEN_MB_TEXT))
    with pytest.raises(KitError) as info:  # an Article is refused the same way, and named
        nlp.parse(article_from_text(text, id="huge"))
    assert str(info.value) == "article huge: " + TOO_LONG.format(n=len(TEN_MB_TEXT))


def test_exactly_the_limit_is_accepted_by_the_length_check():
    nlp._check_length("x" * nlp.MAX_CHARACTERS)  # no error
    with pytest.raises(KitError):
        nlp._check_length("x" * (nlp.MAX_CHARACTERS + 1))


def test_parse_of_something_that_is_not_text():
    with pytest.raises(KitError) as info:
        nlp.parse(42)
    assert str(info.value) == ('parse() needs an article or a string of text, not int. '
                               'Fix: Pass corpus["some-id"] or a string such as "Blinken said ...".')


OVERSIZED_VIEWS = ["QuoteSpotter", "LoadedLanguageHighlighter", "SourceComparer", "MarkingWidget"]


def _html_of(widget) -> str:
    import ipywidgets as W

    out = [widget.value] if isinstance(widget, (W.HTML, W.HTMLMath)) else []
    for child in getattr(widget, "children", ()):
        out.append(_html_of(child))
    return "\n".join(out)


@pytest.mark.parametrize("view_name", OVERSIZED_VIEWS)
def test_views_skip_a_10_mb_article_with_a_note_and_show_the_others(view_name):
    """One article over the size limit is skipped with a visible note; the other articles still work."""
    import widgets.views as views
    from widgets.corpus import Corpus, too_long_message

    corpus = Corpus([article_from_text("Kirby said “no.” A brutal move.", id="small"),
                     article_from_text("Xi said “yes.” A reckless plan.", id="other"),
                     article_from_text(TEN_MB_TEXT, id="huge")])
    view = getattr(views, view_name)(corpus=corpus)
    assert view.model.corpus.ids == ("small", "other")
    note = f"<strong>Skipped article huge:</strong> {too_long_message(len(TEN_MB_TEXT))}"
    assert note in _html_of(view)
    menu = view.boxes if view_name == "SourceComparer" else dict(
        (value, label) for label, value in (view.article if view_name == "MarkingWidget" else view.chooser).options)
    assert tuple(menu) == ("small", "other")


def test_asking_a_view_for_the_oversized_article_says_why():
    import traitlets

    from widgets.corpus import Corpus, too_long_message
    from widgets.views import QuoteSpotter

    corpus = Corpus([article_from_text("Kirby said “no.”", id="small"), article_from_text(TEN_MB_TEXT, id="huge")])
    with pytest.raises(traitlets.TraitError) as info:
        QuoteSpotter(corpus, article_id="huge")
    assert str(info.value) == f"article_id cannot be 'huge': {too_long_message(len(TEN_MB_TEXT))} Choose one of: small."


def test_medialit_check_says_what_the_views_say_about_an_oversized_article(tmp_path):
    from widgets.corpus import TOO_LONG_FIX, too_long_message

    data = tmp_path / "data"
    _write(data / "articles" / "a.txt", A)
    _write(data / "articles" / "huge.txt", TEN_MB_TEXT)
    _write(data / "articles.csv", HEADER + "a,a.txt,,,,\nhuge,huge.txt,,,,\n")
    result = subprocess.run([sys.executable, "-m", "widgets.cli", "check", str(data)], capture_output=True,
                            text=True, timeout=120)
    assert f"WARNING {data}/articles/huge.txt: {too_long_message(len(TEN_MB_TEXT))} Fix: {TOO_LONG_FIX}" \
        in result.stdout.splitlines()
    corpus = check_data_dir(data)
    skipped = corpus.analysable().skipped
    assert [(p.message, p.fix) for p in skipped] == [(too_long_message(len(TEN_MB_TEXT)), TOO_LONG_FIX)]


# --------------------------------------------------------------------------------------------------
# 2. Metadata: the data folder and its data cards (through check_data_dir, on temporary folders)
# --------------------------------------------------------------------------------------------------
HEADER = "id,file,title,outlet,defects,body_starts_at\n"
A = "Blinken said “we will see.” The end.\n"
COLUMNS = ("id, file, title, outlet, outlet_evidence, byline, date, date_evidence, body_starts_at, "
           "body_ends_before, defects, notes, story, licence, source_url")
NO_CARD = ("WARNING {data}/articles/{name}: This article has no data card, so its title, outlet and date show as "
           "unknown. Fix: Add a row for it to {data}/articles.csv (only facts the text itself shows).")

METADATA_CASES = [
    ("no articles folder", {}, None, (), [
        "ERROR {data}/articles: The articles folder does not exist. Fix: Create it and put .txt files in it, "
        "or set MEDIALIT_DATA to the kit's data folder."]),
    ("no data-card file", {"a.txt": A}, None, ("a",), [
        "WARNING {data}/articles.csv: There is no data-card file; every article loads with unknown metadata. "
        "Fix: Create it with the header: " + COLUMNS.replace(", ", ",") + ".",
        NO_CARD.format(data="{data}", name="a.txt")]),
    ("header without file column", {"a.txt": A}, "id,title\na,T\n", ("a",), [
        "ERROR {data}/articles.csv, line 1: The header row has no column named 'file'. It has: 'id', 'title'. "
        "No data cards were read. Fix: The first row must name the columns; these are understood: " + COLUMNS + ".",
        NO_CARD.format(data="{data}", name="a.txt")]),
    ("row with too few fields", {"a.txt": A}, HEADER + "a,a.txt,T\n", ("a",), [
        "ERROR {data}/articles.csv, line 2: This row has 3 fields but the header has 6, so it was skipped. "
        "Fix: A comma inside a field needs the field in double quotes; or open the file in a spreadsheet and save it as CSV.",
        NO_CARD.format(data="{data}", name="a.txt")]),
    ("row names a missing file", {"a.txt": A}, HEADER + "a,a.txt,,,,\nb,nope.txt,,,,\n", ("a",), [
        'ERROR {data}/articles.csv, line 3: The row for "b" names the file "nope.txt", which is not in '
        "{data}/articles. Fix: Add the file to the articles folder, correct the file name, or delete the row."]),
    ("one file, two rows", {"a.txt": A}, HEADER + "a,a.txt,,,,\nb,a.txt,,,,\n", ("a",), [
        'ERROR {data}/articles.csv, line 3: The file "a.txt" already has a data card (id "a"); this row was '
        "skipped. Fix: Keep one row per file."]),
    ("one id, two files", {"a.txt": A, "b.txt": A}, HEADER + "a,a.txt,,,,\na,b.txt,,,,\n", ("a",), [
        'ERROR {data}/articles.csv, line 3: The id "a" is already used by a.txt; this article was skipped. '
        "Fix: Ids must be unique: give one of them another id in the data-card file."]),
    ("row without id", {"a.txt": A}, HEADER + "a,a.txt,,,,\n,a.txt,,,,\n", ("a",), [
        "ERROR {data}/articles.csv, line 3: This row has no id, so it was skipped. "
        "Fix: Give every article a short id, e.g. my-article-1."]),
    ("row without file", {"a.txt": A}, HEADER + "a,a.txt,,,,\nb,,,,,\n", ("a",), [
        'ERROR {data}/articles.csv, line 3: The row for "b" names no file, so it was skipped. '
        "Fix: Put the file name (e.g. my-article.txt) in the 'file' column."]),
    ("unknown defect", {"a.txt": A}, HEADER + "a,a.txt,,,mixed_quotes; typo,\n", ("a",), [
        'WARNING {data}/articles.csv, line 2: The defect "typo" is not one the kit knows; it is kept as written. '
        "Fix: Known defects: mixed_quotes, mismatched_quote, broken_lines, translation_damage, appended_teasers, "
        "site_chrome, truncated_text, repeated_title, different_event."]),
    ("body start not in the text", {"a.txt": A}, HEADER + "a,a.txt,,,,Putin said\n", ("a",), [
        'WARNING {data}/articles.csv, line 2: body_starts_at text "Putin said" is not in the article; using the '
        "start of the file. Fix: Copy the first words of the article proper exactly, or leave the cell empty."]),
    ("unknown column", {"a.txt": A}, "id,file,colour\na,a.txt,red\n", ("a",), [
        "WARNING {data}/articles.csv, line 1: These columns are not used by the kit and are ignored: 'colour'. "
        "Fix: Check the spelling against: " + COLUMNS + "."]),
    ("stray quotation mark", {"a.txt": A}, HEADER + 'a,a.txt,"The "big" day",,,\n', ("a",), [
        "ERROR {data}/articles.csv, line 2: This CSV file cannot be read (',' expected after '\"'). No data cards were "
        "read. Fix: Check for a stray quotation mark; open the file in a spreadsheet and save it as CSV (UTF-8).",
        NO_CARD.format(data="{data}", name="a.txt")]),
    ("data cards not UTF-8", {"a.txt": A}, "id,file,title\na,a.txt,Café\n".encode("cp1252"), ("a",), [
        "ERROR {data}/articles.csv: This file is not UTF-8 text: byte 0xe9 at line 2, column 12 (character "
        'position 25) cannot be read. It looks like Windows-1252 (reads as "d,file,title a,a.txt,Café"). '
        "No data cards were read. " + ENCODING_FIX,
        NO_CARD.format(data="{data}", name="a.txt")]),
    ("data-card file empty", {"a.txt": A}, "", ("a",), [
        "WARNING {data}/articles.csv: The data-card file is empty, so every article loads with unknown metadata. "
        "Fix: Add a header row: id,file,title,outlet,outlet_evidence,byline,date,date_evidence,body_starts_at,"
        "body_ends_before,defects,notes,story,licence,source_url, then one row per article.",
        NO_CARD.format(data="{data}", name="a.txt")]),
    ("a .docx in the folder", {"a.txt": A, "b.docx": b"PK\x03\x04"}, HEADER + "a,a.txt,,,,\n", ("a",), [
        "WARNING {data}/articles/b.docx: Only .txt files are read, so this file was skipped. "
        "Fix: Save the article as plain text (.txt, UTF-8) in this folder."]),
    ("article without a data card", {"a.txt": A, "b.txt": A}, HEADER + "a,a.txt,,,,\n", ("a", "b"), [
        NO_CARD.format(data="{data}", name="b.txt")]),
    ("empty article", {"a.txt": A, "b.txt": ""}, HEADER + "a,a.txt,,,,\nb,b.txt,,,,\n", ("a",), [
        "ERROR {data}/articles/b.txt: The file is empty. The article was skipped. "
        "Fix: Paste the article text into it and save it as UTF-8 text."]),
    ("article not UTF-8", {"a.txt": A, "b.txt": "Café".encode("cp1252")}, HEADER + "a,a.txt,,,,\nb,b.txt,,,,\n", ("a",), [
        "ERROR {data}/articles/b.txt: This file is not UTF-8 text: byte 0xe9 at line 1, column 4 (character "
        'position 3) cannot be read. It looks like Windows-1252 (reads as "Café"). The article was skipped. '
        + ENCODING_FIX]),
    ("article is a PDF", {"a.txt": A, "b.txt": b"%PDF-1.4"}, HEADER + "a,a.txt,,,,\nb,b.txt,,,,\n", ("a",), [
        "ERROR {data}/articles/b.txt: This is a PDF, not plain text. The article was skipped. " + SAVE_AS_TEXT]),
    ("10 MB article", {"a.txt": TEN_MB_TEXT}, HEADER + "a,a.txt,,,,\n", ("a",), [
        "WARNING {data}/articles/a.txt: This article has 9,860,000 characters: it can be read, but the kit "
        "analyses at most 1,000,000 at once, so quotes, highlights, comparisons and marking skip it (the other "
        "articles still work). Fix: Check that it is one article; split a collection into one file per article."]),
]


def _write(path: Path, content) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")


@pytest.mark.parametrize("articles, cards, ids, expected", [c[1:] for c in METADATA_CASES], ids=[c[0] for c in METADATA_CASES])
def test_data_folder_problems_are_reported_exactly(tmp_path, articles, cards, ids, expected):
    data = tmp_path / "data"
    data.mkdir()
    for name, content in articles.items():
        _write(data / "articles" / name, content)
    if cards is not None:
        _write(data / "articles.csv", cards)
    corpus = check_data_dir(data)
    assert corpus.ids == ids
    assert [str(p) for p in corpus.problems] == [e.format(data=data) for e in expected]


def test_medialit_check_prints_the_problems_and_exits_1_on_errors(tmp_path):
    data = tmp_path / "data"
    _write(data / "articles" / "a.txt", A)
    _write(data / "articles" / "b.txt", b"")
    _write(data / "articles.csv", HEADER + "a,a.txt,,,,\nb,b.txt,,,,\n")
    result = subprocess.run([sys.executable, "-m", "widgets.cli", "check", str(data)], capture_output=True,
                            text=True, timeout=120)
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        f"ERROR {data}/articles/b.txt: The file is empty. The article was skipped. "
        "Fix: Paste the article text into it and save it as UTF-8 text.",
        f"WARNING {data}: These files of the kit are not in this data folder, so the tools that use them stop or "
        "do without: speakers.csv (the quote spotter and the comparison of sources); reporting_verbs.csv (the quote "
        "spotter, to find who speaks); titles.csv (the quote spotter, to read titles such as 'the senator said'); "
        "lexicon.csv (the "
        "loaded-language highlighter); keys/quotes.csv (the quote-spotting accuracy figures); keys/loaded.csv "
        "(lesson 04's word-picking exercise); keys/aligned_quotes.csv (the source-comparison accuracy figures). "
        "Fix: Copy them from the kit's data/ folder if your lessons use those tools.",
        f"Checked {data}: 1 article loads; 1 error, 1 warning.",
        "Note: there is no facts.csv or framing.csv here; they are optional: source comparison finds shared "
        "and missing reporting, who is quoted and word choice by itself.",
    ]


# --------------------------------------------------------------------------------------------------
# 3. Teacher-editable tables: the lexicon and the speaker table
# --------------------------------------------------------------------------------------------------
CATEGORIES = ("loaded_language, name_calling, exaggeration, fear_appeal, doubt, flag_waving, "
              "causal_oversimplification, slogan, whataboutism, black_and_white, thought_terminating_cliche")
LEXICON_CASES = [
    ("no match column", "term,category\nx,insult\n",
     "lexicon, line 1: The header row has no column named 'match'. It has: 'term', 'category'. "
     "Fix: The first row must name the columns; these are understood: "
     "term, match, pattern, category, explanation, alternative, note."),
    ("empty text", "",
     "lexicon: The lexicon is empty. "
     "Fix: Start it with the header line: term,match,pattern,category,explanation,alternative,note"),
    ("unknown category", "term,match,category\nthug,lemma,insult\n",
     f"The lexicon has 1 problem: line 2: unknown category 'insult' (use one of: {CATEGORIES}). "
     "Fix: Correct these rows in the lexicon file and run the cell again."),
    ("empty term and unknown match", "term,match,category\n,word,loaded_language\n",
     "The lexicon has 2 problems: line 2: the term is empty (write the word or phrase, or delete the row); "
     "line 2: unknown match 'word' (use lemma, phrase or pattern). "
     "Fix: Correct these rows in the lexicon file and run the cell again."),
]


@pytest.mark.parametrize("text, expected", [c[1:] for c in LEXICON_CASES], ids=[c[0] for c in LEXICON_CASES])
def test_lexicon_errors(text, expected):
    lexicon = pytest.importorskip("widgets.lexicon")
    with pytest.raises(lexicon.LexiconError) as info:
        lexicon.parse_lexicon(text)
    assert str(info.value) == expected


def test_lexicon_files(tmp_path):
    lexicon = pytest.importorskip("widgets.lexicon")
    bad = tmp_path / "lexicon.csv"
    bad.write_bytes("term,match,category\ncafé,lemma,loaded_language\n".encode("cp1252"))
    with pytest.raises(lexicon.LexiconError) as info:
        lexicon.load_lexicon(bad)
    assert str(info.value) == (f"{bad}: This file is not UTF-8 text: byte 0xe9 at line 2, column 4 (character "
                               'position 23) cannot be read. It looks like Windows-1252 (reads as "term,match,category '
                               'café,lemma,loaded_language"). ' + ENCODING_FIX)
    with pytest.raises(lexicon.LexiconError) as info:
        lexicon.load_lexicon(tmp_path / "none.csv")
    assert str(info.value) == (f"{tmp_path / 'none.csv'}: The file does not exist. "
                               "Fix: Check the name and folder, or copy none.csv from the kit's data/ folder.")


SPEAKER_COLUMNS = "name,aliases,type,role,affiliation,side"
SPEAKER_ROW_CASES = [
    ("empty name", [{"name": "", "aliases": "x"}],
     "speaker table, row 2: The name is empty. Fix: Write the speaker's full name in the name column, or delete the row."),
    ("unknown type", [{"name": "A", "type": "robot"}],
     "speaker table, row 2: Unknown type 'robot' for A. Fix: Use one of: person, organisation, document, group."),
    ("unknown column", [{"name": "A", "colour": "red"}],
     "speaker table: Unknown column 'colour'. Fix: Use only these columns: name, aliases, type, role, affiliation, side."),
    ("alias used twice", [{"name": "A", "aliases": "Bob"}, {"name": "B", "aliases": "Bob"}],
     "speaker table, row 3: The name or alias 'Bob' is used for both A and B. "
     "Fix: Keep it for one speaker only, so every mention points to one person."),
]


@pytest.mark.parametrize("rows, expected", [c[1:] for c in SPEAKER_ROW_CASES], ids=[c[0] for c in SPEAKER_ROW_CASES])
def test_speaker_table_rows(rows, expected):
    speakers = pytest.importorskip("widgets.speakers")
    with pytest.raises(KitError) as info:
        speakers.speakers_from_rows(rows)
    assert str(info.value) == expected


SPEAKER_FILE_CASES = [
    ("empty", b"", "{path}: The speaker table is empty. Fix: Start it with the header line: " + SPEAKER_COLUMNS),
    ("no name column", b"aliases,type\nx,person\n",
     "{path}, line 1: The header row has no column named 'name'. It has: 'aliases', 'type'. "
     "Fix: The first row must name the columns; these are understood: " + SPEAKER_COLUMNS.replace(",", ", ") + "."),
    ("not UTF-8", "name\nJosé\n".encode("cp1252"),
     "{path}: This file is not UTF-8 text: byte 0xe9 at line 2, column 4 (character position 8) cannot be read. "
     'It looks like Windows-1252 (reads as "name José"). ' + ENCODING_FIX),
    ("comma outside quotes", b'name,aliases\nA,"x,y",z\n',
     "{path}, line 2: This row has 3 fields but the header has 2. Fix: A comma inside a field needs the field in "
     "double quotes; or open the file in a spreadsheet and save it as CSV."),
]


@pytest.mark.parametrize("content, expected", [c[1:] for c in SPEAKER_FILE_CASES], ids=[c[0] for c in SPEAKER_FILE_CASES])
def test_speaker_table_files(tmp_path, content, expected):
    speakers = pytest.importorskip("widgets.speakers")
    path = tmp_path / "speakers.csv"
    path.write_bytes(content)
    with pytest.raises(KitError) as info:
        speakers.load_speakers(path)
    assert str(info.value) == expected.format(path=path, name=path.name)


# --------------------------------------------------------------------------------------------------
# 4. A student's answer of the wrong type (check never raises)
# --------------------------------------------------------------------------------------------------
ANSWER_CASES = [
    ("0.1", 42, "wrong_type", 'Exercise 0.1 expects text (a str), but got a number (int). For example: answer = "Ctrl+S"'),
    ("0.1", ["Ctrl+S"], "wrong_type", 'Exercise 0.1 expects text (a str), but got a list. For example: answer = "Ctrl+S"'),
    ("1.5", "three", "wrong_type", "Exercise 1.5 expects a number, but got text (a str). For example: answer = 3"),
    ("1.5", True, "wrong_type", "Exercise 1.5 expects a number, but got True/False (bool). For example: answer = 3"),
    ("1.1", "xi-invites-putin", "wrong_type",
     'Exercise 1.1 expects a list of items, but got text (a str). For example: answer = ["article-id-1", "article-id-2"]'),
    ("1.1", {"a": 1}, "wrong_type",
     'Exercise 1.1 expects a list of items, but got a dict. For example: answer = ["article-id-1", "article-id-2"]'),
    ("0.2", 2, "wrong_type", 'Exercise 0.2 expects one letter as text, but got a number (int). For example: answer = "b"'),
    ("0.2", "z", "wrong", '"z" is not one of the choices. Choose one of: "a" = It is saved on Binder for next time; '
                          '"b" = It is lost unless you download it; "c" = It is emailed to your teacher.'),
    ("0.1", ..., "unanswered", "Exercise 0.1 is not answered yet: replace the ... with your answer and run the cell again."),
    ("0.1", None, "unanswered", "Exercise 0.1 is not answered yet: replace the ... with your answer and run the cell again."),
    ("0.1", "   ", "unanswered", "Exercise 0.1 is not answered yet: replace the ... with your answer and run the cell again."),
]


@pytest.mark.parametrize("exercise, answer, status, message", ANSWER_CASES,
                         ids=[f"{c[0]}-{type(c[1]).__name__}" for c in ANSWER_CASES])
def test_answers_of_the_wrong_type(exercise, answer, status, message):
    feedback = check(exercise, answer)
    assert (feedback.status, feedback.message) == (status, message)
    assert message in feedback._repr_html_().replace("&quot;", '"').replace("&#x27;", "'")


def test_unknown_exercise_lists_the_real_ones():
    feedback = check("9.9", "x")
    assert feedback.status == "unknown"
    assert feedback.message.startswith('There is no exercise "9.9". Exercises are: 0.1, 0.2, 0.3, 1.1,')


def test_nan_answer_gets_a_message_that_does_not_contradict_itself():
    feedback = check("1.5", float("nan"))
    assert "but got a number" not in feedback.message


# --------------------------------------------------------------------------------------------------
# 5. The medialit command: one line on stderr, exit code 2, for a bad file
# --------------------------------------------------------------------------------------------------
def _medialit(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "widgets.cli", *args], capture_output=True, text=True, timeout=300)


CLI_FILE_CASES = [
    ("not UTF-8", "Café".encode("cp1252"),
     'This file is not UTF-8 text: byte 0xe9 at line 1, column 4 (character position 3) cannot be read. '
     'It looks like Windows-1252 (reads as "Café"). ' + ENCODING_FIX),
    ("empty", b"", "The file is empty. Fix: Paste the article text into it and save it as UTF-8 text."),
    ("docx", b"PK\x03\x04", "This is a Word document or other zip file (.docx, .odt), not plain text. " + SAVE_AS_TEXT),
]
COMMANDS = [c for c in ("quotes", "loaded") if importlib.util.find_spec(f"widgets.{c}") is not None]


@pytest.mark.parametrize("command", COMMANDS)
@pytest.mark.parametrize("content, expected", [c[1:] for c in CLI_FILE_CASES], ids=[c[0] for c in CLI_FILE_CASES])
def test_medialit_gives_one_line_for_a_bad_file(tmp_path, command, content, expected):
    path = tmp_path / "article.txt"
    path.write_bytes(content)
    result = _medialit(command, str(path))
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr.splitlines() == [f"medialit {command}: {path}: {expected}"]


def test_medialit_quotes_on_a_missing_file(tmp_path):
    if "quotes" not in COMMANDS:
        pytest.skip("widgets/quotes.py does not exist yet")
    result = _medialit("quotes", "--json", str(tmp_path / "nope.txt"))
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr.splitlines() == [f"medialit quotes: {tmp_path / 'nope.txt'}: There is no such file. Fix: Check the name and folder."]


def test_medialit_quotes_on_a_10_mb_file(tmp_path):
    if "quotes" not in COMMANDS:
        pytest.skip("widgets/quotes.py does not exist yet")
    path = tmp_path / "huge.txt"
    path.write_text(TEN_MB_TEXT, encoding="utf-8")
    result = _medialit("quotes", "--json", str(path))
    assert (result.returncode, result.stdout) == (2, "")
    # The model's one-line notice may come first; the error is the last line.
    assert result.stderr.splitlines()[-1] == f"medialit quotes: {TOO_LONG.format(n=len(TEN_MB_TEXT))}"


def test_medialit_compare_on_a_bad_file(tmp_path):
    if not (ROOT / "widgets" / "compare.py").exists():
        pytest.skip("widgets/compare.py does not exist yet")
    good, bad = tmp_path / "good.txt", tmp_path / "bad.txt"
    good.write_text(A, encoding="utf-8")
    bad.write_bytes("Café".encode("cp1252"))
    result = _medialit("compare", str(good), str(bad))
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr.splitlines()[-1] == f"medialit compare: {bad}: {CLI_FILE_CASES[0][2]}"


# --------------------------------------------------------------------------------------------------
# 6. The hostile article in every view's HTML (no browser needed; tests/browser/ checks it in Chromium)
# --------------------------------------------------------------------------------------------------
def _hostile():
    sys.path.insert(0, str(ROOT / "tests" / "hostile"))
    try:
        import make_hostile
    finally:
        sys.path.pop(0)
    return make_hostile


def _view_names():
    from widgets.views import _VIEWS

    return list(_VIEWS)


@pytest.mark.parametrize("view_name", _view_names())
def test_hostile_article_is_escaped_in_every_view(tmp_path, view_name):
    import inspect

    import ipywidgets as W

    import widgets.views as views
    from widgets.corpus import load_corpus

    try:
        cls = getattr(views, view_name)
    except (AttributeError, ImportError):
        pytest.skip(f"{view_name} does not exist yet")
    hostile = _hostile()
    corpus = load_corpus(hostile.make_hostile_data_dir(ROOT / "data", tmp_path / "data"), warn=False)
    params = inspect.signature(cls).parameters
    kwargs = {}
    if "corpus" in params:
        kwargs["corpus"] = corpus
    if "article_id" in params:
        kwargs["article_id"] = hostile.HOSTILE_ID
    elif "article_ids" in params:
        kwargs["article_ids"] = [hostile.HOSTILE_ID, "xi-invites-putin"]
    if "filename" in params:
        kwargs["filename"] = str(tmp_path / "work.json")
    view = cls(**kwargs)
    html = []

    def walk(widget):
        if isinstance(widget, (W.HTML, W.HTMLMath)):
            html.append(widget.value)
        for child in getattr(widget, "children", ()):
            walk(child)

    walk(view)
    live = _live_markup("\n".join(html))
    assert not live, f"{view_name}: markup from the hostile article reached the HTML: {sorted(set(live))}"


def _live_markup(html: str) -> list[str]:
    """Tags and attributes in ``html`` that would run script (parsed as a browser would, not searched as text)."""
    from html.parser import HTMLParser

    found: list[str] = []

    class Finder(HTMLParser):
        def handle_starttag(self, tag, attrs):
            if tag in ("script", "img", "svg", "iframe", "details", "plan", "object", "embed"):
                found.append(f"<{tag}>")
            for name, value in attrs:
                if name.startswith("on"):
                    found.append(f"{tag} {name}")
                if name in ("href", "src", "style", "srcdoc") and "javascript:" in (value or "").lower():
                    found.append(f"{tag} {name}=javascript:")

    Finder(convert_charrefs=True).feed(html)
    return found


def test_the_markup_finder_finds_live_markup():
    assert _live_markup('<img src="x" onerror="alert(1)"><a href="javascript:x">y</a>') == [
        "<img>", "img onerror", "a href=javascript:"]
    assert _live_markup("&lt;img src=x onerror=alert(1)&gt;") == []
