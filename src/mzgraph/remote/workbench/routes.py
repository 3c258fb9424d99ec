"""The workbench's routes: the page, its files, and the small JSON API the page calls.

Each route is ``(server, request) -> Response`` (see :mod:`mzgraph.remote.serve`). A bad
request raises :class:`~mzgraph.remote.serve.EndpointError`, which the server answers with
its status and a one-line text, as it does for ``/sparql``.
"""

from __future__ import annotations

import json
import math
from functools import cache
from http import HTTPStatus
from importlib import resources

import pandas as pd
import pyoxigraph as ox

from mzgraph.errors import MzgraphError
from mzgraph.kg import EntityNotFound, KnowledgeGraph
from mzgraph.query.ready import ready_question, ready_questions
from mzgraph.query.runner import QueryResult, bind
from mzgraph.query.store import OxigraphBackend, from_ox
from mzgraph.rdf.namespaces import PREFIXES
from mzgraph.remote.serve import EndpointError, Request, Response, SparqlServer

PAGE_CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
    "frame-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
)
# same-origin, not no-referrer: under no-referrer a browser sends "Origin: null" with the page's
# own POSTs (the downloads), which the server's Origin check cannot tell from a foreign page's
COMMON_HEADERS = {"X-Content-Type-Options": "nosniff", "Referrer-Policy": "same-origin", "Cache-Control": "no-store"}
DOWNLOADS = {"csv": ("text/csv", "csv"), "json": ("application/json", "json")}  # format → media type, suffix
PARAM_PREFIX = "p."  # /workbench/bind?name=entity-sentences&p.label=新余市


@cache
def _resource(name: str) -> str:
    return (resources.files("mzgraph.remote.workbench") / name).read_text(encoding="utf-8")


def _static(name: str, media_type: str, headers: dict[str, str] | None = None) -> Response:
    body = _resource(f"static/{name}").encode("utf-8")
    return Response(HTTPStatus.OK, body, media_type + "; charset=utf-8", {**COMMON_HEADERS, **(headers or {})})


def _json(obj) -> Response:
    body = json.dumps(obj, ensure_ascii=False, separators=(",", ":"), allow_nan=False).encode("utf-8")
    return Response(HTTPStatus.OK, body, "application/json; charset=utf-8", COMMON_HEADERS)


def _required(request: Request, name: str) -> str:
    value = request.param(name)
    if value is None or not value.strip():
        raise EndpointError(HTTPStatus.BAD_REQUEST, f"the {name} parameter is required")
    return value


# --- the page ---------------------------------------------------------------------------


def page(server: SparqlServer, request: Request) -> Response:
    return _static("index.html", "text/html", {"Content-Security-Policy": PAGE_CSP})


def script(server: SparqlServer, request: Request) -> Response:
    return _static("workbench.js", "text/javascript")


def stylesheet(server: SparqlServer, request: Request) -> Response:
    return _static("workbench.css", "text/css")


# --- ready questions --------------------------------------------------------------------


def _comment(text: str) -> list[str]:
    """The leading ``#`` lines after the first (which is the description)."""
    lines = []
    for line in text.lstrip().splitlines():
        if not line.startswith("#"):
            break
        lines.append(line.lstrip("#").strip())
    return lines[1:]


def questions(server: SparqlServer, request: Request) -> Response:
    """The ready questions and the prefixes every query has declared for it."""
    return _json(
        {
            "endpoint": "/sparql",
            "prefixes": [[p, str(ns)] for p, ns in PREFIXES.items()],
            "questions": [
                {
                    "name": q.name,
                    "description": q.description,
                    "comment": _comment(q.text),
                    "parameters": q.parameters,
                    "text": q.text,
                }
                for q in ready_questions().values()
            ],
        }
    )


def bound_question(server: SparqlServer, request: Request) -> Response:
    """A ready question's text with its parameters set (``p.NAME=value``), as ``--param`` does."""
    name = _required(request, "name")
    params = {k[len(PARAM_PREFIX) :]: v[0] for k, v in request.params.items() if k.startswith(PARAM_PREFIX) and v}
    try:
        question = ready_question(name)
        missing = [p for p in question.parameters if not params.get(p, "").strip()]
        if missing:
            raise EndpointError(HTTPStatus.BAD_REQUEST, f"{name} needs a value for {', '.join(missing)}")
        text = bind(question.text, params)
    except MzgraphError as exc:
        raise EndpointError(HTTPStatus.BAD_REQUEST, str(exc)) from None
    return _json({"name": name, "text": text})


# --- entities ---------------------------------------------------------------------------


def _centre(request: Request) -> ox.NamedNode:
    iri = _required(request, "iri")
    try:
        return ox.NamedNode(iri)
    except ValueError:
        raise EndpointError(HTTPStatus.BAD_REQUEST, f"not an IRI: {iri!r}") from None


def neighbourhood_query(centre: ox.NamedNode) -> str:
    """``neighbourhood.rq`` about ``centre``."""
    # str(NamedNode) is the IRI in <...>, and the constructor has checked that it holds no
    # character that could end it: the query's structure stays the template's
    return _resource("neighbourhood.rq").replace("$centre", str(centre))


