"""Who is in the story: actor lists, mentions with spans, counts, labels and discovery.

An *actor list* is a YAML file under ``data/actors/`` naming people, organisations,
countries and places with their aliases and titles (see the seed event's list for the
format). A list's ``events:`` key names the events it covers; a list without one (such as
``world.yml``: countries, international organisations, US institutions) covers every
event. :func:`load_actors` reads one or more lists (an event list's entry wins over a
general list's when both name the same actor); :func:`event_actors` gives the list for an
event, proposing one from its articles (and saying so) when no list names it;
:func:`find_mentions` finds every mention in a text with its character span. Corpus-level
functions build tidy tables; each takes the list as the keyword ``actors=`` (an
:class:`ActorList`, a YAML path or several; None: each article's event lists):

* :func:`mention_table`: one row per mention.
* :func:`count_actors`: one row per article and actor (how often, how early, in the
  headline or not); :func:`actors_by_outlet` the same per outlet.
* :func:`label_table`: the words each outlet uses to name or describe each actor;
  :func:`naming_table` puts them side by side, one column per outlet.
* :func:`discover_actors`: candidate actors for an event nobody has listed yet;
  :func:`actor_list_yaml` writes them as a list to edit.

A person or organisation of an event list that no article mentions is reported with an
:class:`UnmentionedActorWarning` naming the actor and its file (a misspelt name otherwise
silently counts zero).

How matching works, and its limits (this is a heuristic, not a named-entity model):

* All names of a list are compiled into one regular expression (a trie of alternatives),
  titles into another, so a corpus is scanned once per article whatever the list's size.
* Names and aliases match case-sensitively as whole words ("US" is not "us"); titles ignore
  case except in words written in capitals. Curly and straight apostrophes are the same.
* Overlapping names of one actor count once (the longest: "Lloyd J. Austin", not also
  "Austin"); a possessive is part of the mention ("Putin's"); a title right before or after
  the name, or separated by a comma ("Lloyd Austin, the US Defense Secretary"), makes one
  mention. Names of *other* actors inside a title are mentions of their own ("Putin's" in
  "Putin's spokesman", "US" in "US Defense Secretary").
* A person's surname counts only in an article that also names the person in full or by a
  title (anywhere in the article, since headlines often use the surname first), or when a
  title stands right before it: one of the person's titles, or a generic title or
  honorific from the kit's abbreviation and role-noun lists ("Mr. Trump", "Sen. Warren",
  "President Obama"; see :func:`title_before`), which also names the person for the rest
  of the article. A gendered honorific ("Ms.", "Mr.") never names a person whose
  ``gender`` contradicts it.
* Pronouns ("he", "they") and descriptions ("the alliance") are not resolved.

>>> actors = load_actors(event="2024-07-12-austin-belousov-call")
>>> [(m.actor, m.surface) for m in find_mentions("Kremlin spokesman Dmitry Peskov warned.", actors)]
[('Dmitry Peskov', 'Kremlin spokesman Dmitry Peskov'), ('Kremlin', 'Kremlin')]
"""

from __future__ import annotations

import bisect
import functools
import itertools
import os
import re
import sys
import warnings
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

import pandas as pd
import yaml

from .errors import CorpusError, require_columns
from .resources import find_resource, load_wordlist, resource_files
from .tokens import (
    count_words,
    sentence_spans,
    stopwords,
    trie_lookahead,
    trie_pattern,
)
from .tokens import shadow as _shadow
from .yamlio import cached_by_file, file_key, read_yaml

__all__ = [
    "GENDERS",
    "KINDS",
    "Actor",
    "ActorList",
    "DiscoveredActorsNotice",
    "Mention",
    "UnmentionedActorWarning",
    "actor_list_yaml",
    "actors_by_outlet",
    "actors_per_row",
    "as_actor_list",
    "count_actors",
    "discover_actors",
    "discovered_entries",
    "event_actors",
    "find_mentions",
    "generic_title",
    "label_table",
    "load_actors",
    "mention_table",
    "naming_table",
    "precision_recall",
    "read_actor_file",
    "title_before",
    "warn_unmentioned",
]

Kind = Literal["person", "organisation", "country", "place"]
KINDS: tuple[str, ...] = ("person", "organisation", "country", "place")
_KIND_SYNONYMS = {
    "organization": "organisation",
    "org": "organisation",
    "institution": "organisation",
    "location": "place",
    "city": "place",
    "region": "place",
    "country/place": "place",
    "people": "person",
}
Form = Literal["name", "alias", "short", "title", "title+name"]

MENTION_COLUMNS = [
    "article_id", "outlet", "actor", "kind", "surface", "start", "end", "sentence_index",
    "form", "possessive",
]
COUNT_COLUMNS = [
    "article_id", "outlet", "actor", "kind", "n_mentions", "per_1000_words", "in_headline",
    "first_sentence", "first_position", "sentence_share",
]
OUTLET_COLUMNS = [
    "outlet", "actor", "kind", "n_articles", "articles_mentioning", "article_share",
    "n_mentions", "per_1000_words", "headline_share", "mean_first_position",
    "mean_sentence_share",
]
LABEL_COLUMNS = [
    "article_id", "outlet", "actor", "kind", "label_type", "label", "start", "end",
    "sentence_index",
]
DISCOVERY_COLUMNS = [
    "candidate", "kind_guess", "forms", "titles", "n_mentions", "n_articles", "outlets",
    "known_actor", "example",
]


# --- actors and actor lists -------------------------------------------------------------


Gender = Literal["female", "male", "unknown"]
GENDERS: tuple[str, ...] = ("female", "male", "unknown")


@dataclass(frozen=True)
class Actor:
    """One actor: canonical ``name``, ``kind``, ``aliases``, ``titles``, ``after_name``.

    ``gender`` (``female``, ``male``, ``unknown`` or None when the list does not say) is
    optional: a gendered honorific ("Ms. Clinton") only resolves to a person whose gender
    does not contradict it, and pronoun resolution may use it. ``source`` says where the
    entry was read (``file, line n``); ``general`` is True for an entry of a general list
    (no ``events:`` key): an event list's entry wins over it when both claim a name.
    """

    name: str
    kind: Kind
    aliases: tuple[str, ...] = ()
    titles: tuple[str, ...] = ()
    after_name: tuple[str, ...] = ()
    source: str | None = None
    gender: Gender | None = None
    general: bool = field(default=False, compare=False)


@dataclass(frozen=True)
class Mention:
    """One mention of an actor in a text.

    ``kind`` is the actor's kind; ``form`` says how it was named (``name``, ``alias``,
    ``short`` for a resolved surname, ``title`` or ``title+name``); ``parts`` lists the
    pieces ``(form, start, end)`` a merged title-and-name mention is made of.
    ``text[start:end] == surface``.
    """

    actor: str
    kind: Kind
    surface: str
    start: int
    end: int
    form: Form = "name"
    possessive: bool = False
    parts: tuple[tuple[str, int, int], ...] = field(default=(), compare=False, repr=False)


def _collapse(text: str) -> str:
    return " ".join(_shadow(text).split())


def _title_key(text: str) -> str:
    return _collapse(text).casefold()


_POSSESSIVE = re.compile(r"(?:'s|(?<=s)')$")


class ActorList(Sequence[Actor]):
    """An ordered, validated collection of :class:`Actor` with its compiled matchers.

    Entries with the same canonical name (from different files) are merged when their
    kinds agree. Precedence: an entry of an event list (or of a list given by path that
    names events) wins over an entry of a general list (``Actor.general``, such as
    ``world.yml``). When an event entry claims a general entry's name or alias
    ("Department of Justice" in both lists), the event's entry is used and the general
    entry's other names and titles become its aliases and titles; a general entry's title
    that an event entry claims is dropped. Within one tier, an alias or title that two
    different actors claim is an error naming both.

    >>> actors = ActorList([Actor("Dmitry Peskov", "person", titles=("Kremlin spokesman",))])
    >>> actors.names, actors["Dmitry Peskov"].kind
    (['Dmitry Peskov'], 'person')
    """

    def __init__(self, actors: Iterable[Actor] = (), *, sources: Sequence[str] = (),
                 origin: str = "") -> None:
        merged: dict[str, Actor] = {}
        for actor in _prefer_event_entries(list(actors)):
            if actor.kind not in KINDS:
                raise CorpusError(
                    f"actor {actor.name!r} has kind {actor.kind!r}; expected one of "
                    f"{', '.join(KINDS)}",
                    file=actor.source,
                )
            old = merged.get(actor.name)
            if old is None:
                merged[actor.name] = actor
            elif old.kind != actor.kind and old.general != actor.general:
                if old.general:  # the event list's entry wins
                    merged[actor.name] = actor
            elif old.kind != actor.kind:
                raise CorpusError(
                    f"actor {actor.name!r} is a {old.kind} in {old.source} but a "
                    f"{actor.kind} in {actor.source}"
                )
            else:
                merged[actor.name] = Actor(
                    old.name,
                    old.kind,
                    _unique(old.aliases + actor.aliases),
                    _unique(old.titles + actor.titles),
                    _unique(old.after_name + actor.after_name),
                    old.source if not old.general or actor.general else actor.source,
                    old.gender or actor.gender,
                    old.general and actor.general,
                )
        self._actors = list(merged.values())
        self._by_name = {a.name: a for a in self._actors}
        self.sources = tuple(sources)
        #: Where the list came from, in words (see :func:`event_actors`).
        self.origin = origin or (f"the list(s) {', '.join(Path(p).name for p in sources)}"
                                 if sources else "a list made in code")
        self._check_claims()

    def __len__(self) -> int:
        return len(self._actors)

    def __iter__(self) -> Iterator[Actor]:
        return iter(self._actors)

    def __getitem__(self, key):  # type: ignore[override]
        if isinstance(key, str):
            return self._by_name[key]
        return self._actors[key]

    def __contains__(self, key: object) -> bool:
        if isinstance(key, str):
            return key in self._by_name
        return key in self._actors

    def __repr__(self) -> str:
        return f"ActorList({len(self)} actors from {len(self.sources)} file(s))"

    def __add__(self, other: ActorList) -> ActorList:
        return ActorList([*self, *other], sources=self.sources + other.sources)

    @property
    def names(self) -> list[str]:
        """The canonical names, in list order."""
        return [a.name for a in self._actors]

    def to_yaml(self, *, event: str | None = None, general: bool = False) -> str:
        """The list as actor-list YAML to save and edit: the entries of event lists (and
        of general lists too with ``general=True``), with ``events: [event]``."""
        doc: dict[str, Any] = {"source": f"Saved by Outlet Lens from {self.origin}; review it."}
        if event:
            doc["events"] = [event]
        entries = []
        for a in self._actors:
            if a.general and not general:
                continue
            entry: dict[str, Any] = {"name": a.name, "kind": a.kind}
            for key in ("aliases", "titles", "after_name"):
                if getattr(a, key):
                    entry[key] = list(getattr(a, key))
            if a.gender:
                entry["gender"] = a.gender
            entries.append(entry)
        doc["actors"] = entries
        return yaml.safe_dump(doc, sort_keys=False, allow_unicode=True, width=100)

    def to_frame(self) -> pd.DataFrame:
        """The list as a table: ``actor, kind, aliases, titles, gender, source``."""
        return pd.DataFrame(
            [
                (a.name, a.kind, " | ".join(a.aliases), " | ".join(a.titles), a.gender,
                 a.source)
                for a in self._actors
            ],
            columns=["actor", "kind", "aliases", "titles", "gender", "source"],
        )

    # -- validation and matchers --

    def _check_claims(self) -> None:
        owners: dict[str, tuple[Actor, str]] = {}
        for actor in self._actors:
            entries = [(_collapse(n), n) for n in (actor.name, *actor.aliases)]
            entries += [(_title_key(t), t) for t in (*actor.titles, *actor.after_name)]
            for key, shown in entries:
                for k in {key, key.casefold()} if key == key.casefold() else {key}:
                    prior = owners.get(k)
                    if prior is not None and prior[0].name != actor.name:
                        raise CorpusError(
                            f"{shown!r} is claimed by two actors: {prior[0].name!r} "
                            f"({prior[0].source}) and {actor.name!r} ({actor.source}); "
                            "give it to one of them"
                        )
                    owners.setdefault(k, (actor, shown))
        # Titles are matched ignoring case, so compare them with names in lower case too.
        lowered: dict[str, Actor] = {}
        for actor in self._actors:
            for n in (actor.name, *actor.aliases):
                lowered.setdefault(_collapse(n).casefold(), actor)
        for actor in self._actors:
            for t in (*actor.titles, *actor.after_name):
                other = lowered.get(_title_key(t))
                if other is not None and other.name != actor.name:
                    raise CorpusError(
                        f"{t!r} is claimed by two actors: {other.name!r} ({other.source}) "
                        f"as a name and {actor.name!r} ({actor.source}) as a title"
                    )

    @functools.cached_property
    def _matcher(self) -> _Matcher:
        return _Matcher(self._actors)


