"""A batch with bad files: the good ones are built, the bad ones listed, the exit status says so."""

from __future__ import annotations

from rdflib import Graph
from rdflib.namespace import RDF

from mzgraph.rdf.namespaces import MZ
from tests.conftest import DEV_REPORT, run_cli
from tests.ingest.pages import hacked


def test_batch_builds_good_files_and_lists_bad_ones(tmp_path):
    folder = tmp_path / "reports"
    (folder / "web").mkdir(parents=True)
    (folder / "gb.txt").write_bytes(DEV_REPORT.read_text(encoding="utf-8").encode("gb18030"))
    (folder / "web" / "hunan.md").write_text(hacked("开云体育"), encoding="utf-8")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "photo.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    (folder / "huge.txt").write_text("民政" * 10000, encoding="utf-8")
    out = tmp_path / "graph.ttl"
    res = run_cli("build", str(folder), "-o", str(out), "--max-bytes", "30000")
    assert res.returncode == 1, res.stderr
    assert "Traceback" not in res.stderr
    assert "built 2 document(s)" in res.stdout
    failed = [ln for ln in res.stderr.splitlines() if ln.startswith("failed:")]
    assert len(failed) == 3
    for name, problem in (("empty.txt", "empty"), ("photo.txt", "binary"), ("huge.txt", "over the limit")):
        assert any(name in ln and problem in ln for ln in failed), (name, failed)
    graph = Graph().parse(out)
    assert len(set(graph.subjects(RDF.type, MZ.Document))) == 2


def test_single_bad_file_is_one_line_and_writes_nothing(tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(bytes(range(256)) * 4)
    out = tmp_path / "graph.ttl"
    res = run_cli("build", str(bad), "-o", str(out))
    assert res.returncode != 0
    lines = [ln for ln in res.stderr.splitlines() if ln.strip()]
    assert len(lines) == 1 and "bad.txt" in lines[0] and "binary" in lines[0]
    assert not out.exists()
