"""Tone toward one target: is this mention of an actor negative, neutral or positive?

Sentence-level VADER says how a sentence *sounds*, not how it treats the person it names:
"Critics slammed Trump's plan" and "Trump slammed the critics' plan" score alike. This module
classifies one mention (a character span of one sentence) with a small, transparent linear
model: a multinomial logistic regression over features of the words around the mention,
trained on NewsMTSC (Hamborg & Donnay 2021), a set of English news sentences in which people
rated the sentiment toward a named target. ``tools/train_target_tone.py`` trains it and
writes the weights to ``analysis/data/models/target_tone.json`` (plain JSON: vocabulary,
classes, coefficients, intercepts, the word lists the features use, and how the model was
trained and scored). ``bench/bench_actor_tone.py`` measures it against VADER.

The features (:func:`target_features` lists them for one mention):

* ``L:word`` / ``R:word``: the words within a window left / right of the target, as
  Porter stems of the lower-cased word without a possessive ``'s`` ("criticized" and
  "criticism" are both ``critic``); ``L1:`` / ``R1:`` the token right next to it
  (punctuation included, ``<s>`` / ``</s>`` at the sentence's ends); ``L2:`` / ``R2:`` the
  two words next to it as a pair; ``S:word`` every other word of the sentence.
* ``v:...``: VADER valences (NLTK's lexicon divided by 4, flipped and damped by a negation
  in the three words before, raised by a booster right before): the negative and positive
  sums left and right within the window, in the target's clause (between punctuation or
  words such as "but", "which", "although"), outside it, and weighted by 1 / distance;
  ``v:compound`` is the sentence's VADER compound.
* Roles read from word order, without a parser: ``subj:neg`` / ``subj:pos`` a valenced
  word right after the target (past auxiliaries and adverbs: the target does or is
  something bad or good), ``obj:neg`` / ``obj:pos`` one right before it (something bad or
  good is done to it); ``subj:attack`` / ``obj:attack`` and ``subj:praise`` /
  ``obj:praise`` the same for verbs of criticism or praise; ``agent:neg`` / ``agent:pos``
  "... by TARGET"; ``speaks`` a speech verb right after the target (or "said TARGET",
  "according to TARGET"), ``speaks:neg`` / ``speaks:pos`` that times the sentence's
  valences; ``quoted`` the target stands inside quotation marks, ``has_quote`` the sentence
  has some; ``news:neg`` / ``news:pos`` loaded news words in the window ("embattled",
  "baseless", "landmark"); ``neg:L`` / ``neg:R`` a negation near the target.
* ``pos:first``, ``pos:rel``, ``len``, ``target:pronoun``, ``target:possessive``.
* ``wL:stem`` / ``wR:stem`` / ``wC:stem``: the word table. On each side of the target
  (every word left of it, every word right of it, the words of its clause), the words
  with an entry in the table share 1 equally (:func:`side_words`). The model multiplies
  each share by the word's weights for that side, so each side adds the mean of its
  words' weights. Only a model file with a word table beside it has these features (the
  shipped model has none: ``docs/target_tone_cv.md`` says why). The table
  (``target_tone_words.npz``, 18,777 stems, 6 weights each) is a linear model over word
  vectors folded into one weight per word: the training script learns 32-dimensional
  vectors from unlabelled news (PPMI and SVD over the allsides-abp articles and the
  training sentences), fits the regression on each side's mean vector, and ships
  ``coefficients . vector`` for every stem instead of the vectors. So words never seen
  in a labelled sentence get a weight from the words they resemble ("denounc" is the
  nearest stem to "condemn"), and the explanation lists them by name.

The target's own words are never features, so the model judges what the sentence says
about the mention, not who it is. Curly quotes, apostrophes and dashes are made ASCII
first (offsets unchanged), so "“proud”" scores like '"proud"'.

The features are read from the mention's sentence only (:func:`mention_sentence`: the
sentence :func:`analysis.tokens.sentence_spans` puts it in, or the sentences it runs
across), so ``target_tone(article_text, start, end)`` gives what the mention's sentence
alone gives, and a text of one sentence is read whole. For many mentions of one article,
:meth:`TargetToneModel.predict_spans` gives the same probabilities (to the last bits of
rounding) without the explanations, several times faster: each sentence is tokenised once
for all its mentions and the weights are summed directly. ``score`` uses it, as the list
:meth:`TargetToneModel.span_probabilities` gives, for its mention-tone columns
(:func:`analysis.actor_tone.score_tone_row`).

Every prediction explains itself: ``features`` lists each feature's value, its weight toward
the predicted class (the class's coefficient minus the mean over the three classes) and the
contribution (value × weight); the contributions, with the intercept's, add up to the
predicted class's logit minus the mean logit.

How good (``bench/bench_actor_tone.py``, 2026-11-30; macro-F1 over the three classes): 0.706
on NewsMTSC's dev-rw (343 mentions) and 0.681 on dev-mt (442), 0.681 by 5-fold
cross-validation on train grouped by article (the model before the word table: 0.636, 0.683
and 0.662); plain sentence VADER, which is also what the kit's old
:func:`analysis.sentiment.actor_tone` gives for one sentence, scores 0.500, 0.523 and 0.522;
always "neutral" 0.19-0.22. The dev sets chose nothing (the model file's ``dev_use`` says
how they were used). The word table's vectors were learned from unlabelled text that holds
about 8% of the dev sentences (the allsides articles; text only, no label). The RoBERTa
model of the NewsMTSC paper reaches 0.83: this one is
cheaper and explains itself, not as good.

Limits: a linear model over about a thousand features reads words and word order, not
syntax. When a sentence is strongly negative or positive as a whole, that tone tends to
win over the target's own clause ("Jones praised the plan, but Smith attacked it as a
disgrace" comes out negative for Jones). It was trained on US political news; sarcasm,
long-range reference and sentiment carried by world knowledge escape it. Check
``features`` before trusting a label.

>>> result = target_tone("Critics slammed Smith for the failed plan.", 16, 21)
>>> result.label
'negative'
>>> round(sum(result.probabilities.values()), 6)
1.0
"""

from __future__ import annotations

import bisect
import functools
import importlib.resources
import itertools
import json
import math
import os
import re
from collections.abc import Collection, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from operator import mul
from pathlib import Path
from typing import Any, NamedTuple

import numpy as np
import pandas as pd
from nltk.stem.porter import PorterStemmer

from .compat import callable_module
from .fastvader import FastVader
from .resources import read_json_model
from .sentiment import make_analyzer
from .tokens import sentence_spans, shadow

__all__ = [
    "CLASSES",
    "MODEL_RESOURCE",
    "STEMMER",
    "TABLE_COLUMNS",
    "WORD_SIDES",
    "Evidence",
    "TargetFeaturizer",
    "TargetTone",
    "TargetToneModel",
    "ascii_text",
    "load_model",
    "mention_sentence",
    "sentence_bounds",
    "side_words",
    "target_features",
    "target_tone",
    "target_tone_table",
]

#: The classes, in the order of the model's coefficient rows.
CLASSES = ("negative", "neutral", "positive")
#: Where the shipped weights are, inside the package.
MODEL_RESOURCE = "data/models/target_tone.json"
#: The stemmer of the bag-of-words features: NLTK's Porter stemmer, NLTK_EXTENSIONS mode.
STEMMER = "nltk-porter-nltk-extensions"
#: Columns :func:`target_tone_table` adds.
TABLE_COLUMNS = ["label", "p_negative", "p_neutral", "p_positive", "top_features"]

# --- text -----------------------------------------------------------------------------------

# tokens.shadow makes quotes and hyphens ASCII and dashes an en dash, character for
# character; the en dash then becomes "-". Lengths never change, so offsets survive.
_DASH_TO_ASCII = str.maketrans({"\u2013": "-"})

