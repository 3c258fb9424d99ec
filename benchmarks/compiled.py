"""Start-up as a user has it: the package's modules compiled to bytecode before timing.

pip compiles a package's modules when it installs it, and a plain interpreter writes the
bytecode of what it imports; with ``PYTHONDONTWRITEBYTECODE`` set (the shells of the machine
these benchmarks were written on set it) an editable install never gets any, and every new
``mzgraph`` process compiles its ~60 modules from source again: 0.1-0.2 s that no user pays,
and most of what a rebuild from cache or ``--help`` costs. The benchmarks that time new
processes call :func:`ensure_bytecode` first (it writes ``__pycache__`` beside the sources,
as the first run of a normal interpreter would).
"""

from __future__ import annotations

import compileall
from pathlib import Path

import mzgraph


def ensure_bytecode() -> None:
    """Compile the mzgraph package's modules where their bytecode is missing or stale."""
    compileall.compile_dir(Path(mzgraph.__file__).parent, quiet=1)
