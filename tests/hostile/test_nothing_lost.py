"""Nothing lost: a build that is killed or fails leaves the previous outputs as they were.

The previous ``graph.ttl`` and ``graph.html`` come from a first build; then another build to
the same paths is killed (SIGTERM, SIGKILL) while it reads, or right before it renames a
finished temporary file into place, or fails because no input can be read. Each time the
outputs must be byte-identical to before and still parse, and no temporary file may stand
where a reader looks for outputs. A build after a kill must give the same bytes as a clean
one (the build cache survives kills too).
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from rdflib import Graph

from mzgraph.synth import generate_corpus
from tests.conftest import DEV_REPORT, ROOT, run_cli

# Runs the real CLI, but the process kills itself with the given signal right before the
# N-th rename of a finished temporary file into place: the worst moment of a write.
KILL_BEFORE_RENAME = """
import os, signal, sys
sig, nth = getattr(signal, sys.argv[1]), int(sys.argv[2])
real_replace, calls = os.replace, [0]
def replace(src, dst, *a, **k):
    calls[0] += 1
    if calls[0] == nth:
        os.kill(os.getpid(), sig)
    return real_replace(src, dst, *a, **k)
os.replace = replace
from mzgraph.cli import run
sys.argv = ["mzgraph", *sys.argv[3:]]
run()
"""


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("corpus")
    generate_corpus(10, folder, seed=3)  # ten: the fewest that print progress lines
    return folder


@pytest.fixture(scope="module")
def previous(tmp_path_factory) -> Path:
    """Outputs of an earlier build, to copy into each test's output folder."""
    out = tmp_path_factory.mktemp("previous")
    r = run_cli("build", str(DEV_REPORT), "-o", str(out / "graph.ttl"), "--no-cache")
    assert r.returncode == 0, r.stderr
    return out


def _outputs(previous: Path, tmp_path: Path) -> tuple[Path, dict[str, bytes]]:
    out = tmp_path / "output"
    out.mkdir()
    for name in ("graph.ttl", "graph.html"):
        shutil.copy(previous / name, out / name)
    return out, {name: (out / name).read_bytes() for name in ("graph.ttl", "graph.html")}


def _check_intact(out: Path, before: dict[str, bytes], *, temp_allowed: bool = False) -> None:
    for name, data in before.items():
        assert (out / name).read_bytes() == data, f"{name} changed"
    assert len(Graph().parse(out / "graph.ttl", format="turtle")) > 1000
    assert b"</html>" in (out / "graph.html").read_bytes()[-200:]
    # the lock files of the outputs (rdf.io.output_lock) stay, empty, by design
    locks = {f".{name}.lock" for name in before}
    leftovers = sorted(
        p.name for p in out.iterdir() if p.name not in set(before) | locks and p.name != ".mzgraph-cache"
    )
    if temp_allowed:  # SIGKILL cannot be caught: its temp file stays, hidden and never taken for an output
        assert all(n.startswith(".") and n.endswith(".tmp") for n in leftovers), leftovers
    else:
        assert leftovers == []


def _build_args(corpus: Path, out: Path) -> list[str]:
    return ["build", str(corpus), "-o", str(out / "graph.ttl"), "-j", "1"]


