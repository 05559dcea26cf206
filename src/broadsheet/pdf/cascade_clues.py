"""What a page's PDF tells of its cascades (:mod:`broadsheet.pdf.cascade`) beyond its glyphs' boxes.

Read off PDFium: each glyph's place in the drawing order (its text object's, among the page's text
objects), the height of its origin, and — only on a page with a cascade — the clusters the shaper
drew (a ``/Span`` of marked content with its ``/ActualText``, whose objects PDFium gives one mark
item), the word spaces it drew as glyphs of their own (inkless, outside any cluster) and the spaces
written in a glyph's text.
"""

from __future__ import annotations

import ctypes
import itertools
from typing import Any

import numpy as np
import numpy.typing as npt
import pypdfium2.raw as pdfium_c

from broadsheet.pdf import calls
from broadsheet.pdf.arrays import BoolArray, FloatArray, Index
from broadsheet.pdf.cascade import MIN_RUN, Cascades, Clues, cascade_letters, read_cascades
from broadsheet.pdf.frame import PageFrame

# An inkless glyph (a word space) is at most this many font sizes wide.
INKLESS = 0.05


def cascades_on_page(
    textpage: Any,  # the text page as a pointer argument (broadsheet.pdf.calls.pointer)
    page_codes: npt.NDArray[np.uint32],
    chars: Index,
    box: FloatArray,
    size: FloatArray,
    face: npt.NDArray[np.int32],
    objects: npt.NDArray[np.uint64],
    text_objects: list[int],
    frame: PageFrame,
) -> Cascades | None:
    """:func:`~broadsheet.pdf.cascade.read_cascades` of a page's glyphs: the characters ``chars`` of
    ``textpage`` (of all its characters' code points ``page_codes``), their boxes top-down, font sizes,
    faces and text objects; the page's ``text_objects`` in drawing order. An unturned page only (a
    cascade steps down its height)."""
    codes = page_codes[chars]
    letters = cascade_letters(codes)
    if np.count_nonzero(letters) < MIN_RUN or frame.rotation != 0:
        return None
    drawn = _places(objects, text_objects)
    baseline = _origin_heights(textpage, chars, drawn >= 0, frame)

    def clues() -> Clues:
        glyph_objects = set(objects.tolist())
        return Clues(
            space_drawn_after=_spaces_drawn_after(drawn, text_objects, glyph_objects),
            space_drawn_with=_spaces_drawn_with(textpage, page_codes, objects),
            cluster=np.array([_cluster(obj) for obj in objects.tolist()], dtype=np.int64),
        )

    return read_cascades(drawn, codes, letters, box, size, baseline, face, clues)


def _places(objects: npt.NDArray[np.uint64], text_objects: list[int]) -> Index:
    """Each of ``objects``' place in ``text_objects`` (the page's, in drawing order), -1 where it is not
    among them."""
    if not text_objects:
        return np.full(len(objects), -1, dtype=np.intp)
    addresses = np.array(text_objects, dtype=np.uint64)
    by_address = np.argsort(addresses)
    at = np.minimum(np.searchsorted(addresses[by_address], objects), len(addresses) - 1)
    places: Index = np.where(addresses[by_address][at] == objects, by_address[at], -1).astype(np.intp)
    return places


def _origin_heights(textpage: Any, chars: Index, asked: BoolArray, frame: PageFrame) -> FloatArray:
    """The height (top-down) where the shaper set each glyph's origin, where ``asked`` (0 elsewhere)."""
    which = np.flatnonzero(asked)
    origins, _ = calls.char_origins(textpage, chars[which].tolist())
    heights = np.zeros(len(chars), dtype=np.float64)
    heights[which] = frame.boxes(origins[:, 0], origins[:, 1], origins[:, 0], origins[:, 1])[1]
    return heights


