"""Stage 5, part: side heads — a story's headline set beside its columns, not over them.

A feature's headline may stand in a column of its own at the start of its story's row (left of it in
left-to-right type, right in right-to-left), its columns beside it: their text, its byline or a photo
over the text starts level with the head's top. No headline stands over those columns, so the rules
that ask "which headline is over this column" find none. A side head claims the row beside it as its
reach: a bold line in those columns is its story's crosshead, and their text is its story's.
"""

from __future__ import annotations

from broadsheet.extract.blocks import BIGGER_THAN_BODY, DISPLAY_TYPE, Block, Role, TypeScale, rule_between, text_frames
from broadsheet.extract.sentences import is_quotation
from broadsheet.geometry import Box, covered_share, foot_of_what_hangs_under, inside, union, x_overlap

# A side head's story starts within this many line pitches of the top of the head (and its stack), its
# first column less than this share of that column's width from the head.
SIDE_HEAD_LEVEL = 1.0
SIDE_HEAD_GAP = 0.5
# The story's next column starts at most this many body sizes on from the one before (a gutter); the
# head's (or a column's) edge may reach this many into the gutter (a long word overflowing a narrow
# column), past the next column's start.
GUTTER = 3.0
INTO_THE_GUTTER = 1.0
# A standfirst beside a side head is set smaller than the head by this share at least, and under
# this many body sizes.
STANDFIRST_SIZE = 0.9
STANDFIRST_MOST = 1.6
# A kicker over a side head is at most this many lines (the row starts level with the kicker's top).
KICKER_LINES = 2
# What hangs this many line pitches or less under a column's first block while that is shorter (a
# byline, a dateline; then the text, or a photo across the row under the byline), at most this many
# blocks, makes the column's width, and the next columns may start level with what starts so far
# under the row's top.
ROW_DROP = 2.0
STACKED = 4
# Running text of at least this many lines in the body's size, or a picture, starting this many line
# pitches or less under a headline, is the headline's own: a headline over its story, not beside it.
OWN_TEXT_LINES = 2
OWN_TEXT_GAP = 8.0


def a_section_label(head: Block, beside_its_column: bool = False) -> bool:
    """A section's name ("SALUTE", "World news"), however big: in capitals, or under three words.
    Beside its column (``beside_its_column``) a name in capitals is one line: a side head in capitals
    wraps in its narrow column."""
    capitals = all(line.in_capitals for line in head.lines) and not (beside_its_column and len(head.lines) > 1)
    return len(head.text.split()) < 3 or capitals


def mark_side_heads(
    blocks: list[Block], images: list[Box], scale: TypeScale, hrules: list[Box], frames: list[Box]
) -> None:
    """Give each side head (a headline in display type with no running text of its own under it and a
    row of columns starting level with it on the side its lines run to, in the same box) that row as
    its reach."""
    boxes = text_frames(blocks, frames)
    for head in blocks:
        if head.role is not Role.HEADLINE or head.size < DISPLAY_TYPE * scale.body or head.lines[0].run_in_part:
            continue
        if a_section_label(head, beside_its_column=True) or _heads_text_under_it(head, blocks, images, scale):
            continue
        row = _row_beside(head, blocks, images, scale, hrules, boxes)
        if row is not None:
            head.reach = union([head.reach or head.box, row])
            head.side_head = True


def side_head_over(
    column: Box, blocks: list[Block], scale: TypeScale, hrules: list[Box], own_rules: float = 0.0
) -> Block | None:
    """The side head whose row holds ``column`` down to its top (a bold line's): the head's reach
    covers the column, and neither a display headline (another story) nor a rule stands in the column
    between the row's top and the column's; rules less than ``own_rules`` over the column's top are
    not the row's (a pull quote's over the bold line)."""
    for head in blocks:
        if not head.side_head or head.role is not Role.HEADLINE or not row_top(head, scale) <= column[1]:
            continue
        if covered_share(column, head.reach or head.box) < 0.5:
            continue
        band = (column[0], row_top(head, scale), column[2], column[1])
        level = (column[0], head.top, column[2], head.top)  # a rule over the row stands over the head too
        raised = (column[0], column[1] - own_rules, column[2], column[3])
        if not _another_story_in(band, head, blocks, scale) and not rule_between(level, raised, hrules):
            return head
    return None


