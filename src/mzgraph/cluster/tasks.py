"""What runs on the Dask workers: plain functions of the installed package, no Dask in them.

Each takes and gives picklable values (paths, :class:`~mzgraph.pipeline.DocumentOutcome`,
:class:`~mzgraph.model.KnowledgeBase`), so a task that ran on a worker killed midway can
run again on another and give the same result: reading a document and merging parts have
no side effect but the build cache, whose files are written by rename (a half-written
entry is never seen), and shards, written the same way.
"""

from __future__ import annotations

import gzip
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import BinaryIO

from mzgraph.cache import BuildCache, FileStamp, content_hash
from mzgraph.model import KnowledgeBase
from mzgraph.pipeline import DocumentOutcome, entities_bytes, process_input, with_unique_id, write_document
from mzgraph.rdf.io import atomic_write
from mzgraph.resolve import Resolver


def process_chunk(paths: list[str], max_bytes: int, cache_dir: str | None, with_detail: bool) -> list[DocumentOutcome]:
    """:func:`~mzgraph.pipeline.process_input` over consecutive paths (a web archive gives
    one outcome per page).

    The outcomes carry the document's triples even when the entry came from (or went to)
    the cache, so whoever merges them needs no view of this worker's disks; the extraction
    detail only when the merge keeps details (an in-memory graph: Turtle and the like).
    """
    cache = BuildCache(cache_dir) if cache_dir is not None else None
    outcomes = []
    for path in paths:
        for outcome in process_input(path, max_bytes=max_bytes, cache_dir=cache_dir):
            entry = outcome.entry
            if entry is not None and cache is not None:
                outcome.entry = replace(
                    entry,
                    lines=cache.lines(entry),
                    turtle=cache.turtle(entry),
                    detail=cache.detail(entry) if with_detail else entry.detail,
                )
            outcomes.append(outcome)
    return outcomes


@dataclass(frozen=True)
class DocumentSummary:
    """The little the client needs of a document to order the build: its id, whether it
    failed, counts and its cache stamp (the triples stay on the workers)."""

    path: str
    doc_id: str | None  # None when the document failed
    content_hash: str | None
    failure: str | None
    from_cache: bool
    stamp: FileStamp | None
    note: str | None  # a web archive's summary line, on its last page
    ends_input: bool
    chars: int = 0
    triples: int = 0
    scoped_counts: dict[str, int] = field(default_factory=dict)
    warnings: tuple[str, ...] = ()


def summarize(outcomes: list[DocumentOutcome]) -> list[DocumentSummary]:
    out = []
    for o in outcomes:
        e = o.entry
        if e is None:
            out.append(DocumentSummary(o.path, None, None, o.failure or "failed", False, None, o.note, o.ends_input))
        else:
            out.append(
                DocumentSummary(
                    o.path,
                    e.doc_id,
                    e.content_hash,
                    None,
                    o.from_cache,
                    o.stamp,
                    o.note,
                    o.ends_input,
                    e.chars,
                    e.triples,
                    e.scoped_counts,
                    e.warnings,
                )  # fmt: skip
            )
    return out


def rename(outcomes: list[DocumentOutcome], positions: list[int], cache_dir: str | None) -> list[DocumentOutcome]:
    """The chunk with the documents at ``positions`` under unique ids (see
    :func:`~mzgraph.pipeline.with_unique_id`): files of one stem met earlier in the build."""
    cache = BuildCache(cache_dir) if cache_dir is not None else None
    out = list(outcomes)
    for i in positions:
        entry = with_unique_id(out[i].entry, cache)
        out[i] = replace(out[i], entry=entry)
    return out


# ---------------------------------------------------------------------------------------
# The resolution of shared entities, as a reduction


def shared_of_chunk(outcomes: list[DocumentOutcome]) -> KnowledgeBase:
    """What the chunk's documents add to the shared entities, merged in their order."""
    return merge_shared(*(o.entry.shared for o in outcomes if o.entry is not None))


def merge_shared(*parts: KnowledgeBase) -> KnowledgeBase:
    """Merge shared parts (or earlier merges of consecutive ranges of them) in order.

    :meth:`Resolver.merge` without details is associative over consecutive ranges: the
    first label, type and year of a key stand, later quantities replace earlier ones,
    labels and alternative labels are a union less the first label, an entity comes from
    the gazetteer only if every part says so, a relation keeps its first evidence. So
    merging ranges in a tree, in order, gives the parts' sequential merge, which is what a
    local build computes.
    """
    resolver = Resolver(keep_details=False)
    for part in parts:
        resolver.merge(part)
    return resolver.result()


# ---------------------------------------------------------------------------------------
# Shards


@dataclass(frozen=True)
class ShardFile:
    name: str
    triples: int
    bytes: int
    sha256: str
    documents: int


class _Counting:
    """A binary stream that counts lines and hashes what it is given on its way to ``out``."""

    def __init__(self, out: BinaryIO):
        self.out = out
        self.lines = 0
        self.raw = 0

    def write(self, data: bytes) -> int:
        self.lines += data.count(b"\n")
        self.raw += len(data)
        return self.out.write(data)

    def flush(self) -> None:
        self.out.flush()


def _write_shard(path: Path, compress: bool, body) -> tuple[int, int]:
    lines = 0

    def writer(f: BinaryIO) -> None:
        nonlocal lines
        # mtime=0 and no file name in the header: the same shard gives the same bytes
        sink = gzip.GzipFile(filename="", mode="wb", fileobj=f, mtime=0) if compress else f
        counting = _Counting(sink)
        body(counting)
        if compress:
            sink.close()
        lines = counting.lines

    atomic_write(path, writer)
    return lines, path.stat().st_size


def write_document_shard(path: str, compress: bool, cache_dir: str | None, *chunks: list[DocumentOutcome]) -> ShardFile:
    """The N-Quads of the chunks' documents, in order, in one file (each document in its
    named graph, as a local ``build -o x.nq`` writes them)."""
    cache = BuildCache(cache_dir) if cache_dir is not None else None
    entries = [o.entry for chunk in chunks for o in chunk if o.entry is not None]

    def body(out) -> None:
        for entry in entries:
            write_document(entry, out, quads=True, cache=cache)

    triples, size = _write_shard(Path(path), compress, body)
    return ShardFile(Path(path).name, triples, size, content_hash(Path(path)), len(entries))


def write_entities_shard(path: str, compress: bool, kb: KnowledgeBase) -> ShardFile:
    """The entities graph of the merged shared parts, as a local build ends its N-Quads."""
    data = entities_bytes(kb, quads=True)
    triples, size = _write_shard(Path(path), compress, lambda out: out.write(data))
    return ShardFile(Path(path).name, triples, size, content_hash(Path(path)), 0)
