"""Agencies: central bodies from a lexicon, local bodies resolved against the place context.

A local body is a place (``江西省``, ``上饶市``) or a bare level word (``省``, ``市``, ``县``,
``区``) followed by a government form (委, 政府, 人民政府, 委常委会 …) or a department
stem and head noun (民政 + 厅, 卫生健康 + 委 …). A bare level word is resolved by walking
up from the place whose part of the text holds the mention to the first division of that
level: ``市委`` in a part headed by 上饶市 is 上饶市委, ``省民政厅`` anywhere in a Jiangxi
report is 江西省民政厅. A body that cannot be resolved (``各市民政局``, ``市委`` in a
national notice) is left out: it names no one in particular.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache
from operator import itemgetter
from typing import NamedTuple

from mzgraph import gazetteer as gz
from mzgraph.extract import lexicon
from mzgraph.extract.places import CHINA_CODE, PlaceHit, Scope
from mzgraph.extract.text import Mask, WordScanner, is_cjk, longest_first, trie_pattern

# Party and government bodies of a place; they need a place or level word before them.
_GOVERNMENT = [
    "委常委会",
    "委常委会议",
    "委办公厅",
    "委办公室",
    "委组织部",
    "委宣传部",
    "委统战部",
    "委政法委",
    "委编办",
    "委农办",
    "委员会",
    "委",
    "党委",
    "政府常务会议",
    "政府常务会",
    "人民政府办公厅",
    "人民政府办公室",
    "人民政府新闻办公室",
    "政府新闻办公室",
    "政府新闻办",
    "人民政府",
    "政府办公厅",
    "政府办公室",
    "政府",
    "人大常委会",
    "人大",
    "政协",
    "纪委监委",
    "纪委",
    "委老干部局",
    "委党校",
    "高级人民法院",
    "中级人民法院",
    "人民法院",
    "人民检察院",
]
_HEADS = ["委员会", "办公室", "总局", "厅", "局", "委", "办"]
# Heads that only some stems take (a 文化中心 is a building, a 政务服务中心 a body).
_SPECIAL_HEADS = {"中心": ("政务服务", "行政审批", "大数据", "数据资源", "社会救助"), "大队": None, "支队": None}
_SPECIAL = [
    "残联",
    "残疾人联合会",
    "妇联",
    "妇女联合会",
    "总工会",
    "团委",
    "工商联",
    "红十字会",
    "慈善总会",
    "老龄办",
    "老龄委",
    "文明办",
    "编办",
    # public institutions that act for a place's government (县社会福利服务中心)
    "社会福利服务中心",
    "社会福利中心",
    "社会福利院",
    "儿童福利院",
    "救助管理站",
    "就业服务中心",
    "社会救助服务中心",
    "未成年人救助保护中心",
    "养老服务指导中心",
    "便民服务中心",
]
# 省民政部门 is the province's 民政厅, 县民政部门 the county's 民政局; a few departments are
# a 委 (卫生健康委) or a 局 (医保局) at every level.
_SECTOR = "部门"
_SECTOR_HEAD_EVERYWHERE = {
    "卫生健康": "委",
    "卫健": "委",
    "发展改革": "委",
    "发展和改革": "委",
    "发改": "委",
    "医疗保障": "局",
    "医保": "局",
    "市场监督管理": "局",
    "市场监管": "局",
    "统计": "局",
    "税务": "局",
    "乡村振兴": "局",
    "信访": "局",
}
_LEVELS = ["自治区", "自治州", "省", "市", "县", "区", "州", "盟", "旗"]
_LEVELS_ENDING = {last: [lv for lv in _LEVELS if lv.endswith(last)] for last in {lv[-1] for lv in _LEVELS}}
# Characters before a bare level word that make it part of another word (城市, 社区, 各省).
_DENY_BEFORE = {
    "省": set("各外节反自检俭跨分团"),
    "市": set("城都超门夜集股楼上街区级各跨副设团"),
    "县": set("各郡市跨强省团"),
    "区": set("社城园景小库片辖矿山老新灾牧林特发验范能街护地市郊校营选各跨湾"),
    "州": set("各"),
    "旗": set("各国红"),
    "自治区": set("各"),
    "自治州": set("各"),
}
# Characters after a head that show it is a verb or another word (委托, 办理, 局面).
_DENY_AFTER = {"委": set("托屈派身任"), "办": set("理法公事好结学案实成"), "局": set("面势限")}


_SENTENCE_END = re.compile(r"[。！？；\n]")
_OFFICE = re.compile(r"办公厅|办公室|党组")


class AgencyHit(NamedTuple):
    start: int
    end: int
    name: str
    place_code: str | None
    national: bool = False


_SPAN = itemgetter(0, 1)  # a hit's (start, end), as a sort key (a C function, not a Python one)


@lru_cache(maxsize=1)
def _regexes() -> tuple[WordScanner, re.Pattern, re.Pattern, re.Pattern, tuple[int, ...]]:
    nat = lexicon.national_agencies()
    national = [*nat, *lexicon.newspapers()]
    stems = trie_pattern(lexicon.department_stems())
    heads = "|".join([*_HEADS, _SECTOR])
    special_heads = "|".join(_SPECIAL_HEADS)
    levels = "|".join(_LEVELS)
    gov = trie_pattern(_GOVERNMENT)
    special = trie_pattern(_SPECIAL)
    local = re.compile(
        rf"(?P<lvl>{levels})?(?:(?P<gov>{gov})|(?P<stem>{stems}|[\u4e00-\u9fff]{{2}}(?:综合)?执法)"
        rf"(?P<head>{heads}|{special_heads})|(?P<special>{special}))"
    )

    # the same without the bodies ending in 执法, for the rest of the text, each word list
    # behind a class of its first characters (re tries a list's branches one by one)
    def first_of(words: list[str]) -> str:
        return "(?=[" + re.escape("".join(sorted({w[0] for w in words}))) + "])"

    local_fast = re.compile(
        rf"(?P<lvl>{levels})?(?:{first_of(_GOVERNMENT)}(?P<gov>{gov})|{first_of(lexicon.department_stems())}"
        rf"(?P<stem>{stems})(?P<head>{heads}|{special_heads})|{first_of(_SPECIAL)}(?P<special>{special}))"
    )
    central = re.compile(rf"国家(?P<stem>{stems})(?:总局|局|委员会|委|署)")
    # where a local body may start: where a government or special word starts, or a stem
    # with the first character of a head after it, or a level word right before one (see
    # _lexicon_scan); the bodies named by any two characters and 执法 are tried from each 执法
    head_first = sorted({h[0] for h in [*_HEADS, _SECTOR, *_SPECIAL_HEADS]})
    body = {*_GOVERNMENT, *_SPECIAL, *(stem + h for stem in lexicon.department_stems() for h in head_first)}
    # one automaton for both, reporting every occurrence of every word, overlapping ones too
    # (a DFA: 2.6 ms to build): each word's kind says what it is (1 central body or
    # newspaper, 2 opening a local body, 3 both)
    words = WordScanner([*national, *body], dfa=True, every=True)
    central_words = set(national)
    kinds = tuple(int(w in central_words) + 2 * int(w in body) for w in words.words)
    return words, local, local_fast, central, kinds


@lru_cache(maxsize=4096)
def level_division(level: str, code: str | None) -> gz.Division | None:
    """The division of the given level that holds ``code`` (itself or an ancestor)."""
    if not code or code == CHINA_CODE:
        return None
    g = gz.load()
    d = g.get(code)
    chain = [d, *g.ancestors(d)] if d else []
    for div in chain:
        if level == "省" and div.level == "province" and div.name.endswith("省"):
            return div
        if level == "自治区" and div.name.endswith("自治区"):
            return div
        if level == "市" and div.name.endswith("市"):
            return div
        if level == "县" and div.level == "county" and div.name.endswith("县"):
            return div
        if level == "区" and div.level == "county" and div.name.endswith("区"):
            return div
        if level in ("州", "自治州") and div.level == "city" and div.name.endswith("州"):
            return div
        if level == "旗" and div.name.endswith("旗"):
            return div
        if level == "盟" and div.name.endswith("盟"):
            return div
    # 区党委, 区民政厅 in an autonomous region's report: the region itself
    if level == "区" and chain and chain[-1].name.endswith("自治区"):
        return chain[-1]
    return None


def _place_before(places: list[PlaceHit], ends: list[int], start: int, text: str) -> PlaceHit | None:
    """The last place named within 30 characters before ``start`` in the same sentence."""
    i = bisect_right(ends, start) - 1
    if i < 0:
        return None
    p = places[i]
    if start - p.end <= 30 and not _SENTENCE_END.search(text, p.end, start):
        return p
    return None


class _Local(NamedTuple):
    """A local body's match that passed every test not depending on the scope."""

    s: int
    e: int
    lvl: str | None
    body: str
    head: str
    stem: str | None
    gov: str | None
    place: PlaceHit | None  # the place named right before the body
    near: gz.Division | None  # (level word) the place of that level named just before


