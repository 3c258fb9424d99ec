"""Saved web pages: keep the article body, drop navigation, scripts, styles and widgets.

The page is parsed with the standard library's tokenizer rather than a tree builder
because it reports where every piece of text sits in the source, which keeps the offset
map exact down to the saved file. The article is the block holding most running Chinese
text once link lists and widgets are set aside (the readability idea, kept small). Meta
tags and ``<title>`` give metadata and the site name, which junk detection uses as a hint.
"""

from __future__ import annotations

import html as html_lib
import re
from collections import deque
from dataclasses import dataclass, field
from functools import cached_property
from html.parser import HTMLParser

from mzgraph.ingest.chrome import iso_date
from mzgraph.ingest.mapped import MappedText
from mzgraph.model import DocumentMetadata

_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr"}
_SKIP_TAGS = {
    "script", "style", "noscript", "template", "nav", "header", "footer", "aside", "form", "button",
    "select", "iframe", "svg", "head", "object", "canvas", "map", "textarea", "label",
}  # fmt: skip
_BLOCK = {
    "p", "div", "section", "article", "main", "li", "ul", "ol", "table", "tr", "td", "th", "h1", "h2", "h3",
    "h4", "h5", "h6", "blockquote", "pre", "dd", "dt", "dl", "center", "figure", "figcaption", "body", "br", "hr",
    "tbody", "thead",
}  # fmt: skip
# class/id words of page furniture (split on -, _ and spaces, compared whole).
_SKIP_WORDS = {
    "nav", "navbar", "menu", "breadcrumb", "breadcrumbs", "crumb", "crumbs", "share", "bdshare", "social",
    "footer", "header", "topbar", "sidebar", "comment", "comments", "toolbar", "copyright", "related", "pager",
    "pagination", "login", "search", "ad", "ads", "advert", "banner", "qrcode", "erweima", "fontsize", "tools",
    "friendlink", "weixin", "wechat", "weibo", "logo", "position", "sitemap", "hidden", "modal", "popup", "cookie",
}  # fmt: skip
# Elements nested deeper than this are not built as nodes (their text goes to the deepest
# node, unless they are furniture): the tree walks below are recursive and an end tag looks
# for its element upwards, so a page of 100,000 nested <div>s would blow the stack or take
# quadratic time. Real pages nest a few dozen deep; browsers cap the depth too (Blink: 512).
MAX_DEPTH = 256
_SPACE = re.compile(r"[ \t\r\n\f]+")
_HAN = re.compile(r"[\u4e00-\u9fff]")
_TITLE_SPLIT = re.compile(r"\s*(?:[-_|｜—–]+|::)\s*")


@dataclass
class _Node:
    tag: str
    attrs: dict[str, str]
    parent: _Node | None = None
    children: list = field(default_factory=list)  # _Node | _Text

    def words(self) -> set[str]:
        raw = f"{self.attrs.get('class', '')} {self.attrs.get('id', '')}".lower()
        return {w for w in re.split(r"[\s_\-]+", raw) if w}

    @cached_property
    def skipped(self) -> bool:  # asked several times per node; attrs do not change
        return (
            self.tag in _SKIP_TAGS
            or bool(self.words() & _SKIP_WORDS)
            or "display:none" in self.attrs.get("style", "").replace(" ", "")
        )


@dataclass
class _Text:
    text: str  # decoded
    start: int  # offset in the source
    verbatim: bool  # text == source[start:start+len(text)]
    in_link: bool = False


