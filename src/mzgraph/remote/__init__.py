"""Shared triplestores: speak the W3C protocols to any SPARQL 1.1 server.

``gsp`` uploads graphs over the SPARQL 1.1 Graph Store HTTP Protocol, ``protocol`` asks
queries over the SPARQL 1.1 Protocol, ``push`` puts a build on a server one named graph
per source document, ``serve`` answers the protocol over a local graph, and ``auth``
finds credentials in the environment or ``~/.netrc`` (never on the command line).
All network traffic goes through ``http.HttpClient``: timeouts, bounded retries with
exponential back-off, verified HTTPS, and errors of one line with secrets masked.
"""

from __future__ import annotations

from mzgraph.remote.errors import PushIncomplete, RemoteError, StoreRefused, StoreTimeout, StoreUnreachable

__all__ = ["PushIncomplete", "RemoteError", "StoreRefused", "StoreTimeout", "StoreUnreachable"]
