"""How long `mzgraph view` takes to write a page, and how big the page is, at 500, 5,000 and 20,000 nodes.

The graphs are synthetic but shaped like real builds: a tree of places, agencies located in
them, policies issued by agencies, programs in places with their targets; each entity has a
Chinese label, an alternative name and the sentence it came from (as NIF mentions), so the
timings include the RDF → network projection and the sentence table of the page.

    .venv/bin/python benchmarks/view_scale.py [--sizes 500,5000,20000] [--out DIR] [--pyvis]

Columns: ``project`` = RDF → networkx (``mzgraph.network.to_networkx``), ``metrics`` =
``mzgraph.analytics.add_metrics`` (sampled betweenness above 1,000 nodes, as the view does),
``write`` = layout + JSON + HTML written to disk (``mzgraph.view.write_html`` on the
prepared network: the figure the 3 s budget is about; ``write cpu s`` is its CPU time, which
other jobs on a shared machine do not inflate). ``--pyvis`` adds the time pyvis
0.3.2 takes to add the same nodes and edges one by one and write its page, for comparison.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS, SKOS, XSD

from mzgraph.analytics import add_metrics
from mzgraph.network import to_networkx
from mzgraph.rdf.namespaces import ITSRDF, MZ, MZR, NIF
from mzgraph.view import write_html
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
            sent = MZR[f"doc/synthetic/sentence/{tname}-{i // 4}"]
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


def pyvis_time(net, path: Path) -> float:
    """Seconds pyvis takes to take the same network node by node and write its page."""
    from pyvis.network import Network

    t0 = time.perf_counter()
    page = Network(directed=True, cdn_resources="remote")
    for n, d in net.nodes(data=True):
        page.add_node(n, label=d["label"], title=d["type"], value=d.get("degree", 0))
    for u, v, d in net.edges(data=True):
        page.add_edge(u, v, title=d["relation"])
    page.write_html(str(path))
    return time.perf_counter() - t0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="500,5000,20000")
    ap.add_argument("--out", type=Path, default=None, help="keep the pages in this folder")
    ap.add_argument("--pyvis", action="store_true", help="also time pyvis's own add_node/add_edge + write_html")
    args = ap.parse_args(argv)
    out = args.out or Path(tempfile.mkdtemp(prefix="mzgraph-view-bench-"))
    out.mkdir(parents=True, exist_ok=True)
    print(
        f"{'nodes':>7} {'edges':>7} {'project s':>10} {'metrics s':>10} {'write s':>8} {'write cpu s':>12} "
        f"{'size MB':>8}  physics" + ("  pyvis s" if args.pyvis else "")
    )
    for n in (int(s) for s in args.sizes.split(",")):
        g = synthetic_graph(n)
        t0 = time.perf_counter()
        net = to_networkx(g)
        t1 = time.perf_counter()
        add_metrics(net, **metrics_options(net))
        t2, c2 = time.perf_counter(), time.process_time()
        path = out / f"view-{n}.html"
        summary = write_html(net, path)
        t3, c3 = time.perf_counter(), time.process_time()
        size = path.stat().st_size / 1e6
        print(
            f"{net.number_of_nodes():>7} {net.number_of_edges():>7} {t1 - t0:>10.2f} {t2 - t1:>10.2f} "
            f"{t3 - t2:>8.2f} {c3 - c2:>12.2f} {size:>8.2f}  {'on ' if summary.physics else 'off'}"
            + (f"  {pyvis_time(net, out / f'pyvis-{n}.html'):>7.2f}" if args.pyvis else "")
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
