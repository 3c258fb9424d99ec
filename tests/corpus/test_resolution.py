"""Resolution across documents: one entity per identity, conflicts kept apart."""

from __future__ import annotations

from collections import defaultdict

from rdflib import Graph, Literal
from rdflib.namespace import RDF, RDFS

from mzgraph.model import EntityType, Extraction, Mention, RelationCandidate, RelationType, SourceDocument
from mzgraph.pipeline import build
from mzgraph.rdf.namespaces import MZ
from mzgraph.resolve import Resolver, is_relative_agency, normalise, resolve, resolve_document, shared_part

CORE = ("Agency", "Policy", "AdministrativeArea", "Program", "Target")


def _doc(doc_id: str, *mentions: Mention, relations=()) -> Extraction:
    text = "。" * 200
    doc = SourceDocument(doc_id=doc_id, path=f"{doc_id}.txt", text=text, content_hash=doc_id * 8)
    return Extraction(document=doc, mentions=list(mentions), relations=list(relations))


def _m(type_, name, start=0, *, code=None, place_code=None, text=None) -> Mention:
    text = text or name
    return Mention(type_, text, start, start + len(text), name, 0, 50, division_code=code, place_code=place_code)


def _by_label(kb, label):
    return [e for e in kb.entities.values() if e.label == label]


def test_one_name_in_two_cities_stays_two_places():
    kb = resolve(
        [
            _doc("beijing", _m(EntityType.PLACE, "朝阳区", code="110105")),
            _doc("changchun", _m(EntityType.PLACE, "朝阳区", code="220104")),
        ]
    )
    places = _by_label(kb, "朝阳区")
    assert sorted(p.division_code for p in places) == ["110105", "220104"]
    parents = {r.subject: r.object for r in kb.relations if r.predicate is RelationType.PART_OF}
    assert parents["place/110105"] == "place/110000" and parents["place/220104"] == "place/220100"


def test_same_division_code_is_one_place_whatever_the_name():
    kb = resolve(
        [
            _doc("a", _m(EntityType.PLACE, "新余市", code="360500")),
            _doc("b", _m(EntityType.PLACE, "新余市", code="360500", text="新余")),
        ]
    )
    (place,) = [e for e in kb.entities.values() if e.division_code == "360500"]
    assert place.label == "新余市" and place.alt_labels == {"新余"}
    assert len(place.mentions) == 2


def test_local_agency_names_of_two_cities_stay_apart():
    local = [
        _doc("nanchang", _m(EntityType.AGENCY, "市民政局", place_code="360100")),
        _doc("jiujiang", _m(EntityType.AGENCY, "市民政局", place_code="360400")),
        _doc("nanchang-2", _m(EntityType.AGENCY, "市民政局", place_code="360100")),
        _doc("nowhere", _m(EntityType.AGENCY, "市民政局")),
        _doc("nowhere-2", _m(EntityType.AGENCY, "市民政局")),
    ]
    kb = resolve(local)
    agencies = _by_label(kb, "市民政局")
    # one per city named around it, one per document where no place is known
    assert len(agencies) == 4
    assert sorted(len(a.mentions) for a in agencies) == [1, 1, 1, 2]


def test_full_names_and_aliases_merge_across_documents():
    kb = resolve(
        [
            _doc("a", _m(EntityType.AGENCY, "民政部"), _m(EntityType.AGENCY, "江西省民政厅", 10)),
            _doc("b", _m(EntityType.AGENCY, "中华人民共和国民政部"), _m(EntityType.AGENCY, "江西省民政厅", 10)),
            _doc("c", _m(EntityType.POLICY, "《关于推进养老服务发展的意见》")),
            _doc("d", _m(EntityType.POLICY, "关于推进养老服务发展的意见")),
            _doc("e", _m(EntityType.PROGRAM, "党建+颐养之家")),
            _doc("f", _m(EntityType.PROGRAM, "党建＋颐养之家")),  # full-width plus: one name after NFKC
        ]
    )
    (ministry,) = _by_label(kb, "民政部")
    assert ministry.alt_labels == {"中华人民共和国民政部"}
    assert len(_by_label(kb, "江西省民政厅")) == 1
    assert len([e for e in kb.entities.values() if e.type is EntityType.POLICY]) == 1
    assert len([e for e in kb.entities.values() if e.type is EntityType.PROGRAM]) == 1


def test_targets_stay_with_their_document():
    same = _m(EntityType.TARGET, "3600个", 5)
    kb = resolve([_doc("a", same), _doc("b", same)])
    targets = [e for e in kb.entities.values() if e.type is EntityType.TARGET]
    assert sorted(t.key for t in targets) == ["target/a/5", "target/b/5"]


