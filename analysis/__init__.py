"""Outlet Lens: see how different news outlets report the same event.

The helper package behind the notebooks. Load articles into one tidy DataFrame, then ask
who is mentioned, who speaks, in what tone, with which frames, and what one outlet reports
that another leaves out. Every function takes and returns pandas DataFrames; every score
comes with the words and sentences behind it.

>>> import analysis
>>> corpus = analysis.load_corpus(analysis.sample_event())
>>> sorted(corpus["outlet"])
['Shafaq News', 'n-tv']

The modules form layers; a module imports only from its own layer or the ones below it
(``tests/test_architecture.py`` checks it, imports inside functions included, and that
there are no cycles). ``docs/architecture.md`` has the picture.

==============  ===========================================================================
leaves          errors, yamlio, resources, outputs, compat
text level      tokens, fastpunkt, fastvader
corpus level    loading, rows, cleaning, actors, quotes, sentiment, framing, comparison,
                ingest, scoring (and their helpers)
presentation    plotting, highlight, blind, report, widgets
command line    cli (and ``python -m analysis``)
==============  ===========================================================================
"""

from .cleaning import clean_corpus, furniture_table
from .errors import CorpusError, OutputError
from .loading import CORPUS_COLUMNS, from_texts, load_corpus, read_event
from .resources import sample_event
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

# The main function of each module, loaded on first use so that `import analysis` stays
# quick (trafilatura, matplotlib, ipywidgets and the lexicons load only when needed).
_LAZY = {
    "add_articles": "analysis.ingest",
    "extract_article": "analysis.ingest",
    "load_actors": "analysis.actors",
    "mention_table": "analysis.actors",
    "count_actors": "analysis.actors",
    "actors_by_outlet": "analysis.actors",
    "quote_table": "analysis.quotes",
    "voice_table": "analysis.quotes",
    "sentence_sentiment": "analysis.sentiment",
    "frame_scores": "analysis.framing",
    "distinctive_words": "analysis.comparison",
    "coverage": "analysis.comparison",
    "comparison_tables": "analysis.comparison",
    "kwic": "analysis.comparison",
    "highlight": "analysis.highlight",
    "explore": "analysis.widgets",
    "score_articles": "analysis.scoring",
    "target_tone": "analysis.target_tone",
    "mention_tone": "analysis.actor_tone",
    "actor_tone_summary": "analysis.actor_tone",
    "compare_event": "analysis.report",
}


def __getattr__(name: str):
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'analysis' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_LAZY))


__all__ = [
    "CORPUS_COLUMNS",
    "CorpusError",
    "OutputError",
    "actor_tone_summary",
    "actors_by_outlet",
    "add_articles",
    "clean_corpus",
    "compare_event",
    "comparison_tables",
    "count_actors",
    "coverage",
    "distinctive_words",
    "explore",
    "extract_article",
    "frame_scores",
    "from_texts",
    "furniture_table",
    "highlight",
    "kwic",
    "load_actors",
    "load_corpus",
    "mention_table",
    "mention_tone",
    "normalize",
    "quote_table",
    "read_event",
    "sample_event",
    "score_articles",
    "sentence_sentiment",
    "sentence_spans",
    "sentence_table",
    "sentences",
    "target_tone",
    "text_stats",
    "token_table",
    "voice_table",
    "word_spans",
    "words",
]
