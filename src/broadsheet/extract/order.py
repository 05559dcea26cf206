"""Stage 4: reading order of blocks — recursive XY-cut with newspaper preferences.

Horizontal cuts come first, but only through wide whitespace or along a rule, so that chance
alignments of paragraph gaps across columns do not cut the columns; then vertical cuts through
gutters, read left to right (right to left on RTL pages).
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass

from broadsheet.extract.model import Direction
from broadsheet.geometry import Box

# The top part peeled off a region may reach this share of the least gap for a cut (a line's pitch)
# into what is under it: a head's descenders into the box of the line under it.
PEEL_OVERLAP = 0.2
# Boxes side by side whose tops are this many line pitches apart at most start a row of columns.
LEVEL_TOPS = 1.5
# A box under this many line pitches tall is a line (a kicker, a byline), not a column of text.
STACK_LINE = 1.5
# Columns are parted where their boxes overlap by less than this share of a line's pitch: a head in
# Nastaliq overhangs its column's edge by the stroke of a kaf, into the next story's column.
OVERHANG = 0.5
# A rule across this share of a region's width at least parts what is above it from what is below;
# so do pieces of a rule level with each other (within RULE_LEVEL points), each at most RULE_GUTTER
# line pitches from the next, together across this share of it (a rule drawn column by column, broken
# at the gutters: across the whole row, not a column or two short of a column of briefs beside it).
RULE_SPAN = 0.6
RULE_LEVEL = 1.0
RULE_GUTTER = 1.5
RULE_PIECES_SPAN = 0.95
# On a scan, columns are parted only by a gap this wide (in the page's units).
SCAN_GUTTER = 0.5
# A gap across columns of at most this many line pitches, with each column's text running on under
# it in the same measure (edges within MEASURE_EDGE pitches), is their paragraphs' gaps in a row by
# chance, not white space parting what is above from what is below.
PARAGRAPH_GAP_MOST = 2.0
MEASURE_EDGE = 0.2
# ...or one edge so and the other within RAGGED_EDGE pitches: text set ragged, whose lines end where
# their words do.
RAGGED_EDGE = 2.0
# A box this many line pitches tall at most, alone under a gap of a paragraph's, flush with the text
# over it (a justified column's lines), is that column's last paragraph, the other columns ending
# higher (a story under a row of stories opens with its head, not with text in a column's measure).
COLUMN_FOOT = 4.5
# A column's text starting this many line pitches or less under a picture's foot (its caption's)
# runs on from the picture, though the gap under the caption is wider than a paragraph's.
UNDER_A_PICTURE = 3.0


@dataclass(frozen=True)
class _Page:
    boxes: Sequence[Box]
    direction: Direction
    min_gap: float
    hrules: Sequence[Box]
    floating: frozenset[int]
    scanned: bool


def reading_order(
    boxes: Sequence[Box],
    direction: Direction,
    min_gap: float,
    hrules: Sequence[Box] = (),
    floating: Collection[int] = (),
    scanned: bool = False,
) -> list[int]:
    """Indices of ``boxes`` in reading order.

    ``floating`` boxes (photos and their captions, pull quotes) do not stop a cut between columns: a
    photo set across a gutter, with the text of both columns running round it, leaves the columns read
    one after the other; it is read with the column its centre is in.
    """
    out: list[int] = []
    _cut(list(range(len(boxes))), _Page(boxes, direction, min_gap, hrules, frozenset(floating), scanned), out)
    return out


def _cut(idx: list[int], page: _Page, out: list[int]) -> None:
    if len(idx) <= 1:
        out.extend(idx)
        return
    boxes = page.boxes
    pitch = None if page.scanned else page.min_gap  # a scan's rules are not joined from pieces
    groups = _split(idx, boxes, axis=1, min_gap=page.min_gap, hrules=page.hrules, floating=page.floating, pitch=pitch)
    if len(groups) == 1:
        groups = _columns(idx, page)
    if len(groups) == 1 and not page.scanned:
        # something wide at the foot (a story's head across two columns' feet, beside a column
        # that runs on down) blocks both cuts: read the columns above it first
        groups = _peel_bottom(idx, page)
    if len(groups) == 1:
        # something wide on top (a photo over two columns) blocks both cuts: take off the top
        # part at the first clean horizontal gap, however narrow, and cut the rest again
        groups = _peel_top(idx, boxes, PEEL_OVERLAP * page.min_gap)
    if len(groups) == 1:
        # no clean cut: read top to bottom, then along the line
        sign = -1 if page.direction == "rtl" else 1
        out.extend(sorted(idx, key=lambda i: (boxes[i][1], sign * boxes[i][0])))
        return
    for group in groups:
        _cut(group, page, out)


def _columns(idx: list[int], page: _Page) -> list[list[int]]:
    """Split at the gutters, in reading order. A floating box that crosses a gutter between columns
    of other boxes does not stop the split: it joins the column its centre is in (or the nearest)."""
    boxes, crossing = page.boxes, _crossing(idx, page)
    groups = _side_by_side([i for i in idx if i not in crossing], page)
    spans = [_span(g, boxes) for g in groups] if crossing else []
    for i in sorted(crossing):
        centre = (boxes[i][0] + boxes[i][2]) / 2
        groups[min(range(len(spans)), key=lambda k: max(spans[k][0] - centre, centre - spans[k][1], 0))].append(i)
    return groups[::-1] if page.direction == "rtl" else groups


def _crossing(idx: list[int], page: _Page) -> set[int]:
    """The floating boxes that reach over a gutter between the columns of the other boxes."""
    fixed = [i for i in idx if i not in page.floating]
    if not fixed or len(fixed) == len(idx):  # nothing floats here (most regions), or nothing else does
        return set()
    boxes = page.boxes
    spans = [_span(g, boxes) for g in _side_by_side(fixed, page)]
    return {i for i in idx if i in page.floating and sum(boxes[i][0] < hi and boxes[i][2] > lo for lo, hi in spans) > 1}


def _side_by_side(idx: list[int], page: _Page) -> list[list[int]]:
    """The boxes in groups side by side, left to right: parted where no box crosses, or overhangs the
    next by less than OVERHANG (not on a scan, whose columns' word boxes from OCR may reach into the
    gutter from both sides: there a story's columns are read one after the other only when no box
    crosses between them)."""
    least = SCAN_GUTTER if page.scanned else -OVERHANG * page.min_gap
    return _split(idx, page.boxes, axis=0, min_gap=least, hrules=())


def _span(group: list[int], boxes: Sequence[Box]) -> tuple[float, float]:
    return min(boxes[i][0] for i in group), max(boxes[i][2] for i in group)


def _split(
    idx: list[int],
    boxes: Sequence[Box],
    axis: int,
    min_gap: float,
    hrules: Sequence[Box],
    floating: Collection[int] = (),
    pitch: float | None = None,
) -> list[list[int]]:
    """Split along ``axis`` (0: at x gaps, 1: at y gaps, but not through a row of paragraph gaps:
    :func:`_paragraph_gaps`, ``floating`` its pictures) where nothing crosses the gap; given the line
    ``pitch``, a rule drawn in pieces level with each other parts as one (not on a scan, whose rules
    are found in its pixels, broken and joined by its noise)."""
    lo, hi = axis, axis + 2
    order = sorted(idx, key=lambda i: boxes[i][lo])
    groups: list[list[int]] = [[order[0]]]
    reach = boxes[order[0]][hi]
    for i in order[1:]:
        start = boxes[i][lo]
        gap = start - reach
        ruled = gap > 0 and axis == 1 and _rule_in(reach, start, idx, boxes, hrules, pitch)
        wide = gap > min_gap and not (axis == 1 and _paragraph_gaps(reach, start, idx, boxes, min_gap, floating))
        if ruled or wide:
            groups.append([i])
        else:
            groups[-1].append(i)
        reach = max(reach, boxes[i][hi])
    return groups


def _peel_bottom(idx: list[int], page: _Page) -> list[list[int]]:
    """The columns of the boxes above the highest box that crosses their gutter, then the rest.

    An L-shaped region (a story across the feet of two columns, a third column running on beside
    it) has no clean cut; without its lowest boxes it has columns. Boxes are taken off the foot, the
    lowest-starting first, until what is left splits into columns one of which runs on down beside
    a box taken off that crosses their gutter (at most half of them are taken); a box taken off that
    lies within one column and under no box across the gutter goes back to its column.
    """
    boxes = page.boxes
    by_top = sorted(idx, key=lambda i: boxes[i][1])
    for k in range(len(by_top) - 1, (len(by_top) - 1) // 2, -1):
        if boxes[by_top[k]][1] - boxes[by_top[k - 1]][1] < 1:
            continue  # boxes level with each other (a row of columns' tops) are not parted
        columns = _columns(by_top[:k], page)
        if len(columns) == 1 or any(_no_column(c, page) for c in columns):
            continue
        spans = [_span(c, boxes) for c in columns]
        lower = by_top[k:]
        across = [i for i in lower if sum(boxes[i][0] < hi and boxes[i][2] > lo for lo, hi in spans) > 1]
        foot = max(boxes[i][3] for c in columns for i in c)
        if not across or foot <= min(boxes[i][1] for i in across):
            continue  # no column runs on beside what crosses: not an L, the next peel's case
        if any(_level_with_a_column_beside(i, columns, page) for i in across):
            continue  # a row of columns, one starting a little lower, is no L
        rest = [i for i in lower if not _back_to_its_column(i, columns, spans, across, boxes)]
        return [*columns, rest] if rest else columns
    return [idx]


def _no_column(group: list[int], page: _Page) -> bool:
    """Whether a group of boxes side by side with others holds nothing a line or so tall but what
    floats: a kicker and a byline flush left beside a centred headline's start, not a column."""
    fixed = [page.boxes[i] for i in group if i not in page.floating]
    return all(b[3] - b[1] < STACK_LINE * page.min_gap for b in fixed)


