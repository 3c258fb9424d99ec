"""What the workbench's entity pages cost as a corpus grows: the hub and a leaf of synthetic corpora.

    .venv/bin/python benchmarks/workbench_pages.py [--docs 20,100,400]

For each corpus size, ``mzgraph build`` makes the graph of ``mzgraph.synth`` reports, a
``mzgraph serve`` server (the workbench's routes included) runs in this process on a free
loopback port, and two entities are asked for: the hub (the entity with the most mz:
relations, a province) and a leaf (a target). Columns: ``nbhd triples`` = what
``neighbourhood.rq`` fetched for the entity; ``entity ms`` / ``network ms`` = wall time of
``/workbench/entity`` and ``/workbench/network`` (median of 3); ``cpu ms`` = the CPU time
for both of this process (the server runs in it) and of the server's query processes (the
gate's verdict cache is emptied before each visit: what a first visit costs); ``µs/triple`` = that CPU over the
neighbourhood's size, which stays flat when the work is linear in what is shown; ``page KB`` =
the network page (vis-network inlined: about 700 KB of it).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
import urllib.request
from pathlib import Path

import pyoxigraph as ox

from mzgraph.query.gate import _cached_parse as gate_cache
from mzgraph.rdf.namespaces import PREFIXES
from mzgraph.remote.serve import make_server, open_store
from mzgraph.remote.workbench import ROUTES
from mzgraph.remote.workbench.routes import neighbourhood_query
from mzgraph.synth import generate_corpus

HUB = """SELECT ?e (COUNT(*) AS ?n) WHERE { { ?e ?p ?o } UNION { ?o ?p ?e }
  FILTER(STRSTARTS(STR(?p), STR(mz:)) && isIRI(?o)) ?e a mz:AdministrativeArea }
  GROUP BY ?e ORDER BY DESC(?n) LIMIT 1"""
LEAF = "SELECT ?e WHERE { ?e a mz:Target } ORDER BY ?e LIMIT 1"


def _cpu(server) -> float:
    """CPU seconds of this process and of the server's query processes (forked, never reaped)."""
    total = time.process_time()
    tick = os.sysconf("SC_CLK_TCK")
    for pid in server.query_process_ids():
        try:
            with open(f"/proc/{pid}/stat") as f:
                fields = f.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += (int(fields[11]) + int(fields[12])) / tick  # utime, stime
    return total


def _first(store: ox.Store, query: str) -> ox.NamedNode:
    return next(iter(store.query(query, prefixes={p: str(ns) for p, ns in PREFIXES.items()})))["e"]


def _neighbourhood_size(store: ox.Store, centre: ox.NamedNode) -> int:
    rows = store.query(neighbourhood_query(centre), prefixes={p: str(ns) for p, ns in PREFIXES.items()})
    return sum(1 for _ in rows)


def _get(url: str) -> tuple[float, int]:
    started = time.perf_counter()
    with urllib.request.urlopen(url, timeout=600) as resp:
        size = len(resp.read())
    return time.perf_counter() - started, size


def measure(n_docs: int, work: Path) -> list[tuple]:
    corpus = generate_corpus(n_docs, work / f"corpus-{n_docs}")
    graph = work / f"graph-{n_docs}.ttl"
    subprocess.run(
        [sys.executable, "-m", "mzgraph", "build", *map(str, corpus), "-o", str(graph), "--html", str(work / "v.html")],
        check=True,
        capture_output=True,
    )
    store = open_store(graph=graph)
    server = make_server(store, port=0, routes=ROUTES)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    rows = []
    try:
        _get(base + "/workbench/entity?iri=" + urllib.parse.quote(_first(store, LEAF).value))  # imports, warm-up
        for kind, centre in (("hub", _first(store, HUB)), ("leaf", _first(store, LEAF))):
            iri = urllib.parse.quote(centre.value, safe="")
            entity, network, cpu = [], [], []
            for _ in range(3):
                gate_cache.cache_clear()  # a first visit: every query judged by the gate again
                cpu0 = _cpu(server)
                entity.append(_get(f"{base}/workbench/entity?iri={iri}")[0])
                seconds, page = _get(f"{base}/workbench/network?iri={iri}")
                network.append(seconds)
                cpu.append(_cpu(server) - cpu0)
            size = _neighbourhood_size(store, centre)
            cpu_ms = statistics.median(cpu) * 1000
            rows.append(
                (
                    n_docs,
                    len(store),
                    kind,
                    size,
                    statistics.median(entity) * 1000,
                    statistics.median(network) * 1000,
                    cpu_ms,
                    cpu_ms * 1000 / size,
                    page / 1024,
                )
            )
    finally:
        server.shutdown()
        server.server_close()
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", default="20,100,400", help="corpus sizes, comma-separated")
    args = parser.parse_args()
    sizes = [int(s) for s in args.docs.split(",")]
    header = ("docs", "triples", "entity", "nbhd triples", "entity ms", "network ms", "cpu ms", "µs/triple", "page KB")
    print("  ".join(f"{h:>12}" for h in header))
    with tempfile.TemporaryDirectory() as tmp:
        for n in sizes:
            for row in measure(n, Path(tmp)):
                cells = [f"{v:>12,.0f}" if isinstance(v, (int, float)) else f"{v:>12}" for v in row]
                cells[7] = f"{row[7]:>12.1f}"
                print("  ".join(cells), flush=True)


if __name__ == "__main__":
    main()
