"""Score thousands of articles at once: one row per article with every per-article measure.

:func:`score_articles` (a DataFrame), :func:`score_file` (a file of any size, streamed) and
:func:`score_dask` (a ``dask.dataframe``, for corpora beyond one machine) all return one row
per article with the columns :func:`score_columns` lists:

* ``article_id, event, outlet, leaning, source``: which article (``source`` is the file and
  line it came from);
* ``n_words, n_sentences``: as :func:`analysis.tokens.word_spans` and
  :func:`analysis.tokens.sentence_spans` count them;
* ``mean_compound, share_negative, share_neutral, share_positive``: VADER's tone per
  sentence, summarised as in :func:`analysis.sentiment.article_sentiment` (exactly NLTK's
  scores per sentence, computed by :class:`analysis.fastvader.FastVader`);
* ``frame_<name>_n_matches``, ``frame_<name>_per_1000_words``,
  ``frame_<name>_sentence_share`` for every frame, and the same with ``marker_`` for every
  marker: the numbers of :func:`analysis.framing.frame_scores` and ``marker_scores``;
* ``n_quotes, quoted_words, quoted_word_share``: the quotes of
  :func:`analysis.quotes.find_quotes` and the share of the article's words inside them;
* ``n_mentions`` and ``mentions_<actor>`` for every listed actor: mentions found by
  :func:`analysis.actors.find_mentions`.

Everything is computed article by article in one pass (the text is tokenised once and
feeds every scorer), so the result does not depend on how the corpus is cut into chunks,
on ``jobs`` or on Dask's partitions. Each measure is a heuristic (lexicons and patterns);
the evidence behind it comes from the module that defines it (``sentiment_evidence``,
``frame_evidence``, ``mention_table``, ``quote_table``), and :func:`long_scores` turns the
wide frame, marker and actor columns back into tidy tables.

Scored chunks are cached on disk (:func:`cache_dir`, outside ``data/``), keyed by a hash of
the articles and of every lexicon, actor list and scorer source file used, so a notebook
re-runs instantly and a changed lexicon is never served stale results.

>>> from analysis import from_texts
>>> scores = score_articles(from_texts({"A": "NATO allies met. The war goes on."}),
...                         cache=False)
>>> scores[["n_words", "n_sentences", "mean_compound", "frame_alliance_commitment_n_matches"]]
   n_words  n_sentences  mean_compound  frame_alliance_commitment_n_matches
0        7            2        -0.2997                                    2
"""

from __future__ import annotations

import bisect
import contextlib
import csv
import dataclasses
import functools
import gzip
import hashlib
import importlib.util
import io
import json
import math
import os
import re
import sys
import tempfile
import warnings
import zlib
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from pathlib import Path
from typing import Any, Literal

import pandas as pd

from .errors import CorpusError
from .fastvader import FastVader
from .loading import load_corpus
from .resources import data_dirs, resource_files
from .sentiment import THRESHOLD
from .tokens import count_words, sentence_spans
from .yamlio import repair_surrogates, warn_surrogates

__all__ = [
    "DEFAULT_CHUNKSIZE",
    "DEFAULT_MAX_CHARS",
    "SKIPPED_COLUMNS",
    "ScoreRun",
    "Scorer",
    "cache_dir",
    "clear_cache",
    "iter_chunks",
    "long_scores",
    "score_articles",
    "score_columns",
    "score_dask",
    "score_file",
    "skipped_report_path",
]

#: Bump when the meaning of a column changes; part of every cache key.
SCORER_VERSION = "1"
#: Articles per chunk: the unit of streaming, of work for ``jobs`` and of the cache.
DEFAULT_CHUNKSIZE = 250
#: Longer texts are skipped as bad rows: no news article has a million characters.
DEFAULT_MAX_CHARS = 1_000_000

#: Columns that identify the article, first in every score table.
KEY_COLUMNS = ["article_id", "event", "outlet", "leaning", "source"]
TONE_COLUMNS = ["n_words", "n_sentences", "mean_compound", "share_negative", "share_neutral",
                "share_positive"]
QUOTE_SCORE_COLUMNS = ["n_quotes", "quoted_words", "quoted_word_share"]
#: Columns of the bad-rows report (``FILE.skipped.csv``).
SKIPPED_COLUMNS = ["file", "line", "article_id", "field", "reason"]
_MEASURES = ("n_matches", "per_1000_words", "sentence_share")
_SCORER_MODULES = ("tokens", "fastpunkt", "fastvader", "sentiment", "framing", "actors",
                   "quotes", "scoring")

