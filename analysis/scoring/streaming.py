"""Read a corpus file of any size in chunks, skipping and reporting bad rows.

:func:`iter_chunks` reads JSON Lines (also gzipped) line by line, CSV row by row and Parquet
by record batches; :class:`RowChecker` applies the row rules to each record and lists the
rows it skips (columns :data:`SKIPPED_COLUMNS`) instead of stopping at the first.
"""

from __future__ import annotations

import contextlib
import csv
import dataclasses
import gzip
import io
import json
import os
import zlib
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import Any

import pandas as pd

from ..errors import CorpusError
from ..loading import load_corpus
from ..rows import READ_FIELDS, REQUIRED_FIELDS, check_row, row_id
from ..yamlio import repair_surrogates, warn_surrogates
from .scorer import KEY_COLUMNS

__all__ = [
    "DEFAULT_CHUNKSIZE",
    "DEFAULT_MAX_CHARS",
    "SKIPPED_COLUMNS",
    "RowChecker",
    "check_frame",
    "iter_chunks",
    "skipped_frame",
]

#: Articles per chunk: the unit of streaming, of work for ``jobs`` and of the cache.
DEFAULT_CHUNKSIZE = 250
#: Longer texts are skipped as bad rows: no news article has a million characters.
DEFAULT_MAX_CHARS = 1_000_000
#: Columns of the bad-rows report (``FILE.skipped.csv``).
SKIPPED_COLUMNS = ["file", "line", "article_id", "field", "reason"]


@dataclasses.dataclass
class _Rows:
    """Good rows (as tuples of KEY_COLUMNS + text) and skipped rows of one chunk."""

    good: list[tuple[str, ...]] = dataclasses.field(default_factory=list)
    skipped: list[dict[str, Any]] = dataclasses.field(default_factory=list)

    def frame(self) -> pd.DataFrame:
        return pd.DataFrame(self.good, columns=[*KEY_COLUMNS, "text"], dtype="str")


class RowChecker:
    """The row rules of :func:`iter_chunks` (:func:`analysis.rows.check_row`, the rules
    :func:`~analysis.load_corpus` applies), with repeated ids: a row that breaks one is
    skipped and reported instead of stopping the run."""

    def __init__(self, file: str, *, stem: str, max_chars: int) -> None:
        self.file = file
        self.stem = stem
        self.max_chars = max_chars
        self.position = 0
        self.seen: dict[str, str] = {}

    def skip(self, rows: _Rows, line: int | None, reason: str, *, field: str = "",
             article_id: str = "", where: str | None = None) -> None:
        file = where if line is None and where is not None else self.file
        rows.skipped.append({"file": file, "line": line, "article_id": article_id,
                             "field": field, "reason": reason})

    def add(self, rows: _Rows, record: Any, *, line: int | None, where: str) -> None:
        self.position += 1
        default_id = f"{self.stem}-{self.position}"
        try:
            row = check_row(record, default_id=default_id, default_event=self.stem,
                            file=self.file if line is not None else where, line=line,
                            max_chars=self.max_chars)
        except CorpusError as err:
            article_id = row_id(record, default_id) if isinstance(record, Mapping) else ""
            self.skip(rows, line, err.reason, field=err.field or "", article_id=article_id,
                      where=where)
            return
        if row.article_id in self.seen:
            self.skip(rows, line, f"article id already used at {self.seen[row.article_id]}",
                      field="article_id", article_id=row.article_id, where=where)
            return
        self.seen[row.article_id] = where
        rows.good.append((row.article_id, row.event, row.outlet, row.leaning, where, row.text))


def _stem(path: Path) -> str:
    return path.name.split(".")[0]


def _suffix(path: Path) -> str:
    suffixes = [s.lower() for s in path.suffixes]
    if suffixes and suffixes[-1] == ".gz":
        suffixes = suffixes[:-1]
    return suffixes[-1] if suffixes else ""


def _open_binary(path: Path):
    with open(path, "rb") as fh:
        gz = fh.read(2) == b"\x1f\x8b"
    return gzip.open(path, "rb") if gz else open(path, "rb")


