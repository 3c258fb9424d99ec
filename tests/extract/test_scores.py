"""The scorer's verdict on the development report and on the held-out reports."""

import pytest

from .score_reports import DEV, HELDOUT, NO_SCORER, SCORER, score_report

pytestmark = pytest.mark.skipif(not SCORER.exists(), reason=NO_SCORER)


def test_development_report():
    res = score_report(*DEV)
    assert res["entity_f1"] >= 0.99
    assert res["relation_f1"] >= 0.99
    assert res["provenance"] == 1.0
    assert res["junk_labels"] == []


@pytest.mark.parametrize("path,gold", HELDOUT, ids=[p.stem for p, _ in HELDOUT])
def test_heldout_reports(path, gold):
    # the bar of issue 16 for every held-out report, the first-contact ones included
    res = score_report(path, gold)
    assert res["entity_f1"] >= 0.97
    assert res["relation_f1"] >= 0.95
    assert res["provenance"] == 1.0
    assert res["junk_labels"] == []
