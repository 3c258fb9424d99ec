"""Input shapes that used to cost quadratic time in the readers (issue 15), at the issue's
sizes (the HTML ones at a tenth, to keep the suite fast): pathological Markdown (100k ``[``
… ``]``, 25k ``**``, unclosed links, comments, tags), long runs of spaces, and HTML made of
empty inline elements. Each goes through reading and extraction as ``build`` does and gives
the text a reader expects; at these sizes a quadratic reader would take minutes (the times
are in ``benchmarks/hostile_inputs.py``, not here). Markdown meant as markup is still stripped.
"""

from __future__ import annotations

import pytest

from mzgraph.extract import extract
from mzgraph.ingest import read_document
from tests.conftest import run_cli

# (file name, content, a piece the clean text must hold, a piece it must not)
SHAPES = [
    ("brackets.md", "[" * 100_000 + "]" * 100_000, "[" * 1000 + "]" * 1000, None),
    ("bold.md", "**民政 " * 25_000, "**民政 **民政", None),
    ("underscores.md", "__民政 " * 25_000, "__民政 __民政", None),
    ("links.md", "[民政](http://x/" * 25_000, "[民政](http://x/[民政]", None),
    ("images.md", "![民政](http://x/" * 25_000, "![民政](http://x/!", None),
    ("refs.md", "[民政][x" * 25_000, "[民政][x[民政]", None),
    ("comments.md", "<!-- 民政 " * 25_000, "<!-- 民政 <!--", None),
    ("tags.md", "<a 民政 " * 25_000, "<a 民政 <a", None),
    ("lines.md", "民政\n[\n" * 50_000, "民政\n[\n民政", None),
    ("heading.md", "# 民" + " " * 100_000 + "政\n正文", "民" + " " * 100_000 + "政", "#"),
    ("front.md", "---\ntitle: 标题" + " " * 100_000 + "x\n---\n正文", "正文", "title"),
    ("spaces.txt", "民政" + " " * 100_000 + "工作\n" + "\n" * 100_000 + "结束", "民政" + " " * 100_000 + "工作", None),
    ("empty-inline.html", "<p>民政工作" + "<b></b>" * 50_000 + "结束</p>", "民政工作结束", "<b>"),
    ("per-char.html", "<p>" + "<i></i>".join("江西省民政厅印发通知，" * 2_000) + "</p>", "江西省民政厅印发通知", "<i>"),
]


@pytest.mark.parametrize(("name", "content", "kept", "gone"), SHAPES, ids=[s[0] for s in SHAPES])
def test_hostile_shape_reads_and_extracts(tmp_path, name, content, kept, gone):
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    doc = read_document(path)
    assert kept in doc.text
    if gone is not None:
        assert gone not in doc.text
    extract(doc)  # finishes; the extractor's own shapes are in tests/extract/test_linear.py


MARKUP = """---
title: 测试
---
# 标题 ##
## C# 语言
正文 **加粗** 和 __粗__ 以及 *斜体*，[链接](http://a/b_(c)) 与 ![图](http://x/y.png "t")
[参考][1] ~~删~~ `代码` <span class="x">内联</span> <!-- 注释
跨行 -->结束
[1]: http://ex.com
> 引用
- 列表
"""


def test_markdown_markup_still_stripped(tmp_path):
    path = tmp_path / "m.md"
    path.write_text(MARKUP, encoding="utf-8")
    doc = read_document(path)
    assert doc.text == "标题\nC# 语言\n正文 加粗 和 粗 以及 斜体，链接 与 \n参考 删 代码 内联 结束\n\n引用\n列表"
    assert doc.metadata.title == "测试"


def test_a_pathological_markdown_file_builds(tmp_path):
    path = tmp_path / "r.md"
    path.write_text(
        "江西省民政厅印发通知。" + "[" * 100_000 + "**民政 " * 25_000 + "<!-- x " * 25_000, encoding="utf-8"
    )
    r = run_cli("build", str(path), "-o", str(tmp_path / "out" / "g.ttl"), "--no-html", timeout=120)
    assert r.returncode == 0, r.stderr
    assert (tmp_path / "out" / "g.ttl").stat().st_size > 0
