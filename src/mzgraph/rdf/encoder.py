"""The typed model → N-Triples lines under the mzgraph ontology, each in its named graph.

IRIs are minted from entity keys, document ids and character offsets only, so the same
input gives the same IRIs on every run, and nothing from the text can change an IRI's
structure (keys are hashes, codes and numbers).

**The one named-graph rule** is decided here, by what is being encoded, never read back
from IRIs:

* ``mzr:graph/doc/<doc_id>`` (:func:`document_graph`) holds what one document says, from
  :func:`document_lines`: its context node (text, metadata, removals, repairs), its
  sentences and mentions, its targets (entities scoped to the document) and the relations
  that touch them, and the ``prov:wasDerivedFrom`` links from each relation's statement
  node to the sentences of this document that evidence it;
* ``mzr:graph/entities`` (:data:`ENTITIES_GRAPH`) holds what is shared between documents,
  from :func:`entities_lines`: entities other than targets (classes, labels, codes,
  figures), the relations between them and their ``rdf:Statement`` nodes, once each, and
  the gazetteer dataset node.

No triple is in two graphs, so the union of the graphs is a set: a triplestore's union of
named graphs gives each relation once.

Lines are returned as UTF-8 bytes, deduplicated and sorted by subject (runs of digits
compared as numbers), ``rdf:type`` then ``rdfs:label`` first among a subject's predicates:
a document's lines are what the build cache keeps and every writer reads
(``mzgraph.export.rdf_formats``). Terms are N-Triples text (``mzgraph.rdf.ntriples``), so
no rdflib object is built only to be printed; :func:`encode` gives an rdflib Graph for
notebooks and tests.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Iterator
from decimal import Decimal
from functools import lru_cache
from typing import TYPE_CHECKING

from mzgraph.model import Entity, EntityType, Evidence, KnowledgeBase, Mention, Relation, RelationType, SourceDocument
from mzgraph.rdf import ntriples as nt
from mzgraph.rdf.vocabulary import DCTERMS, GAZETTEER, ITSRDF, MZ, MZR, NIF, PROV, RDF, RDFS, SKOS, XSD

if TYPE_CHECKING:
    from rdflib import Graph

LEVEL_CLASS = {"province": MZ + "Province", "city": MZ + "City", "county": MZ + "County"}
# a date as precise as the text says it (PartialDate.precision → datatype of its ISO form)
_DATE_TYPE = {"day": XSD + "date", "month": XSD + "gYearMonth", "year": XSD + "gYear"}
_GAZETTEER_LABEL = "Administrative divisions of China (cpca adcodes, MIT)"
_BASE = MZR

ENTITIES_GRAPH = MZR + "graph/entities"

Triple = tuple[str, str, str]  # N-Triples terms


def document_graph(doc_id: str) -> str:
    """The named graph of one document: ``mzr:graph/doc/<doc_id>``."""
    return f"{MZR}graph/doc/{doc_id}"


def _statement_digest(rel: Relation) -> str:
    return hashlib.sha1(f"{rel.subject} {rel.predicate.value} {rel.object}".encode()).hexdigest()[:16]


def decimal_text(value: Decimal) -> str:
    text = format(value, "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text


# ---------------------------------------------------------------------------------------
# Terms


# Every ontology term the encoder states, by attribute name of :class:`_Vocabulary`.
_TERMS = {
    "date": DCTERMS + "date",
    "taClassRef": ITSRDF + "taClassRef",
    "taIdentRef": ITSRDF + "taIdentRef",
    "Document": MZ + "Document",
    "Removal": MZ + "Removal",
    "Repair": MZ + "Repair",
    "contentHash": MZ + "contentHash",
    "divisionCode": MZ + "divisionCode",
    "encoding": MZ + "encoding",
    "foundText": MZ + "foundText",
    "indicator": MZ + "indicator",
    "originalBeginIndex": MZ + "originalBeginIndex",
    "originalEndIndex": MZ + "originalEndIndex",
    "originalOffset": MZ + "originalOffset",
    "qualifier": MZ + "qualifier",
    "reason": MZ + "reason",
    "removal": MZ + "removal",
    "repair": MZ + "repair",
    "repairedText": MZ + "repairedText",
    "sourcePath": MZ + "sourcePath",
    "sourceURL": MZ + "sourceURL",
    "token": MZ + "token",
    "unit": MZ + "unit",
    "value": MZ + "value",
    "year": MZ + "year",
    "issued": MZ + "issued",
    "Context": NIF + "Context",
    "Phrase": NIF + "Phrase",
    "Sentence": NIF + "Sentence",
    "anchorOf": NIF + "anchorOf",
    "beginIndex": NIF + "beginIndex",
    "endIndex": NIF + "endIndex",
    "isString": NIF + "isString",
    "referenceContext": NIF + "referenceContext",
    "sentence": NIF + "sentence",
    "Entity": PROV + "Entity",
    "wasDerivedFrom": PROV + "wasDerivedFrom",
    "Statement": RDF + "Statement",
    "object": RDF + "object",
    "predicate": RDF + "predicate",
    "subject": RDF + "subject",
    "type": RDF + "type",
    "label": RDFS + "label",
    "altLabel": SKOS + "altLabel",
    "title": DCTERMS + "title",
    "publisher": DCTERMS + "publisher",
    "source": DCTERMS + "source",
    "format": DCTERMS + "format",
    "gazetteer": GAZETTEER,
}


class _Vocabulary:
    """The ontology terms as N-Triples text, made once."""

    def __init__(self, make: Callable[[str], str]):
        for name, term in _TERMS.items():
            setattr(self, name, make(term))
        self.cls = {t: make(MZ + t.value) for t in EntityType}
        self.pred = {p: make(MZ + p.value) for p in RelationType}
        self.level = {name: make(term) for name, term in LEVEL_CLASS.items()}


class _Sentences:
    """Each sentence node once, however many mentions and statements cite it."""

    def __init__(self) -> None:
        self.seen: set[tuple[str, int, int]] = set()

    def first(self, doc_id: str, start: int, end: int) -> bool:
        if (doc_id, start, end) in self.seen:
            return False
        self.seen.add((doc_id, start, end))
        return True


class _Encoder:
    """States every triple of the model."""

    def __init__(self) -> None:
        self.iri = lru_cache(maxsize=1 << 16)(nt.iri)  # entity and document IRIs recur
        self.mint = nt.iri  # mention and sentence IRIs do not
        self.lit = nt.literal
        self.v = _Vocabulary(nt.iri)
        self.nni = lru_cache(maxsize=1 << 16)(lambda n: nt.literal(str(n), None, XSD + "nonNegativeInteger"))

    def gazetteer(self) -> Iterator[tuple]:
        v, g = self.v, self.v.gazetteer
        yield (g, v.type, v.Entity)
        yield (g, v.label, self.lit(_GAZETTEER_LABEL, "en"))

    def document(self, doc: SourceDocument) -> Iterator[tuple]:
        v, lit, nni = self.v, self.lit, self.nni
        d = self.iri(f"{_BASE}doc/{doc.doc_id}")
        meta = doc.metadata
        yield (d, v.type, v.Document)
        yield (d, v.type, v.Context)
        yield (d, v.isString, lit(doc.text))
        yield (d, v.beginIndex, nni(0))
        yield (d, v.endIndex, nni(len(doc.text)))
        yield (d, v.sourcePath, lit(doc.path))
        if doc.content_hash:
            yield (d, v.contentHash, lit(doc.content_hash))
        yield (d, v.format, lit(meta.format))
        if meta.encoding:
            yield (d, v.encoding, lit(meta.encoding))
        for prop, value in ((v.title, meta.title), (v.publisher, meta.publisher), (v.source, meta.source)):
            if value:
                yield (d, prop, lit(value, "zh"))
        if meta.url:
            yield (d, v.sourceURL, lit(meta.url, None, XSD + "anyURI"))
        if meta.date:
            dtype = XSD + "date" if len(meta.date) == 10 else XSD + "gYear" if len(meta.date) == 4 else None
            yield (d, v.date, lit(meta.date, None, dtype))
        for i, rm in enumerate(meta.removals):
            node = self.mint(f"{_BASE}doc/{doc.doc_id}/removal/{i}")
            yield (d, v.removal, node)
            yield (node, v.type, v.Removal)
            yield (node, v.token, lit(rm.token))
            yield (node, v.originalOffset, nni(rm.offset))
            yield (node, v.reason, lit(rm.reason))
        for i, rp in enumerate(meta.repairs):
            node = self.mint(f"{_BASE}doc/{doc.doc_id}/repair/{i}")
            yield (d, v.repair, node)
            yield (node, v.type, v.Repair)
            yield (node, v.foundText, lit(rp.original))
            yield (node, v.repairedText, lit(rp.repaired))
            yield (node, v.beginIndex, nni(rp.offset))
            yield (node, v.reason, lit(rp.reason))

    def sentence(self, doc: SourceDocument, start: int, end: int, sentences: _Sentences):
        """The sentence's IRI, and its triples the first time it is cited."""
        s = self.mint(f"{_BASE}doc/{doc.doc_id}/sentence/{start}-{end}")
        if not sentences.first(doc.doc_id, start, end):
            return s, ()
        v = self.v
        return s, (
            (s, v.type, v.Sentence),
            (s, v.anchorOf, self.lit(doc.text[start:end])),
            (s, v.beginIndex, self.nni(start)),
            (s, v.endIndex, self.nni(end)),
            (s, v.referenceContext, self.iri(f"{_BASE}doc/{doc.doc_id}")),
        )

    def entity(self, ent: Entity) -> Iterator[tuple]:
        """What is said of the entity itself: class, names, code, quantity, year (no mentions)."""
        v, lit = self.v, self.lit
        e = self.iri(_BASE + ent.key)
        yield (e, v.type, v.cls[ent.type])
        yield (e, v.label, lit(ent.label, "zh"))
        for alt in sorted(ent.alt_labels - {ent.label}):
            yield (e, v.altLabel, lit(alt, "zh"))
        if ent.type is EntityType.PLACE:
            if ent.division_code:
                yield (e, v.divisionCode, lit(ent.division_code))
            if ent.level in LEVEL_CLASS:
                yield (e, v.type, v.level[ent.level])
        if ent.quantity is not None:
            q = ent.quantity
            yield (e, v.value, lit(decimal_text(q.value), None, XSD + "decimal"))
            yield (e, v.unit, lit(q.unit))
            if q.indicator:
                yield (e, v.indicator, lit(q.indicator, "zh"))
            if q.qualifier:
                yield (e, v.qualifier, lit(q.qualifier))
            if q.year:
                yield (e, v.year, lit(str(q.year), None, XSD + "gYear"))
        elif ent.year:
            yield (e, v.year, lit(str(ent.year), None, XSD + "gYear"))
        if ent.issued is not None:
            yield (e, v.issued, lit(ent.issued.iso, None, _DATE_TYPE[ent.issued.precision]))
        if ent.type is EntityType.PLACE and ent.division_code:
            yield (e, v.wasDerivedFrom, v.gazetteer)

    def mention(self, ent: Entity, doc: SourceDocument, m: Mention, sentences: _Sentences) -> Iterator[tuple]:
        v, nni = self.v, self.nni
        node = self.mint(f"{_BASE}doc/{doc.doc_id}/mention/{m.start}-{m.end}")
        yield (node, v.type, v.Phrase)
        yield (node, v.anchorOf, self.lit(m.text))
        yield (node, v.beginIndex, nni(m.start))
        yield (node, v.endIndex, nni(m.end))
        yield (node, v.referenceContext, self.iri(f"{_BASE}doc/{doc.doc_id}"))
        s, first = self.sentence(doc, m.sentence_start, m.sentence_end, sentences)
        yield from first
        yield (node, v.sentence, s)
        yield (node, v.taIdentRef, self.iri(_BASE + ent.key))
        yield (node, v.taClassRef, v.cls[ent.type])
        yield (node, v.originalBeginIndex, nni(doc.offset_map.to_original(m.start)))
        yield (node, v.originalEndIndex, nni(doc.offset_map.to_original_end(m.end)))

    def statement(self, rel: Relation) -> Iterator[tuple]:
        """The relation and its reified statement node (evidence apart, see :meth:`evidence`)."""
        v = self.v
        s, o = self.iri(_BASE + rel.subject), self.iri(_BASE + rel.object)
        p = v.pred[rel.predicate]
        yield (s, p, o)
        st = self.mint(f"{_BASE}statement/{_statement_digest(rel)}")
        yield (st, v.type, v.Statement)
        yield (st, v.subject, s)
        yield (st, v.predicate, p)
        yield (st, v.object, o)
        if not rel.evidence:
            yield (st, v.wasDerivedFrom, v.gazetteer)

    def evidence(self, rel: Relation, doc: SourceDocument, ev: Evidence, sentences: _Sentences) -> Iterator[tuple]:
        s, first = self.sentence(doc, ev.start, ev.end, sentences)
        yield from first
        yield (self.mint(f"{_BASE}statement/{_statement_digest(rel)}"), self.v.wasDerivedFrom, s)

    # groupings

    def whole(self, kb: KnowledgeBase) -> Iterator[tuple]:
        docs = {d.doc_id: d for d in kb.documents}
        sentences = _Sentences()
        if any(e.division_code for e in kb.entities.values()):
            yield from self.gazetteer()
        for doc in kb.documents:
            yield from self.document(doc)
        for key in sorted(kb.entities):
            ent = kb.entities[key]
            yield from self.entity(ent)
            for doc_id, m in ent.mentions:
                yield from self.mention(ent, docs[doc_id], m, sentences)
        for rel in kb.relations:
            yield from self.statement(rel)
            for ev in rel.evidence:
                yield from self.evidence(rel, docs[ev.doc_id], ev, sentences)

    def one_document(self, part: KnowledgeBase) -> Iterator[tuple]:
        (doc,) = part.documents
        sentences = _Sentences()
        yield from self.document(doc)
        for key in sorted(part.entities):
            ent = part.entities[key]
            if not _is_shared(key, part.entities):
                yield from self.entity(ent)
            for _doc_id, m in ent.mentions:
                yield from self.mention(ent, doc, m, sentences)
        for rel in part.relations:
            if not (_is_shared(rel.subject, part.entities) and _is_shared(rel.object, part.entities)):
                yield from self.statement(rel)
            for ev in rel.evidence:
                yield from self.evidence(rel, doc, ev, sentences)

    def shared(self, kb: KnowledgeBase) -> Iterator[tuple]:
        if any(e.division_code for e in kb.entities.values()):
            yield from self.gazetteer()
        for key in sorted(kb.entities):
            if _is_shared(key, kb.entities):
                yield from self.entity(kb.entities[key])
        for rel in kb.relations:
            if _is_shared(rel.subject, kb.entities) and _is_shared(rel.object, kb.entities):
                yield from self.statement(rel)


