"""Web archives written in the test with warcio's own writer, as a crawler would write them."""

from __future__ import annotations

import io
import zipfile

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from tests.ingest.pages import html_page, minimal_pdf

UTF8_URL = "http://mzt.example.gov.cn/art/2020/1/2/art_1.html"
GBK_URL = "http://www.example.gov.cn/xxgk/2019/gbk.htm"
TEXT_URL = "http://www.example.gov.cn/notice.txt"
PDF_URL = "http://www.example.gov.cn/files/report.pdf"
IMAGE_URL = "http://www.example.gov.cn/images/banner.html"  # a PNG, whatever the URL says
REDIRECT_URL = "http://www.example.gov.cn/old"
MISSING_URL = "http://www.example.gov.cn/gone.html"
DUPLICATE_URL = "http://mzt.example.gov.cn/art/2020/1/2/art_1.html?copy=1"

UTF8_BODY = "江西省民政厅印发《关于推进养老服务发展的实施意见》，全省建成农村互助养老服务设施3600个。"
GBK_BODY = "新余市民政局出台《关于加强殡葬改革的通知》，全市共有特困人员20.98万名，救助资金按时发放。"
TEXT_BODY = "国务院办公厅印发《关于健全重特大疾病医疗保险和救助制度的意见》，民政部联合印发实施细则。"
PNG = b"\x89PNG\r\n\x1a\n" + bytes(64)


PDF_TEXT = "Jiangxi civil affairs annual report 2019"


def _response(writer, url, status, content_type, body, date="2020-01-03T08:00:00Z", extra_headers=()):
    headers = [("Content-Type", content_type), *extra_headers] if content_type else list(extra_headers)
    http = StatusAndHeaders(status, headers, protocol="HTTP/1.1")
    record = writer.create_warc_record(
        url, "response", payload=io.BytesIO(body), http_headers=http, warc_headers_dict={"WARC-Date": date}
    )
    writer.write_record(record)


def write_site(out, *, gzip: bool = True) -> None:
    """A captured site: pages in UTF-8 and GBK, plain text, a PDF, an image, a redirect, a 404
    and the UTF-8 page again under another URL (a duplicate by payload)."""
    writer = WARCWriter(out, gzip=gzip)
    utf8 = html_page(UTF8_BODY, title="江西民政 2020", site="江西民政网").encode("utf-8")
    gbk = (
        f"<html><head><title>新余民政</title></head><body><div class='content'><p>{GBK_BODY}</p></div></body></html>"
    ).encode("gbk")
    _response(writer, UTF8_URL, "200 OK", "text/html; charset=utf-8", utf8)
    _response(writer, GBK_URL, "200 OK", "text/html; charset=GBK", gbk, date="2019-12-30T10:00:00Z")
    _response(writer, TEXT_URL, "200 OK", "text/plain; charset=utf-8", TEXT_BODY.encode("utf-8"))
    _response(writer, PDF_URL, "200 OK", "application/pdf", minimal_pdf(PDF_TEXT))
    _response(writer, IMAGE_URL, "200 OK", "image/png", PNG)
    _response(writer, REDIRECT_URL, "301 Moved Permanently", "text/html", b"", extra_headers=[("Location", UTF8_URL)])
    _response(writer, MISSING_URL, "404 Not Found", "text/html", b"<html><body>not found</body></html>")
    _response(writer, DUPLICATE_URL, "200 OK", "text/html; charset=utf-8", utf8)


def wacz_bytes() -> bytes:
    """A WACZ: a zip with the site's WARC under archive/ (and the package descriptor)."""
    warc = io.BytesIO()
    write_site(warc)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        z.writestr("datapackage.json", '{"profile": "data-package", "resources": []}')
        z.writestr("archive/data.warc.gz", warc.getvalue())
    return out.getvalue()


if __name__ == "__main__":  # python -m tests.ingest.archives site.warc.gz: the README's example archive
    import sys

    with open(sys.argv[1], "wb") as f:
        write_site(f)
