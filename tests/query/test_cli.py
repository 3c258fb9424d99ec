"""`mzgraph query` end to end, as a user runs it."""

from __future__ import annotations

import csv
import io
import json
import shutil

from tests.conftest import run_cli
from tests.query.conftest import FIXTURE

G = ("--graph", str(FIXTURE))


def one_line_error(res, code: int, *needles: str) -> str:
    assert res.returncode == code, (res.returncode, res.stdout, res.stderr)
    lines = res.stderr.strip().splitlines()
    assert len(lines) == 1, res.stderr
    assert "Traceback" not in res.stderr
    for needle in needles:
        assert needle in lines[0], lines[0]
    return lines[0]


def test_help_has_an_example():
    res = run_cli("query", "--help")
    assert res.returncode == 0
    assert "Example" in res.stdout and "--name" in res.stdout


def test_list_names_every_question_with_a_description():
    res = run_cli("query", "--list")
    assert res.returncode == 0, res.stderr
    lines = res.stdout.splitlines()
    assert len(lines) >= 12
    names = [line.split()[0] for line in lines]
    assert "policies-by-issuer" in names and "entity-sentences" in names
    assert all(len(line.split(None, 1)[1]) > 20 for line in lines)
    assert "--param label=新余市" in res.stdout


def test_ready_question_as_an_aligned_table():
    res = run_cli("query", *G, "--name", "place-hierarchy")
    assert res.returncode == 0, res.stderr
    assert res.stdout.splitlines() == [
        "code    place   level     parentCode  parent",
        "------  ------  --------  ----------  ------",
        "360000  江西省  Province",
        "360100  南昌市  City      360000      江西省",
        "360500  新余市  City      360000      江西省",
        "360521  分宜县  County    360500      新余市",
        "(4 rows)",
    ]


def test_inline_query_with_declared_prefixes_as_csv():
    q = "SELECT ?l ?code WHERE { ?p a mz:City ; rdfs:label ?l ; mz:divisionCode ?code } ORDER BY ?code"
    res = run_cli("query", *G, q, "--format", "csv")
    assert res.returncode == 0, res.stderr
    assert list(csv.reader(io.StringIO(res.stdout))) == [["l", "code"], ["南昌市", "360100"], ["新余市", "360500"]]


def test_json_is_sparql_results_json():
    res = run_cli("query", *G, "--name", "policy-timeline", "--format", "json")
    assert res.returncode == 0, res.stderr
    doc = json.loads(res.stdout)
    assert doc["head"]["vars"] == ["year", "policy", "issuers", "issued"]
    row, issued = doc["results"]["bindings"]
    year = {"type": "literal", "value": "2019", "datatype": "http://www.w3.org/2001/XMLSchema#gYear"}
    assert row["year"] == year and "issued" not in row
    assert issued["issued"] == year
    assert row["policy"]["xml:lang"] == "zh"
    ask = json.loads(run_cli("query", *G, "ASK { ?p a mz:Policy }", "--format", "json").stdout)
    assert ask == {"head": {}, "boolean": True}


def test_tsv_and_markdown():
    tsv = run_cli("query", *G, "--name", "joint-policies", "--format", "tsv")
    assert tsv.stdout.splitlines()[0] == "policy\tissuers\tissuer"
    assert tsv.stdout.splitlines()[1].split("\t")[1:] == ["2", "江西省民政厅"]
    md = run_cli("query", *G, "--name", "joint-policies", "--format", "md")
    assert md.stdout.splitlines()[:2] == ["| policy | issuers | issuer |", "|---|---|---|"]


def test_param_binds_a_label_from_a_file(tmp_path):
    rq = tmp_path / "q.rq"
    rq.write_text(
        'SELECT ?code WHERE { VALUES ?name { "x" } ?p rdfs:label ?l ; mz:divisionCode ?code . '
        "FILTER(STR(?l) = ?name) }",
        encoding="utf-8",
    )
    res = run_cli("query", *G, "-f", str(rq), "--param", "name=分宜县", "--format", "csv")
    assert res.returncode == 0, res.stderr
    assert res.stdout.split() == ["code", "360521"]
    # a value that tries to break out of the string stays a string
    res = run_cli("query", *G, "-f", str(rq), "--param", 'name=x" } ?a ?b ?c . { "', "--format", "csv")
    assert res.returncode == 0, res.stderr
    assert res.stdout.split() == ["code"]
    one_line_error(run_cli("query", *G, "-f", str(rq), "--param", "nope=1"), 2, "VALUES ?nope")


def test_query_from_stdin():
    res = run_cli("query", *G, "-f", "-", "--format", "csv", input="SELECT (COUNT(*) AS ?n) WHERE { ?p a mz:Policy }")
    assert res.stdout.split() == ["n", "2"]


