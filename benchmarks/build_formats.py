"""Build cost by output format: Turtle against N-Triples and N-Quads, full builds and rebuilds.

    .venv/bin/python benchmarks/build_formats.py [--copies 35] [--jobs 2] [--synthetic 10000]

1. A corpus of real-looking reports: the development report (data/) and the first six
   held-out reports of tests/extract/heldout/, each copied ``--copies`` times under
   distinct names (7 x 35 = 245 reports by default). For each of .nt, .ttl and .nq, with
   the real command line (``mzgraph build CORPUS -o out/graph.<ext> --jobs N --no-html``),
   and for the default command (``mzgraph build CORPUS -o out/graph.ttl --jobs N``: Turtle
   and its network view, what a user gets): a full build (empty cache), a rebuild after one
   report changed (the line ``1 read`` is checked), and a rebuild with nothing changed (the
   merge and writers alone). Ratios: Turtle / N-Triples per kind of build, and rebuild /
   full build per variant.
2. ``--synthetic N`` reports of ``mzgraph.synth`` (seed 0) into Turtle with the default
   command (its view is skipped above 1,000,000 triples): wall and CPU time, peak resident
   memory of the whole process tree (0 skips it).

CPU seconds are those of the build process and its workers (``RUSAGE_CHILDREN``): on a
shared machine wall times are inflated, so ratios are taken on CPU time.
"""

from __future__ import annotations

import argparse
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path

from compiled import ensure_bytecode
from corpus_scale import SUMMARY, change_one, run_measured

ROOT = Path(__file__).resolve().parents[1]
FORMATS = (".nt", ".ttl", ".nq")
DEFAULT = ".ttl + view"  # the default command: Turtle and its view


def real_reports() -> list[Path]:
    return [ROOT / "data" / "jiangxi-civil-affairs-2019.txt"] + sorted((ROOT / "tests/extract/heldout").glob("*.txt"))[
        :6
    ]


def copy_corpus(dest: Path, copies: int) -> list[Path]:
    out = []
    for k in range(copies):
        folder = dest / f"copy-{k:03d}"
        folder.mkdir(parents=True)
        for src in real_reports():
            target = folder / f"{src.stem}-{k:03d}.txt"  # distinct names: distinct documents
            shutil.copy(src, target)
            out.append(target)
    return sorted(out)


def cpu_children() -> float:
    ru = resource.getrusage(resource.RUSAGE_CHILDREN)
    return ru.ru_utime + ru.ru_stime


def build(corpus: Path, output: Path, jobs: int, *, view: bool = False) -> dict:
    cmd = [sys.executable, "-m", "mzgraph", "build", str(corpus), "-o", str(output), "--jobs", str(jobs)]
    cmd += [] if view else ["--no-html"]
    cpu = cpu_children()
    wall, peak, stdout = run_measured(cmd)
    cpu = cpu_children() - cpu
    m = SUMMARY.search(stdout)
    if not m:
        raise SystemExit(f"unexpected output: {stdout!r}")
    docs, triples, read, cached = map(int, m.groups())
    return {"wall": wall, "cpu": cpu, "peak": peak, "docs": docs, "triples": triples, "read": read, "cached": cached}


def formats_table(work: Path, copies: int, jobs: int) -> None:
    corpus = work / "real"
    runs: dict[str, dict[str, dict]] = {}
    for ext in (*FORMATS, DEFAULT):
        view = ext == DEFAULT
        shutil.rmtree(corpus, ignore_errors=True)
        paths = copy_corpus(corpus, copies)  # fresh copies: every format starts equal
        out = work / ("out-default" if view else f"out{ext}") / ("graph.ttl" if view else f"graph{ext}")
        shutil.rmtree(out.parent, ignore_errors=True)
        full = build(corpus, out, jobs, view=view)
        change_one(paths)
        one = build(corpus, out, jobs, view=view)
        assert (one["read"], one["cached"]) == (1, len(paths) - 1), one
        none = build(corpus, out, jobs, view=view)
        assert none["read"] == 0, none
        runs[ext] = {"full": full, "one changed": one, "none changed": none, "size": out.stat().st_size}
        print(f"  {ext}: full {full['cpu']:.1f} s CPU, rebuild {one['cpu']:.2f} s CPU", file=sys.stderr, flush=True)

    n = runs[".nt"]["full"]["docs"]
    print(
        f"\n{n} reports (7 real-looking x {copies}), `mzgraph build -o graph.<ext> --jobs {jobs} --no-html`; "
        f"{DEFAULT}: `mzgraph build -o graph.ttl --jobs {jobs}` (the default: the graph and its view)\n"
    )
    print(
        "| format | size MB | full build CPU s (wall) | rebuild, 1 changed | rebuild / full | rebuild, none changed |"
    )
    print("|---|---|---|---|---|---|")
    for ext in (*FORMATS, DEFAULT):
        r = runs[ext]
        full, one, none = r["full"], r["one changed"], r["none changed"]
        cells = [f"{b['cpu']:.2f} ({b['wall']:.1f})" for b in (full, one)]
        cells += [f"{one['cpu'] / full['cpu']:.3f}", f"{none['cpu']:.2f} ({none['wall']:.1f})"]
        print(f"| {ext} | {r['size'] / 1e6:.1f} | " + " | ".join(cells) + " |")
    nt, ttl = runs[".nt"], runs[".ttl"]
    print()
    for kind in ("full", "one changed", "none changed"):
        print(f"Turtle / N-Triples, {kind}: {ttl[kind]['cpu'] / nt[kind]['cpu']:.2f} x (CPU)")
    for kind in ("full", "one changed", "none changed"):
        ratio = runs[DEFAULT][kind]["cpu"] / nt[kind]["cpu"]
        print(f"default (Turtle + view) / N-Triples, {kind}: {ratio:.2f} x (CPU)")
    print(f"triples: {ttl['full']['triples']}")


def synthetic_row(work: Path, n: int, jobs: int) -> None:
    from mzgraph.synth import generate_corpus

    corpus = work / f"synth-{n}"
    t = time.perf_counter()
    generate_corpus(n, corpus, seed=0)
    print(f"  generated {n} reports in {time.perf_counter() - t:.0f} s; building …", file=sys.stderr, flush=True)
    out = work / f"synth-out-{n}" / "graph.ttl"
    r = build(corpus, out, jobs, view=True)
    print(f"\n{n} synthetic reports → Turtle, `mzgraph build -o graph.ttl --jobs {jobs}` (the default command)\n")
    print("| reports | triples | .ttl MB | wall s | CPU s | peak RSS (tree) |")
    print("|---|---|---|---|---|---|")
    print(
        f"| {r['docs']} | {r['triples']} | {out.stat().st_size / 1e6:.0f} | {r['wall']:.0f} | {r['cpu']:.0f} "
        f"| {r['peak'] / 2**30:.2f} GiB |"
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--copies", type=int, default=35)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--synthetic", type=int, default=10_000, help="synthetic reports into Turtle (0: skip)")
    ap.add_argument("--work", type=Path, default=None, help="folder for corpora and outputs [default: a temp dir]")
    args = ap.parse_args()
    ensure_bytecode()  # as an installed package has it (see compiled.py)
    work = args.work or Path(tempfile.mkdtemp(prefix="mzgraph-formats-"))
    if args.copies:
        formats_table(work, args.copies, args.jobs)
    if args.synthetic:
        synthetic_row(work, args.synthetic, args.jobs)
    print(f"\nwork folder: {work}", file=sys.stderr)


if __name__ == "__main__":
    main()
