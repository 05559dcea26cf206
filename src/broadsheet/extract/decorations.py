"""Stage 5, part: what stands around a headline — its kicker above, its deck and byline below.

A block right over a headline in smaller type is its kicker, unless it ends a story above (a
letter's signature); right under it, a standfirst across the columns is its deck and a person's
name its byline.
"""

from __future__ import annotations

import re
import unicodedata

from broadsheet.extract.blocks import Block, Role, TypeScale
from broadsheet.geometry import Box, union, x_overlap

# "By …" and its equivalents in the languages papers here come in.
BYLINE = re.compile(r"^(?:by|von|di|por|par|door|de|av|af|par|texto de|text:|reporting by)\s+\S", re.IGNORECASE)
NAME = re.compile(
    r"^[A-Z][\w'’.-]+(?:\s+(?:and|&|de|van|von|der|al|el|bin|[A-Z][\w'’.-]+)){1,4}"
    r"(?:,\s+[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+)?)?$"  # and where they write from: ", Elmstead"
)
# A standfirst differs from the text under it by this share of its size (or is italic or bold).
STANDFIRST_SIZE = 0.1
# ...and its text starts within this many line pitches under it.
STANDFIRST_GAP = 5.0
# A line with a headline this many line pitches or less under it is no byline.
HEAD_UNDER = 2.0
# Edges (or centres) this many body sizes apart are aligned.
ALIGNED = 1.5


# A name (a byline, a signature) is set in the body's size or a little over it: under this many body
# sizes...
NAME_SIZE = 1.1
# ...or, in capitals or with a place after a comma, this many under a headline at least
# HEADLINE_OVER_NAME times its size (a byline in bold capitals a size over the body, under a lead's
# display head; a brief's head in title case a size over the body, under its section's label under
# the paper's name, is no name).
NAME_SIZE_UNDER_DISPLAY = 1.2
HEADLINE_OVER_NAME = 2.0

# Letters without case and the marks (vowel signs, harakat) set on them.
_UNCASED = {"Lo", "Lm", "Mn", "Mc"}
# In a script without capitals a name is this many words or fewer...
UNCASED_NAME_WORDS = 4
# ...in bold no bigger than the body by this share.
UNCASED_NAME_SIZE = 1.05


def is_name(block: Block, scale: TypeScale, head: Block | None = None) -> bool:
    """One short line of two to five capitalised words (joined by "and"): a person's name (under
    ``head``, when it stands under a headline)."""
    if len(block.lines) != 1 or block.chars > 40:
        return False
    # a name in capitals, or with where its writer writes from ("Jane Morrison, Harlow Bay"), is no
    # brief's head in title case
    marked = block.lines[0].in_capitals or "," in block.text
    display = head is not None and head.size >= HEADLINE_OVER_NAME * block.size and marked
    if scale.ratio(block.size) >= (NAME_SIZE_UNDER_DISPLAY if display else NAME_SIZE):
        return False
    return bool(NAME.match(block.text)) or _uncased_name(block, scale)


def _uncased_name(block: Block, scale: TypeScale) -> bool:
    """A name in a script without capitals (Arabic, Urdu, Hindi), where the capitals cannot tell it:
    two to four words in bold no bigger than the body, with no digit or punctuation (a brief's head
    in such a paper is as short and as bold, so callers ask for a name's place as well)."""
    text = block.text
    words = text.split()
    return (
        2 <= len(words) <= UNCASED_NAME_WORDS
        and block.bold > 0.5
        and scale.ratio(block.size) < UNCASED_NAME_SIZE
        and all(unicodedata.category(c) in _UNCASED for c in text.replace(" ", ""))
    )


def _is_standfirst(block: Block, blocks: list[Block], scale: TypeScale) -> bool:
    """A standfirst under the headline: up to four lines across the columns of the body under it,
    set apart from that body in italic, bold or another size (a first paragraph in the column's own
    width is the story's lede, body)."""
    if len(block.lines) > 4 or block.chars > 320:
        return False
    below = [
        other
        for other in blocks
        if other.role is Role.BODY
        and len(other.lines) >= 3
        and other.width < 0.7 * block.width
        and x_overlap(other.box, block.box) > 0.5
        and -1 < other.top - block.bottom < STANDFIRST_GAP * scale.pitch  # past a byline
    ]
    if not below:
        return False
    text = max(below, key=lambda b: b.chars)
    italic = block.italic >= 0.8 and block.bold < 0.5 and text.italic < 0.5
    bold = block.bold >= 0.8 and text.bold < 0.5
    return italic or bold or abs(block.size - text.size) > STANDFIRST_SIZE * text.size


def _aligned(label: Box, head: Box, scale: TypeScale) -> bool:
    """A kicker starts where its headline starts, ends where it ends, or is centred over it (a date
    line centred on the page over a headline set off-centre is not its kicker)."""
    near = ALIGNED * scale.body
    centre = abs((label[0] + label[2]) / 2 - (head[0] + head[2]) / 2)
    return abs(label[0] - head[0]) < near or abs(label[2] - head[2]) < near or centre < near


