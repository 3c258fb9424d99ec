"""`mzgraph build` over a corpus, as a user runs it: parallel, incremental, streamed."""

from __future__ import annotations

import os
import re
import shutil

from tests.conftest import run_cli

SUMMARY = re.compile(r"built (\d+) document\(s\).*\((\d+) read, (\d+) from cache\)")


def _build(*args, cwd=None):
    res = run_cli("build", *args, "--no-html", cwd=cwd, timeout=300)
    assert res.returncode == 0, res.stderr
    m = SUMMARY.search(res.stdout)
    assert m, res.stdout
    return res, tuple(int(x) for x in m.groups())


def test_jobs_do_not_change_a_byte(corpus, tmp_path):
    one, two = tmp_path / "one", tmp_path / "two"
    _build(str(corpus), "-o", str(one / "g.nt"), "--jobs", "1")
    _build(str(corpus), "-o", str(two / "g.nt"), "--jobs", "2")
    assert (one / "g.nt").read_bytes() == (two / "g.nt").read_bytes()
    few = sorted(corpus.rglob("*.txt"))[:3]
    _build(*map(str, few), "-o", str(one / "g.ttl"), "--jobs", "1", "--no-cache")
    _build(*map(str, few), "-o", str(two / "g.ttl"), "--jobs", "2", "--no-cache")
    assert (one / "g.ttl").read_bytes() == (two / "g.ttl").read_bytes()
    cached = tmp_path / "cached" / "g.ttl"
    _build(*map(str, few), "-o", str(cached))
    _, (_, read, _) = _build(*map(str, few), "-o", str(cached))
    assert read == 0 and cached.read_bytes() == (one / "g.ttl").read_bytes()


def test_rebuild_reads_only_the_changed_file(corpus, tmp_path):
    out = tmp_path / "out" / "g.nt"
    _, (n, read, cached) = _build(str(corpus), "-o", str(out))
    assert (read, cached) == (n, 0)

    changed = sorted(corpus.rglob("report-*.txt"))[5]
    changed.write_text(changed.read_text(encoding="utf-8") + "\n  2020年全省新增养老床位1.5万张。\n", encoding="utf-8")
    _, (n2, read, cached) = _build(str(corpus), "-o", str(out))
    assert (n2, read, cached) == (n, 1, n - 1)

    fresh = tmp_path / "fresh" / "g.nt"
    _build(str(corpus), "-o", str(fresh), "--no-cache")
    assert out.read_bytes() == fresh.read_bytes()
    assert not (fresh.parent / ".mzgraph-cache").exists()


def test_touched_but_unchanged_files_are_not_read(corpus, tmp_path):
    out = tmp_path / "g.nt"
    _build(str(corpus), "-o", str(out))
    first = out.read_bytes()
    for f in sorted(corpus.rglob("*.txt"))[:3]:
        os.utime(f, ns=(1, 1))
    _, (n, read, cached) = _build(str(corpus), "-o", str(out))
    assert (read, cached) == (0, n)
    assert out.read_bytes() == first


def test_a_deleted_file_leaves_the_graph(corpus, tmp_path):
    out = tmp_path / "g.nt"
    _build(str(corpus), "-o", str(out))
    gone = sorted(corpus.rglob("report-*.txt"))[3]
    doc_iri = f"<https://w3id.org/mzgraph/resource/doc/{gone.stem}"
    assert doc_iri in out.read_text(encoding="utf-8")
    gone.unlink()
    _, (n, read, cached) = _build(str(corpus), "-o", str(out))
    assert (read, cached) == (0, n)
    text = out.read_text(encoding="utf-8")
    assert doc_iri not in text and f"target/{gone.stem}/" not in text
    fresh = tmp_path / "fresh.nt"
    _build(str(corpus), "-o", str(fresh), "--no-cache")
    assert out.read_bytes() == fresh.read_bytes()
    entries = list((tmp_path / ".mzgraph-cache").rglob("*.pickle"))
    assert len(entries) == n  # the deleted file's entry is pruned


