"""Writes tests/query/fixture.ttl: a small report encoded by mzgraph's own encoder.

The fixture is checked in; run this only to refresh it when the encoder's shape changes
(``.venv/bin/python tests/query/make_fixture.py``), then re-check the expected rows in
test_ready.py by hand. Every kind of fact a ready question asks about occurs at least once,
and one indicator is reported for two places.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from mzgraph.model import (
    DocumentMetadata,
    Entity,
    EntityType,
    Evidence,
    KnowledgeBase,
    Mention,
    PartialDate,
    Quantity,
    Relation,
    RelationType,
    Removal,
    SourceDocument,
)
from mzgraph.rdf import encode, write_graph

HERE = Path(__file__).resolve().parent
DOC = "fixture-report"
TEXT = (
    "江西省民政工作简报\n"
    "2019年,江西省民政厅会同江西省财政厅印发《关于加快补齐农村养老服务短板十条措施的通知》。\n"
    "省民政厅出台《江西省养老服务体系建设发展三年行动计划(2019-2021年)》,推广颐养之家。\n"
    "新余市建成颐养之家助餐点1200个。\n"
    "南昌市建成邻里中心助餐点350个。\n"
    "2019年江西省有20.98万名城镇贫困群众脱贫。\n"
    "新余市民政局在分宜县推进颐养之家建设。\n"
    "新余市的经验在全省推广。\n"
    "《江西省养老服务体系建设发展三年行动计划(2019-2021年)》根据《关于加快补齐农村养老服务短板十条措施的通知》制定。\n"
)
SENTENCES = []
_start = 0
for _line in TEXT.splitlines(keepends=True):
    SENTENCES.append((_start, _start + len(_line.rstrip("\n"))))
    _start += len(_line)


def sentence_of(pos: int) -> tuple[int, int]:
    return next(s for s in SENTENCES if s[0] <= pos < s[1])


def mention(etype: EntityType, text: str, name: str, nth: int = 0, **extra) -> Mention:
    start = -1
    for _ in range(nth + 1):
        start = TEXT.index(text, start + 1)
    s, e = sentence_of(start)
    return Mention(etype, text, start, start + len(text), name, s, e, **extra)


def main() -> None:
    doc = SourceDocument(
        DOC,
        "tests/query/fixture-report.txt",
        TEXT,
        DocumentMetadata(
            title="江西省民政工作简报",
            date="2019-12-25",
            publisher="江西省民政厅",
            removals=[
                Removal("体球网", 40, "injected-token"),
                Removal("体球网", 95, "injected-token"),
                Removal("当前位置: 首页 > 新闻中心", 0, "page-chrome"),
            ],
        ),
        content_hash="0" * 64,
    )
    A, P, L, G, T = EntityType.AGENCY, EntityType.POLICY, EntityType.PLACE, EntityType.PROGRAM, EntityType.TARGET
    ents: list[Entity] = []

    def ent(key, etype, label, mentions, alt=(), **kw) -> str:
        ents.append(Entity(key, etype, label, set(alt), [(DOC, m) for m in mentions], **kw))
        return key

    jx = ent("place/360000", L, "江西省", [mention(L, "江西省", "江西省", 4)], division_code="360000", level="province")
    xy = ent(
        "place/360500",
        L,
        "新余市",
        [mention(L, "新余市", "新余市"), mention(L, "新余市", "新余市", 2)],
        division_code="360500",
        level="city",
    )
    nc = ent("place/360100", L, "南昌市", [mention(L, "南昌市", "南昌市")], division_code="360100", level="city")
    fy = ent("place/360521", L, "分宜县", [mention(L, "分宜县", "分宜县")], division_code="360521", level="county")
    mzt = ent(
        "agency/jx-mzt",
        A,
        "江西省民政厅",
        [mention(A, "江西省民政厅", "江西省民政厅"), mention(A, "省民政厅", "江西省民政厅", 1)],
        alt={"省民政厅"},
    )
    czt = ent("agency/jx-czt", A, "江西省财政厅", [mention(A, "江西省财政厅", "江西省财政厅")])
    xymzj = ent("agency/xy-mzj", A, "新余市民政局", [mention(A, "新余市民政局", "新余市民政局")])
    p1 = ent(
        "policy/short-board",
        P,
        "关于加快补齐农村养老服务短板十条措施的通知",
        [mention(P, "关于加快补齐农村养老服务短板十条措施的通知", "关于加快补齐农村养老服务短板十条措施的通知")],
        issued=PartialDate(2019),
    )
    p2_name = "江西省养老服务体系建设发展三年行动计划(2019-2021年)"
    p2 = ent("policy/three-year-plan", P, p2_name, [mention(P, p2_name, p2_name)], year=2019)
    yy = ent(
        "program/yiyang",
        G,
        "颐养之家",
        [mention(G, "颐养之家", "颐养之家", n) for n in range(3)],
    )
    ll = ent("program/linli", G, "邻里中心", [mention(G, "邻里中心", "邻里中心")])
    q1 = Quantity(Decimal(1200), "个", "颐养之家助餐点", None, 2019, "1200个")
    t1 = ent("target/fixture-report/1", T, "1200个", [mention(T, "1200个", "1200个", quantity=q1)], quantity=q1)
    q2 = Quantity(Decimal(350), "个", "颐养之家助餐点", None, None, "350个")
    t2 = ent("target/fixture-report/2", T, "350个", [mention(T, "350个", "350个", quantity=q2)], quantity=q2)
    q3 = Quantity(Decimal(209800), "人", "城镇贫困群众脱贫", "approximately", 2019, "20.98万名")
    t3_mention = mention(T, "20.98万名", "20.98万名", quantity=q3)
    t3 = ent("target/fixture-report/3", T, "20.98万名", [t3_mention], quantity=q3)

    def ev(text: str, nth: int = 0) -> list[Evidence]:
        s, e = sentence_of(mention(A, text, text, nth).start)
        return [Evidence(DOC, s, e)]

    R = RelationType
    rels = [
        Relation(p1, R.ISSUED_BY, mzt, ev("印发")),
        Relation(p1, R.ISSUED_BY, czt, ev("印发")),
        Relation(p2, R.ISSUED_BY, mzt, ev("出台")),
        Relation(xy, R.PART_OF, jx),
        Relation(nc, R.PART_OF, jx),
        Relation(fy, R.PART_OF, xy),
        Relation(yy, R.LOCATED_IN, xy, ev("1200个")),
        Relation(yy, R.HAS_TARGET, t1, ev("1200个")),
        Relation(ll, R.LOCATED_IN, nc, ev("350个")),
        Relation(ll, R.HAS_TARGET, t2, ev("350个")),
        Relation(t1, R.LOCATED_IN, xy, ev("1200个")),
        Relation(t2, R.LOCATED_IN, nc, ev("350个")),
        Relation(t3, R.LOCATED_IN, jx, ev("20.98万名")),
        Relation(xymzj, R.LOCATED_IN, xy, ev("分宜县")),
        Relation(p2, R.BASED_ON, p1, ev("根据")),
    ]
    kb = KnowledgeBase([doc], {e.key: e for e in ents}, rels)
    write_graph(encode(kb), HERE / "fixture.ttl")


if __name__ == "__main__":
    main()
