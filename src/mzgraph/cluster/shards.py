"""Sharded N-Quads from a cluster: the corpus never passes through the client.

::

    <folder>/part-00000.nq[.gz]   the documents 0 … k-1 of the input order, each in its graph
             part-00001.nq[.gz]   the next k documents …
             entities.nq[.gz]     the entities graph
             manifest.json        files in order, triples, bytes and sha256 of each, counts

The shards, decompressed and concatenated in the manifest's order, are byte for byte the
N-Quads a local ``mzgraph build … -o graph.nq`` writes of the same sources. A shard holds
a fixed number of input documents, so the files do not depend on the number of workers.

How the work is laid out (every step a Dask task, the client holding only document ids
and counts):

1. documents are processed in chunks of consecutive paths
   (:func:`~mzgraph.cluster.tasks.process_chunk`); their outcomes stay on the workers;
2. the client takes each chunk's summary (ids, failures, counts) in input order and gives
   a second file of an already used id its unique id, as a local build does;
3. a shard's chunks are written by one task (:func:`~mzgraph.cluster.tasks.write_document_shard`);
4. what each chunk adds to the shared entities is merged on the workers in a tree of
   consecutive ranges (:func:`~mzgraph.cluster.tasks.merge_shared`, associative), and the
   root writes the entities graph. The root holds the entities shared between documents
   (places, agencies, policies, programs and their relations: no mention, no evidence but
   one sentence per relation), which grows with the distinct names of the corpus, not with
   its documents.

At most ``window`` shards are in flight, so the workers' memory holds a bounded part of the
corpus: by default as many as keep every worker thread a few chunks ahead, at least two
(one being written while the next is read). A shard's documents meet on the worker that
writes it, so that worker holds ``--shard-size`` documents' N-Quads (300–400 kB each).

Every file is written to a temporary name and renamed; the manifest last, and then
part files of an earlier, larger build in the folder are removed.
"""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path

from mzgraph.cache import BuildCache
from mzgraph.cluster.client import (
    ClusterError,
    build_key,
    check_workers,
    chunk_size,
    task_paths,
)
from mzgraph.cluster.tasks import (
    DocumentSummary,
    ShardFile,
    merge_shared,
    process_chunk,
    rename,
    shared_of_chunk,
    summarize,
    write_document_shard,
    write_entities_shard,
)
from mzgraph.errors import UsageError
from mzgraph.pipeline import BuildResult, discover, entity_counts
from mzgraph.rdf.io import atomic_write_text, ensure_folder

MANIFEST = "manifest.json"
DEFAULT_SHARD_DOCUMENTS = 1000
FAN_IN = 8  # parts merged by one reduction task
IN_FLIGHT_CHUNKS = 4  # chunks of documents in flight per worker thread


@dataclass
class ShardedResult(BuildResult):
    folder: Path | None = None
    files: list[ShardFile] = field(default_factory=list)
    stamps: dict = field(default_factory=dict)  # path → FileStamp, for the cache index


class _Tree:
    """A tree reduction fed left to right: ``FAN_IN`` consecutive results of one level are
    merged into one of the next as soon as they exist (like a carry in counting), so
    earlier levels always cover earlier documents and order is kept."""

    def __init__(self, client, prefix: str):
        self.client = client
        self.prefix = prefix
        self.levels: list[list] = []
        self.count = 0

    def _merge(self, parts: list):
        self.count += 1
        return self.client.submit(merge_shared, *parts, key=f"{self.prefix}-{self.count}", pure=False)

    def add(self, fut) -> None:
        level = 0
        while True:
            if len(self.levels) == level:
                self.levels.append([])
            self.levels[level].append(fut)
            if len(self.levels[level]) < FAN_IN:
                return
            fut = self._merge(self.levels[level])
            self.levels[level] = []
            level += 1

    def root(self):
        rest = [f for level in reversed(self.levels) for f in level]  # higher levels are earlier
        while len(rest) > 1:
            rest = [self._merge(rest[i : i + FAN_IN]) if len(rest[i : i + FAN_IN]) > 1 else rest[i]
                    for i in range(0, len(rest), FAN_IN)]  # fmt: skip
        return rest[0] if rest else None


