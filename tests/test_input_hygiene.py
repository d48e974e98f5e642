"""Bad input that used to crash, escape a folder, or change results silently (issue 13, items 2, 5, 7, 8).

Each test here failed on the code before the fix. Data folders are temporary; data/ is never touched.
"""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import warnings
from pathlib import Path

import pytest

from widgets.corpus import (
    Article,
    CorpusWarning,
    NotEnglishWarning,
    article_from_text,
    check_data_dir,
    id_problem,
    load_corpus,
    read_text_file,
    safe_id,
)
from widgets.errors import ArticleError, KitError

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data"
A = "Blinken said “we will see.” The end.\n"
HEADER = "id,file,title,outlet,defects,body_starts_at\n"
GERMAN = ("Der chinesische Präsident Xi Jinping ist zu einem Staatsbesuch in Moskau eingetroffen. Er wolle mit "
          "Präsident Wladimir Putin über die Zusammenarbeit beider Länder sprechen, sagte ein Sprecher. Der Westen "
          "sieht den Besuch kritisch: „Wir werden genau hinschauen“, erklärte der amerikanische Außenminister. China "
          "hatte zuvor einen Friedensplan für die Ukraine vorgelegt, der in Kiew und Washington auf Skepsis stieß.\n")
FRENCH = ("Le président chinois Xi Jinping est arrivé à Moscou pour une visite d'État. Il doit s'entretenir avec "
          "Vladimir Poutine de la coopération entre les deux pays, a indiqué un porte-parole. Les Occidentaux jugent "
          "la visite avec méfiance : « Nous observerons de près », a déclaré le secrétaire d'État américain. La Chine "
          "avait présenté un plan de paix pour l'Ukraine, accueilli avec scepticisme à Kiev et à Washington.\n")


def make_data(tmp_path: Path, articles: dict[str, str | bytes], cards: str | bytes | None) -> Path:
    data = tmp_path / "data"
    (data / "articles").mkdir(parents=True)
    for name, content in articles.items():
        path = data / "articles" / name
        path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    if cards is not None:
        (data / "articles.csv").write_bytes(cards if isinstance(cards, bytes) else cards.encode("utf-8"))
    return data


def medialit(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "widgets.cli", *args], capture_output=True, text=True,
                          timeout=300, cwd=cwd)


def problems(corpus) -> list[str]:
    return [str(p) for p in corpus.problems]


# --------------------------------------------------------------------------------------------------
# Item 2: a data-card file of blank or comma-only rows
# --------------------------------------------------------------------------------------------------
NO_HEADER = "has no header row, only blank or comma-only rows, so"
EMPTY = "is empty, so"


@pytest.mark.parametrize("cards, what", [(",,,\n\n", NO_HEADER), ("\n\n\n", EMPTY), (" , ,\r\n,,\r\n", NO_HEADER),
                                         ("\ufeff,,,,\n", NO_HEADER), ("\ufeff\u00a0\n", EMPTY)],
                         ids=["commas then empty line", "empty lines", "spaces and CRLF", "BOM and commas", "BOM NBSP"])
def test_a_cards_file_of_blank_rows_is_a_warning_and_every_article_loads(tmp_path, cards, what):
    data = make_data(tmp_path, {"a.txt": A, "b.txt": A}, cards)
    corpus = check_data_dir(data)
    assert corpus.ids == ("a", "b")
    assert problems(corpus)[0] == (
        f"WARNING {data}/articles.csv: The data-card file {what} every article loads with unknown metadata. "
        "Fix: Add a header row: id,file,title,outlet,outlet_evidence,byline,date,date_evidence,body_starts_at,"
        "body_ends_before,defects,notes,story,licence,source_url, then one row per article.")
    assert corpus.errors == ()


