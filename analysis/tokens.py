"""Words and sentences with character spans, tuned for news text.

Everything here reports ``(start, end)`` offsets into the text *as given*, so that
``text[start:end]`` is always the word or sentence: that is what highlighting and every
"show me the evidence" table need. Tokenisers follow NLTK's interface: ``tokenize(text)``
gives strings and ``span_tokenize(text)`` gives offsets.

How it works, in brief:

* Matching runs on a *shadow* of the text of the same length, in which curly quotes become
  straight ones, hyphen look-alikes become ``-``, other dashes become ``–``, and unusual spaces
  become plain spaces, character for character. Offsets found in the shadow are offsets in
  the original.
* Words come from one regular expression (NLTK's ``RegexpTokenizer`` idea) that keeps
  "U.S.", "long-range", "Russia's", "1,000" and "Gen." whole. Abbreviations are read from
  ``data/wordlists/abbreviations.yml``.
* Sentences come from NLTK's Punkt algorithm with hand-written parameters (the abbreviation
  list and a few frequent sentence starters) instead of a downloaded model, plus two rules
  news needs: a line break ends a sentence (headlines, captions and one-line paragraphs have
  no final period) unless the text is hard-wrapped, and an enumeration marker such as "1." is
  kept with the item it numbers.

Nothing here needs NLTK data or the network.

>>> words("Gen. Lloyd J. Austin said the U.S. would deploy long-range missiles.")
['Gen.', 'Lloyd', 'J.', 'Austin', 'said', 'the', 'U.S.', 'would', 'deploy', 'long-range',
 'missiles']
>>> sentences("Mr. Peskov spoke first. “We see it,” he said. Ryabkov agreed.")
['Mr. Peskov spoke first.', '“We see it,” he said.', 'Ryabkov agreed.']
"""

from __future__ import annotations

import functools
import itertools
import re
import unicodedata
from collections.abc import Collection, Iterable, Sequence
from typing import Literal

import pandas as pd
from nltk.tokenize.punkt import PunktParameters
from nltk.util import ngrams as _nltk_ngrams

from .compat import keyword_only
from .errors import require_columns
from .fastpunkt import FastPunkt
from .resources import load_wordlist

__all__ = [
    "SentenceSplitter",
    "WordTokenizer",
    "corpus_summary",
    "count_syllables",
    "count_words",
    "lowered_shadow",
    "ngrams",
    "normalize",
    "paragraph_spans",
    "readability",
    "sentence_spans",
    "sentence_table",
    "sentences",
    "shadow",
    "stopword_set",
    "stopwords",
    "text_stats",
    "token_table",
    "trie_lookahead",
    "trie_pattern",
    "word_spans",
    "words",
]

Span = tuple[int, int]

# --- the shadow text ---------------------------------------------------------------------
# One character in, one character out, so offsets survive.
_SINGLE_QUOTES = "\u2018\u2019\u201a\u201b\u2039\u203a\u2032\u02bc\uff07"
_DOUBLE_QUOTES = "\u201c\u201d\u201e\u201f\u00ab\u00bb\u2033\u301d\u301e\uff02"
_HYPHENS = "\u2010\u2011\u00ad"  # hyphen, non-breaking hyphen, soft hyphen: join words
_DASHES = "\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d"  # figure/en/em dash, minus
_SPACES = "\t\u00a0\u1680\u202f\u205f\u3000" + "".join(map(chr, range(0x2000, 0x200B)))
_LINE_BREAKS = "\u2028\u2029\u0085\x0b\x0c"
_ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff"

_SHADOW_TABLE = str.maketrans(
    {
        **{c: "'" for c in _SINGLE_QUOTES},
        **{c: '"' for c in _DOUBLE_QUOTES},
        **{c: "-" for c in _HYPHENS},
        **{c: "\u2013" for c in _DASHES},
        **{c: " " for c in _SPACES},
        **{c: "\n" for c in _LINE_BREAKS},
    }
)
_CR_BEFORE_LF = re.compile(r"\r(?=\n)")
_SHADOW_MAP = {chr(k): v for k, v in _SHADOW_TABLE.items()}
_SHADOW_CHARS = re.compile("[" + re.escape("".join(_SHADOW_MAP)) + "]")


def _shadow_char(match: re.Match[str]) -> str:
    return _SHADOW_MAP[match.group()]


def _make_shadow(text: str) -> str:
    """Same-length copy of ``text`` with quotes, dashes, spaces and line ends made plain."""
    if text.isascii() and "\r" not in text and "\t" not in text and "\x0b" not in text \
            and "\x0c" not in text:
        return text  # nothing in the table applies to plain ASCII without tab/CR/VT/FF
    # Replacing the few special characters found is ~10x faster than str.translate on
    # mostly-ASCII news text.
    shadow = _SHADOW_CHARS.sub(_shadow_char, text)
    if "\r" in shadow:
        shadow = _CR_BEFORE_LF.sub(" ", shadow).replace("\r", "\n")
    return shadow


#: :func:`_make_shadow`, cached for the last few texts: words, sentences, frames and actors
#: of one article all start from its shadow.
_shadow = functools.lru_cache(maxsize=4)(_make_shadow)
#: Texts up to this long (a quote, a sentence) are counted without the cache of
#: :func:`_shadow`, so counting them does not push the article out of it.
_SHORT = 2_000


