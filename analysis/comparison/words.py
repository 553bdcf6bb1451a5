"""Which words set a group of articles apart, and where they occur.

:func:`distinctive_words` ranks words (or n-grams) by the log-odds ratio with an informative
Dirichlet prior; :func:`kwic` shows a word in its contexts. Both count a word as
:func:`as_term` makes it a term, so what one ranks the other finds.
"""

from __future__ import annotations

import functools
import itertools
import math
import re
from collections.abc import Collection, Iterable
from typing import Literal

import numpy as np
import pandas as pd

from ..errors import require_columns
from ..tokens import WordTokenizer, normalize, stopword_set, word_spans, words
from .groups import describe_groups, group_labels, require_groups

__all__ = ["Stopwords", "as_term", "distinctive_words", "kwic", "word_forms"]

Stopwords = Collection[str] | Literal["english"] | None


@functools.lru_cache(maxsize=200_000)
def as_term(raw: str) -> str:
    """A word token as a term: normalised, lower-cased, possessive ``'s`` stripped.

    Gives what ``words(raw, lower=True, possessive="strip")`` gives for the token.

    >>> as_term("Russia’s"), as_term("NATO"), as_term("long-range")
    ('russia', 'nato', 'long-range')
    """
    if raw.isascii() and "'" not in raw:  # the common case; normalize() changes nothing
        return raw.lower()
    found = words(raw, lower=True, possessive="strip")
    return found[0] if len(found) == 1 else normalize(raw).lower()


# --- distinctive words ------------------------------------------------------------------


# Tokenising is most of the time distinctive_words takes on a large corpus (about 15 s for
# the 8,368 allsides articles; counting takes 2-3 s). The words of the last corpus seen are
# kept, so that grouping the same articles another way (by outlet, then by leaning) is fast.
# Callers must not modify the arrays returned.
@functools.lru_cache(maxsize=1)
def _article_tokens_cached(texts: tuple[str, ...]) -> tuple[np.ndarray, np.ndarray, list[str]]:
    """Each token's text position, the code of its raw form, and the raw forms."""
    tokenizer = WordTokenizer()
    lists = [tokenizer.tokenize(text) for text in texts]
    lengths = np.fromiter(map(len, lists), dtype=np.int64, count=len(lists))
    owner = np.repeat(np.arange(len(lists)), lengths)
    raw = pd.Series(list(itertools.chain.from_iterable(lists)), dtype=object)
    codes, uniques = pd.factorize(raw)
    owner.flags.writeable = codes.flags.writeable = False  # shared through the cache
    return owner, codes, list(uniques)


Case = Literal["lower", "acronyms"]
Forms = Literal["words", "lemmas"]


def term_of(raw: str, *, case: Case = "acronyms", forms: Forms = "words") -> str:
    """The term a word token counts as in :func:`distinctive_words`.

    ``case="acronyms"`` keeps a short all-capitals token as written when its lower-case form
    is a common word, so "US" (the country) is not "us", "IT" not "it", "WHO" not "who";
    every other token is lower-cased (:func:`as_term`). ``forms="lemmas"`` counts word forms
    together with simplemma's English lemmatiser ("missiles" and "missile" are "missile").

    >>> term_of("US"), term_of("us"), term_of("NATO"), term_of("Russia's")
    ('US', 'us', 'nato', 'russia')
    >>> term_of("missiles", forms="lemmas"), term_of("talks", forms="lemmas")
    ('missile', 'talk')
    """
    if case == "acronyms" and 2 <= len(raw) <= 5 and raw.isupper() and raw.isalpha() \
            and raw.lower() in stopword_set("english"):
        term = raw
    else:
        term = as_term(raw)
    if forms == "lemmas":
        term = _lemma(term)
    return term


@functools.lru_cache(maxsize=200_000)
def _lemma(term: str) -> str:
    import simplemma  # offline: its English data ships inside the package

    if " " in term or not any(c.isalpha() for c in term):
        return term
    lemma = simplemma.lemmatize(term, lang="en")
    # simplemma maps some pronouns and verbs across words ("us" -> "we", "was" -> "be"):
    # keep those as written, since they are stopwords rather than forms of one word.
    return term if term.lower() in stopword_set("english") else lemma


