"""A SPARQL 1.1 Graph Store HTTP Protocol client (indirect graph identification).

``PUT ?graph=G`` replaces graph G with the body, ``POST ?graph=G`` adds the body to it,
``DELETE ?graph=G`` drops it. Bodies are N-Triples (``application/n-triples``), which every
store we know of reads (Oxigraph, Fuseki, GraphDB, Virtuoso, Neptune) and which needs no
prefix handling, so any batch of lines is a valid document on its own.
"""

from __future__ import annotations

from urllib.parse import quote

from mzgraph.remote.http import HttpClient, Response

NTRIPLES = "application/n-triples"


class GraphStore:
    """The graph store endpoint at ``url`` (e.g. Oxigraph's ``http://host:7878/store``)."""

    def __init__(self, url: str, client: HttpClient):
        self.url = url
        self.client = client

    def graph_url(self, graph: str) -> str:
        sep = "&" if "?" in self.url else "?"
        return f"{self.url}{sep}graph={quote(str(graph), safe='')}"

    def put(self, graph: str, ntriples: bytes) -> Response:
        """Replace ``graph`` with the given triples (creating it if needed)."""
        return self.client.request(
            "PUT", self.graph_url(graph), body=ntriples, headers={"Content-Type": f"{NTRIPLES}; charset=utf-8"}
        )

    def post(self, graph: str, ntriples: bytes) -> Response:
        """Add the given triples to ``graph``."""
        return self.client.request(
            "POST", self.graph_url(graph), body=ntriples, headers={"Content-Type": f"{NTRIPLES}; charset=utf-8"}
        )

    def delete(self, graph: str) -> bool:
        """Drop ``graph``; False if the store did not have it (404), which is not an error."""
        return self.client.request("DELETE", self.graph_url(graph), ok=(404,)).status != 404
