"""The command line: ``python -m analysis COMMAND ...`` (also installed as ``outlet-lens``).

Each module that offers commands defines ``register_commands(subparsers)``, which adds its
sub-parsers and sets ``func`` on each to a handler ``(args) -> int``. Commands that print a
table share :func:`add_output_options` and :func:`emit_table`, so they all accept
``--format csv|json|jsonl|table``, ``--out FILE`` and ``--force``.
"""

from __future__ import annotations

import argparse
import importlib
import importlib.util
import sys
from collections.abc import Sequence

import pandas as pd

from .loading import CorpusError, load_corpus
from .outputs import OutputError, render_table, table_format, write_bytes

__all__ = ["add_output_options", "add_path_argument", "corpus_from_args", "emit_table", "main"]

#: Modules that may add commands, in the order their commands are listed in ``--help``.
#: A module that does not exist yet is skipped, so the CLI grows as the kit does.
COMMAND_MODULES = (
    "analysis.cli",
    "analysis.cleaning",
    "analysis.actors",
    "analysis.quotes",
    "analysis.sentiment",
    "analysis.framing",
    "analysis.comparison",
    "analysis.ingest",
    "analysis.report",
    "analysis.scoring",
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
    from .cleaning import clean_corpus

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


# --- the foundation's own commands ------------------------------------------------------


def corpus_summary(corpus: pd.DataFrame) -> pd.DataFrame:
    """One row per event and outlet: articles, words, sentences per article."""
    from .tokens import text_stats

    stats = text_stats(corpus)
    return (
        stats.groupby(["event", "outlet"], sort=True)
        .agg(
            articles=("article_id", "size"),
            words=("n_words", "sum"),
            sentences_per_article=("n_sentences", "mean"),
            words_per_sentence=("mean_sentence_length", "mean"),
        )
        .round(1)
        .reset_index()
    )


def _cmd_info(args: argparse.Namespace) -> int:
    corpus = corpus_from_args(args)
    summary = corpus_summary(corpus)
    if args.format or args.out:
        return emit_table(summary, args)
    print(
        f"{corpus['event'].nunique()} event(s), {corpus['outlet'].nunique()} outlet(s), "
        f"{len(corpus)} article(s), {int(summary['words'].sum()):,} words"
    )
    print()
    return emit_table(summary, args)


def _cmd_doctor(args: argparse.Namespace) -> int:
    from .resources import doctor

    rows = doctor()
    width = max(len(item) for item, _, _ in rows)
    for item, ok, detail in rows:
        print(f"{'ok ' if ok else 'NO '} {item:<{width}}  {detail}")
    failed = [item for item, ok, _ in rows if not ok]
    if failed:
        print(f"\n{len(failed)} problem(s). Re-run `make test` (or `pip install -e .`) in the "
              "project folder to install what is missing.")
        return 1
    print("\nEverything the kit needs is in place; nothing will be downloaded.")
    return 0


def register_commands(subparsers: argparse._SubParsersAction) -> None:
    info = subparsers.add_parser(
        "info", help="summarise a corpus: events, outlets, articles, words, sentences"
    )
    add_path_argument(info, clean=True)
    add_output_options(info)
    info.set_defaults(func=_cmd_info)

    doctor = subparsers.add_parser(
        "doctor", help="check that everything the kit needs is installed, offline"
    )
    doctor.set_defaults(func=_cmd_doctor)


# --- entry point ------------------------------------------------------------------------


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m analysis",
        description="Outlet Lens: compare how news outlets report the same event.",
    )
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        if importlib.util.find_spec(name) is None:
            continue
        module = importlib.import_module(name)
        register = getattr(module, "register_commands", None)
        if register is not None:
            register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    try:
        return int(args.func(args) or 0)
    except (CorpusError, OutputError, ValueError) as err:  # bad input: say it, no traceback
        print(f"error: {err}", file=sys.stderr)
        return 2
    except BrokenPipeError:  # `python -m analysis ... | head`
        return 0
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
