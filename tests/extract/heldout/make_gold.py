"""Write the gold files of the held-out reports (the scorer's JSON format).

    .venv/bin/python tests/extract/heldout/make_gold.py

Each report was annotated by reading it against ../shared/eval/GUIDELINES.md; the ones
marked "written blind" were annotated before the extractor was ever run on them.
"""

import json
from pathlib import Path

HERE = Path(__file__).resolve().parent


def E(id, type, label, aliases=(), required=True, **kw):
    d = {"id": id, "type": type, "label": label, "aliases": list(aliases), "required": required}
    d.update(kw)
    return d


def T(id, value, unit, required=True):
    return E(id, "Target", f"{value}{unit}", required=required, value=value, unit=unit)


def R(s, p, o, required=True):
    return {"s": s, "p": p, "o": o if isinstance(o, list) else [o], "required": required}


def write(name, doc, source, ents, rels):
    json.dump(
        {"document": doc, "source": source, "junk_strings": [], "entities": ents, "relations": rels},
        open(HERE / name, "w", encoding="utf-8"),
        ensure_ascii=False,
        indent=1,
    )


# ---- national notice
ents = [
    E("cn", "Place", "中国", ["中华人民共和国", "全国"], False),
    E("jx", "Place", "江西省", ["江西"]),
    E("xy", "Place", "新余市", ["新余"]),
    E("sd", "Place", "山东省", ["山东"]),
    E("jn", "Place", "济宁市", ["济宁"]),
    E("xj", "Place", "新疆维吾尔自治区", ["新疆"], False),
    E("mca", "Agency", "民政部", ["中华人民共和国民政部"]),
    E("ndrc", "Agency", "国家发展改革委", ["国家发展和改革委员会", "国家发改委"]),
    E("mof", "Agency", "财政部", ["中华人民共和国财政部"]),
    E("gb", "Agency", "国务院办公厅", ["国办"]),
    E("zc", "Agency", "中央财政", [], False),
    E("a1", "Agency", "民政部门", ["各地民政部门"], False),
    E("a2", "Agency", "农村基层党组织", ["基层党组织"], False),
    E("a3", "Agency", "新疆生产建设兵团民政局", [], False),
    E(
        "p_self",
        "Policy",
        "民政部 国家发展改革委 财政部关于推进农村养老服务高质量发展的通知",
        ["关于推进农村养老服务高质量发展的通知", "推进农村养老服务高质量发展的通知"],
    ),
    E("p_gb", "Policy", "国务院办公厅关于推进养老服务发展的意见", ["关于推进养老服务发展的意见"]),
    E("p_145", "Policy", "“十四五”国家老龄事业发展和养老服务体系规划", ["十四五国家老龄事业发展和养老服务体系规划"]),
    E("p_ss", "Policy", "实施方案", [], False),
    E("g1", "Program", "特困人员供养服务设施改造提升工程", ["特困人员供养服务设施改造提升"]),
    E("g2", "Program", "党建+农村养老", ["党建+农村养老模式"]),
    E("g3", "Program", "党建+颐养之家", ["党建+颐养之家模式"]),
    E("g4", "Program", "幸福院+周转房", []),
    E("g5", "Program", "银龄行动", []),
    E("g6", "Program", "探访关爱服务", ["探访关爱"], False),
    E("g7", "Program", "农村互助养老", [], False),
    E("g8", "Program", "失能特困人员集中照护", ["集中照护"], False),
    T("t1", 60, "%"),
    T("t2", 60, "%"),
    T("t3", 1150000000, "元"),
    T("t4", 1200, "所"),
    T("t5", 46000, "张"),
    T("t6", 5000000, "人次"),
    T("o1", 1, "所", False),
]
rels = [
    R("p_self", "issuedBy", "mca"),
    R("p_self", "issuedBy", "ndrc"),
    R("p_self", "issuedBy", "mof"),
    R("p_gb", "issuedBy", "gb"),
    R("xy", "partOf", "jx"),
    R("jn", "partOf", "sd"),
    R("g3", "locatedIn", "xy"),
    R("g4", "locatedIn", "jn"),
    R("t1", "locatedIn", "cn"),
    R("t2", "locatedIn", "cn", False),
    R("t3", "locatedIn", "cn", False),
    R("t4", "locatedIn", "cn", False),
    R("t5", "locatedIn", "cn", False),
    R("t6", "locatedIn", "cn", False),
    R("g1", "locatedIn", "cn", False),
    R("g2", "locatedIn", "cn", False),
    R("g5", "locatedIn", "cn", False),
    R("mca", "locatedIn", "cn", False),
    R("ndrc", "locatedIn", "cn", False),
    R("mof", "locatedIn", "cn", False),
    R("gb", "locatedIn", "cn", False),
]
write(
    "national-rural-elderly-2022.json",
    "national-rural-elderly-2022.txt",
    "written for the mzgraph tests: a national ministry notice (style of 民发 notices)",
    ents,
    rels,
)

# ---- county report
ents = [
    E("hy", "Place", "海盐县", ["海盐"]),
    E("jx", "Place", "嘉兴市", ["嘉兴"], False),
    E("zj", "Place", "浙江省", ["浙江"]),
    E("hymz", "Agency", "海盐县民政局", ["县民政局"]),
    E("hypc", "Agency", "海盐县委", ["县委", "中共海盐县委"]),
    E("hygov", "Agency", "海盐县政府", ["县政府", "海盐县人民政府"]),
    E("jxmz", "Agency", "嘉兴市民政局", ["市民政局"]),
    E("hycz", "Agency", "海盐县财政局", ["县财政局"]),
    E("hywj", "Agency", "海盐县卫生健康局", ["县卫生健康局"]),
    E("a1", "Agency", "村党组织", [], False),
    E("a2", "Agency", "村委会", [], False),
    E("a3", "Agency", "社区社会组织", [], False),
    E("a4", "Agency", "养老机构", [], False),
    E("a5", "Agency", "居家养老服务中心", [], False),
    E("p1", "Policy", "浙江省最低生活保障办法", []),
    E("p2", "Policy", "海盐县居家养老服务补贴实施办法", []),
    E("p3", "Policy", "关于推进医养结合发展的实施意见", ["推进医养结合发展的实施意见"]),
    E("g1", "Program", "助联体", ["助联体改革"]),
    E("g2", "Program", "一件事", ["一件事联办"], False),
    E("g3", "Program", "长者食堂", []),
    E("g4", "Program", "一肩挑", [], False),
    E("g5", "Program", "三社联动", []),
    E("g6", "Program", "幸福养老", ["幸福养老工程"]),
    E("g7", "Program", "浙里康养", []),
    E("g8", "Program", "社会救助改革", [], False),
    E("g9", "Program", "共同富裕示范区建设", ["共同富裕示范区"], False),
    E("g10", "Program", "殡葬改革", [], False),
    E("g11", "Program", "医养结合", [], False),
    T("t1", 1056, "元"),
    T("t2", 38650000, "元"),
    T("t3", 3256, "户"),
    T("t4", 5120, "人"),
    T("o1", 9, "个", False),
    T("t5", 3, "家"),
    T("t6", 28, "家"),
    T("t7", 12000, "人"),
    T("t8", 100, "%"),
    T("t9", 98.5, "%"),
    T("t10", 860, "家"),
    T("t11", 100, "%"),
    T("t12", 12, "处"),
    T("t13", 65, "%"),
    T("t14", 300, "张"),
]
rels = [
    R("p3", "issuedBy", "hymz"),
    R("p3", "issuedBy", "hycz"),
    R("p3", "issuedBy", "hywj"),
    R("p2", "issuedBy", "hymz", False),
    R("hy", "partOf", ["jx", "zj"]),
    R("jx", "partOf", "zj", False),
    R("g1", "locatedIn", "hy"),
    R("g3", "locatedIn", "hy", False),
    R("g5", "locatedIn", "hy", False),
    R("g6", "locatedIn", "hy", False),
    R("g7", "locatedIn", "hy", False),
    R("hymz", "locatedIn", "hy", False),
    R("hypc", "locatedIn", "hy", False),
    R("hygov", "locatedIn", "hy", False),
    R("hycz", "locatedIn", "hy", False),
    R("hywj", "locatedIn", "hy", False),
    R("jxmz", "locatedIn", "jx", False),
] + [
    R(t, "locatedIn", "hy", t in ("t1", "t2", "t3", "t4"))
    for t in ("t1", "t2", "t3", "t4", "t5", "t6", "t7", "t8", "t9", "t10", "t11", "t12", "t13", "t14", "o1")
]
write(
    "haiyan-county-2021.json",
    "haiyan-county-2021.txt",
    "written for the mzgraph tests: a county civil-affairs bureau's year summary",
    ents,
    rels,
)

# ---- provincial review with city sections
ents = [
    E("sc", "Place", "四川省", ["四川"]),
    E("cd", "Place", "成都市", ["成都"]),
    E("ls", "Place", "凉山彝族自治州", ["凉山州", "凉山"]),
    E("scmz", "Agency", "四川省民政厅", ["省民政厅"]),
    E("scpc", "Agency", "四川省委", ["省委", "中共四川省委"]),
    E("scgov", "Agency", "四川省政府", ["省政府", "四川省人民政府"]),
    E("sccz", "Agency", "四川省财政厅", ["省财政厅"]),
    E("scgb", "Agency", "四川省政府办公厅", ["省政府办公厅", "四川省人民政府办公厅"]),
    E("cdmz", "Agency", "成都市民政局", ["市民政局"]),
    E("lsmz", "Agency", "凉山彝族自治州民政局", ["凉山州民政局", "州民政局"]),
    E("lszz", "Agency", "凉山彝族自治州委组织部", ["凉山州委组织部", "州委组织部"]),
    E("paper", "Agency", "四川日报", [], False),
    E("a1", "Agency", "城市社区日间照料中心", [], False),
    E("p1", "Policy", "四川省临时救助实施办法", []),
    E("p2", "Policy", "关于推进养老服务发展的实施意见", ["推进养老服务发展的实施意见"]),
    E("p3", "Policy", "成都市社区养老服务综合体建设导则", []),
    E("g1", "Program", "不漏一户、不落一人", ["不漏一户、不落一人排查行动"]),
    E(
        "g2",
        "Program",
        "特困人员供养服务设施（敬老院）改造提升工程",
        ["特困人员供养服务设施改造提升工程", "特困人员供养服务设施(敬老院)改造提升工程"],
    ),
    E("g3", "Program", "15分钟社区养老服务圈", []),
    E("g4", "Program", "互联网+养老", ["互联网+养老服务"]),
    E("g5", "Program", "一中心一张网十联户", ["一中心一张网十联户基层治理机制"]),
    E("g6", "Program", "脱贫攻坚民政兜底保障", ["脱贫攻坚民政兜底保障战"], False),
    E("g7", "Program", "社区养老服务综合体", [], False),
    E("g8", "Program", "易地扶贫搬迁", [], False),
    E("g9", "Program", "临时救助", [], False),
    T("t1", 1356000, "人"),
    T("t2", 5340, "元"),
    T("t3", 689000, "人次"),
    T("t4", 123000, "人"),
    T("t5", 21000, "张"),
    T("t6", 85, "%"),
    T("t7", 426, "所"),
    T("t8", 120, "个"),
    T("t9", 353000, "人"),
    T("t10", 1500, "人"),
]
rels = (
    [
        R("p1", "issuedBy", "scmz"),
        R("p1", "issuedBy", "sccz"),
        R("p2", "issuedBy", "scgb"),
        R("p3", "issuedBy", "cdmz"),
        R("cd", "partOf", "sc"),
        R("ls", "partOf", "sc"),
        R("t1", "locatedIn", "sc"),
        R("t8", "locatedIn", "cd"),
        R("t9", "locatedIn", "ls"),
        R("t10", "locatedIn", "ls"),
        R("g3", "locatedIn", "cd"),
        R("g4", "locatedIn", "cd"),
        R("g5", "locatedIn", "ls"),
        R("g1", "locatedIn", "sc", False),
        R("g2", "locatedIn", "sc", False),
    ]
    + [R(t, "locatedIn", "sc", False) for t in ("t2", "t3", "t4", "t5", "t6", "t7")]
    + [
        R(a, "locatedIn", p, False)
        for a, p in (
            ("scmz", "sc"),
            ("scpc", "sc"),
            ("scgov", "sc"),
            ("sccz", "sc"),
            ("scgb", "sc"),
            ("cdmz", "cd"),
            ("lsmz", "ls"),
            ("lszz", "ls"),
        )
    ]
)
write(
    "sichuan-review-2020.json",
    "sichuan-review-2020.txt",
    "written for the mzgraph tests: a provincial year review with city sections (newspaper style)",
    ents,
    rels,
)

# ---- district news piece (written blind, before running the extractor on it)
ents = [
    E("gz", "Place", "广州市", ["广州"]),
    E("th", "Place", "天河区", ["天河"]),
    E("gd", "Place", "广东省", ["广东"], False),
    E("thmz", "Agency", "广州市天河区民政局", ["天河区民政局", "区民政局"]),
    E("thpc", "Agency", "天河区委", ["区委", "广州市天河区委"]),
    E("thgov", "Agency", "天河区政府", ["区政府", "天河区人民政府"]),
    E("thwj", "Agency", "天河区卫生健康局", ["区卫生健康局"]),
    E("thcz", "Agency", "天河区财政局", ["区财政局"]),
    E("gzmz", "Agency", "广州市民政局", ["市民政局"]),
    E("paper", "Agency", "广州日报", [], False),
    E("a1", "Agency", "社工站", [], False),
    E("a2", "Agency", "街道综合养老服务中心", ["颐康中心"], False),
    E(
        "p1",
        "Policy",
        "天河区社区嵌入式养老服务设施建设三年行动方案（2023—2025年）",
        ["天河区社区嵌入式养老服务设施建设三年行动方案"],
    ),
    E("p2", "Policy", "广州市养老服务条例", []),
    E("p3", "Policy", "长者防诈骗手册", [], False),
    E("g1", "Program", "五社联动", []),
    E("g2", "Program", "时间银行", ["时间银行互助养老项目"]),
    E("g3", "Program", "天河区经验", [], False),
    E("g4", "Program", "社区嵌入式养老服务", [], False),
    E("g5", "Program", "长者饭堂", [], False),
    T("t1", 60, "个"),
    T("t2", 21, "个"),
    T("t3", 21, "个"),
    T("o1", 21, "条", False),
    T("t4", 350000, "人次"),
    T("t5", 1800, "人"),
    T("o2", 5000, "册", False),
    T("t6", 90, "%"),
]
rels = [
    R("p1", "issuedBy", "thmz"),
    R("p1", "issuedBy", "thwj"),
    R("p1", "issuedBy", "thcz"),
    R("th", "partOf", "gz"),
    R("gz", "partOf", "gd", False),
    R("g1", "locatedIn", "th"),
    R("g2", "locatedIn", "th"),
    R("t1", "locatedIn", "th", False),
    R("t2", "locatedIn", "th", False),
    R("t3", "locatedIn", "th"),
    R("t4", "locatedIn", "th"),
    R("t5", "locatedIn", "th"),
    R("t6", "locatedIn", "gz"),
] + [
    R(a, "locatedIn", p, False)
    for a, p in (("thmz", "th"), ("thpc", "th"), ("thgov", "th"), ("thwj", "th"), ("thcz", "th"), ("gzmz", "gz"))
]
write(
    "tianhe-district-2023.json",
    "tianhe-district-2023.txt",
    "written for the mzgraph tests: a district news piece from a city newspaper",
    ents,
    rels,
)

