"""Reading the kit's YAML files safely, and one rule for when an edited file is read again.

* :func:`yaml_load` and :func:`read_yaml` parse YAML without ever building Python objects,
  with YAML 1.2 booleans (``no`` stays the word "no"), and name the file and line on error.
* Lone surrogates (half of a UTF-16 pair, from escapes such as ``\\ud800``) cannot be written
  as UTF-8; :func:`repair_surrogates` replaces them with U+FFFD and :func:`warn_surrogates`
  says where.
* :func:`cached_by_file` is the one caching rule for every resource file (word lists,
  lexicons, actor lists, cleaning patterns): a file is parsed once and parsed again as soon
  as it changes on disk (its size or modification time), so an edit shows without
  restarting the kernel.
"""

from __future__ import annotations

import os
import re
import threading
import warnings
from collections import OrderedDict
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import yaml

from .errors import CorpusError

__all__ = [
    "cached_by_file",
    "clear_cache",
    "file_key",
    "read_yaml",
    "repair_surrogates",
    "warn_surrogates",
    "yaml_load",
]

T = TypeVar("T")


class _Loader(yaml.SafeLoader):
    """PyYAML's safe loader with YAML 1.2 booleans.

    YAML 1.1 reads the bare words ``no``, ``yes``, ``on`` and ``off`` as booleans, which
    turns the stopword "no" or the language code ``no`` (Norwegian) into ``False``. Here
    only ``true`` and ``false`` are booleans; everything else stays text. Like ``safe_load``
    it never constructs Python objects.

    Aliases (``*name``) may repeat an anchored node, but a document whose aliases would
    expand to more than :data:`MAX_EXPANDED_NODES` nodes (an "alias bomb": a few hundred
    bytes that stand for billions of items) is refused before anything is built.
    """

    def compose_document(self) -> Any:
        node = super().compose_document()
        _check_expansion(node, self)
        return node


#: The most nodes a YAML document may expand to through its aliases.
MAX_EXPANDED_NODES = 200_000


def _check_expansion(root: Any, loader: Any) -> None:
    """Count the nodes ``root`` stands for with its aliases expanded, in time linear in
    the number of distinct nodes (each shared node's size is computed once)."""
    sizes: dict[int, int] = {}
    order, stack, seen = [], [root], set()
    while stack:  # post-order without recursion: a deep document must not overflow
        node = stack.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        order.append(node)
        if isinstance(node, yaml.SequenceNode):
            stack.extend(node.value)
        elif isinstance(node, yaml.MappingNode):
            stack.extend(n for pair in node.value for n in pair)
    for node in reversed(order):
        if isinstance(node, yaml.SequenceNode):
            children = node.value
        elif isinstance(node, yaml.MappingNode):
            children = [n for pair in node.value for n in pair]
        else:
            children = []
        total = 1 + sum(sizes.get(id(c), 1) for c in children)
        sizes[id(node)] = total
        if total > MAX_EXPANDED_NODES:
            raise yaml.error.MarkedYAMLError(
                problem=f"its aliases (*name) expand to more than {MAX_EXPANDED_NODES:,} "
                        "items; write the items out or use fewer aliases",
                problem_mark=node.start_mark)


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


def repair_surrogates(value: Any, file: Any, line: int | None = None) -> tuple[Any, int]:
    """:func:`_replace_surrogates`, with a CorpusError naming ``file`` and ``line`` for data
    nested too deeply."""
    try:
        return _replace_surrogates(value)
    except RecursionError:
        raise CorpusError("lists or mappings nest too deeply", file=file, line=line) from None


def warn_surrogates(count: int, where: str) -> None:
    warnings.warn(
        f"{where}: replaced {count} lone surrogate(s) (half of a UTF-16 pair, from an escape "
        "such as \\ud800) with U+FFFD; the text cannot be written as UTF-8 otherwise",
        stacklevel=3,
    )




def read_yaml(path: str | os.PathLike[str]) -> Any:
    """Read one YAML file safely (no object construction), naming the file and line on error."""
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
        content, count = repair_surrogates(content, path)
        if count:
            warn_surrogates(count, str(path))
    return content


_CACHE: OrderedDict[tuple, Any] = OrderedDict()
_CACHE_SIZE = 256
_LOCK = threading.Lock()


def file_key(path: str | os.PathLike[str]) -> tuple[str, int, int] | None:
    """``(resolved path, modification time, size)`` of ``path``; None when it is missing.

    Two reads of a file with the same key see the same content (as far as a program can
    tell without reading it), so the key decides when a cached parse is stale.
    """
    found = _stat_key(path)
    return None if found is None else found[:3]


def _stat_key(path: str | os.PathLike[str]) -> tuple[str, int, int, int, int] | None:
    """:func:`file_key` and the file's device and inode (which tell a file that replaced
    another of the same name, size and time, e.g. through a symbolic link)."""
    try:
        p = path if isinstance(path, Path) else Path(path)
        st = p.stat()
    except (OSError, ValueError):
        return None
    name = str(p)
    where = (name, "" if p.is_absolute() else os.getcwd())
    resolved = _RESOLVED.get(where)
    if resolved is None:
        if len(_RESOLVED) > 10_000:
            _RESOLVED.clear()
        resolved = _RESOLVED[where] = str(p.resolve())
    return (resolved, st.st_mtime_ns, st.st_size, st.st_dev, st.st_ino)


#: Resolved paths by name (and working folder, for a relative name): resolving costs a
#: system call per folder in the path, and resources are looked up for every article.
_RESOLVED: dict[tuple[str, str], str] = {}


def cached_by_file(path: str | os.PathLike[str], parse: Callable[..., T], *args: Any) -> T:
    """``parse(path, *args)``, cached until the file changes on disk.

    The cache key is :func:`file_key`, the parse function and ``args`` (hashable), so the
    same file can be read by several parsers. A missing file is not cached (``parse``
    raises its own error).

    >>> import tempfile
    >>> folder = Path(tempfile.mkdtemp())
    >>> (folder / "a.yml").write_text("words: [one]", encoding="utf-8")
    12
    >>> cached_by_file(folder / "a.yml", read_yaml)
    {'words': ['one']}
    >>> (folder / "a.yml").write_text("words: [one, two]", encoding="utf-8")
    17
    >>> cached_by_file(folder / "a.yml", read_yaml)   # changed on disk: read again
    {'words': ['one', 'two']}
    """
    key = _stat_key(path)
    if key is None:
        return parse(Path(path), *args)
    full = (key, parse, args)
    with _LOCK:
        if full in _CACHE:
            _CACHE.move_to_end(full)
            return _CACHE[full]
    value = parse(Path(path), *args)
    with _LOCK:
        _CACHE[full] = value
        while len(_CACHE) > _CACHE_SIZE:
            _CACHE.popitem(last=False)
    return value


def clear_cache() -> None:
    """Forget every cached parse (the next read of each file parses it again)."""
    with _LOCK:
        _CACHE.clear()
