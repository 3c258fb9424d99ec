"""JSON-LD: the graph compacted with the context shipped in this package.

The context (``mzgraph/export/context.jsonld``) is embedded in every file, not referenced
by URL, so neither writing nor reading a file needs the network. Nodes are sorted by
``@id`` and unordered value arrays by their JSON text, so the output is deterministic.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

from rdflib import BNode, Graph
from rdflib.compare import to_canonical_graph

CONTEXT_FILE = Path(__file__).with_name("context.jsonld")
_FIRST = {"@id": 0, "@type": 1}


@cache
def _context_text() -> str:
    return CONTEXT_FILE.read_text(encoding="utf-8")


def context() -> dict:
    """The shipped JSON-LD context (the value of ``@context``), a fresh copy."""
    return json.loads(_context_text())["@context"]


def canonical(graph: Graph) -> Graph:
    """``graph`` itself, or a copy with canonical blank-node labels if it has blank nodes
    (a parser gives them fresh labels on every run)."""
    if any(isinstance(t, BNode) for triple in graph for t in triple):
        return to_canonical_graph(graph)
    return graph


def _sorted(node, key: str | None = None):
    if isinstance(node, dict):
        # "@id" and "@type" first, as people write JSON-LD; then terms in name order
        return {k: _sorted(node[k], k) for k in sorted(node, key=lambda k: (k not in _FIRST, _FIRST.get(k, 0), k))}
    if isinstance(node, list):
        items = [_sorted(v) for v in node]
        if key == "@list":  # an RDF list: order is meaning
            return items
        return sorted(items, key=lambda v: (v.get("@id", "") if isinstance(v, dict) else "", _dump(v)))
    return node


def _dump(value) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def jsonld(graph: Graph) -> str:
    """``graph`` as compacted JSON-LD text with the shipped context inline."""
    ctx = context()
    data = json.loads(canonical(graph).serialize(format="json-ld", context=ctx, auto_compact=True))
    if isinstance(data, list):  # an empty graph comes out as a bare array
        data = {"@graph": data}
    data["@context"] = ctx
    if "@graph" not in data:  # a single node is not wrapped; wrap it so readers see one shape
        node = {k: v for k, v in data.items() if k != "@context"}
        data = {"@context": ctx, "@graph": [node] if node else []}
    # the context as shipped (prefixes, then terms), then the nodes in @id order
    out = {"@context": ctx, "@graph": _sorted(data["@graph"])}
    return json.dumps(out, ensure_ascii=False, indent=2) + "\n"
