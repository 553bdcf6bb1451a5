"""The disk cache of scored chunks: Parquet files keyed by the articles and the scorer.

A chunk's key hashes the scorer's :attr:`~analysis.scoring.Scorer.fingerprint` (lexicons,
actor lists, code) and every key column and text of its articles, so a changed lexicon or
article is never served a stale result. Nothing is unpickled.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import tempfile
from pathlib import Path

import pandas as pd

from ..outputs import clean_stale_temps, kit_temp_prefix
from ..resources import data_dirs
from .scorer import KEY_COLUMNS, Scorer, typed_frame
from .writer import write_parquet

__all__ = ["cache_dir", "cached_scores", "clear_cache"]


def cache_dir() -> Path:
    """Where scored chunks are cached: ``$OUTLET_LENS_CACHE/scores``, else
    ``$XDG_CACHE_HOME/outlet-lens/scores``, else ``~/.cache/outlet-lens/scores``.

    Never inside the kit's ``data/`` folder. Delete the folder (or call :func:`clear_cache`)
    to free the space; nothing else refers to it.

    >>> cache_dir().name
    'scores'
    """
    override = os.environ.get("OUTLET_LENS_CACHE")
    if override:
        folder = (Path(override).expanduser() / "scores").resolve()  # links followed
    else:
        base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
        folder = (Path(base).expanduser() / "outlet-lens" / "scores").resolve()
    for _label, data in data_dirs():
        if folder.is_relative_to(data.resolve()):
            raise ValueError(f"the score cache ({folder}) must not be inside a data folder "
                             f"({data}); set OUTLET_LENS_CACHE to another folder")
    for parent in (folder, *folder.parents):
        if (parent / "event.yml").is_file():
            raise ValueError(f"the score cache ({folder}) must not be inside the event folder "
                             f"{parent}; set OUTLET_LENS_CACHE to another folder")
    return folder


def _safe_bucket(folder: Path, bucket: Path) -> bool:
    """Is ``bucket`` (a two-character subfolder) a real folder inside ``folder``, not a
    link that would send cache files elsewhere (into ``data/`` or an event folder)?"""
    if bucket.is_symlink():
        return False
    try:
        return bucket.resolve().parent == folder.resolve()
    except OSError:
        return False


def clear_cache() -> int:
    """Delete every cached score file; returns how many were removed.

    >>> import os, tempfile
    >>> from unittest import mock
    >>> with mock.patch.dict(os.environ, {"OUTLET_LENS_CACHE": tempfile.mkdtemp()}):
    ...     clear_cache()
    0
    """
    folder = cache_dir()
    removed = 0
    if folder.is_dir():
        for path in folder.glob("*/*.parquet"):
            with contextlib.suppress(FileNotFoundError):
                path.unlink()
                removed += 1
    return removed


def _chunk_key(scorer: Scorer, articles: pd.DataFrame) -> str:
    h = hashlib.sha256(scorer.fingerprint.encode())
    for row in articles[[*KEY_COLUMNS, "text"]].itertuples(index=False, name=None):
        for value in row:
            data = str(value).encode("utf-8", "surrogatepass")
            h.update(len(data).to_bytes(8, "little"))
            h.update(data)
    return h.hexdigest()


def cache_file(scorer: Scorer, articles: pd.DataFrame, folder: Path | None) -> Path | None:
    """Where the scores of a chunk are cached in ``folder``, or None when they are not
    (no folder, no articles, or a linked bucket)."""
    if folder is None or articles.empty:
        return None
    key = _chunk_key(scorer, articles)
    path = folder / key[:2] / f"{key}.parquet"
    # a linked bucket is neither read nor written
    return path if _safe_bucket(folder, path.parent) else None


def read_cached(path: Path, scorer: Scorer, n_articles: int) -> pd.DataFrame | None:
    """The scores cached in ``path`` (from :func:`cache_file`), or None when there are
    none or they do not fit (Parquet only: nothing is unpickled)."""
    if path.is_file() and not path.is_symlink():
        try:
            found = pd.read_parquet(path)
        except Exception:  # a damaged cache file is recomputed, never trusted
            found = None
        if found is not None and list(found.columns) == scorer.columns \
                and len(found) == n_articles:
            return typed_frame(found, scorer.columns)
    return None


def store_cached(path: Path, folder: Path, scores: pd.DataFrame) -> None:
    """Write a chunk's scores to ``path`` (from :func:`cache_file` in ``folder``)."""
    with contextlib.suppress(OSError):  # a read-only or full cache never stops a run
        path.parent.mkdir(parents=True, exist_ok=True)
        if not _safe_bucket(folder, path.parent):
            return
        clean_stale_temps(path.parent)  # left by a run killed with kill -9
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=kit_temp_prefix(path.stem[:8]),
                                   suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as fh:
                write_parquet(scores, fh)  # (the bytes of scores.to_parquet(fh, index=False))
            os.replace(tmp, path)
        finally:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(tmp)


def cached_scores(scorer: Scorer, articles: pd.DataFrame, folder: Path | None) -> pd.DataFrame:
    """Score a chunk, or read it from the cache (Parquet only: nothing is unpickled)."""
    path = cache_file(scorer, articles, folder)
    if path is None:
        return scorer.score_frame(articles)
    found = read_cached(path, scorer, len(articles))
    if found is not None:
        return found
    scores = scorer.score_frame(articles)
    store_cached(path, folder, scores)  # type: ignore[arg-type]  (a path: a folder)
    return scores
