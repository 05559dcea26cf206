"""Stage 1: a PDF page's content as plain data — glyphs, rules, frames and images with positions.

Everything downstream works on :class:`PageContent` only, never on PDFium handles. Coordinates
are PDF points relative to the top-left corner of the page's printed part, y downwards: its CropBox
(what a PDF viewer shows), or a press PDF's TrimBox inside it (:mod:`broadsheet.pdf.frame`, which
says how to move what is found back onto the CropBox); whatever lies outside it is dropped here.

Per-glyph ctypes calls are the known cost of reading a page, so this module asks PDFium for as
little per glyph as it can — code point, loose box and text object (whose font and size are read
once per object, not once per glyph) — through :mod:`broadsheet.pdf.calls`, which loops the calls
in C, and works on the answers as numpy arrays.
"""

from __future__ import annotations

import ctypes
import itertools
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import numpy.typing as npt
import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from broadsheet.geometry import Box
from broadsheet.pdf import calls
from broadsheet.pdf.arrays import BoolArray, FloatArray, Index, IntArray
from broadsheet.pdf.baselines import on_baselines
from broadsheet.pdf.cascade_clues import cascades_on_page
from broadsheet.pdf.clips import clip_boxes
from broadsheet.pdf.fonts import FontStyle, object_fonts
from broadsheet.pdf.frame import PageFrame, page_frame
from broadsheet.pdf.matrices import Matrix, mapped, then
from broadsheet.pdf.redrawn import drawn_once, redrawn

# A path thinner than this (pt) in one direction is a rule, not a box.
RULE_THICKNESS = 3.0
# So is a thicker bar up to RULE_BAR pt (a 2 pt stroke's bounds are 4 pt tall: PDFium's box of a
# stroked line takes in its line width on both sides) at least RULE_BAR_LENGTH times as long.
RULE_BAR = 6.0
RULE_BAR_LENGTH = 25.0
# A glyph's centre may stand this many points outside its clip and still show (rounding, a clip drawn
# tight round a frame's text).
CLIP_SLACK = 1.0
_PDFIUM_HYPHEN = 0x02  # PDFium's code for a hyphen it recognised at a line end
GRAPHICS = frozenset({pdfium_c.FPDF_PAGEOBJ_PATH, pdfium_c.FPDF_PAGEOBJ_IMAGE})
_SPACES = np.array([0x20, 0xA0, 0x09, 0x0A, 0x0D, 0x3000, 0x200B], dtype=np.uint32)


@dataclass(slots=True)
class Glyphs:
    """The page's glyphs as parallel arrays (struct of arrays keeps the geometry vectorised)."""

    text: list[str]  # one character per glyph
    box: FloatArray  # (n, 4): x0, y0, x1, y1
    size: FloatArray  # font size in pt, after the text matrix's scaling
    font: IntArray  # index into ``fonts``
    space_before: BoolArray  # the PDF put a space character right before this glyph
    fonts: list[FontStyle]
    sideways: BoolArray | None = None  # set on its side (a photo credit up a picture's edge); None: none is
    # PDFium's layout put a space the PDF did not write right before this glyph (extract.word_breaks)
    inferred_space: BoolArray | None = None
    # the line a glyph read in a cascade was drawn in, in one sweep (pdf.cascade; -1 for the others): two
    # such lines side by side are two columns' lines, however narrow the gutter its ink leaves
    drawn_line: IntArray | None = None

    def subset(self, keep: BoolArray) -> Glyphs:
        """The glyphs where ``keep`` is true, in the same order."""
        return self.taken(np.flatnonzero(keep))

    def taken(self, index: Index) -> Glyphs:
        """The glyphs ``index`` gives, in its order."""
        sideways = self.sideways[index] if self.sideways is not None else None
        return Glyphs(
            text=[self.text[i] for i in index.tolist()],
            box=self.box[index],
            size=self.size[index],
            font=self.font[index],
            space_before=self.space_before[index],
            fonts=self.fonts,
            sideways=sideways if sideways is not None and sideways.any() else None,
            inferred_space=self.inferred_space[index] if self.inferred_space is not None else None,
            drawn_line=self.drawn_line[index] if self.drawn_line is not None else None,
        )

    def __len__(self) -> int:
        return len(self.text)


