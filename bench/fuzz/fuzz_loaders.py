"""Coverage-guided fuzzing of the kit's loaders with atheris (libFuzzer for Python).

Every input is one file: its first byte picks the loader, the rest is the file's content.

====  ==========================================  =========================================
byte  file written                                 called
====  ==========================================  =========================================
0     ``<event>/article.md`` (valid event.yml)      ``load_corpus(event)``
1     ``<event>/event.yml`` (valid article)         ``load_corpus(event)``
2     ``actors.yml``                               ``read_actor_file``, ``load_actors``
3     ``frames.yml``                               ``load_frames``, ``load_markers``
4     ``corpus.csv``                               ``load_corpus``
5     ``corpus.jsonl``                             ``load_corpus``
6     ``corpus.json``                              ``load_corpus``
7     ``corpus.parquet``                           ``load_corpus``
8     ``corpus.jsonl.gz`` (the content gzipped)     ``load_corpus``
9     ``verbs.yml``                                ``quotes.load_verbs``
10    ``cleaning.yml``                             ``cleaning.load_patterns``
11    ``stream.csv``                               ``scoring.iter_chunks`` (streaming reader)
12    ``stream.jsonl``                             ``scoring.iter_chunks``
13    ``stream.parquet``                           ``scoring.iter_chunks``
14    ``stream.jsonl.gz`` (the content gzipped)     ``scoring.iter_chunks``
====  ==========================================  =========================================

"Bad input" is :class:`~analysis.loading.CorpusError` or a plain ``ValueError``; any other
exception (including ``UnicodeError`` and pandas/pyarrow subclasses of ``ValueError``) is a
crash. A loaded corpus must also hold no lone surrogates (they cannot be written as UTF-8).
Crashes are not fatal here: each distinct one (exception type and the innermost frame of
the kit) is written once to ``crashes/`` with its input and traceback, so one run finds
several. Hangs are caught by libFuzzer's ``-timeout``.

Run (one process, low priority; the other worker on this machine benchmarks speed)::

    nice -n 19 .venv/bin/python bench/fuzz/fuzz_loaders.py --seeds   # write seed inputs
    nice -n 19 .venv/bin/python bench/fuzz/fuzz_loaders.py \
        -max_total_time=600 -timeout=20 -rss_limit_mb=3000 -print_final_stats=1 \
        /tmp/fuzz-corpus bench/fuzz/seeds

Needs ``pip install atheris`` (a wheel on Linux x86-64 for CPython 3.11).
"""

from __future__ import annotations

import gzip
import io
import os
import tempfile
import warnings
from pathlib import Path

from harness import Harness

HERE = Path(__file__).resolve().parent
SEEDS = HERE / "seeds"
CRASHES = Path(os.environ.get("FUZZ_CRASHES", HERE / "crashes"))

VALID_EVENT = b"title: Fuzz event\ndate: 2024-07-12\n"
VALID_ARTICLE = (
    b"---\noutlet: Outlet A\ntitle: A title\ndate: 2024-07-12\n---\n"
    b"Lloyd Austin said \"we talked\". The Kremlin said nothing.\n"
)
TARGETS = (
    "article", "event", "actors", "frames", "csv", "jsonl", "json", "parquet", "jsonl.gz",
    "verbs", "cleaning", "stream.csv", "stream.jsonl", "stream.parquet", "stream.jsonl.gz",
)


