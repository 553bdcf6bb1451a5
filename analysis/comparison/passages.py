"""Is it the same copy? Near-verbatim passages shared by articles of different outlets.

:func:`shared_passages` finds runs of near-identical words (wire copy republished,
"churnalism"), apart from content that was only paraphrased; :func:`verbatim_share` sums
them up per article.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable

import numpy as np
import pandas as pd

from ..errors import require_columns
from ..tokens import word_spans
from .groups import require_groups
from .words import as_term

__all__ = ["shared_passages", "verbatim_share", "words_inside"]


def _runs(a: list[str], b: list[str], k: int) -> list[tuple[int, int, int]]:
    """Maximal runs of identical words ``(start_a, start_b, length)`` at least ``k`` long.

    Found through shared k-word shingles, so that a passage is found wherever it sits in
    either text (republished copy is often cut and reordered).
    """
    if len(a) < k or len(b) < k:
        return []
    where: dict[tuple[str, ...], list[int]] = {}
    for j in range(len(b) - k + 1):
        where.setdefault(tuple(b[j : j + k]), []).append(j)
    runs = []
    for i in range(len(a) - k + 1):
        for j in where.get(tuple(a[i : i + k]), ()):
            if i > 0 and j > 0 and a[i - 1] == b[j - 1]:
                continue  # inside a run found earlier
            length = k
            while i + length < len(a) and j + length < len(b) and a[i + length] == b[j + length]:
                length += 1
            runs.append((i, j, length))
    return runs


def _merge_runs(runs: list[tuple[int, int, int]], gap: int) -> list[tuple[int, int, int, int, int]]:
    """Join runs that follow each other in both texts with at most ``gap`` words between.

    Returns ``(start_a, end_a, start_b, end_b, matched)`` in word positions.
    """
    merged: list[list[int]] = []
    for i, j, n in sorted(runs):
        for m in merged:
            if 0 <= i - m[1] <= gap and 0 <= j - m[3] <= gap:
                m[1], m[3], m[4] = i + n, j + n, m[4] + n
                break
        else:
            merged.append([i, i + n, j, j + n, n])
    return [tuple(m) for m in merged]


def shared_passages(
    corpus: pd.DataFrame,
    *,
    min_words: int = 8,
    shingle: int = 5,
    gap: int = 3,
) -> pd.DataFrame:
    """Near-verbatim passages shared by articles of different outlets (churnalism).

    Wire copy republished shows up as long runs of identical words; a paraphrase, even a
    close one, does not. For every two articles of different outlets on the same event the
    lower-cased word sequences are compared through shared ``shingle``-word sequences; each
    maximal run of identical words is found wherever it sits in either article, and runs
    that follow one another in both with at most ``gap`` differing words between them (an
    edited word, an inserted "on Friday") are joined into one passage. Passages with at
    least ``min_words`` identical words are reported. Quadratic only within an event.

    Parameters
    ----------
    corpus : articles, with ``article_id``, ``outlet``, ``text`` and (optionally) ``event``.
    min_words : least number of identical words in a passage.
    shingle : length of the word sequences used to find candidate runs (at most
        ``min_words``).
    gap : most words between two runs joined into one passage.

    Returns
    -------
    DataFrame
        One row per passage: ``event``; ``article_id_a, outlet_a, start_a, end_a, passage_a``
        and the same with ``_b`` (character offsets into each article's text, so
        ``text[start:end]`` is the passage; ``a`` is the outlet first in alphabetical order);
        ``n_words`` (words in the longer of the two passages); ``n_identical`` (words in
        identical runs); ``overlap`` (``n_identical / n_words``). Sorted by event, outlets,
        then ``n_words`` from high to low.

    >>> from analysis import from_texts
    >>> wire = "Russia and the United States held talks on Friday about the risk of escalation."
    >>> corpus = from_texts({"A": "Paris. " + wire, "B": wire + " More to come."})
    >>> shared_passages(corpus)[["outlet_a", "outlet_b", "n_words", "passage_b"]]
      outlet_a outlet_b  n_words                                          passage_b
    0        A        B       14  Russia and the United States held talks on Fri...
    """
    if shingle < 1 or min_words < shingle:
        raise ValueError(
            f"shingle must be at least 1 and at most min_words, got shingle={shingle}, "
            f"min_words={min_words}"
        )
    require_columns(corpus, ["article_id", "outlet", "text"], "shared_passages")
    require_groups(corpus["outlet"], "outlets")
    events = corpus["event"].astype(str) if "event" in corpus.columns else pd.Series(
        "", index=corpus.index
    )
    tokens = {}
    for article_id, text in zip(corpus["article_id"], corpus["text"], strict=True):
        spans = word_spans(text)
        tokens[article_id] = (spans, [as_term(text[s:e]) for s, e in spans], text)
    rows = []
    frame = corpus.assign(_event=events.to_numpy()).sort_values(["outlet", "article_id"])
    for event, part in frame.groupby("_event", sort=True):
        articles = list(zip(part["article_id"], part["outlet"], strict=True))
        for (id_a, outlet_a), (id_b, outlet_b) in itertools.combinations(articles, 2):
            if outlet_a == outlet_b:
                continue
            spans_a, words_a, text_a = tokens[id_a]
            spans_b, words_b, text_b = tokens[id_b]
            for i0, i1, j0, j1, same in _merge_runs(_runs(words_a, words_b, shingle), gap):
                if same < min_words:
                    continue
                s_a, e_a = spans_a[i0][0], spans_a[i1 - 1][1]
                s_b, e_b = spans_b[j0][0], spans_b[j1 - 1][1]
                longer = max(i1 - i0, j1 - j0)
                rows.append((event, id_a, outlet_a, s_a, e_a, text_a[s_a:e_a],
                             id_b, outlet_b, s_b, e_b, text_b[s_b:e_b],
                             longer, same, same / longer))
    columns = ["event", "article_id_a", "outlet_a", "start_a", "end_a", "passage_a",
               "article_id_b", "outlet_b", "start_b", "end_b", "passage_b",
               "n_words", "n_identical", "overlap"]
    out = pd.DataFrame(rows, columns=columns)
    return out.sort_values(
        ["event", "outlet_a", "outlet_b", "n_words"], ascending=[True, True, True, False],
        kind="stable",
    ).reset_index(drop=True)


def verbatim_share(
    corpus: pd.DataFrame,
    *,
    min_words: int = 8,
    shingle: int = 5,
    gap: int = 3,
    passages: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Per article, how much of it other outlets carry near-verbatim: a churnalism gauge.

    Built on :func:`shared_passages` (same options). It cannot say who copied whom: an
    agency's original and a site that republished it both score high. Paraphrased shared
    content does not count here; see :func:`coverage` for that.

    Parameters
    ----------
    corpus : articles, with ``article_id``, ``outlet``, ``text`` and (optionally) ``event``.
    min_words, shingle, gap : as for :func:`shared_passages`.
    passages : the result of :func:`shared_passages` for this corpus, if already computed.

    Returns
    -------
    DataFrame
        One row per article: ``article_id, event, outlet, n_words`` (words as
        :func:`analysis.tokens.text_stats` counts them); ``n_words_verbatim``: words inside
        a passage shared with another outlet (each word once, however many outlets share
        it); ``verbatim_share``: ``n_words_verbatim / n_words``; ``shared_with``: those
        outlets, joined by ``"; "``.

    >>> from analysis import from_texts
    >>> wire = "Russia and the United States held talks on Friday about the risk of escalation."
    >>> corpus = from_texts({"A": "Paris. " + wire, "B": wire + " More to come.", "C": "No."})
    >>> verbatim_share(corpus)[["outlet", "n_words", "n_words_verbatim", "shared_with"]]
      outlet  n_words  n_words_verbatim shared_with
    0      A       15                14           B
    1      B       17                14           A
    2      C        1                 0
    """
    if passages is None:
        passages = shared_passages(corpus, min_words=min_words, shingle=shingle, gap=gap)
    spans: dict[str, list[tuple[int, int]]] = {}
    partners: dict[str, set[str]] = {}
    for side, other in (("a", "b"), ("b", "a")):
        for article_id, start, end, outlet in zip(
            passages[f"article_id_{side}"], passages[f"start_{side}"], passages[f"end_{side}"],
            passages[f"outlet_{other}"], strict=True,
        ):
            spans.setdefault(article_id, []).append((start, end))
            partners.setdefault(article_id, set()).add(outlet)
    rows = []
    for article_id, text in zip(corpus["article_id"], corpus["text"], strict=True):
        starts = np.array([s for s, _ in word_spans(text)], dtype=np.int64)
        rows.append((len(starts), words_inside(starts, spans.get(article_id, [])),
                     "; ".join(sorted(partners.get(article_id, ())))))
    keys = [c for c in ("article_id", "event", "outlet") if c in corpus.columns]
    out = corpus[keys].reset_index(drop=True)
    out["n_words"] = np.array([r[0] for r in rows], dtype=np.int64)
    out["n_words_verbatim"] = np.array([r[1] for r in rows], dtype=np.int64)
    out["verbatim_share"] = out["n_words_verbatim"] / out["n_words"].where(out["n_words"] > 0)
    out["shared_with"] = [r[2] for r in rows]
    return out


def words_inside(starts: np.ndarray, spans: Iterable[tuple[int, int]]) -> int:
    """How many words (given by their start offsets) begin inside any of the spans.

    >>> words_inside(np.array([0, 4, 9]), [(3, 8)])
    1
    """
    inside = np.zeros(len(starts), dtype=bool)
    for start, end in spans:
        inside |= (starts >= start) & (starts < end)
    return int(inside.sum())
