"""Stage 5, part: run-in headings — a brief's head, or a label inside a story.

A paragraph opening with a bold run-in heading ("**Bridge tolls.** The council…") is a brief, and
its heading is the brief's headline; the same in a story's running text ("**Methods:** We asked…")
is a label, and the paragraph stays the story's text.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import pairwise

from broadsheet.extract.blocks import BIGGER_THAN_BODY, Block, Role, TypeScale, rule_between, text_frames
from broadsheet.extract.dashheads import mark_dashed_heads
from broadsheet.extract.decorations import FIRST_BRIEF_RULE
from broadsheet.extract.names import BYLINE, is_name, right_under, signed_right_under
from broadsheet.extract.running_text import (
    CROSSHEAD_COVER,
    Surroundings,
    a_row_ends_over,
    inside_running_text,
    nearest_head_over,
    quotation_over,
    run_in_paragraphs,
    running_text_above,
    same_head_style,
    set_as_a_pull_quote,
    under_a_storys_headline,
)
from broadsheet.extract.sections import TITLE_SIZE
from broadsheet.extract.sentences import breaks_off
from broadsheet.extract.story_columns import beside_a_storys_head, beside_a_storys_picture, level_with_a_storys_column
from broadsheet.geometry import Box, covered_share, union, x_overlap

# A brief runs at most this many line pitches under its small head (or this many characters: in a
# narrow column a brief runs longer), one set under this many body sizes (a brief's head is a size or
# two over the body; a story's display head is bigger).
BRIEF_LENGTH = 15.0
BRIEF_CHARS = 600
BRIEF_HEAD = 1.3
# A brief's head stands over its one column: a head this many times wider than the paragraph's
# column spans the columns of a story, whose run-in paragraphs are labels ("Why it matters.").
BRIEF_HEAD_SPAN = 1.5
# ...and a run-in paragraph further down is the next brief when this many line pitches of white stand
# between it and the text above it (a blank line: a story's paragraphs run on).
SET_APART = 0.6
# ...and this many times the white between the paragraphs over it, down from the head: a story's
# next paragraph is spaced as the ones before it.
RUN_ON_WHITE = 1.3
# Running text stopping mid-sentence this many line pitches over a run-in paragraph in its column (a
# blank line at least, at most) ends a column of a story that runs on elsewhere: the paragraph set
# apart under it is no label of it.
CUT_GAP = (1.0, 4.0)
# A regular block of at most DECK_LINES lines, DECK_SIZE body sizes or bigger, right under a small
# head is its deck: the head heads a story, not a brief.
DECK_SIZE = 1.2
DECK_LINES = 4
# Heads this close in size (a share of it) are set alike.
SAME_SIZE = 0.05


def mark_run_in_heads(
    blocks: list[Block],
    scale: TypeScale,
    hrules: list[Box],
    pictures: Sequence[Box] = (),
    scanned: bool = False,
    frames: Sequence[Box] = (),
) -> None:
    """A brief's run-in heading is its headline, claiming the width of the paragraph it runs into.

    A run-in label inside a story ("**Methods:** We asked…") looks the same; what gives it away is
    the story's running text right above it in the column (a brief follows a section heading, a
    rule or another brief). A label goes back into its paragraph, which stays running text. A
    scan's run-in heads closed by a dash are judged by :func:`broadsheet.extract.dashheads.mark_dashed_heads`.
    """
    texts = [b for b in blocks if b.lines[0].run_in_part == "text"]
    if scanned:
        mark_dashed_heads(blocks, scale)
    mark_brief_heads_of_their_own(blocks, scale, hrules)
    opener = run_in_paragraphs(blocks, scale)
    boxes = text_frames(blocks, frames)
    labelled: set[int] = set()
    for block in sorted((b for b in blocks if b.lines[0].run_in_part == "head"), key=lambda b: b.top):
        if block.lines[0].dashed:
            continue  # decided above
        last = block.lines[-1]  # a heading may wrap: its paragraph runs on from its last line
        text = next((t for t in texts if abs(t.top - last.top) < 1 and _runs_on_from(block, t)), None)
        briefs = {k for k, first in opener.items() if first not in labelled}
        box = union([block.box, text.box]) if text is not None else block.box
        page = Surroundings(blocks, briefs, scale, hrules, pictures, boxes)
        # under a column cut mid-sentence the story over it runs on elsewhere: only a label's colon tells
        cut = text is not None and not scanned and _under_a_column_cut(box, [block, text], page, set(opener))
        if text is not None and (a_label(block) if cut else labels_a_story(box, [block, text], page)):
            rejoin(text, block, blocks)
            labelled.add(id(text))
            continue
        block.set_role(Role.HEADLINE, "headline: a brief's bold run-in heading")
        if text is not None:
            block.reach = union([block.box, (text.x0, block.top, text.x1, block.bottom)])


def mark_brief_heads_of_their_own(blocks: list[Block], scale: TypeScale, hrules: list[Box]) -> None:
    """A column of briefs may have heads too long to run in: a bold line of their own, then the
    paragraph, among briefs whose heads run in, all set in one size. A series of such heads heads
    briefs: the first opening its column's content, right under the column's title or a rule (a
    crosshead stands in a story's running text; a story's headline is bigger than a column's title,
    and a byline in capitals or with its place is a name), each within a brief's length of the one
    before, down to a run-in head."""
    run_in = [b for b in blocks if b.lines[0].run_in_part == "head"]
    if not run_in:
        return
    own_line = [
        b for b in blocks if _a_bold_line_of_running_text(b) and not BYLINE.match(b.text) and not _marked_name(b, scale)
    ]
    for block in sorted(own_line, key=lambda b: b.top):
        if block.role_rule == FIRST_BRIEF_RULE:
            continue
        above = _nearest_above(block, blocks)
        if not (above is None or _a_title(above, block, scale) or rule_between(above.box, block.box, hrules)):
            continue
        series = _series_down_to_a_run_in_head(block, own_line, run_in, blocks, scale, hrules)
        if not all(_over_its_paragraph(head, blocks) for head in series):
            continue  # a kicker over a headline, a label over a table
        for head in series:
            head.set_role(Role.HEADLINE, FIRST_BRIEF_RULE)


def _a_bold_line_of_running_text(block: Block) -> bool:
    return block.role is Role.BODY and len(block.lines) == 1 and block.bold >= 0.9 and not block.lines[0].run_in_part


def _series_down_to_a_run_in_head(
    first: Block, own_line: list[Block], run_in: list[Block], blocks: list[Block], scale: TypeScale, hrules: list[Box]
) -> list[Block]:
    """``first`` and the heads of their own under it in its column, each within a brief's length
    (BRIEF_LENGTH line pitches or BRIEF_CHARS characters) of the one before and in its size, down to
    a run-in head (however far, if set in the last one's font and size); none if no run-in head ends it."""
    series = [first]
    while True:
        last = series[-1]
        # the next head, of its own or run in, in its size; or, under a head of its own set over the
        # text's size, a run-in head in the text's (a writer's name, smaller than the text, heads nothing)
        heads = [b for b in own_line + run_in if abs(b.size - first.size) <= SAME_SIZE * first.size]
        if scale.ratio(first.size) >= 1:
            heads += [b for b in run_in if b.size < first.size and scale.ratio(b.size) >= 1 - SAME_SIZE]
        below = [b for b in heads if b.top > last.bottom and x_overlap(b.box, first.box) > 0.5]
        nearest = min(below, key=lambda b: b.top, default=None)
        if nearest is None:
            return []
        if nearest.lines[0].run_in_part == "head" and _a_sibling(nearest, last, hrules):
            return series  # a long brief: the run-in head in the style of its own is the next one
        if (
            nearest.top - last.bottom > BRIEF_LENGTH * scale.pitch
            and _chars_between(last, nearest, blocks) > BRIEF_CHARS
        ):
            return []
        if nearest.lines[0].run_in_part == "head":
            return series
        series.append(nearest)


def _chars_between(upper: Block, lower: Block, blocks: list[Block]) -> int:
    """The characters of the text between two heads in their column."""
    return sum(
        b.chars
        for b in blocks
        if upper.bottom - 1 < b.top and b.bottom < lower.top + 1 and x_overlap(b.box, upper.box) > 0.5
    )


def _a_sibling(run_in: Block, head: Block, hrules: list[Box]) -> bool:
    """Whether a run-in head is set in the font and size of a brief's ``head`` on a line of its own
    above it, with no rule between: the next brief in the column however long the one before, as a
    story's labels are set in its text's font, not its heads'."""
    return same_head_style(head, run_in) and not rule_between(head.box, run_in.box, hrules)


def _a_title(above: Block, block: Block, scale: TypeScale) -> bool:
    """A line or two in bold, no smaller than the line under it and no bigger than a brief's head: a
    column's title ("IN BRIEF"), not a story's headline (with its byline under it); or one line in
    capitals, bigger, but less than TITLE_SIZE times the line under it (a section's title in a band,
    "NOTAS"; a story's headline stands further over a deck in the body's size)."""
    small = above.size < BRIEF_HEAD * scale.body
    capitals = len(above.lines) == 1 and above.lines[0].in_capitals and above.size < TITLE_SIZE * block.size
    return above.bold >= 0.9 and len(above.lines) <= 2 and block.size <= above.size and (small or capitals)


def _over_its_paragraph(head: Block, blocks: list[Block]) -> bool:
    """Whether running text in regular type stands right under ``head`` in its column: starting under
    the middle of its last line, as the boxes of tightly leaded lines overlap."""
    last = head.lines[-1]
    under = [
        b
        for b in blocks
        if b is not head and b.top >= (last.top + last.bottom) / 2 and x_overlap(b.box, head.box) > 0.5
    ]
    nearest = min(under, key=lambda b: b.top, default=None)
    return nearest is not None and nearest.role is Role.BODY and nearest.bold < 0.5


def _nearest_above(block: Block, blocks: list[Block]) -> Block | None:
    """The block right over ``block`` in its column."""
    over = [b for b in blocks if b is not block and b.bottom <= block.top + 1 and x_overlap(b.box, block.box) > 0.5]
    return max(over, key=lambda b: b.bottom, default=None)


def _under_a_column_cut(box: Box, mine: list[Block], page: Surroundings, run_in: set[int]) -> bool:
    """Whether the nearest thing over a run-in paragraph in its column, a blank line or more over it
    (CUT_GAP line pitches at most) with no picture between, is running text that stops mid-sentence
    (the column filled, the story running on in the next one): the paragraph, set apart under it,
    opens the next brief, not a label of that story. Text of a paragraph opening with a run-in head
    itself (one of ``run_in``, by ``id``) is left to the rules for such siblings."""
    blocks = page.blocks
    over = [b for b in blocks if b.lines and b not in mine and b.bottom <= box[1] + 1 and x_overlap(b.box, box) > 0.5]
    nearest = max(over, key=lambda b: b.bottom, default=None)
    if nearest is None or not CUT_GAP[0] * page.scale.pitch <= box[1] - nearest.bottom <= CUT_GAP[1] * page.scale.pitch:
        return False
    if any(p[3] > nearest.bottom and p[3] <= box[1] + 1 and x_overlap(p, box) > 0.5 for p in page.pictures):
        return False
    plain = nearest.role is Role.BODY and id(nearest) not in run_in
    return plain and len(nearest.lines) >= 2 and breaks_off(nearest) and not _a_pull_quote_over(box, page)


def _a_pull_quote_over(box: Box, page: Surroundings) -> bool:
    """Whether a pull quote (not yet told from running text) stands right over ``box`` in its
    column: a quotation cut off mid-sentence is the story's, which runs on under it."""
    quote = quotation_over(box, page.blocks, page.scale, CUT_GAP[1])
    return bool(quote) and set_as_a_pull_quote(quote[0], page.scale)


def _runs_on_from(head: Block, text: Block) -> bool:
    """Whether ``text`` stands where the paragraph runs on from a run-in ``head`` level with it: on
    its right, or on its left in a right-to-left line."""
    if head.lines[0].rtl:
        return text.lines[0].x1 <= head.x1
    return text.lines[0].x0 >= head.x0


def labels_a_story(box: Box, mine: list[Block], page: Surroundings) -> bool:
    """Whether a run-in paragraph (``mine``: its heading and text, at ``box``) is labelled text of a
    story, not a brief: its heading ends in a colon (unless it follows a run-in brief), or, not a
    few lines under a brief's small head (one with no byline under it), it stands in a story's running
    text or right under its headline."""
    brief = brief_head_over(box, page, mine[0])
    if brief is not None and (signed_right_under(brief, page.blocks, page.scale) or _over_a_deck(brief, page)):
        # a small head with a byline or a deck under it heads a story, whose run-in paragraphs are labels
        return a_label(mine[0]) or inside_running_text(box, mine, page)
    if brief is not None:  # a label under a side story's small head; a run-in brief after a run-in brief
        return a_label(mine[0]) and brief.lines[0].run_in_part != "head"
    if _under_a_rows_end(box, mine, page):
        return a_label(mine[0])  # the stories over it ended level: it opens the next row's brief
    return (
        a_label(mine[0])
        or inside_running_text(box, mine, page)
        or under_a_storys_headline(box, page)
        or level_with_a_storys_column(box, mine, page)
        or beside_a_storys_head(box, mine, page)
        or beside_a_storys_picture(box, mine, page)
    )


def _under_a_rows_end(box: Box, mine: list[Block], page: Surroundings) -> bool:
    """Whether the running text over a run-in paragraph in its column, a blank line or more over it
    (CUT_GAP line pitches at most), ends level with the next column's text where a headline starts
    beside the paragraph (:func:`broadsheet.extract.running_text.a_row_ends_over`): a row of stories
    ended there (the story over both: another story's column ending beside it by chance says
    nothing), and the paragraph opens the next row's brief, not a label of the story above."""
    above = running_text_above(box, mine, page, CUT_GAP[1])
    if above is None or box[1] - above.bottom < CUT_GAP[0] * page.scale.pitch:
        return False
    story = nearest_head_over(above.box, [b for b in page.blocks if not b.lines[0].run_in_part])
    return story is not None and a_row_ends_over(above, box, page.blocks, page.scale, story)


def _over_a_deck(head: Block, page: Surroundings) -> bool:
    """Whether a deck stands right under a small head: a line or few in regular type set DECK_SIZE
    body sizes or bigger (a brief's text under its head is set in the body's size)."""
    scale = page.scale

    def a_deck(b: Block) -> bool:
        return b.bold < 0.5 and len(b.lines) <= DECK_LINES and scale.ratio(b.size) >= DECK_SIZE

    return right_under(head, page.blocks, scale, a_deck)


def a_label(head: Block) -> bool:
    """A run-in heading ending in a colon ("**Methods:**") labels a part of its story wherever it
    stands (at a column's top too); a brief's heading mostly ends in a full stop."""
    line = head.lines[-1]
    return line.whole is not None and line.whole.words[len(line.words) - 1].text.endswith(":")


def brief_head_over(box: Box, page: Surroundings, run_in: Block) -> Block | None:
    """The nearest headline over a run-in paragraph (its heading ``run_in``), if it is a brief's small
    head a few lines up over its one column, or a brief's run-in heading in the style of ``run_in``
    however far up (a long brief, set apart by little white), with no rule or picture between: the
    paragraph is the next brief in the column, not a labelled section of a story. A short bold block a
    little bigger than the body counts: run-in heads are found before such heads are marked."""
    blocks, briefs, scale, hrules = page.blocks, page.briefs, page.scale, page.hrules
    # a "By …" line set like a small head is a byline (told later, by its words), heading no brief
    heads = [
        b
        for b in blocks
        if (b.role is Role.HEADLINE and not BYLINE.match(b.text))
        or a_small_bold_head(b, blocks, scale)
        or _a_head_filling_its_line(b, blocks, briefs)
    ]
    # a brief's head may be a word or two: over the column, not across it; a story's headline over
    # its columns may cover its last one in part only, and is nearer than any small head above it
    over = [
        h
        for h in heads
        if h.bottom <= box[1] + 1 and (x_overlap(h.box, box) > 0.5 or covered_share(box, h.box) >= CROSSHEAD_COVER)
    ]
    nearest = max(over, key=lambda h: h.bottom, default=None)
    if nearest is None:
        return None
    # a head set at BRIEF_HEAD body sizes measures a hair either side of it: counted to two places
    small = round(scale.ratio(nearest.size), 2) <= BRIEF_HEAD
    # a brief's head too long to run in: the first's, or one filling its line under a run-in brief
    own_line = nearest.role_rule == FIRST_BRIEF_RULE or _a_head_filling_its_line(nearest, blocks, briefs)
    sibling = (nearest.lines[0].run_in_part == "head" or own_line) and same_head_style(nearest, run_in)
    near = _set_apart(box, nearest, blocks, scale) or sibling
    near = near and not rule_between(nearest.box, box, hrules) and not _picture_between(nearest.box, box, page)
    one_column = nearest.width < BRIEF_HEAD_SPAN * column_width(box, nearest, blocks)
    return nearest if small and near and one_column else None


def _picture_between(upper: Box, lower: Box, page: Surroundings) -> bool:
    """Whether a picture stands in ``lower``'s column between the two boxes."""
    return any(upper[3] - 1 <= p[1] and p[3] <= lower[1] + 1 and x_overlap(p, lower) > 0.5 for p in page.pictures)


def _a_head_filling_its_line(block: Block, blocks: list[Block], briefs: set[int]) -> bool:
    """A bold line of its own in the body's size right under a run-in brief's paragraph (one of
    ``briefs``) and right over its own paragraph in regular type: the next brief, its run-in head too
    long to leave room on its line for its paragraph's first words (a crosshead follows a story's
    text, a byline's place its headline)."""
    if not _a_bold_line_of_running_text(block) or BYLINE.match(block.text):
        return False
    above = _nearest_above(block, blocks)
    return above is not None and id(above) in briefs and _over_its_paragraph(block, blocks)


def _set_apart(box: Box, head: Block, blocks: list[Block], scale: TypeScale) -> bool:
    """Whether a run-in paragraph stands a blank line or more under the text above it in its column
    (under ``head``), and further than that text's paragraphs stand apart (RUN_ON_WHITE): briefs are
    set apart so, however long the brief above; a story's labelled paragraphs run on with the
    paragraphs before them, spaced as they are."""
    above = sorted(
        (b for b in blocks if b.lines and head.bottom - 1 < b.bottom <= box[1] + 1 and x_overlap(b.box, box) > 0.5),
        key=lambda b: b.top,
    )
    if not above:
        return False
    white = box[1] - max(b.bottom for b in above)
    # the running text's lines (not a bold head of its own over them): a paragraph's gap the widest
    lines = sorted((ln for b in above if b.role is Role.BODY and b.bold < 0.5 for ln in b.lines), key=lambda ln: ln.top)
    spacing = [lower.top - upper.bottom for upper, lower in pairwise(lines)]
    return white > SET_APART * scale.pitch and white > RUN_ON_WHITE * max(spacing, default=0.0)


def column_width(box: Box, head: Block, blocks: list[Block]) -> float:
    """The width of the column a run-in paragraph (``box``) stands in: its own, or that of the text
    between it and the head over it (a heading's line may hold a word or two of its paragraph)."""
    between = [
        b.width
        for b in blocks
        if b.role is Role.BODY and x_overlap(b.box, box) > 0.5 and b.top >= head.bottom - 1 and b.bottom <= box[1] + 1
    ]
    return max([box[2] - box[0], *between])


def a_small_bold_head(block: Block, blocks: list[Block], scale: TypeScale) -> bool:
    """A short bold block set a little bigger than the body (a crosshead in the body's size is not),
    not a byline: no "By …", no name marked as a writer's, and no headline right over it."""
    short = len(block.lines) <= 4 and block.chars <= 160
    bigger = block.bold >= 0.9 and scale.ratio(block.size) >= BIGGER_THAN_BODY
    if block.role is not Role.BODY or not short or not bigger or BYLINE.match(block.text) or _marked_name(block, scale):
        return False
    return not any(
        h.role is Role.HEADLINE
        and x_overlap(h.box, block.box) > 0.5
        and -scale.overlap < block.top - h.bottom < 2 * scale.pitch
        for h in blocks
    )


def _marked_name(block: Block, scale: TypeScale) -> bool:
    """A name in capitals or with the place its writer writes from ("Anna Wagner, Rosenfeld"): a byline,
    no brief's head (:func:`broadsheet.extract.names.is_name`)."""
    return (block.lines[0].in_capitals or "," in block.text) and is_name(block, scale)


def rejoin(text: Block, head: Block, blocks: list[Block]) -> None:
    """Put a run-in label back at the start of its paragraph's first line, and a wrapped label's lines
    over it back over it; the label's block goes."""
    text.rejoin_run_in([line.whole or line for line in head.lines[:-1]])
    text.role_rule = "body: a paragraph opening with a bold run-in label, inside a story"
    blocks.remove(head)
