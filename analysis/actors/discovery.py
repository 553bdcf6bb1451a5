"""Candidate actors for an event nobody has listed yet, and the list an event gets.
"""

from __future__ import annotations

import bisect
import functools
import re
import warnings
from collections import Counter, defaultdict
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

import pandas as pd
import yaml

from ..errors import require_columns
from ..resources import resource_files
from ..tokens import TRANSCRIPT_LABEL, sentence_spans, stopwords
from ..tokens import shadow as _shadow
from ..yamlio import cached_by_file
from .lexicon import (
    CALENDAR,
    HONORIFIC_GENDER,
    KINDS,
    TITLE_MODIFIERS,
    US_STATES,
    collapse,
    first_name_gender,
    first_names,
    generic_title,
    honorifics,
    not_actors,
    organisation_words,
    place_words,
    role_nouns,
    title_key,
    title_words,
    unique,
    user_stacklevel,
)
from .lists import (
    Actor,
    ActorList,
    ActorsOption,
    as_actor_list,
    claims,
    load_actors,
    read_actor_file,
)

DISCOVERY_COLUMNS = [
    "candidate", "kind_guess", "forms", "titles", "n_mentions", "n_articles", "outlets",
    "known_actor", "example", "n_speaking",
]

#: A name right before or after a speech verb: "Alan Krueger said", "said Jennifer Lee",
#: "Tom Brask, chairman of the council, said".
_SPEECH = r"(?:said|says|told|added|wrote|explained|reported|reports|announced|stated|tweeted)"
_SAID_AFTER = re.compile(rf"(?:,[^,\"\n]{{1,80}},)?[ \t]+{_SPEECH}\b")
_SAID_BEFORE = re.compile(rf"\b{_SPEECH}[ \t]+$")


_POSSESSIVE = re.compile(r"(?:'s|(?<=s)')$")


_NAME_WORD = r"(?:[A-Z]\.(?:[A-Z]\.)+|[A-Z][\w'-]*[\w]|(?:al|el|ul)-[A-Z][\w'-]*\w|[A-Z]\.|[A-Z])"


_CONNECTOR = r"(?:(?:of|for)(?:[ \t]+the)?|de|del|la|von|van|der|al|bin)"


_DEMONYM_ENDINGS = ("ian", "ean", "ese", "ish", "ic", "an")


_SPLIT_POSSESSIVE = re.compile(r"(?<='s)[ \t]+|(?<=s')[ \t]+")


_CAP_PHRASE = re.compile(
    rf"(?<![\w.@#/]){_NAME_WORD}(?:[ \t]+(?:{_CONNECTOR}[ \t]+)?{_NAME_WORD})*"
)


def _title_name_regex() -> re.Pattern[str]:
    return _compile_title_name(honorifics(), role_nouns())


@functools.lru_cache(maxsize=4)
def _compile_title_name(abbreviated: frozenset[str], roles: frozenset[str]) -> re.Pattern[str]:
    """Title + name: "Kremlin spokesman Dmitry Peskov", "California Rep. Duncan Hunter"."""
    role = "|".join(re.escape(r).replace(r"\ ", r"[ \t]+")
                    for r in sorted(roles, key=len, reverse=True))
    abbr = "|".join(re.escape(h[:1].upper() + h[1:])
                    for h in sorted(abbreviated, key=len, reverse=True))
    return re.compile(
        rf"(?<![\w'-])(?P<title>(?:{_NAME_WORD}[ \t]+){{0,4}}(?<![\w'-])"
        rf"(?:(?i:{role})(?:-elect)?|(?:{abbr})\.?)"
        rf"(?:[ \t]+(?:of|for)[ \t]+(?:the[ \t]+)?{_NAME_WORD}){{0,2}}[ \t]+)"
        rf"(?P<name>(?:[A-Z]\.[ \t]+)?[A-Z][\w'-]+(?:[ \t]+(?:[A-Z]\.|[A-Z][\w'-]+)){{0,3}})"
    )


#: A dateline opening an article or paragraph: "WASHINGTON —", "ELK RIVER, Minn. —".
#: A line that credits the reporters, not a mention in the story: a live blog's sign-off
#: ("- Bart Jansen"), "Contributing: Ann Lee, Bo Vole", "By Ann Lee and Bo Vole".
_CREDIT_LINE = re.compile(
    r"(?m)^[ \t]*(?:[-\u2013\u2014]+[ \t]*[A-Z][\w.'-]*(?:[ \t]+[A-Z][\w.'-]*){1,3}[ \t]*$|"
    r"Contributing:[ \t]+[A-Z][^\n]{0,200}$|"
    r"By[ \t]+[A-Z][\w.'-]*(?:,?[ \t]+(?:[A-Z][\w.'-]*|and))*[ \t]*$)")
_DATELINE = re.compile(
    r"(?m)^[ \t]*(?P<place>[A-Z][A-Z.'-]+(?:[ \t]+[A-Z][A-Z.'-]+)*)"
    r"(?:,[ \t]+[A-Z][\w.]*(?:[ \t]+[A-Z][\w.]*)?)?[ \t]*(?:[-\u2013\u2014]|\(AP\)|\(Reuters\))"
)


#: What may stand between a sentence's start and its first word.
_OPENERS = " \t\n\"'([*\u2014\u2013-\u2022"
_QUOTE_OPENS = re.compile(r"[\s:]['\"]")  # a quotation's first word: ': 'Let Russia fight'
_CONNECTED = re.compile(rf"[ \t]{_CONNECTOR}[ \t]")
_INITIALS = re.compile(r"[A-Z]\.?(?:[ \t]+[A-Z]\.?)*")


#: A capitalised word at a sentence's start that is probably not a name: "Stopping Trump".
_OPENER_FORM = re.compile(r"\w+(?:ing|ed|ly)")


#: The last words of newspapers' names, which stand for the paper alone ("the Post").
_PAPER_WORDS = frozenset({"post", "times", "journal", "tribune", "herald", "globe",
                          "guardian", "telegraph", "examiner", "observer", "inquirer",
                          "gazette", "chronicle", "register", "dispatch", "courant"})
