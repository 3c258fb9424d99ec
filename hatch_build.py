"""Build hook: the extraction modules compiled with Cython, from their own Python source.

Extraction runs ~30 pieces of Python once per name or figure found; compiled by Cython the
same source runs about a tenth faster (``benchmarks/extract_speed.py``, issue 14). There
is one source: the ``.py`` files are what is compiled, and what runs where nothing was
compiled (no C compiler, ``MZGRAPH_COMPILE=0``, or a compile that failed: the build
says so in one line and goes on, pure Python).

An editable install compiles in place, beside the sources; a wheel carries the compiled
modules beside them. Either way ``mzgraph/extract/compiled.json`` records each module's
source hash, and ``mzgraph.extract`` loads a module from its ``.py`` wherever that
source changed since (an edit after ``pip install -e .``): a stale compiled module never
runs. ``tests/extract/test_compiled.py`` checks the two give the same extraction.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sys
import sysconfig
import tempfile
from pathlib import Path

from hatchling.builders.hooks.plugin.interface import BuildHookInterface

PACKAGE = Path("src/mzgraph/extract")
# the modules on extraction's hot path (lexicon only loads word lists once)
MODULES = ("extractor", "quantities", "agencies", "places", "programs", "policies", "dates", "text")
MANIFEST = "compiled.json"
DIRECTIVES = {
    "language_level": 3,
    # annotations are documentation here, not C types: a list[str] may be given a tuple
    "annotation_typing": False,
    # functions as C functions (no Python function object per call): a few per cent
    "binding": False,
}


def source_hash(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


class CustomBuildHook(BuildHookInterface):
    def initialize(self, version: str, build_data: dict) -> None:
        root = Path(self.root)
        # (in-place modules of an earlier editable install are git-ignored, so never packed)
        if os.environ.get("MZGRAPH_COMPILE", "1") == "0":
            self._not_compiled(root, version, "MZGRAPH_COMPILE=0")
            return
        try:
            built = self._compile(root, inplace=version == "editable")
        except Exception as e:  # noqa: BLE001 (any failure: the pure-Python install still works)
            why = str(e).strip().splitlines()[0] if str(e).strip() else ""
            self._not_compiled(root, version, f"{type(e).__name__}: {why}")
            return
        manifest = {m: source_hash(root / PACKAGE / f"{m}.py") for m in MODULES}
        if version == "editable":
            (root / PACKAGE / MANIFEST).write_text(json.dumps(manifest, indent=1, sort_keys=True) + "\n")
            return
        staging = Path(tempfile.mkdtemp(prefix="mzgraph-build-"))
        (staging / MANIFEST).write_text(json.dumps(manifest, indent=1, sort_keys=True) + "\n")
        build_data["force_include"][str(staging / MANIFEST)] = f"mzgraph/extract/{MANIFEST}"
        for path in built:
            build_data["force_include"][str(path)] = f"mzgraph/extract/{path.name}"
        build_data["pure_python"] = False
        build_data["infer_tag"] = True

    def _compile(self, root: Path, inplace: bool) -> list[Path]:
        from Cython.Build import cythonize
        from setuptools import Distribution, Extension

        sources = [str(PACKAGE / f"{m}.py") for m in MODULES]
        # (no debug information: a tenth of the size, nothing slower)
        extensions = [
            Extension(f"mzgraph.extract.{m}", [s], extra_compile_args=["-g0"])
            for m, s in zip(MODULES, sources, strict=True)
        ]
        build_temp = Path(tempfile.mkdtemp(prefix="mzgraph-cython-"))
        cwd = os.getcwd()
        os.chdir(root)  # (setuptools resolves sources and package_dir from here)
        try:
            extensions = cythonize(
                extensions, compiler_directives=DIRECTIVES, build_dir=str(build_temp / "c"), quiet=True, force=True
            )
            dist = Distribution({"name": "mzgraph", "ext_modules": extensions, "package_dir": {"": "src"}})
            cmd = dist.get_command_obj("build_ext")
            cmd.inplace = inplace
            cmd.build_temp = str(build_temp / "obj")
            cmd.build_lib = str(build_temp / "lib")
            cmd.parallel = os.cpu_count() or 1
            cmd.ensure_finalized()
            cmd.run()
        finally:
            os.chdir(cwd)
        suffix = sysconfig.get_config_var("EXT_SUFFIX")
        where = root / PACKAGE if inplace else build_temp / "lib" / "mzgraph" / "extract"
        built = [where / f"{m}{suffix}" for m in MODULES]
        missing = [p.name for p in built if not p.exists()]
        if missing:
            raise RuntimeError(f"not built: {', '.join(missing)}")
        if inplace:
            shutil.rmtree(build_temp, ignore_errors=True)
        self._say(f"extraction compiled with Cython: {len(built)} modules")
        return built

    def _not_compiled(self, root: Path, version: str, why: str) -> None:
        if version == "editable":  # what an earlier install compiled in place goes too
            (root / PACKAGE / MANIFEST).unlink(missing_ok=True)
            for module in MODULES:
                for old in (root / PACKAGE).glob(f"{module}.*.so"):
                    old.unlink()
        self._say(f"extraction not compiled ({why}): it runs as Python")

    @staticmethod
    def _say(message: str) -> None:
        print(f"mzgraph build: {message}", file=sys.stderr)
