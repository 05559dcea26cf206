"""Is the text layer real text? Legacy 8-bit fonts, outlines and scans are detected and reported.

Legacy Arabic/Urdu fonts map their glyphs onto Latin-1 code points, so the layer reads as
``á«HÎdG``: plenty of letters, but words mix cases and accented capitals in ways no language does.
Text converted to outlines leaves thousands of small vector paths and no glyphs; a scan leaves one
big image and no glyphs (or only an invisible OCR layer).
"""

from __future__ import annotations

import itertools

import numpy as np

from broadsheet.extract.language import written_in_latin_instead
from broadsheet.extract.model import TextLayer
from broadsheet.pdf.content import PageContent

# PDFium's character for a glyph its font maps to no Unicode; over this share of a page's glyphs, the
# text layer cannot be read.
REPLACEMENT = "\ufffd"
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


def unmapped_text(content: PageContent) -> bool:
    """Whether most of the page's glyphs read as U+FFFD: fonts with neither a Unicode map nor an encoding
    PDFium knows (a national daily's whole page). Unlike a legacy 8-bit font's Latin-1 letters, they say
    nothing of the script the page is in."""
    return content.glyphs.text.count(REPLACEMENT) > UNMAPPED_SHARE * max(len(content.glyphs), 1)


def assess_text_layer(
    content: PageContent, words: list[str], language: str | None = None
) -> tuple[TextLayer, str | None]:
    """The text layer's status and, when it is not usable, a message for the user. ``language``:
    the page's, when given; a page in Hindi or Sinhala whose text layer is Latin letters is set in
    an ASCII-based legacy font."""
    n = len(content.glyphs)
    if content.ocr:
        return (TextLayer.OCR, None) if n else (TextLayer.EMPTY, "OCR found no text on the scanned page")
    hidden = np.array([f.invisible for f in content.glyphs.fonts], dtype=np.bool_)
    invisible = int(np.count_nonzero(hidden[content.glyphs.font])) if n else 0
    if n < 20 or invisible > 0.8 * n:
        if content.image_cover() > 0.5:
            return (
                TextLayer.IMAGE_ONLY,
                "the page is a scanned image without a usable text layer; turn OCR on to read it",
            )
        if content.path_objects > 500:
            return TextLayer.OUTLINES, "the page's text is converted to outlines; turn OCR on to read it"
        if n == 0:
            return TextLayer.EMPTY, "the page has no text"
    if unmapped_text(content):
        return (
            TextLayer.LEGACY_FONT,
            "most glyphs have no Unicode mapping (they read as U+FFFD) and cannot be read as text; "
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
