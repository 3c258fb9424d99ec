"""The build cache: what each document gave last time, keyed by the file's content.

A rebuild of a corpus in which one report changed should read that report only. For every
document built, the cache keeps its :class:`~mzgraph.model.Extraction`, the part
``resolve.resolve_document`` made of it and the lines of its named graph
(``rdf.encode.document_lines``: sorted N-Triples) in the two renderings the writers copy
as they are, so one entry serves every format: the lines (.nt, .nq; JSON-LD and RDF/XML
are made from them) and their Turtle blocks (.ttl, .trig); and, once a build drew the
view, the graph's part of the entity network (``mzgraph.network.NetworkPart``, a versioned
pickle), so a rebuild's view parses no unchanged document's lines; under::

    <cache dir>/<fingerprint>/entries/<k[:2]>/<k>.pickle   what merging needs (small)
                                              <k>.nt       the document's graph's lines
                                              <k>.ttl      the same as Turtle blocks
                                              <k>.net      its part of the entity network
                                              <k>.detail   pickle of (extraction, part)
    <cache dir>/<fingerprint>/index.json                   path → [size, mtime_ns, sha256]

with ``k = sha256(path, content sha256)``.

The index is the fast path: a file whose size and modification time are those recorded
is not even opened. A file whose stat changed is hashed; if its content is one the cache
knows (a ``touch``, a copy back), the entry is used all the same.

The fingerprint hashes the code and data of the stages that make an entry (reading,
extraction, resolution, encoding, the gazetteer) and the version of Python, so
any change to them (a better extractor, a new encoding) starts a fresh cache (a new version
of the entity network's projection only makes the parts again: they carry their own,
``mzgraph.network.part_version``); older
fingerprints are removed. After a build, entries of files no longer in the build
are pruned: the cache mirrors the last build, so it never grows with edits.

Entries are pickles: load only a cache you (or your build) wrote.
"""

from __future__ import annotations

import hashlib
import json
import os
import pickle
import platform
import shutil
import tempfile
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path

from mzgraph.model import Extraction, KnowledgeBase

CACHE_DIRNAME = ".mzgraph-cache"
_PICKLE_PROTOCOL = 5


@dataclass
class CacheEntry:
    """One document as built.

    The entry itself is small: what a build needs to merge an unchanged document (what it
    adds to the entities shared between documents, and counts). Its lines and its
    extraction with the resolved part (``detail``) travel beside it: in memory when just
    built, else in files of the cache read only when wanted.
    """

    path: str
    content_hash: str
    doc_id: str
    chars: int  # length of the clean text
    triples: int  # lines of ``lines``
    shared: KnowledgeBase  # ``resolve.shared_part`` of the document's part
    scoped_counts: dict[str, int]  # document-scoped entities (targets) by class name
    lines: bytes | None = None  # ``rdf.encode.document_lines(part)``, when in memory
    turtle: bytes | None = None  # the lines as Turtle blocks, when in memory
    network: bytes | None = None  # the graph's NetworkPart.to_bytes(), when in memory (made for a view)
    detail: bytes | None = None  # pickle of (extraction, part), when in memory
    warnings: tuple[str, ...] = ()  # the document's reading warnings, shown again on a cached build

    @classmethod
    def make(
        cls,
        path: str,
        extraction: Extraction,
        part: KnowledgeBase,
        shared: KnowledgeBase,
        lines: bytes,
        turtle: bytes,
    ) -> CacheEntry:
        doc = extraction.document
        counts: dict[str, int] = {}
        for ent in part.entities.values():
            if ent.key not in shared.entities:
                counts[ent.type.value] = counts.get(ent.type.value, 0) + 1
        return cls(
            path=path,
            content_hash=doc.content_hash,
            doc_id=doc.doc_id,
            chars=len(doc.text),
            triples=lines.count(b"\n"),
            shared=shared,
            scoped_counts=counts,
            lines=lines,
            turtle=turtle,
            detail=pickle.dumps((extraction, part), protocol=_PICKLE_PROTOCOL),
            warnings=tuple(doc.metadata.warnings),
        )

    @property
    def key(self) -> str:
        return entry_key(self.path, self.content_hash)


@dataclass(frozen=True)
class FileStamp:
    """What the index remembers of a file: enough to know it did not change."""

    size: int
    mtime_ns: int
    content_hash: str

    @classmethod
    def of(cls, st: os.stat_result, content_hash: str) -> FileStamp:
        return cls(st.st_size, st.st_mtime_ns, content_hash)

    def matches(self, st: os.stat_result) -> bool:
        return self.size == st.st_size and self.mtime_ns == st.st_mtime_ns


@lru_cache(maxsize=1)
def fingerprint() -> str:
    """A hash of everything that shapes an entry: the code and data of the stages up to
    encoding, and the version of Python (views, queries and exports do not count; the entity
    network's parts carry a version of their own). No rdflib: the encoder writes N-Triples
    itself. Not whether extraction runs compiled (``extract/compiled.json``): it gives the
    same output as its source, and machines of one cluster may differ in it."""
    package = Path(__file__).resolve().parent
    h = hashlib.sha256()
    h.update(f"{platform.python_version()} {_PICKLE_PROTOCOL}".encode())
    for f in sorted(package.rglob("*")):
        rel = f.relative_to(package)
        if (
            f.is_file()
            and "__pycache__" not in rel.parts
            and (rel.parts[0] in _STAGES or str(rel) in _STAGES)
            and f.suffix in (".py", ".tsv", ".txt", ".json")
            and f.name != "compiled.json"
        ):
            h.update(str(rel).encode())
            h.update(f.read_bytes())
    return h.hexdigest()[:16]