_PARTY_TAG = re.compile(r"[RDI]-[A-Z][A-Za-z.]*")
#: A party before a name ("Democrat Terry McAuliffe"): not part of it.
_PARTY_WORDS = frozenset({"Democrat", "Democratic", "Republican", "GOP", "Independent",
                          "Libertarian", "Green", "Conservative", "Labour", "Liberal"})

#: Time zones after a clock time ("8:30 a.m. ET"): never an actor.
_TIME_ZONES = frozenset({"ET", "EST", "EDT", "CT", "CST", "CDT", "MT", "MST", "MDT", "PT",
                         "PST", "PDT", "GMT", "UTC", "BST", "CET", "CEST", "AEST", "IST"})
#: Generational suffixes after a surname ("Joseph R. Biden Jr."): no name of their own.
_NAME_SUFFIXES = frozenset({"Jr", "Sr", "II", "III", "IV"})
#: The capital's district, written as initials (no body: "D.C. laws", "D.C. residents").
_DISTRICTS = frozenset({"D.C.", "DC", "D.C"})


def _surname(words: Sequence[str]) -> str:
    """A name's last word, or the one before its suffix ("Biden" of "Joseph R. Biden
    Jr")."""
    return words[-2] if len(words) > 2 and words[-1] in _NAME_SUFFIXES else words[-1]


_OF_PART = re.compile(r"[ \t](?:of|for)[ \t]")
_CALENDAR_OF = re.compile(rf"[ \t](?:of|for)(?:[ \t]+the)?[ \t]+(?:{CALENDAR.pattern})$")


def _calendar(form: str) -> bool:
    """"May", "Friday", "April-June": a day, a month, or a range of them."""
    return all(CALENDAR.fullmatch(part) for part in form.split("-"))


_SEGMENT = re.compile(r"[^\n]+?(?:[.?!:](?=[\s\"\u201d]|$)|(?=\s[\u2014\u2013-]\s)|$)",
                      re.MULTILINE)
_HEAD_WORD = re.compile(r"[A-Za-z][\w'-]*")


#: Words of place names that are nobody's given name ("New York City Michael Bloomberg").
_PLACE_PARTS = frozenset({"city", "county", "state", "district", "province", "republic",
                          "kingdom", "island", "islands", "valley", "beach", "park", "bay"})
#: A name before what only a person has: a campaign, a presidency, an administration.
_CANDIDACY = re.compile(r"\b([A-Z][a-z]+)(?:['\u2019]s)?\s+(?:campaign|presidency|"
                        r"administration|supporters|candidacy|running\s+mate|re-election)\b")
_LIST_MARK = re.compile(r"\s*(?:\d{1,2}[.)]|[-*\u2022])\s*")


def _title_case_lines(shadow: str, stop: frozenset[str]) -> list[tuple[int, int]]:
    """Headings and headlines in the text, whose capitals say nothing about names: a
    line of three or more words nearly all capitalised (stopwords aside) that does not end
    like a sentence, or a part of a line (between sentence ends, colons and dashes) of two
    or more such words that ends with a colon or capitalises a stopword inside it ("Update
    at 9 a.m. ET. Republican Reaction:", "Slow Growth Is Best Bet")."""
    out = []
    for m in _SEGMENT.finditer(shadow):
        words = _HEAD_WORD.findall(m.group())
        content = [w for w in words if w.lower() not in stop]
        if len(content) < 2 or sum(w[0].isupper() for w in content) < 0.85 * len(content):
            continue
        tail = m.group().rstrip(' "\u201d')
        line_end = m.end() >= len(shadow) or shadow[m.end()] == "\n"
        begin = shadow.rfind("\n", 0, m.start()) + 1
        line_start = m.start() == begin or _LIST_MARK.fullmatch(shadow, begin, m.start()) \
            is not None  # (also after "8. ", a numbered heading's number)
        if (tail.endswith(":")
                or any(w[0].isupper() and w.lower() in stop for w in words[1:])
                or (line_start and line_end and len(content) >= 3
                    and not tail.endswith((".", "?", "!")))):
            out.append((m.start(), m.end()))
    return out


def _inside(spans: list[tuple[int, int]], pos: int) -> bool:
    k = bisect.bisect_right(spans, (pos, float("inf"))) - 1
    return k >= 0 and spans[k][0] <= pos < spans[k][1]


def _is_title_only(form: str, titles: frozenset[str] | None = None) -> bool:
    """"Mr", "California Rep", "House Speaker": the form ends in a title word."""
    words = form.split()
    return words[-1].rstrip(".").lower() in (title_words() if titles is None else titles)


#: "Rand Paul of Kentucky", "Fred Sainz of the Human Rights Campaign": a name of two or
#: three words, then "of" and a place or an organisation: two phrases.
_PERSON_OF = re.compile(
    rf"{_NAME_WORD}(?:[ \t]+{_NAME_WORD}){{1,2}}(?=[ \t]+of[ \t]+(?:the[ \t]+)?[A-Z])")
_OF_THE = re.compile(r"[ \t]+of[ \t]+(?:the[ \t]+)?")


def _name_phrases(shadow: str, names: Mapping[str, Any] | None = None,
                  orgs: frozenset[str] | None = None) -> Iterator[tuple[int, int]]:
    """Spans of capitalised phrases, split after a possessive ("Germany's | SPD") and
    between a person's name and "of" ("Rand Paul | Kentucky")."""
    for m in _CAP_PHRASE.finditer(shadow):
        pos = m.start()
        for cut in _SPLIT_POSSESSIVE.finditer(shadow, m.start(), m.end()):
            yield from _person_of(shadow, pos, cut.start(), names, orgs)
            pos = cut.end()
        yield from _person_of(shadow, pos, m.end(), names, orgs)


