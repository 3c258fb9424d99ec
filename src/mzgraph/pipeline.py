"""The build pipeline: read → clean → extract → resolve → encode → write.

Each stage is a function of its own module; this module strings them together over a
corpus:

* documents are processed one by one (read, extract, resolve on their own, encode their
  own triples), in worker processes with ``jobs > 1``; results are merged in the sorted
  order of the input paths, so the output is the same whatever the number of jobs;
* with a :class:`~mzgraph.cache.BuildCache`, a document whose file did not change is taken
  from the cache instead of being read again;
* :func:`build` gives an in-memory rdflib Graph (moderate sizes, Turtle and the other
  rdflib formats); :func:`build_to_file` streams N-Triples / N-Quads document by document,
  then the shared entities, so a corpus of thousands of reports never sits in one Graph;
* one bad file does not stop a batch: its one-line reason is collected in ``failures``.
"""

from __future__ import annotations

import os
import pickle
import shutil
from collections import deque
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from rdflib import Graph

from mzgraph import ingest, rdf
from mzgraph.cache import CACHE_DIRNAME, BuildCache, CacheEntry, FileStamp, content_hash
from mzgraph.defaults import DEFAULT_DATA
from mzgraph.errors import InputError, MzgraphError
from mzgraph.extract import extract
from mzgraph.model import EntityType, Extraction, KnowledgeBase
from mzgraph.rdf.encode import document_iri, document_ntriples, entities_ntriples
from mzgraph.rdf.formats import output_format
from mzgraph.rdf.io import atomic_write
from mzgraph.rdf.partition import ENTITIES_GRAPH, document_graph_iri
from mzgraph.resolve import Resolver, resolve_document, shared_part

STREAMING_FORMATS = ("nt", "nquads")  # written document by document, never held in one Graph

Progress = Callable[[int, int], None]  # (documents done, documents in the build)


@dataclass
class BuildResult:
    graph: Graph | None  # None when the output was streamed (see ``build_to_file``)
    kb: KnowledgeBase  # streamed builds keep only the entities shared between documents
    documents: list[str] = field(default_factory=list)  # paths built
    failures: list[tuple[str, str]] = field(default_factory=list)  # (path, one-line reason)
    read: int = 0  # documents read and extracted by this build
    cached: int = 0  # documents taken unchanged from the build cache
    triples: int = 0
    chars: int = 0  # characters of clean text built
    entity_counts: dict[str, int] = field(default_factory=dict)  # class local name → entities


def extract_file(path: Path, *, max_bytes: int = ingest.DEFAULT_MAX_BYTES) -> Extraction:
    """Read, clean and extract one document."""
    return extract(ingest.read_document(path, max_bytes=max_bytes))


def default_jobs() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def default_cache_dir(output: Path) -> Path:
    """The cache of an output lives beside it, one per output file (a cache mirrors the last
    build of its output, so two outputs in one folder must not prune each other's entries):
    ``output/graph.ttl`` → ``output/.mzgraph-cache/graph.ttl``."""
    output = Path(output)
    return output.parent / CACHE_DIRNAME / output.name


# ---------------------------------------------------------------------------------------
# One document (runs in a worker process when jobs > 1)


@dataclass
class _Outcome:
    path: str
    entry: CacheEntry | None = None
    failure: str | None = None
    from_cache: bool = False
    stamp: FileStamp | None = None


def _ntriples(part: KnowledgeBase) -> bytes:
    return document_ntriples(part).encode("utf-8")


def _make_entry(path: str, extraction: Extraction) -> CacheEntry:
    part = resolve_document(extraction)
    return CacheEntry.make(path, extraction, part, shared_part(part), _ntriples(part))


def _process(path: str, max_bytes: int, cache_dir: str | None) -> _Outcome:
    p = Path(path)
    cache = BuildCache(cache_dir) if cache_dir else None
    try:
        st = p.stat()
        if cache is not None and p.is_file() and st.st_size <= max_bytes:
            digest = content_hash(p)
            entry = cache.load(path, digest)
            if entry is not None:
                return _Outcome(path, entry, from_cache=True, stamp=FileStamp.of(st, digest))
        extraction = extract_file(p, max_bytes=max_bytes)
    except MzgraphError as exc:
        return _Outcome(path, failure=str(exc))
    except OSError as exc:
        if isinstance(exc, FileNotFoundError):
            return _Outcome(path, failure=f"{path}: no such file")
        return _Outcome(path, failure=f"{path}: cannot read ({exc.strerror or type(exc).__name__})")
    entry = _make_entry(path, extraction)
    if cache is not None:  # the main process reads the bytes back from the cache files
        entry = cache.store(entry)
    return _Outcome(path, entry, stamp=FileStamp.of(st, entry.content_hash))


def _process_chunk(tasks: list[tuple[str, int, str | None]]) -> list[_Outcome]:
    return [_process(*task) for task in tasks]


# ---------------------------------------------------------------------------------------
# The corpus


