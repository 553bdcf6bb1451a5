"""Broken files found by fuzzing the loaders (bench/fuzz/fuzz_loaders.py) and lone surrogates.

Every input here once raised something other than CorpusError (a crash); each must now be
bad input with a message naming the file (and line or field where there is one).
"""

from __future__ import annotations

import gzip
import io

import pandas as pd
import pytest

from analysis import framing, loading
from analysis.loading import CorpusError, load_corpus


def _parquet_with_bad_utf8() -> bytes:
    """A Parquet file whose second text value holds the byte 0xED (not UTF-8)."""
    buf = io.BytesIO()
    pd.DataFrame({"outlet": ["A", "B"], "text": ["One text.", "Two texts."]}).to_parquet(buf)
    data = buf.getvalue()
    # Plain-encoded pages store the strings verbatim: damage one byte of "Two texts."
    assert data.count(b"Two texts.") >= 1
    return data.replace(b"Two texts.", b"Tw\xed texts.", 1)


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        # fuzz run 1: gzip magic bytes, then rubbish -> gzip.BadGzipFile from the CSV reader
        ("bad.csv", b"\x1f\x8b\nnot gzip at all", "cannot be unpacked"),
        # a gzip file cut short -> EOFError
        ("cut.jsonl.gz", gzip.compress(b'{"outlet": "A", "text": "x"}\n' * 50, mtime=0)[:40],
         "cannot be unpacked"),
        # fuzz run 1: a JSON array with a byte that is not UTF-8 in its first 4096 characters
        # -> UnicodeDecodeError (the peek at the first character was outside the try)
        ("bad.json", b'[{"outlet": "A\xb7", "text": "x"}]', "is not UTF-8"),
        # fuzz run 1: Parquet with a string that is not UTF-8 -> pyarrow ArrowException
        # on first use, inside pandas
        ("bad.parquet", _parquet_with_bad_utf8(), "could not be read as Parquet"),
        # a JSON array cut short
        ("obj.json", b'[1, 2', "is not valid JSON"),
    ],
)
def test_broken_table_files_are_bad_input(tmp_path, name, content, message):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(CorpusError, match=message) as info:
        load_corpus(path)
    assert info.value.file == str(path)


def test_lexicon_from_yaml_path_is_bad_input_not_a_crash(tmp_path):
    path = tmp_path / "frames.yml"
    path.write_text("frames:\n  - just a list\n", encoding="utf-8")
    with pytest.raises(CorpusError, match="frames"):
        framing.load_frames(path)


def test_loading_never_unpickles(tmp_path, monkeypatch):
    """No loader reads pickles: a .pkl is an unknown file type, and pickle is never called."""
    import pickle

    def refuse(*args, **kwargs):
        raise AssertionError("pickle.load called")

    monkeypatch.setattr(pickle, "load", refuse)
    monkeypatch.setattr(pickle, "loads", refuse)
    path = tmp_path / "corpus.pkl"
    pd.DataFrame({"outlet": ["A"], "text": ["x"]}).to_pickle(path)
    with pytest.raises(CorpusError, match="not a file type the kit reads"):
        load_corpus(path)
    assert loading.TABLE_SUFFIXES == (".csv", ".jsonl", ".ndjson", ".json", ".parquet", ".pq")
