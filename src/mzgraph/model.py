"""Typed records that flow between the pipeline stages.

read → clean (``ingest``) gives a :class:`SourceDocument`; ``extract`` turns it into an
:class:`Extraction` (mentions and relation candidates between mentions); ``resolve``
merges mentions of all documents into :class:`Entity` records and :class:`Relation`
records keyed by entity; ``rdf.encode`` turns a :class:`KnowledgeBase` into triples.
These records are the only thing that crosses from extraction to RDF: no stage
below ``rdf`` knows about triples, and ``rdf`` never looks at raw text.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum


class EntityType(StrEnum):
    """The five core classes of the ontology contract (value = local name in ``mz:``)."""

    AGENCY = "Agency"
    POLICY = "Policy"
    PLACE = "AdministrativeArea"
    PROGRAM = "Program"
    TARGET = "Target"


class RelationType(StrEnum):
    """Relations between entities (value = local name in ``mz:``)."""

    ISSUED_BY = "issuedBy"  # Policy → Agency
    PART_OF = "partOf"  # Place → Place
    LOCATED_IN = "locatedIn"  # Program | Target | Agency → Place
    HAS_TARGET = "hasTarget"  # Program → Target
    BASED_ON = "basedOn"  # Policy → Policy it implements, follows or revises


@dataclass(frozen=True)
class Removal:
    """A piece of text dropped from the analysed text (injected junk, page chrome)."""

    token: str
    offset: int  # offset of the removed text in the original decoded text
    reason: str  # "injected-token", "page-chrome", …


@dataclass(frozen=True)
class Repair:
    """A certain repair of a corrupted span (e.g. a title whose leading 关于 was replaced)."""

    original: str  # text as found (after junk removal)
    repaired: str  # text as it must read
    offset: int  # offset in the clean text where the repaired text starts
    reason: str


@dataclass
class DocumentMetadata:
    """Dublin Core style metadata found in the file or its page chrome."""

    title: str | None = None
    date: str | None = None  # ISO 8601 (YYYY-MM-DD or YYYY)
    publisher: str | None = None
    source: str | None = None  # who the text comes from (来源)
    url: str | None = None
    format: str = "text/plain"  # media type of the file read
    encoding: str | None = None  # detected character encoding
    removals: list[Removal] = field(default_factory=list)
    repairs: list[Repair] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)  # one line each: what reading had to work around


@dataclass
class OffsetMap:
    """Maps offsets in the clean text back to offsets in the original decoded text.

    ``anchors`` is a sorted list of ``(clean_offset, original_offset)`` pairs; between two
    anchors the texts run in step, so a clean offset maps to
    ``original = anchor_original + (clean - anchor_clean)`` of the last anchor at or before it.
    """

    anchors: list[tuple[int, int]] = field(default_factory=lambda: [(0, 0)])

    def to_original(self, clean_offset: int) -> int:
        import bisect

        keys = [a[0] for a in self.anchors]
        i = bisect.bisect_right(keys, clean_offset) - 1
        if i < 0:
            return clean_offset
        c, o = self.anchors[i]
        return o + (clean_offset - c)

    def to_original_end(self, clean_end: int) -> int:
        """Map an exclusive end offset: the end of the last character of the span.

        ``to_original`` would map an end that falls right before removed text to the start
        of the next kept character, i.e. past the removal; this keeps the span tight.
        """
        if clean_end <= 0:
            return self.to_original(clean_end)
        return self.to_original(clean_end - 1) + 1


@dataclass
class SourceDocument:
    """One report after reading and cleaning: the text every offset refers to."""

    doc_id: str  # stable, IRI-safe identifier (see ``ingest.document_id``)
    path: str  # path as given by the user
    text: str  # the clean text that is analysed and stored as nif:isString
    metadata: DocumentMetadata = field(default_factory=DocumentMetadata)
    offset_map: OffsetMap = field(default_factory=OffsetMap)
    original_text: str | None = None  # decoded text before cleaning, for the offset map
    content_hash: str = ""  # sha256 of the file's bytes


@dataclass(frozen=True, order=True)
class PartialDate:
    """A date as precise as the text gives it: a year, a month of a year, or a day."""

    year: int
    month: int | None = None
    day: int | None = None

    @property
    def precision(self) -> str:
        """``year`` | ``month`` | ``day``."""
        return "day" if self.day else "month" if self.month else "year"

    @property
    def iso(self) -> str:
        """2024, 2024-03 or 2024-03-15."""
        parts = [f"{self.year:04d}", *(f"{x:02d}" for x in (self.month, self.day) if x)]
        return "-".join(parts)


@dataclass(frozen=True)
class Quantity:
    """A reported figure: ``value`` fully expanded (20.98万 → 209800)."""

    value: Decimal
    unit: str
    indicator: str | None = None  # what is counted, from the clause
    qualifier: str | None = None  # approximately | more-than | at-least | at-most | …
    year: int | None = None
    surface: str = ""  # the figure as written, e.g. "20.98万名"


@dataclass
class Mention:
    """A span of the clean text that names an entity.

    ``name`` is the canonical name the extractor resolved in context
    (``省民政厅`` in a Jiangxi report → ``江西省民政厅``); ``text`` is the exact surface,
    so that ``document.text[start:end] == text`` always holds.
    """

    type: EntityType
    text: str
    start: int
    end: int
    name: str
    sentence_start: int
    sentence_end: int
    division_code: str | None = None  # places: six-digit code
    quantity: Quantity | None = None  # targets
    year: int | None = None  # policies: year in the title, if any
    issued: PartialDate | None = None  # policies: when the text says it was issued
    place_code: str | None = None  # division code of the place whose part of the text holds it
    issuers_joint: bool = False  # policies: issued by several bodies together


@dataclass(frozen=True)
class RelationCandidate:
    """A relation between two mentions of one document (indices into ``Extraction.mentions``)."""

    subject: int
    predicate: RelationType
    object: int
    sentence_start: int
    sentence_end: int


@dataclass
class Extraction:
    """What ``extract`` finds in one document."""

    document: SourceDocument
    mentions: list[Mention] = field(default_factory=list)
    relations: list[RelationCandidate] = field(default_factory=list)


@dataclass
class Entity:
    """A resolved entity: one node of the graph, with every mention that names it."""

    key: str  # identity within the graph, e.g. "place/360500"; the IRI is minted from it
    type: EntityType
    label: str
    alt_labels: set[str] = field(default_factory=set)
    mentions: list[tuple[str, Mention]] = field(default_factory=list)  # (doc_id, mention)
    division_code: str | None = None
    level: str | None = None  # province | city | county (places)
    quantity: Quantity | None = None
    year: int | None = None
    issued: PartialDate | None = None  # policies
    from_gazetteer: bool = False  # added from the gazetteer, not named in the text


@dataclass(frozen=True)
class Evidence:
    """The sentence that supports a relation."""

    doc_id: str
    start: int
    end: int


@dataclass
class Relation:
    subject: str  # entity key
    predicate: RelationType
    object: str  # entity key
    evidence: list[Evidence] = field(default_factory=list)  # empty when it comes from the gazetteer


@dataclass
class KnowledgeBase:
    """Everything the RDF encoder needs: documents, entities and relations."""

    documents: list[SourceDocument] = field(default_factory=list)
    entities: dict[str, Entity] = field(default_factory=dict)
    relations: list[Relation] = field(default_factory=list)
