"""The typed model → an rdflib Graph under the mzgraph ontology.

IRIs are minted from entity keys, document ids and character offsets only, so the same
input gives the same IRIs on every run, and nothing from the text can change an IRI's
structure (keys are hashes, codes and numbers).
"""

from __future__ import annotations

import hashlib
from decimal import Decimal

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV, RDF, RDFS, SKOS, XSD

from mzgraph.model import Entity, EntityType, KnowledgeBase, Relation, SourceDocument
from mzgraph.rdf.namespaces import ITSRDF, MZ, MZR, NIF, bind_prefixes

LEVEL_CLASS = {"province": MZ.Province, "city": MZ.City, "county": MZ.County}
GAZETTEER = MZR["dataset/divisions"]


def entity_iri(key: str) -> URIRef:
    return MZR[key]


def document_iri(doc_id: str) -> URIRef:
    return MZR[f"doc/{doc_id}"]


def mention_iri(doc_id: str, start: int, end: int) -> URIRef:
    return MZR[f"doc/{doc_id}/mention/{start}-{end}"]


def sentence_iri(doc_id: str, start: int, end: int) -> URIRef:
    return MZR[f"doc/{doc_id}/sentence/{start}-{end}"]


def statement_iri(rel: Relation) -> URIRef:
    digest = hashlib.sha1(f"{rel.subject} {rel.predicate.value} {rel.object}".encode()).hexdigest()[:16]
    return MZR[f"statement/{digest}"]


