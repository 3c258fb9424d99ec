"""Targets: reported figures with value, unit, indicator, qualifier and year.

``20.98万名`` → 209800 人, ``21.33亿元`` → 2133000000 元, ``10万余人`` → 100000 人 (more
than), ``二十四个`` → 24 个. Not targets: ordinals (第十四次), dates and years (no counted
unit), ages (岁), counts of co-issuing bodies (13个部门, 5家单位联合), and small Chinese
numerals used as rhetoric (两项制度, 三个方面): a Chinese numeral counts from ten up.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from decimal import Decimal
from functools import lru_cache
from itertools import chain
from operator import methodcaller
from typing import NamedTuple

from mzgraph.extract.dates import DateHit
from mzgraph.extract.text import Mask, scan_at
from mzgraph.model import Quantity

_UNITS = [
    "个百分点",
    "个工作日",
    "工作日",
    "个小时",
    "小时",
    "人次",
    "户次",
    "平方米",
    "公里",
    "千米",
    "张床位",
    "名",
    "人",
    "户",
    "个",
    "家",
    "所",
    "张",
    "床",
    "元",
    "穴",
    "项",
    "件",
    "次",
    "场",
    "座",
    "处",
    "套",
    "辆",
    "台",
    "条",
    "支",
    "批",
    "篇",
    "份",
    "亩",
    "吨",
    "间",
    "例",
    "对",
    "本",
    "册",
    "位",
    "期",
    "%",
    "％",
    "‰",
]
_CN_DIGITS = "零〇一二两三四五六七八九"
_CN = rf"[{_CN_DIGITS}十百千]+"
_NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_UNIT_FIRST = "".join(sorted({u[0] for u in _UNITS}))
# A figure: a number of digits (_NUM) or of Chinese numerals (_CN), 万/亿 and a unit. The
# number opens with a character class, so that ``re`` skips at C speed to the next digit or
# numeral (a pattern opening with an alternation is tried at every character); there, a
# cheap test (a run of digits must go on with 余, 多, 万, 亿 or a unit) runs before the rest.
# The first character decides which number it is (the two classes share none), so the
# matches are those of (?P<num>{_NUM}|{_CN}) (tests/extract/test_scanning.py).
# The opening class holds no \d: re tests a class at every character of the text, and \d
# (any decimal digit, a Unicode lookup for each character) cost a third of the pass; ranges
# holding every decimal digit that is not ASCII (and little else a Chinese text writes:
# not its punctuation, ideographs or fullwidth signs) take its place, and the test after
# it lets through only a digit or a numeral (test_scanning.py checks every code point)
_DIGITS_ELSEWHERE = "\u0660-\u1fff\ua620-\uabff\uff10-\uff19\U00010000-\U0010ffff"
_QUANTITY = re.compile(
    rf"(?P<num>[0-9{_DIGITS_ELSEWHERE}{_CN_DIGITS}十百千]"
    rf"(?<=(?=\d[\d,.]*+[余多万亿千百{re.escape(_UNIT_FIRST)}]|[{_CN_DIGITS}十百千]).)"
    rf"(?:(?<=\d)(?:\d{{0,2}}(?:,\d{{3}})+(?:\.\d+)?|\d*(?:\.\d+)?)|(?<=[{_CN_DIGITS}十百千])[{_CN_DIGITS}十百千]*))"
    rf"(?P<about0>余|多)?(?P<mult>万亿|千万|百万|万|亿)?(?P<about>余|多)?"
    rf"(?P<unit>{'|'.join(re.escape(u) for u in sorted(_UNITS, key=len, reverse=True))})"
)
# 由45个工作日压缩至30个工作日, 24小时内办结: a time limit, which is a figure; 24小时服务 is not
# (and 可延长至20个工作日; an amount of time given or saved: 攒下了420个小时的服务时长)
_TIME_LIMIT = re.compile(r"时限|压缩|缩短|减少|办结|不超过|控制在|提速|延长|时长|累计|攒")
_ARTICLE_COUNT = re.compile(r"(?:章|共|》)\s*$")  # 共六章四十二条, 《条例》42条: the size of a text
_CN_NUMERAL = frozenset(_CN_DIGITS + "十百千")
_CN_NUMERAL_OR_ORDINAL = frozenset(_CN_DIGITS + "十百千第")
_CN_VALUE = {**{c: i for i, c in enumerate("零一二三四五六七八九")}, "〇": 0, "两": 2}
# 1936万建档立卡贫困人口: a count in 万 or 亿 with no measure word, followed by who is counted
_BARE = re.compile(
    rf"(?P<num>{_NUM})(?P<about0>余|多)?(?P<mult>万|亿)(?P<about>余|多)?"
    # 1200余万和1600余万残疾人: the first count shares the noun of the second
    rf"(?=(?:[和、及与或至到](?:{_NUM})(?:余|多)?(?:万|亿)(?:余|多)?)?[\u4e00-\u9fff]{{0,10}}?(?:人口|人员|群众|对象|老人|老年人|儿童|居民|农民|职工|学生|患者|残疾人|家庭|户))"
)
_BARE_END = re.compile(rf"(?P<num>{_NUM})(?P<about0>余|多)?(?P<mult>万|亿)(?P<about>余|多)?(?=[，。；、,;）)]|$)")
# where a count in 万 or 亿 can start (both patterns below): a digit of a run of digits,
# commas and points that goes on with 余, 多, 万 or 亿 (a number may start inside the run);
# found from the character after the run, far rarer than digits: one pattern for each, which
# re finds by its literal first character (a class is a test at every character of the text:
# 3.0 ms on the joined text, against 0.2 for each of these)
_AFTER_RUN = [re.compile(rf"{c}(?<=[\d,.].)") for c in "余多万亿"]
_PEOPLE = re.compile(r"人口|人员|群众|对象|老人|老年人|儿童|居民|农民|职工|学生|患者|残疾人")
# the units as stored: a count of working days or hours, a percentage, people, beds
_UNIT_NAME = {"个工作日": "工作日", "个小时": "小时", "％": "%", "名": "人", "张床位": "张"}
# (a Python int: compiled, 10 ** len(frac) would be C arithmetic on two C integers, a float)
_TEN = 10
_MULT = {None: 1, "万": 10**4, "亿": 10**8, "万亿": 10**12, "千万": 10**7, "百万": 10**6}
# (matched at the end of the figure, within four characters; only where it can start)
_NOT_AFTER_FIRST = frozenset("个家省市县中有相部单成厅委方联会全代常工月小季年星周")
_NOT_AFTER = re.compile(
    r"(?:个|家)?(?:省直|市直|县直|中央|有关|相关)?(?:部门|部委|单位|成员单位|厅局|委办局|方面)|(?:联合|会同)|"
    r"(?:全会|全体会议|会议|代表大会|常委会)|(?:工作日|月|小时|季度|年度|年|星期|周)"
)
# 每千名, 数十个, 上千人: a rate or a vague amount, not a figure
_NOT_BEFORE = set("每数几若")
_HOUSEHOLD = re.compile(r"[\u4e00-\u9fff]{0,8}?(?:家庭|户)(?![\u4e00-\u9fff]*(?:人口|人员|群众|对象))")
# qualifiers: the words right before the figure (接近, 超过), else right after it (以上),
# else 余/多 in it; the two lists before, and the two after, never both apply
_APPROXIMATELY = ("近", "约", "近乎")  # 近 接近 将近 约 大约 近乎
_MORE_THAN = ("超过", "超", "逾", "多于", "高于")
_QUALIFIER_LAST = frozenset("近约乎过超逾于\n")  # the last characters of the words before
_AT_LEAST = ("以上", "及以上")
_AT_MOST = ("以下", "以内", "及以下")
_INDICATOR_STOP = re.compile(r"[，。；、,;：:（(）)“”《》\s和与及等在中为是]")
# Verbs that end the counted noun after a figure (20.98万名城镇贫困群众|脱贫).
_AFTER_VERB = re.compile(
    r"实现|建成|建立|开展|达到|覆盖|提供|参与|获得|享受|纳入|脱贫|受益|得到|入住|完成|通过|签约|接受|"
    r"参加|使用|办理|登记|落实|列入|进入|全部|均|已|被|的"
)
# Verbs before a figure: the counted noun follows them (提供帮扶资源21.33亿元) or, when
# nothing follows, precedes them (遗体火化率达92.37%).
_BEFORE_VERB = re.compile(
    r"不低于|不少于|不超过|保持在|保持|超过|达到|提升了|提升|提高到|提高了|提高|增长了|增长|增加|减少|下降|共有|累计|建成|建有|完成|实现|惠及|覆盖|"
    r"提供|救助|资助|发放|投入|筹集|募集|安置|培训|新增|新建|改造|治理|降低|达|为|有|共"
)
# (matched at the end of the figure)
_AFTER_FIGURE = r"(?:/[人户](?:·[年月日])?)?(?:以上|以下|左右)?(?:“[^”]{0,12}”)?的?"
# The counted noun after a figure, in one match: what follows it up to a stop, cut at the
# first verb (参与 holds a stop, 与, so it never stands inside such a noun)
_NOUN_AFTER = re.compile(
    _AFTER_FIGURE
    + r"(?P<noun>(?:(?!"
    + "|".join(v for v in _AFTER_VERB.pattern.split("|") if v != "参与")
    + ")"
    + _INDICATOR_STOP.pattern.replace("[", "[^", 1)
    + ")*)"
)
# stops that no part of _NOUN_AFTER opens with (“ can open a quoted name, / a rate): after
# one of them the noun is empty
_NO_NOUN_AFTER = frozenset("，。；、,;：:（(）)”《》和与及等在中为是 \n\t\u3000")
_TO_CLAUSE_START = re.compile(r"(?s:.*)[，。；、,;：:]")  # up to the last clause stop
_PER_HEAD = re.compile(r"(?:每人每[年月日]|每人|每[年月]|人均)+$")
_COMPARED = re.compile(r"^(?:比上年|较上年|同比|环比|比去年|较去年)")
_UP_TO_YEAR = re.compile(r"^.*?(?:19|20)\d\d年(?:底|末)?")
_WINDOW = 64  # characters around a figure where its counted noun can be
_SCOPE_WORDS = re.compile(r"^(?:全省|全市|全县|全区|全国|截至目前|目前|其中|共|累计)+")


_START, _END = methodcaller("start"), methodcaller("end")  # (called in C, not a Python lambda)
# a whole value's Decimal, one instance for each (immutable; a report repeats its values)
_decimal = lru_cache(maxsize=4096)(Decimal)


class FigureHit(NamedTuple):
    """A figure as read, with what its :class:`Quantity` holds unboxed: the extractor builds
    that only for the figures it keeps (a figure repeated with the same indicator and place
    is one, see ``extractor``), and a frozen dataclass costs more to make than all the rest."""

    start: int
    end: int
    value: int | Decimal  # an integral value as an int (equal to its Decimal, with the same hash)
    unit: str
    indicator: str | None
    qualifier: str | None
    year: int | None
    sentence: tuple[int, int] | None  # the sentence it was read in, if it is in one

    def quantity(self, text: str) -> Quantity:
        value = self.value
        value = _decimal(value) if type(value) is int else value
        return Quantity(value, self.unit, self.indicator, self.qualifier, self.year, text[self.start : self.end])


def chinese_number(s: str) -> int | None:
    """二十四 → 24, 一百零五 → 105, 三千 → 3000; digits read in place (二〇一九 → 2019)."""
    digits = _CN_VALUE
    if all(c in digits for c in s):
        return int("".join(str(digits[c]) for c in s)) if len(s) > 1 else digits[s]
    total, current = 0, 0
    for c in s:
        if c in digits:
            current = digits[c]
        elif c in "十百千":
            unit = {"十": 10, "百": 100, "千": 1000}[c]
            total += (current or 1) * unit
            current = 0
        else:
            return None
    return total + current


def _indicator(text: str, start: int, end: int, lo: int, hi: int) -> str | None:
    """What the figure counts: the noun after it, else the noun the clause puts before it."""
    # the noun is at most 12 characters: a bounded window on each side keeps this linear;
    # most figures end a clause (。，), where no noun follows and the pattern need not run
    if end < hi and text[end] not in _NO_NOUN_AFTER:
        noun = _NOUN_AFTER.match(text, end, min(hi, end + _WINDOW)).group("noun")
        if noun:
            return noun[:12]
    w = start - _WINDOW
    if w < lo:
        w = lo
    split = _TO_CLAUSE_START.match(text, w, start) if w < start else None
    before = text[split.end() if split else w : start]
    if not before:
        return None
    # (each pattern is tried only where the characters it needs are there)
    if text[start - 1] in "年月日人均\n":  # (the last character of ``before``)
        before = _PER_HEAD.sub("", before)
    if before[:1] in ("比", "较", "同", "环"):
        before = _COMPARED.sub("", before)
    verbs = _BEFORE_VERB.finditer(before)
    verb = None
    for verb in verbs:  # noqa: B007 (the last one is wanted)
        pass
    if verb is not None:
        tail = before[verb.end() :].lstrip("了")
        before = tail.rsplit("的", 1)[-1] if len(tail) >= 2 else before[: verb.start()]
    if before[:1] in ("全", "截", "目", "其", "共", "累"):
        before = _SCOPE_WORDS.sub("", before)
    if "年" in before:
        before = _UP_TO_YEAR.sub("", before)
    return before.rstrip("的")[-12:] or None


def find_quantities(
    text: str, blocked: Mask, sentences: list[tuple[int, int]] | None = None, dates: list[DateHit] | None = None
) -> list[FigureHit]:
    """Figures in ``text`` outside the ``blocked`` text (titles, quoted names).

    ``dates`` (from :func:`dates.find_dates`) date the figures: the last date before a
    figure in its sentence gives its year, unless it is a comparison (较2019年, 比去年).
    """
    spans = sentences or [(0, len(text))]
    years = [(d.end, d.start, d.date.year) for d in dates or () if not (d.start and text[d.start - 1] in "较比与从同")]
    year_ends = [y[0] for y in years]
    hits: list[FigureHit] = []
    matches = list(_QUANTITY.finditer(text))
    # those figures do not overlap and come in order: the one that may overlap a span is
    # the last to start before the span ends
    figure_starts = list(map(_START, matches))
    figure_ends = list(map(_END, matches))

    def covered(s: int, e: int) -> bool:
        i = bisect_left(figure_starts, e) - 1
        return i >= 0 and figure_ends[i] > s

    bare = []
    for m in chain.from_iterable(after_run.finditer(text) for after_run in _AFTER_RUN):
        if covered(m.start(), m.start() + 1):
            # the 万 of a figure found (most of them): a count read from the digits before
            # it takes that 万 too, so it overlaps the figure and would be dropped below; it
            # ends right after the 万 (and 余/多), so no later try is skipped for it either
            continue
        run = m.start()
        while run > 0 and (text[run - 1] in ",." or text[run - 1].isdecimal()):  # (\d is isdecimal)
            run -= 1
        if "," in text[run : m.start()] or "." in text[run : m.start()]:
            bare.extend(i for i in range(run, m.start()) if text[i].isdecimal())
        else:  # digits only: what follows is the same from any of them, the first decides
            bare.append(run)
    bare.sort()  # (each run is followed by one of the four: no offset twice)
    for m in scan_at(_BARE, bare, text):
        if not covered(m.start(), m.end()) and not text.startswith(("元", "平方"), m.end()):
            matches.append(m)
    # 老年人达到2200多万。: the people counted come before the figure
    for m in scan_at(_BARE_END, bare, text):
        if covered(m.start(), m.end()):
            continue
        clause = re.split(r"[，。；,;]", text[max(0, m.start() - 30) : m.start()])[-1]
        if _PEOPLE.search(clause):
            matches.append(m)
    matches.sort(key=_START)
    overlaps = blocked.overlaps
    new_hit = tuple.__new__  # (a NamedTuple's own __new__ is a Python function)
    # the sentence of each figure, walking the sentences along (the figures come in order)
    k_sent, n_sent = 0, len(spans)
    n = len(text)
    for m in matches:
        s, e = m.span()
        if overlaps(s, e):
            continue
        while k_sent + 1 < n_sent and spans[k_sent + 1][0] <= s:
            k_sent += 1
        sentence = spans[k_sent] if spans[k_sent][0] <= s < spans[k_sent][1] else None
        prev = text[s - 1] if s else ""
        if prev == "第" or prev.isdigit() or prev == ".":
            continue
        if e < n and text[e] in _NOT_AFTER_FIRST and _NOT_AFTER.match(text, e, e + 4):
            continue
        num, about0, mult, about, unit = m.groups() if m.re is _QUANTITY else (*m.groups(), None)
        if unit is None:  # a bare count: who is counted decides the unit
            unit = "户" if _HOUSEHOLD.match(text, e) else "人"
        chinese = num[0] in _CN_NUMERAL
        if chinese:
            value_int = chinese_number(num)
            # small Chinese numerals are rhetoric (两项制度) unless a 万/亿 follows (两万余人)
            if value_int is None or value_int * _MULT[mult] < 10 or unit == "次":
                continue
            if prev and prev in _CN_NUMERAL_OR_ORDINAL:
                continue
            value = value_int * _MULT[mult]
        elif "." in num:
            whole, _, frac = num.replace(",", "").partition(".")
            # an integral result at most 27 digits long (Decimal's 28 hold it exactly) is
            # that int: 20.98万 → 209800, without a Decimal made, normalised and compared
            value, rest = divmod(int(whole + frac) * _MULT[mult], _TEN ** len(frac))
            if rest or len(whole) + len(frac) > 15:
                value = Decimal(num.replace(",", "")) * _MULT[mult]
        else:
            value = int(num.replace(",", "")) * _MULT[mult]
        unit = _UNIT_NAME.get(unit, unit)
        if unit in ("工作日", "小时") and value < 1000:
            sentence_start = (sentence or (s, e))[0]
            context = text[max(sentence_start, s - 12) : s] + text[e : e + 6]
            if not _TIME_LIMIT.search(context) and not text.startswith(("内", "以内"), e):
                continue
        if unit == "次" and value < 10:
            continue  # 开展了2次检查: how often one thing happened, not an outcome
        if unit == "条" and (chinese or _ARTICLE_COUNT.search(text[max(0, s - 6) : s])):
            continue
        # 上千人 is vague; 上千万名 is an order of magnitude the text reports
        if prev and (prev in _NOT_BEFORE or (prev == "上" and num[0] in "百千" and not mult)):
            continue
        qualifier = "more-than" if about or about0 else None
        if prev in _QUALIFIER_LAST:
            before = text[max(0, s - 3) : s]
            if before.endswith("\n"):  # (a pattern's $ matches before a final line break)
                before = before[:-1]
            if before.endswith(_APPROXIMATELY):
                qualifier = "approximately"
            elif before.endswith(_MORE_THAN):
                qualifier = "more-than"
        if e < n and text[e] in "以及":
            if text.startswith(_AT_LEAST, e):
                qualifier = "at-least"
            elif text.startswith(_AT_MOST, e):
                qualifier = "at-most"
        sent = sentence or (max(0, s - 60), min(n, e + 60))
        k = bisect_right(year_ends, s) - 1
        year = years[k][2] if k >= 0 and years[k][1] >= sent[0] else None
        if type(value) is not int:
            value = value.normalize()
            if value == value.to_integral():
                value = int(value)  # exact at any size; quantize fails past 28 digits
        indicator = _indicator(text, s, e, sent[0], sent[1])
        if indicator is None and hits and hits[-1].start >= sent[0]:
            # 火化率达92.37%，较2017年提升了57.41%: the same indicator as the figure before
            indicator = hits[-1].indicator
        hits.append(new_hit(FigureHit, (s, e, value, unit, indicator, qualifier, year, sentence)))
    return hits