def _unique(items: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(items))


def _claims(actor: Actor) -> set[str]:
    """The keys under which an actor claims its names, aliases and titles (folded)."""
    return {_collapse(n).casefold() for n in (actor.name, *actor.aliases)} | {
        _title_key(t) for t in (*actor.titles, *actor.after_name)}


def _prefer_event_entries(actors: list[Actor]) -> list[Actor]:
    """General-list entries without what event-list entries claim (see :class:`ActorList`)."""
    if not any(a.general for a in actors) or all(a.general for a in actors):
        return actors
    owners: dict[str, set[str]] = defaultdict(set)  # claim -> event-list actors claiming it
    for a in actors:
        if not a.general:
            for key in _claims(a):
                owners[key].add(a.name)

    def taken(key: str, name: str) -> bool:  # claimed by another actor of an event list
        return bool(owners.get(key, set()) - {name})

    kinds = {a.name: a.kind for a in actors if not a.general}
    out = []
    for a in actors:
        if not a.general:
            out.append(a)
            continue
        names = [_collapse(n).casefold() for n in (a.name, *a.aliases)]
        claimers = set().union(*(owners.get(k, set()) for k in names)) - {a.name}
        if len(claimers) == 1:
            # The event list names this actor its own way: its other names join that entry.
            (owner,) = claimers
            rest = [n for n, k in zip((a.name, *a.aliases), names, strict=True)
                    if not owners.get(k)]
            titles = [t for t in (*a.titles, *a.after_name) if not owners.get(_title_key(t))]
            out.append(Actor(owner, kinds[owner], tuple(rest), tuple(titles), (), a.source))
            continue
        if claimers:
            continue  # claimed by several event entries: leave it to them
        keep = [x for x in a.aliases if not taken(_collapse(x).casefold(), a.name)]
        titles = [t for t in a.titles if not taken(_title_key(t), a.name)]
        after = [t for t in a.after_name if not taken(_title_key(t), a.name)]
        if (len(keep), len(titles), len(after)) != (len(a.aliases), len(a.titles),
                                                     len(a.after_name)):
            a = Actor(a.name, a.kind, tuple(keep), tuple(titles), tuple(after), a.source,
                      a.gender, a.general)
        out.append(a)
    return out


def _listed(entry: dict[str, Any], key: str, *, file: Path, line: int | None) -> tuple[str, ...]:
    value = entry.get(key)
    if value is None:
        return ()
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str | int) for v in value):
        raise CorpusError(
            f"{key!r} of actor {entry.get('name')!r} must be a list of names, found {value!r}",
            file=file, line=line, field=key,
        )
    out = tuple(str(v).strip() for v in value)
    if any(not v for v in out):
        raise CorpusError(f"{key!r} of actor {entry.get('name')!r} has an empty entry",
                          file=file, line=line, field=key)
    return out


def _entry_lines(path: Path) -> list[int | None]:
    """Line numbers (1-based) of the entries under ``actors:``, for error messages."""
    try:
        node = yaml.compose(path.read_text(encoding="utf-8"), Loader=yaml.SafeLoader)
    except yaml.YAMLError:
        return []
    if not isinstance(node, yaml.MappingNode):
        return []
    for key, value in node.value:
        if key.value == "actors" and isinstance(value, yaml.SequenceNode):
            return [item.start_mark.line + 1 for item in value.value]
    return []


def read_actor_file(path: str | os.PathLike[str]) -> tuple[list[Actor], list[str] | None]:
    """Read one actor list: its actors, and the events it covers (None for all).

    Raises :class:`~analysis.loading.CorpusError` naming the file, line and field of a
    malformed entry.
    """
    path = Path(path)
    content = read_yaml(path)
    if not isinstance(content, dict) or not isinstance(content.get("actors"), list):
        raise CorpusError(
            "an actor list needs an 'actors:' key holding a list of actors "
            "(each with name and kind)",
            file=path, line=1, field="actors",
        )
    events = content.get("events")
    if events is None or events == "all" or events == ["all"]:
        covered = None
    elif isinstance(events, str):
        covered = [events]
    elif isinstance(events, list) and all(isinstance(e, str) for e in events):
        covered = list(events)
    else:
        raise CorpusError(f"'events' must be 'all' or a list of event ids, found {events!r}",
                          file=path, field="events")
    lines = _entry_lines(path)
    actors = []
    for i, entry in enumerate(content["actors"]):
        line = lines[i] if i < len(lines) else None
        if not isinstance(entry, dict):
            raise CorpusError(f"actor {i + 1} must be a mapping with name and kind, "
                              f"found {entry!r}", file=path, line=line)
        name = entry.get("name")
        if not isinstance(name, str) or not name.strip():
            raise CorpusError(f"actor {i + 1} needs a 'name' (text), found {name!r}",
                              file=path, line=line, field="name")
        kind = str(entry.get("kind", "")).strip().lower()
        kind = _KIND_SYNONYMS.get(kind, kind)
        if kind not in KINDS:
            raise CorpusError(
                f"actor {name!r} has kind {entry.get('kind')!r}; expected one of "
                f"{', '.join(KINDS)}",
                file=path, line=line, field="kind",
            )
        unknown = {str(k) for k in entry} - {"name", "kind", "aliases", "titles", "after_name",
                                             "gender", "note", "notes", "url", "wikidata"}
        if unknown:
            raise CorpusError(
                f"actor {name!r} has unknown field(s) {', '.join(sorted(unknown))}; "
                "expected name, kind, aliases, titles, after_name, gender, note",
                file=path, line=line, field=sorted(unknown)[0],
            )
        gender = entry.get("gender")
        if gender is not None:
            gender = str(gender).strip().lower()
            if gender not in GENDERS:
                raise CorpusError(
                    f"actor {name!r} has gender {entry.get('gender')!r}; expected one of "
                    f"{', '.join(GENDERS)} (or leave it out)",
                    file=path, line=line, field="gender",
                )
        actors.append(
            Actor(
                name=name.strip(),
                kind=kind,
                aliases=_listed(entry, "aliases", file=path, line=line),
                titles=_listed(entry, "titles", file=path, line=line),
                after_name=_listed(entry, "after_name", file=path, line=line),
                source=f"{path}, line {line}" if line else str(path),
                gender=gender,
                general=covered is None,
            )
        )
    return actors, covered


def _yaml_files(folder: Path) -> list[Path]:
    if not folder.is_dir():
        return []
    return sorted([*folder.glob("*.yml"), *folder.glob("*.yaml")])


def load_actors(
    path_or_paths: str | os.PathLike[str] | Iterable[str | os.PathLike[str]] | None = None,
    *,
    event: str | None = None,
) -> ActorList:
    """Load actor lists into one :class:`ActorList`.

    Parameters
    ----------
    path_or_paths : a YAML file, a folder of them, or several. None: the lists under
        ``data/actors/`` (files starting with ``_`` or ``.`` are skipped).
    event : with no path, keep only the lists whose ``events:`` key names this event, plus
        the general lists (no ``events:`` key, or ``events: all``). None keeps every list.

    Raises
    ------
    CorpusError
        Malformed YAML (file and line), an entry without name or with an unknown kind
        (file, line, field), or an alias claimed by two actors (both named).

    >>> actors = load_actors(event="2024-07-12-austin-belousov-call")
    >>> "Lloyd Austin" in actors, actors["Kremlin"].kind
    (True, 'organisation')
    >>> [Path(p).name for p in load_actors(event="some-other-event").sources]
    ['world.yml']
    """
    if path_or_paths is None:
        paths = resource_files("actors")
        filter_event = True
    else:
        items = (
            [path_or_paths] if isinstance(path_or_paths, str | os.PathLike) else list(path_or_paths)
        )
        paths = []
        for item in items:
            p = Path(item)
            if p.is_dir():
                paths += _yaml_files(p)
            else:
                paths.append(p)
        filter_event = False
    chosen = []
    for p in paths:
        key = file_key(p)
        found, covered = cached_by_file(p, read_actor_file)
        if filter_event and event is not None and covered is not None and event not in covered:
            continue
        chosen.append((key, str(p), found))
    keys = tuple(k for k, _p, _f in chosen)
    if all(keys) and keys in _LIST_CACHE:
        return _LIST_CACHE[keys]
    result = ActorList([a for _k, _p, found in chosen for a in found],
                       sources=[p for _k, p, _f in chosen])
    if all(keys):
        # Many events share the same files: build (and compile) each combination once.
        if len(_LIST_CACHE) > 64:
            _LIST_CACHE.clear()
        _LIST_CACHE[keys] = result
    return result


