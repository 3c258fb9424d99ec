"""``mzgraph path``: shortest chains of relations, each step with its sentence."""

from __future__ import annotations

import networkx as nx
import pytest
from rdflib import Graph

from mzgraph.analytics import paths
from mzgraph.analytics.paths import ASIDE_NOTE, GAZETTEER_NOTE, NoPathError, is_aside, shortest_chains
from mzgraph.errors import UsageError
from mzgraph.rdf import MZ, MZR
from tests.analytics.fixture_graph import SENTENCES
from tests.conftest import run_cli


def test_chains_follow_relations_both_ways_and_cite_sentences(small_graph):
    result = shortest_chains(small_graph, "民政部", "新余市")
    assert (result.source_label, result.target_label) == ("民政部", "新余市")
    assert len(result.chains) == 2  # via either of the two jointly issued policies
    for chain in result.chains:
        assert [str(s) for s in chain][2:] == ["江西省民政厅 -[locatedIn]-> 江西省", "新余市 -[partOf]-> 江西省"]
        assert str(chain[0]).endswith("-[issuedBy]-> 民政部")
        for step in chain[:3]:
            assert step.sentence in SENTENCES
            assert step.subject_label in step.sentence or step.relation == "locatedIn"
        assert chain[3].sentence is None and chain[3].from_gazetteer and chain[3].evidence == GAZETTEER_NOTE
    assert len(shortest_chains(small_graph, "民政部", "新余市", max_chains=1).chains) == 1


def test_labels_match_alt_labels_after_normalisation(small_graph):
    a = shortest_chains(small_graph, "中华人民共和国民政部", " 新余 ")
    b = shortest_chains(small_graph, "民政部", "新余市")
    assert a == b
    one = shortest_chains(small_graph, "《关于推进养老服务发展的意见》", "颐养之家")
    assert [s.relation for s in one.chains[0]] == ["issuedBy", "locatedIn", "partOf", "locatedIn"]


def test_ambiguous_and_unknown_labels_name_candidates(small_graph):
    with pytest.raises(UsageError, match="ambiguous.*上饶市民政局.*新余市民政局"):
        shortest_chains(small_graph, "民政局", "新余市")
    with pytest.raises(UsageError, match="no entity is labelled '新余县'; close matches: 新余"):
        shortest_chains(small_graph, "新余县", "民政部")


def test_disconnected_entities(small_graph):
    g = Graph()
    g += small_graph
    g.remove((MZR["place/361100"], MZ.partOf, MZR["place/360000"]))
    with pytest.raises(NoPathError, match="no chain of relations connects 民政部 and 上饶市"):
        shortest_chains(g, "民政部", "上饶市")


def test_cli_prints_steps_with_sentences(small_graph_path):
    res = run_cli("path", "民政部", "新余市", "--graph", str(small_graph_path))
    assert res.returncode == 0, res.stderr
    lines = res.stdout.splitlines()
    assert lines[0] == "民政部 … 新余市: 2 shortest chains of 4 steps"
    assert "  4. 新余市 -[partOf]-> 江西省" in lines and f"     {GAZETTEER_NOTE}" in lines
    assert f"     “{SENTENCES[0]}”" in lines


def test_cli_errors_are_one_line(small_graph_path):
    for args, code in ((("民政局", "新余市"), 2), (("不存在的机构", "新余市"), 2), (("民政部", "民政部"), 2)):
        res = run_cli("path", *args, "--graph", str(small_graph_path))
        assert res.returncode == code, res
        assert len(res.stderr.strip().splitlines()) == 1 and "Traceback" not in res.stderr


def test_default_build_connects_the_ministry_to_xinyu(dev_graph_path):
    """The issue's acceptance check on the development report."""
    res = run_cli("path", "民政部", "新余市", "--graph", str(dev_graph_path))
    assert res.returncode == 0, res.stderr
    lines = res.stdout.splitlines()
    steps = [i for i, line in enumerate(lines) if line.startswith("  ") and "-[" in line]
    assert steps
    for i in steps:
        evidence = lines[i + 1].strip()
        assert evidence.startswith("“") or evidence == GAZETTEER_NOTE, lines[i : i + 2]


CREDIT = "(本版文/图由江西省民政厅提供)"


def test_asides_are_bracketed_sentences_only():
    assert is_aside(CREDIT) and is_aside("（图为新余市颐养之家 摄影：王伟）") and is_aside("【编者按】")
    assert not is_aside("(一)民政部出台意见(试行)")  # a bracket closing before the end: not one aside
    assert not is_aside("江西省民政厅出台《江西省养老服务三年行动计划》。")


def test_credit_lines_are_never_evidence(dev_graph):
    # the bureau's credit line names it, and 江西省 only inside its name: a sentence of the
    # report that says where the bureau acts is cited instead
    [chain] = shortest_chains(dev_graph, "江西省民政厅", "乐安县").chains
    assert str(chain[0]) == "江西省民政厅 -[locatedIn]-> 江西省"
    assert chain[0].sentence and not is_aside(chain[0].sentence) and "民政厅" in chain[0].sentence
    net = nx.MultiDiGraph()
    net.add_node("a", label="江西省民政厅", type="Agency")
    net.add_node("p", label="江西省", type="AdministrativeArea")
    net.add_edge("a", "p", key="locatedIn", relation="locatedIn", sentences=[CREDIT])
    step = paths._step(net, set(), "a", "p")
    assert step.sentence is None and step.evidence == ASIDE_NOTE


def test_specific_relations_come_before_the_province_hub(dev_graph):
    chains = shortest_chains(dev_graph, "江西省委", "江西省政府").chains
    assert [[s.relation for s in c] for c in chains] == [["issuedBy", "issuedBy"]] * 2 + [["locatedIn", "locatedIn"]]
    assert all(c[0].subject == c[1].subject for c in chains[:2])  # one policy both issued
