"""The store cache: a big graph file is parsed into an on-disk store once, keyed by its content."""

from __future__ import annotations

import hashlib
import shutil

from tests.conftest import run_cli
from tests.query.conftest import FIXTURE

COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?p a mz:Policy }"


def _env(cache):
    return {"MZGRAPH_CACHE_DIR": str(cache), "MZGRAPH_STORE_CACHE_MIN_BYTES": "0"}


def _stores(cache) -> list[str]:
    root = cache / "stores"
    return sorted(p.name for p in root.iterdir() if p.is_dir()) if root.exists() else []


def test_second_query_opens_the_cached_store(tmp_path):
    graph, cache = tmp_path / "g.ttl", tmp_path / "cache"
    shutil.copy(FIXTURE, graph)
    first = run_cli("query", "--graph", str(graph), COUNT, "--format", "csv", env=_env(cache))
    assert first.stdout.split() == ["n", "2"], first.stderr
    digest = hashlib.sha256(graph.read_bytes()).hexdigest()
    assert _stores(cache) == [digest]
    marker = cache / "stores" / digest / "mzgraph-store.json"
    built = marker.stat().st_mtime_ns
    second = run_cli("query", "--graph", str(graph), COUNT, "--format", "csv", env=_env(cache))
    assert second.stdout == first.stdout and second.stderr == ""
    assert marker.stat().st_mtime_ns == built  # opened, not rebuilt
    # stats, path and the notebook API read the same store
    stats = run_cli("stats", "--graph", str(graph), "--format", "json", env=_env(cache))
    assert stats.returncode == 0, stats.stderr
    assert _stores(cache) == [digest]


def test_a_changed_file_gets_a_new_store_and_the_old_one_goes(tmp_path):
    graph, cache = tmp_path / "g.ttl", tmp_path / "cache"
    shutil.copy(FIXTURE, graph)
    run_cli("query", "--graph", str(graph), COUNT, env=_env(cache))
    old = _stores(cache)
    graph.write_text(graph.read_text(encoding="utf-8") + "\nmzr:p9 a mz:Policy .\n", encoding="utf-8")
    changed = run_cli("query", "--graph", str(graph), COUNT, "--format", "csv", env=_env(cache))
    assert changed.stdout.split() == ["n", "3"], changed.stderr
    assert _stores(cache) == [hashlib.sha256(graph.read_bytes()).hexdigest()] != old


def test_copies_share_a_store_and_updates_never_reach_it(tmp_path):
    cache = tmp_path / "cache"
    a, b = tmp_path / "a.ttl", tmp_path / "b.ttl"
    shutil.copy(FIXTURE, a)
    shutil.copy(FIXTURE, b)
    run_cli("query", "--graph", str(a), COUNT, env=_env(cache))
    run_cli("query", "--graph", str(b), COUNT, env=_env(cache))
    assert len(_stores(cache)) == 1
    upd = run_cli("query", "--graph", str(a), "--allow-update", "INSERT DATA { mz:extra a mz:Policy }", env=_env(cache))
    assert upd.returncode == 0, upd.stderr
    after = run_cli("query", "--graph", str(a), COUNT, "--format", "csv", env=_env(cache))
    assert after.stdout.split() == ["n", "2"]


def test_no_cache_and_small_files_stay_in_memory(tmp_path):
    graph, cache = tmp_path / "g.ttl", tmp_path / "cache"
    shutil.copy(FIXTURE, graph)
    off = run_cli("query", "--graph", str(graph), "--no-cache", COUNT, "--format", "csv", env=_env(cache))
    assert off.stdout.split() == ["n", "2"]
    small = run_cli("query", "--graph", str(graph), COUNT, env={"MZGRAPH_CACHE_DIR": str(cache)})
    assert small.returncode == 0
    assert _stores(cache) == []


def test_unwritable_cache_falls_back_to_memory(tmp_path):
    graph = tmp_path / "g.ttl"
    shutil.copy(FIXTURE, graph)
    blocker = tmp_path / "file"
    blocker.write_text("not a folder", encoding="utf-8")
    done = run_cli("query", "--graph", str(graph), COUNT, "--format", "csv", env=_env(blocker))
    assert done.stdout.split() == ["n", "2"], done.stderr