# A token: an initialism ("U.S."), a word with inner apostrophes or hyphens ("didn't",
# "long-range"), a double hyphen, or one other non-space character.
_TOKEN = re.compile(r"(?:[A-Za-z]\.){2,}|\w+(?:['\-]\w+)*'?|--|[^\w\s]")
_BOUNDARY_PUNCT = frozenset({",", ";", ":", "(", ")", '"', "-", "--", "[", "]", "?", "!"})
_VALENCE_SCALE = 4.0  # VADER's ratings run from -4 to +4
_NEGATION_SCALAR = -0.74  # VADER's N_SCALAR
_CLIP = 3.0


def ascii_text(text: str) -> str:
    """``text`` with typographic quotes, apostrophes and dashes made ASCII, same length.

    Built on :func:`analysis.tokens.shadow` (which also makes odd spaces plain), so offsets
    into the result are offsets into ``text``.

    >>> ascii_text("“Kyiv’s” plan – ‘soon’ — yes")
    '"Kyiv\\'s" plan - \\'soon\\' - yes'
    """
    return shadow(text).translate(_DASH_TO_ASCII)


def mention_sentence(text: str, start: int, end: int) -> tuple[int, int]:
    """``(s, e)``: the part of ``text`` the tone toward ``text[start:end]`` is read from.

    The sentence holding the mention (as :func:`analysis.tokens.sentence_spans` splits
    ``text``), or the sentences it runs across; the whole ``text`` when it is one sentence.

    >>> text = "Smith spoke. Critics slammed Jones. They left."
    >>> s, e = mention_sentence(text, 29, 34)
    >>> text[s:e]
    'Critics slammed Jones.'
    """
    return sentence_bounds(sentence_spans(text), len(text), start, end)


def sentence_bounds(spans: Sequence[tuple[int, int]], length: int, start: int, end: int,
                    *, starts: Sequence[int] | None = None) -> tuple[int, int]:
    """:func:`mention_sentence` from the text's sentence ``spans`` and its ``length``
    (``starts``: the spans' starts, if the caller has them)."""
    if len(spans) <= 1:
        return 0, length
    if starts is None:
        starts = [s for s, _ in spans]
    i = max(bisect.bisect_right(starts, start) - 1, 0)
    j = max(bisect.bisect_right(starts, end - 1) - 1, i)
    return min(spans[i][0], start), max(spans[j][1], end)


class _SuffixCheckedPorter(PorterStemmer):
    """NLTK's Porter stemmer (``NLTK_EXTENSIONS``), the same stems, about twice as fast.

    Most of NLTK's steps build a list of suffix rules for every word and try them in turn
    (steps 2 and 4: 22 and 19 rules); a word that ends with none of the suffixes comes out
    of such a step unchanged (a step whose list has a ``*d`` rule or an empty suffix, or
    that does more than apply its list, is left alone; step 1a's special case is for
    words ending in one of its suffixes). Here a step first checks the word against its
    suffixes, read from NLTK's own lists once, in one ``str.endswith``, and runs NLTK's
    step only when one fits; step 1b (no such list) runs only for words ending in "ed"
    or "ing", step 5a only for words ending in "e", the only ones their code changes.
    ``tests/test_target_tone.py`` compares the stems with NLTK's.
    """

    _STEPS = ("_step1a", "_step1c", "_step2", "_step3", "_step4", "_step5b")

    def __init__(self) -> None:
        super().__init__(PorterStemmer.NLTK_EXTENSIONS)
        self._suffixes: dict[str, tuple[str, ...] | None] = {}
        lists: list[list[tuple]] = []
        # NLTK's steps with their rule lists recorded instead of applied
        self._apply_rule_list = lambda word, rules: lists.append(rules) or word
        for step in self._STEPS:
            lists.clear()
            getattr(PorterStemmer, step)(self, "zzzzzz")
            suffixes = tuple(rule[0] for rules in lists for rule in rules)
            usable = len(lists) == 1 and "*d" not in suffixes and "" not in suffixes
            self._suffixes[step] = suffixes if usable else None
        del self._apply_rule_list
        # NLTK's steps in order, each with the endings a word needs for the step to change
        # it (None: any word); NLTK's step 1b changes only words ending in "ied", "eed",
        # "ed" or "ing", its step 5a only words ending in "e".
        endings = {**self._suffixes, "_step1b": ("ed", "ing"), "_step5a": ("e",)}
        self._plan = [(endings[step], getattr(PorterStemmer, step)) for step in (
            "_step1a", "_step1b", "_step1c", "_step2", "_step3", "_step4", "_step5a",
            "_step5b")]

    def stem(self, word: str, to_lowercase: bool = True) -> str:
        """NLTK's ``stem``: the same steps in the same order, each run only for a word
        it can change."""
        stem = word.lower() if to_lowercase else word
        if stem in self.pool:
            return self.pool[stem]
        if len(word) <= 2:
            return stem
        for suffixes, step in self._plan:
            if suffixes is None or stem.endswith(suffixes):
                stem = step(self, stem)
        return stem


class _Token(NamedTuple):
    start: int
    end: int
    text: str  # lower case
    form: str  # lower case, possessive 's dropped; "" for punctuation
    stem: str  # Porter stem of form (the bag features' word); "" for punctuation
    valence: float  # VADER's rating / 4, before negation and boosters
    booster: float  # VADER's booster increment (/ 4), 0 for none
    negator: bool


# --- features -------------------------------------------------------------------------------


