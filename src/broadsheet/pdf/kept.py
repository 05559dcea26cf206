"""One PDF kept open from one job of an ingest worker to the next.

An ingest's worker runs one job per page — the page's reading, then later its images — on the same PDF.
Opened anew for each job, PDFium parses the document's fonts and other shared resources again for
every page, and rasterises every glyph again for every rendering: PDFium caches both per document.
Kept open, a newspaper's pages, which share a handful of fonts, pay for them once a worker: a page's
load costs about a third less and its renders about a tenth less (issue 12: the ingest's budget is three
times PDFium's bare render and read, which itself keeps its one document open).

Only processes that say so keep a document (:func:`keep_documents`, called by the ingest's workers,
which end with the ingest): elsewhere — the command line, the web server's processes — every job opens
and closes its own, so no file stays open behind a request. The document kept is the last one asked for,
known by its path and its file's identity (device, inode, size and time of change): a file replaced or
rewritten at the same path is opened again. The checks of :func:`~broadsheet.pdf.document.open_pdf` (a
size limit, the header) run for every job all the same: they read a kilobyte.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pypdfium2 as pdfium

from broadsheet.pdf.document import check_pdf_file, load_pdf, open_pdf

FileIdentity = tuple[str, int, int, int, int]


class _Kept:
    """This process's kept document, if it keeps one."""

    enabled = False
    identity: FileIdentity | None = None
    document: pdfium.PdfDocument | None = None


def keep_documents() -> None:
    """Keep the last document opened through :func:`kept_pdf` open in this process from now on."""
    _Kept.enabled = True


def forget_document() -> None:
    """Close the kept document, if there is one (the next job opens its file again)."""
    document, _Kept.document, _Kept.identity = _Kept.document, None, None
    if document is not None:
        document.close()


def _identity(path: Path) -> FileIdentity | None:
    try:
        stat = path.stat()
    except OSError:
        return None
    return (os.fspath(path.resolve()), stat.st_dev, stat.st_ino, stat.st_size, stat.st_ctime_ns)


@contextmanager
def kept_pdf(path: Path, max_bytes: int = 2**31) -> Iterator[pdfium.PdfDocument]:
    """``path`` open for the ``with`` block, as :func:`~broadsheet.pdf.document.open_pdf` opens it (its
    checks run each time, within ``max_bytes``, and raise what they raise): kept open afterwards, and
    given again to the next block on the same unchanged file, in a process that keeps documents; else
    closed on exit. Pages opened in the block are the caller's to close."""
    if not _Kept.enabled:
        with open_pdf(path, max_bytes) as document:
            yield document
        return
    check_pdf_file(path, max_bytes)
    identity = _identity(path)
    if _Kept.document is None or identity is None or identity != _Kept.identity:
        forget_document()
        _Kept.document, _Kept.identity = load_pdf(path, max_bytes), identity
    yield _Kept.document