# ---- national press conference (written blind)
ents = [
    E("cn", "Place", "中国", ["中华人民共和国", "全国"], False),
    E("zj", "Place", "浙江省", ["浙江"]),
    E("js", "Place", "江苏省", ["江苏"]),
    E("nj", "Place", "南京市", ["南京"]),
    E("ah", "Place", "安徽省", ["安徽"]),
    E("mca", "Agency", "民政部", ["中华人民共和国民政部"]),
    E("mof", "Agency", "财政部", []),
    E("zc", "Agency", "中央财政", [], False),
    E("sjs", "Agency", "民政部社会救助司", ["社会救助司"], False),
    E("p1", "Policy", "关于进一步做好困难群众基本生活保障工作的通知", ["进一步做好困难群众基本生活保障工作的通知"]),
    E("p2", "Policy", "社会救助法", []),
    E("g1", "Program", "一件事", ["一件事联办", "社会救助一件事联办"]),
    E("g2", "Program", "物质+服务", ["物质+服务救助试点", "物质+服务救助"]),
    E("g3", "Program", "政府购买服务", ["政府购买服务模式"]),
    E("g4", "Program", "社会救助制度改革", []),
    E("g5", "Program", "政府购买社会救助服务", [], False),
    E("g6", "Program", "临时救助", [], False),
    T("t1", 19360000, "人"),
    T("t2", 40310000, "人"),
    T("t3", 4700000, "人"),
    T("t4", 8180000, "人次"),
    T("t5", 154680000000, "元"),
    T("t6", 1000, "个"),
]
rels = (
    [
        R("p1", "issuedBy", "mca"),
        R("p1", "issuedBy", "mof"),
        R("nj", "partOf", "js"),
        R("g1", "locatedIn", "zj"),
        R("g2", "locatedIn", "nj"),
        R("g3", "locatedIn", "ah"),
        R("g4", "locatedIn", "cn", False),
        R("t2", "locatedIn", "cn"),
    ]
    + [R(t, "locatedIn", "cn", False) for t in ("t1", "t3", "t4", "t5", "t6")]
    + [R("mca", "locatedIn", "cn", False), R("mof", "locatedIn", "cn", False)]
)
write(
    "mca-press-2021.json",
    "mca-press-2021.txt",
    "written for the mzgraph tests: a ministry press conference report (written blind)",
    ents,
    rels,
)

# ---- city year review with bracketed district headings (written blind)
ents = [
    E("wh", "Place", "武汉市", ["武汉"]),
    E("jh", "Place", "江汉区", ["江汉"]),
    E("hp", "Place", "黄陂区", ["黄陂"]),
    E("hb", "Place", "湖北省", ["湖北"], False),
    E("whmz", "Agency", "武汉市民政局", ["市民政局"]),
    E("whpc", "Agency", "武汉市委", ["市委"]),
    E("whgov", "Agency", "武汉市政府", ["市政府", "武汉市人民政府"]),
    E("hpmz", "Agency", "黄陂区民政局", ["区民政局"]),
    E("hpcz", "Agency", "黄陂区财政局", ["区财政局"]),
    E("a1", "Agency", "社区党群服务中心", [], False),
    E("p1", "Policy", "黄陂区农村幸福院运营补贴办法", []),
    E("g1", "Program", "15分钟养老服务圈", []),
    E("g2", "Program", "老年人互助照料中心+农村幸福院", ["老年人互助照料中心+农村幸福院模式"]),
    E("g3", "Program", "民有所呼、我有所应", [], False),
    E("g4", "Program", "三级养老服务网络", ["三级"], False),
    E("g5", "Program", "12349", ["12349养老服务热线"], False),
    E("g6", "Program", "农村互助养老", [], False),
    T("t1", 200, "个"),
    T("t2", 1216, "个"),
    T("t3", 530000000, "元"),
    T("o1", 13, "个", False),
    T("t4", 186000, "人次"),
    T("t5", 268, "所"),
    T("t6", 20000, "元"),
    T("t7", 102000, "对"),
    T("t8", 360000, "次"),
]
rels = [
    R("p1", "issuedBy", "hpmz"),
    R("p1", "issuedBy", "hpcz"),
    R("jh", "partOf", "wh"),
    R("hp", "partOf", "wh"),
    R("wh", "partOf", "hb", False),
    R("g1", "locatedIn", "jh"),
    R("g2", "locatedIn", "hp"),
    R("t1", "locatedIn", "wh"),
    R("t2", "locatedIn", "wh", False),
    R("t3", "locatedIn", "wh", False),
    R("t4", "locatedIn", "jh"),
    R("o1", "locatedIn", "jh", False),
    R("t5", "locatedIn", "hp"),
    R("t6", "locatedIn", "hp", False),
    R("t7", "locatedIn", "wh", False),
    R("t8", "locatedIn", "wh", False),
    R("whmz", "locatedIn", "wh", False),
    R("whpc", "locatedIn", "wh", False),
    R("whgov", "locatedIn", "wh", False),
    R("hpmz", "locatedIn", "hp", False),
    R("hpcz", "locatedIn", "hp", False),
]
write(
    "wuhan-city-2022.json",
    "wuhan-city-2022.txt",
    "written for the mzgraph tests: a city bureau's year review with district headings (written blind)",
    ents,
    rels,
)

# ---- provincial department notice (written blind)
ents = [
    E("gd", "Place", "广东省", ["广东"]),
    E("cn", "Place", "中国", ["中华人民共和国", "全国"], False),
    E("gdmz", "Agency", "广东省民政厅", ["省民政厅", "我厅"]),
    E("mca", "Agency", "民政部", []),
    E("a1", "Agency", "广东省民政厅养老服务处", ["省民政厅养老服务处", "养老服务处"], False),
    E(
        "p0",
        "Policy",
        "关于印发《广东省养老机构等级评定管理办法》的通知",
        ["广东省民政厅关于印发《广东省养老机构等级评定管理办法》的通知"],
        False,
    ),
    E("p1", "Policy", "广东省养老机构等级评定管理办法", []),
    E("p2", "Policy", "养老机构等级划分与评定", ["养老机构等级划分与评定国家标准"]),
    E(
        "p3",
        "Policy",
        "民政部关于加快建立全国统一养老机构等级评定体系的指导意见",
        ["关于加快建立全国统一养老机构等级评定体系的指导意见"],
    ),
    E("g1", "Program", "养老机构等级评定", [], False),
    T("t1", 1872, "家"),
    T("t2", 1260, "家"),
    T("t3", 426000, "张"),
    T("t4", 30.5, "张"),
    T("t5", 80, "%"),
]
rels = (
    [
        R("p1", "issuedBy", "gdmz"),
        R("p3", "issuedBy", "mca"),
        R("p0", "issuedBy", "gdmz", False),
        R("t1", "locatedIn", "gd"),
    ]
    + [R(t, "locatedIn", "gd", False) for t in ("t2", "t3", "t4", "t5")]
    + [R("gdmz", "locatedIn", "gd", False), R("mca", "locatedIn", "cn", False)]
)
write(
    "guangdong-notice-2020.json",
    "guangdong-notice-2020.txt",
    "written for the mzgraph tests: a provincial department notice (written blind)",
    ents,
    rels,
)

# ---- county government work report (written blind)
ents = [
    E("mt", "Place", "湄潭县", ["湄潭"]),
    E("zy", "Place", "遵义市", ["遵义"]),
    E("gz", "Place", "贵州省", ["贵州"], False),
    E("mtgov", "Agency", "湄潭县人民政府", ["湄潭县政府", "县政府"]),
    E("mtpc", "Agency", "湄潭县委", ["县委"]),
    E("p1", "Policy", "遵义市“十四五”民政事业发展规划", ["遵义市十四五民政事业发展规划"]),
    E("p2", "Policy", "湄潭县人民政府工作报告", ["2023年湄潭县人民政府工作报告"], False),
    E("g1", "Program", "积分制", ["积分制乡村治理"]),
    E("g2", "Program", "寨管家", ["寨管家模式"]),
    E("g3", "Program", "全国农村养老服务示范县", [], False),
    T("t1", 6.5, "%"),
    T("t2", 42100, "元"),
    T("t3", 18200, "元"),
    T("t4", 2360000000, "元"),
    T("t5", 81, "%"),
    T("t6", 108000000, "元"),
    T("t7", 23000, "人"),
    T("t8", 15, "个"),
    T("t9", 3, "所"),
    T("o1", 127, "个", False),
    T("t10", 6, "%"),
    T("t11", 3000, "人"),
]
rels = (
    [
        R("mt", "partOf", "zy"),
        R("zy", "partOf", "gz", False),
        R("g2", "locatedIn", "mt"),
        R("g1", "locatedIn", "mt", False),
        R("t1", "locatedIn", "mt"),
        R("t7", "locatedIn", "mt"),
    ]
    + [R(t, "locatedIn", "mt", False) for t in ("t2", "t3", "t4", "t5", "t6", "t8", "t9", "o1", "t10", "t11")]
    + [R("mtgov", "locatedIn", "mt", False), R("mtpc", "locatedIn", "mt", False)]
)
write(
    "meitan-county-2023.json",
    "meitan-county-2023.txt",
    "written for the mzgraph tests: a county government work report (written blind)",
    ents,
    rels,
)

# ---- provincial year review in the development report's style (written blind)
ents = [
    E("cn", "Place", "中国", ["全国"], False),
    E("hn", "Place", "湖南省", ["湖南"]),
    E("cs", "Place", "长沙市", ["长沙"]),
    E("xx", "Place", "湘西土家族苗族自治州", ["湘西州", "湘西"]),
    E("zz", "Place", "株洲市", ["株洲"]),
    E("mca", "Agency", "民政部", []),
    E("hnmz", "Agency", "湖南省民政厅", ["省民政厅"]),
    E("hnpc", "Agency", "湖南省委", ["省委"]),
    E("hngov", "Agency", "湖南省政府", ["省政府", "湖南省人民政府"]),
    E("hngb", "Agency", "湖南省政府办公厅", ["省政府办公厅"]),
    E("hncz", "Agency", "湖南省财政厅", ["省财政厅"]),
    E("xxmz", "Agency", "湘西土家族苗族自治州民政局", ["湘西州民政局", "州民政局"]),
    E("xxcz", "Agency", "湘西土家族苗族自治州财政局", ["湘西州财政局", "州财政局"]),
    E("zzpc", "Agency", "株洲市委", ["市委"]),
    E("zzgov", "Agency", "株洲市政府", ["市政府", "株洲市人民政府"]),
    E("paper", "Agency", "中国社会报", [], False),
    E("p1", "Policy", "湖南省社会救助家庭经济状况核对办法", []),
    E("p2", "Policy", "关于推进特困供养服务机构改革的实施意见", ["推进特困供养服务机构改革的实施意见"]),
    E("p3", "Policy", "农村互助养老服务站建设标准", [], False),
    E("g1", "Program", "大排查", ["大排查行动"]),
    E("g2", "Program", "家庭养老床位", ["家庭养老床位试点"]),
    E("g3", "Program", "五个一", ["五个一工程"]),
    E("g4", "Program", "三社联动", []),
    E("g5", "Program", "特困供养服务机构改革", [], False),
    E("g6", "Program", "社会救助兜底保障", [], False),
    T("t1", 896000, "人"),
    T("t2", 980000000, "元"),
    T("t3", 1200000, "户"),
    T("t4", 1966, "所"),
    T("t5", 1021, "所"),
    T("t6", 62, "%"),
    T("t7", 5200, "张"),
    T("o1", 8, "个", False),
    T("t8", 125000, "人次"),
    T("t9", 632, "个"),
    T("t10", 2870, "个"),
    T("t11", 56, "家"),
]
rels = (
    [
        R("p1", "issuedBy", "hngb"),
        R("p2", "issuedBy", "hnmz"),
        R("p2", "issuedBy", "hncz"),
        R("p3", "issuedBy", "xxmz", False),
        R("cs", "partOf", "hn"),
        R("xx", "partOf", "hn"),
        R("zz", "partOf", "hn"),
        R("g2", "locatedIn", "cs"),
        R("g3", "locatedIn", "xx"),
        R("g4", "locatedIn", "zz"),
        R("g1", "locatedIn", "hn", False),
        R("t1", "locatedIn", "hn"),
        R("t7", "locatedIn", "cs"),
        R("t8", "locatedIn", "xx"),
        R("t9", "locatedIn", "xx"),
        R("t10", "locatedIn", "zz"),
        R("t11", "locatedIn", "zz", False),
        R("o1", "locatedIn", "xx", False),
    ]
    + [R(t, "locatedIn", "hn", False) for t in ("t2", "t3", "t4", "t5", "t6")]
    + [
        R(a, "locatedIn", p, False)
        for a, p in (
            ("hnmz", "hn"),
            ("hnpc", "hn"),
            ("hngov", "hn"),
            ("hngb", "hn"),
            ("hncz", "hn"),
            ("xxmz", "xx"),
            ("xxcz", "xx"),
            ("zzpc", "zz"),
            ("zzgov", "zz"),
            ("mca", "cn"),
        )
    ]
)
write(
    "hunan-review-2020.json",
    "hunan-review-2020.txt",
    "written for the mzgraph tests: a provincial year review in the development report's style (written blind)",
    ents,
    rels,
)

# ---- district piece in a municipality (written blind)
ents = [
    E("sh", "Place", "上海市", ["上海"]),
    E("pd", "Place", "浦东新区", ["浦东"]),
    E("pdmz", "Agency", "浦东新区民政局", ["上海市浦东新区民政局", "区民政局"]),
    E("pdwj", "Agency", "浦东新区卫生健康委", ["区卫生健康委", "浦东新区卫生健康委员会"]),
    E("shmz", "Agency", "上海市民政局", ["市民政局"]),
    E("a1", "Agency", "居村委", [], False),
    E("p1", "Policy", "浦东新区家庭照护床位建设实施方案", []),
    E("g1", "Program", "15分钟养老服务圈", []),
    E("g2", "Program", "长者照护之家", []),
    E("g3", "Program", "综合为老服务中心", []),
    E("g4", "Program", "家门口", ["家门口服务体系", "家门口服务站", "家门口服务体系建设"]),
    E("g5", "Program", "家庭照护床位", [], False),
    T("t1", 46, "家"),
    T("t2", 58, "家"),
    T("t3", 320, "个"),
    T("t4", 21000, "人次"),
    T("t5", 1000, "张"),
    T("t6", 10000, "张"),
    T("t7", 1300, "个"),
]
rels = (
    [
        R("p1", "issuedBy", "pdmz"),
        R("p1", "issuedBy", "pdwj"),
        R("pd", "partOf", "sh"),
        R("g1", "locatedIn", "pd"),
        R("g4", "locatedIn", "pd"),
        R("g2", "locatedIn", "pd", False),
        R("g3", "locatedIn", "pd", False),
        R("t1", "locatedIn", "pd"),
        R("t6", "locatedIn", "sh"),
    ]
    + [R(t, "locatedIn", "pd", False) for t in ("t2", "t3", "t4", "t5", "t7")]
    + [R("pdmz", "locatedIn", "pd", False), R("pdwj", "locatedIn", "pd", False), R("shmz", "locatedIn", "sh", False)]
)
write(
    "pudong-district-2022.json",
    "pudong-district-2022.txt",
    "written for the mzgraph tests: a district news piece in a municipality (written blind)",
    ents,
    rels,
)

