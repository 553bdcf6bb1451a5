"""Where the kit finds its resources, and the NLTK data it provides offline.

Two kinds of resources:

* **Data files**: word lists, lexicons, attribution verbs, actor lists, model weights and
  the sample event. The kit's own copies ship inside the package (``analysis/data/``), so
  an installed kit works from any folder. A user's files of the same relative name take
  precedence, looked up in this order (first found wins):

  1. an explicit path given to the function (``load_actors("my.yml")``, ``--actors FILE``);
  2. the folder named by the ``OUTLET_LENS_DATA`` environment variable;
  3. the project's ``data/`` folder: the checkout's top-level ``data/`` when the kit runs
     from a source checkout, otherwise a ``data/`` folder in the current working directory;
  4. the built-in copy, :func:`builtin_dir`.

  :func:`find_resource` returns the file that wins and warns once (an
  :class:`OverrideNotice`) when a user's file replaces a built-in one, naming both;
  :func:`resource_files` lists a folder's files across all of them (a user's file replaces
  the built-in file of the same name). ``python -m analysis doctor`` shows which file each
  resource comes from.
* **NLTK data.** NLTK 3.10 reads data only from the roots on ``nltk.data.path``. The kit never
  calls ``nltk.download()``: what NLTK needs is copied from installed registry packages into a
  folder the kit owns (:func:`nltk_data_dir`), which is put on ``nltk.data.path``. Today that
  is VADER's lexicon, shipped (MIT licence) by the ``vaderSentiment`` package. Sentence and
  word tokenisation use NLTK parts that need no data at all.

Nothing here touches the network.
"""

from __future__ import annotations

import functools
import importlib.util
import os
import tempfile
import warnings
import zipfile
from pathlib import Path
from typing import Any

from .errors import CorpusError
from .yamlio import cached_by_file, read_yaml

__all__ = [
    "SAMPLE_EVENT_ID",
    "VADER_RESOURCE",
    "OverrideNotice",
    "builtin_dir",
    "data_dir",
    "data_dirs",
    "find_resource",
    "load_wordlist",
    "nltk_data_dir",
    "output_dir",
    "project_root",
    "provide_nltk_data",
    "read_json_model",
    "resource_files",
    "sample_event",
]

#: The resource name NLTK's ``SentimentIntensityAnalyzer`` loads by default.
VADER_RESOURCE = "sentiment/vader_lexicon.zip/vader_lexicon/vader_lexicon.txt"

#: The folder name of the sample event that ships with the kit.
SAMPLE_EVENT_ID = "2024-07-12-austin-belousov-call"

_PACKAGE_DIR = Path(__file__).resolve().parent


class OverrideNotice(UserWarning):
    """A user's data file is used instead of the built-in file of the same name."""


def builtin_dir() -> Path:
    """The kit's own data files, inside the installed package.

    >>> (builtin_dir() / "wordlists" / "stopwords-en.yml").is_file()
    True
    """
    return _PACKAGE_DIR / "data"


@functools.cache
def project_root() -> Path | None:
    """The source checkout the kit runs from, or None for an installed kit.

    A checkout is recognised by the ``pyproject.toml`` of ``outlet-lens`` beside the package.
    """
    root = _PACKAGE_DIR.parent
    try:
        text = (root / "pyproject.toml").read_text(encoding="utf-8")
    except OSError:
        return None
    return root if 'name = "outlet-lens"' in text else None


def data_dir() -> Path:
    """The project's ``data/`` folder, where a user keeps events and their own lists.

    The checkout's top-level ``data/`` when the kit runs from a source checkout, otherwise
    ``data/`` in the current working directory (which may not exist yet). The kit never
    writes there. For the kit's own files see :func:`builtin_dir`; for the lookup order,
    :func:`data_dirs`.
    """
    root = project_root()
    return (root if root is not None else Path.cwd()) / "data"


#: Folders as resolved, by what resolving them depends on (the name, and for a relative or
#: ``~`` name the working and home folders): scoring looks up resources for every article,
#: and resolving a path costs a system call per folder in it. Whether a folder or file
#: exists is still asked every time.
_RESOLVED: dict[tuple[str, str, str | None], Path] = {}


def _resolved(folder: str) -> Path:
    """``Path(folder).expanduser().resolve()``, remembered."""
    key = (folder, "" if os.path.isabs(folder) else os.getcwd(),
           os.environ.get("HOME") if folder.startswith("~") else None)
    found = _RESOLVED.get(key)
    if found is None:
        if len(_RESOLVED) > 1000:
            _RESOLVED.clear()
        found = _RESOLVED[key] = Path(folder).expanduser().resolve()
    return found


