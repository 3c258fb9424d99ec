"""``mzgraph path``: the shortest chains of relations between two entities, with their sentences."""

from __future__ import annotations

from pathlib import Path

import click

from mzgraph.commands import graph_option


@click.command("path")
@click.argument("source")
@click.argument("target")
@graph_option("Graph file to search.")
@click.option(
    "--max",
    "max_chains",
    type=click.IntRange(min=1),
    default=5,
    show_default=True,
    help="Print at most this many chains.",
)
def command(source: str, target: str, graph_path: Path, max_chains: int) -> None:
    """Shortest chains of relations between two entities named by label (or alternative label).

    Relations are followed in either direction; each step is printed as stored,
    SUBJECT -[relation]-> OBJECT, with the sentence that supports it.

    \b
    Example:
      mzgraph path 民政部 新余市
      mzgraph path 江西省民政厅 乐安县 --graph output/graph.ttl --max 3
    """
    from mzgraph.analytics.paths import shortest_chains
    from mzgraph.analytics.stats import open_graph
    from mzgraph.terminal import escape_controls

    # labels and sentences come from the data: escape sequences in them are shown, not run
    click.echo(
        escape_controls(str(shortest_chains(open_graph(graph_path), source, target, max_chains=max_chains)), keep="\n")
    )
