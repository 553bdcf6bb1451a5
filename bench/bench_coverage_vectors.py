"""Does distributional word similarity help coverage? Stem vectors against the hand labels.

Run: ``.venv/bin/python bench/bench_coverage_vectors.py VECTORS.npz [...] [--corpus PATH]``

``VECTORS.npz``: stem vectors made by ``tools/build_stem_vectors.py`` (``stems``,
``vectors``; not shipped: they did not help, see "Round 4" in
``tests/fixtures/coverage_gold.md``). For each file, on the 16 tune events
(``bench_coverage.tune_gold``; never the held ``coverage_gold_fresh2.csv``), the model's
candidate rows are built as in ``bench_coverage_variants.py`` and given these measures of
sentence i against sentence j, each from idf-weighted stems (the stem vectors' similarity
clipped at 0):

* ``soft_covered``: the idf share of i's stems whose closest stem in j is similar (an exact
  stem counts 1, another stem its similarity); ``soft_sharp7``: the same with similarities
  below 0.7 counted 0 and the rest rescaled to 0-1 (near-synonyms only); ``soft_centred``:
  the same with the vectors centred on the event's stems (the shared topic taken out);
* ``vector_cosine``: the cosine of the two sentences' idf-weighted mean vectors;
  ``vector_centred``: the same after taking out the event's mean sentence vector.

Printed: leave-one-event-out pair / sentence accuracy of the model's measures with each
added (``bench_coverage_variants.leave_one_event_out``, the shipped floor), rows won and lost
against the model's measures alone with an exact sign test; then, as a candidate
generator, the labelled rows that no cosine candidate reaches (no sentence of the other
article with 2 stems in common and a cosine of 0.2 among its two closest): for each
measure, how well the best score in the other article tells the shared ones from the
unique (AUC) and, at some floors, how many of each it would reach. Figures only.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import numpy as np
import pandas as pd

from analysis import load_corpus
from analysis.comparison import matching

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))
import bench_coverage_variants as variants  # noqa: E402
from bench_coverage import CORPUS, labelled_articles, sign_test, tune_gold  # noqa: E402

MEASURES = ("soft_covered", "soft_sharp7", "soft_centred", "vector_cosine", "vector_centred")
FLOORS = (0.5, 0.6, 0.7, 0.8, 0.9)


def read_vectors(path: Path) -> tuple[dict[str, int], np.ndarray]:
    """The stem index and float32 vectors of a file of tools/build_stem_vectors.py."""
    with np.load(path, allow_pickle=False) as data:
        return ({str(s): k for k, s in enumerate(data["stems"])},
                data["vectors"].astype(np.float32))


def _unit(m: np.ndarray) -> np.ndarray:
    norms = np.linalg.norm(m, axis=1)
    return m / np.where(norms == 0, 1, norms)[:, None]


def _soft(present: np.ndarray, weight: np.ndarray, similarity: np.ndarray) -> np.ndarray:
    """i x j: the idf share of i's stems found in j, each by its most similar stem there."""
    similarity = similarity.copy()
    np.fill_diagonal(similarity, 1.0)
    closest = np.zeros_like(present)
    for j, row in enumerate(present):
        cols = np.flatnonzero(row)
        if len(cols):
            closest[j] = similarity[:, cols].max(axis=1)
    total = weight.sum(axis=1)
    return (weight @ closest.T) / np.where(total == 0, 1, total)[:, None]


def vector_measures(index: dict[str, int], vectors: np.ndarray):
    """The hook for bench_coverage_variants: the :data:`MEASURES` of one event."""
    def hook(marks, ev) -> dict[str, np.ndarray]:
        stems = sorted({w for m in marks for w in m.stems})  # event_evidence's columns
        v = np.zeros((len(stems), vectors.shape[1]), dtype=np.float32)
        for k, s in enumerate(stems):
            if s in index:
                v[k] = vectors[index[s]]
        known = np.linalg.norm(v, axis=1) > 0
        centred = np.where(known[:, None], v - (v[known].mean(axis=0) if known.any() else 0), 0)
        centred = _unit(centred)
        raw = v @ v.T
        mean = ev.weight @ v
        return {
            "soft_covered": _soft(ev.present, ev.weight, np.clip(raw, 0, 1)),
            "soft_sharp7": _soft(ev.present, ev.weight, np.clip((raw - 0.7) / 0.3, 0, 1)),
            "soft_centred": _soft(ev.present, ev.weight, np.clip(centred @ centred.T, 0, 1)),
            "vector_cosine": _unit(mean) @ _unit(mean).T,
            "vector_centred": _unit(mean - mean.mean(axis=0)) @ _unit(mean - mean.mean(axis=0)).T,
        }
    return hook


def unreached(events: dict) -> pd.DataFrame:
    """Labelled rows without a cosine candidate, with each measure's best in the article."""
    out = []
    for d in events.values():
        rows, articles = d["rows"], d["articles"]
        asked = set(zip(*(rows.loc[rows["cosine"] >= variants.SHIPPED_FLOOR, c]
                          for c in ("i", "k")), strict=True))
        for i, k, label in zip(d["gold"]["i"], d["gold"]["k"], d["gold"]["label"], strict=True):
            if (i, k) in asked:
                continue
            cols = np.flatnonzero(articles == k)
            out.append({"label": label,
                        **{m: float(d["hooked"][m][i, cols].max()) for m in MEASURES}})
    return pd.DataFrame(out)


def auc(labels: pd.Series, scores: pd.Series) -> float:
    """P(a shared row scores above a unique one), ties half (Mann-Whitney)."""
    ranks = scores.rank()
    n1 = int(labels.sum())
    n0 = len(labels) - n1
    return float((ranks[labels == 1].sum() - n1 * (n1 + 1) / 2) / (n1 * n0))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("vectors", type=Path, nargs="+")
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    args = parser.parse_args(argv)
    if not args.corpus.exists():
        print(f"skipped: the allsides-abp corpus is not at {args.corpus}")
        return 0
    gold = tune_gold()
    corpus = labelled_articles(load_corpus(args.corpus), gold)
    base = list(matching.MATCH_FEATURES)
    for path in args.vectors:
        events = variants.event_rows(corpus, gold,
                                     extra=vector_measures(*read_vectors(path)))
        print(f"{path.name}: {len(events)} events; leave-one-event-out, pairs / sentences")
        p0, s0, rows0 = variants.leave_one_event_out(events, base, detail=True)
        print(f"  the model's {len(base)} measures{'':<14} {p0:.3f}  {s0:.3f}")
        right0 = (rows0["label"] == 1) == rows0["found"]
        for extra in MEASURES:
            p, s, rows = variants.leave_one_event_out(events, [*base, extra], detail=True)
            right = (rows["label"] == 1) == rows["found"]
            won, lost = int((right & ~right0).sum()), int((~right & right0).sum())
            print(f"  + {extra:<36} {p:.3f}  {s:.3f}  won {won}, lost {lost}, "
                  f"sign test p = {sign_test(won, lost):.2f}", flush=True)
        left = unreached(events)
        n1 = int(left["label"].sum())
        print(f"  labelled rows no cosine candidate reaches: {len(left)} ({n1} shared)")
        for m in MEASURES:
            reach = ", ".join(
                f"{f}: {int((left[m] >= f)[left['label'] == 1].sum())}/"
                f"{int((left[m] >= f)[left['label'] == 0].sum())}" for f in FLOORS)
            print(f"    {m:<16} AUC {auc(left['label'], left[m]):.3f}; best >= floor, "
                  f"shared/unique: {reach}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
