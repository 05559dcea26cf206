"""What a page prints, as one hash: whether a page of a new PDF of an edition is a page it had before.

An edition's PDF is sent again when a page changed (a late story, a corrected advert); the corrections
staff made to the other pages should stay (:mod:`broadsheet.ingest.corrections`). The file's bytes
cannot tell which pages changed (any change rewrites the file, and a PDF made again from the same
pages numbers its objects differently), so each page is hashed from what PDFium reads off it: its
size and turn, its text in content order, where each of its objects (text, paths, images, shadings)
is drawn, and the bytes of its images as stored. Two pages with the same hash print the same; a page
moved to another place in the PDF keeps its hash.
"""

from __future__ import annotations

import ctypes
import hashlib
from pathlib import Path

import numpy as np
import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from broadsheet.pdf import calls
from broadsheet.pdf.content import PageObjects, page_objects_bounds
from broadsheet.pdf.document import load_page, open_pdf

DRAWN = frozenset(
    {
        pdfium_c.FPDF_PAGEOBJ_TEXT,
        pdfium_c.FPDF_PAGEOBJ_PATH,
        pdfium_c.FPDF_PAGEOBJ_IMAGE,
        pdfium_c.FPDF_PAGEOBJ_SHADING,
    }
)


def page_fingerprint(
    page: pdfium.PdfPage, textpage: pdfium.PdfTextPage | None = None, objects: PageObjects | None = None
) -> str:
    """The SHA-256 (hex) of what ``page`` prints. ``textpage``: the page's text page, if the caller has
    one (the ingest's reading of a page shares it with extraction; the caller closes its own); ``objects``:
    the page's objects of :data:`DRAWN`'s kinds (:func:`drawn_objects`), if the caller walked them."""
    digest = hashlib.sha256()
    crop = [round(v, 2) for v in page.get_cropbox()]
    digest.update(f"{crop} {page.get_rotation()}\n".encode())
    text = page.get_textpage() if textpage is None else textpage
    try:
        digest.update(text.get_text_range().encode("utf-8", "surrogatepass"))
    finally:
        if textpage is None:
            text.close()
    drawn = objects if objects is not None else drawn_objects(page)
    digest.update(drawn.kinds.tobytes())
    digest.update(np.round(drawn.bounds, 2).tobytes())
    for obj, kind in zip(drawn.handles, drawn.kinds.tolist(), strict=True):
        if kind == pdfium_c.FPDF_PAGEOBJ_IMAGE:
            size = calls.GET_IMAGE_DATA_RAW(obj, 0, 0)
            data = ctypes.create_string_buffer(size)
            calls.GET_IMAGE_DATA_RAW(obj, ctypes.addressof(data), size)
            digest.update(hashlib.sha256(data.raw).digest())
    return digest.hexdigest()


def drawn_objects(page: pdfium.PdfPage) -> PageObjects:
    """The page's objects of :data:`DRAWN`'s kinds with their bounds: what its fingerprint hashes, and
    what extraction reads its graphics from (:func:`broadsheet.pdf.content.read_page_content`)."""
    return page_objects_bounds(page, DRAWN)


def page_fingerprints(pdf: Path) -> list[str]:
    """Each page's :func:`page_fingerprint`, in page order."""
    with open_pdf(pdf) as doc:
        prints = []
        for index in range(len(doc)):
            page = load_page(doc, index + 1)
            try:
                prints.append(page_fingerprint(page))
            finally:
                page.close()
        return prints