@dataclass(slots=True)
class PageContent:
    """What stage 1 read off one page."""

    number: int  # 1-based
    width: float
    height: float
    glyphs: Glyphs
    hrules: list[Box] = field(default_factory=list)
    vrules: list[Box] = field(default_factory=list)
    frames: list[Box] = field(default_factory=list)  # rectangles: boxes around articles, panels
    images: list[Box] = field(default_factory=list)
    shapes: list[Box] = field(default_factory=list)  # every path that is no rule: type set as outlines among them
    path_objects: int = 0  # how many vector paths: thousands of tiny ones mean text as outlines
    unmapped_glyphs: int = 0  # glyphs PDFium could not map to Unicode
    rotation: int = 0
    # what lies between the printed part and the CropBox's edges (left, top, right, bottom): a press
    # PDF's bleed and printer's marks, cut off (broadsheet.pdf.frame)
    margins: Box = (0.0, 0.0, 0.0, 0.0)
    margin_text: list[Box] = field(default_factory=list)  # glyphs in those margins: a press PDF's slug line
    ocr: bool = False  # the glyphs were read by OCR off a scan (broadsheet.ocr), not from a text layer

    def image_cover(self, cells: int = 64) -> float:
        """How much of the page its images cover, overlaps counted once: a scan may come as one image
        or in strips and tiles (a page of eight photographs of its parts is still a scan)."""
        if self.width <= 0 or self.height <= 0:
            return 0.0
        grid = np.zeros((cells, cells), dtype=np.bool_)
        sx, sy = cells / self.width, cells / self.height
        for x0, y0, x1, y1 in self.images:
            grid[max(0, round(y0 * sy)) : round(y1 * sy), max(0, round(x0 * sx)) : round(x1 * sx)] = True
        return float(grid.mean())


def read_page_content(
    page: pdfium.PdfPage,
    number: int,
    textpage: pdfium.PdfTextPage | None = None,
    objects: PageObjects | None = None,
) -> PageContent:
    """Read glyphs and graphics of one page; its printed part is the page. ``textpage``: the page's text page,
    if the caller has one (PDFium parses the page's text anew for each; the caller closes its own);
    ``objects``: the page's objects of :data:`GRAPHICS`' kinds and maybe more, if the caller walked them."""
    frame = page_frame(page)
    drawn = objects if objects is not None else page_objects_bounds(page, GRAPHICS)
    own = textpage is None
    text = page.get_textpage() if textpage is None else textpage
    try:
        glyphs, unmapped, margin_text = _read_glyphs(text, frame, drawn)
    finally:
        if own:
            text.close()
    content = PageContent(
        number=number,
        width=frame.width,
        height=frame.height,
        glyphs=glyphs,
        unmapped_glyphs=unmapped,
        rotation=page.get_rotation(),
        margins=frame.margins,
        margin_text=margin_text,
    )
    _read_graphics(frame, content, drawn)
    return content


