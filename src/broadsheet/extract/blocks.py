"""Stage 3: lines → blocks, and the page's type scale.

A block is a stack of lines of one size class that sit close together in one column: a headline,
a paragraph run of body text, a caption, a byline. Rules between two lines always cut the stack.
"""

from __future__ import annotations

import itertools
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import StrEnum

from broadsheet.extract.line import Line
from broadsheet.geometry import Box, centred_in, inside, union, x_overlap

# Type this much bigger than the body is display type (headlines, kickers, decks).
DISPLAY_TYPE = 1.15
# Type at least this many body sizes is a little bigger than the body, not the body's size measured.
BIGGER_THAN_BODY = 1.03
# A short bold block this many body sizes or more is a headline by its size alone (a crosshead
# a size over the text is told from one later, by where it stands).
BOLD_HEAD_SIZE = 1.08
# A headline runs to HEAD_CHARS characters, on HEAD_LINES lines; set this many body sizes or more,
# on HEAD_LINES_HUGE (a lead's head in capitals across two columns wraps often): more is text set big.
HEAD_CHARS = 220
HEAD_LINES = 5
HUGE_TYPE = 2.5
HEAD_LINES_HUGE = 8
# ...as does a bold head in a narrow column, at this many words a line or fewer ("A / PROGRAMME / OF /
# REPAIRS / TO THE / TOWN / HALL"): text set big fills its lines.
WRAPPED_HEAD_WORDS = 2.0
# A line whose box is this many of its sizes tall is set at a tilt (its baseline climbs across the
# column); the next line of tilted text has its centre this many sizes (from, to) further down.
TILTED = 1.6
TILTED_STEP = (0.7, 1.8)


class Role(StrEnum):
    """What a block is on the page; set by :mod:`broadsheet.extract.roles`."""

    BODY = "body"
    HEADLINE = "headline"
    KICKER = "kicker"
    SUBHEADLINE = "subheadline"
    BYLINE = "byline"
    CAPTION = "caption"
    PULLQUOTE = "pullquote"
    JUMP = "jump"
    IMAGE = "image"
    FURNITURE = "furniture"
    MASTHEAD = "masthead"
    ADVERT = "advert"


# Boxes one under the other may overlap by this share of the body size and still count as stacked
# (the loose boxes of tightly leaded lines overlap, and a headline's in huge type reach down into its
# deck's): about a point at a 9 pt body, and as much more or less as the page is set bigger or smaller
# (a PDF made at one and a half times the paper's size). A tenth split a 100 pt head from its deck
# 0.98 pt under it (tests/extract/test_furniture.py).
STACK_OVERLAP = 0.12
# A kicker's box may reach this share of its headline's size into the headline's (set close over it,
# the two lines' boxes, from the fonts' ascent and descent, overlap).
KICKER_OVERLAP = 0.25


@dataclass(frozen=True, slots=True)
class TypeScale:
    """The page's body text size and line pitch: every size judgement is relative to these."""

    body: float
    pitch: float

    def ratio(self, size: float) -> float:
        return size / self.body if self.body else 1.0

    @property
    def overlap(self) -> float:
        """How far two boxes may overlap and still stand one under the other (STACK_OVERLAP)."""
        return STACK_OVERLAP * self.body


