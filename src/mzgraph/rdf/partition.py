"""Split a graph into named graphs: one per source document, one for merged entities.

A researcher who distrusts one report can drop its named graph and keep the rest, and a
triplestore can be loaded graph by graph. The rule (shared by the TriG/N-Quads exports and
the triplestore loaders, so both agree on what a document "asserted"):

* ``mzr:graph/doc/<doc_id>`` (``<doc_id>`` is the tail of the document IRI
  ``mzr:doc/<doc_id>``) holds
  - every triple whose subject is the document IRI or an IRI under ``<document IRI>/``
    (its mentions, sentences, removals, repairs);
  - every triple of a ``mz:Target`` mentioned in that document (targets are minted per
    document, ``mzr:target/<doc_id>/<offset>``);
  - for each relation (an ``rdf:Statement``) evidenced by a sentence of that document: the
    relation triple itself, the statement's ``rdf:type``/``rdf:subject``/``rdf:predicate``/
    ``rdf:object`` triples and its ``prov:wasDerivedFrom`` links to that document's
    sentences. A relation two documents evidence appears in both graphs.
* ``mzr:graph/entities`` holds everything else: entity types, labels, alternative labels,
  division codes, gazetteer ``mz:partOf`` relations and their statements, the dataset node.
* ``mzr:graph/ontology`` holds the ontology, when one is passed.

The union of the named graphs is the input graph: no triple is lost or invented.
"""

from __future__ import annotations

from collections import defaultdict

from rdflib import Graph, URIRef
from rdflib.namespace import PROV, RDF

from mzgraph.rdf.namespaces import ITSRDF, MZ, MZR, NIF, bind_prefixes

ENTITIES_GRAPH = MZR["graph/entities"]
ONTOLOGY_GRAPH = MZR["graph/ontology"]
_DOC_PREFIX = str(MZR["doc/"])
_STATEMENT_PARTS = (RDF.type, RDF.subject, RDF.predicate, RDF.object)


def document_graph_iri(doc_iri: URIRef) -> URIRef:
    """``mzr:doc/<doc_id>`` → ``mzr:graph/doc/<doc_id>``."""
    return MZR["graph/doc/" + str(doc_iri)[len(_DOC_PREFIX) :]]


def _documents(graph: Graph) -> set[str]:
    docs = set()
    for cls in (MZ.Document, NIF.Context):
        for d in graph.subjects(RDF.type, cls):
            if isinstance(d, URIRef) and str(d).startswith(_DOC_PREFIX):
                docs.add(str(d))
    return docs


def _owner(node, docs: set[str]) -> str | None:
    """The document an IRI belongs to: the document itself or an IRI under it."""
    text = str(node)
    if not isinstance(node, URIRef) or not text.startswith(_DOC_PREFIX):
        return None
    if text in docs:
        return text
    # the longest document IRI that is a path prefix, so doc ids "a" and "a/b" stay apart
    cut = len(text)
    while True:
        cut = text.rfind("/", len(_DOC_PREFIX), cut)
        if cut < 0:
            return None
        if text[:cut] in docs:
            return text[:cut]


def _sentence_document(graph: Graph, sentence, docs: set[str]) -> str | None:
    owner = _owner(sentence, docs)
    if owner is None:
        ctx = graph.value(sentence, NIF.referenceContext)
        owner = str(ctx) if ctx is not None and str(ctx) in docs else None
    return owner


def partition(graph: Graph, *, ontology: Graph | None = None) -> dict[URIRef, Graph]:
    """Named graphs of ``graph`` by the rule above, in a stable order (documents, entities,
    ontology). Every returned graph has the project's prefixes bound."""
    docs = _documents(graph)
    per_doc: dict[str, set] = defaultdict(set)
    placed: set = set()

    def put(doc: str, triple) -> None:
        per_doc[doc].add(triple)
        placed.add(triple)

    # targets → the documents that mention them
    target_docs: dict = defaultdict(set)
    for mention, entity in graph.subject_objects(ITSRDF.taIdentRef):
        if (entity, RDF.type, MZ.Target) in graph:
            doc = _owner(mention, docs) or str(graph.value(mention, NIF.referenceContext) or "")
            if doc in docs:
                target_docs[entity].add(doc)

    for triple in graph:
        s = triple[0]
        owner = _owner(s, docs)
        if owner is not None:
            put(owner, triple)
        for doc in target_docs.get(s, ()):
            put(doc, triple)

    for st in set(graph.subjects(RDF.type, RDF.Statement)):
        evidence: dict[str, list] = defaultdict(list)
        for src in graph.objects(st, PROV.wasDerivedFrom):
            doc = _sentence_document(graph, src, docs)
            if doc is not None:
                evidence[doc].append(src)
        if not evidence:
            continue
        s, p, o = graph.value(st, RDF.subject), graph.value(st, RDF.predicate), graph.value(st, RDF.object)
        for doc, sources in evidence.items():
            if s is not None and p is not None and o is not None and (s, p, o) in graph:
                put(doc, (s, p, o))
            for part in _STATEMENT_PARTS:
                for value in graph.objects(st, part):
                    put(doc, (st, part, value))
            for src in sources:
                put(doc, (st, PROV.wasDerivedFrom, src))

    out: dict[URIRef, Graph] = {}
    for doc in sorted(per_doc):
        g = bind_prefixes(Graph())
        for triple in per_doc[doc]:
            g.add(triple)
        out[document_graph_iri(URIRef(doc))] = g
    rest = bind_prefixes(Graph())
    for triple in graph:
        if triple not in placed:
            rest.add(triple)
    out[ENTITIES_GRAPH] = rest
    if ontology is not None:
        onto = bind_prefixes(Graph())
        for triple in ontology:
            onto.add(triple)
        out[ONTOLOGY_GRAPH] = onto
    return out
