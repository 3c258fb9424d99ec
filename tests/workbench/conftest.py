"""Fixtures of the workbench tests: a real ``mzgraph serve`` on loopback, and pages of it in
the session's headless Chromium with every request recorded and anything off the server refused."""

from __future__ import annotations

import subprocess
import sys
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from tests.conftest import ROOT, watch_page


@dataclass
class Served:
    url: str  # the server's root, e.g. http://127.0.0.1:41234
    graph: Path


@contextmanager
def serving(graph: Path):
    """``mzgraph serve --graph GRAPH --port 0`` as a user runs it; yields a Served."""
    proc = subprocess.Popen(
        [sys.executable, "-m", "mzgraph", "serve", "--graph", str(graph), "--port", "0", "-q"],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        proc.stdout.readline()  # "serving … read-only at …/sparql"
        second = proc.stdout.readline()  # "workbench: open http://127.0.0.1:PORT/ in a browser"
        assert second.startswith("workbench: open http://127.0.0.1:"), second + proc.stderr.read()
        yield Served(second.split()[2].rstrip("/"), graph)
    finally:
        proc.terminate()
        proc.wait(timeout=10)


@pytest.fixture(scope="session")
def served(dev_graph_path):
    """The development report's graph behind a workbench."""
    with serving(dev_graph_path) as server:
        yield server


@pytest.fixture(scope="session")
def served_hostile(tmp_path_factory):
    """A graph whose labels and sentences try to inject HTML or spreadsheet formulas."""
    from mzgraph.rdf import write_graph
    from tests.view.conftest import hostile_graph

    path = tmp_path_factory.mktemp("hostile") / "graph.ttl"
    write_graph(hostile_formula_graph(hostile_graph()), path)
    with serving(path) as server:
        yield server


FORMULA = '=HYPERLINK("http://evil.example/","点击")'


def hostile_formula_graph(g):
    """The view's hostile graph, its sentences complete (as the entity page reads them), and
    one more agency whose label a spreadsheet would run as a formula."""
    from rdflib import Literal
    from rdflib.namespace import RDF, RDFS, XSD

    from mzgraph.rdf.namespaces import ITSRDF, MZ, MZR, NIF

    for mention, entity in list(g.subject_objects(ITSRDF.taIdentRef)):
        sentence = g.value(mention, NIF.sentence)
        text = str(g.value(sentence, NIF.anchorOf))
        begin = int(g.value(sentence, NIF.beginIndex))
        g.add((sentence, NIF.endIndex, Literal(begin + len(text), datatype=XSD.nonNegativeInteger)))
        g.add((sentence, NIF.referenceContext, g.value(mention, NIF.referenceContext)))
        g.add((mention, NIF.anchorOf, g.value(entity, RDFS.label)))
    g.add((MZR["agency/x6"], RDF.type, MZ.Agency))
    g.add((MZR["agency/x6"], RDFS.label, Literal(FORMULA, lang="zh")))
    return g


@dataclass
class OpenPage:
    page: object
    origin: str
    requests: list[str] = field(default_factory=list)
    refused: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)

    def violations(self) -> list[str]:
        return self.page.evaluate("window.__violations")

    def assert_clean(self) -> None:
        """Nothing left the machine, nothing failed, nothing broke the page's policy."""
        off = [u for u in self.requests if not u.startswith(self.origin + "/")]
        assert off == [] and self.refused == [], (off, self.refused)
        assert self.errors == [], self.errors
        assert self.dialogs == [], self.dialogs
        assert self.violations() == []


@pytest.fixture
def open_workbench(browser):
    """``open_workbench(served, hash="")`` → an OpenPage of the workbench, its questions loaded."""
    contexts = []

    def _open(server: Served, hash: str = "", *, width: int = 1280, height: int = 900) -> OpenPage:
        ctx = browser.new_context(viewport={"width": width, "height": height}, accept_downloads=True)
        contexts.append(ctx)
        page = ctx.new_page()
        opened = OpenPage(page, server.url)

        def route(r):
            url = r.request.url
            opened.requests.append(url)
            if url.startswith(server.url + "/"):
                r.continue_()
            else:
                opened.refused.append(url)
                r.abort()

        ctx.route("**/*", route)  # the context's route also sees the network frame's requests
        ctx.on("request", lambda req: req.url in opened.requests or opened.requests.append(req.url))
        watch_page(page, opened.errors, opened.dialogs)
        page.goto(server.url + "/" + hash)
        page.wait_for_function("() => document.body.getAttribute('data-ready') === '1'", timeout=30_000)
        return opened

    yield _open
    for ctx in contexts:
        ctx.close()
