"""NLTK's VADER ``polarity_scores``, exactly, at a fraction of the cost.

NLTK's ``SentimentIntensityAnalyzer.polarity_scores`` spends most of its time on things
that do not depend on the sentence's lexicon words: it builds a dictionary of every
punctuation + word combination of the sentence (``SentiText._words_plus_punc``, 17 entries
per distinct word) just to strip one leading or trailing punctuation mark from each token,
and it runs the rule chain for every token. :class:`FastVader` gets the same tokens with a
per-token rule (worked out below) and a small cache, skips tokens that are neither in the
lexicon nor boosters (their valence is always 0), and calls NLTK's *own* rule methods
(``sentiment_valence``, ``_but_check``, ``score_valence``) for the rest, so the scores are
NLTK's to the last bit. ``tests/test_scoring.py`` checks exact float equality with NLTK on
seed, allsides and adversarial sentences.

Why the token rule is the same as NLTK's: NLTK splits the sentence on white space, drops
pieces of one character, and replaces a piece ``p + w`` or ``w + p`` by ``w`` when ``p``
is one of ``PUNC_LIST`` (``.``, ``!!``, ``?!?`` ...) and ``w`` is a word of the sentence
with all ASCII punctuation removed, longer than one character. Removing punctuation never
joins or splits white-space pieces, so ``w`` is such a word exactly when ``w`` itself has
no ASCII punctuation and is longer than one character; which ``p`` could be involved is
then fixed (the whole leading or trailing run of punctuation). The rule depends on the
piece alone, so it can be cached per piece.

VADER is a lexicon heuristic; see :mod:`analysis.sentiment` for what its scores mean.

>>> FastVader().polarity_scores("The war is not a good sign.")
{'neg': 0.612, 'neu': 0.388, 'pos': 0.0, 'compound': -0.7435}
"""

from __future__ import annotations

import functools
import itertools
import operator
import string
from typing import Any

from .resources import provide_nltk_data

__all__ = ["FastVader", "SentiText", "default_analyzer"]

_PUNCT = frozenset(string.punctuation)
_PUNCT_CHARS = string.punctuation
_CACHE_LIMIT = 200_000
# The fields of a piece (see FastVader._piece), read without a Python loop per token.
_TOKEN, _LOWER, _UPPER, _SCORED, _AFFECTS, _IDIOM = map(operator.itemgetter, range(6))
# Words too common to mark a possible idiom (see FastVader._idiom_marks).
_COMMON = frozenset({"the", "of", "to"})


class SentiText:
    """The two attributes of NLTK's ``SentiText`` that its rule methods read.

    ``is_cap_diff`` is True when some but not all tokens are upper case (VADER's ALL CAPS
    emphasis applies then); it is computed from ``words`` unless given.
    """

    __slots__ = ("is_cap_diff", "words_and_emoticons")

    def __init__(self, words: list[str], is_cap_diff: bool | None = None) -> None:
        self.words_and_emoticons = words
        if is_cap_diff is None:
            n_upper = sum(t.isupper() for t in words)
            is_cap_diff = 0 < n_upper < len(words)
        self.is_cap_diff = is_cap_diff


@functools.cache
def default_analyzer() -> Any:
    """NLTK's ``SentimentIntensityAnalyzer`` with VADER's lexicon, built once per process.

    The lexicon comes from the installed ``vaderSentiment`` package, made available to NLTK
    offline by :func:`analysis.resources.provide_nltk_data`. Shared: do not change its
    ``lexicon`` (:func:`analysis.sentiment.make_analyzer` builds adjusted copies).
    """
    provide_nltk_data()
    from nltk.sentiment.vader import SentimentIntensityAnalyzer

    return SentimentIntensityAnalyzer()


