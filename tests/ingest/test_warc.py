"""Web archives in: every HTML/text page of a .warc, .warc.gz or .wacz becomes a document with
its URL and capture date; duplicates, images, redirects and errors are counted and skipped."""

from __future__ import annotations

import pytest
from rdflib import Literal, URIRef
from rdflib.namespace import DCTERMS, XSD

from mzgraph.errors import InputError
from mzgraph.ingest import ArchiveSummary, read_archive
from mzgraph.ingest.warc import url_document_id
from mzgraph.rdf import load_graph
from mzgraph.rdf.namespaces import MZ
from tests.conftest import run_cli
from tests.ingest import archives as site


def _write(tmp_path, kind: str):
    if kind == ".wacz":
        path = tmp_path / "site.wacz"
        path.write_bytes(site.wacz_bytes())
        return path
    path = tmp_path / f"site{kind}"
    with open(path, "wb") as f:
        site.write_site(f, gzip=kind == ".warc.gz")
    return path


@pytest.mark.parametrize("kind", [".warc", ".warc.gz", ".wacz"])
def test_every_page_is_a_document_and_the_rest_is_counted(tmp_path, kind):
    path = _write(tmp_path, kind)
    summary = ArchiveSummary(path.name)
    docs = list(read_archive(path, name=path.name, max_bytes=1 << 20, summary=summary))
    by_url = {d.metadata.url: d for d in docs}
    assert list(by_url) == [site.UTF8_URL, site.GBK_URL, site.TEXT_URL, site.PDF_URL]
    assert site.UTF8_BODY in by_url[site.UTF8_URL].text
    assert site.GBK_BODY in by_url[site.GBK_URL].text and by_url[site.GBK_URL].metadata.encoding == "gb18030"
    assert by_url[site.TEXT_URL].text == site.TEXT_BODY
    assert by_url[site.PDF_URL].text == site.PDF_TEXT and by_url[site.PDF_URL].metadata.format == "application/pdf"
    # the page's own date when it states one (html_page's pubdate), else the capture date
    assert by_url[site.UTF8_URL].metadata.date == "2019-12-25"
    assert by_url[site.GBK_URL].metadata.date == "2019-12-30"
    assert by_url[site.TEXT_URL].metadata.date == "2020-01-03"
    assert [d.path for d in docs] == [f"{path.name}#{u}" for u in by_url]
    assert [d.doc_id for d in docs] == [url_document_id(u) for u in by_url]
    assert (summary.documents, summary.duplicates) == (4, 1)
    assert dict(summary.skipped) == {"image/png": 1, "redirect": 1, "HTTP 404": 1}
    assert summary.line() == f"{path.name}: 4 pages read; skipped 1 duplicate, 1 HTTP 404, 1 image/png, 1 redirect"


def test_document_ids_come_from_the_url_and_are_stable():
    a = url_document_id(site.UTF8_URL)
    assert a == url_document_id(site.UTF8_URL)
    assert a.startswith("mzt.example.gov.cn-art-2020-1-2-art_1.html-")
    assert a != url_document_id(site.DUPLICATE_URL)
    assert url_document_id("http://例子.中国/政策").startswith("page-")  # nothing ASCII to read: the hash alone
    assert url_document_id("").startswith("page-")


def test_what_a_record_is_comes_from_its_content_type_not_its_url(tmp_path):
    """The image sits at a URL ending .html; a page sits at a URL with no suffix, its type
    missing, and shows itself by its bytes."""
    from warcio.warcwriter import WARCWriter

    path = tmp_path / "odd.warc"
    with open(path, "wb") as f:
        writer = WARCWriter(f, gzip=False)
        site._response(writer, "http://x.example/image.html", "200 OK", "image/png", site.PNG)
        page = f"<!DOCTYPE html><html><body><p>{site.UTF8_BODY}</p></body></html>".encode()
        site._response(writer, "http://x.example/page", "200 OK", None, page)
        pdf = site.minimal_pdf("Annual")
        site._response(writer, "http://x.example/a.pdf", "200 OK", "application/octet-stream", pdf)
    summary = ArchiveSummary(path.name)
    docs = list(read_archive(path, name=path.name, max_bytes=1 << 20, summary=summary))
    assert [d.metadata.url for d in docs] == ["http://x.example/page", "http://x.example/a.pdf"]
    assert [d.metadata.format for d in docs] == ["text/html", "application/pdf"]
    assert dict(summary.skipped) == {"image/png": 1}


