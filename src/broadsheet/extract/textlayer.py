"""Is the text layer real text? Legacy 8-bit fonts, outlines and scans are detected and reported.

Legacy Arabic/Urdu fonts map their glyphs onto Latin-1 code points, so the layer reads as
``á«HÎdG``: plenty of letters, but words mix cases and accented capitals in ways no language does.
Text converted to outlines leaves thousands of small vector paths and no glyphs; a scan leaves one
big image and no glyphs (or only an invisible OCR layer).
"""

from __future__ import annotations

import itertools
import re

import numpy as np

from broadsheet.extract.language import written_in_latin_instead
from broadsheet.extract.model import TextLayer
from broadsheet.pdf.content import PageContent

# Characters that say nothing of the letter drawn: U+FFFD, PDFium's for a glyph its font maps to no
# Unicode, and the Private Use Areas, where a map that numbers the font's own glyphs puts them (a
# legacy Indic face's, a symbol font's). Over UNMAPPED_SHARE of a page's glyphs, its text layer
# cannot be read.
_UNREADABLE = re.compile("[\ufffd\ue000-\uf8ff\U000f0000-\U000ffffd\U00100000-\U0010fffd]")
UNMAPPED_SHARE = 0.5
# Latin-1 letters and symbols that legacy Arabic encodings use for Arabic letters.
_LATIN1_SYMBOLS = set("«»¬°±²³´µ¶¸¹º¼½¾×÷ƒ˘∫≈≤≥∂∑∏π√∞◊ΩΩ…‰†‡¢£¤¥¦§¨©ª®¯")


def _garbage_word(word: str) -> bool:
    if len(word) < 3:
        return False
    letters = [c for c in word if c.isalpha()]
    symbols = sum(1 for c in word if c in _LATIN1_SYMBOLS)
    accented = sum(1 for c in letters if ord(c) > 0x7F and ord(c) < 0x250)
    inner_caps = sum(1 for a, b in itertools.pairwise(word) if a.islower() and b.isupper())
    return symbols >= 1 or accented > len(word) / 3 or inner_caps >= 2


# A page that draws more than this many vector paths, and more shapes where no glyph is than
# OUTLINES_OVER_GLYPHS times the glyphs it shows, has its text, or most of it, as outlines: an Urdu
# page whose body was exported as outlines, its few glyphs the English of its adverts. (Text pages of
# the corpus draw a tenth of a path a glyph at most, shapes over glyphs or not.)
OUTLINE_PATHS = 500
OUTLINES_OVER_GLYPHS = 2.0
# Glyph boxes are looked up on a grid of at most this many cells (a point a cell on a page of
# ordinary size).
_GRID_CELLS = 4_000_000


def visible_glyphs(content: PageContent) -> int:
    """How many of the page's glyphs are drawn (not an invisible OCR layer's)."""
    if not len(content.glyphs):
        return 0
    hidden = np.array([f.invisible for f in content.glyphs.fonts], dtype=np.bool_)
    return int(np.count_nonzero(~hidden[content.glyphs.font]))


def mostly_outlines(content: PageContent) -> bool:
    """Whether most of the page's text is drawn as outlines (:data:`OUTLINES_OVER_GLYPHS`): shapes over
    glyphs of their own (words seen over a text layer that cannot be read) are no outlined text."""
    if content.path_objects <= OUTLINE_PATHS:
        return False
    return _shapes_off_glyphs(content) > OUTLINES_OVER_GLYPHS * visible_glyphs(content)


