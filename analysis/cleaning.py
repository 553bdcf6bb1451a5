"""Remove page furniture from article text, and say exactly what was removed.

Texts copied or scraped from news sites carry lines that are not part of the article:
"Skip to content", a photo caption repeated as alt text, the headline repeated in the body,
"Read also:", "Comments", and sometimes a summary appended after the article. Counting them
as article text skews every measure (n-tv's "Comments" is not a voice, its repeated caption
doubles a sentence).

Cleaning here is explicit and visible:

* it works on whole lines, by named rules, each with a reason a reader can check;
* :func:`find_furniture` lists every removal with its rule, line number and character span,
  and :func:`furniture_table` does so for a corpus;
* :func:`clean_corpus` returns a *new* DataFrame whose ``text`` is cleaned and whose
  ``raw_text`` keeps the text as stored. Files are never touched.

The rules (all on by default):

``navigation``
    The whole line matches a pattern in ``data/wordlists/cleaning.yml`` ("Skip to content",
    "Read also:", "Comments", "Latest", cookie notices...).
``title``
    The line repeats the article's headline (which is kept in the ``title`` column).
``repeated_caption``
    A short line (under 200 characters) immediately repeated: a photo caption and its alt
    text. Every copy is removed.
``repeated_line``
    A line of at least 20 characters already seen earlier in the article: the later copies
    are removed.
``appended_summary``
    At least three numbered points (1., 2., 3., ...) after the article's last paragraph,
    with nothing but furniture after them, optionally under a header such as "Key points".
    News articles rarely end this way; summaries added by aggregators or machine
    translation services do.

>>> text = "Skip to content\\nTalks held\\nThe ministers spoke.\\nComments"
>>> [(r.rule, r.line, r.text) for r in find_furniture(text, title="Talks held")]
[('navigation', 1, 'Skip to content'), ('title', 2, 'Talks held'), ('navigation', 4, 'Comments')]
>>> clean_text(text, title="Talks held")
'The ministers spoke.'
"""

from __future__ import annotations

import itertools
import os
import re
from collections.abc import Collection
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

import pandas as pd

from .errors import CorpusError, require_columns
from .resources import find_resource
from .tokens import normalize
from .yamlio import cached_by_file, read_yaml

__all__ = [
    "RULES",
    "Removal",
    "clean_corpus",
    "clean_text",
    "find_furniture",
    "furniture_table",
    "load_patterns",
]

Rule = Literal["navigation", "title", "repeated_caption", "repeated_line", "appended_summary"]
#: Every rule, in the order they are applied.
RULES: tuple[Rule, ...] = (
    "navigation",
    "title",
    "repeated_caption",
    "repeated_line",
    "appended_summary",
)

_REASONS = {
    "navigation": "site navigation or page furniture (pattern {pattern!r} in cleaning.yml)",
    "title": "repeats the headline, which is kept in the title column",
    "repeated_caption": (
        "a short line repeated right after itself: a photo caption and its alt text"
    ),
    "repeated_line": "repeats line {first} word for word",
    "appended_summary": "a numbered summary of {n} points after the end of the article",
}
_NUMBERED = re.compile(r"\s*(\d{1,2})[.)]\s+\S")
_MIN_REPEATED_LINE = 20
_MAX_CAPTION = 200


@dataclass(frozen=True)
class Removal:
    """One removed line: which rule, where (1-based ``line``; ``start``/``end`` are character
    offsets of the line in the original text, without its line break), what, and why."""

    rule: Rule
    line: int
    start: int
    end: int
    text: str
    reason: str


@dataclass(frozen=True)
class _Patterns:
    navigation: tuple[tuple[str, re.Pattern[str]], ...]
    summary_headers: frozenset[str]