# ---- autonomous region year summary with a league (盟) (written blind)
ents = [
    E("nm", "Place", "内蒙古自治区", ["内蒙古"]),
    E("ed", "Place", "鄂尔多斯市", ["鄂尔多斯"]),
    E("xl", "Place", "锡林郭勒盟", ["锡林郭勒"]),
    E("nmmz", "Agency", "内蒙古自治区民政厅", ["自治区民政厅"]),
    E("nmpc", "Agency", "内蒙古自治区党委", ["自治区党委"]),
    E("nmgov", "Agency", "内蒙古自治区政府", ["自治区政府", "内蒙古自治区人民政府"]),
    E("nmcz", "Agency", "内蒙古自治区财政厅", ["自治区财政厅"]),
    E("p1", "Policy", "内蒙古自治区最低生活保障工作规程", []),
    E("g1", "Program", "养老服务进万家", ["养老服务进万家工程"]),
    E("g2", "Program", "互助养老", ["互助养老模式", "牧区互助养老"]),
    T("t1", 1586000, "人"),
    T("t2", 9870000000, "元"),
    T("t3", 86, "家"),
    T("t4", 210, "个"),
    T("t5", 12000, "人"),
]
rels = [
    R("p1", "issuedBy", "nmmz"),
    R("p1", "issuedBy", "nmcz"),
    R("ed", "partOf", "nm"),
    R("xl", "partOf", "nm"),
    R("g1", "locatedIn", "ed"),
    R("g2", "locatedIn", "xl"),
    R("t1", "locatedIn", "nm"),
    R("t2", "locatedIn", "nm", False),
    R("t3", "locatedIn", "ed"),
    R("t4", "locatedIn", "xl"),
    R("t5", "locatedIn", "xl"),
] + [R(a, "locatedIn", "nm", False) for a in ("nmmz", "nmpc", "nmgov", "nmcz")]
write(
    "inner-mongolia-2021.json",
    "inner-mongolia-2021.txt",
    "written for the mzgraph tests: an autonomous region's year summary (written blind)",
    ents,
    rels,
)

# ---- provincial piece with county headings and ASCII punctuation (written blind)
ents = [
    E("js", "Place", "江苏省", ["江苏"]),
    E("ks", "Place", "昆山市", ["昆山"]),
    E("px", "Place", "沛县", []),
    E("sz", "Place", "苏州市", ["苏州"], False),
    E("xz", "Place", "徐州市", ["徐州"], False),
    E("jsmz", "Agency", "江苏省民政厅", ["省民政厅"]),
    E("jscz", "Agency", "江苏省财政厅", ["省财政厅"]),
    E("pxmz", "Agency", "沛县民政局", ["县民政局"]),
    E("p1", "Policy", "江苏省困难群众救助补助资金管理办法", []),
    E("p2", "Policy", "沛县农村幸福院管理办法", []),
    E("g1", "Program", "一网统管", ["一网统管机制"]),
    E("g2", "Program", "苏服办", ["苏服办平台"]),
    T("t1", 860, "元"),
    T("t2", 512000, "户"),
    T("t3", 806000, "人"),
    T("t4", 3200, "人"),
    T("t5", 130000000, "元"),
    T("t6", 8, "所"),
    T("t7", 58, "%"),
    # a time limit is a Target with unit 工作日 (issue 16); added when that convention came
    T("t8", 5, "工作日"),
]
rels = (
    [
        R("p1", "issuedBy", "jsmz"),
        R("p1", "issuedBy", "jscz"),
        R("p2", "issuedBy", "pxmz"),
        R("ks", "partOf", ["sz", "js"]),
        R("px", "partOf", ["xz", "js"]),
        R("sz", "partOf", "js", False),
        R("xz", "partOf", "js", False),
        R("g1", "locatedIn", "ks"),
        R("g2", "locatedIn", ["ks", "js"], False),
        R("t4", "locatedIn", "ks"),
        R("t8", "locatedIn", "ks"),
        R("t5", "locatedIn", "px"),
        R("t6", "locatedIn", "px"),
        R("t7", "locatedIn", "px"),
    ]
    + [R(t, "locatedIn", "js", False) for t in ("t1", "t2", "t3")]
    + [R("jsmz", "locatedIn", "js", False), R("jscz", "locatedIn", "js", False), R("pxmz", "locatedIn", "px", False)]
)
write(
    "jiangsu-assistance-2022.json",
    "jiangsu-assistance-2022.txt",
    "written for the mzgraph tests: a provincial piece with county headings and ASCII punctuation (written blind)",
    ents,
    rels,
)

# ---- national news roundup, one province a paragraph (written blind)
ents = [
    E("cn", "Place", "中国", ["全国"], False),
    E("hb", "Place", "河北省", ["河北"]),
    E("gs", "Place", "甘肃省", ["甘肃"]),
    E("lz", "Place", "兰州市", ["兰州"]),
    E("hlj", "Place", "黑龙江省", ["黑龙江"]),
    E("hrb", "Place", "哈尔滨市", ["哈尔滨"]),
    E("mca", "Agency", "民政部", []),
    E("hbmz", "Agency", "河北省民政厅", []),
    E("hbcz", "Agency", "河北省财政厅", ["省财政厅"]),
    E("a1", "Agency", "各地民政部门", ["民政部门"], False),
    E("p1", "Policy", "关于做好2023年冬春困难群众基本生活保障工作的通知", []),
    E("g1", "Program", "寒冬送温暖", ["寒冬送温暖专项行动"]),
    E("g2", "Program", "一门受理、协同办理", ["一门受理、协同办理机制"]),
    E("g3", "Program", "冬春救助", [], False),
    T("t1", 860000000, "元"),
    T("t2", 423000, "人"),
    T("t3", 560000, "户"),
    T("t4", 32000, "人次"),
    T("t5", 120, "个"),
    T("t6", 18000, "件"),
]
rels = [
    R("p1", "issuedBy", "mca"),
    R("lz", "partOf", "gs"),
    R("hrb", "partOf", "hlj"),
    R("g1", "locatedIn", "gs"),
    R("g2", "locatedIn", "hrb"),
    R("t1", "locatedIn", "hb"),
    R("t2", "locatedIn", "hb"),
    R("t3", "locatedIn", "gs"),
    R("t4", "locatedIn", "gs"),
    R("t5", "locatedIn", "lz"),
    R("t6", "locatedIn", "hrb"),
    R("mca", "locatedIn", "cn", False),
    R("hbmz", "locatedIn", "hb", False),
    R("hbcz", "locatedIn", "hb", False),
]
write(
    "winter-relief-roundup-2023.json",
    "winter-relief-roundup-2023.txt",
    "written for the mzgraph tests: a national news roundup, one province a paragraph (written blind)",
    ents,
    rels,
)

# ---- district bureau report to its committee and government (written blind)
ents = [
    E("yb", "Place", "渝北区", ["渝北"]),
    E("cq", "Place", "重庆市", ["重庆"]),
    E("ybmz", "Agency", "渝北区民政局", ["我局"]),
    E("ybpc", "Agency", "渝北区委", ["区委"]),
    E("ybgov", "Agency", "渝北区政府", ["区政府", "渝北区人民政府"]),
    E("ybyb", "Agency", "渝北区医保局", ["区医保局"]),
    E("ybcl", "Agency", "渝北区残联", ["区残联"]),
    E("cqmz", "Agency", "重庆市民政局", ["市民政局"]),
    E("a1", "Agency", "重庆市社会福利院", ["重庆市社会福利院渝北分院"], False),
    E("p1", "Policy", "重庆市养老服务条例", []),
    E(
        "p2",
        "Policy",
        "渝北区民政局关于2021年1至11月民政工作情况的报告",
        ["关于2021年1至11月民政工作情况的报告"],
        False,
    ),
    E("g1", "Program", "银发课堂", ["银发课堂活动"]),
    E("g2", "Program", "小院议事", ["小院议事制度"]),
    E("g3", "Program", "一站式救助服务机制", ["一站式"], False),
    T("t1", 136000000, "元"),
    T("t2", 21000, "人次"),
    T("t3", 86, "个"),
    T("t4", 120, "场"),
    T("t5", 206, "个"),
]
rels = (
    [
        R("yb", "partOf", "cq"),
        R("g1", "locatedIn", "yb"),
        R("g2", "locatedIn", "yb"),
        R("t1", "locatedIn", "yb"),
    ]
    + [R(t, "locatedIn", "yb", False) for t in ("t2", "t3", "t4", "t5")]
    + [R(a, "locatedIn", "yb", False) for a in ("ybmz", "ybpc", "ybgov", "ybyb", "ybcl")]
    + [R("cqmz", "locatedIn", "cq", False)]
)
write(
    "yubei-district-2021.json",
    "yubei-district-2021.txt",
    "written for the mzgraph tests: a district bureau's report to its committee and government (written blind)",
    ents,
    rels,
)

# ---- prefecture news with direct speech (written blind)
ents = [
    E("qdn", "Place", "黔东南苗族侗族自治州", ["黔东南州", "黔东南"]),
    E("kl", "Place", "凯里市", ["凯里"]),
    E("ls", "Place", "雷山县", ["雷山"]),
    E("gz", "Place", "贵州省", ["贵州"], False),
    E("qmz", "Agency", "黔东南苗族侗族自治州民政局", ["州民政局", "黔东南州民政局"]),
    E("qwj", "Agency", "黔东南苗族侗族自治州卫生健康局", ["州卫生健康局", "黔东南州卫生健康局"]),
    E("lmz", "Agency", "雷山县民政局", ["县民政局"]),
    E("a1", "Agency", "社会工作服务机构", [], False),
    E("p1", "Policy", "黔东南州特殊困难老年人探访关爱服务实施方案", []),
    E("g1", "Program", "暖心守护", ["暖心守护工程"]),
    E("g2", "Program", "政府购买服务", [], False),
    T("o1", 16, "个", False),
    T("t1", 1287, "个"),
    T("t2", 46000, "人"),
    T("o2", 1, "次", False),
    T("t3", 36, "支"),
    T("t4", 112000, "人次"),
]
rels = [
    R("p1", "issuedBy", "qmz"),
    R("p1", "issuedBy", "qwj"),
    R("kl", "partOf", "qdn"),
    R("ls", "partOf", "qdn"),
    R("qdn", "partOf", "gz", False),
    R("g1", "locatedIn", "qdn"),
    R("t1", "locatedIn", "qdn"),
    R("t2", "locatedIn", "qdn", False),
    R("t3", "locatedIn", "ls"),
    R("t4", "locatedIn", "ls"),
    R("qmz", "locatedIn", "qdn", False),
    R("qwj", "locatedIn", "qdn", False),
    R("lmz", "locatedIn", "ls", False),
]
write(
    "qiandongnan-prefecture-2022.json",
    "qiandongnan-prefecture-2022.txt",
    "written for the mzgraph tests: a prefecture news piece with direct speech (written blind)",
    ents,
    rels,
)

# ==== Round two (issue 16): ten reports in the genres real text brings (press conferences with
# several ministries, human-interest stories with quoted residents, county pieces naming townships
# and villages, a national roundup, policy dates and lineage). Each was annotated before the
# extractor ever ran on it. Besides what the scorer reads, these gold files record for the
# extractor work, which the scorer ignores: on Policy entities `issued` (the date the text gives,
# as precise as it gives it) and relations `basedOn` (Policy → the Policy it implements,
# follows or revises).


def write_blind(stem, genre, ents, rels):
    write(
        f"{stem}.json", f"{stem}.txt", f"written for the mzgraph tests: {genre} (written blind, issue 16)", ents, rels
    )


def located(pairs, required=False):
    return [R(s, "locatedIn", o, required) for s, o in pairs]


# ---- national press conference, four ministries and a moderator
ents = [
    E("cn", "Place", "中国", ["中华人民共和国", "全国"], False),
    E("bj", "Place", "北京市", ["北京"]),
    E("tj", "Place", "天津市", ["天津"]),
    E("hb", "Place", "河北省", ["河北"]),
    E("scio", "Agency", "国务院新闻办公室", ["国新办", "国务院新闻办"]),
    E("sciob", "Agency", "国务院新闻办公室新闻局", ["国新办新闻局"], False),
    E("mca", "Agency", "民政部", ["中华人民共和国民政部"]),
    E("mof", "Agency", "财政部", ["中华人民共和国财政部"]),
    E("nhc", "Agency", "国家卫生健康委员会", ["国家卫健委", "国家卫生健康委"]),
    E("nhsa", "Agency", "国家医疗保障局", ["国家医保局"]),
    E("ccp", "Agency", "中共中央", ["党中央"]),
    E("sc", "Agency", "国务院", []),
    E("zc", "Agency", "中央财政", [], False),
    E("mofss", "Agency", "财政部社会保障司", [], False),
    E("nhclk", "Agency", "国家卫生健康委老龄健康司", ["国家卫健委老龄健康司", "老龄健康司"], False),
    E("nhsady", "Agency", "国家医疗保障局待遇保障司", ["国家医保局待遇保障司", "待遇保障司"], False),
    E("cctv", "Agency", "中央广播电视总台", ["央视"], False),
    E("hx", "Agency", "红星新闻", [], False),
    E("xjb", "Agency", "新京报", [], False),
    E("p1", "Policy", "关于深化养老服务改革发展的意见", ["深化养老服务改革发展的意见"], issued="2025-01"),
    E("p2", "Policy", "医养结合机构服务指南（试行）", [], issued="2019"),
    E("p3", "Policy", "医养结合机构服务指南（2025年版）", [], issued="2025-06"),
    E("g1", "Program", "养老服务消费补贴", ["养老服务消费补贴项目"]),
    E("g2", "Program", "居家和社区基本养老服务提升行动", []),
    E("g3", "Program", "长期护理保险制度试点", ["长期护理保险试点", "长期护理保险制度", "长期护理保险"]),
    E("g4", "Program", "医养结合", [], False),
    E("g5", "Program", "医养结合服务质量专项检查", [], False),
    T("t1", 406000, "个"),
    T("t2", 8300000, "张"),
    T("t3", 64.6, "%"),
    T("t4", 1000000, "人"),
    T("t5", 12600000, "人次"),
    T("t6", 12500000000, "元"),
    T("t7", 8.7, "%"),
    T("t8", 308, "个"),
    T("t9", 12000, "人"),
    T("t10", 7800, "家"),
    T("t11", 600, "家"),
    T("t12", 49, "个"),
    T("t13", 180000000, "人"),
    T("t14", 2600000, "人"),
    T("t15", 70, "%"),
]
rels = (
    [
        R("p1", "issuedBy", "ccp"),
        R("p1", "issuedBy", "sc"),
        R("p3", "issuedBy", "nhc"),
        R("p2", "issuedBy", "nhc", False),
        R("p3", "basedOn", "p2"),
        R("t9", "locatedIn", "hb"),
    ]
    + located(
        (t, "cn") for t in ("t1", "t2", "t3", "t4", "t5", "t6", "t7", "t8", "t10", "t11", "t12", "t13", "t14", "t15")
    )
    + located((g, "cn") for g in ("g1", "g2", "g3"))
    + located((a, "cn") for a in ("scio", "mca", "mof", "nhc", "nhsa", "ccp", "sc"))
)
write_blind("scio-press-2025", "a State Council press conference with four ministries", ents, rels)

# ---- district human-interest story with quoted residents and one family's allowance
ents = [
    E("xd", "Place", "小店区", ["小店", "太原市小店区"]),
    E("ty", "Place", "太原市", ["太原"]),
    E("sx", "Place", "山西省", ["山西"], False),
    E("xdmz", "Agency", "太原市小店区民政局", ["小店区民政局", "区民政局"]),
    E("tymz", "Agency", "太原市民政局", ["市民政局"]),
    E("paper", "Agency", "山西日报", [], False),
    E("p1", "Policy", "太原市老年助餐服务管理办法", []),
    E("g1", "Program", "中央厨房+助餐点", ["中央厨房+助餐点模式"]),
    E("g2", "Program", "幸福食堂", [], False),
    E("g3", "Program", "老年助餐", ["老年助餐服务", "助餐服务"], False),
    E("g4", "Program", "爱心卡", [], False),
    E("g5", "Program", "教育救助", [], False),
    T("t1", 126, "个"),
    T("t2", 420000, "人次"),
    T("t3", 16000, "人"),
    T("o1", 3, "元", False),
    T("t4", 2130, "元"),
    T("t5", 780, "元"),
    T("t6", 5300, "户"),
    T("t7", 8900, "人"),
    T("t8", 110000000, "元"),
    T("t9", 6.2, "%"),
    T("t10", 36000000, "元"),
]
rels = (
    [
        R("xd", "partOf", "ty"),
        R("ty", "partOf", "sx", False),
        R("g1", "locatedIn", "xd"),
        R("t10", "locatedIn", "ty"),
        R("xdmz", "locatedIn", "xd", False),
        R("tymz", "locatedIn", "ty", False),
    ]
    # t4 is one family's monthly allowance: kept as a figure, owned by no place
    + located(((t, "xd") for t in ("t1", "t2", "t3", "t5", "t6", "t7", "t8", "t9")), True)
)
write_blind("xiaodian-district-2024", "a district human-interest story with quoted residents", ents, rels)

