"""Centrality and communities as DataFrames for notebooks."""

from __future__ import annotations

import networkx as nx

from mzgraph.analytics import centrality, communities
from mzgraph.analytics.frames import CENTRALITY_COLUMNS, COMMUNITY_COLUMNS
from mzgraph.network import to_networkx


def test_centrality_agrees_with_networkx(small_graph):
    df = centrality(small_graph)
    assert list(df.columns) == CENTRALITY_COLUMNS and len(df) == 15
    simple = nx.Graph(to_networkx(small_graph).to_undirected())
    between = nx.betweenness_centrality(simple)
    for row in df.itertuples():
        assert row.degree == simple.degree(row.iri)
        assert abs(row.betweenness - between[row.iri]) < 1e-6
    # most central first
    assert list(df["degree"]) == sorted(df["degree"], reverse=True)
    # 新余市: its agency, its program, the program's figure, the figure stated there, the province
    assert (df["label"].iloc[0], df["degree"].iloc[0]) == ("新余市", 5)
    top = df[df["degree"] == 4]
    assert list(top["label"]) == ["江西省", "江西省民政厅", "上饶市"]
    assert list(top["betweenness"]) == sorted(top["betweenness"], reverse=True)  # ties broken by bridging


def test_communities_partition_the_entities(small_graph):
    table = centrality(small_graph)
    df = communities(small_graph)
    assert list(df.columns) == COMMUNITY_COLUMNS
    assert df["size"].sum() == len(table)
    members = [label for labels in df["labels"] for label in labels]
    assert sorted(members) == sorted(table["label"])
    for row in df.itertuples():
        assert row.size == len(row.labels) == (table["community"] == row.community).sum()
        assert row.central == row.labels[0]
    assert list(df["size"]) == sorted(df["size"], reverse=True)


def test_same_graph_same_frames(small_graph):
    assert centrality(small_graph).equals(centrality(small_graph))
    assert communities(small_graph).equals(communities(small_graph))


def test_notebook_api_gives_the_same_frames(small_graph_path, small_graph):
    from mzgraph.kg import load

    for engine in ("oxigraph", "rdflib"):
        kg = load(small_graph_path, engine=engine)
        assert kg.centrality().equals(centrality(small_graph)), engine
        assert kg.communities().equals(communities(small_graph)), engine
