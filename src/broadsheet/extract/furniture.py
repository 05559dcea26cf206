"""Masthead, furniture and advert labels: what is on the page but is not a story.

Folios, running heads and dates live in bands at the top and bottom of the page — above the first
rule across the page when there is one. The masthead (:mod:`broadsheet.extract.mastheads`) and
adverts (:mod:`broadsheet.extract.adverts`) are told first, then frames that hold no story
(:mod:`broadsheet.extract.storyless_frames`).
"""

from __future__ import annotations

import itertools
import re

from broadsheet.extract.adverts import mark_adverts, mark_notices
from broadsheet.extract.blocks import KICKER_OVERLAP, Block, Role, TypeScale
from broadsheet.extract.mastheads import mark_masthead
from broadsheet.extract.roles import PageLayout
from broadsheet.extract.ruled import mark_ruled_head
from broadsheet.extract.storyless_frames import mark_storyless_frames
from broadsheet.geometry import Box, area_share, x_overlap, y_overlap

# Lines whose sizes differ by less than this share are in the same size.
SAME_SIZE = 0.1
# Lines in the foot band with less white than this share of a line pitch between them and running text
# of their size right above are that column's last lines, not a footer.
COLUMN_END_WHITE = 0.5
# ...or as much as the white between the column's paragraphs, when that is at most this many line
# pitches: the column's last paragraph.
PARAGRAPH_WHITE = 1.5
# ...and a jump line at most this many under its column's text is the column's ("Continued on page 2"
# at the foot of the page), not a footer line; under a teaser's caption it stays the teaser's.
JUMP_WHITE = 2.0
TOP_BAND = 0.07
HEADER_RULE_ZONE = 0.2
BOTTOM_BAND = 0.05
# A line of at least this many words at the page's foot, level with the last lines of the columns
# beside it, ends its column: it is no footer.
COLUMN_LINE_WORDS = 2
FOOTER_ZONE = 0.1
_FOLIO = re.compile(r"^\W*(?:page\s*)?\d{1,3}\W*$", re.IGNORECASE)
# A folio set in the paper's logo ("6 THE PAPER"): a page number and a word or two of name.
FOLIO_NAME_WORDS = 2
# A panel across the page's head (a section's picture banner with the folio and date printed on it):
# a frame this share of the page wide or more, starting in the top band, at most this share of the
# page tall, its text in blocks of this many lines at most (a date line of three: day, date, issue).
HEADER_PANEL_WIDTH = 0.6
HEADER_PANEL_HEIGHT = 0.1
HEADER_PANEL_LINES = 3
# A block this share or more of whose box lies on the panel is its text (an issue number's line may
# hang a little below a picture banner).
HEADER_PANEL_COVER = 0.8
# A header's lines are set under this many body sizes (a folio in the logo aside).
HEADER_SIZE = 1.2
# A story's text (or picture) starts at most this many line pitches under its headline.
HEAD_TEXT_GAP = 2.0


def header_bottom(hrules: list[Box], width: float, height: float, text_top: float = 0.0) -> float:
    """Where the page header ends: a rule across the page near the top, under some of the page's
    text (``text_top``: where its highest line ends; a rule over all of it is a border), else a
    thin band.

    The band reaches down to the last short rule that starts inside it (a date line ruled above and
    below hangs just under the band's nominal edge).
    """
    rules = [r for r in hrules if r[2] - r[0] > 0.6 * width and text_top < r[1] < HEADER_RULE_ZONE * height]
    if rules:
        return min(r[1] for r in rules)
    band = TOP_BAND * height
    return max([band] + [r[3] for r in hrules if r[1] < band])


