"""How long `mzgraph --help` takes to start, against `python -c pass` in the same run.

    .venv/bin/python benchmarks/startup.py [--runs 15]

Each command runs ``--runs`` times in a fresh interpreter (the same one as this script, so
the same site-packages); the table shows the median and the fastest wall time of each and
their ratio (the goal of issue 14: ``--help`` ≤ 10× ``python -c pass``). The runs alternate,
so load from other jobs on a shared machine falls on both alike. ``mzgraph query`` on a small
graph is shown for scale: it imports rdflib, pyoxigraph and pandas, which ``--help`` must not.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

from compiled import ensure_bytecode

ROOT = Path(__file__).resolve().parents[1]
FIXTURE = ROOT / "tests" / "query" / "fixture.ttl"
COMMANDS = {
    "python -c pass": [sys.executable, "-c", "pass"],
    "mzgraph --help": [sys.executable, "-m", "mzgraph", "--help"],
    "mzgraph --version": [sys.executable, "-m", "mzgraph", "--version"],
    "mzgraph query (small graph)": [sys.executable, "-m", "mzgraph", "query", "ASK {}", "--graph", str(FIXTURE)],
}


def wall(cmd: list[str]) -> float:
    t0 = time.perf_counter()
    subprocess.run(cmd, check=True, capture_output=True, cwd=ROOT)
    return time.perf_counter() - t0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=15)
    args = ap.parse_args(argv)
    ensure_bytecode()  # as an installed package has it (see compiled.py)
    for cmd in COMMANDS.values():  # warm the file cache: the first run of each reads from disk
        wall(cmd)
    times: dict[str, list[float]] = {name: [] for name in COMMANDS}
    for _ in range(args.runs):
        for name, cmd in COMMANDS.items():
            times[name].append(wall(cmd))
    base = statistics.median(times["python -c pass"])
    print(f"| command | median | fastest | × python -c pass (median) |  ({args.runs} runs each)")
    print("|---|---:|---:|---:|")
    for name, ts in times.items():
        median = statistics.median(ts)
        print(f"| `{name}` | {median * 1000:.0f} ms | {min(ts) * 1000:.0f} ms | {median / base:.1f}× |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
