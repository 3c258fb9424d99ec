"""Programs: quoted names with head nouns, named reforms and campaigns."""

from mzgraph.model import EntityType, RelationType

from .helpers import names, relations, run

G = EntityType.PROGRAM


def test_quoted_names_without_generic_tails():
    text = "湖北省推行“村湾互助”模式，实施“银龄安康”工程，开展“敬老月”活动。"
    assert names(run(text), G) == ["村湾互助", "银龄安康", "敬老月"]


def test_quotes_that_are_not_programs():
    text = "“十四五”时期，坚持“一站式”服务，按照“应保尽保”原则，荣获“全国文明城市”称号。"
    assert names(run(text), G) == []


def test_reform_and_its_short_mentions_are_one_program():
    text = "2021年，福建省深入推进社会救助综合改革，全面推进社会救助改革落地。"
    assert names(run(text), G) == ["社会救助综合改革", "社会救助综合改革"]


def test_campaign_with_head():
    assert names(run("广西壮族自治区开展养老院服务质量专项行动。"), G) == ["养老院服务质量专项行动"]


def test_program_named_after_a_place_is_located_there():
    ex = run("2021年，浙江省总结推广了桐乡市“三治融合”经验。")
    place = {m.name: m.place_code for m in ex.mentions if m.type is G}
    assert place == {"三治融合": "330483"}


def test_program_figures():
    ex = run("重庆市实施“渝馨家园”工程，建成社区服务站1200个。")
    assert relations(ex, RelationType.HAS_TARGET) == {("渝馨家园", "1200个")}


def test_people_labels_and_metaphors_are_not_programs():
    text = "黑龙江省关爱“三留守”人员和“空巢”老人，打通服务群众“最后一公里”，推行“龙江颐养”服务。"
    assert names(run(text), G) == ["龙江颐养"]


def test_program_takes_the_place_of_its_clause():
    ex = run("2020年，江苏省全面推进养老服务。南京市开展“物质+服务”救助试点，苏州市推行“智慧养老”模式。")
    place = {m.name: m.place_code for m in ex.mentions if m.type is G}
    assert place == {"物质+服务": "320100", "智慧养老": "320500"}


def test_bodies_and_slogans_in_quotes_are_not_programs():
    text = "完成村“两委”换届，成立“红白理事会”，提出“让老年人过上幸福的晚年生活”，推广“积分超市”。"
    assert names(run(text), G) == ["积分超市"]


def test_ideas_and_zero_goals_are_not_programs():
    text = "坚持“民政为民、民政爱民”工作理念，确保“零事故”，推进“放管服”改革。"
    assert names(run(text), G) == ["放管服"]


def test_goal_idioms_are_not_programs():
    assert names(run("让特殊困难老人“老有所养”，推行“暖心守护”工程。"), G) == ["暖心守护"]


def test_quotes_need_evidence_of_being_a_name():
    text = (
        "“没想到这么快就办好了。”张大妈说。区里坚持“一个不漏”，做到“应救尽救”，"
        "把“温度”送到家门口。助餐是“小切口”，也是“家庭为基础”的体现。"
    )
    assert names(run(text), G) == []


def test_quotes_with_evidence_are_programs():
    text = "县民政局推行低保申请“掌上办”，在全县推进“长者驿站”“老年课堂”建设，建成“爱心餐厅”36家，打造“党建+邻里”品牌。"
    assert names(run(text), G) == ["掌上办", "长者驿站", "老年课堂", "爱心餐厅", "党建+邻里"]


def test_a_quote_used_twice_is_a_name():
    text = "“邻里帮”走进社区。截至目前，“邻里帮”已服务老人3000人次。"
    assert names(run(text), G) == ["邻里帮", "邻里帮"]


def test_named_pilots_and_actions_without_quotes():
    text = "国家医保局稳步推进长期护理保险制度试点，支持308个地市开展居家和社区基本养老服务提升行动。"
    assert names(run(text), G) == ["长期护理保险制度试点", "居家和社区基本养老服务提升行动"]
    # a pilot city or a plan for the action is not the program
    assert names(run("推进改革试点城市建设，印发提升行动方案。"), G) == []


def test_small_big_figure_of_speech_is_not_a_program():
    # a headline opening with a quote is evidence, but not “小X” set against a 大Y
    assert names(run("南岗区：“小网格”里的大民生\n\n南岗区推进社会救助。"), G) == []


def test_a_service_point_name_is_a_program_without_a_verb():
    ex = run("哈尔滨市南岗区已购买社会工作服务项目42个，“爱心驿站”覆盖全部18个街道。")
    assert names(ex, G) == ["爱心驿站"]


def test_a_pilot_named_after_our_province():
    ex = run("辽宁省医保局副局长介绍，我省长期护理保险制度试点已由盘锦市扩大到沈阳、大连等6市。")
    assert names(ex, G) == ["长期护理保险制度试点"]


def test_parallel_phrasing_is_a_name_only_before_a_campaign_noun():
    assert names(run("一是推进“跨部门、跨层级”信息共享，民政部门可依法查询。"), G) == []
    assert names(run("四川省深入开展“不漏一户、不落一人”排查行动。"), G) == ["不漏一户、不落一人"]


def test_an_own_level_word_alone_names_no_pilot():
    # 全省 before a generic phrase and a tail that belongs to a document is not a pilot
    assert names(run("全省推进改革试点方案的落实。"), G) == []
    assert names(run("本市居家社区养老服务改革试点已覆盖全部街道。"), G) == ["居家社区养老服务改革试点"]
