"""Word (.docx) and PDF documents, through python-docx and pypdf.

Neither format keeps character offsets of its text, so the "original text" of such a
document is the text these libraries extract (paragraphs joined by line breaks, pages by
blank lines); offsets map back to that.
"""

from __future__ import annotations

import io
import re

from mzgraph.errors import InputError
from mzgraph.ingest.chrome import iso_date
from mzgraph.model import DocumentMetadata


def read_docx(data: bytes, name: str, meta: DocumentMetadata) -> str:
    try:
        import docx
    except ImportError:  # pragma: no cover - dependency declared in pyproject
        raise InputError(f"{name}: .docx is not supported here (python-docx is not installed)") from None
    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as exc:  # python-docx raises many kinds for a damaged file
        raise InputError(f"{name}: not a readable .docx file ({type(exc).__name__})") from None
    meta.format = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    props = document.core_properties
    meta.title = (props.title or "").strip() or None
    meta.publisher = (props.author or "").strip() or None
    if props.created:
        meta.date = props.created.date().isoformat()
    lines = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            lines.append("\t".join(cell.text for cell in row.cells))
    return "\n".join(lines)


def read_pdf(data: bytes, name: str, meta: DocumentMetadata) -> str:
    try:
        import pypdf
    except ImportError:  # pragma: no cover - dependency declared in pyproject
        raise InputError(f"{name}: .pdf is not supported here (pypdf is not installed)") from None
    try:
        reader = pypdf.PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            raise InputError(f"{name}: the PDF is encrypted")
        pages = [page.extract_text() or "" for page in reader.pages]
        info = reader.metadata
    except InputError:
        raise
    except Exception as exc:  # pypdf raises many kinds for a damaged file
        raise InputError(f"{name}: not a readable PDF file ({type(exc).__name__})") from None
    meta.format = "application/pdf"
    if info:
        meta.title = (info.title or "").strip() or None
        meta.publisher = (info.author or "").strip() or None
        raw = str(info.get("/CreationDate") or "")
        m = re.match(r"D:(\d{4})(\d{2})(\d{2})", raw)
        if m:
            meta.date = iso_date(f"{m.group(1)}-{m.group(2)}-{m.group(3)}")
    text = "\n\n".join(p.strip("\n") for p in pages)
    if not text.strip():
        raise InputError(f"{name}: the PDF has no extractable text (scanned images?)")
    return text
