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

Closed by default (issue 15): every query passes the one SPARQL gate
(:mod:`mzgraph.query.gate`) — SERVICE, LOAD, updates and FROM graphs the store does not
hold get 403, on GET always and on POST unless ``--allow-service`` — and runs in one of a
few forked query processes (:mod:`mzgraph.query.worker`), killed when it overruns
``--timeout``, when its answer outgrows ``--max-result-bytes``, or when the client
disconnects. A request whose ``Host`` (or ``Origin``, when sent) is not a name the server
is bound to gets 403 (DNS rebinding; ``--allow-host`` adds names). Connections waiting
for a request sit in one selector, not in a thread each, and are closed after
``--idle-timeout``; requests are answered by a bounded pool of threads.

Other paths are looked up in the server's route table (``make_server(routes=...)``): the
browser workbench (:mod:`mzgraph.remote.workbench`) plugs in there. A route is a function
``(server, Request) -> Response``; whatever SPARQL it runs goes through
:meth:`SparqlServer.execute`, the endpoint's own way in, so it meets the same checks and limits.
"""

from __future__ import annotations

import queue
import selectors
import socket
import sys
import threading
import time
from collections.abc import Callable, Mapping
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, HTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pyoxigraph as ox

from mzgraph.defaults import DEFAULT_IDLE_TIMEOUT, DEFAULT_MAX_RESULT_BYTES, DEFAULT_TIMEOUT
from mzgraph.errors import GraphError, QueryError, UsageError
from mzgraph.query.gate import ParsedQuery, Policy, parse, refusal_of
from mzgraph.query.worker import QueryCancelled, QueryStopped, QueryWorker
from mzgraph.rdf.io import load_into
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
GRAPH_FORMS = ("CONSTRUCT", "DESCRIBE")


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
    if not graph.exists():
        raise GraphError(f"{graph}: no such graph file (run `mzgraph build` first, or pass --graph)")
    store = ox.Store()
    load_into(store, graph, bulk=True)  # the one local-only reader: no fetched contexts, no entity bombs
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


@dataclass(frozen=True)
class ServeLimits:
    """What ``serve`` lets a client do; every field has a flag of ``mzgraph serve``."""

    timeout: float | None = DEFAULT_TIMEOUT  # seconds a query may run (--timeout; 0/None: no limit)
    max_result_bytes: int = DEFAULT_MAX_RESULT_BYTES  # --max-result-bytes
    idle_timeout: float = DEFAULT_IDLE_TIMEOUT  # seconds a connection may sit silent (--idle-timeout)
    query_processes: int = 2  # queries that run at once, each in its own process (--workers)
    threads: int = 8  # requests handled at once; waiting connections hold no thread
    max_connections: int = 256  # open idle connections; beyond this the longest silent is closed
    allowed_hosts: tuple[str, ...] = ()  # Host/Origin names besides the bound ones (--allow-host)
    allow_service: bool = False  # SERVICE on POST requests (--allow-service)


class _Answerer:
    """What a query process holds: the store, and how to answer one query as bytes.

    Forked from the server (sharing the loaded store copy-on-write), it runs the query and
    writes the answer in the format asked for, stopping when the answer outgrows the cap.
    """

    def __init__(self, store: ox.Store) -> None:
        self.store = store

    def answer(self, query: str, dataset: dict, fmt_name: str, max_bytes: int) -> tuple[str, bytes | None]:
        kwargs = {key: [_graph_term(g) for g in names] for key, names in dataset.items()}
        result = self.store.query(query, prefixes={p: str(ns) for p, ns in PREFIXES.items()}, **kwargs)
        is_graph = isinstance(result, ox.QueryTriples)
        fmt = (ox.RdfFormat if is_graph else ox.QueryResultsFormat).from_media_type(fmt_name)
        out = _CappedBuffer(max_bytes)
        try:
            result.serialize(out, format=fmt)
        except _TooLarge:
            return "too-large", None
        return ("graph" if is_graph else "solutions"), bytes(out.data)


class _TooLarge(OSError):
    pass


class _CappedBuffer:
    """A binary sink that refuses to grow beyond ``cap`` bytes (the serializer then stops)."""

    def __init__(self, cap: int) -> None:
        self.cap = cap
        self.data = bytearray()

    def write(self, chunk) -> int:
        if len(self.data) + len(chunk) > self.cap:
            raise _TooLarge("result too large")
        self.data += chunk
        return len(chunk)

    def flush(self) -> None:
        pass


def _graph_term(name: str):
    return ox.DefaultGraph() if name == "" else ox.NamedNode(name)


class SparqlServer(HTTPServer):
    """The endpoint: a bounded pool of request threads, a bounded pool of query processes.

    A connection waits for its next request in one selector (:class:`_Parked`), not in a
    thread: a thread takes it only when a request arrives, answers that one request and
    hands the connection back. Connections silent for ``idle_timeout`` are closed.
    """

    request_queue_size = 128  # connections the kernel holds until accepted (socketserver's default: 5)

    def __init__(
        self,
        address: tuple[str, int],
        store: ox.Store,
        log: Callable[[str], None] | None = None,
        routes: Mapping[str, Route] | None = None,
        limits: ServeLimits | None = None,
    ):
        self.store = store
        self.log = log
        self.limits = limits or ServeLimits()
        self.dataset = default_dataset(store)
        self.local_graphs = frozenset(g.value for g in store.named_graphs() if isinstance(g, ox.NamedNode))
        self.routes = dict(routes or {})
        if ":" in address[0]:
            self.address_family = socket.AF_INET6
        super().__init__(address, _Handler)
        self.allowed_hosts = bound_names(address[0], self.limits.allowed_hosts)
        self._processes: queue.Queue[QueryWorker] = queue.Queue()
        self._answerers = [_Answerer(store) for _ in range(max(1, self.limits.query_processes))]
        self._workers = [QueryWorker(answerer) for answerer in self._answerers]
        for worker in self._workers:
            worker.start()  # forked before any thread of the server exists
            self._processes.put(worker)
        self._pool = ThreadPoolExecutor(max_workers=self.limits.threads, thread_name_prefix="mzgraph-serve")
        self._parked = _Parked(self)

    # --- connections -------------------------------------------------------------------
    def process_request(self, request, client_address) -> None:
        """A new connection waits, like an idle one, until it sends a request."""
        self._parked.park(request, client_address)

    def serve_connection(self, request, client_address) -> None:
        """Answer one request on a pool thread, then park the connection or close it."""
        try:
            handler = self.RequestHandlerClass(request, client_address, self)
        except Exception:  # noqa: BLE001 (a broken connection is closed, the server goes on)
            self.shutdown_request(request)
            return
        if handler.close_connection:
            self.shutdown_request(request)
        else:
            self._parked.park(request, client_address)

    def server_close(self) -> None:
        super().server_close()
        self._parked.close()
        self._pool.shutdown(wait=False, cancel_futures=True)
        while not self._processes.empty():
            self._processes.get_nowait().stop()

    def query_process_ids(self) -> list[int]:
        """The query processes alive now (a benchmark adds their CPU time to the server's)."""
        return [pid for pid in (w.pid for w in self._workers) if pid is not None]

    # --- queries -----------------------------------------------------------------------
    def admit(self, query: str, *, network: bool = False) -> ParsedQuery:
        """The gate's judgement of ``query`` as an :class:`EndpointError` (403 refused, 400 malformed)."""
        try:
            parsed = parse(query)
        except QueryError as exc:
            raise EndpointError(HTTPStatus.BAD_REQUEST, str(exc)) from None
        if parsed.is_update:
            raise EndpointError(HTTPStatus.FORBIDDEN, READ_ONLY)
        policy = Policy(allow_network=network and self.limits.allow_service, local_graphs=self.local_graphs)
        refusal = refusal_of(parsed, policy)
        if refusal:
            hint = " (mzgraph serve --allow-service, POST only)" if "--allow-service" in refusal else ""
            raise EndpointError(HTTPStatus.FORBIDDEN, refusal.split(" (use --")[0] + hint)
        return parsed

    def run(
        self,
        query: str,
        params: dict[str, list[str]] | None,
        media_for: Callable[[ParsedQuery], str],
        *,
        network: bool = False,
        client: socket.socket | None = None,
    ) -> tuple[str, bytes]:
        """The answer to ``query`` and its media type: the one way SPARQL reaches the store.

        Judged by the gate (:meth:`admit`; ``network``: SERVICE may pass if the server
        allows it), run in one of the query processes with the timeout, written there in
        ``media_for(parsed query)`` with the result cap; stopped when ``client`` (the
        connection that asked) goes away.
        """
        parsed = self.admit(query, network=network)
        media = media_for(parsed)
        dataset = _dataset(params or {}, self.dataset)
        try:
            worker = self._processes.get(timeout=self.limits.timeout or None)
        except queue.Empty:
            raise EndpointError(HTTPStatus.SERVICE_UNAVAILABLE, "the server is busy; try again") from None
        watch = [(client, lambda: _gone(client))] if client is not None else None
        try:
            kind, data = worker.call(
                "answer",
                parsed.text,  # the text the gate judged (codepoint escapes expanded)
                {"dataset": dataset, "fmt_name": media, "max_bytes": self.limits.max_result_bytes},
                timeout=self.limits.timeout,
                stop_when_ready=watch,
            )
        except QueryStopped as exc:
            raise EndpointError(
                HTTPStatus.SERVICE_UNAVAILABLE, str(exc).replace("--timeout", "serve --timeout")
            ) from None
        except QueryError as exc:
            raise EndpointError(HTTPStatus.BAD_REQUEST, str(exc)) from None
        finally:
            self._processes.put(worker)
        if kind == "too-large":
            raise EndpointError(
                HTTPStatus.SERVICE_UNAVAILABLE,
                f"the result is larger than {self.limits.max_result_bytes:,} bytes and was stopped "
                "(add LIMIT, or raise serve --max-result-bytes)",
            )
        return media, data

    def execute(self, query: str, params: dict[str, list[str]] | None = None):
        """Run a read-only query as the endpoint does, for a route: pyoxigraph's answer.

        Solutions and booleans as ``QuerySolutions``/``QueryBoolean``, a graph as a list of
        triples; :class:`EndpointError` (403 refused, 400 bad, 503 stopped) otherwise.
        """
        media, data = self.run(query, params, _transfer_media)
        if media == "application/n-triples":
            return [q.triple for q in ox.parse(data, format=ox.RdfFormat.N_TRIPLES)]
        return ox.parse_query_results(data, format=ox.QueryResultsFormat.JSON)


def _transfer_media(parsed: ParsedQuery) -> str:
    return "application/n-triples" if parsed.form in GRAPH_FORMS else "application/sparql-results+json"


class _Parked:
    """Connections waiting for their next request: one selector thread, no thread each."""

    def __init__(self, server: SparqlServer) -> None:
        self.server = server
        self.selector = selectors.DefaultSelector()
        self.lock = threading.Lock()
        self.deadlines: dict[socket.socket, float] = {}
        self.wake_r, self.wake_w = socket.socketpair()
        self.wake_r.setblocking(False)
        self.selector.register(self.wake_r, selectors.EVENT_READ, None)
        self.closed = False
        threading.Thread(target=self._loop, name="mzgraph-serve-parked", daemon=True).start()

    def park(self, sock: socket.socket, address) -> None:
        evicted = None
        with self.lock:
            if self.closed:
                self.server.shutdown_request(sock)
                return
            if len(self.deadlines) >= self.server.limits.max_connections:
                # full: the connection silent the longest makes room (holding many open
                # connections does not lock others out)
                evicted = min(self.deadlines, key=self.deadlines.__getitem__)
                self.selector.unregister(evicted)
                del self.deadlines[evicted]
            self.deadlines[sock] = time.monotonic() + self.server.limits.idle_timeout
            self.selector.register(sock, selectors.EVENT_READ, address)
        if evicted is not None:
            self.server.shutdown_request(evicted)
        self.wake_w.send(b"x")

    def _loop(self) -> None:
        while not self.closed:
            with self.lock:
                soonest = min(self.deadlines.values(), default=None)
            wait = None if soonest is None else max(0.0, soonest - time.monotonic())
            try:
                events = self.selector.select(wait)
            except (OSError, ValueError):
                return
            now = time.monotonic()
            ready = []
            with self.lock:
                for key, _ in events:
                    if key.fileobj is self.wake_r:
                        try:
                            self.wake_r.recv(4096)
                        except OSError:
                            pass
                        continue
                    if key.fileobj not in self.deadlines:
                        continue  # evicted by park() since select() returned: already closed
                    self.selector.unregister(key.fileobj)
                    del self.deadlines[key.fileobj]
                    ready.append((key.fileobj, key.data))
                expired = [s for s, deadline in self.deadlines.items() if deadline <= now]
                for sock in expired:
                    self.selector.unregister(sock)
                    del self.deadlines[sock]
            for sock in expired:
                self.server.shutdown_request(sock)
            for sock, address in ready:
                try:
                    self.server._pool.submit(self.server.serve_connection, sock, address)
                except RuntimeError:  # the pool was shut down
                    self.server.shutdown_request(sock)

    def close(self) -> None:
        with self.lock:
            self.closed = True
            socks = list(self.deadlines)
            self.deadlines.clear()
        try:
            self.wake_w.send(b"x")
        except OSError:
            pass
        for sock in socks:
            self.server.shutdown_request(sock)


def _gone(sock: socket.socket) -> bool:
    """Whether the client closed its end (readable, and nothing left to read)."""
    try:
        return sock.recv(1, socket.MSG_PEEK | socket.MSG_DONTWAIT) == b""
    except BlockingIOError:
        return False
    except OSError:
        return True


def bound_names(host: str, extra: tuple[str, ...] = ()) -> frozenset[str]:
    """The names a Host (or Origin) header may give: the bound address's, and ``extra``.

    A web page that got its own name to resolve to this machine (DNS rebinding) sends that
    name; it is not among these, so it is refused.
    """
    names = {h.lower().strip("[]").rstrip(".") for h in extra}
    loopback = {"127.0.0.1", "localhost", "::1"}
    if host in ("", "0.0.0.0", "::"):
        names |= loopback | {socket.gethostname().lower(), socket.getfqdn().lower()}
    elif host.lower() in loopback or host.startswith("127."):
        names |= loopback | {host.lower()}
    else:
        names.add(host.lower().strip("[]"))
    return frozenset(names)


def _host_name(value: str) -> str:
    """``name`` of a Host header's ``name[:port]`` (``[v6]:port`` too), lower case."""
    value = value.strip().lower()
    if value.startswith("["):
        return value[1 : value.find("]")] if "]" in value else value
    return value.rsplit(":", 1)[0].rstrip(".") if value.count(":") == 1 else value.rstrip(".")


class _Handler(BaseHTTPRequestHandler):
    server: SparqlServer
    server_version = "mzgraph-serve"
    protocol_version = "HTTP/1.1"
    rbufsize = 0  # nothing of a next request is read ahead: a parked connection hides no bytes

    @property
    def timeout(self) -> float:  # a request that stalls mid-way is dropped like an idle connection
        return self.server.limits.idle_timeout

    def handle(self) -> None:
        """One request; the server parks the connection for the next one (or closes it)."""
        self.close_connection = True
        self.handle_one_request()

    def parse_request(self) -> bool:
        """The request line and headers, then the Host and Origin checks (DNS rebinding)."""
        if not super().parse_request():
            return False
        refusal = self._foreign_name()
        if refusal:
            self.close_connection = True
            self._send_text(HTTPStatus.FORBIDDEN, refusal + "\n")
            return False
        return True

    def _foreign_name(self) -> str | None:
        allowed = self.server.allowed_hosts
        host = self.headers.get("Host")
        if host is not None and _host_name(host) not in allowed:
            return (
                f"refused: Host {host.strip()[:100]!r} is not a name this server answers to (serve --allow-host NAME)"
            )
        origin = self.headers.get("Origin")
        if origin is not None:
            url = urlsplit(origin.strip())
            port = self.server.server_address[1]
            try:
                same = url.scheme == "http" and (url.hostname or "") in allowed and (url.port or 80) == port
            except ValueError:
                same = False
            if not same:
                return f"refused: requests from the web page at {origin.strip()[:100]!r} are not answered"
        return None

    # --- routing -------------------------------------------------------------------------
    def _url(self):
        """The request's URL. http.server decodes the request line as Latin-1, so raw UTF-8 in it
        (``/workbench/find?q=民政`` as curl sends it unencoded) would reach parse_qs as mojibake;
        its bytes are read again as UTF-8 (percent-encoded URLs are pure ASCII, unchanged)."""
        raw = self.path.encode("latin-1", errors="replace").decode("utf-8", errors="replace")
        return urlsplit(raw)

    def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
        url = self._url()
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
        self._answer(params.get("query", []), params, network=False)  # a page's <img src> is a GET

    def do_POST(self) -> None:  # noqa: N802
        url = self._url()
        if url.path not in ENDPOINT_PATHS and url.path not in self.server.routes:
            self._read_body()
            self.close_connection = True
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
            self._answer(form.get("query", []), params, network=True)
        elif ctype == "application/sparql-query":
            self._answer([body.decode("utf-8", errors="replace")], params, network=True)
        else:
            self._send_text(
                HTTPStatus.UNSUPPORTED_MEDIA_TYPE,
                "send application/x-www-form-urlencoded (query=...) or application/sparql-query\n",
            )

    def do_PUT(self) -> None:  # noqa: N802
        if self._read_body() is not None:
            self._refuse()

    do_DELETE = do_PATCH = do_PUT  # noqa: N815

    # --- answering -----------------------------------------------------------------------
    def _route(self, path: str, params: dict[str, list[str]]) -> None:
        request = Request(self.command, path, params, self.headers)
        try:
            response = self.server.routes[path](self.server, request)
        except QueryCancelled:
            self.close_connection = True
            return
        except EndpointError as exc:
            self._send_text(exc.status, exc.message + "\n")
            return
        self._send(response.status, response.body, response.content_type, response.headers)

    def _answer(self, queries: list[str], params: dict[str, list[str]], *, network: bool) -> None:
        if len(queries) != 1 or not queries[0].strip():
            self._send_text(HTTPStatus.BAD_REQUEST, "exactly one query parameter is required\n")
            return
        accept = self.headers.get("Accept")

        def media_for(parsed: ParsedQuery) -> str:
            offered = GRAPH_TYPES if parsed.form in GRAPH_FORMS else SOLUTION_TYPES
            media = negotiate(accept, offered, next(iter(offered)))
            if media is None:
                raise EndpointError(
                    HTTPStatus.NOT_ACCEPTABLE, f"cannot answer in {accept}; offered: {', '.join(offered)}"
                )
            return media

        try:
            media, data = self.server.run(queries[0], params, media_for, network=network, client=self.connection)
        except QueryCancelled:
            self.close_connection = True  # nobody is listening
            return
        except EndpointError as exc:
            self._send_text(exc.status, exc.message + "\n")
            return
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
            self.close_connection = True
            self._send_text(HTTPStatus.REQUEST_ENTITY_TOO_LARGE, f"request bodies are limited to {MAX_BODY} bytes\n")
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
        if self.close_connection:
            self.send_header("Connection", "close")
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


def default_dataset(store: ox.Store) -> dict[str, list[str]]:
    """The dataset of a query that names none (see the module docstring), as graph names
    (``""`` is the default graph): what a query process is told."""
    named = [g.value for g in store.named_graphs() if isinstance(g, ox.NamedNode) and g.value != STORE_METADATA]
    if not named:
        return {}
    return {"default_graph": ["", *named], "named_graphs": named}


def _dataset(params: dict[str, list[str]], default: dict) -> dict[str, list[str]]:
    defaults = [g for g in params.get("default-graph-uri") or [] if g]
    named = [g for g in params.get("named-graph-uri") or [] if g]
    if not defaults and not named:
        return default
    out: dict = {}
    if defaults:
        out["default_graph"] = defaults
    if named:
        out["named_graphs"] = named
    return out


def make_server(
    store: ox.Store,
    host: str = "127.0.0.1",
    port: int = 7878,
    log: Callable[[str], None] | None = None,
    routes: Mapping[str, Route] | None = None,
    limits: ServeLimits | None = None,
) -> SparqlServer:
    """Bind the endpoint (``port=0`` picks a free port); call ``serve_forever`` on the result.

    ``routes`` maps further paths (``/`` included) to the functions that answer them;
    ``limits`` are the timeouts, caps and names of :class:`ServeLimits`.
    """
    try:
        return SparqlServer((host, port), store, log=log, routes=routes, limits=limits)
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise UsageError(f"cannot listen on {host}:{port} ({reason})") from None


def log_to_stderr(message: str) -> None:
    print(message, file=sys.stderr, flush=True)