class TargetFeaturizer:
    """Features of one target mention in one sentence (see the module's notes).

    Parameters
    ----------
    lists : the word lists the features use, ``{name: [word, ...]}``: ``speech_verbs``,
        ``attack_verbs``, ``praise_verbs``, ``news_negative``, ``news_positive``,
        ``clause_words``, ``skip_after`` (auxiliaries and adverbs passed over when looking
        for the target's verb), ``skip_before`` (articles and titles passed over when
        looking for the verb before it) and ``pronouns``. The model file holds the lists it
        was trained with.
    window : how many words on each side count as near the target.
    analyzer : an NLTK ``SentimentIntensityAnalyzer`` whose lexicon, negations and boosters
        are used (default: :func:`analysis.sentiment.make_analyzer`, VADER unchanged).
    words : the stems of the model's word table (a mapping from stem to its weights, or
        just the stems): the ``wL:``, ``wR:`` and ``wC:`` features (:func:`side_words`)
        are read for these stems only. None or empty: no such features.

    >>> featurizer = TargetFeaturizer(load_model().featurizer.lists, window=3)
    >>> sorted(k for k in featurizer("Smith praised the plan.", 0, 5) if k[0] in "LR")
    ['L1:<s>', 'R1:prais', 'R2:prais_the', 'R:plan', 'R:prais', 'R:the']
    """

    def __init__(self, lists: Mapping[str, Sequence[str]], *, window: int = 5,
                 analyzer: Any = None, words: Collection[str] | None = None) -> None:
        if analyzer is None:
            analyzer = make_analyzer()
        missing = [n for n in _LIST_NAMES if n not in lists]
        if missing:
            raise ValueError(f"lists: missing {', '.join(missing)}")
        if not isinstance(window, int) or window < 1:
            raise ValueError(f"window must be a positive integer, not {window!r}")
        self.lists = {name: sorted(set(lists[name])) for name in _LIST_NAMES}
        self.window = window
        self.analyzer = analyzer
        self._vader = FastVader(analyzer)
        constants = analyzer.constants
        self._lexicon = analyzer.lexicon
        self._boosters = dict(constants.BOOSTER_DICT)
        self._negations = frozenset(constants.NEGATE)
        sets = {name: frozenset(words) for name, words in self.lists.items()}
        self._speech = sets["speech_verbs"]
        self._attack = sets["attack_verbs"]
        self._praise = sets["praise_verbs"]
        self._news_neg = sets["news_negative"]
        self._news_pos = sets["news_positive"]
        self._news = self._news_neg | self._news_pos
        self._clause = sets["clause_words"]
        self._skip_after = sets["skip_after"]
        self._skip_before = sets["skip_before"]
        self._pronouns = sets["pronouns"]
        self._cache: dict[str, tuple] = {}
        self._stem = _SuffixCheckedPorter().stem
        self._sentences: dict[str, _Sentence] = {}
        self.words = frozenset(words or ())
        # The word table's rows (when words maps each stem to one), read with each token.
        self._rows = words if isinstance(words, Mapping) else {}
        self._pieces: dict[str, tuple[tuple[str, ...], tuple]] = {}

    # -- tokens ----------------------------------------------------------------------------

    def _info(self, lower: str) -> tuple:
        """``(form, stem, valence, booster, negator, boundary)`` of one lower-cased token,
        cached; ``boundary``: the token ends a clause (punctuation or a clause word). With
        a word table (``words`` a mapping), a seventh item: the stem's row, or None."""
        found = self._cache.get(lower)
        if found is not None:
            return found
        if lower[0].isalnum() or lower[0] == "_":
            form = lower[:-2] if lower.endswith("'s") and len(lower) > 2 else lower.rstrip("'")
            value = self._lexicon.get(lower)
            if value is None:
                value = self._lexicon.get(form, 0.0)
            booster = self._boosters.get(lower, 0.0)
            negator = lower in self._negations or lower.endswith("n't")
            stem = self._stem(form)
            if stem == form:
                stem = form
            # Most tokens have no valence and no booster: they share the one 0.0 (and a
            # stem equal to the form shares the form's string), so that the tokens of a
            # sentence touch fewer objects when _Sentence gathers them.
            found = (form, stem, value / _VALENCE_SCALE if value and not booster else 0.0,
                     booster / _VALENCE_SCALE if booster else 0.0, negator,
                     lower in self._clause)
            if self._rows:
                found += (self._rows.get(stem),)
        else:
            found = ("", "", 0.0, 0.0, False, lower in _BOUNDARY_PUNCT)
            if self._rows:
                found += (None,)
        if len(self._cache) > 200_000:
            self._cache.clear()
        self._cache[lower] = found
        return found

    def _piece(self, piece: str, *, lower: bool = False) -> tuple[tuple[str, ...], tuple]:
        """``(tokens, infos)`` of one white-space piece (lower case already, unless
        ``lower``: then each token is lowered alone), cached."""
        found = self._pieces.get(piece) or self._new_piece(piece, lower=lower)
        return found if len(found) == 2 else ((piece,), (found,))

    def _new_piece(self, piece: str, *, lower: bool = False) -> tuple:
        """:meth:`_piece` of a piece not in the cache, as the cache holds it: for a piece
        that is one token, the token's :meth:`_info` (the token is the piece), one object
        to read instead of three; else ``(tokens, infos)``, a pair (an info has six or
        seven items). A piece lowered here (``lower``) is not cached."""
        texts = (piece,) if piece.isalnum() else tuple(_TOKEN.findall(piece))
        if lower:
            texts = tuple(t.lower() for t in texts)
        infos = tuple([self._cache.get(t) or self._info(t) for t in texts])
        if lower:  # pieces are cached in lower case only
            return texts, infos
        found = infos[0] if texts == (piece,) else (texts, infos)
        if len(self._pieces) > 200_000:
            self._pieces.clear()
        self._pieces[piece] = found
        return found

    def _sentence(self, text: str, compound: float | None = None,
                  plain: str | None = None, *, keep: bool = True) -> _Sentence:
        """Tokens, lexicon data and valences of one sentence; the last few are kept.

        ``compound``: the sentence's VADER compound if the caller has it already (it must
        be ``FastVader(analyzer).compound(shadow(text))`` with this featurizer's analyzer);
        ``plain``: ``analysis.tokens.shadow(text)``, if the caller has it. ``keep``:
        look for the sentence among the last few and keep it there (a caller that reads
        each sentence once, as :meth:`TargetToneModel.span_probabilities` does, saves
        hashing its text).
        """
        if keep:
            found = self._sentences.get(text)
            if found is not None:
                return found
        if plain is None:
            plain = shadow(text)
        norm = plain.translate(_DASH_TO_ASCII) if "\u2013" in plain else plain
        low = norm.lower()
        # Tokens piece by piece (no token crosses white space): a piece of letters and
        # digits only is one token, the others go through the pattern. Lower case first,
        # unless lowering changes a length or a character class (only the Kelvin sign
        # among all of Unicode's characters): then each token is lowered alone.
        exact = len(low) == len(norm) and "\u212a" not in norm
        pieces = (low if exact else norm).split()
        texts: list[str] = []
        infos: list[tuple] = []
        cumulative = []
        get = self._pieces.get
        for piece in pieces:
            cumulative.append(len(texts))
            found = get(piece) or self._new_piece(piece, lower=not exact)
            if len(found) == 2:  # (tokens, infos)
                texts += found[0]
                infos += found[1]
            else:  # the info of a piece that is one token (a cached, lower-case piece)
                texts.append(piece)
                infos.append(found)
        cumulative.append(len(texts))
        if compound is None:
            compound = self._vader.compound(plain)
        sentence = _Sentence(norm, pieces, cumulative, texts, infos, compound)
        if keep:
            if len(self._sentences) >= 32:
                self._sentences.pop(next(iter(self._sentences)))
            self._sentences[text] = sentence
        return sentence

    def tokens(self, text: str) -> list[_Token]:
        """The tokens of ``text`` (made ASCII first) with their offsets and lexicon data.

        >>> [t.form or t.text for t in load_model().featurizer.tokens("Obama’s “good” plan")]
        ['obama', '"', 'good', '"', 'plan']
        """
        sentence = self._sentence(text)
        spans = [match.span() for match in _TOKEN.finditer(sentence.norm)]
        return [_Token(s, e, t, *info[:5]) for (s, e), t, info
                in zip(spans, sentence.texts, sentence.infos, strict=True)]

    def valences(self, tokens: Sequence[_Token]) -> list[float]:
        """Each token's valence after negation (x -0.74 when one of the three words before
        negates) and a booster right before it (its increment, in the valence's direction).

        >>> f = load_model().featurizer
        >>> [round(v, 3) for v in f.valences(f.tokens("not a very good idea"))]
        [0.0, 0.0, 0.0, -0.406, 0.0]
        """
        return self._valences([t.valence for t in tokens], [t.booster for t in tokens],
                              [t.negator for t in tokens])[0]

    @staticmethod
    def _valences(values: Sequence[float], boosters: Sequence[float],
                  negators: Sequence[bool]) -> tuple[list[float], list[int]]:
        """``(valences, indices of the valenced tokens)`` from the lexicon's columns."""
        out = [0.0] * len(values)
        valenced = list(itertools.compress(range(len(values)), values))
        for i in valenced:
            value = values[i]
            if i and boosters[i - 1]:
                value += math.copysign(boosters[i - 1], value)
            if True in negators[i - 3 if i > 3 else 0:i]:
                value *= _NEGATION_SCALAR
            out[i] = value
        return out, valenced

    # -- features --------------------------------------------------------------------------

    def __call__(self, text: str, start: int, end: int) -> dict[str, float]:
        """The features of the mention ``text[start:end]``: ``{name: value}``.

        ``text`` may be a whole article: only the mention's sentence (as
        :func:`mention_sentence` finds it) is read.
        """
        _check_span(text, start, end)
        s, e = mention_sentence(text, start, end)
        sentence = self._sentence(text[s:e] if e - s < len(text) else text)
        at = sentence.mention(start - s, end - s, self.window)
        feats: dict[str, float] = {}
        self._bags(sentence, at, feats)
        self._context(sentence, at, feats)
        if self.words:
            for side, shares in zip(WORD_SIDES, side_words(sentence, at, self.words),
                                    strict=True):
                for stem, share in shares.items():
                    feats[f"w{side}:{stem}"] = share
        return feats

    @staticmethod
    def _bags(sentence: _Sentence, at: _Mention, feats: dict[str, float]) -> None:
        """The word features (``L:``, ``R:``, ``L1:``, ``R1:``, ``L2:``, ``R2:``, ``S:``)."""
        stems, words = sentence.stems, sentence.words
        for i in at.left:
            feats["L:" + stems[i]] = 1.0
        for i in at.right:
            feats["R:" + stems[i]] = 1.0
        for name in at.adjacent(sentence):
            feats[name] = 1.0
        for i in words[:at.k]:
            feats["S:" + stems[i]] = 1.0
        for i in words[at.m:]:
            feats["S:" + stems[i]] = 1.0

    def _context(self, sentence: _Sentence, at: _Mention, feats: dict[str, float],
                 clause: tuple[int, int] | None = None) -> None:
        """Every feature but the word features: valences, roles, quotes, position
        (``clause``: ``sentence.clause(at)``, if the caller has it)."""
        texts, forms = sentence.texts, sentence.forms
        valences, negators = sentence.valences, sentence.negators
        first, last, left, right = at.first, at.last, at.left, at.right
        n = len(texts)
        lo, hi = clause or sentence.clause(at)

        # Valence sums, in the order of _SUMS: [left, right, clause, out, near, all] x
        # [neg, pos].
        sums = [0.0] * 12
        # The words within the window (left and right) are all the words from left[-1]
        # to first - 1 and from last to right[-1]; every valenced token is a word.
        near_lo = left[-1] if left else first
        near_hi = right[-1] if right else last - 1
        for i in sentence.valenced:
            if i < first:
                side, distance, near, inner = 0, first - i, i >= near_lo, i >= lo
            elif i >= last:
                side, distance, near, inner = 2, i - last + 1, i <= near_hi, i < hi
            else:
                continue
            value = valences[i]
            sign = value > 0  # 0: negative, 1: positive
            size = abs(value)
            sums[10 + sign] += size
            if near:
                sums[side + sign] += size
            sums[(4 if inner else 6) + sign] += size
            sums[8 + sign] += size / distance
        if sums[10] or sums[11]:  # else every sum is 0
            # the non-zero sums, all but "all" (zip stops at _SUM_FEATURES' end)
            sized = zip(_SUM_FEATURES, sums, strict=False)
            for name, value in itertools.compress(sized, sums):
                feats[name] = value if value < _CLIP else _CLIP
        if sentence.compound:
            feats["v:compound"] = sentence.compound

        self._roles(sentence, first, last, lo, hi, feats, sums[10], sums[11])

        near_forms = list(map(forms.__getitem__, left))
        near_forms += map(forms.__getitem__, right)
        if not self._news.isdisjoint(near_forms):
            news_neg = sum(map(self._news_neg.__contains__, near_forms))
            news_pos = sum(map(self._news_pos.__contains__, near_forms))
            if news_neg:
                feats["news:neg"] = float(news_neg)
            if news_pos:
                feats["news:pos"] = float(news_pos)
        if any(map(negators.__getitem__, left[:3])):
            feats["neg:L"] = 1.0
        if any(map(negators.__getitem__, right[:3])):
            feats["neg:R"] = 1.0

        # Quotation marks: only double quotes (single ones double as apostrophes).
        norm = sentence.norm
        if '"' in norm:
            feats["has_quote"] = 1.0
            if norm.count('"', 0, at.start) % 2 and '"' in norm[at.end:]:
                feats["quoted"] = 1.0

        k, m = at.k, at.m
        n_words = max(len(sentence.words), 1)
        if k == 0:
            feats["pos:first"] = 1.0
        feats["pos:rel"] = k / max(n_words - (m - k), 1)
        feats["len"] = min(n_words / 40.0, _CLIP)
        if last - first == 1 and texts[first] in self._pronouns:
            feats["target:pronoun"] = 1.0
        if (last > first and texts[last - 1].endswith("'s")) or (
                last + 1 < n and texts[last] == "'" and texts[last + 1] == "s"):
            feats["target:possessive"] = 1.0

    def _roles(self, sentence: _Sentence, first: int, last: int, lo: int, hi: int,
               feats: dict[str, float], all_neg: float, all_pos: float) -> None:
        """Subject / object / agent / speaker features from word order (adds to ``feats``)."""
        texts, forms, valences, negators = (sentence.texts, sentence.forms,
                                            sentence.valences, sentence.negators)
        n = len(texts)
        # The target's verb: the first word after it in its clause, past auxiliaries and
        # adverbs ("Smith has repeatedly attacked ..."); "not" on the way flips it.
        i, negated = last, False
        if i + 1 < n and texts[i] == "'" and texts[i + 1] == "s":
            i += 2  # "Jones ' s": a possessive the tokenizer split
        while i < hi and i < last + 5 and (forms[i] in self._skip_after or negators[i]):
            negated = negated or negators[i]
            i += 1
        if i < hi:
            value = valences[i]  # VADER's rule has already flipped it after "not"
            if value < 0:
                feats["subj:neg"] = -value
            elif value > 0:
                feats["subj:pos"] = value
            form = forms[i]
            if form in self._attack:
                feats["subj:attack"] = -1.0 if negated else 1.0
            if form in self._praise:
                feats["subj:praise"] = -1.0 if negated else 1.0
            if form in self._speech and not negated:
                feats["speaks"] = 1.0
        # The verb before the target: the nearest word in its clause past articles and
        # titles ("criticized the president, Smith").
        j = first - 1
        while j >= lo and j > first - 5 and (forms[j] in self._skip_before or not forms[j]):
            j -= 1
        if j >= lo and j >= 0:
            form = forms[j]
            if form == "by" and j >= 1:
                value = valences[j - 1]
                if value < 0:
                    feats["agent:neg"] = -value
                elif value > 0:
                    feats["agent:pos"] = value
                if forms[j - 1] in self._attack:
                    feats["agent:attack"] = 1.0
            else:
                value = valences[j]
                if value < 0:
                    feats["obj:neg"] = -value
                elif value > 0:
                    feats["obj:pos"] = value
                if form in self._attack:
                    feats["obj:attack"] = 1.0
                if form in self._praise:
                    feats["obj:praise"] = 1.0
        # "..., said Smith" / "according to Smith".
        if first >= 1 and forms[first - 1] in self._speech and (
                first < 2 or not forms[first - 2]):
            feats["speaks"] = 1.0
        if first >= 2 and forms[first - 2] == "according" and forms[first - 1] == "to":
            feats["speaks"] = 1.0
        if "speaks" in feats:
            if all_neg:
                feats["speaks:neg"] = min(all_neg, _CLIP)
            if all_pos:
                feats["speaks:pos"] = min(all_pos, _CLIP)

