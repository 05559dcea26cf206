"""Stage 5, part: a story's next columns — whether a run-in paragraph at a column's top is in them.

A story's headline may stand over only some of its columns: over its first (the rest beside it,
white over them), over a picture whose columns run on beside and under it, or over most of its
columns but the last. A run-in paragraph at the top of such a column is the story's labelled text
("**Why it matters.** …"), not a brief: its column stands level with the story's text, under its
headline or its picture, white over it up to the headline's top.
"""

from __future__ import annotations

from broadsheet.extract.blocks import Block, Role, TypeScale, rule_between
from broadsheet.extract.running_text import (
    OVERHANG,
    Surroundings,
    nearest_head_over,
    next_column_over,
    opens_running_text,
    parted,
    past_its_caption,
    type_top,
)
from broadsheet.geometry import Box, covered_share, inside, x_overlap


def level_with_a_storys_column(box: Box, mine: list[Block], page: Surroundings) -> bool:
    """Whether a run-in paragraph (``box``) tops a column that a story's headline reaches over in part,
    level with the top of that story's running text in a column the headline covers: the story's
    last column, under a headline set over most of its columns, whose run-in paragraphs are labels
    (or level with the top of its picture under the headline, its text under the picture).
    Ownership carries the story on into that column; the run-in heads there are not briefs."""
    blocks, scale = page.blocks, page.scale
    heads = [b for b in blocks if not b.lines[0].run_in_part]
    head = nearest_head_over(box, heads, OVERHANG)
    if head is None or parted(head.box, box, page) or not opens_running_text(head, page):
        return False
    own = {id(b) for b in mine}  # by identity: blocks compare by value
    # a picture under the headline, its credit and its caption stand over the story's columns
    pictured = _pictures_with_their_words(page)
    between = any(
        b.lines
        and id(b) not in own
        and x_overlap(b.box, box) > 0.5
        and head.bottom < b.top < box[1]
        and not any(inside(b.box, p) for p in pictured)
        for b in blocks
    )
    level = any(
        b.role is Role.BODY
        and not b.lines[0].run_in_part
        and abs(type_top(b) - box[1]) < scale.pitch
        and covered_share(b.box, head.box) >= 0.5
        for b in blocks
    )
    # or with the top of the story's picture under the headline, the columns under the picture
    beside_its_picture = any(
        abs(p[1] - box[1]) < scale.pitch and p[1] > head.bottom and covered_share(p, head.box) >= 0.5
        for p in page.pictures
    )
    return (level or beside_its_picture) and not between


def _pictures_with_their_words(page: Surroundings) -> list[Box]:
    """The page's pictures, each with its credit (a body size beside it) and down to its caption's foot."""
    body = page.scale.body
    return [(p[0] - body, p[1], p[2] + body, past_its_caption(p, page.blocks, page.scale)) for p in page.pictures]


def beside_a_storys_picture(box: Box, mine: list[Block], page: Surroundings) -> bool:
    """Whether a run-in paragraph (``box``) tops a column in the next column over from a picture
    under a story's headline, level with the picture's top, nothing but white over the column up to
    the headline's top: the story's last column, beside its photo, its headline set over the photo's
    columns only. Ownership carries the story on into that column; the run-in heads there are labels."""
    blocks, scale = page.blocks, page.scale
    own = {id(b) for b in mine}
    heads = [b for b in blocks if b.role is Role.HEADLINE and not b.lines[0].run_in_part]
    for picture in page.pictures:
        if abs(picture[1] - box[1]) >= scale.pitch or not next_column_over(box, picture, scale):
            continue
        over = [h for h in heads if h.bottom <= picture[1] and covered_share(picture, h.box) >= 0.5]
        head = max(over, key=lambda h: h.bottom, default=None)
        if head is None or parted(head.box, picture, page) or not opens_running_text(head, page):
            continue
        white = not any(
            b.lines and id(b) not in own and x_overlap(b.box, box) > 0 and head.top < b.bottom <= box[1] + scale.overlap
            for b in blocks
        )
        if white:
            return True
    return False


def beside_a_storys_head(box: Box, mine: list[Block], page: Surroundings) -> bool:
    """Whether a run-in paragraph (``box``) tops a column level with the top of a story's running
    text in a column further over (its drop cap's top, if it opens with one; the columns between
    level with it too), under that story's headline, with nothing but white over it and the columns
    between beside the headline (or a picture over them, with its credit and caption): the story's
    next column, its headline set over its first column only (or over it and a part of this one's
    neighbour, the story's last column but one)."""
    blocks, scale, hrules = page.blocks, page.scale, page.hrules
    own = {id(b) for b in mine}
    level = [
        b
        for b in blocks
        if b.role is Role.BODY
        and id(b) not in own
        and not b.lines[0].run_in_part
        and abs(type_top(b) - box[1]) < scale.pitch
    ]
    heads = [b for b in blocks if not b.lines[0].run_in_part]
    pictured = _pictures_with_their_words(page)  # the story's picture over the columns, with its words
    for text, between in _columns_level_with(box, level, scale):
        head = nearest_head_over(text.box, heads, OVERHANG)  # the next column over may be its last
        if head is None or rule_between(head.box, text.box, hrules) or rule_between(head.box, box, hrules):
            continue
        pictures = [p for p in pictured if p[3] < text.top and x_overlap(p, text.box) > 0.5]
        white = not any(
            b.lines
            and id(b) not in own
            and any(x_overlap(b.box, column) > 0.5 for column in [box, *between])
            and b.bottom > head.top
            and b.top < box[1]
            and not any(inside(b.box, p) for p in pictures)
            for b in blocks
        )
        if white and not _ruled_off(box, head.top, hrules) and opens_running_text(head, page):
            return True
    return False


def _columns_level_with(box: Box, level: list[Block], scale: TypeScale) -> list[tuple[Block, list[Box]]]:
    """The columns of ``level`` text reached from ``box`` one next column over at a time, each with
    the columns between it and ``box``, nearest first."""
    found: list[tuple[Block, list[Box]]] = []
    reached: set[int] = set()  # by identity: blocks compare by value
    frontier: list[tuple[Box, list[Box]]] = [(box, [])]
    while frontier:
        column, between = frontier.pop(0)
        for b in level:
            if id(b) not in reached and next_column_over(b.box, column, scale):
                reached.add(id(b))
                found.append((b, between))
                frontier.append((b.box, [*between, b.box]))
    return found


def _ruled_off(box: Box, top: float, hrules: list[Box]) -> bool:
    """Whether a rule over ``box`` in its column, below ``top``, sets it off: a cut-off rule between
    briefs, which a story's next column beside its headline has not."""
    return any(top < (r[1] + r[3]) / 2 < box[1] and x_overlap(r, box) > 0.5 for r in hrules)
