"""Builds on a Dask cluster that give the same graph, byte for byte, as a local build.

* :func:`outcomes_on` — the per-document step of the pipeline (read, clean, extract,
  resolve alone, encode) as Dask tasks, outcomes back in input order; ``mzgraph.build``
  and ``build_to_file`` take a ``client=`` and merge and write them with their own code.
* :func:`mzgraph.cluster.shards.build_shards` — nothing of the corpus on the client: the
  workers write the documents' N-Quads in shards, the entities shared between documents
  are resolved by a tree reduction on the workers, and a manifest lists the files.

Workers need only the installed package (``pip install 'mzgraph[cluster]'``) and a view
of the sources (and of the build cache, if any) under the same paths.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from mzgraph.pipeline import DocumentOutcome


def outcomes_on(
    client, paths: list[Path], *, max_bytes: int, cache_dir: Path | str | None, with_detail: bool
) -> Iterator[DocumentOutcome]:
    """Every document's outcome, in the order of ``paths``, computed on ``client``'s cluster."""
    from mzgraph.cluster.client import check_workers, cluster_outcomes, task_paths

    threads = check_workers(client)
    return cluster_outcomes(
        client,
        task_paths(client, paths),
        max_bytes=max_bytes,
        cache_dir=str(Path(cache_dir).absolute()) if cache_dir is not None else None,
        with_detail=with_detail,
        threads=threads,
    )
