"""PDFium's C functions called once per glyph or object, looped in C instead of in Python.

A ctypes call costs about a microsecond, a Python loop around it as much again, and a page holds
some 30,000 glyphs. So the functions :mod:`broadsheet.pdf.content` needs per glyph or per object
are re-declared here and called through ``map``: no Python bytecode runs per call.

They are declared without argument types. With them, ctypes converts every argument by calling its
type's ``from_param`` (an ``isinstance`` check through the type's metaclass and a new argument object
each time), which cost more than the call itself: half the instructions of reading a page's glyphs
(callgrind, issue 12). Without them, ctypes passes a Python int as a C ``int`` and a ready-made
pointer argument (:func:`pointer`, :func:`pointers`, :func:`row_pointers`) as it is. So every argument
of these functions is either a small int (an index) or such a pointer — a handle or an
out-parameter, made once and reused where the same one goes to many calls; handles come back as plain
integers (NULL as 0). The functions taking an ``unsigned long`` stay declared (they are called rarely).
"""

from __future__ import annotations

import ctypes
import itertools
from collections.abc import Iterable
from typing import Any

import numpy as np
import numpy.typing as npt
import pypdfium2.raw as pdfium_c


def address(pointer: Any) -> int:
    """A ctypes pointer or function as a plain address (0 for NULL)."""
    return ctypes.cast(pointer, ctypes.c_void_p).value or 0


def _untyped(function: Any, restype: type | None) -> Any:
    """``function`` with its return type only: its arguments go as they are (module doc)."""
    return ctypes.CFUNCTYPE(restype)(address(function))


def _plain(function: Any, restype: type | None, *argtypes: type) -> Any:
    return ctypes.CFUNCTYPE(restype, *argtypes)(address(function))


pointer: Any = ctypes.c_void_p.from_param
"""An address (an int) as a pointer argument of the functions here, passed to C without conversion."""

_P, _INT = ctypes.c_size_t, ctypes.c_int  # a handle, as returned

# per character of a text page: (text page, index, [out-parameter])
GET_UNICODE = _untyped(pdfium_c.FPDFText_GetUnicode, ctypes.c_uint)
IS_GENERATED = _untyped(pdfium_c.FPDFText_IsGenerated, _INT)
GET_LOOSE_BOX = _untyped(pdfium_c.FPDFText_GetLooseCharBox, _INT)
GET_CHAR_ORIGIN = _untyped(pdfium_c.FPDFText_GetCharOrigin, _INT)  # two out-parameters: x, y
GET_TEXT_OBJECT = _untyped(pdfium_c.FPDFText_GetTextObject, _P)
# per text object: (object, [out-parameter])
GET_FONT_SIZE = _untyped(pdfium_c.FPDFTextObj_GetFontSize, _INT)
GET_MATRIX = _untyped(pdfium_c.FPDFPageObj_GetMatrix, _INT)
GET_FONT = _untyped(pdfium_c.FPDFTextObj_GetFont, _P)
GET_RENDER_MODE = _untyped(pdfium_c.FPDFTextObj_GetTextRenderMode, _INT)
GET_FILL_COLOR = _untyped(pdfium_c.FPDFPageObj_GetFillColor, _INT)  # four out-parameters: R, G, B, A
# per page object's clipping path: (object); (clip); (clip, path); (clip, path, segment); (segment, x, y)
GET_CLIP_PATH = _untyped(pdfium_c.FPDFPageObj_GetClipPath, _P)
COUNT_CLIP_PATHS = _untyped(pdfium_c.FPDFClipPath_CountPaths, _INT)
COUNT_CLIP_SEGMENTS = _untyped(pdfium_c.FPDFClipPath_CountPathSegments, _INT)
GET_CLIP_SEGMENT = _untyped(pdfium_c.FPDFClipPath_GetPathSegment, _P)
GET_SEGMENT_POINT = _untyped(pdfium_c.FPDFPathSegment_GetPoint, _INT)
# per page object: (page, index), (object), (object, four out-parameters)
GET_OBJECT = _untyped(pdfium_c.FPDFPage_GetObject, _P)
GET_TYPE = _untyped(pdfium_c.FPDFPageObj_GetType, _INT)
GET_BOUNDS = _untyped(pdfium_c.FPDFPageObj_GetBounds, _INT)
# declared, with plain integer addresses: per form object (form, unsigned long index), (form)
GET_FORM_OBJECT = _plain(pdfium_c.FPDFFormObj_GetObject, _P, _P, ctypes.c_ulong)
COUNT_FORM_OBJECTS = _plain(pdfium_c.FPDFFormObj_CountObjects, _INT, _P)
# per image object: its stream's bytes as stored (object, buffer, buffer size; returns the size)
GET_IMAGE_DATA_RAW = _plain(pdfium_c.FPDFImageObj_GetImageDataRaw, ctypes.c_ulong, _P, _P, ctypes.c_ulong)


def call_each(function: Any, *columns: Iterable[Any]) -> list[Any]:
    """``function(*row)`` for each row of ``columns`` (``itertools.repeat`` for a fixed argument)."""
    return list(map(function, *columns))


def pointers(addresses: Iterable[int]) -> list[Any]:
    """Each address as a pointer argument (:func:`pointer`): made once for handles that go to several calls."""
    return list(map(pointer, addresses))


def row_pointers(array: npt.NDArray[Any], offset: int = 0) -> list[Any]:
    """Pointer arguments to each row of a C-contiguous ``array`` (plus ``offset`` bytes): PDFium writes its
    out-parameters straight into the array, which must outlive the calls."""
    step = array.dtype.itemsize * int(np.prod(array.shape[1:]))
    start = array.ctypes.data + offset
    return pointers(range(start, start + step * len(array), step))


def char_origins(textpage: Any, chars: list[int]) -> tuple[npt.NDArray[np.float64], npt.NDArray[np.bool_]]:
    """Each character's origin (x, y in user space: where the producer set it) of ``textpage`` (a
    pointer argument), and whether PDFium gave it."""
    origins = np.zeros((len(chars), 2), dtype=np.float64)  # PDFium writes each row
    got = call_each(GET_CHAR_ORIGIN, itertools.repeat(textpage), chars, row_pointers(origins), row_pointers(origins, 8))
    return origins, np.array(got, dtype=np.int64) != 0
