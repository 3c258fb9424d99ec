"""A read-only SPARQL 1.1 Protocol endpoint over a built graph (``mzgraph serve``).

Python's ``http.server`` in front of a pyoxigraph ``Store``, rather than the ``oxigraph``
server binary: pyoxigraph is already a dependency (the binary would add a 22 MB package to
every install), it reads a graph file straight into memory (the binary's read-only mode
wants an on-disk store prepared first), and refusing every update with 403 is a rule of
this module rather than a promise of another program's flags.

Protocol: ``GET /sparql?query=...``, ``POST /sparql`` with a form body (``query=...``) or
an ``application/sparql-query`` body; ``default-graph-uri`` / ``named-graph-uri`` select
the dataset. Without them the default graph is the file's default graph merged with all
its named graphs (so a TriG export, split one graph per document, answers like the flat
``graph.ttl``, as a pushed store does through :mod:`mzgraph.remote.backend`), and every
named graph is there for ``GRAPH``. Results are negotiated by
``Accept``: SPARQL JSON (default), SPARQL XML, CSV, TSV for SELECT/ASK; Turtle (default),
N-Triples, RDF/XML, JSON-LD for CONSTRUCT/DESCRIBE. Updates (``update=``,
``application/sparql-update``, an update sent as a query, PUT/DELETE/PATCH) get 403.
``/query`` is an alias of ``/sparql`` (Oxigraph's name).

Other paths are looked up in the server's route table (``make_server(routes=...)``): the
browser workbench (:mod:`mzgraph.remote.workbench`) plugs in there. A route is a function
``(server, Request) -> Response``; whatever SPARQL it runs goes through
:meth:`SparqlServer.execute`, the endpoint's own way in, so it meets the same checks and limits.
"""

from __future__ import annotations

import re
import socket
import sys
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pyoxigraph as ox

from mzgraph.errors import GraphError, UsageError
from mzgraph.rdf.namespaces import PREFIXES

ENDPOINT_PATHS = ("/sparql", "/query")
STORE_METADATA = "urn:mzgraph:store"  # where `mzgraph query --store` notes which file it loaded
READ_ONLY = "this endpoint is read-only: updates are refused"
MAX_BODY = 1 << 20  # a query larger than 1 MiB is not a query a person wrote

SOLUTION_TYPES = {
    "application/sparql-results+json": ox.QueryResultsFormat.JSON,
    "application/json": ox.QueryResultsFormat.JSON,
    "application/sparql-results+xml": ox.QueryResultsFormat.XML,
    "application/xml": ox.QueryResultsFormat.XML,
    "text/xml": ox.QueryResultsFormat.XML,
    "text/csv": ox.QueryResultsFormat.CSV,
    "text/tab-separated-values": ox.QueryResultsFormat.TSV,
}
GRAPH_TYPES = {
    "text/turtle": ox.RdfFormat.TURTLE,
    "application/n-triples": ox.RdfFormat.N_TRIPLES,
    "text/plain": ox.RdfFormat.N_TRIPLES,
    "application/rdf+xml": ox.RdfFormat.RDF_XML,
    "application/ld+json": ox.RdfFormat.JSON_LD,
}
_UPDATE = re.compile(
    r"^\s*(?:(?:PREFIX\s+\S*:\s*<[^>]*>|BASE\s+<[^>]*>)\s*)*"
    r"(INSERT|DELETE|LOAD|CLEAR|DROP|CREATE|ADD|MOVE|COPY|WITH)\b",
    re.IGNORECASE,
)
_COMMENT = re.compile(r"#[^\n]*")


def open_store(graph: Path | None = None, store_dir: Path | None = None) -> ox.Store:
    """An in-memory store with ``graph`` loaded, or the on-disk store ``store_dir`` read-only."""
    if store_dir is not None:
        if not store_dir.is_dir():
            raise GraphError(f"{store_dir}: no such store folder")
        try:
            return ox.Store.read_only(str(store_dir))
        except OSError as exc:
            raise GraphError(f"{store_dir}: not an Oxigraph store ({_first_line(exc)})") from None
    assert graph is not None
    if not graph.is_file():
        raise GraphError(f"{graph}: no such graph file (run `mzgraph build` first, or pass --graph)")
    fmt = ox.RdfFormat.from_extension(graph.suffix.lstrip(".").lower())
    if fmt is None:
        raise UsageError(f"{graph}: unknown RDF file type {graph.suffix!r} (use .ttl, .nt, .trig, .nq, .rdf, .jsonld)")
    store = ox.Store()
    try:
        store.bulk_load(path=str(graph), format=fmt)
    except (SyntaxError, OSError, ValueError) as exc:
        raise GraphError(f"{graph}: not a readable RDF graph ({_first_line(exc)})") from None
    return store


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__


