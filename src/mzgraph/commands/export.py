"""``mzgraph export``: the graph in another format (RDF, network or spreadsheet)."""

from __future__ import annotations

from pathlib import Path

import click

from mzgraph.commands import graph_option
from mzgraph.defaults import DEFAULT_OUTPUT
from mzgraph.rdf.formats import FORMATS


@click.command("export")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(list(FORMATS)),
    required=True,
    help="What to write (see Formats above).",
)
@graph_option("Graph file to export.")
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path),
    default=None,
    help="File to write (a folder for csv). Default: output/graph.<ext>; csv: output/.",
)
@click.option(
    "--with-ontology",
    is_flag=True,
    help="Add the ontology's triples (RDF formats; TriG/N-Quads: named graph mzr:graph/ontology).",
)
@click.option(
    "--keep-formulas",
    is_flag=True,
    help="csv: write cells starting with = + - @ as they are (by default a ' is put before "
    "them, so that a spreadsheet shows them as text instead of running them).",
)
def command(fmt: str, graph_path: Path, output: Path | None, with_ontology: bool, keep_formulas: bool) -> None:
    """Export the graph for triplestores, Gephi, spreadsheets or notebooks.

    TriG and N-Quads put each source document's statements in a named graph of their own
    (mzr:graph/doc/<id>) and merged entities in mzr:graph/entities, so a document's
    statements can be dropped. Output is deterministic: the same graph gives the same bytes.

    \b
    Formats:
      turtle   Turtle, grouped by subject, project prefixes      (.ttl)
      nt       N-Triples, sorted lines                           (.nt)
      trig     TriG, a named graph per document + entities       (.trig)
      nquads   N-Quads, the TriG graphs as sorted lines          (.nq)
      jsonld   JSON-LD, the shipped context inline               (.jsonld)
      rdfxml   RDF/XML, for older RDF tools                      (.rdf)
      graphml  entity network for yEd, Cytoscape, networkx      (.graphml)
      gexf     entity network for Gephi                          (.gexf)
      csv      nodes.csv + edges.csv, UTF-8 with BOM for Excel   (a folder)

    \b
    Example:
      mzgraph export --format trig                      # → output/graph.trig
      mzgraph export --format gexf -o gephi/graph.gexf  # open in Gephi
      mzgraph export --format csv -o tables/            # tables/nodes.csv, tables/edges.csv
    """
    from mzgraph.analytics.stats import open_graph
    from mzgraph.export import default_output, export
    from mzgraph.rdf.io import refuse_overwriting
    from mzgraph.rdf.partition import read_parts

    target = output if output is not None else default_output(fmt, DEFAULT_OUTPUT.parent)
    refuse_overwriting(
        [graph_path], [target] if FORMATS[fmt].extension else [target / "nodes.csv", target / "edges.csv"]
    )
    ontology = None
    if with_ontology:
        from mzgraph.validate import ontology_graph

        ontology = ontology_graph()
    if FORMATS[fmt].is_rdf:  # named graphs of a TriG/N-Quads file are kept as they are
        source = read_parts(graph_path)
        triples = sum(part.triples for part in source)
    else:  # the entity network's formats walk every quad: an in-memory Oxigraph store, not rdflib's
        source = open_graph(graph_path)
        triples = len(source)
    written = export(source, fmt, target, ontology=ontology, keep_formulas=keep_formulas)
    click.echo(f"exported {triples} triples as {fmt} → {', '.join(str(p) for p in written)}")
