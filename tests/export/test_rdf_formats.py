"""Turtle, N-Triples, TriG, N-Quads, JSON-LD and RDF/XML: round trips, determinism, other parsers."""

from __future__ import annotations

import random
import subprocess

import pyoxigraph
import pytest
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import RDF, RDFS, XSD

from mzgraph.export import export, render
from mzgraph.rdf import load_graph
from mzgraph.rdf.formats import FORMATS, format_for_path
from mzgraph.rdf.namespaces import MZ, MZR
from tests.conftest import needs_rapper

RDF_FORMATS = {f.name: f.extension for f in FORMATS.values() if f.is_rdf}


def turtle(graph: Graph) -> str:
    return render(graph, "turtle")[""].decode("utf-8")


@pytest.fixture(scope="module")
def exported(dev_graph, tmp_path_factory):
    folder = tmp_path_factory.mktemp("rdf")
    return {fmt: export(dev_graph, fmt, folder / f"graph{ext}")[0] for fmt, ext in RDF_FORMATS.items()}


@pytest.mark.parametrize("fmt", RDF_FORMATS)
def test_every_rdf_export_parses_back_isomorphic(dev_graph, exported, fmt):
    back = load_graph(exported[fmt])
    assert len(back) == len(dev_graph)
    assert isomorphic(back, dev_graph)


@pytest.mark.parametrize("fmt", RDF_FORMATS)
def test_pyoxigraph_reads_every_rdf_export(dev_graph, exported, fmt):
    path = exported[fmt]
    quads = list(pyoxigraph.parse(path=str(path), format=format_for_path(path).oxigraph))
    assert len({(q.subject, q.predicate, q.object) for q in quads}) == len(dev_graph)


@needs_rapper
@pytest.mark.parametrize(
    "fmt,syntax",
    [("turtle", "turtle"), ("nt", "ntriples"), ("trig", "trig"), ("nquads", "nquads"), ("rdfxml", "rdfxml")],
)
def test_rapper_accepts_turtle_ntriples_trig_nquads_and_rdfxml(dev_graph, exported, fmt, syntax):
    res = subprocess.run(["rapper", "-i", syntax, "-c", str(exported[fmt])], capture_output=True, text=True, timeout=60)
    assert res.returncode == 0, res.stderr
    assert f"returned {len(dev_graph)} triples" in res.stderr


@pytest.mark.parametrize("fmt", RDF_FORMATS)
def test_same_graph_same_bytes_whatever_the_insertion_order(dev_graph, fmt):
    triples = list(dev_graph)
    random.Random(7).shuffle(triples)
    shuffled = Graph()
    for t in triples:
        shuffled.add(t)
    assert render(dev_graph, fmt) == render(shuffled, fmt)


def test_turtle_groups_by_subject_with_project_prefixes(dev_graph):
    text = render(dev_graph, "turtle")[""].decode()
    assert "@prefix mz: <https://w3id.org/mzgraph/ontology#> ." in text
    assert " a mz:Target ;" in text
    # one block per subject in each named graph (TriG shows the graphs): a subject in two
    # graphs (a statement node and its evidence links) has one block in each
    trig = render(dev_graph, "trig")[""].decode()
    graphs = [g for g in trig.split("\n}\n") if "{" in g]
    assert len(graphs) == 2
    seen = []
    for g in graphs:
        subjects = [line.split()[0] for line in g.split("{\n", 1)[1].splitlines() if line.startswith("<")]
        assert len(subjects) == len(set(subjects))
        seen += subjects
    blocks = [line.split()[0] for line in text.splitlines() if line.startswith("<")]
    assert sorted(blocks) == sorted(seen)


def test_offsets_sort_as_numbers():
    g = Graph()
    for start in (1058, 96, 200):
        g.add((MZR[f"doc/d/mention/{start}-{start + 2}"], RDF.type, MZ.Mention))
    order = [line.split("/mention/")[1].split(">")[0] for line in turtle(g).splitlines() if "/mention/" in line]
    assert order == ["96-98", "200-202", "1058-1060"]


def test_awkward_literals_and_iris_round_trip():
    s = URIRef("https://example.org/江西/𠀀?q=1#x")  # non-ASCII IRIs are written as they are
    g = Graph()
    values = [
        Literal('quote " backslash \\ newline \n tab \t cr \r bell \x07'),
        Literal("𠀀 non-BMP 江西", lang="zh"),
        Literal("x", datatype=XSD.string),
        Literal("x"),
        Literal("209800", datatype=XSD.decimal),
        Literal("2019", datatype=XSD.gYear),
        Literal("en-GB text", lang="en-GB"),
    ]
    for i, v in enumerate(values):
        g.add((s, URIRef(f"https://example.org/p{i}"), v))
    g.add((s, RDFS.seeAlso, MZ.Agency))
    for fmt in ("turtle", "nt"):
        data = render(g, fmt)[""]
        back = Graph().parse(data=data, format=fmt)
        assert isomorphic(back, g), fmt
        ox = list(pyoxigraph.parse(data, format=FORMATS[fmt].oxigraph))
        assert len(ox) == len(g)


def test_blank_nodes_are_written_deterministically():
    def make() -> Graph:
        g = Graph()
        a, b = BNode(), BNode()
        g.add((MZR["x"], MZ.partOf, a))
        g.add((a, RDFS.label, Literal("a")))
        g.add((a, MZ.partOf, b))
        g.add((b, RDFS.label, Literal("b")))
        return g

    first, second = make(), make()
    assert turtle(first) == turtle(second)
    assert render(first, "nt") == render(second, "nt")
    assert isomorphic(Graph().parse(data=turtle(first), format="turtle"), first)


def test_ntriples_lines_are_grouped_by_subject_without_repeats(dev_graph):
    lines = render(dev_graph, "nt")[""].decode().splitlines()
    assert len(lines) == len(set(lines)) == len(dev_graph)
    runs = [
        line.split(" ", 1)[0]
        for i, line in enumerate(lines)
        if i == 0 or line.split(" ", 1)[0] != lines[i - 1].split(" ", 1)[0]
    ]
    assert all(runs.count(s) <= 2 for s in runs)  # one run per subject in each of the two graphs


def test_build_writes_the_deterministic_turtle(dev_graph, dev_graph_path):
    assert dev_graph_path.read_bytes() == render(dev_graph, "turtle")[""]


def test_exported_files_get_the_mode_open_would_give(dev_graph, tmp_path):
    import os

    umask = os.umask(0)
    os.umask(umask)
    (path,) = export(dev_graph, "nt", tmp_path / "g.nt")
    assert path.stat().st_mode & 0o777 == 0o666 & ~umask
