"""A SPARQL 1.1 Protocol query client: queries in, rdflib results out.

Queries go as ``POST`` with an ``application/x-www-form-urlencoded`` body (the protocol's
"query via URL-encoded POST"), so long queries and long ``default-graph-uri`` lists never
hit URL length limits. SELECT/ASK answers are asked for as SPARQL JSON results and parsed
by rdflib into the same ``rdflib.query.Result`` a local ``Graph.query`` returns; CONSTRUCT
and DESCRIBE answers as N-Triples, parsed into ``Result.graph``. Answers can also be taken
raw (``query_raw``) in any results format the server offers.
"""

from __future__ import annotations

import io
import re
from collections.abc import Sequence
from urllib.parse import urlencode

from rdflib import Graph
from rdflib.query import Result

from mzgraph.errors import QueryError
from mzgraph.remote.errors import RemoteError
from mzgraph.remote.http import HttpClient, Response

SPARQL_JSON = "application/sparql-results+json"
NTRIPLES = "application/n-triples"

# The query form is the first of these keywords outside IRIs, strings and comments.
_FORM = re.compile(r"\b(SELECT|ASK|CONSTRUCT|DESCRIBE)\b", re.IGNORECASE)
_SKIP = re.compile(r"<[^<>\s]*>|\"(?:[^\"\\\n]|\\.)*\"|'(?:[^'\\\n]|\\.)*'|#[^\n]*")


def query_form(query: str) -> str:
    """SELECT, ASK, CONSTRUCT or DESCRIBE, read from the query text."""
    match = _FORM.search(_SKIP.sub(" ", query))
    if not match:
        raise QueryError("not a SPARQL query (no SELECT, ASK, CONSTRUCT or DESCRIBE); updates are not run remotely")
    return match.group(1).upper()


class SparqlEndpoint:
    """The query endpoint at ``url`` (Oxigraph ``/query``, Fuseki ``/DATASET/sparql``, ...).

    ``default_graphs`` and ``named_graphs`` set the protocol's ``default-graph-uri`` and
    ``named-graph-uri`` parameters on every query (None: the server's own dataset).
    """

    def __init__(
        self,
        url: str,
        client: HttpClient,
        *,
        default_graphs: Sequence[str] | None = None,
        named_graphs: Sequence[str] | None = None,
    ):
        self.url = url
        self.client = client
        self.default_graphs = list(default_graphs) if default_graphs is not None else None
        self.named_graphs = list(named_graphs) if named_graphs is not None else None
        # server-specific form fields sent with every query that names no dataset itself
        # (Oxigraph's ``union-default-graph``)
        self.extra_fields: list[tuple[str, str]] = []

    def query_raw(
        self,
        query: str,
        accept: str,
        *,
        default_graphs: Sequence[str] | None = None,
        named_graphs: Sequence[str] | None = None,
        retry: bool = True,
    ) -> Response:
        """Send ``query`` and return the server's answer as it came, in ``accept`` format."""
        defaults = self.default_graphs if default_graphs is None else list(default_graphs)
        named = self.named_graphs if named_graphs is None else list(named_graphs)
        fields: list[tuple[str, str]] = [("query", query)]
        fields += [("default-graph-uri", g) for g in defaults or ()]
        fields += [("named-graph-uri", g) for g in named or ()]
        if default_graphs is None and named_graphs is None:
            fields += self.extra_fields
        try:
            return self.client.request(
                "POST",
                self.url,
                body=urlencode(fields).encode("utf-8"),
                headers={"Content-Type": "application/x-www-form-urlencoded", "Accept": accept},
                retry=retry,
            )
        except RemoteError as exc:
            # a 400 is the server saying the query is wrong: a query error, not a store failure
            if exc.status == 400:
                raise QueryError(f"the endpoint rejected the query: {exc.detail or 'HTTP 400'}") from None
            raise

    def query(self, query: str, **dataset) -> Result:
        """Run ``query`` and return an rdflib ``Result`` (rows, boolean or graph)."""
        form = query_form(query)
        if form in ("SELECT", "ASK"):
            return self.parse_results(self.query_raw(query, SPARQL_JSON, **dataset))
        response = self.query_raw(query, NTRIPLES, **dataset)
        graph = Graph()
        try:
            graph.parse(data=response.body, format="nt")
        except Exception as exc:
            raise RemoteError(f"POST {self.url}: the answer is not N-Triples ({type(exc).__name__})") from None
        result = Result("CONSTRUCT")
        result.graph = graph
        return result

    def parse_results(self, response: Response) -> Result:
        """A SPARQL JSON results answer as an rdflib ``Result``."""
        try:
            return Result.parse(io.BytesIO(response.body), format="json")
        except Exception as exc:  # rdflib raises several kinds on a bad document
            raise RemoteError(
                f"POST {self.url}: the answer is not SPARQL JSON results ({type(exc).__name__})"
            ) from None

    def select(self, query: str, **dataset) -> list[dict[str, object]]:
        """Rows of a SELECT as dicts of variable name → rdflib term (unbound names left out)."""
        result = self.query(query, **dataset)
        names = [str(v) for v in result.vars or ()]
        return [{n: row[i] for i, n in enumerate(names) if row[i] is not None} for row in result]

    def ask(self, query: str, **dataset) -> bool:
        return bool(self.query(query, **dataset).askAnswer)

    def graph_counts(self, prefix: str | None = None) -> dict[str, int]:
        """Triples per named graph on the server (optionally only graphs under ``prefix``)."""
        filt = f'FILTER(STRSTARTS(STR(?g), "{_escape(prefix)}"))' if prefix else ""
        rows = self.select(
            f"SELECT ?g (COUNT(*) AS ?n) WHERE {{ GRAPH ?g {{ ?s ?p ?o }} {filt} }} GROUP BY ?g",
            default_graphs=[],
            named_graphs=[],
        )
        return {str(r["g"]): int(r["n"]) for r in rows if "g" in r}


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace('"', '\\"')
