"""bench/bench_coverage.py finds labelled sentences by their text, not their offsets.

The cleaner changes (more furniture removed before a sentence shifts every later offset and
index); the labels must follow their sentences. Small frames written here by hand.
"""

import importlib
from pathlib import Path

import pandas as pd
import pytest

BENCH = Path(__file__).resolve().parent.parent / "bench"


@pytest.fixture
def bench(monkeypatch):
    monkeypatch.syspath_prepend(str(BENCH))
    return importlib.import_module("bench_coverage")


def test_sentence_key_ignores_case_quotes_and_spacing(bench):
    assert bench.sentence_key("It\u2019s  HERE.") == bench.sentence_key("it's here")
    assert bench.sentence_key("It's here.") != bench.sentence_key("It's there.")
    # SHA-1 of "a b", first 16 hex digits
    assert bench.sentence_key("A, b!") == "7dbde93504122a70"


def test_locate_follows_sentences_when_offsets_move(bench):
    key = bench.sentence_key
    # Labelled on a text of three sentences; the cleaner now drops a caption before them
    # and cuts "Advertisement" out of the last one, which is found by its prefix.
    gold = pd.DataFrame({
        "article_id": ["a", "a", "a", "a", "a"],
        "sentence_index": [0, 0, 1, 2, 3],
        "sentence_sha1": [key("The vote was 52 to 48."), key("The vote was 52 to 48."),
                          key("Senators left."), key("He said no. Advertisement"),
                          key("Gone now.")],
        "sentence_prefix": ["The vote was 52", "The vote was 52", "Senators left.",
                            "He said no.", "Gone now."],
    })
    sents = pd.DataFrame({
        "article_id": ["a", "a", "a", "a", "b"],
        "sentence_index": [0, 1, 2, 3, 0],
        "sentence": ["Photo: AP.", "The vote was 52 to 48.", "Senators left.",
                     "He said no.", "Gone now."],
    })
    found, counts = bench.locate(gold, sents)
    assert found.tolist() == [1, 1, 2, 3, pd.NA]
    assert counts == {"by_text": 2, "by_prefix": 1, "not_found": 1}


def test_locate_matches_a_repeated_sentence_in_order(bench):
    key = bench.sentence_key("Watch.")
    gold = pd.DataFrame({"article_id": ["a", "a"], "sentence_index": [0, 4],
                         "sentence_sha1": [key, key], "sentence_prefix": ["Watch.", "Watch."]})
    sents = pd.DataFrame({"article_id": ["a"] * 3, "sentence_index": [0, 1, 2],
                          "sentence": ["Watch.", "Other.", "Watch."]})
    found, counts = bench.locate(gold, sents)
    assert found.tolist() == [0, 2]
    assert counts["by_text"] == 2