def _spaces_drawn_with(textpage: Any, page_codes: npt.NDArray[np.uint32], objects: npt.NDArray[np.uint64]) -> BoolArray:
    """For each glyph (drawn as ``objects``): whether a space the PDF wrote (not one PDFium generated)
    was drawn in the same text object — one string of glyphs — with it. PDFium's reading order puts
    such a space after the letter, or next to some other glyph; a space drawn as an object of its own
    has none."""
    spaces = np.flatnonzero(page_codes == 0x20)
    generated = calls.call_each(calls.IS_GENERATED, itertools.repeat(textpage), spaces.tolist())
    spaces = spaces[np.array(generated, dtype=np.int64) == 0]
    drawn_in = calls.call_each(calls.GET_TEXT_OBJECT, itertools.repeat(textpage), spaces.tolist())
    with_space = {obj for obj in drawn_in if obj}
    return np.array([obj in with_space for obj in objects.tolist()], dtype=np.bool_)


def _spaces_drawn_after(drawn: Index, text_objects: list[int], glyph_objects: set[int]) -> BoolArray:
    """For each glyph (its object's place ``drawn`` in ``text_objects``; -1: not known): whether a word
    space (:func:`_space_objects`) was drawn after it, before the next object that gave a glyph."""
    gives_glyph = np.array([obj in glyph_objects for obj in text_objects], dtype=np.bool_)
    silent = np.flatnonzero(~gives_glyph)
    is_space = np.zeros(len(text_objects), dtype=np.bool_)
    is_space[silent] = _space_objects([text_objects[i] for i in silent.tolist()])
    spaces_before = np.concatenate([[0], np.cumsum(is_space)])  # [i]: spaces drawn before place i
    glyph_places = np.flatnonzero(gives_glyph)
    known = np.maximum(drawn, 0)
    following = np.searchsorted(glyph_places, known, side="right")
    next_glyph = np.append(glyph_places, len(text_objects))[following]
    spaced: BoolArray = (spaces_before[next_glyph] - spaces_before[known + 1] > 0) & (drawn >= 0)
    return spaced


def _space_objects(objects: list[int]) -> BoolArray:
    """Which of ``objects`` (text objects that gave no character) are word spaces: inkless (narrower
    than :data:`INKLESS` font sizes) and drawn outside any cluster (an inkless glyph inside one is a
    piece of a letter: Noto Nastaliq draws several)."""
    if not objects:
        return np.zeros(0, dtype=np.bool_)
    handles = calls.pointers(objects)
    bounds = np.zeros((len(objects), 4), dtype=np.float32)
    calls.call_each(calls.GET_BOUNDS, handles, *(calls.row_pointers(bounds, offset) for offset in (0, 4, 8, 12)))
    sizes = np.zeros(len(objects), dtype=np.float32)
    calls.call_each(calls.GET_FONT_SIZE, handles, calls.row_pointers(sizes))
    inkless = bounds[:, 2] - bounds[:, 0] <= INKLESS * np.maximum(sizes, 1.0)
    return inkless & np.array([_cluster(obj) == 0 for obj in objects], dtype=np.bool_)


def _cluster(obj: int) -> int:
    """The mark item of the ``/Span`` that ``obj`` was drawn in (PDFium gives every object of one
    marked-content sequence the same item), or 0."""
    handle = ctypes.cast(obj, pdfium_c.FPDF_PAGEOBJECT)
    for i in range(pdfium_c.FPDFPageObj_CountMarks(handle)):
        mark = pdfium_c.FPDFPageObj_GetMark(handle, i)
        if _mark_name(mark) == "Span":
            return calls.address(mark)
    return 0


def _mark_name(mark: Any) -> str:
    length = ctypes.c_ulong()
    pdfium_c.FPDFPageObjMark_GetName(mark, None, 0, ctypes.byref(length))
    name = (ctypes.c_ushort * (length.value // 2 + 1))()
    pdfium_c.FPDFPageObjMark_GetName(mark, name, length, ctypes.byref(length))
    return bytes(name).decode("utf-16-le").rstrip("\x00")
