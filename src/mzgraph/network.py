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
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS, SKOS

from mzgraph.rdf.namespaces import ITSRDF, MZ, NIF

CORE_TYPES = ("Agency", "Policy", "AdministrativeArea", "Program", "Target")
RELATIONS = ("issuedBy", "partOf", "locatedIn", "hasTarget", "basedOn")
_PROV_DERIVED = URIRef("http://www.w3.org/ns/prov#wasDerivedFrom")


def _text(lit) -> str | None:
    return str(lit) if lit is not None else None


def _first(g: Graph, s, p):
    return next(iter(sorted(g.objects(s, p))), None)


def _sentences_by_entity(g: Graph) -> tuple[dict, dict]:
    """entity IRI → [(doc, begin, sentence text)], entity IRI → {doc IRIs}."""
    sentences: dict[URIRef, set] = defaultdict(set)
    docs: dict[URIRef, set] = defaultdict(set)
    for mention, entity in g.subject_objects(ITSRDF.taIdentRef):
        doc = g.value(mention, NIF.referenceContext)
        if doc is not None:
            docs[entity].add(doc)
        sent = g.value(mention, NIF.sentence)
        if sent is not None:
            text = g.value(sent, NIF.anchorOf)
            begin = g.value(sent, NIF.beginIndex)
            sentences[entity].add((str(doc), int(begin) if begin is not None else 0, str(text or "")))
    return sentences, docs


def _edge_sentences(g: Graph) -> dict[tuple, list[str]]:
    out: dict[tuple, list[str]] = {}
    for st in g.subjects(RDF.type, RDF.Statement):
        key = (g.value(st, RDF.subject), g.value(st, RDF.predicate), g.value(st, RDF.object))
        texts = []
        for src in sorted(g.objects(st, _PROV_DERIVED)):
            anchor = g.value(src, NIF.anchorOf)
            if anchor is not None:
                texts.append(str(anchor))
        out[key] = texts
    return out


def to_networkx(g: Graph, *, types: tuple[str, ...] | None = None) -> nx.MultiDiGraph:
    """Project ``g`` onto its entities. ``types`` keeps only the listed core types."""
    keep = set(types or CORE_TYPES)
    net = nx.MultiDiGraph()
    sentences, docs = _sentences_by_entity(g)
    for tname in CORE_TYPES:
        if tname not in keep:
            continue
        for ent in sorted(set(g.subjects(RDF.type, MZ[tname]))):
            if not isinstance(ent, URIRef) or ent in net:
                continue
            attrs = {
                "iri": str(ent),
                "type": tname,
                "label": _text(_first(g, ent, RDFS.label)) or str(ent).rsplit("/", 1)[-1],
                "alt_labels": sorted(str(a) for a in g.objects(ent, SKOS.altLabel)),
                "sentences": [t for _, _, t in sorted(sentences.get(ent, ()))],
                "documents": sorted(str(d) for d in docs.get(ent, ())),
            }
            value = _first(g, ent, MZ.value)
            if isinstance(value, Literal):
                try:
                    attrs["value"] = float(value.toPython())
                except (TypeError, ValueError):
                    pass
            for key, prop in (("unit", MZ.unit), ("indicator", MZ.indicator), ("division_code", MZ.divisionCode)):
                v = _first(g, ent, prop)
                if v is not None:
                    attrs[key] = str(v)
            net.add_node(str(ent), **attrs)
    edge_sentences = _edge_sentences(g)
    for rel in RELATIONS:
        for s, o in sorted(g.subject_objects(MZ[rel])):
            if str(s) in net and str(o) in net:
                net.add_edge(str(s), str(o), key=rel, relation=rel, sentences=edge_sentences.get((s, MZ[rel], o), []))
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
