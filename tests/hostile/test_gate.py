"""The SPARQL gate under attack: refusals that must hold on every path, work that must stop.

Every query below that reaches out names a local listener; a refusal counts only if the
listener saw no connection. Cases marked (issue 15) are the ones found by hand; the rest
hide SERVICE, LOAD, updates and remote graphs in other corners of the grammar.
"""

from __future__ import annotations

import os

import pytest

import mzgraph
from mzgraph.errors import QueryError, UsageError
from mzgraph.query.gate import Policy, admit
from tests.conftest import run_cli
from tests.hostile.sparql import Listener
from tests.query.conftest import FIXTURE


@pytest.fixture(scope="module")
def listener():
    lst = Listener()
    yield lst
    lst.sock.close()


# (name, query, options the query needs besides the network, what the refusal names)
REACHING_OUT = [
    ("escaped-hash-then-service (issue 15)",
     r"PREFIX ex: <http://e/> SELECT * WHERE { ?s ex:a\# ?o . SERVICE <{url}> { ?a ?b ?c } }", {}, "SERVICE"),
    ("escaped-quote-then-service (issue 15)",
     r"PREFIX ex: <http://e/> SELECT * WHERE { ?s ex:a\' ?o . SERVICE <{url}> { ?a ?b ?c } }", {}, "SERVICE"),
    ("escaped-dquote-then-service",
     r"PREFIX ex: <http://e/> SELECT * WHERE { ?s ex:a\" ?o . SERVICE <{url}> { ?a ?b ?c } }", {}, "SERVICE"),
    ("escaped-quote-then-load (issue 15)",
     r"PREFIX ex: <http://e/> INSERT DATA { ex:a\' ex:b ex:c } ; LOAD <{url}>", {"allow_update": True}, "LOAD"),
    ("escaped-hash-then-load (issue 15)",
     "PREFIX ex: <http://e/> INSERT DATA { ex:a\\# ex:b ex:c } ;\nLOAD <{url}>", {"allow_update": True}, "LOAD"),
    ("service-in-exists", "SELECT * { ?s ?p ?o FILTER EXISTS { SERVICE <{url}> { } } }", {}, "SERVICE"),
    ("service-in-not-exists", "ASK { FILTER NOT EXISTS { SERVICE <{url}> { ?s ?p ?o } } }", {}, "SERVICE"),
    ("service-in-subquery", "SELECT * { { SELECT * { SERVICE SILENT <{url}> { ?s ?p ?o } } } }", {}, "SERVICE"),
    ("service-in-optional", "ASK { OPTIONAL { SERVICE <{url}> { ?s ?p ?o } } }", {}, "SERVICE"),
    ("service-in-minus", "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o MINUS { SERVICE <{url}> { ?s ?p ?o } } }", {},
     "SERVICE"),
    ("service-in-union", "SELECT * { { ?s ?p ?o } UNION { SERVICE <{url}> { ?s ?p ?o } } }", {}, "SERVICE"),
    ("service-in-describe", "DESCRIBE ?s WHERE { SERVICE <{url}> { ?s ?p ?o } }", {}, "SERVICE"),
    ("service-mixed-case", "sElEcT * { sErViCe <{url}> { } }", {}, "SERVICE"),
    ("service-after-string-with-quote", "SELECT * { ?s ?p 'a\\'' . SERVICE <{url}> { } }", {}, "SERVICE"),
    ("service-after-long-string-with-hash", "SELECT * { ?s ?p '''#''' . SERVICE <{url}> { } }", {}, "SERVICE"),
    ("service-split-by-comments", "#c\nSELECT * { SERVICE #x\n<{url}> #y\n{ } }", {}, "SERVICE"),
    ("service-variable-endpoint", "SELECT * { VALUES ?e { <{url}> } SERVICE ?e { } }", {}, "SERVICE ?e"),
    ("service-prefixed-endpoint", "PREFIX r: <{url}#> SELECT * { SERVICE r:x { } }", {}, "SERVICE"),
    ("service-unicode-escaped-keyword", r"SELECT * { \u0053ERVICE <{url}> { } }", {}, "SERVICE"),
    ("service-in-update-where",
     "INSERT { ?s ?p ?o } WHERE { SERVICE <{url}> { ?s ?p ?o } }", {"allow_update": True}, "SERVICE"),
    ("load", "LOAD <{url}>", {"allow_update": True}, "LOAD"),
    ("load-silent-into", "LOAD SILENT <{url}> INTO GRAPH <urn:g>", {"allow_update": True}, "LOAD"),
    ("remote-from", "SELECT * FROM <{url}> { ?s ?p ?o }", {}, "FROM"),
    ("remote-from-named", "SELECT * FROM NAMED <{url}> { GRAPH ?g { ?s ?p ?o } }", {}, "FROM"),
    ("remote-using", "DELETE { ?s ?p ?o } USING <{url}> WHERE { ?s ?p ?o }", {"allow_update": True}, "FROM/USING"),
]  # fmt: skip

