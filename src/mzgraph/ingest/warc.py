"""Web archives (.warc, .warc.gz, .wacz) → one document per captured page.

Researchers save government sites with Webrecorder or a crawler. Each ``response`` (or
``resource``) record whose payload is a page becomes a :class:`~mzgraph.model.SourceDocument`,
cleaned exactly as a saved file of that format would be:

* what a record is comes from its HTTP ``Content-Type`` (the WARC one for ``resource``
  records), and from the payload's first bytes when the type is missing or generic, never
  from the URL: HTML and XHTML, plain text, and PDF (bounded as a PDF file is) are read;
  images, scripts, styles, redirects, errors and anything else are counted and skipped;
* a payload seen before (same ``WARC-Payload-Digest``, or the same SHA-1 when the archive
  gives none) and ``revisit`` records are skipped as duplicates;
* the URL is the document's ``mz:sourceURL``; its date is the page's own publication date
  when it states one, else the capture date (``WARC-Date``);
* the document id comes from the URL (readable host and path, plus a hash), so a rebuild
  gives the same IRIs; ``mz:sourcePath`` is ``archive#URL``.

Records are streamed: an archive is never held in memory, and no payload is read past
``max_bytes`` (a larger one is counted and skipped). A WACZ is a zip whose ``archive/``
folder holds the WARC files; they are streamed from the zip in name order.
"""

from __future__ import annotations

import hashlib
import re
import zipfile
import zlib
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from mzgraph.errors import InputError
from mzgraph.ingest.chrome import iso_date
from mzgraph.model import SourceDocument

# media type → the suffix whose reader cleans it
_READERS = {
    "text/html": ".html",
    "application/xhtml+xml": ".html",
    "text/plain": ".txt",
    "text/markdown": ".md",
    "application/pdf": ".pdf",
}
_GENERIC = {"", "application/octet-stream", "binary/octet-stream", "application/unknown"}
_CHARSET = re.compile(r";\s*charset\s*=\s*[\"']?([A-Za-z0-9_.:-]+)", re.I)


@dataclass
class ArchiveSummary:
    """What an archive held besides the documents read from it."""

    name: str
    documents: int = 0
    duplicates: int = 0
    skipped: Counter = field(default_factory=Counter)  # reason (media type, "redirect", …) → records
    failed: list[str] = field(default_factory=list)  # one-line reasons of pages that could not be read

    def line(self) -> str:
        """One line for the user: ``site.warc.gz: 3 pages read; skipped 1 duplicate, 1 redirect``."""
        parts = [f"{n} {what}" for what, n in sorted(self.skipped.items(), key=lambda kv: (-kv[1], kv[0]))]
        if self.duplicates:
            parts.insert(0, f"{self.duplicates} duplicate{'s' if self.duplicates != 1 else ''}")
        if self.failed:
            parts.append(f"{len(self.failed)} unreadable")
        skipped = f"; skipped {', '.join(parts)}" if parts else ""
        return f"{self.name}: {self.documents} page{'s' if self.documents != 1 else ''} read{skipped}"


def url_document_id(url: str) -> str:
    """A stable IRI-safe id for a captured page: readable host and path, then a hash of the URL."""
    readable = re.sub(r"^[a-z][a-z0-9+.-]*://", "", url, flags=re.I)
    slug = re.sub(r"[^A-Za-z0-9._-]+", "-", readable).strip("-.")[:60].strip("-.")
    digest = hashlib.sha1(url.encode("utf-8", "surrogatepass")).hexdigest()[:10]
    return f"{slug}-{digest}" if slug else f"page-{digest}"


def _media_type(value: str | None) -> tuple[str, str | None]:
    """``text/html; charset=GBK`` → (``text/html``, ``gbk``)."""
    value = value or ""
    m = _CHARSET.search(value)
    return value.split(";", 1)[0].strip().lower(), (m.group(1).lower() if m else None)


def _sniff(head: bytes) -> str:
    """The media type of a payload whose headers do not say: only what its bytes show."""
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if start.startswith(b"%pdf-"):
        return "application/pdf"
    if start.startswith((b"<!doctype html", b"<html", b"<head", b"<body")):
        return "text/html"
    return "application/octet-stream"