def _article_terms(
    texts: Iterable[str], *, case: Case = "lower", forms: Forms = "words"
) -> tuple[np.ndarray, np.ndarray]:
    """Every word of every text as a term, with the position of its text."""
    owner, codes, uniques = _article_tokens_cached(tuple(texts))
    terms = np.array([term_of(u, case=case, forms=forms) for u in uniques], dtype=object)
    terms = terms[codes] if len(codes) else np.array([], dtype=object)
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
    case: Case = "acronyms",
    forms: Forms = "words",
    min_outlets: int | None = None,
    permutations: int = 200,
    fdr: float = 0.05,
    seed: int = 0,
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
    case : ``"acronyms"`` (default) keeps "US" apart from "us" (see :func:`term_of`);
        ``"lower"`` lower-cases every word.
    forms : ``"lemmas"`` counts word forms together ("missile" and "missiles"), with
        simplemma's English lemmatiser; ``"words"`` (default) counts each form apart.
    min_outlets : the dispersion rule: a term counts for a group only if at least this many
        outlets of the group use it, so one outlet's house style ("Why it matters", "Mr.")
        or one story's names do not speak for a whole leaning (a group of fewer outlets
        needs all of them). Default: 2 when groups hold several outlets (needs an
        ``outlet`` column), else 1.
    permutations : how many times to shuffle the group labels for the null (0: no test).
        The labels of whole outlets are shuffled when groups hold several outlets (the
        articles of one outlet are not independent), else those of articles. Each term
        gets an empirical one-sided p-value, ``(1 + k) / (1 + permutations)`` where ``k``
        counts shuffles whose z is at least the observed one (``p_empirical``). A few
        hundred shuffles cannot show a p-value below ``1 / (1 + permutations)``, too coarse
        for thousands of terms, so ``p_value`` reads the observed z against a normal curve
        fitted to that term's shuffled z-scores (their mean and standard deviation); then
        a Benjamini–Hochberg q-value within each group. Only with ``against="rest"``.
    fdr : the false-discovery rate for ``beats_null`` (q-value at most this).
    seed : the shuffles' random seed (results are reproducible).

    Returns
    -------
    DataFrame
        One row per group, other and term that the group uses at least once:

        ``group``: the group (a value of ``by``); ``other``: ``"rest"`` or the other group;
        ``term``: the word or n-gram; ``count``, ``count_other``: how often each side uses it;
        ``per_1000``, ``per_1000_other``: the same per 1,000 terms of that side;
        ``prior``: ``a_w``; ``log_odds``: ``delta_w`` (positive: more typical of ``group``);
        ``z``: the z-score; ``n_outlets``: outlets of the group that use the term;
        ``top_outlet`` and ``top_outlet_share``: the outlet with most of the group's uses
        and its share; ``house_style``: True when one outlet of a several-outlet group
        gives at least 80% of the uses; ``p_value``, ``q_value`` and ``beats_null`` (see
        ``permutations``; empty when not tested). Sorted by group, other, then ``z`` from
        high to low. ``.attrs["null"]`` says how the null was made and on how many units.

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
    if case not in ("lower", "acronyms"):
        raise ValueError(f"case must be 'lower' or 'acronyms', not {case!r}")
    if forms not in ("words", "lemmas"):
        raise ValueError(f"forms must be 'words' or 'lemmas', not {forms!r}")
    if not isinstance(permutations, int | np.integer) or permutations < 0:
        raise ValueError(f"permutations must be a whole number of 0 or more, not {permutations!r}")
    labels = group_labels(corpus, by)
    require_groups(labels, describe_groups(by))

    owner, terms = _article_terms(corpus.loc[labels.index, "text"], case=case, forms=forms)
    owner, terms = _ngram_terms(owner, terms, ngram, stopword_set(stopwords))
    group_codes, group_names = pd.factorize(labels.to_numpy(), sort=True)
    if "outlet" in corpus.columns:
        outlet_codes, outlet_names = pd.factorize(
            corpus.loc[labels.index, "outlet"].astype(str).to_numpy(), sort=True)
    else:  # pasted texts without outlets: each article its own outlet
        outlet_codes = np.arange(len(labels))
        outlet_names = np.array([str(i) for i in range(len(labels))], dtype=object)
    outlets_per_group = pd.Series(outlet_codes).groupby(group_codes).nunique()
    several = bool((outlets_per_group > 1).any())
    if min_outlets is None:
        min_outlets = 2 if several else 1
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

    # per (group, term): outlets using it, and the share of its top outlet
    o_key = outlet_codes[owner].astype(np.int64) * n_terms + term_codes
    o_counted = pd.Series(o_key).value_counts(sort=False)
    by_outlet = pd.DataFrame({
        "o": (o_counted.index.to_numpy() // max(n_terms, 1)).astype(np.int64),
        "t": (o_counted.index.to_numpy() % max(n_terms, 1)).astype(np.int64),
        "y": o_counted.to_numpy().astype(np.float64),
    })
    group_of_outlet = pd.Series(group_codes).groupby(outlet_codes).first()
    by_outlet["g"] = group_of_outlet.reindex(by_outlet["o"]).to_numpy()
    spread = by_outlet.sort_values("y", ascending=False, kind="stable").groupby(
        ["g", "t"], sort=False).agg(n_outlets=("o", "size"), top=("o", "first"),
                                    top_y=("y", "first"))

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
        info = spread.loc[i].reindex(t) if i in spread.index.get_level_values(0) else None
        n_out = info["n_outlets"].fillna(0).to_numpy() if info is not None else np.zeros(len(t))
        for other, y_j, n_j in others:
            # a group of one outlet cannot spread a word over two
            need = min(min_outlets, int(outlets_per_group.get(i, 1)))
            keep = (y_i + y_j >= min_count) & (n_out >= need)
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
                    "n_outlets": n_out[keep].astype(np.int64),
                    "top_outlet": outlet_names[info["top"].to_numpy()[keep].astype(np.int64)]
                    if info is not None else [],
                    "top_outlet_share": info["top_y"].to_numpy()[keep] / y_i[keep]
                    if info is not None else [],
                    "_g": i,
                    "_t": t[keep],
                }
            )
            part = part.sort_values(["z", "term"], ascending=[False, True], kind="stable")
            parts.append(part)
    columns = ["group", "other", "term", "count", "count_other", "per_1000",
               "per_1000_other", "prior", "log_odds", "z", "n_outlets", "top_outlet",
               "top_outlet_share", "house_style", "p_value", "p_empirical", "q_value",
               "beats_null"]
    if not parts:
        return pd.DataFrame(columns=columns)
    table = pd.concat(parts, ignore_index=True)
    multi = {g: bool(outlets_per_group.get(k, 1) > 1) for k, g in enumerate(group_names)}
    table["house_style"] = (
        (table["top_outlet_share"].astype(float).to_numpy() >= HOUSE_STYLE_SHARE)
        & table["group"].map(multi).astype(bool).to_numpy())
    units = outlet_codes if several else np.arange(len(labels))
    unit_groups = (pd.Series(group_codes).groupby(units).first().to_numpy() if several
                   else group_codes)
    null = {"permutations": 0, "unit": "outlet" if several else "article",
            "units": len(unit_groups)}
    if permutations and against == "rest" and len(table):
        unit_of_token = units[owner]
        p, empirical = _permutation_p(table, unit_of_token, term_codes, unit_groups, n_groups,
                                      n_terms, a_w, a_0, total, permutations, seed)
        table["p_value"] = p.astype(float)
        table["p_empirical"] = empirical
        table["q_value"] = table.groupby("group", sort=False)["p_value"].transform(_bh)
        table["beats_null"] = table["q_value"] <= fdr
        null["permutations"] = int(permutations)
    else:
        table["p_value"] = np.nan
        table["p_empirical"] = np.nan
        table["q_value"] = np.nan
        table["beats_null"] = False
    if top:
        table = table.groupby(["group", "other"], sort=False, group_keys=False).head(top)
    table = table[columns].reset_index(drop=True)
    table.attrs["null"] = null | {"fdr": fdr, "beats_null": int(table["beats_null"].sum())}
    return table