class _TreeBuilder(HTMLParser):
    def __init__(self, source: str):
        super().__init__(convert_charrefs=False)
        self.source = source
        self.line_starts = [0]
        for m in re.finditer("\n", source):
            self.line_starts.append(m.end())
        self.root = _Node("#root", {})
        self.node = self.root
        self.meta: dict[str, str] = {}
        self.title = ""
        self._in_title = False
        self._links = 0
        self._depth = 0  # of self.node
        self._overflow: list[tuple[str, bool]] = []  # (tag, furniture) of elements past MAX_DEPTH
        self._overflow_skipped = 0  # furniture among them: their text is dropped

    def _offset(self) -> int:
        line, col = self.getpos()
        return self.line_starts[line - 1] + col

    def handle_starttag(self, tag, attrs):
        a = {k: (v or "") for k, v in attrs}
        if tag == "meta":
            key = (a.get("name") or a.get("property") or a.get("itemprop") or "").lower()
            if key and a.get("content"):
                self.meta.setdefault(key, a["content"].strip())
            return
        if tag == "title":
            self._in_title = True
        if tag in _VOID:
            if tag in ("br", "hr"):
                self.node.children.append(_Text("\n", self._offset(), False))
            return
        # Implicit end of an open <p>/<li> when a new block starts.
        if (
            tag in _BLOCK
            and not self._overflow
            and self.node.tag in ("p", "li")
            and tag in ("p", "li", "div", "ul", "ol", "table")
        ):
            self.handle_endtag(self.node.tag)
        child = _Node(tag, a, self.node)
        if self._depth >= MAX_DEPTH or self._overflow:
            skipped = child.skipped
            self._overflow.append((tag, skipped))
            self._overflow_skipped += skipped
            return
        self.node.children.append(child)
        self.node = child
        self._depth += 1
        if tag == "a":
            self._links += 1

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in _VOID and self.node.tag == tag:
            self.handle_endtag(tag)

    def handle_endtag(self, tag):
        if tag == "title":
            self._in_title = False
        if self._overflow:
            # only the last few: an end tag with no open element must not cost a long search
            for i in range(len(self._overflow) - 1, max(-1, len(self._overflow) - 33), -1):
                if self._overflow[i][0] == tag:
                    self._overflow_skipped -= sum(skipped for _, skipped in self._overflow[i:])
                    del self._overflow[i:]
                    return
            return
        n, up = self.node, 0
        while n is not None and n.tag != tag:
            n, up = n.parent, up + 1
        if n is None or n is self.root:
            return
        if tag == "a":
            self._links = max(0, self._links - 1)
        self.node = n.parent
        self._depth -= up + 1

    def _text(self, text: str, start: int, verbatim: bool):
        if self._in_title:
            self.title += text
        if self._overflow_skipped:
            return
        self.node.children.append(_Text(text, start, verbatim, self._in_link()))

    def _in_link(self) -> bool:
        n = self.node
        while n is not None:
            if n.tag == "a":
                return True
            n = n.parent
        return False

    def handle_data(self, data):
        self._text(data, self._offset(), True)

    def handle_entityref(self, name):
        raw = f"&{name};"
        decoded = html_lib.unescape(raw)
        self._text(decoded, self._offset(), decoded == raw)

    def handle_charref(self, name):
        raw = f"&#{name};"
        self._text(html_lib.unescape(raw), self._offset(), False)


def _han_score(node: _Node) -> tuple[int, int]:
    """(Chinese characters outside links, inside links) under ``node``, furniture excluded."""
    plain = linked = 0
    for c in node.children:
        if isinstance(c, _Text):
            n = len(_HAN.findall(c.text))
            if c.in_link:
                linked += n
            else:
                plain += n
        elif not c.skipped:
            p, ln = _han_score(c)
            plain += p
            linked += ln
    return plain, linked


def _best_container(root: _Node) -> _Node:
    """The block whose own paragraphs hold the most running text (readability, kept small)."""
    scores: dict[int, float] = {}
    nodes: dict[int, _Node] = {}

    def walk(node: _Node) -> None:
        if node.skipped:
            return
        for c in node.children:
            if isinstance(c, _Node):
                walk(c)
        if node.tag in ("p", "td", "pre", "blockquote", "div", "section", "article", "li", "font", "span"):
            plain, linked = _han_score(node) if node.tag != "div" else _own_text(node)
            if plain < 10:
                return
            value = plain - 2 * linked
            for weight, anc in ((1.0, node.parent), (0.5, node.parent.parent if node.parent else None)):
                if anc is not None:
                    scores[id(anc)] = scores.get(id(anc), 0) + weight * value
                    nodes[id(anc)] = anc

    walk(root)
    if not scores:
        return root
    return nodes[max(scores, key=lambda k: scores[k])]


def _own_text(node: _Node) -> tuple[int, int]:
    plain = linked = 0
    for c in node.children:
        if isinstance(c, _Text):
            n = len(_HAN.findall(c.text))
            linked += n if c.in_link else 0
            plain += 0 if c.in_link else n
    return plain, linked


