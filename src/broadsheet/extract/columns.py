"""Stage 3a: the column grid cuts lines that run across a gutter.

Two headlines side by side on one baseline, over neighbouring stories, are set with only a gutter
between them — often less than the gap the line stage allows inside a large-type line. The body
text under them shows where the gutters are: where a headline's word gap lies over an empty
strip between columns of body lines, the headline is two lines.
"""

from __future__ import annotations

import bisect
import itertools

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


def split_at_gutters(lines: list[Line], scale: TypeScale) -> list[Line]:
    """Lines in large type, cut wherever a word gap lies over a gutter of the body text below."""
    body = sorted((ln for ln in lines if abs(ln.size - scale.body) < 0.15 * scale.body), key=lambda ln: ln.top)
    tops = [ln.top for ln in body]
    out: list[Line] = []
    for line in lines:
        if line.size < LARGE_TYPE * scale.body or len(line.words) < 2:
            out.append(line)
            continue
        start = bisect.bisect_left(tops, line.bottom)
        end = bisect.bisect_left(tops, line.bottom + LOOK_BELOW * scale.pitch)
        out.extend(_split_line(line, body[start:end], scale))
    return out


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
