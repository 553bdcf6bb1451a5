"""Files: nothing written under data/ or beside the inputs, no user file replaced without
--force, no half-written output after an interruption, no path out of an event folder.

tests/test_outputs.py tests analysis.outputs itself; these go through the command line and
the functions users call.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
import yaml

from analysis import cli, outputs, report
from analysis.loading import CorpusError, load_corpus
from analysis.resources import builtin_dir as data_dir

SEED = data_dir() / "events" / "2024-07-12-austin-belousov-call"

pytestmark = pytest.mark.filterwarnings("ignore")  # language and cleaning notes


def snapshot(folder: Path) -> dict[str, tuple[int, int]]:
    """Every file under ``folder``: (size, mtime in ns)."""
    return {str(p.relative_to(folder)): (p.stat().st_size, p.stat().st_mtime_ns)
            for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture
def event_copy(tmp_path):
    event = tmp_path / "events" / "seed"
    shutil.copytree(SEED, event)
    return event


def run(argv, capsys) -> tuple[int, str, str]:
    code = cli.main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


TABLE_COMMANDS = [
    ["info"], ["clean"], ["actors"], ["actors", "--table", "naming"], ["discover"], ["quotes"],
    ["sentiment"], ["frames"], ["markers"], ["distinctive"], ["coverage"], ["kwic", "Austin"],
]


def _argv(command: list[str], path: Path) -> list[str]:
    # kwic takes the term after the path
    return [command[0], str(path), *command[1:]] if command[0] == "kwic" else [*command, path]


@pytest.mark.parametrize("command", TABLE_COMMANDS, ids=lambda c: " ".join(c))
def test_commands_write_nothing_without_out(command, event_copy, tmp_path, capsys,
                                            monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("OUTLET_LENS_CACHE", str(tmp_path / "cache"))
    before_data, before_tmp = snapshot(data_dir()), snapshot(tmp_path)
    code, out, _ = run(_argv(command, event_copy), capsys)
    assert code == 0 and out
    assert snapshot(data_dir()) == before_data
    assert snapshot(tmp_path) == before_tmp


@pytest.mark.parametrize("command", [["info"], ["quotes"], ["kwic", "Austin"]],
                         ids=lambda c: c[0])
def test_out_refuses_data_event_folders_and_users_files(command, event_copy, tmp_path, capsys):
    before = snapshot(event_copy)
    for target in (event_copy / "table.csv", data_dir() / "table.csv",
                   data_dir() / "events" / "x.csv"):
        code, _, err = run([*_argv(command, event_copy), "--out", target], capsys)
        assert code == 2 and "refusing to write inside" in err, err
        assert not target.exists()
    assert snapshot(event_copy) == before
    mine = tmp_path / "mine.csv"
    mine.write_text("my own notes\n", encoding="utf-8")
    code, _, err = run([*_argv(command, event_copy), "--out", mine], capsys)
    assert code == 2 and "was not written by Outlet Lens" in err and "--force" in err
    assert mine.read_text(encoding="utf-8") == "my own notes\n"
    assert run([*_argv(command, event_copy), "--out", mine, "--force"], capsys)[0] == 0
    assert mine.read_text(encoding="utf-8") != "my own notes\n"
    # a file the kit wrote is replaced without --force
    assert run([*_argv(command, event_copy), "--out", mine], capsys)[0] == 0


def test_compare_refuses_an_event_folder_and_a_users_report(event_copy, tmp_path, capsys):
    before = snapshot(event_copy)
    code, _, err = run(["compare", event_copy, "--out", event_copy / "out"], capsys)
    assert code == 2 and "refusing to write inside the event folder" in err
    assert snapshot(event_copy) == before
    out = tmp_path / "out"
    out.mkdir()
    (out / "report.html").write_text("<p>my report</p>", encoding="utf-8")
    code, _, err = run(["compare", event_copy, "--out", out], capsys)
    assert code == 2 and "report.html" in err
    assert (out / "report.html").read_text(encoding="utf-8") == "<p>my report</p>"


@pytest.mark.parametrize("stage", ["write", "replace"])
def test_an_interrupted_write_leaves_the_old_file_and_no_temporary(tmp_path, monkeypatch,
                                                                   stage):
    target = tmp_path / "out" / "table.csv"
    outputs.write_text(target, "old,complete\n")
    real_fdopen, real_replace = os.fdopen, os.replace

    class HalfWriter:
        """Writes half of what it is given, then is interrupted (Ctrl-C)."""

        def __init__(self, fh):
            self.fh = fh

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            self.fh.close()

        def write(self, data):
            self.fh.write(data[: len(data) // 2])
            self.fh.flush()
            raise KeyboardInterrupt

    def interrupted_replace(src, dst):
        raise KeyboardInterrupt

    if stage == "write":
        monkeypatch.setattr(os, "fdopen", lambda *a, **k: HalfWriter(real_fdopen(*a, **k)))
    else:
        monkeypatch.setattr(os, "replace", interrupted_replace)
    with pytest.raises(KeyboardInterrupt):
        outputs.write_text(target, "new," + "x" * 10_000 + "\n")
    monkeypatch.setattr(os, "fdopen", real_fdopen)
    monkeypatch.setattr(os, "replace", real_replace)
    assert target.read_text(encoding="utf-8") == "old,complete\n"
    assert sorted(p.name for p in target.parent.iterdir()) == [outputs.MANIFEST, "table.csv"]


def test_an_interrupted_compare_leaves_no_temporaries(event_copy, tmp_path, monkeypatch):
    """Ctrl-C while the report is written: nothing of the run is in the output folder (the
    files go to a temporary folder that is swapped in at the end), and no temporary file
    or folder is left beside it."""
    real = Path.write_bytes
    calls = []

    def write_then_stop(self, data):
        calls.append(self.name)
        if self.name == "report.html":
            raise KeyboardInterrupt
        return real(self, data)

    out = tmp_path / "out"
    out.mkdir()
    monkeypatch.setattr(Path, "write_bytes", write_then_stop)
    with pytest.raises(KeyboardInterrupt):
        report.compare_event(event_copy, out)
    assert "report.html" in calls and len(calls) > 1
    assert list(out.iterdir()) == []
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        p.name for p in tmp_path.iterdir() if not p.name.endswith(".tmp"))


def test_links_out_of_an_event_folder_are_refused(tmp_path):
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.md").write_text("---\noutlet: X\n---\nNot for you.\n", encoding="utf-8")
    (outside / "event.yml").write_text("title: Outside\n", encoding="utf-8")
    event = tmp_path / "event"
    event.mkdir()
    (event / "event.yml").write_text("title: Inside\n", encoding="utf-8")
    (event / "a.md").write_text("---\noutlet: A\n---\nBody.\n", encoding="utf-8")
    (event / "b.md").symlink_to(outside / "secret.md")
    with pytest.raises(CorpusError, match=r"b\.md: links outside its event folder"):
        load_corpus(event)
    (event / "b.md").unlink()
    (event / "event.yml").unlink()
    (event / "event.yml").symlink_to(outside / "event.yml")
    with pytest.raises(CorpusError, match=r"event\.yml: links outside its event folder"):
        load_corpus(event)


@pytest.mark.parametrize("outlet", ["../../escaped", "/etc/passwd", "..", "a/../../b", "\x00"])
def test_ingest_names_files_inside_the_event_folder(tmp_path, outlet):
    from analysis.ingest import add_articles

    source = tmp_path / "article.txt"
    front = {"outlet": "Someone", "title": "../../../../tmp/owned", "date": "2024-07-12"}
    source.write_text("---\n" + yaml.safe_dump(front) + "---\nThe talks went well, "
                      "officials said on Friday.\n", encoding="utf-8")
    event = tmp_path / "root" / "event"
    before = snapshot(tmp_path)
    result = add_articles([source], event, outlet=outlet)
    after = snapshot(tmp_path)
    new = set(after) - set(before)
    assert new, result
    assert all(Path(tmp_path, n).resolve().is_relative_to(event.resolve()) for n in new), new
    assert result["status"].tolist() == ["added"]
