"""Stage 5, part: where a block stands against a story's running text.

The questions the role rules ask of a bold line or a run-in paragraph before they call it a head:
is the text right above it in its column a story's running text, which headline stands over its
column, and does that headline open running text of its own (a story) or a column of briefs.
Whether a run-in paragraph tops one of a story's further columns: :mod:`broadsheet.extract.story_columns`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from broadsheet.extract.blocks import DISPLAY_TYPE, Block, Role, TypeScale, rule_between
from broadsheet.extract.jumps import announces
from broadsheet.extract.names import BYLINE_SIZE, byline_shaped, is_byline
from broadsheet.extract.sections import same_style
from broadsheet.extract.sentences import breaks_off, is_quotation
from broadsheet.geometry import Box, covered_share, foot_of_what_hangs_under, inside, union, x_overlap

# A run-in paragraph this many line pitches or less under a story's running text is labelled text.
LABEL_GAP = 2.0
# ...or this many under a pull quote under that text (a quote is set off by white and rules).
PULL_QUOTE_WHITE = 5.0
# A quotation in italics this many body sizes or bigger is set as a pull quote.
PULL_QUOTE_SIZE = 1.1
# A rule this many line pitches or less over a pull quote is its own.
QUOTE_RULE = 1.0
# A block of this many lines or fewer, this bold (share of glyphs), with no full stop at its end, is a
# title over a column, not running text: the run-in paragraph under it is a brief.
TITLE_LINES = 2
TITLE_BOLD = 0.9
# Running text that starts within this many line pitches under a headline (past a deck) is its story's.
RUNNING_TEXT_GAP = 8.0
# A display headline over at least this share of a column's width is over a crosshead in it: a
# headline centred over a story's columns covers only part of its first and last ones.
CROSSHEAD_COVER = 0.3
# A headline this much of whose width lies within a column's stands over that column, however short.
WITHIN_COLUMN = 0.9
# A headline over at least this share of a column's width may be its story's last column's (set over
# two and a half of its three columns) when that column starts level with the story's others.
OVERHANG = 0.15
# Blocks under a headline whose tops lie this many line pitches apart or less are its first row.
FIRST_ROW = 1.5
# A story's columns start at most this many line pitches under the photo across them (room for a line
# or two of its caption).
PICTURE_COLUMN_GAP = 3.0
# The next column over stands at most this many body sizes from a column (the gutter between them).
NEXT_COLUMN = 3.0
# Columns whose tops lie this many line pitches apart or less start level: boxes of lines set on one
# baseline differ by their fonts' ascents (a crosshead's bold serif over a sans text beside it).
LEVEL_TOPS = 0.3
# A picture's caption is at most this many lines, starting within this many line pitches under it.
CAPTION_LINES = 3
CAPTION_GAP = 1.5
# Text ending level (within ROW_FOOT line pitches) over a bold line (or a run-in paragraph) and over
# a headline in the next column over, that headline's top within ROW_HEAD line pitches of the line's
# (a kicker over it), is a row of stories' foot: the line opens the next row's story.
ROW_FOOT = 1.5
ROW_HEAD = 2.0


@dataclass(frozen=True)
class Surroundings:
    """What the questions about a block's place look at: the page's ``blocks``, those of paragraphs
    that open with a run-in heading (``briefs``, by ``id``), its type ``scale``, its rules, its
    ``pictures`` (one may stand between a headline and its text) and its ``text_frames``
    (:func:`~broadsheet.extract.blocks.text_frames`)."""

    blocks: list[Block]
    briefs: set[int]
    scale: TypeScale
    hrules: list[Box]
    pictures: Sequence[Box] = ()
    text_frames: Sequence[Box] = ()


def parted(upper: Box, lower: Box, page: Surroundings) -> bool:
    """Whether a rule lies between two boxes, or the edge of a box of running text holds one and not
    the other: a boxed column's head heads nothing under the box."""
    boxed_apart = any(inside(upper, f) != inside(lower, f) for f in page.text_frames)
    return boxed_apart or rule_between(upper, lower, page.hrules)


