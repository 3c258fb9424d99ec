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

The two steps can run apart (``mzgraph.cluster`` runs the first as Dask tasks):
:func:`process_document` does one document and gives a picklable :class:`DocumentOutcome`;
:func:`write_outputs` merges outcomes in the order given and writes the output.
"""

from __future__ import annotations

import os
import pickle
import shutil
from collections import deque
from collections.abc import Callable, Iterable, Iterator
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
    notes: list[str] = field(default_factory=list)  # one line per web archive: pages read, records skipped
    warnings: list[str] = field(default_factory=list)  # one line per document read with a problem (bad bytes)


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
class DocumentOutcome:
    """What :func:`process_document` gives for one path (picklable)."""

    path: str
    entry: CacheEntry | None = None  # the document as built (None on failure)
    failure: str | None = None  # one-line reason it could not be built
    from_cache: bool = False
    stamp: FileStamp | None = None  # the file's size, mtime and hash, for the cache index
    note: str | None = None  # a web archive's summary line, on the outcome that ends it
    ends_input: bool = True  # False on all but the last document read from one web archive


def _ntriples(part: KnowledgeBase) -> bytes:
    return document_ntriples(part).encode("utf-8")


def _make_entry(path: str, extraction: Extraction) -> CacheEntry:
    part = resolve_document(extraction)
    return CacheEntry.make(path, extraction, part, shared_part(part), _ntriples(part))


def process_document(
    path: Path | str, *, max_bytes: int = ingest.DEFAULT_MAX_BYTES, cache_dir: Path | str | None = None
) -> DocumentOutcome:
    """Read, extract, resolve and encode one document, or take it from the cache in
    ``cache_dir`` (there a new result is also stored, and the outcome carries no bytes:
    the merge reads them from the same cache). Never raises for a bad file."""
    path = str(path)
    p = Path(path)
    cache = BuildCache(cache_dir) if cache_dir is not None else None
    try:
        st = p.stat()
        if cache is not None and p.is_file() and st.st_size <= max_bytes:
            digest = content_hash(p)
            entry = cache.load(path, digest)
            if entry is not None:
                return DocumentOutcome(path, entry, from_cache=True, stamp=FileStamp.of(st, digest))
        extraction = extract_file(p, max_bytes=max_bytes)
    except MzgraphError as exc:
        return DocumentOutcome(path, failure=str(exc))
    except OSError as exc:
        if isinstance(exc, FileNotFoundError):
            return DocumentOutcome(path, failure=f"{path}: no such file")
        return DocumentOutcome(path, failure=f"{path}: cannot read ({exc.strerror or type(exc).__name__})")
    entry = _make_entry(path, extraction)
    if cache is not None:  # the main process reads the bytes back from the cache files
        entry = cache.store(entry)
    return DocumentOutcome(path, entry, stamp=FileStamp.of(st, entry.content_hash))


def process_input(
    path: Path | str, *, max_bytes: int = ingest.DEFAULT_MAX_BYTES, cache_dir: Path | str | None = None
) -> list[DocumentOutcome]:
    """The outcomes of one input: :func:`process_document`'s for a file, one per page for a
    web archive."""
    if ingest.is_archive(Path(path)):
        return process_archive(path, max_bytes=max_bytes)
    return [process_document(path, max_bytes=max_bytes, cache_dir=cache_dir)]


def process_archive(path: Path | str, *, max_bytes: int = ingest.DEFAULT_MAX_BYTES) -> list[DocumentOutcome]:
    """A web archive's pages, each built as a document of its own; the last outcome carries
    the archive's summary line. Not cached: the archive is streamed once, and its pages are
    not files the cache's index could stamp."""
    summary = ingest.ArchiveSummary(ingest.display_name(Path(path)))
    outcomes: list[DocumentOutcome] = []
    try:
        for doc in ingest.read_archive(path, name=summary.name, max_bytes=max_bytes, summary=summary):
            outcomes.append(DocumentOutcome(doc.path, _make_entry(doc.path, extract(doc)), ends_input=False))
    except MzgraphError as exc:
        outcomes.append(DocumentOutcome(str(path), failure=str(exc)))
    if not outcomes:
        outcomes.append(DocumentOutcome(str(path), failure=f"{summary.line()}: no HTML or text page in it"))
    outcomes[-1].ends_input = True
    outcomes[-1].note = summary.line()
    return outcomes


def _process(path: str, max_bytes: int, cache_dir: str | None) -> list[DocumentOutcome]:
    return process_input(path, max_bytes=max_bytes, cache_dir=cache_dir)


