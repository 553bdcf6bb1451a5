"""Tone: NLTK's VADER per sentence, with the words behind every score.

VADER (Hutto & Gilbert 2014) is a *lexicon and rules* scorer written for social-media text: it
looks each word up in a list of about 7,500 words rated by people from -4 (very negative) to
+4 (very positive), adjusts the value for nearby negations ("not"), boosters ("very"), ALL
CAPS, "but" and exclamation marks, adds the values up and squashes the sum into a
``compound`` score between -1 and +1. It is a heuristic: it does not understand who is doing
what to whom, and in news it reacts mostly to the *topic* ("war", "threat", "killed"). Read
its verdicts together with the evidence words this module returns.

How the kit uses it:

* **Per sentence, never per article.** VADER's compound saturates on long text (a 1,000-word
  article scores close to -1 or +1 whatever it says), so articles and outlets are described
  by the *mean sentence compound*, the *shares* of negative, neutral and positive sentences
  (the usual ±0.05 cut-offs), the most negative and most positive sentence, and an arc over
  the article (:func:`article_sentiment`, :func:`outlet_sentiment`, :func:`sentiment_arc`).
* **Exactly NLTK's scores.** Sentences are scored with NLTK's own
  ``SentimentIntensityAnalyzer`` and its rule methods; its lexicon comes offline from the
  ``vaderSentiment`` package (:func:`analysis.resources.provide_nltk_data`). Tokens and
  valences come from :class:`analysis.fastvader.FastVader`, which applies those rule
  methods about seven times faster than ``polarity_scores`` with the same result (checked
  on 132,000 news sentences and on random text; the tests compare with
  ``polarity_scores``). Build the analyzer once (:func:`make_analyzer`) and pass it around.
* **Evidence.** :func:`score_sentence` and :func:`sentiment_evidence` list the lexicon words
  of each sentence with their raw lexicon value and their valence after VADER's rules,
  computed with NLTK's own rule functions, so the valences add up to the sum behind the
  compound.
* **News adjustments** (:func:`news_adjustments`, ``data/lexicons/vader_news.yml``) are an
  explicit option, never on by default: for example neutralising "war" in a corpus about a
  war, or "united" and "justice" that mostly occur in names ("United States", "Justice
  Department").

>>> score_sentence("The war is a grave threat.")["label"]
'negative'
"""

from __future__ import annotations

import copy
import math
import os
import re
import warnings
import weakref
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any, Literal

import pandas as pd

from .compat import keyword_only
from .errors import CorpusError, require_columns
from .fastvader import FastVader, SentiText, default_analyzer
from .resources import find_resource
from .tokens import normalize, sentence_table, shadow, stopwords
from .voice import Voice, check_voice, quoted_spans, voice_of
from .yamlio import read_yaml

__all__ = [
    "SENTENCE_COLUMNS",
    "Adjustments",
    "actor_tone",
    "article_sentiment",
    "english_share",
    "label_for",
    "make_analyzer",
    "news_adjustments",
    "outlet_sentiment",
    "score_sentence",
    "sentence_sentiment",
    "sentence_tone_naming",
    "sentiment_arc",
    "sentiment_evidence",
    "warn_if_not_english",
]

#: Columns of :func:`sentence_sentiment`.
SENTENCE_COLUMNS = [
    "article_id", "outlet", "sentence_index", "start", "end", "sentence",
    "compound", "neg", "neu", "pos", "label", "voice",
]
#: Columns of the tone summaries (after their group keys).
SUMMARY_COLUMNS = [
    "n_sentences", "mean_compound", "share_negative", "share_neutral", "share_positive",
    "most_negative", "most_negative_compound", "most_positive", "most_positive_compound",
]
EVIDENCE_COLUMNS = [
    "article_id", "outlet", "sentence_index", "start", "end", "word",
    "lexicon_value", "valence", "note",
]

#: VADER's conventional cut-offs: compound >= 0.05 is positive, <= -0.05 negative.
THRESHOLD = 0.05

#: ``{word: value}``; a value of 0 or None removes the word from the lexicon.
Adjustments = Mapping[str, float | None]
AdjustmentSpec = Adjustments | str | os.PathLike[str] | Sequence[str | os.PathLike[str]] | None

