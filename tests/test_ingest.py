"""Tests for analysis.ingest: saved pages, URLs and text files become event article files.

The saved pages under tests/fixtures/pages/ were written for these tests: realistic markup of
news sites (header, navigation, cookie notice, byline and date, figure captions, related
links, comments, footer). No test sends a request: ``analysis.ingest.fetch._urlopen`` is
replaced for every test (see ``no_network``), and URL tests hand it fake responses.
"""

from __future__ import annotations

import datetime as dt
import email.message
import re
import socket
import urllib.error
import urllib.request
from pathlib import Path

import pandas as pd
import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis import ingest
from analysis.cli import main
from analysis.ingest import (
    ADD_COLUMNS,
    IngestError,
    add_articles,
    content_sha1,
    decode_page,
    extract_article,
    fetch_url,
    normalize_url,
)
from analysis.ingest import extract as ingest_extract
from analysis.ingest import fetch as ingest_fetch
from analysis.ingest import write as ingest_write
from analysis.loading import CorpusError, load_corpus, read_event
from analysis.tokens import words
from conftest import FIXTURES

PAGES = FIXTURES / "pages"
LEDGER = PAGES / "ledger-austin-belousov.html"
RIVERSIDE = PAGES / "riverside-text-dateline.html"
COURRIER = PAGES / "courrier-cp1252.html"
NO_ARTICLE = PAGES / "no-article.html"
MHTML = PAGES / "riverside-single-file.mhtml"  # the Riverside page saved as one file
LEDGER_URL = "https://www.dailyledger.example/world/2024/07/12/austin-belousov-call"


# --- no request leaves the machine ------------------------------------------------------


class FakeResponse:
    """Stands in for what urllib.request.urlopen returns; counts the bytes read."""

    def __init__(self, body: bytes, *, url: str, content_type: str = "text/html",
                 charset: str | None = "utf-8", length: int | None = None,
                 chunks: int | None = None):
        self.body, self.url, self.n_read = body, url, 0
        self.chunks = chunks  # stream this many copies of body (a large page without length)
        self.headers = email.message.Message()
        self.headers["Content-Type"] = content_type + (f"; charset={charset}" if charset else "")
        if length is not None:
            self.headers["Content-Length"] = str(length)

    def read(self, n: int) -> bytes:
        total = len(self.body) * (self.chunks or 1)
        if self.n_read >= total:
            return b""
        offset = self.n_read % len(self.body)
        chunk = self.body[offset:offset + n]
        self.n_read += len(chunk)
        return chunk

    def geturl(self) -> str:
        return self.url

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False


@pytest.fixture(autouse=True)
def no_network(monkeypatch):
    """Every test: a request that reaches the opener fails the test, unless it is replaced."""
    calls: list[str] = []

    def refuse(request, timeout):
        calls.append(request.full_url)
        raise AssertionError(f"a test tried to open {request.full_url}")

    monkeypatch.setattr(ingest_fetch, "_urlopen", refuse)
    return calls


@pytest.fixture
def serve(monkeypatch):
    """Serve fake responses: ``serve(url_or_exception_or_response)``; returns the request log."""
    log: list[tuple[str, float]] = []

    def install(answer):
        def opener(request, timeout):
            log.append((request.full_url, timeout))
            if isinstance(answer, BaseException):
                raise answer
            return answer(request.full_url) if callable(answer) else answer

        monkeypatch.setattr(ingest_fetch, "_urlopen", opener)
        return log

    return install


def ledger_response(url: str = LEDGER_URL) -> FakeResponse:
    return FakeResponse(LEDGER.read_bytes(), url=url)


def written(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir()) if folder.exists() else []


# --- extraction from saved pages --------------------------------------------------------

# Expected metadata read off the fixtures by hand: the Ledger states everything in meta
# tags and JSON-LD; the Riverside Post only in visible text and the <title>; the Courrier
# is a windows-1252 page with <html lang="fr">, <meta name="author"> and a <time>.
METADATA = [
    (LEDGER, {
        "outlet": "The Daily Ledger",
        "title": "Austin and Belousov talk by phone as missile row grows",
        "date": "2024-07-12",
        "authors": "Helen Marsh; David Okafor",
        "language": "en",
        "url": LEDGER_URL,
    }),
    (RIVERSIDE, {
        "outlet": "Riverside Post",  # from "<headline> - Riverside Post" in <title>
        "title": "Kremlin vows response to US missile plan",
        "date": "2024-07-12",  # "Published: July 12, 2024, 2:05 p.m."
        "authors": "Maria Keller; Tom Ortiz",  # "By Maria Keller and Tom Ortiz"
        "language": "",
        "url": "https://riversidepost.example/news/kremlin-vows-response-missile-plan",
    }),
    (COURRIER, {
        "outlet": "Le Courrier du Lac",
        "title": "Missiles américains en Allemagne : Moscou promet une riposte",
        "date": "2024-07-12",
        "authors": "Claire Dubois",
        "language": "fr",
        "url": "",
    }),
]


