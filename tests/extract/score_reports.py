"""Score the extractor on the development report and the held-out reports.

    .venv/bin/python tests/extract/score_reports.py [-v]

Builds each report's graph in memory (read → extract → resolve → encode, the stages
``mzgraph build`` strings together) and scores it with ``../shared/eval/score.py`` against
its gold file. The held-out reports under ``heldout/`` were written for these tests (other
provinces, years and publishers, a national notice) and annotated by the guidelines.
"""

from __future__ import annotations

import importlib.util
import json
import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
# The scorer lives outside the repository, in ``shared/eval/`` next to the clone (or next to
# a folder holding worktrees); MZGRAPH_EVAL names another folder.
EVAL_CANDIDATES = [
    *([Path(os.environ["MZGRAPH_EVAL"])] if os.environ.get("MZGRAPH_EVAL") else []),
    *(parent / "shared" / "eval" for parent in ROOT.parents),
]
EVAL = next((d for d in EVAL_CANDIDATES if (d / "score.py").exists()), EVAL_CANDIDATES[0])
SCORER = EVAL / "score.py"
NO_SCORER = "no score.py in shared/eval/ (looked in " + ", ".join(map(str, EVAL_CANDIDATES)) + "; set MZGRAPH_EVAL)"
DEV = (
    ROOT / "data" / "jiangxi-civil-affairs-2019.txt",
    EVAL / "gold" / "jiangxi-civil-affairs-2019.json",
)
HELDOUT = [(p, p.with_suffix(".json")) for p in sorted((HERE / "heldout").glob("*.txt"))]


def scorer():
    spec = importlib.util.spec_from_file_location("mzgraph_eval_score", SCORER)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def graph_of(path: Path):
    from mzgraph import rdf
    from mzgraph.extract import extract
    from mzgraph.ingest import read_document
    from mzgraph.resolve import resolve

    return rdf.encode(resolve([extract(read_document(path))]))


def score_report(path: Path, gold: Path, module=None) -> dict:
    module = module or scorer()
    return module.score(graph_of(path), json.loads(gold.read_text(encoding="utf-8")))


def wrong_relations(graph, gold: dict, module) -> list[str]:
    """Relations the scorer counts as wrong (their subject is not an optional entity)."""
    from rdflib.namespace import RDFS

    mapping, _, _ = module.match_entities(graph, gold)
    ids = {e["id"]: e for e in gold["entities"]}
    out = []
    for name in module.RELATIONS:
        listed = [x for x in gold["relations"] if x["p"] == name]
        for s, o in graph.subject_objects(module.MZ[name]):
            ms, mo = mapping.get(s), mapping.get(o)
            if any(ms == x["s"] and mo in x["o"] for x in listed):
                continue
            if ms and not ids[ms].get("required", True):
                continue
            out.append(f"{graph.value(s, RDFS.label)} -{name}-> {graph.value(o, RDFS.label)}")
    return sorted(out)


def main(argv: list[str]) -> int:
    if not SCORER.exists():
        print(f"score_reports: {NO_SCORER}", file=sys.stderr)
        return 2
    module = scorer()
    verbose = "-v" in argv
    print(f"{'report':<34}{'entity_f1':>10}{'relation_f1':>12}{'junk':>6}{'prov':>6}")
    for path, gold in [DEV, *HELDOUT]:
        res = score_report(path, gold, module)
        print(
            f"{path.stem:<34}{res['entity_f1']:10.3f}{res['relation_f1']:12.3f}"
            f"{len(res['junk_labels']):6d}{res['provenance']:6.2f}"
        )
        if verbose:
            for t, row in {**res["entities"], **res["relations"]}.items():
                for m in row["missed"]:
                    print(f"    {t} missed: {m}")
                for w in row.get("wrong", []):
                    print(f"    {t} not in gold: {w}")
            gold_data = json.loads(gold.read_text(encoding="utf-8"))
            for w in wrong_relations(graph_of(path), gold_data, module):
                print(f"    relation not in gold: {w}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
