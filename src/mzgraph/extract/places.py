"""Places: administrative divisions named in the text, and the place each part of it is about.

Full names (``新余市``, ``乐安县``) are looked up in the gazetteer. Short names (``新余``)
are taken only where the document makes them unambiguous: province short names always,
a city's short name when the city lies in the document's province (or its full name is
used too), a county's short name only when its full name is used elsewhere in the
document or it lies in the document's own city. Two-character county names (``范县``)
and generic district names (``新城区``) are common inside ordinary words (示范县, 新城区建设),
so they count only at a word boundary or right after their parent's name.

Scope: the document is about a default place (the place its title names, else the place
its lead names most, else 中国 when a central body or 全国 opens it); headings such as
``新余市：…`` or ``【江汉区】`` hand the following paragraphs to another place until the next
heading; a paragraph that opens with a place or a body (``此外，市民政局…``) is about that
place for that paragraph only.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import lru_cache
from operator import itemgetter
from typing import NamedTuple

from mzgraph import gazetteer as gz
from mzgraph.extract.text import WordScanner, is_cjk, paragraph_spans, scan_at

CHINA_CODE = gz.COUNTRY_CODE

# Short forms that are ordinary words far more often than places.
_SHORT_STOP = {
    "自治",
    "自治州",
    "城区",
    "矿区",
    "郊区",
    "新城",
    "和平",
    "太平",
    "长安",
    "新华",
    "中山",
    "友好",
    "向阳",
    "青山",
    "新兴",
    "东方",
    "永和",
    "太和",
    "安定",
    "新建",
    "城关",
    "江北",
    "江南",
    "河东",
    "河西",
    "白云",
    "红旗",
    "西湖",
    "东湖",
    "南湖",
    "开放",
    "建设",
    "城中",
    "市中",
    "上城",
    "下城",
}
# District names that are also generic phrases (城区 of a city, its new town …).
_GENERIC_FULL = {
    "新城区",
    "老城区",
    "城中区",
    "市中区",
    "城东区",
    "城西区",
    "城南区",
    "城北区",
    "城关区",
    "新区",
    "海域",
}
# A level suffix followed by one of these makes a word (区域, 区划, 市场, 县域, 省份).
_SUFFIX_WORDS = {"区": "域划", "市": "场", "县": "域", "省": "份"}
# A short name followed by one of these names an institution or a street, not the place.
_INSTITUTION_AFTER = re.compile(
    r"大学|学院|师范|理工|财经|银行|农商|日报|晚报|商报|电视台|广播电视台|卫视|医院|中学|小学|路|街|大道|大街|广场|公园|"
    r"机场|火车站|高铁站|集团|股份|有限公司|公司|队|籍"
)
_INSTITUTION_FIRST = frozenset(w[0] for w in _INSTITUTION_AFTER.pattern.split("|"))
# The end of a body's name: a place name right after it may be a verb (局会同县财政局).
_BODY_END = re.compile(r"(?:局|厅|委|办|部门|政府|中心|残联|妇联|工会)$")
# A two-character county name followed by one of these is part of a longer word (范县级).
_NOT_AFTER_SHORT_COUNTY = set("级域城乡镇区委政长")


class PlaceHit(NamedTuple):
    start: int
    end: int
    division: gz.Division
    short: bool  # named by its short form


_START = itemgetter(0)  # a hit's start, as a sort key (a C function, not a Python one)


@dataclass
class _Matcher:
    gazetteer: gz.Gazetteer
    scanner: WordScanner
    full: dict[str, list[gz.Division]]
    short: dict[str, list[gz.Division]]
    parents: dict[str, tuple[str, ...]]  # full name → names of its divisions' ancestors
    province: dict[str, gz.Division | None]  # short name → the first province it names, if any


@lru_cache(maxsize=1)
def matcher() -> _Matcher:
    g = gz.load()
    full: dict[str, list[gz.Division]] = {}
    for name in g.names():
        if any(d.level == "country" for d in g.lookup(name)):
            continue  # 中国 is the national scope, not a mention (中国社会报, 中国残联)
        divs = sorted(g.lookup(name), key=lambda d: (d.status != "current", d.code))
        full[name] = divs
    short: dict[str, list[gz.Division]] = {}
    for s in g.short_names():
        if len(s) < 2 or s in _SHORT_STOP or s in full:
            continue
        short[s] = sorted(g.lookup_short(s), key=lambda d: (d.status != "current", d.code))
    # 凉山州, 延边州: the usual short form of an autonomous prefecture
    for d in g.by_code.values():
        if d.name.endswith("自治州") and d.short + "州" not in full:
            short.setdefault(d.short + "州", []).append(d)
    parents = {name: tuple(a.name for d in divs for a in g.ancestors(d)) for name, divs in full.items()}
    province = {name: next((d for d in divs if d.level == "province"), None) for name, divs in short.items()}
    return _Matcher(g, WordScanner(list(full) + list(short)), full, short, parents, province)


def _pick(divs: list[gz.Division], g: gz.Gazetteer, context: list[str], before: str) -> gz.Division | None:
    """Choose among same-named divisions: right after its parent's name, then in context."""
    if len(divs) == 1:
        return divs[0]
    for d in divs:
        for a in g.ancestors(d):
            if before.endswith(a.name) or before.endswith(a.short):
                return d
    for code in context:
        for d in divs:
            if g.is_within(d, code):
                return d
    current = [d for d in divs if d.status == "current"]
    codes = {d.code for d in current}
    return current[0] if len(codes) == 1 else None


