"""Stage 5, part: what stands around a headline — its kicker above, its deck and byline below.

A block right over a headline in smaller type is its kicker, unless it ends a story above (a
letter's signature); right under it, a standfirst across the columns is its deck and a person's
name its byline.
"""

from __future__ import annotations

import re
import unicodedata

from broadsheet.extract.blocks import KICKER_OVERLAP, Block, Role, TypeScale, leaded_apart
from broadsheet.extract.briefs import BRIEF_HEAD_RULE, next_brief_head
from broadsheet.extract.side_heads import atop_the_row_beside
from broadsheet.geometry import Box, centre_x, union, x_overlap

# "By …" and its equivalents in the languages papers here come in; in Arabic ("بقلم", "by the pen of";
# "كتب:", "wrote:", whose colon tells it from "كتب", "books") and Urdu ("تحریر", "written by"; "رپورٹ:",
# "report:"; "از:", "by:").
BYLINE = re.compile(
    r"^(?:(?:by|von|di|por|par|door|de|av|af|texto de|reporting by):?|text:|بقلم:?|تحر[يی]ر:?)\s+\S"
    r"|^(?:كتب|كتبت|إعداد|اعداد|حاوره|رپورٹ|از) ?: ?\S",
    re.IGNORECASE,
)
NAME = re.compile(
    r"^[A-Z][\w'’.-]+(?:\s+(?:and|&|de|van|von|der|al|el|bin|[A-Z][\w'’.-]+)){1,4}"
    r"(?:,\s+[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+)?)?$"  # and where they write from: ", Elmstead"
)
# A kicker leaded apart from its headline is set in this share of the headline's size or more.
LEADED_KICKER_SIZE = 0.9
# A standfirst differs from the text under it by this share of its size (or is italic or bold).
STANDFIRST_SIZE = 0.08
# ...and its text starts within this many line pitches under it.
STANDFIRST_GAP = 5.0
# A standfirst runs to STANDFIRST_LINES lines (STANDFIRST_CHARS characters), or to LONG_STANDFIRST_LINES
# (LONG_STANDFIRST_CHARS) set this many times the size of the text under it: a long sentence in big
# italic over a story two columns wide.
STANDFIRST_LINES, STANDFIRST_CHARS = 4, 320
LONG_STANDFIRST_LINES, LONG_STANDFIRST_CHARS = 8, 480
LONG_STANDFIRST_SIZE = 1.2
# A line with a headline this many line pitches or less under it is no byline.
HEAD_UNDER = 2.0
# A deck's box may reach this share of its headline's size up into the headline's: a head in
# Nastaliq set close over its deck hangs its descenders up to a ninth of its size into the deck's line,
# and a big Latin head's box as much.
DECK_OVERLAP = 0.15
# What a byline under a headline was told by.
BYLINE_RULE = "byline: a person's name under the headline"
# Set by the run-in stage (:mod:`broadsheet.extract.runin`): a brief's head on a line of its own, in a
# column of briefs with run-in heads, is no byline of the column's title however name-like its words.
FIRST_BRIEF_RULE = "headline: a brief's head on a line of its own, in a series down to briefs with run-in heads"
BYLINE_OVER_PICTURE_RULE = "byline: a person's name under the headline, over the story's picture"
# Edges (or centres) this many body sizes apart are aligned, or this share of the headline's size: its
# ink may overhang its column's edge (the first strokes of a head in Nastaliq, by 0.4 of its size).
ALIGNED = 1.5
ALIGNED_HEAD = 0.5
# A line in the running text's own type over a headline is its kicker only alone and centred on it:
# centres this many body sizes apart or less, the line at most this share of the headline's width,
# no text within this many line pitches over it.
CENTRED_KICKER = 0.5
KICKER_SHARE = 0.8
KICKER_ALONE = 1.5


# A name (a byline, a signature) is set in the body's size or a little over it: under this many body
# sizes...
NAME_SIZE = 1.1
# ...or, in capitals, with a place after a comma, or in a script without capitals, this many under a
# headline at least HEADLINE_OVER_NAME times its size (a byline in bold capitals a size over the body,
# under a lead's display head; a brief's head in title case a size over the body, under its section's
# label under the paper's name, is no name).
NAME_SIZE_UNDER_DISPLAY = 1.2
HEADLINE_OVER_NAME = 2.0

