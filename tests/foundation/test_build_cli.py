"""`mzgraph build` end to end, as a user runs it."""

from __future__ import annotations

import shutil

from rdflib import Graph

from tests.conftest import DEV_REPORT, ROOT, run_cli

CORE = ("Agency", "Policy", "AdministrativeArea", "Program", "Target")


def test_default_build_writes_turtle_with_all_five_types(tmp_path):
    shutil.copytree(ROOT / "data", tmp_path / "data")
    res = run_cli("build", cwd=tmp_path)
    assert res.returncode == 0, res.stderr
    out = tmp_path / "output" / "graph.ttl"
    g = Graph().parse(out)
    mz = "https://w3id.org/mzgraph/ontology#"
    for cls in CORE:
        q = f"ASK {{ ?e a <{mz}{cls}> }}"
        assert g.query(q).askAnswer, f"no {cls} in the default build"
    assert "built 1 document(s)" in res.stdout


def test_two_builds_are_byte_identical(tmp_path):
    a, b = tmp_path / "a.ttl", tmp_path / "b.ttl"
    assert run_cli("build", str(DEV_REPORT), "-o", str(a)).returncode == 0
    assert run_cli("build", str(DEV_REPORT), "-o", str(b)).returncode == 0
    assert a.read_bytes() == b.read_bytes()


def test_missing_input_is_one_line_and_nonzero(tmp_path):
    res = run_cli("build", "missing.txt", "-o", str(tmp_path / "g.ttl"), cwd=tmp_path)
    assert res.returncode != 0
    lines = res.stderr.strip().splitlines()
    assert len(lines) == 1, res.stderr
    assert "missing.txt" in lines[0] and "Traceback" not in res.stderr
    assert not (tmp_path / "g.ttl").exists()


def test_version_and_help_with_examples():
    res = run_cli("--version")
    assert res.returncode == 0 and res.stdout.startswith("mzgraph, version ")
    top = run_cli("--help")
    assert top.returncode == 0 and "Example" in top.stdout
    for line in top.stdout.split("Commands:")[1].strip().splitlines():
        name = line.split()[0]
        sub = run_cli(name, "--help")
        assert sub.returncode == 0, name
        assert "Example" in sub.stdout, f"`mzgraph {name} --help` has no example"
