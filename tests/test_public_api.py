"""The public API: every name of ``analysis.__all__`` resolves, the modules that became
subpackages still offer every name they had, and the imports the notebooks, the README and
the docs use keep working."""

from __future__ import annotations

import ast
import importlib
import json
import re
import textwrap

import pytest

import analysis
from conftest import ROOT

#: ``analysis.__all__``, written out: removing or renaming a public name fails here first.
PUBLIC = [
    "CORPUS_COLUMNS", "CorpusError", "OutputError", "actor_tone_summary", "actors_by_outlet",
    "add_articles", "clean_corpus", "compare_event", "comparison_tables", "count_actors",
    "coverage", "distinctive_words", "explore", "extract_article", "frame_scores",
    "from_texts", "furniture_table", "highlight", "kwic", "load_actors", "load_corpus",
    "mention_table", "mention_tone", "normalize", "quote_table", "read_event", "sample_event",
    "score_articles", "sentence_sentiment", "sentence_spans", "sentence_table", "sentences",
    "target_tone", "text_stats", "token_table", "voice_table", "word_spans", "words",
]


def test_all_lists_the_public_names():
    assert sorted(analysis.__all__) == sorted(PUBLIC)


@pytest.mark.parametrize("name", PUBLIC)
def test_every_public_name_resolves(name):
    assert getattr(analysis, name) is not None
    assert name in dir(analysis)


# ``analysis.highlight`` names both a function (in _LAZY) and the module it lives in: once
# the module is imported, the package attribute is the module, which is callable as the
# function (see analysis/highlight.py).
_SHADOWED_BY_ITS_MODULE = {"highlight", "target_tone"}


@pytest.mark.parametrize("name", [n for n in PUBLIC if n in analysis._LAZY])
def test_a_lazy_name_is_the_object_of_its_module(name):
    module = importlib.import_module(analysis._LAZY[name])  # as after any other use
    if name in _SHADOWED_BY_ITS_MODULE:
        assert getattr(analysis, name) is module and callable(module)
    else:
        assert getattr(analysis, name) is getattr(module, name)


def test_highlight_works_any_number_of_times():
    """It once failed on its second call: 'module' object is not callable."""
    corpus = analysis.from_texts({"A": "Putin spoke.", "B": "Biden spoke."})
    first = analysis.highlight(corpus)
    second = analysis.highlight(corpus)
    assert first.html == second.html and "Putin" in first.html


#: Every public name each split module had before it became a subpackage.
BEFORE_THE_SPLIT = {
    "analysis.comparison": [
        "MIN_SHARED_WORDS", "SIMILARITY_THRESHOLD", "Stopwords", "VERBATIM_THRESHOLD",
        "align_sentences", "comparison_tables", "comparison_text_stats", "coverage",
        "coverage_gaps", "coverage_matrix", "distinctive_words", "headlines", "kwic",
        "require_groups", "shared_passages", "verbatim_share",
    ],
    "analysis.scoring": [
        "DEFAULT_CHUNKSIZE", "DEFAULT_MAX_CHARS", "KEY_COLUMNS", "Lexicons",
        "QUOTE_SCORE_COLUMNS", "SCORER_VERSION", "SKIPPED_COLUMNS", "ScoreRun", "Scorer",
        "TONE_COLUMNS", "cache_dir", "clear_cache", "iter_chunks", "long_scores",
        "score_articles", "score_columns", "score_dask", "score_file", "skipped_report_path",
    ],
    "analysis.ingest": [
        "ADD_COLUMNS", "ARCHIVE_SUFFIXES", "Extracted", "Fetched", "HTML_SUFFIXES",
        "IngestError", "MAX_BYTES", "MIN_PROSE_CHARS", "Status", "TEXT_SUFFIXES", "TIMEOUT",
        "TRACKING_PARAMS", "add_articles", "add_sources", "content_sha1", "decode_page",
        "extract_article", "fetch_url", "normalize_url",
    ],
    "analysis.loading": [
        "CORPUS_COLUMNS", "CorpusError", "from_texts", "load_corpus", "read_article",
        "read_event", "require_columns",
    ],
}