def nearest_head_over(box: Box, blocks: list[Block], cover: float = 0.5) -> Block | None:
    """The lowest headline among ``blocks`` ending above ``box``, over at least ``cover`` of its width
    or standing wholly within it (a short title centred over its column: "BRIEFLY")."""
    over = [
        b
        for b in blocks
        if b.role is Role.HEADLINE
        and b.bottom <= box[1] + 1
        and (covered_share(box, b.box) >= cover or covered_share(b.box, box) >= WITHIN_COLUMN)
    ]
    return max(over, key=lambda b: b.bottom, default=None)


def run_in_paragraphs(blocks: list[Block], scale: TypeScale) -> dict[int, int]:
    """The blocks of paragraphs that open with a run-in heading, each (by ``id``) with the block of
    the heading's line: that block itself, and the blocks stacked right under it (a first line set
    short starts a block of its own)."""
    opener = {id(b): id(b) for b in blocks if b.lines and b.lines[0].run_in_part == "text"}
    for block in sorted((b for b in blocks if b.lines and not b.lines[0].run_in_part), key=lambda b: b.top):
        above = [
            b
            for b in blocks
            if id(b) in opener
            and x_overlap(b.box, block.box) > 0.5
            and -scale.overlap < block.top - b.bottom < scale.pitch
        ]
        if above:
            opener[id(block)] = opener[id(above[0])]
    return opener


def inside_running_text(box: Box, mine: list[Block], page: Surroundings) -> bool:
    """Whether the text right above a run-in paragraph or a bold line (``mine``, at ``box``), in
    its column, is a story's running text (not another brief's paragraph)."""
    return running_text_above(box, mine, page) is not None


def running_text_above(box: Box, mine: list[Block], page: Surroundings, gap: float = LABEL_GAP) -> Block | None:
    """The story's running text right above ``box`` in its column (less than ``gap`` line pitches
    over it), if that is what is there. Under a picture's caption (one of ``pictures``) with text a
    few lines over the picture, that is the text right above the picture: a story that ends over a
    picture leaves the picture and what is under it to the next one. A picture atop a column is its
    story's; its caption runs on into the story's text. Under a pull quote (a quotation in display
    type), it is the text the quote was set into, set off by white above it (PULL_QUOTE_WHITE)."""
    blocks, scale = page.blocks, page.scale
    above = [b for b in blocks if b.lines and b not in mine and b.bottom <= box[1] + 1 and x_overlap(b.box, box) > 0.5]
    if not above:
        return None
    nearest = max(above, key=lambda b: b.bottom)
    picture = next((p for p in page.pictures if a_caption_under(nearest, p, scale)), None)
    if (
        picture is not None
        and x_overlap(picture, box) > 0.5
        and any(b.role is Role.BODY and -1 < picture[1] - b.bottom < RUNNING_TEXT_GAP * scale.pitch for b in above)
    ):
        return running_text_above((box[0], picture[1], box[2], picture[1]), mine, replace(page, pictures=()))
    quote = quotation_over(box, blocks, scale, PULL_QUOTE_WHITE)
    if quote and set_as_a_pull_quote(quote[0], scale):
        top = quote[-1].top
        own = [r for r in page.hrules if top - QUOTE_RULE * scale.pitch <= r[3] <= top]  # the quote's rule
        above_quote = replace(page, hrules=[r for r in page.hrules if r not in own])
        return running_text_above((box[0], top, box[2], top), [*mine, *quote], above_quote, PULL_QUOTE_WHITE)
    close = box[1] - nearest.bottom < gap * scale.pitch and not parted(nearest.box, box, page)
    running = nearest.role is Role.BODY and id(nearest) not in page.briefs and not _a_bold_title(nearest)
    # a jump line to another page ("Continued on page 3") ends the story's text on this page
    return nearest if close and running and not _jumps_out(nearest) else None


def _jumps_out(block: Block) -> bool:
    """Whether a short block is a jump line sending its story on to another page (not told yet)."""
    return len(block.lines) <= 2 and announces(block.text, "to")


