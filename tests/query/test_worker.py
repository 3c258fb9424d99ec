"""The long-lived query process lets go of what the fork copied from its parent."""

from __future__ import annotations

import subprocess

import mzgraph
from tests.conftest import DEV_REPORT, run_cli


def test_a_program_the_parent_started_still_sees_the_end_of_its_input(tmp_path):
    # A notebook (or a test session) that started a program reading its stdin (Playwright's
    # browser driver, say) and then ran a query: the query process forked with a copy of that
    # pipe's write end. When the parent closed it, the program never saw end-of-file and
    # waited forever (a test session hung at exit this way).
    graph = tmp_path / "g.ttl"
    run_cli("build", str(DEV_REPORT), "-o", str(graph), "--no-html")
    reader = subprocess.Popen(["cat"], stdin=subprocess.PIPE, stdout=subprocess.DEVNULL)
    try:
        kg = mzgraph.load(graph)
        assert len(kg.query("SELECT * { ?s ?p ?o } LIMIT 3")) == 3  # the query process is up
        reader.stdin.close()
        assert reader.wait(timeout=20) == 0
        assert len(kg.query("SELECT * { ?s ?p ?o } LIMIT 2")) == 2  # and still answers
    finally:
        reader.kill()
