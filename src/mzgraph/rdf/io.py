"""Reading and writing graph files; every write goes to a temporary file that is renamed."""

from __future__ import annotations

import errno
import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from rdflib import Dataset, Graph

from mzgraph.errors import GraphError, OutputError
from mzgraph.rdf.formats import format_for_path
from mzgraph.rdf.namespaces import bind_prefixes


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


def load_graph(path: Path | str) -> Graph:
    path = Path(path)
    if not path.exists():
        raise GraphError(f"{path}: no such graph file (run `mzgraph build` first, or pass --graph)")
    g = bind_prefixes(Graph())
    fmt = format_for_path(path)
    try:
        if fmt.dataset:
            # a plain Graph silently drops named graphs: read a Dataset, keep the union
            ds = Dataset()
            ds.parse(path, format=fmt.rdflib)
            for s, p, o, _ in ds.quads((None, None, None, None)):
                g.add((s, p, o))
        else:
            g.parse(path, format=fmt.rdflib)
    except Exception as exc:  # rdflib raises many kinds of parser errors
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise GraphError(f"{path}: not a readable RDF graph ({first})") from exc
    return g
