"""Cue-word candidates for the attribution-verb lexicon, from PolNeAR train's cue spans.

Run from the project folder::

    .venv/bin/python tools/polnear_cue_words.py PATH [--part fit|all] [--min-count 5]
        [--min-share 0.5] [--out FILE.csv]

PATH is a PolNeAR clone or its ``data/`` folder (see bench/polnear.py). For every word
(letters, lower case) of the train articles it counts how often it occurs and how often it
stands inside an annotated cue span, and lists the words that are inside a cue at least
``--min-share`` of the time and at least ``--min-count`` times, and that the kit's
lexicon (``analysis/data/lexicons/attribution_verbs.yml``) does not know yet. By default
only the ``fit`` part of train is read (80% of its articles, by article-name hash; see
``train_part`` in bench/bench_polnear.py), so the ``check`` part stays unseen.

The list is a reading aid, not a lexicon: many candidates are adverbs inside a cue span
("repeatedly"), thought and intention ("hopes", "expected", which the lexicon keeps apart
under ``thought``), or naming ("named", "titled"). Verbs of speaking among them were added
to the lexicon by hand, and the lexicon's comments say which run they came from. Only
counts and words are written, never article text.
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))
from bench_polnear import train_part  # noqa: E402
from polnear import read_compartment  # noqa: E402

from analysis.quotes import load_verbs  # noqa: E402

WORD = re.compile(r"[A-Za-z]+")
COLUMNS = ["word", "in_cue", "total", "share"]


def cue_word_counts(articles, attributions) -> tuple[Counter[str], Counter[str]]:
    """``(in_cue, total)``: per lower-case word, its occurrences inside a cue span and
    in all, over the given articles."""
    spans: dict[str, list[tuple[int, int]]] = {}
    for row in attributions.itertuples(index=False):
        spans.setdefault(row.article_id, []).extend(row.cue_spans)
    in_cue: Counter[str] = Counter()
    total: Counter[str] = Counter()
    for row in articles.itertuples(index=False):
        covered = bytearray(len(row.text) + 1)
        for s, e in spans.get(row.article_id, []):
            covered[s:e] = b"\1" * (e - s)
        for m in WORD.finditer(row.text):
            w = m.group().lower()
            total[w] += 1
            in_cue[w] += covered[m.start()]
    return in_cue, total


def candidates(in_cue: Counter[str], total: Counter[str], known: set[str], *,
               min_count: int, min_share: float) -> list[dict]:
    rows = [{"word": w, "in_cue": n, "total": total[w], "share": round(n / total[w], 3)}
            for w, n in in_cue.items()
            if n >= min_count and n / total[w] >= min_share and w not in known]
    return sorted(rows, key=lambda r: (-r["in_cue"], r["word"]))


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("path", help="a PolNeAR clone or its data/ folder")
    p.add_argument("--part", choices=["fit", "all"], default="fit",
                   help="train's fit part (default) or all of train")
    p.add_argument("--min-count", type=int, default=5)
    p.add_argument("--min-share", type=float, default=0.5)
    p.add_argument("--out", help="write the candidates to this CSV (default: print)")
    args = p.parse_args(argv)
    articles, attributions = read_compartment(args.path, "train")
    if args.part == "fit":
        articles = articles[articles["article_id"].map(train_part) == "fit"]
    verbs = load_verbs()
    known = set(verbs.forms) | set(verbs.noun_forms) | {"according"}
    rows = candidates(*cue_word_counts(articles, attributions), known,
                      min_count=args.min_count, min_share=args.min_share)
    if args.out:
        with open(args.out, "w", newline="", encoding="utf-8") as handle:
            writer = csv.DictWriter(handle, fieldnames=COLUMNS)
            writer.writeheader()
            writer.writerows(rows)
    else:
        for r in rows:
            print(f"{r['word']:18} {r['in_cue']:5d} / {r['total']:5d}  {r['share']:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
