"""What a view draws: the entity network of a graph, cut down by focus, type or query.

The network comes from ``mzgraph.network.to_networkx`` (entities only: mentions, sentences
and statements become node and edge attributes, so they are never drawn) and gets its
``degree`` and ``community`` from ``mzgraph.analytics.add_metrics``. Cuts are applied in a
fixed order: query, then focus (ego view), then types, so ``--focus`` may reach a node
through a type that ``--type`` then hides; the focus nodes themselves always stay.
"""

from __future__ import annotations

import difflib
import unicodedata
from collections import deque

import networkx as nx
from rdflib import Graph, URIRef

from mzgraph.analytics import add_metrics
from mzgraph.defaults import DEFAULT_TIMEOUT
from mzgraph.errors import QueryError, UsageError
from mzgraph.network import CORE_TYPES, to_networkx


def metrics_options(net: nx.Graph) -> dict:
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


def find_entities(net: nx.Graph, label: str) -> list[str]:
    """Nodes whose label or other name is ``label`` (NFKC, case-insensitive), else a UsageError
    naming the closest labels."""
    want = _norm(label)
    if not want:
        raise UsageError("--focus needs a non-empty label")
    hits = sorted(
        n
        for n, d in net.nodes(data=True)
        if _norm(d.get("label", "")) == want or any(_norm(a) == want for a in d.get("alt_labels", ()))
    )
    if hits:
        return hits
    names = sorted({d.get("label", "") for _, d in net.nodes(data=True)} - {""})
    containing = [n for n in names if want in _norm(n) or _norm(n) in want]
    containing.sort(key=lambda n: (abs(len(n) - len(label)), n))
    close = containing[:5]
    for n in difflib.get_close_matches(label, names, n=5, cutoff=0.4):
        if n not in close and len(close) < 5:
            close.append(n)
    hint = f"close matches: {', '.join(close)}" if close else f"no close match among {len(names)} entities"
    raise UsageError(f"no entity is labelled {label!r}; {hint}")


def ego(net: nx.MultiDiGraph, centres: list[str], depth: int) -> nx.MultiDiGraph:
    """The nodes within ``depth`` steps of any centre, edges taken in either direction."""
    if depth < 0:
        raise UsageError("--depth must be 0 or more")
    seen = {c: 0 for c in centres}
    queue = deque(centres)
    while queue:
        n = queue.popleft()
        if seen[n] == depth:
            continue
        for m in sorted(set(nx.all_neighbors(net, n))):
            if m not in seen:
                seen[m] = seen[n] + 1
                queue.append(m)
    return net.subgraph(seen).copy()


def keep_types(net: nx.MultiDiGraph, types: tuple[str, ...], *, always=()) -> nx.MultiDiGraph:
    keep = set(types)
    nodes = [n for n, d in net.nodes(data=True) if d.get("type") in keep or n in always]
    return net.subgraph(nodes).copy()


def _local_name(iri: str) -> str:
    return iri.rsplit("#", 1)[-1].rsplit("/", 1)[-1] or iri


def query_network(
    graph: Graph, net: nx.MultiDiGraph, text: str, *, timeout: float | None = DEFAULT_TIMEOUT
) -> nx.MultiDiGraph:
    """The part of ``net`` a SPARQL query names.

    CONSTRUCT/DESCRIBE: the entities among the result's subjects and objects, joined by the
    result's triples (the predicate's local name is the relation). SELECT: the entities among
    the IRI values of the result rows, with the relations the graph has between them.
    """
    from mzgraph.query.runner import run
    from mzgraph.query.store import RdflibBackend

    # the one gate (no SERVICE, LOAD, update or remote FROM) and a query that can be stopped
    result = run(RdflibBackend(graph), text, timeout=timeout)
    if result.kind == "construct":
        triples = sorted(result.triples)
        nodes = sorted({str(t) for s, _, o in triples for t in (s, o) if isinstance(t, URIRef) and str(t) in net})
        out = nx.MultiDiGraph()
        out.add_nodes_from((n, dict(net.nodes[n])) for n in nodes)
        for s, p, o in triples:
            s, o = str(s), str(o)
            if s in out and o in out:
                rel = _local_name(str(p))
                known = net.get_edge_data(s, o, key=rel) or {}
                out.add_edge(s, o, key=rel, relation=rel, sentences=list(known.get("sentences", [])))
        size = f"{len(triples)} triples"
    elif result.kind == "select":
        rows = result.rows
        nodes = sorted({str(v) for row in rows for v in row if isinstance(v, URIRef) and str(v) in net})
        out = net.subgraph(nodes).copy()
        size = f"{len(rows)} rows"
    else:
        raise QueryError("a view draws CONSTRUCT, DESCRIBE or SELECT results, not ASK")
    if not out.number_of_nodes():
        raise QueryError(f"the query result ({size}) names no entity of the graph; nothing to draw")
    return out


def graph_of(source) -> Graph | None:
    """The rdflib Graph behind ``source`` (a Graph, or an object with a ``graph`` Graph)."""
    if isinstance(source, Graph):
        return source
    inner = getattr(source, "graph", None)
    return inner if isinstance(inner, Graph) else None


def prepare(
    source,
    *,
    focus: str | None = None,
    depth: int = 1,
    types=None,
    query: str | None = None,
) -> nx.MultiDiGraph:
    """The network a view of ``source`` draws, with ``degree`` and ``community`` on every node.

    ``source`` is an rdflib Graph, an object holding one as ``.graph`` (a KnowledgeGraph), or
    an entity network made by ``to_networkx`` (which is not modified).
    """
    types = parse_types(types)
    graph = graph_of(source)
    if graph is not None:
        net = to_networkx(graph)
        fresh = True
    elif isinstance(source, nx.Graph):
        net, fresh = source, False
    else:
        raise UsageError(f"cannot draw a {type(source).__name__}: pass an rdflib Graph or an entity network")
    if query is not None:
        if graph is None:
            raise UsageError("a query needs the RDF graph, not a networkx graph")
        net, fresh = query_network(graph, net, query), True
    centres: list[str] = []
    if focus is not None:
        centres = find_entities(net, focus)
        net, fresh = ego(net, centres, depth), True
    if types:
        net, fresh = keep_types(net, types, always=centres), True
    if fresh or not all("degree" in d and "community" in d for _, d in net.nodes(data=True)):
        if not fresh:
            net = net.copy()  # a caller's network: leave it as it was given
        add_metrics(net, **metrics_options(net))
    return net
