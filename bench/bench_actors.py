"""Accuracy and speed of analysis.actors and analysis.quotes.

Run: ``.venv/bin/python bench/bench_actors.py [N]``

1. Precision and recall against the hand labels of the two seed articles
   (tests/fixtures/seed_mentions.csv, seed_quotes.csv): mentions, and quotes by span, kind,
   speaker (actor) and cue verb; then against the quote labels of two allsides-abp
   articles (tests/fixtures/quotes_allsides_*), if ../shared/ is there. The seed actor
   list and the rules were written while reading the seed texts, so the seed figures are
   in-sample; the Townhall allsides article was labelled before the kit saw it.
2. Speed on the first N articles (default 1000) of the allsides-abp corpus, if ../shared/ is
   there: an actor list is first proposed by discover_actors on those articles (so the
   list has hundreds of names, like a real one), then mention_table, count_actors and
   quote_table are timed. Prints articles per second and the projected time for 8,368.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

import pandas as pd

from analysis import load_corpus
from analysis.actors import (
    ActorList,
    actor_list_yaml,
    count_actors,
    discover_actors,
    load_actors,
    mention_table,
    precision_recall,
)
from analysis.quotes import quote_table

ROOT = Path(__file__).resolve().parents[1]
SEED_EVENT = ROOT / "analysis" / "data" / "events" / "2024-07-12-austin-belousov-call"
FIXTURES = ROOT / "tests" / "fixtures"
ALLSIDES = ROOT.parent / "shared" / "corpora" / "allsides-abp" / "articles.jsonl.gz"


def show(label: str, score: dict) -> None:
    print(f"  {label:<28} P={score['precision']:.3f}  R={score['recall']:.3f}  "
          f"F1={score['f1']:.3f}  ({score['true_positives']} of {score['found']} found, "
          f"{score['gold']} labelled)")


def accuracy() -> None:
    seed = load_corpus(SEED_EVENT)
    print("Seed articles against the hand labels")
    gold_m = pd.read_csv(FIXTURES / "seed_mentions.csv")
    show("mentions (actor + span)", precision_recall(mention_table(seed), gold_m))
    gold_q = pd.read_csv(FIXTURES / "seed_quotes.csv", keep_default_na=False)
    found = quote_table(seed)
    for label, match in [("quotes (span)", ()), ("quotes + kind", ("kind",)),
                         ("quotes + speaker (actor)", ("actor",)), ("quotes + verb", ("verb",)),
                         ("quotes + kind/actor/verb", ("kind", "actor", "verb"))]:
        show(label, precision_recall(found, gold_q, match=match))
    for kind in ("direct", "reported"):
        show(f"  {kind} only (+actor, verb)", precision_recall(
            found[found["kind"] == kind], gold_q[gold_q["kind"] == kind],
            match=("actor", "verb")))


def allsides_accuracy() -> None:
    """Quotes of two hand-labelled allsides-abp articles (labels only; texts in ../shared/)."""
    if not ALLSIDES.exists():
        print(f"\nallsides-abp labels: skipped, {ALLSIDES} is absent")
        return
    gold = pd.read_csv(FIXTURES / "quotes_allsides_labels.csv", keep_default_na=False)
    corpus = load_corpus(ALLSIDES)
    corpus = corpus[corpus["article_id"].isin(set(gold["article_id"]))]
    found = quote_table(corpus, actors=load_actors(FIXTURES / "quotes_allsides_actors.yml"))
    print("\nallsides-abp articles against the hand labels (quotes + kind/actor/verb)")
    for article_id, outlet in zip(corpus["article_id"], corpus["outlet"], strict=True):
        show(f"{outlet} {article_id[:6]}", precision_recall(
            found[found["article_id"] == article_id], gold[gold["article_id"] == article_id],
            match=("kind", "actor", "verb")))
    show("both (span only)", precision_recall(found, gold, match=()))
    gold_m = pd.read_csv(FIXTURES / "actors_allsides_mentions.csv")
    one = corpus[corpus["article_id"].isin(set(gold_m["article_id"]))]
    listed = load_actors([FIXTURES / "quotes_allsides_actors.yml",
                          ROOT / "analysis" / "data" / "actors" / "world.yml"])
    show("mentions, Townhall article", precision_recall(mention_table(one, actors=listed), gold_m))


def speed(n: int) -> None:
    if not ALLSIDES.exists():
        print(f"\nSpeed: skipped, {ALLSIDES} is absent")
        return
    corpus = load_corpus(ALLSIDES).head(n)
    t = time.perf_counter()
    proposed = discover_actors(corpus, min_mentions=2)
    t_discover = time.perf_counter() - t
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "proposed.yml"
        path.write_text(actor_list_yaml(proposed), encoding="utf-8")
        actors = load_actors(path)
    print(f"\nSpeed on {len(corpus)} allsides-abp articles, "
          f"{int(corpus['text'].str.len().sum()):,} characters; actor list proposed by "
          f"discover_actors: {len(actors)} actors")
    print(f"  discover_actors       {t_discover:7.2f} s")
    for name, fn in [("mention_table", mention_table), ("count_actors", count_actors),
                     ("quote_table", quote_table)]:
        t = time.perf_counter()
        table = fn(corpus, actors=actors)
        dt = time.perf_counter() - t
        print(f"  {name:<20} {dt:7.2f} s  {len(corpus) / dt:7.1f} articles/s  "
              f"{len(table):7,} rows  (8,368 articles: ~{dt * 8368 / len(corpus):.0f} s)")
    fresh = ActorList(list(actors))
    t = time.perf_counter()
    compiled = fresh._matcher  # timing the one-off compile of a new list
    print(f"  (one-off regex compile for {len(actors)} actors: "
          f"{time.perf_counter() - t:.3f} s, name pattern {len(compiled.name_re.pattern):,} "
          "characters)")


if __name__ == "__main__":
    accuracy()
    allsides_accuracy()
    speed(int(sys.argv[1]) if len(sys.argv) > 1 else 1000)
