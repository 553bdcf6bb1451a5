"""Regression tests for the third red-team round (issue 18, continued): user patterns that
hung, web pages and downloads that crashed or were stored cut short, size options without a
bound, and outputs left half-written. Expected values are worked out by hand in comments."""

from __future__ import annotations

import re
import time

import pytest

from analysis.errors import CorpusError
from analysis.safe_patterns import (
    UnsafePatternError,
    check_user_regex,
    compile_user_pattern,
    wildcard_pattern,
)

_BEFORE, _AFTER = r"(?<![\w-])", r"(?![\w-])"  # the word bounds framing puts around terms


# --- user patterns ------------------------------------------------------------------------


@pytest.mark.parametrize("pattern", [
    r"(?:a+)+b",        # 9.5 s on 28 letters before
    r"(a*)*",
    r"(a|a)*b",         # 4.5 s on 24 letters
    r"(?:a|ab)+c",
    r"(?:\w+\s?)+x",
    r"(?:a{1,100}){1,100}",
    r"\w*\w*\w*b",      # polynomial: n**3 on one long word
    r"\w*a\w*a\w*b",
    r"x.*y.*z",
])
def test_user_regex_that_backtracks_is_refused_at_once(pattern):
    start = time.perf_counter()
    with pytest.raises(UnsafePatternError):
        check_user_regex(pattern)
    assert time.perf_counter() - start < 0.5
    assert issubclass(UnsafePatternError, re.error)  # framing's `except re.error` reports it


@pytest.mark.parametrize("pattern", [
    r"de-?escalat\w*", r"\w+\s+\w+", r"(?:foreign|defen[cs]e) minist\w*", r"cease\s*fire",
    r"talks?", r"(?:very |so )+bad", r"(?:ab){2,}", r"\bwar\b", r"[a-z]+ing", r"x.*y",
])
def test_ordinary_user_regex_is_accepted(pattern):
    assert check_user_regex(pattern).pattern == pattern


def test_compile_user_pattern_names_file_and_field():
    with pytest.raises(CorpusError) as info:
        compile_user_pattern("(?:a+)+b", file="f.yml", field="frames.peace.terms[0]", line=3)
    assert str(info.value).startswith(
        "f.yml, line 3, field 'frames.peace.terms[0]': bad regular expression '(?:a+)+b': "
        "it repeats a group that itself holds a repeat")
    with pytest.raises(CorpusError, match="missing \\)"):
        compile_user_pattern("(unclosed", file="f.yml")


@pytest.mark.parametrize(("term", "expected"), [
    ("x**********y", r"x\w*y"),                       # a run of stars is one wildcard
    ("a***b", r"a\w*b"),
    ("escalat*", r"escalat\w*"),
    ("de-escalat*", r"de[-\s]?escalat\w*"),
    ("arms race", r"arms\s+race"),
    ("x*x*y", r"x(?>\w*?x)\w*y"),                     # middle wildcard: atomic, first fit
])
def test_wildcard_pattern(term, expected):
    assert wildcard_pattern(term) == expected


@pytest.mark.parametrize(("term", "text"), [
    ("x**********y", "x" * 40),          # over a minute before
    ("a***b", "a" * 20_000),             # over a minute before
    ("x*x*x*x*y", "x" * 20_000),
])
def test_wildcards_on_a_long_word_finish_at_once(term, text):
    regex = re.compile(f"{_BEFORE}(?:{wildcard_pattern(term)}){_AFTER}")
    start = time.perf_counter()
    assert regex.search(text) is None
    assert time.perf_counter() - start < 0.5


@pytest.mark.parametrize(("term", "text", "found"), [
    ("x*a*y", "xbbabby", "xbbabby"),     # starts x, holds a, ends y
    ("x*a*y", "xbby", None),             # no a
    ("x*a*y", "xay-", None),             # a hyphen after: not a whole word
    ("escalat*", "the escalation began", "escalation"),
    ("de-escalat*", "de escalating", "de escalating"),
])
def test_wildcards_match_as_before(term, text, found):
    m = re.search(f"{_BEFORE}(?:{wildcard_pattern(term)}){_AFTER}", text)
    assert (m.group() if m else None) == found


@pytest.mark.xfail(reason="needs the framing.py change (compile_user_pattern / "
                          "wildcard_pattern) applied by framing's owner", strict=False)
def test_frame_lexicon_with_a_catastrophic_regex_is_refused():
    from analysis.framing import find_frame_terms, load_frames

    with pytest.raises(CorpusError, match="repeat"):
        load_frames({"peace": ["re:(?:a+)+b"]})
    start = time.perf_counter()
    assert find_frame_terms("a" * 20_000, frames={"peace": ["a***b"]}) == []
    assert time.perf_counter() - start < 1
