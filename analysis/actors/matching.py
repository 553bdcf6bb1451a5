"""Finding the mentions of listed actors in one text, with character spans.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from ..tokens import lowered_shadow
from ..tokens import shadow as _shadow
from .lexicon import (
    GENDERS,
    HONORIFIC_GENDER,
    TITLE_WORDS,
    Form,
    Kind,
    first_names,
    title_before_in,
    title_words,
)
from .lists import Actor, ActorList

#: Capitalised nouns that make a surname before them the name of a thing: "the Hyde
#: Amendment", "Hyde Park", "the Carter Center" name no person.
_NAMED_AFTER_NOUNS = frozenset({
    "amendment", "act", "rule", "law", "clause", "park", "tower", "towers", "center",
    "centre", "foundation", "institute", "library", "memorial", "prize", "award", "airport",
    "bridge", "street", "avenue", "boulevard", "stadium", "arena", "hall", "building",
    "museum", "school", "university", "college", "hospital", "plaza", "hotel", "tunnel",
    "highway", "square", "river", "lake", "county", "fellowship", "scholarship"})
_NAMED_AFTER = re.compile(r"[A-Z][a-z]+\b")


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

    >>> from analysis.actors import load_actors
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
    raw = matcher.raw(shadow, lowered_shadow(text))
    # Who is named in full (name, alias or title) somewhere in the text?
    full_at: dict[int, list[int]] = defaultdict(list)
    for s, _e, i, form, _p, _c in raw:
        if i is not None and form in ("name", "alias", "title"):
            full_at[i].append(s)
    # A surname right after a generic title or honorific ("Mr. Trump", "President Obama")
    # names the person too: its gender (or "" when the title has none), by start.
    titled: dict[int, str] = {}
    if any(form == "short" for _s, _e, _i, form, _p, _c in raw):
        honorifics, roles = TITLE_WORDS.get()
        for s, _e, _i, form, _p, candidates in raw:
            if form != "short" or shadow[s - 1:s] not in (" ", "\t"):
                continue
            word = title_before_in(shadow, s, honorifics, roles)
            if word is None:
                continue
            titled[s] = HONORIFIC_GENDER.get(word.rstrip(".").lower(), "")
            fits = _fitting(candidates, titled[s], matcher.actors)
            if len(fits) == 1:
                full_at[fits[0]].append(s)
    for s, _e, _i, form, _p, candidates in raw:
        if form == "short" and shadow[s - 3:s - 1].endswith(".") \
                and (m := _FIRST_AND_INITIAL.search(shadow, max(0, s - 40), s)) is not None:
            # "Nikki R. Haley", "Joseph R. Biden": the listed first name and surname with a
            # middle initial between them name the person in full
            fits = [i for i in candidates if matcher.actors[i].name.split()[0] == m.group(1)]
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
    names, titles = None, frozenset()
    shorts: list[int] | None = None
    for s, e, i, form, poss, candidates in raw:
        if form == "after":
            if i in full_at:
                hits.append((s, e, i, "title", poss))
            continue
        if form != "short":
            hits.append((s, e, i, form, poss))
            continue
        if not poss and shadow[e:e + 1] == " " \
                and (after := _NAMED_AFTER.match(shadow, e + 1)) is not None \
                and after.group().lower() in _NAMED_AFTER_NOUNS:
            continue  # "the Hyde Amendment", "Hyde Park": a thing named after somebody
        if names is None:  # (looked up once per text, and only for a surname)
            names, titles = first_names(), title_words()
        candidates = _not_another_first_name(shadow, s, candidates, matcher.actors, names,
                                             titles)
        if not candidates:
            continue  # "Melania Trump", "Jeb Bush": another person of that family
        if shorts is None:
            shorts = [h[0] for h in raw if h[3] == "short"]
        chosen = _resolve_short(s, shadow, candidates, full_at, titles_end, matcher.actors,
                                titled, shorts)
        if chosen is None and candidates and inside_title(s, e, title_starts, title_reach):
            # A surname inside a listed title ("Putin's spokesman") names that person.
            chosen = candidates[0] if len(candidates) == 1 else None
        if chosen is not None:
            hits.append((s, e, chosen, "short", poss))
    return _merge(text, shadow, hits, matcher.actors)


def inside_title(s: int, e: int, title_starts: list[int], title_reach: list[int]) -> bool:
    """Whether a title span (``ts <= s`` and ``e <= te``) contains ``s:e``."""
    k = bisect.bisect_right(title_starts, s)
    return k > 0 and title_reach[k - 1] >= e


_WORD_BEFORE = re.compile(r"([A-Z][a-z]+)[ \t]$")


def _not_another_first_name(shadow: str, s: int, candidates: list[int],
                            actors: Sequence[Actor], names: Mapping[str, Any],
                            titles: frozenset[str]) -> list[int]:
    """The candidates a surname at ``s`` can name, given the word right before it: a
    first name of the 1990 US census that is no word of a candidate's name or aliases
    ("Melania" before "Trump", "Jeb" before "Bush") makes it another person's surname
    (``titles``: :func:`title_words`, looked up once per text)."""
    m = _WORD_BEFORE.search(shadow, max(0, s - 20), s)
    if m is None:
        return candidates
    word = m.group(1)
    if word in _NOT_FIRST_NAMES or not (word.casefold() in names
                                        or _unknown_given_name(word, titles)):
        return candidates
    return [i for i in candidates
            if word in actors[i].name.split()
            or any(word in alias.split() for alias in actors[i].aliases)]


def _unknown_given_name(word: str, titles: frozenset[str]) -> bool:
    """Is a capitalised word before a surname a given name the census does not list
    ("Ivanka", "Anzor", "Zubeidat" before "Trump" or "Tsarnaev")? Heuristic: yes unless it
    is a title, honorific or role ("President", "Sen"), a function word ("When", "But"), a
    party or a people's adjective ("Republican", "Russian"), a plural or a verb's form
    ("Stopping Trump", "Elected")."""
    low = word.lower()
    return not (low in _STOP_BEFORE or low.endswith(_NOT_GIVEN_ENDINGS) or low in titles)


#: Words that may stand right before a listed surname without being a given name.
_STOP_BEFORE = frozenset({
    "when", "if", "but", "and", "or", "so", "then", "as", "while", "after", "before", "since",
    "because", "though", "although", "that", "this", "these", "those", "what", "why", "how",
    "where", "who", "whom", "whose", "which", "yes", "no", "not", "only", "even", "also",
    "still", "now", "today", "yesterday", "meanwhile", "however", "instead", "indeed",
    "republican", "democrat", "democratic", "gop", "independent", "libertarian", "liberal",
    "conservative", "team", "candidate", "nominee", "citizen", "brother", "sister", "mother",
    "father", "son", "daughter", "wife", "husband", "uncle", "aunt", "cousin", "dear",
    "young", "old", "elder", "mrs", "ms", "mr", "dr", "with", "from", "for", "by", "to",
    "of", "in", "on", "at", "about", "against", "like", "unlike", "than", "via", "per",
    "both", "either", "neither", "every", "each", "all", "any", "some", "many", "most",
    "former", "new", "the", "a", "an", "his", "her", "their", "its", "our", "my", "your"})
_NOT_GIVEN_ENDINGS = ("ian", "ean", "ese", "ish", "can", "s", "ing", "ed", "ly")

#: A first name and one or two middle initials right before a surname: "Nikki R. ".
_FIRST_AND_INITIAL = re.compile(r"(?<![\w.'-])([A-Z][a-z]+)[ \t]+(?:[A-Z]\.[ \t]+){1,2}$")

#: Census first names that are more often other words before a surname in news.
_NOT_FIRST_NAMES = frozenset({"President", "General", "Major", "King", "Judge", "Will",
                              "Chase", "Sterling", "Prince", "Queen", "Pope", "Earl", "Dean",
                              "Rev", "Van", "Von", "Del", "La", "Le", "De", "St", "Young",
                              "Senior", "Junior", "Sir", "Lord", "Mark", "Bill", "Sunny",
                              "Sergeant", "Captain", "Admiral", "Colonel", "Governor",
                              "Senator", "Mayor", "Chancellor", "Minister", "Secretary"})


def _fitting(candidates: list[int], gender: str, actors: Sequence[Actor]) -> list[int]:
    """The candidates a gendered honorific can name (all of them for "" or no gender)."""
    return [i for i in candidates
            if not (gender and actors[i].gender in GENDERS[:2] and actors[i].gender != gender)]


def _resolve_short(s, shadow, candidates, full_at, titles_end, actors, titled, shorts=()
                   ) -> int | None:
    """The listed person a bare surname at ``s`` names among ``candidates`` (``shorts``:
    where the text's bare surnames start), or None."""
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
    if len(named) > 1:
        # The person named in full just before (within a few sentences) ("Bill Clinton
        # signed it; Clinton ..."); else the one the text names in full most often, its
        # main referent, and of two named as often the one named first ("Hillary Clinton
        # ... former president Bill Clinton ... Clinton said"; "Bill and Hillary Clinton"
        # opening an article that names her four times more); else the one named soonest
        # after.
        def distance(i: int) -> tuple[int, int]:
            k = bisect.bisect_left(full_at[i], s)  # full_at lists are sorted
            return (0, s - full_at[i][k - 1]) if k else (1, full_at[i][0] - s)
        nearest = min(named, key=distance)
        after, gap = distance(nearest)
        if not after and gap > _NEAR_FULL_NAME:
            # (only among those named before the surname: "Trump said" early in an
            # article is not Ivanka Trump, named in full, and by her first name, further on;
            # and the one the bare surname already named before another was introduced
            # keeps it: "Donald Trump ... Trump said ... Ivanka Trump ... Trump said")
            before = sorted((i for i in named if full_at[i][0] < s), key=lambda i: full_at[i][0])
            if len(before) > 1 and any(full_at[before[0]][0] < b < full_at[before[1]][0]
                                       for b in shorts):
                return before[0]
            return min(before, key=lambda i: (-len(full_at[i]), full_at[i][0]))
        return nearest
    return None


#: How far back (characters) a full name decides which of two same-surname people a bare
#: surname is; further back, the person the text named first is meant.
_NEAR_FULL_NAME = 300


_MERGE_GAP = re.compile(r"\s*,?\s*(?:(?:the|a|an)\s+)?", re.IGNORECASE)


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
