"""Push a streamed build (N-Quads files, or a cluster's shards) to a store, graph by graph.

``mzgraph push`` reads one built graph's named graphs; a corpus past one machine's memory
cannot be held whole. Its N-Quads, written by the one encoder, already are those named
graphs (a relation and its statement node once, in the entities graph; a document's graph
holds what only it says), a document's lines one after another: :class:`StreamedGraphs`
reads them with a streaming parser, one document graph at a time, and hands them to
:func:`mzgraph.remote.push.push` in the order of the files, so the requests, the batching
and the final count check are those of ``mzgraph push``. Only the entities graph is held,
until it goes up last.
"""

from __future__ import annotations

import gzip
from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox

from mzgraph.errors import InputError
from mzgraph.rdf.encoder import sorted_lines
from mzgraph.rdf.partition import ENTITIES_GRAPH, ONTOLOGY_GRAPH, GraphPart, graph_triples
from mzgraph.remote.push import DOC_GRAPH_PREFIX, ontology_graph


def _quads(path: Path) -> Iterator[ox.Quad]:
    opener = gzip.open if path.name.endswith(".gz") else open
    with opener(path, "rb") as f:
        try:
            yield from ox.parse(f, ox.RdfFormat.N_QUADS)
        except SyntaxError as exc:
            raise InputError(f"{path}: not N-Quads ({str(exc).splitlines()[0]})") from None


class StreamedGraphs:
    """The named graphs of N-Quads ``files`` as ``push`` sends them, read as they are sent:
    a sequence of :class:`~mzgraph.rdf.partition.GraphPart` that is iterated once.

    ``documents`` is the number of document graphs in the files (a build's result knows it),
    so that ``len`` needs no pass over them. A second iteration would read the files again
    and is refused (``push(..., replace=True)`` iterates twice: a streamed push never replaces).
    """

    def __init__(self, files: list[Path], documents: int, *, with_ontology: bool = True):
        self.files = [Path(f) for f in files]
        self.documents = documents
        self.ontology = ontology_graph() if with_ontology else None
        self._read = False

    def __len__(self) -> int:
        return self.documents + 1 + (self.ontology is not None)

    def __iter__(self) -> Iterator[GraphPart]:
        if self._read:
            raise TypeError("the graphs of a streamed push are read once")
        self._read = True
        entities: dict[str, None] = {}  # lines, in order, each once
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
        yield GraphPart(ENTITIES_GRAPH, "".join(entities).encode("utf-8"))
        if self.ontology is not None:
            yield GraphPart(ONTOLOGY_GRAPH, sorted_lines(graph_triples(self.ontology)))

    @staticmethod
    def _document(iri: str, lines: list[str], entities: dict[str, None]) -> Iterator[GraphPart]:
        if iri == ENTITIES_GRAPH:  # the end of a build's N-Quads: kept for the last request
            entities.update(dict.fromkeys(lines))
            return
        if not iri.startswith(DOC_GRAPH_PREFIX):
            raise InputError(f"the graph <{iri}> is not one of a document or of the entities")
        yield GraphPart(iri, "".join(lines).encode("utf-8"))
