"""What one outlet reports that another leaves out: sentences aligned across outlets.

:func:`align_sentences` pairs the sentences of one event across outlets; :func:`coverage`
marks every sentence shared or unique; :func:`coverage_gaps` lists, per ordered pair of
outlets, what one has and the other lacks; :func:`coverage_matrix` shows which outlets carry
which shared statements; :func:`headlines` puts the headlines side by side.
"""

from __future__ import annotations

import difflib
import itertools
from typing import Literal

import numpy as np
import pandas as pd

from ..errors import require_columns
from ..tokens import sentence_table, words
from .groups import require_groups
from .matching import (
    MIN_COMMON_STEMS,
    MatchModel,
    closest_candidates,
    content_stems,
    load_match_model,
    stem,
)

__all__ = [
    "METHODS",
    "MIN_SHARED_WORDS",
    "SIMILARITY_THRESHOLD",
    "VERBATIM_THRESHOLD",
    "align_sentences",
    "coverage",
    "coverage_from",
    "coverage_gaps",
    "coverage_matrix",
    "gaps_from",
    "headlines",
    "matrix_from",
    "sentence_pairs",
]

#: Defaults for sentence alignment, chosen on the seed event (see :func:`align_sentences`).
SIMILARITY_THRESHOLD = 0.2
MIN_SHARED_WORDS = 3
#: Matrix cells (float64) one event's alignment may use, about 2.4 GB; beyond it
#: align_sentences raises a ValueError naming the event instead of running out of memory.
_MAX_ALIGN_CELLS = 300_000_000
VERBATIM_THRESHOLD = 0.8

# --- coverage: sentence alignment -------------------------------------------------------

#: How sentences are paired: ``"model"`` (the default) asks the coverage match model of
#: :mod:`analysis.comparison.matching`; ``"cosine"`` is the TF-IDF cosine rule with
#: ``threshold`` and ``min_shared`` (see :func:`align_sentences` for both figures).
METHODS = ("model", "cosine")
Method = Literal["model", "cosine"]


def _sentence_frame(corpus: pd.DataFrame) -> pd.DataFrame:
    """sentence_table plus ``event``, the sentence's word list and ``repeat_of``."""
    require_columns(corpus, ["article_id", "outlet", "text"], "coverage")
    sents = sentence_table(corpus)
    events = (
        corpus.set_index("article_id")["event"].astype(str)
        if "event" in corpus.columns
        else pd.Series("", index=corpus["article_id"])
    )
    sents.insert(1, "event", sents["article_id"].map(events))
    sents["words"] = [words(s, lower=True) for s in sents["sentence"]]
    # A sentence that repeats an earlier one of the same article word for word (a photo
    # caption printed twice, a headline repeated in the body) is not aligned on its own.
    key = sents["words"].map(" ".join)
    first = sents.groupby(["article_id", key], sort=False)["sentence_index"].transform("first")
    sents["repeat_of"] = first.where((first != sents["sentence_index"]) & (key != "")).astype(
        "Int64"
    )
    return sents


def _overlap(a: list[str], b: list[str]) -> float:
    """Word-sequence overlap, difflib's ratio 2 * matched / (len a + len b)."""
    if not a or not b:
        return 0.0
    return difflib.SequenceMatcher(None, a, b, autojunk=False).ratio()


