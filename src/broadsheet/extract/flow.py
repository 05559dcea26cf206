"""Stage 6a on scans: text at the head of a column carries on the story that ends the column before.

Old papers pour their stories down one column and on at the top of the next; only a new story
gets a heading. A piece of text at the top of a column with no heading over it is therefore the
continuation of whatever story ends at the foot of the column before it — not a story of its own,
and not the story whose heading happens to stand level with it in the column before (the stage
that joins untitled pieces to a headline beside them would take that one). Born-digital pages
state where their stories go, and keep the general rules.
"""

from __future__ import annotations

from broadsheet.extract.articles import Cluster
from broadsheet.extract.blocks import Block, Role, rule_between
from broadsheet.extract.model import Direction, ItemType
from broadsheet.extract.sentences import mid_sentence
from broadsheet.geometry import Box, x_overlap

# Blocks overlapping this share of a column's width stand in that column.
IN_COLUMN = 0.5
# A block ending at most this many type sizes under another's top is above it (OCR's boxes overlap).
OVERLAP = 0.5
# The column before is at most this many column widths away (its right edge from this one's left).
NEXT_COLUMN = 0.5

_TEXT = (Role.BODY, Role.PULLQUOTE)


def flow_columns(
    clusters: list[Cluster], rank: dict[int, int], direction: Direction, hrules: list[Box]
) -> list[Cluster]:
    """The clusters, with each untitled article that starts at the head of a column joined to the
    article whose text ends the column before it (to its left, or right on a right-to-left page), and
    each one under another story's text in its column, with no rule between them, joined to that story."""
    blocks = [b for c in clusters for b in c.blocks if b.lines]
    owner = {id(b): c for c in clusters for b in c.blocks}
    merged: set[int] = set()
    for cluster in sorted(clusters, key=lambda c: min((rank[id(b)] for b in c.blocks), default=0)):
        if cluster.type is not ItemType.ARTICLE or cluster.headline is not None or not cluster.blocks:
            continue
        first = min(cluster.blocks, key=lambda b: rank[id(b)])
        if first.role not in _TEXT:
            continue
        if _heads_its_column(first, blocks):
            rule = "carries on the story at the foot of the column before (a scan)"
            foot = foot_of_column_before(first, blocks, direction)
        else:
            rule = "carries on the story right above it in its column, no rule between (a scan)"
            foot = _right_above(first, blocks, hrules)
        host = owner.get(id(foot)) if foot is not None else None
        if host is None or host is cluster or host.type is not ItemType.ARTICLE:
            continue
        host.blocks = sorted([*host.blocks, *cluster.blocks], key=lambda b: rank[id(b)])
        for block in cluster.blocks:
            block.item_rule = rule
            owner[id(block)] = host
        merged.add(id(cluster))
    return [c for c in clusters if id(c) not in merged]


def _heads_its_column(block: Block, blocks: list[Block]) -> bool:
    """No text of a story above it in its column: only the page's head (title, furniture) or nothing."""
    return not any(
        b is not block
        and b.role not in (Role.MASTHEAD, Role.FURNITURE, Role.ADVERT)
        and _above(b, block)
        and x_overlap(b.box, block.box) > IN_COLUMN
        for b in blocks
    )


def _right_above(block: Block, blocks: list[Block], hrules: list[Box]) -> Block | None:
    """The text right above this block in its column, unless a rule parts them (old papers rule
    off one item from the next) or what is right above is not running text (a heading, a picture)."""
    above = [b for b in blocks if b is not block and _above(b, block) and x_overlap(b.box, block.box) > IN_COLUMN]
    if not above:
        return None
    nearest = max(above, key=lambda b: b.bottom)
    if nearest.role not in _TEXT or rule_between(nearest.box, block.box, hrules):
        return None
    return nearest if mid_sentence(nearest, block) else None


def _above(upper: Block, lower: Block) -> bool:
    """Whether ``upper`` ends above ``lower``'s top, or at most OVERLAP of ``lower``'s type size
    under it: OCR's boxes of a column's consecutive blocks overlap by a few pixels."""
    return upper.top < lower.top and upper.bottom <= lower.top + OVERLAP * lower.lines[0].size


def foot_of_column_before(block: Block, blocks: list[Block], direction: Direction) -> Block | None:
    """The lowest running text of the nearest column before this block's, in reading direction."""
    return max(column_before(block, blocks, direction), key=lambda b: b.bottom, default=None)


def column_before(block: Block, blocks: list[Block], direction: Direction) -> list[Block]:
    """The running text of the nearest column before this block's, in reading direction."""
    width = block.width
    if direction == "rtl":
        before = [b for b in blocks if b.x0 >= block.x1 - 0.1 * width and b.x0 - block.x1 < NEXT_COLUMN * width]
    else:
        before = [b for b in blocks if b.x1 <= block.x0 + 0.1 * width and block.x0 - b.x1 < NEXT_COLUMN * width]
    before = [b for b in before if b.role in _TEXT and len(b.lines) >= 2]
    if not before:
        return []
    nearest = max(before, key=lambda b: b.x1) if direction != "rtl" else min(before, key=lambda b: b.x0)
    return [b for b in blocks if b.role in _TEXT and x_overlap(b.box, nearest.box) > IN_COLUMN]
