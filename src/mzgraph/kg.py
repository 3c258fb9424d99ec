"""The notebook API: one :class:`KnowledgeGraph` object over a graph file or store.

>>> import mzgraph
>>> kg = mzgraph.load("output/graph.ttl")                     # doctest: +SKIP
>>> kg.query("SELECT ?p ?l WHERE { ?p a mz:Policy ; rdfs:label ?l }")  # doctest: +SKIP
>>> kg.entities(type="Policy")                                # doctest: +SKIP
>>> kg.describe("新余市")                                      # doctest: +SKIP
>>> kg.ready("targets-by-place")                              # doctest: +SKIP

Query results come back as pandas DataFrames with numbers as numbers (``xsd:integer`` →
int, ``xsd:decimal``/``float``/``double`` → float, ``xsd:gYear`` → int) and everything
else as ``str`` (labels without their language tag, IRIs in full). ``kg.graph`` is an
rdflib ``Graph`` over the same data for anything the rdflib API does.

The backend is chosen by :func:`load` (Oxigraph by default; see
:mod:`mzgraph.query.store` for the interface a remote endpoint backend implements).
"""

from __future__ import annotations

import html
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

import pandas as pd
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import XSD

from mzgraph.defaults import DEFAULT_OUTPUT
from mzgraph.errors import UsageError
from mzgraph.query.ready import ready_question, ready_questions
from mzgraph.query.runner import DEFAULT_TIMEOUT, QueryResult, run
from mzgraph.query.store import DEFAULT_ENGINE, NUMERIC_TYPES, Backend, compact_iri, open_backend
from mzgraph.rdf.namespaces import MZ

CORE_TYPES = ("Agency", "Policy", "AdministrativeArea", "Program", "Target")
_INTEGER_TYPES = NUMERIC_TYPES - {str(XSD.decimal), str(XSD.float), str(XSD.double)}


class EntityNotFound(UsageError, LookupError):
    """No entity has the label asked for."""


def to_python(term) -> object:
    """A result term as a plain Python value for a DataFrame cell."""
    if term is None:
        return None
    if isinstance(term, (URIRef, BNode)):
        return str(term)
    if isinstance(term, Literal) and term.datatype is not None:
        dt = str(term.datatype)
        try:
            if dt in _INTEGER_TYPES:
                return int(str(term))
            if dt in NUMERIC_TYPES:
                return float(Decimal(str(term))) if dt == str(XSD.decimal) else float(str(term))
            if dt == str(XSD.gYear):
                return int(str(term)[:4]) if str(term)[:4].isdigit() else str(term)
            if dt == str(XSD.boolean):
                return str(term) in ("true", "1")
        except (ValueError, ArithmeticError):
            return str(term)  # an ill-typed literal: keep what was written
    return str(term)


def to_frame(result: QueryResult) -> pd.DataFrame:
    """A SELECT result as a DataFrame (integer columns with gaps become pandas ``Int64``)."""
    if result.kind == "ask":
        return pd.DataFrame({"boolean": [bool(result.boolean)]})
    if result.kind == "construct":
        rows = [tuple(to_python(t) for t in triple) for triple in result.triples]
        return pd.DataFrame(rows, columns=["subject", "predicate", "object"])
    if result.kind == "update":
        return pd.DataFrame()
    rows = [tuple(to_python(t) for t in row) for row in result.rows]
    frame = pd.DataFrame(rows, columns=result.variables, dtype=object)
    for col in frame.columns:
        values = [v for v in frame[col] if v is not None]
        if not values:
            continue
        if all(isinstance(v, int) and not isinstance(v, bool) for v in values):
            frame[col] = frame[col].astype("Int64" if len(values) < len(frame) else "int64")
        elif all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in values):
            frame[col] = frame[col].astype("float64")
        elif all(isinstance(v, str) for v in values):
            frame[col] = frame[col].astype(object)
    return frame