class PlaceScan(NamedTuple):
    """The place names of a text and what can be told of them without context."""

    full: list[tuple[int, int, str, str, bool]]  # (start, end, name, 12 characters before, parent before)
    deferred: list[tuple[int, int, str]]  # two-character counties decided by the next item of a list
    short: list[tuple[int, int, str, gz.Division | None]]  # (…, the province it names, if any)


def scan(text: str) -> PlaceScan:
    """Every full or short place name in ``text`` that passes the tests needing no context."""
    m = matcher()
    full, parents = m.full, m.parents
    out = PlaceScan([], [], [])
    n = len(text)
    province_of_short = m.province
    words = m.scanner.words
    for k, s, e in m.scanner.matches(text):
        name = words[k]
        if name not in full:
            nxt = text[e] if e < n else ""
            if nxt == "生" and text.startswith("生产建设兵团", e):  # 新疆生产建设兵团 is not a division
                continue
            if nxt in _INSTITUTION_FIRST and _INSTITUTION_AFTER.match(text, e):
                continue  # 山东大学, 南昌路: an institution or a street
            out.short.append((s, e, name, province_of_short[name]))
            continue
        before = text[max(0, s - 12) : s]
        prev = text[s - 1] if s else ""
        nxt = text[e] if e < n else ""
        parent_before = before.endswith(parents[name])
        if name in _GENERIC_FULL and name != "新城区" and not parent_before:
            continue  # 城关区, 市中区: a name of many districts, and a phrase; only after its city
        if len(name) == 2 or name in _GENERIC_FULL:
            if not parent_before and (is_cjk(prev) or nxt in _NOT_AFTER_SHORT_COUNTY):
                if nxt == "、" and len(name) == 2:
                    out.deferred.append((s, e, name))  # 在新县、商城县等地: decided by its neighbour
                continue
        # 新建区域性…, 某市场: the suffix belongs to the next word, not to a name
        if not parent_before and nxt and nxt in _SUFFIX_WORDS.get(name[-1], ""):
            continue
        out.full.append((s, e, name, before, parent_before))
    return out