@dataclass(frozen=True)
class AgencyScan:
    """What the lexicon and patterns find in a text, read against its places but before
    any scope: computed once, then read against the first and the refined scope
    (:func:`find_agencies`)."""

    national: list[AgencyHit]  # central bodies and newspapers, in the order found
    local: list[_Local]


_ENFORCEMENT = re.compile("执法")


def _lexicon_scan(text: str) -> tuple[list[tuple[int, int, str]], set[int]]:
    """The central bodies and newspapers in ``text`` (``(start, end, word)``, longest first
    from the left, in order) and the offsets where a local body may start (every one where
    it does, for ``local_fast``).

    A local body may start where one of the words it opens with starts (a stem only with
    the first character of a head after it), or a level word right before one. On half a
    million characters a stem alone gave 16,700 offsets to try, of which 4,400 failed; a
    stem and the first character of a head gives 13,420, of which 960 fail. One automaton
    pass reports both lexicons' words (8 ms on that text, where one pass each took 13)."""
    scanner, _, _, _, kinds = _regexes()
    words = scanner.words
    central = []
    starts = set()
    add = starts.add
    for found in scanner.matches(text):
        kind = kinds[found[0]]
        if kind & 2:
            add(found[1])
        if kind & 1:
            central.append(found)
    ending = _LEVELS_ENDING
    for s in list(starts):
        levels = ending.get(text[s - 1]) if s else None
        if levels is not None:
            for level in levels:
                if s >= len(level) and text.startswith(level, s - len(level)):
                    starts.add(s - len(level))
    return [(s, e, words[k]) for k, s, e in longest_first(central)], starts


