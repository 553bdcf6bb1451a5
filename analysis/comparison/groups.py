"""Groups of articles to compare: at least two, named for the messages.

Every comparison sets groups of articles side by side (outlets, leanings, events...); these
helpers check there are two or more and read the grouping column the same way everywhere.
"""

from __future__ import annotations

import warnings
from collections.abc import Iterable

import pandas as pd

__all__ = ["describe_groups", "group_labels", "require_groups"]


def require_groups(labels: Iterable[object], what: str) -> None:
    """Raise ValueError unless ``labels`` hold at least two distinct values (``what``: the
    name of the groups, e.g. "outlets", for the message)."""
    distinct = sorted({str(x) for x in labels})
    if len(distinct) < 2:
        found = f"only {distinct[0]!r}" if distinct else "none"
        raise ValueError(
            f"comparison needs at least two {what}; the corpus has {found}. "
            "Add articles from another outlet (or group) and try again."
        )


def group_labels(corpus: pd.DataFrame, by: str) -> pd.Series:
    """The grouping column as strings; rows without a value are dropped with a warning."""
    values = corpus[by]
    missing = values.isna() | (values.astype(str).str.strip() == "")
    if missing.any():
        warnings.warn(
            f"{int(missing.sum())} article(s) have no {by!r} value and are left out of the "
            "comparison",
            stacklevel=3,
        )
    return values[~missing].astype(str)


def describe_groups(by: str) -> str:
    """How the groups of column ``by`` are named in messages: "outlets", or "groups in the
    column 'leaning'"."""
    return "outlets" if by == "outlet" else f"groups in the column {by!r}"
