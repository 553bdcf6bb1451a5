"""Frames and language markers: which ideas and which kinds of words each outlet leans on.

A *frame* is a way of presenting an event ("a conflict between sides", "a danger of
escalation", "an occasion for talks"). A *marker* is a kind of word that shows stance:
hedges ("reportedly"), intensifiers ("very"), loaded or spin words ("regime", "slammed") and
certainty words ("clearly"). Both are measured the same way here: by counting the terms of a
word list, per 1,000 words and as the share of sentences that hold at least one.

This is a heuristic. A word can occur without the frame and a frame without the words;
every score comes with the matched terms and sentences (:func:`frame_evidence`) so that
you can read them. The lexicons are YAML files under ``data/lexicons/`` (the five generic
news frames of Semetko & Valkenburg 2000, four security-news frames, and the markers); the
header of ``frames_generic.yml`` explains the term syntax. Add your own frames from a YAML
file or a dict (:func:`load_frames`, :func:`add_frame`).

How matching works: all terms of a lexicon go into one regular expression (longest first,
bounded at whole words, a hyphenated compound counting as one word) that runs over the
lower-cased text; each stretch it finds is then credited to every frame whose own terms
match there, so one phrase can count for two frames, and within one frame the longest
term wins.

What is not counted (and is still listed in the evidence tables, with ``counted=False``):

* words inside a **name, title or organisation** (``mask_actors=True``, the default): the
  mentions :func:`analysis.actors.find_mentions` finds with the article's actor lists,
  and the title phrase before a person's name ("Russian Defense Minister" in "Russian
  Defense Minister Andrei Belousov"), so "Defense" there is not a defence-frame word. A
  term that covers a whole mention is kept: the lexicon lists that name on purpose
  ("NATO" for alliance commitment, "Supreme Court" for legality). VADER is not masked.
* a **negated marker**: a negator ("not", "no", "never", "-n't", ... under ``negation:``
  in ``markers.yml``) within the 3 words before it, in the same clause: "not hoax
  devices" is not a loaded "hoax" (``negated=True``).
* a hedge inside an **attribution phrase** ("according to", "as suggested by", under
  ``attribution:`` in ``markers.yml``): naming a source is not hedging.

A score that rests on one word is fragile: the score tables name the ``dominant_term`` and
its ``dominant_share`` of the matches, and a ``note`` when one term gives 60% or more of
a score with at least two matches (:data:`DOMINANCE`).

>>> for m in find_frame_terms("NATO allies warned of escalation."):
...     print(m["start"], m["text"], m["frame"])
0 NATO alliance_commitment
5 allies alliance_commitment
12 warned escalation_threat
22 escalation escalation_threat
>>> [m["text"] for m in find_frame_terms("Russian Defense Minister Andrei Belousov spoke.")]
[]
>>> [m["text"] for m in find_frame_terms("Russian Defense Minister Andrei Belousov spoke.",
...                                      mask_actors=False)]
['Defense']
"""

from __future__ import annotations

import bisect
import functools
import itertools
import os
import re
import threading
import warnings
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

import pandas as pd
import yaml

from .actors import ActorList, actors_per_row, find_mentions, load_actors
from .actors.lexicon import role_nouns
from .compat import keyword_only
from .errors import CorpusError, require_columns
from .resources import find_resource
from .safe_patterns import check_user_regex, wildcard_pattern
from .sentiment import warn_if_not_english
from .tokens import count_words, lowered_shadow, sentence_spans
from .tokens import shadow as _shadow
from .voice import Voice, check_voice, quoted_spans, voice_of, words_by_voice
from .yamlio import cached_by_file, file_key, read_yaml

__all__ = [
    "DOMINANCE",
    "Category",
    "Lexicon",
    "add_frame",
    "add_marker",
    "counted_hits",
    "find_frame_terms",
    "find_markers",
    "frame_evidence",
    "frame_scores",
    "load_frames",
    "load_markers",
    "marker_evidence",
    "marker_rules",
    "marker_scores",
    "mention_masks",
    "outlet_frame_scores",
    "outlet_marker_scores",
]

Kind = Literal["frame", "marker"]

#: The YAML key that holds the categories of each kind of lexicon.
_TOP_KEY = {"frame": "frames", "marker": "markers"}
_DEFAULT_FILES = {"frame": ("frames_generic.yml", "frames_security.yml"),
                  "marker": ("markers.yml",)}
#: Built-in lexicons that can be named instead of a path: ``load_frames("policy")``.
_NAMED_FILES = {"frame": "frames_{}.yml", "marker": "{}.yml"}

SCORE_COLUMNS = ["n_matches", "per_1000_words", "sentence_share", "terms",
                 "n_words", "n_sentences", "n_sentences_with",
                 "dominant_term", "dominant_share", "note"]
EVIDENCE_COLUMNS = ["term", "matched", "start", "end", "sentence_index", "sentence",
                    "counted", "negated", "masked", "voice"]

#: One term giving this share of a score's matches (or more) is flagged in ``note``.
DOMINANCE = 0.6
#: ... when the score rests on at least this many matches (one match is one term anyway).
_DOMINANCE_MIN_MATCHES = 2

_BOUND_BEFORE = r"(?<![\w-])"
_BOUND_AFTER = r"(?![\w-])"


# --- lexicons ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Category:
    """One frame or marker: its name, indicator terms, definition and where it comes from."""

    name: str
    terms: tuple[str, ...]
    definition: str = ""
    source: str = ""
    file: str | None = field(default=None, compare=False)


def _term_pattern(term: str) -> str:
    """The regular expression for one term (see the syntax in frames_generic.yml)."""
    return term[3:] if term.startswith("re:") else wildcard_pattern(term)


def _ordered(terms: Iterable[str]) -> list[str]:
    """Terms longest first, so that the alternation prefers "arms race" to "arms"."""
    return sorted(set(terms), key=lambda t: (-len(t), t))


def _reference_body(terms: list[str]) -> str:
    """The plain alternation of ``terms``, in their order: what a match means."""
    return "|".join(map(_term_pattern, terms))


def _factored_body(terms: list[str]) -> str:
    """:func:`_reference_body` with shared first characters factored out: the same matches.

    In each run of terms that start with a literal character (not ``*``, a space, a hyphen
    or ``re:``), the terms are grouped by that character: ``war|deter|warn`` becomes
    ``w(?:ar|arn)|d(?:eter)``, and so on inside each group, character by character
    (``w(?:ar(?:|n))``). Only terms that start with the character at a place can match
    there, and among those the order is kept, so the engine backtracks through the same
    branches in the same order and finds the same match; it just skips the terms of other
    characters at once instead of trying them one by one. A term (or the rest of one) that
    may start with anything, or is used up, keeps its place between the runs.
    """
    return _factored([f"(?:{t[3:]})" if t.startswith("re:") else _term_pattern(t)
                      for t in terms])


#: Characters that make the start of a term's pattern something other than a literal.
_REGEX_META = frozenset("\\[](){}?*+|.^$")


def _literal_start(pattern: str) -> str | None:
    """The literal character a pattern from :func:`_term_pattern` starts with (as
    written: ``a`` or an escaped mark such as ``\\.``), or None (a class, a group, a
    wildcard, ``\\s+``, or nothing left)."""
    if not pattern:
        return None
    if pattern[0] == "\\":
        return pattern[:2] if len(pattern) > 1 and not (pattern[1].isalnum()
                                                        or pattern[1] == "_") else None
    return None if pattern[0] in _REGEX_META else pattern[0]


