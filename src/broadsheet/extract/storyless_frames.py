"""Stage 5, part: frames that hold no story — display adverts, teaser strips, a section's name.

A frame with running text in it (three lines or more in the body's size) holds a story, boxed. One
without holds display type and pictures (an advert), a line or two of small type (a teaser pointing
to another page), or a section's name on a band over the stories under it. What looks so may still
be a story's: a short story boxed alone, a boxed deck under its headline, a kicker on a tint.
"""

from __future__ import annotations

from broadsheet.extract.blocks import Block, Role, TypeScale
from broadsheet.extract.briefs import next_brief_head
from broadsheet.extract.jumps import announces
from broadsheet.extract.names import BYLINE
from broadsheet.extract.runin import BRIEF_HEAD
from broadsheet.extract.section_bands import a_section_band
from broadsheet.extract.sentences import ends_sentence
from broadsheet.geometry import Box, inside, x_overlap

# A band with one line in it right over a headline at least this share of its width is the
# headline's kicker, not a teaser.
LABEL_BAND_WIDTH = 0.8
# (unless it is the page's section: :mod:`broadsheet.extract.section_bands`)
# A teaser's lines are set under this many body sizes; in a row of frames (a teaser strip), under
# the second (its section's name a size or two over a small body). Display type of twice the body's
# size in a frame is an advert's.
TEASER_SIZE = 1.4
STRIP_TEASER_SIZE = 1.6
ADVERT_DISPLAY = 2.0
# Frames in a row differ in height by this share at most.
ROW_HEIGHT = 0.2
# Running text of two lines or more in this many columns side by side, in a frame, each at least
# STORY_COLUMN body sizes wide (not scraps of text read off a picture), is a short story's.
COLUMNS_OF_A_STORY = 3
STORY_COLUMN = 6.0
# A brief's head set on a line of its own is this bold (share of glyphs) at least.
BOLD_HEAD = 0.9
# A kicker stands at most this many line pitches over its headline.
KICKER_GAP = 2.0
_HEADING_ROLES = {Role.HEADLINE, Role.KICKER, Role.SUBHEADLINE}


def mark_storyless_frames(blocks: list[Block], scale: TypeScale, frames: list[Box], head_foot: float) -> None:
    """Frames that hold no story: display adverts, teaser strips and a section's band (under the
    running head, which ends at ``head_foot``).

    A frame with no running text in it (no block of three or more body-size lines) holds no
    story. With display type or a picture in it, it is an advert; with only a line or two of small
    text, it is a teaser strip (furniture) — unless a byline signs it: a short story boxed on its own
    (head, writer, two lines of text) is no pointer to another page.
    """
    for frame in frames:
        inner = [b for b in blocks if inside(b.box, frame)]
        texts = [b for b in inner if b.lines]
        if not texts or any(len(b.lines) >= 3 and scale.ratio(b.size) < 1.3 for b in texts):
            continue
        if any(b.role is Role.MASTHEAD for b in inner):
            continue  # the title block
        headed = _headed_below(frame, texts, blocks, scale)
        if headed and any(b.role is Role.HEADLINE for b in texts):
            for block in inner:
                block.set_role(Role.FURNITURE, "furniture: a section's name set as a headline over a column of briefs")
            _head_the_story_under(frame, blocks, scale)
            continue
        if a_section_band(frame, texts, blocks, head_foot, scale):
            for block in inner:
                block.set_role(Role.FURNITURE, "furniture: a section's name on a band across the page's top")
            _head_the_story_under(frame, blocks, scale)
            continue
        if _story_below(frame, blocks, scale) and not headed:
            continue  # a band behind a headline whose story runs on below it
        if _under_headline(frame, blocks, scale):
            continue  # a boxed deck right under its headline
        strip = _in_a_row(frame, frames, scale)
        teaser_size = STRIP_TEASER_SIZE if strip else TEASER_SIZE
        if any(b.role is Role.BYLINE and (BYLINE.match(b.text) or not strip) for b in texts):
            continue  # a signed short story in a box: a teaser names a page, not a writer (a "name"
            # with no "By" in a strip of teasers is the first words of its line: "Volunteers From")
        if not strip and _a_short_story(texts):
            continue  # a head over a sentence or two, naming no page: a short story boxed alone
        if _set_in_columns(texts, scale):
            continue  # a short story's text, boxed in a row of boxed stories
        if _continued_from_a_page(texts):
            continue  # the rest of a story from another page, boxed: a teaser points on, not back
        if _label_over_headline(frame, texts, blocks, scale):
            continue  # a kicker on a coloured band over its headline
        if sum(len(b.text.split()) for b in texts) > 60:
            continue
        display = any(scale.ratio(b.size) >= ADVERT_DISPLAY for b in texts)
        heading_only = all(b.role in _HEADING_ROLES for b in texts)  # a tinted band behind a headline
        if display and (any(b.role is Role.IMAGE for b in inner) or not heading_only):
            role, rule = Role.ADVERT, "advert: a frame of display type without running text"
        elif all(len(b.lines) <= 2 and scale.ratio(b.size) < teaser_size for b in texts):
            role, rule = Role.FURNITURE, "furniture: a frame of a line or two of small text (a teaser)"
        else:
            continue
        titled = any(b.role is Role.HEADLINE for b in texts)
        for block in inner:
            block.set_role(role, rule)
        if titled:  # a deck hung on the frame's line heads the story under the frame
            _head_the_story_under(frame, blocks, scale)


