"""pyproject.toml and environment.yml name the same dependencies."""

import re
import tomllib

import yaml

from conftest import ROOT


def _name_and_spec(requirement: str) -> tuple[str, str]:
    match = re.fullmatch(r"\s*([A-Za-z0-9_.-]+)(?:\[[^\]]*\])?\s*(.*?)\s*", requirement)
    return match.group(1).lower().replace("_", "-"), match.group(2).replace(" ", "")


def test_environment_yml_matches_pyproject():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    wanted = dict(map(_name_and_spec, project["dependencies"] + project["optional-dependencies"]
                      ["dev"]))
    env = yaml.safe_load((ROOT / "environment.yml").read_text())
    conda = dict(_name_and_spec(d) for d in env["dependencies"] if isinstance(d, str))
    pip_section = next(d["pip"] for d in env["dependencies"] if isinstance(d, dict))
    conda.update(_name_and_spec(d) for d in pip_section if not d.startswith("-"))
    assert conda.pop("python") == ">=3.11" == project["requires-python"]
    assert conda.pop("pip") == ""
    # pip's dask[distributed] extra is a package of its own on conda-forge
    assert conda.pop("distributed") == wanted["dask"]
    assert conda == wanted
    assert env["channels"] == ["conda-forge"]


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