def data_dirs() -> list[tuple[str, Path]]:
    """The folders searched for data files, first wins: ``(label, folder)`` pairs.

    ``OUTLET_LENS_DATA`` (when set), the project's ``data/`` (when it exists), then the
    built-in folder, which is always last.

    >>> data_dirs()[-1] == ("built-in", builtin_dir())
    True
    """
    dirs: list[tuple[str, Path]] = []
    override = os.environ.get("OUTLET_LENS_DATA")
    if override:
        dirs.append(("OUTLET_LENS_DATA", _resolved(override)))
    project = _project_data()
    if os.path.isdir(project):
        dirs.append(("project", _resolved(project)))
    dirs.append(("built-in", _BUILTIN))
    return dirs


def _project_data() -> str:
    """``str(data_dir())``, without building the path again when the kit runs from a
    checkout."""
    found = _PROJECT_DATA.get("")
    if found is None:
        found = str(data_dir())
        if project_root() is not None:  # else data/ under the working folder, which may change
            _PROJECT_DATA[""] = found
    return found


_PROJECT_DATA: dict[str, str] = {}
_BUILTIN = builtin_dir()


_NOTICED: set[tuple[str, str]] = set()


def find_resource(relative: str, path: str | os.PathLike[str] | None = None) -> Path:
    """The data file ``relative`` (e.g. ``"wordlists/stopwords-en.yml"``) that wins.

    ``path``, when given, is used as it is. Otherwise the folders of :func:`data_dirs` are
    searched in order. When a user's file replaces a built-in one, an
    :class:`OverrideNotice` warning names both (once per file and session).

    Raises
    ------
    CorpusError
        No folder holds the file; the message lists where the kit looked.

    >>> find_resource("wordlists/abbreviations.yml").relative_to(builtin_dir()).as_posix()
    'wordlists/abbreviations.yml'
    """
    if path is not None:
        return Path(path)
    dirs = data_dirs()
    key = (relative, *dirs)
    candidates = _CANDIDATES.get(key)
    if candidates is None:
        if len(_CANDIDATES) > 1000:
            _CANDIDATES.clear()
        candidates = _CANDIDATES[key] = [(label, folder / relative) for label, folder in dirs]
    for label, candidate in candidates:
        if os.path.isfile(candidate):
            if label != "built-in":
                _notice(candidate, builtin_dir() / relative)
            return candidate
    looked = ", ".join(str(candidate) for _, candidate in candidates)
    raise CorpusError(f"no such data file; looked in {looked}", file=relative)


#: ``(label, folder / relative)`` for each folder of :func:`data_dirs`, by ``relative``
#: and the folders: the paths are built once, the files looked for on every call.
_CANDIDATES: dict[tuple[Any, ...], list[tuple[str, Path]]] = {}


def _notice(used: Path, builtin: Path) -> None:
    key = (str(used), str(builtin))
    if key in _NOTICED or not builtin.is_file():
        return
    _NOTICED.add(key)
    warnings.warn(f"using {used} instead of the built-in {builtin.name}", OverrideNotice,
                  stacklevel=3)


def resource_files(folder: str, *, suffixes: tuple[str, ...] = (".yml", ".yaml")) -> list[Path]:
    """Every data file in ``folder`` (e.g. ``"actors"``) across :func:`data_dirs`, by name.

    A file in a user's folder replaces the built-in file of the same name; files whose name
    starts with ``_`` or ``.`` are skipped. Sorted by file name.

    >>> [p.name for p in resource_files("actors")]
    ['2024-07-12-austin-belousov-call.yml', 'world.yml']
    """
    chosen: dict[str, Path] = {}
    for label, base in data_dirs():
        place = base / folder
        if not place.is_dir():
            continue
        for p in place.iterdir():
            if p.suffix in suffixes and not p.name.startswith(("_", ".")) and p.is_file():
                if p.name in chosen:
                    continue
                if label != "built-in":
                    _notice(p, builtin_dir() / folder / p.name)
                chosen[p.name] = p
    return [chosen[name] for name in sorted(chosen)]


def sample_event() -> Path:
    """The folder of the sample event that ships with the kit (two outlets, one phone call).

    >>> from analysis import load_corpus
    >>> sorted(load_corpus(sample_event())["outlet"])
    ['Shafaq News', 'n-tv']
    """
    return builtin_dir() / "events" / SAMPLE_EVENT_ID


