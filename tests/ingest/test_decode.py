"""Encodings are detected without being told; bad input gets one line naming the file."""

from __future__ import annotations

import codecs

import pytest

from mzgraph.errors import InputError
from mzgraph.ingest import read_document
from mzgraph.ingest.decode import decode_bytes
from tests.ingest.pages import CLEAN_REPORT

SHORT_TEXTS = ["民政", "联通", "江西省民政厅", "关于加强养老服务的通知", "新余市：创新颐养之家", "2019年民政工作"]


@pytest.mark.parametrize(
    ("encoded", "expected"),
    [
        (CLEAN_REPORT.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + CLEAN_REPORT.encode("utf-8"), "utf-8-sig"),
        (CLEAN_REPORT.encode("gb18030"), "gb18030"),
        (CLEAN_REPORT.encode("gbk"), "gb18030"),
        (CLEAN_REPORT.encode("utf-16"), "utf-16"),  # with BOM
        (CLEAN_REPORT.encode("utf-16-le"), "utf-16-le"),
        (CLEAN_REPORT.encode("utf-16-be"), "utf-16-be"),
    ],
)
def test_report_decodes_in_every_encoding(encoded, expected):
    text, encoding = decode_bytes(encoded, "r.txt")
    assert text == CLEAN_REPORT
    assert encoding == expected


@pytest.mark.parametrize("text", SHORT_TEXTS)
def test_short_gb18030_text_is_not_misdetected(text):
    assert decode_bytes(text.encode("gb18030"), "s.txt") == (text, "gb18030")


@pytest.mark.parametrize("text", SHORT_TEXTS)
def test_short_utf16_without_bom_is_found(text):
    # Pure Chinese UTF-16 has no zero bytes to give it away.
    decoded, encoding = decode_bytes(text.encode("utf-16-le"), "s.txt")
    assert decoded == text and encoding.startswith("utf-16")


def test_read_document_reports_encoding_and_same_text(tmp_path):
    utf8 = tmp_path / "a.txt"
    utf8.write_text(CLEAN_REPORT, encoding="utf-8")
    gb = tmp_path / "b.txt"
    gb.write_bytes(CLEAN_REPORT.encode("gb18030"))
    crlf = tmp_path / "c.txt"
    crlf.write_bytes(CLEAN_REPORT.replace("\n", "\r\n").encode("utf-16"))
    docs = [read_document(p) for p in (utf8, gb, crlf)]
    assert [d.metadata.encoding for d in docs] == ["utf-8", "gb18030", "utf-16"]
    assert docs[0].text == docs[1].text == docs[2].text


def _error(tmp_path, name: str, data: bytes, **kw) -> str:
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(InputError) as info:
        read_document(path, **kw)
    message = str(info.value)
    assert "\n" not in message and str(path) in message
    return message


def test_empty_file(tmp_path):
    assert "empty" in _error(tmp_path, "empty.txt", b"")
    assert "empty" in _error(tmp_path, "blank.txt", b"  \r\n\n")


def test_binary_file(tmp_path):
    assert "binary" in _error(tmp_path, "pic.txt", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    assert "binary" in _error(tmp_path, "blob.txt", bytes(range(256)) * 8)


def test_a_few_undecodable_bytes_are_replaced_and_reported(tmp_path):
    clean = CLEAN_REPORT.encode("utf-8")
    path = tmp_path / "damaged.txt"
    path.write_bytes(clean[:300] + b"\xff\xfe\xfa" + clean[300:])
    doc = read_document(path)
    assert doc.metadata.warnings == [f"{path}: 3 undecodable bytes replaced with U+FFFD (read as utf-8)"]
    assert "\ufffd\ufffd\ufffd" in doc.original_text
    assert doc.original_text.replace("\ufffd", "") == clean.decode("utf-8")


def test_many_undecodable_bytes_are_an_error(tmp_path):
    clean = CLEAN_REPORT.encode("utf-8")
    damaged = b"".join(clean[i : i + 20] + b"\xff" for i in range(0, len(clean), 20))
    assert "undecodable" in _error(tmp_path, "damaged.txt", damaged)


def test_over_the_size_limit(tmp_path):
    message = _error(tmp_path, "big.txt", CLEAN_REPORT.encode("utf-8"), max_bytes=100)
    assert "over the limit of 100" in message


def test_unsupported_suffix_and_missing_file(tmp_path):
    assert "not supported" in _error(tmp_path, "sheet.xlsx", b"PK\x03\x04 something")
    with pytest.raises(InputError, match="no such file"):
        read_document(tmp_path / "missing.txt")