@dataclass(slots=True)
class Block:
    lines: list[Line]
    box: Box
    role: Role = Role.BODY
    frame: int | None = None  # index of the frame (boxed article, panel) that holds it
    reach: Box | None = None  # a headline with its kicker and deck: the width its article claims below
    side_head: bool = False  # a headline beside its story's columns: its reach is the row beside it
    role_rule: str = "body: not display type"  # the rule that set ``role`` (``broadsheet extract --explain``)
    item_rule: str = ""  # the rule that put the block in its item
    pictured: Box | None = None  # for a caption: the picture it was found under or over; a byline: its portrait
    # size, chars, bold, italic: asked for again and again by the later stages, so computed once
    _figures: tuple[float, int, float, float] | None = field(default=None, init=False, repr=False, compare=False)

    def set_role(self, role: Role, rule: str) -> None:
        """Give the block a role, naming the rule that decided it: every decision can say why."""
        self.role = role
        self.role_rule = rule

    def rejoin_run_in(self, above: list[Line] | None = None) -> None:
        """Give the block's first line back its run-in label (cut off as a brief's heading, then
        found to be a label inside a story), and the lines ``above`` it that the label wrapped from."""
        whole = self.lines[0].whole
        if whole is not None:
            self.lines[0] = whole
        self.lines[:0] = above or []
        self.box = union([self.box, *(line.box for line in self.lines)])
        self._figures = None

    def split_off(self, index: int, count: int = 1) -> Block:
        """Take the first (``index`` 0) or last (-1) ``count`` lines out into a block of their own,
        with this block's role."""
        taken = self.lines[:count] if index == 0 else self.lines[-count:]
        self.lines = self.lines[count:] if index == 0 else self.lines[:-count]
        self.box = union([ln.box for ln in self.lines])
        self._figures = None
        return Block(lines=taken, box=union([ln.box for ln in taken]), role=self.role, role_rule=self.role_rule)

    def replace_lines(self, lines: list[Line]) -> None:
        """The block's lines read again: OCR's words in the same boxes (:mod:`broadsheet.extract.legacy`)."""
        self.lines = lines
        self._figures = None

    def add(self, line: Line) -> None:
        """Stack ``line`` under the block: the one way a block grows once made."""
        self.lines.append(line)
        self.box = union([self.box, line.box])
        self._figures = None

    def _measure(self) -> tuple[float, int, float, float]:
        """Median line size, characters, and the bold and italic shares of the characters; kept
        until :meth:`add` changes the lines."""
        if self._figures is None:
            sizes = sorted(line.size for line in self.lines)
            lengths = [len(line.text) for line in self.lines]
            chars = sum(lengths)
            n = chars or 1
            bold = sum(line.bold * k for line, k in zip(self.lines, lengths, strict=True)) / n
            italic = sum(line.italic * k for line, k in zip(self.lines, lengths, strict=True)) / n
            self._figures = (sizes[len(sizes) // 2] if sizes else 0.0, chars, bold, italic)
        return self._figures

    # the figures read straight from their store once measured: the later stages ask a page's
    # blocks for them a hundred thousand times, and a method call costs as much as the reading

    @property
    def size(self) -> float:
        return (self._figures or self._measure())[0]

    @property
    def text(self) -> str:
        return " ".join([line.text for line in self.lines])  # a list joins faster than a generator

    @property
    def chars(self) -> int:
        return (self._figures or self._measure())[1]

    @property
    def x0(self) -> float:
        return self.box[0]

    @property
    def top(self) -> float:
        return self.box[1]

    @property
    def x1(self) -> float:
        return self.box[2]

    @property
    def bottom(self) -> float:
        return self.box[3]

    @property
    def width(self) -> float:
        return self.box[2] - self.box[0]

    @property
    def bold(self) -> float:
        return (self._figures or self._measure())[2]

    @property
    def italic(self) -> float:
        return (self._figures or self._measure())[3]


def size_role(block: Block, scale: TypeScale) -> tuple[Role, str]:
    ratio = scale.ratio(block.size)
    lines = HEAD_LINES_HUGE if ratio >= HUGE_TYPE or _wrapped_word_by_word(block) else HEAD_LINES
    short = block.chars < HEAD_CHARS and len(block.lines) <= lines
    if ratio >= 1.4 and short:
        return Role.HEADLINE, "headline: short block in display type"
    if ratio >= BOLD_HEAD_SIZE and block.bold >= 0.6 and short:
        return Role.HEADLINE, "headline: short bold block a little bigger than the body"
    return Role.BODY, "body: not display type"


def _wrapped_word_by_word(block: Block) -> bool:
    """Whether a bold block wraps a word or two a line (WRAPPED_HEAD_WORDS): a head in a narrow column."""
    words = sum(len(line.words) for line in block.lines)
    return block.bold >= 0.9 and words <= WRAPPED_HEAD_WORDS * len(block.lines)


def measure_type_scale(lines: list[Line], scanned: bool = False) -> TypeScale:
    """Body size is the size most characters are set in; pitch the usual baseline distance.

    Sizes are counted in half-point bins (a scaled page's sizes scatter), and the body is the size
    most characters have within the winning bin: rounding 8.25 pt text to 8.0 would make a bold line
    of the body's own size read as a size bigger. On a scan, whose sizes are measured off the
    pixels, no size is exact: the bin's middle stands for them all."""
    exact: Counter[float] = Counter()
    for line in lines:
        exact[line.size] += len(line.text)
    if not exact:
        return TypeScale(10.0, 12.0)
    bins: Counter[float] = Counter()
    for size, chars in exact.items():
        bins[_half_point_bin(size)] += chars
    winner = bins.most_common(1)[0][0]
    body = winner if scanned else max((n, size) for size, n in exact.items() if _half_point_bin(size) == winner)[1]
    same = sorted((ln for ln in lines if abs(ln.size - body) < 0.15 * body), key=lambda ln: (ln.x0 // 20, ln.top))
    steps: Counter[float] = Counter()
    for a, b in itertools.pairwise(same):
        step = b.bottom - a.bottom
        if 0.9 * body < step < 2.0 * body and abs(a.x0 - b.x0) < 3 * body:
            steps[round(step, 1)] += 1
    pitch = steps.most_common(1)[0][0] if steps else 1.2 * body
    return TypeScale(float(body), float(pitch))


def _half_point_bin(size: float) -> float:
    return round(size * 2) / 2


def find_blocks(lines: list[Line], scale: TypeScale, hrules: list[Box], scanned: bool = False) -> list[Block]:
    """Stack lines into blocks: same size class, overlapping columns, small vertical gaps (sizes
    measured off a scan's pixels are looser: :data:`OCR_HEAD_SIZE`)."""
    blocks: list[Block] = []
    open_blocks: list[Block] = []  # the blocks that may still take a line, in order of creation
    for line in sorted(lines, key=lambda ln: (ln.top, ln.x0)):
        open_blocks = [b for b in open_blocks if not _closed(b, line, scale)]
        target = _block_above(open_blocks, line, scale, hrules, scanned)
        if target is None:
            # a line that starts a block of its own interrupts the blocks right above it (not a
            # speck OCR read as a letter or two, between a headline's lines)
            if not (scanned and len(line.text.strip()) <= SPECK_CHARS):
                open_blocks = [b for b in open_blocks if not _interrupted_by(b, line)]
            block = Block(lines=[line], box=line.box)
            blocks.append(block)
            open_blocks.append(block)
        else:
            target.add(line)
    return _split_where_leaded_apart(blocks, scale)


def _split_where_leaded_apart(blocks: list[Block], scale: TypeScale) -> list[Block]:
    """The blocks, each bold block cut where its lines are leaded apart (:func:`_leaded_cut`): a kicker
    set in its headline's face and about its size, or a headline over a deck of about its size
    (their faces of one family, "Serif" and "SerifCondensed"), told apart only by the white between."""
    out: list[Block] = []
    for block in blocks:
        while (cut := _leaded_cut(block.lines, scale)) is not None:
            out.append(block.split_off(0, cut))
        out.append(block)
    return out


def _leaded_cut(lines: list[Line], scale: TypeScale) -> int | None:
    """The first line of a bold block, past its first, that is leaded apart from the line over it
    (:func:`leaded_apart`); past its second, only in a head's size (BOLD_HEAD_SIZE), and leaded
    apart from the evenly leaded lines over it as well (the step down to it wider than theirs), or,
    in the body's size, where the face changes as well (a condensed deck under a bold head set
    small in a narrow column; a place line in its text's face stays)."""
    if len(lines) < 3 or min(ln.bold for ln in lines) < HEAD_FACE_BOLD:
        return None
    if leaded_apart(lines[0], lines[1], lines[2]):
        return 1
    heads = min(ln.size for ln in lines) >= BOLD_HEAD_SIZE * scale.body
    for i in range(2, len(lines)):
        if not heads and lines[i].style.name == lines[i - 1].style.name:
            continue
        above = leaded_apart(lines[i], lines[i - 1], lines[i - 2], upward=True)
        below = i + 1 == len(lines) or leaded_apart(lines[i - 1], lines[i], lines[i + 1])
        if above and below:
            return i
    return None


def leaded_apart(upper: Line, lower: Line, following: Line, upward: bool = False) -> bool:
    """Whether ``upper`` stands further over ``lower`` than ``lower`` over the line ``following`` it,
    by LEADED_APART, centre to centre (a line's box top or foot moves with its ascenders and
    descenders, an Arabic word's most), with white of LEADED_WHITE of its size between the two.
    ``upward``: the same read up the page (``upper`` under ``lower``, ``following`` over it)."""
    sign = -1 if upward else 1
    step = sign * (lower.top + lower.bottom - upper.top - upper.bottom) / 2
    next_step = sign * (following.top + following.bottom - lower.top - lower.bottom) / 2
    white = lower.top - upper.bottom if not upward else upper.top - lower.bottom
    return step > LEADED_APART * max(next_step, 0.1) and white > LEADED_WHITE * lower.size


def _interrupted_by(block: Block, line: Line) -> bool:
    last = block.lines[-1]
    return x_overlap(last.box, line.box) > 0.5 and last.top < line.top


def _closed(block: Block, line: Line, scale: TypeScale) -> bool:
    """Lines come top-down, so a block whose last line ends further above ``line`` than any gap
    :func:`_block_above` accepts (at most 0.9 × 1.25 × its size, or 0.6 pitch) takes no later line."""
    last = block.lines[-1]
    return line.top - last.bottom > max(1.5 * max(last.size, 0.1), 0.6 * scale.pitch) + 1.0


def _wrapped_head_over(blocks: list[Block], line: Line, scale: TypeScale) -> Block | None:
    """The open block of a run-in heading's lines that wraps on to ``line`` (the next of the heading's
    lines) right over it; a brief's heading starts a block of its own otherwise."""
    for block in blocks:
        last = block.lines[-1]
        gap = line.top - last.bottom
        # the line it wraps on to as a whole (its heading's last word may be short, under an indent)
        whole = (line.whole or line).box
        if last.run_in_wraps and x_overlap(last.box, whole) > 0.5 and -0.4 * line.height < gap < scale.pitch:
            return block
    return None


def _block_above(blocks: list[Block], line: Line, scale: TypeScale, hrules: list[Box], scanned: bool) -> Block | None:
    if line.run_in_part == "head" and not line.sideways:
        return _wrapped_head_over(blocks, line, scale)
    if line.run_in_part or line.sideways:
        return None  # the paragraph a brief's heading runs into, and text set sideways, start blocks
    best: Block | None = None
    best_gap = 1e9
    for block in blocks:
        last = block.lines[-1]
        # the tests are pure, so their order is only speed's: a block of another column, the most
        # common one open, is told first (a line meets a dozen open blocks, most in no other way)
        if x_overlap(last.box, line.box) < 0.5 or last.sideways:
            continue
        gap = line.top - last.bottom
        limit = max(0.9 * max(last.size, line.size), 0.6 * scale.pitch)
        if not -0.4 * line.height < gap < limit and not _next_tilted_line(last, line):
            continue
        if not _same_size(last, line, scale, scanned) or abs(line.bold - last.bold) > 0.6:
            continue
        # a run-in paragraph's first line starts past its heading: the line it was cut from is the column's
        if (
            _another_style(last, line)
            or _another_face(block, line, scale)
            or not _same_column(last.whole or last, line, scale)
        ):
            continue
        if _heading_edge(last, line, block.box, scale):
            continue  # a line of capitals or a centred line in the body size is a heading, not running text
        if rule_between(last.box, line.box, hrules):
            continue
        if gap < best_gap:
            best, best_gap = block, gap
    return best


def _next_tilted_line(upper: Line, lower: Line) -> bool:
    """Whether ``lower`` is the line after ``upper`` in text set at a slight tilt (a card turned on
    the page): such lines' boxes are taller than their type and overlap the next line's, so their gap
    says nothing; their centres stand a line's pitch apart."""
    size = max(upper.size, lower.size)
    tilted = min(upper.height, lower.height) > TILTED * size
    step = (lower.top + lower.bottom - upper.top - upper.bottom) / 2
    return tilted and TILTED_STEP[0] * size < step < TILTED_STEP[1] * size


def _heading_edge(last: Line, line: Line, block: Box, scale: TypeScale) -> bool:
    """Whether a heading starts or ends between the two lines: capitals next to lower case (a
    kicker over its headline, an old paper's headline over its text), or, in the body size, a line
    centred under or over running text (not the second line of a heading in capitals, which is
    centred under the first)."""
    if (last.in_capitals and _lower_case(line)) or (line.in_capitals and _lower_case(last)):
        return True
    if last.in_capitals or max(last.size, line.size) >= DISPLAY_TYPE * scale.body:
        return False
    if min(last.bold, line.bold) >= 0.6:
        return False  # a bold heading's lines, centred under each other: running text is not bold
    margin = 3 * scale.body
    return centred_in(last.box, line.box, margin) or centred_in(line.box, block, margin)


def _lower_case(line: Line) -> bool:
    """Whether a line has lower-case letters: a short word in capitals ("THE", too few letters to
    count as a line in capitals) heading a headline in capitals is no heading's edge."""
    return any(map(str.islower, line.text))


def _same_size(upper: Line, lower: Line, scale: TypeScale, scanned: bool) -> bool:
    """Body lines vary a little in measured size; the lines of one headline (or any bold heading)
    are set in one size, so a kicker, deck or byline a size or two smaller is not part of it. On a
    scan, where a line's size is its measured height (Devanagari's matras, accents and descenders
    make it vary by line), a headline's lines vary more."""
    ratio = lower.size / max(upper.size, 0.1)
    if max(upper.size, lower.size) > DISPLAY_TYPE * scale.body or max(upper.bold, lower.bold) >= 0.6:
        low, high = OCR_HEAD_SIZE if scanned else HEAD_SIZE
        return low < ratio < high
    return 0.8 < ratio < 1.25


# On a scan, a line of at most this many characters is a speck of ink read as letters: it does not end
# the blocks above it.
SPECK_CHARS = 2
# Two lines of one headline differ in size by less than these ratios (the lower's to the upper's),
# set in type...
HEAD_SIZE = (0.93, 1.075)
# ...and measured off a scan.
OCR_HEAD_SIZE = (0.87, 1.15)

# Lines whose sizes differ by more than this share are set in two sizes, not measured apart...
OTHER_SIZE = 0.04
# ...and when this many of the smaller size apart (more than a paragraph's leading), two blocks.
SPACED = 0.6
# A bold line whose step down to the next line is this many times the next lines' step, with this
# many of their size in white under it, is leaded apart from them: a kicker over its headline, in
# about the headline's size and face.
LEADED_APART = 1.3
LEADED_WHITE = 0.2
# A line this bold (share of glyphs) under a one-line block as bold, in another family, starts a
# heading of its own; under a longer block, when both are a head's size (BOLD_HEAD_SIZE: a deck under
# its headline; a deck of the body's size keeps the place line at the stack's foot).
HEAD_FACE_BOLD = 0.8


def _another_style(upper: Line, lower: Line) -> bool:
    """Two lines set a size apart and either one in italics, the other in roman, or spaced wider
    than lines of a paragraph: a photo's caption over the column under it, not two lines of one
    paragraph (italic words inside a paragraph make part of a line italic and leave its size alone;
    sizes measured a little apart in one paragraph sit at its leading). In one size, a line wholly in
    italics spaced off a line wholly in roman: a writer's name over the text."""
    slanted = abs(upper.italic - lower.italic) > 0.9
    spaced = lower.top - upper.bottom > SPACED * min(upper.size, lower.size)
    if abs(lower.size / max(upper.size, 0.1) - 1) <= OTHER_SIZE:
        return slanted and spaced  # a writer's name in italics, spaced off the text under it
    return slanted or spaced


def _another_face(block: Block, line: Line, scale: TypeScale) -> bool:
    """A bold line under a bold block in a font of another family, or in another ink: a kicker in a
    sans face (or in the paper's colour) over its headline in a serif of about its size (in black),
    or a headline in a condensed sans over its deck in a serif of about its size, not two lines of
    one heading (a heading keeps its face and its ink)."""
    upper = block.lines[-1]
    if upper.bold < HEAD_FACE_BOLD or line.bold < HEAD_FACE_BOLD:
        return False  # told first: running text is not bold, and the faces' families cost more to tell
    heads = min(upper.size, line.size) >= BOLD_HEAD_SIZE * scale.body
    apart = not upper.style.same_family(line.style) or upper.style.another_ink(line.style)
    return apart and (len(block.lines) == 1 or heads)


def _same_column(upper: Line, lower: Line, scale: TypeScale) -> bool:
    """Left edges aligned (an indent allowed) or centred text; not a line of the next column."""
    big = max(upper.size, lower.size) > 1.3 * scale.body
    if big:
        return True
    if abs(upper.x0 - lower.x0) < 2.5 * scale.body or abs(upper.x1 - lower.x1) < 1.0 * scale.body:
        return True
    centre_u, centre_l = (upper.x0 + upper.x1) / 2, (lower.x0 + lower.x1) / 2
    return abs(centre_u - centre_l) < 1.0 * scale.body


def rule_between(upper: Box, lower: Box, hrules: list[Box]) -> bool:
    """Whether a horizontal rule lies between the two boxes, under both: a short rule under a wide
    headline's span (over a chart in another column) does not part it from a column it stands over."""
    for r in hrules:
        if (
            upper[3] - 1 <= (r[1] + r[3]) / 2 <= lower[1] + 1
            and x_overlap(r, (upper[0], 0, upper[2], 0)) > 0.3
            and x_overlap(r, (lower[0], 0, lower[2], 0)) > 0.3
        ):
            return True
    return False


def text_frames(blocks: list[Block], frames: Sequence[Box]) -> list[Box]:
    """The frames with running text in them: boxes a story is set in, whose edge parts it from what
    stands beside or under the box (a tint behind a headline alone holds none)."""
    return [f for f in frames if any(b.role is Role.BODY and inside(b.box, f) for b in blocks)]


def boxed_apart(block: Block, head: Block, frames: list[Box], blocks: list[Block]) -> bool:
    """Whether a box drawn on the page holds ``block`` with other text, and not ``head``: its edge
    parts them (a name in an imprint's box is no byline beside the head; a label in a strip of
    teasers heads nothing under the strip), where a columnist's portrait boxed with his name under
    it, or a band behind a headline alone, parts nothing."""
    return any(
        inside(block.box, frame)
        and not inside(head.box, frame)
        and any(b is not block and b.lines and inside(b.box, frame) for b in blocks)
        for frame in frames
    )