def scan_agencies(text: str, places: list[PlaceHit]) -> AgencyScan:
    _, local, local_fast, central, _ = _regexes()
    nat = lexicon.national_agencies()
    papers = set(lexicon.newspapers())
    place_by_end = {p.end: p for p in places}
    place_ends = [p.end for p in places]
    hits: list[AgencyHit] = []
    new_hit = tuple.__new__  # (a NamedTuple's own __new__ is a Python function)
    taken = Mask(len(text))
    national, local_starts = _lexicon_scan(text)
    for s, e, surface in national:
        if taken.overlaps(s, e):
            continue
        nxt = text[e] if e < len(text) else ""
        if surface.endswith("部") and nxt == "门":  # 民政部门: a department in general
            continue
        prev = text[s - 1] if s else ""
        if ((prev and prev in "省市县区州") or s in place_by_end) and surface not in papers:
            continue  # 省国资委, 江西省人民银行: a local body, handled below
        if surface in papers:
            hits.append(new_hit(AgencyHit, (s, e, surface, None, False)))
        else:
            # 民政部办公厅, 国务院扶贫办党组: an office of a central body is a body too
            office = _OFFICE.match(text, e)
            name = nat[surface]
            if office:
                e = office.end()
                name += office.group()
            hits.append(new_hit(AgencyHit, (s, e, name, CHINA_CODE, True)))
        taken.add(s, e)
    for m in central.finditer(text):  # 国家…局 not in the lexicon
        if not taken.overlaps(m.start(), m.end()):
            hits.append(AgencyHit(m.start(), m.end(), m.group(), CHINA_CODE, True))
            taken.add(m.start(), m.end())
    # a body named by any two characters and (综合)执法, after a level word of up to three
    # characters (市城管执法局, 自治区综合执法局): it starts at most 7 characters before 执法
    enforcement = {j for m in _ENFORCEMENT.finditer(text) for j in range(max(0, m.start() - 7), m.start())}
    candidates = sorted(local_starts | enforcement)
    matches = []
    pos = 0
    for c in candidates:  # (scan_at, with the full pattern where a body may end in 执法)
        if c < pos:
            continue
        m = (local if c in enforcement else local_fast).match(text, c)
        if m is not None and m.end() > c:
            matches.append(m)
            pos = m.end()
    out: list[_Local] = []
    for m in matches:
        s, e = m.span()
        # on a central body's text: the matches do not overlap and come in order, so what a
        # local body takes (from the place before it to its end) never reaches a later one,
        # and this is the only test of what is taken
        if taken.overlaps(s, e):
            continue
        lvl, head, stem, gov = m.group("lvl", "head", "stem", "gov")
        head = head or ""
        body_start = m.end("lvl") if lvl else s
        body = text[body_start:e]
        nxt = text[e] if e < len(text) else ""
        last = body[-1]
        if nxt in _DENY_AFTER.get(last, ()) or (last == "委" and nxt == "员" and not body.endswith("委员会")):
            continue
        if stem and head in _SPECIAL_HEADS:
            allowed = _SPECIAL_HEADS[head]
            if allowed is not None and stem not in allowed:
                continue
            if allowed is None and not stem.endswith("执法"):
                continue
        if stem and stem.endswith("执法") and head not in ("大队", "支队", "局"):
            continue
        place = place_by_end.get(body_start)
        near = None
        if place is None and lvl:
            prev = text[s - 1] if s else ""
            if prev in _DENY_BEFORE.get(lvl, ()):
                continue
            # 在雷山县，县民政局…: a place of that level just named (itself, not a parent)
            p = _place_before(places, place_ends, s, text)
            if p is not None:
                near = level_division(lvl, p.division.code)
                if near is not None and near.code != p.division.code:
                    near = None
        elif place is None and not gov:
            prev = text[s - 1] if s else ""
            if head == _SECTOR or (is_cjk(prev) and prev not in "由经和与及、的在向对将把被为等同并"):
                continue  # 民政部门 with no place: departments in general
        out.append(new_hit(_Local, (s, e, lvl, body, head, stem, gov, place, near)))
    return AgencyScan(hits, out)