def shadow(text: str) -> str:
    r"""A copy of ``text`` of the same length in which curly and angle quotes, dashes,
    unusual spaces and line ends are made plain, so offsets found in it are offsets in
    ``text``. Match patterns against the shadow; report spans of the original.

    >>> shadow("“Kyiv’s”\u00a0plan") == '"Kyiv\'s" plan'
    True
    """
    return _shadow(text)


@functools.lru_cache(maxsize=2)
def lowered_shadow(text: str) -> str:
    """:func:`shadow` in lower case, of the same length (a character whose lower case is
    longer stays as it is), for the last texts: the actors, frames and markers of one
    article all match on it.

    >>> lowered_shadow("The \u201cKremlin\u201d") == 'the "kremlin"'
    True
    """
    return _lower_same_length(_shadow(text))


def _lower_same_length(text: str) -> str:
    """``text.lower()``, keeping characters whose lower case is longer (so offsets hold)."""
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in text)


def normalize(
    text: str,
    *,
    form: Literal["NFC", "NFKC"] | None = "NFC",
    quotes: bool = True,
    dashes: bool = True,
    spaces: bool = True,
    zero_width: bool = True,
) -> str:
    """Unicode-normalise text for display or exact matching.

    Unlike the tokenisers this may change the text's length (NFC composes characters and
    ``zero_width`` drops invisible ones), so use it on tokens, not before taking spans.

    Parameters
    ----------
    form : Unicode normalisation form, or None to skip.
    quotes : curly and angle quotes become ``'`` and ``"``.
    dashes : hyphen look-alikes, en and em dashes and the minus sign become ``-``.
    spaces : non-breaking and other unusual spaces become a plain space.
    zero_width : zero-width spaces, joiners, soft hyphens and byte-order marks are removed.

    >>> normalize("“Cold\u00a0War” \u2014 Peskov\u2019s view")
    '"Cold War" - Peskov\\'s view'
    """
    if text.isascii():  # nothing below changes plain ASCII text
        return text
    if zero_width:
        text = text.translate(_DROP_ZERO_WIDTH)
    if form:
        text = unicodedata.normalize(form, text)
    table = _normalize_table(quotes, dashes, spaces)
    return text.translate(table) if table else text


_DROP_ZERO_WIDTH = dict.fromkeys(map(ord, _ZERO_WIDTH + "\u00ad"))


@functools.cache
def _normalize_table(quotes: bool, dashes: bool, spaces: bool) -> dict[int, str]:
    table: dict[str, str] = {}
    if quotes:
        table.update({c: "'" for c in _SINGLE_QUOTES})
        table.update({c: '"' for c in _DOUBLE_QUOTES})
    if dashes:
        table.update({c: "-" for c in _HYPHENS + _DASHES})
    if spaces:
        table.update({c: " " for c in _SPACES})
    return str.maketrans(table)


# --- words ------------------------------------------------------------------------------

# Abbreviations that are also ordinary English words ("ill.", "miss.", "mass.") are left
# out of the word tokeniser's list, so "He was ill." ends in "ill", not "ill.".
_NOT_ABBREVIATIONS_IN_WORDS = frozenset({"no", "co", "sec", "mar", "ark"})


@functools.cache
def _abbreviations() -> frozenset[str]:
    return load_wordlist("abbreviations", "titles", "months", "states", "dotted", "other")


def trie_pattern(words: Iterable[str | Sequence[str]]) -> str:
    r"""One regex alternation for many ``words``, shared prefixes factored out.

    A word is a string of literal characters, or a sequence of regex pieces already escaped
    (``["[Pp]", "utin", r"\s+"]``). Much faster than ``"|".join(words)`` when there are
    many. At each place it prefers the longest word and backs off to shorter ones, like an
    alternation sorted longest first; so followed by a boundary such as ``(?!\w)`` it
    matches what that alternation matches. Branches keep the order the words came in.

    >>> re.fullmatch(trie_pattern(["said", "say", "says"]), "says") is not None
    True
    """
    tree: dict = {}
    for word in words:
        node = tree
        for atom in map(re.escape, word) if isinstance(word, str) else word:
            node = node.setdefault(atom, {})
        node[""] = {}

    def walk(node: dict) -> str:
        branches = [atom + walk(child) for atom, child in node.items() if atom]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return walk(tree)


def trie_lookahead(words: Iterable[str | Sequence[str]]) -> str:
    r"""A look-ahead for the characters the words of :func:`trie_pattern` start with.

    Put in front of the trie, it lets the regex engine reject a place with one character
    test instead of walking the trie's first branches (which it does at every place the
    boundary before the trie allows); the matches stay the same, since every match starts
    with one of these characters. ``""`` (no look-ahead) when a word starts with a regex
    piece other than a character or a class of characters, or there are no words.

    >>> trie_lookahead(["said", "told", "Says"])
    '(?=[Sst])'
    >>> trie_lookahead([["[Ss]", "ir"], [r"\.", "5"]])
    '(?=[\\.Ss])'
    """
    chars: set[str] = set()
    for word in words:
        if not word:
            return ""
        if isinstance(word, str):
            chars.add(word[0])
            continue
        atom = word[0]
        # re.escape() output: a character, or a backslash and a non-alphanumeric one (a
        # backslash before a letter or digit would be a class such as \s or \d).
        one = re.fullmatch(r"([^\\[])|\\([^\w])", atom, re.DOTALL)
        klass = re.fullmatch(r"\[((?:[^\\\]^]|\\[^\w])+)\]", atom, re.DOTALL)
        if one:
            chars.add(one.group(1) or one.group(2))
        elif klass:
            chars.update(re.findall(r"\\?(.)", klass.group(1), re.DOTALL))
        else:
            return ""
    if not chars:
        return ""
    return "(?=[" + "".join(re.escape(c) for c in sorted(chars)) + "])"


