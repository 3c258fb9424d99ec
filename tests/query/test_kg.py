"""The notebook API: mzgraph.load, KnowledgeGraph.query/entities/describe/graph."""

from __future__ import annotations

import gc

import pandas as pd
import pytest
from rdflib import Graph, URIRef

import mzgraph
from mzgraph.errors import QueryError, UsageError
from mzgraph.kg import EntityNotFound
from mzgraph.query.ready import ready_questions
from tests.query.conftest import FIXTURE, rows

XINYU = "https://w3id.org/mzgraph/resource/place/360500"


def test_query_gives_numbers_as_numbers_and_labels_as_str(fixture_kg_each):
    df = fixture_kg_each.query(
        "SELECT ?label ?value ?year ?begin WHERE { ?t a mz:Target ; rdfs:label ?label ; mz:value ?value . "
        "?m itsrdf:taIdentRef ?t ; nif:beginIndex ?begin . OPTIONAL { ?t mz:year ?year } } ORDER BY ?begin"
    )
    assert isinstance(df, pd.DataFrame)
    assert list(df["label"]) == ["1200个", "350个", "20.98万名"]
    assert all(type(v) is str for v in df["label"])
    assert df["value"].dtype == "float64" and list(df["value"]) == [1200.0, 350.0, 209800.0]
    assert df["begin"].dtype == "int64"
    assert str(df["year"].dtype) == "Int64" and df["year"].iloc[0] == 2019 and pd.isna(df["year"].iloc[1])


def test_engines_agree_on_every_ready_question():
    ox, rd = mzgraph.load(FIXTURE), mzgraph.load(FIXTURE, engine="rdflib")
    for q in ready_questions().values():
        params = {k: v.strip('"') for k, v in q.parameters.items()}
        assert rows(ox.ready(q.name, **params)) == rows(rd.ready(q.name, **params)), q.name


def test_entities_by_type(fixture_kg):
    df = fixture_kg.entities(type="Policy")
    assert list(df.columns) == ["iri", "type", "label", "mentions"]
    assert set(df["label"]) == {
        "关于加快补齐农村养老服务短板十条措施的通知",
        "江西省养老服务体系建设发展三年行动计划(2019-2021年)",
    }
    assert len(fixture_kg.entities()) == 14
    with pytest.raises(UsageError):
        fixture_kg.entities(type="Person")


def test_describe_an_entity_by_label(fixture_kg):
    d = fixture_kg.describe("新余市")
    assert d.iri == XINYU and d.label == "新余市"
    assert d.types == ["AdministrativeArea", "City"]
    assert d.attributes["divisionCode"] == "360500"
    assert rows(d.outgoing[["predicate", "label", "evidence"]]) == [
        ["partOf", "江西省", "Administrative divisions of China (cpca adcodes, MIT)"]
    ]
    incoming = rows(d.incoming[["predicate", "label", "type"]])
    assert incoming == [
        ["locatedIn", "1200个", "Target"],
        ["locatedIn", "新余市民政局", "Agency"],
        ["locatedIn", "颐养之家", "Program"],
        ["partOf", "分宜县", "AdministrativeArea"],
    ]
    assert list(d.sentences["sentence"]) == ["新余市建成颐养之家助餐点1200个。", "新余市的经验在全省推广。"]
    text = repr(d)
    assert text.splitlines()[0] == "新余市 (AdministrativeArea, City)  mzr:place/360500"
    assert "—partOf→ 江西省" in text and "←locatedIn— 颐养之家" in text and "新余市的经验在全省推广。" in text
    assert "<b>新余市</b>" in d._repr_html_()


def test_describe_lists_a_sentence_once_however_many_times_it_names_the_entity(dev_graph_path):
    # the development report's second sentence names the province as 江西省 and as 江西
    d = mzgraph.load(dev_graph_path).describe("江西省")
    spans = list(zip(d.sentences["document"], d.sentences["begin"], strict=True))
    assert len(spans) == len(set(spans)) == 9
    second = d.sentences[d.sentences["begin"] == 30].iloc[0]
    assert second["mentions"] == "江西 / 江西省" and second["sentence"].startswith("2019年,在民政部的精心指导下")
    assert repr(d).count("[30-201]") == 1


def test_describe_by_alt_label_and_iri(fixture_kg):
    assert fixture_kg.describe("省民政厅").label == "江西省民政厅"
    assert fixture_kg.describe(XINYU).label == "新余市"
    with pytest.raises(EntityNotFound):
        fixture_kg.describe("不存在")


def test_graph_is_an_rdflib_graph_over_the_same_data(fixture_kg):
    g = fixture_kg.graph
    assert isinstance(g, Graph)
    assert len(g) == len(fixture_kg) == len(Graph().parse(FIXTURE))
    assert (URIRef(XINYU), None, None) in g


def test_load_an_rdflib_graph_and_a_persistent_store(tmp_path):
    g = Graph().parse(FIXTURE)
    assert len(mzgraph.load(g)) == len(g)
    assert mzgraph.load(g, engine="rdflib").graph is g
    kg = mzgraph.load(FIXTURE, store=tmp_path / "store")
    assert len(kg) == len(g)
    del kg  # release the store's lock before reopening it
    gc.collect()
    reopened = mzgraph.load(store=tmp_path / "store")
    assert len(reopened.entities(type="AdministrativeArea")) == 4


def test_query_refusals_apply_in_notebooks(fixture_kg):
    with pytest.raises(QueryError, match="read-only"):
        fixture_kg.query("DELETE WHERE { ?s ?p ?o }")
    assert len(fixture_kg.query("SELECT * WHERE { ?s a mz:Policy }")) == 2
