"""Extraction: clean text → typed mentions and relation candidates. No RDF here.

``extract(document)`` returns an :class:`~mzgraph.model.Extraction`. The finders live one
module a type (``places``, ``agencies``, ``policies``, ``programs``, ``quantities``) and
``extractor`` strings them together and adds the relations stated in each sentence.

An install compiles the modules on the hot path with Cython, from these same sources
(``hatch_build.py``). This package's own ``__init__`` (never compiled) loads a module
from its ``.py`` wherever the compiled one is not of that exact source (the file was
edited after ``pip install -e .``), and everywhere when ``MZGRAPH_COMPILED=0``: a stale
compiled module never runs. :func:`compiled_modules` tells which ones run compiled.
"""

from __future__ import annotations

import hashlib
import importlib.machinery
import importlib.util
import json
import os
import sys
from pathlib import Path

MANIFEST = "compiled.json"  # module → sha256 of the source it was compiled from (hatch_build.py)


class _FromSource:
    """A meta path finder that loads the named modules from their ``.py`` files."""

    def __init__(self, paths: dict[str, Path]):
        self.paths = paths

    def find_spec(self, fullname, path=None, target=None):
        source = self.paths.get(fullname)
        if source is None:
            return None
        loader = importlib.machinery.SourceFileLoader(fullname, str(source))
        return importlib.util.spec_from_file_location(fullname, source, loader=loader)


def compiled_files(here: Path) -> dict[str, Path]:
    """Module name → its compiled file in ``here``, for the modules that have one beside
    their source."""
    found = {}
    for suffix in importlib.machinery.EXTENSION_SUFFIXES:
        for path in here.glob(f"*{suffix}"):
            found.setdefault(path.name[: -len(suffix)], path)
    return {m: p for m, p in found.items() if (here / f"{m}.py").exists()}


def route(here: Path, package: str, wanted: bool = True) -> tuple[set[str], _FromSource | None]:
    """Which compiled modules of ``here`` may run (the manifest there holds the hash of
    their very source), and a finder that loads the others from their ``.py``."""
    compiled = compiled_files(here)
    if not compiled:
        return set(), None
    try:
        recorded = json.loads((here / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        recorded = {}
    fresh = {
        m for m in compiled if wanted and recorded.get(m) == hashlib.sha256((here / f"{m}.py").read_bytes()).hexdigest()
    }
    stale = {f"{package}.{m}": here / f"{m}.py" for m in compiled if m not in fresh}
    return fresh, _FromSource(stale) if stale else None


_fresh, _finder = route(Path(__file__).parent, __name__, os.environ.get("MZGRAPH_COMPILED", "1") != "0")
if _finder is not None:
    sys.meta_path.insert(0, _finder)
_COMPILED = frozenset(_fresh)


def compiled_modules() -> list[str]:
    """The extraction modules that run compiled in this process (none: pure Python)."""
    loaders = {m: getattr(sys.modules.get(f"{__name__}.{m}"), "__loader__", None) for m in _COMPILED}
    return sorted(m for m, loader in loaders.items() if isinstance(loader, importlib.machinery.ExtensionFileLoader))


from mzgraph.extract.extractor import extract  # noqa: E402 (after the routing above)

__all__ = ["compiled_modules", "extract"]
