"""Web addresses: which sources are URLs, which are fetched, and when two are the same."""

from __future__ import annotations

import re
import urllib.parse

from .errors import IngestError

__all__ = ["TRACKING_PARAMS", "check_web_url", "clean_url", "is_url", "normalize_url"]

#: Query parameters that only track where a click came from; dropped when comparing URLs.
TRACKING_PARAMS = re.compile(r"^(utm_\w+|fbclid|gclid|dclid|msclkid|mc_cid|mc_eid|igshid|"
                             r"ref|ref_src|cmpid|ocid|smid|at_medium|at_campaign)$", re.I)


def clean_url(url: str) -> str:
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
        return " ".join(url.split()).lower()
    host = (parts.hostname or "").lower().removeprefix("www.")
    query = sorted((k, v) for k, v in urllib.parse.parse_qsl(parts.query, keep_blank_values=True)
                   if not TRACKING_PARAMS.match(k))
    path = urllib.parse.unquote(parts.path).rstrip("/")
    key = host + (f":{port}" if port else "") + path
    return key + ("?" + urllib.parse.urlencode(query) if query else "")


def is_url(source: str) -> bool:
    """Does ``source`` start with a scheme (``https://``, ``file://``...)?

    >>> is_url("https://example.org/story"), is_url("saved/story.html")
    (True, False)
    """
    return bool(re.match(r"^[A-Za-z][A-Za-z0-9+.-]*://", source))


def check_web_url(url: str) -> None:
    """Raise :class:`IngestError` naming ``url`` unless it is an ``http(s)`` address with a
    host (and, if it has one, a valid port)."""
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