def _a_short_story(texts: list[Block]) -> bool:
    """Whether a frame's text is a headline over a sentence or two of running text (two lines, the
    last ending its sentence), with no number anywhere: a teaser points to a page ("Page 5")."""
    heads = [b for b in texts if b.role is Role.HEADLINE]
    told = [b for b in texts if b.role is Role.BODY and len(b.lines) >= 2 and ends_sentence(b)]
    under = any(t.top >= h.bottom - 1 for h in heads for t in told)
    return under and not any(char.isdigit() for b in texts for char in b.text)


def _set_in_columns(texts: list[Block], scale: TypeScale) -> bool:
    """Whether a frame's running text stands in COLUMNS_OF_A_STORY columns or more side by side, their
    tops level, each a column's width: a short story's, boxed (a teaser is a line or two beside its
    picture or label); or in two, a sentence running on from one into the other."""
    text = [b for b in texts if b.role is Role.BODY and len(b.lines) >= 2 and b.width >= STORY_COLUMN * scale.body]
    for b in text:
        level = sum(abs(other.top - b.top) < scale.pitch and x_overlap(other.box, b.box) <= 0 for other in text)
        if level >= COLUMNS_OF_A_STORY - 1 or (level and not ends_sentence(b)):
            return True
    return False


def _continued_from_a_page(texts: list[Block]) -> bool:
    """Whether a frame's text is a headline with a jump line saying where its story came from
    ("Fortsetzung von Seite 2"): the story's part on this page, however short."""
    jumped = any(b.role is Role.JUMP and announces(b.text, "from") for b in texts)
    return jumped and any(b.role is Role.HEADLINE for b in texts)


def _in_a_row(frame: Box, frames: list[Box], scale: TypeScale) -> bool:
    """Whether the frame stands in a row of frames of one height, side by side, as a teaser strip's
    do: their text may be set bigger than a lone teaser's (a short story boxed alone is no teaser)."""
    height = frame[3] - frame[1]
    return any(
        other is not frame
        and abs(other[1] - frame[1]) < scale.pitch
        and abs((other[3] - other[1]) - height) < ROW_HEIGHT * height
        and x_overlap(other, frame) <= 0
        for other in frames
    )


def _story_below(frame: Box, blocks: list[Block], scale: TypeScale) -> bool:
    """Running text starts right under the frame, across its width."""
    return any(
        b.role is Role.BODY
        and len(b.lines) >= 3
        and x_overlap(b.box, frame) > 0.5
        and -scale.overlap < b.top - frame[3] < 3 * scale.pitch
        for b in blocks
    )


