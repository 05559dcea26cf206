"""Legacy-font pages: the PDF's geometry, OCR's words.

A page set in 8-bit legacy fonts (InPage and the like, for Urdu and Arabic) has its glyphs in the right
places but with the wrong characters (``á«HÎdG``). Its lines keep their boxes, sizes and styles, which
find regions and roles as well as on any born-digital page; only their words are replaced, by the
words OCR read inside each line's box. A line in which OCR read nothing is read again on its own
(Tesseract's page segmentation skips a line now and then: the foot of a column against a rule);
one in which it still reads nothing (an ornament, a rule drawn with a font) is left out: its
characters would be garbage in the text.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace

import numpy as np
from PIL import Image

from broadsheet.extract.blocks import Block
from broadsheet.extract.line import Line, Word
from broadsheet.extract.lines import OCR_FRAGMENT_GAP, find_lines
from broadsheet.extract.rtl import is_rtl_char
from broadsheet.geometry import Box
from broadsheet.ocr.strips import read_strip
from broadsheet.ocr.tesseract import DEFAULT_OCR_LIMITS, OcrLimits
from broadsheet.pdf.content import PageContent

SLACK = 0.3  # of a line's height: OCR's word boxes and the font's line box differ by about that

# Words read again in given line boxes (page units): one list per box, each word with whether it is
# right to left.
Reread = Callable[[list[Box]], list[list[tuple[Word, bool]]]]


@dataclass(frozen=True, slots=True)
class OcrReading:
    """The page as OCR read it, and a way to read some of its lines again on their own."""

    content: PageContent
    reread: Reread | None = None


def strip_reader(image: Image.Image, scale: float, languages: str, limits: OcrLimits = DEFAULT_OCR_LIMITS) -> Reread:
    """Read line boxes (page units) again off the page ``image`` (``scale`` pixels a unit)."""

    def reread(boxes: list[Box]) -> list[list[tuple[Word, bool]]]:
        pixels = [(x0 * scale, y0 * scale, x1 * scale, y1 * scale) for x0, y0, x1, y1 in boxes]
        found = read_strip(image, pixels, languages, limits)
        return [[(_in_units(w.box, scale, w.text), _is_rtl(w.text)) for w in words] for words in found]

    return reread


def _in_units(box: Box, scale: float, text: str) -> Word:
    return Word((box[0] / scale, box[1] / scale, box[2] / scale, box[3] / scale), text)


def _is_rtl(text: str) -> bool:
    return 2 * sum(is_rtl_char(ch) for ch in text) > len(text)


def retext_lines(lines: list[Line], ocr: PageContent, reread: Reread | None = None) -> list[Line]:
    """``lines`` with the words OCR read in ``ocr`` (the same page, in the same units) as their text;
    the lines it read nothing in are read again by ``reread``, if given, and left out if still empty."""
    return [line for line in _retexted_each(lines, ocr, reread) if line is not None]


def retext_blocks(blocks: list[Block], reading: OcrReading) -> None:
    """Give the lines of ``blocks`` OCR's words, in place (a line OCR read nothing in is left out): for
    a page whose glyphs have no Unicode map, found into blocks and stories by its own lines first, so
    that OCR's words, which the rules that read text would take differently, decide nothing but the text."""
    texted = [b for b in blocks if b.lines]
    lines = [line for b in texted for line in b.lines]
    retexted = iter(_retexted_each(lines, reading.content, reading.reread))
    for block in texted:
        block.replace_lines([line for line in (next(retexted) for _ in block.lines) if line is not None])


def _retexted_each(lines: list[Line], ocr: PageContent, reread: Reread | None) -> list[Line | None]:
    """Each of ``lines`` with OCR's words as its text (:func:`retext_lines`), None where it read none."""
    read = find_lines(ocr.glyphs, ocr.vrules, OCR_FRAGMENT_GAP, ocr=True)
    words = [(w, ln.rtl) for ln in read for w in ln.words]
    if not lines:
        return []
    found: list[list[tuple[Word, bool]]] = [[] for _ in lines]
    if words:
        owner = _owners(lines, np.array([w.box for w, _ in words], dtype=np.float64))
        for k, line in enumerate(owner.tolist()):
            if line >= 0:
                found[line].append(words[k])
    missed = [k for k, mine in enumerate(found) if not mine]
    if reread is not None and missed:
        for k, again in zip(missed, reread([lines[k].box for k in missed]), strict=False):
            found[k] = again
    return [_retexted(line, mine) if mine else None for line, mine in zip(lines, found, strict=True)]


def _owners(lines: list[Line], boxes: np.ndarray) -> np.ndarray:
    """For each word box, the smallest line box (with some slack) holding its centre; -1 for none."""
    line_boxes = np.array([ln.box for ln in lines], dtype=np.float64)
    slack = SLACK * (line_boxes[:, 3] - line_boxes[:, 1])
    cx = (boxes[:, 0] + boxes[:, 2])[:, None] / 2
    cy = (boxes[:, 1] + boxes[:, 3])[:, None] / 2
    inside = (
        (cx >= line_boxes[:, 0] - slack)
        & (cx <= line_boxes[:, 2] + slack)
        & (cy >= line_boxes[:, 1] - slack)
        & (cy <= line_boxes[:, 3] + slack)
    )
    area = (line_boxes[:, 2] - line_boxes[:, 0]) * (line_boxes[:, 3] - line_boxes[:, 1])
    ranked = np.where(inside, area[None, :], np.inf)
    best = ranked.argmin(axis=1)
    return np.where(np.isfinite(ranked.min(axis=1)), best, -1)


def _retexted(line: Line, words: list[tuple[Word, bool]]) -> Line:
    """The line with OCR's words in reading order; its direction is theirs."""
    rtl = 2 * sum(is_rtl for _, is_rtl in words) > len(words)
    ordered = sorted((w for w, _ in words), key=lambda w: -w.box[0] if rtl else w.box[0])
    return replace(line, words=ordered, rtl=rtl)