def load_patterns(path: str | os.PathLike[str] | None = None) -> _Patterns:
    """Read the cleaning patterns (default: ``wordlists/cleaning.yml``, found by
    :func:`analysis.resources.find_resource`; read again when the file changes).

    A pattern that is not a valid regular expression raises :class:`CorpusError` naming the
    file and the entry.
    """
    return cached_by_file(find_resource("wordlists/cleaning.yml", path or None), _read_patterns)


def _read_patterns(file: Path) -> _Patterns:
    content = read_yaml(file)
    if not isinstance(content, dict) or not isinstance(content.get("navigation"), list):
        raise CorpusError("expected a 'navigation:' list of patterns", file=file,
                          field="navigation")
    compiled = []
    for i, pattern in enumerate(content["navigation"]):
        try:
            compiled.append((str(pattern), re.compile(str(pattern), re.IGNORECASE)))
        except re.error as err:
            raise CorpusError(
                f"entry {i + 1} ({pattern!r}) is not a valid regular expression: {err}",
                file=file, field="navigation",
            ) from None
    headers = frozenset(str(h).lower() for h in content.get("summary_headers") or ())
    return _Patterns(tuple(compiled), headers)


def _lines(text: str) -> list[tuple[int, int, str]]:
    """``(start, end, line)`` for every line, ``end`` before the line break."""
    out, pos = [], 0
    for line in text.split("\n"):
        out.append((pos, pos + len(line), line))
        pos += len(line) + 1
    return out


def _key(line: str) -> str:
    """A comparison key: normalised, case-folded, spaces collapsed, end punctuation dropped."""
    return " ".join(normalize(line).casefold().split()).rstrip(" .:!?")


def find_furniture(
    text: str,
    *,
    title: str | None = None,
    rules: Collection[Rule] = RULES,
) -> list[Removal]:
    """List the lines of ``text`` that the cleaning ``rules`` would remove, in text order."""
    unknown = set(rules) - set(RULES)
    if unknown:
        raise ValueError(f"unknown cleaning rule(s) {sorted(unknown)}; the rules are {RULES}")
    patterns = load_patterns()
    lines = _lines(text)
    found: dict[int, Removal] = {}

    def remove(i: int, rule: Rule, **fmt: object) -> None:
        start, _end, line = lines[i]
        lead = len(line) - len(line.lstrip())
        found.setdefault(
            i,
            Removal(rule, i + 1, start + lead, start + len(line.rstrip()), line.strip(),
                    _REASONS[rule].format(**fmt)),
        )

    content = [i for i, (_, _, line) in enumerate(lines) if line.strip()]

    if "navigation" in rules:
        for i in content:
            stripped = normalize(lines[i][2]).strip()
            for source, regex in patterns.navigation:
                if regex.fullmatch(stripped):
                    remove(i, "navigation", pattern=source)
                    break

    if "title" in rules and title and _key(title):
        for i in content:
            if _key(lines[i][2]) == _key(title):
                remove(i, "title")

    if "repeated_caption" in rules:
        for a, b in itertools.pairwise(content):
            key = _key(lines[a][2])
            if key and key == _key(lines[b][2]) and len(lines[a][2].strip()) < _MAX_CAPTION:
                remove(a, "repeated_caption")
                remove(b, "repeated_caption")

    if "repeated_line" in rules:
        first_seen: dict[str, int] = {}
        for i in content:
            key = _key(lines[i][2])
            if len(key) < _MIN_REPEATED_LINE:
                continue
            if key in first_seen:
                remove(i, "repeated_line", first=first_seen[key] + 1)
            else:
                first_seen[key] = i

    if "appended_summary" in rules:
        for i, n in _appended_summary(lines, content, found, patterns.summary_headers):
            remove(i, "appended_summary", n=n)

    return [found[i] for i in sorted(found)]


