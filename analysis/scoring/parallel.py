"""Running chunks in this process, in a pool of processes, or on Dask's workers.

:func:`run_chunks` yields the scores of each chunk in input order, whatever ``jobs`` is;
:func:`score_dask` scores a ``dask.dataframe`` partition by partition.
"""

from __future__ import annotations

import collections
import os
import sys
import warnings
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from pathlib import Path
from typing import Any

import pandas as pd

from .cache import cache_dir, cache_file, cached_scores, read_cached, store_cached
from .scorer import Scorer, local_scorer, typed_frame
from .streaming import DEFAULT_MAX_CHARS, RowChecker, check_frame

__all__ = ["resolve_jobs", "run_chunks", "score_dask"]

_WORKER: dict[str, Any] = {}
#: The cyclic garbage collector's thresholds in the worker processes (Python's default:
#: 700, 10, 10). Scoring allocates a great many short-lived objects (tokens, tuples, regex
#: matches) but makes few reference cycles, and its caches hold hundreds of thousands of
#: long-lived ones; with the default the collector ran every 700 allocations and took
#: 1.5-2% of a worker's time, with these 0.5% (same peak memory).
WORKER_GC_THRESHOLDS = (10_000, 10, 10)


def _init_worker(scorer: Scorer, folder: Path | None) -> None:
    import gc
    import signal

    signal.signal(signal.SIGTERM, signal.SIG_DFL)  # a forked worker may inherit the CLI's
    # What the worker inherits from its parent (modules, the scorer) lives as long as it
    # does: left out of every collection (and so its pages are not copied by one after a
    # fork). The worker's own objects are collected as usual, only less often.
    gc.freeze()
    gc.set_threshold(*WORKER_GC_THRESHOLDS)
    _WORKER["scorer"] = scorer
    _WORKER["cache"] = folder


def _work(articles: pd.DataFrame) -> pd.DataFrame:
    return cached_scores(_WORKER["scorer"], articles, _WORKER["cache"])


def _score(articles: pd.DataFrame) -> pd.DataFrame:
    return _WORKER["scorer"].score_frame(articles)  # a piece of a chunk: never cached


#: Articles per piece of the first and the last chunks (see :func:`run_chunks`).
_PIECE = 25


def _submit(pool: ProcessPoolExecutor, articles: pd.DataFrame, *, pieces: bool,
            scorer: Scorer, folder: Path | None) -> tuple[list[Future], Path | None]:
    """Send a chunk to the pool: ``(futures, cache file to write here or None)``.

    A chunk goes whole (a worker scores it or reads it from the cache), unless it goes in
    ``pieces`` and is longer than :data:`_PIECE`: then its cache file is read here, or its
    pieces are scored and the joined scores are written here (:func:`_collect`), so the
    cache holds whole chunks whatever the pieces.
    """
    if not pieces or len(articles) <= _PIECE:
        return [pool.submit(_work, articles)], None
    path = cache_file(scorer, articles, folder)
    found = read_cached(path, scorer, len(articles)) if path is not None else None
    if found is not None:
        done: Future = Future()
        done.set_result(found)
        return [done], None
    return [pool.submit(_score, articles.iloc[i:i + _PIECE])
            for i in range(0, len(articles), _PIECE)], path


def _collect(futures: list[Future], path: Path | None, folder: Path | None) -> pd.DataFrame:
    """The scores of a chunk sent by :func:`_submit`: one frame, as if sent whole."""
    if len(futures) == 1:
        scores = futures[0].result()
    else:
        scores = pd.concat([f.result() for f in futures], ignore_index=True)
    if path is not None:
        store_cached(path, folder, scores)  # type: ignore[arg-type]  (a path: a folder)
    return scores


