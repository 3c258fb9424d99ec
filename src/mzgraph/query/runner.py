"""Running a SPARQL query: parameters bound, judged by the gate, run where it can be stopped.

:func:`run` is the one way mzgraph runs a query on a backend (the CLI, ``kg.query``,
``view --query``, the analytics, ``serve`` and the remote endpoint backend all come here
or to :func:`mzgraph.query.gate.admit` directly):

* ``--param`` values are bound into the query's ``VALUES`` blocks (:func:`bind`), then the
  whole text goes through the gate (:mod:`mzgraph.query.gate`): an update is refused
  unless ``allow_update``, SERVICE, LOAD and FROM graphs the store does not hold unless
  ``allow_service``;
* a read runs in the backend's worker process (:mod:`mzgraph.query.worker`), which is
  killed when ``timeout`` seconds pass (default :data:`DEFAULT_TIMEOUT`), so a runaway
  query stops and frees its memory; ``max_rows`` cuts a SELECT short (the result says so);
* an update (only with ``allow_update``) runs in the caller's process, since it must
  change the caller's store; the worker's now stale copy is replaced. A writable on-disk
  store cannot be forked from safely (``OxigraphBackend.can_fork``), so its queries run in
  the caller's process too and the timeout cannot stop them: open it read-only to query.

The prefixes of the ontology contract (``mz``, ``mzr``, ``rdf``, ``rdfs``, ``skos``, ``xsd``,
``dcterms``, ``prov``, ``nif``, ``itsrdf`` …) are declared before the user's text; error
positions are given in the user's own lines.
"""

from __future__ import annotations

import inspect
import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from mzgraph.defaults import DEFAULT_TIMEOUT
from mzgraph.errors import QueryError, UsageError
from mzgraph.query.gate import Policy, admit
from mzgraph.query.store import Backend, SelectRows, Term
from mzgraph.rdf.namespaces import sparql_prologue

# Parameter binding finds ``VALUES ?x { one value }`` blocks in the text; strings, IRIs and
# comments are blanked first so a block inside them is not taken. This only locates where a
# value goes: what the bound query does is decided by the gate's parse afterwards.
_OPAQUE = re.compile(
    r'"""(?:[^"\\]|\\.|"(?!""))*"""'
    r"|'''(?:[^'\\]|\\.|'(?!''))*'''"
    r'|"(?:[^"\\\n]|\\.)*"'
    r"|'(?:[^'\\\n]|\\.)*'"
    r"|<[^<>\"{}|^`\\\x00-\x20]*>"
    r"|#[^\n]*",
    re.S,
)


@dataclass
class QueryResult:
    """What a query returned: rows for SELECT, a boolean for ASK, triples for CONSTRUCT."""

    kind: str  # "select" | "ask" | "construct" | "update"
    variables: list[str] = field(default_factory=list)
    rows: list[tuple[Term | None, ...]] = field(default_factory=list)
    boolean: bool | None = None
    triples: list[tuple[Term, Term, Term]] = field(default_factory=list)
    truncated: bool = False  # cut short by ``max_rows``


def _blank_opaque(query: str) -> str:
    """The query with strings, IRIs and comments replaced by spaces (same length, same lines)."""
    return _OPAQUE.sub(lambda m: re.sub(r"[^\n]", " ", m.group(0)), query)


_VALUES_1 = re.compile(r"VALUES\s+\?(?P<var>\w+)\s*\{(?P<body>[^{}]*)\}", re.I)
_ONE_VALUE = re.compile(r'"(?:[^"\\\n]|\\.)*"|[+-]?\d+(?:\.\d+)?')


def _parameter_blocks(query: str) -> dict[str, re.Match]:
    """``VALUES ?name { one string or number }`` blocks (several values make a set, not a parameter)."""
    out = {}
    for m in _VALUES_1.finditer(_blank_opaque(query)):
        if _ONE_VALUE.fullmatch(query[m.start("body") : m.end("body")].strip()):
            out[m.group("var")] = m
    return out


