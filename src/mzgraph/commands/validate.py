"""``mzgraph validate``: check a graph against the ontology contract (SHACL)."""

from __future__ import annotations

from pathlib import Path

import click

from mzgraph.commands import graph_option


@click.command("validate")
@graph_option("Graph file to check (Turtle, N-Triples, TriG, N-Quads, JSON-LD).")
def command(graph_path: Path) -> None:
    """Check a graph against the SHACL shapes of the ontology contract.

    Prints one line per violation (what the node is, its label, the property, what is
    wrong) and exits 1 if there is any; exits 0 and prints a summary when the graph conforms.

    \b
    Example:
      mzgraph validate
      mzgraph validate --graph output/two.ttl
    """
    from mzgraph.errors import one_line
    from mzgraph.rdf import load_graph
    from mzgraph.validate import GraphInvalid, validate

    graph = load_graph(graph_path)
    report = validate(graph)
    for violation in report.violations:
        click.echo(one_line(f"{violation.severity.lower()}: {violation}"))  # labels come from the data
    if not report.conforms:
        n = sum(v.severity == "Violation" for v in report.violations)
        raise GraphInvalid(f"{graph_path}: {n} violation(s) of the ontology contract")
    click.echo(f"{graph_path}: conforms to the ontology contract ({len(graph)} triples checked)")
