"""mzgraph: knowledge graphs from Chinese government policy reports.

>>> import mzgraph
>>> result = mzgraph.build(["data/"])          # doctest: +SKIP
>>> kg = mzgraph.load("output/graph.ttl")      # doctest: +SKIP
"""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("mzgraph")
except PackageNotFoundError:  # running from a source tree
    __version__ = "0.0.0+unknown"

from mzgraph.pipeline import BuildResult, build  # noqa: E402

__all__ = ["BuildResult", "__version__", "build"]
