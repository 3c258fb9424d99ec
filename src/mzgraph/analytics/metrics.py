"""Centrality and communities as node attributes of the entity network.

The view sizes nodes by ``degree``; GraphML/GEXF exports carry all three attributes so Gephi
users get them without recomputing. Communities are found by Louvain modularity
optimisation (igraph's ``community_multilevel``, C), seeded so the same network always gets
the same communities: near-linear in the edges. The greedy (Clauset-Newman-Moore) algorithm
used first took 77% of a 20,000-node view, networkx's pure-Python Louvain still 8.7 s of it;
igraph takes 0.1 s (``benchmarks/view_scale.py``). Betweenness (exports, frames, the report)
is Brandes' algorithm in igraph's C as well: networkx's took 32 s for a 200-pivot estimate at
20,000 nodes, igraph 0.19 s (and 0.4 s for the exact figure at 3,000 nodes). The view measures
its :class:`~mzgraph.network.EntityNetwork` without networkx.
"""

from __future__ import annotations

import random
from collections.abc import Iterable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import networkx as nx
    from rdflib import Graph

# exact betweenness is O(nodes × edges): 0.4 s at 3,000 nodes, 18.6 s at 20,000 (igraph, C);
# past this many nodes ``metrics_network`` estimates it from a seeded (deterministic) sample of
# pivots, precise enough to rank the most central entities
EXACT_BETWEENNESS_LIMIT = 2000
BETWEENNESS_SAMPLE = 200
LOUVAIN_SEED = 0


def communities(count: int, pairs: Iterable[tuple[int, int]]) -> list[list[int]]:
    """Louvain communities (igraph's multilevel algorithm) of the undirected graph on nodes
    ``0 … count-1`` with the edges ``pairs`` (each ``(i, j)`` with ``i <= j``, no repeats), the
    same in every process: igraph's random numbers come from a generator seeded with
    :data:`LOUVAIN_SEED` for each call, and the caller numbers the nodes in a fixed order.
    igraph's C implementation takes 0.1 s at 20,000 nodes where networkx's
    ``louvain_communities`` took 8.7 s (same modularity, 0.892), and the view waits for it.
    """
    edges = sorted(pairs)
    try:
        import igraph
    except ImportError:  # an environment installed before igraph was a dependency: slower, other communities
        import networkx as nx

        numbered = nx.Graph()
        numbered.add_nodes_from(range(count))
        numbered.add_edges_from(edges)
        return [sorted(c) for c in nx.community.louvain_communities(numbered, seed=LOUVAIN_SEED)]
    igraph.set_random_number_generator(random.Random(LOUVAIN_SEED))
    try:
        # igraph's C layer: what Graph(...).community_multilevel() runs, without the Python
        # Graph constructor, which imports numpy (110 ms, more than the algorithm takes)
        membership = igraph.GraphBase(count, edges, False).community_multilevel()
    finally:
        igraph.set_random_number_generator(random)  # igraph's default: Python's random module
    groups: dict[int, list[int]] = {}
    for node, group in enumerate(membership):
        groups.setdefault(group, []).append(node)
    return list(groups.values())


def simple_edges(links: Iterable[tuple[int, int]]) -> set[tuple[int, int]]:
    """The edges of the undirected simple graph of ``links`` (pairs of node numbers, either
    direction, repeats allowed): each pair once, the smaller number first; self-loops kept."""
    return {(a, b) if a <= b else (b, a) for a, b in links}


def degrees(count: int, edges: Iterable[tuple[int, int]]) -> list[int]:
    """Each of ``count`` nodes' degree in the simple graph ``edges`` (:func:`simple_edges`):
    its neighbours, a self-loop counting two, as in networkx."""
    degree = [0] * count
    for a, b in edges:
        degree[a] += 1
        degree[b] += 1
    return degree


def degree_and_community(nodes: list, links: Iterable[tuple[int, int]]) -> tuple[list[int], list[int]]:
    """Each node's degree and community number, for ``nodes`` (ids) joined by ``links`` (pairs of
    positions in ``nodes``, either direction, repeats allowed).

    Degree counts neighbours in the undirected simple graph (a self-loop counts two, as in
    networkx). Nodes are numbered in sorted order for Louvain; communities are numbered by
    size, then by their smallest member, so numbering is stable. Without any link every node
    is its own community, in sorted order.
    """
    count = len(nodes)
    number = _numbering(nodes)
    pairs = simple_edges((number[i], number[j]) for i, j in links)
    degree_by_number = degrees(count, pairs)
    groups = communities(count, pairs) if pairs else [[k] for k in range(count)]
    community_by_number = [0] * count
    for c, members in enumerate(sorted(groups, key=lambda g: (-len(g), min(g)))):
        for k in members:
            community_by_number[k] = c
    return [degree_by_number[number[i]] for i in range(count)], [community_by_number[number[i]] for i in range(count)]


