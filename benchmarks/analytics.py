"""How long ``mzgraph stats``, ``path``, the centrality/community frames and ``report`` take as a
corpus grows.

The corpus is ``mzgraph.synth`` reports (shaped like the development report) built with the
real pipeline and written as Turtle; ``load`` is reading it into Oxigraph as the commands do
(``open_graph``), and each further column times the library call behind a command on it.

    .venv/bin/python benchmarks/analytics.py [--docs 10,100,300]

Columns: ``stats`` = ``graph_stats`` (SPARQL counts + network metrics), ``path`` =
``shortest_chains`` between the most central entity and the one farthest from it,
``frames`` = ``centrality`` + ``communities``, ``report`` = ``render_report`` (page size in MiB,
3.5 MiB of which is plotly.js).
"""

from __future__ import annotations

import argparse
import tempfile
import time
from collections import Counter
from pathlib import Path

import networkx as nx

from mzgraph.analytics.frames import centrality, communities
from mzgraph.analytics.paths import shortest_chains
from mzgraph.analytics.report import render_report
from mzgraph.analytics.stats import graph_stats, open_graph
from mzgraph.network import to_networkx
from mzgraph.pipeline import build
from mzgraph.rdf import write_graph
from mzgraph.synth import generate_corpus


def _timed(fn, *args, **kwargs):
    t = time.perf_counter()
    out = fn(*args, **kwargs)
    return out, time.perf_counter() - t


def _frames(g):
    return centrality(g), communities(g)


def _endpoints(graph) -> tuple[str, str]:
    """Two uniquely labelled entities far apart: the most central one and the farthest from it."""
    net = to_networkx(graph)
    counts = Counter(d["label"] for _, d in net.nodes(data=True))
    table = centrality(net)
    source = next(r for r in table.itertuples() if counts[r.label] == 1)
    simple = nx.Graph(net.to_undirected(as_view=True))
    dist = nx.single_source_shortest_path_length(simple, source.iri)
    far = max((d, n) for n, d in dist.items() if counts[net.nodes[n]["label"]] == 1)[1]
    return source.label, net.nodes[far]["label"]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", default="10,100,300")
    args = ap.parse_args()
    print(
        f"{'docs':>5} {'entities':>8} {'edges':>6} {'triples':>8} {'load s':>6} {'stats s':>8} {'path s':>7} "
        f"{'steps':>5} {'frames s':>8} {'report s':>8} {'MiB':>5}"
    )
    with tempfile.TemporaryDirectory() as tmp:
        for n in (int(x) for x in args.docs.split(",")):
            paths = generate_corpus(n, Path(tmp) / f"c{n}", seed=0)
            ttl = Path(tmp) / f"g{n}.ttl"
            write_graph(build(paths).graph, ttl)
            g, t_load = _timed(open_graph, ttl)
            net = to_networkx(g)
            _, t_stats = _timed(graph_stats, g)
            a, b = _endpoints(g)
            chains, t_path = _timed(shortest_chains, g, a, b)
            _, t_frames = _timed(_frames, g)
            page, t_report = _timed(render_report, g)
            print(
                f"{n:>5} {net.number_of_nodes():>8} {net.number_of_edges():>6} {len(g):>8} {t_load:>6.2f} "
                f"{t_stats:>8.2f} "
                f"{t_path:>7.2f} {len(chains.chains[0]):>5} {t_frames:>8.2f} {t_report:>8.2f} "
                f"{len(page.encode()) / 2**20:>5.1f}"
            )


if __name__ == "__main__":
    main()
