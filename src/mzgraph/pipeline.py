"""The build pipeline: read → clean → extract → resolve → encode → write.

Each stage is a function of its own module; this module strings them together over a
corpus, in two steps that a distributed build (Dask) can also run apart:

* :func:`process_document` — one document: read, extract, resolve on its own and encode
  its named graph as sorted N-Triples lines (``mzgraph.rdf.encoder.document_lines``),
  and, for a view, the graph's part of the entity network (``mzgraph.network.NetworkPart``).
  With a cache folder an unchanged file is taken from the cache instead. It gives a
  picklable :class:`DocumentOutcome`: the document's lines (in memory, or in the cache
  when one is used), what it adds to the shared entities, counts, or a one-line failure.
  :func:`process_input` is the same for any input: a list with one outcome for a file,
  one per page for a web archive (``ends_input`` marks the last outcome of an input, the
  one that counts for progress and carries the archive's ``note``).
* :func:`write_outputs` — merges outcomes *in the order given* (resolution of the shared
  entities, unique document ids) and streams every document's graph, then the entities
  graph, to the output in any RDF format (``mzgraph.export.rdf_formats``), with the HTML
  view beside it, assembled from the graphs' parts of the entity network (a rebuild reads
  an unchanged document's part from the cache, not its lines); the pair lands together,
  under a lock on the outputs.

:func:`build_to_file` runs the first step in ``jobs`` worker processes over the sorted
input paths and the second in this process, so the output is byte-identical whatever the
number of jobs, and whether documents came fresh or from the cache: a cached document's
lines are the bytes it was first encoded to. :func:`build` is the same in memory (an
rdflib Graph and the full KnowledgeBase, for notebooks). One bad file does not stop a
batch: its one-line reason is collected in ``failures``.

``mzgraph.cluster`` runs the first step as Dask tasks (``client=`` of :func:`build` and
:func:`build_to_file`) and merges and writes with this module's code, so a cluster build is
byte-identical to a local one.

>>> outcomes = [process_document(p, cache_dir=c) for p in paths]   # doctest: +SKIP
>>> write_outputs(outcomes, Path("out/graph.ttl"), cache_dir=c)       # doctest: +SKIP
"""

from __future__ import annotations

import io
import os
import pickle
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from mzgraph import ingest
from mzgraph.cache import CACHE_DIRNAME, BuildCache, CacheEntry, FileStamp, content_hash
from mzgraph.defaults import DEFAULT_DATA
from mzgraph.errors import InputError, MzgraphError
from mzgraph.model import EntityType, Extraction, KnowledgeBase
from mzgraph.rdf import io as rdf_io
from mzgraph.rdf.encoder import ENTITIES_GRAPH, document_graph, document_lines, entities_lines
from mzgraph.rdf.formats import output_format
from mzgraph.rdf.partition import GraphPart
from mzgraph.resolve import Resolver, resolve_document, shared_part

if TYPE_CHECKING:
    from rdflib import Graph

    from mzgraph.network import NetworkPart

Progress = Callable[[int, int], None]  # (documents done, documents in the build)


@dataclass
class BuildResult:
    graph: Graph | None  # the rdflib graph, when asked for (``build``, --strict), else None
    kb: KnowledgeBase  # ``build`` keeps everything; a file build only the shared entities
    documents: list[str] = field(default_factory=list)  # paths built
    failures: list[tuple[str, str]] = field(default_factory=list)  # (path, one-line reason)
    read: int = 0  # documents read and extracted by this build
    cached: int = 0  # documents taken unchanged from the build cache
    triples: int = 0
    chars: int = 0  # characters of clean text built
    entity_counts: dict[str, int] = field(default_factory=dict)  # class local name → entities
    notes: list[str] = field(default_factory=list)  # one line per web archive: pages read, records skipped
    warnings: list[str] = field(default_factory=list)  # one line per document read with a problem (bad bytes)
    view: object | None = None  # the view's summary (``mzgraph.view.ViewSummary``), when one was written
    view_skipped: str | None = None  # why the view was not written (over ``view_limit``), one line


def extract_file(path: Path, *, max_bytes: int = ingest.DEFAULT_MAX_BYTES) -> Extraction:
    """Read, clean and extract one document."""
    from mzgraph.extract import extract  # here: a build's merge and a cached rebuild extract nothing

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
# One document (runs in a worker process when jobs > 1, or a Dask task)


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


