"""Injected junk: tokens that SEO spam wrote into a page in place of ordinary words.

A hacked page typically shows the spam site's name as its banner and writes the same name
over words of the article: over a leader's name (``学习贯彻体球网总书记``) or over the 关于
that opens a document title (``《体球网加大…的意见》``). Detection is general, by evidence
that a token *breaks* the sentences it sits in:

* **title slot** — the token stands right after ``《`` (or after the issuer's name in
  it) where a 关于-title's verb phrase begins, the title ends in ``的意见``/``的通知``/…
  and has no 关于: the one place a standard title puts 关于;
* **name slot** — the token stands right before a leader's title (总书记, 主席 …) although
  it came from the page banner (banners carry site names, not a leader's name);
* **glued site name** — a site-shaped token (…网, …体育, Latin letters, a domain) glued
  between two characters of a sentence, outside the contexts a real site name is cited in
  (在…上, 据…报道 …).

Candidates come from the banner and the page's title/site name (``hints``), and from
prefixes that several ``《…的意见》`` titles share before their verb phrase (the same
function word replaced in several places). A token fires when it stands in two title
slots, or when it comes from the page head and stands in one title or name slot or is
glued into two sentences. Tokens shaped like an organisation or a place never fire, and
a place-prefixed site name (江西体育, 湖南民政网) never fires on glue alone. Every
occurrence of a token that fires is removed and recorded; a title whose 关于 was replaced is repaired (关于 is
certain there) and the repair recorded. A replaced name is never guessed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from mzgraph.ingest.mapped import MappedText
from mzgraph.model import Removal, Repair

# Words that open the verb phrase of a 《关于…的意见》 title.
_LEADS = (
    "进一步|加强|加快|加大|推进|推动|做好|开展|建立|健全|完善|实施|深化|促进|支持|规范|落实|切实|全面|大力|积极|"
    "提高|提升|贯彻|保障|鼓励|引导|发展|改进|创新|调整|建设|构建|打赢|坚决|优化|解决|统筹|扩大|巩固|稳定|防范|"
    "强化|印发|转发|批转|公布|表彰|做实|着力|深入|全力|持续|坚持|依法|严格|开展|启动|设立|加速|整治|治理|"
    "推行|落细|补齐|培育|改革|修订|废止|取消|下放|确定|明确|降低|减轻|应对|做好|加紧|规范化|"
    "|激发|进一步加强|支持|振兴|决胜|聚焦|围绕|服务|办好|用好|抓好|保护|做优|完善|切实做好"
)
_TITLE_END = r"的(?:指导意见|实施意见|若干意见|意见|通知|决定|批复|通报|报告|规定|办法|方案|公告|决议)"
_TITLE = re.compile(r"《([^《》\n]{2,80}?" + _TITLE_END + r")》")
_LEAD = re.compile(r"(?:" + _LEADS + r")")
_LEADER = re.compile(r"(?:总书记|主席|总理|委员长|同志)")
_HAN = re.compile(r"[\u4e00-\u9fff]")
_CJK = re.compile(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]")  # characters written without spaces
_WORDISH = re.compile(r"[\u4e00-\u9fffA-Za-z0-9]")
_ORG_SHAPE = re.compile(
    r"(?:厅|局|部|委|院|办|政府|委员会|办公室|中心|会|处|室|所|报|社|台|省|市|县|区|州|盟|旗|镇|乡|村|街道|党委|"
    r"公司|集团|银行|大学|学院|学校|医院|小组)$"
)
# A name, then the word a web site calls itself by (a bare 体育 or 网 is an ordinary word).
_SITE_SHAPE = re.compile(
    r"^.+(?:网|网站|官网|在线|娱乐|娱乐城|体育|彩票|棋牌|游戏|平台|直播|app|APP|\.com|\.net|\.cn|\.cc|\.vip|\.top)$"
    r"|[A-Za-z]{2,}"
)
_CITE_BEFORE = ("在", "据", "通过", "登录", "经", "由", "从", "于", "和", "与", "及", "、")
_CITE_AFTER = (
    "上",
    "发布",
    "公布",
    "报道",
    "刊发",
    "刊登",
    "转载",
    "消息",
    "讯",
    "记者",
    "网站",
    "官网",
    "等",
    "、",
    "和",
)
_SPLIT = re.compile(r"[\s|｜_\-—–·•:：,，、/\\()（）\[\]【】<>《》“”\"']+")


@lru_cache(maxsize=1)
def _place_names() -> frozenset[str]:
    from mzgraph import gazetteer

    gaz = gazetteer.load()
    return frozenset(gaz.names()) | frozenset(gaz.short_names())


@lru_cache(maxsize=256)
def _is_org_or_place(token: str) -> bool:
    return bool(_ORG_SHAPE.search(token)) or token in _place_names()


@lru_cache(maxsize=256)
def _is_institutional(token: str) -> bool:
    """A place name followed by more (江西体育, 湖南民政网): how public bodies name their sites."""
    return any(token.startswith(name) and len(token) > len(name) for name in _place_names() if len(name) >= 2)


def _candidates_from_hints(hints: list[str]) -> set[str]:
    out: set[str] = set()
    for hint in hints:
        hint = hint.strip()
        pieces = [hint, *_SPLIT.split(hint)]
        for piece in pieces:
            piece = piece.strip()
            if 2 <= len(piece) <= 20 and _WORDISH.search(piece) and not piece.isdigit():
                out.add(piece)
    return out


def _slot_prefixes(text: str) -> dict[str, int]:
    """Prefixes standing before the verb phrase of 关于-less ``《…的意见》`` titles, counted."""
    counts: dict[str, int] = {}
    for m in _TITLE.finditer(text):
        title = m.group(1)
        if "关于" in title:
            continue
        seen: set[str] = set()
        for lead in _LEAD.finditer(title, 1, 16):
            prefix = title[: lead.start()]
            if 2 <= len(prefix) <= 12 and prefix not in seen:
                seen.add(prefix)
                counts[prefix] = counts.get(prefix, 0) + 1
    return counts


@dataclass
class _Occurrence:
    start: int  # span removed (the token, with padding spaces when it sits between two words)
    end: int
    token_start: int = -1  # where the token itself starts
    slot: bool = False  # stands where a 关于-title puts 关于, before a typical verb phrase
    title_start: bool = False  # opens a 《…的意见》-style title that has no 关于
    name: bool = False  # stands before a leader's title
    glued: bool = False  # a site-shaped token glued inside a sentence


def _occurrences(text: str, token: str) -> list[_Occurrence]:
    """Every occurrence; spaces padding a token between two Chinese characters go with it."""
    out, i = [], text.find(token)
    while i >= 0:
        s, e = i, i + len(token)
        while s > 0 and text[s - 1] in " \u3000":
            s -= 1
        while e < len(text) and text[e] in " \u3000":
            e += 1
        padded = (s, e) != (i, i + len(token))
        if not (padded and s > 0 and e < len(text) and _CJK.match(text[s - 1]) and _CJK.match(text[e])):
            s, e = i, i + len(token)
        out.append(_Occurrence(s, e, token_start=i))
        i = text.find(token, i + len(token))
    return out


def _assess(text: str, token: str, occ: _Occurrence, from_hint: bool) -> None:
    before = text[occ.start - 1] if occ.start else ""
    after = text[occ.end : occ.end + 6]
    preceding = text[max(0, occ.start - 2) : occ.start]
    org_like = _is_org_or_place(token)
    # Inside a 《…的意见》 title with no 关于, right after 《 or after the issuer's name.
    open_ = text.rfind("《", max(0, occ.start - 40), occ.start)
    issuer = text[open_ + 1 : occ.start] if open_ >= 0 else ""
    if open_ >= 0 and not org_like and (not issuer or _ORG_SHAPE.search(issuer)) and not re.search(r"[》\n]", issuer):
        close = text.find("》", occ.end)
        title = text[occ.end : close] if close > 0 else ""
        if title and "\n" not in title and "关于" not in issuer + title and re.search(_TITLE_END + "$", title):
            occ.title_start = True
            occ.slot = bool(_LEAD.match(title))
    if from_hint and not org_like and _LEADER.match(after):
        occ.name = True
    if (
        _SITE_SHAPE.search(token)
        and not org_like
        and not _is_institutional(token)
        and before
        and _WORDISH.match(before)
        and after
        and _WORDISH.match(after[0])
        and not preceding.endswith(_CITE_BEFORE)
        and not after.startswith(_CITE_AFTER)
    ):
        occ.glued = True


@dataclass
class JunkResult:
    tokens: list[str] = field(default_factory=list)
    removals: list[Removal] = field(default_factory=list)
    repairs: list[Repair] = field(default_factory=list)


def find_injected(text: str, hints: list[str]) -> dict[str, list[_Occurrence]]:
    """Tokens judged injected, with all their occurrences in ``text`` (non-overlapping)."""
    hint_tokens = _candidates_from_hints(hints)
    slot_tokens = {p for p, n in _slot_prefixes(text).items() if n >= 2 or p in hint_tokens}
    fired: dict[str, list[_Occurrence]] = {}
    taken = bytearray(len(text))
    # Longest first, so 体球网 wins over 体球 and overlapping pieces are not counted twice.
    for token in sorted(hint_tokens | slot_tokens, key=lambda t: (-len(t), t)):
        occs = [o for o in _occurrences(text, token) if not any(taken[o.start : o.end])]
        if not occs:
            continue
        from_hint = token in hint_tokens
        for occ in occs:
            _assess(text, token, occ, from_hint)
        slots = sum(1 for o in occs if o.slot)
        strong = sum(1 for o in occs if o.slot or o.name)
        glued = sum(1 for o in occs if o.glued and not (o.slot or o.name))
        if slots >= 2 or (from_hint and (strong >= 1 or glued >= 2)):
            fired[token] = occs
            for o in occs:
                taken[o.start : o.end] = b"\x01" * (o.end - o.start)
    return fired


def remove_injected(mt: MappedText, hints: list[str]) -> JunkResult:
    """Find injected tokens in ``mt``, delete them, repair 关于-titles; ``mt`` changes in place."""
    result = JunkResult()
    fired = find_injected(mt.text, hints)
    if not fired:
        return result
    spans: list[tuple[int, int, _Occurrence]] = []
    for token, occs in fired.items():
        result.tokens.append(token)
        for o in occs:
            spans.append((o.start, o.end, o))
            result.removals.append(Removal(token, mt.original_offset(o.token_start), "injected-token"))
    spans.sort(key=lambda t: t[0])
    # Where each slot occurrence lands once the tokens are gone, and where it was.
    slot_points: list[tuple[int, int]] = []
    removed_before = 0
    for s, e, o in spans:
        if o.title_start:
            slot_points.append((s - removed_before, mt.original_offset(s)))
        removed_before += e - s
    mt.delete([(s, e) for s, e, _ in spans])
    mt.insert_many([(pos, "关于", orig) for pos, orig in slot_points])
    for k, (pos, _orig) in enumerate(slot_points):
        at = pos + 2 * k  # each earlier repair inserted two characters
        open_, close = mt.text.rfind("《", 0, at), mt.text.find("》", at)
        repaired = mt.text[open_ : close + 1]
        found = mt.text[open_:at] + mt.text[at + 2 : close + 1]
        result.repairs.append(
            Repair(found, repaired, open_, "restored 关于 replaced by an injected token in a 《…》 title")
        )
    result.removals.sort(key=lambda r: r.offset)
    return result
