"""SHACL shapes of the contract (ontology/shapes.ttl) and the readable violation lines."""

from __future__ import annotations

from rdflib import Graph, Literal
from rdflib.namespace import RDF, RDFS, XSD

from mzgraph.rdf.namespaces import ITSRDF, MZ, MZR, NIF
from mzgraph.validate import GraphInvalid, ontology_file, validate


def _copy(graph: Graph) -> Graph:
    g = Graph()
    for t in graph:
        g.add(t)
    return g


def _nni(n: int) -> Literal:
    return Literal(n, datatype=XSD.nonNegativeInteger)


def _document_with_mention(text: str, anchor: str, begin: int, end: int) -> Graph:
    g = Graph()
    doc, mention, entity = MZR["doc/d"], MZR["doc/d/mention/x"], MZR["agency/a"]
    g.add((doc, RDF.type, MZ.Document))
    g.add((doc, RDF.type, NIF.Context))
    g.add((doc, NIF.isString, Literal(text)))
    g.add((mention, RDF.type, NIF.Phrase))
    g.add((mention, NIF.anchorOf, Literal(anchor)))
    g.add((mention, NIF.beginIndex, _nni(begin)))
    g.add((mention, NIF.endIndex, _nni(end)))
    g.add((mention, NIF.referenceContext, doc))
    g.add((mention, ITSRDF.taIdentRef, entity))
    g.add((entity, RDF.type, MZ.Agency))
    g.add((entity, RDFS.label, Literal(anchor, lang="zh")))
    return g


def test_shapes_ship_beside_the_ontology():
    assert ontology_file("shapes.ttl").parent == ontology_file("mzgraph.ttl").parent


def test_default_build_conforms(dev_graph):
    report = validate(dev_graph)
    assert report.conforms, [str(v) for v in report.violations]


def test_target_without_value_gives_a_readable_line(dev_graph):
    g = _copy(dev_graph)
    target = sorted(g.subjects(RDF.type, MZ.Target))[0]
    label = str(g.value(target, RDFS.label))
    g.remove((target, MZ.value, None))
    report = validate(g)
    assert not report.conforms
    lines = [str(v) for v in report.violations]
    assert len(lines) == 1, lines
    assert lines[0].startswith(f"Target 「{label}」 mzr:target/")
    assert "mz:value" in lines[0] and "exactly one mz:value" in lines[0] and "\n" not in lines[0]


def test_bad_offsets_are_a_violation(dev_graph):
    g = _copy(dev_graph)
    mention = sorted(g.subjects(ITSRDF.taIdentRef, None))[0]
    begin, end = int(g.value(mention, NIF.beginIndex)), int(g.value(mention, NIF.endIndex))
    g.set((mention, NIF.beginIndex, _nni(begin + 1)))
    g.set((mention, NIF.endIndex, _nni(end + 1)))
    report = validate(g)
    (violation,) = report.violations
    assert violation.node == str(mention)
    assert str(violation).startswith("mention 「")
    assert f"offsets {begin + 1}-{end + 1} slice its document to" in violation.message


def test_offsets_count_code_points_even_beyond_the_bmp():
    # 𠀀 (U+20000) is one character but two UTF-16 code units: offsets count characters
    text = "𠀀江西省民政厅发布通知"
    assert validate(_document_with_mention(text, "江西省民政厅", 1, 7)).conforms
    utf16 = validate(_document_with_mention(text, "江西省民政厅", 2, 8))
    assert not utf16.conforms and "slice its document" in utf16.violations[0].message
    past_the_end = validate(_document_with_mention(text, "江西省民政厅", 1, 40))
    assert not past_the_end.conforms


def test_relation_domains_and_codes(dev_graph):
    g = _copy(dev_graph)
    agency = sorted(g.subjects(RDF.type, MZ.Agency))[0]
    place = sorted(g.subjects(RDF.type, MZ.AdministrativeArea))[0]
    g.add((agency, MZ.issuedBy, place))  # from an Agency, to a place: both ends wrong
    g.set((place, MZ.divisionCode, Literal("36")))
    g.add((place, RDF.type, MZ.Program))  # two core classes
    lines = [str(v) for v in validate(g).violations]
    text = "\n".join(lines)
    assert "mz:issuedBy goes from a Policy" in text
    assert "mz:issuedBy goes to an Agency" in text
    assert "six-digit" in text
    assert "exactly one core class" in text


def test_unasserted_statement(dev_graph):
    g = _copy(dev_graph)
    st = sorted(g.subjects(RDF.type, RDF.Statement))[0]
    triple = tuple(g.value(st, p) for p in (RDF.subject, RDF.predicate, RDF.object))
    g.remove(triple)
    messages = [v.message for v in validate(g).violations]
    assert any("not asserted" in m for m in messages), messages


def test_graph_invalid_exits_1():
    assert GraphInvalid.exit_code == 1