def negotiate(accept: str | None, offered: dict[str, object], default: str) -> str | None:
    """The media type of ``offered`` that ``accept`` prefers (``default`` for */*), or None."""
    if not accept:
        return default
    ranked = []
    for i, item in enumerate(accept.split(",")):
        fields = [f.strip() for f in item.split(";")]
        media, q = fields[0].lower(), 1.0
        for param in fields[1:]:
            if param.startswith("q="):
                try:
                    q = float(param[2:])
                except ValueError:
                    q = 0.0
        if q > 0:
            ranked.append((-q, i, media))
    for _, _, media in sorted(ranked):
        if media in offered:
            return media
        if media in ("*/*", "application/*", "text/*"):
            family = media.split("/")[0]
            if media == "*/*" or default.startswith(family + "/"):
                return default
            for candidate in offered:
                if candidate.startswith(family + "/"):
                    return candidate
    return None


class EndpointError(Exception):
    """A query the endpoint will not or cannot answer: the HTTP status and a one-line reason."""

    def __init__(self, status: HTTPStatus, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


@dataclass(frozen=True)
class Request:
    """What a route sees of a request: the query-string and (form) body parameters merged."""

    method: str
    path: str
    params: dict[str, list[str]]
    headers: Mapping[str, str]

    def param(self, name: str, default: str | None = None) -> str | None:
        values = self.params.get(name)
        return values[0] if values else default


@dataclass(frozen=True)
class Response:
    status: HTTPStatus
    body: bytes
    content_type: str
    headers: dict[str, str] = field(default_factory=dict)


Route = Callable[["SparqlServer", Request], Response]


class SparqlServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(
        self,
        address: tuple[str, int],
        store: ox.Store,
        log: Callable[[str], None] | None = None,
        routes: Mapping[str, Route] | None = None,
    ):
        self.store = store
        self.log = log
        self.dataset = default_dataset(store)
        self.routes = dict(routes or {})
        if ":" in address[0]:
            self.address_family = socket.AF_INET6
        super().__init__(address, _Handler)

    def execute(self, query: str, params: dict[str, list[str]] | None = None):
        """Run a read-only query as the endpoint does: the one way SPARQL reaches the store.

        ``params`` are the protocol's (``default-graph-uri``, ``named-graph-uri``). Returns
        pyoxigraph's QuerySolutions, QueryBoolean or QueryTriples; raises
        :class:`EndpointError` (403 for updates, 400 for bad queries).
        """
        if _UPDATE.match(_COMMENT.sub(" ", query)):
            raise EndpointError(HTTPStatus.FORBIDDEN, READ_ONLY)
        try:
            return self.store.query(
                query,
                prefixes={p: str(ns) for p, ns in PREFIXES.items()},
                **_dataset(params or {}, self.dataset),
            )
        except SyntaxError as exc:
            raise EndpointError(HTTPStatus.BAD_REQUEST, f"query syntax error: {_first_line(exc)}") from None
        except (OSError, ValueError, TypeError) as exc:
            raise EndpointError(HTTPStatus.BAD_REQUEST, f"query failed: {_first_line(exc)}") from None


class _Handler(BaseHTTPRequestHandler):
    server: SparqlServer
    server_version = "mzgraph-serve"
    protocol_version = "HTTP/1.1"

    # --- routing -------------------------------------------------------------------------
    def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
        url = urlsplit(self.path)
        if url.path in self.server.routes:
            self._route(url.path, parse_qs(url.query, keep_blank_values=True))
            return
        if url.path in ("/", ""):
            self._send_text(HTTPStatus.OK, "mzgraph read-only SPARQL endpoint: GET or POST /sparql?query=...\n")
            return
        if url.path not in ENDPOINT_PATHS:
            self._send_text(HTTPStatus.NOT_FOUND, f"no such endpoint {url.path}; the endpoint is /sparql\n")
            return
        params = parse_qs(url.query, keep_blank_values=True)
        if "update" in params:
            self._refuse()
            return
        self._answer(params.get("query", []), params)

    def do_POST(self) -> None:  # noqa: N802
        url = urlsplit(self.path)
        if url.path not in ENDPOINT_PATHS and url.path not in self.server.routes:
            self._send_text(HTTPStatus.NOT_FOUND, f"no such endpoint {url.path}; the endpoint is /sparql\n")
            return
        body = self._read_body()
        if body is None:
            return
        params = parse_qs(url.query, keep_blank_values=True)
        ctype = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
        if url.path in self.server.routes:
            if ctype == "application/x-www-form-urlencoded":
                for key, values in parse_qs(body.decode("utf-8", errors="replace"), keep_blank_values=True).items():
                    params.setdefault(key, []).extend(values)
            self._route(url.path, params)
            return
        if ctype == "application/sparql-update":
            self._refuse()
            return
        if ctype == "application/x-www-form-urlencoded":
            form = parse_qs(body.decode("utf-8", errors="replace"), keep_blank_values=True)
            if "update" in form:
                self._refuse()
                return
            for key, values in form.items():
                params.setdefault(key, []).extend(values)
            self._answer(form.get("query", []), params)
        elif ctype == "application/sparql-query":
            self._answer([body.decode("utf-8", errors="replace")], params)
        else:
            self._send_text(
                HTTPStatus.UNSUPPORTED_MEDIA_TYPE,
                "send application/x-www-form-urlencoded (query=...) or application/sparql-query\n",
            )

    def do_PUT(self) -> None:  # noqa: N802
        self._read_body()
        self._refuse()

    do_DELETE = do_PATCH = do_PUT  # noqa: N815

    # --- answering -----------------------------------------------------------------------
    def _route(self, path: str, params: dict[str, list[str]]) -> None:
        request = Request(self.command, path, params, self.headers)
        try:
            response = self.server.routes[path](self.server, request)
        except EndpointError as exc:
            self._send_text(exc.status, exc.message + "\n")
            return
        self._send(response.status, response.body, response.content_type, response.headers)

    def _answer(self, queries: list[str], params: dict[str, list[str]]) -> None:
        if len(queries) != 1 or not queries[0].strip():
            self._send_text(HTTPStatus.BAD_REQUEST, "exactly one query parameter is required\n")
            return
        try:
            result = self.server.execute(queries[0], params)
        except EndpointError as exc:
            self._send_text(exc.status, exc.message + "\n")
            return
        accept = self.headers.get("Accept")
        if isinstance(result, ox.QueryTriples):
            media = negotiate(accept, GRAPH_TYPES, "text/turtle")
            fmt = GRAPH_TYPES.get(media or "")
        else:
            media = negotiate(accept, SOLUTION_TYPES, "application/sparql-results+json")
            fmt = SOLUTION_TYPES.get(media or "")
        if fmt is None:
            offered = ", ".join(GRAPH_TYPES if isinstance(result, ox.QueryTriples) else SOLUTION_TYPES)
            self._send_text(HTTPStatus.NOT_ACCEPTABLE, f"cannot answer in {accept}; offered: {offered}\n")
            return
        data = result.serialize(format=fmt)
        charset = "; charset=utf-8" if media.startswith("text/") or "json" in media or "xml" in media else ""
        self._send(HTTPStatus.OK, data, media + charset)

    def _refuse(self) -> None:
        self._send_text(HTTPStatus.FORBIDDEN, READ_ONLY + "\n")

    def _read_body(self) -> bytes | None:
        try:
            length = int(self.headers.get("Content-Length") or 0)
        except ValueError:
            length = -1
        if length < 0 or length > MAX_BODY:
            self._send_text(HTTPStatus.REQUEST_ENTITY_TOO_LARGE, f"request bodies are limited to {MAX_BODY} bytes\n")
            self.close_connection = True
            return None
        return self.rfile.read(length) if length else b""

    def _send_text(self, status: HTTPStatus, text: str) -> None:
        self._send(status, text.encode("utf-8"), "text/plain; charset=utf-8")

    def _send(self, status: HTTPStatus, data: bytes, ctype: str, headers: Mapping[str, str] | None = None) -> None:
        self._status = int(status)
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(data)))
        self.send_header("Vary", "Accept")
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(data)

    def handle_one_request(self) -> None:
        self._started = time.perf_counter()
        super().handle_one_request()

    def log_request(self, code="-", size="-") -> None:
        if self.server.log:
            ms = (time.perf_counter() - getattr(self, "_started", time.perf_counter())) * 1000
            path = urlsplit(self.path).path
            self.server.log(f"{self.command} {path} {code} {ms:.0f} ms")

    def log_message(self, format: str, *args) -> None:  # noqa: A002 (http.server's signature)
        pass  # errors are answered to the client; requests are logged by log_request