def _level_with_a_column_beside(i: int, columns: list[list[int]], page: _Page) -> bool:
    """Whether box ``i`` starts level with a box beside it (within LEVEL_TOPS line gaps): a column
    of a row, its top a little lower (under a drop cap), not the foot of an L under the columns."""
    box, boxes = page.boxes[i], page.boxes
    return any(
        abs(boxes[j][1] - box[1]) < LEVEL_TOPS * page.min_gap and (boxes[j][2] <= box[0] or boxes[j][0] >= box[2])
        for c in columns
        for j in c
    )


def _back_to_its_column(
    i: int, columns: list[list[int]], spans: list[tuple[float, float]], across: list[int], boxes: Sequence[Box]
) -> bool:
    """Put box ``i``, taken off a region's foot, back in the column it lies within, unless it lies
    under a box across the columns' gutter (then it is that box's). Says whether it went back."""
    box = boxes[i]
    if any(boxes[j][1] <= box[1] and boxes[j][0] < box[2] and box[0] < boxes[j][2] for j in across):
        return False
    for column, (lo, hi) in zip(columns, spans, strict=True):
        if lo <= box[0] and box[2] <= hi:
            column.append(i)
            return True
    return False


def _peel_top(idx: list[int], boxes: Sequence[Box], overlap: float) -> list[list[int]]:
    """The boxes above the first y that no box crosses by more than ``overlap``, and the rest: a
    headline in Nastaliq reaches down into the first lines of the columns under it."""
    groups = _split(idx, boxes, axis=1, min_gap=-overlap, hrules=())
    if len(groups) == 1:
        return groups
    return [groups[0], [i for g in groups[1:] for i in g]]


