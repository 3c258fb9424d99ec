"""Queries against a remote SPARQL endpoint answer exactly as the local graph does."""

from __future__ import annotations

import pytest
from tests.conftest import run_cli

from mzgraph.errors import QueryError
from mzgraph.query import open_backend, ready_questions, run
from mzgraph.remote.backend import EndpointBackend

DOC_GRAPH = "https://w3id.org/mzgraph/resource/graph/doc/jiangxi-civil-affairs-2019"


def row_set(result) -> list:
    """A result as a sorted list of rows of N3 terms (order-free comparison)."""
    if result.kind == "ask":
        return [result.boolean]
    if result.kind == "construct":
        return sorted(tuple(t.n3() for t in triple) for triple in result.triples)
    return [result.variables] + sorted(tuple("" if t is None else t.n3() for t in row) for row in result.rows)


@pytest.fixture(scope="module")
def pushed(oxigraph, dev_graph_path):
    res = run_cli("push", "--store-url", oxigraph.store_url, "--graph", str(dev_graph_path))
    assert res.returncode == 0, res.stderr
    return oxigraph


@pytest.fixture(scope="module")
def local(dev_graph_path):
    return open_backend(dev_graph_path)


def test_every_ready_question_answers_as_locally(pushed, local):
    remote = EndpointBackend.open(pushed.query_url)
    questions = ready_questions()
    assert len(questions) >= 10
    answered = 0
    for name, question in questions.items():
        here, there = run(local, question.text), run(remote, question.text)
        assert row_set(there) == row_set(here), name
        answered += bool(here.rows)
    assert answered >= len(questions) // 2  # most questions have answers on the dev report


def test_remote_dataset_is_the_pushed_build_with_its_ontology(pushed, local):
    from mzgraph.remote.push import ontology_graph

    remote = EndpointBackend.open(pushed.query_url)
    assert len(remote) == len(local) + len(ontology_graph())
    # named graphs stay reachable: which document graph evidences a relation
    query = "SELECT DISTINCT ?g WHERE { ?st rdf:predicate mz:issuedBy GRAPH ?g { ?st prov:wasDerivedFrom ?s } }"
    rows = run(remote, query).rows
    assert [str(r[0]) for r in rows] == [DOC_GRAPH]
    # the ontology is a graph of its own, and part of the default graph
    onto = "<https://w3id.org/mzgraph/resource/graph/ontology>"
    assert run(remote, f"ASK {{ GRAPH {onto} {{ mz:Agency a owl:Class }} }}").boolean is True
    assert run(remote, "ASK { mz:Agency a owl:Class }").boolean is True


def test_construct_and_graph_fetch(pushed, local, dev_graph):
    remote = EndpointBackend.open(pushed.query_url)
    query = "CONSTRUCT { ?p mz:issuedBy ?a } WHERE { ?p mz:issuedBy ?a }"
    assert row_set(run(remote, query)) == row_set(run(local, query))
    # Oxigraph keeps xsd:nonNegativeInteger offsets as xsd:integer, so compare shapes and sizes
    from mzgraph.remote.push import ontology_graph

    assert len(remote.graph) == len(dev_graph) + len(ontology_graph())
    assert {(s, p) for s, p, _ in dev_graph} <= {(s, p) for s, p, _ in remote.graph}


def test_updates_are_refused_remotely(pushed):
    remote = EndpointBackend.open(pushed.query_url)
    with pytest.raises(QueryError, match="refused"):
        run(remote, "INSERT DATA { <urn:a> <urn:b> <urn:c> }")
    with pytest.raises(QueryError, match="not sent to a remote endpoint"):
        run(remote, "INSERT DATA { <urn:a> <urn:b> <urn:c> }", allow_update=True)
    assert pushed.query("ASK { GRAPH ?g { <urn:a> ?p ?o } }")["boolean"] is False


def test_malformed_query_is_a_query_error(pushed):
    remote = EndpointBackend.open(pushed.query_url)
    sent = remote.endpoint.client.requests_sent
    with pytest.raises(QueryError, match="^malformed query at line 1, column 19"):
        run(remote, "SELECT ?x WHERE { ?x ?y }")
    assert remote.endpoint.client.requests_sent == sent  # the gate answered; nothing was sent


def test_store_without_mzgraph_graphs_uses_the_servers_dataset(start_oxigraph, dev_graph_path, local):
    server = start_oxigraph()
    import urllib.request

    req = urllib.request.Request(
        f"{server.base}/store?default", data=dev_graph_path.read_bytes(), headers={"Content-Type": "text/turtle"}
    )
    urllib.request.urlopen(req, timeout=30).close()  # loaded into the default graph, by other means
    remote = EndpointBackend.open(server.query_url)
    question = ready_questions()["policies-by-issuer"].text
    assert row_set(run(remote, question)) == row_set(run(local, question))


def test_documents_sharing_relations_answer_as_locally(tmp_path, start_oxigraph):
    """Relations stated by two documents are held once on the store (no duplicate rows)."""
    from tests.remote.test_push import _two_docs, build_to

    docs = tmp_path / "docs"
    _two_docs(docs, slice(0, 45), slice(25, 70))  # overlapping halves
    out = tmp_path / "both.ttl"
    build_to(docs, out)
    server = start_oxigraph()
    assert run_cli("push", "--store-url", server.store_url, "--graph", str(out)).returncode == 0
    remote, here = EndpointBackend.open(server.query_url), open_backend(out)
    for name, question in ready_questions().items():
        assert row_set(run(remote, question.text)) == row_set(run(here, question.text)), name


def _csv_rows(text: str) -> list:
    lines = text.strip().splitlines()
    return [lines[0]] + sorted(lines[1:])


@pytest.mark.parametrize("name", ["policies-by-issuer", "relation-evidence"])
def test_query_command_with_endpoint_prints_what_the_local_graph_does(pushed, dev_graph_path, name):
    for fmt in ("csv", "json"):
        here = run_cli("query", "--graph", str(dev_graph_path), "--name", name, "--format", fmt)
        there = run_cli("query", "--endpoint", pushed.query_url, "--name", name, "--format", fmt)
        assert there.returncode == 0, there.stderr
        if fmt == "csv":
            assert _csv_rows(there.stdout) == _csv_rows(here.stdout)
        else:
            import json

            a, b = json.loads(there.stdout), json.loads(here.stdout)
            assert a["head"] == b["head"]
            key = lambda r: json.dumps(r, sort_keys=True)  # noqa: E731
            assert sorted(map(key, a["results"]["bindings"])) == sorted(map(key, b["results"]["bindings"]))


def test_query_command_endpoint_errors_are_one_line(dev_graph_path):
    from tests.remote.conftest import free_port

    down = run_cli("query", "--endpoint", f"http://127.0.0.1:{free_port()}/query", "--name", "entity-counts")
    assert down.returncode == 3
    assert len(down.stderr.strip().splitlines()) == 1 and "connection refused" in down.stderr
    both = run_cli("query", "--endpoint", "http://127.0.0.1:9/query", "--graph", str(dev_graph_path), "ASK {}")
    assert both.returncode == 2


def test_notebook_api_over_an_endpoint(pushed, dev_graph_path):
    import mzgraph

    remote, here = mzgraph.load(endpoint=pushed.query_url), mzgraph.load(dev_graph_path)
    a, b = remote.ready("policies-by-issuer"), here.ready("policies-by-issuer")
    assert list(a.columns) == list(b.columns) and len(a) == len(b) > 0
    assert sorted(map(tuple, a.astype(str).values)) == sorted(map(tuple, b.astype(str).values))
    assert "endpoint" in repr(remote)
