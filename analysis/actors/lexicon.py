"""The words actor matching relies on: kinds, honorifics, role nouns, name keys.

Leaf of :mod:`analysis.actors`: generic titles and honorifics come from the kit's
abbreviation list and the role nouns of the attribution-verb lexicon; every word list is
read again when its file changes.
"""

from __future__ import annotations

import functools
import os
import re
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any, Literal

from ..errors import CorpusError
from ..resources import find_resource, load_wordlist
from ..tokens import shadow as _shadow
from ..tokens import stopwords
from ..yamlio import cached_by_file, read_yaml

Kind = Literal["person", "organisation", "country", "place"]
KINDS: tuple[str, ...] = ("person", "organisation", "country", "place")
Form = Literal["name", "alias", "short", "title", "title+name"]
Gender = Literal["female", "male", "unknown"]
GENDERS: tuple[str, ...] = ("female", "male", "unknown")


def collapse(text: str) -> str:
    """A name as the matcher keys it: straight apostrophes, single spaces."""
    return " ".join(_shadow(text).split())


def title_key(text: str) -> str:
    """A title as the matcher keys it: :func:`collapse`, then case-folded."""
    return collapse(text).casefold()


def unique(items: Iterable[str]) -> tuple[str, ...]:
    """``items`` without repeats, in first-seen order."""
    return tuple(dict.fromkeys(items))


def _read_lexicon(path: Path) -> dict[str, Any]:
    content = read_yaml(path)
    if not isinstance(content, dict):
        raise CorpusError("expected a mapping with 'groups:'", file=path)
    return content


def _lexicon_part(parse: Any) -> Any:
    """``parse`` applied to the attribution-verb lexicon, cached until the file changes."""
    return cached_by_file(find_resource("lexicons/attribution_verbs.yml"), parse)


def _read_words(path: Path, key: str, lower: bool = True) -> frozenset[str]:
    """The words listed under ``key`` in the attribution-verb lexicon (lower case)."""
    words = (str(w) for w in _read_lexicon(path).get(key, []) or [])
    return frozenset(w.lower() for w in words) if lower else frozenset(words)


def role_nouns() -> frozenset[str]:
    """Words that make a capitalised phrase before a name a title ("Minister"), from
    ``role_nouns`` in ``lexicons/attribution_verbs.yml``."""
    return _lexicon_part(_read_role_nouns)


def _read_role_nouns(path: Path) -> frozenset[str]:
    return _read_words(path, "role_nouns")


def not_actors() -> frozenset[str]:
    """Abbreviations in capitals that name no actor ("ID", "TV", "CEO"), from
    ``not_actors`` in ``lexicons/attribution_verbs.yml``."""
    return _lexicon_part(_read_not_actors)


def _read_not_actors(path: Path) -> frozenset[str]:
    return _read_words(path, "not_actors", lower=False)


def place_words() -> frozenset[str]:
    """Last words of the names of places and structures ("Bridge", "Stadium"), from
    ``place_words`` in ``lexicons/attribution_verbs.yml``."""
    return _lexicon_part(_read_place_words)


def _read_place_words(path: Path) -> frozenset[str]:
    return _read_words(path, "place_words")


def organisation_words() -> frozenset[str]:
    return _lexicon_part(_read_organisation_words)


def _read_organisation_words(path: Path) -> frozenset[str]:
    return _read_words(path, "organisation_words")


#: The fifty US states: "Rand Paul of Kentucky" is a senator and his state; and first
#: names that are also states ("Virginia") are no sign of a person.
US_STATES = frozenset({
    "Alabama", "Alaska", "Arizona", "Arkansas", "California", "Colorado", "Connecticut",
    "Delaware", "Florida", "Georgia", "Hawaii", "Idaho", "Illinois", "Indiana", "Iowa",
    "Kansas", "Kentucky", "Louisiana", "Maine", "Maryland", "Massachusetts", "Michigan",
    "Minnesota", "Mississippi", "Missouri", "Montana", "Nebraska", "Nevada",
    "New Hampshire", "New Jersey", "New Mexico", "New York", "North Carolina",
    "North Dakota", "Ohio", "Oklahoma", "Oregon", "Pennsylvania", "Rhode Island",
    "South Carolina", "South Dakota", "Tennessee", "Texas", "Utah", "Vermont", "Virginia",
    "Washington", "West Virginia", "Wisconsin", "Wyoming",
})


