"""Errors of talking to a remote store, each a one-line message for the CLI.

Exit statuses: 3 for a store that cannot be reached, times out, refuses or fails a request;
4 for a push that the store did not take in full (its counts differ from what was sent).
"""

from __future__ import annotations

from mzgraph.errors import MzgraphError


class RemoteError(MzgraphError):
    """A request to a store failed; ``status`` is the HTTP status when there was an answer."""

    exit_code = 3

    def __init__(self, message: str, *, status: int | None = None, detail: str = ""):
        super().__init__(message)
        self.status = status
        self.detail = detail  # the first line of the server's explanation, masked


class StoreUnreachable(RemoteError):
    """No connection could be made (refused, unknown host, TLS failure)."""


class StoreTimeout(RemoteError):
    """The store did not answer in time."""


class StoreRefused(RemoteError):
    """The store answered 401 or 403: credentials missing, wrong or not allowed."""


class PushIncomplete(RemoteError):
    """The store's triple counts do not match what was sent."""

    exit_code = 4
