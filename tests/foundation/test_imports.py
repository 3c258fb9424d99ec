"""Light start: reading a graph imports nothing of the build stack, and no module imports
itself back through another (each case runs in a fresh interpreter and lists sys.modules)."""

from __future__ import annotations

import ast
import json
import subprocess
import sys

import pytest

from tests.conftest import ROOT

SRC = ROOT / "src"
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


def test_view_of_a_big_graph_reads_it_without_rdflib_or_networkx(tmp_path):
    """A view of a file (above the spring layout's size) goes from the parser's quads to the page:
    neither rdflib nor networkx, numpy or pyvis's package (its files are read, not imported)."""
    lines = [
        "@prefix mz: <https://w3id.org/mzgraph/ontology#> .",
        "@prefix r: <https://w3id.org/mzgraph/resource/place/> .",
    ]
    for i in range(800):
        lines.append(f'r:p{i} a mz:AdministrativeArea ; <http://www.w3.org/2000/01/rdf-schema#label> "地{i}"@zh .')
        if i:
            lines.append(f"r:p{i} mz:partOf r:p{(i - 1) // 4} .")
    graph = tmp_path / "big.ttl"
    graph.write_text("\n".join(lines) + "\n", encoding="utf-8")
    page = tmp_path / "big.html"
    argv = ["view", "--graph", str(graph), "-o", str(page)]
    loaded = modules_after(f"from mzgraph.cli import main\nassert main({argv!r}) == 0")
    assert page.stat().st_size > 0
    assert not {"rdflib", "networkx", "numpy", "pyvis"} & loaded


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


def _modules() -> dict[str, object]:
    """{dotted name: path} of every module of the package."""
    found = {}
    for path in (SRC / "mzgraph").rglob("*.py"):
        parts = list(path.relative_to(SRC).with_suffix("").parts)
        found[".".join(parts[:-1] if parts[-1] == "__init__" else parts)] = path
    return found


def module_level_imports(name: str, path, known) -> set[str]:
    """The package's modules ``name`` imports when it is imported (read from its syntax tree:
    statements at module level, in ``if``/``try`` blocks too, not ``if TYPE_CHECKING``, not in
    functions). ``from pkg import sub`` names the module ``sub`` when there is one, else ``pkg``:
    a package's own ``__init__`` runs before any of its modules, so that edge makes no cycle."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    out: set[str] = set()

    def walk(statements) -> None:
        for st in statements:
            if isinstance(st, ast.Import):
                out.update(a.name for a in st.names)
            elif isinstance(st, ast.ImportFrom):
                base = st.module or ""
                if st.level:
                    parts = package.split(".")[: len(package.split(".")) - st.level + 1]
                    base = ".".join(parts + ([st.module] if st.module else []))
                subs = {f"{base}.{a.name}" for a in st.names} & known
                out.update(subs or {base})
            elif isinstance(st, ast.If) and not (isinstance(st.test, ast.Name) and st.test.id == "TYPE_CHECKING"):
                walk(st.body)
                walk(st.orelse)
            elif isinstance(st, ast.Try):
                for block in (st.body, st.orelse, st.finalbody, *(h.body for h in st.handlers)):
                    walk(block)

    walk(ast.parse(path.read_text(encoding="utf-8")).body)
    return out & known


def test_no_module_imports_itself_back():
    """Over every module of the package: no chain of module-level imports leads back to where it
    started (a cycle breaks as soon as one of its modules uses a name of another at import)."""
    import networkx as nx

    modules = _modules()
    known = set(modules)
    graph = nx.DiGraph()
    graph.add_nodes_from(known)
    for name, path in modules.items():
        graph.add_edges_from((name, dep) for dep in module_level_imports(name, path, known) if dep != name)
    assert len(known) > 50
    assert [sorted(c) for c in nx.simple_cycles(graph)] == []
