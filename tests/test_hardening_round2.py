"""Regression tests for the second red-team round (issue 18): each input below once hung,
crashed, lost data or injected. Expected messages were read off the fixed code and checked
by hand against what the input holds."""

from __future__ import annotations

import time

import pytest

from analysis.cli import main
from analysis.errors import CorpusError, shorten
from analysis.loading import load_corpus
from analysis.yamlio import MAX_EXPANDED_NODES, read_yaml, yaml_load


def _alias_bomb(levels: int = 9) -> str:
    """A YAML alias tree: each level repeats the one before nine times (9**levels items)."""
    lines = ['l0: &l0 ["x","x","x","x","x","x","x","x","x"]']
    for i in range(1, levels):
        lines.append(f"l{i}: &l{i} [" + ",".join([f"*l{i - 1}"] * 9) + "]")
    return "\n".join(lines) + "\n"


def test_an_alias_bomb_is_refused_at_once_naming_the_line(tmp_path):
    path = tmp_path / "event.yml"
    path.write_text("title: \"caf\\u00e9\"\n" + _alias_bomb(), encoding="utf-8")
    assert len(path.read_bytes()) < 600
    start = time.perf_counter()
    with pytest.raises(CorpusError) as info:
        read_yaml(path)
    assert time.perf_counter() - start < 1
    # 9**6 = 531,441 > 200,000: the sixth level (l5, on line 7 after the title) trips it
    assert str(info.value).startswith(f"{path}, line 7: is not valid YAML: its aliases")
    assert len(str(info.value)) < 400


def test_an_alias_bomb_in_an_event_folder_is_a_clear_error(tmp_path, capsys):
    event = tmp_path / "ev"
    event.mkdir()
    (event / "event.yml").write_text("title: T\n" + _alias_bomb(), encoding="utf-8")
    (event / "a.md").write_text("---\noutlet: A\n---\nText.\n", encoding="utf-8")
    assert main(["info", str(event)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: ") and "event.yml" in err and "aliases" in err


def test_small_alias_use_still_works():
    assert yaml_load("a: &x [1, 2]\nb: *x") == {"a": [1, 2], "b": [1, 2]}
    # exactly at the budget is fine: 1 root + 1 list + (budget - 3) items + 1 key
    items = ",".join(["1"] * (MAX_EXPANDED_NODES - 3))
    assert len(yaml_load(f"k: [{items}]")["k"]) == MAX_EXPANDED_NODES - 3


def test_error_messages_never_echo_a_huge_value():
    err = CorpusError("bad value " + "x" * 1_000_000, file="f.yml", field="y" * 10_000)
    assert len(str(err)) < 800
    assert str(err).startswith("f.yml, field 'yyyy")
    assert shorten("abc", 10) == "abc"


def test_terminal_control_codes_in_outlet_names_are_escaped(tmp_path, capsys):
    corpus = tmp_path / "c.csv"
    corpus.write_text('outlet,text\n"Evil\x1b]0;pwned\x07 News",Some text here.\n',
                      encoding="utf-8")
    assert main(["info", str(corpus)]) == 0
    out = capsys.readouterr().out
    assert "\x1b" not in out and "\x07" not in out
    assert "Evil\\x1b]0;pwned\\x07 News" in out


def test_terminal_control_codes_in_error_messages_are_escaped(tmp_path, capsys):
    missing = tmp_path / "no\x1b[2Jsuch.csv"
    assert main(["info", str(missing)]) == 2
    err = capsys.readouterr().err
    assert "\x1b" not in err and "no\\x1b[2Jsuch.csv" in err


def test_a_corpus_with_an_alias_bomb_in_front_matter_is_refused(tmp_path):
    event = tmp_path / "ev"
    event.mkdir()
    (event / "event.yml").write_text("title: T\n", encoding="utf-8")
    (event / "a.md").write_text("---\noutlet: A\n" + _alias_bomb() + "---\nText.\n",
                                encoding="utf-8")
    with pytest.raises(CorpusError, match="aliases"):
        load_corpus(event)