def values_parameters(query: str) -> dict[str, str]:
    """The parameters ``bind`` can set and their defaults as written (``"新余市"``)."""
    return {var: query[m.start("body") : m.end("body")].strip() for var, m in _parameter_blocks(query).items()}


def sparql_string(value: str) -> str:
    escaped = value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "\\r")
    return f'"{escaped}"'


def bind(query: str, params: dict[str, str]) -> str:
    """Set the value of ``VALUES ?name { … }`` blocks from ``params`` (``--param name=value``).

    The value becomes a string literal, or a number when the block's default is a bare
    number; it is escaped, so a parameter can never change the query's structure.
    """
    if not params:
        return query
    spans = _parameter_blocks(query)
    missing = sorted(set(params) - set(spans))
    if missing:
        have = ", ".join(sorted(spans)) or "none"
        raise UsageError(f"the query has no VALUES ?{missing[0]} {{ … }} block to bind (parameters: {have})")
    out, last = [], 0
    for m in sorted((spans[name] for name in params), key=lambda m: m.start()):
        default = query[m.start("body") : m.end("body")].strip()
        value = params[m.group("var")]
        if re.fullmatch(r"[+-]?\d+(\.\d+)?", default):
            try:
                literal = str(Decimal(value))
            except InvalidOperation:
                raise UsageError(f"--param {m.group('var')} must be a number, not {value!r}") from None
        else:
            literal = sparql_string(value)
        out.append(query[last : m.start("body")] + f" {literal} ")
        last = m.end("body")
    out.append(query[last:])
    return "".join(out)


def local_graph_names(backend: Backend) -> frozenset[str]:
    """The named graphs ``backend`` holds (``FROM <g>`` on one of them reads nothing remote)."""
    names = getattr(backend, "graph_names", None)
    return frozenset(names()) if callable(names) else frozenset()


def run(
    backend: Backend,
    query: str,
    *,
    params: dict[str, str] | None = None,
    allow_update: bool = False,
    allow_service: bool = False,
    timeout: float | None = DEFAULT_TIMEOUT,
    max_rows: int | None = None,
) -> QueryResult:
    """Bind, judge and run ``query`` on ``backend`` (see the module docstring)."""
    query = bind(query, params or {})
    parsed = admit(
        query,
        Policy(allow_update=allow_update, allow_network=allow_service, local_graphs=local_graph_names(backend)),
    )
    if parsed.names_graphs and not getattr(backend, "holds_named_graphs", True):
        raise QueryError(
            f"the {backend.name} engine holds one graph: GRAPH, FROM and FROM NAMED need --engine oxigraph"
        )
    prologue = sparql_prologue()
    full = prologue + parsed.text  # the text the gate judged (codepoint escapes expanded)

    def options(method) -> dict:
        # Local backends map error positions back to the user's lines and cut rows short.
        accepted = inspect.signature(method).parameters
        out: dict = {}
        if "line_offset" in accepted:
            out["line_offset"] = prologue.count("\n")
        if max_rows and "max_rows" in accepted:
            out["max_rows"] = max_rows
        return out

    if parsed.is_update:
        from mzgraph.query.worker import forget_worker

        backend.update(full, **options(backend.update))
        forget_worker(backend)  # its copy of the store no longer holds what ours does
        return QueryResult("update")
    name = {"ASK": "ask", "CONSTRUCT": "construct", "DESCRIBE": "construct"}.get(parsed.form, "select")
    method = getattr(backend, name)
    if timeout and getattr(backend, "can_fork", True):
        from mzgraph.query.worker import worker_for

        value = worker_for(backend).call(name, full, options(method), timeout=timeout)
    else:
        value = method(full, **options(method))
    if name == "ask":
        return QueryResult("ask", boolean=bool(value))
    if name == "construct":
        cut = bool(max_rows) and len(value) > max_rows
        return QueryResult("construct", triples=value[:max_rows] if cut else value, truncated=cut)
    rows: SelectRows = value
    cut = rows.truncated or (bool(max_rows) and len(rows.rows) > max_rows)
    return QueryResult(
        "select", variables=rows.variables, rows=rows.rows[:max_rows] if max_rows else rows.rows, truncated=cut
    )
