"""Ingest speed, as a ratio to PDFium's bare cost measured in the same run.

    .venv/bin/python benchmarks/ingest.py [--pages 24] [--chars 30000] [--repeat 1] [--workers N]

Ingests a generated broadsheet edition (the extraction benchmark's) into a fresh site under
build/bench/ (a new one each run) with the whole pipeline — page images and IIIF tiles, extraction,
article clips, storage, search index, publish — and divides its wall time per page by the time PDFium
takes to render a page at 150 dpi and read every character's box, one page after another. Target ≤ 3×.
The ingest renders and extracts pages in ``--workers`` processes (default: one per core), so the CPU-time ratio (all its
processes' CPU over PDFium's CPU) is printed too: on a busy machine it is the steadier figure. Both are
over PDFium's own figure of the same kind — PDFium's wall time stretches on a loaded machine far more
than its CPU time, which would flatter a CPU ratio taken over it. ``--repeat`` takes the best of N.
The ingest's CPU is printed in its parts too — user and system time, and minor page faults, a page —
since its system time (mostly the filesystem's work for the files of a page's tiles — two hundred files
and folders a page before tiles were kept one file each in one folder, docs/benchmarks.md) swings from
run to run far more than its user time.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import resource
import shutil
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import pypdfium2 as pdfium
from common import BUILD, edition, emit, read_chars

TARGET = 3.0
DPI = 150


def bare_pdfium(pdf: Path) -> tuple[float, float]:
    """Render each page at 150 dpi and read its characters; nothing else. Returns wall and CPU seconds."""
    start, cpu = time.perf_counter(), time.process_time()
    doc = pdfium.PdfDocument(pdf)
    for i in range(len(doc)):
        page = doc[i]
        page.render(scale=DPI / 72).close()
        read_chars(page)
        page.close()
    doc.close()
    return time.perf_counter() - start, time.process_time() - cpu


@dataclass(frozen=True)
class Cpu:
    """CPU use of this process and its finished children (the ingest's workers): user and system
    seconds and minor page faults."""

    user: float
    system: float
    faults: int

    @property
    def seconds(self) -> float:
        return self.user + self.system

    def __sub__(self, other: Cpu) -> Cpu:
        return Cpu(self.user - other.user, self.system - other.system, self.faults - other.faults)


def cpu_used() -> Cpu:
    """What this process and its finished children have used so far."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return Cpu(own.ru_utime + children.ru_utime, own.ru_stime + children.ru_stime, own.ru_minflt + children.ru_minflt)


SITES = "ingest-site"


def fresh_site() -> Path:
    """A new, empty site for this run, in a folder of its own: the sites of earlier runs are removed only
    after this run's measurements (:func:`remove_earlier_sites`). On a filesystem without a journal (as
    ext4 is on this project's VMs), the kernel does not reuse an inode for a minute or more after it was
    deleted, and each new file or folder is allocated past the recently deleted ones one by one: deleting
    the last run's site (some 5,000 files and folders) just before the ingest made its workers' system
    time two to four times what it was otherwise (docs/benchmarks.md). A run started right after another
    still follows that one's removal: leave a few minutes between runs, or read the system time apart."""
    data_dir = BUILD / f"{SITES}-{os.getpid()}"
    shutil.rmtree(data_dir, ignore_errors=True)
    from broadsheet.site.environment import migrate, setup

    setup({"BROADSHEET_DATA_DIR": str(data_dir)})
    migrate()
    return data_dir


def remove_earlier_sites(keep: Path) -> None:
    """The sites of earlier runs (and of the runs before this layout: ``ingest-site``), all but ``keep``."""
    for folder in BUILD.glob(f"{SITES}*"):
        if folder.is_dir() and folder != keep:
            shutil.rmtree(folder, ignore_errors=True)


def ingest(pdf: Path, day: int, workers: int | None) -> tuple[float, Cpu, int]:
    """Ingest ``pdf`` as a new edition; returns wall seconds, the CPU used and the articles stored."""
    from broadsheet.ingest import IngestOptions, IngestRequest, ingest_edition

    request = IngestRequest(pdf=pdf, publication="bench", date=dt.date(2025, 1, 1) + dt.timedelta(days=day))
    cpu, start = cpu_used(), time.perf_counter()
    summary = ingest_edition(request, IngestOptions(workers=workers))
    return time.perf_counter() - start, cpu_used() - cpu, summary.articles


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=24)
    parser.add_argument("--chars", type=int, default=30000)
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--workers", type=int, help="render processes (default: one per core)")
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    pdf = edition(args.pages, args.chars)
    site = fresh_site()
    bares = [bare_pdfium(pdf) for _ in range(max(1, args.repeat))]
    bare, bare_cpu = min(wall for wall, _ in bares), min(cpu for _, cpu in bares)
    runs = [ingest(pdf, day, args.workers) for day in range(max(1, args.repeat))]
    wall, articles = min(wall for wall, _, _ in runs), runs[0][2]
    least = min((cpu for _, cpu, _ in runs), key=lambda used: used.seconds)
    cpu = least.seconds
    per_page, bare_per_page = wall / args.pages, bare / args.pages
    emit(
        {
            "pages": args.pages,
            "articles": articles,
            "cores": os.cpu_count(),
            "workers": args.workers or os.cpu_count(),
            "bare_pdfium_render_150dpi_and_chars_s_per_page": round(bare_per_page, 4),
            "bare_pdfium_cpu_s_per_page": round(bare_cpu / args.pages, 4),
            "ingest_s_per_page": round(per_page, 4),
            "ingest_cpu_s_per_page": round(cpu / args.pages, 4),
            "ingest_user_s_per_page": round(least.user / args.pages, 4),
            "ingest_system_s_per_page": round(least.system / args.pages, 4),
            "ingest_minor_faults_per_page": round(least.faults / args.pages),
            "ratio": round(per_page / bare_per_page, 2),
            "cpu_ratio": round(cpu / bare_cpu, 2),
            "target": TARGET,
            "met": per_page / bare_per_page <= TARGET and cpu / bare_cpu <= TARGET,
        },
        args.json,
    )
    remove_earlier_sites(keep=site)
    return 0


if __name__ == "__main__":
    sys.exit(main())
