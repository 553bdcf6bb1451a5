"""Variants of the coverage match model, each measured by leave-one-event-out on the labels.

Run: ``.venv/bin/python bench/bench_coverage_variants.py [--corpus PATH]``

Reproduces the "Variants tried" tables of ``tests/fixtures/coverage_gold.md`` (all but the
rows marked *scratch*, one-off runs). The first table was made on the 12 events of
``coverage_gold.csv`` with no cosine floor; the script now runs on all 16 tune events
(``bench_coverage.tune_gold``: ``coverage_gold_fresh.csv`` too) with the shipped floor,
``MIN_COSINE`` (0.2), so its figures moved (the second table). For each tune event, the
model's candidate rows are built once by
:func:`analysis.comparison.matching.closest_candidates` with the floor off (0), and extra
pair measures are added beside the model's own. Each variant is a feature set, a cosine
floor, a probability threshold or a regularisation: in each fold a logistic
regression (scikit-learn, as ``tools/train_coverage_match.py``, but on both candidates of
each sentence and article) is fitted on the other events and the left-out event decided
as ``coverage`` does (per sentence and other article, its best candidate when it passes the
threshold; a pair makes both its sentences shared). Printed: pair and sentence accuracy
per variant. Needs scikit-learn and ../shared/corpora/allsides-abp/ (skips, saying so,
without the corpus). Figures only: no sentence is printed. Labelled sentences the current
cleaner no longer finds are left out (``bench_coverage.py`` counts them). ``event_rows``
takes ``extra=`` so that another bench can add measures (``bench_coverage_vectors.py``).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pandas as pd

from analysis import load_corpus
from analysis.comparison import matching
from analysis.comparison.alignment import sentence_pairs
from analysis.tokens import stopwords

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))
from bench_coverage import CORPUS, labelled_articles, locate, tune_gold  # noqa: E402

#: Words that mark reported speech, for the "same speaker" measures (a heuristic list).
SPEECH = frozenset({
    "said", "say", "says", "told", "tell", "stated", "according", "added", "wrote",
    "argued", "claimed", "insisted", "announced", "explained", "noted", "asked", "called",
    "declared", "warned", "tweeted",
})
#: Set by another bench to add measures: called with an event's marks and evidence, it
#: returns {name: sentence x sentence matrix}; each candidate row gets the (i, j) entry.
_LOGGED = {"shared_weight", "longest_run", "length", "other_length", "event_n", "rank",
           "rank_back"}


def _extra(marks, ev, i: int, j: int, order, back, best_cosines, position, speech) -> dict:
    """The measures tried beside the model's, for sentence i and candidate j."""
    rank = int(np.flatnonzero(order == j)[0])
    rank_back = int(np.flatnonzero(back == i)[0])
    runner_up = order[1] if rank == 0 and len(order) > 1 else order[0]
    shared = marks[i].stems & marks[j].stems
    li, lj = len(marks[i].stems), len(marks[j].stems)
    ni, nj, qi, qj = marks[i].numbers, marks[j].numbers, marks[i].quoted, marks[j].quoted
    with_numbers_i = marks[i].stems | {"#" + n for n in ni}
    with_numbers_j = marks[j].stems | {"#" + n for n in nj}
    cosine = ev.cosine[i, j]
    return {
        "rank": rank, "rank_back": rank_back, "mutual": float(rank == 0 and rank_back == 0),
        "margin": cosine - ev.cosine[i, runner_up],
        "covered_count": len(shared) / max(1, li), "covering_count": len(shared) / max(1, lj),
        "aligned": len(with_numbers_i & with_numbers_j)
        / max(1, min(len(with_numbers_i), len(with_numbers_j))),
        "maxidf": max(matching.stem_idf(sorted(shared)), default=0.0),
        "len_ratio": min(li, lj) / max(1, li, lj),
        "pos": position[i], "pos_diff": abs(position[i] - position[j]),
        "num_clash": float(bool(ni) and bool(nj) and not ni & nj),
        "quote_clash": float(bool(qi) and bool(qj) and not qi & qj),
        "speaker": float(speech[i] and speech[j] and bool(marks[i].names & marks[j].names)),
        "speech_both": float(speech[i] and speech[j]),
        "pct": np.searchsorted(best_cosines, cosine) / len(best_cosines),
        "z": (cosine - best_cosines.mean()) / (best_cosines.std() or 1.0),
        "event_n": len(marks),
        "cos_x_artcov": 0.0,  # filled by the caller, which has article_covered
        **_round3(marks, i, j),
    }


def _idf_sum(stems: set[str]) -> float:
    return float(matching.stem_idf(sorted(stems)).sum()) if stems else 0.0


