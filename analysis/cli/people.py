"""``actors``, ``discover`` and ``quotes``: who is mentioned, who could be, who speaks."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path

import pandas as pd

from ..actor_tone import actor_tone_summary, mention_tone
from ..actors import (
    ActorList,
    actor_list_yaml,
    actors_by_outlet,
    count_actors,
    discover_actors,
    event_actors,
    label_table,
    load_actors,
    mention_table,
    naming_table,
)
from ..errors import OutputError
from ..outputs import write_text
from ..quotes import quote_table, verb_table, voice_table
from ..resources import data_dirs
from .common import (
    add_output_options,
    add_path_argument,
    add_subcommand,
    bounded,
    corpus_from_args,
    emit_table,
)

__all__ = ["register"]

_ACTOR_TABLES: dict[str, Callable[..., pd.DataFrame]] = {
    "counts": count_actors, "mentions": mention_table, "outlets": actors_by_outlet,
    "labels": label_table, "naming": naming_table,
}


def _tone_mentions(corpus: pd.DataFrame, *, actors: object = None,
                   voice: str = "all") -> pd.DataFrame:
    """Every actor mention with the model's tone toward it (``voice`` keeps one voice)."""
    mentions = mention_tone(corpus, actors=actors)
    return mentions if voice == "all" else mentions[mentions["voice"] == voice]


def _tone_summary(corpus: pd.DataFrame, *, actors: object = None,
                  voice: str = "all") -> pd.DataFrame:
    """Tone toward each actor per outlet, with intervals and the mentions it rests on."""
    return actor_tone_summary(mention_tone(corpus, actors=actors), voice=voice)


_ACTOR_TONE_TABLES: dict[str, Callable[..., pd.DataFrame]] = {
    "tone": _tone_summary, "tone-mentions": _tone_mentions,
}
_QUOTE_TABLES: dict[str, Callable[..., pd.DataFrame]] = {
    "quotes": quote_table, "voices": voice_table, "verbs": verb_table,
}


def _table_command(tables: dict[str, Callable[..., pd.DataFrame]]) -> Callable[..., int]:
    """A handler: load PATH and ``--actors``, build ``tables[args.table]``, print it."""

    def handler(args: argparse.Namespace) -> int:
        corpus = corpus_from_args(args)
        actors = load_actors(args.actors) if args.actors else _one_event_actors(corpus)
        options = {"voice": args.voice} if args.table in _ACTOR_TONE_TABLES else {}
        return emit_table(tables[args.table](corpus, actors=actors, **options), args)

    return handler


def _one_event_actors(corpus: pd.DataFrame) -> ActorList | None:
    """For one event, the list ``compare`` uses (:func:`event_actors`: the event's own list,
    or candidates proposed by ``discover``, noted); for several, the lists that match each
    article's event (None)."""
    events = set(corpus["event"].dropna()) if "event" in corpus.columns else set()
    return event_actors(corpus) if len(events) == 1 else None


def _cmd_discover(args: argparse.Namespace) -> int:
    corpus = corpus_from_args(args)
    actors = load_actors(args.actors) if args.actors else load_actors()
    table = discover_actors(corpus, actors=actors, min_mentions=args.min_mentions)
    if args.save_actors:
        events = sorted(set(corpus["event"])) if "event" in corpus.columns else []
        _save_actor_list(args.save_actors,
                         actor_list_yaml(table, event=events[0] if len(events) == 1 else None,
                                         actors=actors),
                         force=args.force)
    return emit_table(table, args)


def _save_actor_list(path: str, text: str, *, force: bool) -> Path:
    """Write a proposed list; into a user's ``data/actors/`` too (where the kit reads it),
    which outputs never write to, but never over an existing list without ``--force``."""
    target = Path(path).expanduser().resolve()
    for label, folder in data_dirs():
        if label != "built-in" and target.is_relative_to((folder / "actors").resolve()):
            if target.exists() and not force:
                raise OutputError(f"{path}: an actor list is already there; edit it, or use "
                                  "--force to replace it")
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")
            return target
    return write_text(path, text, force=force)


def _actors_option(p: argparse.ArgumentParser, what: str) -> None:
    p.add_argument("--actors", metavar="FILE", nargs="+", help=what)


_ACTORS_HELP = ("actor list(s) to use (default: the lists under data/actors/ and the "
                "built-in ones that match each article's event; for one event without its "
                "own list, the people and organisations 'discover' finds, noted, as in "
                "'compare')")


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add ``actors``, ``discover`` and ``quotes``."""
    p = add_subcommand(
        subparsers, "actors",
        help="who is mentioned: one row per article and actor (or mentions, outlets, labels, "
             "naming)",
        examples=["data/events/my-event",
                  "data/events/my-event --actors my-actors.yml --table labels",
                  "data/events/my-event --table tone --voice outlet"],
    )
    add_path_argument(p, clean=True)
    _actors_option(p, _ACTORS_HELP)
    p.add_argument("--table", choices=[*_ACTOR_TABLES, *_ACTOR_TONE_TABLES], default="counts",
                   help="which table to print (default: counts). tone: tone toward each "
                        "actor per outlet (shares with intervals, mean tone, the mentions "
                        "it rests on; from a linear model: see analysis.target_tone); "
                        "tone-mentions: every mention with its label, probabilities and the "
                        "features behind it")
    p.add_argument("--voice", choices=["all", "outlet", "quoted"], default="all",
                   help="with --table tone or tone-mentions: the outlet's own words, quoted "
                        "or reported material, or both (default: all)")
    add_output_options(p)
    p.set_defaults(func=_table_command({**_ACTOR_TABLES, **_ACTOR_TONE_TABLES}))

    p = add_subcommand(
        subparsers, "discover",
        help="propose candidate actors (names, titles) for an actor list",
        examples=["data/events/my-event --min-mentions 2",
                  "data/events/my-event --save-actors data/actors/my-event.yml"],
    )
    add_path_argument(p, clean=True)
    _actors_option(p, "actor list(s) to mark candidates that are already known")
    p.add_argument("--min-mentions", type=bounded(int, 0), default=1, metavar="N",
                   help="leave out candidates mentioned fewer than N times")
    p.add_argument("--save-actors", metavar="FILE",
                   help="also write the candidates as an actor-list YAML file to edit")
    add_output_options(p)
    p.set_defaults(func=_cmd_discover)

    p = add_subcommand(
        subparsers, "quotes",
        help="who speaks: direct and reported quotes (or voices, verb groups)",
        examples=["data/events/my-event", "data/events/my-event --table voices --format csv"],
    )
    add_path_argument(p, clean=True)
    _actors_option(p, "actor list(s) for speakers" + _ACTORS_HELP.removeprefix(
        "actor list(s) to use"))
    p.add_argument("--table", choices=list(_QUOTE_TABLES), default="quotes",
                   help="which table to print (default: quotes)")
    add_output_options(p)
    p.set_defaults(func=_table_command(_QUOTE_TABLES))