#: A term is "house style" when one outlet gives at least this share of its group's uses.
HOUSE_STYLE_SHARE = 0.8


def _permutation_p(table, unit_of_token, term_codes, unit_groups, n_groups, n_terms,
                   a_w, a_0, total, permutations, seed) -> np.ndarray:
    """Empirical one-sided p-values of ``table``'s z-scores under shuffled group labels."""
    key = unit_of_token.astype(np.int64) * n_terms + term_codes
    counted = pd.Series(key).value_counts(sort=False)
    u = (counted.index.to_numpy() // max(n_terms, 1)).astype(np.int64)
    t = (counted.index.to_numpy() % max(n_terms, 1)).astype(np.int64)
    y = counted.to_numpy().astype(np.float64)
    unit_total = np.bincount(u, weights=y, minlength=len(unit_groups))
    g_obs = table["_g"].to_numpy()
    t_obs = table["_t"].to_numpy()
    z_obs = table["z"].to_numpy()
    term_total = np.bincount(t, weights=y, minlength=n_terms)
    rng = np.random.default_rng(seed)
    exceed = np.zeros(len(table), dtype=np.int64)
    total_z = np.zeros(len(table))
    total_z2 = np.zeros(len(table))
    for _ in range(permutations):
        shuffled = rng.permutation(unit_groups)
        counts = np.bincount(shuffled[u] * n_terms + t, weights=y,
                             minlength=n_groups * n_terms)
        n_i = np.bincount(shuffled, weights=unit_total, minlength=n_groups)
        y_i = counts[g_obs * n_terms + t_obs]
        y_j = term_total[t_obs] - y_i
        _, z = _log_odds(y_i, y_j, n_i[g_obs], total - n_i[g_obs], a_w[t_obs], a_0)
        exceed += z >= z_obs - 1e-12
        total_z += z
        total_z2 += z * z
    empirical = (1 + exceed) / (1 + permutations)
    # A few hundred shuffles cannot give a p-value below 1/(1 + permutations), too coarse
    # for a false-discovery rate over thousands of terms. So each term's shuffled z-scores
    # are summarised by their mean and spread, and the observed z is read against that
    # normal curve (the term's own null, fitted from the shuffles).
    mean = total_z / permutations
    spread = np.sqrt(np.maximum(total_z2 / permutations - mean * mean, 0.0))
    with np.errstate(divide="ignore", invalid="ignore"):
        standard = (z_obs - mean) / spread
    tail = 0.5 * _erfc(standard / np.sqrt(2.0))
    return np.where(spread > 0, tail, empirical), empirical


_erfc = np.frompyfunc(math.erfc, 1, 1)


def _bh(p: pd.Series) -> pd.Series:
    """Benjamini–Hochberg q-values of the p-values ``p`` (one family).

    >>> _bh(pd.Series([0.01, 0.04, 0.03, 0.2])).round(3).tolist()
    [0.04, 0.053, 0.053, 0.2]
    """
    values = p.to_numpy(dtype=float)
    n = len(values)
    if not n:
        return p
    order = np.argsort(values)
    ranked = values[order] * n / np.arange(1, n + 1)
    q = np.minimum.accumulate(ranked[::-1])[::-1]
    out = np.empty(n)
    out[order] = np.minimum(q, 1.0)
    return pd.Series(out, index=p.index)


def word_forms(word: str) -> list[str]:
    """The singular and plural forms :func:`kwic` looks for when given ``word``.

    English regular plurals only: ``-s``, ``-es`` and ``-y``/``-ies``, both ways. A form
    that is not a word of the text simply finds nothing.

    >>> word_forms("missile"), word_forms("policies"), word_forms("box")
    (['missile', 'missiles'], ['policies', 'policy'], ['box', 'boxes'])
    """
    forms = {word}
    if word.endswith("ies") and len(word) > 4:
        forms.add(word[:-3] + "y")
    elif word.endswith("es") and len(word) > 3:
        forms |= {word[:-2], word[:-1]}
    elif word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        forms.add(word[:-1])
    elif word.endswith("y") and len(word) > 2 and word[-2] not in "aeiou":
        forms.add(word[:-1] + "ies")
    elif word.endswith(("s", "x", "z", "ch", "sh")):
        forms.add(word + "es")
    else:
        forms.add(word + "s")
    return sorted(forms)


class _Wanted:
    """One word of a :func:`kwic` search: its forms, or a ``*`` pattern."""

    def __init__(self, chunk: str, *, forms: bool) -> None:
        if "*" in chunk:
            parts = [as_term(p) if p else "" for p in chunk.split("*")]
            self.pattern = re.compile(r"\S*".join(map(re.escape, parts)) + r"\Z")
            self.forms: frozenset[str] = frozenset()
            self.capital = False
            self.shown = chunk.lower()
            self.hint = max(parts, key=len)
        else:
            self.pattern = None
            self.capital = chunk[:1].isupper()
            word = as_term(chunk)
            self.forms = frozenset(word_forms(word) if forms else [word])
            self.shown = " / ".join(sorted(self.forms, key=lambda f: (len(f), f)))
            self.hint = min(self.forms, key=len).removesuffix("y")  # in every form

    def __call__(self, term: str) -> bool:
        return (self.pattern.match(term) is not None if self.pattern is not None
                else term in self.forms)


def _wanted_words(term: str, forms: bool | None) -> list[_Wanted]:
    wanted: list[_Wanted] = []
    for chunk in term.split():
        if "*" in chunk and re.search(r"\w", chunk):
            wanted.append(_Wanted(chunk.strip(".,;:!?\"'()"), forms=False))
            continue
        wanted += [_Wanted(word, forms=False) for word in WordTokenizer().tokenize(chunk)]
    last = wanted[-1] if wanted else None
    if last is not None and last.pattern is None:
        # the last word of a phrase takes its plural ("cold war" finds "cold wars"); a
        # capitalised word is a name ("Russia" does not find "Russians")
        word = min(last.forms)
        if forms or (forms is None and word == word.lower() and not last.capital):
            wanted[-1] = _Wanted(word, forms=True)
    return wanted


def kwic(
    corpus: pd.DataFrame,
    term: str,
    *,
    window: int = 40,
    by: str | None = None,
    forms: bool | None = None,
) -> pd.DataFrame:
    """Keyword in context: every place a term occurs, with the text either side.

    The term is matched the way :func:`distinctive_words` counts it: word by word, ignoring
    case, curly versus straight quotes and a possessive ``'s`` ("russia" finds "Russia's"). A
    phrase ("cold war") matches those words in a row. A lower-case (last) word also finds its
    singular or plural ("missile" finds "missiles", "policy" finds "policies"; see
    :func:`word_forms`); a capitalised word is taken as a name and matched as written. A
    ``*`` stands for any letters: "hunt*" finds "hunt", "hunted", "hunting".

    Parameters
    ----------
    corpus : articles, with ``article_id``, ``outlet`` and ``text``.
    term : a word or phrase, e.g. a ``term`` from :func:`distinctive_words`.
    window : characters of context on each side (line breaks shown as spaces).
    by : another column to show and sort by, e.g. ``"leaning"``.
    forms : ``True`` to look for the singular and plural of the (last) word, ``False`` for
        the words exactly as given, ``None`` (default) for forms of a lower-case word only.

    Returns
    -------
    DataFrame
        One row per occurrence: ``article_id, outlet`` (and ``by``), ``left``, ``match``
        (the words as written), ``right``, ``start``, ``end`` (offsets of the match in the
        article's text). In corpus order, then by position. ``.attrs["searched"]`` says
        what was looked for, e.g. ``"missile / missiles"`` or ``"hunt*"``.

    >>> from analysis import from_texts
    >>> kwic(from_texts({"A": "Moscow spoke of a new Cold War. Russia’s cold-war talk."}),
    ...      "cold war", window=10)
      article_id outlet       left     match       right  start  end
    0        a-1      A  of a new   Cold War  . Russia’s     22   30
    >>> found = kwic(from_texts({"A": "A missile, then two missiles."}), "missile")
    >>> found["match"].tolist(), found.attrs["searched"]
    (['missile', 'missiles'], 'missile / missiles')
    """
    extra = [by] if by and by != "outlet" else []
    require_columns(corpus, ["article_id", "outlet", "text", *extra], "kwic")
    wanted = _wanted_words(term, forms)
    if not wanted:
        raise ValueError(f"kwic needs a term with at least one word, not {term[:60]!r}")
    n = len(wanted)
    rows = []
    for row in corpus[["article_id", "outlet", "text", *extra]].itertuples(index=False):
        text = row.text
        folded = normalize(text).lower()
        if not all(w.hint in folded for w in wanted):  # cheap filter before tokenising
            continue
        spans = word_spans(text)
        found = [as_term(text[s:e]) for s, e in spans]
        for k in range(len(found) - n + 1):
            if all(w(t) for w, t in zip(wanted, found[k : k + n], strict=True)):
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
    out = out.astype({"start": "int64", "end": "int64"})
    out.attrs["searched"] = " ".join(
        w.shown if len(wanted) == 1 or w.pattern is not None or len(w.forms) == 1
        else f"({w.shown})" for w in wanted)
    return out


_WHITESPACE = re.compile(r"\s")


def _flat(text: str) -> str:
    """Line breaks and tabs as plain spaces (same length), for one-line context."""
    return _WHITESPACE.sub(" ", text)