_JOINERS = "-'&\u200b\u200c\u200d\u2060"  # inside a word: long-range  Russia's  AT&T


def _word_pattern(*, punct: bool = True, fast: bool = True) -> str:
    """The word tokeniser's regular expression (the reference is ``fast=False``).

    ``fast`` puts a shortcut first: a run of letters followed by white space, the end or a
    mark that no other branch continues over. Every other branch fails there (url needs
    ``:``, email ``@`` through ``[\\w.+-]``, dotted, abbr and initial a ``.``, number a
    digit) and ``word`` matches the same run, so the tokens are the same; most words then
    cost one branch instead of all seven. ``punct=False`` drops the last branch: a mark it
    would have matched is one character that nothing else matches, which the scanner steps
    over anyway, so the other tokens are unchanged. ``fast`` also starts with a look-ahead
    for a character that is not white space: every branch consumes one first, so this
    only skips the spaces between words sooner (a third of the time). ``tests/test_tokens.py``
    checks the fast patterns against the reference on real and generated text.
    """
    undotted = sorted(
        (a for a in _abbreviations() if "." not in a and a not in _NOT_ABBREVIATIONS_IN_WORDS),
        key=len,
        reverse=True,
    )
    shortcut = rf"""(?=\S)(?:
        (?P<plain>[^\W\d_]++(?=[^\w.@+:{re.escape(_JOINERS)}]|\Z))  # most words: letters
      |""" if fast else ""
    pattern = rf"""{shortcut}
        (?P<url>https?://[^\s<>"']+[^\s<>"'.,;:!?)\]])
      | (?P<email>(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+)  # from its run's start only
      | (?P<dotted>(?<![\w.])(?:[^\W\d_]\.){{2,}})            # U.S.  e.g.  a.m.
      | (?P<abbr>(?<![\w.])(?:{trie_pattern(undotted)})\.)  # Gen.  Jan.
      | (?P<initial>(?<![\w.])(?-i:[A-Z])\.(?=[ ]+(?-i:[A-Z])\w))     # the J. of Lloyd J. Austin
      | (?P<number>\d+(?:[.,]\d+)+(?:-\w+)*)                  # 1,000  3.5  1,000-strong
      | (?P<word>\w+(?:[{_JOINERS}]\w+)*)                        # long-range  Russia's  SM-6
    """
    if punct:
        pattern += r"""  | (?P<punct>[^\w\s])
    """
    return pattern + ")" if fast else pattern


@functools.cache
def _word_regex(punct: bool = True) -> re.Pattern[str]:
    return re.compile(_word_pattern(punct=punct), re.VERBOSE | re.IGNORECASE)


class WordTokenizer:
    """Split text into words, keeping character offsets.

    Parameters
    ----------
    punct : keep punctuation marks as tokens of their own.

    >>> WordTokenizer().span_tokenize("Russia's long-range plan")
    [(0, 8), (9, 19), (20, 24)]
    >>> WordTokenizer(punct=True).tokenize("“No,” he said.")
    ['“', 'No', ',', '”', 'he', 'said', '.']
    """

    def __init__(self, *, punct: bool = False) -> None:
        self.punct = punct

    def span_tokenize(self, text: str) -> list[Span]:
        """Offsets ``(start, end)`` of every token, in order."""
        return list(map(re.Match.span, _word_regex(self.punct).finditer(_shadow(text))))

    def tokenize(self, text: str) -> list[str]:
        """The tokens as they appear in ``text``."""
        return [text[s:e] for s, e in self.span_tokenize(text)]


@functools.lru_cache(maxsize=4)
def _cached_word_spans(text: str, punct: bool) -> tuple[Span, ...]:
    """The last few texts' word spans: several analyses of one article all need them."""
    return tuple(WordTokenizer(punct=punct).span_tokenize(text))


def _strip_possessive(text: str, start: int, end: int) -> Span:
    token = _shadow(text[start:end])
    if len(token) > 2 and token[-2:].lower() == "'s":
        return start, end - 2
    return start, end


def word_spans(
    text: str,
    *,
    punct: bool = False,
    possessive: Literal["keep", "strip"] = "keep",
) -> list[Span]:
    """Character offsets of the words in ``text``.

    ``possessive="strip"`` ends a possessive word before its ``'s``, so that "Russia's"
    spans "Russia".

    >>> text = "Russia's envoy"
    >>> [text[s:e] for s, e in word_spans(text, possessive="strip")]
    ['Russia', 'envoy']
    """
    spans = list(_cached_word_spans(text, punct))
    if possessive == "strip":
        spans = [_strip_possessive(text, s, e) for s, e in spans]
    elif possessive != "keep":
        raise ValueError(f"possessive must be 'keep' or 'strip', not {possessive!r}")
    return spans


