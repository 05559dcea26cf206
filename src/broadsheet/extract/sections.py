"""A section's title over stories with heads of their own ("LETTERS TO THE EDITOR", "IN BRIEF").

The title is set like a headline, and the first story's head right under it looks like its deck.
What tells them apart is a sibling: another head lower down in the same style as that "deck"; or a
title in capitals over a "deck" no bigger than the running text (a deck is display type). The title
is then furniture, and each head opens its own story (a letter, a brief).
"""

from __future__ import annotations

from broadsheet.extract.blocks import Block, Role, TypeScale, rule_between
from broadsheet.extract.sentences import is_quotation
from broadsheet.geometry import Box, x_overlap

# Two heads are in the same style when set in one font at sizes this close (as a share of the size).
SAME_STYLE_SIZE = 0.05
# The "deck" is a head in the body's size or a little over: at most this many body sizes; and the
# title one line less than this many times the head's size (a story's headline over its deck is bigger).
HEAD_SIZE = 1.15
TITLE_SIZE = 2.0
# A story's head under the title (the first one's too) is at most this many lines, with its text this
# many line pitches or less under it.
LATER_HEAD_LINES = 2
# ...but the first one, held back as running text by the title right over it, may wrap to this many in a
# narrow column.
FIRST_HEAD_LINES = 3
HEAD_GAP = 2.5
# A rule under this share of the width of the title's column (a short dash between briefs) parts no
# two stories of the section.
DASH_SHARE = 0.5


def mark_section_titles(blocks: list[Block], scale: TypeScale, hrules: list[Box]) -> None:
    """Turn each section title into furniture and the first head under it into a headline, in place."""
    heads = [b for b in blocks if b.role is Role.HEADLINE]
    for title in heads:
        first = _deck_under(title, blocks, scale)
        if first is None or len(title.lines) > 1 or title.size >= TITLE_SIZE * first.size:
            continue
        quoted = _quoted_twins(title, first, blocks, hrules)
        if not _a_head(first, scale) and not quoted:
            continue
        labelled = title.lines[0].in_capitals and scale.ratio(first.size) <= 1.0  # "LETTERS" over a head in text size
        if labelled or quoted or any(_sibling(title, first, h, hrules) for h in heads if h is not title):
            title.set_role(Role.FURNITURE, "furniture: a section's title over stories with heads of their own")
            first.set_role(Role.HEADLINE, "headline: the first story's head under a section's title")
            for head in _later_heads(first, blocks, scale):
                head.set_role(Role.HEADLINE, "headline: a later story's head under a section's title, in its font")
            for head in quoted:
                head.set_role(Role.HEADLINE, "headline: a later story's head in quotes under a section's title")


def _quoted_twins(title: Block, first: Block, blocks: list[Block], hrules: list[Box]) -> list[Block]:
    """The "pull quotes" under the title in the style of a quoted first head: each story of the section
    headed by a saying, in quotes (a deck and a pull quote are not set alike, both quoted)."""
    if not is_quotation(first.text):
        return []
    return [
        b for b in blocks if b.role is Role.PULLQUOTE and is_quotation(b.text) and _sibling(title, first, b, hrules)
    ]


def _later_heads(first: Block, blocks: list[Block], scale: TypeScale) -> list[Block]:
    """The heads of the stories after the first under a section's title: short bold blocks in the
    first head's font, in its column, each over running text of its own. A long head may be set
    smaller to fit the column, even under the body's size, so the font tells them, not the size."""
    font = first.lines[0].style.name
    return [
        b
        for b in blocks
        if b.role is Role.BODY
        and b.top > first.bottom
        and x_overlap(b.box, first.box) > 0.5
        and b.bold >= 0.9
        and len(b.lines) <= LATER_HEAD_LINES
        and b.lines[0].style.name == font
        and _over_running_text(b, blocks, scale)
    ]


def _over_running_text(head: Block, blocks: list[Block], scale: TypeScale) -> bool:
    """Whether running text (regular type, two lines or more) starts right under ``head``."""
    return any(
        b.role is Role.BODY
        and b.bold < 0.5
        and len(b.lines) >= 2
        and x_overlap(b.box, head.box) > 0.5
        and -scale.overlap < b.top - head.bottom < HEAD_GAP * scale.pitch
        for b in blocks
    )


def _a_head(block: Block, scale: TypeScale) -> bool:
    """A bold line or two in about the body's size (a brief's head wraps in a narrow column), not a
    label ending in a colon ("Hardship Fund:", a part of one story): a head, not a standfirst."""
    return (
        len(block.lines) <= (FIRST_HEAD_LINES if block.role is Role.BODY else LATER_HEAD_LINES)
        and block.bold >= 0.9
        and scale.ratio(block.size) <= HEAD_SIZE
        and not block.text.rstrip().endswith(":")
    )


def _deck_under(title: Block, blocks: list[Block], scale: TypeScale) -> Block | None:
    """The deck right under a headline, if it has one, or a smaller head (a bold line a little over
    the body's size reads as a head of its own before the title is known), or a bold head held back
    as running text by the title right over it (a head is never right under another), over running
    text of its own."""
    # where a block stands is asked first: whether running text stands under it asks every block
    decks = [
        b
        for b in blocks
        if b.top >= title.bottom - 1
        and x_overlap(b.box, title.box) > 0.5
        and (
            b.role is Role.SUBHEADLINE
            or (b.role is Role.HEADLINE and b.size < title.size)
            or (b.role is Role.BODY and b.bold >= 0.9 and _over_running_text(b, blocks, scale))
        )
    ]
    nearest = min(decks, key=lambda b: b.top, default=None)
    return nearest if nearest is not None and nearest.top - title.bottom < 2 * nearest.size else None


def _sibling(title: Block, first: Block, head: Block, hrules: list[Box]) -> bool:
    """Whether ``head``, under the title with no rule between (but a dash between briefs), is set in
    ``first``'s style."""
    column = max(title.width, first.width)
    parting = [r for r in hrules if r[2] - r[0] >= DASH_SHARE * column]
    return (
        head is not first
        and head.top > title.bottom
        and same_style(head, first)
        and not rule_between(title.box, head.box, parting)
    )


def same_style(block: Block, other: Block) -> bool:
    """Whether two blocks are set in one font at sizes within SAME_STYLE_SIZE of each other."""
    return (
        block.lines[0].style.name == other.lines[0].style.name
        and abs(block.size - other.size) <= SAME_STYLE_SIZE * other.size
    )
