"""The ruled head of a scanned page: its title block and the strip of contents under it.

Old papers close their title block (name, number, date, imprint) with a rule across the page, and
often set a line or two of contents between that rule and a second one before the columns start.
OCR reads a title in display or black-letter type badly, often as a few small broken words, so the
masthead rule that looks for the biggest type (:mod:`broadsheet.extract.furniture`) misses it;
the rules are what a scan shows for sure. Born-digital pages state their type sizes and keep the
size rule alone.
"""

from __future__ import annotations

from broadsheet.extract.blocks import Block, Role, TypeScale
from broadsheet.geometry import Box

# A rule across the page spans at least this share of its width (pieces at one height joined: a
# scanned rule breaks where the ink was thin)...
ACROSS = 0.6
# ...and a title block's rule lies in this top share of the page.
TITLE_ZONE = 0.35
# Rule pieces this many line pitches apart or less, at the same height, are one rule.
PIECE_GAP = 3.0
# Above the title's rule, no block has more lines than this: running text there means the rule is
# a story's, not the title block's.
TITLE_LINES = 3
# A contents strip lies between the title's rule and the next rule across the page, at most this
# many line pitches under it.
STRIP_HEIGHT = 8.0
# ...and is set in the body's size: lines mostly this many body sizes big there are a banner headline.
STRIP_SIZE = 1.3


def title_block_rule(
    blocks: list[Block], scale: TypeScale, hrules: list[Box], width: float, height: float
) -> Box | None:
    """The first rule across the top of a scanned page, when what stands above it is a few short
    lines (a title block: name, number, date), not running text; None when there is no such rule."""
    texts = [b for b in blocks if b.lines]
    text_top = min((b.top for b in texts), default=height)
    rules = [r for r in rules_across(hrules, width, scale) if r[1] > text_top]  # not a border over all text
    if not rules or rules[0][1] > TITLE_ZONE * height:
        return None
    above = [b for b in texts if _middle(b) < rules[0][1]]  # OCR may read a line's box over the rule
    if not above or any(len(b.lines) > TITLE_LINES for b in above):
        return None
    return rules[0]


def mark_ruled_head(blocks: list[Block], scale: TypeScale, hrules: list[Box], width: float, height: float) -> None:
    """On a scan: the text above the first rule across the top of the page is the title block
    (masthead), unless running text stands there; a strip of a few lines between that rule and the
    next one across the page is furniture (the issue's contents)."""
    texts = [b for b in blocks if b.lines]
    title_rule = title_block_rule(blocks, scale, hrules, width, height)
    if title_rule is None:
        return
    above = [b for b in texts if _middle(b) < title_rule[1]]
    if any(b.role is Role.MASTHEAD for b in texts) and not any(b.role is Role.MASTHEAD for b in above):
        return  # a title found by its type elsewhere: this rule is not under it
    for block in above:
        if block.role not in (Role.MASTHEAD, Role.FURNITURE):
            block.set_role(Role.MASTHEAD, "masthead: above the first rule across the top of a scanned page")
    below = [r for r in rules_across(hrules, width, scale) if 0 < r[1] - title_rule[3] <= STRIP_HEIGHT * scale.pitch]
    if not below:
        return
    strip = [b for b in texts if title_rule[1] < _middle(b) < below[0][1]]
    sizes = sorted(line.size for b in strip for line in b.lines)
    if sizes and scale.ratio(sizes[len(sizes) // 2]) >= STRIP_SIZE:
        return  # a banner headline between rules, not lines of contents (OCR misjudges a line or two)
    for block in strip:
        block.set_role(Role.FURNITURE, "furniture: a strip between rules across a scanned page's head")


def rules_across(hrules: list[Box], width: float, scale: TypeScale) -> list[Box]:
    """Horizontal rules spanning at least ACROSS of the page's width, pieces at one height joined,
    from the top down."""
    joined: list[Box] = []
    for rule in sorted(hrules, key=lambda r: (r[1], r[0])):
        for k, other in enumerate(joined):
            same_height = abs((rule[1] + rule[3]) / 2 - (other[1] + other[3]) / 2) < 0.5 * scale.pitch
            if (
                same_height
                and rule[0] - other[2] < PIECE_GAP * scale.pitch
                and other[0] - rule[2] < PIECE_GAP * scale.pitch
            ):
                joined[k] = (
                    min(rule[0], other[0]),
                    min(rule[1], other[1]),
                    max(rule[2], other[2]),
                    max(rule[3], other[3]),
                )
                break
        else:
            joined.append(rule)
    return sorted((r for r in joined if r[2] - r[0] >= ACROSS * width), key=lambda r: r[1])


def _middle(block: Block) -> float:
    return (block.top + block.bottom) / 2
