"""Read articles into one tidy DataFrame: event folders, CSV, JSON Lines, Parquet, pasted text.

The corpus format
-----------------
An *event* is a folder ``data/events/<event-id>/`` holding ``event.yml`` and one Markdown
file per article::

    ---
    outlet: Shafaq News
    title: US Defense Secretary Austin holds talks with Russian counterpart
    date: 2024-07-12
    url: https://example.org/story
    language: en
    translated_from: de      # optional
    leaning: center          # optional
    notes: anything you like # optional
    ---
    The article body, exactly as received.

Blank lines between the closing ``---`` and the body are not part of the body; everything
after them is kept byte for byte. ``event.yml`` has ``title`` (required), ``date``,
``description`` and ``collection`` (how the articles were gathered).

Every loader returns one row per article with the columns :data:`CORPUS_COLUMNS` first,
then ``leaning`` (always present, may be empty), ``source`` (file and line the row came
from) and any extra columns or front-matter fields. Nothing is ever written.
"""

from __future__ import annotations

import csv
import datetime as dt
import gzip
import io
import json
import os
import re
import warnings
import zlib
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

import pandas as pd
import yaml

from .errors import CorpusError, require_columns
from .rows import REQUIRED_FIELDS, check_row
from .yamlio import repair_surrogates, warn_surrogates, yaml_load

__all__ = [
    "CORPUS_COLUMNS",
    "CorpusError",
    "from_texts",
    "load_corpus",
    "read_article",
    "read_event",
    "require_columns",
]

#: The fixed leading columns of every corpus DataFrame.
CORPUS_COLUMNS = ["article_id", "event", "outlet", "title", "date", "url", "language", "text"]

#: Front-matter fields the kit knows; any others are kept as extra columns.
ARTICLE_FIELDS = {
    "outlet": "the outlet's name, e.g. 'Shafaq News'",
    "title": "the headline",
    "date": "the publication date, e.g. 2024-07-12",
    "url": "the address the article came from",
    "language": "a language code, e.g. 'en'",
    "translated_from": "the original language code, e.g. 'de'",
    "leaning": "a political leaning label, e.g. 'left', 'center' or 'right'",
    "notes": "free text",
    "id": "an article id to use instead of the file name",
    "authors": "the byline",
}
EVENT_FIELDS = ("title", "date", "description", "collection")
#: Longer outlet names are cut (with a warning): every chart and table shows them.
MAX_OUTLET_CHARS = 200
TABLE_SUFFIXES = (".csv", ".jsonl", ".ndjson", ".json", ".parquet", ".pq")


# --- events -----------------------------------------------------------------------------

_FRONT_MATTER_FENCE = re.compile(r"^---[ \t]*\r?$")


def _read_utf8(path: Path) -> str:
    data = path.read_bytes()
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        line = data.count(b"\n", 0, err.start) + 1
        raise CorpusError(
            f"is not UTF-8 text (byte {err.start} cannot be decoded); "
            "open it in an editor and save it as UTF-8",
            file=path,
            line=line,
        ) from None


def _parse_date(value: Any, *, file: Path | str, line: int | None, field: str) -> pd.Timestamp:
    if value is None or value == "":
        return pd.NaT
    if isinstance(value, dt.datetime | dt.date):
        return pd.Timestamp(value)
    try:
        return pd.Timestamp(str(value).strip())
    except (ValueError, TypeError, OverflowError):
        raise CorpusError(
            f"expected a date like 2024-07-12, found {value!r}", file=file, line=line, field=field
        ) from None


def _yaml_mapping(text: str, *, file: Path, first_line: int, what: str) -> dict[str, Any]:
    try:
        content = yaml_load(text)
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        line = first_line + mark.line if mark is not None else first_line
        problem = getattr(err, "problem", None) or "could not be read"
        if isinstance(err, yaml.reader.ReaderError):  # NUL, ESC and other control characters
            line = first_line + text.count("\n", 0, err.position)
            code = err.character if isinstance(err.character, int) else ord(err.character)
            problem = (f"it holds the control character {code:#04x} (position "
                       f"{err.position}), which YAML does not allow; delete it")
        raise CorpusError(f"{what} is not valid YAML: {problem}", file=file, line=line) from None
    if content is None:
        return {}
    if "\\u" in text or "\\U" in text:  # only escapes can make a lone surrogate
        content, count = repair_surrogates(content, file, first_line)
        if count:
            warn_surrogates(count, f"{file}, line {first_line}")
    if not isinstance(content, dict):
        raise CorpusError(
            f"{what} must be 'key: value' lines, found {type(content).__name__}",
            file=file,
            line=first_line,
        )
    return {str(k): v for k, v in content.items()}


