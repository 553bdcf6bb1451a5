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

from .cleaning import clean_corpus, furniture_table
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

# Names whose modules are slow to import (trafilatura, matplotlib) load on first use.
_LAZY = {
    "add_articles": "analysis.ingest",
    "extract_article": "analysis.ingest",
    "compare_event": "analysis.report",
}


def __getattr__(name: str):
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'analysis' has no attribute {name!r}")


__all__ = [
    "CORPUS_COLUMNS",
    "CorpusError",
    "add_articles",
    "clean_corpus",
    "compare_event",
    "extract_article",
    "from_texts",
    "furniture_table",
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
