"""Policies: titles in 《》 and named instruments introduced by an issuing verb.

A title in 《》 is a policy unless it names a newspaper (ends in 报), or the words around
it say it is a book, a programme or a play (《…》一书, 观看《…》, 《…》栏目). Without 《》,
an issuing verb (出台, 印发, 制定, 发布, 编制 …) followed directly by a noun phrase that ends
in the head noun of an instrument (计划, 办法, 条例, 指南 …) names a policy
(``出台了殡葬设施建设“三年行动计划”``); generic phrases (实施方案, 一系列政策措施) do not.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from mzgraph.extract import lexicon
from mzgraph.extract.text import Mask

# no sentence end inside: a title is one phrase, and a mention must lie within its sentence
_TITLE = re.compile(r"《([^《》\n。！？!?；;]{2,120})》")
_NOT_POLICY_AFTER = re.compile(
    r"^(?:一书|丛书|读本|杂志|期刊|栏目|节目|专栏|专刊|剧|话剧|电视剧|电影|纪录片|宣传片|微电影|歌曲|舞蹈|小品|晚会|画册|图书|书籍|系列报道|报道|节目)"
)
_NOT_POLICY_BEFORE = re.compile(
    r"(?:出版|编印|编写|编撰|编著|撰写|阅读|观看|收看|演出|上演|拍摄|播出|创作|朗诵|演唱|刊发|发表|登载|刊登|著作|专著|主演|编排|排演|推出)(?:了|的)?$"
)
# 观看了话剧《…》, 出版图书《…》: a genre noun right before the title
_GENRE_BEFORE = re.compile(
    r"(?:话剧|戏剧|舞台剧|情景剧|歌舞剧|音乐剧|电影|微电影|电视剧|歌曲|小品|专题片|纪录片|宣传片|书籍|图书|丛书|著作|专著|杂志|"
    r"期刊|报纸|节目|栏目|诗歌|散文|小说|绘本|画册|动画片|短视频|视频|曲目|晚会)$"
)
_NOT_POLICY_TAIL = re.compile(r"(?:报|日报|晚报|杂志|周刊|月刊|剧|曲|歌|谣|诗|记|传|书)$")
_YEAR = re.compile(r"((?:19|20)\d\d)(?=\s*[-—–~至年])")
VERBS = "出台|印发|制定|制订|发布|编制|颁布|修订|下发|公布|起草"
_GENERIC_LEAD = re.compile(
    r"^(?:一系列|系列|相关|有关|配套|多项|多个|若干|一批|一套|专门|具体|新的|各类|各项|一些|了)+"
)
_GENERIC_BODY = {
    "",
    "实施",
    "工作",
    "政策",
    "配套",
    "相关",
    "具体",
    "管理",
    "指导",
    "专项",
    "行动",
    "实施细则",
    "工作实施",
}


@dataclass(frozen=True)
class PolicyHit:
    start: int  # span of the title (inside 《》) or of the noun phrase
    end: int
    name: str
    year: int | None
    bracketed: bool  # in 《》


@lru_cache(maxsize=1)
def _named_regex() -> re.Pattern:
    heads = "|".join(re.escape(h) for h in lexicon.policy_heads())
    np = r"[^\s，。、；：！？《》,;:!?]{2,40}?"
    return re.compile(rf"(?:{VERBS})(?:出台|印发|实施)?了?(?P<np>{np}(?:{heads})”?)(?=[，。；、,;：:等和及并）)\s]|$)")


@lru_cache(maxsize=1)
def _about_regex() -> re.Pattern:
    heads = "|".join(re.escape(h) for h in lexicon.policy_heads())
    return re.compile(rf"关于[^，。；：！？《》“”\n,;:]{{2,60}}?(?:{heads})(?=[\s，。；,;]|$)")


def find_about_titles(text: str, issuer_ends: set[int], taken: list[tuple[int, int]]) -> list[PolicyHit]:
    """Titles written without 《》 right after their issuers (民政部 财政部关于…的通知)."""
    hits = []
    inside = Mask(len(text))
    for a, b in taken:
        inside.add(a, b)
    for m in _about_regex().finditer(text):
        s, e = m.span()
        if s not in issuer_ends or inside.overlaps(s, s + 1):
            continue
        hits.append(PolicyHit(s, e, m.group(), title_year(m.group()), False))
    return hits


def title_year(name: str) -> int | None:
    m = _YEAR.search(name)
    return int(m.group(1)) if m else None


def is_policy_title(text: str, start: int, end: int, title: str) -> bool:
    """Whether the 《》 title at ``text[start-1:end+1]`` names a policy."""
    bare = re.sub(r"[（(][^（()）]*[)）]$", "", title).strip()
    if _NOT_POLICY_TAIL.search(bare) and not any(bare.endswith(h) for h in lexicon.policy_heads()):
        return False
    if _NOT_POLICY_AFTER.match(text[end + 1 : end + 6]):
        return False
    before = text[max(0, start - 8) : start - 1]
    if _NOT_POLICY_BEFORE.search(before) or _GENRE_BEFORE.search(before):
        return False
    return True


def find_policies(text: str, repairs: list[tuple[int, str, str]] | None = None) -> list[PolicyHit]:
    """Policies in ``text``; ``repairs`` lists ``(offset, found, repaired)`` from cleaning."""
    hits: list[PolicyHit] = []
    for m in _TITLE.finditer(text):
        s, e = m.start(1), m.end(1)
        title = m.group(1).strip()
        if not is_policy_title(text, s, e, title):
            continue
        if title in lexicon.policy_heads() or len(title) <= 3:
            continue  # 《意见》, 《条例》: a back-reference to a title named before
        name = title
        for off, found, repaired in repairs or ():
            found, repaired = found.strip("《》"), repaired.strip("《》")
            if s - 1 <= off < e and found and found in name and repaired not in name:
                name = name.replace(found, repaired, 1)
        hits.append(PolicyHit(s, e, name, title_year(name), True))
    inside = Mask(len(text))
    for h in hits:
        inside.add(h.start, h.end)
    for m in _named_regex().finditer(text):
        s, e = m.start("np"), m.end("np")
        if inside.overlaps(s, s + 1):
            continue
        np = m.group("np")
        lead = _GENERIC_LEAD.match(np)
        if lead:
            s += lead.end()
            np = np[lead.end() :]
        name = np.replace("“", "").replace("”", "")
        head = next(h for h in lexicon.policy_heads() if name.endswith(h))
        body = name[: -len(head)]
        if body in _GENERIC_BODY or len(name) < 4:
            continue
        if np.endswith("”") and "“" not in np:
            e -= 1
            np = np[:-1]
        hits.append(PolicyHit(s, e, name, title_year(name), False))
    hits.sort(key=lambda h: h.start)
    return hits
