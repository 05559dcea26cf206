"""Which headline a block belongs to, by geometry alone (stage 6, :mod:`broadsheet.extract.articles`).

A block belongs to the nearest headline above whose width covers its column — unless a rule lies
between them, the column is empty for a stretch, or another headline opens a row of stories between
them. A kicker belongs to the headline right under it, a jump line with no headline over it to the
headline in whose row it stands.
"""

from __future__ import annotations

from broadsheet.extract.blocks import KICKER_OVERLAP, Block, Role, TypeScale
from broadsheet.extract.jumps import announces
from broadsheet.extract.names import name_set_off, next_letter
from broadsheet.extract.running_text import QUOTE_RULE
from broadsheet.extract.side_heads import row_top
from broadsheet.geometry import Box, covered_share, x_overlap, y_overlap

# An empty stretch of column this many line pitches tall ends a story there.
GAP_IN_COLUMN = 4.0
# ...but a jump-out line or a byline this many line pitches or less under the foot of the story's text
# in another column ends the story, under its short last column.
STORY_FOOT = 2.0
# A jump line ("Continued from page 1") joins a headline level with it at most this many body sizes (about a
# column's width) away across the row, nothing between them.
JUMP_BESIDE_GAP = 20.0
# A row of stories under a wide headline is set off from the text above it by this many line pitches
# of white at least (a picture inside a story has the story's text closer over it).
ROW_WHITE = 1.5
# A picture whose top is this many line pitches or less from a headline's beside it starts in that
# headline's row, when this many line pitches of white at least stand over the row's top in its column.
ROW_LEVEL = 1.5
PICTURE_ROW_WHITE = 1.0
NEAREST_ABOVE = "owner: the nearest headline above covering its column"


def headline_owner(
    block: Block, blocks: list[Block], heads: list[Block], hrules: list[Box], scale: TypeScale
) -> Block | None:
    """The headline whose story ``block`` is in by the rules of this module's doc, or None."""
    owner = _owner(block, _column_box(block, blocks, scale), heads, hrules, scale)
    if owner is not None and (_cut_off(block, owner, blocks, scale) or past_a_row(block, owner, heads, blocks, scale)):
        return None
    return owner


def _column_box(block: Block, blocks: list[Block], scale: TypeScale) -> Box:
    """A short line (a byline set flush to one side) stands for the column of text right under it."""
    if len(block.lines) > 2:
        return block.box
    below = [
        b
        for b in blocks
        if b.role is Role.BODY
        and len(b.lines) > 2
        and b.width > 1.6 * block.width
        and x_overlap(b.box, block.box) > 0.8
        and -scale.overlap < b.top - block.bottom < 1.5 * scale.pitch
    ]
    if not below:
        return block.box
    column = min(below, key=lambda b: b.top)
    return (column.x0, block.top, column.x1, block.bottom)


def _owner(block: Block, column: Box, heads: list[Block], hrules: list[Box], scale: TypeScale) -> Block | None:
    """The nearest headline above whose width covers the block's column, with nothing in between."""
    best: Block | None = None
    for head in heads:
        # a brief's run-in heading, level with its paragraph's first line by its last
        beside = head.lines[0].run_in_part == "head" and abs(head.lines[-1].top - block.top) < 1
        top = row_top(head, scale) if head.side_head else head.top  # a side head's columns start level with it
        if (top > block.top - 1 and not beside) or head.frame != block.frame:
            continue
        # the headline spans the block's column, or sits inside it (a short headline over a wide or
        # indented column, such as a list; not over a picture across the page, most of it beside
        # the story's column)
        reach = head.reach or head.box
        indent = 2 * scale.body
        widened = (column[0] - indent, column[1], column[2] + indent, column[3])
        inside_it = block.role is not Role.IMAGE and covered_share(reach, widened) >= 0.9
        if covered_share(column, reach) < 0.5 and not inside_it:
            continue
        if best is None or head.bottom > best.bottom:
            best = head
    if best is None:
        return None
    if _separated(best, block, hrules, heads, scale) or (
        block.role is Role.IMAGE and _headed_between(best, block, heads)
    ):
        return None
    return best


def _headed_between(head: Block, picture: Block, heads: list[Block]) -> bool:
    """Whether another headline stands between a headline and a picture under it, over the picture:
    a story heads its column there (however narrow its headline), and the picture is in that story, not
    in the one the wider headline above opens."""
    return any(
        other is not head
        and head.bottom <= other.top
        and other.bottom <= picture.top
        and other.frame == picture.frame
        and x_overlap(other.box, picture.box) > 0.5
        for other in heads
    )


