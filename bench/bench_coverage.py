"""Accuracy of analysis.coverage (shared / unique sentences) against hand labels.

Run: ``.venv/bin/python bench/bench_coverage.py [--corpus PATH] [--split tune|held]
[--show-errors] [--no-cv]``

The labels: ``tests/fixtures/coverage_gold.csv`` (12 allsides-abp events, three articles
each, labelled by reading before the kit was run on them; see ``coverage_gold.md``) and
``tests/fixtures/coverage_gold_fresh.csv`` (4 more events, labelled the same way; see
``coverage_gold_fresh.md``). Each labelled sentence has one row per other outlet of its
event: does that outlet report it too? All 16 events are ``tune`` (they may be looked at to
choose a method or its parameters; the ``round`` column says which labelling round each came
from: ``1``, ``2``, and ``fresh`` for the 4 of the fresh file, which has no such column;
rounds 2 and fresh were each the held set once, measured once, and are tuning data since).
``--split held`` reads ``tests/fixtures/coverage_gold_fresh3.csv`` (events labelled after
this tuning, same columns; every row counts as held) and skips, saying so, while that file
does not exist; its errors are never printed (``--show-errors`` is refused for it).
``coverage_gold_fresh2.csv`` and ``coverage_gold_fresh3.csv`` were each measured once as
the held set (2026-11-30; figures in their ``.md``) and are spent: the next held figure
needs newly labelled events.

For each split, the articles are loaded with ``load_corpus``, cleaned with ``clean_corpus``
and passed to ``coverage`` with each ``method`` (``"cosine"``, the rule, nothing fitted;
``"model"``, the match model with its shipped weights; the default is marked). Printed:

* per pair (sentence x other outlet): predicted shared when the other outlet is in the
  sentence's ``shared_with``; accuracy, and precision / recall / F1 of "shared";
* per sentence: ``status`` (shared with any other outlet) against "shared with at least one
  other outlet" in the labels;
* on ``tune``, for the fitted method (``method="model"``, whose shipped weights were fitted
  on these very events, so its own figure there is in-sample), leave-one-event-out
  cross-validation: for each of the 16 events, the model is refitted on the other 15 by
  ``tools/train_coverage_match.py`` and ``coverage`` run on the left-out event with it
  (needs scikit-learn; ``--no-cv`` skips it). This is the figure to compare methods on;
* per event and per labelling round: rows and the accuracy of each method;
* each method against the rule: the rows it gets right where the rule is wrong and the
  reverse, with an exact sign test (rows of one sentence or event are not independent:
  read it as a rough guide), and the events where it is better / worse;
* a plain baseline: every sentence marked unique.

``--show-errors`` lists the default method's wrong rows (tune only). Every variant of the
model tried, with its leave-one-event-out figure, is in ``coverage_gold.md`` (made by
``bench/bench_coverage_variants.py``).

Labelled sentences are found in the current text by a hash of their normalised text (then
by their prefix), not by offsets, so a cleaner that removes more furniture does not lose
labels; the bench prints how many were found each way, and leaves out (counting them)
those no longer found. Needs ../shared/corpora/allsides-abp/ (or ``--corpus``);
skips with a message naming the path when it is absent.
"""

from __future__ import annotations

import argparse
import hashlib
import inspect
import math
import re
import sys
import unicodedata
from pathlib import Path

import pandas as pd

from analysis import clean_corpus, load_corpus
from analysis.comparison import coverage

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "tests" / "fixtures" / "coverage_gold.csv"
CORPUS = ROOT.parent / "shared" / "corpora" / "allsides-abp" / "articles.jsonl.gz"
FRESH = ROOT / "tests" / "fixtures" / "coverage_gold_fresh.csv"
#: The tune labels: each file with the ``round`` given to its rows when it has no such column.
TUNE_FILES = ((GOLD, ""), (FRESH, "fresh"))
#: The held labels (events labelled after the tuning; read once, for the figure).
HELD = ROOT / "tests" / "fixtures" / "coverage_gold_fresh3.csv"
SPLITS = ("tune", "held")
#: coverage's own default method (the figures printed first).
DEFAULT_METHOD = inspect.signature(coverage).parameters["method"].default
_NON_WORD = re.compile(r"[\W_]+")


