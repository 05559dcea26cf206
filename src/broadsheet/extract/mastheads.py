"""Stage 5, part: the masthead — the title block at the top of a front page.

The largest type on the page, across much of it, with what shares its band (logo, date line). A
daily's lead headline may be set as big: what tells them apart is the story right under a headline
(its deck, byline, photo and columns); a title has none. Off the front page the title block is the
page's furniture.
"""

from __future__ import annotations

from broadsheet.extract.blocks import Block, Role, TypeScale, size_role
from broadsheet.extract.crossheads import CROSSHEAD_RULE, mark_bold_heads
from broadsheet.extract.decorations import mark_decorations
from broadsheet.extract.roles import PageLayout
from broadsheet.extract.ruled import title_block_rule
from broadsheet.geometry import Box, inside, x_overlap

# The title block's type is at least this many body sizes big, and starts in this top share of the page,
# at least this share of the page wide (a short name, "Dawn", "نیا دور", set big)...
MASTHEAD_SIZE = 2.0
MASTHEAD_ZONE = 0.25
MASTHEAD_WIDTH = 0.15
# The title's band reaches this many line pitches under it: the date line set right under the title.
TITLE_BAND = 2.0
# ...and a headline with its deck, byline or text within this many line pitches under it opens a story
# (a deck: set at most this share of the headline's size).
STORY_GAP = 2.0
DECK_SHARE = 0.7
# ...or, under a headline that reads as a sentence (two lines or more, or this many words: no paper's
# name is that long), within this many of the headline's own sizes: white under a head grows with it.
SENTENCE_HEAD_WORDS = 6
STORY_GAP_HEAD = 1.2
# ...with its columns (or pictures), starting within this many line pitches of each other (a
# byline atop the first column lifts its top by a line or two), under at least this share of its width.
STORY_LEVEL = 2.0
STORY_SPAN = 0.4
# A name plate: one line this many body sizes big, of a word or two, or this share of the page wide
# and starting in this top share of the page.
NAME_PLATE_SIZE = 5.0
NAME_PLATE_WIDTH = 0.6
NAME_PLATE_ZONE = 0.1


def mark_masthead(blocks: list[Block], scale: TypeScale, layout: PageLayout, page: int) -> None:
    """The title block: the biggest type near the top of the page that opens no story, set above
    every story, plus what shares its band above the stories. A daily's lead headline may be set
    bigger than its title: what tells them apart is a story (deck, byline, text) right under it.

    The band reaches down through the rules that close the title block (date lines often sit
    between two rules under the title).
    """
    width, height, hrules = layout.width, layout.height, layout.hrules
    size = (width, height)
    texts = [b for b in blocks if b.lines]
    candidates = [
        b
        for b in texts
        if b.top < MASTHEAD_ZONE * height and b.width > MASTHEAD_WIDTH * width and scale.ratio(b.size) >= MASTHEAD_SIZE
    ]
    pictures = layout.images + layout.frames  # a photo, or a box drawn where it goes
    titles = [b for b in candidates if not _opens_story(b, blocks, scale, pictures)]
    if not titles:
        return
    title = max(titles, key=lambda b: b.size)
    if layout.scanned and _under_a_ruled_head(title, blocks, scale, layout):
        return  # under the page's own title block: a lead's headline whose picture OCR did not see
    if any(
        b is not title and b.role is Role.HEADLINE and b.top < title.bottom and b.size > 0.5 * title.size for b in texts
    ):
        return  # a big headline beside it or above it: the biggest type is the lead story's headline
    if not any(b.role is Role.HEADLINE and b.top > title.bottom for b in texts) and not _name_plate(title, scale, size):
        return  # the big type is the only headline: a story's headline, not a title block
    role = Role.MASTHEAD if page == 1 else Role.FURNITURE
    band_top, band_bottom = title.top - 2.5 * scale.pitch, _band_bottom(title, texts, hrules, scale, width)
    title.set_role(role, "masthead: the biggest type at the top, over the page's headlines")
    released: list[Block] = []
    for block in blocks:
        decoration = block.role in (Role.KICKER, Role.SUBHEADLINE) and title.reach and inside(block.box, title.reach)
        if decoration and len(block.lines) <= 2:
            block.set_role(role, "masthead: the title's own deck")  # "Newsletter November 2010"
            continue
        if decoration and block.top > band_bottom and block.bold >= 0.5:
            # a story's bold head under the band, taken for the title's deck (a tagline is the title's)
            block.set_role(*size_role(block, scale))
            released.append(block)
            continue
        if block is title or (block.lines and block.size >= 0.6 * title.size):
            continue
        small = len(block.lines) <= 3 and block.chars < 200
        if block.top >= band_top - 1 and block.bottom <= band_bottom + 1 and small:
            block.set_role(role, "masthead: in the title's band")
    # what stood under the title was judged under a story's headline: a crosshead there heads a story
    crossheads = [b for b in texts if b.role_rule == CROSSHEAD_RULE and b.top > band_bottom]
    if crossheads:  # most front pages have none: the bold heads' rules are not run again for nothing
        mark_bold_heads(texts, scale, hrules, layout.images, layout.scanned, among=crossheads, frames=layout.frames)
    for head in released + crossheads:
        if head.role is Role.HEADLINE:
            mark_decorations(head, texts, scale, layout.images)


