"""Long fuzzing run over the reader and the extractor (hypothesis, the hostile suite's strategies).

Runs the properties of ``tests/hostile/test_text_pipeline.py`` round after round, with fresh
random seeds, until the time is up, and prints a table: target, rounds, examples, failures.
Each example is a file of hostile bytes written to disk and read through
``mzgraph.ingest.read_document``, then extracted; every mention's offsets must slice the text.
``--outputs`` adds the slower property that builds a graph and parses its Turtle, N-Triples,
JSON-LD and HTML back.

    nice python benchmarks/fuzz.py --minutes 12
    HYPOTHESIS_PROFILE=fuzz FUZZ_EXAMPLES=20000 python -m pytest tests/hostile/test_text_pipeline.py  # same, as tests

A failure prints hypothesis's falsifying example and the run goes on; exit status 1 if any.
"""

from __future__ import annotations

import argparse
import sys
import time
import traceback
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402
from tests.hostile import test_text_pipeline as props  # noqa: E402
from tests.hostile.hostile import chinese_text, file_bytes, html_bytes  # noqa: E402


def _targets(counter: dict[str, int]):
    def counted(name, check):
        def run(*args):
            counter[name] += 1
            check(*args)

        return run

    def read_and_extract(data, suffix):
        doc = props._read(data, suffix)
        if doc is not None:
            props.check_extraction(doc)

    def outputs(text):
        path = Path(props.tempfile.mkdtemp()) / "report.txt"
        path.write_text(props.REPORT_HEAD + text.replace("\x00", "") + props.REPORT_TAIL, encoding="utf-8")
        result = props.build([path])
        assert result.documents, result.failures
        props.check_outputs_parse_back(result.graph)

    return {
        "text files (.txt/.md bytes)": (
            st.tuples(file_bytes(), st.sampled_from([".txt", ".md"])),
            counted("text files (.txt/.md bytes)", read_and_extract),
        ),
        "html pages (bytes)": (
            st.tuples(html_bytes(), st.just(".html")),
            counted("html pages (bytes)", read_and_extract),
        ),
        "chinese text (utf-8 .txt)": (
            st.tuples(chinese_text(200).map(lambda t: t.encode("utf-8")), st.just(".txt")),
            counted("chinese text (utf-8 .txt)", read_and_extract),
        ),
        "build + outputs parse back": (
            st.tuples(chinese_text(80)),
            counted("build + outputs parse back", outputs),
        ),
    }


def _call(check):
    def property_(args):
        check(*args)

    return property_


def _rounds(targets, cfg, deadline, rounds, failures) -> None:
    """Run each target a round at a time until ``deadline``; a target failing thrice is dropped."""
    while time.monotonic() < deadline and targets:
        for name, (strategy, check) in targets.items():
            if time.monotonic() >= deadline:
                break
            test = cfg(given(strategy)(_call(check)))
            try:
                test()
            except Exception:
                failures[name] += 1
                print(f"FAILURE in {name}:", file=sys.stderr)
                traceback.print_exc()
            rounds[name] += 1
        targets = {n: t for n, t in targets.items() if failures[n] < 3}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--minutes", type=float, default=10.0)
    ap.add_argument("--round", type=int, default=500, help="examples per round of one target")
    ap.add_argument("--outputs", action="store_true", help="also fuzz build + output round trips (slow)")
    args = ap.parse_args()

    counter: dict[str, int] = {}
    targets = _targets(counter)
    if not args.outputs:
        targets.pop("build + outputs parse back")
    for name in targets:
        counter[name] = 0
    rounds = dict.fromkeys(targets, 0)
    failures = dict.fromkeys(targets, 0)
    started = time.monotonic()
    deadline = started + args.minutes * 60
    cfg = settings(
        max_examples=args.round,
        deadline=None,
        database=None,
        suppress_health_check=list(HealthCheck),
        derandomize=False,
    )
    try:
        _rounds(targets, cfg, deadline, rounds, failures)
    except KeyboardInterrupt:  # Ctrl-C: stop early, still print what ran
        pass
    elapsed = time.monotonic() - started
    print(f"fuzzed for {elapsed / 60:.1f} min (cpu {time.process_time() / 60:.1f} min)")
    print(f"{'target':30} {'rounds':>6} {'examples':>9} {'ex/s':>6} {'failures':>8}")
    for name in rounds:
        print(f"{name:30} {rounds[name]:6} {counter[name]:9} {counter[name] / elapsed:6.1f} {failures[name]:8}")
    print(f"{'total':30} {sum(rounds.values()):6} {sum(counter.values()):9}")
    return 1 if any(failures.values()) else 0


if __name__ == "__main__":
    sys.exit(main())
