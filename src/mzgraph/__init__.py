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


def __getattr__(name: str):
    # load/KnowledgeGraph pull in pandas and pyoxigraph: import them on first use so that
    # `mzgraph --help` and `mzgraph build` stay fast.
    if name in ("load", "KnowledgeGraph"):
        from mzgraph import kg

        return getattr(kg, name)
    raise AttributeError(f"module 'mzgraph' has no attribute {name!r}")


__all__ = ["BuildResult", "KnowledgeGraph", "__version__", "build", "load"]