def _read_glyphs(textpage: pdfium.PdfTextPage, frame: PageFrame, drawn: PageObjects) -> tuple[Glyphs, int, list[Box]]:
    """The glyphs in content-stream order, how many characters had no Unicode mapping, and the boxes
    of the glyphs in the margins round the page's printed part (:attr:`PageContent.margin_text`).

    Spaces and unmapped characters are dropped, and so are glyphs whose centre lies outside the
    page's printed part (or that have no box), that a clip hides, or that draw again a glyph drawn
    before (:mod:`broadsheet.pdf.redrawn`). Words set in a cascade are read as they were drawn
    (:mod:`broadsheet.pdf.cascade`).
    """
    placed_text = drawn.placed_text
    handle = calls.pointer(calls.address(textpage.raw))
    n = max(pdfium_c.FPDFText_CountChars(textpage.raw), 0)
    codes = np.array(calls.call_each(calls.GET_UNICODE, itertools.repeat(handle), range(n)), dtype=np.uint32)
    codes[codes == _PDFIUM_HYPHEN] = 0x2D
    space = np.isin(codes, _SPACES)
    unmapped = (codes == 0) | (codes == 0xFFFE) | (codes == 0xFFFF) | ((codes >= 0xD800) & (codes <= 0xDFFF))
    boxed, boxes = _loose_boxes(handle, np.flatnonzero(~space & ~unmapped), frame)
    cx, cy = (boxes[:, 0] + boxes[:, 2]) / 2, (boxes[:, 1] + boxes[:, 3]) / 2
    on_page = (cx >= 0) & (cx <= frame.width) & (cy >= 0) & (cy <= frame.height)
    left, top, right, bottom = frame.margins
    on_sheet = (cx >= -left) & (cx <= frame.width + right) & (cy >= -top) & (cy <= frame.height + bottom)
    margin_text = [tuple(box) for box in boxes[on_sheet & ~on_page].tolist()]
    kept, boxes = boxed[on_page], boxes[on_page]
    objects = np.array(calls.call_each(calls.GET_TEXT_OBJECT, itertools.repeat(handle), kept.tolist()), dtype=np.uint64)
    shown = _inside_clips(objects, boxes, frame, placed_text)
    kept, boxes, objects = kept[shown], boxes[shown], objects[shown]
    once = ~redrawn(codes[kept], boxes, objects)
    kept, boxes, objects = kept[once], boxes[once], objects[once]
    sizes, sideways, fonts_of, fonts = _object_styles(objects, boxes, frame, placed_text)
    boxes = on_baselines(handle, kept, boxes, sizes, fonts_of, sideways, frame)
    written, inferred = _spaces_before(handle, space, boxed, kept)
    cascades = cascades_on_page(handle, codes, kept, boxes, sizes, fonts_of, objects, drawn.text_objects, frame)
    if cascades is not None:
        boxes = cascades.box
        written = np.where(cascades.in_cascade, cascades.space_before, written)
        inferred &= ~cascades.in_cascade
    glyphs = Glyphs(
        text=list(map(chr, codes[kept].tolist())),
        box=boxes,
        size=sizes,
        font=fonts_of,
        space_before=written,
        fonts=fonts,
        sideways=sideways if sideways.any() else None,
        inferred_space=inferred if inferred.any() else None,
        drawn_line=cascades.line if cascades is not None else None,
    )
    if cascades is not None:
        glyphs = glyphs.taken(cascades.order)
    return glyphs, int(np.count_nonzero(unmapped)), margin_text


def _inside_clips(
    objects: npt.NDArray[np.uint64], boxes: FloatArray, frame: PageFrame, placed_text: dict[int, Matrix]
) -> BoolArray:
    """Which glyphs (their text objects and boxes on the page) have their centre where their object's
    clipping path lets it show (:mod:`broadsheet.pdf.clips`), asked once per text object."""
    unique, inverse = np.unique(objects, return_inverse=True)
    addresses = unique.tolist()
    placed = [placed_text.get(address) for address in addresses] if placed_text else None
    left, bottom, right, top = clip_boxes(calls.pointers(addresses), placed).T
    with np.errstate(invalid="ignore"):  # an unclipped object's infinite box turns to infinities
        x0, y0, x1, y1 = (np.asarray(v)[inverse.reshape(-1)] for v in frame.boxes(left, bottom, right, top))
    cx, cy = (boxes[:, 0] + boxes[:, 2]) / 2, (boxes[:, 1] + boxes[:, 3]) / 2
    slack = CLIP_SLACK
    shown: BoolArray = (cx >= np.minimum(x0, x1) - slack) & (cx <= np.maximum(x0, x1) + slack)
    shown &= (cy >= np.minimum(y0, y1) - slack) & (cy <= np.maximum(y0, y1) + slack)
    return shown | ~np.isfinite(x0)


