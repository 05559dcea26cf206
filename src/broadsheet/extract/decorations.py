"""Stage 5, part: what stands around a headline — its kicker above, its deck and byline below.

A block right over a headline in smaller type is its kicker, unless it ends a story above (a
letter's signature); right under it, a standfirst across the columns is its deck and a person's
name its byline.
"""

from __future__ import annotations

from collections import Counter

from broadsheet.extract.blocks import KICKER_OVERLAP, Block, Role, TypeScale, leaded_apart
from broadsheet.extract.briefs import BRIEF_HEAD_RULE, next_brief_head
from broadsheet.extract.corner_labels import labels_a_centred_head
from broadsheet.extract.names import (
    a_dateline,
    is_name,
    right_under,
    runs_on_under_text,
    uncased_name_in_its_own_face,
    under_a_signature,
)
from broadsheet.extract.side_heads import atop_the_row_beside
from broadsheet.geometry import Box, centre_x, inside, union, x_overlap

# A kicker leaded apart from its headline is set in this share of the headline's size or more.
LEADED_KICKER_SIZE = 0.9
# A one-line heading over a headline at most this share of its size is a label (its kicker, right
# over it), not another story's head.
LABEL_SHARE = 0.5
# A standfirst differs from the text under it by this share of its size (or is italic or bold).
STANDFIRST_SIZE = 0.08
# ...and its text starts within this many line pitches under it, in a block of this many lines or
# more (a column may open with a paragraph's last two lines).
STANDFIRST_GAP = 5.0
STANDFIRST_TEXT_LINES = 2
# A standfirst runs to STANDFIRST_LINES lines (STANDFIRST_CHARS characters), or to LONG_STANDFIRST_LINES
# (LONG_STANDFIRST_CHARS) set this many times the size of the text under it: a long sentence in big
# italic over a story two columns wide.
STANDFIRST_LINES, STANDFIRST_CHARS = 4, 320
LONG_STANDFIRST_LINES, LONG_STANDFIRST_CHARS = 8, 480
LONG_STANDFIRST_SIZE = 1.2
# Lines this bold (or this italic: share of glyphs) right over a byline under a headline are its deck.
DECK_BOLD = 0.8
DECK_ITALIC = 0.9
# A line with a headline this many line pitches or less under it is no byline.
HEAD_UNDER = 2.0
# A deck's box may reach this share of its headline's size up into the headline's: a head in
# Nastaliq set close over its deck hangs its descenders up to a ninth of its size into the deck's line,
# and a big Latin head's box as much.
DECK_OVERLAP = 0.15
# What a byline under a headline was told by.
BYLINE_RULE = "byline: a person's name under the headline"
# Set by the run-in stage (:mod:`broadsheet.extract.runin`): a brief's head on a line of its own, in a
# column of briefs with run-in heads, is no byline of the column's title however name-like its words.
FIRST_BRIEF_RULE = "headline: a brief's head on a line of its own, in a series down to briefs with run-in heads"
BYLINE_OVER_PICTURE_RULE = "byline: a person's name under the headline, over the story's picture"
# Edges (or centres) this many body sizes apart are aligned, or this share of the headline's size: its
# ink may overhang its column's edge (the first strokes of a head in Nastaliq, by 0.4 of its size).
ALIGNED = 1.5
ALIGNED_HEAD = 0.5
# A line in the running text's own type over a headline is its kicker only alone and centred on it:
# centres this many body sizes apart or less, the line at most this share of the headline's width,
# no text within this many line pitches over it.
CENTRED_KICKER = 0.5
KICKER_SHARE = 0.8
KICKER_ALONE = 1.5
# A byline starts within this many line pitches under its headline's stack.
BYLINE_DROP = 3.0


def _is_standfirst(block: Block, blocks: list[Block], scale: TypeScale, pictures: list[Box]) -> bool:
    """A standfirst under the headline: a few lines across the columns of the body under it, set
    apart from that body in italic, bold, another face or another size (a first paragraph in the
    column's own width is the story's lede, body). The body may start under the story's byline and
    its photo with the photo's caption (a lead's photo across its columns, between its standfirst
    and its text)."""
    if len(block.lines) > LONG_STANDFIRST_LINES or block.chars > LONG_STANDFIRST_CHARS:
        return False
    foot = _past_byline_and_picture(block, blocks, scale, pictures)
    below = [
        other
        for other in blocks
        if other.role is Role.BODY
        and len(other.lines) >= STANDFIRST_TEXT_LINES
        and other.width < 0.7 * block.width
        and x_overlap(other.box, block.box) > 0.5
        and -scale.overlap < other.top - foot < STANDFIRST_GAP * scale.pitch  # past a byline
    ]
    if not below:
        return False
    text = max(below, key=lambda b: b.chars)
    long = len(block.lines) > STANDFIRST_LINES or block.chars > STANDFIRST_CHARS
    if long and block.size < LONG_STANDFIRST_SIZE * text.size:
        return False
    italic = block.italic >= 0.8 and block.bold < 0.5 and text.italic < 0.5
    bold = block.bold >= 0.8 and text.bold < 0.5
    # a wide face over condensed text, no smaller (an address in the box's face is no standfirst)
    face = _face(block) != _face(text) and block.size >= text.size
    return italic or bold or face or abs(block.size - text.size) > STANDFIRST_SIZE * text.size