def count_words(text: str) -> int:
    """How many words :func:`word_spans` finds in ``text``, without building the spans.

    >>> count_words("Russia's long-range plan, U.S. officials said.")
    6
    """
    regex = _word_regex(False)
    shadowed = _make_shadow(text) if len(text) <= _SHORT else _shadow(text)
    if _CHUNK_COUNTS.regex is not regex:  # a new word regex: the counts start again
        _CHUNK_COUNTS.regex, _CHUNK_COUNTS.counts = regex, {} if _chunks_alone() else None
    counts = _CHUNK_COUNTS.counts
    if counts is None:
        return regex.subn("", shadowed)[1]
    chunks = shadowed.split()
    # A chunk of letters only is one word (the word regex's first branch takes it whole:
    # tests/test_tokens.py checks every letter), found without a look-up; the others
    # (most are a word and its punctuation: "said,") are looked up.
    others = list(itertools.filterfalse(str.isalpha, chunks))
    try:
        return len(chunks) - len(others) + sum(map(counts.__getitem__, others))
    except KeyError:  # chunks not seen before: count those, then add up again
        if len(counts) > _CHUNK_COUNTS_LIMIT:
            counts.clear()
        for chunk in set(others).difference(counts):
            counts[chunk] = regex.subn("", chunk)[1]
        return len(chunks) - len(others) + sum(map(counts.__getitem__, others))


class _ChunkCounts:
    """Words per white-space chunk, for :func:`count_words`.

    No word (nor anything the word regex matches) spans white space, the look-behinds at a
    chunk's start see white space or the start alike, and the one look-ahead past a chunk
    (an initial such as "J." before a capitalised word) decides only whether "J." is one
    token or the word "J" with its period skipped: one word either way. So a text has the
    sum of its chunks' words (checked on every allsides article and on generated text in
    ``tests/test_tokens.py``), and a chunk's count can be remembered: most chunks of a
    corpus ("said,", "U.S.") come again and again; a chunk of letters only is one word
    and needs no count. ``regex`` is the word regex the counts are for; ``counts`` None: an
    abbreviation holds white space, and texts are counted whole.
    """

    regex: re.Pattern[str] | None = None
    counts: dict[str, int] | None = None


_CHUNK_COUNTS = _ChunkCounts()
_CHUNK_COUNTS_LIMIT = 200_000


def _chunks_alone() -> bool:
    """Can no word span white space (no abbreviation of the word regex holds a space)?"""
    return not any(c.isspace() for a in _abbreviations() for c in a)


def stopwords(language: str = "english") -> frozenset[str]:
    """The kit's stopword list (``data/wordlists/stopwords-en.yml``), lower case.

    >>> {"the", "of", "he's"} <= stopwords()
    True
    """
    if language not in ("english", "en"):
        raise ValueError(f"only English stopwords ship with the kit, not {language!r}")
    return load_wordlist("stopwords-en")


def _token_text(token: str, *, lower: bool, normalized: bool) -> str:
    if normalized:
        token = normalize(token)
    return token.lower() if lower else token


def words(
    text: str,
    *,
    lower: bool = False,
    normalized: bool = True,
    punct: bool = False,
    possessive: Literal["keep", "strip"] = "keep",
    stopwords: Collection[str] | Literal["english"] | None = None,
) -> list[str]:
    """The words of ``text`` as strings.

    Parameters
    ----------
    lower : lower-case every word.
    normalized : apply :func:`normalize` to each word (curly quotes, dashes, NFC).
    punct : keep punctuation tokens.
    possessive : ``"strip"`` drops a final ``'s``.
    stopwords : drop these words (compared in lower case); ``"english"`` is the kit's list.

    >>> words("The Kremlin’s “Cold War” warning", lower=True, stopwords="english")
    ["kremlin's", 'cold', 'war', 'warning']
    """
    drop = stopword_set(stopwords)
    out = []
    for s, e in word_spans(text, punct=punct, possessive=possessive):
        token = _token_text(text[s:e], lower=lower, normalized=normalized)
        if drop and token.lower() in drop:
            continue
        out.append(token)
    return out


def stopword_set(stopwords_: Collection[str] | str | None) -> frozenset[str]:
    """The lower-cased words of a ``stopwords=`` option: None (none), a language name
    (:func:`stopwords`), or the words themselves.

    >>> sorted(stopword_set(["The", "of"]))
    ['of', 'the']
    """
    if stopwords_ is None:
        return frozenset()
    if isinstance(stopwords_, str):
        return stopwords(stopwords_)
    return frozenset(w.lower() for w in stopwords_)


@keyword_only("n")
def ngrams(tokens: Sequence[str], *, n: int = 2, sep: str = " ") -> list[str]:
    """Contiguous n-grams of a token list, joined with ``sep``.

    >>> ngrams(["long", "range", "missiles"], n=2)
    ['long range', 'range missiles']
    """
    if n < 1:
        raise ValueError(f"n must be 1 or more, not {n}")
    return [sep.join(gram) for gram in _nltk_ngrams(tokens, n)]


