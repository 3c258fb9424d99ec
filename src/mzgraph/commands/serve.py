"""``mzgraph serve``: a read-only local SPARQL 1.1 Protocol endpoint over a built graph."""

from __future__ import annotations

from pathlib import Path

import click

from mzgraph.commands import graph_option, timeout_option
from mzgraph.defaults import DEFAULT_IDLE_TIMEOUT, DEFAULT_MAX_RESULT_BYTES, DEFAULT_OUTPUT
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
@click.option(
    "--allow-host",
    "allow_hosts",
    multiple=True,
    metavar="NAME",
    help="Also answer requests whose Host (or Origin) names NAME (repeatable); others are refused (DNS rebinding).",
)
@timeout_option()
@click.option(
    "--max-result-bytes",
    type=click.IntRange(min=1),
    default=DEFAULT_MAX_RESULT_BYTES,
    show_default=True,
    help="Stop a query whose answer grows beyond this many bytes.",
)
@click.option(
    "--idle-timeout",
    type=click.FloatRange(min=0.1),
    default=DEFAULT_IDLE_TIMEOUT,
    show_default=True,
    help="Close a connection that sends nothing for this many seconds.",
)
@click.option(
    "--workers",
    type=click.IntRange(min=1, max=64),
    default=2,
    show_default=True,
    help="Queries that run at once, each in its own process; more wait for one.",
)
@click.option(
    "--allow-service",
    is_flag=True,
    help="Let POSTed queries use SERVICE (the server then calls other endpoints); refused by default, "
    "and always on GET.",
)
@click.option("-q", "--quiet", is_flag=True, help="Do not log requests to stderr.")
def command(
    graph_path: Path | None,
    store_dir: Path | None,
    host: str,
    port: int,
    allow_hosts: tuple[str, ...],
    timeout: float,
    max_result_bytes: int,
    idle_timeout: float,
    workers: int,
    allow_service: bool,
    quiet: bool,
) -> None:
    """Answer SPARQL 1.1 Protocol queries over a built graph, read-only, until Ctrl-C.

    The server's root / is a browser workbench: a SPARQL editor with the ready questions,
    sortable results with CSV/JSON downloads, entity pages and their network view.

    GET or POST /sparql (alias /query) with query=...; results by Accept header: SPARQL
    JSON (default), XML, CSV or TSV, and Turtle, N-Triples, RDF/XML or JSON-LD for
    CONSTRUCT/DESCRIBE. The default graph is the union of all graphs; the mzgraph prefixes
    (mz:, mzr:, rdfs:, ...) are predeclared. Updates, SERVICE and LOAD are refused with 403,
    and so is a request whose Host or Origin is not this server's. Each query runs in a
    worker process that is killed on --timeout, on --max-result-bytes, or when the client
    disconnects.

    \b
    Example:
      mzgraph serve                          # output/graph.ttl at http://127.0.0.1:7878/sparql
      mzgraph serve --graph out/all.trig --port 8890
      curl -H 'Accept: text/csv' --data-urlencode 'query=SELECT * { ?s a mz:Agency }' \\
          http://127.0.0.1:7878/sparql
    """
    from mzgraph.remote.serve import ServeLimits, log_to_stderr, make_server, open_store
    from mzgraph.remote.workbench import ROUTES

    if graph_path is not None and store_dir is not None:
        raise UsageError("pass --graph or --store, not both")
    source = store_dir if store_dir is not None else graph_path or DEFAULT_OUTPUT
    store = open_store(graph=None if store_dir else source, store_dir=store_dir)
    limits = ServeLimits(
        timeout=timeout or None,
        max_result_bytes=max_result_bytes,
        idle_timeout=idle_timeout,
        query_processes=workers,
        allowed_hosts=allow_hosts,
        allow_service=allow_service,
    )
    server = make_server(store, host, port, log=None if quiet else log_to_stderr, routes=ROUTES, limits=limits)
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