def seed_inputs() -> dict[str, bytes]:
    """One or more valid files per target, each prefixed with its target byte."""
    import pandas as pd

    buf = io.BytesIO()
    pd.DataFrame({"outlet": ["A", "B"], "text": ["One text.", "Two\ntexts."],
                  "date": ["2024-07-12", ""], "title": ["t", "u"]}).to_parquet(buf)
    jsonl = (b'{"outlet": "A", "text": "Peace \\ud83d\\ude00 talks.", "date": "2024-07-12"}\n'
             b'{"outlet": "B", "text": "War talk.", "article_id": "b"}\n')
    files = {
        "article": VALID_ARTICLE,
        "event": VALID_EVENT + b"description: d\ncollection: c\n",
        "actors": (b"actors:\n  - name: Lloyd Austin\n    kind: person\n    aliases: [Austin]\n"
                   b"    titles: [Defense Secretary]\n  - name: Kremlin\n    kind: organisation\n"
                   b"events: all\n"),
        "frames": (b"frames:\n  conflict:\n    terms: [war, attack*, \"re:clash(es)?\"]\n"
                   b"    definition: d\n    source: s\n"),
        "csv": b"outlet,text,date\nA,\"One, text.\",2024-07-12\nB,Two,\n",
        "jsonl": jsonl,
        "json": b'[{"outlet": "A", "text": "x", "leaning": "left"}]',
        "parquet": buf.getvalue(),
        "jsonl.gz": jsonl,
        "verbs": (b"groups:\n  neutral: [say, tell]\n  confrontational: [warn]\n"
                  b"forms:\n  say: [said]\nalso_nouns: [report]\nclause_verbs: [say]\n"),
        "cleaning": b"navigation:\n  - '^Read more'\nsummary_headers: [Summary]\n",
    }
    for name in ("csv", "jsonl", "parquet", "jsonl.gz"):
        files[f"stream.{name}"] = files[name]
    return {name: bytes([TARGETS.index(name)]) + content for name, content in files.items()}


def _write(folder: Path, target: str, content: bytes) -> Path:
    if target in ("article", "event"):
        event = folder / "fuzz-event"
        event.mkdir()
        (event / "event.yml").write_bytes(content if target == "event" else VALID_EVENT)
        (event / "article.md").write_bytes(content if target == "article" else VALID_ARTICLE)
        return event
    name = {"actors": "actors.yml", "frames": "frames.yml", "verbs": "verbs.yml",
            "cleaning": "cleaning.yml"}.get(target, f"corpus.{target}")
    path = folder / name
    path.write_bytes(gzip.compress(content, mtime=0) if target.endswith("jsonl.gz")
                     else content)
    return path


def run_one(data: bytes) -> None:
    """Load one fuzz input; raise only on a crash (not on CorpusError or a plain ValueError)."""
    from analysis import actors, cleaning, framing, loading, quotes, scoring

    if not data:
        return
    target = TARGETS[data[0] % len(TARGETS)]
    content = data[1:]
    with tempfile.TemporaryDirectory(prefix="fuzz-") as tmp:
        path = _write(Path(tmp), target, content)
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                if target == "actors":
                    actors.read_actor_file(path)
                    actors.load_actors(path)
                elif target == "frames":
                    lexicon = framing.load_frames(path)
                    framing.find_frame_terms("war attack clash talks", frames=lexicon)
                elif target == "verbs":
                    quotes.load_verbs(path)
                    getattr(quotes._load_verbs, "cache_clear", lambda: None)()
                elif target == "cleaning":
                    cleaning.load_patterns(str(path))
                    getattr(cleaning.load_patterns, "cache_clear", lambda: None)()
                elif target.startswith("stream."):
                    for articles, skipped in scoring.iter_chunks(path, chunksize=4):
                        _check_corpus(articles)
                        _check_corpus(skipped)
                else:
                    corpus = loading.load_corpus(path)
                    _check_corpus(corpus)
        except loading.CorpusError:
            pass
        except ValueError as err:
            if type(err) is not ValueError:
                raise


def _check_corpus(corpus) -> None:
    for column in corpus.columns:
        for value in corpus[column]:
            if isinstance(value, str):
                value.encode("utf-8")  # UnicodeEncodeError on a lone surrogate


def _import_targets() -> None:
    import analysis.actors
    import analysis.cleaning
    import analysis.framing
    import analysis.loading
    import analysis.quotes
    import analysis.scoring  # noqa: F401


HARNESS = Harness(run_one=run_one, seed_inputs=seed_inputs, seeds=SEEDS, crashes=CRASHES,
                  targets=TARGETS, instrument=["analysis", "yaml", "csv", "json"],
                  imports=_import_targets)


if __name__ == "__main__":
    HARNESS.main()
