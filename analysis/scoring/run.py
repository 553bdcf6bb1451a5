"""Score a DataFrame or a corpus file from start to end: :func:`score_articles` and
:func:`score_file` (which returns a :class:`ScoreRun`)."""

from __future__ import annotations

import dataclasses
import os
import sys
import warnings
from pathlib import Path
from typing import Any

import pandas as pd

from .cache import cache_dir
from .parallel import resolve_jobs, run_chunks
from .scorer import Scorer, typed_frame
from .streaming import (
    DEFAULT_CHUNKSIZE,
    DEFAULT_MAX_CHARS,
    RowChecker,
    check_frame,
    iter_chunks,
    skipped_frame,
)
from .writer import ScoreWriter

__all__ = ["ScoreRun", "score_articles", "score_file", "skipped_report_path"]


def _progress(progress: bool | None, total: int | None):
    from tqdm.auto import tqdm

    return tqdm(total=total, unit=" articles", disable=None if progress is None
                else not progress, file=sys.stderr, smoothing=0.1)


# --- public entry points ------------------------------------------------------------------


def score_articles(
    corpus: pd.DataFrame,
    *,
    jobs: int = 1,
    chunksize: int = DEFAULT_CHUNKSIZE,
    cache: bool = True,
    progress: bool | None = False,
    max_chars: int = DEFAULT_MAX_CHARS,
    scorer: Scorer | None = None,
    **options: Any,
) -> pd.DataFrame:
    """One row per article with every per-article measure (see :mod:`analysis.scoring`).

    Parameters
    ----------
    corpus : articles, as from :func:`~analysis.load_corpus` (needs ``article_id``,
        ``outlet`` and ``text``; ``event``, ``leaning`` and ``source`` are used if there).
    jobs : processes to use (0 or None: one per core; -1: all but one).
    chunksize : articles per unit of work and per cache file.
    cache : read and write scored chunks in :func:`cache_dir`.
    progress : show a progress bar (None: only in a terminal or notebook).
    max_chars : longer texts are skipped.
    scorer : a :class:`Scorer` to reuse; else one is built from ``options`` (``frames``,
        ``markers``, ``actors``, ``quotes``, ``adjustments``: see :class:`Scorer`).

    Returns
    -------
    DataFrame
        Columns :func:`score_columns`. Rows that cannot be scored (no outlet, empty text,
        too long, repeated id) are left out with a warning; they are listed in
        ``result.attrs["skipped"]`` (dicts with the keys :data:`SKIPPED_COLUMNS`). The
        input is not changed.

    >>> from analysis import load_corpus
    >>> scores = score_articles(load_corpus(SEED_EVENT), markers=False, quotes=False,
    ...                         cache=False)
    >>> scores[["outlet", "n_words", "share_negative", "mentions_Dmitry Peskov"]]
            outlet  n_words  share_negative  mentions_Dmitry Peskov
    0         n-tv      643        0.472222                       4
    1  Shafaq News      403        0.473684                       3
    """
    if not isinstance(corpus, pd.DataFrame):
        raise TypeError(f"score_articles needs a pandas DataFrame, not {type(corpus).__name__}")
    missing = [c for c in ("article_id", "outlet", "text") if c not in corpus.columns]
    if missing:
        raise ValueError(
            f"score_articles needs the column(s) {', '.join(map(repr, missing))}; the "
            f"DataFrame has {', '.join(map(repr, corpus.columns)) or 'no columns'}. Load "
            "articles with analysis.load_corpus() or analysis.from_texts().")
    scorer = scorer if scorer is not None else Scorer(**options)
    check = RowChecker("DataFrame", stem="article", max_chars=max_chars)
    chunks = (check_frame(corpus.iloc[i:i + chunksize], check)
              for i in range(0, len(corpus), chunksize))
    folder = cache_dir() if cache else None
    parts, skipped = [], []
    with _progress(progress, len(corpus)) as bar:
        for scores, bad in run_chunks(chunks, scorer, jobs=resolve_jobs(jobs), folder=folder):
            parts.append(scores)
            skipped.append(bad)
            bar.update(len(scores) + len(bad))
    out = pd.concat(parts, ignore_index=True) if parts else \
        typed_frame(pd.DataFrame(columns=scorer.columns), scorer.columns)
    report = pd.concat(skipped, ignore_index=True) if skipped else skipped_frame([])
    if len(report):
        shown = "; ".join(f"{r.file}: {r.reason}" for r in report.head(3).itertuples())
        warnings.warn(f"{len(report)} row(s) could not be scored and are left out ({shown}"
                      f"{' ...' if len(report) > 3 else ''}); see result.attrs['skipped']",
                      UserWarning, stacklevel=2)
        out.attrs["skipped"] = report.astype(object).where(report.notna(), None) \
            .to_dict("records")
    return out


