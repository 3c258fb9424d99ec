"""Word (.docx) and PDF documents, through python-docx and pypdf.

Neither format keeps character offsets of its text, so the "original text" of such a
document is the text these libraries extract (paragraphs joined by line breaks, pages by
blank lines); offsets map back to that.
"""

from __future__ import annotations

import io
import re
import zipfile

from mzgraph.errors import InputError
from mzgraph.ingest.chrome import iso_date
from mzgraph.model import DocumentMetadata


def _inflated_size(data: bytes, name: str) -> int:
    """What the .docx's zip members take once inflated, from the zip's own directory.

    The declared sizes are a real bound: :mod:`zipfile` stops reading a member at its
    declared size (a lying member fails its CRC check instead of growing).
    """
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as exc:
        raise InputError(f"{name}: not a readable .docx file ({type(exc).__name__})") from None


def read_docx(data: bytes, name: str, meta: DocumentMetadata, *, max_bytes: int) -> str:
    """Paragraphs, then table rows (cells tab-separated); refused before inflating when the
    zip's members add up to more than ``max_bytes``."""
    try:
        import docx
    except ImportError:  # pragma: no cover - dependency declared in pyproject
        raise InputError(f"{name}: .docx is not supported here (python-docx is not installed)") from None
    inflated = _inflated_size(data, name)
    if inflated > max_bytes:
        raise InputError(
            f"{name}: inflates to {inflated} bytes, over the limit of {max_bytes} (raise it with --max-bytes)"
        )
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


class _PdfTooLarge(Exception):
    pass


def read_pdf(data: bytes, name: str, meta: DocumentMetadata, *, max_bytes: int) -> str:
    """Page texts joined by blank lines. No stream inflates past ``max_bytes`` (pypdf's own
    decompression limits) and the text stops being collected once it passes ``max_bytes``."""
    try:
        import pypdf
    except ImportError:  # pragma: no cover - dependency declared in pyproject
        raise InputError(f"{name}: .pdf is not supported here (pypdf is not installed)") from None
    limits = {
        key: max_bytes
        for key in (
            "maximum_declared_stream_length",
            "zlib_maximum_output_length",
            "lzw_maximum_output_length",
            "run_length_maximum_output_length",
            "array_based_stream_maximum_output_length",
            "brotli_maximum_output_length",
            "stream_decoding_work_maximum_length",
        )
    }
    try:
        with pypdf.apply_configuration(**limits):
            reader = pypdf.PdfReader(io.BytesIO(data))
            if reader.is_encrypted:
                raise InputError(f"{name}: the PDF is encrypted")
            pages, total = [], 0
            for page in reader.pages:
                pages.append(page.extract_text() or "")
                total += len(pages[-1])
                if total > max_bytes:
                    raise _PdfTooLarge
            info = reader.metadata
    except InputError:
        raise
    except _PdfTooLarge:
        raise InputError(
            f"{name}: its text runs past the limit of {max_bytes} characters (raise it with --max-bytes)"
        ) from None
    except pypdf.errors.LimitReachedError:
        raise InputError(
            f"{name}: a stream inflates past the limit of {max_bytes} bytes (raise it with --max-bytes)"
        ) from None
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
