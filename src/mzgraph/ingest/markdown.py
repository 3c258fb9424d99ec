"""Markdown with YAML-style front matter: metadata from the front matter, markup stripped.

Only the flat ``key: value`` subset of YAML that front matter uses is read (no nesting),
which avoids a YAML dependency for three fields.
"""

from __future__ import annotations

import re

from mzgraph.ingest.chrome import iso_date
from mzgraph.ingest.mapped import MappedText
from mzgraph.model import DocumentMetadata

_FRONT = re.compile(r"\A(?:\ufeff)?---[ \t]*\n(.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)
_FIELD = re.compile(r"^([A-Za-z_][\w-]*|[\u4e00-\u9fff]+)[ \t]*[:：][ \t]*((?:[^\n]*\S)?)[ \t]*$", re.M)

_KEYS = {
    "title": ("title", "标题"),
    "date": ("date", "published", "pubdate", "日期", "时间", "发布时间"),
    "url": ("source_url", "url", "link", "original_url", "source-url", "原文链接", "网址"),
    "source": ("source", "来源"),
    "publisher": ("publisher", "author", "发布机构", "作者"),
}

# Markup, each with the groups whose text is kept.
#
# Every pattern is linear on any input (issue 15: 100k ``[`` … ``]``, 25k ``**``, unclosed
# links or comments took minutes). A failed attempt must not rescan what the next attempt
# will scan: each one stops where a new construct of its kind would start, so the attempts
# cover disjoint stretches of the text. Link text holds no ``[``/``]`` (nested brackets are
# not link text), a URL no line break and at most one level of parentheses, bold no
# delimiter of its own kind, a comment no ``<!--``, a tag no ``<``; a heading's text is read
# greedily to its last character (a lazy read retried the closing run at every space).
_URL = r"\((?:[^()\n]|\([^()\n]*\))*\)"
_MARKUP: list[tuple[re.Pattern[str], tuple[int, ...]]] = [
    (re.compile(r"^```[^\n]*\n|^```[ \t]*$", re.M), ()),  # code fences (the code stays)
    (re.compile(r"<!--(?:[^<-]|<(?!!--)|-(?!->))*-->"), ()),  # comments
    (re.compile(r"!\[[^\[\]]*\]" + _URL), ()),  # images
    (re.compile(r"\[([^\[\]]+)\]" + _URL), (1,)),  # links → their text
    (re.compile(r"\[([^\[\]]+)\]\[[^\[\]\n]*\]"), (1,)),  # reference links
    (re.compile(r"^\[[^\[\]\n]+\]:\s*\S.*$", re.M), ()),  # link definitions
    (re.compile(r"^[ \t]{0,3}#{1,6}[ \t]+((?:[^\n]*[^ \t\n#])?)[ \t]*#*[ \t]*$", re.M), (1,)),  # headings
    (re.compile(r"^[ \t]{0,3}>[ \t]?", re.M), ()),  # block quotes
    (re.compile(r"^[ \t]*(?:[-*+]|\d+[.)])[ \t]+", re.M), ()),  # list markers
    (re.compile(r"^[ \t]*(?:[-*_][ \t]*){3,}$", re.M), ()),  # rules
    (re.compile(r"(\*\*|__)(?=\S)((?:(?!\1).)+?)(?<=\S)\1"), (2,)),  # bold
    (re.compile(r"(?<![\w*])\*(?=\S)([^*\n]+?)(?<=\S)\*(?!\*)"), (1,)),  # italics
    (re.compile(r"~~(.+?)~~"), (1,)),  # strike-through
    (re.compile(r"`([^`\n]+)`"), (1,)),  # inline code
    (re.compile(r"</?[A-Za-z][^<>]*>"), ()),  # inline HTML tags
]


def _unquote(value: str) -> str:
    value = value.strip()
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"":
        return value[1:-1]
    return value


def read_markdown(mt: MappedText, meta: DocumentMetadata) -> MappedText:
    """Strip front matter (into ``meta``) and markup from ``mt`` (in place) and return it."""
    text = mt.text
    meta.format = "text/markdown"
    m = _FRONT.match(text)
    if m:
        fields = {k.lower(): _unquote(v) for k, v in _FIELD.findall(m.group(1))}
        for attr, keys in _KEYS.items():
            for key in keys:
                if fields.get(key):
                    value = fields[key]
                    if attr == "date":
                        value = iso_date(value) or (value if re.fullmatch(r"\d{4}", value) else None)
                    if attr == "url" and not re.match(r"https?://", value):
                        continue
                    if value:
                        setattr(meta, attr, value)
                    break
        mt.delete([(0, m.end())])
    for pattern, keep in _MARKUP:
        mt.sub_keep(pattern, keep)
    return mt
