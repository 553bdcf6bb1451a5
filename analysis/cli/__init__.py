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
code: 0 done, 1 something is missing (doctor), 2 bad input (an
``error:`` line names the file, line or argument), 3 done with bad rows skipped.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib
import io
import os
import re
import sys
import warnings
from collections.abc import Sequence
from typing import Any

from ..errors import CorpusError, OutputError

__all__ = ["build_parser", "for_terminal", "main"]

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


#: Characters that steer a terminal (C0 and C1 controls but tab and newline, DEL) or reorder
#: what it shows (bidirectional overrides and isolates).
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def for_terminal(text: str) -> str:
    r"""``text`` with terminal control characters written as visible escapes.

    An outlet name or a file name can hold ESC sequences that retitle a terminal, clear
    it or hide text; printed raw they act, escaped they show.

    >>> for_terminal("Fox\x1b]0;owned\x07 News\tok")
    'Fox\\x1b]0;owned\\x07 News\tok'
    """
    return _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}" if ord(m.group()) < 0x100
                        else f"\\u{ord(m.group()):04x}", text)


class _Escaping(io.TextIOBase):
    """A text stream that writes to ``inner`` with :func:`for_terminal` applied."""

    def __init__(self, inner: Any) -> None:
        self.inner = inner

    def write(self, text: str) -> int:
        self.inner.write(for_terminal(text))
        return len(text)

    def flush(self) -> None:
        self.inner.flush()

    def isatty(self) -> bool:
        return self.inner.isatty()


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; returns its exit code (see the module's docstring).

    Everything it prints goes through :func:`for_terminal`.
    """
    out, err = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = _Escaping(out), _Escaping(err)
    shown = warnings.showwarning
    warnings.showwarning = _show_note
    try:
        return _main(argv)
    finally:
        with contextlib.suppress(Exception):
            sys.stdout.flush()
        sys.stdout, sys.stderr = out, err
        warnings.showwarning = shown


def _show_note(message, category, filename, lineno, file=None, line=None) -> None:
    """The kit's own warnings as one line, ``note: ...`` (a terminal user has no use for
    the file and line that raised them); other libraries' warnings as Python shows them."""
    if category.__module__.split(".")[0] == __name__.split(".")[0]:
        print(f"note: {message}", file=file or sys.stderr)
    else:
        print(warnings.formatwarning(message, category, filename, lineno, line), end="",
              file=file or sys.stderr)


def _main(argv: Sequence[str] | None) -> int:
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
    except OSError as err:  # a full disk, a folder that cannot be written: say so
        where = f"{err.filename}: " if err.filename else ""
        print(f"error: {where}{err.strerror or err}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
