"""Stage 5: what each block is — headline, kicker, deck, byline, body, caption, furniture.

Judged from the block's size relative to the page's body text, its weight, its position next to
headlines and images, and a few text patterns (bylines, jumps). Geometry first; text patterns only
confirm what the geometry suggests.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from broadsheet.extract.blocks import DISPLAY_TYPE, Block, Role, TypeScale, rule_between, size_role
from broadsheet.extract.dashheads import mark_dashed_heads
from broadsheet.extract.decorations import NAME, is_name, mark_decorations
from broadsheet.extract.jumps import find_jump
from broadsheet.extract.noise import unmark_unreadable_heads
from broadsheet.extract.profile import Profile, apply_profile
from broadsheet.extract.reach import widen_over_picture
from broadsheet.extract.sections import mark_section_titles, same_style
from broadsheet.geometry import Box, centred_in, covered_share, union, x_overlap

BYLINE = re.compile(r"^(?:by|von|di|por|par|door|de|av|af|par|texto de|text:|reporting by)\s+\S", re.IGNORECASE)
_PAGE_NUMBER = re.compile(r"^(?:page\s*|p\.\s*|seite\s*|página\s*|pagina\s*)?\d{1,3}$", re.IGNORECASE)
_QUOTE_START = ("“", '"', "«", "„", "‘", "'")
# A line or two this many times the size of the running text right under it (within this many
# of its sizes) is its headline.
LOCAL_HEAD_SIZE = 1.2
LOCAL_HEAD_GAP = 2.0
# A caption is at most this many times as wide as its picture (plus a little).
CAPTION_WIDTH = 1.5
# A run-in paragraph this many line pitches or less under a story's running text is labelled text.
LABEL_GAP = 2.0
# Running text that starts within this many line pitches under a headline (past a deck) is its story's.
RUNNING_TEXT_GAP = 8.0
# A short bold block at least this many body sizes big (in the body's size, over regular type) may
# be a brief's or a side story's headline.
BOLD_HEAD_LEAST = 0.98
# Type at least this many body sizes is a little bigger than the body, not the body's size measured.
BIGGER_THAN_BODY = 1.03
# ...or, for a head at least HEAD_WIDTH body sizes wide, this many (a letters page's topic heads in a
# heavy face a little under the body's size; a bold word on a line of its own is a dateline or a label).
SMALL_BOLD_HEAD_LEAST = 0.95
HEAD_WIDTH = 6.0
# A bold name in the body's size this many body sizes or less beside the foot of a headline is its
# byline set flush right, not a headline of its own.
NEAR_HEAD = 10.0
# A display headline over at least this share of a column's width is over a crosshead in it: a
# headline centred over a story's columns covers only part of its first and last ones.
CROSSHEAD_COVER = 0.3
# A brief runs at most this many line pitches under its small head, one set under this many body
# sizes (a brief's head is a size or two over the body; a story's display head is bigger).
BRIEF_LENGTH = 15.0
BRIEF_HEAD = 1.3
# A line this short (in characters) may hang under a head on the way to its text: a byline, a caption.
SCRAP_CHARS = 80
# A kicker or deck stacked on a headline is at most this many of its own sizes from it.
STACK_GAP = 2.5
# A head set under this share of the size of the text right under it is no head of that text...
SMALLER_THAN_TEXT = 0.95
# ...when it is set under this many body sizes (bigger is display type, a headline whatever is under it).
LEAD_IN_MOST = 1.4
# A centred line ending in one of these runs on into the text under it: a sentence, not a heading.
RUNS_ON = (",", ";")


@dataclass(slots=True)
class PageLayout:
    """The non-text geometry roles depend on."""

    width: float
    height: float
    images: list[Box] = field(default_factory=list)
    frames: list[Box] = field(default_factory=list)
    hrules: list[Box] = field(default_factory=list)
    scanned: bool = False  # read by OCR off a scan
    profile: Profile | None = None  # what the publication's type styles and places mean
    page_size: tuple[float, float] = (0.0, 0.0)  # of the whole PDF page (a spread's half is narrower)


def assign_roles(blocks: list[Block], scale: TypeScale, layout: PageLayout) -> None:
    """Set ``block.role`` for every block, in place."""
    upright = [b.box for b in blocks if not b.lines[0].sideways]
    for block in blocks:
        if block.lines[0].sideways and _outside_the_text(block.box, upright):
            block.set_role(Role.FURNITURE, "furniture: text set sideways in the page's margin")
        elif block.lines[0].sideways:
            block.set_role(Role.CAPTION, "credit: text set sideways")
        else:
            block.set_role(*size_role(block, scale))
    _unmark_smaller_than_their_text(blocks, scale)
    if layout.profile is not None:
        apply_profile(blocks, layout.profile, scale, layout.page_size)
    _mark_run_in_heads(blocks, scale, layout.hrules, layout.scanned)
    _mark_bold_heads(blocks, scale, layout.hrules, layout.images)
    if not layout.scanned:  # OCR's sizes, measured off the pixels, are too rough for this
        _mark_local_heads(blocks, scale)
    _stack_headlines(blocks, layout.hrules)
    _mark_centred_heads(blocks, scale, layout.scanned)
    _mark_pull_quotes(blocks, scale)
    if layout.scanned:
        unmark_unreadable_heads(blocks)
    for block in blocks:
        if block.role is Role.HEADLINE and _signed(block, scale):
            block.set_role(Role.BYLINE, "byline: 'By' and a name, set like a small head")
    headlines = [b for b in blocks if b.role is Role.HEADLINE]
    _split_jump_lines(blocks)
    for block in blocks:
        if block.role is Role.HEADLINE:
            continue
        if find_jump(block.text) and len(block.lines) <= 2:
            block.set_role(Role.JUMP, "jump: a short line naming another page")
        elif _is_byline(block, scale):
            block.set_role(Role.BYLINE, "byline: 'By …' in a short block")
        elif _is_caption(block, scale, layout.images):
            block.set_role(Role.CAPTION, "caption: right under or over an image")
    for head in headlines:
        mark_decorations(head, blocks, scale)
        widen_over_picture(head, blocks, layout.images, scale)
    mark_section_titles(blocks, scale, layout.hrules)


def _unmark_smaller_than_their_text(blocks: list[Block], scale: TypeScale) -> None:
    """A short bold block a little over the page's body size, set smaller than the running text
    right under it, is that text's lead-in (its first words in bold), not its headline: a head is
    never smaller than the text it heads."""
    for block in blocks:
        if block.role is not Role.HEADLINE or not block.bold or scale.ratio(block.size) >= LEAD_IN_MOST:
            continue
        under = [
            b
            for b in blocks
            if b.role is Role.BODY
            and len(b.lines) >= 3
            and x_overlap(b.box, block.box) > 0.5
            and -1 < b.top - block.bottom < 2 * scale.pitch
        ]
        if under and block.size < SMALLER_THAN_TEXT * min(under, key=lambda b: b.top).size:
            block.set_role(Role.BODY, "body: a bold lead-in, smaller than the text under it")


def _split_jump_lines(blocks: list[Block]) -> None:
    """A jump line set as the first or last line of a column of text ("From page 1", "Continued on
    page 8") is a block of its own: it is not text, and it says where its story goes."""
    for block in list(blocks):
        if block.role is not Role.BODY or len(block.lines) < 3:
            continue
        for index in (0, -1):
            if find_jump(block.lines[index].text):
                blocks.append(block.split_off(index))


def _mark_run_in_heads(blocks: list[Block], scale: TypeScale, hrules: list[Box], scanned: bool = False) -> None:
    """A brief's run-in heading is its headline, claiming the width of the paragraph it runs into.

    A run-in label inside a story ("**Methods:** We asked…") looks the same; what gives it away is
    the story's running text right above it in the column (a brief follows a section heading, a
    rule or another brief). A label goes back into its paragraph, which stays running text. A
    scan's run-in heads closed by a dash are judged by :func:`broadsheet.extract.dashheads.mark_dashed_heads`.
    """
    texts = [b for b in blocks if b.lines[0].run_in_part == "text"]
    if scanned:
        mark_dashed_heads(blocks, scale)
    opener = _run_in_paragraphs(blocks, scale)
    labelled: set[int] = set()
    for block in sorted((b for b in blocks if b.lines[0].run_in_part == "head"), key=lambda b: b.top):
        if block.lines[0].dashed:
            continue  # decided above
        text = next((t for t in texts if abs(t.top - block.top) < 1 and t.lines[0].x0 >= block.x0), None)
        briefs = {k for k, first in opener.items() if first not in labelled}
        box = union([block.box, text.box]) if text is not None else block.box
        if text is not None and _labels_a_story(box, [block, text], blocks, briefs, scale, hrules):
            _rejoin(text, block, blocks)
            labelled.add(id(text))
            continue
        block.set_role(Role.HEADLINE, "headline: a brief's bold run-in heading")
        if text is not None:
            block.reach = union([block.box, (text.x0, block.top, text.x1, block.bottom)])


def _labels_a_story(
    box: Box, mine: list[Block], blocks: list[Block], briefs: set[int], scale: TypeScale, hrules: list[Box]
) -> bool:
    """Whether a run-in paragraph (``mine``: its heading and text, at ``box``) is labelled text of a
    story, not a brief: its heading ends in a colon (unless it follows a run-in brief), or, not a
    few lines under a brief's small head, it stands in a story's running text or right under its
    headline."""
    brief = _brief_head_over(box, blocks, scale, hrules)
    if brief is not None:  # a label under a side story's small head; a run-in brief after a run-in brief
        return _a_label(mine[0]) and brief.lines[0].run_in_part != "head"
    return (
        _a_label(mine[0])
        or _inside_running_text(box, blocks, mine, briefs, scale, hrules)
        or _under_a_storys_headline(box, blocks, briefs, scale, hrules)
    )


def _a_label(head: Block) -> bool:
    """A run-in heading ending in a colon ("**Methods:**") labels a part of its story wherever it
    stands (at a column's top too); a brief's heading mostly ends in a full stop."""
    line = head.lines[0]
    return line.whole is not None and line.whole.words[len(line.words) - 1].text.endswith(":")


def _outside_the_text(box: Box, text: list[Box]) -> bool:
    """Whether ``box`` lies wholly left or right of all the page's (upright) text: in its margin,
    where a printer's slug or a job number runs up the edge; a photo credit stands by its photo."""
    return bool(text) and (box[2] <= min(b[0] for b in text) or box[0] >= max(b[2] for b in text))


def _nearest_head_over(box: Box, blocks: list[Block], cover: float = 0.5) -> Block | None:
    """The lowest headline among ``blocks`` ending above ``box``, over at least ``cover`` of its width."""
    over = [
        b for b in blocks if b.role is Role.HEADLINE and b.bottom <= box[1] + 1 and covered_share(box, b.box) >= cover
    ]
    return max(over, key=lambda b: b.bottom, default=None)


def _brief_head_over(box: Box, blocks: list[Block], scale: TypeScale, hrules: list[Box]) -> Block | None:
    """The nearest headline over a run-in paragraph, if it is a brief's small head a few lines up:
    the paragraph is the next brief in the column, not a labelled section of a story. A short bold
    block a little bigger than the body counts: run-in heads are found before such heads are marked."""
    heads = [b for b in blocks if b.role is Role.HEADLINE or _a_small_bold_head(b, blocks, scale)]
    # a brief's head may be a word or two: over the column, not across it
    over = [h for h in heads if h.bottom <= box[1] + 1 and x_overlap(h.box, box) > 0.5]
    nearest = max(over, key=lambda h: h.bottom, default=None)
    if nearest is None:
        return None
    small = nearest.size < BRIEF_HEAD * scale.body
    near = box[1] - nearest.bottom < BRIEF_LENGTH * scale.pitch and not rule_between(nearest.box, box, hrules)
    return nearest if small and near else None


def _a_small_bold_head(block: Block, blocks: list[Block], scale: TypeScale) -> bool:
    """A short bold block set a little bigger than the body (a crosshead in the body's size is not),
    not a byline: no "By …" and no headline right over it."""
    short = len(block.lines) <= 4 and block.chars <= 160
    bigger = block.bold >= 0.9 and scale.ratio(block.size) >= BIGGER_THAN_BODY
    if block.role is not Role.BODY or not short or not bigger or BYLINE.match(block.text):
        return False
    return not any(
        h.role is Role.HEADLINE and x_overlap(h.box, block.box) > 0.5 and -1 < block.top - h.bottom < 2 * scale.pitch
        for h in blocks
    )


def _run_in_paragraphs(blocks: list[Block], scale: TypeScale) -> dict[int, int]:
    """The blocks of paragraphs that open with a run-in heading, each (by ``id``) with the block of
    the heading's line: that block itself, and the blocks stacked right under it (a first line set
    short starts a block of its own)."""
    opener = {id(b): id(b) for b in blocks if b.lines and b.lines[0].run_in_part == "text"}
    for block in sorted((b for b in blocks if b.lines and not b.lines[0].run_in_part), key=lambda b: b.top):
        above = [
            b
            for b in blocks
            if id(b) in opener and x_overlap(b.box, block.box) > 0.5 and -1 < block.top - b.bottom < scale.pitch
        ]
        if above:
            opener[id(block)] = opener[id(above[0])]
    return opener


def _inside_running_text(
    box: Box, blocks: list[Block], mine: list[Block], briefs: set[int], scale: TypeScale, hrules: list[Box]
) -> bool:
    """Whether the text right above a run-in paragraph or a bold line (``mine``, at ``box``), in
    its column, is a story's running text (not another brief's paragraph, of those in ``briefs``)."""
    return _running_text_above(box, blocks, mine, briefs, scale, hrules) is not None


def _running_text_above(
    box: Box, blocks: list[Block], mine: list[Block], briefs: set[int], scale: TypeScale, hrules: list[Box]
) -> Block | None:
    """The story's running text right above ``box`` in its column, if that is what is there."""
    above = [b for b in blocks if b.lines and b not in mine and b.bottom <= box[1] + 1 and x_overlap(b.box, box) > 0.5]
    if not above:
        return None
    nearest = max(above, key=lambda b: b.bottom)
    close = box[1] - nearest.bottom < LABEL_GAP * scale.pitch and not rule_between(nearest.box, box, hrules)
    running = nearest.role is Role.BODY and id(nearest) not in briefs
    return nearest if close and running else None


def _under_a_storys_headline(
    box: Box,
    blocks: list[Block],
    briefs: set[int],
    scale: TypeScale,
    hrules: list[Box],
    display_only: bool = False,
    head: Block | None = None,
) -> bool:
    """Whether the nearest headline over a run-in paragraph's column (``box``) opens running text
    of its own (a story, whose labels these are) rather than a column of briefs ("News in brief").
    ``display_only``: the nearest headline must be in display type; under a brief's small bold head
    the text belongs to that brief, and a bold line in it is the next brief's head. ``head``: the
    bold line asked about, whose siblings in its style are heads too, not running text."""
    heads = [b for b in blocks if not b.lines[0].run_in_part]
    nearest = _nearest_head_over(box, heads, CROSSHEAD_COVER if display_only else 0.5)
    if nearest is None:
        return False
    if display_only and nearest.size < DISPLAY_TYPE * scale.body:
        return False
    return not rule_between(nearest.box, box, hrules) and _opens_running_text(nearest, blocks, briefs, scale, head)


def _opens_running_text(
    head: Block, blocks: list[Block], briefs: set[int], scale: TypeScale, sibling_of: Block | None = None
) -> bool:
    """Whether the text right under a headline (past its deck and byline) is running text, not
    a paragraph opening with a run-in heading (of those in ``briefs``), nor a short bold head in
    the style of ``sibling_of``: the first of a column of briefs right under its section's title
    (a crosshead is never the first line under its story's headline)."""
    below = [
        b
        for b in blocks
        if b.lines
        and b.lines[0].run_in_part != "head"
        and x_overlap(b.box, head.box) > 0.3
        and -1 < b.top - head.bottom < RUNNING_TEXT_GAP * scale.pitch
    ]
    if not below:
        return False
    top = min(b.top for b in below)
    first_row = [b for b in below if b.top < top + scale.pitch]
    return any(
        b.role is Role.BODY
        and not b.lines[0].run_in_part
        and id(b) not in briefs
        and not (sibling_of is not None and b is not sibling_of and _same_head_style(b, sibling_of))
        for b in first_row
    )


def _same_head_style(block: Block, head: Block) -> bool:
    """A short bold block set in the font and size of ``head``: one more head of its kind."""
    return len(block.lines) <= 2 and block.bold >= 0.9 and same_style(block, head)


def _rejoin(text: Block, head: Block, blocks: list[Block]) -> None:
    """Put a run-in label back at the start of its paragraph's first line; the label's block goes."""
    text.rejoin_run_in()
    text.role_rule = "body: a paragraph opening with a bold run-in label, inside a story"
    blocks.remove(head)


def _mark_bold_heads(blocks: list[Block], scale: TypeScale, hrules: list[Box], images: list[Box]) -> None:
    """A short bold block set a little bigger than the body, with running text right under it and
    no headline right over it, opens a story: the small headline of a brief or a side story —
    unless it stands in a story's running text, under that story's headline (a crosshead)."""
    heads = [b for b in blocks if b.role is Role.HEADLINE]
    briefs = set(_run_in_paragraphs(blocks, scale))
    for block in blocks:
        ratio = scale.ratio(block.size)
        least = SMALL_BOLD_HEAD_LEAST if block.width >= HEAD_WIDTH * scale.body else BOLD_HEAD_LEAST
        if block.role is not Role.BODY or block.bold < 0.9 or not least <= ratio < 1.08:
            continue
        if len(block.lines) > 4 or block.chars > 160:
            continue
        # in the body's own size, only bold over regular type tells a head from a bold paragraph
        regular = ratio < BIGGER_THAN_BODY
        # right under it, or past a byline and a photo under it (text of two lines at the foot of a
        # column, running on in the next, is itself a stack's short part)
        edges = (block.bottom, _foot_of_stack(block, blocks, images, scale))
        text_below = any(
            b.role is Role.BODY
            and len(b.lines) >= 2
            and x_overlap(b.box, block.box) > 0.5
            and any(-1 < b.top - edge < 3.5 * scale.pitch for edge in edges)
            and (not regular or b.bold < 0.5)
            for b in blocks
        )
        # over it, or, for a name in the body's size, near it (a byline set flush right)
        reach = NEAR_HEAD * scale.body
        byline = regular and is_name(block, scale)
        head_above = any(
            (x_overlap(h.box, block.box) > 0.5 or (byline and _within(h, block, reach)))
            and -1 < block.top - h.bottom < 2 * scale.pitch
            for h in heads
        )
        if not text_below or head_above or (regular and _under_a_deck(block, heads, blocks, scale)):
            continue
        text_above = _running_text_above(block.box, blocks, [block], briefs, scale, hrules)
        if text_above is not None and _a_kicker_over(text_above, block):
            text_above = None
        # the column's width, not the short line's: a headline set off-centre covers a column's
        # right part, and a crosshead flush left in it may stand outside its reach
        column = (
            None if text_above is None else union([block.box, (text_above.x0, block.top, text_above.x1, block.top)])
        )
        signed = _signed_right_under(block, blocks, scale)  # a byline opens a story: no crosshead has one
        if (
            column
            and not signed
            and _under_a_storys_headline(column, blocks, briefs, scale, hrules, display_only=True, head=block)
        ):
            block.role_rule = "body: a crosshead, a bold line inside a story's text"
        elif regular and block.text.rstrip().endswith((":", ".")):
            block.role_rule = "body: a bold label of the body's size inside running text"
        else:
            block.set_role(Role.HEADLINE, "headline: short bold block over running text")


def _signed_right_under(block: Block, blocks: list[Block], scale: TypeScale) -> bool:
    """Whether a byline ("By …") stands right under the block, in its column."""
    return any(
        b is not block
        and x_overlap(b.box, block.box) > 0.5
        and -1 < b.top - block.bottom < scale.pitch
        and _is_byline(b, scale)
        for b in blocks
    )


def _a_kicker_over(above: Block, head: Block) -> bool:
    """Whether the block right over a bold head is its kicker (one bold line in another face, or in
    capitals over a head in lower case: "WORLD"), not a story's running text nor the line before it
    in the same stack."""
    if len(above.lines) != 1 or above.bold < 0.5:
        return False
    other_face = above.lines[0].style.name != head.lines[0].style.name
    return other_face or (above.lines[0].in_capitals and not any(line.in_capitals for line in head.lines))


def _foot_of_stack(block: Block, blocks: list[Block], images: list[Box], scale: TypeScale) -> float:
    """The foot of what hangs right under a block in its column: a short line or two (a byline, a
    caption) and a picture, one under the other, each within a line pitch and a half."""
    foot = block.bottom
    parts = [b.box for b in blocks if b is not block and len(b.lines) <= 2 and b.chars < SCRAP_CHARS] + images
    while True:
        under = [p for p in parts if x_overlap(p, block.box) > 0.5 and -1 < p[1] - foot < 1.5 * scale.pitch]
        if not under:
            return foot
        foot = max(p[3] for p in under)


def _under_a_deck(block: Block, heads: list[Block], blocks: list[Block], scale: TypeScale) -> bool:
    """Whether a line stands right under a deck (up to four lines, much wider than it) that stands
    right under a display headline: the byline of the headline's stack, not a head."""
    decks = [
        b
        for b in blocks
        if b.role is Role.BODY
        and len(b.lines) <= 4
        and b.width > 2 * block.width
        and x_overlap(b.box, block.box) > 0.5
        and -1 < block.top - b.bottom < 1.5 * scale.pitch
    ]
    return any(
        h.size >= DISPLAY_TYPE * scale.body
        and x_overlap(h.box, deck.box) > 0.5
        and -1 < deck.top - h.bottom < 1.5 * scale.pitch
        for deck in decks
        for h in heads
    )


def _within(a: Block, b: Block, gap: float) -> bool:
    """Whether two blocks stand at most ``gap`` apart horizontally."""
    return max(a.x0 - b.x1, b.x0 - a.x1) < gap


def _mark_local_heads(blocks: list[Block], scale: TypeScale) -> None:
    """A line or two set clearly bigger than the running text right under it opens that text, even
    in the page's body size: a sidebar's headline over its small type ("Featured plant" over 9 pt
    text on a page whose main story is set in 12 pt)."""
    texts = [b for b in blocks if b.role is Role.BODY and len(b.lines) >= 3]
    for block in blocks:
        if block.role is not Role.BODY or len(block.lines) > 2 or block.chars > 120:
            continue
        below = [
            b
            for b in texts
            if b is not block
            and x_overlap(b.box, block.box) > 0.5
            and -1 < b.top - block.bottom < LOCAL_HEAD_GAP * b.size
            and block.size >= LOCAL_HEAD_SIZE * b.size
        ]
        if below:
            block.set_role(Role.HEADLINE, "headline: bigger than the running text right under it")


def _mark_centred_heads(blocks: list[Block], scale: TypeScale, scanned: bool) -> None:
    """A line or two in about the body size, centred over running text and with no headline right
    above it, opens a story: how papers set headlines before display type. Capitals are enough of a
    sign anywhere; a short centred line in lower case only on a scan, where old papers come from."""
    heads = [b for b in blocks if b.role is Role.HEADLINE]
    for block in blocks:
        if block.role is not Role.BODY or len(block.lines) > 3 or block.chars > 120:
            continue
        if not 0.85 < scale.ratio(block.size) < 1.4 or BYLINE.match(block.text):
            continue
        capitals = all(line.in_capitals for line in block.lines)
        if not capitals and not (scanned and sum(c.isalpha() for c in block.text) >= 4):
            continue
        if scanned and block.text.rstrip().endswith(RUNS_ON):
            continue  # a short line of running text set centred ("The analysis yielded,"), not a heading
        margin = (0.75 if capitals else 1.5) * scale.body
        text_below = [
            b
            for b in blocks
            if b.role is Role.BODY
            and len(b.lines) >= 3
            and -0.8 * scale.pitch < b.top - block.bottom < 2.5 * scale.pitch
            and _centred_over(block, b, margin, scale)
            and not any(x_overlap(h.box, block.box) > 0.3 and block.top < h.top < b.top for h in heads)
        ]
        head_above = any(
            x_overlap(h.box, block.box) > 0.5 and -1 < block.top - h.bottom < 1.5 * scale.pitch for h in heads
        )
        if text_below and not head_above:
            block.set_role(Role.HEADLINE, "headline: centred over running text")
            below = text_below[0]
            block.reach = union([block.box, (below.x0, block.top, below.x1, block.bottom)])  # its column


def _centred_over(head: Block, text: Block, margin: float, scale: TypeScale) -> bool:
    """Whether a heading's lines lie within the column of text under it, one of them (its last,
    short line, when the first fills the column) centred on it."""
    inside_column = all(line.x0 > text.x0 - scale.body and line.x1 < text.x1 + scale.body for line in head.lines)
    return inside_column and any(centred_in(line.box, text.box, margin) for line in head.lines)


def _stack_headlines(blocks: list[Block], hrules: list[Box]) -> None:
    """Smaller headline-sized type stacked on a bigger headline is its kicker (above) or deck (below).

    Big papers set kickers and decks large and bold, so size alone calls them headlines; what gives
    them away is a bigger headline right against them in the same column.
    """
    heads = sorted((b for b in blocks if b.role is Role.HEADLINE), key=lambda b: -b.size)
    for head in heads:
        if head.role is not Role.HEADLINE:
            continue
        head_in_capitals = any(ln.in_capitals for ln in head.lines)
        for other in heads:
            # a headline of another column, the most common pair, is told first
            if other is head or other.role is not Role.HEADLINE or x_overlap(head.box, other.box) < 0.5:
                continue
            # a line of capitals looks bigger than lower case of its size: over a headline in lower
            # case it is a kicker even when set nearly as big
            if other.size > 0.9 * head.size and not (
                other.size < head.size and not head_in_capitals and all(ln.in_capitals for ln in other.lines)
            ):
                continue
            upper, lower = sorted((head.box, other.box), key=lambda b: b[1])
            if rule_between(upper, lower, hrules):
                continue
            if _text_between(upper, lower, blocks):
                continue  # a date line between a page's title and the lead headline: not stacked
            # right against it: within a share of the headline's size, and a few of its own sizes
            near = min(0.8 * head.size, STACK_GAP * other.size)
            if -1 < head.top - other.bottom < near:
                other.set_role(Role.KICKER, "kicker: smaller display type right on top of a headline")
            elif other.size > 0.9 * head.size:
                continue
            elif -1 < other.top - head.bottom < near:
                other.set_role(Role.SUBHEADLINE, "deck: smaller display type right under a headline")
            else:
                continue
            head.reach = union([head.reach or head.box, other.box])


def _text_between(upper: Box, lower: Box, blocks: list[Block]) -> bool:
    """Whether a line of text lies in the gap between two boxes, across some of their width."""
    gap = (max(upper[0], lower[0]), upper[3], min(upper[2], lower[2]), lower[1])
    return any(b.lines and b.top >= gap[1] - 1 and b.bottom <= gap[3] + 1 and x_overlap(b.box, gap) > 0 for b in blocks)


def _mark_pull_quotes(blocks: list[Block], scale: TypeScale) -> None:
    """Large quoted text set inside a column of body text is a pull quote, not a headline."""
    for block in blocks:
        if block.role is not Role.HEADLINE or not block.text.startswith(_QUOTE_START):
            continue
        above = [
            b
            for b in blocks
            if b.role is Role.BODY
            and x_overlap(b.box, block.box) > 0.6
            and 0 <= block.top - b.bottom < 2.5 * scale.pitch
        ]
        if above:
            block.set_role(Role.PULLQUOTE, "pull quote: quoted display type inside a column")


def _is_byline(block: Block, scale: TypeScale) -> bool:
    if len(block.lines) > 2 or block.chars > 70:
        return False
    return bool(BYLINE.match(block.text)) and scale.ratio(block.size) < 1.3


def _signed(block: Block, scale: TypeScale) -> bool:
    """A byline naming a person ("By LAURA OSBORNE", "By Ann Lee"): bold and a little bigger than
    the body it may be, but it is no head ("By the river" is)."""
    match = BYLINE.match(block.text)
    return match is not None and _is_byline(block, scale) and bool(NAME.match(block.text[match.end() - 1 :]))


def _is_caption(block: Block, scale: TypeScale, images: list[Box]) -> bool:
    if len(block.lines) > 8 or scale.ratio(block.size) > 1.1:
        return False
    different = block.italic > 0.5 or block.bold > 0.5 or scale.ratio(block.size) < 0.95
    for img in images:
        if x_overlap(img, block.box) < 0.6 or block.width > CAPTION_WIDTH * (img[2] - img[0]) + 2 * scale.body:
            continue  # a caption runs under its picture, not across the page beside a little flag
        below = 0 <= block.top - img[3] < 1.5 * scale.body
        above = 0 <= img[1] - block.bottom < 1.0 * scale.body
        if (below and (different or len(block.lines) <= 3)) or (above and different):
            return True
    return False