# --- sentences --------------------------------------------------------------------------

_ENUMERATION = re.compile(r"\s*(?:\d{1,3}|[A-Za-z]|[ivxlcIVXLC]{1,6})[.)]\s*")
_HEADING = re.compile(r"#{1,6}\s")
_LIST_ITEM = re.compile(r"(?:[-*\u2022\u25aa]|\d{1,3}[.)])\s")
_SENTENCE_END = re.compile(r"[.?!]")  # Punkt's sentence-ending characters
#: A transcript's speaker label opening a line of shadow text, then its colon: "LIASSON: ",
#: "RENEE MONTAGNE, HOST: " (``label``: the name in capitals). Read by the quote finder
#: (a turn is the labelled person's quote) and by actor discovery (the word after a label
#: opens a sentence).
TRANSCRIPT_LABEL = re.compile(r"(?P<label>[A-Z][A-Z.'-]+(?: [A-Z][A-Z.'-]+){0,3})"
                              r"(?:, [A-Z][A-Z ]{1,30})?:[ \t]+")
_SENTENCE_FINAL = tuple(".!?:;\"')]\u2026\u2013")


@functools.cache
def _punkt_parameters() -> PunktParameters:
    params = PunktParameters()
    params.abbrev_types = set(_abbreviations())
    params.sent_starters = set(load_wordlist("abbreviations", "sentence_starters"))
    return params


@functools.cache
def _punkt() -> FastPunkt:
    """NLTK's Punkt with the kit's parameters (FastPunkt: the same spans, faster)."""
    return FastPunkt(_punkt_parameters())


class SentenceSplitter:
    """Split news text into sentences, keeping character offsets.

    Built on NLTK's Punkt with the kit's abbreviation list (no model download), run by
    :class:`analysis.fastpunkt.FastPunkt`, which gives NLTK's spans several times faster.

    Parameters
    ----------
    line_breaks : how a single line break is read.
        ``"auto"`` (default): every line break ends a sentence, unless the text looks
        hard-wrapped (several lines that stop mid-sentence and go on in lower case on the
        next line), in which case only blank lines, list items and headings do.
        ``"paragraph"``: every line break ends a sentence.
        ``"wrap"``: only blank lines, list items and Markdown headings end one.

    >>> SentenceSplitter().tokenize("Risk of escalation\\nThe Kremlin spoke. It warned.")
    ['Risk of escalation', 'The Kremlin spoke.', 'It warned.']
    """

    def __init__(self, *, line_breaks: Literal["auto", "paragraph", "wrap"] = "auto") -> None:
        if line_breaks not in ("auto", "paragraph", "wrap"):
            raise ValueError(
                f"line_breaks must be 'auto', 'paragraph' or 'wrap', not {line_breaks!r}"
            )
        self.line_breaks = line_breaks
        self._punkt = _punkt()

    def span_tokenize(self, text: str) -> list[Span]:
        """Offsets ``(start, end)`` of every sentence, without surrounding white space."""
        shadow = _shadow(text)
        spans: list[Span] = []
        glued = _GLUED.search(shadow) is not None  # (one scan; most texts have none)
        punkt = self._punkt.span_tokenize
        sentence_end = _SENTENCE_END.search
        for b_start, b_end in _cached_blocks(shadow, self.line_breaks):
            if not sentence_end(shadow, b_start, b_end - 1):
                # Punkt breaks only after a . ? or ! that something follows: a block
                # without one before its last character is one sentence (blocks are
                # trimmed; one span is what _repair would keep).
                spans.append((b_start, b_end))
                continue
            pieces = punkt(shadow[b_start:b_end])
            if b_start:
                pieces = [(b_start + s, b_start + e) for s, e in pieces]
            if glued and any(_glued(shadow, m.start())
                             for m in _GLUED.finditer(shadow, b_start, b_end)):
                pieces = _unglue(shadow, pieces)
            if len(pieces) == 1:
                spans.append(pieces[0])  # (what _repair keeps of one span)
            else:
                spans.extend(_repair(shadow, pieces))
        return spans

    def tokenize(self, text: str) -> list[str]:
        """The sentences as they appear in ``text``."""
        return [text[s:e] for s, e in self.span_tokenize(text)]


def _lines(shadow: str) -> list[Span]:
    """Spans of the lines of ``shadow`` with surrounding white space trimmed (may be empty)."""
    out = []
    pos = 0
    for line in shadow.split("\n"):
        n = len(line)
        stripped = line.strip()
        if stripped is line:  # nothing to trim (str.strip gives the string itself)
            out.append((pos, pos + n))
        else:
            start = pos + n - len(line.lstrip())
            out.append((start, start + len(stripped)))
        pos += n + 1
    return out


def _looks_wrapped(shadow: str, lines: list[Span]) -> bool:
    """Does the text break lines inside sentences (hard-wrapped at a fixed width)?"""
    pairs = continued = 0
    for (s1, e1), (s2, e2) in itertools.pairwise(lines):
        if s1 == e1 or s2 == e2:
            continue
        pairs += 1
        if not shadow[s1:e1].endswith(_SENTENCE_FINAL) and shadow[s2].islower():
            continued += 1
    return continued >= 2 and continued >= 0.25 * pairs