Lexicons = Any  # a framing.Lexicon, or anything load_frames/load_markers read, or False


# --- the scorer ---------------------------------------------------------------------------


def _has(module: str, *names: str) -> bool:
    """Does ``analysis.<module>`` exist and define ``names``? (Other parts may be missing.)"""
    full = f"analysis.{module}"
    if importlib.util.find_spec(full) is None:
        return False
    mod = importlib.import_module(full)
    return all(hasattr(mod, n) for n in names)


def _file_hash(path: Path) -> str:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return "missing"


class Scorer:
    """Everything needed to score articles, built once (per process) and reused.

    Parameters
    ----------
    frames, markers : a :class:`analysis.framing.Lexicon`, anything ``load_frames`` /
        ``load_markers`` read (YAML paths, dicts), None for the kit's lexicons, or False to
        leave the columns out.
    actors : an :class:`analysis.actors.ActorList` (or a YAML path for ``load_actors``)
        used for every article; None: each article uses the lists under ``data/actors/``
        that match its ``event`` (columns for every actor of every list); False: no actor
        columns.
    quotes : count quotes (False leaves the quote columns out; they are slower to find).
    adjustments : VADER news adjustments, as for :func:`analysis.sentiment.make_analyzer`.

    >>> scorer = Scorer(frames={"talks": ["talks"]}, markers=False, actors=False, quotes=False)
    >>> scorer.columns[-3:]
    ['frame_talks_n_matches', 'frame_talks_per_1000_words', 'frame_talks_sentence_share']
    """

    def __init__(self, *, frames: Lexicons = None, markers: Lexicons = None,
                 actors: Any = None, quotes: bool = True, adjustments: Any = None) -> None:
        from .sentiment import make_analyzer

        self.analyzer = make_analyzer(adjustments)
        self.vader = FastVader(self.analyzer)
        self.frames = self._lexicon(frames, "frame")
        self.markers = self._lexicon(markers, "marker")
        self.quotes = bool(quotes) and _has("quotes", "find_quotes", "load_verbs")
        if quotes and not self.quotes:
            warnings.warn("analysis.quotes is not available: the quote columns are left out",
                          UserWarning, stacklevel=2)
        self.actors, self.actor_names = self._actors(actors)
        self._with_actors = _has("actors", "ActorList", "read_actor_file")
        self._event_actors: dict[Any, Any] = {}
        self._tone_cache: dict[str, float] = {}
        self._verbs = None
        if self.quotes:
            from .quotes import load_verbs

            self._verbs = load_verbs()
        self.columns = self._columns()

    @staticmethod
    def _lexicon(value: Lexicons, kind: str):
        if value is False:
            return None
        if not _has("framing", "load_frames", "load_markers", "Lexicon"):
            if value is not None:
                raise RuntimeError(f"{kind} scores need analysis.framing, which is missing")
            return None
        from . import framing

        if isinstance(value, framing.Lexicon):
            return value
        return framing.load_frames(value) if kind == "frame" else framing.load_markers(value)

    @staticmethod
    def _actors(value: Any) -> tuple[Any, list[str] | None]:
        """``(actor list or None for per-event lists, column names or None for none)``.

        Quotes resolve speakers with the same lists as ``quote_table``, also when the actor
        columns are left out (``actors=False``).
        """
        if not _has("actors", "load_actors", "find_mentions"):
            if value not in (None, False):
                raise RuntimeError("actor columns need analysis.actors, which is missing")
            return None, None
        from .actors import ActorList, load_actors

        if value is None or value is False:
            # Columns: every actor of every list under data/actors/.
            names = None if value is False else list(dict.fromkeys(a.name for a in load_actors()))
            return None, names
        if not isinstance(value, ActorList):
            value = load_actors(value)
        return value, list(dict.fromkeys(a.name for a in value))

    def _columns(self) -> list[str]:
        cols = [*KEY_COLUMNS, *TONE_COLUMNS]
        for prefix, lexicon in (("frame", self.frames), ("marker", self.markers)):
            for name in lexicon or ():
                cols += [f"{prefix}_{name}_{m}" for m in _MEASURES]
        if self.quotes:
            cols += QUOTE_SCORE_COLUMNS
        if self.actor_names is not None:
            cols += ["n_mentions", *(f"mentions_{name}" for name in self.actor_names)]
        return cols

    @functools.cached_property
    def fingerprint(self) -> str:
        """A hash of everything that decides the scores: lexicons, actor lists, code."""
        h = hashlib.sha256()
        h.update(f"scorer {SCORER_VERSION}\n".encode())
        import nltk

        h.update(f"nltk {nltk.__version__}\n".encode())
        here = Path(__file__).resolve().parent
        for name in _SCORER_MODULES:
            if (here / name).is_dir():  # a subpackage (analysis/actors/): every module of it
                for path in sorted((here / name).glob("*.py")):
                    h.update(f"{name}/{path.name} {_file_hash(path)}\n".encode())
            else:
                h.update(f"{name} {_file_hash(here / f'{name}.py')}\n".encode())
        for folder in ("wordlists", "lexicons", "actors"):
            for path in resource_files(folder):
                h.update(f"{folder}/{path.name} {_file_hash(path)}\n".encode())
        h.update(repr(sorted(self.analyzer.lexicon.items())).encode())
        for lexicon in (self.frames, self.markers):
            if lexicon is not None:
                h.update(repr([(c.name, c.terms) for c in lexicon.values()]).encode())
        if self.actors is not None:
            h.update(repr(list(self.actors)).encode())
        h.update(repr(self.columns).encode())
        return h.hexdigest()

    def __getstate__(self) -> dict[str, Any]:
        self.fingerprint  # noqa: B018 - computed before the scorer travels to a worker
        state = dict(self.__dict__)
        state["_tone_cache"] = {}
        state["_event_actors"] = {}
        return state

    # -- one article ---------------------------------------------------------------------

    def _compound(self, sentence: str) -> float:
        found = self._tone_cache.get(sentence)
        if found is None:
            if len(self._tone_cache) > 100_000:
                self._tone_cache.clear()
            found = self._tone_cache[sentence] = self.vader.compound(sentence)
        return found

    @functools.cached_property
    def _actor_files(self) -> list[tuple[str, list[Any], list[str] | None]]:
        """Every list under ``data/actors/``, read once: ``(path, actors, events)``.

        The same files, in the same order, as ``load_actors()`` reads.
        """
        from .actors import read_actor_file

        return [(str(p), *read_actor_file(p)) for p in resource_files("actors")]

    def _actor_list(self, event: Any):
        """``load_actors(event=event)``, without reading the files again for every event."""
        if self.actors is not None:
            return self.actors
        key = None if event is None or (isinstance(event, float) and math.isnan(event)) \
            else str(event)
        found = self._event_actors.get(key)
        if found is None:
            from .actors import ActorList

            used = tuple(i for i, (_p, _a, covered) in enumerate(self._actor_files)
                         if key is None or covered is None or key in covered)
            found = self._event_actors.get(used)
            if found is None:
                files = [self._actor_files[i] for i in used]
                found = ActorList([a for _p, actors, _c in files for a in actors],
                                  sources=[p for p, _a, _c in files])
                self._event_actors[used] = found
            self._event_actors[key] = found
        return found

    def score_text(self, text: str, *, event: Any = None) -> list[Any]:
        """The measures of one text, in the order of ``columns`` after the key columns.

        >>> scorer = Scorer(frames={"war": ["war"]}, markers=False, actors=False, quotes=False)
        >>> # 5 words, 2 sentences (compounds -0.5994 and 0.5848); 1 match: 1 / 5 * 1000
        >>> [round(x, 4) for x in scorer.score_text("The war goes on. Peace!")]
        [5, 2, -0.0073, 0.5, 0.0, 0.5, 1, 200.0, 0.5]
        """
        spans = sentence_spans(text)
        n_words = count_words(text)
        n_sent = len(spans)
        compounds = [self._compound(text[s:e]) for s, e in spans]
        if n_sent:
            row: list[Any] = [
                n_words, n_sent, sum(compounds) / n_sent,
                sum(c <= -THRESHOLD for c in compounds) / n_sent,
                sum(-THRESHOLD < c < THRESHOLD for c in compounds) / n_sent,
                sum(c >= THRESHOLD for c in compounds) / n_sent,
            ]
        else:
            row = [n_words, 0, math.nan, math.nan, math.nan, math.nan]
        starts = [s for s, _ in spans]
        for lexicon in (self.frames, self.markers):
            if lexicon is None:
                continue
            counts: Counter[str] = Counter()
            sentences: dict[str, set[int]] = {}
            for name, _term, start, _end in lexicon.hits(text):
                counts[name] += 1
                i = max(bisect.bisect_right(starts, start) - 1, 0) if spans else -1
                sentences.setdefault(name, set()).add(i)
            for name in lexicon:
                n = counts.get(name, 0)
                row += [n, n / n_words * 1000 if n_words else math.nan,
                        len(sentences.get(name, ())) / n_sent if n_sent else math.nan]
        need = self._with_actors and (self.quotes or self.actor_names is not None)
        actors = self._actor_list(event) if need else None
        mentions = None
        if actors is not None:
            from .actors import find_mentions

            mentions = find_mentions(text, actors)  # found once, for quotes and the counts
        if self.quotes:
            from .quotes import find_quotes

            found = find_quotes(text, actors, verbs=self._verbs, mentions=mentions)
            quoted = sum(q.n_words for q in found)
            row += [len(found), quoted, quoted / n_words if n_words else math.nan]
        if self.actor_names is not None:
            counts = Counter(m.actor for m in mentions or ())
            row.append(sum(counts.values()))
            row += [counts.get(name, 0) for name in self.actor_names]
        return row

    def score_frame(self, corpus: pd.DataFrame) -> pd.DataFrame:
        """Score a chunk of checked articles (the columns :data:`KEY_COLUMNS` and ``text``,
        as :func:`iter_chunks` yields them): one row per article, columns ``self.columns``.

        >>> scorer = Scorer(frames=False, markers=False, actors=False, quotes=False)
        >>> chunk = pd.DataFrame({"article_id": ["a"], "event": ["e"], "outlet": ["A"],
        ...                       "leaning": [""], "source": ["pasted"], "text": ["Good."]})
        >>> scorer.score_frame(chunk)[["article_id", "n_words", "mean_compound"]]
          article_id  n_words  mean_compound
        0          a        1         0.4404
        """
        events = corpus["event"].tolist()
        rows = [
            [*key, *self.score_text(text, event=event)]
            for key, text, event in zip(
                corpus[KEY_COLUMNS].itertuples(index=False, name=None),
                corpus["text"], events, strict=True,
            )
        ]
        return _from_rows(rows, self.columns)


