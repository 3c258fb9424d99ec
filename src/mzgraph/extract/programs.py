"""Programs: named initiatives, models, campaigns, projects, platforms and reforms.

Three general shapes:

* a quoted name (“党建+X”, “百社解千难”), usually followed by a head noun (模式, 工程, 服务 …);
  the label is the quoted name. Quotes that are not programs are left out: period names
  (“十四五”), adjectives (“一站式”), honours (荣获“…”称号), principles and manners
  (“…”原则 / 要求 / 方式), and quotes inside a policy title;
* a named reform: an action verb (推进, 深化 …) and a noun phrase ending in 改革;
  shorter mentions of the same reform (殡葬改革 for 惠民绿色文明殡葬改革) are the same program;
* a named campaign: 开展/实施 and a noun phrase ending in 专项行动, 专项治理, 试点 or 工程,
  or 实施 … 工作.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import NamedTuple

from mzgraph.extract.text import Mask, scan_at, scan_from, starts_of

_QUOTE = re.compile(r"“([^“”\n]{2,30})”")
_PERIOD = re.compile(r"^[十][一二三四五六七八九十]五$")
# Each quote is put to a dozen patterns: a pattern of words is tried only where the character
# its words open (or end) with is there, a test that costs a tenth of a pattern's call.
_MANNER_LEAD = ("工作", "发展", "服务", "总", "基本", "目标")
_MANNER = ("方式", "方法", "原则", "要求", "理念", "精神", "思路", "方针", "目标", "格局", "局面", "问题")
_NOT_NAME_AFTER = (
    *("称号", "荣誉", "口号", "之称", "美誉", "字", "等称号", "重要思想", "论述"),
    # a quoted label of people (“三留守”人员, “空巢”老人) names a group, not a program
    *("人员", "群体", "对象", "老人", "老年人", "儿童", "妇女", "家庭", "人口", "群众", "户", "党员", "干部"),
)
_NOT_PROGRAM_AFTER = re.compile(
    rf"^(?:{'|'.join(_MANNER_LEAD)})?(?:{'|'.join(_MANNER)})|^(?:{'|'.join(_NOT_NAME_AFTER)})"
)
_NOT_PROGRAM_AFTER_FIRST = frozenset(w[0] for w in (*_MANNER_LEAD, *_MANNER, *_NOT_NAME_AFTER))
_NAMED_AS = ("荣获", "获评", "被评为", "评为", "获得", "授予", "称为", "号称", "简称", "誉为", "称作", "称之为", "即")
_NOT_PROGRAM_BEFORE = re.compile(rf"(?:{'|'.join(_NAMED_AS)})$")
# the last characters of words before a quote (and a line break: $ matches before a final one)
_NAMED_AS_LAST = frozenset([*(w[-1] for w in _NAMED_AS), "\n"])
# Figures of speech that are quoted for emphasis, not names (打通“最后一公里”).
_METAPHORS = {
    "最后一公里", "最后一米", "最后一百米", "牛鼻子", "指挥棒", "压舱石", "领头雁", "主心骨", "硬骨头", "关键少数",
    "绊脚石", "拦路虎", "助推器", "加速器", "防火墙", "红线", "底线", "生命线", "一盘棋", "排头兵", "先行者", "试验田",
    "风向标", "稳定器", "减压阀", "顶梁柱", "定盘星", "金钥匙", "连心桥", "暖心", "贴心人", "娘家人", "老娘舅",
    "绿色通道", "快车道", "直通车", "组合拳", "及时雨", "定心丸", "温度", "小切口", "大民生", "民生温度",
}  # fmt: skip
# Head nouns that may follow a quoted name and belong to it.
# Direct speech or a slogan sentence rather than a name.
_SLOGAN = re.compile(r"[，。！？；,!?;]|.{4,}的.{2,}|^.有所.$")  # 老有所养: the goal, not a program
_ZERO = re.compile(r"^零[\u4e00-\u9fff]{1,3}$")  # “零事故”, “零投诉”: a goal stated as a slogan
# Verbs that introduce a named initiative, with up to six characters of object before the
# quote (推行低保申请“掌上办”, 以“五社联动”为抓手).
_INTRODUCE = re.compile(
    r"(?:开展|实施|推行|推进|推动|推广|深化|探索|打造|创新|建立|设立|开设|构建|建设|建成|启动|试点|依托|采取|实行|"
    r"围绕|治理|创建|培育|打响|擦亮|形成|总结出?了?|首创|升级|按照|以)[^，。；：、,;:!?！？“”]{0,6}$"
)
# Words that make what follows a stance, a slogan or a description (坚持“…”, 做到“…”, 是“…”).
_STANCE_WORDS = (
    *("坚持", "做到", "确保", "力争", "力求", "就是", "是", "按", "称", "叫"),
    *("成为", "真正", "说", "讲", "喊出", "提出", "树立", "践行"),
)
_STANCE = re.compile(rf"(?:{'|'.join(_STANCE_WORDS)})$")
_STANCE_LAST = frozenset([*(w[-1] for w in _STANCE_WORDS), "\n"])
# Shapes only a name has: 党建+X, 1+5+X, 12349
_NAME_SHAPE = re.compile(r"[+＋\d]")
# A campaign noun after a quote (“不漏一户、不落一人”排查行动) makes parallel phrasing a name.
_CAMPAIGN_AFTER = re.compile(r"[\u4e00-\u9fff]{0,3}(?:行动|工程|活动|计划|专项|试点|模式|机制)")
# A quoted 小X set against a 大Y just after it is rhetoric, not a name.
_CONTRAST = re.compile(r"^小[\u4e00-\u9fff]{1,2}$")
# Names of service points and facilities a place runs under a brand (爱心驿站, 长者食堂, 幸福小院).
_SERVICE_POINTS = ("驿站", "食堂", "饭堂", "小院", "之家", "书屋", "超市", "课堂", "服务站", "幸福院")
_SERVICE_POINT = re.compile(rf"[\u4e00-\u9fff]{{2}}(?:{'|'.join(_SERVICE_POINTS)})$")
_SERVICE_POINT_LAST = frozenset(w[-1] for w in _SERVICE_POINTS)  # (a name holds no line break)
_BODY_NAME = re.compile(r"(?:委|局|(?<![餐客大])厅|理事会|协会|委员会|联合会|商会)$")
_BODY_NAME_LAST = frozenset("委局厅会")
_HEADS = (
    *("经验模式", "模式", "工程", "专项行动", "行动", "服务", "活动", "标准", "方案", "品牌", "项目", "平台", "机制"),
    *("工作法", "经验", "计划", "主题教育", "专项工程", "工作室", "试点", "示范", "改革", "行动计划", "体系", "网络"),
    *("热线", "小程序", "APP", "App", "app", "政务服务平台", "服务平台", "移动端", "客户端"),
)
_HEAD = re.compile(rf"^(?:{'|'.join(_HEADS)})")
_HEAD_FIRST = frozenset(w[0] for w in _HEADS)
_REFORM_VERBS = ("推进", "深化", "推动", "实施", "开展", "启动", "推行", "完成", "抓好", "落实", "共抓", "抓实", "试点")
_REFORM = re.compile(
    rf"(?:{'|'.join(_REFORM_VERBS)})"
    r"(?P<np>[\u4e00-\u9fff]{2,14}?改革)(?!创新|发展|开放|试验|成果|任务|举措|政策|工作经验)"
)
# A reform is tried only at a verb's first character 6 to 18 characters before the end of
# a 改革 (the verb, 2 to 14 characters, 改革), found by a literal (a pattern opening with the
# verbs tests a set at every character: 3.2 ms on the joined text)
_REFORM_FIRST = frozenset(v[0] for v in _REFORM_VERBS)
# a named pilot or action (four characters each), and what may not follow it
_PILOTS = ("制度试点", "创新试点", "改革试点", "提升行动", "示范行动", "行动计划")
_NOT_PILOT_AFTER = r"(?![\u4e00-\u9fff]{0,2}(?:方案|办法|意见|通知|城市|地区|县|市|工作))"
_CAMPAIGN = re.compile(
    r"(?:开展|实施)(?P<np>[\u4e00-\u9fff（）()]{2,20}?(?:专项行动|专项治理|专项整治|试点(?=工作)|工程))"
    r"|实施(?P<work>[\u4e00-\u9fff]{4,16}?)工作"
    # 推进长期护理保险制度试点, 开展居家和社区基本养老服务提升行动: a named pilot or action
    rf"|(?:开展|实施|推进|推动|启动|深化|扩大)(?P<pilot>[\u4e00-\u9fff]{{4,20}}?(?:{'|'.join(_PILOTS)}))"
    + _NOT_PILOT_AFTER
)
# where a campaign starts (its verb), for re to skip to at C speed
_CAMPAIGN_START = starts_of(_CAMPAIGN, "开实推启深扩")
# 我省长期护理保险制度试点: a named pilot after 我省/本市/全省 (found from its tail: the scan
# stays cheap where 全省, 全市 are frequent). The tail is tried only where one of its words
# ends: a pattern for each last two characters (试点, 行动, 计划), which re finds by its
# literal first character, behind them the words ending so (a pattern opening with the
# alternation tests a set at every character: 2.7 ms on the joined text)
_PILOT_TAIL = re.compile(f"(?:{'|'.join(_PILOTS)}){_NOT_PILOT_AFTER}")
_PILOT_ENDS = [
    re.compile(f"{end}(?<={'|'.join(w for w in _PILOTS if w.endswith(end))})")
    for end in sorted({w[-2:] for w in _PILOTS})
]
_OWN_LEVEL = re.compile(r"(?<!自)[我本全](?:省|市|县|区|州|盟|旗)的?(?P<np>[\u4e00-\u9fff]{4,16})$")
_GENERIC_LEAD = re.compile(r"(?:各项|各类|相关|有关|一系列|系列|重点|重大|这项|该项|一项|多项|了|全面|深入|各种)")


def _reforms(text: str):
    """``_REFORM.finditer(text)``, tried only where a verb can open one (``_REFORM_FIRST``)."""
    starts = set()
    first = _REFORM_FIRST
    k = text.find("改革")
    while k >= 0:
        for x in range(max(0, k - 16), k - 3):
            if text[x] in first:
                starts.add(x)
        k = text.find("改革", k + 2)
    return scan_at(_REFORM, sorted(starts), text)


def _pilot_tails(text: str):
    """``_PILOT_TAIL.finditer(text)``, tried only where one of its words ends."""
    return scan_at(_PILOT_TAIL, sorted(m.end() - 4 for end in _PILOT_ENDS for m in end.finditer(text)), text)


class ProgramHit(NamedTuple):
    start: int
    end: int
    name: str


def _subsequence(short: str, long: str) -> bool:
    """社会救助改革 in 社会救助综合改革: every character, in order."""
    it = iter(long)
    return all(ch in it for ch in short)


def _has_evidence(
    text: str, s: int, e: int, name: str, uses: Counter, place_ends: set[int], named_before: int | None
) -> bool:
    """A quote without a head noun is a program only when something says it is a name:
    a verb that introduces it (推行“掌上办”), a place that owns it (新余市“党建+颐养之家”),
    a count of it (“长者食堂”28家), its shape (党建+X, 1+5+X), a program quoted just before
    it (推进“长者照护之家”“综合为老服务中心”建设), a headline opening with it, or its use
    more than once."""
    before = text[max(0, s - 10) : s]
    if s and text[s - 1] in _STANCE_LAST and _STANCE.search(before):
        return False  # 坚持“一个都不能少”, 做到“一户不落”, 是“小切口”: a slogan or a figure of speech
    if name[0] == "小" and _CONTRAST.match(name) and "大" in text[e : e + 12]:
        return False  # “小网格”里的大民生, “小切口”…“大温度”: the small-big figure of speech
    if name[-1] in _SERVICE_POINT_LAST and _SERVICE_POINT.search(name):
        return True  # “爱心驿站”覆盖全部街道: a service point's name
    if _INTRODUCE.search(before) or s in place_ends or _NAME_SHAPE.search(name) or text[e : e + 1].isdigit():
        return True
    if named_before is not None and text[named_before:s] in ("", "、", "和", "及", "与"):
        return True
    line_start = s == 0 or text[s - 1] == "\n" or (s > 0 and text[s - 1] in "：:" and s - 1 in place_ends)
    return line_start or uses[name] > 1


def find_programs(text: str, blocked: Mask, place_ends: set[int] | None = None) -> list[ProgramHit]:
    """Programs in ``text``; ``blocked`` marks text already taken (policy titles);
    ``place_ends`` are the offsets where a place name ends."""
    is_blocked = blocked.overlaps
    place_ends = place_ends or set()
    quotes = [(*m.span(), m.group(1).strip()) for m in _QUOTE.finditer(text)]
    uses = Counter(name for _, _, name in quotes)

    hits: list[ProgramHit] = []
    for s, e, name in quotes:
        if is_blocked(s, e) or not name:
            continue
        after = text[e : e + 6]
        first_after = after[:1]
        if name[0] == "十" and _PERIOD.match(name) or name[-1] in "式型":
            continue
        if first_after in _NOT_PROGRAM_AFTER_FIRST and _NOT_PROGRAM_AFTER.match(after):
            continue
        if s and text[s - 1] in _NAMED_AS_LAST and _NOT_PROGRAM_BEFORE.search(text[max(0, s - 4) : s]):
            continue
        if "、" in name:
            parts = name.split("、")
            if len({p[:1] for p in parts}) == 1 and not _CAMPAIGN_AFTER.match(text, e):
                continue  # 推进“跨部门、跨层级”信息共享, “早发现、早干预”: parallel phrasing, not a name
        head = _HEAD.match(after) if first_after in _HEAD_FIRST else None
        if head is None and (name in _METAPHORS or _SLOGAN.search(name) or name[0] == "零" and _ZERO.match(name)):
            continue
        if head is None and name[-1] in _BODY_NAME_LAST and _BODY_NAME.search(name):  # “两委”: a body, not a program
            continue
        named_before = hits[-1].end if hits and text[hits[-1].end - 1] == "”" else None
        if head is None and not _has_evidence(text, s, e, name, uses, place_ends, named_before):
            continue
        end = e + (head.end() if head else 0)
        hits.append(ProgramHit(s, end, name))

    def phrase(s: int, e: int) -> None:
        """A named reform, campaign or pilot over ``text[s:e]``, without a generic lead word."""
        lead = _GENERIC_LEAD.match(text, s, e)
        if lead:
            s = lead.end()
        if e - s >= 4 and not is_blocked(s, e):
            hits.append(ProgramHit(s, e, text[s:e]))

    for m in _reforms(text):
        phrase(m.start("np"), m.end("np"))
    for m in scan_from(_CAMPAIGN, _CAMPAIGN_START, text):
        group = next(g for g in ("np", "work", "pilot") if m.group(g))
        phrase(m.start(group), m.end(group))
    for m in _pilot_tails(text):
        own = _OWN_LEVEL.search(text, max(0, m.start() - 19), m.start())
        if own is not None:
            phrase(own.start("np"), m.end())
    hits.sort(key=lambda h: (h.start, -h.end))
    # one span, one program: drop hits inside an earlier one
    out: list[ProgramHit] = []
    for h in hits:
        if out and h.start < out[-1].end:
            continue
        out.append(h)
    # a shorter name that ends a longer one of the same document is the same program
    names = sorted({h.name for h in out}, key=len, reverse=True)
    reforms = [n for n in names if "改" in n and "革" in n]
    canonical = {n: n for n in names}
    for n in reforms:
        if n.endswith("改革"):
            longer = [x for x in reforms if len(x) > len(n) and _subsequence(n, x)]
            canonical[n] = longer[0] if longer else n
    return [ProgramHit(h.start, h.end, canonical[h.name]) for h in out]
