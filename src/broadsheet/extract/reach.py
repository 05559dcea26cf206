"""How wide a headline claims: the columns its story runs in, when they are wider than its words.

A headline's box is where its words are; its story may run wider: a short headline set flush with
a picture's edge runs over the picture's width.
"""

from __future__ import annotations

from broadsheet.extract.blocks import Block, Role, TypeScale
from broadsheet.extract.decorations import ALIGNED
from broadsheet.geometry import Box, covered_share, union, x_overlap

# A picture this many line pitches or less under a headline, covered over this share of the
# headline's width, is the picture the headline is set over.
PICTURE_UNDER_HEAD = 1.5
HEAD_OVER_PICTURE = 0.8


def widen_over_picture(head: Block, blocks: list[Block], images: list[Box], scale: TypeScale) -> None:
    """A short headline (with its deck and byline) set flush with the start of a wider picture right
    under it (its left edge, or its right in right-to-left type) claims the picture's width: the
    story runs in the columns under the picture, not only under its words. (A title centred over a
    picture is not widened: a name plate over the page's banner.)"""
    reach = head.reach or head.box
    start = 2 if head.lines[0].rtl else 0
    foot = _foot_of_stack(reach, blocks, scale)
    under = [
        img
        for img in images
        if -1 < img[1] - foot < PICTURE_UNDER_HEAD * scale.pitch
        and covered_share(reach, img) > HEAD_OVER_PICTURE
        and img[2] - img[0] > reach[2] - reach[0]
        and abs(img[start] - reach[start]) < ALIGNED * scale.body
    ]
    if under:
        picture = min(under, key=lambda img: img[1])
        head.reach = union([reach, (picture[0], reach[1], picture[2], reach[3])])


# What may stand under a headline, over its picture: its deck, byline, and a jump line ("Continued
# from page 2").
_STACKED = {Role.SUBHEADLINE, Role.BYLINE, Role.JUMP}


def _foot_of_stack(reach: Box, blocks: list[Block], scale: TypeScale) -> float:
    """Where the headline's stack ends: under its deck, byline or jump line, as they stand right
    under it, one under the other."""
    foot = reach[3]
    stacked = [b for b in blocks if b.role in _STACKED and x_overlap(b.box, reach) > 0.5]
    for block in sorted(stacked, key=lambda b: b.top):
        if -1 < block.top - foot < scale.pitch:
            foot = block.bottom
    return foot