_LIST_CACHE: dict[tuple, ActorList] = {}


class DiscoveredActorsNotice(UserWarning):
    """An event has no actor list of its own: the kit proposes one (:func:`event_actors`)."""


def event_actors(corpus: pd.DataFrame, *, actors: ActorsOption = None,
                 min_mentions: int = 2) -> ActorList:
    """The actor list for the articles of an event, saying where it came from (``.origin``).

    * ``actors`` given (a list or YAML paths): that list.
    * Every event of ``corpus`` has its own list under ``data/actors/`` (a list whose
      ``events:`` names it): those lists with the general ones, as :func:`load_actors`.
    * Otherwise the people and organisations that :func:`discover_actors` finds in the
      articles of the events without a list (mentioned at least ``min_mentions`` times),
      merged with the general lists (``world.yml``); where both name the same actor, the
      discovered entry is the event's and wins (see :class:`ActorList`). A
      :class:`DiscoveredActorsNotice` says so and how to save the list to edit it
      (``python -m analysis discover PATH --save-actors data/actors/EVENT.yml``, or
      ``event_actors(corpus).to_yaml(event=...)``); a saved list is used from then on.

    >>> from analysis import from_texts
    >>> import warnings
    >>> corpus = from_texts({"A": "Mr. Trump met Ms. Pelosi. Nancy Pelosi said no.",
    ...                      "B": "President Donald Trump spoke. Trump left."}, event="new-event")
    >>> with warnings.catch_warnings():
    ...     warnings.simplefilter("ignore")
    ...     listed = event_actors(corpus)
    >>> [(a.name, a.gender) for a in listed if not a.general]
    [('Donald Trump', 'male'), ('Nancy Pelosi', 'female')]
    >>> listed.origin.startswith("candidates found by discover_actors")
    True
    """
    given = as_actor_list(actors)
    if given is not None:
        return given
    require_columns(corpus, ["article_id", "outlet", "text"], "event_actors")
    events = (sorted({str(e) for e in corpus["event"] if isinstance(e, str) or pd.notna(e)})
              if "event" in corpus.columns else [])
    files = [(p, *cached_by_file(p, read_actor_file)) for p in resource_files("actors")]
    covered = {e for _p, _a, cov in files if cov for e in cov}
    missing = [e for e in events if e not in covered] if events else [None]
    if not missing:
        if len(events) == 1:
            return load_actors(event=events[0])
        return load_actors([p for p, _a, cov in files if cov is None or set(cov) & set(events)])
    base = load_actors([p for p, _a, cov in files if cov is None or set(cov) & set(events)])
    rows = corpus if missing == [None] else corpus[corpus["event"].astype(str).isin(missing)]
    table = discover_actors(rows, actors=base, min_mentions=min_mentions)
    table = table[table["kind_guess"].isin(["person", "organisation"])]
    label = ", ".join(repr(e) for e in missing if e) or "these articles"
    found = [Actor(e["name"], e["kind"], tuple(e.get("aliases", ())), tuple(e.get("titles", ())),
                   (), f"discover_actors on {label}", e.get("gender"))
             for e in discovered_entries(table, actors=base)]
    save_as = f"data/actors/{missing[0]}.yml" if len(missing) == 1 and missing[0] else \
        "data/actors/EVENT.yml"
    note = (f"candidates found by discover_actors in the articles of {label} "
            f"({len(found)} people and organisations), with "
            f"{', '.join(Path(p).name for p in base.sources) or 'no general list'}: no actor "
            f"list names this event. Check them, then save an editable list with "
            f"'python -m analysis discover PATH --save-actors {save_as}'")
    result = ActorList([*base, *found], sources=[*base.sources, "discover_actors"], origin=note)
    warnings.warn(f"Using {note}", DiscoveredActorsNotice, stacklevel=_user_stacklevel())
    return result


# --- matching ---------------------------------------------------------------------------


def _atoms(phrase: str, *, fold_lower_words: bool) -> list[str]:
    """Regex pieces for a phrase: one per character, white space as ``\\s+``."""
    atoms: list[str] = []
    for i, word in enumerate(_shadow(phrase).split()):
        if i:
            atoms.append(r"\s+")
        fold = fold_lower_words and any(c.islower() for c in word)
        for ch in word:
            if (fold and ch.isalpha() and ch.lower() != ch.upper()
                    and len(ch.upper()) == len(ch.lower()) == 1):
                atoms.append(f"[{re.escape(ch.upper())}{re.escape(ch.lower())}]")
            else:
                atoms.append(re.escape(ch))
    return atoms


_SUFFIX = r"(?P<poss>'s|(?<=s)')?(?!\w)"
_MERGE_GAP = re.compile(r"\s*,?\s*(?:(?:the|a|an)\s+)?", re.IGNORECASE)


def _trie_regex(atoms: list[list[str]]) -> re.Pattern[str] | None:
    """Any of the phrases (as :func:`_atoms`) as a whole word, possibly possessive."""
    if not atoms:
        return None
    return re.compile(trie_lookahead(atoms) + r"(?<!\w)(?:" + trie_pattern(atoms) + ")"
                      + _SUFFIX)


class _Matcher:
    """The compiled regular expressions and lookup tables of one actor list."""

    def __init__(self, actors: Sequence[Actor]) -> None:
        self.actors = list(actors)
        self.names: dict[str, tuple[int, str]] = {}
        self.short: dict[str, list[int]] = defaultdict(list)
        self.titles: dict[str, tuple[int, bool]] = {}
        for i, a in enumerate(self.actors):
            self.names[_collapse(a.name)] = (i, "name")
            for alias in a.aliases:
                self.names.setdefault(_collapse(alias), (i, "alias"))
            for t in a.titles:
                self.titles[_title_key(t)] = (i, False)
            for t in a.after_name:
                self.titles[_title_key(t)] = (i, True)
        for i, a in enumerate(self.actors):
            if a.kind != "person":
                continue
            for full in (a.name, *a.aliases):
                parts = _collapse(full).split()
                last = parts[-1] if len(parts) > 1 else None
                if (last and len(last) > 1 and last[0].isupper() and last not in self.names
                        and i not in self.short[last]):
                    self.short[last].append(i)
        name_atoms = [_atoms(n, fold_lower_words=False) for n in (*self.names, *self.short)]
        title_atoms = [_atoms(t, fold_lower_words=True) for t in self.titles_original()]
        self.name_re = _trie_regex(name_atoms)
        self.title_re = _trie_regex(title_atoms)

    def titles_original(self) -> list[str]:
        return [t for a in self.actors for t in (*a.titles, *a.after_name)]

    def raw(self, shadow: str) -> list[tuple[int, int, int | None, str, bool, list[int]]]:
        """Raw hits ``(start, end, actor, form, possessive, candidates)``."""
        hits = []
        if self.name_re is not None:
            for m in self.name_re.finditer(shadow):
                poss = m.group("poss") is not None
                key = " ".join(shadow[m.start(): m.start("poss") if poss else m.end()].split())
                if key in self.names:
                    i, form = self.names[key]
                    hits.append((m.start(), m.end(), i, form, poss, [i]))
                else:
                    hits.append((m.start(), m.end(), None, "short", poss, self.short[key]))
        if self.title_re is not None:
            for m in self.title_re.finditer(shadow):
                poss = m.group("poss") is not None
                key = " ".join(shadow[m.start(): m.start("poss") if poss else m.end()].split())
                entry = self.titles.get(key.casefold())
                if entry is None:  # a case variant the lookup does not know: skip it
                    continue
                i, conditional = entry
                hits.append((m.start(), m.end(), i, "after" if conditional else "title", poss, [i]))
        return hits


def find_mentions(text: str, actors: ActorList) -> list[Mention]:
    """Every mention of a listed actor in ``text``, in text order, with character spans.

    Parameters
    ----------
    text : any text.
    actors : an :class:`ActorList` (see :func:`load_actors`).

    Returns
    -------
    list of Mention
        ``text[m.start:m.end] == m.surface``. Mentions of one actor never overlap; a
        mention of another actor may sit inside a title ("Kremlin" in "Kremlin spokesman
        Dmitry Peskov").

    >>> actors = load_actors(event="2024-07-12-austin-belousov-call")
    >>> text = "US Defense Secretary Lloyd J. Austin called. Putin's spokesman said Austin lied."
    >>> [(m.actor, m.surface, m.form) for m in find_mentions(text, actors)]
    ... # doctest: +NORMALIZE_WHITESPACE
    [('Lloyd Austin', 'US Defense Secretary Lloyd J. Austin', 'title+name'),
     ('United States', 'US', 'alias'),
     ('Dmitry Peskov', "Putin's spokesman", 'title'),
     ('Vladimir Putin', "Putin's", 'short'),
     ('Lloyd Austin', 'Austin', 'short')]

    Here "Putin's" counts because "Putin's spokesman" is an actor's title and the kit
    reads names inside titles; a bare "Putin" would need "Vladimir Putin" (or one of his
    titles) in the same text.
    """
    if not text or not len(actors):
        return []
    matcher = actors._matcher
    shadow = _shadow(text)
    raw = matcher.raw(shadow)
    # Who is named in full (name, alias or title) somewhere in the text?
    full_at: dict[int, list[int]] = defaultdict(list)
    for s, _e, i, form, _p, _c in raw:
        if i is not None and form in ("name", "alias", "title"):
            full_at[i].append(s)
    # A surname right after a generic title or honorific ("Mr. Trump", "President Obama")
    # names the person too: its gender (or "" when the title has none), by start.
    titled: dict[int, str] = {}
    if any(form == "short" for _s, _e, _i, form, _p, _c in raw):
        honorifics, roles = _TITLE_WORDS.get()
        for s, _e, _i, form, _p, candidates in raw:
            if form != "short" or shadow[s - 1:s] not in (" ", "\t"):
                continue
            word = _title_before(shadow, s, honorifics, roles)
            if word is None:
                continue
            titled[s] = _HONORIFIC_GENDER.get(word.rstrip(".").lower(), "")
            fits = _fitting(candidates, titled[s], matcher.actors)
            if len(fits) == 1:
                full_at[fits[0]].append(s)
    for starts in full_at.values():
        starts.sort()
    titles_end = {(e, i) for s, e, i, form, _p, _c in raw if form == "title"}
    # Title spans by start, with the furthest end reached so far: a lookup per surname
    # instead of a scan of every hit (which was quadratic in the mentions of one text).
    title_spans = sorted((s, e) for s, e, _i, form, _p, _c in raw if form in ("title", "after"))
    title_starts = [s for s, _e in title_spans]
    title_reach = list(itertools.accumulate((e for _s, e in title_spans), max))
    hits: list[tuple[int, int, int, str, bool]] = []
    for s, e, i, form, poss, candidates in raw:
        if form == "after":
            if i in full_at:
                hits.append((s, e, i, "title", poss))
            continue
        if form != "short":
            hits.append((s, e, i, form, poss))
            continue
        chosen = _resolve_short(s, shadow, candidates, full_at, titles_end, matcher.actors,
                                titled)
        if chosen is None and candidates and _inside_title(s, e, title_starts, title_reach):
            # A surname inside a listed title ("Putin's spokesman") names that person.
            chosen = candidates[0] if len(candidates) == 1 else None
        if chosen is not None:
            hits.append((s, e, chosen, "short", poss))
    return _merge(text, shadow, hits, matcher.actors)


