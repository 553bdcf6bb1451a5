"""Writing outputs: atomic, never into data/ or an event folder, never over a user's file."""

import os

import pandas as pd
import pytest

from analysis.outputs import (
    MANIFEST,
    OutputError,
    render_table,
    table_format,
    write_bytes,
    write_table,
    write_text,
)
from conftest import ROOT, SEED_EVENT


def test_writes_and_records_its_own_files(tmp_path):
    target = tmp_path / "out" / "a.txt"
    write_text(target, "one")
    assert target.read_text() == "one"
    assert (tmp_path / "out" / MANIFEST).read_text().split() == ["a.txt"]
    write_text(target, "two")  # its own file: replaced without force
    assert target.read_text() == "two"
    assert [p.name for p in (tmp_path / "out").iterdir() if p.suffix == ".tmp"] == []


def test_refuses_to_replace_a_users_file(tmp_path):
    mine = tmp_path / "notes.csv"
    mine.write_text("precious")
    with pytest.raises(OutputError, match=r"not written by Outlet Lens.*--force"):
        write_text(mine, "x")
    assert mine.read_text() == "precious"
    write_text(mine, "x", force=True)
    assert mine.read_text() == "x"


@pytest.mark.parametrize(
    "target",
    [ROOT / "data" / "x.csv", ROOT / "data" / "wordlists" / "new.yml", SEED_EVENT / "out.csv",
     SEED_EVENT / "sub" / "out.csv"],
)
def test_refuses_data_and_event_folders(target):
    with pytest.raises(OutputError, match="refusing to write inside"):
        write_text(target, "x", force=True)
    assert not target.exists()


def test_refuses_event_folders_anywhere(tmp_path):
    (tmp_path / "event.yml").write_text("title: T\n")
    with pytest.raises(OutputError, match="event folder"):
        write_text(tmp_path / "report.html", "x")


def test_failed_write_leaves_no_file(tmp_path, monkeypatch):
    target = tmp_path / "a.txt"

    def boom(src, dst):
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "replace", boom)
    with pytest.raises(KeyboardInterrupt):
        write_bytes(target, b"data")
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    ("path", "fmt", "expected"),
    [("a.csv", None, "csv"), ("a.JSON", None, "json"), ("a.parquet", None, "parquet"),
     ("a.txt", None, "table"), (None, None, "table"), ("a.csv", "json", "json")],
)
def test_table_format(path, fmt, expected):
    assert table_format(path, fmt) == expected


def test_table_format_errors():
    with pytest.raises(OutputError, match=r"extension \.xlsx"):
        table_format("a.xlsx")
    with pytest.raises(OutputError, match="unknown format"):
        table_format(None, "xml")


def test_write_table_round_trips(tmp_path):
    df = pd.DataFrame({"outlet": ["A", "B"], "n": [1, 2]})
    write_table(df, tmp_path / "t.csv")
    assert pd.read_csv(tmp_path / "t.csv").equals(df)
    write_table(df, tmp_path / "t.parquet")
    assert pd.read_parquet(tmp_path / "t.parquet").equals(df)


def test_render_table_shortens_long_cells_on_screen():
    text = render_table(pd.DataFrame({"s": ["x" * 100]}), "table").decode()
    assert "x" * 59 + "…" in text and "x" * 61 not in text
    assert render_table(pd.DataFrame(), "table") == b"(no rows)\n"
