"""``sentiment``, ``frames`` and ``markers``: lexicon tone and framing heuristics."""

from __future__ import annotations

import argparse
from collections.abc import Callable

from .. import framing
from ..sentiment import (
    article_sentiment,
    make_analyzer,
    outlet_sentiment,
    sentence_sentiment,
    sentiment_arc,
    sentiment_evidence,
)
from .common import (
    add_output_options,
    add_path_argument,
    add_subcommand,
    bounded,
    corpus_from_args,
    emit_table,
)

__all__ = ["register"]


def _cmd_sentiment(args: argparse.Namespace) -> int:
    corpus = corpus_from_args(args)
    analyzer = make_analyzer(args.adjust or None)
    if args.by == "word":
        return emit_table(sentiment_evidence(corpus, analyzer=analyzer), args)
    table = sentence_sentiment(corpus, analyzer=analyzer)
    if args.by == "article":
        table = article_sentiment(table)
    elif args.by == "outlet":
        table = outlet_sentiment(table)
    elif args.by == "arc":
        table = sentiment_arc(table, bins=args.bins)
    else:
        table = table[["article_id", "outlet", "sentence_index", "sentence",
                       "compound", "neg", "neu", "pos", "label"]]
    return emit_table(table, args)


#: For frames and markers: (load, add, scores, evidence, per-outlet) functions.
_LEXICON_FUNCTIONS = {
    "frame": (framing.load_frames, framing.add_frame, framing.frame_scores,
              framing.frame_evidence, framing.outlet_frame_scores),
    "marker": (framing.load_markers, framing.add_marker, framing.marker_scores,
               framing.marker_evidence, framing.outlet_marker_scores),
}


def _lexicon_command(kind: str) -> Callable[[argparse.Namespace], int]:
    load, add, scores, evidence, by_outlet = _LEXICON_FUNCTIONS[kind]

    def handler(args: argparse.Namespace) -> int:
        lexicon = load(args.lexicon or None)
        for extra in args.add or []:
            lexicon = add(lexicon, extra)
        corpus = corpus_from_args(args)
        option = {f"{kind}s": lexicon}  # frames= or markers=
        if args.by == "evidence":
            table = evidence(corpus, **option)
        else:
            table = scores(corpus, **option)
            if args.by == "outlet":
                table = by_outlet(table)
        return emit_table(table, args)

    return handler


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add ``sentiment``, ``frames`` and ``markers``."""
    p = add_subcommand(
        subparsers, "sentiment",
        help="VADER tone per sentence (or --by article/outlet/arc/word), NLTK's scores",
        description="One row per sentence: article_id, outlet, sentence_index, sentence, "
        "compound, neg, neu, pos, label. VADER is a lexicon heuristic; --by word lists the "
        "lexicon words behind each score.",
        examples=["data/events/my-event --by outlet", "data/events/my-event --by word"],
    )
    add_path_argument(p, clean=True)
    p.add_argument("--by", choices=["sentence", "article", "outlet", "arc", "word"],
                   default="sentence", help="one row per sentence (default), article, "
                   "outlet, slice of article (the arc, see --bins), or lexicon word (the "
                   "evidence)")
    p.add_argument("--bins", type=bounded(int, 1), default=5, metavar="N",
                   help="with --by arc: slices per article (default 5)")
    p.add_argument("--adjust", action="append", metavar="SET_OR_FILE",
                   help="apply news adjustments to VADER's lexicon: a set in "
                   "lexicons/vader_news.yml (names, security-topic) or a YAML file in "
                   "that format; repeatable. Off unless given.")
    add_output_options(p)
    p.set_defaults(func=_cmd_sentiment)

    for kind, what in (("frame", "news frames (generic and security)"),
                       ("marker", "language markers (hedges, intensifiers, loaded, certainty)")):
        p = add_subcommand(
            subparsers, f"{kind}s",
            help=f"{what}: matches per 1,000 words and share of sentences, per article",
            description=f"Count the terms of the {kind} lexicons (lexicons/ in the kit's "
            "data) in each article. A heuristic: --by evidence lists every match with its "
            "sentence.",
            examples=["data/events/my-event --by outlet",
                      f"data/events/my-event --by evidence --add my-{kind}s.yml"],
        )
        add_path_argument(p, clean=True)
        p.add_argument("--by", choices=["article", "outlet", "evidence"], default="article",
                       help="one row per article and " + kind + " (default), per outlet and "
                       + kind + ", or per match (the evidence)")
        p.add_argument("--lexicon", action="append", metavar="FILE",
                       help=f"use this {kind} YAML file, or a built-in set by name "
                       "(policy), instead of the kit's (repeatable)")
        p.add_argument("--add", action="append", metavar="FILE",
                       help=f"add the {kind}s of this YAML file to the lexicon (repeatable)")
        add_output_options(p)
        p.set_defaults(func=_lexicon_command(kind))
