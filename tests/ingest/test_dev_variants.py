"""The development report saved as GB18030, UTF-16 and as a web page scores like the UTF-8 file."""

from __future__ import annotations

import importlib.util
import json

import pytest
from rdflib.namespace import RDF, RDFS

from mzgraph.pipeline import build
from mzgraph.rdf.namespaces import MZ
from tests.conftest import DEV_REPORT
from tests.extract.score_reports import EVAL, NO_SCORER
from tests.ingest.pages import html_page

GOLD = EVAL / "gold" / "jiangxi-civil-affairs-2019.json"
TOKEN = "体球网"

pytestmark = pytest.mark.skipif(not GOLD.exists(), reason=NO_SCORER)


def _scorer():
    spec = importlib.util.spec_from_file_location("mz_score", EVAL / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.score


def dev_as_html() -> str:
    """The report the way the site served it: banner as logo, chrome in the page furniture."""
    lines = DEV_REPORT.read_text(encoding="utf-8").split("\n")
    site, title = lines[0].strip(), lines[6].strip()
    body_start = next(i for i, ln in enumerate(lines) if ln.startswith("【字体")) + 1
    return html_page("\n".join(lines[body_start:]), title=title, site=site, charset="gb2312")


@pytest.fixture(scope="module")
def variants(tmp_path_factory):
    folder = tmp_path_factory.mktemp("variants")
    text = DEV_REPORT.read_text(encoding="utf-8")
    files = {
        "utf8.txt": DEV_REPORT.read_bytes(),
        "gb18030.txt": text.encode("gb18030"),
        "utf16.txt": text.replace("\n", "\r\n").encode("utf-16"),
        "page.html": dev_as_html().encode("gb18030"),
    }
    score = _scorer()
    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    out = {}
    for name, data in files.items():
        path = folder / name
        path.write_bytes(data)
        result = build([path])
        out[name] = (result, score(result.graph, gold))
    return out


@pytest.mark.parametrize("name", ["gb18030.txt", "utf16.txt", "page.html"])
def test_scores_like_the_utf8_file(variants, name):
    base = variants["utf8.txt"][1]["entity_f1"]
    assert abs(variants[name][1]["entity_f1"] - base) <= 0.02, (name, variants[name][1]["entity_f1"], base)


@pytest.mark.parametrize("name", ["utf8.txt", "gb18030.txt", "utf16.txt", "page.html"])
def test_no_label_carries_the_injected_token(variants, name):
    result, score = variants[name]
    labels = [str(o) for p in (RDFS.label, MZ.prefLabel) for o in result.graph.objects(None, p)]
    assert labels and not [lb for lb in labels if TOKEN in lb]
    assert score["junk_labels"] == []
    doc = result.kb.documents[0]
    assert TOKEN not in doc.text


@pytest.mark.parametrize("name", ["utf8.txt", "gb18030.txt", "utf16.txt", "page.html"])
def test_metadata_lists_every_removal(variants, name):
    result, _ = variants[name]
    doc = result.kb.documents[0]
    original = doc.original_text
    listed = sorted(r.offset for r in doc.metadata.removals if r.token == TOKEN)
    start, end = 0, len(original)
    if name.endswith(".html"):  # the page's <title>, meta tags and logo are not analysed text
        start = original.index('id="zoom">')
        end = original.index("</div>", start)
    expected = [i for i in range(start, end) if original.startswith(TOKEN, i)]
    assert listed == expected and len(expected) >= 6
    # …and they reach the graph as mz:removal nodes.
    nodes = list(result.graph.subjects(RDF.type, MZ.Removal))
    assert len(nodes) == len(doc.metadata.removals)
    assert doc.metadata.title.startswith("回望2019")
    assert doc.metadata.source == "中国社会报" and doc.metadata.date == "2019-12-25"


@pytest.mark.parametrize("token", ["必威体育", "ag88.com", "开元棋牌", "乐鱼"])
def test_same_page_with_another_injected_token(variants, tmp_path, token):
    path = tmp_path / "other.txt"
    path.write_text(DEV_REPORT.read_text(encoding="utf-8").replace(TOKEN, token), encoding="utf-8")
    result = build([path])
    labels = [str(o) for o in result.graph.objects(None, RDFS.label)]
    assert not [lb for lb in labels if token in lb]
    doc = result.kb.documents[0]
    assert len([r for r in doc.metadata.removals if r.token == token]) == doc.original_text.count(token)
    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    base = variants["utf8.txt"][1]["entity_f1"]
    assert abs(_scorer()(result.graph, gold)["entity_f1"] - base) <= 0.02
