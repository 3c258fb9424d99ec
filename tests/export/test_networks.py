"""GraphML and GEXF: well-formed XML, scalar attributes, read back by networkx."""

from __future__ import annotations

import io

import networkx as nx
import pytest
from lxml import etree

from mzgraph.analytics.metrics import metrics_network
from mzgraph.export import render
from mzgraph.network import RELATIONS, to_networkx
from mzgraph.view.layout import positions
from mzgraph.view.render import TYPE_STYLE, node_size

READERS = {"graphml": nx.read_graphml, "gexf": nx.read_gexf}


@pytest.fixture(scope="module", params=["graphml", "gexf"])
def network_file(request, dev_graph):
    return request.param, render(dev_graph, request.param)[""]


def test_well_formed_xml(network_file):
    fmt, data = network_file
    root = etree.fromstring(data)
    assert etree.QName(root).localname == fmt


def test_read_back_with_entities_and_relations(network_file, dev_graph):
    fmt, data = network_file
    net = READERS[fmt](io.BytesIO(data))
    expected = to_networkx(dev_graph)
    assert net.number_of_nodes() == expected.number_of_nodes()
    assert net.number_of_edges() == expected.number_of_edges()
    for _, attrs in net.nodes(data=True):
        assert attrs["type"] in {"Agency", "Policy", "AdministrativeArea", "Program", "Target"}
        assert attrs["label"]
        assert {"degree", "betweenness", "community"} <= set(attrs)
        if attrs["type"] == "Target":
            assert isinstance(attrs["value"], float) and attrs["unit"]
        for key, v in attrs.items():
            assert key == "viz" or isinstance(v, str | int | float | bool)
    for _, _, attrs in net.edges(data=True):
        assert attrs["label"] in RELATIONS and attrs["relation"] == attrs["label"]


def test_edge_ids_are_unique(network_file):
    _, data = network_file
    root = etree.fromstring(data)
    ids = [e.get("id") for e in root.iter("{*}edge")]
    assert ids and len(ids) == len(set(ids))


def test_same_graph_same_bytes(network_file, dev_graph):
    fmt, data = network_file
    assert render(dev_graph, fmt)[""] == data
    assert b"lastmodifieddate" not in data


def test_gexf_opens_in_gephi_coloured_sized_and_laid_out_like_the_view(dev_graph):
    data = render(dev_graph, "gexf")[""]
    root = etree.fromstring(data)
    for block in root.iter("{*}attributes"):
        titles = [a.get("title") for a in block.iter("{*}attribute")]
        assert "networkx_key" not in titles and len(titles) == len(set(titles))
    assert b"networkx_key" not in data
    viz = "{http://www.gexf.net/1.2draft/viz}"
    net = metrics_network(dev_graph)
    layout = positions(net)
    nodes = list(root.iter("{http://www.gexf.net/1.2draft}node"))
    assert len(nodes) == net.number_of_nodes()
    for node in nodes:
        attrs = net.nodes[node.get("id")]
        colour = node.find(f"{viz}color")
        hex_colour = "#" + "".join(f"{int(colour.get(c)):02x}" for c in "rgb")
        assert hex_colour == TYPE_STYLE[attrs["type"]][1]
        assert float(node.find(f"{viz}size").get("value")) == node_size(attrs["degree"])
        x, y = layout[node.get("id")]
        position = node.find(f"{viz}position")
        assert (float(position.get("x")), float(position.get("y"))) == (x, -y)  # Gephi's y points up
    # networkx reads the viz module back, as Gephi's GEXF 1.2 reader does
    back = nx.read_gexf(io.BytesIO(data))
    assert all({"color", "size", "position"} <= set(a["viz"]) for _, a in back.nodes(data=True))
    # the types are told apart by colour
    assert len({n.find(f"{viz}color").get("r") + n.find(f"{viz}color").get("g") for n in nodes}) == 5
