"""Pathological sizes: each input at 1x, 2x and 4x, every function timed; linear means ~4x.

Inputs (at 4x, the sizes the hardening issue names):

* ``one sentence``: 1,000,000 characters of news words, names and speech verbs, no full
  stop;
* ``quote marks``: 100,000 quotation marks (straight, curly pairs, unbalanced openers);
* ``punctuation runs``: 1,000,000 full stops or hyphens in a row (the word regex was
  quadratic on them before the fix in analysis/tokens.py);
* ``50 MB article``: one article file of 50 MB (paragraphs of news text) in an event folder;
* ``one-word articles``: a JSON Lines corpus of 100,000 one-word articles.

Each text differs from the last run's (a counter in it), so no cache of the last texts
(tokens, VADER) answers for it. Prints one row per input and function: seconds at each
size and the 4x/1x ratio (4 is linear, 16 quadratic).

Run: ``nice -n 19 .venv/bin/python bench/bench_pathological.py`` (about 10 minutes on
one core; ``--scale 0.1`` for a quick look, ``--only quote`` for inputs whose name holds
"quote").
"""

from __future__ import annotations

import argparse
import itertools
import json
import shutil
import sys
import tempfile
import time
import warnings
from collections.abc import Callable
from pathlib import Path

_counter = itertools.count()

NEWS = (
    "US Defense Secretary Lloyd Austin told reporters that the talks with Russian Defense "
    "Minister Andrey Belousov were useful, and the Kremlin said the risk of escalation "
    "remains very high while officials warned of a wider war"
)
PARAGRAPH = (
    'Lloyd Austin spoke with Andrey Belousov on Friday, the Pentagon said. "We discussed '
    'the importance of keeping lines of communication open," Austin told reporters. '
    "According to the Kremlin, the call was initiated by the American side. Belousov warned "
    "of the danger of further escalation, the Russian Defense Ministry announced. Officials "
    "may meet again, but the war in Ukraine was not resolved."
)


