"""Graph analytics over the entity network (see ``mzgraph.network``)."""

from __future__ import annotations

from mzgraph.analytics.metrics import add_metrics

__all__ = ["add_metrics"]
