"""A press PDF's margins: what was found on its printed part, placed on the whole page.

A page is read in the frame of its printed part (:mod:`broadsheet.pdf.frame`: a press PDF's TrimBox
inside its CropBox), so that the rules that look at the page's edges see the page as cut. What was
found there is moved back onto the page a viewer shows (the CropBox: the page-JSON format's page), and
the text the press PDF prints in its margin — the slug line with the file's name and the time of
export, the plates' colours — becomes furniture: it is on the visible page, but no part of the paper.
"""

from __future__ import annotations

from dataclasses import replace

from broadsheet.extract.model import Item, ItemType, PageResult
from broadsheet.geometry import Box, union

# Glyphs in the margin level with each other (overlapping by this share of the lower one's height) and
# at most this many of their heights apart are one line of the slug.
LINE_OVERLAP = 0.5
LINE_GAP = 3.0
# More glyphs than this in the margins are no slug: they are taken as one block, not sorted into lines
# (each glyph is held against the lines still open beside it: a hostile file's thousands, each a line
# of its own side by side, would take seconds).
MAX_MARGIN_GLYPHS = 1000


def on_whole_page(result: PageResult, margins: Box, margin_text: list[Box]) -> PageResult:
    """``result``, found on a page's printed part, moved onto the whole page that ``margins`` (left,
    top, right, bottom) surround it on, with the lines of ``margin_text`` (glyph boxes in the printed
    part's frame) as one furniture item."""
    left, top, right, bottom = margins
    if not any(margins):
        return result
    result.width += left + right
    result.height += top + bottom
    for item in result.items:
        item.regions = [_moved(box, left, top) for box in item.regions]
    result.decisions = [replace(d, box=_moved(d.box, left, top)) for d in result.decisions]
    if margin_text:
        number = 1 + sum(item.type is ItemType.FURNITURE for item in result.items)
        lines = [_moved(box, left, top) for box in margin_lines(margin_text)]
        result.items.append(Item(id=f"f{number}", type=ItemType.FURNITURE, regions=lines))
    return result


def margin_lines(glyphs: list[Box]) -> list[Box]:
    """The boxes of the lines the glyphs in the margins make, top to bottom."""
    if len(glyphs) > MAX_MARGIN_GLYPHS:
        return [union(glyphs)]
    lines: list[Box] = []
    open_lines: list[int] = []  # the lines not yet passed, in the order they were begun
    for box in sorted(glyphs, key=lambda b: (b[1], b[0])):
        open_lines = [k for k in open_lines if lines[k][3] >= box[1]]  # the glyphs come top down
        for k in open_lines:
            if _same_line(lines[k], box):
                lines[k] = union([lines[k], box])
                break
        else:
            open_lines.append(len(lines))
            lines.append(box)
    return lines


def _same_line(line: Box, glyph: Box) -> bool:
    height = min(line[3] - line[1], glyph[3] - glyph[1])
    level = min(line[3], glyph[3]) - max(line[1], glyph[1]) >= LINE_OVERLAP * height
    gap = max(glyph[0] - line[2], line[0] - glyph[2])
    return level and gap <= LINE_GAP * max(line[3] - line[1], glyph[3] - glyph[1])


def _moved(box: Box, dx: float, dy: float) -> Box:
    return (box[0] + dx, box[1] + dy, box[2] + dx, box[3] + dy)
