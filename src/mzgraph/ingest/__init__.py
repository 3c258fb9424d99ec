"""Reading: bytes on disk → a clean :class:`~mzgraph.model.SourceDocument`.

``read_document(path)`` detects the format and encoding, strips page chrome and injected
junk, and keeps an offset map back to the original text. ``read_archive(path, …)`` gives
every page of a web archive (.warc, .warc.gz, .wacz) as such a document.
"""

from __future__ import annotations

import importlib

# imported on first use: finding the inputs (``files``) must not load every reader
_LAZY = {
    **dict.fromkeys(
        ("ARCHIVE_SUFFIXES", "DEFAULT_MAX_BYTES", "SUPPORTED_SUFFIXES", "discover", "display_name", "document_id"),
        "mzgraph.ingest.files",
    ),
    "is_archive": "mzgraph.ingest.files",
    "read_document": "mzgraph.ingest.reader",
    "ArchiveSummary": "mzgraph.ingest.warc",
    "read_archive": "mzgraph.ingest.warc",
}

__all__ = [
    "ARCHIVE_SUFFIXES",
    "DEFAULT_MAX_BYTES",
    "SUPPORTED_SUFFIXES",
    "ArchiveSummary",
    "discover",
    "display_name",
    "document_id",
    "is_archive",
    "read_archive",
    "read_document",
]


def __getattr__(name: str):
    if name in _LAZY:
        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'mzgraph.ingest' has no attribute {name!r}")
