"""Broken files found by fuzzing the loaders (bench/fuzz/fuzz_loaders.py) and lone surrogates.

Every input here once raised something other than CorpusError (a crash); each must now be
bad input with a message naming the file (and line or field where there is one).
"""

from __future__ import annotations

import contextlib
import gzip
import io
import json
import re
import warnings

import pandas as pd
import pytest

from analysis import actors, framing, loading
from analysis.loading import CorpusError, from_texts, load_corpus


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


# --- lone surrogates: replaced by U+FFFD at the loader, with a warning naming the place ----


def _loaded_strings(corpus: pd.DataFrame) -> list[str]:
    return [v for c in corpus.columns for v in corpus[c] if isinstance(v, str)]


def test_jsonl_lone_surrogates_are_replaced_with_a_warning(tmp_path):
    path = tmp_path / "s.jsonl"
    lines = [
        {"outlet": "A", "text": "Fine text."},
        # json.dumps writes a lone surrogate as the escape \ud800 (ensure_ascii)
        {"outlet": "B\ud800", "text": "Peace \udc00 talks.", "extra\udfff": "x"},
        {"outlet": "C", "text": "Emoji pair \ud83d\ude00 is fine."},
    ]
    path.write_text("\n".join(json.dumps(r) for r in lines) + "\n", encoding="utf-8")
    with pytest.warns(UserWarning, match=r"s\.jsonl, line 2: replaced 3 lone surrogate"):
        corpus = load_corpus(path)
    assert corpus.loc[1, "text"] == "Peace \ufffd talks."
    assert corpus.loc[1, "outlet"] == "B\ufffd"
    assert "extra\ufffd" in corpus.columns
    assert corpus.loc[2, "text"] == "Emoji pair \U0001f600 is fine."
    for value in _loaded_strings(corpus):
        value.encode("utf-8")


def test_json_array_and_from_texts_replace_lone_surrogates(tmp_path):
    path = tmp_path / "s.json"
    path.write_text(json.dumps([{"outlet": "A", "text": "x\ud800y"}]), encoding="utf-8")
    with pytest.warns(UserWarning, match=r"s\.json: replaced 1 lone"):
        assert load_corpus(path).loc[0, "text"] == "x\ufffdy"
    with pytest.warns(UserWarning, match=r"from_texts, article 2: replaced 1 lone"):
        corpus = from_texts({"A": "fine", "B\udc00": "fine too"})
    assert corpus["outlet"].tolist() == ["A", "B\ufffd"]


def test_yaml_escapes_for_lone_surrogates_are_replaced(tmp_path):
    event = tmp_path / "ev"
    event.mkdir()
    (event / "event.yml").write_text('title: "Event \\ud800"\n', encoding="utf-8")
    (event / "a.md").write_text('---\noutlet: A\ntitle: "T \\udc00"\n---\nBody.\n',
                                encoding="utf-8")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        corpus = load_corpus(event)
    assert corpus.loc[0, "title"] == "T \ufffd"
    messages = [str(w.message) for w in caught]
    assert any("a.md, line 2: replaced 1 lone" in m for m in messages), messages
    actor_file = tmp_path / "actors.yml"
    actor_file.write_text('actors:\n  - name: "Ali \\ud800"\n    kind: person\n',
                          encoding="utf-8")
    with pytest.warns(UserWarning, match=r"actors\.yml: replaced 1 lone"):
        found, _ = actors.read_actor_file(actor_file)
    assert found[0].name == "Ali \ufffd"


def test_lone_surrogate_text_goes_through_later_stages(tmp_path):
    """After the loader, a text that held lone surrogates is scored and written like any."""
    from analysis import quotes, sentiment, tokens
    from analysis.outputs import write_table

    path = tmp_path / "s.jsonl"
    path.write_text(json.dumps({"outlet": "A", "text": 'Biden said "peace \ud800 now". Good.'})
                    + "\n", encoding="utf-8")
    with pytest.warns(UserWarning):
        corpus = load_corpus(path)
    table = tokens.sentence_table(corpus)
    scored = sentiment.sentence_sentiment(corpus)
    found = quotes.quote_table(corpus)
    out = tmp_path / "out"
    out.mkdir()
    for name, df in [("s.csv", table), ("t.csv", scored), ("q.csv", found)]:
        write_table(df, out / name)
    assert "\ufffd" in (out / "s.csv").read_text(encoding="utf-8")


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


