"""Shared fixtures: the development report built once per test session."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data"
DEV_REPORT = DATA / "jiangxi-civil-affairs-2019.txt"


def run_cli(
    *args: str, cwd: Path | None = None, env: dict | None = None, timeout: int = 120, input: str | None = None
) -> subprocess.CompletedProcess:
    """Run ``mzgraph`` as a user would: a separate process, text output."""
    full_env = {**os.environ, **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "mzgraph", *args],
        cwd=cwd or ROOT,
        env=full_env,
        text=True,
        capture_output=True,
        timeout=timeout,
        input=input,
    )


@pytest.fixture(scope="session")
def dev_build():
    """The pipeline's result on the bundled development report (in memory)."""
    from mzgraph.pipeline import build

    return build([DEV_REPORT])


@pytest.fixture(scope="session")
def dev_graph(dev_build):
    return dev_build.graph


@pytest.fixture(scope="session")
def dev_graph_path(dev_build, tmp_path_factory) -> Path:
    """The development report's graph written as Turtle to a temporary folder."""
    from mzgraph.rdf import write_graph

    path = tmp_path_factory.mktemp("dev") / "graph.ttl"
    write_graph(dev_build.graph, path)
    return path


CHROMIUM = Path("/usr/bin/chromium")  # Debian's package; .ci/run installs it
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--no-first-run"]  # fmt: skip


@pytest.fixture(scope="session")
def browser():
    """One headless Chromium for the whole session: Playwright's sync API allows only one
    running instance per thread, so every browser-facing test shares this one."""
    if not CHROMIUM.exists():
        pytest.skip("Debian chromium is not installed at /usr/bin/chromium (apt-get install chromium)")
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
    with sync_api.sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield b
        b.close()
