"""How fast reports are read and cleaned, by format and size.

    .venv/bin/python benchmarks/ingest_read.py

Prints one row per input: size on disk, seconds for ``read_document`` (best of 3) and MB/s.
The inputs are the development report repeated, saved as UTF-8, GB18030, UTF-16 and HTML.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.ingest.pages import html_page  # noqa: E402

from mzgraph.ingest import read_document  # noqa: E402


def main() -> None:
    text = (ROOT / "data" / "jiangxi-civil-affairs-2019.txt").read_text(encoding="utf-8")
    head, body = text.split("【字体", 1)
    body = body.split("\n", 1)[1]
    print(f"{'input':<28}{'size MB':>10}{'seconds':>10}{'MB/s':>8}")
    with tempfile.TemporaryDirectory() as tmp:
        for repeat in (1, 100, 1000):
            big = head + "【字体:  打印\n" + body * repeat
            for name, data in (
                ("utf-8 .txt", big.encode("utf-8")),
                ("gb18030 .txt", big.encode("gb18030")),
                ("utf-16 .txt", big.encode("utf-16")),
                ("html", html_page(body * repeat, title="回望2019", site="体球网").encode("utf-8")),
            ):
                path = Path(tmp) / ("r.html" if name == "html" else "r.txt")
                path.write_bytes(data)
                best = min(_timed(path) for _ in range(3))
                mb = len(data) / 1e6
                print(f"{name + f' x{repeat}':<28}{mb:>10.2f}{best:>10.3f}{mb / best:>8.1f}")


def _timed(path: Path) -> float:
    start = time.perf_counter()
    read_document(path, max_bytes=1 << 30)
    return time.perf_counter() - start


if __name__ == "__main__":
    main()