# Text after a signature set under this many body sizes is a note under the letters, not the next one.
NOTE_SIZE = 0.95
# A signature stands at most this many line pitches under the text it signs.
SIGNATURE_GAP = 1.5

# Letters without case and the marks (vowel signs, harakat) set on them.
_UNCASED = {"Lo", "Lm", "Mn", "Mc"}
# In a script without capitals a name is this many words or fewer...
UNCASED_NAME_WORDS = 4
# ...in bold no bigger than the body by this share (or in another face than the text under it, this
# many line pitches of white between them).
UNCASED_NAME_SIZE = 1.05
NAME_WHITE = 0.5
# A line this share of a line pitch or less under a paragraph, its size within this share of the
# paragraph's, runs on in it.
RUNS_ON_LEADING = 0.3
RUNS_ON_SIZE = 0.05
# A byline is one line of at most this many characters, in bold or italics under this many body sizes.
BYLINE_CHARS = 40
BYLINE_SIZE = 0.95


def is_name(block: Block, scale: TypeScale, head: Block | None = None) -> bool:
    """One short line of two to five capitalised words (joined by "and"): a person's name (under
    ``head``, when it stands under a headline)."""
    if len(block.lines) != 1 or block.chars > 40:
        return False
    # a name in capitals, or with where its writer writes from ("Jane Morrison, Harlow Bay"), is no
    # brief's head in title case
    marked = block.lines[0].in_capitals or "," in block.text
    under_display = head is not None and head.size >= HEADLINE_OVER_NAME * block.size
    # in a script without capitals nothing marks a name, but its place in a display head's stack does
    uncased = _uncased_name(block, scale, NAME_SIZE_UNDER_DISPLAY if under_display else UNCASED_NAME_SIZE)
    if scale.ratio(block.size) >= (NAME_SIZE_UNDER_DISPLAY if under_display and marked else NAME_SIZE):
        return uncased
    return bool(NAME.match(block.text)) or uncased


def _uncased_name(block: Block, scale: TypeScale, most: float) -> bool:
    """A name in a script without capitals (Arabic, Urdu, Hindi), where the capitals cannot tell it:
    two to four words in bold under ``most`` body sizes, with no digit or punctuation (a brief's head
    in such a paper is as short and as bold, so callers ask for a name's place as well)."""
    return block.bold > 0.5 and scale.ratio(block.size) < most and _uncased_words(block)


def _uncased_words(block: Block) -> bool:
    """One line of two to four words of letters without case (and their marks), nothing else."""
    text = block.text
    words = text.split()
    return (
        len(block.lines) == 1
        and 2 <= len(words) <= UNCASED_NAME_WORDS
        and all(unicodedata.category(c) in _UNCASED for c in text.replace(" ", ""))
    )


def _uncased_name_in_its_own_face(block: Block, blocks: list[Block], scale: TypeScale) -> bool:
    """A name in a script without capitals set in regular type, but in another face than the running
    text under it in its column (a sans over a condensed sans), white between them: a byline (a
    paragraph's first line keeps the text's face; a deck is a sentence, longer than a name)."""
    if not _uncased_words(block) or scale.ratio(block.size) >= UNCASED_NAME_SIZE:
        return False
    under = [
        b
        for b in blocks
        if b.role is Role.BODY
        and len(b.lines) >= 2
        and x_overlap(b.box, block.box) > 0.5
        and 0 < b.top - block.bottom < 3 * scale.pitch
    ]
    text = min(under, key=lambda b: b.top, default=None)
    return (
        text is not None
        and text.top - block.bottom > NAME_WHITE * scale.pitch
        and block.lines[0].style.set_apart(text.lines[0].style)
    )


