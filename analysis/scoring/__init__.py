"""Score thousands of articles at once: one row per article with every per-article measure.

:func:`score_articles` (a DataFrame), :func:`score_file` (a file of any size, streamed) and
:func:`score_dask` (a ``dask.dataframe``, for corpora beyond one machine) all return one row
per article with the columns :func:`score_columns` lists:

* ``article_id, event, outlet, leaning, source``: which article (``source`` is the file and
  line it came from);
* ``n_words, n_sentences``: as :func:`analysis.tokens.word_spans` and
  :func:`analysis.tokens.sentence_spans` count them;
* ``mean_compound, share_negative, share_neutral, share_positive``: VADER's tone per
  sentence, summarised as in :func:`analysis.sentiment.article_sentiment` (exactly NLTK's
  scores per sentence, computed by :class:`analysis.fastvader.FastVader`);
* ``frame_<name>_n_matches``, ``frame_<name>_per_1000_words``,
  ``frame_<name>_sentence_share`` for every frame, and the same with ``marker_`` for every
  marker: the numbers of :func:`analysis.framing.frame_scores` and ``marker_scores``;
* ``n_quotes, quoted_words, quoted_word_share``: the quotes of
  :func:`analysis.quotes.find_quotes` (attributions of thought, kind ``thought``, left
  out) and the share of the article's words inside them;
* ``n_mentions`` and ``mentions_<actor>`` for every listed actor: mentions found by
  :func:`analysis.actors.find_mentions`;
* with ``mention_tone=True`` (``score --tone``; off by default, it costs about a quarter
  of the time): ``mention_tone, n_negative_mentions, n_positive_mentions`` and
  ``tone_<actor>`` for every listed actor: the tone toward each mention from the target-tone model
  (:func:`analysis.target_tone.target_tone`, read from the mention's sentence), as the mean
  of ``p_positive - p_negative`` over all mentions and per actor (NaN without a mention;
  ``mentions_<actor>`` is how many it rests on) and the numbers of mentions labelled
  negative and positive (see :func:`analysis.actor_tone.score_tone_row`).

Everything is computed article by article in one pass (the text is tokenised once and
feeds every scorer), so the result does not depend on how the corpus is cut into chunks,
on ``jobs`` or on Dask's partitions. Each measure is a heuristic (lexicons and patterns);
the evidence behind it comes from the module that defines it (``sentiment_evidence``,
``frame_evidence``, ``mention_table``, ``quote_table``), and :func:`long_scores` turns the
wide frame, marker and actor columns back into tidy tables.

Scored chunks are cached on disk (:func:`cache_dir`, outside ``data/``), keyed by a hash of
the articles and of every lexicon, actor list and scorer source file used, so a notebook
re-runs instantly and a changed lexicon is never served stale results.

>>> from analysis import from_texts
>>> scores = score_articles(from_texts({"A": "NATO allies met. The war goes on."}),
...                         cache=False)
>>> scores[["n_words", "n_sentences", "mean_compound", "frame_alliance_commitment_n_matches"]]
   n_words  n_sentences  mean_compound  frame_alliance_commitment_n_matches
0        7            2        -0.2997                                    2
"""

from .cache import cache_dir, clear_cache
from .parallel import score_dask
from .run import ScoreRun, score_articles, score_file, skipped_report_path
from .scorer import (
    KEY_COLUMNS,
    QUOTE_SCORE_COLUMNS,
    SCORER_VERSION,
    TONE_COLUMNS,
    Lexicons,
    Scorer,
    score_columns,
    scorer_sources,
)
from .streaming import DEFAULT_CHUNKSIZE, DEFAULT_MAX_CHARS, SKIPPED_COLUMNS, iter_chunks
from .tidy import long_scores

__all__ = [
    "DEFAULT_CHUNKSIZE",
    "DEFAULT_MAX_CHARS",
    "KEY_COLUMNS",
    "QUOTE_SCORE_COLUMNS",
    "SCORER_VERSION",
    "SKIPPED_COLUMNS",
    "TONE_COLUMNS",
    "Lexicons",
    "ScoreRun",
    "Scorer",
    "cache_dir",
    "clear_cache",
    "iter_chunks",
    "long_scores",
    "score_articles",
    "score_columns",
    "score_dask",
    "score_file",
    "scorer_sources",
    "skipped_report_path",
]