def _inside_title(s: int, e: int, title_starts: list[int], title_reach: list[int]) -> bool:
    """Whether a title span (``ts <= s`` and ``e <= te``) contains ``s:e``."""
    k = bisect.bisect_right(title_starts, s)
    return k > 0 and title_reach[k - 1] >= e


def _fitting(candidates: list[int], gender: str, actors: Sequence[Actor]) -> list[int]:
    """The candidates a gendered honorific can name (all of them for "" or no gender)."""
    return [i for i in candidates
            if not (gender and actors[i].gender in GENDERS[:2] and actors[i].gender != gender)]


def _resolve_short(s, shadow, candidates, full_at, titles_end, actors, titled
                   ) -> int | None:
    # A title of the candidate right before the surname: "US Defense Secretary Austin".
    for i in candidates:
        for te in range(max(0, s - 3), s):
            if (te, i) in titles_end and not shadow[te:s].strip():
                return i
    named = [i for i in candidates if i in full_at]
    if len(named) == 1 and len(candidates) == 1:
        return named[0]
    # A generic title or honorific right before the surname: "Mr. Trump", "Sen. Warren",
    # "President Obama". A gendered honorific rules out a person of the other gender.
    gender = titled.get(s)
    if gender is not None:
        fits = _fitting(candidates, gender, actors)
        named = [i for i in named if i in fits]
        if not named and len(fits) == 1:
            return fits[0]
    if len(named) == 1:
        return named[0]
    if len(named) > 1:  # the person named in full most recently before (else soonest after)
        def distance(i: int) -> tuple[int, int]:
            k = bisect.bisect_left(full_at[i], s)  # full_at lists are sorted
            return (0, s - full_at[i][k - 1]) if k else (1, full_at[i][0] - s)
        return min(named, key=distance)
    return None


#: Gendered honorifics (lower case, no period): "Ms. Pelosi" is not a man.
_HONORIFIC_GENDER = {"mr": "male", "mrs": "female", "ms": "female", "miss": "female",
                     "mister": "male", "madam": "female"}
#: Abbreviated titles that come *after* a name or are not titles of a person ("St. Paul").
_NOT_HONORIFICS = frozenset({"sr", "jr", "st", "mt", "ft"})


def _honorifics() -> frozenset[str]:
    """Abbreviated titles ("mr", "sen", "gov") from ``wordlists/abbreviations.yml``."""
    return (load_wordlist("abbreviations", "titles") | set(_HONORIFIC_GENDER)) - _NOT_HONORIFICS


class _TitleWords:
    """``(honorifics, role nouns)`` for :func:`find_mentions`, read again when either file
    changes, like every resource; checked with two ``os.stat`` calls per text, not a
    search of the data folders (which cost a fifth of the matching time)."""

    def __init__(self) -> None:
        self.where: tuple | None = None
        self.paths: tuple[str, ...] = ()
        self.stamp: tuple | None = None
        self.value: tuple[frozenset[str], frozenset[str]] = (frozenset(), frozenset())

    def get(self) -> tuple[frozenset[str], frozenset[str]]:
        where = (os.environ.get("OUTLET_LENS_DATA"), os.getcwd())
        if where != self.where:  # the data folders may differ: find the files again
            self.paths = (str(find_resource("wordlists/abbreviations.yml")),
                          str(find_resource("lexicons/attribution_verbs.yml")))
            self.where, self.stamp = where, None
        try:
            stamp = tuple((st.st_mtime_ns, st.st_size) for st in map(os.stat, self.paths))
        except OSError:
            stamp = None
        if stamp is None or stamp != self.stamp:
            self.value = (_honorifics(), _role_nouns())
            self.stamp = stamp
        return self.value


_TITLE_WORDS = _TitleWords()


def title_before(text: str, start: int) -> str | None:
    """The generic title or honorific right before a name at ``start``, or None.

    Abbreviated titles come from ``wordlists/abbreviations.yml`` (``titles``), written with
    a capital, with or without a period ("Mr.", "Mr", "Sen."); role nouns from the
    ``role_nouns`` of ``lexicons/attribution_verbs.yml`` ("President", "Senator",
    "Speaker"), in any case, optionally with "-elect". A role noun that ends a sentence
    ("... the president. Trump") is not a title.

    >>> title_before("said Sen. Warren", 10), title_before("the president. Trump", 16)
    ('Sen.', None)
    """
    return _title_before(_shadow(text), start, _honorifics(), _role_nouns())


def _title_before(shadow: str, s: int, honorifics: frozenset[str], roles: frozenset[str]
                  ) -> str | None:
    j = s
    while j > 0 and shadow[j - 1] in " \t":
        j -= 1
    k = j
    while k > 0 and not shadow[k - 1].isspace() and j - k < 24:
        k -= 1
    word = shadow[k:j].lstrip("\"'([")
    if not word:
        return None
    bare = word[:-1] if word.endswith(".") else word
    low = bare.lower()
    if low in honorifics and bare[:1].isupper() and "." not in bare:
        return word
    if word == bare:  # a role noun, not one that ends a sentence
        if low.endswith("-elect"):
            low = low[:-6]
        if low in roles:
            return word
    return None


def _merge(text: str, shadow: str, hits, actors: Sequence[Actor]) -> list[Mention]:
    """Drop same-actor overlaps (keep the longest) and join title + name into one mention."""
    hits = sorted(hits, key=lambda h: (h[0], -(h[1] - h[0])))
    by_actor: dict[int, list[list]] = defaultdict(list)
    for s, e, i, form, poss in hits:
        group = by_actor[i]
        if group and s < group[-1][1]:  # overlaps the previous mention of the same actor
            prev = group[-1]
            if prev[3] == "title" or form == "title":
                prev[1] = max(prev[1], e)
                prev[3] = "title+name" if form != prev[3] else prev[3]
                prev[4] = poss if e >= prev[1] else prev[4]
                prev[5].append((form, s, e))
            continue
        if group:
            prev = group[-1]
            kinds = {prev[3], form}
            gap = _MERGE_GAP.fullmatch(shadow, prev[1], s)
            if gap and "title" in kinds and kinds != {"title"} and not prev[4]:
                prev[1], prev[3], prev[4] = e, "title+name", poss
                prev[5].append((form, s, e))
                continue
        group.append([s, e, i, form, poss, [(form, s, e)]])
    out = []
    for i, group in by_actor.items():
        a = actors[i]
        for s, e, _i, form, poss, parts in group:
            out.append(Mention(a.name, a.kind, text[s:e], s, e, form, poss, tuple(parts)))
    out.sort(key=lambda m: (m.start, -m.end, m.actor))
    return out


# --- corpus level -----------------------------------------------------------------------


class UnmentionedActorWarning(UserWarning):
    """A person or organisation of an event's actor list is never mentioned in the articles."""


ActorsOption = Any  # an ActorList, a YAML path or several, or None


def as_actor_list(actors: ActorsOption) -> ActorList | None:
    """``actors`` as an :class:`ActorList`: a list as it is, a path (or several) loaded with
    :func:`load_actors`, None kept (each article then uses its event's lists).

    >>> as_actor_list(None) is None, len(as_actor_list(ActorList([Actor("NATO", "organisation")])))
    (True, 1)
    """
    if actors is None or isinstance(actors, ActorList):
        return actors
    if isinstance(actors, str | os.PathLike) or (
            isinstance(actors, list | tuple) and all(isinstance(a, str | os.PathLike)
                                                     for a in actors)):
        return load_actors(actors)
    if isinstance(actors, list | tuple) and all(isinstance(a, Actor) for a in actors):
        return ActorList(actors)
    raise TypeError(f"actors must be an ActorList, a YAML path or a list of paths, "
                    f"found {type(actors).__name__}")


def _actors_keyword(func: Callable[..., pd.DataFrame]) -> Callable[..., pd.DataFrame]:
    """Keep ``func(corpus, actors)`` working for one release, with a FutureWarning."""

    @functools.wraps(func)
    def wrapper(data: pd.DataFrame, *args: Any, **kwargs: Any) -> pd.DataFrame:
        if args:
            if len(args) > 1 or "actors" in kwargs:
                raise TypeError(f"{func.__name__}() takes the table, then keyword options "
                                "(actors=...)")
            warnings.warn(
                f"{func.__name__}(corpus, actors): pass the list as the keyword actors=...; "
                "a positional actor list will stop working in the next release",
                FutureWarning, stacklevel=2,
            )
            kwargs["actors"] = args[0]
        return func(data, **kwargs)

    return wrapper


def actors_per_row(
    corpus: pd.DataFrame, actors: ActorsOption
) -> Iterator[tuple[Any, ActorList]]:
    """Yield ``(row position, actor list)`` for each row of ``corpus``: ``actors`` when
    given (a list or YAML paths), else the lists for the row's event (:func:`load_actors`
    with ``event=``, read once per event)."""
    actors = as_actor_list(actors)
    cache: dict[Any, ActorList] = {}
    events = corpus["event"] if "event" in corpus.columns else [None] * len(corpus)
    for pos, event in enumerate(events):
        if actors is not None:
            yield pos, actors
            continue
        key = None if event is None or pd.isna(event) else str(event)
        if key not in cache:
            cache[key] = load_actors(event=key)
        yield pos, cache[key]


@dataclass
class _Article:
    article_id: Any
    outlet: Any
    text: str
    title: str
    mentions: list[Mention]
    sentences: list[tuple[int, int]]
    actors: ActorList

    @functools.cached_property
    def _sentence_starts(self) -> list[int]:  # once per article, not once per mention
        return [s for s, _ in self.sentences]

    def sentence_of(self, offset: int) -> int:
        return max(0, bisect.bisect_right(self._sentence_starts, offset) - 1)