def _field_lines(text: str, first_line: int) -> dict[str, int]:
    """Line numbers of top-level ``key:`` lines in a YAML block, for error messages."""
    lines = {}
    for i, line in enumerate(text.splitlines()):
        m = re.match(r"([A-Za-z_][\w-]*)\s*:", line)
        if m:
            lines.setdefault(m.group(1), first_line + i)
    return lines


def read_event(folder: str | os.PathLike[str]) -> dict[str, Any]:
    """Read ``event.yml`` of an event folder: ``event`` (the folder name), ``title``, ``date``,
    ``description``, ``collection``, and any other field as written (``frames``: the frame
    sets the report counts).

    >>> read_event(SEED_EVENT)["title"]
    'Austin–Belousov phone call, 12 July 2024'
    """
    folder = Path(folder)
    path = folder / "event.yml"
    if not path.is_file():
        raise CorpusError(
            "is missing: an event folder needs an event.yml with at least a 'title'", file=path
        )
    text = _read_utf8(path)
    meta = _yaml_mapping(text, file=path, first_line=1, what="event.yml")
    lines = _field_lines(text, 1)
    title = meta.get("title")
    if not isinstance(title, str) or not title.strip():
        raise CorpusError("expected the event's title as text", file=path,
                          line=lines.get("title"), field="title")
    for key in ("description", "collection"):
        if meta.get(key) is not None and not isinstance(meta[key], str):
            raise CorpusError("expected text", file=path, line=lines.get(key), field=key)
    return {
        "event": folder.name,
        "title": title.strip(),
        "date": _parse_date(meta.get("date"), file=path, line=lines.get("date"), field="date"),
        "description": (meta.get("description") or "").strip(),
        "collection": (meta.get("collection") or "").strip(),
        **{k: v for k, v in meta.items() if k not in EVENT_FIELDS},
    }


def read_article(path: str | os.PathLike[str], *, event: str | None = None) -> dict[str, Any]:
    """Read one article file (YAML front matter, then the body) into a dict of fields."""
    path = Path(path)
    text = _read_utf8(path)
    if "\r" in text and "\n" not in text:  # old Mac line endings: lone carriage returns
        text = text.replace("\r", "\n")
    lines = text.split("\n")
    if not lines or not _FRONT_MATTER_FENCE.match(lines[0]):
        raise CorpusError(
            "expected front matter: the file must start with a line '---', then 'outlet: ...' "
            "and the other fields, then '---' and the article text",
            file=path,
            line=1,
        )
    close = next((i for i in range(1, len(lines)) if _FRONT_MATTER_FENCE.match(lines[i])), None)
    if close is None:
        raise CorpusError("the front matter is never closed: add a line '---' after it",
                          file=path, line=1)
    header = "\n".join(lines[1:close])
    meta = _yaml_mapping(header, file=path, first_line=2, what="the front matter")
    field_line = _field_lines(header, 2)

    body_start = close + 1
    while body_start < len(lines) and not lines[body_start].strip():
        body_start += 1
    body = "\n".join(lines[body_start:])
    if not body.strip():
        raise CorpusError("the article has no text below its front matter", file=path,
                          line=close + 1)

    outlet = meta.get("outlet")
    if outlet is None or (isinstance(outlet, str) and not outlet.strip()):
        raise CorpusError(
            "is missing: every article needs 'outlet: <name>' in its front matter",
            file=path, line=2, field="outlet",
        )
    for key in ("outlet", "title", "url", "language", "translated_from", "leaning", "id"):
        value = meta.get(key)
        if value is not None and not isinstance(value, str | int | float):
            raise CorpusError(
                f"expected {ARTICLE_FIELDS[key]}, found a {type(value).__name__}",
                file=path, line=field_line.get(key), field=key,
            )
    record = {k: v for k, v in meta.items() if k not in ("id",)}
    record.update(
        article_id=str(meta.get("id") or path.stem),
        event=event if event is not None else path.parent.name,
        outlet=str(outlet).strip(),
        title=str(meta.get("title") or "").strip(),
        date=_parse_date(meta.get("date"), file=path, line=field_line.get("date"), field="date"),
        url=str(meta.get("url") or ""),
        language=str(meta.get("language") or ""),
        leaning=str(meta.get("leaning") or ""),
        text=body,
        source=f"{path}:{body_start + 1}",
    )
    return record


