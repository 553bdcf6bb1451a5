"""Loading event folders, tables and pasted text; every bad input names where and what."""

import gzip
import json
from pathlib import Path

import pandas as pd
import pytest

from analysis import CORPUS_COLUMNS, CorpusError, from_texts, load_corpus, read_event
from conftest import SEED_EVENT, SHARED

GOOD_ARTICLE = """---
outlet: Outlet A
title: Talks held
date: 2024-07-12
url: https://example.org/a
language: en
---
The ministers spoke by phone.
"""


def make_event(folder: Path, articles: dict[str, str], event_yml: str = "title: Test\n") -> Path:
    folder.mkdir(parents=True)
    (folder / "event.yml").write_text(event_yml, encoding="utf-8")
    for name, content in articles.items():
        path = folder / name
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    return folder


# --- the seed event ---------------------------------------------------------------------

def test_seed_event_loads_with_fixed_columns():
    corpus = load_corpus(SEED_EVENT)
    assert list(corpus.columns[: len(CORPUS_COLUMNS) + 2]) == [*CORPUS_COLUMNS, "leaning",
                                                                 "source"]
    assert corpus["outlet"].tolist() == ["n-tv", "Shafaq News"]
    assert corpus["date"].dt.strftime("%Y-%m-%d").tolist() == ["2024-07-12", "2024-07-12"]
    assert corpus["translated_from"].tolist() == ["de", ""]
    assert set(corpus["event"]) == {"2024-07-12-austin-belousov-call"}
    # the front matter takes 15 lines, so the body starts on line 16
    assert corpus["source"].iloc[0].endswith("ntv-2024-07-12-kremlin-pentagon.md:16")


@pytest.mark.shared
def test_seed_bodies_are_exactly_as_received():
    seeds = SHARED / "seeds"
    if not seeds.is_dir():
        pytest.skip("../shared/seeds not found: the original seed files are not beside this "
                    "clone")
    corpus = load_corpus(SEED_EVENT).set_index("outlet")
    assert corpus.loc["n-tv", "text"] == (seeds / "000_b57106ab43b63bb8.txt").read_text("utf-8")
    assert corpus.loc["Shafaq News", "text"] == (
        seeds / "001_0ed931f7c987e9f1.txt").read_text("utf-8")


def test_loading_writes_nothing():
    before = {p: p.stat().st_mtime_ns for p in SEED_EVENT.iterdir()}
    load_corpus(SEED_EVENT)
    assert {p: p.stat().st_mtime_ns for p in SEED_EVENT.iterdir()} == before


def test_read_event():
    event = read_event(SEED_EVENT)
    assert event["event"] == "2024-07-12-austin-belousov-call"
    assert event["date"] == pd.Timestamp("2024-07-12")
    assert event["description"].startswith("On Friday 12 July 2024")


def test_blank_lines_after_front_matter_are_not_body(tmp_path):
    folder = make_event(tmp_path / "ev", {"a.md": GOOD_ARTICLE.replace("---\nThe", "---\n\n\nThe")})
    assert load_corpus(folder).loc[0, "text"] == "The ministers spoke by phone.\n"


def test_yaml_no_stays_a_language_code(tmp_path):
    folder = make_event(tmp_path / "ev", {"a.md": GOOD_ARTICLE.replace("language: en",
                                                                     "language: no")})
    assert load_corpus(folder).loc[0, "language"] == "no"


def test_folder_of_events_prefixes_ids_with_the_event(tmp_path):
    make_event(tmp_path / "one", {"a.md": GOOD_ARTICLE})
    make_event(tmp_path / "two", {"a.md": GOOD_ARTICLE})
    (tmp_path / "not-an-event").mkdir()
    corpus = load_corpus(tmp_path)
    assert corpus["article_id"].tolist() == ["one/a", "two/a"]


# --- bad event input --------------------------------------------------------------------

BAD_ARTICLES = [
    # (file content, expected fragments of the message)
    (GOOD_ARTICLE.replace("outlet: Outlet A\n", ""), ["a.md", "line 2", "field 'outlet'"]),
    (GOOD_ARTICLE.replace("outlet: Outlet A", "outlet: ''"), ["a.md", "field 'outlet'"]),
    (GOOD_ARTICLE.replace("The ministers spoke by phone.\n", "\n  \n"),
     ["a.md", "line 7", "no text"]),
    (GOOD_ARTICLE.replace("title: Talks held", 'title: "unclosed'),
     ["a.md", "not valid YAML"]),
    (GOOD_ARTICLE.replace("title: Talks held", "title: [a, b"), ["a.md", "not valid YAML"]),
    (GOOD_ARTICLE.replace("date: 2024-07-12", "date: last Friday"),
     ["a.md", "line 4", "field 'date'", "last Friday"]),
    (GOOD_ARTICLE.replace("title: Talks held", "title: {a: 1}"),
     ["a.md", "line 3", "field 'title'"]),
    ("The ministers spoke.\n", ["a.md", "line 1", "front matter"]),
    ("---\noutlet: A\nThe ministers spoke.\n", ["a.md", "never closed"]),
    ("---\n- a list\n---\nText\n", ["a.md", "key: value"]),
]


