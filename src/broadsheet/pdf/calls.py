"""PDFium's C functions called once per glyph or object, looped in C instead of in Python.

A ctypes call costs about a microsecond, a Python loop around it as much again, and a page holds
some 30,000 glyphs. So the functions :mod:`broadsheet.pdf.content` needs per glyph or per object
are re-declared here with plain address-sized arguments (handles and out-parameters go in as
integers, handles come back as integers, NULL as 0) and called through ``map``: no Python bytecode
and no pointer conversion runs per call. Out-parameters are rows of a numpy array.
"""

from __future__ import annotations

import ctypes
from collections.abc import Iterable
from typing import Any

import numpy as np
import numpy.typing as npt
import pypdfium2.raw as pdfium_c


def address(pointer: Any) -> int:
    """A ctypes pointer or function as a plain address (0 for NULL)."""
    return ctypes.cast(pointer, ctypes.c_void_p).value or 0


def _plain(function: Any, restype: type | None, *argtypes: type) -> Any:
    return ctypes.CFUNCTYPE(restype, *argtypes)(address(function))


_P, _INT = ctypes.c_size_t, ctypes.c_int  # a handle or an out-parameter, as an address

# per character of a text page
GET_UNICODE = _plain(pdfium_c.FPDFText_GetUnicode, ctypes.c_uint, _P, _INT)
IS_GENERATED = _plain(pdfium_c.FPDFText_IsGenerated, _INT, _P, _INT)
GET_LOOSE_BOX = _plain(pdfium_c.FPDFText_GetLooseCharBox, _INT, _P, _INT, _P)
GET_TEXT_OBJECT = _plain(pdfium_c.FPDFText_GetTextObject, _P, _P, _INT)
# per text object
GET_FONT_SIZE = _plain(pdfium_c.FPDFTextObj_GetFontSize, _INT, _P, _P)
GET_MATRIX = _plain(pdfium_c.FPDFPageObj_GetMatrix, _INT, _P, _P)
GET_FONT = _plain(pdfium_c.FPDFTextObj_GetFont, _P, _P)
GET_RENDER_MODE = _plain(pdfium_c.FPDFTextObj_GetTextRenderMode, _INT, _P)
# per page object
GET_OBJECT = _plain(pdfium_c.FPDFPage_GetObject, _P, _P, _INT)
GET_FORM_OBJECT = _plain(pdfium_c.FPDFFormObj_GetObject, _P, _P, ctypes.c_ulong)
COUNT_FORM_OBJECTS = _plain(pdfium_c.FPDFFormObj_CountObjects, _INT, _P)
GET_TYPE = _plain(pdfium_c.FPDFPageObj_GetType, _INT, _P)
GET_BOUNDS = _plain(pdfium_c.FPDFPageObj_GetBounds, _INT, _P, _P, _P, _P, _P)
# per image object: its stream's bytes as stored (buffer, buffer size; returns the size)
GET_IMAGE_DATA_RAW = _plain(pdfium_c.FPDFImageObj_GetImageDataRaw, ctypes.c_ulong, _P, _P, ctypes.c_ulong)


def call_each(function: Any, *columns: Iterable[int]) -> list[Any]:
    """``function(*row)`` for each row of ``columns`` (``itertools.repeat`` for a fixed handle)."""
    return list(map(function, *columns))


def row_addresses(array: npt.NDArray[Any], offset: int = 0) -> range:
    """Where each row of a C-contiguous ``array`` (plus ``offset`` bytes) sits in memory: PDFium
    writes its out-parameters straight into the array."""
    step = array.dtype.itemsize * int(np.prod(array.shape[1:]))
    start = array.ctypes.data + offset
    return range(start, start + step * len(array), step)
