"""Tone toward one actor mention: the target-tone model against VADER, on NewsMTSC.

Run: ``.venv/bin/python bench/bench_actor_tone.py [--data DIR] [--model FILE]`` (default
``../shared/corpora/newsmtsc`` and the shipped model). Prints macro-F1 and accuracy on
dev-rw and dev-mt, and by 5-fold cross-validation on train (the training tool's folds:
grouped by article, fixed seed), for

(a) plain sentence VADER: NLTK's compound of the sentence, with the ±0.05 cut-offs;
(b) the kit's old actor tone (:func:`analysis.sentiment.sentence_tone_naming`, once called
    ``actor_tone``): the mean VADER compound of the sentences naming the actor. On one
    sentence per mention it *is* (a); it is computed here through ``sentence_tone_naming``
    all the same, one group per mention;
(c) the target-tone model (:mod:`analysis.target_tone`, the shipped weights on dev; refitted
    on each training fold with the shipped hyper-parameters for the CV figure, which needs
    scikit-learn, and, for a model with a word table, the allsides-abp articles to rebuild
    its word vectors: without them the figure recorded in the model file is shown);
(d) always "neutral".

Then the cost of the model per mention. The dev sets were not used to choose anything
(see the model file's ``dev_use``); NewsMTSC's test sets are not used at all.
"""

from __future__ import annotations

import argparse
import importlib.util
import time
import warnings
from pathlib import Path

import numpy as np
import pandas as pd

from analysis.fastvader import FastVader
from analysis.sentiment import label_for, make_analyzer, sentence_tone_naming
from analysis.target_tone import CLASSES, load_model, target_tone, target_tone_table

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA = ROOT.parent / "shared" / "corpora" / "newsmtsc"
POLARITY = {-1: "negative", 0: "neutral", 1: "positive"}


def read_split(folder: Path, name: str) -> pd.DataFrame:
    frame = pd.read_json(folder / f"{name}.jsonl", lines=True, dtype={"sentence": str})
    return frame.assign(label=frame["polarity"].map(POLARITY))


def scores(truth, predicted) -> tuple[float, float]:
    """(macro-F1 over the three classes, accuracy), without scikit-learn."""
    truth, predicted = np.asarray(truth), np.asarray(predicted)
    f1s = []
    for c in CLASSES:
        tp = np.sum((predicted == c) & (truth == c))
        fp = np.sum((predicted == c) & (truth != c))
        fn = np.sum((predicted != c) & (truth == c))
        f1s.append(2 * tp / (2 * tp + fp + fn) if tp else 0.0)
    return float(np.mean(f1s)), float(np.mean(truth == predicted))


def sentence_vader(frame: pd.DataFrame, vader: FastVader) -> np.ndarray:
    return np.asarray([label_for(vader.compound(s)) for s in frame["sentence"]])


def old_actor_tone(frame: pd.DataFrame, vader: FastVader) -> np.ndarray:
    """The kit's actor_tone, one article, outlet and actor per mention."""
    ids = [f"m{i}" for i in range(len(frame))]
    sentences = pd.DataFrame({
        "article_id": ids, "outlet": ids, "sentence_index": 0,
        "sentence": frame["sentence"].to_list(),
        "compound": [vader.compound(s) for s in frame["sentence"]],
    })
    sentences["label"] = sentences["compound"].map(label_for)
    mentions = pd.DataFrame({"article_id": ids, "actor": ids, "sentence_index": 0})
    table = sentence_tone_naming(sentences, mentions).set_index("outlet").loc[ids]
    return np.asarray([label_for(x) for x in table["mean_compound"]])


def load_tool():
    spec = importlib.util.spec_from_file_location("train_target_tone",
                                                  ROOT / "tools" / "train_target_tone.py")
    tool = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(tool)
    return tool