@dataclass
class EntityDescription:
    """One entity: what it is, how it relates to others, and the sentences that name it."""

    iri: str
    label: str
    types: list[str]
    alt_labels: list[str] = field(default_factory=list)
    attributes: dict[str, object] = field(default_factory=dict)
    relations: pd.DataFrame = field(default_factory=pd.DataFrame)
    sentences: pd.DataFrame = field(default_factory=pd.DataFrame)
    others: list[str] = field(default_factory=list)  # other entities with the same name

    @property
    def outgoing(self) -> pd.DataFrame:
        return self.relations[self.relations["direction"] == "out"].reset_index(drop=True)

    @property
    def incoming(self) -> pd.DataFrame:
        return self.relations[self.relations["direction"] == "in"].reset_index(drop=True)

    def __repr__(self) -> str:
        lines = [f"{self.label} ({', '.join(self.types)})  {compact_iri(self.iri)}"]
        if self.alt_labels:
            lines.append("  also: " + ", ".join(self.alt_labels))
        for key, value in self.attributes.items():
            lines.append(f"  {key}: {value}")
        seen = set()
        for r in self.relations.itertuples(index=False):
            other = r.label if isinstance(r.label, str) else compact_iri(r.other)
            arrow = f"—{r.predicate}→ {other}" if r.direction == "out" else f"←{r.predicate}— {other}"
            if arrow not in seen:  # one line a relation, however many sentences support it
                seen.add(arrow)
                lines.append(f"  {arrow}")
        if len(self.sentences):
            lines.append(f"  named in {len(self.sentences)} sentence(s):")
            for s in self.sentences.itertuples(index=False):
                lines.append(f"    [{s.begin}-{s.end}] {s.sentence.strip()}")
        if self.others:
            lines.append("  other entities with this name: " + ", ".join(compact_iri(o) for o in self.others))
        return "\n".join(lines)

    def _repr_html_(self) -> str:
        e = html.escape
        parts = [
            f"<div class='mzgraph-entity'><b>{e(self.label)}</b> <i>{e(', '.join(self.types))}</i> "
            f"<code>{e(compact_iri(self.iri))}</code>"
        ]
        if self.alt_labels:
            parts.append(f"<div>also: {e(', '.join(self.alt_labels))}</div>")
        if self.attributes:
            parts.append(
                "<ul>" + "".join(f"<li>{e(k)}: {e(str(v))}</li>" for k, v in self.attributes.items()) + "</ul>"
            )
        if len(self.relations):
            parts.append("<h4>Relations</h4>" + self.relations.to_html(index=False))
        if len(self.sentences):
            parts.append("<h4>Sentences</h4>" + self.sentences.to_html(index=False))
        parts.append("</div>")
        return "".join(parts)