def _pieces(node: _Node, out: list[tuple[str, int, bool]]) -> None:
    if isinstance(node, _Node):
        if node.skipped and node.tag != "#root":
            return
        block = node.tag in _BLOCK
        if block:
            out.append(("\n", _start_of(node), False))
        for c in node.children:
            _pieces(c, out)
        if block:
            out.append(("\n", _end_of(node), False))
        return
    text = node.text
    if not node.verbatim:
        out.append((text, node.start, False))
        return
    # Runs of HTML whitespace read as one space; the rest maps character by character.
    pos = 0
    for m in _SPACE.finditer(text):
        if m.start() > pos:
            out.append((text[pos : m.start()], node.start + pos, True))
        out.append((" ", node.start + m.start(), m.group() == " "))
        pos = m.end()
    if pos < len(text):
        out.append((text[pos:], node.start + pos, True))


def _start_of(node: _Node) -> int:
    for c in node.children:
        if isinstance(c, _Text):
            return c.start
        s = _start_of(c)
        if s >= 0:
            return s
    return -1


def _end_of(node: _Node) -> int:
    for c in reversed(node.children):
        if isinstance(c, _Text):
            return c.start + (len(c.text) if c.verbatim else 1)
        s = _end_of(c)
        if s >= 0:
            return s
    return -1


def _tidy(mt: MappedText) -> None:
    """Trim spaces around line breaks and squeeze blank lines (HTML layout, not content)."""
    mt.sub_keep(re.compile(r"[ \u00a0]+(?=\n)|(?<=\n)[ \u00a0]+(?=[^ \u00a0\u3000])"))
    mt.sub_keep(re.compile(r"(?<=\n\n)\n+"))
    mt.sub_keep(re.compile(r"^\n+|(?<!\n)\n+$"))  # from a run's start only: linear


def _heading(root: _Node) -> str:
    """Text of the page's first <h1> outside the furniture."""
    queue = deque([root])  # breadth first: the shallowest <h1>; a list's pop(0) made it quadratic
    while queue:
        node = queue.popleft()
        if node.skipped and node is not root:
            continue
        if node.tag == "h1":
            pieces: list[tuple[str, int, bool]] = []
            _pieces(node, pieces)
            return _SPACE.sub(" ", "".join(t for t, _, _ in pieces)).strip()
        queue.extend(c for c in node.children if isinstance(c, _Node))
    return ""


@dataclass
class HtmlResult:
    body: MappedText
    hints: list[str]  # site name, title pieces: junk detection candidates
    title_fallback: str | None = None  # from <title>, when neither meta tags nor the text say


def read_html(source: str, meta: DocumentMetadata) -> HtmlResult:
    """The article body of a saved page as a :class:`MappedText` over ``source``; fill ``meta``."""
    builder = _TreeBuilder(source)
    builder.feed(source)
    builder.close()
    container = _best_container(builder.root)
    pieces: list[tuple[str, int, bool]] = []
    _pieces(container, pieces)
    # Line breaks standing for a block whose position is unknown take their neighbour's.
    fixed, last = [], 0
    for text, start, verbatim in pieces:
        start = last if start < 0 else start
        fixed.append((text, start, verbatim))
        last = start
    body = MappedText.from_pieces(fixed)
    _tidy(body)
    m = builder.meta
    page_title = html_lib.unescape(_SPACE.sub(" ", builder.title)).strip()
    site = m.get("og:site_name") or m.get("sitename") or m.get("site_name") or m.get("application-name") or ""
    meta.format = "text/html"
    title = m.get("articletitle") or m.get("og:title") or m.get("title") or _heading(builder.root)
    meta.title = title or None
    # "Article - Site" or "Site--Article": the longest part, used when the article's own
    # head line does not give the title.
    parts = [p for p in _TITLE_SPLIT.split(page_title) if p] if page_title else []
    fallback = max(parts, key=len) if parts else None
    date = m.get("pubdate") or m.get("publishdate") or m.get("article:published_time") or m.get("date") or ""
    date = date or m.get("dc.date") or m.get("firstpublishedtime") or ""
    meta.date = iso_date(date) if date else None
    meta.source = m.get("contentsource") or m.get("source") or None
    meta.publisher = m.get("publisher") or m.get("dc.publisher") or None
    meta.url = m.get("og:url") or m.get("url") or None
    hints = [h for h in {site, page_title, *(_TITLE_SPLIT.split(page_title) if page_title else [])} if h]
    hints = [h for h in hints if h != title]
    return HtmlResult(body, sorted(hints), fallback)
