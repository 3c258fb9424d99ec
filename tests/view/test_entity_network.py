"""The entity network: one pass over a graph's quads gives the same network from a file, a
store or an rdflib Graph, with provenance folded into attributes, and cut views that do not
depend on Python's hash seed."""

from __future__ import annotations

import gc
import os
import subprocess
import sys

import pyoxigraph as ox
import pytest

from mzgraph.network import (
    EntityNetwork,
    NetworkPart,
    assemble,
    entity_network,
    lines_part,
    network_part,
    part_version,
    paused_gc,
    to_networkx,
)
from mzgraph.rdf.io import load_graph
from tests.conftest import ROOT

# two documents mention one agency; a statement gives the evidence of a relation; the same
# label is in both named graphs; a mention's sentence has an offset but no text
TRIG = """
@prefix mz: <https://w3id.org/mzgraph/ontology#> .
@prefix r: <https://w3id.org/mzgraph/resource/> .
@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix nif: <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#> .
@prefix itsrdf: <http://www.w3.org/2005/11/its/rdf#> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .

r:graph\\/b {
  r:agency\\/a a mz:Agency ; rdfs:label "省民政厅"@zh .
  r:m2 itsrdf:taIdentRef r:agency\\/a ; nif:referenceContext r:doc\\/b ; nif:sentence r:s2 .
  r:s2 nif:anchorOf "第二份报告的句子。" ; nif:beginIndex 5 .
}
r:graph\\/a {
  r:agency\\/a a mz:Agency ; rdfs:label "省民政厅"@zh , "江西省民政厅"@zh ; skos:altLabel "民政厅"@zh .
  r:policy\\/p a mz:Policy ; rdfs:label "办法"@zh ; mz:issuedBy r:agency\\/a .
  r:target\\/t a mz:Target ; rdfs:label "低保"@zh ; mz:value "12.50"^^xsd:decimal ; mz:unit "万人" .
  r:m1 itsrdf:taIdentRef r:agency\\/a ; nif:referenceContext r:doc\\/a ; nif:sentence r:s1 .
  r:s1 nif:anchorOf "省民政厅印发办法。" ; nif:beginIndex 40 .
  r:m0 itsrdf:taIdentRef r:agency\\/a ; nif:referenceContext r:doc\\/a ; nif:sentence r:s0 .
  r:s0 nif:anchorOf "较早的一句。" ; nif:beginIndex 3 .
  r:m9 itsrdf:taIdentRef r:target\\/t ; nif:sentence r:s9 .
  r:s9 nif:beginIndex 7 .
  r:st a rdf:Statement ; rdf:subject r:policy\\/p ; rdf:predicate mz:issuedBy ; rdf:object r:agency\\/a ;
    prov:wasDerivedFrom r:s1 .
  r:policy\\/p mz:hasTarget "not an entity" .
}
"""
R = "https://w3id.org/mzgraph/resource/"


@pytest.fixture(scope="module")
def corpus_nquads(tmp_path_factory):
    """Three synthetic reports and the development report built into N-Quads (a graph each)."""
    import shutil

    from mzgraph.pipeline import build_to_file
    from mzgraph.synth import generate_corpus
    from tests.conftest import DEV_REPORT

    root = tmp_path_factory.mktemp("nquads")
    generate_corpus(3, root / "reports", seed=3)
    shutil.copy(DEV_REPORT, root / "reports" / DEV_REPORT.name)
    out = root / "g.nq"
    assert not build_to_file([root / "reports"], out).failures
    return out


@pytest.fixture()
def trig(tmp_path):
    path = tmp_path / "g.trig"
    path.write_text(TRIG, encoding="utf-8")
    return path


def as_plain(net: EntityNetwork) -> tuple:
    """Nodes and attributes in order; edges as a sorted list (networkx keeps them by source)."""
    return net.nodes, net.data, sorted(tuple(e) for e in net.edges)


def test_provenance_is_folded_into_attributes(trig):
    net = entity_network(trig)
    assert net.nodes == [R + "agency/a", R + "policy/p", R + "target/t"]  # by type, then IRI
    agency = net.attrs(R + "agency/a")
    assert agency["label"] == "江西省民政厅" and agency["alt_labels"] == ["民政厅"]  # least label, in any graph
    # sorted by document, then offset: doc/a at 3 and 40, then doc/b
    assert agency["sentences"] == ["较早的一句。", "省民政厅印发办法。", "第二份报告的句子。"]
    assert agency["documents"] == [R + "doc/a", R + "doc/b"]
    target = net.attrs(R + "target/t")
    assert target["value"] == 12.5 and target["unit"] == "万人"
    assert target["sentences"] == [""] and target["documents"] == []  # an offset without text still counts
    assert [tuple(e) for e in net.edges] == [(1, 0, "issuedBy", ["省民政厅印发办法。"], False)]