def scores(gold: pd.Series, found: pd.Series) -> dict[str, float | int]:
    """Accuracy and precision / recall / F1 of ``True`` (shared), with the counts."""
    gold, found = gold.astype(bool), found.astype(bool)
    tp = int((gold & found).sum())
    fp = int((~gold & found).sum())
    fn = int((gold & ~found).sum())
    n = len(gold)
    precision = tp / (tp + fp) if tp + fp else float("nan")
    recall = tp / (tp + fn) if tp + fn else float("nan")
    f1 = 2 * precision * recall / (precision + recall) if tp else 0.0
    return {
        "n": n, "gold_shared": int(gold.sum()), "found_shared": int(found.sum()), "tp": tp,
        "fp": fp, "fn": fn, "accuracy": (n - fp - fn) / n if n else float("nan"),
        "precision": precision, "recall": recall, "f1": f1,
    }


def line(label: str, s: dict) -> str:
    return (f"  {label:<34} acc={s['accuracy']:.3f}  shared P={s['precision']:.3f} "
            f"R={s['recall']:.3f} F1={s['f1']:.3f}  (n={s['n']}, shared: {s['gold_shared']} "
            f"labelled, {s['found_shared']} found, {s['tp']} right)")


def sentence_key(sentence: str) -> str:
    """The text key of a sentence: SHA-1 (first 16 hex digits) of its normalised text.

    Normalised: Unicode NFKC, lower-cased, every run of characters that are not letters or
    digits made one space, stripped. Offsets move when the cleaner removes more furniture
    earlier in an article; the key does not, so labels follow their sentence.

    >>> sentence_key("It’s  HERE.") == sentence_key("it's here")
    True
    """
    text = _NON_WORD.sub(" ", unicodedata.normalize("NFKC", sentence).lower()).strip()
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:16]


def _prefix_form(text: str) -> str:
    return _NON_WORD.sub(" ", unicodedata.normalize("NFKC", text).lower()).strip()


def locate(gold: pd.DataFrame, sents: pd.DataFrame) -> tuple[pd.Series, dict[str, int]]:
    """Each labelled sentence's current ``sentence_index``, found by its text.

    First by ``sentence_sha1`` (the whole normalised sentence, in article order when a
    sentence occurs twice), then, for sentences whose text changed (furniture cut out of
    them), by ``sentence_prefix`` when exactly one unclaimed sentence of the article starts
    with it. Returns the index per labelled ``(article_id, sentence_index)`` (missing: not
    found) and the counts of each way of matching.
    """
    labelled = gold.drop_duplicates(["article_id", "sentence_index"])
    found: dict[tuple[str, int], int] = {}
    counts = {"by_text": 0, "by_prefix": 0, "not_found": 0}
    for article_id, mine in labelled.groupby("article_id", sort=False):
        current = sents[sents["article_id"] == article_id]
        index = current["sentence_index"].tolist()
        keys = [sentence_key(s) for s in current["sentence"]]
        forms = [_prefix_form(s) for s in current["sentence"]]
        free = set(range(len(index)))
        later = []
        for row in mine.itertuples(index=False):
            hit = next((k for k in range(len(keys))
                        if k in free and keys[k] == row.sentence_sha1), None)
            if hit is None:
                later.append(row)
                continue
            free.discard(hit)
            found[(article_id, row.sentence_index)] = index[hit]
            counts["by_text"] += 1
        for row in later:
            prefix = _prefix_form(row.sentence_prefix)
            hits = [k for k in sorted(free) if prefix and forms[k].startswith(prefix)]
            if len(hits) == 1:
                free.discard(hits[0])
                found[(article_id, row.sentence_index)] = index[hits[0]]
                counts["by_prefix"] += 1
            else:
                counts["not_found"] += 1
    key = pd.MultiIndex.from_frame(gold[["article_id", "sentence_index"]])
    return pd.Series([found.get(k) for k in key], index=gold.index, dtype="Int64"), counts


def predictions(
    corpus: pd.DataFrame, gold: pd.DataFrame, method: str = "cosine"
) -> tuple[pd.DataFrame, dict]:
    """The gold rows found in the current text, with ``found`` and ``status``.

    ``found``: the kit says the sentence is shared with that row's other outlet;
    ``status``: the kit's sentence-level status. Labelled sentences are matched to the
    current cleaned, split text by :func:`locate`; rows not found are left out and counted.
    """
    articles = corpus[corpus["article_id"].isin(set(gold["article_id"]))]
    cov = coverage(clean_corpus(articles), method=method)
    now, counts = locate(gold, cov)
    gold = gold.assign(current_index=now)[now.notna()]
    got = cov.set_index(["article_id", "sentence_index"]).reindex(
        pd.MultiIndex.from_arrays([gold["article_id"], gold["current_index"].astype(int)])
    )
    shared_with = got["shared_with"].fillna("").str.split("; ").to_numpy()
    out = gold.assign(
        found=[o in w for o, w in zip(gold["other_outlet"], shared_with, strict=True)],
        status=got["status"].to_numpy(),
    )
    return out, counts