class _Sentence:
    """What the features need of one sentence, worked out once for all its targets.

    ``pieces``: the white-space separated pieces of the sentence (lower case),
    ``cumulative[i]``: how many tokens the pieces before piece ``i`` hold.
    """

    __slots__ = ("boundary", "bounds", "compound", "cumulative", "forms", "infos", "negators",
                 "norm", "pieces", "rows", "spaced", "stems", "texts", "valenced", "valences",
                 "words")

    def __init__(self, norm, pieces, cumulative, texts, infos, compound) -> None:
        self.norm = norm
        self.pieces = pieces
        # The pieces are separated by one space each, the usual case: no white space but
        # " " (a printable string has no other), none doubled, none at either end.
        self.spaced = norm.isprintable() and "  " not in norm and norm[:1] != " " \
            and norm[-1:] != " "
        self.cumulative = cumulative
        self.texts = texts
        self.infos = infos
        if infos:  # the infos' columns
            self.forms, self.stems, values, boosters, self.negators, self.boundary, *rows = \
                zip(*infos, strict=True)
        else:
            self.forms = self.stems = values = boosters = self.negators = self.boundary = ()
            rows = []
        # each token's row in the word table (None without one): when there is a table
        self.rows = rows[0] if rows else ()
        self.valences, self.valenced = TargetFeaturizer._valences(values, boosters,
                                                                  self.negators)
        indices = range(len(texts))
        self.words = list(itertools.compress(indices, self.forms))
        self.bounds = list(itertools.compress(indices, self.boundary))
        self.compound = compound

    def clause(self, at: _Mention) -> tuple[int, int]:
        """Token indices ``lo:hi`` of the mention's clause: up to the nearest boundary
        (punctuation or a clause word) on each side."""
        bounds = self.bounds
        i = bisect.bisect_left(bounds, at.first)
        lo = bounds[i - 1] + 1 if i else 0
        i = bisect.bisect_left(bounds, at.last, i)
        return lo, (bounds[i] if i < len(bounds) else len(self.texts))

    def _tokens_before(self, offset: int, *, ending: bool) -> int:
        """How many tokens end at or before ``offset`` (``ending``), or start before it."""
        norm = self.norm
        if self.spaced:  # the pieces and one space between each two: count the spaces
            if offset == 0:
                return 0
            j = norm.count(" ", 0, offset)
            if norm[offset - 1] == " ":
                return self.cumulative[j]
            cut = offset - 1 - norm.rfind(" ", 0, offset)
        else:
            before = norm[:offset].split()
            if not before:
                return 0
            if norm[offset - 1].isspace():
                return self.cumulative[len(before)]
            j = len(before) - 1
            cut = len(before[-1])
        # offset falls inside piece j, cut characters into it
        if self.cumulative[j + 1] - self.cumulative[j] == 1:
            # one token, the whole piece (the tokens of a piece cover all of it): it
            # ends at or before offset only where the piece does, and starts before it
            return self.cumulative[j] + (cut == len(self.pieces[j]) if ending else 1)
        spans = [match.span() for match in _TOKEN.finditer(self.pieces[j])]
        return self.cumulative[j] + sum((e if ending else s) < cut + ending
                                        for s, e in spans)

    def mention(self, start: int, end: int, window: int) -> _Mention:
        """Where the mention ``[start, end)`` (offsets in this sentence) stands."""
        # The target's tokens, first:last, are those overlapping [start, end).
        first = self._tokens_before(start, ending=True)
        last = max(self._tokens_before(end, ending=False), first)
        words = self.words
        k = bisect.bisect_left(words, first)
        m = bisect.bisect_left(words, last)
        return _Mention(start, end, first, last, k, m,
                        words[max(0, k - window):k][::-1],  # nearest first
                        words[m:m + window])


