"""A build on a Dask cluster gives the same bytes as a local build of the same sources."""

from __future__ import annotations

import gzip
import hashlib
import json
import time

import pytest
from rdflib import Graph

import mzgraph
from mzgraph.cluster.shards import MANIFEST, build_shards
from mzgraph.pipeline import build, build_to_file
from tests.cluster.conftest import start_loopback
from tests.conftest import run_cli


def _shards_bytes(folder) -> bytes:
    manifest = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    data = b""
    for f in manifest["files"]:
        raw = (folder / f["name"]).read_bytes()
        assert hashlib.sha256(raw).hexdigest() == f["sha256"] and len(raw) == f["bytes"]
        text = gzip.decompress(raw) if f["name"].endswith(".gz") else raw
        assert text.count(b"\n") == f["triples"]
        data += text
    assert manifest["triples"] == data.count(b"\n")
    return data


# --- LocalCluster (threads): the API


@pytest.mark.parametrize("suffix", ["ttl", "nq"])
def test_cluster_file_equals_the_local_file(in_process, sources, local_builds, tmp_path, suffix):
    out = tmp_path / f"graph.{suffix}"
    result = build_to_file([sources], out, client=in_process)
    assert out.read_bytes() == getattr(local_builds, suffix).read_bytes()
    assert result.failures == local_builds.result.failures
    assert result.documents == local_builds.result.documents
    assert result.notes == local_builds.result.notes


def test_in_memory_build_with_a_client(in_process, sources, local_builds):
    result = mzgraph.build([sources], client=in_process)
    local = build([sources])
    assert set(result.graph) == set(local.graph)
    assert result.entity_counts == local.entity_counts
    # the second file of one stem got the id a local build gives it
    assert any("/doc/report-00003-" in str(s) for s in result.graph.subjects())


@pytest.mark.parametrize("compress", [False, True])
def test_shards_concatenated_are_the_local_nquads(in_process, sources, local_builds, tmp_path, compress):
    folder = tmp_path / "shards"
    result = build_shards([sources], folder, in_process, shard_documents=5, compress=compress, max_bytes=10**7)
    assert _shards_bytes(folder) == local_builds.nq.read_bytes()
    names = [f.name for f in result.files]
    ext = ".nq.gz" if compress else ".nq"
    assert names == [f"part-0000{i}{ext}" for i in range(4)] + [f"entities{ext}"]
    local = local_builds.result
    assert (result.entity_counts, result.failures, result.documents) == (
        local.entity_counts,
        local.failures,
        local.documents,
    )
    assert result.notes == local.notes and result.triples == local.triples


def test_shards_from_the_cache_are_the_same_and_read_nothing(in_process, sources, local_builds, tmp_path):
    folder, cache = tmp_path / "shards", tmp_path / "shared-cache"
    first = build_shards([sources], folder, in_process, shard_documents=100, max_bytes=10**7, cache_dir=cache)
    again = build_shards([sources], folder, in_process, shard_documents=100, max_bytes=10**7, cache_dir=cache)
    files = 18  # the documents that are files; the archive's pages are never cached
    pages = len(local_builds.result.documents) - files
    assert (first.read, first.cached) == (files + pages, 0)
    assert (again.read, again.cached) == (pages, files)
    assert _shards_bytes(folder) == local_builds.nq.read_bytes()
    # a smaller build into the same folder leaves no file of the earlier one behind
    build_shards([sources / "dev"], folder, in_process, shard_documents=100, max_bytes=10**7)
    assert sorted(p.name for p in folder.iterdir() if not p.name.startswith(".")) == [
        "entities.nq",
        MANIFEST,
        "part-00000.nq",
    ]


# --- a real cluster over loopback: the command line


@pytest.mark.parametrize("suffix", ["ttl", "nq"])
def test_cli_on_a_loopback_cluster(loopback, sources, local_builds, tmp_path, suffix):
    out = tmp_path / f"graph.{suffix}"
    proc = run_cli("build", str(sources), "-o", str(out), "--no-html", "--scheduler", loopback.address)
    assert proc.returncode == 1, proc.stderr
    assert out.read_bytes() == getattr(local_builds, suffix).read_bytes()
    assert f"cluster: {loopback.address}, 2 worker(s), 2 thread(s); dashboard: http://127.0.0.1:" in proc.stderr
    failed = [line for line in proc.stderr.splitlines() if line.startswith("failed: ")]
    assert failed == [f"failed: {sources / 'zz-again' / 'empty.txt'}: the file is empty"]
    built = len(local_builds.result.documents)
    assert f"1 of {built + 1} document(s) failed; the graph holds the others" in proc.stderr
    assert "Traceback" not in proc.stderr
    assert f"built {built} document(s)" in proc.stdout
    assert f"archive {local_builds.result.notes[0]}" in proc.stdout


def test_cli_shards_on_a_loopback_cluster(loopback, sources, local_builds, tmp_path):
    folder = tmp_path / "graph"
    proc = run_cli("build", str(sources), "--scheduler", loopback.address, "--shards", str(folder), "--gzip",
                   "--shard-size", "4")  # fmt: skip
    assert proc.returncode == 1, proc.stderr
    assert _shards_bytes(folder) == local_builds.nq.read_bytes()
    assert f"6 file(s) in {folder}" in proc.stdout