def run_chunks(chunks: Iterable[tuple[pd.DataFrame, pd.DataFrame]], scorer: Scorer, *,
               jobs: int, folder: Path | None) -> Iterator[tuple[pd.DataFrame, pd.DataFrame]]:
    """Yield ``(scores, skipped)`` per chunk, in input order, whatever ``jobs`` is.

    With several ``jobs``, the last ``jobs`` chunks go to the pool in small pieces, so that
    the workers finish together instead of one waiting while another scores a last whole
    chunk (on allsides, two workers and chunks of 250 articles: ~0.45 s of a worker's time
    idle at the end, ~0.05 s so). So does the first chunk, as soon as it is read, so that
    every worker starts at once; a chunk is otherwise sent whole once ``jobs`` more have
    been read behind it (it is not one of the last), and the workers would wait for
    those. An article's scores do not depend on the others of its chunk, so the rows are
    the same; the cache still holds whole chunks (:func:`_submit`).
    """
    if jobs <= 1:
        for articles, skipped in chunks:
            yield cached_scores(scorer, articles, folder), skipped
        return
    import multiprocessing

    # Linux: fork, so workers start at once with the scorer already built and nothing of
    # the caller's script or notebook is re-run. macOS and Windows: spawn (fork is unsafe
    # there), which imports the caller's main module again: scripts need the usual
    # ``if __name__ == "__main__":`` guard.
    method = "fork" if sys.platform.startswith("linux") else "spawn"
    context = multiprocessing.get_context(method)
    with ProcessPoolExecutor(max_workers=jobs, mp_context=context,
                             initializer=_init_worker, initargs=(scorer, folder)) as pool:
        window: list[tuple[list[Future], Path | None, pd.DataFrame]] = []
        # chunks read but not sent yet: a chunk is sent whole once ``jobs`` more follow it
        ahead: collections.deque[tuple[pd.DataFrame, pd.DataFrame]] = collections.deque()
        try:
            for n, item in enumerate(chunks):
                if n == 0:  # the first chunk: at once, in pieces (every worker starts)
                    articles, skipped = item
                    window.append((*_submit(pool, articles, pieces=True, scorer=scorer,
                                            folder=folder), skipped))
                    continue
                ahead.append(item)
                if len(ahead) <= jobs:
                    continue
                articles, skipped = ahead.popleft()
                window.append((*_submit(pool, articles, pieces=False, scorer=scorer,
                                        folder=folder), skipped))
                if len(window) >= 2 * jobs:  # bounded: at most 2 chunks per worker in flight
                    futures, path, done_skipped = window.pop(0)
                    yield _collect(futures, path, folder), done_skipped
            for articles, skipped in ahead:  # the last chunks
                window.append((*_submit(pool, articles, pieces=True, scorer=scorer,
                                        folder=folder), skipped))
            for futures, path, done_skipped in window:
                yield _collect(futures, path, folder), done_skipped
        except BaseException:
            pool.shutdown(wait=False, cancel_futures=True)
            raise


def resolve_jobs(jobs: int | None) -> int:
    """Processes to use for ``jobs``: 0 or None, one per core; -1, all but one; else ``jobs``,
    at most twice the cores (more only adds processes that wait; a warning says so).
    """
    cores = os.cpu_count() or 1
    if jobs is None or jobs == 0:
        return cores
    if jobs < 0:
        return max(1, cores + 1 + jobs)
    if jobs > 2 * cores:
        warnings.warn(f"jobs={jobs} is more than twice the {cores} CPU core(s) here; using "
                      f"{2 * cores}", UserWarning, stacklevel=3)
        return 2 * cores
    return jobs


# --- Dask -----------------------------------------------------------------------------------


def _score_partition(partition: pd.DataFrame, scorer: Scorer, cache: bool,
                     max_chars: int) -> pd.DataFrame:
    local = local_scorer(scorer)
    check = RowChecker("DataFrame", stem="article", max_chars=max_chars)
    articles, _ = check_frame(partition, check)
    return cached_scores(local, articles, cache_dir() if cache else None)


def score_dask(ddf: Any, *, cache: bool = False, max_chars: int = DEFAULT_MAX_CHARS,
               scorer: Scorer | None = None, **options: Any) -> Any:
    """:func:`score_articles` for a ``dask.dataframe``: scored partition by partition.

    Returns a lazy Dask DataFrame with the columns of :func:`score_columns`, one row per
    article; call ``.compute()`` or write it with ``.to_parquet(folder)``. Each worker
    receives the :class:`Scorer` once per task and keeps one copy per process, so lexicons
    and regexes are built once per worker. Bad rows are dropped (use :func:`iter_chunks`
    or :func:`score_articles` to list them); repeated article ids are only detected within
    a partition. See ``docs/scaling.md`` for running on a cluster.

    >>> import dask.dataframe as dd
    >>> from analysis import load_corpus
    >>> ddf = dd.from_pandas(load_corpus(SEED_EVENT), npartitions=2)
    >>> score_dask(ddf, frames=False, markers=False, actors=False, quotes=False).compute(
    ...     scheduler="synchronous")[["outlet", "n_sentences"]]
            outlet  n_sentences
    0         n-tv           36
    0  Shafaq News           19
    """
    missing = [c for c in ("article_id", "outlet", "text") if c not in ddf.columns]
    if missing:
        raise ValueError(f"score_dask needs the column(s) {', '.join(map(repr, missing))}; "
                         f"the DataFrame has {', '.join(map(repr, ddf.columns))}")
    scorer = scorer if scorer is not None else Scorer(**options)
    scorer.fingerprint  # noqa: B018 - computed once here, not on every worker
    meta = typed_frame(pd.DataFrame(columns=scorer.columns), scorer.columns)
    return ddf.map_partitions(_score_partition, scorer, cache, max_chars, meta=meta,
                              enforce_metadata=False)