def _dtypes(columns: list[str]) -> dict[str, str]:
    types: dict[str, str] = {}
    for c in columns:
        if c in KEY_COLUMNS:
            types[c] = "str"
        elif c in ("n_words", "n_sentences", "n_quotes", "quoted_words", "n_mentions") or \
                c.endswith("_n_matches") or c.startswith("mentions_"):
            types[c] = "int64"
        else:
            types[c] = "float64"
    return types


def _typed(df: pd.DataFrame, columns: list[str]) -> pd.DataFrame:
    """Fixed dtypes, so that chunks, cache files and Dask partitions all agree."""
    return df.astype(_dtypes(columns))


def _from_rows(rows: list[list[Any]], columns: list[str]) -> pd.DataFrame:
    """``_typed(pd.DataFrame(rows, columns=columns), columns)``, built column by column
    (a chunk's 179 columns as typed arrays instead of objects converted one by one)."""
    if not rows:
        return _typed(pd.DataFrame(columns=columns), columns)
    import numpy as np

    types = _dtypes(columns)
    data = {c: pd.array(values, dtype=types[c]) if types[c] == "str"
            else np.array(values, dtype=types[c])
            for c, values in zip(columns, zip(*rows, strict=True), strict=True)}
    return pd.DataFrame(data, columns=columns)