def _jsonl_rows(path: Path, check: RowChecker) -> Iterator[tuple[_Rows, int]]:
    """Yield ``(rows, n)`` per physical line: one good or skipped row, or none (blank)."""
    with _open_binary(path) as fh:
        for n, raw in enumerate(fh, start=1):
            rows = _Rows()
            if not raw.strip():
                continue
            if len(raw) > 4 * check.max_chars + 65_536:  # too long even before parsing
                check.position += 1
                check.skip(rows, n, f"line of {len(raw):,} bytes, more than max_chars allows",
                           field="text")
                yield rows, n
                continue
            try:
                record = json.loads(raw.decode("utf-8-sig" if n == 1 else "utf-8"))
            except UnicodeDecodeError as err:
                check.position += 1
                check.skip(rows, n, f"not UTF-8 text ({err.reason})")
            except json.JSONDecodeError as err:
                check.position += 1
                check.skip(rows, n, f"not valid JSON ({err.msg} at column {err.colno})")
            except RecursionError:
                check.position += 1
                check.skip(rows, n, "not readable: lists or mappings nest too deeply")
            else:
                if b"\\ud" in raw or b"\\uD" in raw:  # a \ud800-style escape: maybe a lone half
                    record, replaced = repair_surrogates(record, path, n)
                    if replaced:
                        warn_surrogates(replaced, f"{path}, line {n}")
                check.add(rows, record, line=n, where=f"{path}:{n}")
            yield rows, n


@contextlib.contextmanager
def _csv_field_limit(limit: int) -> Iterator[None]:
    old = csv.field_size_limit()
    csv.field_size_limit(max(old, limit))
    try:
        yield
    finally:
        csv.field_size_limit(old)


def _csv_rows(path: Path, check: RowChecker) -> Iterator[tuple[_Rows, int]]:
    with _open_binary(path) as raw, io.TextIOWrapper(
        raw, encoding="utf-8-sig", errors="surrogateescape", newline=""  # -sig: Excel's BOM
    ) as fh, _csv_field_limit(4 * check.max_chars + 65_536):
        reader = csv.reader(fh)
        try:
            header = next(reader, None)
        except csv.Error as err:
            raise CorpusError(f"is not valid CSV ({err})", file=path, line=1) from None
        if header is None:
            raise CorpusError("is empty: expected a header row with 'outlet' and 'text'",
                              file=path, line=1)
        header = [h.strip() for h in header]
        missing = [c for c in REQUIRED_FIELDS if c not in header]
        if missing:
            raise CorpusError(f"has no {' or '.join(map(repr, missing))} column; the columns "
                              f"are {', '.join(map(repr, header))}", file=path, line=1,
                              field=missing[0])
        line = reader.line_num + 1
        while True:
            rows = _Rows()
            try:
                row = next(reader)
            except StopIteration:
                return
            except csv.Error as err:
                check.position += 1
                check.skip(rows, line, f"not valid CSV ({err})")
                yield rows, line
                line = reader.line_num + 1
                continue
            if any(cell.strip() for cell in row):
                if len(row) != len(header):
                    check.position += 1
                    check.skip(rows, line, f"{len(row)} cells, but the header names "
                               f"{len(header)} columns")
                else:
                    check.add(rows, dict(zip(header, row, strict=True)), line=line,
                              where=f"{path}:{line}")
            yield rows, line
            line = reader.line_num + 1


def _parquet_rows(path: Path, check: RowChecker, chunksize: int) -> Iterator[tuple[_Rows, int]]:
    import pyarrow.parquet as pq

    try:
        file = pq.ParquetFile(path)
    except Exception as err:  # pyarrow raises several types; all mean "not Parquet"
        raise CorpusError(f"could not be read as Parquet ({err})", file=path) from None
    names = file.schema_arrow.names
    missing = [c for c in REQUIRED_FIELDS if c not in names]
    if missing:
        raise CorpusError(f"has no {' or '.join(map(repr, missing))} column", file=path,
                          field=missing[0])
    wanted = [c for c in READ_FIELDS if c in names]
    n = 0
    batches = file.iter_batches(batch_size=chunksize, columns=wanted)
    while True:
        try:
            batch = next(batches)
        except StopIteration:
            break
        except Exception as err:  # a damaged page (OSError, ArrowInvalid...): not Parquet
            raise CorpusError(f"could not be read as Parquet after row {n:,} ({err})",
                              file=path) from None
        rows = _Rows()
        try:
            records: list[Any] = batch.to_pylist()
        except UnicodeDecodeError:  # strings that are not UTF-8: find the rows, skip them
            records = []
            for i in range(batch.num_rows):
                try:
                    records.append(batch.slice(i, 1).to_pylist()[0])
                except UnicodeDecodeError as err:
                    records.append(err)
        for record in records:
            n += 1
            if isinstance(record, UnicodeDecodeError):
                check.position += 1
                check.skip(rows, None, f"not UTF-8 text ({record.reason})",
                           where=f"{path} (row {n})")
                continue
            check.add(rows, record, line=None, where=f"{path} (row {n})")
        yield rows, n


