"""Writing results safely: atomic files, never under ``data/``, never over a user's file.

Every file the kit writes goes through :func:`write_bytes`, which

* refuses a target inside a data folder (the kit's own or the user's ``data/``) or inside an
  event folder (one with an ``event.yml``), so raw input is never modified;
* refuses anything that is not a regular file or a new name (a device such as
  ``/dev/null``, a FIFO, a folder);
* refuses to replace an existing file the kit did not write itself, unless ``force=True``
  (the kit records the files it wrote in a small ``.outlet-lens-outputs`` list in each
  output folder, one JSON-quoted name per line, updated under a lock, so re-running
  ``make demo`` refreshes its own files and nothing in a file name can forge an entry);
* writes to a temporary file and renames it, so an interrupted run never leaves a
  half-written file under the final name.

CSV cells that a spreadsheet would evaluate as a formula (starting with ``=``, ``+``, ``-``,
``@``, a tab or a carriage return) get a leading ``'`` (the OWASP rule), unless raw output
is asked for: article text must not run as a formula on a reader's machine.
"""

from __future__ import annotations

import contextlib
import ctypes
import ctypes.util
import fcntl
import json
import os
import re
import shutil
import stat
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Literal

import pandas as pd

from .errors import OutputError
from .resources import data_dirs

__all__ = [
    "OutputError",
    "TableFormat",
    "check_target",
    "clean_stale_temps",
    "kit_temp_prefix",
    "neutralise_formulas",
    "publish",
    "record_output",
    "table_format",
    "write_bytes",
    "write_folder",
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


_MANIFEST_HEADER = "# outlet-lens outputs v2: one JSON string (a file name) per line"


def _manifest(folder: Path) -> set[str]:
    """The names recorded in ``folder``'s manifest (empty when there is none).

    Each entry is a JSON string on its own line, so a name holding a newline cannot add a
    second entry. Lines of the first version (plain names) are read too, unless they hold
    a control character.
    """
    try:
        lines = (folder / MANIFEST).read_text(encoding="utf-8", errors="replace").split("\n")
    except (FileNotFoundError, NotADirectoryError):
        return set()
    names = set()
    for line in lines:
        if not line or line.startswith("#"):
            continue
        if line.startswith('"'):
            try:
                name = json.loads(line)
            except ValueError:
                continue
            if isinstance(name, str):
                names.add(name)
        elif line.isprintable():
            names.add(line)
    return names


@contextlib.contextmanager
def _locked(folder: Path) -> Iterator[None]:
    """An exclusive lock on ``folder`` (and so its manifest), across processes.

    The folder itself is locked, so no lock file is left beside the outputs.
    """
    fd = os.open(folder, os.O_RDONLY)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)  # closing releases the lock


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
    try:  # the path as given, links followed: /dev/stdout is a terminal, pipe or file
        mode = Path(path).expanduser().stat().st_mode
    except FileNotFoundError:
        mode = None
    except OSError as err:
        raise OutputError(f"{path}: cannot be written ({err.strerror})") from None
    if mode is not None and not stat.S_ISREG(mode):
        raise OutputError(f"{path}: is not a regular file (a device, pipe or socket); "
                          "give the name of a new or ordinary file")
    if target.exists() and not force and target.name not in _manifest(target.parent):
        raise OutputError(
            f"{path}: already exists and was not written by Outlet Lens; "
            "choose another name or pass --force (force=True) to replace it"
        )
    return target


def write_bytes(path: str | os.PathLike[str], data: bytes, *, force: bool = False) -> Path:
    """Write ``data`` to ``path`` atomically, after :func:`check_target`. Returns the path."""
    target = check_target(path, force=force)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    except OSError as err:
        raise OutputError(f"{path}: cannot be written ({err.strerror or err})") from None
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        publish(tmp, target)
    except BaseException as err:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        if isinstance(err, OSError):  # a full disk, a read-only folder: say so, no traceback
            raise OutputError(f"{path}: could not be written ({err.strerror or err}); "
                              "nothing was changed") from None
        raise
    return target


