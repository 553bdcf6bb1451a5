"""Shared pytest set-up: doctest names and the path to the seed event."""

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent
SEED_EVENT = ROOT / "analysis" / "data" / "events" / "2024-07-12-austin-belousov-call"
FIXTURES = ROOT / "tests" / "fixtures"
SHARED = ROOT.parent / "shared"
ALLSIDES = SHARED / "corpora" / "allsides-abp" / "articles.jsonl.gz"
NO_ALLSIDES = f"needs the allsides-abp corpus at {ALLSIDES} (../shared/ is not beside this clone)"


@pytest.fixture(scope="session")
def allsides():
    """The allsides-abp corpus, loaded once per test run; skips when ../shared/ is absent.

    Shared by many tests: take a copy (or ``.head()``) before changing it.
    """
    if not ALLSIDES.is_file():
        pytest.skip(NO_ALLSIDES)
    from analysis import load_corpus

    return load_corpus(ALLSIDES)


@pytest.fixture(autouse=True)
def _doctest_names(doctest_namespace):
    doctest_namespace["SEED_EVENT"] = SEED_EVENT


@pytest.fixture(autouse=True)
def _close_figures():
    """Close every matplotlib figure a test opened (only if pyplot was imported)."""
    yield
    import sys

    if "matplotlib.pyplot" in sys.modules:
        sys.modules["matplotlib.pyplot"].close("all")