# ---- county piece naming townships and villages (towns and villages are not Places)
ents = [
    E("lk", "Place", "兰考县", ["兰考"]),
    E("kf", "Place", "开封市", ["开封"]),
    E("hn", "Place", "河南省", ["河南"], False),
    E("lkmz", "Agency", "兰考县民政局", ["县民政局"]),
    E("lkcz", "Agency", "兰考县财政局", ["县财政局"]),
    E("lkfl", "Agency", "兰考县社会福利服务中心", ["县社会福利服务中心"]),
    E("kfmz", "Agency", "开封市民政局", ["市民政局"]),
    E("paper", "Agency", "河南日报", [], False),
    E("a1", "Agency", "堌阳镇养老服务站", ["镇养老服务站", "养老服务站"], False),
    E("a2", "Agency", "徐场村党支部", ["村党支部"], False),
    E("p1", "Policy", "兰考县农村互助养老服务实施方案", [], issued="2024-05"),
    E("g1", "Program", "一院一站一队", ["一院一站一队农村互助养老模式", "一院一站一队模式"]),
    E("g2", "Program", "农村互助养老", [], False),
    E("g3", "Program", "集中照护", [], False),
    E("g4", "Program", "巩固拓展脱贫攻坚成果", [], False),
    T("t1", 318, "所"),
    T("t2", 92, "%"),
    T("t3", 296, "支"),
    T("t4", 18600000, "元"),
    T("t5", 23000, "人"),
    T("t6", 187, "人"),
    T("t7", 120, "张"),
    T("t8", 200, "所"),
]
rels = (
    [
        R("p1", "issuedBy", "lkmz"),
        R("p1", "issuedBy", "lkcz"),
        R("lk", "partOf", ["kf", "hn"]),
        R("kf", "partOf", "hn", False),
        R("g1", "locatedIn", "lk"),
        R("t8", "locatedIn", "kf"),
    ]
    + located(((t, "lk") for t in ("t1", "t2", "t3", "t4", "t5", "t6", "t7")), True)
    + located((("lkmz", "lk"), ("lkcz", "lk"), ("lkfl", "lk"), ("kfmz", "kf")))
)
write_blind("lankao-county-2025", "a county piece naming townships and villages", ents, rels)

# ---- national roundup naming many provinces, prefectures and counties
ents = [
    E("cn", "Place", "中国", ["中华人民共和国", "全国"], False),
    E("bj", "Place", "北京市", ["北京"], False),
    E("sd", "Place", "山东省", ["山东"]),
    E("dz", "Place", "德州市", ["德州"]),
    E("py", "Place", "平原县", ["平原"]),
    E("fj", "Place", "福建省", ["福建"]),
    E("sm", "Place", "三明市", ["三明"]),
    E("jl", "Place", "将乐县", ["将乐"]),
    E("yn", "Place", "云南省", ["云南"]),
    E("dl", "Place", "大理白族自治州", ["大理州"]),
    E("bc", "Place", "宾川县", ["宾川"]),
    E("qh", "Place", "青海省", ["青海"]),
    E("hd", "Place", "海东市", ["海东"]),
    E("hz", "Place", "互助土族自治县", ["互助县"]),
    E("jlp", "Place", "吉林省", ["吉林"]),
    E("ty", "Place", "通榆县", ["通榆"]),
    E("bcs", "Place", "白城市", ["白城"], False),
    E("xj", "Place", "新疆维吾尔自治区", ["新疆"]),
    E("yl", "Place", "伊犁哈萨克自治州", ["伊犁州"]),
    E("yn2", "Place", "伊宁市", ["伊宁"]),
    E("hc", "Place", "霍城县", ["霍城"]),
    E("mca", "Agency", "民政部", ["中华人民共和国民政部"]),
    E("zc", "Agency", "中央财政", [], False),
    E("sdmz", "Agency", "山东省民政厅", []),
    E("smmz", "Agency", "三明市民政局", []),
    E("dlmz", "Agency", "大理白族自治州民政局", ["大理州民政局"]),
    E("hzmz", "Agency", "互助土族自治县民政局", ["互助县民政局", "县民政局"]),
    E("hzzy", "Agency", "互助土族自治县中医院", ["县中医院"], False),
    E("mcayl", "Agency", "民政部养老服务司", ["养老服务司"], False),
    E("xinhua", "Agency", "新华社", [], False),
    E("g1", "Program", "县域养老服务体系创新试点", []),
    E("g2", "Program", "长者食堂", []),
    E("g3", "Program", "时间银行", []),
    E("g4", "Program", "暖心工程", ["暖心"]),
    E("g5", "Program", "互助养老", [], False),
    E("g6", "Program", "老年助餐服务", ["老年助餐"], False),
    T("t1", 1200000000, "元"),
    T("t2", 85, "个"),
    T("t3", 12, "所"),
    T("o1", 35, "%", False),
    T("t4", 68, "%"),
    T("t5", 30, "个"),
    T("t6", 43, "个"),
    T("o2", 7, "个", False),
    T("t7", 4000, "人"),
    T("t8", 96000, "小时"),
    T("o3", 12, "个", False),
    T("t9", 11000, "人"),
    T("t10", 3200, "人"),
    T("t11", 56, "个"),
]
rels = (
    [
        R("dz", "partOf", "sd"),
        R("py", "partOf", ["dz", "sd"]),
        R("sm", "partOf", "fj"),
        R("jl", "partOf", ["sm", "fj"]),
        R("dl", "partOf", "yn"),
        R("bc", "partOf", ["dl", "yn"]),
        R("hd", "partOf", "qh"),
        R("hz", "partOf", ["hd", "qh"]),
        R("ty", "partOf", ["jlp", "bcs"]),
        R("bcs", "partOf", "jlp", False),
        R("yl", "partOf", "xj"),
        R("yn2", "partOf", ["yl", "xj"]),
        R("hc", "partOf", ["yl", "xj"]),
    ]
    + located(
        (
            ("t3", "py"),
            ("t4", "py"),
            ("t5", "sd"),
            ("g2", "jl"),
            ("t6", "jl"),
            ("g3", "bc"),
            ("t7", "bc"),
            ("t8", "bc"),
            ("t9", "hz"),
            ("g4", "ty"),
            ("t10", "ty"),
            ("t11", "yl"),
        ),
        True,
    )
    + located(
        (
            ("t1", "cn"),
            ("t2", "cn"),
            ("g1", "cn"),
            ("mca", "cn"),
            ("sdmz", "sd"),
            ("smmz", "sm"),
            ("dlmz", "dl"),
            ("hzmz", "hz"),
            ("g2", "sm"),
        )
    )
)
write_blind(
    "county-elderly-roundup-2024",
    "a national news-agency roundup naming many provinces, prefectures and counties",
    ents,
    rels,
)

# ---- provincial policy piece: issue dates, lineage, time limits, article counts
ents = [
    E("cn", "Place", "中国", ["中华人民共和国", "全国"], False),
    E("sx", "Place", "陕西省", ["陕西"]),
    E("xa", "Place", "西安市", ["西安"]),
    E("ya", "Place", "延安市", ["延安"]),
    E("bt", "Place", "宝塔区", ["延安市宝塔区"]),
    E("sxmz", "Agency", "陕西省民政厅", ["省民政厅", "省民政部门"]),
    E("sxcz", "Agency", "陕西省财政厅", ["省财政厅"]),
    E("mca", "Agency", "民政部", ["中华人民共和国民政部"]),
    E("zb", "Agency", "中共中央办公厅", ["中办"]),
    E("gb", "Agency", "国务院办公厅", ["国办"]),
    E("xamz", "Agency", "西安市民政局", []),
    E("paper", "Agency", "陕西日报", [], False),
    E("sxjz", "Agency", "陕西省民政厅社会救助处", ["省民政厅社会救助处", "社会救助处"], False),
    E("a1", "Agency", "县级民政部门", [], False),
    E(
        "p1",
        "Policy",
        "中共中央办公厅 国务院办公厅关于改革完善社会救助制度的意见",
        ["关于改革完善社会救助制度的意见", "改革完善社会救助制度的意见"],
    ),
    E("p2", "Policy", "社会救助暂行办法", []),
    E("p3", "Policy", "最低生活保障审核确认办法", []),
    E("p4", "Policy", "陕西省最低生活保障审核确认办法", ["办法"], issued="2024-03"),
    E("p5", "Policy", "陕西省最低生活保障审核确认实施细则", [], issued="2021"),
    E("g1", "Program", "掌上办", ["低保申请掌上办"]),
    E("g2", "Program", "一门受理、协同办理", [], False),
    E("g3", "Program", "先行救助", [], False),
    E("g4", "Program", "低保专项治理", [], False),
    E("g5", "Program", "乡村振兴", [], False),
    T("t1", 30, "工作日"),
    T("o1", 45, "工作日", False),
    T("t2", 864000, "人"),
    T("t3", 5870000000, "元"),
    T("t4", 4.3, "%"),
    T("t5", 720, "元"),
    T("t6", 5900, "元"),
    T("t7", 12000, "件"),
    T("t8", 18, "工作日"),
    T("t9", 1300, "户"),
    T("t10", 2100, "人"),
]
rels = (
    [
        R("p1", "issuedBy", "zb"),
        R("p1", "issuedBy", "gb"),
        R("p3", "issuedBy", "mca"),
        R("p4", "issuedBy", "sxmz"),
        R("p4", "issuedBy", "sxcz"),
        R("p4", "basedOn", "p1"),
        R("p4", "basedOn", "p2"),
        R("p4", "basedOn", "p3"),
        R("p4", "basedOn", "p5", False),
        R("xa", "partOf", "sx"),
        R("ya", "partOf", "sx"),
        R("bt", "partOf", ["ya", "sx"]),
        R("g1", "locatedIn", "xa"),
        R("t7", "locatedIn", "xa"),
        R("t8", "locatedIn", "xa"),
        R("t9", "locatedIn", "bt"),
        R("t10", "locatedIn", "bt"),
    ]
    + located(((t, "sx") for t in ("t1", "t2", "t3", "t4", "t5", "t6")), True)
    + located((("sxmz", "sx"), ("sxcz", "sx"), ("xamz", "xa"), ("g2", "sx")))
    + located((a, "cn") for a in ("mca", "zb", "gb"))
)
write_blind("shaanxi-dibao-2024", "a provincial newspaper piece on a revised regulation", ents, rels)

# ---- county piece with public institutions and sector references (县民政部门)
ents = [
    E("jz", "Place", "金寨县", ["金寨"]),
    E("la", "Place", "六安市", ["六安"]),
    E("ah", "Place", "安徽省", ["安徽"], False),
    E("jzmz", "Agency", "金寨县民政局", ["县民政局", "县民政部门"]),
    E("jzgb", "Agency", "金寨县政府办公室", ["县政府办公室", "金寨县人民政府办公室"]),
    E("jzcl", "Agency", "金寨县残疾人联合会", ["县残联", "金寨县残联"]),
    E("jzyb", "Agency", "金寨县医疗保障局", ["县医保局", "金寨县医保局"]),
    E("jzfl", "Agency", "金寨县社会福利服务中心", ["县社会福利服务中心", "县社会福利服务中心分中心"]),
    E("jzjy", "Agency", "金寨县就业服务中心", ["县就业服务中心"]),
    E("lamz", "Agency", "六安市民政局", ["市民政局"]),
    E("jzbm", "Agency", "金寨县便民服务中心", ["县便民服务中心"], False),
    E("paper", "Agency", "安徽日报", [], False),
    E("p1", "Policy", "金寨县困难群众救助“一窗通办”工作方案", ["金寨县困难群众救助一窗通办工作方案"], issued="2025-03"),
    E("p2", "Policy", "安徽省社会救助条例", []),
    E("g1", "Program", "一窗通办", []),
    E("g2", "Program", "金寨经验", [], False),
    E("g3", "Program", "困难群众信息共享机制", [], False),
    T("o1", 12, "项", False),
    T("t1", 180, "元"),
    T("t2", 35000, "条"),
    T("o2", 20, "工作日", False),
    T("t3", 10, "工作日"),
    T("t4", 98.6, "%"),
    T("t5", 150, "张"),
    T("t6", 96, "人"),
    T("t7", 420, "个"),
    T("t8", 1380, "人"),
    T("o3", 7, "个", False),
    T("t9", 42000, "件"),
]
rels = (
    [
        R("p1", "issuedBy", "jzgb"),
        R("p1", "basedOn", "p2"),
        R("jz", "partOf", ["la", "ah"]),
        R("la", "partOf", "ah", False),
        R("g1", "locatedIn", "jz"),
        R("g1", "locatedIn", "la", False),
        R("t9", "locatedIn", "la"),
    ]
    # t1 is one man's two allowances: kept as a figure, owned by no place
    + located(((t, "jz") for t in ("t2", "t3", "t4", "t5", "t6", "t7", "t8")), True)
    + located((a, "jz") for a in ("jzmz", "jzgb", "jzcl", "jzyb", "jzfl", "jzjy"))
    + located((("lamz", "la"),))
)
write_blind("jinzhai-county-2025", "a county piece with public institutions and a family's allowance", ents, rels)

