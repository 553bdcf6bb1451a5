"""The row rules of a corpus table: which fields a row needs and how its cells are read.

One implementation for both readers of table files (CSV, JSON Lines, JSON, Parquet):
:func:`analysis.load_corpus` stops at the first row that breaks a rule (the
:class:`~analysis.errors.CorpusError` names the file, line and field), while the streaming
reader of :mod:`analysis.scoring` skips the row and lists the same error in its report.

A row is a mapping of column names to cells. The rules:

* ``outlet`` and ``text`` are required (:data:`REQUIRED_FIELDS`): a missing, empty or
  blank cell breaks the row; ``text`` must be a string (a number or a list is not text).
* ``text`` is kept exactly as it is; a ``max_chars`` limit may be given (the streamer's).
* Text with undecodable bytes (``surrogateescape`` characters, from a reader that keeps
  bytes it could not decode) breaks the row, in ``text`` or in any other field it reads.
* ``article_id``, ``outlet``, ``event``, ``group`` and ``leaning`` cells become trimmed
  strings; a blank ``article_id`` gets ``<file stem>-<n>`` (``n``: the row's position); a
  blank ``event`` takes the ``group`` (the allsides corpus groups articles by topic and day
  there), then the file stem.

Rules about the whole table (an ``outlet`` or ``text`` column missing, ids repeated, dates)
belong to each reader: :func:`load_corpus` reports all the places an id is used, the
streamer skips the later rows.

>>> check_row({"outlet": " n-tv ", "text": "Talks.", "group": 7}, default_id="f-1",
...           default_event="f", file="f.jsonl", line=1)
Row(article_id='f-1', event='7', outlet='n-tv', leaning='', text='Talks.')
>>> check_row({"outlet": "", "text": "Talks."}, default_id="f-2", default_event="f",
...           file="f.jsonl", line=2)
Traceback (most recent call last):
analysis.errors.CorpusError: f.jsonl, line 2, field 'outlet': is empty; expected an outlet name
"""

from __future__ import annotations

import math
import os
import re
from collections.abc import Mapping
from typing import Any, NamedTuple

import pandas as pd

from .errors import CorpusError

__all__ = ["READ_FIELDS", "REQUIRED_FIELDS", "Row", "check_row", "is_blank", "row_id"]

#: Columns every corpus table must have.
REQUIRED_FIELDS = ("outlet", "text")
#: The columns the row rules read (the streaming reader reads no others).
READ_FIELDS = ("article_id", "event", "group", "outlet", "leaning", "text")

_SURROGATE = re.compile("[\udc80-\udcff]")  # undecodable bytes (surrogateescape)


class Row(NamedTuple):
    """A row that passed the rules: the key fields, normalised, and the text as it was."""

    article_id: str
    event: str
    outlet: str
    leaning: str
    text: str


def is_blank(value: Any) -> bool:
    """Is a cell empty: None, NaN, pandas' NA or NaT, or a string of only whitespace?

    >>> [is_blank(v) for v in (None, float("nan"), pd.NA, "  ", 0, "x")]
    [True, True, True, True, False, False]
    """
    if value is None or value is pd.NA or value is pd.NaT:
        return True
    if isinstance(value, float) and math.isnan(value):
        return True
    return isinstance(value, str) and not value.strip()


def row_id(record: Mapping[str, Any], default: str) -> str:
    """The row's article id: its ``article_id`` cell trimmed, or ``default`` when blank.

    >>> row_id({"article_id": " a1 "}, "f-1"), row_id({"article_id": None}, "f-1")
    ('a1', 'f-1')
    """
    raw = record.get("article_id")
    return default if is_blank(raw) else str(raw).strip()


def _undecodable(text: str) -> bool:
    """Does ``text`` hold undecodable bytes (:data:`_SURROGATE`)? Encoding to UTF-8 fails
    on any surrogate and is three times faster than the search, which runs only then.

    >>> _undecodable("Kyiv"), _undecodable("Kyiv\\u2019s"), _undecodable("Ky\\udcffiv")
    (False, False, True)
    """
    if text.isascii():
        return False
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return _SURROGATE.search(text) is not None
    return False


def _text_problem(text: Any, max_chars: int | None) -> str | None:
    if is_blank(text):
        return "is empty; expected the article text"
    if not isinstance(text, str):
        return f"expected text, found {type(text).__name__}"
    if max_chars is not None and len(text) > max_chars:
        return (f"text of {len(text):,} characters, more than max_chars ({max_chars:,}); "
                "not a news article?")
    if _undecodable(text):
        return "not UTF-8 text"
    return None


def check_row(
    record: Any,
    *,
    default_id: str,
    default_event: str,
    file: str | os.PathLike[str] | None = None,
    line: int | None = None,
    max_chars: int | None = None,
) -> Row:
    """Apply the row rules to one record; raise :class:`~analysis.errors.CorpusError`
    naming ``file``, ``line`` and the field if it breaks one.

    Parameters
    ----------
    record : the row, a mapping of column names to cells (anything else breaks the rules).
    default_id : the id of a row whose ``article_id`` is blank (``<file stem>-<n>``).
    default_event : the event of a row with neither ``event`` nor ``group`` (the file stem).
    file, line : where the row is, for the message (``line`` None: not a line-based file;
        then ``file`` names the row, e.g. ``"corpus.parquet (row 3)"``).
    max_chars : reject a longer text (None: no limit).

    Returns
    -------
    Row
        ``article_id, event, outlet, leaning`` as trimmed strings, and ``text`` unchanged.
    """
    if not isinstance(record, Mapping):
        raise CorpusError(f"expected an object with 'outlet' and 'text', found "
                          f"{type(record).__name__}", file=file, line=line)
    for key in ("outlet", "article_id", "event", "group", "leaning"):
        value = record.get(key)
        if value is not None and not isinstance(value, str) and (
                isinstance(value, Mapping) or hasattr(value, "__len__")):
            kind = ("an object" if isinstance(value, Mapping) else "bytes"
                    if isinstance(value, bytes | bytearray) else "a list")
            raise CorpusError(f"expected text, found {kind} (each row names one "
                              f"{'outlet' if key == 'outlet' else key})", file=file, line=line,
                              field=key)
    article_id = row_id(record, default_id)
    outlet = record.get("outlet")
    if is_blank(outlet):
        raise CorpusError("is empty; expected an outlet name", file=file, line=line,
                          field="outlet")
    text = record.get("text")
    problem = _text_problem(text, max_chars)
    if problem is not None:
        raise CorpusError(problem, file=file, line=line, field="text")
    for key in ("outlet", "article_id", "event", "group", "leaning"):
        value = record.get(key)
        if isinstance(value, str) and _undecodable(value):
            raise CorpusError("not UTF-8 text", file=file, line=line, field=key)
    event = record.get("event")
    if is_blank(event):
        event = record.get("group")
    leaning = record.get("leaning")
    return Row(
        article_id=article_id,
        event=default_event if is_blank(event) else str(event).strip(),
        outlet=str(outlet).strip(),
        leaning="" if is_blank(leaning) else str(leaning).strip(),
        text=text,
    )
