"""How wide a headline claims: the columns its story runs in, when they are wider than its words.

A headline's box is where its words are; its story may run wider: a short headline set flush with
a picture's edge runs over the picture's width.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from broadsheet.extract.blocks import Block, Role, TypeScale, boxed_apart
from broadsheet.extract.decorations import ALIGNED, caption_over_its_picture
from broadsheet.extract.jumps import announces
from broadsheet.extract.names import is_name
from broadsheet.extract.running_text import next_column_over, past_its_caption, type_top
from broadsheet.extract.side_stories import column_of
from broadsheet.geometry import Box, covered_share, union, x_overlap

if TYPE_CHECKING:  # roles runs this stage with its page layout
    from broadsheet.extract.roles import PageLayout

# A picture this many line pitches or less under a headline, covered over this share of the
# headline's width, is the picture the headline is set over.
PICTURE_UNDER_HEAD = 1.5
HEAD_OVER_PICTURE = 0.8
# A picture running on past a headline's end is its story's when the headline stands over this share
# of its width or more.
HEAD_OVER_PART = 0.5
# ...or this share, when nothing stands over the rest of it (white beside the headline).
HEAD_OVER_SOME = 0.25
# A byline beside a headline's start starts within this many line pitches under the headline's
# foot (and within a column's width of its start edge).
BYLINE_BESIDE_DROP = 2.0
# ...and is no other headline's: none stands over it, or over the short blocks of at most this many
# lines stacked over it (that headline's deck).
STACK_LINES = 4


def widen_over_picture(head: Block, blocks: list[Block], images: list[Box], scale: TypeScale) -> None:
    """A short headline (with its deck and byline) set flush with the start of a wider picture right
    under it (its left edge, or its right in right-to-left type) claims the picture's width: the
    story runs in the columns under the picture, not only under its words. So does a headline whose
    end stands over a picture that starts under it and runs on past it, no other headline over that
    part, or beside it, from the next column over from the story's first column: the story's
    picture, and its columns under it. A title centred over a picture claims it only when running
    text stands right under the picture's caption, across the picture (a feature's headline over
    its photo and columns; not a name plate over the page's banner)."""
    reach = head.reach or head.box
    rtl = head.lines[0].rtl
    start = 2 if rtl else 0
    foot = foot_of_stack(reach, blocks, scale)
    beside_text = head.lines[0].run_in_part != "head"  # a brief's run-in head has its text beside it

    def blank(img: Box) -> bool:
        return _blank_over_past(head, reach, img, blocks)

    under = [
        img
        for img in images
        if -scale.overlap < img[1] - foot < PICTURE_UNDER_HEAD * scale.pitch
        and (
            (
                covered_share(reach, img) > HEAD_OVER_PICTURE
                and img[2] - img[0] > reach[2] - reach[0]
                and abs(img[start] - reach[start]) < ALIGNED * scale.body
            )
            or (_runs_out_past(reach, img, rtl, HEAD_OVER_PART) and not _headed_past(head, reach, img, blocks))
            or (_runs_out_past(reach, img, rtl, HEAD_OVER_SOME) and blank(img))
            or (beside_text and _beside_its_first_column(reach, foot, img, rtl, blocks, scale) and blank(img))
            or (beside_text and _centred_over_a_storys_picture(reach, img, blocks, scale))
        )
    ]
    if under:
        picture = min(under, key=lambda img: img[1])
        head.reach = union([reach, (picture[0], reach[1], picture[2], reach[3])])


def _runs_out_past(reach: Box, picture: Box, rtl: bool, share: float) -> bool:
    """Whether a picture starts under a headline's reach and runs on past its end, the headline over
    ``share`` of it or more."""
    if rtl:
        inside = picture[0] < reach[0] < picture[2] < reach[2]
        over = picture[2] - reach[0]
    else:
        inside = reach[0] < picture[0] < reach[2] < picture[2]
        over = reach[2] - picture[0]
    return inside and over >= share * (picture[2] - picture[0])


def _beside_its_first_column(
    reach: Box, foot: float, picture: Box, rtl: bool, blocks: list[Block], scale: TypeScale
) -> bool:
    """Whether a picture runs on past a headline's end from the next column over from its story's
    first column, its top level with that column's text under the headline's stack (which ends at
    ``foot``), or in the white between the two: a lead's photo over its other columns, its first
    one set beside it. A story's picture starts where its text does; another story's picture at its
    row's top stands level with this headline, not with the text under it (nor with a run-in head's
    own line)."""
    past_the_end = picture[0] < reach[0] if rtl else picture[2] > reach[2]
    text = [b for b in blocks if b.role is Role.BODY and b.top > foot - scale.overlap]
    return past_the_end and any(
        covered_share(b.box, reach) >= HEAD_OVER_PICTURE
        and (abs(type_top(b) - picture[1]) < scale.pitch or foot - scale.overlap < picture[1] < type_top(b))
        and next_column_over(picture, column_of(b, text), scale)  # its top line may be a short one
        for b in text
    )


