"""A long fuzz of the SPARQL gate: no accepted query may reach out or change anything.

Generated queries and updates (``tests/hostile/sparql.py``: escapes in prefixed names,
strings and IRIs holding ``#``, quotes and keywords, comments between tokens, nested
groups, keywords in odd case or as ``\\u`` escapes, SERVICE, LOAD, updates and remote FROM
hidden among them) go through :func:`mzgraph.query.gate.admit` with the default policy.
Each accepted text is then judged by two oracles that do not share the gate's code:

* rdflib's algebra of the text holds no SERVICE, LOAD, update operation or dataset clause;
* Oxigraph (a different parser) evaluates the text the gate hands the engines as a query without connecting to the local
  listener every generated endpoint names, and will not run it as an update.

A violation prints the text; the run goes on. Prints a table: minutes, texts tried,
accepted, refused by reason, malformed, violations; exit status 1 if any violation.

    nice -n 10 python benchmarks/gate_fuzz.py --minutes 10
"""

from __future__ import annotations

import argparse
import logging
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from hypothesis import HealthCheck, given, settings  # noqa: E402
from tests.hostile import sparql  # noqa: E402


def run(minutes: float, batch: int) -> tuple[Counter, list[str], float]:
    logging.disable(logging.CRITICAL)  # rdflib warns about every odd IRI it builds
    listener = sparql.Listener()
    counts: Counter = Counter()
    violations: list[str] = []

    @settings(
        max_examples=batch,
        deadline=None,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    @given(sparql.texts)
    def one_batch(template: str) -> None:
        sparql.judge(template.replace("{url}", listener.url), listener, counts, violations)

    start = time.monotonic()
    end = start + minutes * 60
    while time.monotonic() < end:
        one_batch()
    return counts, violations, (time.monotonic() - start) / 60


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--minutes", type=float, default=1.0, help="how long to fuzz (default 1)")
    parser.add_argument("--batch", type=int, default=500, help="examples per hypothesis run (default 500)")
    args = parser.parse_args(argv)
    counts, violations, minutes = run(args.minutes, args.batch)
    for line in violations[:20]:
        print("VIOLATION", line)
    refused = sorted(k for k in counts if k.startswith("refused "))
    rows = [
        ("minutes", f"{minutes:.1f}"),
        ("texts tried", f"{counts['tried']:,}"),
        ("accepted", f"{counts['accepted']:,}"),
        *((k, f"{counts[k]:,}") for k in refused),
        ("malformed (one-line error)", f"{counts['malformed']:,}"),
        ("violations", f"{counts['violations']:,}"),
    ]
    width = max(len(k) for k, _ in rows)
    print(f"{'gate fuzz':<{width}}  count")
    print(f"{'-' * width}  -----")
    for key, value in rows:
        print(f"{key:<{width}}  {value}")
    return 1 if violations else 0


if __name__ == "__main__":
    sys.exit(main())