NEWS_ADJUSTMENTS_FILE = "vader_news.yml"


# --- the analyzer ------------------------------------------------------------------------


def make_analyzer(adjustments: AdjustmentSpec = None):
    """NLTK's ``SentimentIntensityAnalyzer`` with VADER's lexicon, optionally adjusted.

    Build it once and pass it to the functions here (building reads the 7,500-word lexicon).
    Without ``adjustments`` the result is a shared instance: do not change its ``lexicon``.

    Parameters
    ----------
    adjustments : None (NLTK's lexicon unchanged), a ``{word: value}`` mapping, the name
        of a set in ``data/lexicons/vader_news.yml`` (``"names"``, ``"security-topic"``),
        a path to a YAML file in that format, or a list of those. A value of 0 or None
        removes the word, so VADER scores it like any word it does not know; other values
        (between -4 and 4) replace or add the word's rating.

    >>> make_analyzer().polarity_scores("The war is a grave threat.")["compound"]
    -0.872
    >>> make_analyzer({"war": 0}).polarity_scores("The war is a grave threat.")["compound"]
    -0.7184
    """
    return _analyzer(None, adjustments)


def _analyzer(analyzer, adjustments: AdjustmentSpec):
    """``analyzer`` (or the shared default) with ``adjustments`` applied to a copy."""
    base = analyzer if analyzer is not None else default_analyzer()
    table = _resolve_adjustments(adjustments)
    if not table:
        return base
    adjusted = copy.copy(base)
    adjusted.lexicon = _adjusted_lexicon(base.lexicon, table)
    return adjusted


def _adjusted_lexicon(lexicon: Mapping[str, float], table: Adjustments) -> dict[str, float]:
    out = dict(lexicon)
    for word, value in table.items():
        if value is None or value == 0:
            out.pop(word, None)
        else:
            out[word] = float(value)
    return out


def news_adjustments(
    *sets: str, path: str | os.PathLike[str] | None = None
) -> dict[str, float | None]:
    """The word adjustments of the named sets in a VADER adjustment file.

    The file (default ``data/lexicons/vader_news.yml``) has ``sets:``, each a mapping with a
    ``description`` and ``words: {word: value}``; see the file for the format. With no
    ``sets``, every set in the file is merged.

    >>> news_adjustments("names")["united"] is None
    True
    """
    file = find_resource(f"lexicons/{NEWS_ADJUSTMENTS_FILE}", path)
    content = read_yaml(file)
    found = content.get("sets") if isinstance(content, dict) else None
    if not isinstance(found, dict) or not found:
        raise CorpusError("expected 'sets:', a mapping of set names to word adjustments",
                          file=file, field="sets")
    wanted = sets or tuple(found)
    out: dict[str, float | None] = {}
    for name in wanted:
        if name not in found:
            raise CorpusError(
                f"has no adjustment set {name!r}; it has {', '.join(map(repr, found))}",
                file=file, field=name)
        out.update(_check_adjustment_set(found[name], file=file, name=name))
    return out


def _check_adjustment_set(entry: Any, *, file: Path, name: str) -> dict[str, float | None]:
    table = entry.get("words") if isinstance(entry, dict) else None
    if not isinstance(table, dict) or not table:
        raise CorpusError("expected 'words:', a non-empty mapping of word to value",
                          file=file, field=f"{name}.words")
    return _check_table(table, where=f"{file}, set {name!r}")


def _check_table(table: Mapping[Any, Any], *, where: str) -> dict[str, float | None]:
    out: dict[str, float | None] = {}
    for word, value in table.items():
        if not isinstance(word, str) or not word.strip() or word != word.strip().lower():
            raise CorpusError(f"{where}: adjusted words must be lower-case text, found {word!r}")
        ok = value is None or (
            isinstance(value, int | float) and not isinstance(value, bool)
            and math.isfinite(value) and -4 <= value <= 4
        )
        if not ok:
            raise CorpusError(
                f"{where}: the value for {word!r} must be a number from -4 to 4 or null "
                f"(null or 0 removes the word), found {value!r}")
        out[word] = None if value is None else float(value)
    return out


