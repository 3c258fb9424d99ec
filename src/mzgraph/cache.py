"""The build cache: what each document gave last time, keyed by the file's content.

A rebuild of a corpus in which one report changed should read that report only. For every
document built, the cache keeps its :class:`~mzgraph.model.Extraction`, the part
``resolve.resolve_document`` made of it and that part's N-Triples (zlib-compressed), in one
pickle per document under::

    <cache dir>/<fingerprint>/entries/<k[:2]>/<k>.pickle   k = sha256(path, content sha256)
    <cache dir>/<fingerprint>/index.json                   path → [size, mtime_ns, sha256]

The index is the fast path: a file whose size and modification time are those recorded
is not even opened. A file whose stat changed is hashed; if its content is one the cache
knows (a ``touch``, a copy back), the entry is used all the same.

The fingerprint hashes mzgraph's own code and data files and the versions of Python and
rdflib, so any change to a stage (a better extractor, a new encoding) starts a fresh cache
and older fingerprints are removed. After a build, entries of files no longer in the build
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
import zlib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import rdflib

from mzgraph.model import Extraction, KnowledgeBase

CACHE_DIRNAME = ".mzgraph-cache"
_PICKLE_PROTOCOL = 5


@dataclass
class CacheEntry:
    """One document as built.

    What a streaming build needs of an unchanged document is small and loaded at once: its
    N-Triples and what it adds to the entities shared between documents. The extraction and
    the full resolved part stay pickled in ``detail`` until an in-memory build asks for them.
    """

    path: str
    content_hash: str
    doc_id: str
    chars: int  # length of the clean text
    shared: KnowledgeBase  # ``resolve.shared_part`` of the document's part
    scoped_counts: dict[str, int]  # document-scoped entities (targets) by class name
    ntriples: bytes  # zlib-compressed N-Triples of ``encode_document(part)``
    detail: bytes  # pickle of (extraction, part)

    @classmethod
    def make(
        cls, path: str, extraction: Extraction, part: KnowledgeBase, shared: KnowledgeBase, ntriples: bytes
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
            shared=shared,
            scoped_counts=counts,
            ntriples=zlib.compress(ntriples, 1),
            detail=pickle.dumps((extraction, part), protocol=_PICKLE_PROTOCOL),
        )

    def extraction_and_part(self) -> tuple[Extraction, KnowledgeBase]:
        return pickle.loads(self.detail)

    def ntriples_text(self) -> bytes:
        return zlib.decompress(self.ntriples)


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
    """A hash of everything that shapes an entry: mzgraph's code and data, Python, rdflib."""
    package = Path(__file__).resolve().parent
    h = hashlib.sha256()
    h.update(f"{platform.python_version()} {rdflib.__version__} {_PICKLE_PROTOCOL}".encode())
    for f in sorted(package.rglob("*")):
        if f.is_file() and "__pycache__" not in f.parts and f.suffix in (".py", ".tsv", ".txt", ".json", ".rq"):
            h.update(str(f.relative_to(package)).encode())
            h.update(f.read_bytes())
    return h.hexdigest()[:16]


def content_hash(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def entry_key(path: str, digest: str) -> str:
    return hashlib.sha256(f"{path}\0{digest}".encode()).hexdigest()


class BuildCache:
    """The cache of one output location (see the module docstring)."""

    def __init__(self, root: Path | str):
        self.root = Path(root)
        self.dir = self.root / fingerprint()
        self._index: dict[str, FileStamp] | None = None

    def _entry_path(self, key: str) -> Path:
        return self.dir / "entries" / key[:2] / f"{key}.pickle"

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

    def store(self, entry: CacheEntry) -> None:
        data = pickle.dumps(entry, protocol=_PICKLE_PROTOCOL)
        target = self._entry_path(entry_key(entry.path, entry.content_hash))
        _write(target, data)

    def finish(self, stamps: dict[str, FileStamp]) -> None:
        """Record the files of this build and drop everything else."""
        self._index = dict(stamps)
        payload = json.dumps({p: [s.size, s.mtime_ns, s.content_hash] for p, s in sorted(stamps.items())})
        _write(self.dir / "index.json", payload.encode())
        keep = {f"{entry_key(p, s.content_hash)}.pickle" for p, s in stamps.items()}
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
