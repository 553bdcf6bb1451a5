"""Write analysis/data/wordlists/stem_df.csv: in how many news articles each stem occurs.

Run from the project folder::

    .venv/bin/python tools/build_stem_df.py [--corpus PATH] [--out FILE] [--min-df 3]

The articles are the allsides-abp corpus (``../shared/corpora/allsides-abp/articles.jsonl.gz``),
read with ``load_corpus`` and cleaned with ``clean_corpus`` (default rules), leaving out the
events hand-labelled in ``tests/fixtures/coverage_gold*.csv`` (``coverage_gold.csv``,
``coverage_gold_fresh.csv``, ``coverage_gold_fresh2.csv``: so the held events' words do not
shape the weights). Each article's text is reduced to its
content stems (:func:`analysis.comparison.matching.content_stems`: lower-cased words
without English stopwords, hyphenated words split, Snowball stems), counted once per
article. Stems in fewer
than ``--min-df`` articles are left out (the kit treats them as the rarest). The file starts
with ``# n_documents=N`` and a note, then ``stem,df`` rows sorted by stem: deterministic.
"""

from __future__ import annotations

import argparse
import csv
import sys
from collections import Counter
from pathlib import Path

import pandas as pd

from analysis import clean_corpus, load_corpus
from analysis.comparison.matching import content_stems

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpora" / "allsides-abp" / "articles.jsonl.gz"
FIXTURES = ROOT / "tests" / "fixtures"
OUT = ROOT / "analysis" / "data" / "wordlists" / "stem_df.csv"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--min-df", type=int, default=3)
    args = parser.parse_args(argv)
    if not args.corpus.exists():
        print(f"the allsides-abp corpus is not at {args.corpus}")
        return 1
    corpus = load_corpus(args.corpus)
    labelled = {e for path in sorted(FIXTURES.glob("coverage_gold*.csv"))
                for e in pd.read_csv(path, usecols=["event"])["event"]}
    corpus = clean_corpus(corpus[~corpus["event"].isin(labelled)])
    df: Counter[str] = Counter()
    for text in corpus["text"]:
        df.update(set(content_stems(text)))
    kept = sorted((s, n) for s, n in df.items() if n >= args.min_df)
    with open(args.out, "w", encoding="utf-8", newline="") as handle:
        handle.write(f"# n_documents={len(corpus)}\n")
        handle.write(
            "# Document frequency of content stems in the allsides-abp articles (Baly et al."
            " 2020, Apache-2.0), cleaned, the hand-labelled coverage events left out; stems in"
            f" fewer than {args.min_df} articles omitted. Made by tools/build_stem_df.py.\n"
        )
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(["stem", "df"])
        writer.writerows(kept)
    print(f"{len(kept)} stems of {len(df)} ({len(corpus)} articles) -> {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
