"""`mzgraph serve`: a read-only SPARQL 1.1 Protocol endpoint, run as a user would."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
import urllib.error
import urllib.parse
import urllib.request
import xml.etree.ElementTree as ET
from contextlib import contextmanager

import pytest
from rdflib import Graph
from tests.conftest import ROOT
from tests.remote.test_push import QUERIES, _rows

from mzgraph.rdf.namespaces import sparql_prologue
from mzgraph.remote.http import HttpClient
from mzgraph.remote.protocol import SparqlEndpoint

AGENCIES = "SELECT ?a ?label WHERE { ?a a mz:Agency ; rdfs:label ?label } ORDER BY ?a"


@contextmanager
def serving(*args: str):
    """``mzgraph serve ARGS --port 0`` in a subprocess; yields its URL and first line."""
    proc = subprocess.Popen(
        [sys.executable, "-m", "mzgraph", "serve", *args, "--port", "0", "-q"],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        first = proc.stdout.readline()  # printed once the socket is bound
        assert "read-only at http://127.0.0.1:" in first, first + proc.stderr.read()
        yield first.split(" at ", 1)[1].split()[0], first
    finally:
        proc.terminate()
        proc.wait(timeout=10)


@pytest.fixture(scope="module")
def served(dev_graph_path):
    with serving("--graph", str(dev_graph_path)) as url_and_line:
        yield url_and_line


def _get(url, params, accept=None):
    req = urllib.request.Request(url + "?" + urllib.parse.urlencode(params), headers={"Accept": accept or "*/*"})
    return urllib.request.urlopen(req, timeout=10)


def _status(req) -> int:
    try:
        with urllib.request.urlopen(req, timeout=10) as resp:
            return resp.status
    except urllib.error.HTTPError as exc:
        return exc.code


def test_binds_loopback_and_counts_triples(served, dev_graph):
    url, first = served
    assert url.startswith("http://127.0.0.1:")
    assert f"({len(dev_graph)} triples)" in first


def test_answers_equal_the_local_graph(served, dev_graph):
    url, _ = served
    endpoint = SparqlEndpoint(url, HttpClient(timeout=10))
    for query in QUERIES:
        assert _rows(endpoint.query(sparql_prologue() + query)) == _rows(dev_graph.query(sparql_prologue() + query))


def test_results_formats_by_accept(served, dev_graph):
    url, _ = served
    local = [(str(a), str(label)) for a, label in dev_graph.query(sparql_prologue() + AGENCIES)]
    assert local

    with _get(url, {"query": AGENCIES}) as resp:  # no preference: SPARQL JSON
        assert resp.headers["Content-Type"].startswith("application/sparql-results+json")
        rows = json.loads(resp.read())["results"]["bindings"]
    assert [(r["a"]["value"], r["label"]["value"]) for r in rows] == local

    with _get(url, {"query": AGENCIES}, "text/csv") as resp:
        table = list(csv.reader(io.StringIO(resp.read().decode("utf-8"))))
    assert table[0] == ["a", "label"] and [tuple(r) for r in table[1:]] == local

    with _get(url, {"query": AGENCIES}, "text/tab-separated-values") as resp:
        assert len(resp.read().decode("utf-8").strip().splitlines()) == len(local) + 1

    with _get(url, {"query": AGENCIES}, "application/sparql-results+xml") as resp:
        root = ET.fromstring(resp.read())
    ns = "{http://www.w3.org/2005/sparql-results#}"
    assert len(root.findall(f"{ns}results/{ns}result")) == len(local)

    with _get(url, {"query": "CONSTRUCT WHERE { ?a a mz:Agency }"}, "text/turtle") as resp:
        g = Graph().parse(data=resp.read(), format="turtle")
    assert len(g) == len(local)


def test_post_forms_and_direct_query_bodies(served):
    url, _ = served
    form = urllib.request.Request(url, data=urllib.parse.urlencode({"query": "ASK { ?a a mz:Agency }"}).encode())
    with urllib.request.urlopen(form, timeout=10) as resp:
        assert json.loads(resp.read())["boolean"] is True
    direct = urllib.request.Request(
        url, data=b"ASK { ?a a mz:Nothing }", headers={"Content-Type": "application/sparql-query"}
    )
    with urllib.request.urlopen(direct, timeout=10) as resp:
        assert json.loads(resp.read())["boolean"] is False


def test_updates_are_refused_with_403(served):
    url, _ = served
    insert = "INSERT DATA { <urn:a> <urn:b> <urn:c> }"
    assert _status(urllib.request.Request(url, data=urllib.parse.urlencode({"update": insert}).encode())) == 403
    assert _status(urllib.request.Request(url, data=urllib.parse.urlencode({"query": insert}).encode())) == 403
    update_body = urllib.request.Request(
        url, data=insert.encode(), headers={"Content-Type": "application/sparql-update"}
    )
    assert _status(update_body) == 403
    assert _status(urllib.request.Request(url, data=b"<urn:a> <urn:b> <urn:c> .", method="PUT")) == 403
    assert _status(urllib.request.Request(url, method="DELETE")) == 403
    # and nothing changed
    with _get(url, {"query": "ASK { <urn:a> ?p ?o }"}) as resp:
        assert json.loads(resp.read())["boolean"] is False


def test_bad_queries_and_formats_are_client_errors(served):
    url, _ = served
    assert _status(urllib.request.Request(url + "?" + urllib.parse.urlencode({"query": "SELEC ?x"}))) == 400
    assert _status(urllib.request.Request(url)) == 400
    png = urllib.request.Request(
        url + "?" + urllib.parse.urlencode({"query": "ASK {}"}), headers={"Accept": "image/png"}
    )
    assert _status(png) == 406


def test_serve_missing_graph_is_one_line(tmp_path):
    from tests.conftest import run_cli

    res = run_cli("serve", "--graph", str(tmp_path / "nope.ttl"), "--port", "0")
    assert res.returncode == 2
    assert res.stderr.strip().count("\n") == 0 and "no such graph file" in res.stderr


def _ready_rows(backend) -> dict:
    from tests.remote.test_query_remote import row_set

    from mzgraph.query import ready_questions, run

    return {name: row_set(run(backend, q.text)) for name, q in ready_questions().items()}


def test_trig_export_served_answers_like_the_flat_graph(tmp_path, dev_graph_path):
    from tests.conftest import run_cli

    from mzgraph.query import open_backend
    from mzgraph.remote.backend import EndpointBackend

    trig = tmp_path / "graph.trig"
    assert run_cli("export", "--format", "trig", "--graph", str(dev_graph_path), "-o", str(trig)).returncode == 0
    with serving("--graph", str(trig)) as (url, _):
        # a server that is not Oxigraph: the pushed graphs are named in every request
        remote = EndpointBackend.open(url)
        assert _ready_rows(remote) == _ready_rows(open_backend(dev_graph_path))
        assert remote.endpoint.default_graphs and "graph/entities" in remote.endpoint.default_graphs[-1]
        with _get(url, {"query": "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?p mz:issuedBy ?a } }"}) as resp:
            graphs = [b["g"]["value"] for b in json.loads(resp.read())["results"]["bindings"]]
        # a relation lives once, in the entities graph (as pushed); its document's graph keeps the evidence
        assert graphs == ["https://w3id.org/mzgraph/resource/graph/entities"]


def test_serves_a_persistent_query_store(tmp_path, dev_graph_path, dev_graph):
    from tests.conftest import run_cli

    store = tmp_path / "store"
    made = run_cli("query", "--graph", str(dev_graph_path), "--store", str(store), "ASK { ?s ?p ?o }")
    assert made.returncode == 0, made.stderr
    with serving("--store", str(store)) as (url, _):
        with _get(url, {"query": "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"}) as resp:
            n = json.loads(resp.read())["results"]["bindings"][0]["n"]["value"]
        assert int(n) == len(dev_graph)  # the store's own bookkeeping graph is left out
