"""Centrality and communities of the entity network as pandas DataFrames, for notebooks.

The numbers come from ``mzgraph.analytics.metrics.add_metrics``, which the view and the
GraphML/GEXF exports use too, so a notebook, a Gephi session and the HTML view agree (exactly
up to 500 entities; past that betweenness here is estimated from 200 seeded pivots).

>>> from mzgraph.rdf import load_graph                       # doctest: +SKIP
>>> centrality(load_graph("output/graph.ttl")).head()          # doctest: +SKIP
"""

from __future__ import annotations

from collections import Counter

import networkx as nx
import pandas as pd
from rdflib import Graph

from mzgraph.analytics.metrics import metrics_network

CENTRALITY_COLUMNS = ["iri", "label", "type", "degree", "betweenness", "community"]
COMMUNITY_COLUMNS = ["community", "size", "central", "types", "labels"]


def centrality(graph: Graph | nx.MultiDiGraph) -> pd.DataFrame:
    """One row per entity: ``iri, label, type, degree, betweenness, community``, most central first.

    ``degree`` counts distinct neighbours; ``betweenness`` is normalised to 0..1 (estimated from
    a seeded sample of pivots above ``EXACT_BETWEENNESS_LIMIT`` nodes).
    """
    net = metrics_network(graph)
    rows = [
        {
            "iri": n,
            "label": d["label"],
            "type": d["type"],
            "degree": int(d["degree"]),
            "betweenness": float(d["betweenness"]),
            "community": int(d["community"]),
        }
        for n, d in net.nodes(data=True)
    ]
    rows.sort(key=lambda r: (-r["degree"], -r["betweenness"], r["label"], r["iri"]))
    return pd.DataFrame(rows, columns=CENTRALITY_COLUMNS)


def communities(graph: Graph | nx.MultiDiGraph) -> pd.DataFrame:
    """One row per community (Louvain modularity, networkx, seeded), largest first.

    ``central`` is the label of its most central member, ``types`` counts members by type
    (``"Program:3, Target:2"``), ``labels`` lists members from most to least central.
    """
    table = centrality(graph)
    rows = []
    for cid, members in table.groupby("community", sort=True):
        types = Counter(members["type"])
        rows.append(
            {
                "community": int(cid),
                "size": len(members),
                "central": members["label"].iloc[0],
                "types": ", ".join(f"{t}:{n}" for t, n in sorted(types.items(), key=lambda kv: (-kv[1], kv[0]))),
                "labels": list(members["label"]),
            }
        )
    rows.sort(key=lambda r: (-r["size"], r["community"]))
    return pd.DataFrame(rows, columns=COMMUNITY_COLUMNS)