def _person_of(shadow: str, start: int, end: int, names: Mapping[str, Any] | None,
               orgs: frozenset[str] | None) -> Iterator[tuple[int, int]]:
    person = _PERSON_OF.match(shadow, start, end)
    of = _OF_THE.match(shadow, person.end(), end) if person is not None else None
    if person is None or " of " in person.group() or not (
            _looks_personal(person.group(), names, orgs)
            or (of is not None and shadow[of.end():end] in US_STATES)):
        yield start, end
        return
    yield start, person.end()
    if of is not None:
        yield of.end(), end


def _looks_personal(phrase: str, names: Mapping[str, Any] | None = None,
                    orgs: frozenset[str] | None = None) -> bool:
    """A first name, then one or two capitalised words, none of them an organisation word."""
    words = phrase.split()
    names = first_names() if names is None else names
    orgs = organisation_words() if orgs is None else orgs
    return words[0].casefold() in names and not {w.lower() for w in words} & orgs


def _personal_tail(form: str, names: Mapping[str, Any] | None = None,
                   orgs: frozenset[str] | None = None,
                   common: Mapping[str, int] | None = None) -> str:
    """The name at the end of a longer phrase: from its first first name on, when the
    words before hold none and what follows looks like a person's name ("Intelligence
    James R. Clapper" of "Director of National Intelligence James R. Clapper"). With
    ``common`` (counts of the words the texts use in lower case), a word before the name
    must be one of them or a demonym, so that "Ari Ezra Waldman" keeps his first name."""
    words = form.split()
    if len(words) < 3 or _CONNECTED.search(form):
        return form
    names = first_names() if names is None else names
    if words[0].casefold() in names:
        if len(words) >= 4:
            # "York City Michael Bloomberg" (of "Mayor of New York City Michael
            # Bloomberg"): a word that is no first name before a later first name (an
            # initial is none: "Ann B. Lee Jr.", whose surname is a first name too)
            for j in range(len(words) - 2, 1, -1):
                if words[j].casefold() in names and len(words) - j <= 3 \
                        and any(w.casefold() not in names and not _INITIALS.fullmatch(w)
                                for w in words[1:j]) \
                        and _looks_personal(" ".join(words[j:]), names, orgs):
                    return " ".join(words[j:])
        return form
    for k in range(1, len(words) - 1):
        if words[k].casefold() in names:
            if all(_INITIALS.fullmatch(w) for w in words[:k]) or (common is not None and not any(
                    common.get(w.lower()) or w.lower().endswith(_DEMONYM_ENDINGS)
                    or w.lower() in _PLACE_PARTS for w in words[:k])):
                return form  # "J. Christopher Stevens", "Ari Ezra Waldman" (not "York
                # City Michael Bloomberg": no one's given name is "City")
            # the last first name that opens a name of two or three words ("Michael
            # Bloomberg" of "New York City Michael Bloomberg", not "York City ...")
            for j in range(len(words) - 2, k, -1):
                if words[j].casefold() in names and len(words) - j <= 3 \
                        and _looks_personal(" ".join(words[j:]), names, orgs):
                    return " ".join(words[j:])
            tail = " ".join(words[k:])
            return tail if len(words) - k <= 4 and _looks_personal(tail, names, orgs) else form
    return form


#: Words that open a sentence before its subject, no part of a name or title ("Although
#: Mr. Sanders", "Today Mr. Baca").
_SENTENCE_OPENERS = frozenset({
    "although", "though", "today", "yesterday", "tonight", "meanwhile", "however",
    "instead", "now", "even", "since", "because", "unlike", "like", "despite", "moreover",
    "indeed", "still", "yet", "also", "perhaps", "earlier", "later", "last", "next",
    "never", "not"})