def mark_furniture(blocks: list[Block], scale: TypeScale, layout: PageLayout, page: int) -> None:
    """Set MASTHEAD, FURNITURE and ADVERT roles in place."""
    width, height, hrules = layout.width, layout.height, layout.hrules
    mark_masthead(blocks, scale, layout, page)
    if layout.scanned:
        mark_ruled_head(blocks, scale, layout.hrules, width, height)
    mark_adverts(blocks, layout.frames, width * height)
    mark_notices(blocks, layout.frames, scale, width * height)
    text_top = min((b.bottom for b in blocks if b.lines), default=0.0)
    top = header_bottom(hrules, width, height, text_top)
    mark_storyless_frames(blocks, scale, layout.frames, top)
    ruled = top != header_bottom([], width, height, text_top)  # a rule closes the head, not the height
    _mark_header_panels(blocks, scale, layout)
    heads = [] if ruled else [b for b in blocks if _a_story_head_at_the_top(b, blocks, scale)]
    for block in blocks:
        if block.role in (Role.MASTHEAD, Role.ADVERT, Role.FURNITURE):
            continue
        short = len(block.lines) <= 2 and block.chars < 160
        small = scale.ratio(block.size) < HEADER_SIZE
        in_foot = (
            block.top > (1 - BOTTOM_BAND) * height
            and not _level_with_running_text(block, blocks)
            and not _runs_on_from_text_above(block, blocks, scale)
            and not _next_paragraph_of_its_column(block, blocks, scale)
            and not _under_its_head(block, blocks, scale)
            and not (block.role is Role.JUMP and _runs_on_from_text_above(block, blocks, scale, JUMP_WHITE))
        )
        in_band = block.bottom <= top + 1 or (small and block.top < top)
        if in_band and layout.scanned and _beside_column_tops(block, blocks):
            in_band = False  # an old paper's columns start at the top: a heading there heads its column
        if in_band and _opens_a_story_at_the_top(block, heads, scale):
            in_band = False
        in_band = in_band or in_foot
        in_band = in_band or (short and small and _footer_line(block, blocks, scale, height))
        folio = short and bool(_FOLIO.match(block.text)) and (block.role is not Role.HEADLINE or block.top < top)
        if folio:
            block.set_role(Role.FURNITURE, "furniture: a page number")
        elif short and _folio_in_logo(block, scale, top):
            block.set_role(Role.FURNITURE, "furniture: a page number beside the paper's name, at the page's head")
            _unstack_from(block, blocks, scale)
        elif in_band and short and _over_a_head_at_the_top(block, heads, scale):
            continue  # its kicker (the role stage tells kickers later)
        elif in_band and short and (block.role is not Role.KICKER or _in_a_row_of_furniture(block, blocks, top)):
            block.set_role(Role.FURNITURE, "furniture: a short line in the header or footer band")
    for block in blocks:
        if block.role is Role.KICKER and block.top < top and _over_furniture(block, blocks, scale):
            block.set_role(Role.FURNITURE, "furniture: the kicker of a label in the header band")


_OPENING_ROLES = {Role.IMAGE, Role.SUBHEADLINE, Role.BYLINE}  # what a story's headline stands right over


def _folio_in_logo(block: Block, scale: TypeScale, top: float) -> bool:
    """Whether a block at the page's head is a page number set with the paper's name in its logo
    ("6 THE PAPER"): it starts in the header band and its middle lies within a line pitch of the
    band's foot (a logo in display type may hang over the header's rule)."""
    if block.top >= top or (block.top + block.bottom) / 2 > top + scale.pitch:
        return False
    return _folio_with_name(block.text)


def _folio_with_name(text: str) -> bool:
    """Whether a text is a page number with a word or two of the paper's name."""
    words = text.split()
    digits = "".join(w for w in words if w.isdigit())  # a folio's digits may come apart ("1 4")
    names = [w for w in words if not w.isdigit()]
    return 1 <= len(digits) <= 3 and len(names) <= FOLIO_NAME_WORDS


def _unstack_from(logo: Block, blocks: list[Block], scale: TypeScale) -> None:
    """The role stage read a logo's big type as a headline and the head under it as its deck; with
    the logo furniture, that head heads its own story."""
    for block in blocks:
        stacked = block.role is Role.SUBHEADLINE and block.role_rule.startswith("deck:")
        if stacked and x_overlap(block.box, logo.box) > 0.5 and -scale.overlap < block.top - logo.bottom < logo.size:
            block.set_role(Role.HEADLINE, "headline: the head a logo's folio stood over")


