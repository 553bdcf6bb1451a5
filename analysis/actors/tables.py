"""Corpus-level tables of mentions and counts, and the warning for actors never mentioned.
"""

from __future__ import annotations

import bisect
import functools
import warnings
from collections import defaultdict
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

import pandas as pd

from ..errors import require_columns
from ..tokens import count_words, sentence_spans
from ..tokens import shadow as _shadow
from .lexicon import user_stacklevel
from .lists import ActorList, ActorsOption, as_actor_list, load_actors
from .matching import Mention, find_mentions

MENTION_COLUMNS = [
    "article_id", "outlet", "actor", "kind", "surface", "start", "end", "sentence_index",
    "form", "possessive",
]


COUNT_COLUMNS = [
    "article_id", "outlet", "actor", "kind", "n_mentions", "per_1000_words", "in_headline",
    "first_sentence", "first_position", "sentence_share",
]


OUTLET_COLUMNS = [
    "outlet", "actor", "kind", "n_articles", "articles_mentioning", "article_share",
    "n_mentions", "per_1000_words", "headline_share", "mean_first_position",
    "mean_sentence_share",
]


class UnmentionedActorWarning(UserWarning):
    """A person or organisation of an event's actor list is never mentioned in the articles."""


def actors_keyword(func: Callable[..., pd.DataFrame]) -> Callable[..., pd.DataFrame]:
    """Keep ``func(corpus, actors)`` working for one release, with a FutureWarning."""

    @functools.wraps(func)
    def wrapper(data: pd.DataFrame, *args: Any, **kwargs: Any) -> pd.DataFrame:
        if args:
            if len(args) > 1 or "actors" in kwargs:
                raise TypeError(f"{func.__name__}() takes the table, then keyword options "
                                "(actors=...)")
            warnings.warn(
                f"{func.__name__}(corpus, actors): pass the list as the keyword actors=...; "
                "a positional actor list will stop working in the next release",
                FutureWarning, stacklevel=2,
            )
            kwargs["actors"] = args[0]
        return func(data, **kwargs)

    return wrapper


def actors_per_row(
    corpus: pd.DataFrame, actors: ActorsOption
) -> Iterator[tuple[Any, ActorList]]:
    """Yield ``(row position, actor list)`` for each row of ``corpus``: ``actors`` when
    given (a list or YAML paths), else the lists for the row's event (:func:`load_actors`
    with ``event=``, read once per event)."""
    actors = as_actor_list(actors)
    cache: dict[Any, ActorList] = {}
    events = corpus["event"] if "event" in corpus.columns else [None] * len(corpus)
    for pos, event in enumerate(events):
        if actors is not None:
            yield pos, actors
            continue
        key = None if event is None or pd.isna(event) else str(event)
        if key not in cache:
            cache[key] = load_actors(event=key)
        yield pos, cache[key]


@dataclass
class Article:
    article_id: Any
    outlet: Any
    text: str
    title: str
    mentions: list[Mention]
    sentences: list[tuple[int, int]]
    actors: ActorList

    @functools.cached_property
    def _sentence_starts(self) -> list[int]:  # once per article, not once per mention
        return [s for s, _ in self.sentences]

    def sentence_of(self, offset: int) -> int:
        return max(0, bisect.bisect_right(self._sentence_starts, offset) - 1)


def articles(corpus: pd.DataFrame, actors: ActorsOption, what: str) -> Iterator[Article]:
    require_columns(corpus, ["article_id", "outlet", "text"], what)
    titles = corpus["title"] if "title" in corpus.columns else [""] * len(corpus)
    rows = zip(corpus["article_id"], corpus["outlet"], corpus["text"], titles, strict=True)
    seen: dict[int, tuple[ActorList, set[str], list[str]]] = {}  # per list: names, headlines
    for (article_id, outlet, text, title), (_pos, alist) in zip(
        rows, actors_per_row(corpus, actors), strict=True
    ):
        text = text if isinstance(text, str) else ""
        title = title if isinstance(title, str) else ""
        art = Article(article_id, outlet, text, title, find_mentions(text, alist),
                       sentence_spans(text), alist)
        _, named, headlines = seen.setdefault(id(alist), (alist, set(), []))
        named.update(m.actor for m in art.mentions)
        headlines.append(title)
        yield art
    for alist, named, headlines in seen.values():
        warn_unmentioned(alist, named, headlines)