def _face(block: Block) -> str:
    """The font most of a block's lines are set in."""
    return Counter(line.style.name for line in block.lines).most_common(1)[0][0]


def _past_byline_and_picture(block: Block, blocks: list[Block], scale: TypeScale, pictures: list[Box]) -> float:
    """Where the story's text may start under ``block``: its foot, or, when a picture at least as wide
    as half the block starts within STANDFIRST_GAP line pitches under it (past a byline, which may
    have been taken for a caption over the picture, or a name not yet told a byline, set like a small
    head), the foot of that picture and of its caption."""
    gap = STANDFIRST_GAP * scale.pitch
    under = [
        img
        for img in pictures
        if -scale.overlap < img[1] - block.bottom < gap
        and x_overlap(img, block.box) > 0.5
        and img[2] - img[0] >= 0.5 * block.width
    ]
    if not under:
        return block.bottom
    picture = min(under, key=lambda img: img[1])
    between = [
        b
        for b in blocks
        if b is not block
        and b.lines
        and block.bottom - scale.overlap < b.top
        and b.bottom < picture[1] + scale.overlap
        and x_overlap(b.box, picture) > 0
    ]
    if any(b.role is not Role.BYLINE and not caption_over_its_picture(b) and not is_name(b, scale) for b in between):
        return block.bottom  # text between the two: the picture is not the story's, right under its stack
    captions = [b.bottom for b in blocks if b.role is Role.CAPTION and b.pictured == picture]
    return max([picture[3], *captions])


def aligned(label: Box, head: Box, scale: TypeScale, head_size: float = 0.0, rtl: bool = False) -> bool:
    """A kicker starts where its headline (set ``head_size``; ``rtl``: starting on the right) starts,
    ends where it ends, or is centred over it (a date line centred on the page over a headline set
    off-centre is not its kicker). Only at the start edge may the head's ink overhang (ALIGNED_HEAD):
    a page's date line ends near a lead headline's end edge."""
    near = ALIGNED * scale.body
    start = max(near, ALIGNED_HEAD * head_size)
    centre = abs((label[0] + label[2]) / 2 - (head[0] + head[2]) / 2)
    left, right = abs(label[0] - head[0]), abs(label[2] - head[2])
    return left < (near if rtl else start) or right < (start if rtl else near) or centre < near


def _centred_alone(label: Block, head: Block, blocks: list[Block], scale: TypeScale) -> bool:
    """Whether a line in the running text's type stands alone, centred over the headline (and
    narrower): a kicker set in plain type, not the last line of a column above the headline."""
    if len(label.lines) != 1 or label.width > KICKER_SHARE * head.width:
        return False
    if abs(centre_x(label.box) - centre_x(head.box)) > CENTRED_KICKER * scale.body:
        return False
    return not any(
        b is not label
        and b.lines
        and x_overlap(b.box, label.box) > 0.5
        and -scale.overlap < label.top - b.bottom < KICKER_ALONE * scale.pitch
        for b in blocks
    )


def _kicker_of_another_head(block: Block, head: Block, others: list[Block], scale: TypeScale) -> bool:
    """Whether a line under ``head`` stands right over another headline (of ``others``), as its kicker
    would: one bigger than ``head`` (a label in capitals between a section's name in the header and
    the lead story's headline is the headline's kicker, not a byline or deck of the name), or one the
    line stands closer to than to ``head`` (a side head's kicker a little under the paper's name)."""
    gap_below = block.top - head.bottom
    return any(
        block.size < other.size * 0.95
        and x_overlap(other.box, block.box) >= 0.5
        and -KICKER_OVERLAP * other.size < other.top - block.bottom < max(1.2 * other.size, 2 * scale.body)
        and (other.size > head.size or other.top - block.bottom < gap_below)
        for other in others
        if other is not block
    )


