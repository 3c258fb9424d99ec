"""nodes.csv and edges.csv for spreadsheets."""

from __future__ import annotations

import csv
import io

from mzgraph.export import render
from mzgraph.export.tables import EDGE_COLUMNS, NODE_COLUMNS
from mzgraph.network import RELATIONS, to_networkx


def _rows(data: bytes) -> list[dict]:
    assert data.startswith(b"\xef\xbb\xbf"), "no UTF-8 byte-order mark: Excel would garble Chinese"
    return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline="")))


def test_nodes_and_edges(dev_graph):
    files = render(dev_graph, "csv")
    assert set(files) == {"nodes.csv", "edges.csv"}
    net = to_networkx(dev_graph)
    nodes, edges = _rows(files["nodes.csv"]), _rows(files["edges.csv"])
    assert tuple(nodes[0]) == NODE_COLUMNS and tuple(edges[0]) == EDGE_COLUMNS
    assert len(nodes) == net.number_of_nodes() and len(edges) == net.number_of_edges()
    labels = {r["id"]: r["label"] for r in nodes}
    targets = [r for r in nodes if r["type"] == "Target"]
    assert targets and all(r["value"] and r["unit"] for r in targets)
    assert all("e" not in r["value"] and not r["value"].endswith(".0") for r in targets)  # as in the graph
    for e in edges:
        assert labels[e["source"]] == e["source_label"] and labels[e["target"]] == e["target_label"]
        assert e["relation"] in RELATIONS
    assert any(e["sentence"] for e in edges)
    assert files["nodes.csv"].count(b"\r\n") >= len(nodes)


def test_pandas_reads_chinese_back(dev_graph):
    import pandas as pd

    df = pd.read_csv(io.BytesIO(render(dev_graph, "csv")["nodes.csv"]), encoding="utf-8-sig", dtype=str)
    assert list(df.columns) == list(NODE_COLUMNS)
    assert df["label"].str.contains("[\u4e00-\u9fff]").any()


def test_degree_is_the_metrics_degree(dev_graph):
    from mzgraph.analytics import add_metrics

    net = add_metrics(to_networkx(dev_graph))
    nodes = _rows(render(dev_graph, "csv")["nodes.csv"])
    assert {r["id"]: int(r["degree"]) for r in nodes} == {n: a["degree"] for n, a in net.nodes(data=True)}
