"""Stage 5, part: short bold heads — a brief's or side story's headline, or a story's crosshead.

A short bold block a little over the body's size opens a story when it stands apart; in a story's
running text, under that story's headline, it is a crosshead and stays in the story's body.
"""

from __future__ import annotations

import re

from broadsheet.extract.blocks import (
    BIGGER_THAN_BODY,
    BOLD_HEAD_SIZE,
    DISPLAY_TYPE,
    Block,
    Role,
    TypeScale,
    boxed_apart,
    rule_between,
)
from broadsheet.extract.decorations import deck_overlap
from broadsheet.extract.jumps import announces
from broadsheet.extract.names import a_dateline, is_name, signed_right_under
from broadsheet.extract.pull_quotes import QUOTE_GAP
from broadsheet.extract.running_text import (
    CROSSHEAD_COVER,
    OVERHANG,
    PICTURE_COLUMN_GAP,
    QUOTE_RULE,
    Surroundings,
    a_row_ends_over,
    column_top_level_with_text,
    nearest_head_over,
    opens_running_text,
    quotation_over,
    run_in_paragraphs,
    running_text_above,
    under_a_storys_headline,
    under_one_headline,
)
from broadsheet.extract.sentences import breaks_off
from broadsheet.extract.side_heads import atop_the_row_beside, side_head_over
from broadsheet.geometry import Box, covered_share, foot_of_what_hangs_under, union, x_overlap

# A short bold block at least this many body sizes big (in the body's size, over regular type) may
# be a brief's or a side story's headline.
BOLD_HEAD_LEAST = 0.98
# ...or, for a head at least HEAD_WIDTH body sizes wide, this many (a letters page's topic heads in a
# heavy face a little under the body's size; a bold word on a line of its own is a dateline or a label).
SMALL_BOLD_HEAD_LEAST = 0.95
HEAD_WIDTH = 6.0
# A block is bold when this share of its glyphs is; on a scan, where OCR's measure of a word's strokes
# misses some of a bold line's words, this share of its words.
BOLD = 0.9
SCANNED_BOLD = 0.6
# A bold line over a bold head set under this share of the head's size is its kicker (in a script
# without capitals, a kicker in the head's own face is told by its size alone).
SMALLER_KICKER = 0.9
# A bold name in the body's size this many body sizes or less beside the foot of a headline is its
# byline set flush right, not a headline of its own.
NEAR_HEAD = 10.0
# A bold line up to this many body sizes, run on between a story's text, is a crosshead when the
# story's headline over it is at least CROSSHEAD_UNDER times its size (a small story's head is not).
CROSSHEAD_MOST = 1.35
CROSSHEAD_UNDER = 2.0
# A bold line in about the body's size under a headline less than this many times its size is the next
# brief's head, however it runs on: a story's headline is set far bigger than its crossheads.
CROSSHEAD_HEAD = 1.5
# A bold line in the body's size with less white than this share of a line pitch over it, under running
# text in its column, runs on in that text (a crosshead of a story whose own headline is no bigger):
# a story's head, however small, is set apart from the story above it.
RUN_ON_WHITE = 0.3
# A line this short (in characters) may hang under a head on the way to its text: a byline, a caption.
SCRAP_CHARS = 80
# A block of up to SMALL_DECK_LINES lines set under SMALL_DECK body sizes may hang under a head on the
# way to its text: a small head's deck in a narrow column.
SMALL_DECK = 0.8
SMALL_DECK_LINES = 4
# A picture set beside a story's headline (its top within this many line pitches of the headline's,
# no text between them) is the story's, and so are the columns right under it (within
# PICTURE_COLUMN_GAP): a bold line in them is a crosshead, though no headline stands over them.
PICTURE_LEVEL = 2.0
# ...as is a picture this many line pitches or less under a story's headline, over its columns.
PICTURE_UNDER = 4.0
# The head of a numbered division of a law or a contract, in the languages papers here come in ("Artigo
# 1.º", "Art. 2", "Articolo 3", "Article 1er", "§ 4", "Clause 5", "Sección 2.ª"): under running text in
# its column, it divides the act printed there (an official gazette's page), it does not open a story.
NUMBERED_DIVISION = re.compile(
    r"^(?:art\.|artigo|art[íi]culo|articolo|artikel|article|§+|cl[áa]usula|clausola|clause"
    r"|section|secci[óo]n|sec[çc][ãa]o|sezione|abschnitt)\s*(?:\d{1,3}(?!\d)|[ivxlc]+\b|[úu]nic[oa]\b|premier\b)",
    re.IGNORECASE,
)


