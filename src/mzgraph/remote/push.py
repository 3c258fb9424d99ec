"""Put a built graph on a store: one named graph per source document, then check the counts.

The named graphs are those of the build (``mzgraph.rdf.encoder`` decides them:
``mzr:graph/doc/<doc_id>`` per document, ``mzr:graph/entities``; plus
``mzr:graph/ontology``), each triple in one graph only: a relation shared by documents and
its statement node sit once in the entities graph, each document's graph keeps the links to
its sentences that evidence it. A store's union of graphs (a bag on Oxigraph) then gives
each relation once, and a document's graph depends on that document alone, so pushing a
changed document changes its graph and the entities graph, nothing else. TriG and N-Quads
files give their graphs as written; Turtle and N-Triples are split by
``mzgraph.rdf.partition``. Each named graph is sent with ``PUT``, which
replaces exactly that graph on the store, so pushing a changed document again replaces its
statements and nothing else. A graph larger than the batch size goes up as one ``PUT`` and
then ``POST`` s (append) of at most ``batch_triples`` triples each. Triples that mention a
blank node all travel in the first request of their graph: blank node labels only mean
the same node within one document, so splitting them would break the node apart.
Bodies are the parts' N-Triples lines as they are.

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
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from rdflib import Graph

from mzgraph.rdf.namespaces import MZR
from mzgraph.rdf.partition import GraphPart
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


def named_graphs(source: Graph | Path | str, *, with_ontology: bool = True) -> list[GraphPart]:
    """The named graphs a push sends, from a graph file (or an rdflib graph), with the
    ontology's graph last unless ``with_ontology`` is False."""
    from mzgraph.export import rdf_parts
    from mzgraph.rdf.partition import read_parts

    parts = read_parts(source) if isinstance(source, (str, Path)) else source
    return rdf_parts(parts, ontology_graph() if with_ontology else None)


def batches(part: GraphPart, batch_triples: int) -> list[bytes]:
    """N-Triples bodies for one graph: the first for the PUT, the rest for POSTs.

    The part's lines are sorted, so the same graph gives the same requests on every run.
    Triples with a blank node all go into the first body, whatever its size (see the
    module docstring).
    """
    with_bnodes, plain = [], []
    for line in part.lines.splitlines(keepends=True):  # bytes: only \n and \r split, both escaped in terms
        (with_bnodes if b"_:" in line and _has_blank_node(line) else plain).append(line)
    first_size = max(batch_triples - len(with_bnodes), 0)
    bodies = [b"".join(with_bnodes + plain[:first_size])]
    for start in range(first_size, len(plain), batch_triples):
        bodies.append(b"".join(plain[start : start + batch_triples]))
    return bodies


def _has_blank_node(line: bytes) -> bool:
    from mzgraph.rdf import ntriples as nt

    return any(term.startswith("_:") for term in nt.split(line.decode("utf-8")))


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
    graphs: Sequence[GraphPart],
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
            for iri in stale_graphs(endpoint, (part.graph for part in graphs)):
                store.delete(iri)
                report.removed.append(iri)
                say(f"removed {iri} (document no longer in the build)")
        for i, part in enumerate(graphs, 1):
            bodies = batches(part, batch_triples)
            store.put(part.graph, bodies[0])
            for body in bodies[1:]:
                store.post(part.graph, body)
            report.graphs.append(GraphResult(part.graph, part.triples))
            say(f"[{i}/{len(graphs)}] {part.graph}: {part.triples} triples in {len(bodies)} request(s)")
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