def _is_standfirst(block: Block, blocks: list[Block], scale: TypeScale, pictures: list[Box]) -> bool:
    """A standfirst under the headline: a few lines across the columns of the body under it,
    set apart from that body in italic, bold or another size (a first paragraph in the column's own
    width is the story's lede, body). The body may start under the story's byline and its photo with
    the photo's caption (a lead's photo across its columns, between its standfirst and its text)."""
    if len(block.lines) > LONG_STANDFIRST_LINES or block.chars > LONG_STANDFIRST_CHARS:
        return False
    foot = _past_byline_and_picture(block, blocks, scale, pictures)
    below = [
        other
        for other in blocks
        if other.role is Role.BODY
        and len(other.lines) >= 3
        and other.width < 0.7 * block.width
        and x_overlap(other.box, block.box) > 0.5
        and -scale.overlap < other.top - foot < STANDFIRST_GAP * scale.pitch  # past a byline
    ]
    if not below:
        return False
    text = max(below, key=lambda b: b.chars)
    long = len(block.lines) > STANDFIRST_LINES or block.chars > STANDFIRST_CHARS
    if long and block.size < LONG_STANDFIRST_SIZE * text.size:
        return False
    italic = block.italic >= 0.8 and block.bold < 0.5 and text.italic < 0.5
    bold = block.bold >= 0.8 and text.bold < 0.5
    return italic or bold or abs(block.size - text.size) > STANDFIRST_SIZE * text.size


def _past_byline_and_picture(block: Block, blocks: list[Block], scale: TypeScale, pictures: list[Box]) -> float:
    """Where the story's text may start under ``block``: its foot, or, when a picture at least as wide
    as half the block starts within STANDFIRST_GAP line pitches under it (past a byline, which may
    have been taken for a caption over the picture), the foot of that picture and of its caption."""
    gap = STANDFIRST_GAP * scale.pitch
    under = [
        img
        for img in pictures
        if -scale.overlap < img[1] - block.bottom < gap
        and x_overlap(img, block.box) > 0.5
        and img[2] - img[0] >= 0.5 * block.width
    ]
    if not under:
        return block.bottom
    picture = min(under, key=lambda img: img[1])
    between = [
        b
        for b in blocks
        if b is not block
        and b.lines
        and block.bottom - scale.overlap < b.top
        and b.bottom < picture[1] + scale.overlap
        and x_overlap(b.box, picture) > 0
    ]
    if any(b.role is not Role.BYLINE and not _caption_over_its_picture(b) for b in between):
        return block.bottom  # text between the two: the picture is not the story's, right under its stack
    captions = [b.bottom for b in blocks if b.role is Role.CAPTION and b.pictured == picture]
    return max([picture[3], *captions])


def aligned(label: Box, head: Box, scale: TypeScale, head_size: float = 0.0, rtl: bool = False) -> bool:
    """A kicker starts where its headline (set ``head_size``; ``rtl``: starting on the right) starts,
    ends where it ends, or is centred over it (a date line centred on the page over a headline set
    off-centre is not its kicker). Only at the start edge may the head's ink overhang (ALIGNED_HEAD):
    a page's date line ends near a lead headline's end edge."""
    near = ALIGNED * scale.body
    start = max(near, ALIGNED_HEAD * head_size)
    centre = abs((label[0] + label[2]) / 2 - (head[0] + head[2]) / 2)
    left, right = abs(label[0] - head[0]), abs(label[2] - head[2])
    return left < (near if rtl else start) or right < (start if rtl else near) or centre < near


def _centred_alone(label: Block, head: Block, blocks: list[Block], scale: TypeScale) -> bool:
    """Whether a line in the running text's type stands alone, centred over the headline (and
    narrower): a kicker set in plain type, not the last line of a column above the headline."""
    if len(label.lines) != 1 or label.width > KICKER_SHARE * head.width:
        return False
    if abs(centre_x(label.box) - centre_x(head.box)) > CENTRED_KICKER * scale.body:
        return False
    return not any(
        b is not label
        and b.lines
        and x_overlap(b.box, label.box) > 0.5
        and -scale.overlap < label.top - b.bottom < KICKER_ALONE * scale.pitch
        for b in blocks
    )


def next_letter(above: Block, block: Block, blocks: list[Block], scale: TypeScale) -> bool:
    """Whether ``block`` opens the next letter (or column) after a signature ending the text right
    above it: running text in the body's type, not the signature's own place line, nor a note set
    smaller under the letters (how to send one)."""
    return (
        block.role is Role.BODY
        and signs_off(above, blocks, scale)
        and not signs_off(block, blocks, scale)
        and block.size >= NOTE_SIZE * scale.body
    )


