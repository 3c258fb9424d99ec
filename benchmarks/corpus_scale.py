"""Corpus builds at scale: 1,000 and 10,000 generated reports, as a user builds them.

    .venv/bin/python benchmarks/corpus_scale.py [--sizes 1000,10000] [--jobs 2] [--work DIR]

For each size, the reports come from ``mzgraph.synth.generate_corpus`` (deterministic,
seed 0) and are built with the real command line, ``mzgraph build CORPUS -o corpus.nt
--jobs N``, in a child process whose whole process tree (main + workers) is sampled for
resident memory every 50 ms. Then:

* cold build: no cache; documents/s, characters/s of clean text, peak memory, triples;
* rebuild after one change: one report in the middle gets a new sentence; the cache lets
  the build read that file only (the line ``(1 read, N-1 from cache)`` is checked);
* rebuild with no change;
* ready questions: the N-Triples are bulk-loaded into an on-disk Oxigraph store and each
  of ``mzgraph.query.ready_questions()`` is run once through ``mzgraph.query.run``, in a
  process of its own that reopens the store (latency of a first run, rows returned;
  ``--query-timeout`` caps each).

Prints one table of builds and one of question latencies per size.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from compiled import ensure_bytecode

SUMMARY = re.compile(r"built (\d+) document\(s\): .*; (\d+) triples → .* \((\d+) read, (\d+) from cache\)")


def _tree_rss(pid: int) -> int:
    """Resident memory (bytes) of ``pid`` and all its descendants."""
    total, todo = 0, [pid]
    while todo:
        p = todo.pop()
        try:
            with open(f"/proc/{p}/status") as f:
                for line in f:
                    if line.startswith("VmRSS:"):
                        total += int(line.split()[1]) * 1024
                        break
            for task in os.listdir(f"/proc/{p}/task"):
                with open(f"/proc/{p}/task/{task}/children") as f:
                    todo.extend(int(c) for c in f.read().split())
        except (FileNotFoundError, ProcessLookupError, PermissionError):
            continue
    return total


def run_measured(cmd: list[str]) -> tuple[float, int, str]:
    """Run ``cmd``; wall seconds, peak resident memory of its process tree, stdout."""
    start = time.perf_counter()
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        proc = subprocess.Popen(cmd, stdout=out, stderr=err)
        peak = 0
        while proc.poll() is None:
            peak = max(peak, _tree_rss(proc.pid))
            time.sleep(0.05)
        wall = time.perf_counter() - start
        out.seek(0)
        err.seek(0)
        stdout, stderr = out.read().decode(), err.read().decode()
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(cmd)} failed ({proc.returncode}): {stderr.strip()[-2000:]}")
    return wall, peak, stdout


def build(corpus: Path, output: Path, jobs: int, *extra: str) -> dict:
    cmd = [sys.executable, "-m", "mzgraph", "build", str(corpus), "-o", str(output), "--jobs", str(jobs), *extra]
    wall, peak, stdout = run_measured(cmd)
    m = SUMMARY.search(stdout)
    if not m:
        raise SystemExit(f"unexpected output: {stdout!r}")
    docs, triples, read, cached = map(int, m.groups())
    return {"wall": wall, "peak": peak, "docs": docs, "triples": triples, "read": read, "cached": cached}


LOAD_CHILD = r"""
import sys, time
import pyoxigraph as ox
t = time.perf_counter()
ox.Store(sys.argv[2]).bulk_load(path=sys.argv[1], format=ox.RdfFormat.N_TRIPLES)
print(time.perf_counter() - t)
"""

QUESTION_CHILD = r"""
import json, sys, time
from pathlib import Path
import pyoxigraph as ox
from mzgraph.query import OxigraphBackend, ready_question, run

