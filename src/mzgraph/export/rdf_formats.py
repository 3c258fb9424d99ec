"""Deterministic RDF writers: Turtle, N-Triples, TriG and N-Quads.

rdflib's Turtle serializer orders subjects by how often they are referenced and sorts
objects with ``Literal.__lt__``, which is not a total order across datatypes, so equal
graphs can come out in different orders. These writers sort every term by one total key
(kind, then the text with runs of digits compared as numbers, then datatype and language),
so the same graph always gives the same bytes, and offsets read in the order they occur
(``mention/96-99`` before ``mention/1058-1061``).

Layout: Turtle groups triples by subject (``rdf:type`` first as ``a``, then ``rdfs:label``,
then predicates by name); N-Triples and N-Quads are sorted lines. IRIs are shortened to the
project's prefixes only where the local part is a plain name, so every reader of Turtle 1.0
or 1.1 (rdflib, pyoxigraph, raptor's ``rapper``) accepts the output. A graph with blank
nodes is first given canonical blank-node labels (``rdflib.compare``) so that it too is
written deterministically; the encoder itself emits none.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.compare import to_canonical_graph
from rdflib.namespace import RDF, RDFS

from mzgraph.rdf.namespaces import PREFIXES

_DIGITS = re.compile(r"(\d+)")
_LOCAL_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_-]*\Z")
_IRI_UNSAFE = re.compile(r'[\x00-\x20<>"{}|^`\\]')
_STRING_ESCAPES = {'"': '\\"', "\\": "\\\\", "\n": "\\n", "\r": "\\r", "\t": "\\t"}
_STRING_UNSAFE = re.compile(r'["\\\x00-\x1f\x7f]')

# predicates a reader looks for first; the rest follow in name order
_PREDICATE_FIRST = (RDF.type, RDFS.label)


def natural_key(text: str) -> tuple:
    """Sort key comparing runs of digits as numbers; ties broken by the raw text."""
    parts = _DIGITS.split(text)
    return tuple(int(p) if i % 2 else p for i, p in enumerate(parts)) + (text,)


def term_key(term) -> tuple:
    """A total order over IRIs, blank nodes and literals."""
    if isinstance(term, URIRef):
        return (0, natural_key(str(term)), "", "")
    if isinstance(term, BNode):
        return (1, natural_key(str(term)), "", "")
    if isinstance(term, Literal):
        return (2, natural_key(str(term)), str(term.datatype or ""), term.language or "")
    return (3, natural_key(str(term)), "", "")


def _escape_string(text: str) -> str:
    def sub(m: re.Match) -> str:
        ch = m.group(0)
        return _STRING_ESCAPES.get(ch) or f"\\u{ord(ch):04X}"

    return '"' + _STRING_UNSAFE.sub(sub, text) + '"'


def _iri(iri: str) -> str:
    return "<" + _IRI_UNSAFE.sub(lambda m: f"\\u{ord(m.group(0)):04X}", iri) + ">"


class _Names:
    """Shortens IRIs to ``prefix:local`` where that is unambiguous and portable."""

    def __init__(self, prefixes: Mapping[str, str]):
        # longest namespace first, so a nested namespace wins over its parent
        self.prefixes = sorted(((str(ns), p) for p, ns in prefixes.items()), key=lambda x: (-len(x[0]), x[1]))
        self._written: dict[str, str] = {}  # predicates and classes recur on every subject

    def iri(self, iri: str) -> str:
        written = self._written.get(iri)
        if written is None:
            written = _iri(iri)
            for ns, prefix in self.prefixes:
                if iri.startswith(ns) and _LOCAL_NAME.match(iri[len(ns) :]):
                    written = f"{prefix}:{iri[len(ns) :]}"
                    break
            self._written[iri] = written
        return written

    def term(self, term) -> str:
        if isinstance(term, URIRef):
            return self.iri(str(term))
        if isinstance(term, BNode):
            return f"_:{term}"
        if isinstance(term, Literal):
            text = _escape_string(str(term))
            if term.language:
                return f"{text}@{term.language}"
            if term.datatype is not None:
                return f"{text}^^{self.iri(str(term.datatype))}"
            return text
        raise TypeError(f"cannot write {term!r} as RDF")


_FULL = _Names({})


def canonical(graph: Graph) -> Graph:
    """``graph`` itself, or a copy with canonical blank-node labels if it has blank nodes."""
    if any(isinstance(t, BNode) for triple in graph for t in triple):
        return to_canonical_graph(graph)
    return graph


def _prefix_lines(prefixes: Mapping[str, str]) -> list[str]:
    return [f"@prefix {p}: <{ns}> ." for p, ns in sorted(prefixes.items())]


def _predicate_key(names: _Names, p) -> tuple:
    if p in _PREDICATE_FIRST:
        return (_PREDICATE_FIRST.index(p), "")
    return (len(_PREDICATE_FIRST), natural_key(names.term(p)))


def _turtle_blocks(graph: Graph, names: _Names, indent: str = "") -> Iterable[str]:
    """One block of text per subject, subjects in term order."""
    by_subject: dict = {}
    for s, p, o in graph:
        by_subject.setdefault(s, {}).setdefault(p, []).append(o)
    for s in sorted(by_subject, key=term_key):
        props = by_subject[s]
        lines = []
        for p in sorted(props, key=lambda p: _predicate_key(names, p)):
            pname = "a" if p == RDF.type else names.term(p)
            objects = [names.term(o) for o in sorted(props[p], key=term_key)]
            lines.append(f"{pname} " + f",\n{indent}        ".join(objects))
        yield f"{indent}{names.term(s)} " + f" ;\n{indent}    ".join(lines) + " ."


def turtle(graph: Graph, prefixes: Mapping[str, str] = PREFIXES) -> str:
    """``graph`` as Turtle: the project's prefixes, one block per subject, sorted."""
    names = _Names(prefixes)
    blocks = list(_turtle_blocks(canonical(graph), names))
    return "\n".join(_prefix_lines(prefixes)) + "\n\n" + "\n\n".join(blocks) + ("\n" if blocks else "")


def trig(graphs: Mapping[URIRef, Graph], prefixes: Mapping[str, str] = PREFIXES) -> str:
    """Named graphs as TriG, graphs in IRI order, each laid out like :func:`turtle`."""
    names = _Names(prefixes)
    out = ["\n".join(_prefix_lines(prefixes)), ""]
    for name in sorted(graphs, key=term_key):
        blocks = list(_turtle_blocks(canonical(graphs[name]), names, indent="    "))
        out.append(f"{names.term(name)} {{\n" + "\n\n".join(blocks) + ("\n" if blocks else "") + "}\n")
    return "\n".join(out)


def ntriples_line(s, p, o, g=None) -> str:
    parts = [_FULL.term(s), _FULL.term(p), _FULL.term(o)] + ([_FULL.term(g)] if g is not None else [])
    return " ".join(parts) + " ."


def ntriples(graph: Graph) -> str:
    """``graph`` as N-Triples, one triple a line, lines sorted (so diffs line up)."""
    lines = sorted(ntriples_line(s, p, o) for s, p, o in canonical(graph))
    return "".join(line + "\n" for line in lines)


def nquads(graphs: Mapping[URIRef, Graph]) -> str:
    """Named graphs as N-Quads, lines sorted."""
    lines = sorted(ntriples_line(s, p, o, name) for name, g in graphs.items() for s, p, o in canonical(g))
    return "".join(line + "\n" for line in lines)


__all__ = ["canonical", "natural_key", "nquads", "ntriples", "term_key", "trig", "turtle"]
