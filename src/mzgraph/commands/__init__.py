"""One module per CLI command; each exposes ``command``. Options several commands share live here."""

from __future__ import annotations

from pathlib import Path

import click

from mzgraph.pipeline import DEFAULT_OUTPUT


def graph_option(help: str):
    """``--graph FILE``: the built graph a command reads (default ``output/graph.ttl``)."""
    return click.option(
        "--graph",
        "graph_path",
        type=click.Path(path_type=Path, dir_okay=False),
        default=DEFAULT_OUTPUT,
        show_default=True,
        help=help,
    )
