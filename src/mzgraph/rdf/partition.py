"""Named graphs as writers take them, and the one rule for triples that come without graphs.

A :class:`GraphPart` is one named graph: its IRI and its N-Triples lines, sorted as
``mzgraph.rdf.encoder`` sorts them. A build makes them straight from the encoder, which
decides each triple's graph once (see ``mzgraph.rdf.encoder``); a file mzgraph wrote in
TriG or N-Quads gives them back as they are (:func:`read_parts`).

A graph without named graphs (Turtle, N-Triples, an rdflib Graph) is split by
:func:`partition`, which reads the encoder's rule back from the IRIs the encoder minted:
a triple belongs to document ``d`` when its subject or object is ``mzr:doc/d`` or under it
(context, sentences, mentions; the evidence link from a statement to a sentence), or a
target of ``d`` (``mzr:target/d/<offset>``), or when its subject is a statement whose
subject or object is such a target; everything else is the entities graph. A test holds
the two to the same answer on every triple of a corpus.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from mzgraph.rdf import ntriples as nt
from mzgraph.rdf.encoder import ENTITIES_GRAPH, Triple, document_graph, sorted_lines
from mzgraph.rdf.vocabulary import MZ, MZR, RDF

if TYPE_CHECKING:
    from rdflib import Graph

    from mzgraph.network import NetworkPart

ONTOLOGY_GRAPH = MZR + "graph/ontology"

_DOC = nt.iri(MZR + "doc/")[:-1]  # "<…/doc/", the start of a document's IRIs
_TARGET = nt.iri(MZR + "target/")[:-1]
_TYPE, _DOCUMENT = nt.iri(RDF + "type"), nt.iri(MZ + "Document")
_ENDS = (nt.iri(RDF + "subject"), nt.iri(RDF + "object"))


@dataclass(frozen=True)
class GraphPart:
    """One named graph. A build may hand a writer only the rendering it asks for
    (``mzgraph.export.rdf_formats.Writer.wants``), read from the cache, and its view only
    the graph's part of the entity network."""

    graph: str  # IRI of the named graph; "" for the default graph
    lines: bytes | None  # N-Triples lines, sorted (see ``mzgraph.rdf.encoder.sorted_lines``)
    turtle: bytes | None = None  # the same lines as Turtle blocks, when rendered already
    count: int | None = None  # number of triples, when known without the lines
    network: NetworkPart | None = None  # the graph's part of the entity network, when made already

    @property
    def triples(self) -> int:
        return self.count if self.count is not None else self.lines.count(b"\n")


class _Owners:
    """Which document an IRI belongs to, given the documents of the graph."""

    def __init__(self, docs: set[str]):
        self.docs = docs

    def __call__(self, term: str) -> str | None:
        if term.startswith(_DOC):
            rest = term[len(_DOC) : -1]
            # the longest document id that is a path prefix, so ids "a" and "a/b" stay apart
            while rest not in self.docs:
                cut = rest.rfind("/")
                if cut < 0:
                    return None
                rest = rest[:cut]
            return rest
        if term.startswith(_TARGET):
            doc = term[len(_TARGET) : -1].rpartition("/")[0]
            return doc if doc in self.docs else None
        return None


def partition(triples: Iterable[Triple]) -> list[GraphPart]:
    """Triples of N-Triples terms split by the rule above: document graphs in document-id
    order, then the entities graph (always there, maybe empty)."""
    triples = list(triples)
    owner = _Owners({s[len(_DOC) : -1] for s, p, o in triples if p == _TYPE and o == _DOCUMENT})
    statement_doc = {s: owner(o) for s, p, o in triples if p in _ENDS and owner(o)}
    graphs: dict[str, list[Triple]] = defaultdict(list)
    for t in triples:
        s, _, o = t
        doc = owner(s) or owner(o) or statement_doc.get(s)
        graphs[document_graph(doc) if doc else ""].append(t)
    docs = sorted((g for g in graphs if g), key=nt.natural_key)
    return [GraphPart(g, sorted_lines(graphs[g])) for g in docs] + [
        GraphPart(ENTITIES_GRAPH, sorted_lines(graphs.get("", ())))
    ]


def graph_triples(graph: Graph) -> Iterable[Triple]:
    """An rdflib graph's triples as N-Triples terms (blank nodes given canonical labels,
    so that the same graph always gives the same lines)."""
    from mzgraph.export.jsonld import canonical

    return ((nt.term(s), nt.term(p), nt.term(o)) for s, p, o in canonical(graph))


def graph_parts(graph: Graph) -> list[GraphPart]:
    """An rdflib graph (no named graphs) as parts, by :func:`partition`."""
    return partition(graph_triples(graph))


def _ox_term(term) -> str:
    import pyoxigraph as ox

    if isinstance(term, ox.NamedNode):
        return nt.iri(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return nt.literal(term.value, term.language)
        datatype = term.datatype.value
        return nt.literal(term.value, None, None if datatype == _XSD_STRING else datatype)
    raise _HasBlankNodes


class _HasBlankNodes(Exception):
    pass


_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"


def read_parts(path: Path | str) -> list[GraphPart]:
    """A graph file as parts: TriG and N-Quads keep their graphs (the default graph, if
    any, first; then named graphs in IRI order); other formats are split by
    :func:`partition`. Errors are one-line GraphErrors, as ``load_graph`` gives."""
    import pyoxigraph as ox

    from mzgraph.errors import GraphError
    from mzgraph.rdf.formats import format_for_path
    from mzgraph.rdf.io import load_graph

    path = Path(path)
    fmt = format_for_path(path)
    if not fmt.dataset:
        return graph_parts(load_graph(path))
    if not path.is_file():
        raise GraphError(f"{path}: no such graph file (run `mzgraph build` first, or pass --graph)")
    graphs: dict[str, list[Triple]] = defaultdict(list)
    try:
        for q in ox.parse(path=str(path), format=fmt.oxigraph):
            g = "" if isinstance(q.graph_name, ox.DefaultGraph) else q.graph_name.value
            graphs[g].append((_ox_term(q.subject), _ox_term(q.predicate), _ox_term(q.object)))
    except _HasBlankNodes:  # give them canonical labels, through rdflib
        return _read_parts_with_blank_nodes(path, fmt.rdflib)
    except (SyntaxError, ValueError, OSError) as exc:
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise GraphError(f"{path}: not a readable RDF graph ({first})") from exc
    names = sorted(graphs, key=lambda g: (g != "", nt.natural_key(g)))
    return [GraphPart(g, sorted_lines(graphs[g])) for g in names]


def _read_parts_with_blank_nodes(path: Path, rdflib_format: str) -> list[GraphPart]:
    from rdflib import Dataset

    ds = Dataset()
    ds.parse(path, format=rdflib_format)
    named = {"" if g.identifier == ds.default_graph.identifier else str(g.identifier): g for g in ds.graphs()}
    names = sorted((g for g in named if g or len(named[g])), key=lambda g: (g != "", nt.natural_key(g)))
    return [GraphPart(g, sorted_lines(graph_triples(named[g]))) for g in names]


__all__ = ["ENTITIES_GRAPH", "ONTOLOGY_GRAPH", "GraphPart", "graph_parts", "partition", "read_parts"]
