"""Every format of a build is streamed from the same named graphs: the same triples as the
in-memory graph, byte-identical whatever --jobs and whether documents came from the cache."""

from __future__ import annotations

import pyoxigraph
import pytest
from rdflib import Dataset, Graph, URIRef

from mzgraph.pipeline import build, build_to_file
from mzgraph.rdf.encoder import ENTITIES_GRAPH
from mzgraph.rdf.formats import FORMATS
from mzgraph.rdf.partition import partition, read_parts

STREAMED = [f.name for f in FORMATS.values() if f.is_rdf]


def test_streamed_ntriples_equal_the_in_memory_graph(corpus_master, tmp_path):
    memory = build([corpus_master])
    out = tmp_path / "corpus.nt"
    streamed = build_to_file([corpus_master], out, jobs=1)
    assert streamed.graph is None  # nothing asked for the whole graph in memory
    lines = out.read_text(encoding="utf-8").splitlines()
    assert len(lines) == len(set(lines)) == streamed.triples == memory.triples
    assert set(Graph().parse(out, format="nt")) == set(memory.graph)
    assert streamed.entity_counts == memory.entity_counts


@pytest.fixture(scope="module")
def builds(corpus_master, tmp_path_factory):
    """The corpus built fresh (no cache) with 1 job, and with 2 jobs into a fresh cache,
    then from that cache with 1 and 2 jobs, in every RDF format; the Turtle builds with their
    view (``"view"``), as ``mzgraph build`` writes them by default."""
    root = tmp_path_factory.mktemp("formats")
    cache = root / "cache"
    out: dict[tuple[str, str], bytes] = {}

    def run(label: str, fmt: str, **kw) -> None:
        path = root / label / f"g{FORMATS[fmt].extension}"
        html = path.with_suffix(".html") if fmt == "turtle" else None
        result = build_to_file([corpus_master], path, html=html, **kw)
        assert not result.failures
        out[label, fmt] = path.read_bytes()
        if html is not None:
            assert result.view is not None and result.view.nodes > 100
            out[label, "view"] = html.read_bytes()

    for fmt in ("turtle", "nquads"):
        run("fresh-1", fmt, jobs=1)
    run("fresh-2", "turtle", jobs=2, cache_dir=cache)
    for fmt in STREAMED:
        run("cached-1", fmt, jobs=1, cache_dir=cache)
        run("cached-2", fmt, jobs=2, cache_dir=cache)
    return out


def test_fresh_and_cached_builds_with_1_or_2_jobs_are_byte_identical(builds):
    assert builds["fresh-1", "turtle"] == builds["fresh-2", "turtle"] == builds["cached-1", "turtle"]
    assert builds["fresh-1", "nquads"] == builds["cached-1", "nquads"]
    for fmt in STREAMED:
        assert builds["cached-1", fmt] == builds["cached-2", fmt], fmt
    # the view: drawn from the documents' parts of the network made by 1 or 2 workers, or
    # kept in the cache
    pages = {builds[label, "view"] for label in ("fresh-1", "fresh-2", "cached-1", "cached-2")}
    assert len(pages) == 1


def test_the_view_of_a_build_is_the_view_of_its_graph_file(builds, tmp_path):
    """`mzgraph view g.ttl` projects the whole file as one part; the build merges each
    document's part (the cached ones without reading their lines) and the entities graph's."""
    from mzgraph.view import write_html

    graph = tmp_path / "g.ttl"
    graph.write_bytes(builds["cached-1", "turtle"])
    write_html(graph, tmp_path / "view" / "g.html")
    assert (tmp_path / "view" / "g.html").read_bytes() == builds["cached-2", "view"]


@pytest.mark.filterwarnings("ignore::DeprecationWarning")  # rdflib's own N-Quads parser
@pytest.mark.parametrize("fmt", STREAMED)
def test_every_format_reads_back_as_the_same_graph(builds, fmt):
    reference = Graph().parse(data=builds["cached-1", "nt"], format="nt")
    if FORMATS[fmt].dataset:  # the union of the named graphs
        back = Graph()
        for s, p, o, _ in Dataset().parse(data=builds["cached-1", fmt], format=FORMATS[fmt].rdflib).quads():
            back.add((s, p, o))
    else:
        back = Graph().parse(data=builds["cached-1", fmt], format=FORMATS[fmt].rdflib)
    assert len(back) == len(reference) and set(back) == set(reference)
    ox = pyoxigraph.parse(builds["cached-1", fmt], format=FORMATS[fmt].oxigraph)
    assert len({(q.subject, q.predicate, q.object) for q in ox}) == len(reference)


def test_the_rule_read_back_from_iris_gives_the_encoders_graphs(builds, tmp_path):
    """Exports of a Turtle file to TriG/N-Quads (and pushes) split it by ``partition``:
    on every triple it must agree with the graphs the encoder put them in."""
    (tmp_path / "g.nq").write_bytes(builds["cached-1", "nquads"])
    encoded = {p.graph: p.lines for p in read_parts(tmp_path / "g.nq")}
    from mzgraph.rdf import ntriples as nt

    triples = [nt.split(line) for line in builds["cached-1", "nt"].decode("utf-8").split("\n") if line]
    derived = {p.graph: p.lines for p in partition(triples)}
    assert derived == encoded
    assert sum(len(v.splitlines()) for v in encoded.values()) == len(triples)  # each triple once


@pytest.mark.filterwarnings("ignore::DeprecationWarning")  # rdflib's own N-Quads parser
def test_nquads_put_each_document_in_its_own_graph(builds):
    ds = Dataset()
    ds.parse(data=builds["cached-1", "nquads"], format="nquads")
    named = {str(c.identifier) for c in ds.graphs() if len(c) and isinstance(c.identifier, URIRef)}
    docs = {s for s in named if "/graph/doc/" in s}
    assert len(docs) == 13 and named == docs | {str(ENTITIES_GRAPH)}
    some = sorted(docs)[0]
    doc_iri = URIRef(some.replace("/graph/doc/", "/doc/"))
    assert (doc_iri, None, None) in ds.graph(URIRef(some))
    assert len(ds.graph(URIRef(ENTITIES_GRAPH))) > 0


def test_a_batch_where_every_document_fails_writes_nothing(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "empty.txt").write_text("  \n", encoding="utf-8")
    out = tmp_path / "g.nt"
    result = build_to_file([tmp_path / "in"], out)
    assert not result.documents and len(result.failures) == 1
    assert not out.exists() and [p.name for p in tmp_path.iterdir() if p.name.startswith(".g.nt")] == [".g.nt.lock"]


def test_lines_escape_what_n_triples_must_escape():
    from mzgraph.model import EntityType, Extraction, Mention, SourceDocument
    from mzgraph.rdf.encoder import document_lines
    from mzgraph.resolve import resolve_document

    text = 'He said "民政部" \\ back\nslash\r and a tab\tend\x07 \u2028。'
    doc = SourceDocument(doc_id="quotes", path='odd "name".txt', text=text, content_hash="0" * 64)
    m = Mention(EntityType.AGENCY, "民政部", 9, 12, "民政部", 0, len(text))
    lines = document_lines(resolve_document(Extraction(document=doc, mentions=[m])))
    parsed = Graph().parse(data=lines, format="nt")
    assert any(str(o) == text for o in parsed.objects())
    assert (
        len(parsed) == lines.count(b"\n") == len(list(pyoxigraph.parse(lines, format=pyoxigraph.RdfFormat.N_TRIPLES)))
    )
    assert not any(0 < b < 0x20 and b != 0x0A for b in lines)  # no raw control character