def default_dataset(store: ox.Store) -> dict:
    """The dataset of a query that names none: see the module docstring."""
    named = [g for g in store.named_graphs() if not (isinstance(g, ox.NamedNode) and g.value == STORE_METADATA)]
    if not named:
        return {}
    return {"default_graph": [ox.DefaultGraph(), *named], "named_graphs": named}


def _dataset(params: dict[str, list[str]], default: dict) -> dict:
    defaults = params.get("default-graph-uri") or []
    named = params.get("named-graph-uri") or []
    if not defaults and not named:
        return default
    out: dict = {}
    if defaults:
        out["default_graph"] = [ox.NamedNode(g) for g in defaults]
    if named:
        out["named_graphs"] = [ox.NamedNode(g) for g in named]
    return out


def make_server(
    store: ox.Store,
    host: str = "127.0.0.1",
    port: int = 7878,
    log: Callable[[str], None] | None = None,
    routes: Mapping[str, Route] | None = None,
) -> SparqlServer:
    """Bind the endpoint (``port=0`` picks a free port); call ``serve_forever`` on the result.

    ``routes`` maps further paths (``/`` included) to the functions that answer them.
    """
    try:
        return SparqlServer((host, port), store, log=log, routes=routes)
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise UsageError(f"cannot listen on {host}:{port} ({reason})") from None


def log_to_stderr(message: str) -> None:
    print(message, file=sys.stderr, flush=True)
