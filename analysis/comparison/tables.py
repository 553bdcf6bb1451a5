"""All the comparison tables of a corpus at once, aligning the sentences only once."""

from __future__ import annotations

import pandas as pd

from .alignment import (
    MIN_SHARED_WORDS,
    SIMILARITY_THRESHOLD,
    VERBATIM_THRESHOLD,
    coverage_from,
    gaps_from,
    headlines,
    matrix_from,
    sentence_pairs,
)
from .passages import shared_passages, verbatim_share
from .stats import comparison_text_stats
from .words import distinctive_words

__all__ = ["comparison_tables"]


def comparison_tables(
    corpus: pd.DataFrame,
    *,
    quotes: pd.DataFrame | None = None,
    top: int = 20,
    threshold: float = SIMILARITY_THRESHOLD,
    min_shared: int = MIN_SHARED_WORDS,
    verbatim: float = VERBATIM_THRESHOLD,
) -> dict[str, pd.DataFrame]:
    """All the comparison tables for a corpus (usually one event), aligning sentences once.

    Parameters
    ----------
    corpus : articles of at least two outlets.
    quotes : a quotations table for :func:`comparison_text_stats`, if there is one.
    top : distinctive words kept per outlet.
    threshold, min_shared, verbatim : as for :func:`align_sentences`.

    Returns
    -------
    dict of DataFrame
        ``"headlines"`` (:func:`headlines`), ``"text_stats"``
        (:func:`comparison_text_stats`), ``"distinctive"`` (:func:`distinctive_words` by
        outlet against the rest, English stopwords removed, ``min_count=2``), ``"pairs"``
        (:func:`align_sentences`), ``"coverage"`` (:func:`coverage`), ``"gaps"``
        (:func:`coverage_gaps`), ``"matrix"`` (:func:`coverage_matrix`), ``"passages"``
        (:func:`shared_passages`) and ``"verbatim_share"`` (:func:`verbatim_share`).

    >>> from analysis import load_corpus
    >>> tables = comparison_tables(load_corpus(SEED_EVENT))
    >>> list(tables)
    ['headlines', 'text_stats', 'distinctive', 'pairs', 'coverage', 'gaps', 'matrix',
     'passages', 'verbatim_share']
    >>> len(tables["pairs"]), len(tables["matrix"]), len(tables["passages"])
    (13, 6, 0)
    """
    sents, pairs = sentence_pairs(corpus, caller="comparison_tables", threshold=threshold,
                                  min_shared=min_shared, verbatim=verbatim)
    passages = shared_passages(corpus)
    return {
        "headlines": headlines(corpus) if "title" in corpus.columns else pd.DataFrame(),
        "text_stats": comparison_text_stats(corpus, quotes=quotes),
        "distinctive": distinctive_words(corpus, stopwords="english", min_count=2, top=top),
        "pairs": pairs,
        "coverage": coverage_from(sents, pairs),
        "gaps": gaps_from(sents, pairs),
        "matrix": matrix_from(sents, pairs, shared_only=True),
        "passages": passages,
        "verbatim_share": verbatim_share(corpus, passages=passages),
    }
