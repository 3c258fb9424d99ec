"""``mzgraph build``: reports → RDF graph (Turtle by default) and its network view."""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

import click

from mzgraph import ingest
from mzgraph.cache import CACHE_DIRNAME
from mzgraph.defaults import DEFAULT_OUTPUT, DEFAULT_VIEW_TRIPLES
from mzgraph.errors import MzgraphError, UsageError, one_line
from mzgraph.pipeline import build_to_file, default_cache_dir, default_jobs
from mzgraph.rdf import formats
from mzgraph.rdf.io import ensure_folder, refuse_overwriting


class SomeDocumentsFailed(MzgraphError):
    exit_code = 1


@click.command("build")
@click.argument("inputs", nargs=-1, type=click.Path(path_type=Path))
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path, dir_okay=False),
    default=DEFAULT_OUTPUT,
    show_default=True,
    help="Graph file to write; the suffix picks the format (.ttl, .nt, .nq, .trig, .jsonld, .rdf).",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(formats.names(formats.RDF)),
    default=None,
    help="Output format, when the suffix of -o does not say it. Every format is written "
    "document by document (JSON-LD and RDF/XML at the end).",
)
@click.option(
    "-j",
    "--jobs",
    type=click.IntRange(min=1),
    default=None,
    help="Worker processes reading and extracting documents [default: all cores].",
)
@click.option(
    "--cache/--no-cache",
    default=True,
    show_default=True,
    help="Reuse what earlier builds got from unchanged files (kept in .mzgraph-cache/ beside the output).",
)
@click.option(
    "--max-bytes",
    type=click.IntRange(min=1),
    default=ingest.DEFAULT_MAX_BYTES,
    show_default=True,
    help="Refuse documents larger than this.",
)
@click.option(
    "--strict",
    is_flag=True,
    help="Check the graph against the ontology contract (SHACL) before writing: one warning per "
    "violation, and exit 1 without writing anything if it breaks it. (Or `mzgraph validate` later.)",
)
@click.option(
    "--html",
    "html_path",
    type=click.Path(path_type=Path, dir_okay=False),
    default=None,
    help="Network view to write [default: the -o path with .html, except for .nt and .nq (the "
    "corpus formats) and graphs of over 1,000,000 triples, whose view would hold the whole graph "
    "in memory]. The graph and the view are renamed into place together.",
)
@click.option("--no-html", is_flag=True, help="Write only the graph, no network view (for very large corpora).")
@click.option(
    "--scheduler",
    metavar="ADDRESS",
    default=None,
    help="Process the documents on the Dask cluster of this scheduler (tcp://host:8786); "
    "the workers read the sources (and the cache) under the same paths. Needs mzgraph[cluster].",
)
@click.option(
    "--shards",
    "shards_dir",
    type=click.Path(path_type=Path, file_okay=False),
    default=None,
    help="With --scheduler: write sharded N-Quads and a manifest.json into this folder, "
    "from the workers, instead of -o.",
)
@click.option(
    "--shard-size",
    type=click.IntRange(min=1),
    default=1000,
    show_default=True,
    help="Documents per shard file.",
)
@click.option("--gzip", "compress", is_flag=True, help="Gzip the shard files (.nq.gz).")
@click.option(
    "--push",
    "push_url",
    metavar="URL",
    default=None,
    help="Then send the N-Quads (-o graph.nq, or the --shards) to this Graph Store Protocol "
    "endpoint graph by graph, as mzgraph push sends a graph (its credentials, MZGRAPH_QUERY_URL).",
)
def command(
    inputs: tuple[Path, ...],
    output: Path,
    fmt: str | None,
    jobs: int | None,
    cache: bool,
    max_bytes: int,
    strict: bool,
    html_path: Path | None,
    no_html: bool,
    scheduler: str | None,
    shards_dir: Path | None,
    shard_size: int,
    compress: bool,
    push_url: str | None,
) -> None:
    """Build a knowledge graph from reports (files or folders; data/ when none are given).

    \b
    Example:
      mzgraph build
      mzgraph build report.txt other.html -o output/two.ttl
      mzgraph build reports/ -o output/corpus.nq --jobs 2
      mzgraph build /shared/reports --scheduler tcp://head:8786 --shards /shared/graph --gzip
      mzgraph build /shared/reports --scheduler tcp://head:8786 --shards /shared/graph \\
          --push http://store:7878/store

    Folders are read recursively. A rebuild reads only the files that changed since the
    last build to the same output; files no longer there leave the graph. An output that
    is one of the documents read is refused; so is an output another build is writing.
    """
    if no_html and html_path is not None:
        raise UsageError("--html and --no-html contradict each other")
    if scheduler is not None:
        if jobs is not None:
            raise UsageError("--jobs and --scheduler contradict each other: the cluster's workers do the work")
        if shards_dir is not None:
            store = _open_store(push_url)
            return _build_shards(inputs, shards_dir, scheduler, shard_size, compress, max_bytes, cache, store)
    elif shards_dir is not None or compress:
        raise UsageError("--shards and --gzip need --scheduler (a local build writes one file: -o graph.nq)")
    fmt = formats.output_format(output, fmt).name
    if push_url is not None and fmt != "nquads":
        raise UsageError("--push sends N-Quads: build to -o graph.nq or --shards (push other builds with mzgraph push)")
    # a view needs the whole graph in memory: by default not beside the corpus formats, and not
    # for a graph over DEFAULT_VIEW_TRIPLES; --html asks for it whatever the size
    default_html = None if fmt in ("nt", "nquads") else output.with_suffix(".html")
    html = None if no_html else html_path or default_html
    view_limit = DEFAULT_VIEW_TRIPLES if html_path is None else None
    # an output that cannot be written, or is an input, should fail now, not after the build
    refuse_overwriting(inputs, [output, html])
    store = _open_store(push_url)
    ensure_folder(output)
    if cache:  # the cache's folder too: /proc and /sys let their own folders be made, not ours
        ensure_folder(default_cache_dir(output))
    if html is not None:
        ensure_folder(html)
    client = _connect(scheduler) if scheduler is not None else None
    try:
        with _Progress() as progress:
            result = build_to_file(
                list(inputs),
                output,
                fmt=fmt,
                max_bytes=max_bytes,
                jobs=jobs or default_jobs(),
                cache_dir=default_cache_dir(output) if cache else None,
                progress=progress,
                check=(lambda graph: _check_contract(graph, output)) if strict else None,
                html=html,
                view_limit=view_limit,
                client=client,
            )
    finally:
        if client is not None:
            client.close()
    _notes_and_warnings(result)
    _nothing_built(result)
    summary = ", ".join(f"{n} {t}" for t, n in sorted(result.entity_counts.items()))
    click.echo(
        f"built {len(result.documents)} document(s): {summary}; {result.triples} triples → {output} "
        f"({result.read} read, {result.cached} from cache)"
    )
    if result.view is not None:
        click.echo(f"view: {result.view.nodes} nodes, {result.view.edges} edges → {html}")
    elif result.view_skipped:
        click.echo(f"view: {result.view_skipped}")
    if store is not None:
        _push([output], len(result.documents), str(output), store)
    _report_failures(result)


