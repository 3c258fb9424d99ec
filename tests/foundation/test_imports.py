"""Light start: reading a graph imports nothing of the build stack, and no module imports
itself back through another (each case runs in a fresh interpreter and lists sys.modules)."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from tests.conftest import ROOT

QUERY_FIXTURE = ROOT / "tests" / "query" / "fixture.ttl"
# modules that belong to building a graph: a command that only reads one must not load them
BUILD_STACK = ("mzgraph.pipeline", "mzgraph.ingest", "mzgraph.extract", "mzgraph.resolve", "jieba")


def modules_after(code: str) -> set[str]:
    """The modules loaded once ``code`` has run in a fresh interpreter."""
    script = f"{code}\nimport json, sys\nprint(json.dumps(sorted(sys.modules)))"
    done = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    return set(json.loads(done.stdout.strip().splitlines()[-1]))


def build_modules(loaded: set[str]) -> list[str]:
    return sorted(m for m in loaded if any(m == b or m.startswith(b + ".") for b in BUILD_STACK))


CLI = "from mzgraph.cli import main\nmain({argv!r})"
CASES = {
    "import mzgraph": "import mzgraph",
    "mzgraph --help": CLI.format(argv=["--help"]),
    "mzgraph --version": CLI.format(argv=["--version"]),
    "mzgraph query": CLI.format(argv=["query", "ASK {}", "--graph", str(QUERY_FIXTURE)]),
    "mzgraph stats": CLI.format(argv=["stats", "--graph", str(QUERY_FIXTURE)]),
    "mzgraph.load()": f"import mzgraph\nkg = mzgraph.load({str(QUERY_FIXTURE)!r})\nkg.query('ASK {{}}')",
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_reading_imports_nothing_of_the_build(case):
    assert build_modules(modules_after(CASES[case])) == []


def test_help_imports_no_rdf_library():
    loaded = modules_after(CASES["mzgraph --help"])
    assert not {"rdflib", "pyoxigraph", "pandas", "networkx"} & loaded
    assert not any(m.startswith("mzgraph.commands.") for m in loaded)


def test_help_lists_every_command_with_its_summary():
    from mzgraph.cli import COMMANDS
    from tests.conftest import run_cli

    done = run_cli("--help")
    assert done.returncode == 0
    listed = done.stdout.split("Commands:", 1)[1]
    for name in COMMANDS:
        assert f"  {name} " in listed
    assert "Ask the graph a SPARQL question" in listed


@pytest.mark.parametrize("module", ["mzgraph.rdf.io", "mzgraph.export", "mzgraph.query.store", "mzgraph.kg"])
def test_no_import_cycle(module):
    """Importing each module alone works and pulls in no module that imports it back."""
    loaded = modules_after(f"import {module}")
    assert module in loaded
    if module == "mzgraph.rdf.io":
        assert "mzgraph.export" not in loaded