def _mark_header_panels(blocks: list[Block], scale: TypeScale, layout: PageLayout) -> None:
    """Text printed on a panel across the page's head (a section's picture banner carrying the folio
    and the date) is the page header, though the panel reaches below the header band. Its text is
    small, or a folio in the paper's logo: a headline on a band across the page heads a story."""
    band = TOP_BAND * layout.height
    for frame in layout.frames + layout.images:
        wide = frame[2] - frame[0] >= HEADER_PANEL_WIDTH * layout.width
        if not wide or frame[1] >= band or frame[3] - frame[1] > HEADER_PANEL_HEIGHT * layout.height:
            continue
        inner = [b for b in blocks if b.lines and area_share(b.box, frame) >= HEADER_PANEL_COVER]
        if not inner or any(len(b.lines) > HEADER_PANEL_LINES or b.role is Role.MASTHEAD for b in inner):
            continue
        if not all(scale.ratio(b.size) < HEADER_SIZE or _folio_with_name(b.text) for b in inner):
            continue
        for block in inner:
            block.set_role(Role.FURNITURE, "furniture: text on a panel across the page's head")


def _over_furniture(block: Block, blocks: list[Block], scale: TypeScale) -> bool:
    """Whether the line right under a kicker is furniture: the paper's name over a section title."""
    under = [b for b in blocks if b.lines and x_overlap(b.box, block.box) > 0.5 and b.top >= block.bottom - 1]
    nearest = min(under, key=lambda b: b.top, default=None)
    return nearest is not None and nearest.role is Role.FURNITURE and nearest.top - block.bottom < 2 * scale.pitch


def _level_with_running_text(block: Block, blocks: list[Block]) -> bool:
    """Whether a column of running text beside a block reaches down level with it: the block ends
    a column of the page's stories (a letter's signature), not a footer under them all."""
    return any(
        b.role is Role.BODY and len(b.lines) >= 3 and b.top < block.top <= b.bottom for b in blocks if b is not block
    )


def _runs_on_from_text_above(
    block: Block, blocks: list[Block], scale: TypeScale, white: float = COLUMN_END_WHITE
) -> bool:
    """Whether running text in the block's size ends right above it in its column, less than ``white``
    line pitches over it: the block is the column's last lines, set low on a page with a narrow margin
    (or the column's jump line, set a little apart)."""
    return any(
        b.role is Role.BODY
        and len(b.lines) >= 2
        and x_overlap(b.box, block.box) > 0.5
        and -scale.overlap < block.top - b.bottom < white * scale.pitch
        and abs(b.size - block.size) < SAME_SIZE * block.size
        for b in blocks
        if b is not block
    )


def _next_paragraph_of_its_column(block: Block, blocks: list[Block], scale: TypeScale) -> bool:
    """Whether a line of words at the page's foot is spaced under its column's running text (in its
    size) as the column's paragraphs are under each other: the story's last paragraph."""
    column = sorted(
        (
            b
            for b in blocks
            if b is not block
            and b.role is Role.BODY
            and b.bottom <= block.top + scale.overlap
            and x_overlap(b.box, block.box) > 0.5
            and abs(b.size - block.size) < SAME_SIZE * block.size
        ),
        key=lambda b: b.bottom,
    )
    gaps = [lower.top - upper.bottom for upper, lower in itertools.pairwise(column)]
    paragraph = max((g for g in gaps if g <= PARAGRAPH_WHITE * scale.pitch), default=None)
    words = len(block.text.split()) >= COLUMN_LINE_WORDS
    return words and paragraph is not None and block.top - column[-1].bottom <= paragraph + scale.overlap


def _under_its_head(block: Block, blocks: list[Block], scale: TypeScale) -> bool:
    """Whether a headline in bigger type (or in bold, the block not) stands right over the block in
    its column (less than HEAD_TEXT_GAP line pitches over it): the block is the text of a short
    story at the page's foot, not a footer under the page's stories."""
    return any(
        b.role is Role.HEADLINE
        and (b.size > block.size or (b.size >= block.size and b.bold > 0.5 > block.bold))
        and x_overlap(b.box, block.box) > 0.5
        and -scale.overlap < block.top - b.bottom < HEAD_TEXT_GAP * scale.pitch
        for b in blocks
    )


