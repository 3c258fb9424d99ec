"""Queries that can be stopped: a long-lived child process per backend, killed on timeout.

Neither engine can cancel a running query (pyoxigraph has no cancellation and evaluates
with the GIL released; rdflib's evaluator is plain Python deep in generators), and a
thread that is abandoned keeps computing and keeps its memory (a 3-way cross product grew
to 2.4 GB). So a query runs in a child process forked from the one that holds the store:
the fork shares the loaded graph copy-on-write (no reload, no second copy), stays alive
between queries (a small query pays one pipe round trip, not a process start), and is
killed when the query overruns its time, when the caller gives up (a web client that
disconnected), or when it dies. Killing it returns every byte the query used; the next
query forks a fresh child.

Updates are not run here: they must change the caller's own store (see
:func:`mzgraph.query.runner.run`); the child of a store that was changed is replaced.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import threading
import weakref
from multiprocessing.connection import Connection, wait

from mzgraph.errors import MzgraphError, QueryError

# One worker per backend object, for as long as the backend lives.
_WORKERS: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()
_WORKERS_LOCK = threading.Lock()


class QueryStopped(QueryError):
    """The query overran its time, or its process died (out of memory); it was killed."""


class QueryCancelled(QueryStopped):
    """The caller stopped waiting (a client disconnected); the query was killed."""


def worker_for(backend) -> QueryWorker:
    """The worker process serving ``backend`` (created, not yet started, on first use)."""
    with _WORKERS_LOCK:
        worker = _WORKERS.get(backend)
        if worker is None:
            worker = _WORKERS[backend] = QueryWorker(backend)
            weakref.finalize(backend, worker.stop)
        return worker


def forget_worker(backend) -> None:
    """Stop ``backend``'s worker: its copy of the store is stale (after an update)."""
    with _WORKERS_LOCK:
        worker = _WORKERS.pop(backend, None)
    if worker is not None:
        worker.stop()


class QueryWorker:
    """Runs ``getattr(target, method)(text, **options)`` in a forked child, with a deadline.

    One call at a time per worker (a lock serialises callers); a server that answers
    several clients at once keeps several workers (see :mod:`mzgraph.remote.serve`).
    """

    def __init__(self, target) -> None:
        # The child is forked with this object, so it holds the target; the parent keeps only
        # a weak reference (the worker must not keep its backend alive).
        self._target_ref = weakref.ref(target)
        self._process: multiprocessing.process.BaseProcess | None = None
        self._conn: Connection | None = None
        self._lock = threading.Lock()

    @property
    def pid(self) -> int | None:
        return self._process.pid if self._process is not None and self._process.is_alive() else None

    def call(
        self,
        method: str,
        text: str,
        options: dict | None = None,
        *,
        timeout: float | None,
        stop_when_ready: list | None = None,
    ):
        """The method's result; QueryError on timeout (the child is killed), or
        :class:`QueryCancelled` when one of ``stop_when_ready`` (sockets, connections) becomes
        readable first and its ``is_gone`` check (a callable paired in the list) says so."""
        with self._lock:
            conn, process = self._start()
            try:
                conn.send((method, text, options or {}))
            except (BrokenPipeError, OSError):
                self._kill()
                raise QueryError("the query process stopped unexpectedly; try again") from None
            watched = [conn, process.sentinel] + [w for w, _ in stop_when_ready or ()]
            gone_checks = dict(stop_when_ready or ())
            deadline = None if not timeout else _now() + timeout
            while True:
                remaining = None if deadline is None else max(0.0, deadline - _now())
                ready = wait(watched, timeout=remaining)
                if conn in ready:
                    try:
                        status, value = conn.recv()
                    except (EOFError, OSError):
                        self._kill()
                        raise QueryStopped(
                            "the query process died (out of memory?); narrow the query or add LIMIT"
                        ) from None
                    if status == "error":
                        raise value
                    return value
                if process.sentinel in ready:
                    self._kill()
                    raise QueryStopped("the query process died (out of memory?); narrow the query or add LIMIT")
                for waitable in ready:
                    if waitable in gone_checks and gone_checks[waitable]():
                        self._kill()
                        raise QueryCancelled("the client went away; the query was stopped")
                    if waitable in gone_checks:  # readable but still there (a pipelined request)
                        watched.remove(waitable)
                if deadline is not None and _now() >= deadline:
                    self._kill()
                    raise QueryStopped(f"query timed out after {timeout:g} s and was stopped (raise --timeout)")

    def start(self) -> None:
        """Fork the child now (a server does so before its threads start)."""
        with self._lock:
            self._start()

    def stop(self) -> None:
        with self._lock:
            self._kill()

    def _start(self) -> tuple[Connection, multiprocessing.process.BaseProcess]:
        if self._process is not None and self._process.is_alive() and self._conn is not None:
            return self._conn, self._process
        self._kill()
        target = self._target_ref()
        if target is None:
            raise QueryError("the graph was closed")
        ctx = multiprocessing.get_context("fork")
        pipes = _open_pipes()
        parent_end, child_end = ctx.Pipe()
        process = ctx.Process(target=_child_loop, args=(target, child_end, pipes), name="mzgraph-query", daemon=True)
        process.start()
        child_end.close()
        self._process, self._conn = process, parent_end
        return parent_end, process

    def _kill(self) -> None:
        process, conn = self._process, self._conn
        self._process = self._conn = None
        if conn is not None:
            conn.close()
        if process is not None:
            if process.is_alive():
                try:
                    os.kill(process.pid, signal.SIGKILL)
                except ProcessLookupError:
                    pass
            process.join()
            process.close()