def score_columns(**options: Any) -> list[str]:
    """The columns a score table will have with these :class:`Scorer` options.

    >>> score_columns(frames=False, markers=False, actors=False, quotes=False)
    ... # doctest: +NORMALIZE_WHITESPACE
    ['article_id', 'event', 'outlet', 'leaning', 'source', 'n_words', 'n_sentences',
     'mean_compound', 'share_negative', 'share_neutral', 'share_positive']
    """
    return Scorer(**options).columns


# Scorers by fingerprint, per process: a worker unpickles the scorer it is sent once and
# keeps it (with its warm caches) for every later chunk or partition.
_SCORERS: dict[str, Scorer] = {}


def _local(scorer: Scorer) -> Scorer:
    return _SCORERS.setdefault(scorer.fingerprint, scorer)


# --- checking rows ------------------------------------------------------------------------


@dataclasses.dataclass
class _Rows:
    """Good rows (as tuples of KEY_COLUMNS + text) and skipped rows of one chunk."""

    good: list[tuple[str, ...]] = dataclasses.field(default_factory=list)
    skipped: list[dict[str, Any]] = dataclasses.field(default_factory=list)

    def frame(self) -> pd.DataFrame:
        return pd.DataFrame(self.good, columns=[*KEY_COLUMNS, "text"], dtype="str")