def decimal_literal(value: Decimal) -> Literal:
    text = format(value, "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return Literal(text, datatype=XSD.decimal)


def _nni(n: int) -> Literal:
    return Literal(n, datatype=XSD.nonNegativeInteger)


def _document(g: Graph, doc: SourceDocument) -> None:
    d = document_iri(doc.doc_id)
    meta = doc.metadata
    g.add((d, RDF.type, MZ.Document))
    g.add((d, RDF.type, NIF.Context))
    g.add((d, NIF.isString, Literal(doc.text)))
    g.add((d, NIF.beginIndex, _nni(0)))
    g.add((d, NIF.endIndex, _nni(len(doc.text))))
    g.add((d, MZ.sourcePath, Literal(doc.path)))
    if doc.content_hash:
        g.add((d, MZ.contentHash, Literal(doc.content_hash)))
    g.add((d, DCTERMS["format"], Literal(meta.format)))
    if meta.encoding:
        g.add((d, MZ.encoding, Literal(meta.encoding)))
    for prop, value in (
        (DCTERMS.title, meta.title),
        (DCTERMS.publisher, meta.publisher),
        (DCTERMS.source, meta.source),
    ):
        if value:
            g.add((d, prop, Literal(value, lang="zh")))
    if meta.url:
        g.add((d, MZ.sourceURL, Literal(meta.url, datatype=XSD.anyURI)))
    if meta.date:
        dtype = XSD.date if len(meta.date) == 10 else XSD.gYear if len(meta.date) == 4 else None
        g.add((d, DCTERMS.date, Literal(meta.date, datatype=dtype)))
    for i, rm in enumerate(meta.removals):
        node = MZR[f"doc/{doc.doc_id}/removal/{i}"]
        g.add((d, MZ.removal, node))
        g.add((node, RDF.type, MZ.Removal))
        g.add((node, MZ.token, Literal(rm.token)))
        g.add((node, MZ.originalOffset, _nni(rm.offset)))
        g.add((node, MZ.reason, Literal(rm.reason)))
    for i, rp in enumerate(meta.repairs):
        node = MZR[f"doc/{doc.doc_id}/repair/{i}"]
        g.add((d, MZ.repair, node))
        g.add((node, RDF.type, MZ.Repair))
        g.add((node, MZ.foundText, Literal(rp.original)))
        g.add((node, MZ.repairedText, Literal(rp.repaired)))
        g.add((node, NIF.beginIndex, _nni(rp.offset)))
        g.add((node, MZ.reason, Literal(rp.reason)))


def _sentence(g: Graph, doc: SourceDocument, start: int, end: int) -> URIRef:
    s = sentence_iri(doc.doc_id, start, end)
    if (s, RDF.type, NIF.Sentence) not in g:
        g.add((s, RDF.type, NIF.Sentence))
        g.add((s, NIF.anchorOf, Literal(doc.text[start:end])))
        g.add((s, NIF.beginIndex, _nni(start)))
        g.add((s, NIF.endIndex, _nni(end)))
        g.add((s, NIF.referenceContext, document_iri(doc.doc_id)))
    return s


def _entity(g: Graph, ent: Entity, docs: dict[str, SourceDocument]) -> None:
    e = entity_iri(ent.key)
    g.add((e, RDF.type, MZ[ent.type.value]))
    g.add((e, RDFS.label, Literal(ent.label, lang="zh")))
    for alt in sorted(ent.alt_labels - {ent.label}):
        g.add((e, SKOS.altLabel, Literal(alt, lang="zh")))
    if ent.type is EntityType.PLACE:
        if ent.division_code:
            g.add((e, MZ.divisionCode, Literal(ent.division_code)))
        if ent.level in LEVEL_CLASS:
            g.add((e, RDF.type, LEVEL_CLASS[ent.level]))
    if ent.quantity is not None:
        q = ent.quantity
        g.add((e, MZ.value, decimal_literal(q.value)))
        g.add((e, MZ.unit, Literal(q.unit)))
        if q.indicator:
            g.add((e, MZ.indicator, Literal(q.indicator, lang="zh")))
        if q.qualifier:
            g.add((e, MZ.qualifier, Literal(q.qualifier)))
        if q.year:
            g.add((e, MZ.year, Literal(str(q.year), datatype=XSD.gYear)))
    elif ent.year:
        g.add((e, MZ.year, Literal(str(ent.year), datatype=XSD.gYear)))
    if ent.type is EntityType.PLACE and ent.division_code:
        g.add((e, PROV.wasDerivedFrom, GAZETTEER))
    for doc_id, m in ent.mentions:
        doc = docs[doc_id]
        node = mention_iri(doc_id, m.start, m.end)
        g.add((node, RDF.type, NIF.Phrase))
        g.add((node, NIF.anchorOf, Literal(m.text)))
        g.add((node, NIF.beginIndex, _nni(m.start)))
        g.add((node, NIF.endIndex, _nni(m.end)))
        g.add((node, NIF.referenceContext, document_iri(doc_id)))
        g.add((node, NIF.sentence, _sentence(g, doc, m.sentence_start, m.sentence_end)))
        g.add((node, ITSRDF.taIdentRef, e))
        g.add((node, ITSRDF.taClassRef, MZ[ent.type.value]))
        g.add((node, MZ.originalBeginIndex, _nni(doc.offset_map.to_original(m.start))))
        g.add((node, MZ.originalEndIndex, _nni(doc.offset_map.to_original(m.end))))


def _relation(g: Graph, rel: Relation, docs: dict[str, SourceDocument]) -> None:
    s, o = entity_iri(rel.subject), entity_iri(rel.object)
    g.add((s, MZ[rel.predicate.value], o))
    st = statement_iri(rel)
    g.add((st, RDF.type, RDF.Statement))
    g.add((st, RDF.subject, s))
    g.add((st, RDF.predicate, MZ[rel.predicate.value]))
    g.add((st, RDF.object, o))
    if not rel.evidence:
        g.add((st, PROV.wasDerivedFrom, GAZETTEER))
    for ev in rel.evidence:
        g.add((st, PROV.wasDerivedFrom, _sentence(g, docs[ev.doc_id], ev.start, ev.end)))


def encode(kb: KnowledgeBase, graph: Graph | None = None) -> Graph:
    """Add the triples of ``kb`` to ``graph`` (a new one by default) and return it."""
    g = bind_prefixes(graph if graph is not None else Graph())
    docs = {d.doc_id: d for d in kb.documents}
    if any(e.division_code for e in kb.entities.values()):
        g.add((GAZETTEER, RDF.type, PROV.Entity))
        g.add((GAZETTEER, RDFS.label, Literal("Administrative divisions of China (cpca adcodes, MIT)", lang="en")))
    for doc in kb.documents:
        _document(g, doc)
    for key in sorted(kb.entities):
        _entity(g, kb.entities[key], docs)
    for rel in kb.relations:
        _relation(g, rel, docs)
    return g
