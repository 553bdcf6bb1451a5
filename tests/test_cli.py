"""The command line, run in-process through analysis.cli.main."""

import json

import pytest

from analysis.cli import main
from conftest import SEED_EVENT


def test_info_prints_the_summary(capsys):
    # cleaned by default: n-tv loses 216 words of furniture (643 -> 427), Shafaq News its
    # repeated headline (403 -> 390)
    assert main(["info", str(SEED_EVENT)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("1 event(s), 2 outlet(s), 2 article(s), 817 words")
    assert "Shafaq News" in out and "n-tv" in out


def test_info_as_json(capsys):
    assert main(["info", str(SEED_EVENT), "--format", "json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert {r["outlet"]: r["words"] for r in rows} == {"Shafaq News": 390, "n-tv": 427}


def test_no_clean_reads_the_text_as_stored(capsys):
    assert main(["info", str(SEED_EVENT), "--no-clean", "--format", "json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert {r["outlet"]: r["words"] for r in rows} == {"Shafaq News": 403, "n-tv": 643}
    # the appended summary names Peskov "Putin's spokesman" once more
    assert main(["actors", str(SEED_EVENT), "--table", "labels", "--format", "json"]) == 0
    cleaned = json.loads(capsys.readouterr().out)
    assert main(["actors", str(SEED_EVENT), "--table", "labels", "--format", "json",
                 "--no-clean"]) == 0
    raw = json.loads(capsys.readouterr().out)
    def count(rows):
        return sum(r["label"] == "Putin's spokesman" for r in rows)

    assert (count(cleaned), count(raw)) == (1, 2)


def test_info_to_a_file_then_refuses_a_foreign_file(tmp_path, capsys):
    target = tmp_path / "summary.csv"
    assert main(["info", str(SEED_EVENT), "--out", str(target)]) == 0
    assert target.read_text().startswith("event,outlet,articles,words")
    foreign = tmp_path / "mine.csv"
    foreign.write_text("keep me")
    assert main(["info", str(SEED_EVENT), "--out", str(foreign)]) == 2
    assert "not written by Outlet Lens" in capsys.readouterr().err
    assert foreign.read_text() == "keep me"


def test_bad_input_is_an_error_message_not_a_traceback(tmp_path, capsys):
    bad = tmp_path / "a.csv"
    bad.write_text("outlet,body\nA,x\n")
    assert main(["info", str(bad)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: ") and "has no 'text' column" in err


def test_clean_lists_removed_lines(capsys):
    assert main(["clean", str(SEED_EVENT), "--format", "csv"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == "article_id,outlet,rule,line,start,end,text,reason"
    assert len(out) == 1 + 14  # 13 lines from n-tv, 1 from Shafaq News


def test_doctor_reports_everything_in_place(capsys, tmp_path, monkeypatch):
    monkeypatch.setenv("OUTLET_LENS_NLTK_DATA", str(tmp_path / "nltk"))
    assert main(["doctor"]) == 0
    out = capsys.readouterr().out
    assert "NO " not in out and "nothing will be downloaded" in out


def test_no_command_prints_help(capsys):
    assert main([]) == 2
    assert "COMMAND" in capsys.readouterr().out


def test_unknown_command_exits_with_usage():
    with pytest.raises(SystemExit) as info:
        main(["frobnicate"])
    assert info.value.code == 2


def test_actor_tone_tables_agree_with_mentions_and_voices(capsys):
    def rows(*extra):
        assert main(["actors", str(SEED_EVENT), "--format", "json", *extra]) == 0
        return json.loads(capsys.readouterr().out)

    counts = {(r["outlet"], r["actor"]): r["n_mentions"] for r in rows()}
    every = rows("--table", "tone-mentions")
    # one toned row per mention: the same counts as the plain mention table
    toned: dict = {}
    for r in every:
        toned[r["outlet"], r["actor"]] = toned.get((r["outlet"], r["actor"]), 0) + 1
    assert toned == {k: v for k, v in counts.items() if v}
    assert all(r["label"] in {"negative", "neutral", "positive"} for r in every)
    own = rows("--table", "tone-mentions", "--voice", "outlet")
    quoted = rows("--table", "tone-mentions", "--voice", "quoted")
    assert {r["voice"] for r in own} == {"outlet"} and {r["voice"] for r in quoted} == {"quoted"}
    assert len(own) + len(quoted) == len(every)
    summary = rows("--table", "tone", "--voice", "outlet")
    by_pair = {(r["outlet"], r["actor"]): r for r in summary}
    for (outlet, actor), n in ((k, sum(1 for r in own if (r["outlet"], r["actor"]) == k))
                               for k in by_pair):
        row = by_pair[outlet, actor]
        assert row["n_mentions"] == n
        assert row["n_negative"] + row["n_neutral"] + row["n_positive"] == n
        assert row["enough"] == (n >= 5)


def test_the_command_lines_chart_names_are_the_reports():
    from analysis.cli.report import CHART_NAMES
    from analysis.report import CHARTS

    assert tuple(CHARTS) == CHART_NAMES


def test_building_the_command_line_imports_no_matplotlib():
    # `score` on a large corpus should not pay for the report's imports before it starts
    import os
    import subprocess
    import sys
    from pathlib import Path

    code = ("import sys; from analysis.cli import build_parser; build_parser(); "
            "print('matplotlib' in sys.modules)")
    root = str(Path(__file__).resolve().parents[1])
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True, env={**os.environ, "PYTHONPATH": root})
    assert out.stdout.strip() == "False"
