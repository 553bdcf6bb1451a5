"""Tidy views of a score table: the wide frame, marker and actor columns as long tables."""

from __future__ import annotations

from typing import Literal

import pandas as pd

from ..compat import keyword_only
from .scorer import MEASURES

__all__ = ["long_scores"]


@keyword_only("kind")
def long_scores(
    scores: pd.DataFrame, *, kind: Literal["frame", "marker", "actor"]
) -> pd.DataFrame:
    """The wide ``frame_*`` / ``marker_*`` / ``mentions_*`` columns as a tidy table.

    ``kind="frame"`` gives ``article_id, outlet, frame, n_matches, per_1000_words,
    sentence_share`` (the columns of :func:`analysis.framing.frame_scores`); ``"marker"``
    the same with ``marker``; ``"actor"`` gives ``article_id, outlet, actor, n_mentions``
    (every listed actor, also with 0 mentions) and, when the scores hold the mention-level
    tone columns, ``tone``: the mean tone toward the actor in the article (p_positive -
    p_negative of the target-tone model, NaN without a mention).

    >>> from analysis import from_texts, score_articles
    >>> scores = score_articles(from_texts({"A": "Talks began."}), cache=False,
    ...                         frames={"talks": ["talks"]}, markers=False, actors=False)
    >>> long_scores(scores, kind="frame")
      article_id outlet  frame  n_matches  per_1000_words  sentence_share
    0        a-1      A  talks          1           500.0             1.0
    """
    keys = ["article_id", "outlet"]
    if kind == "actor":
        cols = [c for c in scores.columns if c.startswith("mentions_")]
        wide = scores[keys + cols].reset_index(drop=True)
        out = wide.melt(id_vars=keys, var_name="actor", value_name="n_mentions",
                        ignore_index=False)
        out["actor"] = out["actor"].str.removeprefix("mentions_")
        tones = [f"tone_{c.removeprefix('mentions_')}" for c in cols]
        if cols and all(t in scores.columns for t in tones):
            out["tone"] = scores[tones].reset_index(drop=True).melt(
                value_name="tone", ignore_index=False)["tone"].to_numpy(dtype=float)
        out = out.sort_index(kind="stable")  # article by article, actors in list order
        return out.astype({"n_mentions": "int64"}).reset_index(drop=True)
    if kind not in ("frame", "marker"):
        raise ValueError(f"kind must be 'frame', 'marker' or 'actor', not {kind!r}")
    suffix = f"_{MEASURES[0]}"
    names = [c[len(kind) + 1:-len(suffix)] for c in scores.columns
             if c.startswith(f"{kind}_") and c.endswith(suffix)]
    parts = []
    for name in names:
        part = scores[keys].copy()
        part[kind] = name
        for m in MEASURES:
            part[m] = scores[f"{kind}_{name}_{m}"].to_numpy()
        parts.append(part)
    if not parts:
        return pd.DataFrame(columns=[*keys, kind, *MEASURES])
    out = pd.concat(parts, ignore_index=True)
    order = {n: i for i, n in enumerate(names)}
    out["_o"] = out[kind].map(order)
    out["_a"] = out.groupby(kind).cumcount()
    return out.sort_values(["_a", "_o"]).drop(columns=["_o", "_a"]).reset_index(drop=True)
