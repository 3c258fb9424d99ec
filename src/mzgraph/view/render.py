"""An entity network → one self-contained, offline HTML page.

The page inlines vis-network's script and stylesheet (read from the installed pyvis
package: pyvis's own HTML output links them from CDNs or copies a ``lib/`` folder next to
the page, and its node insertion is quadratic), our stylesheet and script, and the graph as
JSON in a ``<script type="application/json">`` element. The JSON is escaped so that no
string from a scraped page can close that element, and the page script puts text on the
page only through ``textContent``. A Content-Security-Policy allows exactly the two inline
scripts (by hash), no network at all, and images only from ``data:`` URIs.
"""

from __future__ import annotations

import base64
import hashlib
import html
import importlib.util
import json
import math
import re
from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

from mzgraph import __version__
from mzgraph.errors import MzgraphError
from mzgraph.network import CORE_TYPES, RELATIONS, EntityNetwork
from mzgraph.rdf.io import atomic_write
from mzgraph.view.layout import positions

if TYPE_CHECKING:
    import networkx as nx

PHYSICS_LIMIT = 1000  # above this many nodes the page draws the Python layout and never simulates
STABILIZATION_ITERATIONS = 150  # cap on the page's physics run for small graphs
VIS_VERSION = "vis-9.1.2"

# type → (name shown, colour, vis shape): colour and shape both differ, for colour-blind readers
TYPE_STYLE = {
    "Agency": ("机构 Agency", "#4e79a7", "square"),
    "Policy": ("政策 Policy", "#f28e2b", "triangle"),
    "AdministrativeArea": ("地区 Area", "#59a14f", "hexagon"),
    "Program": ("项目 Program", "#e15759", "dot"),
    "Target": ("指标 Target", "#9467bd", "diamond"),
}
OTHER_STYLE = ("#8c8c8c", "star")


@dataclass(frozen=True)
class ViewSummary:
    """What a written page holds."""

    path: Path | None
    nodes: int
    edges: int
    physics: bool
    bytes: int


_SOURCE_MAP = re.compile(r"\n?//# sourceMappingURL=\S*\s*$")


@cache
def _vis_assets() -> tuple[str, str]:
    try:
        # found, not imported: importing pyvis (jinja2, IPython) took 75 ms of every view
        spec = importlib.util.find_spec("pyvis")
        if spec is None or not spec.submodule_search_locations:
            raise ModuleNotFoundError("pyvis is not installed")
        lib = Path(next(iter(spec.submodule_search_locations))) / "templates" / "lib" / VIS_VERSION
        js = (lib / "vis-network.min.js").read_text(encoding="utf-8")
        css = (lib / "vis-network.css").read_text(encoding="utf-8")
    except (ModuleNotFoundError, FileNotFoundError, OSError) as exc:
        raise MzgraphError(f"the view needs pyvis's {VIS_VERSION} vis-network files ({exc}); reinstall pyvis") from exc
    # the page must not ask for anything: drop the source-map reference devtools would fetch
    # (only the last one can end the file: the pattern runs from there, not over 0.5 MB)
    k = js.rfind("//# sourceMappingURL=")
    if k > 0 and js[k - 1] == "\n":
        k -= 1  # (the pattern takes the line break before it too)
    if k >= 0:
        js = js[:k] + _SOURCE_MAP.sub("\n", js[k:])
    return _script_safe(js), css.replace("</style", "<\\/style")


@cache
def _own_asset(name: str) -> str:
    return (resources.files("mzgraph.view") / name).read_text(encoding="utf-8")


def _script_safe(js: str) -> str:
    # a literal "</script" would end the element early; vis ships none, but be sure
    return re.sub(r"</(script)", r"<\\/\1", js, flags=re.IGNORECASE)