def _factored(patterns: list[str]) -> str:
    """The alternation of ``patterns`` (in this order), runs of literal starts factored."""
    branches: list[str] = []
    run: dict[str, list[str]] = {}

    def close_run() -> None:
        for start, rests in run.items():
            branches.append(start + rests[0] if len(rests) == 1
                            else f"{start}(?:{_factored(rests)})")
        run.clear()

    for pattern in patterns:
        start = _literal_start(pattern)
        if start is None:
            close_run()
            branches.append(pattern)
        else:
            run.setdefault(start, []).append(pattern[len(start):])
    close_run()
    return "|".join(branches)


class _Compiled:
    """One category's terms as one regex whose group number says which term matched."""

    def __init__(self, terms: Iterable[str]) -> None:
        self.terms = _ordered(terms)
        body = "|".join(f"({_term_pattern(t)})" for t in self.terms)
        self.regex = re.compile(f"{_BOUND_BEFORE}(?:{body}){_BOUND_AFTER}")

    def find(self, text: str) -> Iterator[tuple[str, int, int]]:
        for m in self.regex.finditer(text):
            yield self.terms[m.lastindex - 1], m.start(), m.end()


class Lexicon(Mapping[str, Category]):
    """An ordered set of frames (or markers), compiled once for matching.

    Use it like a dict of :class:`Category`; :meth:`table` lists it as a DataFrame. Build it
    with :func:`load_frames` / :func:`load_markers`; extend it with :func:`add_frame`.

    >>> frames = load_frames()
    >>> frames.kind, len(frames), "conflict" in frames
    ('frame', 9, True)
    """

    def __init__(self, categories: Iterable[Category], *, kind: Kind = "frame") -> None:
        if kind not in _TOP_KEY:
            raise ValueError(f"kind must be 'frame' or 'marker', not {kind!r}")
        self.kind: Kind = kind
        self._categories: dict[str, Category] = {}
        for category in categories:
            if category.name in self._categories:
                first = self._categories[category.name].file or "a dict"
                raise CorpusError(
                    f"the {kind} {category.name!r} is defined twice (first in {first}); "
                    "rename one, or use add_frame(..., replace=True)",
                    file=category.file, field=category.name)
            self._categories[category.name] = category
        self._credits: dict[str, list[tuple[str, str, int, int]]] = {}
        self._joint: dict[int, tuple[Lexicon, re.Pattern[str] | None]] = {}

    def __getitem__(self, name: str) -> Category:
        try:
            return self._categories[name]
        except KeyError:
            raise KeyError(f"no {self.kind} {name!r}; there are {', '.join(self)}") from None

    def __iter__(self) -> Iterator[str]:
        return iter(self._categories)

    def __len__(self) -> int:
        return len(self._categories)

    def __repr__(self) -> str:
        return f"<Lexicon of {len(self)} {self.kind}s: {', '.join(self)}>"

    def table(self) -> pd.DataFrame:
        """One row per category: ``<kind>, definition, n_terms, terms, source, file``.

        >>> load_markers().table()[["marker", "n_terms"]].head(2)
                 marker  n_terms
        0        hedges       36
        1  intensifiers       38
        """
        rows = [(c.name, c.definition, len(c.terms), ", ".join(c.terms), c.source, c.file)
                for c in self.values()]
        return pd.DataFrame(rows, columns=[self.kind, "definition", "n_terms", "terms",
                                           "source", "file"])

    @functools.cached_property
    def _body(self) -> str:
        """All terms of all categories in one alternation, for :attr:`_span_regex`.

        The alternation lists the terms longest first (:func:`_reference_body`); this one
        is the same alternation with the first character factored out of each run of
        terms that start with a literal character (:func:`_factored_body`), so that the
        engine tries only the terms that start with the character in front of it.
        """
        return _factored_body(_ordered(t for c in self.values() for t in c.terms))

    @functools.cached_property
    def _span_regex(self) -> re.Pattern[str]:
        """The terms at word boundaries: finds where to look."""
        return re.compile(f"{_BOUND_BEFORE}(?:{self._body}){_BOUND_AFTER}")

    @functools.cached_property
    def _never_empty(self) -> bool:
        """Does every match of a term start with a letter or digit (so none is empty)?

        True of every plain term (:func:`_check_term`), and of a ``re:`` term that starts
        with one and neither makes it optional nor holds an alternation
        (``re:may(?!\\s+\\d)``).
        """
        return all(not t.startswith("re:") or _NEVER_EMPTY.match(t, 3) is not None
                   for c in self.values() for t in c.terms)

    def _joint_regex(self, other: Lexicon) -> re.Pattern[str] | None:
        """A pattern that stops at every place where this lexicon's or ``other``'s span
        regex matches, with what each would match there in a group (1 for this one, 2
        or 3 for ``other``); None when a term might match empty text.

        Look-aheads match nothing, so the scan stops at every such place, also inside a
        match of the other lexicon; each look-ahead takes the first way its terms match
        there, as the span regex does (:meth:`_joint_hits` keeps the matches that do not
        overlap, as ``finditer`` does). One scan instead of two: the boundary before a
        term is tested once at each place.
        """
        found = self._joint.get(id(other))
        if found is None or found[0] is not other:
            regex = None
            if self._never_empty and other._never_empty:
                mine = f"(?=((?:{self._body}){_BOUND_AFTER}))"
                theirs = f"(?:{other._body}){_BOUND_AFTER}"
                regex = re.compile(f"{_BOUND_BEFORE}(?:{mine}(?=({theirs}))?|(?=({theirs})))")
            found = self._joint[id(other)] = (other, regex)
        return found[1]

    def _joint_hits(self, regex: re.Pattern[str], other: Lexicon, lowered: str
                    ) -> tuple[list[tuple[str, str, int, int]], list[tuple[str, str, int, int]]]:
        """:meth:`hits` of this lexicon and of ``other`` from one scan with ``regex``
        (:meth:`_joint_regex`): at each place, a lexicon's match counts when it starts
        where or after its previous one ended, which is where its ``finditer`` would
        look next (no term matches empty text)."""
        mine: list[tuple[str, str, int, int]] = []
        theirs: list[tuple[str, str, int, int]] = []
        mine_end = theirs_end = 0
        for m in regex.finditer(lowered):
            start = m.start()
            matched, both, alone = m.groups()
            if matched is not None and start >= mine_end:
                self._add_hits(mine, matched, start)
                mine_end = start + len(matched)
            matched = both if matched is not None else alone
            if matched is not None and start >= theirs_end:
                other._add_hits(theirs, matched, start)
                theirs_end = start + len(matched)
        return mine, theirs

    @functools.cached_property
    def _per_category(self) -> dict[str, _Compiled]:
        return {name: _Compiled(c.terms) for name, c in self.items()}

    def _credit(self, matched: str) -> list[tuple[str, str, int, int]]:
        """Which categories' terms match inside one stretch found by the span regex."""
        found = self._credits.get(matched)
        if found is None:
            found = [(name, term, s, e)
                     for name, compiled in self._per_category.items()
                     for term, s, e in compiled.find(matched)]
            self._credits[matched] = found
        return found

    def _add_hits(self, out: list[tuple[str, str, int, int]], matched: str, start: int
                  ) -> None:
        """Append the hits of one stretch the span regex matched at ``start``."""
        found = self._credits.get(matched)
        for name, term, s, e in found if found is not None else self._credit(matched):
            out.append((name, term, start + s, start + e))

    def hits(self, text: str) -> list[tuple[str, str, int, int]]:
        """Every match in ``text`` as ``(<kind>, term, start, end)``, in the order found.

        What :meth:`find` returns, without building a dict per match or sorting (the
        scorer only counts them).

        >>> load_frames().hits("NATO allies met. The war goes on.")
        ... # doctest: +NORMALIZE_WHITESPACE
        [('alliance_commitment', 'nato', 0, 4), ('alliance_commitment', 'allies', 5, 11),
         ('escalation_threat', 'war', 21, 24)]
        """
        if not isinstance(text, str):
            raise TypeError(f"expected text (a str), not {type(text).__name__}")
        found = _SCANS.hits(self, text)
        if found is not None:
            return found
        out: list[tuple[str, str, int, int]] = []
        for m in self._span_regex.finditer(lowered_shadow(text)):
            self._add_hits(out, m.group(), m.start())
        return out

    def find(self, text: str) -> list[dict[str, Any]]:
        """Every match in ``text``: ``{<kind>, term, start, end, text}``, in text order."""
        out = [{self.kind: name, "term": term, "start": s, "end": e, "text": text[s:e]}
               for name, term, s, e in self.hits(text)]
        order = {name: i for i, name in enumerate(self)}
        out.sort(key=lambda d: (d["start"], order[d[self.kind]]))
        return out