def one_sentence(n: int) -> str:
    tag = f"call{next(_counter)} "
    text = tag + " ".join(itertools.repeat(NEWS.replace(",", ""), n // len(NEWS) + 1))
    return text[:n]


def quote_marks(n: int) -> dict[str, str]:
    tag = f"q{next(_counter)} "
    return {
        "straight": tag + '"' * n,
        "curly pairs": tag + "\u201ca\u201d " * (n // 2),
        "unbalanced": tag + "\u201c" * n,
    }


def punctuation_runs(n: int) -> dict[str, str]:
    tag = f"p{next(_counter)} "
    return {"full stops": tag + "." * n, "hyphens": tag + "-" * n}


def article_folder(n_bytes: int, root: Path) -> Path:
    event = root / f"event-{next(_counter)}"
    event.mkdir()
    (event / "event.yml").write_text("title: Pathological event\n", encoding="utf-8")
    paragraphs, size, k = [], 0, 0
    while size < n_bytes:
        p = f"{PARAGRAPH} (Update {k}.)"
        paragraphs.append(p)
        size += len(p) + 2
        k += 1
    (event / "big.md").write_text(
        "---\noutlet: Big Outlet\ntitle: A very long article\n---\n" + "\n\n".join(paragraphs)
        + "\n", encoding="utf-8")
    return event


def one_word_corpus(n: int, root: Path) -> Path:
    words = ["peace", "war", "Austin", "talks", "Kremlin", "good", "said", "the", "Belousov",
             "escalation"]
    path = root / f"words-{next(_counter)}.jsonl"
    with open(path, "w", encoding="utf-8") as fh:
        for i in range(n):
            fh.write(json.dumps({"outlet": f"Outlet {i % 7}", "text": words[i % 10]}) + "\n")
    return path


def text_functions() -> dict[str, Callable[[str], object]]:
    from analysis import actors, cleaning, framing, quotes, sentiment, tokens

    seed = actors.load_actors(event="2024-07-12-austin-belousov-call")
    return {
        "tokens.word_spans": lambda t: tokens.word_spans(t, punct=True),
        "tokens.sentence_spans": tokens.sentence_spans,
        "actors.find_mentions": lambda t: actors.find_mentions(t, seed),
        "quotes.find_quotes": lambda t: quotes.find_quotes(t, seed),
        "sentiment.score_sentence": sentiment.score_sentence,
        "framing.find_frame_terms": framing.find_frame_terms,
        "framing.find_markers": framing.find_markers,
        "cleaning.find_furniture": cleaning.find_furniture,
    }


def corpus_functions() -> dict[str, Callable]:
    from analysis import (
        actors,
        cleaning,
        comparison,
        framing,
        quotes,
        scoring,
        sentiment,
        tokens,
    )

    return {
        "cleaning.clean_corpus": cleaning.clean_corpus,
        "tokens.sentence_table": tokens.sentence_table,
        "tokens.token_table": tokens.token_table,
        "tokens.text_stats": tokens.text_stats,
        "actors.mention_table": actors.mention_table,
        "quotes.quote_table": quotes.quote_table,
        "sentiment.sentence_sentiment": sentiment.sentence_sentiment,
        "framing.frame_scores": framing.frame_scores,
        "comparison.align_sentences": comparison.align_sentences,
        "comparison.distinctive_words": comparison.distinctive_words,
        "scoring.score_articles": lambda c: scoring.score_articles(c, cache=False),
    }


def _time(f: Callable, arg) -> float:
    t0 = time.perf_counter()
    f(arg)
    return time.perf_counter() - t0


def cases(scale: float, root: Path) -> list[tuple[str, list[int], Callable[[int], dict]]]:
    """``(name, sizes, make)``: ``make(size)`` gives ``{variant: (functions, argument)}``."""
    from analysis.loading import load_corpus

    def sizes(base: int) -> list[int]:
        return [max(1, int(base * scale * m)) for m in (1, 2, 4)]

    texts = text_functions()
    corpus_fns = corpus_functions()

    def as_texts(variants: dict[str, str], names: list[str] | None = None) -> dict:
        chosen = {k: texts[k] for k in (names or texts)}
        return {v: (chosen, t) for v, t in variants.items()}

    def big_article(n: int) -> dict:
        folder = article_folder(n, root)
        funcs = {"loading.load_corpus": load_corpus,
                 **{k: f for k, f in corpus_fns.items()
                    if not k.startswith(("comparison.", "scoring."))}}
        return {"": (funcs, folder)}

    def many_articles(n: int) -> dict:
        return {"": ({"loading.load_corpus": load_corpus, **corpus_fns},
                     one_word_corpus(n, root))}

    return [
        ("one sentence (chars)", sizes(250_000), lambda n: as_texts({"": one_sentence(n)})),
        ("quote marks", sizes(25_000), lambda n: as_texts(
            quote_marks(n), ["quotes.find_quotes", "tokens.word_spans",
                             "tokens.sentence_spans", "actors.find_mentions",
                             "sentiment.score_sentence"])),
        ("punctuation runs (chars)", sizes(250_000), lambda n: as_texts(
            punctuation_runs(n), ["tokens.word_spans", "tokens.sentence_spans",
                                  "quotes.find_quotes", "framing.find_frame_terms"])),
        ("50 MB article (bytes)", sizes(12_500_000), big_article),
        ("one-word articles", sizes(25_000), many_articles),
    ]


def run(scale: float = 1.0, only: str | None = None, out=sys.stdout) -> list[dict]:
    """Time every case; print a table to ``out``; return the rows."""
    from analysis.loading import load_corpus

    rows = []
    root = Path(tempfile.mkdtemp(prefix="bench-pathological-"))
    try:
        for name, sizes, make in cases(scale, root):
            if only and only not in name:
                continue
            timings: dict[tuple[str, str], list[float]] = {}
            for n in sizes:
                for variant, (funcs, arg) in make(n).items():
                    loaded = None
                    for fname, f in funcs.items():
                        if isinstance(arg, Path) and fname != "loading.load_corpus":
                            loaded = loaded if loaded is not None else load_corpus(arg)
                            seconds = _time(f, loaded)
                        else:
                            seconds = _time(f, arg)
                        timings.setdefault((variant, fname), []).append(seconds)
            print(f"\n{name}: sizes {', '.join(f'{n:,}' for n in sizes)}", file=out)
            print(f"  {'function':40} {'1x':>8} {'2x':>8} {'4x':>8}  4x/1x", file=out)
            for (variant, fname), ts in timings.items():
                ratio = ts[-1] / ts[0] if ts[0] > 0 else float("nan")
                label = f"{fname} [{variant}]" if variant else fname
                print(f"  {label:40} " + " ".join(f"{t:8.3f}" for t in ts)
                      + f"  {ratio:5.1f}", file=out, flush=True)
                rows.append({"input": name, "variant": variant, "function": fname,
                             "sizes": sizes, "seconds": ts, "ratio": ratio})
    finally:
        shutil.rmtree(root, ignore_errors=True)
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--scale", type=float, default=1.0, help="multiply every size")
    parser.add_argument("--only", help="run only inputs whose name contains this")
    args = parser.parse_args()
    warnings.simplefilter("ignore")  # language checks on one-word and synthetic texts
    print(f"Python {sys.version.split()[0]}, scale {args.scale}")
    run(args.scale, args.only)


if __name__ == "__main__":
    main()