class _Mention(NamedTuple):
    """A mention's place in its sentence: token indices ``first:last``, word indices
    ``k:m`` (into ``_Sentence.words``), the words ``left`` (nearest first) and ``right``
    within the window."""

    start: int
    end: int
    first: int
    last: int
    k: int
    m: int
    left: list[int]
    right: list[int]

    def adjacent(self, sentence: _Sentence) -> list[str]:
        """The ``L1:``, ``R1:``, ``L2:`` and ``R2:`` features' names."""
        stems, texts, first, last = sentence.stems, sentence.texts, self.first, self.last
        left, right = self.left, self.right
        names = ["L1:" + ((stems[first - 1] or texts[first - 1]) if first > 0 else "<s>"),
                 "R1:" + ((stems[last] or texts[last]) if last < len(texts) else "</s>")]
        if len(left) >= 2:
            names.append(f"L2:{stems[left[1]]}_{stems[left[0]]}")
        if len(right) >= 2:
            names.append(f"R2:{stems[right[0]]}_{stems[right[1]]}")
        return names


#: The sides of the word-score features: every word left of the target, every word right
#: of it, and the words of its clause (both sides).
WORD_SIDES = ("L", "R", "C")


def side_words(sentence: _Sentence, at: _Mention, known: Collection[str],
               ) -> list[dict[str, float]]:
    """Each word's share in the word-table mean of each side (:data:`WORD_SIDES`).

    On each side, the words whose stems are in ``known`` count alike: a stem's share is
    how often it stands there divided by how many such words the side holds, so the
    shares of a side add up to 1. Returns one ``{stem: share}`` per side.
    """
    stems, words = sentence.stems, sentence.words
    lo, hi = sentence.clause(at)
    left = [stems[w] for w in words[:at.k] if stems[w] in known]
    right = [stems[w] for w in words[at.m:] if stems[w] in known]
    clause = [stems[w] for w in words[:at.k] if w >= lo and stems[w] in known] + [
        stems[w] for w in words[at.m:] if w < hi and stems[w] in known]
    out = []
    for found in (left, right, clause):
        shares: dict[str, float] = {}
        for stem in found:
            shares[stem] = shares.get(stem, 0.0) + 1.0
        out.append({stem: n / len(found) for stem, n in shares.items()})
    return out


_SUMS = ("left_neg", "left_pos", "right_neg", "right_pos", "clause_neg", "clause_pos",
         "out_neg", "out_pos", "near_neg", "near_pos", "all_neg", "all_pos")
_SUM_FEATURES = tuple("v:" + name for name in _SUMS[:10])
_LIST_NAMES = ("speech_verbs", "attack_verbs", "praise_verbs", "news_negative",
               "news_positive", "clause_words", "skip_after", "skip_before", "pronouns")


def _check_span(text: Any, start: Any, end: Any) -> None:
    if not isinstance(text, str):
        raise TypeError(f"text must be a str, not {type(text).__name__}")
    for name, value in (("start", start), ("end", end)):
        if isinstance(value, bool) or not isinstance(value, int | np.integer):
            raise TypeError(f"{name} must be an integer offset, not {value!r}")
    if not 0 <= start < end <= len(text):
        raise ValueError(
            f"start and end must satisfy 0 <= start < end <= len(text) = {len(text)}; "
            f"found start={start}, end={end}")


# --- the model ------------------------------------------------------------------------------


class Evidence(NamedTuple):
    """One feature of one prediction: how much it pushed toward the predicted class."""

    feature: str
    value: float
    weight: float
    contribution: float


@dataclass(frozen=True)
class TargetTone:
    """The tone toward one target, with the features behind it.

    ``label`` is the most probable class; ``probabilities`` maps each class to its
    probability; ``features`` lists the model's features present in the sentence (and the
    intercept, as ``(intercept)`` with value 1), largest contribution toward ``label``
    first. The contributions add up to ``label``'s logit minus the mean of the three
    logits.
    """

    label: str
    probabilities: dict[str, float]
    features: list[Evidence] = field(repr=False)

    def table(self) -> pd.DataFrame:
        """``features`` as a DataFrame: ``feature, value, weight, contribution``.

        >>> target_tone("Smith praised the plan.", 0, 5).table().columns.tolist()
        ['feature', 'value', 'weight', 'contribution']
        """
        return pd.DataFrame(self.features, columns=list(Evidence._fields))


