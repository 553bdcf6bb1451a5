"""``add``: saved web pages, URLs and text files become article files of an event."""

from __future__ import annotations

import argparse
import sys

from ..ingest import MAX_BYTES, TIMEOUT, add_sources
from .common import add_output_options, add_subcommand, bounded, emit_table

__all__ = ["register"]


def _cmd_add(args: argparse.Namespace) -> int:
    table, results = add_sources(
        args.sources, args.event, event_title=args.title, outlet=args.outlet,
        fetch=not args.no_fetch, timeout=args.timeout, max_bytes=int(args.max_mb * 1_000_000),
    )
    shown = table.drop(columns=["message"]) if not (args.format or args.out) else table
    code = emit_table(shown, args)
    for row, result in zip(table.itertuples(index=False), results, strict=True):
        if row.status == "failed":  # bad input: an error line naming the source
            print(f"\nerror: {row.source}: {row.message}", file=sys.stderr)
            continue
        print(f"\n{row.source}: {row.status}. {row.message}", file=sys.stderr)
        if args.show_dropped and result is not None and row.status == "added":
            for text in result.dropped:
                print(f"  dropped: {text[:150]}", file=sys.stderr)
    if (table["status"] == "added").any():
        print("\nCheck the front matter of the new files (outlet, title, date) and fix it by "
              "hand where it is wrong.", file=sys.stderr)
    # 2, like every command given bad input, when a source could not be added (the others
    # were still processed)
    return 2 if (table["status"] == "failed").any() else code


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add ``add``.

    >>> parser = argparse.ArgumentParser()
    >>> register(parser.add_subparsers())
    >>> args = parser.parse_args(["add", "page.html", "https://example.org/a", "--event", "ev"])
    >>> args.sources, args.event, args.no_fetch, args.max_mb
    (['page.html', 'https://example.org/a'], 'ev', False, 10.0)
    """
    p = add_subcommand(
        subparsers, "add",
        help="add saved web pages, URLs or text files to an event folder as article files",
        description="Extract each page's article text and metadata and write one Markdown "
                    "article file per source into the event folder. Never overwrites.",
        examples=["saved-page.html --event data/events/my-event",
                  "https://example.org/story --event data/events/my-event --outlet 'Example'"],
    )
    p.add_argument("sources", nargs="+", metavar="SOURCE",
                   help="a saved .html page, an http(s):// URL, a .txt/.md file, or a folder")
    p.add_argument("--event", required=True, metavar="DIR",
                   help="the event folder (created with an event.yml if missing)")
    p.add_argument("--title", help="title for a new event.yml")
    p.add_argument("--outlet", help="use this outlet name for every source")
    p.add_argument("--no-fetch", action="store_true",
                   help="never use the network: refuse URLs")
    p.add_argument("--timeout", type=bounded(float, 0.1, 600), default=TIMEOUT, metavar="SECONDS",
                   help=f"seconds to wait for a web server (default {TIMEOUT:g})")
    p.add_argument("--max-mb", type=bounded(float, 0.001, 1000), default=MAX_BYTES / 1_000_000,
                   metavar="MB",
                   help=f"refuse pages larger than this (default {MAX_BYTES / 1e6:g} MB)")
    p.add_argument("--show-dropped", action="store_true",
                   help="list the page text that was not kept")
    add_output_options(p)
    p.set_defaults(func=_cmd_add)
