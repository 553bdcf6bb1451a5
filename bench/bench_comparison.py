"""How long the comparison functions take on the allsides-abp corpus (8,368 articles).

Run: ``.venv/bin/python bench/bench_comparison.py [N_EVENTS]``. Prints seconds per step;
needs ../shared/corpora/allsides-abp/ (skips with a message when it is absent).
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from analysis import load_corpus
from analysis.comparison import (
    coverage,
    distinctive_words,
    shared_passages,
)
from analysis.comparison.words import _article_terms_cached

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
CORPUS = SHARED / "corpora" / "allsides-abp" / "articles.jsonl.gz"


def timed(label: str, function, *args, **kwargs):
    start = time.perf_counter()
    result = function(*args, **kwargs)
    print(f"{time.perf_counter() - start:8.2f} s  {label}")
    return result


def main() -> int:
    if not CORPUS.exists():
        print(f"skipped: the allsides-abp corpus is not at {CORPUS}")
        return 0
    n_events = int(sys.argv[1]) if len(sys.argv) > 1 else 20
    corpus = timed("load_corpus (8,368 articles)", load_corpus, CORPUS)
    _article_terms_cached.cache_clear()
    table = timed("distinctive_words(by='leaning'), first call: tokenising and counting",
                  distinctive_words, corpus, by="leaning", stopwords="english")
    print(f"{'':11}{len(table):,} rows")
    print("           the same texts again (words cached):")
    timed("distinctive_words(by='leaning')",
          distinctive_words, corpus, by="leaning", stopwords="english")
    timed("distinctive_words(by='leaning', against='pairwise')",
          distinctive_words, corpus, by="leaning", against="pairwise", top=50)
    timed("distinctive_words(by='outlet', top=20)", distinctive_words, corpus, by="outlet",
          top=20)
    timed("distinctive_words(by='leaning', ngram=2)",
          distinctive_words, corpus, by="leaning", ngram=2, stopwords="english", top=50)

    events = corpus["event"].drop_duplicates().head(n_events)
    sample = corpus[corpus["event"].isin(events)]
    print(f"{'':11}coverage sample: {len(events)} events, {len(sample)} articles")
    cov = timed("coverage (all sample events)", coverage, sample)
    print(f"{'':11}{len(cov):,} sentences, {(cov['status'] == 'shared').mean():.0%} shared")
    timed("shared_passages (all sample events)", shared_passages, sample)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
