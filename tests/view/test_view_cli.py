"""`mzgraph view` and `mzgraph build`'s page, run as a user runs them; the selection logic
and the JSON escaping underneath."""

from __future__ import annotations

import json
import re
import shutil

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mzgraph.errors import QueryError, UsageError
from mzgraph.network import to_networkx
from mzgraph.view import prepare
from mzgraph.view.render import script_json
from tests.conftest import DEV_REPORT, ROOT, run_cli


def page_json(path) -> dict:
    text = path.read_text(encoding="utf-8")
    m = re.search(r'<script type="application/json" id="mz-data">(.*?)</script>', text, re.S)
    return json.loads(m.group(1))


def test_help_has_an_example():
    res = run_cli("view", "--help")
    assert res.returncode == 0 and "Example" in res.stdout and "--focus" in res.stdout


def test_view_writes_the_same_page_twice_next_to_the_graph(dev_graph_path, tmp_path):
    pages = []
    for run in ("a", "b"):
        graph = tmp_path / run / "g.ttl"
        graph.parent.mkdir()
        shutil.copy(dev_graph_path, graph)
        res = run_cli("view", "--graph", str(graph))
        assert res.returncode == 0, res.stderr
        assert re.match(r"drew \d+ nodes, \d+ edges \(physics on\) → .*g\.html", res.stdout)
        pages.append(graph.with_suffix(".html").read_bytes())
    assert pages[0] == pages[1]


def test_unknown_focus_is_one_line_with_close_matches(dev_graph_path, tmp_path):
    out = tmp_path / "ego.html"
    res = run_cli("view", "--graph", str(dev_graph_path), "--focus", "江西省民政局", "-o", str(out))
    assert res.returncode == 2
    lines = res.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in res.stderr
    assert "江西省民政局" in lines[0] and "close matches:" in lines[0] and "江西省民政厅" in lines[0]
    assert not out.exists()


@pytest.mark.parametrize(
    ("args", "needle"),
    [
        (["--type", "Agencies"], "unknown type 'Agencies'"),
        (["--query", "missing.rq"], "no such query file"),
        (["--graph", "missing.ttl"], "no such graph file"),
    ],
)
def test_user_errors_are_one_line(dev_graph_path, tmp_path, args, needle):
    if "--graph" not in args:
        args = ["--graph", str(dev_graph_path), *args]
    res = run_cli("view", *args, "-o", str(tmp_path / "x.html"), cwd=tmp_path)
    assert res.returncode == 2
    assert len(res.stderr.strip().splitlines()) == 1 and needle in res.stderr
    assert not (tmp_path / "x.html").exists()


def test_focus_depth_and_types_on_the_command_line(dev_graph_path, tmp_path):
    graph = tmp_path / "g.ttl"
    shutil.copy(dev_graph_path, graph)
    args = ["--focus", "江西省民政厅", "--depth", "1", "--type", "Policy"]
    res = run_cli("view", "--graph", str(graph), *args)
    assert res.returncode == 0, res.stderr
    data = page_json(tmp_path / "g-view.html")  # a cut does not overwrite the whole view
    names = {r[0] for r in data["nodes"]}
    types = {data["types"][r[1]][0] for r in data["nodes"]}
    assert "江西省民政厅" in names and types == {"Agency", "Policy"} and len(names) > 1


def test_query_construct_on_the_command_line(dev_graph_path, tmp_path, dev_graph):
    construct = tmp_path / "issued.rq"
    construct.write_text("CONSTRUCT { ?p mz:issuedBy ?a } WHERE { ?p mz:issuedBy ?a }", encoding="utf-8")
    out = tmp_path / "issued.html"
    res = run_cli("view", "--graph", str(dev_graph_path), "--query", str(construct), "-o", str(out))
    assert res.returncode == 0, res.stderr
    data = page_json(out)
    expected = {(str(p), str(a)) for p, a in dev_graph.query("SELECT ?p ?a WHERE { ?p mz:issuedBy ?a }")}
    iris = [r[12] for r in data["nodes"]]
    assert {(iris[f], iris[t]) for f, t, _, _ in data["edges"]} == expected
    assert set(data["relations"][e[2]] for e in data["edges"]) == {"issuedBy"}


