"""Writing outputs: atomic, never into data/ or an event folder, never over a user's file."""

import os
from pathlib import Path

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
    assert (tmp_path / "out" / MANIFEST).read_text().splitlines()[1:] == ['"a.txt"']
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


def test_a_newline_in_a_name_cannot_forge_the_record(tmp_path):
    """A name with a newline once added a second entry ("notes.csv") to the plain list,
    after which the user's notes.csv was replaced without --force."""
    (tmp_path / "notes.csv").write_text("precious")
    write_text(tmp_path / "x\nnotes.csv", "forged")
    with pytest.raises(OutputError, match="not written by Outlet Lens"):
        write_text(tmp_path / "notes.csv", "x")
    assert (tmp_path / "notes.csv").read_text() == "precious"


def _record_many(folder: str, start: int) -> None:
    from analysis.outputs import record_output

    for i in range(start, start + 200):
        record_output(Path(folder) / f"f{i}.csv")


def test_concurrent_writers_all_get_recorded(tmp_path):
    """Without a lock, 8 processes recorded 454 of 1,600 writes."""
    import multiprocessing

    from analysis.outputs import written_by_kit

    ctx = multiprocessing.get_context("fork")
    procs = [ctx.Process(target=_record_many, args=(str(tmp_path), k * 200)) for k in range(8)]
    for p in procs:
        p.start()
    for p in procs:
        p.join()
    assert all(written_by_kit(tmp_path / f"f{i}.csv") for i in range(1600))


def test_refuses_devices_even_with_force():
    """As root, --out /dev/null --force once replaced the system's /dev/null by a file."""
    with pytest.raises(OutputError, match="not a regular file"):
        write_text("/dev/null", "x", force=True)
    assert Path("/dev/null").is_char_device()


def test_out_dev_stdout_is_a_clear_error():
    import subprocess
    import sys

    done = subprocess.run([sys.executable, "-m", "analysis", "info", str(SEED_EVENT), "--out",
                           "/dev/stdout", "--format", "csv"], capture_output=True, text=True)
    assert done.returncode == 2
    assert done.stderr.startswith("error: /dev/stdout: is not a regular file")


def test_refuses_a_fifo(tmp_path):
    import os

    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    with pytest.raises(OutputError, match="not a regular file"):
        write_text(fifo, "x", force=True)


def test_csv_cells_cannot_run_as_formulas(tmp_path):
    import pandas as pd

    from analysis.outputs import write_table

    table = pd.DataFrame({"text": ["=HYPERLINK(\"http://x\")", "+cmd|' /C calc'!A0", "-2+3",
                                   "@SUM(1)", "\tx", "plain", "a = b"],
                          "n": [-1, 0, 1, 2, 3, 4, 5]})
    path = write_table(table, tmp_path / "t.csv")
    back = pd.read_csv(path)
    assert back["text"].tolist() == ["'=HYPERLINK(\"http://x\")", "'+cmd|' /C calc'!A0", "'-2+3",
                                     "'@SUM(1)", "'\tx", "plain", "a = b"]
    assert back["n"].tolist() == [-1, 0, 1, 2, 3, 4, 5]
    raw = write_table(table, tmp_path / "raw.csv", raw=True)
    assert pd.read_csv(raw)["text"].tolist()[:3] == table["text"].tolist()[:3]