def _rule_in(
    y0: float, y1: float, idx: list[int], boxes: Sequence[Box], hrules: Sequence[Box], pitch: float | None = None
) -> bool:
    """A rule in the gap that spans most of the region's width separates like wide whitespace; so,
    given the line ``pitch``, does a rule drawn column by column: pieces level with each other, a
    gutter apart at most, together across the region's whole width (RULE_PIECES_SPAN)."""
    left = min(boxes[i][0] for i in idx)
    right = max(boxes[i][2] for i in idx)
    width = right - left
    rules = [r for r in hrules if y0 - 1 <= (r[1] + r[3]) / 2 <= y1 + 1]
    if any(min(r[2], right) - max(r[0], left) > RULE_SPAN * width for r in rules):
        return True
    return pitch is not None and any(span >= RULE_PIECES_SPAN * width for span in _pieced(rules, left, right, pitch))


def _pieced(rules: list[Box], left: float, right: float, pitch: float) -> list[float]:
    """The widths (within ``left`` to ``right``) of the rules made of pieces level with each other
    (within RULE_LEVEL points), each a gutter (RULE_GUTTER line pitches) from the next at most. The
    rules are grouped by level once, in one pass down them: a page may draw thousands."""
    spans: list[float] = []
    level: list[Box] = []
    for rule in sorted(rules, key=lambda r: r[1] + r[3]):
        if level and (rule[1] + rule[3]) - (level[0][1] + level[0][3]) > 2 * RULE_LEVEL:
            spans += _joined(level, left, right, pitch)
            level = []
        level.append(rule)
    return spans + _joined(level, left, right, pitch) if level else spans


def _joined(level: list[Box], left: float, right: float, pitch: float) -> list[float]:
    """The widths of the runs of level pieces, each at most RULE_GUTTER line pitches from the next."""
    spans: list[float] = []
    pieces = sorted(level, key=lambda r: r[0])
    x0, x1 = pieces[0][0], pieces[0][2]
    for r in pieces[1:]:
        if r[0] - x1 > RULE_GUTTER * pitch:
            spans.append(min(x1, right) - max(x0, left))
            x0 = r[0]
        x1 = max(x1, r[2])
    return [*spans, min(x1, right) - max(x0, left)]


