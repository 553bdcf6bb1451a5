"""Download one web page: only ``http(s)``, with a timeout, an overall deadline and a size
limit; no redirect into the local network.

:func:`fetch_url` is the only code of the kit that touches the network; every request
goes through ``_urlopen`` (which tests replace).
"""

from __future__ import annotations

import contextlib
import contextvars
import http.client
import ipaddress
import socket
import ssl
import threading
import time
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
#: Default time to wait for a web server, in seconds (each step; the whole download must
#: end within :data:`DEADLINE_FACTOR` times this).
TIMEOUT = 20.0
#: The whole download (connection, headers, body) ends within this many timeouts.
DEADLINE_FACTOR = 3
_USER_AGENT = "Mozilla/5.0 (compatible; OutletLens/0.1; article import for teaching)"


@dataclass(frozen=True)
class Fetched:
    """A page downloaded by :func:`fetch_url`: its bytes, final address and declared charset."""

    data: bytes
    url: str
    content_type: str = "text/html"
    charset: str | None = None


def _non_public(host: str, port: int | None = None) -> bool:
    """Is ``host`` (a name or an address) one of this machine's, the local network's, or
    a link-local one (such as the cloud metadata address 169.254.169.254)?

    Names are looked up; a name that cannot be looked up counts as public (the connection
    will fail anyway).

    >>> _non_public("127.0.0.2"), _non_public("169.254.169.254"), _non_public("10.1.2.3")
    (True, True, True)
    >>> _non_public("93.184.215.14")
    False
    """
    try:
        infos = socket.getaddrinfo(host, port or 80, proto=socket.IPPROTO_TCP)
    except (OSError, UnicodeError, ValueError):
        return False
    for info in infos:
        address = ipaddress.ip_address(info[4][0].split("%")[0])
        if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped:
            address = address.ipv4_mapped
        if not address.is_global or address.is_multicast:
            return True
    return False


class _Watch:
    """The sockets of one download, and the deadline after which they are shut."""

    def __init__(self, user_url: str, seconds: float) -> None:
        self.seconds = seconds
        self.deadline = time.monotonic() + seconds
        self.expired = False
        self.user_url = user_url
        self._sockets: list[socket.socket] = []
        self._lock = threading.Lock()

    def add(self, sock: socket.socket) -> None:
        with self._lock:
            self._sockets.append(sock)
            if self.expired:
                self._shut(sock)

    def expire(self) -> None:
        with self._lock:
            self.expired = True
            for sock in self._sockets:
                self._shut(sock)

    def user_host_private(self) -> bool:
        """Is the user's own address on this machine or the local network? (Looked up only
        when a redirect needs it.)"""
        parts = urllib.parse.urlsplit(self.user_url)
        try:
            port = parts.port
        except ValueError:
            port = None
        return _non_public(parts.hostname or "", port)

    def past(self) -> bool:
        return self.expired or time.monotonic() > self.deadline

    @staticmethod
    def _shut(sock: socket.socket) -> None:
        with contextlib.suppress(OSError):
            sock.shutdown(socket.SHUT_RDWR)  # wakes a read blocked on the socket


_WATCH: contextvars.ContextVar[_Watch | None] = contextvars.ContextVar("_WATCH", default=None)


def _watched(sock: socket.socket) -> None:
    watch = _WATCH.get()
    if watch is not None:
        watch.add(sock)


class _HTTPConnection(http.client.HTTPConnection):
    def connect(self) -> None:
        super().connect()
        _watched(self.sock)


class _HTTPSConnection(http.client.HTTPSConnection):
    def connect(self) -> None:
        super().connect()
        _watched(self.sock)


class _HTTPHandler(urllib.request.HTTPHandler):
    def http_open(self, req):  # type: ignore[override]
        return self.do_open(_HTTPConnection, req)


class _HTTPSHandler(urllib.request.HTTPSHandler):
    def __init__(self) -> None:
        self.tls = ssl.create_default_context()
        super().__init__(context=self.tls)

    def https_open(self, req):  # type: ignore[override]
        return self.do_open(_HTTPSConnection, req, context=self.tls)


