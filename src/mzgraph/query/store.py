"""Where queries run: a small backend interface and the stores behind it.

A :class:`Backend` answers SPARQL in four verbs (``select``, ``ask``, ``construct``,
``update``) and hands back rdflib terms, so the runner, the output formats and the
notebook API never see which engine did the work. Two backends ship:

* :class:`OxigraphBackend` (the default): a ``pyoxigraph.Store``, in memory or in a
  directory (``--store DIR``) that keeps the loaded graph between runs. On a million
  triples it parses about 12x faster than rdflib's memory store, joins about 10x
  faster and takes a quarter of the memory (``benchmarks/query_store.py``). Its :attr:`~Backend.graph` is an rdflib
  ``Graph`` over the same store (oxrdflib), so users keep the rdflib API.
* :class:`RdflibBackend`: rdflib's in-memory store (``--engine rdflib``).

Extension point: a remote SPARQL endpoint is just another backend. A class with the
same members (``name``, ``graph``, ``select``, ``ask``, ``construct``, ``__len__``;
``update`` may simply refuse) can be passed to :class:`mzgraph.kg.KnowledgeGraph` or
returned from :func:`open_backend` (``tests/query/test_runner.py`` has a small example);
the SPARQL gate (:mod:`mzgraph.query.gate`) judges the query before any backend sees it,
so its refusals apply unchanged; the timeout runs it in a worker process
(:mod:`mzgraph.query.worker`).
"""

from __future__ import annotations

import gc
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import Protocol, runtime_checkable

import pyoxigraph as ox
from rdflib import Dataset, Graph
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID
from rdflib.namespace import XSD

from mzgraph.errors import GraphError, QueryError, UsageError
from mzgraph.rdf.io import load_graph, load_into, open_graph_file
from mzgraph.rdf.namespaces import PREFIXES, bind_prefixes
from mzgraph.rdf.terms import Term, from_ox

ENGINES = ("oxigraph", "rdflib")
DEFAULT_ENGINE = "oxigraph"

NUMERIC_TYPES = frozenset(
    str(XSD[name])
    for name in (
        "integer decimal float double int long short byte nonNegativeInteger positiveInteger "
        "nonPositiveInteger negativeInteger unsignedInt unsignedLong unsignedShort unsignedByte"
    ).split()
)


@dataclass
class SelectRows:
    """The answer to a SELECT: variable names and one tuple of terms (or ``None``) a row."""

    variables: list[str]
    rows: list[tuple[Term | None, ...]] = field(default_factory=list)
    truncated: bool = False  # more rows matched than ``max_rows``


@runtime_checkable
class Backend(Protocol):
    """What the runner needs from a store (local or remote)."""

    name: str

    @property
    def graph(self) -> Graph:
        """The data as an rdflib ``Graph`` (for the rdflib API and networkx projections)."""

    def select(self, query: str) -> SelectRows: ...

    def ask(self, query: str) -> bool: ...

    def construct(self, query: str) -> list[tuple[Term, Term, Term]]:
        """CONSTRUCT and DESCRIBE."""

    def update(self, query: str) -> None: ...

    def __len__(self) -> int: ...


# --- pyoxigraph ------------------------------------------------------------------------

_ERROR_AT = re.compile(r"error at (\d+):(\d+):\s*(.*)", re.S)


def oxigraph_syntax_error(exc: Exception, *, line_offset: int = 0) -> QueryError:
    """Oxigraph's ``error at L:C: …`` as a one-line QueryError (positions in the user's text)."""
    text = str(exc).strip()
    m = _ERROR_AT.match(text)
    if not m:
        return QueryError(f"malformed query: {_one_line(text)}")
    line, col, detail = int(m.group(1)) - line_offset, int(m.group(2)), m.group(3)
    return QueryError(f"malformed query at line {line}, column {col}: {_one_line(detail)}")


def _one_line(text: str, limit: int = 160) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


