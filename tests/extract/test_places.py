"""Places, short names and scope, on sentences written for these tests."""

from mzgraph.model import EntityType

from .helpers import located, names, run

P = EntityType.PLACE


def test_full_names_and_codes():
    ex = run("2021年，湖南省长沙市望城区新建养老服务中心12个。")
    codes = {m.name: m.division_code for m in ex.mentions if m.type is P}
    assert codes == {"湖南省": "430000", "长沙市": "430100", "望城区": "430112"}


def test_short_names_only_in_context():
    # 株洲 lies in the report's province (湖南), so its short name counts
    assert "株洲市" in names(run("湖南省民政厅介绍，株洲探索“银发驿站”模式。"), P)
    # outside any province context a city's short name is left alone
    assert names(run("株洲探索“银发驿站”模式。"), P) == []


def test_province_short_name():
    assert names(run("回望2020·湖南篇：湖南扎实推进民政事业。"), P) == ["湖南省", "湖南省"]


def test_two_character_county_needs_a_boundary():
    text = "河南省确定30个示范县，范县、滑县入选。"
    assert names(run(text), P) == ["河南省", "范县", "滑县"]


def test_ambiguous_district_follows_its_parent():
    ex = run("北京市朝阳区与吉林省长春市朝阳区交流经验。")
    codes = [m.division_code for m in ex.mentions if m.type is P and m.name == "朝阳区"]
    assert codes == ["110105", "220104"]


def test_autonomous_prefecture_short_form():
    ex = run("四川省召开会议。\n凉山州：推进移风易俗\n凉山州全面推行“一约四会”，覆盖群众35万人。")
    assert set(names(ex, P)) == {"四川省", "凉山彝族自治州"}
    assert located(ex, EntityType.TARGET)["35万人"] == "513400"


def test_heading_scopes_following_paragraphs():
    text = (
        "2022年，广东省民政厅扎实推进民政工作，全省新增养老床位8000张。\n"
        "佛山市：打造“佛山颐养”品牌\n"
        "佛山市建成长者饭堂320个。\n"
        "韶关市:推进殡葬改革\n"
        "全市建成公益性公墓45处。\n"
    )
    ex = run(text)
    where = located(ex, EntityType.TARGET)
    assert where == {"8000张": "440000", "320个": "440600", "45处": "440200"}
    assert located(ex, EntityType.PROGRAM)["佛山颐养"] == "440600"


def test_national_scope():
    text = "民政部关于做好2023年冬春救助工作的通知\n全国共保障低保对象4000万人。"
    assert located(run(text), EntityType.TARGET)["4000万人"] == "100000"


def test_bingtuan_is_not_a_place():
    assert names(run("新疆生产建设兵团民政局印发通知。"), P) == []


def test_paragraph_subject_scopes_its_paragraph():
    text = (
        "2022年，湖北省武汉市民政工作稳步推进。\n"
        "【江汉区】打造养老服务圈\n"
        "江汉区建成养老服务中心13个。\n"
        "此外，市民政局全年办理婚姻登记10.2万对。\n"
    )
    where = located(run(text), EntityType.TARGET)
    assert where == {"13个": "420103", "10.2万对": "420100"}


def test_institutions_are_not_places():
    assert names(run("山东省组织山东大学、青岛日报参与调研，青岛市积极配合。"), P) == ["山东省", "青岛市"]


def test_title_with_short_names_gives_the_narrowest_place():
    text = "浙江湖州：“三治融合”助力基层治理\n近年来，浙江省湖州市全面推广“三治融合”，建成示范村120个。"
    ex = run(text, title="浙江湖州：“三治融合”助力基层治理")
    assert located(ex, EntityType.TARGET)["120个"] == "330500"


def test_sibling_city_named_as_subject_and_league():
    text = (
        "2021年，内蒙古自治区民政工作稳步推进。\n"
        "鄂尔多斯市建成养老服务机构86家。锡林郭勒盟探索“互助养老”模式，在全盟建成互助养老点210个。\n"
    )
    ex = run(text)
    assert located(ex, EntityType.TARGET) == {"86家": "150600", "210个": "152500"}
    assert located(ex, EntityType.PROGRAM) == {"互助养老": "152500"}


def test_name_whose_suffix_starts_another_word():
    assert names(run("2022年，江苏省新建区域性养老服务中心8所。"), P) == ["江苏省"]
    assert names(run("江西省南昌市新建区新建养老院2所。"), P) == ["江西省", "南昌市", "新建区"]


def test_scope_at_a_reset_section_start():
    # a numbered heading hands the text back to the default place, which may be none
    text = "各地要抓好落实。\n长沙市：推进改革\n建成站点12个。\n二、下一步工作\n新增床位300张。"
    where = located(run(text), EntityType.TARGET)
    assert where["12个"] == "430100"


def test_heading_forms():
    text = (
        "2021年，陕西省民政厅推进各项工作。\n"
        "■ 西安市——打造“长安颐养”品牌\n"
        "全市建成站点45个。\n"
        "【宝鸡】推进殡葬改革\n"
        "全市建成公墓12处。\n"
        "延安市 探索互助养老\n"
        "全市建成幸福院300所。\n"
    )
    where = located(run(text), EntityType.TARGET)
    assert where == {"45个": "610100", "12处": "610300", "300所": "610600"}