def set_as_a_pull_quote(quote: Block, scale: TypeScale) -> bool:
    """Whether a quotation is set as a pull quote: in display type, or in italics a little over the
    body's size (PULL_QUOTE_SIZE); a quoted paragraph of a story's text is set as the text."""
    ratio = scale.ratio(quote.size)
    return ratio >= DISPLAY_TYPE or (quote.italic >= 0.8 and ratio >= PULL_QUOTE_SIZE)


def quotation_over(box: Box, blocks: list[Block], scale: TypeScale, gap: float) -> list[Block]:
    """The blocks of a quotation set right over ``box`` in its column (less than ``gap`` line pitches
    over it), its lines maybe in blocks of their own stacked in one size, lowest first; none if
    what stands there is no quotation."""
    stack: list[Block] = []
    foot = box[1]
    while True:
        over = [
            b
            for b in blocks
            if b.lines
            and b not in stack
            and x_overlap(b.box, box) > 0.5
            and (not stack or abs(b.size - stack[-1].size) < 0.05 * b.size)
            and -scale.overlap < foot - b.bottom < (gap * scale.pitch if not stack else 0.5 * b.size)
        ]
        if not over:
            break
        stack.append(max(over, key=lambda b: b.bottom))
        foot = stack[-1].top
    return stack if stack and is_quotation(" ".join(b.text for b in reversed(stack))) else []


def _a_bold_title(block: Block) -> bool:
    """A line or two all in bold with no sentence's stop: a title over a column ("NEWS IN BRIEF",
    on a band), not a story's running text, whatever its size (a band's label may be smaller)."""
    return len(block.lines) <= TITLE_LINES and block.bold >= TITLE_BOLD and not block.text.rstrip().endswith(".")


def under_a_storys_headline(
    box: Box, page: Surroundings, display_only: bool = False, head: Block | None = None
) -> bool:
    """Whether the nearest headline over a run-in paragraph's column (``box``) opens running text
    of its own (a story, whose labels these are) rather than a column of briefs ("News in brief").
    ``display_only``: the nearest headline must be in display type; under a brief's small bold head
    the text belongs to that brief, and a bold line in it is the next brief's head. ``head``: the
    bold line asked about, whose siblings in its style are heads too, not running text."""
    heads = [b for b in page.blocks if not b.lines[0].run_in_part]
    nearest = nearest_head_over(box, heads, CROSSHEAD_COVER if display_only else 0.5)
    if nearest is None:
        return False
    if display_only and nearest.size < DISPLAY_TYPE * page.scale.body:
        return False
    return not parted(nearest.box, box, page) and opens_running_text(nearest, page, head)


def type_top(block: Block) -> float:
    """Where a block's type starts: its first line's top, or its drop cap's, which stands over the
    line it opens (the story's first column opening with a cap starts level with the next)."""
    return min(block.top, block.lines[0].extent[1])


def next_column_over(box: Box, column: Box, scale: TypeScale) -> bool:
    """Whether ``box`` stands in the next column over from ``column``, on either side: apart from it,
    across no more than a gutter (NEXT_COLUMN body sizes)."""
    return 0 < max(box[0] - column[2], column[0] - box[2]) < NEXT_COLUMN * scale.body


