"""The package's structure: layers whose imports point down, no cycles, no private imports,
and domain code that knows nothing of the command line.

The import graph is built from the source with :mod:`ast` (imports inside functions count),
so the test needs nothing imported and fails on the line that breaks the rule.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import analysis

PACKAGE = Path(analysis.__file__).resolve().parent

#: Layer of each top-level module or subpackage of ``analysis``, bottom (0) to top (4).
LAYERS = {
    # leaves: errors, files, where resources live, and keeping old calls working
    "errors": 0, "yamlio": 0, "resources": 0, "outputs": 0, "compat": 0, "safe_patterns": 0,
    # text level: str -> list/dict
    "tokens": 1, "fastpunkt": 1, "fastvader": 1,
    # corpus level: DataFrame -> DataFrame
    "loading": 2, "rows": 2, "cleaning": 2, "actors": 2, "quotes": 2, "sentiment": 2,
    "framing": 2, "comparison": 2, "ingest": 2, "scoring": 2, "target_tone": 2,
    "voice": 2, "actor_tone": 2,
    # presentation
    "plotting": 3, "highlight": 3, "blind": 3, "report": 3, "widgets": 3,
    # the command line
    "cli": 4, "__main__": 4,
}
LAYER_NAMES = ["leaves", "text level", "corpus level", "presentation", "command line"]


def _modules() -> dict[str, Path]:
    """``{"analysis.x.y": path}`` for every module of the package."""
    found = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        rel = path.relative_to(PACKAGE).with_suffix("")
        parts = [p for p in rel.parts if p != "__init__"]
        found[".".join(["analysis", *parts])] = path
    return found


MODULES = _modules()


def _imports(name: str, path: Path) -> list[tuple[str, int, list[str]]]:
    """``(imported module, line, names)`` for every import of the package's own modules."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    out = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            out += [(a.name, node.lineno, []) for a in node.names if a.name.startswith("analysis")]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            elif node.module and node.module.startswith("analysis"):
                target = node.module
            else:
                continue
            names = [a.name for a in node.names]
            # "from . import framing" imports the module analysis.framing
            subs = [f"{target}.{n}" for n in names if f"{target}.{n}" in MODULES]
            if subs:
                out += [(s, node.lineno, []) for s in subs]
                names = [n for n in names if f"{target}.{n}" not in MODULES]
                if not names:
                    continue
            out.append((target, node.lineno, names))
    return out


def _layer(module: str) -> int | None:
    parts = module.split(".")
    return LAYERS.get(parts[1]) if len(parts) > 1 else None


def test_every_module_has_a_layer():
    missing = [m for m in MODULES if m != "analysis" and _layer(m) is None]
    assert not missing, f"add these modules to LAYERS (and docs/architecture.md): {missing}"


def test_imports_point_down_only():
    upward = []
    for name, path in MODULES.items():
        mine = _layer(name)
        if mine is None:  # the package's lazy facade may name anything
            continue
        for target, line, _ in _imports(name, path):
            theirs = _layer(target)
            if target == "analysis" and mine == LAYERS["cli"]:
                continue  # the command line reads __version__
            if theirs is None or theirs > mine:
                upward.append(f"{path.relative_to(PACKAGE.parent)}:{line}: {name} "
                              f"({LAYER_NAMES[mine]}) imports {target} "
                              f"({LAYER_NAMES[theirs] if theirs is not None else 'the package'})")
    assert not upward, "imports that point up:\n" + "\n".join(upward)


def _graph() -> dict[str, set[str]]:
    graph: dict[str, set[str]] = {m: set() for m in MODULES}
    for name, path in MODULES.items():
        for target, _, _ in _imports(name, path):
            if target in MODULES and target != name:
                graph[name].add(target)
    return graph


