"""Find input files, read them by format, and clean them into a SourceDocument.

read → decode (``decode``) or unpack (``html``, ``markdown``, ``office``) → strip page
chrome (``chrome``) → remove injected tokens and repair titles (``junk``). Every step
edits a :class:`~mzgraph.ingest.mapped.MappedText`, so offsets in the clean text map back
to the original decoded text exactly.
"""

from __future__ import annotations

import hashlib
import os
import re
import stat
from pathlib import Path

from mzgraph.errors import InputError
from mzgraph.ingest.chrome import strip_chrome
from mzgraph.ingest.decode import decode_bytes
from mzgraph.ingest.files import (
    _HTML,
    ARCHIVE_SUFFIXES,
    DEFAULT_MAX_BYTES,
    SUPPORTED_SUFFIXES,
    _written_by_mzgraph,
    display_name,
    document_id,
    suffix_of,
)
from mzgraph.ingest.html import read_html
from mzgraph.ingest.junk import remove_injected
from mzgraph.ingest.mapped import MappedText
from mzgraph.ingest.markdown import read_markdown
from mzgraph.ingest.office import read_docx, read_pdf
from mzgraph.model import DocumentMetadata, Removal, SourceDocument

_MARKDOWN = (".md", ".markdown")
_CHARSET = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?\s*([A-Za-z0-9_\-]+)", re.I)


def _decode_html(data: bytes, name: str, charset: str | None, warnings: list[str]) -> tuple[str, str]:
    """Valid UTF-8 wins (pages are often re-saved as UTF-8 with the old charset tag left in);
    then the charset the page (or else the server, ``charset``) declares when it decodes
    cleanly; otherwise detection."""
    if not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-8-sig"), "utf-8"
        except UnicodeDecodeError:
            pass
    m = _CHARSET.search(data[:4096])
    declared = m.group(1).decode("ascii").lower() if m else (charset or "").lower()
    if declared and not data.startswith((b"\xff\xfe", b"\xfe\xff", b"\xef\xbb\xbf")):
        codec = "gb18030" if declared in ("gb2312", "gbk", "gb18030", "x-gbk") else declared
        try:
            return data.decode(codec), codec
        except (UnicodeDecodeError, LookupError):
            pass
    return decode_bytes(data, name, warnings)


def _unify_newlines(text: str) -> MappedText:
    """CRLF and CR line breaks read as LF; the map still points into the text as decoded."""
    if "\r" not in text:
        return MappedText(text)
    pieces, pos = [], 0
    for m in re.finditer(r"\r\n?", text):
        if m.start() > pos:
            pieces.append((text[pos : m.start()], pos, True))
        pieces.append(("\n", m.end() - 1, True) if m.group() == "\r\n" else ("\n", m.start(), False))
        pos = m.end()
    if pos < len(text):
        pieces.append((text[pos:], pos, True))
    return MappedText.from_pieces(pieces)


def _tidy(mt: MappedText) -> None:
    """Blank lines left where chrome lines were: at most one in a row, none at the ends.

    Zero-width characters go too: invisible in the saved page, they split words apart.
    """
    mt.sub_keep(re.compile(r"[\u200b-\u200d\u2060\ufeff]+"))
    mt.sub_keep(re.compile(r"(?<=\n\n)[ \t\u3000]*\n"))
    mt.sub_keep(re.compile(r"^\s+(?=\S)"))
    mt.sub_keep(re.compile(r"(?<!\s)\s+$"))  # from a run's start only: linear in a long run of spaces


_KINDS = (
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISFIFO, "a named pipe (FIFO)"),
    (stat.S_ISSOCK, "a socket"),
    (stat.S_ISDIR, "a directory"),
)


def _not_regular(mode: int) -> str | None:
    if stat.S_ISREG(mode):
        return None
    return next((what for test, what in _KINDS if test(mode)), "not a regular file")


def check_regular(path: Path, name: str) -> os.stat_result:
    """``path``'s stat when it is a regular file (links followed); else a one-line InputError.

    Devices, pipes and sockets are refused here, before anything opens them: ``/dev/zero``
    never ends, opening a FIFO blocks until someone writes.
    """
    try:
        st = os.stat(path)
    except FileNotFoundError:
        raise InputError(f"{name}: no such file") from None
    except OSError as exc:
        raise InputError(f"{name}: cannot be read ({exc.strerror or exc})") from None
    kind = _not_regular(st.st_mode)
    if kind == "a directory":
        raise InputError(f"{name}: is a directory")
    if kind:
        raise InputError(f"{name}: is {kind}, not a regular file; only files are read")
    return st


