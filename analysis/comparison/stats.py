"""How long, how dense: size measures per article, with the share of quoted words."""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..compat import keyword_only
from ..errors import require_columns
from ..tokens import text_stats, word_spans
from .passages import words_inside

__all__ = ["comparison_text_stats"]


@keyword_only("quotes")
def comparison_text_stats(
    corpus: pd.DataFrame, *, quotes: pd.DataFrame | None = None
) -> pd.DataFrame:
    """Size measures per article, with the share of words inside quotations.

    Parameters
    ----------
    corpus : articles, with ``article_id``, ``outlet`` and ``text``.
    quotes : optional table of quotations with ``article_id``, ``start`` and ``end``
        (character offsets into the article's text), such as the voices/quotes work
        produces (:func:`analysis.quotes.quote_table`). Quotations may overlap or nest;
        each word is counted once. quote_table also lists reported speech; pass
        ``quotes[quotes["kind"] == "direct"]`` to count direct quotation only. Its
        ``thought`` rows (what somebody is said to think: the outlet's words) are never
        counted.

    Returns
    -------
    DataFrame
        The columns of :func:`analysis.tokens.text_stats` (``article_id, event, outlet,
        n_words, n_sentences, mean_sentence_length, type_token_ratio``) and, when
        ``quotes`` is given, ``n_quoted_words`` (words whose first character lies inside a
        quotation; words as text_stats counts them, punctuation excluded) and
        ``quoted_word_share`` (``n_quoted_words / n_words``).

    >>> from analysis import from_texts
    >>> corpus = from_texts({"A": '"We will respond," he said.'})
    >>> quotes = pd.DataFrame({"article_id": ["a-1"], "start": [0], "end": [18]})
    >>> stats = comparison_text_stats(corpus, quotes=quotes)
    >>> stats[["n_words", "n_quoted_words", "quoted_word_share"]]
       n_words  n_quoted_words  quoted_word_share
    0        5               3                0.6
    """
    stats = text_stats(corpus)
    if quotes is None:
        return stats
    require_columns(quotes, ["article_id", "start", "end"], "comparison_text_stats (quotes)")
    if "kind" in quotes.columns:
        quotes = quotes[quotes["kind"] != "thought"]
    by_article = {k: g for k, g in quotes.groupby("article_id", sort=False)}
    quoted = []
    for article_id, text in zip(corpus["article_id"], corpus["text"], strict=True):
        spans = by_article.get(article_id)
        if spans is None or not len(spans):
            quoted.append(0)
            continue
        starts = np.array([s for s, _ in word_spans(text)], dtype=np.int64)
        quoted.append(words_inside(starts, zip(spans["start"], spans["end"], strict=True)))
    stats["n_quoted_words"] = np.array(quoted, dtype=np.int64)
    stats["quoted_word_share"] = stats["n_quoted_words"] / stats["n_words"].where(
        stats["n_words"] > 0
    )
    return stats
