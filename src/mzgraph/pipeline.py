"""The build pipeline: read → clean → extract → resolve → encode → write.

Each stage is a function of its own module; this module only strings them together and
collects per-document failures so that one bad file does not stop a batch.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Graph

from mzgraph import ingest, rdf
from mzgraph.errors import InputError, MzgraphError
from mzgraph.extract import extract
from mzgraph.model import Extraction, KnowledgeBase
from mzgraph.resolve import Resolver

DEFAULT_DATA = Path("data")
DEFAULT_OUTPUT = Path("output/graph.ttl")


@dataclass
class BuildResult:
    graph: Graph
    kb: KnowledgeBase
    documents: list[str] = field(default_factory=list)  # paths built
    failures: list[tuple[str, str]] = field(default_factory=list)  # (path, one-line reason)


def extract_file(path: Path, *, max_bytes: int = ingest.DEFAULT_MAX_BYTES) -> Extraction:
    """Read, clean and extract one document."""
    return extract(ingest.read_document(path, max_bytes=max_bytes))


def build(inputs: list[Path] | None = None, *, max_bytes: int = ingest.DEFAULT_MAX_BYTES) -> BuildResult:
    """Build one graph from files and directories (``data/`` when none are given)."""
    paths = ingest.discover(list(inputs) if inputs else [DEFAULT_DATA])
    if not paths:
        raise InputError(f"no supported documents found in {', '.join(str(p) for p in inputs or [DEFAULT_DATA])}")
    resolver = Resolver()
    built, failures = [], []
    used_ids: set[str] = set()
    for path in paths:
        try:
            ex = extract_file(path, max_bytes=max_bytes)
        except MzgraphError as exc:
            failures.append((str(path), str(exc)))
            continue
        if ex.document.doc_id in used_ids:  # two files with one stem: tell them apart by content
            ex.document.doc_id = f"{ex.document.doc_id}-{ex.document.content_hash[:8]}"
        used_ids.add(ex.document.doc_id)
        resolver.add(ex)
        built.append(str(path))
    kb = resolver.result()
    return BuildResult(graph=rdf.encode(kb), kb=kb, documents=built, failures=failures)
