"""The example notebook runs from top to bottom on the development report's graph."""

from __future__ import annotations

import shutil

import nbformat
from nbclient import NotebookClient

from tests.conftest import ROOT


def test_example_notebook_executes(tmp_path, dev_graph_path):
    (tmp_path / "examples").mkdir()
    (tmp_path / "output").mkdir()
    shutil.copy(dev_graph_path, tmp_path / "output" / "graph.ttl")
    nb = nbformat.read(ROOT / "examples" / "query.ipynb", as_version=4)
    NotebookClient(
        nb, kernel_name="python3", timeout=120, resources={"metadata": {"path": str(tmp_path / "examples")}}
    ).execute()
    outputs = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    text = "\n".join(o.get("data", {}).get("text/plain", "") for o in outputs)
    assert "<KnowledgeGraph from ../output/graph.ttl" in text
    assert "新余市 (AdministrativeArea" in text