class OxigraphBackend:
    """SPARQL on a ``pyoxigraph.Store`` (in memory, or persistent in a directory)."""

    name = "oxigraph"

    def __init__(
        self, store: ox.Store | None = None, *, directory: Path | None = None, read_only: bool = False
    ) -> None:
        self.store = store if store is not None else ox.Store()
        self.directory = directory
        self.read_only = read_only
        self.notes: list[str] = []  # what the user should know about how the store was opened
        self._graph: Graph | None = None

    # loading

    @classmethod
    def from_file(cls, path: Path | str) -> OxigraphBackend:
        backend = cls()
        backend.load_file(path)
        return backend

    @classmethod
    def from_graph(cls, graph: Graph) -> OxigraphBackend:
        from oxrdflib._converter import to_ox  # the one place that maps rdflib → oxigraph terms

        backend = cls()
        # triples(), not iteration: a Dataset iterates quads; its triples are its union graph's
        triples = graph.triples((None, None, None))
        backend.store.bulk_extend(ox.Quad(to_ox(s), to_ox(p), to_ox(o), ox.DefaultGraph()) for s, p, o in triples)
        return backend

    @classmethod
    def persistent(
        cls, directory: Path | str, source: Path | str | None, *, keep: bool = False, read_only: bool = False
    ) -> OxigraphBackend:
        """Open the store in ``directory``; (re)load ``source`` unless the store holds it already.

        The store remembers which file it was loaded from and that file's SHA-256
        (:mod:`mzgraph.query.store_cache`), so a large graph is parsed once and later runs
        open it directly. A store an update has changed no longer holds ``source``: it is
        reloaded from the file (the change is dropped, with a note), unless ``keep``.
        ``read_only``: once loaded, the writable handle is closed and the folder reopened
        read-only, which lets a query worker fork from it (:attr:`can_fork`); updates are
        then refused.
        """
        # Opened by a helper, so that no reference to the writable handle outlives it here.
        return cls._open_writable(directory, source, keep=keep).reopened(read_only)

    @classmethod
    def _open_writable(cls, directory: Path | str, source: Path | str | None, *, keep: bool) -> OxigraphBackend:
        from mzgraph.query.store_cache import StoreRecord, file_stamp, sha256_of

        directory = Path(directory)
        if directory.exists() and not directory.is_dir():
            raise UsageError(f"{directory}: --store must be a directory")
        source_path = Path(source) if source is not None else None
        if source_path is not None:
            open_graph_file(source_path)  # a missing or hostile file fails before the store opens
        if source_path is None and not directory.exists():
            raise GraphError(f"{directory}: no such store, and no graph file to load into it")
        try:
            store = ox.Store(str(directory))
        except OSError as exc:
            raise GraphError(f"{directory}: cannot open the store ({_one_line(str(exc), 120)})") from exc
        backend = cls(store, directory=directory)
        record = StoreRecord.read(directory)
        if source_path is None:
            if record is None:
                raise GraphError(
                    f"{directory}: the store holds no complete graph (a load failed?); pass --graph to load one"
                )
            return backend
        if record is not None and keep:
            return backend
        stamp = file_stamp(source_path)
        digest = record.sha256 if record is not None and record.stamp == stamp else sha256_of(source_path)
        if record is not None and record.sha256 == digest and not record.modified:
            return backend
        if record is not None and record.modified:
            backend.notes.append(
                f"{directory}: an update had changed the store; reloaded it from {source_path} "
                "(--keep-store keeps the changes instead)"
            )
        # Forget what the store held first: a load that fails leaves an unmarked store,
        # which the next run reloads. That makes the bulk loader safe to use (about 3x
        # faster on disk than a transactional load, but not atomic).
        StoreRecord.forget(directory)
        store.clear()
        load_into(store, source_path, bulk=True)
        store.flush()
        StoreRecord(source=str(source_path.resolve()), sha256=digest, stamp=stamp).write(directory)
        return backend

    def reopened(self, read_only: bool) -> OxigraphBackend:
        """This on-disk store, reopened read-only if asked (the writable handle closed first)."""
        if not read_only or self.directory is None:
            return self
        directory, notes = self.directory, self.notes
        self.store = self._graph = None
        gc.collect()  # the last reference gone, RocksDB closes and its background work ends
        backend = OxigraphBackend(ox.Store.read_only(str(directory)), directory=directory, read_only=True)
        backend.notes = notes
        return backend

    def load_file(self, path: Path | str, *, bulk: bool = False) -> None:
        """Add a graph file to the store (one transaction, or Oxigraph's bulk loader)."""
        load_into(self.store, path, bulk=bulk)

    # Backend

    @property
    def graph(self) -> Graph:
        if self._graph is None:
            from oxrdflib import OxigraphStore

            # the union of the named graphs is the default graph, as for SPARQL below
            self._graph = bind_prefixes(Dataset(store=OxigraphStore(store=self.store), default_union=True))
        return self._graph

    def _run(self, query: str, line_offset: int = 0):
        try:
            return self.store.query(query, use_default_graph_as_union=True)
        except SyntaxError as exc:
            raise oxigraph_syntax_error(exc, line_offset=line_offset) from exc
        except (OSError, ValueError, RuntimeError) as exc:
            raise QueryError(f"query failed: {_one_line(str(exc))}") from exc

    def select(self, query: str, *, line_offset: int = 0, max_rows: int | None = None) -> SelectRows:
        solutions = self._run(query, line_offset)
        if not isinstance(solutions, ox.QuerySolutions):
            raise QueryError("not a SELECT query")
        names = [v.value for v in solutions.variables]
        try:  # solutions are computed as they are read: reading max_rows + 1 stops the engine
            wanted = islice(solutions, _plus_one(max_rows))
            rows = [tuple(from_ox(sol[i]) for i in range(len(names))) for sol in wanted]
        except (OSError, ValueError, RuntimeError) as exc:  # evaluation errors surface while iterating
            raise QueryError(f"query failed: {_one_line(str(exc))}") from exc
        return _capped(SelectRows(names, rows), max_rows)

    def graph_names(self) -> list[str]:
        """The named graphs of the store (what ``FROM``/``GRAPH`` can read without fetching)."""
        return [g.value for g in self.store.named_graphs() if isinstance(g, ox.NamedNode)]

    @property
    def can_fork(self) -> bool:
        """Whether a query worker may fork from this store (:mod:`mzgraph.query.worker`).

        A writable on-disk store may not: the child would read through the parent's RocksDB
        handle, whose background threads do not exist in the child, and a flush or
        compaction in flight at the fork leaves a lock held that the child waits on forever
        (1 run in 8 right after a load). Opening the folder again read-only in the child
        fails too when the writer deletes compacted files under it. A read-only handle has
        neither problem, nor has an in-memory store (shared copy-on-write).
        """
        return self.directory is None or self.read_only

    def ask(self, query: str, *, line_offset: int = 0) -> bool:
        return bool(self._run(query, line_offset))

    def construct(self, query: str, *, line_offset: int = 0) -> list[tuple[Term, Term, Term]]:
        try:
            return [
                (from_ox(t.subject), from_ox(t.predicate), from_ox(t.object)) for t in self._run(query, line_offset)
            ]
        except (OSError, ValueError, RuntimeError) as exc:
            raise QueryError(f"query failed: {_one_line(str(exc))}") from exc

    def update(self, query: str, *, line_offset: int = 0) -> None:
        if self.read_only and self.directory is not None:
            raise QueryError("the store was opened read-only for querying; updates need --allow-update")
        if self.read_only:
            raise QueryError("this store is a read-only cache of a graph file; updates need --store DIR")
        try:
            self.store.update(query)
        except SyntaxError as exc:
            raise oxigraph_syntax_error(exc, line_offset=line_offset) from exc
        except (OSError, ValueError, RuntimeError) as exc:
            raise QueryError(f"update failed: {_one_line(str(exc))}") from exc
        if self.directory is not None:
            from mzgraph.query.store_cache import StoreRecord

            self.store.flush()
            StoreRecord.mark_modified(self.directory)

    def __len__(self) -> int:
        """Distinct triples of the union of the graphs (what a query sees)."""
        solutions = self.store.query(
            "SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?s ?p ?o WHERE { ?s ?p ?o } }",
            use_default_graph_as_union=True,
        )
        return int(next(iter(solutions))[0].value)