def _blocks(shadow: str, line_breaks: str) -> Iterable[Span]:
    """Paragraph-like blocks that no sentence crosses."""
    lines = _lines(shadow)
    wrapped = line_breaks == "wrap" or (line_breaks == "auto" and _looks_wrapped(shadow, lines))
    if not wrapped:
        yield from ((s, e) for s, e in lines if s < e)
        return
    start = end = None
    for s, e in lines:
        heading = _HEADING.match(shadow, s) is not None
        if s == e or heading or _LIST_ITEM.match(shadow, s):
            if start is not None:
                yield start, end
            start = end = None
            if s == e:
                continue
            if heading:
                yield s, e
                continue
        if start is None:
            start = s
        end = e
    if start is not None:
        yield start, end


def paragraph_spans(
    text: str, *, line_breaks: Literal["auto", "paragraph", "wrap"] = "auto"
) -> list[Span]:
    r"""Offsets of the paragraph-like blocks of ``text`` that no sentence crosses.

    One block per non-empty line, or, in hard-wrapped text, per run of lines between blank
    lines, list items and headings (see :class:`SentenceSplitter` for ``line_breaks``).

    >>> paragraph_spans("Risk of escalation\n\nThe Kremlin spoke. It warned.\n")
    [(0, 18), (20, 49)]
    """
    return list(_cached_blocks(_shadow(text), line_breaks))


@functools.lru_cache(maxsize=4)
def _cached_blocks(shadow: str, line_breaks: str) -> tuple[Span, ...]:
    """The last few texts' blocks: sentences and quotes of one article both need them."""
    return tuple(_blocks(shadow, line_breaks))


#: A sentence's end glued to the next sentence, with no space ("a mayor.Christie says"):
#: scraped pages that lose their paragraph breaks join paragraphs so. Two lower-case
#: letters before the stop, a capital and a lower-case letter after it ("U.S.Army",
#: "e.g.The" and "nytimes.com" are left alone).
_GLUED = re.compile(r"[.?!](?=[A-Z][a-z])")  # then two lower-case letters before: _glued


def _unglue(shadow: str, spans: list[Span]) -> list[Span]:
    """Each span cut where a sentence's end is glued to the next sentence (:data:`_GLUED`).

    >>> _unglue("It fell on a mayor.Christie says so.", [(0, 36)])
    [(0, 19), (19, 36)]
    >>> _unglue("Col.Tony Shaffer spoke.", [(0, 23)])  # an abbreviation before the stop
    [(0, 23)]
    """
    out: list[Span] = []
    abbreviations = _abbreviations()
    for s, e in spans:
        for m in _GLUED.finditer(shadow, s, e):
            if not _glued(shadow, m.start()):
                continue
            word = _WORD_BEFORE_STOP.search(shadow, s, m.start())
            if word is not None and word.group().lower() in abbreviations:
                continue  # "Col.Tony Shaffer": a title glued to the name
            out.append((s, m.end()))
            s = m.end()
        out.append((s, e))
    return out


def _glued(shadow: str, stop: int) -> bool:
    """Two lower-case letters before the stop at ``stop`` (which a capital follows)."""
    return stop >= 2 and shadow[stop - 2:stop].isalpha() and shadow[stop - 2:stop].islower()


_WORD_BEFORE_STOP = re.compile(r"[A-Za-z]+$")


#: Characters that open no sentence: a closing bracket, a comma or a semicolon.
_NO_SENTENCE_OPENING = frozenset(")],;")


def _repair(shadow: str, spans: list[Span]) -> list[Span]:
    """Undo two kinds of Punkt split inside one block.

    * A lone enumeration marker ("1.", "b)", "iv.") joins the sentence after it.
    * A piece that starts with a lower-case letter joins the one before it: Punkt ends a
      sentence at every "?" or "!" and after a closing bracket, but in
      '"Is this war?" she asked.' the sentence goes on. So does one that starts with a
      closing bracket or a comma: "Sen. Jack Reed (D-R.I.), said" is split before "),".
    """
    out: list[Span] = []
    pending: int | None = None
    for s, e in spans:
        if pending is not None:
            s, pending = pending, None
        if _ENUMERATION.fullmatch(shadow, s, e) and (s, e) != spans[-1]:
            pending = s
            continue
        if out and (shadow[s].islower() or shadow[s] in _NO_SENTENCE_OPENING):
            out[-1] = (out[-1][0], e)
            continue
        out.append((s, e))
    return out


@functools.cache
def _default_splitter() -> SentenceSplitter:
    return SentenceSplitter()


def sentence_spans(text: str) -> list[Span]:
    """Character offsets of the sentences in ``text`` (see :class:`SentenceSplitter`).

    >>> sentence_spans("It rained. Then it stopped.")
    [(0, 10), (11, 27)]
    """
    return list(_cached_sentence_spans(text))


@functools.lru_cache(maxsize=4)
def _cached_sentence_spans(text: str) -> tuple[Span, ...]:
    """The last few texts' sentence spans: several analyses of one article all need them."""
    return tuple(_default_splitter().span_tokenize(text))


def sentences(text: str) -> list[str]:
    """The sentences of ``text`` (see :class:`SentenceSplitter`)."""
    return _default_splitter().tokenize(text)


# --- corpus level -----------------------------------------------------------------------


