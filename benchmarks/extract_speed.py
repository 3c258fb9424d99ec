"""Throughput of ``mzgraph.extract.extract`` on one core, against ``jieba.lcut`` in the same run.

    .venv/bin/pip install -e '.[bench]'          # jieba, for the comparison only
    .venv/bin/python benchmarks/extract_speed.py [--repeat N] [--one-line-mb MB]

Reads the development report and the held-out test reports once (cleaning is not timed),
warms the extractor and jieba up (gazetteer, lexicons, patterns and jieba's dictionary load
on first use), then times extraction alone:

* over each document, and over one long document made by joining them 20 times; the same
  long text through ``jieba.lcut`` gives the ratio (extraction chars/s ÷ jieba chars/s);
* shapes of one long line (issue 15): the corpus repeated to ``--one-line-mb`` with its line
  breaks, the same text as one line, and one line of figures with no sentence end at
  50/100/200 KB (the sizes that took 24/85/366 s before extraction was made linear).

The extraction modules run compiled where the install compiled them (``hatch_build.py``);
the first line says which. ``MZGRAPH_COMPILED=0`` runs the same modules as Python.

Times are CPU times (``time.process_time``: what one core spends, whatever else the shared
machine is doing); wall-clock chars/s are printed for comparison.
"""

from __future__ import annotations

import argparse
import re
import time
from dataclasses import replace
from pathlib import Path

from mzgraph.extract import compiled_modules, extract
from mzgraph.ingest import read_document

ROOT = Path(__file__).resolve().parents[1]


def timed(fn, arg, repeat: int) -> tuple[float, float]:
    """Best CPU time and best wall time of ``fn(arg)`` over ``repeat`` runs."""
    cpu = wall = float("inf")
    for _ in range(repeat):
        c0, w0 = time.process_time(), time.perf_counter()
        fn(arg)
        cpu = min(cpu, time.process_time() - c0)
        wall = min(wall, time.perf_counter() - w0)
    return cpu, wall


def line(name: str, n: int, cpu: float, wall: float, ndocs: int | str = 1) -> None:
    docs = f"{ndocs / cpu:8.0f}" if isinstance(ndocs, int) else f"{ndocs:>8}"
    print(f"{name:<40}{n:>11,}{cpu * 1000:11.1f}{n / cpu:15,.0f}{docs}{n / wall:16,.0f}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=5, help="runs per document; the best is kept")
    ap.add_argument("--one-line-mb", type=float, default=10.0, help="size of the one-line document (MB of text)")
    args = ap.parse_args()
    paths = [ROOT / "data" / "jiangxi-civil-affairs-2019.txt", *sorted((ROOT / "tests/extract/heldout").glob("*.txt"))]
    docs = [read_document(p) for p in paths]
    t0 = time.perf_counter()
    extract(docs[0])
    warmup = time.perf_counter() - t0
    try:
        import jieba

        jieba.setLogLevel(60)
        jieba.lcut("民政部印发通知")  # loads the dictionary
    except ImportError:
        jieba = None

    def run(doc) -> None:
        extract(doc)

    big = replace(docs[0], doc_id="joined", text="\n\n".join(d.text for d in docs * 20))
    compiled = compiled_modules()
    how = f"compiled ({len(compiled)} modules: {', '.join(compiled)})" if compiled else "Python (nothing compiled)"
    print(f"extraction runs {how}")
    print(f"first call (loads gazetteer and patterns): {warmup * 1000:.0f} ms")
    print(f"{'document':<40}{'chars':>11}{'cpu ms':>11}{'chars/s (cpu)':>15}{'docs/s':>8}{'chars/s (wall)':>16}")
    rows = [(Path(d.path).stem, len(d.text), *timed(run, d, args.repeat)) for d in docs]
    for name, n, cpu, wall in rows:
        line(name, n, cpu, wall)
    line(
        "all documents, one by one",
        sum(r[1] for r in rows),
        sum(r[2] for r in rows),
        sum(r[3] for r in rows),
        len(rows),
    )
    cpu, wall = timed(run, big, args.repeat)
    line("all joined x20", len(big.text), cpu, wall)
    if jieba is not None:
        jcpu, jwall = timed(jieba.lcut, big.text, args.repeat)
        line("jieba.lcut, same text", len(big.text), jcpu, jwall, "-")
        print(f"extraction / jieba.lcut (cpu chars/s): {jcpu / cpu:.2f}x")
    else:
        print("jieba is not installed (pip install -e '.[bench]'): no ratio")

    print()
    print("one long line (issue 15), one run each")
    print(f"{'shape':<40}{'chars':>11}{'cpu ms':>11}{'chars/s (cpu)':>15}{'':>8}{'chars/s (wall)':>16}")
    size = int(args.one_line_mb * 1_000_000 / 3)  # 3 bytes a character in UTF-8
    corpus = "\n".join(d.text for d in docs)
    with_breaks = (corpus * (size // len(corpus) + 1))[:size]
    one_line = with_breaks.replace("\n", "")
    shapes = [("corpus with line breaks", with_breaks), ("the same text as one line", one_line)]
    figures = re.sub(r"[。！？；\n]", "，", corpus)
    for kb in (50, 100, 200):
        shapes.append((f"one line of figures, no sentence end, {kb} KB", (figures * 60)[: kb * 1000 // 3]))
    speeds = {}
    for name, text in shapes:
        cpu, wall = timed(run, replace(docs[0], doc_id="shape", text=text), 1)
        speeds[name] = len(text) / cpu
        line(name, len(text), cpu, wall, "")
    ratio = speeds["the same text as one line"] / speeds["corpus with line breaks"]
    print(f"one line / with line breaks (cpu chars/s): {ratio:.2f}x")


if __name__ == "__main__":
    main()
