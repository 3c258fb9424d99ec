"""One module per CLI command; each exposes ``command``. Options several commands share live here."""

from __future__ import annotations

from pathlib import Path

import click

from mzgraph.defaults import DEFAULT_OUTPUT, DEFAULT_TIMEOUT


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


def timeout_option(what: str = "a query"):
    """``--timeout SECONDS``: when a running query is stopped (its process killed). One option
    for every command that runs queries, so the default and the meaning of 0 are the same."""
    return click.option(
        "--timeout",
        type=click.FloatRange(min=0),
        default=DEFAULT_TIMEOUT,
        show_default=True,
        help=f"Stop {what} after this many seconds (0: no limit).",
    )
