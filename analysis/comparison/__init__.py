"""Compare outlets: distinctive words, what each one covers, shared wire copy, text size.

Four questions, one family of functions each:

* **Which words set an outlet apart?** :func:`distinctive_words` (the log-odds ratio with an
  informative Dirichlet prior of Monroe, Colaresi and Quinn 2008) and :func:`kwic` to read the
  words in context.
* **What does one outlet report that another leaves out?** :func:`align_sentences` pairs the
  sentences of one event across outlets; :func:`coverage` marks every sentence shared or
  unique; :func:`coverage_gaps` lists, per ordered pair of outlets, what one has and the other
  lacks; :func:`coverage_matrix` shows which outlets carry which shared statements;
  :func:`headlines` puts the headlines side by side.
* **Is it the same copy?** :func:`shared_passages` finds runs of near-identical words shared
  by articles of different outlets (wire copy republished, "churnalism"), apart from content
  that was only paraphrased.
* **How long, how dense?** :func:`comparison_text_stats`: words, sentences, sentence length,
  type-token ratio and the share of quoted words.

All of these are corpus-level: a corpus DataFrame (from :func:`analysis.load_corpus`) in, a
new tidy DataFrame out; the input is never changed. Comparisons need at least two outlets (or
two groups) and raise ``ValueError`` otherwise.

>>> from analysis import load_corpus
>>> corpus = load_corpus(SEED_EVENT)
>>> cov = coverage(corpus)
>>> cov.groupby("outlet")["status"].value_counts().unstack()
status       shared  unique
outlet
Shafaq News       6      13
n-tv              7      29
"""

from __future__ import annotations

import difflib
import functools
import itertools
import re
import warnings
from collections.abc import Collection, Iterable
from typing import Literal

import numpy as np
import pandas as pd
from nltk.stem.snowball import SnowballStemmer

from ..errors import require_columns
from ..tokens import (
    WordTokenizer,
    normalize,
    sentence_table,
    stopword_set,
    text_stats,
    word_spans,
    words,
)

__all__ = [
    "align_sentences",
    "comparison_tables",
    "comparison_text_stats",
    "coverage",
    "coverage_gaps",
    "coverage_matrix",
    "distinctive_words",
    "headlines",
    "kwic",
    "shared_passages",
    "verbatim_share",
]

Stopwords = Collection[str] | Literal["english"] | None

#: Defaults for sentence alignment, chosen on the seed event (see :func:`align_sentences`).
SIMILARITY_THRESHOLD = 0.2
MIN_SHARED_WORDS = 3
#: Matrix cells (float64) one event's alignment may use, about 2.4 GB; beyond it
#: align_sentences raises a ValueError naming the event instead of running out of memory.
_MAX_ALIGN_CELLS = 300_000_000
VERBATIM_THRESHOLD = 0.8

# --- shared helpers ---------------------------------------------------------------------


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


def _group_labels(corpus: pd.DataFrame, by: str) -> pd.Series:
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


def _what(by: str) -> str:
    return "outlets" if by == "outlet" else f"groups in the column {by!r}"


@functools.lru_cache(maxsize=200_000)
def _term(raw: str) -> str:
    """A word token as a term: normalised, lower-cased, possessive ``'s`` stripped.

    Gives what ``words(raw, lower=True, possessive="strip")`` gives for the token.
    """
    if raw.isascii() and "'" not in raw:  # the common case; normalize() changes nothing
        return raw.lower()
    found = words(raw, lower=True, possessive="strip")
    return found[0] if len(found) == 1 else normalize(raw).lower()


# --- distinctive words ------------------------------------------------------------------


def _article_terms(texts: Iterable[str]) -> tuple[np.ndarray, np.ndarray]:
    """Every word of every text as a term, with the position of its text."""
    return _article_terms_cached(tuple(texts))


# Tokenising is most of the time distinctive_words takes on a large corpus (about 15 s for
# the 8,368 allsides articles; counting takes 2-3 s). The words of the last corpus seen are
# kept, so that grouping the same articles another way (by outlet, then by leaning) is fast.
# Callers must not modify the arrays returned.
@functools.lru_cache(maxsize=1)
def _article_terms_cached(texts: tuple[str, ...]) -> tuple[np.ndarray, np.ndarray]:
    tokenizer = WordTokenizer()
    lists = [tokenizer.tokenize(text) for text in texts]
    lengths = np.fromiter(map(len, lists), dtype=np.int64, count=len(lists))
    owner = np.repeat(np.arange(len(lists)), lengths)
    raw = pd.Series(list(itertools.chain.from_iterable(lists)), dtype=object)
    codes, uniques = pd.factorize(raw)
    terms = np.array([_term(u) for u in uniques], dtype=object)
    terms = terms[codes] if len(codes) else np.array([], dtype=object)
    owner.flags.writeable = terms.flags.writeable = False  # shared through the cache
    return owner, terms


def _ngram_terms(
    owner: np.ndarray, terms: np.ndarray, n: int, drop: frozenset[str]
) -> tuple[np.ndarray, np.ndarray]:
    """Contiguous n-grams within each text; stopwords removed (n = 1) or kept off the ends."""
    if n == 1:
        keep = ~pd.Series(terms, dtype=object).isin(drop).to_numpy() if drop else None
        return (owner, terms) if keep is None else (owner[keep], terms[keep])
    if len(terms) < n:
        return owner[:0], terms[:0]
    m = len(terms) - n + 1
    same = owner[: m] == owner[n - 1 :]
    grams = pd.Series(terms[:m], dtype=object)
    for k in range(1, n):
        grams = grams + " " + pd.Series(terms[k : k + m], dtype=object)
    keep = same
    if drop:
        first = pd.Series(terms[:m], dtype=object).isin(drop).to_numpy()
        last = pd.Series(terms[n - 1 :], dtype=object).isin(drop).to_numpy()
        keep = keep & ~first & ~last
    return owner[:m][keep], grams.to_numpy()[keep]


