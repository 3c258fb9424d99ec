"""Damaged encodings keep the report: a few bad bytes are replaced (one U+FFFD per byte),
counted and reported in one warning line; the offset map stays exact; many bad bytes are
still an error. Each case is built through the CLI, as a user would."""

from __future__ import annotations

import pytest

from mzgraph.extract import extract
from mzgraph.ingest import read_document
from tests.conftest import DEV_REPORT, run_cli
from tests.ingest.test_offsets import _check as check_offsets

BODY = DEV_REPORT.read_text(encoding="utf-8")[:6000]


def _spoil(data: bytes, positions=(500, 2501, 4003), byte=b"\xff") -> bytes:
    out = bytearray(data)
    for p in positions:
        out[p : p + 1] = byte
    return bytes(out)


# (name, bytes, encoding read as, bytes replaced)
DAMAGED = [
    ("gb18030-3-bad.txt", _spoil(BODY.encode("gb18030")), "gb18030", None),
    ("utf8-3-bad.txt", _spoil(BODY.encode("utf-8")), "utf-8", None),
    ("utf16le-stray-end.txt", BODY.encode("utf-16-le") + b"\n", "utf-16-le", 1),
    ("utf16le-stray-start.txt", b"\n" + BODY.encode("utf-16-le"), "utf-16-le", 1),
    ("utf16be-stray-end.txt", BODY.encode("utf-16-be") + b"\x00", "utf-16-be", 1),
    ("utf16-bom-stray-end.txt", b"\xff\xfe" + BODY.encode("utf-16-le") + b"\n", "utf-16", 1),
    ("gbk-page-3-bad.html", _spoil(f"<html><body><p>{BODY}</p></body></html>".encode("gb18030")), "gb18030", None),
]


@pytest.mark.parametrize(("name", "data", "encoding", "replaced"), DAMAGED, ids=[d[0] for d in DAMAGED])
def test_a_few_bad_bytes_keep_the_report(tmp_path, name, data, encoding, replaced):
    path = tmp_path / name
    path.write_bytes(data)
    doc = read_document(path)
    assert doc.metadata.encoding == encoding
    [warning] = doc.metadata.warnings
    n = doc.original_text.count("\ufffd")
    assert warning == f"{path}: {n} undecodable byte{'s' if n != 1 else ''} replaced with U+FFFD (read as {encoding})"
    if replaced is not None:
        assert n == replaced
    assert 1 <= n <= 9  # a spoilt byte can break the two bytes of its character after it
    check_offsets(doc)  # every run of the clean text reads the same in the decoded text
    assert len(extract(doc).mentions) > 20

    r = run_cli("build", str(path), "-o", str(tmp_path / "g.ttl"), "--no-html")
    assert r.returncode == 0, r.stderr
    assert r.stderr.splitlines() == [f"warning: {warning}"]


def test_many_bad_bytes_are_still_an_error(tmp_path):
    data = BODY.encode("gb18030")
    path = tmp_path / "noise.txt"
    path.write_bytes(_spoil(data, positions=range(0, len(data), 7)))
    r = run_cli("build", str(path), "-o", str(tmp_path / "g.ttl"))
    assert r.returncode == 1
    assert "undecodable bytes" in r.stderr and r.stderr.count("\n") == 1