class _WebOnlyRedirects(urllib.request.HTTPRedirectHandler):
    """Follow redirects to http(s) addresses only (urllib would also follow ftp://), and
    not into this machine or the local network unless the user's address is there."""

    def redirect_request(self, req, fp, code, msg, headers, newurl):  # type: ignore[override]
        parts = urllib.parse.urlsplit(newurl)
        if parts.scheme.lower() not in ("http", "https"):
            raise urllib.error.HTTPError(newurl, code, f"redirect to {newurl} refused",
                                         headers, fp)
        watch = _WATCH.get()
        if watch is not None and not watch.user_host_private():
            try:
                port = parts.port
            except ValueError:
                port = None
            if _non_public(parts.hostname or "", port):
                raise urllib.error.HTTPError(
                    newurl, code, f"redirect to {parts.hostname}, an address on this machine "
                    "or the local network, refused", headers, fp)
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def _urlopen(request: urllib.request.Request, timeout: float) -> Any:
    """Open ``request``; the one place a request leaves the machine (tests replace it)."""
    opener = urllib.request.build_opener(_HTTPHandler, _HTTPSHandler, _WebOnlyRedirects)
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
    timeout : seconds to wait for the server (each connection step and each read); the
        whole download must end within ``DEADLINE_FACTOR`` (3) times this.
    max_bytes : the largest page accepted. A larger ``Content-Length`` is refused before
        reading; otherwise reading stops as soon as the limit is passed.

    Raises
    ------
    IngestError
        Naming the address: another scheme (``file://``...), no network, an HTTP error, a
        timeout or the overall deadline, broken HTTP, a download cut short (fewer bytes
        than ``Content-Length``), a page over the limit, something that is not a web page
        (a PDF...), or a redirect from a public address to this machine or the local
        network (loopback, private and link-local addresses such as 169.254.169.254).

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
    watch = _Watch(url, DEADLINE_FACTOR * timeout)
    timer = threading.Timer(watch.seconds, watch.expire)
    timer.daemon = True
    token = _WATCH.set(watch)
    timer.start()
    try:
        return _fetch(request, url, timeout=timeout, max_bytes=max_bytes, watch=watch)
    finally:
        timer.cancel()
        _WATCH.reset(token)


def _fetch(request: urllib.request.Request, url: str, *, timeout: float, max_bytes: int,
           watch: _Watch) -> Fetched:
    advice = ("Check the address and the connection, or save the page in the browser "
              "(File > Save Page As) and add the saved .html file instead")
    too_slow = (f"took longer than {watch.seconds:g} s in all ({DEADLINE_FACTOR} x the "
                "timeout), so it was given up. " + advice)
    try:
        response = _urlopen(request, timeout)
    except urllib.error.HTTPError as err:
        raise IngestError(f"the server answered {err.code} {err.reason}", file=url) from None
    except (urllib.error.URLError, OSError, http.client.HTTPException) as err:
        if watch.past():
            raise IngestError(too_slow, file=url) from None
        if isinstance(err, http.client.HTTPException):
            raise IngestError(f"the server's answer is not valid HTTP "
                              f"({type(err).__name__}). {advice}", file=url) from None
        raise IngestError(f"could not be fetched: {_network_reason(err)}. {advice}",
                          file=url) from None
    with response:
        final_url = response.geturl() or url
        if urllib.parse.urlsplit(final_url).scheme.lower() not in ("http", "https"):
            raise IngestError(f"redirected to {final_url}, which is not a web address", file=url)
        headers = response.headers
        length = headers.get("Content-Length")
        length = int(length) if length and length.strip().isdigit() else None
        limit = describe_bytes(max_bytes)
        if length is not None and length > max_bytes:
            raise IngestError(
                f"is {describe_bytes(length)}, more than the limit of {limit} "
                "(max_bytes / --max-mb); nothing was read", file=url)
        content_type = headers.get_content_type()
        if content_type not in ("text/html", "application/xhtml+xml", "text/plain",
                                "application/xml", "text/xml"):
            raise IngestError(
                f"is {content_type}, not a web page; only HTML pages and plain text are read",
                file=url)
        read = getattr(response, "read1", response.read)  # read1: what has arrived
        chunks, total = [], 0
        try:
            while True:
                if watch.past():
                    raise IngestError(too_slow, file=url)
                chunk = read(65_536)
                if not chunk:
                    break
                total += len(chunk)
                if total > max_bytes:
                    raise IngestError(
                        f"is larger than the limit of {limit} (max_bytes / --max-mb); stopped "
                        f"reading after {describe_bytes(total)}", file=url)
                chunks.append(chunk)
        except (TimeoutError, urllib.error.URLError, OSError, http.client.HTTPException) as err:
            if watch.past():
                raise IngestError(too_slow, file=url) from None
            reason = ("the server ended the page before its end"
                      if isinstance(err, http.client.IncompleteRead) else
                      f"the server's answer is not valid HTTP ({type(err).__name__})"
                      if isinstance(err, http.client.HTTPException) else _network_reason(err))
            raise IngestError(f"the download broke off after {describe_bytes(total)}: "
                              f"{reason}; nothing was stored. {advice}", file=url) from None
        if watch.past():  # the last read may have been cut by the deadline
            raise IngestError(too_slow, file=url)
        if length is not None and total < length and not headers.get("Content-Encoding"):
            raise IngestError(
                f"the download broke off: the server announced {length:,} bytes but sent "
                f"{total:,} bytes; nothing was stored. {advice}", file=url)
    return Fetched(b"".join(chunks), final_url, content_type, headers.get_content_charset())
