"""The Dask client side: connecting, checking the workers, feeding them documents in order.

A cluster build runs the per-document step (:func:`mzgraph.pipeline.process_document`) as
Dask tasks, a chunk of consecutive documents a task, and hands the outcomes back in the
order of the input paths; everything after that is the local pipeline's own code, which is
why a cluster build writes the same bytes as a local one.
"""

from __future__ import annotations

import os
import uuid
from collections import deque
from collections.abc import Iterator
from pathlib import Path

from mzgraph.errors import MzgraphError, UsageError
from mzgraph.pipeline import DocumentOutcome

CONNECT_TIMEOUT = 20  # seconds to wait for a first worker


class ClusterError(MzgraphError):
    """The cluster cannot run the build (unreachable, other code on the workers, a worker
    that keeps dying on the same documents)."""


def connect(address: str, *, timeout: float | None = None):
    """A Dask client on the scheduler at ``address`` (``tcp://host:8786``), or ClusterError.

    ``timeout`` defaults to Dask's own connect timeout (``distributed.comm.timeouts.connect``,
    30 s unless configured, e.g. ``DASK_DISTRIBUTED__COMM__TIMEOUTS__CONNECT=5s``)."""
    try:
        import dask.config
        from dask.utils import parse_timedelta
        from distributed import Client
    except ImportError:
        raise UsageError("--scheduler needs Dask: pip install 'mzgraph[cluster]'") from None
    if timeout is None:
        timeout = parse_timedelta(dask.config.get("distributed.comm.timeouts.connect"), default="seconds")
    try:
        return Client(address, timeout=timeout, set_as_default=False)
    except (OSError, TimeoutError, ValueError) as exc:
        why = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise ClusterError(f"cannot reach the Dask scheduler at {address} ({why})") from None


def check_workers(client) -> int:
    """The number of worker threads, after checking that every worker runs this mzgraph.

    The same graph needs the same code: a worker with another version (another cache
    fingerprint, which hashes the code and data of every stage) would extract differently.
    """
    from mzgraph.cache import fingerprint

    try:
        client.wait_for_workers(1, timeout=CONNECT_TIMEOUT)
    except TimeoutError:
        raise ClusterError("the Dask cluster has no worker") from None
    mine = fingerprint()
    try:
        theirs = client.run(_worker_fingerprint)
    except ModuleNotFoundError:
        raise ClusterError("mzgraph is not installed on the Dask workers (pip install mzgraph there)") from None
    other = sorted(w for w, fp in theirs.items() if fp != mine)
    if other:
        raise ClusterError(
            f"{len(other)} worker(s) run another mzgraph than this one ({other[0]}: {theirs[other[0]]}, here {mine}); "
            "install the same version on every worker"
        )
    return sum(client.nthreads().values())


def _worker_fingerprint() -> str:
    from mzgraph.cache import fingerprint

    return fingerprint()


def _worker_cwd() -> str:
    return os.getcwd()


def task_paths(client, paths: list[Path]) -> list[str]:
    """The paths the workers are given. Relative paths stay as they are (and so do the
    ``mz:sourcePath`` values they become, as in a local build) when every worker works in
    this process's folder; otherwise they are made absolute, which workers on other
    machines can read only if the folder is shared under the same path."""
    here = os.getcwd()
    same_folder = all(cwd == here for cwd in client.run(_worker_cwd).values())
    return [str(p) if same_folder or p.is_absolute() else str(Path(here) / p) for p in paths]


def chunk_size(documents: int, threads: int) -> int:
    """Documents per task: a few dozen tasks per worker thread, at most 16 documents (Dask
    spends about a millisecond on a task, a report 20–40 ms)."""
    return max(1, min(16, documents // max(1, threads * 8)))


def build_key(kind: str) -> str:
    """A task-name prefix unique to one build: two builds on one cluster never share results."""
    return f"mzgraph-{kind}-{uuid.uuid4().hex[:8]}"


def cluster_outcomes(
    client, paths: list[str], *, max_bytes: int, cache_dir: str | None, with_detail: bool, threads: int
) -> Iterator[DocumentOutcome]:
    """Every document's outcome, in the order of ``paths``, processed on the cluster.

    At most a few tasks per worker thread are in flight, so the cluster's memory holds a
    bounded window of results whatever the corpus size; the next chunk is submitted as the
    oldest is taken. A task on a worker that dies is run again elsewhere by Dask.
    """
    from distributed import KilledWorker

    from mzgraph.cluster.tasks import process_chunk

    size = chunk_size(len(paths), threads)
    chunks = [paths[i : i + size] for i in range(0, len(paths), size)]
    prefix = build_key("read")
    pending = iter(enumerate(chunks))
    window: deque = deque()

    def submit(i: int, chunk: list[str]) -> None:
        fut = client.submit(process_chunk, chunk, max_bytes, cache_dir, with_detail, key=f"{prefix}-{i}", pure=False)
        window.append((chunk, fut))

    for i, chunk in pending:
        submit(i, chunk)
        if len(window) >= max(8, threads * 4):
            break
    while window:
        chunk, fut = window.popleft()
        try:
            outcomes = fut.result()
        except KilledWorker:
            raise ClusterError(
                f"workers died again and again on {chunk[0]} … {chunk[-1]}; the output was not written"
            ) from None
        fut.release()
        nxt = next(pending, None)
        if nxt is not None:
            submit(*nxt)
        yield from outcomes
