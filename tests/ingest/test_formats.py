"""Saved web pages, Markdown, Word and PDF files become the same kind of clean text."""

from __future__ import annotations

import pytest

from mzgraph.errors import InputError
from mzgraph.ingest import SUPPORTED_SUFFIXES, discover, read_document
from mzgraph.ingest.reader import suffix_of
from tests.ingest.pages import CLEAN_REPORT, html_page, minimal_pdf

BODY = CLEAN_REPORT.split("浏览次数：356\n", 1)[1]


def test_html_keeps_the_article_and_drops_the_furniture(tmp_path):
    path = tmp_path / "page.htm"
    path.write_text(html_page(BODY, title="湖南民政2020年工作回顾", site="湖南民政网"), encoding="utf-8")
    doc = read_document(path)
    assert "兜牢困难群众基本生活底线" in doc.text and "《关于推进养老服务发展的实施意见》" in doc.text
    for furniture in (
        "栏目1",
        "统计代码",
        "_hmt",
        "请输入关键字",
        "分享到",
        "相关新闻",
        "上饶市民政局",
        "ICP备",
        "font-family",
    ):
        assert furniture not in doc.text, furniture
    for chrome in ("扫一扫", "来源:湖南日报"):
        assert chrome not in doc.text
    meta = doc.metadata
    assert meta.format == "text/html"
    assert (meta.title, meta.date, meta.source) == ("湖南民政2020年工作回顾", "2019-12-25", "中国社会报")
    assert meta.url == "http://mzt.example.gov.cn/art/2019/12/25/art_1.html"


def test_html_entities_and_declared_charset(tmp_path):
    page = (
        '<html><head><meta http-equiv="Content-Type" content="text/html; charset=gbk"><title>通知</title></head>'
        "<body><div id='content'><p>省民政厅&nbsp;会同省财政厅印发&lt;实施方案&gt;，全省共有城乡低保对象"
        "一百四十二万人，其中城市低保对象二十万人&#12290;全省民政系统坚持以人民为中心，兜牢民生底线。</p></div></body></html>"
    )
    path = tmp_path / "gbk.html"
    path.write_bytes(page.encode("gbk"))
    doc = read_document(path)
    assert doc.metadata.encoding == "gb18030"
    assert "省民政厅\u00a0会同省财政厅印发<实施方案>" in doc.text and "二十万人。" in doc.text


@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_markdown_front_matter_and_markup(tmp_path, newline):
    path = tmp_path / "note.md"
    path.write_text(
        '---\ntitle: "湖南民政2020年工作回顾"\ndate: 2020-12-30\nsource_url: https://example.org/a.html\n'
        "source: 湖南日报\n---\n\n# 湖南民政工作回顾\n\n![图片](a.png)\n\n"
        "**坚持精准施策**，兜牢[困难群众](https://example.org/x)基本生活底线。\n\n"
        "- 省政府出台《关于推进养老服务发展的实施意见》\n- 全省新建`街道`综合养老服务中心120个\n\n"
        "> 引用：民政事业取得新进展。\n",
        encoding="utf-8",
        newline=newline,
    )
    doc = read_document(path)
    meta = doc.metadata
    assert (meta.title, meta.date, meta.url, meta.source, meta.format) == (
        "湖南民政2020年工作回顾",
        "2020-12-30",
        "https://example.org/a.html",
        "湖南日报",
        "text/markdown",
    )
    assert doc.text.startswith("湖南民政工作回顾\n")
    assert "坚持精准施策，兜牢困难群众基本生活底线。" in doc.text
    assert "省政府出台《关于推进养老服务发展的实施意见》\n全省新建街道综合养老服务中心120个" in doc.text
    for markup in ("**", "](", "![", "# ", "`", "> ", "---", "title:"):
        assert markup not in doc.text, markup


def test_docx(tmp_path):
    import docx

    document = docx.Document()
    document.core_properties.title = "湖南民政2020年工作回顾"
    for para in BODY.strip().split("\n\n"):
        document.add_paragraph(para.strip())
    path = tmp_path / "report.docx"
    document.save(path)
    doc = read_document(path)
    assert doc.metadata.title == "湖南民政2020年工作回顾"
    assert doc.metadata.format.endswith("wordprocessingml.document")
    assert "《关于推进养老服务发展的实施意见》" in doc.text and "扫一扫" not in doc.text


def test_pdf(tmp_path):
    path = tmp_path / "report.pdf"
    path.write_bytes(minimal_pdf("Civil affairs work report 2020"))
    doc = read_document(path)
    assert doc.metadata.format == "application/pdf"
    assert "Civil affairs work report 2020" in doc.text


def test_damaged_office_files_get_one_line(tmp_path):
    for name in ("bad.docx", "bad.pdf"):
        path = tmp_path / name
        path.write_bytes(b"not really " + name.encode())
        with pytest.raises(InputError) as info:
            read_document(path)
        assert str(path) in str(info.value) and "\n" not in str(info.value)


def test_discover_finds_every_supported_suffix_recursively(tmp_path):
    nested = tmp_path / "a" / "b"
    nested.mkdir(parents=True)
    for suffix in SUPPORTED_SUFFIXES:
        (nested / f"r{suffix}").write_text("x", encoding="utf-8")
    (nested / "skip.xlsx").write_text("x", encoding="utf-8")
    (nested / ".hidden.txt").write_text("x", encoding="utf-8")
    found = discover([tmp_path])
    assert sorted(suffix_of(p) for p in found) == sorted(SUPPORTED_SUFFIXES)
    assert found == sorted(found)


def test_old_table_layout_page():
    from pathlib import Path

    doc = read_document(Path(__file__).parent / "table-layout.html")
    meta = doc.metadata
    assert (meta.title, meta.date, meta.source) == ("全省民政工作会议召开", "2020-03-02", "江西省民政厅")
    assert doc.text.startswith("全省民政工作会议召开\n")
    assert "《关于改革完善社会救助制度的意见》。\n\u3000\u3000省民政厅厅长出席会议并讲话。" in doc.text
    for furniture in ("政务公开", "版权所有", "ICP", "alert", "发布日期"):
        assert furniture not in doc.text


def test_html_resaved_as_utf8_with_a_stale_gb2312_tag(tmp_path):
    path = tmp_path / "resaved.html"
    path.write_text(
        html_page(BODY, title="湖南民政2020年工作回顾", site="湖南民政网", charset="gb2312"), encoding="utf-8"
    )
    doc = read_document(path)
    assert doc.metadata.encoding == "utf-8" and "兜牢困难群众基本生活底线" in doc.text
