"""Train the coverage match model (analysis.comparison.matching) on the tune hand labels.

Run from the project folder::

    .venv/bin/python tools/train_coverage_match.py [--corpus PATH] [--out FILE] [--check]

The labels are the tune rows of ``bench/bench_coverage.py`` (``tune_gold``: the 16 events
of ``tests/fixtures/coverage_gold.csv`` and ``coverage_gold_fresh.csv``; never
``coverage_gold_fresh2.csv``: its events are for the held figure). For every labelled
sentence and other article, the sentence is compared with its closest sentence in that
article (:func:`analysis.comparison.matching.closest_candidates`, the same code that
``coverage`` runs); rows without :data:`MIN_COMMON_STEMS` stems in common, or with a cosine
below :data:`MIN_COSINE`, are "unique" and never reach the model. The model is a logistic
regression (scikit-learn, L2, ``C``) on the standardised :data:`MATCH_FEATURES`, threshold
0.5. Printed: leave-one-event-out
cross-validation of the whole ``coverage`` (a model fitted without the event, then
``coverage`` run on it; pair and sentence accuracy), then the weights of the model fitted on
all tune events, written to ``analysis/data/models/coverage_match.json``.

``--check`` refits and compares with the shipped file (exit 1 if a weight differs by more
than ``TOLERANCE``: a change of the cleaner moves the tune texts, and the weights, a little;
0.006 for the cleaner merged on 2026-11-30). Needs scikit-learn (training only; the kit
reads the weights with numpy).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import pandas as pd
from sklearn.linear_model import LogisticRegression

from analysis import load_corpus
from analysis.comparison.alignment import coverage_from, sentence_pairs
from analysis.comparison.matching import MATCH_FEATURES, MatchModel, closest_candidates

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))
from bench_coverage import TUNE_FILES, labelled_articles, locate, tune_gold  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpora" / "allsides-abp" / "articles.jsonl.gz"
OUT = ROOT / "analysis" / "data" / "models" / "coverage_match.json"
C = 1.0
THRESHOLD = 0.5
TOLERANCE = 0.02


def training_rows(corpus: pd.DataFrame, gold: pd.DataFrame) -> pd.DataFrame:
    """One row per labelled (sentence, other article) that reaches the model."""
    sents = sentence_pairs(corpus, caller="train", method="cosine")[0]
    now, counts = locate(gold, sents)
    print(f"labelled sentences found by text {counts['by_text']}, by prefix "
          f"{counts['by_prefix']}, not found {counts['not_found']}")
    gold = gold.assign(current=now)[now.notna()]
    original = sents.set_index(["article_id", "sentence_index"])["repeat_of"]
    rows = []
    for event, part in sents[sents["repeat_of"].isna()].groupby("event", sort=True):
        part = part.reset_index(drop=True)
        articles = pd.factorize(part["article_id"])[0]
        _, _, asked, measures = closest_candidates(part["sentence"].tolist(),
                                                   part["outlet"].to_numpy(), articles)
        index = {(a, s): k for k, (a, s) in enumerate(zip(part["article_id"],
                                                          part["sentence_index"],
                                                          strict=True))}
        seen: dict = {}
        for (i, j), m in zip(asked, measures, strict=True):  # the closest sentence's
            seen.setdefault((i, part["article_id"].iat[j]), m)
        for row in gold[gold["event"] == event].itertuples(index=False):
            current = int(row.current)
            repeat = original.get((row.article_id, current))
            if pd.notna(repeat):
                current = int(repeat)
            m = seen.get((index[(row.article_id, current)], row.other_article_id))
            if m is not None:
                rows.append({"event": event, "label": int(row.label == "shared"), **m})
    return pd.DataFrame(rows)


def fit(rows: pd.DataFrame) -> dict:
    probe = MatchModel({"features": MATCH_FEATURES, "mean": [0] * len(MATCH_FEATURES),
                        "scale": [1] * len(MATCH_FEATURES), "coef": [0] * len(MATCH_FEATURES),
                        "intercept": 0, "threshold": THRESHOLD}, source="probe")
    x = probe.design(rows.to_dict("records"))
    mean, scale = x.mean(axis=0), x.std(axis=0)
    scale[scale == 0] = 1.0
    model = LogisticRegression(C=C, max_iter=5000).fit((x - mean) / scale, rows["label"])
    return {"features": list(MATCH_FEATURES), "mean": mean.round(8).tolist(),
            "scale": scale.round(8).tolist(), "coef": model.coef_[0].round(8).tolist(),
            "intercept": round(float(model.intercept_[0]), 8), "threshold": THRESHOLD}


def evaluate(corpus: pd.DataFrame, gold: pd.DataFrame, model: MatchModel) -> pd.DataFrame:
    """The gold rows with ``found`` (coverage with this model says shared)."""
    sents, pairs = sentence_pairs(corpus, caller="train", method="model", model=model)
    cov = coverage_from(sents, pairs)
    now, _ = locate(gold, cov)
    gold = gold.assign(current=now)[now.notna()]
    got = cov.set_index(["article_id", "sentence_index"]).reindex(
        pd.MultiIndex.from_arrays([gold["article_id"], gold["current"].astype(int)]))
    shared_with = got["shared_with"].fillna("").str.split("; ").to_numpy()
    return gold.assign(found=[o in w for o, w in zip(gold["other_outlet"], shared_with,
                                                     strict=True)])


def leave_one_event_out(
    corpus: pd.DataFrame, gold: pd.DataFrame, rows: pd.DataFrame | None = None
) -> pd.DataFrame:
    """The gold rows with ``found``, each event's by a model fitted on the other events.

    ``corpus``: the cleaned articles; ``rows``: :func:`training_rows` when already made.
    """
    rows = training_rows(corpus, gold) if rows is None else rows
    scored = []
    for event in sorted(gold["event"].unique()):
        fold = MatchModel(fit(rows[rows["event"] != event]), source=f"without {event}")
        part = corpus[corpus["event"] == event]
        scored.append(evaluate(part, gold[gold["event"] == event], fold))
    return pd.concat(scored, ignore_index=True)


def accuracy(rows: pd.DataFrame) -> tuple[float, float]:
    gold = rows["label"] == "shared"
    pairs = float((gold == rows["found"]).mean())
    sents = rows.assign(gold=gold).groupby(["article_id", "sentence_index"]).agg(
        gold=("gold", "any"), found=("found", "any"))
    return pairs, float((sents["gold"] == sents["found"]).mean())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args(argv)
    if not args.corpus.exists():
        print(f"the allsides-abp corpus is not at {args.corpus}")
        return 1
    gold = tune_gold()
    corpus = labelled_articles(load_corpus(args.corpus), gold)
    rows = training_rows(corpus, gold)
    print(f"{len(rows)} of {len(gold)} tune rows reach the model ({rows['label'].sum()} shared)")
    content = fit(rows)
    if args.check:
        shipped = json.loads(args.out.read_text(encoding="utf-8"))
        worst = max(abs(a - b) for key in ("mean", "scale", "coef")
                    for a, b in zip(content[key], shipped[key], strict=True))
        worst = max(worst, abs(content["intercept"] - shipped["intercept"]))
        print(f"largest difference from the shipped weights: {worst:.2e}")
        return 0 if worst <= TOLERANCE else 1
    pairs, sentences = accuracy(leave_one_event_out(corpus, gold, rows))
    print(f"leave-one-event-out on tune: pair accuracy {pairs:.3f}, sentence accuracy "
          f"{sentences:.3f}")
    content["meta"] = {
        "trained_on": ", ".join(f"tests/fixtures/{path.name}" for path, _ in TUNE_FILES)
                      + ", split tune "
                      f"({gold['event'].nunique()} events, {len(rows)} rows reaching the model)",
        "made_by": "tools/train_coverage_match.py",
        "C": C,
        "cv_leave_one_event_out": {"pair_accuracy": round(pairs, 3),
                                   "sentence_accuracy": round(sentences, 3)},
    }
    for name, weight in zip(content["features"], content["coef"], strict=True):
        print(f"  {name:<14} {weight:+.3f}")
    print(f"  intercept      {content['intercept']:+.3f}")
    args.out.write_text(json.dumps(content, indent=1) + "\n", encoding="utf-8")
    print(f"written: {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
