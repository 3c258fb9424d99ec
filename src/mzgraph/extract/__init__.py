"""Extraction: clean text → typed mentions and relation candidates. No RDF here.

``extract(document)`` returns an :class:`~mzgraph.model.Extraction`. The finders live one
module a type (``places``, ``agencies``, ``policies``, ``programs``, ``quantities``) and
``extractor`` strings them together and adds the relations stated in each sentence.
"""

from __future__ import annotations

from mzgraph.extract.extractor import extract

__all__ = ["extract"]