UPDATES = [
    ("insert-data", "INSERT DATA { <urn:a> <urn:b> <urn:c> }", "INSERT DATA"),
    ("delete-where", "DELETE WHERE { ?s ?p ?o }", "DELETE WHERE"),
    ("clear-all", "CLEAR ALL", "CLEAR"),
    ("drop-after-comment-with-select", "# SELECT * { }\nDROP ALL", "DROP"),
    ("with-modify", "WITH <urn:g> DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }", "DELETE/INSERT"),
    ("prefix-then-insert", "PREFIX ex: <http://e/a#> INSERT DATA { ex:a\\# ex:b ex:c }", "INSERT DATA"),
    ("create", "CREATE GRAPH <urn:g>", "CREATE"),
    ("copy", "COPY DEFAULT TO <urn:g>", "COPY"),
]


def _ids(cases):
    return [c[0] for c in cases]


@pytest.fixture(scope="module", params=["oxigraph", "rdflib"])
def kg(request):
    return mzgraph.load(FIXTURE, engine=request.param)


@pytest.mark.parametrize(("name", "template", "needs", "names"), REACHING_OUT, ids=_ids(REACHING_OUT))
def test_reaching_out_is_refused_by_kg_query(kg, listener, name, template, needs, names):
    query = template.replace("{url}", listener.url)
    before = listener.hits
    with pytest.raises(QueryError) as refused:
        kg.query(query, **needs)
    message = str(refused.value)
    assert "\n" not in message
    assert message.startswith("refused:"), message
    assert names in message
    assert listener.settled_hits() == before, f"{name}: the engine connected"


@pytest.mark.parametrize(("name", "template", "needs", "names"), REACHING_OUT, ids=_ids(REACHING_OUT))
def test_the_gate_alone_refuses_and_the_flag_admits(name, template, needs, names):
    query = template.replace("{url}", "http://127.0.0.1:9/sparql")
    with pytest.raises(QueryError, match="^refused: "):
        admit(query, Policy(local_graphs=frozenset(), **needs))
    parsed = admit(query, Policy(allow_network=True, **needs))
    assert parsed.services or parsed.loads or parsed.datasets


@pytest.mark.parametrize(("name", "query", "operation"), UPDATES, ids=_ids(UPDATES))
def test_updates_are_refused_without_the_flag(kg, name, query, operation):
    before = len(kg)
    with pytest.raises(QueryError, match=f"refused: {operation} is a SPARQL Update"):
        kg.query(query)
    assert len(kg) == before


@pytest.mark.parametrize("engine", ["oxigraph", "rdflib"])
@pytest.mark.parametrize("case", [0, 1, 3], ids=["escaped-hash-service", "escaped-quote-service", "escaped-load"])
def test_cli_refuses_with_one_line_and_no_connection(listener, engine, case):
    _, template, needs, _ = REACHING_OUT[case]
    args = ["--allow-update"] if needs.get("allow_update") else []
    res = run_cli("query", "-g", str(FIXTURE), "--engine", engine, *args, template.replace("{url}", listener.url))
    assert res.returncode == 2, res.stderr
    assert len(res.stderr.strip().splitlines()) == 1 and "Traceback" not in res.stderr
    assert listener.settled_hits() == listener.hits


def test_the_listener_does_see_an_allowed_service(listener):
    """The refusal tests above would notice a connection: an allowed SERVICE makes one."""
    kg = mzgraph.load(FIXTURE)
    before = listener.hits
    with pytest.raises(QueryError):  # the listener answers nothing
        kg.query(f"SELECT * {{ SERVICE <{listener.url}> {{ ?s ?p ?o }} }}", allow_service=True, timeout=20)
    assert listener.settled_hits() > before


# --- errors a user meets --------------------------------------------------------------


def test_undeclared_prefix_names_it(kg):
    with pytest.raises(QueryError, match=r"^unknown prefix foaf: — declare it with PREFIX"):
        kg.query("SELECT * WHERE { ?s foaf:name ?o }")