def _outcomes(paths: list[Path], *, jobs: int, cache: BuildCache | None, max_bytes: int) -> Iterator[_Outcome]:
    """Every document's outcome, in the order of ``paths``.

    Files the cache index vouches for are loaded here; the others go to ``jobs`` worker
    processes in chunks, with a bounded number in flight so finished results never pile up.
    """
    cache_dir = str(cache.root) if cache is not None else None
    plan: list[tuple[str, str | None, os.stat_result | None]] = []  # (path, known hash, stat)
    for p in paths:
        path = str(p)
        known, st = None, None
        if cache is not None:
            try:
                st = p.stat()
                # a file over the limit is refused whether or not an earlier build cached it
                known = cache.known_hash(path, st) if st.st_size <= max_bytes else None
            except OSError:
                pass
        plan.append((path, known, st))

    # only misses go to the workers; hits are loaded here, one at a time, in order
    is_hit = [known is not None and cache is not None and cache.has(path, known) for path, known, _ in plan]
    misses = _run([(path, max_bytes, cache_dir) for (path, _, _), h in zip(plan, is_hit, strict=True) if not h], jobs)
    for (path, known, st), h in zip(plan, is_hit, strict=True):
        if not h:
            yield next(misses)
            continue
        entry = cache.load(path, known)
        if entry is None:  # vanished or damaged since it was seen: build it here
            yield _process(path, max_bytes, cache_dir)
        else:
            yield _Outcome(path, entry, from_cache=True, stamp=FileStamp.of(st, known))


