"""Namespaces of the ontology contract and the prefixes bound on every graph."""

from __future__ import annotations

from rdflib import Graph, Namespace, URIRef

from mzgraph.rdf import vocabulary

MZ = Namespace(vocabulary.MZ)
MZR = Namespace(vocabulary.MZR)
NIF = Namespace(vocabulary.NIF)
ITSRDF = Namespace(vocabulary.ITSRDF)
ORG = Namespace(vocabulary.ORG)
SCHEMA = Namespace(vocabulary.SCHEMA)
GAZETTEER = URIRef(vocabulary.GAZETTEER)

PREFIXES: dict[str, Namespace] = {prefix: Namespace(iri) for prefix, iri in vocabulary.PREFIXES.items()}


def bind_prefixes(graph: Graph) -> Graph:
    for prefix, ns in PREFIXES.items():
        graph.bind(prefix, ns, override=True, replace=True)
    return graph


def sparql_prologue() -> str:
    """PREFIX lines for every bound prefix, to put before a user's query."""
    return vocabulary.sparql_prologue()
