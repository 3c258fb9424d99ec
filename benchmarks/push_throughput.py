"""Push throughput: a generated corpus pushed to a real Oxigraph server on loopback.

Generates ``--docs`` synthetic reports (``mzgraph.synth.generate_corpus``), builds them,
starts ``oxigraph serve`` on a free 127.0.0.1 port with a temporary data folder, and pushes
the build twice per ``--batch`` size: into the empty store ("first"), then again, replacing
every graph ("again"). Prints requests, upload time (serialising included), triples per
second, and the time of the count check that follows.

    .venv/bin/python benchmarks/push_throughput.py --docs 200 --batch 10000 50000 200000
"""

from __future__ import annotations

import argparse
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from mzgraph.pipeline import build
from mzgraph.remote.gsp import GraphStore
from mzgraph.remote.http import HttpClient
from mzgraph.remote.protocol import SparqlEndpoint
from mzgraph.remote.push import named_graphs, push


def corpus(n_docs: int, folder: Path) -> list[Path]:
    try:
        from mzgraph.synth import generate_corpus
    except ImportError:  # older trees: copies of the dev report under distinct names
        src = Path(__file__).resolve().parents[1] / "data" / "jiangxi-civil-affairs-2019.txt"
        paths = []
        for i in range(n_docs):
            path = folder / f"report-{i:05d}.txt"
            shutil.copyfile(src, path)
            paths.append(path)
        return paths
    return generate_corpus(n_docs, folder, seed=0)


def start_oxigraph(data: Path) -> tuple[subprocess.Popen, str]:
    binary = Path(sys.executable).parent / "oxigraph"
    found = str(binary) if binary.is_file() else shutil.which("oxigraph")
    if not found:
        sys.exit("the oxigraph server binary is missing: pip install oxigraph")
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    proc = subprocess.Popen(
        [found, "serve", "--location", str(data), "--bind", f"127.0.0.1:{port}"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    for _ in range(200):  # at most ~10 s
        try:
            urllib.request.urlopen(f"{base}/query?query=ASK%7B%7D", timeout=1).close()
            return proc, base
        except OSError:
            time.sleep(0.05)
    proc.terminate()
    sys.exit("oxigraph did not start")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=200)
    parser.add_argument("--batch", type=int, nargs="+", default=[10_000, 50_000, 200_000])
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="mzgraph-push-bench-") as tmp:
        tmp = Path(tmp)
        t0 = time.perf_counter()
        result = build(corpus(args.docs, tmp / "corpus"))
        graphs = named_graphs(result.graph)
        prep = time.perf_counter() - t0
        triples = sum(p.triples for p in graphs)
        print(
            f"corpus: {len(result.documents)} documents, {len(graphs)} named graphs, {triples} triples "
            f"(generate + build + partition {prep:.1f} s)"
        )
        print(f"{'batch':>8} {'push':>8} {'requests':>8} {'upload s':>9} {'triples/s':>10} {'check s':>8}  verified")
        for batch in args.batch:
            proc, base = start_oxigraph(tmp / f"store-{batch}")  # a fresh, empty store per batch size
            try:
                store = GraphStore(f"{base}/store", HttpClient(timeout=300))
                endpoint = SparqlEndpoint(f"{base}/query", HttpClient(timeout=300))
                for kind in ("first", "again"):  # into an empty store, then replacing every graph
                    t1 = time.perf_counter()
                    report = push(graphs, store, endpoint, batch_triples=batch)
                    check = time.perf_counter() - t1 - report.seconds
                    rate = report.triples / report.seconds
                    print(
                        f"{batch:>8} {kind:>8} {report.requests:>8} {report.seconds:>9.2f} {rate:>10,.0f} "
                        f"{check:>8.2f}  {'yes' if report.ok else 'NO'}"
                    )
            finally:
                proc.terminate()
                proc.wait(timeout=30)


if __name__ == "__main__":
    main()