def _beside_column_tops(block: Block, blocks: list[Block]) -> bool:
    """Whether running text in another column starts above the foot of a line at the top of the page
    and no rule closes the page's head (pages without one are banded by height): the line stands
    level with the first lines of the columns, so no header band runs above them."""
    return any(
        b.role is Role.BODY and len(b.lines) >= 3 and b.top < block.bottom and x_overlap(b.box, block.box) <= 0
        for b in blocks
    )


def _a_story_head_at_the_top(block: Block, blocks: list[Block], scale: TypeScale) -> bool:
    """Whether a headline (in the top band of a page whose head no rule closes) heads a story starting
    at the top: its deck, byline, picture or text stands right under it in its column, or beside it
    (a side head). A newsletter's or a daily's inner page may have no header: its first stories' heads
    stand where a header would, each in its own size (a daily sizes its heads by the story's width)."""
    if block.role is not Role.HEADLINE:
        return False
    if block.side_head:
        return True  # its story's columns start level with it, beside it
    return any(
        (b.role in _OPENING_ROLES or (b.role is Role.BODY and len(b.lines) >= 3))
        and x_overlap(b.box, block.box) > 0.5
        and _right_under(b, block, scale)
        for b in blocks
    )


def _opens_a_story_at_the_top(block: Block, heads: list[Block], scale: TypeScale) -> bool:
    """Whether a block in the top band is one of the ``heads`` of stories starting at the page's top,
    or hangs right under one (its deck, byline or picture), or is a brief's run-in head (level with
    the brief's own text)."""
    if block.lines and all(line.run_in_part == "head" for line in block.lines):
        return True
    return any(
        block is head or (x_overlap(block.box, head.box) > 0.5 and _right_under(block, head, scale)) for head in heads
    )


def _right_under(block: Block, head: Block, scale: TypeScale) -> bool:
    """Whether ``block`` starts within HEAD_TEXT_GAP line pitches under ``head``."""
    return -scale.overlap < block.top - head.bottom < HEAD_TEXT_GAP * scale.pitch


def _over_a_head_at_the_top(block: Block, heads: list[Block], scale: TypeScale) -> bool:
    """Whether a short line stands right over one of the ``heads`` of stories starting at the page's
    top, from its start edge (its left, or its right in right-to-left type) and no wider: that story's
    kicker, though kickers in a row across the top look like a header's line."""
    return any(
        (abs(block.x0 - head.x0) < scale.pitch or abs(block.x1 - head.x1) < scale.pitch)
        and block.width <= head.width
        and -KICKER_OVERLAP * head.size < head.top - block.bottom < head.size
        for head in heads
        if head is not block
    )


def _in_a_row_of_furniture(block: Block, blocks: list[Block], top: float) -> bool:
    """Whether a line in the header band shares its row with other short lines there in its size
    (the folio and the paper's name beside a date): the header's line, not the kicker of a
    headline under it."""
    return block.top < top and any(
        b is not block
        and b.lines
        and len(b.lines) <= 2
        and b.top < top
        and y_overlap(b.box, block.box) > 0.5
        and x_overlap(b.box, block.box) <= 0
        and abs(b.size - block.size) < SAME_SIZE * block.size
        for b in blocks
    )


def _footer_line(block: Block, blocks: list[Block], scale: TypeScale, height: float) -> bool:
    """A line near the foot of the page set apart from the stories above it, with nothing below, and
    no column beside it running down level with it when it is words of text (then it is a column's
    last line; a scrap of a word there, a speck OCR read, is still no text)."""
    if block.top < (1 - FOOTER_ZONE) * height or len(block.lines) > 1:
        return False
    if len(block.text.split()) >= COLUMN_LINE_WORDS and _level_with_running_text(block, blocks):
        return False
    others = [b for b in blocks if b is not block and b.lines]
    if any(b.top > block.bottom for b in others):
        return False
    above = [b.bottom for b in others if b.bottom <= block.top + 1 and x_overlap(b.box, block.box) > 0]
    return not above or block.top - max(above) > 2 * scale.pitch
