"""Stage 5: what each block is — headline, kicker, deck, byline, body, caption, furniture.

Judged from the block's size relative to the page's body text, its weight, its position next to
headlines and images, and a few text patterns (bylines, jumps). Geometry first; text patterns only
confirm what the geometry suggests. Its parts: run-in headings (``runin``), short bold heads and
crossheads (``crossheads``), both asking where a block stands against a story's running text
(``running_text``); what stands around a headline (``decorations``), a byline or a letter's
signature among it (``names``); section titles (``sections``).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from broadsheet.extract.blocks import Block, Role, TypeScale, size_role
from broadsheet.extract.crossheads import mark_bold_heads, unmark_big_crossheads
from broadsheet.extract.decorations import mark_decorations
from broadsheet.extract.jumps import find_jump
from broadsheet.extract.line import Line
from broadsheet.extract.names import (
    BYLINE,
    BYLINE_CHARS,
    by_a_writer,
    is_byline,
    opens_a_paragraph_with_by,
)
from broadsheet.extract.noise import unmark_unreadable_heads
from broadsheet.extract.picture_kickers import mark_kickers_under_pictures
from broadsheet.extract.portraits import PORTRAIT_NAME_WORDS, mark_portrait_names
from broadsheet.extract.profile import Profile, apply_profile
from broadsheet.extract.pull_quotes import mark_pull_quotes
from broadsheet.extract.reach import widen_over_picture, widen_to_byline_beside
from broadsheet.extract.runin import mark_run_in_heads
from broadsheet.extract.running_text import WITHIN_COLUMN, next_column_over
from broadsheet.extract.sections import mark_section_titles, same_style
from broadsheet.extract.sentences import starts_lower
from broadsheet.extract.side_heads import atop_the_row_beside, mark_side_heads
from broadsheet.extract.side_labels import mark_side_labels
from broadsheet.extract.stacks import mark_sentence_decks, mark_small_decks, stack_headlines
from broadsheet.geometry import Box, centre_x, centred_in, covered_share, union, x_overlap


@dataclass(slots=True)
class PageLayout:
    """The non-text geometry roles depend on."""

    width: float
    height: float
    images: list[Box] = field(default_factory=list)
    frames: list[Box] = field(default_factory=list)
    hrules: list[Box] = field(default_factory=list)
    scanned: bool = False  # read by OCR off a scan
    profile: Profile | None = None  # what the publication's type styles and places mean
    page_size: tuple[float, float] = (0.0, 0.0)  # of the whole PDF page (a spread's half is narrower)
    vrules: list[Box] = field(default_factory=list)  # column rules drawn down the page


# A line or two this many times the size of the running text right under it (within this many
# of its sizes) is its headline.
LOCAL_HEAD_SIZE = 1.2
LOCAL_HEAD_GAP = 2.0
# A caption is at most this many times as wide as its picture (plus a little).
CAPTION_WIDTH = 1.5
# A caption starts within this many body sizes under its picture; one set apart in style (italics, bold,
# smaller type), its middle under the picture, within SET_OFF_CAPTION_GAP (a word processor's
# paragraph spacing after an inline picture).
CAPTION_GAP = 1.5
SET_OFF_CAPTION_GAP = 2.0
# Pictures of a row stand at most this many body sizes apart.
ROW_GUTTER = 3.0
# A caption's line centred under it, in its style, at most this share of a line pitch lower, is its
# next line (a centred caption's lines of unequal length come as blocks of their own).
CAPTION_LINE_GAP = 0.5
# Under a caption that is a person's name in bold (at most this many lines, and PORTRAIT_NAME_WORDS words), their
# description ("Independent scholar based in Ranchi") set smaller than the running text, starting
# within this many line pitches, in at most DESCRIPTION_CHARS characters (a writer's whole career in
# a rail as narrow as the portrait runs to fifteen lines), on the name's left edge, is the caption's
# too: an opinion page's portrait of its writer, named and described.
NAME_CAPTION_LINES = 2
DESCRIPTION_GAP = 1.0
DESCRIPTION_SIZE = 0.95
DESCRIPTION_CHARS = 320
DESCRIPTION_RULE = "caption: the description under a pictured person's name"
# A caption is at most this many lines.
CAPTION_LINES = 8
# A head set under this share of the size of the text right under it is no head of that text...
SMALLER_THAN_TEXT = 0.95
# ...when it is set under this many body sizes (bigger is display type, a headline whatever is under it).
LEAD_IN_MOST = 1.4
# A centred line ending in one of these runs on into the text under it: a sentence, not a heading.
RUNS_ON = (",", ";")


def assign_roles(blocks: list[Block], scale: TypeScale, layout: PageLayout) -> None:
    """Set ``block.role`` for every block, in place."""
    upright = [b.box for b in blocks if not b.lines[0].sideways]
    for block in blocks:
        if block.lines[0].sideways and _outside_the_text(block.box, upright):
            block.set_role(Role.FURNITURE, "furniture: text set sideways in the page's margin")
        elif block.lines[0].sideways:
            block.set_role(Role.CAPTION, "credit: text set sideways")
        else:
            block.set_role(*size_role(block, scale))
    _unmark_smaller_than_their_text(blocks, scale, layout.images)
    if layout.profile is not None:
        apply_profile(blocks, layout.profile, scale, layout.page_size)
    mark_side_heads(blocks, layout.images, scale, layout.hrules, layout.frames)
    mark_run_in_heads(blocks, scale, layout.hrules, layout.images, layout.scanned, layout.frames)
    mark_bold_heads(blocks, scale, layout.hrules, layout.images, layout.scanned, frames=layout.frames)
    mark_portrait_names(blocks, layout.images, scale)
    if not layout.scanned:  # OCR's sizes, measured off the pixels, are too rough for this
        _mark_local_heads(blocks, scale, layout.images)
    unmark_big_crossheads(blocks, scale, layout.hrules)
    stack_headlines(blocks, scale, layout.hrules, layout.frames)
    mark_sentence_decks(blocks, scale, layout.hrules)
    mark_small_decks(blocks, scale, layout.images)
    _mark_centred_heads(blocks, scale, layout.scanned)
    mark_pull_quotes(blocks, scale, layout.hrules, layout.images)
    if layout.scanned:
        unmark_unreadable_heads(blocks)
    for block in blocks:
        if block.role is Role.HEADLINE and _signed(block, scale):
            block.set_role(Role.BYLINE, "byline: 'By' and a name, set like a small head")
    mark_side_labels(blocks, layout.frames)
    headlines = [b for b in blocks if b.role is Role.HEADLINE]
    pictures = layout.images + picture_rows(layout.images, scale)
    _split_jump_lines(blocks)
    _split_bylines(blocks)
    for block in blocks:
        if block.role is Role.HEADLINE or (block.role is Role.BYLINE and block.pictured is not None):
            continue  # a columnist's name under a portrait is already known
        if find_jump(block.text) and len(block.lines) <= 2:
            block.set_role(Role.JUMP, "jump: a short line naming another page")
        elif is_byline(block, scale) and not opens_a_paragraph_with_by(block, blocks, scale):
            block.set_role(Role.BYLINE, "byline: 'By …' in a short block")
        elif block.role is not Role.SUBHEADLINE and (pictured := _captioned_image(block, scale, pictures)) is not None:
            block.set_role(Role.CAPTION, "caption: right under or over an image")
            block.pictured = pictured
    _mark_caption_lines(blocks, scale)
    mark_kickers_under_pictures(blocks, scale)
    for head in headlines:
        widen_to_byline_beside(head, blocks, layout, scale)  # a kicker keeps to the edge it widens to
        mark_decorations(head, blocks, scale, layout.images, layout.frames)
        widen_over_picture(head, blocks, layout.images, scale)
    mark_section_titles(blocks, scale, layout.hrules)


def _unmark_smaller_than_their_text(blocks: list[Block], scale: TypeScale, images: list[Box]) -> None:
    """A short bold block a little over the page's body size, set smaller than the running text
    right under it, is that text's lead-in (its first words in bold), not its headline: a head is
    never smaller than the text it heads."""
    for block in blocks:
        if block.role is not Role.HEADLINE or not block.bold or scale.ratio(block.size) >= LEAD_IN_MOST:
            continue
        under = [
            b
            for b in blocks
            if b.role is Role.BODY
            and len(b.lines) >= 3
            and x_overlap(b.box, block.box) > 0.5
            and -scale.overlap < b.top - block.bottom < 2 * scale.pitch
        ]
        text = min(under, key=lambda b: b.top, default=None)
        if (
            text is not None
            and block.size < SMALLER_THAN_TEXT * text.size
            and not _over_smaller_text(text, blocks, scale, images)
        ):
            block.set_role(Role.BODY, "body: a bold lead-in, smaller than the text under it")


def _over_smaller_text(block: Block, blocks: list[Block], scale: TypeScale, images: list[Box]) -> bool:
    """Whether running text in a smaller size starts right under ``block`` in its columns, or under a
    picture right under it: then the block is a standfirst, however it was read so far, and a small
    bold head over it heads the story (a lead-in runs into its text, which keeps its size down the
    column)."""
    pictures = [
        img
        for img in images
        if x_overlap(img, block.box) > 0.5 and -scale.overlap < img[1] - block.bottom < 2 * scale.pitch
    ]
    edges = [block.bottom, *(img[3] for img in pictures)]
    return any(
        b.role is Role.BODY
        and b.size < SMALLER_THAN_TEXT * block.size
        and x_overlap(b.box, block.box) > 0.5
        and any(-scale.overlap < b.top - edge < 2 * scale.pitch for edge in edges)
        for b in blocks
    )


def _split_jump_lines(blocks: list[Block]) -> None:
    """A jump line set as the first or last line of a column of text ("From page 1", "Continued on
    page 8") is a block of its own: it is not text, and it says where its story goes. So is one a
    narrow column wraps over two lines ("Continued on" / "page 8"), set apart from the text in italics
    or bold (a sentence's last two lines that happen to name a page are the text's)."""
    for block in list(blocks):
        if block.role is not Role.BODY:
            continue
        for index in (0, -1):
            if len(block.lines) >= 2 and find_jump(block.lines[index].text):
                blocks.append(block.split_off(index))  # a column's last line under "From page 1" too
            elif len(block.lines) >= 4 and _wrapped_jump(block.lines, index):
                blocks.append(block.split_off(index, 2))


def _split_bylines(blocks: list[Block]) -> None:
    """A byline set as the first line of a paragraph's block ("By Margaret Osborne and George
    Fletcher" in italics over the text in roman, a size apart too little to part them) is a block of
    its own: it signs the story, it is not its text."""
    for block in list(blocks):
        if block.role is not Role.BODY or len(block.lines) < 2:
            continue
        first, second = block.lines[0], block.lines[1]
        apart = abs(first.italic - second.italic) > 0.5 or abs(first.bold - second.bold) > 0.5
        if apart and len(first.text) <= BYLINE_CHARS and BYLINE.match(first.text):
            blocks.append(block.split_off(0))


def _wrapped_jump(lines: list[Line], index: int) -> bool:
    """Whether the first (``index`` 0) or last (-1) two lines are one jump line, in another style than
    the line next to them."""
    pair, neighbour = (lines[:2], lines[2]) if index == 0 else (lines[-2:], lines[-3])
    apart = all(
        (line.italic > 0.5) != (neighbour.italic > 0.5) or (line.bold > 0.5) != (neighbour.bold > 0.5) for line in pair
    )
    return apart and find_jump(" ".join(line.text for line in pair)) is not None


def _outside_the_text(box: Box, text: list[Box]) -> bool:
    """Whether ``box`` lies wholly left or right of all the page's (upright) text: in its margin,
    where a printer's slug or a job number runs up the edge; a photo credit stands by its photo."""
    return bool(text) and (box[2] <= min(b[0] for b in text) or box[0] >= max(b[2] for b in text))


def _mark_local_heads(blocks: list[Block], scale: TypeScale, images: list[Box]) -> None:
    """A line or two set clearly bigger than the running text right under it opens that text, even
    in the page's body size: a sidebar's headline over its small type ("Featured plant" over 9 pt
    text on a page whose main story is set in 12 pt). A line ending in a colon is a label of what
    follows (a speaker's name over their words), not a head; nor is a side head's standfirst, atop
    the row beside it, nor a paragraph's last line at a column's top, starting mid-sentence in the
    type of the column beside it (its text, set big in a box of small type, runs on into this one),
    nor a picture's caption (over a writer's note in smaller type, say)."""
    texts = [b for b in blocks if b.role is Role.BODY and len(b.lines) >= 3]
    side_heads = [b for b in blocks if b.side_head]
    for block in blocks:
        if block.role is not Role.BODY or len(block.lines) > 2 or block.chars > 120:
            continue
        if block.text.rstrip().endswith(":") or any(atop_the_row_beside(block, h, scale) for h in side_heads):
            continue
        if starts_lower(block) and any(_run_on_from(t, block, scale) for t in texts):
            continue
        if _captioned_image(block, scale, images) is not None:
            continue
        below = [
            b
            for b in texts
            if b is not block
            and x_overlap(b.box, block.box) > 0.5
            and -scale.overlap < b.top - block.bottom < LOCAL_HEAD_GAP * b.size
            and block.size >= LOCAL_HEAD_SIZE * b.size
        ]
        if below:
            block.set_role(Role.HEADLINE, "headline: bigger than the running text right under it")


def _run_on_from(text: Block, line: Block, scale: TypeScale) -> bool:
    """Whether ``text`` is set in ``line``'s font and size in the next column over: the column the
    line's sentence runs on from."""
    return same_style(line, text) and next_column_over(text.box, line.box, scale)


def _mark_centred_heads(blocks: list[Block], scale: TypeScale, scanned: bool) -> None:
    """A line or two in about the body size, centred over running text and with no headline right
    above it, opens a story: how papers set headlines before display type. Capitals are enough of a
    sign anywhere; a short centred line in lower case only on a scan, where old papers come from."""
    heads = [b for b in blocks if b.role is Role.HEADLINE]
    for block in blocks:
        if block.role is not Role.BODY or len(block.lines) > 3 or block.chars > 120:
            continue
        if not 0.85 < scale.ratio(block.size) < 1.4 or BYLINE.match(block.text):
            continue
        capitals = all(line.in_capitals for line in block.lines)
        if not capitals and not (scanned and sum(c.isalpha() for c in block.text) >= 4):
            continue
        if scanned and block.text.rstrip().endswith(RUNS_ON):
            continue  # a short line of running text set centred ("The analysis yielded,"), not a heading
        margin = (0.75 if capitals else 1.5) * scale.body
        text_below = [
            b
            for b in blocks
            if b.role is Role.BODY
            and len(b.lines) >= 3
            and -0.8 * scale.pitch < b.top - block.bottom < 2.5 * scale.pitch
            and _centred_over(block, b, margin, scale)
            and not any(x_overlap(h.box, block.box) > 0.3 and block.top < h.top < b.top for h in heads)
        ]
        head_above = any(
            x_overlap(h.box, block.box) > 0.5 and -scale.overlap < block.top - h.bottom < 1.5 * scale.pitch
            for h in heads
        )
        if text_below and not head_above:
            block.set_role(Role.HEADLINE, "headline: centred over running text")
            below = text_below[0]
            block.reach = union([block.box, (below.x0, block.top, below.x1, block.bottom)])  # its column


def _centred_over(head: Block, text: Block, margin: float, scale: TypeScale) -> bool:
    """Whether a heading's lines lie within the column of text under it, one of them (its last,
    short line, when the first fills the column) centred on it."""
    inside_column = all(line.x0 > text.x0 - scale.body and line.x1 < text.x1 + scale.body for line in head.lines)
    return inside_column and any(centred_in(line.box, text.box, margin) for line in head.lines)


def _signed(block: Block, scale: TypeScale) -> bool:
    """A byline naming a person ("By LAURA OSBORNE", "By Ann Lee"): bold and a little bigger than
    the body it may be, but it is no head ("By the river" is)."""
    return is_byline(block, scale) and by_a_writer(block.text)


def picture_rows(images: list[Box], scale: TypeScale) -> list[Box]:
    """Rows of pictures side by side, top and foot level, a gutter apart (a gallery of portraits): one
    caption centred under a row tells of all of them."""
    rows: list[Box] = []
    for img in sorted(images, key=lambda b: b[0]):
        for k, row in enumerate(rows):
            level = abs(img[1] - row[1]) < scale.body and abs(img[3] - row[3]) < scale.body
            if level and 0 <= img[0] - row[2] < ROW_GUTTER * scale.body:
                rows[k] = union([row, img])
                break
        else:
            rows.append(img)
    return [row for row in rows if row not in images]


def _captioned_image(block: Block, scale: TypeScale, images: list[Box]) -> Box | None:
    """The picture the block is the caption of, if it is one (a line opening with a drop cap opens a
    story's text, however bold: "PESHAWAR:" under the story's photo)."""
    if len(block.lines) > CAPTION_LINES or scale.ratio(block.size) > 1.1 or block.lines[0].initial:
        return None
    different = block.italic > 0.5 or block.bold > 0.5 or scale.ratio(block.size) < 0.95
    for img in images:
        if x_overlap(img, block.box) < 0.6 or block.width > CAPTION_WIDTH * (img[2] - img[0]) + 2 * scale.body:
            continue  # a caption runs under its picture, not across the page beside a little flag
        set_off = different and img[0] < centre_x(block.box) < img[2]
        below = -scale.overlap <= block.top - img[3] < (SET_OFF_CAPTION_GAP if set_off else CAPTION_GAP) * scale.body
        # over a picture, only a line within its width: a standfirst over a lead's photo runs on past it
        above = 0 <= img[1] - block.bottom < 1.0 * scale.body and covered_share(block.box, img) >= WITHIN_COLUMN
        if (below and (different or len(block.lines) <= 3)) or (above and different):
            return img
    return None


def _mark_caption_lines(blocks: list[Block], scale: TypeScale) -> None:
    """A short block right under a caption, centred on it and in its style, is the caption's next line
    (even when it stands right over another picture, whose caption it seemed); under a pictured
    person's name, their description in smaller type is the caption's too."""
    for caption in sorted((b for b in blocks if b.role is Role.CAPTION), key=lambda b: b.top):
        for block in blocks:
            if block.role not in (Role.BODY, Role.CAPTION) or block.pictured == caption.pictured:
                continue
            if _next_caption_line(block, caption, scale):
                block.set_role(Role.CAPTION, "caption: the next line of the caption right over it")
            elif _describes(block, caption, scale):
                block.set_role(Role.CAPTION, DESCRIPTION_RULE)
            else:
                continue
            block.pictured = caption.pictured
            caption = block


def _next_caption_line(block: Block, caption: Block, scale: TypeScale) -> bool:
    return (
        len(block.lines) <= 2
        and 0 <= block.top - caption.bottom < CAPTION_LINE_GAP * scale.pitch
        and abs(centre_x(block.box) - centre_x(caption.box)) < scale.body
        and (block.italic > 0.5) == (caption.italic > 0.5)
        and (block.bold > 0.5) == (caption.bold > 0.5)
        and abs(block.size - caption.size) < 0.1 * caption.size
    )


def _describes(block: Block, caption: Block, scale: TypeScale) -> bool:
    """Whether ``block`` describes the person ``caption`` names (module constants): running text, or
    taken for the caption over the next picture down (a second writer's portrait under the first's)."""
    named = caption.bold > 0.5 and len(caption.lines) <= NAME_CAPTION_LINES
    named = named and len(caption.text.split()) <= PORTRAIT_NAME_WORDS
    over_a_picture = block.role is Role.CAPTION and block.pictured is not None and block.pictured[1] >= block.bottom
    return (
        named
        and (block.role is Role.BODY or over_a_picture)
        and block.chars <= DESCRIPTION_CHARS
        and scale.ratio(block.size) < DESCRIPTION_SIZE
        and 0 <= block.top - caption.bottom < DESCRIPTION_GAP * scale.pitch
        and abs(block.x0 - caption.x0) < scale.body
    )
