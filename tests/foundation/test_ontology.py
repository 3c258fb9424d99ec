"""Every class and property the encoder emits in mz: is declared in ontology/mzgraph.ttl."""

from __future__ import annotations

from rdflib import OWL, RDF, RDFS, Graph, Literal

from tests.conftest import ROOT

MZ = "https://w3id.org/mzgraph/ontology#"


def _ontology() -> Graph:
    return Graph().parse(ROOT / "ontology" / "mzgraph.ttl")


def test_every_emitted_term_is_declared(dev_graph):
    onto = _ontology()
    declared = {str(s) for s in onto.subjects(RDF.type, None) if str(s).startswith(MZ)}
    used = {str(p) for p in dev_graph.predicates() if str(p).startswith(MZ)}
    used |= {str(o) for o in dev_graph.objects(None, RDF.type) if str(o).startswith(MZ)}
    assert used, "the build emitted no mz: terms"
    assert used <= declared, f"undeclared: {sorted(used - declared)}"


def test_terms_have_bilingual_labels_and_definitions():
    onto = _ontology()
    for s in set(onto.subjects(RDF.type, None)):
        if not str(s).startswith(MZ) or (s, RDF.type, OWL.Ontology) in onto:
            continue
        langs = {lit.language for lit in onto.objects(s, RDFS.label) if isinstance(lit, Literal)}
        assert {"zh", "en"} <= langs, s
        assert (s, RDFS.comment, None) in onto, s


def test_properties_have_domain_and_range():
    onto = _ontology()
    for kind in (OWL.ObjectProperty, OWL.DatatypeProperty):
        for p in onto.subjects(RDF.type, kind):
            if str(p) == MZ + "reason":
                continue  # shared by removals and repairs
            assert (p, RDFS.domain, None) in onto, p
            assert (p, RDFS.range, None) in onto, p