def model_cv(train: pd.DataFrame, splits, model) -> tuple[float, float] | None:
    """Mean CV figures of ``model`` refitted per fold with its hyper-parameters."""
    if importlib.util.find_spec("sklearn") is None:
        return None
    tool = load_tool()
    from analysis.target_tone import TargetFeaturizer

    params = model.metadata["hyper_parameters"]
    lists = model.featurizer.lists
    if model.word_scores:
        if not tool.DEFAULT_CORPUS.is_file():
            return None
        stems, vectors = tool.stem_vectors(tool.DEFAULT_CORPUS, train, TargetFeaturizer(lists))
        featurizer = TargetFeaturizer(lists, window=params["window"], words=stems)
        rows = tool.training_rows(train, featurizer, stems, vectors)
    else:
        featurizer = TargetFeaturizer(lists, window=params["window"])
        rows = tool.featurize(train, featurizer)
    labels = train["label"].to_numpy()
    result = tool.cross_validate(rows, labels, splits, **tool.fit_options(params))
    return result["macro_f1"], result["accuracy"]


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--model", type=Path, default=None,
                        help="a target-tone model file (default: the shipped one)")
    args = parser.parse_args(argv)
    if not (args.data / "train.jsonl").is_file():
        print(f"skipped: no NewsMTSC train.jsonl in {args.data}")
        return 0
    vader = FastVader(make_analyzer())
    model = load_model(args.model)
    train = read_split(args.data, "train")
    dev = {name: read_split(args.data, name) for name in ("dev-rw", "dev-mt")}

    have_sklearn = importlib.util.find_spec("sklearn") is not None
    splits = load_tool().folds(train) if have_sklearn else None

    def cv(predict) -> tuple[float, float] | None:
        if splits is None:
            return None
        per_fold = [scores(train["label"].to_numpy()[test], predict(train.iloc[test]))
                    for _, test in splits]
        return tuple(float(x) for x in np.mean(per_fold, axis=0))

    methods = {
        "(a) sentence VADER (±0.05)": lambda f: sentence_vader(f, vader),
        "(b) old actor tone (= (a) on one sentence)": lambda f: old_actor_tone(f, vader),
        "(c) target-tone model": lambda f: target_tone_table(f, model=model)["label"]
        .to_numpy(),
        "(d) always neutral": lambda f: np.full(len(f), "neutral"),
    }
    print(f"NewsMTSC at {args.data}: train {len(train):,} rows, "
          + ", ".join(f"{n} {len(f):,} rows" for n, f in dev.items()))
    print(f"{'method':44s} {'dev-rw F1':>9s} {'acc':>6s} {'dev-mt F1':>9s} {'acc':>6s} "
          f"{'CV F1':>6s} {'acc':>6s}")
    for name, predict in methods.items():
        figures = []
        for frame in dev.values():
            figures += scores(frame["label"], predict(frame))
        if name.startswith("(c)"):
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                found = model_cv(train, splits, model) if have_sklearn else None
            if found is None:
                recorded = model.metadata["cross_validation"]["chosen"]
                found = (recorded["macro_f1"], recorded["accuracy"])
                name += " [CV as recorded]"
        else:
            found = cv(predict)
        figures += found if found is not None else (float("nan"), float("nan"))
        print(f"{name:44s} " + " ".join(f"{x:9.3f}" if i % 2 == 0 else f"{x:6.3f}"
                                         for i, x in enumerate(figures)))
    if not have_sklearn:
        print("CV of the baselines needs scikit-learn's fold splitter: not installed")

    # Cost per mention.
    # Word data (stems, lexicon values) are cached per word for the process: the first
    # pass over new text pays for its new words; sentences are cached only a few at a time.
    frame = pd.concat([train, *dev.values()], ignore_index=True)
    passes = []
    for _ in range(2):
        start = time.perf_counter()
        target_tone_table(frame, model=model)
        passes.append((time.perf_counter() - start) / len(frame) * 1e6)
    sample = frame.head(2000)
    start = time.perf_counter()
    for s, a, b in zip(sample["sentence"], sample["from"], sample["to"], strict=True):
        target_tone(s, a, b, model=model)
    single_us = (time.perf_counter() - start) / len(sample) * 1e6
    groups = [(sentence, list(zip(part["from"], part["to"], strict=True)))
              for sentence, part in frame.groupby("sentence", sort=False)]
    start = time.perf_counter()
    for sentence, spans in groups:
        model.predict_spans(sentence, spans)
    fast_us = (time.perf_counter() - start) / len(frame) * 1e6
    start = time.perf_counter()
    for s in frame["sentence"]:
        vader.compound(s)
    vader_us = (time.perf_counter() - start) / len(frame) * 1e6
    print(f"cost per mention, one core: target_tone_table {passes[1]:.0f} µs ({len(frame):,} "
          f"mentions; {passes[0]:.0f} µs on the first pass, while new words are cached), "
          f"target_tone with its explanation {single_us:.0f} µs, predict_spans (the "
          f"sentence's mentions together, no explanation) {fast_us:.0f} µs; "
          f"sentence VADER alone {vader_us:.0f} µs per sentence (NewsMTSC's sentences are "
          "25 words on average, split on white space; bench_score_parts.py measures "
          "score's news text)")
    print(f"model: {model.source}, {len(model.vocabulary):,} features, "
          f"{len(model.word_scores):,} stems in its word table")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