def _align_event(
    sents: pd.DataFrame, threshold: float, min_shared: int, verbatim: float
) -> list[tuple]:
    """Aligned pairs (row positions in ``sents`` and scores) for one event."""
    stems = [content_stems(s) for s in sents["sentence"]]
    vocab = {w: i for i, w in enumerate(sorted({w for ws in stems for w in ws}))}
    n = len(stems)
    if n < 2 or not vocab:
        return []
    rows_n = sum(len(set(ws)) >= min_shared for ws in stems)
    if n * len(vocab) + rows_n * (n + rows_n) > _MAX_ALIGN_CELLS:
        event = sents["event"].iat[0] if "event" in sents.columns else "?"
        raise ValueError(
            f"event {event!r} has {n:,} sentences ({rows_n:,} long enough to pair) and "
            f"{len(vocab):,} distinct stems: aligning them all at once would need about "
            f"{8 * (n * len(vocab) + rows_n * (n + rows_n)) / 1e9:.0f} GB. Align fewer "
            "articles at a time (one event per real news event, or a sample)"
        )
    present = np.zeros((n, len(vocab)))
    for i, ws in enumerate(stems):
        present[i, [vocab[w] for w in ws]] = 1.0
    df = present.sum(axis=0)
    idf = np.log((1 + n) / (1 + df)) + 1  # smooth idf, as scikit-learn's TfidfVectorizer
    weighted = present * idf
    norms = np.linalg.norm(weighted, axis=1)
    unit = weighted / np.where(norms == 0, 1, norms)[:, None]
    # Only sentences with at least min_shared stems can be in a pair: they are the rows
    # (r); every sentence stays a column, as it can still be another's best match. An
    # event of many one-word articles then needs no n x n matrix at all.
    rows = np.flatnonzero(present.sum(axis=1) >= min_shared)
    if len(rows) < 2:
        return []
    sim = unit[rows] @ unit.T  # rows x all
    n_shared = present[rows] @ present[rows].T  # rows x rows
    outlets = sents["outlet"].to_numpy()
    articles = pd.factorize(sents["article_id"])[0]
    cross = outlets[rows, None] != outlets[None, :]
    candidate = cross[:, rows] & (sim[:, rows] >= threshold) & (n_shared >= min_shared)
    # Keep a candidate pair if each is the other's best match in that article, from either
    # side: sentence i's best in article k, or sentence j's best in i's article.
    best = np.zeros_like(cross)
    masked = np.where(cross, sim, -1.0)
    for k in np.unique(articles):
        cols = np.flatnonzero(articles == k)
        winner = cols[np.argmax(masked[:, cols], axis=1)]
        best[np.arange(len(rows)), winner] = True
    best = best[:, rows]
    keep = candidate & (best | best.T)
    pairs = []
    for r, q in zip(*np.nonzero(np.triu(keep)), strict=True):
        i, j = rows[r], rows[q]
        a, b = (i, j) if (outlets[i], articles[i]) < (outlets[j], articles[j]) else (j, i)
        ratio = _overlap(sents["words"].iat[a], sents["words"].iat[b])
        shared = set(stems[a]) & set(stems[b])
        evidence = list(dict.fromkeys(
            w for w in words(sents["sentence"].iat[a], lower=True, possessive="strip")
            if any(stem(p) in shared for p in w.split("-"))
        ))
        relation = "verbatim" if ratio >= verbatim else "paraphrase"
        pairs.append((a, b, float(sim[r, j]), ratio, relation, ", ".join(evidence),
                      np.nan, "", ""))
    return pairs


def _words_of(sentence: str, keys: set[str], marks_of) -> str:
    """The words of ``sentence`` whose mark (``marks_of(word)``) is in ``keys``, once each."""
    return ", ".join(dict.fromkeys(
        w for w in words(sentence, lower=True, possessive="strip") if marks_of(w) & keys
    ))