# ---- provincial press conference, four departments and a moderator
ents = [
    E("cn", "Place", "中国", ["中华人民共和国", "全国"], False),
    E("ln", "Place", "辽宁省", ["辽宁"]),
    E("sy", "Place", "沈阳市", ["沈阳"]),
    E("dl", "Place", "大连市", ["大连"]),
    E("as", "Place", "鞍山市", ["鞍山"]),
    E("cy", "Place", "朝阳市", ["朝阳"]),
    E("pj", "Place", "盘锦市", ["盘锦"]),
    E("lnxw", "Agency", "辽宁省人民政府新闻办公室", ["辽宁省政府新闻办", "省政府新闻办", "辽宁省政府新闻办公室"]),
    E("lnmz", "Agency", "辽宁省民政厅", ["省民政厅"]),
    E("lncz", "Agency", "辽宁省财政厅", ["省财政厅"]),
    E("lnwj", "Agency", "辽宁省卫生健康委员会", ["省卫生健康委", "辽宁省卫生健康委", "省卫健委"]),
    E("lnyb", "Agency", "辽宁省医疗保障局", ["省医保局", "辽宁省医保局"]),
    E("nhsa", "Agency", "国家医疗保障局", ["国家医保局"]),
    E("sjcz", "Agency", "辽宁省级财政", ["省级财政", "省财政"], False),
    E("lnczsb", "Agency", "辽宁省财政厅社会保障处", ["省财政厅社会保障处"], False),
    E("paper", "Agency", "辽宁日报", [], False),
    E("sytv", "Agency", "沈阳广播电视台", [], False),
    E("xinhua", "Agency", "新华社", [], False),
    E("a1", "Agency", "乡镇卫生院", [], False),
    E("p1", "Policy", "辽宁省养老服务条例", []),
    E("p2", "Policy", "辽宁省基本养老服务清单（2024年版）", ["辽宁省基本养老服务清单"], issued="2024"),
    E("p3", "Policy", "辽宁省养老服务设施建设补助资金管理办法", []),
    E("p4", "Policy", "辽宁省长期护理保险制度试点实施方案", []),
    E("g1", "Program", "养老服务+", ["养老服务+行动"]),
    E("g2", "Program", "居家社区养老服务改革试点", ["居家社区养老服务改革"]),
    E("g3", "Program", "家庭病床", ["家庭病床服务"]),
    E("g4", "Program", "长期护理保险制度试点", ["长期护理保险试点", "长期护理保险制度", "长期护理保险"]),
    E("g5", "Program", "适老化改造", [], False),
    E("g6", "Program", "医养结合", [], False),
    T("o1", 16, "项", False),
    T("t1", 1368, "个"),
    T("t2", 96, "%"),
    T("t3", 48000, "户"),
    T("o2", 4, "个", False),
    T("t4", 930000000, "元"),
    T("t5", 12.5, "%"),
    T("t6", 10000, "元"),
    T("t7", 312, "家"),
    T("t8", 46000, "张"),
    T("t9", 21000, "张"),
    T("t10", 38000, "人次"),
    T("o3", 6, "个", False),
    T("t11", 8200000, "人"),
]
rels = (
    [
        R("p2", "issuedBy", "lnmz"),
        R("p2", "basedOn", "p1"),
        R("p3", "issuedBy", "lncz"),
        R("p3", "issuedBy", "lnmz"),
        R("p4", "issuedBy", "lnyb", False),
        R("g1", "locatedIn", "ln"),
        R("g3", "locatedIn", "dl"),
        R("g4", "locatedIn", "ln"),
        R("t9", "locatedIn", "dl"),
        R("t10", "locatedIn", "cy"),
    ]
    + [R(c, "partOf", "ln") for c in ("sy", "dl", "as", "cy", "pj")]
    + located(((t, "ln") for t in ("t1", "t2", "t3", "t4", "t5", "t6", "t7", "t8", "t11")), True)
    + located(("g2", p) for p in ("ln", "sy", "dl", "as", "cy"))
    + located(("g4", p) for p in ("pj", "sy", "dl"))
    + located((a, "ln") for a in ("lnxw", "lnmz", "lncz", "lnwj", "lnyb"))
    + located((("nhsa", "cn"),))
)
write_blind("liaoning-press-2025", "a provincial press conference with four departments", ents, rels)

# ---- district human-interest story in a municipality whose district shares a province's name
ents = [
    E("tj", "Place", "天津市", ["天津"]),
    E("hbq", "Place", "河北区", ["天津市河北区"]),
    E("hbmz", "Agency", "天津市河北区民政局", ["河北区民政局", "区民政局"]),
    E("tjmz", "Agency", "天津市民政局", ["市民政局"]),
    E("tjcz", "Agency", "天津市财政局", ["市财政局"]),
    E("paper", "Agency", "天津日报", [], False),
    E("p1", "Policy", "天津市临时救助实施办法", [], issued="2024-08"),
    E("g1", "Program", "解忧驿站", []),
    E("g2", "Program", "急难救助", [], False),
    E("g3", "Program", "临时救助", [], False),
    T("t1", 12000, "元"),
    T("t2", 3270, "元"),
    T("t3", 114, "个"),
    T("t4", 2860, "人次"),
    T("t5", 15300000, "元"),
    T("t6", 10800, "人"),
    T("t7", 136000000, "元"),
    T("t8", 3.9, "%"),
    T("t9", 24, "小时"),
    T("o1", 16, "个", False),
    T("t10", 96000, "人次"),
]
rels = (
    [
        R("hbq", "partOf", "tj"),
        R("p1", "issuedBy", "tjmz"),
        R("p1", "issuedBy", "tjcz"),
        R("g1", "locatedIn", "hbq"),
        R("g1", "locatedIn", "tj", False),
        R("t9", "locatedIn", "tj"),
        R("t10", "locatedIn", "tj"),
    ]
    # t1 and t2 are one family's relief and allowance: kept as figures, owned by no place
    + located(((t, "hbq") for t in ("t3", "t4", "t5", "t6", "t7", "t8")), True)
    + located((("hbmz", "hbq"), ("tjmz", "tj"), ("tjcz", "tj")))
)
write_blind("tianjin-hebei-district-2024", "a district human-interest story with a family's relief", ents, rels)

# ---- provincial department year review: relative years, approximations, growth rates, scope
ents = [
    E("yn", "Place", "云南省", ["云南"]),
    E("km", "Place", "昆明市", ["昆明"]),
    E("qj", "Place", "曲靖市", ["曲靖"]),
    E("hh", "Place", "红河哈尼族彝族自治州", ["红河州"]),
    E("yy", "Place", "元阳县", ["元阳"]),
    E("hhx", "Place", "红河县", ["红河"]),
    E("lc", "Place", "绿春县", ["绿春"]),
    E("ynmz", "Agency", "云南省民政厅", ["省民政厅", "省民政部门"]),
    E("ynpc", "Agency", "云南省委", ["省委", "中共云南省委"]),
    E("yngov", "Agency", "云南省政府", ["省政府", "云南省人民政府"]),
    E("ynnn", "Agency", "云南省农业农村厅", ["省农业农村厅"]),
    E("ynfg", "Agency", "云南省发展和改革委员会", ["省发展改革委", "云南省发展改革委", "省发改委"]),
    E("yncz", "Agency", "云南省财政厅", ["省财政厅"]),
    E("kmmz", "Agency", "昆明市民政局", []),
    E("hhmz", "Agency", "红河哈尼族彝族自治州民政局", ["红河州民政局", "州民政局"]),
    E("a1", "Agency", "社会组织", [], False),
    E(
        "p1",
        "Policy",
        "云南省养老服务体系建设三年行动计划（2024—2026年）",
        ["云南省养老服务体系建设三年行动计划"],
        issued="2024-05",
    ),
    E("p2", "Policy", "“十四五”国家老龄事业发展和养老服务体系规划", ["十四五国家老龄事业发展和养老服务体系规划"]),
    E("g1", "Program", "边疆民族地区养老服务提升工程", ["边疆民族地区养老服务提升"]),
    E("g2", "Program", "幸福食堂", [], False),
    E("g3", "Program", "微治理", [], False),
    E("g4", "Program", "殡葬改革", [], False),
    E("g5", "Program", "平安建设", [], False),
    E("g6", "Program", "乡村振兴", [], False),
    E("g7", "Program", "动态监测", ["低收入人口动态监测"], False),
    T("t1", 2963000, "人"),
    T("t2", 228000, "人"),
    T("t3", 18000000000, "元"),
    T("t4", 5.6, "%"),
    T("t5", 6000, "元"),
    T("t6", 10000000, "人"),
    T("t7", 37000, "条"),
    T("t8", 60, "%"),
    T("t9", 216000, "张"),
    T("t10", 13000, "张"),
    T("t11", 650, "个"),
    T("o1", 9, "个", False),
    T("t12", 85, "%"),
    T("t13", 12, "个"),
    T("t14", 1800, "个"),
    T("t15", 5000, "张"),
    T("t16", 80, "%"),
]
rels = (
    [
        R("p1", "issuedBy", "ynmz"),
        R("p1", "issuedBy", "ynfg"),
        R("p1", "issuedBy", "yncz"),
        R("p1", "basedOn", "p2"),
        R("km", "partOf", "yn"),
        R("qj", "partOf", "yn"),
        R("hh", "partOf", "yn"),
        R("yy", "partOf", ["hh", "yn"]),
        R("hhx", "partOf", ["hh", "yn"]),
        R("lc", "partOf", ["hh", "yn"]),
        R("g1", "locatedIn", "hh"),
        R("t11", "locatedIn", "km"),
        R("t12", "locatedIn", "qj"),
        R("t13", "locatedIn", ["hh", "yy", "hhx", "lc"]),
    ]
    + located(
        ((t, "yn") for t in ("t1", "t2", "t3", "t4", "t5", "t6", "t7", "t8", "t9", "t10", "t14", "t15", "t16")), True
    )
    + located((("t13", "yy"), ("t13", "hhx"), ("t13", "lc"), ("t13", "hh"), ("g2", "km"), ("g3", "km"), ("g4", "qj")))
    + located((a, "yn") for a in ("ynmz", "ynpc", "yngov", "ynnn", "ynfg", "yncz"))
    + located((("kmmz", "km"), ("hhmz", "hh")))
)
write_blind("yunnan-review-2025", "a provincial department's year review", ents, rels)

# ---- autonomous region piece: an abbreviated central body, lineage, districts named with their city
ents = [
    E("cn", "Place", "中国", ["中华人民共和国", "全国"], False),
    E("nx", "Place", "宁夏回族自治区", ["宁夏"]),
    E("gy", "Place", "固原市", ["固原"]),
    E("xj", "Place", "西吉县", ["西吉"]),
    E("yc", "Place", "银川市", ["银川"]),
    E("xq", "Place", "兴庆区", ["银川市兴庆区"]),
    E("wz", "Place", "吴忠市", ["吴忠"]),
    E("lt", "Place", "利通区", ["吴忠市利通区"]),
    E("nxmz", "Agency", "宁夏回族自治区民政厅", ["自治区民政厅"]),
    E("nxnn", "Agency", "宁夏回族自治区农业农村厅", ["自治区农业农村厅"]),
    E("zynb", "Agency", "中央农村工作领导小组办公室", ["中央农办"]),
    E("moa", "Agency", "农业农村部", ["中华人民共和国农业农村部"]),
    E("mca", "Agency", "民政部", ["中华人民共和国民政部"]),
    E("xjmz", "Agency", "西吉县民政局", ["县民政局"]),
    E("ycmz", "Agency", "银川市民政局", ["市民政局"]),
    E("xqmz", "Agency", "银川市兴庆区民政局", ["兴庆区民政局", "区民政局"]),
    E("xjcz", "Agency", "西吉县财政", ["县财政"], False),
    E("paper", "Agency", "宁夏日报", [], False),
    E("a1", "Agency", "村股份经济合作社", [], False),
    E(
        "p1",
        "Policy",
        "关于加强农村养老服务助力乡村全面振兴的指导意见",
        ["加强农村养老服务助力乡村全面振兴的指导意见", "指导意见"],
        issued="2025-04",
    ),
    E(
        "p2",
        "Policy",
        "宁夏回族自治区农村养老服务提升行动方案（2025—2027年）",
        ["宁夏回族自治区农村养老服务提升行动方案"],
        issued="2025-07",
    ),
    E("g1", "Program", "积分养老", []),
    E("g2", "Program", "老年饭桌", ["农村老年饭桌"], False),
    E("g3", "Program", "农村互助养老", ["农村互助养老服务"], False),
    E("g4", "Program", "结对帮扶", [], False),
    E("g5", "Program", "乡村振兴", [], False),
    T("t1", 420, "个"),
    T("t2", 75, "%"),
    T("t3", 100000, "人"),
    T("o1", 5, "元", False),
    T("t4", 86, "个"),
    T("t5", 3600000, "元"),
    T("t6", 12, "家"),
    T("t7", 26000, "人次"),
    T("t8", 13000, "人"),
]
rels = (
    [
        R("p1", "issuedBy", "zynb"),
        R("p1", "issuedBy", "moa"),
        R("p1", "issuedBy", "mca"),
        R("p2", "issuedBy", "nxmz"),
        R("p2", "issuedBy", "nxnn"),
        R("p2", "basedOn", "p1"),
        R("gy", "partOf", "nx"),
        R("xj", "partOf", ["gy", "nx"]),
        R("yc", "partOf", "nx"),
        R("xq", "partOf", ["yc", "nx"]),
        R("wz", "partOf", "nx"),
        R("lt", "partOf", ["wz", "nx"]),
        R("g1", "locatedIn", ["lt", "wz"]),
        R("t4", "locatedIn", "xj"),
        R("t5", "locatedIn", "xj"),
        R("t6", "locatedIn", "xq"),
        R("t7", "locatedIn", "xq"),
        R("t8", "locatedIn", ["lt", "wz"]),
    ]
    + located(((t, "nx") for t in ("t1", "t2", "t3")), True)
    + located((("g1", "wz"), ("g1", "lt"), ("t8", "wz"), ("t8", "lt"), ("g2", "xj"), ("g4", "yc"), ("g4", "xq")))
    + located((("nxmz", "nx"), ("nxnn", "nx"), ("xjmz", "xj"), ("ycmz", "yc"), ("xqmz", "xq")))
    + located((a, "cn") for a in ("zynb", "moa", "mca"))
)
write_blind("ningxia-rural-2026", "an autonomous region newspaper piece with a central policy's lineage", ents, rels)

# ---- ministry press conference: a Taiwan district name as a common word (复兴, 仁爱), approximations
ents = [
    E("cn", "Place", "中国", ["中华人民共和国", "全国"], False),
    E("zj", "Place", "浙江省", ["浙江"]),
    E("hz", "Place", "杭州市", ["杭州"]),
    E("sc", "Place", "上城区", ["杭州市上城区"]),
    E("xz", "Place", "西藏自治区", ["西藏"]),
    E("ls", "Place", "拉萨市", ["拉萨"]),
    E("gs", "Place", "甘肃省", ["甘肃"]),
    E("lx", "Place", "临夏回族自治州", ["临夏州"]),
    E("mca", "Agency", "民政部", ["中华人民共和国民政部"]),
    E("mohrss", "Agency", "人力资源社会保障部", ["人社部", "人力资源和社会保障部"]),
    E("cdpf", "Agency", "中国残疾人联合会", ["中国残联"]),
    E("spc", "Agency", "最高人民法院", []),
    E("spp", "Agency", "最高人民检察院", []),
    E("scmz", "Agency", "杭州市上城区民政局", ["上城区民政局", "区民政局"]),
    E("lsmz", "Agency", "拉萨市民政局", ["市民政局"]),
    E("mcaet", "Agency", "民政部儿童福利司", ["儿童福利司"], False),
    E("mcass", "Agency", "民政部社会事务司", ["社会事务司"], False),
    E("jycj", "Agency", "人力资源社会保障部就业促进司", ["就业促进司"], False),
    E("cdpfjy", "Agency", "中国残联教育就业部", ["中国残疾人联合会教育就业部"], False),
    E("rmrb", "Agency", "人民日报", [], False),
    E("p1", "Policy", "中华人民共和国未成年人保护法", ["未成年人保护法"]),
    E("p2", "Policy", "关于进一步加强困境儿童关爱保护工作的意见", [], issued="2025-11"),
    E("p3", "Policy", "残疾人就业促进“十五五”行动方案", []),
    E("g1", "Program", "社工+志愿者", ["社工+志愿者结对帮扶"]),
    E("g2", "Program", "就业援助月", ["就业援助月专项活动"]),
    E("g3", "Program", "跨省通办", [], False),
    E("g4", "Program", "残疾人就业服务示范基地", [], False),
    T("t1", 143000, "人"),
    T("t2", 400000, "人"),
    T("t3", 2120, "元"),
    T("t4", 4.5, "%"),
    T("t5", 1000, "个"),
    T("t6", 18000, "人次"),
    T("t7", 12000000, "人"),
    T("t8", 16000000, "人"),
    T("o1", 20, "工作日", False),
    T("t9", 15, "工作日"),
    T("t10", 21000, "人"),
    T("t11", 523000, "人"),
    T("t12", 100, "个"),
]
rels = (
    [
        R("p2", "issuedBy", "mca"),
        R("p2", "issuedBy", "spc"),
        R("p2", "issuedBy", "spp"),
        R("p2", "basedOn", "p1"),
        R("sc", "partOf", ["hz", "zj"]),
        R("hz", "partOf", "zj"),
        R("ls", "partOf", "xz"),
        R("lx", "partOf", "gs"),
        R("g1", "locatedIn", "sc"),
        R("t6", "locatedIn", "sc"),
        R("t10", "locatedIn", "ls"),
    ]
    + located((t, "cn") for t in ("t1", "t2", "t3", "t4", "t5", "t7", "t8", "t9", "t11", "t12", "g2", "g3"))
    + located((("t12", "lx"), ("g4", "lx"), ("scmz", "sc"), ("lsmz", "ls")))
    + located((a, "cn") for a in ("mca", "mohrss", "cdpf", "spc", "spp"))
)
write_blind("mca-press-2026", "a ministry press conference with several bodies and a moderator", ents, rels)

