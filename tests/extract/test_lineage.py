"""When a policy was issued (mz:issued) and which instrument it implements, follows or revises (mz:basedOn)."""

import pytest

from mzgraph.extract import extract
from mzgraph.extract.dates import find_dates, parse_iso
from mzgraph.model import DocumentMetadata, EntityType, PartialDate, RelationType, SourceDocument

from .helpers import relations, run


def issued(text: str, date: str | None = None, title: str | None = None) -> dict[str, str | None]:
    doc = SourceDocument("t", "t.txt", text, DocumentMetadata(title=title, date=date))
    ex = extract(doc)
    return {m.name: m.issued.iso if m.issued else None for m in ex.mentions if m.type is EntityType.POLICY}


@pytest.mark.parametrize(
    "text,date,want",
    [
        ("2024年3月15日，民政部印发《关于加强养老服务的意见》，要求各地落实。", None, "2024-03-15"),
        ("2023年，省民政厅会同省财政厅出台《低保审核确认办法》。", None, "2023"),
        ("《社会救助条例》于2022年6月由省人大常委会审议通过。", None, "2022-06"),
        ("民政部于2021年8月印发了《特困人员认定办法》。", None, "2021-08"),
        # relative to the document's date
        ("今年3月，市民政局印发《居家养老服务补贴办法》。", "2024-05-20", "2024-03"),
        ("近日，民政部印发《关于做好冬春救助工作的通知》。", "2023-11-08", "2023-11"),
        ("去年，县政府出台《困难群众救助实施方案》。", "2022-01-10", "2021"),
        # a period or a deadline is not the day of issue
        ("2019年以来，省民政厅先后出台《养老机构管理办法》。", None, None),
        ("到2025年，落实《养老服务体系建设规划》。", None, None),
        # no date that the text ties to the issuing
        ("省民政厅出台《养老机构等级评定办法》，2021年全省建成床位1200张。", None, None),
        # a relative date with no document date stays unknown
        ("今年3月，市民政局印发《居家养老服务补贴办法》。", None, None),
    ],
)
def test_issued_from_the_sentence(text, date, want):
    (got,) = issued(text, date).values()
    assert got == want


def test_issued_of_the_instrument_the_title_line_names_is_the_document_date():
    text = "民政部关于推进农村养老服务高质量发展的通知\n各省、自治区、直辖市民政厅：\n现就有关事项通知如下。"
    assert issued(text, "2022-06-30") == {"关于推进农村养老服务高质量发展的通知": "2022-06-30"}
    text = "民政部印发《关于加强养老服务的意见》\n本报讯 民政部日前印发通知。"
    assert issued(text, "2023-02-01") == {"关于加强养老服务的意见": "2023-02-01"}
    # a headline that only talks about an instrument says nothing of when it was issued
    assert issued("解读《社会救助法》\n专家谈社会救助立法。", "2023-02-01") == {"社会救助法": None}


def test_dates_resolve_relative_years_from_the_document_date():
    text = "今年3月15日，去年，明年，2020年6月，7月1日，近日"
    got = [(text[d.start : d.end], d.date.iso) for d in find_dates(text, PartialDate(2024, 5, 20))]
    assert got == [
        ("今年3月15日", "2024-03-15"),
        ("去年", "2023"),
        ("明年", "2025"),
        ("2020年6月", "2020-06"),
        ("7月1日", "2024-07-01"),
        ("近日", "2024-05"),
    ]
    assert [d.date.iso for d in find_dates(text, None)] == ["2020-06"]
    assert parse_iso("2019-12-25") == PartialDate(2019, 12, 25) and parse_iso("2019") == PartialDate(2019)
    assert parse_iso("12/25/2019") is None


def test_relative_year_of_a_figure_comes_from_the_document_date():
    doc = SourceDocument(
        "t", "t.txt", "今年全省建成养老床位1200张，比去年增加300张。", DocumentMetadata(date="2024-12-01")
    )
    years = {m.quantity.value: m.quantity.year for m in extract(doc).mentions if m.quantity}
    assert years == {1200: 2024, 300: 2024}


def based_on(text: str, title: str | None = None) -> set[tuple[str, str]]:
    return relations(run(text, title), RelationType.BASED_ON)


