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

The modules, one concern each (``from analysis.actors import X`` works for every public
name): :mod:`~analysis.actors.lexicon` (kinds, honorifics, role nouns),
:mod:`~analysis.actors.lists` (actors, lists, reading and precedence),
:mod:`~analysis.actors.matching` (mentions in a text), :mod:`~analysis.actors.tables`
(mentions and counts per corpus), :mod:`~analysis.actors.naming` (labels),
:mod:`~analysis.actors.discovery` (candidates, and the list an event gets) and
:mod:`~analysis.actors.evaluation` (precision and recall).


>>> actors = load_actors(event="2024-07-12-austin-belousov-call")
>>> [(m.actor, m.surface) for m in find_mentions("Kremlin spokesman Dmitry Peskov warned.", actors)]
[('Dmitry Peskov', 'Kremlin spokesman Dmitry Peskov'), ('Kremlin', 'Kremlin')]
"""

from __future__ import annotations

from ..tokens import shadow as _shadow  # noqa: F401 - kept for older callers
from .discovery import (
    DISCOVERY_COLUMNS,
    DiscoveredActorsNotice,
    actor_list_yaml,
    discover_actors,
    discovered_entries,
    event_actors,
)
from .evaluation import (
    precision_recall,
)
from .lexicon import (
    GENDERS,
    KINDS,
    Form,
    Gender,
    Kind,
    generic_title,
    title_before,
)
from .lists import (
    Actor,
    ActorList,
    ActorsOption,
    as_actor_list,
    load_actors,
    read_actor_file,
)
from .matching import (
    Mention,
    find_mentions,
)
from .matching import inside_title as _inside_title  # noqa: F401 - for older callers
from .naming import (
    LABEL_COLUMNS,
    label_table,
    naming_table,
)
from .tables import (
    COUNT_COLUMNS,
    MENTION_COLUMNS,
    OUTLET_COLUMNS,
    UnmentionedActorWarning,
    actors_by_outlet,
    actors_per_row,
    count_actors,
    mention_table,
    warn_unmentioned,
)

__all__ = [
    "COUNT_COLUMNS",
    "DISCOVERY_COLUMNS",
    "GENDERS",
    "KINDS",
    "LABEL_COLUMNS",
    "MENTION_COLUMNS",
    "OUTLET_COLUMNS",
    "Actor",
    "ActorList",
    "ActorsOption",
    "DiscoveredActorsNotice",
    "Form",
    "Gender",
    "Kind",
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