def _process_chunk(tasks: list[tuple[str, int, str | None]]) -> list[list[DocumentOutcome]]:
    return [_process(*task) for task in tasks]


# ---------------------------------------------------------------------------------------
# The corpus


def _outcomes(paths: list[Path], *, jobs: int, cache: BuildCache | None, max_bytes: int) -> Iterator[DocumentOutcome]:
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
            yield from next(misses)
            continue
        entry = cache.load(path, known)
        if entry is None:  # vanished or damaged since it was seen: build it here
            yield from _process(path, max_bytes, cache_dir)
        else:
            yield DocumentOutcome(path, entry, from_cache=True, stamp=FileStamp.of(st, known))


def _run(tasks: list[tuple[str, int, str | None]], jobs: int) -> Iterator[list[DocumentOutcome]]:
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


def _detail(entry: CacheEntry, cache: BuildCache | None) -> tuple[Extraction, KnowledgeBase]:
    data = entry.detail if entry.detail is not None or cache is None else cache.detail(entry)
    return pickle.loads(data)


def with_unique_id(entry: CacheEntry, cache: BuildCache | None) -> CacheEntry:
    """The entry of a document whose id an earlier document of the build already took (two
    files with one stem), under ``<id>-<first 8 of its content hash>``. Not cached: the
    clash belongs to this build."""
    extraction, _ = _detail(entry, cache)
    extraction.document.doc_id = f"{entry.doc_id}-{entry.content_hash[:8]}"
    return _make_entry(entry.path, extraction)


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
        return _detail(entry, self.cache)

    def add(self, outcome: DocumentOutcome) -> CacheEntry | None:
        """Merge one outcome; gives the document's entry (None on failure)."""
        res = self.result
        if outcome.note:
            res.notes.append(outcome.note)
        if outcome.entry is None:
            res.failures.append((outcome.path, outcome.failure or "failed"))
            return None
        entry = outcome.entry
        if entry.doc_id in self.used_ids:  # two files with one stem: tell them apart by content
            entry = with_unique_id(entry, self.cache)
        self.used_ids.add(entry.doc_id)
        if self.keep_details:
            self.resolver.merge(self._detail(entry)[1])
        else:
            self.resolver.merge(entry.shared)
            for name, n in entry.scoped_counts.items():
                self.scoped_counts[name] = self.scoped_counts.get(name, 0) + n
        res.documents.append(outcome.path)
        res.warnings.extend(entry.warnings)
        res.chars += entry.chars
        res.triples += entry.triples
        if outcome.from_cache:
            res.cached += 1
        else:
            res.read += 1
        if outcome.stamp is not None:
            self.stamps[outcome.path] = outcome.stamp
        return entry

    def finish(self) -> KnowledgeBase:
        kb = self.resolver.result()
        self.result.entity_counts = entity_counts(kb, self.scoped_counts)
        return kb


def entity_counts(kb: KnowledgeBase, scoped_counts: dict[str, int]) -> dict[str, int]:
    """Entities by class name: those of ``kb`` and the documents' own (``scoped_counts``)."""
    counts = dict(scoped_counts)
    for ent in kb.entities.values():
        counts[ent.type.value] = counts.get(ent.type.value, 0) + 1
    return {t.value: counts[t.value] for t in EntityType if counts.get(t.value)}


def write_document(entry: CacheEntry, out: BinaryIO, *, quads: bool, cache: BuildCache | None) -> None:
    """The document's own triples; in N-Quads, in the document's named graph (named as
    ``mzgraph.rdf.partition`` names it, so exports, pushes and streamed builds agree)."""
    if entry.ntriples is None and not quads:
        out.flush()
        with open(cache.ntriples_path(entry), "rb") as f:
            _copy(f, out)
        return
    data = entry.ntriples if entry.ntriples is not None else cache.ntriples_path(entry).read_bytes()
    if quads:
        graph = f" <{document_graph_iri(document_iri(entry.doc_id))}> .\n".encode()
        data = data.replace(b" .\n", graph)  # a newline inside a literal is escaped
    out.write(data)


def entities_bytes(kb: KnowledgeBase, *, quads: bool) -> bytes:
    """The triples of the entities shared between documents (after them in a streamed
    output); in N-Quads, in the entities graph."""
    shared = entities_ntriples(kb).encode("utf-8")
    if quads:
        shared = shared.replace(b" .\n", f" <{ENTITIES_GRAPH}> .\n".encode())
    return shared


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


