"""Errors that used to end in a traceback: a graph holding a literal that does not fit its
datatype (an odd ``dcterms:date``), and outputs under ``/proc`` or ``/sys``, whose folders
exist but take no new files. Each is one line on stderr; the commands that can still do
their work do it.
"""

from __future__ import annotations

import pytest

from tests.conftest import run_cli

ODD_DATES = ['"20x9-99-99"^^xsd:date', '"2019-13-45"^^xsd:date', '"二〇一九年"^^xsd:gYear']


@pytest.fixture(scope="module")
def odd_graph(dev_graph_path, tmp_path_factory):
    """The development graph with odd literals for every document's date."""
    d = tmp_path_factory.mktemp("odd")
    text = dev_graph_path.read_text(encoding="utf-8")
    extra = "".join(
        f"<https://w3id.org/mzgraph/resource/doc/odd{i}> dcterms:date {lit} .\n" for i, lit in enumerate(ODD_DATES)
    )
    path = d / "odd.ttl"
    path.write_text(text + "\n" + extra, encoding="utf-8")
    return path


@pytest.mark.parametrize("command", [["report"], ["stats"], ["validate"], ["query", "--name", "targets-by-place"]])
def test_odd_literals_warn_in_one_line_and_the_command_works(odd_graph, tmp_path, command):
    out = ["-o", str(tmp_path / "r.html")] if command == ["report"] else []
    r = run_cli(*command, "--graph", str(odd_graph), *out)
    assert "Traceback" not in r.stderr
    assert r.returncode in (0, 1), r.stderr  # validate may find the odd document breaks the contract
    for line in r.stderr.splitlines():
        assert line.startswith(("warning:", "error:")), line
    if command == ["report"]:
        assert r.returncode == 0 and (tmp_path / "r.html").stat().st_size > 0


# (command, output under a system folder)
SYSTEM_OUTPUTS = [
    (("build", "-o", "/proc/mzgraph-test.ttl"), "/proc/.mzgraph-cache/mzgraph-test.ttl: cannot write here"),
    (("build", "-o", "/proc/mzgraph-test.ttl", "--no-cache"), "/proc/mzgraph-test.ttl: cannot write here"),
    (("build", "-o", "/sys/mzgraph-test.ttl"), "/sys/.mzgraph-cache/mzgraph-test.ttl: cannot write here"),
    (("build", "-o", "/sys/kernel/mzgraph-test.nt", "--no-cache"), "/sys/kernel/mzgraph-test.nt: cannot write here"),
    (("view", "-o", "/proc/mzgraph-test.html"), "/proc/mzgraph-test.html: cannot write here"),
    (("report", "-o", "/sys/mzgraph-test.html"), "/sys/mzgraph-test.html: cannot write here"),
    (("export", "--format", "csv", "-o", "/proc/mzgraph-test"), "cannot write here"),
    (("query", "--name", "targets-by-place", "-o", "/proc/mzgraph-test.csv"), "/proc/mzgraph-test.csv: cannot write"),
]


@pytest.mark.parametrize(("args", "message"), SYSTEM_OUTPUTS, ids=[" ".join(a) for a, _ in SYSTEM_OUTPUTS])
def test_outputs_under_proc_and_sys_fail_in_one_line(dev_graph_path, args, message):
    graph = [] if args[0] == "build" else ["--graph", str(dev_graph_path)]
    r = run_cli(*args, *graph)
    assert r.returncode == 1, r.stderr
    assert r.stderr.startswith("error: ") and r.stderr.count("\n") == 1, r.stderr
    assert message in r.stderr
