"""A first rule-based extractor covering all five entity types."""

from __future__ import annotations

import re
from decimal import Decimal

from mzgraph import gazetteer as gz
from mzgraph.model import EntityType, Extraction, Mention, Quantity, RelationCandidate, RelationType, SourceDocument

_SENTENCE = re.compile(r"[^。！？；!?\n]+[。！？；!?]?")
_TITLE = re.compile(r"《([^《》\n]{2,80})》")
_QUOTED = re.compile(r"“([^“”\n]{2,30})”")
_NUMBER = re.compile(r"(\d+(?:\.\d+)?)(万|亿)?(名|人|个|元|%|穴|项|家|所|张|户|次)")
_AGENCY = re.compile(r"(?:省|市|县)?(?:民政厅|民政局|人民政府|政府|委)(?![员会])")
_MULT = {None: Decimal(1), "万": Decimal(10000), "亿": Decimal(100000000)}


def sentences(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in _SENTENCE.finditer(text) if m.group().strip()]


def extract(document: SourceDocument) -> Extraction:
    text = document.text
    gaz = gz.load()
    out = Extraction(document=document)
    names = sorted(gaz.names(), key=len, reverse=True)
    place_re = re.compile("|".join(re.escape(n) for n in names if len(n) >= 3))
    for s, e in sentences(text):
        sent = text[s:e]
        for m in place_re.finditer(sent):
            d = gaz.lookup(m.group())[0]
            out.mentions.append(
                Mention(EntityType.PLACE, m.group(), s + m.start(), s + m.end(), d.name, s, e, division_code=d.code)
            )
        issuers = []
        for m in _AGENCY.finditer(sent):
            out.mentions.append(Mention(EntityType.AGENCY, m.group(), s + m.start(), s + m.end(), m.group(), s, e))
            issuers.append(len(out.mentions) - 1)
        for m in _TITLE.finditer(sent):
            out.mentions.append(Mention(EntityType.POLICY, m.group(1), s + m.start(1), s + m.end(1), m.group(1), s, e))
            pol = len(out.mentions) - 1
            for i in issuers:
                out.relations.append(RelationCandidate(pol, RelationType.ISSUED_BY, i, s, e))
        for m in _QUOTED.finditer(sent):
            out.mentions.append(Mention(EntityType.PROGRAM, m.group(1), s + m.start(1), s + m.end(1), m.group(1), s, e))
        for m in _NUMBER.finditer(sent):
            value = Decimal(m.group(1)) * _MULT[m.group(2)]
            unit = "人" if m.group(3) == "名" else m.group(3)
            q = Quantity(value=value.normalize(), unit=unit, surface=m.group())
            out.mentions.append(
                Mention(EntityType.TARGET, m.group(), s + m.start(), s + m.end(), m.group(), s, e, quantity=q)
            )
    return out
