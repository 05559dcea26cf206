"""One page's reading at ingest, a job for a worker process: its extraction and its fingerprint together.

Both read the page's text off PDFium; PDFium loads a page and parses its text anew each time it is asked,
which for a newspaper page costs a sixth of what reading every character's box does (issue 12: the
ingest's budget is three times PDFium's bare render and read). So the worker that extracts a page
loads it and its text page once and hashes what it prints from the same handles, instead of the ingest's
own process loading every page again for the fingerprints alone; and walks the page's objects once for
both (the fingerprint hashes where each is drawn, extraction reads the rules, frames and pictures).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pypdfium2 as pdfium

from broadsheet.errors import PageError
from broadsheet.extract import ExtractOptions, extract_loaded_page
from broadsheet.extract.model import PageResult
from broadsheet.extract.profile import Profile
from broadsheet.ocr.tesseract import DEFAULT_OCR_LIMITS, OcrLimits
from broadsheet.pdf.content import PageObjects
from broadsheet.pdf.document import load_page
from broadsheet.pdf.fingerprint import drawn_objects, page_fingerprint
from broadsheet.pdf.kept import kept_pdf


@dataclass(frozen=True, slots=True)
class PageReading:
    """What a worker read off one page: its extraction, and what it prints ('' where it could not tell)."""

    result: PageResult
    fingerprint: str = ""


def read_page(
    pdf: Path,
    number: int,
    language: str | None = None,
    profile: dict[str, Any] | None = None,
    ocr: OcrLimits = DEFAULT_OCR_LIMITS,
    ocr_engine: str = "auto",
    crnn_models: Path | None = None,
) -> PageReading:
    """The real article extraction of page ``number`` (1-based), and its fingerprint: a top-level function,
    so worker processes can run it. ``language`` is the edition's: scanned pages are read by OCR in it,
    each Tesseract run within ``ocr``, Urdu by ``ocr_engine`` (:mod:`broadsheet.ocr.engine`; the CRNN
    from ``crnn_models``, loaded once a worker, on one thread: the workers are the parallelism);
    ``profile`` its publication's (as stored, JSON). In an ingest's worker the document stays open for
    the worker's next job (:mod:`broadsheet.pdf.kept`)."""
    profiled = Profile.from_json(profile) if profile else None
    options = ExtractOptions(
        language=language, profile=profiled, ocr_limits=ocr, ocr_engine=ocr_engine, crnn_models=crnn_models
    )
    with kept_pdf(pdf, options.max_file_mb * 2**20) as doc:
        try:
            page = load_page(doc, number)
        except PageError as e:
            return PageReading(PageResult(source=pdf.name, page=number, width=0, height=0, error=str(e)))
        try:
            textpage = _textpage(page)
            try:
                objects = drawn_objects(page)
                fingerprint = _fingerprint(page, textpage, objects)
                result = extract_loaded_page(page, number, pdf.name, options, textpage, objects)
                return PageReading(result, fingerprint)
            finally:
                if textpage is not None:
                    textpage.close()
        finally:
            page.close()


def _textpage(page: pdfium.PdfPage) -> pdfium.PdfTextPage | None:
    """The page's text page, or None where PDFium cannot make one (extraction then fails the page, saying why)."""
    try:
        return page.get_textpage()
    except pdfium.PdfiumError:
        return None


def _fingerprint(page: pdfium.PdfPage, textpage: pdfium.PdfTextPage | None, objects: PageObjects) -> str:
    """What the page prints, or '' where PDFium cannot read it: the page is then matched to no page of
    another build of the edition (its corrections, if it had any, are not carried over)."""
    if textpage is None:
        return ""
    try:
        return page_fingerprint(page, textpage, objects)
    except pdfium.PdfiumError:
        return ""