#: A ``re:`` term whose matches all start with a letter or digit: one first, not made
#: optional (``?``, ``*``, ``{``), and no alternation (``|``) that could start otherwise.
_NEVER_EMPTY = re.compile(r"[^\W_](?![?*{])(?!.*\|)", re.DOTALL)


class _Scans(threading.local):
    """Two lexicons' hits of a text from one scan, when the caller asks for both.

    The scorer asks for the frames' hits of an article, then for the markers'. Each scan
    tests the boundary before a term at every place of the text; one scan for both
    (:meth:`Lexicon._joint_regex`) saves one of those tests. So when the lexicons asked
    about the last text were A and then B, and A is asked about a new text, A's and B's
    hits are found together, and B's wait here for B's call on that text (the same
    object). The hits are those of two scans; a guess that does not come true (B is not
    asked) costs only the scan of B's terms. One per thread (Dask's threads score
    articles side by side).
    """

    def __init__(self) -> None:
        self.text: str | None = None
        self.asked: list[Lexicon] = []  # about ``text``, in order
        self.ready: tuple[Lexicon, list[tuple[str, str, int, int]]] | None = None

    def hits(self, lexicon: Lexicon, text: str) -> list[tuple[str, str, int, int]] | None:
        """``lexicon.hits(text)`` if found ahead or now with another lexicon's, else None."""
        found = None
        if text is not self.text:  # a new text (held here, so no other takes its id)
            before = self.asked
            self.text, self.asked, self.ready = text, [], None
            if len(before) == 2 and before[0] is lexicon and before[1] is not lexicon:
                regex = lexicon._joint_regex(before[1])
                if regex is not None:
                    found, theirs = lexicon._joint_hits(regex, before[1],
                                                        lowered_shadow(text))
                    self.ready = (before[1], theirs)
        elif self.ready is not None and self.ready[0] is lexicon:
            found, self.ready = self.ready[1], None
        self.asked.append(lexicon)
        return found


_SCANS = _Scans()


# --- reading lexicon files and dicts ----------------------------------------------------


def _yaml_line(path: Path, top: str, name: str, what: str, index: int | None) -> int | None:
    """The line of a category's field ``what`` (or of its ``index``-th item) in a file."""
    try:
        root = yaml.compose(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError):
        return None
    section = _child(root, top)
    category = _child(section, name, key=True)
    if category is None:
        return None
    line = category.start_mark.line + 1
    node = _child(_child(section, name), what, key=True) if what else None
    if node is not None:
        line = node.start_mark.line + 1
        items = _child(_child(section, name), what)
        if index is not None and isinstance(items, yaml.SequenceNode) and index < len(
                items.value):
            line = items.value[index].start_mark.line + 1
    return line


def _child(node: Any, name: str, *, key: bool = False) -> Any:
    """The value (or with ``key``, the key node) of ``name`` in a YAML mapping node."""
    if not isinstance(node, yaml.MappingNode):
        return None
    for k, v in node.value:
        if k.value == name:
            return k if key else v
    return None


def _error(message: str, *, file: Path | None, top: str, name: str,
           index: int | None = None, what: str = "terms") -> CorpusError:
    line = _yaml_line(file, top, name, what, index) if file is not None else None
    where = f"{top}.{name}" + (f".{what}" if what else "")
    if index is not None:
        where += f"[{index}]"
    return CorpusError(message, file=file, line=line, field=where)


def _check_term(raw: Any, *, kind: Kind, name: str, index: int, file: Path | None,
                top: str) -> str:
    def fail(message: str) -> CorpusError:
        return _error(f"{kind} {name!r}: {message}", file=file, top=top, name=name, index=index)

    if not isinstance(raw, str | int | float) or isinstance(raw, bool):
        raise fail(f"a term must be text, found {raw!r}")
    term = str(raw)
    if term.startswith("re:"):
        try:
            compiled = check_user_regex(term[3:])
        except re.error as err:
            raise fail(f"bad regular expression {term[3:]!r}: {err}") from None
        if compiled.groups:
            raise fail(f"regular expression {term[3:]!r} has capturing groups; write (?:...)")
        if compiled.fullmatch(""):
            raise fail(f"regular expression {term[3:]!r} matches empty text")
        return term
    term = " ".join(term.lower().split())
    if not term:
        raise fail("empty term")
    if not (term[0].isalnum() or term[0] == "_"):
        raise fail(f"a term must start with a letter or digit, found {raw!r} "
                   "(use 're:' for a regular expression)")
    return term


def _category(name: Any, spec: Any, *, kind: Kind, file: Path | None, top: str) -> Category:
    if not isinstance(name, str) or not name.strip():
        raise _error(f"a {kind} name must be text, found {name!r}", file=file, top=top,
                     name=str(name), what="")
    if isinstance(spec, list | tuple):  # shorthand: {name: [terms]}
        spec = {"terms": list(spec)}
    if not isinstance(spec, Mapping):
        raise _error(f"{kind} {name!r} must be a mapping with 'terms' (and 'definition', "
                     f"'source'), found {type(spec).__name__}", file=file, top=top,
                     name=name, what="")
    terms = spec.get("terms")
    if isinstance(terms, str):
        terms = [terms]
    if not isinstance(terms, list | tuple) or not terms:
        raise _error(f"{kind} {name!r} has an empty term list: give at least one term",
                     file=file, top=top, name=name)
    checked = tuple(dict.fromkeys(
        _check_term(t, kind=kind, name=name, index=i, file=file, top=top)
        for i, t in enumerate(terms)))
    for key in ("definition", "source"):
        if spec.get(key) is not None and not isinstance(spec.get(key), str):
            raise _error(f"{kind} {name!r}: {key} must be text", file=file, top=top,
                         name=name, what=key)
    try:
        _Compiled(checked)
    except re.error as err:  # e.g. an inline flag "(?i)" that is only valid at the start
        raise _error(f"{kind} {name!r}: the terms do not combine: {err}", file=file,
                     top=top, name=name) from None
    return Category(name=name, terms=checked, definition=(spec.get("definition") or "").strip(),
                    source=(spec.get("source") or "").strip(),
                    file=str(file) if file is not None else None)