#: Modifiers that date a title rather than change it ("former", not "vice" or "deputy").
_TIME_MODIFIERS = frozenset({"former", "then", "late", "incoming", "outgoing"})
_WEEKDAY = re.compile(r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day")


def _strip_candidate(phrase: str, stop: frozenset[str], *, role_of: bool = True) -> str:
    words = phrase.split()
    if role_of:
        for k in range(1, min(4, len(words) - 1)):
            if words[k] in ("of", "for") and words[k - 1].lower() in role_nouns():
                # "CEO of Dice Holdings", "Secretary of the Treasury", "Asia Director for
                # Human Rights Watch"
                words = words[k + 1:]
                break
    based = next((k for k, w in enumerate(words) if w.lower().endswith("-based")), None)
    if based is not None and based < len(words) - 1:
        words = words[based + 1:]  # "New Hampshire-based Dyn Research": where it is based
    # "the", and "Former" (Florida Gov. ...); in a title only the time ("Vice President")
    modifiers = TITLE_MODIFIERS if role_of else _TIME_MODIFIERS
    while words and (words[0].lower() in stop or words[0].lower() in modifiers
                     or words[0].lower() in _SENTENCE_OPENERS
                     or (not role_of and len(words[0]) > 5 and words[0].endswith("ing"))
                     or _WEEKDAY.fullmatch(words[0])) and not words[0].isupper():
        # (a title opens with no participle: "Embracing President Obama")
        words = words[1:]
    while words and (words[-1].lower() in stop or _WEEKDAY.fullmatch(words[-1])) \
            and not words[-1].isupper():
        words = words[:-1]  # "Martha MacCallum Wednesday (night)"
    text = " ".join(words)
    return _POSSESSIVE.sub("", text)


#: One capitalised word joined to a lower-case one: an adjective ("Hispanic-rights issues",
#: "European-led talks"), not a name ("Coca-Cola"; "Kim Jong-un" has a space).
_LOWER_COMPOUND = re.compile(r"[A-Z][a-z]+-[a-z]{3,}")


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
    "MORE"), a verb opening a sentence ("Stopping Trump": "Trump"; not "The United
    States"), time zones ("ET"), days and months ("April-June", "Ahead of Friday"), a role
    before "of" ("CEO of Dice Holdings": "Dice Holdings"), the words of lines in title case
    (sub-headings), and an organisation word that only opens a sentence ("Service firms
    grew", when the texts also write "service" in lower case), and a listed country's
    people's adjective ("American", "Israeli"), which is no one's surname. A heuristic: expect
    capitalised common words ("Cold War") and miss names written in lower case; review the
    table before saving it with :func:`actor_list_yaml`.

    Returns
    -------
    DataFrame
        One row per candidate group: ``candidate`` (most frequent long form), ``kind_guess``
        (person / organisation / place / unknown, or the kind in ``actors`` for a known
        actor), ``forms`` and ``titles`` (" | "-joined),
        ``n_mentions``, ``n_articles``, ``outlets``, ``known_actor`` (the canonical name when
        ``actors`` already lists one of the forms, else empty), ``example`` (a sentence) and
        ``n_speaking`` (mentions right before or after "said", "says", "told", "added",
        "wrote", "explained", "reported", "announced", "stated" or "tweeted": a name of two
        or three words that speaks is guessed a person).

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
    names, orgs, titles = first_names(), organisation_words(), title_words()  # looked up once
    skip = not_actors()
    places = place_words()
    # form, title, article, outlet, sentence, next to a speech verb
    hits: list[tuple[str, str | None, Any, Any, str, bool]] = []
    lower_words: Counter[str] = Counter()
    lower_words_all: Counter[str] = Counter()
    candidacy: Counter[str] = Counter()  # "Warren campaign", "Trump's presidency"
    for text in corpus["text"]:
        if isinstance(text, str):
            lower_words_all.update(re.findall(r"\b[a-z][a-z]{3,}\b", text))
            candidacy.update(_CANDIDACY.findall(text))
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
            if " " not in m.group("name") and (_OF_PART.search(m.group("title"))
                                               or m.group("name") in _NAME_SUFFIXES):
                continue  # "CEO of Dice Holdings": "Holdings" ends the company's name;
                # "Martin Luther King Jr.": "Jr" is no name after the title "King"
            name = m.group("name")
            last = name.split()[-1].lower()
            if last in _PLACE_PARTS or last in places or name in US_STATES:
                continue  # "the former mayor of New York City": a place, no one's name
            if orgs & {w.lower() for w in name.split()}:
                continue  # "director of the American Civil Liberties Union": a body's
                # name, which takes no title ("American" is part of it)
            lead = name[:len(name) - len(_personal_tail(name, names, orgs, lower_words_all))]
            # "Secretary of State", "Director of National Intelligence": the whole title
            titled[m.start("name")] = _strip_candidate(m.group("title") + lead, stop,
                                                       role_of=False)
        datelines = {m.start("place") for m in _DATELINE.finditer(shadow)}
        headings = _title_case_lines(shadow, stop)
        credits = [m.span() for m in _CREDIT_LINE.finditer(shadow)]  # sorted, apart
        for start, end in _name_phrases(shadow, names, orgs):
            if start in datelines or (headings and _inside(headings, start)) \
                    or (credits and _inside(credits, start)):
                continue  # a dateline, a line in title case (a sub-heading), a credit
            k = max(0, bisect.bisect_right(starts, start) - 1)
            sent = text[spans[k][0]:spans[k][1]] if spans else text
            form = _strip_candidate(shadow[start:end], stop)
            if not form or len(form) < 2:
                continue
            # A sentence's first word, also after an opening quote or bracket ('"Let Russia').
            sentence_start = (not spans or not shadow[spans[k][0]:start].strip(_OPENERS)
                              or _QUOTE_OPENS.match(shadow, max(0, start - 2)) is not None
                              or TRANSCRIPT_LABEL.fullmatch(
                                  shadow, shadow.rfind("\n", 0, start) + 1, start) is not None)
            # (also after a transcript's speaker label: "LIASSON: Well, ...")
            first = form.split(" ", 1)[0]
            if (sentence_start and " " in form and _OPENER_FORM.fullmatch(first)
                    and shadow[start:end].startswith(first)  # not "The United States"
                    and (first.endswith("ing") or lower_words_all.get(first.lower()))):
                form = form.split(" ", 1)[1]  # "Stopping Trump": the verb is not a name
            title = titled.get(start)
            if title is None:
                # "Federal Chancellor Olaf Scholz": split a leading title off the phrase.
                for pos, t in titled.items():
                    if start < pos < end:
                        title, form = t, _strip_candidate(shadow[pos:end], stop)
                        sentence_start = False  # the name follows its title
                        break
            if " " in form and form.split(" ", 1)[0] in _PARTY_WORDS \
                    and _looks_personal(form.split(" ", 1)[1], names, orgs):
                form = form.split(" ", 1)[1]  # "Democrat Terry McAuliffe"
            form = _personal_tail(form, names, orgs, lower_words_all)
            state = form.rsplit(" of ", 1)
            if len(state) == 2 and state[1] in US_STATES and " " in state[0] \
                    and (title is not None or _looks_personal(state[0], names, orgs)):
                form = state[0]  # "Steny Hoyer of Maryland": a person, then their state
            if " " in form and form.rsplit(" ", 1)[1] in _PARTY_WORDS \
                    and form.rsplit(" ", 1)[0] in US_STATES:
                continue  # "the Ohio Democrat": a label of a person named elsewhere
            if form.count(" ") > 1 and form.rsplit(" ", 1)[1] in _PARTY_WORDS \
                    and _looks_personal(form.rsplit(" ", 1)[0], names, orgs):
                form = form.rsplit(" ", 1)[0]  # "an old-school Robert Taft Republican":
                # a kind of Republican named after a person, who is the candidate
            if not form or _INITIALS.fullmatch(form) or _is_title_only(form, titles) \
                    or form in skip or form in _NAME_SUFFIXES:
                continue  # "U.", "Mr", "California Rep": initials or a title, not a name;
                # "ID", "TV": an abbreviation of no actor
            if form.isupper() and len(form) > 2 and (lower_words_all.get(form.lower())
                                                     or form.lower() in stop):
                continue  # "MORE", "BOOMING", "ALL": a word in capitals
            if _PARTY_TAG.fullmatch(form):
                continue  # "D-Calif" of "(D-Calif.)"
            if " " not in form and (
                (sentence_start and form.lower() in stop) or _calendar(form)
                or form in _TIME_ZONES or _LOWER_COMPOUND.fullmatch(form)
            ):
                continue  # (also "Hispanic-rights", "European-led": an adjective)
            if form.endswith(" Day") and form.count(" ") == 1 \
                    and form.split()[0].casefold() not in first_names():
                continue  # "Election Day", "Labor Day": a named day (not "Doris Day")
            if _CALENDAR_OF.search(form):
                continue  # "Ahead of Friday", "End of March": a time, not an actor
            if not sentence_start:
                inside_sentence[form] += 1
            elif " " in form and title is None and shadow[start:end].startswith(form) \
                    and not orgs & {w.lower() for w in form.split()}:
                # (not "The White House", "Border Patrol agents": the name of a body)
                starters.add(len(hits))
            speaks = (_SAID_AFTER.match(shadow, end) is not None
                      or _SAID_BEFORE.search(shadow, max(0, start - 12), start) is not None)
            hits.append((form, title, article_id, outlet, sent, speaks))
    # "Later Lloyd Austin": drop a sentence's first word that the texts also use in lower case.
    for k in starters:
        form, *rest = hits[k]
        first, tail = form.split(" ", 1)
        if lower_words[first.lower()]:
            hits[k] = (tail, *rest)
    # Drop single words that are ordinary words capitalised at the start of a sentence,
    # and a people's adjective ("Russian", "Iranian") unless it is some name's last word
    # ("Ryan" of "Paul Ryan", "Sullivan", "Jordan": surnames end so too).
    # A listed country's people's adjective is no one's surname ("Formal American
    # recognition" opening a sentence: "American" is no person).
    adjective_stems = _country_stems(actors)
    surnames = {h[0].split()[-1] for h in hits if " " in h[0] and h[0][:1].isupper()}
    surnames = {w for w in surnames if not _country_adjective(w, adjective_stems)}
    hits = [h for h in hits if " " in h[0] or h[0] in surnames or h[0].isupper()
            or not (h[0].lower().endswith(_DEMONYM_ENDINGS)
                    or _country_adjective(h[0], adjective_stems))]
    hits = [h for h in hits if " " in h[0] or h[0].isupper() or h[1]
            or (h[0] in surnames  # not "Research company says" of "Dyn Research"
                and (inside_sentence[h[0]] > 0 or lower_words[h[0].lower()] == 0))
            or (h[0].lower() in orgs  # "Pentagon", not "Service firms"
                and (inside_sentence[h[0]] > 0 or lower_words[h[0].lower()] == 0))
            or (lower_words[h[0].lower()] == 0 and inside_sentence[h[0]] > 0)]
    hits = _split_glued(hits)
    forms = Counter(h[0] for h in hits)
    known = actors._matcher if actors is not None and len(actors) else None
    known_of = {}
    if known is not None:
        for f in forms:
            entry = known.names.get(collapse(f))
            if entry:
                known_of[f] = known.actors[entry[0]].name
    articles_of: dict[str, set[Any]] = defaultdict(set)
    for h in hits:
        articles_of[h[0]].add(h[2])
    honorific: dict[str, set[str]] = defaultdict(set)  # "Obama" -> {"male"} ("Mr. Obama")
    for h in hits:
        gender = HONORIFIC_GENDER.get(h[1].rstrip(".").lower()) if h[1] else None
        if gender and " " not in h[0]:
            honorific[h[0]].add(gender)
    groups = _group_forms(forms, known_of, articles_of, honorific, lower_words_all)
    rows = []
    hits_by_form: dict[str, list] = defaultdict(list)
    for h in hits:
        hits_by_form[h[0]].append(h)
    for head, members in groups.items():
        member_hits = [h for f in members for h in hits_by_form[f]]
        n = len(member_hits)
        if n < min_mentions:
            continue
        titles = unique(h[1] for h in member_hits if h[1])
        known_name = ""
        n_speaking = sum(h[5] for h in member_hits)
        kind = _guess_kind(head, members, titles, speaks=n_speaking > 0, names=names,
                           common=lower_words, candidacy=candidacy)
        if known is not None:
            for f in members:
                entry = known.names.get(collapse(f))
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
            n_speaking,
        ))
    table = pd.DataFrame(rows, columns=DISCOVERY_COLUMNS)
    return table.sort_values(["n_mentions", "candidate"], ascending=[False, True],
                             kind="stable").reset_index(drop=True)


