"""RDF: the typed model → triples under the mzgraph ontology, and graph files in and out."""

from __future__ import annotations

from mzgraph.rdf.encode import encode
from mzgraph.rdf.io import load_graph, write_graph
from mzgraph.rdf.namespaces import ITSRDF, MZ, MZR, NIF, PREFIXES, bind_prefixes

__all__ = ["ITSRDF", "MZ", "MZR", "NIF", "PREFIXES", "bind_prefixes", "encode", "load_graph", "write_graph"]