# ---- provincial notice: its own date line, a document number, lineage, a county list
ents = [
    E("cn", "Place", "中国", ["中华人民共和国", "全国"], False),
    E("hn", "Place", "海南省", ["海南"]),
    E("hk", "Place", "海口市", ["海口"]),
    E("sy", "Place", "三亚市", ["三亚"]),
    E("ml", "Place", "美兰区", ["海口市美兰区"]),
    E("jy", "Place", "吉阳区", ["三亚市吉阳区"]),
    E("wzs", "Place", "五指山市", []),
    E("qz", "Place", "琼中黎族苗族自治县", ["琼中县", "琼中"]),
    E("bs", "Place", "白沙黎族自治县", ["白沙县", "白沙"]),
    E("yp", "Place", "洋浦经济开发区", ["洋浦"], False),
    E("hnmz", "Agency", "海南省民政厅", ["省民政厅"]),
    E("hncz", "Agency", "海南省财政厅", ["省财政厅"]),
    E("mca", "Agency", "民政部", ["中华人民共和国民政部"]),
    E("mof", "Agency", "财政部", ["中华人民共和国财政部"]),
    E("ypsf", "Agency", "洋浦经济开发区社会发展局", [], False),
    E("a1", "Agency", "民政部门", ["各地民政部门"], False),
    E(
        "p0",
        "Policy",
        "海南省民政厅 海南省财政厅关于做好2026年元旦春节期间困难群众救助帮扶工作的通知",
        ["关于做好2026年元旦春节期间困难群众救助帮扶工作的通知"],
        issued="2026-01-06",
    ),
    E("p1", "Policy", "关于做好2026年元旦春节期间困难群众基本生活保障工作的通知", []),
    E("p2", "Policy", "海南省社会救助条例", []),
    E("p3", "Policy", "海南省临时救助办法", [], issued="2021"),
    E("g1", "Program", "社区救助顾问", ["社区救助顾问试点"]),
    T("t1", 460000000, "元"),
    T("t2", 98000, "人"),
    T("t3", 12000, "人"),
    T("t4", 300, "元"),
    T("t5", 3, "工作日"),
    T("o1", 6, "倍", False),
]
rels = (
    [
        R("p0", "issuedBy", "hnmz"),
        R("p0", "issuedBy", "hncz"),
        R("p1", "issuedBy", "mca"),
        R("p1", "issuedBy", "mof"),
        R("p0", "basedOn", "p1"),
        R("p0", "basedOn", "p2"),
        R("p0", "basedOn", "p3"),
        R("g1", "locatedIn", ["ml", "jy"]),
        R("ml", "partOf", ["hk", "hn"]),
        R("jy", "partOf", ["sy", "hn"]),
    ]
    + [R(c, "partOf", "hn") for c in ("hk", "sy", "wzs", "qz", "bs")]
    + located(((t, "hn") for t in ("t1", "t2", "t3", "t4", "t5")), True)
    + located((("g1", "ml"), ("g1", "jy"), ("hnmz", "hn"), ("hncz", "hn"), ("mca", "cn"), ("mof", "cn")))
)
write_blind("hainan-notice-2026", "a provincial departments' notice with its date line", ents, rels)


# ---- second round of issue 16 (written blind by the extract helper; annotated before the
# extractor ran on them)

# ---- provincial press conference: four departments, a moderator, a reporter; districts after
# their city (长安区 and 新华区 are also districts of 西安市 and 沧州市), slogans, a time limit
ents = [
    E("cn", "Place", "中国", ["中华人民共和国", "全国"], False),
    E("heb", "Place", "河北省", ["河北"]),
    E("sjz", "Place", "石家庄市", ["石家庄"]),
    E("ca", "Place", "长安区", ["石家庄市长安区"]),
    E("xh", "Place", "新华区", ["石家庄市新华区"]),
    E("bd", "Place", "保定市", ["保定"]),
    E("fp", "Place", "阜平县", ["保定市阜平县", "阜平"]),
    E("cd", "Place", "承德市", ["承德"]),
    E("wc", "Place", "围场满族蒙古族自治县", ["围场县", "围场"]),
    E("xwb", "Agency", "河北省人民政府新闻办公室", ["河北省政府新闻办", "省政府新闻办", "河北省政府新闻办公室"]),
    E("mz", "Agency", "河北省民政厅", ["省民政厅"]),
    E("cz", "Agency", "河北省财政厅", ["省财政厅"]),
    E("rs", "Agency", "河北省人力资源和社会保障厅", ["河北省人力资源社会保障厅", "省人力资源社会保障厅", "省人社厅"]),
    E("zj", "Agency", "河北省住房和城乡建设厅", ["河北省住房城乡建设厅", "省住房城乡建设厅", "省住建厅"]),
    E("cl", "Agency", "河北省残疾人联合会", ["河北省残联", "省残联"]),
    E("fprs", "Agency", "阜平县人力资源和社会保障局", ["阜平县人社局", "县人社局"]),
    E("wczj", "Agency", "围场满族蒙古族自治县住房和城乡建设局", ["围场县住建局", "县住建局"]),
    E("wcmz", "Agency", "围场满族蒙古族自治县民政局", ["围场县民政局", "县民政局"]),
    E("zc", "Agency", "中央财政", [], False),
    E("sjcz", "Agency", "省级财政", ["河北省级财政"], False),
    E("hbrb", "Agency", "河北日报", [], False),
    E("hbxw", "Agency", "河北新闻网", [], False),
    E("p1", "Policy", "河北省低收入人口动态监测和常态化救助帮扶实施办法", [], issued="2025-03"),
    E("g1", "Program", "物质+服务", ["物质+服务救助方式创新试点", "物质+服务救助方式", "物质+服务救助"]),
    E("g2", "Program", "春风行动", []),
    E("g3", "Program", "就业援助月", ["就业援助月活动"]),
    E("g4", "Program", "家门口就业服务站", []),
    E("g5", "Program", "残疾人之家", ["残疾人之家服务模式"]),
    T("t1", 1865000, "人"),
    T("t2", 826, "元"),
    T("t3", 612, "元"),
    T("t4", 3.1, "%"),
    T("t5", 4.6, "%"),
    T("t6", 214000, "人次"),
    T("t7", 420000000, "元"),
    T("t8", 13000, "户"),
    T("o1", 10, "工作日", False),
    T("t9", 5, "工作日"),
    T("t10", 48000, "人"),
    T("t11", 3200, "人"),
    T("t12", 7600, "户"),
    T("t13", 230000000, "元"),
    T("t14", 30000, "元"),
    T("t15", 90, "元"),
    T("t16", 100, "元"),
    T("t17", 836000, "人"),
    T("t18", 100, "个"),
]
rels = (
    [
        R("p1", "issuedBy", "mz"),
        R("p1", "issuedBy", "cz"),
        R("sjz", "partOf", "heb"),
        R("ca", "partOf", ["sjz", "heb"]),
        R("xh", "partOf", ["sjz", "heb"]),
        R("bd", "partOf", "heb"),
        R("fp", "partOf", ["bd", "heb"]),
        R("cd", "partOf", "heb"),
        R("wc", "partOf", ["cd", "heb"]),
        R("g1", "locatedIn", ["ca", "xh", "sjz"]),
        R("t8", "locatedIn", ["ca", "xh", "sjz"]),
        R("g4", "locatedIn", "fp"),
        R("t11", "locatedIn", "fp"),
    ]
    + located(
        (
            (t, "heb")
            for t in ("t1", "t2", "t3", "t4", "t5", "t6", "t7", "t9", "t10", "t12", "t13", "t14", "t15", "t16")
            + ("t17", "t18", "g2", "g3", "g5")
        ),
        True,
    )
    + located((("g1", "ca"), ("g1", "xh"), ("t8", "ca"), ("t8", "xh"), ("o1", "heb")))
    + located((a, "heb") for a in ("xwb", "mz", "cz", "rs", "zj", "cl", "sjcz"))
    + located((("fprs", "fp"), ("wczj", "wc"), ("wcmz", "wc"), ("zc", "cn")))
)
write_blind("hebei-press-2025", "a provincial press conference with four departments and a moderator", ents, rels)

# ---- district human-interest story: quoted residents, scare quotes, one family's relief, and
# street names that are divisions elsewhere in the province (向阳区, 友谊县)
ents = [
    E("ng", "Place", "南岗区", ["哈尔滨市南岗区", "南岗"]),
    E("hrb", "Place", "哈尔滨市", ["哈尔滨"]),
    E("hlj", "Place", "黑龙江省", ["黑龙江"], False),
    E("ngmz", "Agency", "哈尔滨市南岗区民政局", ["南岗区民政局", "区民政局"]),
    E("hrbmz", "Agency", "哈尔滨市民政局", ["市民政局"]),
    E("paper", "Agency", "黑龙江日报", [], False),
    E("g1", "Program", "网格+救助", ["网格+救助工作机制"]),
    E("g2", "Program", "爱心驿站", []),
    E("g3", "Program", "一键呼叫", ["一键呼叫智能终端"], False),
    E("g4", "Program", "社会工作服务项目", [], False),
    T("t1", 1260, "个"),
    T("t2", 112000, "人次"),
    T("t3", 1870, "人"),
    T("t4", 3000, "户"),
    T("o1", 3, "工作日", False),
    T("t5", 8000, "元"),
    T("t6", 1960, "元"),
    T("t7", 236000000, "元"),
    T("t8", 5.8, "%"),
    T("t9", 818, "元"),
    T("t10", 42, "个"),
    T("o2", 18, "个", False),
    T("o3", 9, "个", False),
    T("t11", 50, "个"),
]
rels = (
    [
        R("ng", "partOf", "hrb"),
        R("hrb", "partOf", "hlj", False),
        R("t11", "locatedIn", "hrb"),
        R("ngmz", "locatedIn", "ng", False),
        R("hrbmz", "locatedIn", "hrb", False),
    ]
    # t5 and t6 are one family's relief: kept as figures, owned by no place
    + located(((t, "ng") for t in ("g1", "g2", "t1", "t2", "t3", "t4", "t7", "t8", "t9", "t10")), True)
    + located((("g3", "ng"), ("g4", "ng"), ("o2", "ng"), ("o3", "hrb")))
)
write_blind("nangang-district-2025", "a district human-interest story with quoted residents", ents, rels)

# ---- county piece naming townships and villages (not Places); 武陵山区 and 绿色通道 are no
# divisions (武陵区, 通道侗族自治县 are in the same province)
ents = [
    E("hy", "Place", "花垣县", ["花垣", "湘西土家族苗族自治州花垣县"]),
    E("xx", "Place", "湘西土家族苗族自治州", ["湘西州", "湘西"]),
    E("hun", "Place", "湖南省", ["湖南"], False),
    E("cs", "Place", "长沙市", ["长沙"], False),
    E("hymz", "Agency", "花垣县民政局", ["县民政局"]),
    E("hycz", "Agency", "花垣县财政局", ["县财政局"]),
    E("hyfl", "Agency", "花垣县社会福利中心", ["县社会福利中心"]),
    E("xxmz", "Agency", "湘西土家族苗族自治州民政局", ["湘西州民政局", "州民政局"]),
    E("hyczz", "Agency", "花垣县财政", ["县财政"], False),
    E("mlc", "Agency", "麻栗场镇党委", ["镇党委"], False),
    E("paper", "Agency", "湖南日报", [], False),
    E(
        "p1",
        "Policy",
        "花垣县农村互助养老服务设施运营管理办法（试行）",
        ["花垣县农村互助养老服务设施运营管理办法"],
        issued="2024-08",
    ),
    E("g1", "Program", "幸福小院", []),
    E("g2", "Program", "农村互助养老", [], False),
    E("g3", "Program", "以老助老", [], False),
    T("o1", 12, "个", False),
    T("t1", 146, "个"),
    T("t2", 63, "%"),
    T("t3", 5800, "人"),
    T("t4", 200, "元"),
    T("t5", 420, "对"),
    T("t6", 10000, "元"),
    T("t7", 1460000, "元"),
    T("o2", 8, "个", False),
    T("t8", 300, "个"),
]
rels = (
    [
        R("p1", "issuedBy", "hymz"),
        R("p1", "issuedBy", "hycz"),
        R("hy", "partOf", "xx"),
        R("xx", "partOf", "hun", False),
        R("t8", "locatedIn", "xx"),
    ]
    + located(((t, "hy") for t in ("g1", "t1", "t2", "t3", "t4", "t5", "t6", "t7")), True)
    + located((("g2", "hy"), ("g3", "hy"), ("o1", "hy"), ("o2", "xx")))
    + located((("hymz", "hy"), ("hycz", "hy"), ("hyfl", "hy"), ("hyczz", "hy"), ("xxmz", "xx")))
)
write_blind("huayuan-county-2025", "a county piece naming townships and villages", ents, rels)

# ---- national news-agency roundup: six provinces, their cities, prefectures and counties,
# short county names in lists (昭觉、布拖、美姑等县), a dateline city, relative years
ents = [
    E("cn", "Place", "中国", ["中华人民共和国", "全国"], False),
    E("bj", "Place", "北京市", ["北京"], False),
    E("jx", "Place", "江西省", ["江西"]),
    E("gz", "Place", "赣州市", ["赣州"]),
    E("yd", "Place", "于都县", ["赣州市于都县", "于都"]),
    E("gs", "Place", "甘肃省", ["甘肃"]),
    E("lz", "Place", "兰州市", ["兰州"]),
    E("qlh", "Place", "七里河区", ["兰州市七里河区"]),
    E("sc", "Place", "四川省", ["四川"]),
    E("ls", "Place", "凉山彝族自治州", ["凉山州", "凉山"]),
    E("zj", "Place", "昭觉县", ["昭觉"]),
    E("bt", "Place", "布拖县", ["布拖"]),
    E("mg", "Place", "美姑县", ["美姑"]),
    E("xj", "Place", "新疆维吾尔自治区", ["新疆"]),
    E("ks", "Place", "喀什地区", ["喀什"]),
    E("sf", "Place", "疏附县", ["疏附"]),
    E("js", "Place", "伽师县", ["伽师"]),
    E("cq", "Place", "重庆市", ["重庆"]),
    E("wz", "Place", "万州区", ["重庆市万州区"]),
    E("mca", "Agency", "民政部", ["中华人民共和国民政部"]),
    E("mcajz", "Agency", "民政部社会救助司", ["社会救助司"], False),
    E("zc", "Agency", "中央财政", [], False),
    E("jxmz", "Agency", "江西省民政厅", ["省民政厅"]),
    E("ydmz", "Agency", "于都县民政局", ["县民政局"]),
    E("gscz", "Agency", "甘肃省财政厅", ["省财政厅"]),
    E("gsmz", "Agency", "甘肃省民政厅", ["省民政厅"]),
    E("qlhmz", "Agency", "兰州市七里河区民政局", ["七里河区民政局", "区民政局"]),
    E("wzmz", "Agency", "重庆市万州区民政局", ["万州区民政局", "区民政局"]),
    E("xhs", "Agency", "新华社", [], False),
    E("xhw", "Agency", "新华网", [], False),
    E("a1", "Agency", "民政部门", [], False),
    E("g1", "Program", "救助+就业", ["救助+就业帮扶"]),
    E("g2", "Program", "冬春救助", ["冬春救助专项行动"]),
    E("g3", "Program", "一门受理、协同办理", [], False),
    E("g4", "Program", "低收入人口动态监测信息平台", [], False),
    T("t1", 39000000, "人"),
    T("t2", 4700000, "人"),
    T("t3", 159000000000, "元"),
    T("t4", 920, "元"),
    T("t5", 740, "元"),
    T("t6", 26000, "人"),
    T("t7", 312, "人"),
    T("t8", 486, "人"),
    T("t9", 3860000000, "元"),
    T("t10", 6.2, "%"),
    T("t11", 11000, "户"),
    T("t12", 400, "元"),
    T("t13", 14000, "人"),
    T("t14", 35000, "人"),
    T("o1", 15, "工作日", False),
    T("t15", 10, "工作日"),
]
rels = (
    [
        R("gz", "partOf", "jx"),
        R("yd", "partOf", ["gz", "jx"]),
        R("lz", "partOf", "gs"),
        R("qlh", "partOf", ["lz", "gs"]),
        R("ls", "partOf", "sc"),
        R("zj", "partOf", ["ls", "sc"]),
        R("bt", "partOf", ["ls", "sc"]),
        R("mg", "partOf", ["ls", "sc"]),
        R("ks", "partOf", "xj"),
        R("sf", "partOf", ["ks", "xj"]),
        R("js", "partOf", ["ks", "xj"]),
        R("wz", "partOf", "cq"),
        R("g1", "locatedIn", "ls"),
        R("t13", "locatedIn", "ls"),
        R("g2", "locatedIn", "ks"),
        R("t14", "locatedIn", "ks"),
    ]
    + located(((t, "jx") for t in ("t4", "t5")), True)
    + located(((t, "yd") for t in ("t6", "t7", "t8")), True)
    + located(((t, "gs") for t in ("t9", "t10")), True)
    + located((("t11", "qlh"), ("t15", "wz")), True)
    + located((("t12", "qlh"), ("o1", "wz"), ("g3", "wz"), ("g4", "cn"), ("t1", "cn"), ("t2", "cn"), ("t3", "cn")))
    + located((("t14", "sf"), ("t14", "js"), ("g1", "zj"), ("g1", "bt"), ("g1", "mg"), ("t13", "zj")))
    + located((("mca", "cn"), ("mcajz", "cn"), ("zc", "cn"), ("jxmz", "jx"), ("ydmz", "yd"), ("gscz", "gs")))
    + located((("gsmz", "gs"), ("qlhmz", "qlh"), ("wzmz", "wz")))
)
write_blind("dibao-roundup-2026", "a national news-agency roundup naming six provinces and their counties", ents, rels)

