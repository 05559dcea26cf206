"""Stage 3a: the column grid cuts lines that run across a gutter.

Two headlines side by side on one baseline, over neighbouring stories, are set with only a gutter
between them — often less than the gap the line stage allows inside a large-type line. The body
text under them shows where the gutters are: where a headline's word gap lies over an empty
strip between columns of body lines, the headline is two lines.

Body lines are cut too where the PDF wrote two columns' lines one after the other across a gutter
narrower than a justified line's word space (Word's text boxes set 0.6 body sizes apart): the line
stage keeps glyphs written in a row together, and only the lines around show the gutter.
"""

from __future__ import annotations

import bisect
import itertools
from collections import Counter

from broadsheet.extract.blocks import TypeScale
from broadsheet.extract.line import Line, Word

# Only lines in type this much bigger than the body are checked: body lines are split by the
# line stage itself, which sees the gutter as a wide gap at body size.
LARGE_TYPE = 1.15
# A gap narrower than this share of the type size is a word space, whatever lies under it.
WIDE_GAP = 0.45
# How far below a line the body text that shows its gutters is looked for, in line pitches.
LOOK_BELOW = 25
# Body lines needed on each side of a gutter for it to count as one.
SIDE_LINES = 3
# How far above and below a body line the lines that show a gutter across it are looked for, in
# line pitches.
LOOK_AROUND = 8
# Lines starting (or, set flush right, ending) within this many points of one x make a column edge.
EDGE_SLACK = 1.0
# A gutter is at least this many body sizes wide (a justified line's word space may be as wide).
MIN_GUTTER = 0.5
# Lines within this share of the body's size are in it.
BODY_SIZE_SLACK = 0.05


def split_at_gutters(lines: list[Line], scale: TypeScale, scanned: bool = False) -> list[Line]:
    """Lines in large type, cut wherever a word gap lies over a gutter of the body text below; body
    lines, wherever a word gap lies in a gutter of the body text around them (not on a scan: OCR
    cuts its lines at the gutters it sees, and its word boxes are too rough for this)."""
    body = sorted((ln for ln in lines if abs(ln.size - scale.body) < 0.15 * scale.body), key=lambda ln: ln.top)
    tops = [ln.top for ln in body]
    edges = _column_edges(body)
    out: list[Line] = []
    for line in lines:
        if len(line.words) < 2:
            out.append(line)
        elif line.size >= LARGE_TYPE * scale.body:
            start = bisect.bisect_left(tops, line.bottom)
            end = bisect.bisect_left(tops, line.bottom + LOOK_BELOW * scale.pitch)
            out.extend(_split_line(line, body[start:end], scale))
        elif not scanned and _running_text(line, scale) and (gaps := _gaps_at_edges(line, edges, scale)):
            start = bisect.bisect_left(tops, line.top - LOOK_AROUND * scale.pitch)
            end = bisect.bisect_left(tops, line.bottom + LOOK_AROUND * scale.pitch)
            around = [b for b in body[start:end] if b is not line]
            out.extend(_split_body_line(line, gaps, around, scale))
        else:
            out.append(line)
    return out


def _running_text(line: Line, scale: TypeScale) -> bool:
    """A line of running text: regular type in the body's size (a head over columns, bold or bigger,
    may well have a word gap over their gutter)."""
    return line.bold < 0.5 and abs(line.size - scale.body) < BODY_SIZE_SLACK * scale.body


def _column_edges(body: list[Line]) -> tuple[set[int], set[int]]:
    """The x (whole points, widened by EDGE_SLACK) where at least SIDE_LINES body lines start, and
    where as many end: the page's column edges, a cheap first test before a line's neighbours are
    looked at."""
    starts: Counter[int] = Counter(round(b.x0) for b in body)
    ends: Counter[int] = Counter(round(b.x1) for b in body)
    slack = range(-round(EDGE_SLACK), round(EDGE_SLACK) + 1)
    return (
        {x + d for x, n in starts.items() if n >= SIDE_LINES for d in slack},
        {x + d for x, n in ends.items() if n >= SIDE_LINES for d in slack},
    )


