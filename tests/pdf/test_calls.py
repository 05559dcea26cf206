"""PDFium's per-glyph and per-object functions called without declared argument types
(:mod:`broadsheet.pdf.calls`): each answers what pypdfium2's declared bindings answer for the same
characters and objects, out-parameters written into the right rows."""

from __future__ import annotations

import ctypes
import itertools
from pathlib import Path

import numpy as np
import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from broadsheet.pdf import calls
from broadsheet.pdf.content import page_objects
from broadsheet.pdf.fingerprint import DRAWN
from tests.pdfs import box, combine, make_pdf, text_at


def _page(tmp_path: Path) -> Path:
    return make_pdf(
        tmp_path / "p.pdf",
        combine(text_at(72, 72, "Ferries run again"), text_at(300, 200, "Apples ripen", size=14), box(72, 300, 200, 2)),
    )


def test_the_per_character_calls_answer_as_the_declared_functions_do(tmp_path: Path) -> None:
    doc = pdfium.PdfDocument(_page(tmp_path))
    page = doc[0]
    text = page.get_textpage()
    n = pdfium_c.FPDFText_CountChars(text.raw)
    handle = calls.pointer(calls.address(text.raw))
    rects = np.zeros((n, 4), dtype=np.float32)
    got = calls.call_each(calls.GET_LOOSE_BOX, itertools.repeat(handle), range(n), calls.row_pointers(rects))
    assert n > 20 and all(got)
    rect = pdfium_c.FS_RECTF()
    for k in range(n):
        assert calls.GET_UNICODE(handle, k) == pdfium_c.FPDFText_GetUnicode(text.raw, k)
        assert calls.IS_GENERATED(handle, k) == pdfium_c.FPDFText_IsGenerated(text.raw, k)
        assert pdfium_c.FPDFText_GetLooseCharBox(text.raw, k, ctypes.byref(rect))
        assert rects[k].tolist() == [rect.left, rect.top, rect.right, rect.bottom]
        obj = calls.GET_TEXT_OBJECT(handle, k)
        assert obj == calls.address(pdfium_c.FPDFText_GetTextObject(text.raw, k))
    text.close()
    page.close()
    doc.close()


def test_the_per_object_calls_answer_as_the_declared_functions_do(tmp_path: Path) -> None:
    doc = pdfium.PdfDocument(_page(tmp_path))
    page = doc[0]
    objects = list(page_objects(page, DRAWN))
    assert sorted({kind for _, kind, _ in objects}) == [pdfium_c.FPDF_PAGEOBJ_TEXT, pdfium_c.FPDF_PAGEOBJ_PATH]
    handles = calls.pointers(obj for obj, _, _ in objects)
    bounds = np.zeros((len(objects), 4), dtype=np.float32)
    corners = [calls.row_pointers(bounds, offset) for offset in (0, 4, 8, 12)]
    assert all(calls.call_each(calls.GET_BOUNDS, handles, *corners))
    sizes = np.zeros(len(objects), dtype=np.float32)
    calls.call_each(calls.GET_FONT_SIZE, handles, calls.row_pointers(sizes))
    matrices = np.zeros((len(objects), 6), dtype=np.float32)
    calls.call_each(calls.GET_MATRIX, handles, calls.row_pointers(matrices))
    for k, (obj, kind, _) in enumerate(objects):
        declared = ctypes.cast(obj, pdfium_c.FPDF_PAGEOBJECT)
        assert pdfium_c.FPDFPageObj_GetType(declared) == kind == calls.GET_TYPE(handles[k])
        edges = [ctypes.c_float() for _ in range(4)]
        assert pdfium_c.FPDFPageObj_GetBounds(declared, *map(ctypes.byref, edges))
        assert bounds[k].tolist() == [e.value for e in edges]
        if kind == pdfium_c.FPDF_PAGEOBJ_TEXT:
            size = ctypes.c_float()
            assert pdfium_c.FPDFTextObj_GetFontSize(declared, ctypes.byref(size))
            assert sizes[k] == size.value > 0
            matrix = pdfium_c.FS_MATRIX()
            assert pdfium_c.FPDFPageObj_GetMatrix(declared, ctypes.byref(matrix))
            assert matrices[k].tolist() == [matrix.a, matrix.b, matrix.c, matrix.d, matrix.e, matrix.f]
            font = calls.GET_FONT(handles[k])
            assert font and font == calls.address(pdfium_c.FPDFTextObj_GetFont(declared))
            assert calls.GET_RENDER_MODE(handles[k]) == pdfium_c.FPDFTextObj_GetTextRenderMode(declared)
    page.close()
    doc.close()