def _over_a_head(block: Block, blocks: list[Block], scale: TypeScale) -> bool:
    """Whether a headline at least as big stands right under a line: a byline leads to its story's
    text, and a line of capitalised words over the next head ("NEWS IN BRIEF") labels that head's
    column (a smaller run-in head under an old paper's "PUBLISHED EVERY SATURDAY" does not)."""
    return any(
        b.role is Role.HEADLINE
        and b is not block
        and b.size >= block.size
        and x_overlap(b.box, block.box) >= 0.5
        and -scale.overlap < b.top - block.bottom < HEAD_UNDER * scale.pitch
        for b in blocks
    )


def _may_decorate(block: Block, head: Block, reach: Box) -> bool:
    """What :func:`mark_decorations` asks of a block before whether it is a name (the costly test, for
    every block of the page against every headline): running text, or a smaller headline, in the
    headline's column or the column of the stack it heads so far (``reach``: with its kicker and deck,
    and over it its byline); or a caption over its picture, which may be a byline. A brief's run-in
    head heads its paragraph, whatever its words (two of them are a name's length in a script
    without capitals)."""
    if block.lines[0].run_in_part == "head" or block.role_rule == FIRST_BRIEF_RULE:
        return False
    smaller_head = block.role is Role.HEADLINE and block.size < head.size
    if block.role is not Role.BODY and not smaller_head and not caption_over_its_picture(block):
        return False
    return x_overlap(head.box, block.box) >= 0.5 or x_overlap(reach, block.box) >= 0.5


