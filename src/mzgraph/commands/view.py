"""``mzgraph view``: a graph → one self-contained, offline HTML network view."""

from __future__ import annotations

from pathlib import Path

import click

from mzgraph.commands import graph_option, timeout_option
from mzgraph.errors import UsageError


def default_output(graph_path: Path, *, cut: bool) -> Path:
    """``output/graph.html`` for a whole graph, ``output/graph-view.html`` for a cut of it."""
    return graph_path.with_name(f"{graph_path.stem}-view.html") if cut else graph_path.with_suffix(".html")


@click.command("view")
@graph_option("Graph file to draw.")
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path, dir_okay=False),
    default=None,
    help="HTML file to write [default: the graph's path with .html; NAME-view.html for a cut].",
)
@click.option(
    "--focus", metavar="LABEL", default=None, help="Draw only this entity's neighbourhood (name or other name)."
)
@click.option("--depth", type=click.IntRange(min=0), default=1, show_default=True, help="Steps around --focus.")
@click.option(
    "--type",
    "types",
    multiple=True,
    metavar="TYPE",
    help="Keep only this type (Agency, Policy, AdministrativeArea, Program, Target); repeatable.",
)
@click.option(
    "--query",
    "query_file",
    type=click.Path(path_type=Path, dir_okay=False),
    default=None,
    help="Draw the entities of a SPARQL CONSTRUCT or SELECT result (a .rq file).",
)
@click.option("--title", default=None, help="Page title [default: the output file's name].")
@click.option(
    "--physics/--no-physics",
    default=None,
    help="Let the page settle the layout by simulation [default: on up to 1,000 nodes].",
)
@timeout_option("the --query")
def command(
    graph_path: Path,
    output: Path | None,
    focus: str | None,
    depth: int,
    types: tuple[str, ...],
    query_file: Path | None,
    title: str | None,
    physics: bool | None,
    timeout: float,
) -> None:
    """Draw a graph as an interactive network in one HTML file that works offline.

    Colour and shape show the type, size the number of links, edge labels the relation;
    hover for the sentences an entity came from, click to highlight its neighbours, search
    to find and centre a node, tick types on and off in the legend.

    \b
    Example:
      mzgraph view                                   # output/graph.ttl → output/graph.html
      mzgraph view --focus 省民政厅 --depth 2 -o ego.html
      mzgraph view --type Agency --type Policy
      mzgraph view --query programs.rq -o programs.html
    """
    from mzgraph.rdf.io import refuse_overwriting
    from mzgraph.view import parse_types, write_html

    wanted = parse_types(types)  # before loading: a typo should not wait for a big parse
    query = None
    if query_file is not None:
        try:
            query = query_file.read_text(encoding="utf-8")
        except FileNotFoundError:
            raise UsageError(f"{query_file}: no such query file") from None
        except (OSError, UnicodeDecodeError) as exc:
            raise UsageError(f"{query_file}: cannot read the query ({exc.__class__.__name__})") from None
    cut = bool(focus is not None or wanted or query is not None)
    output = output or default_output(graph_path, cut=cut)
    refuse_overwriting([graph_path, query_file], [output])
    # the file's quads go straight into the entity network (no store, no rdflib); a --query
    # loads the graph into memory once, for the query and the network both
    summary = write_html(
        graph_path,
        output,
        focus=focus,
        depth=depth,
        types=wanted,
        query=query,
        title=title,
        physics=physics,
        timeout=timeout or None,
    )
    click.echo(
        f"drew {summary.nodes} nodes, {summary.edges} edges "
        f"(physics {'on' if summary.physics else 'off'}) → {output} ({summary.bytes / 1e6:.1f} MB)"
    )