def find_agencies(text: str, places: list[PlaceHit], scope: Scope, scan: AgencyScan | None = None) -> list[AgencyHit]:
    scan = scan or scan_agencies(text, places)
    g = gz.load()
    new_hit = tuple.__new__  # (a NamedTuple's own __new__ is a Python function)
    hits = list(scan.national)
    at = scope.at
    for x in scan.local:
        s, e, lvl, body, head, stem, gov, place, near = x
        division = None
        start = s
        if place is not None:
            division = place.division
            start = place.start
        elif lvl:
            # 上饶市委、市政府: the level word points back at the body just named
            prev_hit = hits[-1] if hits else None
            if prev_hit is not None and prev_hit.end == s - 1 and text[s - 1] in "、和及与" and prev_hit.place_code:
                division = level_division(lvl, prev_hit.place_code)
            if division is None:  # 在雷山县，县民政局…: a place of that level just named
                division = near
            if division is None:  # the part's place, else the document's (a paragraph about 民政部)
                division = level_division(lvl, at(s)) or level_division(lvl, scope.default)
        elif gov:
            # 自治区党委、政府 / 市委和政府: the government of the committee just named
            prev_hit = hits[-1] if hits else None
            if (
                prev_hit is not None
                and s >= 1
                and text[s - 1] in "、和及与"
                and prev_hit.end == s - 1
                and prev_hit.name.endswith("委")
                and prev_hit.place_code
                and not prev_hit.national
                and gov in ("政府", "人民政府")
            ):
                division = g.get(prev_hit.place_code)
                if division is not None:
                    hits.append(new_hit(AgencyHit, (s, e, division.name + gov, division.code, False)))
            continue  # 政府, 党委 alone: no one in particular
        else:
            code = at(s)
            if head == "厅":
                division = g.province_of(g.get(code)) if code and code != CHINA_CODE and g.get(code) else None
            elif code and code != CHINA_CODE and g.get(code) is not None:
                d = g.get(code)
                division = d if (d.level != "province" or d.name.endswith("市")) else None
        if division is None:
            continue
        if lvl and place is None:
            # 歙县县委: a two-character name keeps its level word before the body
            name = division.name + (lvl if len(division.name) == 2 and gov else "") + body
        elif place is not None:
            name = division.name + text[place.end : e] if not lvl else division.name + body
        else:
            name = division.name + body
        if head == _SECTOR:  # 省民政部门 → 江西省民政厅
            name = name[: -len(_SECTOR)] + (
                _SECTOR_HEAD_EVERYWHERE.get(stem) or ("厅" if division.level == "province" else "局")
            )
        hits.append(new_hit(AgencyHit, (start, e, name, division.code, False)))
    hits.sort(key=_SPAN)
    return hits