def output_dir() -> Path:
    """Where the notebooks write what they make.

    ``OUTLET_LENS_OUT`` if set (the tests set it), else ``out/`` at the top of the source
    checkout, else ``out/`` in the current working directory.

    >>> output_dir().name
    'out'
    """
    override = os.environ.get("OUTLET_LENS_OUT")
    if override:
        return Path(override).expanduser().resolve()
    root = project_root()
    return (root if root is not None else Path.cwd()) / "out"


def _words_under(path: Path, keys: tuple[str, ...]) -> frozenset[str]:
    content = read_yaml(path)
    if not isinstance(content, dict):
        raise CorpusError("expected a mapping of list names to word lists", file=path)
    wanted = keys or tuple(k for k, v in content.items() if isinstance(v, list))
    words: set[str] = set()
    for key in wanted:
        values = content.get(key)
        if not isinstance(values, list):
            raise CorpusError(f"expected a list of words under {key!r}", file=path, field=key)
        words.update(str(v).lower() for v in values)
    return frozenset(words)


def load_wordlist(name: str, *keys: str) -> frozenset[str]:
    """The lower-cased words listed under ``keys`` in ``wordlists/<name>.yml``.

    The file is found by :func:`find_resource` (a user's copy under ``data/wordlists/``
    wins over the built-in one). With no ``keys``, every list in the file is merged (the
    ``source`` note is skipped). The file is read again when it changes on disk.

    >>> "gen" in load_wordlist("abbreviations", "titles")
    True
    """
    return cached_by_file(find_resource(f"wordlists/{name}.yml"), _words_under, keys)


def nltk_data_dir() -> Path:
    """The kit's own NLTK data folder.

    ``OUTLET_LENS_NLTK_DATA`` if set, else ``outlet-lens/nltk_data`` under the user cache
    folder (``$XDG_CACHE_HOME`` or ``~/.cache``). It holds copies made from installed
    packages, so deleting it is safe: the kit recreates it on first use.
    """
    override = os.environ.get("OUTLET_LENS_NLTK_DATA")
    if override:
        return Path(override).expanduser().resolve()
    cache = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(cache).expanduser().resolve() / "outlet-lens" / "nltk_data"


def _vader_source() -> Path:
    spec = importlib.util.find_spec("vaderSentiment")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError(
            "VADER's lexicon comes from the 'vaderSentiment' package, which is not installed. "
            "Run `make test` or `pip install -e .` in the project folder."
        )
    path = Path(next(iter(spec.submodule_search_locations))) / "vader_lexicon.txt"
    if not path.is_file():
        raise RuntimeError(f"vaderSentiment is installed but has no lexicon file at {path}")
    return path


def provide_nltk_data() -> Path:
    """Make the NLTK data the kit uses available offline, and return the folder.

    Copies VADER's lexicon from the installed ``vaderSentiment`` package into
    ``<nltk_data_dir>/sentiment/vader_lexicon.zip`` (the layout NLTK expects) if it is not
    there yet, then puts the folder first on ``nltk.data.path``. Safe to call repeatedly and
    from several processes: the archive is written to a temporary file and renamed.
    """
    import nltk

    root = nltk_data_dir()
    target = root / "sentiment" / "vader_lexicon.zip"
    source = _vader_source()
    if not target.is_file() or _stale(target, source):
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=target.parent, suffix=".tmp")
        os.close(fd)
        try:
            with zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as archive:
                archive.write(source, "vader_lexicon/vader_lexicon.txt")
            os.replace(tmp, target)
        finally:
            if os.path.exists(tmp):
                os.unlink(tmp)
    if str(root) not in nltk.data.path:
        nltk.data.path.insert(0, str(root))
    return root


def _stale(archive: Path, source: Path) -> bool:
    """True when the copied lexicon differs in size from the installed one."""
    try:
        with zipfile.ZipFile(archive) as zf:
            return zf.getinfo("vader_lexicon/vader_lexicon.txt").file_size != source.stat().st_size
    except (zipfile.BadZipFile, KeyError, OSError):
        return True


def read_json_model(path: str | os.PathLike[str], *, what: str) -> Any:
    """The JSON content of a model file a user passed, or a ``ValueError`` naming the file.

    ``what`` says what the file should hold ("a target-tone model"), for the message.

    >>> read_json_model("no/such/model.json", what="a coverage match model")
    Traceback (most recent call last):
    ...
    ValueError: no/such/model.json: cannot read a coverage match model ([Errno 2] ...
    """
    import json

    file = Path(path)
    try:
        return json.loads(file.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise ValueError(f"{file}: cannot read {what} ({error})") from None
