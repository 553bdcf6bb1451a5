"""Train the target-tone model (analysis.target_tone) on NewsMTSC and write its weights.

Run from the project folder::

    .venv/bin/python tools/train_target_tone.py [--data DIR] [--corpus FILE] [--out FILE]
        [--check]

``--data`` is the folder with NewsMTSC's ``train.jsonl``, ``dev-rw.jsonl`` and
``dev-mt.jsonl`` (default ``../shared/corpora/newsmtsc``; fields ``sentence, mention, from,
to, polarity``). The script

1. turns every training row into features with :class:`analysis.target_tone.TargetFeaturizer`
   and the word lists below (saved into the model file, so the file alone defines the
   features);
2. learns word vectors (PPMI-SVD, :func:`stem_vectors`) from the allsides-abp articles
   (``--corpus``) and TRAIN's sentences, text only, and turns each side's word shares
   (the ``wL:``, ``wR:``, ``wC:`` features) into the side's mean vector;
3. picks the window, the penalty (L1 or L2) and its strength ``C`` by 5-fold
   cross-validation on TRAIN only (macro-F1; folds grouped by article, so the targets of
   one article never sit on both sides; vocabulary built inside each fold): the best
   score among settings with at most ``MAX_FEATURES`` non-zero features;
4. fits that multinomial logistic regression (balanced class weights) on all of TRAIN and
   keeps the features with a non-zero weight; folds the vector weights into one weight
   per stem, side and class (:func:`fold_vectors`: the vectors do not ship);
5. scores it once on dev-rw and dev-mt, for the record (never for choosing), and writes
   ``analysis/data/models/target_tone.json`` (default ``--out``) and the word table
   beside it, ``target_tone_words.npz`` (``stems``, ``scores``: float32, 6 a stem).

Everything is deterministic: fixed fold seed, a deterministic solver, sorted vocabulary.
``--check`` skips the search: it rebuilds the word vectors, refits with the
hyper-parameters recorded in the shipped file and checks that every coefficient and
intercept is within ``TOLERANCE`` of the shipped one, every word-table weight within
``WORD_TOLERANCE``, and that the shipped model's labels on TRAIN and both dev sets are
the refit's (exit 1 if not).

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

from analysis.target_tone import CLASSES, MODEL_RESOURCE, WORD_SIDES, TargetFeaturizer
from analysis.target_tone import STEMMER as TARGET_STEMMER
from analysis.tokens import stopwords

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA = ROOT.parent / "shared" / "corpora" / "newsmtsc"
#: The unlabelled news the word vectors are learned from (with train's sentences).
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpora" / "allsides-abp" / "articles.jsonl.gz"
#: Word vectors: the stems in the most documents (at least VECTOR_MIN_DOCS), their size, and
#: the co-occurrence window (in stems, stopwords left out); see stem_vectors.
VECTOR_STEMS = 20_000
VECTOR_MIN_DOCS = 5
VECTOR_DIM = 32
VECTOR_WINDOW = 5
#: The side means of the vectors enter the regression multiplied by this (their entries are
#: small, about 0.1, and L1 penalises every weight alike): 4 beat 1 and 8 in CV.
VECTOR_SCALE = 4.0
#: --check: largest allowed difference of a word-table weight (stored as float32).
WORD_TOLERANCE = 1e-5
DEFAULT_OUT = ROOT / "analysis" / MODEL_RESOURCE
SEED = 20240712
N_FOLDS = 5
#: Grid searched by cross-validation on TRAIN: every window x min_count x (penalty, C).
GRID = {
    # 3 and 8 lost to 5 with every feature set of the earlier rounds (docs/target_tone_cv.md);
    # since the word vectors, only 5 is searched (each window costs about 5 minutes).
    "window": [5],
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
    "dev-rw and dev-mt were scored six times, listed in 'dev_looks'; no feature and no "
    "hyper-parameter was chosen by a dev score. After the second look the selection rule "
    "was changed because of the model's size (not its dev score); the fourth look is the "
    "retrained model after a change made for speed (features read from the mention's "
    "sentence only); the sixth the same model refitted after a sentence-splitting fix."
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
    "5. This model: the features of look 4 plus the word table (side means "
    "of word vectors learned from unlabelled news, folded into per-word weights), folds "
    "grouped by article; every variant chosen by CV on train only (docs/target_tone_cv.md), "
    "dev scored once at the end for this model and the model of look 4 "
    "(docs/target_tone_cv.md gives both): dev-rw 0.706, dev-mt 0.681.",
    "6. This model: look 5's features, grid and rule, refitted (2026-12-01) because the "
    "sentence splitter no longer opens a sentence with a closing bracket or a comma ('Sen. "
    "Jack Reed (D-R.I.), said'), which moved the mention sentences of a few train rows (823 "
    "non-zero features against 821; the same hyper-parameters chosen by CV, 0.681); to be "
    "shipped whatever its dev figures, decided before it was scored: the figures under "
    "'dev', the same as look 5's to three decimals.",
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


def article_groups(frame: pd.DataFrame) -> np.ndarray:
    """A group number per row: its article (the first three parts of NewsMTSC's ``id``,
    ``allsides_1000_401``), articles that share a sentence joined into one group."""
    parent: dict[str, str] = {}

    def root(x: str) -> str:
        while parent.setdefault(x, x) != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    articles = ["a:" + "_".join(i.split("_")[:3]) for i in frame["id"]]
    for article, sentence in zip(articles, frame["sentence"], strict=True):
        a, b = root(article), root("s:" + sentence)
        if a != b:
            parent[a] = b
    return pd.factorize(pd.Series([root(a) for a in articles]))[0]


def folds(frame: pd.DataFrame) -> list[tuple[np.ndarray, np.ndarray]]:
    """5 stratified folds of TRAIN, grouped by article (:func:`article_groups`: sentences of
    one article share names, topics and phrasing), fixed seed."""
    from sklearn.model_selection import StratifiedGroupKFold

    splitter = StratifiedGroupKFold(n_splits=N_FOLDS, shuffle=True, random_state=SEED)
    return list(splitter.split(np.zeros(len(frame)), frame["label"], article_groups(frame)))


# --- word vectors and the word table --------------------------------------------------------


def _vector_tool():
    """tools/build_stem_vectors.py as a module (its co-occurrence counts and PPMI-SVD)."""
    import importlib.util

    spec = importlib.util.spec_from_file_location(
        "build_stem_vectors", Path(__file__).resolve().parent / "build_stem_vectors.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def stem_docs(texts: Iterable[str], featurizer: TargetFeaturizer) -> list[list[str]]:
    """Each text as its sequence of stems, as the featurizer stems words (stopwords and
    numbers left out)."""
    from analysis.target_tone import ascii_text

    stop = stopwords()
    docs = []
    for text in texts:
        out = []
        for piece in ascii_text(text).lower().split():
            for token, info in zip(*featurizer._piece(piece), strict=True):
                if info[1] and token not in stop and not token.isdigit():
                    out.append(info[1])
        docs.append(out)
    return docs


def stem_vectors(corpus: Path, train_frame: pd.DataFrame,
                 featurizer: TargetFeaturizer) -> tuple[list[str], np.ndarray]:
    """``(stems, vectors)``: PPMI-SVD vectors (tools/build_stem_vectors.py's
    ``cooccurrence`` and ``ppmi_svd``) of the stems of the allsides-abp articles and of
    TRAIN's sentences (their text only; no label); deterministic."""
    tool = _vector_tool()
    texts = pd.read_json(corpus, lines=True, dtype={"text": str})["text"].tolist()
    docs = stem_docs(texts + list(dict.fromkeys(train_frame["sentence"])), featurizer)
    df: Counter[str] = Counter()
    for doc in docs:
        df.update(set(doc))
    ranked = sorted((s for s, n in df.items() if n >= VECTOR_MIN_DOCS),
                    key=lambda s: (-df[s], s))
    stems = sorted(ranked[:VECTOR_STEMS])
    counts = tool.cooccurrence(docs, {s: k for k, s in enumerate(stems)}, VECTOR_WINDOW)
    return stems, tool.ppmi_svd(counts, VECTOR_DIM).astype(np.float32).astype(float)