def find_places(
    text: str, context: list[str] | None = None, raw: PlaceScan | None = None, short_names: bool = True
) -> list[PlaceHit]:
    """Every place named in ``text``; ``context`` lists division codes the document is about.

    ``raw`` is the result of :func:`scan` on ``text``, when the caller already has it. Without
    ``short_names``, only the places named by their full names (what :func:`title_place`
    needs): short names and lists of them are not read.
    """
    m = matcher()
    g = m.gazetteer
    context = [c for c in (context or []) if c != CHINA_CODE]
    hits: list[PlaceHit] = []
    raw = scan(text) if raw is None else raw
    # full names first: a short name counts when its division's full name was taken, not
    # merely seen (省民政厅会同省财政厅 … 县住建局会同县民政局 names no 会同县)
    full = m.full
    new_hit = tuple.__new__  # (a NamedTuple's own __new__ is a Python function)
    far_of: dict[str, bool] = {}  # division code → far from the document (context is fixed)
    for s, e, name, before, parent_before in raw.full:
        divs = full[name]
        d = divs[0] if len(divs) == 1 else _pick(divs, g, context, before)
        if d is None:
            continue
        # 县民政局会同县财政局: a verb and a body, not a county of another province; a
        # division far from the document needs its parent named before it
        far = far_of.get(d.code)
        if far is None:
            far = far_of[d.code] = bool(context) and not any(
                g.is_within(d, g.province_of(g.get(c) or d).code) for c in context
            )
        if far and not parent_before and d.level == "county" and _BODY_END.search(before):
            continue
        hits.append(new_hit(PlaceHit, (s, e, d, False)))
    # a two-character county inside a word boundary stands when a list goes on with a sibling
    # taken as a full name (在新县、商城县等地)
    taken_at = {h.start: h for h in hits}
    for s, e, name in raw.deferred:
        nxt_hit = taken_at.get(e + 1)
        if nxt_hit is None:
            continue
        near = [d for d in m.full[name] if d.parent is not None and d.parent == nxt_hit.division.parent]
        if len(near) == 1:
            hits.append(new_hit(PlaceHit, (s, e, near[0], False)))
    if not short_names:
        return sorted(hits, key=_START)
    used_codes = {h.division.code for h in hits}
    in_context: dict[str, bool] = {}  # division code → a city or county within the context
    for s, e, name, province in raw.short:
        if province is not None:
            hits.append(new_hit(PlaceHit, (s, e, province, True)))
            continue
        ok = []
        for d in m.short[name]:
            if d.code in used_codes:
                ok.append(d)
                continue
            inside = in_context.get(d.code)
            if inside is None:
                if d.level == "city":
                    inside = any(g.is_within(d, c) for c in context)
                elif d.level == "county":
                    inside = any(g.is_within(d, c) for c in context if not c.endswith("0000"))
                else:
                    inside = False
                in_context[d.code] = inside
            if inside:
                ok.append(d)
        if len({d.code for d in ok}) == 1:
            hits.append(new_hit(PlaceHit, (s, e, ok[0], True)))
    hits.sort(key=_START)
    # a list's level word (元阳、红河、绿春3县) outweighs a short name's other reading (红河 for
    # 红河哈尼族彝族自治州): listed items replace short-name hits on the same span
    listed = _listed(text, context, hits)
    if not listed:
        return hits
    # (the hits do not overlap, one scan found them all: the one holding an offset is the
    # last to start at or before it)
    starts = [h.start for h in hits]

    def in_full_name(i: int) -> bool:
        k = bisect_right(starts, i) - 1
        return k >= 0 and hits[k].end > i and not hits[k].short

    listed = [h for h in listed if not in_full_name(h.start) and not in_full_name(h.end - 1)]
    if not listed:
        return hits
    spans = {(h.start, h.end) for h in listed}
    return sorted([h for h in hits if (h.start, h.end) not in spans] + listed, key=_START)


# 元阳、红河、绿春3县, 沈阳、大连等6市: short names listed before the level they share
_LIST_LEVEL = (
    r"(?:等)?(?:\d{1,3}|[两二三四五六七八九十]{1,3})?个?(县|市|区|旗)(?![\u4e00-\u9fff]{0,4}(?:局|厅|委|办|政府))"
)
_LISTED = re.compile(r"((?:[\u4e00-\u9fff]{2,3}、){1,15}[\u4e00-\u9fff]{2,3}?)" + _LIST_LEVEL)
# the 、 before a list's last item (few of the text's 、: most lists are not of places)
_LIST_END = re.compile(r"、(?=[\u4e00-\u9fff]{2,3}?" + _LIST_LEVEL + ")")
_LIST_MARK = re.compile("、")


def _list_starts(text: str) -> list[int]:
    """Where a list of :data:`_LISTED` may start, in order: two or three characters before
    its first 、, which is at most 14 items (three characters and a 、) before its last 、,
    the one :data:`_LIST_END` finds. Most 、 are in no such list: trying the pattern from
    each of them took 10 ms on half a million characters, from those near a last 、 2."""
    return sorted(
        {
            j
            for end in _LIST_END.finditer(text)
            for m in _LIST_MARK.finditer(text, max(0, end.start() - 56), end.start() + 1)
            for j in (m.start() - 3, m.start() - 2)
            if j >= 0
        }
    )


