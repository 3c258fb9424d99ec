"""Limits: one document's size is capped (``--max-bytes``, with a message that says how to
raise it), and deeply nested or enormous HTML is read without blowing the stack or the
memory: each page is read and extracted in a child process under a 2 GiB address-space
limit and a timeout.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest

from tests.conftest import DEV_REPORT, ROOT, run_cli

READ_UNDER_LIMITS = textwrap.dedent(
    """
    import resource, sys
    resource.setrlimit(resource.RLIMIT_AS, (2 << 30, 2 << 30))
    from mzgraph.extract import extract
    from mzgraph.ingest import read_document
    doc = read_document(sys.argv[1], max_bytes=1 << 30)
    ex = extract(doc)
    assert all(doc.text[m.start : m.end] == m.text for m in ex.mentions)
    print(len(doc.text), len(ex.mentions), resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024)
    """
)


def _head(size: int) -> bytes:
    """The first ``size`` bytes of the report, cut at a character boundary (padded with spaces)."""
    data = DEV_REPORT.read_bytes()[:size].decode("utf-8", "ignore").encode()
    return data + b" " * (size - len(data))


def _paragraphs() -> str:
    body = DEV_REPORT.read_text(encoding="utf-8")
    return "".join(f"<p>{line}</p>\n" for line in body.splitlines() if line.strip())


def _read_in_child(path, timeout: int = 60) -> tuple[int, int, int]:
    r = subprocess.run(
        [sys.executable, "-c", READ_UNDER_LIMITS, str(path)], cwd=ROOT, capture_output=True, text=True, timeout=timeout
    )
    assert r.returncode == 0, r.stderr[-2000:]
    chars, mentions, rss_mb = map(int, r.stdout.split())
    return chars, mentions, rss_mb


def test_max_bytes_message(tmp_path):
    report = tmp_path / "report.txt"
    report.write_bytes(_head(3000))
    r = run_cli("build", str(report), "-o", str(tmp_path / "g.ttl"), "--max-bytes", "1000")
    assert r.returncode == 1
    assert r.stderr == f"error: {report}: 3000 bytes is over the limit of 1000 (raise it with --max-bytes)\n"
    assert not (tmp_path / "g.ttl").exists()
    r = run_cli("build", str(report), "-o", str(tmp_path / "g.ttl"), "--max-bytes", "3000", "--no-html")
    assert r.returncode == 0, r.stderr


def test_max_bytes_in_a_batch(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "small.txt").write_bytes(_head(1500))
    (tmp_path / "in" / "large.txt").write_bytes(DEV_REPORT.read_bytes())
    r = run_cli("build", str(tmp_path / "in"), "-o", str(tmp_path / "g.ttl"), "--max-bytes", "2000", "--no-html")
    assert r.returncode == 1
    assert "large.txt: " in r.stderr and "over the limit of 2000 (raise it with --max-bytes)" in r.stderr
    assert r.stderr.splitlines()[-1] == "error: 1 of 2 document(s) failed; the graph holds the others"
    assert (tmp_path / "g.ttl").exists()


@pytest.mark.parametrize("value", ["0", "-5", "ten", "1e9"])
def test_max_bytes_bad_values(tmp_path, value):
    r = run_cli("build", str(DEV_REPORT), "-o", str(tmp_path / "g.ttl"), "--max-bytes", value)
    assert r.returncode == 2
    assert "--max-bytes" in r.stderr and "Traceback" not in r.stderr


@pytest.mark.parametrize(
    "name, page",
    [
        ("nested-divs", lambda p: "<div>" * 100_000 + p + "</div>" * 100_000),
        ("unclosed-nesting", lambda p: "<div><span><b>" * 40_000 + p),
        ("stray-end-tags", lambda p: "<div>" * 50_000 + p + "</span>" * 100_000),
        ("nested-tables", lambda p: "<table><tr><td>" * 30_000 + p),
    ],
)
def test_deep_html(tmp_path, name, page):
    path = tmp_path / f"{name}.html"
    path.write_text(f"<html><head><title>t</title></head><body>{page(_paragraphs())}</body></html>", encoding="utf-8")
    chars, mentions, _ = _read_in_child(path)
    assert chars > 3000 and mentions > 50  # the report is still found inside


def test_enormous_html(tmp_path):
    """Tens of MB: an inline image, a huge script and thousands of link-list items around the article."""
    junk_links = "".join(f'<li><a href="/n/{i}">相关新闻链接标题{i}</a></li>' for i in range(60_000))
    page = (
        "<html><head><title>大页面</title><script>var data = '" + "x" * 8_000_000 + "';</script></head><body>"
        '<img src="data:image/png;base64,' + "QUJD" * 2_500_000 + '">'
        f'<ul class="related">{junk_links}</ul><div class="content">{_paragraphs()}</div>'
        f'<div class="footer">{"版权所有 " * 200_000}</div></body></html>'
    )
    path = tmp_path / "enormous.html"
    path.write_text(page, encoding="utf-8")
    assert path.stat().st_size > 20_000_000
    chars, mentions, rss_mb = _read_in_child(path, timeout=120)
    assert 3000 < chars < 10_000 and mentions > 50  # the article, without the furniture
    assert rss_mb < 2048


def test_max_bytes_applies_to_cached_documents(tmp_path):
    """The limit does not depend on what an earlier build cached: same command, same answer."""
    report = tmp_path / "report.txt"
    report.write_bytes(_head(3000))
    out = str(tmp_path / "g.ttl")
    assert run_cli("build", str(report), "-o", out, "--no-html").returncode == 0  # fills the cache
    r = run_cli("build", str(report), "-o", out, "--no-html", "--max-bytes", "1000")
    assert r.returncode == 1 and "over the limit of 1000" in r.stderr, r.stdout + r.stderr
