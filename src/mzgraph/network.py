"""The entity network: an RDF graph → its entities and the relations between them.

Views, analytics and the GraphML/GEXF exports all start from this one projection, so they
agree on what a node and an edge are. Nodes are the entities (the five core classes);
provenance nodes (documents, mentions, sentences, statements) are folded into node
attributes instead of being drawn.

The projection is one pass over the graph's quads (:func:`project`): straight from a graph
file's parser, or from a store's index. Each quad whose predicate the network uses is put in
a bucket by predicate; the joins (mention → sentence → text, statement → evidence) are then
dictionary look-ups. No store is filled and no query is run for a view of a file: at 20,000
entities the five SPARQL passes this replaces, after a parse into a store, took 1.9 s; the
rdflib walk before them made 391k look-ups.

It runs in two stages, so that a build can cache the first per document: :func:`network_part`
turns quads into a :class:`NetworkPart` (plain rows, the joins through mentions, sentences
and statements made), :func:`assemble` turns the rows of one part, or of many merged
(:meth:`NetworkPart.merge`), into the network. ``project`` is the two on one part.

Node attributes: ``iri``, ``type`` (Agency, Policy, AdministrativeArea, Program, Target),
``label``, ``alt_labels`` (list), ``value`` (float, targets), ``unit``, ``indicator``,
``division_code``, ``sentences`` (list of the sentences the entity was found in, in
document order), ``documents`` (list of document IRIs); ``degree`` and ``community`` once
:func:`mzgraph.analytics.add_metrics` has run.
Edge attributes: ``relation`` (issuedBy, partOf, locatedIn, hasTarget, basedOn), ``sentences``,
``implied`` (a link the division codes imply, not stated in the graph).

:class:`EntityNetwork` holds the network as plain lists (what the view and the metrics use:
nothing to import, nothing per node but a dict); :meth:`EntityNetwork.to_networkx` gives the
``networkx.MultiDiGraph`` the analytics and exports walk.
"""

from __future__ import annotations

import gc
import hashlib
import pickle
from collections import defaultdict
from collections.abc import Hashable, Iterable, Iterator
from contextlib import contextmanager
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

import pyoxigraph as ox

from mzgraph.rdf.vocabulary import ITSRDF, MZ, NIF, PROV, RDF, RDFS, SKOS

if TYPE_CHECKING:
    import networkx as nx
    from rdflib import Graph

CORE_TYPES = ("Agency", "Policy", "AdministrativeArea", "Program", "Target")
RELATIONS = ("issuedBy", "partOf", "locatedIn", "hasTarget", "basedOn")
_LITERAL_ATTRIBUTES = {"unit": "unit", "indicator": "indicator", "divisionCode": "division_code"}

_TYPE = RDF + "type"
_STATEMENT = RDF + "Statement"
_LABEL, _ALT_LABEL, _VALUE = RDFS + "label", SKOS + "altLabel", MZ + "value"
_FACTS = {_LABEL: "label", _ALT_LABEL: "altLabel", _VALUE: "value", **{MZ + p: p for p in _LITERAL_ATTRIBUTES}}
_MENTION_OF, _CONTEXT, _SENTENCE = ITSRDF + "taIdentRef", NIF + "referenceContext", NIF + "sentence"
_ANCHOR, _BEGIN = NIF + "anchorOf", NIF + "beginIndex"
_ST_SUBJECT, _ST_PREDICATE, _ST_OBJECT, _DERIVED = (
    RDF + "subject",
    RDF + "predicate",
    RDF + "object",
    PROV + "wasDerivedFrom",
)
_RELATION_IRIS = {MZ + r: r for r in RELATIONS}
# what the projection needs of each predicate's object: a node (an IRI, or a blank node
# written "_:id" so the two never meet as keys), the value of whatever it is, or a literal's value
_NODE, _VALUE, _LITERAL = 0, 1, 2
_OBJECT_KIND = {
    _TYPE: _NODE, _MENTION_OF: _NODE, _SENTENCE: _NODE, _DERIVED: _NODE, _ST_PREDICATE: _NODE,
    **dict.fromkeys(_RELATION_IRIS, _NODE),
    _CONTEXT: _VALUE, _ANCHOR: _VALUE, _BEGIN: _VALUE, _ST_SUBJECT: _VALUE, _ST_OBJECT: _VALUE,
    **dict.fromkeys(_FACTS, _LITERAL),
}  # fmt: skip