class TargetToneModel:
    """The weights of a target-tone model and the featurizer they were trained with.

    Build it with :func:`load_model` (the shipped file, or a path to your own).

    Attributes
    ----------
    classes : the class names, in the order of ``coef``'s rows.
    features : the feature names, in the order of ``coef``'s columns.
    vocabulary : ``{feature: column}``.
    coef : array of shape ``(n_classes, n_features)``; ``intercept`` of ``(n_classes,)``.
    word_scores : ``{stem: (6 weights)}``: the word table, each stem's weights toward
        negative and positive, each minus its weight toward neutral (the softmax needs no
        more), on each side of :data:`WORD_SIDES` (``L`` negative, ``L`` positive, then
        ``R``, then ``C``); the ``wL:stem`` feature (the stem's share in the left side's
        mean, :func:`side_words`) is multiplied by its ``L`` weights (:meth:`weight`).
        Empty for a model file without a word table.
    featurizer : the :class:`TargetFeaturizer` with the model's window, word lists and
        word-table stems.
    metadata : what the file says about training data, date, settings and scores.

    The word table is the model's linear weights on the mean of the
    context words' vectors on each side, folded at training time into one weight per word,
    side and class (a word's weight is the dot product of the class's weights with the
    word's vector): the vectors do not ship, and a prediction names the words behind it.
    """

    def __init__(self, content: Mapping[str, Any], *, source: str = "<mapping>",
                 words: Any = None) -> None:
        """``words``: the word table's ``.npz`` file (a path or an opened binary file),
        needed when ``content`` names one under ``word_scores``."""
        try:
            classes = list(content["classes"])
            features = list(content["features"])
            coef = np.asarray(content["coef"], dtype=float)
            intercept = np.asarray(content["intercept"], dtype=float)
            settings = content["featurizer"]
            window = settings["window"]
            lists = settings["lists"]
            stemmer = settings["stemmer"]
        except (KeyError, TypeError, ValueError) as error:
            raise ValueError(f"{source}: not a target-tone model file ({error!r})") from None
        if stemmer != STEMMER:
            raise ValueError(f"{source}: stemmer must be {STEMMER!r}, found {stemmer!r}")
        if classes != list(CLASSES):
            raise ValueError(f"{source}: classes must be {list(CLASSES)}, found {classes}")
        if coef.shape != (len(classes), len(features)) or intercept.shape != (len(classes),):
            raise ValueError(
                f"{source}: coef must have shape ({len(classes)}, {len(features)}) and "
                f"intercept ({len(classes)},); found {coef.shape} and {intercept.shape}")
        self.source = source
        self.classes = tuple(classes)
        self.features = features
        self.vocabulary = {name: i for i, name in enumerate(features)}
        self.coef = coef
        self.intercept = intercept
        # Weights toward each class relative to the mean over classes: softmax ignores a
        # constant added to every class, so these carry the same information, symmetrically.
        self.centered_coef = coef - coef.mean(axis=0)
        self.centered_intercept = intercept - intercept.mean()
        self._centered_rows = self.centered_coef.tolist()
        # For predict_spans: each feature's three weights, and the word features by stem.
        self._weights = dict(zip(features, map(tuple, coef.T.tolist()), strict=True))
        # ... the L:, R: and S: features' weights by stem, one mapping for each side
        self._l_weights, self._r_weights, self._s_weights = (
            {name[2:]: w for name, w in self._weights.items() if name[:2] == side}
            for side in ("L:", "R:", "S:"))
        self.word_scores = _word_table(content, words, source)
        self.featurizer = TargetFeaturizer(lists, window=window, words=self.word_scores)
        self.metadata = dict(content.get("metadata", {}))

    def weight(self, name: str) -> tuple[float, float, float] | None:
        """The feature's weights toward the three classes (None: the model ignores it).

        >>> model = load_model()
        >>> len(model.weight("v:left_neg")), model.weight("no such feature")
        (3, None)
        """
        found = self._weights.get(name)
        if found is None and name[:1] == "w" and name[2:3] == ":":
            row = self.word_scores.get(name[3:])
            i = _SIDE_INDEX.get(name[1])
            if row is not None and i is not None:
                found = (row[2 * i], 0.0, row[2 * i + 1])
        return found

    def __repr__(self) -> str:
        return (f"TargetToneModel({self.source!r}, {len(self.vocabulary):,} features, "
                f"window={self.featurizer.window})")

    def encode(self, features: Mapping[str, float]) -> tuple[np.ndarray, np.ndarray]:
        """``(columns, values)`` of the features the model knows."""
        vocabulary = self.vocabulary
        pairs = [(vocabulary[k], v) for k, v in features.items() if k in vocabulary and v]
        columns = np.fromiter((c for c, _ in pairs), dtype=np.intp, count=len(pairs))
        values = np.fromiter((v for _, v in pairs), dtype=float, count=len(pairs))
        return columns, values

    def predict(self, text: str, start: int, end: int) -> TargetTone:
        """The tone toward ``text[start:end]``; see :func:`target_tone`."""
        feats = self.featurizer(text, start, end)
        get, weight = self._weights.get, self.weight  # word-table features via weight()
        found = [(name, value, w) for name, value in feats.items()
                 if value and (w := get(name) or (weight(name) if name[:1] == "w" else None))
                 is not None]
        b0, b1, b2 = self.intercept.tolist()
        a = [b0, b1, b2]
        for _, value, w in found:
            a[0] += w[0] * value
            a[1] += w[1] * value
            a[2] += w[2] * value
        probabilities = _softmax(np.asarray(a))
        k = int(np.argmax(probabilities))
        evidence = []
        for name, value, w in found:
            weight = w[k] - (w[0] + w[1] + w[2]) / 3
            evidence.append(Evidence(name, value, weight, weight * value))
        bias = float(self.centered_intercept[k])
        evidence.append(Evidence("(intercept)", 1.0, bias, bias))
        evidence.sort(key=lambda e: (-e.contribution, e.feature))
        return TargetTone(self.classes[k],
                          {c: float(p) for c, p in zip(self.classes, probabilities, strict=True)},
                          evidence)

    def predict_spans(self, text: str, spans: Sequence[tuple[int, int]], *,
                      sentences: Sequence[tuple[int, int]] | None = None,
                      compounds: Sequence[float] | None = None) -> np.ndarray:
        """The probabilities of :meth:`predict` for many mentions of one text, faster.

        Each sentence is tokenised once for all its mentions, and the logits are summed
        from the weights directly (no explanation is built), so a mention costs a few
        dozen microseconds instead of a few hundred.

        Parameters
        ----------
        text : the article (or sentence).
        spans : ``(start, end)`` of each mention.
        sentences : ``analysis.tokens.sentence_spans(text)``, if the caller has it.
        compounds : each sentence's ``FastVader(analyzer).compound(shadow(sentence))``
            with the featurizer's analyzer (the default VADER), if the caller has them.

        Returns
        -------
        numpy.ndarray
            Shape ``(len(spans), 3)``: the probabilities of :data:`CLASSES`, as
            :meth:`predict` gives them (up to rounding in the last bits).

        >>> text = "Critics slammed Smith. Smith praised the plan."
        >>> load_model().predict_spans(text, [(16, 21), (23, 28)]).argmax(axis=1).tolist()
        [0, 2]
        """
        out = self.span_probabilities(text, spans, sentences=sentences, compounds=compounds)
        return np.array(out, dtype=float).reshape(len(out), 3)

    def span_probabilities(self, text: str, spans: Sequence[tuple[int, int]], *,
                           sentences: Sequence[tuple[int, int]] | None = None,
                           compounds: Sequence[float] | None = None,
                           ) -> list[tuple[float, float, float]]:
        """:meth:`predict_spans` as a list of ``(p_negative, p_neutral, p_positive)``
        tuples of Python floats, the same numbers: for a caller that sums them in Python,
        which is cheaper than through an array for the few mentions of one article.

        >>> text = "Critics slammed Smith. Smith praised the plan."
        >>> [max(range(3), key=p.__getitem__)
        ...  for p in load_model().span_probabilities(text, [(16, 21), (23, 28)])]
        [0, 2]
        """
        if sentences is None:
            sentences = sentence_spans(text)
        starts = [s for s, _ in sentences]
        length = len(text)
        featurizer = self.featurizer
        window = featurizer.window
        # The article's shadow (the scorer has it cached), cut into sentences: the same as
        # each sentence's own shadow where no carriage return is involved.
        article = shadow(text)
        weights, s_weights = self._weights, self._s_weights
        l_weights, r_weights = self._l_weights, self._r_weights
        word_scores = self.word_scores
        known_j: list[int] = []
        l_neg = l_pos = r_neg = r_pos = c_neg = c_pos = ()
        b0, b1, b2 = self.intercept.tolist()
        exp = math.exp
        out: list[tuple[float, float, float]] = []
        key = None
        sentence = None
        stems: list[str] = []
        s_total = (0.0, 0.0, 0.0)
        for start, end in spans:
            if not 0 <= start < end <= length:
                _check_span(text, start, end)
            s, e = sentence_bounds(sentences, length, start, end, starts=starts)
            if (s, e) != key:
                key = (s, e)
                compound = None
                if compounds is not None and len(sentences) > 1:
                    i = bisect.bisect_right(starts, s) - 1
                    if i >= 0 and sentences[i] == key:
                        compound = compounds[i]
                piece = text[s:e] if e - s < length else text
                sentence = featurizer._sentence(
                    piece, compound, None if "\r" in piece else article[s:e], keep=False)
                stems = sentence.stems
                # S: every word of the sentence once (in the sentence's order, so that the
                # sums do not depend on string hashing), the target's own taken out below;
                # a punctuation token's stem is "", which no feature has
                found = list(filter(None, map(s_weights.get, dict.fromkeys(stems))))
                s_total = tuple(map(sum, zip(*found, strict=True))) if found else (0.0,) * 3
                if word_scores:
                    # The tokens with a row in the word table (words, read with the
                    # tokens) and their weights, column by column.
                    rows = sentence.rows
                    known_j = list(itertools.compress(range(len(rows)), rows))
                    l_neg, l_pos, r_neg, r_pos, c_neg, c_pos = (
                        zip(*filter(None, rows), strict=True) if known_j else ((),) * 6)
            at = sentence.mention(start - s, end - s, window)
            a0 = b0 + s_total[0]
            a1 = b1 + s_total[1]
            a2 = b2 + s_total[2]
            # S: the target's own words count only where they also stand outside it.
            inside = stems[at.first:at.last]
            for stem in dict.fromkeys(inside):
                w = s_weights.get(stem)
                if w is not None and stems.count(stem) == inside.count(stem):
                    a0 -= w[0]
                    a1 -= w[1]
                    a2 -= w[2]
            # L: and R: the words within the window, each stem once (nearest first)
            for w in filter(None, map(l_weights.get, dict.fromkeys(map(stems.__getitem__,
                                                                      at.left)))):
                a0 += w[0]
                a1 += w[1]
                a2 += w[2]
            for w in filter(None, map(r_weights.get, dict.fromkeys(map(stems.__getitem__,
                                                                      at.right)))):
                a0 += w[0]
                a1 += w[1]
                a2 += w[2]
            for name in at.adjacent(sentence):
                w = weights.get(name)
                if w is not None:
                    a0 += w[0]
                    a1 += w[1]
                    a2 += w[2]
            feats: dict[str, float] = {}
            clause = sentence.clause(at)
            featurizer._context(sentence, at, feats, clause)
            for name, value in feats.items():
                w = weights.get(name)
                if w is not None:
                    a0 += w[0] * value
                    a1 += w[1] * value
                    a2 += w[2] * value
            if known_j:
                # The word table: the mean of the words' weights on each side (as
                # side_words shares them), toward negative and positive relative to
                # neutral (a1 unchanged); sums of slices, in C. known_j holds token
                # indices: the target's tokens are first:last, its clause lo:hi.
                i = bisect.bisect_left(known_j, at.first)
                j = bisect.bisect_left(known_j, at.last, i)
                n = len(known_j)
                if i:
                    a0 += sum(l_neg[:i]) / i
                    a2 += sum(l_pos[:i]) / i
                if j < n:
                    a0 += sum(r_neg[j:]) / (n - j)
                    a2 += sum(r_pos[j:]) / (n - j)
                ci = bisect.bisect_left(known_j, clause[0], 0, i)
                cj = bisect.bisect_left(known_j, clause[1], j)
                if ci < i or j < cj:
                    c = i - ci + cj - j
                    a0 += (sum(c_neg[ci:i]) + sum(c_neg[j:cj])) / c
                    a2 += (sum(c_pos[ci:i]) + sum(c_pos[j:cj])) / c
            top = max(a0, a1, a2)
            e0, e1, e2 = exp(a0 - top), exp(a1 - top), exp(a2 - top)
            total = e0 + e1 + e2
            out.append((e0 / total, e1 / total, e2 / total))
        return out


