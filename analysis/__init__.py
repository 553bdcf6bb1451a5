"""Outlet Lens: see how different news outlets report the same event.

The helper package behind the notebooks. Load articles into one tidy DataFrame, then ask
who is mentioned, who speaks, in what tone, with which frames, and what one outlet reports
that another leaves out. Every function takes and returns pandas DataFrames; every score
comes with the words and sentences behind it.

>>> import analysis
>>> corpus = analysis.load_corpus(SEED_EVENT)
>>> sorted(corpus["outlet"])
['Shafaq News', 'n-tv']
"""

from .loading import CORPUS_COLUMNS, CorpusError, from_texts, load_corpus, read_event
from .tokens import (
    normalize,
    sentence_spans,
    sentence_table,
    sentences,
    text_stats,
    token_table,
    word_spans,
    words,
)

__version__ = "0.1.0"

__all__ = [
    "CORPUS_COLUMNS",
    "CorpusError",
    "from_texts",
    "load_corpus",
    "normalize",
    "read_event",
    "sentence_spans",
    "sentence_table",
    "sentences",
    "text_stats",
    "token_table",
    "word_spans",
    "words",
]
