"""Hostile file names: bytes that are not UTF-8, quotes, backslashes, line breaks, markup.

A name is the user's, not ours: it must reach the graph as an escaped literal
(``mz:sourcePath``), never break a writer, an IRI or the one-line messages.
"""

from __future__ import annotations

import os

from rdflib import Graph

from mzgraph.rdf.namespaces import MZ
from tests.conftest import DEV_REPORT, run_cli

from .hostile import bad_iris

NAMES = [
    b"bad\xff\xfename.txt",  # not UTF-8: Python sees lone surrogates
    b'quote"back\\slash\nnewline.txt',
    b"<script>alert(1)<\\script>{{x}}.txt",
    "报告 《通知》 “引号”.txt".encode(),
    b"\xe2\x80\xaeevil\xe2\x80\x8b.txt",  # right-to-left override, zero-width space
]


def test_hostile_file_names_build(tmp_path):
    body = DEV_REPORT.read_text(encoding="utf-8")[:1500].encode()
    src = tmp_path / "in"
    src.mkdir()
    for name in NAMES:
        with open(os.fsencode(src) + b"/" + name, "wb") as f:
            f.write(body)
    out = tmp_path / "out" / "graph.ttl"
    for extra in ((), ("--no-cache", "-o", str(tmp_path / "out" / "graph.nt"))):
        r = run_cli("build", str(src), "-o", str(out), *extra)
        assert r.returncode == 0, r.stderr
        assert "Traceback" not in r.stderr
    r = run_cli("build", str(src), "-o", str(out))  # from the cache
    assert r.returncode == 0 and f"{len(NAMES)} from cache" in r.stdout, r.stdout + r.stderr

    g = Graph().parse(out, format="turtle")
    paths = sorted(str(o) for o in g.objects(None, MZ.sourcePath))
    assert len(paths) == len(NAMES)
    assert any(p.endswith('quote"back\\slash\nnewline.txt') for p in paths)
    assert any("\ufffd" in p for p in paths)  # the undecodable bytes, shown as replacement characters
    assert bad_iris(g) == []
    assert len(Graph().parse(tmp_path / "out" / "graph.nt", format="nt")) == len(g)
