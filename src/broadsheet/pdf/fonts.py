"""Stage 1, part: what a glyph's font and ink say — family, weight, slant, colour — read once per
text object and font (:mod:`broadsheet.pdf.content` reads the glyphs).

The style is what later stages tell headlines, kickers, bylines and body apart by: a kicker in the
paper's sans, or in its colour, over a headline in a black serif.
"""

from __future__ import annotations

import ctypes
from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt
import pypdfium2.raw as pdfium_c

from broadsheet.pdf import calls
from broadsheet.pdf.arrays import IntArray

TEXT_RENDER_INVISIBLE = 3  # an OCR layer under a scan
# Render modes that fill a glyph and stroke its outline too: bold made from a regular face.
_TEXT_RENDER_FAUX_BOLD = (pdfium_c.FPDF_TEXTRENDERMODE_FILL_STROKE, pdfium_c.FPDF_TEXTRENDERMODE_FILL_STROKE_CLIP)
# Text in colours a channel this far apart (of 255) is printed in another ink.
INK_APART = 64


@dataclass(frozen=True, slots=True)
class FontStyle:
    """What matters of a glyph's font for telling headlines, bylines and body apart."""

    name: str
    bold: bool
    italic: bool
    invisible: bool  # render mode 3: an OCR layer under a scan
    ink: tuple[int, int, int] = (0, 0, 0)  # the fill colour, RGB: a kicker in the paper's colour over its black head

    def another_ink(self, other: FontStyle) -> bool:
        """Whether two styles are printed in colours told apart at a glance (a channel INK_APART
        or more apart): blue over black, not the rich black of one page over the plain black of another."""
        return any(abs(a - b) >= INK_APART for a, b in zip(self.ink, other.ink, strict=True))

    def set_apart(self, other: FontStyle) -> bool:
        """Whether two styles are told apart at a glance: another face (another family, or another cut
        of one: a condensed sans over the sans) or another ink."""
        return self.name != other.name or self.another_ink(other)

    def same_family(self, other: FontStyle) -> bool:
        """Whether two fonts are faces of one family ("Times-Bold", "Times-Roman"; "ArialMT",
        "Arial-BoldMT"): their names without the subset tag and the style after a hyphen or comma,
        one the start of the other (a style run into the name, "TimesNewRomanBold")."""
        mine, theirs = font_family(self.name), font_family(other.name)
        return mine.startswith(theirs) or theirs.startswith(mine)


def font_family(name: str) -> str:
    """A font's family: its name without the subset tag and the style ("times" of "ABCDEF+Times-Bold")."""
    return name.split("+")[-1].replace(",", "-").split("-")[0].lower()


def object_fonts(objects: list[Any], glyphs: npt.NDArray[np.intp]) -> tuple[list[FontStyle], IntArray]:
    """The page's distinct font styles, and each text object's (a pointer argument; ``glyphs`` of the
    page's glyphs each) index among them (styles numbered in order of first use).

    Text filled and stroked with its own outline is bold whatever its font: a word processor makes
    bold so for a face that has no bold of its own (:data:`_TEXT_RENDER_FAUX_BOLD`) — unless most of
    the page's text is drawn so, which is how its producer prints, not emphasis. PDFium answers a
    NULL object (a glyph without one) with no font and an unknown render mode, which makes the blank,
    upright, visible style.
    """
    fonts = calls.call_each(calls.GET_FONT, objects)
    modes = np.array(calls.call_each(calls.GET_RENDER_MODE, objects))
    stroked = np.isin(modes, _TEXT_RENDER_FAUX_BOLD)
    emphasis = 2 * int(glyphs[stroked].sum()) < int(glyphs.sum())
    drawn = np.where(modes == TEXT_RENDER_INVISIBLE, 1, np.where(stroked & emphasis, 2, 0))
    rows = np.column_stack((np.array(fonts, dtype=np.uint64), drawn.astype(np.uint64), _fill_colours(objects)))
    unique, first, inverse = np.unique(rows, axis=0, return_index=True, return_inverse=True)
    faces: dict[int, tuple[str, bool, bool]] = {}
    styles: dict[FontStyle, int] = {}
    index = np.empty(len(unique), dtype=np.int32)
    for k in np.argsort(first).tolist():
        font, how = int(unique[k, 0]), int(unique[k, 1])
        if font not in faces:
            faces[font] = _font_face(font)
        name, bold, italic = faces[font]
        ink = (int(unique[k, 2]), int(unique[k, 3]), int(unique[k, 4]))
        index[k] = styles.setdefault(FontStyle(name, bold or how == 2, italic, how == 1, ink), len(styles))
    return list(styles), index[inverse.reshape(-1)]


def _fill_colours(objects: list[Any]) -> npt.NDArray[np.uint64]:
    """Each text object's fill colour (a pointer argument), R, G and B; black for an object PDFium
    gives none (a NULL object)."""
    rgba = np.zeros((len(objects), 4), dtype=np.uint32)
    calls.call_each(calls.GET_FILL_COLOR, objects, *(calls.row_pointers(rgba, offset) for offset in (0, 4, 8, 12)))
    return rgba[:, :3].astype(np.uint64)


_NAME_BUFFER = ctypes.create_string_buffer(256)


# Words in a font's name that say its weight. The name wins over the weight PDFium reports, which for
# a font without a weight in its descriptor is an estimate from its stems: a newspaper's body face
# ("PublicoTextRs-Roman") came out at 708 and its bold condensed face at 390.
BOLD_NAME_WORDS = ("bold", "black", "heavy", "semibold", "demi", "ultra")
# A face named for its slant alone ("NotoSerif-Italic", "Arial-ItalicMT") is the regular weight's: a
# bold one says so ("BoldItalic"), and PDFium's weight for an italic is no guide (1140 for Noto's).
REGULAR_NAME_WORDS = ("regular", "roman", "book", "light", "thin", "medium", "normal", "plain", "italic", "oblique")
BOLD_WEIGHT = 600  # the reported weight counts only for a name that says none


def is_bold_font(name: str, weight: int) -> bool:
    """Whether a font is bold, by the weight word in its name, else by its reported weight."""
    lowered = name.lower()
    if any(w in lowered for w in BOLD_NAME_WORDS):
        return True
    if any(w in lowered for w in REGULAR_NAME_WORDS):
        return False
    return weight >= BOLD_WEIGHT


def _font_face(font: int) -> tuple[str, bool, bool]:
    """Name, bold, italic from the font's name, weight and angle (subset prefixes like ABCDEF+ stripped).

    Text objects share fonts, so this runs once per font and page.
    """
    name = ""
    weight = 400
    angle = ctypes.c_int(0)
    if font:
        handle = ctypes.cast(font, pdfium_c.FPDF_FONT)
        length = pdfium_c.FPDFFont_GetBaseFontName(handle, _NAME_BUFFER, len(_NAME_BUFFER))
        name = _NAME_BUFFER.raw[: max(length - 1, 0)].decode("latin-1", "replace").split("+")[-1]
        weight = pdfium_c.FPDFFont_GetWeight(handle)
        pdfium_c.FPDFFont_GetItalicAngle(handle, ctypes.byref(angle))
    lowered = name.lower()
    bold = is_bold_font(name, weight)
    italic = angle.value != 0 or "italic" in lowered or "oblique" in lowered
    return name, bold, italic
