"""`mzgraph serve` under attack: what a web page or another program on the machine can send.

The server runs as a user starts it (a subprocess on loopback) with small limits, so each
limit is reached quickly: a query timeout of 2 s, answers capped at 20 000 bytes, idle
connections closed after 1 s, one query process. A refusal of a query that reaches out
counts only if the local listener saw no connection.
"""

from __future__ import annotations

import http.client
import socket
import subprocess
import sys
import time
import urllib.parse
from contextlib import contextmanager

import pytest

from tests.conftest import ROOT
from tests.hostile.sparql import Listener
from tests.hostile.test_gate import CODEPOINT_SPLITS, CROSS, REACHING_OUT, UPDATES
from tests.query.conftest import FIXTURE

LIMITS = ["--timeout", "2", "--max-result-bytes", "20000", "--idle-timeout", "1", "--workers", "1"]


@contextmanager
def serving(*args: str):
    """``mzgraph serve --graph FIXTURE ARGS --port 0``; yields (port, pid)."""
    proc = subprocess.Popen(
        [sys.executable, "-m", "mzgraph", "serve", "--graph", str(FIXTURE), *args, "--port", "0", "-q"],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        first = proc.stdout.readline()
        assert "read-only at http://127.0.0.1:" in first, first + proc.stderr.read()
        yield int(first.split("127.0.0.1:", 1)[1].split("/", 1)[0]), proc.pid
    finally:
        proc.terminate()
        proc.wait(timeout=10)


@pytest.fixture(scope="module")
def server():
    with serving(*LIMITS) as port_pid:
        yield port_pid


@pytest.fixture(scope="module")
def listener():
    lst = Listener()
    yield lst
    lst.sock.close()


def request(port: int, method: str, path: str, body: bytes | None = None, headers: dict | None = None):
    """(status, body text) of one request on a fresh connection."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        conn.request(method, path, body=body, headers=headers or {})
        resp = conn.getresponse()
        return resp.status, resp.read().decode("utf-8", errors="replace")
    finally:
        conn.close()


def get(port: int, query: str, headers: dict | None = None):
    return request(port, "GET", "/sparql?" + urllib.parse.urlencode({"query": query}), headers=headers)


def post_form(port: int, query: str, headers: dict | None = None):
    body = urllib.parse.urlencode({"query": query}).encode()
    return request(
        port, "POST", "/sparql", body, {"Content-Type": "application/x-www-form-urlencoded", **(headers or {})}
    )


def post_direct(port: int, query: str, headers: dict | None = None):
    return request(
        port, "POST", "/sparql", query.encode(), {"Content-Type": "application/sparql-query", **(headers or {})}
    )


SENDERS = {"GET": get, "POST form": post_form, "POST query": post_direct}
QUERIES_OUT = [c for c in REACHING_OUT if not c[2].get("allow_update")]


@pytest.mark.parametrize("sender", list(SENDERS))
@pytest.mark.parametrize(("name", "template", "needs", "names"), QUERIES_OUT, ids=[c[0] for c in QUERIES_OUT])
def test_reaching_out_is_refused_on_get_and_post(server, listener, sender, name, template, needs, names):
    port, _ = server
    before = listener.hits
    status, text = SENDERS[sender](port, template.replace("{url}", listener.url))
    assert status == 403, text
    assert text.startswith("refused: ") and text.count("\n") == 1 and names in text, text
    assert listener.settled_hits() == before, f"{name}: the server connected"


UPDATE_CASES = [c for c in REACHING_OUT if c[2].get("allow_update")] + [(n, q, {}, op) for n, q, op in UPDATES]


@pytest.mark.parametrize("sender", list(SENDERS))
@pytest.mark.parametrize("case", UPDATE_CASES, ids=[c[0] for c in UPDATE_CASES])
def test_updates_sent_as_queries_are_refused(server, listener, sender, case):
    port, _ = server
    before = listener.hits
    status, text = SENDERS[sender](port, case[1].replace("{url}", listener.url))
    assert (status, text) == (403, "this endpoint is read-only: updates are refused\n")
    assert listener.settled_hits() == before
    assert get(port, "ASK { <urn:a> ?p ?o }")[1].count("false") == 1  # nothing changed


# (name, headers, expected status): DNS rebinding sends the attacker's name as Host; a page
# elsewhere sends its own Origin with a POST
HOSTS = [
    ("loopback-ip", {}, 200),
    ("localhost", {"Host": "localhost:{port}"}, 200),
    ("localhost-no-port", {"Host": "localhost"}, 200),
    ("ipv6-loopback", {"Host": "[::1]:{port}"}, 200),
    ("uppercase", {"Host": "LOCALHOST:{port}"}, 200),
    ("rebinding-name", {"Host": "attacker.example:{port}"}, 403),
    ("rebinding-name-with-dot", {"Host": "attacker.example.:{port}"}, 403),
    ("name-ending-in-localhost", {"Host": "evil-localhost:{port}"}, 403),
    ("localhost-subdomain", {"Host": "localhost.attacker.example:{port}"}, 403),
    ("same-origin", {"Origin": "http://127.0.0.1:{port}"}, 200),
    ("same-origin-localhost", {"Origin": "http://localhost:{port}"}, 200),
    ("foreign-origin", {"Origin": "https://attacker.example"}, 403),
    ("loopback-other-port", {"Origin": "http://127.0.0.1:1"}, 403),
    ("https-origin", {"Origin": "https://127.0.0.1:{port}"}, 403),
    ("null-origin", {"Origin": "null"}, 403),
    ("rebinding-origin", {"Host": "127.0.0.1:{port}", "Origin": "http://attacker.example:{port}"}, 403),
]


@pytest.mark.parametrize("sender", ["GET", "POST form"])
@pytest.mark.parametrize(("name", "headers", "status"), HOSTS, ids=[h[0] for h in HOSTS])
def test_host_and_origin_are_checked(server, sender, name, headers, status):
    port, _ = server
    sent = {k: v.replace("{port}", str(port)) for k, v in headers.items()}
    got, text = SENDERS[sender](port, "ASK { ?s ?p ?o }", sent)
    assert got == status, text
    if status == 403:
        assert text.startswith("refused: ") and text.count("\n") == 1


def test_workbench_routes_check_the_host_too(server):
    port, _ = server
    status, _ = request(port, "GET", "/workbench/find?q=x", headers={"Host": "attacker.example"})
    assert status == 403


def test_allow_host_admits_a_name():
    with serving("--allow-host", "kg.lan") as (port, _):
        assert get(port, "ASK {}", {"Host": f"kg.lan:{port}"})[0] == 200
        assert get(port, "ASK {}", {"Host": f"other.lan:{port}"})[0] == 403


# --- work that stops ------------------------------------------------------------------


def test_a_long_query_is_stopped_and_the_server_goes_on(server):
    port, _ = server
    status, text = get(port, CROSS)
    assert status == 503 and text == "query timed out after 2 s and was stopped (raise serve --timeout)\n"
    assert get(port, "ASK { ?s ?p ?o }")[0] == 200


def test_a_large_answer_is_stopped(server):
    port, _ = server
    status, text = get(port, "SELECT * { ?s ?p ?o }")
    assert status == 503 and "larger than 20,000 bytes" in text and text.count("\n") == 1
    assert get(port, "SELECT * { ?s ?p ?o } LIMIT 5")[0] == 200


def _children(pid: int) -> set[int]:
    with open(f"/proc/{pid}/task/{pid}/children") as f:
        return {int(c) for c in f.read().split()}


def test_a_client_that_leaves_stops_its_query():
    with serving("--timeout", "300", "--workers", "1") as (port, pid):
        assert get(port, "ASK { ?s ?p ?o }")[0] == 200
        before = _children(pid)
        sock = socket.create_connection(("127.0.0.1", port))
        path = "/sparql?" + urllib.parse.urlencode({"query": CROSS})
        sock.sendall(f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".encode())
        time.sleep(1)
        sock.close()
        # the one query process was killed (not left computing for 300 s): a new one answers
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        conn.request("GET", "/sparql?" + urllib.parse.urlencode({"query": "ASK { ?s ?p ?o }"}))
        assert conn.getresponse().status == 200
        conn.close()
        assert not (before & _children(pid)), "the query process of the departed client still runs"


def test_idle_connections_are_closed(server):
    port, _ = server
    sock = socket.create_connection(("127.0.0.1", port), timeout=10)
    try:
        assert sock.recv(1) == b""  # closed by the server after --idle-timeout 1
    finally:
        sock.close()


def test_a_request_that_stalls_half_way_is_dropped(server):
    port, _ = server
    sock = socket.create_connection(("127.0.0.1", port), timeout=10)
    try:
        sock.sendall(b"GET /sparql?query=ASK%7B%7D HTTP/1.1\r\nHost: 127.0.0.1\r\n")  # no blank line
        assert sock.recv(1) == b""
    finally:
        sock.close()


def _threads(pid: int) -> int:
    with open(f"/proc/{pid}/status") as f:
        return next(int(line.split()[1]) for line in f if line.startswith("Threads:"))


def test_idle_connections_hold_no_thread():
    with serving("--idle-timeout", "30") as (port, pid):
        assert get(port, "ASK {}")[0] == 200
        base = _threads(pid)
        socks = [socket.create_connection(("127.0.0.1", port)) for _ in range(300)]
        try:
            time.sleep(0.5)
            assert _threads(pid) <= base + 8  # the request pool, not one thread per connection
            assert get(port, "ASK { ?s ?p ?o }")[0] == 200  # and the server still answers
        finally:
            for s in socks:
                s.close()


def test_keep_alive_still_works(server):
    port, _ = server
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        for _ in range(3):
            conn.request("GET", "/sparql?" + urllib.parse.urlencode({"query": "ASK {}"}))
            resp = conn.getresponse()
            assert resp.status == 200 and b"true" in resp.read()
    finally:
        conn.close()


def test_allow_service_opens_post_only(listener):
    query = f"SELECT * {{ SERVICE <{listener.url}> {{ ?s ?p ?o }} }}"
    with serving("--allow-service", "--timeout", "5") as (port, _):
        before = listener.hits
        assert get(port, query)[0] == 403  # a page's <img src> cannot make the server fetch
        assert listener.settled_hits() == before
        post_form(port, query)
        assert listener.settled_hits() > before


@pytest.mark.parametrize("case", [0, 1, 3, 17], ids=lambda i: QUERIES_OUT[i][0])
def test_workbench_downloads_pass_the_same_gate(server, listener, case):
    port, _ = server
    before = listener.hits
    query = QUERIES_OUT[case][1].replace("{url}", listener.url)
    body = urllib.parse.urlencode({"query": query, "format": "csv"}).encode()
    status, text = request(
        port, "POST", "/workbench/download", body, {"Content-Type": "application/x-www-form-urlencoded"}
    )
    assert status == 403 and text.startswith("refused: "), text
    assert listener.settled_hits() == before


@pytest.mark.parametrize(("name", "template"), CODEPOINT_SPLITS, ids=[c[0] for c in CODEPOINT_SPLITS])
def test_the_server_runs_the_text_the_gate_judged(server, listener, name, template):
    port, _ = server
    before = listener.hits
    status, text = get(port, template.replace("{url}", listener.url) + " LIMIT 1")
    assert status == 200, text
    assert listener.settled_hits() == before
