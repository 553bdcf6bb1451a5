"""Where the kit finds its word lists, and the NLTK data it provides offline.

Two kinds of resources:

* **Word lists** (abbreviations, stopwords, cleaning patterns, and later actor lists and
  frame lexicons) are YAML files under the project's ``data/`` folder, so users can read and
  extend them without touching code. :func:`data_dir` finds that folder.
* **NLTK data.** NLTK 3.10 reads data only from the roots on ``nltk.data.path``. The kit never
  calls ``nltk.download()``: what NLTK needs is copied from installed registry packages into a
  folder the kit owns (:func:`nltk_data_dir`), which is put on ``nltk.data.path``. Today that
  is VADER's lexicon, shipped (MIT licence) by the ``vaderSentiment`` package. Sentence and
  word tokenisation use NLTK parts that need no data at all.

Nothing here touches the network.
"""

from __future__ import annotations

import functools
import importlib.metadata
import importlib.util
import os
import re
import tempfile
import warnings
import zipfile
from pathlib import Path
from typing import Any

import yaml

__all__ = [
    "VADER_RESOURCE",
    "data_dir",
    "load_wordlist",
    "nltk_data_dir",
    "output_dir",
    "provide_nltk_data",
    "read_yaml",
    "yaml_load",
]

#: The resource name NLTK's ``SentimentIntensityAnalyzer`` loads by default.
VADER_RESOURCE = "sentiment/vader_lexicon.zip/vader_lexicon/vader_lexicon.txt"

_PACKAGE_DIR = Path(__file__).resolve().parent


def data_dir() -> Path:
    """The folder holding the kit's data files (``data/`` at the project's top level).

    Set ``OUTLET_LENS_DATA`` to use another folder (for example a copy you edit).

    >>> (data_dir() / "wordlists").is_dir()
    True
    """
    override = os.environ.get("OUTLET_LENS_DATA")
    if override:
        return Path(override).expanduser().resolve()
    return _PACKAGE_DIR.parent / "data"


class _Loader(yaml.SafeLoader):
    """PyYAML's safe loader with YAML 1.2 booleans.

    YAML 1.1 reads the bare words ``no``, ``yes``, ``on`` and ``off`` as booleans, which
    turns the stopword "no" or the language code ``no`` (Norwegian) into ``False``. Here
    only ``true`` and ``false`` are booleans; everything else stays text. Like ``safe_load``
    it never constructs Python objects.
    """


