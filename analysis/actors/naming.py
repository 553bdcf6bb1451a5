"""How each outlet names each actor: titles, premodifiers, appositions, possessives.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import pandas as pd

from ..errors import require_columns
from ..tokens import shadow as _shadow
from ..tokens import stopwords
from .lexicon import CALENDAR, honorifics, role_nouns
from .lists import ActorsOption
from .matching import Mention
from .tables import Article, actors_keyword, articles

LABEL_COLUMNS = [
    "article_id", "outlet", "actor", "kind", "label_type", "label", "start", "end",
    "sentence_index",
]


_WORD = re.compile(r"[\w][\w.'-]*")


_PREMOD_RUN = re.compile(r"((?:[\w][\w.'-]*[ \t]+){1,4})$")


_APPOSITION_BEFORE = re.compile(
    r"(?:^|(?<=[.;:!?,])[ \t]+)((?:[Tt]he|[Aa]n?|[A-Z][\w'-]*'s)[ \t]+"
    r"[^,.;:!?\"\n]{1,60}?),[ \t]+$",
    re.MULTILINE,
)


_APPOSITION_AFTER = re.compile(r",[ \t]+((?:the|a|an)[ \t]+[^,.;:!?\"\n]{1,60}?)(?=,)",
                               re.IGNORECASE)


_POSSESSED = re.compile(r"[ \t]+([\w-]+)(?:[ \t]+([\w-]+))?")


def _premodifier(shadow: str, start: int, sentence_start: int) -> tuple[int, int] | None:
    """Capitalised words or role nouns right before a name ("US counterpart", "Senate")."""
    m = _PREMOD_RUN.search(shadow, max(sentence_start, start - 80), start)
    if not m:
        return None
    words = list(_WORD.finditer(shadow, m.start(1), m.end(1)))
    stop = stopwords()
    roles = role_nouns()
    titled = honorifics()
    kept = []
    for w in reversed(words):
        word = w.group()
        honorific = word.rstrip(".").lower() in titled and word[:1].isupper()
        if word.lower() in stop and not (word.isupper() and len(word) == 2):  # "US", "us"
            break
        if word.endswith(".") and "." not in word[:-1] and not honorific:  # a sentence's end
            break
        if not (word[:1].isupper() or word.lower() in roles) or CALENDAR.fullmatch(word):
            break
        kept.append(w)
    if not kept:
        return None
    kept.reverse()
    first = kept[0].group()
    if kept[0].start() == sentence_start and len(kept) == 1 \
            and first.lower() not in roles and first.rstrip(".").lower() not in titled:
        return None  # a capitalised first word of a sentence ("Get", "Only")
    return kept[0].start(), kept[-1].end()


def _possessed(shadow: str, end: int) -> tuple[int, int] | None:
    """What follows a possessive: one or two words, after any numbers and adverbs ("Trump's
    two elder sons": "elder sons"; "Egypt's first democratically elected president":
    "elected president"); a second word that looks like a verb or adverb ("policies
    worsened", "comment last") or follows a plural ("supporters said") is left out."""
    m = _POSSESSED.match(shadow, end)
    while m and (_QUANTITY.fullmatch(m.group(1)) or _ADVERB.fullmatch(m.group(1))):
        m = _POSSESSED.match(shadow, m.end(1))
    if not m:
        return None
    stop = stopwords()
    first, second = m.group(1), m.group(2)
    if first.lower() in stop or _QUANTITY.fullmatch(first):
        return None
    if (second is None or second.lower() in stop or first.lower() in role_nouns()
            or _QUANTITY.fullmatch(second) or _VERB_LIKE.search(second)
            or (first.endswith("s") and first.islower() and not first.endswith("ss"))):
        return m.start(1), m.end(1)
    return m.start(1), m.end(2)


#: Numbers and quantity words, which say how many, not what ("two", "2014", "first").
_QUANTITY = re.compile(
    r"(?i:\d[\d,.]*s?|\d+(?:st|nd|rd|th)|one|two|three|four|five|six|seven|eight|nine|ten"
    r"|dozen|hundreds?|thousands?|millions?|first|second|third|last|next|latest|former|many"
    r"|several|few|own|other|both)"
)


#: Adverbs before what is possessed ("Egypt's first *democratically* elected president"):
#: common adverb endings, long enough to leave out "rally", "ally", "family", "assembly".
_ADVERB = re.compile(r"[a-z]{2,}(?:ally|ently|antly|ously|ively|edly|ingly|fully|lessly"
                     r"|ately|ibly|ably|arly)")


_VERB_LIKE = re.compile(r"(?:ed|ly)$|^(?:is|was|has|had|will|would|last|this|that)$")


def _names_other(art: Article, m: Mention, app: re.Match[str]) -> bool:
    """Does the apposition name another actor? Then it is more likely a list
    ("Germany, the United States, ...") than a description."""
    s, e = app.span(1)
    return any(o.actor != m.actor and o.start < e and s < o.end for o in art.mentions)


def _labels(art: Article) -> list[tuple]:
    shadow = _shadow(art.text)
    rows = []

    def add(m: Mention, label_type: str, s: int, e: int) -> None:
        label = " ".join(art.text[s:e].split())
        rows.append((art.article_id, art.outlet, m.actor, m.kind, label_type, label, s, e,
                     art.sentence_of(s)))

    for m in art.mentions:
        parts = m.parts or ((m.form, m.start, m.end),)
        for form, s, e in parts:
            e_name = e - 2 if shadow[e - 2:e] == "'s" else e - 1 if shadow[e - 1:e] == "'" else e
            add(m, "title" if form == "title" else "name", s, e_name)
        if parts[0][0] != "title":
            pre = _premodifier(shadow, m.start, art.sentences[art.sentence_of(m.start)][0]
                               if art.sentences else 0)
            if pre:
                add(m, "premodifier", *pre)
        if parts[-1][0] != "title":
            app = _APPOSITION_AFTER.match(shadow, m.end)
            if app and len(app.group(1).split()) <= 8 and not _names_other(art, m, app):
                add(m, "apposition", app.start(1), app.end(1))
        if parts[0][0] != "title" and shadow[m.end:m.end + 1] == ",":
            # "The Kremlin's top diplomat, Sergei Lavrov, said"
            app = _APPOSITION_BEFORE.search(shadow, max(0, m.start - 90), m.start)
            if app and len(app.group(1).split()) <= 8 and not _names_other(art, m, app):
                add(m, "apposition", app.start(1), app.end(1))
        if m.possessive:
            pos = _possessed(shadow, m.end)
            if pos:
                add(m, "possessive", *pos)
    return rows


@actors_keyword
def label_table(corpus: pd.DataFrame, *, actors: ActorsOption = None) -> pd.DataFrame:
    """The words each outlet uses to name or describe each actor, one row per label.

    Columns: ``article_id, outlet, actor, kind, label_type, label, start, end,
    sentence_index``. ``label_type`` is

    * ``name``: the name as written ("Lloyd J. Austin", "Austin");
    * ``title``: a listed title ("Kremlin spokesman", "Putin's spokesman");
    * ``premodifier``: words right before the name that are capitalised or end in a role
      noun ("Secretary" Austin, "US counterpart" Lloyd Austin);
    * ``apposition``: ", the/a ..." right after the name;
    * ``possessive``: what the actor is said to have ("Russia's *ongoing war*").

    Heuristic: read the labels, they are found by patterns, not parsed.
    ``labels.groupby(["actor", "label_type", "label", "outlet"]).size().unstack()`` puts
    the outlets side by side.

    >>> from analysis import load_corpus
    >>> labels = label_table(load_corpus(SEED_EVENT))
    >>> sorted(set(labels[(labels["actor"] == "Dmitry Peskov")
    ...                   & (labels["label_type"] == "title")]["label"]))
    ['Kremlin spokesman', "Putin's spokesman"]
    """
    rows = [row for art in articles(corpus, actors, "label_table") for row in _labels(art)]
    return pd.DataFrame(rows, columns=LABEL_COLUMNS).astype(
        {"start": "int64", "end": "int64", "sentence_index": "int64"}
    )


@actors_keyword
def naming_table(
    data: pd.DataFrame,
    *,
    actors: ActorsOption = None,
    label_types: Sequence[str] = ("title", "premodifier", "apposition", "name"),
) -> pd.DataFrame:
    """The naming side by side: one row per actor and label, one count column per outlet.

    ``data`` is a :func:`label_table` or a corpus (labels are found first). Columns:
    ``actor, label_type, label``, then one column per outlet (how often it uses the label)
    and ``n_outlets`` (how many outlets use it). Only ``label_types`` are kept (possessive
    labels describe what the actor has, not what it is called). Unlike the other tables
    this one is wide, for reading.

    >>> from analysis import load_corpus
    >>> table = naming_table(load_corpus(SEED_EVENT))
    >>> table[table["actor"] == "Andrey Belousov"].drop(columns="actor")
      label_type                        label  Shafaq News  n-tv  n_outlets
    0      title     Russian Defense Minister            0     1          1
    1      title  Russian Minister of Defense            1     0          1
    2       name              Andrey Belousov            1     2          2
    3       name                     Belousov            0     1          1
    """
    if "label_type" in data.columns:
        require_columns(data, ["outlet", "actor", "label_type", "label"], "naming_table")
        labels = data
    else:
        labels = label_table(data, actors=actors)
    labels = labels[labels["label_type"].isin(label_types)]
    if labels.empty:
        return pd.DataFrame(columns=["actor", "label_type", "label", "n_outlets"])
    wide = (labels.groupby(["actor", "label_type", "label", "outlet"]).size()
            .unstack("outlet", fill_value=0))
    outlets = list(wide.columns)
    wide = wide.reset_index()
    wide.columns.name = None
    wide["n_outlets"] = (wide[outlets] > 0).sum(axis=1)
    order = {t: i for i, t in enumerate(label_types)}
    wide = wide.assign(_type=wide["label_type"].map(order), _n=-wide[outlets].sum(axis=1))
    wide = wide.sort_values(["actor", "_type", "_n", "label"], kind="stable")
    return wide.drop(columns=["_type", "_n"]).reset_index(drop=True)