def iter_chunks(
    path: str | os.PathLike[str],
    *,
    chunksize: int = DEFAULT_CHUNKSIZE,
    max_chars: int = DEFAULT_MAX_CHARS,
) -> Iterator[tuple[pd.DataFrame, pd.DataFrame]]:
    """Read a corpus file in chunks: yields ``(articles, skipped)`` DataFrames.

    JSON Lines (also gzipped) are read line by line, CSV row by row and Parquet by record
    batches, so the whole text is never in memory. Unlike :func:`~analysis.load_corpus`
    (which stops at the first problem), bad rows are skipped and listed in ``skipped``
    (columns :data:`SKIPPED_COLUMNS`: ``file, line, article_id, field, reason``): a line
    that is not JSON, a row without an outlet or text, a text longer than ``max_chars``, a
    repeated article id. Event folders and JSON arrays are small: they are read whole with
    ``load_corpus`` (which raises on bad input) and cut into chunks.

    ``articles`` has the columns ``article_id, event, outlet, leaning, source, text``,
    filled like ``load_corpus`` does (``<file>-<n>`` ids, the ``group`` column or the file
    name as event, ``file:line`` as source).

    >>> for articles, skipped in iter_chunks(SEED_EVENT, chunksize=1):
    ...     print(articles["outlet"].tolist(), len(skipped))
    ['n-tv'] 0
    ['Shafaq News'] 0
    """
    if chunksize < 1:
        raise ValueError(f"chunksize must be 1 or more, not {chunksize}")
    path = Path(path)
    if not path.exists():
        raise CorpusError("does not exist", file=path)
    suffix = _suffix(path)
    check = RowChecker(str(path), stem=_stem(path), max_chars=max_chars)
    if path.is_dir() or (suffix == ".json" and _json_array(path)):
        yield from _whole(path, chunksize, check)
        return
    readers: dict[str, Callable[[], Iterator[tuple[_Rows, int]]]] = {
        ".jsonl": lambda: _jsonl_rows(path, check),
        ".ndjson": lambda: _jsonl_rows(path, check),
        ".json": lambda: _jsonl_rows(path, check),
        ".csv": lambda: _csv_rows(path, check),
        ".parquet": lambda: _parquet_rows(path, check, chunksize),
        ".pq": lambda: _parquet_rows(path, check, chunksize),
    }
    if suffix not in readers:
        raise CorpusError(f"is not a file type the kit reads ({suffix or 'no extension'}); "
                          "expected an event folder, or a .csv, .jsonl, .jsonl.gz, .json or "
                          ".parquet file", file=path)
    pending = _Rows()
    try:
        for rows, _ in readers[suffix]():
            pending.good += rows.good
            pending.skipped += rows.skipped
            if len(pending.good) >= chunksize:
                yield pending.frame(), skipped_frame(pending.skipped)
                pending = _Rows()
    except (EOFError, zlib.error, gzip.BadGzipFile) as err:
        raise CorpusError(f"is a damaged or cut-short gzip file ({err or type(err).__name__});"
                          " the rows before the damage were read", file=path) from None
    if pending.good or pending.skipped:
        yield pending.frame(), skipped_frame(pending.skipped)


def _json_array(path: Path) -> bool:
    with _open_binary(path) as fh:
        return fh.read(4096).removeprefix(b"\xef\xbb\xbf").lstrip().startswith(b"[")


def _whole(path: Path, chunksize: int, check: RowChecker) -> Iterator[tuple[pd.DataFrame,
                                                                            pd.DataFrame]]:
    corpus = load_corpus(path)
    for start in range(0, len(corpus), chunksize):
        part = corpus.iloc[start:start + chunksize]
        yield check_frame(part, check)


def skipped_frame(skipped: list[dict[str, Any]]) -> pd.DataFrame:
    return pd.DataFrame(skipped, columns=SKIPPED_COLUMNS).astype({"line": "Int64"})


def check_frame(corpus: pd.DataFrame, check: RowChecker) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Apply the row rules to a DataFrame chunk (source: its ``source`` column or index)."""
    rows = _Rows()
    columns = [c for c in READ_FIELDS if c in corpus.columns]
    sources = (corpus["source"].tolist() if "source" in corpus.columns
               else [f"index {i}" for i in corpus.index])
    for record, where in zip(corpus[columns].to_dict("records"), sources, strict=True):
        check.add(rows, record, line=None, where=str(where))
    return rows.frame(), skipped_frame(rows.skipped)
