"""Blocks as a scan's stages see them, made by hand: a line of words at a place, in one column."""

from __future__ import annotations

from broadsheet.extract.blocks import Block, Role
from broadsheet.extract.line import Line, Word
from broadsheet.geometry import Box
from broadsheet.pdf.fonts import FontStyle

OCR_STYLE = FontStyle("ocr", bold=False, italic=False, invisible=False)
BODY = 10.0  # the body size of these pages, in points
PITCH = 12.0


def text_block(x0: float, top: float, x1: float, texts: list[str], role: Role = Role.BODY, bold: bool = False) -> Block:
    """A block of ``texts``, one line each, ``PITCH`` apart from ``top``, between ``x0`` and ``x1``."""
    lines = []
    for k, text in enumerate(texts):
        box: Box = (x0, top + k * PITCH, x1, top + k * PITCH + BODY)
        lines.append(Line(box, [Word(box, text, bold)], BODY, OCR_STYLE, float(bold), 0.0, False))
    box = (x0, top, x1, top + (len(texts) - 1) * PITCH + BODY)
    block = Block(lines=lines, box=box)
    block.set_role(role, "made by hand")
    return block
