"""Blind reading: hide which outlet wrote which article, then reveal it.

A classic media-literacy exercise: read the reports without knowing their source, guess the
outlet (or its leaning) from how the story is told, then compare. :func:`anonymise` gives
each outlet a neutral label ("Outlet A", "Outlet B", ...) in a shuffled order and masks the
outlet's name where the text gives it away (a dateline such as "Shafaq News/");
:func:`score_guesses` marks a class's guesses against the key.

>>> from analysis import from_texts
>>> blind, key = anonymise(from_texts({"Daily Planet": "Daily Planet reporters saw it.",
...                                    "Evening Star": "Calm day."}), seed=1)
>>> sorted(blind["outlet"]), bool(blind["text"].str.contains("Planet").any())
(['Outlet A', 'Outlet B'], False)
"""

from __future__ import annotations

import random
import re
from collections.abc import Mapping

import pandas as pd

__all__ = ["MASK", "anonymise", "score_guesses"]

#: What replaces an outlet's name inside the text.
MASK = "[outlet]"
# Generic last words of outlet names; "Shafaq News" is also called just "Shafaq".
_GENERIC = {"news", "times", "post", "daily", "online", "tv", "today", "network", "agency",
            "media", "press", "journal", "herald", "tribune", "report", "digital", "web"}


def _name_variants(outlet: str) -> list[str]:
    variants = {outlet, outlet.replace("-", ""), outlet.replace("-", " ")}
    words = re.sub(r"\(.*?\)", "", outlet).split()  # "CNN (Web News)" -> CNN
    if words:
        variants.add(" ".join(words))
    while len(words) > 1 and words[-1].lower().strip(".") in _GENERIC:
        words = words[:-1]
        variants.add(" ".join(words))
    for suffix in (".com", ".de", ".co.uk", ".org"):
        variants |= {v.removesuffix(suffix) for v in list(variants)}
    return sorted((v for v in variants if len(v) >= 3), key=len, reverse=True)


def anonymise(
    corpus: pd.DataFrame, *, seed: int | None = None, prefix: str = "Outlet"
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Hide the outlets of ``corpus``.

    Returns ``(blind, key)``. ``blind`` is a new corpus in shuffled row order whose
    ``outlet`` is a label (``"Outlet A"``...), whose ``article_id`` is ``"<label>-<n>"``,
    whose ``url``, ``source`` and ``leaning`` are emptied, and whose ``title`` and ``text``
    have the outlet's name (and its short form, e.g. "Shafaq" for "Shafaq News") replaced by
    ``[outlet]``. ``key`` has ``label, outlet, leaning, n_articles``. The input is not changed.

    ``seed`` fixes the shuffle, so a teacher can prepare the key in advance.
    """
    if "outlet" not in corpus.columns or "text" not in corpus.columns:
        raise ValueError("anonymise needs 'outlet' and 'text' columns")
    outlets = sorted(corpus["outlet"].unique(), key=str.casefold)
    if len(outlets) > 26 * 26:
        raise ValueError(f"too many outlets to label ({len(outlets)})")
    rng = random.Random(seed)
    rng.shuffle(outlets)

    def label(i: int) -> str:
        letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
        return f"{prefix} {letters[i] if i < 26 else letters[i // 26 - 1] + letters[i % 26]}"

    labels = {outlet: label(i) for i, outlet in enumerate(outlets)}
    variants = sorted({v for o in outlets for v in _name_variants(o)}, key=len, reverse=True)
    pattern = re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, variants)) + r")(?!\w)",
                         re.IGNORECASE) if variants else None

    def mask(text: object) -> object:
        return pattern.sub(MASK, text) if pattern and isinstance(text, str) else text

    blind = corpus.sample(frac=1, random_state=rng.randrange(2**32)).reset_index(drop=True)
    blind = blind.assign(
        outlet=blind["outlet"].map(labels),
        text=blind["text"].map(mask),
        title=blind["title"].map(mask) if "title" in blind.columns else "",
    )
    number = (blind.groupby("outlet").cumcount() + 1).astype(str)
    blind["article_id"] = blind["outlet"] + "-" + number
    for column in ("url", "source", "leaning", "raw_text", "notes"):
        if column in blind.columns:
            blind[column] = ""
    counts = corpus.groupby("outlet").size()
    leanings = (corpus.groupby("outlet")["leaning"].first() if "leaning" in corpus.columns
                else pd.Series("", index=counts.index))
    key = pd.DataFrame(
        [(labels[o], o, leanings.get(o, ""), int(counts[o])) for o in outlets],
        columns=["label", "outlet", "leaning", "n_articles"],
    ).sort_values("label", ignore_index=True)
    return blind, key


def score_guesses(guesses: Mapping[str, str], key: pd.DataFrame) -> pd.DataFrame:
    """Mark guesses ``{label: outlet}`` against the key from :func:`anonymise`.

    Returns ``label, guess, outlet, correct`` for every label (a label not guessed has an
    empty guess and counts as wrong).

    >>> key = pd.DataFrame({"label": ["Outlet A", "Outlet B"], "outlet": ["X", "Y"]})
    >>> score_guesses({"Outlet A": "Y", "Outlet B": "Y"}, key)
          label guess outlet  correct
    0  Outlet A     Y      X    False
    1  Outlet B     Y      Y     True
    """
    unknown = set(guesses) - set(key["label"])
    if unknown:
        raise ValueError(f"no such label(s): {sorted(unknown)}; the labels are "
                         f"{key['label'].tolist()}")
    out = key[["label", "outlet"]].copy()
    out.insert(1, "guess", out["label"].map(lambda lab: guesses.get(lab, "")))
    out["correct"] = out["guess"] == out["outlet"]
    return out
