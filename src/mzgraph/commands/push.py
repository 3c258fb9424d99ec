"""``mzgraph push``: upload a built graph to a SPARQL 1.1 store, one named graph per document."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import click

from mzgraph.commands import graph_option
from mzgraph.rdf.partition import GraphPart
from mzgraph.remote.endpoints import derive_query_url, make_client
from mzgraph.remote.errors import PushIncomplete
from mzgraph.remote.gsp import GraphStore
from mzgraph.remote.protocol import SparqlEndpoint
from mzgraph.remote.push import DEFAULT_BATCH_TRIPLES, DOC_GRAPH_PREFIX, named_graphs, push


def _warn(message: str) -> None:
    click.echo(f"warning: {message}", err=True)


@click.command("push")
@click.option(
    "--store-url",
    required=True,
    envvar="MZGRAPH_STORE_URL",
    metavar="URL",
    help="Graph Store Protocol endpoint (Oxigraph .../store, Fuseki .../DATASET/data, "
    "GraphDB .../repositories/REPO/rdf-graphs/service). Env: MZGRAPH_STORE_URL.",
)
@click.option(
    "--query-url",
    envvar="MZGRAPH_QUERY_URL",
    metavar="URL",
    help="SPARQL query endpoint used to check the counts (derived from --store-url for the "
    "servers above when omitted). Env: MZGRAPH_QUERY_URL.",
)
@graph_option("Built graph to push.")
@click.option(
    "--replace",
    is_flag=True,
    help="First delete the store's document graphs (mzr:graph/doc/...) that are not in this build.",
)
@click.option(
    "--batch-triples",
    type=click.IntRange(min=1),
    default=DEFAULT_BATCH_TRIPLES,
    show_default=True,
    help="Largest request: bigger graphs go as one PUT then POSTs of this many triples.",
)
@click.option("--no-ontology", is_flag=True, help="Do not send the ontology graph (mzr:graph/ontology).")
@click.option(
    "--timeout",
    type=click.FloatRange(min=0.1),
    default=60.0,
    show_default=True,
    help="Seconds to wait for each answer.",
)
@click.option(
    "--retries",
    type=click.IntRange(min=0, max=10),
    default=4,
    show_default=True,
    help="Retries (exponential back-off) on connection errors and 5xx answers.",
)
@click.option("--insecure", is_flag=True, help="Do not verify HTTPS certificates (warns).")
@click.option("-v", "--verbose", is_flag=True, help="One line per graph sent.")
def command(
    store_url: str,
    query_url: str | None,
    graph_path: Path,
    replace: bool,
    batch_triples: int,
    no_ontology: bool,
    timeout: float,
    retries: int,
    insecure: bool,
    verbose: bool,
) -> None:
    """Upload a built graph to a triplestore over the SPARQL 1.1 Graph Store Protocol.

    Each source document goes to its own named graph mzr:graph/doc/<doc_id> (PUT replaces
    exactly that graph, so pushing a changed document again replaces only its statements);
    merged entities go to mzr:graph/entities and the ontology to mzr:graph/ontology. The
    store's triple count per graph is then checked against what was sent; any difference
    exits with status 4. Credentials come from MZGRAPH_STORE_USER/MZGRAPH_STORE_PASSWORD,
    MZGRAPH_STORE_TOKEN or ~/.netrc, never from the command line.

    \b
    Example:
      mzgraph push --store-url http://127.0.0.1:7878/store
      mzgraph push --store-url http://localhost:3030/mz/data --replace
      MZGRAPH_STORE_USER=me MZGRAPH_STORE_PASSWORD=... mzgraph push \\
          --store-url https://graphdb.example.org/repositories/mz/rdf-graphs/service
    """
    store, endpoint = open_store(store_url, query_url, timeout=timeout, retries=retries, insecure=insecure)
    graphs = named_graphs(graph_path, with_ontology=not no_ontology)
    n_docs = sum(1 for g in graphs if g.graph.startswith(DOC_GRAPH_PREFIX))
    send(graphs, n_docs, str(graph_path), store, endpoint, replace=replace, batch_triples=batch_triples,
         verbose=verbose)  # fmt: skip


def open_store(
    store_url: str, query_url: str | None, *, timeout: float = 60.0, retries: int = 4, insecure: bool = False
) -> tuple[GraphStore, SparqlEndpoint]:
    """The store's Graph Store endpoint and its query endpoint (derived when not given)."""
    if insecure:
        _warn("--insecure: HTTPS certificates are not verified; anyone on the path can read or change the data")
    query_url = query_url or derive_query_url(store_url)
    options = {"timeout": timeout, "retries": retries, "insecure": insecure, "warn": _warn}
    store = GraphStore(store_url, make_client(store_url, option="--store-url", **options))
    return store, SparqlEndpoint(query_url, make_client(query_url, option="--query-url", **options))


def send(
    graphs: Sequence[GraphPart],
    n_docs: int,
    source: str,
    store: GraphStore,
    endpoint: SparqlEndpoint,
    *,
    replace: bool = False,
    batch_triples: int = DEFAULT_BATCH_TRIPLES,
    verbose: bool = False,
) -> None:
    """Push ``graphs`` (``n_docs`` of them documents' graphs, then the entities graph and
    the ontology's if there) and tell how it went, as ``mzgraph push`` does; ``build --push``
    sends a streamed build through here too."""
    store_url, query_url = store.url, endpoint.url
    progress = (lambda msg: click.echo(msg, err=True)) if verbose else None
    report = push(graphs, store, endpoint, replace=replace, batch_triples=batch_triples, progress=progress)

    rate = report.triples / report.seconds if report.seconds > 0 else float("inf")
    parts = [f"{n_docs} document{'s' if n_docs != 1 else ''}", "entities"] + (
        ["ontology"] if len(graphs) > n_docs + 1 else []
    )
    click.echo(
        f"pushed {source} to {store_url}: {len(report.graphs)} graphs ({', '.join(parts)}), "
        f"{report.triples} triples in {report.requests} requests, {report.seconds:.1f} s ({rate:,.0f} triples/s)"
    )
    if report.removed:
        n = len(report.removed)
        click.echo(f"removed {n} graph{'s' if n != 1 else ''} of documents no longer in the build")
    if not report.ok:
        for g in report.mismatches:
            click.echo(f"mismatch: {g.iri}: sent {g.sent} triples, the store holds {g.on_server}", err=True)
        raise PushIncomplete(
            f"push not verified: {len(report.mismatches)} of {len(report.graphs)} graph(s) on {query_url} "
            "do not hold the triples sent"
        )
    click.echo(
        f"verified at {query_url}: all {len(report.graphs)} graphs hold exactly the {report.triples} triples sent"
    )
