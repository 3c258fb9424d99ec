"""Fixtures of the view tests: a real headless Chromium (Debian's) and pages opened in it
with every request recorded and anything but the page itself refused."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from rdflib import Graph, Literal

from mzgraph.rdf.namespaces import ITSRDF, MZ, MZR, NIF, bind_prefixes
from tests.conftest import watch_page

# labels and sentences as a hostile web page could deliver them
XSS_ALERT = "<img src=x onerror=alert(1)>"
XSS_FLAG = '<img src=x onerror="window.__pwned=1">'
SCRIPT_BREAK = "民政厅称</script><script>window.__pwned=2;alert(2)</script>养老服务"
ODD_TEXT = "换行\u2028分段\u2029结束 &amp; <!-- 注释 --> ]]>"


@dataclass
class OpenPage:
    page: object
    requests: list[str] = field(default_factory=list)  # routed
    seen: list[str] = field(default_factory=list)  # every request event
    refused: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)


@pytest.fixture(scope="session")
def screenshots(tmp_path_factory) -> Path:
    """Where the view tests save their screenshots: MZGRAPH_SCREENSHOTS when set (to look at
    them), else a temporary folder; never the repository's output/, which is the user's."""
    folder = Path(os.environ["MZGRAPH_SCREENSHOTS"]) if os.environ.get("MZGRAPH_SCREENSHOTS") else None
    folder = folder or tmp_path_factory.mktemp("screenshots")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@pytest.fixture
def open_page(browser):
    """``open_page(path)`` → an OpenPage that is ready (its graph drawn)."""
    contexts = []

    def _open(path: Path, *, width: int = 1280, height: int = 800) -> OpenPage:
        ctx = browser.new_context(viewport={"width": width, "height": height}, device_scale_factor=1)
        contexts.append(ctx)
        page = ctx.new_page()
        own = path.resolve().as_uri()
        opened = OpenPage(page)

        def route(r):
            url = r.request.url
            opened.requests.append(url)
            if url == own or url.startswith("data:"):
                r.continue_()
            else:
                opened.refused.append(url)
                r.abort()

        page.route("**/*", route)
        page.on("request", lambda req: opened.seen.append(req.url))  # also what a route might miss
        watch_page(page, opened.errors, opened.dialogs)
        page.goto(own)
        page.wait_for_function("() => window.mzgraph && window.mzgraph.ready === true", timeout=60_000)
        return opened

    yield _open
    for ctx in contexts:
        ctx.close()


def hostile_graph() -> Graph:
    """A small graph whose labels and sentences try to inject HTML and break out of scripts."""
    # imported here: pytest's collection pokes at module globals and rdflib's closed
    # namespaces warn about the unknown attribute names it asks for
    from rdflib.namespace import RDF, RDFS, SKOS, XSD

    g = bind_prefixes(Graph())
    doc = MZR["doc/hostile"]
    rows = [
        ("agency/x1", "Agency", XSS_ALERT, [XSS_FLAG], SCRIPT_BREAK),
        ("agency/x2", "Agency", XSS_FLAG, [], ODD_TEXT),
        ("policy/x3", "Policy", "关于</script>的通知", [], SCRIPT_BREAK),
        ("target/x4", "Target", "20.98万名", [], "全省20.98万名城镇贫困群众脱贫。"),
        ("area/x5", "AdministrativeArea", "江西省", ["赣"], "江西省民政厅。"),
    ]
    for i, (key, cls, label, alts, sentence) in enumerate(rows):
        e = MZR[key]
        g.add((e, RDF.type, MZ[cls]))
        g.add((e, RDFS.label, Literal(label, lang="zh")))
        for a in alts:
            g.add((e, SKOS.altLabel, Literal(a, lang="zh")))
        s = MZR[f"doc/hostile/sentence/{i}"]
        g.add((s, RDF.type, NIF.Sentence))
        g.add((s, NIF.anchorOf, Literal(sentence)))
        g.add((s, NIF.beginIndex, Literal(i * 100, datatype=XSD.nonNegativeInteger)))
        m = MZR[f"doc/hostile/mention/{i}"]
        g.add((m, ITSRDF.taIdentRef, e))
        g.add((m, NIF.referenceContext, doc))
        g.add((m, NIF.sentence, s))
    g.add((MZR["target/x4"], MZ.value, Literal("209800", datatype=XSD.decimal)))
    g.add((MZR["target/x4"], MZ.unit, Literal("人")))
    g.add((MZR["policy/x3"], MZ.issuedBy, MZR["agency/x1"]))
    g.add((MZR["agency/x1"], MZ.locatedIn, MZR["area/x5"]))
    g.add((MZR["agency/x2"], MZ.locatedIn, MZR["area/x5"]))
    return g