def _resolve_adjustments(spec: AdjustmentSpec) -> dict[str, float | None]:
    if spec is None:
        return {}
    if isinstance(spec, Mapping):
        return _check_table(spec, where="adjustments")
    items = [spec] if isinstance(spec, str | os.PathLike) else list(spec)
    out: dict[str, float | None] = {}
    for item in items:
        text = os.fspath(item)
        if isinstance(item, os.PathLike) or text.endswith((".yml", ".yaml")):
            out.update(news_adjustments(path=item))
        else:
            out.update(news_adjustments(text))
    return out


def label_for(compound: float) -> Literal["negative", "neutral", "positive"]:
    """VADER's convention: >= 0.05 positive, <= -0.05 negative, neutral in between.

    >>> [label_for(x) for x in (-0.05, 0.0, 0.0499, 0.05)]
    ['negative', 'neutral', 'neutral', 'positive']
    """
    if compound >= THRESHOLD:
        return "positive"
    if compound <= -THRESHOLD:
        return "negative"
    return "neutral"


# --- one sentence, with evidence ----------------------------------------------------------

_NONSPACE = re.compile(r"\S+")


_FAST: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def _fast(analyzer) -> FastVader:
    """The :class:`~analysis.fastvader.FastVader` of ``analyzer`` (one per analyzer)."""
    vader = _FAST.get(analyzer)
    if vader is None:
        vader = _FAST[analyzer] = FastVader(analyzer)
    return vader


def _valences(analyzer, text: str):
    """NLTK's ``polarity_scores``, keeping each token's valence.

    :class:`~analysis.fastvader.FastVader` computes VADER's tokens and their valences after
    NLTK's rules (negation, boosters, ALL CAPS, "but") with NLTK's own rule methods, so the
    scores are exactly NLTK's; tests compare them with ``polarity_scores`` on real and
    random text. Returns ``(sentitext, first_index, sentiments, scores)``.

    The text is read through :func:`analysis.tokens.shadow` first: curly quotes,
    apostrophes and dashes become plain ones (the length stays the same), because NLTK's
    VADER strips only ASCII punctuation from a word, so "“proud”" would not be found in the
    lexicon while '"proud"' is. The scores are exactly NLTK's on that plain text.
    """
    text = shadow(text)
    vader = _fast(analyzer)
    tokens = vader.tokens(text)
    final = vader.valences(text)
    scores = analyzer.score_valence(list(final), text)
    first_index: dict[str, int] = {}
    for idx, token in enumerate(tokens):
        first_index.setdefault(token, idx)
    return SentiText(tokens), first_index, final, scores


def _polarity(analyzer, text: str) -> dict[str, float]:
    """Equal to ``analyzer.polarity_scores(text)``, faster (see :func:`_valences`)."""
    return _valences(analyzer, text)[3]


def _token_spans(text: str, tokens: Sequence[str]) -> list[tuple[int, int]]:
    """Offsets of VADER's tokens: the white-space pieces of 2+ characters, punctuation cut."""
    pieces = [m.span() for m in _NONSPACE.finditer(text) if m.end() - m.start() > 1]
    spans = []
    for (s, e), token in zip(pieces, tokens, strict=False):
        raw = text[s:e]
        if raw != token and raw.endswith(token) and not raw.startswith(token):
            s = e - len(token)
        spans.append((s, s + len(token)))
    return spans


def _note(analyzer, sentitext, first_index, item: str, final: float,
          but_at: int | None = None) -> str:
    """A short account of the VADER rules that touched one token (descriptive only).

    ``but_at`` is the index of the sentence's first "but" (-1 for none); a caller noting
    many tokens of one sentence passes it, so that it is found once, not once per token.
    """
    constants = analyzer.constants
    tokens = sentitext.words_and_emoticons
    i = first_index[item]
    notes = []
    if item.isupper() and sentitext.is_cap_diff:
        notes.append("ALL CAPS")
    for k in range(3):
        if i <= k:
            break
        before = tokens[i - k - 1]
        if before.lower() in analyzer.lexicon:
            continue
        boost = constants.BOOSTER_DICT.get(before.lower())
        if boost:
            notes.append(f"{'boosted' if boost > 0 else 'dampened'} by {before!r}")
        if constants.negated([before]):
            notes.append(f"negated by {before!r}")
    if but_at is None:
        but_at = _first_but(tokens)
    if but_at >= 0 and final:
        b = but_at
        if i < b:
            notes.append("before 'but' (x0.5)")
        elif i > b:
            notes.append("after 'but' (x1.5)")
    return "; ".join(notes)


