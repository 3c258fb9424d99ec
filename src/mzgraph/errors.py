"""Errors a user can cause, each with the exit status the CLI gives it.

The CLI prints ``str(error)`` as one line and exits with ``error.exit_code``; a traceback
is shown only under ``--debug``.
"""

from __future__ import annotations

from mzgraph.terminal import escape_controls


def one_line(message: str) -> str:
    """``message`` as one printable line: a file name or label may hold line breaks or
    terminal escape codes, shown escaped (``\\n``, ``\\x1b``) instead."""
    return escape_controls(message, keep="\t")


class MzgraphError(Exception):
    """Base class: a problem the user can fix, described in one line."""

    exit_code = 1


class InputError(MzgraphError):
    """A document cannot be read (missing, empty, binary, too large, undecodable)."""

    exit_code = 1


class OutputError(MzgraphError):
    """An output file cannot be written (no permission, a file where a folder should be,
    the disk full); the previous file, if any, is left as it was."""

    exit_code = 1


class UsageError(MzgraphError):
    """Bad options or arguments."""

    exit_code = 2


class QueryError(MzgraphError):
    """A malformed or refused SPARQL query."""

    exit_code = 2


class GraphError(MzgraphError):
    """A graph file that cannot be read."""

    exit_code = 2