def test_query_select_draws_the_entities_of_its_rows(dev_graph):
    net = prepare(dev_graph, query="SELECT ?a ?name WHERE { ?a a mz:AdministrativeArea ; rdfs:label ?name }")
    areas = {str(a) for (a,) in dev_graph.query("SELECT ?a WHERE { ?a a mz:AdministrativeArea }")}
    assert set(net.nodes) == areas
    assert {e.relation for e in net.edges} == {"partOf"}, "links between the places are kept"


def test_query_that_names_no_entity_or_asks_is_refused(dev_graph):
    with pytest.raises(QueryError, match="names no entity"):
        prepare(dev_graph, query="SELECT ?x WHERE { ?x a mz:Nothing }")
    with pytest.raises(QueryError, match="not ASK"):
        prepare(dev_graph, query="ASK { ?s ?p ?o }")
    with pytest.raises(QueryError, match="^malformed query at line 1"):
        prepare(dev_graph, query="SELEC ?x")
    with pytest.raises(QueryError, match="^refused: SERVICE"):
        prepare(dev_graph, query="SELECT * { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }")


def test_ego_depths(dev_graph):
    full = to_networkx(dev_graph)
    centre = next(n for n, d in full.nodes(data=True) if d["label"] == "江西省民政厅")
    assert list(prepare(dev_graph, focus="江西省民政厅", depth=0).nodes) == [centre]
    one = prepare(dev_graph, focus="江西省民政厅", depth=1)
    assert set(one.nodes) == {centre} | set(full.successors(centre)) | set(full.predecessors(centre))
    two = prepare(dev_graph, focus="江西省民政厅", depth=2)
    assert set(one.nodes) < set(two.nodes)
    assert all("degree" in d and "community" in d for d in two.data)
    with pytest.raises(UsageError, match="no entity is labelled"):
        prepare(dev_graph, focus="不存在的机构")


def test_a_callers_network_is_left_alone(dev_graph):
    net = to_networkx(dev_graph)
    before = {n: dict(d) for n, d in net.nodes(data=True)}
    drawn = prepare(net)
    assert drawn is not net and {n: dict(d) for n, d in net.nodes(data=True)} == before


def test_build_writes_the_view_next_to_the_turtle(tmp_path):
    shutil.copytree(ROOT / "data", tmp_path / "data")
    res = run_cli("build", cwd=tmp_path)
    assert res.returncode == 0, res.stderr
    page = tmp_path / "output" / "graph.html"
    assert page.exists() and re.search(r"view: \d+ nodes, \d+ edges → output/graph.html", res.stdout)
    res = run_cli("build", str(DEV_REPORT), "-o", str(tmp_path / "b" / "g.ttl"), "--no-html")
    assert res.returncode == 0 and not (tmp_path / "b" / "g.html").exists()
    res = run_cli("build", "--html", "v.html", "--no-html", cwd=tmp_path)
    assert res.returncode == 2 and len(res.stderr.strip().splitlines()) == 1


@given(st.recursive(st.text() | st.integers() | st.none(), lambda inner: st.lists(inner, max_size=4), max_leaves=12))
def test_script_json_round_trips_and_cannot_close_the_element(value):
    text = script_json(value)
    assert json.loads(text) == value
    assert not set(text) & {"<", ">", "&", "\u2028", "\u2029"}


def test_physics_default_and_override(dev_graph, tmp_path):
    from mzgraph.view import PHYSICS_LIMIT, write_html

    assert to_networkx(dev_graph).number_of_nodes() <= PHYSICS_LIMIT
    on = write_html(dev_graph, tmp_path / "on.html")
    off = write_html(dev_graph, tmp_path / "off.html", physics=False)
    assert on.physics and page_json(tmp_path / "on.html")["physics"] is True
    assert not off.physics and page_json(tmp_path / "off.html")["physics"] is False


def test_timeout_stops_a_runaway_view_query(dev_graph_path, tmp_path):
    # --query runs through the same stoppable worker as `mzgraph query`, with its --timeout
    runaway = tmp_path / "runaway.rq"
    runaway.write_text("SELECT ?a WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }", encoding="utf-8")
    out = tmp_path / "v.html"
    res = run_cli("view", "--graph", str(dev_graph_path), "--query", str(runaway), "--timeout", "0.5", "-o", str(out))
    assert res.returncode == 2 and len(res.stderr.strip().splitlines()) == 1, res.stderr
    assert "timed out" in res.stderr and "Traceback" not in res.stderr
    assert not out.exists()
