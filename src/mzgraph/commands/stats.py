"""``mzgraph stats``: what a graph holds, as an aligned terminal table or JSON."""

from __future__ import annotations

import json
from pathlib import Path

import click

from mzgraph.commands import graph_option


def _render(stats, graph_path: Path) -> str:
    from mzgraph.analytics.textable import render_table
    from mzgraph.terminal import escape_controls

    total = sum(stats.types.values())
    sections = [
        f"graph: {escape_controls(str(graph_path))}",  # a file name can hold an escape sequence too
        "Entities by type\n"
        + render_table(["type", "entities"], [*stats.types.items(), ("total", total)], indent="  "),
        "Relations\n"
        + render_table(
            ["relation", "triples", "with sentence", "from gazetteer"],
            [(name, r["count"], r["with_sentence"], r["from_gazetteer"]) for name, r in stats.relations.items()],
            indent="  ",
        ),
        "Documents\n"
        + (
            render_table(
                ["document", "title", "date", "mentions", "entities"],
                [
                    (d["path"] or d["iri"], d["title"] or "-", d["date"] or "-", d["mentions"], d["entities"])
                    for d in stats.documents
                ],
                indent="  ",
            )
            if stats.documents
            else "  (no documents)"
        ),
        "Most connected agencies\n"
        + (
            render_table(
                ["agency", "neighbours", "policies issued"],
                [(a["label"], a["degree"], a["policies_issued"]) for a in stats.agencies],
                indent="  ",
            )
            if stats.agencies
            else "  (no agencies)"
        ),
        "Places with the most programs and targets\n"
        + (
            render_table(
                ["place", "code", "programs", "targets"],
                [(p["label"], p["division_code"] or "-", p["programs"], p["targets"]) for p in stats.places],
                indent="  ",
            )
            if stats.places
            else "  (no program or target is located in a place)"
        ),
    ]
    return "\n\n".join(sections)


@click.command("stats")
@graph_option("Graph file to summarise.")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "json"]),
    default="table",
    show_default=True,
    help="Aligned table for people, JSON for scripts.",
)
@click.option("--top", type=click.IntRange(min=1), default=10, show_default=True, help="Rows in the ranked lists.")
def command(graph_path: Path, fmt: str, top: int) -> None:
    """Counts by type and relation, documents, the most connected agencies and the busiest places.

    \b
    Example:
      mzgraph stats
      mzgraph stats --graph output/graph.ttl --format json | jq .types
    """
    from mzgraph.analytics.stats import graph_stats, open_graph

    stats = graph_stats(open_graph(graph_path), top=top)
    if fmt == "json":
        click.echo(json.dumps(stats.to_dict(), ensure_ascii=False, indent=2, sort_keys=True))
    else:
        click.echo(_render(stats, graph_path))