def _first_but(tokens: Sequence[str]) -> int:
    return next((k for k, t in enumerate(tokens) if t.lower() == "but"), -1)


@keyword_only("analyzer")
def score_sentence(text: str, *, analyzer=None) -> dict[str, Any]:
    """VADER's scores for one sentence, with the words that produced them.

    Returns ``compound, neg, neu, pos`` (exactly NLTK's ``polarity_scores``), ``label``
    (:func:`label_for`) and ``evidence``: one dict per lexicon word in the sentence with
    ``word``, ``start``, ``end`` (offsets in ``text``), ``lexicon_value`` (VADER's rating),
    ``valence`` (its contribution after VADER's rules for negation, boosters, ALL CAPS and
    "but") and ``note`` (which rules applied). The valences add up to the sum that VADER
    squashes into the compound (``s / sqrt(s**2 + 15)``, after adding emphasis for ``!``
    and ``?``). Heuristic: VADER does not understand the sentence.

    >>> result = score_sentence("The war is not a good sign.")
    >>> result["compound"], result["label"]
    (-0.7435, 'negative')
    >>> [(e["word"], e["lexicon_value"], round(e["valence"], 3), e["note"])
    ...  for e in result["evidence"]]
    [('war', -2.9, -2.9, ''), ('good', 1.9, -1.406, "negated by 'not'")]

    Typographic quotes do not hide a word (NLTK's VADER alone gives 0 here):

    >>> score_sentence("They were “dishonest and hypocritical,” he said.")["compound"]
    -0.5719
    """
    analyzer = analyzer if analyzer is not None else default_analyzer()
    sentitext, first_index, final, scores = _valences(analyzer, text)
    tokens = sentitext.words_and_emoticons
    but_at = _first_but(tokens)
    evidence = []
    for (start, end), token, valence in zip(
        _token_spans(shadow(text), tokens), tokens, final, strict=False
    ):
        raw = analyzer.lexicon.get(token.lower())
        if raw is None and not valence:
            continue
        evidence.append({
            "word": token,
            "start": start,
            "end": end,
            "lexicon_value": raw if raw is not None else float("nan"),
            "valence": float(valence),
            "note": _note(analyzer, sentitext, first_index, token, valence, but_at),
        })
    return {**scores, "label": label_for(scores["compound"]), "evidence": evidence}


# --- English check ----------------------------------------------------------------------


def english_share(text: str) -> float:
    """Share of the words in ``text`` that are English stopwords (NaN without words).

    A cheap language check: the 8,368 English articles of the allsides-abp corpus score
    0.22 to 0.60 (median 0.43); German, Dutch, French and Spanish news paragraphs score
    0.02 to 0.08 (a few words such as "die", "in" and "is" are English stopwords too).
    :func:`warn_if_not_english` warns below 0.15.

    >>> english_share("The talks were held in the capital.")  # the, were, in, the
    0.5714285714285714
    >>> english_share("Die Gespräche fanden in der Hauptstadt statt.")  # in
    0.14285714285714285
    """
    share, _ = _stopword_share(text)
    return share


def _stopword_share(text: str) -> tuple[float, int]:
    """(share of stopwords, number of words) in ``text``."""
    tokens = _LETTER_WORDS.findall(normalize(text).lower())
    if not tokens:
        return float("nan"), 0
    stop = stopwords()
    return sum(t in stop for t in tokens) / len(tokens), len(tokens)


#: Words for the language check: runs of letters, with an apostrophe inside ("don't").
_LETTER_WORDS = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)*")
#: The language check reads this many characters of each article at most.
_SAMPLE_CHARS = 3000