def _spelling_variants(a: str, b: str) -> bool:
    """Two spellings of one first name: one letter apart in names of five letters or more
    ("Mohamed", "Mohammed"; "Sergei", "Sergey"), or one the short form of the other
    ("Chris", "Christopher"). "John" and "Joan" are two names."""
    if not (a.isalpha() and b.isalpha()) or a == b:
        return False
    short, long_ = sorted((a, b), key=len)
    if len(short) >= 3 and len(long_) >= 5 and long_.startswith(short):
        return True
    if len(short) < 5 or len(long_) - len(short) > 1:
        return False
    if len(short) == len(long_):
        return sum(x != y for x, y in zip(short, long_, strict=True)) == 1
    return any(long_[:k] + long_[k + 1:] == short for k in range(len(long_)))


def _initials(name: str) -> str:
    """The capitals of a name's words, small words aside ("Federal Bureau of Investigation":
    "FBI"); "" when a word other than those starts in lower case."""
    words = [w for w in name.replace("-", " ").split() if w not in _ACRONYM_SKIPS]
    if not words or not all(w[:1].isupper() for w in words):
        return ""
    return "".join(w[0] for w in words)


_ACRONYM_SKIPS = frozenset({"of", "the", "for", "and", "on", "in", "&"})


def _group_forms(forms: Counter[str], known_of: dict[str, str] | None = None,
                 articles_of: dict[str, set[Any]] | None = None,
                 honorific: Mapping[str, set[str]] | None = None,
                 common: Mapping[str, int] | None = None) -> dict[str, set[str]]:
    """Group likely-same forms under the most frequent long form; forms that an actor list
    gives to one actor ("US", "United States") go together under its name if used.

    A longer form that ends with another name goes with it ("Agent Peter Strzok", "Peter
    Strzok"); a surname goes with the one full name it ends, or, when several end with it,
    with the one it shares clearly the most articles with ("Trump" with "Donald Trump",
    not with a stray "Libra Trump"), and never with a full name whose first name is of the
    other sex than the surname's honorifics (``honorific``: "Mr. Obama" is not "Michelle
    Obama"). Only names of people go by their first and last words ("House Intelligence
    Committee" is not "House Judiciary Committee")."""
    multi = [f for f in forms if " " in f]
    parent: dict[str, str] = {f: f for f in forms}
    by_ends: dict[tuple[str, str], list[str]] = defaultdict(list)
    orgs = organisation_words()
    for f in multi:
        w = f.split()
        if not _CONNECTED.search(f) and not orgs & {x.lower() for x in w}:
            by_ends[(w[0], _surname(w))].append(f)  # (not "Ted Cruz of Texas" with "Ted Poe")
    # "Mohamed Morsi" and "Mohammed Morsi": one person, spelt two ways
    firsts_of: dict[str, list[str]] = defaultdict(list)  # last word -> first words kept
    people: dict[tuple[str, str], list[str]] = defaultdict(list)
    for (first, last), same in by_ends.items():
        kept = firsts_of[last]
        rest = {f.split(" ", 1)[1] for f in same}  # the same name after the first word
        head = next((k for k in kept if _spelling_variants(k, first)
                     and rest & {f.split(" ", 1)[1] for f in people[(k, last)]}), None)
        if head is None:
            kept.append(first)
        people[(head or first, last)].extend(same)
    for same in people.values():
        best = max(same, key=lambda f: (forms[f], -len(f)))
        for f in same:
            parent[f] = best
    # "Crooked Hillary", "Sleepy Joe": a nickname of common words before a first name goes
    # with the one full name opening with that first name (``common``: the words the texts
    # use in lower case), and so does the first name alone ("Hillary")
    firsts: dict[str, set[str]] = defaultdict(set)
    for f in multi:
        w = f.split()
        if len(w) in (2, 3) and _looks_personal(f):
            firsts[w[0]].add(f)
    for f in multi:
        w = f.split()
        owners = firsts.get(w[-1], set())
        if common and len(w) == 2 and len(owners) == 1 and common.get(w[0].lower()):
            parent[f] = next(iter(owners))
            if w[-1] in forms and parent[w[-1]] == w[-1]:
                parent[w[-1]] = parent[f]
    places = place_words()
    for f in sorted(multi, key=lambda f: len(f.split())):
        words = f.split()
        if len(words) > 2 and words[1] == "of" and words[0][:1].isupper() \
                and words[0].lower() not in orgs and words[0].lower() not in places:
            # "Hurwitz of Western Michigan University" (of "Professor Hurwitz of ..."): a
            # person and where they work, not the university; with the one full name
            # ending in that surname, if there is one
            people = {parent[m] for m in multi if m != f and " of " not in m
                      and m.split()[-1] == words[0] and _looks_personal(m)}
            if len(people) == 1:
                parent[f] = people.pop()
            continue
        for k in range(1, len(words) - 1):
            tail = " ".join(words[k:])
            if any(w in forms for w in words[:k]) and not _looks_personal(tail):
                break  # "Trump White House": the first word is a name of its own
            if tail in forms:
                parent[f] = parent[tail]
                break
    by_last: dict[str, list[str]] = defaultdict(list)
    for m in multi:
        words = m.split()
        if words[0][0].isupper() and not organisation_words() & {w.lower() for w in words} \
                and not _CONNECTED.search(m):  # not "Marco Rubio of Florida" for "Florida"
            by_last[_surname(words)].append(m)
    articles_of = articles_of or {}
    for f in forms:
        if " " in f or f in (known_of or {}) or _demonym(f):
            continue  # a listed actor ("Ukraine") or a people ("Americans") is no surname
        owners = {parent[m] for m in by_last.get(f, [])}
        if not owners and f.isupper() and len(f) > 2 and f.isalpha():
            # "LIASSON" (a transcript's label) of "Mara Liasson": a surname in capitals
            owners = {parent[m] for m in by_last.get(f.capitalize(), [])}
        if len(owners) > 1:
            # "Trump" of "Donald Trump", not of "Never Trump": when only one owner opens
            # with a first name, that one
            personal = {o for o in owners if _looks_personal(o)}
            if len(personal) == 1:
                owners = personal
        if honorific and honorific.get(f):  # "Mr. Obama": not "Michelle Obama"
            owners = {o for o in owners
                      if first_name_gender(o) in (None, *honorific[f])}
        if len(owners) > 1 and articles_of:
            mine = articles_of.get(f, set())
            shared = sorted(((len(mine & set().union(*(articles_of.get(m, set())
                                                       for m in by_last[f] if parent[m] == o))),
                              o) for o in owners), reverse=True)
            if shared[0][0] and shared[0][0] >= 2 * shared[1][0]:
                owners = {shared[0][1]}
        if len(owners) == 1:
            parent[f] = owners.pop()
    # "the Post" after "The Washington Post": a newspaper's short name, when one name ends so
    for f in forms:
        if " " not in f and f.lower() in _PAPER_WORDS and parent[f] == f:
            owners = {parent[m] for m in multi if m.split()[-1] == f and m.split()[0] != f}
            if len(owners) == 1:
                parent[f] = owners.pop()
    # "NSA" and "National Security Agency", "ACLU" and "American Civil Liberties Union": an
    # acronym goes with the one name whose initials it is
    for f in forms:
        if " " not in f and f.isupper() and f.isalpha() and 2 <= len(f) <= 6 \
                and parent[f] == f:
            owners = {parent[m] for m in multi if _initials(m) == f}
            if len(owners) == 1:
                parent[f] = owners.pop()
    # "Kim Jong-un" and "Kim Jong Un": one name, with a hyphen or a space; "ObamaCare" and
    # "Obamacare": one word in two cases (not a word in capitals: "US" is not "Us")
    by_spelling: dict[str, str] = {}
    spelt = [f for f in forms if " " in f or not f.isupper()]
    for f in sorted(spelt, key=lambda f: (-forms[f], f)):
        head = by_spelling.setdefault(" ".join(f.replace("-", " ").casefold().split()), f)
        if parent[head] != parent[f]:
            old_head, new_head = parent[f], parent[head]
            for g in forms:
                if parent[g] == old_head:
                    parent[g] = new_head
    # "Prayuth" after "Prayuth Chan-ocha", "Xi" after "Xi Jinping": a given name (or a
    # family name written first) alone goes with the one person's name it opens
    for f in forms:
        if " " in f or parent[f] != f or f in (known_of or {}) or f in US_STATES \
                or (common or {}).get(f.lower()):
            continue  # (nor "Bill" where the texts write "bill" for a law)
        owners = {parent[m] for m in multi if m.split(" ", 1)[0] == f}
        if len(owners) == 1:
            owner = next(iter(owners))
            words = owner.split()
            if len(words) in (2, 3) and not orgs & {w.lower() for w in words} \
                    and not _CONNECTED.search(owner):
                parent[f] = owner
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


