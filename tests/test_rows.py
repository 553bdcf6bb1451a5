"""Tests for analysis.rows: the one set of row rules behind load_corpus and the streaming
reader of analysis.scoring."""

from __future__ import annotations

import json
import math

import pandas as pd
import pytest

from analysis.errors import CorpusError
from analysis.loading import load_corpus
from analysis.rows import Row, check_row, is_blank, row_id
from analysis.scoring import iter_chunks


def check(record, **options):
    return check_row(record, default_id="f-3", default_event="f", file="f.jsonl", line=3,
                     **options)


@pytest.mark.parametrize(("record", "expected"), [
    ({"outlet": "A", "text": "Talks."}, Row("f-3", "f", "A", "", "Talks.")),
    # cells trimmed; the text kept exactly
    ({"article_id": " x1 ", "outlet": " A ", "text": " Talks.\n", "leaning": " left "},
     Row("x1", "f", "A", "left", " Talks.\n")),
    # numbers become text
    ({"article_id": 7, "outlet": 5, "text": "Talks.", "event": 2024},
     Row("7", "2024", "5", "", "Talks.")),
    # a blank id gets the default; a blank event takes the group, then the file stem
    ({"article_id": "  ", "outlet": "A", "text": "T.", "event": None, "group": "g 1"},
     Row("f-3", "g 1", "A", "", "T.")),
    ({"article_id": math.nan, "outlet": "A", "text": "T.", "event": "", "group": math.nan},
     Row("f-3", "f", "A", "", "T.")),
    ({"outlet": "A", "text": "T.", "event": "e", "group": "g", "leaning": pd.NA},
     Row("f-3", "e", "A", "", "T.")),
])
def test_a_good_row_is_normalised(record, expected):
    assert check(record) == expected


@pytest.mark.parametrize(("record", "field", "reason"), [
    (["A", "Talks."], None, "expected an object with 'outlet' and 'text', found list"),
    ({"text": "Talks."}, "outlet", "is empty; expected an outlet name"),
    ({"outlet": math.nan, "text": "Talks."}, "outlet", "is empty; expected an outlet name"),
    ({"outlet": " ", "text": "Talks."}, "outlet", "is empty; expected an outlet name"),
    ({"outlet": "A"}, "text", "is empty; expected the article text"),
    ({"outlet": "A", "text": " \n "}, "text", "is empty; expected the article text"),
    ({"outlet": "A", "text": 5}, "text", "expected text, found int"),
    ({"outlet": "A", "text": ["Talks."]}, "text", "expected text, found list"),
    ({"outlet": "A", "text": "caf\udce9"}, "text", "not UTF-8 text"),
    ({"outlet": "A\udce4", "text": "Talks."}, "outlet", "not UTF-8 text"),
    ({"outlet": "A", "text": "Talks.", "group": "g\udcff"}, "group", "not UTF-8 text"),
    # the outlet is checked before the text
    ({"outlet": "", "text": ""}, "outlet", "is empty; expected an outlet name"),
])
def test_a_bad_row_is_a_corpus_error_naming_file_line_and_field(record, field, reason):
    with pytest.raises(CorpusError) as info:
        check(record)
    assert (info.value.file, info.value.line, info.value.field) == ("f.jsonl", 3, field)
    assert info.value.reason == reason


def test_only_undecodable_bytes_break_a_row():
    """A surrogate outside the undecodable-byte range (a lone half of a UTF-16 pair, as a
    JSON escape can give) is kept, in the text as in the other fields; non-ASCII is text."""
    row = check({"outlet": "A\u00e9", "text": "Kyiv\u2019s \ud83d plan \udc7f"})
    assert row.outlet == "A\u00e9" and row.text == "Kyiv\u2019s \ud83d plan \udc7f"
    with pytest.raises(CorpusError, match="not UTF-8 text"):
        check({"outlet": "A", "text": "Kyiv\u2019s \ud83d plan \udc80"})


def test_max_chars():
    assert check({"outlet": "A", "text": "x" * 10}, max_chars=10).text == "x" * 10
    with pytest.raises(CorpusError, match=r"field 'text': text of 11 characters, more than "
                                          r"max_chars \(10\)"):
        check({"outlet": "A", "text": "x" * 11}, max_chars=10)


def test_blank_cells_and_ids():
    assert [is_blank(v) for v in (None, math.nan, pd.NA, pd.NaT, "", " \t", 0, False, "0")] \
        == [True, True, True, True, True, True, False, False, False]
    assert row_id({}, "f-1") == "f-1"
    assert row_id({"article_id": 0}, "f-1") == "0"


# Both readers apply the same rules: load_corpus stops at the first bad row, the streaming
# reader skips it; the file, line, field and reason are the same.
BAD_ROWS = [
    ({"outlet": "", "text": "T."}, "outlet", "is empty; expected an outlet name"),
    ({"outlet": "A", "text": ""}, "text", "is empty; expected the article text"),
    ({"outlet": "A", "text": 5}, "text", "expected text, found int"),
]


@pytest.mark.parametrize(("bad", "field", "reason"), BAD_ROWS)
def test_both_readers_report_a_bad_row_the_same_way(tmp_path, bad, field, reason):
    path = tmp_path / "c.jsonl"
    rows = [{"outlet": "A", "text": "Fine."}, bad, {"outlet": "B", "text": "Also fine."}]
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    with pytest.raises(CorpusError) as info:
        load_corpus(path)
    assert (info.value.file, info.value.line, info.value.field) == (str(path), 2, field)
    assert info.value.reason == f"{reason} (1 row(s) like this)"
    chunks = list(iter_chunks(path))
    articles = pd.concat([a for a, _ in chunks])
    skipped = pd.concat([s for _, s in chunks])
    assert articles["outlet"].tolist() == ["A", "B"]
    assert skipped[["file", "line", "article_id", "field", "reason"]].values.tolist() == [
        [str(path), 2, "c-2", field, reason]]


def test_both_readers_fill_ids_and_events_alike(tmp_path):
    path = tmp_path / "c.jsonl"
    rows = [{"outlet": " A ", "text": "One.", "group": "g1"},
            {"outlet": "B", "text": "Two.", "article_id": "", "event": None, "group": "g2"},
            {"outlet": "C", "text": "Three.", "article_id": "own", "leaning": " right"}]
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    loaded = load_corpus(path)
    streamed = pd.concat([a for a, _ in iter_chunks(path)], ignore_index=True)
    columns = ["article_id", "event", "outlet", "leaning", "source", "text"]
    pd.testing.assert_frame_equal(loaded[columns].astype(str), streamed[columns].astype(str))
    assert loaded["article_id"].tolist() == ["c-1", "c-2", "own"]
    assert loaded["event"].tolist() == ["g1", "g2", "c"]


def test_load_corpus_counts_the_rows_with_the_same_problem(tmp_path):
    path = tmp_path / "c.csv"
    path.write_text("outlet,text\nA,x\n,y\nB,\n,z\n", encoding="utf-8")
    with pytest.raises(CorpusError, match=r"c\.csv, line 3, field 'outlet': is empty; "
                                          r"expected an outlet name \(2 row\(s\) like this\)"):
        load_corpus(path)