def _numbering(nodes: list) -> list[int]:
    """Each node's position in sorted order: what the C algorithms number nodes by, so their
    results do not depend on the order a caller's graph lists its nodes in."""
    number = [0] * len(nodes)
    for k, i in enumerate(sorted(range(len(nodes)), key=nodes.__getitem__)):
        number[i] = k
    return number


def betweenness_centrality(nodes: list, links: Iterable[tuple[int, int]], *, sample: int | None = None) -> list[float]:
    """Each node's betweenness in the undirected simple graph on ``nodes`` joined by ``links``
    (pairs of positions, either direction), normalised to 0-1 as networkx's
    ``betweenness_centrality(normalized=True)``; estimated from ``sample`` pivots (a seeded
    choice among the nodes in sorted order, scaled as networkx scales its ``k`` estimate) when
    given and smaller than the graph."""
    count = len(nodes)
    number = _numbering(nodes)
    pairs = sorted((a, b) for a, b in simple_edges((number[i], number[j]) for i, j in links) if a != b)
    if count <= 2 or not pairs:
        return [0.0] * count
    pivots = sorted(random.Random(0).sample(range(count), sample)) if sample and sample < count else None
    try:
        import igraph
    except ImportError:  # an environment installed before igraph was a dependency: slower
        import networkx as nx

        simple = nx.Graph()
        simple.add_nodes_from(range(count))
        simple.add_edges_from(pairs)
        found = nx.betweenness_centrality(simple, k=len(pivots) if pivots else None, seed=0, normalized=True)
        return [float(found[number[i]]) for i in range(count)]
    # igraph counts each pair of ends once; networkx's normalisation counts both directions
    scale = 2 / ((count - 1) * (count - 2))
    if pivots is None:
        raw = igraph.GraphBase(count, pairs, False).betweenness(directed=False)
    else:
        raw = igraph.GraphBase(count, pairs, False).betweenness(directed=False, sources=pivots)
        scale *= count / len(pivots)
    return [raw[number[i]] * scale for i in range(count)]


def add_metrics(net, *, betweenness_sample: int | None = None, betweenness: bool = True):
    """Set ``degree``, ``betweenness`` and ``community`` on every node of ``net`` (in place):
    an :class:`~mzgraph.network.EntityNetwork` or a networkx graph.

    ``betweenness_sample`` approximates betweenness from that many pivot nodes (seeded,
    so still deterministic); use it for graphs of tens of thousands of nodes. With
    ``betweenness=False`` (the network view, which does not show it) it is not computed.
    """
    from mzgraph.network import EntityNetwork

    if isinstance(net, EntityNetwork):
        nodes, data = net.nodes, net.data
        links = [(e.source, e.target) for e in net.edges]
    else:
        nodes = list(net.nodes)
        data = [net.nodes[n] for n in nodes]
        index = {n: i for i, n in enumerate(nodes)}
        links = [(index[u], index[v]) for u, v in net.edges()]
    degree, community = degree_and_community(nodes, links)
    central = betweenness_centrality(nodes, links, sample=betweenness_sample) if betweenness else None
    for i, attrs in enumerate(data):
        attrs["degree"] = degree[i]
        if central is not None:
            attrs["betweenness"] = round(central[i], 6)
        attrs["community"] = community[i]
    return net


def metrics_network(graph: Graph | nx.MultiDiGraph) -> nx.MultiDiGraph:
    """The entity network of ``graph`` with ``degree``, ``betweenness`` and ``community`` set.

    A networkx graph that already carries them is returned as is (so they are computed once).
    """
    import networkx as nx

    from mzgraph.network import to_networkx

    net = graph if isinstance(graph, nx.MultiDiGraph) else to_networkx(graph)
    if net.number_of_nodes() and "degree" not in next(iter(net.nodes.values())):
        sample = BETWEENNESS_SAMPLE if net.number_of_nodes() > EXACT_BETWEENNESS_LIMIT else None
        add_metrics(net, betweenness_sample=sample)
    return net