def test_streaming_merge_keeps_what_a_full_merge_shares():
    docs = [
        _doc(
            f"d{i}",
            _m(EntityType.POLICY, "关于推进养老服务发展的意见"),
            _m(EntityType.AGENCY, "民政部", 30),
            _m(EntityType.TARGET, "12个", 60),
            _m(EntityType.PLACE, "新余市", 80, code="360500"),
            relations=[RelationCandidate(0, RelationType.ISSUED_BY, 1, 0, 50)],
        )
        for i in range(3)
    ]
    full, light = Resolver(), Resolver(keep_details=False)
    for ex in docs:
        part = resolve_document(ex)
        full.merge(part)
        light.merge(shared_part(part))
    fkb, lkb = full.result(), light.result()
    shared = {k for k, e in fkb.entities.items() if e.type is not EntityType.TARGET}
    assert set(lkb.entities) == shared
    assert all(not e.mentions for e in lkb.entities.values())
    assert [(r.subject, r.object, bool(r.evidence)) for r in lkb.relations] == [
        (r.subject, r.object, bool(r.evidence)) for r in fkb.relations
    ]
    issued = [r for r in fkb.relations if r.predicate is RelationType.ISSUED_BY]
    assert len(issued) == 1 and len(issued[0].evidence) == 3


def _entities(g: Graph) -> dict[str, set]:
    return {cls: set(g.subjects(RDF.type, MZ[cls])) for cls in CORE}


def test_dev_report_with_other_reports_adds_up(corpus_master):
    """One 民政部, one place per division code, no duplicate names within a type, and every
    entity of the corpus graph is one of the single-document graphs' entities."""
    paths = sorted(corpus_master.rglob("*.txt"))
    whole = build([corpus_master]).graph
    singles = [build([p]).graph for p in paths]
    ents = _entities(whole)

    ministries = [e for e in ents["Agency"] if (e, RDFS.label, Literal("民政部", lang="zh")) in whole]
    assert len(ministries) == 1
    assert sum(1 for g in singles if (None, RDFS.label, Literal("民政部", lang="zh")) in g) >= 2

    by_code = defaultdict(set)
    for place, code in whole.subject_objects(MZ.divisionCode):
        by_code[str(code)].add(place)
    assert by_code and all(len(p) == 1 for p in by_code.values())

    for cls in ("Agency", "Policy", "Program", "AdministrativeArea"):
        by_label = defaultdict(set)
        for e in ents[cls]:
            by_label[normalise(str(whole.value(e, RDFS.label)))].add(e)
        for label, members in by_label.items():
            if len(members) == 1:
                continue
            # the only names shared by several entities are the ones kept apart on purpose
            if cls == "AdministrativeArea":
                codes = [whole.value(m, MZ.divisionCode) for m in members]
                assert None not in codes and len(set(codes)) == len(codes), label
            else:
                assert cls == "Agency" and is_relative_agency(label), (cls, label)

    for cls in CORE:
        union = set().union(*(_entities(g)[cls] for g in singles))
        assert ents[cls] == union, cls
    assert len(ents["Target"]) == sum(len(_entities(g)["Target"]) for g in singles)


def test_a_figure_without_a_place_of_its_own_is_where_its_program_is():
    program = _m(EntityType.PROGRAM, "颐养之家", 0, place_code="360500")
    placed = _m(EntityType.TARGET, "736个", 10, place_code="360000")  # the text puts this one in the province
    unplaced = _m(EntityType.TARGET, "414个", 20)
    has = RelationType.HAS_TARGET
    kb = resolve_document(
        _doc(
            "d",
            program,
            placed,
            unplaced,
            relations=[RelationCandidate(0, has, 1, 0, 50), RelationCandidate(0, has, 2, 0, 50)],
        )
    )
    located = {(r.subject, r.object) for r in kb.relations if r.predicate is RelationType.LOCATED_IN}
    assert ("target/d/10", "place/360000") in located and ("target/d/10", "place/360500") not in located
    assert ("target/d/20", "place/360500") in located
    [rel] = [r for r in kb.relations if r.subject == "target/d/20" and r.predicate is RelationType.LOCATED_IN]
    assert [(e.start, e.end) for e in rel.evidence] == [(0, 50)]  # the sentence tying figure and program


def test_stats_and_the_targets_by_place_question_put_each_figure_in_the_same_place(dev_graph_path):
    from mzgraph import load
    from mzgraph.analytics.stats import graph_stats, open_graph

    answer = load(dev_graph_path).ready("targets-by-place")
    per_place = answer.groupby("place").size().to_dict()
    places = graph_stats(open_graph(dev_graph_path)).places
    assert {p["label"]: p["targets"] for p in places if p["targets"]} == per_place == {"江西省": 22, "新余市": 4}
