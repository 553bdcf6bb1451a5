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


def test_held_split_skips_while_the_fresh_labels_do_not_exist(bench, monkeypatch, tmp_path, capsys):
    monkeypatch.setattr(bench, "HELD", tmp_path / "coverage_gold_fresh3.csv")
    assert bench.main(["--split", "held"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("skipped: no held events yet")
    assert "coverage_gold_fresh3.csv does not exist" in out


def test_held_errors_are_never_printed(bench):
    with pytest.raises(SystemExit):
        bench.main(["--split", "held", "--show-errors"])


def test_load_gold_marks_every_row_with_its_split(bench, tmp_path):
    # a fresh file without the round column: every row is held, round left empty
    path = tmp_path / "fresh.csv"
    path.write_text("split,event,article_id,label,match_index\n"
                    "tune,e1,a,shared,3\ntune,e1,a,unique,\n", encoding="utf-8")
    gold = bench.load_gold(path, split="held")
    assert gold["split"].tolist() == ["held", "held"]
    assert gold["round"].tolist() == ["", ""]
    assert gold["match_index"].tolist() == [3, pd.NA]
    assert bench.load_gold(path, split="tune", round_name="fresh")["round"].tolist() == [
        "fresh", "fresh"]


def test_the_shipped_labels_are_all_tune_with_their_round(bench):
    gold = bench.load_gold(bench.GOLD, split="tune")
    rounds = gold.drop_duplicates("event")["round"].value_counts().to_dict()
    assert rounds == {"1": 8, "2": 4}  # coverage_gold.md: 8 events in round 1, 4 in round 2


def test_the_tune_labels_are_all_sixteen_events(bench):
    gold = bench.tune_gold()
    assert set(gold["split"]) == {"tune"}
    rounds = gold.drop_duplicates("event")["round"].value_counts().to_dict()
    # coverage_gold.md: 8 + 4 events; coverage_gold_fresh.md: 4 events
    assert rounds == {"1": 8, "2": 4, "fresh": 4}
    assert len(gold) == 1784 + 694  # rows of the two files (their counts tables)


@pytest.mark.parametrize(
    ("wins", "losses", "p"),
    [
        (9, 1, 22 / 1024),  # 2 * (C(10, 0) + C(10, 1)) / 2**10
        (1, 9, 22 / 1024),  # symmetric
        (3, 3, 1.0),  # 2 * 42 / 64 > 1: capped
        (0, 0, 1.0),  # nothing to compare
        (5, 0, 2 / 32),  # 2 * C(5, 0) / 2**5
    ],
)
def test_sign_test_by_hand(bench, wins, losses, p):
    assert bench.sign_test(wins, losses) == pytest.approx(p)
