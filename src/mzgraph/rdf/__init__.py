"""RDF: the typed model → triples under the mzgraph ontology, and graph files in and out."""

from __future__ import annotations

import importlib

# imported on first use: reading a graph file (mzgraph.rdf.io) must not load rdflib and the encoder
_LAZY = {
    "encode": "mzgraph.rdf.encoder",
    "load_graph": "mzgraph.rdf.io",
    **{name: "mzgraph.rdf.namespaces" for name in ("ITSRDF", "MZ", "MZR", "NIF", "PREFIXES", "bind_prefixes")},
}

__all__ = ["ITSRDF", "MZ", "MZR", "NIF", "PREFIXES", "bind_prefixes", "encode", "load_graph", "write_graph"]


def __getattr__(name: str):
    # the writers live in mzgraph.export, which reads and writes through mzgraph.rdf.io:
    # importing it here at the top would make the two packages import each other
    if name in _LAZY:
        return getattr(importlib.import_module(_LAZY[name]), name)
    if name == "write_graph":
        from mzgraph.export import write_graph

        return write_graph
    raise AttributeError(f"module 'mzgraph.rdf' has no attribute {name!r}")