class FastVader:
    """Exactly NLTK's VADER scores, faster: ``polarity_scores`` and ``compound``.

    Parameters
    ----------
    analyzer : an NLTK ``SentimentIntensityAnalyzer`` (for example from
        :func:`analysis.sentiment.make_analyzer`, with or without news adjustments); its
        lexicon and rule methods are used. None: the kit's default analyzer. What it
        knows of a token (lexicon word or not) is cached, so changing the analyzer's
        lexicon afterwards needs a new FastVader (``make_analyzer`` builds a new analyzer
        for every set of adjustments, so the kit never does that).

    >>> vader = FastVader()
    >>> vader.compound("It was GOOD, but the war is VERY bad!!!")
    -0.9216
    """

    def __init__(self, analyzer: Any = None) -> None:
        if analyzer is None:
            analyzer = default_analyzer()
        self.analyzer = analyzer
        constants = analyzer.constants
        self._lexicon = analyzer.lexicon
        self._boosters = frozenset(constants.BOOSTER_DICT)
        self._punc = frozenset(constants.PUNC_LIST)
        self._pieces: dict[str, tuple[str, str, bool, bool, bool, bool] | tuple[()]] = {}
        self._c_incr = constants.C_INCR
        self._n_scalar = constants.N_SCALAR
        self._booster_values = dict(constants.BOOSTER_DICT)
        self._negate = frozenset(constants.NEGATE)
        self._normalize = constants.normalize
        # Words that can take part in an idiom or a two-word booster ("kind of"): only
        # near one of them can NLTK's _idioms_check change a valence.
        multiword = [k for k in (*constants.SPECIAL_CASE_IDIOMS, *constants.BOOSTER_DICT)
                     if " " in k]
        self._idiom_words = frozenset(w for k in multiword for w in k.split())
        # ... and each pair of words that follow each other in one of them: NLTK's
        # _idioms_check compares pairs and triples of the tokens around the word with these
        # phrases, so without one of these pairs among them it changes nothing.
        self._idiom_pairs = frozenset(pair for k in multiword
                                      for pair in itertools.pairwise(k.split()))
        # One word of each pair, the rarer where one of them is very common ("kind" of
        # "kind of"): no such word near a token, no pair near it either (a quick test
        # before _idiom_near, cached with each piece).
        self._idiom_marks = frozenset(
            w for pair in self._idiom_pairs for w in pair
            if w not in _COMMON or _COMMON.issuperset(pair))
        # Lower-case tokens that can change the valence of a lexicon word up to three
        # tokens after them (besides idioms): boosters, negations (and every "n't" word,
        # see _negated), and the words of NLTK's "never so/this" and "least" rules.
        self._affecting = frozenset(
            {*(k for k in constants.BOOSTER_DICT if " " not in k), *self._negate,
             "never", "so", "this", "least"})

    # -- tokens ----------------------------------------------------------------------

    def _piece(self, raw: str) -> tuple[str, str, bool, bool, bool, bool]:
        """``(token, token.lower(), token.isupper(), scored, affects, idiom)`` for one
        white-space piece (longer than one character).

        ``scored``: the token is a lexicon word and not a booster, the only tokens whose
        valence NLTK can make other than 0. ``affects``: the token may change the valence
        of a lexicon word after it (a booster, a negation, "never", "so", "this",
        "least"); idioms aside, a lexicon word with none of them in the three tokens before
        it keeps its lexicon valence. ``idiom``: the token is one of ``_idiom_marks``.
        """
        found = self._pieces.get(raw)
        if found:  # not None, nor () for a piece of one character
            return found
        return self._new_piece(raw)

    def _new_piece(self, raw: str) -> tuple[str, str, bool, bool, bool, bool]:
        """:meth:`_piece` for a piece not in the cache (added to it)."""
        token = raw
        if not raw.isalnum() and not _PUNCT.isdisjoint(raw):  # (no punctuation is alnum)
            lead = len(raw) - len(raw.lstrip(_PUNCT_CHARS))
            trail = len(raw) - len(raw.rstrip(_PUNCT_CHARS))
            if 0 < lead < len(raw) and raw[:lead] in self._punc:
                rest = raw[lead:]
                if len(rest) > 1 and _PUNCT.isdisjoint(rest):
                    token = rest
            if token is raw and 0 < trail < len(raw) and raw[-trail:] in self._punc:
                rest = raw[:-trail]
                if len(rest) > 1 and _PUNCT.isdisjoint(rest):
                    token = rest
        lower = token.lower()
        if lower == token:  # most tokens: one string for both (a smaller cache)
            lower = token
        found = (token, lower, token.isupper(),
                 lower in self._lexicon and lower not in self._boosters,
                 lower in self._affecting or "n't" in lower, token in self._idiom_marks)
        if len(self._pieces) >= _CACHE_LIMIT:
            self._pieces.clear()
        self._pieces[raw] = found
        return found

    def _lookup(self, raw: str) -> tuple[str, str, bool, bool, bool, bool] | tuple[()]:
        """:meth:`_piece`, or ``()`` (cached too) for a piece of one character, which NLTK
        drops."""
        found = self._pieces.get(raw)
        if found is not None:
            return found
        if len(raw) > 1:
            return self._new_piece(raw)
        if len(self._pieces) >= _CACHE_LIMIT:
            self._pieces.clear()
        self._pieces[raw] = ()
        return ()

    def tokens(self, text: str) -> list[str]:
        """VADER's tokens of ``text`` (NLTK's ``SentiText(text).words_and_emoticons``).

        >>> FastVader().tokens('"Stop!" he said, (twice) -- U.S. officials!!')
        ['"Stop!"', 'he', 'said', '(twice)', '--', 'U.S.', 'officials']
        """
        return [self._piece(raw)[0] for raw in text.split() if len(raw) > 1]

    # -- scores ----------------------------------------------------------------------

    def valences(self, text: str) -> list[float]:
        """The valence of each of :meth:`tokens`, after NLTK's rules (negation, boosters,
        ALL CAPS, "but"): the list NLTK's ``score_valence`` turns into the scores.

        >>> FastVader().valences("not good")
        [0, -1.406]
        """
        return self._valences(self._sentence_pieces(text), text)

    def _valences(self, pieces: list[tuple[str, str, bool, bool, bool, bool]],
                  text: str) -> list[float]:
        """:meth:`valences` of a sentence ``text`` from its :meth:`_sentence_pieces`."""
        n = len(pieces)
        # Indices of the lexicon words, found without a Python loop over every token.
        scored = list(itertools.compress(range(n), map(_SCORED, pieces)))
        sentiments: list[float] = [0] * n
        if not scored:
            # Every valence is 0, and NLTK's "but" rule only scales valences: all stay 0.
            return sentiments
        values, bi = self._scored_valences(pieces, scored, text)
        for idx, valence in zip(scored, values, strict=True):
            sentiments[idx] = valence
        if bi is not None:
            # NLTK's _but_check (which also turns the other 0 into 0.0)
            sentiments = [v * 0.5 if k < bi else v * 1.5 if k > bi else v
                          for k, v in enumerate(sentiments)]
        return sentiments

    def _scored_valences(self, pieces: list[tuple[str, str, bool, bool, bool, bool]],
                         scored: list[int], text: str) -> tuple[list[float], int | None]:
        """The valences of the lexicon words at ``scored`` (before the "but" rule), and
        the index of the first "but" (None: no "but"); every other valence is 0.
        ``pieces``: the :meth:`_sentence_pieces` of ``text``."""
        n = len(pieces)
        lexicon = self._lexicon
        # The lists of every token and every lower-case token, made only when one of
        # NLTK's rules reads them (most sentences need neither: the plain case reads the
        # pieces around the word, and building the lists touches every token's string).
        words: list[str] | None = None
        lowers: list[str] | None = None
        cap_diff = None
        # NLTK reads every copy of a token at the place of its first copy: a copy's
        # valence is the first copy's.
        done: dict[str, float] = {}
        values = []
        for i in scored:
            piece = pieces[i]
            item = piece[0]
            valence = done.get(item)
            if valence is None:
                lower = piece[1]
                if lower == "kind" and i < n - 1 and pieces[i + 1][1] == "of":
                    valence = 0
                else:
                    plain = not any(map(_AFFECTS, pieces[i - 3 if i > 3 else 0:i]))
                    valence = lexicon[lower]
                    if plain and valence and type(valence) is float:
                        # _valence's plain case, inline (the ALL CAPS step below keeps a
                        # non-zero valence non-zero): ALL CAPS emphasis, then NLTK's
                        # idiom check where an idiom's pair of words is near
                        if piece[2]:  # item.isupper()
                            if cap_diff is None:
                                cap_diff = 0 < n - sum(map(_UPPER, pieces)) < n
                            if cap_diff:
                                if valence > 0:
                                    valence += self._c_incr
                                else:
                                    valence -= self._c_incr
                        if i > 2 and pieces[i - 3][1] not in lexicon and any(
                                map(_IDIOM, pieces[i - 3:i + 3])) and self._idiom_near(
                                list(map(_TOKEN, pieces[i - 3:i + 3])), 3):  # words i-3..i+2
                            words = words or list(map(_TOKEN, pieces))
                            valence = self.analyzer._idioms_check(valence, words, i)
                    else:
                        if cap_diff is None:
                            cap_diff = 0 < n - sum(map(_UPPER, pieces)) < n
                        words = words or list(map(_TOKEN, pieces))
                        lowers = lowers or list(map(_LOWER, pieces))
                        valence = self._valence(SentiText(words, cap_diff), item, lower, i,
                                                lowers, plain=plain)
                done[item] = valence
            values.append(valence)
        # NLTK's _but_check looks for "but" among the lower-case tokens (a token is a
        # part of the text, and lower-casing goes character by character)
        if "but" in text.lower() and "but" in map(_LOWER, pieces):
            return values, operator.indexOf(map(_LOWER, pieces), "but")
        return values, None

    def _sentence_pieces(self, text: str) -> list[tuple[str, str, bool, bool, bool, bool]]:
        """:meth:`_piece` of every white-space piece longer than one character."""
        parts = text.split()
        known = self._pieces
        try:  # () for a one-character piece
            return list(filter(None, map(known.__getitem__, parts)))
        except KeyError:  # pieces not seen before: add them, then read all again
            pass
        if len(known) + len(parts) >= _CACHE_LIMIT:  # (so that none is lost on the way)
            known.clear()
        lookup = self._lookup
        for raw in parts:
            if raw not in known:
                lookup(raw)
        return list(filter(None, map(known.__getitem__, parts)))

    def _negated(self, word: str) -> bool:
        """NLTK's ``constants.negated([word])`` for one word."""
        low = word.lower()
        return low in self._negate or "n't" in low

    def _valence(self, sentitext: SentiText, item: str, lower: str, i: int,
                 lowers: list[str], *, plain: bool = False) -> float:
        """NLTK's ``sentiment_valence`` for a lexicon word, step for step.

        Same operations in the same order (so the same floats); NLTK's own
        ``_idioms_check`` is called wherever an idiom word is near. ``plain``: none of
        the three tokens before the word affects it (see :meth:`_piece`), so every
        booster, "never" and "least" step leaves a (non-zero float) valence as it is.
        """
        words = sentitext.words_and_emoticons
        cap_diff = sentitext.is_cap_diff
        lexicon = self._lexicon
        valence = lexicon[lower]
        if cap_diff and item.isupper():
            if valence > 0:
                valence += self._c_incr
            else:
                valence -= self._c_incr
        if plain and valence and type(valence) is float:
            # What the steps below leave: the valence (x + 0.0 == x for a float x other
            # than -0.0) and the idiom check, which only the third step makes.
            if i > 2 and lowers[i - 3] not in lexicon \
                    and self._idiom_near(words, i):
                valence = self.analyzer._idioms_check(valence, words, i)
            return valence
        for start_i in range(3):
            if i > start_i and lowers[i - (start_i + 1)] not in lexicon:
                before = words[i - (start_i + 1)]
                s = 0.0
                boost = self._booster_values.get(lowers[i - (start_i + 1)])
                if boost is not None:  # NLTK's scalar_inc_dec
                    s = boost
                    if valence < 0:
                        s *= -1
                    if before.isupper() and cap_diff:
                        if valence > 0:
                            s += self._c_incr
                        else:
                            s -= self._c_incr
                if start_i == 1 and s != 0:
                    s = s * 0.95
                if start_i == 2 and s != 0:
                    s = s * 0.9
                valence = valence + s
                valence = self._never(valence, words, start_i, i)
                if start_i == 2 and self._idiom_near(words, i):
                    valence = self.analyzer._idioms_check(valence, words, i)
        # NLTK's _least_check
        if i > 1 and lowers[i - 1] not in lexicon and lowers[i - 1] == "least":
            if lowers[i - 2] != "at" and lowers[i - 2] != "very":
                valence = valence * self._n_scalar
        elif i > 0 and lowers[i - 1] not in lexicon and lowers[i - 1] == "least":
            valence = valence * self._n_scalar
        return valence

    def _idiom_near(self, words: list[str], i: int) -> bool:
        """Can NLTK's ``_idioms_check`` change the valence of ``words[i]`` (``i > 2``)? Only
        when two tokens of ``words[i - 3:i + 3]`` in a row are two words in a row of an
        idiom or a two-word booster."""
        near = words[i - 3:i + 3]
        if self._idiom_words.isdisjoint(near):
            return False
        return not self._idiom_pairs.isdisjoint(itertools.pairwise(near))

    def _never(self, valence: float, words: list[str], start_i: int, i: int) -> float:
        """NLTK's ``_never_check``."""
        if start_i == 0:
            negated = self._negated(words[i - 1])
        elif start_i == 1:
            if words[i - 2] == "never" and words[i - 1] in ("so", "this"):
                return valence * 1.5
            negated = self._negated(words[i - 2])
        else:
            if (words[i - 3] == "never" and words[i - 2] in ("so", "this")) \
                    or words[i - 1] in ("so", "this"):
                return valence * 1.25
            negated = self._negated(words[i - 3])
        return valence * self._n_scalar if negated else valence

    def polarity_scores(self, text: str) -> dict[str, float]:
        """``{neg, neu, pos, compound}``, exactly NLTK's ``polarity_scores(text)``.

        >>> FastVader().polarity_scores("Peace talks began.")
        {'neg': 0.0, 'neu': 0.364, 'pos': 0.636, 'compound': 0.5423}
        """
        return self.analyzer.score_valence(self.valences(text), text)

    def compound(self, text: str) -> float:
        """NLTK's ``polarity_scores(text)["compound"]``.

        The part of NLTK's ``score_valence`` that the compound score depends on, with its
        own ``_punctuation_emphasis`` and ``normalize``: the same floats, without working
        out the three proportions.

        >>> FastVader().compound("The war goes on.")
        -0.5994
        """
        pieces = self._sentence_pieces(text)
        scored = list(itertools.compress(range(len(pieces)), map(_SCORED, pieces)))
        if not scored:
            # No lexicon word: every valence is 0, and so is the score (0.0 / sqrt(15)).
            return 0.0
        values, bi = self._scored_valences(pieces, scored, text)
        if bi is not None:  # NLTK's _but_check
            values = [v * 0.5 if k < bi else v * 1.5 if k > bi else v
                      for k, v in zip(scored, values, strict=True)]
        # The sum of NLTK's list of valences: its other valences are 0 (or 0.0), and
        # adding a zero to the running sum (never -0.0) leaves it as it is.
        sum_s = float(sum(values))
        if "!" in text or "?" in text:  # else NLTK's emphasis is 0 * 0.292 + 0 == 0.0
            if sum_s > 0:
                sum_s += self.analyzer._punctuation_emphasis(sum_s, text)
            elif sum_s < 0:
                sum_s -= self.analyzer._punctuation_emphasis(sum_s, text)
        return round(self._normalize(sum_s), 4)
