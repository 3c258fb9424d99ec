"""A small hand-made knowledge base, encoded with the real model and encoder.

Its shape is known exactly, so stats, paths and report tests can assert real values:

  民政部 <-issuedBy- 《关于推进养老服务发展的意见》(2019) -issuedBy-> 江西省民政厅
  民政部 <-issuedBy- 《关于加强农村留守老年人关爱服务工作的意见》(2018) -issuedBy-> 江西省民政厅
  江西省民政厅 -issuedBy<- 《江西省养老服务三年行动计划》(2019)
  江西省民政厅 -locatedIn-> 江西省 <-partOf- 新余市, 上饶市 (gazetteer)
  新余市民政局 -locatedIn-> 新余市;  上饶市民政局 -locatedIn-> 上饶市  (both also called 民政局)
  颐养之家 -locatedIn-> 新余市, -hasTarget-> 1200个 颐养之家 (2019) -locatedIn-> 新余市
  互助养老 -locatedIn-> 上饶市, -hasTarget-> 800个 农村互助养老服务设施 (2019) -locatedIn-> 上饶市
  600个 农村互助养老服务设施 -locatedIn-> 新余市, 江西省 (2019)
"""

from __future__ import annotations

from decimal import Decimal

from rdflib import Graph

from mzgraph.model import (
    DocumentMetadata,
    Entity,
    EntityType,
    Evidence,
    KnowledgeBase,
    Mention,
    Quantity,
    Relation,
    RelationType,
    SourceDocument,
)
from mzgraph.rdf import encode

DOC_ID = "fixture-2019"
SENTENCES = [
    "民政部、江西省民政厅联合印发《关于推进养老服务发展的意见》。",
    "民政部、江西省民政厅印发《关于加强农村留守老年人关爱服务工作的意见》。",
    "江西省民政厅出台《江西省养老服务三年行动计划》,在江西省全面推进养老服务。",
    "新余市民政局推广颐养之家,新余市建成颐养之家1200个。",
    "上饶市民政局推进互助养老,上饶市建成农村互助养老服务设施800个。",
    "新余市建成农村互助养老服务设施600个。",
]
TEXT = "".join(SENTENCES)
_STARTS = [sum(len(s) for s in SENTENCES[:i]) for i in range(len(SENTENCES))]

P1 = "关于推进养老服务发展的意见"
P2 = "江西省养老服务三年行动计划"
P3 = "关于加强农村留守老年人关爱服务工作的意见"


def _span(sentence: int) -> tuple[int, int]:
    return _STARTS[sentence], _STARTS[sentence] + len(SENTENCES[sentence])


def _mention(etype: EntityType, surface: str, sentence: int, name: str, nth: int = 0, **kw) -> Mention:
    s0, s1 = _span(sentence)
    at = s0
    for _ in range(nth + 1):
        at = TEXT.index(surface, at if at == s0 else at + 1, s1)
    return Mention(etype, surface, at, at + len(surface), name, s0, s1, **kw)


def _evidence(sentence: int) -> Evidence:
    return Evidence(DOC_ID, *_span(sentence))


