"""Bring articles in from the web: saved pages, URLs and text files become event files.

A teacher preparing a workshop has links, or pages saved from a browser, not clean text.
:func:`add_articles` (and ``python -m analysis add SOURCE... --event DIR``) turns each
source into one Markdown article file with front matter in an event folder (the format is
described at the top of :mod:`analysis.loading`), so the rest of the kit can read it.

Each SOURCE is one of

* a **saved page**: the ``.html`` file a browser writes with "Save page as" (the folder of
  assets beside it, ``<name>_files/``, is not needed and not read), or a single-file
  ``.mhtml`` archive; no network is used;
* a **URL** starting with ``http://`` or ``https://``: fetched once, with a timeout and a
  size limit; nothing else ever touches the network, and ``fetch=False`` (``--no-fetch``)
  refuses URLs altogether;
* a **text file** (``.txt``, ``.md``): its text is the article, as given (a file that
  starts with front matter gives its fields too);
* a **folder**: every ``.html``/``.htm``/``.txt``/``.md`` file directly in it.

The main text and the metadata (title, date, authors, site name, canonical URL) are
extracted by `trafilatura <https://trafilatura.readthedocs.io>`_, which removes navigation,
cookie notices, figure captions, related links, comments and footers. Its extraction is
heuristic: it can keep a stray line or drop a real paragraph, so every result comes with the
page's other visible text blocks that were *not* kept (:attr:`Extracted.dropped`), and the
report says how many words were kept and dropped. The body is stored exactly as extracted
and never rewritten; fix the front matter by hand where the metadata is wrong.

What the kit adds itself (also heuristics, documented where they live): the page's encoding
(declared charset, else a detector), the language (from ``<html lang>`` and similar tags),
the outlet (the site's name, else the name in the page title, else the domain), and the test
that a page holds an article at all.

Nothing already in the event folder is ever overwritten. A source is "already there" when
its URL (normalised: no tracking parameters, ``http``/``https`` and ``www.`` ignored), its
saved file, or the text of its body (``content_sha1``, a hash of the text with whitespace
collapsed) matches an article in the folder.
"""

from __future__ import annotations

import codecs
import contextlib
import datetime as dt
import hashlib
import os
import re
import socket
import tempfile
import unicodedata
import urllib.error
import urllib.parse
import urllib.request
import warnings
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

import pandas as pd
import yaml

from ..errors import CorpusError
from ..loading import read_event
from ..tokens import words
from ..yamlio import yaml_load

__all__ = [
    "ADD_COLUMNS",
    "MAX_BYTES",
    "Extracted",
    "IngestError",
    "add_articles",
    "content_sha1",
    "decode_page",
    "extract_article",
    "fetch_url",
    "normalize_url",
]

#: Columns of the table :func:`add_articles` returns, one row per source.
ADD_COLUMNS = [
    "source", "status", "file", "outlet", "title", "date",
    "n_words_kept", "n_words_dropped", "message",
]
#: Default size limit for a page or file, in bytes (10 MB; news pages are well under 2 MB).
MAX_BYTES = 10_000_000
#: Default time to wait for a web server, in seconds.
TIMEOUT = 20.0
#: A page holds an article only if its extracted text has at least this many characters in
#: prose lines (lines of 80 characters or more that contain sentence punctuation): about 40
#: English words. Navigation, link lists and "page not found" notices fall short.
MIN_PROSE_CHARS = 250

Status = Literal["added", "already there", "failed"]

HTML_SUFFIXES = (".html", ".htm", ".xhtml", ".shtml", ".mhtml", ".mht")
#: Single-file page archives ("Save as: Webpage, Single File" in Chrome and Edge).
ARCHIVE_SUFFIXES = (".mhtml", ".mht")
TEXT_SUFFIXES = (".txt", ".md", ".text")
#: Query parameters that only track where a click came from; dropped when comparing URLs.
TRACKING_PARAMS = re.compile(r"^(utm_\w+|fbclid|gclid|dclid|msclkid|mc_cid|mc_eid|igshid|"
                             r"ref|ref_src|cmpid|ocid|smid|at_medium|at_campaign)$", re.I)
