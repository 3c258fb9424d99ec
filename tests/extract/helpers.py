"""Build a SourceDocument from a string and look at what the extractor finds in it."""

from __future__ import annotations

from mzgraph.extract import extract
from mzgraph.model import DocumentMetadata, EntityType, Extraction, SourceDocument


def run(text: str, title: str | None = None) -> Extraction:
    doc = SourceDocument(doc_id="t", path="t.txt", text=text, metadata=DocumentMetadata(title=title))
    return extract(doc)


def names(ex: Extraction, etype: EntityType) -> list[str]:
    return [m.name for m in ex.mentions if m.type is etype]


def relations(ex: Extraction, predicate) -> set[tuple[str, str]]:
    return {(ex.mentions[r.subject].name, ex.mentions[r.object].name) for r in ex.relations if r.predicate is predicate}


def located(ex: Extraction, etype: EntityType) -> dict[str, str | None]:
    return {m.name: m.place_code for m in ex.mentions if m.type is etype}
