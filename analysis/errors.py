"""The kit's two exceptions, in a module of their own so every layer can raise them.

Both are :class:`ValueError` subclasses, so code that catches ``ValueError`` keeps working.
Messages are for people: they name the file, line and field, say what was expected and what
was found, and stay short (a huge value is never echoed).
"""

from __future__ import annotations

import os
from collections.abc import Iterable

import pandas as pd

__all__ = ["LOAD_HINT", "MAX_MESSAGE", "CorpusError", "OutputError", "require_columns", "shorten"]


class CorpusError(ValueError):
    """Bad input, with the place it was found.

    The message reads ``<file>, line <n>, field '<name>': <what was wrong>``; the parts are
    also attributes (``file``, ``line``, ``field``) for programs.

    >>> str(CorpusError("expected a date", file="event.yml", line=3, field="date"))
    "event.yml, line 3, field 'date': expected a date"
    """

    def __init__(
        self,
        message: str,
        *,
        file: str | os.PathLike[str] | None = None,
        line: int | None = None,
        field: str | None = None,
    ) -> None:
        message = shorten(message, MAX_MESSAGE)
        self.file = shorten(str(file), 300) if file is not None else None
        self.line = line
        self.field = shorten(field, 100) if field is not None else None
        self.reason = message
        where = [p for p in (self.file, f"line {line}" if line else None) if p]
        if self.field:
            where.append(f"field {self.field!r}")
        super().__init__(f"{', '.join(where)}: {message}" if where else message)


#: The longest message an error carries; longer ones are cut (a huge value is never echoed).
MAX_MESSAGE = 600


def shorten(text: str, limit: int) -> str:
    """``text`` cut to ``limit`` characters, saying how much was left out.

    >>> shorten("abcdefghij" * 10, 30)
    'abcdefghijabcdefghij… (100 ch)'
    """
    if len(text) <= limit:
        return text
    tail = f"… ({len(text):,} ch)"
    return text[: max(limit - len(tail), 0)] + tail


class OutputError(ValueError):
    """A refused or impossible write; the message names the path and what to do."""


LOAD_HINT = "Load articles with analysis.load_corpus() or analysis.from_texts()."


def require_columns(
    df: pd.DataFrame, columns: Iterable[str], what: str, *, hint: str = LOAD_HINT
) -> None:
    """Check up front that ``df`` is a DataFrame with ``columns``; the error names them.

    ``what`` is the function asking; ``hint`` says where such a table comes from.

    >>> require_columns(pd.DataFrame({"outlet": []}), ["outlet", "text"], "my_function")
    Traceback (most recent call last):
    ValueError: my_function needs the column(s) 'text'; the DataFrame has 'outlet'. Load ...
    """
    if not isinstance(df, pd.DataFrame):
        raise TypeError(f"{what} needs a pandas DataFrame, not {type(df).__name__}")
    missing = [c for c in columns if c not in df.columns]
    if missing:
        has = ", ".join(map(repr, df.columns)) or "no columns"
        raise ValueError(f"{what} needs the column(s) {', '.join(map(repr, missing))}; "
                         f"the DataFrame has {has}." + (f" {hint}" if hint else ""))
