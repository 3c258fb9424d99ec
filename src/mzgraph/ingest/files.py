"""Which files a build reads: supported suffixes, folders walked, mzgraph's own pages left
out, and the id and name each file gets.

Apart from :mod:`mzgraph.ingest.reader` (which decodes, cleans and maps the text), so that
finding the inputs, as a build from its cache does before anything is read, loads none of
the readers (HTML, Markdown, Office, PDF, junk and chrome rules: 55 ms of every rebuild).
"""

from __future__ import annotations

import hashlib
import os
import re
import unicodedata
from html.parser import HTMLParser
from pathlib import Path

DEFAULT_MAX_BYTES = 20 * 1024 * 1024
ARCHIVE_SUFFIXES = (".warc", ".warc.gz", ".wacz")  # many documents in one file: see ``ingest.warc``
SUPPORTED_SUFFIXES = (
    ".txt", ".text", ".html", ".htm", ".xhtml", ".md", ".markdown", ".docx", ".pdf", *ARCHIVE_SUFFIXES,
)  # fmt: skip
_HTML = (".html", ".htm", ".xhtml")


def discover(inputs: list[Path]) -> list[Path]:
    """Expand directories (recursively) into the supported files they hold, sorted.

    Inside a directory, hidden files and folders (``.mzgraph-cache``, ``.git``) and pages
    mzgraph wrote itself (an earlier ``graph.html`` or ``report.html``, known by their
    ``generator`` meta tag) are left out: a build never reads its own outputs. Files named
    directly are kept whatever their suffix, so that reading them reports what is wrong
    with them.
    """
    files: list[Path] = []
    for p in inputs:
        p = Path(p)
        if p.is_dir():
            files.extend(sorted(f for f in _walk(p) if not is_own_output(f)))
        else:
            files.append(p)
    return files


def _walk(root: Path):
    """Regular files with a supported suffix under ``root``, hidden folders not entered."""
    for folder, dirs, names in os.walk(root):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        for n in names:
            f = Path(folder, n)
            if not n.startswith(".") and suffix_of(f) in SUPPORTED_SUFFIXES and f.is_file():
                yield f


def suffix_of(path: Path) -> str:
    """The format suffix of ``path``: ``.warc.gz`` counts as one."""
    name = path.name.lower()
    return ".warc.gz" if name.endswith(".warc.gz") else path.suffix.lower()


def is_archive(path: Path) -> bool:
    """A web archive, read by :func:`mzgraph.ingest.warc.read_archive` into many documents."""
    return suffix_of(path) in ARCHIVE_SUFFIXES


class _Generator(HTMLParser):
    """Reads a page's head up to ``<body>`` for its ``<meta name="generator">``."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.generator: str | None = None
        self.done = False

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "meta" and (a.get("name") or "").lower() == "generator":
            self.generator = a.get("content") or ""
            self.done = True
        elif tag == "body":
            self.done = True


OWN_GENERATOR = "mzgraph"


def is_own_output(path: Path) -> bool:
    """A page written by mzgraph (network view, report page): its head says so."""
    if suffix_of(path) not in _HTML:
        return False
    try:
        with open(path, "rb") as f:
            return _written_by_mzgraph(f.read(_HEAD_BYTES))
    except OSError:
        return False  # reading it will say what is wrong


_HEAD_BYTES = 16384


def _written_by_mzgraph(data: bytes) -> bool:
    parser = _Generator()
    parser.feed(data[:_HEAD_BYTES].decode("utf-8", "replace"))
    generator = (parser.generator or "").split()
    return bool(generator) and generator[0] == OWN_GENERATOR


def document_id(path: Path) -> str:
    """A stable IRI-safe id from the file name: ASCII stems stay readable, others are hashed."""
    stem = unicodedata.normalize("NFKC", path.stem)
    slug = re.sub(r"[^A-Za-z0-9._-]+", "-", stem).strip("-.")
    if slug and slug.isascii() and len(slug) <= 80 and slug == stem.replace(" ", "-"):
        return slug
    # surrogateescape: a file name that is not UTF-8 on disk reaches Python with lone surrogates
    digest = hashlib.sha1(path.name.encode("utf-8", "surrogateescape")).hexdigest()[:10]
    return f"{slug[:40]}-{digest}" if slug else f"doc-{digest}"


def display_name(path: Path) -> str:
    """The name shown in messages and stored as mz:sourcePath: a file name that is not
    UTF-8 on disk (lone surrogates in Python) would make every writer of the graph fail."""
    return str(path).encode("utf-8", "surrogateescape").decode("utf-8", "replace")