@contextmanager
def paused_gc():
    """Python's cyclic garbage collector off for the block (and back on after, if it was on).

    Building a network makes hundreds of thousands of tuples, lists and dicts and frees none:
    each time the collector runs it walks every one of them again for nothing (a third of the
    projection's time at 20,000 entities). Reference counting still frees what is dropped.
    """
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()


class Edge(NamedTuple):
    """A relation between two nodes, given by their numbers in :attr:`EntityNetwork.nodes`."""

    source: int
    target: int
    relation: str
    sentences: list[str]
    implied: bool = False


class EntityNetwork:
    """Entities and relations as plain lists: ``nodes[i]`` (an IRI), ``data[i]`` (its
    attributes), ``edges`` (:class:`Edge`, at most one per source, target and relation)."""

    __slots__ = ("nodes", "data", "edges", "index")

    def __init__(self, nodes: Iterable[Hashable], data: Iterable[dict], edges: Iterable[Edge]):
        self.nodes = list(nodes)
        self.data = list(data)
        self.edges = list(edges)
        self.index = {n: i for i, n in enumerate(self.nodes)}

    def __len__(self) -> int:
        return len(self.nodes)

    def __contains__(self, node) -> bool:
        return node in self.index

    def __repr__(self) -> str:
        return f"<EntityNetwork: {len(self.nodes)} nodes, {len(self.edges)} edges>"

    def number_of_nodes(self) -> int:
        return len(self.nodes)

    def number_of_edges(self) -> int:
        return len(self.edges)

    def attrs(self, node) -> dict:
        """The attributes of ``node`` (an IRI)."""
        return self.data[self.index[node]]

    def neighbours(self) -> list[set[int]]:
        """Each node's neighbours by number, edges taken either way."""
        adj: list[set[int]] = [set() for _ in self.nodes]
        for e in self.edges:
            adj[e.source].add(e.target)
            adj[e.target].add(e.source)
        return adj

    def subnetwork(self, keep: Iterable[Hashable]) -> EntityNetwork:
        """The nodes in ``keep`` (in this network's order) and the edges between them;
        attribute dicts are copied, so measuring the cut leaves this network as it was."""
        wanted = {self.index[n] for n in keep if n in self.index}
        old = sorted(wanted)
        number = {o: k for k, o in enumerate(old)}
        edges = [
            e._replace(source=number[e.source], target=number[e.target])
            for e in self.edges
            if e.source in number and e.target in number
        ]
        return EntityNetwork((self.nodes[o] for o in old), (dict(self.data[o]) for o in old), edges)

    def with_edges(self, extra: Iterable[Edge]) -> EntityNetwork:
        """This network with ``extra`` edges added (a new network; node attributes shared)."""
        return EntityNetwork(self.nodes, self.data, [*self.edges, *extra])

    def implied_country_links(self) -> list[Edge]:
        """``partOf`` edges from each province of the network to 中国, where the graph has none.

        The graph keeps 中国 out of the places' parent chains (a province's link to the country
        is implied by every division code, and annotators do not list it), so a national body
        located in 中国 would sit apart from every local place. The path search walks these
        links and the network view draws them (dashed), both as coming from the division code
        table.
        """
        from mzgraph.gazetteer import COUNTRY_CODE  # here: reading a graph loads nothing of the build

        country = next((i for i, d in enumerate(self.data) if d.get("division_code") == COUNTRY_CODE), None)
        if country is None:
            return []
        linked = {e.source for e in self.edges if e.target == country and e.relation == "partOf"}
        return [
            Edge(i, country, "partOf", [], True)
            for i, d in enumerate(self.data)
            if i != country and (d.get("division_code") or "").endswith("0000") and i not in linked
        ]

    def to_networkx(self) -> nx.MultiDiGraph:
        """The network as a ``networkx.MultiDiGraph`` (edge key = relation), nodes and edges in
        this network's order, attribute dicts copied."""
        import networkx as nx

        net = nx.MultiDiGraph()
        net.add_nodes_from((n, dict(d)) for n, d in zip(self.nodes, self.data, strict=False))
        nodes = self.nodes
        for e in self.edges:
            attrs = {"relation": e.relation, "sentences": list(e.sentences)}
            if e.implied:
                attrs["implied"] = True
            net.add_edge(nodes[e.source], nodes[e.target], key=e.relation, **attrs)
        return net

    @classmethod
    def from_networkx(cls, net: nx.Graph) -> EntityNetwork:
        """A networkx graph (an entity network, or any graph with the same attributes) as an
        ``EntityNetwork``: nodes in its order, an edge's relation its ``relation`` or key."""
        nodes = list(net.nodes)
        index = {n: i for i, n in enumerate(nodes)}
        triples = (
            net.edges(keys=True, data=True)
            if net.is_multigraph()
            else ((u, v, None, d) for u, v, d in net.edges(data=True))
        )
        edges = [
            Edge(
                index[u],
                index[v],
                str(d.get("relation") or key or ""),
                list(d.get("sentences") or ()),
                bool(d.get("implied")),
            )
            for u, v, key, d in triples
        ]
        return cls(nodes, (dict(net.nodes[n]) for n in nodes), edges)


