"""``score``: one row per article with every measure, for large corpora."""

from __future__ import annotations

import argparse
import os
import signal
import sys
import threading
from typing import Any

import pandas as pd

from ..scoring import DEFAULT_CHUNKSIZE, DEFAULT_MAX_CHARS, score_file
from .common import (
    add_output_options,
    add_path_argument,
    add_subcommand,
    bounded,
    emit_table,
)

__all__ = ["register"]


def _stop_on_sigterm(signum: int, frame: Any) -> None:
    raise SystemExit(128 + signum)  # unwinds like Ctrl-C: the temporary output is removed


def _cmd_score(args: argparse.Namespace) -> int:
    if threading.current_thread() is not threading.main_thread():
        return _score_command(args)
    previous = signal.signal(signal.SIGTERM, _stop_on_sigterm)
    try:
        return _score_command(args)
    finally:
        signal.signal(signal.SIGTERM, previous)


def _score_command(args: argparse.Namespace) -> int:
    options: dict[str, Any] = {}
    if args.frames:
        options["frames"] = args.frames
    if args.markers:
        options["markers"] = args.markers
    if args.actors:
        options["actors"] = args.actors
    if args.no_frames:
        options["frames"] = False
    if args.no_markers:
        options["markers"] = False
    if args.no_actors:
        options["actors"] = False
    if args.no_quotes:
        options["quotes"] = False
    if args.tone:
        options["mention_tone"] = True
    if args.adjust:
        options["adjustments"] = args.adjust
    progress = False if args.no_progress else None
    jobs = args.jobs
    most = 2 * (os.cpu_count() or 1)
    if jobs > most:
        print(f"--jobs {jobs} is more than twice the {most // 2} CPU core(s) here; using "
              f"{most}", file=sys.stderr)
        jobs = most
    common = dict(jobs=jobs, chunksize=args.chunksize, cache=not args.no_cache,
                  progress=progress, max_chars=args.max_chars, **options)
    if args.out and (args.format or "") != "table":
        run = score_file(args.path, args.out, fmt=args.format, force=args.force, **common)
        rate = run.n_words / run.seconds if run.seconds else 0
        print(f"scored {run.n_articles:,} articles ({run.n_words:,} words, {rate:,.0f} words/s)"
              f" into {run.out}", file=sys.stderr)
    else:
        run = score_file(args.path, None, **common)
        emit_table(run.scores, args)
    if len(run.skipped):
        where = f"; listed in {run.report}" if run.report else ""
        print(f"skipped {len(run.skipped):,} bad row(s){where}", file=sys.stderr)
        if run.report is None:
            for row in run.skipped.head(20).itertuples():
                line = f", line {row.line}" if not pd.isna(row.line) else ""
                print(f"  {row.file}{line}: {row.reason}", file=sys.stderr)
    return run.exit_code


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add ``score``."""
    p = add_subcommand(
        subparsers, "score",
        help="one row per article with every measure (words, tone, frames, markers, quotes, "
        "actors); streams large files, uses --jobs cores",
        description="Score every article of a corpus: words, sentences, VADER sentence tone, "
        "frame and marker scores, quotes and actor mentions, one row per article. Large "
        "JSON Lines, CSV and Parquet files are streamed in chunks; results are cached (see "
        "docs/scaling.md). Bad rows are skipped and listed in FILE.skipped.csv; the exit "
        "code is then 3. The measures are lexicon and pattern heuristics.",
        examples=["articles.jsonl.gz --out scores.parquet --jobs 2",
                  "data/events/my-event --no-quotes --format csv"],
    )
    add_path_argument(p)
    add_output_options(p)
    p.add_argument("--jobs", "-j", type=bounded(int, -1), default=1,
                   help="processes to use (0: one per core; -1: all but one; at most twice "
                        "the cores; default 1)")
    p.add_argument("--chunksize", type=bounded(int, 1, 1_000_000), default=DEFAULT_CHUNKSIZE,
                   help=f"articles per chunk (default {DEFAULT_CHUNKSIZE})")
    p.add_argument("--max-chars", type=bounded(int, 1), default=DEFAULT_MAX_CHARS,
                   help=f"skip longer texts (default {DEFAULT_MAX_CHARS:,})")
    p.add_argument("--frames", action="append", metavar="FILE", help="frame lexicon YAML "
                   "(repeatable; default: the kit's frames)")
    p.add_argument("--markers", action="append", metavar="FILE", help="marker lexicon YAML")
    p.add_argument("--actors", action="append", metavar="FILE", help="actor list YAML for "
                   "every article (default: the lists under data/actors/ and the built-in "
                   "ones, for each event)")
    p.add_argument("--adjust", action="append", metavar="SET_OR_FILE",
                   help="VADER news adjustments (see the sentiment command)")
    for name in ("frames", "markers", "actors", "quotes"):
        p.add_argument(f"--no-{name}", action="store_true", help=f"leave out the {name} columns")
    p.add_argument("--tone", action="store_true",
                   help="also the tone toward each actor mention (mention_tone, tone_ACTOR: "
                        "a linear model read from each mention's sentence; about a quarter "
                        "more time)")
    p.add_argument("--no-cache", action="store_true", help="do not read or write the cache")
    p.add_argument("--no-progress", action="store_true", help="no progress bar")
    p.set_defaults(func=_cmd_score)
