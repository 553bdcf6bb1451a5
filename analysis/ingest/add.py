"""Add saved pages, URLs and text files to an event folder: :func:`add_articles`."""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any, Literal

import pandas as pd

from ..errors import CorpusError, shorten
from ..loading import read_event
from .decode import decode_page
from .errors import IngestError
from .extract import (
    HTML_SUFFIXES,
    TEXT_SUFFIXES,
    Extracted,
    content_sha1,
    extract_article,
    read_limited,
    text_article,
)
from .fetch import MAX_BYTES, TIMEOUT, Fetched, fetch_url
from .urls import check_web_url, clean_url, is_url
from .write import (
    EventIndex,
    article_document,
    ensure_event,
    file_stem,
    read_front_matter,
    write_new,
)

__all__ = ["ADD_COLUMNS", "Status", "add_articles", "add_sources"]

#: Columns of the table :func:`add_articles` returns, one row per source.
ADD_COLUMNS = [
    "source", "status", "file", "outlet", "title", "date",
    "n_words_kept", "n_words_dropped", "message",
]

Status = Literal["added", "already there", "failed"]


def _expand(sources: Iterable[str | os.PathLike[str]]) -> list[str]:
    out: list[str] = []
    for source in sources:
        s = os.fspath(source)
        path = Path(s).expanduser()
        if not is_url(s) and path.is_dir() and not s.endswith("_files"):
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
    source: str, index: EventIndex, *, fetch: bool, timeout: float, max_bytes: int,
    fetcher: Callable[..., Fetched],
) -> tuple[Extracted | None, dict[str, Any], str | None]:
    """(extracted, extra front matter, name of the file it duplicates)."""
    if is_url(source):
        check_web_url(source)
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
                result = text_article(page.data, declared=page.charset)
            except IngestError as err:
                raise IngestError(err.reason, file=source) from None
            result.metadata["url"] = result.metadata["url"] or clean_url(page.url)
            return result, {"source_url": source}, None
        html, _, note = decode_page(page.data, declared=page.charset)
        result = extract_article(html, url=clean_url(page.url), max_bytes=max_bytes)
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
    if not path.is_file():  # a FIFO would block for ever, /dev/zero never ends
        raise IngestError("is not a regular file (a device, pipe or socket); give a saved "
                          "page, a text file or a folder of them", file=path)
    resolved = str(path.resolve())
    if resolved in index.files:
        return None, {}, index.files[resolved]
    if _is_html(path):
        result = extract_article(path, max_bytes=max_bytes)
    else:
        try:
            result = text_article(read_limited(path, max_bytes))
        except IngestError as err:
            raise IngestError(err.reason, file=path) from None
    return result, {"source_file": resolved}, None


_NO_OUTLET = "no outlet found: set 'outlet:' in the front matter"


def _outlet_from_file_name(result: Extracted, extra: dict[str, Any], outlet: str | None
                           ) -> Extracted:
    """A local file whose text names no outlet gets its file name as outlet ("cnn.txt":
    "cnn"), saying so, so that several such files do not all become one outlet
    "unknown"."""
    path = extra.get("source_file")
    if outlet or result.metadata.get("outlet") or not path:
        return result
    name = re.sub(r"[_-]+", " ", Path(path).stem).strip()
    if not name:
        return result
    notes = tuple(n for n in result.notes if n != _NO_OUTLET)
    return Extracted(result.text, result.metadata | {"outlet": name}, result.blocks,
                     (f"outlet taken from the file name ({name}): check 'outlet:'", *notes),
                     result.extractor)


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
    """:func:`add_articles` with every option given, also returning what was extracted
    from each source (None where nothing was); ``fetcher`` replaces :func:`fetch_url`."""
    if isinstance(sources, str | os.PathLike):
        sources = [sources]
    folder = Path(event_dir)
    if folder.exists() and not folder.is_dir():
        raise IngestError("is a file; the event must be a folder", file=folder)
    if (folder / "event.yml").exists():
        read_event(folder)  # a broken event.yml is reported before anything is written
    index = EventIndex.scan(folder)
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
                meta, _ = read_front_matter(folder / existing)
                row.update(status="already there", file=str(folder / existing),
                           outlet=str(meta.get("outlet") or ""),
                           title=str(meta.get("title") or ""),
                           date=pd.to_datetime(meta.get("date"), errors="coerce"),
                           message=f"already in the event as {existing}; nothing written")
            else:
                assert result is not None
                result = _outlet_from_file_name(result, extra, outlet)
                front = _front_matter_for(result, extra, outlet)
                ensure_event(folder, event_title)
                target = write_new(folder, file_stem(front | {"date": result.metadata["date"]},
                                                        result.text),
                                    article_document(front, result.text))
                index.record(target.name, front, result.text)
                row.update(status="added", file=str(target), outlet=front["outlet"],
                           title=front["title"], date=pd.to_datetime(front["date"]),
                           n_words_kept=result.n_words_kept,
                           n_words_dropped=result.n_words_dropped, message=_summary(result))
        except CorpusError as err:
            row.update(status="failed", message=err.reason if err.file == source else str(err))
        except OSError as err:
            row.update(status="failed", message=f"could not be read or written: {err}")
        except (LookupError, RecursionError, UnicodeError, ValueError, TypeError) as err:
            # a page no check above foresaw: this source fails, the rest are still added
            row.update(status="failed", message=shorten(
                f"could not be read ({type(err).__name__}: {err})", 300))
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
    outlet : use this outlet name for every source instead of the one found (a local file
        whose text names none gets its file name: "cnn.txt" is "cnn", noted in ``message``).
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
