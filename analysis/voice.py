"""Whose words: the outlet's own, or the quoted and reported words of its sources.

A report's tone, hedges and frames are partly the outlet's and partly those of the people it
quotes: "very", "deeply" and "clearly" inside a Kremlin spokesman's quote say something
about the Kremlin, not about the outlet. The measures can therefore be split by *voice*:

``outlet``
    the outlet's own words: everything outside quotation and reported speech;
``quoted``
    the content of direct quotes and of reported speech ("X said that ..."), as
    :func:`analysis.quotes.find_quotes` finds it (scare quotes and titles are not voices).

A sentence takes the voice of most of its characters. This is a heuristic on top of the
quote finder: where a quote is missed, its words count as the outlet's.

>>> text = 'The talks went well. "It was a disaster," Peskov said.'
>>> spans = quoted_spans(text)
>>> [text[s:e] for s, e in spans]
['It was a disaster,']
>>> voice_of(0, 20, spans), voice_of(21, 55, spans)
('outlet', 'quoted')
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from typing import Any, Literal

from .tokens import count_words

__all__ = ["VOICES", "Voice", "quoted_share", "quoted_spans", "voice_of", "words_by_voice"]

Voice = Literal["all", "outlet", "quoted"]
#: The values of a ``voice=`` option: every word, the outlet's own, or its sources'.
VOICES: tuple[Voice, ...] = ("all", "outlet", "quoted")

_VOICED = ("direct", "reported")


def check_voice(voice: str) -> None:
    """Raise ValueError unless ``voice`` is one of :data:`VOICES`."""
    if voice not in VOICES:
        raise ValueError(f"voice must be one of {', '.join(VOICES)}; not {voice!r}")


def quoted_spans(text: str, *, actors: Any = None,
                 mentions: Sequence[Any] | None = None) -> list[tuple[int, int]]:
    """Sorted, non-overlapping ``(start, end)`` spans of quoted and reported words.

    ``actors`` and ``mentions`` are passed to :func:`analysis.quotes.find_quotes` (they only
    change who speaks, not where the quotes are, but save work when the caller has them).
    """
    from .quotes import find_quotes

    quotes = find_quotes(text, actors=actors, mentions=mentions, thoughts=False,
                         resolve_speakers=False)  # (where, not who: the last pass skipped)
    found = sorted((q.start, q.end) for q in quotes if q.kind in _VOICED and q.end > q.start)
    merged: list[tuple[int, int]] = []
    for s, e in found:
        if merged and s <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], e))
        else:
            merged.append((s, e))
    return merged


def quoted_share(start: int, end: int, spans: Sequence[tuple[int, int]]) -> float:
    """The share of ``[start, end)`` inside ``spans`` (0 for an empty range).

    >>> quoted_share(0, 10, [(2, 4), (8, 20)])
    0.4
    """
    if end <= start:
        return 0.0
    k = bisect.bisect_right(spans, (start, float("inf"))) - 1
    k = max(k, 0)
    inside = 0
    while k < len(spans) and spans[k][0] < end:
        s, e = spans[k]
        inside += max(0, min(e, end) - max(s, start))
        k += 1
    return inside / (end - start)


def voice_of(start: int, end: int, spans: Sequence[tuple[int, int]]) -> str:
    """``"quoted"`` when most of ``[start, end)`` is quoted or reported, else ``"outlet"``."""
    return "quoted" if quoted_share(start, end, spans) > 0.5 else "outlet"


def words_by_voice(text: str, spans: Sequence[tuple[int, int]]) -> tuple[int, int]:
    """``(outlet words, quoted words)`` of ``text``: the words outside and inside ``spans``.

    >>> words_by_voice('He said: "we will win the war" today.', [(10, 29)])
    (3, 5)
    """
    quoted = sum(count_words(text[s:e]) for s, e in spans)
    return count_words(text) - quoted, quoted
