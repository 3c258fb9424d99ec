"""Fixtures of the export tests: a two-document build and small hand-made graphs."""

from __future__ import annotations

import shutil

import pytest

from tests.conftest import DEV_REPORT


@pytest.fixture(scope="session")
def two_doc_build(tmp_path_factory):
    """The development report under two names: every relation is evidenced by both."""
    from mzgraph.pipeline import build

    folder = tmp_path_factory.mktemp("two")
    for name in ("first.txt", "second.txt"):
        shutil.copy(DEV_REPORT, folder / name)
    return build([folder])
