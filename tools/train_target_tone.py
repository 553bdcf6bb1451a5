"""Train the target-tone model (analysis.target_tone) on NewsMTSC and write its weights.

Run from the project folder::

    .venv/bin/python tools/train_target_tone.py [--data DIR] [--out FILE] [--check]

``--data`` is the folder with NewsMTSC's ``train.jsonl``, ``dev-rw.jsonl`` and
``dev-mt.jsonl`` (default ``../shared/corpora/newsmtsc``; fields ``sentence, mention, from,
to, polarity``). The script

1. turns every training row into features with :class:`analysis.target_tone.TargetFeaturizer`
   and the word lists below (saved into the model file, so the file alone defines the
   features);
2. picks the window, the penalty (L1 or L2) and its strength ``C`` by 5-fold
   cross-validation on TRAIN only (macro-F1; folds grouped by sentence, so the targets of
   one sentence never sit on both sides; vocabulary built inside each fold): the best
   score among settings with at most ``MAX_FEATURES`` non-zero features;
3. fits that multinomial logistic regression (balanced class weights) on all of TRAIN and
   keeps the features with a non-zero weight;
4. scores it once on dev-rw and dev-mt, for the record (never for choosing), and writes
   ``analysis/data/models/target_tone.json`` (default ``--out``).

Everything is deterministic: fixed fold seed, a deterministic solver, sorted vocabulary.
``--check`` skips the search: it refits with the hyper-parameters recorded in the shipped
file and checks that every coefficient and intercept is within ``TOLERANCE`` of the
shipped one and that the labels on TRAIN and both dev sets are identical (exit 1 if not).

Needs scikit-learn (training only: using the model needs only numpy).
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import itertools
import json
import sys
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from analysis.target_tone import CLASSES, MODEL_RESOURCE, TargetFeaturizer
from analysis.target_tone import STEMMER as TARGET_STEMMER

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA = ROOT.parent / "shared" / "corpora" / "newsmtsc"
DEFAULT_OUT = ROOT / "analysis" / MODEL_RESOURCE
SEED = 20240712
N_FOLDS = 5
#: Grid searched by cross-validation on TRAIN: every window x min_count x (penalty, C).
GRID = {
    "window": [3, 5, 8],
    # 5 and 10 lost to 3 at every C in earlier CV runs (window 3 and 5): not searched again.
    "min_count": [3],
    "penalty_C": [("l2", 0.05), ("l2", 0.1), ("l2", 0.2),
                  ("l1", 0.15), ("l1", 0.3), ("l1", 0.5)],
}
#: Solver settings per penalty (class weights balanced: the classes are 38/35/27 %).
SOLVERS = {
    "l2": {"solver": "lbfgs", "l1_ratio": 0.0, "class_weight": "balanced", "tol": 1e-6,
           "max_iter": 10_000},
    "l1": {"solver": "saga", "l1_ratio": 1.0, "class_weight": "balanced", "tol": 1e-3,
           "max_iter": 5_000, "random_state": SEED},
}
#: The largest model worth shipping: the issue asks for at most a few thousand features, so
#: that a reader can go through the weights.
MAX_FEATURES = 3000
#: --check: largest allowed difference of a coefficient or intercept from the shipped one.
TOLERANCE = 1e-6
DECIMALS = 8
#: The stemmer of the bag-of-words features (analysis.target_tone.STEMMER).
STEMMER = TARGET_STEMMER
POLARITY = {-1: "negative", 0: "neutral", 1: "positive"}

#: How the dev sets were used; written into the model file. Keep it true.
DEV_USE = (
    "Features and hyper-parameters were chosen by 5-fold cross-validation on train only. "
    "dev-rw and dev-mt were scored four times, listed in 'dev_looks'; no feature and no "
    "hyper-parameter was chosen by a dev score. After the second look the selection rule "
    "was changed because of the model's size (not its dev score); the fourth look is the "
    "retrained model after a change made for speed (features read from the mention's "
    "sentence only)."
)
DEV_LOOKS = [
    "1. First feature set (unstemmed word bags, L2, C=0.1, min_count 3, window 5, set by "
    "hand before any search): dev-rw macro-F1 0.654, dev-mt 0.664. Seen once, to know how "
    "far the goal was; stemming (+0.009 CV) and the grid below were then judged by CV only.",
    "2. The model a first selection rule picked (the fewest features within one standard "
    "error of the best CV score: L2, C=0.1, window 3, 8,593 features): dev-rw 0.656, "
    "dev-mt 0.653. Too large for the issue's 'at most a few thousand features', so the "
    "rule became 'best CV score within 3,000 features'; that was decided, and the result "
    "was to be shipped whatever its dev figures, before it was scored on dev.",
    "3. The model shipped first (L1, C=0.3, window 5, 994 features): dev-rw 0.659 "
    "(accuracy 0.679), dev-mt 0.679 (0.701).",
    "4. The model retrained after the featurizer began reading only the mention's sentence "
    "(analysis.target_tone.mention_sentence; 516 of the 7,739 train sentences hold more "
    "than one Punkt sentence), made for the speed of score, not for a score. Feature groups "
    "tried by CV on train before it and dropped (no gain at the shipped L1 C=0.3: clause "
    "word bag 0.661, lexicalised subject/object verbs 0.662, valences inside/outside the "
    "target's quote 0.663, against 0.663 without); offsets of the neutral and positive "
    "intercepts chosen by nested CV gained 0.002 and were left out. The same grid and rule; "
    "the figures under 'dev', computed once by this script.",
]


def _forms(*bases: str, extra: Iterable[str] = ()) -> list[str]:
    """Regular verb forms of each base: base, base+s, base+ed, base+ing (e-final handled)."""
    out = set(extra)
    for base in bases:
        out.add(base)
        stem = base[:-1] if base.endswith("e") else base
        if base.endswith("y") and base[-2:-1] not in "aeiou":
            out.update({base[:-1] + "ies", base[:-1] + "ied", base + "ing"})
        else:
            out.update({base + ("es" if base.endswith(("s", "sh", "ch", "x")) else "s"),
                        stem + "ed", stem + "ing"})
    return sorted(out)


#: The word lists of the features (lower case). Speech verbs after the kit's
#: data/lexicons/attribution_verbs.yml (neutral, emphatic, doubting, conceding groups);
#: attack and praise verbs and the loaded news words from reading NewsMTSC-style news copy.
WORD_LISTS: dict[str, list[str]] = {
    "speech_verbs": _forms(
        "say", "tell", "state", "add", "note", "remark", "explain", "announce", "report",
        "describe", "speak", "discuss", "comment", "reply", "respond", "write", "ask",
        "mention", "declare", "answer", "observe", "recall", "confirm", "tweet", "argue",
        "suggest", "predict", "testify", "conclude", "stress", "emphasize", "insist",
        "assert", "affirm", "reiterate", "vow", "pledge", "urge", "repeat", "claim",
        "allege", "contend", "admit", "acknowledge", "concede", "warn", "told",
        extra=["said", "says", "saying", "told", "tells", "telling", "spoke", "wrote",
               "written", "admitted", "admitting", "tweeted"]),
    "attack_verbs": _forms(
        "accuse", "criticize", "criticise", "condemn", "denounce", "attack", "slam", "blast",
        "blame", "mock", "ridicule", "lambaste", "rip", "chastise", "rebuke", "scold",
        "decry", "assail", "berate", "fault", "sue", "impeach", "indict", "charge", "reject",
        "dismiss", "deride", "smear", "target", "oppose", "challenge", "question", "knock",
        "pan", "skewer", "excoriate", "castigate", "vilify", "demonize", "insult", "taunt",
        "threaten", "investigate", "probe", "subpoena", "fire", "oust", "arrest", "convict",
        "censure", "reprimand", "hit",
        extra=["slammed", "slamming", "ripped", "ripping", "panned", "knocked", "hit",
               "hitting", "targeted", "sued", "accusations", "criticism", "critics",
               "critic"]),
    "praise_verbs": _forms(
        "praise", "laud", "hail", "applaud", "commend", "endorse", "back", "support",
        "defend", "thank", "congratulate", "welcome", "celebrate", "honor", "honour",
        "champion", "salute", "credit", "tout", "admire", "embrace", "cheer", "elect",
        "promote", "reward",
        extra=["praise", "supporters", "support", "allies", "admirers", "fans"]),
    "news_negative": [
        "scandal", "scandals", "controversial", "controversy", "embattled", "disgraced",
        "baseless", "falsely", "false", "debunked", "conspiracy", "racist", "racism",
        "bigot", "bigoted", "corrupt", "corruption", "lie", "lies", "lied", "lying", "liar",
        "misleading", "unfounded", "allegations", "alleged", "allegedly", "probe",
        "investigation", "indicted", "indictment", "impeachment", "extremist", "radical",
        "far-right", "far-left", "fringe", "divisive", "inflammatory", "incendiary",
        "chaos", "chaotic", "failed", "failure", "backlash", "outrage", "firestorm",
        "resign", "resigned", "ousted", "fired", "critics", "critic", "criticism",
        "misconduct", "harassment", "assault", "fraud", "bribery", "obstruction",
        "collusion", "sexist", "xenophobic", "hypocrisy", "hypocrite", "hypocritical",
        "rant", "tirade", "meltdown", "gaffe", "flip-flop", "controversially", "notorious",
        "infamous", "disgrace", "shameful", "dishonest", "unfit", "incompetent", "erratic",
        "demagogue", "authoritarian", "dictator", "propaganda", "smear", "attack",
        "attacks", "attacked", "blame", "blamed", "accused", "accusing", "accusation",
        "guilty", "convicted", "sued", "lawsuit", "violated", "violation", "abuse",
        "abused", "refused", "refuses", "defied", "defiant", "feud", "clash", "clashed",
        "feuding", "slammed", "blasted", "ripped", "mocked", "derided", "rebuked",
    ],
    "news_positive": [
        "bipartisan", "landmark", "historic", "popular", "praised", "respected",
        "successful", "success", "victory", "won", "wins", "win", "winning", "hero",
        "heroic", "icon", "iconic", "champion", "lauded", "hailed", "applauded", "beloved",
        "admired", "celebrated", "honored", "honoured", "award", "awarded", "accomplished",
        "achievement", "breakthrough", "pioneering", "visionary", "courageous", "brave",
        "compassionate", "generous", "tireless", "dedicated", "trusted", "credible",
        "qualified", "experienced", "effective", "thanked", "welcomed", "endorsed",
        "endorsement", "support", "supported", "supporters", "allies", "rescued", "saved",
        "helped", "unity", "reform", "reformer", "moderate", "pragmatic", "widely",
    ],
    "clause_words": [
        "but", "although", "though", "whereas", "however", "because", "while", "which",
        "who", "whom", "whose", "when", "after", "before", "since", "unless", "if", "yet",
        "despite", "amid", "whether", "where",
    ],
    "skip_after": [
        "is", "was", "are", "were", "has", "have", "had", "been", "be", "being", "will",
        "would", "could", "should", "may", "might", "must", "can", "did", "does", "do",
        "also", "repeatedly", "then", "later", "previously", "recently", "reportedly",
        "allegedly", "just", "already", "once", "again", "himself", "herself", "themselves",
        "publicly", "privately", "personally", "now", "still", "even", "only", "further",
        "often", "never", "always", "quickly", "immediately", "openly", "directly", "has",
        "got", "gets", "become", "became", "seemed", "appeared", "very", "so", "too",
        "more", "most", "less", "jr", "sr",
    ],
    "skip_before": [
        "the", "a", "an", "president", "sen", "senator", "rep", "representative", "gov",
        "governor", "former", "then", "dr", "mr", "ms", "mrs", "his", "her", "their", "its",
        "democratic", "republican", "gop", "democrat", "u.s.", "us", "secretary", "vice",
        "attorney", "general", "speaker", "leader", "minority", "majority", "house",
        "senate", "white", "chief", "director", "candidate", "nominee", "rival", "fellow",
        "new", "top", "first", "lady", "adviser", "advisor", "aide", "spokesman",
        "spokeswoman", "official", "officials", "lawmaker", "lawmakers", "state", "justice",
        "judge", "special", "counsel", "prime", "minister", "chairman", "chairwoman",
        "ex", "incoming", "outgoing", "current", "late", "both", "all", "two", "other",
        "american", "british", "russian", "chinese", "conservative", "liberal",
        "progressive", "billionaire", "businessman", "presidential", "independent", "of",
    ],
    "pronouns": ["he", "she", "they", "him", "her", "them", "his", "hers", "their", "it",
                 "we", "i", "you", "us", "me", "theirs", "its", "who"],
}


# --- data -----------------------------------------------------------------------------------


def read_split(folder: Path, name: str) -> pd.DataFrame:
    """One NewsMTSC file as a DataFrame with ``sentence, from, to, label``."""
    path = folder / f"{name}.jsonl"
    frame = pd.read_json(path, lines=True, dtype={"sentence": str})
    missing = {"sentence", "from", "to", "polarity"} - set(frame.columns)
    if missing:
        raise SystemExit(f"{path}: missing fields {sorted(missing)}")
    frame["label"] = frame["polarity"].map(POLARITY)
    if frame["label"].isna().any():
        raise SystemExit(f"{path}: polarity must be -1, 0 or 1")
    return frame


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def featurize(frame: pd.DataFrame, featurizer: TargetFeaturizer) -> list[dict[str, float]]:
    return [featurizer(t, int(s), int(e))
            for t, s, e in zip(frame["sentence"], frame["from"], frame["to"], strict=True)]


def vocabulary(rows: Sequence[Mapping[str, float]], min_count: int) -> list[str]:
    """Features present in at least ``min_count`` rows, sorted."""
    counts = Counter(k for row in rows for k, v in row.items() if v)
    return sorted(k for k, c in counts.items() if c >= min_count)


def matrix(rows: Sequence[Mapping[str, float]], features: Sequence[str]):
    from scipy.sparse import csr_matrix

    index = {f: i for i, f in enumerate(features)}
    data, cols, indptr = [], [], [0]
    for row in rows:
        for k in sorted(row):  # fixed order: deterministic sums in the solver
            c = index.get(k)
            if c is not None and row[k]:
                cols.append(c)
                data.append(row[k])
        indptr.append(len(cols))
    return csr_matrix((np.asarray(data, dtype=float), np.asarray(cols, dtype=np.int64),
                       np.asarray(indptr, dtype=np.int64)), shape=(len(rows), len(features)))


def fit(rows: Sequence[Mapping[str, float]], labels: Sequence[str], *, min_count: int,
        penalty: str, C: float):
    """``(features, LogisticRegression)`` fitted on ``rows``.

    Features are those in at least ``min_count`` rows; after an L1 fit, those whose
    coefficients are all zero are dropped (the predictions do not change).
    """
    import warnings

    from sklearn.exceptions import ConvergenceWarning
    from sklearn.linear_model import LogisticRegression

    features = vocabulary(rows, min_count)
    model = LogisticRegression(C=C, **SOLVERS[penalty])
    with warnings.catch_warnings():
        # saga at tol 1e-3 may stop at max_iter on a fold; the result is still deterministic
        warnings.simplefilter("ignore", ConvergenceWarning)
        model.fit(matrix(rows, features), np.asarray(labels))
    if list(model.classes_) != list(CLASSES):
        raise SystemExit(f"unexpected classes {model.classes_}")
    used = np.flatnonzero(np.any(model.coef_ != 0, axis=0))
    if len(used) < len(features):
        features = [features[i] for i in used]
        model.coef_ = model.coef_[:, used]
        model.n_features_in_ = len(used)
    return features, model


def fit_options(params: Mapping[str, Any]) -> dict[str, Any]:
    """The keyword arguments of :func:`fit` in a hyper-parameter record."""
    return {"min_count": params["min_count"], "penalty": params["penalty"], "C": params["C"]}


def predict(features: Sequence[str], model, rows: Sequence[Mapping[str, float]]) -> np.ndarray:
    return model.predict(matrix(rows, features))


def scores(truth: Sequence[str], predicted: Sequence[str]) -> dict[str, float]:
    """Macro-F1 over the three classes and accuracy."""
    from sklearn.metrics import accuracy_score, f1_score

    return {"macro_f1": float(f1_score(truth, predicted, average="macro",
                                       labels=list(CLASSES), zero_division=0)),
            "accuracy": float(accuracy_score(truth, predicted))}


def folds(frame: pd.DataFrame) -> list[tuple[np.ndarray, np.ndarray]]:
    """5 stratified folds of TRAIN, grouped by sentence, fixed seed."""
    from sklearn.model_selection import StratifiedGroupKFold

    splitter = StratifiedGroupKFold(n_splits=N_FOLDS, shuffle=True, random_state=SEED)
    groups = pd.factorize(frame["sentence"])[0]
    return list(splitter.split(np.zeros(len(frame)), frame["label"], groups))


def cross_validate(rows: Sequence[Mapping[str, float]], labels: Sequence[str],
                   splits: Sequence[tuple[np.ndarray, np.ndarray]], *, min_count: int,
                   penalty: str, C: float) -> dict[str, float]:
    """Mean and standard deviation of macro-F1 and accuracy over the folds, and the mean
    number of features with a non-zero weight."""
    labels = np.asarray(labels)
    per_fold, sizes = [], []
    for train_idx, test_idx in splits:
        features, model = fit([rows[i] for i in train_idx], labels[train_idx],
                              min_count=min_count, penalty=penalty, C=C)
        predicted = predict(features, model, [rows[i] for i in test_idx])
        per_fold.append(scores(labels[test_idx], predicted))
        sizes.append(len(features))
    f1 = [s["macro_f1"] for s in per_fold]
    acc = [s["accuracy"] for s in per_fold]
    return {"macro_f1": float(np.mean(f1)), "macro_f1_sd": float(np.std(f1)),
            "accuracy": float(np.mean(acc)), "accuracy_sd": float(np.std(acc)),
            "n_features": float(np.mean(sizes))}


def choose(results: Sequence[Mapping[str, Any]]) -> Mapping[str, Any]:
    """The best mean CV macro-F1 among settings with at most ``MAX_FEATURES`` non-zero
    features (mean over the folds); ties go to the smaller model."""
    small = [r for r in results if r["n_features"] <= MAX_FEATURES]
    if not small:
        raise SystemExit(f"no setting of the grid has at most {MAX_FEATURES} features")
    return max(small, key=lambda r: (r["macro_f1"], -r["n_features"]))


# --- the model file -------------------------------------------------------------------------


def model_content(features: Sequence[str], model, *, window: int,
                  metadata: Mapping[str, Any]) -> dict[str, Any]:
    return {
        "format": "outlet-lens target-tone model 1: softmax(coef @ x + intercept)",
        "metadata": dict(metadata),
        "classes": list(CLASSES),
        "featurizer": {"window": window, "stemmer": STEMMER, "lists": WORD_LISTS},
        "intercept": [round(float(v), DECIMALS) for v in model.intercept_],
        "features": list(features),
        "coef": [[round(float(v), DECIMALS) for v in row] for row in model.coef_],
    }


def write_json(content: Mapping[str, Any], path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(_pretty(content) + "\n", encoding="utf-8")


def _pretty(content: Mapping[str, Any]) -> str:
    """JSON with the top-level keys and metadata indented, long arrays on one line each."""
    parts = []
    for key, value in content.items():
        if key == "metadata":
            body = json.dumps(value, indent=2, ensure_ascii=False).replace("\n", "\n ")
        elif key == "featurizer":
            lists = ",\n  ".join(f"{json.dumps(k)}: {json.dumps(v, ensure_ascii=False)}"
                                 for k, v in value["lists"].items())
            body = (f'{{"window": {value["window"]}, "stemmer": {json.dumps(value["stemmer"])}, '
                    f'"lists": {{\n  {lists}}}}}')
        elif key == "coef":
            body = "[\n  " + ",\n  ".join(json.dumps(row) for row in value) + "]"
        else:
            body = json.dumps(value, ensure_ascii=False)
        parts.append(f" {json.dumps(key)}: {body}")
    return "{\n" + ",\n".join(parts) + "\n}"


# --- commands -------------------------------------------------------------------------------


def train(data: Path, out: Path) -> int:
    import sklearn

    train_frame = read_split(data, "train")
    dev = {name: read_split(data, name) for name in ("dev-rw", "dev-mt")}
    splits = folds(train_frame)
    labels = train_frame["label"].to_numpy()
    results = []
    by_window = {}
    for window in GRID["window"]:
        featurizer = TargetFeaturizer(WORD_LISTS, window=window)
        rows = featurize(train_frame, featurizer)
        by_window[window] = (featurizer, rows)
        for min_count, (penalty, C) in itertools.product(GRID["min_count"],
                                                           GRID["penalty_C"]):
            result = cross_validate(rows, labels, splits, min_count=min_count,
                                    penalty=penalty, C=C)
            results.append({"window": window, "min_count": min_count, "penalty": penalty,
                            "C": C, **result})
            print(f"window={window} min_count={min_count} {penalty} C={C:<4} "
                  f"macro-F1 {result['macro_f1']:.4f} ± {result['macro_f1_sd']:.4f}  "
                  f"accuracy {result['accuracy']:.4f}  "
                  f"features {result['n_features']:,.0f}", flush=True)
    best = choose(results)
    top = max(results, key=lambda r: r["macro_f1"])
    print(f"best CV score: {top}\nchosen (best within {MAX_FEATURES:,} features): {best}")
    featurizer, rows = by_window[best["window"]]
    features, model = fit(rows, labels, **fit_options(best))
    dev_scores = {}
    for name, frame in dev.items():
        predicted = predict(features, model, featurize(frame, featurizer))
        dev_scores[name] = {"rows": len(frame), **scores(frame["label"], predicted)}
        print(f"{name}: {dev_scores[name]}")
    metadata = {
        "what": "Tone toward one target mention: multinomial logistic regression over "
                "context features (analysis.target_tone).",
        "training_data": {
            "name": "NewsMTSC train (Hamborg & Donnay, EACL 2021), MIT licence",
            "file": "shared/corpora/newsmtsc/train.jsonl (fhamborg/NewsMTSC snapshot "
                    "b9d9b79, newsmtsc-rw-hf/train.jsonl)",
            "sha256": sha256(data / "train.jsonl"),
            "rows": len(train_frame),
            "classes": {c: int((labels == c).sum()) for c in CLASSES},
        },
        "trained": dt.date.today().isoformat(),
        "trained_with": {"tool": "tools/train_target_tone.py",
                         "scikit-learn": sklearn.__version__, "numpy": np.__version__,
                         "python": sys.version.split()[0]},
        "hyper_parameters": {"window": best["window"], **fit_options(best),
                             **SOLVERS[best["penalty"]]},
        "cross_validation": {
            "folds": N_FOLDS, "split": "StratifiedGroupKFold by sentence, shuffled",
            "seed": SEED, "score": "macro-F1",
            "rule": f"the best mean macro-F1 among settings with at most {MAX_FEATURES:,} "
                    "non-zero features (mean over the folds)",
            "chosen": best, "best_score": top, "grid": results,
        },
        "dev": dev_scores,
        "dev_use": DEV_USE,
        "dev_looks": DEV_LOOKS,
        "n_features": len(features),
    }
    write_json(model_content(features, model, window=best["window"], metadata=metadata), out)
    print(f"wrote {out} ({out.stat().st_size:,} bytes, {len(features):,} features)")
    return 0


def check(data: Path, shipped: Path) -> int:
    content = json.loads(shipped.read_text(encoding="utf-8"))
    params = content["metadata"]["hyper_parameters"]
    if content["featurizer"]["lists"] != WORD_LISTS \
            or content["featurizer"]["stemmer"] != STEMMER:
        print(f"FAIL: the word lists or stemmer in {shipped} differ from this script's")
        return 1
    featurizer = TargetFeaturizer(WORD_LISTS, window=params["window"])
    train_frame = read_split(data, "train")
    rows = featurize(train_frame, featurizer)
    features, model = fit(rows, train_frame["label"], **fit_options(params))
    fresh = model_content(features, model, window=params["window"], metadata={})
    if fresh["features"] != content["features"]:
        print("FAIL: the feature vocabulary differs from the shipped one")
        return 1
    diff = max(float(np.max(np.abs(np.asarray(fresh[key]) - np.asarray(content[key]))))
               for key in ("coef", "intercept"))
    print(f"largest coefficient difference: {diff:.2e} (tolerance {TOLERANCE:.0e})")
    ok = diff <= TOLERANCE
    shipped_coef = np.asarray(content["coef"])
    shipped_intercept = np.asarray(content["intercept"])
    for name, frame in [("train", train_frame)] + [
            (n, read_split(data, n)) for n in ("dev-rw", "dev-mt")]:
        X = matrix(rows if name == "train" else featurize(frame, featurizer), features)
        mine = model.predict(X)
        theirs = np.asarray(CLASSES)[np.argmax(X @ shipped_coef.T + shipped_intercept, 1)]
        same = int((mine == theirs).sum())
        print(f"{name}: {same} of {len(frame)} labels identical")
        ok = ok and same == len(frame)
    print("OK" if ok else "FAIL")
    return 0 if ok else 1


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA,
                        help=f"NewsMTSC folder (default {DEFAULT_DATA})")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT,
                        help=f"model file to write, or to check (default {DEFAULT_OUT})")
    parser.add_argument("--check", action="store_true",
                        help="refit with the file's hyper-parameters and compare")
    args = parser.parse_args(argv)
    if not (args.data / "train.jsonl").is_file():
        print(f"no NewsMTSC train.jsonl in {args.data}", file=sys.stderr)
        return 2
    return check(args.data, args.out) if args.check else train(args.data, args.out)


if __name__ == "__main__":
    raise SystemExit(main())
