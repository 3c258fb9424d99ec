"""Where mzgraph reads and writes when the user names nothing, and the limits it keeps.

Kept apart from ``mzgraph.pipeline`` so that commands which only read a graph (``query``,
``stats``, ``view`` …) can show these defaults in their options without importing the
build stack (ingest, extraction, resolution).
"""

from __future__ import annotations

from pathlib import Path

DEFAULT_DATA = Path("data")
DEFAULT_OUTPUT = Path("output/graph.ttl")
DEFAULT_TIMEOUT = 120.0  # seconds a query may run before it is stopped (0 or None: no limit)
DEFAULT_MAX_RESULT_BYTES = 64 << 20  # bytes of one answer `serve` writes before it stops the query
DEFAULT_IDLE_TIMEOUT = 15.0  # seconds `serve` keeps a silent connection open
# a build draws its network view by default only up to this many triples: a page of tens of
# thousands of nodes is slow in any browser, and the view holds the documents' parts of the
# entity network in memory (a build's peak 0.25 GB at 1.7 M triples and 39,276 nodes; 1.4 GB
# when it held their lines); --html draws it whatever the size
DEFAULT_VIEW_TRIPLES = 1_000_000