@pytest.mark.parametrize(("page", "expected"), METADATA, ids=lambda v: getattr(v, "stem", ""))
def test_metadata_of_saved_pages(page, expected):
    meta = extract_article(page).metadata
    assert {k: meta[k] for k in expected} == expected


# (page, text that must be kept, text that must be dropped)
CONTENT = [
    (LEDGER,
     ["The US defence secretary, Lloyd Austin, and his Russian counterpart",
      "stationing long-range weapons in Germany from 2026",
      "when Austin spoke to Belousov's predecessor, Sergei Shoigu."],
     ["We use cookies",  # cookie notice
      "Politics",  # navigation
      "Photograph: Ledger Pictures", "Photograph: US Navy",  # captions
      "Why Germany wants US long-range missiles", "Russian warships leave Havana",  # related
      "Talking is always better", "northern_light",  # comments
      "All rights reserved", "Privacy policy",  # footer
      "Share on Facebook", "Subscribe for"]),
    (RIVERSIDE,
     ["Russia will answer the planned stationing",
      '"without nerves and emotions"',
      "meant to close a gap in Europe's defences"],
     ["This site uses cookies", "Log in", "Archive photo", "Nato summit recap",
      "Bridge closed for repairs", "Here we go again", "Mill Lane", "Advertisement"]),
    (COURRIER,
     ["s’est entretenu vendredi par téléphone", "« menace très sérieuse »",
      "À Berlin, le chancelier Olaf Scholz"],
     ["Accueil", "S’abonner dès 1 €", "ce qu’il faut retenir", "Mentions légales"]),
]


@pytest.mark.parametrize(("page", "kept", "dropped"), CONTENT,
                         ids=lambda v: getattr(v, "stem", ""))
def test_main_text_kept_and_boilerplate_dropped(page, kept, dropped):
    result = extract_article(page)
    for snippet in kept:
        assert snippet in result.text
    for snippet in dropped:
        assert snippet not in result.text
        # ...and the user is shown it among the dropped blocks
        assert any(snippet in block for block in result.dropped), snippet


def test_kept_and_dropped_blocks_are_accounted_for():
    result = extract_article(LEDGER)
    table = result.table()
    assert list(table.columns) == ["block", "status", "n_words", "text"]
    assert set(table["status"]) <= {"kept", "title", "dropped"}
    # every kept block is in the stored text, no dropped block is
    squashed = " ".join(result.text.split())
    assert all(t in squashed for t in table.loc[table["status"] == "kept", "text"])
    assert not any(t in squashed for t in table.loc[table["status"] == "dropped", "text"])
    assert result.n_words_kept == len(words(result.text))
    assert result.n_words_dropped == table.loc[table["status"] == "dropped", "n_words"].sum()
    assert result.n_words_dropped > 100  # menus, 3 related links, 3 comments, footer...


@pytest.mark.parametrize(("start", "expected"), [
    ('<html lang="de-AT"><head>', "de"),
    ('<html xml:lang="fr"><head>', "fr"),
    ('<html><head><meta http-equiv="Content-Language" content="es-ES">', "es"),
    ('<html><head><meta property="og:locale" content="pt_BR">', "pt"),
    ('<html lang="x-klingon"><head>', ""),  # not a language code
    ("<html><head>", ""),
])
def test_language_from_page_tags(start, expected):
    html = RIVERSIDE.read_text(encoding="utf-8")
    assert "<html>\n<head>" in html
    result = extract_article(html.replace("<html>\n<head>", start, 1))
    assert result.metadata["language"] == expected
    assert any("declares no language" in n for n in result.notes) is (expected == "")


def test_headline_left_out_of_the_body_is_marked_title():
    result = extract_article(RIVERSIDE)
    assert ("title", "Kremlin vows response to US missile plan") in result.blocks
    assert "Kremlin vows response to US missile plan" not in result.dropped


DATELINE = '<span class="dateline">Published: July 12, 2024, 2:05 p.m.</span>'


@pytest.mark.parametrize(("body", "head", "expected"), [
    ('<span class="dateline">12 July 2024</span>', "", "2024-07-12"),
    ('<span class="dateline">Friday 12th July 2024</span>', "", "2024-07-12"),
    ('<span class="dateline">Updated 12.07.2024 14:05</span>', "", "2024-07-12"),
    ('<span class="dateline">2024-07-12 14:05</span>', "", "2024-07-12"),
    ('<time datetime="2024-07-12T14:05:00Z">Friday afternoon</time>', "", "2024-07-12"),
    ("", '<meta property="article:published_time" content="2024-07-12T14:05:00Z">',
     "2024-07-12"),
    ("", '<meta name="date" content="2024-07-12">', "2024-07-12"),
    ("", '<script type="application/ld+json">{"@type": "NewsArticle", '
         '"datePublished": "2024-07-12T14:05:00Z"}</script>', "2024-07-12"),
    # no date at all: the body mentions "2026", which must not become 2026-01-01
    ("", "", None),
], ids=["dmy", "ordinal", "dotted", "iso", "time-element", "og-meta", "meta-date", "json-ld",
        "none"])
