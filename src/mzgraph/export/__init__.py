"""Exports: the graph in the formats triplestores, Gephi, spreadsheets and notebooks read.

The formats themselves are entries of ``mzgraph.rdf.formats`` (the one format table);
one module per format family writes them:

* ``rdf_formats`` — Turtle, N-Triples, TriG, N-Quads, JSON-LD, RDF/XML: the writers of
  ``mzgraph build`` too, over named graphs (one per source document, one for the shared
  entities; ``mzgraph.rdf.encoder`` has the rule);
* ``jsonld`` — JSON-LD compacted with the context shipped in the package;
* ``networks`` — GraphML and GEXF of the entity network, with metrics;
* ``tables`` — ``nodes.csv`` and ``edges.csv`` for spreadsheets.

>>> from mzgraph.rdf import load_graph                                   # doctest: +SKIP
>>> export(load_graph("output/graph.ttl"), "trig", "output/graph.trig")  # doctest: +SKIP
[PosixPath('output/graph.trig')]
"""

from __future__ import annotations

import io
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from mzgraph.errors import UsageError
from mzgraph.rdf.formats import FORMATS, TABLE, Format, format_named, output_format
from mzgraph.rdf.io import atomic_write
from mzgraph.rdf.partition import GraphPart

if TYPE_CHECKING:
    from rdflib import Graph


def _is_graph(source: object) -> bool:
    """An rdflib Graph? (A build writes its parts without loading rdflib: if nothing loaded
    it, nothing can be one.)"""
    rdflib = sys.modules.get("rdflib")
    return rdflib is not None and isinstance(source, rdflib.Graph)


def default_output(fmt: str, folder: Path = Path("output")) -> Path:
    """``output/graph.<ext>``; for csv the folder itself (it receives nodes.csv, edges.csv)."""
    f = format_named(fmt)
    return folder / f"graph{f.extension}" if f.extension else folder


def rdf_parts(source: Graph | Sequence[GraphPart], ontology: Graph | None = None) -> list[GraphPart]:
    """The named graphs an RDF export writes: a build's parts as they are, an rdflib graph
    split by ``mzgraph.rdf.partition``; the ontology, if given, as ``mzr:graph/ontology``."""
    from mzgraph.rdf.encoder import sorted_lines
    from mzgraph.rdf.partition import ONTOLOGY_GRAPH, graph_parts, graph_triples

    parts = graph_parts(source) if _is_graph(source) else list(source)
    if ontology is not None:
        parts.append(GraphPart(ONTOLOGY_GRAPH, sorted_lines(graph_triples(ontology))))
    return parts


def _graph(source: Graph | Sequence[GraphPart]) -> Graph:
    if _is_graph(source):
        return source
    from mzgraph.pipeline import graph_of_parts

    return graph_of_parts(source)


def render(
    source: Graph | Sequence[GraphPart], fmt: str, *, ontology: Graph | None = None, keep_formulas: bool = False
) -> dict[str, bytes]:
    """The files of one export as ``{file name: bytes}``; the name is ``""`` for a
    single-file format (written to the path given) and ``nodes.csv``/``edges.csv`` for csv.

    ``source`` is an rdflib graph or the named graphs of a build or of a TriG/N-Quads file
    (``mzgraph.rdf.partition.read_parts``). ``ontology`` (RDF formats only) is added as
    its own named graph ``mzr:graph/ontology``. CSV cells that a spreadsheet would run as
    formulas get a leading ``'`` unless ``keep_formulas`` (see :mod:`mzgraph.spreadsheet`).
    """
    f = format_named(fmt)
    if ontology is not None and not f.is_rdf:
        raise UsageError(f"--with-ontology applies to the RDF formats, not to {f.name}")
    # each family's module is imported only when used, so one format does not pay for all
    if f.is_rdf:
        from mzgraph.export.rdf_formats import write

        buf = io.BytesIO()
        write(rdf_parts(source, ontology), f.name, buf)
        return {"": buf.getvalue()}
    if f.name in ("graphml", "gexf"):
        from mzgraph.export import networks

        graph = _graph(source)
        return {"": networks.graphml(graph) if f.name == "graphml" else networks.gexf(graph)}
    from mzgraph.export.tables import tables

    return tables(_graph(source), keep_formulas=keep_formulas)


def export(
    source: Graph | Sequence[GraphPart],
    fmt: str,
    path: Path | str,
    *,
    ontology: Graph | None = None,
    keep_formulas: bool = False,
) -> list[Path]:
    """Write ``source`` (see :func:`render`) as ``fmt`` to ``path`` (a folder for csv);
    return the files written.

    Each file is written to a temporary file and renamed, so a failure leaves no
    half-written file behind; RDF formats are streamed graph by graph.
    """
    path = Path(path)
    f = format_named(fmt)
    table = f.family == TABLE
    if table and path.exists() and not path.is_dir():
        raise UsageError(f"{path}: csv export writes nodes.csv and edges.csv into a folder; this is a file")
    if not table and path.is_dir():
        raise UsageError(f"{path}: is a folder; give a file name such as {default_output(fmt, path)}")
    if f.is_rdf:
        from mzgraph.export.rdf_formats import write

        parts = rdf_parts(source, ontology)
        atomic_write(path, lambda out: write(parts, f.name, out))
        return [path]
    files = render(source, fmt, ontology=ontology, keep_formulas=keep_formulas)
    targets = [(path / name, data) for name, data in files.items()] if table else [(path, files[""])]
    for target, data in targets:
        atomic_write(target, lambda out, data=data: out.write(data))
    return [t for t, _ in targets]


def write_graph(graph: Graph, path: Path | str, fmt: str | None = None) -> None:
    """Write ``graph`` to ``path`` atomically, in the RDF format ``fmt`` or its suffix names
    (Turtle by default), with the writers of a build (same graph → same bytes; TriG and
    N-Quads split by ``mzgraph.rdf.partition``)."""
    export(graph, output_format(path, fmt).name, path)


__all__ = ["FORMATS", "Format", "default_output", "export", "format_named", "rdf_parts", "render", "write_graph"]
