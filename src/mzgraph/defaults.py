"""Where mzgraph reads and writes when the user names nothing.

Kept apart from ``mzgraph.pipeline`` so that commands which only read a graph (``query``,
``stats``, ``view`` …) can show these defaults in their options without importing the
build stack (ingest, extraction, resolution).
"""

from __future__ import annotations

from pathlib import Path

DEFAULT_DATA = Path("data")
DEFAULT_OUTPUT = Path("output/graph.ttl")
