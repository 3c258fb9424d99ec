"""Resolution: mentions of all documents → entities with deterministic keys.

Identity rules, from exact to looser:

* places are one entity per division code (``place/360500``), whatever name was used;
  each place gets its gazetteer parent chain, so a county links to its city even when the
  text never names the city;
* agencies, policies and programs are one entity per normalised canonical name;
* targets are never merged: each stays tied to its document and span.
"""

from __future__ import annotations

import hashlib
import unicodedata

from mzgraph import gazetteer as gz
from mzgraph.model import (
    Entity,
    EntityType,
    Evidence,
    Extraction,
    KnowledgeBase,
    Mention,
    Relation,
    RelationType,
)

_FOLD = str.maketrans("", "", "《》“”\"'‘’「」『』 \t\r\n\u3000")


def normalise(label: str) -> str:
    """The form two names must share to be the same entity: NFKC, no quotes or spaces."""
    return unicodedata.normalize("NFKC", label).translate(_FOLD).lower()


def _digest(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]


_PREFIX = {
    EntityType.AGENCY: "agency",
    EntityType.POLICY: "policy",
    EntityType.PROGRAM: "program",
}


def entity_key(doc_id: str, mention: Mention) -> str:
    if mention.type is EntityType.PLACE and mention.division_code:
        return f"place/{mention.division_code}"
    if mention.type is EntityType.PLACE:
        return f"place/x-{_digest(normalise(mention.name))}"
    if mention.type is EntityType.TARGET:
        return f"target/{doc_id}/{mention.start}"
    return f"{_PREFIX[mention.type]}/{_digest(normalise(mention.name))}"


def place_key(code: str) -> str:
    return f"place/{code}"


class Resolver:
    """Accumulates extractions; ``result()`` gives the merged :class:`KnowledgeBase`."""

    def __init__(self, gazetteer: gz.Gazetteer | None = None):
        self.gazetteer = gazetteer or gz.load()
        self.kb = KnowledgeBase()
        self._relations: dict[tuple[str, RelationType, str], Relation] = {}

    def _place_entity(self, code: str) -> Entity | None:
        key = place_key(code)
        if key in self.kb.entities:
            return self.kb.entities[key]
        division = self.gazetteer.get(code)
        if division is None:
            return None
        ent = Entity(
            key=key,
            type=EntityType.PLACE,
            label=division.name,
            division_code=code,
            level=division.level,
            from_gazetteer=True,
        )
        self.kb.entities[key] = ent
        parent = self.gazetteer.parent(division)
        if parent is not None:
            self._place_entity(parent.code)
            self._relate(key, RelationType.PART_OF, place_key(parent.code), None)
        return ent

    def _relate(self, s: str, p: RelationType, o: str, evidence: Evidence | None) -> None:
        if s == o:
            return
        rel = self._relations.get((s, p, o))
        if rel is None:
            rel = self._relations[(s, p, o)] = Relation(s, p, o)
        if evidence is not None and evidence not in rel.evidence:
            rel.evidence.append(evidence)

    def add(self, extraction: Extraction) -> None:
        doc = extraction.document
        self.kb.documents.append(doc)
        keys: list[str] = []
        seen_spans: set[tuple[int, int]] = set()
        for m in extraction.mentions:
            key = entity_key(doc.doc_id, m)
            keys.append(key)
            if m.type is EntityType.PLACE and m.division_code:
                ent = self._place_entity(m.division_code)
                if ent is None:  # a code the gazetteer does not know: keep the name
                    ent = self.kb.entities.setdefault(
                        key, Entity(key=key, type=m.type, label=m.name, division_code=m.division_code)
                    )
            else:
                ent = self.kb.entities.setdefault(key, Entity(key=key, type=m.type, label=m.name))
            if ent.type is not m.type:
                continue  # one name, two types: the first reading stands
            ent.from_gazetteer = False
            if m.text != ent.label:
                ent.alt_labels.add(m.text)
            if m.name != ent.label:
                ent.alt_labels.add(m.name)
            if (m.start, m.end) not in seen_spans:
                seen_spans.add((m.start, m.end))
                ent.mentions.append((doc.doc_id, m))
            if m.quantity is not None:
                ent.quantity = m.quantity
            if m.year is not None and ent.year is None:
                ent.year = m.year
            if m.place_code and m.type is not EntityType.PLACE:
                if self._place_entity(m.place_code) is not None:
                    self._relate(
                        key,
                        RelationType.LOCATED_IN,
                        place_key(m.place_code),
                        Evidence(doc.doc_id, m.sentence_start, m.sentence_end),
                    )
        for r in extraction.relations:
            s, o = keys[r.subject], keys[r.object]
            if s in self.kb.entities and o in self.kb.entities:
                self._relate(s, r.predicate, o, Evidence(doc.doc_id, r.sentence_start, r.sentence_end))

    def result(self) -> KnowledgeBase:
        self.kb.relations = sorted(self._relations.values(), key=lambda r: (r.subject, r.predicate.value, r.object))
        return self.kb


def resolve(extractions: list[Extraction], gazetteer: gz.Gazetteer | None = None) -> KnowledgeBase:
    resolver = Resolver(gazetteer)
    for ex in extractions:
        resolver.add(ex)
    return resolver.result()
