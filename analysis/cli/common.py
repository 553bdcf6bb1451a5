"""What every command shares: the ``PATH`` argument, table output options, and loading.

Commands that print a table use :func:`add_output_options` and :func:`emit_table`, so they
all accept ``--format csv|json|jsonl|parquet|table``, ``--out FILE`` and ``--force``.
"""

from __future__ import annotations

import argparse
import sys
import textwrap

import pandas as pd

from ..errors import OutputError
from ..loading import load_corpus
from ..outputs import render_table, table_format, write_bytes

__all__ = [
    "add_output_options",
    "add_path_argument",
    "add_subcommand",
    "bounded",
    "corpus_from_args",
    "emit_table",
]


def bounded(kind: type, low: float, high: float | None = None):
    """An argparse ``type`` for a number from ``low`` to ``high`` (inclusive): refuses
    ``inf``, ``nan`` and anything out of range with a message naming the range.

    >>> bounded(float, 0.001, 1000)("2.5")
    2.5
    >>> bounded(float, 0.001, 1000)("inf")
    Traceback (most recent call last):
    ...
    argparse.ArgumentTypeError: expected a number from 0.001 to 1000, not 'inf'
    """
    span = f"from {low:g} to {high:g}" if high is not None else f"of {low:g} or more"
    what = "a whole number" if kind is int else "a number"

    def parse(text: str) -> float:
        try:
            value = kind(text)
        except ValueError:
            value = None
        if value is None or value != value or value in (float("inf"), float("-inf")) \
                or value < low or (high is not None and value > high):
            raise argparse.ArgumentTypeError(f"expected {what} {span}, not {text[:40]!r}")
        return value

    parse.__name__ = what  # argparse names the type in some messages
    return parse


def add_subcommand(
    subparsers: argparse._SubParsersAction,
    name: str,
    *,
    help: str,
    description: str | None = None,
    examples: list[str],
) -> argparse.ArgumentParser:
    """A sub-parser whose ``--help`` ends with ``examples`` (command lines after the prog)."""
    prog = subparsers._prog_prefix  # "outlet-lens" or "python -m analysis"
    epilog = "examples:\n" + "\n".join(f"  {prog} {name} {e}" for e in examples)
    return subparsers.add_parser(
        name,
        help=help,
        description=textwrap.fill(description or help[0].upper() + help[1:] + ".", 88),
        epilog=epilog,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )


def add_path_argument(parser: argparse.ArgumentParser, *, clean: bool = False) -> None:
    """The ``PATH`` argument every corpus command takes.

    ``clean=True`` also adds ``--no-clean``: such a command analyses the text with page
    furniture removed (see :mod:`analysis.cleaning`), as the report does, unless told not to.
    Load its corpus with :func:`corpus_from_args`.
    """
    parser.add_argument(
        "path",
        metavar="PATH",
        help="an event folder, a folder of event folders, or a .csv/.jsonl(.gz)/.parquet file",
    )
    if clean:
        parser.add_argument(
            "--no-clean", action="store_true",
            help="analyse the text as stored (by default page furniture such as navigation, "
                 "repeated captions and appended summaries is removed first; see 'clean')",
        )


def corpus_from_args(args: argparse.Namespace) -> pd.DataFrame:
    """Load ``args.path``, cleaned unless the command was given ``--no-clean``."""
    corpus = load_corpus(args.path)
    if getattr(args, "no_clean", True):
        return corpus
    from ..cleaning import clean_corpus

    return clean_corpus(corpus)


def add_output_options(parser: argparse.ArgumentParser) -> None:
    """``--format``, ``--out`` and ``--force`` for commands that produce a table."""
    parser.add_argument(
        "--format",
        choices=["table", "csv", "json", "jsonl", "parquet"],
        default=None,
        help="output format (default: table on screen, or from --out's extension)",
    )
    parser.add_argument("--out", metavar="FILE", help="write to FILE instead of the screen")
    parser.add_argument(
        "--force", action="store_true", help="replace FILE even if Outlet Lens did not write it"
    )


def emit_table(df: pd.DataFrame, args: argparse.Namespace) -> int:
    """Print ``df`` or write it to ``args.out``, in ``args.format``. Returns exit code 0."""
    out = getattr(args, "out", None)
    fmt = table_format(out, getattr(args, "format", None))
    if out:
        written = write_bytes(out, render_table(df, fmt), force=getattr(args, "force", False))
        print(f"wrote {len(df)} rows to {written}", file=sys.stderr)
        return 0
    if fmt == "parquet":
        raise OutputError("parquet output needs --out FILE")
    sys.stdout.write(render_table(df, fmt).decode("utf-8"))
    return 0
