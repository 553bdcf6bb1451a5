"""The stem-vector experiment of coverage (Round 4 of coverage_gold.md): its measures.

The vectors were not shipped (they did not help); these check that the bench and the
build script compute what their docstrings say, on small arrays worked out by hand.
"""

import importlib
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def bench(monkeypatch):
    monkeypatch.syspath_prepend(str(ROOT / "bench"))
    return importlib.import_module("bench_coverage_vectors")


@pytest.fixture
def build(monkeypatch):
    monkeypatch.syspath_prepend(str(ROOT / "tools"))
    return importlib.import_module("build_stem_vectors")


def test_soft_coverage_counts_similar_stems_by_their_similarity(bench):
    # stems a, b, c with idf 1, 2, 3; sentence 0 has a and b, sentence 1 has c;
    # a and c are 0.5 similar, b and c not at all.
    present = np.array([[1.0, 1.0, 0.0], [0.0, 0.0, 1.0]])
    weight = present * np.array([1.0, 2.0, 3.0])
    similarity = np.array([[1.0, 0.0, 0.5], [0.0, 1.0, 0.0], [0.5, 0.0, 1.0]])
    soft = bench._soft(present, weight, similarity)
    # 0 in 1: a found at 0.5 (weight 1), b not at all (weight 2): 0.5 / 3
    assert soft[0, 1] == pytest.approx(1 / 6)
    # 1 in 0: c's closest stem in sentence 0 is a, at 0.5
    assert soft[1, 0] == pytest.approx(0.5)
    assert soft[0, 0] == pytest.approx(1.0)


def test_auc_counts_ties_half(bench):
    labels = pd.Series([1, 0, 1, 0])
    scores = pd.Series([0.9, 0.1, 0.4, 0.4])
    # shared above unique: 0.9 > 0.1, 0.9 > 0.4, 0.4 > 0.1, 0.4 = 0.4 (half): 3.5 of 4
    assert bench.auc(labels, scores) == pytest.approx(0.875)


def test_mutual_pairs_need_both_sides_and_a_cosine_in_range(build):
    # row 0's best is column 1, but column 1's best is row 2 (0.95, above the range)
    assert build._mutual_pairs(np.array([[0.5, 0.9], [0.2, 0.3], [0.1, 0.95]])) == []
    assert build._mutual_pairs(np.array([[0.5, 0.2], [0.1, 0.6]])) == [(0, 0), (1, 1)]
    # 0.3 is below the range's 0.35
    assert build._mutual_pairs(np.array([[0.3]])) == []


def test_pair_cooccurrence_is_symmetric_and_counts_each_crossing(build):
    vocab = {"hike": 0, "increas": 1, "tax": 2}
    counts = build.pair_cooccurrence([(["hike"], ["increas", "tax"]), (["hike"], ["increas"]),
                                      (["unknown"], ["tax"])], vocab).toarray()
    assert counts[0, 1] == counts[1, 0] == 2
    assert counts[0, 2] == counts[2, 0] == 1
    assert counts[1, 2] == 0
