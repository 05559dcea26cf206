"""Masthead and furniture: what sits above and below the page's stories, typed and kept out.

Folios, running heads and dates live in thin bands at the top and bottom of the page; the masthead
is the title block at the top of a front page: the largest type on the page, across much of it.
"""

from __future__ import annotations

import re

from broadsheet.extract.blocks import Block, Role, TypeScale

TOP_BAND = 0.07
BOTTOM_BAND = 0.05
_FOLIO = re.compile(r"^\W*(?:page\s*)?\d{1,3}\W*$", re.IGNORECASE)


def mark_furniture(blocks: list[Block], scale: TypeScale, width: float, height: float, page: int) -> None:
    """Set MASTHEAD and FURNITURE roles in place."""
    _mark_masthead(blocks, scale, width, height, page)
    for block in blocks:
        if block.role in (Role.MASTHEAD,):
            continue
        in_top = block.bottom < TOP_BAND * height
        in_bottom = block.top > (1 - BOTTOM_BAND) * height
        short = len(block.lines) <= 2 and block.chars < 160
        if ((in_top or in_bottom) and short) or (
            _FOLIO.match(block.text) and short and block.role is not Role.HEADLINE
        ):
            block.role = Role.FURNITURE


def _mark_masthead(blocks: list[Block], scale: TypeScale, width: float, height: float, page: int) -> None:
    """The biggest type near the top of the page, plus what shares its band above the stories."""
    candidates = [b for b in blocks if b.top < 0.3 * height and b.width > 0.3 * width and scale.ratio(b.size) >= 2.5]
    if not candidates:
        return
    title = max(candidates, key=lambda b: b.size)
    if any(b.size > title.size for b in blocks):
        return
    role = Role.MASTHEAD if page == 1 else Role.FURNITURE
    band_top, band_bottom = title.top, title.bottom
    title.role = role
    for block in blocks:
        if block is title or block.size >= 0.6 * title.size:
            continue
        near = block.top < band_bottom + 2.5 * scale.pitch and block.bottom > band_top - 2.5 * scale.pitch
        if near and len(block.lines) <= 3 and block.chars < 200:
            block.role = role
