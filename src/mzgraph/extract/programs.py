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
from dataclasses import dataclass

from mzgraph.extract.text import Mask

_QUOTE = re.compile(r"“([^“”\n]{2,30})”")
_PERIOD = re.compile(r"^[十][一二三四五六七八九十]五$")
_NOT_PROGRAM_AFTER = re.compile(
    r"^(?:工作|发展|服务|总|基本|目标)?(?:方式|方法|原则|要求|理念|精神|思路|方针|目标|格局|局面|问题)|"
    r"^(?:称号|荣誉|口号|之称|美誉|字|等称号|重要思想|论述|"
    # a quoted label of people (“三留守”人员, “空巢”老人) names a group, not a program
    r"人员|群体|对象|老人|老年人|儿童|妇女|家庭|人口|群众|户|党员|干部)"
)
_NOT_PROGRAM_BEFORE = re.compile(r"(?:荣获|获评|被评为|评为|获得|授予|称为|号称|简称|誉为|称作|称之为|即)$")
# Figures of speech that are quoted for emphasis, not names (打通“最后一公里”).
_METAPHORS = {
    "最后一公里", "最后一米", "最后一百米", "牛鼻子", "指挥棒", "压舱石", "领头雁", "主心骨", "硬骨头", "关键少数",
    "绊脚石", "拦路虎", "助推器", "加速器", "防火墙", "红线", "底线", "生命线", "一盘棋", "排头兵", "先行者", "试验田",
    "风向标", "稳定器", "减压阀", "顶梁柱", "定盘星", "金钥匙", "连心桥", "暖心", "贴心人", "娘家人", "老娘舅",
}  # fmt: skip
# Head nouns that may follow a quoted name and belong to it.
# Direct speech or a slogan sentence rather than a name.
_SLOGAN = re.compile(r"[，。！？；,!?;]|.{4,}的.{2,}|^.有所.$")  # 老有所养: the goal, not a program
_ZERO = re.compile(r"^零[\u4e00-\u9fff]{1,3}$")  # “零事故”, “零投诉”: a goal stated as a slogan
_BODY_NAME = re.compile(r"(?:委|局|厅|理事会|协会|委员会|联合会|商会)$")
_HEAD = re.compile(
    r"^(?:经验模式|模式|工程|专项行动|行动|服务|活动|标准|方案|品牌|项目|平台|机制|工作法|经验|计划|主题教育|"
    r"专项工程|工作室|试点|示范|改革|行动计划|体系|网络|热线|小程序|APP|App|app|政务服务平台|服务平台|移动端|客户端)"
)
_REFORM = re.compile(
    r"(?:推进|深化|推动|实施|开展|启动|推行|完成|抓好|落实|共抓|抓实|试点)"
    r"(?P<np>[\u4e00-\u9fff]{2,14}?改革)(?!创新|发展|开放|试验|成果|任务|举措|政策|工作经验)"
)
_CAMPAIGN = re.compile(
    r"(?:开展|实施)(?P<np>[\u4e00-\u9fff（）()]{2,20}?(?:专项行动|专项治理|专项整治|试点(?=工作)|工程))"
    r"|实施(?P<work>[\u4e00-\u9fff]{4,16}?)工作"
)
_GENERIC_LEAD = re.compile(r"^(?:各项|各类|相关|有关|一系列|系列|重点|重大|这项|该项|一项|多项|了|全面|深入|各种)")


@dataclass(frozen=True)
class ProgramHit:
    start: int
    end: int
    name: str


def _subsequence(short: str, long: str) -> bool:
    """社会救助改革 in 社会救助综合改革: every character, in order."""
    it = iter(long)
    return all(ch in it for ch in short)


def find_programs(text: str, blocked: Mask) -> list[ProgramHit]:
    """Programs in ``text``; ``blocked`` marks text already taken (policy titles)."""
    is_blocked = blocked.overlaps

    hits: list[ProgramHit] = []
    for m in _QUOTE.finditer(text):
        s, e = m.start(), m.end()
        name = m.group(1).strip()
        if is_blocked(s, e) or not name:
            continue
        after = text[e : e + 6]
        if _PERIOD.match(name) or name[-1] in "式型" or _NOT_PROGRAM_AFTER.match(after):
            continue
        if _NOT_PROGRAM_BEFORE.search(text[max(0, s - 4) : s]):
            continue
        head = _HEAD.match(after)
        if head is None and (name in _METAPHORS or _SLOGAN.search(name) or _ZERO.match(name)):
            continue
        if head is None and _BODY_NAME.search(name):  # “两委”, “红白理事会”: a body, not a program
            continue
        end = e + (head.end() if head else 0)
        hits.append(ProgramHit(s, end, name))
    for m in _REFORM.finditer(text):
        s, e = m.start("np"), m.end("np")
        np = m.group("np")
        lead = _GENERIC_LEAD.match(np)
        if lead:
            s += lead.end()
            np = np[lead.end() :]
        if len(np) < 4 or is_blocked(s, e):
            continue
        hits.append(ProgramHit(s, e, np))
    for m in _CAMPAIGN.finditer(text):
        group = "np" if m.group("np") else "work"
        s, e = m.start(group), m.end(group)
        np = m.group(group)
        lead = _GENERIC_LEAD.match(np)
        if lead:
            s += lead.end()
            np = np[lead.end() :]
        if len(np) < 4 or is_blocked(s, e):
            continue
        hits.append(ProgramHit(s, e, np))
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