# --- nesting (fuzz run 2: "[[[[..." in an actor list -> RecursionError inside PyYAML) ------

DEEP = 5_000


@pytest.mark.parametrize(("name", "content", "where"), [
    ("list.jsonl", b'{"outlet": "A", "text": "x"}\n{"outlet": "B", "text": "y", "n": '
     + b"[" * DEEP + b"]" * DEEP + b"}\n", r"list\.jsonl, line 2"),
    ("arr.json", b'[{"outlet": "A", "text": "x", "n": ' + b"[" * DEEP + b"]" * DEEP + b"}]",
     r"arr\.json"),
])
def test_deeply_nested_json_is_bad_input(tmp_path, name, content, where):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(CorpusError, match=where + r".*nest too deeply"):
        load_corpus(path)


def test_deeply_nested_yaml_is_bad_input(tmp_path):
    from analysis import actors

    deep = "[" * DEEP + "]" * DEEP
    actor_file = tmp_path / "actors.yml"
    actor_file.write_text(f"actors: {deep}\n", encoding="utf-8")
    with pytest.raises(CorpusError, match=r"actors\.yml.*nest too deeply"):
        actors.read_actor_file(actor_file)
    event = tmp_path / "ev"
    event.mkdir()
    (event / "event.yml").write_text(f"title: t\nx: {deep}\n", encoding="utf-8")
    (event / "a.md").write_text("---\noutlet: A\n---\nBody.\n", encoding="utf-8")
    with pytest.raises(CorpusError, match=r"event\.yml.*nest too deeply"):
        load_corpus(event)
    (event / "event.yml").write_text("title: t\n", encoding="utf-8")
    (event / "a.md").write_text(f"---\noutlet: A\nx: {deep}\n---\nBody.\n", encoding="utf-8")
    with pytest.raises(CorpusError, match=r"a\.md.*nest too deeply"):
        load_corpus(event)


def test_nested_lone_surrogates_at_the_json_limit(tmp_path):
    """The deepest nesting json still reads, with a \\ud800 inside: replaced or refused,
    never a RecursionError."""
    import sys

    for depth in range(sys.getrecursionlimit() - 200, sys.getrecursionlimit() + 1, 50):
        path = tmp_path / f"d{depth}.jsonl"
        value = "[" * depth + '"\\ud800"' + "]" * depth
        path.write_text('{"outlet": "A", "text": "x", "n": ' + value + "}\n", encoding="utf-8")
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                load_corpus(path)
        except CorpusError as err:
            assert "nest too deeply" in str(err) and "line 1" in str(err)


# --- the streaming reader of analysis.scoring -------------------------------------------


def test_score_file_with_lone_surrogates(tmp_path, monkeypatch):
    from analysis import scoring

    monkeypatch.setenv("OUTLET_LENS_CACHE", str(tmp_path / "cache"))
    path = tmp_path / "s.jsonl"
    path.write_text(json.dumps({"outlet": "A\ud800", "text": "Peace \udc00 talks."}) + "\n"
                    + json.dumps({"outlet": "B", "text": "War talk."}) + "\n",
                    encoding="utf-8")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        scoring.score_file(path, tmp_path / "out.csv", cache=False)
    assert "A\ufffd" in (tmp_path / "out.csv").read_text(encoding="utf-8")


def test_score_file_skips_a_deeply_nested_line(tmp_path, monkeypatch):
    from analysis import scoring

    monkeypatch.setenv("OUTLET_LENS_CACHE", str(tmp_path / "cache"))
    path = tmp_path / "deep.jsonl"
    path.write_bytes(b'{"outlet": "A", "text": "Fine."}\n{"outlet": "B", "text": "x", "n": '
                     + b"[" * DEEP + b"]" * DEEP + b"}\n")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        scoring.score_file(path, tmp_path / "out.csv", cache=False)
    assert len(pd.read_csv(tmp_path / "out.csv")) == 1


# --- fuzz run 4 ----------------------------------------------------------------------------


@pytest.mark.parametrize("escape", ["\\U7fffffff", "\\Uffffffffff"])
def test_yaml_escape_naming_no_character_is_bad_input(tmp_path, escape):
    # PyYAML calls chr() on the escape: ValueError or OverflowError, with no file named
    path = tmp_path / "actors.yml"
    path.write_text(f'actors:\n  - name: "A{escape}"\n    kind: person\n', encoding="utf-8")
    with pytest.raises(CorpusError, match=r"actors\.yml.*an escape names no character"):
        actors.read_actor_file(path)
    event = tmp_path / "ev"
    event.mkdir()
    (event / "event.yml").write_text("title: t\n", encoding="utf-8")
    (event / "a.md").write_text(f'---\noutlet: "A{escape}"\n---\nBody.\n', encoding="utf-8")
    with pytest.raises(CorpusError, match=r"a\.md.*an escape names no character"):
        load_corpus(event)


