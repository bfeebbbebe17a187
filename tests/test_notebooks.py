"""The notebooks run top to bottom (with small parameters)."""

import pathlib

import nbformat
import pytest
from nbclient import NotebookClient

NOTEBOOKS = pathlib.Path(__file__).resolve().parents[1] / "notebooks"


def run_notebook(name: str, parameters: str, tmp_path) -> nbformat.NotebookNode:
    """Executes a notebook with its ``parameters`` cell replaced; returns it executed."""
    notebook = nbformat.read(NOTEBOOKS / name, as_version=4)
    cell = next(c for c in notebook.cells if "parameters" in c.metadata.get("tags", []))
    cell.source = parameters
    NotebookClient(
        notebook,
        timeout=900,
        kernel_name="python3",
        resources={"metadata": {"path": str(tmp_path)}},
    ).execute()
    return notebook


def test_quickstart_notebook(tmp_path):
    notebook = run_notebook(
        "quickstart.ipynb", f'OUT = "{tmp_path}/qs"\nSIZE = 0.003\nSLICES = 2\nEPOCHS = 2', tmp_path
    )
    text = "".join(o.get("text", "") for c in notebook.cells for o in c.get("outputs", []))
    assert "int8 TFLM accuracy" in text and "macro acc" in text
    assert (tmp_path / "qs" / "run" / "best.keras").is_file()


@pytest.mark.mcu
def test_deploy_to_mcu_notebook(tmp_path):
    notebook = run_notebook(
        "deploy_to_mcu.ipynb",
        f'OUT = "{tmp_path}/dep"\nSIZE = 0.003\nSLICES = 2\nEPOCHS = 1\nBOARD = "mps2-an386"\n'
        "VECTORS = 4\nCLIPS = 2",
        tmp_path,
    )
    text = "".join(o.get("text", "") for c in notebook.cells for o in c.get("outputs", []))
    assert "bit-exact with TFLM: True" in text and "labels match: True" in text
    assert (tmp_path / "dep" / "firmware" / "model_settings.h").is_file()
