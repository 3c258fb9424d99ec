"""Reading and writing graph files, and the safety rules of every output.

Every graph file mzgraph reads passes :func:`open_graph_file` (a regular file, its format
from :mod:`mzgraph.rdf.formats`, nothing that reaches outside it) and is parsed by Oxigraph:
:func:`load_into` fills a store, :func:`load_graph` makes an rdflib ``Graph``, :func:`iter_quads`
streams the quads.

* every write goes to a temporary file beside the target that is renamed into place
  (:func:`atomic_write`); outputs that must land together (a build's graph and its view)
  are all written first and then renamed back to back (:func:`staged_outputs`);
* no command writes over one of its inputs (:func:`refuse_overwriting`);
* one process at a time writes an output (:func:`output_lock`).
"""

from __future__ import annotations

import errno
import fcntl
import os
import stat
import tempfile
from collections.abc import Callable, Iterable, Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from mzgraph.errors import GraphError, OutputError, UsageError
from mzgraph.rdf.formats import Format, format_for_path

if TYPE_CHECKING:  # rdflib is imported where a Graph is made: a view reads quads without it
    from rdflib import Graph


def _file_mode() -> int:
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


_FILE_MODE = _file_mode()


def _cannot_write(path: Path, exc: OSError) -> OutputError:
    blocker = next((p for p in path.parents if p.exists() and not p.is_dir()), None)
    why = f"{blocker} is a file, not a folder" if blocker else exc.strerror or str(exc)
    return OutputError(f"{path}: cannot write here ({why}); choose another path")


def ensure_folder(path: Path | str) -> None:
    """Make the folder ``path`` goes in, or raise OutputError: commands call it before long
    work, so that an output path that cannot be written fails at once, in one line."""
    path = Path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise _cannot_write(path, exc) from exc


def atomic_write(path: Path | str, writer: Callable[[BinaryIO], None]) -> None:
    """Call ``writer`` with a temporary file beside ``path``, then rename it into place.

    A failure or a kill midway leaves the previous ``path`` untouched.
    """
    path = Path(path)
    ensure_folder(path)
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as exc:
        raise _cannot_write(path, exc) from exc
    try:
        with os.fdopen(fd, "wb") as f:
            writer(f)
            f.flush()
            os.fsync(f.fileno())
        os.chmod(tmp, _FILE_MODE)  # mkstemp makes 0600; give the file the mode open() would
        os.replace(tmp, path)
    except BaseException as exc:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        if isinstance(exc, OSError) and exc.errno in _WRITE_ERRORS:
            raise OutputError(f"{path}: not written ({exc.strerror}); the previous file is unchanged") from exc
        raise


# errors of writing the file itself (the writer may raise other OSErrors, e.g. reading its input)
_WRITE_ERRORS = {errno.ENOSPC, errno.EDQUOT, errno.EFBIG, errno.EROFS, errno.EISDIR, errno.ENOTDIR, errno.EACCES}


def atomic_write_text(path: Path | str, text: str, encoding: str = "utf-8") -> None:
    atomic_write(path, lambda f: f.write(text.encode(encoding)))


def graph_file_format(path: Path) -> Format:
    """What a graph file is, by the format table: refuses what is not a regular file (a FIFO
    would hang the reader, a device never end) before anything opens it."""
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        raise GraphError(f"{path}: no such graph file (run `mzgraph build` first, or pass --graph)") from None
    except OSError as exc:
        raise GraphError(f"{path}: cannot read the graph file ({exc.strerror or exc})") from None
    if stat.S_ISDIR(mode):
        raise GraphError(f"{path}: is a folder, not a graph file")
    if not stat.S_ISREG(mode):
        raise GraphError(f"{path}: not a regular file (a device, FIFO or socket); graphs are read from files")
    return format_for_path(path)


def check_local(path: Path, fmt: Format) -> None:
    """Refuse what would make reading a graph reach outside the file or blow up in memory.

    JSON-LD: a ``@context`` or ``@import`` naming a URL or a file (http, https, file, or
    relative) would be fetched; mzgraph's own JSON-LD carries its context inline.
    RDF/XML: external or parameter entities are refused, and a document that declares
    entities is first read by expat, whose amplification limit stops "billion laughs"
    after a few MB (Oxigraph's reader expands entities without a bound).
    """
    if fmt.name == "jsonld":
        _check_jsonld_contexts(path)
    elif fmt.name == "rdfxml":
        _check_xml_entities(path)