def atop_the_row_beside(block: Block, head: Block, scale: TypeScale) -> bool:
    """Whether ``block`` (running text, or type as big as a headline's but smaller than the head's and
    not bold) stands beside a side head atop the row of columns the head claims, within
    SIDE_HEAD_LEVEL line pitches of the row's top: where a side head's standfirst runs, across the
    row, level with the head (not under it, where an ordinary headline's runs)."""
    if not head.side_head or x_overlap(head.box, block.box) > 0:
        return False
    if block.role is not Role.BODY and _another_head(block, head, scale):
        return False
    reach = head.reach or head.box
    return x_overlap(reach, block.box) >= 0.5 and abs(block.top - reach[1]) < SIDE_HEAD_LEVEL * scale.pitch


def row_top(head: Block, scale: TypeScale) -> float:
    """The top of a side head's row (its reach's: the highest of its columns' tops, level with the head
    or its kicker), less the overlap of boxes set one under the other."""
    return (head.reach or head.box)[1] - scale.overlap


def _heads_text_under_it(head: Block, blocks: list[Block], images: list[Box], scale: TypeScale) -> bool:
    """Whether running text in the body's size or a picture stands under the headline in its column,
    its top within OWN_TEXT_GAP line pitches of the foot of the headline's stack (its deck and byline
    stacked right under it): the headline is over its story, not beside it."""
    under = [
        b.box
        for b in blocks
        if b.role is Role.BODY and len(b.lines) >= OWN_TEXT_LINES and scale.ratio(b.size) < BIGGER_THAN_BODY
    ]
    middle = (head.top + head.bottom) / 2  # a picture may start inside a head's deep descenders (Nastaliq)
    foot = _foot_of_stack(head, blocks, scale)
    return any(
        x_overlap(box, head.box) > 0.5 and middle < box[1] < foot + OWN_TEXT_GAP * scale.pitch for box in under + images
    )


def _foot_of_stack(head: Block, blocks: list[Block], scale: TypeScale) -> float:
    """The foot of what is stacked right under a headline in its column, each block within a line
    pitch of the one over it: its deck (a standfirst in italic), its byline."""
    parts = (b.box for b in blocks if b is not head and b.lines)
    return foot_of_what_hangs_under(head.box, parts, scale.overlap, scale.pitch)


def _row_beside(
    head: Block, blocks: list[Block], images: list[Box], scale: TypeScale, hrules: list[Box], frames: list[Box]
) -> Box | None:
    """The columns beside ``head`` on the side its lines run to, none a headline's nor right under or
    over one (another story's, set higher, or its kicker), none across the edge of a box of text
    (``frames``) from the head: the first within SIDE_HEAD_GAP of its width from the head, each next
    one within a gutter of the one before, each starting level with the head's stack or with a column
    before it (whose text may start under a byline over that column alone, or under a photo across
    the row); None if none starts so."""
    rtl = head.lines[0].rtl
    boxed = _frames_holding(head.box, frames)
    boxes = [
        (b.box, _another_head(b, head, scale))
        for b in blocks
        if b is not head and b.lines and _frames_holding(b.box, frames) == boxed
    ]
    boxes += [(img, False) for img in images if _frames_holding(img, frames) == boxed]
    tops = [_top_of_stack(head, blocks, scale, hrules)]
    edge, row = (head.x0 if rtl else head.x1), None
    while True:
        level = [(box, headline) for box, headline in boxes if _level_with(box, tops, scale)]
        nearest = _nearest_past(level, edge, rtl, scale)
        if nearest is None:
            return row
        gap, column = nearest
        under = _stacked_under(column, [box for box, _ in boxes], scale)
        kicked = any(box in under for box, headline in boxes if headline)  # a kicker over its own headline
        # as wide as its text (or photo): a byline over it may run on past its edge into the gutter
        whole = union([column, *under])
        width = union([box for box in [column, *under] if box[3] - box[1] >= ROW_DROP * scale.pitch] or [whole])
        column = (width[0], whole[1], width[2], whole[3])
        most = scale.body * GUTTER if row is not None else SIDE_HEAD_GAP * (column[2] - column[0])
        if gap >= most or kicked or _headed(column, head, blocks, scale, hrules):
            return row
        tops += [box[1] for box in under if box[1] - tops[0] <= ROW_DROP * scale.pitch]
        row = union([row or column, column])
        edge = row[0] if rtl else row[2]


def _frames_holding(box: Box, frames: list[Box]) -> frozenset[int]:
    """Which of the frames hold ``box``: two boxes held by the same ones stand on one side of every edge."""
    return frozenset(k for k, frame in enumerate(frames) if inside(box, frame))