def by_sentence(frame: pd.DataFrame, column: str = "found") -> pd.DataFrame:
    """Sentence level: labelled shared with any other outlet, found shared with any."""
    return frame.assign(gold=frame["label"] == "shared").groupby(
        ["event", "article_id", "sentence_index"], sort=False
    ).agg(gold=("gold", "any"), found=(column, "any"))


def sign_test(wins: int, losses: int) -> float:
    """Two-sided exact sign test: P(a split at least this uneven | wins and losses equally likely).

    >>> round(sign_test(9, 1), 4)  # 2 * (C(10, 0) + C(10, 1)) / 2**10 = 22 / 1024
    0.0215
    """
    n, k = wins + losses, min(wins, losses)
    if n == 0:
        return 1.0
    return min(1.0, 2 * sum(math.comb(n, i) for i in range(k + 1)) / 2**n)


def report(split: str, methods: dict[str, pd.DataFrame], errors_of: str | None) -> None:
    """Print the figures of each method's rows against the first's, and a baseline.

    ``errors_of``: the method whose wrong rows are listed (``None``: none are).
    """
    rows = next(iter(methods.values()))
    pairs_gold = rows["label"] == "shared"
    print(f"\n== {split}: {rows['event'].nunique()} events, "
          f"{rows[['article_id', 'sentence_index']].drop_duplicates().shape[0]} sentences, "
          f"{len(rows)} sentence x other-outlet pairs")
    for name, got in methods.items():
        print(line(f"pairs: {name}", scores(got["label"] == "shared", got["found"])))
    print(line("pairs: baseline, all unique", scores(pairs_gold, pairs_gold & False)))
    for name, got in methods.items():
        sents = by_sentence(got)
        print(line(f"sentences: {name}", scores(sents["gold"], sents["found"])))
    sents = by_sentence(rows)
    print(line("sentences: baseline, all unique", scores(sents["gold"], sents["gold"] & False)))
    names = list(methods)
    print("  per event, pair accuracy (rows):")
    print(f"    {'event':<30} {'round':>5} {'rows':>5}  " + "  ".join(f"[{k}]" for k in
                                                                 range(len(names))))
    for (event, rnd), part in rows.groupby(["event", "round"], sort=True):
        figures = []
        for got in methods.values():
            mine = got[got["event"] == event]
            figures.append(f"{((mine['label'] == 'shared') == mine['found']).mean():.3f}")
        print(f"    {event:<30} {rnd:>5} {len(part):>5}  " + "  ".join(figures))
    for rnd, part in rows.groupby("round", sort=True):
        figures = []
        for got in methods.values():
            mine = got[got["round"] == rnd]
            figures.append(f"{((mine['label'] == 'shared') == mine['found']).mean():.3f}")
        print(f"    {'all events of round':<30} {rnd:>5} {len(part):>5}  " + "  ".join(figures))
    for k, name in enumerate(names):
        print(f"    [{k}] {name}")
    base_right = (rows["label"] == "shared") == rows["found"]
    for k, got in enumerate(methods.values()):
        if k == 0:
            continue
        mine = got.set_index(["article_id", "sentence_index", "other_outlet"]).reindex(
            pd.MultiIndex.from_frame(rows[["article_id", "sentence_index", "other_outlet"]]))
        right = ((mine["label"] == "shared") == mine["found"]).to_numpy()
        wins, losses = int((right & ~base_right).sum()), int((~right & base_right).sum())
        per_event = pd.DataFrame({"event": rows["event"], "d": right.astype(int)
                                  - base_right.astype(int)}).groupby("event")["d"].sum()
        print(f"  [{k}] against [0]: right where [0] is wrong {wins} rows, wrong where [0] "
              f"is right {losses} (sign test p={sign_test(wins, losses):.3f}); better in "
              f"{(per_event > 0).sum()} events, worse in {(per_event < 0).sum()}, "
              f"equal in {(per_event == 0).sum()}")
    if errors_of is not None:
        mine = methods[errors_of]
        wrong = mine[(mine["label"] == "shared") != mine["found"]]
        print(f"  {len(wrong)} wrong pairs of {errors_of} (gold label, then the sentence and "
              "the other outlet):")
        for r in wrong.itertuples(index=False):
            print(f"    {r.label:<6} {r.event} {r.outlet} {r.sentence_index} -> "
                  f"{r.other_outlet}: {r.sentence_prefix}")