#: Declared charsets that browsers read as windows-1252 (WHATWG Encoding Standard).
_WINDOWS_1252_ALIASES = {"iso-8859-1", "iso8859-1", "latin-1", "latin1", "l1", "ascii",
                         "us-ascii", "iso_8859-1", "cp819", "ibm819", "windows-1252"}
_META_CHARSET = re.compile(rb"""<meta[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_SAVED_FROM = re.compile(r"<!--\s*saved from url=\(\d+\)\s*(\S+?)\s*-->", re.I)
_TITLE_SEPARATORS = re.compile(r"\s+[|–—·:-]\s+|\s+-{2}\s+")
_PROSE_END = re.compile(r"[.!?。！？؟।]")
_USER_AGENT = "Mozilla/5.0 (compatible; OutletLens/0.1; article import for teaching)"
_BLOCK_TAGS = frozenset((
    "address", "article", "aside", "blockquote", "body", "br", "button", "caption", "dd",
    "details", "dialog", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer",
    "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "label", "li", "main", "nav",
    "ol", "option", "p", "pre", "section", "summary", "table", "td", "th", "tr", "ul",
))
_INVISIBLE_TAGS = ("script", "style", "noscript", "template", "svg", "head", "iframe",
                   "select", "textarea", "object", "canvas")


class IngestError(CorpusError):
    """A source that could not be brought in; the message names it and says what to do."""


# --- data ---------------------------------------------------------------------------------


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


@dataclass(frozen=True)
class Fetched:
    """A page downloaded by :func:`fetch_url`: its bytes, final address and declared charset."""

    data: bytes
    url: str
    content_type: str = "text/html"
    charset: str | None = None


# --- URLs -------------------------------------------------------------------------------


def _clean_url(url: str) -> str:
    """``url`` without its fragment and tracking parameters (``utm_*``, ``fbclid``...)."""
    try:
        parts = urllib.parse.urlsplit(url.strip())
    except ValueError:
        return url.strip()
    query = [(k, v) for k, v in urllib.parse.parse_qsl(parts.query, keep_blank_values=True)
             if not TRACKING_PARAMS.match(k)]
    return urllib.parse.urlunsplit(
        (parts.scheme.lower(), parts.netloc.lower(), parts.path,
         urllib.parse.urlencode(query), "")
    )


def normalize_url(url: str) -> str:
    """A key for comparing web addresses: the same article gives the same key.

    Lower-cases the host, ignores ``http``/``https``, a leading ``www.``, default ports,
    a trailing ``/``, the ``#fragment``, tracking parameters (``utm_*``, ``fbclid`` and
    similar, see ``TRACKING_PARAMS``) and the order of the other query parameters.

    >>> normalize_url("https://www.Example.org/news/story/?utm_source=rss&b=2&a=1#top")
    'example.org/news/story?a=1&b=2'
    >>> normalize_url("http://example.org:80/news/story") == normalize_url(
    ...     "https://example.org/news/story")
    True
    """
    try:
        parts = urllib.parse.urlsplit(url.strip())
        port = parts.port if parts.port not in (None, 80, 443) else None
    except ValueError:  # not a well-formed address (bad port, bracket): compare as text
        return _squash(url).lower()
    host = (parts.hostname or "").lower().removeprefix("www.")
    query = sorted((k, v) for k, v in urllib.parse.parse_qsl(parts.query, keep_blank_values=True)
                   if not TRACKING_PARAMS.match(k))
    path = urllib.parse.unquote(parts.path).rstrip("/")
    key = host + (f":{port}" if port else "") + path
    return key + ("?" + urllib.parse.urlencode(query) if query else "")


def _is_url(source: str) -> bool:
    return bool(re.match(r"^[A-Za-z][A-Za-z0-9+.-]*://", source))


def _check_web_url(url: str) -> None:
    try:
        parts = urllib.parse.urlsplit(url)
        parts.port  # noqa: B018 - raises ValueError for a bad port
    except ValueError as err:
        raise IngestError(f"is not a valid web address ({err})", file=url) from None
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https"):
        raise IngestError(
            f"only http:// and https:// addresses are fetched, not {scheme}://; for a file on "
            "this computer give its path instead",
            file=url,
        )
    if not parts.hostname:
        raise IngestError("has no host name; expected an address like https://example.org/story",
                          file=url)


# --- fetching ------------------------------------------------------------------------


class _WebOnlyRedirects(urllib.request.HTTPRedirectHandler):
    """Follow redirects to http(s) addresses only (urllib would also follow ftp://)."""

    def redirect_request(self, req, fp, code, msg, headers, newurl):  # type: ignore[override]
        if urllib.parse.urlsplit(newurl).scheme.lower() not in ("http", "https"):
            raise urllib.error.HTTPError(newurl, code, f"redirect to {newurl} refused",
                                         headers, fp)
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def _urlopen(request: urllib.request.Request, timeout: float) -> Any:
    """Open ``request``; the one place a request leaves the machine (tests replace it)."""
    opener = urllib.request.build_opener(_WebOnlyRedirects)
    return opener.open(request, timeout=timeout)  # the scheme was checked by the caller


def _network_reason(err: BaseException) -> str:
    reason = getattr(err, "reason", err)
    if isinstance(reason, socket.gaierror):
        return "the host name could not be looked up (no network, or a mistyped address)"
    if isinstance(reason, TimeoutError):
        return "no answer in time"
    if isinstance(reason, ConnectionRefusedError):
        return "the connection was refused"
    return str(reason) or type(reason).__name__


def fetch_url(url: str, *, timeout: float = TIMEOUT, max_bytes: int = MAX_BYTES) -> Fetched:
    """Download one web page, refusing anything but ``http(s)``, slow servers and big pages.

    Parameters
    ----------
    url : an ``http://`` or ``https://`` address.
    timeout : seconds to wait for the server (each connection step and each read).
    max_bytes : the largest page accepted. A larger ``Content-Length`` is refused before
        reading; otherwise reading stops as soon as the limit is passed.

    Raises
    ------
    IngestError
        Naming the address: another scheme (``file://``...), no network, an HTTP error, a
        timeout, a page over the limit, or something that is not a web page (a PDF...).

    >>> fetch_url("file:///etc/passwd")
    Traceback (most recent call last):
    ...
    analysis.ingest.IngestError: file:///etc/passwd: only http:// and https:// addresses ...
    """
    _check_web_url(url)
    request = urllib.request.Request(url, headers={
        "User-Agent": _USER_AGENT,
        "Accept": "text/html,application/xhtml+xml;q=0.9,text/plain;q=0.8",
    })
    advice = ("Check the address and the connection, or save the page in the browser "
              "(File > Save Page As) and add the saved .html file instead")
    try:
        response = _urlopen(request, timeout)
    except urllib.error.HTTPError as err:
        raise IngestError(f"the server answered {err.code} {err.reason}", file=url) from None
    except (urllib.error.URLError, OSError) as err:
        raise IngestError(f"could not be fetched: {_network_reason(err)}. {advice}",
                          file=url) from None
    with response:
        final_url = response.geturl() or url
        if urllib.parse.urlsplit(final_url).scheme.lower() not in ("http", "https"):
            raise IngestError(f"redirected to {final_url}, which is not a web address", file=url)
        headers = response.headers
        length = headers.get("Content-Length")
        limit = _describe_bytes(max_bytes)
        if length and length.isdigit() and int(length) > max_bytes:
            raise IngestError(
                f"is {_describe_bytes(int(length))}, more than the limit of {limit} "
                "(max_bytes / --max-mb); nothing was read", file=url)
        content_type = headers.get_content_type()
        if content_type not in ("text/html", "application/xhtml+xml", "text/plain",
                                "application/xml", "text/xml"):
            raise IngestError(
                f"is {content_type}, not a web page; only HTML pages and plain text are read",
                file=url)
        chunks, total = [], 0
        try:
            while True:
                chunk = response.read(65_536)
                if not chunk:
                    break
                total += len(chunk)
                if total > max_bytes:
                    raise IngestError(
                        f"is larger than the limit of {limit} (max_bytes / --max-mb); stopped "
                        f"reading after {_describe_bytes(total)}", file=url)
                chunks.append(chunk)
        except (TimeoutError, urllib.error.URLError, ConnectionError) as err:
            raise IngestError(f"the download broke off: {_network_reason(err)}. {advice}",
                              file=url) from None
    return Fetched(b"".join(chunks), final_url, content_type, headers.get_content_charset())


def _describe_bytes(n: int) -> str:
    return f"{n / 1_000_000:.1f} MB" if n >= 100_000 else f"{n:,} bytes"


# --- decoding ------------------------------------------------------------------------


def _codec(name: str | None) -> str | None:
    """The Python codec for a declared charset, with browsers' aliases; None if unknown."""
    if not name:
        return None
    name = name.strip().strip("\"'").lower()
    if name in _WINDOWS_1252_ALIASES:
        return "cp1252"
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def decode_page(data: bytes, *, declared: str | None = None) -> tuple[str, str, str | None]:
    """Decode a page's bytes the way a browser would: BOM, declared charset, then a guess.

    Order: a byte-order mark; ``declared`` (e.g. the HTTP ``Content-Type`` charset); a
    ``<meta charset>`` or ``<meta http-equiv="Content-Type">`` in the first 4 KB; UTF-8; and
    last the ``charset_normalizer`` detector, which is a guess (on a tie between code pages,
    windows-1252 is preferred, as it is the web's most common legacy encoding). ``iso-8859-1`` and
    ``us-ascii`` are read as windows-1252, as browsers do.

    Returns
    -------
    (text, encoding, note)
        ``note`` is None when the encoding was declared or is UTF-8, else a sentence to show
        the user (the detector guessed, or the declared charset was wrong).

    >>> decode_page("café".encode("cp1252"), declared="ISO-8859-1")
    ('café', 'cp1252', None)
    >>> decode_page("café".encode("utf-8"))
    ('café', 'utf-8', None)
    """
    for bom, codec in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
                       (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            return data.decode(codec, errors="replace"), codec.replace("-sig", ""), None
    note = None
    match = _META_CHARSET.search(data[:4096])
    claimed = declared or (match.group(1).decode("ascii", "replace") if match else None)
    codec = _codec(claimed)
    if claimed and codec is None:
        note = f"declares the unknown charset {claimed!r}"
    if codec:
        try:
            return data.decode(codec), codec, None
        except UnicodeDecodeError:
            note = f"declares {claimed} but is not valid {claimed}"
    if not claimed or codec != "utf-8":
        try:
            return data.decode("utf-8"), "utf-8", note
        except UnicodeDecodeError:
            pass
    from charset_normalizer import from_bytes

    matches = list(from_bytes(data))
    best = matches[0] if matches else None
    if best is not None:
        # Ties are common between Western code pages; prefer the web's usual windows-1252.
        tied = [m for m in matches if (m.chaos, m.coherence) == (best.chaos, best.coherence)]
        best = next((m for m in tied if m.encoding == "cp1252"), best)
    if best is None or best.encoding is None:
        raise IngestError("is not text in any encoding the kit could recognise; "
                          "is it really a web page or a text file?")
    guessed = _codec(best.encoding) or best.encoding
    guess = f"the encoding was guessed as {guessed}: check accented letters and quotes"
    note = f"{note}; {guess}" if note else guess
    return data.decode(guessed, errors="replace"), guessed, note


# --- extraction -----------------------------------------------------------------------


def _squash(text: str) -> str:
    return " ".join(text.split())


def content_sha1(text: str) -> str:
    """A hash of ``text`` with whitespace collapsed: recognises the same article body.

    >>> content_sha1("Peace  talks\\nbegan.") == content_sha1("Peace talks began.")
    True
    """
    return hashlib.sha1(_squash(text).encode("utf-8")).hexdigest()


def _visible_blocks(tree: Any) -> list[str]:
    """The page's visible text, one string per block element, whitespace collapsed."""
    blocks: list[str] = []
    current: list[str] = []

    def flush() -> None:
        text = _squash("".join(current))
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
    kept_text = _squash(text)
    seen: set[str] = set()
    out = []
    for block in blocks:
        if block in seen:  # repeated captions, menus shown twice: list once
            continue
        seen.add(block)
        if block in kept_text:
            status = "kept"
        elif title and _squash(title) == block:
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
    head = _squash(headline).lower()
    others = [p for p in parts if _squash(p).lower() != head]
    if len(parts) > 1 and len(others) < len(parts) and others:
        candidate = others[-1]
        if len(candidate.split()) <= 6:
            return candidate, "page title"
    domain = (hostname or sitename or "").lower().removeprefix("www.")
    return domain, "domain" if domain else "none"


def _has_article(text: str) -> bool:
    prose = sum(len(line) for line in text.split("\n")
                if len(line.strip()) >= 80 and _PROSE_END.search(line))
    return prose >= MIN_PROSE_CHARS


def _mhtml_page(data: bytes) -> tuple[str, str | None, str | None]:
    """The HTML of a single-file page archive (``.mhtml``): ``(html, url, note)``."""
    import email
    from email import policy

    message = email.message_from_bytes(data, policy=policy.default)
    url = message.get("Snapshot-Content-Location")
    for part in message.walk():
        if part.get_content_type() == "text/html":
            payload = part.get_payload(decode=True) or b""
            html, _, note = decode_page(payload, declared=part.get_content_charset())
            return html, url or part.get("Content-Location"), note
    raise IngestError("is a page archive (.mhtml) with no HTML page in it; save the page "
                      "again as 'Webpage, Complete' or 'HTML only'")


def _read_limited(path: Path, max_bytes: int) -> bytes:
    size = path.stat().st_size
    if size > max_bytes:
        raise IngestError(
            f"is {_describe_bytes(size)}, more than the limit of {_describe_bytes(max_bytes)} "
            "(max_bytes / --max-mb). A saved news page is rarely over 2 MB: save it as "
            "'Web Page, HTML only', or raise the limit", file=path)
    return path.read_bytes()


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
            data = _read_limited(where, max_bytes)
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
        raise IngestError(
            f"holds no article the extractor could find (only {found} words of short lines: "
            "menus, link lists or a notice). If it is an article, copy its text into a .txt "
            "file and add that instead", file=where)
    headline = _squash(doc.title or "")
    page_title = _squash(" ".join(tree.xpath("//head/title//text()")))
    page_url = _clean_url(doc.url) if doc.url else (_clean_url(url) if url else "")
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
        "description": _squash(doc.description or ""),
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


def _text_article(data: bytes, *, declared: str | None = None) -> Extracted:
    """Plain text is the article as given. Its metadata come from front matter if it
    starts with some (the event-folder format), else its first short line is the title."""
    text, _, note = decode_page(data, declared=declared)
    found, body = _split_front_matter(text)
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


# --- the event folder ----------------------------------------------------------------


def _split_front_matter(text: str) -> tuple[dict[str, Any], str]:
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


def _front_matter(path: Path) -> tuple[dict[str, Any], str]:
    """Best-effort read of an article file: (front matter, body). Never raises."""
    try:
        return _split_front_matter(path.read_text(encoding="utf-8-sig", errors="replace"))
    except OSError:
        return {}, ""


@dataclass
class _EventIndex:
    """What is already in an event folder, to recognise a source added before."""

    folder: Path
    urls: dict[str, str] = field(default_factory=dict)
    files: dict[str, str] = field(default_factory=dict)
    hashes: dict[str, str] = field(default_factory=dict)

    @classmethod
    def scan(cls, folder: Path) -> _EventIndex:
        index = cls(folder)
        if folder.is_dir():
            for path in sorted(folder.glob("*.md")):
                if path.name.lower() != "readme.md":
                    meta, body = _front_matter(path)
                    index.record(path.name, meta, body)
        return index

    def record(self, name: str, meta: dict[str, Any], body: str) -> None:
        for key in ("url", "source_url"):
            if isinstance(meta.get(key), str) and meta[key].strip():
                self.urls.setdefault(normalize_url(meta[key]), name)
        if isinstance(meta.get("source_file"), str) and meta["source_file"]:
            self.files.setdefault(meta["source_file"], name)
        if isinstance(meta.get("content_sha1"), str):
            self.hashes.setdefault(meta["content_sha1"], name)
        if body.strip():
            self.hashes.setdefault(content_sha1(body), name)

    def find_url(self, url: str) -> str | None:
        return self.urls.get(normalize_url(url)) if url else None


def _slug(text: str, max_len: int) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    if len(slug) > max_len:
        slug = slug[:max_len].rsplit("-", 1)[0] or slug[:max_len]
    return slug


def _file_stem(meta: dict[str, Any], text: str) -> str:
    outlet = re.sub(r"^the\s+", "", meta.get("outlet") or "", flags=re.I)
    parts = [_slug(outlet, 24), meta.get("date") or "", _slug(meta.get("title") or "", 60)]
    stem = "-".join(p for p in parts if p)
    return stem or "article-" + content_sha1(text)[:10]


def _article_document(meta: dict[str, Any], text: str) -> str:
    # one field per line (no folding of long titles), so the header is easy to edit by hand
    header = yaml.safe_dump(meta, sort_keys=False, allow_unicode=True, width=10_000,
                            default_flow_style=False)
    return f"---\n{header}---\n{text}"


def _temp_file(folder: Path, content: str) -> str:
    """Write ``content`` to a new temporary file in ``folder`` with the usual permissions."""
    fd, tmp = tempfile.mkstemp(dir=folder, prefix=".outlet-lens-", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(content)
        umask = os.umask(0o022)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)
    except BaseException:
        os.unlink(tmp)
        raise
    return tmp


def _move_into_place(tmp: str, target: Path) -> bool:
    """Give the finished temporary file ``tmp`` the name ``target`` unless that name is
    taken (then return False). Never replaces a file: a hard link fails on an existing
    name; where hard links are not supported, the name is claimed first (``O_EXCL``)."""
    try:
        os.link(tmp, target)
    except FileExistsError:
        return False
    except OSError:  # no hard links on this file system (FAT, some network drives)
        try:
            os.close(os.open(target, os.O_CREAT | os.O_EXCL | os.O_WRONLY))
        except FileExistsError:
            return False
        os.replace(tmp, target)
    return True


def _write_new(folder: Path, stem: str, content: str) -> Path:
    """Write ``content`` to ``<stem>.md`` (or ``<stem>-2.md``...) atomically, never replacing
    a file."""
    tmp = _temp_file(folder, content)
    try:
        for n in range(1, 1000):
            target = folder / (f"{stem}.md" if n == 1 else f"{stem}-{n}.md")
            if not target.exists() and _move_into_place(tmp, target):
                return target
        raise IngestError(f"has too many files named {stem}-N.md", file=folder)
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)


def _ensure_event(folder: Path, title: str | None) -> None:
    """Create ``folder/event.yml`` if it is missing (an existing one is never touched)."""
    if (folder / "event.yml").exists():
        return
    folder.mkdir(parents=True, exist_ok=True)
    event = {
        "title": title or folder.name.replace("-", " ").replace("_", " ").strip() or "event",
        "collection": f"Articles added with `python -m analysis add` from "
                      f"{dt.date.today().isoformat()} on.",
    }
    tmp = _temp_file(folder, yaml.safe_dump(event, sort_keys=False, allow_unicode=True,
                                            width=100))
    try:
        _move_into_place(tmp, folder / "event.yml")
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)