@pytest.mark.parametrize(("module", "name"), [(m, n) for m, names in BEFORE_THE_SPLIT.items()
                                              for n in names])
def test_old_import_paths_still_work(module, name):
    namespace: dict = {}
    exec(f"from {module} import {name}", namespace)  # the import statement users write
    assert namespace[name] is getattr(importlib.import_module(module), name)


def test_the_package_names_its_exports():
    for module, names in BEFORE_THE_SPLIT.items():
        exported = importlib.import_module(module).__all__
        assert set(exported) <= set(dir(importlib.import_module(module))), module
        assert all(not n.startswith("_") for n in exported), module
        if module != "analysis.loading":
            missing = set(names) - set(exported) - {"Lexicons", "Status", "Stopwords"}
            assert not missing, f"{module}: {sorted(missing)}"


# --- what the notebooks, the README and the docs import ----------------------------------


def _code_blocks() -> list[tuple[str, str, str]]:
    """``(file, where, code)`` for every notebook code cell and Python block of the README
    and the docs, in order."""
    blocks = []
    for path in sorted((ROOT / "notebooks").glob("*.ipynb")):
        notebook = json.loads(path.read_text(encoding="utf-8"))
        for i, cell in enumerate(notebook["cells"]):
            if cell["cell_type"] == "code":
                blocks.append((path.name, f"{path.name} cell {i}", "".join(cell["source"])))
    for path in [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]:
        text = path.read_text(encoding="utf-8")
        for i, block in enumerate(re.findall(r"```python\n(.*?)```", text, flags=re.S)):
            blocks.append((path.name, f"{path.name} block {i}", textwrap.dedent(block)))
    return blocks


def _used_names() -> dict[tuple[str, str], str]:
    """``{(module, name): where}`` for ``from analysis.x import name`` and ``x.name`` where
    ``x`` is ``analysis`` or one of its modules, imported earlier in the same file."""
    used: dict[tuple[str, str], str] = {}
    aliases_of: dict[str, dict[str, str]] = {}
    for file, where, code in _code_blocks():
        aliases = aliases_of.setdefault(file, {})
        try:
            tree = ast.parse(code)
        except SyntaxError:  # a cell with IPython magic
            tree = ast.parse("\n".join(line for line in code.splitlines()
                                       if not line.lstrip().startswith(("%", "!"))))
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                for a in node.names:
                    if a.name.split(".")[0] == "analysis":
                        aliases[a.asname or a.name] = a.name
            elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith("analysis"):
                for a in node.names:
                    full = f"{node.module}.{a.name}"
                    if _is_module(full):
                        aliases[a.asname or a.name] = full
                    else:
                        used.setdefault((node.module, a.name), where)
        for node in ast.walk(tree):
            if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) \
                    and node.value.id in aliases:
                used.setdefault((aliases[node.value.id], node.attr), where)
    return used


def _is_module(name: str) -> bool:
    try:
        return importlib.util.find_spec(name) is not None
    except ModuleNotFoundError:
        return False


USED = _used_names()


def test_the_notebooks_and_readme_use_the_split_modules():
    modules = {module for module, _ in USED}
    assert {"analysis", "analysis.comparison", "analysis.scoring"} <= modules
    assert ("analysis.comparison", "kwic") in USED  # notebooks/04-workshop.ipynb
    assert ("analysis.comparison", "headlines") in USED  # comparison.headlines(corpus)
    assert ("analysis.scoring", "long_scores") in USED  # notebooks/06-many-outlets.ipynb


@pytest.mark.parametrize(("module", "name"), sorted(USED), ids=lambda v: v)
def test_names_the_notebooks_readme_and_docs_use_resolve(module, name):
    assert hasattr(importlib.import_module(module), name), \
        f"{USED[module, name]} uses {module}.{name}, which no longer exists"
