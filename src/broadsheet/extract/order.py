"""Stage 4: reading order of blocks — recursive XY-cut with newspaper preferences.

Horizontal cuts come first, but only through wide whitespace or along a rule, so that chance
alignments of paragraph gaps across columns do not cut the columns; then vertical cuts through
gutters, read left to right (right to left on RTL pages).
"""

from __future__ import annotations

from collections.abc import Sequence

from broadsheet.extract.model import Direction
from broadsheet.geometry import Box


def reading_order(boxes: Sequence[Box], direction: Direction, min_gap: float, hrules: Sequence[Box] = ()) -> list[int]:
    """Indices of ``boxes`` in reading order."""
    out: list[int] = []
    _cut(list(range(len(boxes))), boxes, direction, min_gap, hrules, out)
    return out


def _cut(
    idx: list[int], boxes: Sequence[Box], direction: Direction, min_gap: float, hrules: Sequence[Box], out: list[int]
) -> None:
    if len(idx) <= 1:
        out.extend(idx)
        return
    groups = _split(idx, boxes, axis=1, min_gap=min_gap, hrules=hrules)
    if len(groups) == 1:
        groups = _split(idx, boxes, axis=0, min_gap=0.5, hrules=())
        if direction == "rtl":
            groups.reverse()
    if len(groups) == 1:
        # something wide on top (a photo over two columns) blocks both cuts: take off the top
        # part at the first clean horizontal gap, however narrow, and cut the rest again
        groups = _peel_top(idx, boxes)
    if len(groups) == 1:
        # no clean cut: read top to bottom, then along the line
        sign = -1 if direction == "rtl" else 1
        out.extend(sorted(idx, key=lambda i: (boxes[i][1], sign * boxes[i][0])))
        return
    for group in groups:
        _cut(group, boxes, direction, min_gap, hrules, out)


def _split(idx: list[int], boxes: Sequence[Box], axis: int, min_gap: float, hrules: Sequence[Box]) -> list[list[int]]:
    """Split along ``axis`` (0: at x gaps, 1: at y gaps) where nothing crosses the gap."""
    lo, hi = axis, axis + 2
    order = sorted(idx, key=lambda i: boxes[i][lo])
    groups: list[list[int]] = [[order[0]]]
    reach = boxes[order[0]][hi]
    for i in order[1:]:
        start = boxes[i][lo]
        gap = start - reach
        if gap > min_gap or (gap > 0 and axis == 1 and _rule_in(reach, start, idx, boxes, hrules)):
            groups.append([i])
        else:
            groups[-1].append(i)
        reach = max(reach, boxes[i][hi])
    return groups


def _peel_top(idx: list[int], boxes: Sequence[Box]) -> list[list[int]]:
    """The boxes above the first y that no box crosses, and the rest."""
    groups = _split(idx, boxes, axis=1, min_gap=0.0, hrules=())
    if len(groups) == 1:
        return groups
    return [groups[0], [i for g in groups[1:] for i in g]]


def _rule_in(y0: float, y1: float, idx: list[int], boxes: Sequence[Box], hrules: Sequence[Box]) -> bool:
    """A rule in the gap that spans most of the region's width separates like wide whitespace."""
    left = min(boxes[i][0] for i in idx)
    right = max(boxes[i][2] for i in idx)
    width = right - left
    for r in hrules:
        mid = (r[1] + r[3]) / 2
        if y0 - 1 <= mid <= y1 + 1 and min(r[2], right) - max(r[0], left) > 0.6 * width:
            return True
    return False