def _notes_and_warnings(result) -> None:
    for note in result.notes:
        click.echo(f"archive {one_line(note)}")
    for warning in result.warnings:
        click.echo(f"warning: {one_line(warning)}", err=True)


def _nothing_built(result) -> None:
    if not result.documents:
        reasons = "; ".join(reason for _, reason in result.failures)
        raise MzgraphError(reasons or "no document could be built")


def _report_failures(result) -> None:
    if result.failures:
        for _path, reason in result.failures:
            click.echo(f"failed: {one_line(reason)}", err=True)
        raise SomeDocumentsFailed(
            f"{len(result.failures)} of {len(result.failures) + len(result.documents)} "
            "document(s) failed; the graph holds the others"
        )


def _connect(scheduler: str):
    """A client of the cluster, its size and dashboard told on stderr."""
    from mzgraph.cluster.client import connect

    client = connect(scheduler)
    info = client.scheduler_info()
    workers = info.get("workers", {})
    threads = sum(w.get("nthreads", 0) for w in workers.values())
    dashboard = client.dashboard_link if info.get("services", {}).get("dashboard") else "none"
    click.echo(f"cluster: {scheduler}, {len(workers)} worker(s), {threads} thread(s); dashboard: {dashboard}", err=True)
    return client


def _open_store(url: str | None):
    """The store a build is pushed to, checked before the build: a store that is down or
    refuses is told now, not after hours of building."""
    if url is None:
        return None
    from mzgraph.commands.push import open_store
    from mzgraph.remote.errors import RemoteError

    store, endpoint = open_store(url, os.environ.get("MZGRAPH_QUERY_URL"))
    try:
        endpoint.ask("ASK { }", retry=False)
    except RemoteError as exc:
        raise type(exc)(f"nothing built: {exc}", status=exc.status) from None
    return store, endpoint


