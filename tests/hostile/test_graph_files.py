"""Reading graphs is local and bounded: hostile graph files get one line and a non-zero exit.

Each case is a graph file someone could send: a JSON-LD file whose context lives on the
network or in another file, an RDF/XML "billion laughs", an external entity, a Turtle
escape of a lone surrogate, a FIFO or device named as the graph. Every reading command
runs it in a child process whose sockets raise (so a fetch fails the test instead of
happening) under a 2 GiB address-space limit and a timeout.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

import pytest

from tests.conftest import ROOT

PATCHED_CLI = textwrap.dedent(
    """
    import resource, socket, sys
    resource.setrlimit(resource.RLIMIT_AS, (2 << 30, 2 << 30))
    def no_network(*args, **kwargs):
        raise AssertionError("reading a graph file used the network")
    socket.socket.connect = socket.socket.connect_ex = no_network
    socket.create_connection = socket.getaddrinfo = no_network
    from mzgraph.cli import main
    sys.exit(main(sys.argv[1:]))
    """
)


def _laughs(levels: int = 9) -> str:
    entities = ['<!ENTITY lol0 "lol">'] + [f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">' for i in range(1, levels + 1)]
    return _rdfxml(entities, f"&lol{levels};")


def _rdfxml(entities: list[str], value: str) -> str:
    return (
        '<?xml version="1.0"?>\n<!DOCTYPE rdf:RDF [\n' + "\n".join(entities) + "\n]>\n"
        '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:ex="http://example.org/">'
        f'<rdf:Description rdf:about="http://example.org/a"><ex:p>{value}</ex:p></rdf:Description></rdf:RDF>\n'
    )


def _jsonld(context) -> str:
    import json

    return json.dumps({"@context": context, "@id": "http://example.org/a", "name": "x"})


# name → (file name, content, words the one-line error must hold)
CASES = {
    "jsonld-http-context": ("g.jsonld", _jsonld("http://127.0.0.1:9/context.jsonld"), ["@context", "not fetched"]),
    "jsonld-https-context-list": ("g.jsonld", _jsonld([{"x": "http://e/"}, "https://example.org/c"]), ["not fetched"]),
    "jsonld-file-context": ("g.jsonld", _jsonld("file:///etc/passwd"), ["file:///etc/passwd", "not fetched"]),
    "jsonld-relative-context": ("g.jsonld", _jsonld("context.jsonld"), ["not fetched"]),
    "jsonld-import": ("g.jsonld", _jsonld({"@version": 1.1, "@import": "http://127.0.0.1:9/c"}), ["@import"]),
    "jsonld-nested-context": (
        "g.jsonld",
        '{"@id": "http://e/a", "http://e/p": {"@context": "http://127.0.0.1:9/c", "@id": "http://e/b"}}',
        ["not fetched"],
    ),
    "jsonld-deep-nesting": ("g.jsonld", "[" * 200_000 + "]" * 200_000, ["not a readable JSON-LD graph"]),
    "rdfxml-billion-laughs": ("g.rdf", _laughs(), ["entities expand too far"]),
    "rdfxml-quadratic-blowup": ("g.rdf", _rdfxml([f'<!ENTITY a "{"x" * 50_000}">'], "&a;" * 50_000), ["expand"]),
    "rdfxml-external-entity": ("g.rdf", _rdfxml(['<!ENTITY x SYSTEM "file:///etc/hostname">'], "&x;"), ["external"]),
    "rdfxml-parameter-entity": (
        "g.rdf",
        _rdfxml(['<!ENTITY % p SYSTEM "http://127.0.0.1:9/p.dtd">', "%p;"], "x"),
        ["parameter entity"],
    ),
    "turtle-lone-surrogate": ("g.ttl", '<http://e/a> <http://e/p> "x\\uD800y" .\n', ["\\uD800", "line 1"]),
    "ntriples-lone-surrogate": ("g.nt", '<http://e/a> <http://e/p> "\\uDFFF" .\n', ["not a readable RDF graph"]),
    "turtle-unterminated": ("g.ttl", '<http://e/a> <http://e/p> "never closed\n', ["not a readable RDF graph"]),
    "nquads-bad-graph": ("g.nq", "<http://e/a> <http://e/p> <http://e/o> _bad .\n", ["not a readable RDF graph"]),
}

COMMANDS = {
    "query": ["query", "ASK {}", "--graph", "{graph}"],
    "stats": ["stats", "--graph", "{graph}"],
    "view": ["view", "--graph", "{graph}", "-o", "{out}.html"],
    "validate": ["validate", "--graph", "{graph}"],
    "export": ["export", "--graph", "{graph}", "--format", "nt", "-o", "{out}.nt"],
    "report": ["report", "--graph", "{graph}", "-o", "{out}.html"],
    "path": ["path", "甲", "乙", "--graph", "{graph}"],
    "serve": ["serve", "--graph", "{graph}", "--port", "0", "-q"],
}


def command_line(command: str, graph, tmp_path) -> list[str]:
    out = str(tmp_path / "out")
    return [a.replace("{graph}", str(graph)).replace("{out}", out) for a in COMMANDS[command]]


def run_patched(args: list[str], cwd) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-c", PATCHED_CLI, *args], cwd=cwd, capture_output=True, text=True, timeout=120,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )  # fmt: skip


def assert_refused(done: subprocess.CompletedProcess, words: list[str], out_dir) -> None:
    assert done.returncode not in (0, 1) or "Traceback" not in done.stderr, done.stderr[-2000:]
    assert done.returncode != 0, done.stdout
    lines = done.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: "), done.stderr[-2000:]
    for word in words:
        assert word in lines[0], lines[0]
    assert not [p.name for p in out_dir.iterdir() if p.name.startswith("out")], "an output was written"


# every case through one command, and every command with the cases that would reach out or
# blow up: all of them read through the same gate (mzgraph.rdf.io.open_graph_file)
RUNS = sorted({(case, "query") for case in CASES} | {
    (case, command) for case in ("jsonld-http-context", "rdfxml-billion-laughs", "turtle-lone-surrogate")
    for command in COMMANDS
})  # fmt: skip


@pytest.mark.parametrize(("case", "command"), RUNS)
def test_hostile_graph_file(tmp_path, case, command):
    name, content, words = CASES[case]
    graph = tmp_path / name
    graph.write_text(content, encoding="utf-8")
    args = command_line(command, graph, tmp_path)
    assert_refused(run_patched(args, tmp_path), words, tmp_path)


def _fifo(tmp_path):
    path = tmp_path / "g.ttl"
    os.mkfifo(path)
    return path


SPECIAL_FILES = {
    "fifo": (_fifo, ["not a regular file"]),  # opening it would wait for a writer forever
    "device": (lambda tmp_path: "/dev/zero", ["not a regular file"]),  # would never end
    "folder": (lambda tmp_path: tmp_path, []),  # click or the gate: either says it is a folder/directory
    "missing": (lambda tmp_path: tmp_path / "none.ttl", ["no such graph file"]),
}


@pytest.mark.parametrize("command", ["query", "stats", "view", "export"])
@pytest.mark.parametrize("case", sorted(SPECIAL_FILES))
def test_only_regular_files_are_read(tmp_path, case, command):
    make, words = SPECIAL_FILES[case]
    graph = make(tmp_path)
    args = command_line(command, graph, tmp_path)
    assert_refused(run_patched(args, tmp_path), words, tmp_path)


@pytest.mark.parametrize("case", ["jsonld-http-context", "rdfxml-billion-laughs", "turtle-lone-surrogate"])
def test_kg_load_refuses_in_one_line(tmp_path, case):
    import mzgraph
    from mzgraph.errors import GraphError

    name, content, words = CASES[case]
    graph = tmp_path / name
    graph.write_text(content, encoding="utf-8")
    with pytest.raises(GraphError) as caught:
        mzgraph.load(graph)
    assert "\n" not in str(caught.value) and all(w in str(caught.value) for w in words)


def test_entities_within_bounds_still_read(tmp_path):
    """A DTD that only abbreviates a namespace (the common, harmless use) is read as before."""
    from mzgraph.rdf.io import load_graph

    graph = tmp_path / "g.rdf"
    graph.write_text(
        _rdfxml(['<!ENTITY ex "http://example.org/">'], "v").replace(
            'rdf:about="http://example.org/a"', 'rdf:about="&ex;a"'
        ),
        encoding="utf-8",
    )
    assert [str(s) for s in load_graph(graph).subjects()] == ["http://example.org/a"]
