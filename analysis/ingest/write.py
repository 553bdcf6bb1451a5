"""Writing into an event folder: one Markdown file per article, never replacing a file.

:class:`EventIndex` records what a folder already holds (URLs, saved files, body hashes), so
that a source added twice is recognised; :func:`write_new` writes a file atomically under a
name no other file has.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import re
import tempfile
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .errors import IngestError
from .extract import content_sha1, split_front_matter
from .urls import normalize_url

__all__ = [
    "EventIndex",
    "article_document",
    "ensure_event",
    "file_stem",
    "read_front_matter",
    "write_new",
]


def read_front_matter(path: Path) -> tuple[dict[str, Any], str]:
    """Best-effort read of an article file: (front matter, body). Never raises."""
    try:
        return split_front_matter(path.read_text(encoding="utf-8-sig", errors="replace"))
    except OSError:
        return {}, ""


@dataclass
class EventIndex:
    """What is already in an event folder, to recognise a source added before."""

    folder: Path
    urls: dict[str, str] = field(default_factory=dict)
    files: dict[str, str] = field(default_factory=dict)
    hashes: dict[str, str] = field(default_factory=dict)

    @classmethod
    def scan(cls, folder: Path) -> EventIndex:
        index = cls(folder)
        if folder.is_dir():
            for path in sorted(folder.glob("*.md")):
                if path.name.lower() != "readme.md":
                    meta, body = read_front_matter(path)
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


def file_stem(meta: dict[str, Any], text: str) -> str:
    """The file name (without ``.md``) of an article: ``<outlet>-<date>-<title>``, slugged.

    >>> file_stem({"outlet": "The Example News", "date": "2024-07-12",
    ...            "title": "Talks resume in Geneva"}, "Text.")
    'example-news-2024-07-12-talks-resume-in-geneva'
    """
    outlet = re.sub(r"^the\s+", "", meta.get("outlet") or "", flags=re.I)
    parts = [_slug(outlet, 24), meta.get("date") or "", _slug(meta.get("title") or "", 60)]
    stem = "-".join(p for p in parts if p)
    return stem or "article-" + content_sha1(text)[:10]


def article_document(meta: dict[str, Any], text: str) -> str:
    """An article file's content: ``meta`` as YAML front matter, then the text as it is."""
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


def write_new(folder: Path, stem: str, content: str) -> Path:
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


def ensure_event(folder: Path, title: str | None) -> None:
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
