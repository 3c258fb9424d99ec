"""The runner's checks on query text: forms, refusals, parameter binding, error positions."""

from __future__ import annotations

import pytest

from mzgraph.errors import QueryError, UsageError
from mzgraph.query.gate import Policy, admit, parse
from mzgraph.query.runner import bind, values_parameters


@pytest.mark.parametrize(
    ("text", "form"),
    [
        ("SELECT * WHERE { ?s ?p ?o }", "SELECT"),
        ("# INSERT in a comment\nselect * { ?s ?p ?o }", "SELECT"),
        ("PREFIX ex: <http://ex/>\nBASE <http://b/>\nASK { ?s ex:p ?o }", "ASK"),
        ("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }", "CONSTRUCT"),
        ("DESCRIBE <https://w3id.org/mzgraph/resource/place/360500>", "DESCRIBE"),
        ("INSERT DATA { <a:a> <a:b> <a:c> }", "UPDATE"),
        ("prefix ex: <http://ex/> delete where { ?s ?p ?o }", "UPDATE"),
        ("WITH <a:g> DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }", "UPDATE"),
        ("CLEAR ALL", "UPDATE"),
    ],
)
def test_query_form(text, form):
    assert parse(text).form == form


@pytest.mark.parametrize(
    "text",
    [
        'SELECT * WHERE { ?s rdfs:label "SERVICE" }',
        "SELECT * WHERE { ?s <http://ex/SERVICE> ?o }",
        "SELECT ?service WHERE { ?service a mz:Program }  # SERVICE in a comment",
        "SELECT * WHERE { ?s mz:service ?o }",
        "SELECT * WHERE { ?s rdfs:label '''INSERT DATA { <a> <b> <c> }''' }",
    ],
)
def test_keywords_inside_strings_iris_names_and_comments_are_not_refused(text):
    assert admit(text).form == "SELECT"


@pytest.mark.parametrize(
    "text",
    [
        "SELECT * WHERE { SERVICE <http://ex/sparql> { ?s ?p ?o } }",
        "SELECT * WHERE { service silent <http://ex/sparql> { ?s ?p ?o } }",
        "SELECT * WHERE {SERVICE<http://ex/sparql>{ ?s ?p ?o }}",
    ],
)
def test_service_is_refused(text):
    with pytest.raises(QueryError, match="SERVICE"):
        admit(text)
    assert admit(text, Policy(allow_network=True)).services == ("http://ex/sparql",)


def test_updates_are_refused_and_load_needs_service_too():
    with pytest.raises(QueryError, match="read-only"):
        admit("DROP ALL")
    with pytest.raises(QueryError, match="LOAD"):
        admit("LOAD <http://ex/data.ttl>", Policy(allow_update=True))
    assert admit("LOAD <http://ex/data.ttl>", Policy(allow_update=True, allow_network=True)).operations == ("LOAD",)
    with pytest.raises(QueryError, match="empty"):
        admit("  # nothing\n")


def test_parameters_are_single_value_blocks():
    text = 'SELECT * { VALUES ?label { "新余市" } VALUES ?n { 3 } VALUES ?c { mz:City mz:County } }'
    assert values_parameters(text) == {"label": '"新余市"', "n": "3"}


def test_bind_escapes_strings_and_checks_numbers():
    text = 'SELECT * { VALUES ?label { "x" } VALUES ?n { 3 } }'
    assert bind(text, {"label": 'a"b\\c\nd'}) == 'SELECT * { VALUES ?label { "a\\"b\\\\c\\nd" } VALUES ?n { 3 } }'
    assert bind(text, {"n": "12.5"}) == 'SELECT * { VALUES ?label { "x" } VALUES ?n { 12.5 } }'
    with pytest.raises(UsageError, match="number"):
        bind(text, {"n": "3 } ?s ?p ?o {"})
    with pytest.raises(UsageError, match="no VALUES"):
        bind(text, {"c": "1"})


@pytest.mark.parametrize("engine", ["oxigraph", "rdflib"])
def test_error_positions_are_in_the_users_lines(fixture_kg, engine):
    import mzgraph
    from tests.query.conftest import FIXTURE

    kg = mzgraph.load(FIXTURE, engine=engine)
    with pytest.raises(QueryError, match=r"line [23],"):
        kg.query("SELECT ?s\nWHERE {\n  ?s ?p }")


def test_unknown_prefix_is_a_query_error(fixture_kg):
    with pytest.raises(QueryError):
        fixture_kg.query("SELECT * WHERE { ?s nope:p ?o }")


class _Endpointish:
    """A backend as a remote endpoint would be: query text in, rdflib terms out, no line mapping."""

    name = "endpoint"

    def __init__(self, inner):
        self.inner, self.seen = inner, []

    @property
    def graph(self):
        return self.inner.graph

    def select(self, query):
        self.seen.append(query)
        return self.inner.select(query)

    def ask(self, query):
        return self.inner.ask(query)

    def construct(self, query):
        return self.inner.construct(query)

    def update(self, query):
        raise QueryError("read-only endpoint")

    def __len__(self):
        return len(self.inner)


def test_another_backend_plugs_into_the_runner_and_the_notebook_api():
    from mzgraph.kg import KnowledgeGraph
    from mzgraph.query.store import Backend, RdflibBackend
    from tests.query.conftest import FIXTURE

    remote = _Endpointish(RdflibBackend.from_file(FIXTURE))
    assert isinstance(remote, Backend)
    kg = KnowledgeGraph(remote)
    assert list(kg.ready("programs-by-place")["program"]) == ["邻里中心", "颐养之家"]
    kg.query("SELECT * { ?s ?p ?o } LIMIT 1", timeout=None)  # in this process, so `seen` records it
    assert remote.seen[0].startswith("PREFIX mz: <https://w3id.org/mzgraph/ontology#>")
    with pytest.raises(QueryError, match="SERVICE"):
        kg.query("SELECT * { SERVICE <http://ex/> { ?s ?p ?o } }")