def _number(lexical: str) -> float | None:
    try:
        return float(lexical)
    except ValueError:
        return None


_KEY_PREFIX = {ox.NamedNode: "", ox.BlankNode: "_:"}  # a node's key: an IRI as it is, a blank node's id after "_:"


def _collect(quads: Iterable[ox.Quad]) -> dict[str, list]:
    """``(subject, object)`` of every quad, by predicate IRI, for the predicates the network
    uses: the one pass over the graph; everything after it is look-ups in these buckets.

    Terms become strings here, once: a subject is its key (an IRI, or "_:" and a blank node's id), an object as its
    predicate's ``_OBJECT_KIND`` asks (a node's key, any term's value, a literal's value; a
    quad with another kind of object is of no use and left out). Every join after this hashes
    Python strings, which cache their hash, where pyoxigraph's terms hash their text each time.
    A quad whose subject or object is an RDF 1.2 triple term is left out: the network has
    nothing to draw of one."""
    buckets: dict[str, list] = {p: [] for p in _OBJECT_KIND}
    kind_of, prefix_of = _OBJECT_KIND.get, _KEY_PREFIX.get
    Literal = ox.Literal
    for quad in quads:
        p = quad.predicate.value
        kind = kind_of(p)
        if kind is None:
            continue
        s, o = quad.subject, quad.object
        prefix = prefix_of(type(s))
        if prefix is None:
            continue
        s = prefix + s.value  # "" + value is value itself: no copy for an IRI
        object_type = type(o)
        if kind is _NODE:
            prefix = prefix_of(object_type)
            if prefix is None:
                continue
            o = prefix + o.value
        elif object_type is Literal or (kind is _VALUE and object_type in _KEY_PREFIX):
            o = o.value
        else:
            continue
        buckets[p].append((s, o))
    return buckets


def _by_subject(bucket: list) -> dict[str, list]:
    out: dict = {}
    for s, o in bucket:
        out.setdefault(s, []).append(o)
    return out


def _is_iri(key: str) -> bool:
    """Whether a key of :func:`_collect` is an IRI (an IRI's scheme cannot start with "_")."""
    return not key.startswith("_:")


def _value(key: str) -> str:
    """The term's own value of a node key of :func:`_collect` (a blank node's id without "_:")."""
    return key[2:] if key.startswith("_:") else key


_CLASS_RANK = {MZ + t: r for r, t in enumerate(CORE_TYPES)}


@cache
def part_version() -> str:
    """The version :meth:`NetworkPart.to_bytes` writes: a hash of the code that makes and
    reads parts (this module and the vocabulary). A part written by other code is read as
    none and made again from the document's lines; the rest of its cache entry stays good
    (the build cache's fingerprint covers the code that makes the lines)."""
    from mzgraph.rdf import vocabulary

    h = hashlib.sha256()
    for source in (__file__, vocabulary.__file__):
        h.update(Path(source).read_bytes())
    return h.hexdigest()[:16]


