"""The main text and metadata of a page or text file, and the page text that was left out.

:func:`extract_article` reads a saved page (``.html``, ``.mhtml``) or HTML with
trafilatura; :func:`text_article` takes a text file as it is (its front matter, if any,
gives its fields). Both return an :class:`Extracted`.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import re
import urllib.parse
import warnings
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd
import yaml

from ..tokens import words
from ..yamlio import yaml_load
from .decode import decode_page
from .errors import IngestError, describe_bytes
from .fetch import MAX_BYTES
from .urls import clean_url

__all__ = [
    "ARCHIVE_SUFFIXES",
    "HTML_SUFFIXES",
    "MIN_PROSE_CHARS",
    "TEXT_SUFFIXES",
    "Extracted",
    "content_sha1",
    "extract_article",
    "read_limited",
    "split_front_matter",
    "squash",
    "text_article",
]

#: A page holds an article only if its extracted text has at least this many characters in
#: prose lines (lines of :data:`MIN_PROSE_LINE` characters or more that contain sentence
#: punctuation): about 40 English words, so a four-paragraph wire brief of 60 words counts.
#: Navigation, link lists and "page not found" notices fall short.
MIN_PROSE_CHARS = 250
MIN_PROSE_LINE = 40
#: Elements nested this deep are beyond what the HTML parser (libxml2) reads.
_PARSER_DEPTH = 255

HTML_SUFFIXES = (".html", ".htm", ".xhtml", ".shtml", ".mhtml", ".mht")
#: Single-file page archives ("Save as: Webpage, Single File" in Chrome and Edge).
ARCHIVE_SUFFIXES = (".mhtml", ".mht")
TEXT_SUFFIXES = (".txt", ".md", ".text")
_SAVED_FROM = re.compile(r"<!--\s*saved from url=\(\d+\)\s*(\S+?)\s*-->", re.I)
_TITLE_SEPARATORS = re.compile(r"\s+[|–—·:-]\s+|\s+-{2}\s+")
_PROSE_END = re.compile(r"[.!?。！？؟।]")
_BLOCK_TAGS = frozenset((
    "address", "article", "aside", "blockquote", "body", "br", "button", "caption", "dd",
    "details", "dialog", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer",
    "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "label", "li", "main", "nav",
    "ol", "option", "p", "pre", "section", "summary", "table", "td", "th", "tr", "ul",
))
_INVISIBLE_TAGS = ("script", "style", "noscript", "template", "svg", "head", "iframe",
                   "select", "textarea", "object", "canvas")


@dataclass(frozen=True)
class Extracted:
    """What came out of one page: the text kept, its metadata, and the text dropped.

    Attributes
    ----------
    text : the article's main text, paragraphs on separate lines, exactly as it is stored.
    metadata : ``outlet, title, date`` (``YYYY-MM-DD`` or None), ``authors`` (``"A; B"``),
        ``language``, ``url``, ``description``, ``sitename``, ``hostname``.
    blocks : the page's visible text blocks in page order, as ``(status, text)`` pairs,
        status ``"kept"`` (in :attr:`text`), ``"title"`` (the headline, stored in the front
        matter) or ``"dropped"``.
    notes : things the user should check (a guessed encoding, a missing date...).
    extractor : the tool and version that extracted the text.

    >>> result = Extracted("Talks resumed in Geneva.", {"outlet": "Example News"},
    ...                    (("kept", "Talks resumed in Geneva."), ("dropped", "Home World")))
    >>> result.dropped, result.n_words_kept, result.n_words_dropped
    (['Home World'], 4, 2)
    >>> result.table()
       block   status  n_words                      text
    0      0     kept        4  Talks resumed in Geneva.
    1      1  dropped        2                Home World
    """

    text: str
    metadata: dict[str, Any]
    blocks: tuple[tuple[str, str], ...] = ()
    notes: tuple[str, ...] = ()
    extractor: str = ""

    @property
    def kept(self) -> list[str]:
        """The lines of the stored text (its paragraphs)."""
        return [line for line in self.text.split("\n") if line.strip()]

    @property
    def dropped(self) -> list[str]:
        """The page's visible text blocks that are not in the stored text."""
        return [text for status, text in self.blocks if status == "dropped"]

    @property
    def n_words_kept(self) -> int:
        return len(words(self.text))

    @property
    def n_words_dropped(self) -> int:
        return sum(len(words(text)) for text in self.dropped)

    def table(self) -> pd.DataFrame:
        """The page's text blocks as a table: ``block, status, n_words, text``."""
        return pd.DataFrame(
            {
                "block": range(len(self.blocks)),
                "status": [s for s, _ in self.blocks],
                "n_words": [len(words(t)) for _, t in self.blocks],
                "text": [t for _, t in self.blocks],
            },
            columns=["block", "status", "n_words", "text"],
        )