def read_bytes(path: Path, name: str, max_bytes: int) -> bytes:
    """The bytes of a regular file of at most ``max_bytes``, or a one-line InputError.

    After :func:`check_regular`, the file is opened without blocking and checked again, in
    case it was swapped meanwhile, and read no further than the limit, in case it grows.
    """
    st = check_regular(path, name)
    if st.st_size > max_bytes:
        raise InputError(_over_limit(name, st.st_size, max_bytes))
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
    except OSError as exc:
        raise InputError(f"{name}: cannot be read ({exc.strerror or exc})") from None
    with os.fdopen(fd, "rb") as f:
        kind = _not_regular(os.fstat(fd).st_mode)
        if kind:
            raise InputError(f"{name}: is {kind}, not a regular file; only files are read")
        try:
            data = f.read(max_bytes + 1)
        except OSError as exc:
            raise InputError(f"{name}: cannot be read ({exc.strerror or exc})") from None
    if len(data) > max_bytes:
        raise InputError(_over_limit(name, f"over {max_bytes}", max_bytes))
    return data


def _over_limit(name: str, size: int | str, max_bytes: int) -> str:
    return f"{name}: {size} bytes is over the limit of {max_bytes} (raise it with --max-bytes)"


def read_document(path: Path | str, *, max_bytes: int = DEFAULT_MAX_BYTES) -> SourceDocument:
    """Read one report and clean it; raise InputError with one line naming the file and problem."""
    path = Path(path)
    name = display_name(path)
    suffix = suffix_of(path)
    check_regular(path, name)
    if suffix in ARCHIVE_SUFFIXES:
        raise InputError(f"{name}: a web archive holds many documents; read it with read_archive()")
    if suffix not in SUPPORTED_SUFFIXES:
        raise InputError(
            f"{name}: {suffix or 'files without a suffix'} not supported (use {', '.join(SUPPORTED_SUFFIXES)})"
        )
    data = read_bytes(path, name, max_bytes)
    return document_from_bytes(data, name=name, suffix=suffix, doc_id=document_id(path), max_bytes=max_bytes)


def document_from_bytes(
    data: bytes,
    *,
    name: str,
    suffix: str,
    doc_id: str,
    max_bytes: int = DEFAULT_MAX_BYTES,
    charset: str | None = None,
) -> SourceDocument:
    """Clean the bytes of one document read as the format ``suffix`` names (a file's, or the
    one a web archive record's Content-Type gives); ``charset`` is the encoding a server
    declared for it."""
    if not data.strip(b" \t\r\n\x00\xef\xbb\xbf\xff\xfe"):
        raise InputError(f"{name}: the file is empty")
    if suffix in _HTML and _written_by_mzgraph(data):
        raise InputError(f"{name}: a page mzgraph wrote (a view or report), not a report to read")

    meta = DocumentMetadata()
    hints: list[str] = []
    title_fallback = None
    if suffix == ".docx":
        original = read_docx(data, name, meta, max_bytes=max_bytes)
        mt = MappedText(original)
    elif suffix == ".pdf":
        original = read_pdf(data, name, meta, max_bytes=max_bytes)
        mt = MappedText(original)
    elif suffix in _HTML:
        original, meta.encoding = _decode_html(data, name, charset, meta.warnings)
        page = read_html(original, meta)
        mt, hints, title_fallback = page.body, page.hints, page.title_fallback
    else:
        original, meta.encoding = decode_bytes(data, name, meta.warnings)
        mt = _unify_newlines(original)
        if suffix in _MARKDOWN:
            read_markdown(mt, meta)
    if meta.encoding == "utf-8-sig":
        meta.encoding = "utf-8"  # the mark is gone from the decoded text; say what the text is
    if not mt.text.strip():
        raise InputError(f"{name}: no text found in the file")

    chrome = strip_chrome(mt, meta)
    _tidy(mt)
    # Last: repairs record offsets in the final clean text.
    junk = remove_injected(mt, hints + [text for text, _ in chrome.banner] + chrome.hints)
    if not mt.text.strip():
        raise InputError(f"{name}: no text left once page chrome is removed")

    removals: list[Removal] = list(chrome.removals) + junk.removals
    for text, offset in chrome.banner:
        if text in junk.tokens:
            removals.append(Removal(text, offset, "injected-token"))
            continue
        inside = [(text.find(t), t) for t in junk.tokens if t in text]
        if inside:  # a banner such as "体球网 - 首页": the line is chrome, the token spam
            removals.append(Removal(text, offset, "page-chrome: site banner"))
            removals.extend(Removal(t, offset + i, "injected-token") for i, t in inside)
        else:
            removals.append(Removal(text, offset, "page-chrome: site banner"))
            meta.publisher = meta.publisher or text
    meta.title = meta.title or title_fallback
    meta.removals = sorted(removals, key=lambda r: (r.offset, r.token))
    meta.repairs = junk.repairs
    for attr in ("title", "publisher", "source"):  # metadata must not carry the spam either
        value = getattr(meta, attr)
        if value:
            for token in junk.tokens:
                value = value.replace(token, "")
            setattr(meta, attr, value.strip(" -_|｜—·") or None)
    return SourceDocument(
        doc_id=doc_id,
        path=name,
        text=mt.text,
        metadata=meta,
        offset_map=mt.offset_map(),
        original_text=original,
        content_hash=hashlib.sha256(data).hexdigest(),
    )