def warn_if_not_english(
    corpus: pd.DataFrame, *, what: str = "VADER's lexicon", threshold: float = 0.15,
    min_words: int = 20,
) -> list[str]:
    """Warn about articles that do not look English; return their ids.

    An article of at least ``min_words`` words whose :func:`english_share` (over its first
    3,000 characters) is below
    ``threshold`` triggers one ``UserWarning`` naming the articles, because the kit's
    lexicons (VADER's, the frame and marker lists) are English.

    >>> from analysis import from_texts
    >>> warn_if_not_english(from_texts({"A": "The talks began in the capital."}))
    []
    """
    require_columns(corpus, ["article_id", "text"], "warn_if_not_english")
    flagged = []
    for article_id, text in zip(corpus["article_id"], corpus["text"], strict=True):
        share, n_words = _stopword_share(text[:_SAMPLE_CHARS])
        if n_words >= min_words and share < threshold:
            flagged.append(str(article_id))
    if flagged:
        shown = ", ".join(flagged[:5]) + (f" and {len(flagged) - 5} more" if len(flagged) > 5
                                          else "")
        warnings.warn(
            f"{len(flagged)} article(s) do not look like English ({shown}): {what} is "
            "English, so their scores mean little. Translate them or leave them out.",
            UserWarning, stacklevel=3,
        )
    return flagged


# --- corpus level -----------------------------------------------------------------------


def _warn_empty_articles(corpus: pd.DataFrame, sentences: pd.DataFrame) -> None:
    empty = sorted(set(map(str, corpus["article_id"])) - set(map(str, sentences["article_id"])))
    if empty:
        warnings.warn(
            f"{len(empty)} article(s) have no sentences and get no rows: {', '.join(empty[:5])}",
            UserWarning, stacklevel=3,
        )


def _scored_sentences(corpus: pd.DataFrame, what: str) -> pd.DataFrame:
    require_columns(corpus, ["article_id", "outlet", "text"], what)
    warn_if_not_english(corpus, what="VADER's lexicon")
    sentences = sentence_table(corpus)
    _warn_empty_articles(corpus, sentences)
    return sentences


def sentence_sentiment(
    corpus: pd.DataFrame, *, adjustments: AdjustmentSpec = None, analyzer=None,
    voice: Voice = "all",
) -> pd.DataFrame:
    """VADER's scores for every sentence of every article.

    Columns :data:`SENTENCE_COLUMNS`: ``article_id, outlet, sentence_index, start, end,
    sentence, compound, neg, neu, pos, label, voice``; ``start``/``end`` index the article
    text. The scores equal NLTK's ``analyzer.polarity_scores(sentence)`` on the sentence
    with plain quotes and dashes (computed with its rule methods, see the module notes).
    ``voice`` is ``"quoted"`` when most of the sentence is a quote or reported speech, else
    ``"outlet"`` (the outlet's own words; see :mod:`analysis.voice`). Warns about articles
    that have no sentences or do not look English.

    Parameters
    ----------
    adjustments : word adjustments for news (see :func:`make_analyzer`); off by default.
    analyzer : an analyzer from :func:`make_analyzer`, built once and reused.
    voice : ``"all"`` sentences (default), only the ``"outlet"``'s own or only the
        ``"quoted"`` ones.

    >>> from analysis import from_texts
    >>> table = sentence_sentiment(from_texts({"A": "Peace talks began. The war goes on."}))
    >>> table[["sentence", "compound", "label", "voice"]]
                 sentence  compound     label   voice
    0  Peace talks began.    0.5423  positive  outlet
    1    The war goes on.   -0.5994  negative  outlet
    """
    check_voice(voice)
    analyzer = _analyzer(analyzer, adjustments)
    sentences = _scored_sentences(corpus, "sentence_sentiment")
    voices = _sentence_voices(corpus, sentences)
    cache: dict[str, dict[str, float]] = {}
    scores = []
    for sentence in sentences["sentence"]:
        found = cache.get(sentence)
        if found is None:
            found = cache[sentence] = _polarity(analyzer, sentence)
        scores.append((found["compound"], found["neg"], found["neu"], found["pos"]))
    table = pd.DataFrame(scores, columns=["compound", "neg", "neu", "pos"], dtype="float64")
    out = pd.concat([sentences, table], axis=1)
    out["label"] = [label_for(c) for c in out["compound"]]
    out["voice"] = voices
    out = out[SENTENCE_COLUMNS]
    if voice != "all":
        out = out[out["voice"] == voice].reset_index(drop=True)
    return out