def _make_entry(path: str, extraction: Extraction, network: bool = False) -> CacheEntry:
    from mzgraph.export.rdf_formats import turtle_blocks

    part = resolve_document(extraction)
    lines = document_lines(part)
    entry = CacheEntry.make(path, extraction, part, shared_part(part), lines, turtle_blocks(lines))
    if network:
        from mzgraph.network import lines_part

        entry.network = lines_part(lines).to_bytes()
    return entry


def process_document(
    path: Path | str,
    *,
    max_bytes: int = ingest.DEFAULT_MAX_BYTES,
    cache_dir: Path | str | None = None,
    network: bool = False,
) -> DocumentOutcome:
    """Read, extract, resolve and encode one document, or take it from the cache in
    ``cache_dir`` (there a new result is also stored, and the outcome carries no bytes:
    :func:`write_outputs` reads them from the same cache). ``network``: also make the
    document's part of the entity network (for a view), here, in the worker. Never raises
    for a bad file."""
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
    entry = _make_entry(path, extraction, network)
    if cache is not None:  # the merge reads the bytes back from the cache files
        entry = cache.store(entry)
    return DocumentOutcome(path, entry, stamp=FileStamp.of(st, entry.content_hash))


def process_input(
    path: Path | str,
    *,
    max_bytes: int = ingest.DEFAULT_MAX_BYTES,
    cache_dir: Path | str | None = None,
    network: bool = False,
) -> list[DocumentOutcome]:
    """The outcomes of one input: :func:`process_document`'s for a file, one per page for a
    web archive."""
    if ingest.is_archive(Path(path)):
        return process_archive(path, max_bytes=max_bytes, network=network)
    return [process_document(path, max_bytes=max_bytes, cache_dir=cache_dir, network=network)]


def process_archive(
    path: Path | str, *, max_bytes: int = ingest.DEFAULT_MAX_BYTES, network: bool = False
) -> list[DocumentOutcome]:
    """A web archive's pages, each built as a document of its own; the last outcome carries
    the archive's summary line. Not cached: the archive is streamed once, and its pages are
    not files the cache's index could stamp."""
    from mzgraph.extract import extract

    summary = ingest.ArchiveSummary(ingest.display_name(Path(path)))
    outcomes: list[DocumentOutcome] = []
    try:
        for doc in ingest.read_archive(path, name=summary.name, max_bytes=max_bytes, summary=summary):
            outcomes.append(DocumentOutcome(doc.path, _make_entry(doc.path, extract(doc), network), ends_input=False))
    except MzgraphError as exc:
        outcomes.append(DocumentOutcome(str(path), failure=str(exc)))
    if not outcomes:
        outcomes.append(DocumentOutcome(str(path), failure=f"{summary.line()}: no HTML or text page in it"))
    outcomes[-1].ends_input = True
    outcomes[-1].note = summary.line()
    return outcomes


def _process(path: str, max_bytes: int, cache_dir: str | None, network: bool) -> list[DocumentOutcome]:
    return process_input(path, max_bytes=max_bytes, cache_dir=cache_dir, network=network)


def _process_chunk(tasks: list[tuple[str, int, str | None]], network: bool) -> list[list[DocumentOutcome]]:
    return [_process(*task, network) for task in tasks]


class _Switch:
    """A flag read each time work is handed out, turned off by whoever stops needing that
    work: the workers make documents' parts of the entity network while the view wants them."""

    def __init__(self, on: bool):
        self.on = on

    def __bool__(self) -> bool:
        return self.on

    def off(self) -> None:
        self.on = False


# ---------------------------------------------------------------------------------------
# The corpus