def publish(tmp: str | os.PathLike[str], target: str | os.PathLike[str]) -> None:
    """Give a finished temporary file the permissions ``open()`` would (``mkstemp`` makes
    0600), rename it to ``target`` in one step and record it as written by the kit.

    For writers that stream into their own temporary file beside the target (such as
    :func:`analysis.scoring.score_file`); check the target with :func:`check_target` first.
    """
    os.chmod(tmp, 0o666 & ~_umask())
    # Recorded first: a run stopped between the two steps leaves a record of a file that
    # is not there yet, never a file of the kit's that the next run would refuse.
    record_output(target)
    os.replace(tmp, target)


def written_by_kit(path: str | os.PathLike[str]) -> bool:
    """Is ``path`` listed in its folder's record of the files the kit wrote?"""
    path = Path(path)
    return path.name in _manifest(path.parent)


def record_output(path: str | os.PathLike[str]) -> None:
    """Add ``path`` to its folder's record of files the kit wrote (atomically), so later runs
    may replace it. For writers that stream to their own temporary file, such as
    :func:`analysis.scoring.score_file`; :func:`write_bytes` records its files itself."""
    target = Path(path)
    folder = target.parent
    with _locked(folder):
        names = _manifest(folder)
        if target.name in names:
            return
        names.add(target.name)
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=f"{MANIFEST}.", suffix=".tmp")
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                fh.write(_MANIFEST_HEADER + "\n")
                fh.writelines(json.dumps(n, ensure_ascii=True) + "\n" for n in sorted(names))
            os.chmod(tmp, 0o666 & ~_umask())
            os.replace(tmp, folder / MANIFEST)
        except BaseException:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(tmp)
            raise


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


_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise_formulas(df: pd.DataFrame) -> pd.DataFrame:
    """A copy of ``df`` whose text cells cannot run as spreadsheet formulas.

    A text cell starting with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return gets a
    leading ``'`` (OWASP's advice for CSV files). Numbers are left alone: ``-2`` stored as a
    number stays a number.

    >>> neutralise_formulas(pd.DataFrame({"a": ["=HYPERLINK(1)", "ok", "-2+3"], "n": [-1, 2, 3]}))
                    a  n
    0  '=HYPERLINK(1) -1
    1              ok  2
    2            '-2+3  3
    """
    out = df.copy()
    for column in out.columns:
        values = out[column]
        if values.dtype == object or pd.api.types.is_string_dtype(values):
            out[column] = values.map(
                lambda v: "'" + v if isinstance(v, str) and v.startswith(_FORMULA_STARTS) else v)
    return out


def render_table(df: pd.DataFrame, fmt: TableFormat, *, max_width: int = 60,
                 raw: bool = False) -> bytes:
    """Serialise a table. ``table`` is a fixed-width text view with long cells shortened.

    CSV cells that would run as spreadsheet formulas are neutralised
    (:func:`neutralise_formulas`) unless ``raw=True``.
    """
    if fmt == "csv":
        return (df if raw else neutralise_formulas(df)).to_csv(index=False).encode("utf-8")
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
    raw: bool = False,
) -> Path:
    """Write a table to ``path`` in the format its extension names (or ``fmt``); ``raw``:
    see :func:`render_table`."""
    return write_bytes(path, render_table(df, table_format(path, fmt), raw=raw), force=force)


# --- temporary files and folders, and whole output folders -------------------------------

_TEMP_MARK = ".outlet-lens-"


def kit_temp_prefix(name: str) -> str:
    """The prefix of the kit's temporary files and folders for ``name``: hidden, marked as
    the kit's and holding the process id, so a later run can tell a stale one (its process
    is gone, e.g. killed with ``kill -9``) from one in use.

    >>> kit_temp_prefix("scores.csv").startswith(".scores.csv.outlet-lens-")
    True
    """
    return f".{name}{_TEMP_MARK}{os.getpid()}-"


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # exists, owned by someone else
        return True
    return True


def clean_stale_temps(folder: str | os.PathLike[str], name: str | None = None) -> int:
    """Remove the kit's temporary files and folders in ``folder`` (for ``name`` only, if
    given) whose process is no longer running; returns how many were removed. Nothing
    else is touched: only names the kit's own :func:`kit_temp_prefix` makes."""
    folder = Path(folder)
    pattern = re.compile(r"\.(.+)" + re.escape(_TEMP_MARK) + r"(\d+)-[^/]*\.tmp")
    removed = 0
    try:
        entries = list(folder.iterdir())
    except OSError:
        return 0
    for entry in entries:
        m = pattern.fullmatch(entry.name)
        if not m or (name is not None and m.group(1) != name) or _alive(int(m.group(2))):
            continue
        with contextlib.suppress(OSError):
            if entry.is_dir() and not entry.is_symlink():
                shutil.rmtree(entry)
            else:
                entry.unlink()
            removed += 1
    return removed


