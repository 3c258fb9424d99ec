"""Builds on a 2-worker Dask cluster against the same build on 2 local processes.

    .venv/bin/python benchmarks/cluster_scale.py [--sizes 1000,10000] [--sample 1000] [--work DIR]
    .venv/bin/python benchmarks/cluster_scale.py --sizes "" --sample 2000   # per-document costs only

For each size, ``mzgraph.synth.generate_corpus`` (seed 0) writes the reports; then, with
the real command line and no cache:

* local: ``mzgraph build CORPUS -o local.nq --jobs 2``;
* cluster: a ``dask scheduler`` and two ``dask worker`` processes (one thread each, like
  the two local processes) on 127.0.0.1, and ``mzgraph build CORPUS -o cluster.nq
  --scheduler …`` (the client merges and writes), then ``--shards DIR`` (the workers write
  the shards and reduce the shared entities; the client holds ids and counts only).

Every process's resident memory is sampled every 50 ms (scheduler, each worker, the
client, the local build's process tree) and its CPU time read from /proc at the end. The
cluster's outputs are checked byte for byte against the local N-Quads (the shards
concatenated in the manifest's order).

A second table gives the per-document costs the scaling model of docs/scaling.md is made
from, measured in this process on the first ``--sample`` reports: CPU, bytes in, N-Quads
bytes and triples out, the pickled size of what a document sends to the resolution
reduction, and how the merged shared-entity table grows with the documents.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import os
import pickle
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus_scale import _tree_rss  # noqa: E402  (one way of reading a process tree's memory)

CLK = os.sysconf("SC_CLK_TCK")


def _cpu(pid: int) -> float:
    """User + system CPU seconds of ``pid`` and its children waited for."""
    try:
        with open(f"/proc/{pid}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
        return sum(int(x) for x in fields[11:15]) / CLK
    except (FileNotFoundError, ProcessLookupError):
        return 0.0


class Sampler:
    """Peak resident memory of named processes (with their children), sampled in a thread."""

    def __init__(self, pids: dict[str, int]):
        self.pids = dict(pids)
        self.peak = dict.fromkeys(pids, 0)
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def add(self, name: str, pid: int) -> None:
        self.pids[name] = pid
        self.peak.setdefault(name, 0)

    def _run(self) -> None:
        while not self._stop.is_set():
            for name, pid in list(self.pids.items()):
                self.peak[name] = max(self.peak[name], _tree_rss(pid))
            time.sleep(0.05)

    def __enter__(self) -> Sampler:
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_cluster(workers: int) -> tuple[str, list[subprocess.Popen]]:
    from distributed import Client

    port = _free_port()
    address = f"tcp://127.0.0.1:{port}"
    quiet = {"stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL}
    procs = [subprocess.Popen([sys.executable, "-m", "distributed.cli.dask_scheduler", "--host", "127.0.0.1",
                               "--port", str(port), "--dashboard-address", "127.0.0.1:0"], **quiet)]  # fmt: skip
    for i in range(workers):
        worker = [sys.executable, "-m", "distributed.cli.dask_worker", address, "--nthreads", "1",
                  "--no-nanny", "--host", "127.0.0.1", "--name", f"w{i}"]  # fmt: skip
        procs.append(subprocess.Popen(worker, **quiet))
    try:
        with Client(address, timeout=60, set_as_default=False) as client:
            client.wait_for_workers(workers, timeout=120)
    except BaseException:
        stop(procs)
        raise
    return address, procs


def run(cmd: list[str], sampler: Sampler) -> tuple[float, float, str]:
    """Run ``cmd`` as the sampled ``client``; wall seconds, its CPU seconds, stdout."""
    start = time.perf_counter()
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        proc = subprocess.Popen(cmd, stdout=out, stderr=err)
        sampler.add("client", proc.pid)
        _, status, usage = os.wait4(proc.pid, 0)
        proc.returncode = os.waitstatus_to_exitcode(status)
        wall = time.perf_counter() - start
        sampler.pids.pop("client")
        out.seek(0)
        err.seek(0)
        stdout, stderr = out.read().decode(), err.read().decode()
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(cmd)} failed ({proc.returncode}): {stderr.strip()[-2000:]}")
    return wall, usage.ru_utime + usage.ru_stime, stdout


def mzgraph(*args: str) -> list[str]:
    return [sys.executable, "-m", "mzgraph", "build", *args, "--no-cache"]


def shards_bytes(folder: Path) -> bytes:
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    parts = []
    for f in manifest["files"]:
        raw = (folder / f["name"]).read_bytes()
        parts.append(gzip.decompress(raw) if f["name"].endswith(".gz") else raw)
    return b"".join(parts)


def measure(n: int, work: Path) -> dict:
    from mzgraph.synth import generate_corpus

    corpus, out = work / f"corpus-{n}", work / f"out-{n}"
    if not corpus.is_dir():
        generate_corpus(n, corpus, seed=0)
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir(parents=True)
    row: dict = {"n": n, "bytes_in": sum(p.stat().st_size for p in corpus.rglob("*.txt"))}

    print(f"[{n}] local --jobs 2 …", file=sys.stderr, flush=True)
    with Sampler({}) as s:
        wall, cpu, _ = run(mzgraph(str(corpus), "-o", str(out / "local.nq"), "--jobs", "2"), s)
    row["local"] = {"wall": wall, "cpu": cpu, "peak": s.peak["client"]}
    local = (out / "local.nq").read_bytes()
    row["triples"] = local.count(b"\n")
    row["bytes_out"] = len(local)

    address, procs = start_cluster(2)
    try:
        names = {"scheduler": procs[0].pid, "worker 1": procs[1].pid, "worker 2": procs[2].pid}
        for label, extra in (("cluster", ["-o", str(out / "cluster.nq")]),
                             ("shards", ["--shards", str(out / "shards")])):  # fmt: skip
            print(f"[{n}] {label} on {address} …", file=sys.stderr, flush=True)
            base = {k: _cpu(pid) for k, pid in names.items()}
            with Sampler(names) as s:
                wall, cpu, _ = run(mzgraph(str(corpus), *extra, "--scheduler", address), s)
            parts = {"client": cpu, **{k: _cpu(pid) - base[k] for k, pid in names.items()}}
            row[label] = {"wall": wall, "cpu": sum(parts.values()), "cpu_parts": parts, "peak": dict(s.peak)}
        row["identical"] = (out / "cluster.nq").read_bytes() == local
        row["shards_identical"] = shards_bytes(out / "shards") == local
    finally:
        stop(procs)
    return row


def stop(procs: list[subprocess.Popen]) -> None:
    """Workers first (a worker whose scheduler is gone may wait for it), then the scheduler."""
    for p in reversed(procs):
        p.terminate()
        try:
            p.wait(timeout=10)
        except subprocess.TimeoutExpired:
            p.kill()
            p.wait()


def per_document(work: Path, sample: int) -> dict:
    """Per-document costs, in this process, on the first ``sample`` reports of seed 0."""
    from mzgraph.pipeline import entities_bytes, process_document
    from mzgraph.resolve import Resolver
    from mzgraph.synth import generate_corpus

    corpus = work / f"sample-{sample}"
    paths = generate_corpus(sample, corpus, seed=0) if not corpus.is_dir() else sorted(corpus.rglob("*.txt"))
    process_document(paths[0])  # warm: gazetteer, lexicons
    resolver = Resolver(keep_details=False)
    cpu = bytes_in = out = triples = shared = 0
    growth = []
    for i, p in enumerate(paths, 1):
        t = time.process_time()
        entry = process_document(p).entry
        cpu += time.process_time() - t
        bytes_in += p.stat().st_size
        out += len(entry.lines)
        triples += entry.triples
        shared += len(pickle.dumps(entry.shared, protocol=5))
        resolver.merge(entry.shared)
        if i in (sample // 8, sample // 4, sample // 2, sample):
            kb = resolver.result()
            growth.append((i, len(kb.entities), len(kb.relations), len(pickle.dumps(kb, protocol=5)),
                           len(entities_bytes(kb, quads=True))))  # fmt: skip
    return {
        "sample": sample,
        "cpu_ms": cpu / sample * 1000,
        "bytes_in": bytes_in / sample,
        "nq_bytes": out / sample,
        "triples": triples / sample,
        "shared_bytes": shared / sample,
        "growth": growth,
    }


def print_tables(rows: list[dict], doc: dict | None) -> None:
    if rows:
        print(f"\n2 workers × 1 thread vs --jobs 2, no cache ({os.cpu_count()} cores, shared machine)\n")
        print("| reports | local --jobs 2 | cluster -o .nq | ratio | cluster --shards | ratio | identical "
              "| CPU local / cluster / shards | peak: local | scheduler | workers (-o · --shards) "
              "| client (-o / --shards) |")  # fmt: skip
        print("|---:|---:|---:|---:|---:|---:|---|---|---:|---:|---|---|")
    mb = 2**20
    for r in rows:
        lo, cl, sh = r["local"], r["cluster"], r["shards"]
        workers = " · ".join(
            " / ".join(f"{run['peak'][w] / mb:.0f}" for w in ("worker 1", "worker 2")) for run in (cl, sh)
        )
        print(
            f"| {r['n']:,} | {lo['wall']:.1f} s | {cl['wall']:.1f} s | {cl['wall'] / lo['wall']:.2f}× "
            f"| {sh['wall']:.1f} s | {sh['wall'] / lo['wall']:.2f}× "
            f"| {'yes' if r['identical'] and r['shards_identical'] else 'NO'} "
            f"| {lo['cpu']:.1f} / {cl['cpu']:.1f} / {sh['cpu']:.1f} s "
            f"| {lo['peak'] / mb:.0f} MB | {max(cl['peak']['scheduler'], sh['peak']['scheduler']) / mb:.0f} MB "
            f"| {workers} MB | {cl['peak']['client'] / mb:.0f} / {sh['peak']['client'] / mb:.0f} MB |"
        )
    for r in rows:
        print(f"\n{r['n']:,} reports: {r['bytes_in'] / 1e6:.1f} MB in, {r['triples']:,} triples, "
              f"{r['bytes_out'] / 1e6:.1f} MB of N-Quads")  # fmt: skip
        for label in ("cluster", "shards"):
            parts = ", ".join(f"{k} {v:.1f} s" for k, v in r[label]["cpu_parts"].items())
            print(f"  CPU of the {'-o .nq' if label == 'cluster' else '--shards'} build: {parts}")
    if doc:
        print(f"\nper document (first {doc['sample']} reports, one process): {doc['cpu_ms']:.1f} ms CPU, "
              f"{doc['bytes_in'] / 1e3:.1f} kB in, {doc['triples']:.0f} triples / {doc['nq_bytes'] / 1e3:.1f} kB "
              f"of N-Quads out, {doc['shared_bytes'] / 1e3:.1f} kB pickled to the resolution\n")  # fmt: skip
        print("| documents merged | shared entities | shared relations | merged table, pickled | entities graph |")
        print("|---:|---:|---:|---:|---:|")
        for i, ents, rels, size, nq in doc["growth"]:
            print(f"| {i:,} | {ents:,} | {rels:,} | {size / 1e3:.0f} kB | {nq / 1e3:.0f} kB |")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="1000,10000")
    ap.add_argument("--sample", type=int, default=1000, help="reports for the per-document costs (0: skip)")
    ap.add_argument("--work", type=Path, default=None, help="folder for corpora and outputs [default: a temp dir]")
    args = ap.parse_args()
    work = args.work or Path(tempfile.mkdtemp(prefix="mzgraph-cluster-"))
    doc = per_document(work, args.sample) if args.sample else None
    rows = []
    for n in (int(s) for s in args.sizes.split(",") if s):
        rows.append(measure(n, work))
        print_tables(rows, doc)
    if not rows:  # --sizes "": the per-document costs only
        print_tables(rows, doc)
    digest = hashlib.sha256(b"".join((work / f"out-{r['n']}" / "local.nq").read_bytes() for r in rows)).hexdigest()
    print(f"\nwork folder: {work} (local outputs sha256 {digest[:16]})", file=sys.stderr)


if __name__ == "__main__":
    main()
