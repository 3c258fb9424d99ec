"""The scorer's verdict on the development report and on the held-out reports."""

import pytest

from .score_reports import DEV, HELDOUT, NO_SCORER, SCORER, score_report

pytestmark = pytest.mark.skipif(not SCORER.exists(), reason=NO_SCORER)


def test_development_report():
    res = score_report(*DEV)
    assert res["entity_f1"] >= 0.90
    assert res["relation_f1"] >= 0.80
    assert res["provenance"] == 1.0


# First contact, to be raised by the extractor work (issue 16): reports written and annotated
# before the extractor ever ran on them. Drop a name here once its report meets the bar.
FIRST_CONTACT = {
    "county-elderly-roundup-2024",
    "hainan-notice-2026",
    "jinzhai-county-2025",
    "lankao-county-2025",
    "liaoning-press-2025",
    "mca-press-2026",
    "ningxia-rural-2026",
    "scio-press-2025",
    "shaanxi-dibao-2024",
    "tianjin-hebei-district-2024",
    "xiaodian-district-2024",
    "yunnan-review-2025",
}
FIRST_CONTACT_MARK = pytest.mark.xfail(reason="first contact, to be raised by the extractor work", strict=False)


def test_first_contact_names_are_heldout_reports():
    assert FIRST_CONTACT <= {p.stem for p, _ in HELDOUT}


@pytest.mark.parametrize(
    "path,gold",
    [pytest.param(p, g, id=p.stem, marks=[FIRST_CONTACT_MARK] if p.stem in FIRST_CONTACT else []) for p, g in HELDOUT],
)
def test_heldout_reports(path, gold):
    res = score_report(path, gold)
    assert res["entity_f1"] >= 0.75
    assert res["relation_f1"] >= 0.60
    assert res["provenance"] == 1.0
