"""CSV for spreadsheets: ``nodes.csv`` (one row per entity) and ``edges.csv`` (one row per
relation), UTF-8 with a byte-order mark so Excel shows Chinese correctly, RFC 4180 quoting
and CRLF line ends. Several values in one cell (other names, sentences) are joined with
`` | ``. Rows follow the entity network's order (type, then IRI), so output is stable.
A cell that a spreadsheet would run as a formula gets a leading ``'`` (see
:mod:`mzgraph.spreadsheet`) unless the caller keeps formulas.
"""

from __future__ import annotations

import csv
import io

import networkx as nx
from rdflib import Graph, URIRef

from mzgraph.network import to_networkx
from mzgraph.rdf.namespaces import MZ
from mzgraph.spreadsheet import neutralise_formula

NODE_COLUMNS = ("id", "type", "label", "other_names", "value", "unit", "indicator", "division_code", "degree")
EDGE_COLUMNS = ("source", "source_label", "relation", "target", "target_label", "sentence")
SEPARATOR = " | "
ENCODING = "utf-8-sig"  # the BOM tells Excel the file is UTF-8


def _csv(columns: tuple[str, ...], rows: list[dict], *, keep_formulas: bool) -> bytes:
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=columns, lineterminator="\r\n")
    writer.writeheader()
    if not keep_formulas:
        rows = [{k: neutralise_formula(v) if isinstance(v, str) else v for k, v in row.items()} for row in rows]
    writer.writerows(rows)
    return buf.getvalue().encode(ENCODING)


def tables(graph: Graph, *, keep_formulas: bool = False) -> dict[str, bytes]:
    """``{"nodes.csv": bytes, "edges.csv": bytes}`` for ``graph``'s entity network."""
    net = to_networkx(graph)
    # degree as add_metrics counts it (neighbours in the undirected simple graph), without
    # the betweenness and communities a spreadsheet does not show
    degree = dict(nx.Graph(net.to_undirected(as_view=True)).degree())
    nodes = []
    for node, a in net.nodes(data=True):
        # the value as written in the graph (209800, not the network's float 209800.0)
        value = graph.value(URIRef(node), MZ.value)
        nodes.append(
            {
                "id": node,
                "type": a.get("type", ""),
                "label": a.get("label", ""),
                "other_names": SEPARATOR.join(a.get("alt_labels", [])),
                "value": str(value) if value is not None else "",
                "unit": a.get("unit", ""),
                "indicator": a.get("indicator", ""),
                "division_code": a.get("division_code", ""),
                "degree": degree.get(node, 0),
            }
        )
    edges = []
    for u, v, a in net.edges(data=True):
        edges.append(
            {
                "source": u,
                "source_label": net.nodes[u].get("label", ""),
                "relation": a.get("relation", ""),
                "target": v,
                "target_label": net.nodes[v].get("label", ""),
                "sentence": SEPARATOR.join(a.get("sentences", [])),
            }
        )
    return {
        "nodes.csv": _csv(NODE_COLUMNS, nodes, keep_formulas=keep_formulas),
        "edges.csv": _csv(EDGE_COLUMNS, edges, keep_formulas=keep_formulas),
    }