def _align_event_model(
    sents: pd.DataFrame, model: MatchModel, min_score: float, verbatim: float
) -> list[tuple]:
    """Aligned pairs for one event, by the match model (see :func:`align_sentences`)."""
    n = len(sents)
    if n < 2:
        return []
    # about ten n x n matrices (cosine, cover both ways, shared counts...) of float64
    if 10 * n * n > _MAX_ALIGN_CELLS:
        # A pair needs MIN_COMMON_STEMS stems in common: an event of one-word articles has
        # none to ask about, however many (only checked here, where it saves the error).
        pairable = sum(len(set(content_stems(s))) >= MIN_COMMON_STEMS
                       for s in sents["sentence"])
        if pairable < 2:
            return []
        event = sents["event"].iat[0] if "event" in sents.columns else "?"
        raise ValueError(
            f"event {event!r} has {n:,} sentences ({pairable:,} long enough to pair) and "
            f"the match model would need about {80 * n * n / 1e9:.1f} GB. Align fewer "
            "articles at a time, or use method='cosine'"
        )
    outlets = sents["outlet"].to_numpy()
    articles = pd.factorize(sents["article_id"])[0]
    marks, ev, asked, measures = closest_candidates(
        sents["sentence"].tolist(), outlets, articles
    )
    if not asked:
        return []
    score = model.probability(measures)
    # Each sentence keeps, per other article, its best-scoring sentence there when that
    # passes min_score (several weaker candidates would chain unrelated statements).
    chosen: dict[tuple[int, int], tuple[float, int]] = {}
    for (i, j), p in zip(asked, score, strict=True):
        key = (i, int(articles[j]))
        if p >= min_score and p > chosen.get(key, (-1.0, -1))[0]:
            chosen[key] = (float(p), j)
    best: dict[tuple[int, int], float] = {}
    for (i, _), (p, j) in chosen.items():
        key = (i, j) if (outlets[i], articles[i]) < (outlets[j], articles[j]) else (j, i)
        best[key] = max(best.get(key, 0.0), p)
    pairs = []
    for (a, b), p in best.items():
        ratio = _overlap(sents["words"].iat[a], sents["words"].iat[b])
        shared = marks[a].stems & marks[b].stems
        sentence_a = sents["sentence"].iat[a]
        pairs.append((
            a, b, float(ev.cosine[a, b]), ratio,
            "verbatim" if ratio >= verbatim else "paraphrase",
            _words_of(sentence_a, shared, lambda w: {stem(x) for x in w.split("-")}),
            p,
            _words_of(sentence_a, marks[a].names & marks[b].names,
                      lambda w: {stem(x) for x in w.split("-")}),
            ", ".join(sorted(marks[a].numbers & marks[b].numbers)),
        ))
    return pairs


