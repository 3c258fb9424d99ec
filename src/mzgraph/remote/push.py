"""Put a built graph on a store: one named graph per source document, then check the counts.

The graph is split by ``mzgraph.rdf.partition`` (``mzr:graph/doc/<doc_id>`` per document,
``mzr:graph/entities``, ``mzr:graph/ontology``), with each triple kept in one graph only
(see ``single_copy``: relations shared by documents sit in the entities graph, while
each document's graph keeps the links to the sentences that evidence them). Each named
graph is sent with ``PUT``, which
replaces exactly that graph on the store, so pushing a changed document again replaces its
statements and nothing else. A graph larger than the batch size goes up as one ``PUT`` and
then ``POST`` s (append) of at most ``batch_triples`` triples each. Triples that mention a
blank node all travel in the first request of their graph: blank node labels only mean
the same node within one document, so splitting them would break the node apart.

``replace=True`` first deletes the document graphs (``mzr:graph/doc/...``) the store has
but this build does not, i.e. documents removed from the collection. Graphs outside
mzgraph's ``mzr:graph/`` namespace are never touched, so a store can be shared with other
data.

At the end the store is asked, over the SPARQL 1.1 Protocol, how many triples each graph
holds, and the answer is compared with what was sent; ``PushReport.ok`` is True only if
every graph matches.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import RDF

from mzgraph.rdf.namespaces import MZR
from mzgraph.remote.errors import RemoteError
from mzgraph.remote.gsp import GraphStore
from mzgraph.remote.protocol import SparqlEndpoint

GRAPH_PREFIX = str(MZR["graph/"])
DOC_GRAPH_PREFIX = str(MZR["graph/doc/"])
DEFAULT_BATCH_TRIPLES = 50_000


@dataclass
class GraphResult:
    iri: str
    sent: int
    on_server: int | None = None  # None until verified

    @property
    def ok(self) -> bool:
        return self.on_server == self.sent


@dataclass
class PushReport:
    graphs: list[GraphResult] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)  # graphs deleted by replace=True
    requests: int = 0
    seconds: float = 0.0  # upload time, verification excluded

    @property
    def triples(self) -> int:
        return sum(g.sent for g in self.graphs)

    @property
    def mismatches(self) -> list[GraphResult]:
        return [g for g in self.graphs if not g.ok]

    @property
    def ok(self) -> bool:
        return not self.mismatches


def ontology_graph() -> Graph | None:
    """The project's ontology (``ontology/mzgraph.ttl``), installed or from the source tree."""
    candidates = [
        resources.files("mzgraph") / "ontology" / "mzgraph.ttl",
        Path(__file__).resolve().parents[3] / "ontology" / "mzgraph.ttl",
    ]
    for path in candidates:
        if path.is_file():
            g = Graph()
            g.parse(data=path.read_bytes(), format="turtle")
            return g
    return None


def named_graphs(graph: Graph, *, with_ontology: bool = True) -> dict[URIRef, Graph]:
    """The named graphs a push sends: the partition rule, then each triple in one graph only."""
    from mzgraph.rdf.partition import partition

    return single_copy(partition(graph, ontology=ontology_graph() if with_ontology else None))


def single_copy(graphs: dict[URIRef, Graph]) -> dict[URIRef, Graph]:
    """Move relation triples and their ``rdf:Statement`` nodes from document graphs to entities.

    The partition rule copies a relation into the graph of every document that evidences
    it. A store's union of graphs is a bag, not a set, on Oxigraph (with
    ``union-default-graph`` and with a ``default-graph-uri`` list alike): a relation in 30
    document graphs gives 30 rows where the local graph gives one, and the evidence
    question, joining the statement's type, subject, predicate and object, meets 30^4
    combinations and does not finish. So on a store the relation and its statement node
    live once, in ``mzr:graph/entities``; a document's graph keeps what only it says: its
    text, sentences, mentions, figures and the ``prov:wasDerivedFrom`` links from each
    statement to its sentences. A document graph then depends on that document alone, so
    pushing a changed document changes its graph and the entities graph, nothing else.
    """
    from mzgraph.rdf.partition import ENTITIES_GRAPH

    out = dict(graphs)
    moved: set = set()
    for iri, g in graphs.items():
        if not str(iri).startswith(DOC_GRAPH_PREFIX):
            continue
        shared = set()
        for st in set(g.subjects(RDF.type, RDF.Statement)):
            parts = {part: g.value(st, part) for part in (RDF.subject, RDF.predicate, RDF.object)}
            for part in (RDF.type, RDF.subject, RDF.predicate, RDF.object):
                shared.update((st, part, value) for value in g.objects(st, part))
            if None not in parts.values():
                relation = (parts[RDF.subject], parts[RDF.predicate], parts[RDF.object])
                if relation in g:
                    shared.add(relation)
        if shared:
            kept = Graph(namespace_manager=g.namespace_manager)
            for triple in g:
                if triple not in shared:
                    kept.add(triple)
            out[iri] = kept
            moved |= shared
    if moved:
        entities = Graph(namespace_manager=graphs[ENTITIES_GRAPH].namespace_manager)
        for triple in graphs[ENTITIES_GRAPH]:
            entities.add(triple)
        for triple in moved:
            entities.add(triple)
        out[ENTITIES_GRAPH] = entities
    return out


