"""Hostile inputs (issue 15) against an ordinary report of the same size, through reading,
cleaning and extraction.

    .venv/bin/python benchmarks/hostile_inputs.py [--scale 1.0] [--only NAME]

Each hostile input is written to a file and goes through what ``build`` does to one document
before resolving: ``read_document`` (read, decode, unpack HTML/Markdown, strip page
furniture, clean) and ``extract``. The ordinary input is the development report in the same
format, repeated and cut to the same number of characters. Every run is a fresh process (so
peak memory is its own): CPU seconds (best of ``--repeat``) and peak resident memory (MiB,
``ru_maxrss``, which includes the interpreter and the extractor's lexicons). The
ratio is hostile CPU ÷ ordinary CPU; the goal is at most 2×. A device or FIFO named as input
is refused before it is opened: those rows time the refusal.

``--scale`` multiplies every size (0.1 for a quick look). The sizes at 1.0 are those of the
issue: one line with figures and no sentence end at 50/100/200 KB, 4 MB of empty inline HTML
elements, 100k ``[`` … ``]``, 25k ``**``, unclosed links and comments in Markdown.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEV = ROOT / "data" / "jiangxi-civil-affairs-2019.txt"


def _dev_text() -> str:
    return DEV.read_text(encoding="utf-8")


def _figures_line(chars: int) -> str:
    """The report's clauses with every sentence end and line break turned into a comma."""
    text = re.sub(r"[。！？；!?;\n]+", "，", _dev_text())
    return (text * (chars // len(text) + 1))[:chars]


def _interleaved(chars: int) -> str:
    """The report's text with an empty ``<i></i>`` after every character, ``chars`` long."""
    one = "<i></i>".join(_dev_text().replace("\n", "")) + "<i></i>"
    return (one * (chars // len(one) + 1))[: chars - chars % 8]


def _html(body: str) -> str:
    head = "<!DOCTYPE html><html><head><meta charset='utf-8'><title>回望2019</title></head>"
    return f"{head}<body><p>{body}</p></body></html>"


# name → (suffix, function of scale giving the file's text)
HOSTILE = {
    "one line of figures, no sentence end, 50 KB": (".txt", lambda s: _figures_line(int(50_000 / 3 * s))),
    "one line of figures, no sentence end, 100 KB": (".txt", lambda s: _figures_line(int(100_000 / 3 * s))),
    "one line of figures, no sentence end, 200 KB": (".txt", lambda s: _figures_line(int(200_000 / 3 * s))),
    "4 MB of empty inline HTML elements": (".html", lambda s: _html("<b></b>" * int(4_000_000 / 7 * s))),
    "4 MB: the report, <i></i> after every char": (
        ".html",
        lambda s: _html(_interleaved(int(4_000_000 * s))),
    ),
    "4 MB of empty nested inline HTML": (
        ".html",
        lambda s: _html("".join(("<span><i>", "</i></span>", "<a></a>")) * int(4_000_000 / 27 * s)),
    ),
    "Markdown: 100k [ then 100k ]": (".md", lambda s: "[" * int(100_000 * s) + "]" * int(100_000 * s)),
    "Markdown: 100k [x] without a link": (".md", lambda s: "[民政]" * int(100_000 * s)),
    "Markdown: 25k ** (emphasis never closed)": (".md", lambda s: "**民政 " * int(25_000 * s)),
    "Markdown: 25k unclosed links [a](": (".md", lambda s: "[民政](http://x/" * int(25_000 * s)),
    "Markdown: 25k unclosed comments <!--": (".md", lambda s: "<!-- 民政 " * int(25_000 * s)),
    "Markdown: 25k unclosed code spans `": (".md", lambda s: "`民政 " * int(25_000 * s)),
    "Markdown: 25k unclosed tags <a": (".md", lambda s: "<a 民政 " * int(25_000 * s)),
    "Markdown: 100k lines of [": (".md", lambda s: "[\n" * int(100_000 * s)),
    "Markdown: heading with 100k spaces": (".md", lambda s: "# 民" + " " * int(100_000 * s) + "政"),
}
REFUSED = {"/dev/zero named as input": "/dev/zero", "a FIFO named as input": "fifo"}


def _ordinary(suffix: str, chars: int) -> str:
    """The development report in the format ``suffix``, ``chars`` characters long."""
    text = _dev_text()
    if suffix == ".html":
        head, tail = _html(""), ""
        body = text.replace("\n", "</p><p>")
        need = chars - len(head)
        return head.replace("<p></p>", "<p>" + (body * (need // len(body) + 1))[:need] + "</p>") + tail
    return (text * (chars // len(text) + 1))[:chars]


def child(path: str, repeat: int) -> None:
    """Run in a fresh process: time reading+extracting ``path``; print JSON on stdout."""
    from mzgraph.errors import MzgraphError
    from mzgraph.extract import extract
    from mzgraph.ingest import read_document

    extract(read_document(DEV))  # warm up: gazetteer, lexicons, patterns
    best = float("inf")
    refused = None
    chars = 0
    for _ in range(repeat):
        t0 = time.process_time()
        try:
            doc = read_document(path, max_bytes=1 << 30)
            extract(doc)
            chars = len(doc.text)
        except MzgraphError as exc:
            refused = str(exc)
        best = min(best, time.process_time() - t0)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"cpu": best, "peak_mib": peak, "refused": refused, "text_chars": chars}))


def _run(path: Path | str, repeat: int, timeout: float) -> dict:
    cmd = [sys.executable, __file__, "--child", str(path), "--repeat", str(repeat)]
    try:
        r = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, check=True)
    except subprocess.TimeoutExpired:
        return {"cpu": float("inf"), "peak_mib": float("nan"), "refused": f"timed out after {timeout:.0f} s"}
    return json.loads(r.stdout.splitlines()[-1])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--scale", type=float, default=1.0, help="multiply every input size")
    ap.add_argument("--repeat", type=int, default=3, help="runs per input in one process; the best CPU time is kept")
    ap.add_argument("--only", help="run only the inputs whose name contains this")
    ap.add_argument("--timeout", type=float, default=600, help="give up on one input after this many seconds")
    ap.add_argument("--child", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        child(args.child, args.repeat)
        return
    print(f"{'input':<44}{'chars':>10}{'cpu s':>9}{'ordinary s':>11}{'ratio':>7}{'peak MiB':>10}{'ordinary':>10}")
    worst = 0.0
    with tempfile.TemporaryDirectory() as tmp:
        for name, (suffix, make) in HOSTILE.items():
            if args.only and args.only not in name:
                continue
            text = make(args.scale)
            hostile = Path(tmp) / f"hostile{suffix}"
            hostile.write_text(text, encoding="utf-8")
            ordinary = Path(tmp) / f"ordinary{suffix}"
            ordinary.write_text(_ordinary(suffix, len(text)), encoding="utf-8")
            h = _run(hostile, args.repeat, args.timeout)
            o = _run(ordinary, args.repeat, args.timeout)
            ratio = h["cpu"] / o["cpu"] if o["cpu"] > 0 else float("inf")
            worst = max(worst, ratio)
            note = f"  ({h['refused'].split(': ', 1)[-1]}: refused after reading)" if h["refused"] else ""
            print(
                f"{name:<44}{len(text):>10,}{h['cpu']:>9.3f}{o['cpu']:>11.3f}{ratio:>6.2f}x"
                f"{h['peak_mib']:>10.0f}{o['peak_mib']:>10.0f}{note}"
            )
        for name, what in REFUSED.items():
            if args.only and args.only not in name:
                continue
            target = what
            if what == "fifo":
                target = str(Path(tmp) / "pipe.txt")
                os.mkfifo(target)
            t0 = time.perf_counter()
            r = subprocess.run(
                [sys.executable, "-m", "mzgraph", "build", target, "-o", str(Path(tmp) / "out" / "g.ttl")],
                capture_output=True,
                text=True,
                timeout=args.timeout,
            )
            wall = time.perf_counter() - t0
            said = r.stderr.strip().splitlines()[0].split(": ", 2)[-1] if r.stderr.strip() else ""
            print(f"{name:<44}refused before opening in {wall:.2f} s (whole CLI), exit {r.returncode}: {said}")
    print(f"worst ratio: {worst:.2f}x (goal: at most 2x)")


if __name__ == "__main__":
    main()
