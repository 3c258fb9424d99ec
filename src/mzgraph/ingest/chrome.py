"""Page chrome: the lines a saved or scraped page carries around the article.

Breadcrumbs, font-size and print controls, "scan to open on your phone", image
placeholders, view counters, time/source lines and footers are not part of the report:
they are removed from the analysed text (each removal recorded), and what they say about
the document (title, date, source, publisher) becomes metadata.

Only short lines are ever judged, so an article sentence that happens to mention 来源 or
打印 is never dropped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from mzgraph.ingest.mapped import MappedText
from mzgraph.model import DocumentMetadata, Removal

_HAN = re.compile(r"[\u4e00-\u9fff]")
_SENTENCE_END = re.compile(r"[。！？；!?;]")
_PUNCT = re.compile(r"[。！？；，、,;!?]")

_IMAGE = re.compile(
    r"^(?:图片|图像|照片|配图|image|img|photo|picture|\[图片\]|【图片】|\[image\]|!\[[^\]]*\]\([^)]*\))$", re.I
)
_BREADCRUMB = re.compile(r"^(?:当前位置|您的位置|你的位置|您当前的位置|您现在的位置|所在位置|当前页面)\s*[:：]?")
_CRUMB_TRAIL = re.compile(r"(?:首页|主页|网站首页)\s*(?:>|》|»|→|/|＞)")
_CONTROLS = re.compile(
    r"(?:【?\s*字体\s*[:：]|【?\s*字号\s*[:：]|(?:^|\s)[大中小]\s+[大中小]\s+[大中小](?:\s|$)|"
    r"[【\[]打印[】\]]|打印(?:本页|此页|正文)|(?:^|\s)打印(?:\s|$)|"
    r"关闭窗口|[【\[]关闭[】\]]|收藏本页|加入收藏|[【\[]收藏[】\]]|视力保护色)"
)
_SCAN = re.compile(r"(?:扫一扫|扫描二维码|^二维码$|手机端?打开|手机扫码|用手机扫描|分享到|微信分享|分享至)")
_COUNTER = re.compile(r"(?:浏览量|浏览次数|阅读量|阅读次数|点击数|点击量|点击率|访问量|访问次数|浏览)\s*[:：]?\s*\d")
_FIELD = re.compile(
    r"(时间|日期|发布时间|发布日期|发文日期|更新时间|来源|信息来源|文章来源|稿件来源|作者|发布机构|发布单位|"
    r"发布者|编辑|责任编辑|浏览量|浏览次数|点击数|阅读量)\s*[:：]\s*"
)
_SOURCE_LINE = re.compile(r"^[（(]\s*(?:来源|稿件来源|信息来源|文章来源|转自)\s*[:：]\s*(.+?)\s*[)）]$")
_FOOTER = re.compile(
    r"^(?:(?:上一篇|下一篇|上一条|下一条|相关链接|相关阅读|相关新闻|相关文章|责任编辑)\s*[:：]|"
    r"(?:相关链接|相关阅读|相关新闻|相关文章|【?纠错】?|网站地图|联系我们|返回顶部|返回首页)\s*$|"
    r"版权所有|主办单位|承办单位|主办\s*[:：]|承办\s*[:：]|.*ICP备|网站标识码|Copyright|©)",
    re.I,
)
_DATE = re.compile(r"((?:19|20)\d{2})\s*(?:[-/.年])\s*(\d{1,2})\s*(?:[-/.月])\s*(\d{1,2})\s*日?")


def iso_date(text: str) -> str | None:
    """The first date in ``text`` as YYYY-MM-DD (2019.12.25, 2019年12月25日, 2019-12-25 …)."""
    m = _DATE.search(text)
    if not m:
        return None
    y, mo, d = int(m.group(1)), int(m.group(2)), int(m.group(3))
    if not (1 <= mo <= 12 and 1 <= d <= 31):
        return None
    return f"{y:04d}-{mo:02d}-{d:02d}"


def is_paragraph(line: str) -> bool:
    """A line of running text: long, Chinese, with clause punctuation."""
    return len(_HAN.findall(line)) >= 30 and bool(re.search(r"[。，,；]", line))


@dataclass
class Line:
    start: int  # offset in the current text
    end: int  # end, without the line break
    text: str

    @property
    def stripped(self) -> str:
        return self.text.strip(" \t\u3000\u00a0\ufeff")


def lines_of(text: str) -> list[Line]:
    out, pos = [], 0
    for raw in text.split("\n"):
        out.append(Line(pos, pos + len(raw), raw))
        pos += len(raw) + 1
    return out


def chrome_kind(line: str) -> str | None:
    """Why a (stripped) line is page chrome, or None when it is content."""
    if not line or len(line) > 120:
        return None
    if _IMAGE.match(line):
        return "image placeholder"
    if _SOURCE_LINE.match(line):
        return "source line"
    if len(line) <= 100 and (_BREADCRUMB.match(line) or len(_CRUMB_TRAIL.findall(line)) >= 1 and ">" in line):
        return "breadcrumb"
    if _SENTENCE_END.search(line):
        return None
    if len(line) <= 60 and _COUNTER.search(line) and len(_FIELD.findall(line)) <= 1:
        return "view counter"
    if len(line) <= 100 and len(_FIELD.findall(line)) >= 1 and (_FIELD.match(line) or len(_FIELD.findall(line)) >= 2):
        return "time/source line"
    if len(line) <= 40 and _CONTROLS.search(line):
        return "font/print controls"
    if len(line) <= 40 and _SCAN.search(line):
        return "scan-to-phone line"
    if len(line) <= 80 and _FOOTER.match(line):
        return "footer"
    return None


def _fields(line: str) -> dict[str, str]:
    """``时间:2019-12-25 浏览量:128 次 来源:中国社会报`` → {'时间': '2019-12-25', …}."""
    out: dict[str, str] = {}
    matches = list(_FIELD.finditer(line))
    for i, m in enumerate(matches):
        end = matches[i + 1].start() if i + 1 < len(matches) else len(line)
        value = line[m.end() : end].strip(" \t\u3000\u00a0【】[]|｜")
        out.setdefault(m.group(1), value)
    return out


@dataclass
class ChromeResult:
    removals: list[Removal] = field(default_factory=list)
    # Short lines above the title (site names; possibly injected spam, junk detection
    # decides): (text, offset in the original text). They are removed with the chrome.
    banner: list[tuple[str, int]] = field(default_factory=list)
    # Other short lines of the page head and copyright lines: where a site names itself.
    hints: list[str] = field(default_factory=list)


def _apply_fields(line: str, meta: DocumentMetadata) -> None:
    f = _fields(line)
    for key in ("发布时间", "发布日期", "发文日期", "时间", "日期", "更新时间"):
        if key in f and not meta.date:
            meta.date = iso_date(f[key])
    for key in ("来源", "信息来源", "文章来源", "稿件来源"):
        if f.get(key) and not meta.source:
            meta.source = f[key]
    for key in ("发布机构", "发布单位", "发布者"):
        if f.get(key) and not meta.publisher:
            meta.publisher = f[key]


def strip_chrome(mt: MappedText, meta: DocumentMetadata) -> ChromeResult:
    """Remove chrome lines from ``mt`` (in place), fill ``meta``; return banner lines and title."""
    result = ChromeResult()
    lines = lines_of(mt.text)
    para = [i for i, ln in enumerate(lines) if is_paragraph(ln.stripped)]
    first_para = para[0] if para else len(lines)
    drop: list[Line] = []
    content_header: list[int] = []
    header_chrome = False
    for i, ln in enumerate(lines):
        s = ln.stripped
        kind = chrome_kind(s)
        if kind is None:
            if i < first_para and s:
                content_header.append(i)
            continue
        header_chrome = header_chrome or i < first_para
        drop.append(ln)
        if kind == "footer" and re.search(r"版权|Copyright|©", s, re.I):
            result.hints.append(s)
        lead = len(ln.text) - len(ln.text.lstrip(" \t\u3000\u00a0\ufeff"))
        result.removals.append(Removal(s, mt.original_offset(ln.start + lead), f"page-chrome: {kind}"))
        if kind in ("time/source line", "view counter"):
            _apply_fields(s, meta)
        elif kind == "source line":
            value = _SOURCE_LINE.match(s).group(1)
            date = iso_date(value)
            name = _DATE.sub("", value).strip(" ,，") or None
            meta.source = meta.source or name
            meta.date = meta.date or date
    # The title is the longest content line above the first paragraph; short lines above it
    # are the site banner (a site name, possibly injected spam: junk detection decides).
    if content_header and para:
        title_i = max(content_header, key=lambda i: (len(lines[i].stripped), -i))
        if len(lines[title_i].stripped) >= 6 or len(content_header) == 1:
            if not meta.title:
                meta.title = lines[title_i].stripped
            for i in content_header:
                ln = lines[i]
                # A banner only on a page that shows other chrome above its first paragraph;
                # a plain document keeps every line.
                if i == title_i or len(ln.stripped) > 20 or _PUNCT.search(ln.stripped):
                    continue
                result.hints.append(ln.stripped)
                if header_chrome and i < title_i:
                    lead = len(ln.text) - len(ln.text.lstrip(" \t\u3000\u00a0\ufeff"))
                    result.banner.append((ln.stripped, mt.original_offset(ln.start + lead)))
                    drop.append(ln)
    mt.delete([(ln.start, ln.end + 1) for ln in drop])
    return result