def test_no_import_cycles():
    graph = _graph()
    graph.pop("analysis")  # the facade imports modules that never import it back
    for deps in graph.values():
        deps.discard("analysis")
    state: dict[str, int] = {}
    stack: list[str] = []
    cycles = []

    def visit(node: str) -> None:
        state[node] = 1
        stack.append(node)
        for dep in sorted(graph.get(node, ())):
            if state.get(dep) == 1:
                cycles.append(" -> ".join([*stack[stack.index(dep):], dep]))
            elif dep not in state:
                visit(dep)
        stack.pop()
        state[node] = 2

    for node in sorted(graph):
        if node not in state:
            visit(node)
    assert not cycles, "import cycles:\n" + "\n".join(cycles)


def test_no_private_names_imported_across_modules():
    private = []
    for name, path in MODULES.items():
        for target, line, names in _imports(name, path):
            for n in names:
                if n.startswith("_") and not n.startswith("__"):
                    private.append(f"{path.relative_to(PACKAGE.parent)}:{line}: {n} from {target}")
    assert not private, "private names imported from another module:\n" + "\n".join(private)


def _domain_modules() -> list[tuple[str, Path]]:
    return [(n, p) for n, p in MODULES.items() if n != "analysis" and _layer(n) < LAYERS["cli"]]


@pytest.mark.parametrize("name,path", _domain_modules(), ids=lambda v: str(v))
def test_domain_code_knows_no_command_line(name, path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import | ast.ImportFrom):
            mods = [a.name for a in node.names] if isinstance(node, ast.Import) \
                else [node.module or ""]
            if any(m == "argparse" or m.endswith("cli") or ".cli." in m for m in mods):
                found.append(f"line {node.lineno}: imports {mods}")
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Name) \
                and node.func.id == "print":
            found.append(f"line {node.lineno}: print()")
    assert not found, f"{path.name}: " + "; ".join(found)


def test_the_checker_sees_a_violation(tmp_path):
    """The graph builder itself: an upward import inside a function is found."""
    source = "def f():\n    from .report import compare_event\n"
    path = tmp_path / "tokens.py"
    path.write_text(source, encoding="utf-8")
    assert _imports("analysis.tokens", path) == [("analysis.report", 2, ["compare_event"])]


def test_plotting_alone_imports_pyplot_and_widgets_alone_ipywidgets():
    for name, path in MODULES.items():
        text = path.read_text(encoding="utf-8")
        tree = ast.parse(text)
        mods = {a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names}
        mods |= {n.module for n in ast.walk(tree) if isinstance(n, ast.ImportFrom) and n.module}
        if "matplotlib.pyplot" in mods or any(
                isinstance(n, ast.ImportFrom) and n.module == "matplotlib"
                and any(a.name == "pyplot" for a in n.names) for n in ast.walk(tree)):
            assert name == "analysis.plotting", f"{name} imports matplotlib.pyplot"
        if any(m.startswith("ipywidgets") for m in mods):
            assert name == "analysis.widgets", f"{name} imports ipywidgets"


def _defined_twice(source: str) -> dict[str, list[int]]:
    """Module-level names bound more than once (by assignment, ``def`` or ``class``), with
    their lines: the later binding silently replaces the earlier one for every user."""
    lines: dict[str, list[int]] = {}
    for node in ast.parse(source).body:
        if isinstance(node, ast.Assign):
            names = [t.id for t in node.targets if isinstance(t, ast.Name)]
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            names = [node.target.id]
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            names = [node.name]
        else:
            names = []
        for name in names:
            lines.setdefault(name, []).append(node.lineno)
    return {name: found for name, found in lines.items() if len(found) > 1}


@pytest.mark.parametrize("name", sorted(MODULES))
def test_no_module_level_name_is_bound_twice(name):
    # a second `_LAST_WORD`, `_NP_STOPS` or `_DEMONSTRATIVES` further down quotes.py once
    # replaced the first for the rules written against it
    assert _defined_twice(MODULES[name].read_text(encoding="utf-8")) == {}


def test_the_twice_bound_checker_sees_a_rebinding():
    source = "_A = 1\ndef f():\n    _A = 3\n_B = 2\n_A = frozenset()\n"
    assert _defined_twice(source) == {"_A": [1, 5]}
