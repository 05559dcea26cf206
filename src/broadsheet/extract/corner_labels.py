"""Stage 5, part: a label in the corner of a box, or atop a column, over a head centred in it.

A boxed story's label ("Analyse"), or a section's over a story ("LOCAL"), stands at the start edge of
the box or of the column of text under the head, the head centred in it: far from the head's words,
and maybe a size over the body, it is still the head's kicker, not a small story's head.
"""

from __future__ import annotations

from broadsheet.extract.blocks import Block, Role, TypeScale
from broadsheet.extract.boxes import a_label_over
from broadsheet.geometry import Box, centred_in, inside, union, x_overlap

# A label stands in the corner when its start is at most this many body sizes in from the span's.
CORNER = 2.0
# The column a head is centred over starts at most this many line pitches under it (past its byline).
TEXT_UNDER = 4.0
# A story's columns side by side stand at most this many body sizes apart.
GUTTER = 3.0


def labels_a_centred_head(label: Block, head: Block, frames: list[Box], blocks: list[Block], scale: TypeScale) -> bool:
    """Whether ``label`` stands at the start edge of the box (or, in none, of the column of text
    under ``head``) that ``head`` is centred in, right over the head: the head's kicker."""
    if not a_label_over(label, head.top):  # told first: most pairs asked about are two columns' heads
        return False
    framed = next((f for f in frames if inside(label.box, f) and inside(head.box, f)), None)
    spans = [framed] if framed is not None else _columns_under(head, label, blocks, scale)
    return any(_at_the_start_of(label, head, span, scale) for span in spans)


def _at_the_start_of(label: Block, head: Block, span: Box, scale: TypeScale) -> bool:
    """Whether ``label`` stands at the start edge of ``span``, ``head`` centred in it."""
    if not (span[0] - scale.body <= label.x0 and label.x1 <= span[2] + scale.body):
        return False
    in_from_start = span[2] - label.x1 if head.lines[0].rtl else label.x0 - span[0]
    return in_from_start < CORNER * scale.body and centred_in(head.box, span, scale.body)


def _columns_under(head: Block, label: Block, blocks: list[Block], scale: TypeScale) -> list[Box]:
    """The box of the running text starting nearest under a head, across it (how far under asked
    before how far across: the tests are pure, and most of the page's blocks stand elsewhere), and
    the row of the story's columns level with it, side by side with no headline over them but this
    one (or the label, taken for a head of its own by its size): a head centred over the story's
    middle columns. None, or both."""
    foot, overlap, reach = head.bottom, scale.overlap, TEXT_UNDER * scale.pitch
    under = [
        b
        for b in blocks
        if b.role is Role.BODY
        and -overlap < b.top - foot < reach
        and len(b.lines) >= 3
        and x_overlap(head.box, b.box) > 0.5
    ]
    if not under:
        return []
    first = min(under, key=lambda b: b.top)
    heads = [b for b in blocks if b.role is Role.HEADLINE and b is not head and b is not label]
    level = [
        b
        for b in blocks
        if b.role is Role.BODY
        and len(b.lines) >= 3
        and abs(b.top - first.top) < scale.pitch
        and not any(x_overlap(h.box, b.box) > 0.5 and h.bottom <= b.top and b.top - h.bottom < reach for h in heads)
    ]
    return [first.box, union([b.box for b in _side_by_side_with(first, level, scale)])]


def _side_by_side_with(first: Block, level: list[Block], scale: TypeScale) -> list[Block]:
    """``first`` and the blocks of ``level`` chained to it side by side, a gutter apart."""
    row = [first]
    for block in sorted(level, key=lambda b: abs(b.x0 - first.x0)):
        if all(block is not b for b in row) and any(
            0 <= block.x0 - b.x1 < GUTTER * scale.body or 0 <= b.x0 - block.x1 < GUTTER * scale.body for b in row
        ):
            row.append(block)
    return row
