"""What a view draws: the entity network of a graph, cut down by focus, type or query.

The network comes from ``mzgraph.network`` (entities only: mentions, sentences and
statements become node and edge attributes, so they are never drawn), straight from a graph
file's quads when the view is of a file, and gets its ``degree`` and ``community`` from
``mzgraph.analytics.add_metrics``. It is an :class:`~mzgraph.network.EntityNetwork`: plain
lists, no networkx, so a 20,000-entity view spends its time on the graph, not on imports and
graph objects. Cuts are applied in a fixed order: query, then focus (ego view), then types,
so ``--focus`` may reach a node through a type that ``--type`` then hides; the focus nodes
themselves always stay.
"""

from __future__ import annotations

import difflib
import unicodedata
from collections import deque
from pathlib import Path
from typing import TYPE_CHECKING

from mzgraph.analytics.metrics import add_metrics
from mzgraph.defaults import DEFAULT_TIMEOUT
from mzgraph.errors import QueryError, UsageError
from mzgraph.network import CORE_TYPES, Edge, EntityNetwork, entity_network

if TYPE_CHECKING:
    from rdflib import Graph


def metrics_options(net) -> dict:
    """The ``add_metrics`` arguments the view uses: degree and communities, no betweenness
    (the page does not show it; even a sample of pivots cost seconds at 20,000 nodes)."""
    return {"betweenness": False}


def parse_types(names) -> tuple[str, ...] | None:
    """``("agency", "Target")`` → ``("Agency", "Target")``; unknown names are a UsageError."""
    if not names:
        return None
    by_fold = {t.casefold(): t for t in CORE_TYPES}
    out = []
    for name in names:
        for part in str(name).split(","):
            part = part.strip()
            if not part:
                continue
            t = by_fold.get(part.casefold())
            if t is None:
                raise UsageError(f"unknown type {part!r}; choose from {', '.join(CORE_TYPES)}")
            if t not in out:
                out.append(t)
    return tuple(out) or None


def _norm(text: str) -> str:
    return unicodedata.normalize("NFKC", text).strip().casefold()


def find_entities(net: EntityNetwork, label: str) -> list[str]:
    """Nodes whose label or other name is ``label`` (NFKC, case-insensitive), else a UsageError
    naming the closest labels."""
    want = _norm(label)
    if not want:
        raise UsageError("--focus needs a non-empty label")
    hits = sorted(
        n
        for n, d in zip(net.nodes, net.data, strict=False)
        if _norm(d.get("label", "")) == want or any(_norm(a) == want for a in d.get("alt_labels", ()))
    )
    if hits:
        return hits
    names = sorted({d.get("label", "") for d in net.data} - {""})
    containing = [n for n in names if want in _norm(n) or _norm(n) in want]
    containing.sort(key=lambda n: (abs(len(n) - len(label)), n))
    close = containing[:5]
    for n in difflib.get_close_matches(label, names, n=5, cutoff=0.4):
        if n not in close and len(close) < 5:
            close.append(n)
    hint = f"close matches: {', '.join(close)}" if close else f"no close match among {len(names)} entities"
    raise UsageError(f"no entity is labelled {label!r}; {hint}")


def ego(net: EntityNetwork, centres: list[str], depth: int) -> EntityNetwork:
    """The nodes within ``depth`` steps of any centre, edges taken in either direction."""
    if depth < 0:
        raise UsageError("--depth must be 0 or more")
    adj = net.neighbours()
    seen = {net.index[c]: 0 for c in centres}
    queue = deque(seen)
    while queue:
        n = queue.popleft()
        if seen[n] == depth:
            continue
        for m in sorted(adj[n] - {n}, key=lambda m: net.nodes[m]):
            if m not in seen:
                seen[m] = seen[n] + 1
                queue.append(m)
    return net.subnetwork(net.nodes[i] for i in seen)


def keep_types(net: EntityNetwork, types: tuple[str, ...], *, always=()) -> EntityNetwork:
    keep = set(types)
    return net.subnetwork(n for n, d in zip(net.nodes, net.data, strict=False) if d.get("type") in keep or n in always)


def _local_name(iri: str) -> str:
    return iri.rsplit("#", 1)[-1].rsplit("/", 1)[-1] or iri