def _read_first_names(path: Path) -> dict[str, tuple[float, float]]:
    names: dict[str, tuple[float, float]] = {}
    with path.open(encoding="utf-8") as handle:
        lines = (line for line in handle if not line.startswith("#"))
        header = next(lines, "").strip()
        if header != "name,male,female":
            raise CorpusError("expected the header 'name,male,female'", file=path)
        for number, line in enumerate(lines, 2):
            parts = line.rstrip("\n").split(",")
            try:
                names[parts[0].casefold()] = (float(parts[1]), float(parts[2]))
            except (IndexError, ValueError):
                raise CorpusError("expected 'name,male,female' (two percentages)",
                                  file=path, line=number) from None
    return names


def first_names() -> dict[str, tuple[float, float]]:
    """First names (case-folded) of the 1990 US Census, with the percentage of men and of
    women that bear each (``data/wordlists/first_names.csv``, built by
    ``tools/build_first_names.py``; US state names left out). A phrase opening with one
    ("Terry McAuliffe") is probably a person: a heuristic, blind to many names from
    outside the US.

    >>> first_names()["terry"]
    (0.311, 0.08)
    """
    return cached_by_file(find_resource("wordlists/first_names.csv"), _read_first_names)


def first_name_gender(name: str) -> str | None:
    """"male" or "female" when the 1990 US census gives the name's first word to one sex
    at least twenty times as often as to the other ("Betty", "David"); None for names
    given to both ("Terry", "Jordan") or not in the list.

    >>> first_name_gender("Betty Drexler"), first_name_gender("Terry McAuliffe")
    ('female', None)
    """
    shares = first_names().get(name.split(" ", 1)[0].casefold())
    if not shares:
        return None
    male, female = shares
    if male >= 20 * female and male > 0:
        return "male"
    if female >= 20 * male and female > 0:
        return "female"
    return None


#: Gendered honorifics (lower case, no period): "Ms. Pelosi" is not a man.
HONORIFIC_GENDER = {"mr": "male", "mrs": "female", "ms": "female", "miss": "female",
                     "mister": "male", "madam": "female"}


#: Abbreviated titles that come *after* a name or are not titles of a person ("St. Paul").
_NOT_HONORIFICS = frozenset({"sr", "jr", "st", "mt", "ft"})


def honorifics() -> frozenset[str]:
    """Abbreviated titles ("mr", "sen", "gov") from ``wordlists/abbreviations.yml``."""
    return (load_wordlist("abbreviations", "titles") | set(HONORIFIC_GENDER)) - _NOT_HONORIFICS


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
            self.value = (honorifics(), role_nouns())
            self.stamp = stamp
        return self.value


TITLE_WORDS = _TitleWords()


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
    return title_before_in(_shadow(text), start, honorifics(), role_nouns())


def title_before_in(shadow: str, s: int, honorifics: frozenset[str], roles: frozenset[str]
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


def title_words() -> frozenset[str]:
    """Words that make a title, not a name: honorifics and role nouns ("Mr", "Rep", "Speaker")."""
    return honorifics() | role_nouns() | TITLE_MODIFIERS


#: Words that go with a title ("former President", "Vice President", "acting Secretary").
TITLE_MODIFIERS = frozenset({"former", "vice", "acting", "then", "late", "incoming",
                              "outgoing", "deputy", "assistant", "senior", "top"})


def generic_title(title: str) -> bool:
    """Whether a title names no one in particular: only honorifics, role nouns and their
    modifiers ("Mr.", "President", "former Vice President"), not "Kremlin spokesman".

    >>> generic_title("former Vice President"), generic_title("US Defense Secretary")
    (True, False)
    """
    words = [w.rstrip(".").lower() for w in title.split()]
    titles, stop = title_words(), stopwords()
    return bool(words) and all(w in titles or w in stop for w in words)


CALENDAR = re.compile(
    r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|January|February|March|April|May|June|July"
    r"|August|September|October|November|December"
    # the abbreviations that are no names ("Sept. 30"; not "Jan", "Mar")
    r"|Feb|Apr|Aug|Sept?|Oct|Nov|Dec"
)


def user_stacklevel() -> int:
    """The ``stacklevel`` of the first caller outside the kit (for warnings' locations)."""
    package = os.path.dirname(os.path.abspath(sys.modules[__name__.split(".")[0]].__file__))
    stdlib = os.path.dirname(os.path.abspath(functools.__file__))  # cached_property's frame
    frame, level = sys._getframe(1), 1
    while frame is not None and (
            os.path.abspath(frame.f_code.co_filename).startswith(package)
            or os.path.dirname(os.path.abspath(frame.f_code.co_filename)) == stdlib):
        frame, level = frame.f_back, level + 1
    return level
