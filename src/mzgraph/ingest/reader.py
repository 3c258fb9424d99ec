"""Find input files, decode them and hand them to cleaning."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from pathlib import Path

from mzgraph.errors import InputError
from mzgraph.model import DocumentMetadata, OffsetMap, SourceDocument

DEFAULT_MAX_BYTES = 20 * 1024 * 1024
SUPPORTED_SUFFIXES = (".txt",)


def discover(inputs: list[Path]) -> list[Path]:
    """Expand directories (recursively) into the supported files they hold, sorted."""
    files: list[Path] = []
    for p in inputs:
        if p.is_dir():
            files.extend(sorted(f for f in p.rglob("*") if f.is_file() and f.suffix.lower() in SUPPORTED_SUFFIXES))
        else:
            files.append(p)
    return files


def document_id(path: Path) -> str:
    """A stable IRI-safe id from the file name: ASCII stems stay readable, others are hashed."""
    stem = unicodedata.normalize("NFKC", path.stem)
    slug = re.sub(r"[^A-Za-z0-9._-]+", "-", stem).strip("-.")
    if slug and slug.isascii() and len(slug) <= 80 and slug == stem.replace(" ", "-"):
        return slug
    digest = hashlib.sha1(path.name.encode("utf-8")).hexdigest()[:10]
    return f"{slug[:40]}-{digest}" if slug else f"doc-{digest}"


def _decode(data: bytes, path: Path) -> tuple[str, str]:
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="strict"), "utf-8-sig"
    for enc in ("utf-8", "gb18030"):
        try:
            return data.decode(enc), enc
        except UnicodeDecodeError:
            continue
    raise InputError(f"{path}: cannot decode the text (not UTF-8 or GB18030)")


def read_document(path: Path | str, *, max_bytes: int = DEFAULT_MAX_BYTES) -> SourceDocument:
    path = Path(path)
    if not path.exists():
        raise InputError(f"{path}: no such file")
    if path.is_dir():
        raise InputError(f"{path}: is a directory")
    size = path.stat().st_size
    if size > max_bytes:
        raise InputError(f"{path}: {size} bytes is over the limit of {max_bytes} (raise it with --max-bytes)")
    data = path.read_bytes()
    if not data.strip():
        raise InputError(f"{path}: the file is empty")
    text, encoding = _decode(data, path)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    meta = DocumentMetadata(encoding=encoding)
    return SourceDocument(
        doc_id=document_id(path),
        path=str(path),
        text=text,
        metadata=meta,
        offset_map=OffsetMap(),
        original_text=text,
        content_hash=hashlib.sha256(data).hexdigest(),
    )
