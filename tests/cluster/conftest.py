"""A corpus, its local builds, and Dask clusters over loopback to build it again.

``loopback`` starts a real ``dask scheduler`` and two ``dask worker`` processes on
127.0.0.1 (free ports, one thread each, the dashboard on loopback too) and stops them by their process ids;
``in_process`` is a ``LocalCluster`` of threads, for the fast cases.
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from mzgraph.pipeline import BuildResult, build_to_file
from mzgraph.synth import generate_corpus
from tests.conftest import DEV_REPORT
from tests.ingest import archives as site
from tests.remote.conftest import start_oxigraph  # noqa: F401  (a fixture of the --push tests)

distributed = pytest.importorskip("distributed", reason="the cluster tests need mzgraph[cluster]")

START_TIMEOUT = 60  # seconds for a scheduler and its workers to come up on a loaded machine


@pytest.fixture(scope="session")
def sources(tmp_path_factory) -> Path:
    """16 synthetic reports, the development report, a second file of the same stem as one
    of them (its id must be made unique, as locally), a web archive (one input, several
    documents) and an empty file (a failure)."""
    root = tmp_path_factory.mktemp("cluster-corpus") / "reports"
    generate_corpus(16, root, seed=11)
    (root / "dev").mkdir()
    shutil.copy(DEV_REPORT, root / "dev" / DEV_REPORT.name)
    (root / "zz-again").mkdir()
    again = root / "zz-again" / "report-00003.txt"
    again.write_text((root / "batch-000" / "report-00005.txt").read_text("utf-8"), encoding="utf-8")
    (root / "zz-again" / "empty.txt").write_text("\n", encoding="utf-8")
    with open(root / "zz-again" / "site.warc.gz", "wb") as f:
        site.write_site(f)
    return root


@dataclass
class LocalBuilds:
    """The corpus built locally (no cluster), in Turtle and N-Quads."""

    ttl: Path
    nq: Path
    result: BuildResult  # of the N-Quads build


@pytest.fixture(scope="session")
def local_builds(sources, tmp_path_factory) -> LocalBuilds:
    out = tmp_path_factory.mktemp("local")
    build_to_file([sources], out / "graph.ttl", jobs=2)
    result = build_to_file([sources], out / "graph.nq", jobs=2)
    assert [p for p, _ in result.failures] == [str(sources / "zz-again" / "empty.txt")]
    assert len(result.notes) == 1 and len(result.documents) > 18  # the archive's pages too
    return LocalBuilds(out / "graph.ttl", out / "graph.nq", result)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class Loopback:
    address: str
    scheduler: subprocess.Popen
    workers: list[subprocess.Popen] = field(default_factory=list)

    def client(self):
        return distributed.Client(self.address, timeout=START_TIMEOUT, set_as_default=False)

    def kill_worker(self, proc: subprocess.Popen) -> None:
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=10)

    def stop(self) -> None:
        for proc in [*self.workers, self.scheduler]:
            if proc.poll() is None:
                proc.terminate()
        for proc in [*self.workers, self.scheduler]:
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()


def start_loopback(workers: int, cwd: Path) -> Loopback:
    """``dask scheduler`` and ``workers`` × ``dask worker`` (no nanny: a killed worker stays
    dead), ready when the scheduler sees every worker."""
    port = _free_port()
    address = f"tcp://127.0.0.1:{port}"
    quiet = {"stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL, "cwd": cwd}
    sched = subprocess.Popen(
        [sys.executable, "-m", "distributed.cli.dask_scheduler", "--host", "127.0.0.1", "--port", str(port),
         "--dashboard-address", "127.0.0.1:0", "--no-show"], **quiet)  # fmt: skip
    cluster = Loopback(address, sched)
    try:
        for i in range(workers):
            worker = [sys.executable, "-m", "distributed.cli.dask_worker", address, "--nthreads", "1",
                      "--no-nanny", "--no-dashboard", "--host", "127.0.0.1", "--name", f"w{i}"]  # fmt: skip
            cluster.workers.append(subprocess.Popen(worker, **quiet))
        deadline = time.monotonic() + START_TIMEOUT
        with cluster.client() as client:
            client.wait_for_workers(workers, timeout=max(1.0, deadline - time.monotonic()))
    except BaseException:
        cluster.stop()
        raise
    return cluster


@pytest.fixture(scope="session")
def loopback(tmp_path_factory):
    cluster = start_loopback(2, tmp_path_factory.mktemp("workers-cwd"))
    yield cluster
    cluster.stop()


@pytest.fixture(scope="session")
def in_process():
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=False, dashboard_address="127.0.0.1:0"
    ) as cluster, distributed.Client(cluster, set_as_default=False) as client:  # fmt: skip
        yield client