_SIDE_INDEX = {side: i for i, side in enumerate(WORD_SIDES)}


def _word_table(content: Mapping[str, Any], words: Any, source: str,
                ) -> dict[str, tuple[float, ...]]:
    """``{stem: 6 weights}`` from the ``.npz`` file the model's ``word_scores`` names."""
    spec = content.get("word_scores")
    if not spec:
        return {}
    if words is None:
        raise ValueError(f"{source}: the model names a word table ({spec.get('file')!r}) "
                         "but none was given")
    try:
        with np.load(words, allow_pickle=False) as z:
            stems, scores = z["stems"].tolist(), z["scores"].astype(float)
    except (OSError, KeyError, ValueError) as error:
        raise ValueError(f"{source}: cannot read its word table {spec.get('file')!r} "
                         f"({error})") from None
    if spec.get("sides") != list(WORD_SIDES) or scores.shape != (len(stems),
                                                                 2 * len(WORD_SIDES)):
        raise ValueError(f"{source}: the word table must have sides {list(WORD_SIDES)} and "
                         f"{2 * len(WORD_SIDES)} weights a stem; found {spec.get('sides')} "
                         f"and shape {scores.shape}")
    return dict(zip(stems, map(tuple, scores.tolist()), strict=True))


def _softmax(logits: np.ndarray) -> np.ndarray:
    shifted = np.exp(logits - logits.max(axis=-1, keepdims=True))
    return shifted / shifted.sum(axis=-1, keepdims=True)


@functools.cache
def _shipped_model() -> TargetToneModel:
    resource = importlib.resources.files("analysis").joinpath(MODEL_RESOURCE)
    content = json.loads(resource.read_text(encoding="utf-8"))
    spec = content.get("word_scores")
    if not spec:
        return TargetToneModel(content, source=f"analysis/{MODEL_RESOURCE}")
    with resource.parent.joinpath(spec["file"]).open("rb") as words:
        return TargetToneModel(content, source=f"analysis/{MODEL_RESOURCE}", words=words)


def load_model(path: str | os.PathLike[str] | None = None) -> TargetToneModel:
    """The shipped target-tone model (read once per process), or the one in ``path``.

    A file of your own (same format, for example written by ``tools/train_target_tone.py
    --out``) is read every time you call this: keep the result and pass it as ``model=``.

    >>> model = load_model()
    >>> model.classes
    ('negative', 'neutral', 'positive')
    """
    if path is None:
        return _shipped_model()
    content = read_json_model(path, what="a target-tone model")
    spec = content.get("word_scores") if isinstance(content, Mapping) else None
    words = Path(path).parent / spec["file"] if spec else None
    return TargetToneModel(content, source=str(path), words=words)


def _resolve(model: TargetToneModel | str | os.PathLike[str] | None) -> TargetToneModel:
    if model is None or isinstance(model, TargetToneModel):
        return model or _shipped_model()
    return load_model(model)


# --- public functions -----------------------------------------------------------------------


def target_features(text: str, start: int, end: int, *,
                    model: TargetToneModel | str | os.PathLike[str] | None = None,
                    ) -> dict[str, float]:
    """Every feature of the mention ``text[start:end]``, known to the model or not.

    >>> feats = target_features("Critics slammed Smith.", 16, 21)
    >>> feats["L1:slam"], feats["R1:."], feats["pos:rel"]
    (1.0, 1.0, 1.0)
    """
    return _resolve(model).featurizer(text, start, end)