def squash(text: str) -> str:
    """``text`` with every run of whitespace made one space, and none at the ends.

    >>> squash(" Peace\\n\\ttalks  began ")
    'Peace talks began'
    """
    return " ".join(text.split())


def content_sha1(text: str) -> str:
    """A hash of ``text`` with whitespace collapsed: recognises the same article body.

    >>> content_sha1("Peace  talks\\nbegan.") == content_sha1("Peace talks began.")
    True
    """
    return hashlib.sha1(squash(text).encode("utf-8")).hexdigest()


def _visible_blocks(tree: Any) -> list[str]:
    """The page's visible text, one string per block element, whitespace collapsed."""
    blocks: list[str] = []
    current: list[str] = []

    def flush() -> None:
        text = squash("".join(current))
        if text:
            blocks.append(text)
        current.clear()

    def walk(element: Any) -> None:
        tag = element.tag.lower() if isinstance(element.tag, str) else None
        if tag is not None and tag not in _INVISIBLE_TAGS:  # None: a comment
            block = tag in _BLOCK_TAGS
            if block:
                flush()
            current.append(element.text or "")
            for child in element:
                walk(child)
            if block:
                flush()
        current.append(element.tail or "")

    bodies = tree.xpath("//body")
    walk(bodies[0] if bodies else tree)
    flush()
    return blocks


def _classify_blocks(blocks: Iterable[str], text: str, title: str) -> tuple[tuple[str, str], ...]:
    kept_text = squash(text)
    seen: set[str] = set()
    out = []
    for block in blocks:
        if block in seen:  # repeated captions, menus shown twice: list once
            continue
        seen.add(block)
        if block in kept_text:
            status = "kept"
        elif title and squash(title) == block:
            status = "title"
        else:
            status = "dropped"
        out.append((status, block))
    return tuple(out)


def _page_language(tree: Any) -> str:
    """A language code from ``<html lang>``, ``content-language`` or ``og:locale``."""
    root = tree.getroottree().getroot()
    candidates = [root.get(name) for name in
                  ("lang", "xml:lang", "{http://www.w3.org/XML/1998/namespace}lang")]
    candidates += tree.xpath(
        "//meta[translate(@http-equiv,'CONTENT-LANGUAGE','content-language')"
        "='content-language']/@content | //meta[@property='og:locale']/@content"
    )
    for value in candidates:
        code = re.split(r"[-_,;\s]", str(value or "").strip().lower())[0]
        if re.fullmatch(r"[a-z]{2,3}", code):
            return code
    return ""


def _looks_like_domain(name: str) -> bool:
    return bool(re.fullmatch(r"[\w.-]+\.[a-z]{2,}", name.strip().lower()))


def _outlet(sitename: str, page_title: str, headline: str, hostname: str) -> tuple[str, str]:
    """The outlet's name and where it came from. Heuristic: the site's declared name,
    else the part of the ``<title>`` that is not the headline (``Headline | Outlet``),
    else the domain."""
    if sitename and not _looks_like_domain(sitename):
        return sitename.strip(), "site name"
    parts = [p.strip() for p in _TITLE_SEPARATORS.split(page_title or "") if p.strip()]
    head = squash(headline).lower()
    others = [p for p in parts if squash(p).lower() != head]
    if len(parts) > 1 and len(others) < len(parts) and others:
        candidate = others[-1]
        if len(candidate.split()) <= 6:
            return candidate, "page title"
    domain = (hostname or sitename or "").lower().removeprefix("www.")
    return domain, "domain" if domain else "none"


def _has_article(text: str) -> bool:
    prose = sum(len(line) for line in text.split("\n")
                if len(line.strip()) >= MIN_PROSE_LINE and _PROSE_END.search(line))
    return prose >= MIN_PROSE_CHARS


def _mhtml_page(data: bytes) -> tuple[str, str | None, str | None]:
    """The HTML of a single-file page archive (``.mhtml``): ``(html, url, note)``."""
    import email
    from email import policy

    try:
        message = email.message_from_bytes(data, policy=policy.default)
        url = message.get("Snapshot-Content-Location")
        for part in message.walk():
            if part.get_content_type() == "text/html":
                payload = part.get_payload(decode=True) or b""
                html, _, note = decode_page(payload, declared=part.get_content_charset())
                return html, url or part.get("Content-Location"), note
    except RecursionError:
        raise IngestError("is a page archive (.mhtml) whose parts nest inside each other "
                          "too deeply to read; save the page again as 'Webpage, HTML only'"
                          ) from None
    raise IngestError("is a page archive (.mhtml) with no HTML page in it; save the page "
                      "again as 'Webpage, Complete' or 'HTML only'")