def _literal(lit: Literal) -> str:
    text = '"' + str(lit).replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "\\r") + '"'
    if lit.language:
        return f"{text}@{lit.language}"
    if lit.datatype:
        return f"{text}^^<{lit.datatype}>"
    return text


def ntriples_line(triple) -> str:
    s, p, o = triple
    obj = _literal(o) if isinstance(o, Literal) else o.n3()
    return f"{s.n3()} {p.n3()} {obj} .\n"


def batches(graph: Graph, batch_triples: int) -> list[bytes]:
    """N-Triples bodies for one graph: the first for the PUT, the rest for POSTs.

    Lines are sorted, so the same graph gives the same requests on every run. Triples with
    a blank node all go into the first body, whatever its size (see the module docstring).
    """
    with_bnodes, plain = [], []
    for triple in graph:
        line = ntriples_line(triple)
        (with_bnodes if any(isinstance(t, BNode) for t in triple) else plain).append(line)
    with_bnodes.sort()
    plain.sort()
    first_size = max(batch_triples - len(with_bnodes), 0)
    bodies = ["".join(with_bnodes + plain[:first_size])]
    for start in range(first_size, len(plain), batch_triples):
        bodies.append("".join(plain[start : start + batch_triples]))
    return [b.encode("utf-8") for b in bodies]


def stale_graphs(endpoint: SparqlEndpoint, keep: Iterable[str]) -> list[str]:
    """Document graphs on the store that are not among ``keep``."""
    keep = set(keep)
    rows = endpoint.select(
        f'SELECT DISTINCT ?g WHERE {{ GRAPH ?g {{ }} FILTER(STRSTARTS(STR(?g), "{DOC_GRAPH_PREFIX}")) }}',
        default_graphs=[],
        named_graphs=[],
    )
    return sorted(str(r["g"]) for r in rows if "g" in r and str(r["g"]) not in keep)


def push(
    graphs: dict[URIRef, Graph],
    store: GraphStore,
    endpoint: SparqlEndpoint,
    *,
    replace: bool = False,
    batch_triples: int = DEFAULT_BATCH_TRIPLES,
    progress: Callable[[str], None] | None = None,
) -> PushReport:
    """Send ``graphs`` to ``store`` and verify them through ``endpoint``; see the module doc."""
    say = progress or (lambda _msg: None)
    try:  # fail fast, before sending anything, if the store is down or refuses
        endpoint.ask("ASK { }", retry=False)
    except RemoteError as exc:
        raise type(exc)(f"nothing pushed: {exc}", status=exc.status) from None
    report = PushReport()
    start_requests = store.client.requests_sent
    started = time.perf_counter()
    try:
        if replace:
            for iri in stale_graphs(endpoint, (str(g) for g in graphs)):
                store.delete(iri)
                report.removed.append(iri)
                say(f"removed {iri} (document no longer in the build)")
        for i, (iri, graph) in enumerate(graphs.items(), 1):
            bodies = batches(graph, batch_triples)
            store.put(str(iri), bodies[0])
            for body in bodies[1:]:
                store.post(str(iri), body)
            report.graphs.append(GraphResult(str(iri), len(graph)))
            say(f"[{i}/{len(graphs)}] {iri}: {len(graph)} triples in {len(bodies)} request(s)")
    except RemoteError as exc:
        done = f"{len(report.graphs)} of {len(graphs)} graphs sent"
        raise type(exc)(f"push not completed ({done}; push again to finish): {exc}", status=exc.status) from None
    report.seconds = time.perf_counter() - started
    report.requests = store.client.requests_sent - start_requests
    try:
        counts = endpoint.graph_counts(GRAPH_PREFIX)
    except RemoteError as exc:
        raise type(exc)(f"push sent but not verified (the count query failed): {exc}", status=exc.status) from None
    for result in report.graphs:
        result.on_server = counts.get(result.iri, 0)
    return report
