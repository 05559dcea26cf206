"""Open a PDF with PDFium and refuse bad input with a message that says what is wrong."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from broadsheet.errors import (
    BrokenPdfError,
    EncryptedPdfError,
    InputFileError,
    NotAPdfError,
    PageError,
    TooLargeError,
)

# PDF files may carry junk before the header; PDFium accepts the header within the first 1024 bytes.
_HEADER_WINDOW = 1024


def check_pdf_file(path: Path, max_bytes: int) -> None:
    """Refuse what is not a readable PDF before PDFium sees it."""
    if not path.exists():
        raise InputFileError(f"{path}: no such file")
    if not path.is_file():
        raise InputFileError(f"{path}: not a file")
    size = path.stat().st_size
    if size == 0:
        raise NotAPdfError(f"{path}: the file is empty")
    if size > max_bytes:
        raise TooLargeError(
            f"{path}: {size / 2**20:.0f} MiB is more than the limit of {max_bytes / 2**20:.0f} MiB "
            "(raise max_file_mb in the options if this edition is genuine)"
        )
    with path.open("rb") as f:
        head = f.read(_HEADER_WINDOW)
    if b"%PDF-" not in head:
        raise NotAPdfError(f"{path}: not a PDF file (no %PDF header)")


def load_pdf(path: Path, max_bytes: int = 2**31) -> pdfium.PdfDocument:
    """``path`` opened for reading, for a caller that closes it (:func:`open_pdf` closes it for you)."""
    check_pdf_file(path, max_bytes)
    try:
        doc = pdfium.PdfDocument(path)
    except pdfium.PdfiumError as e:
        if pdfium_c.FPDF_GetLastError() == pdfium_c.FPDF_ERR_PASSWORD:
            raise EncryptedPdfError(
                f"{path}: the PDF is encrypted with a password; ask the publisher for an unprotected file"
            ) from e
        raise BrokenPdfError(f"{path}: PDFium cannot read this PDF ({e}); is the file complete?") from e
    if len(doc) == 0:
        doc.close()
        raise BrokenPdfError(f"{path}: the PDF has no pages")
    return doc


@contextmanager
def open_pdf(path: Path, max_bytes: int = 2**31) -> Iterator[pdfium.PdfDocument]:
    """Open ``path`` for reading; the document (and every page opened from it) closes on exit."""
    doc = load_pdf(path, max_bytes)
    try:
        yield doc
    finally:
        doc.close()


def load_page(doc: pdfium.PdfDocument, number: int) -> pdfium.PdfPage:
    """Page ``number`` (1-based) of ``doc``; one PDFium cannot load is a
    :class:`~broadsheet.errors.PageError` saying so."""
    try:
        return doc[number - 1]
    except pdfium.PdfiumError as e:
        raise PageError(f"PDFium cannot load the page ({e})") from e
