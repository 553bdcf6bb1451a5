"""Tone toward an actor: the target-aware model on every mention, summed up with care.

"Actor tone" used to be the mean VADER score of the sentences naming an actor. On news
annotated for the sentiment toward a named target (NewsMTSC) that is barely better than
chance: "Schumer, in exchange for Republicans' commitment to help DREAMers" is positive to
VADER and negative toward Schumer to readers. Here each *mention* gets the tone toward it
from :func:`analysis.target_tone.target_tone` (a small linear model over the words around
the mention, with its features shown), and the summaries say how many mentions they rest
on, with an interval, and "too little evidence" below :data:`MIN_MENTIONS`.

Where it fails (measured on NewsMTSC's dev sets: macro-F1 about 0.68-0.71, against 0.51
for sentence VADER and 0.83 for the best published neural model): irony, tone carried by
facts rather than words ("the bill failed"), and long sentences with several people.
Read the sentences before quoting a number.

>>> from analysis import from_texts, load_actors
>>> corpus = from_texts({"A": "Critics slammed Dmitry Peskov. Peskov praised the deal."})
>>> actors = load_actors(event="2024-07-12-austin-belousov-call")
>>> table = mention_tone(corpus, actors=actors)
>>> table[["actor", "sentence_index", "label"]]
           actor  sentence_index     label
0  Dmitry Peskov               0  negative
1  Dmitry Peskov               1  positive
"""

from __future__ import annotations

import functools
import math
from collections.abc import Sequence
from typing import Any, Literal

import numpy as np
import pandas as pd

from .errors import require_columns
from .tokens import sentence_table
from .voice import Voice, check_voice, quoted_spans, voice_of

__all__ = [
    "MENTION_TONE_COLUMNS",
    "MIN_MENTIONS",
    "SCORE_TONE_COLUMNS",
    "actor_tone_summary",
    "mention_tone",
    "score_tone_columns",
    "score_tone_row",
]

#: Below this many mentions a summary says "too little evidence" (and its tone is shown
#: only with its wide interval).
MIN_MENTIONS = 5

MENTION_TONE_COLUMNS = [
    "article_id", "outlet", "actor", "surface", "start", "end", "sentence_index",
    "sentence_start", "sentence", "voice", "label", "p_negative", "p_neutral", "p_positive",
    "tone", "top_features",
]


def mention_tone(corpus: pd.DataFrame, *, actors: Any = None, model: Any = None) -> pd.DataFrame:
    """The tone toward every actor mention: one row per mention.

    Columns :data:`MENTION_TONE_COLUMNS`: the mention (``actor``, ``surface``, ``start``,
    ``end`` in the article text), its ``sentence`` (which starts at ``sentence_start``),
    its ``voice`` (``"quoted"`` inside a quote or reported speech, else ``"outlet"``), the
    model's ``label`` and probabilities, ``tone = p_positive - p_negative`` (from -1 to 1)
    and ``top_features``, the features that moved the prediction most (see
    :func:`analysis.target_tone.target_tone` for all of them).

    Parameters
    ----------
    corpus : articles (``article_id``, ``outlet``, ``text``; ``event`` picks the lists).
    actors : an actor list or YAML path(s); None: each event's lists (see
        :func:`analysis.actors.mention_table`).
    model : a :class:`analysis.target_tone.TargetToneModel` or a weights file; None: the
        model that ships with the kit.
    """
    from .actors import mention_table
    from .target_tone import target_tone_table

    require_columns(corpus, ["article_id", "outlet", "text"], "mention_tone")
    mentions = mention_table(corpus, actors=actors)
    if mentions.empty:
        return pd.DataFrame(columns=MENTION_TONE_COLUMNS)
    sentences = sentence_table(corpus)[["article_id", "sentence_index", "start", "end",
                                        "sentence"]]
    joined = mentions.merge(
        sentences.rename(columns={"start": "s_start", "end": "s_end"}),
        on=["article_id", "sentence_index"], how="inner")
    joined = joined[(joined["start"] >= joined["s_start"]) & (joined["end"] <= joined["s_end"])]
    joined = joined.reset_index(drop=True)
    frame = pd.DataFrame({"sentence": joined["sentence"],
                          "from": joined["start"] - joined["s_start"],
                          "to": joined["end"] - joined["s_start"]})
    tones = target_tone_table(frame, model=model) if len(frame) else pd.DataFrame(
        columns=["label", "p_negative", "p_neutral", "p_positive", "top_features"])
    texts = dict(zip(corpus["article_id"], corpus["text"], strict=True))
    spans = {a: quoted_spans(texts[a]) for a in joined["article_id"].unique()}
    out = joined.assign(
        voice=[voice_of(s, e, spans[a]) for a, s, e in
               zip(joined["article_id"], joined["start"], joined["end"], strict=True)],
        label=tones["label"].to_numpy(),
        p_negative=tones["p_negative"].to_numpy(dtype=float),
        p_neutral=tones["p_neutral"].to_numpy(dtype=float),
        p_positive=tones["p_positive"].to_numpy(dtype=float),
        top_features=tones["top_features"].to_numpy(),
    )
    out["tone"] = out["p_positive"] - out["p_negative"]
    out["sentence_start"] = out["s_start"]
    return out[MENTION_TONE_COLUMNS]


