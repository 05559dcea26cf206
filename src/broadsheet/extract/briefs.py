"""Columns of briefs: short stories one under another in a column, each under a small head in one style.

A section's name over such a column ("Briefly", on a band) is set like a headline, and the first
brief's head right under it like that headline's deck; the next brief's head down the column, in
the first one's own size and weight, tells them apart.
"""

from __future__ import annotations

from broadsheet.extract.blocks import Block, Role, TypeScale
from broadsheet.geometry import x_overlap

# Two heads of briefs differ in size by this share of it at most.
SAME_HEAD_SIZE = 0.05
# A head at least this bold is set in bold.
BOLD_HEAD = 0.8
BRIEF_HEAD_RULE = "headline: a brief's head under a section's name, styled as the next brief's head down its column"


def next_brief_head(head: Block, blocks: list[Block], scale: TypeScale) -> Block | None:
    """The head of the next brief down a short head's column: the first block in the column under
    it that is no running text, when it is a headline in the head's own size and weight and running
    text stands between them."""
    column = sorted(
        (
            b
            for b in blocks
            if b is not head and b.lines and x_overlap(b.box, head.box) > 0.5 and b.top > head.bottom - scale.overlap
        ),
        key=lambda b: b.top,
    )
    text_between = False
    for block in column:
        if block.role is Role.BODY:
            text_between = True
            continue
        same_style = abs(block.size - head.size) <= SAME_HEAD_SIZE * head.size and (block.bold >= BOLD_HEAD) == (
            head.bold >= BOLD_HEAD
        )
        return block if block.role is Role.HEADLINE and text_between and same_style else None
    return None