def _centred_over_a_storys_picture(reach: Box, picture: Box, blocks: list[Block], scale: TypeScale) -> bool:
    """Whether a headline stands centred over a wider picture, within its width, and running text
    starts right under the picture's caption across the picture's columns (no headline of its own
    between): a feature's title over its photo and its columns, not a name plate over a banner."""
    centre, middle = (reach[0] + reach[2]) / 2, (picture[0] + picture[2]) / 2
    if (
        abs(centre - middle) > ALIGNED * scale.body
        or covered_share(reach, picture) < 1
        or picture[2] - picture[0] < reach[2] - reach[0]
    ):
        return False
    foot = past_its_caption(picture, blocks, scale)
    under = [
        b
        for b in blocks
        if b.role in (Role.BODY, Role.HEADLINE)
        and covered_share(b.box, picture) > HEAD_OVER_PICTURE
        and -scale.overlap < b.top - foot < PICTURE_UNDER_HEAD * scale.pitch
    ]
    return bool(under) and all(b.role is Role.BODY for b in under)


def _headed_past(head: Block, reach: Box, picture: Box, blocks: list[Block]) -> bool:
    """Whether another headline, no higher than this one, stands over the part of a picture past
    this headline's reach: that part is under that headline's story."""
    return any(b.role is Role.HEADLINE and b is not head for b in _over_past(head, reach, picture, blocks))


def _blank_over_past(head: Block, reach: Box, picture: Box, blocks: list[Block]) -> bool:
    """Whether nothing at all stands over the part of a picture past this headline's reach, from the
    headline's top down: white beside the headline, over its story's picture."""
    return not any(b.lines and b is not head for b in _over_past(head, reach, picture, blocks))


def _over_past(head: Block, reach: Box, picture: Box, blocks: list[Block]) -> list[Block]:
    """The blocks level with the headline's stack, from the headline's top down (not from what its
    reach took in above it), over the part of a picture past its reach."""
    past = (
        (picture[0], picture[1], reach[0], picture[3])
        if head.lines[0].rtl
        else (reach[2], picture[1], picture[2], picture[3])
    )
    return [b for b in blocks if b.bottom > head.top and b.top < picture[1] and x_overlap(b.box, past) > 0]


def widen_to_byline_beside(head: Block, blocks: list[Block], layout: PageLayout, scale: TypeScale) -> None:
    """A headline set over the middle or last columns of its story (or centred over them all)
    leaves its byline in the first column, beside its start, under nothing: a byline there (or a
    name, in a script without capitals, or a jump line from another page), at the headline's foot,
    over running text (or, for a jump line or a name taken for a caption, a picture), its column
    less than a column's width from the headline, with no other headline over it, is this story's,
    and the story runs from its column on. Not a name boxed with other text away from the headline:
    the box's (:func:`~broadsheet.extract.blocks.boxed_apart`); nor a head across a column rule from
    the headline, in a column of briefs ruled off beside the lead."""
    reach = head.reach or head.box
    rtl = head.lines[0].rtl
    for block in blocks:
        if not _byline_beside(block, head, reach, scale) or boxed_apart(block, head, layout.frames, blocks):
            continue
        if _ruled_off(block, reach, layout.vrules):
            continue
        under = _text_under(block, blocks, scale)
        if under is None and (block.role is Role.JUMP or caption_over_its_picture(block)):
            under = _picture_under(block, layout.images, scale)
        if under is None:
            continue
        gap = under[0] - reach[2] if rtl else reach[0] - under[2]
        if not -(under[2] - under[0]) < gap < under[2] - under[0]:
            continue
        top = _top_of_stack_over(block, blocks, scale)
        if any(_heads_over(other, block, top, scale) for other in blocks if other is not head):
            continue
        if block.role is not Role.JUMP:
            block.set_role(Role.BYLINE, "byline: beside the start of a headline set over later columns")
            block.pictured = None  # a name taken for the caption of the story's photo under it
        head.reach = union([reach, block.box])
        return


