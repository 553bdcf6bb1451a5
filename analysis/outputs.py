"""Writing results safely: atomic files, never under ``data/``, never over a user's file.

Every file the kit writes goes through :func:`write_bytes`, which

* refuses a target inside the kit's ``data/`` folder or inside an event folder (one with an
  ``event.yml``), so raw input is never modified;
* refuses to replace an existing file the kit did not write itself, unless ``force=True``
  (the kit records the files it wrote in a small ``.outlet-lens-outputs`` list in each
  output folder, so re-running ``make demo`` refreshes its own files);
* writes to a temporary file and renames it, so an interrupted run never leaves a
  half-written file under the final name.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path
from typing import Literal

import pandas as pd

from .errors import OutputError
from .resources import data_dirs

__all__ = [
    "OutputError",
    "TableFormat",
    "check_target",
    "publish",
    "record_output",
    "table_format",
    "write_bytes",
    "write_table",
    "write_text",
    "written_by_kit",
]

MANIFEST = ".outlet-lens-outputs"
TableFormat = Literal["csv", "json", "jsonl", "parquet", "table"]
_SUFFIX_FORMATS: dict[str, TableFormat] = {
    ".csv": "csv",
    ".json": "json",
    ".jsonl": "jsonl",
    ".parquet": "parquet",
    ".pq": "parquet",
    ".txt": "table",
}


def _inside(path: Path, folder: Path) -> bool:
    try:
        return path.is_relative_to(folder.resolve())
    except OSError:
        return False


def _manifest(folder: Path) -> set[str]:
    try:
        return set((folder / MANIFEST).read_text(encoding="utf-8").split("\n")) - {""}
    except FileNotFoundError:
        return set()


def check_target(path: str | os.PathLike[str], *, force: bool = False) -> Path:
    """Resolve ``path`` and raise :class:`OutputError` if the kit must not write there."""
    target = Path(path).expanduser().resolve()
    for _label, folder in data_dirs():
        if _inside(target, folder):
            raise OutputError(
                f"{path}: refusing to write inside a data folder ({folder}); "
                "outputs go to a separate folder such as out/"
            )
    for folder in target.parents:
        if (folder / "event.yml").is_file():
            raise OutputError(
                f"{path}: refusing to write inside the event folder {folder}; "
                "raw input is never modified. Choose an output folder such as out/"
            )
    if target.is_dir():
        raise OutputError(f"{path}: is a folder; give a file name")
    if target.exists() and not force and target.name not in _manifest(target.parent):
        raise OutputError(
            f"{path}: already exists and was not written by Outlet Lens; "
            "choose another name or pass --force (force=True) to replace it"
        )
    return target


def write_bytes(path: str | os.PathLike[str], data: bytes, *, force: bool = False) -> Path:
    """Write ``data`` to ``path`` atomically, after :func:`check_target`. Returns the path."""
    target = check_target(path, force=force)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        publish(tmp, target)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise
    return target


def publish(tmp: str | os.PathLike[str], target: str | os.PathLike[str]) -> None:
    """Give a finished temporary file the permissions ``open()`` would (``mkstemp`` makes
    0600), rename it to ``target`` in one step and record it as written by the kit.

    For writers that stream into their own temporary file beside the target (such as
    :func:`analysis.scoring.score_file`); check the target with :func:`check_target` first.
    """
    os.chmod(tmp, 0o666 & ~_umask())
    os.replace(tmp, target)
    record_output(target)


def written_by_kit(path: str | os.PathLike[str]) -> bool:
    """Is ``path`` listed in its folder's record of the files the kit wrote?"""
    path = Path(path)
    return path.name in _manifest(path.parent)


def record_output(path: str | os.PathLike[str]) -> None:
    """Add ``path`` to its folder's record of files the kit wrote (atomically), so later runs
    may replace it. For writers that stream to their own temporary file, such as
    :func:`analysis.scoring.score_file`; :func:`write_bytes` records its files itself."""
    target = Path(path)
    names = _manifest(target.parent)
    if target.name in names:
        return
    names.add(target.name)
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f"{MANIFEST}.", suffix=".tmp")
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        fh.write("\n".join(sorted(names)) + "\n")
    os.chmod(tmp, 0o666 & ~_umask())
    os.replace(tmp, target.parent / MANIFEST)


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def write_text(path: str | os.PathLike[str], text: str, *, force: bool = False) -> Path:
    """Write UTF-8 text atomically (see :func:`write_bytes`)."""
    return write_bytes(path, text.encode("utf-8"), force=force)


def table_format(path: str | os.PathLike[str] | None, fmt: str | None = None) -> TableFormat:
    """The format to write: ``fmt`` if given, else from the file name, else ``"table"``."""
    if fmt:
        if fmt not in ("csv", "json", "jsonl", "parquet", "table"):
            raise OutputError(
                f"unknown format {fmt!r}; expected csv, json, jsonl, parquet or table"
            )
        return fmt  # type: ignore[return-value]
    if path is None:
        return "table"
    suffix = Path(path).suffix.lower()
    if suffix not in _SUFFIX_FORMATS:
        raise OutputError(
            f"{path}: cannot tell the format from the extension {suffix or '(none)'}; "
            "use .csv, .json, .jsonl, .parquet or .txt, or pass --format"
        )
    return _SUFFIX_FORMATS[suffix]


def render_table(df: pd.DataFrame, fmt: TableFormat, *, max_width: int = 60) -> bytes:
    """Serialise a table. ``table`` is a fixed-width text view with long cells shortened."""
    if fmt == "csv":
        return df.to_csv(index=False).encode("utf-8")
    if fmt == "json":
        return df.to_json(orient="records", date_format="iso", force_ascii=False,
                          indent=1).encode("utf-8")
    if fmt == "jsonl":
        return df.to_json(orient="records", lines=True, date_format="iso",
                          force_ascii=False).encode("utf-8")
    if fmt == "parquet":
        return df.to_parquet(index=False)
    if df.empty:
        return b"(no rows)\n"
    shown = df.copy()
    for column in shown.columns:
        if shown[column].dtype == object or pd.api.types.is_string_dtype(shown[column]):
            shown[column] = shown[column].map(
                lambda v: v if not isinstance(v, str) or len(v) <= max_width
                else v[: max_width - 1] + "…"
            ).map(lambda v: v.replace("\n", " ") if isinstance(v, str) else v)
    return (shown.to_string(index=False) + "\n").encode("utf-8")


def write_table(
    df: pd.DataFrame,
    path: str | os.PathLike[str],
    *,
    fmt: str | None = None,
    force: bool = False,
) -> Path:
    """Write a table to ``path`` in the format its extension names (or ``fmt``)."""
    return write_bytes(path, render_table(df, table_format(path, fmt)), force=force)