def _is_event_folder(path: Path) -> bool:
    return (path / "event.yml").is_file()


def _event_records(folder: Path) -> list[dict[str, Any]]:
    root = folder.resolve()
    if not (folder / "event.yml").resolve().is_relative_to(root):
        raise CorpusError("links outside its event folder; copy the file in instead",
                          file=folder / "event.yml")
    event = read_event(folder)
    records = []
    for path in sorted(folder.glob("*.md")):
        if path.name.lower() == "readme.md":
            continue
        if not path.resolve().is_relative_to(root):
            raise CorpusError("links outside its event folder; copy the file in instead",
                              file=path)
        record = read_article(path, event=event["event"])
        if not record["language"]:
            record["language"] = str(event.get("language") or "en")
        records.append(record)
    if not records:
        raise CorpusError(
            "has no articles: add one Markdown file (.md) per article, with front matter",
            file=folder,
        )
    return records


# --- tables -----------------------------------------------------------------------------


def _open_text(path: Path) -> io.TextIOBase:
    with open(path, "rb") as fh:
        gz = fh.read(2) == b"\x1f\x8b"
    raw = gzip.open(path, "rb") if gz else open(path, "rb")  # noqa: SIM115 - returned
    # utf-8-sig: a byte-order mark (Excel's "CSV UTF-8") is not part of the first cell
    return io.TextIOWrapper(raw, encoding="utf-8-sig", errors="strict", newline="")


def _table_suffix(path: Path) -> str:
    suffixes = [s.lower() for s in path.suffixes]
    if suffixes and suffixes[-1] == ".gz":
        suffixes = suffixes[:-1]
    return suffixes[-1] if suffixes else ""


def _read_jsonl(path: Path) -> tuple[pd.DataFrame, list[int]]:
    records, line_numbers = [], []
    surrogates, rows, first = 0, 0, None
    with _open_text(path) as fh:
        try:
            for n, line in enumerate(fh, start=1):
                if not line.strip():
                    continue
                try:
                    record = json.loads(line)
                except json.JSONDecodeError as err:
                    raise CorpusError(
                        f"is not valid JSON ({err.msg} at column {err.colno}); "
                        "each line must hold one article as a JSON object",
                        file=path, line=n,
                    ) from None
                except RecursionError:
                    raise CorpusError("lists or objects nest too deeply", file=path,
                                      line=n) from None
                if not isinstance(record, dict):
                    raise CorpusError(
                        f"expected a JSON object with 'outlet' and 'text', found "
                        f"{type(record).__name__}",
                        file=path, line=n,
                    )
                if "\\ud" in line or "\\uD" in line:  # only escapes make lone surrogates
                    record, count = repair_surrogates(record, path, n)
                    surrogates += count
                    rows += bool(count)
                    first = first or (n if count else None)
                records.append(record)
                line_numbers.append(n)
        except UnicodeDecodeError as err:
            raise CorpusError(
                f"is not UTF-8 text ({err.reason}); save it as UTF-8", file=path,
                line=len(line_numbers) + 1 if not records else line_numbers[-1] + 1,
            ) from None
    if surrogates:
        others = f" and {rows - 1} other line(s)" if rows > 1 else ""
        warn_surrogates(surrogates, f"{path}, line {first}{others}")
    return pd.DataFrame.from_records(records), line_numbers