def _separated(head: Block, block: Block, hrules: list[Box], heads: list[Block], scale: TypeScale) -> bool:
    """A rule across the block's column between headline and block (an underline excepted; a pull
    quote's own rule, QUOTE_RULE line pitches or less over it, parts nothing, unless another
    headline stands between them under the head's reach: a story there may hold the quote)."""
    reach = head.reach or head.box
    own = 0.0
    if block.role is Role.PULLQUOTE and not any(
        h is not head and head.bottom <= h.top < block.top and x_overlap(h.box, reach) > 0 for h in heads
    ):
        own = QUOTE_RULE * scale.pitch
    for r in hrules:
        mid = (r[1] + r[3]) / 2
        if head.bottom + 0.8 * scale.body < mid < block.top - own - 0.2 and covered_share(block.box, r) > 0.6:
            return True
    return False


def _cut_off(block: Block, head: Block, blocks: list[Block], scale: TypeScale) -> bool:
    """Whether a wide empty gap lies between the block and the text above it in its column, below
    the headline: stories do not leave a hole inside a column, so the block begins something else.
    Nor does a story run on past a signature (after a signed letter, its column holds the next), or
    past its jump line to another page ("Continued on page 3")."""
    above = [
        b
        for b in blocks
        if head.bottom - 1 < b.bottom and b.top < block.top and b is not block and x_overlap(b.box, block.box) > 0.5
    ]
    if not above:
        return False
    if any(_jumps_out(b, above, scale) for b in above):
        return True  # the story ran on to another page at its jump line over the block
    nearest = max(above, key=lambda b: b.bottom)
    if block.top - nearest.bottom > GAP_IN_COLUMN * scale.pitch:
        return not _at_the_storys_foot(block, head, blocks, scale)
    return next_letter(nearest, block, blocks, scale)


def _jumps_out(jump: Block, column: list[Block], scale: TypeScale) -> bool:
    """Whether ``jump`` is a jump line to another page ending the running text right over it in its
    ``column`` ("Continued on page 3"), not a teaser's caption naming the page of its story."""
    return (
        jump.role is Role.JUMP
        and announces(jump.text, "to")
        and any(b.role is Role.BODY and -scale.overlap < jump.top - b.bottom < STORY_FOOT * scale.pitch for b in column)
    )


def _at_the_storys_foot(block: Block, head: Block, blocks: list[Block], scale: TypeScale) -> bool:
    """Whether a jump-out line ("Continued on page 6") or a byline (a writer's name signing the story
    off, with or without its "By") stands at the foot of the story's space, right under the end of its
    text in another column under the headline: the line that ends a story is set at its foot, leaving
    white over it under a short last column."""
    jump_out = block.role is Role.JUMP and announces(block.text, "to")
    if not jump_out and block.role is not Role.BYLINE and not name_set_off(block):
        return False
    reach = head.reach or head.box
    return any(
        b.role in (Role.BODY, Role.PULLQUOTE)
        and x_overlap(b.box, reach) > 0.5
        and x_overlap(b.box, block.box) <= 0
        and -scale.overlap < block.top - b.bottom < STORY_FOOT * scale.pitch
        for b in blocks
    )


def past_a_row(block: Block, head: Block, heads: list[Block], blocks: list[Block], scale: TypeScale) -> bool:
    """Whether another headline under ``head``'s reach (or level with a picture: :func:`_level_beside`),
    beside the block's column, opens a row of stories between ``head`` and the block with the column
    empty across that row (no text level with that headline, no picture running down into the row
    from above it, white over the row's top): ``head``'s story ended above the row, and the block (a
    caption, the text under a picture set beside the row's headline, a picture at the row's top)
    belongs to the row. A picture inside a story that merely starts level with a neighbour's headline
    has the story's text right over it."""
    rows = [
        other
        for other in heads
        if other is not head
        and head.bottom < other.top
        and x_overlap(other.box, block.box) < 0.5
        and (
            (other.frame == block.frame and _under_the_row_top(block, other) and _across_the_story(other, head, blocks))
            or _level_beside(block, other, scale)  # a boxed story's head too: the box opens the row
        )
    ]
    if not rows:  # most blocks: the column is not looked at
        return False
    column = [b for b in blocks if b is not block and x_overlap(b.box, block.box) > 0.5]

    def white_over(other: Block) -> bool:  # over the row's top (a picture level with it: over the picture)
        if _level_beside(block, other, scale):
            top = min(other.top, block.top)
            return top - _text_bottom_above(top, head, column) >= PICTURE_ROW_WHITE * scale.pitch
        return other.top - _text_bottom_above(other.top, head, column) >= ROW_WHITE * scale.pitch

    return any(not any(_across_the_row(b, other) for b in column) and white_over(other) for other in rows)