def script_json(obj) -> str:
    """JSON that is safe inside ``<script type="application/json">`` and reads back with JSON.parse.

    ``<``, ``>`` and ``&`` can only occur inside JSON strings, where their ``\\uXXXX`` escapes
    mean the same text; U+2028/2029 are escaped for old JavaScript parsers.
    """
    text = json.dumps(obj, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    for ch, esc in (("&", "\\u0026"), ("<", "\\u003c"), (">", "\\u003e"), ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        text = text.replace(ch, esc)
    return text


def _csp_hash(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii") + "'"


def node_size(degree: int) -> float:
    """A node's drawn size from its degree (the view's, and Gephi's through the GEXF export)."""
    return round(min(10 + 5 * math.sqrt(degree), 45), 1)


def _number(value):
    if isinstance(value, Decimal):
        value = float(value)
    if isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value):
        return int(value) if float(value).is_integer() and abs(value) < 2**53 else value
    return None


def _text(value) -> str | None:
    return None if value is None else str(value)


def _type(attrs: dict) -> str:
    return str(attrs.get("type") or "Entity")


def _community(value):
    return value if isinstance(value, int) else str(value)


def page_data(net: EntityNetwork | nx.Graph, *, title: str, physics: bool) -> dict:
    """The JSON the page script reads (row layout documented at the top of ``app.js``)."""
    if not isinstance(net, EntityNetwork):
        net = EntityNetwork.from_networkx(net)
    present = {_type(d) for d in net.data}
    type_names = [t for t in CORE_TYPES if t in present] + sorted(str(t) for t in present - set(CORE_TYPES))
    type_index = {t: i for i, t in enumerate(type_names)}
    types = []
    for t in type_names:
        shown, colour, shape = TYPE_STYLE.get(t, (t, *OTHER_STYLE))
        types.append([t, shown, colour, shape])
    sentence_index: dict[str, int] = {}
    number_sentence = sentence_index.setdefault

    def sentence_ids(texts) -> list[int]:
        return [number_sentence(str(t), len(sentence_index)) for t in texts] if texts else []

    implied = net.implied_country_links()
    if implied:  # drawn dashed: the division codes imply them, the graph does not state them
        net = net.with_edges(implied)
    nodes, data = net.nodes, net.data
    names = [n if type(n) is str else str(n) for n in nodes]
    order = sorted(range(len(nodes)), key=names.__getitem__)
    row_of = [0] * len(order)
    for row, i in enumerate(order):
        row_of[i] = row
    pos = positions(net)
    size_of: dict[int, float] = {}  # degree → drawn size: a few distinct degrees among many nodes
    rows = []
    for i in order:
        n, d = nodes[i], data[i]
        degree = int(d.get("degree", 0))
        size = size_of.get(degree)
        if size is None:
            size = size_of[degree] = node_size(degree)
        x, y = pos[n]
        alt_labels, value = d.get("alt_labels"), d.get("value")
        rows.append(
            [
                str(d.get("label") or n),
                type_index[_type(d)],
                size,
                x,
                y,
                degree,
                _community(d.get("community", 0)),
                [str(a) for a in alt_labels] if alt_labels else [],
                None if value is None else _number(value),
                _text(d.get("unit")),
                _text(d.get("indicator")),
                sentence_ids(d.get("sentences")),
                str(d.get("iri", n)),
            ]
        )
    relation_names = list(RELATIONS)
    relation_number = {r: k for k, r in enumerate(relation_names)}
    edge_rows = []
    for e in sorted(net.edges, key=lambda e: (row_of[e.source], row_of[e.target], e.relation)):
        if e.relation not in relation_number:
            relation_number[e.relation] = len(relation_names)
            relation_names.append(e.relation)
        row = [row_of[e.source], row_of[e.target], relation_number[e.relation], sentence_ids(e.sentences)]
        edge_rows.append([*row, 1] if e.implied else row)
    n = len(rows)
    if not n:
        note = "nothing to draw: no entities (of the chosen types) in this graph"
    elif physics:
        note = f"layout: force-directed, stopped after {STABILIZATION_ITERATIONS} steps"
    else:
        note = "layout: precomputed (communities as discs, hubs in the middle)" if n > 500 else "layout: precomputed"
    linked = {i for e in net.edges for i in (e.source, e.target)}
    unlinked = len(net.nodes) - len(linked)
    if unlinked:
        note += f"; {unlinked} with no relation in the graph, in the row{'s' if unlinked > 1 else ''} below"
    return {
        "title": title,
        "physics": physics,
        "stabilization": STABILIZATION_ITERATIONS,
        "note": note,
        "types": types,
        "relations": relation_names,
        "sentences": list(sentence_index),
        "nodes": rows,
        "edges": edge_rows,
    }


def render_html(net: EntityNetwork | nx.Graph, *, title: str = "mzgraph", physics: bool | None = None) -> str:
    """The page for ``net`` (an entity network with ``degree`` and ``community``) as a string.

    ``physics`` defaults to on up to ``PHYSICS_LIMIT`` nodes and off above.
    """
    if physics is None:
        physics = net.number_of_nodes() <= PHYSICS_LIMIT
    vis_js, vis_css = _vis_assets()
    app_js = _script_safe(_own_asset("app.js"))
    csp = (
        "default-src 'none'; "
        f"script-src {_csp_hash(vis_js)} {_csp_hash(app_js)}; "
        "style-src 'unsafe-inline'; img-src data:; font-src data:; connect-src 'none'; "
        "form-action 'none'; base-uri 'none'"
    )
    parts = {
        "CSP": csp,
        "VERSION": html.escape(__version__),
        "TITLE": html.escape(title),
        "VIS_CSS": vis_css,
        "APP_CSS": _own_asset("page.css").replace("</style", "<\\/style"),
        "DATA": script_json(page_data(net, title=title, physics=physics)),
        "VIS_JS": vis_js,
        "APP_JS": app_js,
    }
    # one pass, so nothing inserted is ever scanned for placeholders again
    return re.sub(r"@@([A-Z_]+)@@", lambda m: parts[m.group(1)], _own_asset("page.html"))


def write_page(
    net: EntityNetwork | nx.Graph, path: Path | str, *, title: str = "mzgraph", physics: bool | None = None
) -> ViewSummary:
    """Render ``net`` and write it to ``path`` atomically."""
    if physics is None:
        physics = net.number_of_nodes() <= PHYSICS_LIMIT
    data = render_html(net, title=title, physics=physics).encode("utf-8", errors="replace")
    atomic_write(path, lambda f: f.write(data))
    return ViewSummary(Path(path), net.number_of_nodes(), net.number_of_edges(), physics, len(data))