def _headed_below(frame: Box, texts: list[Block], blocks: list[Block], scale: TypeScale) -> bool:
    """Whether a band holding a line of text stands right over a headline (a brief's run-in head,
    say) in its column: the text under it is that head's, and the band a section's name. A line set
    as a headline is such a name only over a column of briefs (the head under it styled as the next
    brief's head down the column) or over a lone brief's bold head, not over its own deck."""
    label = any(b.role is Role.HEADLINE for b in texts)
    if label and (len(texts) != 1 or len(texts[0].lines) != 1):
        return False

    def a_briefs_head(b: Block) -> bool:
        if b.role is Role.HEADLINE:
            return not label or next_brief_head(b, blocks, scale) is not None
        return label and _a_lone_briefs_head(b, texts[0], scale)

    return any(
        x_overlap(b.box, frame) > 0.5 and -scale.overlap < b.top - frame[3] < 2 * scale.pitch and a_briefs_head(b)
        for b in blocks
    )


def _a_lone_briefs_head(head: Block, label: Block, scale: TypeScale) -> bool:
    """A bold line in about the body's size (under a brief head's BRIEF_HEAD body sizes), taken for
    the deck of a band's line in capitals ("EN BREF"): a column's one brief under its section's name.
    A headline's own deck is set in regular or italic type, or bigger."""
    return (
        head.role is Role.SUBHEADLINE
        and len(head.lines) == 1
        and head.bold >= BOLD_HEAD
        and scale.ratio(head.size) < BRIEF_HEAD
        and label.lines[0].in_capitals
    )


def _head_the_story_under(band: Box, blocks: list[Block], scale: TypeScale) -> None:
    """A deck right under a band whose line was a headline, and is now a section's name, was hung
    on that line: it is the head of the first story under the band; a byline hung on it, right over
    a bigger headline, is that headline's kicker."""
    for block in blocks:
        if not (x_overlap(block.box, band) > 0.5 and -scale.overlap < block.top - band[3] < 2 * scale.pitch):
            continue
        if block.role is Role.SUBHEADLINE:
            block.set_role(Role.HEADLINE, "headline: the first story's under a section's name on a band")
        elif block.role is Role.BYLINE and _over_a_headline(block, blocks, scale):
            block.set_role(Role.KICKER, "kicker: the line under a section's band, right over a headline")


def _over_a_headline(block: Block, blocks: list[Block], scale: TypeScale) -> bool:
    """Whether a bigger headline starts right under ``block`` (KICKER_GAP line pitches or less), across it."""
    return any(
        b.role is Role.HEADLINE
        and b.size > block.size
        and x_overlap(b.reach or b.box, block.box) > 0.5
        and -scale.overlap < b.top - block.bottom < KICKER_GAP * scale.pitch
        for b in blocks
    )


def _under_headline(frame: Box, blocks: list[Block], scale: TypeScale) -> bool:
    """A headline ends right above the frame, across its width."""
    return any(
        b.role is Role.HEADLINE
        and x_overlap(b.box, frame) > 0.5
        and -scale.overlap < frame[1] - b.bottom < 2 * scale.pitch
        for b in blocks
    )


def _label_over_headline(frame: Box, texts: list[Block], blocks: list[Block], scale: TypeScale) -> bool:
    """The frame is a band with one line in it, right over a headline no narrower than it: the
    headline's kicker set on a tint (a teaser strip is a row of boxes, each a head and a line)."""
    if len(texts) != 1 or len(texts[0].lines) != 1:
        return False
    return any(
        b.role is Role.HEADLINE
        and x_overlap(b.reach or b.box, frame) > 0.5
        and (b.reach or b.box)[2] - (b.reach or b.box)[0] >= LABEL_BAND_WIDTH * (frame[2] - frame[0])
        and -scale.overlap < b.top - frame[3] < scale.pitch
        for b in blocks
    )