def _outcomes(
    paths: list[Path], *, jobs: int, cache: BuildCache | None, max_bytes: int, network: bool | _Switch = False
) -> Iterator[DocumentOutcome]:
    """Every document's outcome, in the order of ``paths``.

    Files the cache index vouches for are loaded here; the others go to ``jobs`` worker
    processes in chunks, with a bounded number in flight so finished results never pile up;
    while ``network`` is on, the workers make each document's part of the entity network too.
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
    tasks = [(path, max_bytes, cache_dir) for (path, _, _), h in zip(plan, is_hit, strict=True) if not h]
    misses = _run(tasks, jobs, network)
    for (path, known, st), h in zip(plan, is_hit, strict=True):
        if not h:
            yield from next(misses)
            continue
        entry = cache.load(path, known)
        if entry is None:  # vanished or damaged since it was seen: build it here
            yield from _process(path, max_bytes, cache_dir, bool(network))
        else:
            yield DocumentOutcome(path, entry, from_cache=True, stamp=FileStamp.of(st, known))


def _run(
    tasks: list[tuple[str, int, str | None]], jobs: int, network: bool | _Switch
) -> Iterator[list[DocumentOutcome]]:
    if jobs <= 1 or len(tasks) <= 1:
        for task in tasks:
            yield _process(*task, bool(network))
        return
    workers = min(jobs, len(tasks))
    size = max(1, min(16, len(tasks) // (workers * 8)))
    chunks = [tasks[i : i + size] for i in range(0, len(tasks), size)]
    with ProcessPoolExecutor(max_workers=workers) as pool:
        window: deque[Future] = deque()
        pending = iter(chunks)
        for chunk in pending:
            window.append(pool.submit(_process_chunk, chunk, bool(network)))
            if len(window) >= workers * 4:
                break
        while window:
            results = window.popleft().result()
            nxt = next(pending, None)
            if nxt is not None:
                window.append(pool.submit(_process_chunk, nxt, bool(network)))
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


def entity_counts(kb: KnowledgeBase, scoped_counts: dict[str, int]) -> dict[str, int]:
    """Entities by class name: those of ``kb`` and the documents' own (``scoped_counts``)."""
    counts = dict(scoped_counts)
    for ent in kb.entities.values():
        counts[ent.type.value] = counts.get(ent.type.value, 0) + 1
    return {t.value: counts[t.value] for t in EntityType if counts.get(t.value)}


def document_part(entry: CacheEntry, cache: BuildCache | None, wants: Iterable[str] = ("lines",)) -> GraphPart:
    """The document's named graph, with the renderings in ``wants`` ("lines", "turtle") and,
    with "network", its part of the entity network: those the entry carries, or read from
    ``cache``."""
    graph = document_graph(entry.doc_id)
    network = document_network(entry, cache) if "network" in wants else None
    if entry.lines is not None:
        return GraphPart(graph, entry.lines, entry.turtle, entry.triples, network)
    lines = cache.lines(entry) if "lines" in wants else None
    turtle = cache.turtle(entry) if "turtle" in wants else None
    return GraphPart(graph, lines, turtle, entry.triples, network)


def document_network(entry: CacheEntry, cache: BuildCache | None) -> NetworkPart:
    """The document's part of the entity network. An entry that carries its lines (just
    built, or renamed for this build: not the cache's) carries its part or gets one made
    from them; a cache entry's part is read from the cache, or made from its cached lines (by
    an earlier build without a view, or damaged) and kept there."""
    from mzgraph.network import NetworkPart, lines_part

    if entry.lines is not None:
        part = NetworkPart.from_bytes(entry.network) if entry.network is not None else None
        return part if part is not None else lines_part(entry.lines)
    data = cache.network(entry)
    part = NetworkPart.from_bytes(data) if data is not None else None
    if part is None:
        part = lines_part(cache.lines(entry))
        cache.store_network(entry, part.to_bytes())
    return part


def write_document(entry: CacheEntry, out: BinaryIO, *, quads: bool, cache: BuildCache | None) -> None:
    """The document's graph as N-Quads (or N-Triples lines), as a local build writes it."""
    from mzgraph.export.rdf_formats import NQuads, NTriples

    (NQuads if quads else NTriples)(out).part(document_part(entry, cache))


def entities_bytes(kb: KnowledgeBase, *, quads: bool) -> bytes:
    """The entities graph of the merged shared parts, as a local build ends its N-Quads
    (or N-Triples) with it."""
    from mzgraph.export.rdf_formats import NQuads, NTriples

    buf = io.BytesIO()
    (NQuads if quads else NTriples)(buf).part(GraphPart(ENTITIES_GRAPH, entities_lines(kb)))
    return buf.getvalue()


