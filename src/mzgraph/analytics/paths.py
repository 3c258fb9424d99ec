"""Shortest chains of relations between two entities, each step with the sentence behind it.

The search runs over the undirected entity network (``mzgraph.network``): a researcher asking
how 民政部 connects to 新余市 does not care which way each triple points, but every step is
shown the way it is stored, with the sentence the relation was read from (or the gazetteer,
for administrative ``partOf`` links that come from the division code table).

Entities are named by label: ``rdfs:label`` first, then ``skos:altLabel``, compared after
Unicode NFKC normalisation, case folding and removal of spaces and title marks (《》).

Of the chains with fewest steps, those whose steps have sentences come first, then those
made of specific relations (issuedBy, hasTarget, basedOn) rather than the generic locatedIn
and partOf, then those through less connected entities: a chain through the province every
entity is located in says least. A step's sentence is one that names both ends, each outside
the other's name if any does (江西省 inside 江西省民政厅 does not state where the bureau is);
a sentence that is wholly an aside in brackets, like a photo credit (本版文/图由…提供) or a
caption, is never shown as evidence.
"""

from __future__ import annotations

import difflib
import itertools
import unicodedata
from dataclasses import dataclass

import networkx as nx
from rdflib import Graph

from mzgraph.errors import MzgraphError, UsageError
from mzgraph.network import implied_country_links, to_networkx
from mzgraph.rdf.namespaces import GAZETTEER, sparql_prologue

GAZETTEER_NOTE = "(administrative division code table)"
NO_SENTENCE_NOTE = "(no supporting sentence recorded)"
ASIDE_NOTE = "(named only in an aside: a credit or caption line)"
GENERIC_RELATIONS = frozenset({"locatedIn", "partOf"})
_ASIDE_BRACKETS = {"(": ")", "（": "）", "[": "]", "【": "】"}
# how many shortest paths are looked at before the best ``max_chains`` are chosen; in a hub-rich
# graph their number grows combinatorially
_ENUMERATION_CAP = 10_000
_STRIP = str.maketrans("", "", " \t\r\n\u3000《》〈〉“”\"'‘’「」")


class NoPathError(MzgraphError):
    """The two entities are not connected by any chain of relations."""

    exit_code = 1


def normalise_label(text: str) -> str:
    """The form labels are compared in: NFKC, case-folded, without spaces, quotes or title marks."""
    return unicodedata.normalize("NFKC", text).casefold().translate(_STRIP)


@dataclass(frozen=True)
class Step:
    """One relation of a chain, as stored: ``subject -[relation]-> object``."""

    subject: str  # IRI
    subject_label: str
    relation: str
    object: str  # IRI
    object_label: str
    sentence: str | None  # the supporting sentence, None when there is none
    from_gazetteer: bool
    only_in_asides: bool = False  # every sentence behind it is a credit or caption line

    @property
    def evidence(self) -> str:
        if self.sentence:
            return self.sentence
        if self.from_gazetteer:
            return GAZETTEER_NOTE
        return ASIDE_NOTE if self.only_in_asides else NO_SENTENCE_NOTE

    def __str__(self) -> str:
        return f"{self.subject_label} -[{self.relation}]-> {self.object_label}"


def find_entity(net: nx.MultiDiGraph, label: str) -> str:
    """The node whose label (or, failing that, alternative label) is ``label``.

    Raises ``UsageError`` naming close matches when no entity or more than one carries it.
    """
    wanted = normalise_label(label)
    if not wanted:
        raise UsageError("an empty label names no entity")
    by_label = sorted(n for n, d in net.nodes(data=True) if normalise_label(d["label"]) == wanted)
    by_alt = sorted(
        n for n, d in net.nodes(data=True) if any(normalise_label(a) == wanted for a in d.get("alt_labels", ()))
    )
    for tier in (by_label, by_alt):
        if len(tier) == 1:
            return tier[0]
        if len(tier) > 1:
            names = ", ".join(_describe(net, n) for n in tier[:6])
            raise UsageError(f"{label!r} is ambiguous: {len(tier)} entities carry it ({names}); use a fuller label")
    raise UsageError(f"no entity is labelled {label!r}" + _suggestions(net, wanted))