def _push(files: list[Path], documents: int, source: str, store) -> None:
    from mzgraph.cluster.push import StreamedGraphs
    from mzgraph.commands.push import send

    send(StreamedGraphs(files, documents), documents, source, *store)


def _build_shards(
    inputs, folder: Path, scheduler: str, shard_size: int, compress: bool, max_bytes: int, cache: bool, store
):
    from mzgraph.cluster.shards import MANIFEST, build_shards

    client = _connect(scheduler)
    try:
        with _Progress() as progress:
            result = build_shards(
                list(inputs),
                folder,
                client,
                shard_documents=shard_size,
                compress=compress,
                max_bytes=max_bytes,
                cache_dir=folder / CACHE_DIRNAME if cache else None,
                progress=progress,
            )
    finally:
        client.close()
    _notes_and_warnings(result)
    _nothing_built(result)
    summary = ", ".join(f"{n} {t}" for t, n in sorted(result.entity_counts.items()))
    click.echo(
        f"built {len(result.documents)} document(s): {summary}; {result.triples} triples → "
        f"{len(result.files)} file(s) in {folder}, listed in {folder / MANIFEST} "
        f"({result.read} read, {result.cached} from cache)"
    )
    if store is not None:
        _push([folder / f.name for f in result.files], len(result.documents), str(folder), store)
    _report_failures(result)


def _check_contract(graph, output: Path) -> None:
    """Validate before writing (--strict): one warning line per violation; a non-conforming
    graph is not written at all (the previous files stay as they were)."""
    from mzgraph.validate import GraphInvalid, validate

    report = validate(graph)
    for violation in report.violations:
        click.echo(f"warning: {one_line(str(violation))}", err=True)  # labels come from the data
    if not report.conforms:
        raise GraphInvalid(
            f"{len(report.violations)} violation(s) of the ontology contract; {output} not written (--strict)"
        )


class _Progress:
    """A progress bar on a terminal; in CI and pipes, a plain line every tenth of the way."""

    MIN_DOCUMENTS = 10  # smaller builds finish before a progress line would help

    def __init__(self) -> None:
        self.tty = sys.stderr.isatty()
        self.bar = None
        self.started = time.monotonic()
        self.next_line = 0

    def __call__(self, done: int, total: int) -> None:
        if total < self.MIN_DOCUMENTS:
            return
        elapsed = time.monotonic() - self.started
        rate = done / elapsed if elapsed > 0 else 0.0
        if self.tty:  # done/total, the bar, its ETA and the rate
            if self.bar is None:
                self.bar = click.progressbar(
                    length=total,
                    label="building",
                    file=sys.stderr,
                    show_pos=True,
                    item_show_func=lambda r: f"{r:.1f}/s" if r else None,
                )
                self.bar.__enter__()
            self.bar.update(done - self.bar.pos, rate)  # a cluster reports a chunk of documents at once
        elif done >= self.next_line or done == total:
            eta = f", {(total - done) / rate:.0f} s to go" if rate and done < total else ""
            click.echo(f"built {done}/{total} documents in {elapsed:.0f} s ({rate:.1f}/s{eta})", err=True)
            self.next_line = done + -(-total // 10)

    def __enter__(self) -> _Progress:
        return self

    def __exit__(self, *exc) -> None:
        if self.bar is not None:
            self.bar.__exit__(*exc)
