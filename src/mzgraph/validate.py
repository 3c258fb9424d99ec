"""Check a graph against the ontology contract (SHACL shapes in ``ontology/shapes.ttl``).

pyshacl runs the shapes with the ontology (``ontology/mzgraph.ttl``) mixed into the data,
so that ``mz:City`` counts as a ``mz:AdministrativeArea``; SHACL Advanced Features are on
because two SPARQL checks select their offending nodes with one SPARQL target query (see
the comment in shapes.ttl). Each result becomes a :class:`Violation`, printed as one line a
person can act on: what the node is, its label, the path, and the shape's message.

>>> from mzgraph.rdf import load_graph                       # doctest: +SKIP
>>> report = validate(load_graph("output/graph.ttl"))         # doctest: +SKIP
>>> report.conforms, [str(v) for v in report.violations]      # doctest: +SKIP
(True, [])
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from rdflib import Graph, Namespace, URIRef
from rdflib.namespace import DCTERMS, RDF, RDFS

from mzgraph.errors import MzgraphError
from mzgraph.rdf.namespaces import MZ, NIF, PREFIXES

SH = Namespace("http://www.w3.org/ns/shacl#")
CORE_CLASSES = ("Agency", "Policy", "AdministrativeArea", "Program", "Target")
_LABEL_MAX = 30


class GraphInvalid(MzgraphError):
    """The graph breaks the ontology contract (``validate``, ``build --strict``)."""

    exit_code = 1


def ontology_file(name: str) -> Path:
    """A file of the ontology folder: shipped in the wheel as ``mzgraph/ontology``, or the
    source tree's ``ontology/`` for an editable install."""
    here = Path(__file__).resolve().parent
    for folder in (here / "ontology", here.parents[1] / "ontology"):
        if (folder / name).is_file():
            return folder / name
    raise MzgraphError(f"ontology file {name} is missing from the installation (reinstall mzgraph)")


@cache
def _parsed(path: Path) -> Graph:
    return Graph().parse(path, format="turtle")


def _copy(graph: Graph) -> Graph:
    g = Graph()
    for triple in graph:
        g.add(triple)
    return g


def shapes_graph() -> Graph:
    return _copy(_parsed(ontology_file("shapes.ttl")))


def ontology_graph() -> Graph:
    return _copy(_parsed(ontology_file("mzgraph.ttl")))


def short(term) -> str:
    """An IRI written with the project's prefixes for display (not for Turtle)."""
    text = str(term)
    best = ""
    for prefix, ns in PREFIXES.items():
        if text.startswith(str(ns)) and len(str(ns)) > len(best):
            best, name = str(ns), prefix
    return f"{name}:{text[len(best) :]}" if best else text


def _clip(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= _LABEL_MAX else text[: _LABEL_MAX - 1] + "…"


def describe(graph: Graph, node) -> str:
    """How a person recognises ``node``: its core class and Chinese label, a mention's
    anchor text, a document's title, or just its IRI."""
    kind = next((c for c in CORE_CLASSES if (node, RDF.type, MZ[c]) in graph), None)
    label = None
    labels = sorted(graph.objects(node, RDFS.label), key=lambda lit: (getattr(lit, "language", None) != "zh", lit))
    for prop_value in (labels[:1], graph.objects(node, NIF.anchorOf), graph.objects(node, DCTERMS.title)):
        label = next(iter(prop_value), None)
        if label is not None:
            break
    if kind is None:
        if (node, RDF.type, NIF.Phrase) in graph:
            kind = "mention"
        elif (node, RDF.type, NIF.Sentence) in graph:
            kind = "sentence"
        elif (node, RDF.type, MZ.Document) in graph:
            kind = "document"
        elif (node, RDF.type, RDF.Statement) in graph:
            kind = "statement"
    parts = [p for p in (kind, f"「{_clip(str(label))}」" if label is not None else None, short(node)) if p]
    return " ".join(parts)


@dataclass(frozen=True)
class Violation:
    """One SHACL result: which node, which path, what is wrong."""

    focus: str  # how a person recognises the node (see ``describe``)
    path: str | None  # the property, prefixed; None for a node-level constraint
    message: str
    severity: str = "Violation"  # Violation, Warning or Info
    node: str = ""  # the focus node's IRI

    def __str__(self) -> str:
        where = f" {self.path}" if self.path else ""
        return f"{self.focus}{where}: {self.message}"


@dataclass
class ValidationReport:
    conforms: bool
    violations: list[Violation] = field(default_factory=list)


def validate(graph: Graph, *, shapes: Graph | None = None, ontology: Graph | None = None) -> ValidationReport:
    """Validate ``graph`` against the shipped shapes (or ``shapes``) with the ontology."""
    import pyshacl  # imported here: it takes a while to import and only validation needs it

    conforms, results, _text = pyshacl.validate(
        graph,
        shacl_graph=shapes if shapes is not None else shapes_graph(),
        ont_graph=ontology if ontology is not None else ontology_graph(),
        inference="none",
        advanced=True,
        allow_warnings=True,
    )
    violations = set()
    for result in results.subjects(RDF.type, SH.ValidationResult):
        focus = results.value(result, SH.focusNode)
        path = results.value(result, SH.resultPath)
        messages = sorted(str(m) for m in results.objects(result, SH.resultMessage))
        severity = results.value(result, SH.resultSeverity)
        message = "; ".join(messages) or short(results.value(result, SH.sourceConstraintComponent) or "")
        violations.add(
            Violation(
                focus=describe(graph, focus),
                path=short(path) if isinstance(path, URIRef) else None,
                message=message,
                severity=str(severity).rsplit("#", 1)[-1] if severity is not None else "Violation",
                node=str(focus),
            )
        )
    ordered = sorted(violations, key=lambda v: (v.focus, v.path or "", v.message, v.node))
    return ValidationReport(conforms=bool(conforms), violations=ordered)


__all__ = ["GraphInvalid", "ValidationReport", "Violation", "describe", "ontology_file", "validate"]
