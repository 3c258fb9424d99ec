"""Centrality and communities as node attributes of the entity network.

The view sizes nodes by ``degree``; GraphML/GEXF exports carry all three attributes so Gephi
users get them without recomputing. Communities are found by Louvain modularity
optimisation (igraph's ``community_multilevel``, C), seeded so the same network always gets
the same communities: near-linear in the edges. The greedy (Clauset-Newman-Moore) algorithm
used first took 77% of a 20,000-node view, networkx's pure-Python Louvain still 8.7 s of it;
igraph takes 0.5 s (``benchmarks/view_scale.py``).
"""

from __future__ import annotations

import random

import networkx as nx
from rdflib import Graph

# exact betweenness is O(nodes × edges), seconds at a few hundred nodes on a small machine;
# past this many nodes ``metrics_network`` estimates it from a seeded (deterministic) sample of
# pivots, precise enough to rank the most central entities
EXACT_BETWEENNESS_LIMIT = 500
BETWEENNESS_SAMPLE = 200
LOUVAIN_SEED = 0


def louvain(simple: nx.Graph) -> list[set]:
    """Louvain communities of ``simple`` (igraph's multilevel algorithm), the same in every process.

    Nodes are numbered in sorted order and igraph's random numbers come from a generator
    seeded with :data:`LOUVAIN_SEED` for each call, so the same network always gets the same
    communities. igraph's C implementation takes 0.5 s at 20,000 nodes where networkx's
    ``louvain_communities`` took 8.7 s (same modularity, 0.892), and the view waits for it.
    """
    names = sorted(simple.nodes)
    number = {n: i for i, n in enumerate(names)}
    edges = sorted((min(number[u], number[v]), max(number[u], number[v])) for u, v in simple.edges)
    try:
        import igraph
    except ImportError:  # an environment installed before igraph was a dependency: slower, other communities
        numbered = nx.Graph()
        numbered.add_nodes_from(range(len(names)))
        numbered.add_edges_from(edges)
        return [{names[i] for i in c} for c in nx.community.louvain_communities(numbered, seed=LOUVAIN_SEED)]
    igraph.set_random_number_generator(random.Random(LOUVAIN_SEED))
    try:
        groups = igraph.Graph(n=len(names), edges=edges).community_multilevel()
    finally:
        igraph.set_random_number_generator(random)  # igraph's default: Python's random module
    return [{names[i] for i in group} for group in groups]


def add_metrics(
    net: nx.MultiDiGraph, *, betweenness_sample: int | None = None, betweenness: bool = True
) -> nx.MultiDiGraph:
    """Set ``degree``, ``betweenness`` and ``community`` on every node of ``net`` (in place).

    ``betweenness_sample`` approximates betweenness from that many pivot nodes (seeded,
    so still deterministic); use it for graphs of tens of thousands of nodes. With
    ``betweenness=False`` (the network view, which does not show it) it is not computed.
    """
    simple = nx.Graph()
    simple.add_nodes_from(net)
    simple.add_edges_from(net.edges())  # undirected, parallel edges merged (as nx.Graph(net) would)
    degree = dict(simple.degree())
    k = betweenness_sample if betweenness_sample and betweenness_sample < len(simple) else None
    central = nx.betweenness_centrality(simple, k=k, seed=0 if k else None, normalized=True) if betweenness else {}
    community: dict[str, int] = {}
    if simple.number_of_edges():
        groups = louvain(simple)
        # number communities by size, then by their smallest member, so numbering is stable
        ordered = sorted(groups, key=lambda c: (-len(c), min(c)))
        for i, members in enumerate(ordered):
            for n in members:
                community[n] = i
    next_id = max(community.values(), default=-1) + 1
    for n in sorted(simple.nodes):
        if n not in community:
            community[n] = next_id
            next_id += 1
    for n in net.nodes:
        net.nodes[n]["degree"] = degree.get(n, 0)
        if betweenness:
            net.nodes[n]["betweenness"] = round(float(central.get(n, 0.0)), 6)
        net.nodes[n]["community"] = community[n]
    return net


def metrics_network(graph: Graph | nx.MultiDiGraph) -> nx.MultiDiGraph:
    """The entity network of ``graph`` with ``degree``, ``betweenness`` and ``community`` set.

    A networkx graph that already carries them is returned as is (so they are computed once).
    """
    from mzgraph.network import to_networkx

    net = graph if isinstance(graph, nx.MultiDiGraph) else to_networkx(graph)
    if net.number_of_nodes() and "degree" not in next(iter(net.nodes.values())):
        sample = BETWEENNESS_SAMPLE if net.number_of_nodes() > EXACT_BETWEENNESS_LIMIT else None
        add_metrics(net, betweenness_sample=sample)
    return net