def _sentence_voices(corpus: pd.DataFrame, sentences: pd.DataFrame) -> list[str]:
    """The voice of each row of ``sentences`` (a :func:`sentence_table` of ``corpus``)."""
    spans_of = {}
    for article_id, text in zip(corpus["article_id"], corpus["text"], strict=True):
        spans_of[article_id] = quoted_spans(text) if isinstance(text, str) and text else []
    return [voice_of(s, e, spans_of.get(a, [])) for a, s, e in
            zip(sentences["article_id"], sentences["start"], sentences["end"], strict=True)]


def sentiment_evidence(
    corpus: pd.DataFrame, *, adjustments: AdjustmentSpec = None, analyzer=None
) -> pd.DataFrame:
    """One row per VADER lexicon word in the corpus: the evidence behind the tone scores.

    Columns :data:`EVIDENCE_COLUMNS`: ``article_id, outlet, sentence_index, start, end,
    word, lexicon_value, valence, note``; ``start``/``end`` index the article text, so they
    can be highlighted. See :func:`score_sentence` for ``valence`` and ``note``.

    >>> from analysis import from_texts
    >>> ev = sentiment_evidence(from_texts({"A": "The war is a grave threat."}))
    >>> ev[["word", "lexicon_value", "valence"]]
         word  lexicon_value  valence
    0     war           -2.9     -2.9
    1   grave           -1.6     -1.6
    2  threat           -2.4     -2.4
    """
    analyzer = _analyzer(analyzer, adjustments)
    sentences = _scored_sentences(corpus, "sentiment_evidence")
    rows = []
    for article_id, outlet, index, offset, sentence in zip(
        sentences["article_id"], sentences["outlet"], sentences["sentence_index"],
        sentences["start"], sentences["sentence"], strict=True,
    ):
        for e in score_sentence(sentence, analyzer=analyzer)["evidence"]:
            rows.append((article_id, outlet, index, offset + e["start"], offset + e["end"],
                         e["word"], e["lexicon_value"], e["valence"], e["note"]))
    return pd.DataFrame(rows, columns=EVIDENCE_COLUMNS).astype(
        {"sentence_index": "int64", "start": "int64", "end": "int64",
         "lexicon_value": "float64", "valence": "float64"}
    )


def _tone_summary(table: pd.DataFrame, keys: list[str]) -> pd.DataFrame:
    """Mean compound, label shares and extreme sentences per group of ``keys``."""
    if table.empty:  # numeric columns stay numeric (callers rank and plot them)
        return pd.DataFrame(columns=[*keys, *SUMMARY_COLUMNS]).astype({
            c: "int64" if c == "n_sentences" else "float64" for c in SUMMARY_COLUMNS
            if c == "n_sentences" or c.startswith(("mean_", "share_")) or c.endswith("_compound")
        })
    labels = table["label"]
    frame = table.assign(
        _neg=(labels == "negative").astype("float64"),
        _neu=(labels == "neutral").astype("float64"),
        _pos=(labels == "positive").astype("float64"),
    )
    grouped = frame.groupby(keys, sort=True, dropna=False)
    out = grouped.agg(
        n_sentences=("compound", "size"),
        mean_compound=("compound", "mean"),
        share_negative=("_neg", "mean"),
        share_neutral=("_neu", "mean"),
        share_positive=("_pos", "mean"),
    )
    lowest = frame.loc[grouped["compound"].idxmin().to_numpy()]
    highest = frame.loc[grouped["compound"].idxmax().to_numpy()]
    low_ok = (lowest["label"] == "negative").to_numpy()
    high_ok = (highest["label"] == "positive").to_numpy()
    for name, rows, ok in (("most_negative", lowest, low_ok), ("most_positive", highest, high_ok)):
        out[name] = rows["sentence"].where(ok).to_numpy()
        out[f"{name}_compound"] = rows["compound"].where(ok).to_numpy()
    return out.reset_index()