def test_a_file_a_store_and_an_rdflib_graph_give_one_network(trig):
    from_file = entity_network(trig)
    store = ox.Store()
    store.load(path=str(trig), format=ox.RdfFormat.TRIG)
    assert as_plain(entity_network(store)) == as_plain(from_file)
    assert as_plain(entity_network(load_graph(trig))) == as_plain(from_file)
    assert as_plain(entity_network(load_graph(trig, keep_graphs=True))) == as_plain(from_file)


def test_networkx_round_trip(dev_graph):
    net = entity_network(dev_graph)
    nxnet = net.to_networkx()
    assert list(nxnet.nodes) == net.nodes and nxnet.number_of_edges() == len(net.edges)
    assert as_plain(EntityNetwork.from_networkx(nxnet)) == as_plain(net)
    assert as_plain(EntityNetwork.from_networkx(to_networkx(dev_graph))) == as_plain(net)


def test_subnetwork_keeps_order_and_copies_attributes(dev_graph):
    net = entity_network(dev_graph)
    keep = net.nodes[::3]
    cut = net.subnetwork(reversed(keep))
    assert cut.nodes == keep
    assert all(cut.nodes[e.source] in keep and cut.nodes[e.target] in keep for e in cut.edges)
    cut.data[0]["label"] = "changed"
    assert net.attrs(keep[0])["label"] != "changed"


def test_triple_terms_are_left_out(tmp_path):
    """RDF 1.2 triple terms where the network reads a value: left out, not a traceback."""
    star = "<<( <http://x> <http://y> <http://z> )>>"
    path = tmp_path / "star.ttl"
    path.write_text(
        TRIG.split("r:graph")[0]
        + f'r:agency\\/a a mz:Agency ; rdfs:label {star}, "民政厅"@zh ; mz:partOf {star} .\n'
        + f"r:m itsrdf:taIdentRef r:agency\\/a ; nif:referenceContext {star} ; nif:sentence r:s .\n"
        + f"r:s nif:anchorOf {star} ; nif:beginIndex {star} .\n"
        + f"r:st a rdf:Statement ; rdf:subject r:agency\\/a ; rdf:predicate mz:partOf ; rdf:object {star} .\n",
        encoding="utf-8",
    )
    net = entity_network(path)
    assert net.nodes == [R + "agency/a"] and net.attrs(R + "agency/a")["label"] == "民政厅"
    assert net.attrs(R + "agency/a")["sentences"] == [] and net.edges == []


def test_a_dataset_is_the_merge_of_its_graphs_parts(corpus_nquads):
    """The build draws its view from each document graph's part and the entities graph's,
    merged: the network of the union of the graphs, whatever the order of the parts."""
    from mzgraph.rdf.partition import read_parts

    whole = entity_network(corpus_nquads)
    graphs = read_parts(corpus_nquads)
    assert len(graphs) > 3 and whole.edges and any(e.sentences for e in whole.edges)
    parts = [lines_part(g.lines) for g in graphs]
    assert as_plain(assemble(NetworkPart.merge(parts))) == as_plain(whole)
    assert as_plain(assemble(NetworkPart.merge(reversed(parts)))) == as_plain(whole)
    for types in (("Target", "Agency"), ("Policy",)):
        assert as_plain(assemble(NetworkPart.merge(parts), types=types)) == as_plain(
            entity_network(corpus_nquads, types=types)
        )
    # a target's part of the network is in its document's graph: its sentences, its relation
    # to a policy or program with the sentence that says it
    target = next(n for n, d in zip(whole.nodes, whole.data, strict=True) if d["type"] == "Target" and d["sentences"])
    doc_id = target.split("/target/")[1].rsplit("/", 1)[0]
    doc_graph = next(g for g in graphs if g.graph.endswith(f"/graph/doc/{doc_id}"))
    alone = assemble(lines_part(doc_graph.lines))
    assert alone.attrs(target)["sentences"] == whole.attrs(target)["sentences"]


