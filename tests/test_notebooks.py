"""Every notebook runs from top to bottom on a fresh kernel, and is stored without outputs."""

import json

import nbformat
import pytest
from nbclient import NotebookClient

from conftest import ROOT

NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.name for p in NOTEBOOKS])
def test_notebook_is_stored_without_outputs(path):
    nb = json.loads(path.read_text(encoding="utf-8"))
    for cell in nb["cells"]:
        if cell["cell_type"] == "code":
            assert cell.get("outputs") == [] and cell.get("execution_count") is None, (
                f"{path.name}: clear the outputs before committing"
            )


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.name for p in NOTEBOOKS])
def test_notebook_runs(path, tmp_path, monkeypatch):
    monkeypatch.setenv("OUTLET_LENS_OUT", str(tmp_path / "out"))
    monkeypatch.delenv("MPLBACKEND", raising=False)  # the kernel draws inline, as for users
    nb = nbformat.read(path, as_version=4)
    needs = nb.metadata.get("outlet_lens", {}).get("needs")
    if needs and not (ROOT / needs).exists():
        pytest.skip(f"{path.name} needs {needs}, which is not beside this clone")
    client = NotebookClient(nb, timeout=120, kernel_name="python3",
                            resources={"metadata": {"path": str(path.parent)}})
    client.execute()  # the per-cell timeout only guards against a hang; speed is in bench/
    outputs = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs]
    assert [o for o in outputs if o.output_type == "error"] == []
    charts = sum("image/png" in o.get("data", {}) for o in outputs)
    drawn = sum("plot_" in c.source and c.cell_type == "code" for c in nb.cells)
    assert charts >= drawn, f"{path.name}: {drawn} cells draw charts but {charts} rendered"
