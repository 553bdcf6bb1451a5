"""Tests for analysis.compat: options are keyword-only, and the calls that passed one by
position keep working for one release, with a FutureWarning naming the keyword."""

from __future__ import annotations

import importlib
import inspect
import warnings

import pandas as pd
import pytest

from analysis import from_texts
from analysis.compat import keyword_only


@keyword_only("n", "sep")
def grams(tokens, *, n=2, sep=" "):
    return [sep.join(tokens[i:i + n]) for i in range(len(tokens) - n + 1)]


def test_a_keyword_call_gives_no_warning():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert grams(["a", "b", "c"], n=3) == ["a b c"]


@pytest.mark.parametrize(("args", "kwargs", "named"), [
    ((["a", "b", "c"], 3), {}, "pass n as a keyword (n=...)"),
    ((["a", "b", "c"], 3, "-"), {}, "pass n, sep as a keyword (n=..., sep=...)"),
    ((["a", "b", "c"], 3), {"sep": "-"}, "pass n as a keyword (n=...)"),
])
def test_an_old_positional_call_works_and_warns(args, kwargs, named):
    with pytest.warns(FutureWarning) as caught:
        got = grams(*args, **kwargs)
    assert got == grams(args[0], n=3, sep="-" if len(args) > 2 or kwargs else " ")
    assert str(caught[0].message) == (f"grams(): {named}; passing it by position is "
                                      "deprecated and stops working in the next release")
    assert caught[0].filename == __file__  # the warning points at the caller


def test_calls_python_would_refuse_are_still_refused():
    with pytest.raises(TypeError, match=r"grams\(\) takes 3 positional arguments but 4"):
        grams(["a"], 1, " ", "extra")
    with pytest.raises(TypeError, match=r"multiple values for argument 'n'"):
        grams(["a"], 1, n=2)


def test_the_new_signature_is_what_help_shows():
    assert str(inspect.signature(grams)) == "(tokens, *, n=2, sep=' ')"
    assert grams.__wrapped__.__name__ == "grams"


def test_only_keyword_only_options_can_be_named():
    with pytest.raises(TypeError, match="has no keyword-only parameter 'n'"):
        keyword_only("n")(lambda tokens, n=2: n)


def test_methods_too():
    class Page:
        @keyword_only("title")
        def render(self, *, title="T"):
            return title

    assert Page().render(title="A") == "A"
    with pytest.warns(FutureWarning, match=r"Page\.render\(\): pass title"):
        assert Page().render("B") == "B"


# --- the kit's functions that took an option by position -----------------------------------

TOY = {"talks": ["talks"], "war": ["war"]}
CORPUS = from_texts({"A": "Talks began. The war goes on.", "B": "War. More war and talks."})


def _sentences():
    from analysis.sentiment import sentence_sentiment

    return sentence_sentiment(CORPUS)


def _scores():
    from analysis.scoring import score_articles

    return score_articles(CORPUS, cache=False, frames=TOY, markers=False, actors=False,
                          quotes=False)


OLD_CALLS = [
    ("analysis.tokens", "ngrams", lambda: (["a", "b", "c"],), "n", 3),
    ("analysis.framing", "find_frame_terms", lambda: ("Talks and war.",), "frames", TOY),
    ("analysis.framing", "find_markers", lambda: ("It may rain.",), "markers", None),
    ("analysis.framing", "frame_scores", lambda: (CORPUS,), "frames", TOY),
    ("analysis.framing", "marker_scores", lambda: (CORPUS,), "markers", None),
    ("analysis.framing", "frame_evidence", lambda: (CORPUS,), "frames", TOY),
    ("analysis.framing", "marker_evidence", lambda: (CORPUS,), "markers", None),
    ("analysis.sentiment", "score_sentence", lambda: ("Good talks.",), "analyzer", None),
    ("analysis.sentiment", "sentiment_arc", lambda: (_sentences(),), "bins", 2),
    ("analysis.comparison", "comparison_text_stats", lambda: (CORPUS,), "quotes",
     pd.DataFrame({"article_id": ["a-1"], "start": [0], "end": [5]})),
    ("analysis.scoring", "long_scores", lambda: (_scores(),), "kind", "frame"),
]


@pytest.mark.parametrize(("module", "name", "args", "option", "value"), OLD_CALLS,
                         ids=[f"{c[1]}({c[3]})" for c in OLD_CALLS])
def test_the_kits_old_positional_calls_still_work(module, name, args, option, value):
    function = getattr(importlib.import_module(module), name)
    parameter = inspect.signature(function).parameters[option]
    assert parameter.kind is inspect.Parameter.KEYWORD_ONLY
    data = args()
    new = function(*data, **{option: value})
    with pytest.warns(FutureWarning, match=rf"{name}\(\): pass {option} as a keyword"):
        old = function(*data, value)
    if isinstance(new, pd.DataFrame):
        pd.testing.assert_frame_equal(old, new)
    else:
        assert old == new


def test_highlighted_page_title():
    from analysis.highlight import Highlighted

    page = Highlighted("<p>x</p>")
    with pytest.warns(FutureWarning, match=r"Highlighted\.page\(\): pass title"):
        assert page.page("Mine") == page.page(title="Mine")
    assert "<title>Mine</title>" in page.page(title="Mine")


# Every public function of these modules takes its options keyword-only: parameters with a
# default come after ``*``. The exceptions take the one thing they work on, not an option.
FAMILIES = ["analysis.comparison", "analysis.scoring", "analysis.sentiment",
            "analysis.framing", "analysis.tokens", "analysis.cleaning", "analysis.loading",
            "analysis.highlight", "analysis.report", "analysis.plotting", "analysis.rows"]
TAKES_ITS_INPUT = {
    "make_analyzer": "adjustments",  # the news adjustments the analyser is built from
    "load_frames": "path_or_paths", "load_markers": "path_or_paths",  # files to read
    "load_patterns": "path",
    "stopwords": "language",
    "add_frame": "terms", "add_marker": "terms",  # the category's words
    "score_file": "out",  # where the scores go: score_file(path, out)
}


def _public_functions():
    for module_name in FAMILIES:
        module = importlib.import_module(module_name)
        for name in getattr(module, "__all__", []):
            obj = getattr(module, name)
            if inspect.isfunction(obj):
                yield f"{module_name}.{name}", obj
            elif inspect.isclass(obj) and obj.__module__.startswith("analysis"):
                for method_name, method in vars(obj).items():
                    if inspect.isfunction(method) and not method_name.startswith("_"):
                        yield f"{module_name}.{name}.{method_name}", method


@pytest.mark.parametrize(("where", "function"), list(_public_functions()),
                         ids=lambda v: v if isinstance(v, str) else "")
def test_options_are_keyword_only(where, function):
    positional = [p for p in inspect.signature(function).parameters.values()
                  if p.kind is inspect.Parameter.POSITIONAL_OR_KEYWORD
                  and p.default is not inspect.Parameter.empty]
    allowed = TAKES_ITS_INPUT.get(function.__name__)
    assert [p.name for p in positional if p.name != allowed] == [], \
        f"{where}: make these options keyword-only (after *), with compat.keyword_only"