def signs_off(block: Block, blocks: list[Block], scale: TypeScale) -> bool:
    """Whether running text ends in a signature here: a one-line name ending in a comma set off in
    bold or italics ("Ravi Mathur,"), or the place right under one. A letter or a column is over;
    what follows in its column is the next."""
    if block.role is not Role.BODY or len(block.lines) != 1:
        return False
    name = block if signature_name(block, styled=True) else _signature_over(block, blocks, scale, styled=True)
    return name is not None and _closes_text(name, blocks, scale)


def name_set_off(block: Block) -> bool:
    """One line of a person's name (:data:`NAME`) set off in bold or italics from running text: a
    writer signing a story at its foot."""
    return len(block.lines) == 1 and bool(NAME.match(block.text.strip())) and max(block.bold, block.italic) > 0.5


def signature_name(block: Block, styled: bool = False) -> bool:
    """A one-line name ending in a comma (``styled``: set off in bold or italics): a signature's
    first line."""
    set_off = not styled or block.bold > 0.5 or block.italic > 0.5
    return len(block.lines) == 1 and set_off and block.text.rstrip().endswith(",")


def runs_on_under_text(block: Block, blocks: list[Block], scale: TypeScale, depth: int = 2) -> bool:
    """Whether a line runs on from a paragraph right over it in its column, in the text's own size and
    leading (through a short line or two, such as a run-in label's first part): the last line of a
    column ending over another story's headline, not the next story's kicker, which stands apart or
    is set in a size of its own."""
    over = [
        b
        for b in blocks
        if b is not block
        and b.role in (Role.BODY, Role.BYLINE)
        and x_overlap(b.box, block.box) > 0.5
        and -scale.overlap < block.top - b.bottom < RUNS_ON_LEADING * scale.pitch
        and abs(b.size / max(block.size, 0.1) - 1) <= RUNS_ON_SIZE
    ]
    return any(
        (b.role is Role.BODY and len(b.lines) >= 2) or (depth > 1 and runs_on_under_text(b, blocks, scale, depth - 1))
        for b in over
    )


def _under_a_signature(block: Block, blocks: list[Block], scale: TypeScale, styled: bool = False) -> bool:
    """Whether a line stands right under a one-line name ending in a comma: the place of a letter's
    or a column's signature ("Ravi Mathur, / Noida"), not the kicker of the next head."""
    return _signature_over(block, blocks, scale, styled) is not None


def _signature_over(block: Block, blocks: list[Block], scale: TypeScale, styled: bool = False) -> Block | None:
    """The one-line name ending in a comma right over ``block``, if one is."""
    return next(
        (
            b
            for b in blocks
            if b is not block
            and signature_name(b, styled)
            and x_overlap(b.box, block.box) > 0.5
            and -scale.overlap < block.top - b.bottom < 0.5 * scale.pitch
        ),
        None,
    )


def _closes_text(name: Block, blocks: list[Block], scale: TypeScale) -> bool:
    """Whether running text stands right over a signature's name: a signature ends a letter. A name
    under a headline, over the story's first column ("Thomas Harrington,"), is its byline."""
    return any(
        b.role is Role.BODY
        and b is not name
        and x_overlap(b.box, name.box) > 0.5
        and -scale.overlap < name.top - b.bottom < SIGNATURE_GAP * scale.pitch
        for b in blocks
    )


def _kicker_of_another_head(block: Block, head: Block, others: list[Block], scale: TypeScale) -> bool:
    """Whether a line under ``head`` stands right over another headline (of ``others``), as its kicker
    would: one bigger than ``head`` (a label in capitals between a section's name in the header and
    the lead story's headline is the headline's kicker, not a byline or deck of the name), or one the
    line stands closer to than to ``head`` (a side head's kicker a little under the paper's name)."""
    gap_below = block.top - head.bottom
    return any(
        block.size < other.size * 0.95
        and x_overlap(other.box, block.box) >= 0.5
        and -KICKER_OVERLAP * other.size < other.top - block.bottom < max(1.2 * other.size, 2 * scale.body)
        and (other.size > head.size or other.top - block.bottom < gap_below)
        for other in others
        if other is not block
    )