def _ruled_off(block: Block, reach: Box, vrules: list[Box]) -> bool:
    """Whether a column rule stands between a block and a headline's reach, down the block's side."""
    left, right = (block.box, reach) if block.box[0] < reach[0] else (reach, block.box)
    return any(
        left[2] <= (rule[0] + rule[2]) / 2 <= right[0] and rule[1] < block.bottom and rule[3] > block.top
        for rule in vrules
    )


def _byline_beside(block: Block, head: Block, reach: Box, scale: TypeScale) -> bool:
    """A byline (or a name, in a smaller size than the headline, or a jump line from another page)
    at the headline's foot, mostly outside its width or starting well ahead of it (under a headline
    centred over its story's columns, the byline keeps to the first one's edge).

    Where the block stands is asked first (the tests are pure, so their order is only speed's): it is
    asked of every block against every headline, and most stand nowhere near the headline's foot."""
    drop = BYLINE_BESIDE_DROP * scale.pitch
    portrait = block.pictured if block.role is Role.BYLINE else None  # a columnist's name under a portrait
    if portrait is None and not -scale.overlap < block.top - reach[3] < drop:
        return False
    named = block.role in (Role.BODY, Role.HEADLINE) or caption_over_its_picture(block)
    name = named and block.size < head.size and is_name(block, scale)
    if block.role is not Role.BYLINE and not name and not _jump_from(block):
        return False
    ahead = reach[0] - block.box[0] if not head.lines[0].rtl else block.box[2] - reach[2]
    if x_overlap(block.box, reach) >= 0.5 and ahead < ALIGNED * scale.body:
        return False
    # a columnist's portrait beside the head
    return portrait is None or (portrait[1] < reach[3] + drop and portrait[3] > reach[1])


def _jump_from(block: Block) -> bool:
    """A jump line saying where the story comes from ("Continued from page 2")."""
    return block.role is Role.JUMP and announces(block.text, "from")


def _text_under(block: Block, blocks: list[Block], scale: TypeScale) -> Box | None:
    """The box of the running text starting right under a block, across it, with no headline between
    them (a kicker stands over its own headline, and that over its text)."""
    nearest = min(
        (
            b
            for b in blocks
            if b.role in (Role.BODY, Role.HEADLINE)
            and x_overlap(b.box, block.box) > 0.5
            and -scale.overlap < b.top - block.bottom < 3 * scale.pitch
        ),
        key=lambda b: b.top,
        default=None,
    )
    return nearest.box if nearest is not None and nearest.role is Role.BODY else None


def _picture_under(block: Block, images: list[Box], scale: TypeScale) -> Box | None:
    """The picture starting right under a block, across it."""
    return next(
        (
            img
            for img in images
            if x_overlap(img, block.box) > 0.5 and -scale.overlap < img[1] - block.bottom < 3 * scale.pitch
        ),
        None,
    )


def _top_of_stack_over(block: Block, blocks: list[Block], scale: TypeScale) -> float:
    """The top of the short blocks stacked right over ``block`` (within a line pitch of each other,
    across it, not headlines): a byline's stack under its headline, with the deck between them."""
    top = block.top
    while True:
        over = [
            b
            for b in blocks
            if b.lines
            and b.role is not Role.HEADLINE
            and len(b.lines) <= STACK_LINES
            and b.top < top
            and x_overlap(b.box, block.box) > 0.5
            and -scale.overlap < top - b.bottom < scale.pitch
        ]
        if not over:
            return top
        top = min(b.top for b in over)


def _heads_over(other: Block, block: Block, top: float, scale: TypeScale) -> bool:
    """Whether a headline stands right over a block (whose stack starts at ``top``), across it: the
    block is that headline's."""
    return (
        other.role is Role.HEADLINE
        and x_overlap(other.box, block.box) > 0.5
        and -scale.overlap < top - other.bottom < 3 * scale.pitch
    )


# What may stand under a headline, over its picture: its deck, byline, and a jump line ("Continued
# from page 2").
_STACKED = {Role.SUBHEADLINE, Role.BYLINE, Role.JUMP}


def foot_of_stack(reach: Box, blocks: list[Block], scale: TypeScale) -> float:
    """Where the headline's stack ends: under its deck, byline or jump line, as they stand right
    under it, one under the other."""
    foot = reach[3]
    stacked = [b for b in blocks if b.role in _STACKED and x_overlap(b.box, reach) > 0.5]
    for block in sorted(stacked, key=lambda b: b.top):
        if -scale.overlap < block.top - foot < scale.pitch:
            foot = block.bottom
    return foot