@pytest.mark.parametrize(
    "text,want",
    [
        (
            "根据《社会救助暂行办法》和《民政部关于加强低保工作的意见》，省民政厅制定了《江西省低保实施办法》。",
            {("江西省低保实施办法", "社会救助暂行办法"), ("江西省低保实施办法", "民政部关于加强低保工作的意见")},
        ),
        (
            "全面贯彻落实国务院办公厅《关于推进养老服务发展的意见》，省政府出台《养老服务实施意见》。",
            {("养老服务实施意见", "关于推进养老服务发展的意见")},
        ),
        ("《养老机构管理办法》根据《老年人权益保障法》制定。", {("养老机构管理办法", "老年人权益保障法")}),
        ("新《社会救助条例》对《社会救助暂行办法》进行了全面修订。", {("社会救助条例", "社会救助暂行办法")}),
        # two instruments in one sentence with no stated link
        ("省民政厅印发《低保办法》和《特困供养办法》。", set()),
        # the cue governs something else: 根据工作需要
        ("根据工作需要，省民政厅印发《低保办法》，落实《特困供养办法》。", set()),
        # an issuing verb between the cue and the title: the title is what was issued
        ("根据有关规定制定《殡葬管理办法》，并印发《公墓管理细则》。", set()),
        # each derived instrument on its own basis
        (
            "根据《殡葬管理条例》制定《殡葬实施细则》，根据《救助管理条例》制定《救助实施细则》。",
            {("殡葬实施细则", "殡葬管理条例"), ("救助实施细则", "救助管理条例")},
        ),
    ],
)
def test_based_on_in_one_sentence(text, want):
    assert based_on(text) == want


def test_the_text_of_an_instrument_is_based_on_what_it_implements():
    text = (
        "民政部关于推进农村养老服务高质量发展的通知\n"
        "为贯彻落实《国务院办公厅关于推进养老服务发展的意见》，现就有关事项通知如下。\n"
    )
    assert based_on(text) == {("关于推进农村养老服务高质量发展的通知", "国务院办公厅关于推进养老服务发展的意见")}
    # a news report that mentions the same sentence shape is not an instrument
    news = "养老服务稳步推进\n为贯彻落实《国务院办公厅关于推进养老服务发展的意见》，各地加大投入。\n"
    assert based_on(news) == set()


def test_based_on_has_its_sentence_as_evidence():
    text = "省民政厅做好救助。根据《社会救助暂行办法》，省民政厅制定了《低保实施办法》。"
    ex = run(text)
    (rel,) = [r for r in ex.relations if r.predicate is RelationType.BASED_ON]
    assert text[rel.sentence_start : rel.sentence_end] == "根据《社会救助暂行办法》，省民政厅制定了《低保实施办法》。"


def test_a_revised_instrument_issued_later_in_the_sentence():
    text = (
        "国家卫健委对2019年印发的《医养结合机构服务指南（试行）》进行修订，"
        "今年6月发布《医养结合机构服务指南（2025年版）》。"
    )
    assert based_on(text) == {("医养结合机构服务指南（2025年版）", "医养结合机构服务指南（试行）")}


def test_an_instrument_signed_with_a_date_line_and_same_year_dates():
    text = (
        "江苏省民政厅关于做好困难群众救助工作的通知\n"
        "各设区市民政局：\n根据《江苏省社会救助办法》，现就有关事项通知如下。\n"
        "江苏省民政厅\n2026年1月6日\n"
    )
    assert issued(text) == {"关于做好困难群众救助工作的通知": "2026-01-06", "江苏省社会救助办法": None}
    text = (
        "2025年4月，民政部印发《关于加强农村养老服务的意见》。江苏省民政厅于同年7月出台《江苏省农村养老服务行动方案》。"
    )
    assert issued(text) == {"关于加强农村养老服务的意见": "2025-04", "江苏省农村养老服务行动方案": "2025-07"}


def test_an_earlier_instrument_named_with_its_year_is_not_the_new_one():
    ex = run(
        "根据《社会救助暂行办法》，我们在总结2014年印发的《社会救助家庭经济状况核对工作规程》实施经验的基础上，"
        "制定了《社会救助家庭经济状况核对办法》。"
    )
    assert relations(ex, RelationType.BASED_ON) == {("社会救助家庭经济状况核对办法", "社会救助暂行办法")}


def test_relative_dates_from_the_source_lines_date():
    # read_document moves 来源：安徽日报 2025年6月23日 into metadata.source; 今年 is 2025
    doc = SourceDocument(
        "t",
        "t.txt",
        "今年3月，金寨县政府办公室印发《金寨县困难群众救助工作方案》。",
        DocumentMetadata(source="安徽日报 2025年6月23日"),
    )
    ex = extract(doc)
    assert [m.issued.iso for m in ex.mentions if m.type is EntityType.POLICY] == ["2025-03"]


def test_a_document_number_gives_the_year_of_issue():
    text = "根据《海南省社会救助条例》和《海南省临时救助办法》（琼府〔2021〕15号），现就有关事项通知如下。"
    assert issued(text) == {"海南省社会救助条例": None, "海南省临时救助办法": "2021"}


def test_every_run_of_bases_before_the_issuing_verb():
    text = (
        "为贯彻落实《关于改革完善社会救助制度的意见》，根据《社会救助暂行办法》和民政部《最低生活保障审核确认办法》，"
        "2024年3月，省民政厅、省财政厅联合印发修订后的《陕西省最低生活保障审核确认办法》。"
    )
    assert based_on(text) == {
        ("陕西省最低生活保障审核确认办法", "关于改革完善社会救助制度的意见"),
        ("陕西省最低生活保障审核确认办法", "社会救助暂行办法"),
        ("陕西省最低生活保障审核确认办法", "最低生活保障审核确认办法"),
    }