def _categories_from(source: Any, kind: Kind) -> list[Category]:
    """Categories from one YAML path, one dict, or one Lexicon."""
    top = _TOP_KEY[kind]
    if isinstance(source, Lexicon):
        if source.kind != kind:
            raise ValueError(f"expected a lexicon of {kind}s, got one of {source.kind}s")
        return list(source.values())
    file: Path | None = None
    if isinstance(source, str | os.PathLike):
        file = _named_or_path(source, kind)
        content = read_yaml(file)
        if not isinstance(content, dict):
            raise CorpusError(f"expected a mapping with '{top}:'", file=file)
        declared = content.get("kind")
        if declared is not None and declared != top:
            raise CorpusError(f"is a lexicon of {declared!r}, not {top!r}; load it with "
                              f"load_{str(declared).rstrip('s')}s()", file=file, field="kind")
        if top not in content:
            raise CorpusError(f"has no '{top}:' section", file=file, field=top)
        body = content[top]
    elif isinstance(source, Mapping):
        body = source.get(top, source)
    else:
        raise TypeError(f"expected a YAML path, a dict or a Lexicon, not {type(source).__name__}")
    if not isinstance(body, Mapping) or not body:
        raise CorpusError(f"'{top}:' must map {kind} names to their terms", file=file, field=top)
    return [_category(name, spec, kind=kind, file=file, top=top) for name, spec in body.items()]


def _named_or_path(source: str | os.PathLike[str], kind: Kind) -> Path:
    """A built-in lexicon's file when ``source`` is its short name ("policy"), else the path."""
    text = os.fspath(source)
    if (isinstance(text, str) and re.fullmatch(r"[a-z][a-z0-9_]*", text)
            and not Path(text).exists()):
        try:
            return find_resource(f"lexicons/{_NAMED_FILES[kind].format(text)}")
        except CorpusError:
            if kind == "frame":  # no such set, no such file: name the sets there are
                raise CorpusError("is neither a built-in frame set (generic, security, "
                                  "policy) nor a file", file=text) from None
    return Path(source)


def _load(sources: Any, kind: Kind) -> Lexicon:
    if sources is None:
        sources = _default_files(kind)
    elif isinstance(sources, str | os.PathLike | Mapping | Lexicon):
        sources = [sources]
    categories = [c for source in sources for c in _categories_from(source, kind)]
    return Lexicon(categories, kind=kind)


def load_frames(path_or_paths: Any = None) -> Lexicon:
    """Read frame lexicons: YAML files, dicts, or a list of them (default: the kit's own).

    The default is ``data/lexicons/frames_generic.yml`` (conflict, human_interest,
    economic_consequences, morality, responsibility; Semetko & Valkenburg 2000) and
    ``frames_security.yml`` (escalation_threat, deterrence_defence, diplomacy_deescalation,
    alliance_commitment). A built-in set can be named instead of a path: ``"generic"``,
    ``"security"``, or ``"policy"`` (``frames_policy.yml``: the 14 issue frames of the
    Policy Frames Codebook, Boydstun, Card, Gross, Resnik & Smith 2014; for domestic
    policy news). A dict maps frame names to ``{"terms": [...], "definition": ...,
    "source": ...}`` or just to a list of terms. Errors name the file, line and frame.

    >>> list(load_frames({"peace": ["talks", "ceasefire", "de-escalat*"]}))
    ['peace']
    >>> list(load_frames("policy"))[:3]
    ['economic', 'capacity_resources', 'morality']
    >>> load_frames()["conflict"].source
    'Semetko & Valkenburg (2000), conflict frame (coding questions 12-15).'
    """
    return _load(path_or_paths, "frame")


def load_markers(path_or_paths: Any = None) -> Lexicon:
    """Read marker lexicons (default ``data/lexicons/markers.yml``), like :func:`load_frames`.

    >>> list(load_markers())
    ['hedges', 'intensifiers', 'loaded', 'certainty']
    """
    return _load(path_or_paths, "marker")


def add_frame(
    lexicon: Lexicon,
    name_or_source: Any,
    terms: Sequence[str] | None = None,
    *,
    definition: str = "",
    source: str = "",
    replace: bool = False,
) -> Lexicon:
    """A new lexicon with more frames (or markers); ``lexicon`` itself is left unchanged.

    ``name_or_source`` is a frame name (then give ``terms``), a YAML file, or a dict as for
    :func:`load_frames`. An existing name is an error unless ``replace=True``.

    >>> frames = add_frame(load_frames(), "humanitarian", ["aid", "relief", "refugee*"],
    ...                    definition="Help for people affected.")
    >>> len(frames), frames["humanitarian"].terms
    (10, ('aid', 'relief', 'refugee*'))
    """
    if not isinstance(lexicon, Lexicon):
        raise TypeError(f"add_frame needs a Lexicon first (from load_frames()), "
                        f"not {type(lexicon).__name__}")
    if isinstance(name_or_source, str) and not name_or_source.endswith((".yml", ".yaml")):
        if terms is None:
            raise ValueError(f"give the terms of {name_or_source!r}, e.g. "
                             f"add_frame(frames, {name_or_source!r}, ['word', 'other word'])")
        new = _categories_from({name_or_source: {"terms": list(terms),
                                                 "definition": definition,
                                                 "source": source}}, lexicon.kind)
    else:
        new = _categories_from(name_or_source, lexicon.kind)
    names = {c.name for c in new}
    if replace:
        kept = [c for c in lexicon.values() if c.name not in names]
    else:
        kept = list(lexicon.values())
    return Lexicon([*kept, *new], kind=lexicon.kind)


#: The same function for marker lexicons.
add_marker = add_frame


# --- text level -------------------------------------------------------------------------


def _default_files(kind: Kind) -> list[Path]:
    return [find_resource(f"lexicons/{name}") for name in _DEFAULT_FILES[kind]]


def _default(kind: Kind) -> Lexicon:
    """The kit's lexicon of ``kind``, built again when one of its files changes."""
    return _default_for(kind, tuple(file_key(p) for p in _default_files(kind)))


@functools.lru_cache(maxsize=8)
def _default_for(kind: Kind, keys: tuple) -> Lexicon:
    return _load(None, kind)


def _lexicon(value: Lexicon | Any, kind: Kind) -> Lexicon:
    if value is None:
        return _default(kind)
    if isinstance(value, Lexicon):
        if value.kind != kind:
            raise ValueError(f"expected a lexicon of {kind}s, got one of {value.kind}s")
        return value
    return _load(value, kind)


# --- what is not counted: names and titles, negated markers, attribution ---------------


@dataclass(frozen=True)
class _Mask:
    """A stretch of text whose words are not counted: ``start``/``end``, what it is, and
    the mention inside it (``name_start``/``name_end``) that a term may cover whole."""

    start: int
    end: int
    what: str
    name_start: int
    name_end: int


@dataclass(frozen=True)
class _MarkerRules:
    negators: frozenset[str]
    negation_applies_to: frozenset[str]
    window: int
    not_negation_after: frozenset[str]
    attribution: re.Pattern[str] | None
    attribution_applies_to: frozenset[str]