def query_network(
    graph: Graph, net: EntityNetwork, text: str, *, timeout: float | None = DEFAULT_TIMEOUT
) -> EntityNetwork:
    """The part of ``net`` a SPARQL query names.

    CONSTRUCT/DESCRIBE: the entities among the result's subjects and objects, joined by the
    result's triples (the predicate's local name is the relation). SELECT: the entities among
    the IRI values of the result rows, with the relations the graph has between them.
    """
    from rdflib import URIRef

    from mzgraph.query.runner import run
    from mzgraph.query.store import RdflibBackend

    # the one gate (no SERVICE, LOAD, update or remote FROM) and a query that can be stopped
    result = run(RdflibBackend(graph), text, timeout=timeout)
    if result.kind == "construct":
        triples = sorted(result.triples)
        nodes = sorted({str(t) for s, _, o in triples for t in (s, o) if isinstance(t, URIRef) and str(t) in net})
        known = {(net.nodes[e.source], net.nodes[e.target], e.relation): e.sentences for e in net.edges}
        number = {n: i for i, n in enumerate(nodes)}
        edges: dict[tuple, Edge] = {}
        for s, p, o in triples:
            s, o = str(s), str(o)
            if s in number and o in number:
                rel = _local_name(str(p))
                edges[(s, o, rel)] = Edge(number[s], number[o], rel, list(known.get((s, o, rel), ())))
        out = EntityNetwork(nodes, (dict(net.attrs(n)) for n in nodes), edges.values())
        size = f"{len(triples)} triples"
    elif result.kind == "select":
        rows = result.rows
        out = net.subnetwork({str(v) for row in rows for v in row if isinstance(v, URIRef) and str(v) in net})
        size = f"{len(rows)} rows"
    else:
        raise QueryError("a view draws CONSTRUCT, DESCRIBE or SELECT results, not ASK")
    if not out.number_of_nodes():
        raise QueryError(f"the query result ({size}) names no entity of the graph; nothing to draw")
    return out


def graph_of(source) -> Graph | None:
    """The rdflib Graph behind ``source`` (a Graph, or an object with a ``graph`` Graph)."""
    from rdflib import Graph  # here: a view of a file never needs it

    if isinstance(source, Graph):
        return source
    inner = getattr(source, "graph", None)
    return inner if isinstance(inner, Graph) else None


def _is_networkx(source) -> bool:
    return type(source).__module__.startswith("networkx.")


def prepare(
    source,
    *,
    focus: str | None = None,
    depth: int = 1,
    types=None,
    query: str | None = None,
    timeout: float | None = DEFAULT_TIMEOUT,
) -> EntityNetwork:
    """The network a view of ``source`` draws, with ``degree`` and ``community`` on every node.

    ``source`` is a graph file (a path: its quads go straight into the network, no store),
    an rdflib Graph, an object holding one as ``.graph`` (a KnowledgeGraph), or an entity
    network (an ``EntityNetwork``, or a networkx graph made by ``to_networkx``), which is
    not modified. ``timeout`` stops a ``query`` after that many seconds (None: no limit).
    """
    types = parse_types(types)
    graph = None
    measured = False  # degree and community set for this very network
    if isinstance(source, (str, Path)):
        if query is not None:  # the query runs on the graph: load it once, draw from the same store
            from mzgraph.query.store import open_backend

            graph = open_backend(source, cache=False).graph
        net, owned = entity_network(graph if graph is not None else source), True
    elif isinstance(source, EntityNetwork):
        net, owned = source, False
        measured = all("degree" in d and "community" in d for d in net.data)
    elif _is_networkx(source):
        net, owned = EntityNetwork.from_networkx(source), True  # attribute dicts copied
        measured = all("degree" in d and "community" in d for d in net.data)
    else:
        graph = graph_of(source)
        if graph is None:
            raise UsageError(
                f"cannot draw a {type(source).__name__}: pass a graph file, an rdflib Graph or an entity network"
            )
        net, owned = entity_network(graph), True
    if query is not None:
        if graph is None:
            raise UsageError("a query needs the RDF graph, not an entity network")
        net, owned, measured = query_network(graph, net, query, timeout=timeout), True, False
    centres: list[str] = []
    if focus is not None:
        centres = find_entities(net, focus)
        net, owned, measured = ego(net, centres, depth), True, False
    if types:
        net, owned, measured = keep_types(net, types, always=centres), True, False
    if not measured:  # a cut is measured on its own: degree within it, its own communities
        if not owned:
            net = net.subnetwork(net.nodes)  # a caller's network: leave it as it was given
        add_metrics(net, **metrics_options(net))
    return net
