"""Pages of our own making: clean reports, hacked copies with injected tokens, HTML wrappers."""

from __future__ import annotations

import html

# A report unlike the development one: another province, other titles and figures.
CLEAN_REPORT = """湖南省民政厅

当前位置：首页 > 工作动态 > 正文

湖南民政2020年工作回顾：兜牢民生底线 提升服务能力

发布时间：2020-12-30  来源：湖南省民政厅  浏览次数：356

  2020年，湖南省民政系统深入学习贯彻习近平总书记关于民政工作的重要论述，认真落实省委、省政府决策部署，民政事业取得新进展。全省民政系统坚持以人民为中心，兜牢民生底线。

  坚持精准施策，兜牢困难群众基本生活底线。省委办公厅、省政府办公厅印发《关于改革完善社会救助制度的实施意见》，省民政厅等8部门联合出台《关于进一步做好困难群众基本生活保障工作的通知》，全省累计保障城乡低保对象142.6万人，发放救助资金61.3亿元。长沙市、株洲市率先实现低保审批权限下放到乡镇。

  坚持系统推进，加快养老服务体系建设。省政府出台《关于推进养老服务发展的实施意见》，全省新建街道综合养老服务中心120个，护理型床位占比达到42%。湘潭市探索“互联网+养老”模式，岳阳市推进医养结合，民政部门会同卫生健康部门开展养老机构服务质量提升行动。

  坚持改革创新，提升基层社会治理水平。全省3000多个村（社区）完成换届选举，社区工作者队伍达到5.6万人。衡阳市开展社会组织“双百”行动，民政工作的群众满意度持续提升。

(来源:湖南日报2020.12.30)

扫一扫在手机端打开当前页
"""

TITLES_WITH_GUANYU = 3  # 《关于…》 titles in CLEAN_REPORT
LEADER_NAME = "习近平"


def hacked(token: str, *, banner: bool = True, titles: bool = True, name: bool = True) -> str:
    """CLEAN_REPORT as a hacked page: ``token`` as banner, over 关于 in titles, over the leader's name."""
    text = CLEAN_REPORT
    if banner:
        text = text.replace("湖南省民政厅\n\n当前位置", f"{token}\n\n当前位置", 1)
    if titles:
        text = text.replace("《关于", f"《{token}")
    if name:
        text = text.replace(LEADER_NAME, token)
    return text


def html_page(body_text: str, *, title: str, site: str, charset: str = "utf-8") -> str:
    """A realistic saved page around ``body_text``: nav, scripts, styles, share widgets, footer."""
    paras = "\n".join(f"<p>{html.escape(line.strip())}</p>" if line.strip() else "" for line in body_text.split("\n"))
    nav = "".join(f'<li><a href="/c/{i}.html">栏目{i}&nbsp;新闻</a></li>' for i in range(1, 9))
    return f"""<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="{charset}">
<meta name="ArticleTitle" content="{html.escape(title)}">
<meta name="PubDate" content="2019-12-25 09:30">
<meta name="ContentSource" content="中国社会报">
<meta property="og:site_name" content="{html.escape(site)}">
<meta property="og:url" content="http://mzt.example.gov.cn/art/2019/12/25/art_1.html">
<title>{html.escape(title)} - {html.escape(site)}</title>
<style>body {{ font-family: sans-serif; }} .nav li {{ display: inline; }}</style>
<script>var _hmt = _hmt || []; document.write("统计代码：民政部 省民政厅 江西省");</script>
</head>
<body>
<div class="header"><div class="logo"><a href="/">{html.escape(site)}</a></div>
<div class="search"><form><input type="text" value="请输入关键字"><button>搜索</button></form></div></div>
<ul class="nav">{nav}</ul>
<div class="main">
  <div class="breadcrumb">当前位置：<a href="/">首页</a> &gt; <a href="/xw/">新闻中心</a> &gt; 正文</div>
  <div class="article">
    <h1 class="article-title">{html.escape(title)}</h1>
    <div class="info">时间：2019-12-25 来源：中国社会报 浏览量：128 次
      <span class="fontsize">【字体：<a href="#">大</a> <a href="#">中</a> <a href="#">小</a>】</span>
      <a href="javascript:window.print()" class="print">打印</a></div>
    <div class="content" id="zoom">
{paras}
    </div>
    <div class="bdshare share">分享到：<a href="#">微信</a><a href="#">微博</a><a href="#">QQ空间</a></div>
    <div class="qrcode"><img src="qr.png" alt="二维码">扫一扫在手机端打开当前页</div>
  </div>
  <div class="related"><h3>相关新闻</h3><ul>
    <li><a href="/a/1.html">上饶市民政局召开殡葬改革推进会</a></li>
    <li><a href="/a/2.html">南昌市民政局开展养老服务质量检查</a></li></ul></div>
</div>
<div class="footer">主办：江西省民政厅 版权所有 赣ICP备05000000号 网站标识码3600000000</div>
<script src="/js/jquery.min.js"></script>
<script>$(function() {{ $(".share").show(); }});</script>
</body>
</html>
"""


def minimal_pdf(text: str) -> bytes:
    """A one-page PDF with ``text`` in Helvetica, written by hand (no PDF writer needed)."""
    stream = f"BT /F1 12 Tf 72 720 Td ({text}) Tj ET".encode()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out, offsets = bytearray(b"%PDF-1.4\n"), []
    for i, obj in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + obj + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)
