"""Interactive network views: an RDF graph → its entity network → one offline HTML page.

>>> from mzgraph.view import write_html, show
>>> write_html(graph, "output/graph.html")                      # doctest: +SKIP
>>> write_html(graph, "ego.html", focus="省民政厅", depth=2)       # doctest: +SKIP
>>> show(graph, types=["Agency", "Policy"])   # in Jupyter         # doctest: +SKIP

``prepare`` picks what to draw (``mzgraph.network`` + ``mzgraph.analytics``), ``layout``
places big graphs in Python, ``render`` writes the page (vis-network inlined, data as
escaped JSON, no network access, text never parsed as HTML).
"""

from __future__ import annotations

import html
from pathlib import Path

from mzgraph.defaults import DEFAULT_TIMEOUT
from mzgraph.network import paused_gc
from mzgraph.view.prepare import parse_types, prepare
from mzgraph.view.render import PHYSICS_LIMIT, ViewSummary, render_html, write_page

__all__ = ["PHYSICS_LIMIT", "ViewSummary", "parse_types", "prepare", "render_html", "show", "to_html", "write_html"]


def to_html(
    source,
    *,
    focus: str | None = None,
    depth: int = 1,
    types=None,
    query: str | None = None,
    title: str = "mzgraph",
    physics: bool | None = None,
    timeout: float | None = DEFAULT_TIMEOUT,
) -> str:
    """The page for ``source`` (graph file, rdflib Graph, KnowledgeGraph or entity network) as a string."""
    with paused_gc():
        net = prepare(source, focus=focus, depth=depth, types=types, query=query, timeout=timeout)
        return render_html(net, title=title, physics=physics)


def write_html(
    source,
    path: Path | str,
    *,
    focus: str | None = None,
    depth: int = 1,
    types=None,
    query: str | None = None,
    title: str | None = None,
    physics: bool | None = None,
    timeout: float | None = DEFAULT_TIMEOUT,
) -> ViewSummary:
    """Write the page for ``source`` to ``path`` (atomically) and say what it holds."""
    with paused_gc():  # a view builds many small objects and frees none until it is written
        net = prepare(source, focus=focus, depth=depth, types=types, query=query, timeout=timeout)
        return write_page(net, path, title=title or Path(path).stem, physics=physics)


def show(source, *, height: int = 640, **opts):
    """The view as an IPython object for a notebook cell: the page in a ``srcdoc`` iframe.

    Accepts the options of ``to_html`` (focus, depth, types, query, title, physics, timeout). The
    iframe keeps the page's scripts and styles apart from the notebook's.
    """
    from IPython.display import HTML

    page = to_html(source, **opts)
    return HTML(
        f'<div class="mzgraph-view"><iframe srcdoc="{html.escape(page, quote=True)}" width="100%" '
        f'height="{int(height)}" style="border:1px solid #ddd" sandbox="allow-scripts"></iframe></div>'
    )