# ---- third batch (written blind by the extract helper after the second was brought to the bar)

# ---- a ministry's Q&A on a new instrument: three issuers, lineage, chapters and articles,
# time limits, counted events, slogans, provinces by short name, a city's platform
ents = [
    E("cn", "Place", "中国", ["中华人民共和国", "全国"], False),
    E("zj", "Place", "浙江省", ["浙江"]),
    E("gd", "Place", "广东省", ["广东"]),
    E("js", "Place", "江苏省", ["江苏"]),
    E("sz", "Place", "苏州市", ["苏州"]),
    E("mca", "Agency", "民政部", ["中华人民共和国民政部"]),
    E("mof", "Agency", "财政部", ["中华人民共和国财政部"]),
    E("nfra", "Agency", "国家金融监督管理总局", ["金融监管总局"]),
    E("zb", "Agency", "中共中央办公厅", ["中办"]),
    E("gb", "Agency", "国务院办公厅", ["国办"]),
    E("szmz", "Agency", "苏州市民政局", ["市民政局"]),
    E("mcajz", "Agency", "民政部社会救助司", ["社会救助司"], False),
    E("ccp", "Agency", "中共中央", ["党中央"], False),
    E("sc", "Agency", "国务院", [], False),
    E("a1", "Agency", "民政部门", [], False),
    E("web", "Agency", "民政部网站", [], False),
    E("p0", "Policy", "社会救助家庭经济状况核对办法", [], issued="2025-09"),
    E(
        "p1",
        "Policy",
        "中共中央办公厅 国务院办公厅关于改革完善社会救助制度的意见",
        ["关于改革完善社会救助制度的意见"],
    ),
    E("p2", "Policy", "社会救助暂行办法", []),
    E("p3", "Policy", "社会救助家庭经济状况核对工作规程", [], issued="2014"),
    E("g1", "Program", "一网通办", ["一网通办平台"]),
    E("g2", "Program", "全国社会救助核对系统", [], False),
    T("t1", 2870, "个"),
    T("t2", 136000000, "人次"),
    T("t3", 7.8, "%"),
    T("t4", 10, "工作日"),
    T("t5", 20, "工作日"),
    T("t6", 3, "工作日"),
    T("t7", 215000, "人次"),
    T("o1", 3, "天", False),
    T("o2", 1, "天", False),
]
rels = (
    [
        R("p0", "issuedBy", "mca"),
        R("p0", "issuedBy", "mof"),
        R("p0", "issuedBy", "nfra"),
        R("p1", "issuedBy", "zb"),
        R("p1", "issuedBy", "gb"),
        R("p0", "basedOn", "p1"),
        R("p0", "basedOn", "p2"),
        R("p0", "basedOn", "p3", False),
        R("sz", "partOf", "js"),
        R("g1", "locatedIn", "sz"),
        R("t7", "locatedIn", "sz"),
        R("szmz", "locatedIn", "sz", False),
    ]
    + located((t, "cn") for t in ("t1", "t2", "t3", "t4", "t5", "t6", "g2"))
    + located((("o1", "sz"), ("o2", "sz")))
    + located((a, "cn") for a in ("mca", "mof", "nfra", "zb", "gb", "mcajz", "ccp", "sc"))
)
write_blind("mca-qa-2025", "a ministry official's Q&A on a new instrument", ents, rels)

# ---- district human-interest story: a time bank, quoted residents, one man's allowances,
# a district name shared by four cities (鼓楼区)
ents = [
    E("gl", "Place", "鼓楼区", ["南京市鼓楼区", "鼓楼"]),
    E("nj", "Place", "南京市", ["南京"]),
    E("js", "Place", "江苏省", ["江苏"], False),
    E("glmz", "Agency", "南京市鼓楼区民政局", ["鼓楼区民政局", "区民政局"]),
    E("njmz", "Agency", "南京市民政局", ["市民政局"]),
    E("glcz", "Agency", "南京市鼓楼区财政", ["区财政", "鼓楼区财政"], False),
    E("paper", "Agency", "南京日报", [], False),
    E("g1", "Program", "时间银行", ["时间银行互助养老"]),
    T("t1", 420, "小时"),
    T("t2", 18000, "人"),
    T("t3", 460000, "小时"),
    T("t4", 23000, "次"),
    T("t5", 1580, "元"),
    T("t6", 300, "元"),
    T("t7", 216000, "人"),
    T("t8", 27.3, "%"),
    T("t9", 120000000, "元"),
    T("t10", 9.5, "%"),
    T("t11", 6, "家"),
    T("o1", 12, "个", False),
]
rels = (
    [
        R("gl", "partOf", "nj"),
        R("nj", "partOf", "js", False),
    ]
    # t1 (one volunteer's hours), t5 and t6 (one man's allowances): figures owned by no place
    + located(((t, "gl") for t in ("g1", "t2", "t3", "t4", "t7", "t8", "t9", "t10", "t11")), True)
    + located((("g1", "nj"), ("o1", "nj"), ("glmz", "gl"), ("njmz", "nj"), ("glcz", "gl")))
)
write_blind("gulou-district-2025", "a district human-interest story with quoted residents", ents, rels)

# ---- county piece naming townships and villages; a policy of the county's two offices,
# neighbouring counties named (蒙阴县, 费县), 沂蒙山区 (no division)
ents = [
    E("yn", "Place", "沂南县", ["临沂市沂南县", "沂南"]),
    E("ly", "Place", "临沂市", ["临沂"]),
    E("sd", "Place", "山东省", ["山东"], False),
    E("my", "Place", "蒙阴县", ["蒙阴"]),
    E("fx", "Place", "费县", []),
    E("xwb", "Agency", "中共沂南县委办公室", ["沂南县委办公室", "县委办公室"]),
    E("zfb", "Agency", "沂南县人民政府办公室", ["沂南县政府办公室", "县政府办公室"]),
    E("ynmz", "Agency", "沂南县民政局", ["县民政局"]),
    E("ynws", "Agency", "沂南县卫生健康局", ["县卫生健康局"]),
    E("lymz", "Agency", "临沂市民政局", ["市民政局"]),
    E("ywz", "Agency", "依汶镇人民政府", ["依汶镇政府", "镇政府"], False),
    E("paper", "Agency", "大众日报", [], False),
    E("p1", "Policy", "沂南县孝善养老工作实施方案", [], issued="2023-12"),
    E("g1", "Program", "孝善食堂", []),
    E("g2", "Program", "孝善基金+孝善食堂", ["孝善基金+孝善食堂模式"]),
    E("g3", "Program", "健康进家门", ["健康进家门巡诊服务"]),
    E("g4", "Program", "孝善沂南", [], False),
    E("g5", "Program", "孝善基金", [], False),
    T("o1", 1, "元", False),
    T("o2", 15, "个", False),
    T("t1", 100, "元"),
    T("t2", 312, "处"),
    T("t3", 270000000, "元"),
    T("t4", 68000, "人"),
    T("t5", 3800, "人次"),
    T("t6", 800, "处"),
]
rels = (
    [
        R("p1", "issuedBy", "xwb"),
        R("p1", "issuedBy", "zfb"),
        R("yn", "partOf", ["ly", "sd"]),
        R("my", "partOf", ["ly", "sd"]),
        R("fx", "partOf", ["ly", "sd"]),
        R("ly", "partOf", "sd", False),
        R("t6", "locatedIn", "ly"),
    ]
    + located(((t, "yn") for t in ("g1", "g2", "g3", "t1", "t2", "t3", "t4", "t5")), True)
    + located((("g4", "yn"), ("g5", "yn"), ("o1", "yn"), ("o2", "yn"), ("g1", "ly")))
    + located((("xwb", "yn"), ("zfb", "yn"), ("ynmz", "yn"), ("ynws", "yn"), ("lymz", "ly")))
)
write_blind("yinan-county-2025", "a county piece naming townships and villages", ents, rels)

# ---- national roundup: districts of five cities named after them (朝阳区, 和平区, 铁西区 and
# 新城区 are names of several districts), figures and programs per district
ents = [
    E("cn", "Place", "中国", ["中华人民共和国", "全国"], False),
    E("bj", "Place", "北京市", ["北京"]),
    E("cy", "Place", "朝阳区", ["北京市朝阳区"]),
    E("sh", "Place", "上海市", ["上海"]),
    E("ja", "Place", "静安区", ["上海市静安区"]),
    E("tj", "Place", "天津市", ["天津"]),
    E("hp", "Place", "和平区", ["天津市和平区"]),
    E("ln", "Place", "辽宁省", ["辽宁"]),
    E("sy", "Place", "沈阳市", ["沈阳"]),
    E("tx", "Place", "铁西区", ["沈阳市铁西区"]),
    E("nm", "Place", "内蒙古自治区", ["内蒙古"]),
    E("hh", "Place", "呼和浩特市", ["呼和浩特"]),
    E("xc", "Place", "新城区", ["呼和浩特市新城区"]),
    E("gx", "Place", "广西壮族自治区", ["广西"]),
    E("nn", "Place", "南宁市", ["南宁"]),
    E("qx", "Place", "青秀区", ["南宁市青秀区"]),
    E("cymz", "Agency", "北京市朝阳区民政局", ["朝阳区民政局", "区民政局"]),
    E("qxmz", "Agency", "南宁市青秀区民政局", ["青秀区民政局", "区民政局"]),
    E("mca", "Agency", "民政部", ["中华人民共和国民政部"]),
    E("web", "Agency", "人民网", [], False),
    E("p1", "Policy", "关于发展银发经济增进老年人福祉的意见", []),
    E("g1", "Program", "养老家庭照护床位", []),
    E("g2", "Program", "15分钟养老服务圈", []),
    E("g3", "Program", "物业+养老", ["物业+养老服务"]),
    E("g4", "Program", "家庭病床", []),
    E("g5", "Program", "社区嵌入式服务设施建设试点", [], False),
    E("g6", "Program", "社区嵌入式养老服务", [], False),
    T("t1", 5200, "张"),
    T("o1", 14, "个", False),
    T("t2", 20, "家"),
    T("t3", 32, "个"),
    T("t4", 92000, "人次"),
    T("t5", 11000, "人"),
    T("t6", 36000000, "元"),
    T("t7", 45, "处"),
    T("t8", 1200, "张"),
    T("t9", 35, "%"),
    T("t10", 50, "个"),
    T("t11", 100, "个"),
]
rels = (
    [
        R("cy", "partOf", "bj"),
        R("ja", "partOf", "sh"),
        R("hp", "partOf", "tj"),
        R("tx", "partOf", ["sy", "ln"]),
        R("sy", "partOf", "ln"),
        R("xc", "partOf", ["hh", "nm"]),
        R("hh", "partOf", "nm"),
        R("qx", "partOf", ["nn", "gx"]),
        R("nn", "partOf", "gx"),
    ]
    + located(
        (
            ("g1", "cy"),
            ("t1", "cy"),
            ("g2", "ja"),
            ("t2", "ja"),
            ("t3", "hp"),
            ("t4", "hp"),
            ("g3", "tx"),
            ("t5", "tx"),
            ("t6", "xc"),
            ("t7", "xc"),
            ("g4", "qx"),
            ("t8", "qx"),
            ("t9", "qx"),
        ),
        True,
    )
    + located((("o1", "ja"), ("t10", "cn"), ("t11", "cn"), ("g5", "cn"), ("g6", "cn")))
    + located((("cymz", "cy"), ("qxmz", "qx"), ("mca", "cn")))
)
write_blind("elderly-roundup-2025", "a national roundup naming districts of five cities", ents, rels)

# ---- fourth batch (written blind by the extract helper after the third was brought to the bar)

