"""Streamed N-Triples / N-Quads hold exactly the triples of the in-memory graph."""

from __future__ import annotations

import pytest
from rdflib import Dataset, Graph, URIRef

from mzgraph.pipeline import build, build_to_file
from mzgraph.rdf.encode import to_ntriples
from mzgraph.rdf.partition import ENTITIES_GRAPH


def test_streamed_ntriples_equal_the_in_memory_graph(corpus_master, tmp_path):
    memory = build([corpus_master])
    out = tmp_path / "corpus.nt"
    streamed = build_to_file([corpus_master], out, jobs=1)
    assert streamed.graph is None
    lines = out.read_text(encoding="utf-8").splitlines()
    assert len(lines) == len(set(lines)) == streamed.triples == memory.triples
    assert set(Graph().parse(out, format="nt")) == set(memory.graph)
    assert streamed.entity_counts == memory.entity_counts


def test_ntriples_lines_are_those_rdflib_writes(dev_graph):
    mine = set(to_ntriples(dev_graph).splitlines())
    theirs = set(dev_graph.serialize(format="nt").splitlines()) - {""}
    assert mine == theirs


@pytest.mark.filterwarnings("ignore::DeprecationWarning")  # rdflib's own N-Quads parser
def test_nquads_put_each_document_in_its_own_graph(corpus_master, tmp_path):
    few = sorted(corpus_master.rglob("*.txt"))[:3]  # rdflib parses N-Quads slowly
    nt, nq = tmp_path / "c.nt", tmp_path / "c.nq"
    result = build_to_file(few, nt)
    build_to_file(few, nq)
    ds = Dataset()
    ds.parse(nq, format="nquads")
    named = {str(c.identifier) for c in ds.graphs() if len(c) and isinstance(c.identifier, URIRef)}
    docs = {s for s in named if "/doc/" in s}
    assert len(docs) == len(result.documents)
    union = Graph()
    for quad in ds.quads((None, None, None, None)):
        union.add(quad[:3])
    assert set(union) == set(Graph().parse(nt, format="nt"))
    # a document's graph (named as the partition names it) holds its own context node,
    # and the shared entities sit in the entities graph
    some = sorted(docs)[0]
    doc_iri = URIRef(some.replace("/graph/doc/", "/doc/"))
    assert (doc_iri, None, None) in ds.graph(URIRef(some))
    assert len(ds.graph(ENTITIES_GRAPH)) > 0


def test_a_batch_where_every_document_fails_writes_nothing(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "empty.txt").write_text("  \n", encoding="utf-8")
    out = tmp_path / "g.nt"
    result = build_to_file([tmp_path / "in"], out)
    assert not result.documents and len(result.failures) == 1
    assert not out.exists() and not list(tmp_path.glob(".g.nt.*"))


def test_ntriples_text_escapes_what_n_triples_must_escape():
    from mzgraph.model import EntityType, Extraction, Mention, SourceDocument
    from mzgraph.rdf.encode import document_ntriples, encode_document
    from mzgraph.resolve import resolve_document

    text = 'He said "民政部" \\ back\nslash\r and a tab\tend。'
    doc = SourceDocument(doc_id="quotes", path='odd "name".txt', text=text, content_hash="0" * 64)
    m = Mention(EntityType.AGENCY, "民政部", 9, 12, "民政部", 0, len(text))
    part = resolve_document(Extraction(document=doc, mentions=[m]))
    parsed = Graph().parse(data=document_ntriples(part), format="nt")
    assert set(parsed) == set(encode_document(part))