# --- rdflib ----------------------------------------------------------------------------


def rdflib_syntax_error(exc: Exception, *, line_offset: int = 0) -> QueryError:
    line, col = getattr(exc, "lineno", None), getattr(exc, "col", None)
    msg = getattr(exc, "msg", None) or str(exc)
    if line is None:
        return QueryError(f"malformed query: {_one_line(msg)}")
    return QueryError(f"malformed query at line {line - line_offset}, column {col}: {_one_line(msg)}")


def _plus_one(max_rows: int | None) -> int | None:
    return max_rows + 1 if max_rows else None


def _capped(rows: SelectRows, max_rows: int | None) -> SelectRows:
    if max_rows and len(rows.rows) > max_rows:
        return SelectRows(rows.variables, rows.rows[:max_rows], truncated=True)
    return rows


class RdflibBackend:
    """SPARQL on an rdflib ``Graph`` (rdflib's own evaluator; the memory store by default)."""

    name = "rdflib"

    def __init__(self, graph: Graph) -> None:
        self._graph = graph

    @classmethod
    def from_file(cls, path: Path | str) -> RdflibBackend:
        """A graph file in rdflib's memory store; a TriG or N-Quads file as a Dataset whose
        default graph is the union of its graphs (``GRAPH`` still names each one)."""
        return cls(load_graph(path, keep_graphs=True))

    @property
    def graph(self) -> Graph:
        return self._graph

    def _run(self, query: str, line_offset: int):
        from pyparsing import ParseException

        try:
            return self._graph.query(query)
        except ParseException as exc:
            raise rdflib_syntax_error(exc, line_offset=line_offset) from exc
        except Exception as exc:  # rdflib's evaluator raises many kinds (unknown prefix, type errors)
            raise QueryError(f"query failed: {_one_line(str(exc) or type(exc).__name__)}") from exc

    def select(self, query: str, *, line_offset: int = 0, max_rows: int | None = None) -> SelectRows:
        result = self._run(query, line_offset)
        if result.type != "SELECT":
            raise QueryError("not a SELECT query")
        names = [str(v) for v in result.vars]
        return _capped(SelectRows(names, [tuple(row) for row in islice(result, _plus_one(max_rows))]), max_rows)

    @property
    def holds_named_graphs(self) -> bool:
        """A Dataset (from TriG or N-Quads) answers GRAPH and FROM NAMED; on a plain Graph
        rdflib's evaluator fails on them."""
        return isinstance(self._graph, Dataset)

    def graph_names(self) -> list[str]:
        if not isinstance(self._graph, Dataset):
            return []
        return [str(g.identifier) for g in self._graph.graphs() if g.identifier != DATASET_DEFAULT_GRAPH_ID]

    def ask(self, query: str, *, line_offset: int = 0) -> bool:
        return bool(self._run(query, line_offset).askAnswer)

    def construct(self, query: str, *, line_offset: int = 0) -> list[tuple[Term, Term, Term]]:
        return list(self._run(query, line_offset))

    def update(self, query: str, *, line_offset: int = 0) -> None:
        from pyparsing import ParseException

        try:
            self._graph.update(query)
        except ParseException as exc:
            raise rdflib_syntax_error(exc, line_offset=line_offset) from exc
        except Exception as exc:
            raise QueryError(f"update failed: {_one_line(str(exc) or type(exc).__name__)}") from exc

    def __len__(self) -> int:
        return len(self._graph)