# ---- provincial press conference: 人民就是江山 (江山市 is a city of the province), a revised
# regulation passed by the legislature, districts and a county after their cities, a county-level
# city named alone (义乌市), counted events, a time limit
ents = [
    E("zj", "Place", "浙江省", ["浙江"]),
    E("nb", "Place", "宁波市", ["宁波"]),
    E("hs", "Place", "海曙区", ["宁波市海曙区"]),
    E("wz", "Place", "温州市", ["温州"]),
    E("lc", "Place", "鹿城区", ["温州市鹿城区"]),
    E("ls", "Place", "丽水市", ["丽水"]),
    E("jn", "Place", "景宁畲族自治县", ["景宁县", "景宁"]),
    E("yw", "Place", "义乌市", ["义乌"]),
    E("jh", "Place", "金华市", ["金华"], False),
    E("xwb", "Agency", "浙江省人民政府新闻办公室", ["浙江省政府新闻办", "省政府新闻办", "浙江省政府新闻办公室"]),
    E("mz", "Agency", "浙江省民政厅", ["省民政厅"]),
    E("wj", "Agency", "浙江省卫生健康委员会", ["浙江省卫生健康委", "省卫生健康委"]),
    E("yb", "Agency", "浙江省医疗保障局", ["浙江省医保局", "省医保局"]),
    E("cl", "Agency", "浙江省残疾人联合会", ["浙江省残联", "省残联"]),
    E("rd", "Agency", "浙江省人大常委会", ["浙江省人民代表大会常务委员会", "省人大常委会"]),
    E("hsmz", "Agency", "宁波市海曙区民政局", ["海曙区民政局", "区民政局"]),
    E("jnwj", "Agency", "景宁畲族自治县卫生健康局", ["景宁县卫生健康局", "县卫生健康局"]),
    E("paper", "Agency", "浙江日报", [], False),
    E("p1", "Policy", "浙江省养老服务条例", [], issued="2026-01"),
    E("g1", "Program", "浙里康养", ["浙里康养示范乡镇"]),
    E("g2", "Program", "原居安养", ["原居安养模式"]),
    E("g3", "Program", "颐养驿站", []),
    E("g4", "Program", "巡回医疗", ["巡回医疗服务"]),
    E("g5", "Program", "残疾人之家", []),
    E("g6", "Program", "残疾人之家+就业", ["残疾人之家+就业模式"]),
    E("g7", "Program", "长期护理保险", ["长护险"], False),
    T("t1", 16000, "张"),
    T("t2", 23000, "张"),
    T("t3", 25, "人"),
    T("t4", 12000, "人"),
    T("t5", 86, "个"),
    T("t6", 100, "个"),
    T("t7", 402, "家"),
    T("t8", 92.5, "%"),
    T("t9", 1870000000, "元"),
    T("t10", 12.3, "%"),
    T("t11", 98000, "人"),
    T("o1", 30, "工作日", False),
    T("t12", 15, "工作日"),
    T("t13", 1402, "家"),
    T("t14", 860, "人"),
]
rels = (
    [
        R("p1", "issuedBy", "rd"),
        R("hs", "partOf", ["nb", "zj"]),
        R("nb", "partOf", "zj"),
        R("lc", "partOf", ["wz", "zj"]),
        R("wz", "partOf", "zj"),
        R("jn", "partOf", ["ls", "zj"]),
        R("ls", "partOf", "zj"),
        R("yw", "partOf", ["jh", "zj"]),
        R("g2", "locatedIn", "hs"),
        R("t4", "locatedIn", "hs"),
        R("g3", "locatedIn", "lc"),
        R("t5", "locatedIn", "lc"),
        R("g4", "locatedIn", "jn"),
        R("g6", "locatedIn", "yw"),
        R("t14", "locatedIn", "yw"),
    ]
    + located(
        ((t, "zj") for t in ("t1", "t2", "t3", "t6", "t7", "t8", "t9", "t10", "t11", "t12", "t13", "g1", "g5")), True
    )
    + located((("o1", "zj"), ("g7", "zj")))
    + located((a, "zj") for a in ("xwb", "mz", "wj", "yb", "cl", "rd"))
    + located((("hsmz", "hs"), ("jnwj", "jn")))
)
write_blind("zhejiang-press-2026", "a provincial press conference with four departments and a moderator", ents, rels)

# ---- district human-interest story in a municipality: canteens, a household's allowance,
# 长江南岸 (南岸区 is a district of the same city)
ents = [
    E("yz", "Place", "渝中区", ["重庆市渝中区", "渝中"]),
    E("cq", "Place", "重庆市", ["重庆"]),
    E("yzmz", "Agency", "重庆市渝中区民政局", ["渝中区民政局", "区民政局"]),
    E("cqmz", "Agency", "重庆市民政局", ["市民政局"]),
    E("paper", "Agency", "重庆日报", [], False),
    E("g1", "Program", "社区食堂+助餐点", []),
    E("g2", "Program", "时间银行", []),
    E("g3", "Program", "社区食堂", [], False),
    E("g4", "Program", "适老化改造", [], False),
    T("t1", 26.8, "%"),
    T("t2", 41, "个"),
    T("t3", 120, "个"),
    T("t4", 960000, "人次"),
    T("t5", 2600, "户"),
    T("t6", 5000, "元"),
    T("t7", 300, "元"),
    T("t8", 10000, "人"),
    T("t9", 500, "个"),
]
rels = (
    [
        R("yz", "partOf", "cq"),
        R("t9", "locatedIn", "cq"),
        R("yzmz", "locatedIn", "yz", False),
        R("cqmz", "locatedIn", "cq", False),
    ]
    # t7 is one household's allowance: a figure owned by no place
    + located(((t, "yz") for t in ("g1", "g2", "t1", "t2", "t3", "t4", "t5", "t6", "t8")), True)
    + located((("g3", "yz"), ("g4", "yz"), ("g3", "cq")))
)
write_blind("yuzhong-district-2025", "a district human-interest story with quoted residents", ents, rels)

# ---- county piece naming townships and villages; neighbouring counties (新县, 商城县), 网上商城
ents = [
    E("gs", "Place", "光山县", ["信阳市光山县", "光山"]),
    E("xy", "Place", "信阳市", ["信阳"]),
    E("hn", "Place", "河南省", ["河南"], False),
    E("xx", "Place", "新县", []),
    E("sc", "Place", "商城县", []),
    E("gsmz", "Agency", "光山县民政局", ["县民政局"]),
    E("gscz", "Agency", "光山县财政局", ["县财政局"]),
    E("xymz", "Agency", "信阳市民政局", ["市民政局"]),
    E("gsczz", "Agency", "光山县财政", ["县财政"], False),
    E("wsy", "Agency", "泼陂河镇卫生院", ["镇卫生院"], False),
    E("paper", "Agency", "河南日报", [], False),
    E("p1", "Policy", "光山县农村互助养老幸福院建设运营实施方案", [], issued="2024-06"),
    E("g1", "Program", "银龄幸福院", []),
    E("g2", "Program", "农村养老服务提升工程", [], False),
    E("g3", "Program", "农村互助养老", [], False),
    T("o1", 19, "个", False),
    T("t1", 286, "个"),
    T("t2", 78, "%"),
    T("t3", 4100, "人"),
    T("t4", 8600000, "元"),
    T("t5", 12000, "人次"),
    T("t6", 600, "个"),
]
rels = (
    [
        R("p1", "issuedBy", "gsmz"),
        R("p1", "issuedBy", "gscz"),
        R("gs", "partOf", ["xy", "hn"]),
        R("xx", "partOf", ["xy", "hn"]),
        R("sc", "partOf", ["xy", "hn"]),
        R("xy", "partOf", "hn", False),
        R("t6", "locatedIn", "xy"),
    ]
    + located(((t, "gs") for t in ("g1", "t1", "t2", "t3", "t4", "t5")), True)
    + located((("g1", "xy"), ("g2", "gs"), ("g3", "gs"), ("o1", "gs")))
    + located((("gsmz", "gs"), ("gscz", "gs"), ("gsczz", "gs"), ("wsy", "gs"), ("xymz", "xy")))
)
write_blind("guangshan-county-2025", "a county piece naming townships and villages", ents, rels)

# ---- national news-agency roundup: a dateline city also named in the text, districts after
# their cities (城东区 is a generic name), prefectures by short form, a county-level city
ents = [
    E("cn", "Place", "中国", ["中华人民共和国", "全国"], False),
    E("qh", "Place", "青海省", ["青海"]),
    E("xn", "Place", "西宁市", ["西宁"]),
    E("cd", "Place", "城东区", ["西宁市城东区"]),
    E("nx", "Place", "宁夏回族自治区", ["宁夏"]),
    E("yc", "Place", "银川市", ["银川"]),
    E("xq", "Place", "兴庆区", ["银川市兴庆区"]),
    E("xz", "Place", "西藏自治区", ["西藏"]),
    E("rkz", "Place", "日喀则市", ["日喀则"]),
    E("gz", "Place", "贵州省", ["贵州"]),
    E("qn", "Place", "黔南布依族苗族自治州", ["黔南州", "黔南"]),
    E("jl", "Place", "吉林省", ["吉林"]),
    E("yb", "Place", "延边朝鲜族自治州", ["延边州", "延边"]),
    E("yj", "Place", "延吉市", ["延吉"]),
    E("cdyb", "Agency", "西宁市城东区医疗保障局", ["城东区医保局", "区医保局", "西宁市城东区医保局"]),
    E("qnyb", "Agency", "黔南布依族苗族自治州医疗保障局", ["黔南州医保局", "州医保局", "黔南布依族苗族自治州医保局"]),
    E("qnmz", "Agency", "黔南布依族苗族自治州民政局", ["黔南州民政局", "州民政局"]),
    E("nhsa", "Agency", "国家医疗保障局", ["国家医保局"]),
    E("xhs", "Agency", "新华社", [], False),
    E("xhw", "Agency", "新华网", [], False),
    E("a1", "Agency", "医保部门", [], False),
    E("a2", "Agency", "民政部门", [], False),
    E("g1", "Program", "先诊疗后付费", []),
    E("g2", "Program", "防范化解因病返贫致贫长效机制", [], False),
    T("t1", 28600000, "元"),
    T("t2", 41000, "人次"),
    T("t3", 80, "%"),
    T("t4", 186000, "人"),
    T("t5", 13000, "人"),
    T("t6", 6200, "人次"),
    T("t7", 9.5, "%"),
    T("t8", 81000000, "人"),
]
rels = (
    [
        R("xn", "partOf", "qh"),
        R("cd", "partOf", ["xn", "qh"]),
        R("yc", "partOf", "nx"),
        R("xq", "partOf", ["yc", "nx"]),
        R("rkz", "partOf", "xz"),
        R("qn", "partOf", "gz"),
        R("yb", "partOf", "jl"),
        R("yj", "partOf", ["yb", "jl"]),
    ]
    + located(
        (
            ("t1", "cd"),
            ("t2", "cd"),
            ("t3", "xq"),
            ("t4", "rkz"),
            ("t5", "qn"),
            ("g1", "yj"),
            ("t6", "yj"),
            ("t7", "yj"),
        ),
        True,
    )
    + located((("t8", "cn"), ("g2", "qn"), ("nhsa", "cn"), ("cdyb", "cd"), ("qnyb", "qn"), ("qnmz", "qn")))
)
write_blind(
    "medical-aid-roundup-2025", "a national news-agency roundup naming six provinces' cities and districts", ents, rels
)

# ---- fifth batch (written blind by the extract helper after the fourth was brought to the bar)

# ---- provincial year review: 省民政部门 (the province's 民政厅), a paragraph opened by one
# city's body whose later sentences name other places, a district and a county-level city listed
ents = [
    E("hb", "Place", "湖北省", ["湖北"]),
    E("wh", "Place", "武汉市", ["武汉"]),
    E("es", "Place", "恩施土家族苗族自治州", ["恩施州", "恩施"]),
    E("yc", "Place", "宜昌市", ["宜昌"]),
    E("xy", "Place", "襄阳市", ["襄阳"]),
    E("xz", "Place", "襄州区", ["襄阳市襄州区"]),
    E("zy", "Place", "枣阳市", ["枣阳"]),
    E("mz", "Agency", "湖北省民政厅", ["省民政厅"]),
    E("cz", "Agency", "湖北省财政厅", ["省财政厅"]),
    E("xczx", "Agency", "湖北省乡村振兴局", ["省乡村振兴局"], False),
    E("whmz", "Agency", "武汉市民政局", ["市民政局"]),
    E("esmz", "Agency", "恩施土家族苗族自治州民政局", ["恩施州民政局", "州民政局"]),
    E("paper", "Agency", "湖北日报", [], False),
    E("g1", "Program", "小院+互助", ["小院+互助农村养老模式"]),
    E("g2", "Program", "物业+养老", ["物业+养老服务"]),
    E("g3", "Program", "生态安葬", []),
    E("g4", "Program", "殡葬改革", [], False),
    T("t1", 810, "元"),
    T("t2", 640, "元"),
    T("t3", 8630000000, "元"),
    T("t4", 4.2, "%"),
    T("t5", 520000, "人"),
    T("t6", 120, "个"),
    T("t7", 1460, "个"),
    T("t8", 300, "个"),
    T("t9", 2300, "个"),
    T("t10", 42, "%"),
    T("t11", 200, "个"),
]
rels = (
    [
        R("wh", "partOf", "hb"),
        R("es", "partOf", "hb"),
        R("yc", "partOf", "hb"),
        R("xy", "partOf", "hb"),
        R("xz", "partOf", ["xy", "hb"]),
        R("zy", "partOf", ["xy", "hb"]),
        R("t6", "locatedIn", "wh"),
        R("g1", "locatedIn", "es"),
        R("t7", "locatedIn", "es"),
        R("g2", "locatedIn", "yc"),
        R("t8", "locatedIn", "yc"),
        R("g3", "locatedIn", ["xz", "zy", "xy"]),
        R("t10", "locatedIn", ["xz", "zy", "xy"]),
    ]
    + located(((t, "hb") for t in ("t1", "t2", "t3", "t4", "t5", "t9", "t11")), True)
    + located((("g3", "xz"), ("g3", "zy"), ("t10", "xz"), ("t10", "zy"), ("g4", "hb")))
    + located((("mz", "hb"), ("cz", "hb"), ("xczx", "hb"), ("whmz", "wh"), ("esmz", "es")))
)
write_blind("hubei-review-2025", "a provincial year review with city sentences inside paragraphs", ents, rels)

# ---- provincial press conference: a decline rate, an increase in money and a growth rate,
# districts of two cities sharing one figure, 昭觉、布拖等7个县, a 24-hour time limit
ents = [
    E("cn", "Place", "中国", ["中华人民共和国", "全国"], False),
    E("sc", "Place", "四川省", ["四川"]),
    E("cd", "Place", "成都市", ["成都"]),
    E("wh", "Place", "武侯区", ["成都市武侯区"]),
    E("my", "Place", "绵阳市", ["绵阳"]),
    E("fc", "Place", "涪城区", ["绵阳市涪城区"]),
    E("ls", "Place", "凉山彝族自治州", ["凉山州", "凉山"]),
    E("zj", "Place", "昭觉县", ["昭觉"]),
    E("bt", "Place", "布拖县", ["布拖"]),
    E("xwb", "Agency", "四川省人民政府新闻办公室", ["四川省政府新闻办", "省政府新闻办", "四川省政府新闻办公室"]),
    E("mz", "Agency", "四川省民政厅", ["省民政厅"]),
    E("cz", "Agency", "四川省财政厅", ["省财政厅"]),
    E("yb", "Agency", "四川省医疗保障局", ["四川省医保局", "省医保局"]),
    E("lsmz", "Agency", "凉山彝族自治州民政局", ["凉山州民政局", "州民政局"]),
    E("zc", "Agency", "中央财政", [], False),
    E("sjcz", "Agency", "省级财政", ["四川省级财政"], False),
    E("fm", "Agency", "封面新闻", [], False),
    E("paper", "Agency", "四川日报", [], False),
    E("g1", "Program", "政策找人", [], False),
    E("g2", "Program", "先行救助", [], False),
    E("g3", "Program", "一门受理、协同办理", [], False),
    T("t1", 3806000, "人"),
    T("t2", 2.1, "%"),
    T("t3", 423000, "人"),
    T("t4", 18000, "人"),
    T("o1", 7, "个", False),
    T("t5", 1200, "人"),
    T("t6", 9650000000, "元"),
    T("t7", 560000000, "元"),
    T("t8", 6.2, "%"),
    T("t9", 200, "元"),
    T("t10", 3820000000, "元"),
    T("t11", 24, "小时"),
]
rels = (
    [
        R("cd", "partOf", "sc"),
        R("wh", "partOf", ["cd", "sc"]),
        R("my", "partOf", "sc"),
        R("fc", "partOf", ["my", "sc"]),
        R("ls", "partOf", "sc"),
        R("zj", "partOf", ["ls", "sc"]),
        R("bt", "partOf", ["ls", "sc"]),
        R("t4", "locatedIn", ["wh", "fc", "sc"]),
        R("t5", "locatedIn", "ls"),
    ]
    + located(((t, "sc") for t in ("t1", "t2", "t3", "t6", "t7", "t8", "t9", "t10", "t11")), True)
    + located((("t4", "wh"), ("t4", "fc"), ("o1", "ls"), ("g1", "wh"), ("g1", "fc"), ("g2", "sc"), ("g3", "sc")))
    + located((("xwb", "sc"), ("mz", "sc"), ("cz", "sc"), ("yb", "sc"), ("lsmz", "ls"), ("zc", "cn"), ("sjcz", "sc")))
)
write_blind("sichuan-press-2025", "a provincial press conference with three departments", ents, rels)
