"""Stage 5, part: a label in the corner of a box, or atop a column, over a head centred in it.

A boxed story's label ("Analyse"), or a section's over a story ("LOCAL"), stands at the start edge of
the box or of the column of text under the head, the head centred in it: far from the head's words,
and maybe a size over the body, it is still the head's kicker, not a small story's head.
"""

from __future__ import annotations

from broadsheet.extract.blocks import Block, Role, TypeScale
from broadsheet.extract.boxes import a_label_over
from broadsheet.geometry import Box, centred_in, inside, x_overlap

# A label stands in the corner when its start is at most this many body sizes in from the span's.
CORNER = 2.0
# The column a head is centred over starts at most this many line pitches under it (past its byline).
TEXT_UNDER = 4.0


def labels_a_centred_head(label: Block, head: Block, frames: list[Box], blocks: list[Block], scale: TypeScale) -> bool:
    """Whether ``label`` stands at the start edge of the box (or, in none, of the column of text
    under ``head``) that ``head`` is centred in, right over the head: the head's kicker."""
    if not a_label_over(label, head.top):  # told first: most pairs asked about are two columns' heads
        return False
    span = next((f for f in frames if inside(label.box, f) and inside(head.box, f)), None)
    if span is None:
        span = _column_under(head, blocks, scale)
    if span is None or not (span[0] - scale.body <= label.x0 and label.x1 <= span[2] + scale.body):
        return False
    in_from_start = span[2] - label.x1 if head.lines[0].rtl else label.x0 - span[0]
    centred = centred_in(head.box, span, scale.body)
    return in_from_start < CORNER * scale.body and centred


def _column_under(head: Block, blocks: list[Block], scale: TypeScale) -> Box | None:
    """The box of the running text starting nearest under a head, across it (how far under asked
    before how far across: the tests are pure, and most of the page's blocks stand elsewhere)."""
    foot, overlap, reach = head.bottom, scale.overlap, TEXT_UNDER * scale.pitch
    under = [
        b
        for b in blocks
        if b.role is Role.BODY
        and -overlap < b.top - foot < reach
        and len(b.lines) >= 3
        and x_overlap(head.box, b.box) > 0.5
    ]
    return min(under, key=lambda b: b.top).box if under else None
