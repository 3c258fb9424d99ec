"""The workbench's HTTP side against a real `mzgraph serve`: what the page asks the server for."""

from __future__ import annotations

import json
import socket
import urllib.error
import urllib.parse
import urllib.request

from tests.conftest import run_cli
from tests.workbench.conftest import serving

XINYU = "https://w3id.org/mzgraph/resource/place/360500"  # 新余市, by its division code
JIANGXI = "https://w3id.org/mzgraph/resource/place/360000"


def _get(url: str, path: str, **params) -> tuple[int, dict, bytes]:
    full = url + path + ("?" + urllib.parse.urlencode(params) if params else "")
    return _fetch(urllib.request.Request(full))


def _post(url: str, path: str, **form) -> tuple[int, dict, bytes]:
    data = urllib.parse.urlencode(form).encode("utf-8")
    return _fetch(urllib.request.Request(url + path, data=data, method="POST"))


def _fetch(req) -> tuple[int, dict, bytes]:
    try:
        with urllib.request.urlopen(req, timeout=30) as resp:
            return resp.status, dict(resp.headers), resp.read()
    except urllib.error.HTTPError as exc:
        return exc.code, dict(exc.headers), exc.read()


def test_root_is_the_page_with_a_strict_policy(served):
    status, headers, body = _get(served.url, "/")
    assert status == 200 and headers["Content-Type"] == "text/html; charset=utf-8"
    csp = headers["Content-Security-Policy"]
    assert "default-src 'none'" in csp and "script-src 'self'" in csp and "connect-src 'self'" in csp
    assert "unsafe-inline" not in csp and "unsafe-eval" not in csp
    page = body.decode("utf-8")
    assert '<script src="/workbench/workbench.js">' in page and "http" not in page.split("<body>")[1]
    for asset in ("/workbench/workbench.js", "/workbench/workbench.css"):
        status, headers, _ = _get(served.url, asset)
        assert status == 200 and headers["X-Content-Type-Options"] == "nosniff"


def test_questions_are_the_ready_questions(served):
    listed = run_cli("query", "--list")
    _, _, body = _get(served.url, "/workbench/questions")
    info = json.loads(body)
    names = [q["name"] for q in info["questions"]]
    assert names and all(name in listed.stdout for name in names)
    by_name = {q["name"]: q for q in info["questions"]}
    assert by_name["entity-sentences"]["parameters"] == {"label": '"新余市"'}
    assert ["mz", "https://w3id.org/mzgraph/ontology#"] in info["prefixes"]


def test_bind_sets_the_parameter_and_refuses_none(served):
    status, _, body = _get(served.url, "/workbench/bind", **{"name": "entity-sentences", "p.label": '上饶"市'})
    assert status == 200
    assert 'VALUES ?label { "上饶\\"市" }' in json.loads(body)["text"]  # escaped: a value never changes the query
    status, _, body = _get(served.url, "/workbench/bind", name="entity-sentences")
    assert status == 400 and body.decode() == "entity-sentences needs a value for label\n"
    status, _, body = _get(served.url, "/workbench/bind", name="no-such-question")
    assert status == 400 and body.decode().count("\n") == 1


def test_entity_is_what_describe_says(served, dev_graph_path):
    import mzgraph

    described = mzgraph.load(dev_graph_path).describe(XINYU)
    status, _, body = _get(served.url, "/workbench/entity", iri=XINYU)
    assert status == 200
    got = json.loads(body)
    assert got["label"] == described.label == "新余市"
    assert got["alt_labels"] == described.alt_labels
    assert {(r["direction"], r["predicate"], r["other"]) for r in got["relations"]} == set(
        described.relations[["direction", "predicate", "other"]].itertuples(index=False, name=None)
    )
    assert {"in", "out"} <= {r["direction"] for r in got["relations"]}
    assert [(s["document"], s["begin"], s["sentence"]) for s in got["sentences"]] == list(
        described.sentences[["document", "begin", "sentence"]].itertuples(index=False, name=None)
    )
    assert any(JIANGXI == r["other"] and r["predicate"] == "partOf" for r in got["relations"])