def read_limited(path: Path, max_bytes: int) -> bytes:
    """The bytes of ``path``; :class:`IngestError` if it is larger than ``max_bytes`` or not
    a regular file (a pipe would block for ever, ``/dev/zero`` never ends). At most
    ``max_bytes + 1`` bytes are read, whatever size the file claims."""
    if not path.is_file():
        raise IngestError("is not a regular file (a device, pipe or socket); give a saved "
                          "page or a text file", file=path)
    too_big = (f"more than the limit of {describe_bytes(max_bytes)} (max_bytes / --max-mb). "
               "A saved news page is rarely over 2 MB: save it as 'Web Page, HTML only', or "
               "raise the limit")
    size = path.stat().st_size
    if size > max_bytes:
        raise IngestError(f"is {describe_bytes(size)}, {too_big}", file=path)
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    with os.fdopen(fd, "rb") as fh:
        data = fh.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise IngestError(f"is {too_big}", file=path)
    return data


def extract_article(
    html_or_path: str | bytes | os.PathLike[str],
    *,
    url: str | None = None,
    max_bytes: int = MAX_BYTES,
) -> Extracted:
    """Extract the main text and metadata of one web page, and what was left out.

    Parameters
    ----------
    html_or_path : the page's HTML (``str`` containing ``<``, or ``bytes``), or the path of
        a saved page (a ``Path``, or a ``str`` without ``<``): ``.html`` or ``.mhtml``.
    url : the page's address, if known; used when the page does not name its own
        (``<link rel="canonical">``, ``og:url``, or a browser's ``saved from url`` note).
    max_bytes : refuse a file larger than this.

    Returns
    -------
    Extracted
        ``text``, ``metadata`` (outlet, title, date, authors, language, url...), ``blocks``
        with each visible text block marked kept, title or dropped, and ``notes``.

    Raises
    ------
    IngestError
        When the page holds no article (too little prose, see ``MIN_PROSE_CHARS``), is
        too large, or is not text.

    Notes
    -----
    The text and most metadata come from trafilatura (``bare_extraction`` in its default,
    balanced mode, comments left out). Dates are taken only where the page states a full
    date (meta tags, JSON-LD, ``<time>``, a dateline such as "July 12, 2024"); a date is not
    guessed from a bare year.

    >>> page = ("<html lang='en'><head><title>Talks resume | Example News</title></head>"
    ...         "<body><nav><a href='/'>Home</a> <a href='/world'>World</a></nav><article>"
    ...         "<h1>Talks resume</h1><p>" + "Negotiators met again in Geneva on Monday "
    ...         "and agreed to keep talking. " * 4 + "</p></article>"
    ...         "<footer>Contact us</footer></body></html>")
    >>> result = extract_article(page, url="https://example.org/talks")
    >>> result.metadata["outlet"], result.metadata["title"], result.metadata["language"]
    ('Example News', 'Talks resume', 'en')
    >>> result.dropped
    ['Home World', 'Contact us']
    """
    try:
        import trafilatura
        from trafilatura.settings import set_date_params, use_config
        from trafilatura.utils import load_html
    except ImportError:
        raise IngestError("reading web pages needs the trafilatura package, which is not "
                          "installed: run `pip install -e .` (or `pip install trafilatura`) "
                          "in the project folder") from None

    where: str | Path | None = None
    notes: list[str] = []
    if isinstance(html_or_path, bytes):
        html, _, note = decode_page(html_or_path)
    elif isinstance(html_or_path, os.PathLike) or "<" not in html_or_path:
        where = Path(html_or_path)
        if not where.is_file():
            raise IngestError("does not exist, or is not a file", file=where)
        try:
            data = read_limited(where, max_bytes)
            if where.suffix.lower() in ARCHIVE_SUFFIXES:
                html, archived_url, note = _mhtml_page(data)
                url = url or archived_url
            else:
                html, _, note = decode_page(data)
        except IngestError as err:
            raise IngestError(err.reason, file=where) from None
    else:
        html, note = html_or_path, None
    if note:
        notes.append(note)
    if url is None:
        saved_from = _SAVED_FROM.search(html[:4096])
        if saved_from:
            url = saved_from.group(1)
    config = use_config()
    config.set("DEFAULT", "MAX_FILE_SIZE", str(max(max_bytes, 1)))
    tree = load_html(html)
    if tree is None:
        raise IngestError("is not an HTML page the extractor can read", file=where)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        doc = trafilatura.bare_extraction(
            tree, url=url, with_metadata=True, include_comments=False, include_tables=True,
            date_extraction_params=set_date_params(False), config=config,
        )
    text = (getattr(doc, "text", None) or "").strip("\n")
    if doc is None or not _has_article(text):
        found = len(words(text))
        depth = max((sum(1 for _ in el.iterancestors()) for el in tree.iter()), default=0)
        if depth >= _PARSER_DEPTH:
            raise IngestError(
                f"nests its elements more than {_PARSER_DEPTH} deep, deeper than the HTML "
                "parser reads, so its text is lost; this is not how a news page is built. "
                "If it is an article, copy its text into a .txt file and add that instead",
                file=where)
        raise IngestError(
            f"holds no article the extractor could find (only {found} words of short lines: "
            "menus, link lists or a notice). If it is an article, copy its text into a .txt "
            "file and add that instead", file=where)
    headline = squash(doc.title or "")
    page_title = squash(" ".join(tree.xpath("//head/title//text()")))
    page_url = clean_url(doc.url) if doc.url else (clean_url(url) if url else "")
    hostname = (urllib.parse.urlsplit(page_url).hostname or "") if page_url else ""
    outlet, outlet_from = _outlet(doc.sitename or "", page_title, headline, hostname)
    if outlet_from == "none":
        notes.append("no outlet found: set 'outlet:' in the front matter")
    elif outlet_from == "domain":
        notes.append(f"outlet taken from the domain ({outlet}): check 'outlet:'")
    if not headline:
        notes.append("no title found: set 'title:' in the front matter")
    if not doc.date:
        notes.append("no date found: set 'date:' in the front matter")
    language = _page_language(tree)
    if not language:
        notes.append("the page declares no language: set 'language:' (until then the event's "
                     "language, or en, is assumed)")
    metadata = {
        "outlet": outlet,
        "title": headline,
        "date": doc.date or None,
        "authors": doc.author or "",
        "language": language,
        "url": page_url,
        "description": squash(doc.description or ""),
        "sitename": doc.sitename or "",
        "hostname": hostname,
    }
    blocks = _classify_blocks(_visible_blocks(tree), text, headline)
    return Extracted(text, metadata, blocks, tuple(notes), f"trafilatura {trafilatura.__version__}")


