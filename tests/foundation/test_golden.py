"""The development report's Turtle is isomorphic to the golden file committed under tests/.

The golden file was written by the rdflib-Graph encoder this build replaced; regenerate it
with ``python scripts/regen_golden.py`` only when extraction legitimately changes.
"""

from __future__ import annotations

from pathlib import Path

from rdflib import Graph
from rdflib.compare import graph_diff, isomorphic, to_isomorphic

from tests.conftest import ROOT, run_cli

GOLDEN = Path(__file__).with_name("golden") / "dev-report.ttl"


def test_dev_report_turtle_is_isomorphic_to_the_golden_file(tmp_path):
    out = tmp_path / "dev.ttl"
    res = run_cli("build", "data/jiangxi-civil-affairs-2019.txt", "-o", str(out), "--no-html", "--no-cache", cwd=ROOT)
    assert res.returncode == 0, res.stderr
    built, golden = Graph().parse(out), Graph().parse(GOLDEN)
    if not isomorphic(built, golden):
        _, only_built, only_golden = graph_diff(to_isomorphic(built), to_isomorphic(golden))
        sample = sorted(only_built)[:3], sorted(only_golden)[:3]
        raise AssertionError(f"{len(only_built)} triples only in the build, {len(only_golden)} only golden: {sample}")
    assert len(built) == len(golden) > 2000