_KINDS = (
    "types",  # (entity IRI, CORE_TYPES index): an IRI typed with a core class
    *_FACTS.values(),  # (subject, literal's value): label, altLabel, value, unit, indicator, divisionCode
    "sentences",  # (entity IRI, document, offset, text): a sentence a mention of the entity is in
    "documents",  # (entity IRI, document): the document of a mention of the entity
    "relations",  # (relation, subject IRI, object IRI)
    "statements",  # (statement, relation, subject, object): a statement node of a relation
    "sources",  # (statement, sentence IRI, its text): a sentence the statement was derived from
)


class NetworkPart:
    """What one graph gives the entity network: rows by kind (``_KINDS``), tuples of strings
    and numbers, with the joins through the nodes a graph mints for itself already made (a
    mention → its sentence → the sentence's text and offset; a statement → its subject,
    relation and object; a statement → the sentences it was derived from → their texts) and
    the joins through entities and statements left to :func:`assemble`, which may take the
    rows of many graphs (:meth:`merge`).

    So a build's network is assembled from its documents' parts (made in the workers and
    kept in the build cache beside their lines) and the entities graph's part, and is the
    network of the union of their graphs, because the encoder puts a document's mentions and
    sentences, and the evidence links to them, in that document's graph, and a statement's
    description in one graph (``mzgraph.rdf.encoder``); a graph file is one part. Rows keep
    the order of the quads, without repeats; nothing :func:`assemble` makes of them depends
    on their order.
    """

    __slots__ = ("rows",)

    def __init__(self, rows: dict[str, list] | None = None):
        self.rows = rows if rows is not None else {k: [] for k in _KINDS}

    @classmethod
    def merge(cls, parts: Iterable[NetworkPart]) -> NetworkPart:
        """The rows of every part, kind by kind (linear in the rows)."""
        merged = cls()
        extend = {k: merged.rows[k].extend for k in _KINDS}
        for part in parts:
            for kind, rows in part.rows.items():
                extend[kind](rows)
        return merged

    def to_bytes(self) -> bytes:
        """The part as the build cache keeps it: a pickle of ``(part_version(), rows)``, each
        string once (the same part gives the same bytes)."""
        same: dict[str, str] = {}
        one = same.setdefault  # equal strings made one object: the pickle writes it once
        rows = {
            kind: [tuple([one(v, v) if type(v) is str else v for v in row]) for row in kind_rows]
            for kind, kind_rows in self.rows.items()
        }
        return pickle.dumps((part_version(), rows), protocol=5)

    @classmethod
    def from_bytes(cls, data: bytes) -> NetworkPart | None:
        """A part :meth:`to_bytes` wrote, or None for anything else (another version, damage)."""
        try:
            with paused_gc():  # many small tuples, no cycle: one collection after, not dozens
                version, rows = pickle.loads(data)
        except Exception:  # a damaged or foreign part is one to make again, never a failed build
            return None
        if version != part_version() or not isinstance(rows, dict) or list(rows) != list(_KINDS):
            return None
        return cls(rows)


def network_part(quads: Iterable[ox.Quad]) -> NetworkPart:
    """The :class:`NetworkPart` of ``quads`` (all graphs' quads count as one graph)."""
    buckets = _collect(quads)
    rows: dict[str, list] = {}
    types, statements = [], []
    for s, o in buckets[_TYPE]:
        rank = _CLASS_RANK.get(o)
        if rank is not None:
            if _is_iri(s):
                types.append((s, rank))
        elif o == _STATEMENT:
            statements.append(s)
    rows["types"] = types
    for predicate, kind in _FACTS.items():
        rows[kind] = buckets[predicate]
    rows["sentences"], rows["documents"] = _mention_rows(buckets)
    rows["relations"] = [
        (rel, s, o) for p, rel in _RELATION_IRIS.items() for s, o in buckets[p] if _is_iri(s) and _is_iri(o)
    ]
    st_s, st_p, st_o = (_by_subject(buckets[p]) for p in (_ST_SUBJECT, _ST_PREDICATE, _ST_OBJECT))
    rows["statements"] = list(
        dict.fromkeys(
            (st, _RELATION_IRIS[p], s, o)
            for st in statements
            for p in st_p.get(st, ())
            if p in _RELATION_IRIS
            for s in st_s.get(st, ())
            for o in st_o.get(st, ())
        )
    )
    anchors = _by_subject(buckets[_ANCHOR])
    rows["sources"] = list(
        dict.fromkeys((st, _value(src), a) for st, src in buckets[_DERIVED] for a in anchors.get(src, ()))
    )
    return NetworkPart({k: rows[k] for k in _KINDS})