def _articles(corpus: pd.DataFrame, actors: ActorsOption, what: str) -> Iterator[_Article]:
    require_columns(corpus, ["article_id", "outlet", "text"], what)
    titles = corpus["title"] if "title" in corpus.columns else [""] * len(corpus)
    rows = zip(corpus["article_id"], corpus["outlet"], corpus["text"], titles, strict=True)
    seen: dict[int, tuple[ActorList, set[str], list[str]]] = {}  # per list: names, headlines
    for (article_id, outlet, text, title), (_pos, alist) in zip(
        rows, actors_per_row(corpus, actors), strict=True
    ):
        text = text if isinstance(text, str) else ""
        title = title if isinstance(title, str) else ""
        art = _Article(article_id, outlet, text, title, find_mentions(text, alist),
                       sentence_spans(text), alist)
        _, named, headlines = seen.setdefault(id(alist), (alist, set(), []))
        named.update(m.actor for m in art.mentions)
        headlines.append(title)
        yield art
    for alist, named, headlines in seen.values():
        warn_unmentioned(alist, named, headlines)


def warn_unmentioned(actors: ActorList, named: set[str], headlines: Sequence[str] = (),
                     *, limit: int = 10) -> list[str]:
    """Warn about each person or organisation of an event list (not a general list such as
    ``world.yml``) that no text in ``named`` (the actors found) or headline mentions.

    One :class:`UnmentionedActorWarning` per actor (at most ``limit``, then one for the
    rest), naming the actor and its list file. Returns the names.

    >>> import warnings
    >>> listed = ActorList([Actor("Kamala Harris", "person", source="my.yml, line 3")])
    >>> with warnings.catch_warnings(record=True) as caught:
    ...     warnings.simplefilter("always")
    ...     warn_unmentioned(listed, set(), ["Biden speaks"])
    ['Kamala Harris']
    >>> print(caught[0].message)  # doctest: +ELLIPSIS
    'Kamala Harris' (person, my.yml, line 3) is not mentioned in any of the 1 article(s): ...
    """
    missing = [a for a in actors if not a.general and a.kind in ("person", "organisation")
               and a.name not in named]
    if missing and any(headlines):
        for title in headlines:
            if title:
                named = named | {m.actor for m in find_mentions(title, actors)}
        missing = [a for a in missing if a.name not in named]
    n = len(headlines)
    level = _user_stacklevel()
    for a in missing[:limit]:
        warnings.warn(
            f"{a.name!r} ({a.kind}, {a.source or 'no file'}) is not mentioned in any of the "
            f"{n} article(s): check its name, aliases and titles, or leave it out of the list",
            UnmentionedActorWarning, stacklevel=level,
        )
    if len(missing) > limit:
        rest = missing[limit:]
        warnings.warn(
            f"{len(rest)} more listed actors are not mentioned in any of the {n} article(s), "
            f"such as {rest[0].name!r} ({rest[0].source or 'no file'})",
            UnmentionedActorWarning, stacklevel=level,
        )
    return [a.name for a in missing]


def _user_stacklevel() -> int:
    """The ``stacklevel`` of the first caller outside the kit (for warnings' locations)."""
    package = os.path.dirname(os.path.abspath(sys.modules[__name__.split(".")[0]].__file__))
    frame, level = sys._getframe(1), 1
    while frame is not None and os.path.abspath(frame.f_code.co_filename).startswith(package):
        frame, level = frame.f_back, level + 1
    return level


@_actors_keyword
def mention_table(corpus: pd.DataFrame, *, actors: ActorsOption = None) -> pd.DataFrame:
    """One row per mention: ``article_id, outlet, actor, kind, surface, start, end,
    sentence_index, form, possessive``.

    ``start``/``end`` index the article's ``text``. With ``actors=None`` each article uses
    the lists under ``data/actors/`` that match its ``event``.

    >>> from analysis import load_corpus
    >>> table = mention_table(load_corpus(SEED_EVENT))
    >>> table[table["actor"] == "Dmitry Peskov"][["outlet", "surface", "sentence_index"]].head(3)
       outlet                          surface  sentence_index
    50   n-tv                Putin's spokesman              22
    53   n-tv  Kremlin spokesman Dmitry Peskov              24
    60   n-tv                           Peskov              25
    """
    rows = []
    for art in _articles(corpus, actors, "mention_table"):
        for m in art.mentions:
            rows.append((art.article_id, art.outlet, m.actor, m.kind, m.surface, m.start,
                         m.end, art.sentence_of(m.start), m.form, m.possessive))
    return pd.DataFrame(rows, columns=MENTION_COLUMNS).astype(
        {"start": "int64", "end": "int64", "sentence_index": "int64", "possessive": "bool"}
    )


def _headline_actors(art: _Article) -> set[str]:
    """Actors named in the headline; a surname there resolves by the names in the body."""
    if not art.title or not len(art.actors):
        return set()
    raw = art.actors._matcher.raw(_shadow(art.title))
    if not any(form in ("short", "after") for _s, _e, _i, form, _p, _c in raw):
        return {m.actor for m in find_mentions(art.title, art.actors)}
    combined = art.title + "\n\n" + art.text
    return {m.actor for m in find_mentions(combined, art.actors) if m.end <= len(art.title)}


def _article_counts(art: _Article) -> list[tuple]:
    n_words = count_words(art.text)
    n_sent = len(art.sentences)
    headline = _headline_actors(art)
    by_actor: dict[str, list[Mention]] = defaultdict(list)
    for m in art.mentions:
        by_actor[m.actor].append(m)
    rows = []
    for name in [*by_actor, *sorted(headline - set(by_actor))]:
        ms = by_actor.get(name, [])
        kind = art.actors[name].kind
        if ms:
            first = ms[0]
            sents = {art.sentence_of(m.start) for m in ms}
            rows.append((art.article_id, art.outlet, name, kind, len(ms),
                         1000 * len(ms) / n_words if n_words else float("nan"),
                         name in headline, art.sentence_of(first.start),
                         first.start / len(art.text), len(sents) / n_sent if n_sent else 0.0))
        else:
            rows.append((art.article_id, art.outlet, name, kind, 0, 0.0, True, pd.NA,
                         float("nan"), 0.0))
    return rows


@_actors_keyword
def count_actors(corpus: pd.DataFrame, *, actors: ActorsOption = None) -> pd.DataFrame:
    """One row per article and actor mentioned in its text or headline.

    Columns: ``article_id, outlet, actor, kind, n_mentions, per_1000_words`` (mentions per
    1,000 words of the text), ``in_headline`` (the ``title`` column names the actor),
    ``first_sentence`` (index of the sentence with the first mention), ``first_position``
    (start of the first mention / text length, 0 = the very start), ``sentence_share``
    (share of the article's sentences that mention the actor). An article that names no
    listed actor has no rows. The evidence is :func:`mention_table`.

    >>> from analysis import load_corpus
    >>> counts = count_actors(load_corpus(SEED_EVENT))
    >>> counts[counts["actor"] == "Dmitry Peskov"][["outlet", "n_mentions", "in_headline",
    ...                                            "first_sentence"]]
             outlet  n_mentions  in_headline  first_sentence
    21         n-tv           4        False              22
    38  Shafaq News           3        False               9
    """
    rows = [row for art in _articles(corpus, actors, "count_actors")
            for row in _article_counts(art)]
    return pd.DataFrame(rows, columns=COUNT_COLUMNS).astype(
        {"n_mentions": "int64", "in_headline": "bool", "first_sentence": "Int64",
         "first_position": "float64", "per_1000_words": "float64", "sentence_share": "float64"}
    )


@_actors_keyword
def actors_by_outlet(corpus: pd.DataFrame, *, actors: ActorsOption = None) -> pd.DataFrame:
    """The outlet-level view of :func:`count_actors`: one row per outlet and actor.

    Columns: ``outlet, actor, kind, n_articles`` (the outlet's articles),
    ``articles_mentioning``, ``article_share``, ``n_mentions``, ``per_1000_words`` (over
    all the outlet's words), ``headline_share`` (share of the outlet's articles with the
    actor in the headline), ``mean_first_position`` and ``mean_sentence_share`` (over the
    articles that mention the actor). Sorted by outlet, then mentions.

    >>> from analysis import load_corpus
    >>> view = actors_by_outlet(load_corpus(SEED_EVENT))
    >>> view[view["actor"] == "Lloyd Austin"][["outlet", "n_mentions", "headline_share"]]
             outlet  n_mentions  headline_share
    5   Shafaq News           3             1.0
    25         n-tv           3             0.0
    """
    require_columns(corpus, ["article_id", "outlet", "text"], "actors_by_outlet")
    counts = count_actors(corpus, actors=actors)
    words = pd.DataFrame({
        "outlet": corpus["outlet"].to_numpy(),
        "n_words": [count_words(t) if isinstance(t, str) else 0 for t in corpus["text"]],
    }).groupby("outlet").agg(n_articles=("n_words", "size"), words=("n_words", "sum"))
    if counts.empty:
        return pd.DataFrame(columns=OUTLET_COLUMNS)
    mentioned = counts[counts["n_mentions"] > 0]
    g = counts.groupby(["outlet", "actor", "kind"], sort=False)
    out = g.agg(n_mentions=("n_mentions", "sum"),
                headlines=("in_headline", "sum")).reset_index()
    gm = mentioned.groupby(["outlet", "actor"], sort=False).agg(
        articles_mentioning=("article_id", "nunique"),
        mean_first_position=("first_position", "mean"),
        mean_sentence_share=("sentence_share", "mean"),
    )
    out = out.join(gm, on=["outlet", "actor"]).join(words, on="outlet")
    out["articles_mentioning"] = out["articles_mentioning"].fillna(0).astype("int64")
    out = out.assign(
        article_share=out["articles_mentioning"] / out["n_articles"],
        per_1000_words=1000 * out["n_mentions"] / out["words"].where(out["words"] > 0),
        headline_share=out["headlines"] / out["n_articles"],
    )
    out = out.sort_values(["outlet", "n_mentions", "actor"], ascending=[True, False, True],
                          kind="stable")
    return out[OUTLET_COLUMNS].reset_index(drop=True)


# --- labels: how each actor is named ----------------------------------------------------


def _read_lexicon(path: Path) -> dict[str, Any]:
    content = read_yaml(path)
    if not isinstance(content, dict):
        raise CorpusError("expected a mapping with 'groups:'", file=path)
    return content