def article_sentiment(sentence_table: pd.DataFrame) -> pd.DataFrame:
    """Tone per article, from :func:`sentence_sentiment`'s table.

    Columns: ``article_id, outlet, n_sentences, mean_compound, share_negative,
    share_neutral, share_positive, most_negative, most_negative_compound, most_positive,
    most_positive_compound``. ``most_negative`` is the lowest-scoring sentence if it is
    negative (compound <= -0.05), else missing (NaN); likewise ``most_positive``. The mean of
    sentence scores does not saturate on long articles the way one compound would.

    >>> from analysis import from_texts
    >>> table = sentence_sentiment(from_texts({"A": "Peace talks began. The war goes on."}))
    >>> article_sentiment(table)[["n_sentences", "mean_compound", "share_negative"]]
       n_sentences  mean_compound  share_negative
    0            2       -0.02855             0.5
    """
    require_columns(sentence_table, ["article_id", "outlet", "sentence", "compound", "label"],
             "article_sentiment")
    return _tone_summary(sentence_table, ["article_id", "outlet"])


def outlet_sentiment(sentence_table: pd.DataFrame) -> pd.DataFrame:
    """Tone per outlet, pooling the sentences of its articles.

    Columns: ``outlet, n_articles`` and the columns of :func:`article_sentiment` after
    ``outlet``. Long articles weigh more than short ones (each sentence counts once);
    average :func:`article_sentiment` yourself to weigh articles equally.

    >>> from analysis import from_texts
    >>> table = sentence_sentiment(from_texts({"A": ["Good news.", "Bad news. Sad."]}))
    >>> outlet_sentiment(table)[["outlet", "n_articles", "n_sentences", "share_negative"]]
      outlet  n_articles  n_sentences  share_negative
    0      A           2            3        0.666667
    """
    require_columns(sentence_table, ["article_id", "outlet", "sentence", "compound", "label"],
             "outlet_sentiment")
    out = _tone_summary(sentence_table, ["outlet"])
    n_articles = sentence_table.groupby("outlet", sort=True)["article_id"].nunique()
    out.insert(1, "n_articles", out["outlet"].map(n_articles).astype("int64"))
    return out


#: :func:`sentiment_arc` takes at most this many bins, or the sentences of the longest
#: article if that is more (more bins than sentences leave every extra slice empty).
MAX_ARC_BINS = 100


@keyword_only("bins")
def sentiment_arc(
    sentence_table: pd.DataFrame, *, bins: int = 5, by: Literal["article", "outlet"] = "article"
) -> pd.DataFrame:
    """Tone over the course of an article: mean compound per slice of relative position.

    Sentence ``i`` of an ``n``-sentence article (``n`` is the article's highest
    ``sentence_index`` + 1, so a filtered table keeps positions) sits at ``(i + 0.5) / n``
    and falls into
    one of ``bins`` equal slices of 0..1. Columns: ``article_id, outlet`` (or ``outlet``
    with ``by="outlet"``), ``bin`` (0-based), ``position`` (the slice's middle),
    ``mean_compound`` (NaN for a slice with no sentence, as in short articles) and
    ``n_sentences``; ``by="outlet"`` adds ``n_articles``.

    >>> from analysis import from_texts
    >>> table = sentence_sentiment(from_texts({"A": "Good news. Nothing. Bad news. Sad."}))
    >>> sentiment_arc(table, bins=2)[["bin", "position", "mean_compound", "n_sentences"]]
       bin  position  mean_compound  n_sentences
    0    0      0.25         0.2202            2
    1    1      0.75        -0.5095            2
    """
    require_columns(sentence_table, ["article_id", "outlet", "sentence_index", "compound"],
             "sentiment_arc")
    if not isinstance(bins, int) or isinstance(bins, bool) or bins < 1:
        raise ValueError(f"bins must be a whole number of 1 or more, not {bins!r}")
    if by not in ("article", "outlet"):
        raise ValueError(f"by must be 'article' or 'outlet', not {by!r}")
    keys = ["article_id", "outlet"] if by == "article" else ["outlet"]
    n = sentence_table.groupby("article_id")["sentence_index"].transform("max") + 1
    most = max(MAX_ARC_BINS, int(n.max()) if len(n) else 0)
    if bins > most:  # the table has a row per group and bin: bound it by the input
        raise ValueError(f"bins must be at most {most:,} (the sentences of the longest "
                         f"article, or {MAX_ARC_BINS}), not {bins:,}")
    position = (sentence_table["sentence_index"] + 0.5) / n
    frame = sentence_table.assign(
        bin=(position * bins).astype("int64").clip(upper=bins - 1)
    )
    agg = {"mean_compound": ("compound", "mean"), "n_sentences": ("compound", "size")}
    if by == "outlet":
        agg["n_articles"] = ("article_id", "nunique")
    stats = frame.groupby([*keys, "bin"], sort=True).agg(**agg)
    groups = frame[keys].drop_duplicates().sort_values(keys)
    grid = groups.merge(pd.DataFrame({"bin": range(bins)}), how="cross")
    out = grid.merge(stats.reset_index(), on=[*keys, "bin"], how="left")
    out.insert(len(keys) + 1, "position", (out["bin"] + 0.5) / bins)
    counts = [c for c in ("n_sentences", "n_articles") if c in out.columns]
    out[counts] = out[counts].fillna(0).astype("int64")
    return out.reset_index(drop=True)


