"""``mzgraph serve``: a read-only local SPARQL 1.1 Protocol endpoint over a built graph."""

from __future__ import annotations

from pathlib import Path

import click

from mzgraph.commands import graph_option
from mzgraph.defaults import DEFAULT_OUTPUT
from mzgraph.errors import UsageError

LOOPBACK = ("127.0.0.1", "localhost", "::1")


@click.command("serve")
@graph_option("Graph file to serve (any RDF file).", default=None)
@click.option(
    "--store",
    "store_dir",
    type=click.Path(path_type=Path, file_okay=False),
    help="An on-disk Oxigraph store folder to serve instead, opened read-only.",
)
@click.option(
    "--host",
    default="127.0.0.1",
    show_default=True,
    help="Address to listen on; anything but loopback exposes the graph to the network.",
)
@click.option(
    "--port",
    type=click.IntRange(min=0, max=65535),
    default=7878,
    show_default=True,
    help="Port to listen on (0 picks a free one, printed at start).",
)
@click.option("-q", "--quiet", is_flag=True, help="Do not log requests to stderr.")
def command(graph_path: Path | None, store_dir: Path | None, host: str, port: int, quiet: bool) -> None:
    """Answer SPARQL 1.1 Protocol queries over a built graph, read-only, until Ctrl-C.

    The server's root / is a browser workbench: a SPARQL editor with the ready questions,
    sortable results with CSV/JSON downloads, entity pages and their network view.

    GET or POST /sparql (alias /query) with query=...; results by Accept header: SPARQL
    JSON (default), XML, CSV or TSV, and Turtle, N-Triples, RDF/XML or JSON-LD for
    CONSTRUCT/DESCRIBE. The default graph is the union of all graphs; the mzgraph prefixes
    (mz:, mzr:, rdfs:, ...) are predeclared. Updates are refused with 403.

    \b
    Example:
      mzgraph serve                          # output/graph.ttl at http://127.0.0.1:7878/sparql
      mzgraph serve --graph out/all.trig --port 8890
      curl -H 'Accept: text/csv' --data-urlencode 'query=SELECT * { ?s a mz:Agency }' \\
          http://127.0.0.1:7878/sparql
    """
    from mzgraph.remote.serve import log_to_stderr, make_server, open_store
    from mzgraph.remote.workbench import ROUTES

    if graph_path is not None and store_dir is not None:
        raise UsageError("pass --graph or --store, not both")
    source = store_dir if store_dir is not None else graph_path or DEFAULT_OUTPUT
    store = open_store(graph=None if store_dir else source, store_dir=store_dir)
    server = make_server(store, host, port, log=None if quiet else log_to_stderr, routes=ROUTES)
    bound_host, bound_port = server.server_address[:2]
    if host not in LOOPBACK:
        click.echo(f"warning: listening on {host}: anyone who can reach this machine can read the graph", err=True)
    shown = f"[{bound_host}]" if ":" in str(bound_host) else bound_host
    click.echo(
        f"serving {source} ({len(store)} triples) read-only at http://{shown}:{bound_port}/sparql (Ctrl-C to stop)"
    )
    click.echo(f"workbench: open http://{shown}:{bound_port}/ in a browser")
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        click.echo("stopped")
    finally:
        server.server_close()