def sentence_table(corpus: pd.DataFrame, *, text_column: str = "text") -> pd.DataFrame:
    """One row per sentence: ``article_id, outlet, sentence_index, start, end, sentence``.

    ``start`` and ``end`` index the article's ``text_column``.

    >>> from analysis import from_texts
    >>> sentence_table(from_texts({"A": "One. Two."}))[["outlet", "sentence_index", "sentence"]]
      outlet  sentence_index sentence
    0      A               0     One.
    1      A               1     Two.
    """
    require_columns(corpus, ["article_id", "outlet", text_column], "sentence_table")
    splitter = _default_splitter()
    rows = []
    for article_id, outlet, text in zip(
        corpus["article_id"], corpus["outlet"], corpus[text_column], strict=True
    ):
        for i, (s, e) in enumerate(splitter.span_tokenize(text)):
            rows.append((article_id, outlet, i, s, e, text[s:e]))
    return pd.DataFrame(
        rows, columns=["article_id", "outlet", "sentence_index", "start", "end", "sentence"]
    ).astype({"sentence_index": "int64", "start": "int64", "end": "int64"})


def token_table(
    corpus: pd.DataFrame,
    *,
    text_column: str = "text",
    lower: bool = False,
    possessive: Literal["keep", "strip"] = "keep",
    stopwords: Collection[str] | Literal["english"] | None = None,
) -> pd.DataFrame:
    """One row per word: ``article_id, outlet, sentence_index, token_index, start, end, token``.

    ``token`` is normalised (see :func:`normalize`) and lower-cased when ``lower``;
    ``start``/``end`` index the original text. Stopwords are dropped after numbering, so
    ``token_index`` still counts every word.
    """
    require_columns(corpus, ["article_id", "outlet", text_column], "token_table")
    drop = stopword_set(stopwords)
    splitter = _default_splitter()
    rows = []
    for article_id, outlet, text in zip(
        corpus["article_id"], corpus["outlet"], corpus[text_column], strict=True
    ):
        spans = word_spans(text, possessive=possessive)
        bounds = splitter.span_tokenize(text)
        sent = 0
        for i, (s, e) in enumerate(spans):
            while sent + 1 < len(bounds) and s >= bounds[sent][1]:
                sent += 1
            token = _token_text(text[s:e], lower=lower, normalized=True)
            if drop and token.lower() in drop:
                continue
            rows.append((article_id, outlet, sent, i, s, e, token))
    columns = ["article_id", "outlet", "sentence_index", "token_index", "start", "end", "token"]
    return pd.DataFrame(rows, columns=columns).astype(
        {c: "int64" for c in ("sentence_index", "token_index", "start", "end")}
    )


# --- readability ------------------------------------------------------------------------
# Syllables are counted by rule, not looked up: no dictionary (CMUdict) is downloaded or
# shipped. Vowel groups (a, e, i, o, u, y) are counted after dropping a silent ending: "-e"
# after a consonant ("make", but not consonant + "le": "table"), "-es" after a consonant
# other than s, x, z, c, g, h ("makes", but "boxes", "places"), "-ed" after a consonant
# other than t, d ("named", but "wanted"), and "e" before "-ment", "-ly", "-ful", "-ness",
# "-less" ("statement", "likely"); "ia", "io", "iu", "ua", "eo" count twice where
# they are usually two syllables ("media", "radio", "actual", "video"; not after c, s, t,
# g, q, and "ia", "io" not after n, l: "special", "nation", "quality", "million"), and so
# does a vowel before a final "ing" ("being", "going").
_NOT_LETTERS = re.compile(r"[^a-z]")
_SILENT_ED = re.compile(r"(?<=[^aeioutd])ed$")
_SILENT_ES = re.compile(r"(?<=[^aeiouysxzcgh])es$")
_SILENT_E = re.compile(r"(?<=[^aeiouy])(?<![^aeiouy]l)e$")
_SILENT_E_BEFORE_SUFFIX = re.compile(r"(?<=[^aeiouy])e(?=(?:ment|ly|ful|ness|less)s?$)")
_VOWEL_GROUP = re.compile(r"[aeiouy]+")
_TWO_SYLLABLE_PAIRS = re.compile(
    r"(?<![cstgqnl])(?:ia|io)|(?<![cstgq])iu|(?<!p)eo|(?<![gq])ua|[aeiouy](?=ing$)")


def count_syllables(word: str) -> int:
    """Syllables in an English ``word``, by rule (see the notes above). A word without
    letters ("2024") counts as one.

    Against the CMU Pronouncing Dictionary, on 800 allsides-abp articles the rules were not
    written on, 97% of running words (92% of distinct words) get the dictionary's count and
    the total is 1% short; counting vowel groups gets 84% (``bench/bench_syllables.py``,
    2026-11-30). Names and abbreviations ("CNN", "FBI") are undercounted.

    >>> [count_syllables(w) for w in ["the", "minister", "table", "makes", "wanted", "media"]]
    [1, 3, 2, 1, 2, 3]
    """
    return _syllables(normalize(word).lower())