CROSSHEAD_RULE = "body: a crosshead, a bold line inside a story's text"


def mark_bold_heads(
    blocks: list[Block],
    scale: TypeScale,
    hrules: list[Box],
    images: list[Box],
    scanned: bool,
    among: list[Block] | None = None,
    frames: list[Box] | None = None,
) -> None:
    """A short bold block set a little bigger than the body, with running text right under it and
    no headline right over it, opens a story: the small headline of a brief or a side story —
    unless it stands in a story's running text, under that story's headline (a crosshead). Only the
    blocks ``among`` are judged, when given (crossheads judged again once the headline over them
    turned out to be no story's). A head in a box of ``frames`` with other text (a strip of teasers)
    is over nothing outside it."""
    heads = [b for b in blocks if b.role is Role.HEADLINE]
    page = Surroundings(blocks, set(run_in_paragraphs(blocks, scale)), scale, hrules, images)
    for block in blocks if among is None else among:
        ratio = scale.ratio(block.size)
        least = SMALL_BOLD_HEAD_LEAST if block.width >= HEAD_WIDTH * scale.body else BOLD_HEAD_LEAST
        bold = SCANNED_BOLD if scanned else BOLD
        if block.role is not Role.BODY or block.bold < bold or not least <= ratio < BOLD_HEAD_SIZE:
            continue
        if len(block.lines) > 4 or block.chars > 160:
            continue
        # in the body's own size, only bold over regular type tells a head from a bold paragraph
        regular = ratio < BIGGER_THAN_BODY
        # right under it, or past a byline and a photo under it (text of two lines at the foot of a
        # column, running on in the next, is itself a stack's short part; a line will do under a
        # byline, which a crosshead never has)
        signed = signed_right_under(block, blocks, scale)
        edges = (block.bottom, _foot_of_stack(block, blocks, images, scale))
        text_below = any(
            b.role is Role.BODY
            and len(b.lines) >= (1 if signed else 2)
            and x_overlap(b.box, block.box) > 0.5
            and any(-scale.overlap < b.top - edge < 3.5 * scale.pitch for edge in edges)
            and (not regular or b.bold < 0.5)
            for b in blocks
        )
        # over it, or, for a name in the body's size, near it (a byline set flush right)
        reach = NEAR_HEAD * scale.body
        byline = regular and is_name(block, scale)
        head_above = any(
            (x_overlap(h.box, block.box) > 0.5 or (byline and _within(h, block, reach)))
            and -scale.overlap < block.top - h.bottom < 2 * scale.pitch
            and not boxed_apart(h, block, frames or [], blocks)
            for h in heads
        )
        if (
            not text_below
            or head_above
            or (_signs_its_stack(block, blocks, scale, regular) and _under_a_deck(block, heads, blocks, scale))
        ):
            continue
        text_above = running_text_above(block.box, [block], page)
        column_top = text_above is None
        if text_above is not None and _a_kicker_over(text_above, block):
            text_above = None
        if text_above is not None and not scanned and breaks_off(text_above):
            text_above = None  # the text over it runs on in another column: no crosshead follows it
        if text_above is not None and _jumps_out_between(text_above, block, blocks):
            text_above = None  # the story over it ends at its "Turn to page 3": the next story follows
        if text_above is not None and a_row_ends_over(text_above, block.box, blocks, scale):
            text_above = None  # the stories over it end level: the next row's stories follow
        # the column's width, not the short line's: a headline set off-centre covers a column's
        # right part, and a crosshead flush left in it may stand outside its reach
        column, beside = None, []
        if text_above is not None:
            column = union([block.box, (text_above.x0, block.top, text_above.x1, block.top)])
        elif regular and column_top:  # at a column's top, level with the story's text in the next column
            column, beside = column_top_level_with_text(block, blocks, scale, scale.pitch) or (None, [])
        own = _pull_quote_rules(block, blocks, scale)
        if (
            column
            and not signed  # a byline opens a story: no crosshead has one
            and not _under_a_small_head(column, block, blocks, scale)
            and (
                under_a_storys_headline(column, page, display_only=True, head=block)
                or _under_a_storys_picture(column, text_above, blocks, images, scale)
                or _level_with_the_storys_text(column, text_above, blocks, scale, hrules)
                or any(under_one_headline(column, text.box, blocks, scale, hrules, own) for text in beside)
                or side_head_over(column, blocks, scale, hrules, own) is not None
            )
        ):
            block.role_rule = CROSSHEAD_RULE
        elif regular and block.text.rstrip().endswith((":", ".")):
            block.role_rule = "body: a bold label of the body's size inside running text"
        elif text_above is not None and NUMBERED_DIVISION.match(block.text):
            block.role_rule = "body: the head of a numbered division of the act printed above (Artigo 1.º)"
        elif regular and text_above is not None and block.top - text_above.bottom < RUN_ON_WHITE * scale.pitch:
            block.role_rule = "body: a bold line of the body's size run on in running text, no white over it"
        else:
            block.set_role(Role.HEADLINE, "headline: short bold block over running text")


