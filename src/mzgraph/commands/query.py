"""``mzgraph query``: SPARQL from the terminal, ad hoc or from the ready questions."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from mzgraph.commands import graph_option, timeout_option
from mzgraph.defaults import DEFAULT_OUTPUT
from mzgraph.errors import UsageError


def _parse_params(values: tuple[str, ...]) -> dict[str, str]:
    params = {}
    for item in values:
        name, sep, value = item.partition("=")
        if not sep or not name.strip():
            raise UsageError(f"--param takes NAME=VALUE, not {item!r}")
        params[name.strip()] = value
    return params


def _list_questions() -> str:
    from mzgraph.query.ready import ready_questions
    from mzgraph.terminal import display_width

    questions = ready_questions().values()
    width = max(display_width(q.name) for q in questions)
    lines = []
    for q in questions:
        params = "".join(
            f"  [--param {k}={v.strip(chr(34))}]"
            for k, v in q.parameters.items()
            if f"--param {k}=" not in q.description
        )
        lines.append(f"{q.name.ljust(width)}  {q.description}{params}")
    return "\n".join(lines) + "\n"


@click.command("query")
@click.argument("sparql", required=False)
@click.option(
    "-f",
    "--file",
    "query_file",
    type=click.Path(path_type=Path, dir_okay=False, allow_dash=True),
    help="Read the query from a .rq file ('-' for standard input).",
)
@click.option("-n", "--name", help="Run a ready question (see --list).")
@click.option("--list", "list_only", is_flag=True, help="List the ready questions, one line each, and exit.")
@click.option(
    "-p",
    "--param",
    "params",
    multiple=True,
    metavar="NAME=VALUE",
    help="Bind a VALUES ?NAME { … } block of the query (repeatable).",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "csv", "tsv", "json", "md"]),
    default="table",
    show_default=True,
    help="Output format (json is SPARQL 1.1 Results JSON).",
)
@graph_option("Graph file to query.", default=None)
@click.option(
    "--store",
    "store_dir",
    type=click.Path(path_type=Path, file_okay=False),
    help="Persistent Oxigraph store directory: the graph is loaded once and reused.",
)
@click.option(
    "--keep-store",
    is_flag=True,
    help="Keep what an earlier --allow-update changed in --store instead of reloading the graph file.",
)
@click.option(
    "--no-cache",
    is_flag=True,
    help="Parse the graph file in memory instead of opening its cached on-disk store (see the README).",
)
@click.option(
    "--endpoint",
    metavar="URL",
    help="Ask a SPARQL 1.1 Protocol endpoint instead of a local graph (e.g. a store filled by "
    "`mzgraph push`); credentials from MZGRAPH_STORE_USER/MZGRAPH_STORE_PASSWORD, "
    "MZGRAPH_STORE_TOKEN or ~/.netrc.",
)
@click.option(
    "--engine",
    type=click.Choice(["oxigraph", "rdflib"]),
    default="oxigraph",
    show_default=True,
    help="Query engine: Oxigraph, or rdflib's in-memory store.",
)
@click.option("--allow-update", is_flag=True, help="Allow SPARQL Update (INSERT, DELETE, …); refused by default.")
@click.option("--allow-service", is_flag=True, help="Allow SERVICE (federated) calls and LOAD; refused by default.")
@timeout_option("the query")
@click.option(
    "--max-rows",
    type=click.IntRange(min=1),
    default=None,
    help="Return at most this many rows (or triples); a warning says when more matched.",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path, dir_okay=False),
    help="Write the result to this file (atomically) instead of standard output.",
)
@click.option(
    "--keep-formulas",
    is_flag=True,
    help="csv/tsv: write cells starting with = + - @ as they are (by default a ' is put before "
    "them, so that a spreadsheet shows them as text instead of running them).",
)
def command(
    sparql: str | None,
    query_file: Path | None,
    name: str | None,
    list_only: bool,
    params: tuple[str, ...],
    fmt: str,
    graph_path: Path | None,
    store_dir: Path | None,
    keep_store: bool,
    no_cache: bool,
    endpoint: str | None,
    engine: str,
    allow_update: bool,
    allow_service: bool,
    timeout: float,
    max_rows: int | None,
    output: Path | None,
    keep_formulas: bool,
) -> None:
    """Ask the graph a SPARQL question (the mz, mzr, rdf, rdfs, skos, xsd, dcterms, prov, nif
    and itsrdf prefixes are declared for you). Queries are read-only unless --allow-update.

    \b
    Example:
      mzgraph query --list
      mzgraph query --name policies-by-issuer
      mzgraph query --name entity-sentences --param label=新余市 --format md
      mzgraph query 'SELECT ?p ?l WHERE { ?p a mz:Policy ; rdfs:label ?l }' --format csv
      mzgraph query -f my.rq --graph output/graph.ttl --store .mzgraph-store
      mzgraph query --endpoint http://127.0.0.1:7878/query --name policies-by-issuer
    """
    if list_only:
        click.echo(_list_questions(), nl=False)
        return
    given = [x for x in (sparql, query_file, name) if x is not None]
    if len(given) != 1:
        raise UsageError("give exactly one of a QUERY, -f FILE or --name NAME (or --list)")
    bound = _parse_params(params)
    if name is not None:
        from mzgraph.query.ready import ready_question

        question = ready_question(name)
        missing = question.missing(bound)
        if missing:
            wanted = " ".join(f"--param {k}=VALUE" for k in missing)
            example = " ".join(f"--param {k}={v}" for k, v in missing.items())
            raise UsageError(f"the ready question {name} needs {wanted} (for example {example})")
        text = question.text
    elif query_file is not None:
        if str(query_file) == "-":
            text = sys.stdin.read()
        else:
            try:
                text = query_file.read_text(encoding="utf-8")
            except FileNotFoundError:
                raise UsageError(f"{query_file}: no such query file") from None
            except (OSError, UnicodeDecodeError) as exc:
                raise UsageError(f"{query_file}: cannot read the query ({exc.__class__.__name__})") from None
    else:
        text = sparql

    from mzgraph.query.formats import format_result
    from mzgraph.query.gate import Policy, admit
    from mzgraph.query.runner import bind, run
    from mzgraph.query.store import open_backend
    from mzgraph.rdf.io import atomic_write_text, refuse_overwriting

    if output is not None:
        refuse_overwriting([graph_path or DEFAULT_OUTPUT, query_file if str(query_file) != "-" else None], [output])
    # Refuse before loading anything: a refused query should not cost a graph load (FROM
    # graphs are judged once the store is open and its graphs are known).
    admit(bind(text, bound), Policy(allow_update=allow_update, allow_network=allow_service))
    source = graph_path if graph_path is not None else DEFAULT_OUTPUT
    if store_dir is not None and graph_path is None and not source.exists():
        source = None  # query what the store already holds
    if endpoint is not None:
        if graph_path is not None or store_dir is not None:
            raise UsageError("--endpoint asks a remote store: leave out --graph and --store")
        from mzgraph.remote.backend import EndpointBackend

        backend = EndpointBackend.open(endpoint, timeout=timeout or 600.0)
    else:
        # an update must change something that lasts (--store) or a private copy, never the cache
        cache = not no_cache and not allow_update
        backend = open_backend(
            source, engine=engine, store=store_dir, keep_store=keep_store, cache=cache, read_only=not allow_update
        )
        for note in getattr(backend, "notes", ()):
            click.echo(f"note: {note}", err=True)
    result = run(
        backend,
        text,
        params=bound,
        allow_update=allow_update,
        allow_service=allow_service,
        timeout=timeout or None,
        max_rows=max_rows,
    )
    if result.kind == "update" and store_dir is not None and source is not None:
        click.echo(
            f"note: the store in {store_dir} now differs from {source}; the next run with the graph file "
            "reloads it unless --keep-store",
            err=True,
        )
    if result.truncated:
        click.echo(f"warning: more results matched; showing the first {max_rows} (--max-rows)", err=True)
    out = format_result(result, fmt, keep_formulas=keep_formulas)
    if output is not None:
        atomic_write_text(output, out)
    else:
        click.echo(out, nl=False)