def _describe(net: nx.MultiDiGraph, node: str) -> str:
    d = net.nodes[node]
    return f"{d['label']} [{d['type']} {node.rsplit('/', 2)[-2]}/{node.rsplit('/', 1)[-1]}]"


def _suggestions(net: nx.MultiDiGraph, wanted: str) -> str:
    names: dict[str, str] = {}  # normalised name → label to show
    for _, d in sorted(net.nodes(data=True)):
        for name in (d["label"], *d.get("alt_labels", ())):
            names.setdefault(normalise_label(name), d["label"] if name == d["label"] else f"{name} (= {d['label']})")
    close = difflib.get_close_matches(wanted, list(names), n=5, cutoff=0.5)
    containing = sorted((k for k in names if k not in close and (wanted in k or k in wanted)), key=len)
    picks = (close + containing)[:5]
    if not picks:
        return ""
    return "; close matches: " + ", ".join(names[k] for k in picks)


def _gazetteer_edges(graph: Graph) -> set[tuple[str, str, str]]:
    from mzgraph.query.gate import admit

    query = f"""SELECT ?s ?p ?o WHERE {{
                ?st a rdf:Statement ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o ;
                    prov:wasDerivedFrom <{GAZETTEER}> }}"""
    admit(query)  # the one SPARQL gate, as for a user's query
    rows = graph.query(sparql_prologue() + query)
    return {(str(s), str(p).rsplit("#", 1)[-1], str(o)) for s, p, o in rows}


def _names(net: nx.MultiDiGraph, node: str) -> list[str]:
    d = net.nodes[node]
    return [d["label"], *d.get("alt_labels", ())]


def is_aside(sentence: str) -> bool:
    """A sentence that is wholly one bracketed aside: a credit, a caption, an editor's note."""
    text = sentence.strip()
    if len(text) < 2 or _ASIDE_BRACKETS.get(text[0]) != text[-1]:
        return False
    depth = 0
    for i, ch in enumerate(text):  # the first bracket closes at the very end, not before
        if ch in _ASIDE_BRACKETS:
            depth += 1
        elif ch in _ASIDE_BRACKETS.values():
            depth -= 1
            if depth == 0 and i < len(text) - 1:
                return False
    return True


def _spans(text: str, names: list[str]) -> list[tuple[int, int]]:
    out = []
    for name in filter(None, names):
        start = text.find(name)
        while start != -1:
            out.append((start, start + len(name)))
            start = text.find(name, start + 1)
    return out


def _named_apart(text: str, own: list[str], other: list[str]) -> bool:
    """``text`` names the entity (``own``) somewhere not inside a naming of ``other``."""
    outer = _spans(text, other)
    return any(not any(a <= b and e <= f and (a, f) != (b, e) for a, f in outer) for b, e in _spans(text, own))


def _best_sentence(net: nx.MultiDiGraph, s: str, o: str, sentences: list[str]) -> str | None:
    """The sentence to cite for ``s → o``: not an aside; naming both ends apart, else both, else any."""
    said = [t for t in sentences if not is_aside(t)]
    subject, obj = _names(net, s), _names(net, o)

    def rank(text: str) -> int:
        if _named_apart(text, subject, obj) and _named_apart(text, obj, subject):
            return 0
        named_both = any(n in text for n in subject) and any(n in text for n in obj)
        return 1 if named_both else 2

    return min(said, key=rank) if said else None  # min keeps the first of equals: stable


