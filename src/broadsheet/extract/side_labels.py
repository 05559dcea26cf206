"""Stage 5, part: a short label set beside the start of a headline, level with it.

A rubric's name in a tab touching the headline's panel is its kicker; a columnist's name in the
headline's own box, its byline. Either belongs to the headline, not to the column under it.
"""

from __future__ import annotations

from broadsheet.extract.blocks import Block, Role
from broadsheet.geometry import Box, area, inside, union, y_overlap

# A label beside its headline, level with it, at most this share of the headline's size, in a panel
# of its own touching the headline's (a rubric's tab), is the headline's kicker.
SIDE_LABEL_SIZE = 0.7
SIDE_LABEL_CHARS = 40
# Panels this many points apart or less touch.
PANELS_TOUCH = 2.0


def mark_side_labels(blocks: list[Block], frames: list[Box]) -> None:
    """A short line or two set beside the start of a headline (left of it, or right in right-to-left
    type), level with it, belongs to the headline, not to the column under it: a rubric's label in a
    tab touching the headline's panel is its kicker; a name in the headline's own box (a boxed
    column: no other head in it), with nothing between them, its byline. The story runs under both."""
    heads = [b for b in blocks if b.role is Role.HEADLINE]
    for label in heads:
        if len(label.lines) > 2 or label.chars > SIDE_LABEL_CHARS:
            continue
        for head in heads:
            if head is label or head.role is not Role.HEADLINE or label.size > SIDE_LABEL_SIZE * head.size:
                continue
            if y_overlap(label.box, head.box) < 0.5 or not _at_start_of(label, head):
                continue
            tab, panel = _panel(label.box, frames), _panel(head.box, frames)
            if tab is None or panel is None:
                continue
            if tab != panel and _touching(tab, panel, head.lines[0].rtl):
                label.set_role(Role.KICKER, "kicker: a label in a tab beside the start of its headline")
            elif tab == panel and not _between(label, head, blocks) and _heads_in(panel, heads) == 2:
                label.set_role(Role.BYLINE, "byline: a name beside the start of its headline, in its box")
            else:
                continue
            head.reach = union([head.reach or head.box, label.box])
            break


def _at_start_of(label: Block, head: Block) -> bool:
    """Whether the label stands before the headline in its reading direction."""
    return label.x0 >= head.x1 if head.lines[0].rtl else label.x1 <= head.x0


def _touching(tab: Box, panel: Box, rtl: bool) -> bool:
    """Whether a tab and a panel, level, make one band, the tab at the panel's start."""
    edge = abs(tab[0] - panel[2]) if rtl else abs(panel[0] - tab[2])
    return y_overlap(tab, panel) >= 0.8 and edge <= PANELS_TOUCH


def _heads_in(panel: Box, heads: list[Block]) -> int:
    """How many headlines stand in a panel."""
    return sum(1 for h in heads if inside(h.box, panel))


def _between(label: Block, head: Block, blocks: list[Block]) -> bool:
    """Whether text stands between a label and the headline level with it."""
    gap = (head.x1, label.x0) if label.x0 >= head.x1 else (label.x1, head.x0)
    return any(
        b is not label
        and b is not head
        and b.lines
        and gap[0] <= b.x0
        and b.x1 <= gap[1]
        and y_overlap(b.box, label.box) > 0
        for b in blocks
    )


def _panel(box: Box, frames: list[Box]) -> Box | None:
    """The smallest frame round a box."""
    around = [f for f in frames if inside(box, f)]
    return min(around, key=area, default=None)