def _across_the_story(other: Block, head: Block, blocks: list[Block]) -> bool:
    """Whether headline ``other`` stands under ``head``'s reach, or across a column of ``head``'s
    story over it (a lead's headline set over its first columns, out past ``head``'s left edge)."""
    reach = head.reach or head.box
    overlap = x_overlap(other.box, reach)
    if overlap > 0.5 or overlap <= 0:  # most pairs: one under the other, or side by side
        return overlap > 0.5
    return any(
        b.role is Role.BODY
        and head.bottom < b.top
        and b.bottom < other.top
        and covered_share(b.box, reach) > 0.5
        and covered_share(b.box, other.box) > 0.5
        for b in blocks
    )


def _level_beside(picture: Block, other: Block, scale: TypeScale) -> bool:
    """Whether ``picture`` starts level with headline ``other`` beside it, within ROW_LEVEL line
    pitches of its top: the top of the row that headline opens, which the picture may
    stand in (its kicker's top, over a kicker)."""
    top = (other.reach or other.box)[1]
    return picture.role is Role.IMAGE and abs(picture.top - top) < ROW_LEVEL * scale.pitch


def _text_bottom_above(top: float, head: Block, column: list[Block]) -> float:
    """Where the text of the column under ``head`` ends above ``top`` (``head``'s foot if it has none)."""
    return max(
        (b.bottom for b in column if b.role is not Role.IMAGE and head.bottom - 1 < b.bottom <= top),
        default=head.bottom,
    )


def _under_the_row_top(block: Block, head: Block) -> bool:
    """Whether ``block`` starts in the row ``head`` opens: text under the headline, a picture level with it."""
    return head.bottom < block.top if block.role is not Role.IMAGE else head.top - 1 < block.top


def _across_the_row(block: Block, head: Block) -> bool:
    """Whether ``block`` stands in the row ``head`` opens: text level with the headline, or a picture
    from above the headline's top (a picture that starts with the row is the row's own)."""
    if block.role is Role.IMAGE:
        return block.top < head.top - 1 < block.bottom
    return block.top < head.bottom and block.bottom > head.top


def kicker_owner(block: Block, heads: list[Block], scale: TypeScale) -> Block | None:
    """The headline right under a kicker, across it or across the stack it heads (a kicker flush
    with the columns over a centred headline)."""
    below = [
        h
        for h in heads
        if x_overlap(h.reach or h.box, block.box) > 0.5
        and -KICKER_OVERLAP * h.size < h.top - block.bottom < max(1.2 * h.size, 2 * scale.body)
    ]
    return min(below, key=lambda h: h.top - block.bottom) if below else None


def jump_owner(block: Block, blocks: list[Block], heads: list[Block], scale: TypeScale) -> Block | None:
    """The headline level with a jump-in line that no headline covers (a continued story's "Continued
    from page 1" at the top of its first column, its headline set beside it), nearest across the row
    with nothing between them. A jump-out line ("Turn to page 2") ends the story above it instead."""
    if not announces(block.text, "from"):
        return None
    level = [
        h
        for h in heads
        if h.frame == block.frame
        and (y_overlap(h.box, block.box) > 0.5 or -scale.overlap < block.top - h.bottom < scale.pitch)
        and _gap_across(h.box, block.box) < JUMP_BESIDE_GAP * scale.body
    ]
    nearest = min(level, key=lambda h: _gap_across(h.box, block.box), default=None)
    if nearest is None or any(_between(b, block, nearest) for b in blocks):
        return None
    return nearest


def _gap_across(a: Box, b: Box) -> float:
    return max(a[0] - b[2], b[0] - a[2], 0.0)


def _between(other: Block, a: Block, b: Block) -> bool:
    """Whether ``other`` stands across the row between ``a`` and ``b``."""
    left, right = (a, b) if a.x0 < b.x0 else (b, a)
    return (
        other is not a
        and other is not b
        and left.x1 - 1 < other.x0
        and other.x1 < right.x0 + 1
        and other.top < max(a.bottom, b.bottom)
        and other.bottom > min(a.top, b.top)
    )