def unmark_big_crossheads(blocks: list[Block], scale: TypeScale, hrules: list[Box]) -> None:
    """A bold line or two a size over the body, between running text above and under it in its
    column, under a story's headline far bigger than itself, is a crosshead of that story (a lead's
    "A bitter reality"), not a small story's headline: a story under its own small head is set
    apart from the text over it (a rule, a gap), not run on in another story's columns."""
    page = Surroundings(blocks, set(run_in_paragraphs(blocks, scale)), scale, hrules)
    for block in sorted(blocks, key=lambda b: b.top):
        ratio = scale.ratio(block.size)
        if block.role is not Role.HEADLINE or block.bold < 0.9 or not BOLD_HEAD_SIZE <= ratio < CROSSHEAD_MOST:
            continue
        if len(block.lines) > 2 or block.chars > SCRAP_CHARS:
            continue
        text_above = running_text_above(block.box, [block], page)
        if text_above is not None and (
            _a_kicker_over(text_above, block) or _jumps_out_between(text_above, block, blocks) or breaks_off(text_above)
        ):
            # its kicker over it, or the story over it ends at its "Turn to page 3" or runs on in its
            # next column, cut mid-sentence (a crosshead stands after a paragraph's end)
            continue
        text_below = any(
            b.role is Role.BODY
            and len(b.lines) >= 2
            and x_overlap(b.box, block.box) > 0.5
            and -scale.overlap < b.top - block.bottom < scale.pitch
            for b in blocks
        )
        if text_above is None or not text_below or signed_right_under(block, blocks, scale):
            continue
        if _continued_under(block, blocks, scale):
            continue  # "From page 1" under it: the head of a story carried over from another page
        column = union([block.box, (text_above.x0, block.top, text_above.x1, block.top)])
        story_head = _head_over(column, block, blocks, scale)
        if story_head is None or story_head.size < CROSSHEAD_UNDER * block.size:
            continue  # under a small head: the head of the next brief or side story
        if rule_between(story_head.box, column, hrules):
            continue
        if opens_running_text(story_head, page, block):
            block.set_role(Role.BODY, "body: a crosshead a size over the text, under its story's far bigger headline")


def _level_with_the_storys_text(
    column: Box, text_above: Block | None, blocks: list[Block], scale: TypeScale, hrules: list[Box]
) -> bool:
    """Whether the column's text starts level with a story's text under its display headline, that
    headline reaching over part of the column (OVERHANG): the story's last column, its headline set
    over most of its columns, and a bold line in it is the story's crosshead."""
    if text_above is None:
        return False
    heads = [b for b in blocks if not b.lines[0].run_in_part]
    head = nearest_head_over(column, heads, OVERHANG)
    if head is None or head.size < DISPLAY_TYPE * scale.body or rule_between(head.box, column, hrules):
        return False
    return any(
        b.role is Role.BODY
        and b is not text_above
        and len(b.lines) >= 2
        and covered_share(b.box, head.box) >= 0.5
        and abs(b.top - text_above.top) < scale.pitch
        for b in blocks
    )


def _pull_quote_rules(block: Block, blocks: list[Block], scale: TypeScale) -> float:
    """How far over a bold line the rules are a pull quote's: a quotation set right over it in its
    column (its lines may come in blocks of their own, stacked in its size), its rules over and under
    it (a quote fell at the column's top, the crosshead under it). Rules that far up part nothing;
    0 with no quote there."""
    stack = quotation_over(block.box, [b for b in blocks if b is not block], scale, QUOTE_GAP)
    if not stack:
        return 0.0
    return block.top - stack[-1].top + QUOTE_RULE * scale.pitch