def lines_part(lines: bytes) -> NetworkPart:
    """The :class:`NetworkPart` of N-Triples lines (a build's graph), read by Oxigraph's parser."""
    return network_part(ox.parse(lines, format=ox.RdfFormat.N_TRIPLES))


def _mention_rows(buckets: dict[str, list]) -> tuple[list, list]:
    """For each mention of an IRI: (IRI, document, offset, text) of its sentences, and
    (IRI, document) of its documents; a mention in no document is in the document "None"
    (as str(None): it sorts as one)."""
    contexts, sentence_of = _by_subject(buckets[_CONTEXT]), _by_subject(buckets[_SENTENCE])
    anchors, begins = _by_subject(buckets[_ANCHOR]), _by_subject(buckets[_BEGIN])
    said: dict = {}  # sentence → its (offset, text) pairs: several mentions share a sentence
    sentences: dict[tuple, None] = {}  # the rows, in order, each once
    documents: dict[tuple, None] = {}
    for mention, entity in buckets[_MENTION_OF]:
        if not _is_iri(entity):
            continue
        docs = contexts.get(mention)
        if docs is not None:
            for doc in docs:
                documents[entity, doc] = None
        for s in sentence_of.get(mention, ()):
            pairs = said.get(s)
            if pairs is None:  # a sentence with neither text nor offset says nothing
                pairs = said[s] = [
                    (int(begin) if begin is not None and begin.isdigit() else 0, "" if text is None else text)
                    for text in anchors.get(s) or (None,)
                    for begin in begins.get(s) or (None,)
                    if text is not None or begin is not None
                ]
            if not pairs:
                continue
            for doc in docs or ("None",):
                for offset, text in pairs:
                    sentences[entity, doc, offset, text] = None
    return list(sentences), list(documents)


def _attributes(rows: dict[str, list], nodes: list[str], rank: dict[str, int]) -> list[dict]:
    """Each entity's attributes: label, other names, sentences, documents, value, unit,
    indicator, division code."""
    # each literal attribute: the least value an entity has (graphs from several documents
    # may hold several); other names: all of them
    least: dict[str, dict[str, str]] = {}
    for name in _FACTS.values():
        if name == "altLabel":
            continue
        values = least[name] = {}
        for e, v in rows[name]:
            if e in rank:
                current = values.get(e)
                if current is None or v < current:
                    values[e] = v
    alt_labels: dict[str, set[str]] = defaultdict(set)
    for e, v in rows["altLabel"]:
        if e in rank:
            alt_labels[e].add(v)
    # per entity, (document, offset, text) of each sentence and the documents (most entities
    # have one: nothing to sort or merge)
    sentences: dict[str, list] = {}
    for e, doc, offset, text in rows["sentences"]:
        if e in rank:
            sentences.setdefault(e, []).append((doc, offset, text))
    documents: dict[str, list] = {}
    for e, doc in rows["documents"]:
        if e in rank:
            documents.setdefault(e, []).append(doc)

    data = []
    labels, numbers = least["label"], least["value"]
    other = [(least[prop], key) for prop, key in _LITERAL_ATTRIBUTES.items()]
    for entity in nodes:
        found, where = sentences.get(entity), documents.get(entity)
        attrs = {
            "iri": entity,
            "type": CORE_TYPES[rank[entity]],
            "label": labels.get(entity) or entity.rsplit("/", 1)[-1],
            "alt_labels": sorted(alt_labels[entity]) if entity in alt_labels else [],
            "sentences": ([found[0][2]] if len(found) == 1 else [t for _, _, t in sorted(set(found))]) if found else [],
            "documents": (where if len(where) == 1 else sorted(set(where))) if where else [],
        }
        if entity in numbers:
            number = _number(numbers[entity])
            if number is not None:
                attrs["value"] = number
        for values, key in other:
            if entity in values:
                attrs[key] = values[entity]
        data.append(attrs)

    return data