def _now() -> float:
    import time

    return time.monotonic()


def _open_pipes() -> frozenset[int]:
    """The pipes open in this process now, standard streams aside: taken in the parent just
    before the fork, so that the pipes the fork itself makes (the child's sentinel, whose
    closing tells the parent the child died) are not among them."""
    import stat

    try:
        fds = [int(name) for name in os.listdir("/proc/self/fd")]
    except OSError:
        return frozenset()
    pipes = set()
    for fd in fds:
        try:
            if fd > 2 and stat.S_ISFIFO(os.fstat(fd).st_mode):
                pipes.add(fd)
        except OSError:
            pass
    return frozenset(pipes)


def _close_inherited_channels(keep: int, pipes: frozenset[int]) -> None:
    """Let go of the sockets the fork copied from the parent, all but the child's own
    connection, and of the parent's ``pipes``.

    A child holding a copy of a server's listening socket, of a client's connection, of the
    parent's end of the pipe, or of the write end of another program's stdin would keep each
    open after the parent closed it: a client waiting for the end of an answer, a port still
    bound, a child that never sees its parent go, a program the parent started (a browser
    driver, say) that never reads end-of-file and so never exits. Each is replaced by
    ``/dev/null`` rather than closed, so a Python object that still holds the number never
    closes someone else's descriptor. Standard input, output and error are kept (they may be
    pipes a shell made), and so are files: an on-disk store reads through them.
    """
    import stat

    try:
        fds = [int(name) for name in os.listdir("/proc/self/fd")]
        null = os.open(os.devnull, os.O_RDWR)
    except OSError:
        return
    for fd in fds:
        if fd in (0, 1, 2, keep, null):
            continue
        try:
            mode = os.fstat(fd).st_mode
            if stat.S_ISSOCK(mode) or (fd in pipes and stat.S_ISFIFO(mode)):
                os.dup2(null, fd)  # let go; the number stays valid for whoever holds it
        except OSError:
            pass
    os.close(null)


def _child_loop(target, conn: Connection, pipes: frozenset[int] = frozenset()) -> None:
    """The child: answer requests until the parent closes the pipe."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    _close_inherited_channels(keep=conn.fileno(), pipes=pipes)
    import rdflib.plugins.sparql

    rdflib.plugins.sparql.SPARQL_LOAD_GRAPHS = False  # FROM never fetches, whatever the gate said
    while True:
        try:
            method, text, options = conn.recv()
        except (EOFError, OSError, KeyboardInterrupt):
            os._exit(0)
        try:
            reply = ("ok", getattr(target, method)(text, **options))
        except MzgraphError as exc:
            reply = ("error", QueryError(str(exc)))
        except Exception as exc:  # an engine's own error: one line for the caller
            first = (str(exc).splitlines() or [type(exc).__name__])[0][:200]
            reply = ("error", QueryError(f"query failed: {first}"))
        try:
            conn.send(reply)
        except Exception as exc:  # an unpicklable term, say
            conn.send(("error", QueryError(f"cannot return the result ({type(exc).__name__})")))
