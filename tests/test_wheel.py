"""The kit as a user installs it: built into an sdist and a wheel, installed into a fresh
virtual environment outside the checkout, and used from another folder.

This is the check that the kit's resources are package data (no file is read from the
checkout) and that the wheel carries what it should and nothing else. It installs the
wheel's dependencies from the package index (or pip's cache), so it takes a minute or two.
"""

from __future__ import annotations

import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path

import pytest

from conftest import ROOT

pytestmark = pytest.mark.wheel


@pytest.fixture(scope="module")
def dist(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    subprocess.run([sys.executable, "-m", "build", "--outdir", str(out), str(ROOT)],
                   check=True, capture_output=True, text=True)
    return out


@pytest.fixture(scope="module")
def installed(dist, tmp_path_factory) -> Path:
    """A fresh virtual environment holding only the wheel and its dependencies."""
    venv = tmp_path_factory.mktemp("venv") / "env"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    wheel = next(dist.glob("*.whl"))
    done = subprocess.run([str(venv / "bin" / "python"), "-m", "pip", "install", "--quiet",
                           "--disable-pip-version-check", str(wheel)],
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stderr[-3000:]
    return venv


def _names(dist: Path) -> tuple[list[str], list[str]]:
    with zipfile.ZipFile(next(dist.glob("*.whl"))) as whl:
        wheel = whl.namelist()
    with tarfile.open(next(dist.glob("*.tar.gz"))) as sdist:
        source = sdist.getnames()
    return wheel, source


def test_wheel_holds_the_resources_and_the_licence(dist):
    wheel, _ = _names(dist)
    for needed in ("analysis/data/wordlists/stopwords-en.yml",
                   "analysis/data/wordlists/abbreviations.yml",
                   "analysis/data/wordlists/cleaning.yml",
                   "analysis/data/lexicons/attribution_verbs.yml",
                   "analysis/data/lexicons/frames_generic.yml",
                   "analysis/data/lexicons/markers.yml",
                   "analysis/data/lexicons/vader_news.yml",
                   "analysis/data/actors/world.yml",
                   "analysis/data/events/2024-07-12-austin-belousov-call/event.yml",
                   "analysis/data/examples/saved-page.html",
                   "analysis/data/jupyter/voila/templates/outlet-lens/index.html.j2",
                   "analysis/cli/__init__.py", "analysis/py.typed"):
        assert needed in wheel, needed
    licences = [n for n in wheel if n.endswith(("/LICENSE", "/THIRD_PARTY_NOTICES.md"))]
    assert len(licences) == 2, licences


def test_wheel_holds_no_tests_caches_or_user_data(dist):
    wheel, _ = _names(dist)
    bad = [n for n in wheel if n.startswith(("tests/", "data/", "bench/", "notebooks/"))
           or "__pycache__" in n or n.endswith((".pyc", ".ipynb_checkpoints"))]
    assert bad == []


def test_sdist_holds_the_licence_and_the_resources(dist):
    _, source = _names(dist)
    top = source[0].split("/")[0]
    for needed in ("LICENSE", "THIRD_PARTY_NOTICES.md", "pyproject.toml",
                   "analysis/data/actors/world.yml"):
        assert f"{top}/{needed}" in source, needed


def _run(venv: Path, args: list[str], cwd: Path) -> subprocess.CompletedProcess:
    done = subprocess.run([str(venv / "bin" / "python"), *args], cwd=cwd, capture_output=True,
                          text=True, env={"PATH": f"{venv / 'bin'}:/usr/bin:/bin",
                                          "HOME": str(cwd), "MPLBACKEND": "Agg"})
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-3000:]
    return done


def test_the_installed_kit_works_from_another_folder(installed, tmp_path):
    work = tmp_path / "elsewhere"
    work.mkdir()
    doctor = _run(installed, ["-m", "analysis", "doctor"], work)
    assert "NO " not in doctor.stdout
    assert str(ROOT) not in doctor.stdout  # every resource comes from the installed package
    event = _run(installed, ["-c", "import analysis; print(analysis.sample_event())"], work)
    event_dir = event.stdout.strip()
    assert "site-packages" in event_dir
    _run(installed, ["-m", "analysis", "compare", event_dir, "--out", str(work / "out")], work)
    assert (work / "out" / "report.html").is_file()
    assert len(list((work / "out").glob("*.png"))) >= 5
    code = ("import analysis\n"
            "c = analysis.from_texts({'A': 'NATO warned of a grave threat. Talks went on.',"
            " 'B': 'The talks were calm. Putin spoke.'})\n"
            "print(len(analysis.sentence_sentiment(c)), len(analysis.frame_scores(c)) > 0,"
            " len(analysis.distinctive_words(c, min_count=1)) > 0)\n")
    assert _run(installed, ["-c", code], work).stdout.split() == ["4", "True", "True"]
    version = _run(installed, ["-m", "analysis", "--version"], work)
    assert version.stdout.startswith("outlet-lens ")


def test_notebook_01_runs_against_the_installed_kit(installed, tmp_path):
    work = tmp_path / "nb"
    work.mkdir()
    (work / "01-walkthrough.ipynb").write_bytes(
        (ROOT / "notebooks" / "01-walkthrough.ipynb").read_bytes())
    _run(installed, ["-m", "jupyter", "nbconvert", "--to", "notebook", "--execute",
                     "--output", "ran.ipynb", "01-walkthrough.ipynb"], work)
    assert (work / "ran.ipynb").is_file()
