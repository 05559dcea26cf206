"""Stage 5, part: a columnist's name under the portrait set into the top of the column they sign.

An opinion page marks its writer so: a small picture in the column's head, the name under it in
bold. Set beside the headline, the name is the story's byline, not a small headline of its own.
"""

from __future__ import annotations

from broadsheet.extract.blocks import Block, Role, TypeScale
from broadsheet.geometry import Box, centre_x, x_overlap

# A columnist's portrait is set into the top of the column under it, at most this share of the
# column's width; the name under it is one line of at most PORTRAIT_NAME_WORDS words, in bold under
# PORTRAIT_NAME_SIZE body sizes, within PORTRAIT_GAP body sizes of the picture's foot.
PORTRAIT_SHARE = 0.75
PORTRAIT_NAME_WORDS = 5
PORTRAIT_NAME_SIZE = 1.5
PORTRAIT_GAP = 1.5
# ...and the column's text starts this many line pitches or less under the name.
PORTRAIT_TEXT_GAP = 3.0


def mark_portrait_names(blocks: list[Block], images: list[Box], scale: TypeScale) -> None:
    """A columnist's name under the portrait set into the top of the column the columnist signs is
    the story's byline, not a small headline: an opinion page's mark of its writer. (A head under a
    story's picture spans the picture, which spans its column: this portrait is far narrower than
    the text under the name.) The byline remembers its portrait: set beside a headline, it tells
    which story the column is."""
    for block in blocks:
        if block.role is not Role.HEADLINE or block.bold < 0.5 or len(block.lines) > 1:
            continue
        if len(block.text.split()) > PORTRAIT_NAME_WORDS or scale.ratio(block.size) >= PORTRAIT_NAME_SIZE:
            continue
        if (portrait := _portrait_over(block, blocks, images, scale)) is not None:
            block.set_role(Role.BYLINE, "byline: a name under a portrait set into the column")
            block.pictured = portrait


def _portrait_over(block: Block, blocks: list[Block], images: list[Box], scale: TypeScale) -> Box | None:
    """The picture right over a line, far narrower than the running text right under the line."""
    below = [
        b
        for b in blocks
        if b.role is Role.BODY
        and len(b.lines) >= 2
        and x_overlap(b.box, block.box) > 0.5
        and -scale.overlap <= b.top - block.bottom < PORTRAIT_TEXT_GAP * scale.pitch
    ]
    column = min(below, key=lambda b: b.top, default=None)
    if column is None or block.width >= PORTRAIT_SHARE * column.width:
        return None
    return next(
        (
            img
            for img in images
            if img[0] - scale.body < centre_x(block.box) < img[2] + scale.body
            and 0 <= block.top - img[3] < PORTRAIT_GAP * scale.body
            and img[2] - img[0] < PORTRAIT_SHARE * column.width
        ),
        None,
    )
