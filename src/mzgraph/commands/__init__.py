"""One module per CLI command; each exposes ``command``. Options several commands share live here."""

from __future__ import annotations

from pathlib import Path

import click

from mzgraph.defaults import DEFAULT_OUTPUT


def graph_option(help: str, *, default: Path | None = DEFAULT_OUTPUT):
    """``-g/--graph FILE``: the built graph a command reads. One option object for every command
    that reads a graph, so the short name and the default are the same everywhere. Commands that
    can read something else instead (``--store``, ``--endpoint``) pass ``default=None`` and fall
    back to ``output/graph.ttl`` themselves."""
    return click.option(
        "-g",
        "--graph",
        "graph_path",
        type=click.Path(path_type=Path, dir_okay=False),
        default=default,
        show_default=default is not None,
        help=help if default is not None else f"{help} [default: {DEFAULT_OUTPUT}]",
    )