_TITLE_RUN = re.compile(
    r"((?:[A-Z][\w.'&-]*[ \t]+(?:(?:of|for|and|the|on)[ \t]+)*){1,6})$")
_TITLE_WORD = re.compile(r"[A-Za-z][\w.&'-]*")
_CLAUSE_END = re.compile(r"[.!?;:,()\[\]\"\n\u2013\u2014]")
# Up to the last _CLAUSE_END (the greedy run backs off to it): one match instead of all.
_LAST_CLAUSE_END = re.compile(r"(?s:.*)" + _CLAUSE_END.pattern)
_WORD_BEFORE = re.compile(r"[\w']+")




def _first_char_regex(terms: list[str]) -> re.Pattern[str]:
    r"""``_BOUND_BEFORE(?:<terms>)_BOUND_AFTER`` for a few phrases, which the engine scans for.

    When every term starts with a literal character, the boundary before the term is
    checked after that character instead (``a(?<![\w-].)(?:ccording to|s reported by)``:
    the character before the ``a`` is not a word character or hyphen), so the pattern
    starts with its first characters and the engine jumps from one to the next instead of
    trying every place. The matches are those of the plain alternation, as in
    :func:`_factored_body` (only the terms of one first character can match at a place).
    Good for a handful of phrases; for a lexicon (most places start with a term's first
    letter) the plain boundary first is faster.
    """
    if any(t.startswith("re:") or t[0] in "* -" for t in terms):
        return re.compile(f"{_BOUND_BEFORE}(?:{_reference_body(terms)}){_BOUND_AFTER}")
    run: dict[str, list[str]] = {}
    for term in terms:
        first = re.escape(term[0])
        run.setdefault(term[0], []).append(_term_pattern(term)[len(first):])
    branches = [f"{re.escape(ch)}(?<![\\w-](?s:.))(?:{'|'.join(rests)})"
                for ch, rests in run.items()]
    return re.compile(f"(?:{'|'.join(branches)}){_BOUND_AFTER}")


def _read_marker_rules(path: Path) -> _MarkerRules:
    content = read_yaml(path)
    content = content if isinstance(content, dict) else {}
    negation = content.get("negation") or {}
    attribution = content.get("attribution") or {}
    for key, value in (("negation", negation), ("attribution", attribution)):
        if not isinstance(value, dict):
            raise CorpusError("expected a mapping (applies_to, ...)", file=path, field=key)
    phrases = [str(p) for p in attribution.get("phrases") or []]
    regex = None
    if phrases:
        regex = _first_char_regex(_ordered(" ".join(p.lower().split()) for p in phrases))
    return _MarkerRules(
        negators=frozenset(str(w).lower() for w in negation.get("negators") or []),
        negation_applies_to=frozenset(map(str, negation.get("applies_to") or [])),
        window=int(negation.get("window", 3)),
        not_negation_after=frozenset(str(w).lower()
                                     for w in negation.get("not_negation_after") or []),
        attribution=regex,
        attribution_applies_to=frozenset(map(str, attribution.get("applies_to") or [])),
    )


def _marker_rules() -> _MarkerRules:
    """``negation:`` and ``attribution:`` of the kit's ``lexicons/markers.yml`` (or a user's
    copy found by :func:`analysis.resources.find_resource`), read again when it changes."""
    return cached_by_file(find_resource("lexicons/markers.yml"), _read_marker_rules)


def _actor_masks(text: str, actors: ActorList | None, *,
                 roles: frozenset[str] | None = None,
                 mentions: Sequence[Any] | None = None, describe: bool = True) -> list[_Mask]:
    """The stretches of ``text`` that name an actor: every mention ``actors`` finds, widened
    over the title phrase before a person's name ("Russian Defense Minister" before
    "Andrei Belousov": capitalised words, with "of", "for", "and", "the", "on" between
    them, holding a role noun such as "Minister").

    >>> actors = load_actors(event="2024-07-12-austin-belousov-call")
    >>> [(m.start, m.end, m.what) for m in _actor_masks("Russian Defense Minister Andrei "
    ...                                               "Belousov spoke.", actors)]
    [(0, 40, "title and name of Andrey Belousov: 'Russian Defense Minister Andrei Belousov'")]

    ``describe=False`` leaves out the description (the scorer only needs the spans).
    """
    if not text:
        return []
    found = find_mentions(text, actors) if mentions is None else mentions
    if not found:
        return []
    shadow = _shadow(text)
    roles = role_nouns() if roles is None else roles
    masks = []
    for m in found:
        start = m.start
        if m.kind == "person":
            run = _TITLE_RUN.search(shadow, max(0, m.start - 120), m.start)
            if run and any(w.group().lower().rstrip(".'s") in roles
                           or w.group().lower() in roles
                           for w in _TITLE_WORD.finditer(run.group(1))):
                start = run.start(1)
        if not describe:
            masks.append(_Mask(start, m.end, "masked", m.start, m.end))
            continue
        what = "title and name" if start < m.start or m.form in ("title", "title+name") \
            else "name"
        masks.append(_Mask(start, m.end, f"{what} of {m.actor}: {text[start:m.end]!r}",
                           m.start, m.end))
    masks.sort(key=lambda k: (k.start, -k.end))
    return masks


def _masked_by(masks: Sequence[_Mask], starts: list[int], s: int, e: int) -> str:
    """What masks the match ``s:e`` ("" when nothing does, or when it covers a whole name)."""
    i = bisect.bisect_left(starts, e)  # masks starting before the match ends
    for mask in masks[max(0, i - 8):i] if len(masks) > 8 else masks[:i]:
        if mask.start < e and s < mask.end:
            if s <= mask.name_start and e >= mask.name_end and mask.start >= s:
                continue  # the lexicon lists this name itself ("NATO")
            return mask.what
    return ""


def _negated(lowered: str, start: int, rules: _MarkerRules) -> bool:
    """A negator within ``rules.window`` words before ``start``, in the same clause
    (``"n't"`` in the list stands for every word ending in it)."""
    before = lowered[max(0, start - 80):start]
    last = _LAST_CLAUSE_END.match(before)
    if last:
        before = before[last.end():]
    words = _WORD_BEFORE.findall(before)[-rules.window:]
    for k, word in enumerate(words):
        if word in rules.negators or ("n't" in rules.negators and word.endswith("n't")):
            after = words[k + 1] if k + 1 < len(words) else ""
            if after not in rules.not_negation_after:
                return True
    return False


