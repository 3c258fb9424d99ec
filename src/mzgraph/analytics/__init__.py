"""Graph analytics over the entity network (see ``mzgraph.network``).

``metrics`` sets centrality and community attributes on the network; ``stats`` counts what a
graph holds (SPARQL); ``paths`` finds the chains of relations between two entities; ``frames``
gives centrality and communities as DataFrames; ``report`` writes the one-page HTML summary.
Submodules are imported on first use, so ``mzgraph stats`` does not pay for pandas or plotly.
"""

from __future__ import annotations

import importlib

_EXPORTS = {
    "add_metrics": "mzgraph.analytics.metrics",
    "centrality": "mzgraph.analytics.frames",
    "communities": "mzgraph.analytics.frames",
    "graph_stats": "mzgraph.analytics.stats",
    "shortest_chains": "mzgraph.analytics.paths",
    "write_report": "mzgraph.analytics.report",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str):
    if name in _EXPORTS:
        return getattr(importlib.import_module(_EXPORTS[name]), name)
    raise AttributeError(f"module 'mzgraph.analytics' has no attribute {name!r}")