# --- adding ------------------------------------------------------------------------


def _expand(sources: Iterable[str | os.PathLike[str]]) -> list[str]:
    out: list[str] = []
    for source in sources:
        s = os.fspath(source)
        path = Path(s).expanduser()
        if not _is_url(s) and path.is_dir() and not s.endswith("_files"):
            found = sorted(p for p in path.iterdir() if p.is_file()
                           and p.suffix.lower() in HTML_SUFFIXES + TEXT_SUFFIXES
                           and p.name.lower() != "readme.md")
            out.extend(str(p) for p in found) if found else out.append(s)
        else:
            out.append(s)
    return out


def _is_html(path: Path) -> bool:
    if path.suffix.lower() in HTML_SUFFIXES:
        return True
    if path.suffix.lower() in TEXT_SUFFIXES:
        return False
    with open(path, "rb") as fh:
        head = fh.read(2048).lower()
    return b"<html" in head or b"<!doctype html" in head or b"<body" in head


def _extract_source(
    source: str, index: _EventIndex, *, fetch: bool, timeout: float, max_bytes: int,
    fetcher: Callable[..., Fetched],
) -> tuple[Extracted | None, dict[str, Any], str | None]:
    """(extracted, extra front matter, name of the file it duplicates)."""
    if _is_url(source):
        _check_web_url(source)
        existing = index.find_url(source)
        if existing:
            return None, {}, existing
        if not fetch:
            raise IngestError("is a web address, and fetching is off (--no-fetch / "
                              "fetch=False); save the page in the browser and add the file",
                              file=source)
        page = fetcher(source, timeout=timeout, max_bytes=max_bytes)
        if page.content_type == "text/plain":
            try:
                result = _text_article(page.data, declared=page.charset)
            except IngestError as err:
                raise IngestError(err.reason, file=source) from None
            result.metadata["url"] = result.metadata["url"] or _clean_url(page.url)
            return result, {"source_url": source}, None
        html, _, note = decode_page(page.data, declared=page.charset)
        result = extract_article(html, url=_clean_url(page.url), max_bytes=max_bytes)
        if note:
            result = Extracted(result.text, result.metadata, result.blocks,
                               (note, *result.notes), result.extractor)
        return result, {"source_url": source}, None
    path = Path(source).expanduser()
    if path.is_dir():
        if path.name.endswith("_files"):
            raise IngestError("is the folder of images and scripts a browser saves beside a "
                              "page; give the .html file next to it", file=path)
        raise IngestError("is a folder with no .html, .htm, .txt or .md files", file=path)
    if not path.exists():
        hint = (" If it is a web address, start it with https://"
                if re.match(r"^(www\.|[\w-]+\.[a-z]{2,}/)", source) else "")
        raise IngestError(f"does not exist.{hint}", file=path)
    resolved = str(path.resolve())
    if resolved in index.files:
        return None, {}, index.files[resolved]
    if _is_html(path):
        result = extract_article(path, max_bytes=max_bytes)
    else:
        try:
            result = _text_article(_read_limited(path, max_bytes))
        except IngestError as err:
            raise IngestError(err.reason, file=path) from None
    return result, {"source_file": resolved}, None