def _check_jsonld_contexts(path: Path) -> None:
    import json

    try:
        with open(path, "rb") as f:
            doc = json.load(f)
    except (ValueError, RecursionError) as exc:
        raise GraphError(f"{path}: not a readable JSON-LD graph ({_first_line(exc)})") from None
    pending = [doc]  # an explicit stack: nesting depth must not reach Python's recursion limit
    while pending:
        node = pending.pop()
        if isinstance(node, list):
            pending.extend(node)
        elif isinstance(node, dict):
            for key, value in node.items():
                if key in ("@context", "@import"):
                    for ref in value if isinstance(value, list) else [value]:
                        if isinstance(ref, str):
                            raise GraphError(
                                f"{path}: JSON-LD {key} {ref!r} is not fetched (reading a graph never reaches "
                                "the network or other files); put the context inline"
                            )
                pending.append(value)


class _DoctypeRead(Exception):
    """Raised by the expat handlers once the DTD (where entities are declared) is behind."""


def _check_xml_entities(path: Path) -> None:
    import pyexpat

    declared: list[str] = []

    def on_entity(name, is_parameter, value, base, system_id, public_id, notation):
        if is_parameter or value is None:
            raise GraphError(
                f"{path}: RDF/XML declares the {'parameter' if is_parameter else 'external'} entity {name!r}; "
                "refused (reading a graph never loads other files)"
            )
        declared.append(name)

    def done(*_):
        raise _DoctypeRead

    def expat_error(exc: pyexpat.ExpatError) -> GraphError:
        return GraphError(f"{path}: not a readable RDF/XML graph ({_first_line(exc)})")

    dtd = pyexpat.ParserCreate()
    dtd.EntityDeclHandler = on_entity
    dtd.EndDoctypeDeclHandler = done
    dtd.StartElementHandler = done
    try:
        with open(path, "rb") as f:
            for chunk in iter(lambda: f.read(1 << 16), b""):
                dtd.Parse(chunk, False)
            dtd.Parse(b"", True)
    except _DoctypeRead:
        pass
    except pyexpat.ExpatError as exc:
        raise expat_error(exc) from None
    if not declared:
        return
    body = pyexpat.ParserCreate()  # no handlers: only expat's own expansion accounting runs
    try:
        with open(path, "rb") as f:
            for chunk in iter(lambda: f.read(1 << 16), b""):
                body.Parse(chunk, False)
            body.Parse(b"", True)
    except pyexpat.ExpatError as exc:
        raise GraphError(
            f"{path}: RDF/XML entities expand too far or are malformed ({_first_line(exc)}); refused"
        ) from None


def _first_line(exc: BaseException) -> str:
    text = " ".join(str(exc).split())
    return (text[:157] + "…" if len(text) > 160 else text) or type(exc).__name__


def open_graph_file(path: Path | str) -> tuple[Path, Format]:
    """The one gate every graph file passes before a parser sees it: a regular file, its
    format from the table, nothing in it that reaches out. Returns the path and format."""
    path = Path(path)
    fmt = graph_file_format(path)
    check_local(path, fmt)
    return path, fmt


def _parse_options(path: Path, fmt: Format) -> dict:
    # relative IRIs resolve against the file, as rdflib does; N-Triples and N-Quads allow none
    options = {"path": str(path), "format": fmt.oxigraph}
    if fmt.name not in ("nt", "nquads"):
        options["base_iri"] = path.resolve().as_uri()
    return options


def unreadable(path: Path, exc: BaseException) -> GraphError:
    return GraphError(f"{path}: not a readable RDF graph ({_first_line(exc)})")


def load_into(store, path: Path | str, *, bulk: bool = False) -> Format:
    """Load a graph file into a ``pyoxigraph.Store``, named graphs kept as they are.

    ``bulk`` uses Oxigraph's bulk loader (fast, not transactional) instead of one
    all-or-nothing transaction. Queries see the union of the graphs as the default graph
    (:mod:`mzgraph.query.store` asks Oxigraph for that), so a TriG or N-Quads file answers
    like the Turtle of the same build.
    """
    path, fmt = open_graph_file(path)
    try:
        if bulk:
            store.bulk_load(**_parse_options(path, fmt))
        else:
            store.load(**_parse_options(path, fmt))
    except (SyntaxError, ValueError, OSError) as exc:
        raise unreadable(path, exc) from exc
    return fmt


def iter_quads(path: Path | str) -> Iterator:
    """The quads of a graph file (``pyoxigraph.Quad``, the file's named graphs kept), streamed
    by Oxigraph's parser through the same gate as :func:`load_into`; a file that does not
    parse is a ``GraphError``, raised when the parser reaches the fault."""
    import pyoxigraph as ox

    path, fmt = open_graph_file(path)
    try:
        yield from ox.parse(**_parse_options(path, fmt))
    except (SyntaxError, ValueError, OSError) as exc:
        raise unreadable(path, exc) from exc


