"""The page's frame: PDF user space turned into the page's own coordinates, and the part of the page
that is printed.

The page is its CropBox, what a PDF viewer shows (the page-JSON format's page): results give points
from its top-left corner, y downwards, on the page turned as its /Rotate says.

A press-ready PDF's CropBox often takes in more than the paper: the bleed (pictures run past the
edge, to be cut), and with printer's marks the crop marks, colour bars and a slug line giving the
file's name, the time and the plates' colours. Its TrimBox says where the paper is cut. What lies
outside it is no part of the newspaper, and the extractor's rules that look at the page's edges and
size (a folio at the foot, a masthead across the top) must see the page as cut: the page's content is
read in the frame of its printed part alone (its coordinates from the TrimBox's corner), and what is
found there is moved back onto the whole page at the end (:attr:`PageFrame.margins`), so that
results keep the CropBox's coordinates.
"""

from __future__ import annotations

import numpy as np
import pypdfium2 as pdfium

from broadsheet.geometry import Box
from broadsheet.pdf.arrays import FloatArray

PdfBox = tuple[float, float, float, float]  # left, bottom, right, top in PDF user space

TRIM_SLACK = 1.0  # points: a TrimBox this close to the CropBox's edges is the same page
MIN_TRIM_SHARE = 0.5  # a TrimBox of less than this share of the CropBox's area is taken for a mistake


class PageFrame:
    """Converts PDF user space to top-down coordinates of the page's printed part (the CropBox, or the
    TrimBox inside it: :func:`trimmed_box`) as displayed: a page's /Rotate (90, 180, 270: clockwise)
    turns it, as its rendered image and readers see it."""

    def __init__(self, crop: PdfBox, rotation: int = 0, trim: PdfBox | None = None) -> None:
        self.rotation = rotation % 360
        self.turned = self.rotation in (90, 270)  # a quarter turn: user space's width is the page's height
        shown = _Turned(crop, self.rotation)
        cut = trimmed_box(crop, trim)
        self._printed = _Turned(cut, self.rotation) if cut is not None else shown
        self.width, self.height = self._printed.width, self._printed.height
        x0, y0, x1, y1 = shown.box(cut) if cut is not None else (0.0, 0.0, shown.width, shown.height)
        self.margins: Box = (x0, y0, shown.width - x1, shown.height - y1)  # left, top, right, bottom

    def boxes(
        self, left: FloatArray, bottom: FloatArray, right: FloatArray, top: FloatArray
    ) -> tuple[FloatArray, FloatArray, FloatArray, FloatArray]:
        """x0, y0, x1, y1 of rectangles given in user space."""
        return self._printed.boxes(left, bottom, right, top)


class _Turned:
    """A rectangle of user space as displayed: its size, and user space mapped to top-down coordinates
    from its displayed top-left corner."""

    def __init__(self, rect: PdfBox, rotation: int) -> None:
        self.left, self.bottom, self.right, self.top = rect
        self.rotation = rotation
        width, height = self.right - self.left, self.top - self.bottom
        turned = rotation in (90, 270)
        self.width, self.height = (height, width) if turned else (width, height)

    def boxes(
        self, left: FloatArray, bottom: FloatArray, right: FloatArray, top: FloatArray
    ) -> tuple[FloatArray, FloatArray, FloatArray, FloatArray]:
        u0, v0, u1, v1 = left - self.left, self.top - top, right - self.left, self.top - bottom  # unturned
        if self.rotation == 90:
            return (self.width - v1, u0, self.width - v0, u1)
        if self.rotation == 180:
            return (self.width - u1, self.height - v1, self.width - u0, self.height - v0)
        if self.rotation == 270:
            return (v0, self.height - u1, v1, self.height - u0)
        return (u0, v0, u1, v1)

    def box(self, rect: PdfBox) -> Box:
        x0, y0, x1, y1 = self.boxes(*(np.array([v], dtype=np.float64) for v in rect))
        return (float(x0[0]), float(y0[0]), float(x1[0]), float(y1[0]))


def page_frame(page: pdfium.PdfPage) -> PageFrame:
    """The frame of ``page``'s printed part: its CropBox or the TrimBox inside it, turned by its /Rotate."""
    return PageFrame(page.get_cropbox(), page.get_rotation(), page.get_trimbox(fallback_ok=False))


def trimmed_box(crop: PdfBox, trim: PdfBox | None) -> PdfBox | None:
    """The part of the CropBox that is printed: its TrimBox if the page has one that lies inside it, is
    smaller than it by more than :data:`TRIM_SLACK` somewhere and keeps at least
    :data:`MIN_TRIM_SHARE` of its area; ``None`` (the whole CropBox) otherwise — no TrimBox, or one
    that cannot be the cut page."""
    if trim is None:
        return None
    left, bottom, right, top = crop
    t_left, t_bottom, t_right, t_top = trim
    if t_left >= t_right or t_bottom >= t_top:
        return None
    inside = t_left >= left - TRIM_SLACK and t_bottom >= bottom - TRIM_SLACK
    inside &= t_right <= right + TRIM_SLACK and t_top <= top + TRIM_SLACK
    cut = t_left > left + TRIM_SLACK or t_bottom > bottom + TRIM_SLACK
    cut |= t_right < right - TRIM_SLACK or t_top < top - TRIM_SLACK
    large = (t_right - t_left) * (t_top - t_bottom) >= MIN_TRIM_SHARE * (right - left) * (top - bottom)
    if not (inside and cut and large):
        return None
    return (max(t_left, left), max(t_bottom, bottom), min(t_right, right), min(t_top, top))


def render_printed(page: pdfium.PdfPage, scale: float, **kwargs: object) -> pdfium.PdfBitmap:
    """The page's printed part (:func:`page_frame`) rendered at ``scale`` pixels a point: what the
    extractor reads by OCR lies in the frame of its content."""
    left, top, right, bottom = page_frame(page).margins
    return page.render(scale=scale, crop=(left, bottom, right, top), **kwargs)
