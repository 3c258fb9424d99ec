"""Every reading command answers the same on the .ttl, .nt, .trig and .nq of one build.

TriG and N-Quads hold a named graph per document plus the entities graph; the commands read
the union of the graphs as the default graph (as a Turtle or N-Triples file's one graph),
and ``GRAPH`` still names each one. One build of the development report, exported once to
each format by the CLI, is shared by the whole module.
"""

from __future__ import annotations

import json

import pytest

from mzgraph.cli import main
from tests.conftest import run_cli

FORMATS = {"ttl": None, "nt": "nt", "trig": "trig", "nq": "nquads"}
QUADS = ("trig", "nq")
JOIN = """SELECT ?agency ?label (COUNT(?m) AS ?mentions) WHERE {
  ?agency a mz:Agency ; rdfs:label ?label .
  ?m itsrdf:taIdentRef ?agency .
} GROUP BY ?agency ?label ORDER BY DESC(?mentions) ?label"""
BY_GRAPH = "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g ORDER BY ?g"
PATH_ENDS = ("民政部", "江西省")


@pytest.fixture(scope="module")
def graphs(dev_graph_path, tmp_path_factory):
    """{extension: path} of one build in the four formats (the .ttl is the build's output)."""
    folder = tmp_path_factory.mktemp("formats")
    paths = {"ttl": folder / "graph.ttl"}
    paths["ttl"].write_bytes(dev_graph_path.read_bytes())
    for ext, name in FORMATS.items():
        if name is None:
            continue
        paths[ext] = folder / f"graph.{ext}"
        done = run_cli("export", "--format", name, "-g", str(paths["ttl"]), "-o", str(paths[ext]))
        assert done.returncode == 0, done.stderr
    return paths


def _each(capsys, graphs, *args: str) -> dict[str, str]:
    """stdout of ``mzgraph ARGS --graph FILE`` for each format (each run must succeed).

    In this process (``mzgraph.cli.main``, the console script's own entry): a fresh
    interpreter per run would cost a second each."""
    out = {}
    for ext, path in graphs.items():
        code = main([*args, "--graph", str(path)])
        done = capsys.readouterr()
        assert code == 0, f"{ext}: {done.err}"
        out[ext] = done.out
    return out


def _rows(answer: str) -> list[dict[str, str]]:
    """SPARQL JSON results as {variable: value} rows."""
    return [{k: v["value"] for k, v in b.items()} for b in json.loads(answer)["results"]["bindings"]]


def _same(answers: dict[str, str]) -> str:
    assert len(set(answers.values())) == 1, {ext: a[:300] for ext, a in answers.items()}
    return answers["ttl"]


def test_query_sees_the_union_of_the_graphs(capsys, graphs):
    rows = _rows(_same(_each(capsys, graphs, "query", JOIN, "--format", "json")))
    assert len(rows) >= 5 and any(r["label"] == "民政部" for r in rows)


def test_graph_names_each_document_graph(capsys, graphs):
    answers = _each(capsys, graphs, "query", BY_GRAPH, "--format", "json")
    named = _rows(answers["trig"])
    assert named == _rows(answers["nq"])
    names = {r["g"] for r in named}
    assert any("graph/doc/" in n for n in names) and any(n.endswith("graph/entities") for n in names)
    # the named graphs together hold every triple of the union the other formats show
    union = _rows(_same(_each(capsys, graphs, "query", "SELECT (COUNT(*) AS ?n) { ?s ?p ?o }", "--format", "json")))
    assert sum(int(r["n"]) for r in named) >= int(union[0]["n"]) > 1000
    for ext in ("ttl", "nt"):  # one unnamed graph: GRAPH finds nothing, and says so without failing
        assert _rows(answers[ext]) == []


def test_the_rdflib_engine_answers_the_same(capsys, graphs):
    oxigraph = _rows(_same(_each(capsys, graphs, "query", JOIN, "--format", "json")))
    assert _rows(_same(_each(capsys, graphs, "query", JOIN, "--format", "json", "--engine", "rdflib"))) == oxigraph
    # a TriG or N-Quads file is a Dataset there too (on a one-graph file rdflib refuses GRAPH, saying so)
    quads = {ext: graphs[ext] for ext in QUADS}
    named = _each(capsys, quads, "query", BY_GRAPH, "--format", "json", "--engine", "rdflib")
    assert (
        _rows(named["trig"])
        == _rows(named["nq"])
        == _rows(_each(capsys, quads, "query", BY_GRAPH, "--format", "json")["nq"])
    )


def test_stats(capsys, graphs):
    stats = json.loads(_same(_each(capsys, graphs, "stats", "--format", "json")))
    assert (
        len(stats["documents"]) == 1
        and stats["types"]["Agency"] >= 5
        and sum(r["count"] for r in stats["relations"].values()) > 10
    )


def test_path(capsys, graphs):
    chains = _same(_each(capsys, graphs, "path", *PATH_ENDS))
    assert all(end in chains for end in PATH_ENDS) and "-[" in chains


def _pages(capsys, graphs, tmp_path, command: str, *args: str) -> dict[str, str]:
    """The page ``mzgraph COMMAND`` writes from each format (the file's name made neutral)."""
    pages = {}
    for ext, path in graphs.items():
        out = tmp_path / f"{command}-{ext}.html"
        code = main([command, "--graph", str(path), "-o", str(out), *args])
        assert code == 0, f"{ext}: {capsys.readouterr().err}"
        pages[ext] = out.read_text(encoding="utf-8").replace(path.name, "GRAPH")
    return pages


def test_report(capsys, graphs, tmp_path):
    page = _same(_pages(capsys, graphs, tmp_path, "report", "--view", "graph.html"))
    assert "江西省民政厅" in page


def test_view(capsys, graphs, tmp_path):
    page = _same(_pages(capsys, graphs, tmp_path, "view", "--title", "江西省民政 2019"))
    assert "江西省民政厅" in page


def test_kg_load(graphs):
    import mzgraph

    answers = {}
    for ext, path in graphs.items():
        kg = mzgraph.load(path)
        frame = kg.query(JOIN)
        answers[ext] = (len(kg), frame.to_csv(index=False), kg.centrality().to_csv(index=False))
    assert len(set(answers.values())) == 1, answers
    assert answers["ttl"][0] > 1000 and "民政部" in answers["ttl"][1]
