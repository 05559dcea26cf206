"""Extraction speed and memory, as ratios to PDFium's bare cost measured in the same run.

    .venv/bin/python benchmarks/run.py [--pages 24] [--chars 30000] [--repeat 3]

* speed: extracting a generated broadsheet edition, divided by the time PDFium takes to load each
  page and read every character's box and font size (the floor any extractor pays). Target ≤ 2×.
  Wall-clock time is the figure; CPU time is printed beside it because on a shared machine other
  processes stretch wall-clock time unevenly. The extraction is also split into its two stages:
  reading each page's content from PDFium, and the layout stages on that content.
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
from broadsheet.extract.options import ExtractOptions
from broadsheet.extract.pipeline import extract_page
from broadsheet.pdf.content import read_page_content
from broadsheet.pdf.document import open_pdf


class Clock:
    """Wall-clock and CPU seconds since it was started (CPU time is the process's, all threads)."""

    def __init__(self) -> None:
        self.wall, self.cpu = time.perf_counter(), time.process_time()

    def read(self) -> tuple[float, float]:
        return time.perf_counter() - self.wall, time.process_time() - self.cpu


def bare_pdfium(pdf: Path) -> tuple[tuple[float, float], int]:
    """Load every page, read every character's box and font size; nothing else."""
    clock = Clock()
    doc = pdfium.PdfDocument(pdf)
    chars = 0
    for i in range(len(doc)):
        page = doc[i]
        chars += read_chars(page)
        page.close()
    doc.close()
    return clock.read(), chars


def extraction(pdf: Path) -> tuple[float, float]:
    """The whole extraction, as a user calls it."""
    clock = Clock()
    for _ in extract_pages(pdf):
        pass
    return clock.read()


def stages(pdf: Path) -> dict[str, float]:
    """Wall-clock seconds of reading the pages' content (PDFium included) and of the layout stages."""
    reading = layout = 0.0
    with open_pdf(pdf) as doc:
        for number in range(1, len(doc) + 1):
            start = time.perf_counter()
            page = doc[number - 1]
            content = read_page_content(page, number)
            page.close()
            middle = time.perf_counter()
            extract_page(content, pdf.name, ExtractOptions())
            reading, layout = reading + middle - start, layout + time.perf_counter() - middle
    return {"reading_s": round(reading, 3), "layout_s": round(layout, 3)}


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
    bare_runs = [bare_pdfium(pdf) for _ in range(args.repeat)]
    chars = bare_runs[0][1]
    bare, bare_cpu = min(run[0][0] for run in bare_runs), min(run[0][1] for run in bare_runs)
    our_runs = [extraction(pdf) for _ in range(args.repeat)]
    ours, ours_cpu = min(run[0] for run in our_runs), min(run[1] for run in our_runs)
    quarter = max(1, args.pages // 4)
    rss_all, rss_quarter = peak_rss_mb(pdf, args.pages), peak_rss_mb(pdf, quarter)
    figures = {
        "pages": args.pages,
        "chars_per_page": round(chars / args.pages),
        "bare_pdfium_s": round(bare, 3),
        "extraction_s": round(ours, 3),
        "speed_ratio": round(ours / bare, 2),
        "speed_target": 2.0,
        "bare_pdfium_cpu_s": round(bare_cpu, 3),
        "extraction_cpu_s": round(ours_cpu, 3),
        "speed_ratio_cpu": round(ours_cpu / bare_cpu, 2),
        **stages(pdf),
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
