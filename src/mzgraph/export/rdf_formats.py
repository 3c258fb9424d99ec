"""Deterministic RDF writers, streaming named graphs of N-Triples lines to a file.

Every writer reads the same input: a sequence of :class:`~mzgraph.rdf.partition.GraphPart`
(a named graph's IRI and its lines, sorted as ``mzgraph.rdf.encoder`` sorts them), in the
order a build gives them: each document's graph in input order, then the entities graph.
A build hands the parts over one at a time (from the cache or a worker), so no format
but JSON-LD and RDF/XML ever holds the whole dataset.

* N-Triples — the lines as they are; N-Quads — the graph IRI put before each dot.
* Turtle — compacted from the lines in one pass: consecutive lines of one subject become
  one block (``;`` between predicates, ``,`` between objects), IRIs shortened to the
  project's prefixes where the local part is a plain name (so every reader of Turtle 1.0
  or 1.1 accepts it), datatypes too. A subject is in one graph's part only, except a
  relation's statement node, whose ``prov:wasDerivedFrom`` links come in the part of each
  evidencing document: Turtle allows a subject to have several blocks.
* TriG — the same Turtle blocks, each graph's in ``<graph> { … }``.

Turtle is the default output, so a document's Turtle blocks are rendered once, by the
worker that encodes it, and cached beside its lines (:attr:`GraphPart.turtle`): a Turtle or
TriG build then copies bytes per document as an N-Triples build does, and compacts only
the entities graph, which changes with every build.
* JSON-LD (``mzgraph.export.jsonld``) and RDF/XML (pyoxigraph's writer) need the whole
  graph: they are made from the concatenated lines at the end.

Why compact lines rather than hand pyoxigraph's serializers quads: pyoxigraph would need
the lines parsed back into terms first (as costly as compacting them, about 2 µs a triple)
and writes subjects in its own order; compacting sorted lines keeps every format in one
order and the Turtle of a document independent of the rest of the corpus, so it can be
cached (``benchmarks/build_formats.py`` measures the result).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import BinaryIO

from mzgraph.rdf import ntriples as nt
from mzgraph.rdf.partition import GraphPart
from mzgraph.rdf.vocabulary import PREFIXES, RDF

_LOCAL_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_-]*\Z")
_RDF_TYPE = nt.iri(RDF + "type")


class _Names:
    """Shortens N-Triples IRIs to ``prefix:local`` where that is unambiguous and portable."""

    def __init__(self, prefixes: Mapping[str, str]):
        # longest namespace first, so a nested namespace wins over its parent
        self.prefixes = sorted(((str(ns), p) for p, ns in prefixes.items()), key=lambda x: (-len(x[0]), x[1]))
        self._written: dict[str, str] = {}

    def iri(self, term: str) -> str:
        """``<iri>`` → ``prefix:local``, or the term as it is."""
        written = self._written.get(term)
        if written is None:
            written = term
            text = term[1:-1]
            for ns, prefix in self.prefixes:
                if text.startswith(ns) and _LOCAL_NAME.match(text, len(ns)):
                    written = f"{prefix}:{text[len(ns) :]}"
                    break
            if len(self._written) < 1 << 16:  # predicates, classes and datatypes recur
                self._written[term] = written
        return written

    def predicate(self, term: str) -> str:
        return "a" if term == _RDF_TYPE else self.iri(term)

    def object(self, term: str) -> str:
        if term[0] == "<":
            return self.iri(term)
        if term[0] == '"' and term[-1] == ">":  # a typed literal: shorten the datatype
            cut = term.rindex('"^^<') + 3  # an IRI holds no '"', so the last one ends the string
            return term[:cut] + self.iri(term[cut:])
        return term


def prefix_lines(prefixes: Mapping[str, str] = PREFIXES) -> str:
    return "".join(f"@prefix {p}: <{ns}> .\n" for p, ns in sorted(prefixes.items()))


_NAMES = _Names(PREFIXES)


def turtle_blocks(lines: bytes, names: _Names = _NAMES) -> bytes:
    """Sorted N-Triples lines as Turtle blocks (for the project's prefixes), one per run of
    lines of one subject, each followed by an empty line."""
    out: list[str] = []
    subject = predicate = None
    # split on "\n" only: a literal may hold U+2028 and the like raw, str.splitlines would cut it
    for text in lines.decode("utf-8").split("\n"):
        if not text:
            continue
        s, p, o = nt.split(text)
        if s != subject:
            if subject is not None:
                out.append(" .\n\n")
            out += (names.iri(s), " ", names.predicate(p), " ", names.object(o))
            subject, predicate = s, p
        elif p != predicate:
            out += (" ;\n    ", names.predicate(p), " ", names.object(o))
            predicate = p
        else:
            out += (",\n        ", names.object(o))
    if subject is not None:
        out.append(" .\n\n")
    return "".join(out).encode("utf-8")


def part_turtle(part: GraphPart) -> bytes:
    """The part's Turtle blocks: rendered by the build once per document (and cached), or now."""
    return part.turtle if part.turtle is not None else turtle_blocks(part.lines)


class Writer:
    """Writes parts to ``out`` as they come: ``start()``, ``part()`` for each, ``end()``."""

    wants = "lines"  # the rendering of a part it reads: "lines" or "turtle"

    def __init__(self, out: BinaryIO):
        self.out = out

    def start(self) -> None:
        pass

    def part(self, part: GraphPart) -> None:
        raise NotImplementedError

    def end(self) -> None:
        pass


class NTriples(Writer):
    def part(self, part: GraphPart) -> None:
        self.out.write(part.lines)


class NQuads(Writer):
    def part(self, part: GraphPart) -> None:
        if not part.graph:  # the default graph: lines as they are
            self.out.write(part.lines)
        else:  # a line ends " .\n" only there: a line break inside a literal is escaped
            self.out.write(part.lines.replace(b" .\n", f" {nt.iri(part.graph)} .\n".encode()))


class Turtle(Writer):
    wants = "turtle"

    def start(self) -> None:
        self.out.write((prefix_lines(PREFIXES) + "\n").encode())

    def part(self, part: GraphPart) -> None:
        self.out.write(part_turtle(part))


class TriG(Turtle):
    """Each named graph's Turtle blocks as they are (not indented: the same bytes as in
    Turtle, so a document's rendering is made once) between ``<graph> {`` and ``}``."""

    def part(self, part: GraphPart) -> None:
        if not part.graph:
            return super().part(part)
        self.out.write(f"{_NAMES.iri(nt.iri(part.graph))} {{\n\n".encode())
        self.out.write(part_turtle(part))
        self.out.write(b"}\n\n")


class _WholeGraph(Writer):
    """Formats written from the whole graph at the end (the lines are kept until then)."""

    def start(self) -> None:
        self.lines: list[bytes] = []

    def part(self, part: GraphPart) -> None:
        self.lines.append(part.lines)


class JsonLd(_WholeGraph):
    def end(self) -> None:
        from rdflib import Graph

        from mzgraph.export.jsonld import jsonld

        graph = Graph().parse(data=b"".join(self.lines), format="nt")
        self.out.write(jsonld(graph).encode("utf-8"))


class RdfXml(_WholeGraph):
    def end(self) -> None:
        import pyoxigraph as ox

        from mzgraph.rdf.formats import FORMATS

        # the lines are sorted and each is in one graph only: oxigraph writes them in order
        triples = ox.parse(b"".join(self.lines), format=ox.RdfFormat.N_TRIPLES)
        prefixes = {p: str(ns) for p, ns in PREFIXES.items()}
        ox.serialize(triples, self.out, format=FORMATS["rdfxml"].oxigraph, prefixes=prefixes)


WRITERS: dict[str, type[Writer]] = {
    "nt": NTriples,
    "nquads": NQuads,
    "turtle": Turtle,
    "trig": TriG,
    "jsonld": JsonLd,
    "rdfxml": RdfXml,
}


def write(parts: Iterable[GraphPart], fmt: str, out: BinaryIO) -> int:
    """Write ``parts`` to ``out`` in the RDF format named ``fmt``; gives the number of triples."""
    writer = WRITERS[fmt](out)
    writer.start()
    count = 0
    for part in parts:
        writer.part(part)
        count += part.triples
    writer.end()
    return count


__all__ = ["WRITERS", "Writer", "prefix_lines", "turtle_blocks", "write"]