def _round3(marks, i: int, j: int) -> dict:
    """The measures tried on the 16 events (names, predicate words, the sentence's lead)."""
    mi, mj = marks[i], marks[j]
    shared = mi.stems & mj.stems
    lead_i = _lead(mi)
    return {
        # stems in common that are not names: the statement, not its subject
        "content_n": len(shared - mi.names - mj.names),
        "name_share": _idf_sum(shared & mi.names) / max(1e-9, _idf_sum(shared)),
        "names_unmatched": float(bool(mj.names) and bool(mi.names - mj.names)),
        "numbers_unmatched_n": float(len(mi.numbers - mj.numbers)) if mj.numbers else 0.0,
        # the first half of i's content stems (main clause, most often) found in j
        "lead_covered": _idf_sum(lead_i & mj.stems) / max(1e-9, _idf_sum(lead_i)),
    }


def _lead(marks) -> set[str]:
    stop = stopwords()
    ordered = [matching.stem(w) for w in marks.words if w.isalpha() and w not in stop]
    return set(ordered[: (len(ordered) + 1) // 2])


def event_rows(corpus: pd.DataFrame, gold: pd.DataFrame, *,
               extra: Callable[..., dict] | None = None) -> dict[str, dict]:
    """Per event: candidate rows (measures and gold label of their sentence x article) and
    the gold rows as (sentence position, other article number, label). ``extra(marks,
    ev)``, if given, returns more measures per event (see ``_one_event``)."""
    sents = sentence_pairs(corpus, caller="variants", method="cosine")[0]
    gold = gold.assign(current=locate(gold, sents)[0])
    gold = gold[gold["current"].notna()]  # labels no longer found (bench_coverage counts them)
    original = sents.set_index(["article_id", "sentence_index"])["repeat_of"]
    floor, matching.MIN_COSINE = matching.MIN_COSINE, 0.0
    try:
        events = {}
        for event, part in sents[sents["repeat_of"].isna()].groupby("event", sort=True):
            events[event] = _one_event(part.reset_index(drop=True), gold, original, event,
                                       extra)
    finally:
        matching.MIN_COSINE = floor
    return events


def _one_event(part, gold, original, event, extra=None) -> dict:
    articles = pd.factorize(part["article_id"])[0]
    outlets = part["outlet"].to_numpy()
    marks, ev, asked, measures = matching.closest_candidates(
        part["sentence"].tolist(), outlets, articles)
    position = part.groupby("article_id")["sentence_index"].rank(pct=True).to_numpy()
    speech = [bool(set(m.words) & SPEECH) for m in marks]
    members = {k: np.flatnonzero(articles == k) for k in np.unique(articles)}
    best_cosines = np.sort([ev.cosine[i, cols].max() for i in range(len(marks))
                            for cols in members.values() if outlets[cols[0]] != outlets[i]])
    hooked = extra(marks, ev) if extra is not None else {}
    rows = []
    for (i, j), m in zip(asked, measures, strict=True):
        cols, mine = members[articles[j]], members[articles[i]]
        order = cols[np.argsort(-ev.cosine[i, cols], kind="stable")]
        back = mine[np.argsort(-ev.cosine[j, mine], kind="stable")]
        x = {**m, **_extra(marks, ev, i, j, order, back, best_cosines, position, speech)}
        x["cos_x_artcov"] = m["cosine"] * m["article_covered"]
        # the cosine of the sentences before and after i and j (same articles), the higher
        x["context"] = max((ev.cosine[i + d, j + d] for d in (-1, 1)
                            if min(i, j) + d >= 0 and max(i, j) + d < len(articles)
                            and articles[i + d] == articles[i]
                            and articles[j + d] == articles[j]), default=0.0)
        x.update({name: float(matrix[i, j]) for name, matrix in hooked.items()})
        rows.append({"i": i, "j": j, "k": int(articles[j]), **x})
    index = {key: q for q, key in enumerate(zip(part["article_id"], part["sentence_index"],
                                                strict=True))}
    number = dict(zip(part["article_id"], articles, strict=True))
    labels = []
    for r in gold[gold["event"] == event].itertuples(index=False):
        current = int(r.current)
        repeat = original.get((r.article_id, current))
        current = int(repeat) if pd.notna(repeat) else current
        labels.append((index[(r.article_id, current)], number[r.other_article_id],
                       int(r.label == "shared"), r.article_id, r.sentence_index))
    labels = pd.DataFrame(labels, columns=["i", "k", "label", "article_id", "sentence_index"])
    rows = pd.DataFrame(rows)
    wanted = dict(zip(zip(labels["i"], labels["k"], strict=True), labels["label"],
                      strict=True))
    rows["label"] = [wanted.get((a, b), -1) for a, b in zip(rows["i"], rows["k"], strict=True)]
    return {"rows": rows, "gold": labels, "articles": articles, "hooked": hooked}


def _design(frame: pd.DataFrame, features: list[str]) -> np.ndarray:
    x = frame[features].to_numpy(float).copy()
    for c, name in enumerate(features):
        if name in _LOGGED:
            x[:, c] = np.log1p(x[:, c])
    return x


def _decide(event: dict, p: np.ndarray, threshold: float) -> np.ndarray:
    """coverage's rule: each sentence's best candidate per other article, both ways."""
    chosen: dict = {}
    rows = event["rows"]
    for i, j, k, q in zip(rows["i"], rows["j"], rows["k"], p, strict=True):
        if q >= threshold and q > chosen.get((i, k), (-1.0, -1))[0]:
            chosen[(i, k)] = (q, j)
    found = set()
    for (i, k), (_, j) in chosen.items():
        found.update({(i, k), (j, int(event["articles"][i]))})
    return np.array([(i, k) in found for i, k in zip(event["gold"]["i"], event["gold"]["k"],
                                                      strict=True)])


#: The shipped model's cosine floor: every variant is measured with it (but the floor rows).
SHIPPED_FLOOR = matching.MIN_COSINE


def leave_one_event_out(events: dict, features: list[str], *, floor: float = SHIPPED_FLOOR,
                        threshold: float = 0.5, c: float = 1.0, detail: bool = False):
    """Pair and sentence accuracy of one variant, each event by a model fitted without it
    (``detail``: and the gold rows with each decision, ``found``)."""
    from sklearn.linear_model import LogisticRegression

    kept = {e: {**d, "rows": d["rows"][d["rows"]["cosine"] >= floor]} for e, d in events.items()}
    scored = []
    for event, held in kept.items():
        train = pd.concat([d["rows"] for e, d in kept.items() if e != event])
        train = train[train["label"] >= 0]
        x = _design(train, features)
        mean, scale = x.mean(axis=0), x.std(axis=0)
        scale[scale == 0] = 1.0
        model = LogisticRegression(C=c, max_iter=5000).fit((x - mean) / scale, train["label"])
        p = (model.predict_proba((_design(held["rows"], features) - mean) / scale)[:, 1]
             if len(held["rows"]) else np.array([]))
        scored.append(held["gold"].assign(found=_decide(held, p, threshold), event=event))
    rows = pd.concat(scored, ignore_index=True)
    pairs = float(((rows["label"] == 1) == rows["found"]).mean())
    sents = rows.assign(gold=rows["label"] == 1).groupby(
        ["event", "article_id", "sentence_index"]).agg(gold=("gold", "any"),
                                                       found=("found", "any"))
    if detail:
        return pairs, float((sents["gold"] == sents["found"]).mean()), rows
    return pairs, float((sents["gold"] == sents["found"]).mean())


def variants() -> list[tuple[str, list[str], dict]]:
    """(name, features, options) of every variant in coverage_gold.md's table."""
    base = list(matching.MATCH_FEATURES)
    out = [(f"the model's {len(base)} measures", base, {})]
    for extra in ("rank", "rank_back", "mutual", "margin", "covered_count", "covering_count",
                  "aligned", "maxidf", "len_ratio", "pos", "pos_diff", "num_clash",
                  "quote_clash", "speaker", "speech_both", "pct", "z", "event_n",
                  "cos_x_artcov", "content_n", "name_share", "names_unmatched",
                  "numbers_unmatched_n", "lead_covered", "context"):
        out.append((f"+ {extra}", [*base, extra], {}))
    out += [
        ("+ aligned, pct", [*base, "aligned", "pct"], {}),
        ("+ covered_count, pct", [*base, "covered_count", "pct"], {}),
    ]
    for dropped in (("numbers_unmatched",), ("quoted",), ("is_quote",), ("article_covered",),
                    ("article_covered", "article_names", "names_missing",
                     "article_similarity")):
        out.append((f"- {', '.join(dropped)}", [f for f in base if f not in dropped], {}))
    out += [(f"threshold {t}", base, {"threshold": t}) for t in (0.35, 0.4, 0.45, 0.55, 0.6)]
    out += [(f"C {c}", base, {"c": c}) for c in (0.01, 0.1, 10.0)]
    out += [(f"cosine floor {f}", base, {"floor": f}) for f in (0.0, 0.1, 0.15, 0.25, 0.3)]
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    args = parser.parse_args(argv)
    if not args.corpus.exists():
        print(f"skipped: the allsides-abp corpus is not at {args.corpus}")
        return 0
    gold = tune_gold()
    events = event_rows(labelled_articles(load_corpus(args.corpus), gold), gold)
    print(f"{len(events)} events; leave-one-event-out, pair / sentence accuracy")
    for name, features, options in variants():
        pairs, sentences = leave_one_event_out(events, features, **options)
        print(f"  {name:<40} {pairs:.3f}  {sentences:.3f}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
