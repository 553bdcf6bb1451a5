"""Shared pytest set-up: doctest names and the path to the seed event."""

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent
SEED_EVENT = ROOT / "data" / "events" / "2024-07-12-austin-belousov-call"


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
