"""`broadsheet extract` as a library call: page JSON (and overlays) for a PDF, page by page."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from tqdm import tqdm

from broadsheet.errors import UsageError
from broadsheet.extract import extract_document, extract_images
from broadsheet.extract.model import PageResult
from broadsheet.extract.options import ExtractOptions
from broadsheet.extract.overlay import draw_overlay, render_overlay
from broadsheet.ocr.files import image_pages, is_image_file
from broadsheet.pagejson import decisions_to_json, write_json, write_page
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
    """Write ``<stem>-p<N>.json`` (and ``.png`` overlays, ``.explain.json`` decisions) for each page;
    returns the pages that failed."""
    if run.out.exists() and not run.out.is_dir():
        raise UsageError(f"--out {run.out}: exists and is not a folder")
    if is_image_file(run.pdf):
        images = list(image_pages(run.pdf, run.options.max_file_mb * 2**20, run.options.max_image_pixels))
        results = extract_images(run.pdf, run.pages, run.options)
        return _write(
            run, results, len(run.pages or images), lambda n, r, path: draw_overlay(images[n - 1], r, path), warn
        )
    with open_pdf(run.pdf, run.options.max_file_mb * 2**20) as doc:
        results = extract_document(doc, run.pdf, run.pages, run.options)
        return _write(run, results, len(run.pages or doc), lambda n, r, path: render_overlay(doc[n - 1], r, path), warn)


def _write(
    run: ExtractRun,
    results: Iterator[PageResult],
    total: int,  # for the progress bar; 0 when not known
    overlay: Callable[[int, PageResult, Path], None],
    warn: Callable[[str], None],
) -> list[int]:
    failed: list[int] = []
    run.out.mkdir(parents=True, exist_ok=True)
    stem = run.pdf.stem
    with tqdm(total=total or None, unit="page", disable=not run.progress, desc=run.pdf.name) as bar:
        for result in results:
            write_page(result, run.out / f"{stem}-p{result.page}.json")
            if run.options.explain and not result.error:
                write_json(decisions_to_json(result), run.out / f"{stem}-p{result.page}.explain.json")
            if result.error:
                failed.append(result.page)
                warn(f"{run.pdf}: page {result.page}: {result.error}")
            elif not result.has_text:
                warn(f"{run.pdf}: page {result.page}: {result.text_layer.value}: {'; '.join(result.problems)}")
            if run.overlay and not result.error:
                overlay(result.page, result, run.out / f"{stem}-p{result.page}.png")
            bar.update(1)
    return failed
