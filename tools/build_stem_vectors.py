"""Distributional vectors of content stems from the allsides articles (an experiment).

Run from the project folder::

    .venv/bin/python tools/build_stem_vectors.py [--corpus PATH] [--out FILE]
        [--vocab 12000] [--dim 96] [--window 5] [--pairs]

Not shipped: on the 16 tune events of the coverage labels these vectors did not move the
match model (``bench/bench_coverage_vectors.py``; figures in "Round 4" of
``tests/fixtures/coverage_gold.md``). The default output is ``build/stem_vectors.npz``
(not tracked).

The articles are the allsides-abp corpus, read with ``load_corpus`` and cleaned with
``clean_corpus``, leaving out the events of ``tests/fixtures/coverage_gold*.csv`` (as
``tools/build_stem_df.py`` does: the labelled events' words do not shape the vectors).
Each article becomes its sequence of content stems
(:func:`analysis.comparison.matching.content_stems`). The ``--vocab`` stems in the most
articles (at least 5) are kept; two kept stems co-occur when they are at most ``--window``
stems apart in one article (counted once per article and pair, so one long story does not
dominate). Positive pointwise mutual information (context counts raised to 0.75, Levy,
Goldberg and Dagan 2015), then a truncated SVD (``scipy.sparse.linalg.svds``, fixed start
vector: deterministic) to ``--dim`` dimensions, ``U * sqrt(S)``, each row scaled to unit
length, stored as float16 with the stems in the same order (``stems``, ``vectors``).
No pickle: ``numpy.load(..., allow_pickle=False)`` reads it.

``--pairs``: the co-occurrence is counted across outlets instead, on weakly paired
sentences: in every corpus event with two outlets or more (and at most 1,500 sentences),
for every two articles of different outlets, the sentence pairs that are each other's best
match (idf-weighted stem cosine, :func:`analysis.comparison.matching.stem_idf`) with a
cosine of 0.35 to 0.85; each stem of one side that the other lacks is counted with each
stem of the other side that the first lacks (the words a paraphrase swaps). Same PPMI and
SVD. Takes about 6 minutes (the per-window mode about 3).
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

import numpy as np
import pandas as pd
from scipy import sparse
from scipy.sparse.linalg import svds

from analysis import clean_corpus, load_corpus
from analysis.comparison.matching import content_stems, event_marks, stem_idf
from analysis.tokens import sentence_table

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpora" / "allsides-abp" / "articles.jsonl.gz"
FIXTURES = ROOT / "tests" / "fixtures"
OUT = ROOT / "build" / "stem_vectors.npz"
SEED = 16
#: Cross-outlet pairs (``--pairs``): their cosine range, and the largest event used.
PAIR_COSINE = (0.35, 0.85)
MAX_EVENT_SENTENCES = 1500


def unlabelled_corpus(corpus_path: Path) -> pd.DataFrame:
    """The cleaned articles outside the labelled coverage events."""
    corpus = load_corpus(corpus_path)
    labelled = {e for path in sorted(FIXTURES.glob("coverage_gold*.csv"))
                for e in pd.read_csv(path, usecols=["event"])["event"]}
    return clean_corpus(corpus[~corpus["event"].isin(labelled)])


def _mutual_pairs(cosine: np.ndarray) -> list[tuple[int, int]]:
    """(row, column) pairs that are each other's best, within :data:`PAIR_COSINE`."""
    if cosine.size == 0:
        return []
    across, down = cosine.argmax(axis=1), cosine.argmax(axis=0)
    low, high = PAIR_COSINE
    return [(a, int(b)) for a, b in enumerate(across)
            if down[b] == a and low <= cosine[a, b] <= high]


def paired_stems(corpus: pd.DataFrame) -> list[tuple[list[str], list[str]]]:
    """For each cross-outlet mutual-best sentence pair: the stems each side has alone."""
    sents = sentence_table(corpus)
    sents["event"] = sents["article_id"].map(corpus.set_index("article_id")["event"])
    out = []
    for _, part in sents.groupby("event", sort=True):
        if part["outlet"].nunique() < 2 or len(part) > MAX_EVENT_SENTENCES:
            continue
        marks = event_marks(part["sentence"].tolist())
        stems = sorted({w for m in marks for w in m.stems})
        column = {w: k for k, w in enumerate(stems)}
        weight = np.zeros((len(marks), len(stems)))
        for i, m in enumerate(marks):
            weight[i, [column[w] for w in m.stems]] = 1.0
        weight *= stem_idf(stems)
        norms = np.linalg.norm(weight, axis=1)
        unit = weight / np.where(norms == 0, 1, norms)[:, None]
        members = [np.flatnonzero(part["article_id"].to_numpy() == a)
                   for a in part["article_id"].unique()]
        outlet = part["outlet"].to_numpy()
        for x, rows in enumerate(members):
            for cols in members[x + 1:]:
                if outlet[rows[0]] == outlet[cols[0]]:
                    continue
                for a, b in _mutual_pairs(unit[rows] @ unit[cols].T):
                    mi, mj = marks[rows[a]], marks[cols[b]]
                    out.append((sorted(mi.stems - mj.stems), sorted(mj.stems - mi.stems)))
    return out