def load_gold(path: Path, *, split: str, round_name: str = "") -> pd.DataFrame:
    """The labels of ``path``, every row given ``split`` (and ``round_name`` as its
    ``round`` if the file has no such column)."""
    gold = pd.read_csv(path, dtype={"match_index": "Int64", "round": str},
                       keep_default_na=False, na_values={"match_index": [""]})
    if "round" not in gold.columns:
        gold.insert(1, "round", round_name)
    return gold.assign(split=split)


def tune_gold() -> pd.DataFrame:
    """The labels of all :data:`TUNE_FILES` (16 events), every row ``tune``."""
    parts = [load_gold(path, split="tune", round_name=name) for path, name in TUNE_FILES]
    columns = list(parts[0].columns)
    return pd.concat([part[columns] for part in parts], ignore_index=True)


def labelled_articles(corpus: pd.DataFrame, gold: pd.DataFrame) -> pd.DataFrame:
    """The articles of ``corpus`` that ``gold`` labels, cleaned (what coverage is run on)."""
    return clean_corpus(corpus[corpus["article_id"].isin(set(gold["article_id"]))])


def cross_validated(corpus: pd.DataFrame, gold: pd.DataFrame) -> pd.DataFrame | None:
    """The gold rows with ``found`` by ``method="model"`` refitted without each event.

    ``None`` (the caller says why) when scikit-learn is not installed.
    """
    try:
        sys.path.insert(0, str(ROOT / "tools"))
        import train_coverage_match as train
    except ImportError:
        return None
    finally:
        sys.path.remove(str(ROOT / "tools"))
    return train.leave_one_event_out(labelled_articles(corpus, gold), gold)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS,
                        help="the allsides-abp articles.jsonl.gz")
    parser.add_argument("--split", choices=SPLITS, default="tune",
                        help="tune (the 16 labelled events, default) or held (the fresh3 file)")
    parser.add_argument("--show-errors", action="store_true",
                        help="list every wrong pair (tune only: refused for held)")
    parser.add_argument("--no-cv", action="store_true",
                        help="skip the leave-one-event-out cross-validation of the model")
    args = parser.parse_args(argv)
    if args.show_errors and args.split != "tune":
        parser.error("--show-errors needs --split tune: the held events' errors are not read")
    if args.split == "held" and not HELD.exists():
        print(f"skipped: no held events yet ({HELD} does not exist); "
              "the 16 events of coverage_gold.csv and coverage_gold_fresh.csv are all tune "
              "(--split tune)")
        return 0
    if not args.corpus.exists():
        print(f"skipped: the allsides-abp corpus is not at {args.corpus}")
        return 0
    gold = tune_gold() if args.split == "tune" else load_gold(HELD, split="held")
    corpus = load_corpus(args.corpus)
    methods, shown = {}, ""
    for method in ("cosine", "model"):
        rows, counts = predictions(corpus, gold, method=method)
        label = ("method='cosine' (the rule, nothing fitted)" if method == "cosine" else
                 "method='model', shipped weights" + (" (fitted on these events)"
                                                      if args.split == "tune" else ""))
        if method == DEFAULT_METHOD:
            label, shown = label + " [default]", label + " [default]"
        methods[label] = rows
    print(f"\n{args.split}: labelled sentences found in the cleaned, split text by their "
          f"text {counts['by_text']}, by their prefix {counts['by_prefix']}, not found "
          f"{counts['not_found']} (left out)")
    if args.split == "tune" and not args.no_cv:
        cv = cross_validated(corpus, gold)
        if cv is None:
            print("leave-one-event-out skipped: it refits the model with scikit-learn, "
                  "which is not installed (the dev extra)")
        else:
            methods["method='model', leave-one-event-out"] = rows.drop(columns="found").merge(
                cv[["article_id", "sentence_index", "other_outlet", "found"]],
                on=["article_id", "sentence_index", "other_outlet"], how="left",
                validate="one_to_one").fillna({"found": False})
    report(args.split, methods, shown if args.show_errors else None)
    return 0


if __name__ == "__main__":
    sys.exit(main())
