"""Resolution: mentions of all documents → entities with deterministic keys.

Identity rules, from exact to looser:

* places are one entity per division code (``place/360500``), whatever name was used;
  each place gets its gazetteer parent chain, so a county links to its city even when the
  text never names the city. A place name the gazetteer cannot place is kept apart per
  surrounding division (or per document), never merged on its name alone: 城区 or 朝阳区
  exist in several cities;
* agencies, policies and programs are one entity per normalised canonical name, after a
  small table of aliases (中华人民共和国民政部 = 民政部). Extraction resolves local names
  to full ones (省民政厅 in a Jiangxi report → 江西省民政厅); an agency name still relative
  to an unnamed place (市民政局, 民政局) is kept apart per surrounding division or document,
  so the 市民政局 of two cities never become one;
* targets are never merged: each stays tied to its document and span.

A key depends only on the mention and its document, never on other documents, so each
document can be resolved on its own (:func:`resolve_document`, in parallel and cached) and
the parts merged in any fixed order with :class:`Resolver` give one graph.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import replace

from mzgraph import gazetteer as gz
from mzgraph.model import (
    Entity,
    EntityType,
    Evidence,
    Extraction,
    KnowledgeBase,
    Mention,
    PartialDate,
    Relation,
    RelationType,
)

_FOLD = str.maketrans("", "", "《》“”\"'‘’「」『』 \t\r\n\u3000")

# Names that denote one body under several spellings; the key is taken from the right side.
_ALIAS_PREFIXES = ("中华人民共和国", "中国")
_CENTRAL_SUFFIXES = ("部", "国务院", "委员会", "总局", "署", "办公厅")
# A name that only makes sense relative to a place the text does not name.
_RELATIVE = re.compile(r"^(?:省|市|县|区|州|盟|旗|乡|镇|街道|全省|全市|全县|本级)")
_GENERIC_BODY = re.compile(r"^[\u4e00-\u9fff]{1,2}(?:厅|局)$|^(?:人民)?政府$|^党委$")


def normalise(label: str) -> str:
    """The form two names must share to be the same entity: NFKC, no quotes or spaces."""
    return unicodedata.normalize("NFKC", label).translate(_FOLD).lower()


def canonical_name(type_: EntityType, name: str) -> str:
    """The normalised name an entity is keyed by, after the alias table."""
    norm = normalise(name)
    if type_ is EntityType.AGENCY:
        for prefix in _ALIAS_PREFIXES:
            rest = norm[len(prefix) :]
            # 中华人民共和国民政部 → 民政部, but 中国残疾人联合会 keeps its name
            if norm.startswith(prefix) and len(rest) >= 2 and rest.endswith(_CENTRAL_SUFFIXES):
                return rest
    return norm


def is_relative_agency(name: str) -> bool:
    """True for agency names that need an unnamed place to be understood (市民政局, 民政厅)."""
    norm = normalise(name)
    return bool(_RELATIVE.match(norm) or _GENERIC_BODY.match(norm))


def is_document_scoped(entity: Entity) -> bool:
    """Entities that belong to one document only (targets): never merged across documents."""
    return entity.type is EntityType.TARGET


def _digest(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]


_PREFIX = {
    EntityType.AGENCY: "agency",
    EntityType.POLICY: "policy",
    EntityType.PROGRAM: "program",
}


def _scope(doc_id: str, mention: Mention) -> str:
    return f"in-{mention.place_code}" if mention.place_code else f"doc-{doc_id}"


def entity_key(doc_id: str, mention: Mention) -> str:
    if mention.type is EntityType.PLACE and mention.division_code:
        return f"place/{mention.division_code}"
    if mention.type is EntityType.PLACE:
        return f"place/x-{_digest(_scope(doc_id, mention) + '/' + normalise(mention.name))}"
    if mention.type is EntityType.TARGET:
        return f"target/{doc_id}/{mention.start}"
    name = canonical_name(mention.type, mention.name)
    if mention.type is EntityType.AGENCY and is_relative_agency(mention.name):
        return f"agency/{_digest(_scope(doc_id, mention) + '/' + name)}"
    return f"{_PREFIX[mention.type]}/{_digest(name)}"


def place_key(code: str) -> str:
    return f"place/{code}"


class _DocumentResolver:
    """Resolves the mentions of one document: the rules above, with no other document in view."""

    def __init__(self, gazetteer: gz.Gazetteer):
        self.gazetteer = gazetteer
        self.entities: dict[str, Entity] = {}
        self.relations: dict[tuple[str, RelationType, str], Relation] = {}

    def _place_entity(self, code: str) -> Entity | None:
        key = place_key(code)
        if key in self.entities:
            return self.entities[key]
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
        self.entities[key] = ent
        parent = self.gazetteer.parent(division)
        if parent is not None:
            self._place_entity(parent.code)
            self._relate(key, RelationType.PART_OF, place_key(parent.code), None)
        return ent

    def _relate(self, s: str, p: RelationType, o: str, evidence: Evidence | None) -> None:
        if s == o:
            return
        rel = self.relations.get((s, p, o))
        if rel is None:
            rel = self.relations[(s, p, o)] = Relation(s, p, o)
        if evidence is not None and evidence not in rel.evidence:
            rel.evidence.append(evidence)

    def _place_figures_by_their_program(self) -> None:
        """Where a figure is, the one rule every count and question reads (``mz:locatedIn``):
        the place the text puts it in, else (no place of its own) the place of the program it
        belongs to, supported by the sentence that ties the figure to the program."""
        placed = {s for (s, p, _) in self.relations if p is RelationType.LOCATED_IN}
        program_places: dict[str, list[str]] = {}
        for s, p, o in self.relations:
            if p is RelationType.LOCATED_IN:
                program_places.setdefault(s, []).append(o)
        for (program, p, figure), rel in list(self.relations.items()):
            if p is RelationType.HAS_TARGET and figure not in placed:
                for place in program_places.get(program, ()):
                    for evidence in rel.evidence:
                        self._relate(figure, RelationType.LOCATED_IN, place, evidence)

    def resolve(self, extraction: Extraction) -> KnowledgeBase:
        doc = extraction.document
        keys: list[str] = []
        seen_spans: set[tuple[int, int]] = set()
        for m in extraction.mentions:
            key = entity_key(doc.doc_id, m)
            keys.append(key)
            if m.type is EntityType.PLACE and m.division_code:
                ent = self._place_entity(m.division_code)
                if ent is None:  # a code the gazetteer does not know: keep the name
                    ent = self.entities.setdefault(
                        key, Entity(key=key, type=m.type, label=m.name, division_code=m.division_code)
                    )
            else:
                ent = self.entities.setdefault(key, Entity(key=key, type=m.type, label=m.name))
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
            ent.issued = better_date(ent.issued, m.issued)
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
            if s in self.entities and o in self.entities:
                self._relate(s, r.predicate, o, Evidence(doc.doc_id, r.sentence_start, r.sentence_end))
        self._place_figures_by_their_program()
        return KnowledgeBase(
            documents=[doc],
            entities=self.entities,
            relations=sorted(self.relations.values(), key=_relation_order),
        )


def better_date(known: PartialDate | None, new: PartialDate | None) -> PartialDate | None:
    """Of two dates given for one policy's issue, the more precise; the first on a tie."""
    if known is None or (new is not None and _PRECISION[new.precision] > _PRECISION[known.precision]):
        return new
    return known