def opens_running_text(head: Block, page: Surroundings, sibling_of: Block | None = None) -> bool:
    """Whether the text right under a headline (past its deck and byline, and past a picture under
    them with its caption; or beside such a picture, and under it) is running text, not a paragraph
    opening with a run-in heading (one of the page's briefs), nor a short bold head in the style of
    ``sibling_of``: the first of a column of briefs right under its section's title (a crosshead is
    never the first line under its story's headline)."""
    blocks, scale = page.blocks, page.scale
    stack = (b.box for b in blocks if b is not head and b.lines and _in_a_heads_stack(b, scale))
    foot = foot_of_what_hangs_under(head.box, stack, scale.overlap, scale.pitch)
    first_row = _first_row_under(head, foot, blocks, scale)
    picture = _picture_under(head, scale, page.pictures, min((b.top for b in first_row), default=float("inf")))
    if picture is not None:
        first_row = _first_row_under(head, past_its_caption(picture, blocks, scale), blocks, scale)
    elif (beside := _picture_under(head, scale, page.pictures, float("inf"))) is not None:
        # a column beside the story's picture, and the story's text under the picture
        first_row += _first_row_under(head, past_its_caption(beside, blocks, scale), blocks, scale)
    return any(
        b.role is Role.BODY
        and not b.lines[0].run_in_part
        and id(b) not in page.briefs
        and not (sibling_of is not None and b is not sibling_of and same_head_style(b, sibling_of))
        for b in first_row
    )


def _first_row_under(head: Block, foot: float, blocks: list[Block], scale: TypeScale) -> list[Block]:
    """The first row of blocks under ``foot`` (the foot of the headline's stack: its deck and
    byline, or of a picture under them) in the headline's columns, within RUNNING_TEXT_GAP line
    pitches, past its deck and byline; blocks whose tops lie within FIRST_ROW line pitches of the
    highest's (a line opening with a drop cap starts a little lower than a bold run-in head)."""
    below = [
        b
        for b in blocks
        if b.lines
        and b.lines[0].run_in_part != "head"
        and not _in_a_heads_stack(b, scale)
        and x_overlap(b.box, head.box) > 0.3
        and -scale.overlap < b.top - foot < RUNNING_TEXT_GAP * scale.pitch
    ]
    top = min((b.top for b in below), default=0.0)
    return [b for b in below if b.top < top + FIRST_ROW * scale.pitch]


def _picture_under(head: Block, scale: TypeScale, pictures: Sequence[Box], text_top: float) -> Box | None:
    """The picture under a headline's stack, in its columns, with the text under it (starting at
    ``text_top``) under the picture, not beside it."""
    under = [
        p
        for p in pictures
        if x_overlap(p, head.box) > 0.3
        and -scale.overlap < p[1] - head.bottom < RUNNING_TEXT_GAP * scale.pitch
        and p[3] - scale.overlap < text_top
    ]
    return min(under, key=lambda p: p[1], default=None)


def past_its_caption(picture: Box, blocks: list[Block], scale: TypeScale) -> float:
    """The foot of a picture, or of its caption right under it."""
    return max([picture[3], *(b.bottom for b in blocks if a_caption_under(b, picture, scale))])


def a_caption_under(block: Block, picture: Box, scale: TypeScale) -> bool:
    """Whether ``block`` is the caption right under ``picture``: a line or three in italics or smaller
    than the body (captions are told later; here their look must do)."""
    return (
        bool(block.lines)
        and len(block.lines) <= CAPTION_LINES
        and x_overlap(block.box, picture) > 0.5
        and -scale.overlap < block.top - picture[3] < CAPTION_GAP * scale.pitch
        and (block.italic >= 0.9 or scale.ratio(block.size) < BYLINE_SIZE)
    )


def _in_a_heads_stack(block: Block, scale: TypeScale) -> bool:
    """A deck or a byline, whatever role it has been given so far: the run-in heads are judged
    before the deck under a headline is told from it, so a deck may still be a headline then: a
    sentence, or in roman or italics, not a bold title (a brief's own head under its section's)."""
    if block.role in (Role.SUBHEADLINE, Role.BYLINE):
        return True
    if block.role is Role.HEADLINE and not _a_bold_title(block):
        return True
    return is_byline(block, scale) or byline_shaped(block, scale)


def same_head_style(block: Block, head: Block) -> bool:
    """A short bold block set in the font and size of ``head``: one more head of its kind."""
    return len(block.lines) <= 2 and block.bold >= 0.9 and same_style(block, head)


