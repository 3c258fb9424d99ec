"""Fixtures of the corpus tests: a small synthetic corpus with the development report in it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from mzgraph.synth import generate_corpus
from tests.conftest import DEV_REPORT

N_SYNTHETIC = 12


@pytest.fixture(scope="session")
def corpus_master(tmp_path_factory) -> Path:
    """12 synthetic reports in batch-000/ and the development report in dev/ (never modified)."""
    root = tmp_path_factory.mktemp("corpus-master") / "reports"
    generate_corpus(N_SYNTHETIC, root, seed=7)
    (root / "dev").mkdir()
    shutil.copy(DEV_REPORT, root / "dev" / DEV_REPORT.name)
    return root


@pytest.fixture
def corpus(corpus_master, tmp_path) -> Path:
    """A private copy of the corpus that a test may edit."""
    root = tmp_path / "reports"
    shutil.copytree(corpus_master, root)
    return root
