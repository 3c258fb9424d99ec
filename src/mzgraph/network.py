"""The entity network: an RDF graph → a networkx graph of entities and their relations.

Views, analytics and the GraphML/GEXF exports all start from this one projection, so they
agree on what a node and an edge are. Nodes are the entities (the five core classes);
provenance nodes (documents, mentions, sentences, statements) are folded into node
attributes instead of being drawn.

Node attributes: ``iri``, ``type`` (Agency, Policy, AdministrativeArea, Program, Target),
``label``, ``alt_labels`` (list), ``value`` (float, targets), ``unit``, ``indicator``,
``division_code``, ``sentences`` (list of the sentences the entity was found in, in
document order), ``documents`` (list of document IRIs).
Edge attributes: ``relation`` (issuedBy, partOf, locatedIn, hasTarget, basedOn), ``sentences``.
"""

from __future__ import annotations

from collections import defaultdict

import networkx as nx
import pyoxigraph as ox
from rdflib import Graph

from mzgraph.rdf.namespaces import MZ, sparql_prologue

CORE_TYPES = ("Agency", "Policy", "AdministrativeArea", "Program", "Target")
RELATIONS = ("issuedBy", "partOf", "locatedIn", "hasTarget", "basedOn")
_LITERAL_ATTRIBUTES = {"mz:unit": "unit", "mz:indicator": "indicator", "mz:divisionCode": "division_code"}

# Five questions build the whole network, each one pass over the store: no per-node
# look-ups (the rdflib walk this replaces made 391k of them for 20,000 nodes).
_ENTITIES = """SELECT ?e ?class WHERE { VALUES ?class { %s } ?e a ?class . FILTER(isIRI(?e)) }"""
_FACTS = """SELECT ?e ?p ?v WHERE {
  VALUES ?class { %s } VALUES ?p { rdfs:label skos:altLabel mz:value %s }
  ?e a ?class ; ?p ?v . FILTER(isIRI(?e) && isLiteral(?v)) }"""
_MENTIONS = """SELECT ?e ?doc ?begin ?text WHERE {
  ?m itsrdf:taIdentRef ?e .
  OPTIONAL { ?m nif:referenceContext ?doc }
  OPTIONAL { ?m nif:sentence ?s . OPTIONAL { ?s nif:anchorOf ?text } OPTIONAL { ?s nif:beginIndex ?begin } } }"""
_RELATIONS = """SELECT ?s ?p ?o WHERE { VALUES ?p { %s } ?s ?p ?o . FILTER(isIRI(?o)) }"""
_EVIDENCE = """SELECT ?s ?p ?o ?src ?anchor WHERE {
  VALUES ?p { %s }
  ?st a rdf:Statement ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o ; prov:wasDerivedFrom ?src .
  ?src nif:anchorOf ?anchor }"""


def oxigraph_store(source: Graph | ox.Store) -> ox.Store:
    """The pyoxigraph store behind ``source`` (an rdflib Graph over oxrdflib's store, or a
    store itself); any other rdflib Graph is copied into a new in-memory store first."""
    if isinstance(source, ox.Store):
        return source
    inner = getattr(source.store, "_inner", None)  # oxrdflib's OxigraphStore keeps the store here
    if isinstance(inner, ox.Store):
        return inner
    from mzgraph.query.store import OxigraphBackend

    return OxigraphBackend.from_graph(source).store


def _rows(store: ox.Store, query: str):
    """(value or None, …) per solution; the default graph is the union of all graphs."""
    solutions = store.query(sparql_prologue() + query, use_default_graph_as_union=True)
    width = len(solutions.variables)
    for sol in solutions:
        yield tuple(None if sol[i] is None else sol[i].value for i in range(width))


def _number(lexical: str) -> float | None:
    try:
        return float(lexical)
    except ValueError:
        return None


