"""The one table of file formats mzgraph reads and writes.

Each :class:`Format` says what a format is called (its name and the aliases rdflib and
users write), which file extensions and media type it has, whether it holds named graphs
(a dataset: TriG, N-Quads) and which pyoxigraph ``RdfFormat`` and rdflib parser read it.
``build``, ``export``, ``query``, ``serve`` and ``push`` all look formats up here:

* :func:`format_named` — by name or alias (``"ttl"``, ``"turtle"`` → Turtle);
* :func:`format_for_path` — by the file's extension (what a graph file is);
* :func:`format_for_media_type` — by an HTTP media type (``text/turtle; charset=utf-8``).

The network and table exports (GraphML, GEXF, CSV) are entries of the same table, of
another ``family``. This module imports nothing heavy: ``mzgraph --help`` reads it.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from mzgraph.errors import UsageError

RDF = "rdf"
NETWORK = "network"
TABLE = "table"


@dataclass(frozen=True)
class Format:
    name: str
    family: str  # RDF, NETWORK or TABLE
    extensions: tuple[str, ...]  # the first is the one written; () for a folder of files
    media_type: str
    help: str
    dataset: bool = False  # holds named graphs (TriG, N-Quads)
    aliases: tuple[str, ...] = ()
    rdflib: str | None = None  # rdflib's parser/serializer name

    @property
    def extension(self) -> str:
        """The extension of a file written in this format; ``""`` for a folder (csv)."""
        return self.extensions[0] if self.extensions else ""

    @property
    def is_rdf(self) -> bool:
        return self.family == RDF

    @property
    def oxigraph(self):
        """pyoxigraph's ``RdfFormat`` for this format (None for non-RDF formats)."""
        if not self.is_rdf:
            return None
        import pyoxigraph  # imported on use: the table itself stays light

        return pyoxigraph.RdfFormat.from_media_type(self.media_type)


FORMATS: dict[str, Format] = {
    f.name: f
    for f in (
        Format(
            "turtle",
            RDF,
            (".ttl",),
            "text/turtle",
            "Turtle, grouped by subject, project prefixes",
            aliases=("ttl",),
            rdflib="turtle",
        ),
        Format(
            "nt",
            RDF,
            (".nt",),
            "application/n-triples",
            "N-Triples, sorted lines",
            aliases=("ntriples", "nt11", "n-triples"),
            rdflib="nt",
        ),
        Format(
            "trig",
            RDF,
            (".trig",),
            "application/trig",
            "TriG, a named graph per document + entities",
            dataset=True,
            rdflib="trig",
        ),
        Format(
            "nquads",
            RDF,
            (".nq",),
            "application/n-quads",
            "N-Quads, the TriG graphs as sorted lines",
            dataset=True,
            aliases=("nq", "n-quads"),
            rdflib="nquads",
        ),
        Format(
            "jsonld",
            RDF,
            (".jsonld", ".json"),
            "application/ld+json",
            "JSON-LD, the shipped context inline",
            aliases=("json-ld",),
            rdflib="json-ld",
        ),
        Format(
            "rdfxml",
            RDF,
            (".rdf", ".owl", ".xml"),
            "application/rdf+xml",
            "RDF/XML, for older RDF tools",
            aliases=("xml", "rdf", "rdf/xml"),
            rdflib="xml",
        ),
        Format(
            "graphml",
            NETWORK,
            (".graphml",),
            "application/graphml+xml",
            "entity network for yEd, Cytoscape, networkx",
        ),
        Format("gexf", NETWORK, (".gexf",), "application/gexf+xml", "entity network for Gephi"),
        Format("csv", TABLE, (), "text/csv", "nodes.csv + edges.csv, UTF-8 with BOM for Excel"),
    )
}
DEFAULT = FORMATS["turtle"]

_BY_NAME = {alias: f for f in FORMATS.values() for alias in (f.name, *f.aliases)}
_BY_EXTENSION = {ext: f for f in FORMATS.values() for ext in f.extensions}
_BY_MEDIA_TYPE = {f.media_type: f for f in FORMATS.values()}


def names(family: str | None = None) -> list[str]:
    """Format names, in table order, of one family or all."""
    return [f.name for f in FORMATS.values() if family is None or f.family == family]


def format_named(name: str, family: str | None = None) -> Format:
    """The format called ``name`` (or one of its aliases); UsageError if there is none
    (in ``family``, when given)."""
    f = _BY_NAME.get(name.lower())
    if f is None or (family is not None and f.family != family):
        raise UsageError(f"unknown format {name!r} (choose from {', '.join(names(family))})")
    return f


def format_for_path(path: Path | str, default: Format | None = DEFAULT) -> Format | None:
    """The RDF format a graph file's extension names; ``default`` for other extensions."""
    f = _BY_EXTENSION.get(Path(path).suffix.lower())
    return f if f is not None and f.is_rdf else default


def format_for_media_type(media_type: str) -> Format | None:
    """The format of an HTTP ``Content-Type``/``Accept`` item (parameters ignored), or None."""
    return _BY_MEDIA_TYPE.get(media_type.split(";", 1)[0].strip().lower())


def output_format(path: Path | str, name: str | None = None) -> Format:
    """The RDF format to write ``path`` in: ``name`` when given, else its extension, else Turtle."""
    return format_named(name, RDF) if name else format_for_path(path)


__all__ = [
    "DEFAULT",
    "FORMATS",
    "Format",
    "format_for_media_type",
    "format_for_path",
    "format_named",
    "names",
    "output_format",
]