class KnowledgeGraph:
    """A graph to ask questions of, from a notebook or a script."""

    def __init__(self, backend: Backend, *, source: str | None = None) -> None:
        self.backend = backend
        self.source = source

    def __repr__(self) -> str:
        where = f" from {self.source}" if self.source else ""
        return f"<KnowledgeGraph{where}: {len(self)} triples, {self.backend.name}>"

    def __len__(self) -> int:
        return len(self.backend)

    @property
    def graph(self) -> Graph:
        """The data as an rdflib ``Graph`` (over the same store: no copy)."""
        return self.backend.graph

    # --- querying ------------------------------------------------------------------

    def run(self, query: str, **options) -> QueryResult:
        """Run ``query`` and return the raw result (rdflib terms). Options as for :meth:`query`."""
        return run(self.backend, query, **options)

    def query(
        self,
        query: str,
        *,
        params: dict[str, str] | None = None,
        timeout: float | None = DEFAULT_TIMEOUT,
        max_rows: int | None = None,
        allow_update: bool = False,
        allow_service: bool = False,
    ) -> pd.DataFrame:
        """A SPARQL query's answer as a DataFrame; the usual prefixes are declared for you.

        The query is judged by :mod:`mzgraph.query.gate` (read-only, no SERVICE or LOAD
        unless allowed) and stopped after ``timeout`` seconds (``None``: no limit);
        ``max_rows`` keeps the first rows only (``frame.attrs["truncated"]`` says so).
        """
        result = run(
            self.backend,
            query,
            params=params,
            timeout=timeout,
            max_rows=max_rows,
            allow_update=allow_update,
            allow_service=allow_service,
        )
        frame = to_frame(result)
        frame.attrs["truncated"] = result.truncated
        return frame

    def ready(self, name: str, **params: str) -> pd.DataFrame:
        """A ready question's answer, e.g. ``kg.ready("entity-sentences", label="新余市")``.

        A question with parameters needs a value for each (``kg.ready_questions()`` lists them).
        """
        question = ready_question(name)
        missing = question.missing(params)
        if missing:
            example = ", ".join(f"{k}={v!r}" for k, v in missing.items())
            raise UsageError(f"the ready question {name} needs {', '.join(missing)} (for example {example})")
        return self.query(question.text, params=params)

    @staticmethod
    def ready_questions() -> pd.DataFrame:
        """The shipped questions: name, what each answers, and its parameters."""
        rows = [(q.name, q.description, ", ".join(q.parameters)) for q in ready_questions().values()]
        return pd.DataFrame(rows, columns=["name", "description", "parameters"])

    # --- entities ------------------------------------------------------------------

    def entities(self, type: str | None = None) -> pd.DataFrame:  # noqa: A002 - the natural name here
        """Entities (of one core class, e.g. ``"Policy"``) with their label and mention count."""
        if type is not None and type not in CORE_TYPES:
            raise UsageError(f"unknown type {type!r} (choose from {', '.join(CORE_TYPES)})")
        classes = " ".join(f"mz:{t}" for t in ([type] if type else CORE_TYPES))
        frame = self.query(
            f"""SELECT ?iri ?type ?label (COUNT(DISTINCT ?m) AS ?mentions) WHERE {{
                  VALUES ?class {{ {classes} }}
                  ?iri a ?class ; rdfs:label ?label .
                  BIND(STRAFTER(STR(?class), "#") AS ?type)
                  OPTIONAL {{ ?m itsrdf:taIdentRef ?iri }}
                }} GROUP BY ?iri ?type ?label ORDER BY ?type STR(?label) ?iri"""
        )
        return frame

    def find(self, label: str) -> list[str]:
        """IRIs of entities named ``label`` (canonical label first, then other names)."""
        frame = self.query(
            """SELECT DISTINCT ?e ?canonical WHERE {
                 VALUES ?label { "" }
                 ?e rdfs:label|skos:altLabel ?name . FILTER(STR(?name) = ?label)
                 ?e rdfs:label ?l .
                 BIND(IF(STR(?l) = ?label, 0, 1) AS ?canonical)
               } ORDER BY ?canonical ?e""",
            params={"label": label},
        )
        return list(frame["e"])

    def describe(self, label_or_iri: str) -> EntityDescription:
        """The entity named ``label_or_iri``: its types, attributes, relations both ways and sentences."""
        if label_or_iri.startswith(("http://", "https://", "urn:")):
            matches = [label_or_iri]
        else:
            matches = self.find(label_or_iri)
        if not matches:
            raise EntityNotFound(f"no entity is named {label_or_iri!r}")
        iri, others = matches[0], matches[1:]
        ref = f"<{iri}>"
        facts = self.query(f"SELECT ?p ?o WHERE {{ {ref} ?p ?o . FILTER(isLiteral(?o)) }} ORDER BY ?p ?o")
        types = self.query(
            f"SELECT ?t WHERE {{ {ref} a ?c . FILTER(STRSTARTS(STR(?c), STR(mz:))) "
            'BIND(STRAFTER(STR(?c), "#") AS ?t) } ORDER BY ?t'
        )
        if not len(facts) and not len(types):
            raise EntityNotFound(f"no entity {label_or_iri!r} in the graph")
        label, alts, attributes = "", [], {}
        for p, o in facts.itertuples(index=False):
            if p == "http://www.w3.org/2000/01/rdf-schema#label":
                label = label or o
            elif p == "http://www.w3.org/2004/02/skos/core#altLabel":
                alts.append(o)
            elif p.startswith(str(MZ)):
                attributes[p[len(str(MZ)) :]] = o
        relations = self.query(
            f"""SELECT ?direction ?predicate ?other ?label ?type ?evidence WHERE {{
                  {{ {ref} ?p ?other . BIND("out" AS ?direction) }}
                  UNION {{ ?other ?p {ref} . BIND("in" AS ?direction) }}
                  FILTER(STRSTARTS(STR(?p), STR(mz:)))
                  FILTER(isIRI(?other))
                  BIND(STRAFTER(STR(?p), "#") AS ?predicate)
                  OPTIONAL {{ ?other rdfs:label ?label }}
                  OPTIONAL {{ ?other a ?c . FILTER(?c IN (mz:Agency, mz:Policy, mz:AdministrativeArea,
                              mz:Program, mz:Target)) BIND(STRAFTER(STR(?c), "#") AS ?type) }}
                  OPTIONAL {{
                    ?st rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o ; prov:wasDerivedFrom ?from .
                    FILTER((?s = {ref} && ?o = ?other) || (?o = {ref} && ?s = ?other))
                    OPTIONAL {{ ?from nif:anchorOf ?text }}
                    OPTIONAL {{ ?from rdfs:label ?dataset }}
                    BIND(COALESCE(?text, STR(?dataset)) AS ?evidence)
                  }}
                }} ORDER BY DESC(?direction) ?predicate ?label ?other ?evidence"""
        )
        # one row a sentence: a sentence naming the entity twice (江西 … 江西省) lists both forms
        sentences = self.query(
            f"""SELECT ?document ?begin ?end (GROUP_CONCAT(DISTINCT ?mention; separator=" / ") AS ?mentions)
                       ?sentence WHERE {{
                  ?m itsrdf:taIdentRef {ref} ; nif:anchorOf ?mention ; nif:sentence ?s .
                  ?s nif:anchorOf ?sentence ; nif:beginIndex ?begin ; nif:endIndex ?end ;
                     nif:referenceContext ?document .
                }} GROUP BY ?document ?begin ?end ?sentence ORDER BY ?document ?begin"""
        )
        if len(sentences):  # GROUP_CONCAT keeps no order: sort the forms for a stable row
            sentences["mentions"] = [" / ".join(sorted(set(m.split(" / ")))) for m in sentences["mentions"]]
        return EntityDescription(
            iri=iri,
            label=label,
            types=list(types["t"]),
            alt_labels=sorted(alts),
            attributes=attributes,
            relations=relations,
            sentences=sentences,
            others=others,
        )

    # --- views ----------------------------------------------------------------------

    def show(self, **opts):
        """The interactive network view, inline in a notebook (see ``mzgraph.view.show``).

        Options: ``focus``, ``depth``, ``types``, ``query``, ``title``, ``physics``, ``height``.
        """
        from mzgraph.view import show

        return show(self, **opts)

    # --- analytics (reserved: centrality and communities as DataFrames) -------------

    def centrality(self) -> pd.DataFrame:
        """Degree, betweenness and community of every entity, most central first (``mzgraph.analytics``)."""
        from mzgraph.analytics.frames import centrality

        return centrality(self.graph)

    def communities(self) -> pd.DataFrame:
        """Communities of the entity network (Louvain, seeded), largest first (``mzgraph.analytics``)."""
        from mzgraph.analytics.frames import communities

        return communities(self.graph)