def _lexicon_part(parse: Any) -> Any:
    """``parse`` applied to the attribution-verb lexicon, cached until the file changes."""
    return cached_by_file(find_resource("lexicons/attribution_verbs.yml"), parse)


def _lexicon() -> dict[str, Any]:
    return _lexicon_part(_read_lexicon)


def _read_role_nouns(path: Path) -> frozenset[str]:
    return frozenset(str(w).lower() for w in _read_lexicon(path).get("role_nouns", []) or [])


def _role_nouns() -> frozenset[str]:
    return _lexicon_part(_read_role_nouns)


_WORD = re.compile(r"[\w][\w.'-]*")
_PREMOD_RUN = re.compile(r"((?:[\w][\w.'-]*[ \t]+){1,4})$")
_APPOSITION_BEFORE = re.compile(
    r"(?:^|(?<=[.;:!?,])[ \t]+)((?:[Tt]he|[Aa]n?|[A-Z][\w'-]*'s)[ \t]+"
    r"[^,.;:!?\"\n]{1,60}?),[ \t]+$",
    re.MULTILINE,
)
_APPOSITION_AFTER = re.compile(r",[ \t]+((?:the|a|an)[ \t]+[^,.;:!?\"\n]{1,60}?)(?=,)",
                               re.IGNORECASE)
_POSSESSED = re.compile(r"[ \t]+([\w-]+)(?:[ \t]+([\w-]+))?")


def _premodifier(shadow: str, start: int, sentence_start: int) -> tuple[int, int] | None:
    """Capitalised words or role nouns right before a name ("US counterpart", "Senate")."""
    m = _PREMOD_RUN.search(shadow, max(sentence_start, start - 80), start)
    if not m:
        return None
    words = list(_WORD.finditer(shadow, m.start(1), m.end(1)))
    stop = stopwords()
    roles = _role_nouns()
    honorifics = _honorifics()
    kept = []
    for w in reversed(words):
        word = w.group()
        honorific = word.rstrip(".").lower() in honorifics and word[:1].isupper()
        if word.lower() in stop and not (word.isupper() and len(word) == 2):  # "US", "us"
            break
        if word.endswith(".") and "." not in word[:-1] and not honorific:  # a sentence's end
            break
        if not (word[:1].isupper() or word.lower() in roles) or _CALENDAR.fullmatch(word):
            break
        kept.append(w)
    if not kept:
        return None
    kept.reverse()
    first = kept[0].group()
    if kept[0].start() == sentence_start and len(kept) == 1 \
            and first.lower() not in roles and first.rstrip(".").lower() not in honorifics:
        return None  # a capitalised first word of a sentence ("Get", "Only")
    return kept[0].start(), kept[-1].end()


def _possessed(shadow: str, end: int) -> tuple[int, int] | None:
    """What follows a possessive: one or two words, after any numbers ("Trump's two elder
    sons": "elder sons"); a second word that looks like a verb or adverb ("policies
    worsened", "comment last") or follows a plural ("supporters said") is left out."""
    m = _POSSESSED.match(shadow, end)
    while m and _QUANTITY.fullmatch(m.group(1)):
        m = _POSSESSED.match(shadow, m.end(1))
    if not m:
        return None
    stop = stopwords()
    first, second = m.group(1), m.group(2)
    if first.lower() in stop or _QUANTITY.fullmatch(first):
        return None
    if (second is None or second.lower() in stop or first.lower() in _role_nouns()
            or _QUANTITY.fullmatch(second) or _VERB_LIKE.search(second)
            or (first.endswith("s") and first.islower() and not first.endswith("ss"))):
        return m.start(1), m.end(1)
    return m.start(1), m.end(2)


#: Numbers and quantity words, which say how many, not what ("two", "2014", "first").
_QUANTITY = re.compile(
    r"(?i:\d[\d,.]*s?|\d+(?:st|nd|rd|th)|one|two|three|four|five|six|seven|eight|nine|ten"
    r"|dozen|hundreds?|thousands?|millions?|first|second|third|last|next|latest|former|many"
    r"|several|few|own|other|both)"
)
_VERB_LIKE = re.compile(r"(?:ed|ly)$|^(?:is|was|has|had|will|would|last|this|that)$")


def _names_other(art: _Article, m: Mention, app: re.Match[str]) -> bool:
    """Does the apposition name another actor? Then it is more likely a list
    ("Germany, the United States, ...") than a description."""
    s, e = app.span(1)
    return any(o.actor != m.actor and o.start < e and s < o.end for o in art.mentions)


def _labels(art: _Article) -> list[tuple]:
    shadow = _shadow(art.text)
    rows = []

    def add(m: Mention, label_type: str, s: int, e: int) -> None:
        label = " ".join(art.text[s:e].split())
        rows.append((art.article_id, art.outlet, m.actor, m.kind, label_type, label, s, e,
                     art.sentence_of(s)))

    for m in art.mentions:
        parts = m.parts or ((m.form, m.start, m.end),)
        for form, s, e in parts:
            e_name = e - 2 if shadow[e - 2:e] == "'s" else e - 1 if shadow[e - 1:e] == "'" else e
            add(m, "title" if form == "title" else "name", s, e_name)
        if parts[0][0] != "title":
            pre = _premodifier(shadow, m.start, art.sentences[art.sentence_of(m.start)][0]
                               if art.sentences else 0)
            if pre:
                add(m, "premodifier", *pre)
        if parts[-1][0] != "title":
            app = _APPOSITION_AFTER.match(shadow, m.end)
            if app and len(app.group(1).split()) <= 8 and not _names_other(art, m, app):
                add(m, "apposition", app.start(1), app.end(1))
        if parts[0][0] != "title" and shadow[m.end:m.end + 1] == ",":
            # "The Kremlin's top diplomat, Sergei Lavrov, said"
            app = _APPOSITION_BEFORE.search(shadow, max(0, m.start - 90), m.start)
            if app and len(app.group(1).split()) <= 8 and not _names_other(art, m, app):
                add(m, "apposition", app.start(1), app.end(1))
        if m.possessive:
            pos = _possessed(shadow, m.end)
            if pos:
                add(m, "possessive", *pos)
    return rows


@_actors_keyword
def label_table(corpus: pd.DataFrame, *, actors: ActorsOption = None) -> pd.DataFrame:
    """The words each outlet uses to name or describe each actor, one row per label.

    Columns: ``article_id, outlet, actor, kind, label_type, label, start, end,
    sentence_index``. ``label_type`` is

    * ``name``: the name as written ("Lloyd J. Austin", "Austin");
    * ``title``: a listed title ("Kremlin spokesman", "Putin's spokesman");
    * ``premodifier``: words right before the name that are capitalised or end in a role
      noun ("Secretary" Austin, "US counterpart" Lloyd Austin);
    * ``apposition``: ", the/a ..." right after the name;
    * ``possessive``: what the actor is said to have ("Russia's *ongoing war*").

    Heuristic: read the labels, they are found by patterns, not parsed.
    ``labels.groupby(["actor", "label_type", "label", "outlet"]).size().unstack()`` puts
    the outlets side by side.

    >>> from analysis import load_corpus
    >>> labels = label_table(load_corpus(SEED_EVENT))
    >>> sorted(set(labels[(labels["actor"] == "Dmitry Peskov")
    ...                   & (labels["label_type"] == "title")]["label"]))
    ['Kremlin spokesman', "Putin's spokesman"]
    """
    rows = [row for art in _articles(corpus, actors, "label_table") for row in _labels(art)]
    return pd.DataFrame(rows, columns=LABEL_COLUMNS).astype(
        {"start": "int64", "end": "int64", "sentence_index": "int64"}
    )


@_actors_keyword
def naming_table(
    data: pd.DataFrame,
    *,
    actors: ActorsOption = None,
    label_types: Sequence[str] = ("title", "premodifier", "apposition", "name"),
) -> pd.DataFrame:
    """The naming side by side: one row per actor and label, one count column per outlet.

    ``data`` is a :func:`label_table` or a corpus (labels are found first). Columns:
    ``actor, label_type, label``, then one column per outlet (how often it uses the label)
    and ``n_outlets`` (how many outlets use it). Only ``label_types`` are kept (possessive
    labels describe what the actor has, not what it is called). Unlike the other tables
    this one is wide, for reading.

    >>> from analysis import load_corpus
    >>> table = naming_table(load_corpus(SEED_EVENT))
    >>> table[table["actor"] == "Andrey Belousov"].drop(columns="actor")
      label_type                        label  Shafaq News  n-tv  n_outlets
    0      title     Russian Defense Minister            0     1          1
    1      title  Russian Minister of Defense            1     0          1
    2       name              Andrey Belousov            1     2          2
    3       name                     Belousov            0     1          1
    """
    if "label_type" in data.columns:
        require_columns(data, ["outlet", "actor", "label_type", "label"], "naming_table")
        labels = data
    else:
        labels = label_table(data, actors=actors)
    labels = labels[labels["label_type"].isin(label_types)]
    if labels.empty:
        return pd.DataFrame(columns=["actor", "label_type", "label", "n_outlets"])
    wide = (labels.groupby(["actor", "label_type", "label", "outlet"]).size()
            .unstack("outlet", fill_value=0))
    outlets = list(wide.columns)
    wide = wide.reset_index()
    wide.columns.name = None
    wide["n_outlets"] = (wide[outlets] > 0).sum(axis=1)
    order = {t: i for i, t in enumerate(label_types)}
    wide = wide.assign(_type=wide["label_type"].map(order), _n=-wide[outlets].sum(axis=1))
    wide = wide.sort_values(["actor", "_type", "_n", "label"], kind="stable")
    return wide.drop(columns=["_type", "_n"]).reset_index(drop=True)


# --- discovery --------------------------------------------------------------------------

_NAME_WORD = r"(?:[A-Z]\.(?:[A-Z]\.)+|[A-Z][\w'-]*[\w]|[A-Z]\.|[A-Z])"
_CONNECTOR = r"(?:(?:of|for)(?:[ \t]+the)?|de|del|la|von|van|der|al|bin)"
_CALENDAR = re.compile(
    r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|January|February|March|April|May|June|July"
    r"|August|September|October|November|December"
)
_DEMONYM_ENDINGS = ("ian", "ean", "ese", "ish", "ic", "an")
_SPLIT_POSSESSIVE = re.compile(r"(?<='s)[ \t]+|(?<=s')[ \t]+")
_CAP_PHRASE = re.compile(
    rf"(?<![\w.]){_NAME_WORD}(?:[ \t]+(?:{_CONNECTOR}[ \t]+)?{_NAME_WORD})*"
)