_Loader.yaml_implicit_resolvers = {
    first: [(tag, regex) for tag, regex in resolvers if tag != "tag:yaml.org,2002:bool"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_Loader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)


def _timestamp_or_text(loader: _Loader, node: yaml.ScalarNode) -> Any:
    """A date or time; text if it only looks like one (``2024-13-45``), so that the
    caller can say which field and line hold it (PyYAML raises a bare ValueError)."""
    try:
        return yaml.SafeLoader.construct_yaml_timestamp(loader, node)
    except ValueError:
        return loader.construct_scalar(node)


_Loader.add_constructor("tag:yaml.org,2002:timestamp", _timestamp_or_text)


def yaml_load(text: str) -> Any:
    r"""Parse YAML text safely, with only ``true``/``false`` as booleans.

    >>> yaml_load("words: [no, on, off]\nflag: true")
    {'words': ['no', 'on', 'off'], 'flag': True}
    """
    try:
        return yaml.load(text, Loader=_Loader)  # _Loader is a SafeLoader: no objects built
    except RecursionError:  # "[[[[..." a thousand deep: PyYAML's parser recurses
        raise yaml.error.MarkedYAMLError(problem="lists or mappings nest too deeply") from None
    except (OverflowError, ValueError) as err:  # "\U7fffffff": an escape naming no character
        raise yaml.error.MarkedYAMLError(problem=f"an escape names no character ({err})") \
            from None


_SURROGATE = re.compile("[\ud800-\udfff]")


def _replace_surrogates(value: Any) -> tuple[Any, int]:
    r"""``value`` with lone surrogates (half of a UTF-16 pair, e.g. from the JSON or YAML escape
    ``\ud800``) replaced by U+FFFD in every string, key and nested item; and how many.

    Such text cannot be written as UTF-8, so the loaders replace them (with a warning naming
    the file and line) rather than let a later stage fail.

    >>> fixed, count = _replace_surrogates({"text": "a\ud800b", "n": 1, "tags": ["\udc00"]})
    >>> fixed == {"text": "a\ufffdb", "n": 1, "tags": ["\ufffd"]}, count
    (True, 2)
    """
    if isinstance(value, str):
        fixed, n = _SURROGATE.subn("\ufffd", value)
        return fixed, n
    if isinstance(value, dict):
        out, total = {}, 0
        for key, item in value.items():
            key, n_key = _replace_surrogates(key)
            out[key], n_item = _replace_surrogates(item)
            total += n_key + n_item
        return out, total
    if isinstance(value, list):
        items = [_replace_surrogates(item) for item in value]
        return [item for item, _ in items], sum(n for _, n in items)
    return value, 0


def _replace_surrogates_in(value: Any, file: Any, line: int | None = None) -> tuple[Any, int]:
    """:func:`_replace_surrogates`, with a CorpusError for data nested too deeply."""
    from .loading import CorpusError

    try:
        return _replace_surrogates(value)
    except RecursionError:
        raise CorpusError("lists or mappings nest too deeply", file=file, line=line) from None


def _warn_surrogates(count: int, where: str) -> None:
    warnings.warn(
        f"{where}: replaced {count} lone surrogate(s) (half of a UTF-16 pair, from an escape "
        "such as \\ud800) with U+FFFD; the text cannot be written as UTF-8 otherwise",
        stacklevel=3,
    )


def output_dir() -> Path:
    """Where the notebooks write what they make: ``out/`` at the project's top level.

    Set ``OUTLET_LENS_OUT`` to use another folder (the tests do).

    >>> output_dir().name
    'out'
    """
    override = os.environ.get("OUTLET_LENS_OUT")
    if override:
        return Path(override).expanduser().resolve()
    return _PACKAGE_DIR.parent / "out"


def read_yaml(path: str | os.PathLike[str]) -> Any:
    """Read one YAML file safely (no object construction), naming the file and line on error."""
    # Imported here, not at the top, because loading imports this module.
    from .loading import CorpusError

    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise CorpusError("file not found", file=path) from None
    except UnicodeDecodeError as err:
        raise CorpusError(
            f"is not UTF-8 text (byte {err.start} cannot be decoded); save it as UTF-8",
            file=path,
        ) from None
    try:
        content = yaml_load(text)
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        line = mark.line + 1 if mark is not None else None
        problem = getattr(err, "problem", None) or str(err)
        raise CorpusError(f"is not valid YAML: {problem}", file=path, line=line) from None
    if "\\u" in text or "\\U" in text:  # only escapes can make a lone surrogate
        content, count = _replace_surrogates_in(content, path)
        if count:
            _warn_surrogates(count, str(path))
    return content


@functools.cache
def load_wordlist(name: str, *keys: str) -> frozenset[str]:
    """Load the lower-cased words listed under ``keys`` in ``data/wordlists/<name>.yml``.

    With no ``keys``, every list in the file is merged (the ``source`` note is skipped).
    The result is cached: edit the file, then restart the kernel or call
    ``load_wordlist.cache_clear()``.

    >>> "gen" in load_wordlist("abbreviations", "titles")
    True
    """
    path = data_dir() / "wordlists" / f"{name}.yml"
    content = read_yaml(path)
    if not isinstance(content, dict):
        from .loading import CorpusError

        raise CorpusError("expected a mapping of list names to word lists", file=path)
    wanted = keys or tuple(k for k, v in content.items() if isinstance(v, list))
    words: set[str] = set()
    for key in wanted:
        values = content.get(key)
        if not isinstance(values, list):
            from .loading import CorpusError

            raise CorpusError(f"expected a list of words under {key!r}", file=path, field=key)
        words.update(str(v).lower() for v in values)
    return frozenset(words)


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


def doctor() -> list[tuple[str, bool, str]]:
    """Check what the kit needs, offline. Returns ``(item, ok, detail)`` rows.

    Used by ``python -m analysis doctor``.
    """
    rows: list[tuple[str, bool, str]] = []
    # (distribution, module): a package counts as in place only if it imports, so a broken
    # install (say, a dependency that moved to another package) shows up here.
    for dist, module in (("pandas", "pandas"), ("matplotlib", "matplotlib"), ("nltk", "nltk"),
                         ("ipywidgets", "ipywidgets"), ("jupyterlab", "jupyterlab"),
                         ("pyyaml", "yaml"), ("vaderSentiment", "vaderSentiment"),
                         ("pyarrow", "pyarrow"), ("trafilatura", "trafilatura"),
                         ("voila", "voila")):
        try:
            version = importlib.metadata.version(dist)
        except importlib.metadata.PackageNotFoundError:
            rows.append((f"package {dist}", False, "not installed"))
            continue
        try:
            importlib.import_module(module)
        except Exception as err:  # report, don't crash: this is a diagnosis
            rows.append((f"package {dist}", False, f"{version} installed but does not import: "
                                                    f"{err}"))
            continue
        rows.append((f"package {dist}", True, version))
    folder = data_dir()
    rows.append(("data folder", folder.is_dir(), str(folder)))
    for name in ("abbreviations", "stopwords-en"):
        try:
            n = len(load_wordlist(name))
            rows.append((f"word list {name}", True, f"{n} entries"))
        except Exception as err:  # report, don't crash: this is a diagnosis
            rows.append((f"word list {name}", False, str(err)))
    try:
        from .cleaning import load_patterns

        n = len(load_patterns().navigation)
        rows.append(("cleaning patterns", True, f"{n} navigation patterns"))
    except Exception as err:
        rows.append(("cleaning patterns", False, str(err)))
    try:
        from .tokens import SentenceSplitter

        spans = SentenceSplitter().span_tokenize("Gen. Lloyd J. Austin spoke. Then he left.")
        rows.append(("sentence splitter (NLTK Punkt, no download)", len(spans) == 2,
                     f"{len(spans)} sentences in a two-sentence check"))
    except Exception as err:
        rows.append(("sentence splitter (NLTK Punkt, no download)", False, str(err)))
    try:
        root = provide_nltk_data()
        import nltk

        nltk.data.find(VADER_RESOURCE)
        rows.append(("NLTK data: VADER lexicon (from vaderSentiment)", True, str(root)))
    except Exception as err:
        rows.append(("NLTK data: VADER lexicon (from vaderSentiment)", False, str(err)))
    return rows