def test_a_common_word_that_is_a_far_away_county_is_not_a_place():
    # 会同 (together with) + 县财政局 in a Henan report: not 会同县 of Hunan
    ex = run("河南省兰考县推进养老服务。县民政局会同县财政局印发方案，县民政部门会同县残联走访。")
    assert names(ex, P) == ["河南省", "兰考县"]
    assert names(ex, EntityType.AGENCY) == ["兰考县民政局", "兰考县财政局", "兰考县民政局", "兰考县残联"]
    # named with its parent it is the county
    assert "会同县" in names(run("河南省代表团赴湖南省怀化市会同县考察。"), P)


def test_a_district_named_after_its_city_inside_a_long_sentence():
    from mzgraph.model import RelationType
    from mzgraph.resolve import resolve

    text = "甘肃省民政厅介绍，近年来全省持续推进社区养老服务，兰州市城关区建成社区老年食堂36个，覆盖辖区老年人1.2万人。"
    ex = run(text)
    assert located(ex, EntityType.TARGET) == {"36个": "620102", "1.2万人": "620102"}
    kb = resolve([ex])
    part_of = {
        (kb.entities[r.subject].label, kb.entities[r.object].label)
        for r in kb.relations
        if r.predicate is RelationType.PART_OF
    }
    assert {("城关区", "兰州市"), ("兰州市", "甘肃省")} <= part_of


def test_a_sentence_names_its_own_place_inside_a_paragraph_about_another():
    text = (
        "湖北省民政厅推进救助。\n"
        "武汉市民政局介绍，全市建成社区食堂300个；恩施土家族苗族自治州今年新建互助幸福院56个。"
        "今年以来，咸宁市通城县民政局推行“爱心餐”，全县建成助餐点42个。\n"
    )
    got = located(run(text), EntityType.TARGET)
    assert got == {"300个": "420100", "56个": "422800", "42个": "421222"}
    assert located(run(text), EntityType.PROGRAM) == {"爱心餐": "421222"}


def test_we_the_province_and_household_amounts():
    text = (
        "辽宁省民政厅召开发布会。省医保局负责人：我省长期护理保险已由盘锦市扩大到沈阳、大连等6市，参保职工达到820万人。\n"
        "沈阳市皇姑区民政局介绍，全区低保标准提高到每人每月1100元。家住华山街道的王大妈说，她每月领取低保金1200元。\n"
    )
    got = located(run(text), EntityType.TARGET)
    assert got == {"820万人": "210000", "1100元": "210105", "1200元": None}


def test_short_names_listed_before_their_shared_level():
    ex = run("云南省红河哈尼族彝族自治州民政局为元阳、红河、绿春3县新建区域养老服务中心12个。")
    assert {"元阳县", "红河县", "绿春县"} <= set(names(ex, P))
    # a list that is not all divisions of that level is not such a list
    assert names(run("云南省红河哈尼族彝族自治州组织小组、合作、互助3县开展活动。"), P) == [
        "云南省",
        "红河哈尼族彝族自治州",
    ]


def test_a_verb_that_reads_as_a_far_county_gives_no_short_name_either():
    # 会同 ("together with") is also 会同县 of 湖南省: rejected as a full name after a body,
    # its short form elsewhere in the text must not come back through it
    ex = run("河北省民政厅会同省财政厅印发通知。在承德市围场满族蒙古族自治县，县住建局会同县民政局逐户核查。")
    assert names(ex, P) == ["河北省", "承德市", "围场满族蒙古族自治县"]
    assert "围场满族蒙古族自治县民政局" in names(ex, EntityType.AGENCY)


def test_short_county_list_after_its_prefecture_in_a_national_text():
    ex = run("四川省凉山彝族自治州在昭觉、布拖、美姑等县推行“救助+就业”帮扶，去年帮助1.4万名低保家庭成员实现就业。")
    assert names(ex, P) == ["四川省", "凉山彝族自治州", "昭觉县", "布拖县", "美姑县"]
    # what the prefecture does in several of its counties is the prefecture's
    assert located(ex, EntityType.PROGRAM) == {"救助+就业": "513400"}
    assert located(ex, EntityType.TARGET) == {"1.4万名": "513400"}


def test_a_figure_of_places_listed_with_deng_is_their_subjects():
    ex = run("新疆维吾尔自治区喀什地区开展“冬春救助”专项行动，为疏附县、伽师县等地3.5万名困难群众送去棉衣。")
    assert located(ex, EntityType.TARGET) == {"3.5万名": "653100"}
    # a single place before the figure keeps it
    ex = run("新疆维吾尔自治区喀什地区开展“冬春救助”专项行动，为疏附县3.5万名困难群众送去棉衣。")
    assert located(ex, EntityType.TARGET) == {"3.5万名": "653121"}


def test_a_listed_county_outweighs_the_prefecture_sharing_its_short_name():
    ex = run("在云南省红河哈尼族彝族自治州，州民政局为元阳、红河、绿春3县新建区域养老服务中心12个。")
    assert names(ex, P) == ["云南省", "红河哈尼族彝族自治州", "元阳县", "红河县", "绿春县"]


def test_a_two_character_county_in_a_list_with_its_sibling():
    ex = run("河南省信阳市光山县推广幸福院。信阳市民政局负责人说，全市将在新县、商城县等地推广光山经验。")
    assert "新县" in names(ex, P)
    # inside a word and alone it stays a word
    assert "新县" not in names(run("河南省信阳市光山县建成新县城养老中心。"), P)