def _read_organisation_words(path: Path) -> frozenset[str]:
    content = _read_lexicon(path)
    return frozenset(str(w).lower() for w in content.get("organisation_words", []) or [])


def _organisation_words() -> frozenset[str]:
    return _lexicon_part(_read_organisation_words)


def _title_name_regex() -> re.Pattern[str]:
    return _compile_title_name(_honorifics(), _role_nouns())


@functools.lru_cache(maxsize=4)
def _compile_title_name(honorifics: frozenset[str], roles: frozenset[str]) -> re.Pattern[str]:
    """Title + name: "Kremlin spokesman Dmitry Peskov", "California Rep. Duncan Hunter"."""
    role = "|".join(re.escape(r).replace(r"\ ", r"[ \t]+")
                    for r in sorted(roles, key=len, reverse=True))
    abbr = "|".join(re.escape(h[:1].upper() + h[1:])
                    for h in sorted(honorifics, key=len, reverse=True))
    return re.compile(
        rf"(?<![\w'-])(?P<title>(?:{_NAME_WORD}[ \t]+){{0,4}}(?<![\w'-])"
        rf"(?:(?i:{role})(?:-elect)?|(?:{abbr})\.?)"
        rf"(?:[ \t]+(?:of|for)[ \t]+(?:the[ \t]+)?{_NAME_WORD}){{0,2}}[ \t]+)"
        rf"(?P<name>[A-Z][\w'-]+(?:[ \t]+(?:[A-Z]\.|[A-Z][\w'-]+)){{0,3}})"
    )


def _title_words() -> frozenset[str]:
    """Words that make a title, not a name: honorifics and role nouns ("Mr", "Rep", "Speaker")."""
    return _honorifics() | _role_nouns() | _TITLE_MODIFIERS


#: Words that go with a title ("former President", "Vice President", "acting Secretary").
_TITLE_MODIFIERS = frozenset({"former", "vice", "acting", "then", "late", "incoming",
                              "outgoing", "deputy", "assistant", "senior", "top"})
#: A dateline opening an article or paragraph: "WASHINGTON —", "ELK RIVER, Minn. —".
_DATELINE = re.compile(
    r"(?m)^[ \t]*(?P<place>[A-Z][A-Z.'-]+(?:[ \t]+[A-Z][A-Z.'-]+)*)"
    r"(?:,[ \t]+[A-Z][\w.]*(?:[ \t]+[A-Z][\w.]*)?)?[ \t]*(?:[-\u2013\u2014]|\(AP\)|\(Reuters\))"
)
_INITIALS = re.compile(r"[A-Z]\.?(?:[ \t]+[A-Z]\.?)*")
#: A capitalised word at a sentence's start that is probably not a name: "Stopping Trump".
_OPENER_FORM = re.compile(r"\w+(?:ing|ed|ly)")


def _is_title_only(form: str) -> bool:
    """"Mr", "California Rep", "House Speaker": the form ends in a title word."""
    words = form.split()
    return words[-1].rstrip(".").lower() in _title_words()


def generic_title(title: str) -> bool:
    """Whether a title names no one in particular: only honorifics, role nouns and their
    modifiers ("Mr.", "President", "former Vice President"), not "Kremlin spokesman".

    >>> generic_title("former Vice President"), generic_title("US Defense Secretary")
    (True, False)
    """
    words = [w.rstrip(".").lower() for w in title.split()]
    titles, stop = _title_words(), stopwords()
    return bool(words) and all(w in titles or w in stop for w in words)


def _name_phrases(shadow: str) -> Iterator[tuple[int, int]]:
    """Spans of capitalised phrases, split after a possessive ("Germany's | SPD")."""
    for m in _CAP_PHRASE.finditer(shadow):
        pos = m.start()
        for cut in _SPLIT_POSSESSIVE.finditer(shadow, m.start(), m.end()):
            yield pos, cut.start()
            pos = cut.end()
        yield pos, m.end()


def _strip_candidate(phrase: str, stop: frozenset[str]) -> str:
    words = phrase.split()
    while words and words[0].lower() in stop and not words[0].isupper():
        words = words[1:]
    while words and words[-1].lower() in stop and not words[-1].isupper():
        words = words[:-1]
    text = " ".join(words)
    return _POSSESSIVE.sub("", text)


def discover_actors(
    corpus: pd.DataFrame,
    *,
    actors: ActorsOption = None,
    min_mentions: int = 1,
) -> pd.DataFrame:
    """Propose candidate actors from the texts, for events nobody has listed yet.

    Finds capitalised name phrases ("Sergei Ryabkov", "Russian Defense Ministry") and
    title + name patterns ("Kremlin spokesman Dmitry Peskov", "California Rep. Duncan
    Hunter", "Mr. Trump"; the title goes to ``titles``), then groups forms that are
    probably the same actor: a single word that is the last word of one longer name
    ("Peskov"; of several, the one it shares clearly the most articles with), a longer form
    ending in a name ("Agent Peter Strzok"), and names with the same first and last word
    ("Lloyd J. Austin", "Lloyd Austin"). Not candidates: honorifics and titles alone ("Mr",
    "California Rep"), initials ("U."), datelines and words in capitals ("WASHINGTON",
    "MORE"), and a verb opening a sentence ("Stopping Trump": "Trump"). A heuristic: expect
    capitalised common words ("Cold War") and miss names written in lower case; review the
    table before saving it with :func:`actor_list_yaml`.

    Returns
    -------
    DataFrame
        One row per candidate group: ``candidate`` (most frequent long form), ``kind_guess``
        (person / organisation / place / unknown, or the kind in ``actors`` for a known
        actor), ``forms`` and ``titles`` (" | "-joined),
        ``n_mentions``, ``n_articles``, ``outlets``, ``known_actor`` (the canonical name when
        ``actors`` already lists one of the forms, else empty) and ``example`` (a sentence).

    >>> from analysis import from_texts
    >>> corpus = from_texts({"A": "Kremlin spokesman Dmitry Peskov spoke. Peskov left.",
    ...                      "B": "Dmitry Peskov met Sergei Ryabkov in Moscow."})
    >>> discover_actors(corpus)[["candidate", "kind_guess", "forms", "n_mentions"]]
            candidate    kind_guess                   forms  n_mentions
    0   Dmitry Peskov        person  Dmitry Peskov | Peskov           3
    1         Kremlin  organisation                 Kremlin           1
    2          Moscow       unknown                  Moscow           1
    3  Sergei Ryabkov       unknown          Sergei Ryabkov           1
    """
    require_columns(corpus, ["article_id", "outlet", "text"], "discover_actors")
    actors = as_actor_list(actors)
    stop = stopwords()
    hits: list[tuple[str, str | None, Any, Any, str]] = []  # form, title, article, outlet, sent
    lower_words: Counter[str] = Counter()
    lower_words_all: Counter[str] = Counter()
    for text in corpus["text"]:
        if isinstance(text, str):
            lower_words_all.update(re.findall(r"\b[a-z][a-z]{3,}\b", text))
    inside_sentence: Counter[str] = Counter()
    starters: set[int] = set()
    for article_id, outlet, text in zip(corpus["article_id"], corpus["outlet"], corpus["text"],
                                        strict=True):
        if not isinstance(text, str):
            continue
        shadow = _shadow(text)
        lower_words.update(w for w in re.findall(r"\b[a-z][\w-]*", shadow))
        spans = sentence_spans(text)
        starts = [s for s, _ in spans]
        titled: dict[int, str] = {}
        for m in _title_name_regex().finditer(shadow):
            title = _strip_candidate(m.group("title"), stop)
            titled[m.start("name")] = title
        datelines = {m.start("place") for m in _DATELINE.finditer(shadow)}
        for start, end in _name_phrases(shadow):
            if start in datelines:
                continue
            k = max(0, bisect.bisect_right(starts, start) - 1)
            sent = text[spans[k][0]:spans[k][1]] if spans else text
            form = _strip_candidate(shadow[start:end], stop)
            if not form or len(form) < 2:
                continue
            sentence_start = not spans or start == spans[k][0]
            if sentence_start and " " in form and _OPENER_FORM.fullmatch(form.split()[0]):
                form = form.split(" ", 1)[1]  # "Stopping Trump": the verb is not a name
            title = titled.get(start)
            if title is None:
                # "Federal Chancellor Olaf Scholz": split a leading title off the phrase.
                for pos, t in titled.items():
                    if start < pos < end:
                        title, form = t, _strip_candidate(shadow[pos:end], stop)
                        sentence_start = False  # the name follows its title
                        break
            if not form or _INITIALS.fullmatch(form) or _is_title_only(form):
                continue  # "U.", "Mr", "California Rep": initials or a title, not a name
            if form.isupper() and len(form) > 3 and lower_words_all.get(form.lower()):
                continue  # "MORE", "BOOMING": a word in capitals
            if " " not in form and (
                (sentence_start and form.lower() in stop) or _CALENDAR.fullmatch(form)
                or (form.lower().endswith(_DEMONYM_ENDINGS) and not form.isupper())
            ):
                continue
            if not sentence_start:
                inside_sentence[form] += 1
            elif " " in form and title is None:
                starters.add(len(hits))
            hits.append((form, title, article_id, outlet, sent))
    # "Later Lloyd Austin": drop a sentence's first word that the texts also use in lower case.
    for k in starters:
        form, *rest = hits[k]
        first, tail = form.split(" ", 1)
        if lower_words[first.lower()]:
            hits[k] = (tail, *rest)
    # Drop single words that are ordinary words capitalised at the start of a sentence.
    surnames = {h[0].split()[-1] for h in hits if " " in h[0]}
    hits = [h for h in hits if " " in h[0] or h[0].isupper() or h[0] in surnames or h[1]
            or h[0].lower() in _organisation_words()
            or (lower_words[h[0].lower()] == 0 and inside_sentence[h[0]] > 0)]
    forms = Counter(h[0] for h in hits)
    known = actors._matcher if actors is not None and len(actors) else None
    known_of = {}
    if known is not None:
        for f in forms:
            entry = known.names.get(_collapse(f))
            if entry:
                known_of[f] = known.actors[entry[0]].name
    articles_of: dict[str, set[Any]] = defaultdict(set)
    for h in hits:
        articles_of[h[0]].add(h[2])
    groups = _group_forms(forms, known_of, articles_of)
    rows = []
    hits_by_form: dict[str, list] = defaultdict(list)
    for h in hits:
        hits_by_form[h[0]].append(h)
    for head, members in groups.items():
        member_hits = [h for f in members for h in hits_by_form[f]]
        n = len(member_hits)
        if n < min_mentions:
            continue
        titles = _unique(h[1] for h in member_hits if h[1])
        known_name = ""
        kind = _guess_kind(head, members, titles)
        if known is not None:
            for f in members:
                entry = known.names.get(_collapse(f))
                if entry:
                    known_name = known.actors[entry[0]].name
                    kind = known.actors[entry[0]].kind  # the list knows better
                    break
        rows.append((
            head,
            kind,
            " | ".join(sorted(members, key=lambda f: (-forms[f], f))),
            " | ".join(titles),
            n,
            len({h[2] for h in member_hits}),
            " | ".join(sorted({str(h[3]) for h in member_hits})),
            known_name,
            " ".join(member_hits[0][4].split()),
        ))
    table = pd.DataFrame(rows, columns=DISCOVERY_COLUMNS)
    return table.sort_values(["n_mentions", "candidate"], ascending=[False, True],
                             kind="stable").reset_index(drop=True)


