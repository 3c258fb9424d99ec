"""Escaping: labels no one would write on purpose give valid files in every output format.

Mentions whose surface and name carry quotes, backslashes, line breaks, ``>``, ``<script>``,
``{{ }}`` template markers, ``\"\"\"``, control characters and a 100,000-character string go
through the real stages (resolve → encode → export / view), and each output is read back
with an independent parser that must give the same labels: Turtle and N-Triples (rdflib,
pyoxigraph, raptor's ``rapper`` when installed), JSON-LD, CSV (the csv module), GraphML and
GEXF (XML), and the view page (lxml: no element comes from the data; the script block
gives back the labels). No minted IRI takes anything from the text.
"""

from __future__ import annotations

import csv
import io
import json
import re
import subprocess
from decimal import Decimal

import networkx as nx
import pyoxigraph
import pytest
from lxml import etree
from lxml import html as lxml_html
from rdflib import Graph
from rdflib.namespace import RDFS

from mzgraph import rdf
from mzgraph.export import render
from mzgraph.model import (
    DocumentMetadata,
    EntityType,
    Extraction,
    Mention,
    Quantity,
    RelationCandidate,
    RelationType,
    SourceDocument,
)
from mzgraph.network import to_networkx
from mzgraph.resolve import resolve_document
from mzgraph.view import to_html
from tests.conftest import needs_rapper

from .hostile import bad_iris

HOSTILE = [
    "say \"hi\" and 'bye'",
    "back\\slash \\n \\u0041 \\",
    "line\nbreak\r\nand\ttab",
    "a > b < c & d",
    "<script>alert(1)</script>",
    "</script><img src=x onerror=alert(1)>",
    "{{ 7*7 }} {% if %} ${x} @@DATA@@",
    "\"\"\"triple\"\"\" '''quotes'''",
    "]]> --> <!-- <![CDATA[",
    "\u202eevil\u200b\u2028\u2029 zero-width",
    "\x01\x07\x0b\x0c\x1b\x7f controls",
    "@prefix x: <http://evil/> . <a> <b> <c> .",
    "《关于“加强”\\n养老》",
    "长" * 100_000,
]


def _hostile_extraction() -> Extraction:
    """One document whose mentions are the hostile strings, related to each other."""
    parts, spans = [], []
    pos = 0
    for s in HOSTILE:
        parts.append(s)
        spans.append((pos, pos + len(s)))
        pos += len(s)
        parts.append("。")
        pos += 1
    text = "".join(parts)
    meta = DocumentMetadata(title=HOSTILE[4], publisher=HOSTILE[0], source=HOSTILE[2], url='http://x/?a=<b>&c="d"')
    doc = SourceDocument(doc_id="hostile", path='in/"evil"\n.txt', text=text, metadata=meta)
    types = [EntityType.POLICY, EntityType.PROGRAM, EntityType.AGENCY]
    mentions = []
    for i, ((start, end), s) in enumerate(zip(spans, HOSTILE, strict=True)):
        mentions.append(Mention(types[i % 3], s, start, end, s, start, end + 1))
    start, end = spans[5]
    mentions.append(
        Mention(
            EntityType.TARGET,
            HOSTILE[5],
            start,
            end,
            HOSTILE[5],
            start,
            end + 1,
            quantity=Quantity(
                Decimal("12.5"), HOSTILE[0], indicator=HOSTILE[6], qualifier=HOSTILE[1], surface=HOSTILE[5]
            ),
        )
    )
    relations = [
        RelationCandidate(0, RelationType.ISSUED_BY, 2, spans[0][0], spans[0][1] + 1),
        RelationCandidate(1, RelationType.HAS_TARGET, len(mentions) - 1, spans[1][0], spans[1][1] + 1),
    ]
    return Extraction(document=doc, mentions=mentions, relations=relations)


@pytest.fixture(scope="module")
def graph() -> Graph:
    return rdf.encode(resolve_document(_hostile_extraction()))


def _labels(g: Graph) -> set[str]:
    return {str(o) for o in g.objects(None, RDFS.label)}


def test_labels_reach_the_graph(graph):
    assert set(HOSTILE) <= _labels(graph)
    assert bad_iris(graph) == []


