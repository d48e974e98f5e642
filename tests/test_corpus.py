"""Loading the corpus and validating a teacher's data folder: each bad-input case gives a clear message."""
from __future__ import annotations

import shutil
import warnings
from pathlib import Path

import pytest

from widgets.corpus import (
    CARD_COLUMNS,
    ArticleError,
    CorpusWarning,
    article_from_text,
    check_data_dir,
    default_data_dir,
    load_corpus,
    read_text_file,
)
from widgets.errors import KitError

DATA = default_data_dir()
SHARED = Path(__file__).resolve().parents[2] / "shared" / "corpus"


def make_data_dir(tmp_path: Path, cards: str | None = None, files: dict[str, bytes] | None = None) -> Path:
    """A small data folder: two good articles plus whatever the test adds."""
    (tmp_path / "articles").mkdir()
    (tmp_path / "articles" / "a.txt").write_text("Kirby said: “No.”\n", encoding="utf-8")
    (tmp_path / "articles" / "b.txt").write_text("Blinken said “yes”.\n", encoding="utf-8")
    for name, data in (files or {}).items():
        (tmp_path / "articles" / name).write_bytes(data)
    if cards is None:
        cards = "id,file,outlet\nalpha,a.txt,Example News\nbeta,b.txt,\n"
    (tmp_path / "articles.csv").write_text(cards, encoding="utf-8")
    return tmp_path


def messages(corpus) -> str:
    return "\n".join(str(p) for p in corpus.problems)


# --- the real corpus -------------------------------------------------------------------------------
def test_corpus_loads_five_articles_without_problems():
    corpus = load_corpus()
    assert len(corpus) == 5
    assert corpus.problems == ()
    assert all(a.raw and a.body for a in corpus)


def test_articles_are_byte_for_byte_copies_of_the_shared_corpus():
    if not SHARED.is_dir():
        pytest.skip("shared/corpus is not beside the checkout")
    ours = sorted(p.read_bytes() for p in (DATA / "articles").glob("*.txt"))
    theirs = sorted(p.read_bytes() for p in SHARED.glob("*.txt"))
    assert ours == theirs


def test_raw_is_exactly_what_open_reads():
    for article in load_corpus():
        assert article.raw == open(article.path, encoding="utf-8").read()


def test_body_markers_cut_site_chrome_and_teasers():
    corpus = load_corpus()
    putin = corpus["xi-invites-putin"]
    assert putin.body.startswith("Xi Jinping and Vladimir Putin have signed")
    assert "Related Articles" in putin.appended and "Related Articles" not in putin.body
    wsws = corpus["presidents-meet-us-targets"]
    assert wsws.body.rstrip().endswith("the root cause of war.")
    assert corpus["blinken-diplomatic-cover"].appended == ""


def test_unknown_facts_stay_unknown():
    corpus = load_corpus()
    outlets = {a.id: a.outlet for a in corpus}
    assert outlets == {
        "blinken-diplomatic-cover": "unknown",
        "blinken-rights-report": "unknown",
        "xi-invites-putin": "unknown",
        "presidents-meet-us-targets": "World Socialist Web Site (WSWS)",
        "xi-meets-lukashenko": "CNN",
    }
    assert [a.card.date for a in corpus].count("unknown") == 4


def test_every_evidence_quote_is_in_the_text():
    """Data-card evidence quotes the text: each 'single-quoted' phrase must really be in the article."""
    import re

    for article in load_corpus():
        text = article.raw.replace("\u202f", " ").replace("\u00a0", " ")
        flat = re.sub(r"\s+", " ", text)
        for field in (article.card.outlet_evidence, article.card.date_evidence, article.card.notes):
            for phrase in re.findall(r"'([^']{6,}?)'(?=[\s,.;:)]|$)", field):
                if "/" in phrase:  # 'including / Biden.' marks a line break
                    parts = [p.strip() for p in phrase.split("/")]
                    assert all(p in flat for p in parts), (article.id, phrase)
                    continue
                assert phrase in flat, (article.id, phrase)


def test_lookup_by_unknown_id_lists_the_valid_ones():
    with pytest.raises(KitError) as err:
        load_corpus()["no-such-article"]
    assert "blinken-diplomatic-cover" in str(err.value)


# --- reading one file ------------------------------------------------------------------------------
def test_non_utf8_file_names_the_byte_and_likely_encoding(tmp_path):
    p = tmp_path / "x.txt"
    p.write_bytes("Line one\nSaid “déjà vu”".encode("cp1252"))
    with pytest.raises(ArticleError) as err:
        read_text_file(p)
    msg = str(err.value)
    assert "byte 0x93 at line 2, column 6" in msg
    assert "Windows-1252" in msg and "UTF-8" in msg and str(p) in msg


@pytest.mark.parametrize(
    "data, expected",
    [
        (b"", "empty"),
        (b"   \n\n", "empty"),
        (b"PK\x03\x04rest", "Word document"),
        (b"%PDF-1.7 ...", "PDF"),
        (b"\xff\xfeh\x00i\x00", "UTF-16"),
        (b"abc\x00\x01\x02", "binary"),
    ],
)
def test_unreadable_files_get_a_friendly_message(tmp_path, data, expected):
    p = tmp_path / "x.txt"
    p.write_bytes(data)
    with pytest.raises(ArticleError) as err:
        read_text_file(p)
    assert expected in str(err.value) and "Fix:" in str(err.value)