def build_shards(
    inputs: list[Path] | None,
    folder: Path,
    client,
    *,
    shard_documents: int = DEFAULT_SHARD_DOCUMENTS,
    compress: bool = False,
    max_bytes: int,
    cache_dir: Path | str | None = None,
    progress: Callable[[int, int], None] | None = None,
    window: int | None = None,
) -> ShardedResult:
    """Build the sources on ``client``'s cluster into sharded N-Quads in ``folder`` (see
    the module docstring). Failed documents are in ``failures``, as in a local build."""
    from distributed import KilledWorker

    if shard_documents < 1:
        raise UsageError("a shard holds at least one document")
    folder = Path(folder)
    ensure_folder(folder / MANIFEST)
    paths = discover(inputs)
    threads = check_workers(client)
    names = task_paths(client, paths)
    cache_root = str(Path(cache_dir).absolute()) if cache_dir is not None else None
    suffix = ".nq.gz" if compress else ".nq"
    size = min(shard_documents, chunk_size(len(names), threads))
    if window is None:
        window = max(2, -(-threads * IN_FLIGHT_CHUNKS * size // shard_documents))
    shard_ranges = [names[i : i + shard_documents] for i in range(0, len(names), shard_documents)]
    prefix = build_key("shards")
    stage = folder / f".{prefix}"  # shards land here, then move in beside the manifest
    tree = _Tree(client, f"{prefix}-merge")
    result = ShardedResult(graph=None, kb=None, folder=folder)
    used_ids: set[str] = set()
    scoped: dict[str, int] = {}
    written: list = []
    done = 0

    def submit_shard(n: int, shard: list[str]) -> tuple[list, list]:
        chunks = [
            client.submit(process_chunk, shard[i : i + size], max_bytes, cache_root, False,
                          key=f"{prefix}-read-{n}-{i}", pure=False)
            for i in range(0, len(shard), size)
        ]  # fmt: skip
        summaries = [client.submit(summarize, c, key=f"{prefix}-sum-{n}-{i}", pure=False) for i, c in enumerate(chunks)]
        return chunks, summaries

    in_flight: list = []
    pending = iter(enumerate(shard_ranges))
    for item in pending:
        in_flight.append((item[0], *submit_shard(*item)))
        if len(in_flight) >= window:
            break
    try:
        stage.mkdir()
        while in_flight:
            n, chunks, summary_futs = in_flight.pop(0)
            nxt = next(pending, None)
            if nxt is not None:
                in_flight.append((nxt[0], *submit_shard(*nxt)))
            for i, summaries in enumerate(client.gather(summary_futs)):
                clashes = [pos for pos, summary in enumerate(summaries) if not _add(result, summary, used_ids, scoped)]
                done += sum(summary.ends_input for summary in summaries)
                if clashes:
                    chunks[i] = client.submit(rename, chunks[i], clashes, cache_root, pure=False)
                if progress:
                    progress(done, len(names))
                tree.add(client.submit(shared_of_chunk, chunks[i], key=f"{prefix}-shared-{n}-{i}", pure=False))
            written.append(
                client.submit(write_document_shard, str(stage / f"part-{n:05d}{suffix}"), compress, cache_root,
                              *chunks, key=f"{prefix}-write-{n}", pure=False)
            )  # fmt: skip
            written[-1].result()  # the shard's outcomes can go once it is on disk
        if not result.documents:
            shutil.rmtree(stage, ignore_errors=True)
            return result
        root = tree.root()
        entities = client.submit(write_entities_shard, str(stage / f"entities{suffix}"), compress, root, pure=False)
        counts = client.submit(entity_counts, root, scoped, pure=False)
        files: list[ShardFile] = [f for f in client.gather(written) if f.documents] + [entities.result()]
        result.entity_counts = counts.result()
    except KilledWorker as exc:
        shutil.rmtree(stage, ignore_errors=True)
        raise ClusterError(f"workers died again and again on one task ({exc.args[0]}); nothing written") from None
    except BaseException:
        shutil.rmtree(stage, ignore_errors=True)
        raise
    result.files = files
    result.triples = sum(f.triples for f in files)
    _publish(stage, folder, files, result)
    if cache_root is not None:
        BuildCache(cache_root).finish(result.stamps)
    return result


def _add(result: ShardedResult, summary: DocumentSummary, used_ids: set[str], scoped: dict[str, int]) -> bool:
    """Count one document in; False if it needs a unique id (a second file of one stem,
    renamed as :func:`mzgraph.pipeline.with_unique_id` renames it, as a local build does)."""
    if summary.note:
        result.notes.append(summary.note)
    if summary.doc_id is None:
        result.failures.append((summary.path, summary.failure))
        return True
    doc_id, unique = summary.doc_id, summary.doc_id not in used_ids
    if not unique:
        doc_id = f"{doc_id}-{summary.content_hash[:8]}"
    used_ids.add(doc_id)
    result.documents.append(summary.path)
    result.warnings.extend(summary.warnings)
    result.chars += summary.chars
    result.cached += summary.from_cache
    result.read += not summary.from_cache
    for name, k in summary.scoped_counts.items():
        scoped[name] = scoped.get(name, 0) + k
    if summary.stamp is not None:
        result.stamps[summary.path] = summary.stamp
    return unique


def _publish(stage: Path, folder: Path, files: list[ShardFile], result: ShardedResult) -> None:
    """Move the shards in, write the manifest, drop the files of an earlier build."""
    for f in files:
        os.replace(stage / f.name, folder / f.name)
    shutil.rmtree(stage, ignore_errors=True)
    manifest = {
        "format": "application/n-quads",
        "documents": len(result.documents),
        "failed": len(result.failures),
        "triples": result.triples,
        "entity_counts": result.entity_counts,
        "files": [asdict(f) for f in files],
    }
    atomic_write_text(folder / MANIFEST, json.dumps(manifest, ensure_ascii=False, indent=1) + "\n")
    keep = {f.name for f in files}
    for old in folder.glob("part-*.nq*"):
        if old.name not in keep:
            old.unlink(missing_ok=True)
    for old in folder.glob("entities.nq*"):
        if old.name not in keep:
            old.unlink(missing_ok=True)
