"""Node positions computed in Python, so big graphs need no physics simulation in the page.

Small graphs (up to ``SPRING_LIMIT`` nodes) get a seeded force-directed layout
(``networkx.spring_layout``); the page may refine it with a short, capped physics run.
Larger graphs get a layout that costs O(n log n) and no iteration: each community (from
``add_metrics``) is a disc, its nodes placed on a sunflower spiral in breadth-first order
from its best-connected node, so hubs sit in the middle with their neighbours around them;
the discs are packed in rows, largest first. Both are deterministic for a given network.
"""

from __future__ import annotations

import math
from collections import defaultdict, deque

import networkx as nx

SPRING_LIMIT = 500  # networkx's spring layout needs scipy above 500 nodes, and gets slow
SPACING = 28.0  # canvas units between neighbouring nodes in a disc
UNLINKED_SPACING = 260.0  # canvas units between entities with no relation (room for a long label)
_GOLDEN_ANGLE = math.pi * (3 - math.sqrt(5))


def _order(nodes: list[str], adj, degree: dict) -> list[str]:
    """Breadth-first from the best-connected node, neighbours by degree, then the leftovers."""
    members = set(nodes)
    rank = sorted(nodes, key=lambda n: (-degree.get(n, 0), n))
    seen: set[str] = set()
    order: list[str] = []
    for start in rank:
        if start in seen:
            continue
        seen.add(start)
        queue = deque([start])
        while queue:
            n = queue.popleft()
            order.append(n)
            nbrs = [m for m in adj[n] if m in members and m not in seen]
            nbrs.sort(key=lambda m: (-degree.get(m, 0), m))
            for m in nbrs:
                seen.add(m)
                queue.append(m)
    return order


def _undirected_adjacency(net: nx.Graph) -> dict:
    """Every node's neighbours, either way (no ``nx.Graph`` copy of the network: that copy was
    40% of the layout at 20,000 nodes)."""
    adj: dict = {n: set() for n in net}
    for u, v in net.edges():
        adj[u].add(v)
        adj[v].add(u)
    return adj


def community_discs(net: nx.Graph) -> dict[str, tuple[float, float]]:
    """Sunflower discs, one per community, packed in rows (largest first)."""
    adj = _undirected_adjacency(net)
    degree = {n: d["degree"] if "degree" in d else len(adj[n]) for n, d in net.nodes(data=True)}
    groups: dict = defaultdict(list)
    for n, d in net.nodes(data=True):
        groups[d.get("community", 0)].append(n)
    discs = []
    for key in sorted(groups, key=lambda c: (-len(groups[c]), str(c))):
        order = _order(groups[key], adj, degree)
        local = {}
        for k, n in enumerate(order):
            r = SPACING * math.sqrt(k + 0.5) if k else 0.0
            local[n] = (r * math.cos(k * _GOLDEN_ANGLE), r * math.sin(k * _GOLDEN_ANGLE))
        radius = SPACING * math.sqrt(len(order) + 0.5) + SPACING
        discs.append((radius, local))
    row_width = math.sqrt(sum((2 * r) ** 2 for r, _ in discs)) * 1.2
    pos: dict[str, tuple[float, float]] = {}
    x = y = row_height = 0.0
    for radius, local in discs:
        if x > 0 and x + 2 * radius > row_width:
            x, y, row_height = 0.0, y + row_height, 0.0
        cx, cy = x + radius, y + radius
        for n, (dx, dy) in local.items():
            pos[n] = (cx + dx, cy + dy)
        x += 2 * radius
        row_height = max(row_height, 2 * radius)
    return _centre(pos)


def spring(net: nx.Graph) -> dict[str, tuple[float, float]]:
    """A seeded force-directed layout, scaled to the page's canvas units; entities with no
    relation in a row beneath it (a force layout scatters them around the edges)."""
    simple = nx.Graph(net.to_undirected(as_view=True))
    linked = simple.subgraph([n for n in simple if simple.degree(n)])
    scale = SPACING * 3 * math.sqrt(max(len(linked), 1))
    raw = nx.spring_layout(linked, seed=0, iterations=60, scale=scale) if len(linked) else {}
    pos = _centre({n: (float(x), float(y)) for n, (x, y) in raw.items()})
    return {**pos, **unlinked_row(sorted(n for n in simple if not simple.degree(n)), pos)}


def unlinked_row(nodes: list[str], pos: dict[str, tuple[float, float]]) -> dict[str, tuple[float, float]]:
    """``nodes`` in rows below the drawing ``pos``, as wide as it, a label's width apart."""
    if not nodes:
        return {}
    xs = [p[0] for p in pos.values()] or [0.0]
    bottom = max((p[1] for p in pos.values()), default=0.0)
    width = max(max(xs) - min(xs), UNLINKED_SPACING)
    per_row = max(1, int(width // UNLINKED_SPACING) + 1)
    left = (min(xs) + max(xs)) / 2 - (min(per_row, len(nodes)) - 1) * UNLINKED_SPACING / 2
    return {
        n: (round(left + (k % per_row) * UNLINKED_SPACING), round(bottom + UNLINKED_SPACING * (2 + k // per_row) / 2))
        for k, n in enumerate(nodes)
    }


def _centre(pos: dict) -> dict[str, tuple[float, float]]:
    if not pos:
        return {}
    xs = [p[0] for p in pos.values()]
    ys = [p[1] for p in pos.values()]
    mx, my = (min(xs) + max(xs)) / 2, (min(ys) + max(ys)) / 2
    return {n: (round(x - mx), round(y - my)) for n, (x, y) in pos.items()}


def positions(net: nx.Graph) -> dict[str, tuple[float, float]]:
    """Positions for every node of ``net``, in whole canvas units (stable output, small pages)."""
    if 0 < net.number_of_nodes() <= SPRING_LIMIT:
        try:
            return spring(net)
        except ImportError:  # numpy missing: fall through to the pure-Python layout
            pass
    return community_discs(net)
