"""The compiled extraction modules (hatch_build.py) against their own Python source.

The install compiles the hot modules with Cython; these tests hold it to three promises:
compiled and pure-Python extraction give the same mentions and relations; a module whose
source changed after it was compiled runs from its source; ``MZGRAPH_COMPILED=0`` runs
them all as Python.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import mzgraph
from mzgraph import extract as extraction
from mzgraph.extract import MANIFEST, compiled_modules, route

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = Path(extraction.__file__).parent

# Extraction over varied inputs, printed as one digest per input: the development report
# and the held-out reports as they are, as one line, with every sentence end a comma, and
# synthetic reports. Run once compiled and once with MZGRAPH_COMPILED=0.
DIGESTS = r"""
import hashlib, re, sys
from pathlib import Path
from mzgraph.extract import compiled_modules, extract
from mzgraph.ingest import read_document
from mzgraph.model import SourceDocument
from mzgraph.synth import generate_report

root = Path(sys.argv[1])
docs = [read_document(p) for p in [root / "data/jiangxi-civil-affairs-2019.txt",
                                    *sorted((root / "tests/extract/heldout").glob("*.txt"))]]
inputs = []
for d in docs:
    inputs += [d, SourceDocument(doc_id="a", path="a.txt", text=d.text.replace("\n", "")),
               SourceDocument(doc_id="b", path="b.txt", text=re.sub(r"[。！？；\n]", "，", d.text))]
inputs += [SourceDocument(doc_id=f"s{i}", path=f"s{i}.txt", text=generate_report(i, seed=3)) for i in range(20)]
print(",".join(compiled_modules()))
for doc in inputs:
    x = extract(doc)
    print(hashlib.sha256(repr((x.mentions, x.relations)).encode()).hexdigest())
"""


def _digests(**env: str) -> list[str]:
    out = subprocess.run(
        [sys.executable, "-c", DIGESTS, str(ROOT)],
        env={**os.environ, **env},
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split("\n")
    return out


def test_compiled_and_python_extraction_agree():
    if not compiled_modules():
        pytest.skip("extraction is not compiled here (no C compiler at install, or MZGRAPH_COMPILE=0)")
    compiled = _digests(MZGRAPH_COMPILED="1")
    python = _digests(MZGRAPH_COMPILED="0")
    assert compiled[0].split(",") == compiled_modules()
    assert python[0] == ""  # nothing compiled runs
    assert len(compiled) > 60
    assert compiled[1:] == python[1:]


def _fake_package(tmp_path: Path, record: dict[str, str]) -> Path:
    """A package folder with two sources, a file standing for each one's compiled module
    and a manifest with ``record``."""
    here = tmp_path / "pkg"
    here.mkdir()
    suffix = next(s for s in __import__("importlib.machinery").machinery.EXTENSION_SUFFIXES if s.endswith(".so"))
    for name in ("alpha", "beta"):
        (here / f"{name}.py").write_text(f"NAME = {name!r}\n")
        (here / f"{name}{suffix}").write_bytes(b"not really compiled")
    (here / MANIFEST).write_text(json.dumps(record))
    return here


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_a_module_whose_source_changed_runs_from_its_source(tmp_path):
    here = _fake_package(tmp_path, {})
    record = {"alpha": _sha(here / "alpha.py"), "beta": _sha(here / "beta.py")}
    (here / MANIFEST).write_text(json.dumps(record))
    fresh, finder = route(here, "pkg")
    assert fresh == {"alpha", "beta"} and finder is None

    (here / "beta.py").write_text("NAME = 'beta, edited'\n")  # an edit after the install
    fresh, finder = route(here, "pkg")
    assert fresh == {"alpha"}
    spec = finder.find_spec("pkg.beta")
    assert spec.origin == str(here / "beta.py")
    assert finder.find_spec("pkg.alpha") is None  # (the usual import finds its compiled file)


def test_no_manifest_or_not_wanted_means_source_everywhere(tmp_path):
    here = _fake_package(tmp_path, {})
    (here / MANIFEST).unlink()
    fresh, finder = route(here, "pkg")
    assert fresh == set() and set(finder.paths) == {"pkg.alpha", "pkg.beta"}

    record = {"alpha": _sha(here / "alpha.py"), "beta": _sha(here / "beta.py")}
    (here / MANIFEST).write_text(json.dumps(record))
    fresh, finder = route(here, "pkg", wanted=False)
    assert fresh == set() and set(finder.paths) == {"pkg.alpha", "pkg.beta"}
    assert route(tmp_path, "other") == (set(), None)  # nothing compiled at all


def test_an_edited_compiled_module_runs_its_new_source(tmp_path):
    """The real package, copied with its compiled modules: edit one source, and the import
    takes the edit (a stale compiled module would hide it); the others stay compiled."""
    compiled = compiled_modules()
    if not compiled:
        pytest.skip("extraction is not compiled here (no C compiler at install, or MZGRAPH_COMPILE=0)")
    edited, *others = compiled
    copy = tmp_path / "src" / "mzgraph"
    shutil.copytree(Path(mzgraph.__file__).parent, copy, ignore=shutil.ignore_patterns("__pycache__"))
    source = copy / "extract" / f"{edited}.py"
    source.write_text(source.read_text(encoding="utf-8") + "\nEDITED_AFTER_INSTALL = True\n", encoding="utf-8")
    probe = (
        "import importlib, mzgraph.extract as x;"
        f"m = importlib.import_module('mzgraph.extract.{edited}');"
        "print(x.compiled_modules()); print(getattr(m, 'EDITED_AFTER_INSTALL', False), m.__file__)"
    )
    out = subprocess.run(
        [sys.executable, "-c", probe],
        env={**os.environ, "PYTHONPATH": str(tmp_path / "src")},
        capture_output=True,
        text=True,
        check=True,
    ).stdout.splitlines()
    assert out[0] == repr(others)
    assert out[1] == f"True {source}"