def _loose_boxes(textpage: Any, chars: Index, frame: PageFrame) -> tuple[Index, FloatArray]:
    """The characters among ``chars`` that PDFium has a loose box for, and those boxes (``textpage``: the
    text page as a pointer argument, :func:`broadsheet.pdf.calls.pointer`)."""
    rects = np.zeros((len(chars), 4), dtype=np.float32)  # FS_RECTF: left, top, right, bottom
    got = calls.call_each(calls.GET_LOOSE_BOX, itertools.repeat(textpage), chars.tolist(), calls.row_pointers(rects))
    ok = np.array(got, dtype=np.int64) != 0
    left, top, right, bottom = rects[ok].astype(np.float64).T
    return chars[ok], np.column_stack(frame.boxes(left, bottom, right, top))


def _spaces_before(textpage: Any, space: BoolArray, boxed: Index, kept: Index) -> tuple[BoolArray, BoolArray]:
    """For each kept glyph: did the PDF write a space since the last character that was read as a
    glyph or dropped off the page; and did PDFium's layout put one there that the PDF did not write?"""
    spaces = np.flatnonzero(space)
    generated = np.array(calls.call_each(calls.IS_GENERATED, itertools.repeat(textpage), spaces.tolist()), np.int64)
    last = np.full(len(space) + 1, -1, dtype=np.int64)
    last[boxed + 1] = boxed
    last = np.maximum.accumulate(last)  # last[i]: the last character before i with a box
    return _since_last(spaces[generated == 0], len(space), last, kept), _since_last(
        spaces[generated != 0], len(space), last, kept
    )


def _since_last(spaces: Index, n: int, last: npt.NDArray[np.int64], kept: Index) -> BoolArray:
    """Whether one of ``spaces`` (character numbers) lies between each kept glyph and the last
    character with a box before it."""
    count = np.zeros(n + 1, dtype=np.int64)
    count[spaces + 1] = 1
    count = np.cumsum(count)  # count[i]: the spaces before character i
    before: BoolArray = count[kept] > count[last[kept] + 1]
    return before


def _object_styles(
    objects: npt.NDArray[np.uint64], boxes: FloatArray, frame: PageFrame, placed_text: dict[int, Matrix]
) -> tuple[FloatArray, BoolArray, IntArray, list[FontStyle]]:
    """Each glyph's size, whether it is set sideways on the page as displayed (``frame``), and its font
    index, read once per text object (in order of first use); a text object inside a form XObject
    through its forms' matrix (``placed_text``).

    An object without a usable size takes one from its first glyph's height.
    """
    unique, first, inverse = np.unique(objects, return_index=True, return_inverse=True)
    order = np.argsort(first)
    addresses = unique[order].tolist()
    in_order = calls.pointers(addresses)
    fonts, font_of_object = object_fonts(in_order, np.bincount(inverse.reshape(-1))[order])
    placed = [placed_text.get(address) for address in addresses] if placed_text else None
    sizes, turned = _object_sizes(in_order, frame.turned, placed)
    fallback = (boxes[first[order], 3] - boxes[first[order], 1]) / 1.2
    size_of = np.empty(len(unique), dtype=np.float64)
    size_of[order] = np.where(sizes != 0, sizes, fallback)
    sideways = np.empty(len(unique), dtype=np.bool_)
    sideways[order] = turned
    font_of = np.empty(len(unique), dtype=np.int32)
    font_of[order] = font_of_object
    return size_of[inverse], sideways[inverse], font_of[inverse], fonts


