"""Legacy-font pages: the PDF's geometry, OCR's words.

A page set in 8-bit legacy fonts (InPage and the like, for Urdu and Arabic) has its glyphs in the right
places but with the wrong characters (``á«HÎdG``). Its lines keep their boxes, sizes and styles, which
find regions and roles as well as on any born-digital page; only their words are replaced, by the
words OCR read inside each line's box. A line in which OCR read nothing (an ornament, a rule drawn
with a font) is left out: its characters would be garbage in the text.
"""

from __future__ import annotations

from dataclasses import replace

import numpy as np

from broadsheet.extract.line import Line, Word
from broadsheet.extract.lines import OCR_FRAGMENT_GAP, find_lines
from broadsheet.pdf.content import PageContent

SLACK = 0.3  # of a line's height: OCR's word boxes and the font's line box differ by about that


def retext_lines(lines: list[Line], ocr: PageContent) -> list[Line]:
    """``lines`` with the words OCR read in ``ocr`` (the same page, in the same units) as their text."""
    read = find_lines(ocr.glyphs, ocr.vrules, OCR_FRAGMENT_GAP)
    words = [(w, ln.rtl) for ln in read for w in ln.words]
    if not words or not lines:
        return []
    owner = _owners(lines, np.array([w.box for w, _ in words], dtype=np.float64))
    found: list[list[tuple[Word, bool]]] = [[] for _ in lines]
    for k, line in enumerate(owner.tolist()):
        if line >= 0:
            found[line].append(words[k])
    return [_retexted(line, mine) for line, mine in zip(lines, found, strict=True) if mine]


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