#: The per-article tone columns of ``score`` (then one ``tone_<actor>`` per listed actor):
#: the mean tone toward every actor mention of the article, and how many of the mentions the
#: model reads as negative and as positive (their total is ``n_mentions``).
SCORE_TONE_COLUMNS = ["mention_tone", "n_negative_mentions", "n_positive_mentions"]


def score_tone_columns(actor_names: Sequence[str]) -> list[str]:
    """The tone columns of a score table with these actor columns.

    >>> score_tone_columns(["NATO", "Russia"])
    ['mention_tone', 'n_negative_mentions', 'n_positive_mentions', 'tone_NATO', 'tone_Russia']
    """
    return [*SCORE_TONE_COLUMNS, *(f"tone_{name}" for name in actor_names)]


def score_tone_row(text: str, mentions: Sequence[Any], actor_names: Sequence[str], *,
                   sentences: Sequence[tuple[int, int]] | None = None,
                   compounds: Sequence[float] | None = None, analyzer: Any = None,
                   model: Any = None) -> list[Any]:
    """The values of :func:`score_tone_columns` for one article (what ``score`` adds).

    Every mention gets the tone toward it from the target-tone model, read from its
    sentence, as :func:`analysis.target_tone.target_tone` gives it (by
    :meth:`~analysis.target_tone.TargetToneModel.span_probabilities`, which is faster).
    ``mention_tone`` is the mean of ``p_positive - p_negative`` over all the mentions
    (NaN without any), then the numbers labelled negative and positive, then per actor the
    mean tone of its mentions (NaN without any; ``mentions_<actor>`` says how many).

    Parameters
    ----------
    text : the article.
    mentions : its actor mentions (``actor``, ``start``, ``end``; as
        :func:`analysis.actors.find_mentions` gives them).
    actor_names : the actors with a column, in column order.
    sentences, compounds : the article's sentence spans and each sentence's VADER
        compound of its shadow text, if the caller has them; the compounds are used only
        when ``analyzer`` is the model's own (NLTK's VADER unchanged).
    model : a :class:`analysis.target_tone.TargetToneModel`; None for the shipped one.

    >>> from types import SimpleNamespace as M
    >>> text = "Critics slammed Smith. Smith praised the plan."
    >>> row = score_tone_row(text, [M(actor="Smith", start=16, end=21),
    ...                             M(actor="Smith", start=23, end=28)], ["Smith", "Jones"])
    >>> row[1:3], row[4]
    ([1, 1], nan)
    """
    from .target_tone import load_model

    chosen = model if model is not None else load_model()
    n_actors = len(actor_names)
    if not mentions:
        return [math.nan, 0, 0, *([math.nan] * n_actors)]
    if analyzer is not None and analyzer is not chosen.featurizer.analyzer:
        compounds = None
    # The probabilities as Python floats (a few mentions: cheaper than through an array);
    # the label is the first most probable class, as numpy's argmax picks it.
    probabilities = chosen.span_probabilities(text, [(m.start, m.end) for m in mentions],
                                              sentences=sentences, compounds=compounds)
    n_negative = n_positive = 0
    tones = []
    sums: dict[str, list[float]] = {}
    for mention, (p0, p1, p2) in zip(mentions, probabilities, strict=True):
        if p0 >= p1 and p0 >= p2:
            n_negative += 1
        elif p2 > p1:
            n_positive += 1
        tone = p2 - p0
        tones.append(tone)
        sums.setdefault(mention.actor, []).append(tone)
    row = [sum(tones) / len(tones), n_negative, n_positive, *([math.nan] * n_actors)]
    # only the few actors mentioned get a mean, put in their columns
    places = _columns(tuple(actor_names))
    for name, found in sums.items():
        for i in places.get(name, ()):
            row[3 + i] = sum(found) / len(found)
    return row


@functools.lru_cache(maxsize=8)
def _columns(actor_names: tuple[str, ...]) -> dict[str, list[int]]:
    """``{actor: its places in actor_names}``."""
    places: dict[str, list[int]] = {}
    for i, name in enumerate(actor_names):
        places.setdefault(name, []).append(i)
    return places


