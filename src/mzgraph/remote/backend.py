"""A query backend over a SPARQL 1.1 Protocol endpoint (``mzgraph query --endpoint URL``).

It implements the backend interface of :mod:`mzgraph.query.store` (``name``, ``graph``,
``select``, ``ask``, ``construct``, ``update``, ``len``), so the runner's checks (read-only,
no SERVICE, timeout), the output formats, the ready questions and the notebook API work
on a remote store unchanged.

Which data a query sees: a store filled by ``mzgraph push`` holds one named graph per
document plus ``mzr:graph/entities`` and ``mzr:graph/ontology``. Queries see the union of
these as their default graph (the pushed build and its ontology), and each stays a named
graph for ``GRAPH ?g { … }`` (which document said what). On most servers this is the
protocol's ``default-graph-uri``/``named-graph-uri`` list of the ``mzr:graph/`` graphs; on
Oxigraph it is its ``union-default-graph`` option (every graph of the store), since
Oxigraph walks an explicit list graph by graph, far too slowly for hundreds of documents.
The ready questions answer exactly as on the local ``graph.ttl``; a query over everything
(``SELECT * { ?s ?p ?o }``) also sees the ontology's triples, which ``graph.ttl`` lacks.
A store that holds no ``mzr:graph/`` graph (loaded by other means) is queried with the
server's own dataset; ``dataset="server"`` forces that.
"""

from __future__ import annotations

from rdflib import Graph

from mzgraph.errors import QueryError, UsageError
from mzgraph.query.store import SelectRows, Term
from mzgraph.rdf.namespaces import bind_prefixes
from mzgraph.remote.endpoints import make_client
from mzgraph.remote.http import HttpClient
from mzgraph.remote.protocol import SPARQL_JSON, SparqlEndpoint
from mzgraph.remote.push import GRAPH_PREFIX

DATASETS = ("mzgraph", "server")


class EndpointBackend:
    """Queries answered by a remote SPARQL endpoint; read-only."""

    name = "endpoint"

    def __init__(self, endpoint: SparqlEndpoint, *, dataset: str = "mzgraph") -> None:
        if dataset not in DATASETS:
            raise UsageError(f"unknown dataset {dataset!r} (choose from {', '.join(DATASETS)})")
        self.endpoint = endpoint
        self.dataset = dataset
        self._dataset_ready = False
        self._graph: Graph | None = None

    @classmethod
    def open(
        cls, url: str, *, timeout: float = 60.0, insecure: bool = False, dataset: str = "mzgraph"
    ) -> EndpointBackend:
        """A backend for the endpoint at ``url``, with credentials from the environment or netrc."""
        client: HttpClient = make_client(url, option="--endpoint", timeout=timeout, insecure=insecure, retries=2)
        return cls(SparqlEndpoint(url, client), dataset=dataset)

    @property
    def url(self) -> str:
        return self.endpoint.url

    # Queries run in the caller's process: the work happens on the server, and the HTTP
    # client's own timeout stops the wait (a forked worker would also keep what
    # ``_prepare`` learns about the store to itself).
    can_fork = False

    def _prepare(self) -> None:
        """Find the pushed graphs once, and set the dataset every later query uses."""
        if self._dataset_ready:
            return
        self._dataset_ready = True
        if self.dataset != "mzgraph":
            return
        response = self.endpoint.query_raw(
            f'SELECT DISTINCT ?g WHERE {{ GRAPH ?g {{ }} FILTER(STRSTARTS(STR(?g), "{GRAPH_PREFIX}")) }}',
            SPARQL_JSON,
            default_graphs=[],
            named_graphs=[],
        )
        graphs = sorted(str(row[0]) for row in self.endpoint.parse_results(response) if row[0] is not None)
        if not graphs:
            return  # not a store filled by `mzgraph push`: the server's own dataset
        if response.headers.get("server", "").lower().startswith("oxigraph"):
            # Oxigraph evaluates an explicit list of default graphs graph by graph, orders of
            # magnitude slower than its union of all graphs (over a minute against 0.2 s for
            # one ready question on 100 documents)
            self.endpoint.extra_fields = [("union-default-graph", "")]
        else:
            self.endpoint.default_graphs = graphs
            self.endpoint.named_graphs = graphs

    # --- the backend interface --------------------------------------------------------

    def select(self, query: str) -> SelectRows:
        self._prepare()
        result = self.endpoint.query(query)
        if result.type != "SELECT":
            raise QueryError("not a SELECT query")
        return SelectRows([str(v) for v in result.vars or ()], [tuple(row) for row in result])

    def ask(self, query: str) -> bool:
        self._prepare()
        return bool(self.endpoint.query(query).askAnswer)

    def construct(self, query: str) -> list[tuple[Term, Term, Term]]:
        self._prepare()
        return list(self.endpoint.query(query).graph)

    def update(self, query: str) -> None:
        raise QueryError("updates are not sent to a remote endpoint; change the data with `mzgraph push`")

    def __len__(self) -> int:
        self._prepare()
        rows = self.endpoint.select("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
        return int(rows[0]["n"]) if rows and "n" in rows[0] else 0

    @property
    def graph(self) -> Graph:
        """The endpoint's data as an in-memory rdflib ``Graph``, fetched once (CONSTRUCT of all).

        For the rdflib API and the network views; on a large store prefer queries.
        """
        if self._graph is None:
            self._prepare()
            g = bind_prefixes(Graph())
            for triple in self.endpoint.query("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }").graph:
                g.add(triple)
            self._graph = g
        return self._graph