def _read_json_array(path: Path) -> tuple[pd.DataFrame, list[int]]:
    with _open_text(path) as fh:
        head = fh.read(4096).lstrip()
    if not head.startswith("["):
        return _read_jsonl(path)
    with _open_text(path) as fh:
        try:
            data = json.load(fh)
        except json.JSONDecodeError as err:
            raise CorpusError(
                f"is not valid JSON ({err.msg})", file=path, line=err.lineno
            ) from None
        except UnicodeDecodeError as err:
            raise CorpusError(f"is not UTF-8 text ({err.reason})", file=path) from None
        except RecursionError:
            raise CorpusError("lists or objects nest too deeply", file=path) from None
    if not isinstance(data, list) or not all(isinstance(r, dict) for r in data):
        raise CorpusError("expected a JSON list of objects with 'outlet' and 'text'", file=path)
    data, surrogates = repair_surrogates(data, path)
    if surrogates:
        warn_surrogates(surrogates, str(path))
    return pd.DataFrame.from_records(data), []


#: The longest CSV cell read (a whole article is one cell): 100 million characters.
_MAX_CSV_CELL = 100_000_000


def _read_csv(path: Path) -> tuple[pd.DataFrame, list[int]]:
    old_limit = csv.field_size_limit(_MAX_CSV_CELL)  # the default, 131,072, is too small
    try:
        with _open_text(path) as fh:
            reader = csv.reader(fh)
            header = next(reader, None)
            if header is None:
                raise CorpusError("is empty: expected a header row with 'outlet' and 'text'",
                                  file=path, line=1)
            rows, line_numbers = [], []
            line = reader.line_num + 1
            for row in reader:
                if any(cell.strip() for cell in row):
                    if len(row) != len(header):
                        raise CorpusError(
                            f"has {len(row)} cells, but the header names {len(header)} columns",
                            file=path, line=line,
                        )
                    rows.append(row)
                    line_numbers.append(line)
                line = reader.line_num + 1
    except UnicodeDecodeError as err:
        raise CorpusError(f"is not UTF-8 text ({err.reason}); save it as UTF-8",
                          file=path) from None
    except csv.Error as err:
        raise CorpusError(f"is not valid CSV ({err})", file=path) from None
    finally:
        csv.field_size_limit(old_limit)
    header = [h.strip() for h in header]
    return pd.DataFrame(rows, columns=header), line_numbers


def _read_parquet(path: Path) -> tuple[pd.DataFrame, list[int]]:
    import pyarrow.parquet as pq

    try:
        table = pq.read_table(path)
        table.validate(full=True)  # strings are UTF-8 (else pandas fails later, on first use)
        return table.to_pandas(), []
    except Exception as err:  # pyarrow raises several types; all mean "not a Parquet file"
        raise CorpusError(f"could not be read as Parquet ({err})", file=path) from None


def _read_table(path: Path) -> tuple[pd.DataFrame, list[int]]:
    suffix = _table_suffix(path)
    readers = {
        ".csv": _read_csv,
        ".jsonl": _read_jsonl,
        ".ndjson": _read_jsonl,
        ".json": _read_json_array,
        ".parquet": _read_parquet,
        ".pq": _read_parquet,
    }
    if suffix not in readers:
        raise CorpusError(
            f"is not a file type the kit reads ({suffix or 'no extension'}); expected an event "
            "folder, or a .csv, .jsonl, .jsonl.gz, .json or .parquet file",
            file=path,
        )
    try:
        return readers[suffix](path)
    except (gzip.BadGzipFile, EOFError, zlib.error) as err:
        raise CorpusError(f"starts like a gzip file but cannot be unpacked ({err})",
                          file=path) from None
    except UnicodeDecodeError as err:
        raise CorpusError(f"is not UTF-8 text ({err.reason}); save it as UTF-8",
                          file=path) from None


def _where(path: Path, line_numbers: list[int], i: int) -> tuple[str, int | None]:
    if line_numbers:
        return str(path), line_numbers[i]
    return f"{path} (row {i + 1})", None


