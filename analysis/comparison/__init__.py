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
Shafaq News       7      12
n-tv             13      23
"""

from .alignment import (
    MIN_SHARED_WORDS,
    SIMILARITY_THRESHOLD,
    VERBATIM_THRESHOLD,
    align_sentences,
    coverage,
    coverage_gaps,
    coverage_matrix,
    headlines,
)
from .groups import require_groups
from .passages import shared_passages, verbatim_share
from .stats import comparison_text_stats
from .tables import comparison_tables
from .words import Stopwords, distinctive_words, kwic

__all__ = [
    "MIN_SHARED_WORDS",
    "SIMILARITY_THRESHOLD",
    "VERBATIM_THRESHOLD",
    "Stopwords",
    "align_sentences",
    "comparison_tables",
    "comparison_text_stats",
    "coverage",
    "coverage_gaps",
    "coverage_matrix",
    "distinctive_words",
    "headlines",
    "kwic",
    "require_groups",
    "shared_passages",
    "verbatim_share",
]
