"""The synthetic report generator: deterministic, real places, report i independent of n."""

from __future__ import annotations

from mzgraph import gazetteer
from mzgraph.synth import generate_corpus, generate_report


def test_same_seed_same_bytes_and_report_i_does_not_depend_on_n(tmp_path):
    a = generate_corpus(3, tmp_path / "a", seed=1)
    b = generate_corpus(5, tmp_path / "b", seed=1)
    assert [p.read_bytes() for p in a] == [p.read_bytes() for p in b[:3]]
    assert [p.relative_to(tmp_path / "a") for p in a] == [p.relative_to(tmp_path / "b") for p in b[:3]]
    assert generate_report(0, seed=1) != generate_report(0, seed=2)


def test_reports_name_real_divisions_and_read_like_reports():
    gaz = gazetteer.load()
    text = generate_report(4)
    headline = text.splitlines()[0]
    assert headline.startswith("回望") and "篇" in headline
    province = headline.split("·")[1].split("篇")[0]
    assert gaz.lookup_short(province) or gaz.lookup(province)
    assert "《" in text and "“" in text and "%" in text and "民政部" in text
    cities = [line.split(":")[0].strip() for line in text.splitlines() if ":创新“" in line]
    assert cities and all(gaz.lookup(c) for c in cities)