def test_date_in_common_forms(body, head, expected):
    html = RIVERSIDE.read_text(encoding="utf-8")
    assert DATELINE in html
    html = html.replace(DATELINE, body).replace("</head>", head + "</head>")
    result = extract_article(html)
    assert result.metadata["date"] == expected
    assert ("no date found: set 'date:' in the front matter" in result.notes) is (
        expected is None)


@pytest.mark.parametrize(("sitename", "page_title", "hostname", "expected"), [
    ("The Daily Ledger", "Whatever | Else", "dailyledger.example", "The Daily Ledger"),
    ("", "Talks resume | Example News", "example.org", "Example News"),
    ("", "Example News — Talks resume", "example.org", "Example News"),
    ("example.org", "Talks resume - Example News", "example.org", "Example News"),
    ("", "Talks resume", "www.example.org", "example.org"),  # no name: the domain
    # the other part of the title is too long to be a name: the domain
    ("", "Talks resume | and this is a much longer subtitle of the story", "example.org",
     "example.org"),
    ("", "", "", ""),
])
def test_outlet_name(sitename, page_title, hostname, expected):
    assert ingest_extract._outlet(sitename, page_title, "Talks resume", hostname)[0] == expected


def test_single_file_page_archive():
    result = extract_article(MHTML)
    assert result.text == extract_article(RIVERSIDE).text
    # the archive's address, without its tracking parameter
    assert result.metadata["url"] == (
        "https://riversidepost.example/news/kremlin-vows-response-missile-plan")
    assert result.metadata["outlet"] == "Riverside Post"


def test_archive_without_html_fails(tmp_path):
    archive = tmp_path / "empty.mhtml"
    archive.write_text("MIME-Version: 1.0\nContent-Type: text/css\n\nbody {}\n")
    with pytest.raises(IngestError, match=r"empty\.mhtml: is a page archive .* no HTML"):
        extract_article(archive)


def test_page_with_no_article_fails_clearly():
    with pytest.raises(IngestError, match=r"no-article\.html: holds no article"):
        extract_article(NO_ARTICLE)


def test_missing_file_named():
    with pytest.raises(IngestError, match=r"nowhere\.html: does not exist"):
        extract_article(PAGES / "nowhere.html")


# --- encodings -------------------------------------------------------------------------


def test_windows_1252_page_with_declared_charset():
    raw = COURRIER.read_bytes()
    with pytest.raises(UnicodeDecodeError):
        raw.decode("utf-8")  # the fixture really is not UTF-8
    result = extract_article(COURRIER)
    assert "s’est entretenu" in result.text  # ’ is byte 0x92 in windows-1252
    assert not any("encoding" in note for note in result.notes)


@pytest.mark.parametrize(("change", "note"), [
    # no declaration at all: the detector guesses, and says so
    ((rb'<meta http-equiv="Content-Type"[^>]*>\n', b""), "guessed as cp1252"),
    # a wrong declaration: the page says UTF-8 but is not
    ((rb"windows-1252", b"utf-8"), "declares utf-8 but is not valid utf-8"),
    ((rb"windows-1252", b"klingon-8"), "declares the unknown charset 'klingon-8'"),
])
def test_undeclared_or_wrongly_declared_encoding_is_guessed_with_a_note(change, note):
    raw = re.sub(change[0], change[1], COURRIER.read_bytes())
    result = extract_article(raw)
    assert "« menace très sérieuse »" in result.text
    assert any(note in n for n in result.notes), result.notes


@pytest.mark.parametrize(("data", "declared", "expected"), [
    ("café".encode("cp1252"), "iso-8859-1", ("café", "cp1252", None)),  # browsers' reading
    ("‘quoted’".encode("cp1252"), "us-ascii", ("‘quoted’", "cp1252", None)),
    (b"<meta charset='windows-1252'>caf\xe9", None, ("<meta charset='windows-1252'>café",
                                                      "cp1252", None)),
    (b'<meta http-equiv="content-type" content="text/html; charset=ISO-8859-1">\xe9', None,
     ('<meta http-equiv="content-type" content="text/html; charset=ISO-8859-1">é', "cp1252",
      None)),
    (b"\xef\xbb\xbfcaf\xc3\xa9", "cp1252", ("café", "utf-8", None)),  # a BOM wins
    ("café".encode("utf-16"), None, ("café", "utf-16", None)),
    ("Ελλάδα".encode(), None, ("Ελλάδα", "utf-8", None)),
])
def test_decode_page(data, declared, expected):
    assert decode_page(data, declared=declared) == expected


@given(st.text())
def test_decode_page_reads_back_any_utf8_text(text):
    decoded, _, note = decode_page(text.encode("utf-8"))
    if not text.startswith("\ufeff"):
        assert (decoded, note) == (text, None)


# --- size limits ---------------------------------------------------------------------