def make_kb() -> KnowledgeBase:
    doc = SourceDocument(
        doc_id=DOC_ID,
        path="fixture.txt",
        text=TEXT,
        metadata=DocumentMetadata(title="回望2019·江西篇", date="2019-12-25", publisher="中国社会报"),
    )
    A, P, L, G, T = EntityType.AGENCY, EntityType.POLICY, EntityType.PLACE, EntityType.PROGRAM, EntityType.TARGET

    def entity(key, etype, label, mentions, alt=(), **kw) -> Entity:
        return Entity(key, etype, label, set(alt) | {m.text for m in mentions}, [(DOC_ID, m) for m in mentions], **kw)

    def target(key, value, indicator, sentence, surface, year=2019) -> Entity:
        q = Quantity(Decimal(value), "个", indicator=indicator, year=year, surface=surface)
        return entity(key, T, f"{indicator} {surface}", [_mention(T, surface, sentence, surface)], quantity=q)

    ents = [
        entity(
            "agency/mca",
            A,
            "民政部",
            [_mention(A, "民政部", 0, "民政部"), _mention(A, "民政部", 1, "民政部")],
            alt={"中华人民共和国民政部"},
        ),
        entity(
            "agency/jxmz",
            A,
            "江西省民政厅",
            [_mention(A, "江西省民政厅", i, "江西省民政厅") for i in (0, 1, 2)],
            alt={"省民政厅"},
        ),
        entity("agency/xymz", A, "新余市民政局", [_mention(A, "新余市民政局", 3, "新余市民政局")], alt={"民政局"}),
        entity("agency/srmz", A, "上饶市民政局", [_mention(A, "上饶市民政局", 4, "上饶市民政局")], alt={"民政局"}),
        entity("policy/p1", P, P1, [_mention(P, P1, 0, P1)], year=2019),
        entity("policy/p3", P, P3, [_mention(P, P3, 1, P3)], year=2018),
        entity("policy/p2", P, P2, [_mention(P, P2, 2, P2)], year=2019),
        entity(
            "place/360000",
            L,
            "江西省",
            [_mention(L, "江西省", 2, "江西省", nth=2)],
            alt={"江西"},
            division_code="360000",
            level="province",
        ),
        entity(
            "place/360500",
            L,
            "新余市",
            [_mention(L, "新余市", 3, "新余市", nth=1), _mention(L, "新余市", 5, "新余市")],
            alt={"新余"},
            division_code="360500",
            level="city",
        ),
        entity(
            "place/361100",
            L,
            "上饶市",
            [_mention(L, "上饶市", 4, "上饶市", nth=1)],
            alt={"上饶"},
            division_code="361100",
            level="city",
        ),
        entity("program/yyzj", G, "颐养之家", [_mention(G, "颐养之家", 3, "颐养之家")]),
        entity("program/hzyl", G, "互助养老", [_mention(G, "互助养老", 4, "互助养老")]),
        target("target/t1", "1200", "颐养之家", 3, "1200个"),
        target("target/t2", "800", "农村互助养老服务设施", 4, "800个"),
        target("target/t3", "600", "农村互助养老服务设施", 5, "600个"),
    ]
    R = RelationType
    rels = [
        Relation("policy/p1", R.ISSUED_BY, "agency/mca", [_evidence(0)]),
        Relation("policy/p1", R.ISSUED_BY, "agency/jxmz", [_evidence(0)]),
        Relation("policy/p3", R.ISSUED_BY, "agency/mca", [_evidence(1)]),
        Relation("policy/p3", R.ISSUED_BY, "agency/jxmz", [_evidence(1)]),
        Relation("policy/p2", R.ISSUED_BY, "agency/jxmz", [_evidence(2)]),
        Relation("agency/jxmz", R.LOCATED_IN, "place/360000", [_evidence(2)]),
        Relation("place/360500", R.PART_OF, "place/360000", []),
        Relation("place/361100", R.PART_OF, "place/360000", []),
        Relation("agency/xymz", R.LOCATED_IN, "place/360500", [_evidence(3)]),
        Relation("agency/srmz", R.LOCATED_IN, "place/361100", [_evidence(4)]),
        Relation("program/yyzj", R.LOCATED_IN, "place/360500", [_evidence(3)]),
        Relation("program/yyzj", R.HAS_TARGET, "target/t1", [_evidence(3)]),
        # a figure with no place of its own is where its program is (the resolver's rule)
        Relation("target/t1", R.LOCATED_IN, "place/360500", [_evidence(3)]),
        Relation("program/hzyl", R.LOCATED_IN, "place/361100", [_evidence(4)]),
        Relation("program/hzyl", R.HAS_TARGET, "target/t2", [_evidence(4)]),
        Relation("target/t2", R.LOCATED_IN, "place/361100", [_evidence(4)]),
        Relation("target/t3", R.LOCATED_IN, "place/360500", [_evidence(5)]),
        # also stated for the province: the report must compare it as 新余市's, not twice
        Relation("target/t3", R.LOCATED_IN, "place/360000", [_evidence(5)]),
    ]
    return KnowledgeBase(documents=[doc], entities={e.key: e for e in ents}, relations=rels)


def make_graph() -> Graph:
    return encode(make_kb())
