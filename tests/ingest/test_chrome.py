"""Page chrome leaves the analysed text and becomes metadata; sentences that mention it stay."""

from __future__ import annotations

from mzgraph.ingest import read_document
from mzgraph.ingest.chrome import chrome_kind, iso_date
from tests.conftest import DEV_REPORT


def test_dev_report_chrome_and_metadata():
    doc = read_document(DEV_REPORT)
    for chrome in ("当前位置", "浏览量", "【字体", "打印", "扫一扫", "(来源:中国社会报", "\n图片\n"):
        assert chrome not in doc.text, chrome
    assert doc.text.startswith("回望2019·江西篇")
    meta = doc.metadata
    assert (meta.title, meta.date, meta.source) == (
        "回望2019·江西篇:以民为本 扎实推进民政改革创新",
        "2019-12-25",
        "中国社会报",
    )
    reasons = {r.reason.removeprefix("page-chrome: ") for r in meta.removals}
    assert reasons == {
        "injected-token",
        "image placeholder",
        "breadcrumb",
        "time/source line",
        "font/print controls",
        "source line",
        "scan-to-phone line",
    }
    assert "(本版文/图由江西省民政厅提供)" in doc.text  # inside a paragraph: content


def test_chrome_lines():
    assert chrome_kind("当前位置：首页 > 新闻中心 > 正文") == "breadcrumb"
    assert chrome_kind("您的位置: 首页 » 政务公开") == "breadcrumb"
    assert chrome_kind("【字体：大 中 小】【打印】【关闭】") == "font/print controls"
    assert chrome_kind("【打印本页】 【关闭窗口】") == "font/print controls"
    assert chrome_kind("【字体:    打印") == "font/print controls"
    assert chrome_kind("扫一扫在手机端打开当前页") == "scan-to-phone line"
    assert chrome_kind("图片") == "image placeholder"
    assert chrome_kind("阅读量：1024") == "view counter"
    assert chrome_kind("发布时间：2020-01-02 信息来源：省民政厅") == "time/source line"
    assert chrome_kind("（来源：中国社会报2019.12.25）") == "source line"
    assert chrome_kind("上一篇：全省民政工作会议召开") == "footer"


def test_sentences_mentioning_chrome_words_stay():
    for line in (
        "省民政厅印发通知，要求各地做好打印、存档等工作。",
        "时间紧、任务重，全省民政系统加班加点完成任务。",
        "来源于群众、服务于群众，是民政工作的根本要求。",
        "全省养老服务体系建设受到省政府通报嘉奖",
        "新余市：创新“党建+颐养之家” 破解农村养老难题",
        "打印机采购项目",
        "推广二维码支付",
        "全省默认开通线上办理",
    ):
        assert chrome_kind(line) is None, line


def test_iso_dates():
    assert iso_date("2019.12.25") == "2019-12-25"
    assert iso_date("2019年3月5日") == "2019-03-05"
    assert iso_date("2019/12/25 10:00") == "2019-12-25"
    assert iso_date("第13期") is None


def test_footers():
    for line in ("上一篇：全省民政工作会议召开", "相关新闻", "【纠错】", "版权所有：江西省民政厅", "赣ICP备05000000号"):
        assert chrome_kind(line) == "footer", line
    for line in ("纠错机制不断完善", "联系我们的群众更多了", "相关新闻单位参加会议"):
        assert chrome_kind(line) is None, line