_SURROGATE = re.compile("[\udc80-\udcff]")  # undecodable bytes (surrogateescape)


def _blank(value: Any) -> bool:
    if value is None:
        return True
    if isinstance(value, float) and math.isnan(value):
        return True
    return isinstance(value, str) and not value.strip()


class _Checker:
    """The row rules of :func:`iter_chunks`: skip and report instead of raising."""

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
        if not isinstance(record, dict):
            self.skip(rows, line, f"expected an object with 'outlet' and 'text', found "
                      f"{type(record).__name__}", where=where)
            return
        raw_id = record.get("article_id")
        article_id = str(raw_id).strip() if not _blank(raw_id) else f"{self.stem}-{self.position}"
        text, outlet = record.get("text"), record.get("outlet")
        problem = None
        if _blank(outlet):
            problem = ("outlet", "no outlet name")
        elif text is None or (isinstance(text, float) and math.isnan(text)):
            problem = ("text", "no text")
        elif not isinstance(text, str):
            problem = ("text", f"expected text, found {type(text).__name__}")
        elif not text.strip():
            problem = ("text", "empty text")
        elif len(text) > self.max_chars:
            problem = ("text", f"text of {len(text):,} characters, more than max_chars "
                       f"({self.max_chars:,}); not a news article?")
        elif not text.isascii() and _SURROGATE.search(text):
            problem = ("text", "not UTF-8 text")
        elif bad := next((k for k in ("outlet", "article_id", "event", "group", "leaning")
                          if isinstance(record.get(k), str) and not record[k].isascii()
                          and _SURROGATE.search(record[k])), None):
            problem = (bad, "not UTF-8 text")
        elif article_id in self.seen:
            problem = ("article_id", f"article id already used at {self.seen[article_id]}")
        if problem is not None:
            self.skip(rows, line, problem[1], field=problem[0], article_id=article_id,
                      where=where)
            return
        self.seen[article_id] = where
        event = record.get("event")
        if _blank(event):
            event = record.get("group")
        event = self.stem if _blank(event) else str(event).strip()
        leaning = record.get("leaning")
        rows.good.append((article_id, event, str(outlet).strip(),
                          "" if _blank(leaning) else str(leaning).strip(), where, text))


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


def _jsonl_rows(path: Path, check: _Checker) -> Iterator[tuple[_Rows, int]]:
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
                record = json.loads(raw.decode("utf-8"))
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


