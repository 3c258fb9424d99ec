"""The workbench in real headless Chromium, against a real `mzgraph serve`, used as a researcher would."""

from __future__ import annotations

import json
import re
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

from tests.conftest import run_cli
from tests.view.conftest import SCRIPT_BREAK, XSS_ALERT, XSS_FLAG
from tests.workbench.conftest import FORMULA

TABLE_ROWS = """() => Array.from(document.querySelectorAll('#wb-results-table tbody tr')).map(tr =>
    Array.from(tr.cells).map(td => { const a = td.querySelector('a'); return a ? a.dataset.iri : td.textContent; }))"""
PLACES = "SELECT ?place ?label WHERE { ?place a mz:AdministrativeArea ; rdfs:label ?label } ORDER BY ?label"
AGENCIES = "SELECT ?agency ?label WHERE { ?agency a mz:Agency ; rdfs:label ?label } ORDER BY ?agency"


def _cli_rows(graph: Path, *args: str) -> list[list[str]]:
    """What `mzgraph query ... --format json` answers, as rows of plain values."""
    res = run_cli("query", *args, "--graph", str(graph), "--format", "json")
    assert res.returncode == 0, res.stderr
    doc = json.loads(res.stdout)
    return [[b[v]["value"] if v in b else "" for v in doc["head"]["vars"]] for b in doc["results"]["bindings"]]


def _wait_rows(page) -> None:
    page.wait_for_function("() => workbench.ready && /rows? in/.test(document.getElementById('wb-status').textContent)")


def _run(page, query: str) -> None:
    page.fill("#wb-editor", query)
    page.click("#wb-run")
    _wait_rows(page)


def _open_entity(page):
    """Wait for the entity page and its network frame to be drawn; return the frame."""
    page.wait_for_selector("#wb-entity-body:not([hidden])")
    network = page.wait_for_selector("#wb-network[src*='/workbench/network']")
    network.scroll_into_view_if_needed()  # Chromium does not load a frame far out of view
    frame = network.content_frame()
    frame.wait_for_load_state("load")
    frame.wait_for_function("() => window.mzgraph && window.mzgraph.ready === true", timeout=60_000)
    return frame


def test_a_ready_question_shows_the_rows_query_prints(open_workbench, served):
    opened = open_workbench(served)
    page = opened.page
    assert page.locator("#wb-question-list button").count() >= 15
    page.click("#wb-question-list button[data-name='targets-by-place']")
    _wait_rows(page)
    assert page.inner_text("#wb-question-description").startswith("What figures are reported for each place?")
    assert page.evaluate(TABLE_ROWS) == _cli_rows(served.graph, "--name", "targets-by-place")
    assert page.eval_on_selector_all("#wb-results-table th", "ths => ths.map(t => t.dataset.var)") == [
        "place", "indicator", "value", "unit", "year", "figure"
    ]  # fmt: skip
    opened.assert_clean()


def test_a_question_asks_for_its_parameter(open_workbench, served):
    opened = open_workbench(served)
    page = opened.page
    page.click("#wb-question-list button[data-name='entity-sentences']")
    assert "label" in page.inner_text("#wb-status")
    assert page.evaluate(TABLE_ROWS) == []  # nothing ran for a default the user did not give
    page.fill("#wb-param-form input[data-param='label']", "上饶市")
    page.click("#wb-param-form button[type='submit']")
    _wait_rows(page)
    want = _cli_rows(served.graph, "--name", "entity-sentences", "--param", "label=上饶市")
    assert want and page.evaluate(TABLE_ROWS) == want
    assert 'VALUES ?label { "上饶市" }' in page.input_value("#wb-editor")
    opened.assert_clean()


def test_prefixes_are_shown_and_written_out(open_workbench, served):
    opened = open_workbench(served)
    page = opened.page
    page.click("#wb-prefixes summary")
    page.click("#wb-prefix-list button:text-is('mz: <https://w3id.org/mzgraph/ontology#>')")
    assert page.input_value("#wb-editor").startswith("PREFIX mz: <https://w3id.org/mzgraph/ontology#>\n")
    _run(page, page.input_value("#wb-editor"))  # the default query, with the prefix written out, runs
    assert len(page.evaluate(TABLE_ROWS)) > 3
    opened.assert_clean()


