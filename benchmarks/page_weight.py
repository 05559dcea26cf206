"""A cold page view: the bytes a reader's browser downloads and the time until deep zoom is ready, on loopback.

    .venv/bin/python benchmarks/page_weight.py URL_OF_A_PAGE_VIEW [--runs 5]

For a page view of a running site (``make demo``, or ``broadsheet serve``), each run in a fresh browser
context with an empty cache (Debian's Chromium via Playwright, as the browser tests). Target (issue 10):
≤ 600 KB and deep zoom ready in under 1 s. The byte count is also a test (tests/web/test_page_weight.py);
the time is only measured here: it depends on the machine.
"""

from __future__ import annotations

import argparse
import statistics
import sys
from pathlib import Path

from common import emit

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.browsers import CHROMIUM, CHROMIUM_ARGS  # noqa: E402 (the tests' browser, from the checkout)
from tests.web.pages import cold_page_view  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("url", help="a page view, e.g. http://127.0.0.1:8000/the-broadsheet-demo/2026-12-02/page/1/")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--json", type=Path, help="also write the figures here")
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        runs = [cold_page_view(browser, args.url) for _ in range(args.runs)]
        browser.close()
    received, _ = runs[-1]
    emit(
        {
            "url": args.url,
            "bytes": sum(received.values()),
            "requests": len(received),
            "biggest": dict(sorted(received.items(), key=lambda kv: -kv[1])[:6]),
            "ready_seconds_median": round(statistics.median(ready for _, ready in runs), 3),
            "ready_seconds": [round(ready, 3) for _, ready in runs],
        },
        args.json,
    )


if __name__ == "__main__":
    main()
