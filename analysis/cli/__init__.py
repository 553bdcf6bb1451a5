"""The command line: ``python -m analysis COMMAND ...`` (also installed as ``outlet-lens``).

The top layer of the kit: the only place that knows argparse, prints, or sets exit codes.
Each module of this package adds one family of commands with ``register(subparsers)``:

=========  ==========================================================
corpus     ``info``, ``clean``, ``doctor``
people     ``actors``, ``discover``, ``quotes``
tone       ``sentiment``, ``frames``, ``markers``
compare    ``distinctive``, ``coverage``, ``kwic``
ingest     ``add``
report     ``compare``, ``chart``
score      ``score``
=========  ==========================================================

Each handler takes the parsed arguments, calls the kit's functions and returns an exit
code: 0 done, 1 something was not done (e.g. a page could not be added), 2 bad input (an
``error:`` line names the file, line or argument), 3 done with bad rows skipped.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Sequence

from ..errors import CorpusError, OutputError

__all__ = ["build_parser", "main"]

#: The modules of this package that add commands, in the order ``--help`` lists them.
COMMAND_MODULES = ("corpus", "people", "tone", "compare", "ingest", "report", "score")


def _prog() -> str:
    """``outlet-lens`` when run as the installed script, else ``python -m analysis``."""
    name = os.path.basename(sys.argv[0]) if sys.argv and sys.argv[0] else ""
    return "outlet-lens" if name.startswith("outlet-lens") else "python -m analysis"


def build_parser(prog: str | None = None) -> argparse.ArgumentParser:
    """The whole command line, every family's commands added."""
    from .. import __version__

    parser = argparse.ArgumentParser(
        prog=prog or _prog(),
        description="Outlet Lens: compare how news outlets report the same event.",
        epilog="Start with `compare PATH --out DIR` (the report); `COMMAND --help` shows a "
               "command's options and examples.",
    )
    parser.add_argument("--version", action="version", version=f"outlet-lens {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        importlib.import_module(f"{__name__}.{name}").register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; returns its exit code (see the module's docstring)."""
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