def _run(tasks: list[tuple[str, int, str | None]], jobs: int) -> Iterator[_Outcome]:
    if jobs <= 1 or len(tasks) <= 1:
        for task in tasks:
            yield _process(*task)
        return
    workers = min(jobs, len(tasks))
    size = max(1, min(16, len(tasks) // (workers * 8)))
    chunks = [tasks[i : i + size] for i in range(0, len(tasks), size)]
    with ProcessPoolExecutor(max_workers=workers) as pool:
        window: deque[Future] = deque()
        pending = iter(chunks)
        for chunk in pending:
            window.append(pool.submit(_process_chunk, chunk))
            if len(window) >= workers * 4:
                break
        while window:
            results = window.popleft().result()
            nxt = next(pending, None)
            if nxt is not None:
                window.append(pool.submit(_process_chunk, nxt))
            yield from results


class _Corpus:
    """Merges document outcomes in order: unique document ids, resolution, bookkeeping."""

    def __init__(self, *, keep_details: bool, cache: BuildCache | None):
        self.keep_details = keep_details
        self.cache = cache
        self.resolver = Resolver(keep_details=keep_details)
        self.result = BuildResult(graph=None, kb=self.resolver.kb)
        self.used_ids: set[str] = set()
        self.stamps: dict[str, FileStamp] = {}
        self.scoped_counts: dict[str, int] = {}

    def _detail(self, entry: CacheEntry) -> tuple[Extraction, KnowledgeBase]:
        data = entry.detail if entry.detail is not None or self.cache is None else self.cache.detail(entry)
        return pickle.loads(data)

    def add(self, outcome: _Outcome) -> CacheEntry | None:
        """Merge one outcome; gives the document's entry (None on failure)."""
        res = self.result
        if outcome.entry is None:
            res.failures.append((outcome.path, outcome.failure or "failed"))
            return None
        entry = outcome.entry
        if entry.doc_id in self.used_ids:  # two files with one stem: tell them apart by content
            extraction, _ = self._detail(entry)
            extraction.document.doc_id = f"{entry.doc_id}-{entry.content_hash[:8]}"
            entry = _make_entry(entry.path, extraction)  # not cached: the clash belongs to this build
        self.used_ids.add(entry.doc_id)
        if self.keep_details:
            self.resolver.merge(self._detail(entry)[1])
        else:
            self.resolver.merge(entry.shared)
            for name, n in entry.scoped_counts.items():
                self.scoped_counts[name] = self.scoped_counts.get(name, 0) + n
        res.documents.append(outcome.path)
        res.chars += entry.chars
        res.triples += entry.triples
        if outcome.from_cache:
            res.cached += 1
        else:
            res.read += 1
        if outcome.stamp is not None:
            self.stamps[outcome.path] = outcome.stamp
        return entry

    def write_ntriples(self, entry: CacheEntry, out: BinaryIO, *, quads: bool) -> None:
        """The document's own triples; in N-Quads, in the document's named graph (named as
        ``mzgraph.rdf.partition`` names it, so exports, pushes and streamed builds agree)."""
        if entry.ntriples is None and not quads:
            out.flush()
            with open(self.cache.ntriples_path(entry), "rb") as f:
                _copy(f, out)
            return
        data = entry.ntriples if entry.ntriples is not None else self.cache.ntriples_path(entry).read_bytes()
        if quads:
            graph = f" <{document_graph_iri(document_iri(entry.doc_id))}> .\n".encode()
            data = data.replace(b" .\n", graph)  # a newline inside a literal is escaped
        out.write(data)

    def finish(self) -> KnowledgeBase:
        kb = self.resolver.result()
        counts = dict(self.scoped_counts)
        for ent in kb.entities.values():
            counts[ent.type.value] = counts.get(ent.type.value, 0) + 1
        self.result.entity_counts = {t.value: counts[t.value] for t in EntityType if counts.get(t.value)}
        return kb


def _copy(src: BinaryIO, out: BinaryIO) -> None:
    """Append ``src`` to ``out`` (flushed): in the kernel where it can, a corpus's output is GBs."""
    size = os.fstat(src.fileno()).st_size
    offset = 0
    try:
        while offset < size:
            sent = os.sendfile(out.fileno(), src.fileno(), offset, size - offset)
            if sent == 0:
                break
            offset += sent
    except (AttributeError, OSError):  # no sendfile to a file here: copy in Python
        src.seek(offset)
        shutil.copyfileobj(src, out, 1 << 20)
        return
    if offset < size:
        src.seek(offset)
        shutil.copyfileobj(src, out, 1 << 20)


def _discover(inputs: list[Path] | None) -> list[Path]:
    paths = ingest.discover(list(inputs) if inputs else [DEFAULT_DATA])
    if not paths:
        raise InputError(f"no supported documents found in {', '.join(str(p) for p in inputs or [DEFAULT_DATA])}")
    return paths


def _open_cache(cache_dir: Path | str | None) -> BuildCache | None:
    return BuildCache(cache_dir) if cache_dir is not None else None


def build(
    inputs: list[Path] | None = None,
    *,
    max_bytes: int = ingest.DEFAULT_MAX_BYTES,
    jobs: int = 1,
    cache_dir: Path | str | None = None,
    progress: Progress | None = None,
) -> BuildResult:
    """Build one in-memory graph from files and directories (``data/`` when none are given).

    ``jobs`` worker processes read and extract; ``cache_dir`` (none by default) enables the
    build cache; ``progress(done, total)`` is called after each document.
    """
    paths = _discover(inputs)
    cache = _open_cache(cache_dir)
    corpus = _Corpus(keep_details=True, cache=cache)
    for done, outcome in enumerate(_outcomes(paths, jobs=jobs, cache=cache, max_bytes=max_bytes), 1):
        corpus.add(outcome)
        if progress:
            progress(done, len(paths))
    kb = corpus.finish()
    result = corpus.result
    result.graph = rdf.encode(kb)
    result.triples = len(result.graph)
    if cache is not None and result.documents:
        cache.finish(corpus.stamps)
    return result


class _NothingBuilt(Exception):
    """Every document failed: the output file must not be replaced."""


def _stream(corpus: _Corpus, outcomes: Iterator[_Outcome], total: int, quads: bool, progress, out: BinaryIO) -> None:
    res = corpus.result
    for done, outcome in enumerate(outcomes, 1):
        entry = corpus.add(outcome)
        if entry is not None:
            corpus.write_ntriples(entry, out, quads=quads)
        if progress:
            progress(done, total)
    if not res.documents:
        raise _NothingBuilt
    shared = entities_ntriples(corpus.finish()).encode("utf-8")
    res.triples += shared.count(b"\n")
    if quads:
        shared = shared.replace(b" .\n", f" <{ENTITIES_GRAPH}> .\n".encode())
    out.write(shared)


def build_to_file(
    inputs: list[Path] | None,
    output: Path,
    *,
    fmt: str | None = None,
    max_bytes: int = ingest.DEFAULT_MAX_BYTES,
    jobs: int = 1,
    cache_dir: Path | str | None = None,
    progress: Progress | None = None,
    check: Callable[[Graph], None] | None = None,
) -> BuildResult:
    """Build and write ``output`` (format from ``fmt`` or the suffix; Turtle by default).

    N-Triples and N-Quads are streamed document by document (``graph`` is None in the
    result); other formats go through an in-memory Graph, which ``check`` may inspect
    (and refuse by raising) before anything is written. The file is replaced only when
    at least one document was built, and atomically.
    """
    output = Path(output)
    fmt = output_format(output, fmt).name
    if fmt not in STREAMING_FORMATS:
        result = build(inputs, max_bytes=max_bytes, jobs=jobs, cache_dir=cache_dir, progress=progress)
        if result.documents:
            if check is not None:
                check(result.graph)
            rdf.write_graph(result.graph, output, fmt)
        return result
    paths = _discover(inputs)
    cache = _open_cache(cache_dir)
    corpus = _Corpus(keep_details=False, cache=cache)
    outcomes = _outcomes(paths, jobs=jobs, cache=cache, max_bytes=max_bytes)
    try:
        atomic_write(output, lambda f: _stream(corpus, outcomes, len(paths), fmt == "nquads", progress, f))
    except _NothingBuilt:
        pass
    if cache is not None and corpus.result.documents:
        cache.finish(corpus.stamps)
    return corpus.result
