"""mzgraph: knowledge graphs from Chinese government policy reports.

>>> import mzgraph
>>> result = mzgraph.build(["data/"])          # doctest: +SKIP
>>> kg = mzgraph.load("output/graph.ttl")      # doctest: +SKIP

Everything here is imported on first use: ``build`` pulls in the whole build stack
(ingest, extraction, resolution), ``load`` pandas and pyoxigraph. ``import mzgraph`` and
``mzgraph --help`` pay for none of them (``tests/foundation/test_imports.py`` holds that line).
"""

from __future__ import annotations

import importlib

_LAZY = {
    "build": "mzgraph.pipeline",
    "BuildResult": "mzgraph.pipeline",
    "load": "mzgraph.kg",
    "KnowledgeGraph": "mzgraph.kg",
}


def __getattr__(name: str):
    if name == "__version__":
        from mzgraph._version import __version__ as value
    elif name in _LAZY:
        value = getattr(importlib.import_module(_LAZY[name]), name)
    else:
        raise AttributeError(f"module 'mzgraph' has no attribute {name!r}")
    globals()[name] = value  # later look-ups skip __getattr__
    return value


__all__ = ["BuildResult", "KnowledgeGraph", "__version__", "build", "load"]