def _listed(text: str, context: list[str], hits: list[PlaceHit]) -> list[PlaceHit]:
    """Divisions named by short names in a list that ends in their level word, within the
    document's place or a place named just before the list (凉山彝族自治州在昭觉、布拖、美姑等县)."""
    g = matcher().gazetteer
    starts = [h.start for h in hits]
    out = []
    if context:
        matches = scan_at(_LISTED, _list_starts(text), text)
    else:  # without a document place, only a list right after a place can be read
        # (a list's first item is two or three characters and a 、)
        listed = (_LISTED.match(text, h.end) for h in hits if text.find("、", h.end + 2, h.end + 4) >= 0)
        matches = (m for m in listed if m is not None)
    for m in matches:
        level = m.group(2)
        pos = m.start(1)
        k = bisect_right(starts, pos) - 1
        near = hits[k] if k >= 0 and hits[k].end <= pos and pos - hits[k].end <= 3 else None
        within = [*context, near.division.code] if near is not None else context
        if not within:
            continue
        items = m.group(1).split("、")
        found = []
        for n, item in enumerate(items):
            # the first item may carry a word before it (为元阳): try its tail
            tails = [item[-k:] for k in (3, 2) if len(item) >= k] if n == 0 else [item]
            start = pos + len(item)
            for tail in tails:
                divs = [d for d in g.lookup(tail + level) if any(g.is_within(d, c) for c in within)]
                if len({d.code for d in divs}) == 1:
                    found.append(PlaceHit(start - len(tail), start, divs[0], True))
                    break
            pos += len(item) + 1
        # every item must be a division of the level, else it is not such a list
        if len(found) == len(items):
            out.extend(found)
    return out


# ---------------------------------------------------------------- scope

# A heading that hands what follows to a place: optional numbering, optional 【, a place,
# then a colon or a closing bracket.
# (both matched at the start of a line)
_NUMBERING = re.compile(
    r"[■◆●▲★◎☆◇□·•\s]*(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[)）]|\d+[.、．])?\s*[【\[]?"
)
_SECTION_NUMBERED = re.compile(r"(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[)）])")


# Connectives and dates a paragraph or sentence may open with before its subject (此外，市民政局…).
LEAD = re.compile(
    r"(?:(?:此外|另外|同时|与此同时|目前|截至目前|近年来|今年以来|去年以来|全年|据悉|据介绍|"
    r"(?:(?:19|20)\d\d年|今年|去年)?(?:\d{1,2}月(?:\d{1,2}日)?)?(?:以来|底|末|上旬|中旬|下旬|初)?)[，,、\s]*)*[在由]?"
)
# the characters LEAD can open with besides digits and white space
_LEAD_FIRST = frozenset("此另同与目截近今去全据以底末上中下初，,、在由")


def opening_end(text: str, pos: int) -> int:
    """Where the words of :data:`LEAD` that ``text`` opens with at ``pos`` end (``pos`` if
    none: most clauses open with none, and then the pattern need not run)."""
    if pos < len(text):
        c = text[pos]
        if c not in _LEAD_FIRST and not c.isdecimal() and not c.isspace():
            return pos
    return LEAD.match(text, pos).end()


@dataclass
class Scope:
    """The place each offset of the text is about."""

    default: str | None
    sections: list[tuple[int, str | None]]  # (start offset, division code), sorted
    _starts: list[int] | None = field(default=None, repr=False, compare=False)

    def with_paragraph_subjects(
        self, text: str, places: list[PlaceHit], bodies: list, paragraphs: list[tuple[int, int]] | None = None
    ) -> Scope:
        """A paragraph that opens with a place or a body (``此外，市民政局…``) is about its place.

        ``bodies`` are the agencies found (what has a ``start`` and a ``place_code``); a place
        named at the opening wins over a body starting there, and of a chain of places
        (``广州天河``) the narrowest. Only that paragraph changes; the heading's scope resumes
        after it. Only the openings of paragraphs are looked up (not every place's chain).
        """
        sections = list(self.sections)
        headed = {start for start, _ in self.sections}
        place_at = {p.start: p for p in places}
        body_at = {b.start: b.place_code for b in bodies if b.place_code}
        for s, e in paragraph_spans(text) if paragraphs is None else paragraphs:
            at = opening_end(text, s)
            place = place_at.get(at)
            code = narrowest(places, place, place_at).division.code if place is not None else body_at.get(at)
            if code is None or s in headed:
                continue
            sections.append((s, code))
            sections.append((e, self.at(s)))
        sections.sort(key=_START)
        return Scope(self.default, sections)

    def at(self, offset: int) -> str | None:
        starts, sections = self._starts, self.sections
        if starts is None or len(starts) != len(sections):
            starts = self._starts = [start for start, _ in sections]
        i = bisect_right(starts, offset) - 1
        return sections[i][1] if i >= 0 else self.default


