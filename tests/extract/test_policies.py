"""Policies: titles in 《》, named plans, titles after their issuers."""

from mzgraph.model import EntityType, RelationType

from .helpers import names, relations, run

P = EntityType.POLICY


def test_titles_but_not_plays_books_or_newspapers():
    text = "陕西省落实《陕西省社会救助条例》，组织观看话剧《老家》，出版《陕西民政志》一书，在《陕西日报》刊发文章。"
    assert names(run(text), P) == ["陕西省社会救助条例"]


def test_named_plan_after_issuing_verb():
    text = "2020年，甘肃省政府出台了农村养老服务“三年提升计划”，省民政厅制定了养老机构等级评定标准。"
    ex = run(text)
    assert names(ex, P) == ["农村养老服务三年提升计划", "养老机构等级评定标准"]
    assert relations(ex, RelationType.ISSUED_BY) == {
        ("农村养老服务三年提升计划", "甘肃省政府"),
        ("养老机构等级评定标准", "甘肃省民政厅"),
    }


def test_generic_instruments_are_not_named():
    assert names(run("各地出台了一系列政策措施，并印发实施方案。"), P) == []


def test_title_issuers_before_guanyu():
    ex = run("贯彻《国务院办公厅关于推进养老服务发展的意见》。")
    assert relations(ex, RelationType.ISSUED_BY) == {("国务院办公厅关于推进养老服务发展的意见", "国务院办公厅")}


def test_notice_title_without_brackets():
    ex = run("民政部 财政部关于进一步做好困难群众基本生活保障工作的通知\n各省、自治区民政厅：")
    assert names(ex, P) == ["关于进一步做好困难群众基本生活保障工作的通知"]
    assert len(relations(ex, RelationType.ISSUED_BY)) == 2


def test_possessive_issuers():
    text = "2018年，宁夏回族自治区全面落实自治区党委、自治区政府《关于加强养老服务体系建设的意见》。"
    rel = relations(run(text), RelationType.ISSUED_BY)
    assert {o for _, o in rel} == {"宁夏回族自治区党委", "宁夏回族自治区政府"}


def test_year_from_title():
    ex = run("印发《青海省养老服务发展规划(2021-2025年)》。")
    assert [m.year for m in ex.mentions if m.type is P] == [2021]


def test_issuer_of_a_transmittal_notice():
    text = "吉林省民政厅关于印发《吉林省养老机构管理办法》的通知\n各市（州）民政局："
    rel = relations(run(text), RelationType.ISSUED_BY)
    assert ("吉林省养老机构管理办法", "吉林省民政厅") in rel


def test_short_back_references_are_not_new_policies():
    assert names(run("印发《西藏自治区社会救助办法》，《办法》明确了救助范围。"), P) == ["西藏自治区社会救助办法"]


def test_named_measures_with_a_modifier_clause():
    ex = run("2021年，海南省政府出台支持社会力量参与养老服务的若干措施，各地出台了新的办法。")
    assert names(ex, P) == ["支持社会力量参与养老服务的若干措施"]


def test_a_list_of_titles_shares_its_issuer():
    text = "2020年，辽宁省民政厅先后出台了《辽宁省临时救助办法》《辽宁省低保审核确认办法》等文件。"
    rel = relations(run(text), RelationType.ISSUED_BY)
    assert rel == {("辽宁省临时救助办法", "辽宁省民政厅"), ("辽宁省低保审核确认办法", "辽宁省民政厅")}


def test_issuer_is_the_body_an_earlier_clause_opens_with():
    from mzgraph.model import RelationType

    from .helpers import relations

    ex = run("去年以来，浙江省民政厅深入贯彻落实《浙江省养老服务条例》，会同有关部门印发《浙江省基本养老服务清单》。")
    assert relations(ex, RelationType.ISSUED_BY) == {("浙江省基本养老服务清单", "浙江省民政厅")}
    ex = run("今年浙江省财政厅将会同省民政厅出台《浙江省养老服务补助资金管理办法》。")
    assert relations(ex, RelationType.ISSUED_BY) == {
        ("浙江省养老服务补助资金管理办法", "浙江省财政厅"),
        ("浙江省养老服务补助资金管理办法", "浙江省民政厅"),
    }


def test_pressing_for_a_law_is_not_issuing_it():
    ex = run("民政部将会同有关部门继续深化社会救助制度改革，推动出台《社会救助法》。")
    assert relations(ex, RelationType.ISSUED_BY) == set()


def test_a_relative_clause_names_no_issuer():
    ex = run(
        "2024年3月，陕西省民政厅、省财政厅联合印发修订后的《陕西省最低生活保障审核确认办法》，"
        "2021年印发的《陕西省最低生活保障审核确认实施细则》同时废止。"
    )
    assert relations(ex, RelationType.ISSUED_BY) == {
        ("陕西省最低生活保障审核确认办法", "陕西省民政厅"),
        ("陕西省最低生活保障审核确认办法", "陕西省财政厅"),
    }


def test_the_joined_bodies_of_an_earlier_clause_issue_together():
    ex = run(
        "光山县民政局会同县财政局实施农村养老服务提升工程，2024年6月印发《光山县农村互助养老幸福院建设运营实施方案》。"
    )
    assert relations(ex, RelationType.ISSUED_BY) == {
        ("光山县农村互助养老幸福院建设运营实施方案", "光山县民政局"),
        ("光山县农村互助养老幸福院建设运营实施方案", "光山县财政局"),
    }