_STAGES = ("ingest", "extract", "rdf", "data", "model.py", "gazetteer.py", "resolve.py", "cache.py", "pipeline.py")


def content_hash(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def entry_key(path: str, digest: str) -> str:
    # surrogateescape: a file name that is not UTF-8 on disk keeps its own bytes
    return hashlib.sha256(f"{path}\0{digest}".encode("utf-8", "surrogateescape")).hexdigest()


class BuildCache:
    """The cache of one output location (see the module docstring)."""

    def __init__(self, root: Path | str):
        self.root = Path(root)
        self.dir = self.root / fingerprint()
        self._index: dict[str, FileStamp] | None = None

    def _entry_path(self, key: str, suffix: str = ".pickle") -> Path:
        return self.dir / "entries" / key[:2] / f"{key}{suffix}"

    def lines(self, entry: CacheEntry) -> bytes:
        if entry.lines is not None:
            return entry.lines
        return self._entry_path(entry.key, ".nt").read_bytes()

    def turtle(self, entry: CacheEntry) -> bytes:
        if entry.turtle is not None:
            return entry.turtle
        return self._entry_path(entry.key, ".ttl").read_bytes()

    def network(self, entry: CacheEntry) -> bytes | None:
        """The entry's part of the entity network, None if no build made it yet."""
        if entry.network is not None:
            return entry.network
        try:
            return self._entry_path(entry.key, ".net").read_bytes()
        except FileNotFoundError:
            return None

    def store_network(self, entry: CacheEntry, data: bytes) -> None:
        """Keep ``data`` as the part of the entity network of ``entry`` (an entry of this cache)."""
        _write(self._entry_path(entry.key, ".net"), data)

    def detail(self, entry: CacheEntry) -> bytes:
        if entry.detail is not None:
            return entry.detail
        return self._entry_path(entry.key, ".detail").read_bytes()

    @property
    def index(self) -> dict[str, FileStamp]:
        if self._index is None:
            self._index = {}
            try:
                raw = json.loads((self.dir / "index.json").read_text(encoding="utf-8"))
                self._index = {p: FileStamp(*v) for p, v in raw.items()}
            except (OSError, ValueError, TypeError):
                pass  # no index yet, or an unreadable one: every file is hashed
        return self._index

    def known_hash(self, path: str, st: os.stat_result) -> str | None:
        """The content hash of ``path`` if its stat is the one recorded at the last build."""
        stamp = self.index.get(path)
        return stamp.content_hash if stamp is not None and stamp.matches(st) else None

    def has(self, path: str, digest: str) -> bool:
        return self._entry_path(entry_key(path, digest)).is_file()

    def load(self, path: str, digest: str) -> CacheEntry | None:
        try:
            with open(self._entry_path(entry_key(path, digest)), "rb") as f:
                entry = pickle.load(f)
        except FileNotFoundError:
            return None
        except Exception:  # a damaged or foreign entry is a miss, never a failed build
            return None
        if not isinstance(entry, CacheEntry) or entry.path != path or entry.content_hash != digest:
            return None
        return entry

    def store(self, entry: CacheEntry) -> CacheEntry:
        """Write the entry and its side files; gives the entry without its in-memory bytes."""
        assert entry.lines is not None and entry.turtle is not None and entry.detail is not None
        _write(self._entry_path(entry.key, ".nt"), entry.lines)
        _write(self._entry_path(entry.key, ".ttl"), entry.turtle)
        _write(self._entry_path(entry.key, ".detail"), entry.detail)
        if entry.network is not None:
            _write(self._entry_path(entry.key, ".net"), entry.network)
        light = replace(entry, lines=None, turtle=None, network=None, detail=None)
        _write(self._entry_path(entry.key), pickle.dumps(light, protocol=_PICKLE_PROTOCOL))  # last: complete
        return light

    def finish(self, stamps: dict[str, FileStamp]) -> None:
        """Record the files of this build and drop everything else."""
        self._index = dict(stamps)
        payload = json.dumps({p: [s.size, s.mtime_ns, s.content_hash] for p, s in sorted(stamps.items())})
        _write(self.dir / "index.json", payload.encode())
        keys = {entry_key(p, s.content_hash) for p, s in stamps.items()}
        keep = {f"{k}{suffix}" for k in keys for suffix in (".pickle", ".nt", ".ttl", ".net", ".detail")}
        entries = self.dir / "entries"
        if entries.is_dir():
            for sub in entries.iterdir():
                for f in sub.iterdir():
                    if f.name not in keep:
                        f.unlink(missing_ok=True)
        for other in self.root.iterdir():
            if other.is_dir() and other.name != self.dir.name and len(other.name) == 16:
                shutil.rmtree(other, ignore_errors=True)


def _write(path: Path, data: bytes) -> None:
    # temp file + rename, like rdf.io.atomic_write, but without fsync: a lost entry is
    # only a cache miss, and thousands of fsyncs would dominate a corpus build
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
