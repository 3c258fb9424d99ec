"""Running a SPARQL query safely: prefixes, read-only by default, no SERVICE, a timeout.

The checks work on the query text (comments, strings and IRIs blanked out first), so
they hold for every backend, a remote endpoint included:

* the form is read from the first keyword after the prologue: SELECT, ASK, CONSTRUCT and
  DESCRIBE run; an update (INSERT, DELETE, LOAD, CLEAR, …) is refused unless
  ``allow_update``;
* a ``SERVICE`` clause (and ``LOAD``, which fetches a document) is refused unless
  ``allow_service``;
* the query runs in a worker thread; if it is not done after ``timeout`` seconds the
  caller gets a :class:`~mzgraph.errors.QueryError` (Oxigraph releases the GIL while it
  evaluates, so the wait is honoured for both engines).

The prefixes of the ontology contract (``mz``, ``mzr``, ``rdf``, ``rdfs``, ``skos``, ``xsd``,
``dcterms``, ``prov``, ``nif``, ``itsrdf`` …) are declared before the user's text; error
positions are given in the user's own lines.
"""

from __future__ import annotations

import inspect
import re
import threading
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from mzgraph.errors import QueryError, UsageError
from mzgraph.query.store import Backend, SelectRows, Term
from mzgraph.rdf.namespaces import sparql_prologue

QUERY_FORMS = {"SELECT", "ASK", "CONSTRUCT", "DESCRIBE"}
UPDATE_FORMS = {"INSERT", "DELETE", "LOAD", "CLEAR", "CREATE", "DROP", "COPY", "MOVE", "ADD", "WITH"}

# Things whose content must not be mistaken for keywords, in the order the lexer tries them.
_OPAQUE = re.compile(
    r'"""(?:[^"\\]|\\.|"(?!""))*"""'
    r"|'''(?:[^'\\]|\\.|'(?!''))*'''"
    r'|"(?:[^"\\\n]|\\.)*"'
    r"|'(?:[^'\\\n]|\\.)*'"
    r"|<[^<>\"{}|^`\\\x00-\x20]*>"
    r"|#[^\n]*",
    re.S,
)
_TOKEN = re.compile(r"[^\s{}()\[\],;.]+")


@dataclass
class QueryResult:
    """What a query returned: rows for SELECT, a boolean for ASK, triples for CONSTRUCT."""

    kind: str  # "select" | "ask" | "construct" | "update"
    variables: list[str] = field(default_factory=list)
    rows: list[tuple[Term | None, ...]] = field(default_factory=list)
    boolean: bool | None = None
    triples: list[tuple[Term, Term, Term]] = field(default_factory=list)


def blank_opaque(query: str) -> str:
    """The query with strings, IRIs and comments replaced by spaces (same length, same lines)."""
    return _OPAQUE.sub(lambda m: re.sub(r"[^\n]", " ", m.group(0)), query)


def keywords(query: str) -> list[str]:
    return _TOKEN.findall(blank_opaque(query))


def query_form(query: str) -> str | None:
    """The first keyword after the prologue (``SELECT``, ``INSERT`` …), upper-cased."""
    tokens = keywords(query)
    i = 0
    while i < len(tokens):
        word = tokens[i].upper()
        if word == "BASE":
            i += 1
        elif word == "PREFIX":
            i += 2  # PREFIX pname: (the IRI is blanked)
        else:
            return word
    return None


def check_query(query: str, *, allow_update: bool = False, allow_service: bool = False) -> str:
    """The form of ``query`` after the safety checks; raises QueryError when refused."""
    if not keywords(query):
        raise QueryError("empty query (nothing but whitespace and comments)")
    form = query_form(query)
    tokens = {t.upper() for t in keywords(query)}
    if form in UPDATE_FORMS and not allow_update:
        raise QueryError(f"refused: {form} is a SPARQL Update and queries are read-only (use --allow-update)")
    if not allow_service:
        if "SERVICE" in tokens:
            raise QueryError("refused: SERVICE calls another endpoint over the network (use --allow-service)")
        if form in UPDATE_FORMS and "LOAD" in tokens:
            raise QueryError("refused: LOAD fetches a document over the network (use --allow-service)")
    return form or ""


_VALUES_1 = re.compile(r"VALUES\s+\?(?P<var>\w+)\s*\{(?P<body>[^{}]*)\}", re.I)
_ONE_VALUE = re.compile(r'"(?:[^"\\\n]|\\.)*"|[+-]?\d+(?:\.\d+)?')


def _parameter_blocks(query: str) -> dict[str, re.Match]:
    """``VALUES ?name { one string or number }`` blocks (several values make a set, not a parameter)."""
    out = {}
    for m in _VALUES_1.finditer(blank_opaque(query)):
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


def _with_timeout(fn, timeout: float | None):
    if timeout is None or timeout <= 0:
        return fn()
    box: dict = {}

    def work() -> None:
        try:
            box["value"] = fn()
        except BaseException as exc:  # handed to the caller's thread
            box["error"] = exc

    worker = threading.Thread(target=work, name="mzgraph-query", daemon=True)
    worker.start()
    worker.join(timeout)
    if worker.is_alive():
        raise QueryError(f"query timed out after {timeout:g} s (raise --timeout)")
    if "error" in box:
        raise box["error"]
    return box["value"]


def run(
    backend: Backend,
    query: str,
    *,
    params: dict[str, str] | None = None,
    allow_update: bool = False,
    allow_service: bool = False,
    timeout: float | None = None,
) -> QueryResult:
    """Check, bind and run ``query`` on ``backend``."""
    query = bind(query, params or {})
    form = check_query(query, allow_update=allow_update, allow_service=allow_service)
    prologue = sparql_prologue()
    full = prologue + query
    offset = prologue.count("\n")

    def call(method, text):
        # Local backends map error positions back to the user's lines; others get the text.
        if "line_offset" in inspect.signature(method).parameters:
            return method(text, line_offset=offset)
        return method(text)

    if form in UPDATE_FORMS:
        _with_timeout(lambda: call(backend.update, full), timeout)
        return QueryResult("update")
    if form == "ASK":
        return QueryResult("ask", boolean=_with_timeout(lambda: call(backend.ask, full), timeout))
    if form in ("CONSTRUCT", "DESCRIBE"):
        return QueryResult("construct", triples=_with_timeout(lambda: call(backend.construct, full), timeout))
    rows: SelectRows = _with_timeout(lambda: call(backend.select, full), timeout)
    return QueryResult("select", variables=rows.variables, rows=rows.rows)