class _Corpus:
    """Merges document outcomes in order: unique document ids, resolution, bookkeeping."""

    def __init__(self, *, keep_details: bool, cache: BuildCache | None, wants: tuple[str, ...] = ("lines",)):
        self.keep_details = keep_details
        self.cache = cache
        self.wants = wants  # what to read of a cached document: "lines", "turtle", "network"
        self.resolver = Resolver(keep_details=keep_details)
        self.result = BuildResult(graph=None, kb=self.resolver.kb)
        self.used_ids: set[str] = set()
        self.stamps: dict[str, FileStamp] = {}
        self.scoped_counts: dict[str, int] = {}

    def _detail(self, entry: CacheEntry) -> tuple[Extraction, KnowledgeBase]:
        return _detail(entry, self.cache)

    def add(self, outcome: DocumentOutcome) -> GraphPart | None:
        """Merge one outcome; gives the document's named graph (None on failure)."""
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
        return document_part(entry, self.cache, self.wants)  # from the cache: only what is wanted

    def parts(self, outcomes: Iterable[DocumentOutcome], progress: Progress | None, total: int) -> Iterator[GraphPart]:
        """Every document's graph as its outcome comes, then the entities graph."""
        done = 0  # inputs finished: a web archive's pages count as one input, ended by its last
        for outcome in outcomes:
            part = self.add(outcome)
            if part is not None:
                yield part
            done += outcome.ends_input
            if progress and outcome.ends_input:
                progress(done, total)
        if not self.result.documents:
            raise _NothingBuilt
        entities = GraphPart(ENTITIES_GRAPH, entities_lines(self.finish()))
        self.result.triples += entities.triples
        yield entities

    def finish(self) -> KnowledgeBase:
        kb = self.resolver.result()
        self.result.entity_counts = entity_counts(kb, self.scoped_counts)
        return kb


class _NothingBuilt(Exception):
    """Every document failed: the output file must not be replaced."""


def discover(inputs: list[Path] | None) -> list[Path]:
    """The documents of a build, in the order they are merged (``data/`` when none given)."""
    paths = ingest.discover(list(inputs) if inputs else [DEFAULT_DATA])
    if not paths:
        raise InputError(f"no supported documents found in {', '.join(str(p) for p in inputs or [DEFAULT_DATA])}")
    return paths


def _open_cache(cache_dir: Path | str | None) -> BuildCache | None:
    return BuildCache(cache_dir) if cache_dir is not None else None


def _source(
    paths: list[Path],
    *,
    jobs: int,
    cache: BuildCache | None,
    max_bytes: int,
    client,
    with_detail: bool,
    network: bool | _Switch = False,
) -> Iterator[DocumentOutcome]:
    """The documents' outcomes in order: from local worker processes (which make each
    document's part of the entity network too, with ``network``), or from a Dask cluster."""
    if client is None:
        return _outcomes(paths, jobs=jobs, cache=cache, max_bytes=max_bytes, network=network)
    from mzgraph.cluster import outcomes_on

    cache_dir = cache.root if cache is not None else None
    return outcomes_on(client, paths, max_bytes=max_bytes, cache_dir=cache_dir, with_detail=with_detail)


