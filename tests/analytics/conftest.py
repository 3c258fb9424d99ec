"""Fixtures of the analytics tests: a small graph of known shape (see ``fixture_graph``)."""

from __future__ import annotations

import pytest

from mzgraph.rdf import write_graph
from tests.analytics.fixture_graph import make_graph


@pytest.fixture(scope="session")
def small_graph():
    return make_graph()


@pytest.fixture(scope="session")
def small_graph_path(small_graph, tmp_path_factory):
    path = tmp_path_factory.mktemp("analytics") / "graph.ttl"
    write_graph(small_graph, path)
    return path