def _log_odds(y_i, y_j, n_i, n_j, a_w, a_0):
    """Monroe et al. (2008), eq. 16 and 18: log-odds with prior, its variance and z."""
    with np.errstate(divide="ignore", invalid="ignore"):
        delta = np.log((y_i + a_w) / (n_i + a_0 - y_i - a_w)) - np.log(
            (y_j + a_w) / (n_j + a_0 - y_j - a_w)
        )
    # Only a corpus made of one single term gives 0 / 0 here (that term is all of both
    # sides): there is no difference to measure.
    delta = np.where(np.isfinite(delta), delta, 0.0)
    var = 1.0 / (y_i + a_w) + 1.0 / (y_j + a_w)
    return delta, delta / np.sqrt(var)


def distinctive_words(
    corpus: pd.DataFrame,
    *,
    by: str = "outlet",
    against: Literal["rest", "pairwise"] = "rest",
    min_count: int = 5,
    stopwords: Stopwords = None,
    prior: Literal["corpus"] | float = "corpus",
    ngram: int = 1,
    top: int | None = None,
) -> pd.DataFrame:
    """Words (or n-grams) that one group of articles uses more than another.

    The weighted log-odds ratio with an informative Dirichlet prior (Monroe, Colaresi and
    Quinn 2008, "Fightin' Words", *Political Analysis* 16(4), section 3.5). For a term ``w``,
    group ``i`` and the comparison side ``j`` (the rest of the corpus, or one other group)::

        delta_w = log((y_iw + a_w) / (n_i + a_0 - y_iw - a_w))
                - log((y_jw + a_w) / (n_j + a_0 - y_jw - a_w))
        var_w   ~ 1 / (y_iw + a_w) + 1 / (y_jw + a_w)
        z_w     = delta_w / sqrt(var_w)

    where ``y`` are term counts, ``n`` the total counts of each side, ``a_w`` the prior count
    of ``w`` and ``a_0`` the sum of all ``a_w``. The prior is informative: ``a_w = a_0 *
    y_w / N``, the term's share of the whole corpus (all groups together, ``N`` words) times
    ``a_0``. With ``prior="corpus"``, ``a_0 = N``, so ``a_w`` is simply the term's corpus
    count (the common "Fightin' Words" setting); a float sets ``a_0`` directly (smaller is a
    weaker prior). The prior shrinks rare words towards zero, so that a word used three times
    by one outlet does not outrank a word used 300 times. ``|z| > 1.96`` is the usual
    "notable" line; it is a ranking aid, not a significance test.

    Terms are the words of :func:`analysis.tokens.words` with ``lower=True,
    possessive="strip"`` (normalised quotes and dashes, "Russia's" counted as "russia",
    "long-range" one word). N-grams (``ngram > 1``) join consecutive words of one article with
    a space; they may cross a sentence boundary.

    Speed: counting is vectorised (numpy/pandas); tokenising is what takes time on a large
    corpus (about 15 s for the 8,368 allsides articles, then 2-3 s for the statistics; see
    ``bench/bench_comparison.py``). The words of the last corpus are kept in memory, so a
    second call on the same texts (grouped another way) takes only the seconds of counting.
    ``against="pairwise"`` makes one comparison per ordered pair of groups: fine for
    leanings or a dozen outlets, slow for hundreds.

    Parameters
    ----------
    corpus : articles, with ``article_id``, ``text`` and the ``by`` column.
    by : the column whose values are the groups: ``"outlet"``, ``"leaning"``, ``"event"``...
        Articles with no value are left out (with a warning).
    against : ``"rest"`` compares each group with all other articles together (``other`` is
        ``"rest"``); ``"pairwise"`` compares each ordered pair of groups.
    min_count : keep terms used at least this often by the two sides together.
    stopwords : remove these words before counting (``"english"`` is the kit's list; they
        no longer count in ``n``). For n-grams, drop those that start or end with one.
    prior : ``"corpus"`` or the prior's total weight ``a_0`` (a positive number).
    ngram : 1 for words, 2 for two-word phrases, and so on.
    top : keep only the ``top`` terms with the highest ``z`` per group and other.

    Returns
    -------
    DataFrame
        One row per group, other and term that the group uses at least once:

        ``group``: the group (a value of ``by``); ``other``: ``"rest"`` or the other group;
        ``term``: the word or n-gram; ``count``, ``count_other``: how often each side uses it;
        ``per_1000``, ``per_1000_other``: the same per 1,000 terms of that side;
        ``prior``: ``a_w``; ``log_odds``: ``delta_w`` (positive: more typical of ``group``);
        ``z``: the z-score. Sorted by group, other, then ``z`` from high to low.

    Raises
    ------
    ValueError
        Fewer than two groups, or a bad option.

    >>> from analysis import from_texts
    >>> corpus = from_texts({"A": "War war war. Talks.", "B": "Talks talks talks. War."})
    >>> distinctive_words(corpus, min_count=1)[["group", "term", "count", "count_other", "z"]]
      group   term  count  count_other         z
    0     A    war      3            1  1.149271
    1     A  talks      1            3 -1.149271
    2     B  talks      3            1  1.149271
    3     B    war      1            3 -1.149271
    """
    require_columns(corpus, ["article_id", "text", by], "distinctive_words")
    if against not in ("rest", "pairwise"):
        raise ValueError(f"against must be 'rest' or 'pairwise', not {against!r}")
    if not isinstance(ngram, int | np.integer) or ngram < 1:
        raise ValueError(f"ngram must be a whole number of 1 or more, not {ngram!r}")
    if isinstance(prior, str):
        if prior != "corpus":
            raise ValueError(f"prior must be 'corpus' or a positive number, not {prior!r}")
    elif not prior > 0:
        raise ValueError(f"prior must be 'corpus' or a positive number, not {prior!r}")
    labels = _group_labels(corpus, by)
    require_groups(labels, _what(by))

    owner, terms = _article_terms(corpus.loc[labels.index, "text"])
    owner, terms = _ngram_terms(owner, terms, ngram, stopword_set(stopwords))
    group_codes, group_names = pd.factorize(labels.to_numpy(), sort=True)
    term_codes, vocabulary = pd.factorize(terms)
    n_groups, n_terms = len(group_names), len(vocabulary)
    key = group_codes[owner].astype(np.int64) * n_terms + term_codes
    counted = pd.Series(key).value_counts(sort=False)
    long = pd.DataFrame(
        {
            "g": (counted.index.to_numpy() // max(n_terms, 1)).astype(np.int64),
            "t": (counted.index.to_numpy() % max(n_terms, 1)).astype(np.int64),
            "y": counted.to_numpy().astype(np.float64),
        }
    )
    term_total = np.bincount(long["t"], weights=long["y"], minlength=n_terms)
    group_total = np.bincount(long["g"], weights=long["y"], minlength=n_groups)
    total = float(term_total.sum())
    a_0 = total if prior == "corpus" else float(prior)
    a_w = a_0 * term_total / total if total else term_total

    per_group = {g: part.set_index("t")["y"] for g, part in long.groupby("g", sort=True)}
    parts = []
    for i in range(n_groups):
        mine = per_group.get(i, pd.Series(dtype=np.float64))
        t = mine.index.to_numpy()
        y_i = mine.to_numpy()
        if against == "rest":
            others = [("rest", term_total[t] - y_i, total - group_total[i])]
        else:
            others = [
                (group_names[j], per_group[j].reindex(t, fill_value=0.0).to_numpy(),
                 group_total[j])
                for j in range(n_groups)
                if j != i and j in per_group
            ]
        for other, y_j, n_j in others:
            keep = y_i + y_j >= min_count
            delta, z = _log_odds(
                y_i[keep], y_j[keep], group_total[i], n_j, a_w[t[keep]], a_0
            )
            part = pd.DataFrame(
                {
                    "group": group_names[i],
                    "other": other,
                    "term": vocabulary[t[keep]],
                    "count": y_i[keep].astype(np.int64),
                    "count_other": y_j[keep].astype(np.int64),
                    "per_1000": 1000 * y_i[keep] / group_total[i],
                    "per_1000_other": 1000 * y_j[keep] / n_j if n_j else np.nan,
                    "prior": a_w[t[keep]],
                    "log_odds": delta,
                    "z": z,
                }
            )
            part = part.sort_values(["z", "term"], ascending=[False, True], kind="stable")
            parts.append(part.head(top) if top else part)
    columns = ["group", "other", "term", "count", "count_other", "per_1000",
               "per_1000_other", "prior", "log_odds", "z"]
    if not parts:
        return pd.DataFrame(columns=columns)
    return pd.concat(parts, ignore_index=True)[columns]


def kwic(
    corpus: pd.DataFrame,
    term: str,
    *,
    window: int = 40,
    by: str | None = None,
) -> pd.DataFrame:
    """Keyword in context: every place a term occurs, with the text either side.

    The term is matched the way :func:`distinctive_words` counts it: word by word, ignoring
    case, curly versus straight quotes and a possessive ``'s`` ("russia" finds "Russia's"). A
    phrase ("cold war") matches those words in a row.

    Parameters
    ----------
    corpus : articles, with ``article_id``, ``outlet`` and ``text``.
    term : a word or phrase, e.g. a ``term`` from :func:`distinctive_words`.
    window : characters of context on each side (line breaks shown as spaces).
    by : another column to show and sort by, e.g. ``"leaning"``.

    Returns
    -------
    DataFrame
        One row per occurrence: ``article_id, outlet`` (and ``by``), ``left``, ``match``
        (the words as written), ``right``, ``start``, ``end`` (offsets of the match in the
        article's text). In corpus order, then by position.

    >>> from analysis import from_texts
    >>> kwic(from_texts({"A": "Moscow spoke of a new Cold War. Russia’s cold-war talk."}),
    ...      "cold war", window=10)
      article_id outlet       left     match       right  start  end
    0        a-1      A  of a new   Cold War  . Russia’s     22   30
    """
    extra = [by] if by and by != "outlet" else []
    require_columns(corpus, ["article_id", "outlet", "text", *extra], "kwic")
    wanted = [_term(w) for w in WordTokenizer().tokenize(term)]
    if not wanted:
        raise ValueError(f"kwic needs a term with at least one word, not {term!r}")
    n = len(wanted)
    rows = []
    for row in corpus[["article_id", "outlet", "text", *extra]].itertuples(index=False):
        text = row.text
        folded = normalize(text).lower()
        if not all(w in folded for w in wanted):  # cheap filter before tokenising
            continue
        spans = word_spans(text)
        found = [_term(text[s:e]) for s, e in spans]
        for k in range(len(found) - n + 1):
            if found[k : k + n] == wanted:
                start, end = spans[k][0], spans[k + n - 1][1]
                left = text[max(0, start - window) : start]
                right = text[end : end + window]
                rows.append(
                    (*row[:2], *row[3:], _flat(left), text[start:end], _flat(right), start, end)
                )
    columns = ["article_id", "outlet", *extra, "left", "match", "right", "start", "end"]
    out = pd.DataFrame(rows, columns=columns)
    if extra:
        out = out.sort_values(extra, kind="stable").reset_index(drop=True)
    return out.astype({"start": "int64", "end": "int64"})


_WHITESPACE = re.compile(r"\s")


def _flat(text: str) -> str:
    """Line breaks and tabs as plain spaces (same length), for one-line context."""
    return _WHITESPACE.sub(" ", text)


# --- coverage: sentence alignment -------------------------------------------------------

_STEMMER = SnowballStemmer("english")


@functools.lru_cache(maxsize=100_000)
def _stem(word: str) -> str:
    return _STEMMER.stem(word)


def _content_stems(sentence: str) -> list[str]:
    """Stemmed content words: stopwords out, hyphenated words split ("long", "rang")."""
    out = []
    for word in words(sentence, lower=True, possessive="strip", stopwords="english"):
        out.extend(_stem(part) for part in word.split("-") if part.strip("'"))
    return out


def _sentence_frame(corpus: pd.DataFrame) -> pd.DataFrame:
    """sentence_table plus ``event``, the sentence's word list and ``repeat_of``."""
    require_columns(corpus, ["article_id", "outlet", "text"], "coverage")
    sents = sentence_table(corpus)
    events = (
        corpus.set_index("article_id")["event"].astype(str)
        if "event" in corpus.columns
        else pd.Series("", index=corpus["article_id"])
    )
    sents.insert(1, "event", sents["article_id"].map(events))
    sents["words"] = [words(s, lower=True) for s in sents["sentence"]]
    # A sentence that repeats an earlier one of the same article word for word (a photo
    # caption printed twice, a headline repeated in the body) is not aligned on its own.
    key = sents["words"].map(" ".join)
    first = sents.groupby(["article_id", key], sort=False)["sentence_index"].transform("first")
    sents["repeat_of"] = first.where((first != sents["sentence_index"]) & (key != "")).astype(
        "Int64"
    )
    return sents


def _overlap(a: list[str], b: list[str]) -> float:
    """Word-sequence overlap, difflib's ratio 2 * matched / (len a + len b)."""
    if not a or not b:
        return 0.0
    return difflib.SequenceMatcher(None, a, b, autojunk=False).ratio()


def _align_event(
    sents: pd.DataFrame, threshold: float, min_shared: int, verbatim: float
) -> list[tuple]:
    """Aligned pairs (row positions in ``sents`` and scores) for one event."""
    stems = [_content_stems(s) for s in sents["sentence"]]
    vocab = {w: i for i, w in enumerate(sorted({w for ws in stems for w in ws}))}
    n = len(stems)
    if n < 2 or not vocab:
        return []
    rows_n = sum(len(set(ws)) >= min_shared for ws in stems)
    if n * len(vocab) + rows_n * (n + rows_n) > _MAX_ALIGN_CELLS:
        event = sents["event"].iat[0] if "event" in sents.columns else "?"
        raise ValueError(
            f"event {event!r} has {n:,} sentences ({rows_n:,} long enough to pair) and "
            f"{len(vocab):,} distinct stems: aligning them all at once would need about "
            f"{8 * (n * len(vocab) + rows_n * (n + rows_n)) / 1e9:.0f} GB. Align fewer "
            "articles at a time (one event per real news event, or a sample)"
        )
    present = np.zeros((n, len(vocab)))
    for i, ws in enumerate(stems):
        present[i, [vocab[w] for w in ws]] = 1.0
    df = present.sum(axis=0)
    idf = np.log((1 + n) / (1 + df)) + 1  # smooth idf, as scikit-learn's TfidfVectorizer
    weighted = present * idf
    norms = np.linalg.norm(weighted, axis=1)
    unit = weighted / np.where(norms == 0, 1, norms)[:, None]
    # Only sentences with at least min_shared stems can be in a pair: they are the rows
    # (r); every sentence stays a column, as it can still be another's best match. An
    # event of many one-word articles then needs no n x n matrix at all.
    rows = np.flatnonzero(present.sum(axis=1) >= min_shared)
    if len(rows) < 2:
        return []
    sim = unit[rows] @ unit.T  # rows x all
    n_shared = present[rows] @ present[rows].T  # rows x rows
    outlets = sents["outlet"].to_numpy()
    articles = pd.factorize(sents["article_id"])[0]
    cross = outlets[rows, None] != outlets[None, :]
    candidate = cross[:, rows] & (sim[:, rows] >= threshold) & (n_shared >= min_shared)
    # Keep a candidate pair if each is the other's best match in that article, from either
    # side: sentence i's best in article k, or sentence j's best in i's article.
    best = np.zeros_like(cross)
    masked = np.where(cross, sim, -1.0)
    for k in np.unique(articles):
        cols = np.flatnonzero(articles == k)
        winner = cols[np.argmax(masked[:, cols], axis=1)]
        best[np.arange(len(rows)), winner] = True
    best = best[:, rows]
    keep = candidate & (best | best.T)
    pairs = []
    for r, q in zip(*np.nonzero(np.triu(keep)), strict=True):
        i, j = rows[r], rows[q]
        a, b = (i, j) if (outlets[i], articles[i]) < (outlets[j], articles[j]) else (j, i)
        ratio = _overlap(sents["words"].iat[a], sents["words"].iat[b])
        shared = set(stems[a]) & set(stems[b])
        evidence = list(dict.fromkeys(
            w for w in words(sents["sentence"].iat[a], lower=True, possessive="strip")
            if any(_stem(p) in shared for p in w.split("-"))
        ))
        relation = "verbatim" if ratio >= verbatim else "paraphrase"
        pairs.append((a, b, float(sim[r, j]), ratio, relation, ", ".join(evidence)))
    return pairs


def align_sentences(
    corpus: pd.DataFrame,
    *,
    threshold: float = SIMILARITY_THRESHOLD,
    min_shared: int = MIN_SHARED_WORDS,
    verbatim: float = VERBATIM_THRESHOLD,
) -> pd.DataFrame:
    """Pair up sentences of different outlets that report the same thing.

    Sentences are compared only within one event (quadratic in the sentences of an event,
    never across the corpus), and only across outlets.

    How similarity is measured, and why:

    * ``similarity`` is the cosine of TF-IDF vectors of the sentences' *content stems*:
      words lower-cased, stopwords removed, hyphenated words split, each word reduced to its
      Snowball (Porter 2) stem so that "deploy", "deployment" and "deployments" meet, each
      stem counted once per sentence and weighted by its inverse document frequency among the
      event's sentences (smooth idf, ``log((1 + n) / (1 + df)) + 1``). Stems rather than
      words because outlets paraphrase and translations inflect differently; binary counts
      because a repeated word in one sentence says little. A pair counts as shared when
      ``similarity >= threshold`` **and** the sentences have at least ``min_shared`` content
      stems in common (two common words such as "took place" are not a shared statement),
      and one is the other's best match in its article (from either side), so that a
      sentence is not tied to every loosely related sentence of the other article.
    * ``overlap`` is difflib's ``SequenceMatcher`` ratio on the full lower-cased word
      sequences (stopwords included, order mattering): ``2 * matched words / (words in a +
      words in b)``. Shared pairs with ``overlap >= verbatim`` are ``"verbatim"`` (copied,
      perhaps with small edits), the rest ``"paraphrase"``.

    The defaults (``threshold=0.2``, ``min_shared=3``, ``verbatim=0.8``) were chosen by
    reading the seed event (a machine-translated n-tv report against Shafaq News): there,
    all true pairs score 0.20 or more with three or more common stems, and no false pair
    passes both tests. They are heuristics: bag-of-stems similarity cannot tell "Peskov
    warned of confrontation" from a different Peskov quote on confrontation, and it misses
    paraphrases that share no words ("the US" and "Washington"). On long articles about a
    broad topic (the allsides "same topic, same day" groups) pairs between 0.2 and 0.3 are
    often only on the same subject (three names in common), so raise ``threshold`` to 0.3
    or more there. Read the pairs: ``shared_words`` shows why each was made.

    Parameters
    ----------
    corpus : articles, with ``article_id``, ``outlet``, ``text`` and (optionally) ``event``.
    threshold : least cosine similarity for a pair, 0 to 1.
    min_shared : least number of content stems the two sentences share.
    verbatim : least word-sequence overlap for ``relation == "verbatim"``.

    Returns
    -------
    DataFrame
        One row per aligned pair: ``event``; ``article_id_a, outlet_a, sentence_index_a,
        sentence_a`` and the same with ``_b`` (``a`` is the outlet first in alphabetical
        order); ``similarity`` (TF-IDF cosine); ``overlap`` (word-sequence ratio);
        ``relation`` (``"verbatim"`` or ``"paraphrase"``); ``shared_words`` (the words of
        sentence a whose stems both sentences have: the evidence). Sentences that repeat an
        earlier sentence of their own article are left out. Sorted by event, outlet a,
        article a, sentence a, similarity (high first).

    Raises
    ------
    ValueError
        If the corpus has fewer than two outlets.

    >>> from analysis import load_corpus
    >>> pairs = align_sentences(load_corpus(SEED_EVENT))
    >>> best = pairs.sort_values("similarity").iloc[-1]
    >>> print(best["sentence_a"][:40], "|", best["sentence_b"][:40], "|", best["relation"])
    According to a readout by the Pentagon,  | A spokeswoman for the Pentagon, Sabrina  | paraphrase
    >>> best["shared_words"]
    'pentagon, austin, emphasized, importance, maintaining, communication, amid, ukraine'
    """
    return _aligned(corpus, "align_sentences", threshold, min_shared, verbatim)[1]


def _aligned(
    corpus: pd.DataFrame, caller: str, threshold: float, min_shared: int, verbatim: float
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Check the input, then return the sentence frame and the aligned pairs."""
    for name, value in (("threshold", threshold), ("verbatim", verbatim)):
        if not 0 <= value <= 1:
            raise ValueError(f"{name} must be between 0 and 1, not {value!r}")
    require_columns(corpus, ["article_id", "outlet", "text"], caller)
    require_groups(corpus["outlet"], "outlets")
    sents = _sentence_frame(corpus)
    return sents, _pairs_table(sents, threshold, min_shared, verbatim)


_PAIR_COLUMNS = [
    "event",
    "article_id_a", "outlet_a", "sentence_index_a", "sentence_a",
    "article_id_b", "outlet_b", "sentence_index_b", "sentence_b",
    "similarity", "overlap", "relation", "shared_words",
]


def _pairs_table(
    sents: pd.DataFrame, threshold: float, min_shared: int, verbatim: float
) -> pd.DataFrame:
    rows = []
    alignable = sents[sents["repeat_of"].isna()]
    for event, part in alignable.groupby("event", sort=True):
        if part["outlet"].nunique() < 2:
            continue
        part = part.reset_index(drop=True)
        for a, b, sim, ratio, relation, shared in _align_event(
            part, threshold, min_shared, verbatim
        ):
            ra, rb = part.iloc[a], part.iloc[b]
            rows.append(
                (event, ra["article_id"], ra["outlet"], ra["sentence_index"], ra["sentence"],
                 rb["article_id"], rb["outlet"], rb["sentence_index"], rb["sentence"],
                 sim, ratio, relation, shared)
            )
    pairs = pd.DataFrame(rows, columns=_PAIR_COLUMNS).astype(
        {"sentence_index_a": "int64", "sentence_index_b": "int64",
         "similarity": "float64", "overlap": "float64"}
    )
    return pairs.sort_values(
        ["event", "outlet_a", "article_id_a", "sentence_index_a", "similarity"],
        ascending=[True, True, True, True, False],
        kind="stable",
    ).reset_index(drop=True)


def _both_ways(pairs: pd.DataFrame) -> pd.DataFrame:
    """Each pair twice, as (this sentence, matching sentence) from both sides."""
    def side(this: str, other: str):
        def rename(column: str) -> str:
            if column.endswith(this):
                return column[: -len(this)]
            if column.endswith(other):
                return column[: -len(other)] + "_match"
            return column

        return pairs.rename(columns=rename)

    a, b = side("_a", "_b"), side("_b", "_a")
    return pd.concat([a, b[a.columns]], ignore_index=True)


def coverage(
    corpus: pd.DataFrame,
    *,
    threshold: float = SIMILARITY_THRESHOLD,
    min_shared: int = MIN_SHARED_WORDS,
    verbatim: float = VERBATIM_THRESHOLD,
) -> pd.DataFrame:
    """Every sentence, marked shared with another outlet or unique to its own.

    Built on :func:`align_sentences` (see there for the similarity, its thresholds and its
    limits). A sentence that repeats an earlier one of its own article word for word takes
    that sentence's status and says so in ``repeat_of``.

    Parameters
    ----------
    corpus, threshold, min_shared, verbatim : as for :func:`align_sentences`.

    Returns
    -------
    DataFrame
        One row per sentence, in article order: ``article_id, event, outlet,
        sentence_index, sentence``; ``status``: ``"shared"`` (aligned with a sentence of
        another outlet in the same event) or ``"unique"``; ``best_match_outlet``,
        ``best_match_article_id``, ``best_match_sentence_index``, ``best_match_sentence``:
        the most similar aligned sentence (empty when unique); ``similarity``: its cosine
        similarity (NaN when unique); ``relation``: ``"verbatim"`` if any aligned sentence
        is a near-verbatim copy, else ``"paraphrase"`` (empty when unique); ``shared_with``:
        the other outlets with an aligned sentence, joined by ``"; "``; ``repeat_of``: the
        index of the earlier identical sentence of the same article, or empty.

    >>> from analysis import load_corpus
    >>> cov = coverage(load_corpus(SEED_EVENT))
    >>> cov.loc[cov["sentence"].str.startswith("Federal Chancellor"), ["outlet", "status"]]
       outlet  status
    17   n-tv  unique
    """
    sents, pairs = _aligned(corpus, "coverage", threshold, min_shared, verbatim)
    return _coverage_from(sents, pairs)


def _coverage_from(sents: pd.DataFrame, pairs: pd.DataFrame) -> pd.DataFrame:
    both = _both_ways(pairs)
    key = ["article_id", "sentence_index"]
    both = both.sort_values("similarity", ascending=False, kind="stable")
    best = both.drop_duplicates(key).set_index(key)
    grouped = both.groupby(key)
    shared_with = grouped["outlet_match"].agg(lambda s: "; ".join(sorted(set(s))))
    any_verbatim = grouped["relation"].agg(lambda s: "verbatim" if (s == "verbatim").any()
                                           else "paraphrase")
    # Repeated sentences look up the sentence they repeat.
    lookup = pd.MultiIndex.from_arrays(
        [sents["article_id"], sents["repeat_of"].fillna(sents["sentence_index"]).astype(int)]
    )
    out = sents[["article_id", "event", "outlet", "sentence_index", "sentence"]].copy()
    found = lookup.isin(best.index)
    out["status"] = np.where(found, "shared", "unique")
    got = best.reindex(lookup)
    out["best_match_outlet"] = got["outlet_match"].to_numpy()
    out["best_match_article_id"] = got["article_id_match"].to_numpy()
    out["best_match_sentence_index"] = got["sentence_index_match"].to_numpy()
    out["best_match_sentence"] = got["sentence_match"].to_numpy()
    out["similarity"] = got["similarity"].to_numpy(dtype="float64")
    out["relation"] = any_verbatim.reindex(lookup).to_numpy()
    out["shared_with"] = shared_with.reindex(lookup).to_numpy()
    out["repeat_of"] = sents["repeat_of"].to_numpy()
    return out.astype({"best_match_sentence_index": "Int64"}).reset_index(drop=True)


def coverage_gaps(
    corpus: pd.DataFrame,
    *,
    threshold: float = SIMILARITY_THRESHOLD,
    min_shared: int = MIN_SHARED_WORDS,
    verbatim: float = VERBATIM_THRESHOLD,
) -> pd.DataFrame:
    """Per ordered pair of outlets, the sentences one reports and the other does not.

    Parameters
    ----------
    corpus, threshold, min_shared, verbatim : as for :func:`align_sentences`.

    Returns
    -------
    DataFrame
        ``event, outlet, other, article_id, sentence_index, sentence``: a sentence of
        ``outlet`` with no aligned sentence in any article of ``other`` on the same event.
        Only pairs of outlets that both covered the event; repeated sentences left out.
        Sorted by event, outlet, other, article, sentence.

    >>> from analysis import load_corpus
    >>> gaps = coverage_gaps(load_corpus(SEED_EVENT))
    >>> gaps.groupby(["outlet", "other"]).size()
    outlet       other
    Shafaq News  n-tv           13
    n-tv         Shafaq News    27
    dtype: int64
    """
    return _gaps_from(*_aligned(corpus, "coverage_gaps", threshold, min_shared, verbatim))


def _gaps_from(sents: pd.DataFrame, pairs: pd.DataFrame) -> pd.DataFrame:
    both = _both_ways(pairs)
    covered = set(zip(both["article_id"], both["sentence_index"], both["outlet_match"],
                      strict=True))
    own = sents[sents["repeat_of"].isna()]
    rows = []
    for event, part in own.groupby("event", sort=True):
        outlets = sorted(part["outlet"].unique())
        for outlet, other in itertools.permutations(outlets, 2):
            mine = part[part["outlet"] == outlet]
            for row in mine.itertuples(index=False):
                if (row.article_id, row.sentence_index, other) not in covered:
                    rows.append((event, outlet, other, row.article_id, row.sentence_index,
                                 row.sentence))
    columns = ["event", "outlet", "other", "article_id", "sentence_index", "sentence"]
    return pd.DataFrame(rows, columns=columns).astype({"sentence_index": "int64"})


def coverage_matrix(
    corpus: pd.DataFrame,
    *,
    threshold: float = SIMILARITY_THRESHOLD,
    min_shared: int = MIN_SHARED_WORDS,
    verbatim: float = VERBATIM_THRESHOLD,
    shared_only: bool = True,
) -> pd.DataFrame:
    """Statements x outlets: which outlets carry which statement.

    A statement is a cluster of aligned sentences: sentences joined, directly or through
    others, by pairs of :func:`align_sentences` in one event (connected components).

    Parameters
    ----------
    corpus, threshold, min_shared, verbatim : as for :func:`align_sentences`.
    shared_only : leave out statements that only one outlet carries.

    Returns
    -------
    DataFrame
        One row per statement: ``event``; ``statement`` (numbered from 1 within the event,
        in order of the first outlet's article); ``text`` (its first sentence, from the
        outlet first in alphabetical order); ``n_outlets``; ``relation`` (``"verbatim"`` if
        any of its pairs is a near-verbatim copy, else ``"paraphrase"``, empty for a single
        sentence); then one column per outlet, named for the outlet, holding the number of
        that outlet's sentences in the statement (0: not carried).

    >>> from analysis import load_corpus
    >>> m = coverage_matrix(load_corpus(SEED_EVENT))
    >>> m[["statement", "n_outlets", "Shafaq News", "n-tv"]].head(3)
       statement  n_outlets  Shafaq News  n-tv
    0          1          2            3     2
    1          2          2            1     2
    2          3          2            1     1
    """
    sents, pairs = _aligned(corpus, "coverage_matrix", threshold, min_shared, verbatim)
    return _matrix_from(sents, pairs, shared_only)


def _matrix_from(sents: pd.DataFrame, pairs: pd.DataFrame, shared_only: bool) -> pd.DataFrame:
    own = sents[sents["repeat_of"].isna()].sort_values(
        ["event", "outlet", "article_id", "sentence_index"], kind="stable"
    )
    nodes = list(zip(own["article_id"], own["sentence_index"], strict=True))
    order = {node: k for k, node in enumerate(nodes)}
    parent = {node: node for node in nodes}

    def root(node):
        while parent[node] != node:
            parent[node] = parent[parent[node]]
            node = parent[node]
        return node

    in_verbatim: set[tuple[str, int]] = set()
    for row in pairs.itertuples(index=False):
        ra = root((row.article_id_a, row.sentence_index_a))
        rb = root((row.article_id_b, row.sentence_index_b))
        if ra != rb:
            parent[max(ra, rb, key=order.get)] = min(ra, rb, key=order.get)
        if row.relation == "verbatim":
            in_verbatim.add((row.article_id_a, row.sentence_index_a))
    clusters = pd.DataFrame(
        {
            "event": own["event"].to_numpy(),
            "outlet": own["outlet"].to_numpy(),
            "sentence": own["sentence"].to_numpy(),
            "root": [root(n) for n in nodes],
            "verbatim": [n in in_verbatim for n in nodes],
        }
    )
    outlets = sorted(sents["outlet"].unique())
    rows = []
    for event, part in clusters.groupby("event", sort=True):
        number = 0
        for _, members in part.groupby("root", sort=False):
            carried = members["outlet"].value_counts()
            if shared_only and len(carried) < 2:
                continue
            number += 1
            relation = (
                "" if len(members) < 2
                else "verbatim" if members["verbatim"].any()
                else "paraphrase"
            )
            rows.append(
                (event, number, members["sentence"].iat[0], len(carried), relation,
                 *(int(carried.get(o, 0)) for o in outlets))
            )
    columns = ["event", "statement", "text", "n_outlets", "relation", *outlets]
    return pd.DataFrame(rows, columns=columns)


def headlines(corpus: pd.DataFrame, *, wide: bool = False) -> pd.DataFrame:
    """The headlines of each event's articles, side by side.

    Parameters
    ----------
    corpus : articles, with ``article_id``, ``outlet`` and ``title`` (``event`` and
        ``date`` are used when present).
    wide : one row per event and one column per outlet (headlines of several articles of
        one outlet joined by ``" | "``) instead of one row per article.

    Returns
    -------
    DataFrame
        Long: ``event, outlet, article_id, date, title, n_words`` (words in the headline),
        sorted by event and outlet. Wide: ``event`` and one column per outlet.

    >>> from analysis import load_corpus
    >>> headlines(load_corpus(SEED_EVENT))[["outlet", "title"]]
            outlet                                              title
    0  Shafaq News  US Defense Secretary Austin holds talks with R...
    1         n-tv   Kremlin and Pentagon discuss "reduction of risk"
    """
    require_columns(corpus, ["article_id", "outlet", "title"], "headlines")
    out = pd.DataFrame(
        {
            "event": corpus["event"].astype(str) if "event" in corpus.columns else "",
            "outlet": corpus["outlet"],
            "article_id": corpus["article_id"],
            "date": corpus["date"] if "date" in corpus.columns else pd.NaT,
            "title": corpus["title"].fillna("").astype(str),
        }
    )
    out["n_words"] = [len(words(t)) for t in out["title"]]
    out = out.sort_values(["event", "outlet", "article_id"], kind="stable")
    out = out.reset_index(drop=True)
    if not wide:
        return out
    return (
        out.groupby(["event", "outlet"], sort=True)["title"]
        .agg(" | ".join)
        .unstack("outlet")
        .reset_index()
        .rename_axis(columns=None)
    )


# --- near-verbatim passages -------------------------------------------------------------


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
        tokens[article_id] = (spans, [_term(text[s:e]) for s, e in spans], text)
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
        rows.append((len(starts), _words_inside(starts, spans.get(article_id, [])),
                     "; ".join(sorted(partners.get(article_id, ())))))
    keys = [c for c in ("article_id", "event", "outlet") if c in corpus.columns]
    out = corpus[keys].reset_index(drop=True)
    out["n_words"] = np.array([r[0] for r in rows], dtype=np.int64)
    out["n_words_verbatim"] = np.array([r[1] for r in rows], dtype=np.int64)
    out["verbatim_share"] = out["n_words_verbatim"] / out["n_words"].where(out["n_words"] > 0)
    out["shared_with"] = [r[2] for r in rows]
    return out


def _words_inside(starts: np.ndarray, spans: Iterable[tuple[int, int]]) -> int:
    """How many words (given by their start offsets) begin inside any of the spans."""
    inside = np.zeros(len(starts), dtype=bool)
    for start, end in spans:
        inside |= (starts >= start) & (starts < end)
    return int(inside.sum())


# --- text statistics --------------------------------------------------------------------


def comparison_text_stats(
    corpus: pd.DataFrame, quotes: pd.DataFrame | None = None
) -> pd.DataFrame:
    """Size measures per article, with the share of words inside quotations.

    Parameters
    ----------
    corpus : articles, with ``article_id``, ``outlet`` and ``text``.
    quotes : optional table of quotations with ``article_id``, ``start`` and ``end``
        (character offsets into the article's text), such as the voices/quotes work
        produces (:func:`analysis.quotes.quote_table`). Quotations may overlap or nest;
        each word is counted once. quote_table also lists reported speech; pass
        ``quotes[quotes["kind"] == "direct"]`` to count direct quotation only.

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
    >>> comparison_text_stats(corpus, quotes)[["n_words", "n_quoted_words", "quoted_word_share"]]
       n_words  n_quoted_words  quoted_word_share
    0        5               3                0.6
    """
    stats = text_stats(corpus)
    if quotes is None:
        return stats
    require_columns(quotes, ["article_id", "start", "end"], "comparison_text_stats (quotes)")
    by_article = {k: g for k, g in quotes.groupby("article_id", sort=False)}
    quoted = []
    for article_id, text in zip(corpus["article_id"], corpus["text"], strict=True):
        spans = by_article.get(article_id)
        if spans is None or not len(spans):
            quoted.append(0)
            continue
        starts = np.array([s for s, _ in word_spans(text)], dtype=np.int64)
        quoted.append(_words_inside(starts, zip(spans["start"], spans["end"], strict=True)))
    stats["n_quoted_words"] = np.array(quoted, dtype=np.int64)
    stats["quoted_word_share"] = stats["n_quoted_words"] / stats["n_words"].where(
        stats["n_words"] > 0
    )
    return stats


# --- everything at once -----------------------------------------------------------------


def comparison_tables(
    corpus: pd.DataFrame,
    *,
    quotes: pd.DataFrame | None = None,
    top: int = 20,
    threshold: float = SIMILARITY_THRESHOLD,
    min_shared: int = MIN_SHARED_WORDS,
    verbatim: float = VERBATIM_THRESHOLD,
) -> dict[str, pd.DataFrame]:
    """All the comparison tables for a corpus (usually one event), aligning sentences once.

    Parameters
    ----------
    corpus : articles of at least two outlets.
    quotes : a quotations table for :func:`comparison_text_stats`, if there is one.
    top : distinctive words kept per outlet.
    threshold, min_shared, verbatim : as for :func:`align_sentences`.

    Returns
    -------
    dict of DataFrame
        ``"headlines"`` (:func:`headlines`), ``"text_stats"``
        (:func:`comparison_text_stats`), ``"distinctive"`` (:func:`distinctive_words` by
        outlet against the rest, English stopwords removed, ``min_count=2``), ``"pairs"``
        (:func:`align_sentences`), ``"coverage"`` (:func:`coverage`), ``"gaps"``
        (:func:`coverage_gaps`), ``"matrix"`` (:func:`coverage_matrix`), ``"passages"``
        (:func:`shared_passages`) and ``"verbatim_share"`` (:func:`verbatim_share`).

    >>> from analysis import load_corpus
    >>> tables = comparison_tables(load_corpus(SEED_EVENT))
    >>> list(tables)
    ['headlines', 'text_stats', 'distinctive', 'pairs', 'coverage', 'gaps', 'matrix',
     'passages', 'verbatim_share']
    >>> len(tables["pairs"]), len(tables["matrix"]), len(tables["passages"])
    (9, 4, 0)
    """
    sents, pairs = _aligned(corpus, "comparison_tables", threshold, min_shared, verbatim)
    passages = shared_passages(corpus)
    return {
        "headlines": headlines(corpus) if "title" in corpus.columns else pd.DataFrame(),
        "text_stats": comparison_text_stats(corpus, quotes),
        "distinctive": distinctive_words(corpus, stopwords="english", min_count=2, top=top),
        "pairs": pairs,
        "coverage": _coverage_from(sents, pairs),
        "gaps": _gaps_from(sents, pairs),
        "matrix": _matrix_from(sents, pairs, shared_only=True),
        "passages": passages,
        "verbatim_share": verbatim_share(corpus, passages=passages),
    }