def target_tone(text: str, start: int, end: int, *,
                model: TargetToneModel | str | os.PathLike[str] | None = None) -> TargetTone:
    """The tone of ``text`` toward the mention ``text[start:end]``.

    Parameters
    ----------
    text : one sentence.
    start, end : character offsets of the mention (``end`` exclusive).
    model : a :class:`TargetToneModel` or a path to a model file; None for the shipped one.

    Returns
    -------
    TargetTone
        ``label`` (negative, neutral or positive), ``probabilities`` and ``features``:
        ``(feature, value, weight, contribution)`` rows, largest contribution first.

    >>> text = "Smith won the award; Jones was charged with fraud."
    >>> target_tone(text, 0, 5).label, target_tone(text, 21, 26).label
    ('positive', 'negative')
    >>> result = target_tone(text, 21, 26)
    >>> [(e.feature, round(e.contribution, 2)) for e in result.features[:3]]
    [('wR:fraud', 0.96), ('wR:charg', 0.69), ('v:right_neg', 0.54)]
    """
    return _resolve(model).predict(text, start, end)


def _row_features(frame: pd.DataFrame, featurizer: TargetFeaturizer, text: str, start: str,
                  end: str) -> Iterator[dict[str, float]]:
    """The features of each row's mention; an error names the row."""
    for r, (sentence, s, e) in enumerate(zip(frame[text], frame[start], frame[end],
                                             strict=True)):
        try:
            yield featurizer(sentence, int(s), int(e))
        except (TypeError, ValueError) as error:
            raise ValueError(f"target_tone_table: row {frame.index[r]!r}: {error}") from None


def _table_by_columns(frame: pd.DataFrame, chosen: TargetToneModel, text: str, start: str,
                      end: str, top: int) -> tuple[np.ndarray, np.ndarray, list[str]]:
    """``(probabilities, best, top_text)`` of target_tone_table for a model without a
    word table: the features as columns of ``coef``, summed with NumPy."""
    featurizer = chosen.featurizer
    vocabulary = chosen.vocabulary
    n = len(frame)
    rows: list[int] = []
    columns: list[int] = []
    values: list[float] = []
    bounds = [0]
    for r, feats in enumerate(_row_features(frame, featurizer, text, start, end)):
        for name, value in feats.items():
            column = vocabulary.get(name)
            if column is not None and value:
                columns.append(column)
                values.append(value)
        rows.extend([r] * (len(columns) - len(rows)))
        bounds.append(len(columns))
    logits = np.tile(chosen.intercept, (n, 1))
    if columns:
        row = np.asarray(rows, dtype=np.intp)
        col = np.asarray(columns, dtype=np.intp)
        val = np.asarray(values, dtype=float)
        for k in range(len(chosen.classes)):
            logits[:, k] += np.bincount(row, weights=chosen.coef[k, col] * val, minlength=n)
    probabilities = _softmax(logits) if n else np.zeros((0, len(chosen.classes)))
    best = probabilities.argmax(axis=1) if n else np.zeros(0, dtype=np.intp)
    # Top features in plain Python: a few dozen numbers per row are cheaper than numpy calls.
    names = chosen.features
    weights = chosen._centered_rows
    top_text = []
    for r, k in enumerate(best.tolist()):
        w = weights[k]
        found = [(w[c] * v, names[c]) for c, v in
                 zip(columns[bounds[r]:bounds[r + 1]], values[bounds[r]:bounds[r + 1]],
                     strict=True)]
        found = sorted((x for x in found if x[0] > 0), key=lambda x: (-x[0], x[1]))[:top]
        top_text.append("; ".join(f"{name} {x:+.2f}" for x, name in found))
    return probabilities, best, top_text


def _table_by_weights(frame: pd.DataFrame, chosen: TargetToneModel, text: str, start: str,
                      end: str, top: int) -> tuple[np.ndarray, np.ndarray, list[str]]:
    """``(probabilities, best, top_text)`` of target_tone_table for a model with a word
    table: each feature's weights from :meth:`TargetToneModel.weight`."""
    featurizer = chosen.featurizer
    get, weight = chosen._weights.get, chosen.weight  # word-table features via weight()
    n = len(frame)
    sums: list[tuple[float, float, float]] = []
    products: list[tuple[tuple[str, ...], tuple[list[float], ...]]] = []
    for feats in _row_features(frame, featurizer, text, start, end):
        found = [(name, value, w) for name, value in feats.items()
                 if value and (w := get(name) or (weight(name) if name[:1] == "w" else None))
                 is not None]
        if not found:
            sums.append((0.0, 0.0, 0.0))
            products.append(((), ([], [], [])))
            continue
        names, values, ws = zip(*found, strict=True)
        # value x weight toward each class, summed in C
        each = tuple(list(map(mul, column, values)) for column in zip(*ws, strict=True))
        sums.append((sum(each[0]), sum(each[1]), sum(each[2])))
        products.append((names, each))
    logits = np.asarray(sums, dtype=float).reshape(n, 3) + chosen.intercept
    probabilities = _softmax(logits) if n else np.zeros((0, len(chosen.classes)))
    best = probabilities.argmax(axis=1) if n else np.zeros(0, dtype=np.intp)
    # Top features: the contributions toward the label (weights centred over the classes).
    top_text = []
    for (names, each), k in zip(products, best.tolist(), strict=True):
        pushes = [(x - (p0 + p1 + p2) / 3, name) for x, p0, p1, p2, name
                  in zip(each[k], *each, names, strict=True) if 3 * x > p0 + p1 + p2]
        pushes = sorted(pushes, key=lambda x: (-x[0], x[1]))[:top]
        top_text.append("; ".join(f"{name} {x:+.2f}" for x, name in pushes))
    return probabilities, best, top_text


def target_tone_table(frame: pd.DataFrame, *, text: str = "sentence", start: str = "from",
                      end: str = "to", top: int = 3,
                      model: TargetToneModel | str | os.PathLike[str] | None = None,
                      ) -> pd.DataFrame:
    """The tone toward each row's mention: one output row per input row.

    Parameters
    ----------
    frame : a DataFrame with a sentence column and the mention's offsets in it.
    text, start, end : the names of those columns.
    top : how many features to show in ``top_features`` (those with the largest
        contributions toward the label, as ``name +contribution``).
    model : as for :func:`target_tone`.

    Returns
    -------
    pandas.DataFrame
        The same index as ``frame``, with columns ``label, p_negative, p_neutral,
        p_positive, top_features``. ``frame`` is not changed; join the result to it.

    >>> frame = pd.DataFrame({
    ...     "sentence": ["Critics slammed Smith.", "Smith praised the plan.", "Smith spoke."],
    ...     "from": [16, 0, 0], "to": [21, 5, 5]})
    >>> target_tone_table(frame)["label"].tolist()
    ['negative', 'positive', 'neutral']
    """
    for argument, column in (("text", text), ("start", start), ("end", end)):
        if column not in frame.columns:
            raise KeyError(f"target_tone_table: no column {column!r} (the {argument}= "
                           f"argument); the frame has {', '.join(map(str, frame.columns[:10]))}")
    chosen = _resolve(model)
    table = _table_by_weights if chosen.word_scores else _table_by_columns
    probabilities, best, top_text = table(frame, chosen, text, start, end, top)
    labels = np.asarray(chosen.classes, dtype=object)[best]
    return pd.DataFrame({
        "label": labels,
        "p_negative": probabilities[:, 0],
        "p_neutral": probabilities[:, 1],
        "p_positive": probabilities[:, 2],
        "top_features": top_text,
    }, index=frame.index)


callable_module(__name__, target_tone)
