"""Where the time of ``score`` goes: each stage alone, in microseconds per word, one process.

Run from the project folder::

    .venv/bin/python bench/bench_score_parts.py            # the first 300 allsides articles
    .venv/bin/python bench/bench_score_parts.py --limit 1000
    .venv/bin/python bench/bench_score_parts.py --limit 0 --check-punkt   # all, and compare

``--check-punkt`` also compares :class:`analysis.fastpunkt.FastPunkt` with NLTK's Punkt
on every block of every article read (and each whole text) and prints the differences.

Each stage runs over all the texts in turn (the tokeniser caches only the last four texts,
so one stage does not profit from the one before), as the scorer runs it; "Punkt, NLTK"
and "VADER, NLTK" are the references that ``FastPunkt`` and ``FastVader`` replace, and
"word spans" is what ``count_words`` avoids building. The scorer's stages (word count,
sentence spans, VADER cold, frames, markers, actors, quotes, target tone) add up to roughly its
single-process cost per word; ``--jobs`` divides the wall time.
"""

from __future__ import annotations

import argparse
import gzip
import itertools
import json
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpora" / "allsides-abp" / "articles.jsonl.gz"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", default=str(DEFAULT_CORPUS))
    parser.add_argument("--limit", type=int, default=300, help="articles (0: all)")
    parser.add_argument("--check-punkt", action="store_true",
                        help="compare FastPunkt's spans with NLTK's Punkt on every block")
    args = parser.parse_args()

    from nltk.tokenize.punkt import PunktSentenceTokenizer

    from analysis import tokens
    from analysis.actors import find_mentions, load_actors
    from analysis.fastvader import FastVader
    from analysis.framing import load_frames, load_markers
    from analysis.quotes import find_quotes, load_verbs
    from analysis.sentiment import make_analyzer

    with gzip.open(args.corpus, "rt", encoding="utf-8") as fh:
        texts = [json.loads(line)["text"]
                 for line in itertools.islice(fh, args.limit or None)]
    n_words = sum(len(tokens.word_spans(t)) for t in texts)

    punkt = PunktSentenceTokenizer(tokens._punkt_parameters())
    blocks = [shadow[s:e] for shadow in map(tokens._shadow, texts)
              for s, e in tokens._blocks(shadow, "auto")]
    if args.check_punkt:
        pieces = blocks + [tokens._shadow(t) for t in texts]
        differ = [p for p in pieces
                  if tokens._punkt().span_tokenize(p) != list(punkt.span_tokenize(p))]
        print(f"FastPunkt vs NLTK's Punkt: {len(pieces):,} blocks and texts, "
              f"{len(differ):,} differ")
        for piece in differ[:5]:
            print("  ", repr(piece[:200]))

    analyzer = make_analyzer()
    vader = FastVader(analyzer)
    frames, markers, verbs = load_frames(), load_markers(), load_verbs()
    actors = load_actors(event="an allsides story")  # the lists that apply to any event
    sentences = [t[s:e] for t in texts for s, e in tokens.sentence_spans(t)]
    mentions = [find_mentions(t, actors) for t in texts]

    from analysis.target_tone import load_model

    tone_model = load_model()
    tone_input = [(t, [(m.start, m.end) for m in found], tokens.sentence_spans(t))
                  for t, found in zip(texts, mentions, strict=True)]
    tone_compounds = [[vader.compound(tokens.shadow(t[s:e])) for s, e in spans]
                      for t, _m, spans in tone_input]
    n_mentions = sum(len(m) for m in mentions)

    def tone_alone(ts):
        """Mention-level tone as the scorer calls it: sentences and compounds given."""
        started = time.perf_counter()
        for (t, spans, sentences), compounds in zip(tone_input, tone_compounds, strict=True):
            if spans:
                tone_model.predict_spans(t, spans, sentences=sentences, compounds=compounds)
        return time.perf_counter() - started

    def quotes_alone(ts):
        """find_quotes as the scorer calls it, its text's sentences split beforehand."""
        seconds = 0.0
        for t, found in zip(ts, mentions, strict=True):
            tokens.sentence_spans(t)
            tokens.paragraph_spans(t)
            started = time.perf_counter()
            for q in find_quotes(t, actors, verbs=verbs, mentions=found):
                tokens.count_words(q.quote)
            seconds += time.perf_counter() - started
        return seconds

    cold = FastVader(analyzer)
    stages = [
        ("shadow text", lambda ts: [tokens._shadow(t) for t in ts]),
        ("word spans", lambda ts: [tokens.word_spans(t) for t in ts]),
        ("word count (score)", lambda ts: [tokens.count_words(t) for t in ts]),
        ("Punkt, NLTK (blocks)", lambda ts: [list(punkt.span_tokenize(b)) for b in blocks]),
        ("Punkt, FastPunkt (blocks)", lambda ts: [tokens._punkt().span_tokenize(b)
                                                  for b in blocks]),
        ("sentence spans", lambda ts: [tokens.sentence_spans(t) for t in ts]),
        ("VADER, NLTK", lambda ts: [analyzer.polarity_scores(s) for s in sentences]),
        ("VADER, FastVader (cold)", lambda ts: [cold.compound(s) for s in sentences]),
        ("VADER, FastVader (warm)", lambda ts: [vader.compound(s) for s in sentences]),
        ("frames", lambda ts: [frames.hits(t) for t in ts]),
        ("markers", lambda ts: [markers.hits(t) for t in ts]),
        ("actors (mentions)", lambda ts: [find_mentions(t, actors) for t in ts]),
        ("quotes (+ their words)", quotes_alone),
        ("target tone (cold)", tone_alone),  # new words stemmed and looked up
        ("target tone (warm)", tone_alone),
    ]
    print(f"{len(texts):,} articles, {n_words:,} words")
    print(f"{'stage':<27} {'us/word':>8} {'words/s':>12}")
    for name, run in stages:
        started = time.perf_counter()
        inner = run(texts)
        seconds = inner if isinstance(inner, float) else time.perf_counter() - started
        print(f"{name:<27} {seconds * 1e6 / n_words:>8.2f} {n_words / seconds:>12,.0f}")
        if name.startswith("target tone"):
            print(f"{'':<27} {seconds * 1e6 / max(n_mentions, 1):>8.2f} µs a mention "
                  f"({n_mentions:,} mentions, 1 per {n_words / max(n_mentions, 1):.0f} words)")


if __name__ == "__main__":
    main()