def _front_matter_for(result: Extracted, extra: dict[str, Any], outlet: str | None
                      ) -> dict[str, Any]:
    meta = result.metadata
    date = meta.get("date")
    return {
        "outlet": outlet or meta.get("outlet") or "unknown",
        "title": meta.get("title") or "",
        "date": dt.date.fromisoformat(date) if date else None,
        "authors": meta.get("authors") or "",
        "language": meta.get("language") or "",
        "url": meta.get("url") or "",
        **extra,
        "added": dt.date.today(),
        "extracted_with": result.extractor,
        "content_sha1": content_sha1(result.text),
    }


def _summary(result: Extracted) -> str:
    n_dropped = len(result.dropped)
    parts = [f"kept {len(result.kept)} paragraph(s); dropped {n_dropped} block(s) of page "
             "text (menus, captions, links, comments...)" if n_dropped else
             f"kept {len(result.kept)} paragraph(s)"]
    return "; ".join(parts + list(result.notes))


def add_sources(
    sources: Sequence[str | os.PathLike[str]] | str | os.PathLike[str],
    event_dir: str | os.PathLike[str],
    *,
    event_title: str | None,
    outlet: str | None,
    fetch: bool,
    timeout: float,
    max_bytes: int,
    fetcher: Callable[..., Fetched] | None = None,
) -> tuple[pd.DataFrame, list[Extracted | None]]:
    if isinstance(sources, str | os.PathLike):
        sources = [sources]
    folder = Path(event_dir)
    if folder.exists() and not folder.is_dir():
        raise IngestError("is a file; the event must be a folder", file=folder)
    if (folder / "event.yml").exists():
        read_event(folder)  # a broken event.yml is reported before anything is written
    index = _EventIndex.scan(folder)
    rows, results = [], []
    for source in _expand(sources):
        row: dict[str, Any] = dict.fromkeys(ADD_COLUMNS, "")
        row.update(source=source, n_words_kept=0, n_words_dropped=0, date=pd.NaT)
        result = None
        try:
            result, extra, existing = _extract_source(
                source, index, fetch=fetch, timeout=timeout, max_bytes=max_bytes,
                fetcher=fetcher or fetch_url)
            if result is not None and existing is None:
                existing = index.find_url(result.metadata.get("url") or "") or index.hashes.get(
                    content_sha1(result.text))
            if existing is not None:
                meta, _ = _front_matter(folder / existing)
                row.update(status="already there", file=str(folder / existing),
                           outlet=str(meta.get("outlet") or ""),
                           title=str(meta.get("title") or ""),
                           date=pd.to_datetime(meta.get("date"), errors="coerce"),
                           message=f"already in the event as {existing}; nothing written")
            else:
                assert result is not None
                front = _front_matter_for(result, extra, outlet)
                _ensure_event(folder, event_title)
                target = _write_new(folder, _file_stem(front | {"date": result.metadata["date"]},
                                                        result.text),
                                    _article_document(front, result.text))
                index.record(target.name, front, result.text)
                row.update(status="added", file=str(target), outlet=front["outlet"],
                           title=front["title"], date=pd.to_datetime(front["date"]),
                           n_words_kept=result.n_words_kept,
                           n_words_dropped=result.n_words_dropped, message=_summary(result))
        except CorpusError as err:
            row.update(status="failed", message=err.reason if err.file == source else str(err))
        except OSError as err:
            row.update(status="failed", message=f"could not be read or written: {err}")
        results.append(result)
        rows.append(row)
    table = pd.DataFrame(rows, columns=ADD_COLUMNS)
    table["date"] = pd.to_datetime(table["date"])
    return table, results


