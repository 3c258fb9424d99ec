"""Regenerate the golden Turtle of the development report (tests/foundation/golden/dev-report.ttl).

    python scripts/regen_golden.py

Run it when extraction or encoding *legitimately* changes what the development report
gives, and review the diff: ``tests/foundation/test_golden.py`` holds every build of the
report isomorphic to this file.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
REPORT = "data/jiangxi-civil-affairs-2019.txt"  # relative: the graph records the path given
GOLDEN = ROOT / "tests" / "foundation" / "golden" / "dev-report.ttl"


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "dev-report.ttl"
        cmd = [sys.executable, "-m", "mzgraph", "build", REPORT, "-o", str(out), "--no-html", "--no-cache"]
        subprocess.run(cmd, cwd=ROOT, check=True)
        GOLDEN.parent.mkdir(parents=True, exist_ok=True)
        GOLDEN.write_bytes(out.read_bytes())
    print(f"wrote {GOLDEN.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
