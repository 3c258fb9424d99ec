"""The scorer's verdict on the development report and on the held-out reports."""

import pytest

from .score_reports import DEV, HELDOUT, SCORER, score_report

pytestmark = pytest.mark.skipif(not SCORER.exists(), reason="the shared scorer (../shared/eval/score.py) is not here")


def test_development_report():
    res = score_report(*DEV)
    assert res["entity_f1"] >= 0.90
    assert res["relation_f1"] >= 0.80
    assert res["provenance"] == 1.0


@pytest.mark.parametrize("path,gold", HELDOUT, ids=[p.stem for p, _ in HELDOUT])
def test_heldout_reports(path, gold):
    res = score_report(path, gold)
    assert res["entity_f1"] >= 0.75
    assert res["relation_f1"] >= 0.60
    assert res["provenance"] == 1.0
