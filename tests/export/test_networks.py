"""GraphML and GEXF: well-formed XML, scalar attributes, read back by networkx."""

from __future__ import annotations

import io

import networkx as nx
import pytest
from lxml import etree

from mzgraph.export import render
from mzgraph.network import to_networkx

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
        for v in attrs.values():
            assert isinstance(v, str | int | float | bool)
    relations = {"issuedBy", "partOf", "locatedIn", "hasTarget", "basedOn"}
    for _, _, attrs in net.edges(data=True):
        assert attrs["label"] in relations and attrs["relation"] == attrs["label"]


def test_edge_ids_are_unique(network_file):
    _, data = network_file
    root = etree.fromstring(data)
    ids = [e.get("id") for e in root.iter("{*}edge")]
    assert ids and len(ids) == len(set(ids))


def test_same_graph_same_bytes(network_file, dev_graph):
    fmt, data = network_file
    assert render(dev_graph, fmt)[""] == data
    assert b"lastmodifieddate" not in data