def warn_unmentioned(actors: ActorList, named: set[str], headlines: Sequence[str] = (),
                     *, limit: int = 10) -> list[str]:
    """Warn about each person or organisation of an event list (not a general list such as
    ``world.yml``) that no text in ``named`` (the actors found) or headline mentions.

    One :class:`UnmentionedActorWarning` per actor (at most ``limit``, then one for the
    rest), naming the actor and its list file. Returns the names.

    >>> import warnings
    >>> from analysis.actors import Actor
    >>> listed = ActorList([Actor("Kamala Harris", "person", source="my.yml, line 3")])
    >>> with warnings.catch_warnings(record=True) as caught:
    ...     warnings.simplefilter("always")
    ...     warn_unmentioned(listed, set(), ["Biden speaks"])
    ['Kamala Harris']
    >>> print(caught[0].message)  # doctest: +ELLIPSIS
    'Kamala Harris' (person, my.yml, line 3) is not mentioned in any of the 1 article(s): ...
    """
    missing = [a for a in actors if not a.general and a.kind in ("person", "organisation")
               and a.name not in named]
    if missing and any(headlines):
        for title in headlines:
            if title:
                named = named | {m.actor for m in find_mentions(title, actors)}
        missing = [a for a in missing if a.name not in named]
    n = len(headlines)
    level = user_stacklevel()
    for a in missing[:limit]:
        warnings.warn(
            f"{a.name!r} ({a.kind}, {a.source or 'no file'}) is not mentioned in any of the "
            f"{n} article(s): check its name, aliases and titles, or leave it out of the list",
            UnmentionedActorWarning, stacklevel=level,
        )
    if len(missing) > limit:
        rest = missing[limit:]
        warnings.warn(
            f"{len(rest)} more listed actors are not mentioned in any of the {n} article(s), "
            f"such as {rest[0].name!r} ({rest[0].source or 'no file'})",
            UnmentionedActorWarning, stacklevel=level,
        )
    return [a.name for a in missing]


@actors_keyword
def mention_table(corpus: pd.DataFrame, *, actors: ActorsOption = None) -> pd.DataFrame:
    """One row per mention: ``article_id, outlet, actor, kind, surface, start, end,
    sentence_index, form, possessive``.

    ``start``/``end`` index the article's ``text``. With ``actors=None`` each article uses
    the lists under ``data/actors/`` that match its ``event``.

    >>> from analysis import load_corpus
    >>> table = mention_table(load_corpus(SEED_EVENT))
    >>> table[table["actor"] == "Dmitry Peskov"][["outlet", "surface", "sentence_index"]].head(3)
       outlet                          surface  sentence_index
    50   n-tv                Putin's spokesman              22
    53   n-tv  Kremlin spokesman Dmitry Peskov              24
    60   n-tv                           Peskov              25
    """
    rows = []
    for art in articles(corpus, actors, "mention_table"):
        for m in art.mentions:
            rows.append((art.article_id, art.outlet, m.actor, m.kind, m.surface, m.start,
                         m.end, art.sentence_of(m.start), m.form, m.possessive))
    return pd.DataFrame(rows, columns=MENTION_COLUMNS).astype(
        {"start": "int64", "end": "int64", "sentence_index": "int64", "possessive": "bool"}
    )


def _headline_actors(art: Article) -> set[str]:
    """Actors named in the headline; a surname there resolves by the names in the body."""
    if not art.title or not len(art.actors):
        return set()
    raw = art.actors._matcher.raw(_shadow(art.title))
    if not any(form in ("short", "after") for _s, _e, _i, form, _p, _c in raw):
        return {m.actor for m in find_mentions(art.title, art.actors)}
    combined = art.title + "\n\n" + art.text
    return {m.actor for m in find_mentions(combined, art.actors) if m.end <= len(art.title)}


def _article_counts(art: Article) -> list[tuple]:
    n_words = count_words(art.text)
    n_sent = len(art.sentences)
    headline = _headline_actors(art)
    by_actor: dict[str, list[Mention]] = defaultdict(list)
    for m in art.mentions:
        by_actor[m.actor].append(m)
    rows = []
    for name in [*by_actor, *sorted(headline - set(by_actor))]:
        ms = by_actor.get(name, [])
        kind = art.actors[name].kind
        if ms:
            first = ms[0]
            sents = {art.sentence_of(m.start) for m in ms}
            rows.append((art.article_id, art.outlet, name, kind, len(ms),
                         1000 * len(ms) / n_words if n_words else float("nan"),
                         name in headline, art.sentence_of(first.start),
                         first.start / len(art.text), len(sents) / n_sent if n_sent else 0.0))
        else:
            rows.append((art.article_id, art.outlet, name, kind, 0, 0.0, True, pd.NA,
                         float("nan"), 0.0))
    return rows


