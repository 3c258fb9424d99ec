"""N-Triples terms and lines: the one escaper every writer of mzgraph uses.

A *line* is ``<s> <p> o .\\n`` in N-Triples; the encoder emits them, the cache stores them,
N-Quads add the graph before the dot, and Turtle/TriG are compacted from them
(``mzgraph.export.rdf_formats``). Every N-Triples term is also a valid Turtle term.

Strings escape ``"``, ``\\``, line breaks and tab by name and every other control character
(and DEL) as ``\\u00XX``, so a line never holds a raw control character: every reader
(rdflib, pyoxigraph, raptor's ``rapper``) accepts it and a terminal shows it as it is. IRIs
escape the characters an IRI may not hold the same way.
"""

from __future__ import annotations

import re

_DIGITS = re.compile(r"(\d+)")
_IRI_UNSAFE = re.compile(r'[\x00-\x20<>"{}|^`\\]')
_STRING_ESCAPES = {'"': '\\"', "\\": "\\\\", "\n": "\\n", "\r": "\\r", "\t": "\\t"}
_STRING_UNSAFE = re.compile(r'["\\\x00-\x1f\x7f]')


def _escape(m: re.Match) -> str:
    ch = m.group(0)
    return _STRING_ESCAPES.get(ch) or f"\\u{ord(ch):04X}"


def iri(text: str) -> str:
    """``<text>``, characters an IRI may not hold escaped."""
    return "<" + _IRI_UNSAFE.sub(lambda m: f"\\u{ord(m.group(0)):04X}", text) + ">"


def literal(text: str, lang: str | None = None, datatype: str | None = None) -> str:
    """A literal: ``"text"``, ``"text"@lang`` or ``"text"^^<datatype>``."""
    body = '"' + _STRING_UNSAFE.sub(_escape, text) + '"'
    if lang:
        return f"{body}@{lang}"
    if datatype:
        return f"{body}^^{iri(datatype)}"
    return body


def term(node) -> str:
    """An rdflib term (IRI, blank node or literal) as N-Triples text."""
    from rdflib import BNode, Literal, URIRef  # (whoever holds an rdflib term has rdflib loaded)

    if isinstance(node, URIRef):
        return iri(str(node))
    if isinstance(node, BNode):
        return f"_:{node}"
    if isinstance(node, Literal):
        return literal(str(node), node.language, str(node.datatype) if node.datatype is not None else None)
    raise TypeError(f"cannot write {node!r} as RDF")


def line(s: str, p: str, o: str) -> str:
    return f"{s} {p} {o} .\n"


def split(text: str) -> tuple[str, str, str]:
    """A line's subject, predicate and object terms (IRIs and blank node labels hold no
    space, so the first two spaces end the subject and the predicate)."""
    s, p, rest = text.split(" ", 2)
    return s, p, rest[: rest.rindex(" .")]


def natural_key(text: str) -> tuple:
    """Sort key comparing runs of digits as numbers (``mention/96-99`` before
    ``mention/1058-1061``); ties broken by the raw text."""
    parts = _DIGITS.split(text)
    return tuple(int(p) if i % 2 else p for i, p in enumerate(parts)) + (text,)


__all__ = ["iri", "line", "literal", "natural_key", "split", "term"]