# The renames of a build: 1, 2: each finished temporary file to its staged name (graph,
# then view); 3, 4: the staged graph, then the staged view, into place.
@pytest.mark.parametrize("sig, nth", [("SIGTERM", 1), ("SIGKILL", 1), ("SIGKILL", 2), ("SIGTERM", 3), ("SIGKILL", 4)])
def test_killed_before_rename(previous, tmp_path, sig, nth):
    out, before = _outputs(previous, tmp_path)
    other = tmp_path / "other.txt"  # another report than the previous build's, so the outputs differ
    other.write_text(DEV_REPORT.read_text(encoding="utf-8")[:2000], encoding="utf-8")
    args = ["build", str(other), "-o", str(out / "graph.ttl"), "--no-cache"]
    r = subprocess.run(
        [sys.executable, "-c", KILL_BEFORE_RENAME, sig, str(nth), *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert r.returncode == -getattr(signal, sig) or r.returncode == 128 + getattr(signal, sig), (r.returncode, r.stderr)
    assert "Traceback" not in r.stderr
    if nth < 4:  # the graph and its view are both complete before either is renamed into place
        _check_intact(out, before, temp_allowed=sig == "SIGKILL")
    else:  # killed between the two last renames: the new graph, the old page, both whole
        assert (out / "graph.html").read_bytes() == before["graph.html"]
        assert len(Graph().parse(out / "graph.ttl", format="turtle")) > 1000


@pytest.fixture(scope="module")
def clean_build(corpus, previous, tmp_path_factory) -> tuple[Path, set[bytes], dict[str, bytes]]:
    """A build of the corpus over previous outputs, watched by a reader polling graph.ttl:
    the reader only ever sees the whole old file or the whole new one."""
    out, before = _outputs(previous, tmp_path_factory.mktemp("clean"))
    proc = subprocess.Popen(
        [sys.executable, "-m", "mzgraph", *_build_args(corpus, out), "--no-cache"],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    seen = set()
    while proc.poll() is None:
        seen.add((out / "graph.ttl").read_bytes())
        time.sleep(0.005)
    assert proc.returncode == 0, proc.stderr.read()
    return out, seen, before


def test_readers_see_whole_files(clean_build):
    out, seen, before = clean_build
    final = (out / "graph.ttl").read_bytes()
    assert final != before["graph.ttl"]
    assert seen <= {before["graph.ttl"], final}


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGKILL])
def test_killed_while_reading(corpus, previous, clean_build, tmp_path, sig):
    out, before = _outputs(previous, tmp_path)
    args = _build_args(corpus, out)
    proc = subprocess.Popen(
        [sys.executable, "-m", "mzgraph", *args], cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    # the progress line ("built 1/10 documents …") says the build is under way, cache half-filled
    line = proc.stderr.readline()
    assert line.startswith("built "), line
    proc.send_signal(sig)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode in (-sig, 128 + sig), err
    assert "Traceback" not in err
    _check_intact(out, before, temp_allowed=sig == signal.SIGKILL)
    if sig == signal.SIGKILL:
        # the next build, over whatever the kill left in the cache, gives what a clean build gives
        r = run_cli(*args)
        assert r.returncode == 0, r.stderr
        for name in ("graph.ttl", "graph.html"):
            assert (out / name).read_bytes() == (clean_build[0] / name).read_bytes()


@pytest.mark.parametrize("suffix", [".ttl", ".nt"])
def test_failed_build_never_truncates(previous, tmp_path, suffix):
    out, before = _outputs(previous, tmp_path)
    if suffix == ".nt":
        shutil.copy(out / "graph.ttl", out / "graph.nt")  # any previous bytes will do
        before = {"graph.nt": (out / "graph.nt").read_bytes()}
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "empty.txt").write_bytes(b"")
    (bad / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + os.urandom(200))
    (bad / "nul.txt").write_bytes("江西省民政厅".encode() + b"\x00" * 50)
    r = run_cli("build", str(bad), "-o", str(out / f"graph{suffix}"))
    assert r.returncode == 1, r.stderr
    assert r.stderr.count("\n") == 1 and r.stderr.startswith("error: "), r.stderr
    for name, data in before.items():
        assert (out / name).read_bytes() == data
    assert not [p for p in out.iterdir() if p.name.endswith(".tmp")]


def test_strict_failure_never_truncates(previous, tmp_path):
    """--strict refuses a graph that breaks the contract; a graph that keeps it is written."""
    out, before = _outputs(previous, tmp_path)
    r = run_cli("build", str(DEV_REPORT), "-o", str(out / "graph.ttl"), "--strict")
    assert r.returncode == 0, r.stderr  # the dev report keeps the contract
    assert (out / "graph.ttl").read_bytes() == before["graph.ttl"]  # same input, same bytes