@pytest.mark.parametrize("fmt, rdflib_name, oxi", [("turtle", "turtle", "TURTLE"), ("nt", "nt", "N_TRIPLES")])
def test_turtle_and_ntriples(graph, fmt, rdflib_name, oxi, tmp_path):
    data = render(graph, fmt)[""]
    back = Graph().parse(data=data.decode("utf-8"), format=rdflib_name)
    assert len(back) == len(graph) and _labels(back) == _labels(graph)
    store = pyoxigraph.Store()
    store.load(data, format=getattr(pyoxigraph.RdfFormat, oxi))
    assert len(store) == len(graph)
    labels = {q.object.value for q in store.quads_for_pattern(None, pyoxigraph.NamedNode(str(RDFS.label)), None)}
    assert labels == _labels(graph)


@needs_rapper
@pytest.mark.parametrize("fmt, syntax", [("turtle", "turtle"), ("nt", "ntriples")])
def test_rapper_reads_turtle_and_ntriples(graph, fmt, syntax, tmp_path):
    path = tmp_path / f"g.{fmt}"
    path.write_bytes(render(graph, fmt)[""])
    r = subprocess.run(["rapper", "-q", "-i", syntax, "-c", str(path)], capture_output=True, text=True, timeout=60)
    assert r.returncode == 0, r.stderr


@pytest.mark.parametrize("fmt", ["trig", "nquads"])
def test_datasets(graph, fmt):
    data = render(graph, fmt)[""].decode("utf-8")
    store = pyoxigraph.Store()
    store.load(data.encode(), format=pyoxigraph.RdfFormat.TRIG if fmt == "trig" else pyoxigraph.RdfFormat.N_QUADS)
    assert len({(q.subject, q.predicate, q.object) for q in store}) == len(graph)


def test_jsonld(graph):
    data = render(graph, "jsonld")[""].decode("utf-8")
    json.loads(data)
    back = Graph().parse(data=data, format="json-ld")
    assert len(back) == len(graph) and _labels(back) == _labels(graph)


def test_csv(graph):
    # cells kept raw here (a formula-like label such as "@prefix …" would otherwise get a
    # leading '; tests/hostile/test_cells.py checks that)
    files = render(graph, "csv", keep_formulas=True)
    nodes = list(csv.DictReader(io.StringIO(files["nodes.csv"].decode("utf-8-sig"), newline="")))
    net = to_networkx(graph)
    assert sorted(r["label"] for r in nodes) == sorted(d["label"] for _, d in net.nodes(data=True))
    assert set(HOSTILE) <= {r["label"] for r in nodes}
    target = next(r for r in nodes if r["type"] == "Target")
    assert target["unit"] == HOSTILE[0] and target["indicator"] == HOSTILE[6]
    edges = list(csv.DictReader(io.StringIO(files["edges.csv"].decode("utf-8-sig"), newline="")))
    assert {r["source_label"] for r in edges} >= {HOSTILE[0], HOSTILE[1]}
    assert all(len(r) == 6 for r in edges)


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_network_xml(graph, fmt):
    data = render(graph, fmt)[""]
    root = etree.fromstring(data)
    texts = {t for t in root.itertext()} | {v for el in root.iter() for v in el.attrib.values()}
    # XML 1.0 cannot hold C0 controls but tab and line breaks: they become U+FFFD
    for s in HOSTILE:
        shown = re.sub("[\x00-\x08\x0b\x0c\x0e-\x1f]", "\ufffd", s)
        assert shown in texts or shown.replace("\r\n", "\n").replace("\r", "\n") in texts, s[:40]
    read = nx.read_graphml if fmt == "graphml" else nx.read_gexf
    assert len(read(io.BytesIO(data))) == to_networkx(graph).number_of_nodes()


def test_view_page(graph):
    net = to_networkx(graph)
    page = to_html(net, title=HOSTILE[5])
    tree = lxml_html.fromstring(page)
    assert len(tree.xpath("//script")) == 3  # the data block, vis-network, the page script
    assert not tree.xpath("//img | //iframe | //object | //embed | //svg | //math")
    assert tree.xpath("//title")[0].text == HOSTILE[5]
    (block,) = tree.xpath('//script[@id="mz-data"]')
    data = json.loads(block.text)
    assert sorted(r[0] for r in data["nodes"]) == sorted(d["label"] for _, d in net.nodes(data=True))
    assert set(HOSTILE) <= {r[0] for r in data["nodes"]}
    assert data["title"] == HOSTILE[5]