def mark_decorations(
    head: Block, blocks: list[Block], scale: TypeScale, pictures: list[Box], frames: list[Box] | None = None
) -> None:
    """Kicker just above a headline; deck and byline just below it (``pictures``: the page's images;
    ``frames``: its boxes, in whose corner a kicker may stand over a head centred in the box)."""
    others = [b for b in blocks if b.role is Role.HEADLINE and b is not head]
    # where a side head's standfirst may stand: atop its row, as found before a kicker widens its reach
    atop_its_row = {
        id(b) for b in blocks if b.role in (Role.BODY, Role.HEADLINE) and atop_the_row_beside(b, head, scale)
    }
    # down the stack (a byline's place is under the deck), then what stands over the headline: a
    # kicker lines up with the stack's edge, as wide as its deck runs (or its byline, flush left in a box)
    byline: list[Box] | None = None  # found once the walk down the stack is done
    # the stack's reach, and the head's reach and byline it was made of
    reach: Box = head.box
    reach_of: tuple[Box | None, list[Box] | None] = (None, None)
    for block in sorted(blocks, key=lambda b: (b.top < head.top, b.top)):
        if block.bottom <= head.top and byline is None:
            byline = _byline_out_past(head, blocks, scale)
        if reach_of[0] is not head.reach or reach_of[1] is not byline:  # made anew only when either changes
            reach, reach_of = union([head.reach or head.box, *(byline or [])]), (head.reach, byline)
        if block is head:
            continue
        if not _may_decorate(block, head, reach):
            if _labels_from_the_corner(block, head, blocks, scale, frames or []):
                _kick_from_the_corner(block, head)
            continue
        if id(block) in atop_its_row and _is_standfirst(block, blocks, scale, pictures):
            block.set_role(Role.SUBHEADLINE, "deck: a standfirst atop the row beside its side head")
            continue
        name = is_name(block, scale, head) or uncased_name_in_its_own_face(block, blocks, scale)
        # where a byline goes, the place written from; not a brief's head under its section's name
        dateline = a_dateline(block, blocks, scale, caption_over_its_picture(block))
        name = name or (dateline and not _heads_the_first_brief(block, head, blocks, scale))
        # a name in bold a little over the body's size is a small head by its size alone; a name over a
        # picture, taken for its caption, may be the byline between the stack and the story's photo
        over_its_picture = name and caption_over_its_picture(block)
        small_head = name and block.role is Role.HEADLINE and block.size < head.size
        leaded = _leaded_over(block, head)  # a kicker in the head's face, a bold head by its size alone
        label = _label_over(block, head, frames or [])  # a bold label a fraction of a huge head's size
        if block.role is not Role.BODY and not small_head and not over_its_picture and not leaded and not label:
            continue
        # under the headline or, for a name, under the deck found so far (a byline set flush left
        # under a standfirst wider than its centred headline); over it, a kicker over the stack
        stacked = name or block.bottom <= head.top
        if x_overlap(head.box, block.box) < 0.5 and not (stacked and x_overlap(reach, block.box) >= 0.5):
            continue
        gap_below = block.top - head.bottom
        stack = (head.reach or head.box)[3]  # the foot of the headline with its deck so far
        near = block.top - stack < 3 * scale.pitch or gap_below < 1.5 * scale.pitch  # a byline's or a deck's place
        # what stands right over another headline is that one's kicker, not this one's byline or deck
        under = gap_below > -deck_overlap(head, scale) and near
        under = under and not _kicker_of_another_head(block, head, others, scale)
        if (
            under
            and -scale.overlap < block.top - stack < 3 * scale.pitch
            and name
            and not _bands_apart(block, head, frames or [])  # a column's title under a section's
            and not _over_a_head(block, blocks, scale)
            and not _heads_the_first_brief(block, head, blocks, scale)  # two words, in a script without capitals
        ):
            block.set_role(Role.BYLINE, BYLINE_OVER_PICTURE_RULE if over_its_picture else BYLINE_RULE)
            continue
        if over_its_picture:
            continue  # a caption after all
        if under and gap_below < 1.5 * scale.pitch and _is_standfirst(block, blocks, scale, pictures):
            block.set_role(Role.SUBHEADLINE, "deck: a standfirst in its own style across the columns under it")
            head.reach = union([head.reach or head.box, block.box])
            continue
        if under and gap_below < 1.5 * scale.pitch and _set_off_over_its_byline(block, head, blocks, scale):
            block.set_role(Role.SUBHEADLINE, "deck: bold or italic lines between a headline and its byline")
            head.reach = union([head.reach or head.box, block.box])
            continue
        if under and gap_below < 1.5 * scale.pitch and _bold_over_a_drop_cap(block, blocks, scale):
            block.set_role(Role.SUBHEADLINE, "deck: bold lines between a headline and its text's drop cap")
            head.reach = union([head.reach or head.box, block.box])
            continue
        if block.chars > 120 or len(block.lines) > 3:
            continue
        gap_above = head.top - block.bottom
        plain_body = abs(scale.ratio(block.size) - 1) < 0.08 and block.bold < 0.5 and not block.text.isupper()
        kicker_gap = -KICKER_OVERLAP * head.size < gap_above < max(1.2 * head.size, 2 * scale.body)
        # a signature's name ("Ravi Mathur,") and the place under it end a story; they head none
        signed = block.text.rstrip().endswith(",") or under_a_signature(block, blocks, scale)
        signed = signed or runs_on_under_text(block, blocks, scale)  # a column's last line: no kicker
        small = block.size < head.size * 0.95 or leaded
        if (
            kicker_gap
            and small
            and (not plain_body or _centred_alone(block, head, blocks, scale))
            and not signed
            and aligned(block.box, reach, scale, head.size, head.lines[0].rtl)
        ):
            block.set_role(Role.KICKER, "kicker: smaller type just above a headline")
            head.reach = union([head.reach or head.box, block.box])
            continue
        if kicker_gap and _labels_from_the_corner(block, head, blocks, scale, frames or []):
            _kick_from_the_corner(block, head)  # over the head's start, but out past it
            continue
        set_off = 1.12 <= scale.ratio(block.size) < 1.4 or (block.bold > 0.8 and len(block.lines) <= 2)
        if under and set_off and _heads_the_first_brief(block, head, blocks, scale):
            # the headline over it a section's name, which may stand further apart than a deck would
            block.set_role(Role.HEADLINE, BRIEF_HEAD_RULE)
            continue
        if under and gap_below < 1.5 * scale.pitch and set_off:
            block.set_role(Role.SUBHEADLINE, "deck: bigger or bold type just under a headline")
            head.reach = union([head.reach or head.box, block.box])


def _labels_from_the_corner(
    block: Block, head: Block, blocks: list[Block], scale: TypeScale, frames: list[Box]
) -> bool:
    """Whether a line of running text's type, right over a headline but beside it, labels it from the
    start edge of the box or the columns it is centred in (a section's name flush left over a head
    centred over the story's middle columns): its kicker."""
    return (
        block.role is Role.BODY
        and block.bottom <= head.top + scale.overlap
        and labels_a_centred_head(block, head, frames, blocks, scale)
    )


def _kick_from_the_corner(block: Block, head: Block) -> None:
    """Make a label in the corner over a centred head its kicker, the head claiming its width."""
    block.set_role(Role.KICKER, "kicker: a label at the start of the box or columns a head is centred in")
    head.reach = union([head.reach or head.box, block.box])