def _finish_table(df: pd.DataFrame, path: Path, line_numbers: list[int]) -> pd.DataFrame:
    missing = [c for c in REQUIRED_FIELDS if c not in df.columns]
    if missing:
        raise CorpusError(
            f"has no {' or '.join(repr(c) for c in missing)} column; the columns are "
            f"{', '.join(map(repr, df.columns)) or 'none'}. Rename the column that holds "
            "the outlet's name to 'outlet' and the article text to 'text'",
            file=path, field=missing[0],
        )
    if df.empty:
        raise CorpusError("has no articles", file=path)
    # The row rules (analysis.rows), shared with the streaming reader of analysis.scoring;
    # the first row that breaks one is reported, with how many rows break it the same way.
    stem = path.name.split(".")[0]
    rows, first, alike = [], None, 0
    for i, record in enumerate(df.to_dict("records")):
        file, line = _where(path, line_numbers, i)
        try:
            rows.append(check_row(record, default_id=f"{stem}-{i + 1}", default_event=stem,
                                  file=file, line=line))
        except CorpusError as err:
            first = first or err
            alike += err.field == first.field
    if first is not None:
        raise CorpusError(f"{first.reason} ({alike} row(s) like this)", file=first.file,
                          line=first.line, field=first.field)
    out = df.copy()
    for column in ("article_id", "event", "outlet", "leaning"):
        out[column] = [getattr(row, column) for row in rows]
    if "date" in out.columns:
        parsed = pd.to_datetime(out["date"], errors="coerce", format="mixed")
        bad = parsed.isna() & out["date"].notna() & (out["date"].astype(str).str.strip() != "")
        if bad.any():
            i = int(bad.to_numpy().nonzero()[0][0])
            file, line = _where(path, line_numbers, i)
            raise CorpusError(
                f"expected a date like 2024-07-12, found {out['date'].iloc[i]!r}",
                file=file, line=line, field="date",
            )
        out["date"] = parsed
    if line_numbers:
        out["source"] = [f"{path}:{n}" for n in line_numbers]
    else:
        out["source"] = [f"{path} (row {i + 1})" for i in range(len(out))]
    return out


def _check_unique_ids(df: pd.DataFrame) -> None:
    dup = df["article_id"].duplicated(keep=False)
    if dup.any():
        first = df.loc[dup, "article_id"].iloc[0]
        places = df.loc[df["article_id"] == first, "source"].tolist()
        raise CorpusError(
            f"article id {first!r} is used more than once: {'; '.join(places)}. "
            "Give each article its own id",
            field="article_id",
        )


def _standardise(df: pd.DataFrame) -> pd.DataFrame:
    out = df.copy()
    for column in [*CORPUS_COLUMNS, "leaning"]:
        if column not in out.columns:
            out[column] = pd.NaT if column == "date" else ""
    out["date"] = pd.to_datetime(out["date"])
    for column in ("article_id", "event", "outlet", "title", "url", "language", "leaning"):
        out[column] = out[column].fillna("").astype(str).str.strip()
    long = out["outlet"].str.len() > MAX_OUTLET_CHARS
    if long.any():
        first = out.loc[long, "source"].iloc[0] if "source" in out.columns else "row"
        warnings.warn(f"{first}: {int(long.sum())} outlet name(s) longer than "
                      f"{MAX_OUTLET_CHARS} characters were cut to {MAX_OUTLET_CHARS} (an "
                      "outlet's name is a few words; is the right column named 'outlet'?)",
                      UserWarning, stacklevel=3)
        out.loc[long, "outlet"] = out.loc[long, "outlet"].str.slice(0, MAX_OUTLET_CHARS - 1) + "…"
    for column in ("translated_from", "notes", "authors"):  # optional text fields
        if column in out.columns:
            out[column] = out[column].fillna("")
    front = [*CORPUS_COLUMNS, "leaning", "source"]
    rest = [c for c in out.columns if c not in front]
    return out[front + rest].reset_index(drop=True)


# --- public -----------------------------------------------------------------------------