def _own_outlet(candidate: str, outlets_named: str, outlets: set[str]) -> bool:
    """Is ``candidate`` the name of the one outlet whose articles name it ("USA TODAY" in
    USA TODAY's article, "CNN" in "CNN (Web News)")? ``outlets_named`` is the table's
    ``outlets`` cell (" | " between names); ``outlets`` all outlets, case-folded."""
    named = {o.casefold() for o in str(outlets_named).split(" | ")}
    # the outlet's name without what follows it in parentheses or after " - " ("CNN (Web
    # News)", "New York Times - News"); "Washington" is not "Washington Times"
    bare = {re.sub(r"\s*(?:\(.*\)|\s-\s.*)$", "", o) for o in named}
    return len(named) == 1 and candidate.casefold() in named | bare and named <= outlets


def _split_glued(hits: list[tuple]) -> list[tuple]:
    """Hits whose form is a name in capitals glued to another name ("Whitmer told USA
    TODAY Pence remains ...") as the second name alone, when both are seen on their own
    elsewhere; the verb before belonged to the first, so the second does not speak."""
    forms = Counter(h[0] for h in hits)
    out = []
    for h in hits:
        words = h[0].split()
        k = 0
        while k < len(words) - 1 and words[k].isupper() and len(words[k]) > 1:
            k += 1
        head, tail = " ".join(words[:k]), " ".join(words[k:])
        if 0 < k < len(words) and forms[head] and forms[tail] and not h[1]:
            h = (tail, h[1], h[2], h[3], h[4], False)
        out.append(h)
    return out


