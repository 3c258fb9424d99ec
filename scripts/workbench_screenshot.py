"""Screenshots of the workbench for the README: `mzgraph serve` on a graph, driven in Chromium.

    python scripts/workbench_screenshot.py [--graph output/graph.ttl] [--out docs]

Writes ``workbench-query.png`` (the ready question targets-by-place, sorted by value) and
``workbench-entity.png`` (the entity page of 新余市 with its network) into ``--out``.
Needs Playwright and Debian's /usr/bin/chromium (as the browser tests do).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

CHROMIUM = "/usr/bin/chromium"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--graph", type=Path, default=Path("output/graph.ttl"))
    parser.add_argument("--out", type=Path, default=Path("docs"))
    parser.add_argument("--entity", default="新余市", help="label of the entity page to show")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    server = subprocess.Popen(
        [sys.executable, "-m", "mzgraph", "serve", "--graph", str(args.graph), "--port", "0", "-q"],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        server.stdout.readline()
        url = server.stdout.readline().split()[2]  # "workbench: open URL in a browser"
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
            page = browser.new_page(viewport={"width": 1400, "height": 860})
            page.goto(url)
            page.wait_for_function("() => document.body.getAttribute('data-ready') === '1'")
            page.click("#wb-question-list button[data-name='targets-by-place']")
            page.wait_for_selector("#wb-results-table")
            page.click("#wb-results-table th[data-var='value'] button")
            page.click("#wb-results-table th[data-var='value'] button")
            page.screenshot(path=str(args.out / "workbench-query.png"))
            page.fill("#wb-find", args.entity)
            page.press("#wb-find", "Enter")
            page.wait_for_function(  # one match opens at once; several make a list
                "l => document.getElementById('wb-entity-label').textContent === l"
                " || document.querySelector('#wb-find-results a')",
                arg=args.entity,
            )
            if page.locator("#wb-find-results a").count():
                page.click(f"#wb-find-results a:text-is('{args.entity}')")
            frame = page.wait_for_selector("#wb-network[src*='/workbench/network']").content_frame()
            frame.wait_for_url("**/workbench/network?**")
            frame.wait_for_function("() => window.mzgraph && window.mzgraph.ready === true", timeout=60_000)
            page.wait_for_timeout(500)  # the frame's last paint after its layout stops
            page.screenshot(path=str(args.out / "workbench-entity.png"))
            browser.close()
    finally:
        server.terminate()
        server.wait(timeout=10)
    for name in ("workbench-query.png", "workbench-entity.png"):
        print(args.out / name)


if __name__ == "__main__":
    main()