def with_vectors(rows: Sequence[Mapping[str, float]], stems: Sequence[str],
                 vectors: np.ndarray) -> list[dict[str, float]]:
    """The rows with each side's word shares (``wL:stem``...) replaced by the side's mean
    vector times ``VECTOR_SCALE`` (``vL:0`` ... ``vL:31``)."""
    index = {s: k for k, s in enumerate(stems)}
    out = []
    for row in rows:
        new = {}
        means = {}
        for name, value in row.items():
            if name[:1] == "w" and name[2:3] == ":":
                side = name[1]
                if side not in means:
                    means[side] = np.zeros(vectors.shape[1])
                means[side] += value * vectors[index[name[3:]]]
            else:
                new[name] = value
        for side in sorted(means):
            for j, value in enumerate((VECTOR_SCALE * means[side]).tolist()):
                if value:
                    new[f"v{side}:{j}"] = value
        out.append(new)
    return out


def fold_vectors(features: Sequence[str], coef: np.ndarray, vectors: np.ndarray,
                 ) -> tuple[list[str], np.ndarray, np.ndarray]:
    """``(features, coef, scores)``: the ``v`` features folded into per-stem weights.

    A stem's weight toward class k on a side is ``VECTOR_SCALE * coef[k, side] . vector``:
    the logit the side's mean adds is the mean of its words' weights. The softmax ignores
    what is added to every class alike, so the neutral weight is subtracted from the
    three and two numbers a side are kept: ``scores`` has one row per stem and columns
    ``L`` negative, ``L`` positive, ``R`` negative, ``R`` positive, ``C`` negative, ``C``
    positive (each minus the neutral one).
    """
    index = {f: i for i, f in enumerate(features)}
    scores = np.zeros((len(vectors), 2 * len(WORD_SIDES)))
    for s, side in enumerate(WORD_SIDES):
        weights = np.zeros((len(CLASSES), vectors.shape[1]))
        for j in range(vectors.shape[1]):
            i = index.get(f"v{side}:{j}")
            if i is not None:
                weights[:, j] = coef[:, i]
        three = VECTOR_SCALE * vectors @ weights.T
        scores[:, 2 * s] = three[:, 0] - three[:, 1]
        scores[:, 2 * s + 1] = three[:, 2] - three[:, 1]
    keep = [i for i, f in enumerate(features) if not (f[:1] == "v" and f[2:3] == ":")]
    return [features[i] for i in keep], coef[:, keep], scores


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