def discover(inputs: list[Path] | None) -> list[Path]:
    """The documents of a build, in the order they are merged (``data/`` when none given)."""
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
    client=None,
) -> BuildResult:
    """Build one in-memory graph from files and directories (``data/`` when none are given).

    ``jobs`` worker processes read and extract, or the workers of ``client`` (a
    ``dask.distributed.Client``; see ``mzgraph.cluster``); ``cache_dir`` (none by default)
    enables the build cache; ``progress(done, total)`` is called after each document.
    """
    paths = discover(inputs)
    cache = _open_cache(cache_dir)
    outcomes = _source(paths, jobs=jobs, cache=cache, max_bytes=max_bytes, client=client, with_detail=True)
    return _merge_in_memory(outcomes, len(paths), cache, progress)


def _source(
    paths: list[Path], *, jobs: int, cache: BuildCache | None, max_bytes: int, client, with_detail: bool
) -> Iterator[DocumentOutcome]:
    """The documents' outcomes in order: from local worker processes, or from a Dask cluster."""
    if client is None:
        return _outcomes(paths, jobs=jobs, cache=cache, max_bytes=max_bytes)
    from mzgraph.cluster import outcomes_on

    cache_dir = cache.root if cache is not None else None
    return outcomes_on(client, paths, max_bytes=max_bytes, cache_dir=cache_dir, with_detail=with_detail)


def _merge_in_memory(
    outcomes: Iterable[DocumentOutcome], total: int, cache: BuildCache | None, progress: Progress | None
) -> BuildResult:
    corpus = _Corpus(keep_details=True, cache=cache)
    done = 0
    for outcome in outcomes:
        corpus.add(outcome)
        done += outcome.ends_input
        if progress and outcome.ends_input:
            progress(done, total)
    kb = corpus.finish()
    result = corpus.result
    result.graph = rdf.encode(kb)
    result.triples = len(result.graph)
    if cache is not None and result.documents:
        cache.finish(corpus.stamps)
    return result


class _NothingBuilt(Exception):
    """Every document failed: the output file must not be replaced."""


def _stream(
    corpus: _Corpus, outcomes: Iterator[DocumentOutcome], total: int, quads: bool, progress, out: BinaryIO
) -> None:
    res = corpus.result
    done = 0
    for outcome in outcomes:
        entry = corpus.add(outcome)
        if entry is not None:
            write_document(entry, out, quads=quads, cache=corpus.cache)
        done += outcome.ends_input
        if progress and outcome.ends_input:
            progress(done, total)
    if not res.documents:
        raise _NothingBuilt
    shared = entities_bytes(corpus.finish(), quads=quads)
    res.triples += shared.count(b"\n")
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
    client=None,
) -> BuildResult:
    """Build and write ``output`` (format from ``fmt`` or the suffix; Turtle by default).

    N-Triples and N-Quads are streamed document by document (``graph`` is None in the
    result); other formats go through an in-memory Graph, which ``check`` may inspect
    (and refuse by raising) before anything is written. The file is replaced only when
    at least one document was built, and atomically. With ``client`` (a Dask client) the
    documents are processed on its cluster; the merge and the writing stay here, the same.
    """
    paths = discover(inputs)
    in_memory = output_format(output, fmt).name not in STREAMING_FORMATS
    cache = _open_cache(cache_dir)
    outcomes = _source(paths, jobs=jobs, cache=cache, max_bytes=max_bytes, client=client, with_detail=in_memory)
    return write_outputs(
        outcomes, output, fmt=fmt, total=len(paths), cache_dir=cache_dir, progress=progress, check=check
    )


def write_outputs(
    outcomes: Iterable[DocumentOutcome],
    output: Path,
    *,
    fmt: str | None = None,
    total: int = 0,
    cache_dir: Path | str | None = None,
    progress: Progress | None = None,
    check: Callable[[Graph], None] | None = None,
) -> BuildResult:
    """Merge ``outcomes`` in the order given (resolution, unique document ids) and write
    ``output`` as :func:`build_to_file` does; ``cache_dir`` is the cache the outcomes were
    made with (bytes they do not carry are read from it), which then records this build."""
    output = Path(output)
    fmt = output_format(output, fmt).name
    cache = _open_cache(cache_dir)
    if fmt not in STREAMING_FORMATS:
        result = _merge_in_memory(outcomes, total, cache, progress)
        if result.documents:
            if check is not None:
                check(result.graph)
            rdf.write_graph(result.graph, output, fmt)
        return result
    corpus = _Corpus(keep_details=False, cache=cache)
    try:
        atomic_write(output, lambda f: _stream(corpus, iter(outcomes), total, fmt == "nquads", progress, f))
    except _NothingBuilt:
        pass
    if cache is not None and corpus.result.documents:
        cache.finish(corpus.stamps)
    return corpus.result