def load_corpus(path: str | os.PathLike[str]) -> pd.DataFrame:
    """Load articles from an event folder, a folder of event folders, or a table file.

    Parameters
    ----------
    path : an event folder (with ``event.yml``), a folder of event folders, or a CSV,
        JSON Lines (``.jsonl``, optionally ``.gz``), JSON array or Parquet file with at least
        ``outlet`` and ``text`` columns. Tables may carry ``article_id`` (else
        ``<file>-<row>``), ``event`` (else the ``group`` column if there is one, else the
        file name), ``title``, ``date``, ``url``, ``language``, ``leaning`` and anything else.

    Returns
    -------
    DataFrame
        One row per article: ``article_id, event, outlet, title, date, url, language, text,
        leaning, source`` and any extra fields. The text is exactly what the file holds.

    Raises
    ------
    CorpusError
        Naming the file, line and field: a missing outlet, empty text, bad front matter or
        date, duplicate ids, text that is not UTF-8, an unknown file type.

    >>> corpus = load_corpus(SEED_EVENT)
    >>> corpus[["article_id", "outlet", "language"]]
                     article_id       outlet language
    0  ntv-2024-07-12-kremlin-pentagon         n-tv       en
    1   shafaq-2024-07-12-austin-talks  Shafaq News       en
    """
    path = Path(path)
    if not path.exists():
        raise CorpusError("does not exist", file=path)
    if path.is_dir():
        if _is_event_folder(path):
            records = _event_records(path)
        else:
            events = sorted(p for p in path.iterdir() if p.is_dir() and _is_event_folder(p))
            for folder in events:
                if folder.is_symlink():  # as linked articles are: nothing outside is read
                    raise CorpusError("is a link to an event folder elsewhere; copy the "
                                      "folder in instead", file=folder)
            if not events:
                raise CorpusError(
                    "is not an event folder: expected an event.yml in it, or sub-folders "
                    "that each have one",
                    file=path,
                )
            records = [r for folder in events for r in _event_records(folder)]
        df = pd.DataFrame.from_records(records)
    else:
        table, line_numbers = _read_table(path)
        df = _finish_table(table, path, line_numbers)
    df = _standardise(df)
    if path.is_dir() and not _is_event_folder(path):
        # Several events: file names may repeat across them, so ids carry the event.
        df["article_id"] = df["event"] + "/" + df["article_id"]
    _check_unique_ids(df)
    return df


def from_texts(
    texts: Mapping[str, str | Sequence[str]] | Iterable[Mapping[str, Any]],
    *,
    event: str = "pasted",
    language: str = "en",
) -> pd.DataFrame:
    """Build a corpus from pasted text, in the same shape as :func:`load_corpus`.

    Parameters
    ----------
    texts : either ``{outlet: text}`` (or ``{outlet: [text, ...]}``), or a list of dicts
        with at least ``outlet`` and ``text`` and any of ``title``, ``date``, ``url``...
    event : the event name to give every article.
    language : the language code to give articles that do not say.

    >>> from_texts({"Outlet A": "Peace talks began.", "Outlet B": "War talk grew."})[
    ...     ["article_id", "outlet", "text"]]
      article_id    outlet                text
    0 outlet-a-1  Outlet A  Peace talks began.
    1 outlet-b-1  Outlet B      War talk grew.
    """
    if isinstance(texts, Mapping):
        records = []
        for outlet, value in texts.items():
            items = [value] if isinstance(value, str) else list(value)
            for text in items:
                records.append({"outlet": outlet, "text": text})
    else:
        records = [dict(r) for r in texts]
    if not records:
        raise CorpusError("from_texts got no articles: give at least one outlet and its text")
    counters: dict[str, int] = {}
    for i, record in enumerate(records):
        record, surrogates = repair_surrogates(record, "from_texts", None)
        records[i] = record
        if surrogates:
            warn_surrogates(surrogates, f"from_texts, article {i + 1}")
        for key in ("outlet", "text"):
            value = record.get(key)
            if not isinstance(value, str) or not value.strip():
                raise CorpusError(
                    f"article {i + 1} needs {key!r} as non-empty text, found {value!r}",
                    field=key,
                )
        if "article_id" not in record:
            slug = re.sub(r"[^a-z0-9]+", "-", record["outlet"].lower()).strip("-") or "article"
            counters[slug] = counters.get(slug, 0) + 1
            record["article_id"] = f"{slug}-{counters[slug]}"
        record.setdefault("event", event)
        record.setdefault("language", language)
        record.setdefault("source", f"from_texts[{i}]")
        if "date" in record:
            record["date"] = _parse_date(record["date"], file="from_texts", line=None,
                                         field=f"date of article {i + 1}")
    df = _standardise(pd.DataFrame.from_records(records))
    _check_unique_ids(df)
    return df