def _paragraph_gaps(
    y0: float, y1: float, idx: list[int], boxes: Sequence[Box], pitch: float, floating: Collection[int]
) -> bool:
    """Whether the gap from ``y0`` to ``y1`` runs only through paragraph gaps: at most
    PARAGRAPH_GAP_MOST line pitches, with text in two columns or more under it, each running on from
    text in the same measure over it or from a picture over it in its column (the foot of a photo's
    caption, or a column's first lines a little lower under a picture: UNDER_A_PICTURE), and every
    column's text over it running on under it, or past a pull quote set into its measure, or ending
    there with white under it (a story's columns whose paragraphs happen to break level, its last
    column ending level with them); or only through the margins under floating boxes
    set inside the columns (:func:`_round_floats_in_columns`); or, alone under it, a column's last
    paragraph (COLUMN_FOOT) flush with the text over it, the other columns ending higher."""
    if y1 - y0 > PARAGRAPH_GAP_MOST * pitch:
        return False
    above = [i for i in idx if y0 - pitch <= boxes[i][3] <= y0]
    text = [boxes[i] for i in above if i not in floating]
    # a photo's caption may end higher than the text beside it: the column under it starts a
    # little lower than the gap's foot (UNDER_A_PICTURE)
    feet = [boxes[i] for i in idx if i in floating and y1 - UNDER_A_PICTURE * pitch <= boxes[i][3] <= y0]
    # a column ending in a pull quote at the gap (or a little over it, beside a taller photo's
    # caption) runs on past the quote: its text over the quote counts
    quoted = _text_over_set_in(feet, idx, boxes, floating, pitch)
    pictures = _stacked_floats(feet, [boxes[i] for i in floating if i in idx], pitch)
    below = [boxes[i] for i in idx if y1 <= boxes[i][1] <= y1 + pitch or _text_under(boxes[i], y1, pictures, pitch)]
    # a pull quote set into a column under its text, maybe a little lower: the column runs on past it
    set_in = [boxes[i] for i in idx if i in floating and y1 <= boxes[i][1] <= y1 + PARAGRAPH_GAP_MOST * pitch]
    below += [b for b in set_in if b not in below]

    def same_measure(a: Box, b: Box) -> bool:
        return (
            _same_measure(a, b, pitch)
            or (b in set_in and (_inside_measure(b, a, pitch) or _across_the_gutter(b, text, pitch)))
            or _wrapped_round(a, b, set_in, pitch)
        )

    def under_a_picture(b: Box) -> bool:
        return any(p[0] < b[2] and b[0] < p[2] for p in pictures)

    if len(below) == 1 and below[0][3] - below[0][1] <= COLUMN_FOOT * pitch:
        return any(_flush_with(a, below[0], pitch) for a in text)  # a column's foot, the others ending higher
    if not text and not quoted:
        over = [boxes[i] for i in idx if i not in floating and boxes[i][3] <= y0]
        return len(below) >= 2 and _round_floats_in_columns(pictures, below, over, set_in, pitch)

    def ends_there(a: Box) -> bool:  # a story's last column, shorter than the others: white under it
        under = (boxes[i] for i in idx if y1 <= boxes[i][1] < y1 + UNDER_A_PICTURE * pitch)
        return not any(b[0] < a[2] and a[0] < b[2] for b in under)

    return (
        len(below) >= 2
        and all(any(same_measure(a, b) for a in text + quoted) or under_a_picture(b) for b in below)
        and all(any(same_measure(a, b) for b in below) or ends_there(a) for a in text)
    )


def _text_over_set_in(
    feet: list[Box], idx: list[int], boxes: Sequence[Box], floating: Collection[int], pitch: float
) -> list[Box]:
    """The text over the floating boxes ending at a gap (``feet``) set inside its measure, within
    UNDER_A_PICTURE line pitches over them: a pull quote at a column's foot beside a photo, the
    column running on past it."""
    return [
        boxes[i]
        for i in idx
        if i not in floating
        for f in feet
        if 0 <= f[1] - boxes[i][3] <= UNDER_A_PICTURE * pitch and _inside_measure(f, boxes[i], pitch)
    ]


def _text_under(box: Box, y1: float, pictures: list[Box], pitch: float) -> bool:
    """Whether a box starting under a gap's foot ``y1`` starts a column under one of ``pictures``
    (within UNDER_A_PICTURE line pitches of its foot): a column under a photo and its caption may
    start a little lower than the text running on beside it."""
    return box[1] >= y1 and any(
        p[0] < box[2] and box[0] < p[2] and 0 <= box[1] - p[3] <= UNDER_A_PICTURE * pitch for p in pictures
    )


