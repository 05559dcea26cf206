"""Stage 5, part: pull quotes — a story's quoted words set large inside its columns.

A pull quote is set in display type, so the size rule calls it a headline; what gives it away is its
place: inside a column of running text (right under it, or set off by rules and white with text over
and under it), or at the top of a column whose neighbour's text runs level with it under the same
headline or photo. A quoted headline over a story spans its columns, under its kicker.
"""

from __future__ import annotations

from broadsheet.extract.blocks import DISPLAY_TYPE, Block, Role, TypeScale, rule_between
from broadsheet.extract.running_text import (
    QUOTE_RULE,
    column_top_level_with_text,
    under_one_headline,
    under_one_picture,
)
from broadsheet.extract.sentences import ends_in_a_full_line, is_quotation
from broadsheet.extract.side_heads import side_head_over
from broadsheet.geometry import Box, x_overlap

# A pull quote stands this many line pitches or less under its column's text; or, set off by rules
# and white, this many or less from the text on both sides.
QUOTE_GAP = 2.5
QUOTE_SET_OFF = 5.0
# ...and it is no wider than that text's column (by this share).
QUOTE_WIDTH = 1.1


def mark_pull_quotes(blocks: list[Block], scale: TypeScale, hrules: list[Box], images: list[Box]) -> None:
    """Large quoted text set inside a column of body text is a pull quote, not a headline (one that
    opens with a quoted name, '"Gasset Imo" opens the debate', is a headline): right under the
    column's text, or set off from it by rules and white above and below, within the column, with
    its text on both sides (a quoted headline over a story spans its columns, under its kicker)."""
    for block in blocks:
        if block.role not in (Role.HEADLINE, Role.BODY) or not is_quotation(block.text):
            continue
        above, below = _body_near(block, blocks, above=True), _body_near(block, blocks, above=False)
        styled_apart = _styled_apart(block, above, hrules)
        if not _display_type(block, scale) and not styled_apart:
            continue
        # right under the column's text: within the column, or across columns whose text all runs on
        # under it (a column that ends its paragraph over a wider quote ends its story: the quote heads the next)
        close = (
            above is not None
            and block.top - above.bottom < QUOTE_GAP * scale.pitch
            and (block.width <= QUOTE_WIDTH * above.width or _runs_on_under(block, blocks, scale))
        )
        between = (
            above is not None
            and below is not None
            and block.top - above.bottom < QUOTE_SET_OFF * scale.pitch
            and below.top - block.bottom < QUOTE_SET_OFF * scale.pitch
            and block.width <= QUOTE_WIDTH * min(above.width, below.width)
            and not _under_a_kicker(block, blocks, scale)
        )
        # styled apart under the rule that parts it from the column's text, set off by white: at the
        # column's foot, with no text under it
        ruled_off = (
            styled_apart
            and above is not None
            and block.top - above.bottom < QUOTE_SET_OFF * scale.pitch
            and block.width <= QUOTE_WIDTH * above.width
        )
        if close or between or ruled_off:
            block.set_role(Role.PULLQUOTE, "pull quote: quoted display type inside a column")
        elif _tops_a_storys_column(block, blocks, scale, hrules, images):
            block.set_role(Role.PULLQUOTE, "pull quote: quoted display type at the top of a story's column")
        else:
            continue
        for piece in blocks:
            if piece.role is Role.HEADLINE and _split_off(piece, block):
                piece.set_role(Role.PULLQUOTE, "pull quote: a word of its line, split off by a stretched space")


def _under_a_kicker(block: Block, blocks: list[Block], scale: TypeScale) -> bool:
    """Whether a kicker stands right over the block (within QUOTE_GAP line pitches): a quoted
    headline's, not a pull quote's."""
    return any(
        b.role is Role.KICKER
        and x_overlap(b.box, block.box) > 0.5
        and -scale.overlap < block.top - b.bottom < QUOTE_GAP * scale.pitch
        for b in blocks
    )


def _split_off(piece: Block, quote: Block) -> bool:
    """Whether a one-line block is a piece of one of the quote's lines, split off by a word space
    stretched wider than any (a short line justified in a narrow column): in its size, level with
    that line, within the quote's width."""
    return (
        len(piece.lines) == 1
        and abs(piece.size - quote.size) < 0.05 * quote.size
        and quote.x0 - 1 <= piece.x0
        and piece.x1 <= quote.x1 + 1
        and any(abs(line.top - piece.top) < 0.3 * quote.size and line.x1 < piece.x0 for line in quote.lines)
    )


def _display_type(block: Block, scale: TypeScale) -> bool:
    """Whether a block (a quotation) is set in display type: a headline by its size, or running text
    set as big (a quote wrapping in a narrow column runs to more lines than a headline does)."""
    return block.role is Role.HEADLINE or scale.ratio(block.size) >= DISPLAY_TYPE


def _styled_apart(block: Block, above: Block | None, hrules: list[Box]) -> bool:
    """Whether a block set no smaller than the column's text over it is printed in another ink (a
    pull quote in the paper's colour: no paragraph of a story changes its ink), or in another face
    under a rule parting it from that text (an italic quote ruled off, where a quoted paragraph in
    italics runs on in the text)."""
    if above is None or block.size < above.size:
        return False
    style, text = block.lines[0].style, above.lines[-1].style
    return style.another_ink(text) or (style.set_apart(text) and rule_between(above.box, block.box, hrules))


def _tops_a_storys_column(
    block: Block, blocks: list[Block], scale: TypeScale, hrules: list[Box], images: list[Box]
) -> bool:
    """Whether a quotation stands at the top of a column, over its text, with the text of the story
    over both (under its headline or its photo, or beside its side head) in the next column level
    with it: the story's pull quote fell at a column's top."""
    found = column_top_level_with_text(block, blocks, scale, QUOTE_SET_OFF * scale.pitch)
    own_rules = QUOTE_RULE * scale.pitch  # a pull quote is mostly set off by rules of its own
    if found is None:
        return False
    column, beside = found
    if side_head_over(column, blocks, scale, hrules, own_rules) is not None:
        return True  # a column of a side head's row, the head beside it
    raised = (column[0], column[1] - own_rules, column[2], column[3])  # over the quote's own rules
    return any(
        under_one_headline(column, text.box, blocks, scale, hrules, own_rules)
        or under_one_picture(raised, text.box, images, scale, hrules)
        for text in beside
    )


def _runs_on_under(block: Block, blocks: list[Block], scale: TypeScale) -> bool:
    """Whether every column of running text right over a block ends in a full line: the text runs
    on under it, round a quote set across the columns."""
    over = [
        b
        for b in blocks
        if b.role is Role.BODY
        and len(b.lines) >= 2
        and x_overlap(b.box, block.box) > 0.6
        and 0 <= block.top - b.bottom < QUOTE_GAP * scale.pitch
    ]
    return bool(over) and all(ends_in_a_full_line(b) for b in over)


def _body_near(block: Block, blocks: list[Block], above: bool) -> Block | None:
    """The nearest running text right over (or under) the block in its column."""
    near = [
        b
        for b in blocks
        if b.role is Role.BODY
        and x_overlap(b.box, block.box) > 0.6
        and (block.top >= b.bottom if above else b.top >= block.bottom)
    ]
    if not near:
        return None
    return max(near, key=lambda b: b.bottom) if above else min(near, key=lambda b: b.top)