#: How a people's adjective ends after its country's name: "America-n", "Israel-i",
#: "Chin-ese", "Iran-ian", "Turk-ish".
_ADJECTIVE_ENDINGS = ("n", "an", "ian", "ean", "i", "ese", "ish")


def _country_stems(actors: ActorList | None) -> frozenset[str]:
    """The names of the listed countries and places, and each without its final vowel or
    "y" ("Chin" of "China", "German" of "Germany"): the stems of their people's
    adjectives. A name's last word (of "North Korea", "Korea")."""
    if actors is None:
        return frozenset()
    names = {n.split()[-1] for a in actors if a.kind in ("country", "place")
             for n in (a.name, *a.aliases)}
    names = {n for n in names if n[:1].isupper() and n.isalpha() and len(n) >= 4}
    return frozenset(names | {n[:-1] for n in names if n[-1] in "aeiouy"})


#: Peoples' adjectives no stem and ending give ("French" of "France"): never a name's
#: first word or a surname ("French voters" made "French Fifth Republic" a person).
_IRREGULAR_ADJECTIVES = frozenset({"French", "Dutch", "Swiss", "Greek", "Thai", "Czech",
                                   "Welsh", "Arab", "Saudi", "British", "English", "Scottish",
                                   "Irish", "Filipino", "Cypriot", "Basque", "Flemish"})


def _country_adjective(word: str, stems: frozenset[str]) -> bool:
    """A people's adjective of a listed country or place ("American", "Israeli",
    "Chinese", "Gazan"): a stem of :func:`_country_stems` and an adjective's ending; or an
    irregular one ("French", "Dutch")."""
    if word in _IRREGULAR_ADJECTIVES:
        return True
    return any(word.endswith(e) and word[:-len(e)] in stems for e in _ADJECTIVE_ENDINGS) \
        or (word in stems and word + "y" in stems)  # "German" of "Germany"


def _demonym(word: str) -> bool:
    """A people's name in the plural ("Americans", "Iraqis"); not a surname such as
    "Evans", whose singular is a first name, nor a singular ("Ryan", "Morgan"), nor a
    surname in "-is" that is a first name too or has a vowel before it ("Davis",
    "Harris", "Francois": the plural of a people's "-i" has a consonant there)."""
    low = word.lower()
    names = first_names()
    return len(low) > 4 and low.endswith("s") and (
        low[:-1].endswith(_DEMONYM_ENDINGS)
        or (low.endswith("is") and low not in names and low[-3] not in "aeiou")) \
        and low[:-1] not in names


