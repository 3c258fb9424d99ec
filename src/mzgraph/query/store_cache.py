"""On-disk Oxigraph stores that spare a big graph file a parse on every question.

``mzgraph query`` (and ``stats``, ``report``, ``path``, ``view``, ``kg.load``) on a graph
file of at least :data:`MIN_BYTES` opens a store cached under the file's SHA-256:

* where: ``$MZGRAPH_CACHE_DIR/stores``, else ``$XDG_CACHE_HOME/mzgraph/stores``, else
  ``~/.cache/mzgraph/stores``. A user cache folder rather than one beside the graph: the
  graph's folder may be read-only or shared, and a copy of the same file (same hash) reuses
  the same store;
* keyed by content, so a changed file never meets a stale store; hashing a big file costs
  a read of it, so the index also notes each file's size, mtime, ctime and inode and
  trusts the hash while those are unchanged (as git's index does);
* built in a temporary folder and renamed into place, so a crash or a concurrent run never
  leaves a half-loaded store under a valid name; opened read-only, so nothing changes it
  (updates go to an in-memory copy, or to ``--store DIR``);
* one store per graph file path: when the file changes, the store of its previous
  content is removed (unless another path still uses it).

A ``--store DIR`` the user names records the same facts in ``DIR/mzgraph-store.json``,
plus whether an update has changed it since it was loaded.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from dataclasses import asdict, dataclass
from pathlib import Path

import pyoxigraph as ox

from mzgraph.cache import content_hash as sha256_of
from mzgraph.rdf.io import atomic_write_text, load_into

MIN_BYTES = int(os.environ.get("MZGRAPH_STORE_CACHE_MIN_BYTES", 4 << 20))  # below this an in-memory parse is faster
RECORD_NAME = "mzgraph-store.json"
_INDEX_NAME = "index.json"


def cache_root() -> Path:
    """The folder cached stores live in (see the module docstring)."""
    if os.environ.get("MZGRAPH_CACHE_DIR"):
        return Path(os.environ["MZGRAPH_CACHE_DIR"]) / "stores"
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "mzgraph" / "stores"


def file_stamp(path: Path) -> list[int]:
    """What changes when a file's content may have: size, mtime, ctime, inode."""
    st = path.stat()
    return [st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino]


@dataclass
class StoreRecord:
    """Which graph file a store holds (kept beside the data, never in it: queries see all graphs)."""

    source: str
    sha256: str
    stamp: list[int]
    modified: bool = False  # an update has changed the store since it was loaded

    @classmethod
    def read(cls, directory: Path) -> StoreRecord | None:
        try:
            data = json.loads((directory / RECORD_NAME).read_text(encoding="utf-8"))
            return cls(**data)
        except (OSError, ValueError, TypeError):
            return None  # no record, or not ours: the store is treated as holding nothing known

    def write(self, directory: Path) -> None:
        atomic_write_text(directory / RECORD_NAME, json.dumps(asdict(self), indent=1))

    @staticmethod
    def forget(directory: Path) -> None:
        (directory / RECORD_NAME).unlink(missing_ok=True)

    @classmethod
    def mark_modified(cls, directory: Path) -> None:
        record = cls.read(directory)
        if record is not None and not record.modified:
            record.modified = True
            record.write(directory)


def _read_index(root: Path) -> dict:
    try:
        index = json.loads((root / _INDEX_NAME).read_text(encoding="utf-8"))
        return index if isinstance(index, dict) else {}
    except (OSError, ValueError):
        return {}


def cached_store(path: Path) -> ox.Store:
    """A read-only store holding ``path``, from the cache or loaded into it now.

    Raises GraphError for a graph file that cannot be read, OSError when the cache folder
    cannot be written (the caller then loads into memory instead).
    """
    root = cache_root()
    root.mkdir(parents=True, exist_ok=True)
    key = str(path.resolve())
    index = _read_index(root)
    stamp = file_stamp(path)
    known = index.get(key)
    digest = known["sha256"] if isinstance(known, dict) and known.get("stamp") == stamp else sha256_of(path)
    folder = root / digest
    if StoreRecord.read(folder) is None:
        _build(path, folder, StoreRecord(source=key, sha256=digest, stamp=stamp))
    if not isinstance(known, dict) or known.get("sha256") != digest or known.get("stamp") != stamp:
        index = _read_index(root)  # re-read: another run may have added files meanwhile
        previous = index.get(key, {}).get("sha256") if isinstance(index.get(key), dict) else None
        index[key] = {"sha256": digest, "stamp": stamp}
        atomic_write_text(root / _INDEX_NAME, json.dumps(index, indent=1, sort_keys=True))
        in_use = {v.get("sha256") for v in index.values() if isinstance(v, dict)}
        if previous and previous != digest and previous not in in_use:
            shutil.rmtree(root / previous, ignore_errors=True)
    return ox.Store.read_only(str(folder))


def _build(path: Path, folder: Path, record: StoreRecord) -> None:
    tmp = Path(tempfile.mkdtemp(prefix=f".{folder.name[:12]}.", dir=folder.parent))
    try:
        store = ox.Store(str(tmp))
        load_into(store, path, bulk=True)
        store.flush()
        del store  # closes the database before the folder is renamed
        record.write(tmp)
        try:
            os.rename(tmp, folder)
        except OSError:
            if StoreRecord.read(folder) is None:  # not a concurrent run that finished first
                raise
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
