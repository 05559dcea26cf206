"""Extraction speed and memory, as ratios to PDFium's bare cost measured in the same run.

    .venv/bin/python benchmarks/run.py [--pages 24] [--chars 30000] [--repeat 3]

* speed: extracting a generated broadsheet edition, divided by the time PDFium takes to load each
  page and read every character's box and font size (the floor any extractor pays). Target ≤ 2×.
* memory: peak RSS of extracting all pages, divided by the peak for the first quarter of them, each
  in a fresh process. Pages are streamed, so the target is ≈ 1× (≤ 1.2×).
"""

from __future__ import annotations

import argparse
import resource
import subprocess
import sys
import time
from pathlib import Path

import pypdfium2 as pdfium
from common import edition, emit, read_chars

from broadsheet.extract import extract_pages


def bare_pdfium(pdf: Path) -> tuple[float, int]:
    """Load every page, read every character's box and font size; nothing else."""
    start = time.perf_counter()
    doc = pdfium.PdfDocument(pdf)
    chars = 0
    for i in range(len(doc)):
        page = doc[i]
        chars += read_chars(page)
        page.close()
    doc.close()
    return time.perf_counter() - start, chars


def extraction(pdf: Path) -> tuple[float, int]:
    start = time.perf_counter()
    articles = sum(len(page.articles) for page in extract_pages(pdf))
    return time.perf_counter() - start, articles


def peak_rss_mb(pdf: Path, pages: int) -> float:
    code = (
        "import resource,sys;from pathlib import Path;from broadsheet.extract import extract_pages;"
        f"[None for _ in extract_pages(Path({str(pdf)!r}), range(1, {pages} + 1))];"
        "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)"
    )
    out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True).stdout
    return int(out.strip()) / 1024


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=24)
    parser.add_argument("--chars", type=int, default=30000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    pdf = edition(args.pages, args.chars)
    bare = min(bare_pdfium(pdf)[0] for _ in range(args.repeat))
    chars = bare_pdfium(pdf)[1]
    ours = min(extraction(pdf)[0] for _ in range(args.repeat))
    quarter = max(1, args.pages // 4)
    rss_all, rss_quarter = peak_rss_mb(pdf, args.pages), peak_rss_mb(pdf, quarter)
    figures = {
        "pages": args.pages,
        "chars_per_page": round(chars / args.pages),
        "bare_pdfium_s": round(bare, 3),
        "extraction_s": round(ours, 3),
        "speed_ratio": round(ours / bare, 2),
        "speed_target": 2.0,
        "peak_rss_all_pages_mb": round(rss_all, 1),
        f"peak_rss_{quarter}_pages_mb": round(rss_quarter, 1),
        "memory_ratio": round(rss_all / rss_quarter, 2),
        "memory_target": 1.2,
        "self_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
    }
    emit(figures, args.json)
    return 0


if __name__ == "__main__":
    sys.exit(main())