def align_sentences(
    corpus: pd.DataFrame,
    *,
    method: Method = "model",
    min_score: float | None = None,
    threshold: float = SIMILARITY_THRESHOLD,
    min_shared: int = MIN_SHARED_WORDS,
    verbatim: float = VERBATIM_THRESHOLD,
) -> pd.DataFrame:
    """Pair up sentences of different outlets that report the same thing.

    Sentences are compared only within one event (quadratic in the sentences of an event,
    never across the corpus), and only across outlets.

    ``method="cosine"``: a pair counts as shared when its ``similarity`` (below) is at
    least ``threshold`` **and** the sentences have at least ``min_shared`` content stems
    in common (two common words such as "took place" are not a shared
    statement), and one is the other's best match in its article (from either side), so
    that a sentence is not tied to every loosely related sentence of the other article. The
    defaults (``threshold=0.2``, ``min_shared=3``) were chosen by reading the seed event (a
    machine-translated n-tv report against Shafaq News). On long articles about a broad
    topic (the allsides "same topic, same day" groups) pairs between 0.2 and 0.3 are often
    only on the same subject, and paraphrases are missed.

    ``method="model"`` (the default) asks, for each sentence and each article of another
    outlet, whether that article reports it. Candidates are the sentence's
    :data:`~analysis.comparison.matching.CANDIDATES` closest sentences there (cosine) with
    at least two content stems in common and a cosine of at least
    :data:`~analysis.comparison.matching.MIN_COSINE` (0.2; two sentences that both quote
    three or more content words, none in common, are two statements: never a candidate).
    A logistic regression (:class:`~analysis.comparison.matching.MatchModel`, weights in
    ``data/models/coverage_match.json``, trained on 16 hand-labelled events by
    ``tools/train_coverage_match.py``) reads 16 measures of each: the cosine; how much of
    each sentence's idf weight the other covers; the shared idf weight; names (capitalised
    words), numbers and quoted words in common; whether the other sentence gives other
    numbers; the longest run of words in the same order;
    the sentence's and the article's length (so the bar adapts to both); how much of the
    sentence's weight and names the whole article uses and how many of its names it never
    uses; the two articles' similarity; whether the sentence quotes. Rare words weigh more:
    idf comes from how many of 8,302 allsides articles use a stem
    (``data/wordlists/stem_df.csv``: "Incirlik" counts, "said" hardly). The best candidate
    per sentence and article is kept when its probability (``score``) is at least
    ``min_score`` (default the model's 0.5). ``shared_words``, ``shared_names``,
    ``shared_numbers`` and ``score`` show why.

    Measured against hand labels (``bench/bench_coverage.py``; rows are sentence x other
    outlet, 2026-11-30): in leave-one-event-out cross-validation on 16 allsides events
    (2,478 rows, 1,239 sentences), the model marks 0.802 of the rows right and the cosine
    rule 0.775 (sentences 0.780 and 0.741; all unique 0.647 and 0.519); it is right on 198
    rows where the rule is wrong and wrong on 131 where the rule is right, and better in 13
    of the 16 events. On the 4 events of the first held set (measured once, before they
    joined the tuning events) the model of 12 events marked 0.831 of the rows right and the
    rule 0.803 (sentences 0.816 and 0.764); on the 4 events of the second held set
    (``coverage_gold_fresh2.md``, measured once), the model of 16 events 0.812 and the rule
    0.795 (sentences 0.778 and 0.766); on the third (``coverage_gold_fresh3.md``), 0.849 and
    0.849 (sentences 0.826 and 0.822). Both are bag-of-words heuristics: neither tells
    two statements with the same names apart, nor finds a paraphrase without rare words in
    common (about 200 of the 874 shared rows have no candidate at all; the goal of 0.93 is
    out of their reach: see ``coverage_gold.md`` for what was tried).

    Both report ``similarity``, the cosine of TF-IDF vectors of the sentences' *content
    stems*: words lower-cased, stopwords removed, hyphenated words split, each reduced to
    its Snowball (Porter 2) stem so that "deploy" and "deployments" meet, each counted once
    per sentence, weighted by idf (the event's sentences for ``"cosine"``, smooth idf
    ``log((1 + n) / (1 + df)) + 1``; the allsides articles for ``"model"``), and
    ``overlap``, difflib's ``SequenceMatcher`` ratio on the full lower-cased word sequences
    (``2 * matched words / (words in a + words in b)``): pairs with ``overlap >=
    verbatim`` are ``"verbatim"`` (copied, perhaps with small edits), the rest
    ``"paraphrase"``.

    Parameters
    ----------
    corpus : articles, with ``article_id``, ``outlet``, ``text`` and (optionally) ``event``.
    method : ``"model"`` or ``"cosine"`` (see above).
    min_score : least model probability for a pair (``"model"``; default the model's own).
    threshold : least cosine similarity for a pair (``"cosine"``), 0 to 1.
    min_shared : least number of content stems the two sentences share (``"cosine"``).
    verbatim : least word-sequence overlap for ``relation == "verbatim"``.

    Returns
    -------
    DataFrame
        One row per aligned pair: ``event``; ``article_id_a, outlet_a, sentence_index_a,
        sentence_a`` and the same with ``_b`` (``a`` is the outlet first in alphabetical
        order); ``similarity`` (TF-IDF cosine); ``overlap`` (word-sequence ratio);
        ``relation`` (``"verbatim"`` or ``"paraphrase"``); ``shared_words`` (the words of
        sentence a whose stems both sentences have: the evidence); ``score`` (the model's
        probability, NaN for ``"cosine"``); ``shared_names`` and ``shared_numbers`` (names
        and numbers of sentence a that sentence b has too; empty for ``"cosine"``).
        Sentences that repeat an earlier sentence of their own article are left out.
        Sorted by event, outlet a, article a, sentence a, similarity (high first).

    Raises
    ------
    ValueError
        If the corpus has fewer than two outlets.

    >>> from analysis import load_corpus
    >>> pairs = align_sentences(load_corpus(SEED_EVENT))
    >>> best = pairs.sort_values("score").iloc[-1]
    >>> print(best["sentence_a"][:40], "|", best["sentence_b"][:40], "|", best["relation"])
    According to a readout by the Pentagon,  | A spokeswoman for the Pentagon, Sabrina  | paraphrase
    >>> best["shared_words"]
    'pentagon, austin, emphasized, importance, maintaining, communication, amid, ukraine'
    """
    return sentence_pairs(corpus, caller="align_sentences", method=method,
                          min_score=min_score, threshold=threshold, min_shared=min_shared,
                          verbatim=verbatim)[1]


