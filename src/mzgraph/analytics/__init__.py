"""Graph analytics over the entity network (see ``mzgraph.network``).

``metrics`` sets centrality and community attributes on the network; ``stats`` counts what a
graph holds (SPARQL); ``paths`` finds the chains of relations between two entities; ``frames``
gives centrality and communities as DataFrames; ``report`` writes the one-page HTML summary.
"""

from __future__ import annotations

from mzgraph.analytics.frames import centrality, communities
from mzgraph.analytics.metrics import add_metrics
from mzgraph.analytics.paths import shortest_chains
from mzgraph.analytics.stats import graph_stats

__all__ = ["add_metrics", "centrality", "communities", "graph_stats", "shortest_chains"]
