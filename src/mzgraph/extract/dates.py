"""Dates: the date expressions of a text, with years relative to the document's date resolved.

``2024年3月15日`` → 2024-03-15, ``2024年3月`` → 2024-03, ``2024年`` → 2024; ``今年``,
``去年``, ``明年``, ``前年`` count from the year of the document's date; a month and day
without a year (``3月15日``) and ``近日``/``日前`` (a few days ago: the document's month)
also take it; ``同年7月`` takes the year the text named last. A text whose date is unknown leaves relative dates out.

The document's date is the date of its metadata, else a dateline (a full date opening a
paragraph of the lead: ``2021年10月28日，民政部举行…``).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from mzgraph.extract.text import scan_at
from mzgraph.model import PartialDate, SourceDocument

_RELATIVE_YEAR = {"今年": 0, "本年": 0, "去年": -1, "上年": -1, "明年": 1, "前年": -2}
_DATE = re.compile(
    r"(?:(?P<y>(?:19|20)\d\d)\s*年|(?P<rel>今年|本年|去年|上年|明年|前年))"
    r"(?:(?P<m>1[0-2]|0?[1-9])\s*月(?:(?P<d>3[01]|[12]\d|0?[1-9])\s*[日号])?)?"
    r"|(?<![\d年])(?P<m2>1[0-2]|0?[1-9])月(?P<d2>3[01]|[12]\d|0?[1-9])[日号]"
    r"|(?P<recent>近日|日前)"
    r"|(?P<same>同年|当年)(?:(?P<m3>1[0-2]|0?[1-9])\s*月)?"
)
# Where a date can start, found from the character every date holds (年, 月 or 日) by
# patterns that open with it, which re finds by that literal first character: the date
# pattern opens with an alternation, which re tries at every character, and a class of the
# characters it opens with (digits, 今, 上, 日 …) is a test at every character too. The
# character found gives the date's start: 2019年 (a year; white space then a year, read
# back), 今年/同年, 3月5日 (a month of one or two digits before a day), 近日, 日前.
_YEAR_AT = re.compile(
    r"年(?:(?<=(?:19|20)\d\d年)(?P<year>)"
    rf"|(?<=[{''.join(w[0] for w in _RELATIVE_YEAR)}同当]年)(?P<word>)|(?<=\s年)(?P<space>))"
)
_MONTH_AT = re.compile(r"月(?<=\d月)(?=\d)")
_RECENT_AT = re.compile(r"日(?:(?<=近日)|(?=前))")
_ISO = re.compile(r"^((?:19|20)\d\d)(?:-(\d\d)(?:-(\d\d))?)?")
_DATELINE = re.compile(r"\s*((?:19|20)\d\d)年(1[0-2]|0?[1-9])月(3[01]|[12]\d|0?[1-9])日")


class DateHit(NamedTuple):
    start: int
    end: int
    date: PartialDate
    relative: bool  # resolved from the document's date (今年, 3月15日, 近日)


def parse_iso(value: str | None) -> PartialDate | None:
    """``2024-03-15`` / ``2024-03`` / ``2024`` → a PartialDate; anything else → None."""
    m = _ISO.match(value or "")
    if not m:
        return None
    year, month, day = (int(x) if x else None for x in m.groups())
    if month is not None and not 1 <= month <= 12 or day is not None and not 1 <= day <= 31:
        return None
    return PartialDate(year, month, day)


def document_date(document: SourceDocument, lead: tuple[int, int] | None = None) -> PartialDate | None:
    """The date the document bears: its metadata's, else the date of its source line
    (``来源：安徽日报 2025年6月23日``), else a dateline opening its lead."""
    date = parse_iso(document.metadata.date)
    if date is None and document.metadata.source:
        m = _DATELINE.search(document.metadata.source)
        date = PartialDate(*(int(x) for x in m.groups())) if m else None
    if date is not None or lead is None:
        return date
    text = document.text
    for para in re.finditer(r"[^\n]+", text[lead[0] : lead[1]]):
        m = _DATELINE.match(para.group())
        if m:
            return PartialDate(*(int(x) for x in m.groups()))
    return None


def signature_date(text: str, paragraphs: list[tuple[int, int]]) -> PartialDate | None:
    """The date an instrument's text is signed with: a line holding only a full date, after
    the title (海南省民政厅 海南省财政厅 / 2026年1月6日)."""
    for s, e in reversed(paragraphs[1:]):
        m = _DATELINE.fullmatch(text, s, e)
        if m:
            return PartialDate(*(int(x) for x in m.groups()))
    return None


# a date is immutable: one instance for each, memoised (a report names the same few dates again and again)
_date = lru_cache(maxsize=8192)(PartialDate)


def date_matches(text: str):
    """``_DATE.finditer(text)``, tried only where a date can start (see ``_YEAR_AT``)."""
    starts = []
    for m in _YEAR_AT.finditer(text):
        k = m.start()
        if m.lastgroup == "year":
            starts.append(k - 4)
        elif m.lastgroup == "word":
            starts.append(k - 1)
        else:  # 2019 年: the year before the white space
            while k and text[k - 1].isspace():
                k -= 1
            starts.append(k - 4)
    for m in _MONTH_AT.finditer(text):  # 3月5日, 12月5日
        starts += (m.start() - 2, m.start() - 1)
    for m in _RECENT_AT.finditer(text):  # 近日, 日前
        starts += (m.start() - 1, m.start())
    return scan_at(_DATE, sorted({k for k in starts if k >= 0}), text)


def find_dates(text: str, today: PartialDate | None) -> list[DateHit]:
    """Every date expression of ``text`` in order; relative ones only when ``today`` is known."""
    hits = []
    last_year = None  # 同年7月: the year the text named last
    for m in date_matches(text):
        y, rel, month, day, month2, day2, same, month3 = m.group("y", "rel", "m", "d", "m2", "d2", "same", "m3")
        month, day = month or month2, day or day2
        if y:
            date = _date(int(y), int(month) if month else None, int(day) if day else None)
            hits.append(DateHit(m.start(), m.end(), date, False))
            last_year = date.year
        elif same:
            if last_year is not None:
                hits.append(DateHit(m.start(), m.end(), _date(last_year, int(month3) if month3 else None), True))
        elif today is None:
            continue
        elif rel:
            year = today.year + _RELATIVE_YEAR[rel]
            date = _date(year, int(month) if month else None, int(day) if day else None)
            hits.append(DateHit(m.start(), m.end(), date, True))
        elif m.group("recent"):
            hits.append(DateHit(m.start(), m.end(), _date(today.year, today.month), True))
        else:
            hits.append(DateHit(m.start(), m.end(), _date(today.year, int(month), int(day)), True))
    return hits