store_dir, name = sys.argv[1], sys.argv[2]
backend = OxigraphBackend(ox.Store(store_dir), directory=Path(store_dir))
text = ready_question(name).text
t = time.perf_counter()
res = run(backend, text)
rows = len(res.rows) if res.kind == "select" else (len(res.triples) or int(bool(res.boolean)))
print(json.dumps({"ms": (time.perf_counter() - t) * 1000, "rows": rows}))
"""


def ready_latencies(nt: Path, work: Path, timeout: float) -> dict:
    """Bulk-load ``nt`` into an on-disk Oxigraph store, then time each ready question in a
    process of its own (killed after ``timeout`` seconds, so a slow one cannot slow the next)."""
    from mzgraph.query import ready_questions

    store = work / "oxigraph"
    shutil.rmtree(store, ignore_errors=True)
    _, peak, stdout = run_measured([sys.executable, "-c", LOAD_CHILD, str(nt), str(store)])
    out = {"load": float(stdout), "peak": peak, "questions": {}}
    for name in ready_questions():
        try:
            res = subprocess.run(
                [sys.executable, "-c", QUESTION_CHILD, str(store), name],
                capture_output=True,
                text=True,
                timeout=timeout,
            )
            if res.returncode == 0:
                out["questions"][name] = json.loads(res.stdout)
            else:
                out["questions"][name] = {"ms": None, "rows": None, "error": res.stderr.strip()[-80:]}
        except subprocess.TimeoutExpired:
            out["questions"][name] = {"ms": None, "rows": None, "error": f"over {timeout:.0f} s"}
        print(f"  {name}: {out['questions'][name]}", file=sys.stderr, flush=True)
    return out


def change_one(corpus_paths: list[Path]) -> Path:
    victim = corpus_paths[len(corpus_paths) // 2]
    text = victim.read_text(encoding="utf-8")
    victim.write_text(text + "\n  2020年全省新增养老床位1.52万张,覆盖87.5%的乡镇。\n", encoding="utf-8")
    return victim


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="1000,10000")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--work", type=Path, default=None, help="folder for corpora and outputs [default: a temp dir]")
    ap.add_argument("--no-queries", action="store_true")
    ap.add_argument("--query-timeout", type=float, default=120.0, help="seconds a ready question may take")
    args = ap.parse_args()
    ensure_bytecode()  # as an installed package has it (see compiled.py)

    from mzgraph import ingest
    from mzgraph.synth import generate_corpus

    work = args.work or Path(tempfile.mkdtemp(prefix="mzgraph-corpus-"))
    rows, questions = [], {}
    for n in (int(s) for s in args.sizes.split(",")):
        corpus, out_dir = work / f"corpus-{n}", work / f"out-{n}"
        t = time.perf_counter()
        paths = generate_corpus(n, corpus, seed=0)
        gen = time.perf_counter() - t
        chars = sum(len(ingest.read_document(p).text) for p in paths)
        output = out_dir / "corpus.nt"
        shutil.rmtree(out_dir / ".mzgraph-cache", ignore_errors=True)
        print(f"[{n}] generated in {gen:.1f} s; building …", file=sys.stderr, flush=True)
        cold = build(corpus, output, args.jobs)
        size_mb = output.stat().st_size / 1e6
        print(f"[{n}] cold build {cold['wall']:.1f} s; rebuilding …", file=sys.stderr, flush=True)
        change_one(paths)
        one = build(corpus, output, args.jobs)
        assert (one["read"], one["cached"]) == (1, n - 1), one
        same = build(corpus, output, args.jobs)
        assert same["read"] == 0, same
        row = {
            "n": n,
            "chars": chars,
            "cold": cold,
            "one": one,
            "same": same,
            "size_mb": size_mb,
        }
        rows.append(row)
        print_tables(rows, questions, args.jobs)
        if not args.no_queries:
            print(f"[{n}] loading into Oxigraph for the ready questions …", file=sys.stderr, flush=True)
            q = ready_latencies(output, out_dir, args.query_timeout)
            row["load"] = q["load"]
            row["query_peak"] = q["peak"]
            questions[n] = q["questions"]
            print_tables(rows, questions, args.jobs)
    print(f"\nwork folder: {work}", file=sys.stderr)


def print_tables(rows: list[dict], questions: dict, jobs: int) -> None:
    print(f"\nmzgraph build CORPUS -o corpus.nt --jobs {jobs}  ({os.cpu_count()} cores)\n")
    head = (
        "| reports | chars | cold build | docs/s | chars/s | peak RSS | triples | .nt size "
        "| rebuild, 1 changed | rebuild, none changed |"
    )
    print(head)
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for r in rows:
        c = r["cold"]
        print(
            f"| {r['n']:,} | {r['chars'] / 1e6:.1f} M | {c['wall']:.1f} s | {r['n'] / c['wall']:.1f} "
            f"| {r['chars'] / c['wall'] / 1e3:.0f} k | {c['peak'] / 2**20:.0f} MB | {c['triples'] / 1e6:.2f} M "
            f"| {r['size_mb']:.0f} MB | {r['one']['wall']:.1f} s ({r['one']['read']} read) "
            f"| {r['same']['wall']:.1f} s |"
        )
    for r in rows:
        if r["n"] not in questions:
            continue
        qs = questions[r["n"]]
        ms = [q["ms"] for q in qs.values() if q["ms"] is not None]
        print(
            f"\nready questions on {r['n']:,} reports (Oxigraph, bulk load {r['load']:.1f} s, "
            f"peak {r['query_peak'] / 2**20:.0f} MB; median {statistics.median(ms):.0f} ms):\n"
        )
        print("| question | ms | rows |")
        print("|---|---:|---:|")
        for name, q in qs.items():
            if q["ms"] is None:
                print(f"| {name} | {q.get('error')} | |")
            else:
                print(f"| {name} | {q['ms']:.0f} | {q['rows']} |")


if __name__ == "__main__":
    main()