def _exchange(a: Path, b: Path) -> bool:
    """Swap two paths in one step (Linux ``renameat2(RENAME_EXCHANGE)``); False if the
    system cannot."""
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    at_fdcwd, rename_exchange = -100, 2
    return renameat2(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), rename_exchange) == 0


def check_folder(folder: str | os.PathLike[str]) -> None:
    """Raise :class:`OutputError` when ``folder`` names an existing file, not a folder (so
    that a long run can say so before it starts, not after)."""
    if Path(folder).expanduser().exists() and not Path(folder).expanduser().is_dir():
        raise OutputError(f"{folder}: is a file; give the name of a folder for the report")


def write_folder(folder: str | os.PathLike[str], files: dict[str, bytes], *,
                 force: bool = False) -> list[Path]:
    """Write a set of files into ``folder`` as one step: all of this run's, or none.

    Every target is checked first (:func:`check_target`). The files are written into a
    temporary folder beside ``folder``; then, if ``folder`` holds only files the kit wrote
    (or does not exist), the two folders are swapped in one step and the old one removed,
    so an interrupted run (even ``kill -9``) never leaves a folder mixing two runs; a
    stale temporary folder is removed by the next run. If ``folder`` also holds the user's
    own files, they are left where they are and each file is replaced atomically instead.
    A full disk or a read-only folder is an :class:`OutputError` and changes nothing.
    """
    check_folder(folder)
    out = Path(folder).expanduser().resolve()  # a linked folder: the swap happens where it is
    targets = [check_target(out / name, force=force) for name in files]
    parent = out.parent
    try:
        parent.mkdir(parents=True, exist_ok=True)
        clean_stale_temps(parent, out.name)
        tmp = Path(tempfile.mkdtemp(dir=parent, prefix=kit_temp_prefix(out.name),
                                    suffix=".tmp"))
    except OSError as err:
        raise OutputError(f"{folder}: cannot be written ({err.strerror or err})") from None
    try:
        for name, data in files.items():
            (tmp / name).write_bytes(data)
            os.chmod(tmp / name, 0o666 & ~_umask())
        os.chmod(tmp, 0o777 & ~_umask())
        kit_files = _manifest(out) | {MANIFEST}
        own_only = not out.exists() or all(p.name in kit_files for p in out.iterdir())
        if own_only:
            names = (_manifest(out) if out.exists() else set()) | set(files)
            (tmp / MANIFEST).write_text(
                _MANIFEST_HEADER + "\n" + "".join(json.dumps(n, ensure_ascii=True) + "\n"
                                                  for n in sorted(names)), encoding="utf-8")
            keep_old = [p for p in out.iterdir() if p.name not in files
                        and p.name != MANIFEST] if out.exists() else []
            for old in keep_old:  # the kit's files of other runs stay
                try:
                    os.link(old, tmp / old.name)
                except OSError:  # no hard links on this file system
                    shutil.copy2(old, tmp / old.name)
            if not out.exists():
                os.rename(tmp, out)
            elif _exchange(tmp, out):
                shutil.rmtree(tmp, ignore_errors=True)
            else:  # no atomic exchange here: two renames, the old folder kept until done
                old = tmp.with_name(tmp.name + "-old.tmp")
                os.rename(out, old)
                os.rename(tmp, out)
                shutil.rmtree(old, ignore_errors=True)
        else:
            for name, target in zip(files, targets, strict=True):
                publish(tmp / name, target)
            shutil.rmtree(tmp, ignore_errors=True)
    except BaseException as err:
        shutil.rmtree(tmp, ignore_errors=True)
        if isinstance(err, OSError):
            raise OutputError(f"{folder}: could not be written ({err.strerror or err}); "
                              "nothing was changed") from None
        raise
    return [out / name for name in files]