def _band_bottom(title: Block, texts: list[Block], hrules: list[Box], scale: TypeScale, width: float) -> float:
    """Where the title's band ends: TITLE_BAND line pitches under it, or down through the rules across
    the page that close the title block (a date line often sits between two rules under the title);
    at the last of them when the date line stands over it (the first row's kickers may stand right
    under the rule closing the block, within the band's reach)."""
    bottom = title.bottom + TITLE_BAND * scale.pitch
    closing: Box | None = None
    for rule in sorted(r for r in hrules if r[2] - r[0] > 0.5 * width and r[1] > title.bottom - 1):
        if rule[1] > bottom + 3 * scale.pitch:
            break
        bottom, closing = max(bottom, rule[3]), rule
    if closing is not None and any(
        b is not title and title.top < b.top and title.bottom - 1 < b.bottom <= closing[1] + 1 for b in texts
    ):
        return closing[3]
    return bottom


# A bold block of at most this many lines and characters is a small head, not running text.
SMALL_HEAD_LINES = 4
SMALL_HEAD_CHARS = 160
_STORY_OPENERS = {Role.SUBHEADLINE, Role.BYLINE, Role.JUMP, Role.IMAGE, Role.CAPTION}
# A deck of this many lines or more over a byline is a story's standfirst, not a title's tagline.
STANDFIRST_LINES = 2
# A block this italic (share of glyphs) under a headline, in the stack of its decks, is a standfirst.
ITALIC_DECK = 0.9


def _opens_story(head: Block, blocks: list[Block], scale: TypeScale, images: list[Box]) -> bool:
    """Whether a story starts right under a headline: running text, straight under it or under its
    deck, byline, jump line or photo (a title's date line followed by another headline is no story),
    or a standfirst of sentences and a byline under it, whatever is further down (a title has a
    tagline at most; an old paper's "By" its editor, but no standfirst over it). The stack under a
    deck reaches as wide as the deck: a byline under a standfirst that spans the story's columns sits
    flush with its first column, which a centred headline may not reach."""
    edge = head.bottom
    gap = STORY_GAP * scale.pitch
    if len(head.lines) >= 2 or sum(len(line.words) for line in head.lines) >= SENTENCE_HEAD_WORDS:
        gap = max(gap, STORY_GAP_HEAD * head.size)
    decks = True  # still in the stack of decks right under the headline
    standfirst = 0  # lines of decks so far
    stack = head.box  # how wide the stack of headline and decks reaches
    below = sorted((b for b in blocks if b.top > head.top and x_overlap(b.box, head.box) >= 0.3), key=lambda b: b.top)
    for block in sorted((b for b in blocks if b.top > head.top), key=lambda b: b.top):
        if block is head or x_overlap(block.box, stack) < 0.3:
            continue
        edge = _past_picture(edge, block.top, stack, images, scale)
        if block.top - edge > gap:
            return False
        italic_deck = decks and _a_standfirst_in_italics(block)  # not yet told from the text under it
        if block.role is Role.BODY and len(block.lines) > 2 and not _a_small_bold_head(block) and not italic_deck:
            return _spans_story(head, block, below, scale, images)
        # a deck set bold enough to be called a headline, in the stack right under it
        deck = decks and block.role is Role.HEADLINE and block.size < DECK_SHARE * head.size
        if block.role not in _STORY_OPENERS and block.role is not Role.BODY and not deck:
            return False  # a short body block is let through: a byline no rule has recognised yet
        if block.role is Role.BYLINE and standfirst >= STANDFIRST_LINES:
            return True
        decks = deck or italic_deck or block.role is Role.SUBHEADLINE
        if block.role is Role.SUBHEADLINE or italic_deck:
            standfirst += len(block.lines)
            stack = (min(stack[0], block.x0), stack[1], max(stack[2], block.x1), stack[3])
        edge = max(edge, block.bottom)
    return False