def _classify(text: str, lexicon: Lexicon, masks: Sequence[_Mask] | None, *,
              negation: bool, rules: _MarkerRules | None = None, ordered: bool = True,
              ) -> list[tuple[str, str, int, int, bool, bool, str]]:
    """Every match as ``(category, term, start, end, counted, negated, masked)``, in the
    order :meth:`Lexicon.find` gives (``ordered=False``: the order :meth:`Lexicon.hits`
    gives, which is cheaper and enough for counting)."""
    found = ([(m[lexicon.kind], m["term"], m["start"], m["end"]) for m in lexicon.find(text)]
             if ordered else lexicon.hits(text))
    if not found:
        return []
    if lexicon.kind == "marker" and rules is None:
        rules = _marker_rules()
    lowered = lowered_shadow(text) if rules is not None else ""
    attributions: list[tuple[int, int, str]] = []
    if rules is not None and rules.attribution is not None and any(
            m[0] in rules.attribution_applies_to for m in found):
        attributions = [(a.start(), a.end(), a.group())
                        for a in rules.attribution.finditer(lowered)]
    masks = masks or ()
    starts = [m.start for m in masks]
    # how far the masks starting up to each one reach: a match that starts there or
    # after it overlaps none of them (most matches), so _masked_by is not asked
    reach = list(itertools.accumulate((m.end for m in masks), max))
    bisect_left = bisect.bisect_left
    out = []
    for name, term, s, e in found:
        i = bisect_left(starts, e) if masks else 0  # the masks starting before e
        masked = _masked_by(masks, starts, s, e) if i and reach[i - 1] > s else ""
        if not masked and attributions and name in rules.attribution_applies_to:
            for a_start, a_end, phrase in attributions:
                if a_start < e and s < a_end:
                    masked = f"attribution phrase {' '.join(phrase.split())!r}"
                    break
        negated = bool(negation and rules is not None and name in rules.negation_applies_to
                       and _negated(lowered, s, rules))
        out.append((name, term, s, e, not masked and not negated, negated, masked))
    return out


def counted_hits(text: str, lexicon: Lexicon, *, mentions: Sequence[Any] | None = None,
                 masks: Sequence[Any] | None = None, negation: bool = True,
                 rules: Any = None) -> list[tuple[str, str, int, int]]:
    """The matches of ``lexicon`` in ``text`` that the score tables count, as
    ``(category, term, start, end)`` like :meth:`Lexicon.hits`.

    For a caller that already has the article's actor mentions (``mentions``, from
    :func:`analysis.actors.find_mentions`): the words inside them (and the title phrase
    before a person's name) are not counted; None masks nothing. Markers also drop
    negated matches (``negation``) and hedges inside attribution phrases. So
    ``frame_scores(corpus)`` is the same as counting ``counted_hits(text, frames,
    mentions=find_mentions(text, actors))`` with each article's actor lists. ``rules``:
    :func:`marker_rules`, for a caller that counts many texts (else read for each text).

    >>> from analysis.actors import find_mentions, load_actors
    >>> text = "Defense Secretary Lloyd Austin spoke of defense."
    >>> actors = load_actors(event="2024-07-12-austin-belousov-call")
    >>> counted_hits(text, load_frames(), mentions=find_mentions(text, actors))
    [('deterrence_defence', 'defen*', 40, 47)]
    """
    if masks is None and mentions is not None:
        masks = mention_masks(text, mentions)
    return [(name, term, s, e)
            for name, term, s, e, counted, _, _ in _classify(
                text, lexicon, masks, negation=negation and lexicon.kind == "marker",
                rules=rules, ordered=False)
            if counted]


def mention_masks(text: str, mentions: Sequence[Any], *,
                  roles: frozenset[str] | None = None) -> list[Any]:
    """The stretches of ``text`` that :func:`counted_hits` leaves out for these ``mentions``
    (each name, widened over a person's title phrase): compute them once per text and pass
    them as ``masks=`` when counting several lexicons. ``roles``:
    :func:`analysis.actors.lexicon.role_nouns`, for a caller that masks many texts (else
    read for each text)."""
    return _actor_masks(text, None, mentions=mentions, roles=roles, describe=False)


def marker_rules() -> Any:
    """The negation and attribution rules of ``lexicons/markers.yml``, as
    :func:`counted_hits` reads them for markers."""
    return _marker_rules()


def _text_masks(text: str, mask_actors: bool, actors: ActorList | Any) -> list[_Mask] | None:
    if not mask_actors:
        return None
    if actors is None:
        actors = load_actors()
    elif not isinstance(actors, ActorList):
        actors = load_actors(actors)
    return _actor_masks(text, actors)


@keyword_only("frames")
def find_frame_terms(text: str, *, frames: Lexicon | Any = None, mask_actors: bool = True,
                     actors: ActorList | Any = None) -> list[dict[str, Any]]:
    """The frame terms in ``text``: ``{frame, term, start, end, text}`` per match.

    ``term`` is the lexicon entry (e.g. ``escalat*``), ``text`` the words as written and
    ``text[start:end]`` in the input. ``frames`` is a :class:`Lexicon`, anything
    :func:`load_frames` reads, or None for the kit's frames. With ``mask_actors`` (the
    default) words inside names, titles and organisations are left out (see the module
    notes); ``actors`` is the :class:`analysis.actors.ActorList` (or paths) to find them
    with, by default all of the kit's lists. Heuristic: see the module notes.

    >>> find_frame_terms("Talks on de-escalation began.",
    ...                  frames={"peace": ["talks", "de-escalat*"], "war": ["escalat*"]})
    ... # doctest: +NORMALIZE_WHITESPACE
    [{'frame': 'peace', 'term': 'talks', 'start': 0, 'end': 5, 'text': 'Talks'},
     {'frame': 'peace', 'term': 'de-escalat*', 'start': 9, 'end': 22, 'text': 'de-escalation'}]
    """
    lexicon = _lexicon(frames, "frame")
    masks = _text_masks(text, mask_actors, actors) if isinstance(text, str) else None
    return [{"frame": name, "term": term, "start": s, "end": e, "text": text[s:e]}
            for name, term, s, e, counted, _, _ in _classify(text, lexicon, masks,
                                                              negation=False) if counted]


@keyword_only("markers")
def find_markers(text: str, *, markers: Lexicon | Any = None, mask_actors: bool = True,
                 actors: ActorList | Any = None, negation: bool = True) -> list[dict[str, Any]]:
    """The marker terms in ``text``: ``{marker, term, start, end, text}`` per match.

    Like :func:`find_frame_terms`; also leaves out a negated marker (``negation``) and a
    hedge inside an attribution phrase (see the module notes).

    >>> [(m["marker"], m["text"]) for m in find_markers("It may very well be so-called aid.")]
    [('hedges', 'may'), ('intensifiers', 'very'), ('loaded', 'so-called')]
    >>> [m["text"] for m in find_markers("They were not hoax devices, according to police.")]
    []
    """
    lexicon = _lexicon(markers, "marker")
    masks = _text_masks(text, mask_actors, actors) if isinstance(text, str) else None
    return [{"marker": name, "term": term, "start": s, "end": e, "text": text[s:e]}
            for name, term, s, e, counted, _, _ in _classify(text, lexicon, masks,
                                                              negation=negation) if counted]


# --- corpus level -----------------------------------------------------------------------