def test_malformed_query_gives_line_and_column():
    # the gate's parser points at the start of the pattern it could not read
    line = one_line_error(run_cli("query", *G, "SELECT ?s WHERE {\n  ?s ?p \n}"), 2, "malformed query", "line 2")
    assert "column 3" in line
    one_line_error(run_cli("query", *G, "--engine", "rdflib", "SELECT ?s WHERE {\n  ?s ?p \n}"), 2, "line")


def test_update_refused_unless_allowed():
    one_line_error(run_cli("query", *G, "INSERT DATA { mz:a mz:b mz:c }"), 2, "read-only", "--allow-update")
    one_line_error(run_cli("query", *G, "# comment\nPREFIX ex: <http://ex/>\nDELETE WHERE { ?s ?p ?o }"), 2, "DELETE")
    res = run_cli("query", *G, "--allow-update", "INSERT DATA { mz:a mz:b mz:c }")
    assert res.returncode == 0 and res.stdout == "update applied\n"


def test_service_refused_unless_allowed():
    q = "SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }"
    one_line_error(run_cli("query", *G, q), 2, "SERVICE", "--allow-service")


def test_timeout_stops_a_runaway_query():
    q = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
    one_line_error(run_cli("query", *G, "--timeout", "0.5", q), 2, "timed out")


def test_usage_errors():
    one_line_error(run_cli("query", *G), 2, "exactly one")
    one_line_error(run_cli("query", *G, "--name", "no-such-question"), 2, "no-such-question")
    one_line_error(run_cli("query", "--graph", "missing.ttl", "ASK {}"), 2, "missing.ttl")
    one_line_error(run_cli("query", *G, "--engine", "rdflib", "--store", "st", "ASK {}"), 2, "oxigraph")


def test_store_is_loaded_once_and_reloaded_when_the_graph_changes(tmp_path):
    graph = tmp_path / "g.ttl"
    shutil.copy(FIXTURE, graph)
    store = tmp_path / "store"
    count = "SELECT (COUNT(*) AS ?n) WHERE { ?p a mz:Policy }"
    first = run_cli("query", "--graph", str(graph), "--store", str(store), count, "--format", "csv")
    assert first.stdout.split() == ["n", "2"], first.stderr
    # an update through the store says that the store now differs from the graph file
    upd = run_cli(
        "query", "--graph", str(graph), "--store", str(store), "--allow-update", "INSERT DATA { mz:extra a mz:Policy }"
    )
    assert upd.returncode == 0, upd.stderr
    assert "differs from" in upd.stderr and "--keep-store" in upd.stderr
    # --keep-store answers from the changed store; so does the store on its own
    kept = run_cli("query", "--graph", str(graph), "--store", str(store), "--keep-store", count, "--format", "csv")
    assert kept.stdout.split() == ["n", "3"], kept.stderr
    alone = run_cli("query", "--store", str(store), count, "--format", "csv", cwd=tmp_path)
    assert alone.stdout.split() == ["n", "3"], alone.stderr
    # with the graph file named, the store never silently disagrees with it: reloaded, with a note
    again = run_cli("query", "--graph", str(graph), "--store", str(store), count, "--format", "csv")
    assert again.stdout.split() == ["n", "2"]
    assert "reloaded it from" in again.stderr and len(again.stderr.splitlines()) == 1
    quiet = run_cli("query", "--graph", str(graph), "--store", str(store), count, "--format", "csv")
    assert quiet.stdout.split() == ["n", "2"] and quiet.stderr == ""
    # a changed graph file replaces what the store held
    graph.write_text(graph.read_text(encoding="utf-8") + "\nmzr:p9 a mz:Policy .\n", encoding="utf-8")
    changed = run_cli("query", "--graph", str(graph), "--store", str(store), count, "--format", "csv")
    assert changed.stdout.split() == ["n", "3"]
    gone = run_cli("query", "--graph", str(graph), "--store", str(store), "ASK { mz:extra a mz:Policy }")
    assert gone.stdout == "false\n"


def test_output_file(tmp_path):
    out = tmp_path / "rows.csv"
    res = run_cli("query", *G, "--name", "programs-by-place", "--format", "csv", "-o", str(out))
    assert res.returncode == 0 and res.stdout == ""
    assert out.read_text(encoding="utf-8").splitlines()[0] == "code,place,program"


def test_a_failed_load_leaves_no_trusted_store(tmp_path):
    bad = tmp_path / "bad.ttl"
    bad.write_text("@prefix x: <http://x/> .\nx:a x:b x:c .\nx:d x:e\n", encoding="utf-8")
    store = tmp_path / "store"
    one_line_error(run_cli("query", "--graph", str(bad), "--store", str(store), "ASK { ?s ?p ?o }"), 2, "bad.ttl")
    res = run_cli("query", "--store", str(store), "ASK { ?s ?p ?o }", cwd=tmp_path)
    one_line_error(res, 2, "no complete graph")
