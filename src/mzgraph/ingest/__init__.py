"""Reading: bytes on disk → a clean :class:`~mzgraph.model.SourceDocument`.

``read_document(path)`` detects the format and encoding, strips page chrome and injected
junk, and keeps an offset map back to the original text. ``read_archive(path, …)`` gives
every page of a web archive (.warc, .warc.gz, .wacz) as such a document.
"""

from __future__ import annotations

from mzgraph.ingest.reader import (
    ARCHIVE_SUFFIXES,
    DEFAULT_MAX_BYTES,
    SUPPORTED_SUFFIXES,
    discover,
    display_name,
    document_id,
    is_archive,
    read_document,
)
from mzgraph.ingest.warc import ArchiveSummary, read_archive

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