def _is_shared(key: str, entities: dict[str, Entity]) -> bool:
    # targets stay with their document (see resolve.is_document_scoped); a streaming
    # merge does not even keep them, so an unknown key is a document's own entity
    ent = entities.get(key)
    return ent is not None and ent.type is not EntityType.TARGET


_ENCODER = _Encoder()
_PREDICATE_FIRST = {nt.iri(RDF + "type"): 0, nt.iri(RDFS + "label"): 1}


def _order(triple: Triple) -> tuple:
    s, p, o = triple
    # "<…/doc/d>" before "<…/doc/d/mention/…>": compare IRIs without their closing ">"
    return (nt.natural_key(s[:-1]), _PREDICATE_FIRST.get(p, 2), p, nt.natural_key(o))


def sorted_lines(triples: Iterable[Triple]) -> bytes:
    """Triples of N-Triples terms as lines, without repeats, in the order every writer expects."""
    return "".join([nt.line(*t) for t in sorted(set(triples), key=_order)]).encode("utf-8")


# ---------------------------------------------------------------------------------------
# Public API


def document_lines(part: KnowledgeBase) -> bytes:
    """The lines of the graph of the one document of ``part`` (from ``resolve_document``):
    its context and sentences, every mention in it, its targets and their relations, and
    the evidence it gives for relations between shared entities."""
    return sorted_lines(_ENCODER.one_document(part))


def entities_lines(kb: KnowledgeBase) -> bytes:
    """The lines of the entities graph: entities and relations shared between documents,
    without mentions or evidence (those are in the documents' graphs)."""
    return sorted_lines(_ENCODER.shared(kb))


def kb_lines(kb: KnowledgeBase) -> bytes:
    """Every line of a whole knowledge base (documents, entities with mentions, relations):
    the union of its documents' graphs and its entities graph."""
    return sorted_lines(_ENCODER.whole(kb))


def encode(kb: KnowledgeBase, graph: Graph | None = None) -> Graph:
    """Add the triples of ``kb`` to ``graph`` (a new one by default) and return it."""
    from rdflib import Graph

    from mzgraph.rdf.namespaces import bind_prefixes

    g = bind_prefixes(graph if graph is not None else Graph())
    g.parse(data=kb_lines(kb), format="nt")
    return g
