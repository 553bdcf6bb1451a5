"""Download one web page: only ``http(s)``, with a timeout and a size limit.

:func:`fetch_url` is the only code of the kit that touches the network; every request
goes through ``_urlopen`` (which tests replace).
"""

from __future__ import annotations

import socket
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from typing import Any

from .errors import IngestError, describe_bytes
from .urls import check_web_url

__all__ = ["MAX_BYTES", "TIMEOUT", "Fetched", "fetch_url"]

#: Default size limit for a page or file, in bytes (10 MB; news pages are well under 2 MB).
MAX_BYTES = 10_000_000
#: Default time to wait for a web server, in seconds.
TIMEOUT = 20.0
_USER_AGENT = "Mozilla/5.0 (compatible; OutletLens/0.1; article import for teaching)"


@dataclass(frozen=True)
class Fetched:
    """A page downloaded by :func:`fetch_url`: its bytes, final address and declared charset."""

    data: bytes
    url: str
    content_type: str = "text/html"
    charset: str | None = None


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
    analysis.ingest.errors.IngestError: file:///etc/passwd: only http:// and https:// ...
    """
    check_web_url(url)
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
        limit = describe_bytes(max_bytes)
        if length and length.isdigit() and int(length) > max_bytes:
            raise IngestError(
                f"is {describe_bytes(int(length))}, more than the limit of {limit} "
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
                        f"reading after {describe_bytes(total)}", file=url)
                chunks.append(chunk)
        except (TimeoutError, urllib.error.URLError, ConnectionError) as err:
            raise IngestError(f"the download broke off: {_network_reason(err)}. {advice}",
                              file=url) from None
    return Fetched(b"".join(chunks), final_url, content_type, headers.get_content_charset())