def test_medialit_check_on_a_comma_only_cards_file_exits_0_with_the_warning(tmp_path):
    data = make_data(tmp_path, {"a.txt": A}, ",,,\n\n")
    result = medialit("check", str(data))
    assert (result.returncode, "Traceback" in result.stderr) == (0, False), result.stderr
    assert result.stdout.splitlines()[0].startswith(f"WARNING {data}/articles.csv: The data-card file has no header row")
    assert result.stdout.splitlines()[-2:] == [
        f"Checked {data}: 1 article loads; 0 errors, 3 warnings.",  # the third: the kit's data files are not here
        "Note: there is no facts.csv or framing.csv here; they are optional: source comparison finds shared "
        "and missing reporting, who is quoted and word choice by itself."]


def test_load_corpus_through_medialit_data_on_a_comma_only_cards_file(tmp_path, monkeypatch):
    data = make_data(tmp_path, {"a.txt": A}, ",,,\n\n")
    monkeypatch.setenv("MEDIALIT_DATA", str(data))
    with pytest.warns(CorpusWarning, match="Loaded 1 article; found 0 errors and 2 warnings"):
        corpus = load_corpus()
    assert corpus.ids == ("a",)


# --------------------------------------------------------------------------------------------------
# Item 5: article ids are safe slugs where they enter; export_html never writes outside exports/
# --------------------------------------------------------------------------------------------------
BAD_IDS = [
    ("../escape", 'it starts with "."; an id must start with a letter or a digit', "escape"),
    ("/tmp/escape", 'it starts with "/"; an id must start with a letter or a digit', "tmp-escape"),
    ("a/../../escape", 'it contains "/"; use only letters, digits, hyphens (-), underscores (_) and dots (.)',
     "a-escape"),
    ('=HYPERLINK("http://evil.example","click")', 'it starts with "=", so a spreadsheet would run it as a formula',
     "hyperlink-http-evil-example-click"),
    ("+cmd", 'it starts with "+", so a spreadsheet would run it as a formula', "cmd"),
    ("-2+3", 'it starts with "-", so a spreadsheet would run it as a formula', "2-3"),
    ("@SUM(A1)", 'it starts with "@", so a spreadsheet would run it as a formula', "sum-a1"),
    ("my article", "it contains a space; use only letters, digits, hyphens (-), underscores (_) and dots (.)",
     "my-article"),
    ("x" * 81, "it is 81 characters long; the limit is 80", "x" * 80),
    ("NUL", '"NUL" is a name Windows keeps for a device, not a file', "nul-article"),
]


@pytest.mark.parametrize("bad, reason, suggestion", BAD_IDS, ids=[b[0][:20] for b in BAD_IDS])
def test_a_bad_id_in_the_cards_file_names_the_row_and_the_fix(tmp_path, bad, reason, suggestion):
    cell = '"' + bad.replace('"', '""') + '"'
    data = make_data(tmp_path, {"a.txt": A, "b.txt": A}, HEADER + "b,b.txt,,,,\n" + f"{cell},a.txt,,,,\n")
    corpus = check_data_dir(data)
    assert corpus.ids == ("b", "a")  # the row is skipped; the file still loads, under its own name
    assert problems(corpus)[0] == (
        f'ERROR {data}/articles.csv, line 3: The id "{bad}" cannot be used: {reason}. This row was skipped. '
        f'Fix: Change it in the id column to a short id such as "{suggestion}" (letters, digits and hyphens; it '
        "names the file an export is saved to).")


@pytest.mark.parametrize("bad, reason, suggestion", BAD_IDS[:8], ids=[b[0][:20] for b in BAD_IDS[:8]])
def test_article_from_text_refuses_a_bad_id(bad, reason, suggestion):
    with pytest.raises(KitError) as info:
        article_from_text(A, id=bad)
    assert str(info.value) == (f'The id "{bad}" cannot be used: {reason}. Fix: Use a short id such as '
                               f'id="{suggestion}" (letters, digits and hyphens; it names the file an export is saved to).')