def load(
    source: str | Path | Graph | None = None,
    *,
    engine: str = DEFAULT_ENGINE,
    store: str | Path | None = None,
    endpoint: str | None = None,
    writable: bool = False,
) -> KnowledgeGraph:
    """Open a graph for querying.

    ``source`` is a graph file (Turtle, N-Triples, TriG, RDF/XML, JSON-LD; default
    ``output/graph.ttl``) or an rdflib ``Graph``. ``engine`` is ``"oxigraph"`` (default) or
    ``"rdflib"``; ``store`` is a directory for a persistent Oxigraph store that keeps the
    loaded graph between sessions (reloaded only when the file changes); it is opened
    read-only unless ``writable`` (a writable store's queries cannot be stopped by the
    timeout: see :mod:`mzgraph.query.runner`). ``endpoint`` is
    the URL of a SPARQL 1.1 Protocol endpoint to query instead (a store filled by
    ``mzgraph push``; see :mod:`mzgraph.remote.backend`).
    """
    if endpoint is not None:
        if source is not None or store is not None:
            raise UsageError("give a graph file, a store or an endpoint, not several")
        from mzgraph.remote.backend import EndpointBackend

        return KnowledgeGraph(EndpointBackend.open(endpoint), source=endpoint)

    if source is None and store is None:
        source = DEFAULT_OUTPUT
    backend = open_backend(source, engine=engine, store=store, read_only=store is not None and not writable)
    name = None if isinstance(source, Graph) else str(source) if source is not None else str(store)
    return KnowledgeGraph(backend, source=name)


__all__ = ["EntityDescription", "EntityNotFound", "KnowledgeGraph", "load", "to_frame", "to_python"]
