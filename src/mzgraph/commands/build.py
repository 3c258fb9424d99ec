"""``mzgraph build``: reports → RDF graph (Turtle)."""

from __future__ import annotations

from pathlib import Path

import click

from mzgraph import ingest, rdf
from mzgraph.errors import MzgraphError
from mzgraph.pipeline import DEFAULT_OUTPUT, build


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
    help="Turtle file to write.",
)
@click.option(
    "--max-bytes",
    type=click.IntRange(min=1),
    default=ingest.DEFAULT_MAX_BYTES,
    show_default=True,
    help="Refuse documents larger than this.",
)
@click.option(
    "--html",
    "html_path",
    type=click.Path(path_type=Path, dir_okay=False),
    default=None,
    help="Network view to write [default: the -o path with .html].",
)
@click.option("--no-html", is_flag=True, help="Write only the graph, no network view.")
def command(inputs: tuple[Path, ...], output: Path, max_bytes: int, html_path: Path | None, no_html: bool) -> None:
    """Build a knowledge graph from reports (files or folders; data/ when none are given).

    \b
    Example:
      mzgraph build
      mzgraph build report.txt other.html -o output/two.ttl
    """
    if no_html and html_path is not None:
        from mzgraph.errors import UsageError

        raise UsageError("--html and --no-html contradict each other")
    result = build(list(inputs), max_bytes=max_bytes)
    if not result.documents:
        reasons = "; ".join(reason for _, reason in result.failures)
        raise MzgraphError(reasons or "no document could be built")
    rdf.write_graph(result.graph, output)
    counts = {}
    for ent in result.kb.entities.values():
        counts[ent.type.value] = counts.get(ent.type.value, 0) + 1
    summary = ", ".join(f"{n} {t}" for t, n in sorted(counts.items()))
    click.echo(f"built {len(result.documents)} document(s): {summary}; {len(result.graph)} triples → {output}")
    if not no_html:
        from mzgraph.view import write_html

        view = write_html(result.graph, html_path or output.with_suffix(".html"))
        click.echo(f"view: {view.nodes} nodes, {view.edges} edges → {view.path}")
    if result.failures:
        for _path, reason in result.failures:
            click.echo(f"failed: {reason}", err=True)
        raise SomeDocumentsFailed(
            f"{len(result.failures)} of {len(result.failures) + len(result.documents)} "
            "document(s) failed; the graph holds the others"
        )
