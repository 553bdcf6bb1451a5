"""User patterns that cannot hang: wildcard terms and ``re:`` regular expressions.

Frame and marker lexicons (and other user lists) may hold wildcard terms (``escalat*``) and
regular expressions (``re:...``). Python's regular-expression engine backtracks, so some
patterns take time exponential (or a high power) in the length of the text they are tried
on: ``re:(?:a+)+b`` needs 9.5 s on 28 letters and twice that per letter more, and
``x**********y`` or ``a***b`` run for minutes on one long word. This module makes both
kinds safe:

* :func:`wildcard_pattern` turns a wildcard term into a regular expression in which a run
  of ``*`` counts as one wildcard, and every wildcard but the last takes the first place
  where the rest of the term continues (an atomic group), so matching one term at one
  place is linear in the length of the word;
* :func:`check_user_regex` compiles a user's regular expression and refuses the shapes
  that backtrack catastrophically: a repeated group that holds another repeat
  (``(a+)+``, ``(a*)*``, ``(?:\\w+\\s?)+``), a repeated alternation whose branches can
  start alike (``(a|a)*``, ``(a|ab)+``), and two unbounded repeats in a row that can match
  the same characters (``\\w*\\w*``, ``a+\\w*``). The error says what to write instead;
* :func:`compile_user_pattern` does the same and names the file and field.

The check reads the pattern's parse tree (``re._parser``, the standard library's own
parser), so it judges exactly what the engine would run.
"""

from __future__ import annotations

import os
import re
import re._compiler as _re_compiler
import re._constants as _c
import re._parser as _parser
from typing import Any

from .errors import CorpusError

__all__ = [
    "UnsafePatternError",
    "check_user_regex",
    "compile_user_pattern",
    "wildcard_pattern",
]

_REPEATS = (_c.MAX_REPEAT, _c.MIN_REPEAT, getattr(_c, "POSSESSIVE_REPEAT", _c.MAX_REPEAT))
_ADVICE = ("; such patterns can take hours on one long word. Write it without a repeat "
           "inside a repeat, e.g. 'a+b' for '(a+)+b'")
#: Characters tried when telling whether two repeated items can match the same character.
_SAMPLE = "".join(map(chr, range(0x20, 0x250))) + "\t\n\u00a0\u2009\u0410\u05d0\u0627\u4e00"


class UnsafePatternError(re.error):
    """A regular expression refused because it can backtrack for a very long time.

    A subclass of :class:`re.error`, so code that reports a bad pattern reports it too.
    """


def _is_repeat(op: Any) -> bool:
    return op in _REPEATS


def _unbounded(av: Any) -> bool:
    return av[1] == _c.MAXREPEAT


def _items(node: Any) -> list[tuple[Any, Any]]:
    return list(node.data) if hasattr(node, "data") else list(node)


def _children(op: Any, av: Any) -> list[Any]:
    """The sub-patterns of one parsed item."""
    if _is_repeat(op):
        return [av[2]]
    if op == _c.SUBPATTERN:
        return [av[-1]]
    if op == _c.BRANCH:
        return list(av[1])
    if op in (_c.ASSERT, _c.ASSERT_NOT):
        return [av[1]]
    if op == getattr(_c, "ATOMIC_GROUP", None):
        return [av]
    if op == _c.GROUPREF_EXISTS:
        return [x for x in av[1:] if x is not None]
    return []


def _has_repeat(node: Any) -> bool:
    for op, av in _items(node):
        if _is_repeat(op) and av[1] > 1:
            return True
        if any(_has_repeat(child) for child in _children(op, av)):
            return True
    return False


def _first_literals(node: Any) -> str | None:
    """The literal text a branch is made of, or None if it holds anything else."""
    chars = []
    for op, av in _items(node):
        if op != _c.LITERAL:
            return None
        chars.append(chr(av))
    return "".join(chars)


def _branches_distinct(av: Any) -> bool:
    """Do the branches of an alternation all start with different literal characters?"""
    texts = [_first_literals(branch) for branch in av[1]]
    if any(not t for t in texts):
        return False
    firsts = [t[0] for t in texts]  # type: ignore[index]
    return len(set(firsts)) == len(firsts)


def _ambiguous_branch(node: Any) -> bool:
    """Does ``node`` hold an alternation whose branches are not distinct literal words?"""
    for op, av in _items(node):
        if op == _c.BRANCH and not _branches_distinct(av):
            return True
        if any(_ambiguous_branch(child) for child in _children(op, av)):
            return True
    return False


def _single_char_set(op: Any, av: Any, state: Any) -> str | None:
    """The sample characters one item matches, or None if it is not one character wide."""
    if op not in (_c.LITERAL, _c.NOT_LITERAL, _c.IN, _c.ANY, _c.CATEGORY):
        return None
    sub = _parser.SubPattern(state, [(op, av)])
    try:
        matcher = _re_compiler.compile(sub, state.flags)
    except Exception:  # when unsure, the item matches anything
        return _SAMPLE
    return "".join(ch for ch in _SAMPLE if matcher.fullmatch(ch))


