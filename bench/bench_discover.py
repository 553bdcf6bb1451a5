"""Hand-labelled actors of 10 allsides-abp events, for ``discover_actors`` (issue 14).

Run: ``.venv/bin/python bench/bench_discover.py [--corpus PATH]``

For now this holds only the draw of the events and a loader of the labels
(``tests/fixtures/discover_gold.csv``; see ``discover_gold.md``); the bench itself is to
come. Running it prints the drawn events and their articles. Needs
../shared/corpora/allsides-abp/ (or ``--corpus``); exits with a message naming the path
when it is absent.

The draw:

1. ``load_corpus`` the corpus, ``clean_corpus`` it (default rules);
2. keep the articles of 250-1,200 words (``count_words`` of the cleaned text);
3. keep the events (``event``, the allsides group) with at least one left, one center and
   one right such article, less those labelled for coverage (``coverage_gold.csv``,
   ``coverage_gold_fresh.csv``) and ``2013-06-07_economy_and_jobs``;
4. sort the event names, shuffle them with ``random.Random(1414)``, take the first 10;
5. in each, the first left, center and right article by ``article_id``.

The first 5 events drawn are the ``tune`` split, the last 5 ``held``.
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

import pandas as pd

from analysis import clean_corpus, load_corpus
from analysis.tokens import count_words

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "tests" / "fixtures" / "discover_gold.csv"
CORPUS = ROOT.parent / "shared" / "corpora" / "allsides-abp" / "articles.jsonl.gz"
EXCLUDED_LABELS = (
    ROOT / "tests" / "fixtures" / "coverage_gold.csv",
    ROOT / "tests" / "fixtures" / "coverage_gold_fresh.csv",
)
EXCLUDED_EVENTS = ("2013-06-07_economy_and_jobs",)
LEANINGS = ("left", "center", "right")
SEED = 1414
N_EVENTS = 10
N_TUNE = 5
MIN_WORDS, MAX_WORDS = 250, 1200


def excluded_events() -> set[str]:
    """The events left out of the draw: those of the coverage labels, and the fixed ones."""
    events = set(EXCLUDED_EVENTS)
    for path in EXCLUDED_LABELS:
        events |= set(pd.read_csv(path, usecols=["event"])["event"])
    return events


def draw_events(corpus: pd.DataFrame, *, n_events: int = N_EVENTS, seed: int = SEED,
                n_tune: int = N_TUNE) -> pd.DataFrame:
    """The drawn articles: one left, one center and one right article per drawn event.

    ``corpus`` is the cleaned corpus (``clean_corpus``). Returns one row per article with
    ``split, draw_index, event, leaning, article_id, outlet, n_words``, in draw order.
    """
    n_words = corpus["text"].map(count_words)
    fits = corpus.assign(n_words=n_words)
    fits = fits[fits["n_words"].between(MIN_WORDS, MAX_WORDS) & fits["leaning"].isin(LEANINGS)]
    has = fits.groupby("event")["leaning"].agg(set)
    eligible = sorted(e for e, found in has.items()
                      if set(LEANINGS) <= found and e not in excluded_events())
    random.Random(seed).shuffle(eligible)
    rows = []
    for index, event in enumerate(eligible[:n_events]):
        mine = fits[fits["event"] == event].sort_values("article_id")
        for leaning in LEANINGS:
            first = mine[mine["leaning"] == leaning].iloc[0]
            rows.append({
                "split": "tune" if index < n_tune else "held", "draw_index": index,
                "event": event, "leaning": leaning, "article_id": first["article_id"],
                "outlet": first["outlet"], "n_words": int(first["n_words"]),
            })
    return pd.DataFrame(rows)


def load_gold(path: Path = GOLD) -> pd.DataFrame:
    """The hand labels, with ``forms`` and ``article_ids`` as lists and ``quoted`` as bool."""
    gold = pd.read_csv(path, dtype={"quoted": str}, keep_default_na=False)
    return gold.assign(
        forms=gold["forms"].str.split(" | ", regex=False),
        article_ids=gold["article_ids"].str.split(" | ", regex=False),
        quoted=gold["quoted"].map({"True": True, "False": False}),
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    args = parser.parse_args(argv)
    if not args.corpus.exists():
        print(f"skipped: corpus not found at {args.corpus}")
        return 0
    drawn = draw_events(clean_corpus(load_corpus(args.corpus)))
    with pd.option_context("display.width", 160, "display.max_rows", 100):
        print(drawn.to_string(index=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
