"""`mzgraph export`, `mzgraph validate` and `mzgraph build --strict`, as a user runs them."""

from __future__ import annotations

import shutil

import pytest
from rdflib import RDF, Dataset, Graph, URIRef
from rdflib.compare import isomorphic

from mzgraph.rdf.partition import ENTITIES_GRAPH, ONTOLOGY_GRAPH
from tests.conftest import ROOT, run_cli


@pytest.fixture(scope="module")
def workdir(tmp_path_factory, dev_graph_path):
    """A folder laid out as after `mzgraph build`: output/graph.ttl."""
    folder = tmp_path_factory.mktemp("cli")
    (folder / "output").mkdir()
    shutil.copy(dev_graph_path, folder / "output" / "graph.ttl")
    return folder


@pytest.mark.parametrize("fmt", ["trig", "graphml", "jsonld"])
def test_export_writes_the_default_output(workdir, fmt):
    ext = {"trig": ".trig", "graphml": ".graphml", "jsonld": ".jsonld"}[fmt]
    res = run_cli("export", "--format", fmt, cwd=workdir)
    assert res.returncode == 0, res.stderr
    out = workdir / "output" / f"graph{ext}"
    assert out.is_file() and out.stat().st_size > 0
    assert res.stdout.strip().endswith(str(out.relative_to(workdir)))


def test_export_csv_into_a_folder(workdir, tmp_path):
    res = run_cli("export", "--format", "csv", "-o", str(tmp_path / "tables"), cwd=workdir)
    assert res.returncode == 0, res.stderr
    assert (tmp_path / "tables" / "nodes.csv").read_bytes().startswith(b"\xef\xbb\xbfid,type,label")
    assert (tmp_path / "tables" / "edges.csv").read_bytes().startswith(b"\xef\xbb\xbfsource,source_label")


def test_export_trig_with_ontology_has_named_graphs(workdir, tmp_path, dev_graph):
    out = tmp_path / "g.trig"
    res = run_cli("export", "--format", "trig", "--with-ontology", "-o", str(out), cwd=workdir)
    assert res.returncode == 0, res.stderr
    ds = Dataset()
    ds.parse(out, format="trig")
    names = {g.identifier for g in ds.graphs()}
    assert {URIRef(ENTITIES_GRAPH), URIRef(ONTOLOGY_GRAPH)} <= names  # (the graph names are IRIs)
    docs = [n for n in names if "/graph/doc/" in str(n)]
    assert len(docs) == 1
    union = Graph()
    for name in names - {URIRef(ONTOLOGY_GRAPH)}:
        for t in ds.graph(name):
            union.add(t)
    assert isomorphic(union, dev_graph)


def test_export_is_byte_identical_across_runs(workdir, tmp_path):
    # every format's determinism is tested in-process; here two separate processes
    # (different hash seeds) for the formats whose writers iterate over sets
    for fmt, ext in (("turtle", ".ttl"), ("trig", ".trig")):
        a, b = tmp_path / f"a{ext}", tmp_path / f"b{ext}"
        assert run_cli("export", "--format", fmt, "-o", str(a), cwd=workdir).returncode == 0
        assert run_cli("export", "--format", fmt, "-o", str(b), cwd=workdir).returncode == 0
        assert a.read_bytes() == b.read_bytes(), fmt


@pytest.mark.parametrize(
    "args,needle",
    [
        (["--format", "svg"], "svg"),
        (["--format", "nt", "--graph", "missing.ttl"], "missing.ttl"),
        (["--format", "gexf", "--with-ontology"], "--with-ontology"),
        (["--format", "turtle", "--with-ontology", "-o", "output/graph.ttl"], "is an input"),
        (["--format", "nt", "-o", "output/graph.ttl"], "is an input"),
    ],
)
def test_export_errors_are_one_line(workdir, args, needle):
    before = (workdir / "output" / "graph.ttl").read_bytes()
    res = run_cli("export", *args, cwd=workdir)
    assert res.returncode != 0
    assert "Traceback" not in res.stderr and needle in res.stderr
    assert (workdir / "output" / "graph.ttl").read_bytes() == before


def test_validate_passes_on_the_default_build(workdir):
    res = run_cli("validate", cwd=workdir)
    assert res.returncode == 0, res.stdout + res.stderr
    assert "conforms to the ontology contract" in res.stdout


def test_validate_reports_a_target_without_value(tmp_path, dev_graph):
    from mzgraph.rdf import write_graph
    from mzgraph.rdf.namespaces import MZ

    g = Graph()
    for t in dev_graph:
        g.add(t)
    target = sorted(g.subjects(RDF.type, MZ.Target))[0]
    g.remove((target, MZ.value, None))
    path = tmp_path / "broken.ttl"
    write_graph(g, path)
    res = run_cli("validate", "--graph", str(path))
    assert res.returncode == 1
    (line,) = res.stdout.strip().splitlines()
    assert line.startswith("violation: Target 「") and "mz:value" in line
    assert res.stderr.strip() == f"error: {path}: 1 violation(s) of the ontology contract"


def test_build_strict_conforms_and_writes(tmp_path):
    shutil.copytree(ROOT / "data", tmp_path / "data")
    res = run_cli("build", "--strict", "-o", "out/g.ttl", cwd=tmp_path)
    assert res.returncode == 0, res.stderr
    assert "warning" not in res.stderr
    assert (tmp_path / "out" / "g.ttl").is_file()


def test_strict_refuses_to_write_a_broken_graph(tmp_path, dev_graph):
    from mzgraph.commands.build import _check_contract
    from mzgraph.rdf.namespaces import MZ
    from mzgraph.validate import GraphInvalid

    g = Graph()
    for t in dev_graph:
        g.add(t)
    g.remove((sorted(g.subjects(RDF.type, MZ.Target))[0], MZ.unit, None))
    out = tmp_path / "g.ttl"
    with pytest.raises(GraphInvalid, match="not written"):
        _check_contract(g, out)
    assert not out.exists()


@pytest.mark.parametrize("name", ["export", "validate"])
def test_help_has_an_example(name):
    res = run_cli(name, "--help")
    assert res.returncode == 0 and "Example" in res.stdout