def _step(net: nx.MultiDiGraph, gazetteer: set, u: str, v: str) -> Step:
    """The relation that joins ``u`` and ``v`` (either direction); one backed by a sentence is
    preferred, then a specific one over locatedIn/partOf."""
    candidates = []
    for s, o in ((u, v), (v, u)):
        for rel, data in (net.get_edge_data(s, o) or {}).items():
            sentences = data.get("sentences") or []
            sentence = _best_sentence(net, s, o, sentences)
            asides = bool(sentences) and sentence is None
            candidates.append((0 if sentence else 1, rel in GENERIC_RELATIONS, rel, s, o, sentence, asides))
    _, _, rel, s, o, sentence, asides = min(candidates)
    return Step(
        subject=s,
        subject_label=net.nodes[s]["label"],
        relation=rel,
        object=o,
        object_label=net.nodes[o]["label"],
        sentence=sentence,
        from_gazetteer=(s, rel, o) in gazetteer,
        only_in_asides=asides,
    )


def _chain_order(simple: nx.Graph, nodes: list[str], chain: list[Step]) -> tuple:
    """Sentences first, then specific relations, then the least connected entities on the way."""
    return (
        sum(step.sentence is None for step in chain),
        sum(step.relation in GENERIC_RELATIONS for step in chain),
        sum(simple.degree(n) for n in nodes[1:-1]),
        [(str(step), step.subject, step.object) for step in chain],
    )


@dataclass(frozen=True)
class Chains:
    """The shortest chains between two entities (all of the same length)."""

    source: str  # IRI
    source_label: str
    target: str
    target_label: str
    chains: list[list[Step]]

    def __str__(self) -> str:
        return format_chains(self)


def shortest_chains(graph: Graph, source: str, target: str, *, max_chains: int = 5) -> Chains:
    """Up to ``max_chains`` shortest chains of relations from the entity labelled ``source`` to ``target``.

    Chains are ordered by how many of their steps lack a sentence, how many are generic
    (locatedIn, partOf), how connected the entities they pass are, then by their labels, so the
    output is the same on every run. Raises ``UsageError`` for unknown or ambiguous labels and
    ``NoPathError`` when nothing connects the two.
    """
    net = to_networkx(graph)
    implied = set()
    for province, country in implied_country_links(net):
        net.add_edge(province, country, key="partOf", relation="partOf", sentences=[])
        implied.add((province, "partOf", country))
    a, b = find_entity(net, source), find_entity(net, target)
    if a == b:
        raise UsageError(f"{source!r} and {target!r} name the same entity ({net.nodes[a]['label']})")
    simple = nx.Graph(net.to_undirected(as_view=True))
    if not nx.has_path(simple, a, b):
        sizes = (len(nx.node_connected_component(simple, n)) for n in (a, b))
        raise NoPathError(
            f"no chain of relations connects {net.nodes[a]['label']} and {net.nodes[b]['label']} "
            "(they lie in separate parts of the network of {} and {} entities)".format(*sizes)
        )
    gazetteer = _gazetteer_edges(graph) | implied
    ranked = []
    for nodes in itertools.islice(nx.all_shortest_paths(simple, a, b), _ENUMERATION_CAP):
        chain = [_step(net, gazetteer, u, v) for u, v in itertools.pairwise(nodes)]
        ranked.append((_chain_order(simple, nodes, chain), chain))
    ranked.sort(key=lambda pair: pair[0])
    chains = [chain for _, chain in ranked[:max_chains]]
    return Chains(a, net.nodes[a]["label"], b, net.nodes[b]["label"], chains)


def format_chains(result: Chains) -> str:
    """The chains as ``mzgraph path`` prints them."""
    chains = result.chains
    steps = len(chains[0])
    head = (
        f"{result.source_label} … {result.target_label}: {len(chains)} shortest chain{'s' if len(chains) != 1 else ''} "
        f"of {steps} step{'s' if steps != 1 else ''}"
    )
    lines = [head]
    for i, chain in enumerate(chains, 1):
        lines.append("")
        lines.append(f"chain {i}")
        for j, step in enumerate(chain, 1):
            lines.append(f"  {j}. {step}")
            lines.append(f"     {'“' + step.sentence + '”' if step.sentence else step.evidence}")
    return "\n".join(lines)
