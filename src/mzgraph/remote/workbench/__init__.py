"""The browser workbench on ``mzgraph serve``: one offline page at the server's root ``/``.

The page (``static/``: HTML, script and stylesheet shipped in the package, nothing from a
CDN) holds a SPARQL editor with the ready questions and the declared prefixes, results as
a sortable table whose IRIs open entity pages, CSV and JSON downloads, an entity page
(labels, relations both ways, every sentence with its document) and the network view of
the entity's neighbourhood.

Every SPARQL query the workbench runs reaches the store through the endpoint itself: the
page sends the editor's queries to ``/sparql``, and the routes below call
:meth:`~mzgraph.remote.serve.SparqlServer.execute`, the function behind ``/sparql``, so
they meet the same checks and limits. What the routes add is reuse, not a second copy:

* ``/workbench/questions``, ``/workbench/bind``: the ready questions of
  :mod:`mzgraph.query.ready`, bound by the runner's ``bind`` (the page never edits SPARQL text);
* ``/workbench/entity``: :meth:`mzgraph.kg.KnowledgeGraph.describe` over the entity's
  neighbourhood, fetched by one query (``neighbourhood.rq``) into a small in-memory store;
* ``/workbench/network``: the view's page (:func:`mzgraph.view.to_html`, vis-network inlined
  from pyvis as for ``mzgraph view``) of that neighbourhood, shown in a frame;
* ``/workbench/download``: the answer written by :func:`mzgraph.query.formats.format_result`,
  the writer of ``mzgraph query --format csv|json`` (so CSV cells are made safe the same way).

Graph labels are untrusted text: the page puts them on screen with ``textContent`` only, and
its Content-Security-Policy allows nothing but the page's own files and this server.
"""

from __future__ import annotations

from mzgraph.remote.workbench.routes import ROUTES

__all__ = ["ROUTES"]