def test_file_names_used_as_ids_become_safe_slugs_with_a_warning(tmp_path):
    data = make_data(tmp_path, {"My Article (BBC).txt": A, "=cmd.txt": A, "ok-one.txt": A, "@@@.txt": A},
                     HEADER)
    corpus = check_data_dir(data)
    assert corpus.ids == ("cmd", "my-article-bbc", "ok-one")
    text = "\n".join(problems(corpus))
    assert (f'WARNING {data}/articles/My Article (BBC).txt: The file name "My Article (BBC)" cannot be used as an id '
            "(it contains a space; use only letters, digits, hyphens (-), underscores (_) and dots (.)), so the "
            'article loads with the id "my-article-bbc". Fix: Rename the file to my-article-bbc.txt, or give it a '
            f"row with an id in {data}/articles.csv.") in text
    assert 'so the article loads with the id "cmd"' in text
    assert (f'ERROR {data}/articles/@@@.txt: The file name "@@@.txt" cannot be used as an id (it starts with "@", so a '
            "spreadsheet would run it as a formula), and has no letters or digits to make one from, so the article "
            "was skipped.") in text


def test_every_corpus_id_is_safe_and_safe_ids_stay_as_they_are():
    for article in load_corpus():
        assert id_problem(article.id) == "" and safe_id(article.id) == article.id


@pytest.mark.parametrize("bad", ["../escape", "/tmp/medialit-escape", "sub/../../escape", "=HYPERLINK(1)"])
def test_export_html_refuses_to_write_outside_exports_whatever_the_id(tmp_path, monkeypatch, bad):
    from widgets.export import export_html

    work = tmp_path / "notebooks"
    work.mkdir()
    monkeypatch.chdir(work)
    article = Article(id=bad, raw="Kirby said “no”.")  # made by hand: past every check where ids enter
    before = {p for p in tmp_path.rglob("*")} | set(Path("/tmp").glob("medialit-escape*"))
    with pytest.raises(KitError) as info:
        export_html(article, charts=False)
    assert str(info.value).startswith(f'Cannot export an article with the id "{bad}": ')
    assert "Nothing was written." in str(info.value)
    after = {p for p in tmp_path.rglob("*")} | set(Path("/tmp").glob("medialit-escape*"))
    assert after - before <= {work / "exports"}


def test_export_html_still_writes_a_safe_id_into_exports(tmp_path, monkeypatch):
    from widgets.export import export_html

    monkeypatch.chdir(tmp_path)
    result = export_html(article_from_text("Kirby said “no”.", id="toy-1"), charts=False)
    assert result.path == Path("exports") / "toy-1.html" and result.path.is_file()


# --------------------------------------------------------------------------------------------------
# Item 7: a byte-order mark or Windows line ends change nothing
# --------------------------------------------------------------------------------------------------
def _variants(text: str) -> dict[str, bytes]:
    lf = text.replace("\r\n", "\n").encode("utf-8")
    crlf = text.replace("\r\n", "\n").replace("\n", "\r\n").encode("utf-8")
    bom = b"\xef\xbb\xbf"
    return {"lf.txt": lf, "crlf.txt": crlf, "bom-lf.txt": bom + lf, "bom-crlf.txt": bom + crlf}


OPENS_WITH_A_QUOTE = ("“We will not be fooled by this,” Kirby said. “It is a stall,” he added.\n\n"
                      "Kirby said: “We will not be fooled by this.”\nThe brutal regime slammed the so-called “plan”.\n")