def _scan(corpus: pd.DataFrame, lexicon: Lexicon, what: str, *, mask_actors: bool,
          actors: ActorList | None, negation: bool, voice: Voice = "all",
          with_voice: bool = False):
    """Per article: (article_id, outlet, n_words, sentence spans, text, classified matches,
    quoted spans). With ``voice`` other than "all", only the matches (and words) of that
    voice are kept; ``with_voice`` finds the quoted spans anyway (for the evidence)."""
    check_voice(voice)
    require_columns(corpus, ["article_id", "outlet", "text"], what)
    warn_if_not_english(corpus, what=f"the {lexicon.kind} lexicon")
    if actors is not None and not isinstance(actors, ActorList):
        actors = load_actors(actors)
    lists = (actors_per_row(corpus, actors) if mask_actors
             else itertools.repeat((None, None), len(corpus)))
    roles = role_nouns() if mask_actors else None  # read once, not once per article
    rules = _marker_rules() if lexicon.kind == "marker" else None
    empty = []
    for article_id, outlet, text, (_, alist) in zip(
        corpus["article_id"], corpus["outlet"], corpus["text"], lists, strict=True
    ):
        spans = sentence_spans(text)
        if not spans:
            empty.append(str(article_id))
        masks = _actor_masks(text, alist, roles=roles) if alist is not None else None
        matches = _classify(text, lexicon, masks, negation=negation, rules=rules)
        n_words = count_words(text)
        quoted = quoted_spans(text) if (voice != "all" or with_voice) and text else []
        if voice != "all":
            matches = [m for m in matches if voice_of(m[2], m[3], quoted) == voice]
            outlet_words, quoted_words = words_by_voice(text, quoted)
            n_words = outlet_words if voice == "outlet" else quoted_words
        yield article_id, outlet, n_words, spans, text, matches, quoted
    if empty:
        warnings.warn(f"{len(empty)} article(s) have no sentences, so their rates are NaN: "
                      f"{', '.join(empty[:5])}", UserWarning,
                      stacklevel=5)  # 4 once frame_scores & co. lose their keyword_only shim


def _sentence_of(spans: list[tuple[int, int]], starts: list[int], position: int) -> int:
    i = bisect.bisect_right(starts, position) - 1
    return max(i, 0) if spans else -1


def _evidence(corpus: pd.DataFrame, lexicon: Lexicon, what: str, **options) -> pd.DataFrame:
    kind = lexicon.kind
    rows = []
    for article_id, outlet, _, spans, text, matches, quoted in _scan(
            corpus, lexicon, what, with_voice=True, **options):
        starts = [s for s, _ in spans]
        for name, term, s, e, counted, negated, masked in matches:
            i = _sentence_of(spans, starts, s)
            sentence = text[spans[i][0]:spans[i][1]] if i >= 0 else ""
            rows.append((article_id, outlet, name, term, text[s:e], s, e, i, sentence,
                         counted, negated, masked, voice_of(s, e, quoted)))
    return pd.DataFrame(rows, columns=["article_id", "outlet", kind, *EVIDENCE_COLUMNS]).astype(
        {"start": "int64", "end": "int64", "sentence_index": "int64", "counted": "bool",
         "negated": "bool", "masked": "object"})


def _terms_text(counts: Counter[str]) -> str:
    return "; ".join(f"{t} ({n})" for t, n in sorted(counts.items(), key=lambda x: (-x[1], x[0])))


_TERMS_ITEM = re.compile(r"(.+?) \((\d+)\)(?:; |$)")


def _terms_counter(text: str) -> Counter[str]:
    return Counter({t: int(n) for t, n in _TERMS_ITEM.findall(text or "")})


def _dominance(counts: Counter[str]) -> tuple[str, float, str]:
    """``(dominant_term, dominant_share, note)`` of one score's term counts."""
    n = sum(counts.values())
    if not n:
        return "", float("nan"), ""
    term, k = min(counts.items(), key=lambda x: (-x[1], x[0]))
    share = k / n
    note = ""
    if share >= DOMINANCE and n >= _DOMINANCE_MIN_MATCHES:
        note = (f"one term gives {share:.0%} of the matches ({term!r}, {k} of {n}; "
                f"flagged from {DOMINANCE:.0%}): read its sentences before comparing")
    return term, share, note


def _scores(corpus: pd.DataFrame, lexicon: Lexicon, what: str, **options) -> pd.DataFrame:
    kind = lexicon.kind
    rows = []
    for article_id, outlet, n_words, spans, text, matches, _ in _scan(corpus, lexicon, what,
                                                                      **options):
        starts = [s for s, _ in spans]
        found: dict[str, tuple[Counter[str], set[int]]] = {n: (Counter(), set()) for n in lexicon}
        for name, _term, s, e, counted, _negated, _masked in matches:
            if not counted:
                continue
            counts, sentences = found[name]
            counts[" ".join(text[s:e].lower().split())] += 1
            sentences.add(_sentence_of(spans, starts, s))
        for name, (counts, sentences) in found.items():
            n = sum(counts.values())
            rows.append((
                article_id, outlet, name, n,
                n / n_words * 1000 if n_words else float("nan"),
                len(sentences) / len(spans) if spans else float("nan"),
                _terms_text(counts), n_words, len(spans), len(sentences),
                *_dominance(counts),
            ))
    columns = ["article_id", "outlet", kind, *SCORE_COLUMNS]
    return pd.DataFrame(rows, columns=columns).astype(
        {"n_matches": "int64", "per_1000_words": "float64", "sentence_share": "float64",
         "n_words": "int64", "n_sentences": "int64", "n_sentences_with": "int64",
         "dominant_share": "float64"})


@keyword_only("frames")
def frame_scores(corpus: pd.DataFrame, *, frames: Lexicon | Any = None,
                 mask_actors: bool = True, actors: ActorList | Any = None,
                 voice: Voice = "all") -> pd.DataFrame:
    """Frame scores per article and frame (every frame, also those with no match).

    Columns: ``article_id, outlet, frame, n_matches, per_1000_words, sentence_share,
    terms, n_words, n_sentences, n_sentences_with, dominant_term, dominant_share, note``.
    ``per_1000_words`` is matches per 1,000 words; ``sentence_share`` the share of the
    article's sentences with at least one match; ``terms`` the matched words with counts
    (``"threat (2); escalation (1)"``); ``dominant_term`` the most frequent of them and
    ``dominant_share`` its share of ``n_matches``; ``note`` warns when one term gives
    :data:`DOMINANCE` (60%) or more of a score of two or more matches. ``voice="outlet"``
    counts only the outlet's own words (outside quotes and reported speech; ``n_words`` is
    then the outlet's words), ``"quoted"`` only its sources' (see :mod:`analysis.voice`);
    the default counts all. Words inside names,
    titles and organisations are not counted (``mask_actors=True``; ``actors`` gives the
    actor lists, by default each article's event's lists and the general ones; see
    :func:`frame_evidence` for what was masked). Heuristic; see :func:`frame_evidence`
    for the sentences. Warns about articles that do not look English or have no
    sentences. ``frames=None`` uses the kit's lexicons, read once per session: after
    editing their files, pass ``load_frames()`` to re-read them; ``frames="policy"`` uses
    the Policy Frames Codebook's issue frames.

    >>> from analysis import from_texts
    >>> corpus = from_texts({"A": "NATO allies met. Talks went on. Nothing else happened."})
    >>> # 9 words, 3 sentences: alliance 2 / 9 * 1000 = 222.2 per 1,000 words
    >>> scores = frame_scores(corpus, frames={"alliance": ["nato", "allies"], "talks": ["talks"]})
    >>> scores[["frame", "n_matches", "per_1000_words", "sentence_share", "terms"]]
          frame  n_matches  per_1000_words  sentence_share                 terms
    0  alliance          2      222.222222        0.333333  allies (1); nato (1)
    1     talks          1      111.111111        0.333333             talks (1)
    >>> scores[["frame", "dominant_term", "dominant_share"]]
          frame dominant_term  dominant_share
    0  alliance        allies             0.5
    1     talks         talks             1.0
    """
    return _scores(corpus, _lexicon(frames, "frame"), "frame_scores", mask_actors=mask_actors,
                   actors=actors, negation=False, voice=voice)