def _csv_rows(path: Path, check: _Checker) -> Iterator[tuple[_Rows, int]]:
    with _open_binary(path) as raw, io.TextIOWrapper(
        raw, encoding="utf-8", errors="surrogateescape", newline=""
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
        missing = [c for c in ("outlet", "text") if c not in header]
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


def _parquet_rows(path: Path, check: _Checker, chunksize: int) -> Iterator[tuple[_Rows, int]]:
    import pyarrow.parquet as pq

    try:
        file = pq.ParquetFile(path)
    except Exception as err:  # pyarrow raises several types; all mean "not Parquet"
        raise CorpusError(f"could not be read as Parquet ({err})", file=path) from None
    names = file.schema_arrow.names
    missing = [c for c in ("outlet", "text") if c not in names]
    if missing:
        raise CorpusError(f"has no {' or '.join(map(repr, missing))} column", file=path,
                          field=missing[0])
    wanted = [c for c in ("article_id", "event", "group", "outlet", "leaning", "text")
              if c in names]
    n = 0
    for batch in file.iter_batches(batch_size=chunksize, columns=wanted):
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
    check = _Checker(str(path), stem=_stem(path), max_chars=max_chars)
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
                yield pending.frame(), _skipped_frame(pending.skipped)
                pending = _Rows()
    except (EOFError, zlib.error, gzip.BadGzipFile) as err:
        raise CorpusError(f"is a damaged or cut-short gzip file ({err or type(err).__name__});"
                          " the rows before the damage were read", file=path) from None
    if pending.good or pending.skipped:
        yield pending.frame(), _skipped_frame(pending.skipped)


def _json_array(path: Path) -> bool:
    with _open_binary(path) as fh:
        return fh.read(4096).lstrip().startswith(b"[")


def _whole(path: Path, chunksize: int, check: _Checker) -> Iterator[tuple[pd.DataFrame,
                                                                            pd.DataFrame]]:
    corpus = load_corpus(path)
    for start in range(0, len(corpus), chunksize):
        part = corpus.iloc[start:start + chunksize]
        yield _check_frame(part, check)


def _skipped_frame(skipped: list[dict[str, Any]]) -> pd.DataFrame:
    return pd.DataFrame(skipped, columns=SKIPPED_COLUMNS).astype({"line": "Int64"})


def _check_frame(corpus: pd.DataFrame, check: _Checker) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Apply the row rules to a DataFrame chunk (source: its ``source`` column or index)."""
    rows = _Rows()
    columns = [c for c in ("article_id", "event", "group", "outlet", "leaning", "text")
               if c in corpus.columns]
    sources = (corpus["source"].tolist() if "source" in corpus.columns
               else [f"index {i}" for i in corpus.index])
    for record, where in zip(corpus[columns].to_dict("records"), sources, strict=True):
        check.add(rows, record, line=None, where=str(where))
    return rows.frame(), _skipped_frame(rows.skipped)


# --- the cache ----------------------------------------------------------------------------


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
        folder = Path(override).expanduser().resolve() / "scores"
    else:
        base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
        folder = Path(base).expanduser().resolve() / "outlet-lens" / "scores"
    for _label, data in data_dirs():
        if folder.is_relative_to(data.resolve()):
            raise ValueError(f"the score cache ({folder}) must not be inside a data folder "
                             f"({data}); set OUTLET_LENS_CACHE to another folder")
    return folder


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


def _cached(scorer: Scorer, articles: pd.DataFrame, folder: Path | None) -> pd.DataFrame:
    """Score a chunk, or read it from the cache (Parquet only: nothing is unpickled)."""
    if folder is None or articles.empty:
        return scorer.score_frame(articles)
    key = _chunk_key(scorer, articles)
    path = folder / key[:2] / f"{key}.parquet"
    if path.is_file():
        try:
            found = pd.read_parquet(path)
        except Exception:  # a damaged cache file is recomputed, never trusted
            found = None
        if found is not None and list(found.columns) == scorer.columns \
                and len(found) == len(articles):
            return _typed(found, scorer.columns)
    scores = scorer.score_frame(articles)
    with contextlib.suppress(OSError):  # a read-only or full cache never stops a run
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{key[:8]}.", suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as fh:
                scores.to_parquet(fh, index=False)
            os.replace(tmp, path)
        finally:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(tmp)
    return scores


# --- running chunks, in this process or a pool ---------------------------------------------

_WORKER: dict[str, Any] = {}


def _init_worker(scorer: Scorer, folder: Path | None) -> None:
    import signal

    signal.signal(signal.SIGTERM, signal.SIG_DFL)  # a forked worker may inherit the CLI's
    _WORKER["scorer"] = scorer
    _WORKER["cache"] = folder


def _work(articles: pd.DataFrame) -> pd.DataFrame:
    return _cached(_WORKER["scorer"], articles, _WORKER["cache"])


def _run(chunks: Iterable[tuple[pd.DataFrame, pd.DataFrame]], scorer: Scorer, *, jobs: int,
         folder: Path | None) -> Iterator[tuple[pd.DataFrame, pd.DataFrame]]:
    """Yield ``(scores, skipped)`` per chunk, in input order, whatever ``jobs`` is."""
    if jobs <= 1:
        for articles, skipped in chunks:
            yield _cached(scorer, articles, folder), skipped
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
        window: list[tuple[Future, pd.DataFrame]] = []
        try:
            for articles, skipped in chunks:
                window.append((pool.submit(_work, articles), skipped))
                if len(window) >= 2 * jobs:  # bounded: at most 2 chunks per worker in flight
                    future, done_skipped = window.pop(0)
                    yield future.result(), done_skipped
            for future, done_skipped in window:
                yield future.result(), done_skipped
        except BaseException:
            pool.shutdown(wait=False, cancel_futures=True)
            raise


def _jobs(jobs: int | None) -> int:
    if jobs is None or jobs == 0:
        return os.cpu_count() or 1
    if jobs < 0:
        return max(1, (os.cpu_count() or 1) + 1 + jobs)
    return jobs


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
    """One row per article with every per-article measure (see the module notes).

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
    check = _Checker("DataFrame", stem="article", max_chars=max_chars)
    chunks = (_check_frame(corpus.iloc[i:i + chunksize], check)
              for i in range(0, len(corpus), chunksize))
    folder = cache_dir() if cache else None
    parts, skipped = [], []
    with _progress(progress, len(corpus)) as bar:
        for scores, bad in _run(chunks, scorer, jobs=_jobs(jobs), folder=folder):
            parts.append(scores)
            skipped.append(bad)
            bar.update(len(scores) + len(bad))
    out = pd.concat(parts, ignore_index=True) if parts else \
        _typed(pd.DataFrame(columns=scorer.columns), scorer.columns)
    report = pd.concat(skipped, ignore_index=True) if skipped else _skipped_frame([])
    if len(report):
        shown = "; ".join(f"{r.file}: {r.reason}" for r in report.head(3).itertuples())
        warnings.warn(f"{len(report)} row(s) could not be scored and are left out ({shown}"
                      f"{' ...' if len(report) > 3 else ''}); see result.attrs['skipped']",
                      UserWarning, stacklevel=2)
        out.attrs["skipped"] = report.astype(object).where(report.notna(), None) \
            .to_dict("records")
    return out


# --- streaming output ---------------------------------------------------------------------


class _Writer:
    """Append score chunks to a temporary file beside ``target``; rename it at the end.

    CSV, JSON Lines and Parquet are written chunk by chunk; ``json`` and ``table`` need
    the whole table and are collected first. An interrupted run removes the temporary
    file, so nothing half-written ever carries the final name.
    """

    def __init__(self, target: Path, fmt: str, columns: list[str]) -> None:
        self.target = target
        self.fmt = fmt
        self.columns = columns
        self.rows = 0
        fd, self.tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.",
                                        suffix=".tmp")
        self.fh = os.fdopen(fd, "wb")
        self._parquet = None
        self._held: list[pd.DataFrame] = []

    def write(self, scores: pd.DataFrame) -> None:
        if self.fmt == "csv":
            self.fh.write(scores.to_csv(index=False, header=self.rows == 0).encode("utf-8"))
        elif self.fmt == "jsonl":
            if len(scores):
                self.fh.write(scores.to_json(orient="records", lines=True,
                                             force_ascii=False).encode("utf-8"))
        elif self.fmt == "parquet":
            import pyarrow as pa
            import pyarrow.parquet as pq

            table = pa.Table.from_pandas(scores, preserve_index=False)
            if self._parquet is None:
                self._parquet = pq.ParquetWriter(self.fh, table.schema)
            self._parquet.write_table(table.cast(self._parquet.schema))
        else:
            self._held.append(scores)
        self.rows += len(scores)

    def finish(self) -> Path:
        from .outputs import render_table

        if self.fmt in ("json", "table"):
            whole = pd.concat(self._held, ignore_index=True) if self._held else \
                _typed(pd.DataFrame(columns=self.columns), self.columns)
            self.fh.write(render_table(whole, self.fmt))  # type: ignore[arg-type]
        elif self.fmt == "parquet" and self._parquet is None:
            self.write(_typed(pd.DataFrame(columns=self.columns), self.columns))
        elif self.fmt == "csv" and self.rows == 0:
            self.fh.write((",".join(self.columns) + "\n").encode("utf-8"))
        if self._parquet is not None:
            self._parquet.close()
        self.fh.close()
        from .outputs import publish

        publish(self.tmp, self.target)
        return self.target

    def abort(self) -> None:
        with contextlib.suppress(Exception):
            if self._parquet is not None:
                self._parquet.close()
        with contextlib.suppress(Exception):
            self.fh.close()
        with contextlib.suppress(FileNotFoundError):
            os.unlink(self.tmp)


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

    from .outputs import check_target, table_format

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
    writer = _Writer(target, fmt_name, scorer.columns) if target is not None else None
    held: list[pd.DataFrame] = []
    skipped: list[pd.DataFrame] = []
    n_articles = n_words = 0
    try:
        with _progress(progress, None) as bar:
            for scores, bad in _run(chunks, scorer, jobs=_jobs(jobs), folder=folder):
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
    except BaseException:
        if writer is not None:
            writer.abort()
        raise
    report_frame = pd.concat(skipped, ignore_index=True) if skipped else _skipped_frame([])
    report = None
    if target is not None:
        from .outputs import write_table, written_by_kit

        if len(report_frame):
            report = write_table(report_frame, report_target, fmt="csv", force=force)
        elif report_target.exists() and written_by_kit(report_target):
            report_target.unlink()  # this run skipped nothing: an old report would mislead
    whole = None
    if writer is None:
        whole = pd.concat(held, ignore_index=True) if held else \
            _typed(pd.DataFrame(columns=scorer.columns), scorer.columns)
    return ScoreRun(out=written, n_articles=n_articles, n_words=n_words, skipped=report_frame,
                    report=report, seconds=time.perf_counter() - started, scores=whole)