def _object_sizes(
    objects: list[Any], page_turned: bool = False, placed: list[Matrix | None] | None = None
) -> tuple[FloatArray, BoolArray]:
    """Effective font size of each text object (a pointer argument): Tf size times its matrix's scale
    (0 for no object); and whether it stands turned on the page as displayed (text set up the side of
    a picture): its matrix turns it more than 45°, or, on a page turned a quarter, less. ``placed``:
    each object's forms' matrix, if it lies in a form XObject (its own matrix leaves that out)."""
    tf = np.zeros(len(objects), dtype=np.float32)
    calls.call_each(calls.GET_FONT_SIZE, objects, calls.row_pointers(tf))
    matrix = np.zeros((len(objects), 6), dtype=np.float32)  # FS_MATRIX: a, b, c, d, e, f
    got = np.array(calls.call_each(calls.GET_MATRIX, objects, calls.row_pointers(matrix)), dtype=np.int64)
    for row, form in enumerate(placed or []):
        if form is not None:
            matrix[row] = then(tuple(matrix[row].tolist()), form)
    a, b, c, d = matrix[:, :4].astype(np.float64).T
    # the square root by Python's pow, as numpy's may round the last bit differently
    root = np.array(list(map(pow, np.abs(a * d - b * c).tolist(), itertools.repeat(0.5))), dtype=np.float64)
    sizes: FloatArray = tf.astype(np.float64) * np.where(got != 0, root, 1.0)
    sideways: BoolArray = (got != 0) & ((np.abs(b) > np.abs(a)) != page_turned)
    return sizes, sideways


def _read_graphics(frame: PageFrame, content: PageContent, drawn: PageObjects) -> None:
    """Collect rules, frames and images from the page's objects of these kinds (and maybe more, walked
    once for its fingerprint too), form XObjects' contents among them; each drawn in one place once."""
    rows = np.flatnonzero(np.isin(drawn.kinds, list(GRAPHICS)) & drawn.found)
    left, bottom, right, top = drawn.bounds[rows].astype(np.float64).T
    boxes = np.column_stack(frame.boxes(left, bottom, right, top)).tolist()
    for kind, (x0, y0, x1, y1) in zip(drawn.kinds[rows].tolist(), boxes, strict=True):
        box = _clip((x0, y0, x1, y1), frame)
        if kind == pdfium_c.FPDF_PAGEOBJ_PATH:
            content.path_objects += 1
        if box is None:
            continue
        if kind == pdfium_c.FPDF_PAGEOBJ_IMAGE:
            content.images.append(box)
        else:
            _classify_path(box, content)
    for kind in ("hrules", "vrules", "frames", "images", "shapes"):
        setattr(content, kind, drawn_once(getattr(content, kind)))


@dataclass(frozen=True, slots=True)
class PageObjects:
    """A page's objects of some kinds in drawing order (:func:`page_objects`), each with its type and its
    bounds as PDFium gives them: what both a page's graphics and its fingerprint are read from, so that a
    caller that needs both walks the page's objects once."""

    handles: list[int]
    kinds: IntArray
    bounds: npt.NDArray[np.float32]  # (n, 4): left, bottom, right, top in user space; 0 where not found
    found: BoolArray  # PDFium gave the object's bounds
    # text objects inside form XObjects (by address), with the matrix from their form's space to the
    # page's: PDFium's matrix of such an object leaves out its forms' (a clipping placed scaled down)
    placed_text: dict[int, Matrix] = field(default_factory=dict)
    # every text object (by address) in drawing order: the order a producer drew a line's glyphs in,
    # which PDFium's character numbers do not keep (:mod:`broadsheet.pdf.cascade`)
    text_objects: list[int] = field(default_factory=list)


def page_objects_bounds(page: pdfium.PdfPage, kinds: frozenset[int]) -> PageObjects:
    """The page's objects of ``kinds`` (:func:`page_objects`) with their bounds on the page: PDFium gives
    an object inside a form XObject its bounds in the form's space, so those are mapped by the forms'
    matrices (a logo placed as a form was found at the page's corner)."""
    placed_text: dict[int, Matrix] = {}
    text_objects: list[int] = []
    objects = list(page_objects(page, kinds, placed_text, text_objects))
    bounds = np.zeros((len(objects), 4), dtype=np.float32)
    corners = [calls.row_pointers(bounds, offset) for offset in (0, 4, 8, 12)]
    got = calls.call_each(calls.GET_BOUNDS, calls.pointers(obj for obj, _, _ in objects), *corners)
    for row, (_, _, placed) in enumerate(objects):
        if placed is not None:
            bounds[row] = mapped(tuple(bounds[row].tolist()), placed)
    return PageObjects(
        handles=[obj for obj, _, _ in objects],
        kinds=np.array([kind for _, kind, _ in objects], dtype=np.int32),
        bounds=bounds,
        found=np.array(got, dtype=np.int64) != 0,
        placed_text=placed_text,
        text_objects=text_objects,
    )


