"""``mzgraph report``: the page opens offline in real headless Chromium and its charts hold
exactly the numbers SPARQL gives for the same graph."""

from __future__ import annotations

import shutil
from collections import defaultdict

import pytest

from mzgraph.analytics.report import CHART_IDS
from mzgraph.rdf import load_graph
from tests.conftest import run_cli

PREFIXES = """PREFIX mz: <https://w3id.org/mzgraph/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX dcterms: <http://purl.org/dc/terms/>
"""
FIGURE_DATA_JS = """() => Object.fromEntries(Array.from(document.querySelectorAll('.plotly-graph-div')).map(el => [
    el.id,
    el.data.map(t => ({name: t.name, x: Array.from(t.x), y: Array.from(t.y), meta: t.meta || null,
                       customdata: t.customdata ? Array.from(t.customdata) : null}))]))"""


def _rows(graph, query):
    return [tuple(v.toPython() if v is not None else None for v in row) for row in graph.query(PREFIXES + query)]


def _expected(graph) -> dict:
    """What the charts must show, counted with SPARQL independently of the report code."""
    types = dict(
        _rows(
            graph,
            """SELECT ?c (COUNT(DISTINCT ?e) AS ?n) WHERE {
                 VALUES ?c { "Agency" "Policy" "AdministrativeArea" "Program" "Target" }
                 ?e a ?cls . FILTER(STR(?cls) = CONCAT(STR(mz:), ?c)) } GROUP BY ?c""",
        )
    )
    issuers = dict(
        _rows(
            graph,
            """SELECT ?l (COUNT(DISTINCT ?p) AS ?n) WHERE {
                 ?p a mz:Policy ; mz:issuedBy ?a . ?a rdfs:label ?l } GROUP BY ?a ?l""",
        )
    )
    timeline = defaultdict(dict)
    for kind, cls, prop in (
        ("Policy", "mz:Policy", "mz:year"),
        ("Target", "mz:Target", "mz:year"),
        ("Document", "mz:Document", "dcterms:date"),
    ):
        for year, n in _rows(
            graph,
            f"""SELECT ?y (COUNT(DISTINCT ?x) AS ?n) WHERE {{ ?x a {cls} ; {prop} ?d .
                 BIND(SUBSTR(STR(?d), 1, 4) AS ?y) }} GROUP BY ?y""",
        ):
            timeline[kind][year] = n
    # targets by place, keeping the innermost of nested places; groups of two or more places
    by_group = defaultdict(set)
    for target, ind, unit, place, value in _rows(
        graph,
        """SELECT DISTINCT ?t ?ind ?unit ?pl ?v WHERE {
             ?t a mz:Target ; mz:indicator ?ind ; mz:unit ?unit ; mz:value ?v .
             ?t mz:locatedIn ?place .
             ?place a mz:AdministrativeArea ; rdfs:label ?pl .
             FILTER NOT EXISTS {
               ?t mz:locatedIn ?inner . ?inner mz:partOf+ ?place }
           }""",
    ):
        by_group[(str(ind), str(unit))].add((str(target), str(place), float(value)))
    per_place = dict(
        _rows(
            graph,
            """SELECT ?l (COUNT(DISTINCT ?t) AS ?n) WHERE {
                 ?t a mz:Target ; mz:locatedIn ?p . ?p a mz:AdministrativeArea ; rdfs:label ?l } GROUP BY ?p ?l""",
        )
    )
    compared = {
        k: {(p, v) for _, p, v in pts}
        for k, pts in by_group.items()
        if len({p for _, p, _ in pts}) >= 2 and len({t for t, _, _ in pts}) >= 2
    }
    return {"types": types, "issuers": issuers, "timeline": dict(timeline), "places": per_place, "targets": compared}


@pytest.fixture(scope="module", params=["fixture", "dev"])
def built_report(request, tmp_path_factory):
    """(graph, report, which, graph file) for the small fixture graph, and for the development
    report's build run with the defaults (output/graph.ttl → output/report.html)."""
    work = tmp_path_factory.mktemp(f"report-{request.param}")
    if request.param == "fixture":
        graph_path, out = request.getfixturevalue("small_graph_path"), work / "report.html"
        res = run_cli("report", "--graph", str(graph_path), "-o", str(out), "--view", str(work / "graph.html"))
    else:
        graph_path, out = work / "output" / "graph.ttl", work / "output" / "report.html"
        graph_path.parent.mkdir()
        shutil.copy(request.getfixturevalue("dev_graph_path"), graph_path)
        res = run_cli("report", cwd=work)
        assert "output/report.html" in res.stdout
    assert res.returncode == 0, res.stderr
    return load_graph(graph_path), out, request.param, graph_path


