"""RDF: the typed model → triples under the mzgraph ontology, and graph files in and out."""

from __future__ import annotations

from mzgraph.rdf.encode import encode
from mzgraph.rdf.io import load_graph
from mzgraph.rdf.namespaces import ITSRDF, MZ, MZR, NIF, PREFIXES, bind_prefixes

__all__ = ["ITSRDF", "MZ", "MZR", "NIF", "PREFIXES", "bind_prefixes", "encode", "load_graph", "write_graph"]


def __getattr__(name: str):
    # the writers live in mzgraph.export, which reads and writes through mzgraph.rdf.io:
    # importing it here at the top would make the two packages import each other
    if name == "write_graph":
        from mzgraph.export import write_graph

        return write_graph
    raise AttributeError(f"module 'mzgraph.rdf' has no attribute {name!r}")
