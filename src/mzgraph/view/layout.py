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
from collections import defaultdict
from typing import TYPE_CHECKING

from mzgraph.network import EntityNetwork

if TYPE_CHECKING:
    import networkx as nx

SPRING_LIMIT = 500  # networkx's spring layout needs scipy above 500 nodes, and gets slow
SPACING = 28.0  # canvas units between neighbouring nodes in a disc
UNLINKED_SPACING = 260.0  # canvas units between entities with no relation (room for a long label)
_GOLDEN_ANGLE = math.pi * (3 - math.sqrt(5))


def _order(members: list[int], adj: list[list[int]], community: list, own) -> list[int]:
    """Breadth-first from the best-connected node, neighbours by degree, then the leftovers.

    ``members`` and every ``adj`` list come ranked (best connected first, then by name), so
    nothing is sorted here: one pass over the community's nodes and their links."""
    seen: set[int] = set()
    order: list[int] = []
    for start in members:
        if start in seen:
            continue
        seen.add(start)
        queue = [start]
        for n in queue:  # the list grows as it is walked: a queue without a deque
            for m in adj[n]:
                if m not in seen and community[m] == own:
                    seen.add(m)
                    queue.append(m)
        order.extend(queue)
    return order


def community_discs(net: EntityNetwork) -> list[tuple[float, float]]:
    """Sunflower discs, one per community, packed in rows (largest first); a position per node."""
    neighbours = net.neighbours()
    count = len(net.nodes)
    minus_degree = [-d["degree"] if "degree" in d else -len(neighbours[i]) for i, d in enumerate(net.data)]
    by_name = sorted(range(count), key=net.nodes.__getitem__)
    ranking = sorted(by_name, key=minus_degree.__getitem__)  # best connected first, then (a stable sort) by name
    adj: list[list[int]] = [[] for _ in range(count)]
    for i in ranking:  # each node's neighbours land in ranking order: nothing to sort per node
        for n in neighbours[i]:
            adj[n].append(i)
    community = [d.get("community", 0) for d in net.data]
    groups: dict = defaultdict(list)
    for i in ranking:
        groups[community[i]].append(i)
    spiral = _sunflower(max((len(g) for g in groups.values()), default=0))
    discs = []
    for key in sorted(groups, key=lambda c: (-len(groups[c]), str(c))):
        order = _order(groups[key], adj, community, key)
        radius = SPACING * math.sqrt(len(order) + 0.5) + SPACING
        discs.append((radius, order))
    row_width = math.sqrt(sum((2 * r) ** 2 for r, _ in discs)) * 1.2
    pos: list[tuple[float, float]] = [(0.0, 0.0)] * len(net.nodes)
    x = y = row_height = 0.0
    for radius, order in discs:
        if x > 0 and x + 2 * radius > row_width:
            x, y, row_height = 0.0, y + row_height, 0.0
        cx, cy = x + radius, y + radius
        for n, (dx, dy) in zip(order, spiral, strict=False):
            pos[n] = (cx + dx, cy + dy)
        x += 2 * radius
        row_height = max(row_height, 2 * radius)
    return _centre_list(pos)


def _sunflower(count: int) -> list[tuple[float, float]]:
    """The first ``count`` points of the sunflower spiral every disc uses (computed once, not
    once a disc)."""
    points = [(0.0, 0.0)] if count else []
    for k in range(1, count):
        r = SPACING * math.sqrt(k + 0.5)
        points.append((r * math.cos(k * _GOLDEN_ANGLE), r * math.sin(k * _GOLDEN_ANGLE)))
    return points


def spring(net: nx.Graph) -> dict[str, tuple[float, float]]:
    """A seeded force-directed layout, scaled to the page's canvas units; entities with no
    relation in a row beneath it (a force layout scatters them around the edges)."""
    import networkx as nx

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
    return dict(zip(pos, _centre_list(list(pos.values())), strict=False))


def _centre_list(pos: list[tuple[float, float]]) -> list[tuple[float, float]]:
    if not pos:
        return []
    xs = [p[0] for p in pos]
    ys = [p[1] for p in pos]
    mx, my = (min(xs) + max(xs)) / 2, (min(ys) + max(ys)) / 2
    return [(round(x - mx), round(y - my)) for x, y in pos]


def positions(net: EntityNetwork | nx.Graph) -> dict[str, tuple[float, float]]:
    """Positions for every node of ``net``, in whole canvas units (stable output, small pages)."""
    if 0 < net.number_of_nodes() <= SPRING_LIMIT:
        try:
            return spring(net.to_networkx() if isinstance(net, EntityNetwork) else net)
        except ImportError:  # numpy missing: fall through to the pure-Python layout
            pass
    if not isinstance(net, EntityNetwork):
        net = EntityNetwork.from_networkx(net)
    return dict(zip(net.nodes, community_discs(net), strict=False))
