"""Hostile inputs named on the command line or found in a folder: only regular files are
read (devices, pipes and sockets are refused before they are opened), compressed formats
are bounded by ``--max-bytes`` once inflated, and a build never reads its own outputs,
caches or hidden folders.

Each case runs the CLI as a separate process, as a user would, with a timeout: a FIFO that
is opened blocks forever, ``/dev/zero`` never ends.
"""

from __future__ import annotations

import io
import os
import shutil
import socket
import zipfile
import zlib

import pytest

from tests.conftest import DEV_REPORT, run_cli


def _fifo(d):
    os.mkfifo(d / "pipe.txt")
    return d / "pipe.txt"


def _socket(d):
    s = socket.socket(socket.AF_UNIX)
    s.bind(str(d / "sock.txt"))
    return d / "sock.txt"


def _dev_zero(d):
    return "/dev/zero"


def _dev_null(d):
    return "/dev/null"


def _docx_bomb(d):
    """A small .docx whose document part inflates to 50 MB of spaces."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        z.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types/>')
        z.writestr("word/document.xml", b" " * (50 << 20))
    path = d / "bomb.docx"
    path.write_bytes(buf.getvalue())
    assert path.stat().st_size < 1 << 20
    return path


def _pdf_bomb(d):
    """A one-page PDF whose content stream is 60 KB deflated and 50 MB inflated."""
    content = zlib.compress(b"BT /F1 12 Tf 72 720 Td (x) Tj ET\n" + b" " * (50 << 20), 9)
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R"
        b" /Resources << /Font << /F1 << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> >> >> >>",
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(content) + content + b"\nendstream",
    ]
    out, offsets = bytearray(b"%PDF-1.4\n"), []
    for i, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    path = d / "bomb.pdf"
    path.write_bytes(bytes(out))
    assert path.stat().st_size < 1 << 20
    return path


# (maker, what the one line must say)
NOT_READ = [
    (_fifo, "is a named pipe (FIFO), not a regular file; only files are read"),
    (_socket, "is a socket, not a regular file; only files are read"),
    (_dev_zero, "/dev/zero: is a character device, not a regular file; only files are read"),
    (_dev_null, "/dev/null: is a character device, not a regular file; only files are read"),
    (_docx_bomb, "inflates to 52428829 bytes, over the limit of 20971520 (raise it with --max-bytes)"),
    (_pdf_bomb, "bomb.pdf: a stream inflates past the limit of 20971520 bytes (raise it with --max-bytes)"),
]


@pytest.mark.parametrize(("make", "message"), NOT_READ, ids=[m.__name__.strip("_") for m, _ in NOT_READ])
def test_refused_in_one_line_without_reading(tmp_path, make, message):
    path = make(tmp_path)
    out = tmp_path / "out" / "g.ttl"
    r = run_cli("build", str(path), "-o", str(out), timeout=60)
    assert r.returncode == 1
    assert message in r.stderr
    assert r.stderr.count("\n") == 1 and "Traceback" not in r.stderr
    assert not out.exists()


def test_a_folder_with_a_fifo_and_a_device_link_builds_the_report(tmp_path):
    reports = tmp_path / "reports"
    reports.mkdir()
    shutil.copy(DEV_REPORT, reports / "dev.txt")
    os.mkfifo(reports / "pipe.txt")
    os.symlink("/dev/zero", reports / "zero.txt")
    r = run_cli("build", str(reports), "-o", str(tmp_path / "g.ttl"), "--no-html", timeout=120)
    assert r.returncode == 0, r.stderr
    assert r.stdout.startswith("built 1 document(s)")


def test_build_dir_never_reads_its_own_outputs_caches_or_hidden_folders(tmp_path):
    """The second build of a folder into itself sees exactly what the first one saw."""
    reports = tmp_path / "reports"
    (reports / ".git").mkdir(parents=True)
    shutil.copy(DEV_REPORT, reports / "dev.txt")
    shutil.copy(DEV_REPORT, reports / ".git" / "copy.txt")
    first = run_cli("build", str(reports), "-o", str(reports / "output" / "graph.ttl"))
    assert first.returncode == 0, first.stderr
    assert (reports / "output" / "graph.html").exists() and (reports / "output" / ".mzgraph-cache").is_dir()
    report = run_cli("report", "--graph", str(reports / "output" / "graph.ttl"), "-o", str(reports / "report.html"))
    assert report.returncode == 0, report.stderr
    second = run_cli("build", str(reports), "-o", str(reports / "output" / "graph.ttl"), "--no-cache")
    assert second.returncode == 0, second.stderr
    assert second.stdout.startswith("built 1 document(s)")
    assert first.stdout.split("triples")[0] == second.stdout.split("triples")[0]


def test_a_page_mzgraph_wrote_named_directly_is_refused(tmp_path):
    built = run_cli("build", str(DEV_REPORT), "-o", str(tmp_path / "graph.ttl"))
    assert built.returncode == 0, built.stderr
    r = run_cli("build", str(tmp_path / "graph.html"), "-o", str(tmp_path / "again.ttl"))
    assert r.returncode == 1
    assert "graph.html: a page mzgraph wrote (a view or report), not a report to read" in r.stderr