def test_20_mb_page_is_refused_without_writing(tmp_path):
    big = tmp_path / "huge.html"
    with open(big, "wb") as fh:  # 20 MB: a real page with 20 MB of padding
        fh.write(LEDGER.read_bytes())
        fh.truncate(20_000_000)
    event = tmp_path / "event"
    table = add_articles([big], event)
    assert table.loc[0, ["source", "status"]].tolist() == [str(big), "failed"]
    assert table.loc[0, "message"].startswith(
        "is 20.0 MB, more than the limit of 10.0 MB (max_bytes / --max-mb)")
    with pytest.raises(IngestError, match=rf"^{re.escape(str(big))}: is 20.0 MB"):
        extract_article(big)
    assert not event.exists()
    # the limit is a parameter
    with pytest.raises(IngestError, match="more than the limit of 1,000 bytes"):
        extract_article(LEDGER, max_bytes=1000)


# --- URLs ------------------------------------------------------------------------------


def test_url_is_fetched_and_added(tmp_path, serve):
    log = serve(ledger_response(LEDGER_URL + "?utm_source=feed"))
    table = add_articles([LEDGER_URL + "?utm_source=feed"], tmp_path / "ev", timeout=5)
    assert table.loc[0, "status"] == "added", table.loc[0, "message"]
    assert log == [(LEDGER_URL + "?utm_source=feed", 5)]
    meta, _ = ingest_write.read_front_matter(Path(table.loc[0, "file"]))
    assert meta["url"] == LEDGER_URL  # the page's canonical address
    assert meta["source_url"] == LEDGER_URL + "?utm_source=feed"  # what the user gave


def test_url_already_there_is_not_fetched_again(tmp_path, serve):
    log = serve(ledger_response())
    add_articles([LEDGER_URL], tmp_path / "ev")
    again = add_articles(["http://dailyledger.example/world/2024/07/12/austin-belousov-call/"
                          "?utm_campaign=x#comments"], tmp_path / "ev")
    assert again.loc[0, "status"] == "already there"
    assert len(log) == 1  # recognised from the address alone: no second request
    assert len(written(tmp_path / "ev")) == 2  # event.yml and one article


def test_saved_page_then_same_url_is_already_there(tmp_path, no_network):
    add_articles([LEDGER], tmp_path / "ev")
    # the saved page names its canonical URL, so the URL is known without fetching it
    again = add_articles([LEDGER_URL], tmp_path / "ev")
    assert again.loc[0, "status"] == "already there"
    assert no_network == []


@pytest.mark.parametrize(("error", "message"), [
    (urllib.error.URLError(socket.gaierror(-3, "Temporary failure in name resolution")),
     "could not be fetched: the host name could not be looked up (no network, or a "
     "mistyped address)"),
    (urllib.error.URLError(OSError(101, "Network is unreachable")),
     "could not be fetched: [Errno 101] Network is unreachable"),
    (urllib.error.URLError(ConnectionRefusedError(111, "Connection refused")),
     "could not be fetched: the connection was refused"),
    (TimeoutError("timed out"), "could not be fetched: no answer in time"),
    (urllib.error.HTTPError(LEDGER_URL, 404, "Not Found", None, None),
     "the server answered 404 Not Found"),
])
def test_unreachable_network_gives_a_clear_message_and_writes_nothing(
        tmp_path, serve, error, message):
    serve(error)
    table = add_articles([LEDGER_URL], tmp_path / "ev")
    assert table.loc[0, "status"] == "failed"
    assert table.loc[0, "message"].startswith(message)
    assert not (tmp_path / "ev").exists()


@pytest.mark.parametrize("url", ["file:///etc/passwd", "ftp://example.org/story.html",
                                 "javascript://alert(1)", "https://", "http://example.org:x/"])
def test_only_http_urls_are_fetched(url, no_network):
    with pytest.raises(IngestError, match=r"only http:// and https://|no host name|not a valid"):
        fetch_url(url)
    assert no_network == []


def test_redirect_to_another_scheme_is_refused(serve):
    serve(FakeResponse(LEDGER.read_bytes(), url="file:///etc/passwd"))
    with pytest.raises(IngestError, match="redirected to file:///etc/passwd"):
        fetch_url(LEDGER_URL)


@pytest.mark.parametrize(("target", "followed"), [
    ("https://example.org/b", True), ("http://example.org/b", True),
    ("ftp://example.org/b", False), ("file:///etc/passwd", False),
])
def test_redirects_are_followed_to_web_addresses_only(target, followed):
    handler = ingest_fetch._WebOnlyRedirects()
    request = urllib.request.Request("https://example.org/a")
    if followed:
        assert handler.redirect_request(request, None, 302, "Found", {}, target).full_url == (
            target)
    else:
        with pytest.raises(urllib.error.HTTPError, match=f"redirect to {target} refused"):
            handler.redirect_request(request, None, 302, "Found", {}, target)


def test_no_fetch_refuses_urls(tmp_path, no_network):
    table = add_articles([LEDGER_URL], tmp_path / "ev", fetch=False)
    assert table.loc[0, "status"] == "failed"
    assert "fetching is off" in table.loc[0, "message"]
    assert no_network == []


def test_large_page_with_content_length_is_refused_before_reading(serve):
    response = FakeResponse(b"<html>", url=LEDGER_URL, length=20_000_000)
    serve(response)
    with pytest.raises(IngestError, match=r"is 20\.0 MB, more than the limit of 10\.0 MB"):
        fetch_url(LEDGER_URL)
    assert response.n_read == 0