def _appended_summary(lines, content, found, headers) -> list[tuple[int, int]]:
    """Line indexes of a numbered list at the end of the text (with its header), if any."""
    tail = [i for i in content if i not in found]
    items: list[int] = []
    for i in reversed(tail):
        if _NUMBERED.match(lines[i][2]):
            items.append(i)
        else:
            break
    items.reverse()
    numbers = [int(_NUMBERED.match(lines[i][2]).group(1)) for i in items]
    if len(items) < 3 or numbers != list(range(1, len(items) + 1)):
        return []
    block = list(items)
    before = [i for i in tail if i < items[0]]
    if before and _key(lines[before[-1]][2]) in headers:
        block.insert(0, before[-1])
    return [(i, len(items)) for i in block]


def _drop(text: str, removals: list[Removal]) -> str:
    gone = {r.line - 1 for r in removals}
    kept = [line for i, (_, _, line) in enumerate(_lines(text)) if i not in gone]
    cleaned = "\n".join(kept)
    cleaned = re.sub(r"\n[ \t]*\n(?:[ \t]*\n)+", "\n\n", cleaned)  # at most one blank line
    return cleaned.strip("\n")


def clean_text(
    text: str, *, title: str | None = None, rules: Collection[Rule] = RULES
) -> str:
    """``text`` without the lines :func:`find_furniture` lists (and without the blank lines
    their removal leaves behind)."""
    return _drop(text, find_furniture(text, title=title, rules=rules))


def furniture_table(corpus: pd.DataFrame, *, rules: Collection[Rule] = RULES) -> pd.DataFrame:
    """Every line cleaning would remove: ``article_id, outlet, rule, line, start, end, text,
    reason`` (``line`` is 1-based within the article text; spans index that text).

    >>> from analysis import load_corpus
    >>> table = furniture_table(load_corpus(SEED_EVENT))
    >>> table.groupby(["outlet", "rule"]).size()
    outlet       rule
    Shafaq News  title               1
    n-tv         appended_summary    5
                 navigation          4
                 repeated_caption    2
                 title               2
    dtype: int64
    """
    require_columns(corpus, ["article_id", "outlet", "text"], "furniture_table")
    titles = corpus["title"] if "title" in corpus.columns else [None] * len(corpus)
    rows = []
    for article_id, outlet, text, title in zip(
        corpus["article_id"], corpus["outlet"], corpus["text"], titles, strict=True
    ):
        for r in find_furniture(text, title=title or None, rules=rules):
            rows.append((article_id, outlet, r.rule, r.line, r.start, r.end, r.text, r.reason))
    return pd.DataFrame(
        rows, columns=["article_id", "outlet", "rule", "line", "start", "end", "text", "reason"]
    ).astype({"line": "int64", "start": "int64", "end": "int64"})


def clean_corpus(corpus: pd.DataFrame, *, rules: Collection[Rule] = RULES) -> pd.DataFrame:
    """A new corpus whose ``text`` has the furniture removed.

    Adds ``raw_text`` (the text as stored, unchanged) and ``n_removed_lines``. Spans computed
    on the result index the cleaned text. See :func:`furniture_table` for what was removed.

    >>> from analysis import load_corpus
    >>> corpus = load_corpus(SEED_EVENT)
    >>> cleaned = clean_corpus(corpus)
    >>> cleaned["n_removed_lines"].tolist()
    [13, 1]
    >>> cleaned.loc[0, "text"].splitlines()[0]
    'Risk of escalation'
    >>> bool((cleaned["raw_text"] == corpus["text"]).all())
    True
    """
    require_columns(corpus, ["article_id", "outlet", "text"], "clean_corpus")
    titles = corpus["title"] if "title" in corpus.columns else [None] * len(corpus)
    texts, counts = [], []
    for text, title in zip(corpus["text"], titles, strict=True):
        removals = find_furniture(text, title=title or None, rules=rules)
        texts.append(_drop(text, removals))
        counts.append(len(removals))
    return corpus.assign(
        raw_text=corpus["raw_text"] if "raw_text" in corpus.columns else corpus["text"],
        text=texts,
        n_removed_lines=counts,
    )