@pytest.mark.parametrize(("content", "fragments"), BAD_ARTICLES)
def test_bad_article_errors_name_file_line_and_field(tmp_path, content, fragments):
    folder = make_event(tmp_path / "ev", {"a.md": content})
    with pytest.raises(CorpusError) as info:
        load_corpus(folder)
    for fragment in fragments:
        assert fragment in str(info.value)


def test_yaml_error_points_at_the_file_line(tmp_path):
    content = GOOD_ARTICLE.replace("url: https://example.org/a", "url: [unclosed")
    folder = make_event(tmp_path / "ev", {"a.md": content})
    with pytest.raises(CorpusError) as info:
        load_corpus(folder)
    # the bad line is line 5 of the file; PyYAML notices at the next line or the end
    assert info.value.line in (5, 6, 7)


def test_not_utf8_names_the_line(tmp_path):
    content = GOOD_ARTICLE.replace("spoke by phone", "spoke in Br\u00fcssel").encode("latin-1")
    folder = make_event(tmp_path / "ev", {"a.md": content})
    with pytest.raises(CorpusError, match=r"a\.md, line 8: is not UTF-8"):
        load_corpus(folder)


def test_utf8_byte_order_mark_is_accepted(tmp_path):
    folder = make_event(tmp_path / "ev", {"a.md": "\ufeff" + GOOD_ARTICLE})
    assert load_corpus(folder).loc[0, "outlet"] == "Outlet A"


def test_duplicate_ids_name_both_files(tmp_path):
    with_id = GOOD_ARTICLE.replace("title:", "id: same\ntitle:")
    folder = make_event(tmp_path / "ev", {"a.md": with_id, "b.md": with_id})
    with pytest.raises(CorpusError, match=r"'same' is used more than once") as info:
        load_corpus(folder)
    assert "a.md" in str(info.value) and "b.md" in str(info.value)


@pytest.mark.parametrize(
    ("event_yml", "fragment"),
    [
        ("description: no title\n", "field 'title'"),
        ("title: [a]\n", "field 'title'"),
        ("title: T\ndate: someday\n", "field 'date'"),
        ("title: T\ndescription: [1, 2]\n", "field 'description'"),
        ("title: 'open\n", "not valid YAML"),
    ],
)
def test_bad_event_yml(tmp_path, event_yml, fragment):
    folder = make_event(tmp_path / "ev", {"a.md": GOOD_ARTICLE}, event_yml=event_yml)
    with pytest.raises(CorpusError, match=r"event\.yml") as info:
        load_corpus(folder)
    assert fragment in str(info.value)


def test_event_without_articles(tmp_path):
    folder = make_event(tmp_path / "ev", {})
    with pytest.raises(CorpusError, match="has no articles"):
        load_corpus(folder)


def test_folder_that_is_not_an_event(tmp_path):
    with pytest.raises(CorpusError, match="not an event folder"):
        load_corpus(tmp_path)


def test_missing_path(tmp_path):
    with pytest.raises(CorpusError, match="does not exist"):
        load_corpus(tmp_path / "nowhere")


def test_unknown_file_type(tmp_path):
    path = tmp_path / "articles.docx"
    path.write_bytes(b"PK\x03\x04")
    with pytest.raises(CorpusError, match=r"articles\.docx: is not a file type .*\.docx"):
        load_corpus(path)


# --- tables -----------------------------------------------------------------------------

ROWS = [
    {"article_id": "x1", "outlet": "A", "title": "T1", "date": "2024-07-12", "text": "One."},
    {"article_id": "x2", "outlet": "B", "title": "T2", "date": "2024-07-13", "text": "Two."},
]


def write_jsonl(path: Path, rows, *, gz=False):
    data = "".join(json.dumps(r) + "\n" for r in rows).encode()
    path.write_bytes(gzip.compress(data) if gz else data)
    return path


@pytest.mark.parametrize("kind", ["csv", "jsonl", "jsonl.gz", "json", "parquet"])
def test_table_formats_give_the_same_corpus(tmp_path, kind):
    path = tmp_path / f"articles.{kind}"
    frame = pd.DataFrame(ROWS)
    if kind == "csv":
        frame.to_csv(path, index=False)
    elif kind == "json":
        path.write_text(json.dumps(ROWS))
    elif kind == "parquet":
        frame.to_parquet(path)
    else:
        write_jsonl(path, ROWS, gz=kind.endswith("gz"))
    corpus = load_corpus(path)
    assert corpus["article_id"].tolist() == ["x1", "x2"]
    assert corpus["text"].tolist() == ["One.", "Two."]
    assert corpus["date"].dt.day.tolist() == [12, 13]
    assert corpus["event"].tolist() == ["articles", "articles"]