@actors_keyword
def count_actors(corpus: pd.DataFrame, *, actors: ActorsOption = None) -> pd.DataFrame:
    """One row per article and actor mentioned in its text or headline.

    Columns: ``article_id, outlet, actor, kind, n_mentions, per_1000_words`` (mentions per
    1,000 words of the text), ``in_headline`` (the ``title`` column names the actor),
    ``first_sentence`` (index of the sentence with the first mention), ``first_position``
    (start of the first mention / text length, 0 = the very start), ``sentence_share``
    (share of the article's sentences that mention the actor). An article that names no
    listed actor has no rows. The evidence is :func:`mention_table`.

    >>> from analysis import load_corpus
    >>> counts = count_actors(load_corpus(SEED_EVENT))
    >>> counts[counts["actor"] == "Dmitry Peskov"][["outlet", "n_mentions", "in_headline",
    ...                                            "first_sentence"]]
             outlet  n_mentions  in_headline  first_sentence
    21         n-tv           4        False              22
    38  Shafaq News           3        False               9
    """
    rows = [row for art in articles(corpus, actors, "count_actors")
            for row in _article_counts(art)]
    return pd.DataFrame(rows, columns=COUNT_COLUMNS).astype(
        {"n_mentions": "int64", "in_headline": "bool", "first_sentence": "Int64",
         "first_position": "float64", "per_1000_words": "float64", "sentence_share": "float64"}
    )


@actors_keyword
def actors_by_outlet(corpus: pd.DataFrame, *, actors: ActorsOption = None) -> pd.DataFrame:
    """The outlet-level view of :func:`count_actors`: one row per outlet and actor.

    Columns: ``outlet, actor, kind, n_articles`` (the outlet's articles),
    ``articles_mentioning``, ``article_share``, ``n_mentions``, ``per_1000_words`` (over
    all the outlet's words), ``headline_share`` (share of the outlet's articles with the
    actor in the headline), ``mean_first_position`` and ``mean_sentence_share`` (over the
    articles that mention the actor). Sorted by outlet, then mentions.

    >>> from analysis import load_corpus
    >>> view = actors_by_outlet(load_corpus(SEED_EVENT))
    >>> view[view["actor"] == "Lloyd Austin"][["outlet", "n_mentions", "headline_share"]]
             outlet  n_mentions  headline_share
    5   Shafaq News           3             1.0
    25         n-tv           3             0.0
    """
    require_columns(corpus, ["article_id", "outlet", "text"], "actors_by_outlet")
    counts = count_actors(corpus, actors=actors)
    words = pd.DataFrame({
        "outlet": corpus["outlet"].to_numpy(),
        "n_words": [count_words(t) if isinstance(t, str) else 0 for t in corpus["text"]],
    }).groupby("outlet").agg(n_articles=("n_words", "size"), words=("n_words", "sum"))
    if counts.empty:
        return pd.DataFrame(columns=OUTLET_COLUMNS)
    mentioned = counts[counts["n_mentions"] > 0]
    g = counts.groupby(["outlet", "actor", "kind"], sort=False)
    out = g.agg(n_mentions=("n_mentions", "sum"),
                headlines=("in_headline", "sum")).reset_index()
    gm = mentioned.groupby(["outlet", "actor"], sort=False).agg(
        articles_mentioning=("article_id", "nunique"),
        mean_first_position=("first_position", "mean"),
        mean_sentence_share=("sentence_share", "mean"),
    )
    out = out.join(gm, on=["outlet", "actor"]).join(words, on="outlet")
    out["articles_mentioning"] = out["articles_mentioning"].fillna(0).astype("int64")
    out = out.assign(
        article_share=out["articles_mentioning"] / out["n_articles"],
        per_1000_words=1000 * out["n_mentions"] / out["words"].where(out["words"] > 0),
        headline_share=out["headlines"] / out["n_articles"],
    )
    out = out.sort_values(["outlet", "n_mentions", "actor"], ascending=[True, False, True],
                          kind="stable")
    return out[OUTLET_COLUMNS].reset_index(drop=True)
