"""`broadsheet extract` as a library call: page JSON (and overlays) for a PDF, page by page."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from tqdm import tqdm

from broadsheet.errors import UsageError
from broadsheet.extract import extract_document
from broadsheet.extract.model import TextLayer
from broadsheet.extract.options import ExtractOptions
from broadsheet.extract.overlay import render_overlay
from broadsheet.pagejson import write_page
from broadsheet.pdf.document import open_pdf


@dataclass(frozen=True, slots=True)
class ExtractRun:
    pdf: Path
    out: Path
    pages: list[int] | None = None
    overlay: bool = False
    progress: bool = False
    options: ExtractOptions = field(default_factory=ExtractOptions)


def run_extract(run: ExtractRun, warn: Callable[[str], None]) -> list[int]:
    """Write ``<stem>-p<N>.json`` (and ``.png`` overlays) for each page; returns the pages that failed."""
    if run.out.exists() and not run.out.is_dir():
        raise UsageError(f"--out {run.out}: exists and is not a folder")
    failed: list[int] = []
    with open_pdf(run.pdf, run.options.max_file_mb * 2**20) as doc:
        total = len(run.pages) if run.pages else len(doc)
        run.out.mkdir(parents=True, exist_ok=True)
        stem = run.pdf.stem
        with tqdm(total=total, unit="page", disable=not run.progress, desc=run.pdf.name) as bar:
            for result in extract_document(doc, run.pdf, run.pages, run.options):
                write_page(result, run.out / f"{stem}-p{result.page}.json")
                if result.error:
                    failed.append(result.page)
                    warn(f"{run.pdf}: page {result.page}: {result.error}")
                elif result.text_layer is not TextLayer.OK:
                    warn(f"{run.pdf}: page {result.page}: {result.text_layer.value}: {'; '.join(result.problems)}")
                if run.overlay and not result.error:
                    render_overlay(doc[result.page - 1], result, run.out / f"{stem}-p{result.page}.png")
                bar.update(1)
    return failed