def _shapes_off_glyphs(content: PageContent) -> int:
    """How many of the page's shapes have their centre on no glyph's box, looked up on a grid that
    marks where the glyphs are (summed from each box's corners: no loop over the glyphs)."""
    shapes = np.array(content.shapes, dtype=np.float64).reshape(-1, 4)
    if not len(shapes) or not len(content.glyphs):
        return len(shapes)
    cell = max(1.0, float(np.sqrt(max(content.width * content.height, 1.0) / _GRID_CELLS)))
    cols, rows = int(content.width / cell) + 2, int(content.height / cell) + 2
    box = content.glyphs.box / cell
    x0 = np.clip(np.floor(box[:, 0]).astype(np.intp), 0, cols - 1)
    y0 = np.clip(np.floor(box[:, 1]).astype(np.intp), 0, rows - 1)
    x1 = np.clip(np.ceil(box[:, 2]).astype(np.intp), 0, cols - 1)
    y1 = np.clip(np.ceil(box[:, 3]).astype(np.intp), 0, rows - 1)
    marks = np.zeros((rows, cols), dtype=np.int32)
    np.add.at(marks, (y0, x0), 1)
    np.add.at(marks, (y0, x1), -1)
    np.add.at(marks, (y1, x0), -1)
    np.add.at(marks, (y1, x1), 1)
    covered = marks.cumsum(axis=0).cumsum(axis=1) > 0
    cx = np.clip(((shapes[:, 0] + shapes[:, 2]) / 2 / cell).astype(np.intp), 0, cols - 1)
    cy = np.clip(((shapes[:, 1] + shapes[:, 3]) / 2 / cell).astype(np.intp), 0, rows - 1)
    return int(np.count_nonzero(~covered[cy, cx]))


def unmapped_text(content: PageContent) -> bool:
    """Whether most of the page's glyphs read as U+FFFD or as private-use code points: fonts with neither
    a Unicode map nor an encoding PDFium knows (a national daily's whole page), or with a map to their
    own glyph numbers. Unlike a legacy 8-bit font's Latin-1 letters, they say nothing of the script the
    page is in."""
    unreadable = len(_UNREADABLE.findall("".join(content.glyphs.text)))
    return unreadable > UNMAPPED_SHARE * max(len(content.glyphs), 1)


def assess_text_layer(
    content: PageContent, words: list[str], language: str | None = None
) -> tuple[TextLayer, str | None]:
    """The text layer's status and, when it is not usable, a message for the user. ``language``:
    the page's, when given; a page in Hindi or Sinhala whose text layer is Latin letters is set in
    an ASCII-based legacy font."""
    n = len(content.glyphs)
    if content.ocr:
        return (TextLayer.OCR, None) if n else (TextLayer.EMPTY, "OCR found no text on the scanned page")
    invisible = n - visible_glyphs(content)
    if n < 20 or invisible > 0.8 * n:
        if content.image_cover() > 0.5:
            return (
                TextLayer.IMAGE_ONLY,
                "the page is a scanned image without a usable text layer; turn OCR on to read it",
            )
        if content.path_objects > OUTLINE_PATHS:
            return TextLayer.OUTLINES, "the page's text is converted to outlines; turn OCR on to read it"
        if n == 0:
            return TextLayer.EMPTY, "the page has no text"
    if mostly_outlines(content):
        return TextLayer.OUTLINES, "most of the page's text is converted to outlines; turn OCR on to read it"
    if unmapped_text(content):
        return (
            TextLayer.LEGACY_FONT,
            "most glyphs have no Unicode mapping (they read as U+FFFD or as private-use characters) and "
            "cannot be read as text; "
            "regions are found from the geometry; turn OCR on to read the words",
        )
    if words:
        # an ASCII word with no capital after its first letter has no symbols, accents or inner
        # capitals: most words are settled by that test alone, without a loop over their letters
        garbage = sum(len(w) for w in words if not (w.isascii() and w[1:] == w[1:].lower()) and _garbage_word(w))
        if garbage > 0.25 * sum(len(w) for w in words):
            return (
                TextLayer.LEGACY_FONT,
                "the text layer uses legacy 8-bit fonts (e.g. old Arabic/Urdu encodings) and cannot be read "
                "as text; regions are found from the geometry; turn OCR on to read the words",
            )
        if written_in_latin_instead(" ".join(words), language):
            return (
                TextLayer.LEGACY_FONT,
                f"the text layer is in Latin letters, not in the script of the page's language ({language}): "
                "a legacy font encoding (such as Kruti Dev or FM); turn OCR on to read the words",
            )
    if content.unmapped_glyphs > max(n, 1):
        return TextLayer.LEGACY_FONT, "most glyphs have no Unicode mapping; the text cannot be read"
    return TextLayer.OK, None