def _byline_out_past(head: Block, blocks: list[Block], scale: TypeScale) -> list[Box]:
    """The byline right under the headline's stack, when it stands out past the stack's start (flush
    left under a centred headline in a box, or flush right in right-to-left type): the stack's edge a
    kicker lines up with."""
    reach = head.reach or head.box

    def out_past(b: Box) -> bool:
        if head.lines[0].rtl:
            return b[0] - scale.body < reach[2] < b[2]
        return b[0] < reach[0] < b[2] + scale.body

    bylines = [
        b.box
        for b in blocks
        if b.role is Role.BYLINE and -scale.overlap < b.top - reach[3] < BYLINE_DROP * scale.pitch and out_past(b.box)
    ]
    return sorted(bylines, key=lambda b: b[1])[:1]


def _heads_the_first_brief(block: Block, head: Block, blocks: list[Block], scale: TypeScale) -> bool:
    """Whether a block right under a one-line head is the first brief's head in a column of briefs
    (:func:`next_brief_head`), the head over it a section's name."""
    return len(head.lines) == 1 and next_brief_head(block, blocks, scale) is not None


def _set_off_over_its_byline(block: Block, head: Block, blocks: list[Block], scale: TypeScale) -> bool:
    """Whether a few lines in bold (or all in italics) stand right over a byline (or a name, which the
    stack's walk down makes the byline next): between a headline and its byline they are its deck,
    however small."""
    if (block.bold < DECK_BOLD and block.italic < DECK_ITALIC) or len(block.lines) > STANDFIRST_LINES:
        return False
    return right_under(block, blocks, scale, lambda b: b.role is Role.BYLINE or is_name(b, scale, head))


def _bold_over_a_drop_cap(block: Block, blocks: list[Block], scale: TypeScale) -> bool:
    """Whether a few lines in bold stand over running text that opens with a drop cap, within
    STANDFIRST_GAP line pitches: the story's text starts at its initial, so the bold lines over it,
    under the headline, are its deck, not its first paragraph."""
    if block.bold < DECK_BOLD or len(block.lines) > STANDFIRST_LINES:
        return False
    return any(
        b.role is Role.BODY
        and b.lines[0].initial
        and b.bold < DECK_BOLD
        and x_overlap(b.box, block.box) > 0.5
        and -scale.overlap < b.top - block.bottom < STANDFIRST_GAP * scale.pitch
        for b in blocks
        if b is not block and b.lines
    )


def _label_over(block: Block, head: Block, frames: list[Box]) -> bool:
    """Whether a one-line headline stands over ``head`` set LABEL_SHARE of its size or smaller: a
    label over a big headline (its kicker, if it stands right over it), not a story's head. A line
    on a band of its own is left to :mod:`~broadsheet.extract.storyless_frames` (a section's name)."""
    return (
        block.role is Role.HEADLINE
        and len(block.lines) == 1
        and block.bottom <= head.top
        and block.size <= LABEL_SHARE * head.size
        and not _on_a_band_of_its_own(block, head, frames)
    )


def _on_a_band_of_its_own(block: Block, head: Block, frames: list[Box]) -> bool:
    """Whether ``block`` stands in a box drawn on the page (a band) that does not hold ``head``."""
    return any(inside(block.box, f) and not inside(head.box, f) for f in frames)


def _bands_apart(block: Block, head: Block, frames: list[Box]) -> bool:
    """Whether ``block`` and ``head`` stand on two bands, each on its own: a column's title under a
    section's name, no byline of it (a writer's name boxed under a headline on the page is one)."""
    return _on_a_band_of_its_own(block, head, frames) and _on_a_band_of_its_own(head, block, frames)


def _leaded_over(block: Block, head: Block) -> bool:
    """Whether a line in about the headline's own size (LEADED_KICKER_SIZE of it, no bigger) stands
    over it leaded apart from its evenly leaded lines: a kicker told from the head by white alone (a
    paper's title over a lead's bigger head is no kicker)."""
    return (
        len(block.lines) == 1
        and len(head.lines) >= 2
        and LEADED_KICKER_SIZE * head.size <= block.size <= head.size
        and block.bottom <= head.lines[0].bottom
        and leaded_apart(block.lines[0], head.lines[0], head.lines[1])
    )


def deck_overlap(head: Block, scale: TypeScale) -> float:
    """How far a deck's box may reach up into its headline's (:data:`DECK_OVERLAP`), and no less than
    any two boxes stacked (``scale.overlap``)."""
    return max(scale.overlap, DECK_OVERLAP * head.size)


def caption_over_its_picture(block: Block) -> bool:
    """Whether ``block`` was taken for the caption of a picture right under it (a caption mostly runs
    under its picture; a byline set between a story's deck and its photo stands over it)."""
    return block.role is Role.CAPTION and block.pictured is not None and block.bottom <= block.pictured[1]
