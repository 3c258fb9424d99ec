"""Extraction: clean text → typed mentions and relation candidates. No RDF here.

``extract(document)`` returns an :class:`~mzgraph.model.Extraction`.
"""

from __future__ import annotations

from mzgraph.extract.core import extract

__all__ = ["extract"]