def _over_a_head(block: Block, blocks: list[Block], scale: TypeScale) -> bool:
    """Whether a headline at least as big stands right under a line: a byline leads to its story's
    text, and a line of capitalised words over the next head ("NEWS IN BRIEF") labels that head's
    column (a smaller run-in head under an old paper's "PUBLISHED EVERY SATURDAY" does not)."""
    return any(
        b.role is Role.HEADLINE
        and b is not block
        and b.size >= block.size
        and x_overlap(b.box, block.box) >= 0.5
        and -scale.overlap < b.top - block.bottom < HEAD_UNDER * scale.pitch
        for b in blocks
    )


def _may_decorate(block: Block, head: Block) -> bool:
    """What :func:`mark_decorations` asks of a block before whether it is a name (the costly test, for
    every block of the page against every headline): running text, or a smaller headline, in the
    headline's column or the column of the stack it heads so far (its kicker and deck); or a caption
    over its picture, which may be a byline. A brief's run-in head heads its paragraph, whatever its
    words (two of them are a name's length in a script without capitals)."""
    if block.lines[0].run_in_part == "head" or block.role_rule == FIRST_BRIEF_RULE:
        return False
    smaller_head = block.role is Role.HEADLINE and block.size < head.size
    if block.role is not Role.BODY and not smaller_head and not _caption_over_its_picture(block):
        return False
    return x_overlap(head.box, block.box) >= 0.5 or x_overlap(head.reach or head.box, block.box) >= 0.5


def mark_decorations(head: Block, blocks: list[Block], scale: TypeScale, pictures: list[Box]) -> None:
    """Kicker just above a headline; deck and byline just below it (``pictures``: the page's images)."""
    others = [b for b in blocks if b.role is Role.HEADLINE and b is not head]
    # where a side head's standfirst may stand: atop its row, as found before a kicker widens its reach
    atop_its_row = {
        id(b) for b in blocks if b.role in (Role.BODY, Role.HEADLINE) and atop_the_row_beside(b, head, scale)
    }
    # down the stack (a byline's place is under the deck), then what stands over the headline: a
    # kicker lines up with the stack's edge, as wide as its deck runs
    for block in sorted(blocks, key=lambda b: (b.top < head.top, b.top)):
        if block is head or not _may_decorate(block, head):
            continue
        if id(block) in atop_its_row and _is_standfirst(block, blocks, scale, pictures):
            block.set_role(Role.SUBHEADLINE, "deck: a standfirst atop the row beside its side head")
            continue
        name = is_name(block, scale, head) or _uncased_name_in_its_own_face(block, blocks, scale)
        # a name in bold a little over the body's size is a small head by its size alone; a name over a
        # picture, taken for its caption, may be the byline between the stack and the story's photo
        over_its_picture = name and _caption_over_its_picture(block)
        small_head = name and block.role is Role.HEADLINE and block.size < head.size
        leaded = _leaded_over(block, head)  # a kicker in the head's face, a bold head by its size alone
        if block.role is not Role.BODY and not small_head and not over_its_picture and not leaded:
            continue
        # under the headline or, for a name, under the deck found so far (a byline set flush left
        # under a standfirst wider than its centred headline); over it, a kicker over the stack
        stacked = name or block.bottom <= head.top
        if x_overlap(head.box, block.box) < 0.5 and not (
            stacked and x_overlap(head.reach or head.box, block.box) >= 0.5
        ):
            continue
        gap_below = block.top - head.bottom
        stack = (head.reach or head.box)[3]  # the foot of the headline with its deck so far
        near = block.top - stack < 3 * scale.pitch or gap_below < 1.5 * scale.pitch  # a byline's or a deck's place
        # what stands right over another headline is that one's kicker, not this one's byline or deck
        under = gap_below > -deck_overlap(head, scale) and near
        under = under and not _kicker_of_another_head(block, head, others, scale)
        if (
            under
            and -scale.overlap < block.top - stack < 3 * scale.pitch
            and name
            and not _over_a_head(block, blocks, scale)
        ):
            block.set_role(Role.BYLINE, BYLINE_OVER_PICTURE_RULE if over_its_picture else BYLINE_RULE)
            continue
        if over_its_picture:
            continue  # a caption after all
        if under and gap_below < 1.5 * scale.pitch and _is_standfirst(block, blocks, scale, pictures):
            block.set_role(Role.SUBHEADLINE, "deck: a standfirst in its own style across the columns under it")
            head.reach = union([head.reach or head.box, block.box])
            continue
        if block.chars > 120 or len(block.lines) > 3:
            continue
        gap_above = head.top - block.bottom
        plain_body = abs(scale.ratio(block.size) - 1) < 0.08 and block.bold < 0.5 and not block.text.isupper()
        kicker_gap = -KICKER_OVERLAP * head.size < gap_above < max(1.2 * head.size, 2 * scale.body)
        # a signature's name ("Ravi Mathur,") and the place under it end a story; they head none
        signed = block.text.rstrip().endswith(",") or _under_a_signature(block, blocks, scale)
        signed = signed or runs_on_under_text(block, blocks, scale)  # a column's last line: no kicker
        small = block.size < head.size * 0.95 or leaded
        if (
            kicker_gap
            and small
            and (not plain_body or _centred_alone(block, head, blocks, scale))
            and not signed
            and aligned(block.box, head.reach or head.box, scale, head.size, head.lines[0].rtl)
        ):
            block.set_role(Role.KICKER, "kicker: smaller type just above a headline")
            head.reach = union([head.reach or head.box, block.box])
            continue
        if (
            under
            and gap_below < 1.5 * scale.pitch
            and (1.12 <= scale.ratio(block.size) < 1.4 or (block.bold > 0.8 and len(block.lines) <= 2))
        ):
            if len(head.lines) == 1 and next_brief_head(block, blocks, scale) is not None:
                block.set_role(Role.HEADLINE, BRIEF_HEAD_RULE)  # and the headline over it a section's name
                continue
            block.set_role(Role.SUBHEADLINE, "deck: bigger or bold type just under a headline")
            head.reach = union([head.reach or head.box, block.box])