def add_articles(
    sources: Sequence[str | os.PathLike[str]] | str | os.PathLike[str],
    event_dir: str | os.PathLike[str],
    *,
    event_title: str | None = None,
    outlet: str | None = None,
    fetch: bool = True,
    timeout: float = TIMEOUT,
    max_bytes: int = MAX_BYTES,
) -> pd.DataFrame:
    """Add saved pages, URLs and text files to an event folder, one article file each.

    Parameters
    ----------
    sources : paths of saved pages (``.html``), text files (``.txt``/``.md``) or folders of
        them, and ``http(s)://`` addresses.
    event_dir : the event folder; created, with an ``event.yml``, if missing.
    event_title : the title for a new ``event.yml`` (default: from the folder's name).
    outlet : use this outlet name for every source instead of the one found.
    fetch : ``False`` refuses URLs instead of fetching them (nothing touches the network).
    timeout : seconds to wait for a web server.
    max_bytes : refuse pages and files larger than this (default 10 MB).

    Returns
    -------
    DataFrame
        One row per source, columns :data:`ADD_COLUMNS`: ``source``, ``status``
        (``"added"``, ``"already there"`` or ``"failed"``), ``file`` (the article file
        written or found), ``outlet``, ``title``, ``date``, ``n_words_kept``,
        ``n_words_dropped`` (visible page text not kept), ``message`` (what to check, or
        why it failed).

    Notes
    -----
    Each file is named ``<outlet>-<date>-<title>.md`` (``-2``, ``-3``... if taken) and
    written atomically; no existing file is replaced. A source that fails writes nothing.
    The front matter holds ``outlet, title, date, authors, language, url``, then
    ``source_url`` or ``source_file`` (where it came from), ``added`` (today),
    ``extracted_with`` and ``content_sha1``. Edit it by hand where it is wrong; the body is
    the extracted text, as extracted.

    >>> import tempfile
    >>> tmp = tempfile.TemporaryDirectory()
    >>> folder = Path(tmp.name) / "talks"
    >>> story = Path(tmp.name) / "story.txt"
    >>> _ = story.write_text("Talks resume\\nNegotiators met again in Geneva.", encoding="utf-8")
    >>> add_articles([story], folder, outlet="Example News")[["status", "outlet", "title"]]
      status        outlet         title
    0  added  Example News  Talks resume
    >>> again = add_articles([story], folder)
    >>> again.loc[0, "status"], again.loc[0, "message"]
    ('already there', 'already in the event as example-news-talks-resume.md; nothing written')
    >>> tmp.cleanup()
    """
    table, _ = add_sources(sources, event_dir, event_title=event_title, outlet=outlet, fetch=fetch,
                    timeout=timeout, max_bytes=max_bytes)
    return table