def test_large_page_without_length_stops_reading_at_the_limit(serve):
    # 200 copies of a 100,000-byte block: 20 MB if read to the end
    response = FakeResponse(b"x" * 100_000, url=LEDGER_URL, chunks=200)
    serve(response)
    with pytest.raises(IngestError, match=r"larger than the limit of 1\.0 MB"):
        fetch_url(LEDGER_URL, max_bytes=1_000_000)
    assert 1_000_000 < response.n_read <= 1_000_000 + 65_536


def test_not_a_web_page_is_refused(serve):
    serve(FakeResponse(b"%PDF-1.7", url=LEDGER_URL, content_type="application/pdf",
                       charset=None))
    with pytest.raises(IngestError, match="is application/pdf, not a web page"):
        fetch_url(LEDGER_URL)


def test_fetched_page_uses_the_http_charset(tmp_path, serve):
    raw = re.sub(rb'<meta http-equiv="Content-Type"[^>]*>\n', b"", COURRIER.read_bytes())
    serve(FakeResponse(raw, url="https://courrier.example/monde/missiles", charset="cp1252"))
    table = add_articles(["https://courrier.example/monde/missiles"], tmp_path / "ev")
    text = load_corpus(tmp_path / "ev").loc[0, "text"]
    assert table.loc[0, "status"] == "added"
    assert "guessed" not in table.loc[0, "message"]
    assert "s’est entretenu" in text


# --- writing event folders ---------------------------------------------------------------


def test_round_trip_through_load_corpus_and_read_event(tmp_path):
    event = tmp_path / "2024-07-12-missiles"
    table = add_articles([LEDGER, RIVERSIDE, COURRIER], event, event_title="Missile row")
    assert list(table.columns) == ADD_COLUMNS
    assert list(table["status"]) == ["added"] * 3
    assert read_event(event)["title"] == "Missile row"
    corpus = load_corpus(event).set_index("outlet")
    for page, expected in METADATA:
        row = corpus.loc[expected["outlet"]]
        extracted = extract_article(page)
        assert row["text"] == extracted.text  # the body exactly as extracted
        assert row["title"] == expected["title"]
        assert row["date"] == dt.datetime(2024, 7, 12)
        assert row["url"] == expected["url"]
        assert row["authors"] == expected["authors"]
        assert row["source_file"] == str(page.resolve())
        assert row["extracted_with"].startswith("trafilatura ")
        assert row["content_sha1"] == content_sha1(extracted.text)
        assert row["added"] in (dt.date.today(), dt.date.today() - dt.timedelta(days=1))
    assert corpus.loc["Le Courrier du Lac", "language"] == "fr"
    assert table.loc[0, "n_words_kept"] == len(words(extract_article(LEDGER).text))


def test_file_names_are_slugs_of_outlet_date_and_title(tmp_path):
    table = add_articles([LEDGER, COURRIER], tmp_path / "ev")
    assert [Path(f).name for f in table["file"]] == [
        "daily-ledger-2024-07-12-austin-and-belousov-talk-by-phone-as-missile-row-grows.md",
        "le-courrier-du-lac-2024-07-12-missiles-americains-en-allemagne-moscou-promet-une-"
        "riposte.md",  # the title part is cut at a word boundary within 60 characters
    ]


@pytest.mark.parametrize("title", [
    'Breaking: "Talks" resume',
    "--- Talks --- resume ---",
    "Talks: a 'new' start # not a comment",
    "yes",  # YAML 1.1 would read a bare yes as True
    "2024-07-12",  # ...and this as a date
    "Ελλάδα: συνομιλίες",
    "A long headline, " * 7 + "the end",  # 126 characters: one line of front matter
])
def test_awkward_titles_round_trip(tmp_path, title):
    story = tmp_path / "story.txt"
    story.write_text(f"{title}\nNegotiators met again in Geneva on Monday.", encoding="utf-8")
    add_articles([story], tmp_path / "ev", outlet="Example: News")
    corpus = load_corpus(tmp_path / "ev")
    assert (corpus.loc[0, "title"], corpus.loc[0, "outlet"]) == (title, "Example: News")
    lines = Path(corpus.loc[0, "source"].rsplit(":", 1)[0]).read_text().split("\n")
    header = lines[1:lines.index("---", 1)]
    assert all(re.match(r"[a-z_0-9]+: ", line) for line in header)  # one line per field
    assert corpus.loc[0, "text"] == f"{title}\nNegotiators met again in Geneva on Monday."


def test_text_file_is_stored_as_given_with_notes(tmp_path):
    story = tmp_path / "story.txt"
    story.write_text("\n\nTalks resume\nNegotiators met.\n  Second line.  \n\n",
                     encoding="utf-8")
    table = add_articles([story], tmp_path / "ev")
    row = load_corpus(tmp_path / "ev").iloc[0]
    assert row["text"] == "Talks resume\nNegotiators met.\n  Second line."
    # no outlet in the text: the file's name stands in, and the message says so
    assert (row["outlet"], row["title"], row["extracted_with"]) == (
        "story", "Talks resume", "plain text, as given")
    assert "outlet taken from the file name (story): check 'outlet:'" in table.loc[0, "message"]
    assert "no outlet found" not in table.loc[0, "message"]