def _under_a_storys_picture(
    column: Box, text_above: Block | None, blocks: list[Block], images: list[Box], scale: TypeScale
) -> bool:
    """Whether the column's text runs from right under a picture set beside a story's headline (a
    lead's photo level with its headline and standfirst, its columns under both), or right under it
    over the column (past its deck and byline), with no headline between picture and text: the column
    is that story's."""
    if text_above is None:
        return False
    over = [img for img in images if img[3] <= text_above.top + 1 and covered_share(column, img) >= CROSSHEAD_COVER]
    picture = max(over, key=lambda img: img[3], default=None)
    if picture is None or not _runs_from_under(picture, column, text_above, blocks, scale):
        return False
    heads = [h for h in blocks if h.role is Role.HEADLINE and h.size >= DISPLAY_TYPE * scale.body]
    beside = any(
        abs(h.top - picture[1]) <= PICTURE_LEVEL * scale.pitch and _beside_with_nothing_between(h.box, picture, blocks)
        for h in heads
    )
    return beside or any(_right_over(h, picture, column, scale) for h in heads)


def _runs_from_under(picture: Box, column: Box, text_above: Block, blocks: list[Block], scale: TypeScale) -> bool:
    """Whether the column's text runs from right under a picture (its first block within
    PICTURE_COLUMN_GAP line pitches of it) down to ``text_above``, with nothing but running text (and
    the picture's caption, not told apart yet) between: a crosshead far down a column under a lead's
    photo is the lead's."""
    between = [
        b
        for b in blocks
        if b.lines and x_overlap(b.box, column) > 0.5 and picture[3] - scale.overlap < b.top < text_above.top
    ]
    if any(b.role is not Role.BODY for b in between):
        return False
    first = min([b.top for b in between] + [text_above.top])
    return first - picture[3] <= PICTURE_COLUMN_GAP * scale.pitch


def _right_over(head: Block, picture: Box, column: Box, scale: TypeScale) -> bool:
    """Whether ``head`` stands over ``picture`` and over the column under it, the picture within
    PICTURE_UNDER line pitches under the head (room for its deck and byline)."""
    gap = picture[1] - head.bottom
    covers = covered_share(column, head.reach or head.box) >= CROSSHEAD_COVER
    return -scale.overlap < gap <= PICTURE_UNDER * scale.pitch and x_overlap(head.box, picture) > 0.5 and covers


def _beside_with_nothing_between(head: Box, picture: Box, blocks: list[Block]) -> bool:
    """Whether the picture stands wholly to one side of the headline with no text in the strip
    between them, level with the headline."""
    if head[0] >= picture[2] - 1:
        gap = (picture[2], head[1], head[0], head[3])
    elif head[2] <= picture[0] + 1:
        gap = (head[2], head[1], picture[0], head[3])
    else:
        return False
    return not any(b.lines and b.x0 < gap[2] and b.x1 > gap[0] and b.top < gap[3] and b.bottom > gap[1] for b in blocks)


def _under_a_small_head(column: Box, block: Block, blocks: list[Block], scale: TypeScale) -> bool:
    """Whether the nearest headline over a bold line's column is set less than CROSSHEAD_HEAD times
    its size: a brief's head over the next brief's, shrunk to fit its column, not a story's headline
    over its crosshead. A deck (display type in a regular face right under a bold headline, or atop
    the row beside a side head) is not told from a headline yet: the story's size is its headline's."""
    heads = [b for b in blocks if b is not block and not b.lines[0].run_in_part]
    nearest = nearest_head_over(column, heads, CROSSHEAD_COVER)
    if nearest is not None and nearest.bold < 0.5:
        deck = nearest
        nearest = next((h for h in heads if _a_deck_under(deck, h, scale) or atop_the_row_beside(deck, h, scale)), deck)
    return nearest is not None and nearest.size < CROSSHEAD_HEAD * block.size


def _a_deck_under(deck: Block, head: Block, scale: TypeScale) -> bool:
    """Whether ``deck`` stands right under ``head``, a bigger headline in bold."""
    return (
        head.role is Role.HEADLINE
        and head.bold >= BOLD
        and head.size > deck.size
        and x_overlap(head.box, deck.box) > 0.5
        and -deck_overlap(head, scale) < deck.top - head.bottom < 1.5 * scale.pitch
    )


def _head_over(column: Box, block: Block, blocks: list[Block], scale: TypeScale) -> Block | None:
    """The nearest headline but ``block`` over part of a column, with what stands right under it (a
    lead's standfirst runs wider than its centred headline; how far under asked first, the tests
    being pure: most blocks stand elsewhere)."""
    heads = [b for b in blocks if b.role is Role.HEADLINE and b is not block]
    over = []
    for head in heads:
        if head.bottom > column[1] + 1:
            continue
        foot, size = head.bottom, head.size
        under = (b for b in blocks if -scale.overlap < b.top - foot < size and x_overlap(b.box, head.box) > 0.5)
        stack = [head, *under]
        if covered_share(column, union([b.box for b in stack])) >= CROSSHEAD_COVER:
            over.append(head)
    return max(over, key=lambda b: b.bottom, default=None)


