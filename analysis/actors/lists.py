"""Actor lists: :class:`Actor`, :class:`ActorList` (validated, with compiled matchers),
reading YAML lists and the precedence of an event list over a general list.
"""

from __future__ import annotations

import functools
import os
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd
import yaml

from ..errors import CorpusError
from ..resources import resource_files
from ..tokens import shadow as _shadow
from ..tokens import trie_lookahead, trie_pattern
from ..yamlio import cached_by_file, file_key, read_yaml
from .lexicon import GENDERS, KINDS, Gender, Kind, collapse, title_key, unique

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
                    unique(old.aliases + actor.aliases),
                    unique(old.titles + actor.titles),
                    unique(old.after_name + actor.after_name),
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

    @property
    def proposed(self) -> bool:
        """Whether the list holds candidates proposed by :func:`event_actors` (review them)."""
        return "discover_actors" in self.sources

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
            entries = [(collapse(n), n) for n in (actor.name, *actor.aliases)]
            entries += [(title_key(t), t) for t in (*actor.titles, *actor.after_name)]
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
                lowered.setdefault(collapse(n).casefold(), actor)
        for actor in self._actors:
            for t in (*actor.titles, *actor.after_name):
                other = lowered.get(title_key(t))
                if other is not None and other.name != actor.name:
                    raise CorpusError(
                        f"{t!r} is claimed by two actors: {other.name!r} ({other.source}) "
                        f"as a name and {actor.name!r} ({actor.source}) as a title"
                    )

    @functools.cached_property
    def _matcher(self) -> _Matcher:
        return _Matcher(self._actors)


def claims(actor: Actor) -> set[str]:
    """The keys under which an actor claims its names, aliases and titles (folded)."""
    return {collapse(n).casefold() for n in (actor.name, *actor.aliases)} | {
        title_key(t) for t in (*actor.titles, *actor.after_name)}


def _prefer_event_entries(actors: list[Actor]) -> list[Actor]:
    """General-list entries without what event-list entries claim (see :class:`ActorList`)."""
    if not any(a.general for a in actors) or all(a.general for a in actors):
        return actors
    owners: dict[str, set[str]] = defaultdict(set)  # claim -> event-list actors claiming it
    for a in actors:
        if not a.general:
            for key in claims(a):
                owners[key].add(a.name)

    def taken(key: str, name: str) -> bool:  # claimed by another actor of an event list
        return bool(owners.get(key, set()) - {name})

    kinds = {a.name: a.kind for a in actors if not a.general}
    out = []
    for a in actors:
        if not a.general:
            out.append(a)
            continue
        names = [collapse(n).casefold() for n in (a.name, *a.aliases)]
        claimers = set().union(*(owners.get(k, set()) for k in names)) - {a.name}
        if len(claimers) == 1:
            # The event list names this actor its own way: its other names join that entry.
            (owner,) = claimers
            rest = [n for n, k in zip((a.name, *a.aliases), names, strict=True)
                    if not owners.get(k)]
            titles = [t for t in (*a.titles, *a.after_name) if not owners.get(title_key(t))]
            out.append(Actor(owner, kinds[owner], tuple(rest), tuple(titles), (), a.source))
            continue
        if claimers:
            continue  # claimed by several event entries: leave it to them
        keep = [x for x in a.aliases if not taken(collapse(x).casefold(), a.name)]
        titles = [t for t in a.titles if not taken(title_key(t), a.name)]
        after = [t for t in a.after_name if not taken(title_key(t), a.name)]
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


def _trie_regex(atoms: list[list[str]]) -> re.Pattern[str] | None:
    r"""Any of the phrases (as :func:`_atoms`) as a whole word, possibly possessive.

    When every phrase starts with a character or a case-folded letter (names start with
    a character, case-folded titles with a class such as ``[Ss]``), the pattern starts
    with one branch per character a phrase may start with and checks the boundary after
    it (``P(?<!\w.)(?:utin|eskov)``: no word character before the ``P``). A pattern that
    starts with literal characters only lets the engine jump from one such character to
    the next instead of trying every place (a class or a look-ahead first does not). At a
    place, only the trie branches whose first piece takes the character there can match,
    and the branch of a character lists those in the trie's order (``S`` before ``[Ss]``
    when the trie has them so), so the matches are the same as the whole trie's.
    """
    if not atoms:
        return None
    firsts: dict[str, list[list[str]]] = {}
    for phrase in atoms:
        firsts.setdefault(phrase[0] if phrase else "", []).append(phrase[1:])
    taken = {first: _first_characters(first) for first in firsts}
    if all(taken.values()):
        by_character: dict[str, list[str]] = {}
        for first, characters in taken.items():
            for ch in characters:
                by_character.setdefault(ch, []).append(first)
        branches = [re.escape(ch) + r"(?<!\w(?s:.))(?:"
                    + "|".join(trie_pattern(firsts[first]) for first in group) + ")"
                    for ch, group in by_character.items()]
        return re.compile("(?:" + "|".join(branches) + ")" + _SUFFIX)
    return re.compile(trie_lookahead(atoms) + r"(?<!\w)(?:" + trie_pattern(atoms) + ")"
                      + _SUFFIX)


