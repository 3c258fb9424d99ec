"""The named-graph rule of mzgraph.rdf.partition, shared by TriG/N-Quads and the triplestores."""

from __future__ import annotations

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import PROV, RDF, RDFS

from mzgraph.rdf.namespaces import ITSRDF, MZ, MZR, NIF
from mzgraph.rdf.partition import ENTITIES_GRAPH, ONTOLOGY_GRAPH, partition

DOC_GRAPH = MZR["graph/doc/jiangxi-civil-affairs-2019"]


def _union(graphs) -> set:
    out = set()
    for g in graphs.values():
        out |= set(g)
    return out


def test_union_of_the_named_graphs_is_the_input(dev_graph):
    parts = partition(dev_graph)
    assert list(parts) == [DOC_GRAPH, ENTITIES_GRAPH]
    assert _union(parts) == set(dev_graph)


def test_document_graph_holds_its_mentions_targets_and_evidenced_relations(dev_graph):
    parts = partition(dev_graph)
    doc, entities = parts[DOC_GRAPH], parts[ENTITIES_GRAPH]
    mentions = set(dev_graph.subjects(ITSRDF.taIdentRef, None))
    assert mentions and all((m, None, None) in doc and (m, None, None) not in entities for m in mentions)
    for target in dev_graph.subjects(RDF.type, MZ.Target):
        assert set(dev_graph.triples((target, None, None))) <= set(doc)
    for st in dev_graph.subjects(RDF.type, RDF.Statement):
        s, p, o = (dev_graph.value(st, x) for x in (RDF.subject, RDF.predicate, RDF.object))
        sources = set(dev_graph.objects(st, PROV.wasDerivedFrom))
        from_doc = any(str(src).startswith(str(MZR["doc/"])) for src in sources)
        assert ((s, p, o) in doc) == from_doc
    # what every document shares stays out of document graphs
    for agency in dev_graph.subjects(RDF.type, MZ.Agency):
        assert (agency, RDFS.label, None) in entities and (agency, RDFS.label, None) not in doc


def test_a_relation_evidenced_by_two_documents_is_in_both_graphs(two_doc_build):
    g = two_doc_build.graph
    parts = partition(g)
    first, second = parts[MZR["graph/doc/first"]], parts[MZR["graph/doc/second"]]
    assert _union(parts) == set(g)

    def evidenced_by(st, doc: str) -> bool:
        return any(str(src).startswith(str(MZR[f"doc/{doc}/"])) for src in g.objects(st, PROV.wasDerivedFrom))

    statements = [st for st in g.subjects(RDF.type, RDF.Statement) if evidenced_by(st, "first")]
    statements = [st for st in statements if evidenced_by(st, "second")]
    assert statements, "the same text under two names gives relations with evidence in both"
    for st in statements:
        triple = tuple(g.value(st, x) for x in (RDF.subject, RDF.predicate, RDF.object))
        assert triple in first and triple in second
        # each graph links the statement to its own document's sentences only
        for graph, doc in ((first, "first"), (second, "second")):
            for src in graph.objects(st, PROV.wasDerivedFrom):
                assert str(src).startswith(str(MZR[f"doc/{doc}/"]))


def test_hand_made_graph_by_the_rule():
    g = Graph()
    doc, other = MZR["doc/a"], MZR["doc/a-b"]  # one document id a prefix of another
    for d in (doc, other):
        g.add((d, RDF.type, MZ.Document))
        g.add((d, NIF.isString, Literal("text")))
    sentence = MZR["doc/a/sentence/0-4"]
    g.add((sentence, RDF.type, NIF.Sentence))
    mention = MZR["doc/a-b/mention/0-2"]
    target, program = MZR["target/a-b/0"], MZR["program/p"]
    g.add((mention, ITSRDF.taIdentRef, target))
    g.add((mention, NIF.referenceContext, other))
    g.add((target, RDF.type, MZ.Target))
    g.add((target, MZ.value, Literal("3")))
    g.add((program, RDF.type, MZ.Program))
    g.add((program, MZ.hasTarget, target))
    st = MZR["statement/1"]
    reified = ((RDF.type, RDF.Statement), (RDF.subject, program), (RDF.predicate, MZ.hasTarget), (RDF.object, target))
    for p, o in reified:
        g.add((st, p, o))
    g.add((st, PROV.wasDerivedFrom, sentence))
    onto = Graph()
    onto.add((MZ.Target, RDF.type, URIRef("http://www.w3.org/2002/07/owl#Class")))

    parts = partition(g, ontology=onto)
    a, ab = parts[MZR["graph/doc/a"]], parts[MZR["graph/doc/a-b"]]
    assert (sentence, RDF.type, NIF.Sentence) in a and (mention, ITSRDF.taIdentRef, target) in ab
    assert (target, MZ.value, Literal("3")) in ab and (target, MZ.value, None) not in a
    assert (program, MZ.hasTarget, target) in a and (st, PROV.wasDerivedFrom, sentence) in a
    assert (program, RDF.type, MZ.Program) in parts[ENTITIES_GRAPH]
    assert set(parts[ONTOLOGY_GRAPH]) == set(onto)
    assert _union(parts) == set(g) | set(onto)