def _leaded_over(block: Block, head: Block) -> bool:
    """Whether a line in about the headline's own size (LEADED_KICKER_SIZE of it, no bigger) stands
    over it leaded apart from its evenly leaded lines: a kicker told from the head by white alone (a
    paper's title over a lead's bigger head is no kicker)."""
    return (
        len(block.lines) == 1
        and len(head.lines) >= 2
        and LEADED_KICKER_SIZE * head.size <= block.size <= head.size
        and block.bottom <= head.lines[0].bottom
        and leaded_apart(block.lines[0], head.lines[0], head.lines[1])
    )


def deck_overlap(head: Block, scale: TypeScale) -> float:
    """How far a deck's box may reach up into its headline's (:data:`DECK_OVERLAP`), and no less than
    any two boxes stacked (``scale.overlap``)."""
    return max(scale.overlap, DECK_OVERLAP * head.size)


def _caption_over_its_picture(block: Block) -> bool:
    """Whether ``block`` was taken for the caption of a picture right under it (a caption mostly runs
    under its picture; a byline set between a story's deck and its photo stands over it)."""
    return block.role is Role.CAPTION and block.pictured is not None and block.bottom <= block.pictured[1]


def is_byline(block: Block, scale: TypeScale) -> bool:
    """A line or two opening with "By" (or its equivalent), in about the body's size: a byline."""
    if len(block.lines) > 2 or block.chars > 70:
        return False
    return bool(BYLINE.match(block.text)) and scale.ratio(block.size) < 1.3


def signed_right_under(block: Block, blocks: list[Block], scale: TypeScale) -> bool:
    """Whether a byline stands right under the block, in its column: "By …", or, in a script or a
    language without the word, one short line in bold or italics smaller than the body."""
    return any(
        b is not block
        and x_overlap(b.box, block.box) > 0.5
        and -scale.overlap < b.top - block.bottom < scale.pitch
        and (is_byline(b, scale) or byline_shaped(b, scale))
        for b in blocks
    )


def byline_shaped(block: Block, scale: TypeScale) -> bool:
    """One short line in bold or italics, set smaller than the body: how a byline looks."""
    styled = block.bold >= 0.9 or block.italic >= 0.9
    return len(block.lines) == 1 and block.chars <= BYLINE_CHARS and styled and scale.ratio(block.size) < BYLINE_SIZE
