"""Targets: values fully expanded, units, qualifiers, years; what is not a target."""

from decimal import Decimal

from mzgraph.extract.quantities import chinese_number
from mzgraph.model import EntityType

from .helpers import run

T = EntityType.TARGET


def targets(text: str):
    return [m.quantity for m in run(text).mentions if m.type is T]


def test_expanded_values_and_units():
    qs = targets("2020年，全省救助困难群众35.6万名，发放资金12.08亿元，覆盖率达到98.5%，建成床位2,350张。")
    assert [(q.value, q.unit) for q in qs] == [
        (Decimal(356000), "人"),
        (Decimal(1208000000), "元"),
        (Decimal("98.5"), "%"),
        (Decimal(2350), "张"),
    ]
    assert {q.year for q in qs} == {2020}


def test_qualifiers():
    qs = targets("惠及群众近30万人，服务超过500万人次，培训社工2000余名，覆盖80%以上的村。")
    assert [q.qualifier for q in qs] == ["approximately", "more-than", "more-than", "at-least"]
    assert [q.value for q in qs] == [300000, 5000000, 2000, 80]


def test_chinese_numerals():
    assert chinese_number("二十四") == 24
    assert chinese_number("一百零五") == 105
    assert chinese_number("三千") == 3000
    assert [q.value for q in targets("全市建成一百二十个幸福院。")] == [120]


def test_not_targets():
    text = (
        "第十五次全省民政会议于2021年3月5日召开，省民政厅等8部门、省财政厅联合13个部门参加，"
        "60岁以上老人，两项制度衔接，五级书记抓落实，县委十三届九次全会。"
    )
    assert targets(text) == []


def test_figures_in_titles_and_names_are_not_targets():
    assert targets("印发《关于做好2022年十项民生实事的通知》，推广“15分钟养老服务圈”。") == []


def test_indicator_and_baseline_year():
    (q,) = targets("2021年，全区遗体火化率达96.2%。")
    assert q.indicator == "遗体火化率"
    assert q.year == 2021
    (q,) = targets("较2019年提升了12.5%。")
    assert q.year is None


def test_bare_counts_in_wan():
    qs = targets("截至2022年底，全国共有1936万困难群众纳入低保，60周岁以上老年人达到2.8亿。")
    assert [(q.value, q.unit) for q in qs] == [(Decimal(19360000), "人"), (Decimal(280000000), "人")]


def test_bare_counts_beside_figures_in_wan():
    # the 万 of a figure with a unit (1.2万张) starts no bare count; a bare count right after
    # one, or with digits and commas (1,936万), is read
    qs = targets("新增床位1.2万张、1,936万困难群众纳入低保，3.5万张5万户家庭受益，老年人达到2200多万。")
    assert [(q.value, q.unit, q.qualifier) for q in qs] == [
        (Decimal(12000), "张", None),
        (Decimal(19360000), "人", None),
        (Decimal(35000), "张", None),
        (Decimal(50000), "户", None),
        (Decimal(22000000), "人", "more-than"),
    ]


def test_rates_and_vague_amounts_are_not_figures():
    assert [q.value for q in targets("每千名老年人拥有床位35张，数十个县、上千人参与。")] == [35]


def test_more_than_before_the_multiplier():
    (q,) = targets("惠及困难群众10余万人。")
    assert (q.value, q.qualifier) == (100000, "more-than")


def test_indicator_carries_over_to_a_comparison():
    qs = targets("全省遗体火化率达96.2%，较2019年提升了12.5%。")
    assert [q.indicator for q in qs] == ["遗体火化率", "遗体火化率"]


def test_small_chinese_numeral_with_multiplier():
    assert [(q.value, q.qualifier) for q in targets("惠及群众两万余人。")] == [(20000, "more-than")]


def test_a_repeated_figure_is_one_target():
    text = "青海省建成互助幸福院520个\n2021年，青海省建成互助幸福院520个，覆盖率达到60%，残疾人康复服务覆盖率达到60%。"
    assert [q.value for q in targets(text)] == [520, 60, 60]


def _figures(text: str) -> list[tuple[float, str]]:
    from mzgraph.model import EntityType

    return [(float(m.quantity.value), m.quantity.unit) for m in run(text).mentions if m.type is EntityType.TARGET]


def test_article_and_chapter_counts_are_not_targets():
    assert _figures("《条例》共六章四十二条，自2024年3月1日起施行。") == []
    assert _figures("新修订的《办法》共6章42条。") == []


def test_how_often_one_thing_happened_is_not_a_target():
    assert _figures("今年开展了2次专项检查，全年累计培训120次。") == [(120.0, "次")]


def test_time_limits_are_targets_in_working_days():
    assert _figures("办理时限由45个工作日压缩至30个工作日。") == [(45.0, "工作日"), (30.0, "工作日")]
    assert _figures("急难救助审批时限压缩至24小时。") == [(24.0, "小时")]
    assert _figures("开通24小时服务热线。") == []


def test_approximations_in_words():
    assert _figures("对上千万名低收入人口开展动态监测。") == [(10000000.0, "人")]
    assert _figures("向上百万名老人发放消费券，上千人参加。") == [(1000000.0, "人")]
    assert _figures("分别惠及1200余万和1600余万残疾人。") == [(12000000.0, "人"), (16000000.0, "人")]


def test_an_extended_time_limit_and_one_persons_hours():
    ex = run("核对机构应当在收到委托之日起10个工作日内出具核对报告，情况复杂的可延长至20个工作日。")
    assert [(m.quantity.value, m.quantity.unit) for m in ex.mentions if m.type is T] == [
        (Decimal(10), "工作日"),
        (Decimal(20), "工作日"),
    ]
    # one volunteer's banked hours: a figure, but neither the district's nor the program's
    ex = run("南京市鼓楼区推行“时间银行”互助养老。志愿者陈秀英说，她在社区“时间银行”里已经攒下了420个小时的服务时长。")
    hours = [m for m in ex.mentions if m.type is T]
    assert [(m.quantity.value, m.quantity.unit, m.place_code) for m in hours] == [(Decimal(420), "小时", None)]
    assert not [r for r in ex.relations if r.object == ex.mentions.index(hours[0])]