def model_content(features: Sequence[str], coef: np.ndarray, intercept: np.ndarray, *,
                  window: int, metadata: Mapping[str, Any], words_file: str,
                  ) -> dict[str, Any]:
    return {
        "format": "outlet-lens target-tone model 2: softmax(coef @ x + intercept), the "
                  "word-share features (wL:, wR:, wC:) weighted by the word table",
        "metadata": dict(metadata),
        "classes": list(CLASSES),
        "featurizer": {"window": window, "stemmer": STEMMER, "lists": WORD_LISTS},
        "word_scores": {"file": words_file, "sides": list(WORD_SIDES),
                        "columns": [f"{side}:{c}-neutral" for side in WORD_SIDES
                                    for c in ("negative", "positive")]},
        "intercept": [round(float(v), DECIMALS) for v in intercept],
        "features": list(features),
        "coef": [[round(float(v), DECIMALS) for v in row] for row in coef],
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


def training_rows(frame: pd.DataFrame, featurizer: TargetFeaturizer, stems: Sequence[str],
                  vectors: np.ndarray) -> list[dict[str, float]]:
    """The regression's rows: the featurizer's features, word shares turned into vectors."""
    return with_vectors(featurize(frame, featurizer), stems, vectors)


def train(data: Path, out: Path, corpus: Path) -> int:
    import sklearn

    train_frame = read_split(data, "train")
    dev = {name: read_split(data, name) for name in ("dev-rw", "dev-mt")}
    splits = folds(train_frame)
    labels = train_frame["label"].to_numpy()
    stems, vectors = stem_vectors(corpus, train_frame, TargetFeaturizer(WORD_LISTS))
    print(f"word vectors: {len(stems):,} stems x {vectors.shape[1]}", flush=True)
    results = []
    by_window = {}
    for window in GRID["window"]:
        featurizer = TargetFeaturizer(WORD_LISTS, window=window, words=stems)
        rows = training_rows(train_frame, featurizer, stems, vectors)
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
        predicted = predict(features, model,
                            training_rows(frame, featurizer, stems, vectors))
        dev_scores[name] = {"rows": len(frame), **scores(frame["label"], predicted)}
        print(f"{name}: {dev_scores[name]}")
    kept, coef, table = fold_vectors(features, model.coef_, vectors)
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
        "word_vectors": vector_record(corpus),
        "trained": dt.date.today().isoformat(),
        "trained_with": {"tool": "tools/train_target_tone.py",
                         "scikit-learn": sklearn.__version__, "numpy": np.__version__,
                         "python": sys.version.split()[0]},
        "hyper_parameters": {"window": best["window"], **fit_options(best),
                             **SOLVERS[best["penalty"]]},
        "cross_validation": {
            "folds": N_FOLDS, "split": "StratifiedGroupKFold by article, shuffled",
            "seed": SEED, "score": "macro-F1",
            "rule": f"the best mean macro-F1 among settings with at most {MAX_FEATURES:,} "
                    "non-zero features (mean over the folds)",
            "chosen": best, "best_score": top, "grid": results,
        },
        "dev": dev_scores,
        "dev_use": DEV_USE,
        "dev_looks": DEV_LOOKS,
        "n_features": len(kept),
        "n_word_stems": len(stems),
    }
    content = model_content(kept, coef, model.intercept_, window=best["window"],
                            metadata=metadata, words_file=words_path(out).name)
    write_json(content, out)
    write_words(words_path(out), stems, table)
    print(f"wrote {out} ({out.stat().st_size:,} bytes, {len(kept):,} features) and "
          f"{words_path(out)} ({words_path(out).stat().st_size:,} bytes, {len(stems):,} stems)")
    return 0


