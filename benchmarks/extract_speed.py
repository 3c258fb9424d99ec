"""Throughput of ``mzgraph.extract.extract`` on one core.

    .venv/bin/python benchmarks/extract_speed.py [--repeat N]

Reads the development report and the held-out test reports once (cleaning is not timed),
warms the extractor up (gazetteer, lexicons and compiled patterns load on first use), then
times extraction alone over each document and over one long document made by joining
them 20 times. Prints characters per second and documents per second, from CPU time
(``time.process_time``: what one core spends, whatever else the machine is doing) and,
for comparison, from wall-clock time.
"""

from __future__ import annotations

import argparse
import time
from dataclasses import replace
from pathlib import Path

from mzgraph.extract import extract
from mzgraph.ingest import read_document

ROOT = Path(__file__).resolve().parents[1]


def timed(doc, repeat: int) -> tuple[float, float]:
    """Best CPU time and best wall time over ``repeat`` runs."""
    cpu = wall = float("inf")
    for _ in range(repeat):
        c0, w0 = time.process_time(), time.perf_counter()
        extract(doc)
        cpu = min(cpu, time.process_time() - c0)
        wall = min(wall, time.perf_counter() - w0)
    return cpu, wall


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=5, help="runs per document; the best is kept")
    args = ap.parse_args()
    paths = [ROOT / "data" / "jiangxi-civil-affairs-2019.txt", *sorted((ROOT / "tests/extract/heldout").glob("*.txt"))]
    docs = [read_document(p) for p in paths]
    t0 = time.perf_counter()
    extract(docs[0])
    warmup = time.perf_counter() - t0
    big = replace(docs[0], doc_id="joined", text="\n\n".join(d.text for d in docs * 20))
    rows = []
    for d in [*docs, big]:
        cpu, wall = timed(d, args.repeat)
        rows.append((Path(d.path).stem if d is not big else "all joined x20", len(d.text), cpu, wall))
    print(f"first call (loads gazetteer and patterns): {warmup * 1000:.0f} ms")
    print(f"{'document':<30}{'chars':>8}{'cpu ms':>9}{'chars/s (cpu)':>15}{'docs/s':>8}{'chars/s (wall)':>16}")

    def line(name, n, cpu, wall, ndocs=1):
        print(f"{name:<30}{n:8d}{cpu * 1000:9.2f}{n / cpu:15,.0f}{ndocs / cpu:8.0f}{n / wall:16,.0f}")

    for name, n, cpu, wall in rows:
        line(name, n, cpu, wall)
    singles = rows[:-1]
    line(
        "all documents, one by one",
        sum(r[1] for r in singles),
        sum(r[2] for r in singles),
        sum(r[3] for r in singles),
        len(singles),
    )


if __name__ == "__main__":
    main()