def graph_of_parts(parts: Iterable[GraphPart]) -> Graph:
    """An rdflib Graph of the union of ``parts`` (for SHACL, the view and notebooks)."""
    from rdflib import Graph  # (only here: a build that asks for no rdflib Graph never loads rdflib)

    from mzgraph.rdf.namespaces import bind_prefixes

    return bind_prefixes(Graph()).parse(data=b"".join(p.lines for p in parts), format="nt")


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
    enables the build cache; ``progress(done, total)`` is called after each document. The
    result holds the rdflib Graph and the whole KnowledgeBase (documents, mentions, evidence).
    """
    paths = discover(inputs)
    cache = _open_cache(cache_dir)
    corpus = _Corpus(keep_details=True, cache=cache)
    outcomes = _source(paths, jobs=jobs, cache=cache, max_bytes=max_bytes, client=client, with_detail=True)
    try:
        parts = list(corpus.parts(outcomes, progress, len(paths)))
    except _NothingBuilt:
        parts = []
        corpus.finish()
    result = corpus.result
    result.graph = graph_of_parts(parts)
    if cache is not None and result.documents:
        cache.finish(corpus.stamps)
    return result


def write_outputs(
    outcomes: Iterable[DocumentOutcome],
    output: Path,
    *,
    fmt: str | None = None,
    total: int | None = None,
    cache_dir: Path | str | None = None,
    progress: Progress | None = None,
    check: Callable[[Graph], None] | None = None,
    html: Path | None = None,
    view_limit: int | None = None,
    view_dropped: Callable[[], None] | None = None,
) -> BuildResult:
    """Merge ``outcomes`` (in the order given) and write ``output`` (format from ``fmt``, or
    its suffix; Turtle by default), and the network view to ``html`` if given.

    ``view_limit``: the view is written only for a graph of at most that many triples (a
    bigger one is left as it was and ``view_skipped`` says why); the documents' parts of the
    entity network are kept only up to it, so a big build's memory does not grow with them,
    and ``view_dropped`` is called when it is passed (whoever makes the parts can stop).

    Documents are written as they come; only ``check`` (which may refuse the graph by
    raising, before anything is replaced) needs the whole rdflib Graph, made at the end; the
    view assembles the entity network from the documents' parts of it (made with their
    entries, or kept in the cache) and the entities graph's. Both files are written to
    temporary files and renamed into place together, under a lock on each (another build into
    the same output is refused), and only when at least one document was built. ``cache_dir``
    is the cache the outcomes were made with: their lines are read from it, and it then
    records this build.
    """
    from mzgraph.export.rdf_formats import WRITERS, write
    from mzgraph.network import NetworkPart, assemble, lines_part, paused_gc

    output = Path(output)
    writer = output_format(output, fmt).name
    wants = {WRITERS[writer].wants} | ({"lines"} if check is not None else set())
    cache = _open_cache(cache_dir)
    corpus = _Corpus(
        keep_details=False, cache=cache, wants=tuple(sorted(wants | ({"network"} if html is not None else set())))
    )
    checked: list[GraphPart] = []  # what ``check`` reads: the graphs' lines
    drawn: list[NetworkPart] = []  # what the view draws: the graphs' parts of the entity network
    drawn_triples = 0
    view_wanted = html is not None

    def parts() -> Iterator[GraphPart]:
        nonlocal drawn_triples, view_wanted
        for part in corpus.parts(outcomes, progress, total or 0):
            if check is not None:
                checked.append(part)
            if view_wanted:
                drawn_triples += part.triples
                if view_limit is not None and drawn_triples > view_limit:
                    view_wanted = False  # too big to draw: keep nothing more for it
                    drawn.clear()
                    corpus.wants = tuple(sorted(wants))
                    if view_dropped is not None:
                        view_dropped()
                else:  # the entities graph comes without a part: made from its lines
                    drawn.append(part.network if part.network is not None else lines_part(part.lines))
            yield part

    targets = [output] + ([html] if html is not None else [])
    with rdf_io.output_lock(targets), rdf_io.staged_outputs(targets) as staged:
        try:
            rdf_io.atomic_write(staged[0], lambda f: write(parts(), writer, f))
        except _NothingBuilt:
            staged.cancel()
            return corpus.result
        if check is not None:
            corpus.result.graph = graph_of_parts(checked)
            check(corpus.result.graph)
            checked.clear()
        if view_wanted:
            from mzgraph.view import write_html

            with paused_gc():
                net = assemble(NetworkPart.merge(drawn))
            drawn.clear()
            corpus.result.view = write_html(net, staged[1], title=html.stem)
        elif html is not None:
            staged.drop(1)
            previous = f" (the previous {html} is left as it was)" if html.exists() else ""
            corpus.result.view_skipped = (
                f"not written by default for a graph of over {view_limit:,} triples{previous}; "
                "`mzgraph view --type …` or `--focus …` draws a part of it, `--html PATH` the whole of it"
            )
    if cache is not None:
        cache.finish(corpus.stamps)
    return corpus.result


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
    html: Path | None = None,
    view_limit: int | None = None,
    client=None,
) -> BuildResult:
    """Build the documents of ``inputs`` (files and folders; ``data/`` when none) into
    ``output`` and, if given, the view ``html``: :func:`process_document` in ``jobs``
    worker processes (or on the Dask cluster of ``client``), then :func:`write_outputs`.
    Refuses (UsageError) an output that is one of the documents read."""
    paths = discover(inputs)
    rdf_io.refuse_overwriting(paths, [output] + ([html] if html is not None else []))
    cache = _open_cache(cache_dir)
    network = _Switch(html is not None)  # the workers make the documents' parts of the view's network
    outcomes = _source(
        paths, jobs=jobs, cache=cache, max_bytes=max_bytes, client=client, with_detail=False, network=network
    )
    return write_outputs(
        outcomes,
        output,
        fmt=fmt,
        total=len(paths),
        cache_dir=cache_dir,
        progress=progress,
        check=check,
        html=html,
        view_limit=view_limit,
        view_dropped=network.off,
    )