@pytest.mark.parametrize("article_id", ["toy", "xi-invites-putin", "presidents-meet-us-targets"])
def test_bom_crlf_and_lf_files_give_identical_quotes_highlights_and_comparisons(tmp_path, article_id):
    from widgets.compare import compare
    from widgets.loaded import find_loaded
    from widgets.quotes import find_quotes

    text = OPENS_WITH_A_QUOTE if article_id == "toy" else load_corpus()[article_id].raw
    results = {}
    for name, content in _variants(text).items():
        path = tmp_path / name
        path.write_bytes(content)
        raw = read_text_file(path)
        article = article_from_text(raw, id=path.stem)
        other = article_from_text(OPENS_WITH_A_QUOTE, id="other")
        comparison = json.loads(compare([article, other], names=["x", "other"]).to_json())
        results[name] = (raw, [q.to_json() for q in find_quotes(raw)],
                         [(m.start, m.end, m.text, m.category, m.voice, m.speaker) for m in find_loaded(raw)],
                         comparison)
    first = results["lf.txt"]
    assert first[0] == text.replace("\r\n", "\n")
    for name, result in results.items():
        assert result == first, f"{name} differs from the LF file"
    if article_id == "toy":
        assert [(q["kind"], q["speaker"]) for q in first[1][:3]] == [("direct", "John Kirby")] * 3


def test_medialit_json_is_identical_for_bom_crlf_and_lf_files(tmp_path):
    outputs = set()
    for name, content in _variants(OPENS_WITH_A_QUOTE).items():
        (tmp_path / name).write_bytes(content)
        for command in ("quotes", "loaded"):
            result = medialit(command, "--json", str(tmp_path / name))
            assert result.returncode == 0, result.stderr
            outputs.add((command, result.stdout))
    assert len(outputs) == 2  # one output per command, the same for all four files
    for command, out in outputs:
        for item in json.loads(out):
            assert OPENS_WITH_A_QUOTE[item["start"]:item["end"]] == item["text"]


def test_a_corpus_article_saved_with_bom_and_crlf_loads_exactly_as_the_original(tmp_path):
    from widgets.quotes import find_quotes

    original = load_corpus()["xi-invites-putin"]
    cards = (ROOT / "data" / "articles.csv").read_text(encoding="utf-8")
    header, *rows = cards.splitlines()
    row = next(r for r in rows if r.startswith("xi-invites-putin,"))
    data = make_data(tmp_path, {original.path.name: _variants(original.raw)["bom-crlf.txt"]},
                     "\ufeff" + header + "\r\n" + row + "\r\n")
    copy = check_data_dir(data)["xi-invites-putin"]
    assert (copy.raw, copy.body_start, copy.body_end, copy.card) == (
        original.raw, original.body_start, original.body_end, original.card)
    assert [q.to_json() for q in find_quotes(copy)] == [q.to_json() for q in find_quotes(original)]


def test_article_from_text_drops_a_pasted_byte_order_mark():
    assert article_from_text("\ufeffKirby said no.", id="t").raw == "Kirby said no."


# --------------------------------------------------------------------------------------------------
# Item 8: bad bytes, other languages, CSV line numbers, semicolons, blank files, links, dashes, plurals
# --------------------------------------------------------------------------------------------------
def test_utf8_with_one_bad_byte_says_which_byte_and_where_not_windows_1252(tmp_path):
    path = tmp_path / "article.txt"
    good = "Blinken said “we will see.”\nThe café was “closed”, said Kirby.\n"
    path.write_bytes(good.encode("utf-8").replace("closed".encode(), b"clo\xe9ed"))
    with pytest.raises(ArticleError) as info:
        read_text_file(path)
    assert str(info.value) == (
        f"{path}: This file is UTF-8 text except for 1 byte that cannot be read: it is byte 0xe9 at line 2, "
        'column 18 (character position 45), just after "e will see.” The café was “clo". The file is probably '
        "damaged there. Fix: Open the file in a text editor, go to line 2, retype the damaged character (it may "
        "show as a box or a question mark) and save the file as UTF-8. The kit never changes your file itself.")
    assert "Windows-1252" not in str(info.value)


def test_utf8_with_several_bad_bytes_counts_them(tmp_path):
    path = tmp_path / "article.txt"
    path.write_bytes("“One” — “two” — “three”.\n".encode("utf-8") + b"Caf\xe9 and na\xefve.\n")
    with pytest.raises(ArticleError) as info:
        read_text_file(path)
    assert "UTF-8 text except for 2 bytes that cannot be read: the first is byte 0xe9 at line 2" in str(info.value)