def test_a_dataset_answers_as_its_flat_graph(served, tmp_path):
    """A TriG export (one named graph per document) gives the same entity page."""
    trig = tmp_path / "graph.trig"
    assert run_cli("export", "--graph", str(served.graph), "--format", "trig", "-o", str(trig)).returncode == 0
    with serving(trig) as split:
        for iri in (XINYU, JIANGXI):
            assert json.loads(_get(split.url, "/workbench/entity", iri=iri)[2]) == json.loads(
                _get(served.url, "/workbench/entity", iri=iri)[2]
            )


def test_entity_errors_are_one_line(served):
    for params, code in (({"iri": "not an iri"}, 400), ({"iri": "https://example.org/nobody"}, 404), ({}, 400)):
        status, _, body = _get(served.url, "/workbench/entity", **params)
        assert status == code and body.decode().count("\n") == 1, (params, body)


def test_network_is_the_view_page_of_the_neighbourhood(served):
    status, headers, body = _get(served.url, "/workbench/network", iri=XINYU)
    assert status == 200 and headers["Content-Security-Policy"] == "frame-ancestors 'self'"
    page = body.decode("utf-8")
    assert 'http-equiv="Content-Security-Policy"' in page and "connect-src 'none'" in page
    assert "新余市" in page and "江西省" in page


def test_find_by_name(served):
    _, _, body = _get(served.url, "/workbench/find", q="新余")
    found = json.loads(body)
    assert found[0] == {"iri": XINYU, "label": "新余市", "type": "AdministrativeArea"}
    _, _, body = _get(served.url, "/workbench/find", q="no such name at all")
    assert json.loads(body) == []


def test_find_by_a_name_sent_unencoded(served):
    # curl sends `/workbench/find?q=新余` as raw UTF-8 bytes in the request line
    host = urllib.parse.urlsplit(served.url).netloc
    with socket.create_connection((urllib.parse.urlsplit(served.url).hostname, urllib.parse.urlsplit(served.url).port),
                                  timeout=30) as sock:  # fmt: skip
        sock.sendall(
            "GET /workbench/find?q=新余 HTTP/1.1\r\n".encode() + f"Host: {host}\r\nConnection: close\r\n\r\n".encode()
        )
        answer = b""
        while chunk := sock.recv(65536):
            answer += chunk
    head, _, body = answer.partition(b"\r\n\r\n")
    assert head.startswith(b"HTTP/1.") and b" 200 " in head.split(b"\r\n")[0]
    assert json.loads(body)[0]["label"] == "新余市"


def test_download_is_what_query_writes(served):
    query = "SELECT ?a ?label WHERE { ?a a mz:Agency ; rdfs:label ?label } ORDER BY ?a"
    for fmt in ("csv", "json"):
        status, headers, body = _post(served.url, "/workbench/download", query=query, format=fmt)
        assert status == 200 and headers["Content-Disposition"] == f'attachment; filename="results.{fmt}"'
        cli = run_cli("query", query, "--graph", str(served.graph), "--format", fmt)
        assert cli.returncode == 0, cli.stderr
        assert body.decode("utf-8").splitlines() == cli.stdout.splitlines()  # run_cli reads text: CRLF → LF


def test_downloads_pass_the_endpoint_gate(served):
    status, _, body = _post(served.url, "/workbench/download", query="INSERT DATA { <a:b> <a:c> <a:d> }", format="csv")
    assert status == 403 and body.decode() == "this endpoint is read-only: updates are refused\n"
    status, _, body = _post(served.url, "/workbench/download", query="SELECT * WHERE {", format="csv")
    assert status == 400 and body.decode().count("\n") == 1
    status, _, body = _post(served.url, "/workbench/download", query="SELECT * { ?s ?p ?o }", format="xlsx")
    assert status == 400