_PRECISION = {"year": 0, "month": 1, "day": 2}


def _relation_order(rel: Relation) -> tuple[str, str, str]:
    return (rel.subject, rel.predicate.value, rel.object)


def resolve_document(extraction: Extraction, gazetteer: gz.Gazetteer | None = None) -> KnowledgeBase:
    """One document on its own: its entities (with its mentions only), the relations it
    supports (with its evidence only) and the gazetteer chains of the places it names."""
    return _DocumentResolver(gazetteer or gz.load()).resolve(extraction)


def shared_part(part: KnowledgeBase) -> KnowledgeBase:
    """What a document adds to the entities shared between documents: its entities other
    than targets, without mentions, and the relations between them, with one piece of
    evidence at most (enough to tell them from gazetteer facts). Merging this instead of
    the whole part gives the same streaming result (see :class:`Resolver`)."""
    entities = {
        key: replace(ent, alt_labels=set(ent.alt_labels), mentions=[])
        for key, ent in part.entities.items()
        if not is_document_scoped(ent)
    }
    relations = [
        Relation(r.subject, r.predicate, r.object, r.evidence[:1])
        for r in part.relations
        if r.subject in entities and r.object in entities
    ]
    return KnowledgeBase(entities=entities, relations=relations)


class Resolver:
    """Merges document parts, in the order given, into one :class:`KnowledgeBase`.

    With ``keep_details=False`` (streaming builds of large corpora) the merged base keeps
    only what is shared between documents (entities other than targets, and relations
    between them) and drops documents, mentions and evidence, which the caller encodes per
    document; a relation then keeps one piece of evidence, enough to know it is not only
    from the gazetteer. Such a resolver merges a :func:`shared_part` the same as the part.
    """

    def __init__(self, gazetteer: gz.Gazetteer | None = None, *, keep_details: bool = True):
        self.gazetteer = gazetteer or gz.load()
        self.keep_details = keep_details
        self.kb = KnowledgeBase()
        self._relations: dict[tuple[str, RelationType, str], Relation] = {}

    def add(self, extraction: Extraction) -> KnowledgeBase:
        """Resolve one more document and merge it; returns the document's own part."""
        part = resolve_document(extraction, self.gazetteer)
        self.merge(part)
        return part

    def merge(self, part: KnowledgeBase) -> None:
        """Merge a part from :func:`resolve_document` (the part itself is left unchanged)."""
        keep = self.keep_details
        if keep:
            self.kb.documents.extend(part.documents)
        local: set[str] = set()
        for key, ent in part.entities.items():
            if not keep and is_document_scoped(ent):
                local.add(key)
                continue
            cur = self.kb.entities.get(key)
            if cur is None:
                self.kb.entities[key] = replace(
                    ent, alt_labels=set(ent.alt_labels), mentions=list(ent.mentions) if keep else []
                )
                continue
            if cur.type is not ent.type:
                continue  # one key, two types: the first reading stands
            cur.alt_labels |= ent.alt_labels
            cur.alt_labels.add(ent.label)
            cur.alt_labels.discard(cur.label)
            cur.from_gazetteer = cur.from_gazetteer and ent.from_gazetteer
            if keep:
                cur.mentions.extend(ent.mentions)
            if cur.year is None:
                cur.year = ent.year
            cur.issued = better_date(cur.issued, ent.issued)
            if ent.quantity is not None:
                cur.quantity = ent.quantity
        for rel in part.relations:
            if rel.subject in local or rel.object in local:
                continue
            cur = self._relations.get((rel.subject, rel.predicate, rel.object))
            if cur is None:
                cur = self._relations[(rel.subject, rel.predicate, rel.object)] = Relation(
                    rel.subject, rel.predicate, rel.object
                )
            if keep:
                cur.evidence.extend(rel.evidence)  # evidence of two documents never coincides
            elif rel.evidence and not cur.evidence:
                cur.evidence.append(rel.evidence[0])

    def result(self) -> KnowledgeBase:
        self.kb.relations = sorted(self._relations.values(), key=_relation_order)
        return self.kb


def resolve(extractions: list[Extraction], gazetteer: gz.Gazetteer | None = None) -> KnowledgeBase:
    resolver = Resolver(gazetteer)
    for ex in extractions:
        resolver.add(ex)
    return resolver.result()
