"""Stores that are down, slow, refuse or fail: one line, non-zero exit, no secret shown."""

from __future__ import annotations

import base64
import time

import pytest
from tests.conftest import run_cli
from tests.remote.conftest import free_port

from mzgraph.remote.auth import Credentials, find_credentials
from mzgraph.remote.endpoints import derive_query_url
from mzgraph.remote.errors import RemoteError, StoreRefused, StoreUnreachable
from mzgraph.remote.http import HttpClient

PASSWORD = "s3cret-Pa55word-xyzzy"
TOKEN = "tok-9f8e7d6c5b4a"


def _one_line(res) -> str:
    lines = [line for line in res.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, res.stderr
    assert "Traceback" not in res.stderr
    return lines[0]


def _refuse(handler, body):
    return 401, "text/plain", b"Unauthorized\n"


def test_server_down_is_one_line_and_non_zero(dev_graph_path):
    port = free_port()  # nothing listens there
    res = run_cli("push", "--store-url", f"http://127.0.0.1:{port}/store", "--graph", str(dev_graph_path))
    assert res.returncode == 3
    line = _one_line(res)
    assert "cannot reach the store (connection refused)" in line
    assert res.stdout == ""


def test_slow_server_times_out_with_a_message(dev_graph_path, fake_server):
    def slow(handler, body):
        time.sleep(2)  # longer than --timeout; bounded so the server thread ends
        return 200, "application/sparql-results+json", b'{"head":{},"boolean":true}'

    server = fake_server(slow)
    started = time.monotonic()
    res = run_cli("push", "--store-url", f"{server.base}/store", "--graph", str(dev_graph_path), "--timeout", "0.5")
    assert res.returncode == 3
    assert "no answer within 0.5 s (timeout" in _one_line(res)
    assert time.monotonic() - started < 20


def test_refusal_never_shows_the_password(dev_graph_path, fake_server):
    server = fake_server(_refuse)
    env = {"MZGRAPH_STORE_USER": "alice", "MZGRAPH_STORE_PASSWORD": PASSWORD}
    res = run_cli("push", "--store-url", f"{server.base}/store", "--graph", str(dev_graph_path), "-v", env=env)
    assert res.returncode == 3
    line = _one_line(res)
    assert "refused (HTTP 401" in line and "user 'alice'" in line
    basic = base64.b64encode(f"alice:{PASSWORD}".encode()).decode()
    for secret in (PASSWORD, basic):
        assert secret not in res.stdout + res.stderr
    # the credentials were sent, as HTTP Basic
    assert server.requests[0]["headers"]["Authorization"] == f"Basic {basic}"


def test_token_from_environment_is_sent_as_bearer_and_masked(dev_graph_path, fake_server):
    def echo_back(handler, body):  # a server that quotes the header in its error page
        return 403, "text/plain", f"forbidden for {handler.headers.get('Authorization')}".encode()

    server = fake_server(echo_back)
    res = run_cli(
        "push",
        "--store-url",
        f"{server.base}/store",
        "--graph",
        str(dev_graph_path),
        env={"MZGRAPH_STORE_TOKEN": TOKEN},
    )
    assert res.returncode == 3
    assert TOKEN not in res.stdout + res.stderr
    assert server.requests[0]["headers"]["Authorization"] == f"Bearer {TOKEN}"


def test_netrc_credentials_are_used_for_the_store_host(tmp_path, dev_graph_path, fake_server):
    server = fake_server(_refuse)
    netrc = tmp_path / "netrc"
    netrc.write_text(f"machine 127.0.0.1 login bob password {PASSWORD}\n")
    netrc.chmod(0o600)
    res = run_cli(
        "push", "--store-url", f"{server.base}/store", "--graph", str(dev_graph_path), env={"NETRC": str(netrc)}
    )
    assert res.returncode == 3
    assert PASSWORD not in res.stdout + res.stderr
    basic = base64.b64encode(f"bob:{PASSWORD}".encode()).decode()
    assert server.requests[0]["headers"]["Authorization"] == f"Basic {basic}"


def test_credentials_in_the_url_are_refused_without_echoing_them(dev_graph_path):
    res = run_cli("push", "--store-url", f"http://alice:{PASSWORD}@127.0.0.1:9/store", "--graph", str(dev_graph_path))
    assert res.returncode == 2
    assert "credentials in the URL are not accepted" in _one_line(res)
    assert PASSWORD not in res.stderr


def test_failure_midway_says_how_far_the_push_got(dev_graph_path, fake_server):
    puts = []

    def fails_after_one_graph(handler, body):
        if handler.command == "PUT":
            puts.append(handler.path)
            return (204, "text/plain", b"") if len(puts) == 1 else (500, "text/plain", b"disk full")
        return 200, "application/sparql-results+json", b'{"head":{},"boolean":true}'

    server = fake_server(fails_after_one_graph)
    res = run_cli("push", "--store-url", f"{server.base}/store", "--graph", str(dev_graph_path), "--retries", "1")
    assert res.returncode == 3
    error = [line for line in res.stderr.splitlines() if line.startswith("error:")]
    assert len(error) == 1 and "push not completed (1 of 3 graphs sent" in error[0]
    assert "HTTP 500" in error[0] and "disk full" in error[0]
    assert "retrying" in res.stderr  # the 5xx was retried once first
    assert res.stdout == ""


def test_https_is_verified_by_default(dev_graph_path, fake_server, self_signed_cert):
    server = fake_server(_refuse, certfile=self_signed_cert)
    res = run_cli("push", "--store-url", f"{server.base}/store", "--graph", str(dev_graph_path))
    assert res.returncode == 3
    assert "TLS certificate not trusted" in _one_line(res)
    assert server.requests == []  # nothing got through

    insecure = run_cli("push", "--store-url", f"{server.base}/store", "--graph", str(dev_graph_path), "--insecure")
    assert insecure.returncode == 3
    warning, error = insecure.stderr.strip().splitlines()
    assert warning.startswith("warning: --insecure")
    assert "refused (HTTP 401" in error  # the TLS handshake passed, the server answered
    assert len(server.requests) == 1


def test_find_credentials_order():
    assert find_credentials("http://h/", {"MZGRAPH_STORE_TOKEN": "t", "MZGRAPH_STORE_USER": "u"}).token == "t"
    env = {"MZGRAPH_STORE_USER": "u", "MZGRAPH_STORE_PASSWORD": PASSWORD, "HOME": "/nonexistent"}
    creds = find_credentials("http://h/", env)
    assert (creds.user, creds.password) == ("u", PASSWORD)
    assert PASSWORD not in repr(creds)
    assert find_credentials("http://h/", {"HOME": "/nonexistent"}) is None
    assert Credentials(token="abc").mask("x abc y") == "x *** y"


def test_5xx_is_retried_with_backoff_then_succeeds(fake_server):
    answers = iter([503, 502, 200])

    def flaky(handler, body):
        status = next(answers)
        return status, "text/plain", b"ok" if status == 200 else b"busy"

    server = fake_server(flaky)
    waits, told = [], []
    client = HttpClient(timeout=5, retries=4, backoff=0.5, sleep=waits.append, on_retry=told.append)
    assert client.request("GET", server.base + "/x").status == 200
    assert waits == [0.5, 1.0]
    assert len(told) == 2 and "HTTP 503" in told[0]


def test_retries_are_bounded(fake_server):
    server = fake_server(lambda handler, body: (500, "text/plain", b"boom"))
    waits = []
    client = HttpClient(timeout=5, retries=3, backoff=1, max_backoff=3, sleep=waits.append)
    with pytest.raises(RemoteError, match="HTTP 500 .*after 4 attempts: boom"):
        client.request("PUT", server.base + "/store?graph=x", body=b"")
    assert waits == [1, 2, 3]
    assert len(server.requests) == 4


def test_connection_errors_are_retried_and_bounded():
    waits = []
    client = HttpClient(timeout=2, retries=2, backoff=0.1, sleep=waits.append)
    with pytest.raises(StoreUnreachable, match="after 3 attempt"):
        client.request("GET", f"http://127.0.0.1:{free_port()}/query")
    assert waits == [0.1, 0.2]


def test_refusal_is_not_retried(fake_server):
    server = fake_server(_refuse)
    with pytest.raises(StoreRefused):
        HttpClient(timeout=5, sleep=lambda s: None).request("GET", server.base + "/query")
    assert len(server.requests) == 1


def test_query_url_is_derived_for_known_servers():
    assert derive_query_url("http://h:7878/store") == "http://h:7878/query"
    assert derive_query_url("http://h:3030/mz/data") == "http://h:3030/mz/sparql"
    assert derive_query_url("http://h:7200/repositories/mz/rdf-graphs/service") == "http://h:7200/repositories/mz"


def test_unknown_store_shape_asks_for_query_url(dev_graph_path):
    res = run_cli("push", "--store-url", "http://127.0.0.1:9/graphs", "--graph", str(dev_graph_path))
    assert res.returncode == 2
    assert "pass --query-url" in _one_line(res)


@pytest.mark.parametrize("name", ["push", "serve"])
def test_help_has_an_example(name):
    res = run_cli(name, "--help")
    assert res.returncode == 0
    assert "Example" in res.stdout
