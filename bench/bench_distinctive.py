"""Distinctive words by leaning on the allsides-abp corpus: the top 20 per leaning and how
many terms beat the permutation null (whole outlets shuffled between leanings, FDR 0.05).

    .venv/bin/python bench/bench_distinctive.py [--corpus PATH] [--permutations 200]

Also runs the same with the leanings of whole outlets shuffled once (a corpus in which
leaning means nothing): about none of its terms should beat the null. Texts are cleaned
first (page furniture removed), English stopwords left out.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
DEFAULT = ROOT.parent / "shared" / "corpora" / "allsides-abp" / "articles.jsonl.gz"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", default=str(DEFAULT))
    parser.add_argument("--permutations", type=int, default=200)
    parser.add_argument("--top", type=int, default=20)
    args = parser.parse_args()
    if not Path(args.corpus).is_file():
        print(f"skipped: no allsides-abp corpus at {args.corpus}")
        return 0
    sys.path.insert(0, str(ROOT))
    import analysis
    from analysis.comparison import distinctive_words

    corpus = analysis.clean_corpus(analysis.load_corpus(args.corpus))
    print(f"{len(corpus):,} articles, {corpus['outlet'].nunique()} outlets")
    runs = [("real leanings", corpus)]
    rng = np.random.default_rng(0)
    outlets = corpus.groupby("outlet")["leaning"].first()
    shuffled = dict(zip(outlets.index, rng.permutation(outlets.to_numpy()), strict=True))
    runs.append(("leanings shuffled by outlet", corpus.assign(
        leaning=corpus["outlet"].map(shuffled))))
    for name, data in runs:
        start = time.perf_counter()
        table = distinctive_words(data, by="leaning", stopwords="english",
                                  permutations=args.permutations)
        seconds = time.perf_counter() - start
        null = table.attrs["null"]
        print(f"\n== {name}: {seconds:.1f} s; null: {null['permutations']} shuffles of "
              f"{null['units']} {null['unit']}s; {null['beats_null']} terms beat it "
              f"(q <= {null['fdr']})")
        for group, part in table.groupby("group", sort=True):
            head = part.head(args.top)
            beats = int(part["beats_null"].sum())
            print(f"{group}: {beats} of {len(part):,} terms beat the null; top {args.top}, "
                  f"* = beats the null, h = house style (one outlet >= 80%):")
            print("  " + ", ".join(
                f"{t}{'*' if b else ''}{'h' if h else ''} ({z:.1f})" for t, b, h, z in
                zip(head["term"], head["beats_null"], head["house_style"], head["z"],
                    strict=True)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