def load_graph(path: Path | str, *, keep_graphs: bool = False) -> Graph:
    """A graph file as an rdflib ``Graph``: the union of its graphs (a TriG or N-Quads file's
    named graphs merged), read from :func:`iter_quads`.

    ``keep_graphs`` returns a TriG or N-Quads file as an rdflib ``Dataset`` instead, its
    default graph the union of the named graphs (SPARQL ``GRAPH`` still names each).
    """
    import pyoxigraph as ox
    from rdflib import Dataset, Graph

    from mzgraph.rdf.namespaces import bind_prefixes
    from mzgraph.rdf.terms import from_ox

    dataset = keep_graphs and graph_file_format(Path(path)).dataset
    g = bind_prefixes(Dataset(default_union=True) if dataset else Graph())
    quads = iter_quads(path)
    if dataset:
        for quad in quads:
            name = quad.graph_name
            target = g.default_context if isinstance(name, ox.DefaultGraph) else g.graph(from_ox(name))
            target.add((from_ox(quad.subject), from_ox(quad.predicate), from_ox(quad.object)))
    else:
        add = g.add
        for quad in quads:
            add((from_ox(quad.subject), from_ox(quad.predicate), from_ox(quad.object)))
    return g


def _identity(path: Path) -> tuple[int, int] | None:
    try:
        st = path.stat()
    except OSError:
        return None
    return (st.st_dev, st.st_ino)


def refuse_overwriting(inputs: Iterable[Path | str | None], outputs: Iterable[Path | str | None]) -> None:
    """UsageError, in one line, if an output is one of the inputs (the same file, by any
    path or link) or two outputs are one file. Every command that writes calls this
    (None entries, options not given, are skipped)."""
    read = {}
    for p in inputs:
        if p is None:
            continue
        ident = _identity(Path(p))
        if ident is not None:
            read.setdefault(ident, Path(p))
    written: dict = {}
    for out in outputs:
        if out is None:
            continue
        out = Path(out)
        ident = _identity(out)
        if ident is not None and ident in read:
            raise UsageError(f"{out}: is an input of this command ({read[ident]}); give another output path")
        key = ident or os.path.abspath(out)
        if key in written:
            raise UsageError(f"{out}: given for two outputs ({written[key]} too); give each its own path")
        written[key] = out


@contextmanager
def output_lock(paths: Iterable[Path | str]) -> Iterator[None]:
    """Hold an exclusive lock per output path while writing; an output another mzgraph
    process is writing is refused at once (OutputError), never interleaved. The lock files
    (``.<name>.lock`` beside each output) stay, empty; a lock dies with its process."""
    with ExitStack() as stack:
        # in the order given, so a refusal names the first output (never blocks: LOCK_NB)
        for path in dict.fromkeys(Path(os.path.abspath(p)) for p in paths):
            ensure_folder(path)
            lock_path = path.parent / f".{path.name}.lock"
            try:
                f = stack.enter_context(open(lock_path, "a+b"))
            except OSError as exc:
                raise _cannot_write(path, exc) from exc
            try:
                fcntl.flock(f.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                raise OutputError(
                    f"{path}: another mzgraph process is writing it; wait for it to finish, or choose another output"
                ) from None
        yield


class StagedOutputs(list):
    """The temporary paths of :func:`staged_outputs`, in the order of the outputs."""

    cancelled = False

    def __init__(self, paths):
        super().__init__(paths)
        self.dropped: set[int] = set()

    def cancel(self) -> None:
        """Rename nothing: every output keeps its previous content."""
        self.cancelled = True

    def drop(self, index: int) -> None:
        """Leave the ``index``-th output as it was (it is not written this time)."""
        self.dropped.add(index)


@contextmanager
def staged_outputs(paths: Iterable[Path | str]) -> Iterator[StagedOutputs]:
    """Temporary paths beside each output, to be written (e.g. with :func:`atomic_write`);
    on a normal exit they are renamed into place one right after the other, only once all
    are complete. On an error, a kill or :meth:`StagedOutputs.cancel`, nothing is renamed
    and the temporary files go: the outputs keep their previous content as a pair.

    What a reader can see: the old set of files, or the new one; a kill in the
    microseconds between two renames leaves the first renamed output new and the others
    old, and the build's next run replaces them all.
    """
    paths = [Path(p) for p in paths]
    staged = StagedOutputs(p.parent / f".{p.name}.{os.getpid()}.staged.tmp" for p in paths)
    try:
        yield staged
        if not staged.cancelled:
            for index, (tmp, path) in enumerate(zip(staged, paths, strict=True)):
                if index in staged.dropped:
                    continue
                try:
                    os.replace(tmp, path)
                except OSError as exc:
                    raise OutputError(f"{path}: not written ({exc.strerror}); the previous file is unchanged") from exc
    finally:
        for tmp in staged:
            try:
                os.unlink(tmp)
            except OSError:
                pass