def _another_head(block: Block, head: Block, scale: TypeScale) -> bool:
    """Whether a block is a headline that is not ``head``'s standfirst or a pull quote in its row: a
    standfirst beside a side head may be set big enough for a headline, but smaller than the head,
    not in bold, and within STANDFIRST_MOST body sizes (another story's headline beside a lead's is
    set far bigger); a pull quote atop a column of the row is a quotation no bigger than the head,
    not in bold."""
    smaller = block.size < STANDFIRST_SIZE * head.size and scale.ratio(block.size) < STANDFIRST_MOST
    quoted = block.size <= head.size and is_quotation(block.text)
    return block.role is Role.HEADLINE and not ((smaller or quoted) and block.bold < 0.5)


def _headed(column: Box, head: Block, blocks: list[Block], scale: TypeScale, hrules: list[Box]) -> bool:
    """Whether a headline other than ``head`` stands right over the column (within ROW_DROP line
    pitches, no rule between: a masthead over the page's first row is set off by one): the column is
    that headline's story's."""
    return any(
        b is not head
        and b.role is Role.HEADLINE
        and x_overlap(b.box, column) > 0.5
        and -scale.overlap < column[1] - b.bottom < ROW_DROP * scale.pitch
        and not rule_between(b.box, column, hrules)
        for b in blocks
    )


def _stacked_under(column: Box, boxes: list[Box], scale: TypeScale) -> list[Box]:
    """What hangs under the top of a column while it is a short line or two (a byline, a dateline cut
    off the first line), each within ROW_DROP line pitches under the one over it: down to the text, or
    a photo across the row under the byline. The column is as wide as they are, and the next columns
    may start level with their tops."""
    stack: list[Box] = []
    foot = column
    while foot[3] - foot[1] < ROW_DROP * scale.pitch and len(stack) < STACKED:
        under = [
            box
            for box in boxes
            if box not in stack
            and x_overlap(box, foot) > 0.5
            and box[1] > foot[1]
            and box[3] > foot[3]
            and box[1] - foot[3] <= ROW_DROP * scale.pitch
        ]
        if not under:
            break
        stack += under
        foot = union(under)
    return stack


def _level_with(box: Box, tops: list[float], scale: TypeScale) -> bool:
    return any(abs(box[1] - top) <= SIDE_HEAD_LEVEL * scale.pitch for top in tops)


def _top_of_stack(head: Block, blocks: list[Block], scale: TypeScale, hrules: list[Box]) -> float:
    """The top of the head with the short line right over it, if any: its kicker (not marked yet), set
    in bold or capitals, no rule between them (a folio line over the page's first row is set in
    neither, or ruled off)."""
    over = [
        b
        for b in blocks
        if b is not head
        and b.lines
        and len(b.lines) <= KICKER_LINES
        and (b.bold >= 0.5 or b.lines[0].in_capitals)
        and x_overlap(b.box, head.box) > 0.5
        and -scale.overlap < head.top - b.bottom < scale.pitch
        and not rule_between(b.box, head.box, hrules)
    ]
    return min([head.top, *(b.top for b in over)])


def _nearest_past(level: list[tuple[Box, bool]], edge: float, rtl: bool, scale: TypeScale) -> tuple[float, Box] | None:
    """How far past ``edge`` (on the side the lines run to) the nearest of the boxes starts, and those
    starting there (a column's text, a run-in label on its first line, its byline); None if there are
    none, or one is a headline (the next story's, level with this one)."""
    # each box taken reaches past the edge, so the row grows at every step and its walk ends
    ahead = [(box, head) for box, head in level if _reaches_past(box, edge, rtl)]
    past = [(edge - box[2] if rtl else box[0] - edge, box, head) for box, head in ahead]
    past = [p for p in past if p[0] > -INTO_THE_GUTTER * scale.body]
    if not past:
        return None
    gap = min(p[0] for p in past)
    nearest = [p for p in past if p[0] < gap + scale.overlap]
    if any(headline for *_, headline in nearest):
        return None
    return gap, union([box for _, box, _ in nearest])


def _reaches_past(box: Box, edge: float, rtl: bool) -> bool:
    return box[0] < edge - 1 if rtl else box[2] > edge + 1


def _another_story_in(band: Box, head: Block, blocks: list[Block], scale: TypeScale) -> bool:
    """Whether a headline in display type other than ``head`` stands in ``band``: a story of its own
    (``head``'s standfirst atop its row is not told from a headline yet, and is not one)."""
    return any(
        b is not head
        and b.role is Role.HEADLINE
        and b.size >= DISPLAY_TYPE * scale.body
        and x_overlap(b.box, band) > 0.5
        and band[1] < b.top < band[3]
        and not atop_the_row_beside(b, head, scale)
        for b in blocks
    )
