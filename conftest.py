"""Shared pytest set-up: doctest names and the path to the seed event."""

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent
SEED_EVENT = ROOT / "data" / "events" / "2024-07-12-austin-belousov-call"


@pytest.fixture(autouse=True)
def _doctest_names(doctest_namespace):
    doctest_namespace["SEED_EVENT"] = SEED_EVENT