def test_a_part_as_the_cache_keeps_it(trig):
    part = network_part(ox.parse(path=str(trig), format=ox.RdfFormat.TRIG))
    data = part.to_bytes()
    assert data == network_part(ox.parse(path=str(trig), format=ox.RdfFormat.TRIG)).to_bytes()  # deterministic
    back = NetworkPart.from_bytes(data)
    assert back.rows == part.rows and as_plain(assemble(back)) == as_plain(entity_network(trig))
    # repeats are made once: agency/a is mentioned twice in doc/a
    assert part.rows["documents"].count((R + "agency/a", R + "doc/a")) == 1
    import pickle

    assert NetworkPart.from_bytes(pickle.dumps(("0" * 16, part.rows))) is None  # made by other code
    assert pickle.loads(data) == (part_version(), part.rows)  # strings written once each: smaller, same rows
    assert NetworkPart.from_bytes(data[: len(data) // 2]) is None  # damaged
    assert NetworkPart.from_bytes(b"") is None


def test_collector_pause_is_undone():
    assert gc.isenabled()
    with paused_gc():
        assert not gc.isenabled()
        with paused_gc():
            pass
        assert not gc.isenabled()
    assert gc.isenabled()
    with pytest.raises(RuntimeError), paused_gc():
        raise RuntimeError
    assert gc.isenabled()


@pytest.mark.parametrize("cut", [["--type", "Agency", "--type", "Policy"], ["--focus", "江西省民政厅", "--depth", "1"]])
def test_a_cut_view_does_not_depend_on_the_hash_seed(dev_graph_path, tmp_path, cut):
    """A cut used to keep its nodes in the order of a Python set, and the spring layout placed
    them by that order: two runs drew two pictures."""
    pages = []
    for seed in ("1", "2"):
        page = tmp_path / f"cut-{seed}" / "view.html"
        env = {**os.environ, "PYTHONHASHSEED": seed}
        done = subprocess.run(
            [sys.executable, "-m", "mzgraph", "view", "--graph", str(dev_graph_path), *cut, "-o", str(page)],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert done.returncode == 0, done.stderr
        pages.append(page.read_bytes())
    assert pages[0] == pages[1]


# blank nodes where a graph may use them (a statement, a mention, a sentence), an IRI and a
# blank node sharing nothing but their text, and objects of the wrong kind, each left out
BLANKS = """
@prefix mz: <https://w3id.org/mzgraph/ontology#> .
@prefix r: <https://w3id.org/mzgraph/resource/> .
@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix nif: <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#> .
@prefix itsrdf: <http://www.w3.org/2005/11/its/rdf#> .
@prefix prov: <http://www.w3.org/ns/prov#> .

r:a a mz:Agency ; rdfs:label "民政厅" .
r:p a mz:Policy ; rdfs:label "办法" ; mz:issuedBy r:a .
_:b1 a mz:Agency ; rdfs:label "a blank node is no entity" ; mz:issuedBy r:a .
r:p mz:issuedBy _:b1 .
[] itsrdf:taIdentRef r:a ; nif:referenceContext r:doc ; nif:sentence _:s .
_:s nif:anchorOf "民政厅印发办法。" ; nif:beginIndex 4 .
[] itsrdf:taIdentRef r:p ; nif:referenceContext r:doc ; nif:sentence "a literal is no sentence" .
[] a rdf:Statement ; rdf:subject r:p ; rdf:predicate mz:issuedBy ; rdf:object r:a ; prov:wasDerivedFrom _:s .
[] a rdf:Statement ; rdf:subject r:p ; rdf:predicate "issuedBy" ; rdf:object r:a ; prov:wasDerivedFrom _:s .
r:a rdfs:label r:notALiteral .
"""


def test_blank_nodes_and_objects_of_the_wrong_kind(tmp_path):
    path = tmp_path / "blanks.ttl"
    path.write_text(BLANKS, encoding="utf-8")
    net = entity_network(path)
    r = "https://w3id.org/mzgraph/resource/"
    assert net.nodes == [r + "a", r + "p"]  # the blank agency is not drawn
    a, p = net.data
    assert (a["label"], a["sentences"], a["documents"]) == ("民政厅", ["民政厅印发办法。"], [r + "doc"])
    assert (p["sentences"], p["documents"]) == ([], [r + "doc"])  # its mention's "sentence" is a literal
    edges = [(e.source, e.target, e.relation, e.sentences) for e in net.edges]
    assert edges == [(1, 0, "issuedBy", ["民政厅印发办法。"])]
