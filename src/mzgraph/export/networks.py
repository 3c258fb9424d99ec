"""GraphML and GEXF: the entity network for Gephi, Cytoscape and networkx users.

The network is ``mzgraph.network.to_networkx`` (entities as nodes, their relations as
edges) with the degree, betweenness and community that ``mzgraph.analytics.add_metrics``
sets, as ``metrics_network`` calls it (betweenness estimated from a seeded sample of pivots
on large networks): the same numbers ``mzgraph stats`` reports. Both formats only hold
scalar attribute values: lists (alternative names, sentences, documents) are joined with
`` | ``, missing values are left out. Each edge has ``label`` = the relation (issuedBy,
partOf, locatedIn, hasTarget, basedOn), which Gephi shows as the edge label.

GEXF also carries Gephi's ``viz`` module: each node's colour (its type's, as in the network
view), size (from its degree, as in the view) and position (the view's layout, y pointing up),
so the file opens in Gephi looking like ``graph.html`` before any layout is run.
"""

from __future__ import annotations

import io
import re

import networkx as nx
from networkx.readwrite.gexf import GEXFWriter
from rdflib import Graph

from mzgraph.analytics.metrics import metrics_network
from mzgraph.view.layout import positions
from mzgraph.view.render import OTHER_STYLE, TYPE_STYLE, node_size

LIST_SEPARATOR = " | "
# Characters XML 1.0 cannot hold, even escaped; scraped text does carry some (form feeds,
# vertical tabs, escape codes). lxml refuses them and ElementTree writes a file no one can read.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _scalar(value):
    if isinstance(value, list | tuple | set):
        value = LIST_SEPARATOR.join(str(v) for v in value)
    if isinstance(value, str):
        return _NOT_XML.sub("\ufffd", value)
    return value


def _scalars(attrs: dict) -> dict:
    return {k: _scalar(v) for k, v in attrs.items() if v is not None and v != []}


def entity_network(graph: Graph) -> nx.MultiDiGraph:
    """The entity network with metrics, every attribute a GraphML/GEXF-legal scalar."""
    net = metrics_network(graph)
    out = nx.MultiDiGraph()
    for node, attrs in net.nodes(data=True):
        out.add_node(node, **_scalars(attrs))
    # edge ids must be unique in the file (Gephi drops an edge whose id it has seen), and the
    # relation is not unique between two nodes' several edges, so number them
    for i, (u, v, key, attrs) in enumerate(net.edges(keys=True, data=True)):
        out.add_edge(u, v, key=f"e{i}", **{"label": attrs.get("relation", key), **_scalars(attrs)})
    return out


def graphml(graph: Graph) -> bytes:
    buf = io.BytesIO()
    nx.write_graphml(entity_network(graph), buf, encoding="utf-8", prettyprint=True)
    return buf.getvalue()


def _with_viz(net: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """``net`` with a GEXF ``viz`` entry on every node: colour, size and position as the view draws them."""
    out = net.copy()
    pos = positions(net)
    for node, attrs in out.nodes(data=True):
        colour = TYPE_STYLE[attrs["type"]][1] if attrs.get("type") in TYPE_STYLE else OTHER_STYLE[0]
        x, y = pos[node]
        attrs["viz"] = {
            "color": {"r": int(colour[1:3], 16), "g": int(colour[3:5], 16), "b": int(colour[5:7], 16), "a": 1.0},
            "size": node_size(int(attrs.get("degree", 0))),
            "position": {"x": float(x), "y": float(-y), "z": 0.0},
        }
    return out


def _drop_edge_attribute(writer: GEXFWriter, title: str) -> None:
    """Remove an edge attribute networkx declares on its own (``networkx_key``: the multigraph
    key, which here only repeats the edge's position) with every value of it."""
    graph = writer.xml.find("graph")
    for block in graph.findall("attributes"):
        if block.get("class") != "edge":
            continue
        for attribute in block.findall("attribute"):
            if attribute.get("title") == title:
                block.remove(attribute)
                for values in graph.iterfind("edges/edge/attvalues"):
                    for value in values.findall("attvalue"):
                        if value.get("for") == attribute.get("id"):
                            values.remove(value)


def gexf(graph: Graph) -> bytes:
    writer = GEXFWriter(encoding="utf-8", prettyprint=True)
    writer.add_graph(_with_viz(entity_network(graph)))
    _drop_edge_attribute(writer, "networkx_key")
    # networkx stamps today's date and its own version: same graph, different bytes
    meta = writer.xml.find("meta")
    if meta is not None:
        meta.attrib.pop("lastmodifieddate", None)
        creator = meta.find("creator")
        if creator is not None:
            creator.text = "mzgraph"
    buf = io.BytesIO()
    writer.write(buf)
    return buf.getvalue()
