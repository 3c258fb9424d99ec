"""``mzgraph stats`` and the counts behind it, on a graph of known shape."""

from __future__ import annotations

import json

from mzgraph.analytics.stats import graph_stats
from mzgraph.analytics.textable import display_width, render_table
from tests.conftest import run_cli

MZ = "https://w3id.org/mzgraph/ontology#"


def test_display_width_counts_wide_characters_twice():
    assert display_width("江西省") == 6
    assert display_width("a江1") == 4
    assert display_width("（全角）ＡＢ") == 12
    assert display_width("e\u0301") == 1  # combining accent takes no column


def test_rendered_columns_line_up_with_chinese_labels():
    text = render_table(["地区", "项目"], [["新余市", 3], ["上饶", 12], ["江西省民政厅", 0]])
    lines = text.splitlines()
    # numbers are right-aligned, so every line ends at the same terminal column
    assert len({display_width(line) for line in lines}) == 1
    assert lines[1].startswith("新余市 ") and lines[1].endswith(" 3")


def test_counts_match_the_graph(small_graph):
    stats = graph_stats(small_graph)
    assert stats.types == {"Agency": 4, "Policy": 3, "AdministrativeArea": 3, "Program": 2, "Target": 3}
    for cls, n in stats.types.items():
        q = f"SELECT (COUNT(DISTINCT ?e) AS ?n) WHERE {{ ?e a <{MZ}{cls}> }}"
        assert int(next(iter(small_graph.query(q)))[0]) == n
    assert stats.relations["issuedBy"] == {"count": 5, "with_sentence": 5, "from_gazetteer": 0}
    assert stats.relations["partOf"] == {"count": 2, "with_sentence": 0, "from_gazetteer": 2}
    assert stats.relations["locatedIn"]["count"] == 9 and stats.relations["hasTarget"]["count"] == 2
    [doc] = stats.documents
    assert (doc["title"], doc["date"], doc["entities"]) == ("回望2019·江西篇", "2019-12-25", 15)


def test_rankings(small_graph):
    stats = graph_stats(small_graph, top=3)
    assert [a["label"] for a in stats.agencies] == ["江西省民政厅", "民政部", "上饶市民政局"]
    assert stats.agencies[0]["degree"] == 4 and stats.agencies[0]["policies_issued"] == 3
    # 新余市: the 颐养之家 program, its 1200个 target, and the 600个 target stated there directly
    assert [(p["label"], p["programs"], p["targets"]) for p in stats.places] == [
        ("新余市", 1, 2),
        ("上饶市", 1, 1),
        ("江西省", 0, 1),
    ]


def test_cli_table_and_json(small_graph_path):
    res = run_cli("stats", "--graph", str(small_graph_path))
    assert res.returncode == 0, res.stderr
    out = res.stdout
    for heading in ("Entities by type", "Relations", "Documents", "Most connected agencies", "Places with the most"):
        assert heading in out
    section = out.split("Most connected agencies\n")[1].split("\n\n")[0].splitlines()
    assert len({display_width(line) for line in section}) == 1, section
    res = run_cli("stats", "--graph", str(small_graph_path), "--format", "json")
    data = json.loads(res.stdout)
    assert data["types"]["Target"] == 3 and data["places"][0]["label"] == "新余市"


def test_missing_graph_is_one_line(tmp_path):
    res = run_cli("stats", "--graph", str(tmp_path / "none.ttl"))
    assert res.returncode == 2 and len(res.stderr.strip().splitlines()) == 1 and "Traceback" not in res.stderr


def test_a_graph_without_entities_gives_zeros_not_errors(tmp_path):
    path = tmp_path / "other.ttl"
    path.write_text("@prefix ex: <http://example.org/> .\nex:a ex:b ex:c .\n", encoding="utf-8")
    res = run_cli("stats", "--graph", str(path), "--format", "json")
    assert res.returncode == 0, res.stderr
    data = json.loads(res.stdout)
    assert set(data["types"].values()) == {0} and data["documents"] == [] and data["agencies"] == []
    res = run_cli("stats", "--graph", str(path))
    assert res.returncode == 0 and "(no documents)" in res.stdout