def actor_tone(sentence_sentiment_df: pd.DataFrame, mentions_df: pd.DataFrame) -> pd.DataFrame:
    """Deprecated name of :func:`sentence_tone_naming`, which says what it is: the tone of
    the sentences naming an actor, not the tone toward it. For that, use
    :func:`analysis.actor_tone.mention_tone` and :func:`~analysis.actor_tone.actor_tone_summary`.
    """
    warnings.warn(
        "actor_tone() is the tone of the sentences naming each actor, not tone toward it; it "
        "is now called sentence_tone_naming(). For tone toward an actor use "
        "analysis.mention_tone() and analysis.actor_tone_summary().",
        FutureWarning, stacklevel=2)
    return sentence_tone_naming(sentence_sentiment_df, mentions_df)


def sentence_tone_naming(sentence_sentiment_df: pd.DataFrame,
                         mentions_df: pd.DataFrame) -> pd.DataFrame:
    """The tone of the sentences that name each actor, per outlet (VADER, sentence level).

    Not the tone *toward* the actor: "Critics slammed X for praising peace" is a mixed
    sentence whatever it says of X. For tone toward an actor, see
    :func:`analysis.actor_tone.mention_tone`.

    Joins :func:`sentence_sentiment`'s table to a mention table (``article_id, actor,
    sentence_index``, as made by ``analysis.actors.mention_table``) on article and sentence;
    a sentence that names an actor twice counts once for it. Columns: ``outlet, actor,
    n_articles`` and the tone columns of :func:`article_sentiment`. The tone is the
    sentence's, not necessarily the tone *towards* the actor.

    >>> from analysis import from_texts
    >>> table = sentence_sentiment(from_texts({"A": "Peskov warned of war. Austin spoke."}))
    >>> mentions = pd.DataFrame({"article_id": ["a-1", "a-1"], "actor": ["Peskov", "Austin"],
    ...                          "sentence_index": [0, 1]})
    >>> sentence_tone_naming(table, mentions)[["outlet", "actor", "n_sentences",
    ...                                        "mean_compound"]]
      outlet   actor  n_sentences  mean_compound
    0      A  Austin            1         0.0000
    1      A  Peskov            1        -0.7184
    """
    require_columns(sentence_sentiment_df,
             ["article_id", "outlet", "sentence_index", "sentence", "compound", "label"],
             "sentence_tone_naming (sentence table)")
    require_columns(mentions_df, ["article_id", "actor", "sentence_index"],
                    "sentence_tone_naming (mentions)")
    mentions = mentions_df[["article_id", "actor", "sentence_index"]].drop_duplicates()
    joined = sentence_sentiment_df.merge(mentions, on=["article_id", "sentence_index"])
    out = _tone_summary(joined, ["outlet", "actor"])
    if joined.empty:
        out.insert(2, "n_articles", pd.Series(dtype="int64"))
        return out
    n_articles = joined.groupby(["outlet", "actor"], sort=True)["article_id"].nunique()
    out.insert(2, "n_articles", n_articles.to_numpy())
    return out