def _guess_kind(head: str, members: set[str], titles: Sequence[str], *,
                speaks: bool = False, names: Mapping[str, Any] | None = None,
                common: Mapping[str, int] | None = None,
                candidacy: Mapping[str, int] | None = None) -> str:
    """``person``, ``organisation`` or ``unknown`` for a group of forms. ``common``:
    counts of the words the texts use in lower case; a surname is not one of them
    ("Southern Border" and "Border" are no person). ``candidacy``: how often each word
    stands before "campaign", "presidency", "administration" ... ("Warren campaign"): a
    surname used so at least twice is a person's, even with no full name in the texts."""
    if head in US_STATES or any(f in US_STATES or f in _DISTRICTS for f in members):
        return "unknown"  # "New York said": a state, no person; "D.C.": a district
    if len(head.split()) > 1 and head.split()[-1].lower() in place_words():
        return "unknown"  # "George Washington Bridge": a place, no person
    # (a one-word name before "of" is the words that count: "Hurwitz of Western
    # Michigan University" is a person where they work; "Department of Justice" a body)
    words = {w.lower() for f in members
             for w in (f.split()[:1] if len(f.split()) > 2 and f.split()[1] == "of"
                       else f.split())}
    if words & organisation_words():
        return "organisation"
    if titles and any(t.rstrip(".").lower() in HONORIFIC_GENDER for t in titles):
        return "person"  # "Mr. Trump": a person, even beside "DT" (his initials)
    initials = {_initials(m) for m in members if " " in m and _looks_personal(m)}
    if any(f.isupper() and len(f) > 1 and not any(c.isdigit() for c in f)
           and f not in initials
           and not any(m.endswith(" " + f.capitalize()) for m in members) for f in members):
        return "organisation"  # ("FDA", not "COVID-19", "H1N1", "F-35": no body; nor
        # "LIASSON" beside "Mara Liasson": a surname in capitals; nor "DT" beside
        # "Donald Trump": his initials)
    if titles:
        return "person"
    if " " not in head and head[:1].isupper() and (candidacy or {}).get(head, 0) >= 2:
        return "person"  # "the Warren campaign", "Trump's presidency"
    if len(head.split()) in (2, 3) and not _CONNECTED.search(head) \
            and not head.split()[0].isupper() and (
            speaks or head.split()[0].casefold() in (first_names() if names is None
                                                      else names)):
        return "person"  # "Alan Krueger said", "Terry McAuliffe": a first and last name
        # (not "RIA Novosti reported": a name in capitals first is no given name)
    if any(len(f.split()) >= 2 and not re.fullmatch(r"(?:[A-Z]\.){2,}", f.split()[0])
           for f in members) and any(
            " " not in f and not (common or {}).get(f.lower()) and not _demonym(f)
            for f in members):
        return "person"  # a full name and its surname (not "Everyday Americans", nor
        # "U.S. Constitution" and "Constitution": no one's given name is "U.S.")
    return "unknown"


def actor_list_yaml(discovered: pd.DataFrame, *, event: str | None = None,
                    actors: ActorsOption = None,
                    source: str = "Proposed by analysis.actors.discover_actors; review it.") -> str:
    """Turn a :func:`discover_actors` table (after you have edited it) into actor-list YAML.

    Rows whose ``kind_guess`` is ``unknown`` are written as ``kind: place`` (check them).
    Single-word surnames are left out of ``aliases`` (the kit derives them), generic titles
    ("Mr.", "President") are left out of ``titles`` (the kit reads them before any listed
    person's surname) but decide ``gender`` ("Mr." male, "Ms." female; without one, a
    first name the 1990 US census gives almost only to one sex), only people keep
    titles (a role phrase before "States" is not a title of the country), and an alias or
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
            for key in claims(a):
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
            listed = owner.get(collapse(name).casefold(), "")
        if listed and known is not None and listed in known:
            name, kind = listed, known[listed].kind
        forms = [f for f in str(row.forms).split(" | ") if f and f != name]
        aliases = [f for f in forms if not (" " not in f and name.endswith(" " + f))
                   and f.casefold() not in claimed
                   and owner.get(collapse(f).casefold(), name) == name]
        claimed.update(f.casefold() for f in aliases)
        titles = [t for t in str(getattr(row, "titles", "") or "").split(" | ")
                  if t and t != "nan"]
        genders = {HONORIFIC_GENDER.get(t.rstrip(".").lower()) for t in titles} - {None}
        titles_kept = [t for t in titles if t.casefold() not in claimed and not generic_title(t)
                       and owner.get(title_key(t), name) == name
                       and kind == "person"]  # "president of the United": not a country's
        claimed.update(t.casefold() for t in titles_kept)
        entry = entries.setdefault(name, {"name": name, "kind": kind})
        if aliases:
            entry["aliases"] = [*entry.get("aliases", []), *aliases]
        if titles_kept:
            entry["titles"] = [*entry.get("titles", []), *titles_kept]
        if kind == "person" and not genders:
            genders = {first_name_gender(name)} - {None}
        if kind == "person" and len(genders) == 1 and "gender" not in entry:
            entry["gender"] = genders.pop()
    return list(entries.values())


class DiscoveredActorsNotice(UserWarning):
    """An event has no actor list of its own: the kit proposes one (:func:`event_actors`)."""


def event_actors(corpus: pd.DataFrame, *, actors: ActorsOption = None,
                 min_mentions: int = 2) -> ActorList:
    """The actor list for the articles of an event, saying where it came from (``.origin``).

    * ``actors`` given (a list or YAML paths): that list.
    * Every event of ``corpus`` has its own list under ``data/actors/`` (a list whose
      ``events:`` names it): those lists with the general ones, as :func:`load_actors`.
    * Otherwise the people and organisations that :func:`discover_actors` finds in the
      articles of the events without a list (mentioned at least ``min_mentions`` times,
      or once when it speaks: "said Jennifer Lee, an economist", "the Associated Press
      reported"),
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
    table = discover_actors(rows, actors=base, min_mentions=1)
    table = table[table["kind_guess"].isin(["person", "organisation"])
                  & ((table["n_mentions"] >= min_mentions)
                     | (table["n_speaking"] > 0))]
    # An outlet naming itself ("Pritzker told USA TODAY", "CNN reported") is no actor
    outlets = {str(o).casefold() for o in rows["outlet"].dropna()}
    own = [_own_outlet(c, o, outlets)
           for c, o in zip(table["candidate"], table["outlets"], strict=True)]
    table = table[~pd.Series(own, index=table.index, dtype=bool)]
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
    warnings.warn(f"Using {note}", DiscoveredActorsNotice, stacklevel=user_stacklevel())
    return result
