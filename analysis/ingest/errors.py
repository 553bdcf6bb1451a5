"""How a source that cannot be brought in is reported: :class:`IngestError`."""

from __future__ import annotations

from ..errors import CorpusError

__all__ = ["IngestError", "describe_bytes"]


class IngestError(CorpusError):
    """A source that could not be brought in; the message names it and says what to do."""


def describe_bytes(n: int) -> str:
    """A size as messages give it.

    >>> describe_bytes(2_500_000), describe_bytes(512)
    ('2.5 MB', '512 bytes')
    """
    return f"{n / 1_000_000:.1f} MB" if n >= 100_000 else f"{n:,} bytes"
