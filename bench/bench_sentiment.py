"""Words per second of tone, frame and marker scoring on the allsides-abp corpus.

Run: ``.venv/bin/python bench/bench_sentiment.py [N_ARTICLES]`` (default 1000). Prints words
per second (one core) for each step, and checks that the kit's sentence scores equal a
plain NLTK analyzer's. Needs ../shared/corpora/allsides-abp/ (says so when it is absent).
"""

from __future__ import annotations

import sys
import time
import warnings
from pathlib import Path

from analysis import load_corpus
from analysis.framing import frame_scores, load_frames, load_markers, marker_scores
from analysis.resources import provide_nltk_data
from analysis.sentiment import (
    _polarity,
    make_analyzer,
    sentence_sentiment,
    sentiment_evidence,
)
from analysis.tokens import sentence_table, word_spans

CORPUS = (Path(__file__).resolve().parents[1].parent
          / "shared/corpora/allsides-abp/articles.jsonl.gz")


def rate(label: str, n_words: int, function, *args, **kwargs):
    start = time.perf_counter()
    result = function(*args, **kwargs)
    seconds = time.perf_counter() - start
    print(f"{n_words / seconds:12,.0f} words/s  {seconds:7.2f} s  {label}")
    return result


def main(n_articles: int = 1000) -> int:
    if not CORPUS.is_file():
        print(f"skipped: {CORPUS} is not there")
        return 0
    corpus = load_corpus(CORPUS).head(n_articles).reset_index(drop=True)
    n_words = sum(len(word_spans(t)) for t in corpus["text"])
    print(f"{len(corpus):,} articles, {n_words:,} words")
    analyzer = make_analyzer()
    frames, markers = load_frames(), load_markers()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # a few empty or odd articles
        sentences = rate("sentence splitting (tokens.sentence_table)", n_words,
                         sentence_table, corpus)
        rate("NLTK polarity_scores alone, per sentence", n_words,
             lambda: [analyzer.polarity_scores(s) for s in sentences["sentence"]])
        rate("the kit's equal scorer alone (sentiment._polarity)", n_words,
             lambda: [_polarity(analyzer, s) for s in sentences["sentence"]])
        table = rate("sentence_sentiment (split + score)", n_words,
                     sentence_sentiment, corpus, analyzer=analyzer)
        rate("sentiment_evidence (split + score + words)", n_words,
             sentiment_evidence, corpus, analyzer=analyzer)
        rate("frame_scores (9 frames)", n_words, frame_scores, corpus, frames)
        rate("marker_scores (4 markers)", n_words, marker_scores, corpus, markers)

    provide_nltk_data()
    from nltk.sentiment.vader import SentimentIntensityAnalyzer

    plain = SentimentIntensityAnalyzer()
    sample = table.sample(min(len(table), 5000), random_state=1)
    same = sum(
        plain.polarity_scores(r.sentence) == {"neg": r.neg, "neu": r.neu, "pos": r.pos,
                                              "compound": r.compound}
        for r in sample.itertuples()
    )
    print(f"{same} of {len(sample)} sampled sentences score exactly as plain NLTK")
    return 0 if same == len(sample) else 1


if __name__ == "__main__":
    raise SystemExit(main(*(int(a) for a in sys.argv[1:])))
