"""The named graphs: decided once by the encoder, read back by the same rule from files without graphs."""

from __future__ import annotations

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import PROV, RDF, RDFS

from mzgraph.export import rdf_parts
from mzgraph.rdf import ntriples as nt
from mzgraph.rdf.namespaces import ITSRDF, MZ, MZR, NIF
from mzgraph.rdf.partition import ENTITIES_GRAPH, ONTOLOGY_GRAPH, graph_parts, partition

DOC_GRAPH = str(MZR["graph/doc/jiangxi-civil-affairs-2019"])


def _graphs(parts) -> dict[str, Graph]:
    return {p.graph: Graph().parse(data=p.lines, format="nt") for p in parts}


def _union(graphs) -> set:
    out = set()
    for g in graphs.values():
        out |= set(g)
    return out


def test_union_of_the_named_graphs_is_the_input_without_repeats(dev_graph):
    parts = graph_parts(dev_graph)
    assert [p.graph for p in parts] == [DOC_GRAPH, str(ENTITIES_GRAPH)]
    assert _union(_graphs(parts)) == set(dev_graph)
    assert sum(p.triples for p in parts) == len(dev_graph)  # no triple in two graphs


def test_document_graph_holds_its_mentions_targets_and_evidence(dev_graph):
    graphs = _graphs(graph_parts(dev_graph))
    doc, entities = graphs[DOC_GRAPH], graphs[str(ENTITIES_GRAPH)]
    mentions = set(dev_graph.subjects(ITSRDF.taIdentRef, None))
    assert mentions and all((m, None, None) in doc and (m, None, None) not in entities for m in mentions)
    for target in dev_graph.subjects(RDF.type, MZ.Target):
        assert set(dev_graph.triples((target, None, None))) <= set(doc)
    for st in dev_graph.subjects(RDF.type, RDF.Statement):
        s, p, o = (dev_graph.value(st, x) for x in (RDF.subject, RDF.predicate, RDF.object))
        about_a_target = (o, RDF.type, MZ.Target) in dev_graph or (s, RDF.type, MZ.Target) in dev_graph
        # a relation between shared entities and its statement: once, in the entities graph
        home = doc if about_a_target else entities
        assert (s, p, o) in home and (st, RDF.type, RDF.Statement) in home
        # the links to the sentences that evidence it: in the document's graph
        for src in dev_graph.objects(st, PROV.wasDerivedFrom):
            if str(src).startswith(str(MZR["doc/"])):
                assert (st, PROV.wasDerivedFrom, src) in doc and (st, PROV.wasDerivedFrom, src) not in entities
    for agency in dev_graph.subjects(RDF.type, MZ.Agency):
        assert (agency, RDFS.label, None) in entities and (agency, RDFS.label, None) not in doc


def test_a_relation_evidenced_by_two_documents_is_once_in_entities(two_doc_build):
    g = two_doc_build.graph
    graphs = _graphs(graph_parts(g))
    first, second = graphs[str(MZR["graph/doc/first"])], graphs[str(MZR["graph/doc/second"])]
    entities = graphs[str(ENTITIES_GRAPH)]
    assert _union(graphs) == set(g)

    def evidenced_by(st, doc: str) -> bool:
        return any(str(src).startswith(str(MZR[f"doc/{doc}/"])) for src in g.objects(st, PROV.wasDerivedFrom))

    statements = [st for st in g.subjects(RDF.type, RDF.Statement) if evidenced_by(st, "first")]
    statements = [st for st in statements if evidenced_by(st, "second")]
    assert statements, "the same text under two names gives relations with evidence in both"
    for st in statements:
        triple = tuple(g.value(st, x) for x in (RDF.subject, RDF.predicate, RDF.object))
        assert triple in entities and triple not in first and triple not in second
        # each graph links the statement to its own document's sentences only
        for graph, doc in ((first, "first"), (second, "second")):
            links = list(graph.objects(st, PROV.wasDerivedFrom))
            assert links and all(str(src).startswith(str(MZR[f"doc/{doc}/"])) for src in links)


def test_hand_made_graph_by_the_rule():
    g = Graph()
    doc, other = MZR["doc/a"], MZR["doc/a-b"]  # one document id a prefix of another
    for d in (doc, other):
        g.add((d, RDF.type, MZ.Document))
        g.add((d, NIF.isString, Literal("text")))
    sentence = MZR["doc/a-b/sentence/0-4"]
    g.add((sentence, RDF.type, NIF.Sentence))
    mention = MZR["doc/a-b/mention/0-2"]
    target, program, agency = MZR["target/a-b/0"], MZR["program/p"], MZR["agency/x"]
    g.add((mention, ITSRDF.taIdentRef, target))
    g.add((mention, NIF.referenceContext, other))
    g.add((target, RDF.type, MZ.Target))
    g.add((target, MZ.value, Literal("3")))
    g.add((program, RDF.type, MZ.Program))
    g.add((program, MZ.hasTarget, target))
    g.add((agency, MZ.issued, program))
    st, shared_st = MZR["statement/1"], MZR["statement/2"]
    for node, s, p, o in ((st, program, MZ.hasTarget, target), (shared_st, agency, MZ.issued, program)):
        for part, value in ((RDF.type, RDF.Statement), (RDF.subject, s), (RDF.predicate, p), (RDF.object, o)):
            g.add((node, part, value))
        g.add((node, PROV.wasDerivedFrom, sentence))
    onto = Graph()
    onto.add((MZ.Target, RDF.type, URIRef("http://www.w3.org/2002/07/owl#Class")))

    graphs = _graphs(rdf_parts(g, onto))
    a, ab, entities = graphs[str(MZR["graph/doc/a"])], graphs[str(MZR["graph/doc/a-b"])], graphs[str(ENTITIES_GRAPH)]
    assert (doc, NIF.isString, Literal("text")) in a and len(a) == 2
    assert (sentence, RDF.type, NIF.Sentence) in ab and (mention, ITSRDF.taIdentRef, target) in ab
    assert (target, MZ.value, Literal("3")) in ab and (program, MZ.hasTarget, target) in ab
    assert (st, RDF.subject, program) in ab and (st, PROV.wasDerivedFrom, sentence) in ab
    assert (shared_st, PROV.wasDerivedFrom, sentence) in ab and (shared_st, RDF.subject, agency) in entities
    assert (program, RDF.type, MZ.Program) in entities and (agency, MZ.issued, program) in entities
    assert set(graphs[str(ONTOLOGY_GRAPH)]) == set(onto)
    assert _union(graphs) == set(g) | set(onto)


def test_partition_is_linear_in_lines_and_keeps_every_line():
    lines = [(nt.iri(f"{MZR}agency/{i}"), nt.iri(str(RDFS.label)), nt.literal(f"机构{i}", "zh")) for i in range(500)]
    (entities,) = partition(lines)
    assert entities.graph == str(ENTITIES_GRAPH) and entities.triples == 500
