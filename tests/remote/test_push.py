"""`mzgraph push` against a real Oxigraph server on loopback."""

from __future__ import annotations

from rdflib import Graph
from rdflib.namespace import PROV, RDF
from tests.conftest import DEV_REPORT, run_cli

from mzgraph.rdf.partition import ENTITIES_GRAPH, ONTOLOGY_GRAPH
from mzgraph.remote.http import HttpClient
from mzgraph.remote.protocol import SparqlEndpoint
from mzgraph.remote.push import named_graphs

DOC_GRAPH = "https://w3id.org/mzgraph/resource/graph/doc/"

# Representative questions: entities by type, relations, targets, provenance, aggregates,
# ASK and CONSTRUCT. (tests/remote/test_query_remote.py runs every ready question too.)
QUERIES = [
    "SELECT ?a ?label WHERE { ?a a mz:Agency ; rdfs:label ?label }",
    "SELECT ?p ?a WHERE { ?p mz:issuedBy ?a }",
    "SELECT ?t ?v ?u ?i WHERE { ?t a mz:Target ; mz:value ?v ; mz:unit ?u OPTIONAL { ?t mz:indicator ?i } }",
    "SELECT ?type (COUNT(DISTINCT ?e) AS ?n) WHERE { ?e a ?type } GROUP BY ?type",
    "SELECT ?e ?text WHERE { ?m itsrdf:taIdentRef ?e ; nif:sentence ?s . ?s nif:anchorOf ?text }",
    "SELECT ?st ?src WHERE { ?st a rdf:Statement ; prov:wasDerivedFrom ?src }",
    "ASK { ?p a mz:Policy ; mz:issuedBy ?a }",
    "CONSTRUCT { ?a mz:partOf ?b } WHERE { ?a mz:partOf ?b }",
]


def _rows(result) -> list:
    if result.type == "ASK":
        return [bool(result.askAnswer)]
    if result.type in ("CONSTRUCT", "DESCRIBE"):
        return sorted(tuple(t.n3() for t in triple) for triple in result.graph)
    return sorted(tuple("" if v is None else v.n3() for v in row) for row in result)


def _push(graph_path, server, *extra, env=None):
    return run_cli("push", "--store-url", server.store_url, "--graph", str(graph_path), *extra, env=env)


def test_push_dev_build_verifies_counts_and_answers_like_the_local_graph(dev_graph, dev_graph_path, oxigraph):
    res = _push(dev_graph_path, oxigraph)
    assert res.returncode == 0, res.stderr
    assert "verified at" in res.stdout and "hold exactly" in res.stdout

    expected = named_graphs(dev_graph)
    assert oxigraph.counts() == {p.graph: p.triples for p in expected}
    assert str(ONTOLOGY_GRAPH) in oxigraph.counts()

    # the data graphs (all but the ontology) as the default graph answer as the local file does
    data_graphs = [p.graph for p in expected if p.graph != str(ONTOLOGY_GRAPH)]
    endpoint = SparqlEndpoint(oxigraph.query_url, HttpClient(timeout=30), default_graphs=data_graphs)
    from mzgraph.rdf.namespaces import sparql_prologue

    for query in QUERIES:
        remote = endpoint.query(sparql_prologue() + query)
        local = dev_graph.query(sparql_prologue() + query)
        assert _rows(remote) == _rows(local), query
        assert _rows(local), f"the dev graph should answer {query}"


def test_push_in_small_batches_appends_after_the_first_put(dev_graph_path, start_oxigraph):
    server = start_oxigraph()
    res = _push(dev_graph_path, server, "--batch-triples", "100", "--no-ontology")
    assert res.returncode == 0, res.stderr
    # 1 ASK up front; the document graph (~1450 triples) alone needs 15 requests of 100
    assert int(res.stdout.split(" requests")[0].rsplit(" ", 1)[1]) > 15
    assert str(ONTOLOGY_GRAPH) not in server.counts()
    local = Graph().parse(dev_graph_path)
    assert sum(n for g, n in server.counts().items()) >= len(local)


def build_to(folder, out) -> None:
    """Build the reports in ``folder`` into ``out`` (in process: the push is what is tested here)."""
    from mzgraph.pipeline import build
    from mzgraph.rdf import write_graph

    write_graph(build([folder]).graph, out)


def _two_docs(folder, first_lines: slice, second_lines: slice):
    lines = DEV_REPORT.read_text(encoding="utf-8").splitlines()
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "alpha.txt").write_text("\n".join(lines[first_lines]) + "\n", encoding="utf-8")
    (folder / "beta.txt").write_text("\n".join(lines[second_lines]) + "\n", encoding="utf-8")