def test_windows_line_endings_read_as_open_does(tmp_path):
    p = tmp_path / "crlf.txt"
    p.write_bytes(b"One.\r\nTwo.\rThree.")
    assert read_text_file(p) == open(p, encoding="utf-8").read() == "One.\nTwo.\nThree."


# --- validating a data folder ----------------------------------------------------------------------
def test_good_folder_has_no_problems(tmp_path):
    corpus = check_data_dir(make_data_dir(tmp_path))
    assert corpus.ids == ("alpha", "beta") and corpus.problems == ()
    assert corpus["alpha"].outlet == "Example News" and corpus["beta"].outlet == "unknown"


def test_one_bad_article_does_not_stop_the_others(tmp_path):
    d = make_data_dir(tmp_path, files={"bad.txt": "Caf\xe9".encode("latin-1"), "empty.txt": b""})
    corpus = check_data_dir(d)
    assert {"alpha", "beta"} <= set(corpus.ids)
    assert "bad" not in corpus.ids and "empty" not in corpus.ids
    text = messages(corpus)
    assert "bad.txt" in text and "not UTF-8" in text
    assert "empty.txt" in text and "empty" in text
    assert len(corpus.errors) == 2


def test_metadata_row_without_file(tmp_path):
    d = make_data_dir(tmp_path, cards="id,file\nalpha,a.txt\nbeta,b.txt\ngamma,missing.txt\n")
    corpus = check_data_dir(d)
    assert corpus.ids == ("alpha", "beta")
    (err,) = corpus.errors
    assert "missing.txt" in err.message and "line 4" in err.where and err.fix


def test_file_without_metadata_loads_with_unknown_fields_and_a_warning(tmp_path):
    d = make_data_dir(tmp_path, files={"new-article.txt": "Xi said “hello”.".encode()})
    with pytest.warns(CorpusWarning, match="medialit check"):
        corpus = load_corpus(d)
    article = corpus["new-article"]
    assert article.outlet == "unknown" and article.card.date == "unknown"
    assert any("no data card" in p.message for p in corpus.warnings)
    assert corpus.errors == ()


def test_duplicate_ids(tmp_path):
    d = make_data_dir(tmp_path, cards="id,file\nalpha,a.txt\nalpha,b.txt\n")
    corpus = check_data_dir(d)
    assert corpus.ids == ("alpha",)
    (err,) = corpus.errors
    assert 'id "alpha" is already used' in err.message and "unique" in err.fix


def test_same_file_twice(tmp_path):
    d = make_data_dir(tmp_path, cards="id,file\nalpha,a.txt\nbeta,b.txt\ngamma,a.txt\n")
    (err,) = check_data_dir(d).errors
    assert "already has a data card" in err.message


@pytest.mark.parametrize(
    "cards, expected",
    [
        ("name,filename\nalpha,a.txt\n", "no column named 'id', 'file'"),
        ('id,file,title\nalpha,a.txt,"A title, with a comma\n', "cannot be read"),
        ("id,file,title\nalpha,a.txt,A title, with a comma\n", "has 4 fields but the header has 3"),
    ],
)
def test_malformed_metadata_file(tmp_path, cards, expected):
    corpus = check_data_dir(make_data_dir(tmp_path, cards=cards))
    assert expected in messages(corpus)
    assert len(corpus) >= 1  # articles still load, with unknown metadata


def test_metadata_file_not_utf8(tmp_path):
    d = make_data_dir(tmp_path)
    (d / "articles.csv").write_bytes("id,file,title\nalpha,a.txt,Caf\xe9\n".encode("cp1252"))
    corpus = check_data_dir(d)
    assert "not UTF-8" in messages(corpus) and len(corpus) == 2


def test_unknown_column_and_defect_are_warnings(tmp_path):
    d = make_data_dir(tmp_path, cards="id,file,outlett,defects\nalpha,a.txt,X,typo_defect\n")
    corpus = check_data_dir(d)
    text = messages(corpus)
    assert "'outlett'" in text and "typo_defect" in text and corpus.errors == ()


def test_body_marker_not_found_is_a_warning(tmp_path):
    d = make_data_dir(tmp_path, cards="id,file,body_ends_before\nalpha,a.txt,Related stories\nbeta,b.txt,\n")
    corpus = check_data_dir(d)
    assert corpus["alpha"].body == corpus["alpha"].raw
    assert "Related stories" in messages(corpus)


def test_non_txt_files_are_reported_not_read(tmp_path):
    d = make_data_dir(tmp_path, files={"notes.docx": b"PK\x03\x04"})
    corpus = check_data_dir(d)
    assert "Only .txt files" in messages(corpus) and len(corpus) == 2


def test_missing_articles_folder(tmp_path):
    corpus = check_data_dir(tmp_path)
    assert len(corpus) == 0 and "does not exist" in messages(corpus)


def test_article_from_text_rejects_non_text():
    with pytest.raises(KitError, match="must be a string"):
        article_from_text(42)


def test_card_columns_documented_in_data_readme():
    readme = (DATA / "README.md").read_text(encoding="utf-8")
    for column in CARD_COLUMNS:
        assert f"`{column}`" in readme


def test_loading_never_writes_to_the_data_folder(tmp_path):
    d = make_data_dir(tmp_path, files={"bad.txt": b"\xff\xfe\x00"})
    before = {p: p.read_bytes() for p in d.rglob("*") if p.is_file()}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        load_corpus(d)
    after = {p: p.read_bytes() for p in d.rglob("*") if p.is_file()}
    assert before == after