def _stacked_floats(feet: list[Box], floats: list[Box], pitch: float) -> list[Box]:
    """The floating boxes ending at a gap (``feet``) with those stacked over them, each within a line
    pitch of the next: a photo over its caption, which may be narrower than the photo (text in the
    next column under the photo runs on from it, past the caption's foot)."""
    stack = list(feet)
    for box in sorted(floats, key=lambda b: -b[3]):
        if box not in stack and any(0 <= s[1] - box[3] <= pitch and box[0] < s[2] and s[0] < box[2] for s in stack):
            stack.append(box)
    return stack


def _same_measure(a: Box, b: Box, pitch: float) -> bool:
    """Whether two blocks are set in one column's measure: their edges within MEASURE_EDGE line
    pitches, or one so and the other within RAGGED_EDGE (text set ragged)."""
    start, end = abs(a[0] - b[0]), abs(a[2] - b[2])
    return min(start, end) <= MEASURE_EDGE * pitch and max(start, end) <= RAGGED_EDGE * pitch


def _wrapped_round(column: Box, text: Box, set_in: list[Box], pitch: float) -> bool:
    """Whether ``text`` is a column's text narrowed round a picture set into the column under the
    gap: flush with the column on one edge, ending on the other where the picture starts."""
    edge = MEASURE_EDGE * pitch
    ragged = RAGGED_EDGE * pitch
    return any(
        (
            abs(text[0] - column[0]) <= edge
            and column[0] < picture[0] < column[2]
            and 0 <= picture[0] - text[2] <= ragged
        )
        or (
            abs(text[2] - column[2]) <= edge
            and column[0] < picture[2] < column[2]
            and 0 <= text[0] - picture[2] <= ragged
        )
        for picture in set_in
    )


def _across_the_gutter(picture: Box, columns: list[Box], pitch: float) -> bool:
    """Whether a picture set in under a gap straddles the gutter of two columns over it, inside their
    joint measure: the text of both runs on round it."""
    edge = MEASURE_EDGE * pitch
    starts = [c for c in columns if c[0] - edge <= picture[0] < c[2]]
    ends = [c for c in columns if c[0] < picture[2] <= c[2] + edge]
    return bool(starts) and bool(ends) and not set(starts) & set(ends)


def _flush_with(a: Box, b: Box, pitch: float) -> bool:
    """Whether a box starts where the box over it does and ends about where it ends (within
    MEASURE_EDGE line pitches, or, two lines or more, a little short of it in text set ragged:
    RAGGED_EDGE): lines of one column, not a short line (a kicker) under it, nor a head overhanging
    the column."""
    edge = MEASURE_EDGE * pitch
    ragged = RAGGED_EDGE * pitch if b[3] - b[1] >= STACK_LINE * pitch else edge  # a line alone: a kicker
    left, right = abs(a[0] - b[0]) <= edge, abs(a[2] - b[2]) <= edge
    return (left and a[2] - ragged <= b[2] <= a[2] + edge) or (right and a[0] - edge <= b[0] <= a[0] + ragged)


def _inside_measure(inner: Box, column: Box, pitch: float) -> bool:
    """Whether a box is set inside a column's measure (its edges within MEASURE_EDGE line pitches)."""
    edge = MEASURE_EDGE * pitch
    return column[0] - edge <= inner[0] and inner[2] <= column[2] + edge


def _round_floats_in_columns(
    floats: list[Box], below: list[Box], over: list[Box], set_in: list[Box], pitch: float
) -> bool:
    """Whether a gap under nothing but floating boxes (a caption's foot in one column, a pull
    quote's in the next) is their margins: each float set inside the measure of a column under it,
    each column under a float (or a pull quote ``set_in`` a column, under its text, in its measure),
    and a column's text running on past its float from the same measure over it. A photo across the
    columns, or a head across them under the floats, is white space."""

    def runs_on(b: Box) -> bool:
        return any(_same_measure(a, b, pitch) for a in over)

    def set_into_a_column(b: Box) -> bool:
        return b in set_in and any(
            _inside_measure(b, a, pitch) and 0 <= b[1] - a[3] <= UNDER_A_PICTURE * pitch for a in over
        )

    return (
        bool(floats)
        and all(any(_inside_measure(f, b, pitch) for b in below) for f in floats)
        and all(any(_inside_measure(f, b, pitch) for f in floats) or set_into_a_column(b) for b in below)
        and any(runs_on(b) for b in below)
    )