def test_a_real_windows_1252_file_keeps_the_windows_1252_hint(tmp_path):
    path = tmp_path / "article.txt"
    path.write_bytes("Kirby said “no” to the café’s plan — twice.\n".encode("cp1252"))
    with pytest.raises(ArticleError) as info:
        read_text_file(path)
    assert 'It looks like Windows-1252 (reads as "Kirby said “no” to the' in str(info.value)


@pytest.mark.parametrize("text", [GERMAN, FRENCH], ids=["German", "French"])
def test_an_article_that_is_not_english_gets_one_warning(tmp_path, text):
    from widgets.language import check_language

    data = make_data(tmp_path, {"a.txt": A, "foreign.txt": text}, HEADER + "a,a.txt,,,,\nforeign,foreign.txt,,,,\n")
    corpus = check_data_dir(data)
    assert corpus.ids == ("a", "foreign")
    assert problems(corpus) == [
        f"WARNING {data}/articles/foreign.txt: This article does not look like English: only 3% of its "
        f"{check_language(text).words} words are common English words such as 'the', 'and' or 'said' (English news: about a third). The quote, "
        "speaker and loaded-language rules are written for English, so expect wrong or missing results. "
        "Fix: Use an English version of the article, or read the results as examples of what the tools miss."]
    with pytest.warns(NotEnglishWarning, match="does not look like English") as record:
        article_from_text(text, id="foreign")
    assert len(record) == 1


def test_the_five_corpus_articles_and_short_texts_do_not_warn():
    from widgets.language import check_language

    for article in load_corpus():
        assert check_language(article.raw).looks_english, article.id
    assert check_data_dir().problems == ()
    with warnings.catch_warnings():
        warnings.simplefilter("error", NotEnglishWarning)
        for article in load_corpus():
            article_from_text(article.raw, id=article.id)
        article_from_text("Kirby sagte: „Nein.“", id="short")  # too short to judge


def test_medialit_quotes_says_once_that_a_file_is_not_english(tmp_path):
    path = tmp_path / "deutsch.txt"
    path.write_text(GERMAN, encoding="utf-8")
    result = medialit("quotes", "--json", str(path))
    assert result.returncode == 0
    notices = [line for line in result.stderr.splitlines() if "does not look like English" in line]
    assert len(notices) == 1 and notices[0].startswith(f"medialit: {path}: This article does not look like English")
    json.loads(result.stdout)  # standard output stays pure JSON


def test_csv_line_numbers_count_blank_rows_and_multi_line_cells(tmp_path):
    cards = HEADER + "\n\na,a.txt,\"A title\non two lines\",,,\n\n,,,,,\nb,nope.txt,,,,\n"
    data = make_data(tmp_path, {"a.txt": A}, cards)
    assert problems(check_data_dir(data)) == [
        f'ERROR {data}/articles.csv, line 8: The row for "b" names the file "nope.txt", which is not in '
        f"{data}/articles. Fix: Add the file to the articles folder, correct the file name, or delete the row."]


def test_lexicon_speaker_and_fact_line_numbers_count_blank_rows(tmp_path):
    from widgets.coverage import load_facts
    from widgets.lexicon import LexiconError, parse_lexicon
    from widgets.speakers import load_speakers

    with pytest.raises(LexiconError, match=r"line 4: unknown category 'insult'"):
        parse_lexicon("term,match,category\n\nslam,lemma,loaded_language\nthug,lemma,insult\n")
    speakers = tmp_path / "speakers.csv"
    speakers.write_text("name,aliases,type\n\nA,x,person\n\nB,y,robot\n", encoding="utf-8")
    with pytest.raises(KitError, match="speakers.csv, line 5: Unknown type 'robot'"):
        load_speakers(speakers)
    facts = tmp_path / "facts.csv"
    facts.write_text("fact,patterns\n\nTaiwan,Taiwan\n\nNATO,\n", encoding="utf-8")
    with pytest.raises(KitError, match="facts.csv, line 5: This row needs both a fact"):
        load_facts(facts)


