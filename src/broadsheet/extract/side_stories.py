"""Stage 6, part: side stories — a story whose headline is narrower than its columns.

A headline centred over some of its story's columns, or set over the first of two, leaves columns
beside it that no headline above covers, or that a wider headline further up seems to cover. Such a
column is the story's when it starts under the headline's foot and level with the story's own
columns, within half a column of the headline or of those columns.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from broadsheet.extract.blocks import Block, TypeScale
from broadsheet.extract.model import ItemType
from broadsheet.geometry import Box, union, x_overlap

if TYPE_CHECKING:  # articles.py imports this module: its Cluster is only named here
    from broadsheet.extract.articles import Cluster

# A column that starts within this many line pitches of the foot of a headline sits under it...
UNDER_HEADLINE = 4.0
# ...and not beside it: it starts at most this many line pitches above the headline's foot.
BESIDE_HEADLINE = 0.5
# Blocks with this share of the narrower's width in common stand in one column.
SAME_COLUMN = 0.8


def nearer_side_story(block: Block, owner: Block, result: list[Cluster], scale: TypeScale) -> Block | None:
    """The headline of a side story (:func:`side_story`) this block opens, when that headline is
    nearer than ``owner`` and reaches over part of the block's column: a story's first column, under
    its byline, beside a centred headline that covers less than half of it, is not the story's
    whose wide headline stands further up."""
    titled = [c for c in result if c.type is ItemType.ARTICLE and c.headline is not None]
    story = side_story([block], titled, scale)
    if story is None or story.headline is None or story.headline is owner:
        return None
    head = story.headline.reach or story.headline.box
    overhangs = min(head[2], block.x1) - max(head[0], block.x0) > scale.body  # reaches over the column
    return story.headline if overhangs and owner.bottom < story.headline.top else None


def side_story(blocks: list[Block], titled: list[Cluster], scale: TypeScale) -> Cluster | None:
    """The titled story whose headline ends just above these blocks and beside them, within half a
    column, with its own columns starting at the same height: a headline narrower than its story
    (centred over some of its columns, or over the first of two). Beside the headline, or beside
    its columns level with these blocks: a story's third and fourth columns under a headline over
    two and a half."""
    box = union([b.box for b in blocks])
    width = box[2] - box[0]
    candidates = []
    for story in titled:
        assert story.headline is not None
        head = story.headline.reach or story.headline.box
        # the text starts under the headline's foot, not beside the headline, level with its lines
        if box[1] < head[3] - BESIDE_HEADLINE * scale.pitch or box[1] - head[3] > UNDER_HEADLINE * scale.pitch:
            continue
        columns = [b for b in story.blocks if b is not story.headline and b.top > head[3] - 1]
        level = [
            column_of(b, columns) for b in columns if any(abs(b.top - mine.top) < 1.5 * scale.pitch for mine in blocks)
        ]
        aligned = bool(level)
        distance = min(max(span[0] - box[2], box[0] - span[2], 0.0) for span in [head, *level])
        if distance > 0.5 * width:
            continue
        # the first column read of a story whose headline starts further along, over this column's end
        first = not columns and distance == 0
        if aligned or first:
            candidates.append((distance, story))
    return min(candidates, key=lambda t: t[0])[1] if candidates else None


def column_of(block: Block, blocks: list[Block]) -> Box:
    """The width of the column ``block`` stands in, as ``blocks`` fill it: a paragraph's short last
    line, set at one edge, stands in the whole column."""
    same = [b.box for b in blocks if x_overlap(b.box, block.box) > SAME_COLUMN]
    return union([block.box, *same])