def page_objects(
    page: pdfium.PdfPage,
    kinds: frozenset[int],
    placed_text: dict[int, Matrix] | None = None,
    text_objects: list[int] | None = None,
) -> Iterator[tuple[int, int, Matrix | None]]:
    """The page's objects of ``kinds`` (``FPDF_PAGEOBJ_*``) with their type, in drawing order, form
    XObjects' contents in place (kept on a stack, not in recursion: a hostile PDF may nest forms deeply),
    each with the matrix from its form's space to the page's (None for the page's own objects); into
    ``placed_text``, every text object inside a form with that matrix; and into ``text_objects``, every
    text object in drawing order."""
    count = pdfium_c.FPDFPage_CountObjects(page.raw)
    handle = calls.pointer(calls.address(page.raw))
    page_level = calls.call_each(calls.GET_OBJECT, itertools.repeat(handle), range(count))
    stack: list[tuple[Iterator[tuple[int, int]], Matrix | None]] = [(_typed(page_level), None)]
    while stack:
        objects, placed = stack[-1]
        for obj, kind in objects:
            if kind == pdfium_c.FPDF_PAGEOBJ_FORM:
                count = calls.COUNT_FORM_OBJECTS(obj)
                inner = _typed(calls.call_each(calls.GET_FORM_OBJECT, itertools.repeat(obj), range(count)))
                stack.append((inner, then(_form_matrix(obj), placed)))
                break
            if kind == pdfium_c.FPDF_PAGEOBJ_TEXT:
                if placed is not None and placed_text is not None:
                    placed_text[obj] = placed
                if text_objects is not None:
                    text_objects.append(obj)
            if kind in kinds:
                yield obj, kind, placed
        else:
            stack.pop()


def _form_matrix(form: int) -> Matrix:
    """The matrix from a form XObject's space to its parent's (identity if PDFium gives none)."""
    m = pdfium_c.FS_MATRIX()
    if not pdfium_c.FPDFPageObj_GetMatrix(ctypes.cast(form, pdfium_c.FPDF_PAGEOBJECT), m):
        return (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
    return (m.a, m.b, m.c, m.d, m.e, m.f)


def _typed(objects: list[int]) -> Iterator[tuple[int, int]]:
    """The objects that are not NULL, each with its type."""
    objects = [obj for obj in objects if obj]
    return zip(objects, calls.call_each(calls.GET_TYPE, calls.pointers(objects)), strict=True)


def _clip(box: Box, frame: PageFrame) -> Box | None:
    x0, y0 = max(box[0], 0.0), max(box[1], 0.0)
    x1, y1 = min(box[2], frame.width), min(box[3], frame.height)
    if x1 <= x0 and y1 <= y0:
        return None
    if x1 < x0 or y1 < y0:
        return None
    return (x0, y0, x1, y1)


def _rule(thickness: float, length: float) -> bool:
    """Whether a path this thick and this long is a rule: thin, or a bar much longer than thick."""
    if thickness <= RULE_THICKNESS:
        return length > 3 * RULE_THICKNESS
    return thickness <= RULE_BAR and length >= RULE_BAR_LENGTH * thickness


def _classify_path(box: Box, content: PageContent) -> None:
    w, h = box[2] - box[0], box[3] - box[1]
    if _rule(h, w):
        content.hrules.append(box)
        return
    if _rule(w, h):
        content.vrules.append(box)
        return
    content.shapes.append(box)
    if w > 10 and h > 10:
        content.frames.append(box)