def _relations(rows: dict[str, list], nodes: list[str]) -> list[Edge]:
    """The relations between ``nodes`` (by relation, subject, object), each with the sentences
    its statements were derived from."""
    sources: dict[str, list] = {}
    for st, src, text in rows["sources"]:
        sources.setdefault(st, []).append((src, text))
    evidence: dict[tuple, set] = defaultdict(set)
    for st, rel, s, o in rows["statements"]:
        evidence[(rel, s, o)].update(sources.get(st, ()))
    index = {e: i for i, e in enumerate(nodes)}
    seen, found_edges = set(), []
    for rel, s, o in rows["relations"]:
        i, j = index.get(s), index.get(o)
        if i is not None and j is not None and (rel, i, j) not in seen:
            seen.add((rel, i, j))
            found_edges.append((RELATIONS.index(rel), s, o, i, j, rel))
    found_edges.sort()
    return [
        Edge(i, j, rel, [text for _, text in sorted(evidence[key])] if (key := (rel, s, o)) in evidence else [])
        for _, s, o, i, j, rel in found_edges
    ]


def assemble(part: NetworkPart, *, types: tuple[str, ...] | None = None) -> EntityNetwork:
    """The entity network of ``part`` (one graph's, or :meth:`NetworkPart.merge` of many);
    ``types`` keeps only the listed core types.

    Nodes come by type (in ``CORE_TYPES`` order), then IRI; edges by relation, subject,
    object; every list attribute is sorted: the same rows in any order give the same network.
    An entity of two core classes is drawn as the first in CORE_TYPES (of ``types``).
    """
    kept = {CORE_TYPES.index(t) for t in (types or CORE_TYPES) if t in CORE_TYPES}
    rank: dict[str, int] = {}
    for e, r in part.rows["types"]:
        if r in kept and r < rank.get(e, len(CORE_TYPES)):
            rank[e] = r
    nodes = sorted(rank, key=lambda e: (rank[e], e))
    return EntityNetwork(nodes, _attributes(part.rows, nodes, rank), _relations(part.rows, nodes))


def project(quads: Iterable[ox.Quad], *, types: tuple[str, ...] | None = None) -> EntityNetwork:
    """The entity network of ``quads`` (every graph's quads count: a TriG/N-Quads dataset is the
    union of its graphs): :func:`assemble` of their one :func:`network_part`. ``types`` keeps
    only the listed core types.
    """
    return assemble(network_part(quads), types=types)


def graph_quads(source: Graph | ox.Store | Path | str) -> Iterator[ox.Quad]:
    """The quads of ``source``: a graph file (streamed from its parser, no store), a pyoxigraph
    store, or an rdflib Graph (the store behind it, or a copy into one)."""
    if isinstance(source, (str, Path)):
        from mzgraph.rdf.io import iter_quads

        return iter_quads(source)
    return oxigraph_store(source).quads_for_pattern(None, None, None)


def entity_network(source: Graph | ox.Store | Path | str, *, types: tuple[str, ...] | None = None) -> EntityNetwork:
    """The :class:`EntityNetwork` of a graph file, a pyoxigraph store or an rdflib Graph."""
    with paused_gc():
        return project(graph_quads(source), types=types)


def to_networkx(g: Graph | ox.Store | Path | str, *, types: tuple[str, ...] | None = None) -> nx.MultiDiGraph:
    """The entity network of ``g`` as a ``networkx.MultiDiGraph`` (see :func:`project`)."""
    return entity_network(g, types=types).to_networkx()


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


def implied_country_links(net: nx.MultiDiGraph) -> list[tuple[str, str]]:
    """``(province, 中国)`` pairs for a networkx entity network (see
    :meth:`EntityNetwork.implied_country_links`)."""
    light = EntityNetwork.from_networkx(net)
    return [(light.nodes[e.source], light.nodes[e.target]) for e in light.implied_country_links()]