def _gaps_at_edges(line: Line, edges: tuple[set[int], set[int]], scale: TypeScale) -> list[int]:
    """The word gaps of the line (by the index of the word after, left to right) at least MIN_GUTTER
    body sizes wide where a column's edge meets a word: the next word starts at a column's left
    edge, or the word before ends at a column's right edge."""
    words = _left_to_right(line)
    least = MIN_GUTTER * scale.body
    return [
        k
        for k in range(1, len(words))
        if words[k].box[0] - words[k - 1].box[2] >= least
        and (round(words[k].box[0]) in edges[0] or round(words[k - 1].box[2]) in edges[1])
    ]


def _left_to_right(line: Line) -> list[Word]:
    """The line's words from left to right (a right-to-left line keeps its words in reading order)."""
    words = line.words[::-1] if line.rtl else line.words
    if all(a.box[0] <= b.box[0] for a, b in itertools.pairwise(words)):
        return words
    return sorted(words, key=lambda w: w.box[0])


def _split_body_line(line: Line, gaps: list[int], around: list[Line], scale: TypeScale) -> list[Line]:
    """The line cut at those of ``gaps`` where the lines around line up on the column's edge and
    leave a gutter open."""
    words = _left_to_right(line)
    cuts = []
    for k in gaps:
        x0, x1 = words[k - 1].box[2], words[k].box[0]
        edge = _aligned(x1, [b.x0 for b in around]) or _aligned(x0, [b.x1 for b in around])
        if edge and _in_a_gutter(x0, x1, around, scale):
            cuts.append(k)
    if not cuts:
        return [line]
    bounds = [0, *cuts, len(words)]
    return [line.part(words[a:b]) for a, b in itertools.pairwise(bounds)]


def _aligned(x: float, edges: list[float]) -> bool:
    return sum(1 for e in edges if abs(e - x) <= EDGE_SLACK) >= SIDE_LINES


def _in_a_gutter(x0: float, x1: float, around: list[Line], scale: TypeScale) -> bool:
    """Whether the gap from ``x0`` to ``x1`` holds a gutter of the lines around: an x that no word of
    theirs covers (a line run across the gutter, as this one, leaves it open), with SIDE_LINES of
    them ending just left of it and as many starting just right."""
    near = 2 * scale.body
    words = [w.box for b in around for w in b.words if w.box[0] < x1 and w.box[2] > x0]
    x = x0 + EDGE_SLACK
    while x <= x1 - EDGE_SLACK:
        if not any(w[0] + EDGE_SLACK < x < w[2] - EDGE_SLACK for w in words):
            left = sum(1 for b in around if x - near < b.x1 <= x + EDGE_SLACK)
            right = sum(1 for b in around if x - EDGE_SLACK <= b.x0 < x + near)
            if left >= SIDE_LINES and right >= SIDE_LINES:
                return True
        x += 1.0
    return False


def _split_line(line: Line, below: list[Line], scale: TypeScale) -> list[Line]:
    words = sorted(line.words, key=lambda w: w.box[0])
    gaps = [b.box[0] - a.box[2] for a, b in itertools.pairwise(words)]
    # a word space stretched over a gutter would be wider than the line's usual space
    wide = max(WIDE_GAP * line.size, 1.8 * sorted(gaps)[len(gaps) // 2])
    parts: list[list[Word]] = [[words[0]]]
    for gap, left, right in zip(gaps, words, words[1:], strict=False):
        if gap >= wide and _over_gutter(left.box[2], right.box[0], below, scale):
            parts.append([])
        parts[-1].append(right)
    if len(parts) == 1:
        return [line]
    return [line.part(part) for part in parts]


def _over_gutter(x0: float, x1: float, below: list[Line], scale: TypeScale) -> bool:
    """Whether a gutter of the body text below runs somewhere between ``x0`` and ``x1``: an x that no
    body line crosses, with column edges just left and just right of it."""
    near = 2 * scale.body
    x = x0
    while x <= x1:
        if not any(b.x0 < x < b.x1 for b in below):
            left = sum(1 for b in below if x - near < b.x1 <= x)
            right = sum(1 for b in below if x <= b.x0 < x + near)
            if left >= SIDE_LINES and right >= SIDE_LINES:
                return True
        x += 1.0
    return False