def test_table_without_ids_gets_row_ids_and_keeps_extra_columns(tmp_path):
    path = tmp_path / "mine.csv"
    pd.DataFrame([{"outlet": "A", "text": "One.", "section": "world"}]).to_csv(path, index=False)
    corpus = load_corpus(path)
    assert corpus.loc[0, "article_id"] == "mine-1"
    assert corpus.loc[0, "section"] == "world"
    assert corpus.loc[0, "source"].endswith("mine.csv:2")


def test_csv_without_text_column(tmp_path):
    path = tmp_path / "a.csv"
    path.write_text("outlet,body\nA,hello\n")
    with pytest.raises(CorpusError, match=r"a\.csv, field 'text': has no 'text' column.*'body'"):
        load_corpus(path)


def test_csv_line_numbers_count_multiline_cells(tmp_path):
    path = tmp_path / "a.csv"
    path.write_text('outlet,text\nA,"first\nsecond line"\n,orphan text\n')
    with pytest.raises(CorpusError, match=r"a\.csv, line 4, field 'outlet': is empty"):
        load_corpus(path)


def test_csv_row_with_wrong_cell_count(tmp_path):
    path = tmp_path / "a.csv"
    path.write_text("outlet,text\nA,one,extra\n")
    with pytest.raises(CorpusError, match=r"line 2: has 3 cells"):
        load_corpus(path)


def test_jsonl_malformed_line(tmp_path):
    path = tmp_path / "a.jsonl"
    path.write_text(json.dumps(ROWS[0]) + "\n{not json}\n")
    with pytest.raises(CorpusError, match=r"a\.jsonl, line 2: is not valid JSON"):
        load_corpus(path)


def test_jsonl_line_that_is_not_an_object(tmp_path):
    path = tmp_path / "a.jsonl"
    path.write_text(json.dumps(ROWS[0]) + "\n[1, 2]\n")
    with pytest.raises(CorpusError, match=r"line 2: expected a JSON object"):
        load_corpus(path)


def test_jsonl_empty_text_and_bad_date(tmp_path):
    rows = [ROWS[0], {**ROWS[1], "text": "  "}]
    with pytest.raises(CorpusError, match=r"line 2, field 'text': is empty"):
        load_corpus(write_jsonl(tmp_path / "a.jsonl", rows))
    rows = [ROWS[0], {**ROWS[1], "date": "sometime"}]
    with pytest.raises(CorpusError, match=r"line 2, field 'date'.*'sometime'"):
        load_corpus(write_jsonl(tmp_path / "b.jsonl", rows))


def test_table_duplicate_ids_name_lines(tmp_path):
    rows = [ROWS[0], {**ROWS[1], "article_id": "x1"}]
    with pytest.raises(CorpusError, match=r"'x1' is used more than once: .*:1; .*:2"):
        load_corpus(write_jsonl(tmp_path / "a.jsonl", rows))


def test_table_not_utf8(tmp_path):
    path = tmp_path / "a.csv"
    path.write_bytes("outlet,text\nA,Br\u00fcssel\n".encode("latin-1"))
    with pytest.raises(CorpusError, match=r"a\.csv: is not UTF-8"):
        load_corpus(path)


def test_broken_parquet(tmp_path):
    path = tmp_path / "a.parquet"
    path.write_bytes(b"not parquet at all")
    with pytest.raises(CorpusError, match=r"a\.parquet: could not be read as Parquet"):
        load_corpus(path)


@pytest.mark.shared
def test_reads_the_allsides_corpus_as_it_is(allsides):
    corpus = allsides  # load_corpus(ALLSIDES), once per run (conftest.py)
    assert len(corpus) == 8368
    assert set(corpus["leaning"]) == {"left", "center", "right"}
    assert corpus["event"].equals(corpus["group"].astype(str))
    assert corpus["outlet"].nunique() == 201
    assert corpus["article_id"].is_unique


# --- pasted text ------------------------------------------------------------------------

def test_from_texts_mapping_and_records():
    corpus = from_texts({"Outlet A": ["One.", "Two."], "B": "Three."}, event="mine")
    assert corpus["article_id"].tolist() == ["outlet-a-1", "outlet-a-2", "b-1"]
    assert set(corpus["event"]) == {"mine"}
    records = from_texts([{"outlet": "A", "text": "x", "title": "T", "date": "2024-01-02"}])
    assert records.loc[0, "title"] == "T"
    assert records.loc[0, "date"] == pd.Timestamp("2024-01-02")


@pytest.mark.parametrize(
    ("texts", "fragment"),
    [
        ({}, "no articles"),
        ({"A": "  "}, "'text'"),
        ([{"text": "x"}], "'outlet'"),
        ([{"outlet": "A", "text": "x", "date": "never"}], "date"),
        ([{"outlet": "A", "text": "x", "article_id": "1"},
          {"outlet": "B", "text": "y", "article_id": "1"}], "more than once"),
    ],
)
def test_from_texts_errors(texts, fragment):
    with pytest.raises(CorpusError, match=fragment):
        from_texts(texts)