def pair_cooccurrence(pairs, vocab: dict[str, int]) -> sparse.csr_matrix:
    """Symmetric counts of (one side's stem, the other side's stem) over the pairs."""
    rows, cols = [np.zeros(0, int)], [np.zeros(0, int)]
    for left, right in pairs:
        a = [vocab[s] for s in left if s in vocab]
        b = [vocab[s] for s in right if s in vocab]
        if a and b:
            grid = np.array(np.meshgrid(a, b)).reshape(2, -1)
            rows.append(grid[0])
            cols.append(grid[1])
    r, c = np.concatenate(rows), np.concatenate(cols)
    n = len(vocab)
    counts = sparse.coo_matrix((np.ones(len(r)), (r, c)), shape=(n, n)).tocsr()
    return (counts + counts.T).tocsr()


def cooccurrence(docs: list[list[str]], vocab: dict[str, int], window: int) -> sparse.csr_matrix:
    """Symmetric counts: articles in which two kept stems are within ``window`` stems."""
    rows, cols = [], []
    for doc in docs:
        ids = [vocab.get(s, -1) for s in doc]
        pairs = set()
        for a, x in enumerate(ids):
            if x < 0:
                continue
            for y in ids[a + 1: a + 1 + window]:
                if y >= 0 and y != x:
                    pairs.add((x, y) if x < y else (y, x))
        if pairs:
            p = np.array(sorted(pairs))
            rows.append(p[:, 0])
            cols.append(p[:, 1])
    r, c = np.concatenate(rows), np.concatenate(cols)
    n = len(vocab)
    upper = sparse.coo_matrix((np.ones(len(r)), (r, c)), shape=(n, n)).tocsr()
    return (upper + upper.T).tocsr()


def ppmi_svd(counts: sparse.csr_matrix, dim: int) -> np.ndarray:
    """Unit-length rows of U * sqrt(S) of the PPMI matrix (context smoothing 0.75)."""
    counts = counts.tocoo()
    total = counts.sum()
    row = np.asarray(counts.sum(axis=1)).ravel()
    ctx = row ** 0.75
    ctx_p = ctx / ctx.sum()
    pmi = np.log(counts.data * 1.0 / total) - np.log(row[counts.row] / total) - np.log(
        ctx_p[counts.col])
    keep = pmi > 0
    m = sparse.csr_matrix((pmi[keep], (counts.row[keep], counts.col[keep])),
                          shape=counts.shape)
    v0 = np.random.default_rng(SEED).standard_normal(m.shape[0])
    u, s, _ = svds(m, k=dim, v0=v0)
    order = np.argsort(-s)
    u, s = u[:, order], s[order]
    # fix each component's sign (svds may return either): largest entry positive
    u *= np.sign(u[np.abs(u).argmax(axis=0), np.arange(u.shape[1])])
    vectors = u * np.sqrt(s)
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    return vectors / np.where(norms == 0, 1, norms)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--vocab", type=int, default=12000)
    parser.add_argument("--dim", type=int, default=96)
    parser.add_argument("--window", type=int, default=5)
    parser.add_argument("--pairs", action="store_true",
                        help="count stems across weakly paired sentences of other outlets")
    args = parser.parse_args(argv)
    if not args.corpus.exists():
        print(f"the allsides-abp corpus is not at {args.corpus}")
        return 1
    corpus = unlabelled_corpus(args.corpus)
    docs = [content_stems(text) for text in corpus["text"]]
    df: Counter[str] = Counter()
    for doc in docs:
        df.update(set(doc))
    ranked = sorted((s for s, n in df.items() if n >= 5), key=lambda s: (-df[s], s))
    stems = sorted(ranked[: args.vocab])
    vocab = {s: k for k, s in enumerate(stems)}
    if args.pairs:
        pairs = paired_stems(corpus)
        counts, how = pair_cooccurrence(pairs, vocab), f"{len(pairs)} cross-outlet pairs"
    else:
        counts, how = cooccurrence(docs, vocab, args.window), f"window {args.window}"
    vectors = ppmi_svd(counts, args.dim)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(args.out, stems=np.array(stems), vectors=vectors.astype(np.float16))
    print(f"{len(stems)} stems x {args.dim} ({len(docs)} articles, {how})"
          f" -> {args.out} ({args.out.stat().st_size / 1e6:.2f} MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