def _group_forms(forms: Counter[str], known_of: dict[str, str] | None = None,
                 articles_of: dict[str, set[Any]] | None = None) -> dict[str, set[str]]:
    """Group likely-same forms under the most frequent long form; forms that an actor list
    gives to one actor ("US", "United States") go together under its name if used.

    A longer form that ends with another name goes with it ("Agent Peter Strzok", "Peter
    Strzok"); a surname goes with the one full name it ends, or, when several end with it,
    with the one it shares clearly the most articles with ("Trump" with "Donald Trump",
    not with a stray "Libra Trump")."""
    multi = [f for f in forms if " " in f]
    parent: dict[str, str] = {f: f for f in forms}
    by_ends: dict[tuple[str, str], list[str]] = defaultdict(list)
    for f in multi:
        w = f.split()
        by_ends[(w[0], w[-1])].append(f)
    for same in by_ends.values():
        best = max(same, key=lambda f: (forms[f], -len(f)))
        for f in same:
            parent[f] = best
    for f in sorted(multi, key=lambda f: len(f.split())):
        words = f.split()
        for k in range(1, len(words) - 1):
            tail = " ".join(words[k:])
            if any(w in forms for w in words[:k]):
                break  # "Trump White House": the first word is a name of its own
            if tail in forms:
                parent[f] = parent[tail]
                break
    by_last: dict[str, list[str]] = defaultdict(list)
    for m in multi:
        words = m.split()
        if words[0][0].isupper() and not _organisation_words() & {w.lower() for w in words}:
            by_last[words[-1]].append(m)
    articles_of = articles_of or {}
    for f in forms:
        if " " in f:
            continue
        owners = {parent[m] for m in by_last.get(f, [])}
        if len(owners) > 1 and articles_of:
            mine = articles_of.get(f, set())
            shared = sorted(((len(mine & set().union(*(articles_of.get(m, set())
                                                       for m in by_last[f] if parent[m] == o))),
                              o) for o in owners), reverse=True)
            if shared[0][0] and shared[0][0] >= 2 * shared[1][0]:
                owners = {shared[0][1]}
        if len(owners) == 1:
            parent[f] = owners.pop()
    by_actor: dict[str, list[str]] = defaultdict(list)
    for f, name in (known_of or {}).items():
        by_actor[name].append(parent[f])
    for name, heads in by_actor.items():
        best = name if name in heads else max(heads, key=lambda f: (forms[f], -len(f)))
        for f in forms:
            if parent[f] in heads:
                parent[f] = best
    groups: dict[str, set[str]] = defaultdict(set)
    for f in forms:
        groups[parent[f]].add(f)
    return groups


def _guess_kind(head: str, members: set[str], titles: Sequence[str]) -> str:
    words = {w.lower() for f in members for w in f.split()}
    if words & _organisation_words() or any(f.isupper() and len(f) > 1 for f in members):
        return "organisation"
    if titles:
        return "person"
    if any(len(f.split()) >= 2 for f in members) and any(" " not in f for f in members):
        return "person"  # a full name and its surname
    return "unknown"


def actor_list_yaml(discovered: pd.DataFrame, *, event: str | None = None,
                    actors: ActorsOption = None,
                    source: str = "Proposed by analysis.actors.discover_actors; review it.") -> str:
    """Turn a :func:`discover_actors` table (after you have edited it) into actor-list YAML.

    Rows whose ``kind_guess`` is ``unknown`` are written as ``kind: place`` (check them).
    Single-word surnames are left out of ``aliases`` (the kit derives them), generic titles
    ("Mr.", "President") are left out of ``titles`` (the kit reads them before any listed
    person's surname) but decide ``gender`` ("Mr." male, "Ms." female), and an alias or
    title that is already another row's name, alias or title is dropped. With ``actors``
    (the lists it will be loaded beside, such as ``world.yml``), a row of a known actor is
    written under that actor's canonical name and kind, and an alias or title that another
    listed actor claims is dropped, so the saved list loads beside them.

    >>> import pandas as pd
    >>> table = pd.DataFrame({"candidate": ["Dmitry Peskov"], "kind_guess": ["person"],
    ...                       "forms": ["Dmitry Peskov | Peskov"],
    ...                       "titles": ["Kremlin spokesman | Mr."]})
    >>> print(actor_list_yaml(table, event="my-event"))  # doctest: +NORMALIZE_WHITESPACE
    source: Proposed by analysis.actors.discover_actors; review it.
    events:
    - my-event
    actors:
    - name: Dmitry Peskov
      kind: person
      titles:
      - Kremlin spokesman
      gender: male
    """
    doc: dict[str, Any] = {"source": source}
    if event:
        doc["events"] = [event]
    doc["actors"] = discovered_entries(discovered, actors=actors)
    return yaml.safe_dump(doc, sort_keys=False, allow_unicode=True, width=100)


def discovered_entries(discovered: pd.DataFrame, *, actors: ActorsOption = None
                       ) -> list[dict[str, Any]]:
    """The entries :func:`actor_list_yaml` writes, as dicts (``name, kind``, optional
    ``aliases, titles, gender``)."""
    require_columns(discovered, ["candidate", "kind_guess", "forms"], "actor_list_yaml")
    known = as_actor_list(actors)
    owner: dict[str, str] = {}  # claim -> canonical name in the known lists
    if known is not None:
        for a in known:
            for key in _claims(a):
                owner.setdefault(key, a.name)
    rows = list(discovered.itertuples(index=False))
    claimed = {str(r.candidate).casefold() for r in rows}  # names win over titles and aliases
    entries: dict[str, dict[str, Any]] = {}
    for row in rows:
        name = str(row.candidate).strip()
        if not name or name == "nan":
            continue
        kind = row.kind_guess if row.kind_guess in KINDS else "place"
        listed = str(getattr(row, "known_actor", "") or "")
        if listed in ("", "nan"):
            listed = owner.get(_collapse(name).casefold(), "")
        if listed and known is not None and listed in known:
            name, kind = listed, known[listed].kind
        forms = [f for f in str(row.forms).split(" | ") if f and f != name]
        aliases = [f for f in forms if not (" " not in f and name.endswith(" " + f))
                   and f.casefold() not in claimed
                   and owner.get(_collapse(f).casefold(), name) == name]
        claimed.update(f.casefold() for f in aliases)
        titles = [t for t in str(getattr(row, "titles", "") or "").split(" | ")
                  if t and t != "nan"]
        genders = {_HONORIFIC_GENDER.get(t.rstrip(".").lower()) for t in titles} - {None}
        titles_kept = [t for t in titles if t.casefold() not in claimed and not generic_title(t)
                       and owner.get(_title_key(t), name) == name]
        claimed.update(t.casefold() for t in titles_kept)
        entry = entries.setdefault(name, {"name": name, "kind": kind})
        if aliases:
            entry["aliases"] = [*entry.get("aliases", []), *aliases]
        if titles_kept:
            entry["titles"] = [*entry.get("titles", []), *titles_kept]
        if kind == "person" and len(genders) == 1 and "gender" not in entry:
            entry["gender"] = genders.pop()
    return list(entries.values())


# --- evaluation -------------------------------------------------------------------------


def precision_recall(
    found: pd.DataFrame,
    gold: pd.DataFrame,
    *,
    match: Sequence[str] = ("actor",),
    by: Sequence[str] = ("article_id",),
) -> dict[str, float]:
    """Precision and recall of found spans against hand labels, matching by overlap.

    A found row and a gold row match when they share ``by`` (e.g. the article), their
    ``start``–``end`` spans overlap, and every column in ``match`` agrees; a gold cell may
    list alternatives separated by ``;`` ("Kremlin;Pentagon"). Each gold row matches at
    most one found row (greedy, largest overlap first).

    >>> import pandas as pd
    >>> gold = pd.DataFrame({"article_id": [1, 1], "actor": ["A", "B"],
    ...                      "start": [0, 10], "end": [5, 15]})
    >>> found = pd.DataFrame({"article_id": [1, 1], "actor": ["A", "C"],
    ...                       "start": [1, 10], "end": [4, 12]})
    >>> precision_recall(found, gold)
    {'precision': 0.5, 'recall': 0.5, 'f1': 0.5, 'true_positives': 1, 'found': 2, 'gold': 2}
    """
    keys = [*by, "start", "end", *match]
    require_columns(found, keys, "precision_recall (found)")
    require_columns(gold, keys, "precision_recall (gold)")
    pairs = []
    gold_rows = list(gold[keys].itertuples(index=False, name=None))
    found_rows = list(found[keys].itertuples(index=False, name=None))
    nb = len(by)
    for gi, g in enumerate(gold_rows):
        for fi, f in enumerate(found_rows):
            if g[:nb] != f[:nb]:
                continue
            overlap = min(g[nb + 1], f[nb + 1]) - max(g[nb], f[nb])
            if overlap <= 0:
                continue
            if all(_agrees(f[nb + 2 + k], g[nb + 2 + k]) for k in range(len(match))):
                pairs.append((overlap, gi, fi))
    used_g, used_f = set(), set()
    tp = 0
    for _overlap, gi, fi in sorted(pairs, key=lambda p: -p[0]):
        if gi in used_g or fi in used_f:
            continue
        used_g.add(gi)
        used_f.add(fi)
        tp += 1
    p = tp / len(found_rows) if found_rows else 0.0
    r = tp / len(gold_rows) if gold_rows else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f1, 4),
            "true_positives": tp, "found": len(found_rows), "gold": len(gold_rows)}


def _agrees(found: Any, gold: Any) -> bool:
    def norm(v: Any) -> str:
        return "" if v is None or (isinstance(v, float) and pd.isna(v)) or v is pd.NA \
            else str(v).strip().lower()
    options = {o.strip() for o in norm(gold).split(";")}
    return norm(found) in options
