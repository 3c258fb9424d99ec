"""Reading: bytes on disk → a clean :class:`~mzgraph.model.SourceDocument`.

``read_document(path)`` detects the format and encoding, strips page chrome and injected
junk, and keeps an offset map back to the original text.
"""

from __future__ import annotations

from mzgraph.ingest.reader import DEFAULT_MAX_BYTES, SUPPORTED_SUFFIXES, discover, document_id, read_document

__all__ = ["DEFAULT_MAX_BYTES", "SUPPORTED_SUFFIXES", "discover", "document_id", "read_document"]