@dataclasses.dataclass
class ScoreRun:
    """What :func:`score_file` did: where it wrote, how many articles and words it scored,
    the rows it skipped (columns :data:`SKIPPED_COLUMNS`) and the report listing them."""

    out: Path | None
    n_articles: int
    n_words: int
    skipped: pd.DataFrame
    report: Path | None
    seconds: float
    scores: pd.DataFrame | None = None

    @property
    def exit_code(self) -> int:
        """0, or 3 when rows were skipped (the command line's exit code)."""
        return 3 if len(self.skipped) else 0


def skipped_report_path(out: str | os.PathLike[str]) -> Path:
    """Where :func:`score_file` lists skipped rows: ``FILE.skipped.csv`` beside ``FILE``.

    >>> skipped_report_path("out/scores.parquet").name
    'scores.parquet.skipped.csv'
    """
    out = Path(out)
    return out.with_name(out.name + ".skipped.csv")


def score_file(
    path: str | os.PathLike[str],
    out: str | os.PathLike[str] | None = None,
    *,
    fmt: str | None = None,
    force: bool = False,
    jobs: int = 1,
    chunksize: int = DEFAULT_CHUNKSIZE,
    cache: bool = True,
    progress: bool | None = None,
    max_chars: int = DEFAULT_MAX_CHARS,
    scorer: Scorer | None = None,
    **options: Any,
) -> ScoreRun:
    """Score a corpus file of any size, streaming it in chunks, and write one row per article.

    Reads what :func:`iter_chunks` reads (JSON Lines, CSV, Parquet, event folders), scores
    chunks in ``jobs`` processes, and writes ``out`` (CSV, JSON Lines or Parquet by its
    extension, or ``fmt``) atomically: the rows go to a temporary file that is renamed at
    the end. Memory stays bounded: a few chunks are in flight at a time. With ``out=None``
    the scores are returned in ``ScoreRun.scores`` instead (small corpora only).

    Bad rows are skipped and listed in ``FILE.skipped.csv`` beside the output
    (:func:`skipped_report_path`; a stale report from an earlier run is removed). The
    result is the same whatever ``chunksize`` and ``jobs`` are. Other parameters as for
    :func:`score_articles`.

    >>> run = score_file(SEED_EVENT, actors=False, quotes=False, cache=False)
    >>> run.n_articles, run.n_words, run.exit_code, run.scores.shape
    (2, 1046, 0, (2, 50))
    """
    import time

    from ..outputs import check_target, table_format

    started = time.perf_counter()
    target = fmt_name = None
    if out is not None:
        fmt_name = table_format(out, fmt)
        target = check_target(out, force=force)
        report_target = check_target(skipped_report_path(target), force=force)
        target.parent.mkdir(parents=True, exist_ok=True)
    scorer = scorer if scorer is not None else Scorer(**options)
    folder = cache_dir() if cache else None
    chunks = iter_chunks(path, chunksize=chunksize, max_chars=max_chars)
    writer = ScoreWriter(target, fmt_name, scorer.columns) if target is not None else None
    held: list[pd.DataFrame] = []
    skipped: list[pd.DataFrame] = []
    n_articles = n_words = 0
    try:
        with _progress(progress, None) as bar:
            for scores, bad in run_chunks(chunks, scorer, jobs=resolve_jobs(jobs), folder=folder):
                if writer is not None:
                    writer.write(scores)
                else:
                    held.append(scores)
                if len(bad):
                    skipped.append(bad)
                n_articles += len(scores)
                n_words += int(scores["n_words"].sum())
                bar.update(len(scores) + len(bad))
                bar.set_postfix(words=f"{n_words:,}", skipped=sum(map(len, skipped)),
                                refresh=False)
        written = writer.finish() if writer is not None else None
    except BaseException as err:
        if writer is not None:
            writer.abort()
        if isinstance(err, OSError) and target is not None:  # a full disk: no traceback
            from ..outputs import OutputError

            raise OutputError(f"{out}: could not be written ({err.strerror or err}); nothing "
                              "was changed") from None
        raise
    report_frame = pd.concat(skipped, ignore_index=True) if skipped else skipped_frame([])
    report = None
    if target is not None:
        from ..outputs import write_table, written_by_kit

        if len(report_frame):
            report = write_table(report_frame, report_target, fmt="csv", force=force)
        elif report_target.exists() and written_by_kit(report_target):
            report_target.unlink()  # this run skipped nothing: an old report would mislead
    whole = None
    if writer is None:
        whole = pd.concat(held, ignore_index=True) if held else \
            typed_frame(pd.DataFrame(columns=scorer.columns), scorer.columns)
    return ScoreRun(out=written, n_articles=n_articles, n_words=n_words, skipped=report_frame,
                    report=report, seconds=time.perf_counter() - started, scores=whole)
