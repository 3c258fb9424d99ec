"""Regenerates tests/query/expected_dev.json: every ready question's rows on the development report.

    .venv/bin/python tests/query/regen_expected.py

Run it when the extractor changes, then read the new rows against
data/jiangxi-civil-affairs-2019.txt before committing: the file pins what the questions
return on the default build, and a wrong row is an extraction error to report, not a
truth to keep quiet about.
"""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from mzgraph import load  # noqa: E402
from mzgraph.pipeline import build  # noqa: E402
from mzgraph.query.ready import ready_questions  # noqa: E402
from mzgraph.rdf import write_graph  # noqa: E402
from tests.conftest import DEV_REPORT  # noqa: E402
from tests.query.conftest import rows  # noqa: E402

# Parameters the test passes (the questions' own defaults, written out so the file says it).
PARAMS = {"entity-sentences": {"label": "新余市"}, "documents-mentioning": {"label": "江西省"}}


def main() -> None:
    result = build([DEV_REPORT])
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "graph.ttl"
        write_graph(result.graph, path)
        kg = load(path)
        questions = {}
        for name in sorted(ready_questions()):
            params = PARAMS.get(name, {})
            frame = kg.ready(name, **params)
            entry = {"columns": list(frame.columns), "rows": rows(frame)}
            if params:
                entry = {"params": params, **entry}
            questions[name] = entry
    doc = {"report": str(DEV_REPORT.relative_to(ROOT)), "questions": questions}
    out = Path(__file__).with_name("expected_dev.json")
    out.write_text(json.dumps(doc, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {out} ({sum(len(q['rows']) for q in questions.values())} rows)")


if __name__ == "__main__":
    main()
