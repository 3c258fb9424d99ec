"""Oxigraph terms as the rdflib terms that compare equal to what rdflib itself would parse."""

from __future__ import annotations

import pyoxigraph as ox
from rdflib import BNode, Literal, URIRef
from rdflib.namespace import XSD

Term = URIRef | BNode | Literal
_XSD_STRING = str(XSD.string)


def from_ox(term: ox.NamedNode | ox.BlankNode | ox.Literal | None) -> Term | None:
    """A pyoxigraph term as an rdflib term (``None`` stays ``None``: an unbound variable)."""
    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        if term.datatype.value == _XSD_STRING:  # rdflib keeps simple literals untyped
            return Literal(term.value)
        return Literal(term.value, datatype=URIRef(term.datatype.value))
    raise TypeError(f"unsupported term: {term!r}")
