"""Output formats: alignment of Chinese text, SPARQL Results JSON, CSV, TSV, Markdown."""

from __future__ import annotations

import json

from rdflib import Literal, URIRef
from rdflib.namespace import XSD

from mzgraph.query.formats import format_result
from mzgraph.query.runner import QueryResult
from mzgraph.terminal import display_width

RESULT = QueryResult(
    "select",
    variables=["place", "value", "note"],
    rows=[
        (
            URIRef("https://w3id.org/mzgraph/resource/place/360500"),
            Literal("1200", datatype=XSD.decimal),
            Literal("新余市", lang="zh"),
        ),
        (URIRef("http://example.org/x"), Literal("35", datatype=XSD.integer), Literal("a\tb\nc|d")),
        (URIRef("http://example.org/y"), None, None),
    ],
)


def test_display_width_counts_wide_characters_twice():
    assert display_width("abc") == 3
    assert display_width("新余市") == 6
    assert display_width("\uff081200个\uff09") == 10  # fullwidth parentheses are wide too
    assert display_width("e\u0301") == 1  # a combining accent takes no column


def test_table_columns_line_up_in_display_columns():
    assert format_result(RESULT, "table").splitlines() == [
        "place                 value  note",
        "--------------------  -----  -------",
        "mzr:place/360500       1200  新余市",
        "http://example.org/x     35  a b⏎c|d",
        "http://example.org/y",
        "(3 rows)",
    ]


def test_json_follows_sparql_results_json():
    doc = json.loads(format_result(RESULT, "json"))
    assert doc["head"]["vars"] == ["place", "value", "note"]
    first, second, third = doc["results"]["bindings"]
    assert first["place"] == {"type": "uri", "value": "https://w3id.org/mzgraph/resource/place/360500"}
    assert first["value"] == {"type": "literal", "value": "1200", "datatype": str(XSD.decimal)}
    assert first["note"] == {"type": "literal", "value": "新余市", "xml:lang": "zh"}
    assert second["note"] == {"type": "literal", "value": "a\tb\nc|d"}
    assert third == {"place": {"type": "uri", "value": "http://example.org/y"}}


def test_csv_tsv_md():
    assert format_result(RESULT, "csv").split("\r\n")[:2] == [
        "place,value,note",
        "https://w3id.org/mzgraph/resource/place/360500,1200,新余市",
    ]
    tsv = format_result(RESULT, "tsv").splitlines()
    assert tsv[2] == "http://example.org/x\t35\ta\\tb\\nc|d"
    assert tsv[3] == "http://example.org/y\t\t"
    md = format_result(RESULT, "md").splitlines()
    assert md[3] == "| http://example.org/x | 35 | a\tb<br>c\\|d |"


def test_ask_and_construct():
    assert format_result(QueryResult("ask", boolean=True), "table") == "true\n"
    assert json.loads(format_result(QueryResult("ask", boolean=False), "json")) == {"head": {}, "boolean": False}
    s = URIRef("https://w3id.org/mzgraph/resource/place/360500")
    ttl = format_result(QueryResult("construct", triples=[(s, URIRef(str(XSD) + "p"), Literal("x"))]), "table")
    assert "mzr:place\\/360500" in ttl or "place/360500" in ttl