def _wilson(k: int, n: int, z: float = 1.959964) -> tuple[float, float]:
    """Wilson's 95% interval for a share ``k / n``.

    >>> [round(x, 3) for x in _wilson(2, 10)]
    [0.057, 0.51]
    """
    if n == 0:
        return math.nan, math.nan
    p = k / n
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / (1 + z * z / n)
    return centre - half, centre + half


def _bootstrap_mean(values: np.ndarray, rng: np.random.Generator,
                    n_boot: int) -> tuple[float, float]:
    """A 95% percentile bootstrap interval of the mean of ``values``."""
    if len(values) < 2:
        return math.nan, math.nan
    draws = rng.integers(0, len(values), size=(n_boot, len(values)))
    means = values[draws].mean(axis=1)
    return float(np.quantile(means, 0.025)), float(np.quantile(means, 0.975))


SUMMARY_COLUMNS = [
    "actor", "n_mentions", "n_negative", "n_neutral", "n_positive", "share_negative",
    "share_negative_low", "share_negative_high", "share_positive", "share_positive_low",
    "share_positive_high", "tone", "tone_low", "tone_high", "enough", "note", "example",
]


def actor_tone_summary(
    mentions: pd.DataFrame,
    *,
    by: Literal["outlet", "article"] = "outlet",
    voice: Voice = "all",
    min_mentions: int = MIN_MENTIONS,
    n_boot: int = 1000,
    seed: int = 0,
) -> pd.DataFrame:
    """Tone toward each actor per outlet (or article), from :func:`mention_tone`.

    One row per outlet (and article) and actor: ``n_mentions``; how many mentions the model
    reads as negative, neutral, positive, with the negative and positive shares and their
    Wilson 95% intervals; ``tone``, the mean of the mentions' ``p_positive - p_negative``
    (-1 to 1), with a seeded bootstrap 95% interval (``tone_low``, ``tone_high``);
    ``enough`` (at least ``min_mentions`` mentions) and a ``note`` that says "too little
    evidence" otherwise; ``example``: the sentence of the mention read most strongly.
    ``voice="outlet"`` keeps the mentions in the outlet's own words, ``"quoted"`` those in
    its sources' words.

    >>> mentions = pd.DataFrame({
    ...     "article_id": ["a1"] * 3, "outlet": ["A"] * 3, "actor": ["X"] * 3,
    ...     "sentence": ["s1", "s2", "s3"], "voice": ["outlet"] * 3,
    ...     "label": ["negative", "neutral", "negative"],
    ...     "tone": [-0.8, 0.0, -0.4]})
    >>> row = actor_tone_summary(mentions, min_mentions=5).iloc[0]
    >>> int(row["n_mentions"]), int(row["n_negative"]), round(float(row["tone"]), 2)
    (3, 2, -0.4)
    >>> bool(row["enough"])
    False
    >>> row["note"]
    'too little evidence: 3 mentions (at least 5 needed)'
    """
    require_columns(mentions, ["outlet", "actor", "label", "tone", "sentence"],
                    "actor_tone_summary", hint="Make the mentions with mention_tone().")
    check_voice(voice)
    if by not in ("outlet", "article"):
        raise ValueError(f"by must be 'outlet' or 'article', not {by!r}")
    data = mentions if voice == "all" else mentions[mentions["voice"] == voice]
    keys = ["outlet"] if by == "outlet" else ["article_id", "outlet"]
    rng = np.random.default_rng(seed)
    rows = []
    for key, part in data.groupby([*keys, "actor"], sort=True):
        n = len(part)
        counts = part["label"].value_counts()
        neg, neu, pos = (int(counts.get(x, 0)) for x in ("negative", "neutral", "positive"))
        tones = part["tone"].to_numpy(dtype=float)
        low, high = _bootstrap_mean(tones, rng, n_boot)
        strongest = part.iloc[int(np.argmax(np.abs(tones)))]["sentence"] if n else ""
        enough = n >= min_mentions
        rows.append((*key, n, neg, neu, pos, neg / n, *_wilson(neg, n), pos / n,
                     *_wilson(pos, n), float(tones.mean()), low, high, enough,
                     "" if enough else
                     f"too little evidence: {n} mention{'s' if n != 1 else ''} "
                     f"(at least {min_mentions} needed)",
                     strongest if len(strongest) <= 300 else strongest[:299] + "…"))
    columns = [*keys, *SUMMARY_COLUMNS]
    return pd.DataFrame(rows, columns=columns).astype(
        {"n_mentions": "int64", "n_negative": "int64", "n_neutral": "int64",
         "n_positive": "int64", "enough": "bool"})
