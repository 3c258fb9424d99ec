"""Exports: the graph in the formats triplestores, Gephi, spreadsheets and notebooks read.

The formats themselves are entries of ``mzgraph.rdf.formats`` (the one format table);
one module per format family writes them:

* ``rdf_formats`` — Turtle, N-Triples, TriG, N-Quads (deterministic writers of our own);
  TriG and N-Quads hold one named graph per source document plus one for merged entities
  (``mzgraph.rdf.partition``);
* ``jsonld`` — JSON-LD compacted with the context shipped in the package;
* ``networks`` — GraphML and GEXF of the entity network, with metrics;
* ``tables`` — ``nodes.csv`` and ``edges.csv`` for spreadsheets.

>>> from mzgraph.rdf import load_graph                                   # doctest: +SKIP
>>> export(load_graph("output/graph.ttl"), "trig", "output/graph.trig")  # doctest: +SKIP
[PosixPath('output/graph.trig')]
"""

from __future__ import annotations

from pathlib import Path

from rdflib import Graph

from mzgraph.errors import UsageError
from mzgraph.rdf.formats import FORMATS, Format, format_named, output_format
from mzgraph.rdf.io import atomic_write
from mzgraph.rdf.namespaces import bind_prefixes


def default_output(fmt: str, folder: Path = Path("output")) -> Path:
    """``output/graph.<ext>``; for csv the folder itself (it receives nodes.csv, edges.csv)."""
    f = format_named(fmt)
    return folder / f"graph{f.extension}" if f.extension else folder


def _with(graph: Graph, ontology: Graph | None) -> Graph:
    if ontology is None:
        return graph
    merged = bind_prefixes(Graph())
    for g in (graph, ontology):
        for triple in g:
            merged.add(triple)
    return merged


def render(graph: Graph, fmt: str, *, ontology: Graph | None = None, keep_formulas: bool = False) -> dict[str, bytes]:
    """The files of one export as ``{file name: bytes}``; the name is ``""`` for a
    single-file format (written to the path given) and ``nodes.csv``/``edges.csv`` for csv.

    ``ontology`` (RDF formats only) is added to the graph, or as its own named graph
    ``mzr:graph/ontology`` in TriG and N-Quads. CSV cells that a spreadsheet would run as
    formulas get a leading ``'`` unless ``keep_formulas`` (see :mod:`mzgraph.spreadsheet`).
    """
    f = format_named(fmt)
    if ontology is not None and f.family != "rdf":
        raise UsageError(f"--with-ontology applies to the RDF formats, not to {f.name}")
    # each family's module is imported only when used, so one format does not pay for all
    if f.name in ("trig", "nquads"):
        from mzgraph.export import rdf_formats
        from mzgraph.rdf.partition import partition

        write = rdf_formats.trig if f.name == "trig" else rdf_formats.nquads
        return {"": write(partition(graph, ontology=ontology)).encode("utf-8")}
    if f.name in ("turtle", "nt"):
        from mzgraph.export import rdf_formats

        write = rdf_formats.turtle if f.name == "turtle" else rdf_formats.ntriples
        return {"": write(_with(graph, ontology)).encode("utf-8")}
    if f.name == "jsonld":
        from mzgraph.export.jsonld import jsonld

        return {"": jsonld(_with(graph, ontology)).encode("utf-8")}
    if f.is_rdf:
        return {"": _with(graph, ontology).serialize(format=f.rdflib, encoding="utf-8")}
    if f.name in ("graphml", "gexf"):
        from mzgraph.export import networks

        return {"": networks.graphml(graph) if f.name == "graphml" else networks.gexf(graph)}
    from mzgraph.export.tables import tables

    return tables(graph, keep_formulas=keep_formulas)


def export(
    graph: Graph, fmt: str, path: Path | str, *, ontology: Graph | None = None, keep_formulas: bool = False
) -> list[Path]:
    """Write ``graph`` as ``fmt`` to ``path`` (a folder for csv); return the files written.

    Everything is rendered in memory first and each file is written to a temporary file
    and renamed, so a failure leaves no half-written file behind.
    """
    path = Path(path)
    table = format_named(fmt).family == "table"
    if table and path.exists() and not path.is_dir():
        raise UsageError(f"{path}: csv export writes nodes.csv and edges.csv into a folder; this is a file")
    if not table and path.is_dir():
        raise UsageError(f"{path}: is a folder; give a file name such as {default_output(fmt, path)}")
    files = render(graph, fmt, ontology=ontology, keep_formulas=keep_formulas)
    targets = [(path / name, data) for name, data in files.items()] if table else [(path, files[""])]
    for target, data in targets:
        atomic_write(target, lambda f, data=data: f.write(data))
    return [t for t, _ in targets]


def write_graph(graph: Graph, path: Path | str, fmt: str | None = None) -> None:
    """Write ``graph`` to ``path`` atomically, in the format ``fmt`` or its suffix names,
    through the deterministic writers above (same graph → same bytes)."""
    path = Path(path)
    data = render(graph, output_format(path, fmt).name)[""]
    atomic_write(path, lambda f: f.write(data))


__all__ = ["FORMATS", "Format", "default_output", "export", "format_named", "render", "write_graph"]
