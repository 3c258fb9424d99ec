"""Query stores on a generated graph of about a million triples: Oxigraph against rdflib.

    .venv/bin/python benchmarks/query_store.py [--triples 1000000]

Writes a Turtle graph shaped like mzgraph's output (documents as nif:Context, sentences,
NIF mentions pointing at agencies, policies, places, programs and targets, relations with
their rdf:Statement evidence), deterministically from a fixed seed, then opens it with each
store in a fresh process (so memory figures do not mix) through mzgraph's own backends and
prints one table: load time, a two-hop join (mentions → entities → the place they are
located in, grouped by place), and resident memory added by the loaded graph.

A second table times ``mzgraph query`` itself on the file, as a user runs it (a new process,
a look-up of 20 places, the store cache in a fresh temporary folder): the first question parses the
file into the on-disk store cache (keyed by the file's SHA-256), the second opens that store
(issue 14's goal: under 1 s), and after the file changes the next question loads it again.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from compiled import ensure_bytecode

PREFIXES = """@prefix itsrdf: <http://www.w3.org/2005/11/its/rdf#> .
@prefix mz: <https://w3id.org/mzgraph/ontology#> .
@prefix mzr: <https://w3id.org/mzgraph/resource/> .
@prefix nif: <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .

"""
TWO_HOP = """SELECT ?place (COUNT(*) AS ?mentions) WHERE {
  ?m itsrdf:taIdentRef ?e .
  ?e mz:locatedIn ?p .
  ?p rdfs:label ?place .
} GROUP BY ?place ORDER BY DESC(?mentions) ?place LIMIT 10"""

# what a user asks most: facts about a few entities (the join above reads every mention)
LOOKUP = """SELECT ?place ?label ?parent WHERE {
  ?place a mz:AdministrativeArea ; rdfs:label ?label .
  OPTIONAL { ?place mz:partOf ?parent }
} ORDER BY ?place LIMIT 20"""

SYLLABLES = "民政养老服务社会救助儿童福利殡葬改革社区治理慈善事业婚姻登记区划地名残疾人福利"
KINDS = ("agency", "policy", "program")
R = "https://w3id.org/mzgraph/resource/"


def name(rng: random.Random, n: int) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(n))


def nni(n: int) -> str:
    return f'"{n}"^^xsd:nonNegativeInteger'


def generate(path: Path, target_triples: int, seed: int = 2019) -> int:
    """Write the graph; returns the number of triples written."""
    rng = random.Random(seed)
    places = [f"place/36{i:04d}" for i in range(120)]
    shared = {
        kind: [f"{kind}/{i:06x}" for i in range(n)] for kind, n in (("agency", 400), ("policy", 600), ("program", 2500))
    }
    count = 0
    with open(path, "w", encoding="utf-8") as f:
        f.write(PREFIXES)

        def t(s: str, p: str, o: str) -> None:
            nonlocal count
            f.write(f"{s} {p} {o} .\n")
            count += 1

        for i, p in enumerate(places):
            t(f"<{R}{p}>", "a", "mz:AdministrativeArea")
            t(f"<{R}{p}>", "rdfs:label", f'"{name(rng, 2)}市"@zh')
            t(f"<{R}{p}>", "mz:divisionCode", f'"{p[-6:]}"')
            if i:
                t(f"<{R}{p}>", "mz:partOf", f"<{R}{places[0]}>")
        for kind, keys in shared.items():
            cls = {"agency": "Agency", "policy": "Policy", "program": "Program"}[kind]
            for key in keys:
                t(f"<{R}{key}>", "a", f"mz:{cls}")
                t(f"<{R}{key}>", "rdfs:label", f'"{name(rng, 6)}"@zh')
                if kind != "policy":
                    t(f"<{R}{key}>", "mz:locatedIn", f"<{R}{rng.choice(places)}>")
                else:
                    t(f"<{R}{key}>", "mz:issuedBy", f"<{R}{rng.choice(shared['agency'])}>")
        doc = 0
        while count < target_triples:
            d = f"<{R}doc/report-{doc:05d}>"
            t(d, "a", "mz:Document")
            t(d, "a", "nif:Context")
            t(d, "nif:isString", f'"{name(rng, 40)}"')
            t(d, "nif:beginIndex", nni(0))
            t(d, "nif:endIndex", nni(4000))
            for s_i in range(40):
                start = s_i * 100
                s = f"<https://w3id.org/mzgraph/resource/doc/report-{doc:05d}/sentence/{start}-{start + 90}>"
                t(s, "a", "nif:Sentence")
                t(s, "nif:anchorOf", f'"{name(rng, 30)}。"')
                t(s, "nif:beginIndex", nni(start))
                t(s, "nif:endIndex", nni(start + 90))
                t(s, "nif:referenceContext", d)
                for m_i in range(3):
                    b = start + 10 + m_i * 20
                    m = f"<https://w3id.org/mzgraph/resource/doc/report-{doc:05d}/mention/{b}-{b + 6}>"
                    if m_i == 2:  # a target minted for this mention
                        ent = f"<{R}target/report-{doc:05d}/{b}>"
                        t(ent, "a", "mz:Target")
                        t(ent, "rdfs:label", f'"{rng.randint(1, 9999)}个"@zh')
                        t(ent, "mz:value", f'"{rng.randint(1, 9999)}"^^xsd:decimal')
                        t(ent, "mz:unit", '"个"')
                        t(ent, "mz:locatedIn", f"<{R}{rng.choice(places)}>")
                        cls = "Target"
                    else:
                        kind = rng.choice(KINDS)
                        ent = f"<{R}{rng.choice(shared[kind])}>"
                        cls = {"agency": "Agency", "policy": "Policy", "program": "Program"}[kind]
                    t(m, "a", "nif:Phrase")
                    t(m, "nif:anchorOf", f'"{name(rng, 4)}"')
                    t(m, "nif:beginIndex", nni(b))
                    t(m, "nif:endIndex", nni(b + 6))
                    t(m, "nif:referenceContext", d)
                    t(m, "nif:sentence", s)
                    t(m, "itsrdf:taIdentRef", ent)
                    t(m, "itsrdf:taClassRef", f"mz:{cls}")
                if s_i % 4 == 0:  # a relation with its evidence
                    st = f"<{R}statement/{doc:05d}{s_i:03d}>"
                    subj, obj = rng.choice(shared["policy"]), rng.choice(shared["agency"])
                    t(st, "a", "rdf:Statement")
                    t(st, "rdf:subject", f"<{R}{subj}>")
                    t(st, "rdf:predicate", "mz:issuedBy")
                    t(st, "rdf:object", f"<{R}{obj}>")
                    t(st, "prov:wasDerivedFrom", s)
            doc += 1
    return count


def rss_bytes() -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) * 1024
    return 0


def measure(engine: str, graph: Path, store: str | None) -> dict:
    """Run in a child process: load, join, memory."""
    import gc

    from mzgraph.query.runner import run
    from mzgraph.query.store import open_backend

    gc.collect()
    before = rss_bytes()
    t0, c0 = time.perf_counter(), time.process_time()
    backend = open_backend(graph, engine=engine, store=store, cache=False)
    load, load_cpu = time.perf_counter() - t0, time.process_time() - c0
    gc.collect()
    after = rss_bytes()
    run(backend, TWO_HOP)  # warm-up: rdflib builds its query parser, both fill caches
    times = []
    for _ in range(3):
        t0 = time.perf_counter()
        result = run(backend, TWO_HOP)
        times.append(time.perf_counter() - t0)
    return {
        "load": load,
        "load_cpu": load_cpu,
        "join": min(times),
        "rows": len(result.rows),
        "rss": after - before,
        "triples": len(backend),
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--triples", type=int, default=1_000_000)
    ap.add_argument("--child", nargs=3, metavar=("ENGINE", "GRAPH", "STORE"), help=argparse.SUPPRESS)
    args = ap.parse_args()
    ensure_bytecode()  # as an installed package has it (see compiled.py)
    if args.child:
        engine, graph, store = args.child
        print(json.dumps(measure(engine, Path(graph), None if store == "-" else store)))
        return

    with tempfile.TemporaryDirectory() as tmp:
        graph = Path(tmp) / "generated.ttl"
        t0 = time.perf_counter()
        n = generate(graph, args.triples)
        size = graph.stat().st_size
        print(f"generated {n:,} triples ({size / 1e6:.0f} MB Turtle) in {time.perf_counter() - t0:.1f} s")
        store = Path(tmp) / "store"
        cases = [
            ("oxigraph (memory, --no-cache)", "oxigraph", "-"),
            ("oxigraph --store, first run", "oxigraph", str(store)),
            ("oxigraph --store, later runs", "oxigraph", str(store)),
            ("rdflib memory store", "rdflib", "-"),
        ]
        results = []
        for label, engine, st in cases:
            out = subprocess.run(
                [sys.executable, __file__, "--child", engine, str(graph), st],
                capture_output=True,
                text=True,
                check=True,
            )
            results.append((label, json.loads(out.stdout)))
        shutil.rmtree(store, ignore_errors=True)
        cli_rows = cli_runs(graph, Path(tmp) / "cache")

    print()
    print("| store | load (wall) | load (CPU) | two-hop join | memory (RSS) | bytes/triple |")
    print("|---|---:|---:|---:|---:|---:|")
    for label, r in results:
        per = r["rss"] / r["triples"] if r["triples"] else 0
        cells = [
            label,
            f"{r['load']:.2f} s",
            f"{r['load_cpu']:.2f} s",
            f"{r['join'] * 1000:.0f} ms",
            f"{r['rss'] / 2**20:.0f} MiB",
            f"{per:.0f}",
        ]
        print("| " + " | ".join(cells) + " |")
    assert len({r["rows"] for _, r in results}) == 1, "the stores disagree on the join"
    print()
    print("| `mzgraph query` (new process, store cache) | wall | CPU (process and children) |")
    print("|---|---:|---:|")
    for label, wall, cpu in cli_rows:
        print(f"| {label} | {wall:.2f} s | {cpu:.2f} s |")


def cli_runs(graph: Path, cache: Path) -> list[tuple[str, float, float]]:
    """``mzgraph query`` on ``graph`` in new processes: first, second and third question, then
    the first after the file changed (one more triple appended)."""
    env = {**os.environ, "MZGRAPH_CACHE_DIR": str(cache)}

    def timed(question: str = LOOKUP) -> tuple[float, float]:
        command = [sys.executable, "-m", "mzgraph", "query", question, "--graph", str(graph), "--format", "csv"]
        before = os.times()
        t0 = time.perf_counter()
        done = subprocess.run(command, env=env, capture_output=True, text=True)
        wall = time.perf_counter() - t0
        after = os.times()
        if done.returncode:
            raise SystemExit(f"mzgraph query failed: {done.stderr.strip()}")
        return wall, (after.children_user - before.children_user) + (after.children_system - before.children_system)

    rows = [("first question (parses into the store cache)", *timed())]
    rows.append(("second question (opens the cached store)", *timed()))
    rows.append(("third question: the two-hop join above", *timed(TWO_HOP)))
    with open(graph, "a", encoding="utf-8") as f:
        f.write(f"<{R}doc/extra> a mz:Document .\n")
    rows.append(("after the file changed (loads it again)", *timed()))
    rows.append(("the question after that", *timed()))
    return rows


if __name__ == "__main__":
    main()
