"""``distinctive``, ``coverage`` and ``kwic``: how outlets' words and statements differ."""

from __future__ import annotations

import argparse
import sys

from ..comparison import (
    SIMILARITY_THRESHOLD,
    align_sentences,
    coverage,
    coverage_gaps,
    coverage_matrix,
    distinctive_words,
    headlines,
    kwic,
    require_groups,
    shared_passages,
    verbatim_share,
)
from ..errors import CorpusError
from .common import (
    add_output_options,
    add_path_argument,
    add_subcommand,
    bounded,
    corpus_from_args,
    emit_table,
)

__all__ = ["register"]


def _cmd_distinctive(args: argparse.Namespace) -> int:
    corpus = corpus_from_args(args)
    try:
        table = distinctive_words(
            corpus,
            by=args.by,
            against="pairwise" if args.pairwise else "rest",
            min_count=args.min_count,
            stopwords="english" if args.stopwords else None,
            ngram=args.ngram,
            top=args.top or None,
        )
    except ValueError as err:
        raise CorpusError(str(err), file=args.path) from None
    return emit_table(table, args)


_COVERAGE_TABLES = {
    "sentences": coverage,
    "pairs": align_sentences,
    "gaps": coverage_gaps,
    "matrix": coverage_matrix,
}


def _cmd_coverage(args: argparse.Namespace) -> int:
    corpus = corpus_from_args(args)
    try:
        if args.table == "passages":
            table = shared_passages(corpus)
        elif args.table == "verbatim":
            table = verbatim_share(corpus)
        elif args.table == "headlines":
            require_groups(corpus["outlet"], "outlets")
            table = headlines(corpus)
        else:
            options = ({} if args.threshold is None
                       else {"method": "cosine", "threshold": args.threshold})
            table = _COVERAGE_TABLES[args.table](corpus, **options)
    except ValueError as err:
        raise CorpusError(str(err), file=args.path) from None
    return emit_table(table, args)


def _cmd_kwic(args: argparse.Namespace) -> int:
    corpus = corpus_from_args(args)
    try:
        table = kwic(corpus, args.term, window=args.window, by=args.by)
    except ValueError as err:
        raise CorpusError(str(err), file=args.path) from None
    searched = table.attrs.get("searched")
    if searched:
        print(f"searched for {searched}: {len(table)} place(s)", file=sys.stderr)
    return emit_table(table, args)


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add ``distinctive``, ``coverage`` and ``kwic``."""
    p = add_subcommand(
        subparsers, "distinctive",
        help="words that set each outlet (or leaning) apart: weighted log-odds with z-scores",
        examples=["data/events/my-event --stopwords",
                  "articles.jsonl.gz --by leaning --top 30"],
    )
    add_path_argument(p, clean=True)
    p.add_argument("--by", default="outlet",
                   help="column to group by: outlet (default), leaning, event...")
    p.add_argument("--pairwise", action="store_true",
                   help="compare each pair of groups instead of each group with the rest")
    p.add_argument("--min-count", type=bounded(int, 0), default=5, metavar="N",
                   help="ignore terms used fewer than N times by both sides (default 5)")
    p.add_argument("--top", type=bounded(int, 0), default=20, metavar="N",
                   help="show the N most distinctive terms per comparison (0: all; default 20)")
    p.add_argument("--ngram", type=bounded(int, 1, 10), default=1, metavar="N",
                   help="count N-word phrases instead of words")
    p.add_argument("--stopwords", action="store_true", help="leave out English stopwords")
    add_output_options(p)
    p.set_defaults(func=_cmd_distinctive)

    p = add_subcommand(
        subparsers, "coverage",
        help="what each outlet reports that the others do not (sentences aligned per event)",
        examples=["data/events/my-event --table gaps",
                  "data/events/my-event --table passages --format csv --out passages.csv"],
    )
    add_path_argument(p, clean=True)
    p.add_argument(
        "--table",
        choices=["sentences", "pairs", "gaps", "matrix", "passages", "verbatim", "headlines"],
        default="sentences",
        help="sentences: each sentence shared or unique (default); pairs: aligned sentence "
             "pairs; gaps: what one outlet has and another lacks; matrix: statements x "
             "outlets; passages: near-verbatim shared passages; verbatim: share of each "
             "article shared near-verbatim; headlines",
    )
    p.add_argument("--threshold", type=bounded(float, 0, 1), default=None,
                   help="align by the cosine rule with this least similarity "
                        f"(e.g. {SIMILARITY_THRESHOLD}) instead of the coverage match model")
    add_output_options(p)
    p.set_defaults(func=_cmd_coverage)

    p = add_subcommand(
        subparsers, "kwic", help="keyword in context: every use of a term",
        examples=["data/events/my-event missile", "data/events/my-event 'cold war' --by leaning"],
    )
    add_path_argument(p, clean=True)
    p.add_argument("term", metavar="TERM", help="a word or phrase")
    p.add_argument("--window", type=bounded(int, 0, 10_000), default=40,
                   help="characters each side (default 40)")
    p.add_argument("--by", default=None, help="another column to show, e.g. leaning")
    add_output_options(p)
    p.set_defaults(func=_cmd_kwic)