def test_progress_lines_in_ci_and_none_for_one_document(corpus, tmp_path):
    res, (n, _, _) = _build(str(corpus), "-o", str(tmp_path / "g.nt"), "--no-cache")
    lines = res.stderr.strip().splitlines()
    assert lines[-1].startswith(f"built {n}/{n} documents")
    assert 5 <= len(lines) <= 11 and "\r" not in res.stderr
    one = sorted(corpus.rglob("*.txt"))[0]
    res, _ = _build(str(one), "-o", str(tmp_path / "one.nt"))
    assert res.stderr == ""


def test_format_option_and_strict_in_any_format(corpus, tmp_path):
    one = str(sorted(corpus.rglob("*.txt"))[0])
    _build(one, "-o", str(tmp_path / "graph.out"), "--format", "nt", "--no-html")
    assert (tmp_path / "graph.out").read_text(encoding="utf-8").startswith("<https://w3id.org/mzgraph/resource/")
    res = run_cli("build", one, "-o", str(tmp_path / "g.nq"), "--strict")
    assert res.returncode == 0 and res.stderr == ""
    assert (tmp_path / "g.nq").is_file() and not (tmp_path / "g.html").exists()  # no view by default beside .nq
    res = run_cli("build", one, "-o", str(tmp_path / "g.nq"), "--strict", "--html", str(tmp_path / "v.html"))
    assert res.returncode == 0 and res.stderr == "" and (tmp_path / "v.html").is_file()
    res = run_cli("build", one, "-o", str(tmp_path / "g.ttl"), "--format", "csv")
    assert res.returncode == 2 and len(res.stderr.strip().splitlines()) == 1 and "Traceback" not in res.stderr


def test_folders_are_read_recursively(corpus, tmp_path):
    nested = corpus / "batch-000" / "deeper" / "still"
    nested.mkdir(parents=True)
    shutil.copy(sorted(corpus.rglob("report-*.txt"))[0], nested / "copy-of-first.txt")
    res, (n, _, _) = _build(str(corpus), "-o", str(tmp_path / "g.nt"))
    assert n == len(list(corpus.rglob("*.txt")))
    assert "copy-of-first" in (tmp_path / "g.nt").read_text(encoding="utf-8")


def test_progress_bar_on_a_terminal(corpus, tmp_path):
    import pty
    import subprocess
    import sys

    from tests.conftest import ROOT

    master, slave = pty.openpty()
    out = tmp_path / "g.nt"
    proc = subprocess.Popen(
        [sys.executable, "-m", "mzgraph", "build", str(corpus), "-o", str(out), "--no-cache", "--jobs", "1"],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=slave,
        text=True,
    )
    os.close(slave)
    chunks = []
    while True:
        try:
            data = os.read(master, 4096)
        except OSError:  # the terminal closed with the process
            break
        if not data:
            break
        chunks.append(data)
    stdout, _ = proc.communicate(timeout=120)
    os.close(master)
    shown = b"".join(chunks).decode("utf-8", "replace")
    n = len(list(corpus.rglob("*.txt")))
    assert proc.returncode == 0 and f"built {n} document(s)" in stdout
    assert "building" in shown and f"{n}/{n}" in shown and "#" in shown
    assert "documents in" not in shown  # the bar, not the CI lines


def test_two_outputs_in_one_folder_keep_their_own_cache(corpus, tmp_path):
    reports = sorted(corpus.rglob("report-*.txt"))
    a, b = tmp_path / "out" / "a.nt", tmp_path / "out" / "b.nt"
    _build(*map(str, reports[:3]), "-o", str(a))
    _build(*map(str, reports[3:5]), "-o", str(b))
    _, (n, read, cached) = _build(*map(str, reports[:3]), "-o", str(a))
    assert (n, read, cached) == (3, 0, 3)