def test_text_files_without_outlet_stay_apart(tmp_path):
    for name in ("daily_times.txt", "the-herald.txt"):
        (tmp_path / name).write_text(f"Talks resume\nNegotiators met in {name}.\n",
                                     encoding="utf-8")
    add_articles(sorted(tmp_path.glob("*.txt")), tmp_path / "ev")
    assert sorted(load_corpus(tmp_path / "ev")["outlet"]) == ["daily times", "the herald"]
    # --outlet still wins over the file name
    add_articles([tmp_path / "daily_times.txt"], tmp_path / "ev2", outlet="Daily Times")
    assert load_corpus(tmp_path / "ev2")["outlet"].tolist() == ["Daily Times"]


def test_text_file_with_front_matter_gives_its_fields(tmp_path):
    story = tmp_path / "story.md"
    story.write_text("---\noutlet: Example News\ntitle: 'Talks: day two'\ndate: 2024-07-13\n"
                     "url: https://example.org/talks\n---\n\nThey met again.\n",
                     encoding="utf-8")
    table = add_articles([story], tmp_path / "ev")
    row = load_corpus(tmp_path / "ev").iloc[0]
    assert (row["outlet"], row["title"], row["date"], row["url"], row["text"]) == (
        "Example News", "Talks: day two", dt.datetime(2024, 7, 13), "https://example.org/talks",
        "They met again.")
    assert "set" not in table.loc[0, "message"]  # nothing left to fill in by hand


@pytest.mark.parametrize(("date", "stored", "note"), [
    ("2024-07-13", dt.datetime(2024, 7, 13), None),
    ("13 July 2024", dt.datetime(2024, 7, 13), None),
    ("2024-07-13T09:30:00+02:00", dt.datetime(2024, 7, 13), None),
    ("last Friday", None, "the date 'last Friday' was not understood"),
])
def test_dates_in_text_front_matter(tmp_path, date, stored, note):
    story = tmp_path / "story.md"
    story.write_text(f"---\noutlet: X\ndate: {date}\n---\nThey met again.\n",
                     encoding="utf-8")
    table = add_articles([story], tmp_path / "ev")
    row = load_corpus(tmp_path / "ev").iloc[0]
    assert pd.isna(row["date"]) if stored is None else row["date"] == stored
    assert (note in table.loc[0, "message"]) if note else ("date" not in table.loc[0, "message"])


def test_plain_text_url(tmp_path, serve):
    serve(FakeResponse("Talks resume\nThey met again in Geneva.".encode("cp1252"),
                       url="https://example.org/talks.txt", content_type="text/plain",
                       charset="windows-1252"))
    table = add_articles(["https://example.org/talks.txt"], tmp_path / "ev",
                         outlet="Example")
    row = load_corpus(tmp_path / "ev").iloc[0]
    assert table.loc[0, "status"] == "added"
    assert (row["title"], row["url"], row["text"]) == (
        "Talks resume", "https://example.org/talks.txt", "Talks resume\nThey met again in Geneva.")


