"""Shared pieces of the hostile-input suite: hypothesis settings and text strategies.

The suite runs in the normal ``python -m pytest`` with a moderate number of examples per
property. ``HYPOTHESIS_PROFILE=fuzz`` raises it for long runs (``benchmarks/fuzz.py``
sets it and reports what ran); ``FUZZ_EXAMPLES`` sets how many.
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

FUZZ = os.environ.get("HYPOTHESIS_PROFILE") == "fuzz"

settings.register_profile(
    "fuzz",
    max_examples=int(os.environ.get("FUZZ_EXAMPLES", "100000")),
    deadline=None,
    suppress_health_check=list(HealthCheck),
    print_blob=True,
)


def examples(normal: int) -> settings:
    """Settings for one property: ``normal`` examples in the test run, the fuzz count under fuzz.

    Applied per test (not as a loaded profile) so the rest of the test suite keeps its own
    settings.
    """
    if FUZZ:
        return settings(settings.get_profile("fuzz"))
    return settings(
        max_examples=normal,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.function_scoped_fixture],
    )


# Characters that break naive text code: controls, NUL, zero-width, bidi marks, BOM,
# line/paragraph separators, full-width forms, ideographic space, non-BMP.
NASTY_CHARS = (
    "\x00\x01\x07\x08\x0b\x0c\x1b\x7f\x85\xa0\xad"
    "\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u2060\ufeff"
    "\u2028\u2029\u3000\ufffd\ufffe\uffff\U0001f600\U00020000\u0301"
)
PUNCTUATION = "，。、；：？！“”‘’《》〈〉【】（）()[]{}<>\"'`—…·／/\\|-_=+*&%$#@~^"
PIECES = (
    "江西省", "省民政厅", "市委", "民政部", "国务院", "新余市", "乐安县", "凉山州", "全省", "全市",
    "《关于加强养老服务的意见》", "《", "》", "“党建+颐养之家”模式", "“", "”", "出台了", "印发",
    "等5部门", "联合印发", "关于", "的通知", "殡葬改革", "专项行动", "推进", "改革",
    "20.98万名", "近160万人", "92.37%", "3600个", "二十四个", "第十四次", "2019年", "1+5+X",
    "新余市：", "【江汉区】", "一、", "（一）", "\n", "\n\n", "\r\n", "，", "。", "；", " ",
    "体球网", "当前位置：首页 > 新闻", "来源：中国社会报", "扫一扫在手机端打开当前页",
    "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "{{ x }}", '"""', "\\", "</script>",
    "&amp;", "&#0;", "&#xD800;", "]]>", "-->",
)  # fmt: skip

nasty_char = st.sampled_from(NASTY_CHARS)
cjk_char = st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF)
any_char = st.characters(codec=None, exclude_categories=["Cs"])  # every code point but surrogates


def chinese_text(max_pieces: int = 60) -> st.SearchStrategy[str]:
    """Report-like Chinese text mixed with punctuation, quotes, numbers and nasty characters."""
    piece = st.one_of(
        st.sampled_from(PIECES),
        st.sampled_from(PUNCTUATION),
        nasty_char,
        st.text(cjk_char, min_size=1, max_size=8),
        st.integers(min_value=-10, max_value=10**12).map(str),
        st.decimals(allow_nan=False, allow_infinity=False, places=2).map(str),
        st.text(any_char, max_size=6),
    )
    return st.lists(piece, max_size=max_pieces).map("".join)


def _lone_surrogate() -> st.SearchStrategy[bytes]:
    # what a broken encoder writes for an unpaired UTF-16 surrogate (CESU/WTF-8 style)
    return st.integers(min_value=0xD800, max_value=0xDFFF).map(lambda c: chr(c).encode("utf-8", "surrogatepass"))


def file_bytes() -> st.SearchStrategy[bytes]:
    """Bytes of a text file: report-like text in one of the encodings readers meet, with
    lone surrogates, stray bytes and BOMs spliced in."""
    text = chinese_text()
    encoded = st.tuples(text, st.sampled_from(["utf-8", "utf-8-sig", "gb18030", "utf-16", "utf-16-le"])).map(
        lambda p: p[0].encode(p[1], errors="replace")
    )
    extra = st.one_of(
        _lone_surrogate(),
        st.binary(max_size=8),
        st.sampled_from([b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff", b"\x00", b"\xc3", b"\xe4\xb8", b"\x80\x80"]),
    )
    return st.lists(st.one_of(encoded, extra), min_size=1, max_size=6).map(b"".join)


def html_bytes() -> st.SearchStrategy[bytes]:
    """A saved web page around hostile text: unclosed tags, scripts, comments, entities."""
    tag = st.sampled_from(
        ["<p>", "</p>", "<div>", "</div>", "<br>", "<script>var a='</p>';</script>", "<style>p{}</style>",
         "<!--", "-->", "<![CDATA[", "<table><tr><td>", "</td></tr></table>", "<h1>", "</h1>", "<title>",
         "</title>", '<meta charset="gbk">', '<meta name="description" content="', '">', "<a href='javascript:x'>",
         "</a>", "<iframe>", "&nbsp;", "&#12345;", "&#xFFFFFF;", "&bogus;", "<", ">", "<?xml ?>", "<!DOCTYPE html>"]
    )  # fmt: skip
    parts = st.lists(st.one_of(tag, chinese_text(8)), max_size=40).map("".join)
    return st.tuples(parts, st.sampled_from(["utf-8", "gb18030", "utf-16"])).map(
        lambda p: p[0].encode(p[1], errors="replace")
    )


# Every IRI the encoder mints: mzr: + path segments of a closed alphabet (keys are hashes,
# division codes, document slugs and offsets), so nothing from the text can add a '#', '?',
# '>', a space or a quote to an IRI.
MINTED_IRI = r"https://w3id\.org/mzgraph/resource/[a-z]+(?:/[A-Za-z0-9._-]+)*"
VOCABULARY_IRI = r"(?:{})[A-Za-z][A-Za-z0-9_]*"


def bad_iris(graph) -> list[str]:
    """IRIs of ``graph`` that are neither strictly minted nor terms of a bound vocabulary."""
    import re

    from rdflib import URIRef

    from mzgraph.rdf.namespaces import MZR, PREFIXES

    vocab = "|".join(re.escape(str(ns)) for ns in PREFIXES.values() if str(ns) != str(MZR))
    strict = re.compile(rf"^(?:{MINTED_IRI}|{VOCABULARY_IRI.format(vocab)})$")
    terms = {t for triple in graph for t in triple if isinstance(t, URIRef)}
    return sorted(str(t) for t in terms if not strict.match(str(t)))