def _a_standfirst_in_italics(block: Block) -> bool:
    """A few lines (SMALL_HEAD_LINES at most) wholly in italics: a standfirst under its headline,
    its deck, however it was told so far (a centred headline's deck set flush left under it)."""
    return block.role is Role.BODY and block.italic >= ITALIC_DECK and len(block.lines) <= SMALL_HEAD_LINES


def _a_small_bold_head(block: Block) -> bool:
    """A short bold block (SMALL_HEAD_LINES lines, SMALL_HEAD_CHARS characters at most), not yet told
    to be a headline: a story's small head in the first row under the title, not running text."""
    return block.bold >= 0.5 and len(block.lines) <= SMALL_HEAD_LINES and block.chars <= SMALL_HEAD_CHARS


def _past_picture(edge: float, top: float, stack: Box, images: list[Box], scale: TypeScale) -> float:
    """The stack's foot moved down past a picture that starts right under it, above ``top``: a story's
    photo set under its deck, level with where its columns start, bridges the gap to text that starts
    a little lower (under a dateline, a drop cap's first line) — to the photo's foot when the text
    starts under the photo (a lead's photo across its columns, between its headline and its text)."""
    feet = [
        img[3] if top >= img[3] - 1 else img[1]
        for img in images
        if edge - 1 < img[1] < min(top, edge + STORY_GAP * scale.pitch) and x_overlap(img, stack) >= 0.3
    ]
    return max([edge, *feet])


def _spans_story(head: Block, text: Block, below: list[Block], scale: TypeScale, images: list[Box]) -> bool:
    """Whether the running text and pictures starting level with ``text`` under a headline span a
    good part of its width: a story's columns (and its photo beside them) start together under its
    headline; a title across the page has only some column's text, or a teaser's, under it."""
    level = [b.box for b in below if abs(b.top - text.top) < STORY_LEVEL * scale.pitch and _a_column(b, below, scale)]
    level += [img for img in images if img[1] - STORY_LEVEL * scale.pitch < text.top < img[3] and img[1] > head.top]
    covered = sum(max(0.0, min(box[2], head.x1) - max(box[0], head.x0)) for box in level)
    return covered >= STORY_SPAN * head.width


def _a_column(block: Block, below: list[Block], scale: TypeScale) -> bool:
    """Whether a body block is a column's running text: more than two lines, or a line or two (the
    end of a paragraph run on from the column before) with the column's next paragraph right under
    it, within STORY_LEVEL line pitches (a teaser's or a date's line or two stands alone)."""
    if block.role is not Role.BODY:
        return False
    return len(block.lines) > 2 or any(
        b.role is Role.BODY
        and x_overlap(b.box, block.box) > 0.9
        and 0 <= b.top - block.bottom < STORY_LEVEL * scale.pitch
        for b in below
    )


def _under_a_ruled_head(title: Block, blocks: list[Block], scale: TypeScale, layout: PageLayout) -> bool:
    """Whether the big type stands under a scanned page's ruled title block (a few short lines over
    a rule across the page's top: :func:`broadsheet.extract.ruled.title_block_rule`)."""
    rule = title_block_rule(blocks, scale, layout.hrules, layout.width, layout.height)
    return rule is not None and title.top > rule[3]


def _name_plate(title: Block, scale: TypeScale, size: tuple[float, float]) -> bool:
    """One line in type five times the body size or more, of a word or two ("hort") or across the
    top of the page ("The Evening Standard Post"): a paper's name, not a story's headline."""
    if len(title.lines) != 1 or scale.ratio(title.size) < NAME_PLATE_SIZE:
        return False
    across_top = title.width > NAME_PLATE_WIDTH * size[0] and title.top < NAME_PLATE_ZONE * size[1]
    return len(title.lines[0].words) <= 2 or across_top
