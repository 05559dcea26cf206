"""Stage 1: a PDF page's content as plain data — glyphs, rules, frames and images with positions.

Everything downstream works on :class:`PageContent` only, never on PDFium handles. Coordinates
are PDF points relative to the CropBox's top-left corner (what a PDF viewer shows), y downwards;
whatever lies outside the CropBox is dropped here.

Per-glyph ctypes calls are the known cost of reading a page, so this module talks to PDFium's raw
API directly and asks for as little per glyph as it can: code point, loose box, font size and the
text object (whose font is looked up once per object, not once per glyph).
"""

from __future__ import annotations

import ctypes
from dataclasses import dataclass, field

import numpy as np
import numpy.typing as npt
import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from broadsheet.geometry import Box

FloatArray = npt.NDArray[np.float64]
IntArray = npt.NDArray[np.int32]
BoolArray = npt.NDArray[np.bool_]

# A path thinner than this (pt) in one direction is a rule, not a box.
RULE_THICKNESS = 3.0
_TEXT_RENDER_INVISIBLE = 3
_PDFIUM_HYPHEN = 0x02  # PDFium's code for a hyphen it recognised at a line end


@dataclass(frozen=True, slots=True)
class FontStyle:
    """What matters of a glyph's font for telling headlines, bylines and body apart."""

    name: str
    bold: bool
    italic: bool
    invisible: bool  # render mode 3: an OCR layer under a scan


@dataclass(slots=True)
class Glyphs:
    """The page's glyphs as parallel arrays (struct of arrays keeps the geometry vectorised)."""

    text: list[str]
    box: FloatArray  # (n, 4): x0, y0, x1, y1
    size: FloatArray  # font size in pt, after the text matrix's scaling
    font: IntArray  # index into ``fonts``
    space_before: BoolArray  # the PDF put a space character right before this glyph
    fonts: list[FontStyle]

    def __len__(self) -> int:
        return len(self.text)

    def subset(self, keep: BoolArray) -> Glyphs:
        idx = np.flatnonzero(keep)
        return Glyphs(
            text=[self.text[i] for i in idx],
            box=self.box[idx],
            size=self.size[idx],
            font=self.font[idx],
            space_before=self.space_before[idx],
            fonts=self.fonts,
        )


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
    path_objects: int = 0  # how many vector paths: thousands of tiny ones mean text as outlines
    unmapped_glyphs: int = 0  # glyphs PDFium could not map to Unicode
    rotation: int = 0


class _Frame:
    """Converts PDF user space to CropBox-relative, top-down coordinates."""

    def __init__(self, crop: tuple[float, float, float, float]) -> None:
        self.left, self.bottom, self.right, self.top = crop
        self.width = self.right - self.left
        self.height = self.top - self.bottom

    def box(self, left: float, bottom: float, right: float, top: float) -> Box:
        return (left - self.left, self.top - top, right - self.left, self.top - bottom)


def read_page_content(page: pdfium.PdfPage, number: int) -> PageContent:
    """Read glyphs and graphics of one page; the CropBox is the page."""
    frame = _Frame(page.get_cropbox())
    textpage = page.get_textpage()
    try:
        glyphs, unmapped = _read_glyphs(textpage, frame)
    finally:
        textpage.close()
    content = PageContent(
        number=number,
        width=frame.width,
        height=frame.height,
        glyphs=glyphs,
        unmapped_glyphs=unmapped,
        rotation=page.get_rotation(),
    )
    _read_graphics(page, frame, content)
    return content


def _read_glyphs(textpage: pdfium.PdfTextPage, frame: _Frame) -> tuple[Glyphs, int]:
    raw = textpage.raw
    n = pdfium_c.FPDFText_CountChars(raw)
    text: list[str] = []
    boxes = np.empty((max(n, 0), 4), dtype=np.float64)
    sizes = np.empty(max(n, 0), dtype=np.float64)
    fonts_of = np.empty(max(n, 0), dtype=np.int32)
    space_before = np.zeros(max(n, 0), dtype=np.bool_)
    per_object: dict[int | None, tuple[int, float]] = {}
    styles: dict[FontStyle, int] = {}
    rect = pdfium_c.FS_RECTF()
    rect_ref = ctypes.byref(rect)
    get_unicode = pdfium_c.FPDFText_GetUnicode
    get_box = pdfium_c.FPDFText_GetLooseCharBox
    get_object = pdfium_c.FPDFText_GetTextObject
    unmapped = 0
    pending_space = False
    k = 0
    for i in range(max(n, 0)):
        code = get_unicode(raw, i)
        if code in (0x20, 0xA0, 0x09, 0x0A, 0x0D, 0x3000) or code == 0x200B:
            pending_space = pending_space or pdfium_c.FPDFText_IsGenerated(raw, i) == 0
            continue
        if code == _PDFIUM_HYPHEN:
            code = 0x2D
        elif code in (0, 0xFFFE, 0xFFFF) or 0xD800 <= code <= 0xDFFF:
            unmapped += 1
            continue
        if not get_box(raw, i, rect_ref):
            continue
        x0, y0, x1, y1 = frame.box(rect.left, rect.bottom, rect.right, rect.top)
        cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
        if not (0 <= cx <= frame.width and 0 <= cy <= frame.height):
            pending_space = False
            continue
        obj = get_object(raw, i)
        key = ctypes.cast(obj, ctypes.c_void_p).value if obj else None
        known = per_object.get(key)
        if known is None:
            style, size = _object_style(obj)
            known = per_object[key] = (styles.setdefault(style, len(styles)), size or (y1 - y0) / 1.2)
        text.append(chr(code))
        boxes[k] = (x0, y0, x1, y1)
        sizes[k] = known[1]
        fonts_of[k] = known[0]
        space_before[k] = pending_space
        pending_space = False
        k += 1
    glyphs = Glyphs(
        text=text,
        box=boxes[:k],
        size=sizes[:k],
        font=fonts_of[:k],
        space_before=space_before[:k],
        fonts=list(styles),
    )
    return glyphs, unmapped