def test_cli_refuses_what_a_cluster_cannot_do(tmp_path, sources):
    unreachable = run_cli("build", str(sources), "-o", str(tmp_path / "g.nq"), "--scheduler", "tcp://127.0.0.1:9",
                          env={"DASK_DISTRIBUTED__COMM__TIMEOUTS__CONNECT": "2s"})  # fmt: skip
    assert unreachable.returncode == 1
    assert unreachable.stderr.strip().startswith("error: cannot reach the Dask scheduler at tcp://127.0.0.1:9")
    assert len(unreachable.stderr.strip().splitlines()) == 1
    assert not (tmp_path / "g.nq").exists()
    no_scheduler = run_cli("build", str(sources), "--shards", str(tmp_path / "s"))
    assert no_scheduler.returncode == 2 and "--shards and --gzip need --scheduler" in no_scheduler.stderr


# --- faults: a worker killed in the middle of a build


@pytest.fixture
def three_workers(tmp_path):
    cluster = start_loopback(3, tmp_path)
    yield cluster
    cluster.stop()


def _killer(cluster, client, victims: list):
    """A progress callback that kills a worker holding work, once the build is under way."""

    def progress(done: int, total: int) -> None:
        if victims or done < 2 or done >= total:
            return
        busy = {w for w, keys in client.processing().items() if keys} | {
            w for w, keys in client.has_what().items() if keys
        }
        names = {info["name"]: addr for addr, info in client.scheduler_info()["workers"].items()}
        for proc, name in zip(cluster.workers, ("w0", "w1", "w2"), strict=True):
            if proc.poll() is None and names.get(name) in busy:
                cluster.kill_worker(proc)
                victims.append(name)
                return

    return progress


def test_a_worker_killed_mid_build_changes_nothing(three_workers, sources, local_builds, tmp_path):
    with three_workers.client() as client:
        victims: list[str] = []
        out = tmp_path / "graph.nq"
        build_to_file([sources], out, client=client, progress=_killer(three_workers, client, victims))
        assert len(victims) == 1
        assert out.read_bytes() == local_builds.nq.read_bytes()

        # the shards' outcomes live on the workers until written: lost ones are recomputed
        victims.clear()
        folder = tmp_path / "shards"
        build_shards([sources], folder, client, shard_documents=3, max_bytes=10**7,
                     progress=_killer(three_workers, client, victims))  # fmt: skip
        assert len(victims) == 1
        assert _shards_bytes(folder) == local_builds.nq.read_bytes()
        deadline = time.monotonic() + 10
        while len(client.scheduler_info()["workers"]) != 1 and time.monotonic() < deadline:
            time.sleep(0.1)
        assert len(client.scheduler_info()["workers"]) == 1


def test_turtle_of_the_cluster_reads_back(in_process, sources, tmp_path):
    out = tmp_path / "graph.ttl"
    build_to_file([sources / "dev"], out, client=in_process)
    assert len(Graph().parse(out)) > 1000


# --- pushed to a store


def test_shards_pushed_are_what_mzgraph_push_sends(loopback, sources, local_builds, start_oxigraph, tmp_path):
    """``build --shards --push`` streams the shards to the store graph by graph; the store
    ends up holding what ``mzgraph push`` of the local build puts there, graph for graph."""
    streamed, loaded = start_oxigraph(), start_oxigraph()
    folder = tmp_path / "graph"
    proc = run_cli("build", str(sources), "--scheduler", loopback.address, "--shards", str(folder),
                   "--shard-size", "5", "--gzip", "--push", streamed.store_url)  # fmt: skip
    assert proc.returncode == 1, proc.stderr  # the empty file, as locally; the rest is pushed
    built = len(local_builds.result.documents)
    graphs = f"{built + 2} graphs ({built} documents, entities, ontology)"
    assert f"pushed {folder} to {streamed.store_url}: {graphs}" in proc.stdout
    assert "verified at " in proc.stdout and "Traceback" not in proc.stderr
    assert run_cli("push", "--store-url", loaded.store_url, "-g", str(local_builds.ttl)).returncode == 0
    counts = streamed.counts()
    assert len(counts) == built + 2 and counts == loaded.counts()
    entities = "https://w3id.org/mzgraph/resource/graph/entities"
    assert streamed.graph_triples(entities) == loaded.graph_triples(entities)


def test_push_refuses_before_building(sources, tmp_path):
    down = run_cli("build", str(sources / "dev"), "-o", str(tmp_path / "g.nq"), "--push", "http://127.0.0.1:9/store")
    assert down.returncode == 3 and down.stderr.startswith("error: nothing built: ")
    assert not (tmp_path / "g.nq").exists()
    turtle = run_cli("build", str(sources / "dev"), "-o", str(tmp_path / "g.ttl"), "--push", "http://127.0.0.1:9/store")
    assert turtle.returncode == 2 and "--push sends N-Quads" in turtle.stderr