def test_sorting_a_column(open_workbench, served):
    opened = open_workbench(served)
    page = opened.page
    page.click("#wb-question-list button[data-name='targets-by-place']")
    _wait_rows(page)
    value = "#wb-results-table th[data-var='value']"
    page.click(f"{value} button")
    assert page.get_attribute(value, "aria-sort") == "ascending"
    values = [float(r[2]) for r in page.evaluate(TABLE_ROWS)]
    assert values == sorted(values) and values[0] < values[-1]  # as numbers, not as text ("6" < "383")
    page.click(f"{value} button")
    assert page.get_attribute(value, "aria-sort") == "descending"
    assert [float(r[2]) for r in page.evaluate(TABLE_ROWS)] == sorted(values, reverse=True)
    page.click("#wb-results-table th[data-var='indicator'] button")
    assert page.get_attribute(value, "aria-sort") == "none"
    rows = page.evaluate(TABLE_ROWS)
    assert sorted(map(tuple, rows)) == sorted(map(tuple, _cli_rows(served.graph, "--name", "targets-by-place")))
    opened.assert_clean()


def test_an_entity_page_from_a_result_link(open_workbench, served):
    opened = open_workbench(served)
    page = opened.page
    _run(page, PLACES)
    page.click("#wb-results-table a:text-is('mzr:place/360500')")
    frame = _open_entity(page)
    assert page.inner_text("#wb-entity-label") == "新余市"
    assert "新余" in page.inner_text("#wb-entity-facts")
    out = page.inner_text("#wb-relations tr[data-direction='out']")
    assert "partOf" in out and "江西省" in out
    incoming = page.locator("#wb-relations tr[data-direction='in']")
    assert incoming.count() >= 4 and "locatedIn" in incoming.first.inner_text()
    # every sentence naming it, each once, with its document, and the names marked
    sentences = page.eval_on_selector_all("#wb-sentences td[data-document]", "tds => tds.map(t => t.textContent)")
    want = _cli_rows(served.graph, "--name", "entity-sentences", "--param", "label=新余市")
    assert sentences == [row[5] for row in want]
    documents = page.eval_on_selector_all("#wb-sentences td[data-document]", "tds => tds.map(t => t.dataset.document)")
    assert documents == [row[2] for row in want]
    marks = page.eval_on_selector_all("#wb-sentences mark", "ms => ms.map(m => m.textContent)")
    assert set(marks) == {"新余市", "新余"}  # the forms naming it in each sentence, not 新余方案's 新余
    # the network of its neighbourhood: the view's page, drawn in the frame
    labels = frame.evaluate("mzgraph.data.nodes.map(r => r[0])")
    assert (
        "新余市" in labels
        and "江西省" in labels
        and len(labels)
        == 1
        + len({r[2] for r in page.evaluate("workbench.entity.relations.map(r => [r.direction, r.predicate, r.other])")})
    )
    # a related entity is one click away, and Back returns
    page.click("#wb-relations a:text-is('江西省')")
    page.wait_for_function("() => document.getElementById('wb-entity-label').textContent === '江西省'")
    page.go_back()
    page.wait_for_function("() => document.getElementById('wb-entity-label').textContent === '新余市'")
    opened.assert_clean()


def test_find_an_entity_by_name(open_workbench, served):
    opened = open_workbench(served)
    page = opened.page
    page.fill("#wb-find", "民政")  # 民政部 and 江西省民政厅: a list to choose from
    page.press("#wb-find", "Enter")
    page.click("#wb-find-results a:text-is('江西省民政厅')")
    _open_entity(page)
    assert page.inner_text("#wb-entity-label") == "江西省民政厅"
    assert page.locator("#wb-find-results li").count() == 0
    page.fill("#wb-find", "新余")  # one entity only: opened at once
    page.press("#wb-find", "Enter")
    page.wait_for_function("() => document.getElementById('wb-entity-label').textContent === '新余市'")
    assert re.search(r"#entity=https%3A%2F%2Fw3id.org%2Fmzgraph%2Fresource%2Fplace%2F360500$", page.url)
    page.fill("#wb-find", "没有这个名字")
    page.press("#wb-find", "Enter")
    page.wait_for_selector("#wb-find-results li:text-is('no entity is named like “没有这个名字”')")
    opened.assert_clean()