def _check_warc(head: bytes, name: str) -> None:
    """A WARC (or the older ARC) file starts with its version line, gzipped or not;
    anything else is refused rather than guessed at (warcio reads any text as ARC)."""
    if head.startswith(b"\x1f\x8b"):
        try:
            head = zlib.decompressobj(wbits=31).decompress(head, 64)
        except zlib.error:
            raise InputError(f"{name}: not a readable web archive (damaged gzip)") from None
    if not head.startswith((b"WARC/", b"filedesc://")):
        raise InputError(f"{name}: not a readable web archive (it does not start with a WARC record)")


def _warc_streams(path: Path, name: str) -> Iterator[BinaryIO]:
    """The WARC streams in the file: itself, or a WACZ's ``archive/`` members."""
    with open(path, "rb") as f:
        magic = f.read(4)
        if magic != b"PK\x03\x04":
            f.seek(0)
            _check_warc(f.read(4096), name)
            f.seek(0)
            yield f
            return
    try:
        with zipfile.ZipFile(path) as wacz:
            members = sorted(n for n in wacz.namelist() if n.startswith("archive/") and not n.endswith("/"))
            if not members:
                raise InputError(f"{name}: a zip without an archive/ folder, not a WACZ web archive")
            for member in members:
                with wacz.open(member) as stream:
                    _check_warc(stream.read(4096), f"{name}!{member}")
                with wacz.open(member) as stream:
                    yield stream
    except (zipfile.BadZipFile, OSError) as exc:
        raise InputError(f"{name}: not a readable WACZ file ({exc})") from None


def read_archive(path: Path | str, *, name: str, max_bytes: int, summary: ArchiveSummary) -> Iterator[SourceDocument]:
    """Every page of the archive at ``path`` as a clean document, in record order.

    ``summary`` is filled as the records go by; a damaged archive raises InputError once the
    pages before the damage were given.
    """
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    from mzgraph.ingest.reader import document_from_bytes  # reader imports this module

    seen: set[str] = set()
    try:
        for stream in _warc_streams(Path(path), name):
            for record in ArchiveIterator(stream, no_record_parse=False, arc2warc=True):
                doc = _document(record, name, max_bytes, seen, summary, document_from_bytes)
                if doc is not None:
                    summary.documents += 1
                    yield doc
    except ArchiveLoadFailed as exc:
        raise InputError(f"{name}: not a readable web archive ({str(exc).splitlines()[0]})") from None
    except (OSError, EOFError, zipfile.BadZipFile) as exc:
        raise InputError(f"{name}: damaged web archive ({type(exc).__name__}: {exc})") from None


def _document(record, name, max_bytes, seen, summary, document_from_bytes) -> SourceDocument | None:
    kind = record.rec_type
    if kind == "revisit":
        summary.duplicates += 1
        return None
    if kind not in ("response", "resource"):
        return None  # requests, metadata, warcinfo: about captures, not captured pages
    url = record.rec_headers.get_header("WARC-Target-URI") or ""
    if kind == "response":
        http = record.http_headers
        if http is None:
            summary.skipped["non-HTTP response"] += 1
            return None
        status = http.get_statuscode() or ""
        if status.startswith("3"):
            summary.skipped["redirect"] += 1
            return None
        if not status.startswith("2"):
            summary.skipped[f"HTTP {status or 'without status'}"] += 1
            return None
        media, charset = _media_type(http.get_header("Content-Type"))
    else:
        media, charset = _media_type(record.rec_headers.get_header("Content-Type"))

    stream = record.content_stream()
    payload = stream.read(max_bytes + 1)
    if len(payload) > max_bytes:
        summary.skipped[f"over --max-bytes ({max_bytes})"] += 1
        return None
    if media in _GENERIC:
        media = _sniff(payload[:512])
    suffix = _READERS.get(media)
    if suffix is None:
        summary.skipped[media] += 1
        return None

    digest = record.rec_headers.get_header("WARC-Payload-Digest") or "sha1:" + hashlib.sha1(payload).hexdigest()
    if digest in seen:
        summary.duplicates += 1
        return None
    seen.add(digest)

    where = f"{name}#{url}"
    try:
        doc = document_from_bytes(
            payload, name=where, suffix=suffix, doc_id=url_document_id(url), max_bytes=max_bytes, charset=charset
        )
    except InputError as exc:
        summary.failed.append(str(exc))
        return None
    doc.metadata.url = url or doc.metadata.url
    captured = (record.rec_headers.get_header("WARC-Date") or "")[:10]
    doc.metadata.date = doc.metadata.date or iso_date(captured)
    return doc