def column_top_level_with_text(
    block: Block, blocks: list[Block], scale: TypeScale, gap: float
) -> tuple[Box, list[Block]] | None:
    """The column ``block`` tops (over text less than ``gap`` under it), and the running text in the
    next columns over (on either side) that runs level with it and a line past its first, if any: a
    story's columns start level, and a crosshead or a pull quote (which may run further down than the
    text beside it) may fall at the top of one."""
    under = [
        b
        for b in blocks
        if b.role is Role.BODY and x_overlap(b.box, block.box) > 0.5 and 0 <= b.top - block.bottom + 1 < gap
    ]
    text = min(under, key=lambda b: b.top, default=None)
    if text is None:
        return None
    column = union([block.box, (text.x0, block.top, text.x1, block.top)])
    level = [
        b
        for b in blocks
        if b.role is Role.BODY
        and len(b.lines) >= 2
        and b.bold < 0.5
        and next_column_over(b.box, column, scale)
        and b.top <= block.top + LEVEL_TOPS * scale.pitch
        and b.bottom >= block.lines[0].bottom + scale.pitch
    ]
    return (column, level) if level else None


def under_one_headline(
    column: Box, beside: Box, blocks: list[Block], scale: TypeScale, hrules: list[Box], own_rules: float = 0.0
) -> bool:
    """Whether one display headline is the nearest over both a column and the text beside it, with no
    rule between (a small story's head beside another story's column has a headline of its own over
    it, or none); rules less than ``own_rules`` over the column's top are its own (a pull quote's)."""
    heads = [b for b in blocks if not b.lines[0].run_in_part]
    head = nearest_head_over(column, heads, CROSSHEAD_COVER)
    if (
        head is None
        or head.size < DISPLAY_TYPE * scale.body
        or head is not nearest_head_over(beside, heads, CROSSHEAD_COVER)
    ):
        return False
    raised = (column[0], column[1] - own_rules, column[2], column[3])
    return not rule_between(head.box, raised, hrules) and not rule_between(head.box, beside, hrules)


def under_one_picture(column: Box, beside: Box, images: list[Box], scale: TypeScale, hrules: list[Box]) -> bool:
    """Whether one picture stands right over both a column's top and the text beside it, with no rule
    between: a story's photo across its columns (a short headline over it may cover only the first),
    its columns starting level under it, past a line or two of its caption."""
    for picture in images:
        if not all(covered_share(box, picture) >= CROSSHEAD_COVER for box in (column, beside)):
            continue
        right_under = all(
            -scale.overlap < box[1] - picture[3] < PICTURE_COLUMN_GAP * scale.pitch for box in (column, beside)
        )
        if right_under and not rule_between(picture, column, hrules) and not rule_between(picture, beside, hrules):
            return True
    return False


def a_row_ends_over(above: Block, box: Box, blocks: list[Block], scale: TypeScale, story: Block | None = None) -> bool:
    """Whether the text over a bold line or paragraph (at ``box``) ends level (within ROW_FOOT line
    pitches) with the text in the next column over (under ``story``'s headline too, when given, and
    ending its sentence: the story over both ends), where a headline follows level with it (within
    ROW_HEAD): a row of stories ends there and the next row starts, the line opening a story of its
    own. A story's crosshead or label falls where its column runs on; the column beside runs on too."""
    column = union([box, (above.x0, box[1], above.x1, box[1])])
    for head in blocks:
        if head.role is not Role.HEADLINE or abs(head.top - box[1]) > ROW_HEAD * scale.pitch:
            continue
        beside = [
            b
            for b in blocks
            if b.role is Role.BODY
            and len(b.lines) >= 2
            and next_column_over(b.box, column, scale)
            and x_overlap(b.box, head.box) > 0.5
            and b.bottom < head.top + scale.overlap
            and (story is None or covered_share(b.box, story.reach or story.box) >= OVERHANG)
        ]
        text = max(beside, key=lambda b: b.bottom, default=None)
        if text is None or abs(text.bottom - above.bottom) >= ROW_FOOT * scale.pitch:
            continue
        if story is None or not breaks_off(text):  # the story's own text ends there (cut mid-sentence,
            return True  # it runs on past a pull quote, say)
    return False