@functools.lru_cache(maxsize=1 << 16)
def _syllables(word: str) -> int:
    """:func:`count_syllables` of a normalised, lower-cased word (words repeat: cached)."""
    w = _NOT_LETTERS.sub("", word)
    if len(w) <= 3:
        return 1
    w = _SILENT_ED.sub("", w)
    w = _SILENT_ES.sub("", w)
    w = _SILENT_E.sub("", w)
    w = _SILENT_E_BEFORE_SUFFIX.sub("", w)
    n = len(_VOWEL_GROUP.findall(w)) + len(_TWO_SYLLABLE_PAIRS.findall(w))
    return max(n, 1)


def _readability(n_words: int, n_sentences: int, n_syllables: int) -> tuple[float, float]:
    if not n_words or not n_sentences:
        return float("nan"), float("nan")
    per_sentence, per_word = n_words / n_sentences, n_syllables / n_words
    return (206.835 - 1.015 * per_sentence - 84.6 * per_word,
            0.39 * per_sentence + 11.8 * per_word - 15.59)


def readability(text: str) -> dict[str, float]:
    """Flesch reading ease and the Flesch-Kincaid grade of ``text``.

    ``flesch_reading_ease = 206.835 - 1.015 * words/sentences - 84.6 * syllables/words``
    (Flesch 1948; higher is easier: 60-70 plain English, under 30 very hard) and
    ``flesch_kincaid_grade = 0.39 * words/sentences + 11.8 * syllables/words - 15.59``
    (Kincaid et al. 1975; a US school grade). Words and sentences are those of
    :func:`text_stats`; syllables are counted by rule (:func:`count_syllables`). Both
    formulas were fitted on school texts in English: read them as rough, and compare
    outlets on the same event rather than across genres.

    >>> readability("The cat sat on the mat. It was happy.")  # 9 words, 2 sentences, 10 syll.
    ... # doctest: +NORMALIZE_WHITESPACE
    {'n_words': 9, 'n_sentences': 2, 'n_syllables': 10,
     'flesch_reading_ease': 108.267..., 'flesch_kincaid_grade': -0.723...}
    """
    tokens = WordTokenizer().tokenize(text)
    n_sentences = len(_default_splitter().span_tokenize(text))
    n_syllables = sum(map(count_syllables, tokens))
    ease, grade = _readability(len(tokens), n_sentences, n_syllables)
    return {"n_words": len(tokens), "n_sentences": n_sentences, "n_syllables": n_syllables,
            "flesch_reading_ease": ease, "flesch_kincaid_grade": grade}


def text_stats(corpus: pd.DataFrame, *, text_column: str = "text") -> pd.DataFrame:
    """Basic size measures and readability, one row per article.

    Columns: ``article_id, event, outlet, n_words, n_sentences, mean_sentence_length``
    (words per sentence), ``type_token_ratio`` (distinct lower-cased words / words; it
    falls as texts get longer, so compare it only between texts of similar length), and
    ``flesch_reading_ease`` and ``flesch_kincaid_grade`` (see :func:`readability`).

    >>> from analysis import from_texts
    >>> stats = text_stats(from_texts({"A": "The war. The war."}))
    >>> stats[["n_words", "n_sentences", "mean_sentence_length", "type_token_ratio"]]
       n_words  n_sentences  mean_sentence_length  type_token_ratio
    0        4            2                   2.0               0.5
    >>> stats[["flesch_reading_ease", "flesch_kincaid_grade"]].round(2)
       flesch_reading_ease  flesch_kincaid_grade
    0               120.21                 -3.01
    """
    require_columns(corpus, ["article_id", "outlet", text_column], "text_stats")
    splitter = _default_splitter()
    rows = []
    for text in corpus[text_column]:
        raw = WordTokenizer().tokenize(text)
        tokens = [normalize(t).lower() for t in raw]
        n_sent = len(splitter.span_tokenize(text))
        rows.append(
            (
                len(tokens),
                n_sent,
                len(tokens) / n_sent if n_sent else float("nan"),
                len(set(tokens)) / len(tokens) if tokens else float("nan"),
                *_readability(len(tokens), n_sent, sum(map(_syllables, tokens))),
            )
        )
    stats = pd.DataFrame(
        rows,
        columns=["n_words", "n_sentences", "mean_sentence_length", "type_token_ratio",
                 "flesch_reading_ease", "flesch_kincaid_grade"],
        index=corpus.index,
    )
    keys = [c for c in ("article_id", "event", "outlet") if c in corpus.columns]
    return pd.concat([corpus[keys], stats], axis=1).reset_index(drop=True)


def corpus_summary(corpus: pd.DataFrame) -> pd.DataFrame:
    """One row per event and outlet: articles, words, sentences per article, words per sentence.

    >>> from analysis import from_texts
    >>> corpus_summary(from_texts({"A": "One two. Three four five.", "B": "Six."}))
          event outlet  articles  words  sentences_per_article  words_per_sentence
    0  pasted      A         1      5                    2.0                 2.5
    1  pasted      B         1      1                    1.0                 1.0
    """
    stats = text_stats(corpus)
    return (
        stats.groupby(["event", "outlet"], sort=True)
        .agg(
            articles=("article_id", "size"),
            words=("n_words", "sum"),
            sentences_per_article=("n_sentences", "mean"),
            words_per_sentence=("mean_sentence_length", "mean"),
        )
        .round(1)
        .reset_index()
    )