def test_empty_text_file_fails(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("\n  \n", encoding="utf-8")
    table = add_articles([empty], tmp_path / "ev")
    assert (table.loc[0, "status"], table.loc[0, "message"]) == ("failed", "is empty")
    assert not (tmp_path / "ev").exists()


def test_second_add_of_the_same_page_is_already_there(tmp_path):
    first = add_articles([LEDGER], tmp_path / "ev")
    before = {p.name: p.read_bytes() for p in (tmp_path / "ev").iterdir()}
    second = add_articles([LEDGER], tmp_path / "ev")
    assert second.loc[0, "status"] == "already there"
    assert second.loc[0, "file"] == first.loc[0, "file"]
    assert second.loc[0, "message"].startswith("already in the event as daily-ledger-")
    assert {p.name: p.read_bytes() for p in (tmp_path / "ev").iterdir()} == before


def test_same_page_saved_as_archive_is_already_there(tmp_path):
    add_articles([RIVERSIDE], tmp_path / "ev")
    assert add_articles([MHTML], tmp_path / "ev").loc[0, "status"] == "already there"


def test_copy_of_a_page_elsewhere_is_recognised_by_its_text(tmp_path):
    copy = tmp_path / "copy.html"
    copy.write_bytes(LEDGER.read_bytes().replace(b"canonical", b"x-canonical")
                     .replace(b"og:url", b"x-og-url").replace(b"saved from", b"kept from"))
    add_articles([LEDGER], tmp_path / "ev")
    assert add_articles([copy], tmp_path / "ev").loc[0, "status"] == "already there"


def test_hand_written_article_with_the_same_text_is_recognised(tmp_path):
    event = tmp_path / "ev"
    event.mkdir()
    (event / "event.yml").write_text("title: Talks\n", encoding="utf-8")
    (event / "mine.md").write_text("---\noutlet: Mine\n---\nTalks resume\nThey met.\n",
                                   encoding="utf-8")
    story = tmp_path / "story.txt"
    story.write_text("Talks   resume\n\nThey met.", encoding="utf-8")  # other whitespace
    table = add_articles([story], event)
    assert (table.loc[0, "status"], Path(table.loc[0, "file"]).name) == (
        "already there", "mine.md")


def test_existing_files_are_never_overwritten(tmp_path):
    event = tmp_path / "ev"
    event.mkdir()
    (event / "event.yml").write_text("title: Mine\ndescription: my own words\n",
                                     encoding="utf-8")
    taken = event / ("daily-ledger-2024-07-12-austin-and-belousov-talk-by-phone-as-missile-"
                     "row-grows.md")
    mine = "---\noutlet: Other\n---\nSomething else entirely.\n"
    taken.write_text(mine, encoding="utf-8")
    table = add_articles([LEDGER], event, event_title="ignored")
    assert Path(table.loc[0, "file"]).name == taken.stem + "-2.md"
    assert taken.read_text(encoding="utf-8") == mine
    assert (event / "event.yml").read_text(encoding="utf-8") == (
        "title: Mine\ndescription: my own words\n")
    assert not [p for p in event.iterdir() if p.name.startswith(".")]  # no temporary files


def test_broken_event_yml_is_reported_before_anything_is_written(tmp_path):
    event = tmp_path / "ev"
    event.mkdir()
    (event / "event.yml").write_text("description: no title\n", encoding="utf-8")
    with pytest.raises(CorpusError, match=r"event\.yml, field 'title'"):
        add_articles([LEDGER], event)
    assert written(event) == ["event.yml"]


def test_failures_write_nothing_and_others_still_go_in(tmp_path):
    table = add_articles([NO_ARTICLE, tmp_path / "missing.html", LEDGER], tmp_path / "ev")
    assert list(table["status"]) == ["failed", "failed", "added"]
    assert "does not exist" in table.loc[1, "message"]
    assert len(written(tmp_path / "ev")) == 2


def test_folder_of_saved_pages_and_its_assets_folder(tmp_path):
    table = add_articles([PAGES, PAGES / "ledger-austin-belousov_files"], tmp_path / "ev")
    assert dict(zip(table["source"].map(lambda s: Path(s).name), table["status"],
                    strict=True)) == {
        "courrier-cp1252.html": "added",
        "ledger-austin-belousov.html": "added",
        "no-article.html": "failed",
        # files are taken in name order; the .html is the same article as the .mhtml
        "riverside-single-file.mhtml": "added",
        "riverside-text-dateline.html": "already there",
        "ledger-austin-belousov_files": "failed",
    }
    assert "give the .html file next to it" in table.iloc[-1]["message"]


def test_event_yml_created_only_when_something_is_added(tmp_path):
    add_articles([NO_ARTICLE], tmp_path / "ev")
    assert not (tmp_path / "ev").exists()
    add_articles([LEDGER], tmp_path / "ev")
    assert read_event(tmp_path / "ev")["title"] == "ev"
    assert yaml.safe_load((tmp_path / "ev" / "event.yml").read_text())["collection"]


# --- URLs compared --------------------------------------------------------------------


@pytest.mark.parametrize(("a", "b", "same"), [
    ("https://www.example.org/a/b", "http://example.org/a/b/", True),
    ("https://example.org/a?id=1&utm_source=x", "https://example.org/a?id=1#c", True),
    ("https://example.org/a?x=1&y=2", "https://example.org/a?y=2&x=1", True),
    ("https://EXAMPLE.org:443/a", "https://example.org/a", True),
    ("https://example.org/a?id=1", "https://example.org/a?id=2", False),
    ("https://example.org/a", "https://example.com/a", False),
    ("https://example.org/A", "https://example.org/a", False),  # paths are case-sensitive
])
def test_normalize_url(a, b, same):
    assert (normalize_url(a) == normalize_url(b)) is same


urls = st.builds(
    lambda host, path, query: (host, path, query),
    st.from_regex(r"[a-z][a-z0-9-]{0,10}\.(org|com|de)", fullmatch=True),
    st.lists(st.from_regex(r"[A-Za-z0-9_-]{1,8}", fullmatch=True), max_size=4),
    st.dictionaries(st.from_regex(r"[a-z]{1,5}", fullmatch=True),
                    st.from_regex(r"[a-z0-9]{0,5}", fullmatch=True), max_size=3),
)


@given(urls, st.booleans(), st.booleans())
def test_normalize_url_ignores_scheme_www_tracking_and_fragment(parts, https, www):
    host, path, query = parts
    query = {k: v for k, v in query.items() if not ingest.TRACKING_PARAMS.match(k)}
    base = f"https://{host}/{'/'.join(path)}" + (
        "?" + "&".join(f"{k}={v}" for k, v in query.items()) if query else "")
    messy = (f"{'https' if https else 'http'}://{'www.' if www else ''}{host}/"
             f"{'/'.join(path)}?utm_medium=social&"
             + "&".join(f"{k}={v}" for k, v in reversed(query.items())) + "#top")
    assert normalize_url(messy) == normalize_url(base)


@pytest.mark.parametrize(("url", "key"), [
    ("", ""),
    # no scheme: no host either, the whole text is the path
    ("example.org/story", "example.org/story"),
    ("mailto:desk@example.org", "desk@example.org"),
    # the path is decoded, a trailing / dropped, the root path alone is nothing
    ("https://www.example.org/a%20b/", "example.org/a b"),
    ("https://example.org/?utm_source=x#top", "example.org"),
    # a port other than 80 and 443 is kept; the query sorted
    ("https://EXAMPLE.org:8080/a?b=2&a=1", "example.org:8080/a?a=1&b=2"),
    # surrounding whitespace goes; a space inside the path stays
    ("  HTTPS://Example.org/A B  ", "example.org/A B"),
    # not well-formed (a port out of range, an unclosed IPv6 bracket): compared as text,
    # lower-cased, whitespace runs made one space
    ("https://example.org:99999/a", "https://example.org:99999/a"),
    ("HTTP://Example.org:99999/a  \n b", "http://example.org:99999/a b"),
    ("http://[::1", "http://[::1"),
])
def test_normalize_url_of_odd_addresses(url, key):
    assert normalize_url(url) == key


@given(st.text())
def test_normalize_url_never_crashes_and_ignores_surrounding_whitespace(text):
    assert normalize_url(f" \t{text}\n ") == normalize_url(text)


@given(st.text(), st.text(alphabet=" \t\n", min_size=1))
def test_content_sha1_ignores_whitespace(text, space):
    assert content_sha1(text) == content_sha1(space.join(text.split()))


@settings(max_examples=30, deadline=None)
@given(st.text())
def test_extract_article_never_crashes(text):
    escaped = text.replace("&", "&amp;").replace("<", "&lt;")
    html = f"<html><body><article><p>{escaped}</p><p>{escaped}</p></article></body></html>"
    try:
        result = extract_article(html)
    except IngestError:
        return
    assert all(status in ("kept", "title", "dropped") for status, _ in result.blocks)


# --- command line --------------------------------------------------------------------


def test_cli_add(tmp_path, capsys):
    code = main(["add", str(LEDGER), str(RIVERSIDE), "--event", str(tmp_path / "ev"),
                 "--title", "Missile row", "--show-dropped"])
    out, err = capsys.readouterr()
    assert code == 0
    assert "The Daily Ledger" in out and "Riverside Post" in out
    assert "dropped: We use cookies" in err
    assert read_event(tmp_path / "ev")["title"] == "Missile row"
    code = main(["add", str(LEDGER), "--event", str(tmp_path / "ev"), "--format", "csv"])
    out, _ = capsys.readouterr()
    assert code == 0
    assert out.splitlines()[0] == ",".join(ADD_COLUMNS)
    assert ",already there," in out


def test_cli_add_exit_code_when_a_source_fails(tmp_path, capsys, no_network):
    code = main(["add", str(NO_ARTICLE), LEDGER_URL, "--no-fetch",
                 "--event", str(tmp_path / "ev")])
    _, err = capsys.readouterr()
    assert code == 2
    assert "holds no article" in err and "fetching is off" in err
    assert err.count("\nerror: ") == 2
    assert no_network == []


def test_missing_trafilatura_gives_an_install_hint(tmp_path, monkeypatch):
    monkeypatch.setitem(__import__("sys").modules, "trafilatura", None)  # import fails
    table = add_articles([LEDGER], tmp_path / "ev")
    assert table.loc[0, "status"] == "failed"
    assert "needs the trafilatura package" in table.loc[0, "message"]
    assert not (tmp_path / "ev").exists()


def test_writing_without_hard_links_still_never_overwrites(tmp_path, monkeypatch):
    def no_links(src, dst):
        raise PermissionError(1, "Operation not permitted")  # as on FAT or some shares

    monkeypatch.setattr(ingest_write.os, "link", no_links)
    event = tmp_path / "ev"
    add_articles([COURRIER], event, event_title="Missile row")  # creates event.yml
    taken = event / ("daily-ledger-2024-07-12-austin-and-belousov-talk-by-phone-as-missile-"
                     "row-grows.md")
    taken.write_text("---\noutlet: Other\n---\nSomething else.\n", encoding="utf-8")
    table = add_articles([LEDGER], event)
    assert Path(table.loc[0, "file"]).name == taken.stem + "-2.md"
    assert taken.read_text(encoding="utf-8") == "---\noutlet: Other\n---\nSomething else.\n"
    assert read_event(event)["title"] == "Missile row"
    assert len(load_corpus(event)) == 3
    assert [p.name for p in event.iterdir() if p.name.startswith(".")] == []


def test_text_file_front_matter_keeps_no_as_a_language(tmp_path):
    # YAML 1.1 would read the Norwegian code `no` as False; the kit's loader keeps it
    source = tmp_path / "story.md"
    source.write_text("---\noutlet: NRK\nlanguage: no\n---\nRegjeringen møttes i dag.\n",
                      encoding="utf-8")
    added = add_articles([source], tmp_path / "event", fetch=False)
    assert added.loc[0, "status"] == "added"
    corpus = load_corpus(tmp_path / "event")
    assert corpus.loc[0, "language"] == "no"
