"""The default build's view on a rebuild: drawn from each document's part of the entity
network kept in the build cache (``mzgraph.network.NetworkPart``), not from its lines, and
the same page as a fresh build's and as `mzgraph view` of the graph file."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from mzgraph.cache import BuildCache
from mzgraph.pipeline import build_to_file
from mzgraph.view import write_html


def _build(corpus: Path, out: Path, **kw):
    result = build_to_file([corpus], out, html=out.with_suffix(".html"), **kw)
    assert not result.failures and result.view is not None
    return result


def _parts(cache: Path) -> list[Path]:
    return sorted(cache.rglob("*.net"))


def test_a_rebuild_draws_the_page_a_fresh_build_and_mzgraph_view_draw(corpus, tmp_path):
    out, cache = tmp_path / "out" / "g.ttl", tmp_path / "cache"
    first = _build(corpus, out, jobs=2, cache_dir=cache)
    n = len(first.documents)
    before = out.with_suffix(".html").read_bytes()
    assert len(_parts(cache)) == n  # the workers made every document's part

    changed = sorted(corpus.rglob("report-*.txt"))[5]
    changed.write_text(changed.read_text(encoding="utf-8") + "\n  2020年全省新增养老床位1.5万张。\n", encoding="utf-8")
    again = _build(corpus, out, jobs=2, cache_dir=cache)
    assert (again.read, again.cached) == (1, n - 1)
    page = out.with_suffix(".html").read_bytes()
    assert page != before and again.view.nodes == first.view.nodes + 1  # the new target is drawn
    assert "1.5万张".encode() in page
    assert len(_parts(cache)) == n  # the old entry's part pruned with it

    fresh = tmp_path / "fresh" / "g.ttl"
    _build(corpus, fresh, jobs=1)
    assert fresh.read_bytes() == out.read_bytes()
    assert fresh.with_suffix(".html").read_bytes() == page
    write_html(out, tmp_path / "view" / "g.html")
    assert (tmp_path / "view" / "g.html").read_bytes() == page


def test_a_cache_made_without_a_view_gets_the_parts_once(corpus, tmp_path):
    """A --no-html build makes no parts; the next build with its view makes them from the
    cached lines and keeps them, and the one after reads them."""
    out, cache = tmp_path / "out" / "g.ttl", tmp_path / "cache"
    result = build_to_file([corpus], out, jobs=2, cache_dir=cache)
    assert result.view is None and _parts(cache) == []
    _build(corpus, out, jobs=1, cache_dir=cache)
    parts = _parts(cache)
    assert len(parts) == len(result.documents)
    page = out.with_suffix(".html").read_bytes()
    stamps = [p.stat().st_mtime_ns for p in parts]
    _build(corpus, out, jobs=1, cache_dir=cache)
    assert [p.stat().st_mtime_ns for p in parts] == stamps  # read, not made again
    assert out.with_suffix(".html").read_bytes() == page
    fresh = tmp_path / "fresh" / "g.ttl"
    _build(corpus, fresh, jobs=2)
    assert fresh.with_suffix(".html").read_bytes() == page


def test_a_damaged_or_outdated_part_is_made_again_from_the_lines(corpus, tmp_path):
    out, cache = tmp_path / "out" / "g.ttl", tmp_path / "cache"
    _build(corpus, out, jobs=1, cache_dir=cache)
    page = out.with_suffix(".html").read_bytes()
    damaged, foreign = _parts(cache)[:2]
    good = damaged.read_bytes()
    damaged.write_bytes(good[: len(good) // 2])
    foreign.write_bytes(b"not a pickle")
    again = _build(corpus, out, jobs=1, cache_dir=cache)
    assert again.read == 0
    assert out.with_suffix(".html").read_bytes() == page
    assert damaged.read_bytes() == good  # kept again, as it was first made


def test_past_the_view_limit_no_part_is_made_or_kept(corpus, tmp_path):
    """Once the graph is over the view's limit, the workers stop making parts (only the ones
    already handed out carry one) and the merge keeps none."""
    out, cache = tmp_path / "out" / "g.ttl", tmp_path / "cache"
    result = build_to_file([corpus], out, html=out.with_suffix(".html"), view_limit=1, jobs=1, cache_dir=cache)
    assert result.view is None and "over 1 triples" in result.view_skipped
    assert not out.with_suffix(".html").exists()
    assert len(_parts(cache)) == 1  # the first document's, made before its triples were counted
    assert len(result.documents) > 10
    fingerprint_dirs = [d for d in cache.iterdir() if d.is_dir()]
    assert [d.name for d in fingerprint_dirs] == [BuildCache(cache).dir.name]


def test_two_files_of_one_stem_are_drawn_as_two_documents(corpus, tmp_path):
    """The second file of a stem is renamed for the build (``<stem>-<hash>``): its part of
    the network is made from its renamed lines, never taken from its cache entry, whose part
    is of the unrenamed document."""
    reports = sorted(corpus.rglob("report-*.txt"))[:2]
    twin = corpus / "twin" / reports[0].name
    twin.parent.mkdir()
    twin.write_text(reports[1].read_text(encoding="utf-8"), encoding="utf-8")
    out, cache = tmp_path / "out" / "g.ttl", tmp_path / "cache"
    first = _build(corpus, out, jobs=2, cache_dir=cache)
    again = _build(corpus, out, jobs=1, cache_dir=cache)
    assert again.read == 0 and again.view == replace(first.view, path=again.view.path)
    page = out.with_suffix(".html").read_bytes()
    assert f"/target/{reports[0].stem}-".encode() in page  # the renamed document's targets
    fresh = tmp_path / "fresh" / "g.ttl"
    _build(corpus, fresh, jobs=2)
    assert fresh.with_suffix(".html").read_bytes() == page
    write_html(out, tmp_path / "view" / "g.html")
    assert (tmp_path / "view" / "g.html").read_bytes() == page


def test_parts_made_by_other_code_are_made_again_and_nothing_else(corpus, tmp_path, monkeypatch):
    """A part carries the version of the code that made it: a new projection makes the parts
    again from the cached lines, and reads and extracts nothing."""
    import pickle

    import mzgraph.network

    out, cache = tmp_path / "out" / "g.ttl", tmp_path / "cache"
    first = _build(corpus, out, jobs=1, cache_dir=cache)
    page = out.with_suffix(".html").read_bytes()
    monkeypatch.setattr(mzgraph.network, "part_version", lambda: "f" * 16)
    again = _build(corpus, out, jobs=1, cache_dir=cache)
    assert (again.read, again.cached) == (0, len(first.documents))
    assert out.with_suffix(".html").read_bytes() == page
    parts = _parts(cache)
    assert len(parts) == len(first.documents)
    assert {pickle.loads(p.read_bytes())[0] for p in parts} == {"f" * 16}