def test_a_semicolon_separated_csv_gets_a_fix_that_says_semicolons(tmp_path):
    from widgets.coverage import load_facts
    from widgets.lexicon import LexiconError, parse_lexicon
    from widgets.speakers import load_speakers

    data = make_data(tmp_path, {"a.txt": A}, "id;file;title\na;a.txt;Title\n")
    first = problems(check_data_dir(data))[0]
    assert first == (
        f"ERROR {data}/articles.csv, line 1: The first row is separated by semicolons (;), not commas. No data cards "
        "were read. Fix: Your spreadsheet saved it with semicolons (;) between the columns: save it again as "
        "'CSV UTF-8 (comma delimited)', or replace every semicolon between columns with a comma.")
    with pytest.raises(LexiconError, match="semicolons"):
        parse_lexicon("term;match;category\nthug;lemma;name_calling\n")
    (tmp_path / "speakers.csv").write_text("name;aliases;type\nA;x;person\n", encoding="utf-8")
    with pytest.raises(KitError, match="semicolons") as info:
        load_speakers(tmp_path / "speakers.csv")
    assert "Fix: Your spreadsheet saved it with semicolons" in str(info.value)
    (tmp_path / "facts.csv").write_text("fact;patterns\nTaiwan;Taiwan\n", encoding="utf-8")
    with pytest.raises(KitError, match="semicolons"):
        load_facts(tmp_path / "facts.csv")


def test_a_file_of_only_non_breaking_spaces_is_an_empty_article(tmp_path):
    data = make_data(tmp_path, {"a.txt": A, "nbsp.txt": "\u00a0\u00a0 \u00a0\n\u00a0\n", "zw.txt": "\u200b\ufeff\u2060\n"},
                     HEADER + "a,a.txt,,,,\n")
    corpus = check_data_dir(data)
    assert corpus.ids == ("a",)
    for name in ("nbsp.txt", "zw.txt"):
        assert (f"ERROR {data}/articles/{name}: The file is empty (it holds only spaces or invisible characters). "
                "The article was skipped. Fix: Paste the article text into it and save it as UTF-8 text."
                ) in problems(corpus)


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="no symbolic links here")
def test_a_link_out_of_the_data_folder_is_refused_not_read(tmp_path):
    secret = tmp_path / "outside" / "secret.txt"
    secret.parent.mkdir()
    secret.write_text("The password is swordfish. Kirby said “no”.\n", encoding="utf-8")
    data = make_data(tmp_path, {"a.txt": A}, HEADER + "a,a.txt,,,,\nleak,leak.txt,,,,\n")
    (data / "articles" / "leak.txt").symlink_to(secret)
    (data / "articles" / "inside.txt").symlink_to(data / "articles" / "a.txt")  # a link inside data/ is fine
    corpus = check_data_dir(data)
    assert "leak" not in corpus.ids and "inside" in corpus.ids
    assert not any("swordfish" in a.raw for a in corpus)
    assert (f"ERROR {data}/articles/leak.txt: This is a link to {secret.resolve()}, which is outside {data}, so it was "
            f"not read. The article was skipped. Fix: Copy the file itself into {data} instead of linking to it."
            ) in problems(corpus)
    cards = tmp_path / "outside" / "cards.csv"
    cards.write_text("id,file,outlet\na,a.txt,Secret Outlet\n", encoding="utf-8")
    (data / "articles.csv").unlink()
    (data / "articles.csv").symlink_to(cards)
    corpus = check_data_dir(data)
    assert corpus["a"].outlet == "unknown"
    assert problems(corpus)[0].startswith(f"ERROR {data}/articles.csv: This is a link to {cards.resolve()}, which is "
                                          f"outside {data}, so it was not read. No data cards were read.")