def _continued_under(block: Block, blocks: list[Block], scale: TypeScale) -> bool:
    """Whether a jump line from another page ("From page 1") opens the text right under the block,
    in its column: a carried-over story's head, not a crosshead."""
    return any(
        b is not block
        and x_overlap(b.box, block.box) > 0.5
        and -scale.overlap < b.top - block.bottom < scale.pitch
        and announces(b.lines[0].text, "from")
        for b in blocks
    )


def _jumps_out_between(above: Block, block: Block, blocks: list[Block]) -> bool:
    """Whether a jump-out line ("Turn to page 3") ends the column over the block: the last line of
    ``above`` (the text over the block) or a short block between them."""
    between = [
        b.lines[-1]
        for b in blocks
        if len(b.lines) <= 2
        and x_overlap(b.box, block.box) > 0.5
        and above.bottom - 1 < b.top
        and b.bottom < block.top + 1
    ]
    return any(announces(line.text, "to") for line in [above.lines[-1], *between])


def _a_kicker_over(above: Block, head: Block) -> bool:
    """Whether the block right over a bold head is its kicker (one bold line in another face or ink, or
    smaller, or in capitals over a head in lower case: "WORLD"), not a story's running text nor the
    line before it in the same stack."""
    if len(above.lines) != 1 or above.bold < 0.5:
        return False
    other_face = above.lines[0].style.set_apart(head.lines[0].style)
    smaller = above.size < SMALLER_KICKER * head.size
    return other_face or smaller or (above.lines[0].in_capitals and not any(line.in_capitals for line in head.lines))


def _foot_of_stack(block: Block, blocks: list[Block], images: list[Box], scale: TypeScale) -> float:
    """The foot of what hangs right under a block in its column: a short line or two (a byline, a
    caption) and a picture, one under the other, each within a line pitch and a half. Only a part
    reaching below the foot so far moves it (a sliver ending above it, as OCR finds on a picture,
    held the foot still and the search never ended). A deck of a few lines set smaller than the body
    (SMALL_DECK) hangs there too: a small head's standfirst in a narrow column."""
    parts = [b.box for b in blocks if b is not block and _hangs_under_a_head(b, scale)] + images
    return foot_of_what_hangs_under(block.box, parts, scale.overlap, 1.5 * scale.pitch)


def _hangs_under_a_head(block: Block, scale: TypeScale) -> bool:
    """A line or two short enough to be a byline or a caption, or a small deck (SMALL_DECK)."""
    scrap = len(block.lines) <= 2 and block.chars < SCRAP_CHARS
    return scrap or (len(block.lines) <= SMALL_DECK_LINES and scale.ratio(block.size) < SMALL_DECK)


def _signs_its_stack(block: Block, blocks: list[Block], scale: TypeScale, regular: bool) -> bool:
    """Whether a short bold line could be what a story's stack ends with, under its deck: a line in
    the body's size (``regular``), a writer's name, or the place the story was written (a dateline:
    where a byline goes, its shape alone tells it, whatever stands under it)."""
    return regular or is_name(block, scale) or a_dateline(block, blocks, scale, over_its_picture=True)


def _under_a_deck(block: Block, heads: list[Block], blocks: list[Block], scale: TypeScale) -> bool:
    """Whether a line stands right under a deck (up to four lines, much wider than it) that stands
    right under a display headline: the byline of the headline's stack, not a head."""
    decks = [
        b
        for b in blocks
        if b.role is Role.BODY
        and len(b.lines) <= 4
        and b.width > 2 * block.width
        and x_overlap(b.box, block.box) > 0.5
        and -scale.overlap < block.top - b.bottom < 1.5 * scale.pitch
    ]
    return any(
        h.size >= DISPLAY_TYPE * scale.body
        and x_overlap(h.box, deck.box) > 0.5
        and -scale.overlap < deck.top - h.bottom < 1.5 * scale.pitch
        for deck in decks
        for h in heads
    )


def _within(a: Block, b: Block, gap: float) -> bool:
    """Whether two blocks stand at most ``gap`` apart horizontally."""
    return max(a.x0 - b.x1, b.x0 - a.x1) < gap