def test_repush_after_one_document_changed_replaces_only_its_graph(tmp_path, start_oxigraph):
    server = start_oxigraph()
    docs = tmp_path / "docs"
    _two_docs(docs, slice(0, 40), slice(40, 70))
    out = tmp_path / "v1.ttl"
    build_to(docs, out)
    assert _push(out, server).returncode == 0
    alpha, beta = DOC_GRAPH + "alpha", DOC_GRAPH + "beta"
    beta_before = server.graph_triples(beta)
    alpha_before = server.graph_triples(alpha)
    assert beta_before and alpha_before

    _two_docs(docs, slice(0, 25), slice(40, 70))  # alpha loses its later paragraphs
    out2 = tmp_path / "v2.ttl"
    build_to(docs, out2)
    res = _push(out2, server)
    assert res.returncode == 0, res.stderr

    expected = {p.graph: p.triples for p in named_graphs(out2)}
    counts = server.counts()
    assert counts == expected
    assert server.graph_triples(beta) == beta_before  # untouched
    alpha_after = server.graph_triples(alpha)
    assert alpha_after != alpha_before and len(alpha_after) < len(alpha_before)
    assert counts[alpha] == expected[alpha]


def test_replace_removes_graphs_of_documents_no_longer_built(tmp_path, start_oxigraph):
    server = start_oxigraph()
    docs = tmp_path / "docs"
    _two_docs(docs, slice(0, 40), slice(40, 70))
    both = tmp_path / "both.ttl"
    build_to(docs, both)
    assert _push(both, server).returncode == 0
    beta_before = server.graph_triples(DOC_GRAPH + "beta")

    (docs / "alpha.txt").unlink()
    only_beta = tmp_path / "beta.ttl"
    build_to(docs, only_beta)

    # without --replace the old document stays
    assert _push(only_beta, server).returncode == 0
    assert DOC_GRAPH + "alpha" in server.counts()

    res = _push(only_beta, server, "--replace")
    assert res.returncode == 0, res.stderr
    assert "removed 1 graph of" in res.stdout
    counts = server.counts()
    assert DOC_GRAPH + "alpha" not in counts
    assert server.graph_triples(DOC_GRAPH + "beta") == beta_before
    assert set(counts) == {DOC_GRAPH + "beta", str(ENTITIES_GRAPH), str(ONTOLOGY_GRAPH)}


def test_count_mismatch_is_never_reported_as_success(dev_graph_path, fake_server):
    """A store that accepts every upload but holds nothing: the check must catch it."""

    def respond(handler, body):
        if handler.command == "PUT" or handler.command == "POST" and "graph=" in handler.path:
            return 204, "text/plain", b""
        if b"ASK" in body:
            return 200, "application/sparql-results+json", b'{"head":{},"boolean":true}'
        return 200, "application/sparql-results+json", b'{"head":{"vars":["g","n"]},"results":{"bindings":[]}}'

    server = fake_server(respond)
    res = run_cli("push", "--store-url", f"{server.base}/store", "--graph", str(dev_graph_path))
    assert res.returncode == 4
    assert "push not verified" in res.stderr
    assert "verified at" not in res.stdout


def test_each_triple_goes_to_one_graph_and_none_is_lost(tmp_path):
    docs = tmp_path / "docs"
    _two_docs(docs, slice(0, 45), slice(25, 70))  # overlapping halves: shared relations
    out = tmp_path / "both.ttl"
    build_to(docs, out)
    graph = Graph().parse(out)
    parts = named_graphs(out, with_ontology=False)
    assert parts == named_graphs(graph, with_ontology=False)  # from the file or a Graph: the same
    graphs = {p.graph: Graph().parse(data=p.lines, format="nt") for p in parts}
    seen: set = set()
    for g in graphs.values():
        assert not (set(g) & seen)
        seen |= set(g)
    assert seen == set(graph)
    alpha, beta = (graphs[DOC_GRAPH + name] for name in ("alpha", "beta"))
    shared = {st for st in graph.subjects(RDF.type, RDF.Statement) if (st, PROV.wasDerivedFrom, None) in alpha}
    shared &= {st for st in graph.subjects(RDF.type, RDF.Statement) if (st, PROV.wasDerivedFrom, None) in beta}
    assert shared, "the fixture should have relations both documents state"
    # the statement once in entities, the evidence links with their document
    for st in shared:
        assert (st, RDF.type, RDF.Statement) in graphs[str(ENTITIES_GRAPH)]
        assert (st, RDF.type, RDF.Statement) not in alpha and (st, RDF.type, RDF.Statement) not in beta
