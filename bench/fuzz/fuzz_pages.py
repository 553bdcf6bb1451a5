"""Coverage-guided fuzzing of the web-page path with atheris: saved pages and the HTTP client.

Every input's first byte picks the target, the rest is the content:

====  ============================================  =======================================
byte  content                                        called
====  ============================================  =======================================
0     a page's bytes                                 ``ingest.decode_page``
1     a saved ``.html`` file                         ``ingest.extract_article(path)``
2     a saved ``.mhtml`` archive                     ``ingest.extract_article(path)``
3     a text file (``.txt``)                         ``ingest.add_sources`` (no network)
4     the raw bytes a hostile HTTP server answers    ``ingest.fetch_url`` then the extractor
====  ============================================  =======================================

Target 4 starts one server on 127.0.0.1 (a random port, in this process): it reads the
request and answers with the input's bytes as they are (status line, headers and body), so
broken status lines, headers, chunked encodings, lengths and charsets reach urllib and the
kit. Nothing else touches the network. A crash is any exception other than
:class:`~analysis.ingest.IngestError` (a ``CorpusError``) or a plain ``ValueError``; each
distinct crash is written once to ``crashes-pages/`` with its input and traceback.

Run::

    nice -n 19 .venv/bin/python bench/fuzz/fuzz_pages.py --seeds
    nice -n 19 .venv/bin/python bench/fuzz/fuzz_pages.py -max_total_time=600 -timeout=20 \
        -rss_limit_mb=3000 -print_final_stats=1 /tmp/fuzz-pages bench/fuzz/seeds-pages
"""

from __future__ import annotations

import os
import socket
import tempfile
import threading
import warnings
from pathlib import Path

from harness import Harness

HERE = Path(__file__).resolve().parent
SEEDS = HERE / "seeds-pages"
CRASHES = Path(os.environ.get("FUZZ_CRASHES", HERE / "crashes-pages"))
TARGETS = ("decode", "html", "mhtml", "text", "http")
_PROSE = b"Negotiators met again in Geneva on Monday and agreed to keep talking next week. " * 4
PAGE = (b"<html lang='en'><head><meta charset='utf-8'><title>Talks | Wire</title></head><body>"
        b"<nav><a href='/'>Home</a></nav><article><h1>Talks resume</h1><p>" + _PROSE
        + b"</p></article><footer>Contact</footer></body></html>")


class _Server:
    """One server on 127.0.0.1 answering every request with :attr:`answer`, raw."""

    def __init__(self) -> None:
        self.answer = b""
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(16)
        self.url = f"http://127.0.0.1:{self.sock.getsockname()[1]}/page"
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        while True:
            conn, _ = self.sock.accept()
            with conn:
                try:
                    conn.settimeout(2)
                    request = b""
                    while b"\r\n\r\n" not in request:
                        data = conn.recv(4096)
                        if not data:
                            break
                        request += data
                    conn.sendall(self.answer)
                    conn.shutdown(socket.SHUT_WR)
                except OSError:
                    pass


_SERVER: _Server | None = None


def seed_inputs() -> dict[str, bytes]:
    mhtml = (b"MIME-Version: 1.0\r\nSnapshot-Content-Location: https://wire.example/talks\r\n"
             b'Content-Type: multipart/related; boundary="b"\r\n\r\n--b\r\n'
             b"Content-Type: text/html; charset=utf-8\r\n\r\n" + PAGE + b"\r\n--b--\r\n")
    files = {
        "decode": b"<meta charset='windows-1252'>caf\xe9",
        "html": PAGE,
        "mhtml": mhtml,
        "text": b"---\noutlet: Wire\ntitle: Talks\ndate: 2024-07-12\n---\n" + _PROSE,
        "http": (b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n"
                 b"Content-Length: " + str(len(PAGE)).encode() + b"\r\n\r\n" + PAGE),
        "http-chunked": (b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n"
                         b"Transfer-Encoding: chunked\r\n\r\n" + f"{len(PAGE):x}".encode()
                         + b"\r\n" + PAGE + b"\r\n0\r\n\r\n"),
    }
    return {name: bytes([TARGETS.index(name.split("-")[0])]) + content
            for name, content in files.items()}


def run_one(data: bytes) -> None:
    """One input; raises only on a crash."""
    global _SERVER
    from analysis.ingest import IngestError, add_sources, decode_page, extract_article, fetch_url
    from analysis.loading import CorpusError

    if not data:
        return
    target = TARGETS[data[0] % len(TARGETS)]
    content = data[1:]
    with tempfile.TemporaryDirectory(prefix="fuzz-pages-") as tmp:
        folder = Path(tmp)
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                if target == "decode":
                    text, _, _ = decode_page(content)
                    text.encode("utf-8", "surrogatepass")
                elif target in ("html", "mhtml"):
                    path = folder / f"page.{target}"
                    path.write_bytes(content)
                    extract_article(path, max_bytes=1_000_000)
                elif target == "text":
                    path = folder / "story.txt"
                    path.write_bytes(content)
                    table, _ = add_sources([str(path)], folder / "ev", event_title=None,
                                           outlet=None, fetch=False, timeout=1,
                                           max_bytes=1_000_000)
                    if (table["status"] == "failed").any() and \
                            table["message"][0].startswith("could not be read ("):
                        raise AssertionError(f"caught only by the batch net: "
                                             f"{table['message'][0]}")
                else:
                    if _SERVER is None:
                        _SERVER = _Server()
                    _SERVER.answer = content
                    page = fetch_url(_SERVER.url, timeout=1, max_bytes=1_000_000)
                    text, _, _ = decode_page(page.data, declared=page.charset)
                    if page.content_type != "text/plain":
                        extract_article(text, url=page.url, max_bytes=1_000_000)
        except (IngestError, CorpusError):
            pass
        except ValueError as err:
            if type(err) is not ValueError:
                raise


def _import_targets() -> None:
    import analysis.ingest  # noqa: F401


HARNESS = Harness(run_one=run_one, seed_inputs=seed_inputs, seeds=SEEDS, crashes=CRASHES,
                  targets=TARGETS, instrument=["analysis.ingest", "email", "http", "urllib",
                                                 "codecs", "encodings"], imports=_import_targets,
                  input_limit=2000)


if __name__ == "__main__":
    HARNESS.main()