def test_cli_undeclared_prefix_is_one_line():
    res = run_cli("query", "-g", str(FIXTURE), "SELECT * WHERE {\n ?s foaf:name ?o }")
    assert res.returncode == 2
    assert res.stderr == "error: unknown prefix foaf: — declare it with PREFIX foaf: <…>\n"


@pytest.mark.parametrize(
    "query",
    [
        "SELECT * WHERE { GRAPH ?g { ?s ?p ?o } }",
        "SELECT * FROM NAMED <urn:g> WHERE { GRAPH ?g { ?s ?p ?o } }",
        "SELECT * FROM <urn:g> WHERE { ?s ?p ?o }",
    ],
)
def test_rdflib_engine_with_named_graphs_is_one_line(query):
    res = run_cli("query", "-g", str(FIXTURE), "--engine", "rdflib", "--allow-service", query)
    assert res.returncode == 2, res.stdout
    assert res.stderr.startswith("error: the rdflib engine holds one graph")
    assert len(res.stderr.splitlines()) == 1


def test_ready_question_with_a_parameter_needs_it():
    res = run_cli("query", "-g", str(FIXTURE), "--name", "entity-sentences")
    assert res.returncode == 2
    assert "needs --param label=VALUE" in res.stderr and "新余市" in res.stderr
    ok = run_cli("query", "-g", str(FIXTURE), "--name", "entity-sentences", "--param", "label=分宜县")
    assert ok.returncode == 0 and "分宜县" in ok.stdout


@pytest.mark.parametrize(
    "query",
    [
        "",
        "   # only a comment\n",
        "PREFIX ex: <http://e/>",
        "SELECT * WHERE { " + "{ " * 300 + "?s ?p ?o" + " }" * 300 + " }",  # deep but valid: parses
        "SELECT * WHERE { " + " . ".join(f"?s <urn:p{i}> ?o{i}" for i in range(3000)) + " }",  # long block
        "SELECT * WHERE { ?s ?p '" + "x" * 500_000 + "' }",
        "SELECT * WHERE { " + "(" * 5000 + " }",
        "SELECT * WHERE { VALUES ?x { -2.5 } }",  # rdflib's parse action raises TypeError
        "SELECT * { ?s ?p '\\U0010FFFF' }",
    ],
    ids=[
        "empty",
        "comment",
        "prologue-only",
        "nested-300",
        "block-3000",
        "long-literal",
        "unbalanced",
        "negative-decimal-value",
        "last-code-point",
    ],  # fmt: skip
)
def test_odd_shapes_give_an_answer_or_one_line(kg, query):
    # a timeout is one line too: Oxigraph plans the 3000-pattern block for longer than any
    # bound, so a longer one only burns a core of the suite (60 s did)
    try:
        kg.query(query, timeout=10)
    except QueryError as exc:
        assert "\n" not in str(exc)


def test_a_query_over_the_size_limit_is_refused_before_parsing():
    with pytest.raises(QueryError, match="query too long"):
        admit("SELECT * { ?s ?p '" + "x" * (1 << 20) + "' }")


# --- work that stops ------------------------------------------------------------------

CROSS = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    # a killed child not yet reaped is a zombie: gone for every purpose here
    with open(f"/proc/{pid}/stat") as f:
        return f.read().split(") ", 1)[1][0] != "Z"


@pytest.mark.parametrize("engine", ["oxigraph", "rdflib"])
def test_kg_timeout_stops_the_query_and_frees_its_process(engine):
    from mzgraph.query.worker import worker_for

    kg = mzgraph.load(FIXTURE, engine=engine)
    assert len(kg.query("SELECT * { ?s ?p ?o } LIMIT 3")) == 3  # the worker is up
    pid = worker_for(kg.backend).pid
    assert pid is not None and pid != os.getpid()
    with pytest.raises(QueryError, match="timed out after 1 s and was stopped"):
        kg.query(CROSS, timeout=1)
    assert not _alive(pid)
    assert len(kg.query("SELECT * { ?s ?p ?o } LIMIT 2")) == 2  # a fresh worker answers
    assert worker_for(kg.backend).pid not in (None, pid)


def test_kg_query_has_a_timeout_by_default():
    import inspect

    from mzgraph.kg import KnowledgeGraph
    from mzgraph.query.runner import DEFAULT_TIMEOUT

    assert inspect.signature(KnowledgeGraph.query).parameters["timeout"].default == DEFAULT_TIMEOUT > 0


