"""Agencies: central bodies and local bodies resolved against the place context."""

from mzgraph.model import EntityType, RelationType

from .helpers import names, relations, run

A = EntityType.AGENCY


def test_local_bodies_take_the_province_of_the_report():
    ex = run("2021年，河北省民政系统扎实工作。省委、省政府出台意见，省民政厅抓好落实。")
    assert names(ex, A) == ["河北省委", "河北省政府", "河北省民政厅"]


def test_city_body_in_a_city_section():
    text = "2020年，山东省民政厅推进改革。\n济宁市：推进“幸福院+周转房”\n市委、市政府高度重视，市民政局牵头推进。"
    assert names(run(text), A) == ["山东省民政厅", "济宁市委", "济宁市政府", "济宁市民政局"]


def test_central_bodies_and_their_place():
    ex = run("民政部、国家发展和改革委员会、人力资源和社会保障部联合印发通知。")
    found = {m.name: m.place_code for m in ex.mentions if m.type is A}
    assert found == {"民政部": "100000", "国家发展改革委": "100000", "人力资源社会保障部": "100000"}


def test_general_words_are_not_bodies():
    ex = run("福建省各级民政部门要加强指导，各市民政局按月报送，城市社区党委发挥作用，政府购买服务。")
    assert names(ex, A) == []


def test_unresolvable_level_word_is_left_out():
    assert names(run("市委、市政府高度重视。"), A) == []


def test_county_bodies():
    ex = run("2022年，安徽省歙县县委、县政府召开会议，县民政局、县财政局参加。")
    assert names(ex, A) == ["歙县县委", "歙县县政府", "歙县民政局", "歙县财政局"]


def test_joint_issuers_each_issue():
    text = "2019年，云南省民政厅会同省财政厅、省卫生健康委印发《云南省特困人员认定办法》。"
    rel = relations(run(text), RelationType.ISSUED_BY)
    assert rel == {
        ("云南省特困人员认定办法", "云南省民政厅"),
        ("云南省特困人员认定办法", "云南省财政厅"),
        ("云南省特困人员认定办法", "云南省卫生健康委"),
    }


def test_lead_body_of_n_departments():
    text = "2019年，贵州省民政厅等7部门联合印发《关于加强农村留守儿童关爱保护的意见》。"
    rel = relations(run(text), RelationType.ISSUED_BY)
    assert rel == {("关于加强农村留守儿童关爱保护的意见", "贵州省民政厅")}


def test_autonomous_region_bodies():
    text = "2021年，广西壮族自治区民政厅认真落实区党委、区政府部署，自治区民政厅牵头推进。"
    assert names(run(text), A) == [
        "广西壮族自治区民政厅",
        "广西壮族自治区党委",
        "广西壮族自治区政府",
        "广西壮族自治区民政厅",
    ]


def test_government_after_its_committee():
    text = "2021年，内蒙古自治区民政厅在自治区党委、政府的领导下开展工作。"
    assert names(run(text), A) == ["内蒙古自治区民政厅", "内蒙古自治区党委", "内蒙古自治区政府"]


def test_one_body_one_name_in_a_document():
    text = "2020年，福建省人民政府召开常务会议，省政府主要领导出席，省卫生健康委员会和省卫生健康委参加。"
    assert names(run(text), A) == ["福建省人民政府", "福建省人民政府", "福建省卫生健康委员会", "福建省卫生健康委员会"]


def test_level_word_after_a_named_body():
    text = "2019年，江西省民政工作稳步推进，上饶市委、市政府高度重视殡葬改革。"
    assert names(run(text), A) == ["上饶市委", "上饶市政府"]


def test_level_word_after_a_place_in_the_same_sentence():
    text = "2022年，贵州省黔东南州推进探访关爱。\n在雷山县，县民政局组建探访队伍36支。"
    assert "雷山县民政局" in names(run(text), A)


def test_abbreviated_central_bodies():
    ex = run("国新办举行发布会，国家卫健委、中央农办、国家医保局和中国残联有关负责人出席。")
    assert names(ex, A) == ["国务院新闻办公室", "国家卫生健康委", "中央农办", "国家医保局", "中国残联"]


def test_public_institutions_under_a_place():
    text = "甘肃省临夏县民政局介绍，县社会福利服务中心新增床位80张，县就业服务中心开发岗位200个，县残疾人联合会配合。"
    assert names(run(text), A) == ["临夏县民政局", "临夏县社会福利服务中心", "临夏县就业服务中心", "临夏县残疾人联合会"]


def test_a_department_named_by_its_sector():
    assert names(run("山西省民政厅召开会议。省民政部门会同省卫生健康部门开展排查。"), A) == [
        "山西省民政厅",
        "山西省民政厅",
        "山西省卫生健康委",
    ]
    assert names(run("2024年，湖北省通城县推进救助。县民政部门会同县医保部门比对数据。"), A) == [
        "通城县民政局",
        "通城县医保局",
    ]
    # departments in general name no one
    assert names(run("河南省各地民政部门、县级民政部门要加强指导。"), A) == []


def test_a_government_press_office():
    ex = run("四川省人民政府新闻办公室举行新闻发布会。省政府新闻办主持。")
    assert names(ex, A) == ["四川省人民政府新闻办公室", "四川省人民政府新闻办公室"]


def test_a_county_welfare_centre_is_a_body():
    ex = run("湘西土家族苗族自治州花垣县推进农村互助养老。县社会福利中心的医护人员每月进村巡诊一次。")
    assert names(ex, A) == ["花垣县社会福利中心"]
