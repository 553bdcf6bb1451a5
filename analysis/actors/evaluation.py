"""Precision and recall of found spans against hand labels.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import pandas as pd

from ..errors import require_columns


def precision_recall(
    found: pd.DataFrame,
    gold: pd.DataFrame,
    *,
    match: Sequence[str] = ("actor",),
    by: Sequence[str] = ("article_id",),
) -> dict[str, float]:
    """Precision and recall of found spans against hand labels, matching by overlap.

    A found row and a gold row match when they share ``by`` (e.g. the article), their
    ``start``–``end`` spans overlap, and every column in ``match`` agrees; a gold cell may
    list alternatives separated by ``;`` ("Kremlin;Pentagon"). Each gold row matches at
    most one found row (greedy, largest overlap first).

    >>> import pandas as pd
    >>> gold = pd.DataFrame({"article_id": [1, 1], "actor": ["A", "B"],
    ...                      "start": [0, 10], "end": [5, 15]})
    >>> found = pd.DataFrame({"article_id": [1, 1], "actor": ["A", "C"],
    ...                       "start": [1, 10], "end": [4, 12]})
    >>> precision_recall(found, gold)
    {'precision': 0.5, 'recall': 0.5, 'f1': 0.5, 'true_positives': 1, 'found': 2, 'gold': 2}
    """
    keys = [*by, "start", "end", *match]
    require_columns(found, keys, "precision_recall (found)")
    require_columns(gold, keys, "precision_recall (gold)")
    pairs = []
    gold_rows = list(gold[keys].itertuples(index=False, name=None))
    found_rows = list(found[keys].itertuples(index=False, name=None))
    nb = len(by)
    for gi, g in enumerate(gold_rows):
        for fi, f in enumerate(found_rows):
            if g[:nb] != f[:nb]:
                continue
            overlap = min(g[nb + 1], f[nb + 1]) - max(g[nb], f[nb])
            if overlap <= 0:
                continue
            if all(_agrees(f[nb + 2 + k], g[nb + 2 + k]) for k in range(len(match))):
                pairs.append((overlap, gi, fi))
    used_g, used_f = set(), set()
    tp = 0
    for _overlap, gi, fi in sorted(pairs, key=lambda p: -p[0]):
        if gi in used_g or fi in used_f:
            continue
        used_g.add(gi)
        used_f.add(fi)
        tp += 1
    p = tp / len(found_rows) if found_rows else 0.0
    r = tp / len(gold_rows) if gold_rows else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f1, 4),
            "true_positives": tp, "found": len(found_rows), "gold": len(gold_rows)}


def _agrees(found: Any, gold: Any) -> bool:
    def norm(v: Any) -> str:
        return "" if v is None or (isinstance(v, float) and pd.isna(v)) or v is pd.NA \
            else str(v).strip().lower()
    options = {o.strip() for o in norm(gold).split(";")}
    return norm(found) in options