#: What re.escape makes of one character: itself, or a backslash and a non-alphanumeric one.
_ONE_CHARACTER = re.compile(r"[^\\\[(]|\\[^\w]", re.DOTALL)
#: What :func:`_atoms` makes of a case-folded letter: ``[Ss]``.
_FOLDED_LETTER = re.compile(r"\[(\w)(\w)\]")


def _first_characters(atom: str) -> tuple[str, ...] | None:
    """The characters a phrase's first piece (from :func:`_atoms`) takes, or None when it
    is neither one character nor a case-folded letter."""
    if _ONE_CHARACTER.fullmatch(atom):
        return (atom[-1],)
    folded = _FOLDED_LETTER.fullmatch(atom)
    return folded.groups() if folded else None


def _title_words(titles: Iterable[str]) -> list[tuple[str, ...]]:
    """The words of each title that a match must hold, in lower case: its words of ASCII
    characters (a title's pattern matches those characters as written or in the other
    case, and nothing else, so a text the title matches holds each of them in lower
    case), the capitalised ones (names, rarer) first, then the longer. A title without
    such a word gives ``()``: any text may hold it."""
    out = []
    for title in titles:
        words = [w for w in _shadow(title).split() if w.isascii()]
        words.sort(key=lambda w: (w.islower(), -len(w)))
        out.append(tuple(dict.fromkeys(w.lower() for w in words)))
    return out


class _Matcher:
    """The compiled regular expressions and lookup tables of one actor list."""

    def __init__(self, actors: Sequence[Actor]) -> None:
        self.actors = list(actors)
        self.names: dict[str, tuple[int, str]] = {}
        self.short: dict[str, list[int]] = defaultdict(list)
        self.titles: dict[str, tuple[int, bool]] = {}
        for i, a in enumerate(self.actors):
            self.names[collapse(a.name)] = (i, "name")
            for alias in a.aliases:
                self.names.setdefault(collapse(alias), (i, "alias"))
            for t in a.titles:
                self.titles[title_key(t)] = (i, False)
            for t in a.after_name:
                self.titles[title_key(t)] = (i, True)
        for i, a in enumerate(self.actors):
            if a.kind != "person":
                continue
            for full in (a.name, *a.aliases):
                parts = collapse(full).split()
                last = parts[-1] if len(parts) > 1 else None
                if (last and len(last) > 1 and last[0].isupper() and last not in self.names
                        and i not in self.short[last]):
                    self.short[last].append(i)
        name_atoms = [_atoms(n, fold_lower_words=False) for n in (*self.names, *self.short)]
        title_atoms = [_atoms(t, fold_lower_words=True) for t in self.titles_original()]
        self.name_re = _trie_regex(name_atoms)
        self.title_re = _trie_regex(title_atoms)
        self.title_words = _title_words(self.titles_original())

    def titles_original(self) -> list[str]:
        return [t for a in self.actors for t in (*a.titles, *a.after_name)]

    def may_hold_title(self, lowered: str) -> bool:
        """Can :attr:`title_re` match in a shadow text whose lower case is ``lowered``
        (:func:`analysis.tokens.lowered_shadow`)? Not unless every word of one title is in
        it (:func:`_title_words`): a few substring tests, where the pattern is tried at
        every word that starts with a title's first letter (titles match rarely: 71 times
        in 1,500 allsides articles; 92% of them hold no title's words)."""
        found: dict[str, bool] = {}
        for words in self.title_words:
            for word in words:
                hit = found.get(word)
                if hit is None:
                    hit = found[word] = word in lowered
                if not hit:
                    break
            else:
                return True
        return False

    def raw(self, shadow: str, lowered: str | None = None
            ) -> list[tuple[int, int, int | None, str, bool, list[int]]]:
        """Raw hits ``(start, end, actor, form, possessive, candidates)``; ``lowered``:
        the shadow in lower case, to skip the title pattern where no title can match."""
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
        if self.title_re is not None and (lowered is None or self.may_hold_title(lowered)):
            for m in self.title_re.finditer(shadow):
                poss = m.group("poss") is not None
                key = " ".join(shadow[m.start(): m.start("poss") if poss else m.end()].split())
                entry = self.titles.get(key.casefold())
                if entry is None:  # a case variant the lookup does not know: skip it
                    continue
                i, conditional = entry
                hits.append((m.start(), m.end(), i, "after" if conditional else "title", poss, [i]))
        return hits
