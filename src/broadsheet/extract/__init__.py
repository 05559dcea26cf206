"""Article extraction: a publisher's print PDF in, one :class:`PageResult` per page out.

>>> for page in extract_pages(Path("edition.pdf")):
...     print(page.page, [a.headline for a in page.articles])
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path

import pypdfium2 as pdfium

from broadsheet.errors import PageError, UsageError
from broadsheet.extract.model import PageResult
from broadsheet.extract.options import ExtractOptions
from broadsheet.extract.pipeline import extract_page
from broadsheet.pdf.content import read_page_content
from broadsheet.pdf.document import open_pdf

__all__ = ["ExtractOptions", "PageResult", "extract_document", "extract_pages"]


def extract_pages(
    path: Path, pages: Sequence[int] | None = None, options: ExtractOptions | None = None
) -> Iterator[PageResult]:
    """Extract the given 1-based pages (all by default), one at a time: memory stays flat.

    Raises :class:`broadsheet.errors.InputFileError` when the file cannot be opened at all. A page
    that fails yields a PageResult with ``error`` set and no items; the other pages go on.
    """
    options = options or ExtractOptions()
    with open_pdf(path, options.max_file_mb * 2**20) as doc:
        yield from extract_document(doc, path, pages, options)


def extract_document(
    doc: pdfium.PdfDocument, path: Path, pages: Sequence[int] | None = None, options: ExtractOptions | None = None
) -> Iterator[PageResult]:
    """:func:`extract_pages` of ``path`` already open as ``doc``: a caller that needs the document
    too (the page count, overlays) opens it once."""
    options = options or ExtractOptions()
    total = len(doc)
    wanted = list(pages) if pages is not None else list(range(1, total + 1))
    bad = [n for n in wanted if not 1 <= n <= total]
    if bad:
        raise UsageError(f"{path}: page {bad[0]} does not exist (the PDF has {total} pages)")
    for number in wanted:
        yield _extract_one(doc, number, path.name, options)


def _extract_one(doc: pdfium.PdfDocument, number: int, source: str, options: ExtractOptions) -> PageResult:
    try:
        page = doc[number - 1]
    except pdfium.PdfiumError as e:
        return _failed(source, number, f"PDFium cannot load the page ({e})")
    try:
        content = read_page_content(page, number)
        if len(content.glyphs) > options.max_glyphs_per_page:
            raise PageError(
                f"the page has {len(content.glyphs)} glyphs, more than the limit of {options.max_glyphs_per_page}"
            )
        return extract_page(content, source, options)
    except PageError as e:
        return _failed(source, number, str(e))
    except (pdfium.PdfiumError, ValueError, IndexError, ZeroDivisionError) as e:
        return _failed(source, number, f"the page could not be processed ({type(e).__name__}: {e})")
    finally:
        page.close()


def _failed(source: str, number: int, message: str) -> PageResult:
    return PageResult(source=source, page=number, width=0.0, height=0.0, error=message)
