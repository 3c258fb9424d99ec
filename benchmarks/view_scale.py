"""`mzgraph view` from the graph file to the page, against pyvis on the same network.

The graphs are synthetic but shaped like real builds: a tree of places, agencies located in
them, policies issued by agencies, programs in places with their targets; each entity has a
Chinese label, an alternative name and the sentence it came from (as NIF mentions), so the
timings include the RDF → network projection and the sentence table of the page.

    .venv/bin/python benchmarks/view_scale.py [--sizes 500,5000,20000] [--repeat 3] [--out DIR] [--no-pyvis]

Each graph is written as Turtle; ``mzgraph view`` then draws it from the file: ``view s`` runs
the command through the CLI's entry in this process, its modules imported before the clock
starts (as pyvis's are: like for like), and ``new process s`` runs it as a user does, in a
new interpreter (start-up, imports and exit included). Each of the three, and pyvis, is
timed ``--repeat`` times and the best run kept (a shared machine only ever slows a run down;
both sides get the same number of tries). The breakdown:
``project`` = the file's quads → the entity network (``mzgraph.network.entity_network``:
Oxigraph's parser and one pass over the quads, no store), ``metrics`` =
``mzgraph.analytics.add_metrics`` (degree and Louvain communities, as the view computes them),
``write`` = layout + JSON + HTML written to disk. ``pyvis s`` is pyvis 0.3.2's
``Network.from_nx`` on the same network (the one the view drew, as a networkx graph, metrics
included) and its ``write_html``; ``× pyvis`` = pyvis s / view s (issue 14's goal: ≥ 10 at
20,000 nodes), in wall time and in CPU time (in brackets: what other jobs on a shared machine
do not inflate), and against the new process.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import networkx as nx
from compiled import ensure_bytecode
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS, SKOS, XSD

from mzgraph.analytics import add_metrics
from mzgraph.rdf.namespaces import ITSRDF, MZ, MZR, NIF
from mzgraph.view.prepare import metrics_options

SHARES = (("Target", 0.38), ("Program", 0.32), ("Policy", 0.1), ("AdministrativeArea", 0.1), ("Agency", 0.1))
HANZI = "省市县区民政厅局委员会政府养老服务儿童福利救助社会组织殡葬改革脱贫城乡低保特困供养"


def synthetic_graph(n: int, seed: int = 0) -> Graph:
    """An RDF graph of ``n`` entities shaped like a build of many reports."""
    rng = random.Random(seed)
    g = Graph()
    ids: dict[str, list[URIRef]] = {}
    counts = [(t, max(1, round(n * share))) for t, share in SHARES]
    counts[0] = (counts[0][0], n - sum(c for _, c in counts[1:]))
    doc = MZR["doc/synthetic"]
    for tname, count in counts:
        ids[tname] = []
        for i in range(count):
            e = MZR[f"{tname.lower()}/{i:06d}"]
            ids[tname].append(e)
            name = "".join(rng.choice(HANZI) for _ in range(rng.randint(3, 9)))
            g.add((e, RDF.type, MZ[tname]))
            g.add((e, RDFS.label, Literal(f"{name}{i}", lang="zh")))
            if i % 3 == 0:
                g.add((e, SKOS.altLabel, Literal(f"{name[:2]}{i}", lang="zh")))
            if tname == "Target":
                g.add((e, MZ.value, Literal(str(rng.randint(1, 900000)), datatype=XSD.decimal)))
                g.add((e, MZ.unit, Literal(rng.choice("人个元%"))))
                g.add((e, MZ.indicator, Literal(f"{name}人数", lang="zh")))
            sent = MZR[f"doc/synthetic/sentence/{tname}-{i // 4}"]  # four entities a sentence
            if i % 4 == 0:  # one text and one offset a sentence, as in a build
                g.add((sent, NIF.anchorOf, Literal(f"全省{name}工作取得新进展,共{i}项,同比增长{i % 17}%。")))
                g.add((sent, NIF.beginIndex, Literal(i)))
            m = MZR[f"doc/synthetic/mention/{tname}-{i}"]
            g.add((m, ITSRDF.taIdentRef, e))
            g.add((m, NIF.referenceContext, doc))
            g.add((m, NIF.sentence, sent))
    areas, agencies = ids["AdministrativeArea"], ids["Agency"]
    for i, a in enumerate(areas[1:], start=1):
        g.add((a, MZ.partOf, areas[(i - 1) // 8]))
    for a in agencies:
        g.add((a, MZ.locatedIn, rng.choice(areas)))
    for p in ids["Policy"]:
        g.add((p, MZ.issuedBy, rng.choice(agencies)))
    programs = ids["Program"]
    for p in programs:
        g.add((p, MZ.locatedIn, rng.choice(areas)))
    for t in ids["Target"]:
        g.add((rng.choice(programs), MZ.hasTarget, t))
        if rng.random() < 0.3:
            g.add((t, MZ.locatedIn, rng.choice(areas)))
    return g


def best(runs: int, timing, *args) -> tuple[float, ...]:
    """The least of each figure ``timing(*args)`` returns, over ``runs`` calls."""
    return tuple(min(figures) for figures in zip(*(timing(*args) for _ in range(runs)), strict=True))


def pyvis_time(net, path: Path) -> tuple[float, float]:
    """Seconds (wall, CPU) pyvis takes to take the network with ``from_nx`` and write its page."""
    from pyvis.network import Network

    plain = nx.MultiDiGraph()  # from_nx copies every attribute; lists of sentences are fine, as in the view
    plain.add_nodes_from(
        (n, {"label": d["label"], "title": d["type"], "size": d.get("degree", 1)}) for n, d in net.nodes(data=True)
    )
    plain.add_edges_from((u, v, {"title": d["relation"]}) for u, v, d in net.edges(data=True))
    t0, c0 = time.perf_counter(), time.process_time()
    page = Network(directed=True, cdn_resources="remote")
    page.from_nx(plain)
    page.write_html(str(path))
    return time.perf_counter() - t0, time.process_time() - c0


def view_command(graph: Path, page: Path) -> tuple[float, float]:
    """Seconds (wall, CPU) of ``mzgraph view --graph GRAPH -o PAGE`` run in this process through
    the CLI's entry, its modules imported before the clock starts, as pyvis's are."""
    import igraph  # noqa: F401 - imported before timing, as pyvis is

    import mzgraph.commands.view  # noqa: F401
    import mzgraph.view  # noqa: F401
    from mzgraph.cli import main as cli_main

    t0, c0 = time.perf_counter(), time.process_time()
    with contextlib.redirect_stdout(io.StringIO()):
        code = cli_main(["view", "--graph", str(graph), "-o", str(page)])
    if code:
        raise SystemExit(f"mzgraph view failed on {graph}")
    return time.perf_counter() - t0, time.process_time() - c0


def fresh_process(graph: Path, page: Path) -> tuple[float]:
    """Wall seconds of ``mzgraph view --graph GRAPH -o PAGE`` in a new process, as a user runs
    it: interpreter start, imports and exit included."""
    t0 = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "mzgraph", "view", "--graph", str(graph), "-o", str(page)],
        capture_output=True,
        text=True,
    )
    if done.returncode:
        raise SystemExit(f"mzgraph view failed on {graph}: {done.stderr.strip()}")
    return (time.perf_counter() - t0,)


def stages(graph: Path, page: Path) -> tuple[dict[str, float], nx.MultiDiGraph]:
    """The same work as ``mzgraph view``, stage by stage; the network drawn, as networkx."""
    from mzgraph.network import entity_network, paused_gc
    from mzgraph.view.render import write_page

    times = {}
    with paused_gc():  # as the view runs
        t0 = time.perf_counter()
        net = entity_network(graph)
        times["project"] = time.perf_counter() - t0
        t0 = time.perf_counter()
        add_metrics(net, **metrics_options(net))
        times["metrics"] = time.perf_counter() - t0
        t0 = time.perf_counter()
        write_page(net, page, title=page.stem)
        times["write"] = time.perf_counter() - t0
    return times, net.to_networkx()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="500,5000,20000")
    ap.add_argument("--repeat", type=int, default=3, help="runs of each timing; the best is kept")
    ap.add_argument("--out", type=Path, default=None, help="keep the graphs and pages in this folder")
    ap.add_argument("--no-pyvis", action="store_true", help="skip pyvis (minutes at 20,000 nodes)")
    args = ap.parse_args(argv)
    ensure_bytecode()  # as an installed package has it (see compiled.py)
    out = args.out or Path(tempfile.mkdtemp(prefix="mzgraph-view-bench-"))
    out.mkdir(parents=True, exist_ok=True)
    print(
        "| nodes | edges | Turtle MB | view s (CPU s) | new process s | project | metrics | write | page MB |"
        + ("" if args.no_pyvis else " pyvis s (CPU s) | × pyvis wall (CPU) | × pyvis, new process |")
    )
    print("|---:" * (9 if args.no_pyvis else 12) + "|")
    for n in (int(s) for s in args.sizes.split(",")):
        graph = out / f"graph-{n}.ttl"
        synthetic_graph(n).serialize(graph, format="turtle")
        page = out / f"view-{n}.html"
        first, first_cpu = best(args.repeat, view_command, graph, page)
        (fresh,) = best(args.repeat, fresh_process, graph, out / f"fresh-{n}.html")
        times, net = stages(graph, out / f"stages-{n}.html")
        cells = [
            f"{net.number_of_nodes():,}",
            f"{net.number_of_edges():,}",
            f"{graph.stat().st_size / 1e6:.1f}",
            f"{first:.2f} ({first_cpu:.2f})",
            f"{fresh:.2f}",
            *(f"{times[k]:.2f}" for k in ("project", "metrics", "write")),
            f"{page.stat().st_size / 1e6:.2f}",
        ]
        if not args.no_pyvis:
            pyvis, pyvis_cpu = best(args.repeat, pyvis_time, net, out / f"pyvis-{n}.html")
            cells += [
                f"{pyvis:.2f} ({pyvis_cpu:.2f})",
                f"{pyvis / first:.1f}× ({pyvis_cpu / first_cpu:.1f}×)",
                f"{pyvis / fresh:.1f}×",
            ]
        print("| " + " | ".join(cells) + " |", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
