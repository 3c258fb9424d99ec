"""The offset map is exact: clean text outside removed/repaired regions reads the same in the original."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mzgraph.ingest import read_document
from tests.conftest import DEV_REPORT
from tests.ingest.pages import CLEAN_REPORT, hacked, html_page


def _repaired(doc) -> set[int]:
    """Clean offsets of characters a repair inserted."""
    out: set[int] = set()
    for r in doc.metadata.repairs:
        start = r.offset + r.repaired.index(r.original[1:])  # the inserted text precedes the old title
        out.update(range(r.offset + 1, start))
    return out


def _runs(doc) -> list[tuple[int, int]]:
    """Stretches of the clean text between anchors that are not inserted characters."""
    anchors = doc.offset_map.anchors
    inserted = _repaired(doc)
    bounds = [a[0] for a in anchors] + [len(doc.text)]
    return [(s, e) for s, e in zip(bounds, bounds[1:], strict=False) if e > s and s not in inserted]


def _check(doc) -> None:
    m, original, text = doc.offset_map, doc.original_text, doc.text
    for s, e in _runs(doc):
        found = original[m.to_original(s) : m.to_original_end(e)]
        if e - s > 1:
            assert found == text[s:e], (s, e)
        else:  # one-character runs: a character the reader wrote (a line break, a decoded entity)
            assert found == text[s:e] or text[s:e].isspace() or found.startswith("&") or text[s:e] == "\n"


def _files(tmp_path):
    files = {
        "dev.txt": DEV_REPORT.read_bytes(),
        "crlf.txt": CLEAN_REPORT.replace("\n", "\r\n").encode("gb18030"),
        "hacked.txt": hacked("ky888.com").encode("utf-16"),
        "page.html": html_page(hacked("开云体育"), title="湖南民政2020年工作回顾", site="开云体育").encode(),
        "note.md": ("---\ntitle: 回顾\ndate: 2020-12-30\n---\n# 回顾\n\n" + hacked("乐鱼")).encode(),
    }
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
    return [tmp_path / n for n in files]


def test_every_run_maps_back_exactly(tmp_path):
    for path in _files(tmp_path):
        _check(read_document(path))


def test_removals_point_at_their_token_in_the_original(tmp_path):
    for path in _files(tmp_path):
        doc = read_document(path)
        for r in doc.metadata.removals:
            found = doc.original_text[r.offset : r.offset + len(r.token)]
            if path.suffix == ".html":  # tags and entities may sit inside a removed line
                assert found[0] == r.token[0], (path.name, r)
            else:
                assert found == r.token, (path.name, r)


@pytest.fixture(scope="module")
def dev_doc():
    return read_document(DEV_REPORT)


@settings(max_examples=300, deadline=None)
@given(data=st.data())
def test_random_ranges_inside_runs(dev_doc, data):
    runs = [r for r in _runs(dev_doc) if r[1] - r[0] > 1]
    s0, e0 = data.draw(st.sampled_from(runs))
    s = data.draw(st.integers(s0, e0 - 1))
    e = data.draw(st.integers(s + 1, e0))
    m = dev_doc.offset_map
    assert dev_doc.original_text[m.to_original(s) : m.to_original_end(e)] == dev_doc.text[s:e]


def test_mentions_of_the_dev_build_map_back(dev_build):
    doc = next(d for d in dev_build.kb.documents)
    inserted = _repaired(doc)
    checked = 0
    for ent in dev_build.kb.entities.values():
        for _doc_id, mention in ent.mentions:
            if inserted & set(range(mention.start, mention.end)):
                continue
            s, e = doc.offset_map.to_original(mention.start), doc.offset_map.to_original_end(mention.end)
            assert doc.original_text[s:e] == mention.text
            checked += 1
    assert checked > 20


def test_graph_original_indices_find_each_mention_in_the_saved_text(tmp_path):
    from rdflib.namespace import RDF

    from mzgraph.pipeline import build
    from mzgraph.rdf.namespaces import MZ, NIF

    text = hacked("开云体育").replace("湘潭市探索", "湘潭市开云体育探索").replace("衡阳市开展", "衡阳市开云体育开展")
    path = tmp_path / "page.txt"
    path.write_bytes(text.encode("gb18030"))
    result = build([path])
    doc = result.kb.documents[0]
    inserted = _repaired(doc)
    g = result.graph
    checked = 0
    for node in g.subjects(RDF.type, NIF.Phrase):
        begin, end = int(g.value(node, NIF.beginIndex)), int(g.value(node, NIF.endIndex))
        if inserted & set(range(begin, end)):
            continue
        ob, oe = int(g.value(node, MZ.originalBeginIndex)), int(g.value(node, MZ.originalEndIndex))
        assert doc.original_text[ob:oe] == str(g.value(node, NIF.anchorOf))
        checked += 1
    assert checked >= 10
    assert any(str(g.value(n, NIF.anchorOf)) == "湘潭市" for n in g.subjects(RDF.type, NIF.Phrase))


def test_zero_width_characters_go_and_the_map_skips_them(tmp_path):
    path = tmp_path / "zw.txt"
    path.write_text(CLEAN_REPORT.replace("长沙市", "长\u200b沙市").replace("株洲市", "株洲\ufeff市"), encoding="utf-8")
    doc = read_document(path)
    assert "长沙市、株洲市率先" in doc.text
    _check(doc)
    s = doc.text.index("长沙市")
    m = doc.offset_map
    assert doc.original_text[m.to_original(s) : m.to_original_end(s + 3)] == "长\u200b沙市"
