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

from .add import ADD_COLUMNS, Status, add_articles, add_sources
from .decode import decode_page
from .errors import IngestError
from .extract import (
    ARCHIVE_SUFFIXES,
    HTML_SUFFIXES,
    MIN_PROSE_CHARS,
    TEXT_SUFFIXES,
    Extracted,
    content_sha1,
    extract_article,
)
from .fetch import MAX_BYTES, TIMEOUT, Fetched, fetch_url
from .urls import TRACKING_PARAMS, normalize_url

__all__ = [
    "ADD_COLUMNS",
    "ARCHIVE_SUFFIXES",
    "HTML_SUFFIXES",
    "MAX_BYTES",
    "MIN_PROSE_CHARS",
    "TEXT_SUFFIXES",
    "TIMEOUT",
    "TRACKING_PARAMS",
    "Extracted",
    "Fetched",
    "IngestError",
    "Status",
    "add_articles",
    "add_sources",
    "content_sha1",
    "decode_page",
    "extract_article",
    "fetch_url",
    "normalize_url",
]