def _under_a_signature(block: Block, blocks: list[Block], scale: TypeScale) -> bool:
    """Whether a line stands right under a one-line name ending in a comma: the place of a letter's
    or a column's signature ("Ravi Mathur, / Noida"), not the kicker of the next head."""
    return any(
        len(b.lines) == 1
        and b.text.rstrip().endswith(",")
        and x_overlap(b.box, block.box) > 0.5
        and -1 < block.top - b.bottom < 0.5 * scale.pitch
        for b in blocks
        if b is not block
    )


def _kicker_of_a_bigger_head(block: Block, bigger: list[Block], scale: TypeScale) -> bool:
    """Whether a line under a headline stands right over a ``bigger`` one, as its kicker would: a
    label in capitals between a section's name in the header and the lead story's headline is the
    headline's kicker, not a byline or deck of the name."""
    return any(
        block.size < other.size * 0.95
        and x_overlap(other.box, block.box) >= 0.5
        and -1 < other.top - block.bottom < max(1.2 * other.size, 2 * scale.body)
        for other in bigger
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
        and -1 < b.top - block.bottom < HEAD_UNDER * scale.pitch
        for b in blocks
    )


def mark_decorations(head: Block, blocks: list[Block], scale: TypeScale) -> None:
    """Kicker just above a headline; deck and byline just below it."""
    bigger = [b for b in blocks if b.role is Role.HEADLINE and b.size > head.size and b is not head]
    # down the stack (a byline's place is under the deck), then what stands over the headline: a
    # kicker lines up with the stack's edge, as wide as its deck runs
    for block in sorted(blocks, key=lambda b: (b.top < head.top, b.top)):
        if block is head:
            continue
        name = is_name(block, scale, head)
        # a name in bold a little over the body's size is a small head by its size alone
        if block.role is not Role.BODY and not (name and block.role is Role.HEADLINE and block.size < head.size):
            continue
        # under the headline or, for a name, under the deck found so far (a byline set flush left
        # under a standfirst wider than its centred headline); over it, a kicker over the stack
        stacked = name or block.bottom <= head.top
        if x_overlap(head.box, block.box) < 0.5 and not (
            stacked and x_overlap(head.reach or head.box, block.box) >= 0.5
        ):
            continue
        gap_below = block.top - head.bottom
        stack = (head.reach or head.box)[3]  # the foot of the headline with its deck so far
        near = block.top - stack < 3 * scale.pitch or gap_below < 1.5 * scale.pitch  # a byline's or a deck's place
        # what stands right over a bigger headline is that one's kicker, not this one's byline or deck
        under = gap_below > -1 and near and not _kicker_of_a_bigger_head(block, bigger, scale)
        if under and -1 < block.top - stack < 3 * scale.pitch and name and not _over_a_head(block, blocks, scale):
            block.set_role(Role.BYLINE, "byline: a person's name under the headline")
            continue
        if under and gap_below < 1.5 * scale.pitch and _is_standfirst(block, blocks, scale):
            block.set_role(Role.SUBHEADLINE, "deck: a standfirst in its own style across the columns under it")
            head.reach = union([head.reach or head.box, block.box])
            continue
        if block.chars > 120 or len(block.lines) > 3:
            continue
        gap_above = head.top - block.bottom
        plain_body = abs(scale.ratio(block.size) - 1) < 0.08 and block.bold < 0.5 and not block.text.isupper()
        kicker_gap = -1 < gap_above < max(1.2 * head.size, 2 * scale.body)
        # a signature's name ("Ravi Mathur,") and the place under it end a story; they head none
        signed = block.text.rstrip().endswith(",") or _under_a_signature(block, blocks, scale)
        small = block.size < head.size * 0.95
        if (
            kicker_gap
            and small
            and not plain_body
            and not signed
            and _aligned(block.box, head.reach or head.box, scale)
        ):
            block.set_role(Role.KICKER, "kicker: smaller type just above a headline")
            head.reach = union([head.reach or head.box, block.box])
            continue
        if (
            under
            and gap_below < 1.5 * scale.pitch
            and (1.12 <= scale.ratio(block.size) < 1.4 or (block.bold > 0.8 and len(block.lines) <= 2))
        ):
            block.set_role(Role.SUBHEADLINE, "deck: bigger or bold type just under a headline")
            head.reach = union([head.reach or head.box, block.box])


def is_byline(block: Block, scale: TypeScale) -> bool:
    """A line or two opening with "By" (or its equivalent), in about the body's size: a byline."""
    if len(block.lines) > 2 or block.chars > 70:
        return False
    return bool(BYLINE.match(block.text)) and scale.ratio(block.size) < 1.3
