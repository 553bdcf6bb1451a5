"""Read PolNeAR (Newell, Margolin and Ruths 2018), attribution gold standard for news.

PolNeAR annotates, in 1,008 US political news articles of 2015-2016, every attribution:
a **source** (who), a **cue** (the words that attribute: "said", "according to",
"believes") and a **content** (what is attributed), as brat standoff files. The data is
not part of this repository; get it with
``git clone https://github.com/networkdynamics/PolNeAR`` (or any copy of its ``data/``).

Layout read here (the repository's ``data/`` folder)::

    data/<compartment>/text/<article>.txt
    data/<compartment>/attributions/<article>_<annotator>.ann

Compartments are ``train``, ``dev`` and ``test`` (the release measurement only), plus
``annotator-training``. An article annotated by several annotators has several ``.ann``
files; the first by name is used. The outlet is the publisher code that opens the file name
(``nyt_2016-10-02_...``).

Brat lines read: ``T<n>\\t<Type> <start> <end>[;<start> <end>...]\\t<text>`` (a span,
possibly in fragments; the text may run over several lines when the span holds line breaks),
``E<n>\\t<Type>:<T> <Role>:<T> ...`` (an attribution: ``Attribution`` or
``Attribution-no-source``; roles ``Source``, ``Cue``, ``Content``, ``Content2``...) and
``#<n>\\tAnnotatorNotes ...`` (ignored). Offsets index the ``.txt`` in characters; each
span's text is checked against them.

>>> records = read_ann_text(
...     "T1\\tSource 0 5\\tPeter\\nT2\\tCue 6 10\\tsaid\\nT3\\tContent 11 19\\tit rains\\n"
...     "T4\\tAttribution 6 10\\tsaid\\nE1\\tAttribution:T4 Source:T1 Cue:T2 Content:T3\\n",
...     "Peter said it rains.", file="example.ann")
>>> a = records[0]
>>> a.source_text, a.cue_text, a.content_text, a.content_spans
('Peter', 'said', 'it rains', ((11, 19),))
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from analysis import CorpusError

__all__ = [
    "ARTICLE_COLUMNS",
    "ATTRIBUTION_COLUMNS",
    "COMPARTMENTS",
    "OUTLETS",
    "GoldAttribution",
    "read_ann",
    "read_ann_text",
    "read_compartment",
]

COMPARTMENTS = ("train", "dev", "test", "annotator-training")
#: Publisher codes (the start of each file name) and the outlets they stand for.
OUTLETS = {
    "huff-post": "Huffington Post", "breitbart": "Breitbart", "nyt": "New York Times",
    "politico": "Politico", "wash-post": "Washington Post",
    "west-journal": "Western Journalism", "usa-today": "USA Today",
}
ARTICLE_COLUMNS = ["article_id", "outlet", "annotator", "ann_file", "text"]
ATTRIBUTION_COLUMNS = [
    "article_id", "attribution_id", "source_text", "source_start", "source_end",
    "source_spans", "cue_text", "cue_start", "cue_end", "cue_spans", "content_text",
    "content_start", "content_end", "content_spans",
]

Spans = tuple[tuple[int, int], ...]
_ID = re.compile(r"[TERAMN#*]\d*\t")
_SPAN = re.compile(r"(\d+) (\d+)")
_ANNOTATOR = re.compile(r"^(?P<article>.+)_(?P<annotator>[0-9a-f]{4})\.ann$")


@dataclass(frozen=True)
class GoldAttribution:
    """One gold attribution. Spans are ``((start, end), ...)`` in the article's text, empty
    when the part is missing (no source; rarely no cue or no content); a discontinuous
    part keeps every fragment, in text order, and its text joins them with a space."""

    attribution_id: str
    source_spans: Spans
    cue_spans: Spans
    content_spans: Spans
    source_text: str
    cue_text: str
    content_text: str


@dataclass(frozen=True)
class _Span:
    type: str
    spans: Spans
    line: int


def _fragments_text(text: str, spans: Spans) -> str:
    return " ".join(text[s:e] for s, e in spans)


def read_ann_text(ann: str, text: str, *, file: str = "<string>") -> list[GoldAttribution]:
    """The attributions of one brat standoff annotation ``ann`` over the article ``text``.

    Raises
    ------
    CorpusError
        A line that is not a brat line, offsets outside the text or whose text differs
        from the one the line gives, an ``E`` line naming a ``T`` that does not exist
        (file and line named).
    """
    spans: dict[str, _Span] = {}
    events: list[tuple[str, list[tuple[str, str]], int]] = []
    lines = ann.split("\n")
    i = 0
    while i < len(lines):
        line, number = lines[i].rstrip("\r"), i + 1
        i += 1
        if not line.strip():
            continue
        if not _ID.match(line):
            raise CorpusError(f"not a brat annotation line: {line[:60]!r}", file=file,
                              line=number)
        ident, _, rest = line.partition("\t")
        if ident.startswith("T"):
            head, tab, given = rest.partition("\t")
            kind, _, offsets = head.partition(" ")
            found = [_SPAN.fullmatch(f) for f in offsets.split(";")]
            if not tab or not kind or not all(found):
                raise CorpusError(
                    f"expected 'T<n><TAB><Type> <start> <end>[;<start> <end>]<TAB><text>', "
                    f"found {line[:60]!r}", file=file, line=number)
            frags = tuple((int(m.group(1)), int(m.group(2))) for m in found if m)
            if any(s > e or e > len(text) for s, e in frags):
                raise CorpusError(f"span {offsets} is outside the text ({len(text)} "
                                  "characters) or reversed", file=file, line=number)
            expected = _fragments_text(text, frags)
            # A span holding line breaks continues its text on the next lines.
            while given != expected and i < len(lines) and expected.startswith(
                    given + "\n") and not _ID.match(lines[i]):
                given += "\n" + lines[i].rstrip("\r")
                i += 1
            if given != expected:
                raise CorpusError(
                    f"{ident}: the text at {offsets} is {expected[:40]!r}, the line gives "
                    f"{given[:40]!r}", file=file, line=number)
            if ident in spans:
                raise CorpusError(f"{ident} is defined twice", file=file, line=number)
            spans[ident] = _Span(kind, tuple(sorted(frags)), number)
        elif ident.startswith("E"):
            args = []
            for arg in rest.split():
                role, colon, ref = arg.partition(":")
                if not colon or not role or not ref:
                    raise CorpusError(f"expected '<Role>:<T id>', found {arg[:40]!r}",
                                      file=file, line=number)
                args.append((role, ref))
            if not args:
                raise CorpusError("an E line with no arguments", file=file, line=number)
            events.append((ident, args, number))
        # A (attributes), R (relations), M, N, * and # (notes) lines: not needed here.
    out = []
    for ident, args, number in events:
        parts: dict[str, list[tuple[int, int]]] = {"Source": [], "Cue": [], "Content": []}
        for role, ref in args[1:]:
            if ref not in spans:
                raise CorpusError(f"{ident} names {ref}, which no T line defines", file=file,
                                  line=number)
            base = role.rstrip("0123456789")  # Content2: a second content part
            if base in parts:
                parts[base] += spans[ref].spans
        source, cue, content = (tuple(sorted(parts[k])) for k in ("Source", "Cue", "Content"))
        out.append(GoldAttribution(
            ident, source, cue, content, _fragments_text(text, source),
            _fragments_text(text, cue), _fragments_text(text, content),
        ))
    return out


def read_ann(ann_path: str | Path, text: str) -> list[GoldAttribution]:
    """The attributions of the ``.ann`` file at ``ann_path`` over the article ``text``."""
    ann = Path(ann_path).read_text(encoding="utf-8")
    return read_ann_text(ann, text, file=str(ann_path))


def _check_compartment(root: Path, compartment: str) -> Path:
    if compartment not in COMPARTMENTS:
        raise ValueError(f"compartment must be one of {', '.join(COMPARTMENTS)}; "
                         f"got {compartment!r}")
    for base in (root, root / "data"):
        if (base / compartment / "attributions").is_dir():
            return base / compartment
    raise FileNotFoundError(
        f"{root}: no {compartment}/attributions/ here or under data/ (expected a PolNeAR "
        "clone or its data/ folder)")


def read_compartment(
    root: str | Path,
    compartment: str,
    *,
    limit: int | None = None,
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """One compartment of PolNeAR as two tidy tables: articles and attributions.

    Parameters
    ----------
    root : the PolNeAR clone, or its ``data/`` folder.
    compartment : ``train``, ``dev``, ``test`` or ``annotator-training``.
    limit : read only the first ``limit`` articles (by name); None reads all.

    Returns
    -------
    articles : ``article_id, outlet, annotator, ann_file, text``, one row per article.
    attributions : ``article_id, attribution_id``, and for the source, cue and content:
        ``*_text``, ``*_start``, ``*_end`` (from the first fragment's start to the last
        one's end; -1 when the part is missing) and ``*_spans`` (every fragment).
    """
    folder = _check_compartment(Path(root), compartment)
    by_article: dict[str, list[Path]] = {}
    for path in sorted((folder / "attributions").glob("*.ann")):
        m = _ANNOTATOR.match(path.name)
        article = m.group("article") if m else path.stem
        by_article.setdefault(article, []).append(path)
    names = sorted(by_article)
    if limit is not None:
        names = names[:limit]
    articles, rows = [], []
    for article in names:
        ann_path = by_article[article][0]  # several annotators: the first file by name
        txt = folder / "text" / f"{article}.txt"
        if not txt.is_file():
            raise FileNotFoundError(f"{ann_path}: its text {txt} is missing")
        with open(txt, encoding="utf-8", newline="") as handle:  # offsets count \r too
            text = handle.read()
        m = _ANNOTATOR.match(ann_path.name)
        code = article.split("_", 1)[0]
        articles.append((article, OUTLETS.get(code, code), m.group("annotator") if m else "",
                         ann_path.name, text))
        for a in read_ann(ann_path, text):
            rows.append((article, a.attribution_id,
                         *_part(a.source_text, a.source_spans),
                         *_part(a.cue_text, a.cue_spans),
                         *_part(a.content_text, a.content_spans)))
    return (pd.DataFrame(articles, columns=ARTICLE_COLUMNS),
            pd.DataFrame(rows, columns=ATTRIBUTION_COLUMNS))


def _part(text: str, spans: Sequence[tuple[int, int]]) -> tuple[str, int, int, Spans]:
    if not spans:
        return "", -1, -1, ()
    return text, spans[0][0], spans[-1][1], tuple(spans)