def test_page_opens_offline_and_charts_hold_sparql_counts(browser, built_report, tmp_path):
    graph, report, which, _ = built_report
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    requests = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(report.as_uri())
    page.wait_for_load_state("load")
    page.wait_for_function(
        "Array.from(document.querySelectorAll('.plotly-graph-div')).every(el => el.querySelector('.main-svg'))"
    )
    shot = tmp_path / f"report-{which}.png"
    page.screenshot(path=str(shot), full_page=True)
    assert shot.stat().st_size > 20_000
    assert requests == [report.as_uri()], f"requests outside the file: {requests}"

    data = page.evaluate(FIGURE_DATA_JS)
    assert set(data) <= set(CHART_IDS) and "chart-types" in data
    want = _expected(graph)

    [types] = data["chart-types"]
    assert dict(zip(types["customdata"], types["y"], strict=True)) == want["types"]

    if want["issuers"]:
        [issuers] = data["chart-issuers"]
        assert dict(zip(issuers["y"], issuers["x"], strict=True)) == want["issuers"]
    else:
        assert "chart-issuers" not in data

    if any(want["timeline"].values()):
        got = {
            t["meta"]["kind"]: {int(x): y for x, y in zip(t["x"], t["y"], strict=True) if y}
            for t in data["chart-timeline"]
        }
        assert got == {k: {int(y): n for y, n in v.items()} for k, v in want["timeline"].items() if v}
    else:
        assert "chart-timeline" not in data

    if want["places"]:
        [places] = data["chart-places"]
        assert dict(zip(places["y"], places["x"], strict=True)) == want["places"]
    else:
        assert "chart-places" not in data

    if want["targets"]:
        got = {
            (t["meta"]["indicator"], t["meta"]["unit"]): set(zip(t["meta"]["places"], t["y"], strict=True))
            for t in data["chart-targets"]
        }
        assert len(got) == min(len(want["targets"]), 8)
        for key, points in got.items():
            assert points == want["targets"][key], key
    else:
        assert "chart-targets" not in data

    # counts are whole numbers: no axis of counts has a 0.5 tick
    for div_id, axis in (("chart-types", "y"), ("chart-places", "x"), ("chart-issuers", "x"), ("chart-timeline", "y")):
        if div_id in data:
            ticks = page.locator(f"#{div_id} .{axis}tick text").all_text_contents()
            assert ticks and all(t.replace(",", "").isdigit() for t in ticks), (div_id, ticks)
    # every chart drew bars, and the table links into the network view
    for div_id in data:
        assert page.locator(f"#{div_id} .point").count() > 0, div_id
    assert page.get_attribute("#view-link", "href") == "graph.html"
    links = page.locator("#top-entities a")
    assert links.count() == min(15, sum(want["types"].values()))
    assert links.first.get_attribute("href").startswith("graph.html#search=")
    page.close()


@pytest.mark.parametrize("built_report", ["fixture"], indirect=True)
def test_fixture_report_shows_the_known_comparison(browser, built_report):
    graph, report, which, _ = built_report
    page = browser.new_page()
    page.goto(report.as_uri())
    page.wait_for_function("document.querySelector('#chart-targets .main-svg')")
    data = page.evaluate(FIGURE_DATA_JS)
    [trace] = data["chart-targets"]
    assert trace["name"] == "农村互助养老服务设施(个)"
    assert dict(zip(trace["x"], trace["y"], strict=True)) == {"上饶市": 800, "新余市": 600}
    [places] = data["chart-places"]
    assert dict(zip(places["y"], places["x"], strict=True)) == {"新余市": 2, "上饶市": 1, "江西省": 1}
    page.close()


def test_dev_report_shows_the_figures_of_each_place(browser, dev_graph_path, tmp_path):
    # one report compares no indicator between places; the panel still says where its figures are
    out = tmp_path / "report.html"
    res = run_cli("report", "-g", str(dev_graph_path), "-o", str(out), "--view", "graph.html")
    assert res.returncode == 0, res.stderr
    page = browser.new_page()
    page.goto(out.as_uri())
    page.wait_for_function("document.querySelector('#chart-places .main-svg')")
    [places] = page.evaluate(FIGURE_DATA_JS)["chart-places"]
    assert dict(zip(places["y"], places["x"], strict=True)) == {"江西省": 22, "新余市": 4}
    assert page.locator("#chart-places .bars .point").count() == 2
    page.close()


def test_report_is_deterministic_and_atomic(built_report, tmp_path):
    _, first, _, graph_path = built_report
    again = tmp_path / "report.html"
    res = run_cli("report", "--graph", str(graph_path), "-o", str(again), "--view", str(tmp_path / "graph.html"))
    assert res.returncode == 0, res.stderr
    assert again.read_bytes() == first.read_bytes()
    assert [p.name for p in tmp_path.iterdir()] == ["report.html"]  # no temp file left behind


def test_report_errors_are_one_line(tmp_path, small_graph_path):
    res = run_cli("report", "--graph", str(tmp_path / "missing.ttl"), "-o", str(tmp_path / "r.html"))
    assert res.returncode == 2 and len(res.stderr.strip().splitlines()) == 1
    blocker = tmp_path / "file"
    blocker.write_text("x")
    res = run_cli("report", "--graph", str(small_graph_path), "-o", str(blocker / "r.html"))
    assert res.returncode != 0 and len(res.stderr.strip().splitlines()) == 1 and "Traceback" not in res.stderr
    assert not (tmp_path / "r.html").exists()
