"""pyproject.toml and the conda environment files name the same dependencies, and the
README's first commands are the ones CI runs."""

import re
import tomllib

import yaml

from conftest import ROOT

#: PyPI name -> conda-forge name, where they differ (after lower-casing). Names not listed
#: are the same on both.
CONDA_NAMES = {
    "lxml-html-clean": "lxml-html-clean",  # PyPI also spells it lxml_html_clean
    "build": "python-build",
    "vadersentiment": "vadersentiment",
}
#: PyPI requirement -> the conda packages that provide it.
CONDA_SPLITS = {"dask": ["dask", "distributed"]}  # pip's dask[distributed] extra


def _pypi(requirement: str) -> tuple[str, str]:
    match = re.fullmatch(r"\s*([A-Za-z0-9_.-]+)(?:\[[^\]]*\])?\s*(.*?)\s*", requirement)
    # PyPI treats runs of -, _ and . alike (PEP 503)
    return re.sub(r"[-_.]+", "-", match.group(1).lower()), match.group(2).replace(" ", "")


def _conda(spec: str) -> tuple[str, str]:
    match = re.fullmatch(r"\s*([A-Za-z0-9_.-]+)\s*(.*?)\s*", spec)
    return match.group(1), match.group(2).replace(" ", "")


def _as_conda(requirements: list[str]) -> dict[str, str]:
    out = {}
    for req in requirements:
        name, spec = _pypi(req)
        for conda_name in CONDA_SPLITS.get(name, [CONDA_NAMES.get(name, name)]):
            out[conda_name] = spec
    return out


def _environment(name: str) -> tuple[dict[str, str], dict[str, str], list[str]]:
    env = yaml.safe_load((ROOT / name).read_text())
    assert env["channels"] == ["conda-forge"]
    conda = dict(_conda(d) for d in env["dependencies"] if isinstance(d, str))
    pip_section = next((d["pip"] for d in env["dependencies"] if isinstance(d, dict)), [])
    pip = dict(_pypi(d) for d in pip_section if not d.startswith("-"))
    return conda, pip, [d for d in pip_section if d.startswith("-")]


def test_conda_names_are_conda_forge_names():
    """conda-forge spells package names with dashes: lxml_html_clean would not resolve."""
    for name in ("environment.yml", "environment-dev.yml"):
        conda, _, _ = _environment(name)
        assert not [n for n in conda if "_" in n or n != n.lower()], name


def test_environment_yml_matches_the_run_dependencies():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    conda, pip, options = _environment("environment.yml")
    assert conda.pop("python") == ">=3.11" == project["requires-python"]
    assert conda.pop("pip") == ""
    wanted = _as_conda(project["dependencies"])
    # nltk comes from PyPI: conda-forge's nltk stops at 3.9.x and the kit needs 3.10
    assert pip == {"nltk": wanted.pop("nltk")}
    assert conda == wanted
    assert options == ["--editable ."]


def test_environment_dev_yml_matches_the_dev_extra():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    conda, pip, _ = _environment("environment-dev.yml")
    assert conda.pop("pip") == ""
    wanted = _as_conda(project["optional-dependencies"]["dev"])
    assert pip == {"playwright": wanted.pop("playwright")}  # not on conda-forge's noarch
    assert conda == wanted


def test_the_name_mapping_is_used():
    assert _as_conda(["lxml_html_clean>=0.4"]) == {"lxml-html-clean": ">=0.4"}
    assert _as_conda(["dask[dataframe,distributed]>=2024.1"]) == {
        "dask": ">=2024.1", "distributed": ">=2024.1"}
    assert _as_conda(["build>=1.2"]) == {"python-build": ">=1.2"}


def test_ci_runs_the_readme_test_command():
    assert "make test" in (ROOT / ".ci" / "run").read_text()
    readme = (ROOT / "README.md").read_text()
    first_block = readme.split("```")[1]
    assert "make demo" in first_block and "make test" in first_block


def test_every_public_name_resolves_and_import_stays_light():
    import subprocess
    import sys

    code = ("import sys, analysis; heavy = {'trafilatura', 'ipywidgets', 'matplotlib.pyplot'}"
            " & set(sys.modules); print(sorted(heavy))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout
    assert out.strip() == "[]"
    import analysis

    for name in analysis.__all__:
        assert getattr(analysis, name) is not None
