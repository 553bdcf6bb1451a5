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
from collections.abc import Iterable, Mapping
from urllib.parse import urlparse

import pandas as pd

__all__ = ["GENERIC_WORDS", "MASK", "PLACE_NAMES", "TRAILING_WORDS", "anonymise", "name_pattern",
           "name_variants", "score_guesses"]

#: What replaces an outlet's name inside the text.
MASK = "[outlet]"
# Generic words of outlet names: "Shafaq News" is also called just "Shafaq", and "Fox News
# Digital" is Fox News.
GENERIC_WORDS = frozenset({
    "news", "times", "post", "daily", "online", "tv", "today", "network", "agency", "media",
    "press", "journal", "herald", "tribune", "report", "digital", "web", "the",
})
# Words that may follow an outlet's name and still be its name ("Fox News Digital").
TRAILING_WORDS = frozenset({"news", "digital", "online", "tv", "network", "agency", "web"})
# Places that name newspapers: a short form that is one of them ("Washington" for the
# Washington Post) would mask the place too, so it is not used.
PLACE_NAMES = frozenset({
    "new york", "washington", "los angeles", "chicago", "boston", "london", "moscow", "kyiv",
    "baghdad", "berlin", "paris", "jerusalem", "toronto", "sydney", "seattle", "miami",
    "houston", "dallas", "denver", "atlanta", "philadelphia", "frankfurt", "munich", "hamburg",
    "tehran", "beirut", "cairo", "dubai", "doha", "istanbul", "delhi", "tokyo", "beijing",
})
_TLDS = (".com", ".de", ".co.uk", ".org", ".net", ".news", ".tv")


def name_variants(outlet: str, *, urls: Iterable[str] = ()) -> list[str]:
    """The names an outlet goes by, to be masked in a blind round; longest first.

    The name as given, without "The", its dashes dropped or spaced, its short form without
    generic last words when that form is one word and not a place ("Shafaq" for Shafaq
    News, but not "New York" for the New York Times), the initials of a three-word name
    ("NYT"), its site names and the domains of its ``urls``. A word the name only shares
    with a place is never a variant on its own, so "New York City" stays.

    >>> name_variants("The New York Times", urls=["https://www.nytimes.com/2024/x.html"])
    ... # doctest: +NORMALIZE_WHITESPACE
    ['The New York Times', 'newyorktimes.com', 'New York Times', 'newyorktimes',
     'nytimes.com', 'nytimes', 'NYT']
    >>> name_variants("Shafaq News")
    ['shafaqnews.com', 'Shafaq News', 'shafaq.com', 'shafaqnews', 'Shafaq']
    """
    name = re.sub(r"\(.*?\)", "", outlet).strip() or outlet  # "CNN (Web News)" -> CNN
    variants = {outlet, name, name.replace("-", ""), name.replace("-", " ")}
    words = name.split()
    if words and words[0].casefold() == "the":
        words = words[1:]
        variants.add(" ".join(words))
    core = list(words)
    while len(core) > 1 and core[-1].casefold().strip(".") in GENERIC_WORDS:
        core = core[:-1]
    short = " ".join(core)
    bases = {"".join(words)}
    if short.casefold() not in PLACE_NAMES and (len(core) == 1 or len(core) == len(words)):
        variants.add(short)
        bases.add(short)
    if len(words) >= 3:
        variants.add("".join(w[0] for w in words if w[0].isalpha()).upper())
    for base in bases:
        base = re.sub(r"[^\w-]", "", base).lower()
        if len(base) >= 4 and base not in PLACE_NAMES:
            variants |= {base, base + ".com"}
    for url in urls:
        host = urlparse(str(url)).hostname or ""
        host = host.removeprefix("www.").removeprefix("m.").removeprefix("amp.")
        if "." in host:
            variants.add(host)
            site = host.split(".")[0]
            if len(site) >= 4 and site not in PLACE_NAMES:
                variants.add(site)
    for variant in list(variants):
        for suffix in _TLDS:
            if variant.endswith(suffix) and len(variant) > len(suffix) + 3:
                variants.add(variant.removesuffix(suffix))
    unique = {v.casefold(): v for v in sorted(variants, reverse=True)}  # "Shafaq" over "shafaq"
    return sorted((v for k, v in unique.items() if len(k) >= 3 and k not in PLACE_NAMES),
                  key=lambda v: (-len(v), v.casefold()))


def name_pattern(variants: Iterable[str]) -> re.Pattern[str] | None:
    """One pattern for every variant, with an optional leading "the" and trailing generic
    words ("The New York Times", "Fox News Digital"), matching whole words only. A
    one-word variant with capitals ("Fox", "NYT") matches only as written or in capitals,
    so "a fox" stays.

    >>> name_pattern(["Fox News", "Fox"]).sub(MASK, "Fox News Digital saw a fox. FOX said")
    '[outlet] saw a fox. [outlet] said'
    """
    variants = sorted(set(variants), key=len, reverse=True)
    if not variants:
        return None
    generic = "|".join(sorted(TRAILING_WORDS))
    alternatives = [
        f"(?-i:{re.escape(v)}|{re.escape(v.upper())})" if " " not in v and v != v.lower()
        else re.escape(v)
        for v in variants
    ]
    return re.compile(
        r"(?<![\w.-])(?:the\s+)?(?:" + "|".join(alternatives) + r")"
        r"(?:'s|’s)?(?:\s+(?:" + generic + r")\b)*(?![\w-])",
        re.IGNORECASE,
    )


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
    urls = (corpus.groupby("outlet")["url"].agg(lambda s: [u for u in s if isinstance(u, str)])
            if "url" in corpus.columns else pd.Series(dtype=object))
    pattern = name_pattern(v for o in outlets for v in name_variants(o, urls=urls.get(o, [])))

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