# --- Dask -----------------------------------------------------------------------------------


def _score_partition(partition: pd.DataFrame, scorer: Scorer, cache: bool,
                     max_chars: int) -> pd.DataFrame:
    local = _local(scorer)
    check = _Checker("DataFrame", stem="article", max_chars=max_chars)
    articles, _ = _check_frame(partition, check)
    return _cached(local, articles, cache_dir() if cache else None)


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
    meta = _typed(pd.DataFrame(columns=scorer.columns), scorer.columns)
    return ddf.map_partitions(_score_partition, scorer, cache, max_chars, meta=meta,
                              enforce_metadata=False)


# --- tidy views -----------------------------------------------------------------------------


def long_scores(scores: pd.DataFrame, kind: Literal["frame", "marker", "actor"]) -> pd.DataFrame:
    """The wide ``frame_*`` / ``marker_*`` / ``mentions_*`` columns as a tidy table.

    ``kind="frame"`` gives ``article_id, outlet, frame, n_matches, per_1000_words,
    sentence_share`` (the columns of :func:`analysis.framing.frame_scores`); ``"marker"``
    the same with ``marker``; ``"actor"`` gives ``article_id, outlet, actor, n_mentions``
    (every listed actor, also with 0 mentions).

    >>> from analysis import from_texts
    >>> scores = score_articles(from_texts({"A": "Talks began."}), cache=False,
    ...                         frames={"talks": ["talks"]}, markers=False, actors=False)
    >>> long_scores(scores, "frame")
      article_id outlet  frame  n_matches  per_1000_words  sentence_share
    0        a-1      A  talks          1           500.0             1.0
    """
    keys = ["article_id", "outlet"]
    if kind == "actor":
        cols = [c for c in scores.columns if c.startswith("mentions_")]
        wide = scores[keys + cols].reset_index(drop=True)
        out = wide.melt(id_vars=keys, var_name="actor", value_name="n_mentions",
                        ignore_index=False)
        out["actor"] = out["actor"].str.removeprefix("mentions_")
        out = out.sort_index(kind="stable")  # article by article, actors in list order
        return out.astype({"n_mentions": "int64"}).reset_index(drop=True)
    if kind not in ("frame", "marker"):
        raise ValueError(f"kind must be 'frame', 'marker' or 'actor', not {kind!r}")
    suffix = f"_{_MEASURES[0]}"
    names = [c[len(kind) + 1:-len(suffix)] for c in scores.columns
             if c.startswith(f"{kind}_") and c.endswith(suffix)]
    parts = []
    for name in names:
        part = scores[keys].copy()
        part[kind] = name
        for m in _MEASURES:
            part[m] = scores[f"{kind}_{name}_{m}"].to_numpy()
        parts.append(part)
    if not parts:
        return pd.DataFrame(columns=[*keys, kind, *_MEASURES])
    out = pd.concat(parts, ignore_index=True)
    order = {n: i for i, n in enumerate(names)}
    out["_o"] = out[kind].map(order)
    out["_a"] = out.groupby(kind).cumcount()
    return out.sort_values(["_a", "_o"]).drop(columns=["_o", "_a"]).reset_index(drop=True)
