"""JSON-LD: the shipped context, inline, and nothing fetched to read or write it."""

from __future__ import annotations

import json
import socket
import urllib.request

import pytest
from rdflib import Graph
from rdflib.compare import isomorphic

from mzgraph.export import render
from mzgraph.export.jsonld import CONTEXT_FILE, context


@pytest.fixture
def no_network(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("network access attempted")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(urllib.request, "urlopen", refuse)


def test_context_is_shipped_with_the_project_prefixes():
    assert CONTEXT_FILE.is_file()
    ctx = context()
    for prefix in ("mz", "mzr", "nif", "itsrdf", "rdfs", "skos", "dcterms", "prov", "xsd"):
        assert prefix in ctx, prefix
    assert ctx["label"] == {"@id": "rdfs:label", "@language": "zh"}


def test_written_and_read_back_without_network(dev_graph, no_network):
    data = render(dev_graph, "jsonld")[""]
    doc = json.loads(data)
    assert doc["@context"] == context()  # inline, not a URL to fetch
    back = Graph().parse(data=data, format="json-ld")
    assert isomorphic(back, dev_graph)


def test_compact_terms_are_used(dev_graph):
    doc = json.loads(render(dev_graph, "jsonld")[""])
    targets = [n for n in doc["@graph"] if n.get("@type") == "mz:Target"]
    assert targets and all("label" in n and "value" in n for n in targets)
    ids = [n["@id"] for n in doc["@graph"]]
    assert ids == sorted(ids)


def test_with_ontology_keeps_rdf_lists(dev_graph, no_network):
    from mzgraph.validate import ontology_graph

    onto = ontology_graph()
    data = render(dev_graph, "jsonld", ontology=onto)[""]
    back = Graph().parse(data=data, format="json-ld")
    expected = Graph()
    for triple in set(dev_graph) | set(onto):
        expected.add(triple)
    assert isomorphic(back, expected)
    assert data == render(dev_graph, "jsonld", ontology=ontology_graph())[""]


def test_chinese_labels_compact_to_plain_strings(dev_graph):
    doc = json.loads(render(dev_graph, "jsonld")[""])
    agencies = [n for n in doc["@graph"] if n.get("@type") == "mz:Agency"]
    assert agencies and all(isinstance(n["label"], str) for n in agencies)
    assert list(agencies[0])[:2] == ["@id", "@type"]