_NAME_BUFFER = ctypes.create_string_buffer(256)


def _object_style(obj: pdfium_c.FPDF_PAGEOBJECT | None) -> tuple[FontStyle, float]:
    """Style and effective font size (Tf size times the object's matrix scale) of a text object."""
    if not obj:
        return FontStyle("", False, False, False), 0.0
    tf = ctypes.c_float(0)
    pdfium_c.FPDFTextObj_GetFontSize(obj, ctypes.byref(tf))
    m = pdfium_c.FS_MATRIX()
    scale = 1.0
    if pdfium_c.FPDFPageObj_GetMatrix(obj, ctypes.byref(m)):
        scale = abs(m.a * m.d - m.b * m.c) ** 0.5
    return _font_style(obj), float(tf.value) * scale


def _font_style(obj: pdfium_c.FPDF_PAGEOBJECT) -> FontStyle:
    """Bold/italic from the font's weight, angle and name (subset prefixes like ABCDEF+ stripped)."""
    font = pdfium_c.FPDFTextObj_GetFont(obj)
    name = ""
    weight = 400
    angle = ctypes.c_int(0)
    if font:
        length = pdfium_c.FPDFFont_GetBaseFontName(font, _NAME_BUFFER, len(_NAME_BUFFER))
        name = _NAME_BUFFER.raw[: max(length - 1, 0)].decode("latin-1", "replace").split("+")[-1]
        weight = pdfium_c.FPDFFont_GetWeight(font)
        pdfium_c.FPDFFont_GetItalicAngle(font, ctypes.byref(angle))
    lowered = name.lower()
    bold = weight >= 600 or any(w in lowered for w in ("bold", "black", "heavy", "semibold", "demi"))
    italic = angle.value != 0 or "italic" in lowered or "oblique" in lowered
    invisible = pdfium_c.FPDFTextObj_GetTextRenderMode(obj) == _TEXT_RENDER_INVISIBLE
    return FontStyle(name, bold, italic, invisible)


def _read_graphics(page: pdfium.PdfPage, frame: _Frame, content: PageContent) -> None:
    """Collect rules, frames and images, descending into form XObjects."""
    left, bottom, right, top = (ctypes.c_float() for _ in range(4))
    refs = [ctypes.byref(v) for v in (left, bottom, right, top)]
    stack: list[tuple[int, pdfium_c.FPDF_PAGEOBJECT | None]] = []
    count = pdfium_c.FPDFPage_CountObjects(page.raw)
    stack.extend((i, None) for i in range(count - 1, -1, -1))
    while stack:
        index, parent = stack.pop()
        obj = (
            pdfium_c.FPDFPage_GetObject(page.raw, index)
            if parent is None
            else pdfium_c.FPDFFormObj_GetObject(parent, index)
        )
        if not obj:
            continue
        kind = pdfium_c.FPDFPageObj_GetType(obj)
        if kind == pdfium_c.FPDF_PAGEOBJ_FORM:
            children = pdfium_c.FPDFFormObj_CountObjects(obj)
            stack.extend((i, obj) for i in range(children - 1, -1, -1))
            continue
        if kind not in (pdfium_c.FPDF_PAGEOBJ_PATH, pdfium_c.FPDF_PAGEOBJ_IMAGE):
            continue
        if not pdfium_c.FPDFPageObj_GetBounds(obj, *refs):
            continue
        box = _clip(frame.box(left.value, bottom.value, right.value, top.value), frame)
        if kind == pdfium_c.FPDF_PAGEOBJ_PATH:
            content.path_objects += 1
        if box is None:
            continue
        if kind == pdfium_c.FPDF_PAGEOBJ_IMAGE:
            content.images.append(box)
        else:
            _classify_path(box, content)


def _clip(box: Box, frame: _Frame) -> Box | None:
    x0, y0 = max(box[0], 0.0), max(box[1], 0.0)
    x1, y1 = min(box[2], frame.width), min(box[3], frame.height)
    if x1 <= x0 and y1 <= y0:
        return None
    if x1 < x0 or y1 < y0:
        return None
    return (x0, y0, x1, y1)


def _classify_path(box: Box, content: PageContent) -> None:
    w, h = box[2] - box[0], box[3] - box[1]
    if h <= RULE_THICKNESS and w > 3 * RULE_THICKNESS:
        content.hrules.append(box)
    elif w <= RULE_THICKNESS and h > 3 * RULE_THICKNESS:
        content.vrules.append(box)
    elif w > 10 and h > 10:
        content.frames.append(box)