def test_medialit_quotes_reads_a_file_whose_name_starts_with_a_dash(tmp_path):
    (tmp_path / "-dash.txt").write_text("Kirby said: “We are watching closely.”\n", encoding="utf-8")
    for args in (["quotes", "-dash.txt"], ["quotes", "--json", "-dash.txt"], ["quotes", "-dash.txt", "--json"],
                 ["loaded", "-dash.txt"]):
        result = medialit(*args, cwd=tmp_path)
        assert result.returncode == 0, (args, result.stderr)
    result = medialit("quotes", "--json", "-dash.txt", cwd=tmp_path)
    assert json.loads(result.stdout)[0]["speaker"] == "John Kirby"
    result = medialit("quotes", "--jsn", "-dash.txt", cwd=tmp_path)  # a mistyped option is still an error
    assert result.returncode == 2 and "unrecognized arguments: --jsn" in result.stderr


def test_one_warning_is_one_warning_not_one_warnings(tmp_path):
    data = make_data(tmp_path, {"a.txt": A}, "id,file,colour\na,a.txt,red\n")
    for name in ("speakers.csv", "lexicon.csv", "entities.csv", "facts.csv", "framing.csv", "reporting_verbs.csv",
                 "titles.csv", "keys"):
        shutil.copytree(DATA / name, data / name) if name == "keys" else shutil.copy(DATA / name, data)
    (data / "keys" / "loaded.csv").write_text("article,text,occurrence,category,voice,counted,why\n", encoding="utf-8")
    for key in ("quotes.csv", "aligned_quotes.csv"):  # keys about the kit's articles, not this folder's one
        header = (DATA / "keys" / key).read_text(encoding="utf-8").splitlines()[0]
        (data / "keys" / key).write_text(header + "\n", encoding="utf-8")
    result = medialit("check", str(data))
    assert result.stdout.splitlines()[-2:] == [
        f"Checked {data}: 1 article loads; 0 errors, 1 warning.",
        "Note: facts.csv and framing.csv (key facts and framing words) are written for one story and are optional: "
        "for articles about another story, source comparison shows its automatic tables (shared and missing "
        "reporting, who is quoted, word choice) and says the lists match nothing."]
    with pytest.warns(CorpusWarning) as record:
        corpus = load_corpus(data)
    assert str(record[0].message).startswith("Loaded 1 article; found 0 errors and 1 warning. ")
    assert repr(corpus).splitlines()[0] == "Corpus of 1 article:"
    assert repr(corpus).splitlines()[-1] == "  (1 problem found: see corpus.problems)"


def test_one_field_is_singular(tmp_path):
    data = make_data(tmp_path, {"a.txt": A}, HEADER + "a\n")
    assert "This row has 1 field but the header has 6" in problems(check_data_dir(data))[0]


def test_counts_of_one_are_singular_in_reprs_exports_and_messages(tmp_path):
    from widgets.compare import compare
    from widgets.export import export_html
    from widgets.lexicon import parse_lexicon
    from widgets.speakers import speakers_from_rows

    assert repr(speakers_from_rows([{"name": "A"}])) == "SpeakerTable(1 speaker, from speaker table)"
    assert repr(parse_lexicon("term,match,category\nthug,lemma,name_calling\n")) == "Lexicon(1 entry)"
    one = article_from_text("Kirby said: “We are watching closely.” It was a brutal plan.", id="one")
    two = article_from_text("Blinken said “no”.", id="two")
    with pytest.raises(KitError, match=r"compare\(\) got 2 articles but 1 name\."):
        compare([one, two], names=["a"])
    html = export_html(one, tmp_path / "one.html", charts=False).path.read_text(encoding="utf-8")
    assert "<p>1 quotation in the article body.</p>" in html
    assert "<p>1 highlight in the article body.</p>" in html