def vector_record(corpus: Path) -> dict[str, Any]:
    """How the word vectors were made, for the model file."""
    return {
        "texts": "allsides-abp articles (shared/corpora/allsides-abp/articles.jsonl.gz, "
                 "Baly et al. 2020, Apache-2.0) and NewsMTSC train's sentences (text only)",
        "corpus_sha256": sha256(corpus),
        "method": "PPMI (context counts ^0.75) and truncated SVD, "
                  "tools/build_stem_vectors.py's cooccurrence and ppmi_svd",
        "stems": VECTOR_STEMS, "min_docs": VECTOR_MIN_DOCS, "dim": VECTOR_DIM,
        "window": VECTOR_WINDOW, "scale": VECTOR_SCALE,
        "side_mean": "plain mean over the words with a vector (analysis.target_tone.side_words)",
    }


def words_path(out: Path) -> Path:
    """The word table's file, beside the model file: ``target_tone_words.npz``."""
    return out.with_name(out.stem + "_words.npz")


def write_words(path: Path, stems: Sequence[str], table: np.ndarray) -> None:
    np.savez_compressed(path, stems=np.asarray(stems), scores=table.astype(np.float32))


def check(data: Path, shipped: Path, corpus: Path) -> int:
    """Refit with the file's hyper-parameters and compare (a file without a word table,
    like the model trained before the word vectors, is refitted without them)."""
    from analysis.target_tone import load_model

    content = json.loads(shipped.read_text(encoding="utf-8"))
    params = content["metadata"]["hyper_parameters"]
    if content["featurizer"]["lists"] != WORD_LISTS \
            or content["featurizer"]["stemmer"] != STEMMER:
        print(f"FAIL: the word lists or stemmer in {shipped} differ from this script's")
        return 1
    train_frame = read_split(data, "train")
    with_table = bool(content.get("word_scores"))
    if with_table:
        if not corpus.is_file():
            print(f"FAIL: no allsides-abp articles at {corpus} (needed for the word vectors)")
            return 1
        stems, vectors = stem_vectors(corpus, train_frame, TargetFeaturizer(WORD_LISTS))
        featurizer = TargetFeaturizer(WORD_LISTS, window=params["window"], words=stems)

        def rows_of(frame: pd.DataFrame) -> list[dict[str, float]]:
            return training_rows(frame, featurizer, stems, vectors)
    else:
        featurizer = TargetFeaturizer(WORD_LISTS, window=params["window"])

        def rows_of(frame: pd.DataFrame) -> list[dict[str, float]]:
            return featurize(frame, featurizer)
    rows = rows_of(train_frame)
    features, model = fit(rows, train_frame["label"], **fit_options(params))
    kept, coef = features, model.coef_
    if with_table:
        kept, coef, table = fold_vectors(features, model.coef_, vectors)
    fresh = model_content(kept, coef, model.intercept_, window=params["window"], metadata={},
                          words_file="")
    if fresh["features"] != content["features"]:
        print("FAIL: the feature vocabulary differs from the shipped one")
        return 1
    diff = max(float(np.max(np.abs(np.asarray(fresh[key]) - np.asarray(content[key]))))
               for key in ("coef", "intercept"))
    print(f"largest coefficient difference: {diff:.2e} (tolerance {TOLERANCE:.0e})")
    ok = diff <= TOLERANCE
    shipped_model = load_model(shipped)
    if with_table:
        if list(shipped_model.word_scores) != list(stems):
            print("FAIL: the word table's stems differ from the shipped ones")
            return 1
        shipped_table = np.asarray(list(shipped_model.word_scores.values()))
        diff = float(np.max(np.abs(shipped_table - table)))
        print(f"largest word-table difference: {diff:.2e} (tolerance {WORD_TOLERANCE:.0e})")
        ok = ok and diff <= WORD_TOLERANCE
    for name, frame in [("train", train_frame)] + [
            (n, read_split(data, n)) for n in ("dev-rw", "dev-mt")]:
        mine = predict(features, model, rows if name == "train" else rows_of(frame))
        theirs = [shipped_model.predict(t, int(s), int(e)).label for t, s, e
                  in zip(frame["sentence"], frame["from"], frame["to"], strict=True)]
        same = int((mine == np.asarray(theirs)).sum())
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
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS,
                        help=f"allsides-abp articles for the word vectors (default "
                             f"{DEFAULT_CORPUS})")
    parser.add_argument("--check", action="store_true",
                        help="refit with the file's hyper-parameters and compare")
    args = parser.parse_args(argv)
    if not (args.data / "train.jsonl").is_file():
        print(f"no NewsMTSC train.jsonl in {args.data}", file=sys.stderr)
        return 2
    if args.check:
        return check(args.data, args.out, args.corpus)
    if not args.corpus.is_file():
        print(f"no allsides-abp articles at {args.corpus}", file=sys.stderr)
        return 2
    return train(args.data, args.out, args.corpus)


if __name__ == "__main__":
    raise SystemExit(main())