@keyword_only("markers")
def marker_scores(corpus: pd.DataFrame, *, markers: Lexicon | Any = None,
                  mask_actors: bool = True, actors: ActorList | Any = None,
                  negation: bool = True, voice: Voice = "all") -> pd.DataFrame:
    """Marker scores per article and marker: the columns of :func:`frame_scores` with
    ``marker`` in place of ``frame``. Names and titles are masked as there; a marker with
    a negator within the 3 words before it ("not a hoax") is not counted (``negation``),
    nor is a hedge inside an attribution phrase ("as suggested by"). ``voice`` as in
    :func:`frame_scores`: the intensifiers inside a spokesman's quote are his, not the
    outlet's.

    >>> from analysis import from_texts
    >>> scores = marker_scores(from_texts({"A": "It is clearly very, very bad. It may rain."}))
    >>> scores[["marker", "n_matches", "sentence_share", "terms"]]
             marker  n_matches  sentence_share        terms
    0        hedges          1             0.5      may (1)
    1  intensifiers          2             0.5     very (2)
    2        loaded          0             0.0
    3     certainty          1             0.5  clearly (1)
    """
    return _scores(corpus, _lexicon(markers, "marker"), "marker_scores",
                   mask_actors=mask_actors, actors=actors, negation=negation, voice=voice)


@keyword_only("frames")
def frame_evidence(corpus: pd.DataFrame, *, frames: Lexicon | Any = None,
                   mask_actors: bool = True, actors: ActorList | Any = None) -> pd.DataFrame:
    """One row per frame match: the evidence behind :func:`frame_scores`.

    Columns: ``article_id, outlet, frame, term, matched, start, end, sentence_index,
    sentence, counted, negated, masked``; ``term`` is the lexicon entry, ``matched`` the
    words as written and ``start``/``end`` index the article text. Matches that are not
    counted are listed too, with ``counted=False`` and why: ``masked`` says which name or
    title they sit in (e.g. ``"title and name of Andrey Belousov: 'Russian Defense
    Minister Andrei Belousov'"``); ``negated`` is for markers.

    >>> from analysis import from_texts
    >>> ev = frame_evidence(from_texts({"A": "It was calm. Then the threats began."}))
    >>> ev[["frame", "term", "matched", "sentence_index", "sentence"]]
                   frame     term  matched  sentence_index                  sentence
    0  escalation_threat  threat*  threats               1  Then the threats began.
    >>> ev = frame_evidence(from_texts({"A": "Department of Defense officials spoke."}))
    >>> ev[["frame", "matched", "counted", "masked"]].to_dict("records")
    ... # doctest: +NORMALIZE_WHITESPACE
    [{'frame': 'deterrence_defence', 'matched': 'Defense', 'counted': False,
      'masked': "name of Pentagon: 'Department of Defense'"}]
    """
    return _evidence(corpus, _lexicon(frames, "frame"), "frame_evidence",
                     mask_actors=mask_actors, actors=actors, negation=False)


@keyword_only("markers")
def marker_evidence(corpus: pd.DataFrame, *, markers: Lexicon | Any = None,
                    mask_actors: bool = True, actors: ActorList | Any = None,
                    negation: bool = True) -> pd.DataFrame:
    """One row per marker match, like :func:`frame_evidence` with ``marker`` for ``frame``;
    a negated marker is listed with ``negated=True`` and ``counted=False``.

    >>> from analysis import from_texts
    >>> marker_evidence(from_texts({"A": "Reportedly, it was huge."}))[["marker", "matched"]]
             marker     matched
    0        hedges  Reportedly
    1  intensifiers        huge
    >>> ev = marker_evidence(from_texts({"A": "Police said they were not hoax devices."}))
    >>> ev[["marker", "matched", "counted", "negated"]]
       marker matched  counted  negated
    0  loaded    hoax    False     True
    """
    return _evidence(corpus, _lexicon(markers, "marker"), "marker_evidence",
                     mask_actors=mask_actors, actors=actors, negation=negation)


def _outlet_scores(scores: pd.DataFrame, kind: Kind) -> pd.DataFrame:
    needed = ["outlet", kind, "n_matches", "terms", "n_words", "n_sentences", "n_sentences_with"]
    require_columns(scores, needed, f"outlet_{kind}_scores")
    grouped = scores.groupby(["outlet", kind], sort=False)
    out = grouped.agg(
        n_articles=("n_matches", "size"),
        articles_with=("n_matches", lambda s: int((s > 0).sum())),
        n_matches=("n_matches", "sum"),
        n_words=("n_words", "sum"),
        n_sentences=("n_sentences", "sum"),
        n_sentences_with=("n_sentences_with", "sum"),
    ).reset_index()
    words = out["n_words"].where(out["n_words"] > 0)
    sentences = out["n_sentences"].where(out["n_sentences"] > 0)
    out["per_1000_words"] = out["n_matches"] / words * 1000
    out["sentence_share"] = out["n_sentences_with"] / sentences
    out["article_share"] = out["articles_with"] / out["n_articles"]
    pooled = [sum((_terms_counter(t) for t in group), Counter())
              for _, group in grouped["terms"]]
    out["terms"] = [_terms_text(counts) for counts in pooled]
    dominance = [_dominance(counts) for counts in pooled]
    out["dominant_term"] = [d[0] for d in dominance]
    out["dominant_share"] = pd.Series([d[1] for d in dominance], index=out.index,
                                      dtype="float64")
    out["note"] = [d[2] for d in dominance]
    columns = ["outlet", kind, "n_articles", "n_matches", "per_1000_words", "sentence_share",
               "article_share", "terms", "n_words", "n_sentences", "n_sentences_with",
               "dominant_term", "dominant_share", "note"]
    return out[columns].sort_values("outlet", kind="stable").reset_index(drop=True)


def outlet_frame_scores(scores: pd.DataFrame) -> pd.DataFrame:
    """Frame scores per outlet, pooling the outlet's articles in :func:`frame_scores`.

    Columns: ``outlet, frame, n_articles, n_matches, per_1000_words`` (all matches per
    1,000 words of all articles), ``sentence_share`` (of all sentences), ``article_share``
    (articles with at least one match), ``terms``, ``n_words, n_sentences,
    n_sentences_with``, and ``dominant_term, dominant_share, note`` over the outlet's
    pooled terms (see :func:`frame_scores`).

    >>> from analysis import from_texts
    >>> corpus = from_texts({"A": ["Talks began.", "No talks, no deal."], "B": "Silence."})
    >>> out = outlet_frame_scores(frame_scores(corpus, frames={"talks": ["talks"]}))
    >>> out[["outlet", "n_articles", "n_matches", "per_1000_words", "article_share"]]
      outlet  n_articles  n_matches  per_1000_words  article_share
    0      A           2          2      333.333333            1.0
    1      B           1          0        0.000000            0.0
    """
    return _outlet_scores(scores, "frame")


def outlet_marker_scores(scores: pd.DataFrame) -> pd.DataFrame:
    """Marker scores per outlet, from :func:`marker_scores` (see :func:`outlet_frame_scores`).

    >>> from analysis import from_texts
    >>> scores = marker_scores(from_texts({"A": "It may rain."}))
    >>> outlet_marker_scores(scores)[["outlet", "marker", "n_matches"]].head(1)
      outlet  marker  n_matches
    0      A  hedges          1
    """
    return _outlet_scores(scores, "marker")