def test_a_payload_over_max_bytes_is_skipped_not_read(tmp_path):
    path = _write(tmp_path, ".warc.gz")
    summary = ArchiveSummary(path.name)
    docs = list(read_archive(path, name=path.name, max_bytes=400, summary=summary))
    assert [d.metadata.url for d in docs] == [site.GBK_URL, site.TEXT_URL]
    assert summary.skipped["over --max-bytes (400)"] == 3  # the UTF-8 page twice, the PDF


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"<html>a saved page named .warc.gz</html>", "not a readable web archive"),
        (b"PK\x03\x04garbage", "not a readable WACZ file"),
        (b"\x1f\x8b\x08\x00broken gzip", "web archive"),
    ],
)
def test_a_damaged_archive_is_one_line(tmp_path, data, message):
    path = tmp_path / "bad.warc.gz"
    path.write_bytes(data)
    with pytest.raises(InputError) as info:
        list(read_archive(path, name=path.name, max_bytes=1 << 20, summary=ArchiveSummary(path.name)))
    assert message in str(info.value) and "\n" not in str(info.value)


def test_build_reads_an_archive_into_documents_with_url_and_date(tmp_path):
    path = _write(tmp_path, ".warc.gz")
    out = tmp_path / "g.ttl"
    r = run_cli("build", str(path), "-o", str(out), "--no-html")
    assert r.returncode == 0, r.stderr
    assert r.stdout.splitlines()[0] == (
        f"archive {path}: 4 pages read; skipped 1 duplicate, 1 HTTP 404, 1 image/png, 1 redirect"
    )
    assert r.stdout.splitlines()[1].startswith("built 4 document(s)")
    g = load_graph(out)
    urls = {str(o) for o in g.objects(None, MZ.sourceURL)}
    assert urls == {site.UTF8_URL, site.GBK_URL, site.TEXT_URL, site.PDF_URL}
    doc = next(g.subjects(MZ.sourceURL, Literal(site.TEXT_URL, datatype=XSD.anyURI)))
    assert g.value(doc, DCTERMS.date) == Literal("2020-01-03", datatype=XSD.date)
    assert str(doc).endswith(url_document_id(site.TEXT_URL))
    assert isinstance(doc, URIRef)


def test_a_folder_with_archives_and_files_builds_deterministically(tmp_path):
    reports = tmp_path / "reports"
    reports.mkdir()
    _write(reports, ".warc")
    (reports / "site.wacz").write_bytes(site.wacz_bytes())
    (reports / "note.txt").write_text(site.TEXT_BODY + "\n全省共有养老机构1500家。\n", encoding="utf-8")
    outs = []
    for i, jobs in enumerate(("1", "2")):
        out = tmp_path / f"g{i}.ttl"
        r = run_cli("build", str(reports), "-o", str(out), "--no-html", "--jobs", jobs, "--no-cache")
        assert r.returncode == 0, r.stderr
        assert "built 9 document(s)" in r.stdout
        outs.append(out.read_bytes())
    assert outs[0] == outs[1]


def test_an_archive_without_pages_fails_in_one_line(tmp_path):
    from warcio.warcwriter import WARCWriter

    path = tmp_path / "images.warc"
    with open(path, "wb") as f:
        site._response(WARCWriter(f, gzip=False), "http://x.example/a.png", "200 OK", "image/png", site.PNG)
    r = run_cli("build", str(path), "-o", str(tmp_path / "g.ttl"))
    assert r.returncode == 1
    assert r.stderr.strip().splitlines()[-1] == (
        f"error: {path}: 0 pages read; skipped 1 image/png: no HTML or text page in it"
    )