def test_downloads_hold_what_query_writes(open_workbench, served_hostile, tmp_path):
    opened = open_workbench(served_hostile)
    page = opened.page
    _run(page, AGENCIES)
    for button, fmt in (("#wb-csv", "csv"), ("#wb-json", "json")):
        with page.expect_download() as info:
            page.click(button)
        saved = tmp_path / info.value.suggested_filename
        info.value.save_as(saved)
        assert saved.name == f"results.{fmt}"
        cli = run_cli("query", AGENCIES, "--graph", str(served_hostile.graph), "--format", fmt)
        assert saved.read_text(encoding="utf-8").splitlines() == cli.stdout.splitlines()
        # the csv cell gets a leading ' (a spreadsheet shows it as text); json keeps the value
        cell = "\"'" + FORMULA.replace('"', '""') if fmt == "csv" else '"' + FORMULA.replace('"', '\\"')
        assert cell in saved.read_text(encoding="utf-8")
    opened.assert_clean()


def test_hostile_labels_stay_text(open_workbench, served_hostile):
    opened = open_workbench(served_hostile)
    page = opened.page
    _run(page, AGENCIES)
    cells = [row[1] for row in page.evaluate(TABLE_ROWS)]
    assert XSS_ALERT in cells and XSS_FLAG in cells and FORMULA in cells
    page.click("#wb-results-table a:text-is('mzr:agency/x1')")
    frame = _open_entity(page)
    assert page.inner_text("#wb-entity-label") == XSS_ALERT
    assert XSS_FLAG in page.inner_text("#wb-entity-facts")
    assert SCRIPT_BREAK in page.inner_text("#wb-sentences")
    assert page.locator("img").count() == 0 and page.locator("main script").count() == 0
    assert XSS_ALERT in frame.evaluate("mzgraph.data.nodes.map(r => r[0])")
    assert frame.locator("img").count() == 0
    assert page.evaluate("window.__pwned") is None and frame.evaluate("window.__pwned") is None
    opened.assert_clean()


def test_a_bad_query_shows_the_endpoints_one_line_answer(open_workbench, served):
    opened = open_workbench(served)
    page = opened.page
    bad = "SELECT ?x WHERE { ?x mz:label"
    page.fill("#wb-editor", bad)
    page.click("#wb-run")
    page.wait_for_function(
        "() => workbench.ready && document.getElementById('wb-status').classList.contains('wb-error')"
    )
    data = urllib.parse.urlencode({"query": bad}).encode()
    with pytest.raises(urllib.error.HTTPError) as answer:
        urllib.request.urlopen(urllib.request.Request(served.url + "/sparql", data=data), timeout=30)
    said = answer.value.read().decode("utf-8").strip()
    assert said and "\n" not in said
    assert page.inner_text("#wb-status") == said
    assert page.evaluate(TABLE_ROWS) == []
    # the browser logs the 400 answer itself; nothing else may fail
    assert all("status of 400" in e for e in opened.errors), opened.errors
    opened.errors.clear()
    opened.assert_clean()


def test_a_long_answer_shows_its_first_rows_and_sorts_all(open_workbench, served):
    opened = open_workbench(served)
    page = opened.page
    _run(page, "SELECT ?s ?p ?o WHERE { ?s ?p ?o }")
    total = len(_cli_rows(served.graph, "SELECT ?s ?p ?o WHERE { ?s ?p ?o }"))
    assert total > 1000
    assert page.inner_text("#wb-status").startswith(f"{total} rows in ")
    assert "the first 1000 shown" in page.inner_text("#wb-status")
    assert len(page.evaluate(TABLE_ROWS)) == 1000
    page.click("#wb-results-table th[data-var='o'] button")
    page.click("#wb-results-table th[data-var='o'] button")  # descending
    # the first row is the largest of ALL rows, not only of the 1000 drawn before sorting
    largest = page.evaluate(
        """() => { const c = new Intl.Collator('zh', {numeric: true});
                   return workbench.result.results.bindings.map(b => b.o.value)
                       .reduce((a, b) => c.compare(a, b) >= 0 ? a : b); }"""
    )
    assert page.evaluate(TABLE_ROWS)[0][2] == largest
    opened.assert_clean()
