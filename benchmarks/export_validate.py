"""How long each export format and SHACL validation take as a corpus grows.

The corpus is ``mzgraph.synth`` reports built with the real pipeline (the first row is the
bundled development report). Each column times the library call behind ``mzgraph export
--format F`` (rendering to bytes in memory, no disk) or ``mzgraph validate`` (pyshacl with
the shipped shapes and ontology) on the graph in memory; MiB is the size of the Turtle.

    .venv/bin/python benchmarks/export_validate.py [--docs 10,100]
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from mzgraph.export import FORMATS, render
from mzgraph.pipeline import build
from mzgraph.synth import generate_corpus
from mzgraph.validate import validate

DEV_REPORT = Path(__file__).resolve().parents[1] / "data" / "jiangxi-civil-affairs-2019.txt"


def _timed(fn, *args, **kwargs):
    t = time.perf_counter()
    out = fn(*args, **kwargs)
    return out, time.perf_counter() - t


def _row(name: str, graph) -> list[str]:
    cells = [name, str(len(graph))]
    size = 0.0
    for fmt in FORMATS:
        files, seconds = _timed(render, graph, fmt)
        if fmt == "turtle":
            size = len(files[""]) / 2**20
        cells.append(f"{seconds:.2f}")
    report, seconds = _timed(validate, graph)
    cells.append(f"{seconds:.2f}" + ("" if report.conforms else f" ({len(report.violations)} violations)"))
    cells.insert(2, f"{size:.1f}")
    return cells


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", default="10,100", help="corpus sizes (comma-separated)")
    args = parser.parse_args()
    header = ["corpus", "triples", "MiB", *FORMATS, "validate"]
    rows = [_row("dev report", build([DEV_REPORT]).graph)]
    for n in [int(x) for x in args.docs.split(",") if x]:
        with tempfile.TemporaryDirectory() as tmp:
            paths = generate_corpus(n, Path(tmp), seed=0)
            rows.append(_row(f"{n} synth docs", build(paths).graph))
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]
    print("seconds per call, graph in memory\n")
    for r in [header, ["-" * w for w in widths], *rows]:
        print("  ".join(c.rjust(w) for c, w in zip(r, widths, strict=True)))


if __name__ == "__main__":
    main()
