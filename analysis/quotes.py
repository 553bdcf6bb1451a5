"""Who gets to speak: direct quotes, reported speech, speakers and attribution verbs.

:func:`find_quotes` finds, in one text,

* **direct quotes** in straight or curly marks (also „German“, «French», the New York
  Times' ``''two apostrophes''`` and, outside double quotes, 'single' marks), spanning
  sentences or paragraphs (a paragraph that ends inside a quote and a next one that opens
  with a mark continue it), with the cue before, after or in the middle ("A," he said,
  "B."); a quote whose closing mark is missing is reported with ``closed=False``, never an
  exception; marks inside markup (``<tweet author="...">``) are ignored;
* **scare quotes and terms**: a marked phrase of at most four words with no speech verb
  near it, inside a sentence of the text's own (the "Rage" tour, William "Mo" Cowan), is
  kind ``scare``: listed by :func:`quote_table`, left out of :func:`voice_table` and
  :func:`verb_table`;
* **thought and intention** ("X believes the vote was rigged", "X fears that ..."): with
  the lexicon's ``thought`` verbs, outside every quote and reported speech, kind
  ``thought``: listed by :func:`quote_table` (attribution corpora such as PolNeAR count
  them), but no voice, left out like ``scare``;
* **reported speech**: "X said that ...", "according to X, ...", "X told journalists
  (that) ...", "X emphasized the importance of ...", "X warned of ...", "X described Y as
  ...", "..., X announced (on Monday).", "The vote, X said, was ...", a lexicon verb with an
  object ("X criticized the plan"), and for the verbs listed under ``clause_verbs`` in the
  lexicon a clause with no "that" ("X insisted the vote was on time", "X said stocks
  aren't cheap"); a participle after a comma or a form of "be" ("..., citing weak
  exports", "is calling for ...", "..., saying the deal was fair"), or after a written
  statement ("X issued a statement saying ..."); "referred to ...", "pointed out ..."; for
  the lexicon's ``to_verbs`` a "to" infinitive ("X declined to comment"); an indirect
  question ("X wondered whether ...", "X asked voters if ...", "X would not say whether
  ..."); a question put to someone, with no speaker ("When asked whether ...", "Asked
  about ...,", "X was asked if ..."); "As X noted, ..."; a verb after a verb that passes
  its subject on ("went on to criticize", "began criticizing"); a Title Case headline's
  capitalised -s verb ("Lee Slams Budget Plan"); the lexicon's ``evidence`` verbs after a
  poll, a study, records ... ("a poll shows ...", "the study found that ...") or before
  "that" ("he has found that ..."); verbs of thought and intention ("X believes ...", "X
  wants to ...") only when the lexicon's ``thought_as_speech`` is true. Reported speech
  inside a quotation is the quote's own
  words (kept only when its subject is a listed actor), and so is a verb with an object
  inside the content of another attribution. The lexicon's ``quote_only`` verbs ('"...,"
  he continued', 'it reads, "..."') are cues of direct quotes only.

Each quote gets a speaker (the words naming who speaks: never a date, a number or a party
tag; the subject before an insertion, as in "Cohen -- Trump's former attorney -- said"),
``speaker_name`` (the name a "he"/"she" or a "who" after a name stands for; ``"A; B"``
when "A and B said"), an
``actor`` when the speaker is a listed actor (see :mod:`analysis.actors`; ``"A; B"`` for two),
the cue verb and its group from ``data/lexicons/attribution_verbs.yml`` (neutral, emphatic,
doubting, confrontational, conceding, evidence: edit the file to regroup). Corpus functions:
:func:`quote_table`, :func:`voice_table` (who is quoted, per outlet) and :func:`verb_table`
(verb groups per outlet).

These are patterns, not a parser. Known limits: "he"/"she" is resolved to the nearest
named speaker (within three paragraphs) whose gender fits, as far as the text tells it
(Mr./Ms./Mrs., or an earlier "he"/"she" for the same name; an actor list's ``gender``,
when its entries carry one); when a person named as the subject of the pronoun's own
sentence (before it) or of the sentence before stands after that speaker, to that
person; else to a titled name mentioned before, else the person mentioned last; "it" to
the listed organisation or country that spoke last (within three paragraphs); "they" is
not resolved; a quote with no cue of its own inherits the
speaker of the attribution just before it (same or previous paragraph) when it opens its
sentence, else takes its sentence's subject, which is usually, not always, right; a cue
more than about ten words after a quote is missed. Measured against PolNeAR and a
hand-labelled allsides sample by ``bench/bench_polnear.py`` and
``bench/bench_quotes_allsides.py``.

>>> quotes = find_quotes('"We will respond," Peskov said. Ryabkov said that talks failed.')
>>> [(q.kind, q.speaker, q.verb, q.quote) for q in quotes]
[('direct', 'Peskov', 'said', 'We will respond,'), ('reported', 'Ryabkov', 'said', 'talks failed.')]
"""

from __future__ import annotations

import bisect
import dataclasses
import functools
import itertools
import os
import re
import warnings
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, fields
from pathlib import Path

import pandas as pd

from .actors import (
    ActorList,
    Mention,
    actors_per_row,
    find_mentions,
)
from .actors.lexicon import TITLE_MODIFIERS, US_STATES, first_name_gender, first_names, role_nouns
from .errors import CorpusError, require_columns
from .resources import find_resource
from .tokens import (
    TRANSCRIPT_LABEL,
    count_words,
    paragraph_spans,
    sentence_spans,
    stopwords,
    trie_lookahead,
    trie_pattern,
)
from .tokens import shadow as _shadow
from .yamlio import cached_by_file, read_yaml

__all__ = [
    "Quote",
    "VerbLexicon",
    "count_quotes",
    "find_quotes",
    "load_verbs",
    "quote_table",
    "verb_table",
    "voice_table",
]

QUOTE_COLUMNS = [
    "article_id", "outlet", "quote_index", "kind", "speaker", "actor", "verb", "verb_group",
    "quote", "start", "end", "n_words", "closed", "sentence_index", "cue", "speaker_start",
    "speaker_end", "verb_start", "verb_end", "speaker_name",
]
VOICE_COLUMNS = [
    "outlet", "voice", "actor", "n_articles", "n_quotes", "n_direct", "n_reported",
    "quoted_words", "quote_share", "word_share", "first_voice_articles",
]
VERB_COLUMNS = ["outlet", "verb_group", "n_quotes", "share", "verbs"]
UNATTRIBUTED = "(unattributed)"


# --- the verb lexicon -------------------------------------------------------------------


@dataclass(frozen=True)
class VerbLexicon:
    """Attribution verbs: each inflected form mapped to ``(lemma, group)``."""

    forms: dict[str, tuple[str, str]]
    groups: tuple[str, ...]
    source: str
    clause_verbs: frozenset[str] = frozenset()
    #: Lemmas of the ``thought`` group when the file turns it on (``thought_as_speech``).
    thought: frozenset[str] = frozenset()
    #: The base and -s forms left out because the verb is also a noun ("calls", "notes"):
    #: cues only right after a name or a pronoun ("Obama slams ...", "he notes").
    noun_forms: dict[str, tuple[str, str]] = field(default_factory=dict)
    #: Forms of the ``quote_only`` verbs: cues of a direct quote next to them ('"...,"
    #: he continued'), never of reported speech ("the war continued").
    quote_only: frozenset[str] = frozenset()
    #: Lemmas whose reported content may be a "to" infinitive ("vowed to fight").
    to_verbs: frozenset[str] = frozenset()
    #: Forms of the ``evidence`` verbs ("shows", "found"): cues only when a word of
    #: :attr:`evidence_subjects` stands in the words right before them ("a poll shows").
    evidence: frozenset[str] = frozenset()
    evidence_subjects: frozenset[str] = frozenset()
    #: The same lexicon with the ``thought`` verbs read as cues, when the file lists them
    #: but leaves ``thought_as_speech`` false: :func:`find_quotes` reads them with it to
    #: give attributions of thought and intention their own kind, ``thought`` (no voice).
    thinking: VerbLexicon | None = field(default=None, compare=False, repr=False)

    @functools.cached_property
    def _cue_after(self) -> re.Pattern[str]:
        every = {**self.noun_forms, **self.forms}
        return re.compile(rf"[^\w'-]{trie_lookahead(every)}({trie_pattern(every)})(?![\w'-])")

    def find_cues(self, text: str) -> list[tuple[int, int, str]]:
        """:meth:`find`, and the :attr:`noun_forms` right after a pronoun or a capitalised
        word that is not a possessive ("Obama slams", "he notes"; not "the calls",
        "Trump's claims"), in one scan.

        >>> load_verbs().find_cues("He notes the calls. Obama slams them, Kyiv said.")
        [(3, 8, 'notes'), (26, 31, 'slams'), (43, 47, 'said')]
        """
        if not self.noun_forms:
            return self.find(text)
        forms = self.forms
        if self._run_scan is not None:
            return self._find_runs(text)
        out = self._at_start(text)
        out += [(m.start(1), m.end(1), m.group(1)) for m in self._cue_after.finditer(text)
                if m.group(1) in forms
                or (text[m.start()] in " \t" and _noun_subject(text, m.start(), m.group(1)))]
        return out

    @functools.cached_property
    def _run_scan(self) -> re.Pattern[bytes] | None:
        """``_cue_after`` for the text as :meth:`_find_runs` makes it: a space, a form, a
        space after it; None when some form is not one run of ASCII letters, digits,
        ``_``, ``'`` and ``-`` (the kit's forms all are)."""
        every = {**self.noun_forms, **self.forms}
        if not all(f.isascii() and _FIRST_RUN.fullmatch(f) for f in every):
            return None
        return re.compile(rf" {trie_lookahead(every)}({trie_pattern(every)})(?= )".encode())

    def _find_runs(self, text: str) -> list[tuple[int, int, str]]:
        """What :meth:`find_cues` finds with ``_cue_after``, faster.

        A match of ``_cue_after`` is a whole run of ``[\\w'-]`` that is a form. So the
        text is made bytes of the same length (a non-ASCII character becomes ``?``) with
        every character outside the runs a space, padded with a space at each end, and
        the forms are looked for between spaces: a literal space before the trie lets
        the engine jump between spaces, with no class or boundary test at every place.
        In a text with non-ASCII characters a hit next to a non-ASCII letter or digit
        (``saidé``) is no whole run and is dropped."""
        forms = self.forms
        spaced = b" " + text.encode("ascii", "replace").translate(_RUN_BYTES) + b" "
        check = not text.isascii()
        n = len(text)
        out = []
        for m in self._run_scan.finditer(spaced):
            i, j = m.start(1) - 1, m.end(1) - 1  # the padding shifts by one
            if check and ((i and _in_run(text[i - 1])) or (j < n and _in_run(text[j]))):
                continue
            form = text[i:j]
            if form in forms or (i and text[i - 1] in " \t" and _noun_subject(text, i - 1, form)):
                out.append((i, j, form))
        return out

    def lemma(self, form: str) -> str:
        """The lemma of a form (also of a noun form)."""
        return self._lemmas.get(form, form)

    @functools.cached_property
    def _lemmas(self) -> dict[str, str]:
        """Each form's lemma, :attr:`forms` before :attr:`noun_forms` (one lookup)."""
        return {**{f: hit[0] for f, hit in self.noun_forms.items() if hit},
                **{f: hit[0] for f, hit in self.forms.items() if hit}}

    @functools.cached_property
    def _trie(self) -> str:
        # A trie of the forms: the same matches as the alternation sorted longest first
        # (the boundary after it makes the trie back off to shorter forms), much faster.
        return trie_pattern(self.forms)

    @functools.cached_property
    def regex(self) -> re.Pattern[str]:
        """Any form as a whole word (between characters other than letters, digits,
        ``'`` and ``-``): what :meth:`find` finds."""
        return re.compile(rf"(?<![\w'-])(?:{self._trie})(?![\w'-])")

    @functools.cached_property
    def _after_boundary(self) -> re.Pattern[str]:
        return re.compile(rf"[^\w'-]{trie_lookahead(self.forms)}({self._trie})(?![\w'-])")

    @functools.cached_property
    def _start_pattern(self) -> re.Pattern[str] | None:
        """A pattern for a form at the very start, only needed when some form holds
        other characters than word characters, ``'`` and ``-`` ("follow up")."""
        if all(_FIRST_RUN.fullmatch(f) for f in self.forms):
            return None
        return re.compile(rf"(?:{self._trie})(?![\w'-])")

    def _at_start(self, text: str) -> list[tuple[int, int, str]]:
        """A form at the very start of ``text``. When forms are single words, one is
        there exactly when the first run of word characters, ``'`` and ``-`` is one (no
        second compiled trie for the one place)."""
        pattern = self._start_pattern
        first = _FIRST_RUN.match(text) if pattern is None else pattern.match(text)
        if first is None or (pattern is None and first.group() not in self.forms):
            return []
        return [(0, first.end(), first.group())]

    def find(self, text: str) -> list[tuple[int, int, str]]:
        """``(start, end, form)`` of every match of :attr:`regex` in ``text``.

        Faster than ``regex.finditer``: instead of testing the boundary before a form at
        every character, the pattern consumes the character before the form (the engine
        then jumps between such characters); a form at the very start is matched apart.
        A form ends where a word ends and the next one starts after another boundary
        character, so no match is lost to the consumed one.

        >>> load_verbs().find("said Peskov, who told reporters.")
        [(0, 4, 'said'), (17, 21, 'told')]
        """
        out = self._at_start(text)
        out += [(m.start(1), m.end(1), m.group(1)) for m in self._after_boundary.finditer(text)]
        return out

    def group_of(self, verb: str | None) -> str | None:
        """The group of a verb form (``"according to"`` counts as neutral)."""
        if not verb:
            return None
        low = verb.lower()
        if low == "according to":
            return "neutral" if "neutral" in self.groups else None
        hit = self.forms.get(low) or self.noun_forms.get(low)
        return hit[1] if hit else None


_FIRST_RUN = re.compile(r"[\w'-]+")
#: Bytes kept by :meth:`VerbLexicon._find_runs`: ASCII letters, digits, ``_``, ``'``, ``-``;
#: every other byte becomes a space.
_RUN_BYTES = bytes(c if _FIRST_RUN.fullmatch(chr(c)) and c < 128 else 32 for c in range(256))


def _in_run(char: str) -> bool:
    """Is ``char`` one of ``[\\w'-]`` (``\\w``: what ``str.isalnum`` accepts, and ``_``)?"""
    return char.isalnum() or char in "_'-"


_NOUN_SUBJECTS = frozenset({"he", "she", "it", "who"})
_SUBJECT_PRONOUNS = frozenset({"he", "she", "it", "they", "we", "I"})
_PLURAL_SUBJECTS = frozenset({"they", "we", "i", "you", "who"})


def _noun_subject(text: str, space: int, form: str) -> bool:
    """Is the word ending at ``space`` a subject for ``form``: "Obama slams", "he notes",
    "they call"; not "Trump's claims", "the calls", "New York state"?"""
    k = space
    while k > 0 and not text[k - 1].isspace() and space - k < 40:
        k -= 1
    word = text[k:space]
    if k > 1 and text[k - 1] == " " and (word in _NOUN_FORM_ADVERBS or (
            word.endswith("ly") and word.isalpha() and word.islower()
            and word not in _LY_NOUNS)):
        # "Sanders often questions", "Obama also calls": the word before the adverb
        return _noun_subject(text, k - 1, form)
    if not form.endswith("s"):  # a base form only after a plural or first-person pronoun,
        # an auxiliary or "not" ("did not mention"), a plural noun for people, or a
        # capitalised plural after "the" ("the Saudis state", "the Democrats claim")
        return word.lower() in _PLURAL_SUBJECTS or word.lower() in _BEFORE_FINITE_BASE \
            or (word[:1].isupper() and word.endswith("s") and not word.endswith("'s")
                and text[max(0, k - 4):k].lower() == "the ")
    if word.lower() in _NOUN_SUBJECTS:
        return True
    if not (word[:1].isupper() and word[1:].replace("-", "").isalnum()
            and not word.endswith("'s")
            and word.lower() not in _CAPITAL_DETERMINERS):  # not "The calls", "His claims"
        return False
    # not "released internal Democratic National Committee emails that ...": a name
    # after a determiner or an adjective modifies the noun
    before = _WORD_BEFORE_NAME.search(text, max(0, k - 80), k)
    return before is None or (before.group(1) not in _DETERMINERS
                              and not before.group(1).endswith(_ADJECTIVE_SUFFIXES))


#: The lower-case word before a run of capitalised words ("internal " of "internal
#: Democratic National Committee ").
_WORD_BEFORE_NAME = re.compile(r"(?<![\w'-])([a-z]+)\s+(?:[A-Z][\w.&'-]*\s+)*$")
_ADJECTIVE_SUFFIXES = ("al", "ic", "ive", "ous", "ary", "ful", "less", "ern")
#: Adverbs that may stand between a subject and a noun form: "Sanders often questions".
_NOUN_FORM_ADVERBS = frozenset({"often", "also", "again", "now", "still", "then", "later",
                                "repeatedly", "frequently", "sometimes", "never", "always"})
#: Capitalised words opening a sentence that are no subject of a noun form: "The calls
#: that came in", "His claims that ...".
_CAPITAL_DETERMINERS = frozenset({"the", "a", "an", "this", "that", "these", "those",
                                  "his", "her", "their", "its", "our", "my", "your", "new",
                                  "some", "many", "several", "such", "all", "both", "no"})


_SUBJECT_STOPS = ',;:.!?"()\n'


def _evidence_subject(text: str, start: int, subjects: frozenset[str]) -> bool:
    """Is an evidence verb at ``start`` said of a poll, a study, records ...: does one of
    ``subjects`` stand among the words before it, back to the last punctuation mark and
    at most 60 characters ("A Quinnipiac poll released Tuesday showed")?"""
    window = text[max(0, start - 60):start]
    cut = max(window.rfind(c) for c in _SUBJECT_STOPS)
    if any(w.lower() in subjects for w in _FIRST_RUN.findall(window, cut + 1)):
        return True
    if cut < 0 or window[cut] != "," or window[cut + 1:].strip():
        return False
    # "The survey, conducted by X, finds ...": the words before a comma insertion
    lo = max(0, start - 250)
    close = lo + len(text[lo:start].rstrip(" ,"))
    opened = text.rfind(",", lo, close)
    if opened < 0:
        return False
    head = text[max(lo, opened - 60):opened]
    cut = max(head.rfind(c) for c in _SUBJECT_STOPS)
    return any(w.lower() in subjects for w in _FIRST_RUN.findall(head, cut + 1))


def _inflect(lemma: str) -> list[str]:
    """Regular English forms: says/said-style -s, -ed and -ing forms of a base verb."""
    if lemma.endswith("ee"):  # agreeing, not agreing
        return [lemma + "s", lemma + "d", lemma + "ing"]
    if lemma.endswith("e"):
        return [lemma + "s", lemma + "d", lemma[:-1] + "ing"]
    if len(lemma) > 2 and lemma.endswith("y") and lemma[-2] not in "aeiou":
        return [lemma[:-1] + "ies", lemma[:-1] + "ied", lemma + "ing"]
    if lemma.endswith(("s", "sh", "ch", "x", "z")):
        return [lemma + "es", lemma + "ed", lemma + "ing"]
    return [lemma + "s", lemma + "ed", lemma + "ing"]


def load_verbs(path: str | os.PathLike[str] | None = None) -> VerbLexicon:
    """Load the attribution-verb lexicon (default ``data/lexicons/attribution_verbs.yml``).

    Each lemma under ``groups:`` gives its base form and regular forms; ``forms:`` adds
    irregular ones; for lemmas under ``also_nouns:`` the base and -s forms are left out
    ("state television", "reports").

    >>> verbs = load_verbs()
    >>> verbs.forms["warned"], verbs.forms["said"], "state" in verbs.forms
    (('warn', 'confrontational'), ('say', 'neutral'), False)
    """
    return cached_by_file(find_resource("lexicons/attribution_verbs.yml", path), _load_verbs)


def _load_verbs(path: Path) -> VerbLexicon:
    content = read_yaml(path)
    lexicon = _verb_lexicon(content, path, thought_as_speech=None)
    if not lexicon.thought and isinstance(content, dict) and content.get("thought"):
        thinking = _verb_lexicon(content, path, thought_as_speech=True)
        lexicon = dataclasses.replace(lexicon, thinking=thinking)
    return lexicon


def _verb_lexicon(content: object, path: Path, *,
                  thought_as_speech: bool | None) -> VerbLexicon:
    """The lexicon ``content`` describes; ``thought_as_speech`` None reads the file's flag,
    True reads the ``thought`` verbs as cues whatever the file says."""
    groups = content.get("groups") if isinstance(content, dict) else None
    if not isinstance(groups, dict) or not groups:
        raise CorpusError("expected 'groups:' mapping group names to lists of verbs",
                          file=path, field="groups")
    also_nouns = set(content.get("also_nouns") or [])
    extra = content.get("forms") or {}
    if not isinstance(extra, dict):
        raise CorpusError("'forms' must map a verb to a list of its forms", file=path,
                          field="forms")
    forms: dict[str, tuple[str, str]] = {}
    noun_forms: dict[str, tuple[str, str]] = {}
    owner: dict[str, str] = {}
    thought_on = content.get("thought_as_speech", False)
    if not isinstance(thought_on, bool):
        raise CorpusError(f"'thought_as_speech' must be true or false, found {thought_on!r}",
                          file=path, field="thought_as_speech")
    if thought_as_speech is not None:
        thought_on = thought_as_speech
    thought = [str(v).strip().lower() for v in content.get("thought") or []]
    if thought_on and thought:
        if "thought" in groups:
            raise CorpusError("'thought' is both a group and the list of thought verbs",
                              file=path, field="thought")
        groups = {**groups, "thought": thought}
    for group, lemmas in groups.items():
        if not isinstance(lemmas, list):
            raise CorpusError(f"group {group!r} must be a list of verbs, found {lemmas!r}",
                              file=path, field=str(group))
        for lemma in lemmas:
            lemma = str(lemma).strip().lower()
            if lemma in owner and owner[lemma] != group:
                raise CorpusError(
                    f"verb {lemma!r} is in two groups: {owner[lemma]!r} and {group!r}",
                    file=path, field=str(group),
                )
            owner[lemma] = str(group)
            regular = _inflect(lemma)
            if lemma in also_nouns:
                for form in (lemma, *(f for f in regular if not f.endswith(("ed", "ing")))):
                    noun_forms.setdefault(form, (lemma, str(group)))
                regular = [f for f in regular if f.endswith(("ed", "ing"))]
            else:
                regular = [lemma, *regular]
            listed = [str(f).lower() for f in extra.get(lemma, []) or []]
            for form in (*regular, *listed):
                forms.setdefault(form, (lemma, str(group)))
    clause_verbs = frozenset(str(v).lower() for v in content.get("clause_verbs") or [])
    if thought_on:  # "believes the vote was ...", "wants to ..."
        clause_verbs |= frozenset(thought)
    noun_forms = {f: hit for f, hit in noun_forms.items() if f not in forms}
    only = {str(v).strip().lower() for v in content.get("quote_only") or []}
    quote_only = frozenset(f for f, (lemma, _) in {**noun_forms, **forms}.items()
                           if lemma in only)
    to_verbs = frozenset(str(v).strip().lower() for v in content.get("to_verbs") or [])
    ev_lemmas = {str(v).strip().lower() for v in groups.get("evidence") or []}
    evidence = frozenset(f for f, (lemma, _) in forms.items() if lemma in ev_lemmas)
    ev_subjects = frozenset(str(v).strip().lower()
                            for v in content.get("evidence_subjects") or [])
    if ev_lemmas and not ev_subjects:
        raise CorpusError("group 'evidence' needs 'evidence_subjects:' (the nouns that may "
                          "be their subject: poll, survey ...)", file=path,
                          field="evidence_subjects")
    return VerbLexicon(forms, tuple(str(g) for g in groups), path,
                       clause_verbs | frozenset(ev_lemmas),
                       frozenset(thought) if thought_on else frozenset(), noun_forms,
                       quote_only, to_verbs, evidence, ev_subjects)


# --- quote marks ------------------------------------------------------------------------

_DOUBLE_OPEN = "\u201c\u201e\u201f\u00ab"   # “ „ ‟ «
_DOUBLE_CLOSE = "\u201d\u00bb"               # ” »
_DOUBLE_AMBIG = '"\u2033\uff02'               # " ″ ＂
_SINGLE_OPEN = "\u2018\u201a\u2039"          # ‘ ‚ ‹
_SINGLE_CLOSE = "\u2019\u203a"               # ’ ›
_DOUBLES = _DOUBLE_OPEN + _DOUBLE_CLOSE + _DOUBLE_AMBIG
_TAG = re.compile(r"</?[A-Za-z][\w:-]*(?:\s[^<>\n]{0,500})?/?>")
_TWO_APOSTROPHES = re.compile(r"(?<!')''(?!')")
# Every character _marked_spans reacts to.
_MARKS = re.compile("[" + re.escape(_DOUBLES + _SINGLE_OPEN + "'") + "]")


@dataclass(slots=True)
class _Marked:
    open: int            # position of the opening mark (or the paragraph start if none)
    close: int | None    # position of the closing mark, None when unclosed
    end: int             # end of the quoted text (exclusive)
    closed: bool


def _paragraphs(text: str) -> list[tuple[int, int]]:
    """Paragraph spans: lines, or blank-line blocks when the text is hard-wrapped.

    The same blocks the sentence splitter uses (so a quote may cross a wrapped line).
    """
    return paragraph_spans(text)


def _starts_with_open(text: str, s: int, e: int) -> int | None:
    i = s
    while i < e and text[i] in " \t":
        i += 1
    if i < e and (text[i] in _DOUBLE_OPEN or text[i] in _DOUBLE_AMBIG
                  or text.startswith("''", i)):
        return i + (1 if text.startswith("''", i) else 0)
    return None


def _two_apostrophes(text: str, j: int) -> bool:
    """``''`` at ``j`` (and not a third): two apostrophes used as one double quotation
    mark, as in the New York Times' texts (``''We will,'' he said``)."""
    return (text.startswith("''", j) and not text.startswith("'", j + 2)
            and (j == 0 or text[j - 1] != "'"))


def _marked_spans(text: str) -> list[_Marked]:
    """Spans of text in quotation marks; never raises, whatever the marks."""
    paragraphs = _paragraphs(text)
    # Marks inside markup (<tweet author="@x">) are attribute values, not quotations.
    tags = [m.span() for m in _TAG.finditer(text)] if "<" in text else []
    tag_starts = [a for a, _ in tags]
    out: list[_Marked] = []
    open_at: int | None = None
    opener = ""
    depth = 0
    for k, (ps, pe) in enumerate(paragraphs):
        i = ps
        if open_at is not None:  # a quote continued from the paragraph before
            cont = _starts_with_open(text, ps, pe)
            i = cont + 1 if cont is not None else ps
        # Only quotation marks change the state, so jump from one to the next.
        for mark in _MARKS.finditer(text, i, pe):
            j = mark.start()
            if j < i:  # inside a single-quoted passage already taken
                continue
            if tags and (t := bisect.bisect_right(tag_starts, j)) and tags[t - 1][1] > j:
                continue
            c = text[j]
            if c == "'" and _two_apostrophes(text, j):
                # '' is one ambiguous double mark: it opens after white space (or at a
                # paragraph start), else it closes. Its second apostrophe is skipped.
                i = j + 2
                if open_at is None:
                    if _looks_opening(text, j, 2):
                        open_at, opener, depth = j + 1, "''", 0
                elif opener == "''" or not _looks_opening(text, j, 2):
                    if depth:
                        depth -= 1
                    else:
                        out.append(_Marked(open_at, j, j, True))
                        open_at = None
                else:
                    depth += 1
                continue
            if open_at is None:
                if c in _DOUBLE_OPEN or c in _DOUBLE_AMBIG:
                    open_at, opener, depth = j, c, 0
                elif c in _DOUBLE_CLOSE:  # a closing mark with no opening one
                    out.append(_Marked(ps - 1, j, j, False))
                elif c in _SINGLE_OPEN or c == "'":
                    close = _single_close(text, j, pe)
                    if close is not None:
                        out.append(_Marked(j, close, close, True))
                        i = close + 1
            else:
                is_close = (
                    (opener == "\u201e" and c == "\u201c")
                    or c in _DOUBLE_CLOSE
                    or (c in _DOUBLE_AMBIG and not _looks_opening(text, j))
                    or (c in _DOUBLE_AMBIG and opener in _DOUBLE_AMBIG)
                    or (c == "\u201c" and opener == c and _misprinted_close(text, j))
                )
                if is_close and c == '"' and opener == '"' and not depth \
                        and _glued(text, j) and _reopens(text, j, pe):
                    continue  # '...anymore."The long-term damage ...': the quote goes on
                if is_close:
                    if depth:
                        depth -= 1
                    else:
                        out.append(_Marked(open_at, j, j, True))
                        open_at = None
                elif c in _DOUBLES:
                    depth += 1
        if open_at is not None:
            nxt = paragraphs[k + 1] if k + 1 < len(paragraphs) else None
            if nxt is None or _starts_with_open(text, *nxt) is None:
                out.append(_Marked(open_at, None, pe, False))
                open_at = None
    return out


def _misprinted_close(text: str, i: int) -> bool:
    """An opening curly mark used to close ('“It's unusual,“ said Ann Lee'): right after
    a word or punctuation, before white space (or the end)."""
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return not before.isspace() and after.isspace()


def _glued(text: str, j: int) -> bool:
    """Is the straight mark at ``j`` between a sentence's end and a capital, with no space
    (``anymore."The``)? Scraped pages that lose their paragraph breaks glue paragraphs so:
    the mark closes a quote, or it opens the next paragraph's quote after one that was
    left open at its paragraph's end, as news style does when a quote runs on."""
    return (0 < j < len(text) - 1 and text[j - 1] in ".?!," and text[j + 1].isupper())


def _reopens(text: str, j: int, end: int) -> bool:
    """At a glued mark ``j`` (:func:`_glued`) inside an open quote: does the quote go on
    (the mark opens the next paragraph's part of it)? The glued marks from ``j`` on either
    close or open a quote in turn; the first mark after them whose shape says what it is
    (an opening one after white space, a closing one before white space or punctuation)
    must find the quote closed (opening) or open (closing). When their count gives the
    wrong state there, the mark at ``j`` only reopens the quote. No telling mark in the
    paragraph: the quote must be closed at its end."""
    glued = 0
    for mark in _STRAIGHT.finditer(text, j, end):
        k = mark.start()
        if _glued(text, k):
            glued += 1
            continue
        before = text[k - 1] if k > 0 else " "
        after = text[k + 1] if k + 1 < len(text) else " "
        if (before.isspace() or before in "([") and not after.isspace():
            want_open = False  # an opening mark: the quote must be closed before it
        elif not before.isspace() and (after.isspace() or after in ",.;:!?)\""):
            want_open = True  # a closing mark: the quote must be open before it
        else:
            return False  # (a mark of no clear shape: closing, as before)
        return (glued % 2 == 0) != want_open
    return glued % 2 == 0


_STRAIGHT = re.compile('"')


def _looks_opening(text: str, i: int, width: int = 1) -> bool:
    before = text[i - 1] if i > 0 else " "
    after = text[i + width] if i + width < len(text) else " "
    return (before.isspace() or before in "([{-\u2013\u2014") and not after.isspace()


def _single_close(text: str, i: int, end: int) -> int | None:
    """Closing position of a 'single-quoted' passage opened at ``i``, else None."""
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if not (before.isspace() or before in "([{\u2013\u2014") or not after.isalnum():
        return None
    j = i + 1
    while j < end:
        c = text[j]
        if c in _DOUBLES:
            return None
        if c in _SINGLE_CLOSE or c == "'":
            nxt = text[j + 1] if j + 1 < len(text) else " "
            if not nxt.isalnum() and not text[j - 1].isspace():
                return j
        j += 1
    return None


# --- quotes -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Quote:
    """One quote: ``kind`` ``"direct"``, ``"reported"``, ``"scare"`` (a term or scare
    quote: no voice) or ``"thought"`` (what somebody is said to believe, think, fear or
    hope: "X believes the vote was rigged"; no voice either), and its evidence.

    ``text[start:end] == quote`` (for a direct quote, the words inside the marks; for
    reported speech, the reported content). ``speaker`` is the words naming the speaker
    (``text[speaker_start:speaker_end]``), ``actor`` the listed actor they resolve to;
    ``verb`` the cue verb (``text[verb_start:verb_end]``) and ``verb_group`` its group.
    ``cue`` says how the attribution was found: ``before``, ``after``, ``inside`` (the
    verb opens the quote), ``colon`` ("Scholz: ..."), ``label`` (a transcript's turn:
    "LIASSON: ..."; the speaker is the label, ``speaker_name`` the person it names),
    ``according``, ``continued`` (from
    the attribution before), ``subject`` (no cue verb: the subject of the quote's
    sentence), ``none``; or, for reported speech, ``that`` ("said that"), ``clause``
    ("insisted the vote ..."), ``according``, ``of`` ("warned of"), ``as`` ("described X
    as"), ``importance`` ("emphasized the importance of"), ``after`` ("..., the ministry
    announced"), ``parenthetical`` ("The vote, X said, was ...", "As X noted, ..."),
    ``object`` ("criticized the plan"), ``to`` ("vowed to ...", "wants to ..."), ``by``
    ("News of the move was first reported by the Herald": the speaker after "by"),
    ``question`` ("wondered whether ...", "asked voters if ...", "would not say whether
    ...", and "When asked about ...", "X was asked if ...", with no speaker: who asked is
    not named), ``headline`` (a Title Case headline: "Lee Slams Budget Plan", "Jobs Are
    Back, Mayor Says"); for a direct quote with no marks, ``block`` (the paragraph after
    one ending "X said:"). ``speaker_name`` is the name
    the speaker words stand for: the words themselves, the name a "he"/"she" refers to,
    or ``"A; B"`` for "A and B said" (then ``speaker`` is the words "A and B").
    """

    kind: str
    quote: str
    start: int
    end: int
    speaker: str | None = None
    actor: str | None = None
    verb: str | None = None
    verb_group: str | None = None
    closed: bool = True
    cue: str = "none"
    speaker_start: int = -1
    speaker_end: int = -1
    verb_start: int = -1
    verb_end: int = -1
    speaker_name: str | None = None

    @property
    def n_words(self) -> int:
        """Words in the quote."""
        return count_words(self.quote)


#: Quote's fields in order, for :func:`_quote`.
_QUOTE_FIELDS = tuple(f.name for f in fields(Quote))
_new_object = object.__new__


def _quote(*values: object) -> Quote:
    """``Quote(*values)`` (all fields, in order), about twice as fast: the frozen
    dataclass's ``__init__`` sets each field through ``object.__setattr__``; this fills
    the same ``__dict__`` at once. Used where quotes are made for every cue found."""
    q = _new_object(Quote)
    q.__dict__.update(zip(_QUOTE_FIELDS, values, strict=True))
    return q


def _replace(q: Quote, **changes: object) -> Quote:
    """``dataclasses.replace(q, **changes)`` by the same shortcut as :func:`_quote`."""
    new = _new_object(Quote)
    d = new.__dict__
    d.update(q.__dict__)
    d.update(changes)
    return new


@dataclass(slots=True)
class _Speaker:
    text: str | None = None
    actor: str | None = None
    start: int = -1
    end: int = -1
    names: str | None = None  # "A; B" for several speakers, the name a pronoun stands for


@dataclass(slots=True)
class _Verb:
    start: int
    end: int
    form: str


_PRONOUNS_RESOLVED = {"he", "she"}
_PRONOUNS = {"he", "she", "they", "it", "we", "i", "you", "this", "that", "these", "those",
             "him", "her", "them", "which", "who"}
_CLAUSE_START = re.compile(
    r"(?:^|[,;:(]|(?<=\s)--?(?=\s)|(?<=\s)[\u2013\u2014](?=\s)|"
    r"(?<=[^\W\d_])[\u2013\u2014](?=[^\W\d_])|\b(?:and|but|while|as|"
    r"(?<!\bof )that|what|who|whom|whose|which|because|when|after|though|although|"
    r"(?<!\bmore )(?<!\bless )(?<!\bfewer )than)\b)\s*",
    re.IGNORECASE,
)
# _CLAUSE_START for lower-case text, without "^" (a match there only skips white space):
# every branch opens with a literal and checks the word boundary behind it.
_CLAUSE_LOWER = re.compile(
    r",\s*|;\s*|:\s*|\(\s*|-(?<=\s-)-?\s+|[\u2013\u2014](?<=\s[\u2013\u2014])\s+"
    r"|[\u2013\u2014](?<=[^\W\d_][\u2013\u2014])(?=[^\W\d_])"  # "satellites—the paper said"
    r"|a(?<=\ba)(?:nd|s|fter|lthough)\b\s*|b(?<=\bb)(?:ut|ecause)\b\s*"
    r"|w(?<=\bw)(?:hile|hat|ho|hom|hose|hich|hen)\b\s*|t(?<=\bt)hough\b\s*"
    r"|t(?<=\bt)(?<!\bmore t)(?<!\bless t)(?<!\bfewer t)han\b\s*"  # ("higher than X said")
    r"|t(?<=\bt)(?<!\bof t)hat\b\s*")  # ("critics of that process": a determiner)
_NP_WORD = re.compile(r"[\w][\w.'/-]*")
# ", flanked by officials," / ", sharing the stage with X," / ", who ...," right before a verb
# ", a senior attorney with Y," or ", flanked by officials, in Paris," (one or two comma
# insertions) right before a verb, perhaps with an adverb ("X, a spokesman, also said")
#: What may end an insertion before its verb: "also", auxiliaries, -ly adverbs.
_ASIDE_TAIL = r"(?:(?:[a-z]+ly|also|had|has|have|would|will|could|did)\s+){0,2}$"
_ASIDE = re.compile(r",\s+[^,\"\n]{1,150}?,\s*" + _ASIDE_TAIL)
_DASH_ASIDE = re.compile(r"(?<=\s)--?\s+[^\"\n]{1,150}?\s--?\s*" + _ASIDE_TAIL)
_ASIDE_TWO = re.compile(  # "Cohen, Trump's former attorney, who ..., said"; "Madory,
    # the director of analysis at Dyn Research, a company that studies ..., said" (two
    # appositions: the first one in lower case or with a possessive, not a name as in
    # "In his response, Steve Coll, the dean, said")
    r",\s+(?:[^,\"\n]{1,150}?,\s+(?:who|which|whose)\b|(?:[a-z]|[A-Z][\w'-]*'s\s)"
    r"[^,\"\n]{0,150}?,\s+(?:an?|the)\s)[^,\"\n]{1,150}?,\s*"
    + _ASIDE_TAIL)
# "He was calm and said", "... and officially endorsed", "but also called"
_COORDINATED = re.compile(r"\b(?:and|but|then)\s+(?:(?:[a-z]+ly|also|then)\s+)?$",
                          re.IGNORECASE)
_FUNCTION_WORDS = frozenset({
    "a", "an", "the", "and", "but", "or", "so", "yet", "then", "also", "still", "at", "in",
    "on", "of", "for", "to", "by", "with", "from", "after", "before", "while", "as", "when",
    "later", "earlier", "initially", "meanwhile", "however", "even",
})
#: Words that open a sentence without being its subject: prepositions, conjunctions,
#: adverbs ("During the talks, ...", "Despite that, ...", "There is ...").
_OPENERS = frozenset({
    "during", "despite", "there", "here", "in", "on", "at", "after", "before", "since",
    "while", "when", "if", "although", "though", "because", "as", "for", "with", "without",
    "until", "unlike", "like", "amid", "among", "about", "asked", "instead", "yet", "still",
    "now", "then", "so", "but", "and", "or", "also", "meanwhile", "however", "indeed",
    "moreover", "besides", "once", "over", "under", "by", "from", "to", "of", "into",
    "through", "throughout", "following", "according", "last", "next", "this", "that",
    "these", "those", "it", "its", "what", "why", "how", "where", "who", "which", "even",
    "only", "just", "already", "today", "yesterday", "earlier", "later", "not", "no", "yes",
    "unless", "whether", "whereas", "whenever", "nor", "perhaps", "maybe", "thus", "therefore",
    "nevertheless", "nonetheless", "otherwise", "furthermore", "ultimately", "eventually",
    "finally", "sometimes", "usually", "always", "never", "recently", "again", "wait",
    "against", "along", "together", "toward", "towards", "within", "upon", "around", "across",
    "between", "behind", "beyond", "except", "regardless",
})
#: Adverbs of time that may open a clause before its subject ("now the frontrunner says").
_TIME_ADVERBS = frozenset({"now", "then", "later", "today", "yesterday", "earlier",
                           "meanwhile", "again", "still", "also", "since"})
#: Adverbs that stand between a subject and its verb ("who first revealed").
_ADVERBS_BEFORE_VERB = frozenset({"first", "once", "again", "since", "now", "then", "far",
                                  "soon", "long", "twice", "ever", "often"})
_AUXILIARIES = frozenset({
    "have", "has", "had", "will", "would", "could", "can", "may", "might", "should", "must",
    "shall", "did", "does", "do", "is", "was", "were", "are", "am", "be", "been", "not",
    "never", "just", "already", "often", "previously", "repeatedly", "reportedly",
    # negated forms ("you can't yell", "Trump so far hasn't attacked")
    "can't", "won't", "don't", "doesn't", "didn't", "isn't", "wasn't", "aren't", "weren't",
    "hasn't", "haven't", "hadn't", "wouldn't", "couldn't", "shouldn't", "cannot",
})
_AUXILIARIES_BUT_NOT = _AUXILIARIES - {"not"}
#: Relative pronouns right before a cue verb ("polls that show", "a memo which said").
_RELATIVES = frozenset({"that", "which"})
#: Words opening a speaker phrase after an inverted verb ('said a senior aide'), and words
#: ending it ('said a senior aide who spoke on condition ...').
_NP_OPENERS = frozenset({"a", "an", "the", "another", "former", "one", "two", "three",
                         "several", "many", "some", "his", "her", "their", "its", "our"})
_NP_STOPS = frozenset({"who", "which", "that", "in", "at", "as", "on", "during", "when",
                       "after", "before", "to", "while", "because", "and", "but", "of"})
_TIME_WORDS = frozenset({
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january",
    "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december", "jan", "feb", "mar", "apr", "aug", "sept", "sep", "oct", "nov",
    "dec", "today", "yesterday", "tonight", "tomorrow", "week", "weeks", "month", "months",
    "year", "years", "morning", "afternoon", "evening", "night", "ago", "weekend", "earlier",
    "later", "recently", "this", "last", "next", "the", "on", "in", "a", "an", "days", "day",
})
# "Obama and " / "the United States and " right before a speaker: the first of two names
_LIST_ITEM_BEFORE = re.compile(
    r"(?:^|(?<=[\s(]))((?:[Tt]he\s+)?[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*){0,3}),\s+$")
_AND_BEFORE = re.compile(
    r"(?:^|(?<=[\s(]))((?:[Tt]he\s+)?[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*){0,3})\s+(?:and|&)\s+"
    r"(?:[Tt]he\s+)?$")
# ", <speaker> " before a verb and "<up to three words>, " after it: a parenthetical cue
#: The sentence's verb going on after an inverted "said X," ("The plan, said Lee, will fail").
_VERB_GOES_ON = re.compile(r"\s+(?:will|would|may|might|can|could|should|must|is|was|are|were|"
                           r"has|have|had|does|did|remains?|remained)\b")
_PAREN_BEFORE = re.compile(r",\s+([^,;:\"\n]{1,80}?)\s+$")
#: After the verb of "The vote, X said, was ...": up to three words, or a place phrase ("said
#: at a press conference on Friday,"), then the comma.
_PAREN_AFTER = re.compile(
    r"(?!\s+(?:it|he|she|they|we|I|that|there)\s)(?:(?:\s+[\w'-]+){0,3}|\s+(?:at|during|in|on)"
    r"\s+(?:a|an|the|his|her|their)(?:\s+[\w'.-]+){2,6})\s*,\s+[^\"\s]")
_COPULA_NEXT = re.compile(r"\s+(?:was|is|were|are)\b")
#: What may open a speaker's words and is no part of them: a dateline ("WASHINGTON -",
#: "WASHINGTON (Reuters) -"), a day ("Thursday,"), a month after "in" ("In September
#: Ambassador Bill Taylor told").
_LEAD = re.compile(
    r"(?:[A-Z][A-Z .,'-]*(?:,\s+[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)?(?:\s+\([A-Z][\w. ]{0,20}\))?"
    r"\s+[-\u2013\u2014]+\s+|"
    r"(?:(?:on|last|this|earlier|late)\s+)?(?:Monday|Tuesday|"
    r"Wednesday|Thursday|Friday|Saturday|Sunday|week|year|month|night|morning)\w*\s*,\s+|"
    r"(?:(?<=[Ii]n\s)|(?<=[Ss]ince\s)|(?<=[Bb]y\s))(?:January|February|March|April|May|June|"
    r"July|August|September|October|November|December)\s+)")
_PARTY_TAIL = re.compile(r"[\s,]*\(?\b[RDI]\s*-\s*[A-Z][\w.]*\)?\.?$|\s*\([RDI]\)?$")
_PARTY = re.compile(r"^\([RDI]\)$|^[RDI]-[A-Z][a-z]*\.?$|^\(?[RDI]-[A-Z][\w.]*\)?$")


_AGE = re.compile(r"\d+-year-old")
#: A subject pronoun with a contracted auxiliary ("he's hinted", "she'd said").
_CONTRACTED = re.compile(r"((?i:he|she|they|we|i|it|you))['\u2019](?:s|d|ve|re|ll|m)")


def _personal_contraction(sh: str, start: int, end: int) -> bool:
    """Are ``sh[start:end]`` a personal pronoun and a contracted auxiliary ("She's",
    "they're"), which :meth:`_Context.resolve_pronoun` cuts to the pronoun? Not "It's":
    as a speaker it stays whole."""
    m = _CONTRACTED.fullmatch(sh, start, end)
    return m is not None and m.group(1).lower() != "it"


#: A lower-case Arabic article joined to a name ("el-Haddad", "al-Assad"): part of it.
_NAME_PARTICLE = re.compile(r"(?:al|el|ul)-[A-Z]")


@functools.lru_cache(maxsize=4096)
def _speaker_ok(text: str | None) -> bool:
    """Can these words name a speaker? Not a date or time ("Wednesday", "earlier this
    week"), a number or year, a party initial ("(R)", "R-Ohio") or a lone fragment."""
    if not text:
        return False
    words = _NP_WORD.findall(text)
    if not words:
        return False
    if all(w.lower() in _TIME_WORDS or w[:1].isdigit() for w in words) \
            and not any(_AGE.fullmatch(w) for w in words):  # ("the 46-year-old": a person)
        return False
    if words[0][:1] == "0" and words[0].isdigit():
        return False  # "000 jobs": the end of "165,000 jobs", a number cut at its comma
    if len(words) == 1 and (_PARTY.match(text.strip())
                            or (len(words[0]) < 2 and not words[0].isupper())
                            or words[0].lower() in _NO_SPEAKER_WORDS):
        return False  # (nor "too" of "too often dismissed as", "Often", "Despite", "Her")
    if len(words) > 1 and words[-1] in _AUXILIARIES_LEAD:
        return False  # "many of the charges were": a clause cut before its verb
    if len(words) > 1 and words[0] == "according" and words[1] == "to":
        return False  # '"...," according to videos posted on Twitter': a source cue
    if len(words) > 1 and words[0] == "by":
        return False  # "testimony by whistleblowers cited in the report": an agent
    if (":" in text or text[-1:] == ".") and _DATED.search(text):
        return False  # "Basement Blues, Aug.", "Aug. 24: Clinton": a dated heading
    return not _PARTY.match(text.strip())


#: A month's abbreviation ending the words, or a month and a day before a colon.
_DATED = re.compile(r"(?:^|,\s)(?:Jan|Feb|Mar|Apr|Aug|Sept?|Oct|Nov|Dec)\.$|"
                    r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}:")


_GENDER_OF_TITLE = {"mr": "m", "mister": "m", "sir": "m", "lord": "m", "ms": "f",
                    "mrs": "f", "miss": "f", "madam": "f", "lady": "f", "dame": "f"}
_TITLE_GENDER = re.compile(r"\b(Mr|Mister|Sir|Lord|Ms|Mrs|Miss|Madam|Lady|Dame)\b\.?")
# (the literal "M" first lets the engine jump between M's; the word boundary before it is
# checked by _titled_names)
_TITLED_NAME = re.compile(r"(M(?:rs|r|s|iss))\b\.?\s+(?:[A-Z][\w'-]*\s+)?[A-Z][\w'-]+")


def _titled_names(sh: str, lo: int, hi: int) -> list[re.Match[str]]:
    """"Mr. Garin", "Ms. Lael Brainard" in ``sh[lo:hi]``."""
    return [m for m in _TITLED_NAME.finditer(sh, lo, hi)
            if m.start() == 0 or not (sh[m.start() - 1].isalnum() or sh[m.start() - 1] in "'-")]
_ACCORDING = re.compile(r"\baccording\s+to\s+", re.IGNORECASE)
# The same matches (the "a" is checked twice, so that the pattern starts with a letter and
# the engine can jump between a's instead of testing the word boundary at every place).
_ACCORDING_SCAN = re.compile(r"a(?<=\ba)ccording\s+to\s+", re.IGNORECASE)


def _according_spans(sh: str) -> list[tuple[int, int]]:
    """``[m.span() for m in _ACCORDING_SCAN.finditer(sh)]``: "according" is looked for
    with ``str.find`` in a lower-case copy (much faster than the case-blind regex scan)
    and each hit checked with the regex; the regex scan itself when lower-casing changes
    the length or the text holds a dotless or dotted I (which the regex takes for "i").

    >>> _according_spans("According to X, and ACCORDING TO Y; not reaccording to.")
    [(0, 13), (20, 33)]
    """
    low = sh.lower()
    if len(low) != len(sh) or "\u0131" in sh or "\u0130" in sh:
        return [m.span() for m in _ACCORDING_SCAN.finditer(sh)]
    out = []
    i = low.find("according")
    while i >= 0:
        m = _ACCORDING_SCAN.match(sh, i)
        if m is not None:
            out.append(m.span())
        i = low.find("according", i + 1)
    return out
#: How far back (in characters) the cue rules look for a verb's subject and context.
#: News sentences are far shorter; the bound keeps a text that is one endless "sentence"
#: linear in its length (each verb would otherwise rescan the sentence so far).
_LOOKBACK = 1000
#: How far back (in characters) a noun phrase before a verb may start.
_NP_REACH = 150
#: Word counts stop here: the rules compare them with small numbers, or with each other.
_COUNT_CAP = 500
#: Reported content runs to the end of its sentence, but no further than this many
#: characters: in a text that is one endless sentence, every cue would otherwise copy the
#: rest of the text (quadratic time and memory).
_REPORTED_MAX = 5000
_WORD_CHAR = re.compile(r"\w")
_CONTENT_NOUNS = r"importance|need|necessity|topic|question|issue|danger|risk|significance"
_THAT = re.compile(  # (also "say that, even if ...,", "said on NBC's "Meet the Press" that")
    r"(?:[^\".;!?]|\"[^\".;!?\n]{1,40}\"(?=\s))*?\bthat,?\s+")
# What may stand between the verb and "that": nothing, an adverb or time phrase, a
# prepositional phrase or an indirect object ("told journalists that").
_THAT_GAP = re.compile(
    r"\s+(?:that\b|[-–—]+\s|for\s+(?:the\s+first\s+time|years|months|weeks|days|decades)\b|"
    r"(?:on|at|in|during|after|before|to|from|since|last|earlier|this|through|via|"
    # what a verb of feeling expresses before "that" ("expressed concern that ...")
    r"concern|concerns|confidence|hope|doubt|doubts|optimism|skepticism|frustration|regret|"
    r"late|early|"
    r"repeatedly|also|again|then|later|publicly|privately|once|me|him|her|us|them|[a-z]+ly|"
    r"reporters|journalists|the\s+(?:press|media|audience|crowd|committee|court)|"
    r"[A-Z][\w.-]*)\b)"
)
#: A comma insertion between a verb and "that": ", for example, that", ", in a letter, that".
_COMMA_THAT = re.compile(r",\s+[^,;:\"\n]{1,40},\s+that\s+")
_TOLD = re.compile(r"\s+(?:reporters|journalists|me|him|her|us|them|the\s+(?:press|media))\b")
#: After "told" only: a name or an outlet as the one told ("told POLITICO he ...", "told
#: the AP her group ...", "told Breitbart News he'd ..."), when a pronoun or a determiner
#: opens the clause right after it (checked in _verb_cue).
_TOLD_NAME = re.compile(r"\s+(?:the\s+)?[A-Z][\w.&'-]*(?:\s+[A-Z][\w.&'-]*){0,3}(?=\s+"
                        r"(?:he|she|they|it|we|I|there|his|her|its|their|the|a|an|this)(?:'[a-z]+)?\s)")
_TELL_FORMS = frozenset({"told", "tells", "tell", "telling"})
#: After "told her": a clause opening ("told her the vote was ..."), so "her" is who was
#: told and not whose.
_CLAUSE_AFTER_HER = re.compile(r"\s+(?:the|a|an|that|he|she|they|it|we|I|there|his|her|their|"
                               r"its|this|these|those)\b")
#: Who was told at the end of a sentence ("..., Smith told POLITICO.", "told the AP").
_TOLD_OBJECT = re.compile(r"\s+(?:(?:the\s+)?[A-Z][\w.&'-]*(?:\s+[A-Z][\w.&'-]*){0,3}|"
                          r"(?:the|his|her|their|its|a|an)\s+[a-z][\w'-]*"
                          r"(?:\s+(?!(?:in|on|at|during|last|this|after|before)\b)[a-z][\w'-]*)?|"
                          r"(?:supporters|voters|donors|lawmakers|students|attendees|members|"
                          r"listeners|viewers|readers|delegates|workers|activists|crowds?)\b)")
_END = re.compile(r"\s*[.!?]?\s*")
_DAYS = r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
#: A time phrase between a clause verb and its clause ("said Wednesday she ...", "said
#: last week the ..."), skipped before the clause is looked for.
_TIME_AFTER = re.compile(
    rf"\s+(?:(?:on\s+)?(?:{_DAYS})(?:\s+(?:morning|afternoon|evening|night))?|yesterday|"
    r"today|last\s+(?:week|month|year|night)|earlier\s+this\s+(?:week|month|year)|"
    # "said in a statement (on) Thursday (night) they ..."
    rf"in\s+an?\s+(?:written\s+)?(?:statement|interview)(?:\s+(?:on\s+)?(?:{_DAYS}|today|"
    r"yesterday))?(?:\s+(?:morning|afternoon|evening|night))?|"
    # "in a video address Thursday he ...", "in his speech on Monday they ...": only before
    # a clause's subject
    r"in\s+(?:an?|his|her|their|its)\s+(?:[a-z-]+\s+)?(?:address|speech|letter|post|op-ed|"
    rf"essay|memo|video|podcast|appearance|briefing)(?:\s+(?:on\s+)?(?:{_DAYS}|today|yesterday))?"
    r"(?=\s+(?:he|she|they|we|I|it|the|[A-Z][a-z]+\s+[a-z]+)\s))\b,?"
    r"(?=\s)")
#: Words that cannot open the clause a clause verb reports ("said on Monday", "said to
#: be", "denied ever", "insisted, however"): prepositions, conjunctions, wh-words,
#: auxiliaries, time words. Anything else may ("said stocks aren't", "said it's").
_NOT_CLAUSE_OPENERS = (
    "to|of|for|in|on|at|by|with|from|about|into|onto|over|after|before|during|since|until|"
    "against|through|under|between|among|without|within|across|like|as|per|via|than|upon|"
    "and|but|or|nor|so|yet|if|whether|because|while|although|though|when|where|why|how|"
    "what|which|who|whom|whose|that|not|never|is|was|were|are|be|been|being|has|have|had|"
    "do|does|did|will|would|can|could|may|might|should|must|shall|nothing|anything|"
    "something|goodbye|hello|thanks|sorry|please|today|yesterday|tomorrow|tonight|last|"
    "next|earlier|later|again|also|then|now|once|still|just|even|only|monday|tuesday|"
    "wednesday|thursday|friday|saturday|sunday|here|there's|up|down|out|off|back|away|"
    "too|very|much|more|most|aboard|onstage|afterward|afterwards"
)
_NOT_OPENING = frozenset(_NOT_CLAUSE_OPENERS.split("|"))
#: Adverbs between a clause verb and its clause ("have said repeatedly they ...").
_ADVERB_AFTER = re.compile(r"\s+(?:repeatedly|publicly|privately|again|recently|often|"
                           r"previously|earlier|later|flatly|bluntly|openly|plainly)\b,?(?=\s)")
# Two words (the first checked by _opens_clause, or a title: "said Mr. Lee should ..."),
# no quotation mark right after them.
_ZERO_THAT = re.compile(
    r"\s+((\w[\w'-]*|(?:Mr|Mrs|Ms|Dr|Sen|Gov|Rep|Gen|Prof|Lt|Col|Capt|Sgt|Rev|Adm|Maj|Gens|Sens|Reps)\.)\s+[\w'.-]+)(?![\w'-]*\s*\")")
#: A name alone up to the end of the sentence after a verb ("..., says Dr. Ann Lee."): no
#: clause, though its first two words look like one's opening.
_NAME_TO_END = re.compile(r"(?:(?:Mr|Mrs|Ms|Dr|Prof|Sen|Gov|Rep)\.\s+)?(?:[A-Z][\w'-]*\s+){0,2}"
                          r"[A-Z][\w'-]*\s*[.!?]?\s*")
#: A subject pronoun with an aside after it: "said Wednesday she, too, wants ...".
_PRONOUN_ASIDE = re.compile(
    r"\s+((he|she|they|we|I|it),\s+(?:too|also|however|though|in\s+turn),\s+[\w'-]+)")
#: An auxiliary or a copula right after a verb: "(that he) said was drafted".
_AUX_AFTER = re.compile(r"\s+((?:was|is|were|are|would|will|could|had|has|might|may)\s)")
#: A relative word and at most four words (the clause's subject) before a verb.
_RELATIVE_SUBJECT = re.compile(r"\b(?:that|which|what|whom)\s+()(?:[\w'.-]+\s+){0,3}[\w'.-]+\s+"
                              r"(?:(?:also|once|had|has|have)\s+)?$")
#: A one-word answer reported: "said no.", "said yes,".
_YES_NO_AT = re.compile(r"(?:no|yes)\b(?=[.,;]|\s*$)")
_YES_NO = re.compile(rf"\s+({_YES_NO_AT.pattern})")
# A word (checked by _opens_clause), or "for"/"on" and a word ("called for ...").
_OBJECT = re.compile(r"\s+(?:((?:for|on|For|On)\s+\w)|(\w[\w'-]*))")


def _opens_clause(word: str) -> bool:
    """May ``word`` open reported content after a verb (not "on", "to", "quickly")?"""
    low = word.lower()
    return low not in _NOT_OPENING and not (
        low.endswith("ly") and low.isalpha() and word[:1].islower()  # "Kelly" is a name
        and low not in _LY_NOUNS)

_TO = re.compile(r"\s+(to\s+[a-z])")
#: Verbs whose content follows "to" or "out" ("referred to the plan", "pointed out that").
_TO_OUT_VERBS = frozenset({"refer", "point", "lash"})  # ("lashed out at X")
#: Speech verbs whose object is not what was said ("added 7,000 jobs", "added fuel").
_NO_OBJECT_VERBS = frozenset({"add"})
_TO_OUT = re.compile(r"\s+(?:to|out)\s+(?:that\s+)?(\w)")
_PROGRESSIVE = re.compile(
    r"(?:\b(?:is|was|were|are|been|be)|'s|'re|'m)\s+(?:[a-z]+ly\s+|also\s+)?$", re.IGNORECASE)
#: A verb that passes its subject on to a "to" infinitive after it ("continued to defend",
#: "went on to criticize", "tried to rebuke", "is expected to endorse"): the infinitive
#: is then a cue of the same subject.
_CONTROL_TO = re.compile(
    r"\b(?:continu(?:e|es|ed)|went\s+on|go(?:es)?\s+on|beg(?:an|in|ins)|start(?:s|ed)?|"
    r"tr(?:y|ies|ied)|refus(?:e|es|ed)|decid(?:e|es|ed)|mov(?:e|es|ed)|rush(?:es|ed)?|"
    r"sought|seeks?|appear(?:s|ed)?|seem(?:s|ed)?|used|"
    r"(?:is|are|was|were|be|been)\s+(?:expected|set|going|likely|about|poised|ready|quick|"
    r"eager|unlikely|certain))\s+to\s+$", re.IGNORECASE)
#: Verbs of wanting before "to": not part of the speaker ("Ann Lee wants to say"), though
#: no cue of the infinitive on their own (thought and intention are off by default).
_WANT_TO = re.compile(r"\b(?:wants?|wanted|hop(?:e|es|ed)|plan(?:s|ned)?|intend(?:s|ed)?|"
                      r"need(?:s|ed)?)\s+to\s+$", re.IGNORECASE)
#: A verb that passes its subject on to a participle after it ("began criticizing").
_ASPECT_ING = re.compile(r"\b(?:beg(?:an|in|ins|un)|start(?:s|ed)?|kept|keeps?|"
                         r"continu(?:e|es|ed)|stopped|stops?|(?:taken|took|takes)\s+to)\s+$",
                         re.IGNORECASE)  # ("has taken to referring to him as")
_IMPORTANCE = re.compile(rf"\s+(the\s+(?:{_CONTENT_NOUNS})\s+of\b)", re.IGNORECASE)
_OF = re.compile(r"\s+((?:of|about(?!\s+[$\d])|against)\s+)", re.IGNORECASE)
# (not "will add about $120 billion", "said about 40 people came": a quantity)
#: "says a lot about", "says something about": how much a thing tells, no content ("said
#: little about the plan", "would say nothing about" stay: a speaker keeping quiet).
_SAYS_ABOUT = re.compile(r"\s+(?:a\s+lot|a\s+great\s+deal|something|volumes)\s+about\b")
_IDIOM = re.compile(r"\b(?:let's|let\s+us|so\s+to|that\s+is\s+to|needless\s+to|"
                    r"worth(?:\s+(?:also|again|briefly))?|there(?:\s+is|['\u2019]s|\s+was)\s+"
                    r"(?:(?:no|little)\s+(?:evidence|reason|indication)|nothing|little)\s+to|"
                    r"(?:fair|safe|no\s+exaggeration)\s+to|"
                    r"(?:nonsense|absurd|ridiculous|premature)[\"'\u201d]?\s+to|"
                    r"(?:too\s+(?:early|soon)|hard|difficult|impossible)\s+to|rest)\s+$",
                    re.IGNORECASE)
# ("let's say", "so to say", "worth noting", "there is no evidence to suggest", "it's safe to
# say", "it's no exaggeration to say", "it's too early to tell whether", "it's hard to say",
# "rest assured that": not speech)
_HARD = re.compile(r"[^ \t.,\"']")
_PASSIVE = re.compile(r"\b(?:was|were|been|being|is|are|be|got|get|gets|getting)\s+"
                      r"(?:(?:[a-z]+ly|already|also|not|never|still|long|once|even)\s+)?$",
                      re.IGNORECASE)
_AS = re.compile(r"\s+([^\".;!?]{1,80}?\s+as\s+)")
#: Verbs whose content may be an indirect question ("wondered whether", "explained why").
#: "say", "tell", "reveal" ...: mostly negated ("would not say whether", "did not tell
#: reporters how"), or a condition ("said if he were elected, ...").
_WH_VERBS = frozenset({"ask", "wonder", "question", "explain", "discuss", "say", "tell",
                       "reveal", "disclose", "confirm", "indicate"})
#: Of _WH_VERBS, those whose object may stand before the wh-word ("asked voters if").
_WH_OBJECT_VERBS = frozenset({"ask", "tell"})
_WH_WORDS = r"(?:whether|if|why|how|what|when|where|who)\s+\w"
_WH = re.compile(rf"\s+({_WH_WORDS})")
#: Where the question after a passive or elliptic "asked" ends.
_CLAUSE_STOP = re.compile(r"[,;:(]")
_THAT_NEXT = re.compile(r"\s+that\b")  # (also "found that, on average, ...")
_ASKED_OPENING = re.compile(r"(?<![\w'-])Asked(?= )")
#: After a passive or elliptic "asked": who asked ("by the host"), then the question.
_ASKED_WH = re.compile(r"(?:\s+by\s+(?P<by>[^,.;:\"]{1,40}?))?(?:\s+(?:on|last|this|in)\s+"
                       rf"(?:{_DAYS}|[a-z]+))?\s+(?P<content>(?:whether|if|about|what|why|how|"
                       r"who|which|when|where|to)\s+\w)")
#: A verb right after "that": "that" is a relative pronoun ("the ad that came out").
_VERB_AFTER_THAT = re.compile(r"(?:came|comes|was|is|were|are|has|had|aired|ran|appeared|"
                              r"appears|showed|shows|went|goes|began|begins)\b")
#: "told the truth", "told lies": what was told is no content to report.
_TOLD_THE_TRUTH = re.compile(r"\s+(?:the\s+(?:whole\s+)?truth|(?:a\s+)?lies?|a\s+lie)\b")
#: "asked voters if", "asked the senator whether": up to three words of object first.
_WH_OBJECT = re.compile(rf"(?:\s+[\w'-]+){{0,3}}?\s+({_WH_WORDS})")
_TAIL = re.compile(
    r"(?P<content>.{8,}?),\s+(?P<speaker>[^,\"]{1,80}?)\s+(?P<verb>\w+)\s*[.!?]?\s*$"
)
_TAIL_SPEAKER = re.compile(r",\s+([^,\"\n]{1,80}?)\s+")
#: A span of time before "later", "ago", "earlier": "a few days later", "two weeks ago".
_SPAN_OF_TIME = (r"(?:a\s+(?:few|couple\s+of)|two|three|four|five|several|many)\s+"
                 r"(?:minutes|hours|days|weeks|months|years)\s+(?:later|ago|earlier)\b")
_TAIL_REST = re.compile(
    r"\s+(?:on|in|at|during|last|this|earlier|late|early|yesterday|today|tonight|again|"
    r"recently|later|afterward|afterwards|privately|publicly|Monday|Tuesday|Wednesday|"
    r"Thursday|Friday|Saturday|Sunday|in\s+a\s+statement|in\s+an\s+interview|"
    + _SPAN_OF_TIME + r")\b[^,\"\n]{0,80}?[.!?]?\s*")
#: The same span of time right after a verb, which is then no object ("reported a few days
#: later").
_SPAN_AFTER = re.compile(r"\s+" + _SPAN_OF_TIME)
_TAIL_END = re.compile(r",\s+(?P<speaker>[^,\"]{1,80}?)\s+(?P<verb>\w+)\s*[.!?]?\s*$")


def _tail(shadow: str, start: int, stop: int) -> tuple[int, re.Match[str]] | None:
    """``_TAIL.match(shadow, start, stop)`` as ``(end of content, match of _TAIL_END)``.

    After its comma, _TAIL allows no comma up to the end, so the only comma it can use
    is the last one in the range; and its content (``.{8,}?``) is 8 or more characters
    without a line break. So instead of trying every comma (lazily, each with up to 80
    characters of speaker), the last comma is tried once.
    """
    comma = shadow.rfind(",", start, stop)
    if comma - start < 8 or shadow.find("\n", start, comma) >= 0:
        return None
    m = _TAIL_END.match(shadow, comma, stop)
    return (comma, m) if m else None


def _last_word(sh: str, lo: int, hi: int) -> str:
    """The run of word characters (``\\w``) that ends ``sh[lo:hi]`` before white space
    and at most one ``.``, ``!`` or ``?``, when white space stands before it; else ``""``.
    Where ``_TAIL_END`` matches, this is its ``verb``.

    >>> _last_word("a, Smith said. ", 0, 15), _last_word("a, Smith-said", 0, 13)
    ('said', '')
    """
    k = hi
    while k > lo and sh[k - 1].isspace():
        k -= 1
    if k > lo and sh[k - 1] in ".!?":
        k -= 1
        while k > lo and sh[k - 1].isspace():
            k -= 1
    j = k
    while j > lo and (sh[j - 1].isalnum() or sh[j - 1] == "_"):
        j -= 1
    return sh[j:k] if j < k and j > lo and sh[j - 1].isspace() else ""


def _tail_cue(ctx: _Context, start: int, stop: int) -> tuple[int, int, int, _Verb] | None:
    """"<content>, <speaker> <verb>[ <when or where>]." at the end of ``[start, stop)``:
    ``(end of content, speaker start, speaker end, verb)``, else None. Up to ten words
    of time, place or manner may follow the verb ("..., Sanders warned on Wednesday.",
    "..., the ministry said in a statement.")."""
    sh = ctx.shadow
    comma = sh.rfind(",", start, stop)
    if comma - start < 8 or sh.find("\n", start, comma) >= 0:
        return None
    # what _tail does, with the comma found once; only when the last word is a verb form
    # (the match's verb is the last run of word characters, after white space)
    m = _TAIL_END.match(sh, comma, stop) if _last_word(sh, comma, stop) in ctx.verbs.forms \
        else None
    if m is not None and m.group("verb") in ctx.verbs.forms:
        if _PASSIVE.search(sh, m.start("speaker"), m.start("verb")) \
                or _after_determiner(sh, comma, m.start("verb")) \
                or m.group("speaker") in _AUXILIARIES \
                or _COPULA_IN.search(m.group("speaker")) \
                or " what " in f" {m.group('speaker')} ":
            return None  # "..., and no casualties were reported.": what, not who; "...,
            # then called for a recount.": a noun; "..., California Democrat, has
            # proposed.", "..., confirmation is all but assured.": no one after the comma
        return (comma, m.start("speaker"), m.end("speaker"),
                _Verb(m.start("verb"), m.end("verb"), m.group("verb")))
    if stop - comma > 200:
        return None
    k = bisect.bisect_left(ctx.verb_starts, stop) - 1  # the last verb before stop
    if k < 0 or ctx.verb_hits[k].start < comma or ctx.verb_hits[k].end > stop:
        return None
    v = ctx.verb_hits[k]
    m = _TAIL_SPEAKER.fullmatch(sh, comma, v.start)
    if m is None or _words_over(sh, v.end, stop, 10) \
            or sh.startswith(("who ", "which ", "that ", "according to "), m.start(1)) \
            or m.group(1) in _AUXILIARIES or " what " in f" {m.group(1)} ":
        return None  # (not "..., than for Clinton, who often speaks in small venues.", nor
        # "as Sen. Ann Lee, California Democrat, has proposed.", "..., despite what the
        # media portrays.": no speaker after the comma; '"...," according to videos
        # posted online.': a source, whose cue is "according to")
    if not _TAIL_REST.fullmatch(sh, v.end, stop):
        # "..., the president told her.", "..., Smith told POLITICO on Monday."
        told = _TOLD.match(sh, v.end, stop) or _TOLD_OBJECT.match(sh, v.end, stop) \
            if v.form in _TELL_FORMS else None
        if told is None or not (told.end() == stop or _TAIL_REST.fullmatch(sh, told.end(), stop)
                                or _END.fullmatch(sh, told.end(), stop)):
            return None
    return comma, m.start(1), m.end(1), v


class _Context:
    """Everything about one text that the cue rules look at."""

    def __init__(self, text: str, actors: ActorList | None, verbs: VerbLexicon,
                 mentions: list[Mention] | None = None) -> None:
        self.text = text
        shadow = _shadow(text)
        if "''" in shadow:  # '' as a double quotation mark: '"' and a space, same length
            shadow = _TWO_APOSTROPHES.sub('" ', shadow)
        self.shadow = shadow
        self.verbs = verbs
        if mentions is None:
            mentions = find_mentions(text, actors) if actors is not None else []
        self.mentions: list[Mention] = mentions
        self.actors = actors
        self._title_genders: dict[str, str | None] = {}
        self.mention_starts = [m.start for m in self.mentions]
        self.sentences = sentence_spans(text)
        self.sentence_starts = [s for s, _ in self.sentences]
        self.paragraphs = _paragraphs(text)
        self.paragraph_starts = [s for s, _ in self.paragraphs]
        self.verb_hits = [_Verb(*hit) for hit in verbs.find_cues(self.shadow)]
        # an evidence verb needs its subject ("a poll shows"); a participle before "was" is
        # an adjective ("Especially telling was the insistence")
        self.verb_hits = [v for v in self.verb_hits if not (
            (v.form in verbs.evidence
             and not _evidence_subject(shadow, v.start, verbs.evidence_subjects)
             and not _THAT_NEXT.match(shadow, v.end))  # "he has found that ..."
            or (v.form.endswith("ing") and _COPULA_NEXT.match(shadow, v.end)))]
        if "asked" in verbs.forms and "Asked" in shadow:
            # "Asked about the plan, she said ...": the one capitalised form read, opening
            # a clause (the forms are lower case)
            self.verb_hits = sorted(self.verb_hits + [
                _Verb(m.start(), m.end(), "Asked") for m in _ASKED_OPENING.finditer(shadow)],
                key=lambda v: v.start)
        # Indexes, so that each lookup below is a bisect, not a scan of the whole text's
        # verbs or mentions (which made long texts quadratic).
        self.verb_starts = [v.start for v in self.verb_hits]
        ends = [v.end for v in self.verb_hits]
        # The hits do not overlap, so their ends are in order too (checked): the verbs of
        # a range that end inside it are a prefix of those starting in it (see verbs_in).
        self.verb_ends = ends if all(a <= b for a, b in itertools.pairwise(ends)) else None
        self.mention_reach = max((m.end - m.start for m in self.mentions), default=0)
        self.people = [m for m in self.mentions if m.kind == "person"]
        self.people_starts = [m.start for m in self.people]
        self._inside: tuple[Sequence[tuple[int, int]], list[int], list[int]] | None = None
        self.subject_memo: dict[tuple[int, int], _Speaker] = {}
        self.previous_subjects: dict[int, Quote | None] = {}  # see _previous_subject
        self.quote_starts: list[int] = []
        self.quote_reach: list[int] = []
        self.quote_ends: list[int] = []
        self.according = _according_spans(self.shadow)
        self.according_starts = [s for s, _ in self.according]

    @functools.cached_property
    def actor_genders(self) -> dict[str, str]:
        """Listed actors' genders ("m"/"f"), for lists whose entries carry a ``gender``
        (read from the Actor object when it has that attribute)."""
        out = {}
        for actor in self.actors or ():
            g = str(getattr(actor, "gender", "") or "").strip().lower()
            if g[:1] in ("m", "f"):
                out[actor.name] = g[:1]
        return out

    @functools.cached_property
    def listed_titles(self) -> dict[str, list[list[str]]]:
        """Each listed person's titles as lower-cased words without periods ("Democratic
        California Sen." -> ["democratic", "california", "sen"])."""
        return {a.name: [[w.rstrip(".").lower() for w in _NP_WORD.findall(t)]
                         for t in getattr(a, "titles", ()) or ()]
                for a in self.actors or () if a.kind == "person"}

    @functools.cached_property
    def roles(self) -> frozenset[str]:
        """The role nouns (:func:`~analysis.actors.lexicon.role_nouns`), looked up once
        per text."""
        return role_nouns()

    @functools.cached_property
    def titled(self) -> list[tuple[int, int, str, str]]:
        """Names with a gendered title: ``(start, end, gender, name)``, in text order."""
        return [(m.start(), m.end(), _GENDER_OF_TITLE[m.group(1).lower()], m.group())
                for m in _titled_names(self.shadow, 0, len(self.shadow))]

    @functools.cached_property
    def titled_starts(self) -> list[int]:
        return [t[0] for t in self.titled]

    def title_gender(self, surname: str) -> str | None:
        """The gender the text gives ``surname`` by a title ("Mr. Garin", "Ms. Brainard"),
        None when it gives none or both."""
        if not self._title_genders and self.titled:
            by_name: dict[str, set[str]] = {}
            for _s, _e, gender, name in self.titled:
                by_name.setdefault(name.split()[-1], set()).add(gender)
            self._title_genders.update(
                {k: next(iter(v)) if len(v) == 1 else None for k, v in by_name.items()})
        return self._title_genders.get(surname)

    def set_quotes(self, marked: Sequence[_Marked]) -> None:
        """The quoted passages, so that subjects are not looked for inside them."""
        spans = sorted((m.open, m.end) for m in marked if m.open >= 0)
        self.quote_starts = [a for a, _ in spans]
        self.quote_reach = list(itertools.accumulate((b for _, b in spans), max))
        self.quote_ends = sorted(b for _, b in spans)

    def in_quote(self, pos: int) -> bool:
        k = bisect.bisect_right(self.quote_starts, pos)
        return bool(k) and self.quote_reach[k - 1] > pos

    def quote_end(self, pos: int) -> int:
        """The end of the quoted passage(s) around ``pos`` (call when :meth:`in_quote`)."""
        return self.quote_reach[bisect.bisect_right(self.quote_starts, pos) - 1]

    def after_quotes(self, s: int, pos: int) -> int:
        """``s``, or the end of the last quoted passage in ``[s, pos)`` when there is one
        (and ``pos`` is not itself inside a quotation)."""
        if self.in_quote(pos):
            return s
        k = bisect.bisect_right(self.quote_ends, pos - 1)
        return max(s, self.quote_ends[k - 1] + 1) if k else s

    def according_in(self, s: int, e: int) -> list[tuple[int, int]]:
        """``[m.span() for m in _ACCORDING.finditer(shadow, s, e)]``, from one scan of the
        whole text. A match of the whole text that runs past ``e`` (its trailing white
        space) is matched again inside the range, as the range's own search would."""
        out = []
        k = bisect.bisect_left(self.according_starts, s)
        while k < len(self.according) and self.according[k][0] < e:
            start, end = self.according[k]
            if end > e:
                m = _ACCORDING.match(self.shadow, start, e)
                if m:
                    out.append(m.span())
            else:
                out.append((start, end))
            k += 1
        return out

    def sentence(self, pos: int) -> tuple[int, int]:
        if not self.sentences:
            return 0, len(self.text)
        k = bisect.bisect_right(self.sentence_starts, pos)
        return self.sentences[k - 1 if k else 0]

    def sentence_index(self, pos: int) -> int:
        k = bisect.bisect_right(self.sentence_starts, pos)
        return k - 1 if k else 0

    def paragraph_index(self, pos: int) -> int:
        k = bisect.bisect_right(self.paragraph_starts, pos)
        return k - 1 if k else 0

    def verbs_in(self, s: int, e: int, inside: Sequence[tuple[int, int]] = ()) -> list[_Verb]:
        lo = bisect.bisect_left(self.verb_starts, s)
        hi = bisect.bisect_left(self.verb_starts, e, lo)
        if self.verb_ends is not None:  # (a slice, not a test of each verb's end)
            found = self.verb_hits[lo:bisect.bisect_right(self.verb_ends, e, lo, hi)]
        else:
            found = [v for v in self.verb_hits[lo:hi] if v.end <= e]
        if not inside or not found:
            return found
        if self._inside is None or self._inside[0] is not inside:
            spans = sorted(inside)  # any(a <= x < b) is: the furthest b with a <= x is > x
            self._inside = (inside, [a for a, _ in spans],
                            list(itertools.accumulate((b for _, b in spans), max)))
        _, starts, reach = self._inside
        return [v for v in found
                if not ((k := bisect.bisect_right(starts, v.start)) and reach[k - 1] > v.start)]

    def mention_before(self, s: int, e: int) -> Mention | None:
        """The mention ending closest to ``e`` within ``[s, e)``; people first on ties."""
        # Mentions are sorted by start and none is longer than mention_reach, so only
        # those starting in [e - reach, e) can end closest to e.
        best, best_key = None, None
        k = bisect.bisect_left(self.mention_starts, e)
        while k > 0:
            k -= 1
            m = self.mentions[k]
            if m.start < s or (best is not None and m.start + self.mention_reach < best.end):
                break
            if m.end <= e and (best_key is None or (m.end, -m.start) >= best_key):
                best, best_key = m, (m.end, -m.start)  # ">=": the first listed wins ties
        return best

    def first_mention(self, s: int, e: int) -> Mention | None:
        k = bisect.bisect_left(self.mention_starts, s)
        while k < len(self.mentions) and self.mentions[k].start < e:
            if self.mentions[k].end <= e:
                return self.mentions[k]
            k += 1
        return None

    def speaker_from(self, m: Mention | None) -> _Speaker:
        if m is None:
            return _Speaker()
        return _Speaker(m.surface, m.actor, m.start, m.end)

    def _determiner_that(self, text: str, at: int) -> bool:
        """Is the "that" at ``at`` a determiner after a participle ("leading that
        investigation") or a preposition ("in that age group"), not a conjunction ("saying
        that ...")? The word before it ends in -ing and is no attribution verb, or is a
        preposition."""
        word = _last_word_lower(text, max(0, at - 30), at)
        return (len(word) > 4 and word.endswith("ing") and word not in self.verbs.forms) \
            or word in _THAT_PREPOSITIONS  # "voters in that age group said"

    def noun_phrase_before(self, s: int, e: int) -> _Speaker:
        """The words between the last clause boundary in ``[s, e)`` and ``e``."""
        s = max(s, e - _NP_REACH)
        segment = self.shadow[s:e]
        cut = 0
        limit = len(segment.rstrip())
        low = segment.lower()
        # the case-blind _CLAUSE_START, run on a lower-case copy as _CLAUSE_LOWER (each
        # of its branches opens with a literal, so the engine jumps between candidates)
        scan, text = ((_CLAUSE_LOWER, low) if len(low) == len(segment)
                      and "\u0130" not in segment and "\u0131" not in segment
                      else (_CLAUSE_START, segment))
        for m in scan.finditer(text, 0, limit):
            if m.end() < limit:
                if text.startswith("that", m.start()) and self._determiner_that(
                        text, m.start()):
                    continue  # "State lawmakers leading that investigation said"
                if text.startswith("(", m.start()) and _PARTY_OPEN.match(segment, m.start()):
                    continue  # "Sen. Ron Wyden (D) of Oregon": a party tag, no clause
                cut = m.end()
        if ")" in segment:
            close = segment.rfind("), ", cut, limit)
            if close >= 0:
                cut = close + 3  # "(a term coined by Rudy Giuliani), Trump": after the aside
        # The kept words are always one stretch of them, words[lo:hi]: worked out on
        # their strings (each match's group() taken once).
        found = list(_NP_WORD.finditer(segment, cut))
        words = [w.group() for w in found]
        lo, hi = 0, len(words)
        if hi > 2 and not _AUXILIARIES_BUT_NOT.isdisjoint(words[1:]):
            aux = next(k for k in range(1, hi) if words[k] in _AUXILIARIES_BUT_NOT)
            if aux < hi - 1:
                # "she will have to continue to", "voters are generally more likely to":
                # the subject stands before the first auxiliary
                hi = aux
        said = next((k for k in range(lo + 1, hi - 1) if words[k] in _SAID_FORMS), None) \
            if not _SAID_FORMS.isdisjoint(words) else None
        if said is not None:
            # "He said the president (discussed "...")": the words quoted are within what
            # he said, so he speaks, not the subject of the clause he reports
            hi = said
        if hi > 1 and words[0].lower() in _OPENERS:
            pron = next((k for k in range(hi - 1, 0, -1) if words[k] in _SUBJECT_PRONOUNS),
                        None)
            if pron is not None:
                lo = pron  # "At the bottom it reads": the pronoun
        if hi - lo > 2 and words[lo].lower() in _TIME_ADVERBS and words[lo + 1] in _NP_ARTICLES:
            lo += 1  # "now the Democratic frontrunner says": the phrase after the adverb
        elif hi - lo > 1 and words[lo] in ("and", "but", "yet", "or", "so") \
                and (words[lo + 1][:1].isupper() or words[lo + 1] in _NP_ARTICLES):
            lo += 1  # "..., and yet Trump still praised": Trump
        while hi > lo:
            last = words[hi - 1]
            low = last.lower()
            if not (low in _FUNCTION_WORDS  # "He even"
                    or low in _ADVERBS_BEFORE_VERB  # "who first"
                    or last in _AUXILIARIES  # "He has" (not "Will")
                    or (last.endswith("ly")  # "He falsely" (not "The family")
                        and last.islower() and hi - lo > 1 and last not in _LY_NOUNS
                        and words[hi - 2].lower() not in _BEFORE_NOUN)):
                break
            hi -= 1
        place = next((k for k in range(lo + 2, hi) if words[k][:1].isupper()
                      and words[k - 1] in _PLACE_PREPOSITIONS), None) if hi - lo > 4 else None
        if place is not None and words[lo].lower() not in _FUNCTION_WORDS \
                and words[lo].lower() not in _COUNT_WORDS and all(
                w.islower() and w not in _FUNCTION_WORDS for w in words[lo + 1:place - 1]):
            pass  # "(Political) figures in New Jersey": the people, with their place
        elif hi - lo > 4 and (of := next((k for k in range(lo + 1, min(lo + 4, hi))
                                          if words[k] == "of"), None)) is not None \
                and all(w.lower() in _QUANTIFIERS or _quantity_word(w) for w in words[lo:of]):
            # "All of the top Democratic presidential hopefuls seeking ...", "Almost every
            # one of the Trump voters", "65% of likely voters in ...", "Forty percent of
            # those polled": the quantifier's phrase, up to its head noun (before a
            # participle or a preposition), not "All" for a name
            end = of + 1
            while end < hi and end - lo < 9 and words[end].lower() not in _QUANTIFIER_STOPS \
                    and not (words[end].endswith("ing") and end > lo + 3):
                end += 1
            hi = end
        elif hi - lo <= 8 and (head := next((k for k in (lo, lo + 1) if k + 2 < hi
                                             and words[k].islower()
                                             and words[k + 1] in _HEAD_PREPOSITIONS
                                             and (words[k] in _PEOPLE
                                                  or words[k] in self.verbs.evidence_subjects)),
                                            None)) is not None \
                and (head == lo or words[lo].islower()) \
                and any(w[:1].isupper() for w in words[head + 2:hi]):
            pass  # "workers at the Tyson plant", "voluntary testing at the Milan plant": the
            # people or the finding, with where they are (not "Tyson", "Milan")
        elif hi - lo > 4 and words[lo].lower() not in _NP_ARTICLES:
            # "Dewhurst emerged from the meeting still": keep the first capitalised run
            at = lo + 1 if words[lo].lower() in _LEADING_CONJUNCTIONS else lo
            count_head = at + 2 < hi and words[at + 2] in _HEAD_ENDS and (
                _quantity_word(words[at]) or words[at].lower() in _COUNT_WORDS)
            first = None if count_head else next(
                (k for k in range(lo, hi) if words[k][:1].isupper()
                 and words[k].lower() not in _FUNCTION_WORDS), None)
            if count_head:
                lo, hi = at, at + 2  # "(Yet) two sources familiar with ..."
            elif first is None and _quantity_word(words[lo]):
                end = lo + 1  # "31 million voters in that age group": the quantity's noun
                while end < hi and end - lo < 6 and words[end] not in _QUANTIFIER_STOPS:
                    end += 1
                hi = end
            elif first is None:
                # "likely voters with a college degree": the words before "with", else the
                # last three
                head = next((k for k in range(lo + 2, hi - 1) if words[k] in _HEAD_ENDS), None)
                if head is None and words[lo].lower() in _POSSESSIVES:
                    # "his campaign at times in the past two weeks (has suggested)": the
                    # possessive's phrase, up to a time or a place
                    head = next((k for k in range(lo + 2, hi) if words[k] in _TIME_PREPOSITIONS),
                                None)
                    if head is not None:
                        hi = head
                    else:
                        lo = hi - 3
                elif head is not None and words[lo].lower() not in _FUNCTION_WORDS \
                        and not words[lo].endswith("ed"):  # (not "compared with 23 percent")
                    hi = head
                else:
                    lo = hi - 3
            else:
                end = first + 1
                while end < hi:
                    if words[end][:1].isupper() and words[end].lower() not in _FUNCTION_WORDS:
                        end += 1
                    elif words[end] in _NAME_PARTICLES and end + 1 < hi \
                            and words[end + 1][:1].isupper():
                        end += 1  # "Hans von Spakovsky": a particle inside a name
                    elif words[end] in ("of", "for") and end + 1 < hi \
                            and words[end - 1].lower() in self.roles and (
                                words[end + 1][:1].isupper() or (words[end + 1] == "the"
                                                                 and end + 2 < hi)):
                        # a title's office: "Secretary of State Hillary Clinton" (not
                        # "Wayne Pacelle of the Humane Society")
                        end += 1
                    elif words[end] == "the" and words[end - 1] in ("of", "for"):
                        end += 1
                    else:
                        break
                while words[end - 1] in ("of", "for", "the"):
                    end -= 1
                if end < hi - 2 and words[end] == "of":
                    # "Virginia House of Delegates Member Patrick Hope": a body's name, its
                    # role and a person's name, all capitalised; the person (not "Wayne
                    # Pacelle of the Humane Society": a name first)
                    # ("Secretary of State of the Commonwealth of Kentucky Michael G.
                    # Adams": "of", "the" and "and" inside the body's name)
                    name = next((j for j in range(end + 2, hi - 1)
                                 if words[j].casefold() in first_names()
                                 and all(w[:1].isupper() or w in ("of", "the", "and")
                                         for w in words[end + 1:j])
                                 and all(w[:1].isupper() for w in words[j:hi])), None)
                    if name is not None:
                        first, end = name, hi
                k = end  # the lower-case words after the run (at most four)
                while k < hi and k - end < 4 and words[k].islower():
                    k += 1
                if end < k < hi and any(w in _SPEAKING_HEADS or w in self.roles
                                        or w in _LOCAL_PEOPLE for w in words[end:k]) \
                        and _PLACE_PREPOSITIONS.isdisjoint(words[end:k]) \
                        and all(w[:1].isupper() for w in words[k:hi]):
                    # "Ocean Action Fund spokeswoman Jane Miller", "Senate Majority PAC
                    # president J.B. Poersch", "Democratic presidential candidate Hillary
                    # Clinton", "Former secretary of state Hillary Clinton": the run, the
                    # role's words and the name after them (not "Senior officials in
                    # Varna": a place); after a possessive, the name alone ("Trump's GOP
                    # primary rival Sen. Marco Rubio": Rubio, not "Trump's GOP")
                    if any(w.endswith(("'s", "\u2019s")) for w in words[first:end]):
                        first = k
                    end = hi
                elif end < k == hi and words[end - 1].endswith(("'s", "\u2019s")) \
                        and any(w in _SPEAKING_HEADS or w in self.roles
                                for w in words[end:k]):
                    end = hi  # "Mr. Trump's former campaign manager": the owned role
                elif end < hi and (words[end] in _SPEAKING_HEADS
                                   or words[end] in self.verbs.evidence_subjects
                                   or (words[end][-1:] == "s"  # "Republican-leaning groups"
                                       and words[end][:-1] in _SPEAKING_HEADS)):
                    end += 1  # "Senior Egyptian officials in Cairo": the run and its noun
                    # (also "a 300-page Democrat-authored report alleging")
                elif end == first + 1 and words[first].lower() in _COUNT_WORDS:
                    # "Two weekend polls in Kentucky": a number opening the sentence, and
                    # the lower-case words of its phrase
                    while end < hi and words[end].islower() \
                            and words[end] not in _FUNCTION_WORDS:
                        end += 1
                lo, hi = first, end
        elif hi - lo > 8:
            head = next((k for k in range(lo + 2, min(lo + 6, hi))
                         if words[k] in _HEAD_ENDS
                         or (words[k] in ("of", "in", "from", "on")
                             and words[k - 1] in self.verbs.evidence_subjects)), None) \
                if words[lo].lower() in _NP_ARTICLES else None
            by = lo + 2 if head is None and hi - lo > 4 and words[lo + 2] == "by" \
                and words[lo + 1] in self.verbs.evidence_subjects else None
            if by is not None:
                # "A study by the Southern Poverty Law Center in April": the author, up to
                # a time or a place
                lo = by + 2 if words[by + 1].lower() == "the" else by + 1
                hi = next((k for k in range(lo + 1, hi) if words[k] in _TIME_PREPOSITIONS), hi)
            elif head is not None:
                hi = head  # "A White House official with knowledge of the talks": the
                # phrase up to its first preposition (not "of the talks"); "an independent
                # assessment of the program from 1994 in six zones": the assessment
            else:
                lo = hi - 3
        if hi <= lo:
            return _Speaker()
        a, b = s + found[lo].start(), s + found[hi - 1].end()
        if hi - lo > 1 and words[hi - 1] in _RELATIVES:
            # "polls that show", "a memo which said": the verb is a relative clause's;
            # the speaker's words keep the pronoun (PolNeAR marks "that" as the source),
            # its name is the phrase the pronoun follows (after a verb before it: "The
            # group released a study that finds": the study)
            verb = next((k for k in range(hi - 3, lo, -1) if words[k].endswith("ed")
                         and words[k].islower() and words[k + 1].lower() in _NP_ARTICLES), None)
            if verb is not None:
                a = s + found[verb + 1].start()
            return _Speaker(self.text[a:b], None, a, b,
                            self.text[a:s + found[hi - 2].end()])
        if b - a > 3 and self.shadow.find("'", a, b) < 0:
            return _Speaker(self.text[a:b], None, a, b)  # (no pronoun to resolve)
        return self.resolve_pronoun(_Speaker(self.text[a:b], None, a, b))

    def noun_phrase_after(self, s: int, e: int) -> _Speaker:
        """The speaker after an inverted verb: a run of capitalised words ('said Geoff
        Garin'), or a phrase opening with an article ('said a New Hampshire Republican',
        'said one senior aide') up to a comma, a full stop or a clause word."""
        words = list(itertools.islice(_NP_WORD.finditer(self.shadow, s, e), 8))
        caps: list[re.Match[str]] = []
        if words and words[0].group().lower().rstrip(".") in _NP_OPENERS:
            for k, w in enumerate(words):
                if k and ((w.group().lower() in _NP_STOPS
                           and not (k == 1 and w.group() == "of")  # "one of his aides"
                           # "a source close to Trump", "a person close to the family"
                           and not (w.group() == "to" and words[k - 1].group() == "close"))
                          or self.shadow[words[k - 1].end():w.start()].strip()):
                    break
                caps.append(w)
            lone = caps[0].group().lower() if len(caps) == 1 else ""
            if len(caps) < 2 and not (
                    lone in ("one.", "another.")
                    or (lone in ("one", "another")
                        and self.shadow[caps[0].end():caps[0].end() + 1] in (",", "!", "?"))):
                caps = []  # (but '"...," tweeted another.': one of those just named)
        else:
            # 'said spokesman John Kirby', 'said election lawyer Joe Birkenstock': up to
            # two lower-case words of a role before the name
            lead = 0
            while (lead < min(2, len(words)) and words[lead].group().islower()
                   and words[lead].group() not in _NP_STOPS
                   and words[lead].group() not in _FUNCTION_WORDS
                   and not self.shadow[words[lead].end():words[lead + 1].start()].strip()
                   if lead + 1 < len(words) else False):
                lead += 1
            window = words[lead:lead + 6]
            for i, w in enumerate(window):
                if caps and self.shadow[caps[-1].end():w.start()].strip():
                    break  # ("said John Silvia, Wells Fargo chief economist")
                # (a role word between names: "said Kremlin spokesman Dmitry Peskov")
                role = (caps and (w.group().rstrip("s") in _INVERTED_HEADS
                                  or (w.group().islower() and len(w.group()) > 3
                                      and w.group() not in _FUNCTION_WORDS
                                      and w.group() not in _NP_STOPS
                                      and i + 2 < len(window)
                                      and window[i + 2].group()[:1].isupper()))
                        and i + 1 < len(window) and window[i + 1].group()[:1].isupper()
                        and not self.shadow[w.end():window[i + 1].start()].strip())
                # (any role word between a body and a full name: "said CNN historian
                # Douglas Brinkley")
                if not w.group()[:1].isupper() and not role \
                        and not (caps and _NAME_PARTICLE.match(w.group())):
                    break  # (but "said Essam el-Haddad", "Bashar al-Assad")
                caps.append(w)
            if caps and lead:
                caps = [*words[:lead], *caps]
        if not caps:
            return _Speaker()
        end = caps[-1].end()
        last = caps[-1].group()
        if (last.endswith(".") and "." not in last[:-1]
                and last[:-1].lower() not in ("jr", "sr", "st", "dr", "inc", "co", "ltd")):
            end -= 1  # "said Tom Lee." (but "Jr.", "U.S.")
        return _Speaker(self.text[caps[0].start():end], None, caps[0].start(), end)

    def resolve_pronoun(self, sp: _Speaker) -> _Speaker:
        contracted = _CONTRACTED.fullmatch(sp.text) if sp.text and self.shadow.find(
            "'", sp.start, sp.end) >= 0 else None
        if contracted:  # "he's hinted", "she'd said": the pronoun
            end = sp.start + contracted.end(1)
            sp = _Speaker(self.text[sp.start:end], sp.actor, sp.start, end, sp.names)
        if sp.text and len(sp.text) <= 3 and sp.text.lower() in _PRONOUNS_RESOLVED:
            k = bisect.bisect_left(self.people_starts, sp.start)
            other = None  # "Klobuchar, she said, seemed ...": she is not Klobuchar
            while k > 0:  # the last person (in list order) ending by sp.start
                k -= 1
                m = self.people[k]
                if m.end <= sp.start and m.actor != other:
                    if self.shadow[m.end:sp.start] in (", ", ",  "):
                        other = m.actor
                        continue
                    sp.actor = m.actor
                    break
        return sp


def _word_count(shadow: str, s: int, e: int) -> int:
    """Words in ``shadow[s:e]``, counted up to ``_COUNT_CAP`` (so long ranges cost little)."""
    if e - s <= 4 * _COUNT_CAP:  # at most _COUNT_CAP words fit anyway (a word and a space)
        return len(_NP_WORD.findall(shadow, s, e))
    return sum(1 for _ in itertools.islice(_NP_WORD.finditer(shadow, s, e), _COUNT_CAP))


def _words_over(shadow: str, s: int, e: int, n: int) -> bool:
    """``_word_count(shadow, s, e) > n`` (for ``n`` below ``_COUNT_CAP``), reading no
    more than ``n + 1`` words: a quotation or sentence is not counted to its end to learn
    that it holds more than two or ten."""
    if e - s < 2 * n + 1:  # n + 1 words need n + 1 characters and n between them
        return False
    return next(itertools.islice(_NP_WORD.finditer(shadow, s, e), n, None), None) is not None


def _last_char_before(shadow: str, lo: int, pos: int, skip: str | None = None) -> int:
    """Position of the last character in ``[lo, pos)`` that is not whitespace (or, with
    ``skip``, not in ``skip``); ``lo - 1`` if none. Like ``len(s[lo:pos].rstrip())``,
    without copying the range."""
    k = pos
    if skip is None:
        while k > lo and shadow[k - 1].isspace():
            k -= 1
    else:
        while k > lo and shadow[k - 1] in skip:
            k -= 1
    return k - 1


def _reported(ctx: _Context, inside: Sequence[tuple[int, int]] = ()) -> list[Quote]:
    """Reported speech, sentence by sentence (``inside``: the quoted passages, where a verb
    with an object is no cue)."""
    out: list[Quote | None] = []
    sh = ctx.shadow
    # Only sentences holding a cue verb or an "according to" can hold reported speech.
    index = ctx.sentence_index
    active = sorted({index(v.start) for v in ctx.verb_hits}
                    | {index(a) for a in ctx.according_starts}) if ctx.sentences else []
    for ss, se in map(ctx.sentences.__getitem__, active):
        end = se
        while end > ss and sh[end - 1] in " \t\"'":
            end -= 1
        found: list[tuple[str, _Speaker, _Verb | None, int]] = []
        sentence_verbs = ctx.verbs_in(ss, se)
        as_open = _AS_START.match(sh, ss) is not None  # "As X noted, ..." (below)
        quote_only = ctx.verbs.quote_only
        for k, v in enumerate(sentence_verbs):
            nxt = sentence_verbs[k + 1].start if k + 1 < len(sentence_verbs) else se
            after = sh[v.end:v.end + 1]
            if after == ":" and (colon := _COLON_CLAUSE.match(sh, v.end, se)) is not None \
                    and ctx.verbs.lemma(v.form) in ctx.verbs.clause_verbs \
                    and not ctx.in_quote(v.start) and _word_end(sh, _last_char_before(
                        sh, ss, v.start)):
                # "Some Americans say: It's time to ..." (no quotation marks: reported;
                # not a heading such as "What they're saying: ...")
                spk = _subject(ctx, ss, v)
                if _named_subject(spk.text) and _after_heading(sh, ss, se) == ss:
                    found.append(("clause", spk, v, colon.end()))
                continue
            if after != "," and not after.isspace():
                continue  # "said.": every rule below needs white space or a comma next
            if ctx.in_quote(v.start) and not _named_in_quote(ctx, ss, v):
                # '"I said we would win," Trump said': reported speech inside a quotation
                # is the quote's own words, not another voice (unless it names a listed
                # actor: 'a readout: "Secretary Austin emphasized ..."')
                continue
            if quote_only and v.form in quote_only:
                continue  # '"...," he continued': a cue only next to a quotation
            if v.form.endswith("s") and sh.find("ne of", max(ss, v.start - 50), v.start) \
                    >= 0 and _ONE_OF_THE.search(sh, max(ss, v.start - 50), v.start):
                continue  # "one of the leading GOP voices on immigration": a noun
            if _CALL_PARTICLE.match(sh, v.end) and ctx.verbs.lemma(v.form) == "call":
                continue  # "short of calling in troops", "called off the talks": no speech
            if v.form.startswith("dismiss") and _COURT_OBJECT.match(sh, v.end):
                continue  # "the judge dismissed the case": a ruling, no speech
            if v.form[-1:] == "s" and v.form in ctx.verbs.noun_forms and (
                    _VERB_AFTER_PLURAL.match(sh, v.end) or (
                    (nw := _NEXT_WORD.match(sh, v.end)) is not None
                    and nw.group(1) in ctx.verbs.forms)):
                continue  # "LGBTQ advocates argue", "which advocates hoped": a noun
            if v.form.endswith("ing") and sh[v.start - 1:v.start] == " " \
                    and (before := _last_word(sh, max(ss, v.start - 20), v.start)) \
                    and ((before in ctx.verbs.forms and not before.endswith("ing"))
                         or before in _REFLEXIVES):
                # "Lee acknowledged telling the board that ...": the verb before is the
                # cue, and what was told is within its content ("she found herself
                # writing about politics": no cue at all)
                continue
            passive_by = _passive_by(ctx, ss, se, v)
            if passive_by is not None:
                out.append(passive_by)  # "News of the move was first reported by the Herald"
                continue
            # As Clyburn noted, those voters will ... (the content after the comma)
            # (not "As the leaders were announcing its timetable, ...": a time, and the
            # verb has an object)
            as_ = _AS_BEFORE.fullmatch(sh, ss, v.start) if as_open and (
                sh[v.end] == "," or (sh.find(",", v.end, v.end + 40) > 0
                                     and not _OBJECT_NEXT.match(sh, v.end))) \
                and not v.form.endswith("ing") else None
            comma = _AS_COMMA.match(sh, v.end, se) if as_ is not None else None
            if comma is not None:
                spk = _tidy(ctx, ctx.speaker_from(ctx.mention_before(as_.start(1), v.start)))
                if spk.text is None:
                    spk = _tidy(ctx, ctx.noun_phrase_before(as_.start(1), v.start))
                if _named_subject(spk.text):
                    found.append(("parenthetical", spk, v, comma.end()))
                    continue
            # The vote, said Smith, was a disgrace. (the verb first, between commas)
            j = _last_char_before(sh, ss, v.start)
            if j >= ss and sh[j] == "," and v.start - j <= 2 and _WORD_CHAR.search(sh, ss, j) \
                    and (comma := sh.find(",", v.end, min(se, v.end + 60))) > 0 \
                    and _VERB_GOES_ON.match(sh, comma + 1, se):
                # (not "Orders will fall, said Ann Lee, chief economist at ...": after the
                # second comma the sentence's verb goes on, not an apposition)
                inverted = _inverted_subject(ctx, v, comma)
                if inverted is not None and not sh[inverted.end:comma].strip():
                    found.append(("parenthetical", _tidy(ctx, inverted), v, ss))
                    continue
            # The vote, Smith said, was a disgrace. / At the time, she said, Grayson ...
            pre = (_PAREN_BEFORE.search(sh, max(ss, v.start - 200), v.start)
                   if _PAREN_AFTER.match(sh, v.end, se) else None)
            if (pre is not None
                    and _WORD_CHAR.search(sh, ss, pre.start())
                    and _word_count(sh, pre.start(1), pre.end(1)) <= 6
                    # (not "Ann Lee, who wrote the bill, said" nor "The plan, which he
                    # wrote, will pass": a relative clause between the commas)
                    and not _RELATIVE_OPENING.match(sh, pre.start(1))
                    # (not "Ann Lee, R-La., said the Senate will write its own bill,": a
                    # cue before the verb, whose clause this is)
                    and ctx.verbs.forms.keys().isdisjoint(pre.group(1).split())):
                spk = _tidy(ctx, ctx.speaker_from(ctx.mention_before(pre.start(1), v.start)))
                if spk.text is None:
                    spk = _tidy(ctx, ctx.noun_phrase_before(pre.start(1), v.start))
                if _named_subject(spk.text):
                    found.append(("parenthetical", spk, v, ss))
                    continue
            if not after.isspace():
                m = _COMMA_THAT.match(sh, v.end, nxt)
                k = _last_char_before(sh, ss, v.start)
                if m is not None and not ctx.in_quote(v.start) and k >= ss \
                        and sh[k].isalnum():
                    # "Clinton testified, for example, that she ...": an insertion
                    # between the verb and "that"
                    found.append(("that", _subject(ctx, ss, v), v, m.end()))
                continue  # ("said,"): every rule below needs white space next
            # X said (on Friday) that ...
            # (the anchored _THAT_GAP first: it fails fast where _THAT scans ahead)
            # ("told the AP that", "told delegates at the convention that": after
            # "told", whoever was told stands before "that"; not "jobs were added to
            # payrolls (a figure that could ...)": a "that" inside brackets opens a
            # relative clause)
            m = (_THAT.match(sh, v.end, nxt)
                 if (_THAT_GAP.match(sh, v.end) or v.form in _TELL_FORMS)
                 and not (sh.startswith('"', _last_char_before(sh, ss, v.start))
                          and sh[v.end + 1:v.end + 2].isupper()) else None)
            # ('"...," said Ann Lee, director of a group that focuses on ...': after a
            # closing mark and before a name the verb is the quote's cue, and "that" a
            # relative pronoun)
            if m and (_open_bracket(sh, v.end, m.end())
                      or ((t := _TIME_NOUN.match(sh, m.end()))  # "jobs were added that
                          and (_PASSIVE.search(sh, max(ss, v.start - 40), v.start)  # month"
                               or sh[t.end():t.end() + 1] in (".", ",", ";", "")))):
                m = None  # (also "he said in his speech that night.")
            if m and _THAT_WORD_END.match(sh, m.end()):
                m = None  # "The White House has dismissed that letter.": a determiner
            if m and sh[m.start():m.end()].rstrip().endswith("that,") \
                    and not _words_over(sh, m.end(), se, 3):
                m = None  # "won't say that, of course.": "that" is what is not said
            if m and _word_count(sh, v.end, m.end()) > 1 and _VERB_AFTER_THAT.match(sh, m.end()):
                # "he said in the new ad that came out Tuesday": a relative "that"; a
                # second "that" a few words on may still open what was said
                m2 = _THAT.match(sh, m.end(), nxt)
                m = (m2 if m2 and _word_count(sh, m.end(), m2.end()) <= 6
                     and not _VERB_AFTER_THAT.match(sh, m2.end()) else None)
            if m and ctx.verbs.lemma(v.form) in _AS_ONLY_VERBS:
                m = None  # "women who portrayed Aunt Jemima ... amid accusations that"
            if m and v.form.startswith("add") and sh.startswith(" to ", v.end):
                m = None  # "is adding to the sense that ...": adds to, says nothing
            if m and _IDIOM.search(sh, max(ss, v.start - 40), v.start):
                continue  # "It's also worth noting that ...": the writer's own words
            if m and _word_count(sh, v.end, m.end()) > 3 and _DASH_THAT.search(sh, v.end,
                                                                          m.end()):
                m = None  # ("to ask them to pay more into their plans — moves that
                # ignited a debate": after a dash, "that" opens a relative clause)
            if m and _word_count(sh, v.end, m.end()) <= 13:
                passive = _PASSIVE.search(sh, max(ss, v.start - 40), v.start) is not None \
                    and v.form.endswith(("ed", "said", "told"))
                # "It was said that ...", "he was told that ...": who spoke is not named
                spk = _Speaker() if passive else _subject(ctx, ss, v)
                issuer = _statement_subject(ctx, ss, v) if not passive else None
                if issuer is not None and (spk.text is None or (
                        spk.start <= issuer.start and issuer.end <= spk.end)):
                    # (only when the words found before held the issuer and more)
                    spk = issuer  # "X issued a statement saying that": X
                found.append(("that", spk, v, m.end()))
                continue
            # the rules without "that": a clause, "to", "of", "as", an object
            lemma = ctx.verbs.lemma(v.form if v.form != "Asked" else "asked")
            if _PREPOSITION_NEXT.match(sh, v.end) \
                    and _WHAT_SUBJECT.search(sh, max(ss, v.start - 40), v.start):
                continue  # "not what Rice said on Sunday talk shows": what was said is
                # the "what", and a phrase of place or time follows, no clause
            if lemma == "say" and _SAYS_ABOUT.match(sh, v.end, se):
                continue  # "It says a lot about our politics": an idiom, nothing said
            hit = _verb_cue(ctx, ss, se, v, lemma, found)
            # "the announced deployment": an adjective, not a cue (looked at only when a
            # rule fired: it rejects whatever rule)
            if hit is not None and not _after_determiner(sh, ss, v.start) \
                    and not _after_gerund(sh, ss, v.start) \
                    and not (v.form == "said" and sh.endswith((" of ", " in ", " for ", " on ",
                                                              " from ", " with "),
                                                             0, v.start)):
                found.append(hit)  # (not "the beneficiaries of said policies": legalese)
        # ..., the Russian Defense Ministry announced. (Its verb is one of the sentence's
        # verbs: a sentence without any has no such cue.)
        tail = _tail_cue(ctx, ss, end + (1 if end < len(sh) and sh[end:end + 1] in ".!?"
                                         else 0)) if sentence_verbs else None
        if tail is None and sentence_verbs:
            inverted = _inverted_tail(ctx, ss, end, sentence_verbs, found)
            if inverted is not None:
                comma, spk, v = inverted
                out.append(_make_reported(ctx, "after", spk, v, ss, comma))
        if tail is not None:
            content_end, sp_start, sp_end, v = tail
            # (not "..., Smith saying." nor "..., he called.": no statement ends there)
            if (v.form not in quote_only and not v.form.endswith("ing")
                    and ctx.verbs.lemma(v.form) != "call"
                    and '"' not in sh[content_end - 2:content_end]
                    and _word_count(sh, sp_start, sp_end) <= 6
                    # (nor "..., said an aide, who spoke on condition of anonymity.": a
                    # relative clause says who the name before is, not what was said)
                    and sh[sp_start:sp_end].lower() != "who"
                    # (nor "Six weeks later, the two men spoke on the phone.": a time)
                    and not _TIME_CONTENT.fullmatch(sh, ss, content_end)):
                m = ctx.mention_before(sp_start, sp_end)
                spk = (_mention_speaker(ctx, m, sp_start, sp_end) if m is not None
                       else _tidy(ctx, ctx.noun_phrase_before(sp_start, sp_end)))
                if spk.text is not None:  # (not "..., referring to testimony by
                    # whistleblowers cited in the report.": an agent, no speaker)
                    out.append(_make_reported(ctx, "after", spk, v, ss, content_end))
        # according to X, ...  /  ..., according to X(, ...)
        for a_start, a_end in ctx.according_in(ss, se):
            if ctx.in_quote(a_start):
                continue  # ('In "The World According to Dick Cheney,"': a title's words)
            comma = sh.find(",", a_end, se)
            stop = comma if comma >= 0 else _last_char_before(sh, 0, end, ".!?") + 1
            n_who = _word_count(sh, a_end, stop)
            # a long source phrase only when it names an actor ("according to the latest
            # numbers compiled by Johns Hopkins University") or opens with an article ("a
            # lawsuit filed in Manhattan by Yulia V. Tymoshenko")
            if stop <= a_end or n_who > 24 or (
                    n_who > 8 and ctx.mention_before(a_end, stop) is None
                    and not _ARTICLE_FIRST.match(sh, a_end)):
                continue
            who = sh[a_end:stop].strip()
            if not who or who.lower() in _PRONOUNS or '"' in who:
                continue
            spk = ctx.speaker_from(ctx.mention_before(a_end, stop))
            s_text = _Speaker(ctx.text[a_end:stop].strip(), spk.actor, a_end,
                              a_end + len(ctx.text[a_end:stop].rstrip()))
            v = _Verb(a_start, a_start + len("according to"), "according to")
            # The reported content is the longer side: "According to X, <content>" or
            # "<content>, according to X, USA Today reported."
            before_end = _last_char_before(sh, 0, a_start, " ,") + 1
            n_before = _word_count(sh, ss, before_end)
            n_after = _word_count(sh, stop, end) if comma >= 0 else 0
            if n_before > n_after or (n_before >= 3 and _APPOSITION_OPEN.match(sh, stop)):
                # (", according to the union, the largest organization of ...": an
                # apposition to the source after it, so the content stands before)
                out.append(_make_reported(ctx, "according", s_text, v, ss, before_end))
            else:
                out.append(_make_reported(ctx, "according", s_text, v, stop + 1, end))
        for cue, spk, v, start in found:
            # inside a quotation, the content ends where the quotation does
            stop = min(end, ctx.quote_end(v.start)) if ctx.in_quote(v.start) else end
            if cue == "clause" and (yes := _YES_NO_AT.match(sh, start, stop)) is not None:
                stop = yes.end()  # "said no, adding ...": the answer is the one word
            if cue == "clause" and v is not None and (rel := _RELATIVE_SUBJECT.search(
                    sh, max(ss, v.start - 50), v.start)) is not None \
                    and sh[_last_char_before(sh, ss, rel.start()):rel.start()].startswith(",") \
                    and (comma := sh.find(",", start, stop)) > 0:
                stop = comma  # "The vote, which Smith said was rigged, failed": to the comma
            if cue == "question" and v is not None and v.form in ("asked", "Asked") \
                    and (comma := _CLAUSE_STOP.search(sh, start, stop)) is not None:
                stop = comma.start()  # "When asked about X, she said ...": the question is X
            if spk.text is not None and spk.text.endswith(", who"):
                # "Ann Lee, who has proposed a vote, said ...": the relative clause, and
                # its content, end at the comma before the main verb
                for w in sentence_verbs:
                    if start < w.start < stop:
                        comma = sh.rfind(",", start, w.start)
                        if comma > start and _word_count(sh, comma, w.start) <= 2:
                            stop = comma
                            break
            out.append(_make_reported(ctx, cue, spk, v, start,
                                      _next_cue_cut(ctx, sentence_verbs, v, start, stop)))
    return [q for q in out if q is not None]


#: Verbs that put their speaker after them at the end of a sentence ("..., said Smith."),
#: and the last words of a speaker phrase opening with an article there ("said a senior
#: aide", "said two people familiar with the talks" is not read).
_INVERTING = frozenset({"say", "add", "write", "explain", "note", "reply", "respond",
                        "recall", "ask", "declare", "insist", "warn", "argue", "observe",
                        "remark", "report", "announce", "conclude", "continue"})
#: "quoted <someone> as saying" after "quoted": who was quoted speaks (the participle's
#: cue), not the one who quoted.
_QUOTED_AS_SAYING = re.compile(r"\s+(?:[\w'.-]+\s+){1,6}?(?:as\s+)?saying\b")
_WAS_QUOTED_AS = re.compile(r"\b(?:was|were|is|are|been|being)\s+quoted\s+as\s+$")
#: "quoted <someone> (as) " right before a participle ("quoted one expert saying").
_QUOTED_AS = re.compile(
    r"\bquot(?:ed|es|ing)\s+(?!as\s*$|by\s)((?:[\w'.-]+\s+){0,5}?[\w'.-]+)\s+(?:as\s+)?$")
#: A lower-case head noun (and perhaps a second) between a body's name and the verb.
_HEAD_AFTER = re.compile(r"['\u2019]?s?\s+([a-z][a-z-]{2,})(?:\s+[a-z][a-z-]{2,})?\s*$")
#: Three lower-case words there, the last a role or people ("U.S. law enforcement official").
_HEAD_AFTER_ROLE = re.compile(r"['\u2019]?s?\s+([a-z][a-z-]{2,})\s+[a-z][a-z-]{2,}\s+"
                              r"([a-z][a-z-]{2,})\s*$")
#: After a body's name, a role and a capitalised name ("CNN historian Douglas Brinkley").
_ROLE_THEN_NAME = re.compile(r"(?:['\u2019]s)?\s+([a-z][a-z-]{2,})\s+[A-Z]")
#: The same with a role of two or three words ("says AP senior managing editor Mike
#: Oreskes"); the group is its last word.
_ROLES_THEN_NAME = re.compile(r"(?:['\u2019]s)?\s+(?:[a-z][a-z-]{2,}\s+){1,2}([a-z][a-z-]{2,})"
                              r"\s+[A-Z]")
#: Roles of who speaks for a body: their words are the body's too.
_SPEAKS_FOR = frozenset({"spokesman", "spokeswoman", "spokesperson", "spokespeople",
                         "representative", "envoy", "ambassador"})
_INVERTED_HEADS = frozenset({
    "aide", "official", "spokesman", "spokeswoman", "spokesperson", "source", "analyst",
    "expert", "lawyer", "attorney", "economist", "strategist", "adviser", "advisor",
    "officer", "executive", "diplomat", "lawmaker", "senator", "representative", "member",
    "resident", "voter", "supporter", "director", "chief", "secretary", "minister",
    "president", "leader", "statement", "report", "ministry", "department", "agency",
    "police", "professor", "researcher", "consultant", "operative", "staffer", "observer",
    "critic", "participant", "people", "person", "delegate", "organizer", "activist"})


#: A place after an inverted speaker ("..., says scientist Ann Lee in Almaty.").
_PLACE_AFTER = re.compile(r"(?:in|of|from|at)\s+(?:the\s+)?[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*){0,2}")


def _titled_name(words: Sequence[str], roles: frozenset[str]) -> bool:
    """Are ``words`` a name after lower-case words holding a role noun of ``roles``
    ("political scientist Ann Lee", "longtime aide Tom Baker")?"""
    k = next((i for i, w in enumerate(words) if w[:1].isupper()), len(words))
    return 0 < k <= 3 and k < len(words) and words[-1][:1].isupper() \
        and any(w.rstrip("s") in roles for w in words[:k])


def _inverted_tail(ctx: _Context, ss: int, end: int, sentence_verbs: Sequence[_Verb],
                   found: Sequence[tuple[str, _Speaker, _Verb | None, int]],
                   ) -> tuple[int, _Speaker, _Verb] | None:
    """"<content>, said <Name>[, <role>]." (the verb before its speaker, after a comma,
    in the sentence ``[ss, end)``): ``(the comma, speaker, verb)``, else None. ``found``:
    what other rules read, whose verbs are taken ("Smith, an aide, said he ...")."""
    sh = ctx.shadow
    for v in reversed(sentence_verbs):
        comma = _last_char_before(sh, ss, v.start)
        if comma < ss or sh[comma] != ",":
            continue
        if (any(f[2] is not None and f[2].start == v.start for f in found)
                or v.form.endswith("ing")
                or ctx.verbs.lemma(v.form) not in _INVERTING
                or not _words_over(sh, ss, comma, 3) or '"' in sh[ss:end]
                or ctx.in_quote(v.start)):
            return None
        spk = ctx.noun_phrase_after(v.end, end)
        if spk.text is None:
            return None
        words = spk.text.split()
        if (words[0].lower() in _NP_OPENERS
                and words[-1].lower().rstrip("s") not in _INVERTED_HEADS) or (
                words[0].islower() and words[0] not in _NP_OPENERS
                and words[0].rstrip("s") not in _INVERTED_HEADS
                and not _titled_name(words, ctx.roles)):
            return None  # 'said a senior aide', 'said spokesman John Kirby', not
            # 'said the Khan family deserved ...' nor 'said he expects Obama'
        rest = sh[spk.end:end].strip(" .!?")
        if rest and not rest.startswith(",") and not _PLACE_AFTER.fullmatch(rest):
            return None  # "..., said Smith would ...": not a speaker at the end
        if not _speaker_ok(spk.text):
            return None
        mention = ctx.mention_before(spk.start, spk.end)
        if mention is not None:
            spk.actor = ctx.speaker_from(mention).actor
        return comma, spk, v
    return None


#: "with <who>" right before a participle ("with 30 percent of voters saying").
_WITH_BEFORE = re.compile(r"\bwith\s+([^,;:\"()]{2,60}?)\s+$")
#: A quantity of something opening a clause ("said much of his talk was ...").
_QUANTITY_OF = re.compile(r"(?:much|most|many|all|none|more|half)\s+(?:of|than)", re.IGNORECASE)
#: A colon after a clause verb, then a capitalised clause with no quotation mark.
_COLON_CLAUSE = re.compile(r":\s+(?=[A-Z][\w'-]*\s)")
#: "As <speaker> noted," opening a sentence: the speaker's words, then the verb.
_AS_BEFORE = re.compile(r"\s*[\"']?(?:(?:But|And|Yet|So|Still|Now|Indeed),?\s+[Aa]s|As)\s+"
                        r"([^,.;:\"]{2,60}?)\s+(?:(?:has|had|have|also|once|"
                        r"previously|[a-z]+ly)\s+)*")
_AS_START = re.compile(r"\s*[\"']?(?:As|But|And|Yet|So|Still|Now|Indeed)\b")
#: A determiner right after a verb: its object follows ("announcing its timetable").
_OBJECT_NEXT = re.compile(r"\s+(?:its|his|her|their|the|a|an|our|my)\s")
#: What may follow its verb before the comma ("reported on Friday,").
_AS_COMMA = re.compile(r"[^,.;:\"]{0,40}?,\s+")


#: A time word after "that" after a passive verb: "that" is a determiner ("jobs were
#: added that month"), not the start of what was said.
_TIME_NOUN = re.compile(r"(?:day|week|month|year|morning|afternoon|evening|night|time)\b")


def _word_end(sh: str, last: int) -> bool:
    """Does a word end at ``last``: a letter or digit, or the point of "Jr.", "Sr.",
    "Inc." ("Joseph R. Biden Jr. said ...")?"""
    char = sh[last]
    return char.isalnum() or (char == "." and sh[max(0, last - 3):last] in _NAME_SUFFIXES)


_NAME_SUFFIXES = frozenset({" Jr", " Sr", "Inc"})


def _after_relative(sh: str, f: tuple[str, _Speaker, _Verb | None, int], v: _Verb) -> bool:
    """Does ``v`` follow the relative clause ``f`` was found in, after its closing comma
    ("Lee, who said the vote was rigged, recounted the night": "recounted" is Lee's)?"""
    spk = f[1]
    if spk.text is None or not spk.text.endswith(", who"):
        return False
    comma = _last_char_before(sh, f[3], v.start)
    return comma > f[3] and sh[comma] == ","


#: Verbs whose passive names who spoke after "by" and what was said before: "News of the
#: move was first reported by the Miami Herald", "Kasich, endorsed by the Times" (no).
_BY_VERBS = frozenset({"report", "confirm", "announce", "disclose", "reveal", "deny",
                       "reject", "criticize", "criticise", "condemn", "praise", "endorse",
                       "echo", "dispute", "question", "challenge", "predict"})
#: The auxiliary of a passive, perhaps with an adverb, right before its participle.
_PASSIVE_AUX = re.compile(
    r"\b(?:was|were|is|are|(?:has|have|had)\s+been)\s+(?:(?:first|also|initially|widely|"
    r"previously|[a-z]+ly)\s+)?$", re.IGNORECASE)
_BY = re.compile(r"\s+by\s+")


def _passive_by(ctx: _Context, ss: int, se: int, v: _Verb) -> Quote | None:
    """"<what> was (first) reported by <who>": a reported quote whose speaker follows
    "by" and whose content is the subject before the auxiliary, for the verbs of
    ``_BY_VERBS``; else None."""
    sh = ctx.shadow
    if not v.form.endswith("ed") or not sh.startswith(" by ", v.end) \
            or ctx.verbs.lemma(v.form) not in _BY_VERBS:
        return None
    by = _BY.match(sh, v.end, se)
    aux = _PASSIVE_AUX.search(sh, max(ss, v.start - 40), v.start) if by else None
    if aux is None:
        return None
    m = ctx.first_mention(by.end(), se)
    spk = (ctx.speaker_from(m) if m is not None and m.start == by.end()
           else _tidy(ctx, ctx.noun_phrase_after(by.end(), se)))
    lo = max(ss, sh.rfind(",", ss, aux.start()) + 1)  # (after an opening phrase)
    if not _named_subject(spk.text) or not _WORD_CHAR.search(sh, lo, aux.start()) \
            or _word_count(sh, lo, aux.start()) > 20:
        return None
    return _make_reported(ctx, "by", spk, v, lo, aux.start())


def _colon_before(ctx: _Context, r: Quote, d: Quote) -> int | None:
    """Where reported words ``r`` end when a colon stands right before the direct quote
    ``d`` (or a second cue: ", but said, "...""), and at least four words of ``r`` before
    it; else None."""
    sh = ctx.shadow
    k = _last_char_before(sh, r.start, d.start)
    while k > r.start and sh[k] in "\"'":
        k = _last_char_before(sh, r.start, k)
    first = _NP_WORD.match(sh, r.start)
    if k > r.start and sh[k] == ",":
        # "X said the members will meet, but said, "...": what X said before the second
        # cue is a statement of its own
        again = _SECOND_CUE.search(sh, max(r.start, k - 40), k)
        k = again.start() if again is not None else -1
    if k <= r.start or sh[k] not in ":," or _word_count(sh, r.start, k) < 4 \
            or (first is not None and first.group().lower() in _OPENERS):
        return None  # (not "told the committee when asked about it: "...": no statement)
    return k


#: A second cue of the same speaker before a direct quote: ", but said", ", and added".
_SECOND_CUE = re.compile(r",\s+(?:and|but)\s+(?:[a-z]+ly\s+|also\s+|then\s+)?"
                         r"(?:said|says|added|adds|noted|notes|told\s+[\w.]+)$")


def _second_verb(sh: str, start: int, v: _Verb) -> bool:
    """Is ``v`` a second verb of the sentence's subject, after a comma and "and" that
    follow the content begun at ``start`` ("X said the plan failed, and accused Y of
    ...": "accused" is X's, as in :func:`_next_cue_cut`)?"""
    comma = sh.rfind(",", start, v.start)
    return comma > start and _AND_THEN.fullmatch(sh, comma + 1, v.start) is not None


def _open_bracket(sh: str, start: int, end: int) -> bool:
    """Is a bracket opened, and not closed, in ``sh[start:end]``?"""
    opened = sh.rfind("(", start, end)
    return opened >= 0 and sh.find(")", opened, end) < 0


#: Verbs that report words only as "X portrayed Y as Z" (the object may hold "Mr.").
_AS_ONLY_VERBS = frozenset({"portray", "depict"})
_AS_NEAR = re.compile(r"[^;!?\"]{1,100}?\sas\s")


def _verb_cue(ctx: _Context, ss: int, se: int, v: _Verb, lemma: str,
              found: list[tuple[str, _Speaker, _Verb | None, int]],
              ) -> tuple[str, _Speaker, _Verb | None, int] | None:
    """The reported speech verb ``v`` (of lemma ``lemma``, in the sentence ``[ss, se)``)
    introduces by the rules after "that": ``(cue, speaker, verb, content start)``, else
    None. ``found``: what the sentence's earlier verbs introduced."""
    sh = ctx.shadow
    if lemma in _AS_ONLY_VERBS and _AS_NEAR.match(sh, v.end, se) is None:
        return None  # "two women who portrayed Aunt Jemima": played, no words reported
    if sh.startswith("to ", v.start - 3):
        if not ctx.verbs.thought and _WANT_TO.search(sh, max(ss, v.start - 30), v.start):
            return None  # "The mayor plans to announce a deal": an intention, no one spoke
        if any(f[3] == v.start - 3 for f in found):
            return None  # "vowed to announce a deal": the infinitive is what was vowed
    # Republicans insisted the vote started ... (no "that")
    m = None
    if lemma in ctx.verbs.clause_verbs:
        told = _TOLD.match(sh, v.end, se)  # told journalists the talks were useful
        if told is not None and sh[told.end() - 3:told.end()] == "her" \
                and not _CLAUSE_AFTER_HER.match(sh, told.end(), se):
            told = None  # "said her family asked ...": "her" is whose
        if told is None and lemma == "tell":
            told = _TOLD_NAME.match(sh, v.end, se)  # told POLITICO he planned ...
        at = told.end() if told else v.end
        when = _TIME_AFTER.match(sh, at, se) or _ADVERB_AFTER.match(sh, at, se)
        at = when.end() if when else at
        m = _ZERO_THAT.match(sh, at, se) or _PRONOUN_ASIDE.match(sh, at, se)
        if m is not None and _NAME_TO_END.fullmatch(sh, m.start(1), se):
            m = None  # "..., says Dr. Quane.": who says it, not what
        # (said Wednesday she ... / said she, too, wants ...)
        if (lemma == "tell" and not told) or (m and not _opens_clause(m.group(2))
                                              and not _QUANTITY_OF.fullmatch(m.group(1))):
            m = None
        if m is None and not told and not v.form.endswith("ing"):
            aux = _AUX_AFTER.match(sh, at, se)
            rel = _RELATIVE_SUBJECT.search(sh, max(ss, v.start - 50), v.start) if aux else None
            if rel is not None and (spk := _subject(ctx, ss, v)).start >= rel.end(1) \
                    and _named_subject(spk.text):
                # "a letter that he said was drafted by the firm", "what many analysts
                # said was a sign": the relative clause's subject said it; the content
                # begins at its verb
                return ("clause", spk, v, aux.start(1))
            yes = _YES_NO.match(sh, at, se)
            if yes is not None and _word_end(sh, _last_char_before(sh, ss, v.start)) \
                    and not _PASSIVE.search(sh, max(ss, v.start - 40), v.start):
                return ("clause", _subject(ctx, ss, v), v, yes.start(1))  # "he said no."
    near = max(ss, v.start - 40)  # _PASSIVE and _IDIOM look at the last words only
    last = _last_char_before(sh, ss, v.start)
    if m and v.form.endswith("ing") and _QUOTED_AS.search(sh, max(ss, v.start - 80), v.start):
        # "Reuters quoted Ann Lee as saying the talks failed": Ann Lee (see _subject_words)
        return ("clause", _subject(ctx, ss, v), v, m.start(1))
    if m and v.form.endswith("ing") and _WAS_QUOTED_AS.search(sh, max(ss, v.start - 30),
                                                               v.start):
        # "Ann Lee was quoted as saying the talks failed": the subject before "was"
        spk = _tidy(ctx, _sentence_subject(ctx, ss, v.start))
        if _named_subject(spk.text):
            return ("clause", spk, v, m.start(1))
    if m and v.form.endswith("ing"):
        # "X has issued a statement saying the plant will reopen": who issued it
        spk = _statement_subject(ctx, ss, v)
        if spk is not None:
            return ("clause", spk, v, m.start(1))
        if last >= ss and sh[last] == ",":
            # "The union ended the strike, saying the deal was fair": the subject of the
            # verb before the comma
            spk = _subject(ctx, ss, v)
            if _named_subject(spk.text):
                return ("clause", spk, v, m.start(1))
        w = _WITH_BEFORE.search(sh, max(ss, v.start - 80), v.start)
        if w is not None:
            # "..., with 30 percent of voters saying they ...": who is after "with"
            spk = _tidy(ctx, _Speaker(ctx.text[w.start(1):w.end(1)], None, w.start(1),
                                      w.end(1)))
            if _named_subject(spk.text):
                return ("clause", spk, v, m.start(1))
    if (m and last >= ss
            and (not v.form.endswith("ing")
                 or _PROGRESSIVE.search(sh, near, v.start) is not None)  # "are saying"
            and (_word_end(sh, last) or (sh[last] in ",)-" and _subject_aside(sh, ss, v)))
            and (v.form.endswith("ing") or not _PASSIVE.search(sh, near, v.start))
            and not _IDIOM.search(sh, near, v.start)):
        return ("clause", _subject(ctx, ss, v), v, m.start(1))
    # X vowed to ... / declined to ... (the lexicon's to_verbs); X wants to ... /
    # plans to ... (thought and intention, when turned on)
    if (lemma in ctx.verbs.to_verbs
            or (ctx.verbs.thought and lemma in ctx.verbs.thought)) \
            and last >= ss and (_word_end(sh, last)
                                or (sh[last] in ",)-" and _subject_aside(sh, ss, v))
                                or (sh[last] == "," and v.form.endswith("ing"))):
        # ("..., promising to build a wall": a participle after a comma, its subject the
        # sentence's; "vowed last month to", "promised Monday to": a time between)
        when = _TIME_AFTER.match(sh, v.end, se)
        m = _TO.match(sh, when.end() if when else v.end, se)
        if m and not _PASSIVE.search(sh, near, v.start):
            spk = _subject(ctx, ss, v)
            if _named_subject(spk.text):
                return ("to", spk, v, m.start(1))
    # X emphasized the importance of ...
    m = _IMPORTANCE.match(sh, v.end, se)
    if m:
        return ("importance", _subject(ctx, ss, v), v, m.start(1))
    # X warned of / spoke about ... (not "said of X", "asked about X": the words
    # said are elsewhere)
    m = (_OF.match(sh, v.end, se) if lemma not in ("say", "ask", "accuse")
         else None)  # "the man accused of"
    if m and not _PASSIVE.search(sh, max(ss, v.start - 40), v.start):
        return ("of", _subject(ctx, ss, v), v, m.start(1))
    # When asked whether ... / X was asked (by Y) about ... / ..., asked about ...: a
    # question put to someone; who asked is not named (unless "by Y")
    if v.form in ("asked", "Asked") and (_PASSIVE.search(sh, near, v.start)
                              or last < ss or sh[last] in ",(-"
                              or _last_word_lower(sh, ss, v.start) in _ELLIPTIC):
        m = _ASKED_WH.match(sh, v.end, se)
        if m:
            by = m.group("by")
            spk = (_tidy(ctx, _Speaker(ctx.text[m.start("by"):m.end("by")], None,
                                       m.start("by"), m.end("by"))) if by else _Speaker())
            return ("question", spk, v, m.start("content"))
    # X wondered whether ... / asked (voters) if ... / explained why ...: an indirect
    # question (an active verb after its subject; not "When asked whether ...")
    if lemma in _WH_VERBS and last >= ss and _word_end(sh, last) \
            and not _PASSIVE.search(sh, near, v.start) \
            and not _IDIOM.search(sh, near, v.start):  # "it's too early to tell whether"
        m = (_WH_OBJECT if lemma in _WH_OBJECT_VERBS else _WH).match(sh, v.end, se)
        if m and lemma == "ask" and sh.startswith(" for ", v.end):
            m = None  # "should ask for credentials if approached": a request, no question
        if m and lemma == "tell" and _TOLD_THE_TRUTH.match(sh, v.end, se):
            m = None  # "had not told the truth when he tweeted": no question asked
        if m and _last_word_lower(sh, ss, v.start) not in _ELLIPTIC:
            spk = _subject(ctx, ss, v)
            if _named_subject(spk.text):
                return ("question", spk, v, m.start(1))
    # X described Y as ...
    if lemma in ("describe", "call", "portray"):
        m = _AS.match(sh, v.end, se)
        if m:
            return ("as", _subject(ctx, ss, v), v, m.start(1))
    # X criticized the plan / accused Y of ... / called for ... (an object)
    # ("referred to ...", "pointed out ..."); never after say, tell, speak
    if lemma in ("say", "tell", "speak"):
        return None
    # nor after "added" ("Construction firms added 7,000 jobs": its object is what was
    # added, not words said; "..., adding the U.S. must ..." stays a cue), nor with a
    # number for object ("claiming 41 percent of the vote", "confirmed 68 nominees")
    if lemma in _NO_OBJECT_VERBS and not v.form.endswith("ing"):
        return None
    if lemma == "call" and _CALLED_SOMEONE.match(sh, v.end, se):
        return None  # "he called his brother, worried ...": a phone call, no words
    m = (_TO_OUT if lemma in _TO_OUT_VERBS else _OBJECT).match(sh, v.end, se)
    obj = m.group(2) if m is not None and m.re is _OBJECT else None
    if m is None or (obj and (not _opens_clause(obj) or obj[:1].isdigit())):
        return None
    if v.form.endswith("ing"):
        # "..., citing low growth", "is calling for": a participle after a comma
        # or a form of "be" (its subject is the sentence's, see _subject_words)
        verb_ok = last >= ss and (sh[last] == "," or _PROGRESSIVE.search(
            sh, near, v.start) is not None or _ASPECT_ING.search(sh, near, v.start)
            is not None or sh.endswith(" by ", max(ss, v.start - 4), v.start))  # "by pledging"
    else:
        # "Grayson, an Orlando Democrat, criticized his opponents": the subject may stand
        # before a comma insertion, as for the clause verbs above
        verb_ok = (last >= ss
                   and (v.form != lemma or _finite_base(sh, ss, v.start)
                        or (sh.startswith("to ", v.start - 3)
                            and _CONTROL_TO.search(sh, near, v.start) is not None))
                   and (_word_end(sh, last)
                        or (sh[last] in ",)-" and _subject_aside(sh, ss, v)))
                   and not _PASSIVE.search(sh, near, v.start))
    if (verb_ok
            and not any(f[3] <= v.start and not _after_relative(sh, f, v)
                        and not _YES_NO_AT.match(sh, f[3])  # (not after "said no,")
                        and not _second_verb(sh, f[3], v)
                        for f in found)  # inside reported content
            and not ctx.according_in(v.end, se)  # "..., according to X"
            and (obj or lemma in _TO_OUT_VERBS or lemma == "call")
            and (obj or "").lower() not in _NOT_OBJECTS
            and not (lemma == "answer" and obj == "questions")  # (no words of an answer)
            and not (lemma == "declare" and _DECLARED_ACT.match(sh, v.end))
            and not _SPAN_AFTER.match(sh, v.end, se)
            and not (lemma == "quote" and _QUOTED_AS_SAYING.match(sh, v.end, se))
            and not _IDIOM.search(sh, near, v.start)
            and not ctx.in_quote(v.start)
            and _NP_WORD.search(sh, m.end(), se)):  # not "defended it."
        spk = _subject(ctx, ss, v)
        if _named_subject(spk.text):
            return ("object", spk, v, m.start(m.lastindex or 1))
    return None


#: A written statement right before a participle cue ("issued a statement saying", "in
#: a letter Tuesday stating").
_STATEMENT_BEFORE = re.compile(
    r"\b(?:a|an|the|its|his|her|their|our)\s+(?:[\w-]+\s+){0,2}?(?:statement|letter|tweet|"
    r"post|release|message|email|e-mail|memo|note|video|ad|op-ed|filing|notice)s?"
    rf"(?:\s+(?:(?:on|late|early|last|this)\s+)?(?:{_DAYS}|today|yesterday|night|morning|"
    r"afternoon|evening|week))?,?\s+$",
    re.IGNORECASE)


_LAST_WORD = re.compile(r"[A-Za-z]+(?=\s+$)")


def _statement_subject(ctx: _Context, ss: int, v: _Verb) -> _Speaker | None:
    """The speaker of a participle ``v`` that follows a written statement ("The union
    issued a statement saying ...": "The union"), the subject of the sentence ``ss`` opens;
    None when no statement stands right before ``v`` or no subject is found."""
    if not v.form.endswith("ing"):
        return None
    m = _STATEMENT_BEFORE.search(ctx.shadow, max(ss, v.start - 80), v.start)
    if m is None or m.start() <= ss:
        return None
    # the subject of the verb before the statement ("issued", "has released")
    word = _LAST_WORD.search(ctx.shadow, max(ss, m.start() - 30), m.start())
    if word is None or word.start() <= ss or word.group().lower() in _FUNCTION_WORDS \
            or word.group().lower() in _PREPOSITIONS:
        return None  # ("said in a statement, adding": the rules for participles)
    spk = _subject(ctx, ss, _Verb(word.start(), word.end(), word.group()))
    return spk if _named_subject(spk.text) and not ctx.in_quote(spk.start) else None


def _named_in_quote(ctx: _Context, sentence_start: int, v: _Verb) -> bool:
    """Is the subject of ``v`` (a verb inside a quotation) a listed actor?"""
    if ctx.mention_before(max(sentence_start, v.start - _NP_REACH), v.start) is None:
        return False  # no actor named before the verb: no need to look for the subject
    return _subject(ctx, ctx.after_quotes(sentence_start, v.start), v).actor is not None


_SUBJECT_FIRST = frozenset({"he", "she", "they", "we", "i", "you", "the", "a", "an", "his",
                            "her", "their", "its", "our", "my", "both", "some", "many",
                            "several", "two", "three", "one", "another", "former", "who"})
#: Verbs that open a sentence as an imperative, addressed to the reader.
_IMPERATIVES = frozenset({"Add", "Consider", "Remember", "Imagine", "Note", "Try", "Look",
                          "Think", "Recall", "Compare"})
#: Quantifiers that open a subject only with a noun after them ("other experts say", not
#: "most have proposed", "most recently offered").
_SUBJECT_QUANTIFIERS = frozenset({"other", "most", "few", "more", "all"})
#: Words after a verb that make it no cue: "pledged delegates", "added fuel".
#: What is declared by an act, not in words reported ("declared martial law", "declared
#: a state of emergency", "declared victory").
_DECLARED_ACT = re.compile(
    r"\s+(?:(?:a|an|the)\s+)?(?:martial\s+law|(?:national\s+|public\s+health\s+)?emergency|"
    r"states?\s+of\s+(?:emergency|war|siege|disaster|calamity)|war|victory|independence|"
    r"bankruptcy|curfew|cease-?fire|truce|holiday|disaster|no-fly\s+zone|quarantine|"
    r"lockdown|amnesty|dividend|candidacy|neutrality|sovereignty)\b", re.IGNORECASE)
_NOT_OBJECTS = frozenset({"delegates", "fuel", "comfort", "weight", "pressure", "bail",
                          "votes", "bills"})


@functools.lru_cache(maxsize=4096)
def _named_subject(text: str | None) -> bool:
    """Does a subject look like someone who speaks: a name, a personal pronoun or a
    noun phrase ('the ministry'); not 'Tuesday', 'That', 'has given', 'impossible'?"""
    if not text:
        return False
    words = _NP_WORD.findall(text)
    if not words or not _speaker_ok(text):
        return False
    first = words[0]
    low = first.lower()
    if first == "who" or (len(words) > 1 and words[-1] == "who"):
        return True  # a relative pronoun: it stands for the name or people before it
    if _SHARE.match(text):  # "55 percent (of voters) said": a poll's respondents
        return True
    if (low in _SUBJECT_DEMONSTRATIVES or low in _SUBJECT_QUANTIFIERS) and len(words) > 1 \
            and words[1].lower() not in _OPENERS and not words[1].endswith("ly"):
        return True  # "these supporters acknowledge", "those Democrats argued", "other
        # experts say"
    if low in _OPENERS or low in _AUXILIARIES or first in _IMPERATIVES:
        return False  # (also "Add the 39% who say ...", "Try to pledge": an imperative)
    if low.startswith(("there'", "there\u2019", "here'", "here\u2019")):
        return False  # "There's nothing to suggest ...": no one
    return first[:1].isupper() or low in _SUBJECT_FIRST or low in _PEOPLE \
        or (not low.endswith("ing") and any(w in _PEOPLE for w in words[1:3]))
    # ("pro-life members of the party", "local officials"; not "uniting liberals who")


_SHARE = re.compile(r"\d+(?:\.\d+)?\s*(?:%|percent\b)")
#: Determiners that open a sentence as often as a noun phrase: a subject only with a
#: noun after them.
_SUBJECT_DEMONSTRATIVES = frozenset({"these", "those"})


#: Words counting what follows them ("Two weekend polls", "Several senators").
_COUNT_WORDS = frozenset({"two", "three", "four", "five", "six", "seven", "eight", "nine",
                          "ten", "several", "many", "some", "most", "both", "few", "dozens",
                          "hundreds", "thousands", "multiple", "numerous", "other",
                          "various"})
#: Plural nouns for people that speak as a group with no name or article ("Mr. Obama,
#: officials said, has ...", "aides said"): subjects like names.
_PEOPLE = frozenset({
    "officials", "aides", "sources", "analysts", "experts", "critics", "advisers",
    "advisors", "observers", "supporters", "lawmakers", "investigators", "prosecutors",
    "economists", "researchers", "strategists", "organizers", "opponents", "officers",
    "diplomats", "witnesses", "residents", "activists", "scientists", "historians",
    "lawyers", "attorneys", "democrats", "republicans", "conservatives", "liberals",
    "progressives", "pollsters", "insiders", "people", "others", "police",
    # (from PolNeAR train-fit misses: "participants said", "delegates say")
    "participants", "delegates", "voters", "donors", "protesters", "attendees", "members",
    "leaders", "employees", "workers", "parents", "students", "authorities",
    # (unseen allsides events, 2026-12-01: "LGBT rights advocates were quick to ...",
    # "Democratic Congress members and staffers told me")
    "advocates", "staffers",
})


#: Words that may stand between an insertion and its verb: "also" and auxiliaries ("X, the
#: director, had said"); -ly adverbs too.
_ASIDE_WORDS = frozenset({"also", "had", "has", "have", "would", "will", "could", "did"})


_CLAUSE_CONJUNCTION = re.compile(r"\s*(?:but|and|while|though|although|yet|so)\b")
#: An insertion that is only a name of two to four capitalised words (", David Wildstein,").
_NAME_ASIDE = re.compile(r"\s*[,\u2013\u2014-]+\s*([A-Z][\w.'-]*\s+(?:(?:[A-Z][\w.'-]*|bin|ibn|"
                         r"al|de|del|van|von|der)\s+){0,4}[A-Z][\w'-]*)"
                         r"\s*[,\u2013\u2014-]+[\s\w]*")


def _find_aside(sh: str, s: int, e: int) -> re.Match[str] | None:
    """The comma (or dash) insertion ending right before ``e``, if any."""
    k = _last_char_before(sh, s, e)
    for _ in range(2):  # ", a spokesman, also said", ", the director, had said"
        if not (k >= s and sh[k].isalpha()):
            break
        j = k
        while j > s and sh[j - 1].isalpha():
            j -= 1
        if not (sh[j:k + 1] in _ASIDE_WORDS or sh[j:k + 1].endswith("ly")):
            return None
        k = _last_char_before(sh, s, j)
    if k < s or sh[k] not in ",-":
        return None
    return _comma_aside(sh, s, e) or _DASH_ASIDE.search(sh, s, e)


def _comma_aside(sh: str, s: int, e: int, *, two: bool = True) -> re.Match[str] | None:
    """``_ASIDE_TWO.search(sh, s, e) or _ASIDE.search(sh, s, e)`` (``_ASIDE`` alone when
    ``two`` is false), tried only where a match can start: a match of ``_ASIDE`` holds
    exactly two commas and one of ``_ASIDE_TWO`` three, none between them, and the last
    is the last comma before ``e`` (white space and adverbs follow it). So each starts at
    its comma counted from the end, instead of being tried at every comma of a sentence."""
    c2 = sh.rfind(",", s, e)
    c1 = sh.rfind(",", s, c2) if c2 >= 0 else -1
    if c1 < 0:
        return None
    c0 = sh.rfind(",", s, c1) if two else -1
    return (_ASIDE_TWO.match(sh, c0, e) if c0 >= 0 else None) or _ASIDE.match(sh, c1, e)


#: Words opening the first part of an insertion that holds a comma of its own ("Clinton,
#: during a meeting in Columbus, Ohio, said"): a preposition, a relative, a participle.
_ASIDE_OPENERS = frozenset({"during", "in", "at", "on", "after", "before", "while", "speaking",
                            "who", "whose", "which", "from", "with", "without", "like",
                            "unlike", "as", "for", "of", "facing", "making", "despite",
                            "meanwhile", "however", "herself", "himself", "themselves"})


#: A name opening a sentence, right before a comma: "Levine,", "Giovanni Maria Vian,".
_LEADING_NAME = re.compile(r"(?P<name>(?:[A-Z][\w.'-]*|de|van|von|al-[A-Z][\w'-]*)(?:[ \t]+"
                           r"(?:[A-Z][\w.'-]*|de|van|von|al-[A-Z][\w'-]*)){0,4})"
                           # ("Sen. Dick Durbin of Illinois, who ...": the state goes)
                           r"(?:[ \t]+of[ \t]+[A-Z][\w.'-]*(?:[ \t]+[A-Z][\w.'-]*){0,2})?(?=,)")


def _leading_name(ctx: _Context, lo: int, pos: int) -> _Speaker | None:
    """The name that opens the sentence at ``lo`` (after opening phrases that end with a
    comma: "Of Carson, Levine, ...") right before a comma at or before ``pos``, when the
    words up to ``pos`` are comma insertions after it: "Giovanni Maria Vian, the editor
    of the newspaper, L'Osservatore Romano, said", "Mr. Slinker, whose start-up,
    Paradata, uses big data, said"; else None."""
    sh = ctx.shadow
    start = lo
    for _ in range(2):  # up to two opening phrases
        word = _NP_WORD.search(sh, start, pos)
        if word is None or word.group().lower() not in _OPENERS:
            break
        comma = sh.find(",", word.end(), pos)
        if comma < 0:
            return None
        start = comma + 1  # ("Of Carson, Levine, who ..., said": Levine)
    while start < pos and sh[start].isspace():
        start += 1
    m = _LEADING_NAME.match(sh, start, pos)
    if m is None:
        return None
    words = m.group("name").split()
    if words[0].lower() in _OPENERS or words[0].lower() in _CAPITAL_DETERMINERS \
            or words[-1].lower() in _PEOPLE or not _speaker_ok(m.group("name")):
        return None
    if sh.count(",", m.end(), pos + 1) < 2:
        return None  # (a name, then a comma before the verb: no insertion)
    a, b = m.span("name")
    return _tidy(ctx, _Speaker(ctx.text[a:b], None, a, b))


def _aside_start(sh: str, lo: int, pos: int) -> int:
    """Where an insertion ending at ``pos`` (the comma before its last part) begins when
    its parts before are open too: up to two more comma parts that open with a
    preposition, a relative pronoun or a participle."""
    for _ in range(2):
        c = sh.rfind(",", lo, pos)
        if c < 0:
            break
        first = _NP_WORD.search(sh, c + 1, pos)
        if first is None:
            break
        word = first.group().lower()
        if word not in _ASIDE_OPENERS and not (word.endswith("ing") and len(word) > 5):
            break
        pos = c
    return pos


_DETERMINERS = frozenset({"the", "a", "an", "its", "his", "her", "their", "our", "this",
                          "these"})


def _after_gerund(sh: str, lo: int, pos: int) -> bool:
    """"Delivering remarks prepared ..., Sanders said", "after making claims": a verb form
    right after a gerund or participle is its object, a noun (a capitalised -ing word only
    when it opens the sentence and a comma follows, so that "Browning says" stays;
    "Nothing suggests" is no gerund)."""
    if not _NOUN_FORM.match(sh, pos):
        return False  # (only forms that are plural nouns too: "the filing cites" stays)
    m = _WORD_BEFORE.search(sh, max(lo, pos - 30), pos)
    if m is None:
        return False
    word = m.group(1)
    return (len(word) > 4 and word.endswith("ing") and word.lower() not in _THING_WORDS
            and (word.islower()  # (an opening participle phrase ends with a comma)
                 or (m.start(1) == lo and sh.find(",", pos, pos + 200) >= 0)))


_WORD_BEFORE = re.compile(r"([A-Za-z]+)\s+$")
#: Verb forms that are plural nouns too ("remarks", "claims"): after a gerund, nouns.
_NOUN_FORM = re.compile(
    r"(?:remarks|claims|reports|comments|notes|warnings|statements|questions|answers|"
    r"responses|concerns|tweets|posts|estimates|promises|threats|demands|accusations)\b")
_THING_WORDS = frozenset({"something", "nothing", "anything", "everything"})


def _after_determiner(sh: str, lo: int, pos: int) -> bool:
    """"the announced deployment", "its previously announced plan", "Trump's stated
    goal": a verb form after a determiner or a possessive (and perhaps an -ly adverb or
    an adjective); a participle in -ed after a number or a preposition ("two proposed
    Alaska projects", "said of alleged tampering")."""
    for k in range(2):
        if pos - 1 <= lo or sh[pos - 1] != " ":
            return False
        j = sh.rfind(" ", max(lo, pos - 30), pos - 1) + 1
        word = sh[max(j, lo):pos - 1].lower()
        if word in _DETERMINERS or (word.endswith(("'s", "s'"))
                                    and word[:-2] not in _IS_CONTRACTED
                                    and not (k == 0 and _SAY_TELL.match(sh, pos))):
            return True  # (not "she's criticizing": "'s" is "is" there; nor "Moody's
            # said", "Standard & Poor's told": "said" and "told" are no adjectives)
        if k == 0 and (word in _BEFORE_PARTICIPLE or word.isdigit()):
            # "two proposed Alaska projects", "said of alleged Russian tampering"; after a
            # number a form in -s is a plural noun ("Two blasts hit": no verb agrees)
            form = _WORD_AT.match(sh, pos).group()
            return form.endswith("ed") or (
                (word.isdigit() or word in _COUNT_WORDS) and form.endswith("s")
                and not form.endswith("ss"))
        if k == 0 and word.endswith(_ADJECTIVE_SUFFIXES) and len(word) > 4 \
                and sh.startswith(("written ", "spoken "), pos):
            return True  # "preliminary written interviews": two adjectives
        if word in _ADJECTIVES_BEFORE:
            pos = j  # "the president's own alleged deceptions", "A similar hint"
            continue
        if not word.endswith("ly") or word in _LY_NOUNS:
            return False  # ("The family said": a noun, no adverb)
        pos = j
    return False


#: Forms of "say" and "tell", verbs even after a name in "'s" ("Moody's said").
_SAY_TELL = re.compile(r"(?:said|says|told|tells)\b")
#: Numbers and prepositions before a participle used as an adjective: "two proposed
#: projects", "of alleged tampering".
_BEFORE_PARTICIPLE = frozenset({"of", "in", "about", "over", "for", "with", "against", "on",
                                "into", "amid", "despite", "two", "three", "four", "five",
                                "six", "seven", "eight", "nine", "ten", "several",
                                "multiple", "other"})  # ("among other alleged demerits")
#: Adjectives between a determiner and a verb form used as a noun or an adjective ("a
#: similar hint", "its own alleged"); not nouns such as "official", "public".
_ADJECTIVES_BEFORE = frozenset({"own", "similar", "recent", "new", "previous", "earlier",
                                "latest", "brief", "formal", "joint", "written", "separate",
                                "final", "initial", "further", "veiled", "direct"})


_WORD_AT = re.compile(r"[A-Za-z]*")
#: An article opening a phrase: "a lawsuit filed ...", "the average of recent polls".
_ARTICLE_FIRST = re.compile(r"\s*(?:a|an|the)\s", re.IGNORECASE)
#: "one of the" and at most three words before a plural: "one of the leading GOP voices".
_ONE_OF_THE = re.compile(r"\bone\s+of\s+(?:the|his|her|their|its|our)\s+(?:[\w-]+\s+){0,3}$",
                         re.IGNORECASE)
#: "One of the envoys, Foreign Minister Ann Berg,": the name in the apposition.
_ONE_OF_NAMED = re.compile(r"One\s+of\s+[^,.;:\"]{1,60},\s+((?:[A-Z][\w.'-]*\s+){0,4}"
                           r"[A-Z][\w.'-]*),")
#: A first name of a pair after a preposition of place or belonging, right before "and"
#: or "or" ("of Chile and ", "in Ohio or "; not "from Lee and ": those the quote is from).
_COORDINATED_PLACE = re.compile(r"\b(?:of|in|at|on|to)\s+(?:the\s+)?[A-Z][\w.'-]*"
                                r"(?:\s+[A-Z][\w.'-]*){0,2},?\s+(?:and|or)\s+$")
#: "call" with a particle that makes it no speech: "calling in troops", "called off the
#: talks", "called up reservists" (not "called in to a radio show": a call is speech).
_CALL_PARTICLE = re.compile(r"\s+(?:in|off|up)\b(?!\s+to\b)", re.IGNORECASE)
#: Words whose "'s" is "is" or "has", not a possessive ("he's calling", "that's said").
_IS_CONTRACTED = frozenset({"he", "she", "it", "that", "who", "there", "what", "here"})


#: A party tag in brackets: "(D)", "(R-Ohio)".
_PARTY_OPEN = re.compile(r"\(\s*[RDI](?:\s*-\s*[A-Z][\w. ]{0,20})?\)")
#: A party tag in brackets right before a verb: "Ann Lee (D-Ohio) said", "(R) also said".
_PARTY_BEFORE = re.compile(_PARTY_OPEN.pattern + r"\s*(?:[a-z]+ly\s+|also\s+)?$")


def _subject_aside(sh: str, sentence_start: int, v: _Verb) -> bool:
    """Does a comma insertion (or a party tag or an aside in brackets) stand between a
    short subject and ``v`` ("Brian Abernathy, the city's first deputy manager, said the
    flag ...", "Sen. Ann Lee (D-Ohio) said the vote ...", "Kasich (who has 25 delegates)
    said it is ...")? Not so in "Stocks fell, said several observers", where the content
    comes first."""
    last = _last_char_before(sh, sentence_start, v.start)
    if last >= sentence_start and sh[last] == ")":
        tag = _PARTY_BEFORE.search(sh, max(sentence_start, v.start - 40), v.start)
        if tag is not None:
            return 0 < _word_count(sh, sentence_start, tag.start()) <= 8
        # "Kasich (who has 25 delegates to date) said": an aside in brackets
        bracket = sh.rfind("(", sentence_start, last)
        return bracket > sentence_start and 0 < _word_count(sh, sentence_start, bracket) <= 6 \
            and _word_count(sh, bracket, last) <= 15
    aside = _find_aside(sh, sentence_start, v.start)
    if aside is None:
        return False
    n = _word_count(sh, sentence_start, aside.start())
    if 0 < n <= 6:
        return True
    # up to eight words when they open with a name ("Executive Vice President and CEO Wayne
    # LaPierre, answering questions, said", "Christopher Harvey, a delegate from Houston,
    # Texas, said"; not "Even as the campaign moves to New York, ...")
    first = _NP_WORD.findall(sh, sentence_start, min(aside.start(), sentence_start + 60))[:2]
    return n <= 8 and len(first) == 2 and all(w[:1].isupper() for w in first) \
        and first[0].lower() not in _OPENERS \
        and not _AUX_IN_ASIDE.search(sh, aside.start(), aside.end())  # (a clause, no aside)


#: Words counting a group before "of" ("All of the hopefuls", "Most of them").
_QUANTIFIERS = frozenset({"all", "most", "many", "some", "none", "both", "each", "half",
                          "several", "few", "two", "three", "four", "five", "one", "every",
                          "almost", "nearly", "about", "roughly", "only", "just"})
#: Words that end a quantifier's phrase: prepositions and relative words after its noun.
_QUANTIFIER_STOPS = frozenset({"in", "at", "from", "on", "for", "with", "who", "that", "which",
                       "whose", "to", "by", "across", "since", "during", "after", "before"})
#: A participle and "by" right before a name: "approached by (the) ", "interviewed by ".
_PARTICIPLE_BY = re.compile(r"\b[a-z]{3,}ed\s+by\s+(?:the\s+)?$")
#: A clause word or a conjunction and a new subject in the words between a name and a
#: verb: " that the campaign didn't ", ", but analysts ".
_NEW_SUBJECT_IN_GAP = re.compile(
    r"(?:\b(?:that|which|whether|because)|,\s*(?:but|and|yet|while|so))\s+"
    r"(?:the\s+|a\s+|an\s+|(?:two|three|four|five|several|some|many|other|most)\s+)?"
    r"[a-z]+(?:\s+(?:did|does|do|didn['\u2019]t|doesn['\u2019]t|"
    r"don['\u2019]t|has|have|had|will|would|may|might|can|could|also|not|never))*\s*$")
#: A subject pronoun right before a verb, after a clause word or a comma: "..., where he
#: told", "when she said", "what she calls".
_PRONOUN_SUBJECT = re.compile(
    r"(?:[,;]|\b(?:where|when|as|after|before|while|because|since|although|though|who|"
    r"whom|which|that|what|how))\s+(he|she|they|we|I)(?:['\u2019](?:s|d|ve|ll|re))?\s+"
    r"(?:(?:[a-z]+ly|also|then|later|had|has|have|would|will|could|did)\s+){0,2}$")
#: A verb whose object does what the infinitive after it says: "get them to tell".
_OBJECT_CONTROL = re.compile(
    r"\b(?:get|gets|got|getting|urge[sd]?|urging|ask(?:s|ed)?|asking|persuade[sd]?|"
    r"encourage[sd]?|allow(?:s|ed)?|convince[sd]?|push(?:es|ed)?|pressed)\s+"
    r"(him|her|them|us|me)\s+to\s+$")
#: Between a comma and a second verb of the same subject: "..., and (then) added".
_AND_THEN = re.compile(r"\s+(?:and\s+(?:(?:also|then|later)\s+)?|then\s+)")
#: The same right before the second verb: ", and (then) ", ", but ".
_COMMA_AND_BEFORE = re.compile(r",\s+(?:(?:and|but)\s+(?:(?:also|then|later)\s+)?|then\s+)$")


def _next_cue_cut(ctx: _Context, sentence_verbs: list[_Verb], v: _Verb, start: int,
                  end: int) -> int:
    """Where the content of ``v`` ends: at the comma before a later cue with a subject of
    its own ("Although he acknowledged that X, he maintained that Y": X ends at the
    comma) or before a participle cue ("X defended the plan, calling it ..."), else at
    ``end``."""
    sh = ctx.shadow
    for w in sentence_verbs:
        if w.start <= max(start, v.end):
            continue
        comma = sh.rfind(",", start, w.start)
        if comma > start and w.form.endswith("ing") and not sh[comma + 1:w.start].strip():
            # "X defended the plan, calling it ...": the participle is a cue of its own
            return comma
        if comma > start and _AND_THEN.fullmatch(sh, comma + 1, w.start):
            # "X noted that A, and added: ...": a second cue of the same subject
            return comma
        if comma > start and 0 < _word_count(sh, comma, w.start) <= 4 \
                and '"' not in sh[comma:w.start]:
            words = _NP_WORD.findall(sh, comma, w.start)
            if words and (words[0][:1].isupper() or words[0].lower() in _SUBJECT_FIRST) \
                    and words[-1].lower() not in _FUNCTION_WORDS:
                return comma
    return end


def _subject(ctx: _Context, sentence_start: int, v: _Verb) -> _Speaker:
    """Who does verb ``v`` belong to? The nearest name before it, or the noun phrase;
    both names of "A and B said" (speaker ``"A; B"``)."""
    key = (sentence_start, v.start)
    memo = ctx.subject_memo
    if key not in memo:
        spk = _tidy(ctx, _subject_words(ctx, sentence_start, v))
        if spk.text is not None and (spk.text[:1].islower() or spk.text[-1:] == "s") \
                and _verbal(ctx, spk.text):
            # "also decried Trump's", "interrupted me in mid-sentence", "by refusing": a
            # verb's words, no speaker's; the sentence's subject, if it has one
            fallback = _fallback_subject(ctx, v)
            if _subject_like(fallback.text):
                spk = fallback
        placed = spk.text is not None and spk.start > 0 and spk.text[:1].isupper() \
            and ctx.shadow.startswith("to ", v.start - 3) \
            and _last_word_lower(ctx.shadow, max(sentence_start, spk.start - 20),
                                 spk.start) in _BEFORE_PLACE
        if placed:
            # "protesters took to a stage on Liberty Square to say": the name after a
            # preposition is a place or an object; the infinitive's speaker is the
            # sentence's subject if it stands before that name, else no one
            fallback = _fallback_subject(ctx, v)
            spk = fallback if _subject_like(fallback.text) and fallback.start < spk.start \
                else _Speaker()
        if spk.text is not None and spk.text.split(None, 1)[0] in _AUXILIARIES_LEAD:
            # "Trump has raised doubts ..., and has several times urged": a second verb
            # of the sentence's subject, whose words are no speaker
            spk = _Speaker()
        if spk.text is None and not placed:
            # "He said A and said that B is "weak"" (the range began after a quote), "X,
            # who ..., on Friday described": the subject of the whole sentence
            spk = _fallback_subject(ctx, v)
        if spk.text is not None and not v.form.endswith("s"):  # "says": one speaker
            spk = _coordinated(ctx, max(sentence_start, v.start - _LOOKBACK), spk)
        if spk.text is not None and spk.start >= 0:
            if v.form.endswith("ing") or ctx.shadow.startswith("to ", v.start - 3):
                spk = _before_control(ctx, spk, max(sentence_start, v.start - 60), v.start)
                took = _TOOK_TO.match(spk.text) if spk.text is not None else None
                if took is not None:
                    # "Trump took to Twitter to say": who took to it
                    spk = _Speaker(took.group(1), spk.actor, spk.start,
                                   spk.start + took.end(1), spk.names)
            if spk.text is not None and spk.text[:1].isupper() and \
                    spk.text.partition(" ")[0].rstrip(",").lower() in _LEADING_ADVERBS:
                spk = _without_adverb(ctx, spk)
        memo[key] = spk
    sp = memo[key]  # a copy: callers may set its actor (as dataclasses.replace, faster)
    return _Speaker(sp.text, sp.actor, sp.start, sp.end, sp.names)


#: Words left at the end of a speaker cut before a controlling verb ("Rubio again tried
#: to rebuke": "Rubio").
_TRIM_AFTER_SUBJECT = re.compile(r"(?:\s+(?:again|also|then|later|soon|quickly|never|"
                                 r"not|has|have|had|will|would|[a-z]+ly))*\s*$")


#: Sentence adverbs that may open the words before a verb without being its subject
#: ("Then Trump wondered", "Still, she said").
#: An auxiliary: the words between two commas are a clause, not an insertion ("..., son
#: Ghassan had been traveling together, wrote ...").
_AUX_IN_ASIDE = re.compile(r"\s(?:had|has|have|was|were|is|are|been|will|would)\s")
#: "and" or "but" (perhaps with an adverb) between a place or body, with perhaps a head
#: noun, and a verb: "in Iraq and (also) asked", "in the U.S. military but said".
_AND_THEN_VERB = re.compile(r"(?:\s+[a-z]+)?\s+(?:and|but)\s+(?:[a-z]+ly\s+|also\s+|then\s+)?")
#: A preposition right before a place or body: "in Iraq", "in the U.S. (military)".
_PLACE_PREPOSITION_BEFORE = re.compile(r"\b(?:in|to|from|at|across|throughout|during|with|"
                                       r"against|for)\s+(?:the\s+)?$")
#: A form of "be" inside a tail's speaker words: a clause, no speaker.
_COPULA_IN = re.compile(r"\b(?:is|are|was|were|be|been)\b")
#: A name, "to" and an outlet opening a line before a colon: "Kasowitz to CNBC".
_NAME_TO_OUTLET = re.compile(r"(?<![^\n])\s*((?:[A-Z][\w.'-]*\s+){0,3}[A-Z][\w'-]*)\s+to\s+"
                             r"(?:[A-Z][\w.&'-]*\s*){1,3}$")
#: A verb of going somewhere to speak, after its subject: "Trump took to Twitter (to say)".
_TOOK_TO = re.compile(r"(.+?)\s+(?:took|takes|went|goes|turned|turns|came|comes)\s+"
                      r"(?:to|on)\s")
#: Lower-case role words and a capitalised name after a mention: "(Democratic) presidential
#: nominee Hillary".
_ROLE_THEN_A_NAME = re.compile(r"\s+[a-z][a-z-]+(?:\s+[a-z][a-z-]+){0,2}\s+[A-Z]")
_LEADING_ADVERBS = frozenset({
    "then", "now", "still", "meanwhile", "however", "instead", "yet", "so", "but", "and",
    "also", "later", "earlier", "finally", "eventually", "ultimately", "indeed",
    "moreover", "separately", "again", "recently", "perhaps", "thus", "nevertheless", "even",
    "nonetheless", "sometimes", "often", "previously", "initially"})
_LEADING_ADVERB = re.compile(r"([A-Za-z]+),?\s+(?=[A-Z]|(?:he|she|they|we|I|it)\b)")


def _without_adverb(ctx: _Context, spk: _Speaker) -> _Speaker:
    """``spk`` without a sentence adverb opening it ("Then Trump": "Trump")."""
    m = _LEADING_ADVERB.match(ctx.shadow, spk.start, spk.end)
    if m is None or m.group(1).lower() not in _LEADING_ADVERBS:
        return spk
    return _Speaker(ctx.text[m.end():spk.end], spk.actor, m.end(), spk.end, spk.names)


def _before_control(ctx: _Context, spk: _Speaker, lo: int, pos: int) -> _Speaker:
    """``spk`` without the controlling verb it ends with ("Clinton continued" for "Clinton
    continued to defend", "He began" for "He began criticizing")."""
    sh = ctx.shadow
    m = _CONTROL_TO.search(sh, lo, pos) or _ASPECT_ING.search(sh, lo, pos) \
        or _WANT_TO.search(sh, lo, pos)
    if m is None or not spk.start < m.start() <= spk.end:
        return spk
    cut = _TRIM_AFTER_SUBJECT.search(sh, spk.start, m.start()).start()
    if cut <= spk.start:
        return spk
    trimmed = _Speaker(ctx.text[spk.start:cut], spk.actor, spk.start, cut, spk.names)
    if _personal_contraction(sh, trimmed.start, trimmed.end):
        return ctx.resolve_pronoun(trimmed)  # "He's also taken to referring": "He"
    return _tidy(ctx, trimmed)  # (not "in a" from "in a move to acknowledge")


#: Auxiliaries that cannot open a speaker's words ("has several times urged").
_AUXILIARIES_LEAD = frozenset({"has", "have", "had", "is", "was", "were", "are", "will",
                               "would", "could", "should", "can", "may", "might", "must",
                               "did", "does"})
#: The writer as object: "interrupted me" is never who speaks ("prompted the senator to
#: argue" may be).
_OBJECT_WORDS = frozenset({"me", "us"})


def _verbal(ctx: _Context, text: str) -> bool:
    """Are a speaker's words a verb's or an owner's ("Tom Lee's"): a lower-case
    attribution verb form first ("also decried Trump's", "interrupted me"), or "by" or
    "being" ("by refusing", "being asked")?"""
    if text.endswith(("'s", "\u2019s")) and len(text) > 3:
        return True  # ("Arizona's", "Clinton's": an owner, not who speaks)
    words = text.split(None, 3)  # (the first words are enough)
    first = words[0]
    if first in ("by", "being"):
        return True
    k = 1 if first in ("also", "then", "later") and len(words) > 1 else 0
    if k + 1 < len(words) and words[k].endswith("ed") and words[k].islower() \
            and words[k + 1] in _OBJECT_WORDS:
        return True  # "interrupted me in mid-sentence"
    return words[k] in ctx.verbs.forms


def _fallback_subject(ctx: _Context, v: _Verb) -> _Speaker:
    """The first name (or pronoun) of ``v``'s sentence, when it stands before ``v`` and
    outside quotation marks; else no speaker."""
    s = max(ctx.sentence(v.start)[0], v.start - _LOOKBACK)
    if ctx.in_quote(s) or ctx.in_quote(v.start):
        return _Speaker()
    spk = _tidy(ctx, _sentence_subject(ctx, s, v.start))
    if spk.text is None or ctx.in_quote(spk.start) or not _named_subject(spk.text):
        return _Speaker()
    return spk


#: Party words that modify a noun ("Republican and Democratic lawmakers").
_PARTY_MODIFIERS = frozenset({"Republican", "Democratic", "Democrat", "GOP", "Independent",
                              "Conservative", "Liberal", "Progressive"})


def _coordinated(ctx: _Context, lo: int, spk: _Speaker) -> _Speaker:
    """"Obama and Merkel said", "the United States and Germany jointly announced": the
    first name joins the speaker, as ``"Obama; Merkel"`` (actors likewise)."""
    tail = ctx.shadow[max(lo, spk.start - 10):spk.start]
    if " and " not in f" {tail}" and "&" not in tail:
        return spk
    m = _AND_BEFORE.search(ctx.shadow, max(lo, spk.start - 160), spk.start)
    if m is None or not spk.text or not (
            spk.text[:1].isupper()  # ("Trump and his aides said": his people too)
            or spk.text.split(None, 1)[0] in ("his", "her", "their", "its")):
        return spk
    first = ctx.mention_before(m.start(1), m.end(1))
    if first is not None and first.end == m.end(1):
        other = ctx.speaker_from(first)
    else:
        other = _Speaker(ctx.text[m.start(1):m.end(1)], None, m.start(1), m.end(1))
    if other.text is None or other.text.lower() in _OPENERS or not _speaker_ok(other.text):
        return spk
    if other.text.rsplit(None, 1)[-1] in _PARTY_MODIFIERS and " " in spk.text \
            and spk.text.split(None, 1)[0] in _PARTY_MODIFIERS:
        # "Both Republican and Democratic lawmakers expressed": two modifiers of one
        # phrase, one speaker (not "Both Republican" and "Democratic lawmakers")
        return _Speaker(ctx.text[other.start:spk.end], spk.actor, other.start, spk.end)
    body = _BODY_OF.search(ctx.shadow, max(lo, other.start - 60), other.start)
    if body is None and " of " in spk.text and ctx.shadow.endswith(" of ", 0, other.start) \
            and (named := _NAME_OF_BEFORE.search(ctx.shadow, max(lo, other.start - 60),
                                                 other.start)) is not None:
        # "Susan Collins of Maine and Lisa Murkowski of Alaska criticized": two people,
        # each with a place, not "Maine and Lisa Murkowski of Alaska"
        a, b = named.span(1)
        first = ctx.mention_before(a, b)
        one = (ctx.speaker_from(first) if first is not None and first.end == b
               else _Speaker(ctx.text[a:b], None, a, b))
        actor = "; ".join(x for x in (one.actor, spk.actor) if x) or None
        return _Speaker(ctx.text[a:spk.end], actor, a, spk.end,
                        f"{ctx.text[a:other.end]}; {spk.text}")
    if body is not None:
        # "The Department of Health and Human Services said": one body's name, not two
        a = body.start()
        return _Speaker(ctx.text[a:spk.end], spk.actor or other.actor, a, spk.end)
    if other.actor is None and all(w.lower().rstrip(".") in ctx.roles
                                   or w.lower() in TITLE_MODIFIERS for w in other.text.split()):
        # "Executive Vice President and CEO Wayne LaPierre": two titles of one person
        return _Speaker(ctx.text[other.start:spk.end], spk.actor, other.start, spk.end)
    words = spk.text.split()
    if other.actor is None and " " not in other.text and len(words) > 2 \
            and any(w.lower() in ctx.roles for w in words[1:-1]) \
            and re.search(rf"\b{re.escape(other.text.lower())}\b", ctx.text):
        # "Health and Human Services Secretary Alex Azar": a word the text also writes in
        # lower case, then "and", opens a body's name before a title: one speaker
        return _Speaker(ctx.text[other.start:spk.end], spk.actor, other.start, spk.end)
    items, opens = [other], other.start
    while len(items) < 5:
        # "Egypt, Bahrain and Tunisia condemned": the names listed before, when the list
        # opens the sentence
        item = _LIST_ITEM_BEFORE.search(ctx.shadow, max(lo, items[0].start - 60),
                                        items[0].start)
        first = item.group(1).split()[0].lower() if item is not None else ""
        if item is None or (first != "the" and first in _OPENERS | _PREPOSITIONS):
            break
        opens = item.start(1)
        m = ctx.mention_before(item.start(1), item.end(1))
        items.insert(0, ctx.speaker_from(m) if m is not None and m.end == item.end(1)
                     else _Speaker(ctx.text[item.start(1):item.end(1)], None, item.start(1),
                                   item.end(1)))
    if len(items) > 1 and ctx.shadow[lo:opens].strip(" \t\n\"'"):
        items = [other]  # (not a list opening the sentence: "Speaking in London, A and B")
    other = items[0]
    actor = "; ".join(a for a in (*(i.actor for i in items), spk.actor) if a) or None
    return _Speaker(ctx.text[other.start:spk.end], actor, other.start, spk.end,
                    "; ".join([*(i.text for i in items), spk.text]))


def _after_heading(sh: str, start: int, pos: int) -> int:
    """Where a sentence at ``start`` begins after a heading that opens its line ("What
    they're saying: A White House spokesman ...", "Why it matters: ..."), if the heading
    ends before ``pos``; else ``start``."""
    if start and sh[start - 1] != "\n":
        return start
    m = _WH_HEADING.match(sh, start, pos)
    return m.end() if m is not None else start


#: A heading of a question word and a few words, then a colon: "What they're saying: ".
_WH_HEADING = re.compile(
    r"(?:What|Why|Where|How|When|Who)\b[^:\n.?!\"]{0,40}:[ \t]+(?=[A-Z\"\u201c])")


#: "of" or "on" (and "the") right before a listed body: "Professor Ann Lee of the Red
#: Cross", "the top Democrat on the Senate Judiciary Committee".
_OF_BODY = re.compile(r"\s(of|on|at)\s+(?:the\s+)?$")


def _bare_gap(sh: str, s: int, e: int) -> bool:
    """Nothing but white space, or one comma insertion, between ``s`` and ``e``."""
    gap = sh[s:e].strip()
    return not gap or (gap.startswith(",") and gap.endswith(",") and gap.count(",") == 2)


def _subject_words(ctx: _Context, sentence_start: int, v: _Verb) -> _Speaker:
    sentence_start = _after_heading(ctx.shadow, sentence_start, v.start)
    sentence_start = max(sentence_start, v.start - _LOOKBACK)
    sh = ctx.shadow
    told_to = (_OBJECT_CONTROL.search(sh, max(sentence_start, v.start - 40), v.start)
               if sh.startswith(" to ", v.start - 4) else None)
    if told_to is not None:
        # "get them to tell their friends", "urged her to say": who was got or urged
        a, b = told_to.span(1)
        return ctx.resolve_pronoun(_Speaker(ctx.text[a:b], None, a, b))
    and_then = (_COMMA_AND_BEFORE.search(sh, max(sentence_start, v.start - 20), v.start)
                if sh.find(",", max(sentence_start, v.start - 20), v.start) >= 0 else None)
    if and_then is not None:
        # "Snowden said he wanted asylum ... in Latin America, and added that ...": the
        # subject of the sentence's first cue (not the last name before "added")
        earlier = [w for w in ctx.verbs_in(sentence_start, and_then.start())
                   if not w.form.endswith("ing") and not ctx.in_quote(w.start)]
        if earlier:
            return _subject_words(ctx, sentence_start, earlier[0])
    k = _last_char_before(sh, max(sentence_start, v.start - 5), v.start)
    if k >= 0 and sh[k] == ")" and not _PARTY_BEFORE.search(sh, max(sentence_start,
                                                                 v.start - 40), v.start):
        bracket = sh.rfind("(", sentence_start, k)
        if bracket > sentence_start and _word_count(sh, bracket, k) <= 15:
            # "Kasich (who has 25 delegates to date) said": the words before the brackets
            return _subject_words(ctx, sentence_start, _Verb(bracket, bracket, v.form))
    if k >= 0 and sh[k] == "," and (comma := sh.find(",", v.end, v.end + 60)) > 0 \
            and sh.find('"', v.end, comma) < 0:
        # "The issue, said Ann Lee, will be ...": the name between the commas (not 'Ann
        # Lee, who leads it, said: "The move is absurd," ...': the words of a quote)
        inverted = _inverted_subject(ctx, v, comma)
        if inverted is not None and not sh[inverted.end:comma].strip():
            return inverted
    time = _TIME_OPENING.match(ctx.shadow, sentence_start, v.start)
    if time is not None:  # "Half a day later Dyn said": the time is no subject
        sentence_start = time.end()
    if (anyone := _INDEFINITE_WHO.search(ctx.shadow, max(sentence_start, v.start - 40),
                                         v.start)) is not None:
        # "if approached by anyone who claims they're from ...": anyone, not the subject
        a, b = anyone.span(1)
        return _Speaker(ctx.text[a:b], None, a, b)
    if ctx.shadow.startswith("to ", v.start - 3) \
            and (took := _IT_TOOK.search(ctx.shadow, max(sentence_start, v.start - 100),
                                         v.start)) is not None:
        # "It took administration officials several more days to acknowledge": who took
        a, b = took.span(1)
        inner = ctx.mention_before(a, b)
        if inner is not None and inner.start == a and inner.end == b:
            return ctx.speaker_from(inner)
        return _Speaker(ctx.text[a:b], None, a, b)
    if "(" in ctx.shadow[sentence_start:sentence_start + 40] \
            and (lead := _PAREN_DATELINE.match(ctx.shadow, sentence_start, v.start)):
        sentence_start = lead.end()  # "Washington (CNN) A former adviser has pleaded"
    if v.form.endswith("ing"):
        quoted = _QUOTED_AS.search(ctx.shadow, max(sentence_start, v.start - 80), v.start)
        if quoted is not None:
            # "it quoted one expert saying", "quoted a senior official as saying": who
            # was quoted speaks
            a, b = quoted.span(1)
            inner = ctx.mention_before(a, b)
            if inner is not None and inner.end == b:
                return ctx.speaker_from(inner)
            return _Speaker(ctx.text[a:b], None, a, b)
    last = _participle_link(ctx.shadow, 0, v) if v.form.endswith("ing") else -1
    if last >= 0:
        # '"...," the member said, adding that ...', "X cautioned ... before predicting":
        # the subject of the verb before
        earlier = [w for w in ctx.verbs_in(sentence_start, last)
                   if not w.form.endswith("ing") and not ctx.in_quote(w.start)]
        if earlier:
            inverted = _inverted_subject(ctx, earlier[-1], last)
            if inverted is not None:  # '"...," said Ann Lee, adding ...': Ann Lee
                return inverted
            said = next((w for w in earlier[:-1] if w.form in _SAID_FORMS), None)
            if said is not None and earlier[-1].form not in _SAID_FORMS \
                    and not _CLAUSE_BREAK.search(ctx.shadow, said.end, earlier[-1].start):
                # "Ann Lee said the Senate will write its own bill, stressing ...": the
                # one who said it, not the subject of the clause she reported
                return _subject_words(ctx, sentence_start, said)
            return _subject_words(ctx, sentence_start, earlier[-1])
        # "The ministry called, emphasizing ...": the subject is the sentence's first name
        # (after an opening phrase: "Hours later, Trump ...", "Marking the day, Lee ...").
        sentence_start = _after_opening(ctx.shadow, ctx.after_quotes(sentence_start, v.start),
                                        last)
        if ctx.shadow.find(", ", sentence_start, last) >= 0:
            joints = [j for j in _CLAUSE_JOINT.finditer(ctx.shadow, sentence_start, last)
                      if not j.group().rstrip().endswith(" and")
                      or _FINITE_HINT.search(ctx.shadow, j.end(), last)]
            if joints:
                # "12 Russian agents had been indicted, and yet Trump still groveled ...,
                # claiming": the clause the participle ends (not "with Poland, France,
                # and Italy": a list, no clause)
                sentence_start = joints[-1].end()
        if (pp := _OPENING_PP.match(ctx.shadow, sentence_start, last)) is not None:
            sentence_start = pp.end()  # ("In an interview with USA TODAY's series, Rice")
        if (pron := _PRONOUN_FIRST.match(ctx.shadow, sentence_start, last)) is not None \
                and not ctx.in_quote(pron.start(1)):
            # "He all but dared House Speaker Nancy Pelosi ... by pointing out": the
            # pronoun opening the sentence, not a name after it
            a, b = pron.span(1)
            return ctx.resolve_pronoun(_Speaker(ctx.text[a:b], None, a, b))
        first = ctx.first_mention(sentence_start, v.start)
        if first is not None and _ROLE_THEN_A_NAME.match(ctx.shadow, first.end):
            first = None  # "Democratic presidential nominee Hillary Clinton has fought
            # back, saying": the phrase, not the party's name that opens it
        return ctx.speaker_from(first) if first else _sentence_subject(ctx, sentence_start,
                                                                       v.start)
    lo = max(sentence_start, v.start - 60)
    rel = (_WHO_BEFORE.search(ctx.shadow, lo, v.start)
           if ctx.shadow.find("wh", lo, v.start) >= 0 else None)  # (the find is cheaper)
    if rel is not None and rel.group(1) == "which":
        if ctx.shadow.startswith(", ", rel.start(1) - 2):
            # "relations with Western allies, which had supported Morsi": the relative
            # pronoun, for the phrase before the comma (the last pass names it), not the
            # sentence's subject
            a, b = rel.span(1)
            return _Speaker(ctx.text[a:b], None, a, b)
        rel = None  # ("the plan which says": a restrictive clause, left to the rules below)
    ante = _antecedent(ctx, rel.start(1)) if rel is not None else None
    if ante is not None and ante.start >= sentence_start:
        # "Ann Lee, who has criticized the plan": the name or phrase before the relative
        # pronoun, and the pronoun ("Ann Lee, who"; speaker_name "Ann Lee")
        return _Speaker(ctx.text[ante.start:rel.end(1)], ante.actor, ante.start, rel.end(1),
                        ante.text)
    if ctx.shadow.find(" who ", sentence_start, v.start) >= 0 or (
            ctx.shadow.find(" that ", sentence_start, v.start) >= 0
            and ctx.mentions):  # (a listed name in the clause is what misleads)
        front = _SUBJECT_WHO.fullmatch(ctx.shadow, sentence_start, v.start)
        if front is None and (who := ctx.shadow.find(" who ", sentence_start, v.start)) > 0:
            # "Governors say ..., but critics who are forced to stay home called": the
            # clause after the last conjunction before "who"
            joints = list(_CLAUSE_JOINT.finditer(ctx.shadow, sentence_start, who))
            if joints:
                front = _SUBJECT_WHO.fullmatch(ctx.shadow, joints[-1].end(), v.start)
        if front is not None and not any(w in ctx.verbs.forms or w.lower() in _AUXILIARIES
                                         for w in front.group("np").split()):
            # "Foreign diplomats who were briefed on the plan said": the phrase before the
            # relative clause, not the last noun of the clause
            a, b = front.span("np")
            inner = ctx.mention_before(a, b + 1)
            if inner is not None and inner.start == a and inner.end == b:
                return ctx.speaker_from(inner)
            return ctx.resolve_pronoun(_Speaker(ctx.text[a:b], None, a, b))
    k = _last_char_before(sh, sentence_start, v.start)
    if k > sentence_start and sh[k] == ",":
        # (from the sentence's start: the range may begin after a quote in the clause)
        whole = min(sentence_start, ctx.sentence(v.start)[0])
        if sh.find("wh", whole, k) >= 0:
            ante = _relative_before_comma(ctx, whole, k)
            if ante is not None:
                return ante
    m = ctx.mention_before(sentence_start, v.start)
    if m is not None and m.kind != "person" \
            and _AND_THEN_VERB.fullmatch(ctx.shadow, m.end, v.start) \
            and _PLACE_PREPOSITION_BEFORE.search(ctx.shadow, max(0, m.start - 12), m.start):
        # "He added that the US trains police in Iraq and asked why ...": the place ends a
        # phrase; the verb goes on with the subject of the sentence's earlier cue
        earlier = [w for w in ctx.verbs_in(sentence_start, m.start)
                   if not w.form.endswith("ing") and not ctx.in_quote(w.start)]
        if earlier:
            return _subject_words(ctx, sentence_start, earlier[0])
        # "Trump would never serve in the U.S. military but said": with no cue before,
        # the sentence's subject
        own = _sentence_subject(ctx, sentence_start, m.start)
        if own.text is not None and own.end < m.start:
            return own
    if m is not None and (m.kind in ("place", "country") or m.surface in US_STATES) \
            and m.start >= 4 and ctx.shadow[m.start - 4:m.start] == " of ":
        # "Rep. Tom Reed of New York said": the person before "of", not the place
        # ("Sen. Ron Wyden (D) of Oregon": before the party tag too)
        if ctx.shadow[m.end:v.start].lstrip().startswith(","):
            # "Bibeau, a senior official at the Refugee Board of Canada, said": the
            # place ends an apposition; the name that opens the sentence
            head = _leading_name(ctx, sentence_start, ctx.shadow.find(",", m.end, v.start))
            if head is not None and head.end < m.start:
                return head
        before = m.start - 4
        tag = _PARTY_BEFORE.search(ctx.shadow, max(sentence_start, before - 30), before)
        if tag is not None:
            before = _last_char_before(ctx.shadow, sentence_start, tag.start()) + 1
        who = ctx.mention_before(sentence_start, before)
        if who is not None and who.end == before and who.kind == "person":
            return ctx.speaker_from(who)
        np = ctx.noun_phrase_before(sentence_start, before)
        if np.text is not None and np.text.split(None, 1)[0].lower() not in _PREPOSITIONS:
            return np  # (not "Ann Lee, with fighters east of Gaza City, vowed": an aside)
    if m is not None and m.kind != "person" and _bare_gap(ctx.shadow, m.end, v.start) \
            and (of := _OF_BODY.search(ctx.shadow, max(sentence_start, m.start - 9),
                                       m.start)) is not None:
        # "Professor Ann Lee of the Red Cross said": the listed person before "of"; "the
        # top Democrat on the Senate Judiciary Committee said": a member, not the body
        who = ctx.mention_before(sentence_start, of.start())
        if of.group(1) in ("of", "at") and who is not None and who.end == of.start() \
                and who.kind == "person":
            return ctx.speaker_from(who)
        np = ctx.noun_phrase_before(sentence_start, of.start())
        if of.group(1) == "at" and np.text is not None and _named_subject(np.text):
            last = np.text.rsplit(None, 1)[-1]
            if last[:1].isupper() and last.lower() not in _PEOPLE \
                    and last.lower().rstrip("s") not in ctx.roles:
                # "elections expert Hans von Spakovsky at the Heritage Foundation told":
                # the person who works there, not the body
                return np
            # "Officials at the Pentagon said": the body's people, for the body
            return _Speaker(ctx.text[np.start:m.end], m.actor, np.start, m.end)
        if of.group(1) == "on" and np.text is not None \
                and np.text.split(None, 1)[0].lower() in _NP_HEADS | {"one"}:
            return _Speaker(ctx.text[np.start:m.end], None, np.start, m.end)
    lo = max(sentence_start, v.start - 40)
    when = (_TIME_TAIL.search(ctx.shadow, lo, v.start)
            if ctx.shadow.find(",", lo, v.start) >= 0 else None)  # (only after an aside)
    # ("Reince Priebus, the GOP chairman, this past week announced": the time words
    # between the insertion and the verb)
    # ("In a statement, the Kremlin, which ..., urged": the insertion is after the
    # opening phrase, and "the Kremlin" no part of it)
    opening = _OPENING_PP.match(ctx.shadow, sentence_start, v.start)
    aside = _find_aside(ctx.shadow, opening.end() if opening else sentence_start,
                        when.start() if when else v.start)
    if aside is not None:
        named = _NAME_ASIDE.fullmatch(ctx.shadow, aside.start(), aside.end())
        k = _last_char_before(ctx.shadow, sentence_start, aside.start())
        comma = ctx.shadow.rfind(",", sentence_start, aside.start())
        if named is not None and k > sentence_start and ctx.shadow[k].islower() \
                and named.group(1) not in US_STATES and (
                    comma < 0 or _CLAUSE_CONJUNCTION.match(ctx.shadow, comma + 1)):
            # "one former Port Authority official, David Wildstein, has said": a common
            # noun's phrase and the name it is, set off by commas: the name (not "Ann
            # Lee, the editor of the paper, La Voce, said": the phrase is an aside too)
            a, b = named.span(1)
            inner = ctx.mention_before(sentence_start, b + 1)
            if inner is not None and inner.end == b and inner.start <= a:
                return ctx.speaker_from(inner)  # ("a spokeswoman for X, Ann Lee": listed)
            return _Speaker(ctx.text[a:b], None, a, b)
    if aside is not None and (m is None or m.start >= aside.start()):
        # "Dan Brouillette, sharing the stage with Wolf at CPAC, stressed": the subject
        # stands before the aside, not inside it.
        pos = _aside_start(ctx.shadow, sentence_start, aside.start())
        outer = ctx.mention_before(sentence_start, pos)
        if outer is not None and _word_count(ctx.shadow, outer.end, pos) == 0:
            return ctx.speaker_from(outer)
        head = _leading_name(ctx, sentence_start, ctx.shadow.rfind(",", pos, v.start))
        if head is not None:
            return head
        np = ctx.noun_phrase_before(sentence_start, pos)
        if np.text is not None:
            name = _NAME_AFTER_ROLE.match(ctx.shadow, np.end) \
                if np.text.rpartition(" ")[2].lower() in ctx.roles else None
            if name is not None:
                # "The outgoing Socialist president, Francois Hollande, who ..., said":
                # the name the role phrase is, set off by commas
                a, b = name.span(1)
                return _Speaker(ctx.text[a:b], None, a, b)
            return np
    if m is not None and aside is not None and not ctx.shadow[m.end:aside.start()].strip():
        # "David Cavanaugh, who helps distribute coal mining equipment for a living, says":
        # the name right before a comma insertion, however long the insertion
        if m.kind != "person" and (ppl := _PEOPLE_OF.search(
                ctx.shadow, max(sentence_start, m.start - 40), m.start)) is not None \
                and ppl.group("noun") in _PEOPLE:
            # "health officials in Black Hawk County, where it is located, reported":
            # the people of the place or body, for it
            a = ppl.start()
            return _Speaker(ctx.text[a:m.end], m.actor, a, m.end)
        if ctx.shadow.endswith(" of ", 0, m.start):
            # "Susan Bibeau, the mother of Michael Zehaf-Bibeau, 32, who was killed ...,
            # wrote": the name opening the sentence, not the one its apposition names
            head = _leading_name(ctx, sentence_start, ctx.shadow.rfind(",", m.end, v.start))
            if head is not None and head.end < m.start:
                return head
        return ctx.speaker_from(m)
    if m is not None and aside is not None and m.kind != "person":
        # "Young, an Alaska congressman, discussing ... with radio station KRBD in
        # Ketchikan, Alaska, said": the name opening the sentence before its insertions,
        # not a body named inside them
        head = _leading_name(ctx, sentence_start, ctx.shadow.rfind(",", m.end, v.start))
        if head is not None and head.end <= m.start:
            return head
        if head is None and m.end <= aside.start():
            # "Several White House aides, who spoke on condition of anonymity, said": the
            # phrase the body's name is in, before the insertion (not its last words)
            np = ctx.noun_phrase_before(sentence_start,
                                        _aside_start(ctx.shadow, sentence_start,
                                                     aside.start()))
            if np.text is not None and np.start <= m.start and _named_subject(np.text):
                return np
    if m is not None and ctx.shadow.find("by ", max(sentence_start, m.start - 8),
                                         m.start) >= 0 \
            and m.end == _last_char_before(ctx.shadow, m.start, v.start) + 1 \
            and (by := _PARTICIPLE_BY.search(ctx.shadow, max(sentence_start, m.start - 30),
                                             m.start)) is not None:
        # "the Trump voters approached by the Guardian said": the phrase before the
        # participle, not the agent after "by"
        np = ctx.noun_phrase_before(sentence_start, by.start())
        if _named_subject(np.text):
            return np
    if (pron := _PRONOUN_SUBJECT.search(
            ctx.shadow, max(m.end if m is not None else sentence_start, v.start - 40),
            v.start)):
        # "a statement from the Capitol, where he told the president": the pronoun
        a, b = pron.span(1)
        return ctx.resolve_pronoun(_Speaker(ctx.text[a:b], None, a, b))
    if m is not None:
        gap = ctx.shadow[m.end:v.start]
        if gap[:2] in (" (", "(") and _TAG_THEN_TIME.fullmatch(gap):
            return _mention_speaker(ctx, m, sentence_start, v.start)  # (not "R-Ariz.) on
            # Friday": the words after the name are its party tag and a time)
        n = _word_count(ctx.shadow, m.end, v.start)
        named_between = any(w[:1].isupper() for w in _NP_WORD.findall(gap))
        if (" and " in gap or " but " in gap or " then " in gap) \
                and _COORDINATED.search(gap) and not any(
                c in ctx.shadow[sentence_start:v.start] for c in '",;:'):
            # "Secretary Sylvia Burwell went on NBC's Meet the Press Sunday and said",
            # "Ann Lee met Tom Fox and said": the name opening the sentence (after its
            # capitalised title) is the subject of both verbs
            first = ctx.first_mention(sentence_start, v.start)
            if first is not None and _TITLE_WORDS.fullmatch(ctx.shadow, sentence_start,
                                                            first.start):
                return ctx.speaker_from(first)
        if named_between and _OF_PLACE.fullmatch(gap):
            return ctx.speaker_from(m)  # "Rep. Tom Reed of New York said": Tom Reed
        if named_between and gap.startswith(",") and gap.rstrip().endswith(",") \
                and not _WORD_CHAR.search(ctx.shadow, sentence_start, m.start):
            # "Young, an Alaska congressman, discussing ... with radio station KRBD in
            # Ketchikan, Alaska, said": the name opening the sentence, then insertions
            return ctx.speaker_from(m)
        if named_between:  # "Singh told journalists that Austin emphasized": not Singh
            # ("House Democratic Whip Steny Hoyer, of Maryland, voiced": the words
            # before the comma insertion, not the insertion)
            stop = aside.start() if aside is not None and aside.start() > m.end else v.start
            np = ctx.noun_phrase_before(m.end, stop)
            role = _ROLE_THEN_NAME.match(ctx.shadow, m.end) if m.kind != "person" else None
            if role is not None and np.text is not None and np.start == role.start(1):
                # "Hamas leader Tom Reed vowed": the body's name opens the phrase; the body
                # is the actor only for who speaks for it (as after an inverted verb)
                actor = m.actor if role.group(1) in _SPEAKS_FOR else None
                return _Speaker(ctx.text[m.start:np.end], actor, m.start, np.end)
            return np
        if n <= 10 and _AND_ONLY.fullmatch(gap) and not _FINITE_IN_GAP.search(gap):
            # "Ann Lee blamed Hamas for the violence and said": the object of the cue
            # before, right after it, does not speak; the cue's subject does
            earlier = [w for w in ctx.verbs_in(sentence_start, m.start)
                       if not ctx.in_quote(w.start)]
            if earlier and _word_count(ctx.shadow, earlier[-1].end, m.start) <= 2 \
                    and not _STOP_IN_GAP.search(ctx.shadow, earlier[-1].end, m.start):
                return _subject_words(ctx, sentence_start, earlier[-1])
        if gap.rstrip().endswith(" and") \
                and (pron := _PRONOUN_FIRST.match(ctx.shadow, sentence_start, m.start)) \
                and not ctx.in_quote(pron.start(1)):
            # "She has not supported Akin in the past and said": the sentence's pronoun
            # goes on with the verb after "and", not the name in its object
            a, b = pron.span(1)
            return ctx.resolve_pronoun(_Speaker(ctx.text[a:b], None, a, b))
        doing = _PEOPLE_DOING.search(ctx.shadow, max(sentence_start, m.start - 50), m.start)
        if doing is not None and (doing.group("noun").lower() in _PEOPLE
                                  or doing.group("noun").lower()[:-1] in ctx.roles):
            # "Even senators supporting Biden in the primary said": the people the
            # participle is about, not the name after it
            end = _last_char_before(ctx.shadow, doing.start(), v.start) + 1
            return _Speaker(ctx.text[doing.start():end], None, doing.start(), end)
        if ((n <= 4 and '"' not in gap) or (n <= 2 and gap.rstrip().endswith('"'))) \
                and not _NEW_SUBJECT_IN_GAP.search(gap):
            # (not "told the BBC that the campaign didn't say", "in Britain, but analysts
            # believe": a clause with its own subject after the name)
            return _mention_speaker(ctx, m, sentence_start, v.start)
        # "X told a TV channel and accused ...": the subject of the first verb carries over.
        if n <= 15 and '"' not in gap and ctx.verbs_in(m.end, v.start) \
                and re.search(r"\band\s*$", gap):
            return ctx.speaker_from(m)
    np = ctx.noun_phrase_before(sentence_start, v.start)
    if np.text is not None and ctx.shadow.endswith(" to ", 0, v.start) \
            and np.end == v.start - 4 and np.text[:1].islower() \
            and np.text.split(None, 1)[0].lower() not in _PRONOUNS \
            and not np.text.endswith("ed") \
            and not any(w in _PEOPLE or w in ctx.roles for w in np.text.split()):
        # "Trump is leaning on executive orders and other actions to argue ...": an
        # infinitive of purpose, whose subject is the sentence's (not "actions")
        own = _sentence_subject(ctx, sentence_start, np.start)
        if own.text is not None:
            return own
    coordinated = _COORDINATED.search(ctx.shadow, max(sentence_start, v.start - 20),
                                      v.start) is not None
    if (np.text is None or coordinated
            or all(w.lower() in _FUNCTION_WORDS for w in np.text.split())):
        # "Dewhurst emerged ..., but said": the speaker is the sentence's subject.
        return _sentence_subject(ctx, sentence_start, v.start)
    return np


#: A gap between a name and a verb that is only "and", perhaps after a phrase opening
#: with a preposition ("Hamas for the violence and said"): no comma, quote or clause; no
#: finite verb in it.
_AND_ONLY = re.compile(r"\s+(?:(?:for|over|on|about|of|with|in|at)\s[^,;:\"()]*\s)?and\s+")
_FINITE_IN_GAP = re.compile(r"\b(?:is|was|are|were|has|have|had|will|would|can|could|did|"
                            r"does|do|who|which|that)\b")
_STOP_IN_GAP = re.compile(r"[,;:\"()]|\b(?:that|who|which)\b")


#: Words that may stand between a participle cue and what comes before it: "..., also
#: calling", "... before claiming", "... while adding", "... by first saying".
_PARTICIPLE_LINKS = frozenset({"also", "then", "before", "after", "while", "by", "first",
                               "later", "again", "even", "instead", "still", "further",
                               "upon", "without", "beyond", "as"})
#: (no comma needed)
_LINKING = frozenset({"before", "after", "while", "by", "instead", "upon", "without",
                      "beyond", "as"})  # ("declined to comment beyond writing that ...",
# "went so far as saying that ...")
_LINK_WORDS = re.compile(r"[A-Za-z]+(?=\s*$)")


#: "in the words of X, " right before a quotation: X's words.
_IN_THE_WORDS_OF = re.compile(r"\b[Ii]n\s+the\s+words\s+of\s+([^,;:\"\u201c]{2,80}?)\s*[,:]?\s*$")
#: A noun of action and "of" before a participle, whose doer is the clause's subject:
#: "took the unusual step of announcing", "raised the possibility of calling".
_STEP_OF = re.compile(r"\b(?:step|steps|move|possibility|prospect|idea|liberty|trouble|"
                      r"habit|practice|tactic)\s+of\s+$")


def _participle_link(sh: str, lo: int, v: _Verb) -> int:
    """Is the participle ``v`` joined to the clause before it ("..., adding", "..., also
    calling", "... before optimistically predicting", "... while adding")? The position
    where the words before it end (the comma, or the linking word's start), else -1."""
    pos = v.start
    step = _STEP_OF.search(sh, max(lo, pos - 40), pos)
    if step is not None:
        return step.start()  # "took the unusual step of announcing": the subject's
    linked = False
    for _ in range(3):
        k = _last_char_before(sh, lo, pos)
        if k >= lo and (sh[k] in ",\u2014\u2013" or sh.startswith("--", k - 1)):
            return k  # ("..., adding", "... about Trump \u2014 praising his team")
        m = _LINK_WORDS.search(sh, max(lo, pos - 20), pos) if k >= lo else None
        word = m.group().lower() if m is not None else ""
        if word in _PARTICIPLE_LINKS:
            linked = linked or word in _LINKING
        elif not (word.endswith("ly") and len(word) > 4):
            break
        pos = m.start()
    return pos if linked else -1


_OPENING_TIME = frozenset({"later", "ago", "earlier", "before", "after", "since", "soon",
                           "shortly"})
_TIME_NOUNS = frozenset({"day", "days", "night", "nights", "week", "weeks", "month", "months",
                         "year", "years", "hour", "hours", "morning", "evening", "minutes"})
_TIME_PHRASE = (rf"\s+(?:(?:this|last|past|on|late|early|later|earlier)\s+)*(?:{_DAYS}|week|"
                r"weekend|month|year|morning|afternoon|evening|night|today|yesterday)")
_TIME_TAIL = re.compile(_TIME_PHRASE + r"\s*$")
#: A party tag and a time between a name and its verb: "John McCain (R-Ariz.) on Friday
#: announced", "Mitch McConnell (R-Ky.) earlier this week said".
_TAG_THEN_TIME = re.compile(rf"\s*{_PARTY_OPEN.pattern}{_TIME_PHRASE}\s*")
#: Irregular participles opening a sentence ("Led by the mayor, the rally ...").
#: Single words that cannot be who speaks: openers, adverbs, possessive determiners.
_NO_SPEAKER_WORDS = frozenset({
    "during", "despite", "although", "though", "because", "while", "when", "if", "unlike",
    "like", "amid", "among", "instead", "yet", "still", "now", "then", "so", "but", "and",
    "or", "also", "meanwhile", "however", "indeed", "moreover", "besides", "once", "even",
    "only", "just", "already", "too", "well", "often", "rarely", "never", "ever", "in",
    "on", "at", "after", "before", "since", "for", "with", "without", "until", "about",
    "over", "under", "by", "from", "to", "of", "into", "through", "throughout",
    "following", "according", "her", "his", "their", "our", "my", "your"})
#: Speech verbs that are never part of a noun phrase: the words before one are who speaks
#: ("He" of "He said the president discussed "...""), those after it the clause reported.
_SAID_FORMS = frozenset({"said", "says", "told", "tells", "wrote", "writes", "added"})
#: A comma, quotation mark or clause end between two verbs: the second is no longer
#: inside the first one's clause.
_CLAUSE_BREAK = re.compile(r"[,;:\"\u201c\u201d.!?]")
#: Prepositions that tie a group of people to a place ("political figures in New Jersey").
_PLACE_PREPOSITIONS = frozenset({"in", "from", "across", "throughout", "outside", "inside"})
#: Nouns that end in -ly like an adverb ("The family said", "a key ally said").
_LY_NOUNS = frozenset({"family", "ally", "assembly", "supply", "rally", "monopoly", "anomaly",
                       "bully", "daily", "weekly", "monthly", "quarterly", "butterfly",
                       "homily", "jelly", "belly", "lily", "folly", "tally", "melee",
                       "reply", "fly", "elderly"})
#: Words before a noun: a -ly word right after one is no adverb ("the family").
_BEFORE_NOUN = _DETERMINERS | {"my", "your", "that", "those", "whose", "every", "each"}
#: Irregular past tenses that end a noun phrase after its head ("The Times broke the
#: story"; the -ed ones are told apart by their ending).
_IRREGULAR_PAST = frozenset({
    "broke", "took", "made", "gave", "ran", "went", "came", "got", "found", "left", "kept",
    "held", "brought", "knew", "saw", "sent", "began", "won", "lost", "led", "met", "paid",
    "sold", "spent", "stood", "struck", "fell", "rose", "drew", "drove", "fought", "caught",
    "sought", "built", "chose", "threw", "became", "forgot", "hid", "froze", "shook", "swore",
    "tore", "wore", "withdrew", "overtook", "undertook", "upheld", "withheld", "foresaw"})
_IRREGULAR_OPENERS = frozenset({"Led", "Told", "Given", "Known", "Driven", "Born", "Shown",
                                "Made", "Left", "Seen", "Held", "Caught", "Taken", "Written",
                                "Spoken", "Brought", "Faced", "Asked"})


#: " of New York ": a person's place between their name and the verb.
_OF_PLACE = re.compile(r"\s+of\s+[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*){0,2}\s*")
#: A short time opening a sentence with no comma: "Half a day later", "Two weeks ago".
_TIME_OPENING = re.compile(
    r"\s*(?:[A-Z][a-z]*\s+){1,2}(?:(?:couple|few)\s+of\s+)?(?:an?\s+)?(?:(?:days?|weeks?|"
    r"months?|years?|hours?|"
    r"minutes?|moments?|decades?)\s+(?:later|earlier|ago|after)|later)"
    # ("A couple of weeks ago in this space I ...": a place after the time)
    r"(?:\s+(?:in|on|at)\s+(?:this|that|the)\s+[a-z]+)?,?\s+(?=[A-Z])")


#: Lower-case particles inside a person's name: "Hans von Spakovsky", "Vincent van Gogh".
_NAME_PARTICLES = frozenset({"von", "van", "der", "den", "de", "da", "di", "du", "del",
                             "della", "le", "la", "bin", "ibn"})
#: A subject pronoun opening a sentence (after its opening phrase).
_PRONOUN_FIRST = re.compile(r"\s*[\"'\u201c]?(?:(?:And|But|So|Yet|Then)\s+)?(He|She|They|We|I)\s")
#: A dateline with the agency in brackets: "Washington (CNN) ".
_PAREN_DATELINE = re.compile(r"\s*(?:[A-Z][\w.'-]*,?\s+){0,3}\([A-Z][\w.&' -]{1,25}\)\s+"
                             r"(?:[-\u2013\u2014]+\s+)?(?=[A-Z])")  # ("TUSCALOOSA, Ala. (AP) —")
#: An opening prepositional phrase with a determiner and no verb: "In a statement, ",
#: "At the rally on Monday, ".
_OPENING_PP = re.compile(
    r"(?:In|On|At|From|With|Through|Via|Under|During|After|Before|Despite|Amid)\s+"
    r"(?:a|an|the|his|her|its|their)\s[^,;:.!?\"\u201c]{1,60},\s")


def _after_opening(sh: str, s: int, e: int) -> int:
    """``s``, or the position after the comma of an opening phrase that is no subject:
    a time ("Hours later,", "Eight years ago,"), a participle ("Marking the end of the
    race,", "Led by the mayor,"), an opener ("During the debate,") or "X by x" ("One by
    one,")."""
    comma = sh.find(",", s, min(e, s + 150))
    if comma < 0:
        return s
    words = _NP_WORD.findall(sh, s, comma)
    if not words or len(words) > 20:
        return s
    first = words[0]
    if len(words) > 1 and first.lower() in _LEADING_CONJUNCTIONS and (
            words[1].lower() in _PRONOUNS_RESOLVED | {"they", "we", "i"}
            or (words[1][:1].isupper() and words[1].lower() not in _OPENERS)):
        return s  # "Then he cut into Bush, ...": the subject follows the conjunction
    participle = first[:1].isupper() and (
        (first.endswith(("ing", "ed")) and len(first) > 4) or first in _IRREGULAR_OPENERS)
    if len(words) > 8 and not participle:
        return s
    if (first.lower() in _OPENERS or first.lower() in _OPENING_TIME or participle
            or (len(words) <= 4 and words[-1].lower() in _OPENING_TIME)
            # "The day before he left,", "A week after the vote,": a time and a clause
            or (len(words) > 2 and words[1].lower() in _TIME_NOUNS
                and words[2].lower() in _OPENING_TIME)
            # "One by one,", "Day by day,", "Little by little,"
            or (len(words) == 3 and words[1] == "by" and first.lower() == words[2])):
        return comma + 1
    return s


def _inverted_subject(ctx: _Context, w: _Verb, stop: int) -> _Speaker | None:
    """The speaker after an inverted verb (``'"...," said Ann Lee, adding'``, ``"..., wrote
    one supporter, tweeting"``): the verb right after a quotation's end or a comma, then
    a name (or a phrase with an article) up to ``stop``; else None."""
    sh = ctx.shadow
    k = _last_char_before(sh, max(0, w.start - 5), w.start)
    if k < 0 or sh[k] not in ',"' or ctx.verbs.lemma(w.form) not in _INVERTING:
        return None
    spk = _tidy(ctx, ctx.noun_phrase_after(w.end, stop))
    if spk.text is None or not _named_subject(spk.text) \
            or spk.text.split()[0].lower() in _PRONOUNS \
            or not _AUXILIARIES.isdisjoint(spk.text.lower().split()[1:]) \
            or not (spk.text[:1].isupper() or (spk.text.split()[0] in _NP_OPENERS
                    and spk.text.split()[0] not in _POSSESSIVES)):
        return None  # (not "Grant, defended his father Tuesday, saying")
    m = ctx.mention_before(spk.start, spk.end)
    if m is not None and m.start >= spk.start:
        return ctx.speaker_from(m)
    return spk


_PREPOSITIONS = frozenset({"on", "in", "at", "to", "from", "with", "for", "of", "about",
                           "into", "onto", "via", "by"})
#: Prepositions before a place or an object, not before an infinitive's subject (as "for"
#: is: "unreasonable for Clinton to assert").
_BEFORE_PLACE = frozenset({"on", "in", "at", "to", "from", "with", "into", "onto", "via"})
#: Conjunctions and adverbs opening a sentence before its subject ("And she ...").
_LEADING_CONJUNCTIONS = frozenset({"and", "but", "so", "yet", "then", "now", "still", "also",
                                   "meanwhile", "however", "indeed", "instead", "moreover",
                                   "besides", "or"})
#: Nouns for who speaks after a possessive ("His campaign protested", "her aides"): people
#: and the bodies that speak for them.
_SPEAKING_HEADS = _PEOPLE | frozenset({
    "campaign", "team", "office", "staff", "spokesman", "spokeswoman", "spokesperson",
    "lawyer", "attorney", "aide", "adviser", "advisor", "friends", "allies",
    "family", "wife", "husband", "son", "daughter", "mother", "father", "brother", "sister",
    "party", "government", "administration", "company", "firm", "group", "organization",
    "camp", "rivals", "rival", "opponent", "supporter", "backers", "fans", "voters",
    "colleagues", "successor", "predecessor", "deputy", "boss", "chief", "spokespeople",
    "sponsors", "leaders", "authors", "negotiators", "groups", "organizations", "watchdogs",
    "unions",
    # "his official presidential Twitter account falsely said"
    "account"})
#: People by where they live or what they do, before their name: "New Hampshire resident
#: Anne Lee", "Ohio voter Tom Fox", "Army veteran Joe Kim".
_LOCAL_PEOPLE = frozenset({"resident", "native", "voter", "retiree", "veteran", "student",
                           "teacher", "nurse", "farmer", "owner", "worker", "volunteer"})
#: A lower-case word right after a run of capitalised words: perhaps its head noun.
_HEAD_NOUN_AFTER = re.compile(r"[ \t]+([a-z]+)\b")
_CAPITAL_NEXT = re.compile(r"[ \t]+[A-Z]")
#: Words opening a noun phrase that is a subject after an opening phrase ("..., a familiar
#: voice celebrated", "..., his friends make jokes").
_NP_HEADS = frozenset({"the", "a", "an", "his", "her", "their", "its", "our", "my"})


#: A list item's bullet at a sentence's start: "-- ", "- ", "• ", "* ".
_BULLET = re.compile(r"\s*(?:-{1,2}|[\u2022*\u00b7])\s")


def _sentence_subject(ctx: _Context, s: int, e: int) -> _Speaker:
    """A sentence-initial pronoun, else the first run of capitalised words in ``[s, e)``
    (after an opening phrase of time or a participle: "Eight years ago, he ...")."""
    if _BULLET.match(ctx.shadow, s, e):
        return _Speaker()  # "-- Equal pay for women, noting ...": a list item, no subject
    s = _after_opening(ctx.shadow, s, e)
    if (time := _TIME_OPENING.match(ctx.shadow, s, e)) is not None:
        s = time.end()  # "A couple of weeks ago in this space I ...": not "A couple"
    if "(" in ctx.shadow[s:s + 40] and (lead := _PAREN_DATELINE.match(ctx.shadow, s, e)):
        s = lead.end()  # "Washington (CNN) A former adviser has pleaded": not "CNN"
    more = (w for w in itertools.islice(_NP_WORD.finditer(ctx.shadow, s, e), _COUNT_CAP)
            if not w.group()[:1].isdigit())
    # the first words, and the rest only when the run of capitalised words below needs
    # them (every test before it looks at a few words, or within 80 characters)
    words = list(itertools.islice(more, 16))
    conj = (len(words) > 1 and words[0].group().lower() in _LEADING_CONJUNCTIONS
            and (words[1].group().lower() in _PRONOUNS_RESOLVED | {"they", "we", "i"}
                 or (words[1].group()[:1].isupper()
                     and words[1].group().lower() not in _OPENERS)))
    if conj:
        words = words[1:]  # "Then he cut into Bush, calling ...": he, not after the comma
    elif words and (words[0].group().lower() in _OPENERS
                    or (words[0].group().endswith("ing") and words[0].group()[:1].isupper()
                        and len(words[0].group()) > 5)):
        # (also a participle: "Speaking on CNBC on Monday, Mr. Ubben said")
        # "On Friday, he joined ...", "During the debate, Cruz made ...": the subject
        # follows the opening phrase's comma
        comma = ctx.shadow.find(",", s, min(e, s + 80))
        if comma >= 0:
            rest = [w for w in words if w.start() > comma]
            if not rest and len(words) == 16:  # (all the first words before the comma)
                rest = list(itertools.islice((w for w in more if w.start() > comma), 16))
            if rest:
                words = rest
        elif words[0].group().endswith("ing") and words[0].group()[:1].isupper():
            # "Going it alone", "-- Reworking the corporate tax code.": a heading or a list
            # item with no subject (a "he" after it is somebody named before)
            return _Speaker()
    k = 0
    while k < len(words) - 1 and words[k].group().lower() in _LEADING_CONJUNCTIONS:
        k += 1  # "And she is sure ...", "But his campaign protested ..."
    words = words[k:]
    if words and words[0].group().lower() in _PRONOUNS_RESOLVED | {"they", "we", "i"}:
        w = words[0]
        return ctx.resolve_pronoun(_Speaker(ctx.text[w.start():w.end()], None, w.start(),
                                            w.end()))
    if words and words[0].group() in _PEOPLE and len(words) > 1 \
            and words[1].group().islower():
        # "In the Kingwood neighborhood, people waved towels and yelled": a plural for
        # people opening the clause
        w = words[0]
        return _Speaker(ctx.text[w.start():w.end()], None, w.start(), w.end())
    one = _ONE_OF_NAMED.match(ctx.shadow, words[0].start(), e) \
        if words and words[0].group() == "One" else None
    if one is not None:
        # "One of those diplomats, Foreign Minister Ann Berg, issued ...": the name
        return _Speaker(ctx.text[one.start(1):one.end(1)], None, one.start(1), one.end(1))
    if words and (words[0].group() in ("The", "A", "An")
                  or (words[0].group().lower() in _NP_HEADS and words[0].start() > s)
                  or (words[0].group() in ("His", "Her", "Their", "Its", "Our", "My")
                      and len(words) > 2 and words[1].group() in _SPEAKING_HEADS)):
        # "The billionaire businessman began ...", "His campaign protested ...", "In
        # the hours after ..., a familiar voice celebrated": the article (or possessive)
        # and up to three words
        if words[0].group().lower() in _POSSESSIVES and (
                len(words) < 3 or words[1].group() not in _SPEAKING_HEADS):
            return _Speaker()  # "His answer to Ann Lee was ...": no one who speaks
        np = [words[0]]
        reach = 2 if words[0].group().lower() in _POSSESSIVES else 4  # "his friends"
        for k, w in enumerate(words[1:min(reach, len(words) - 1)], 1):  # the last word
            low = w.group().lower()                                  # before e is the verb
            if (low in _AUXILIARIES or low in _FUNCTION_WORDS or low in ctx.verbs.forms
                    or low in ("who", "which", "that", "whose")
                    or (low.endswith("ed") and not (
                        _adjective_ed(words, k)  # "The retired surgeon", "The newly
                        and (k == 1 or np[-1].group().lower().endswith("ly"))))  # elected"
                    or (k >= 2 and w.group().islower()
                        and (low in _IRREGULAR_PAST or (low.endswith("ly") and len(low) > 4
                                                        and low not in _LY_NOUNS)))
                    or ctx.shadow[np[-1].end():w.start()].strip()):
                break  # ("The Times broke the story", "The newspaper quickly revised")
            np.append(w)
        if len(np) > 1:
            return _Speaker(ctx.text[np[0].start():np[-1].end()], None, np[0].start(),
                            np[-1].end())
    run: list[re.Match[str]] = []
    role_words = 0  # lower-case words of a title after a run of modifiers ("Former deputy")
    for w in itertools.chain(words, more):
        word = w.group()
        if not run and word.lower() in _OPENERS:  # "During the talks", "Despite", "There"
            continue
        if run and ":" in ctx.shadow[run[-1].end():w.start()]:
            break  # "Vice President Joe Biden: This might ...": the name before the colon
        if run and "), " in ctx.shadow[run[-1].end():w.start()] \
                and ctx.shadow.rfind("(", s, run[-1].end()) < run[0].start():
            run, role_words = [], 0  # "(a term coined by Rudy Giuliani), Trump": the name
            # after the aside the run was in (not "Sen. Ann Lee (R-Pa.), who ...")
        if word[:1].isupper() and (word.lower() not in _FUNCTION_WORDS or word.isupper()):
            run.append(w)
        elif run and word in _NAME_PARTICLES and _CAPITAL_NEXT.match(ctx.shadow, w.end()):
            run.append(w)  # "Hans von Spakovsky", "Ursula von der Leyen"
        elif run and role_words < 6 and word.islower() \
                and (role_words or run[-1].group().lower() in TITLE_MODIFIERS) \
                and (word in TITLE_MODIFIERS or word in ctx.roles or word in ("of", "staff")) \
                and all(r.group().lower() in TITLE_MODIFIERS for r in run):
            # "Former deputy chief of staff Bridget Ann Kelly, whose ...": the name after
            # the title, not "Former"
            role_words += 1
        elif run and word in ctx.roles and _CAPITAL_NEXT.match(ctx.shadow, w.end()) \
                and not all(r.group().lower() in TITLE_MODIFIERS for r in run):
            # "Law professor Tom Fox", "Wells Fargo economist Ann Lee": a body's role
            # before the name; the name
            run, role_words = [], 0
        elif run and word.islower() and not role_words \
                and (rm := _ROLE_THEN_A_NAME.match(ctx.shadow, run[-1].end())) is not None \
                and not ctx.roles.isdisjoint(ctx.shadow[rm.start():rm.end() - 1].split()):
            # "Democratic presidential nominee Hillary Clinton": the name after the role
            run = []
        elif run and word == "and" and _AND_ORGANISATION.match(ctx.shadow, w.end()):
            continue  # "Health and Human Services Sec. Tom Price": one body's name
        elif run and word == "and" and run[-1].group().lower() in ctx.roles:
            # "Former House Speaker and presidential candidate Newt Gingrich": a second
            # title; the name after it (the lower-case words before a name are passed)
            run, role_words = [], 0
        elif run:
            if role_words and all(r.group().lower() in TITLE_MODIFIERS for r in run):
                run = []  # "Former deputy chief said": a title and no name
            break
    if run and role_words and all(r.group().lower() in TITLE_MODIFIERS for r in run):
        run = []
    if not run:
        return _Speaker()
    end = run[-1].end()
    head = _HEAD_NOUN_AFTER.match(ctx.shadow, end, e)
    if head is not None and head.group(1) not in _SPEAKING_HEADS:
        # "Government watchdog groups": a modifier, then the head
        second = _HEAD_NOUN_AFTER.match(ctx.shadow, head.end(1), e)
        if second is not None and second.group(1) in _SPEAKING_HEADS:
            head = second
    if head is not None and head.group(1) in _SPEAKING_HEADS and head.group(1)[-1] == "s" \
            and not _CAPITAL_NEXT.match(ctx.shadow, head.end(1)):
        end = head.end(1)  # "Bill sponsors", "Senate leaders": the people, not "Bill"
    return _Speaker(ctx.text[run[0].start():end], None, run[0].start(), end)


#: After "and" in a run of capitalised words: the rest of a body's name ("Health and Human
#: Services", "Housing and Urban Development"), which the run goes on with.
_AND_ORGANISATION = re.compile(
    r" (?:[A-Z][\w'-]* ){0,3}(?:Services|Affairs|Development|Security|Administration|"
    r"Department|Committee|Commission|Agency|Bureau|Council|Board|Institute|Foundation)\b")


def _adjective_ed(words: list[re.Match[str]], k: int) -> bool:
    """Is the -ed word ``words[k]`` an adjective before a noun ("The retired surgeon
    has"), not the sentence's verb ("The group released a statement")? Heuristic: a
    lower-case word follows that is no function word or auxiliary, and another after it."""
    if k + 2 >= len(words):
        return False
    nxt = words[k + 1].group()
    return nxt.islower() and nxt not in _FUNCTION_WORDS and nxt not in _AUXILIARIES \
        and nxt not in _PRONOUNS  # ("voice celebrated it": a verb)


#: Where the words before a headline's verb start: after a colon, a bar, a dash or a comma.
_HEADLINE_BREAK = re.compile(r".*[:|,;-]['\"]?\s", re.DOTALL)


def _title_case(ctx: _Context, ss: int, se: int) -> bool:
    """Is the sentence ``[ss, se)`` a Title Case headline: 3 to 30 words, at least three
    in four of those outside :data:`_TITLE_SMALL` capitalised?"""
    words = _TITLE_WORD.findall(ctx.shadow, ss, se)
    if not 3 <= len(words) <= 30:
        return False
    big = [w for w in words if w.lower() not in _TITLE_SMALL]
    return bool(big) and 4 * sum(w[:1].isupper() for w in big) >= 3 * len(big)


def _headlines(ctx: _Context) -> list[Quote]:
    """Reported speech in Title Case headlines, whose verbs are capitalised ("Senator Lee
    Slams Budget Plan", "Jobs Are Back, Mayor Says"): the speaker is the words before the
    verb (back to a colon, a dash or a comma), the content the words after it or, when
    the verb ends the headline after a comma, the words before that comma."""
    sh = ctx.shadow
    verbs = ctx.verbs
    out: list[Quote] = []
    done: set[int] = set()
    # (a headline stands in a short paragraph of its own, at the top: the text's first
    # paragraphs are looked at, long ones not)
    hits = (m for ps, pe in ctx.paragraphs[:_HEADLINE_PARAGRAPHS] if pe - ps <= _HEADLINE_MAX
            for m in _CAPITAL_S.finditer(sh, ps, pe))
    title: dict[int, bool] = {}
    n = len(sh)
    for m in hits:
        form = m.group().lower()
        if (form not in verbs.forms and form not in _HEADLINE_NOUN_FORMS) \
                or verbs.lemma(form) == form:
            continue  # only -s forms: "Report", "Asked", "Attacks" are nouns or passives
            # as often as verbs
        i, j = m.span()
        if (i and _in_run(sh[i - 1])) or (j < n and (_in_run(sh[j]))):
            continue  # (part of a longer run: "McCaul's", "Says-")
        ss, se = ctx.sentence(i)
        if ss not in title:
            title[ss] = _title_case(ctx, ss, se)
        if ss in done or not title[ss] or ctx.in_quote(i):
            continue
        if form in verbs.quote_only or (
                form in verbs.evidence
                and not _evidence_subject(sh, m.start(), verbs.evidence_subjects)):
            continue
        brk = _HEADLINE_BREAK.match(sh, ss, m.start())
        s_start = brk.end() if brk else ss
        who = sh[s_start:m.start()].strip()
        words = who.split()
        while words and words[-1] in _HEADLINE_ADVERBS:  # "CNN Just Responds"
            who = who[:len(who) - len(words.pop())].rstrip()
        if not 1 <= len(words) <= 6 or not words[0][:1].isupper() \
                or who.endswith(("'s", "s'")) or not _named_subject(who):
            continue
        end = se
        while end > m.end() and sh[end - 1] in " \t.!?\n\"'":
            end -= 1
        s_end = s_start + len(who)
        spk = _Speaker(ctx.text[s_start:s_end], None, s_start, s_end)
        mention = ctx.mention_before(s_start, s_end)
        if mention is not None:
            spk.actor = ctx.speaker_from(mention).actor
        v = _Verb(m.start(), m.end(), m.group())
        comma = sh.rfind(",", ss, s_start)
        if brk and comma >= brk.end() - 3 and _word_count(sh, m.end(), end) <= 3:
            q = _make_reported(ctx, "headline", spk, v, ss, comma)  # "..., X Says"
        else:
            that = _HEADLINE_THAT.match(sh, m.end(), end)
            q = _make_reported(ctx, "headline", spk, v, that.end() if that else m.end(), end)
        if q is not None:
            done.add(ss)
            out.append(q)
    return out


_HEADLINE_THAT = re.compile(r"\s+That\b")
#: The longest paragraph (in characters) read as a headline, and how many paragraphs
#: opening the text are looked at (on PolNeAR train fit the first three hold all but one
#: of the headline rule's hits; scanning every short paragraph cost ~2% of find_quotes).
_HEADLINE_MAX = 300
_HEADLINE_PARAGRAPHS = 3
#: A capitalised word ending in "s": the forms a headline's verb may take ("Says").
_CAPITAL_S = re.compile(r"[A-Z][a-z]+s\b")  # (whole runs only: checked after)
#: The forms of verbs that are also nouns read in headlines ("Lee Slams Plan"; not "Paris
#: Attacks", "Jobs Report").
_HEADLINE_NOUN_FORMS = frozenset({"slams", "blasts", "calls", "tweets", "vows", "pledges",
                                  "praises", "blames", "dismisses", "stresses", "mocks"})
_HEADLINE_ADVERBS = frozenset({"Just", "Also", "Now", "Again", "Finally", "Still"})


#: Words after a verb that report nothing: a time alone, or "according to" a source.
_NO_CONTENT = re.compile(
    rf"(?:(?:(?:this|last|next|earlier\s+this)\s+(?:week|month|year|weekend|morning|"
    rf"afternoon|evening)|(?:on\s+)?(?:{_DAYS})(?:\s+(?:morning|afternoon|evening|night))?|"
    r"yesterday|today|tonight|at\s+the\s+time)|according\s+to\s+[^,;:\"]{1,80}?)"
    r"\s*[.,;]?")


def _make_reported(ctx: _Context, cue: str, spk: _Speaker, v: _Verb | None, start: int,
                   end: int) -> Quote | None:
    while start < end and ctx.text[start].isspace():
        start += 1
    end = min(end, start + _REPORTED_MAX)
    while end > start and ctx.text[end - 1].isspace():
        end -= 1
    if not _WORD_CHAR.search(ctx.text, start, end):  # nothing is reported
        return None
    if cue != "according" and _NO_CONTENT.fullmatch(ctx.shadow, start, end):
        return None  # ("told KHOU this week.", "said in a statement, according to X.")
    verb = ctx.text[v.start:v.end] if v else None
    return _quote(
        "reported", ctx.text[start:end], start, end, spk.text, spk.actor, verb,
        ctx.verbs.group_of(verb), True, cue, spk.start, spk.end,
        v.start if v else -1, v.end if v else -1, spk.names or spk.text,
    )


def _direct(ctx: _Context, marked: list[_Marked], reported: list[Quote],
            only: set[int] | None = None) -> list[Quote]:
    """The direct quotes (and terms) of the marked passages; ``only`` (for
    :func:`count_quotes`): the indexes of the passages whose cue is read, the others
    made ``scare`` quotes of their words with no cue read."""
    out: list[Quote] = []
    sh = ctx.shadow
    inside = [(m.open, m.end) for m in marked]
    attributions: list[Quote] = [q for q in reported if q.speaker]
    # For _previous_attribution, which takes the latest start before a position (the first
    # listed on ties): attributions and direct quotes with a speaker, each by (start, order).
    attr_keys = [(q.start, i) for i, q in enumerate(attributions)]
    attr_keys.sort()
    spoken_keys: list[tuple[int, int]] = []
    # The first character after a position that is not a soft one (space, tab . , " '),
    # and the first line break: found once and reused while the position stays before it.
    hard_from, hard_at, nl_from, nl_at = -1, -1, -1, -1
    for k, mk in enumerate(marked):
        q_start = mk.open + 1
        q_end = mk.end
        while q_start < q_end and sh[q_start].isspace():  # also the 2nd of ''
            q_start += 1
        while q_end > q_start and ctx.text[q_end - 1].isspace():
            q_end -= 1
        if only is not None and k not in only:
            if _WORD_CHAR.search(sh, q_start, q_end):  # (as below; made the fast way)
                out.append(_quote("scare", ctx.text[q_start:q_end], q_start, q_end, None,
                                  None, None, None, mk.closed, "none", -1, -1, -1, -1, None))
            continue
        prev_close = marked[k - 1].end + 1 if k else 0
        next_open = marked[k + 1].open if k + 1 < len(marked) else len(sh)
        s_start, _ = ctx.sentence(max(mk.open, 0))
        colon = _last_char_before(sh, max(0, s_start - 5), s_start)
        if colon >= 0 and sh[colon] == ":" and prev_close <= colon:
            # 'Cruz continued:' closing the paragraph before the quote: its cue
            s_start = ctx.sentence(colon)[0]
        before = (max(s_start, prev_close, mk.open - _LOOKBACK), max(mk.open, 0))
        after_start = (mk.close + 1) if mk.close is not None else mk.end
        _, a_end = ctx.sentence(after_start)
        if not hard_from <= after_start <= hard_at:
            hard = _HARD.search(sh, after_start)
            hard_from, hard_at = after_start, hard.start() if hard else len(sh)
        if a_end <= after_start + 1 or hard_at >= a_end \
                or (sh[a_end - 1:a_end] == "." and sh[a_end - 2:a_end - 1].isupper()
                    and _INITIALS_END.search(sh, max(after_start, a_end - 8), a_end)):
            # only soft characters to a_end, or a sentence cut after initials ('"...,"
            # J.B. Poersch said'): the next sentence on the same line goes on
            nxt_s = bisect.bisect_right(ctx.sentence_starts, after_start)
            if not nl_from <= after_start <= nl_at:
                nl_from, nl_at = after_start, sh.find("\n", after_start) % (len(sh) + 1)
            if nxt_s < len(ctx.sentences) and nl_at >= ctx.sentences[nxt_s][0]:
                a_end = ctx.sentences[nxt_s][1]
        after = (after_start, min(a_end, next_open))
        q_text = sh[q_start:q_end]
        if not _WORD_CHAR.search(q_text):
            continue  # a mark with no words after it (a stray closing mark): no quote
        ends_soft = q_text.rstrip().endswith((",", "?", "!", "\u2013", "-")) or \
            sh[after[0]:after[0] + 1] == ","
        if _is_nickname(ctx, q_start, q_end, mk) or _is_title(ctx, q_start, q_end, mk) \
                or not _LETTER.search(q_text):
            # A title or nickname is a term whatever cue is near it: no cue looked for
            # (so are marked numbers: 'in the fashion of "300"').
            out.append(Quote("scare", ctx.text[q_start:q_end], q_start, q_end,
                             closed=mk.closed, cue="none"))
            continue
        cue, spk, verb = _direct_cue(ctx, before, after, q_start, q_end, mk, ends_soft, inside)
        if cue != "before" and _MENTIONED.search(sh, max(s_start, mk.open - 40), mk.open) \
                and _word_count(sh, q_start, q_end) <= _TERM_WORDS:
            # 'phrases like "mostly peaceful"', 'the word "terror"': words mentioned, not
            # said by a speaker after them ('hear phrases like "..." and scoff'; 'Lee said
            # the phrase "..." was wrong' keeps Lee's words)
            out.append(Quote("scare", ctx.text[q_start:q_end], q_start, q_end,
                             closed=mk.closed, cue="none"))
            continue
        prev = None
        if cue == "none":
            candidates = [items[keys[bisect.bisect_left(keys, (keys[j - 1][0], -1))][1]]
                          for keys, items in ((spoken_keys, out), (attr_keys, attributions))
                          if (j := bisect.bisect_left(keys, (mk.open, -1)))]
            prev = _previous_attribution(ctx, candidates, mk.open)
        same_sentence = prev is not None and \
            ctx.sentence_index(prev.start) == ctx.sentence_index(mk.open)
        words_of = _IN_THE_WORDS_OF.search(sh, max(before[0], mk.open - 160), mk.open) \
            if cue == "none" and sh.find("words of", max(before[0], mk.open - 160),
                                          mk.open) >= 0 else None
        if words_of is not None:
            # 'His government, in the words of The Wall Street Journal editorial page,
            # "had descended ..."': whose words they are, like "according to"
            a, b = words_of.span(1)
            m = ctx.mention_before(a, b)
            spk = ctx.speaker_from(m) if m is not None and m.end == b else \
                _tidy(ctx, _Speaker(ctx.text[a:b], None, a, b))
            if spk.text is not None:
                cue, prev = "according", None
        if cue == "none" and not same_sentence \
                and _is_term(ctx, q_start, q_end, s_start, mk, after_start):
            # A short marked phrase with no speech verb near it, inside a sentence: a
            # title, nickname or scare quote, not a voice.
            out.append(Quote("scare", ctx.text[q_start:q_end], q_start, q_end,
                             closed=mk.closed, cue="none"))
            continue
        poss = _POSS_WORDS.search(sh, max(before[0], mk.open - 120), mk.open) \
            if cue == "none" and not same_sentence and (
                sh.find("'s ", max(0, mk.open - 60), mk.open) >= 0
                or sh.find("\u2019s ", max(0, mk.open - 60), mk.open) >= 0) else None
        if poss is not None:
            # 'Mazie Hirono's primal scream: "..."', 'Michelle Obama's slogan "..."': whose
            # words they are
            a, b = poss.span(1)
            m = ctx.mention_before(a, b)
            spk = ctx.speaker_from(m) if m is not None and m.end == b else \
                _tidy(ctx, _Speaker(ctx.text[a:b], None, a, b))
            if spk.text is not None:
                cue, prev = "subject", None
        if cue == "none" and not same_sentence and _WORD_CHAR.search(sh, s_start, mk.open):
            # Inside a sentence with words of its own before the quote ("Cruz coached
            # Trump to "breathe""): the speaker is that sentence's subject.
            subject = _sentence_subject(ctx, before[0], mk.open)
            if not _subject_like(subject.text) or (
                    subject.text.endswith("ing") and " " not in subject.text
                    and _THAT_NEXT.match(ctx.shadow, subject.end)):
                subject = _Speaker()  # "Immediately", "His", "Trump's": no subject;
                # nor 'Noting that "...," X downplayed': a participle opening the sentence
            colon = _last_char_before(sh, before[0], mk.open)
            if colon >= before[0] and sh[colon] == ":":
                # "... doesn't surprise pollster Daron Shaw: "...": the name before the colon
                name = _NAME_END.search(sh, max(before[0], colon - 80), colon)
                prior = _last_word_lower(sh, before[0], name.start(1)) if name else ""
                told = _NAME_TO_OUTLET.search(sh, max(before[0], colon - 80), colon) \
                    if prior == "to" else None
                if told is not None:
                    name, prior = told, ""  # "Kasowitz to CNBC:": who spoke to the outlet
                if name is not None and (prior in _PREPOSITIONS or (
                        prior in ("and", "or") and _COORDINATED_PLACE.search(
                            sh, max(before[0], name.start(1) - 60), name.start(1)))):
                    name = None  # "... celebrated the attacks on Twitter:": a place
                    # (also "on behalf of the ministers of Chile and Peru:")
                elif name is not None and " " not in name.group(1).strip() \
                        and prior.isalpha() and prior not in ctx.roles \
                        and prior not in ("and", "or"):  # ("from Blumenthal and Cohen:")
                    name = None  # "... authority to adjourn Congress:": an object
                if name is not None:
                    near = _Speaker(ctx.text[name.start(1):name.end(1)], None,
                                    name.start(1), name.end(1))
                elif subject.text is None:
                    near = ctx.noun_phrase_before(before[0], colon)
                else:  # "Mr. Smith shot back:": the sentence's subject
                    near = _Speaker()
                near = _tidy(ctx, near)
                if _named_subject(near.text):
                    subject = near
            if subject.text is not None:
                spk, cue, prev = subject, "subject", None
        if prev is not None:
            spk = _Speaker(prev.speaker, prev.actor, prev.speaker_start, prev.speaker_end,
                           prev.speaker_name)
            verb = (_Verb(prev.verb_start, prev.verb_end, prev.verb or "")
                    if same_sentence and prev.verb else None)
            cue = "continued"
        verb_text = ctx.text[verb.start:verb.end] if verb else None
        out.append(_quote(
            "direct", ctx.text[q_start:q_end], q_start, q_end, spk.text, spk.actor,
            verb_text, ctx.verbs.group_of(verb_text), mk.closed, cue, spk.start, spk.end,
            verb.start if verb else -1, verb.end if verb else -1, spk.names or spk.text,
        ))
        if spk.text is not None:
            bisect.insort(spoken_keys, (q_start, len(out) - 1))
    return out


#: A marked phrase of at most this many words, with no speech verb near it, is a term
#: (title, nickname, scare quote), not a quotation.
_TERM_WORDS = 4


# Capitalised words (up to four) right before a position: "... pollster Daron Shaw:".
_NAME_END = re.compile(r"(?<![\w.'-])((?:[A-Z][\w.'-]*\s+){0,3}[A-Z][\w.'-]*)\s*$")
_POSSESSIVES = frozenset({"his", "her", "their", "its", "our", "my", "your"})


@functools.lru_cache(maxsize=4096)
def _subject_like(text: str | None) -> bool:
    """Can the first capitalised words of a sentence be its subject: a name or a
    pronoun; not an adverb ("Immediately"), a possessive ("His", "Trump's") or a
    contraction ("I'd")?"""
    if not _named_subject(text):
        return False
    words = _NP_WORD.findall(text)
    first, last = words[0].lower(), words[-1].lower()
    return not ((first in _POSSESSIVES and len(words) < 2)  # ("His campaign" is one)
                or last.endswith(("'s", "\u2019s", "'d", "\u2019d"))
                or text.endswith(("\u2019s", "\u2019d"))  # (_NP_WORD stops at "\u2019")
                or (len(words) == 1 and first.endswith("ly")))


#: A noun for words, then "like" or "such as", or "the word", right before a quotation:
#: the words are mentioned, not said ('phrases like "mostly peaceful"').
_MENTIONED = re.compile(
    r"\b(?:(?:phrases?|words?|terms?|slogans?|labels?|expressions?|buzzwords?|"
    r"catchphrases?|epithets?|nicknames?)\s+(?:like|such\s+as)|"
    r"(?:the|a)\s+(?:word|phrase|term|slogan|label|expression|buzzword|catchphrase))"
    r"\s*$", re.IGNORECASE)


def _is_term(ctx: _Context, q_start: int, q_end: int, s_start: int, mk: _Marked,
             after_start: int) -> bool:
    """Is the marked phrase a term: short, and part of a sentence of the text's own?"""
    if q_end - q_start > 100 or not mk.closed:  # longer than four words of a term
        return False
    n = _word_count(ctx.shadow, q_start, q_end)
    if not 0 < n <= _TERM_WORDS:
        return False
    sh = ctx.shadow
    colon = _last_char_before(sh, s_start, mk.open)
    if colon >= s_start and sh[colon] == ":":
        return False  # 'Smith shot back: "That would be good."': introduced, a quotation
    words_before = _WORD_CHAR.search(sh, s_start, mk.open) is not None
    _, s_end = ctx.sentence(after_start)
    line = sh.find("\n", after_start, s_end)
    words_after = _WORD_CHAR.search(sh, after_start, s_end if line < 0 else line) is not None
    if not words_before:
        # '"Enough," the crowd chanted': a short quote opening its sentence is a voice
        # unless the sentence goes on with no break ('"Rage" is a book ...').
        soft = sh[q_start:q_end].rstrip().endswith((",", "?", "!", ".")) or \
            sh[after_start:after_start + 1] in (",", ":")
        return words_after and not soft
    return True


#: Small words a title in Title Case leaves in lower case (headlines and show titles).
_TITLE_SMALL = frozenset({"of", "the", "a", "an", "and", "with", "for", "on", "in", "to",
                          "at", "by", "from", "or", "is", "&"})
_TITLE_WORD = re.compile(r"[\w&][\w'&.-]*")


#: A word that names the title after it: 'a memo entitled "..."', 'an op-ed headlined'.
_ENTITLED = re.compile(r"\b(?:entitled|titled|headlined|subtitled)[ \t]*$", re.IGNORECASE)


def _is_title(ctx: _Context, q_start: int, q_end: int, mk: _Marked) -> bool:
    """The title of a show, book or podcast ("Good Morning America", "The Late Show With
    Stephen Colbert"): two to eight words, each capitalised but for short function words,
    no comma; not a quotation opening its sentence ('"Shut Up," he said')."""
    if mk.close is None:
        return False
    if (ctx.shadow.find("tled", max(0, mk.open - 12), mk.open) >= 0  # (literals first:
            or ctx.shadow.find("lined", max(0, mk.open - 12), mk.open) >= 0) \
            and _ENTITLED.search(ctx.shadow, max(0, mk.open - 20), mk.open):  # every mark)
        return True  # 'a document entitled "I have a place to offer"': whatever its words
    if q_end - q_start > 150:  # eight words of a title fit in 150
        return False
    inner = ctx.shadow[q_start:q_end].rstrip(" .,")  # ('In his book, "Doomed to Succeed,"')
    if "," in inner or ";" in inner or "?" in inner or '"' in inner or inner.endswith("!"):
        return False
    words = _TITLE_WORD.findall(inner)
    if not 1 <= len(words) <= 8 or not words[0][:1].isupper():
        return False
    if len(words) == 1:
        # one word is a title only right after a cue verb and "on" or a word for a show
        # ('joked on "Newsmakers."', 'told the program "Today"'), its sentence going on
        # before it
        return _TITLE_ONE.search(ctx.shadow, max(0, mk.open - 40), mk.open) is not None \
            and _WORD_CHAR.search(ctx.shadow, ctx.sentence(mk.open)[0], mk.open) is not None
    if not all(w[:1].isupper() or w[:1].isdigit() or w.lower() in _TITLE_SMALL
               for w in words):
        return False
    s_start, _ = ctx.sentence(mk.open)
    if _WORD_CHAR.search(ctx.shadow, s_start, mk.open) is None:
        return False
    # two words are a title only after a word that introduces one ('on "This Week"',
    # 'ABC's "Shark Tank"', 'the "Off Message" podcast'), not 'a new "Cold War."'
    return len(words) > 2 or _TITLE_CUE.search(ctx.shadow, max(0, mk.open - 20),
                                               mk.open) is not None


_TITLE_CUE = re.compile(
    r"\b(?:on|in|the|'s|s'|titled|entitled|called|named|show|podcast|book|film|movie|"
    r"series|program|programme|album|song|newspaper|magazine|column|blog|ad)\s*,?\s*$",
    re.IGNORECASE)
#: Initials ending a sentence span ("J.B.", " A."): the sentence splitter's cut inside a
#: name.
_INITIALS_END = re.compile(r"(?<![\w.])(?!(?:U\.S|U\.N|U\.K|D\.C|E\.U)\.)(?:[A-Z]\.){1,3}\s*$")
_TITLE_ONE = re.compile(
    r"(?:\b[a-z]{3,}(?:ed|s)\s+on|\b(?:show|program|programme|podcast|series|broadcast|"
    r"newspaper|magazine|titled|entitled|memoir|book|documentary|film|movie|column),?"
    r"|\b(?:a|an|the)\s+[a-z-]+\s+(?:called|named|dubbed))\s*$")
_NAME_BEFORE = re.compile(r"[A-Z][\w.'-]*[ \t]$")
_NAME_AFTER = re.compile(r"[ \t][A-Z][\w'-]*")


def _is_nickname(ctx: _Context, q_start: int, q_end: int, mk: _Marked) -> bool:
    """William "Mo" Cowan: one or two marked words between two parts of a name."""
    if mk.close is None or not ctx.shadow[q_start:q_start + 1].isupper():
        return False
    if _NAME_AFTER.match(ctx.shadow, mk.close + 1) is None \
            or _words_over(ctx.shadow, q_start, q_end, 2):
        return False
    return _NAME_BEFORE.search(ctx.shadow, max(0, mk.open - 40), mk.open) is not None


def _previous_attribution(ctx: _Context, items: Iterable[Quote], pos: int) -> Quote | None:
    here = ctx.paragraph_index(pos)
    best = None
    for q in items:
        if q.speaker is None or q.start >= pos:
            continue
        if here - ctx.paragraph_index(q.start) > 1:
            continue
        if best is None or q.start > best.start:
            best = q
    return best


#: Lower-case letters opening a quote (a verb opening it: 'Belousov then "underlined ...').
_LOWER_LETTERS = re.compile(r"[a-z]+")
#: "to" or "with" after "compared": a preposition ('"progress," compared to the old plan').
_COMPARED_TO = re.compile(r"\s+(?:to|with)\s")
#: A subject pronoun right after a verb: what it says follows ("said he doubts ...").
_CLAUSE_AFTER_VERB = re.compile(r"\s+(?:he|she|they|it|we|I)\s+[a-z]")
#: "to" and a verb after a verb: "continued to pose" (no speech).
_TO_VERB_AFTER = re.compile(r"\s+to\s+[a-z]")


#: Only capitalised words (and "of", "the", "and" between them) after a quotation: a long
#: title and a name ('"...," Secretary of State of the Commonwealth of Kentucky Michael
#: G. Adams tweeted').
_TITLED_RUN = re.compile(r"[\s\"\u201d]*[A-Z][\w.'-]*(?:\s+(?:[A-Z][\w.'-]*|of|the|and))*\s+")


#: A passive of describing right before a quotation: 'was described as "...'.
_DESCRIBED_AS = re.compile(r"\b(?:was|were|is|are|been|being)\s+(?:[a-z]+ly\s+)?"
                           r"(described|called|dubbed|labeled|labelled|branded|characterized|"
                           r"characterised|termed)\s+(?:as\s+)?[^\w]*$")
#: The agent right after a quotation: '" by Idaho Republican Rep. Raul Labrador.'
_AGENT_AFTER = re.compile(r"[\s,\"\u201d']*by\s+((?:[A-Z][\w.'-]*\s+){0,5}[A-Z][\w'-]*)"
                          r"(?=\s*[.,;]|\s*$)")


def _direct_cue(ctx, before, after, q_start, q_end, mk, ends_soft, inside):
    sh = ctx.shadow
    # up to ten words after the quote, or more when a comma insertion ends right before
    # the verb ('..." Robert Peck, managing director and analyst at X, told me.')
    # Only the first verb after the quote and the last one before it are used: find
    # those, nearest first, counting words only as far as needed.
    after_verb = None
    for v in ctx.verbs_in(*after, inside):
        n = _word_count(sh, after[0], v.start)
        if n > 25:
            break
        if n and v.form.endswith("ing") \
                and sh[_last_char_before(sh, after[0], v.start)] != ",":
            continue  # ('"...," is one common saying', '"..." symbol identifying'): a
            # participle or noun in the sentence going on, not the quote's cue
        if n and ((ctx.verbs.lemma(v.form) in _NAMING
                   and sh[v.end:v.end + 3].lstrip(" ,")[:1] in _DOUBLES)
                  or _ARTICLE_THEN_MARK.match(sh, v.end)):
            break  # ('"Sons of Trump" is a show called "Brokers"', 'The "promise zone"
            # program, coming after Johnson pledged a "war on poverty"'): the next quote's
        if n and v.form in ctx.verbs.quote_only and _TO_VERB_AFTER.match(sh, v.end):
            continue  # ('... The candidate shot a glance and continued to pose'): no cue
        if n and v.form.endswith("ed") and sh.startswith(" by ", v.end) \
                and _last_word_lower(sh, after[0], v.start) not in _AUXILIARIES:
            continue  # ('"a bit of sham," a characterization rejected by the chairman'):
            # a participle after a noun, no cue (not 'X was quoted by Interfax as saying')
        if n and _after_determiner(sh, after[0], v.start):
            continue  # ('"bridges to nowhere," two proposed projects'): an adjective
        if v.form == "compared" and _COMPARED_TO.match(sh, v.end):
            continue  # ('is "progress," compared to ...'): a preposition, no cue
        if n and sh.find("according to", after[0], v.start) >= 0:
            break  # ('"...," according to videos posted online'): the source's own cue
        if (n <= 10 or _comma_aside(sh, after[0], v.start, two=False) is not None
                or (n <= 18 and _TITLED_RUN.fullmatch(sh, after[0], v.start))
                or (ends_soft and _inverted_at_end(ctx, v, after[1]))
                or (ends_soft and n <= 20 and sh.find(" who ", after[0], v.start) >= 0
                    and _WHO_AFTER_NAME.search(sh, after[0], v.start))) \
                and not _passive_before(sh, v) and not _infinitive(sh, v) \
                and not _own_sentence(ctx, q_end, v):
            if sh.find(", wh", max(after[0], v.start - 40), v.start) >= 0 \
                    and _RELATIVE_BEFORE.search(sh, max(after[0], v.start - 40), v.start) \
                    and _word_count(sh, after[0], v.start) > 1:
                continue  # '"...," Cruz, who has proposed ..., said': not "proposed"
            after_verb = v
            break
    if sh.startswith(" by", after[0]) or sh.startswith(" by", after[0] + 1):
        agent = _AGENT_AFTER.match(sh, after[0], after[1])
        described = _DESCRIBED_AS.search(sh, max(before[0], before[1] - 40), before[1]) \
            if agent is not None else None
        if described is not None:
            # 'The meeting was described as "somber" by Rep. Raul Labrador.': the agent
            a, b = agent.span(1)
            named = ctx.mention_before(a, b + 1)
            spk = ctx.speaker_from(named) if named is not None and named.end == b \
                else _Speaker(ctx.text[a:b], None, a, b)
            return "after", spk, _Verb(described.start(1), described.end(1), described.group(1))
    before_verb = None
    for v in reversed(ctx.verbs_in(*before, inside)):
        if _words_over(sh, v.end, before[1], 25):
            break
        if (v.form in _NAMING_PARTICIPLES or v.form in _AS_PARTICIPLES) and (
                (v.form in _NAMING_PARTICIPLES and not sh[v.end:before[1]].strip(" ,:")
                 and _NAMED_BEFORE.search(sh[max(before[0], v.start - 30):v.start]))
                or (_NAMING_ADVERB.search(sh, max(before[0], v.start - 20), v.start)
                    and _AS_ONLY.fullmatch(sh, v.end, before[1]))):
            break  # 'policies, often called "place-based" policies', 'that species
            # variously identified as "establishment"': a name the text gives them, no
            # one speaks
        if not _passive_before(sh, v) and not _after_determiner(sh, before[0], v.start) \
                and not (_infinitive(sh, v) and _last_word_lower(sh, before[0], v.start - 3)
                         .endswith(("ed", "told"))):
            before_verb = v  # (not "in a mock trial": a verb form after a determiner;
            break  # nor "asked to confirm": the verb before governs an infinitive)
    naming = before_verb is not None and ctx.verbs.lemma(before_verb.form) in _NAMING \
        and not sh[before_verb.end:before[1]].strip(" ,:as")
    if before_verb is not None and after_verb is not None \
            and _CLAUSE_AFTER_MARK.match(sh, after[0], after_verb.start):
        after_verb = None  # ('X said it came "like a thunderbolt," though supporters
        # acknowledge ...': the verb after the quote is another clause's)
    introduced = before_verb is not None and after_verb is not None \
        and ctx.verbs.lemma(after_verb.form) == "report" \
        and sh[before_verb.end:before[1]].strip() == ":"
    if after_verb and ends_soft and not naming and not introduced and not (
            before_verb and (_NEW_CLAUSE.match(sh, after[0], after_verb.start)
                             or _goes_on(sh, after[0], after_verb))):
        # (not 'X said he "...," and he said ...': a new clause after the quote; nor
        # 'X called Trump a "blowhard," and said ...', 'fans chanted, "Build a wall,"
        # referring to ...': the sentence goes on with the subject before the quote; nor
        # 'Ann Lee said: "...," the Post reported': the colon introduces who speaks, the
        # outlet's report is where it was read)
        spk, verb = _after_speaker(ctx, after, after_verb)
        if spk.text is not None or before_verb is None \
                or not _CLAUSE_AFTER_VERB.match(sh, after_verb.end, after[1]):
            return "after", spk, verb
        # ('Humphrey, who calls Trump a "sociopath," said he doubts ...': "said" opens
        # the sentence's own clause, no one after it speaks: the cue before the quote)
    if before_verb:
        last = _last_char_before(sh, before[0], before[1])
        tail = (_NAME_VERB_BEFORE.search(sh, max(before[0], before[1] - 80), before[1])
                if last >= before[0] and sh[last] in ",:" else None)
        if tail is not None and tail.start("np") >= before_verb.end \
                and tail.group("np").lower() not in _OPENERS \
                and tail.group("np").split()[0].lower() not in _FUNCTION_WORDS:
            # 'After Brown criticized Bill, Hillary shot back, "..."': the name and verb
            # (no lexicon verb) right before the quote, not the clause before them
            a, b = tail.span("np")
            return "subject", ctx.resolve_pronoun(_Speaker(ctx.text[a:b], None, a, b)), None
        spk = _subject(ctx, before[0], before_verb)
        if spk.text is not None and spk.text.endswith((" that", " which")) \
                and ctx.verbs.lemma(before_verb.form) == "read":
            # 'signs leading to Hawkins, Texas that read "..."': what the words are
            # written on (before: "Texas that")
            signs = list(_WRITTEN_ON.finditer(sh, max(before[0], spk.end - 120), spk.end))
            if signs:
                a, b = signs[-1].span(1)
                spk = _Speaker(ctx.text[a:b], None, a, b)
        if spk.text is None and not _WORD_CHAR.search(sh, before[0], before_verb.start):
            # '"A," said the Ohio senator, "B."': the speaker after the verb, for B too
            spk = _tidy(ctx, ctx.noun_phrase_after(before_verb.end, before[1]))
        return "before", spk, before_verb
    if after_verb:
        return ("after", *_after_speaker(ctx, after, after_verb))
    # The verb opens the quote: Belousov then "underlined the danger ..."
    first = _LOWER_LETTERS.match(sh, q_start, q_end)
    if first and first.group() in ctx.verbs.forms and first.group().endswith("ed"):
        m = ctx.mention_before(before[0], before[1])
        if m is not None and _word_count(sh, m.end, before[1]) <= 2:
            return ("inside", ctx.speaker_from(m), _Verb(q_start, first.end(), first.group()))
        np = _tidy(ctx, ctx.noun_phrase_before(before[0], before[1]))
        if m is None and _named_subject(np.text) and _word_count(sh, np.end, before[1]) <= 2:
            return "inside", np, _Verb(q_start, first.end(), first.group())
    # A heading such as "Scholz: Germany needs ...", "Kremlin spokesman Peskov: ..."; not
    # a name ending a clause ("... authority to adjourn Congress: "...""): few words before
    colon = sh.rfind(":", before[0], before[1])
    if colon >= 0:
        m = ctx.mention_before(before[0], colon)
        if m is not None and not sh[m.end:colon].strip() \
                and _word_count(sh, before[0], m.start) <= 4:
            return "colon", ctx.speaker_from(m), None
    inv = _VERB_NAME_AFTER.match(sh, after[0], after[1]) if ends_soft else None
    if inv is not None:
        # '"Choke!" blared the front page of The Boston Herald.': an inverted verb outside
        # the lexicon, then who spoke, ending the sentence
        a, b = inv.span("np" if inv.group("np") is not None else "name")
        spk = _tidy(ctx, _Speaker(ctx.text[a:b], None, a, b))
        if _named_subject(spk.text):
            return "after", spk, None
    tail = _NAME_VERB_AFTER.match(sh, after[0], after[1]) if ends_soft else None
    if tail is not None and tail.group("np").lower() not in _OPENERS \
            and tail.group("np").split()[-1].lower() not in _FUNCTION_WORDS:
        # '"...," Bennett shot back with a laugh.', '"...," an angry Hollande retaliated.':
        # a name (or a phrase with an article) and a verb outside the lexicon
        a, b = tail.span("np")
        return "after", ctx.resolve_pronoun(_Speaker(ctx.text[a:b], None, a, b)), None
    put = (_AS_PUT_IT.search(sh, max(before[0], before[1] - 250), before[1])
           if sh.find(" put", max(before[0], before[1] - 12), before[1]) >= 0 else None)
    if put is not None:
        # 'As Akhil Amar, professor at Yale, put it, "..."': the name (before its aside)
        a = put.start("np")
        b = sh.find(",", a, put.end("np"))
        b = put.end("np") if b < 0 else b
        spk = _tidy(ctx, _Speaker(ctx.text[a:b], None, a, b))
        if _named_subject(spk.text):
            return "before", ctx.resolve_pronoun(spk), None
    k = ctx.sentence_index(mk.open)
    if k > 0 and not _WORD_CHAR.search(sh, before[0], before[1]):
        # 'Ann Lee agreed. "The party is out of time."': a short sentence of a name and a
        # verb (no lexicon verb) right before, in the same paragraph
        ps, pe = ctx.sentences[k - 1]
        intro = _SHORT_INTRO.match(sh, ps, pe) or _CLAUSE_INTRO.search(sh, max(ps, pe - 80),
                                                                       pe)
        if intro is not None and "\n" not in sh[pe:mk.open] \
                and intro.group("np").lower() not in _OPENERS:
            a, b = intro.span("np")
            return "before", ctx.resolve_pronoun(_Speaker(ctx.text[a:b], None, a, b)), None
    acc = ctx.according_in(before[0], before[1])
    if acc and sh[acc[-1][1]:before[1]].strip().lower() in ("", "the", "a", "an"):
        acc = []  # ('according to the "advance" estimate': the quote names the source)
    stop = before[1]
    if not acc:
        # '"It failed," according to Ann Lee.': right after the quote
        acc = [a for a in ctx.according_in(after[0], after[1])
               if not sh[after[0]:a[0]].strip(" ,\u2014\u2013-")][:1]
        stop = _SOURCE_END.search(sh, acc[0][1], after[1]).start() if acc else stop
    if acc:
        a_start, a_end = acc[-1]
        comma = sh.find(",", a_end, stop)
        stop = comma if comma >= 0 else stop
        m = ctx.mention_before(a_end, stop)
        text = ctx.text[a_end:stop].strip()
        spk = (_Speaker(text, m.actor if m else None, a_end, a_end + len(text)) if text
               else _Speaker())
        return "according", spk, _Verb(a_start, a_start + len("according to"), "according to")
    dash = _DASH_NAME.match(sh, after[0])
    if dash is not None and sh.count("\n", after[0], dash.start("np")) <= 2:
        # '"I will look into it." - Hillary Clinton.': a dash and a name after the quote
        # (on its line, or opening the next paragraph), ending a sentence or before a comma
        a, b = dash.span("np")
        spk = _tidy(ctx, _Speaker(ctx.text[a:b], None, a, b))
        if _named_subject(spk.text):
            return "after", spk, None
    return "none", _Speaker(), None


#: A dash and a name right after a quote, then the end of the sentence or a comma: '" -
#: Hillary Clinton.', '" -- Sen. Ann Lee, on Twitter'.
_DASH_NAME = re.compile(
    r"\s*(?:-{1,2}|[\u2013\u2014])[ \t]*(?P<np>(?:[A-Z][\w.'-]*[ \t]+){0,3}[A-Z][\w'-]*)"
    r"[ \t]*(?:[.,;]|$)", re.MULTILINE)


def _inverted_at_end(ctx: _Context, v: _Verb, end: int) -> bool:
    """'"...," since so many cases were close, said Ann Lee, a lawyer.': an inverted verb
    after a comma, a name after it, and nothing after the name but its role."""
    sh = ctx.shadow
    k = _last_char_before(sh, 0, v.start)
    if k < 0 or sh[k] != "," or ctx.verbs.lemma(v.form) not in _INVERTING:
        return False
    spk = ctx.noun_phrase_after(v.end, end)
    if spk.text is None or not spk.text[:1].isupper():
        return False
    rest = sh[spk.end:end].strip(" .!?")
    return not rest or rest.startswith(",")


# The relative pronoun right before a verb, perhaps with auxiliaries and adverbs: "Ann
# Lee, who has long criticized", "an official who first said".
#: A sentence opening with a short phrase and a relative clause on "who" up to the verb:
#: "Foreign diplomats who were briefed on the outlines of a deal (said)".
#: People of a place or body right before its name: "health officials in ", "members of
#: the ".
_PEOPLE_OF = re.compile(r"(?:\b[a-z]+\s+)?\b(?P<noun>[a-z]+)\s+(?:in|at|of|from|for)\s+"
                        r"(?:the\s+)?$")
#: A verb right after a lexicon verb's -s form: that form is a plural noun ("advocates
#: hoped", "the group's advocates were").
_VERB_AFTER_PLURAL = re.compile(r"\s+(?:were|are|have|had|hope|hoped|want|wanted|believe|"
                                r"believed|fear|feared|worry|worried|will|would|can|could|may|"
                                r"might|should|must|do|did|also|often|still)\b")
_NEXT_WORD = re.compile(r"[ \t]+([a-z]+)\b")
#: What a court dismisses: "dismissed the case", "dismissed all charges against him".
_COURT_OBJECT = re.compile(r"\s+(?:(?:the|a|an|all|both|his|her|their|its)\s+)?"
                           r"(?:[\w-]+\s+)?(?:case|cases|suit|suits|lawsuit|lawsuits|"
                           r"charge|charges|complaint|appeal|motion|indictment|petition)\b")
#: Prepositions between a head noun and where it is: "workers at the plant".
_HEAD_PREPOSITIONS = frozenset({"at", "in", "from", "of", "for", "with", "across"})
#: A finite verb's look: an auxiliary or a past tense ("and the governor tripped up").
_FINITE_HINT = re.compile(r"\b(?:is|are|was|were|has|have|had|will|would|can|could|did|does|"
                          r"do|[a-z]{3,}ed)\b")
_REFLEXIVES = frozenset({"himself", "herself", "themselves", "itself", "myself", "ourselves",
                         "yourself", "yourselves"})
#: A capitalised name of two to four words right after a body's possessive, then the
#: end of the sentence or a comma: "(National Review's) David French."
_NAME_AFTER_OWNER = re.compile(r"\s+([A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*){0,2}\s+[A-Z][\w'-]*)"
                               r"(?=\s*[.,;]|\s*$)")
#: Someone who speaks for a person, before "for" and the person's name (perhaps after a
#: title): "a spokesperson for (Gov.) ", "the lawyer for ".
_VOICE_FOR = re.compile(r"(?<![\w'-])(?:[Aa]n?|[Tt]he|[Hh]is|[Hh]er|[Tt]heir)\s+(?:[a-z]+\s+)?"
                        r"(?:spokes(?:man|woman|person)|lawyer|attorney|aide|adviser|advisor|"
                        r"representative|press\s+secretary)\s+for\s+(?:[A-Z][\w.]*\s+)?$")
#: A comma and a conjunction that opens a new clause ("..., but critics who ...").
_CLAUSE_JOINT = re.compile(r",\s+(?:but|and(?:\s+yet)?|while|yet|whereas|although|though)\s+")
_SUBJECT_WHO = re.compile(  # ("that" opening a clause whose verb comes first: "The group
    # that kidnapped Ann Lee demanded", not "Reports that Lee ...", "The fact that the")
    r"[\s\"'(\u201c]*(?P<np>[A-Za-z][\w'-]*(?:[ \t]+[\w'.-]+){0,4}?)[ \t]+"
    r"(?:who|that(?=[ \t]+(?!(?:the|a|an|he|she|it|they|we|I|you|there|this|his|her|its|"
    r"their|our)\b)[a-z]+(?:ed|[^s]s)\b))[ \t]+"
    r"[^,;:\"\n\u201c\u201d]{3,120}?[ \t]+")
_WHO_BEFORE = re.compile(
    r"(?<![\w.'-])(who|which)\s+(?:(?:has|have|had|also|once|first|then|later|previously|"
    r"repeatedly|often|never|not|already|recently|long|since|[a-z]+ly)\s+){0,2}"
    # a time phrase: "who earlier this year voiced", "who on Monday (also) said"
    rf"(?:(?:(?:earlier|later)\s+)?(?:this|last)\s+(?:year|month|week)\s+|on\s+(?:{_DAYS})\s+)?"
    r"(?:(?:has|have|had|also|then|later|again|[a-z]+ly)\s+){0,2}$")
# A name (or he/she/they) and a verb outside the lexicon right before a quote, after a
# comma or a sentence's start: ', Hillary shot back, "', '. Trump tweeted: "'.
_NAME_VERB_BEFORE = re.compile(
    r"(?:^|[,;]\s*|[.!?]\s+)(?P<np>(?:[A-Z][\w.'-]*\s+){0,3}[A-Z][\w'-]*|he|she|they)\s+"
    r"(?:[a-z]+ly\s+)?(?:[a-z]{3,}(?:ed|s)|[a-z]{3,}\s+(?:back|out|up|off))\s*[,:]\s*$")
# The same right after a quote that ends with a comma, ! or ?: '"...," Bennett shot back'.
_NAME_VERB_AFTER = re.compile(
    r"[\s,]*(?P<np>(?:(?:the|an?)\s+(?:[a-z][\w-]*\s+){0,2})?(?:[A-Z][\w.'-]*\s+){0,3}"
    r"[A-Z][\w'-]*|(?:the|an?)\s+(?:[a-z][\w-]*\s+)?[a-z][\w-]*|he|she|they)\s+"
    r"(?:[a-z]+ly\s+)?(?:[a-z]{3,}(?:ed|s)|[a-z]{3,}\s+(?:back|out|up|off))\b")
# A sentence of a name (or a pronoun) and a verb only: "Iowa State's Ann Lee agreed.",
# "He disagreed.", "Trump shot back:".
_SHORT_INTRO = re.compile(
    r"\s*(?P<np>(?:[A-Z][\w.'-]*\s+){0,4}[A-Z][\w'-]*|[Hh]e|[Ss]he|[Tt]hey)\s+"
    r"(?:[a-z]+ly\s+)?[a-z]{3,}(?:\s+(?:back|out|up|in|on|off))?\s*[.:]\s*$")
_VERB_NAME_AFTER = re.compile(
    r"[\s,]*[a-z]{3,}ed\s+(?:(?P<np>(?:the|a|an)\s+[\w' -]{2,80}?)|(?P<name>(?:[A-Z][\w.'-]*"
    r"\s+){0,3}[A-Z][\w'-]*)(?:\s+of\s+[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*){0,2})?"
    r"(?:\s*,[^\"\n]{0,200}?)?)\s*[.!?]?\s*$")
# "As X put it, ": who put it so speaks the quote after it.
_AS_PUT_IT = re.compile(r"\b[Aa]s\s+(?P<np>[^\"\n]{2,200}?),?\s+(?:puts|put)\s+it\s*[,:]?\s*$")
# The same as the last clause of the sentence before: '..., and her husband cut in.'
_CLAUSE_INTRO = re.compile(
    r"(?:,\s+and|;)\s+(?P<np>(?:the|his|her|their)\s+[a-z]+|(?:[A-Z][\w.'-]*\s+){0,3}"
    r"[A-Z][\w'-]*|he|she|they)\s+(?:[a-z]+ly\s+)?[a-z]{3,}"
    r"(?:\s+(?:back|out|up|in|on|off))?\s*[.:]\s*$")
# A verb of a relative clause: ", who has proposed", "who first said".
_RELATIVE_BEFORE = re.compile(
    r",\s+(?:who|which)\s+(?:(?:has|have|had|is|was|also|once|first|previously|not|never|"
    r"[a-z]+ly)\s+){0,2}$")
#: Verbs that name what follows them: 'what Mr. Hedge called "the prior model," the club
#: charged ...' is Mr. Hedge's phrase, whatever verb follows the quote.
_NAMING = frozenset({"call", "dub", "describe", "term", "label", "brand"})
_BE_FORMS = frozenset({"was", "were", "been", "being", "is", "are", "be"})
_LETTER = re.compile(r"[^\W\d_]")
#: One lower-case word and the end of the sentence after "that": "dismissed that letter."
#: (not "that Mr. Trump ...")
_THAT_WORD_END = re.compile(r"[a-z][\w'-]*[.!?;](?:\s|$)")
#: A relative "who" after a word, no comma before it: 'a Foreign Service officer who works
#: at the State Department (told me)'.
_WHO_AFTER_NAME = re.compile(r"(?<=\w) who ")
#: An adverb of usage right before a naming participle: "variously identified as".
_NAMING_ADVERB = re.compile(r"\b(?:often|sometimes|commonly|widely|popularly|variously|"
                            r"loosely|alternately|informally|officially)\s+$")
#: Participles that name with "as" ("identified as", "described as", "known as").
_AS_PARTICIPLES = frozenset({"identified", "described", "known", "referred", "characterized"})
#: Nothing, "as" or "to as" between a naming participle and the quote.
_AS_ONLY = re.compile(r"\s*(?:(?:to\s+)?as\s*)?[,:]?\s*")
#: A name's words named right before a quote: "Mazie Hirono's primal scream:", "Michelle
#: Obama's now-famous slogan".
_POSS_WORDS = re.compile(
    r"((?:[A-Z][\w.'-]*\s+){0,3}[A-Z][\w-]*)['\u2019]s\s+(?:[\w-]+\s+){0,2}(?:scream|statement|"
    r"words|message|response|reply|tweet|slogan|motto|line|answer|retort|remark|remarks|"
    r"comment|comments|warning|plea|promise|pledge|vow|mantra|refrain|cry|quip|catchphrase|"
    r"phrase|demand)\s*:?\s*$")
#: A conjunction opening another clause right after a closing mark ('"...," though').
_CLAUSE_AFTER_MARK = re.compile(r"[\s,]*(?:though|although|while|whereas|because)\s")
#: An article and an opening mark right after a verb: 'pledged a "war on poverty"'.
_ARTICLE_THEN_MARK = re.compile(r"\s+(?:a|an|the)\s+\"")
#: Participles that name what follows them, and what may stand before one that has no
#: subject: a comma or the opening of the text (perhaps and an adverb): ", often called".
_NAMING_PARTICIPLES = frozenset({"called", "dubbed", "termed", "labeled", "labelled",
                                 "branded", "nicknamed"})
_NAMED_BEFORE = re.compile(r"(?:^|[,(])\s*(?:(?:often|sometimes|also|commonly|"
                           r"widely|popularly|generally|usually|frequently|once|now|"
                           r"officially|informally|aptly|so|variously|collectively)\s+)?$")
_ELLIPTIC = frozenset({"when", "if", "unless", "once", "as", "until", "though", "although"})
# After a quote: a coordinator and a subject of its own ("and he said", "but Smith added")
#: What stands between a quote and a verb that goes on with the sentence's subject: "and"
#: or "but" (and an adverb), or nothing before a participle: '"...," and said', '"...,"
#: referring to'.
_GOES_ON = re.compile(r"[\s,]*(?:(?P<conj>and|but)\s+(?:[a-z]+ly\s+|also\s+|then\s+)?)?")


def _goes_on(sh: str, pos: int, v: _Verb) -> bool:
    """Does ``v``, after a quote ending at ``pos``, go on with the subject of the
    sentence before the quote ("and said", "but also called", or a participle right
    after it: "referring to")?"""
    m = _GOES_ON.fullmatch(sh, pos, v.start)
    return m is not None and (m.group("conj") is not None or v.form.endswith("ing"))
_NEW_CLAUSE = re.compile(r"[\s,]*(?:and|but)\s+(?:he|she|they|we|I|[A-Z][\w.'-]*)\b")


def _own_sentence(ctx: _Context, q_end: int, v: _Verb) -> bool:
    """Is ``v`` in a sentence after the quote's that says more than who spoke ('"Build the
    wall." And Trump decried an increase in ...'), not a bare cue ('"It is over." Lee
    said.')?"""
    k = ctx.sentence_index(v.start)
    if k == ctx.sentence_index(max(0, q_end - 1)):
        return False
    if ctx.shadow[q_end - 1:q_end] in ("?", "!") and 0 < _word_count(ctx.shadow, q_end,
                                                                      v.start) <= 3:
        # '"Is it two? Three?" Ann Lee asks as a man walks in': a question or an
        # exclamation ends no sentence of the text's own; a name and a verb follow it
        return False
    return _word_count(ctx.shadow, v.end, ctx.sentences[k][1]) > 6


def _infinitive(sh: str, v: _Verb) -> bool:
    """"..., while trying to explain her plan": a base form after "to" is no cue of the
    quote before it."""
    return v.start >= 3 and sh[v.start - 3:v.start] == "to " and \
        (v.start == 3 or not sh[v.start - 4].isalnum())


#: Words after which a base form is a finite verb with a subject before ("did not
#: mention X", "will praise", "they criticize"), not an infinitive or an imperative.
_BEFORE_FINITE_BASE = frozenset({
    "did", "does", "do", "will", "would", "could", "can", "should", "must", "may", "might",
    "not", "never", "didn't", "doesn't", "don't", "won't", "wouldn't", "can't", "couldn't",
    "shouldn't", "they", "we", "i", "you", "also", "often", "still", "now",
}) | _PEOPLE


def _finite_base(sh: str, lo: int, pos: int) -> bool:
    """Is the base form at ``pos`` a finite verb: after an auxiliary or "not" ("did not
    mention"), a plural pronoun or a plural noun for people ("critics praise")? Not after
    "to" (an infinitive's subject is elsewhere) or at a sentence start (an imperative)."""
    words = _WORDS_BEFORE.findall(sh, max(lo, pos - 40), pos)
    if not words:
        return False
    word = words[-1].lower()
    if word in _SOFT_BEFORE_BASE:  # "they also praise", "did not mention"
        return len(words) > 1 and words[-2].lower() in _BEFORE_FINITE_BASE
    return word in _BEFORE_FINITE_BASE


_WORDS_BEFORE = re.compile(r"[\w']+")
_SOFT_BEFORE_BASE = frozenset({"also", "often", "still", "now", "not", "never"})


def _last_word_lower(sh: str, lo: int, pos: int) -> str:
    """The word right before ``pos`` (within ``[lo, pos)``), lower case."""
    k = _last_char_before(sh, lo, pos)
    j = k
    while j > lo and sh[j - 1].isalpha():
        j -= 1
    return sh[j:k + 1].lower()


#: Adverbs between a form of "be" and a passive participle: "was also granted".
_PASSIVE_ADVERBS = frozenset({"also", "not", "never", "just", "already", "still", "then",
                              "later", "first", "since", "now", "reportedly"})


def _passive_before(sh: str, v: _Verb) -> bool:
    """"without being told to "smile"", "was asked": a passive verb is no cue here (but
    "was quoted as saying" is)."""
    if v.form == "quoted" or not v.form.endswith(
            ("ed", "told", "said", "asked", "written", "spoken")):
        return False
    k = _last_char_before(sh, max(0, v.start - 30), v.start)
    for _ in range(2):
        j = k
        while j > 0 and (sh[j - 1].isalpha() or sh[j - 1] == "'"):  # (also "Trump's")
            j -= 1
        word = sh[j:k + 1].lower()
        if word not in _PASSIVE_ADVERBS and not (word.endswith("ly") and len(word) > 4
                                                 and word not in _LY_NOUNS):
            break  # (not "The family said": a noun in -ly)
        k = _last_char_before(sh, max(0, j - 30), j)  # "was also granted": the word before
    # also "when asked about it": a participle after a conjunction, its "be" left out;
    # and "a written statement", "his alleged affair", "preliminary written interviews":
    # an adjective after a determiner or another adjective
    return word in _BE_FORMS or (word in _ELLIPTIC and v.form.endswith(("ed", "told"))) \
        or word in _DETERMINERS or word.endswith(("'s", "s'")) \
        or (v.form in ("written", "spoken") and word.endswith(_ADJECTIVE_SUFFIXES))


#: A determiner (and adjectives) right before a name: "a " of "a CNN producer", "the
#: former " of "the former CNN anchor".
#: A capitalised possessive ending the words: "(an acquaintance of) Zehaf-Bibeau's".
_OWNER_BEFORE = re.compile(r"(?<![\w'-])[A-Z][\w.'\u2019-]*(?:[ \t]+[A-Z][\w.'\u2019-]*){0,2}$")
#: A plural and a preposition right before a body's name: "whistleblowers within the ".
_PLURAL_OF = re.compile(r"(?<![\w'-])([a-z][\w-]*s)[ \t]+(?:within|at|in|of|from|for|inside)"
                        r"[ \t]+(?:the[ \t]+)?$")
#: Capitalised words right before a name ("Democratic (Congress)").
_CAPITALS_BEFORE = re.compile(r"(?<![\w.'-])(?:[A-Z][\w.'-]*[ \t]+)+$")
#: A determiner's phrase and "of" before a possessive: "an acquaintance of (Lee's)".
_OWNED_OF = re.compile(r"(?<![\w'-])((?:a|an|the|one|another)[ \t]+(?:[a-z][\w-]*[ \t]+){0,2}"
                       r"of)[ \t]+$")
_DETERMINER_BEFORE = re.compile(r"(?<![\w'-])((?:a|an|the|one|another)(?:[ \t]+[a-z][\w-]*)?)"
                                r"[ \t]+$")


def _mention_speaker(ctx: _Context, m: Mention, lo: int, hi: int) -> _Speaker:
    """The speaker a listed body or person ``m`` names in the words ``[lo, hi)`` before a
    verb: the mention itself, or, when a body's name (or a person's, owning) only
    qualifies a head noun after it ("the top U.S. general", "U.S. officials", "Padilla's
    office"), that noun's phrase, with the body or person as actor (who speaks for
    them)."""
    pre = (_OF_IN_BEFORE.search(ctx.shadow, max(lo, m.start - 12), m.start)
           if m.kind != "person" and m.start - lo > 6
           and ctx.shadow.find(" ", m.start - 2, m.start) >= 0 else None)
    if pre is not None and not ctx.shadow[m.end:hi].strip():
        # "The leader of Hamas said", "Officials in Yemen told", "A spokesman for Hamas
        # said": the phrase the body or place ends, for it (not the body or place alone)
        np = _tidy(ctx, ctx.noun_phrase_before(lo, hi))
        if np.text is not None and np.start < pre.start() and np.end >= m.end:
            return _Speaker(np.text, m.actor, np.start, np.end, np.names)
    role = _ROLE_COMMA_NAME.match(ctx.shadow, m.end, hi) \
        if m.kind != "person" or m.possessive else None  # (also "Keyser's attorney, ...")
    if role is not None and role.group(1) in ctx.roles:
        np = _tidy(ctx, ctx.noun_phrase_before(lo, hi))
        if np.text is not None and np.start == role.end():
            # '"...," European Union mediator, Foreign Minister Ann Berg, said': the
            # name in the insertion after the role speaks
            person = ctx.first_mention(np.start, np.end)
            return ctx.speaker_from(person) if person is not None \
                and person.kind == "person" else np
    if m.kind == "person" and not m.possessive \
            and ctx.shadow.find(" for ", max(lo, m.start - 30), m.start) >= 0 \
            and (voice := _VOICE_FOR.search(ctx.shadow, max(lo, m.start - 60), m.start)):
        # "A spokesperson for Gov. Northam told": the spokesperson, for him
        a = voice.start()
        return _Speaker(ctx.text[a:m.end], m.actor, a, m.end)
    if m.kind == "person" and m.possessive \
            and (role := _PERSON_ROLE_AFTER.match(ctx.shadow, m.end, hi)) is not None \
            and not _HEAD_AFTER.match(ctx.shadow, m.end, hi):
        # "Mr. Trump's former campaign manager confirmed": the manager, for him
        np = _tidy(ctx, ctx.noun_phrase_before(lo, hi))
        if np.text is not None and np.start <= m.start:
            voice = role.group(1).lower().rstrip("s") in _PERSON_VOICES
            return _Speaker(np.text, m.actor if voice else None, np.start, np.end, np.names)
    if m.kind != "person" or m.possessive:
        # (a person's too, when owned: "Alex Padilla's office said", "a spokesman from
        # Padilla's office told")
        head = _HEAD_AFTER.match(ctx.shadow, m.end, hi)
        if head is None and (three := _HEAD_AFTER_ROLE.match(ctx.shadow, m.end, hi)) \
                and (three.group(2) in ctx.roles or three.group(2).rstrip("s") in ctx.roles
                     or three.group(2) in _PEOPLE):
            head = three  # "A U.S. law enforcement official told": the official
        noun = head.group(head.lastindex) if head is not None else ""  # (its last word)
        if head is not None and head.group(1) not in _FUNCTION_WORDS \
                and head.group(1) not in _AUXILIARIES and head.group(1) not in _TIME_WORDS \
                and not head.group(1).endswith("ly"):
            np = _tidy(ctx, ctx.noun_phrase_before(lo, hi))
            # (a body's nominee, member or critic speaks as a person, not for it: "the
            # GOP nominee said" is no voice of the Republican Party)
            actor = None if head.group(1) in _NOT_FOR_BODY or noun in _NOT_FOR_BODY \
                else m.actor
            if np.text is not None and np.start <= m.start and np.end >= m.end:
                return _Speaker(np.text, actor, np.start, np.end, np.names)
            det = _DETERMINER_BEFORE.search(ctx.shadow, max(lo, m.start - 30), m.start)
            if det is not None:
                # "to show a CNN producer referring to ...": the phrase the body's name is
                # in, from its determiner (not the sentence's subject)
                a, b = det.start(1), head.end(head.lastindex)
                return _Speaker(ctx.text[a:b], actor, a, b)
            if head.lastindex == 2 and " and " in head.group():
                # "Democratic Congress members and staffers told": the capitalised words
                # before the body's name, the body and its people
                run = _CAPITALS_BEFORE.search(ctx.shadow, max(lo, m.start - 40), m.start)
                a = run.start() if run is not None else m.start
                b = head.end(2)
                return _Speaker(ctx.text[a:b], actor, a, b)
    else:
        # "a senior Obama adviser said", "Trump aides said": a person's name qualifying
        # a role of someone else, who speaks; for the person only when speaking for them
        # ("a Clinton spokesman", "the Sanders campaign", "the Obama administration")
        head = _PERSON_ROLE_AFTER.match(ctx.shadow, m.end, hi)
        if head is not None:
            np = _tidy(ctx, ctx.noun_phrase_before(lo, hi))
            if np.text is not None and np.start <= m.start:
                role = head.group(1).lower().rstrip("s")
                return _Speaker(np.text, m.actor if role in _PERSON_VOICES else None,
                                np.start, np.end, np.names)
    return ctx.speaker_from(m)


#: A dash and a noun right before "that": "— moves that", "-- a plan that".
_DASH_THAT = re.compile(r"\s(?:[\u2014\u2013]|--)\s+(?:a\s+|an\s+|the\s+)?[a-z]+\s+that,?\s+$")
#: Where a source named after "according to" ends: a full stop, semicolon, colon or the end.
_SOURCE_END = re.compile(r"[.;:!?]|$")
#: A capitalised name and a comma right after an inverted verb ("writes Michelle Meyer, ").
_NAME_THEN_COMMA = re.compile(r"\s+[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*)*,")
#: A subject pronoun alone between a quote and its verb ('"...," she said').
_PRONOUN_ONLY = re.compile(r"[\s,]*(?:he|she|they|we|I|it)\s+", re.IGNORECASE)
#: Words after the head of a long phrase opening with an article ("A White House official
#: with knowledge of the talks", "a person close to", "a source familiar with").
_HEAD_ENDS = frozenset({"with", "close", "familiar", "inside", "within"})
#: Lower-case words that open a time or a place after a name ("... Center in April").
_TIME_PREPOSITIONS = frozenset({"in", "on", "at", "this", "last", "during", "earlier"})
#: Words opening a noun phrase whose head noun follows ("another source inside ...").
_NP_ARTICLES = ("a", "an", "the", "another")
#: A body's capitalised name ending in "of" before the first of two names joined by "and":
#: "(The) Department of Health and Human Services", "Ministry of Trade and Industry".
_BODY_OF = re.compile(r"(?:\b[Tt]he\s+)?(?:[A-Z][\w.'-]*\s+){0,2}(?:Department|Ministry|Bureau|"
                      r"Office|Committee|Commission|Council|Secretary|Institute|Board|Agency|"
                      r"Federation|Association|Society|University|College|School|Academy)"
                      r"\s+of\s+(?:the\s+)?$")
#: A name of up to four capitalised words and "of" before the first of two names joined
#: by "and" ("Susan Collins of Maine and Lisa Murkowski of Alaska"); a leading plural
#: title ("Senators") is left out.
_NAME_OF_BEFORE = re.compile(r"(?:\b(?:Sens?|Senators|Reps?|Representatives|Govs?|Governors)"
                             r"\.?\s+)?\b([A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*){0,3})\s+of\s+$")
#: Only capitalised words (and "and" between them) before a name: its title ("Health and
#: Human Services Secretary ").
_TITLE_WORDS = re.compile(r"(?:[A-Z][\w.'-]*\s+(?:and\s+)?)*")
#: "of", "in" or "for" (and "the") right before a name: "the leader of (the) Hamas", "a
#: spokesman for Hamas", "officials in Yemen".
_OF_IN_BEFORE = re.compile(r"\b(?:of|in|for)\s+(?:the\s+)?$")
#: After a body's name, a role and a comma before a capitalised name: "European Union
#: mediator, Polish Foreign Minister Radoslaw Sikorski, said".
_ROLE_COMMA_NAME = re.compile(r"\s+([a-z][a-z-]{2,}),\s+(?=[A-Z])")
#: Roles after a person's name that name someone else: "Obama adviser", "Trump aides".
_PERSON_ROLE_AFTER = re.compile(
    r"\s+(?:(?:former|top|senior|longtime|chief|then|new|one-time)\s+)?"
    r"(advisers?|advisors?|aides?|allies|ally|officials?|staffers?|supporters?|donors?|"
    r"spokes(?:man|woman|person|people)|campaign|camp|team|administration)"
    r"(?:\s+[a-z][a-z-]+)?\s*$")
#: Heads after a body's name for people who speak as themselves, not for the body.
_NOT_FOR_BODY = frozenset({"nominee", "nominees", "candidate", "candidates", "hopeful",
                           "hopefuls", "contender", "contenders", "frontrunner",
                           "front-runner", "challenger", "member", "members", "voter",
                           "voters", "donor", "donors", "critic", "critics", "rival", "rivals",
                           "defector", "defectors", "dissident", "dissidents", "legislator",
                           "legislators", "lawmaker", "lawmakers", "senator", "senators",
                           "congressman", "congresswoman", "mp", "mps"})
#: Of those, who speaks for the person (their words are the person's too).
_PERSON_VOICES = frozenset({"spokesman", "spokeswoman", "spokesperson", "spokespeople",
                            "campaign", "camp", "team", "administration"})


#: A name set off by commas after a role phrase: ", Francois Hollande,".
_NAME_AFTER_ROLE = re.compile(r",[ \t]+([A-Z][\w.'\u2019-]*(?:[ \t]+[A-Z][\w.'\u2019-]*){1,3})"
                              r"[ \t]*(?=,)")
#: A time and nothing else: "Six weeks later", "Last Tuesday", "Hours earlier".
_TIME_CONTENT = re.compile(r"\s*(?:[A-Z][a-z]*\s+){0,2}(?:(?:couple|few)\s+of\s+)?(?:an?\s+)?"
                           r"(?:(?:days?|weeks?|months?|years?|hours?|minutes?|moments?)\s+)?"
                           r"(?:later|earlier|ago|after|before|afterwards|then)?\s*,?\s*")
#: "called" and a short object, then punctuation: a phone call ("called his brother,").
_CALLED_SOMEONE = re.compile(r"\s+(?:(?:his|her|their|my|our|the|a|an)\s+)?[\w'-]+\s*[,.;]")
#: "what X" before a verb: its object is the "what" ("what Rice said on Sunday").
_WHAT_SUBJECT = re.compile(r"\bwhat\s+(?:he|she|they|we|I|[A-Z][\w.'\u2019-]*"
                           r"(?:\s+[A-Z][\w.'\u2019-]*){0,2})\s+(?:(?:has|had|have|also|once|"
                           r"actually|really)\s+)?$")
_PREPOSITION_NEXT = re.compile(r"\s+(?:on|in|at|about|during|for|with|from|before|after)\s")
#: An indefinite pronoun and "who" right before a verb: "anyone who (claims)".
_INDEFINITE_WHO = re.compile(r"\b(anyone|anybody|someone|somebody|everyone|everybody)\s+who\s+"
                             r"(?:(?:also|still|ever|then)\s+)?$", re.IGNORECASE)
#: "It took administration officials several more days to (acknowledge)": who did.
_IT_TOOK = re.compile(r"\b[Ii]t\s+took\s+([^,;:.]{3,60}?)\s+(?:(?:several|a|few|two|three|"
                      r"four|many|more|\d+)\s+)*(?:days?|weeks?|months?|years?|hours?|"
                      r"minutes?)\s+to\s+$")
#: A time before a relative "that": "Friday morning" of "a web video Friday morning that".
_TIME_ONLY = re.compile(rf"(?:(?:on|last|this|early|late)\s+)?(?:{_DAYS})(?:\s+(?:morning|"
                        r"afternoon|evening|night))?|(?:last|this|next)\s+(?:week|month|year)")
#: A noun phrase with its determiner right before a time: "a web video " (Friday morning).
_DET_PHRASE_END = re.compile(r"\b((?:a|an|the|his|her|their|its)\s+(?:[\w-]+\s+){0,2}[\w-]+)"
                             r"\s+$")
#: Two roles joined by "and", then a name, after an inverted verb: " Democratic
#: strategist and CNN contributor Paul Begala".
_TWO_ROLES_NAME = re.compile(
    r"[ \t]+(?:[A-Z][\w.&'\u2019-]*[ \t]+){0,2}(?P<r1>[a-z][a-z-]+)[ \t]+and[ \t]+"
    r"(?:[A-Z][\w.&'\u2019-]*[ \t]+){0,3}(?P<r2>[a-z][a-z-]+)[ \t]+"
    r"(?P<name>[A-Z][\w.'\u2019-]*(?:[ \t]+[A-Z][\w.'\u2019-]*){1,2})(?=[ \t]*[,.;]|[ \t]+who\b)")
#: A place phrase after a quote, then "and" and the verb: ' in France and vowed'.
_PLACE_THEN_AND = re.compile(
    r"[ \t]+(?:in|across|throughout|around)[ \t]+(?:the[ \t]+)?[A-Z][\w.'\u2019-]*"
    r"(?:[ \t]+[A-Z][\w.'\u2019-]*){0,3}[ \t]+and[ \t]+(?:[a-z]+ly[ \t]+)?")


def _after_speaker(ctx: _Context, after: tuple[int, int], v: _Verb) -> tuple[_Speaker, _Verb]:
    """:func:`_after_speaker_words`, with no speaker when its words open with an auxiliary
    ('the so-called "space force" would carry out ...': a clause going on, no one)."""
    spk, verb = _after_speaker_words(ctx, after, v)
    if spk.text is not None and spk.text.split(None, 1)[0] in _AUXILIARIES:
        return _Speaker(), verb
    return spk, verb


def _after_speaker_words(ctx: _Context, after: tuple[int, int],
                         v: _Verb) -> tuple[_Speaker, _Verb]:
    """The speaker named after a quotation, between its end and the cue verb ``v``."""
    who = _WHO_AFTER_NAME.search(ctx.shadow, after[0], v.start) \
        if ctx.shadow.find(" who ", after[0], v.start) >= 0 else None
    if who is not None:
        # '"...," a Foreign Service officer who works at the State Department told me':
        # the phrase before the relative clause speaks, not a name inside it
        spk = _tidy(ctx, ctx.noun_phrase_before(after[0], who.start() + 1))
        if spk.text is not None:
            m = ctx.mention_before(spk.start, spk.end)
            return (ctx.speaker_from(m) if m is not None and m.end == spk.end else spk), v
    m = ctx.mention_before(after[0], v.start)
    aside = _find_aside(ctx.shadow, after[0], v.start) if m is not None else None
    if aside is not None and aside.start() <= m.start:
        # '"...," Tom Fox, an adviser to Clinton, said': the name before the insertion
        # that names a listed actor, not the actor
        outer = ctx.mention_before(after[0], aside.start())
        if outer is not None and not ctx.shadow[outer.end:aside.start()].strip():
            return ctx.speaker_from(outer), v
        outer = _tidy(ctx, ctx.noun_phrase_before(after[0], aside.start()))
        if outer.text is not None and outer.text[:1].isupper() \
                and outer.text.rpartition(" ")[2] not in ctx.roles:
            return outer, v  # (not "European Union mediator, Foreign Minister Ann Berg,":
            # after a role, the name in the insertion speaks)
    if _PLACE_THEN_AND.fullmatch(ctx.shadow, after[0], v.start):
        # 'she had won a "massive" score that made her leader of "the biggest force" in
        # France and vowed ...': the place ends the clause the quote is in; the verb goes
        # on with the sentence's subject
        return _subject(ctx, ctx.sentence(v.start)[0], v), v
    if m is not None:
        return _mention_speaker(ctx, m, after[0], v.start), v
    # '"...," Ann Lee, the chair, told the delegates': after "told" stands who was told,
    # never who spoke
    told = ctx.verbs.lemma(v.form) == "tell"
    k = _last_char_before(ctx.shadow, after[0], v.start)
    if k > after[0] and ctx.shadow[k] == "," and not v.form.endswith("ing") and not told:
        # '..." for the EU, said Geert Wilders': the words before the comma go on with
        # the sentence; the speaker follows the verb
        spk = _tidy(ctx, ctx.noun_phrase_after(v.end, after[1]))
        if spk.text is not None:
            return spk, v
    if v.form.endswith("ing") and (not _WORD_CHAR.search(ctx.shadow, after[0], v.start)
                                   or _participle_link(ctx.shadow, after[0], v) >= 0):
        # 'X called it a "silly idea," adding ...', 'X said "...," before adding': the
        # subject of the verb before
        return _subject(ctx, ctx.sentence(v.start)[0], v), v
    # Inverted: ..." said Kremlin spokesman Dmitry Peskov.
    two = _TWO_ROLES_NAME.match(ctx.shadow, v.end, after[1]) if not told else None
    if two is not None and (two.group("r1") in ctx.roles or two.group("r2") in ctx.roles):
        # '"...," said Democratic strategist and CNN contributor Paul Begala, who ...':
        # two roles joined by "and", then the person's name
        a, b = two.span("name")
        inner = ctx.mention_before(a, b)
        if inner is not None and inner.end == b and inner.start <= a:
            return ctx.speaker_from(inner), v
        return _Speaker(ctx.text[a:b], None, a, b), v
    m = ctx.first_mention(v.end, after[1]) if not told else None
    if m is not None and _word_count(ctx.shadow, v.end, m.start) <= 3 \
            and not (_PRONOUN_ONLY.fullmatch(ctx.shadow, after[0], v.start)) \
            and not _NAME_THEN_COMMA.match(ctx.shadow, v.end, m.start):
        # (not '"...," she said, according to The Washington Post': she speaks; nor
        # '"...," writes Michelle Meyer, senior US economist': the name before the comma)
        role = (_ROLE_THEN_NAME.match(ctx.shadow, m.end)
                or _ROLES_THEN_NAME.match(ctx.shadow, m.end)) if m.kind != "person" else None
        if role is not None:
            # "said CNN historian Douglas Brinkley": a body, a role and the person who
            # speaks; the body is the actor only for who speaks for it ("Kremlin
            # spokesman Dmitry Peskov"), and a listed person named there is
            spk = _tidy(ctx, ctx.noun_phrase_after(v.end, after[1]))
            if spk.text is None or spk.end <= role.end(1):
                # ("says AP senior managing editor Mike Oreskes": the name after the role)
                name = _tidy(ctx, ctx.noun_phrase_after(role.end(1), after[1]))
                if name.text is not None and name.text[:1].isupper():
                    spk = _Speaker(ctx.text[m.start:name.end], None, m.start, name.end)
            if spk.text is not None and spk.end > role.end(1):
                person = ctx.first_mention(m.end, spk.end)
                if person is not None and person.kind == "person":
                    return ctx.speaker_from(person), v
                actor = m.actor if role.group(1) in _SPEAKS_FOR else None
                return _Speaker(spk.text, actor, spk.start, spk.end, spk.names), v
        if m.possessive \
                and (name := _NAME_AFTER_OWNER.match(ctx.shadow, m.end, after[1])) is not None:
            # "wrote National Review's David French": the writer the body owns (not for it)
            a, b = name.span(1)
            person = ctx.first_mention(a, b)
            if person is not None and person.kind == "person" and person.end == b:
                return ctx.speaker_from(person), v
            return _Speaker(ctx.text[a:b], None, a, b), v
        return ctx.speaker_from(m), v
    end = v.start
    k = _last_char_before(ctx.shadow, after[0], v.start)
    if k > after[0] and ctx.shadow[k] == ")" \
            and not _PARTY_BEFORE.search(ctx.shadow, max(after[0], v.start - 40), v.start):
        bracket = ctx.shadow.rfind("(", after[0], k)
        if bracket > after[0]:
            end = bracket  # '"...," Kasich (who has 25 delegates) said': before the brackets
    spk = _tidy(ctx, ctx.noun_phrase_before(after[0], end))
    aside = _find_aside(ctx.shadow, after[0], v.start)
    if aside is not None:
        # '"...," Portman, R-Ohio, said', '"...," Douglas Holtz-Eakin, an adviser to
        # Republicans, said': the name stands before the insertion
        outer = _tidy(ctx, ctx.noun_phrase_before(after[0], aside.start()))
        if outer.text is not None and (spk.text is None or outer.text[:1].isupper()) \
                and not (spk.text is not None and spk.text[:1].isupper()
                         and outer.text.rpartition(" ")[2] in ctx.roles):
            # (not '"...," Union mediator, Foreign Minister Ann Berg, said': after a
            # role, the name in the insertion is who speaks)
            spk = outer
    if spk.text is None and not told and (ctx.verbs.lemma(v.form) in _INVERTING or not
                                          _WORD_CHAR.search(ctx.shadow, after[0], v.start)):
        # ('"...," said the senator', '"...!" read one'; not 'congressional "overreach"
        # now defends the right of ...': a verb that puts no speaker after it, apart)
        spk = _tidy(ctx, ctx.noun_phrase_after(v.end, after[1]))
    if spk.text is None and _COORDINATED.search(ctx.shadow, after[0], v.start):
        # 'He called it "careless," and said ...': the subject of the sentence goes on
        spk = _subject(ctx, ctx.sentence(v.start)[0], v)
    return spk, v


def _tidy(ctx: _Context, spk: _Speaker) -> _Speaker:
    """A speaker without a trailing party tag ("Sen. Rob Portman (R-Ohio)" is "Sen. Rob
    Portman"); no speaker when the words cannot name one (a date, a number, "R-Ohio")."""
    if spk.text is None or spk.start < 0:
        return spk
    if spk.text.startswith(("If ", "if ", "Unless ", "unless ")) and " " in spk.text[3:].strip():
        # "If the judges had opposed ...": the judges, not the subordinator
        a = spk.start + spk.text.index(" ") + 1
        spk = _Speaker(ctx.text[a:spk.end], spk.actor, a, spk.end)
    # (each branch of _PARTY_TAIL needs a "-" or a "(")
    m = _PARTY_TAIL.search(spk.text) if "-" in spk.text or "(" in spk.text else None
    # "Mayor Ann Lee (D) said": the words after the bracket are the party alone
    bare = m is None and ((spk.text in ("R", "D", "I") and spk.start > 0
                           and ctx.shadow[spk.start - 1] == "(")
                          or (spk.text.endswith(_PARTY_NOUNS)
                              and _STATE_PARTY_LABEL.fullmatch(spk.text)
                              and ctx.shadow[_last_char_before(ctx.shadow, 0, spk.start)] == ","))
    # ("Kay Bailey Hutchison, Texas Republican, said": a state and a party after a comma)
    if m and m.start() > 0:
        end = spk.start + m.start()
        spk = _Speaker(ctx.text[spk.start:end], spk.actor, spk.start, end)
    elif m or bare:  # "Sen. Ted Cruz, R-Texas, said": the name before the tag (in its
        # sentence)
        comma = _last_char_before(ctx.shadow, 0, spk.start)
        if comma >= 0 and ctx.shadow[comma] in ",(":
            lo = max(ctx.sentence(comma)[0], comma - 200)
            np = ctx.noun_phrase_before(lo, comma)
            name = _NAME_END.search(ctx.shadow, max(lo, comma - 80), comma)
            if name is not None and np.text is not None and np.end <= name.start(1):
                # "Trump's GOP primary rival Sen. Marco Rubio (R-Fla.)": the name
                np = _Speaker(ctx.text[name.start(1):name.end(1)], None, name.start(1),
                              name.end(1))
            return _tidy(ctx, np)
    if spk.end - spk.start <= 7 and ctx.shadow.find("'", spk.start, spk.end) > 0 \
            and _personal_contraction(ctx.shadow, spk.start, spk.end):
        # "She's been telling": the pronoun (resolve_pronoun drops the contraction)
        return ctx.resolve_pronoun(_Speaker(spk.text, None, spk.start, spk.end))
    if spk.text.endswith(_PRONOUN_ENDS):
        last = spk.text.rsplit(None, 2)
        if last[-2].lower() not in ("and", "or"):
            # "a theme he promised that ...": a relative clause without "that", whose
            # subject is the pronoun (not "Smith and he said")
            at = spk.end - len(last[-1])
            return ctx.resolve_pronoun(_Speaker(last[-1], None, at, spk.end))
    two = _TWO_PHRASES.fullmatch(spk.text) if spk.text.startswith(("a ", "an ", "the ")) \
        and spk.text.count(" ") > 1 else None
    if two is not None:
        # "a spectacle the campaign said was ...": the second phrase, a relative clause's
        # subject without "that"
        spk = _Speaker(two.group(1), spk.actor, spk.start + two.start(1), spk.end)
    # "WASHINGTON - Sen. Grassley", "Thursday, Rep. Jeffries": a dateline or a time first
    lead = _LEAD.match(ctx.shadow, spk.start, spk.end) or (
        _BRACKET_LEAD.match(ctx.shadow, spk.start, spk.end) if ")" in spk.text else None)
    if lead and lead.end() < spk.end:
        spk = _Speaker(ctx.text[lead.end():spk.end], spk.actor, lead.end(), spk.end)
    parts = spk.text.split(None, 1)
    first = parts[0] if len(parts) == 2 else ""
    if first in ("Do", "Does", "Did") and parts[1][:1].isalpha():
        # "Do all these folks really think ...?": a question's subject after its "do"
        rest = spk.end - len(parts[1])
        spk = _Speaker(parts[1], spk.actor, rest, spk.end, spk.names)
        parts = spk.text.split(None, 1)
        first = parts[0] if len(parts) == 2 else ""
    if first in _SUBORDINATORS or first in _IMPERATIVES:
        # "before the Trump administration announced": the clause's subject ("Add the
        # 39% who say": the imperative's object)
        rest = spk.end - len(parts[1])
        spk = _Speaker(parts[1], spk.actor, rest, spk.end, spk.names)
        parts = spk.text.split(None, 1)
        first = parts[0] if len(parts) == 2 else ""
    tail = spk.text.rsplit(None, 1)
    if len(tail) == 2 and (tail[1] in _ASPECT_VERBS or (
            tail[1].endswith("day") and _DAY_NAME.fullmatch(tail[1])
            and tail[0][-1:].isalpha() and (prior := tail[0].rsplit(None, 1)[-1])[:1].isupper()
            and prior.lower() not in _NUMBER_WORDS and prior.lower() not in _FUNCTION_WORDS)):
        # "President Obama keeps (saying)", "House Speaker John Boehner Monday": a verb of
        # aspect or a day after the name (not "One Sunday"); and an adverb before the verb
        # ("the community immediately began")
        text = tail[0]
        if tail[1] in _ASPECT_VERBS and " " in text and text.endswith("ly") \
                and text.rsplit(None, 1)[1].islower():
            text = text.rsplit(None, 1)[0]
        spk = _Speaker(text, spk.actor, spk.start, spk.start + len(text), spk.names)
    when = _TIME_TAIL.search(spk.text) if spk.text[-3:] in _DAY_ENDS else None
    if when is not None and when.start() > 0 and _TIMED.match(spk.text, when.start()) \
            and not spk.text[:when.start()].endswith("ed") \
            and " " in spk.text[:when.start()].strip():
        # "President Trump on Sunday discussed": the time is no part of who spoke
        end = spk.start + when.start()
        spk = _Speaker(spk.text[:when.start()], spk.actor, spk.start, end, spk.names)
    if (first in _OPENING_PREPOSITIONS or spk.text[:1].isupper()) \
            and (doing := _PEOPLE_DOING.search(ctx.shadow, max(0, spk.start - 50), spk.start)) \
            and (doing.group("noun").lower() in _PEOPLE
                 or doing.group("noun").lower()[:-1] in ctx.roles):
        # "officers responding to the shooting said", "senators supporting Biden said":
        # the people the participle is about, not the phrase or name after it
        a = doing.start()
        spk = _Speaker(ctx.text[a:spk.end], spk.actor, a, spk.end, spk.names)
        first = ""
    if first in _OPENING_PREPOSITIONS:
        # a phrase cut after its head: "of Independent Business" from "the National
        # Federation of Independent Business show" is the name the "of" belongs to;
        # "with Trump" is Trump; "in a" from "in a move to acknowledge" is no one
        head = _NAME_OF.search(ctx.shadow, max(0, spk.start - 60), spk.start) \
            if first == "of" else None
        rest = spk.start + len(first) + 1
        if head is not None:
            spk = _Speaker(ctx.text[head.start():spk.end], spk.actor, head.start(), spk.end)
        elif ctx.shadow[rest:rest + 1].isupper():  # "with Trump reportedly yelling": Trump
            spk = _Speaker(ctx.text[rest:spk.end], spk.actor, rest, spk.end)
        elif spk.text.count(" ") < 2 or first in _PLACE_TIME_PREPOSITIONS:
            return _Speaker()  # (also "one trend that in some ways predicted", "on the
            # record", "during the debate": a place or a time names no one)
    if ctx.text[spk.end:spk.end + 1] == "%" and spk.end > spk.start:
        # "Only 34% said": the per cent sign is the speaker's last word, not "Only 34"
        spk = _Speaker(ctx.text[spk.start:spk.end + 1], spk.actor, spk.start, spk.end + 1,
                       spk.names)
    if spk.text.endswith(_POSSESSIVE_ENDS) and _LOWER_AFTER.match(ctx.shadow, spk.end):
        spk = _possessed(ctx, spk)
    small = _PRONOUN_ADVERB.fullmatch(spk.text) or _FOR_WHOM.match(spk.text) \
        if spk.text and spk.text[:1].islower() else None
    if small is not None:
        # "he sometimes wondered": the pronoun; "it makes it possible for sources to say":
        # the sources; "tested whether voters would respond": the voters
        a = spk.start + small.start(1)
        spk = ctx.resolve_pronoun(_Speaker(ctx.text[a:a + len(small.group(1))], spk.actor,
                                           a, a + len(small.group(1))))
    verb_first = _VERB_THEN_PHRASE.match(spk.text) if spk.text and spk.text[:1].islower() \
        else None
    head = spk.text.rsplit(None, 1)[-1].lower() if verb_first is not None else ""
    if verb_first is not None and (head in _STATEMENT_HEADS or head in _SPEAKING_HEADS
                                   or head in ctx.roles or head in _WRITTEN_HEADS):
        # "CNN, which published and retracted a story alleging that ...": the phrase after
        # the verb (its object), not the verb
        a = spk.start + verb_first.start(1)
        spk = _Speaker(ctx.text[a:spk.end], spk.actor, a, spk.end, spk.names)
    if spk.text and spk.text.endswith((" that", " which")) \
            and _TIME_ONLY.fullmatch(spk.text.rsplit(None, 1)[0]):
        # "a web video Friday morning that asks": what the relative stands for is the
        # phrase before the time, not the time
        np = _DET_PHRASE_END.search(ctx.shadow, max(0, spk.start - 60), spk.start)
        spk = _Speaker(ctx.text[np.start(1):np.end(1)], None, np.start(1), np.end(1)) \
            if np is not None else _Speaker()
    media = _RECORDING_OF.search(spk.text) if spk.text and " of " in spk.text else None
    if media is not None:
        # "the tape that included audio of him bragging": who is heard on the recording
        a = spk.start + media.start(1)
        spk = ctx.resolve_pronoun(_Speaker(ctx.text[a:spk.end], None, a, spk.end))
    if not _speaker_ok(spk.text):
        return _Speaker()
    return spk


_POSSESSIVE_ENDS = ("'s", "\u2019s", "s'", "s\u2019")
#: What is written or filmed and reports something ("a story alleging that ...").
_WRITTEN_HEADS = frozenset({"story", "article", "video", "film", "documentary", "study",
                            "survey", "poll", "book", "memo", "document", "filing", "lawsuit"})
#: A pronoun and the adverb after it: "he sometimes" (wondered).
_PRONOUN_ADVERB = re.compile(r"(he|she|they|we|I)\s+(?:sometimes|often|always|once|never|"
                             r"later|then|also|still|now|[a-z]{3,}ly)")
#: Who a phrase is about after "for" or "whether": "it possible for sources" (to say),
#: "tested whether voters" (would respond).
_FOR_WHOM = re.compile(r"(?:it\s+)?(?:(?:possible|easy|easier|hard|harder|difficult|"
                       r"important|necessary|time)\s+for|[a-z]{3,}ed\s+(?:whether|if))\s+"
                       r"((?:the\s+|some\s+|many\s+|most\s+)?[a-z]+s)$")
#: A past-tense verb opening a speaker's words, then a determiner: "retracted a story".
_VERB_THEN_PHRASE = re.compile(r"[a-z]{3,}ed\s+((?:a|an|the|his|her|its|their)\s+\S.*)$")
#: A recording of someone, speaking in it: "audio of him (bragging)", "video of Lee".
_RECORDING_OF = re.compile(r"\b(?:audio|video|videos|footage|recording|recordings|tape|tapes|"
                           r"clip|clips)\s+of\s+((?:him|her|them|[A-Z][\w.'\u2019-]*"
                           r"(?:\s+[A-Z][\w.'\u2019-]*){0,3}))$")
#: Lower-case words after a possessive, up to four: its noun phrase's modifiers and head.
_LOWER_AFTER = re.compile(r"((?:[ \t]+[a-z][\w-]*){1,4})")
#: The words of the noun phrase after a possessive: lower-case words, then perhaps a name
#: ("longtime confidant Roger Stone").
_POSSESSED_WORDS = re.compile(r"[ \t]+([A-Za-z][\w.'\u2019-]*)")
#: A name in apposition after a comma: ", Sigmar Gabriel," of "Germany's foreign minister,
#: Sigmar Gabriel, said".
_APPOSED_NAME = re.compile(r",[ \t]+([A-Z][\w.'\u2019-]*(?:[ \t]+[A-Z][\w.'\u2019-]*){1,3})"
                           r"(?=,|[ \t]+of[ \t]|[ \t]*\()")
#: What carries a possessor's words ("Hoff's letter makes a case: ...", "Sanders's point
#: was that ..."): the possessor speaks.
_STATEMENT_HEADS = frozenset({"letter", "statement", "point", "message", "argument", "remarks",
                              "comments", "comment", "speech", "tweet", "tweets", "post", "op-ed",
                              "book", "memo", "email", "response", "answer", "reply", "words",
                              "view", "position", "case", "testimony", "interview", "ad",
                              "column", "essay", "report", "note", "claim", "complaint"})
#: Bodies that speak, after a possessive ("Japan's central bank said").
_POSSESSED_BODIES = frozenset({"bank", "court", "agency", "ministry", "department",
                               "committee", "council", "union", "board", "commission",
                               "newspaper", "paper", "website", "magazine", "network",
                               "channel", "parliament", "army", "military", "police",
                               "embassy", "mission", "side"})


def _possessed(ctx: _Context, spk: _Speaker) -> _Speaker:
    """For a speaker that ends in a possessive before lower-case words ("Germany's" of
    "Germany's foreign minister, Sigmar Gabriel, said"): the possessor does not speak when
    a person's role heads its noun phrase, the person does: a name in apposition after it
    ("Sigmar Gabriel"), else the phrase ("Germany's foreign minister"); a name after the
    lower-case words is who speaks ("Trump's longtime confidant Roger Stone"); and a thing
    heading it speaks for nobody ("Le Pen's advancement ... underscored": no speaker). The
    speaker stays as it is for a name ending in "'s" before its verb ("Moody's said"), a
    statement ("Hoff's letter makes a case": Hoff's words) and a body or group ("Lee's
    campaign": the rules for owners and bodies decide).

    The words are read up to four lower-case ones, a name, or punctuation."""
    pos = spk.end
    role_end = None
    lower = 0
    while (w := _POSSESSED_WORDS.match(ctx.shadow, pos)) is not None:
        word = w.group(1)
        if word[:1].isupper():  # a name: it and the capitalised words after it
            if role_end is not None:
                break
            end = w.end(1)
            while (more := _POSSESSED_WORDS.match(ctx.shadow, end)) is not None \
                    and more.group(1)[:1].isupper():
                end = more.end(1)
            a = w.start(1)
            return _Speaker(ctx.text[a:end], None, a, end)
        low = word.rstrip(".")
        if ctx.verbs_in(w.start(1), w.end(1)):
            if role_end is None and not lower:
                return spk  # "Moody's said": a name, then its verb
            break
        if low in _STATEMENT_HEADS or low in _SPEAKING_HEADS or low in _POSSESSED_BODIES \
                or low[:-1] in _POSSESSED_BODIES:
            return spk  # "Hoff's letter", "Lee's campaign", "Japan's central bank"
        if low in ctx.roles or (low.endswith("s") and low[:-1] in ctx.roles):
            role_end = w.end(1)  # ("foreign minister": up to the last role word)
        elif role_end is not None:
            break
        lower += 1
        if lower == 4 or word != low:
            break
        pos = w.end(1)
    if role_end is None:
        # "Clinton's top challenger, Sen. Bernie Sanders of Vermont, ...": the name after
        name = _APPOSED_NAME.match(ctx.shadow, w.end(1) if w is not None and lower else pos)
        if name is None:
            return _Speaker()  # a thing: "Le Pen's advancement"
        a, b = name.span(1)
        return _Speaker(ctx.text[a:b], None, a, b)
    name = _APPOSED_NAME.match(ctx.shadow, role_end)
    if name is not None:
        a, b = name.span(1)
        return _Speaker(ctx.text[a:b], None, a, b)
    return _Speaker(ctx.text[spk.start:role_end], None, spk.start, role_end)


#: What words are written on: "signs", "a banner", "T-shirts" (the speaker of "that read").
_WRITTEN_ON = re.compile(r"\b((?:(?:a|an|the|his|her|their|its)\s+(?:[a-z]+\s+)?)?(?:signs?|"
                         r"banners?|placards?|posters?|(?:t-)?shirts?|billboards?|headlines?|"
                         r"stickers?|flags?|graffiti|tattoos?|plaques?|inscriptions?|hats?))\b",
                         re.IGNORECASE)
#: People and a participle right before a phrase: "officers responding " (to the shooting).
_PEOPLE_DOING = re.compile(r"(?<![\w'-])(?:(?:[Tt]he|[Ss]ome|[Tt]wo|[Tt]hree|[Ss]everal|[Mm]any|"
                           r"[Oo]ther)\s+)?(?P<noun>[A-Za-z][a-z]+s)\s+[a-z]{3,}ing\s+$")
#: Prepositions after which "that" is a determiner ("in that age group").
_THAT_PREPOSITIONS = frozenset({"in", "of", "on", "at", "for", "from", "with", "by", "about",
                                "under", "during", "into"})
#: A one-word phrase opening with an article, then one opening with a determiner or a
#: name: "a spectacle the campaign", "a phrase Booker".
_TWO_PHRASES = re.compile(r"(?:a|an|the)\s+[a-z][\w-]*\s+((?:the|his|her|their|its|our)\s+"
                          r"(?:[\w'-]+\s+){0,2}[\w'-]+|[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*){0,2})")
#: A subject-only pronoun ending a longer phrase (not "it", also an object: "included on
#: it told").
_PRONOUN_ENDS = (" he", " she", " they", " we", " I")
#: A US state and a party, the Washington Times' label after a name ("Texas Republican").
_STATE_PARTY_LABEL = re.compile(
    r"(?:" + "|".join(sorted(US_STATES)) + r")\s+(?:Republican|Democrat)")
_PARTY_NOUNS = ("Republican", "Democrat")
#: The end of a dateline in brackets: "CNN) " of "(CNN) President Donald Trump announced".
_BRACKET_LEAD = re.compile(r"[A-Za-z][\w.&' -]{0,20}\)\s+(?=[A-Z])")
#: Verbs of aspect before a participle cue: "keeps saying", "began telling".
_ASPECT_VERBS = frozenset({"keeps", "kept", "continues", "continued", "started", "starts",
                           "began", "begins", "stopped", "stops"})
#: Lower-case conjunctions that open a clause before its subject ("before the Trump
#: administration announced").
_SUBORDINATORS = frozenset({"before", "after", "until", "since", "when", "while", "because",
                            "although", "though", "once", "unless", "whereas"})
#: A time phrase that opens with a preposition or a determiner ("on Sunday", "this week";
#: not "One Sunday", "the year").
_TIMED = re.compile(r"\s+(?:on|this|last|earlier|late|early)\s")
#: The last three letters of the words _TIME_TAIL ends with (a cheap test before it).
_DAY_ENDS = frozenset({"day", "eek", "nth", "ear", "ing", "oon", "ght", "end"})
#: Lower-case prepositions that cannot open who speaks.
_OPENING_PREPOSITIONS = frozenset({"of", "in", "on", "at", "for", "with", "to", "from", "by",
                                   "into", "about", "over", "under", "through", "during"})
#: Of those, the ones whose phrase is a place, a time or a manner, never who speaks.
_PLACE_TIME_PREPOSITIONS = frozenset({"in", "on", "at", "into", "over", "under", "through",
                                      "during"})
#: A capitalised name right before "of" ("National Federation " of ...).
_NAME_OF = re.compile(r"(?<![\w'-])(?:[A-Z][\w.'-]*\s+){1,4}$")


def find_quotes(
    text: str,
    actors: ActorList | None = None,
    *,
    verbs: VerbLexicon | None = None,
    mentions: list[Mention] | None = None,
    thoughts: bool = True,
    resolve_speakers: bool = True,
) -> list[Quote]:
    """Direct quotes and reported speech in ``text``, in text order.

    Parameters
    ----------
    text : any text.
    actors : an :class:`~analysis.actors.ActorList` to resolve speakers to actors; None
        finds speakers as words only (``actor`` is then None).
    verbs : the attribution verbs (default :func:`load_verbs`).
    mentions : ``find_mentions(text, actors)``, when the caller has it already (the
        scorer counts mentions too); None finds them.
    thoughts : also the attributions of thought and intention ("X believes the vote was
        rigged", "X thinks that ..."), kind ``thought``: they are no voices, and a caller
        that counts voices only can leave them out (False takes about half the time: they
        need a second reading of the text). Found
        with the lexicon's ``thought`` verbs when its ``thought_as_speech`` is false (the
        default; when true they are reported speech), wherever no quote or reported
        speech is, with a clause or an infinitive for content (cue ``clause``, ``that``
        or ``to``: "X wants to ..."; "thinks of ..." is not read; "is known for" and "is
        seen as", passives, name nobody who thinks). "X is expected to ...", "X seems to
        ..." and "it seems that ..." are ones with no speaker (the outlet's impression).
    resolve_speakers : False skips the last pass, which links speakers to listed actors
        across sentences (a "he"/"she"/"it"/"who" speaker to the name it stands for, "the
        president" to the listed person with that title, a speaker ending in a listed
        name to that actor): their ``actor`` and ``speaker_name`` stay as the cue rules
        found them. The quotes themselves (their number, kinds, spans and words) are the
        same; for callers that count or place quotes only, which save that pass.

    Returns
    -------
    list of Quote
        ``text[q.start:q.end] == q.quote``. A reported statement that only repeats a direct
        quote of the same speaker around it ("X stated that Russia is taking "steps"") is
        kept once, as the direct quote.

    >>> from analysis.actors import load_actors
    >>> actors = load_actors(event="2024-07-12-austin-belousov-call")
    >>> text = ('"The tension is rising," Peskov noted. Kremlin spokesman Dmitry Peskov '
    ...         'warned that NATO is "a threat".')
    >>> for q in find_quotes(text, actors):
    ...     print(q.kind, q.actor, q.verb, q.verb_group, repr(q.quote))
    direct Dmitry Peskov noted neutral 'The tension is rising,'
    direct Dmitry Peskov warned confrontational 'a threat'

    Quote marks that never close do not raise; the quote runs to the paragraph's end:

    >>> [(q.quote, q.closed) for q in find_quotes('He said: "no end in sight')]
    [('no end in sight', False)]
    """
    if not text:
        return []
    verbs = verbs or load_verbs()
    ctx, found = _find_quotes(text, actors, verbs, mentions)
    if resolve_speakers:  # (it only sets actor and speaker_name: no quote added or moved)
        found = _resolve_pronouns(ctx, found)
    if thoughts and verbs.thinking is not None:
        found = _with_thoughts(found, text, actors, verbs.thinking, ctx.mentions)
    return found


def count_quotes(
    text: str,
    actors: ActorList | None = None,
    *,
    verbs: VerbLexicon | None = None,
    mentions: list[Mention] | None = None,
) -> tuple[int, int]:
    """``(len(found), sum(q.n_words for q in found))`` for ``found = find_quotes(text,
    actors, verbs=verbs, mentions=mentions, thoughts=False)``, what the scorer counts,
    with less work.

    A quotation's kind and speaker change no count but where reported speech overlaps it
    (reported words that repeat a direct quote of the same speaker are dropped), so the
    cue of a quotation is read only there, and in the quotations before it that it may
    take its speaker from ("continued": its own paragraph and the one before); and no
    speaker is linked to an actor (the last pass of :func:`find_quotes`).

    >>> count_quotes('"We will win," Lee said. Reed said that the vote was close.')
    (2, 7)
    """
    if not text:
        return 0, 0
    _, found = _find_quotes(text, actors, verbs or load_verbs(), mentions, counting=True)
    return len(found), sum(q.n_words for q in found)


def _find_quotes(text: str, actors: ActorList | None, verbs: VerbLexicon,
                 mentions: list[Mention] | None, *,
                 counting: bool = False) -> tuple[_Context, list[Quote]]:
    """The work of :func:`find_quotes` but its last pass; with ``counting`` (for
    :func:`count_quotes`), the quotations whose cue changes no count are left unread:
    each is a ``scare`` quote with its words only, which no reported speech repeats."""
    ctx = _Context(text, actors, verbs, mentions)
    marked = _marked_spans(text)
    ctx.set_quotes(marked)
    blocks = _block_quotes(ctx, marked) if ":\n" in text or ":\r" in text else []
    if blocks:  # (their words are quoted words: no subject or cue is read inside them)
        ctx.set_quotes([*marked, *(_Marked(b.start, None, b.end, True) for b in blocks)])
    reported = _reported(ctx, [(m.open, m.end) for m in marked]
                         + [(b.start, b.end) for b in blocks])
    headlines = _headlines(ctx)  # (none of these depends on another's results)
    direct = _direct(ctx, marked, reported,
                     _marks_to_read(ctx, marked, reported + headlines) if counting else None)
    reported += headlines
    kept = []
    # Direct quotes do not overlap each other, so by start they are also by end: the ones
    # overlapping r are found by bisect instead of a scan of them all.
    direct_by_start = sorted(direct, key=lambda d: d.start)
    direct_starts = [d.start for d in direct_by_start]
    reach = list(itertools.accumulate((d.end for d in direct_by_start), max))
    for r in reported:
        k = bisect.bisect_left(direct_starts, r.end)  # those with d.start < r.end
        dup = False
        while k > 0 and reach[k - 1] > r.start:
            k -= 1
            d = direct_by_start[k]
            if d.end > r.start and (d.actor or d.speaker) == (r.actor or r.speaker) \
                    and d.kind != "scare":  # (a term inside reported words repeats none)
                before = _colon_before(ctx, r, d)
                if before is None and r.start < d.verb_start < d.start:
                    # 'Lazar said he welcomed extradition and added, "I'll plead guilty."':
                    # what he said before the quotation's own cue is a statement of its own
                    joint = _JOINT_END.search(ctx.shadow, r.start, d.verb_start)
                    if joint is not None and _words_over(ctx.shadow, r.start, joint.start(), 2):
                        before = joint.start()
                if before is not None:
                    # 'he said he was too busy to look: "I have a lot going on."': what he
                    # said before the colon is a statement of its own
                    r = _replace(r, quote=ctx.text[r.start:before], end=before)
                    continue
                dup = True
                break
        if not dup:
            kept.append(r)
    kept = _dedupe(kept)
    turns = _transcript_turns(ctx)
    return ctx, sorted([*direct, *kept, *turns, *blocks], key=lambda q: (q.start, q.kind))


#: "and" or "but" (and perhaps an adverb) ending the words before a verb: ", and then ".
_JOINT_END = re.compile(r",?\s+(?:and|but)\s+(?:[a-z]+ly\s+|then\s+|also\s+)?$")
#: Double quotation marks (and NYT's two apostrophes): a block with them is no block quote.
_BLOCK_MARKS = re.compile("[" + re.escape(_DOUBLES) + "]|''")
#: A cue verb's last words before the colon that ends its paragraph: "Sanders said:",
#: "She continued:", "Lee said in response to the question:"; not a clause ("pointed out
#: that the issues were ignored:", "found that:").
_BLOCK_CUE_TAIL = re.compile(r"(?![^:]*\b(?:that|which|who|whether|how|what|as)\b)"
                             r"[^.!?;:\"\u201c\u201d]{0,60}:\s*$")


def _block_quotes(ctx: _Context, marked: Sequence[_Marked]) -> list[Quote]:
    """Quotations set as a block, with no marks: a paragraph that ends with a speech verb
    and a colon ("Sanders said:", "She continued:") introduces the next paragraph as a
    direct quote of that verb's subject, cue ``block`` (web pages lose the indentation
    of block quotes). Only one paragraph, holding no quotation marks or quoted passage
    (``marked``), of three words or more, and only after a verb of the lexicon's speech
    groups."""
    out: list[Quote] = []
    opens = sorted(m.open for m in marked if m.open >= 0)
    sh = ctx.shadow
    paragraphs = ctx.paragraphs
    for k in range(len(paragraphs) - 1):
        ps, pe = paragraphs[k]
        colon = sh.rfind(":", ps, pe)
        if colon < 0 or sh[colon + 1:pe].strip():
            continue
        ss = ctx.sentence(colon)[0]
        verbs = [v for v in ctx.verbs_in(max(ss, ps), colon) if not ctx.in_quote(v.start)]
        if not verbs or not _BLOCK_CUE_TAIL.match(sh, verbs[-1].end, pe) \
                or _words_over(sh, verbs[-1].end, colon, 8):
            continue
        v = verbs[-1]
        bs, be = paragraphs[k + 1]
        while be > bs and ctx.text[be - 1].isspace():
            be -= 1
        while bs < be and ctx.text[bs].isspace():
            bs += 1
        if be <= bs or _BLOCK_MARKS.search(ctx.text, bs, be) \
                or not _words_over(sh, bs, be, 2) or ctx.in_quote(bs) \
                or bisect.bisect_left(opens, be) > bisect.bisect_left(opens, bs):
            continue  # (a passage in single marks inside: no block)
        k2 = _last_char_before(sh, max(ss, ps), v.start)
        if k2 >= 0 and sh[k2] == "," and sh[v.end:colon].strip() \
                and not v.form.endswith("ing") \
                and sh[v.end:colon].split(None, 1)[0].lower() not in _PREPOSITIONS:
            # "The school must comply ..., say the judges:": the speaker after the verb
            spk = _tidy(ctx, ctx.noun_phrase_after(v.end, colon))
        else:
            spk = _subject(ctx, max(ss, ps), v)
        group = ctx.verbs.group_of(v.form)
        if not _named_subject(spk.text) or group == "evidence":
            continue  # ("Here are the people identified:", "The poll found:": a finding)
        out.append(Quote("direct", ctx.text[bs:be], bs, be, spk.text, spk.actor, v.form,
                         group, True, "block", spk.start, spk.end,
                         v.start, v.end, spk.names))
    return out


#: The cues of the thought attributions :func:`find_quotes` keeps: a clause ("X believes
#: the vote was rigged"), "that", or "to" ("X wants to ..."). Measured on PolNeAR train
#: (fit part, 671 articles), the share of the thought attributions found that had a gold
#: attribution and its source: 'clause' 0.68, 'that' 0.69, 'to' 0.60; left out: "thinks
#: of ..." ('of') 0.33 and "as some liberals hope" ('parenthetical') 0.27.
_THOUGHT_CUES = frozenset({"clause", "that", "to"})
#: Words right after a thought verb that make it a noun's modifier: "think tanks",
#: "thought leaders", "think pieces".
_NOUN_AFTER = re.compile(r"\s+(?:tanks?|leaders?|pieces?)\b")
#: Words that may stand before a thought verb but hold no thought ("It is naive to think",
#: "Have you seen anything that makes you think"); an adverb in -ly neither.
_NO_HOLDERS = frozenset({"it", "have", "has", "had", "do", "does", "did", "is", "are", "was",
                         "were", "will", "would", "can", "could", "should", "may", "might",
                         "must", "therefore", "thus", "hence", "however", "also", "then",
                         "still", "perhaps", "maybe"})
#: Verbs of perception that are thought only as "X sees Y as Z" or "X saw that ...".
_SEE_AS = frozenset({"see", "view"})
_AS_SOON = re.compile(r"(?:[^\s,;:.!?]+\s+){1,10}?as\s")
#: Words before a participle that make it an adjective: "became so worried", "very
#: concerned".
_STATE_BEFORE = re.compile(r"\b(?:became|become|becomes|becoming|grew|grown|seemed|seems|"
                           r"remained|remains|felt|feels|so|very|too|increasingly|deeply)\s+$",
                           re.IGNORECASE)
#: Verbs that are intention only before "to" ("sought to", not "sought benefits"; "plans
#: to", not "plans the route").
_ONLY_TO = frozenset({"seek", "refuse", "plan"})


def _is_thought(q: Quote, text: str, thinking: VerbLexicon) -> bool:
    """Is ``q`` (found with ``thinking``'s thought verbs as cues) an attribution of thought
    :func:`find_quotes` keeps?"""
    if q.kind != "reported" or q.verb_group != "thought" or q.cue not in _THOUGHT_CUES:
        return False
    verb = (q.verb or "").lower()
    lemma = thinking.forms.get(verb, ("",))[0]
    if lemma in _SEE_AS and q.cue != "that" and _AS_SOON.match(q.quote) is None:
        return False  # "X saw the vote", not "X sees Y as Z"
    if lemma in _ONLY_TO and q.cue != "to":
        return False  # "X sought benefits", not "X sought to ..."
    if verb.endswith(("ed", "n", "t")) \
            and _PASSIVE.search(text, max(0, q.verb_start - 30), q.verb_start):
        return False  # a passive ("is known for", "was seen as") names nobody who thinks
    if verb.endswith("ed") and _STATE_BEFORE.search(text, max(0, q.verb_start - 30),
                                                     q.verb_start):
        return False  # "became so worried that he called": an adjective
    if verb == "opposed" and q.cue == "to":
        return False  # "a devout Catholic opposed to abortion": an adjective
    speaker = (q.speaker or "").lower()
    if speaker in _NO_HOLDERS or (speaker.endswith("ly") and speaker.isalpha()):
        return False  # "It is naive to think", "Have you seen ...", "hardly expected"
    if speaker.endswith(("'s", "\u2019s", "s'", "s\u2019")):
        return False  # a possessive: the verb is a noun ("Washington's plans to deploy")
    return not _NOUN_AFTER.match(text, q.verb_end)  # "donors and think tanks"


def _with_thoughts(found: list[Quote], text: str, actors: ActorList | None,
                   thinking: VerbLexicon, mentions: list[Mention] | None) -> list[Quote]:
    """``found`` and, in text order, the attributions of thought that ``thinking`` (the
    lexicon with its thought verbs as cues) finds outside every quote of ``found``,
    as kind ``thought``."""
    spans = sorted((q.start, q.end) for q in found if q.kind != "scare")
    ends = list(itertools.accumulate((e for _, e in spans), max))
    starts = [s for s, _ in spans]
    extra = []
    found_thoughts = [
        q for q in find_quotes(text, actors, verbs=thinking, mentions=mentions, thoughts=False)
        if _is_thought(q, text, thinking)]
    for q in sorted([*found_thoughts, *_unheld_thoughts(text)], key=lambda q: q.start):
        k = bisect.bisect_left(starts, q.end)  # the quotes starting before q ends
        if k and ends[k - 1] > q.start:
            continue  # inside or across a quote or reported speech: theirs
        if extra and extra[-1].end > q.start:
            continue  # inside the content of the thought before (a line with no full stop)
        extra.append(_replace(q, kind="thought"))
    if not extra:
        return found
    return sorted([*found, *extra], key=lambda q: (q.start, q.kind))


#: Impressions whose holder is not named, the outlet's own words: "X is expected to ...",
#: "X seems (appears) to ...", "X seemed like ...", "it seems (that) ...". Measured on
#: PolNeAR train (fit part, 671 articles), where such cues are attributions with no source:
#: of the rows "seem"/"appear" add outside every other quote, 0.54 ("X seems to", 127 rows)
#: and 0.80 ("it seems", 20 rows) had a gold attribution without source; "seemingly" and
#: "apparently" (0.23) are left out. "It appeared to me" names its holder: not read.
_UNHELD = re.compile(
    r"\b(?:is|are|was|were|be|been|being)\s+(?:(?:widely|also|not|still|now|generally)\s+)?"
    r"(?P<verb>expected)\s+(?P<content>to\s)"
    r"|\b(?P<seem>(?:[Ss]eem|[Aa]ppear)(?:s|ed)?)\s+(?P<seem_content>(?:to\s+(?!(?:me|us|him|"
    r"her|them|you)\b)(?=[a-z]))|(?:like|as\s+if|as\s+though)\s)"
    r"|\b[Ii]t\s+(?:(?:would|might|may|could|also|now|still|all)\s+)?"
    r"(?P<it_seem>(?:seem|appear)(?:s|ed)?)\s+(?P<it_content>(?:that\s+|as\s+if\s+|"
    r"as\s+though\s+|like\s+)?(?=[\w\"\u201c]))")


def _unheld_thoughts(text: str) -> list[Quote]:
    """Impressions nobody in the text is named for, kind ``thought`` with no speaker: "The
    bank is expected to act in December" (cue ``to``), "The plan seems to work" (``to``),
    "It seems that the plan works" (``that``), "It seemed like a smart move" (``clause``).
    The content runs from the words after the verb (or its "that") to the sentence's end.

    >>> [(q.verb, q.cue, q.quote) for q in _unheld_thoughts(
    ...     "It seems that Lee won. The vote appeared to me fair. Lee seems to gain.")]
    [('seems', 'that', 'Lee won.'), ('seems', 'to', 'to gain.')]
    """
    out = []
    spans = None
    for m in _UNHELD.finditer(text):
        if spans is None:
            spans = sentence_spans(text)
            ends = [e for _, e in spans]
        group = "verb" if m["verb"] else "seem" if m["seem"] else "it_seem"
        content = {"verb": "content", "seem": "seem_content", "it_seem": "it_content"}[group]
        start = m.start(content)
        lead = m[content].lstrip()[:4]
        cue = "to" if lead.startswith("to") else "that" if lead == "that" else "clause"
        if cue == "that":
            start = m.end(content)
        k = bisect.bisect_right(ends, start)
        end = ends[k] if k < len(ends) else len(text)
        while end > start and text[end - 1].isspace():
            end -= 1
        if end <= start:
            continue
        out.append(_quote("thought", text[start:end], start, end, None, None, m[group],
                          "thought", True, cue, -1, -1, m.start(group), m.end(group), None))
    return out


def _marks_to_read(ctx: _Context, marked: list[_Marked], reported: list[Quote]) -> set[int]:
    """For :func:`count_quotes`: the indexes of the marked passages whose cue and speaker
    :func:`find_quotes` must read for its counts. Those that reported speech overlaps
    (their speaker decides whether it is dropped), and, as each of those may take its
    speaker from the last quotation with one before it ("continued", in its own paragraph
    or the one before: :func:`_previous_attribution`), every passage ending from the
    paragraph before it on, and so on back for those. (Ranges taken wide: the quote's
    words lie within ``(open, end]``.)"""
    spans = sorted((r.start, r.end) for r in reported)
    starts = [a for a, _ in spans]
    reach = list(itertools.accumulate((b for _, b in spans), max))
    out: set[int] = set()
    low: int | None = None  # the first paragraph a passage read may look back to
    for k in range(len(marked) - 1, -1, -1):
        mk = marked[k]
        j = bisect.bisect_left(starts, mk.end)  # reported speech starting before its end
        if (j and reach[j - 1] > mk.open + 1) \
                or (low is not None and ctx.paragraph_index(mk.end) >= low):
            out.add(k)
            here = ctx.paragraph_index(mk.open) - 1
            low = here if low is None else min(low, here)
    return out


#: Capitalised words right before a label's surname in the text: "Mara " of "Mara Liasson".
_TURN_NAME = re.compile(r"(?<![\w'-])(?:[A-Z](?:\.|[\w'\u2019-]+) ){1,3}$")


def _transcript_turns(ctx: _Context) -> list[Quote]:
    """The turns of a transcript ("LIASSON: In many races, ..."): each paragraph opening
    with a label that names a person is a direct quote of that person, cue ``label``.

    A label names a person when the text writes a full name ending in it ("Mara Liasson"
    for LIASSON) or when it is a first and a last name ("AMY GOODMAN"); "THE FACTS:",
    "UPDATE:" name no one. Only texts with two turns or more are transcripts; a turn is
    its paragraph (a turn of several paragraphs counts its first)."""
    sh = ctx.shadow
    found: list[tuple[re.Match[str], int]] = []
    for ps, pe in ctx.paragraphs:
        if pe - ps > 4 and sh[ps].isupper() and sh[ps + 1].isupper():
            m = TRANSCRIPT_LABEL.match(sh, ps, pe)
            if m is not None:
                found.append((m, pe))
    if len(found) < 2:
        return []
    names: dict[str, str | None] = {}
    out: list[Quote] = []
    for m, pe in found:
        label = m.group("label")
        if label not in names:
            names[label] = _turn_name(ctx, label)
        name = names[label]
        end = pe
        while end > m.end() and ctx.text[end - 1].isspace():
            end -= 1
        if name is None or end - m.end() < 2 or (sh[m.end()] == "(" and sh[end - 1] == ")") \
                or _in_capitals(sh, m.end(), end):
            continue  # no person, a stage direction ("(CROSSTALK)") or a headline in
            # capitals after a label ("POWER PLAY: SENATE FLIPPING OUT?")
        last = name.rsplit(" ", 1)[-1]
        actor = next((x.actor for x in ctx.mentions
                      if x.kind == "person" and x.surface.rsplit(" ", 1)[-1] == last), None)
        out.append(Quote("direct", ctx.text[m.end():end], m.end(), end, label, actor,
                         cue="label", speaker_start=m.start("label"),
                         speaker_end=m.end("label"), speaker_name=name))
    return out


def _in_capitals(sh: str, start: int, end: int) -> bool:
    """Are most letters of the first 60 characters of ``sh[start:end]`` capitals?"""
    head = sh[start:min(end, start + 60)]
    upper = sum(c.isupper() for c in head)
    return upper > 0.6 * sum(c.isalpha() for c in head)


def _turn_name(ctx: _Context, label: str) -> str | None:
    """The person a transcript's label names (see _transcript_turns), else None: the
    label's own first and last name ("PRESIDENT DONALD TRUMP" is Donald Trump); the name
    as the text writes it ("NERMEEN SHAIKH"); a full name in the text ending in the
    label ("Mara Liasson" for LIASSON); a listed person's name ending so; or the label
    after a title in the text ("President Obama" for OBAMA)."""
    words = [w.capitalize() for w in label.split()]
    last = words[-1]
    known = first_names()
    k = next((i for i, w in enumerate(words[:-1])
              if w.casefold() in known and w.casefold() not in _NOT_GIVEN_NAMES), None)
    if k is not None:
        return " ".join(words[k:])
    if len(words) > 1 and " ".join(words) in ctx.text \
            and _NOT_GIVEN_NAMES.isdisjoint(w.casefold() for w in words):
        return " ".join(words)
    for m in re.finditer(r"\b" + re.escape(last) + r"\b", ctx.text):
        before = _TURN_NAME.search(ctx.text[max(0, m.start() - 60):m.start()])
        if before is not None:
            words_before = before.group().split()
            k = next((i for i, w in enumerate(words_before)
                      if w.casefold() in known and w.casefold() not in _NOT_GIVEN_NAMES),
                     None)
            if k is not None:  # "NPR's Mara Liasson": from the first name on
                return " ".join([*words_before[k:], last])
    person = next((x.surface for x in ctx.mentions
                   if x.kind == "person" and x.surface.rsplit(" ", 1)[-1] == last), None)
    if person is not None:
        return person
    if re.search(r"\b(?:President|Sen\.|Senator|Gov\.|Governor|Rep\.|Mr\.|Mrs\.|Ms\.|Dr\.)"
                 r" " + re.escape(last) + r"\b", ctx.text):
        return last
    return None


#: Words of the first-name list that open labels naming no one ("SEE RELATED:").
_NOT_GIVEN_NAMES = frozenset({"see", "read", "watch", "more", "related", "file", "photo",
                              "update", "breaking", "story", "report", "news"})


def _agreeing_actor(ctx: _Context, q: Quote, want: str) -> Quote:
    """``q`` (a "he"/"she" speaker, ``want`` "m" or "f") with an actor that agrees with the
    pronoun and with the name it stands for. When the person the cue rules took (the one
    mentioned last) is of the other sex ("she said" after "Bill Clinton" was mentioned),
    the nearest person mentioned before, within three paragraphs, whose listed gender fits
    takes their place, else no actor; when ``speaker_name`` names someone else than the
    actor ("Sen. Lamar Alexander", not listed, while the actor is the listed Susan
    Collins), the actor is dropped."""
    if not q.actor or q.speaker_start < 0:
        return q
    name = q.speaker_name if q.speaker_name and q.speaker_name.lower() != \
        (q.speaker or "").lower() else None
    if name is not None and _NP_WORD.findall(name)[-1:] != _NP_WORD.findall(q.actor)[-1:]:
        return _replace(q, actor=None)  # the pronoun stands for an unlisted person
    if ctx.actor_genders.get(q.actor, want) != want:
        return _replace(q, actor=_person_before(ctx, q.speaker_start, want))
    return q


def _person_at(ctx: _Context, start: int, end: int) -> str | None:
    """The listed person a mention ending at ``end`` (within ``[start, end)``) names
    ("Mr. Comey": James B. Comey), else None."""
    m = ctx.mention_before(start, end)
    return m.actor if m is not None and m.end == end and m.kind == "person" else None


def _person_before(ctx: _Context, pos: int, want: str) -> str | None:
    """The nearest listed person mentioned before ``pos`` (within three paragraphs) whose
    listed gender is ``want``; else the only such person mentioned before it; else None."""
    genders = ctx.actor_genders
    here = ctx.paragraph_index(pos)
    before = ctx.people[:bisect.bisect_left(ctx.people_starts, pos)]
    for m in reversed(before):
        if here - ctx.paragraph_index(m.start) > 3:
            break
        if m.end <= pos and genders.get(m.actor) == want:
            return m.actor
    earlier = {m.actor for m in before if genders.get(m.actor) == want}
    return earlier.pop() if len(earlier) == 1 else None


#: Verbs of answering: their "he"/"she" is not who spoke the quotation before.
_REPLY_LEMMAS = frozenset({"reply", "answer", "respond", "retort"})


def _resolve_pronouns(ctx: _Context, quotes: list[Quote]) -> list[Quote]:
    """A "he said"/"she said" speaker is the named person who spoke last (within three
    paragraphs) if their gender fits, never one further back when a nearer named speaker
    might be meant; else the person mentioned last (already set by the cue rules). An "it
    said" speaker is the listed organisation or country that spoke last, within three
    paragraphs.

    A name's gender comes from a title (Mr., Ms., Mrs.) with it in the text, from a
    pronoun already linked to it in the article, or from a ``gender`` of the listed actor.
    ``speaker_name`` then holds the name the pronoun stands for."""
    kinds = {m.actor: m.kind for m in ctx.mentions}
    genders: dict[str, str] = {}  # learned from earlier links: name key -> "m" / "f"
    out: list[Quote] = []
    named: list[Quote] = []
    bodies: list[Quote] = []  # speakers that are organisations or countries, in order
    for q in quotes:
        if q.actor is None and q.speaker and q.speaker_start >= 0 and ctx.mentions:
            # "Drexler owns a shop, and says ...", '"...," Drexler laughs.': a listed name
            # ending the speaker's words is who speaks, whichever rule found them
            m = ctx.mention_before(q.speaker_start, q.speaker_end)
            of = (_OF_BODY.search(ctx.shadow, max(q.speaker_start, m.start - 9), m.start)
                  if m is not None and m.kind != "person" else None)
            if of is not None:
                # "Professor Ann Lee of the Red Cross": the listed person before "of"; "the
                # top Democrat on the committee": a member, not the body
                who = ctx.mention_before(q.speaker_start, of.start())
                if of.group(1) == "on":
                    m = None
                elif who is not None and who.end == of.start() and who.kind == "person":
                    m = who
                    q = _replace(q, actor=m.actor)
            if m is not None and m.end == q.speaker_end:
                q = _replace(q, actor=m.actor)
        if q.actor is None and q.speaker and q.speaker_start >= 0 and ctx.mentions:
            # "The president said ...", "the governor told reporters": the listed person
            # last named with that title ("President Trump", "Gov. Jay Inslee")
            q = _role_antecedent(ctx, q)
        low = (q.speaker or "").lower()
        if (low == "who" or (low == "which" and ctx.shadow.startswith(
                ", ", q.speaker_start - 2))) and q.speaker_start > 0:
            # "Ann Lee, who told the committee ...", "the Red Cross, which said": the name
            # the relative stands for
            q = _relative_antecedent(ctx, q)
        if low == "it" and bodies:
            # "The ministry said ... Now, it says ...": the organisation that spoke last,
            # within three paragraphs
            last = bodies[-1]
            if ctx.paragraph_index(q.start) - ctx.paragraph_index(last.start) <= 3:
                q = _replace(q, actor=last.actor, speaker_name=last.speaker_name)
        elif low in _PRONOUNS_RESOLVED:
            want = "m" if low == "he" else "f"
            here = ctx.paragraph_index(q.start)
            # named speakers before q and, as a last resort, names with a title
            # ("Ms. Brainard") mentioned before it (after the last named speaker, within
            # three paragraphs), nearest first
            lo = ctx.paragraph_starts[max(0, here - 3)] if ctx.paragraph_starts else 0
            if named:
                lo = max(lo, named[-1].speaker_end)
            titled = [Quote("scare", "", m.start(), m.end(), speaker=m.group(),
                            actor=_person_at(ctx, m.start(), m.end()),
                            speaker_start=m.start(), speaker_end=m.end(),
                            speaker_name=m.group())
                      for m in _titled_names(ctx.shadow, lo, max(lo, q.speaker_start))
                      # (not "Mr. Trump's frequent attacks": an owner, not who acts)
                      if not m.group().endswith(("'s", "\u2019s"))
                      and not ctx.shadow.startswith(("'s", "\u2019s"), m.end())]
            pool = [*named[-8:], *titled[-3:]]
            subject = _previous_subject(ctx, q, kinds, lo)
            if subject is not None and subject.speaker_start >= lo:
                # the subject of the sentence before, when no named speaker stands after
                # it: before the titled names mentioned in between ("Mnuchin met the
                # bankers ... "...," he said": Mnuchin, not an earlier "Mr. Trump")
                pool.append(subject)
            # '"Why did you quit?" Khozhugov asked. ... "Music is not supported," he
            # replied': who replies is not who spoke the quotation before
            prev = out[-1] if out else None
            asker = _name_key(prev) if prev is not None and prev.kind == "direct" \
                and ctx.verbs.lemma(q.verb or "") in _REPLY_LEMMAS else ""
            for cand in reversed(pool):
                if here - ctx.paragraph_index(cand.start) > 3:
                    break
                key = _name_key(cand)
                if asker and key == asker:
                    continue
                g = genders.get(key) or _gender(ctx, cand)
                if g is None and cand.actor is not None \
                        and kinds.get(cand.actor, "person") != "person":
                    continue  # a "he" or "she" is no newspaper, party or country (but
                    # "White House press secretary Sarah Sanders" is a woman)
                if g is not None and g != want:
                    continue  # "she" is not Mr. Garin: look further back
                genders.setdefault(key, want)
                name = cand.speaker_name or ""
                q = _replace(q, actor=cand.actor or (q.actor if g is None else None),
                            speaker_name=name[:-2] if name.endswith(("'s", "\u2019s"))
                            else cand.speaker_name)  # ("Mrs. Lee's pitch, she said")
                break
            q = _agreeing_actor(ctx, q, want)
            if q.speaker_name and q.speaker_name.lower() not in _PRONOUNS:
                named.append(q)  # the nearest speaker for the next pronoun ('"...?" she
                # asked. No country, she said, ...': not a man named before her)
        elif q.kind != "scare" and q.speaker and _is_person_name(q, kinds):
            named.append(q)
        elif q.kind != "scare" and q.actor and kinds.get(q.actor) in _BODY_KINDS:
            bodies.append(q)
        out.append(q)
    return out


def _previous_subject(ctx: _Context, q: Quote, kinds: dict[str, str],
                      lo: int = 0) -> Quote | None:
    """The subject of the sentence of ``q``'s "he"/"she" when it stands before the
    pronoun ('Feinstein said "...," she said'), else of the sentence before it (in the
    same or the previous paragraph), when it names one person (capitalised words, not a
    listed organisation, not a plural for people) outside quotation marks; as a
    ``scare`` Quote holding the name, else None; None too when it would start before
    ``lo`` (the caller's bound). For a quotation of several sentences before its "she
    said", the sentence before the quotation ('Sanders pushed back. "I disagree. It is
    ...," she said': Sanders)."""
    at = q.speaker_start
    if q.kind == "direct" and 0 <= q.start < at and ctx.in_quote(q.start):
        at = min(at, max(0, q.start - 1))  # (the opening mark's sentence)
    k = ctx.sentence_index(at)
    if not ctx.sentences or q.speaker_start <= lo:
        return None
    ss = ctx.sentences[k][0]
    # (the words before the sentence's first quotation, at most 200 characters of them)
    j = bisect.bisect_left(ctx.quote_starts, ss)
    end = min(q.speaker_start, ss + 120,
              ctx.quote_starts[j] if j < len(ctx.quote_starts) else len(ctx.text))
    if ss < lo:
        return None  # (a named speaker after the sentence's start: the caller's pool)
    if end > ss + 1 and _CAPITAL.search(ctx.shadow, ss, end) and not ctx.in_quote(ss) \
            and not (q.kind == "reported" and q.cue == "after"):  # (", he said.": content)
        own = _sentence_subject(ctx, ss, end)
        if own.text is not None and ctx.shadow[own.end:q.speaker_start].strip() != ",":
            # "Sexton reflected on what he said": the name in the pronoun's own sentence
            # (not "Klobuchar, she said, seemed ...": the name her words are about)
            return _person_subject(ctx, own, kinds)
    if k == 0:
        return None
    ps, pe = ctx.sentences[k - 1]
    if ps < lo or ctx.in_quote(ps) \
            or ctx.paragraph_index(q.speaker_start) - ctx.paragraph_index(ps) > 1:
        return None
    memo = ctx.previous_subjects  # (several pronouns may follow one sentence)
    if ps not in memo:
        first = _FIRST_WORD.match(ctx.shadow, ps, pe)
        if first is not None and first.group(1).lower() in _PRONOUNS:
            memo[ps] = None  # ("He said ...": no name; the quick way)
            return None
        if _TAIL_CUE_END.search(ctx.shadow, max(ps, pe - 60), pe):
            memo[ps] = None  # ("Foley stood up to his captors, he said."): its subject is
            return None  # what was said; its speaker is the tail's (the caller's pool)
        agent = _AGENT_END.search(ctx.shadow, max(ps, pe - 160), pe)
        if agent is not None and not ctx.in_quote(agent.start(1)):
            # 'The meeting was described as "somber" by Rep. Raul Labrador. He said ...':
            # the agent of a passive that ends the sentence
            a, b = agent.span(1)
            spk = _Speaker(ctx.text[a:b], None, a, b)
        else:
            spk = _sentence_subject(ctx, ps, min(pe, ps + 120))
        memo[ps] = (None if spk.text is None or ctx.in_quote(spk.start)
                    else _person_subject(ctx, spk, kinds))
    return memo[ps]


#: A passive sentence that ends with its agent: "... was described as ... by Idaho
#: Republican Rep. Raul Labrador."
_AGENT_END = re.compile(r"\b(?:was|were|been|is|are)\s+(?:[a-z]+ly\s+)?[a-z]+(?:ed|en)\b"
                        r"[^.;:!?]*?\bby\s+((?:[A-Z][\w.'-]*\s+){0,5}[A-Z][\w'-]*)\.?"
                        "[\"'\u201d]?\\s*$")


_CAPITAL = re.compile(r"[A-Z]")
#: A sentence ending with its cue: "..., he said.", "..., Lee told reporters."
_TAIL_CUE_END = re.compile(r",\s+(?:he|she|they|[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*){0,3})\s+"
                           r"(?:said|says|added|adds|wrote|writes|told\s+\w+)\.?\s*$")
_DAY_NAME = re.compile(rf"(?:{_DAYS})(?:['\u2019]s)?")
#: Numbers opening a sentence are no one's name ("Seven people had amputations").
_NUMBER_WORDS = frozenset({"one", "two", "three", "four", "five", "six", "seven", "eight",
                           "nine", "ten", "eleven", "twelve", "twenty", "hundred",
                           "thousand", "dozens", "hundreds", "thousands", "millions"})
#: Tens and shares that open a quantity ("Forty percent of those polled").
_TENS = frozenset({"thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
                   "percent", "per", "cent"})


def _quantity_word(word: str) -> bool:
    """Is ``word`` a number, a number word or "percent" ("65", "Forty", "percent")?"""
    low = word.lower().partition("-")[0]  # ("Seventy-four")
    return low in _NUMBER_WORDS or low in _TENS or low.replace(".", "", 1).isdigit()
_FIRST_WORD = re.compile(r"\s*([A-Za-z]+)(?![\w'.-])")


def _person_subject(ctx: _Context, spk: _Speaker, kinds: dict[str, str]) -> Quote | None:
    """``spk`` as a ``scare`` Quote holding a name, when it names one person; else None."""
    spk = _tidy(ctx, spk)
    if spk.text is None:
        return None
    words = _NP_WORD.findall(spk.text)
    first = words[0].lower()
    if first == "the" and ctx.mentions and _ROLE_SPEAKER.fullmatch(spk.text):
        # "In December, the president signed a directive that he said ...": the listed
        # person last named with that title, if there is one
        role = _role_antecedent(ctx, Quote("scare", "", spk.start, spk.end, speaker=spk.text,
                                           speaker_start=spk.start, speaker_end=spk.end))
        return role if role.actor is not None else None
    if (not words[0][:1].isupper() or first in _OPENERS or first in _PRONOUNS
            or first in _CAPITAL_DETERMINERS or words[-1].lower() in _PEOPLE
            or first in _COUNT_WORDS or first in _NUMBER_WORDS  # ("Seven people had")
            or (len(words) == 1 and (first in stopwords() or first.endswith("where")))
            # ("Nowhere was she more adamant")
            or words[-1].lower().endswith(("'s", "\u2019s"))
            or spk.text.endswith(("'s", "\u2019s"))  # ("President Lee\u2019s plan")
            or _DAY_NAME.fullmatch(words[0])):  # ("Monday's vote")
        return None
    m = ctx.mention_before(spk.start, spk.end + 1)
    actor = m.actor if m is not None and m.start >= spk.start else None
    if actor is not None and kinds.get(actor) != "person":
        return None
    return Quote("scare", "", spk.start, spk.end, speaker=spk.text, actor=actor,
                 speaker_start=spk.start, speaker_end=spk.end, speaker_name=spk.text)


#: "the president", "the former governor", "the top Democrat's spokesman" is not one
#: (a possessive or a second noun makes it someone else): a definite role, the words
#: before it at most two modifiers.
_ROLE_SPEAKER = re.compile(r"[Tt]he((?:[ \t]+[\w-]+){0,2}?)[ \t]+([a-z]+)")
#: "the California Democrat", "the Ohio Republican": a person's state and party.
_STATE_PARTY = re.compile(r"[Tt]he[ \t]+([A-Z][a-z]+(?:[ \t]+[A-Z][a-z]+)?)[ \t]+"
                          r"(Democrat|Republican|Independent|independent)")
_PARTY_ADJECTIVES = {"democrat": "democratic", "republican": "republican",
                     "independent": "independent"}


def _label_antecedent(ctx: _Context, q: Quote, state: str, party: str) -> Quote:
    """``q`` with the listed person a "the California Democrat" speaker stands for: the
    nearest person mentioned before it (within three paragraphs) whose title, in the
    text or in the list, holds the state or the party ("Democratic California Sen.");
    ``q`` itself when no one fits."""
    here = ctx.paragraph_index(q.speaker_start)
    near = []  # (person, the words of their titles), nearest first
    for men in reversed(ctx.mentions):
        if men.start >= q.speaker_start or men.kind != "person":
            continue
        if here - ctx.paragraph_index(men.start) > 3:
            break
        words = {w for title in (_title_words(ctx, men),
                                 *ctx.listed_titles.get(men.actor, ())) for w in title}
        near.append((men, words))
    states = {s.lower() for s in US_STATES}
    for want, other_state_ok in (({w for w in state.lower().split()}, True),
                                 ({_PARTY_ADJECTIVES[party.lower()], party.lower()}, False)):
        for men, words in near:
            # the state first; the party only for a person whose titles name no state
            if want <= words if other_state_ok else (want & words and not words & states):
                return _replace(q, actor=men.actor, speaker_name=men.actor)
    return q

#: Abbreviated titles and the role nouns they stand for ("Gov. Inslee" is the governor).
_TITLE_ROLES = {"gov": "governor", "sen": "senator", "rep": "representative",
                "pres": "president", "sec": "secretary", "gen": "general",
                "adm": "admiral", "amb": "ambassador", "col": "colonel", "capt": "captain",
                "sgt": "sergeant", "atty": "attorney", "supt": "superintendent",
                "prof": "professor", "cmdr": "commander", "cdr": "commander"}

#: Words that make a role another office: the vice president is not the president.
_OTHER_OFFICE = frozenset({"vice", "deputy", "assistant", "under", "lieutenant", "lt",
                           "associate", "co", "acting", "former", "ex", "then"})


def _title_words(ctx: _Context, m: Mention) -> list[str]:
    """The lower-cased words of the title a person mention carries or stands right after
    ("President Donald Trump", "Washington Gov. Jay Inslee" -> [..., "gov"]), without
    periods; empty when the name stands alone."""
    parts = [(s, e) for form, s, e in m.parts if form == "title"]
    lo, hi = (parts[0][0], parts[-1][1]) if parts else (max(0, m.start - 60), m.start)
    words = _NP_WORD.findall(ctx.shadow, lo, hi)
    kept: list[str] = []
    for w in reversed(words):  # the capitalised run right before the name
        if not w[:1].isupper():
            break
        kept.append(w.rstrip(".").lower())
    return kept[::-1]


def _role_antecedent(ctx: _Context, q: Quote) -> Quote:
    """``q`` with the listed person its "the <role>" speaker stands for: the nearest person
    mentioned before it (in the three paragraphs before) with that role as the last word
    of their title ("President Trump" for "the president"; "Gov. Jay Inslee" for "the
    governor"), the other words of the role matching too ("the vice president" is Vice
    President Pence, "the president" is not). ``q`` itself when no one fits, or when two
    different people fit at the same distance."""
    if not (q.speaker or "").startswith(("the", "The")):
        return q  # (both patterns open with "the")
    label = _STATE_PARTY.fullmatch(q.speaker or "")
    if label is not None and label.group(1) in US_STATES:
        return _label_antecedent(ctx, q, label.group(1), label.group(2))
    m = _ROLE_SPEAKER.fullmatch(q.speaker or "")
    if m is None:
        return q
    role = m.group(2)
    if role not in ctx.roles:
        return q
    before = [w.lower() for w in _NP_WORD.findall(m.group(1))]
    here = ctx.paragraph_index(q.speaker_start)
    for men in reversed(ctx.mentions):
        if men.start >= q.speaker_start or men.kind != "person":
            continue
        if here - ctx.paragraph_index(men.start) > 3:
            break
        for title in (_title_words(ctx, men), *ctx.listed_titles.get(men.actor, ())):
            # the title the text gives, then those of the actor list ("Sen. Kamala
            # Harris" named far before "the senator")
            if not title or _TITLE_ROLES.get(title[-1], title[-1]) != role:
                continue
            office = [w for w in title[:-1] if w in _OTHER_OFFICE]
            if office != [w for w in before if w in _OTHER_OFFICE]:
                continue  # "Vice President Pence" for "the president"
            return _replace(q, actor=men.actor, speaker_name=men.actor)
    return q


#: Kinds of listed actors an "it" may stand for.
_BODY_KINDS = frozenset({"organisation", "country"})


def _relative_antecedent(ctx: _Context, q: Quote) -> Quote:
    """``q`` with ``speaker_name`` (and ``actor``) of the noun phrase a "who" speaker
    follows ("Ann Lee, who ...", "a senior aide who ..."); ``q`` itself when none stands
    right before it."""
    ante = _antecedent(ctx, q.speaker_start)
    if ante is None:
        return q
    return _replace(q, actor=ante.actor, speaker_name=ante.text)


_RELATIVE_OPENING = re.compile(r"(?:who|whom|whose|which|that)\b", re.IGNORECASE)
#: Where someone is from, set off by commas before a relative pronoun: ", of Moodus,
#: Connecticut" (the comma before "who" not included).
_HOME_APPOSITION = re.compile(
    r",\s+(?:of|from)\s+[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*)*(?:,\s+[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*)*)?$")


_COMMA_RELATIVE = re.compile(r",\s+(who|which)\s")


def _relative_before_comma(ctx: _Context, lo: int, comma: int) -> _Speaker | None:
    """'Doctors without Borders, which said its teams were "working around the clock" to
    help the wounded, said': the name before a relative clause with a quote in it that
    ends at ``comma`` (however long: no other comma outside quotation marks), else None.
    (A clause without quotes is an aside the other rules read.)"""
    sh = ctx.shadow
    rel = _COMMA_RELATIVE.search(sh, lo, comma)
    if rel is None or sh.find('"', rel.end(), comma) < 0 or any(
            sh[i] == "," and not ctx.in_quote(i) for i in range(rel.end(), comma)):
        return None
    ante = _antecedent(ctx, rel.start(1))
    return ante if ante is not None and ante.start >= lo else None


#: A comma opening an apposition: ", the U.S. ambassador to ...".
_APPOSITION_OPEN = re.compile(r",\s+(?:the|a|an|its|his|her|their)\s")


def _antecedent(ctx: _Context, who: int) -> _Speaker | None:
    """The name or noun phrase right before the relative pronoun at ``who`` ("Ann Lee,
    who", "one former staffer, who", "a senior aide who"), else None."""
    sh = ctx.shadow
    comma = _last_char_before(sh, max(0, who - 5), who)
    if comma < 0 or not (sh[comma] in ",-" or sh[comma].isalpha()):
        return None  # (a dash: "Donald Trump - who previously said")
    if sh[comma].isalpha():  # no comma: the phrase ends right before "who"
        comma += 1
    home = _HOME_APPOSITION.search(sh, max(0, comma - 60), comma)
    if home is not None:
        comma = home.start()  # "Katherine Hackett, of Moodus, Connecticut, who": the person
    owned = _OWNER_BEFORE.search(sh, max(0, comma - 40), comma) \
        if sh[comma - 2:comma] in ("'s", "\u2019s") else None
    if owned is not None and (det := _OWNED_OF.search(sh, max(0, owned.start() - 40),
                                                      owned.start())) is not None:
        # "an acquaintance of Zehaf-Bibeau's who said": the acquaintance
        a = det.start(1)
        return _Speaker(ctx.text[a:comma], None, a, comma)
    m = ctx.mention_before(max(0, comma - _NP_REACH), comma)
    if m is not None and m.end == _last_char_before(sh, m.start, comma) + 1:
        if sh.startswith("who", who) and sh.endswith(" of ", 0, m.start) \
                and (c2 := sh.rfind(",", max(0, m.start - 60), m.start)) > 0 \
                and _APPOSITION_OPEN.match(sh, c2) \
                and (person := _name_before_apposition(ctx, c2)) is not None:
            return person  # "Lynne Brookes, a classmate of Ramirez who has said": Brookes
        if m.kind != "person" and sh.startswith("who", who) \
                and (ppl := _PLURAL_OF.search(sh, max(0, m.start - 40), m.start)) is not None:
            # "whistleblowers within the Trump administration who blasted": the people
            a = ppl.start(1)
            return _Speaker(ctx.text[a:m.end], m.actor, a, m.end)
        if m.kind != "person" and sh.startswith("who", who):
            # "Susan Rice, the U.S. ambassador to the United Nations, who": a body ends
            # the apposition; "who" stands for the name before it
            c2 = sh.rfind(",", max(0, m.start - 80), m.start)
            name = (_NAME_END.search(sh, max(0, c2 - 80), c2)
                    if c2 > 0 and _APPOSITION_OPEN.match(sh, c2) else None)
            if name is not None and _speaker_ok(name.group(1)):
                inner = ctx.mention_before(name.start(1), name.end(1))
                if inner is not None and inner.end == name.end(1):
                    return _Speaker(inner.surface, inner.actor, inner.start, inner.end)
                return _Speaker(ctx.text[name.start(1):name.end(1)], None, name.start(1),
                                name.end(1))
        return _Speaker(m.surface, m.actor, m.start, m.end)
    name = _NAME_END.search(sh, max(0, comma - 80), comma)
    if name is None and sh[comma:comma + 1] == "," and sh.startswith("who", who) \
            and (c2 := sh.rfind(",", max(0, comma - 80), comma)) > 0 \
            and _APPOSITION_OPEN.match(sh, c2) and '"' not in sh[c2:comma]:
        # "said Mathew Staver, a lawyer representing the church, who said": the person
        # the apposition is about, not its last noun
        person = _name_before_apposition(ctx, c2)
        if person is not None:
            return person
    if name is None:
        # "said one former staffer, who ...": the noun phrase before the comma
        words = list(_NP_WORD.finditer(sh, max(0, comma - 60), comma))[-5:]
        k = next((k for k in range(len(words) - 2, -1, -1)
                  if words[k].group().lower() in _NP_OPENERS), None)
        if k is None or any(w.group().lower() in _NP_STOPS for w in words[k + 1:]):
            return None
        while k > 0 and words[k - 1].group().lower() in _NP_OPENERS:
            k -= 1  # "one former staffer", not "former staffer"
        a, b = words[k].start(), words[-1].end()
        if words[k].group() in ("a", "an") and sh.endswith(", ", 0, a):
            # "Ted Cruz (R-Texas), a conservative who": the apposition's person
            person = _name_before_apposition(ctx, a - 2)
            if person is not None:
                return person
        if words[k].group() == "the" and sh.startswith("who", who) \
                and (ppl := _PLURAL_OF.search(sh, max(0, a - 40), a)) is not None:
            a = ppl.start(1)  # "whistleblowers within the Trump administration who"
        return _Speaker(ctx.text[a:b], None, a, b)
    low = name.group(1).lower()
    if not _speaker_ok(name.group(1)) or low in _PRONOUNS or low in _OPENERS:
        return None
    a = name.start(1)
    if sh.startswith("who", who) and (ppl := _PLURAL_OF.search(sh, max(0, a - 40), a)):
        a = ppl.start(1)  # "officials at the White House who": the officials
    return _Speaker(ctx.text[a:name.end(1)], None, a, name.end(1))


def _name_before_apposition(ctx: _Context, comma: int) -> _Speaker | None:
    """The name that ends at the ``comma`` opening an apposition (after a party tag in
    brackets: "Sen. Ted Cruz (R-Texas),"), else None."""
    sh = ctx.shadow
    end = comma
    if sh[end - 1:end] == ")" and (p := sh.rfind("(", max(0, end - 30), end)) > 0:
        end = _last_char_before(sh, 0, p) + 1
    m = ctx.mention_before(max(0, end - _NP_REACH), end)
    if m is not None and m.end == end:
        return _Speaker(m.surface, m.actor, m.start, m.end) if m.kind == "person" else None
    name = _NAME_END.search(sh, max(0, end - 80), end)
    if name is None or name.end(1) != end or not _speaker_ok(name.group(1)) \
            or name.group(1).lower() in _PRONOUNS or name.group(1).lower() in _OPENERS:
        return None
    return _Speaker(ctx.text[name.start(1):end], None, name.start(1), end)


def _name_key(q: Quote) -> str:
    name = q.actor or q.speaker_name or q.speaker or ""
    words = _NP_WORD.findall(name)
    return words[-1].lower() if words else ""


def _is_person_name(q: Quote, kinds: dict[str, str]) -> bool:
    """Does a speaker name one person (a listed person, or capitalised words that do not
    open with an article: "Mr. Garin", not "The Russian Defense Ministry")?"""
    if q.actor:
        return kinds.get(q.actor) == "person"
    words = _NP_WORD.findall(q.speaker or "")
    if not words or not words[0][:1].isupper():
        return False
    first, last = words[0].lower(), words[-1].lower()
    name = q.speaker_name or q.speaker or ""
    return (first not in _OPENERS and first not in ("the", "a", "an")
            and ";" not in (q.speaker_name or "")
            and last not in _PEOPLE  # ("Sources said": no one person)
            and last not in _BODY_HEADS  # (nor "Trump's campaign")
            and first not in _POSSESSIVE_DETERMINERS  # (not "His answer")
            and first not in _PRONOUNS  # (not "They should say")
            and (words if name == q.speaker else _NP_WORD.findall(name))[-1][:1].isupper()
            # (not "Monday's ruling", "The majority"; "Ann Lee, who" names Ann Lee)
            and not _DAY_NAME.fullmatch(words[0])
            and not (len(words) == 1 and words[0].isupper()))  # (nor "CBS", "NATO")


_POSSESSIVE_DETERMINERS = frozenset({"his", "her", "their", "its", "our", "my", "your"})
#: Heads of a speaker that name a body, no one person a later "he" or "she" may be.
_BODY_HEADS = frozenset({"campaign", "camp", "team", "administration", "office", "staff",
                         "government", "party", "committee", "ministry", "department"})


def _gender(ctx: _Context, q: Quote) -> str | None:
    """"m", "f" or None: from a title in the speaker's words or before the surname
    elsewhere in the text, or from the actor list (an actor's ``gender``, if given); else,
    for a first and last name (after a title or role, perhaps), from a first name the 1990
    US census gives almost only to one sex ("Harry Crouch" is no "she")."""
    if q.actor and ctx.actor_genders.get(q.actor):
        return ctx.actor_genders[q.actor]
    title = _TITLE_GENDER.search(q.speaker or "")
    if title:
        return _GENDER_OF_TITLE[title.group(1).lower()]
    words = _NP_WORD.findall(q.speaker_name or q.speaker or "")
    found = ctx.title_gender(words[-1]) if words else None
    # (the name after a title or role: "Ambassador Tom Reed", "Gov. Ann B. Lee")
    for k in range(min(3, len(words)), 1, -1):
        if found is not None or not all(w[:1].isupper() for w in words[-k:]):
            continue
        census = first_name_gender(" ".join(words[-k:]))
        found = {"male": "m", "female": "f"}.get(census or "")
    if found is None and len(words) == 1 and words[0][:1].isupper():
        # a first name alone ('"Good job, Daddy," Sasha said'), when no name in the text
        # ends with it (not "Warren" of "Elizabeth Warren": a surname); the census first,
        # the text's scan only for a first name
        census = {"male": "m", "female": "f"}.get(first_name_gender(words[0]) or "")
        if census is not None and not _after_capitalised(ctx.text, words[0]):
            found = census
    return found


def _after_capitalised(text: str, word: str) -> bool:
    r"""Does ``word`` stand anywhere in ``text`` after a capitalised word and spaces or
    tabs ("Elizabeth Warren" for "Warren"), as a whole word? The same as
    ``re.search(rf"[A-Z][\w'.-]*[ \t]+{re.escape(word)}\b", text)``, read at the word's
    few occurrences (``str.find``) instead of at every capital of the text.

    >>> _after_capitalised("Sen. Elizabeth Warren", "Warren"), _after_capitalised(
    ...     "Warren spoke; warren", "Warren")
    (True, False)
    """
    ends_in_word = _word_character(word[-1])
    i = text.find(word)
    while i >= 0:
        j = i + len(word)
        if i and text[i - 1] in " \t" \
                and ends_in_word != (j < len(text) and _word_character(text[j])):  # \b
            k = i - 1
            while k > 0 and text[k - 1] in " \t":
                k -= 1
            while k > 0 and (_word_character(text[k - 1]) or text[k - 1] in "'.-"):
                k -= 1  # the word before the spaces: a capital in it may open it
                if "A" <= text[k] <= "Z":
                    return True
        i = text.find(word, i + 1)
    return False


def _word_character(char: str) -> bool:
    """Is ``char`` a regex ``\\w`` (what ``str.isalnum`` accepts, and ``_``)?"""
    return char.isalnum() or char == "_"


def _dedupe(items: list[Quote]) -> list[Quote]:
    out: list[Quote] = []
    verbs_seen: set[int] = set()
    spans_seen: set[tuple[int, int, str | None]] = set()
    for q in sorted(items, key=lambda q: (q.start, -(q.end - q.start))):
        if q.verb_start in verbs_seen or (q.start, q.end, q.actor) in spans_seen:
            continue
        out.append(q)
        if q.verb_start >= 0:
            verbs_seen.add(q.verb_start)
        spans_seen.add((q.start, q.end, q.actor))
    return out


# --- corpus level -----------------------------------------------------------------------


def _actors_keyword(func):
    """Let ``func(data, actors)`` (the old positional form) work for now, with a
    FutureWarning naming the keyword; the signature shown is the keyword-only one."""

    @functools.wraps(func)
    def wrapper(data, *args, **kwargs):
        if args:
            if len(args) > 1 or "actors" in kwargs:
                raise TypeError(f"{func.__name__}() takes the data and keyword options only; "
                                f"pass the actor list as actors=...")
            warnings.warn(f"{func.__name__}(data, actors): pass the actor list as the keyword "
                          f"actors=...; the positional form will stop working",
                          FutureWarning, stacklevel=2)
            kwargs["actors"] = args[0]
        return func(data, **kwargs)

    return wrapper


@_actors_keyword
def quote_table(
    corpus: pd.DataFrame,
    *,
    actors: ActorList | None = None,
    verbs: VerbLexicon | None = None,
) -> pd.DataFrame:
    """One row per quote: ``article_id, outlet, quote_index, kind, speaker, actor, verb,
    verb_group, quote, start, end, n_words, closed, sentence_index, cue, speaker_start,
    speaker_end, verb_start, verb_end, speaker_name`` (see :class:`Quote`; ``kind`` is
    ``direct``, ``reported``, ``scare`` or ``thought``; the last two are no voices and
    :func:`voice_table` and :func:`verb_table` leave them out).

    ``start``/``end`` index the article's ``text`` (the quoted words, without the marks);
    the speaker and verb spans are the evidence for the attribution (-1 when there is
    none). With ``actors=None`` each article uses the lists under ``data/actors/`` that
    match its ``event``.

    >>> from analysis import load_corpus
    >>> quotes = quote_table(load_corpus(SEED_EVENT))
    >>> quotes[quotes["outlet"] == "Shafaq News"][["kind", "actor", "verb", "cue"]].tail(3)
            kind           actor       verb        cue
    35    direct   Dmitry Peskov        NaN  continued
    36  reported  Sergei Ryabkov  described         as
    37    direct  Sergei Ryabkov     quoted      after
    """
    require_columns(corpus, ["article_id", "outlet", "text"], "quote_table")
    verbs = verbs or load_verbs()
    rows = []
    for (article_id, outlet, text), (_pos, alist) in zip(
        zip(corpus["article_id"], corpus["outlet"], corpus["text"], strict=True),
        actors_per_row(corpus, actors), strict=True,
    ):
        text = text if isinstance(text, str) else ""
        starts = [s for s, _ in sentence_spans(text)]
        for i, q in enumerate(find_quotes(text, alist, verbs=verbs)):
            rows.append((
                article_id, outlet, i, q.kind, q.speaker, q.actor, q.verb, q.verb_group,
                q.quote, q.start, q.end, q.n_words, q.closed,
                max(0, bisect.bisect_right(starts, q.start) - 1), q.cue, q.speaker_start,
                q.speaker_end, q.verb_start, q.verb_end, q.speaker_name,
            ))
    ints = ["quote_index", "start", "end", "n_words", "sentence_index", "speaker_start",
            "speaker_end", "verb_start", "verb_end"]
    return pd.DataFrame(rows, columns=QUOTE_COLUMNS).astype(
        {**{c: "int64" for c in ints}, "closed": "bool"}
    )


#: Subjects that point at a fact, not at somebody: no voice.
_DEMONSTRATIVES = frozenset({"that", "this", "these", "those", "which"})


#: Kinds of :class:`Quote` that are no voices: terms and scare quotes, and what somebody
#: is said to think or want.
NOT_VOICES = frozenset({"scare", "thought"})


def _voiced(quotes: pd.DataFrame) -> pd.DataFrame:
    """The quotes that are voices: ``scare`` rows (terms, titles, nicknames) and
    ``thought`` rows (attributions of thought and intention) left out."""
    return quotes[~quotes["kind"].isin(NOT_VOICES)] if len(quotes) else quotes


def _names(quotes: pd.DataFrame) -> pd.Series:
    """``speaker_name`` (the name a pronoun stands for, "A; B"), else ``speaker``."""
    if "speaker_name" not in quotes.columns:
        return quotes["speaker"]
    return quotes["speaker_name"].where(
        quotes["speaker_name"].notna() & (quotes["speaker_name"] != ""), quotes["speaker"])


def _as_quotes(data: pd.DataFrame, actors: ActorList | None, what: str) -> pd.DataFrame:
    if "quote_index" in data.columns:
        require_columns(data, ["article_id", "outlet", "quote_index", "kind", "speaker", "actor",
                        "n_words"], what)
        return data
    return quote_table(data, actors=actors)


@_actors_keyword
def voice_table(data: pd.DataFrame, *, actors: ActorList | None = None) -> pd.DataFrame:
    """Who is quoted, per outlet: one row per outlet and voice.

    ``data`` is a :func:`quote_table` or a corpus (then quotes are found first). Scare
    quotes and terms (kind ``scare``) and what somebody is said to think or want (kind
    ``thought``) are no voices and are left out, and so are findings
    ("a poll shows ...": verb group ``evidence``) and statements whose subject is a bare
    "that", "this", "these", "those" or "which" ("That suggests ...", "..., which
    suggests ..."); they stay in the quote table. The ``voice`` is the actor when the
    speaker resolved to one, else ``speaker_name`` (the name a "he"/"she" stands for), else
    the speaker's words, else ``(unattributed)``; a quote of several speakers ("A; B")
    counts for each of them, so shares may add up to more than one.
    Columns: ``outlet, voice, actor, n_articles`` (articles of the outlet quoting the
    voice), ``n_quotes, n_direct, n_reported, quoted_words``,
    ``quote_share`` and ``word_share`` (of the outlet's quotes and quoted words),
    ``first_voice_articles`` (articles whose first quote is this voice's).

    >>> from analysis import load_corpus
    >>> voices = voice_table(load_corpus(SEED_EVENT))
    >>> voices[voices["outlet"] == "Shafaq News"][["voice", "n_quotes", "n_direct",
    ...                                            "first_voice_articles"]].head(2)
                voice  n_quotes  n_direct  first_voice_articles
    0   Dmitry Peskov         5         4                     0
    1  Sergei Ryabkov         2         1                     0
    """
    quotes = _voiced(_as_quotes(data, actors, "voice_table"))
    if len(quotes) and "verb_group" in quotes.columns:
        quotes = quotes[quotes["verb_group"] != "evidence"]  # a poll is no voice
    if len(quotes) and "speaker" in quotes.columns:
        # "That suggests ...", "which shows ...": a fact, not somebody, is the subject
        quotes = quotes[~quotes["speaker"].fillna("").str.strip().str.lower().isin(
            _DEMONSTRATIVES)]
    if quotes.empty:
        return pd.DataFrame(columns=VOICE_COLUMNS)
    voice = quotes["actor"].where(quotes["actor"].notna() & (quotes["actor"] != ""),
                                  _names(quotes))
    voice = voice.where(voice.notna() & (voice != ""), UNATTRIBUTED)
    q = quotes.assign(voice=voice.str.split("; "), direct=quotes["kind"] == "direct",
                      first=quotes["quote_index"] == quotes.groupby("article_id")[
                          "quote_index"].transform("min"))
    # "A and B said": the quote counts for each of them
    q = q.explode("voice", ignore_index=True)
    q["actor"] = q["actor"].where(q["actor"].isna() | ~q["actor"].astype(str).str.contains(
        "; ", regex=False), q["voice"])
    g = q.groupby(["outlet", "voice"], sort=False)
    out = g.agg(
        actor=("actor", "first"),
        n_articles=("article_id", "nunique"),
        n_quotes=("quote_index", "size"),
        n_direct=("direct", "sum"),
        quoted_words=("n_words", "sum"),
        first_voice_articles=("first", "sum"),
    ).reset_index()
    out["n_reported"] = out["n_quotes"] - out["n_direct"]
    per_outlet = out.groupby("outlet")[["n_quotes", "quoted_words"]].transform("sum")
    out["quote_share"] = out["n_quotes"] / per_outlet["n_quotes"]
    out["word_share"] = out["quoted_words"] / per_outlet["quoted_words"].where(
        per_outlet["quoted_words"] > 0)
    out = out.sort_values(["outlet", "n_quotes", "quoted_words", "voice"],
                          ascending=[True, False, False, True], kind="stable")
    return out[VOICE_COLUMNS].astype(
        {"n_direct": "int64", "n_reported": "int64", "first_voice_articles": "int64"}
    ).reset_index(drop=True)


@_actors_keyword
def verb_table(
    data: pd.DataFrame,
    *,
    actors: ActorList | None = None,
    verbs: VerbLexicon | None = None,
) -> pd.DataFrame:
    """Attribution verb groups per outlet: one row per outlet and group.

    Scare quotes and terms (kind ``scare``) are left out. Columns: ``outlet, verb_group,
    n_quotes, share`` (of the outlet's quotes) and ``verbs``
    (the verbs behind the count, e.g. ``"said ×3, noted"``). Every group of the lexicon
    appears for every outlet (zero when unused), plus ``none`` for quotes without a cue
    verb. "according to" counts as neutral.

    >>> from analysis import from_texts
    >>> corpus = from_texts({"A": '"No," he said. "Yes," she warned. "Maybe," he claimed.'})
    >>> verb_table(corpus).query("n_quotes > 0")[["verb_group", "n_quotes", "verbs"]]
            verb_group  n_quotes    verbs
    0          neutral         1     said
    2         doubting         1  claimed
    3  confrontational         1   warned
    """
    quotes = _voiced(_as_quotes(data, actors, "verb_table"))
    lexicon = verbs or load_verbs()
    groups = [*lexicon.groups, "none"]
    rows = []
    for outlet in pd.unique(quotes["outlet"]) if len(quotes) else []:
        sub = quotes[quotes["outlet"] == outlet]
        vg = sub["verb_group"].where(sub["verb_group"].notna(), "none")
        total = len(sub)
        for group in groups:
            verbs_here = sub.loc[vg == group, "verb"].dropna().str.lower()
            counts = verbs_here.value_counts()
            shown = ", ".join(f"{v} ×{n}" if n > 1 else v for v, n in counts.items())
            n = int((vg == group).sum())
            rows.append((outlet, group, n, n / total if total else 0.0, shown))
    return pd.DataFrame(rows, columns=VERB_COLUMNS).astype({"n_quotes": "int64"})