def test_actor_entry_with_a_null_key_is_bad_input(tmp_path):
    # "~: x" (or "null: x") is a key None: sorting it with the text keys was a TypeError
    path = tmp_path / "actors.yml"
    path.write_text("actors:\n  - name: X\n    kind: person\n    ~: oops\n", encoding="utf-8")
    with pytest.raises(CorpusError, match=r"actors\.yml, line 2, field 'None'.*unknown field"):
        actors.read_actor_file(path)


def _stream_cases() -> dict[str, bytes]:
    buf = io.BytesIO()
    pd.DataFrame({"outlet": ["A", "B"], "text": ["One text.", "Two texts."]}).to_parquet(buf)
    return {
        "bad.csv": b"\x1f\x8b\x08rubbish",
        "cut.csv": gzip.compress(b"outlet,text\n" + b"A,x\n" * 100, mtime=0)[:30],
        "bad.jsonl": b"\x1f\x8b\x08rubbish",
        "cut.jsonl.gz": gzip.compress(b'{"outlet": "A", "text": "x"}\n' * 40, mtime=0)[:30],
        "outlet.csv": b"outlet,text\nA\xe4,x\n",
        "utf8.parquet": buf.getvalue().replace(b"Two texts.", b"Tw\xed texts.", 1),
    }


# Found by fuzz run 4 on iter_chunks: broken or cut-short gzip, undecodable bytes outside the
# text column, Parquet strings that are not UTF-8. Each is a CorpusError naming the file, or
# rows skipped and reported; never an exception of another kind.
_GZIP_DAMAGED = (r"is a damaged or cut-short gzip file \(.+\); the rows before the damage "
                 r"were read")
#: name: (rows read, skipped rows as (file, line, article_id, field, reason), CorpusError)
_STREAM_EXPECTED = {
    # gzip's magic bytes, then rubbish: not one row can be unpacked
    "bad.csv": (0, [], _GZIP_DAMAGED),
    # 30 of the 39 gzipped bytes: they hold all 100 rows, only the stream's end is cut off;
    # the rows come out (25 chunks of 4), then the error
    "cut.csv": (100, [], _GZIP_DAMAGED),
    "bad.jsonl": (0, [], _GZIP_DAMAGED),
    # 30 of the 57 gzipped bytes unpack to 19 bytes of the first line: no whole line
    "cut.jsonl.gz": (0, [], _GZIP_DAMAGED),
    # the outlet "A\xe4" is Latin-1, not UTF-8: its row (line 2, id from the file stem) is
    # skipped and reported under the outlet field
    "outlet.csv": (0, [("{path}", 2, "outlet-1", "outlet", "not UTF-8 text")], None),
    # row 2's text "Tw\xed texts." cannot be decoded: row 1 is read, row 2 reported (Parquet
    # has no lines; its id is unknown since the row could not be read)
    "utf8.parquet": (1, [("{path} (row 2)", None, "", "",
                          "not UTF-8 text (invalid continuation byte)")], None),
}


@pytest.mark.parametrize("name", list(_stream_cases()))
def test_streaming_reader_on_broken_files(tmp_path, name):
    from analysis import scoring

    n_read, expected_skipped, error = _STREAM_EXPECTED[name]
    path = tmp_path / name
    path.write_bytes(_stream_cases()[name])
    n, skipped = 0, []
    with pytest.raises(CorpusError) if error else contextlib.nullcontext() as info:
        for articles, chunk_skipped in scoring.iter_chunks(path, chunksize=4):
            for value in articles.to_numpy().ravel():
                if isinstance(value, str):
                    value.encode("utf-8")  # every string read can be written as UTF-8
            n += len(articles)
            skipped += chunk_skipped.astype(object).where(chunk_skipped.notna(), None) \
                .to_numpy().tolist()
    assert n == n_read
    assert skipped == [[c.format(path=path) if isinstance(c, str) else c for c in row]
                       for row in expected_skipped]
    if error:
        assert info.value.file == str(path)  # the message names the file
        assert re.fullmatch(error, info.value.reason), info.value.reason
