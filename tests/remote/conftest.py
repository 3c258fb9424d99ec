"""Real servers on loopback for the triplestore tests: Oxigraph, and tiny misbehaving ones.

The Oxigraph server binary comes with the ``oxigraph`` package of the test extra (it is
installed next to the Python interpreter). Every server here listens on 127.0.0.1 only,
every wait loop is bounded, and every server is stopped when its fixture ends.
"""

from __future__ import annotations

import shutil
import socket
import ssl
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

LOOPBACK = "127.0.0.1"


def free_port() -> int:
    with socket.socket() as s:
        s.bind((LOOPBACK, 0))
        return s.getsockname()[1]


def oxigraph_binary() -> str:
    here = Path(sys.executable).parent / "oxigraph"
    found = str(here) if here.is_file() else shutil.which("oxigraph")
    if not found:
        pytest.fail("the oxigraph server binary is missing: pip install -e '.[test]' installs it")
    return found


class OxigraphServer:
    """``oxigraph serve`` on a free loopback port with its data in ``data_dir``."""

    def __init__(self, data_dir: Path):
        self.port = free_port()
        self.base = f"http://{LOOPBACK}:{self.port}"
        self.store_url = f"{self.base}/store"
        self.query_url = f"{self.base}/query"
        self.log = (data_dir.parent / f"oxigraph-{self.port}.log").open("wb")
        self.proc = subprocess.Popen(
            [oxigraph_binary(), "serve", "--location", str(data_dir), "--bind", f"{LOOPBACK}:{self.port}"],
            stdout=self.log,
            stderr=subprocess.STDOUT,
        )
        self._wait_ready()

    def _wait_ready(self, seconds: float = 20.0) -> None:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"oxigraph exited with status {self.proc.returncode}")
            try:
                self.query("ASK {}")
                return
            except (urllib.error.URLError, ConnectionError, OSError):
                time.sleep(0.05)
        self.stop()
        raise RuntimeError(f"oxigraph did not answer on port {self.port} within {seconds} s")

    def query(self, sparql: str) -> dict:
        """A query straight over HTTP (independent of mzgraph's client), SPARQL JSON parsed."""
        import json

        req = urllib.request.Request(
            self.query_url,
            data=urllib.parse.urlencode({"query": sparql}).encode(),
            headers={"Accept": "application/sparql-results+json"},
        )
        with urllib.request.urlopen(req, timeout=10) as resp:
            return json.loads(resp.read())

    def graph_triples(self, graph: str) -> set[tuple[str, str, str]]:
        rows = self.query(f"SELECT ?s ?p ?o WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}")["results"]["bindings"]
        return {tuple(repr(sorted(r[v].items())) for v in ("s", "p", "o")) for r in rows}

    def counts(self) -> dict[str, int]:
        rows = self.query("SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g")
        return {r["g"]["value"]: int(r["n"]["value"]) for r in rows["results"]["bindings"]}

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(timeout=10)
        self.log.close()


@pytest.fixture
def start_oxigraph(tmp_path_factory):
    """Start fresh Oxigraph servers (each with its own temporary data folder)."""
    servers: list[OxigraphServer] = []

    def start() -> OxigraphServer:
        server = OxigraphServer(tmp_path_factory.mktemp("oxigraph") / "data")
        servers.append(server)
        return server

    yield start
    for server in servers:
        server.stop()


@pytest.fixture(scope="module")
def oxigraph(tmp_path_factory):
    """One Oxigraph server for a whole test module."""
    server = OxigraphServer(tmp_path_factory.mktemp("oxigraph") / "data")
    yield server
    server.stop()


class FakeServer:
    """A loopback HTTP server whose every answer is decided by ``respond(handler)``.

    It records each request's method, path and headers, so tests can check what mzgraph
    sent (e.g. the Authorization header) without mzgraph ever printing it.
    """

    def __init__(self, respond, certfile: Path | None = None):
        self.requests: list[dict] = []
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def _any(self):
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else b""
                fake.requests.append({"method": self.command, "path": self.path, "headers": dict(self.headers)})
                status, ctype, data = respond(self, body)
                self.send_response(status)
                self.send_header("Content-Type", ctype)
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            do_GET = do_POST = do_PUT = do_DELETE = _any

            def log_message(self, *args):
                pass

        self.httpd = ThreadingHTTPServer((LOOPBACK, 0), Handler)
        self.httpd.daemon_threads = True
        self.port = self.httpd.server_address[1]
        scheme = "http"
        if certfile is not None:
            context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
            context.load_cert_chain(certfile)
            self.httpd.socket = context.wrap_socket(self.httpd.socket, server_side=True)
            scheme = "https"
        self.base = f"{scheme}://{LOOPBACK}:{self.port}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
        self.thread.start()

    def stop(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
        self.thread.join(timeout=5)


@pytest.fixture(scope="session")
def self_signed_cert(tmp_path_factory) -> Path:
    """A self-signed certificate for 127.0.0.1 (key and certificate in one PEM file)."""
    openssl = shutil.which("openssl")
    if not openssl:
        pytest.skip("openssl is not installed")
    folder = tmp_path_factory.mktemp("tls")
    pem = folder / "server.pem"
    key, cert = folder / "key.pem", folder / "cert.pem"
    args = ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=127.0.0.1"]
    args += ["-addext", "subjectAltName=IP:127.0.0.1", "-keyout", str(key), "-out", str(cert)]
    subprocess.run([openssl, *args], check=True, capture_output=True, timeout=60)
    pem.write_bytes(key.read_bytes() + cert.read_bytes())
    return pem


@pytest.fixture
def fake_server():
    """Start loopback servers with a given ``respond(handler, body) -> (status, type, bytes)``."""
    servers: list[FakeServer] = []

    def start(respond, certfile: Path | None = None) -> FakeServer:
        server = FakeServer(respond, certfile)
        servers.append(server)
        return server

    yield start
    for server in servers:
        server.stop()