# --- choosing one ----------------------------------------------------------------------


def open_backend(
    source: Path | str | Graph | None,
    *,
    engine: str = DEFAULT_ENGINE,
    store: Path | str | None = None,
    keep_store: bool = False,
    cache: bool = True,
    read_only: bool = False,
) -> Backend:
    """A backend holding ``source`` (a graph file or an rdflib Graph).

    ``store`` is a directory for a persistent Oxigraph store: the file is loaded into it
    once and reopened on later calls (reloaded when the file's content changes, or when an
    update changed the store, unless ``keep_store``). Without one, a graph file of at least
    ``store_cache.MIN_BYTES`` is opened from the read-only store cache
    (:mod:`mzgraph.query.store_cache`) unless ``cache`` is false. ``read_only`` reopens a
    ``store`` read-only after the load, so a timeout can stop its queries
    (:attr:`OxigraphBackend.can_fork`).
    """
    if engine not in ENGINES:
        raise UsageError(f"unknown engine {engine!r} (choose from {', '.join(ENGINES)})")
    if store is not None:
        if engine != "oxigraph":
            raise UsageError("--store needs the oxigraph engine (rdflib's memory store cannot persist)")
        if isinstance(source, Graph):
            raise UsageError("a persistent store loads graph files, not in-memory graphs")
        return OxigraphBackend.persistent(store, source, keep=keep_store, read_only=read_only)
    if source is None:
        raise UsageError("no graph to query")
    if isinstance(source, Graph):
        if engine == "rdflib":
            return RdflibBackend(source)
        return OxigraphBackend.from_graph(source)
    if engine == "rdflib":
        return RdflibBackend.from_file(source)
    if cache:
        from mzgraph.query import store_cache

        path, _ = open_graph_file(source)
        if path.stat().st_size >= store_cache.MIN_BYTES:
            try:
                return OxigraphBackend(store_cache.cached_store(path), read_only=True)
            except OSError:
                pass  # no writable cache folder: read into memory as for a small file
    return OxigraphBackend.from_file(source)


def iter_prefixes() -> Iterator[tuple[str, str]]:
    """(prefix, namespace IRI) pairs, longest namespace first (for compacting IRIs)."""
    return iter(sorted(((p, str(ns)) for p, ns in PREFIXES.items()), key=lambda pn: (-len(pn[1]), pn[0])))


def compact_iri(iri: str, prefixes: Iterable[tuple[str, str]] | None = None) -> str:
    """``https://w3id.org/mzgraph/resource/place/360500`` → ``mzr:place/360500``."""
    for prefix, ns in prefixes if prefixes is not None else iter_prefixes():
        if iri.startswith(ns) and len(iri) > len(ns):
            return f"{prefix}:{iri[len(ns) :]}"
    return iri
