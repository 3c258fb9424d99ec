"""Push a streamed build (N-Quads files, or a cluster's shards) to a store, graph by graph.

``mzgraph push`` loads one built graph and splits it into named graphs; a corpus past one
machine's memory cannot be loaded. Its N-Quads, written by the one encoder, already are in
those named graphs, a document's triples one after another: :class:`StreamedGraphs` reads
them with a streaming parser, one document graph at a time, and hands them to
:func:`mzgraph.remote.push.push` in the order of the files, so the requests, the batching,
the ``single_copy`` rule (relations and their statements live once, in the entities graph)
and the final count check are those of ``mzgraph push``. Only the relations moved out of the
document graphs and the entities graph are held, until the entities graph goes up last.
"""

from __future__ import annotations

import gzip
from collections.abc import Iterator, Mapping
from pathlib import Path

import pyoxigraph as ox
from rdflib import Graph, URIRef

from mzgraph.errors import InputError
from mzgraph.rdf.partition import ENTITIES_GRAPH, ONTOLOGY_GRAPH
from mzgraph.remote.push import DOC_GRAPH_PREFIX, ontology_graph, single_copy


def _quads(path: Path) -> Iterator[ox.Quad]:
    opener = gzip.open if path.name.endswith(".gz") else open
    with opener(path, "rb") as f:
        try:
            yield from ox.parse(f, ox.RdfFormat.N_QUADS)
        except SyntaxError as exc:
            raise InputError(f"{path}: not N-Quads ({str(exc).splitlines()[0]})") from None


def _graph(lines: list[str]) -> Graph:
    g = Graph()
    g.parse(data="".join(lines), format="nt")
    return g


class StreamedGraphs(Mapping):
    """The named graphs of N-Quads ``files`` as ``push`` sends them, read as they are sent.

    ``documents`` is the number of document graphs in the files (a build's result knows it),
    so that ``len`` needs no pass over them. Only :meth:`items` streams; it is what ``push``
    iterates. Iterating the keys (``push(..., replace=True)``) would read the files once
    more, and is refused: a cluster push never replaces.
    """

    def __init__(self, files: list[Path], documents: int, *, with_ontology: bool = True):
        self.files = [Path(f) for f in files]
        self.documents = documents
        self.ontology = ontology_graph() if with_ontology else None

    def __len__(self) -> int:
        return self.documents + 1 + (self.ontology is not None)

    def __iter__(self):
        raise TypeError("the graphs of a streamed push are read once, by items()")

    def __getitem__(self, iri):
        raise KeyError(iri)

    def items(self) -> Iterator[tuple[URIRef, Graph]]:  # type: ignore[override]
        entities = Graph()
        current, lines = None, []
        for path in self.files:
            for quad in _quads(path):
                name = quad.graph_name
                if not isinstance(name, ox.NamedNode):
                    raise InputError(f"{path}: a triple outside any named graph is not mzgraph's N-Quads")
                if name.value != current:
                    if current is not None:
                        yield from self._document(current, lines, entities)
                    current, lines = name.value, []
                lines.append(f"{quad.subject} {quad.predicate} {quad.object} .\n")
        if current is not None:
            yield from self._document(current, lines, entities)
        yield ENTITIES_GRAPH, entities
        if self.ontology is not None:
            yield ONTOLOGY_GRAPH, self.ontology

    @staticmethod
    def _document(iri: str, lines: list[str], entities: Graph) -> Iterator[tuple[URIRef, Graph]]:
        if iri == str(ENTITIES_GRAPH):  # the end of a build's N-Quads: kept for the last request
            for triple in _graph(lines):
                entities.add(triple)
            return
        if not iri.startswith(DOC_GRAPH_PREFIX):
            raise InputError(f"the graph <{iri}> is not one of a document or of the entities")
        doc = URIRef(iri)
        moved = Graph()
        split = single_copy({doc: _graph(lines), ENTITIES_GRAPH: moved})
        for triple in split[ENTITIES_GRAPH]:
            entities.add(triple)
        yield doc, split[doc]