def to_networkx(g: Graph | ox.Store, *, types: tuple[str, ...] | None = None) -> nx.MultiDiGraph:
    """Project ``g`` onto its entities. ``types`` keeps only the listed core types.

    ``g`` is an rdflib Graph or a pyoxigraph Store; a TriG/N-Quads dataset counts as the
    union of its graphs. Nodes are added by type (in ``CORE_TYPES`` order), then IRI, edges by
    relation, subject, object, and every list attribute is sorted: the same graph gives the
    same network.
    """
    keep = [t for t in CORE_TYPES if t in set(types or CORE_TYPES)]
    store = oxigraph_store(g)
    classes = " ".join(f"mz:{t}" for t in keep)
    type_of: dict[str, str] = {}
    for entity, cls in _rows(store, _ENTITIES % classes) if keep else ():
        tname, current = cls[len(str(MZ)) :], type_of.get(entity)
        if current is None or CORE_TYPES.index(tname) < CORE_TYPES.index(current):
            type_of[entity] = tname  # an entity of two core classes is drawn as the first in CORE_TYPES
    labels: dict[str, list[str]] = defaultdict(list)
    alt_labels: dict[str, set[str]] = defaultdict(set)
    facts: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    if type_of:
        for entity, prop, value in _rows(store, _FACTS % (classes, " ".join(_LITERAL_ATTRIBUTES))):
            name = prop.rsplit("#", 1)[-1]
            if name == "label":
                labels[entity].append(value)
            elif name == "altLabel":
                alt_labels[entity].add(value)
            else:
                facts[entity][name].append(value)
    sentences: dict[str, set] = defaultdict(set)
    documents: dict[str, set] = defaultdict(set)
    for entity, doc, begin, text in _rows(store, _MENTIONS):
        if entity not in type_of:
            continue
        if doc is not None:
            documents[entity].add(doc)
        if begin is not None or text is not None:
            sentences[entity].add((str(doc), int(begin) if begin and begin.isdigit() else 0, text or ""))
    net = nx.MultiDiGraph()
    for entity in sorted(type_of, key=lambda e: (CORE_TYPES.index(type_of[e]), e)):
        attrs = {
            "iri": entity,
            "type": type_of[entity],
            "label": min(labels[entity], default=None) or entity.rsplit("/", 1)[-1],
            "alt_labels": sorted(alt_labels.get(entity, ())),
            "sentences": [t for _, _, t in sorted(sentences.get(entity, ()))],
            "documents": sorted(documents.get(entity, ())),
        }
        own = facts.get(entity, {})
        if own.get("value"):
            number = _number(min(own["value"]))
            if number is not None:
                attrs["value"] = number
        for prop, key in _LITERAL_ATTRIBUTES.items():
            values = own.get(prop[3:])
            if values:
                attrs[key] = min(values)
        net.add_node(entity, **attrs)
    relations = " ".join(f"mz:{r}" for r in RELATIONS)
    evidence: dict[tuple, set] = defaultdict(set)
    for s, p, o, src, anchor in _rows(store, _EVIDENCE % relations):
        evidence[(s, p, o)].add((src, anchor))
    rank = {r: i for i, r in enumerate(RELATIONS)}
    edges = sorted(
        {(p.rsplit("#", 1)[-1], s, o, p) for s, p, o in _rows(store, _RELATIONS % relations) if s in net and o in net},
        key=lambda e: (rank[e[0]], e[1], e[2]),
    )
    for rel, s, o, p in edges:
        texts = [anchor for _, anchor in sorted(evidence.get((s, p, o), ()))]
        net.add_edge(s, o, key=rel, relation=rel, sentences=texts)
    return net


def implied_country_links(net: nx.MultiDiGraph) -> list[tuple[str, str]]:
    """``(province, 中国)`` pairs for the provinces of ``net`` not linked to the country in it.

    The graph keeps 中国 out of the places' parent chains (a province's link to the country
    is implied by every division code, and annotators do not list it), so a national body
    located in 中国 would sit apart from every local place. The path search walks these links
    and the network view draws them (dashed), both as coming from the division code table.
    """
    from mzgraph.gazetteer import COUNTRY_CODE  # here: reading a graph loads nothing of the build

    country = next((n for n, d in net.nodes(data=True) if d.get("division_code") == COUNTRY_CODE), None)
    if country is None:
        return []
    return [
        (node, country)
        for node, data in net.nodes(data=True)
        if node != country
        and (data.get("division_code") or "").endswith("0000")
        and not net.has_edge(node, country, key="partOf")
    ]