def narrowest(hits: list[PlaceHit], first: PlaceHit, by_start: dict[int, PlaceHit] | None = None) -> PlaceHit:
    """成都市武侯区: a place named right after its parent is the one meant."""
    g = matcher().gazetteer
    by_start = by_start if by_start is not None else {h.start: h for h in hits}
    best = first
    while (h := by_start.get(best.end)) is not None and g.is_within(h.division, best.division.code):
        best = h
    return best


def lead_end(text: str, paragraphs: list[tuple[int, int]]) -> int:
    """End of the lead: the title lines and the first paragraph of running text."""
    for s, e in paragraphs:
        if e - s >= 60 and "。" in text[s:e]:
            return e
    return min(len(text), 600)


def find_scope(
    text: str,
    hits: list[PlaceHit],
    national_in_lead: bool,
    title: str | None = None,
    national_title: bool = False,
    paragraphs: list[tuple[int, int]] | None = None,
) -> Scope:
    """The default place of the document and the sections that headings hand to other places;
    ``paragraphs`` are :func:`paragraph_spans` of ``text``, when the caller has them."""
    paragraphs = paragraph_spans(text) if paragraphs is None else paragraphs
    default = default_place(text, hits, national_in_lead, title, national_title, paragraphs)
    return Scope(default, _scope_sections(text, hits, default, paragraphs))


def default_place(
    text: str,
    hits: list[PlaceHit],
    national_in_lead: bool,
    title: str | None,
    national_title: bool,
    paragraphs: list[tuple[int, int]],
) -> str | None:
    """The place the document is about: the place its title names, else the place its lead
    names most, else 中国 when a central body or 全国 opens it."""
    default = title_place(title, hits) if title else None
    if default is None and national_title:
        default = CHINA_CODE
    if default is None:
        lead_stop = lead_end(text, paragraphs)
        lead = [h for h in hits if h.start < lead_stop]
        if lead:
            counts: dict[str, int] = {}
            for h in hits:
                counts[h.division.code] = counts.get(h.division.code, 0) + 1
            best = max(lead, key=lambda h: (counts[h.division.code], -h.start))
            default = narrowest(lead, best).division.code
    if default is None and national_in_lead:
        default = CHINA_CODE
    return default


def title_place(title: str, hits: list[PlaceHit]) -> str | None:
    """The place a title names (the narrowest of its first chain of places); short names in
    it (浙江湖州, 广州天河) count when the text names the place by its full name in ``hits``."""
    named = sorted({h.division.code for h in hits if not h.short})
    titled = find_places(title, named)
    return narrowest(titled, titled[0]).division.code if titled else None


def _scope_sections(
    text: str, hits: list[PlaceHit], default: str | None, paragraphs: list[tuple[int, int]]
) -> list[tuple[int, str | None]]:
    """The sections that headings hand to other places (``新余市：``, ``【江汉区】``)."""
    sections: list[tuple[int, str | None]] = []
    by_start = {h.start: h for h in hits}
    for s, e in paragraphs:
        h = by_start.get(_NUMBERING.match(text, s, e).end())
        if h is not None:
            h = narrowest(hits, h, by_start)  # 广州天河：
        if (
            h is not None
            and h.end < e
            and (
                text[h.end] in "：:】]"
                or text.startswith(("——", "—", "－"), h.end)
                # 南昌市 紧盯民生实事: a short line, a space after the place, no full stop
                or (text[h.end] in " \u3000\xa0" and e - s <= 40 and "。" not in text[s:e])
            )
        ):
            sections.append((s, h.division.code))
        elif e - s <= 30 and sections and _SECTION_NUMBERED.match(text, s, e) and "。" not in text[s:e]:
            sections.append((s, default))
    return sections
