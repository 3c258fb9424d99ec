"""Fixtures of the query tests: the hand-built fixture graph, opened with each engine."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

HERE = Path(__file__).resolve().parent
FIXTURE = HERE / "fixture.ttl"


def rows(frame: pd.DataFrame) -> list[list]:
    """A DataFrame's cells as plain lists, with None for missing values."""
    return [[None if pd.isna(v) else v for v in row] for row in frame.astype(object).values.tolist()]


@pytest.fixture(scope="session")
def fixture_kg():
    import mzgraph

    return mzgraph.load(FIXTURE)


@pytest.fixture(scope="session", params=["oxigraph", "rdflib"])
def fixture_kg_each(request):
    import mzgraph

    return mzgraph.load(FIXTURE, engine=request.param)
