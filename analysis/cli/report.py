"""``compare``, ``chart`` and ``printables``: the report of an event, one of its charts, or its
blind round on paper."""

from __future__ import annotations

import argparse
import sys

from .common import add_path_argument, add_subcommand, corpus_from_args

__all__ = ["register"]

#: The views of ``analysis.report.CHARTS``, named here so that building the command line
#: does not import the report (and matplotlib with it) for commands that draw nothing:
#: ``score`` on a large corpus starts about half a second sooner. A test keeps them equal.
CHART_NAMES = ("length", "furniture", "top-words", "actors", "voices", "verbs", "tone-arc",
               "tone", "actor-tone", "frames", "markers", "distinctive", "coverage")


def _cmd_chart(args: argparse.Namespace) -> int:
    from ..report import chart

    written = chart(args.view, args.path, args.out, clean=not args.no_clean, force=args.force,
                    actors=args.actors, frames=args.frames)
    print(f"wrote {written}")
    return 0


def _cmd_compare(args: argparse.Namespace) -> int:
    from ..report import compare_event

    written = compare_event(args.path, args.out, clean=not args.no_clean, force=args.force,
                            actors=args.actors, frames=args.frames)
    for path in written:
        print(path, file=sys.stderr)
    print(f"wrote {len(written)} files; open {written[-1]} in a browser")
    return 0


def _cmd_printables(args: argparse.Namespace) -> int:
    from pathlib import Path

    from ..blind import printables
    from ..loading import read_event

    event = Path(args.path)
    title = read_event(event).get("title") if (event / "event.yml").is_file() else None
    written = printables(corpus_from_args(args), args.out, seed=args.seed, clean=False,
                         title=title, force=args.force)
    print(f"wrote {written[0]} (for the students) and {written[1]} (the answers); "
          "open them in a browser and print")
    return 0


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add ``compare``, ``chart`` and ``printables``."""
    p = add_subcommand(
        subparsers, "compare",
        help="compare the outlets of an event: charts, tables and report.html",
        description="The main job. Writes into DIR (default out/): one PNG chart per view "
                    "(who is mentioned, who speaks, tone, frames, markers, distinctive "
                    "words, coverage, headlines), one CSV table per view with the evidence "
                    "behind it, and report.html, which shows them all with explanations; "
                    "open it in a browser. Files the kit wrote before are replaced; any "
                    "other file in DIR is left alone (see --force).",
        examples=["data/events/my-event --out out/my-event",
                  "\"$(python -c 'import analysis; print(analysis.sample_event())')\" "
                  "--out out/sample"],
    )
    add_path_argument(p, clean=True)
    p.add_argument("--out", metavar="DIR", default="out", help="output folder (default: out)")
    p.add_argument("--force", action="store_true",
                   help="replace files in DIR even if Outlet Lens did not write them")
    _actors_option(p)
    _frames_option(p)
    p.set_defaults(func=_cmd_compare)

    p = add_subcommand(
        subparsers, "chart", help="draw one chart of an event, for a quick look",
        examples=["voices data/events/my-event --out voices.png",
                  "tone data/events/my-event --out tone.svg"],
    )
    p.add_argument("view", choices=list(CHART_NAMES), metavar="VIEW",
                   help=f"one of: {', '.join(CHART_NAMES)}")
    add_path_argument(p, clean=True)
    p.add_argument("--out", metavar="FILE", required=True, help="the .png, .svg or .pdf to write")
    p.add_argument("--force", action="store_true",
                   help="replace FILE even if Outlet Lens did not write it")
    _actors_option(p)
    _frames_option(p)
    p.set_defaults(func=_cmd_chart)

    p = add_subcommand(
        subparsers, "printables",
        help="the blind round on paper: anonymised articles with questions, and answers",
        description="Writes blind-round.html (the articles with the outlets hidden, the "
                    "questions and room to write; it names no outlet) and blind-answers.html "
                    "(the key and the evidence, for the teacher) into DIR. Print them from a "
                    "browser; each article starts a page.",
        examples=["data/events/my-event --out out/printables",
                  "data/events/my-event --out out/printables --seed 7"],
    )
    add_path_argument(p, clean=True)
    p.add_argument("--out", metavar="DIR", default="out/printables",
                   help="output folder (default: out/printables)")
    p.add_argument("--seed", type=int, default=None,
                   help="fix which outlet becomes 'Outlet A', 'Outlet B', ... (same as the app)")
    p.add_argument("--force", action="store_true",
                   help="replace files in DIR even if Outlet Lens did not write them")
    p.set_defaults(func=_cmd_printables)


def _actors_option(p: argparse.ArgumentParser) -> None:
    p.add_argument("--actors", metavar="FILE", nargs="+",
                   help="actor list(s) for who is mentioned and who speaks (default: the "
                        "event's lists under data/actors/ and the built-in ones; for an "
                        "event without its own list, one proposed by 'discover', noted in "
                        "the report)")


def _frames_option(p: argparse.ArgumentParser) -> None:
    p.add_argument("--frames", metavar="SET_OR_FILE", nargs="+",
                   help="frame sets to count: generic, security, policy (the Policy Frames "
                        "Codebook's issue frames, for domestic policy news; it has its own "
                        "morality frame, so not with generic) or YAML files (default: the "
                        "event.yml's 'frames:' list, else generic and security)")
