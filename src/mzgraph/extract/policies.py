"""Policies: titles in 《》 and named instruments introduced by an issuing verb.

A title in 《》 is a policy unless it names a newspaper (ends in 报), or the words around
it say it is a book, a programme or a play (《…》一书, 观看《…》, 《…》栏目). Without 《》,
an issuing verb (出台, 印发, 制定, 发布, 编制 …) followed directly by a noun phrase that ends
in the head noun of an instrument (计划, 办法, 条例, 指南 …) names a policy
(``出台了殡葬设施建设“三年行动计划”``); generic phrases (实施方案, 一系列政策措施) do not.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import lru_cache
from typing import NamedTuple

from mzgraph.extract import lexicon
from mzgraph.extract.text import Mask
from mzgraph.model import PartialDate

# no sentence end inside: a title is one phrase, and a mention must lie within its sentence
_TITLE = re.compile(r"《([^《》\n。！？!?；;]{2,120})》")
# Each title is put to these word patterns only where the character their words open (or
# end) with is there, a test that costs a tenth of a pattern's call (a $ matches before a
# final line break too: the characters before a title may end with one).
_WORKS = (
    *("一书", "丛书", "读本", "杂志", "期刊", "栏目", "节目", "专栏", "专刊", "剧", "话剧", "电视剧", "电影"),
    *("纪录片", "宣传片", "微电影", "歌曲", "舞蹈", "小品", "晚会", "画册", "图书", "书籍", "系列报道", "报道", "节目"),
)
_NOT_POLICY_AFTER = re.compile(f"^(?:{'|'.join(_WORKS)})")
_NOT_POLICY_AFTER_FIRST = frozenset(w[0] for w in _WORKS)
_MAKING = (
    *("出版", "编印", "编写", "编撰", "编著", "撰写", "阅读", "观看", "收看", "演出", "上演", "拍摄", "播出"),
    *("创作", "朗诵", "演唱", "刊发", "发表", "登载", "刊登", "著作", "专著", "主演", "编排", "排演", "推出"),
)
_NOT_POLICY_BEFORE = re.compile(f"(?:{'|'.join(_MAKING)})(?:了|的)?$")
# 观看了话剧《…》, 出版图书《…》: a genre noun right before the title
_GENRES = (
    *("话剧", "戏剧", "舞台剧", "情景剧", "歌舞剧", "音乐剧", "电影", "微电影", "电视剧", "歌曲", "小品", "专题片"),
    *("纪录片", "宣传片", "书籍", "图书", "丛书", "著作", "专著", "杂志", "期刊", "报纸", "节目", "栏目", "诗歌"),
    *("散文", "小说", "绘本", "画册", "动画片", "短视频", "视频", "曲目", "晚会"),
)
_GENRE_BEFORE = re.compile(f"(?:{'|'.join(_GENRES)})$")
_BEFORE_LAST = frozenset([*(w[-1] for w in (*_MAKING, *_GENRES)), "了", "的", "\n"])
_NOT_POLICY_TAIL = re.compile(r"(?:报|日报|晚报|杂志|周刊|月刊|剧|曲|歌|谣|诗|记|传|书)$")
_NOT_POLICY_TAIL_LAST = frozenset("报志刊剧曲歌谣诗记传书")  # (a title is trimmed: no line break ends it)
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


class PolicyHit(NamedTuple):
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


@lru_cache(maxsize=1)
def _head_set() -> frozenset[str]:
    return frozenset(lexicon.policy_heads())


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


_BRACKETED_END = re.compile(r"[（(][^（()）]*[)）]$")


def is_policy_title(text: str, start: int, end: int, title: str) -> bool:
    """Whether the 《》 title at ``text[start-1:end+1]`` names a policy."""
    bare = _BRACKETED_END.sub("", title).strip() if title[-1:] in (")", "）") else title
    if bare[-1:] in _NOT_POLICY_TAIL_LAST and _NOT_POLICY_TAIL.search(bare):
        if not bare.endswith(lexicon.policy_heads()):
            return False
    if text[end + 1 : end + 2] in _NOT_POLICY_AFTER_FIRST and _NOT_POLICY_AFTER.match(text[end + 1 : end + 6]):
        return False
    if start >= 2 and text[start - 2] in _BEFORE_LAST:
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
        if len(title) <= 3 or title in _head_set():
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


# ---------------------------------------------------------------- when issued, and lineage

# an issuing verb, with the words that may open or close it (联合印发, 制定出台了)
_ISSUE_LEADS = "联合|正式|研究|制定|修订|重新"
_ISSUE_VERBS = f"{VERBS}|审议通过"
# re tries a pattern that opens with an optional group at every offset; a lookahead of the
# characters a match can open with fails at once where none is (the verbs before the
# policies of the joined x20 text: 5.8 -> 2.8 ms)
_ISSUE_FIRST = "".join(sorted({w[0] for w in f"{_ISSUE_LEADS}|{_ISSUE_VERBS}".split("|")}))
ISSUE_VERB = re.compile(rf"(?=[{_ISSUE_FIRST}])(?:{_ISSUE_LEADS})?(?:{_ISSUE_VERBS})(?:了|实施)?")
# what may stand between a title and a date put after it, and between that date and its
# issuing verb (《…》于2024年3月由民政部印发)
_DATE_BEFORE_VERB = re.compile(r"^(?:（[^（）]{0,40}）)?(?:已|已经|业已|正式)?(?:由[^，。；《》]{2,24}?)?(?:于|在)?$")
_VERB_AFTER_DATE = re.compile(
    r"(?:由[^，。；《》]{2,24}?)?(?:正式|联合)?(?:印发|出台|发布|颁布|公布|下发|审议通过|通过)"
)
# a date that opens or ends a period (2019年以来, 到2025年) is not the day of issue
_PERIOD_AFTER = re.compile(r"(?:以来|起|至今|以前|以后|前|后|底|末|年底|年末|上半年|下半年|至|到|—|-|～|~)")
_PERIOD_BEFORE = re.compile(r"(?:到|至|截至|截止|从|自|于\d{0,4}年?前)$")
_CLAUSE_END = re.compile(r"[，。；：,;:!?！？]")
_TITLE_RUN = re.compile(r"《[^《》]*》")
# the instruments a policy implements or follows (根据《…》, 贯彻落实《…》精神)
_BASIS_CUE = re.compile(r"根据|依据|依照|按照|遵照|贯彻落实|贯彻|落实|对照")
_REVISED_OBJECT = re.compile(r"[对将][^，。；：《》]{0,10}$")  # 对2019年印发的《…》进行修订
_REVISES = re.compile(r"(?:进行了?|作了?|作出|予以)?(?:全面|重新|系统)?修订")
# the text refers to itself: it is the instrument its title names
_SELF_REFERENCE = re.compile(
    r"本(?:办法|规定|条例|细则|实施细则|方案|实施方案|意见|实施意见|通知|标准|规范|指南|规则|计划|措施|导则)|"
    r"(?:通知|意见|规定|决定)如下"
)
_JOIN = re.compile(
    r"^(?:[^，。；：,;:《》]{0,30}?)(?:、|和|及|与|以及|，以及)\s*$|^\s*$"
    # 根据《A》和民政部《B》: the second title's body between
    r"|^(?:、|和|及|与|以及)[\u4e00-\u9fff]{2,14}?(?:部|厅|局|委|办|院|会|政府)$"
)


def _free_gap(gap: str, limit: int) -> bool:
    """A stretch between two words of one phrase: short, no clause end, no issuing verb."""
    return len(gap) <= limit and not _CLAUSE_END.search(gap) and not ISSUE_VERB.search(gap)


def _opening(p: PolicyHit) -> int:
    return p.start - 1 if p.bracketed else p.start


def _closing(p: PolicyHit) -> int:
    return p.end + 1 if p.bracketed else p.end


def issued_dates(
    text: str,
    policies: list[PolicyHit],
    sentences: list[tuple[int, int]],
    dates: list,
    title_line: tuple[int, int] | None = None,
    document_date=None,
) -> dict[int, object]:
    """When each policy (by index) was issued, as precise as the text says; ``sentences``
    holds the sentence of each policy.

    A date right after the title (``《…》于2024年3月印发``), else the last date before the
    issuing verb of the title in its sentence (``2024年3月，民政部印发《…》``, ``近日，…印发``),
    else the document's date for the instrument its title line names or announces.
    """
    in_titles = Mask(len(text))
    for p in policies:
        in_titles.add(_opening(p), _closing(p))
    dates = [d for d in dates if not in_titles.overlaps(d.start, d.end)]
    starts = [d.start for d in dates]
    ends = [d.end for d in dates]
    out: dict[int, object] = {}
    for k, p in enumerate(policies):
        s0, s1 = sentences[k]
        open_at, close_at = _opening(p), _closing(p)
        # 1. 《…》于2024年3月印发
        i = bisect_left(starts, close_at)
        if i < len(dates) and dates[i].end <= s1 and dates[i].start - close_at <= 40:
            d = dates[i]
            if _DATE_BEFORE_VERB.match(text[close_at : d.start]) and _VERB_AFTER_DATE.match(text, d.end, s1):
                out[k] = d.date
                continue
        # 2. 2024年3月，民政部印发《…》: the verb governs the title (through other titles)
        lo = max(s0, open_at - 60)
        verbs = [v for v in ISSUE_VERB.finditer(text, lo, open_at)]
        if verbs:
            v = verbs[-1]
            gap = _TITLE_RUN.sub("", text[v.end() : open_at])
            j = bisect_right(ends, v.start()) - 1
            if _free_gap(gap, 12) and j >= 0 and dates[j].start >= s0:
                d = dates[j]
                period = _PERIOD_AFTER.match(text, d.end) or _PERIOD_BEFORE.search(text, max(s0, d.start - 6), d.start)
                if not period:
                    out[k] = d.date
                    continue
        # 3. the title line names the instrument, or says it was issued
        if document_date is not None and title_line and title_line[0] <= open_at and close_at <= title_line[1]:
            rest = _TITLE_RUN.sub("", text[title_line[0] : open_at])
            if not p.bracketed or ISSUE_VERB.search(rest):
                out[k] = document_date
                continue
        # 4. 《海南省临时救助办法》（琼府〔2021〕15号）: the year of its document number
        number = _DOC_NUMBER.match(text, close_at)
        if number:
            out[k] = PartialDate(int(number.group(1)))
    return out


# A document number in brackets right after a title: （琼府〔2021〕15号）, (民发[2020]3号)
_DOC_NUMBER = re.compile(r"\s*[（(][\u4e00-\u9fff]{1,8}[〔\[【［]((?:19|20)\d\d)[〕\]】］]\s*\d{1,4}号[）)]")


# A year (or 此前/曾) before an issuing verb: the instrument named after it is an earlier one.
_PAST_ISSUE = re.compile(r"(?:(?:19|20)\d\d年(?:\d{1,2}月)?|此前|曾经?|原)$")


def lineage(
    text: str, policies: list[PolicyHit], sentences: list[tuple[int, int]], own: int | None = None
) -> list[tuple[int, int]]:
    """``(policy, basis)`` index pairs: a policy implements, follows or revises the basis
    (``sentences``: the sentence of each policy).

    In one sentence: ``根据《A》(和《B》)…制定《C》`` (C on A and B), ``《C》根据《A》制定``,
    ``《C》对《A》进行了修订``; bodies may stand between the cue and the title
    (``贯彻落实国务院办公厅《A》``), an issuing verb may not. In the text of an instrument
    (``own``: the policy its title line names), ``根据《A》，制定本办法`` and
    ``为贯彻落实《A》…，现就有关事项通知如下`` put that instrument on A.
    """
    pairs: list[tuple[int, int]] = []
    by_sentence: dict[tuple[int, int], list[int]] = {}
    for k, sentence in enumerate(sentences):
        by_sentence.setdefault(sentence, []).append(k)
    for (s0, s1), ks in by_sentence.items():
        if len(ks) < 2 and own is None:
            continue
        runs: list[list[int]] = []  # runs of basis titles: 根据《A》和《B》
        for n, k in enumerate(ks):
            open_at = _opening(policies[k])
            if runs and runs[-1][-1] == ks[n - 1] and _JOIN.match(text[_closing(policies[ks[n - 1]]) : open_at]):
                runs[-1].append(k)
                continue
            prev_end = _closing(policies[ks[n - 1]]) if n else s0
            cues = _BASIS_CUE.finditer(text, max(prev_end, open_at - 30), open_at)
            if any(_free_gap(text[c.end() : open_at], 24) for c in cues):
                runs.append([k])
        run_of = {k: run for run in runs for k in run}
        for n, k in enumerate(ks):
            if k in run_of:
                continue
            p = policies[k]
            nxt = ks[n + 1] if n + 1 < len(ks) else None
            # 《C》对《A》进行了修订
            if nxt is not None and nxt not in run_of:
                a = policies[nxt]
                between = text[_closing(p) : _opening(a)].strip()
                if between in ("对", "将", "是对", "系对") and _REVISES.match(text, _closing(a)):
                    pairs.append((k, nxt))
                    continue
            # 根据《A》…制定《C》: an issuing verb after the last run of basis titles before C
            before = [b for b in ks[:n] if b in run_of]
            if before:
                run = run_of[before[-1]]
                verbs = list(ISSUE_VERB.finditer(text, _closing(policies[run[-1]]), _opening(p)))
                # 根据《A》，在总结2014年印发的《C》实施经验的基础上: C is an earlier instrument
                past = verbs and _PAST_ISSUE.search(text, max(s0, verbs[-1].start() - 8), verbs[-1].start())
                if past and text.startswith("的", verbs[-1].end()):
                    verbs = []
                if verbs and _free_gap(_TITLE_RUN.sub("", text[verbs[-1].end() : _opening(p)]), 12):
                    # 为贯彻落实《A》，根据《B》…印发《C》: the runs of bases before it that no
                    # issuing verb took already (根据《A》制定《B》，根据《C》制定《D》)
                    chain = [run]
                    for r in reversed(runs[: runs.index(run)]):
                        gap = text[_closing(policies[r[-1]]) : _opening(policies[chain[-1][0]])]
                        if ISSUE_VERB.search(gap) or _TITLE_RUN.search(gap):
                            break
                        chain.append(r)
                    pairs.extend((k, b) for r in chain for b in r)
                    continue
            # 《C》根据《A》制定
            if nxt is not None and nxt in run_of:
                run = run_of[nxt]
                cue_gap = text[_closing(p) : _opening(policies[nxt])]
                end = _closing(policies[run[-1]])
                if _free_gap(cue_gap, 12) and _BASIS_CUE.search(cue_gap) and ISSUE_VERB.match(text, end, end + 12):
                    pairs.extend((k, b) for b in run)
        # 对《A》进行修订，今年6月发布《B》: B is the revised A
        for n, a in enumerate(ks[:-1]):
            pa = policies[a]
            revised = _REVISED_OBJECT.search(text, max(s0, _opening(pa) - 12), _opening(pa))
            if revised and _REVISES.match(text, _closing(pa)):
                for b in ks[n + 1 :]:
                    verbs = list(ISSUE_VERB.finditer(text, _closing(pa), _opening(policies[b])))
                    gap = _TITLE_RUN.sub("", text[verbs[-1].end() : _opening(policies[b])]) if verbs else None
                    if b not in run_of and gap is not None and _free_gap(gap, 12) and (a, b) not in pairs:
                        pairs.append((b, a))
                        break
        # 根据《A》，制定本办法: the instrument this text is
        if own is not None and runs and not any(k in ks for k, _ in pairs) and _SELF_REFERENCE.search(text, s0, s1):
            # 按照《A》要求，根据《B》和《C》，现就…通知如下: every run of bases
            pairs.extend((own, b) for run in runs for b in run if b != own)
    return sorted(set(pairs))