def _iso_date(value: Any) -> str | None:
    """``YYYY-MM-DD`` for a date, a datetime or a date-like string; None if not a date."""
    if isinstance(value, dt.date):
        return value.isoformat()[:10]
    try:
        stamp = pd.Timestamp(str(value).strip())
    except (ValueError, TypeError, OverflowError):
        return None
    return None if pd.isna(stamp) else stamp.date().isoformat()


def text_article(data: bytes, *, declared: str | None = None) -> Extracted:
    """Plain text is the article as given. Its metadata come from front matter if it
    starts with some (the event-folder format), else its first short line is the title."""
    text, _, note = decode_page(data, declared=declared)
    found, body = split_front_matter(text)
    text = body.strip()
    if not text:
        raise IngestError("is empty" if not found else "has no text below its front matter")
    first = text.split("\n", 1)[0].strip()
    guessed_title = first if len(first.split()) <= 25 and not first.endswith(".") else ""
    metadata = {
        "outlet": str(found.get("outlet") or ""),
        "title": str(found.get("title") or guessed_title),
        "date": _iso_date(found["date"]) if found.get("date") else None,
        "authors": str(found.get("authors") or ""),
        "language": str(found.get("language") or ""),
        "url": str(found.get("url") or ""),
        "description": "", "sitename": "", "hostname": "",
    }
    notes = [note] if note else []
    if found.get("date") and not metadata["date"]:
        notes.append(f"the date {found['date']!r} was not understood: set 'date:' by hand")
    for key in ("outlet", "title", "date"):
        if not metadata[key] and not (key == "date" and found.get("date")):
            notes.append(f"no {key} found: set '{key}:' in the front matter")
    blocks = tuple(("kept", line.strip()) for line in text.split("\n") if line.strip())
    return Extracted(text, metadata, blocks, tuple(notes), "plain text, as given")


def split_front_matter(text: str) -> tuple[dict[str, Any], str]:
    """``(front matter, body)`` of an article file's text; ``({}, text)`` if it has none or
    it cannot be read as YAML. Never raises."""
    lines = text.split("\n")
    if not lines or lines[0].strip() != "---":
        return {}, text
    close = next((i for i in range(1, len(lines)) if lines[i].strip() == "---"), None)
    if close is None:
        return {}, text
    try:
        meta = yaml_load("\n".join(lines[1:close])) or {}
    except yaml.YAMLError:
        return {}, text
    if not isinstance(meta, dict):
        return {}, text
    return meta, "\n".join(lines[close + 1:]).strip("\n")
