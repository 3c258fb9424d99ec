"""SPARQL over mzgraph graphs: stores, a safe runner, output formats and ready questions.

>>> from mzgraph.query import open_backend, run, format_result      # doctest: +SKIP
>>> backend = open_backend("output/graph.ttl")                       # doctest: +SKIP
>>> print(format_result(run(backend, "SELECT * { ?s a mz:Policy }")))  # doctest: +SKIP
"""

from __future__ import annotations

from mzgraph.query.formats import FORMATS, format_result
from mzgraph.query.ready import ReadyQuestion, ready_question, ready_questions
from mzgraph.query.runner import QueryResult, run
from mzgraph.query.store import ENGINES, Backend, OxigraphBackend, RdflibBackend, SelectRows, open_backend

__all__ = [
    "ENGINES",
    "FORMATS",
    "Backend",
    "OxigraphBackend",
    "QueryResult",
    "RdflibBackend",
    "ReadyQuestion",
    "SelectRows",
    "format_result",
    "open_backend",
    "ready_question",
    "ready_questions",
    "run",
]