def test_cli_timeout_stops_with_one_line():
    res = run_cli("query", "-g", str(FIXTURE), "--timeout", "1", CROSS)
    assert res.returncode == 2
    assert res.stderr == "error: query timed out after 1 s and was stopped (raise --timeout)\n"


def test_row_cap(kg):
    frame = kg.query("SELECT * { ?s ?p ?o }", max_rows=5)
    assert len(frame) == 5 and frame.attrs["truncated"]
    small = kg.query("SELECT * { ?s ?p ?o } LIMIT 3", max_rows=5)
    assert len(small) == 3 and not small.attrs["truncated"]


def test_cli_row_cap_warns():
    res = run_cli("query", "-g", str(FIXTURE), "--max-rows", "4", "--format", "csv", "SELECT ?s { ?s ?p ?o }")
    assert res.returncode == 0
    assert len(res.stdout.splitlines()) == 5  # header + 4
    assert res.stderr == "warning: more results matched; showing the first 4 (--max-rows)\n"


def test_a_read_only_store_query_is_stopped_too(tmp_path):
    kg = mzgraph.load(FIXTURE, store=tmp_path / "store")
    with pytest.raises(QueryError, match="timed out"):
        kg.query(CROSS, timeout=1)
    with pytest.raises(QueryError, match="read-only"):
        kg.query("INSERT DATA { <urn:a> <urn:b> <urn:c> }", allow_update=True)
    writable = mzgraph.load(FIXTURE, store=tmp_path / "store2", writable=True)
    writable.query("INSERT DATA { <urn:a> <urn:b> <urn:c> }", allow_update=True)
    assert writable.query("ASK { <urn:a> <urn:b> <urn:c> }", timeout=None)["boolean"][0]


def test_params_cannot_change_the_query_structure(kg):
    evil = '"} SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } VALUES ?x {"'
    frame = kg.query('SELECT ?label { VALUES ?label { "x" } }', params={"label": evil})
    assert list(frame["label"]) == [evil]
    with pytest.raises(UsageError):
        kg.query("SELECT ?n { VALUES ?n { 3 } }", params={"n": "3 } SERVICE <x:y> { } VALUES ?m { 1"})


# --- codepoint escapes: one reading for every engine -------------------------------------

CODEPOINT_SPLITS = [
    # rdflib expands \u0027 before parsing (the string ends, the rest is a comment); Oxigraph
    # would read it inside the string and run the SERVICE after it
    ("quote-ends-string", "SELECT * { ?s ?p 'x\\u0027 . } # ' SERVICE <{url}> { ?a ?b ?c } }"),
    ("dquote-ends-string", 'SELECT * { ?s ?p "x\\u0022 . } # " SERVICE <{url}> { ?a ?b ?c } }'),
]


@pytest.mark.parametrize(("name", "template"), CODEPOINT_SPLITS, ids=[c[0] for c in CODEPOINT_SPLITS])
def test_the_engine_runs_the_text_the_gate_judged(kg, listener, name, template):
    before = listener.hits
    kg.query(template.replace("{url}", listener.url), timeout=20)
    assert listener.settled_hits() == before, f"{name}: the engine read another query than the gate"


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("SELECT * { ?s ?p '\\u00410041' }", "\\u00410041 is not a character"),
        ("SELECT * { ?s ?p '\\uD800' }", "\\uD800 is not a character (a lone surrogate)"),
        ("SELECT * { ?s ?p '\\u005Cu0027' }", "an escape spells another escape"),
    ],
    ids=["beyond-unicode", "lone-surrogate", "escape-of-escape"],
)
def test_bad_codepoint_escapes_are_one_line(query, message):
    res = run_cli("query", "-g", str(FIXTURE), query)
    assert res.returncode == 2
    assert res.stderr.startswith("error: malformed query: ") and message in res.stderr
    assert res.stderr.count("\n") == 1


def test_a_short_fuzz_of_the_gate():
    """A few hundred generated texts in the normal test run; benchmarks/gate_fuzz.py runs for minutes."""
    from collections import Counter

    from hypothesis import HealthCheck, given, settings

    from tests.hostile import sparql

    counts: Counter = Counter()
    violations: list[str] = []
    port = sparql.Listener()

    @settings(max_examples=150, deadline=None, database=None, suppress_health_check=list(HealthCheck))
    @given(sparql.texts)
    def check(template: str) -> None:
        sparql.judge(template.replace("{url}", port.url), port, counts, violations)

    check()
    port.sock.close()
    assert not violations, violations[:3]
    assert counts["accepted"] and counts["refused SERVICE"] and counts["malformed"]
