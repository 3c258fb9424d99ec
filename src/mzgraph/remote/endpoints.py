"""Store URL shapes and the clients built from command-line options.

The Graph Store Protocol endpoint (``--store-url``) and the query endpoint (``--query-url``)
of the common servers, so that the query URL can be derived when it is left out:

=========  ==============================================  ==================================
server     --store-url (GSP)                               --query-url (SPARQL Protocol)
=========  ==============================================  ==================================
Oxigraph   ``http://host:7878/store``                      ``http://host:7878/query``
Fuseki     ``http://host:3030/DATASET/data``               ``http://host:3030/DATASET/sparql``
GraphDB    ``http://host:7200/repositories/R/rdf-graphs/`` ``http://host:7200/repositories/R``
           ``service``
=========  ==============================================  ==================================
"""

from __future__ import annotations

from collections.abc import Callable
from urllib.parse import urlsplit, urlunsplit

from mzgraph.errors import UsageError
from mzgraph.remote.auth import check_url, find_credentials
from mzgraph.remote.http import HttpClient

LOOPBACK = ("127.0.0.1", "localhost", "::1")

# GSP path suffix → query path suffix
_SHAPES = (
    ("/rdf-graphs/service", ""),  # GraphDB (RDF4J): /repositories/REPO/rdf-graphs/service
    ("/store", "/query"),  # Oxigraph
    ("/data", "/sparql"),  # Fuseki
)


def derive_query_url(store_url: str) -> str:
    """The query endpoint that goes with a GSP endpoint of a known server."""
    parts = urlsplit(store_url)
    path = parts.path.rstrip("/")
    for gsp, query in _SHAPES:
        if path.endswith(gsp):
            return urlunsplit((parts.scheme, parts.netloc, path[: -len(gsp)] + query, "", ""))
    raise UsageError(
        f"cannot tell the query endpoint from --store-url {store_url} "
        "(known shapes: .../store, .../DATASET/data, .../repositories/REPO/rdf-graphs/service); pass --query-url"
    )


def make_client(
    url: str,
    *,
    option: str,
    timeout: float,
    retries: int = 4,
    insecure: bool = False,
    warn: Callable[[str], None] | None = None,
) -> HttpClient:
    """A client for ``url`` with the credentials the environment or netrc has for its host.

    ``warn`` hears about retries, and about credentials crossing the network in clear text.
    """
    check_url(url, option)
    credentials = find_credentials(url)
    parts = urlsplit(url)
    if credentials and warn and parts.scheme == "http" and parts.hostname not in LOOPBACK:
        warn(f"{option}: credentials go to {parts.hostname} over plain http; use https")
    return HttpClient(
        credentials=credentials,
        timeout=timeout,
        retries=retries,
        insecure=insecure,
        on_retry=warn,
    )
