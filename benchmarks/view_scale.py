"""`mzgraph view` from the graph file to the page, against pyvis on the same network.

The graphs are synthetic but shaped like real builds: a tree of places, agencies located in
them, policies issued by agencies, programs in places with their targets; each entity has a
Chinese label, an alternative name and the sentence it came from (as NIF mentions), so the
timings include the RDF → network projection and the sentence table of the page.

    .venv/bin/python benchmarks/view_scale.py [--sizes 500,5000,20000] [--out DIR] [--no-pyvis]

Each graph is written as Turtle; ``mzgraph view`` then runs on the file as a user runs it (the
CLI entry, in this process, a fresh store cache), twice: ``view s`` the first time (parsing the
file) and ``again s`` with the cached store (:mod:`mzgraph.query.store_cache`, files of 4 MB and
up). The breakdown of the first run: ``load`` = parse into Oxigraph, ``project`` = store →
networkx (``mzgraph.network.to_networkx``, five SPARQL passes), ``metrics`` =
``mzgraph.analytics.add_metrics`` (Louvain communities; sampled betweenness above 1,000 nodes,
as the view does), ``write`` = layout + JSON + HTML written to disk. ``pyvis s`` is pyvis
0.3.2's ``Network.from_nx`` on the same network (the one the view drew, metrics included) and
its ``write_html``; ``× pyvis`` = pyvis s / view s (issue 14's goal: ≥ 10 at 20,000 nodes), in
wall time and in CPU time (in brackets: what other jobs on a shared machine do not inflate).
"""

from __future__ import annotations

import argparse
import contextlib
import io
import os
import random
import shutil
import sys
import tempfile
import time
from pathlib import Path

import networkx as nx
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS, SKOS, XSD

from mzgraph.analytics import add_metrics
from mzgraph.cli import main as cli_main
from mzgraph.network import to_networkx
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
    """Seconds (wall, CPU) of ``mzgraph view --graph GRAPH -o PAGE`` (the CLI entry, this process)."""
    t0, c0 = time.perf_counter(), time.process_time()
    with contextlib.redirect_stdout(io.StringIO()):
        code = cli_main(["view", "--graph", str(graph), "-o", str(page)])
    if code:
        raise SystemExit(f"mzgraph view failed on {graph}")
    return time.perf_counter() - t0, time.process_time() - c0


def stages(graph: Path, page: Path) -> tuple[dict[str, float], nx.MultiDiGraph]:
    """The same work as ``mzgraph view``, stage by stage (no store cache: the parse is timed)."""
    from mzgraph.query.store import open_backend
    from mzgraph.view.render import write_page

    times = {}
    t0 = time.perf_counter()
    graph_view = open_backend(graph, cache=False).graph
    times["load"] = time.perf_counter() - t0
    t0 = time.perf_counter()
    net = to_networkx(graph_view)
    times["project"] = time.perf_counter() - t0
    t0 = time.perf_counter()
    add_metrics(net, **metrics_options(net))
    times["metrics"] = time.perf_counter() - t0
    t0 = time.perf_counter()
    write_page(net, page, title=page.stem)
    times["write"] = time.perf_counter() - t0
    return times, net


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="500,5000,20000")
    ap.add_argument("--out", type=Path, default=None, help="keep the graphs and pages in this folder")
    ap.add_argument("--no-pyvis", action="store_true", help="skip pyvis (minutes at 20,000 nodes)")
    args = ap.parse_args(argv)
    out = args.out or Path(tempfile.mkdtemp(prefix="mzgraph-view-bench-"))
    out.mkdir(parents=True, exist_ok=True)
    os.environ["MZGRAPH_CACHE_DIR"] = str(out / "cache")
    shutil.rmtree(out / "cache", ignore_errors=True)
    print(
        "| nodes | edges | Turtle MB | view s (CPU s) | again s | load | project | metrics | write | page MB |"
        + ("" if args.no_pyvis else " pyvis s (CPU s) | × pyvis wall (CPU) |")
    )
    print("|---:" * (10 if args.no_pyvis else 12) + "|")
    for n in (int(s) for s in args.sizes.split(",")):
        graph = out / f"graph-{n}.ttl"
        synthetic_graph(n).serialize(graph, format="turtle")
        page = out / f"view-{n}.html"
        first, first_cpu = view_command(graph, page)
        again, _ = view_command(graph, page)
        times, net = stages(graph, out / f"stages-{n}.html")
        cells = [
            f"{net.number_of_nodes():,}",
            f"{net.number_of_edges():,}",
            f"{graph.stat().st_size / 1e6:.1f}",
            f"{first:.2f} ({first_cpu:.2f})",
            f"{again:.2f}",
            *(f"{times[k]:.2f}" for k in ("load", "project", "metrics", "write")),
            f"{page.stat().st_size / 1e6:.2f}",
        ]
        if not args.no_pyvis:
            pyvis, pyvis_cpu = pyvis_time(net, out / f"pyvis-{n}.html")
            cells += [f"{pyvis:.2f} ({pyvis_cpu:.2f})", f"{pyvis / first:.1f}× ({pyvis_cpu / first_cpu:.1f}×)"]
        print("| " + " | ".join(cells) + " |", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