def neighbourhood(server: SparqlServer, centre: ox.NamedNode) -> KnowledgeGraph:
    """The entity's neighbourhood in a store of its own."""
    store = ox.Store()
    store.extend(ox.Quad(t.subject, t.predicate, t.object) for t in server.execute(neighbourhood_query(centre)))
    return KnowledgeGraph(OxigraphBackend(store), source=centre.value)


def _cell(value):
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    if hasattr(value, "item"):  # numpy scalars from the DataFrame
        value = value.item()
    return value if isinstance(value, (int, float, str, bool)) else str(value)


def _records(frame: pd.DataFrame) -> list[dict]:
    return [{col: _cell(v) for col, v in zip(frame.columns, row, strict=True)} for row in frame.itertuples(index=False)]


def entity(server: SparqlServer, request: Request) -> Response:
    """What :meth:`KnowledgeGraph.describe` says of the entity ``iri``, as JSON."""
    centre = _centre(request)
    try:
        found = neighbourhood(server, centre).describe(centre.value)
    except EntityNotFound:
        raise EndpointError(HTTPStatus.NOT_FOUND, f"no entity {centre.value} in the graph") from None
    return _json(
        {
            "iri": found.iri,
            "label": found.label,
            "types": found.types,
            "alt_labels": found.alt_labels,
            "attributes": {k: _cell(v) for k, v in found.attributes.items()},
            "relations": _records(found.relations),
            "sentences": _records(found.sentences),
        }
    )


def network(server: SparqlServer, request: Request) -> Response:
    """The view's page of the entity's neighbourhood (shown in the workbench's frame)."""
    from mzgraph.view import to_html

    centre = _centre(request)
    kg = neighbourhood(server, centre)
    if not len(kg):
        raise EndpointError(HTTPStatus.NOT_FOUND, f"no entity {centre.value} in the graph")
    body = to_html(kg, title=_label(kg, centre) or centre.value).encode("utf-8")
    # the view's page carries its own CSP (scripts by hash, no network); this one only says who may frame it
    headers = {**COMMON_HEADERS, "Content-Security-Policy": "frame-ancestors 'self'"}
    return Response(HTTPStatus.OK, body, "text/html; charset=utf-8", headers)


def _label(kg: KnowledgeGraph, centre: ox.NamedNode) -> str | None:
    store = kg.backend.store
    for quad in store.quads_for_pattern(centre, ox.NamedNode(str(PREFIXES["rdfs"]) + "label"), None):
        return quad.object.value
    return None


def find(server: SparqlServer, request: Request) -> Response:
    """Entities whose name contains ``q`` (``find.rq``), best first."""
    query = bind(_resource("find.rq"), {"needle": _required(request, "q").strip()})
    rows = server.execute(query)
    return _json([{"iri": row["entity"].value, "label": row["label"].value, "type": row["type"].value} for row in rows])


# --- downloads --------------------------------------------------------------------------


def query_result(answer) -> QueryResult:
    """pyoxigraph's answer as the runner's :class:`QueryResult` (what the formats write)."""
    if isinstance(answer, ox.QuerySolutions):
        names = [v.value for v in answer.variables]
        rows = [tuple(from_ox(sol[i]) for i in range(len(names))) for sol in answer]
        return QueryResult("select", variables=names, rows=rows)
    if isinstance(answer, ox.QueryTriples):
        return QueryResult(
            "construct", triples=[(from_ox(t.subject), from_ox(t.predicate), from_ox(t.object)) for t in answer]
        )
    return QueryResult("ask", boolean=bool(answer))


def download(server: SparqlServer, request: Request) -> Response:
    """The answer to ``query`` as a file: CSV or SPARQL JSON as ``mzgraph query`` writes them."""
    from mzgraph.query.formats import format_result

    query = _required(request, "query")
    fmt = request.param("format", "csv")
    if fmt not in DOWNLOADS:
        raise EndpointError(HTTPStatus.BAD_REQUEST, f"format must be one of {', '.join(DOWNLOADS)}")
    try:
        result = query_result(server.execute(query))
    except (OSError, ValueError, RuntimeError) as exc:  # evaluation errors surface while iterating
        raise EndpointError(HTTPStatus.BAD_REQUEST, f"query failed: {str(exc).strip().splitlines()[0]}") from None
    media, suffix = DOWNLOADS[fmt]
    if result.kind == "construct":  # the formats write graphs as Turtle whatever was asked
        media, suffix = "text/turtle", "ttl"
    body = format_result(result, fmt).encode("utf-8")
    headers = {**COMMON_HEADERS, "Content-Disposition": f'attachment; filename="results.{suffix}"'}
    return Response(HTTPStatus.OK, body, media + "; charset=utf-8", headers)


ROUTES = {
    "/": page,
    "/workbench/workbench.js": script,
    "/workbench/workbench.css": stylesheet,
    "/workbench/questions": questions,
    "/workbench/bind": bound_question,
    "/workbench/entity": entity,
    "/workbench/network": network,
    "/workbench/find": find,
    "/workbench/download": download,
}