def _repeat_chars(av: Any, state: Any) -> str:
    """The characters a repeat's body can start with (every sample character if unsure)."""
    body = _items(av[2])
    if len(body) == 1:
        found = _single_char_set(*body[0], state)
        if found is not None:
            return found
    return _SAMPLE


def _check(node: Any, state: Any, inside_repeat: bool) -> None:
    items = _items(node)
    last_unbounded: str | None = None  # chars of the last unbounded repeat in this run
    for op, av in items:
        if _is_repeat(op) and av[1] > 1:
            body = av[2]
            if inside_repeat or _has_repeat(body):
                raise UnsafePatternError("it repeats a group that itself holds a repeat (like "
                                         "'(a+)+' or '(a*)*')" + _ADVICE)
            if _ambiguous_branch(body):
                raise UnsafePatternError(
                    "it repeats a choice whose options can match the same text (like "
                    "'(a|a)*' or '(a|ab)+'); give options that start with different "
                    "letters, or list the words without the repeat")
            if _unbounded(av):
                chars = _repeat_chars(av, state)
                if last_unbounded is not None and set(chars) & set(last_unbounded):
                    raise UnsafePatternError(
                        "it has two unbounded repeats in a row that can match the same "
                        "characters (like '\\w*\\w*' or 'a+\\w*'); one repeat is enough")
                last_unbounded = chars
            for child in _children(op, av):
                _check(child, state, True)
            continue
        if last_unbounded is not None and not (_is_repeat(op) and av[0] == 0) \
                and op not in (_c.AT, _c.ASSERT, _c.ASSERT_NOT):
            # A required character the repeat cannot match ends the run ('\\w+\\s\\w+');
            # one it can match does not ('\\w*a\\w*' backtracks like '\\w*\\w*').
            one = _single_char_set(op, av, state)
            if one is None or not set(one) & set(last_unbounded):
                last_unbounded = None
        for child in _children(op, av):
            _check(child, state, inside_repeat)


def check_user_regex(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """Compile a user's regular expression, refusing shapes that backtrack for ever.

    Raises
    ------
    re.error
        For a pattern Python cannot compile, and :class:`UnsafePatternError` (a
        :class:`re.error`) for one that can take time exponential in the text's length.

    >>> check_user_regex(r"de-?escalat\\w*").pattern
    'de-?escalat\\\\w*'
    >>> check_user_regex(r"(?:a+)+b")
    Traceback (most recent call last):
    ...
    analysis.safe_patterns.UnsafePatternError: it repeats a group that itself holds a repeat ...
    """
    compiled = re.compile(pattern, flags)
    parsed = _parser.parse(pattern, flags)
    _check(parsed, parsed.state, False)
    return compiled


def compile_user_pattern(
    text: str,
    *,
    file: str | os.PathLike[str] | None = None,
    field: str | None = None,
    line: int | None = None,
    flags: int = 0,
) -> re.Pattern[str]:
    """:func:`check_user_regex`, with a :class:`CorpusError` naming the file and field.

    >>> compile_user_pattern("(a|a)*", file="f.yml", field="frames.x.terms[0]")
    Traceback (most recent call last):
    ...
    analysis.errors.CorpusError: f.yml, field 'frames.x.terms[0]': bad regular expression ...
    """
    try:
        return check_user_regex(text, flags)
    except re.error as err:
        raise CorpusError(f"bad regular expression {text!r}: {err}", file=file, line=line,
                          field=field) from None


def wildcard_pattern(term: str) -> str:
    r"""The regular expression for a lexicon term: ``*`` any word characters, a space any
    whitespace, ``-`` an optional hyphen or space; everything else literal.

    A run of ``*`` is one wildcard. Each wildcard but the last takes the first place where
    the next part of the term fits (an atomic group), so one term tried at one place takes
    time linear in the word's length, however many wildcards it has.

    >>> wildcard_pattern("de-escalat*")
    'de[-\\s]?escalat\\w*'
    >>> wildcard_pattern("x**********y")
    'x\\w*y'
    >>> wildcard_pattern("a*b*c")
    'a(?>\\w*?b)\\w*c'
    """
    pieces = re.sub(r"\*+", "*", term).split("*")
    parts = ["".join(r"\s+" if ch == " " else r"[-\s]?" if ch == "-" else re.escape(ch)
                     for ch in piece) for piece in pieces]
    if len(parts) == 1:
        return parts[0]
    middle = "".join(f"(?>\\w*?{part})" for part in parts[1:-1])
    return parts[0] + middle + r"\w*" + parts[-1]