def sentence_pairs(
    corpus: pd.DataFrame,
    *,
    caller: str,
    method: Method = "model",
    min_score: float | None = None,
    model: MatchModel | None = None,
    threshold: float = SIMILARITY_THRESHOLD,
    min_shared: int = MIN_SHARED_WORDS,
    verbatim: float = VERBATIM_THRESHOLD,
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Check the input, then return the sentence frame and the aligned pairs.

    The one alignment behind :func:`align_sentences`, :func:`coverage`,
    :func:`coverage_gaps` and :func:`coverage_matrix`: pass its two tables to
    :func:`coverage_from`, :func:`gaps_from` and :func:`matrix_from` to build several of
    them from one alignment. ``caller`` names the function asking, for error messages;
    ``model`` a :class:`~analysis.comparison.matching.MatchModel` to use instead of the
    shipped one with ``method="model"`` (``tools/train_coverage_match.py`` passes each
    cross-validation fold's).
    """
    if method not in METHODS:
        raise ValueError(f"method must be one of {', '.join(METHODS)}, not {method!r}")
    if method == "model":
        model = model or load_match_model()
        min_score = model.threshold if min_score is None else min_score
    for name, value in (("threshold", threshold), ("verbatim", verbatim),
                        ("min_score", min_score if min_score is not None else 0.5)):
        if not 0 <= value <= 1:
            raise ValueError(f"{name} must be between 0 and 1, not {value!r}")
    require_columns(corpus, ["article_id", "outlet", "text"], caller)
    require_groups(corpus["outlet"], "outlets")
    sents = _sentence_frame(corpus)
    if method == "model":
        def align(part):
            return _align_event_model(part, model, min_score, verbatim)
    else:
        def align(part):
            return _align_event(part, threshold, min_shared, verbatim)
    return sents, _pairs_table(sents, align)


_PAIR_COLUMNS = [
    "event",
    "article_id_a", "outlet_a", "sentence_index_a", "sentence_a",
    "article_id_b", "outlet_b", "sentence_index_b", "sentence_b",
    "similarity", "overlap", "relation", "shared_words",
    "score", "shared_names", "shared_numbers",
]


def _pairs_table(sents: pd.DataFrame, align) -> pd.DataFrame:
    rows = []
    alignable = sents[sents["repeat_of"].isna()]
    for event, part in alignable.groupby("event", sort=True):
        if part["outlet"].nunique() < 2:
            continue
        part = part.reset_index(drop=True)
        for a, b, *found in align(part):
            ra, rb = part.iloc[a], part.iloc[b]
            rows.append(
                (event, ra["article_id"], ra["outlet"], ra["sentence_index"], ra["sentence"],
                 rb["article_id"], rb["outlet"], rb["sentence_index"], rb["sentence"],
                 *found)
            )
    pairs = pd.DataFrame(rows, columns=_PAIR_COLUMNS).astype(
        {"sentence_index_a": "int64", "sentence_index_b": "int64",
         "similarity": "float64", "overlap": "float64", "score": "float64"}
    )
    return pairs.sort_values(
        ["event", "outlet_a", "article_id_a", "sentence_index_a", "similarity"],
        ascending=[True, True, True, True, False],
        kind="stable",
    ).reset_index(drop=True)


def _both_ways(pairs: pd.DataFrame) -> pd.DataFrame:
    """Each pair twice, as (this sentence, matching sentence) from both sides."""
    def side(this: str, other: str):
        def rename(column: str) -> str:
            if column.endswith(this):
                return column[: -len(this)]
            if column.endswith(other):
                return column[: -len(other)] + "_match"
            return column

        return pairs.rename(columns=rename)

    a, b = side("_a", "_b"), side("_b", "_a")
    return pd.concat([a, b[a.columns]], ignore_index=True)


def coverage(
    corpus: pd.DataFrame,
    *,
    method: Method = "model",
    min_score: float | None = None,
    threshold: float = SIMILARITY_THRESHOLD,
    min_shared: int = MIN_SHARED_WORDS,
    verbatim: float = VERBATIM_THRESHOLD,
) -> pd.DataFrame:
    """Every sentence, marked shared with another outlet or unique to its own.

    Built on :func:`align_sentences` (see there for the similarity, its thresholds and its
    limits). A sentence that repeats an earlier one of its own article word for word takes
    that sentence's status and says so in ``repeat_of``.

    Parameters
    ----------
    corpus, method, min_score, threshold, min_shared, verbatim : as for
        :func:`align_sentences`.

    Returns
    -------
    DataFrame
        One row per sentence, in article order: ``article_id, event, outlet,
        sentence_index, sentence``; ``status``: ``"shared"`` (aligned with a sentence of
        another outlet in the same event) or ``"unique"``; ``best_match_outlet``,
        ``best_match_article_id``, ``best_match_sentence_index``, ``best_match_sentence``:
        the most similar aligned sentence (empty when unique); ``similarity``: its cosine
        similarity (NaN when unique); ``relation``: ``"verbatim"`` if any aligned sentence
        is a near-verbatim copy, else ``"paraphrase"`` (empty when unique); ``shared_with``:
        the other outlets with an aligned sentence, joined by ``"; "``; ``repeat_of``: the
        index of the earlier identical sentence of the same article, or empty.

    >>> from analysis import load_corpus
    >>> cov = coverage(load_corpus(SEED_EVENT))
    >>> cov.loc[cov["sentence"].str.startswith("Federal Chancellor"), ["outlet", "status"]]
       outlet  status
    17   n-tv  unique
    """
    sents, pairs = sentence_pairs(corpus, caller="coverage", method=method,
                                  min_score=min_score, threshold=threshold,
                                  min_shared=min_shared, verbatim=verbatim)
    return coverage_from(sents, pairs)


def coverage_from(sents: pd.DataFrame, pairs: pd.DataFrame) -> pd.DataFrame:
    """:func:`coverage` from the two tables of :func:`sentence_pairs`."""
    both = _both_ways(pairs)
    key = ["article_id", "sentence_index"]
    both = both.sort_values("similarity", ascending=False, kind="stable")
    best = both.drop_duplicates(key).set_index(key)
    grouped = both.groupby(key)
    shared_with = grouped["outlet_match"].agg(lambda s: "; ".join(sorted(set(s))))
    any_verbatim = grouped["relation"].agg(lambda s: "verbatim" if (s == "verbatim").any()
                                           else "paraphrase")
    # Repeated sentences look up the sentence they repeat.
    lookup = pd.MultiIndex.from_arrays(
        [sents["article_id"], sents["repeat_of"].fillna(sents["sentence_index"]).astype(int)]
    )
    out = sents[["article_id", "event", "outlet", "sentence_index", "sentence"]].copy()
    found = lookup.isin(best.index)
    out["status"] = np.where(found, "shared", "unique")
    got = best.reindex(lookup)
    out["best_match_outlet"] = got["outlet_match"].to_numpy()
    out["best_match_article_id"] = got["article_id_match"].to_numpy()
    out["best_match_sentence_index"] = got["sentence_index_match"].to_numpy()
    out["best_match_sentence"] = got["sentence_match"].to_numpy()
    out["similarity"] = got["similarity"].to_numpy(dtype="float64")
    out["relation"] = any_verbatim.reindex(lookup).to_numpy()
    out["shared_with"] = shared_with.reindex(lookup).to_numpy()
    out["repeat_of"] = sents["repeat_of"].to_numpy()
    return out.astype({"best_match_sentence_index": "Int64"}).reset_index(drop=True)


def coverage_gaps(
    corpus: pd.DataFrame,
    *,
    method: Method = "model",
    min_score: float | None = None,
    threshold: float = SIMILARITY_THRESHOLD,
    min_shared: int = MIN_SHARED_WORDS,
    verbatim: float = VERBATIM_THRESHOLD,
) -> pd.DataFrame:
    """Per ordered pair of outlets, the sentences one reports and the other does not.

    Parameters
    ----------
    corpus, method, min_score, threshold, min_shared, verbatim : as for
        :func:`align_sentences`.

    Returns
    -------
    DataFrame
        ``event, outlet, other, article_id, sentence_index, sentence``: a sentence of
        ``outlet`` with no aligned sentence in any article of ``other`` on the same event.
        Only pairs of outlets that both covered the event; repeated sentences left out.
        Sorted by event, outlet, other, article, sentence.

    >>> from analysis import load_corpus
    >>> gaps = coverage_gaps(load_corpus(SEED_EVENT))
    >>> gaps.groupby(["outlet", "other"]).size()
    outlet       other
    Shafaq News  n-tv           12
    n-tv         Shafaq News    22
    dtype: int64
    """
    return gaps_from(*sentence_pairs(corpus, caller="coverage_gaps", method=method,
                                     min_score=min_score, threshold=threshold,
                                     min_shared=min_shared, verbatim=verbatim))


def gaps_from(sents: pd.DataFrame, pairs: pd.DataFrame) -> pd.DataFrame:
    """:func:`coverage_gaps` from the two tables of :func:`sentence_pairs`."""
    both = _both_ways(pairs)
    covered = set(zip(both["article_id"], both["sentence_index"], both["outlet_match"],
                      strict=True))
    own = sents[sents["repeat_of"].isna()]
    rows = []
    for event, part in own.groupby("event", sort=True):
        outlets = sorted(part["outlet"].unique())
        for outlet, other in itertools.permutations(outlets, 2):
            mine = part[part["outlet"] == outlet]
            for row in mine.itertuples(index=False):
                if (row.article_id, row.sentence_index, other) not in covered:
                    rows.append((event, outlet, other, row.article_id, row.sentence_index,
                                 row.sentence))
    columns = ["event", "outlet", "other", "article_id", "sentence_index", "sentence"]
    return pd.DataFrame(rows, columns=columns).astype({"sentence_index": "int64"})


def coverage_matrix(
    corpus: pd.DataFrame,
    *,
    method: Method = "model",
    min_score: float | None = None,
    threshold: float = SIMILARITY_THRESHOLD,
    min_shared: int = MIN_SHARED_WORDS,
    verbatim: float = VERBATIM_THRESHOLD,
    shared_only: bool = True,
) -> pd.DataFrame:
    """Statements x outlets: which outlets carry which statement.

    A statement is a cluster of aligned sentences: sentences joined, directly or through
    others, by pairs of :func:`align_sentences` in one event (connected components).

    Parameters
    ----------
    corpus, method, min_score, threshold, min_shared, verbatim : as for
        :func:`align_sentences`.
    shared_only : leave out statements that only one outlet carries.

    Returns
    -------
    DataFrame
        One row per statement: ``event``; ``statement`` (numbered from 1 within the event,
        in order of the first outlet's article); ``text`` (its first sentence, from the
        outlet first in alphabetical order); ``n_outlets``; ``relation`` (``"verbatim"`` if
        any of its pairs is a near-verbatim copy, else ``"paraphrase"``, empty for a single
        sentence); then one column per outlet, named for the outlet, holding the number of
        that outlet's sentences in the statement (0: not carried).

    >>> from analysis import load_corpus
    >>> m = coverage_matrix(load_corpus(SEED_EVENT))
    >>> m[["statement", "n_outlets", "Shafaq News", "n-tv"]].head(3)
       statement  n_outlets  Shafaq News  n-tv
    0          1          2            2     2
    1          2          2            1     2
    2          3          2            1     4
    """
    sents, pairs = sentence_pairs(corpus, caller="coverage_matrix", method=method,
                                  min_score=min_score, threshold=threshold,
                                  min_shared=min_shared, verbatim=verbatim)
    return matrix_from(sents, pairs, shared_only=shared_only)


def matrix_from(
    sents: pd.DataFrame, pairs: pd.DataFrame, *, shared_only: bool = True
) -> pd.DataFrame:
    """:func:`coverage_matrix` from the two tables of :func:`sentence_pairs`."""
    own = sents[sents["repeat_of"].isna()].sort_values(
        ["event", "outlet", "article_id", "sentence_index"], kind="stable"
    )
    nodes = list(zip(own["article_id"], own["sentence_index"], strict=True))
    order = {node: k for k, node in enumerate(nodes)}
    parent = {node: node for node in nodes}

    def root(node):
        while parent[node] != node:
            parent[node] = parent[parent[node]]
            node = parent[node]
        return node

    in_verbatim: set[tuple[str, int]] = set()
    for row in pairs.itertuples(index=False):
        ra = root((row.article_id_a, row.sentence_index_a))
        rb = root((row.article_id_b, row.sentence_index_b))
        if ra != rb:
            parent[max(ra, rb, key=order.get)] = min(ra, rb, key=order.get)
        if row.relation == "verbatim":
            in_verbatim.add((row.article_id_a, row.sentence_index_a))
    clusters = pd.DataFrame(
        {
            "event": own["event"].to_numpy(),
            "outlet": own["outlet"].to_numpy(),
            "sentence": own["sentence"].to_numpy(),
            "root": [root(n) for n in nodes],
            "verbatim": [n in in_verbatim for n in nodes],
        }
    )
    outlets = sorted(sents["outlet"].unique())
    rows = []
    for event, part in clusters.groupby("event", sort=True):
        number = 0
        for _, members in part.groupby("root", sort=False):
            carried = members["outlet"].value_counts()
            if shared_only and len(carried) < 2:
                continue
            number += 1
            relation = (
                "" if len(members) < 2
                else "verbatim" if members["verbatim"].any()
                else "paraphrase"
            )
            rows.append(
                (event, number, members["sentence"].iat[0], len(carried), relation,
                 *(int(carried.get(o, 0)) for o in outlets))
            )
    columns = ["event", "statement", "text", "n_outlets", "relation", *outlets]
    return pd.DataFrame(rows, columns=columns)


def headlines(corpus: pd.DataFrame, *, wide: bool = False) -> pd.DataFrame:
    """The headlines of each event's articles, side by side.

    Parameters
    ----------
    corpus : articles, with ``article_id``, ``outlet`` and ``title`` (``event`` and
        ``date`` are used when present).
    wide : one row per event and one column per outlet (headlines of several articles of
        one outlet joined by ``" | "``) instead of one row per article.

    Returns
    -------
    DataFrame
        Long: ``event, outlet, article_id, date, title, n_words`` (words in the headline),
        sorted by event and outlet. Wide: ``event`` and one column per outlet.

    >>> from analysis import load_corpus
    >>> headlines(load_corpus(SEED_EVENT))[["outlet", "title"]]
            outlet                                              title
    0  Shafaq News  US Defense Secretary Austin holds talks with R...
    1         n-tv   Kremlin and Pentagon discuss "reduction of risk"
    """
    require_columns(corpus, ["article_id", "outlet", "title"], "headlines")
    out = pd.DataFrame(
        {
            "event": corpus["event"].astype(str) if "event" in corpus.columns else "",
            "outlet": corpus["outlet"],
            "article_id": corpus["article_id"],
            "date": corpus["date"] if "date" in corpus.columns else pd.NaT,
            "title": corpus["title"].fillna("").astype(str),
        }
    )
    out["n_words"] = [len(words(t)) for t in out["title"]]
    out = out.sort_values(["event", "outlet", "article_id"], kind="stable")
    out = out.reset_index(drop=True)
    if not wide:
        return out
    return (
        out.groupby(["event", "outlet"], sort=True)["title"]
        .agg(" | ".join)
        .unstack("outlet")
        .reset_index()
        .rename_axis(columns=None)
    )
