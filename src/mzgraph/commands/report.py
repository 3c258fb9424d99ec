"""``mzgraph report``: a one-page offline HTML summary of a graph, with charts."""

from __future__ import annotations

from pathlib import Path

import click

from mzgraph.commands import graph_option
from mzgraph.errors import MzgraphError


@click.command("report")
@graph_option("Graph file to summarise.")
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path, dir_okay=False),
    default=Path("output/report.html"),
    show_default=True,
    help="HTML file to write.",
)
@click.option(
    "--view",
    type=click.Path(path_type=Path, dir_okay=False),
    default=Path("output/graph.html"),
    show_default=True,
    help="The network view page the report links to (linked relatively; need not exist yet).",
)
@click.option(
    "--top", type=click.IntRange(min=1), default=15, show_default=True, help="Rows of the top entities table."
)
def command(graph_path: Path, output: Path, view: Path, top: int) -> None:
    """Write a self-contained summary page: charts of types, targets by place, issuers, years; top entities.

    The page works offline: plotly.js is embedded, nothing is fetched.

    \b
    Example:
      mzgraph report
      mzgraph report --graph output/graph.ttl -o output/report.html
    """
    from mzgraph.analytics.report import write_report
    from mzgraph.analytics.stats import open_graph
    from mzgraph.rdf.io import refuse_overwriting

    refuse_overwriting([graph_path], [output])
    graph = open_graph(graph_path)
    try:
        path = write_report(graph, output, view=view, top=top)
    except OSError as exc:
        raise MzgraphError(f"{output}: cannot write the report ({exc.strerror or exc})") from exc
    click.echo(f"report → {path} ({path.stat().st_size // 1024} KiB, opens offline)")
