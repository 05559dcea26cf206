"""Fonts for the synthetic pages: registration, text widths and the vertical extent of glyph boxes.

The ground-truth regions must hold every character box that the extractor (PDFium loose boxes,
from the font's ascent/descent) and the scorer (pdfplumber, from the font descriptor's descent
and the font size) compute. :func:`extent` returns the larger of both conventions, so a region
built from it contains the word boxes of either reader.
"""

from __future__ import annotations

from functools import cache, lru_cache
from pathlib import Path

import arabic_reshaper
from bidi.algorithm import get_display
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

DEJAVU_DIR = Path("/usr/share/fonts/truetype/dejavu")

# TrueType fonts by reportlab name; the base-14 fonts (Times-*, Helvetica-*) need no file.
TTF_FILES = {
    "DejaVuSerif": "DejaVuSerif.ttf",
    "DejaVuSerif-Bold": "DejaVuSerif-Bold.ttf",
    "DejaVuSerif-Italic": "DejaVuSerif-Italic.ttf",
    "DejaVuSerifCondensed": "DejaVuSerifCondensed.ttf",
    "DejaVuSerifCondensed-Bold": "DejaVuSerifCondensed-Bold.ttf",
    "DejaVuSerifCondensed-Italic": "DejaVuSerifCondensed-Italic.ttf",
    "DejaVuSans": "DejaVuSans.ttf",
    "DejaVuSans-Bold": "DejaVuSans-Bold.ttf",
    "DejaVuSans-Oblique": "DejaVuSans-Oblique.ttf",
    "DejaVuSansCondensed": "DejaVuSansCondensed.ttf",
    "DejaVuSansCondensed-Bold": "DejaVuSansCondensed-Bold.ttf",
}


class FontUnavailableError(RuntimeError):
    """A TrueType font the generator needs is not installed (Debian package fonts-dejavu-core)."""


@cache
def ensure(name: str) -> str:
    """Register ``name`` with reportlab once; returns the name for chaining."""
    if name in TTF_FILES:
        path = DEJAVU_DIR / TTF_FILES[name]
        if not path.exists():
            raise FontUnavailableError(f"{path} is missing (install fonts-dejavu-core)")
        pdfmetrics.registerFont(TTFont(name, str(path)))
    else:
        pdfmetrics.getFont(name)
    return name


# What PDFium's loose character boxes reach, measured: for the base-14 fonts it uses its own
# substitute fonts (taller than the AFM ascent); for DejaVu, accented capitals and Arabic forms
# such as hamza-on-alef or gaf stick out above the font's ascent.
_PDFIUM_ABOVE = {"Times": 0.9, "Helvetica": 0.97, "DejaVu": 1.05}


@cache
def extent(name: str) -> tuple[float, float]:
    """(above, below) the baseline, as fractions of the font size, covering both readers' boxes."""
    face = pdfmetrics.getFont(ensure(name)).face
    asc, desc = face.ascent / 1000.0, face.descent / 1000.0  # desc is negative
    pdfium = max((v for k, v in _PDFIUM_ABOVE.items() if name.startswith(k)), default=0.0)
    return max(asc, 1.0 + desc, 0.8, pdfium), max(-desc, 0.25)


def overhang(name: str, size: float, text: str) -> float:
    """How far (in points) the glyphs of ``text`` may stick out left or right of their advance in
    PDFium's loose boxes: italic J and f some 0.15-0.17 em, an upright j or J some 0.1 em, other
    upright glyphs hardly at all (0.1 em of a 90 pt lead would reach across a gutter)."""
    if "Italic" in name or "Oblique" in name:
        return 0.2 * size
    if text[:1] in _WIDE or text[-1:] in _WIDE:
        return 0.1 * size
    return min(0.1 * size, 2.5)


_WIDE = frozenset("jJfƒ")  # glyphs whose ink reaches past their advance in upright faces


@lru_cache(maxsize=200_000)
def _unit_width(text: str, name: str) -> float:
    return float(pdfmetrics.stringWidth(text, name, 1000.0)) / 1000.0


def width(text: str, name: str, size: float) -> float:
    """Advance width of ``text`` as drawn (``text`` is already in visual form for RTL)."""
    return _unit_width(text, name) * size


@lru_cache(maxsize=100_000)
def visual(text: str) -> str:
    """Arabic-script text as it must be drawn: joined letter forms, right-to-left visual order."""
    return str(get_display(arabic_reshaper.reshape(text)))


def measure(text: str, name: str, size: float, rtl: bool) -> float:
    return width(visual(text) if rtl else text, name, size)


# Font families per page style: (body, body-italic, headline, headline-alt, sans, sans-bold).
LTR_STYLES: list[dict[str, str]] = [
    {
        "body": "Times-Roman",
        "italic": "Times-Italic",
        "bold": "Times-Bold",
        "head": "Times-Bold",
        "head2": "Helvetica-Bold",
        "sans": "Helvetica",
        "sansbold": "Helvetica-Bold",
    },
    {
        "body": "DejaVuSerifCondensed",
        "italic": "DejaVuSerifCondensed-Italic",
        "bold": "DejaVuSerifCondensed-Bold",
        "head": "DejaVuSerif-Bold",
        "head2": "DejaVuSansCondensed-Bold",
        "sans": "DejaVuSansCondensed",
        "sansbold": "DejaVuSansCondensed-Bold",
    },
    {
        "body": "Times-Roman",
        "italic": "Times-Italic",
        "bold": "Times-Bold",
        "head": "Helvetica-Bold",
        "head2": "DejaVuSerif-Bold",
        "sans": "DejaVuSans",
        "sansbold": "DejaVuSans-Bold",
    },
    {
        "body": "DejaVuSerif",
        "italic": "DejaVuSerif-Italic",
        "bold": "DejaVuSerif-Bold",
        "head": "DejaVuSansCondensed-Bold",
        "head2": "Times-Bold",
        "sans": "Helvetica",
        "sansbold": "Helvetica-Bold",
    },
]

RTL_STYLE: dict[str, str] = {
    "body": "DejaVuSansCondensed",
    "italic": "DejaVuSans",
    "bold": "DejaVuSansCondensed-Bold",
    "head": "DejaVuSans-Bold",
    "head2": "DejaVuSansCondensed-Bold",
    "sans": "DejaVuSans",
    "sansbold": "DejaVuSans-Bold",
}
